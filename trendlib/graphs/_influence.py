"""Influencers: nodes ranked by a centrality measure, as a tidy table."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd

from .._deprecate import renamed_kwargs
from .._validation import check_choice, check_graph, check_int, check_weights

Measure = Literal[
    "pagerank", "degree", "in_degree", "out_degree", "strength", "in_strength",
    "out_strength", "betweenness", "eigenvector", "hub", "authority",
]

__all__ = ["influencers"]

MEASURES = (
    "pagerank", "degree", "in_degree", "out_degree", "strength", "in_strength",
    "out_strength", "betweenness", "eigenvector", "hub", "authority",
)


@renamed_kwargs(by="rank_by")
def influencers(G: Any, *, rank_by: Measure = "pagerank", top: int | None = 20, weight: str | None = "weight", betweenness_k: int = 500, seed: int | None = 0) -> pd.DataFrame:
    """Rank the nodes of ``G`` by a centrality measure.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
    rank_by : str
        The measure nodes are ranked by (replaces ``by=``, deprecated):

        * ``"pagerank"``: PageRank (damping 0.85) with edge weights; on an interaction graph
          (author -> target) attention flows to the accounts others mention/reply/retweet.
        * ``"degree"``, ``"in_degree"``, ``"out_degree"``: number of distinct neighbours
          (in/out only on directed graphs).
        * ``"strength"``, ``"in_strength"``, ``"out_strength"``: sum of edge weights.
        * ``"betweenness"``: shortest-path betweenness, unweighted (weights are
          strengths, not distances). Exact up to ``betweenness_k`` nodes; above that it is
          estimated from ``betweenness_k`` source nodes sampled with ``seed`` (Brandes &
          Pich 2007), which keeps it near-linear on large graphs.
        * ``"eigenvector"``: eigenvector centrality (in-edges on directed graphs), computed
          on the largest (weakly) connected component; other nodes score 0 (the measure is
          not defined across components). Directed graphs without cycles have none: use
          PageRank.
        * ``"hub"``, ``"authority"``: HITS scores (directed graphs).
    top : int or None
        Rows to return (``None``: all nodes).
    weight : str or None
        Edge attribute used by the weighted measures (must be non-negative).
    betweenness_k : int
        Sample size of source nodes for betweenness on graphs larger than this.
    seed : int or None
        Seed of the betweenness sample.

    Returns
    -------
    pandas.DataFrame
        ``rank`` (1 = top), ``node``, ``score``, ``degree`` and ``community`` when nodes
        carry that attribute, ``author_name`` when nodes carry that display label; ties
        broken by node name. ``attrs`` records ``rank_by`` and, for betweenness, ``k``
        (``None`` = exact).

    See Also
    --------
    interaction_graph, co_hashtag_graph : graphs to rank.
    communities : sets the ``community`` attribute reported here.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("rina", "jokowi"), ("budi", "jokowi"), ("sari", "jokowi"),
    ...                 ("jokowi", "kemenkes_ri"), ("rina", "budi")])
    >>> influencers(G, rank_by="in_degree", top=2)[["rank", "node", "score"]]
       rank    node  score
    0     1  jokowi    3.0
    1     2    budi    1.0
    >>> influencers(G, rank_by="pagerank", top=1)["node"].tolist()
    ['kemenkes_ri']
    """
    import networkx as nx

    check_graph(G, func="influencers")
    check_choice(rank_by, MEASURES, name="rank_by", func="influencers")
    by = rank_by
    if top is not None:
        top = check_int(top, name="top", func="influencers")
    betweenness_k = check_int(betweenness_k, name="betweenness_k", func="influencers")
    directed = G.is_directed()
    if by in ("in_degree", "out_degree", "in_strength", "out_strength", "hub", "authority") and not directed:
        raise ValueError(
            f"The 'rank_by' parameter of influencers() is {by!r}, which needs a directed graph "
            "(e.g. interaction_graph). Got an undirected graph: use 'degree' or 'strength'."
        )
    attrs: dict[str, Any] = {"rank_by": by}
    n = G.number_of_nodes()
    if by in ("pagerank", "strength", "in_strength", "out_strength", "eigenvector", "hub", "authority"):
        check_weights(G, weight, func="influencers")
    if n == 0:
        scores: dict = {}
    elif by == "pagerank":
        scores = nx.pagerank(G, weight=weight)
    elif by == "degree":
        scores = dict(G.degree())
    elif by == "in_degree":
        scores = dict(G.in_degree())
    elif by == "out_degree":
        scores = dict(G.out_degree())
    elif by == "strength":
        scores = dict(G.degree(weight=weight))
    elif by == "in_strength":
        scores = dict(G.in_degree(weight=weight))
    elif by == "out_strength":
        scores = dict(G.out_degree(weight=weight))
    elif by == "betweenness":
        k = betweenness_k if n > betweenness_k else None
        attrs["k"] = k
        scores = nx.betweenness_centrality(G, k=k, seed=seed, weight=None)
    elif by == "eigenvector":
        comps = nx.weakly_connected_components(G) if directed else nx.connected_components(G)
        main = max(comps, key=len)
        attrs["component_size"] = len(main)
        scores = dict.fromkeys(G.nodes, 0.0)
        if len(main) > 1:
            try:
                scores.update(nx.eigenvector_centrality_numpy(G.subgraph(main), weight=weight))
            except (nx.NetworkXException, ArithmeticError, ValueError, TypeError) as err:
                raise ValueError(
                    "influencers(rank_by='eigenvector') is not defined on this graph (on a directed "
                    f"graph it needs cycles): {err}. Use rank_by='pagerank' instead."
                ) from err
    else:  # hub / authority
        hubs, auths = nx.hits(G)
        scores = hubs if by == "hub" else auths
    table = pd.DataFrame({"node": list(scores), "score": np.asarray(list(scores.values()), dtype=np.float64)})
    table["degree"] = [G.degree(x) for x in table["node"]]
    if any("community" in d for _, d in G.nodes(data=True)):
        table["community"] = [G.nodes[x].get("community") for x in table["node"]]
    if any("author_name" in d for _, d in G.nodes(data=True)):
        table["author_name"] = [G.nodes[x].get("author_name") for x in table["node"]]
    table["_key"] = table["node"].astype(str)
    table = table.sort_values(["score", "_key"], ascending=[False, True], kind="stable").drop(columns="_key")
    if top is not None:
        table = table.head(top)
    table.insert(0, "rank", np.arange(1, len(table) + 1, dtype=np.int64))
    table = table.reset_index(drop=True)
    table.attrs.update(attrs)
    return table
