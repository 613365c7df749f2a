"""Helpers of :func:`trendlib.trends.trending`: inputs to a counts grid, and the seasonal
expectation of a window (formulas in ``_trending``'s docstring and ``docs/trends.md``)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_positive, require_columns

_DAY = pd.Timedelta("1D")


def _timedelta(value: Any, *, name: str, func: str = "trending") -> pd.Timedelta:
    """Parse a fixed-length duration ("1h", "7D", "30min", Timedelta)."""
    try:
        td = pd.Timedelta(value)
    except (TypeError, ValueError):
        try:
            from pandas.tseries.frequencies import to_offset

            td = pd.Timedelta(to_offset(value))
        except (TypeError, ValueError):
            td = pd.NaT
    if td is pd.NaT or pd.isna(td) or td <= pd.Timedelta(0):
        raise ValueError(
            f"The {name!r} parameter of {func}() must be a positive fixed duration such as "
            f"'1h', '30min' or '7D'. Got {value!r}."
        )
    return td


def _is_counts(data: Any) -> bool:
    cols = getattr(data, "columns", ())
    return {"time", "key", "count"}.issubset(set(cols))


def _counts_freq(counts: pd.DataFrame, times: pd.DatetimeIndex) -> pd.Timedelta:
    freq = counts.attrs.get("freq")
    if freq is not None:
        return _timedelta(freq, name="freq")
    uniq = np.unique(times.asi8)
    if len(uniq) < 2:
        raise ValueError(
            "trending() could not tell the bin size of the counts table: its attrs have no "
            "'freq' and it has fewer than two bins. Pass counts from trendlib.count(...)."
        )
    return pd.Timedelta(int(np.diff(uniq).min()), unit=times.unit)


def _at(at: Any, tz: str, first: pd.Timestamp, last: pd.Timestamp) -> pd.Timestamp:
    """``at`` as a tz-aware Timestamp (naive read in ``tz``), checked against the posts."""
    if at is None:
        return last
    at_ts = pd.Timestamp(at)
    at_ts = at_ts.tz_localize(tz) if at_ts.tzinfo is None else at_ts
    if at_ts < first or at_ts > last:
        raise ValueError(
            f"The 'at' parameter of trending() must fall within the posts, "
            f"[{first.tz_convert(tz)}, {last.tz_convert(tz)}]. Got {at!r}."
        )
    return at_ts


def _as_counts(
    data: Any, *, key: str, freq: Any, tz: str, window: pd.Timedelta, at: Any = None,
    baseline: pd.Timedelta = _DAY, smooth: int = 0,
) -> tuple[pd.DataFrame, pd.Timedelta, pd.DatetimeIndex]:
    if _is_counts(data):
        counts = data
        require_columns(counts, ["time", "key", "count"], func="trending")
    else:
        require_columns(
            data, ["time"], func="trending", hint="trendlib.read_posts(...) or trendlib.count(...)"
        )
        from ..counts import count

        if freq is None:
            freq = "1h" if window % pd.Timedelta("1h") == pd.Timedelta(0) else window
        f = _timedelta(freq, name="freq")
        # count only the span the score reads: the window, the previous one, the baseline
        t = pd.to_datetime(data["time"], utc=True)
        first, last = t.min(), t.max()
        if pd.isna(first):
            raise ValueError("trending() got no posts with a time: there is nothing to rank.")
        end = _at(at, tz, first, last)
        end = end.tz_convert(tz).floor(f) + f
        # (smooth + 3) bins of slack: smoothing, DST-shifted clock windows, and the last
        # (incomplete) bin that at=None leaves out
        need = end - 2 * window - baseline - (smooth + 3) * f - (_DAY if window < _DAY else pd.Timedelta(0))
        start = max(need, first.tz_convert(tz).floor(f))
        inside = ((t >= start) & (t < end)).to_numpy()  # tokenise only the span read
        counts = count(data.loc[inside] if not inside.all() else data, key=key, freq=f, tz=tz,
                       start=start, end=end)
        if "accounts" in counts.columns and "author" in data.columns and not data["author"].notna().any():
            counts = counts.drop(columns="accounts")  # no author at all: accounts are unknown, not 0
    times = pd.DatetimeIndex(counts["time"])
    if times.tz is None:
        raise ValueError(
            "trending() needs tz-aware bin times in the counts 'time' column. Got naive "
            "times; build counts with trendlib.count(...)."
        )
    return counts, _counts_freq(counts, times), times


def _window_sum(cum: np.ndarray, avail: np.ndarray, end: int, k: int) -> np.ndarray | None:
    """Counts (per key) in grid bins ``[end - k, end)``, or None if not fully covered."""
    start = end - k
    if start < 0 or end > len(avail) - 1 or avail[end] - avail[start] != k:
        return None
    return cum[end] - cum[start]


def _expectation(cum, av, e, k, n_base, window_end, grid0, lo, f, window_td, baseline_td,
                 smooth, season_prior):
    """Expected count and variance (per key) of the window ending at cum position ``e``."""
    b_start = max(0, e - k - n_base)
    s_all = cum[e - k] - cum[b_start]
    n_all = (av[e - k] - av[b_start]) / k
    lam = s_all / n_all if n_all > 0 else np.zeros_like(s_all)
    days: list[np.ndarray] = []
    if window_td < _DAY:
        weights = {j: smooth + 1 - abs(j) for j in range(-smooth, smooth + 1)}
        for d in range(1, int(baseline_td // _DAY) + 1):
            end_d = window_end - pd.DateOffset(days=d)
            steps = (end_d - grid0) / f
            if steps != int(steps):
                continue
            ed = int(steps) - lo
            acc, wsum = 0.0, 0.0
            for j, w in weights.items():
                got = _window_sum(cum, av, ed + j, k)
                if got is not None:
                    acc, wsum = acc + w * got, wsum + w
            if wsum > 0:
                days.append(acc / wsum)
    n_days = len(days)
    if n_days:
        day_arr = np.vstack(days)
        # Gamma prior with mean lam and shape season_prior: rare keys lean on their flat rate,
        # busy keys on their own hour-of-day history
        with np.errstate(invalid="ignore", divide="ignore"):
            mu = lam * (day_arr.sum(axis=0) + season_prior) / (n_days * lam + season_prior)
        mu = np.where(lam > 0, mu, day_arr.mean(axis=0))
        var = np.maximum(mu, day_arr.var(axis=0, ddof=1)) if n_days >= 2 else mu
    else:
        mu = lam
        var = mu
    return mu, var, s_all, n_all, n_days


def _check_options(top, min_count, min_accounts, smooth, rank_by, prior, season_prior, accel_weight,
                   novelty_bonus, func: str = "trending"):
    """Validate trending's numeric options; return the resolved ``min_accounts`` and floats."""
    if top is not None and (isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1):
        raise ValueError(f"The 'top' parameter of {func}() must be a positive integer or None. Got {top!r}.")
    if min_accounts is None:
        min_accounts = 2 if rank_by == "accounts" else 1
    for name, value in (("min_count", min_count), ("min_accounts", min_accounts)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"The {name!r} parameter of {func}() must be an integer >= 1. Got {value!r}.")
    if isinstance(smooth, bool) or not isinstance(smooth, (int, np.integer)) or smooth < 0:
        raise ValueError(f"The 'smooth' parameter of {func}() must be an integer >= 0. Got {smooth!r}.")
    return (
        int(min_accounts),
        check_positive(prior, name="prior", func=func),
        check_positive(season_prior, name="season_prior", func=func, strict=False),
        check_positive(accel_weight, name="accel_weight", func=func, strict=False),
        check_positive(novelty_bonus, name="novelty_bonus", func=func, strict=False),
    )
