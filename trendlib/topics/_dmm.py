"""Dirichlet multinomial mixture by collapsed Gibbs sampling (GSDMM), compiled (internal).

Why a mixture and not LDA: a tweet is about one thing. Yin & Wang (2014) showed that a
one-topic-per-document model (Nigam et al. 2000's mixture of unigrams, sampled like a
Chinese-restaurant process, "GSDMM") finds better topics than LDA in short texts, and it
estimates the number of clusters: it starts from an upper bound and clusters empty out.

The kernel is one sweep over documents stored as CSR (``indptr``, word ids, counts),
with counts kept as ``n_wk`` (words x clusters, so a word's counts are contiguous).
For document ``d`` with ``N_d`` words, cluster ``k`` is drawn with probability

    (m_k + alpha) * prod_{w in d} prod_{j < N_dw} (n_wk + beta + j)
                  / prod_{i < N_d} (n_k + V beta + i)

computed as a product of ratios, folded into logs every 16 factors (no underflow, 16x
fewer logs). Empty clusters are all alike, so only the first is scored. Compiled with
numba when it is installed (a trendlib dependency); otherwise it runs as Python (same
draws, far slower).

References: J. Yin and J. Wang, "A Dirichlet multinomial mixture model-based approach
for short text clustering", KDD 2014.
"""

from __future__ import annotations

import math
import os

import numpy as np

__all__ = ["sweep", "gibbs"]

try:  # pragma: no cover - depends on the environment
    if os.environ.get("TRENDLIB_NO_NUMBA"):
        raise ImportError
    from numba import njit as _njit

    def _jit(func):
        return _njit(cache=True, nogil=True)(func)

except ImportError:  # pragma: no cover

    def _jit(func):
        return func


@_jit
def sweep(indptr, ids, cnts, z, m_k, n_k, n_wk, alpha, beta, u):  # pragma: no cover - compiled
    """One Gibbs sweep; ``z[d] < 0`` means "not yet assigned" (first pass = sequential init)."""
    D = indptr.shape[0] - 1
    K = m_k.shape[0]
    V = n_wk.shape[0]
    vb = V * beta
    logp = np.empty(K)
    prod = np.empty(K)
    active = np.empty(K, dtype=np.int64)
    for d in range(D):
        a = indptr[d]
        b = indptr[d + 1]
        if a == b:
            z[d] = -1
            continue
        nd = 0
        for t in range(a, b):
            nd += cnts[t]
        k0 = z[d]
        if k0 >= 0:
            m_k[k0] -= 1
            n_k[k0] -= nd
            for t in range(a, b):
                n_wk[ids[t], k0] -= cnts[t]
        na = 0
        empty = -1
        for k in range(K):
            if m_k[k] > 0:
                active[na] = k
                na += 1
            elif empty < 0:
                empty = k
        if empty >= 0:
            active[na] = empty
            na += 1
        for i in range(na):
            k = active[i]
            logp[i] = math.log(m_k[k] + alpha)
            prod[i] = 1.0
        pos = 0
        run = 0
        for t in range(a, b):
            w = ids[t]
            for j in range(cnts[t]):
                for i in range(na):
                    k = active[i]
                    prod[i] *= (n_wk[w, k] + beta + j) / (n_k[k] + vb + pos)
                pos += 1
                run += 1
                if run == 16:
                    for i in range(na):
                        logp[i] += math.log(prod[i])
                        prod[i] = 1.0
                    run = 0
        mx = -1e300
        for i in range(na):
            logp[i] += math.log(prod[i])
            if logp[i] > mx:
                mx = logp[i]
        total = 0.0
        for i in range(na):
            prod[i] = math.exp(logp[i] - mx)
            total += prod[i]
        r = u[d] * total
        choice = active[na - 1]
        acc = 0.0
        for i in range(na):
            acc += prod[i]
            if r < acc:
                choice = active[i]
                break
        z[d] = choice
        m_k[choice] += 1
        n_k[choice] += nd
        for t in range(a, b):
            n_wk[ids[t], choice] += cnts[t]


def gibbs(
    indptr: np.ndarray,
    ids: np.ndarray,
    cnts: np.ndarray,
    *,
    n_clusters: int,
    n_words: int,
    alpha: float,
    beta: float,
    n_iter: int,
    rng: np.random.Generator,
    state: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    init: str | None = None,
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Cluster the documents; return ``(z, (m_k, n_k, n_wk))``.

    ``state`` holds the counts of documents seen before (``partial_fit``): the new
    documents join them and only their assignments are resampled. ``init="random"``
    starts each document in a random cluster (Yin & Wang's start; used for a fresh fit);
    ``"sequential"`` places documents one by one given those before them (used when
    ``state`` exists, so new posts join the topics already there or open new ones).
    Then ``n_iter`` sweeps, documents visited in a seeded random order.
    """
    D = len(indptr) - 1
    if state is None:
        m_k = np.zeros(n_clusters, dtype=np.int64)
        n_k = np.zeros(n_clusters, dtype=np.int64)
        n_wk = np.zeros((n_words, n_clusters), dtype=np.int64)
    else:
        m_k, n_k, n_wk = (a.copy() for a in state)
    z = np.full(D, -1, dtype=np.int64)
    order = rng.permutation(D)
    ip, ii, cc = _reorder(indptr, ids, cnts, order)
    zo = z[order]
    if init is None:
        init = "random" if state is None else "sequential"
    if init == "random":
        zo[:] = rng.integers(0, n_clusters, D)
        zo[np.diff(ip) == 0] = -1
        _add(ip, ii, cc, zo, m_k, n_k, n_wk)
    else:
        sweep(ip, ii, cc, zo, m_k, n_k, n_wk, float(alpha), float(beta), rng.random(D))
    for _ in range(int(n_iter)):
        sweep(ip, ii, cc, zo, m_k, n_k, n_wk, float(alpha), float(beta), rng.random(D))
    z[order] = zo
    return z, (m_k, n_k, n_wk)


@_jit
def _add(indptr, ids, cnts, z, m_k, n_k, n_wk):  # pragma: no cover - compiled
    for d in range(indptr.shape[0] - 1):
        k = z[d]
        if k < 0:
            continue
        m_k[k] += 1
        for t in range(indptr[d], indptr[d + 1]):
            n_k[k] += cnts[t]
            n_wk[ids[t], k] += cnts[t]


def _reorder(indptr, ids, cnts, order):
    lens = np.diff(indptr)[order]
    ip = np.zeros(len(order) + 1, dtype=np.int64)
    np.cumsum(lens, out=ip[1:])
    starts = indptr[:-1][order]
    idx = np.repeat(starts - ip[:-1], lens) + np.arange(ip[-1], dtype=np.int64)
    return ip, ids[idx], cnts[idx]
