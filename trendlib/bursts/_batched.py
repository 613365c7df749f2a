"""Batched Kleinberg: counts per bin, the enumerated form of Kleinberg (2002), exact Viterbi.

Binomial model (``totals`` given): in bin ``t``, ``r_t`` of the ``d_t`` posts carry the
key; state ``j`` expects the share ``p_j = min(p_0 * s**j, 0.99999)`` with
``p_0 = sum(r) / sum(d)``. The cost of bin ``t`` in state ``j`` is the negative binomial
log-likelihood ``-[log C(d, r) + r log p_j + (d - r) log(1 - p_j)]``; it is computed in
log space (``xlogy``-style, ``0 * log 0 = 0``), so counts in the millions cannot
overflow. The ``log C(d, r)`` term (``gammaln``) is the same in every state, so it
changes no decision and no burst weight and is left out of the recursion.

Poisson model (``totals=None``): ``r_t ~ Poisson(lam_j)``, ``lam_j = lam_0 * s**j``,
``lam_0`` the mean count per bin; cost ``lam_j - r log lam_j`` (``log r!`` cancels).

Moving up ``i -> j`` costs ``(j - i) * gamma * ln(n)`` for ``n`` bins; the state
sequence is the exact minimum-cost one (Viterbi; the ``burst_detection`` package picks
each bin's state greedily from the previous one, which is not the optimum).

Bins with ``total == 0`` (binomial) cost nothing in any state, so a gap in the data does
not end a burst; the reported interval is trimmed to the bins that had posts.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_positive
from ._table import KLEINBERG_COLUMNS, empty_kleinberg, run_sums, runs
from ._viterbi import viterbi_many

__all__ = ["kleinberg_batched", "batched_states"]

P_MAX = 0.99999


def _check_common(s, gamma, n_states, func):
    s = check_positive(s, name="s", func=func)
    if s <= 1:
        raise ValueError(f"The 's' parameter of {func}() must be a number > 1. Got {s!r}.")
    gamma = check_positive(gamma, name="gamma", func=func)
    if isinstance(n_states, bool) or not isinstance(n_states, (int, np.integer)) or n_states < 2:
        raise ValueError(f"The 'n_states' parameter of {func}() must be an integer >= 2. Got {n_states!r}.")
    return s, gamma, int(n_states)


def batched_states(r: np.ndarray, d: np.ndarray | None, s: float, gamma: float, k: int,
                   n_series: int = 1):
    """Viterbi states and model terms for rows of ``r`` (m, n); ``d`` (m, n) or None.

    The cost of going up one state is ``gamma * ln(n * n_series)`` (``n_series=1``:
    Kleinberg's ``gamma * ln(n)``). Returns ``(q, a, b, A, B, rates)``: states (m, n),
    the emission factors and coefficients (see ``_viterbi``) and per-state rates (m, k).
    """
    m, n = r.shape
    powers = np.power(s, np.arange(k, dtype=np.float64))
    with np.errstate(divide="ignore", invalid="ignore"):
        if d is not None:
            R = r.sum(axis=1)
            D = d.sum(axis=1)
            p0 = np.where(D > 0, R / np.where(D > 0, D, 1), 0.0)
            rates = np.minimum(p0[:, None] * powers[None, :], P_MAX)
            rates[:, 0] = p0
            A = -np.log(rates)
            B = -np.log1p(-rates)
            a = r
            b = d - r
            active = (p0 > 0) & (p0 < P_MAX)
        else:
            lam0 = r.sum(axis=1) / max(n, 1)
            rates = lam0[:, None] * powers[None, :]
            A = -np.log(rates)
            B = rates.copy()
            a = r
            b = np.ones_like(r)
            active = lam0 > 0
    A = np.where(np.isfinite(A), A, 0.0)
    B = np.where(np.isfinite(B), B, 0.0)
    g = gamma * math.log(n * n_series) if n * n_series > 0 else 0.0
    q = np.zeros((m, n), np.int64)
    if active.any():
        q[active] = viterbi_many(a[active], b[active], A[active], B[active], g)
    return q, a, b, A, B, rates


def burst_rows(q, a, b, A, B, rates, k, d=None):
    """Hierarchical intervals with weights: dict of arrays (row, level, start, end, weight, base, rate).

    With ``d`` (binomial totals), bins without any post at the edges of a run are trimmed
    off the reported interval: they cost nothing in any state, so the path may run through
    them, but they are no evidence of the burst (the weight is unchanged).
    """
    out = {"row": [], "level": [], "start": [], "end": [], "weight": [], "base": [], "rate": []}
    for level in range(1, k):
        rows, st, en = runs(q >= level)
        if not len(rows):
            break
        if d is not None:
            st, en = st.copy(), en.copy()
            for i, (r, s0, e0) in enumerate(zip(rows, st, en)):
                seen = np.flatnonzero(d[r, s0:e0] > 0)
                if len(seen):
                    st[i], en[i] = s0 + seen[0], s0 + seen[-1] + 1
        dA = (A[:, level - 1] - A[:, level])[:, None]
        dB = (B[:, level - 1] - B[:, level])[:, None]
        diff = np.where(a != 0, dA * a, 0.0) + np.where(b != 0, dB * b, 0.0)
        out["row"].append(rows)
        out["level"].append(np.full(len(rows), level))
        out["start"].append(st)
        out["end"].append(en)
        out["weight"].append(run_sums(diff, rows, st, en))
        out["base"].append(rates[rows, 0])
        out["rate"].append(rates[rows, level])
    if not out["row"]:
        return {name: np.zeros(0, np.int64 if name in ("row", "level", "start", "end") else float) for name in out}
    return {name: np.concatenate(v) for name, v in out.items()}


def _bin_edges(times: Any, n: int, freq: Any, func: str):
    """Return (bin starts, end of the last bin) as an index (or integers when times is None)."""
    if times is None:
        return np.arange(n + 1), None
    idx = pd.Index(times)
    if len(idx) != n:
        raise ValueError(f"The 'times' parameter of {func}() must have one entry per bin ({n}). Got {len(idx)}.")
    if freq is not None:
        step = pd.Timedelta(freq) if not isinstance(freq, (int, float)) else freq
    elif n >= 2:
        step = idx[1] - idx[0]
    else:
        raise ValueError(f"{func}() needs freq= to know where a single bin ends.")
    return idx.append(pd.Index([idx[-1] + step])), step


def kleinberg_batched(
    counts: Any,
    totals: Any = None,
    *,
    s: float = 2.0,
    gamma: float = 1.0,
    n_states: int = 2,
    times: Any = None,
    freq: Any = None,
    keys: Any = None,
) -> pd.DataFrame:
    """Find bursts in counts per bin with Kleinberg's enumerated (batched) automaton.

    Parameters
    ----------
    counts : array-like, shape (n,) or (m, n)
        Posts carrying the key in each of ``n`` bins (one row per key for 2-D input).
    totals : array-like, shape (n,) or (m, n), optional
        All posts in each bin: the binomial model, bursts of *share*. Without it, the
        Poisson model on the counts themselves.
    s : float, default 2.0
        Ratio of the expected share (rate) of consecutive states (> 1).
    gamma : float, default 1.0
        Cost of moving up one state, in units of ``ln(n)``.
    n_states : int, default 2
        Number of states including the baseline (>= 2).
    times : array-like of length n, optional
        Start of each bin; ``start``/``end`` are then times, else bin indices.
    freq : str or Timedelta, optional
        Bin width (to place the end of the last bin); default ``times[1] - times[0]``.
    keys : array-like of length m, optional
        Names of the rows (default ``0..m-1``, or None for 1-D input).

    Returns
    -------
    pandas.DataFrame
        ``key``, ``level``, ``start``, ``end`` (half-open ``[start, end)``: from the
        start of the first bin to the end of the last), ``weight`` (negative
        log-likelihood saved by the level over the level below, nats), ``baseline_rate``
        and ``burst_rate`` (shares for the binomial model, counts per bin for Poisson),
        ``s``, ``gamma``; sorted by key, start, level.

    Examples
    --------
    >>> kleinberg_batched([2, 3, 2, 30, 41, 2, 3], [100, 110, 90, 120, 130, 100, 95])[["level", "start", "end"]]
       level  start  end
    0      1      3    5
    """
    func = "kleinberg_batched"
    s, gamma, k = _check_common(s, gamma, n_states, func)
    r = np.asarray(counts, dtype=np.float64)
    one = r.ndim == 1
    if one:
        r = r[None, :]
    if r.ndim != 2:
        raise ValueError(f"The 'counts' parameter of {func}() must be 1-D or 2-D. Got {r.ndim} dimensions.")
    if not np.isfinite(r).all() or (r < 0).any():
        raise ValueError(f"The 'counts' parameter of {func}() must hold finite numbers >= 0.")
    d = None
    if totals is not None:
        d = np.asarray(totals, dtype=np.float64)
        if d.ndim == 1:
            d = np.broadcast_to(d[None, :], r.shape)
        if d.shape != r.shape:
            raise ValueError(
                f"The 'totals' parameter of {func}() must have shape {r.shape[1:]} or {r.shape}. Got {d.shape}."
            )
        if not np.isfinite(d).all() or (d < r).any():
            bad = int((d < r).sum())
            raise ValueError(
                f"The 'totals' parameter of {func}() must be >= counts in every bin; {bad} bins have more "
                "counts than totals."
            )
    m, n = r.shape
    edges, _ = _bin_edges(times, n, freq, func)
    if keys is None:
        names = np.array([None] if one else list(range(m)), dtype=object)
    else:
        names = np.asarray(keys, dtype=object)
        if len(names) != m:
            raise ValueError(f"The 'keys' parameter of {func}() must have {m} names. Got {len(names)}.")
    q, a, b, A, B, rates = batched_states(r, d, s, gamma, k)
    rows = burst_rows(q, a, b, A, B, rates, k, d)
    if not len(rows["row"]):
        out = empty_kleinberg(times is not None)
        if times is None:
            out["start"] = out["start"].astype(np.int64)
            out["end"] = out["end"].astype(np.int64)
        return out
    order = np.lexsort((rows["level"], rows["start"], rows["row"]))
    take = {name: v[order] for name, v in rows.items()}
    out = pd.DataFrame(
        {
            "key": pd.Series(names[take["row"]], dtype=object),
            "level": take["level"].astype(np.int64),
            "start": edges[take["start"]],
            "end": edges[take["end"]],
            "weight": take["weight"],
            "baseline_rate": take["base"],
            "burst_rate": take["rate"],
            "s": float(s),
            "gamma": float(gamma),
        }
    )
    return out[KLEINBERG_COLUMNS]
