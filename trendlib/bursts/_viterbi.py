"""Exact Viterbi for Kleinberg's automata in O(n*k) (internal).

Kleinberg's state machines have one special transition cost: moving *up* from state
``i`` to ``j > i`` costs ``(j - i) * g`` and moving down (or staying) is free. The
textbook Viterbi step ``C'[j] = min_i (C[i] + tau(i, j)) + cost_j`` is O(k^2) per
step; here it is O(k):

* the best predecessor at or above ``j`` (free move) is a running *suffix* minimum of
  ``C``;
* the best predecessor below ``j`` is a running *prefix* minimum of ``C[i] - i*g``
  (kept as an index, its cost re-evaluated as ``C[i] + (j - i)*g`` exactly as the
  plain formula writes it).

Ties go to the lowest predecessor state, which is what ``numpy.argmin`` over the full
row does, so the state sequences equal those of the plain O(n*k^2) recursion (and of
``pybursts``). All costs are negative log-likelihoods (log space): nothing over- or
underflows.

Every emission cost has the form ``cost_j(t) = A[j] * a[t] + B[j] * b[t]`` with finite
coefficients (callers replace the ``-log 0`` of an impossible rate by 0; such rows are
never run), so a zero factor contributes exactly 0:

* continuous Kleinberg, gap ``x``: ``a = x``, ``A = alpha``, ``b = 1``,
  ``B = -log(alpha)``; a zero gap uses ``zero_cost[j]`` instead (see ``_kleinberg``);
* binomial batches: ``a = r``, ``A = -log p``, ``b = d - r``, ``B = -log(1 - p)``;
* Poisson batches: ``a = r``, ``A = -log lam``, ``b = 1``, ``B = lam``.
"""

from __future__ import annotations

import numpy as np

from ._jit import HAVE_NUMBA, jit

__all__ = ["viterbi", "viterbi_many", "viterbi_step", "emissions"]


def viterbi(a, b, A, B, g, zero_cost, censor_zero):
    """Optimal state sequence for one series (start in state 0).

    Back-pointers take ``n * k`` bytes (``int8``; ``int16`` past 127 states).
    """
    n, k = a.shape[0], A.shape[0]
    back = np.empty((n, k), np.int8 if k <= 127 else np.int16)
    return _viterbi_kernel(a, b, A, B, g, zero_cost, censor_zero, back)


@jit
def _viterbi_kernel(a, b, A, B, g, zero_cost, censor_zero, back):  # pragma: no cover - compiled
    n = a.shape[0]
    k = A.shape[0]
    q = np.zeros(n, np.int64)
    if n == 0:
        return q
    C = np.full(k, np.inf)
    C[0] = 0.0
    Cn = np.empty(k)
    sv = np.empty(k)
    si = np.empty(k, np.int64)
    for t in range(n):
        at = a[t]
        bt = b[t]
        zero = censor_zero and at == 0.0
        # suffix minimum of C (ties -> lowest index)
        v = np.inf
        vi = k - 1
        for j in range(k - 1, -1, -1):
            if C[j] <= v:
                v = C[j]
                vi = j
            sv[j] = v
            si[j] = vi
        bi = 0
        bv = np.inf
        for j in range(k):
            best = sv[j]
            arg = si[j]
            if j > 0:
                cand = C[j - 1] + g
                if j == 1:
                    bi = 0
                    bv = cand
                else:
                    cur = C[bi] + (j - bi) * g
                    if cand < cur:
                        bi = j - 1
                        bv = cand
                    else:
                        bv = cur
                if bv <= best:
                    best = bv
                    arg = bi
            if zero:
                Cn[j] = best + zero_cost[j]
            else:
                Cn[j] = best + (A[j] * at + B[j] * bt)
            back[t, j] = arg
        tmp = C
        C = Cn
        Cn = tmp
    # final state: lowest index among the minimal costs
    j = 0
    for i in range(1, k):
        if C[i] < C[j]:
            j = i
    q[n - 1] = j
    for t in range(n - 1, 0, -1):
        q[t - 1] = back[t, q[t]]
    return q


@jit
def _viterbi_many_jit(a, b, A, B, g):  # pragma: no cover - compiled
    m, n = a.shape
    out = np.zeros((m, n), np.int64)
    k = A.shape[1]
    dummy = np.zeros(k)
    back = np.empty((n, k), np.int16)
    for r in range(m):
        out[r] = _viterbi_kernel(a[r], b[r], A[r], B[r], g, dummy, False, back)
    return out


def viterbi_step(C, emit, g):
    """One Viterbi step for many series: ``C`` (k, m) costs, ``emit`` (k, m) -> (C', argmin)."""
    k, m = C.shape
    rows = np.arange(m)
    sv = np.empty_like(C)
    si = np.empty((k, m), np.int64)
    v = np.full(m, np.inf)
    vi = np.full(m, k - 1)
    for j in range(k - 1, -1, -1):
        take = C[j] <= v
        v = np.where(take, C[j], v)
        vi = np.where(take, j, vi)
        sv[j], si[j] = v, vi
    Cn = np.empty_like(C)
    back = np.empty((k, m), np.int64)
    bi = np.zeros(m, np.int64)
    bv = np.full(m, np.inf)
    for j in range(k):
        best, arg = sv[j], si[j]
        if j > 0:
            cand = C[j - 1] + g
            if j == 1:
                bi = np.zeros(m, np.int64)
                bv = cand
            else:
                cur = C[bi, rows] + (j - bi) * g
                take = cand < cur
                bi = np.where(take, j - 1, bi)
                bv = np.where(take, cand, cur)
            up = bv <= best
            best = np.where(up, bv, best)
            arg = np.where(up, bi, arg)
        Cn[j] = best + emit[j]
        back[j] = arg
    return Cn, back


def emissions(at, bt, At, Bt):
    """Emission costs (k, m) of one bin: factors ``at``, ``bt`` (m,), coefficients (k, m)."""
    return np.where(at != 0, At * at, 0.0) + np.where(bt != 0, Bt * bt, 0.0)


def _viterbi_many_numpy(a, b, A, B, g):
    """The same recursion vectorised across series (rows) with NumPy."""
    m, n = a.shape
    k = A.shape[1]
    out = np.zeros((m, n), np.int64)
    if n == 0 or m == 0:
        return out
    back = np.empty((n, k, m), np.int16)
    C = np.full((k, m), np.inf)
    C[0] = 0.0
    rows = np.arange(m)
    At, Bt = A.T, B.T
    for t in range(n):
        C, back[t] = viterbi_step(C, emissions(a[:, t], b[:, t], At, Bt), g)
    q = np.argmin(C, axis=0)
    out[:, n - 1] = q
    for t in range(n - 1, 0, -1):
        q = back[t, q, rows]
        out[:, t - 1] = q
    return out


def viterbi_many(a, b, A, B, g):
    """State sequences for many series at once: ``a``, ``b`` are (m, n), ``A``, ``B`` (m, k)."""
    a = np.ascontiguousarray(a, dtype=np.float64)
    b = np.ascontiguousarray(b, dtype=np.float64)
    A = np.ascontiguousarray(A, dtype=np.float64)
    B = np.ascontiguousarray(B, dtype=np.float64)
    if HAVE_NUMBA:
        return _viterbi_many_jit(a, b, A, B, float(g))
    return _viterbi_many_numpy(a, b, A, B, float(g))
