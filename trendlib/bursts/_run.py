"""Running a burst detector over a counts table: pivot, runs, peaks, accounts (internal).

Why its own module: the detector classes (``_detectors``) and the front door
(``_detect.detect_bursts``) both run detectors; putting the machinery here lets each of
them import it without importing the other (no cycle), and ``window`` turns into bins in
one place.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import require_columns
from ._accounts import empty_concentration, from_counts, from_posts
from ._table import DETECT_COLUMNS, empty_detect, runs

__all__ = ["pivot_counts", "finish_table", "run_detector", "online_scorer", "window_bins", "DEFAULT_WINDOW_BINS"]

#: bins of baseline history when ``window`` is not given (one day of hourly bins)
DEFAULT_WINDOW_BINS = 24


def _fmt(td: Any) -> str:
    """``Timedelta("6h")`` -> ``"6h"``, ``90 minutes`` -> ``"90min"`` (for messages, the same on pandas 2 and 3)."""
    try:
        ns = pd.Timedelta(td).value
    except (TypeError, ValueError):
        return str(td)
    for unit, name in ((86_400 * 10**9, "D"), (3_600 * 10**9, "h"), (60 * 10**9, "min"), (10**9, "s")):
        if ns and ns % unit == 0:
            return f"{ns // unit}{name}"
    return str(pd.Timedelta(td))


def window_bins(window: Any, freq: Any, func: str) -> int:
    """``window`` (None, deprecated int or duration) as a whole number (>= 2) of bins of ``freq``."""
    if window is None:
        return DEFAULT_WINDOW_BINS
    if isinstance(window, (int, np.integer)):
        return int(window)
    if freq is None or pd.isna(freq) or pd.Timedelta(freq) <= pd.Timedelta(0):
        raise ValueError(
            f"{func}() cannot turn window={_fmt(window)!r} into bins: the counts have no bin size. "
            "Build them with trendlib.count(...) (attrs['freq']) or pass freq=."
        )
    step = pd.Timedelta(freq)
    n = window / step
    if n != int(n) or n < 2:
        raise ValueError(
            f"The 'window' parameter of {func}() must be a whole number (>= 2) of bins of {_fmt(step)}. "
            f"Got {_fmt(window)!r} ({n:g} bins)."
        )
    return int(n)


def pivot_counts(counts: pd.DataFrame, func: str, need_total: bool):
    """Counts table -> (bin times, keys, matrix (keys x bins), totals per bin, freq, accounts).

    ``accounts`` is the (keys x bins) matrix of the ``accounts`` column, or None.
    """
    cols = ["time", "key", "count"] + (["total"] if need_total else [])
    require_columns(counts, cols, func=func, hint="trendlib.count(posts)")
    fast = _grid(counts)
    if fast is not None:
        return fast
    tcodes, times = pd.factorize(counts["time"], sort=True)
    kcodes, keys = pd.factorize(counts["key"], sort=True)
    if (tcodes < 0).any() or (kcodes < 0).any():
        raise ValueError(f"{func}() found missing values in the 'time' or 'key' column of counts.")
    mat = np.zeros((len(keys), len(times)), np.float64)
    np.add.at(mat, (kcodes, tcodes), counts["count"].to_numpy(dtype=np.float64))
    totals = None
    if "total" in counts.columns:
        totals = np.zeros(len(times))
        totals[tcodes] = counts["total"].to_numpy(dtype=np.float64)
    acc = None
    if "accounts" in counts.columns:
        acc = np.zeros_like(mat)
        np.add.at(acc, (kcodes, tcodes), counts["accounts"].to_numpy(dtype=np.float64))
    freq = counts.attrs.get("freq")
    if freq is None and len(times) >= 2:
        freq = pd.Series(times).diff().min()
    times = pd.DatetimeIndex(times) if isinstance(times, pd.DatetimeIndex) or len(times) == 0 else pd.Index(times)
    return times, np.asarray(keys, dtype=object), mat, totals, freq, acc


def _grid(counts: pd.DataFrame):
    """Fast path for tables laid out as count() returns them: key blocks over one time axis."""
    n = len(counts)
    if n == 0:
        return None
    keys = counts["key"].to_numpy(dtype=object)
    change = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    n_bins = int(change[0]) if len(change) else n
    if n % n_bins or len(change) != n // n_bins - 1 or (change % n_bins).any():
        return None
    block_keys = keys[::n_bins]
    if len(block_keys) > 1 and not (block_keys[1:] > block_keys[:-1]).all():
        return None  # keys not sorted and unique
    time = counts["time"]
    if not (isinstance(time.dtype, pd.DatetimeTZDtype) or time.dtype.kind == "M"):
        return None
    t = time.array.asi8
    first = t[:n_bins]
    if (np.diff(first) <= 0).any() or not (t.reshape(-1, n_bins) == first).all():
        return None
    times = pd.DatetimeIndex(time.iloc[:n_bins])
    mat = counts["count"].to_numpy(dtype=np.float64).reshape(-1, n_bins)
    totals = None
    if "total" in counts.columns:
        tot = counts["total"].to_numpy(dtype=np.float64).reshape(-1, n_bins)
        if not (tot == tot[0]).all():
            return None
        totals = tot[0].copy()
    acc = None
    if "accounts" in counts.columns:
        acc = counts["accounts"].to_numpy(dtype=np.float64).reshape(-1, n_bins)
    freq = counts.attrs.get("freq")
    if freq is None and n_bins >= 2:
        freq = pd.Series(times).diff().min()
    return times, block_keys, mat, totals, freq, acc


def finish_table(df: pd.DataFrame) -> pd.DataFrame:
    """Fix dtypes and order: strongest first, then start, key, level."""
    if not len(df):
        return empty_detect()
    df = df.sort_values(["score", "start", "key", "level"], ascending=[False, True, True, True], kind="stable")
    df = df.reset_index(drop=True)
    df["peak_count"] = df["peak_count"].astype(np.int64)
    df["posts"] = df["posts"].astype(np.int64)
    df["accounts"] = df["accounts"].astype("Int64")
    df["level"] = df["level"].astype(np.int64)
    df["score"] = df["score"].astype(np.float64)
    df["key"] = df["key"].astype(object)
    return df[DETECT_COLUMNS]


def _edges(times, freq):
    if len(times) == 0:
        return times
    step = freq if freq is not None else pd.Timedelta(0)
    return times.append(pd.Index([times[-1] + step]))


def _peaks(mat, rows, st, en):
    peak_idx = np.empty(len(rows), np.int64)
    peak_cnt = np.empty(len(rows), np.float64)
    for i, (r, a, b) in enumerate(zip(rows, st, en)):
        seg = mat[r, a:b]
        j = int(np.argmax(seg))
        peak_idx[i] = a + j
        peak_cnt[i] = seg[j]
    return peak_idx, peak_cnt



def _kleinberg_runs(det, mat, totals, func):
    from ._batched import batched_states, burst_rows

    d = np.broadcast_to(totals[None, :], mat.shape) if det.normalize else None
    if det.normalize and (d < mat).any():
        raise ValueError(f"{func}(): some counts exceed the bin total; was the counts table edited?")
    k = det.n_states
    q, a, b, A, B, rates = batched_states(mat, d, det.s, det.gamma, k, mat.shape[0] if det.correct_keys else 1)
    rows = burst_rows(q, a, b, A, B, rates, k, d)
    return rows["row"], rows["start"], rows["end"], rows["level"], rows["weight"]


def online_scorer(det, freq, func):
    """The :class:`OnlineScorer` of a baseline detector, ``window`` turned into bins of ``freq``."""
    from ._baselines import OnlineScorer

    w = window_bins(det.window, freq, func)
    mp = det.min_periods if det.min_periods is not None else max(1, w // 2)
    return OnlineScorer(det.name, w, det.min_score, det.min_count, mp, det.normalize)


def _baseline_runs(det, mat, totals, freq, func):
    scorer = online_scorer(det, freq, func)
    scorer.add_keys(mat.shape[0])
    scores = np.zeros(mat.shape)
    hot = np.zeros(mat.shape, bool)
    for t in range(mat.shape[1]):
        scores[:, t], hot[:, t] = scorer.step(mat[:, t], None if totals is None else totals[t])
    r, st, en = runs(hot)
    level = np.ones(len(r), np.int64)
    score = np.array([scores[i, a:b].max() for i, a, b in zip(r, st, en)], dtype=float)
    return r, st, en, level, score


def run_detector(det, counts: pd.DataFrame, *, posts: pd.DataFrame | None, func: str, _index: Any = None) -> pd.DataFrame:
    """Run a detector over a counts table and build the burst table (see ``detect_bursts``)."""
    times, keys, mat, totals, freq, acc = pivot_counts(counts, func, need_total=det.normalize)
    if det.name != "kleinberg":
        window_bins(det.window, freq, func)  # a bad window is an error even on an empty table
    if len(keys) == 0 or len(times) == 0:
        return _with_attrs(empty_detect(), None, det)
    if det.name == "kleinberg":
        r, st, en, level, score = _kleinberg_runs(det, mat, totals, func)
    else:
        r, st, en, level, score = _baseline_runs(det, mat, totals, freq, func)
    peak_idx, peak_cnt = _peaks(mat, r, st, en)
    keep = peak_cnt >= det.min_count
    r, st, en, level, score, peak_idx, peak_cnt = (x[keep] for x in (r, st, en, level, score, peak_idx, peak_cnt))
    edges = _edges(times, freq)
    start, end = edges[st], edges[en]
    if posts is not None:
        kind = counts.attrs.get("key", counts.attrs.get("by"))
        if kind is None:
            raise ValueError(
                f"{func}() got posts= but the counts do not say their key kind (attrs['key']); "
                "build them with trendlib.count(posts, key=...)."
            )
        conc = from_posts(posts, kind, keys[r], start, end, _index=_index)
        source = "posts"
    elif acc is not None:
        conc = from_counts(mat, acc, r, st, en)
        source = "counts"
    else:
        conc = empty_concentration(len(r), from_counts(mat, None, r, st, en)["posts"])
        source = None
    df = pd.DataFrame(
        {
            "key": keys[r],
            "start": start,
            "end": end,
            "peak_time": edges[peak_idx],
            "peak_count": peak_cnt,
            **conc,
            "score": score,
            "score_unit": det.score_unit,
            "level": level,
            "method": det.name,
        }
    )
    return _with_attrs(finish_table(df), source, det)


def _with_attrs(df: pd.DataFrame, source: str | None, det) -> pd.DataFrame:
    df.attrs.update(accounts_from=source, method=det.name, score_unit=det.score_unit,
                    options={f: getattr(det, f) for f in det.options()})
    return df
