"""The analysis over chunks of posts, one chunk in memory at a time (public front end).

``read_posts(path, chunksize=N)``, a folder of daily scrape files or a database cursor
yield posts a frame at a time; these functions take any iterable of canonical posts frames
and return exactly what the pandas function returns on their concatenation. They run the
same partition-pure maps and exact merges (:mod:`trendlib._partial`) as
:mod:`trendlib.dask`, so there is one implementation for chunks and clusters.

* ``count(chunks, key=..., freq=..., tz=...)`` (with distinct ``accounts``)
* ``co_hashtag_edges(chunks, weight=...)``, ``interaction_edges(chunks, kind=...)``
* ``sentiment_over_time(chunks, freq=..., group_by=...)`` (posts scored by ``add_sentiment``)
* ``fit_topics(chunks, **params)`` (``TopicModel`` fitted chunk by chunk) and
  ``topics_over_time(chunks, model, freq=...)``
* ``fold(chunks, partial, merge)``: the tree merge, for your own partials.

Examples
--------
>>> import trendlib as tl
>>> from trendlib import chunked
>>> posts = tl.datasets.load_sample_posts()
>>> parts = (posts.iloc[i:i + 50] for i in range(0, len(posts), 50))
>>> chunked.count(parts, key="hashtag", freq="1D").equals(tl.count(posts, key="hashtag", freq="1D"))
True
"""

from __future__ import annotations

from ._lazy import lazy_attributes

_LAZY = {name: "trendlib._partial.chunked" for name in
         ("count", "co_hashtag_edges", "interaction_edges", "sentiment_over_time", "fit_topics",
          "topics_over_time", "fold")}

__getattr__, __dir__, __all__ = lazy_attributes(__name__, _LAZY)
