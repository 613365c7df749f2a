"""The same analysis over chunks of posts: one chunk in memory at a time.

Why: ``read_posts(..., chunksize=N)``, a folder of daily scrape files, or a database
cursor yield posts a frame at a time. These functions take any iterable of canonical
posts frames and return exactly what the pandas function returns on their
concatenation, holding one chunk plus the (small) partial results in memory. They call
the partition-pure maps and exact merges of :mod:`trendlib._partial`, the same ones
:mod:`trendlib.dask` runs on a cluster. Each chunk must hold whole posts (a post is never
split across chunks); a post repeated in two chunks is counted twice, as it would be in
the concatenation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from ._counts import count_partial, finish_counts, merge_counts
from ._edges import cohashtag_partial, finish_cohashtag, finish_interaction, interaction_partial, merge_cohashtag, merge_interaction
from ._sentiment import finish_sentiment, merge_sentiment, sentiment_partial

__all__ = ["fold", "count", "co_hashtag_edges", "interaction_edges", "sentiment_over_time", "fit_topics",
           "topics_over_time"]


def fold(chunks: Iterable[pd.DataFrame], partial: Callable[[pd.DataFrame], Any],
         merge: Callable[[list], Any], *, split_every: int = 8, func: str = "fold") -> Any:
    """Map ``partial`` over ``chunks`` and merge the results as a tree of fan-in ``split_every``.

    A tree (a binary-counter of levels) keeps each merge's input balanced, so merging
    ``n`` partials costs ``O(n log n)`` rows instead of the ``O(n^2)`` of merging each
    new chunk into one running total.

    Examples
    --------
    >>> fold([1, 2, 3, 4, 5], lambda x: [x], lambda ps: sum(ps, []), split_every=2)
    [1, 2, 3, 4, 5]
    """
    if isinstance(chunks, pd.DataFrame):
        raise TypeError(
            f"{func}() expects an iterable of posts frames (e.g. read_posts(path, chunksize=100_000)). "
            "Got one DataFrame: call the pandas function on it instead."
        )
    levels: list[list] = []
    n = 0
    for chunk in chunks:
        n += 1
        carry = partial(chunk)
        for level in levels:
            level.append(carry)
            if len(level) < split_every:
                carry = None
                break
            carry = merge(level)
            level.clear()
        if carry is not None:
            levels.append([carry])
    if not n:
        raise ValueError(f"The 'chunks' parameter of {func}() must yield at least one frame of posts. Got none.")
    rest = [p for level in reversed(levels) for p in level]
    return merge(rest)


def count(chunks: Iterable[pd.DataFrame], *, key: str = "hashtag", freq: Any = "1h", tz: Any = "Asia/Jakarta",
          keys: Any = None, min_count: int = 1, normalize: bool = False, start: Any = None, end: Any = None,
          accounts: bool = True) -> pd.DataFrame:
    """:func:`trendlib.count` over chunks of posts; equal to it on their concatenation.

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> chunks = (posts.iloc[i:i + 50] for i in range(0, len(posts), 50))
    >>> c = count(chunks, key="hashtag", freq="1D")
    >>> import trendlib
    >>> c.equals(trendlib.count(posts, key="hashtag", freq="1D"))
    True
    """
    part = fold(chunks, lambda f: count_partial(f, key=key, freq=freq, tz=tz, start=start, end=end, accounts=accounts),
                merge_counts, func="count")
    return finish_counts(part, keys=keys, min_count=min_count, normalize=normalize, stacklevel=3)


def co_hashtag_edges(chunks: Iterable[pd.DataFrame], *, weight: str = "count", min_count: int = 1,
                     min_edge_count: int = 1) -> pd.DataFrame:
    """:func:`trendlib.graphs.co_hashtag_edges` over chunks of posts.

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> from trendlib import graphs
    >>> posts = load_sample_posts()
    >>> e = co_hashtag_edges([posts.iloc[:120], posts.iloc[120:]], weight="npmi", min_count=2)
    >>> e.equals(graphs.co_hashtag_edges(posts, weight="npmi", min_count=2))
    True
    """
    part = fold(chunks, cohashtag_partial, merge_cohashtag, func="co_hashtag_edges")
    return finish_cohashtag(part, weight=weight, min_count=min_count, min_edge_count=min_edge_count)


def interaction_edges(chunks: Iterable[pd.DataFrame], *, kind: str = "all") -> pd.DataFrame:
    """:func:`trendlib.graphs.interaction_edges` over chunks of posts.

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> from trendlib import graphs
    >>> posts = load_sample_posts()
    >>> interaction_edges([posts.iloc[:77], posts.iloc[77:]]).equals(graphs.interaction_edges(posts))
    True
    """
    part = fold(chunks, lambda f: interaction_partial(f, kind=kind), merge_interaction, func="interaction_edges")
    return finish_interaction(part)


def sentiment_over_time(chunks: Iterable[pd.DataFrame], *, freq: Any = "1D", tz: Any = "Asia/Jakarta",
                        group_by: Any = None, confidence: float = 0.95, column: str = "text",
                        lexicon: Any = None, ignore: Any = None, hashtags: str = "keep",
                        model: Any = None) -> pd.DataFrame:
    """:func:`trendlib.sentiment.sentiment_over_time` over chunks of posts.

    ``model=`` (a fitted classifier or a pretrained model's name) labels the chunks as in
    :func:`trendlib.sentiment.add_sentiment`.

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> t = sentiment_over_time([posts.iloc[:100], posts.iloc[100:]], freq="1D")
    >>> int(t["n"].sum()) == len(posts)
    True
    """
    part = fold(chunks, lambda f: sentiment_partial(f, freq=freq, tz=tz, group_by=group_by, column=column,
                                                     lexicon=lexicon, ignore=ignore, hashtags=hashtags,
                                                     model=model),
                merge_sentiment, func="sentiment_over_time")
    return finish_sentiment(part, confidence=confidence)


def fit_topics(chunks: Iterable[pd.DataFrame], model: Any = None, **params: Any) -> Any:
    """A :class:`~trendlib.topics.TopicModel` fitted chunk by chunk (``fit``, then ``partial_fit``).

    Parameters
    ----------
    chunks : iterable of DataFrame
        Posts (or lists of texts), one chunk in memory at a time.
    model : TopicModel, optional
        A model to continue; a new ``TopicModel(**params)`` otherwise.

    Examples
    --------
    >>> from trendlib.topics import make_topic_corpus
    >>> posts = make_topic_corpus(3000, n_topics=5, seed=0)
    >>> model = fit_topics((posts.iloc[i:i + 1000] for i in range(0, 3000, 1000)), random_state=0)
    >>> int(model.topic_sizes_.sum()) + model.n_outliers_
    3000
    """
    from ..topics import TopicModel

    if model is not None and params:
        raise TypeError(f"fit_topics() takes a model or parameters of a new one, not both. Got both: {sorted(params)}.")
    model = TopicModel(**params) if model is None else model
    for frame in chunks:
        if len(frame):
            model.partial_fit(frame)
    return model


def topics_over_time(chunks: Iterable[pd.DataFrame], model: Any, *, freq: Any = "1h", tz: Any = "Asia/Jakarta",
                     min_count: int = 1, normalize: bool = False, outliers: bool = False) -> pd.DataFrame:
    """:func:`trendlib.topics.topics_over_time` over chunks of posts; equal to it on their concatenation.

    Replies are read in their thread within a chunk.

    Examples
    --------
    >>> from trendlib.topics import TopicModel, make_topic_corpus, topics_over_time as whole
    >>> posts = make_topic_corpus(1000, n_topics=4, seed=0)
    >>> model = TopicModel(random_state=0).fit(posts)
    >>> t = topics_over_time((posts.iloc[i:i + 300] for i in range(0, 1000, 300)), model, freq="1D")
    >>> t.equals(whole(posts, model, freq="1D"))
    True
    """
    from ..topics import add_topics
    from ..topics._posts import _labels, keyed_topics

    keyed = (keyed_topics(add_topics(frame, model), outliers=outliers) for frame in chunks)
    table = count(keyed, key="topic", freq=freq, tz=tz, min_count=min_count, normalize=normalize)
    table.attrs["topic_labels"] = {str(k): v for k, v in _labels(model).items()}
    return table
