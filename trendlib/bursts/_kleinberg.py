"""Continuous-time Kleinberg burst detection over event timestamps (Kleinberg 2002).

The model: gaps between consecutive events are exponential; state ``j`` has rate
``alpha_j = s**j / g_hat`` where ``g_hat`` is the mean gap. Moving up ``i -> j`` costs
``(j - i) * gamma * ln(n)`` (``n`` gaps), moving down is free. The optimal state sequence
is found by an exact Viterbi in log space in O(n*k) (see ``_viterbi``). The number of
states follows Kleinberg (and ``pybursts``): ``k = ceil(1 + log_s(T) + log_s(1/min gap))``.

Events at the same instant
--------------------------
Timestamps are rounded (tweets to the second), so two events can share an instant. A
zero gap has density ``alpha`` (not 0), which the published ports either reject or
turn into ``-log(0)``. Here a zero gap is read as what it is, "a gap shorter than the
clock's resolution ``delta``", an interval-censored observation with likelihood
``P(gap < delta) = 1 - exp(-alpha * delta)``: faster states explain it better, but by a
bounded amount. ``delta`` (``resolution=``) defaults to the smallest positive gap in the
data. Positive gaps keep the exact exponential density, so on inputs without ties the
result is exactly Kleinberg's (and pybursts').
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_positive
from ._table import KLEINBERG_COLUMNS, empty_kleinberg, run_sums, runs
from ._viterbi import viterbi

__all__ = ["kleinberg"]


def _as_numeric(times: Any, func: str) -> tuple[np.ndarray, Any, int]:
    """Return (values, kind, n dropped) for the non-missing ``times``.

    ``values`` are int64 nanoseconds since the epoch (UTC for tz-aware input, wall clock
    for naive input) for datetimes, or float64 for numbers; ``kind`` is the time zone of
    tz-aware input, ``"naive"`` or ``"numeric"``.
    """
    if isinstance(times, (pd.DatetimeIndex, pd.Series)) and pd.api.types.is_datetime64_any_dtype(times):
        t = pd.Series(times)
    else:
        arr = np.asarray(times)
        if arr.dtype.kind in "iufb":
            arr = arr.astype(np.float64)
            ok = np.isfinite(arr)
            return arr[ok], "numeric", int((~ok).sum())
        try:
            t = pd.Series(pd.to_datetime(arr))
        except Exception:
            raise ValueError(
                f"The 'times' parameter of {func}() must be datetimes or numbers. "
                f"Got values such as {arr[:1]!r}."
            ) from None
    tz = t.dt.tz
    ok = t.notna().to_numpy()
    ns = t[ok].astype("datetime64[ns, UTC]" if tz is not None else "datetime64[ns]")
    ns = ns.to_numpy().view("int64") if tz is None else ns.dt.tz_localize(None).to_numpy().view("int64")
    return ns, (tz if tz is not None else "naive"), int((~ok).sum())


def _to_time(values: np.ndarray, kind: Any):
    if kind == "numeric":
        return values
    idx = pd.DatetimeIndex(np.asarray(values, dtype=np.int64).view("datetime64[ns]"))
    if kind == "naive":
        return idx
    return idx.tz_localize("UTC").tz_convert(kind)


def kleinberg(
    times: Any,
    *,
    s: float = 2.0,
    gamma: float = 1.0,
    n_states: int | None = None,
    resolution: float | None = None,
    keys: Any = None,
) -> pd.DataFrame:
    """Find bursts in a stream of event times with Kleinberg's continuous-time automaton.

    Parameters
    ----------
    times : array-like of datetimes or numbers
        Event timestamps (any order; equal timestamps are allowed). Missing values are
        dropped with a warning giving their number.
    s : float, default 2.0
        Ratio of the event rates of consecutive states (> 1).
    gamma : float, default 1.0
        Cost of moving up one state, in units of ``ln(n)`` (> 0).
    n_states : int, optional
        Number of states including the baseline; default Kleinberg's
        ``ceil(1 + log_s(T) + log_s(1 / smallest positive gap))``.
    resolution : float, optional
        Clock resolution ``delta`` used for zero gaps (seconds for datetimes); default
        the smallest positive gap. See the module notes.
    keys : array-like, optional
        One label per event: each key is analysed separately and named in ``key``.

    Returns
    -------
    pandas.DataFrame
        One row per burst interval and level (level >= 1; levels nest): ``key``,
        ``level``, ``start``, ``end`` (half-open ``[start, end)``, see
        :mod:`trendlib.bursts`), ``weight`` (cost saved by the level over the level
        below, in nats), ``baseline_rate`` and ``burst_rate`` (events per second for
        datetimes, per unit for numbers), ``s``, ``gamma``. Sorted by key, start, level.

    Examples
    --------
    >>> import pandas as pd
    >>> calm = pd.date_range("2023-09-05 08:00", periods=20, freq="30min", tz="Asia/Jakarta")
    >>> rush = pd.date_range("2023-09-05 12:00", periods=30, freq="1min", tz="Asia/Jakarta")
    >>> b = kleinberg(calm.append(rush).append(calm + pd.Timedelta("10h")))
    >>> b.loc[b.level == 1, ["start", "end"]].to_string(index=False)
    '                    start                       end\\n2023-09-05 12:00:00+07:00 2023-09-05 12:30:00+07:00'
    """
    func = "kleinberg"
    s = check_positive(s, name="s", func=func)
    if s <= 1:
        raise ValueError(f"The 's' parameter of {func}() must be a number > 1. Got {s!r}.")
    gamma = check_positive(gamma, name="gamma", func=func)
    if n_states is not None and (
        isinstance(n_states, bool) or not isinstance(n_states, (int, np.integer)) or n_states < 1
    ):
        raise ValueError(f"The 'n_states' parameter of {func}() must be an integer >= 1. Got {n_states!r}.")
    if resolution is not None:
        resolution = check_positive(resolution, name="resolution", func=func)

    values, kind, n_bad = _as_numeric(times, func)
    if keys is None:
        labels = np.full(len(values), None, dtype=object)
    else:
        labels = np.asarray(keys, dtype=object)
        if len(labels) != len(values) + n_bad:
            raise ValueError(
                f"The 'keys' parameter of {func}() must have one label per time "
                f"({len(values) + n_bad}). Got {len(labels)}."
            )
        if n_bad:
            ok = ~pd.isna(pd.Series(np.asarray(times, dtype=object))).to_numpy()
            labels = labels[ok]
    if n_bad:
        warnings.warn(f"{func}(): {n_bad} missing times were ignored.", stacklevel=2)

    frames = []
    if keys is None:
        groups = [(None, values)]
    else:
        codes, uniq = pd.factorize(pd.Series(labels), sort=True)
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(uniq) + 1))
        groups = [(uniq[i], values[order[bounds[i] : bounds[i + 1]]]) for i in range(len(uniq))]
    for key, vals in groups:
        frames.append(_one(vals, kind, key, s, gamma, n_states, resolution))
    frames = [f for f in frames if len(f)]
    if not frames:
        out = empty_kleinberg(kind != "numeric")
        if kind not in ("numeric", "naive"):
            out["start"] = out["start"].dt.tz_convert(kind)
            out["end"] = out["end"].dt.tz_convert(kind)
        elif kind == "naive":
            out["start"] = out["start"].dt.tz_localize(None)
            out["end"] = out["end"].dt.tz_localize(None)
        return out
    return pd.concat(frames, ignore_index=True)


def _one(values, kind, key, s, gamma, n_states, resolution) -> pd.DataFrame:
    x = np.sort(values, kind="stable")
    if len(x) < 2:
        return empty_kleinberg()
    gaps = np.diff(x)
    if kind != "numeric":
        gaps = gaps / 1e9  # ns -> s
    n = gaps.size
    T = float(np.sum(gaps))
    positive = gaps[gaps > 0]
    if positive.size == 0:
        return empty_kleinberg()  # all events at one instant: no rate can be measured
    g_hat = T / n
    ming = float(positive.min())
    if n_states is None:
        k = int(math.ceil(float(1 + math.log(T, s) + math.log(1 / ming, s))))
        k = max(k, 1)
    else:
        k = int(n_states)
    if k > 32000:
        raise ValueError(f"kleinberg() would need {k} states; pass n_states= explicitly.")
    g = gamma * math.log(n)
    alpha = np.power(s, np.arange(k, dtype=np.float64)) / g_hat
    log_alpha = np.log(alpha)
    delta = ming if resolution is None else resolution
    zero_cost = -np.log(-np.expm1(-alpha * delta))
    has_zero = bool((gaps == 0).any())
    ones = np.ones(n)
    q = viterbi(
        np.ascontiguousarray(gaps, dtype=np.float64), ones, alpha, -log_alpha, float(g), zero_cost, has_zero
    )

    starts, ends, levels, weights = [], [], [], []
    zero = gaps == 0
    for level in range(1, k):
        mask = q >= level
        if not mask.any():
            break
        _, a, b = runs(mask)
        # cost of level-1 minus cost of level at each gap
        below = alpha[level - 1] * gaps - log_alpha[level - 1]
        above = alpha[level] * gaps - log_alpha[level]
        if has_zero:
            below = np.where(zero, zero_cost[level - 1], below)
            above = np.where(zero, zero_cost[level], above)
        w = run_sums(below - above, np.zeros(len(a), np.int64), a, b)
        starts.append(x[a])
        ends.append(x[b])  # event closing the last gap of the run
        levels.append(np.full(len(a), level))
        weights.append(w)
    if not levels:
        return empty_kleinberg()
    lev = np.concatenate(levels)
    st = np.concatenate(starts)
    order = np.lexsort((lev, st))
    lev = lev[order]
    out = pd.DataFrame(
        {
            "key": pd.Series([key] * len(lev), dtype=object),
            "level": lev.astype(np.int64),
            "start": _to_time(np.concatenate(starts)[order], kind),
            "end": _to_time(np.concatenate(ends)[order], kind),
            "weight": np.concatenate(weights)[order],
            "baseline_rate": np.full(len(lev), alpha[0]),
            "burst_rate": alpha[lev],
            "s": float(s),
            "gamma": float(gamma),
        }
    )
    return out[KLEINBERG_COLUMNS]
