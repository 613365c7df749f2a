"""Partition-pure maps and exact merges: one implementation for chunked and Dask runs.

Why: a national event produces more posts than fit in memory, but every heavy step of
trendlib reduces posts to something small (counts per bin and key, edge lists, label
counts per bin, activity per account). Each such step is written here as three plain
functions:

* ``*_partial(frame, ...)``: reads one pandas frame of posts and returns a partial result
  that depends on those rows only (a *partition-pure map*);
* ``merge_*(partials)``: combines partials exactly (counts add, first/last seen take
  min/max, distinct accounts are a set union, never a sum), associative, so it can run as
  a tree;
* ``finish_*(partial, ...)``: turns the merged partial into the same table the pandas
  function returns on the whole frame (zero-filling, ``min_count``, weights, sorting).

The chunked front end (:mod:`trendlib._partial.chunked`: ``count(chunks, ...)`` over any
iterable of frames, e.g. ``read_posts(..., chunksize=N)`` or one file at a time) and
:mod:`trendlib.dask` (a tree reduction over the partitions of a Dask DataFrame) call the
same three functions, so both are equal to the pandas result by construction and by test.
"""

from ._counts import CountPartial, count_partial, finish_counts, merge_counts
from ._edges import (
    CoPartial,
    activity_partial,
    cohashtag_partial,
    finish_activity,
    finish_cohashtag,
    finish_interaction,
    interaction_partial,
    merge_activity,
    merge_cohashtag,
    merge_interaction,
)
from ._sentiment import SentimentPartial, finish_sentiment, merge_sentiment, sentiment_partial

__all__ = [
    "CountPartial", "count_partial", "merge_counts", "finish_counts",
    "CoPartial", "cohashtag_partial", "merge_cohashtag", "finish_cohashtag",
    "interaction_partial", "merge_interaction", "finish_interaction",
    "activity_partial", "merge_activity", "finish_activity",
    "SentimentPartial", "sentiment_partial", "merge_sentiment", "finish_sentiment",
]
