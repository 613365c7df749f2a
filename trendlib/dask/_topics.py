"""Topics on a Dask collection of posts: fit chunk by chunk, assign per partition, count exactly.

Why this shape: fitting a topic model is sequential (a Gibbs sampler over the posts), so
:func:`fit_topics` streams the partitions through :meth:`TopicModel.partial_fit`, one
partition in memory at a time, in partition order (one partition per file with
:func:`trendlib.dask.read_posts`, so usually time order). Assigning topics is per post,
so :func:`add_topics` is a ``map_partitions`` of the pandas function; and
:func:`topics_over_time` is that plus the exact tree-reduced :func:`trendlib.dask.count`,
so the Dask and pandas tables agree by construction. Replies are read in their thread
within a partition when the collection has ``conversation_id`` (and ``retweet_of``) columns
(a reply whose thread's first post is in another partition is read alone, as with any
chunked path); :func:`trendlib.dask.read_posts` keeps the canonical columns only.
"""

from __future__ import annotations

from typing import Any

from ._collection import _added, require_dask
from ._reduce import count

__all__ = ["fit_topics", "add_topics", "topics_over_time"]


def fit_topics(ddf: Any, model: Any = None, **params: Any) -> Any:
    """Fit a :class:`~trendlib.topics.TopicModel` on a Dask collection, partition by partition.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Posts with a text column.
    model : TopicModel, optional
        A model to continue (its ``partial_fit``); a new ``TopicModel(**params)`` otherwise.
    **params
        Parameters of a new model (``random_state=0``, ``n_topics="auto"``, ...).

    Returns
    -------
    TopicModel
        Fitted on every partition in order (the first by ``fit``, the others by
        ``partial_fit``: topic ids stay, new subjects get new ids).

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib.topics import make_topic_corpus
    >>> posts = make_topic_corpus(3000, n_topics=5, seed=0)
    >>> ddf = dd.from_pandas(posts, npartitions=3)
    >>> with dask.config.set(scheduler="sync"):
    ...     model = fit_topics(ddf, random_state=0)
    >>> model.n_docs_ <= len(posts), model.n_topics_ >= 5
    (True, True)
    """
    require_dask("fit_topics")
    import dask

    from .._partial.chunked import fit_topics as fit_chunks

    # one partition computed at a time, streamed through the chunked fit
    return fit_chunks((dask.compute(part)[0] for part in ddf.to_delayed()), model, **params)


def add_topics(ddf: Any, model: Any, **options: Any) -> Any:
    """:func:`trendlib.topics.add_topics` on every partition (lazy).

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib.topics import TopicModel, make_topic_corpus
    >>> from trendlib.topics import add_topics as pandas_add_topics
    >>> posts = make_topic_corpus(1000, n_topics=4, seed=0)
    >>> model = TopicModel(random_state=0).fit(posts)
    >>> got = add_topics(dd.from_pandas(posts, npartitions=2), model).compute(scheduler="sync")
    >>> got["topic"].tolist() == pandas_add_topics(posts, model)["topic"].tolist()
    True
    """
    require_dask("add_topics")
    from ..topics import add_topics as _add_topics

    return _added(ddf, _add_topics, {"model": model, **options}, "add_topics")


def topics_over_time(ddf: Any, model: Any, *, freq: Any = "1h", tz: Any = "Asia/Jakarta", min_count: int = 1,
                     normalize: bool = False, outliers: bool = False, split_every: int = 8) -> Any:
    """:func:`trendlib.topics.topics_over_time` of a Dask collection, exactly.

    Returns
    -------
    pandas.DataFrame
        The long counts table (``time``, ``key`` = topic id as str, ``count``, ``total``,
        ``accounts``); ``attrs["topic_labels"]`` maps keys to labels.

    Examples
    --------
    >>> import dask, dask.dataframe as dd, trendlib.topics as tt
    >>> posts = tt.make_topic_corpus(1000, n_topics=4, seed=0)
    >>> model = tt.TopicModel(random_state=0).fit(posts)
    >>> with dask.config.set(scheduler="sync"):
    ...     got = topics_over_time(dd.from_pandas(posts, npartitions=3), model, freq="1D")
    >>> cols = ["time", "key", "count", "total", "accounts"]
    >>> got[cols].equals(tt.topics_over_time(posts, model, freq="1D")[cols]), got.attrs["topic_labels"]["1"]
    (True, 'macet, jalan, tol')
    """
    require_dask("topics_over_time")
    from ..topics._posts import _labels, keyed_topics

    keyed = _added(add_topics(ddf, model), keyed_topics, {"outliers": outliers}, "topics_over_time")
    table = count(keyed, key="topic", freq=freq, tz=tz, min_count=min_count, normalize=normalize,
                  split_every=split_every)
    table.attrs["topic_labels"] = {str(k): v for k, v in _labels(model).items()}
    return table
