"""Explain a burst: what was said during it, against what was said before it.

``explain_burst(posts, burst)`` compares the posts of a burst (those carrying the key in
``[start, end)``) with every post in the reference period before it
(``[start - before, start)``):

* ``terms``: distinctive words, hashtags, mentions and emoji by the log-odds ratio with an
  informative Dirichlet prior (Monroe et al. 2008; see :func:`trendlib.trends.log_odds`).
  A post counts a term once, so one post repeating a word cannot make it distinctive.
* ``phrases``: bigrams of the burst found by NLTK's ``BigramCollocationFinder`` (Dunning's
  likelihood ratio, within posts, no stopword at either end), with their log-odds z
  against the reference period.
* ``accounts``: who posted most during the burst, their engagement and their activity
  before it.
* ``samples``: the most engaged and the most representative posts (highest mean
  distinctiveness of their terms), near-identical texts shown once with a ``copies`` count.
* ``counts``: posts, key posts, accounts and rate during the burst and before it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, check_positive, require_columns
from ._explain_tables import _accounts, _is_content, _phrases, _samples
from ._explanation import _PREFIX, BurstExplanation
from ._baseline import _timedelta
from ._logodds import log_odds

__all__ = ["explain_burst", "BurstExplanation"]

_BY = ("hashtag", "mention", "term", "author")
_ENGAGEMENT = ("like_count", "retweet_count", "reply_count", "quote_count")
_CLAUSE = re.compile(r"[.,;:!?\u2026]+(?=\s|$)|[\r\n]+|\s[-\u2013\u2014|]+\s")


def _parse_burst(burst: Any, tz: str) -> tuple[str | None, pd.Timestamp, pd.Timestamp, str | None]:
    by = None
    if isinstance(burst, pd.DataFrame):
        if len(burst) != 1:
            raise ValueError(
                f"The 'burst' parameter of explain_burst() must be one burst: a row of a burst "
                f"table or a (key, start, end) tuple. Got a DataFrame with {len(burst)} rows."
            )
        burst = burst.iloc[0]
    if isinstance(burst, (pd.Series, dict)) or hasattr(burst, "_asdict"):
        row = burst._asdict() if hasattr(burst, "_asdict") else dict(burst)
        missing = [c for c in ("start", "end") if c not in row]
        if missing:
            raise ValueError(
                f"The 'burst' parameter of explain_burst() must have 'key', 'start' and 'end'. "
                f"Got fields {sorted(map(str, row))}."
            )
        key, start, end, by = row.get("key"), row["start"], row["end"], row.get("by")
    elif isinstance(burst, (tuple, list)) and len(burst) == 3:
        key, start, end = burst
    else:
        raise ValueError(
            "The 'burst' parameter of explain_burst() must be a row of a burst table or a "
            f"(key, start, end) tuple. Got {type(burst).__name__}."
        )
    try:
        start, end = pd.Timestamp(start), pd.Timestamp(end)
    except (TypeError, ValueError):
        raise ValueError(
            f"explain_burst() could not read the burst's start/end as times. Got {start!r}, {end!r}."
        ) from None
    start = start.tz_localize(tz) if start.tzinfo is None else start
    end = end.tz_localize(tz) if end.tzinfo is None else end
    if not end > start:
        raise ValueError(f"explain_burst() needs a burst with end > start. Got [{start}, {end}).")
    start, end = start.tz_convert(tz), end.tz_convert(tz)
    if key is not None and (isinstance(key, float) and math.isnan(key)):
        key = None
    return (None if key is None else str(key)), start, end, by


def _key_mask(posts: pd.DataFrame, key: str | None, by: str, tokens: pd.Series) -> np.ndarray:
    if key is None:
        return np.ones(len(posts), dtype=bool)
    k = key.lower().lstrip("#@") if by in ("hashtag", "mention", "author") else key.lower()
    if by == "hashtag":
        return posts["hashtags"].map(lambda v: _has(v, k)).to_numpy(dtype=bool)
    if by == "mention":
        return posts["mentions"].map(lambda v: _has(v, k)).to_numpy(dtype=bool)
    if by == "author":
        return (posts["author"].astype(str).str.lower().str.lstrip("@") == k).to_numpy()
    return tokens.map(lambda cl: any(k in ts for ts in cl)).to_numpy(dtype=bool)


def _has(values: Any, key: str) -> bool:
    if values is None or isinstance(values, float):
        return False
    return key in values


def _engagement(posts: pd.DataFrame) -> pd.Series:
    cols = [c for c in _ENGAGEMENT if c in posts.columns]
    if not cols:
        return pd.Series(0, index=posts.index, dtype="int64")
    return posts[cols].apply(pd.to_numeric, errors="coerce").fillna(0).sum(axis=1).astype("int64")


def _tokenized(posts: pd.DataFrame) -> pd.Series:
    """Clauses of each post, as lists of tokens (memoised per distinct text).

    Text is cut at punctuation followed by a space and at line breaks, so a phrase never
    spans ``"... jalan ditutup. Macet ..."``. A ``tokens`` column is one clause.
    """
    if "tokens" in posts.columns:
        return posts["tokens"].map(lambda v: [list(v)] if isinstance(v, (list, tuple)) else [])
    from ..text import tokenize

    cache: dict[str, list[list[str]]] = {}

    def tok(text: Any) -> list[list[str]]:
        if not isinstance(text, str):
            return []
        got = cache.get(text)
        if got is None:
            got = cache[text] = [ts for part in _CLAUSE.split(text) if (ts := tokenize(part))]
        return got

    return posts["text"].map(tok)


def explain_burst(
    posts: pd.DataFrame,
    burst: Any,
    *,
    by: str | None = None,
    before: Any = "7D",
    top: int = 15,
    samples: int = 5,
    min_count: int = 3,
    prior: float | None = None,
    exclude_key: bool = True,
    stopwords: Any = "topic",
    dedupe: float = 0.8,
    tz: str = "Asia/Jakarta",
) -> BurstExplanation:
    """Explain a burst: distinctive terms and phrases, top accounts, sample posts.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts (:func:`trendlib.read_posts`) covering the burst and the time
        before it: ``time``, ``text``, and ``hashtags``/``mentions``/``author`` for ``by``.
        A ``tokens`` column (:func:`trendlib.text.add_tokens`) is used when present.
    burst : pandas.Series, dict, tuple or one-row DataFrame
        A row of a burst table (:func:`trendlib.detect_bursts`) or ``(key, start, end)``;
        the burst is ``[start, end)``. ``key=None`` takes every post in the interval.
        Naive times are read in ``tz``.
    by : {"hashtag", "mention", "term", "author"}, optional
        What the key is; default the row's ``by`` field, else ``"hashtag"``.
    before : str or pandas.Timedelta, default "7D"
        Length of the reference period ``[start - before, start)``; every post in it (with
        or without the key) is the "before" corpus.
    top : int, default 15
        Rows in ``terms``, ``phrases`` and ``accounts``.
    samples : int, default 5
        Posts of each kind (most engaged, most representative) in ``samples``.
    min_count : int, default 3
        Posts a term or phrase needs during the burst to be listed.
    prior : float, optional
        Prior mass of the log-odds model (default: the pooled token count).
    exclude_key : bool, default True
        Leave the key itself (``#key``) out of ``terms``: it is distinctive by definition.
    stopwords : {"topic", "sentiment"}, collection of str or None, default "topic"
        Words left out of terms and of either end of a phrase.
    dedupe : float, default 0.8
        Jaccard similarity of token sets above which two sample posts count as the same
        text (retweets, copy-paste campaigns).
    tz : str, default "Asia/Jakarta"
        Zone of naive burst times and of the times shown.

    Returns
    -------
    BurstExplanation
        Tables ``counts``, ``terms`` (``term``, ``during``, ``before``, ``log_odds``,
        ``z``), ``phrases`` (``phrase``, ``during``, ``before``, ``llr``, ``z``),
        ``accounts`` (``author``, ``posts``, ``share``, ``engagement``, ``before``) and
        ``samples`` (``reason``, ``time``, ``author``, ``text``, ``engagement``,
        ``copies``, ``id``); a readable ``repr`` and an HTML view in notebooks.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2025-02-24 12:00", tz="UTC")
    >>> before = [(t0 + pd.Timedelta(minutes=i), f"harga beras naik lagi hari ini {i}", [])
    ...           for i in range(20)]
    >>> during = [(t0 + pd.Timedelta(hours=3, minutes=i),
    ...            "Danantara bangun negeri, investasi untuk rakyat #DanantaraBangunNegeri",
    ...            ["danantarabangunnegeri"]) for i in range(12)]
    >>> posts = pd.DataFrame(before + during, columns=["time", "text", "hashtags"])
    >>> posts["author"] = [f"akun{i % 5}" for i in range(len(posts))]
    >>> ex = explain_burst(posts, ("danantarabangunnegeri", t0 + pd.Timedelta("3h"), t0 + pd.Timedelta("4h")))
    >>> "danantara" in set(ex.terms["term"])
    True
    >>> int(ex.counts.loc["during", "key_posts"]), int(ex.counts.loc["before", "posts"])
    (12, 20)
    >>> int(ex.samples["copies"].max())      # one campaign text, posted 12 times
    12
    """
    func = "explain_burst"
    require_columns(posts, ["time", "text"], func=func, hint="trendlib.read_posts(...)")
    key, start, end, row_by = _parse_burst(burst, tz)
    by = check_choice(by or row_by or "hashtag", _BY, name="by", func=func)
    need = {"hashtag": "hashtags", "mention": "mentions", "author": "author"}.get(by)
    if key is not None and need:
        require_columns(posts, ["time", "text", need], func=func, hint="trendlib.read_posts(...)")
    before_td = _timedelta(before, name="before", func=func)
    for name, value, low in (("top", top, 1), ("samples", samples, 0), ("min_count", min_count, 1)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise ValueError(f"The {name!r} parameter of explain_burst() must be an integer >= {low}. Got {value!r}.")
    dedupe = check_positive(dedupe, name="dedupe", func=func)
    if dedupe > 1:
        raise ValueError(f"The 'dedupe' parameter of explain_burst() must be in (0, 1]. Got {dedupe!r}.")
    if prior is not None:
        prior = check_positive(prior, name="prior", func=func)
    stop = _stopword_set(stopwords)

    times = pd.to_datetime(posts["time"], utc=True)
    t_start, t_end = start.tz_convert("UTC"), end.tz_convert("UTC")
    b_start = t_start - before_td
    in_burst = ((times >= t_start) & (times < t_end)).to_numpy()
    in_before = ((times >= b_start) & (times < t_start)).to_numpy()
    window = posts[in_burst | in_before].reset_index(drop=True)
    tokens = _tokenized(window)
    is_key = _key_mask(window, key, by, tokens)
    w_burst = in_burst[in_burst | in_before]
    d_mask = w_burst & is_key
    b_mask = ~w_burst
    if not d_mask.any():
        raise ValueError(
            f"explain_burst() found no posts with {_PREFIX[by]}{key} in [{start}, {end}). "
            f"Check the key, 'by' and the time zone of the burst."
        )
    if not b_mask.any():
        raise ValueError(
            f"explain_burst() found no posts in the reference period [{b_start.tz_convert(start.tz)}, {start}) "
            f"to compare the burst with. Pass posts that cover the time before the burst or a longer 'before'."
        )

    own = None
    if key is not None and exclude_key:
        if by in ("hashtag", "mention"):
            own = ("#" if by == "hashtag" else "@") + key.lower().lstrip("#@")
        elif by == "term":
            own = key.lower()
    keep: dict[str, bool] = {}

    def is_content(t: str) -> bool:
        got = keep.get(t)
        if got is None:
            got = keep[t] = _is_content(t, stop) and t != own
        return got

    content = tokens.map(lambda cl: [t for t in dict.fromkeys(t for ts in cl for t in ts) if is_content(t)])
    during_terms = Counter(t for ts in content[d_mask] for t in ts)
    before_terms = Counter(t for ts in content[b_mask] for t in ts)
    lo = log_odds(during_terms, before_terms, prior=prior)
    z_all = lo["z"]
    terms = lo[(lo["count_a"] >= min_count) & (lo["z"] > 0)].head(top).reset_index()
    terms = terms.rename(columns={"count_a": "during", "count_b": "before"})[
        ["term", "during", "before", "log_odds", "z"]
    ].astype({"during": "int64", "before": "int64"})

    phrases = _phrases(tokens[d_mask], tokens[b_mask], stop, own, min_count, top, prior)
    engagement = _engagement(window)
    accounts = _accounts(window, d_mask, b_mask, engagement, top)
    sample = _samples(window[d_mask], content[d_mask], engagement[d_mask], z_all, samples, dedupe, tz)

    hours_d = (end - start) / pd.Timedelta("1h")
    first = times[in_before].min()
    hours_b = (t_start - max(first, b_start)) / pd.Timedelta("1h")
    counts = pd.DataFrame(
        {
            "start": [max(first, b_start).tz_convert(start.tz), start],
            "end": [start, end],
            "hours": [hours_b, hours_d],
            "posts": [int(b_mask.sum()), int(w_burst.sum())],
            "key_posts": [int((b_mask & is_key).sum()), int(d_mask.sum())],
            "accounts": [
                int(window.loc[b_mask & is_key, "author"].nunique()) if "author" in window else 0,
                int(window.loc[d_mask, "author"].nunique()) if "author" in window else 0,
            ],
        },
        index=pd.Index(["before", "during"], name="period"),
    )
    counts["key_posts_per_hour"] = counts["key_posts"] / counts["hours"].where(counts["hours"] > 0)
    counts["share"] = counts["key_posts"] / counts["posts"].where(counts["posts"] > 0)
    params = {"before": before_td, "min_count": min_count, "prior": prior, "stopwords": stopwords,
              "dedupe": dedupe, "exclude_key": exclude_key}
    return BurstExplanation(key=key or "", by=by, start=start, end=end, counts=counts, terms=terms,
                            phrases=phrases, accounts=accounts, samples=sample, params=params)


def _stopword_set(stopwords: Any) -> frozenset:
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        from ..text import stopwords as load

        return load(stopwords)
    return frozenset(str(w).lower() for w in stopwords)
