"""The trending list: which keys rise now against a seasonal, shrunk baseline.

The score (documented in ``docs/trends.md``) for one key in the current window:

* ``y``: count in the current window ``[end - window, end)``; ``y_prev``: count in the
  window before it.
* ``lam``: the key's flat rate, its count per window-length over the baseline period
  ``[start - baseline, start)`` (only bins the counts table covers).
* ``s_d``: the key's count in the same clock window ``d`` days earlier (d = 1 .. days of
  the baseline), optionally smoothed over ``smooth`` neighbouring bins.
* expected ``mu = lam * (sum_d s_d + a) / (n_days * lam + a)`` with ``a = season_prior``:
  the posterior mean of the clock-window rate under a Gamma prior with mean ``lam`` and
  shape ``a``: rare keys lean on their flat rate, busy keys on their hour-of-day history
  (``mu = lam`` when no earlier day is covered).
* ``var = max(mu, sample variance of s_d)`` (Poisson, or more when days disagree).
* ``z = (y - mu) / sqrt(var + prior)``, ``velocity = (y + prior) / (mu + prior)``;
  ``prior`` is a pseudo-count so a key seen twice is not rated like one seen two hundred
  times.
* ``acceleration = z - z_prev``: the change of the standardised excess against the previous
  window, whose expectation is computed the same way (so a daily ritual rising at its usual
  hour does not accelerate); 0 when the data hold no previous window.
* ``score = z + accel_weight * acceleration + novelty_bonus * novel``, ``novel`` when the
  key never occurs in the baseline period.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, check_positive, require_columns
from ._baseline import _as_counts, _expectation, _timedelta, _window_sum

__all__ = ["trending"]

_BY = ("hashtag", "mention", "term", "author")
_COLUMNS = [
    "rank",
    "key",
    "count",
    "expected",
    "velocity",
    "z",
    "acceleration",
    "previous",
    "novel",
    "score",
]


def trending(
    data: pd.DataFrame,
    *,
    at: Any = None,
    window: Any = "1h",
    baseline: Any = "7D",
    by: str = "hashtag",
    freq: Any = None,
    tz: str = "Asia/Jakarta",
    top: int | None = 20,
    min_count: int = 3,
    prior: float = 5.0,
    season_prior: float = 1.0,
    smooth: int = 0,
    accel_weight: float = 0.5,
    novelty_bonus: float = 2.0,
    normalize: bool = False,
) -> pd.DataFrame:
    """Rank the keys trending in a window against a seasonal baseline.

    A key trends when its count in the window is well above what its own history
    predicts for this time of day (velocity, ``z``), when it is rising against the previous
    window (acceleration), and, with a bonus, when it was never seen in the baseline
    period (novelty). A daily ritual (``#selamatpagi`` at 06:00) does not trend at its
    usual hour; a tag seen twice does not outrank one seen two hundred times.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical posts (counted with :func:`trendlib.count`) or a counts table (columns
        ``time``, ``key``, ``count`` and, for ``normalize=True``, ``total``).
    at : str, datetime or pandas.Timestamp, optional
        The moment to rank at: the window ends at the end of the bin holding ``at``.
        Naive times are read in ``tz``. Default: the latest bin.
    window : str or pandas.Timedelta, default "1h"
        Length of the current window; a multiple of the bin size.
    baseline : str or pandas.Timedelta, default "7D"
        History used for the expected count: ``[window start - baseline, window start)``.
        Its whole days give the hour-of-day (seasonal) estimate when ``window < 1 day``.
    by : {"hashtag", "mention", "term", "author"}, default "hashtag"
        What to count when ``data`` is posts.
    freq : str, optional
        Bin size when ``data`` is posts: default ``"1h"`` when the window is whole hours,
        else the window itself. Ignored for counts (their ``attrs['freq']`` is used).
    tz : str, default "Asia/Jakarta"
        Time zone of the bins, of ``at`` when naive, and of "hour of day"; ``"WIB"``,
        ``"WITA"`` and ``"WIT"`` are accepted.
    top : int or None, default 20
        Number of rows returned; ``None`` returns every key with ``count >= min_count``.
    min_count : int, default 3
        Keys with fewer posts in the window are not ranked.
    prior : float, default 5.0
        Pseudo-count added to the variance and to both sides of the velocity ratio, so
        sparse keys are not over-rated.
    season_prior : float, default 1.0
        Shape (a count) of the Gamma prior that shrinks the hour-of-day profile towards
        the key's flat rate; 0 uses the profile alone.
    smooth : int, default 0
        Neighbouring bins on each side averaged (triangular weights) into each day's
        same-hour count; 0 uses the exact clock window.
    accel_weight, novelty_bonus : float, default 0.5 and 2.0
        Weights of acceleration and novelty in the score.
    normalize : bool, default False
        Scale the expected count by the ratio of the current total volume to its own
        expected value, so a key that only grows with the whole stream does not trend.

    Returns
    -------
    pandas.DataFrame
        One row per key, best first: ``rank``, ``key``, ``count``, ``expected``,
        ``velocity``, ``z``, ``acceleration``, ``previous`` (count in the previous window),
        ``novel`` and ``score``. ``attrs`` hold ``window_start``, ``window_end``,
        ``window``, ``baseline``, ``freq``, ``tz``, ``by``, ``seasonal_days`` and the
        weights used.

    Examples
    --------
    >>> import pandas as pd
    >>> bins = pd.date_range("2023-09-01", periods=48, freq="1h", tz="Asia/Jakarta")
    >>> rows = [(t, "ktt", 2) for t in bins] + [(t, "macet", 1) for t in bins]
    >>> rows[47] = (bins[-1], "ktt", 40)       # #ktt jumps in the last hour
    >>> counts = pd.DataFrame(rows, columns=["time", "key", "count"])
    >>> counts.attrs["freq"] = "1h"
    >>> top = trending(counts, baseline="1D", min_count=1)
    >>> top[["rank", "key", "count", "novel"]]
       rank    key  count  novel
    0     1    ktt     40  False
    1     2  macet      1  False
    >>> float(top.loc[0, "expected"])
    2.0
    """
    func = "trending"
    check_choice(by, _BY, name="by", func=func)
    window_td = _timedelta(window, name="window")
    baseline_td = _timedelta(baseline, name="baseline")
    if top is not None and (isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1):
        raise ValueError(f"The 'top' parameter of trending() must be a positive integer or None. Got {top!r}.")
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError(
            f"The 'min_count' parameter of trending() must be an integer >= 1. Got {min_count!r}."
        )
    if isinstance(smooth, bool) or not isinstance(smooth, (int, np.integer)) or smooth < 0:
        raise ValueError(f"The 'smooth' parameter of trending() must be an integer >= 0. Got {smooth!r}.")
    prior = check_positive(prior, name="prior", func=func)
    season_prior = check_positive(season_prior, name="season_prior", func=func, strict=False)
    accel_weight = check_positive(accel_weight, name="accel_weight", func=func, strict=False)
    novelty_bonus = check_positive(novelty_bonus, name="novelty_bonus", func=func, strict=False)
    from .._time import resolve_tz

    tz = resolve_tz(tz, func=func)  # WIB / WITA / WIT or an IANA name

    counts, f, times = _as_counts(data, by=by, freq=freq, tz=tz, window=window_td, at=at,
                                  baseline=baseline_td, smooth=int(smooth))
    if window_td % f != pd.Timedelta(0):
        raise ValueError(
            f"The 'window' parameter of trending() must be a multiple of the bin size {f}. Got {window!r}."
        )
    if baseline_td < window_td:
        raise ValueError(
            f"The 'baseline' parameter of trending() must be at least the window ({window_td}). Got {baseline!r}."
        )
    if normalize:
        require_columns(counts, ["time", "key", "count", "total"], func=func, hint="trendlib.count(...)")
    k = int(window_td // f)

    # integer grid positions of every row (one pass, no hashing: counts can be huge)
    if len(times) == 0:
        raise ValueError("trending() got an empty counts table: there is nothing to rank.")
    t_int = times.asi8
    step = int(f // pd.Timedelta(1, unit=times.unit))
    t_min = int(t_int.min())
    grid0 = pd.Timestamp(t_min, unit=times.unit, tz="UTC").tz_convert(tz)
    pos_all = (t_int - t_min) // step
    n_grid = int(pos_all.max()) + 1
    avail_bins = np.bincount(pos_all, minlength=n_grid) > 0
    avail = np.concatenate([[0], np.cumsum(avail_bins)])

    # the window end, as a grid position (exclusive)
    if at is None:
        e0 = n_grid
    else:
        at_ts = pd.Timestamp(at)
        at_ts = at_ts.tz_localize(tz) if at_ts.tzinfo is None else at_ts.tz_convert(tz)
        if at_ts < grid0 or at_ts >= grid0 + n_grid * f:
            raise ValueError(
                f"The 'at' parameter of trending() must fall within the counts, "
                f"[{grid0}, {grid0 + n_grid * f}). Got {at!r}."
            )
        e0 = int((at_ts - grid0) // f) + 1
    if e0 - k < 0:
        raise ValueError(
            f"trending() needs a full window ({window_td}) of counts before 'at'; the counts start "
            f"at {grid0}. Got at={at!r}."
        )
    window_end = grid0 + e0 * f
    window_start = window_end - window_td

    # current window and candidate keys
    cnt_col = counts["count"]
    in_win = np.flatnonzero((pos_all >= e0 - k) & (pos_all < e0))
    y_all = (
        pd.Series(cnt_col.iloc[in_win].to_numpy(dtype=np.float64))
        .groupby(counts["key"].iloc[in_win].astype(str).to_numpy())
        .sum()
    )
    y_all = y_all[y_all >= min_count]
    keys = np.array(sorted(y_all.index), dtype=object)

    n_base = int(baseline_td // f)
    # bins needed: the baseline, plus slack for smoothing and DST-shifted clock windows
    lo = max(0, e0 - 2 * k - n_base - smooth - 2)
    span = n_grid - lo
    mat = np.zeros((span, len(keys)))
    tot = np.zeros(span)
    sel = np.flatnonzero((pos_all >= lo) & (pos_all < e0))
    pos_sel = pos_all[sel]
    if len(keys):
        col = pd.Index(keys).get_indexer(counts["key"].iloc[sel].astype(str).to_numpy())
        ok = col >= 0
        np.add.at(mat, (pos_sel[ok] - lo, col[ok]), cnt_col.iloc[sel].to_numpy(dtype=np.float64)[ok])
    if normalize:
        tot_by_bin = (
            pd.Series(counts["total"].iloc[sel].to_numpy(dtype=np.float64))
            .groupby(pos_sel)
            .first()
        )
        tot[tot_by_bin.index.to_numpy() - lo] = tot_by_bin.to_numpy()
    mat = np.column_stack([mat, tot])  # last column: total volume
    cum = np.vstack([np.zeros((1, mat.shape[1])), np.cumsum(mat, axis=0)])
    av = avail[lo:] - avail[lo]
    e = e0 - lo

    y = cum[e] - cum[e - k]
    cur = _expectation(cum, av, e, k, n_base, window_end, grid0, lo, f, window_td, baseline_td,
                       smooth, season_prior)
    mu, var, s_all, n_all, n_days = cur
    prev = _window_sum(cum, av, e - k, k)
    has_prev = prev is not None
    if prev is None:  # no previous window in the data: no acceleration either
        prev = np.zeros_like(y)
        mu_p, var_p = prev, prev
    else:
        mu_p, var_p, *_ = _expectation(cum, av, e - k, k, n_base, window_end - window_td, grid0,
                                       lo, f, window_td, baseline_td, smooth, season_prior)
    if normalize:  # scale each window's expectation by its volume surprise
        mu, var = mu * ((y[-1] + prior) / (mu[-1] + prior)), var * ((y[-1] + prior) / (mu[-1] + prior))
        fp = (prev[-1] + prior) / (mu_p[-1] + prior)
        mu_p, var_p = mu_p * fp, var_p * fp
    novel = (s_all == 0) & (n_all > 0)

    y, prev, mu, var, novel = y[:-1], prev[:-1], mu[:-1], var[:-1], novel[:-1]
    mu_p, var_p = mu_p[:-1], var_p[:-1]
    z = (y - mu) / np.sqrt(var + prior)
    velocity = (y + prior) / (mu + prior)
    accel = z - (prev - mu_p) / np.sqrt(var_p + prior) if has_prev else np.zeros_like(z)
    score = z + accel_weight * accel + novelty_bonus * novel

    out = pd.DataFrame(
        {
            "key": pd.Series(keys, dtype=object).astype(str),
            "count": np.rint(y).astype(np.int64),
            "expected": mu,
            "velocity": velocity,
            "z": z,
            "acceleration": accel,
            "previous": np.rint(prev).astype(np.int64),
            "novel": novel.astype(bool),
            "score": score,
        }
    )
    out = out.sort_values(["score", "count", "key"], ascending=[False, False, True], kind="mergesort")
    if top is not None:
        out = out.head(int(top))
    out.insert(0, "rank", np.arange(1, len(out) + 1, dtype=np.int64))
    out = out.reset_index(drop=True)[_COLUMNS]
    out.attrs.update(
        {
            "window_start": window_start,
            "window_end": window_end,
            "window": window_td,
            "baseline": baseline_td,
            "freq": f,
            "tz": tz,
            "by": counts.attrs.get("by", by),
            "seasonal_days": n_days,
            "baseline_windows": float(n_all),
            "prior": prior,
            "season_prior": season_prior,
            "smooth": int(smooth),
            "accel_weight": accel_weight,
            "novelty_bonus": novelty_bonus,
            "normalize": bool(normalize),
        }
    )
    return out
