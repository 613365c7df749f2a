"""Graphs from posts: co-hashtag, co-mention and interaction networks and what to do with them.

* ``co_hashtag_graph`` / ``co_hashtag_edges``, ``co_mention_graph`` / ``co_mention_edges``,
  ``cooccurrence_graph`` / ``cooccurrence_edges``: undirected co-occurrence networks with
  association weights (count, PMI, NPMI, Jaccard, lift), built with sparse matrices.
* ``interaction_graph`` / ``interaction_edges``: directed author -> target networks of
  mentions, replies and retweets.
* ``backbone``: the disparity filter (Serrano, Boguna & Vespignani 2009).
* ``communities`` (Louvain, seeded), ``community_summary`` (the report per community).
* ``influencers``: ranked table by PageRank, degree, betweenness (sampled), eigenvector...
* ``coordinated_accounts`` / ``coordination_evidence`` / ``coordination_graph``: groups
  of accounts sharing texts, hashtag sets, retweets or links in bursts or repeatedly over
  days, more than chance allows (null models in docs/coordination.md).
* ``reply_brigades``: the same accounts answering the threads of several other accounts,
  more than independent repliers would.
* ``to_gexf`` (dynamic, for Gephi's timeline), ``read_gexf``, ``to_graphml``, ``to_csv``,
  ``edges_frame``.

Return conventions: edge lists are DataFrames with ``source``, ``target``, ``count``,
``weight`` (+ ``first_seen``/``last_seen`` in UTC); tables of nodes are tidy DataFrames
with a ``node`` column; graphs are networkx graphs whose ``G.graph`` records how they
were built. See docs/graphs.md.
"""

from __future__ import annotations

from .._lazy import lazy_attributes

_LAZY = {
    "cooccurrence_edges": "._cooccurrence",
    "cooccurrence_graph": "._cooccurrence",
    "co_hashtag_edges": "._cooccurrence",
    "co_hashtag_graph": "._cooccurrence",
    "co_mention_edges": "._cooccurrence",
    "co_mention_graph": "._cooccurrence",
    "interaction_edges": "._interaction",
    "interaction_graph": "._interaction",
    "backbone": "._backbone",
    "communities": "._communities",
    "community_summary": "._communities",
    "influencers": "._influence",
    "coordinated_accounts": "._coordination",
    "coordination_graph": "._coordination",
    "coordination_evidence": "._coordination",
    "reply_brigades": "._brigades",
    "to_gexf": "._export",
    "read_gexf": "._export",
    "to_graphml": "._export",
    "read_graphml": "._export",
    "to_csv": "._export",
    "edges_frame": "._export",
}

__getattr__, __dir__, __all__ = lazy_attributes(__name__, _LAZY)
