"""detect_bursts: every key of a counts table at once, one burst table (see ``_table``)."""

from __future__ import annotations


import numpy as np
import pandas as pd

from .._validation import check_choice, check_positive, require_columns
from ._baselines import OnlineScorer
from ._batched import _check_common, batched_states, burst_rows
from ._table import DETECT_COLUMNS, empty_detect, runs

__all__ = ["detect_bursts", "METHODS", "pivot_counts", "finish_table", "check_online_params"]

METHODS = ("kleinberg", "zscore", "poisson", "ewma")


def pivot_counts(counts: pd.DataFrame, func: str, need_total: bool):
    """Counts table -> (bin times, keys, matrix (keys x bins), totals per bin, freq)."""
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
    freq = counts.attrs.get("freq")
    if freq is None and len(times) >= 2:
        freq = pd.Series(times).diff().min()
    times = pd.DatetimeIndex(times) if isinstance(times, pd.DatetimeIndex) or len(times) == 0 else pd.Index(times)
    return times, np.asarray(keys, dtype=object), mat, totals, freq


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
    freq = counts.attrs.get("freq")
    if freq is None and n_bins >= 2:
        freq = pd.Series(times).diff().min()
    return times, block_keys, mat, totals, freq


def check_online_params(window, threshold, min_count, min_periods, func):
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 2:
        raise ValueError(f"The 'window' parameter of {func}() must be an integer >= 2 (bins). Got {window!r}.")
    threshold = check_positive(threshold, name="threshold", func=func)
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 0:
        raise ValueError(f"The 'min_count' parameter of {func}() must be an integer >= 0. Got {min_count!r}.")
    if min_periods is None:
        min_periods = max(1, window // 2)
    if isinstance(min_periods, bool) or not isinstance(min_periods, (int, np.integer)) or min_periods < 0:
        raise ValueError(f"The 'min_periods' parameter of {func}() must be an integer >= 0. Got {min_periods!r}.")
    return int(window), threshold, int(min_count), int(min_periods)


def finish_table(df: pd.DataFrame) -> pd.DataFrame:
    """Fix dtypes and order: strongest first, then start, key, level."""
    if not len(df):
        return empty_detect()
    df = df.sort_values(["score", "start", "key", "level"], ascending=[False, True, True, True], kind="stable")
    df = df.reset_index(drop=True)
    df["peak_count"] = df["peak_count"].astype(np.int64)
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


def detect_bursts(
    counts: pd.DataFrame,
    *,
    method: str = "kleinberg",
    normalize: bool = False,
    s: float = 2.0,
    gamma: float = 1.0,
    n_states: int = 2,
    window: int = 24,
    threshold: float = 3.0,
    min_count: int = 3,
    min_periods: int | None = None,
    correct_keys: bool = True,
) -> pd.DataFrame:
    """Find the bursts of every key of a counts table.

    Parameters
    ----------
    counts : pandas.DataFrame
        A counts table from :func:`trendlib.count` (``time``, ``key``, ``count``, and
        ``total`` when ``normalize=True``).
    method : {"kleinberg", "zscore", "poisson", "ewma"}
        ``"kleinberg"``: the batched automaton (exact Viterbi, hierarchical levels; see
        :func:`kleinberg_batched`); the others score each bin against a baseline from
        the bins before it (see :mod:`trendlib.bursts._baselines`).
    normalize : bool, default False
        Bursts of the key's *share* of all posts (``count / total``) instead of raw
        counts, so a key that only rises with the overall volume is not a burst.
        Kleinberg then uses the binomial model on ``count`` out of ``total``.
    s, gamma, n_states
        Kleinberg's parameters (ratio between states, cost of going up in units of
        ``ln(n bins)``, number of states).
    window : int, default 24
        Bins of history for the baseline methods (24 hourly bins: one day).
    threshold : float, default 3.0
        Score a bin needs to be hot: z for ``zscore``/``ewma``, ``-log10 p`` for
        ``poisson``.
    min_count : int, default 3
        A burst needs a bin with at least this many posts (all methods); for baseline
        methods every hot bin does.
    min_periods : int, optional
        Bins of history before baseline methods may flag (default ``window // 2``).
    correct_keys : bool, default True
        Kleinberg only: scanning ``m`` keys gives ``m`` times the chances of a chance
        burst, so the cost of going up is ``gamma * ln(n_bins * m)`` instead of
        ``gamma * ln(n_bins)`` (a Bonferroni-style correction; with one key, or
        ``False``, each row is exactly :func:`kleinberg_batched`).

    Returns
    -------
    pandas.DataFrame
        ``key``, ``start``, ``end`` (half-open), ``peak_time`` (bin with the most
        posts), ``peak_count``, ``score`` (Kleinberg: burst weight in nats; baseline
        methods: the highest bin score), ``level`` (Kleinberg level; 1 otherwise),
        ``method``; strongest first.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.date_range("2023-09-05", periods=8, freq="1h", tz="Asia/Jakarta")
    >>> c = pd.DataFrame({"time": t, "key": "kttasean",
    ...                   "count": [2, 3, 2, 40, 35, 3, 2, 2], "total": 100})
    >>> b = detect_bursts(c)
    >>> print(b.loc[0, "start"], b.loc[0, "end"], b.loc[0, "peak_count"], b.loc[0, "level"])
    2023-09-05 03:00:00+07:00 2023-09-05 05:00:00+07:00 40 1
    """
    func = "detect_bursts"
    check_choice(method, METHODS, name="method", func=func)
    times, keys, mat, totals, freq = pivot_counts(counts, func, need_total=normalize)
    if method == "kleinberg":
        s, gamma, k = _check_common(s, gamma, n_states, func)
        if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 0:
            raise ValueError(f"The 'min_count' parameter of {func}() must be an integer >= 0. Got {min_count!r}.")
        if len(keys) == 0 or len(times) == 0:
            return empty_detect()
        d = np.broadcast_to(totals[None, :], mat.shape) if normalize else None
        if normalize and (d < mat).any():
            raise ValueError(f"{func}(): some counts exceed the bin total; was the counts table edited?")
        q, a, b, A, B, rates = batched_states(mat, d, s, gamma, k, len(keys) if correct_keys else 1)
        rows = burst_rows(q, a, b, A, B, rates, k, d)
        r, st, en, level, score = rows["row"], rows["start"], rows["end"], rows["level"], rows["weight"]
    else:
        window, threshold, min_count, min_periods = check_online_params(
            window, threshold, min_count, min_periods, func
        )
        if len(keys) == 0 or len(times) == 0:
            return empty_detect()
        scorer = OnlineScorer(method, window, threshold, min_count, min_periods, normalize)
        scorer.add_keys(len(keys))
        scores = np.zeros(mat.shape)
        hot = np.zeros(mat.shape, bool)
        for t in range(mat.shape[1]):
            scores[:, t], hot[:, t] = scorer.step(mat[:, t], None if totals is None else totals[t])
        r, st, en = runs(hot)
        level = np.ones(len(r), np.int64)
        score = np.array([scores[i, a:b].max() for i, a, b in zip(r, st, en)], dtype=float)
    peak_idx, peak_cnt = _peaks(mat, r, st, en)
    keep = peak_cnt >= min_count
    edges = _edges(times, freq)
    df = pd.DataFrame(
        {
            "key": keys[r[keep]],
            "start": edges[st[keep]],
            "end": edges[en[keep]],
            "peak_time": edges[peak_idx[keep]],
            "peak_count": peak_cnt[keep],
            "score": score[keep],
            "level": level[keep],
            "method": method,
        }
    )
    return finish_table(df)
