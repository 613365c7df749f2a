"""Sentiment over time as a partition-pure map plus an exact merge (internal).

Shares and their intervals are not summable; the numbers of positive, negative and
neutral posts per (bin, group) are. :func:`sentiment_partial` scores one frame (or reads
its ``sentiment`` column) and counts labels per integer bin ``floor(local ns / freq)``;
:func:`merge_sentiment` adds the counts; :func:`finish_sentiment` fills the grid and
computes shares, Wilson and MOVER intervals with the sentiment module's own functions,
as ``sentiment_over_time`` does on the whole frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["SentimentPartial", "sentiment_partial", "merge_sentiment", "finish_sentiment"]

LABELS = ("positive", "negative", "neutral")
_FUNC = "sentiment_over_time"


@dataclass
class SentimentPartial:
    """Label counts per (bin[, group]) and the posts left out, by reason."""

    freq: Any
    step: pd.Timedelta
    tz: str
    group_by: list
    counts: pd.DataFrame  # columns _bin, *group_by, positive, negative, neutral
    dropped: dict = field(default_factory=dict)


def sentiment_partial(posts: pd.DataFrame, *, freq: Any = "1D", tz: Any = "Asia/Jakarta", group_by: Any = None,
                      column: str = "text", lexicon: Any = None, ignore: Any = None,
                      hashtags: str = "keep", model: Any = None) -> SentimentPartial:
    """The contribution of one frame of posts to ``sentiment_over_time``."""
    from .._time import local_ns, parse_freq, resolve_tz
    from .._validation import check_choice, require_columns
    from ..sentiment import add_sentiment
    from ..sentiment._scorer import HASHTAG_MODES

    require_columns(posts, ["time"], func=_FUNC, hint="trendlib.read_posts(...)")
    check_choice(hashtags, HASHTAG_MODES, name="hashtags", func=_FUNC)
    step = parse_freq(freq, func=_FUNC)
    tzname = resolve_tz(tz, func=_FUNC)
    by_cols = [] if group_by is None else ([group_by] if isinstance(group_by, str) else list(group_by))
    require_columns(posts, by_cols, func=_FUNC)
    if "sentiment" in posts.columns:
        lab = posts["sentiment"]
    else:
        require_columns(posts, [column], func=_FUNC, hint="trendlib.sentiment.add_sentiment(posts)")
        extra = {} if ignore is None else {"ignore": ignore}
        if model is not None:
            extra["model"] = model
        lab = add_sentiment(posts, column=column, lexicon=lexicon, hashtags=hashtags, **extra)["sentiment"]
    lab = lab.astype(object)
    bad = lab.notna() & ~lab.isin(LABELS)
    if bad.any():
        raise ValueError(
            f"{_FUNC}() expects the 'sentiment' column to hold {list(LABELS)}. "
            f"Got {sorted(map(str, lab[bad].unique()))[:5]} in {int(bad.sum())} rows."
        )
    has_time = posts["time"].notna().to_numpy()
    has_lab = lab.notna().to_numpy()
    dropped = {}
    if (~has_time).any():
        dropped["no time"] = int((~has_time).sum())
    if (has_time & ~has_lab).any():
        dropped["no sentiment (missing text)"] = int((has_time & ~has_lab).sum())
    keep = has_time & has_lab
    frame = pd.DataFrame({"_lab": lab.to_numpy()[keep]})
    ns = local_ns(posts["time"][keep], tzname) if keep.any() else np.zeros(0, np.int64)
    frame["_bin"] = np.floor_divide(ns, int(step.value))
    for c in by_cols:
        frame[c] = posts[c].to_numpy()[keep]
    for c in by_cols:
        if frame[c].map(lambda v: isinstance(v, (list, tuple, set, np.ndarray))).any():
            frame = frame.explode(c)
        missing = int(frame[c].isna().sum())
        if missing:
            dropped[f"no {c}"] = missing
            frame = frame[frame[c].notna()]
    counts = frame.groupby(["_bin", *by_cols, "_lab"]).size().unstack("_lab", fill_value=0)
    counts = counts.reindex(columns=list(LABELS), fill_value=0).astype(np.int64).reset_index()
    counts.columns.name = None
    return SentimentPartial(freq, step, tzname, by_cols, counts, dropped)


def merge_sentiment(partials: list[SentimentPartial]) -> SentimentPartial:
    """Exact merge: label counts per (bin, group) add up."""
    partials = list(partials)
    first = partials[0]
    if len(partials) == 1:
        return first
    counts = pd.concat([p.counts for p in partials], ignore_index=True)
    counts = counts.groupby(["_bin", *first.group_by], sort=False)[list(LABELS)].sum().reset_index()
    dropped: dict = {}
    for p in partials:
        for k, v in p.dropped.items():
            dropped[k] = dropped.get(k, 0) + v
    return SentimentPartial(first.freq, first.step, first.tz, first.group_by, counts, dropped)


def finish_sentiment(part: SentimentPartial, *, confidence: float = 0.95) -> pd.DataFrame:
    """The table of the merged partial, equal to ``sentiment_over_time`` on the whole posts."""
    from .._validation import check_probability
    from ..sentiment._posts import sentiment_table

    check_probability(confidence, name="confidence", func=_FUNC)
    counts = part.counts.set_index(["_bin", *part.group_by])[list(LABELS)]
    return sentiment_table(counts, by_cols=list(part.group_by), step_ns=int(part.step.value), tz=part.tz,
                           freq=part.freq, dropped=dict(part.dropped), confidence=confidence)
