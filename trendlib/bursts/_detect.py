"""detect_bursts: every key of a counts table at once, one burst table (see ``_table``).

Why a front door on top of the detector classes (``_detectors``): most users want "the
bursts of my counts" with one call and a method name; the classes hold each method's
options. ``detect_bursts(counts, method=..., **options)`` builds the class and refuses
options the method does not read, so a misspelt or misplaced option is an error, not a
silent default.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd

from .._validation import require_columns
from ._accounts import empty_concentration, from_counts, from_posts
from ._detectors import DETECTORS, make_detector, window_bins
from ._table import DETECT_COLUMNS, empty_detect, runs

__all__ = ["detect_bursts", "METHODS", "pivot_counts", "finish_table", "run_detector"]

METHODS = tuple(DETECTORS)
Method = Literal["kleinberg", "zscore", "poisson", "ewma"]


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


def run_detector(det, counts: pd.DataFrame, *, posts: pd.DataFrame | None, func: str) -> pd.DataFrame:
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
        conc = from_posts(posts, kind, keys[r], start, end)
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


def detect_bursts(
    counts: pd.DataFrame,
    *,
    method: Method = "kleinberg",
    posts: pd.DataFrame | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Find the bursts of every key of a counts table.

    Parameters
    ----------
    counts : pandas.DataFrame
        A counts table from :func:`trendlib.count` (``time``, ``key``, ``count``;
        ``total`` when ``normalize=True``; ``accounts`` for the account columns).
    method : {"kleinberg", "zscore", "poisson", "ewma"}, default "kleinberg"
        ``"kleinberg"``: the batched automaton (exact Viterbi, nested levels,
        :class:`~trendlib.bursts.Kleinberg`); the others score each bin against a
        baseline of the bins before it (:class:`~trendlib.bursts.ZScore`,
        :class:`~trendlib.bursts.Poisson`, :class:`~trendlib.bursts.EWMA`). A detector
        instance is accepted too.
    posts : pandas.DataFrame, optional
        The posts the counts were made from: the account columns are then exact
        (``attrs["accounts_from"] == "posts"``); without them they come from the counts'
        ``accounts`` column (``"counts"``, bounds: see Notes) or are missing (``None``).
    **options
        The options of the method, and only those (anything else is a ``ValueError``
        naming the method's options). Kleinberg: ``s=2.0``, ``gamma=1.0``,
        ``n_states=2``, ``correct_keys=True``, ``normalize=False``, ``min_count=3``.
        zscore / poisson / ewma: ``window`` (a duration, default 24 bins),
        ``min_score=3.0``, ``min_count=3``, ``min_periods=None``, ``normalize=False``.
        ``threshold=`` (old name of ``min_score``) and an integer ``window`` (bins) warn
        and keep working for one release.

    Returns
    -------
    pandas.DataFrame
        One row per burst, strongest first: ``key``, ``start``, ``end`` (half-open),
        ``peak_time`` (bin with the most posts), ``peak_count``, ``posts`` (in the burst),
        ``accounts``, ``top_account``, ``top_account_share``, ``effective_accounts``
        (``1 / sum(p_i**2)`` over the accounts' shares of the posts), ``score``,
        ``score_unit`` (``"nats"`` for kleinberg, ``"z"`` for zscore and ewma,
        ``"-log10 p"`` for poisson), ``level`` (Kleinberg level; 1 otherwise), ``method``.
        ``attrs``: ``accounts_from``, ``method``, ``score_unit``, ``options``.

    See Also
    --------
    trendlib.count : the counts table.
    trendlib.BurstDetector : the same, fed bin by bin.
    trendlib.explain_burst : what was said during a burst.

    Notes
    -----
    From counts alone, who posted in which bin is unknown: ``accounts`` is the sum of the
    bins' distinct accounts (an upper bound), ``effective_accounts`` an upper bound and
    ``top_account_share`` a lower bound (each bin's posts read as spread evenly over its
    accounts); ``top_account`` is missing. A burst made by one account still shows one
    account per bin. Pass ``posts=`` for exact values (``docs/bursts.md``).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.date_range("2023-09-05", periods=8, freq="1h", tz="Asia/Jakarta")
    >>> c = pd.DataFrame({"time": t, "key": "kttasean",
    ...                   "count": [2, 3, 2, 40, 35, 3, 2, 2], "total": 100,
    ...                   "accounts": [2, 3, 2, 31, 30, 3, 2, 2]})
    >>> b = detect_bursts(c)
    >>> print(b.loc[0, "start"], b.loc[0, "end"], b.loc[0, "peak_count"], b.loc[0, "score_unit"])
    2023-09-05 03:00:00+07:00 2023-09-05 05:00:00+07:00 40 nats
    >>> int(b.loc[0, "posts"]), int(b.loc[0, "accounts"])
    (75, 61)
    >>> detect_bursts(c, method="zscore", s=3)
    Traceback (most recent call last):
    ...
    ValueError: detect_bursts(method='zscore') does not use the option 's'; its options are ['window', 'min_score', 'min_count', 'min_periods', 'normalize'].
    """
    func = "detect_bursts"
    det = make_detector(method, options, func=func)
    return run_detector(det, counts, posts=posts, func=func)
