"""Bursts, trending, communities and burst explanations from a Dask collection of posts.

Why no new algorithm here: bursts and trending read a counts table, communities read a
graph, and both are small once reduced. Each function reduces the collection exactly
(:mod:`trendlib.dask._reduce`) and calls the public pandas function on the result, so
Dask and pandas agree by construction and every improvement of the core applies.
:func:`explain_burst` needs the posts themselves, but only those of the burst's window and
the reference period before it: it filters the collection to that interval first and
explains the (small) pandas frame.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .._time import as_utc, parse_duration, resolve_tz
from ._reduce import count, interaction_graph

__all__ = ["detect_bursts", "trending", "communities", "explain_burst"]


def detect_bursts(ddf: Any, *, key: str = "hashtag", freq: Any = "1h", tz: Any = "Asia/Jakarta", keys: Any = None,
                  min_count: int = 1, **options: Any) -> pd.DataFrame:
    """:func:`trendlib.detect_bursts` on the counts of a Dask collection.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Canonical posts.
    key, freq, tz, keys, min_count
        Passed to :func:`trendlib.dask.count`.
    **options
        Passed to :func:`trendlib.detect_bursts` (``method=``...).

    Returns
    -------
    pandas.DataFrame
        The burst table.

    Examples
    --------
    >>> import dask, dask.dataframe as dd, trendlib
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> b = detect_bursts(ddf, freq="3h", method="kleinberg")
    >>> b.equals(trendlib.detect_bursts(trendlib.count(posts, freq="3h"), method="kleinberg"))
    True
    """
    from ..bursts import detect_bursts as _detect

    counts = count(ddf, key=key, freq=freq, tz=tz, keys=keys, min_count=min_count)
    return _detect(counts, **options)


def trending(ddf: Any, *, key: str = "hashtag", window: Any = "1h", freq: Any = None, tz: Any = "Asia/Jakarta",
             **options: Any) -> pd.DataFrame:
    """:func:`trendlib.trending` on the counts of a Dask collection.

    ``freq`` defaults as in :func:`trendlib.trending` for posts: ``"1h"`` when the
    window is whole hours, else the window itself. Other options (``at=``,
    ``baseline=``, ``top=``, ``min_count=``...) go to :func:`trendlib.trending`. The
    ranking reads the exactly reduced counts (posts and accounts per bin); the account
    concentration columns are then computed from the posts of the window alone, as the
    pandas function computes them from posts.

    Examples
    --------
    >>> import dask, dask.dataframe as dd, trendlib
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> at = "2023-09-05 12:00"
    >>> trending(ddf, window="3h", at=at).equals(trendlib.trending(posts, window="3h", at=at))
    True
    """
    from ..trends import trending as _trending

    w = parse_duration(window, func="trending")
    if freq is None:
        freq = "1h" if w % pd.Timedelta("1h") == pd.Timedelta(0) else w
    counts = count(ddf, key=key, freq=freq, tz=tz)
    out = _trending(counts, window=window, tz=tz, **options)
    if len(out) and "author" in ddf.columns and "top_account" in out.columns:
        _exact_concentration(ddf, out, counts.attrs["key"])
    return out


def _exact_concentration(ddf: Any, out: pd.DataFrame, key: str) -> None:
    """Replace the bounds read from counts by the exact account columns of the window's posts.

    Only the posts of ``[window_start, window_end)`` are computed (as the pandas path
    reads them from the posts it is given).
    """
    try:
        from ..bursts._accounts import from_posts
    except ImportError:  # pragma: no cover - older core: keep the bounds from counts
        return
    start, end = out.attrs["window_start"], out.attrs["window_end"]
    cols = [c for c in ddf.columns if c in ("time", "author", "text", "tokens", "hashtags", "mentions", "urls", "topic")]
    sub = ddf[cols]
    posts = sub[(sub["time"] >= start.tz_convert("UTC")) & (sub["time"] < end.tz_convert("UTC"))].compute()
    if not posts["author"].notna().any():
        return
    n = len(out)
    conc = from_posts(posts.reset_index(drop=True), key, out["key"].to_numpy(dtype=object), [start] * n, [end] * n)
    for name in ("accounts", "top_account", "top_account_share", "effective_accounts"):
        out[name] = conc[name]
    out.attrs["accounts_from"] = "posts"


def communities(ddf: Any, *, kind: str = "all", seed: int | None = 0, **options: Any) -> pd.DataFrame:
    """Louvain communities of the interaction graph of a Dask collection.

    The graph is :func:`trendlib.dask.interaction_graph` (nodes in name order); the
    table is :func:`trendlib.graphs.communities` of it (``resolution=``... in ``options``).

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib.datasets import load_sample_posts
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(load_sample_posts(), npartitions=3)
    >>> table = communities(ddf)
    >>> list(table.columns[:3])
    ['node', 'community', 'size']
    """
    from ..graphs import communities as _communities

    return _communities(interaction_graph(ddf, kind=kind), seed=seed, **options)


def _bounds(burst: Any, tz: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    if isinstance(burst, pd.DataFrame):
        if len(burst) != 1:
            raise ValueError(f"The 'burst' parameter of explain_burst() must be one row. Got {len(burst)} rows.")
        burst = burst.iloc[0]
    if isinstance(burst, (pd.Series, dict)):
        start, end = burst["start"], burst["end"]
    elif isinstance(burst, (tuple, list)) and len(burst) == 3:
        start, end = burst[1], burst[2]
    else:
        raise ValueError(
            "The 'burst' parameter of explain_burst() must be a burst-table row, a dict or (key, start, end). "
            f"Got {type(burst).__name__}."
        )
    return as_utc(start, tz), as_utc(end, tz)


def explain_burst(ddf: Any, burst: Any, *, before: Any = "7D", tz: Any = "Asia/Jakarta", **options: Any) -> Any:
    """:func:`trendlib.explain_burst` reading only the burst and the period before it.

    The collection is filtered to ``[start - before, end)`` and computed; the pandas
    explanation of that frame is returned. Only that interval must fit in memory.

    Examples
    --------
    >>> import dask, dask.dataframe as dd, trendlib
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> burst = ("kttasean2023", "2023-09-05 06:00", "2023-09-05 18:00")
    >>> ex = explain_burst(ddf, burst, before="2D")
    >>> ex.terms.equals(trendlib.explain_burst(posts, burst, before="2D").terms)
    True
    """
    from ..trends import explain_burst as _explain

    tzname = resolve_tz(tz, func="explain_burst")
    start, end = _bounds(burst, tzname)
    lo = start - parse_duration(before, func="explain_burst", name="before")
    window = ddf[(ddf["time"] >= lo) & (ddf["time"] < end)]
    posts = window.compute().reset_index(drop=True)
    return _explain(posts, burst, before=before, tz=tz, **options)
