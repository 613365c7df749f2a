"""Topics on posts: a ``topic`` column, topic counts over time, sentiment and communities.

Why these go through the existing tables: a topic is a key kind like a hashtag
(``trendlib._keys.KEY_KINDS["topic"]`` reads the ``topic`` column), so once posts carry
a topic, :func:`trendlib.count` gives the long counts table that ``detect_bursts``,
``trending``, ``explain_burst`` and the plots read, and a topic burst is a trend like any
other. Nothing here re-implements counting, sentiment or intervals.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_probability, require_columns

__all__ = ["add_topics", "topics_over_time", "topic_sentiment", "topics_by_community"]


def _check_model(model: Any, func: str) -> None:
    if not hasattr(model, "predict") or not hasattr(model, "topic_labels_"):
        raise TypeError(f"The 'model' parameter of {func}() must be a fitted TopicModel. Got {type(model).__name__}.")


def _with_topics(posts: pd.DataFrame, model: Any, func: str) -> pd.DataFrame:
    """Posts with a ``topic`` column: the model's when given, else the existing column."""
    if model is not None:
        return add_topics(posts, model)
    require_columns(posts, ["topic"], func=func, hint="trendlib.topics.add_topics(posts, model)")
    return posts


def _labels(model: Any) -> dict[int, str]:
    if model is None:
        return {}
    out = {t: lab for t, lab in enumerate(model.topic_labels_)}
    out[-1] = "(outliers)"
    return out


def add_topics(posts: pd.DataFrame, model: Any, *, column: str | None = None, out: str = "topic") -> pd.DataFrame:
    """Return a copy of ``posts`` with the topic of each post (int, ``-1`` = outlier).

    Parameters
    ----------
    posts : pandas.DataFrame
        Posts with a text column.
    model : TopicModel
        A fitted model. With ``context="thread"`` (its default) replies and retweets
        whose thread's first post or source is in ``posts`` are read in their thread.
    column : str, optional
        Text column (default: the model's ``column``, ``"text"``).
    out : str, default "topic"
        Name of the new column; ``"topic"`` is what ``count(posts, key="topic")`` reads.

    Returns
    -------
    pandas.DataFrame
        A copy with ``out`` (int64); ``attrs["topic_outliers"]`` counts the ``-1`` posts.

    Examples
    --------
    >>> from trendlib.topics import TopicModel, make_topic_corpus
    >>> posts = make_topic_corpus(1000, n_topics=6, seed=0)
    >>> model = TopicModel(random_state=0).fit(posts)
    >>> out = add_topics(posts, model)
    >>> out["topic"].dtype.name, out.attrs["topic_outliers"] == int((out["topic"] == -1).sum())
    ('int64', True)

    See Also
    --------
    topics_over_time, trendlib.count
    """
    _check_model(model, "add_topics")
    col = model.column if column is None else column
    require_columns(posts, [col], func="add_topics", hint="trendlib.read_posts(...)")
    if not isinstance(out, str) or not out:
        raise ValueError(f"The 'out' parameter of add_topics() must be a column name. Got {out!r}.")
    # the posts table, not only its texts, so replies and retweets are read in their
    # thread (the model's ``context``)
    from ._threads import THREAD_COLUMNS

    thread_cols = [c for c in THREAD_COLUMNS if c in posts.columns and c != col]
    frame = posts[[col, *thread_cols]]
    if col != model.column:
        frame = frame.rename(columns={col: model.column})
    topics = model.predict(frame)
    result = posts.copy()
    result[out] = topics.astype(np.int64)
    result.attrs = dict(posts.attrs)
    result.attrs["topic_outliers"] = int((topics < 0).sum())
    return result


def topics_over_time(
    posts: pd.DataFrame,
    model: Any = None,
    *,
    freq: Any = "1h",
    tz: Any = "Asia/Jakarta",
    min_count: int = 1,
    normalize: bool = False,
    outliers: bool = False,
) -> pd.DataFrame:
    """Posts per topic per time bin: the long counts table of :func:`trendlib.count`.

    Parameters
    ----------
    posts : pandas.DataFrame
        Posts with ``time`` and text (or already a ``topic`` column when ``model`` is None).
    model : TopicModel, optional
        Assigns the topics; without it the ``topic`` column is used.
    freq, tz, min_count, normalize
        As in :func:`trendlib.count`.
    outliers : bool, default False
        Keep the outlier topic ``"-1"`` as a key (its posts always count in ``total``).

    Returns
    -------
    pandas.DataFrame
        Columns ``time``, ``key`` (the topic id as str), ``count``, ``total``,
        ``accounts`` (and ``share``); ``attrs["topic_labels"]`` maps keys to labels.

    Examples
    --------
    >>> from trendlib.topics import TopicModel, make_topic_corpus
    >>> posts = make_topic_corpus(1000, n_topics=6, seed=0)
    >>> model = TopicModel(random_state=0).fit(posts)
    >>> c = topics_over_time(posts, model, freq="1D")
    >>> c.columns.tolist()
    ['time', 'key', 'count', 'total', 'accounts']
    >>> c.attrs["topic_labels"]["1"]
    'macet, jalan, tol'

    See Also
    --------
    trendlib.count, trendlib.detect_bursts, trendlib.trending
    """
    from ..counts import count

    with_t = _with_topics(posts, model, "topics_over_time")
    topic = with_t["topic"]
    table = count(keyed_topics(with_t, outliers=outliers), key="topic", freq=freq, tz=tz, min_count=min_count,
                  normalize=normalize)
    labels = _labels(model)
    table.attrs["topic_labels"] = {str(k): v for k, v in labels.items()}
    table.attrs["topic_outliers"] = int((topic.fillna(-1).astype(int) < 0).sum())
    return table


def keyed_topics(posts: pd.DataFrame, *, outliers: bool = False) -> pd.DataFrame:
    """A copy whose ``topic`` column is the key ``count(key="topic")`` reads (str id; None drops).

    Outliers (``-1``) become None unless ``outliers``. Per post, so partitions can use it.
    """
    topic = posts["topic"]
    keyed = pd.Series(
        [None if pd.isna(v) or (not outliers and int(v) < 0) else str(int(v)) for v in topic],
        index=posts.index,
        dtype=object,
    )
    frame = posts.copy()
    frame["topic"] = keyed
    return frame


def topic_sentiment(
    posts: pd.DataFrame,
    model: Any = None,
    *,
    confidence: float = 0.95,
    column: str = "text",
) -> pd.DataFrame:
    """Sentiment per topic: shares with Wilson intervals and net sentiment with its interval.

    Uses the ``sentiment`` column when present (e.g. from a classifier), else scores the
    texts with :func:`trendlib.sentiment.add_sentiment`.

    Parameters
    ----------
    posts : pandas.DataFrame
    model : TopicModel, optional
        Assigns topics; without it the ``topic`` column is used.
    confidence : float, default 0.95
        Level of the intervals.
    column : str, default "text"
        Text column scored when there is no ``sentiment`` column.

    Returns
    -------
    pandas.DataFrame
        One row per topic (``-1`` included): ``topic``, ``label``, ``n``, ``positive``,
        ``negative``, ``neutral`` (posts), ``positive_share``, ``positive_low``,
        ``positive_high``, ``negative_share``, ``negative_low``, ``negative_high``,
        ``net``, ``net_low``, ``net_high``. Posts without text are counted in
        ``attrs["rows_dropped"]``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"topic": [0, 0, 0, 1, 1],
    ...     "text": ["mantap, bangga", "keren sekali", "kecewa", "macet parah", "kesal, macet"]})
    >>> t = topic_sentiment(posts)
    >>> print(t[["topic", "n", "positive", "negative", "net"]].round(3).to_string(index=False))
     topic  n  positive  negative    net
         0  3         2         1  0.333
         1  2         0         2 -1.000

    See Also
    --------
    trendlib.sentiment.add_sentiment, trendlib.sentiment.sentiment_over_time
    """
    from ..sentiment._posts import add_sentiment, net_interval, wilson_interval

    func = "topic_sentiment"
    check_probability(confidence, name="confidence", func=func)
    with_t = _with_topics(posts, model, func)
    if "sentiment" in with_t.columns:
        lab = with_t["sentiment"]
    else:
        require_columns(with_t, [column], func=func, hint="trendlib.read_posts(...)")
        lab = add_sentiment(with_t, column=column)["sentiment"]
    frame = pd.DataFrame({"topic": with_t["topic"].to_numpy(), "s": lab.to_numpy()})
    ok = frame["s"].notna() & frame["topic"].notna()
    dropped = int((~ok).sum())
    frame = frame[ok]
    frame["topic"] = frame["topic"].astype(np.int64)
    tab = pd.crosstab(frame["topic"], frame["s"])
    for c in ("positive", "negative", "neutral"):
        if c not in tab.columns:
            tab[c] = 0
    tab = tab[["positive", "negative", "neutral"]].astype(np.int64)
    out = tab.reset_index()
    out.columns.name = None
    n = out[["positive", "negative", "neutral"]].sum(axis=1).to_numpy()
    out.insert(1, "n", n)
    labels = _labels(model)
    out.insert(1, "label", [labels.get(int(t), "") for t in out["topic"]])
    for c in ("positive", "negative"):
        lo, hi = wilson_interval(out[c].to_numpy(), n, confidence=confidence)
        out[f"{c}_share"] = out[c] / n
        out[f"{c}_low"], out[f"{c}_high"] = lo, hi
    out["net"] = (out["positive"] - out["negative"]) / n
    out["net_low"], out["net_high"] = net_interval(out["positive"], out["negative"], n, confidence=confidence)
    if not labels:
        out = out.drop(columns="label")
    out.attrs["rows_dropped"] = {"no sentiment or topic": dropped} if dropped else {}
    return out


def topics_by_community(
    posts: pd.DataFrame,
    membership: Mapping[Any, Any] | pd.Series,
    model: Any = None,
    *,
    confidence: float = 0.95,
    min_posts: int = 1,
) -> pd.DataFrame:
    """The topic mix of each community, and how much more it talks of a topic than everyone.

    Parameters
    ----------
    posts : pandas.DataFrame
        Posts with ``author`` (and text, or a ``topic`` column when ``model`` is None).
    membership : mapping or Series
        Account -> community (e.g. from :func:`trendlib.graphs.communities`); accounts are
        matched by the one identity rule (handle without ``@``, lowercase).
    model : TopicModel, optional
    confidence : float, default 0.95
        Level of the Wilson interval of each share.
    min_posts : int, default 1
        Keep (community, topic) cells with at least this many posts.

    Returns
    -------
    pandas.DataFrame
        ``community``, ``topic``, ``posts``, ``accounts``, ``share`` (of the community's
        posts), ``share_low``, ``share_high``, ``lift`` (share / the topic's share over
        all communities); ``attrs["rows_dropped"]`` counts posts of unmapped authors.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"author": ["@Ani", "ani", "budi", "budi", "cici"],
    ...                       "topic": [0, 0, 1, 0, 1]})
    >>> t = topics_by_community(posts, {"ani": "A", "budi": "B"})
    >>> print(t[["community", "topic", "posts", "share", "lift"]].round(3).to_string(index=False))
    community  topic  posts  share  lift
            A      0      2    1.0 1.333
            B      0      1    0.5 0.667
            B      1      1    0.5 2.000
    >>> t.attrs["rows_dropped"]
    {'author without community': 1}
    """
    from .._keys import account_key
    from .._validation import check_int
    from ..sentiment._posts import wilson_interval

    func = "topics_by_community"
    check_probability(confidence, name="confidence", func=func)
    check_int(min_posts, name="min_posts", func=func)
    if not isinstance(membership, (Mapping, pd.Series)):
        raise TypeError(f"The 'membership' parameter of {func}() must be a mapping account -> community. "
                        f"Got {type(membership).__name__}.")
    require_columns(posts, ["author"], func=func, hint="trendlib.read_posts(...)")
    with_t = _with_topics(posts, model, func)
    member = {account_key(k): v for k, v in dict(membership).items()}
    authors = [account_key(a) if isinstance(a, str) else None for a in with_t["author"]]
    comm = [member.get(a) if a is not None else None for a in authors]
    frame = pd.DataFrame({"community": comm, "author": authors, "topic": with_t["topic"].to_numpy()})
    ok = frame["community"].notna() & frame["topic"].notna()
    dropped = int((~ok).sum())
    frame = frame[ok]
    frame["topic"] = frame["topic"].astype(np.int64)
    g = frame.groupby(["community", "topic"], sort=True)
    out = g.size().rename("posts").to_frame()
    out["accounts"] = g["author"].nunique()
    out = out.reset_index()
    n_comm = out.groupby("community")["posts"].transform("sum").to_numpy()
    out["share"] = out["posts"] / n_comm
    out["share_low"], out["share_high"] = wilson_interval(out["posts"].to_numpy(), n_comm, confidence=confidence)
    overall = frame["topic"].value_counts(normalize=True)
    out["lift"] = out["share"] / out["topic"].map(overall).to_numpy()
    out = out[out["posts"] >= min_posts].reset_index(drop=True)
    labels = _labels(model)
    if labels:
        out.insert(2, "label", [labels.get(int(t), "") for t in out["topic"]])
    out.attrs["rows_dropped"] = {"author without community": dropped} if dropped else {}
    return out
