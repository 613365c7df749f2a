"""trendlib on Dask: the same analysis out of core on a laptop and across a cluster.

Why: a national event produces tens of millions of posts; pandas runs out of memory long
before trendlib's algorithms run out of steam. Every heavy step of trendlib reduces posts
to something small, so this package runs it as a partition-pure map plus an exact merge
(:mod:`trendlib._partial`, the same functions the chunked path uses) over the partitions
of a ``dask.dataframe.DataFrame`` in the canonical posts schema, and returns the small
results as pandas. The core functions stay pandas-only (they are not polymorphic on Dask
collections) and no Dask class is subclassed: Dask is only the engine.

* Collections: :func:`read_posts` (many files or a glob, one partition per file, the
  canonical ``meta``), :func:`add_tokens`, :func:`add_sentiment` (``map_partitions``).
* Tree reductions (pandas results; ``compute=False`` gives a ``Delayed`` to compute
  several results in one pass with ``dask.compute``): :func:`count`,
  :func:`co_hashtag_edges`, :func:`interaction_edges`, :func:`interaction_graph`,
  :func:`sentiment_over_time`, :func:`account_activity`.
* On the reduced results: :func:`detect_bursts`, :func:`trending`, :func:`communities`;
  :func:`explain_burst` filters the burst's window first; :func:`coordinated_accounts`
  and :func:`coordination_evidence` shuffle fingerprint uses by key (no post text reaches
  the client beyond the evidence); :func:`reply_brigades` gathers only the replies' short
  columns (who answered which thread of whom, no text).
* Topics: :func:`fit_topics` (``partial_fit`` partition by partition), :func:`add_topics`
  (``map_partitions``), :func:`topics_over_time` (exact counts of topics).
* :func:`build_report` (what ``python -m trendlib report ... --dask`` calls) and
  :func:`client` (a ``LocalCluster`` of processes, or a scheduler address).

Install with ``pip install trendlib[dask]``. See docs/scale.md.
"""

from __future__ import annotations

from .._lazy import lazy_attributes

_LAZY = {
    "read_posts": "._collection",
    "add_tokens": "._collection",
    "add_sentiment": "._collection",
    "count": "._reduce",
    "co_hashtag_edges": "._reduce",
    "interaction_edges": "._reduce",
    "interaction_graph": "._reduce",
    "sentiment_over_time": "._reduce",
    "account_activity": "._reduce",
    "detect_bursts": "._analysis",
    "trending": "._analysis",
    "communities": "._analysis",
    "explain_burst": "._analysis",
    "coordinated_accounts": "._coordination",
    "coordination_evidence": "._coordination",
    "reply_brigades": "._brigades",
    "fit_topics": "._topics",
    "add_topics": "._topics",
    "topics_over_time": "._topics",
    "build_report": "._report",
    "client": "._report",
}

__getattr__, __dir__, __all__ = lazy_attributes(__name__, _LAZY)
