"""Scoring documents against fitted topics: posterior, best topic, outliers (internal).

Why a likelihood ratio decides outliers: a mixture gives every post *some* topic with a
posterior near 1 (a product of many word probabilities is always peaked), so the posterior
cannot say "fits nowhere". The ratio of the post's words under its best topic to the same
words under the corpus-wide word distribution can: a post whose words are no more likely in
its topic than anywhere (per word, in nats) is an outlier (topic ``-1``), as is a post with
no vocabulary word at all.
"""

from __future__ import annotations

import numpy as np

__all__ = ["csr", "log_tables", "score", "favouring", "onehot_counts"]


def csr(indptr: np.ndarray, ids: np.ndarray, cnts: np.ndarray, n_words: int):
    """The documents as a SciPy CSR matrix (documents x words, float64 counts)."""
    from scipy.sparse import csr_matrix

    return csr_matrix(
        (cnts.astype(np.float64), ids, indptr), shape=(len(indptr) - 1, n_words)
    )


def log_tables(
    topic_word: np.ndarray, sizes: np.ndarray, totals: np.ndarray, *, alpha: float, beta: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(log p(w|topic) [topics x words], log p(topic), log p(w) background)``, smoothed."""
    V = topic_word.shape[1]
    if len(sizes) == 0:
        return np.zeros((0, V)), np.zeros(0), np.zeros(V)
    tw = topic_word.astype(np.float64)
    logphi = np.log(tw + beta) - np.log(tw.sum(axis=1, keepdims=True) + V * beta)
    logpi = np.log(sizes + alpha) - np.log(sizes.sum() + alpha * len(sizes))
    logbg = np.log(totals.astype(np.float64) + beta) - np.log(totals.sum() + V * beta)
    return logphi, logpi, logbg


def score(X, logphi, logpi, logbg, *, threshold: float, joint: bool = True, block: int = 100_000,
          log_prior: np.ndarray | None = None):
    """Return ``(log joint [docs x topics] or None, best topic or -1, gain per word, gain total)``.

    ``gain`` is the log-likelihood ratio of the words under the best topic over the
    background (total and per word); ``threshold`` is the minimum gain per word. Rows
    are scored ``block`` at a time, so without ``joint`` memory stays bounded.
    ``log_prior`` (docs x topics) replaces the topic sizes ``logpi`` row by row.
    """
    n = X.shape[0]
    T = logphi.shape[0]
    if T == 0:
        return (np.zeros((n, 0)) if joint else None), np.full(n, -1, dtype=np.int64), np.zeros(n), np.zeros(n)
    out_joint = np.empty((n, T)) if joint else None
    best = np.empty(n, dtype=np.int64)
    total = np.empty(n)
    nd = np.asarray(X.sum(axis=1)).ravel()
    base = np.asarray(X @ logbg).ravel()
    for a in range(0, n, block):
        L = np.asarray(X[a : a + block] @ logphi.T)
        jb = L + (logpi if log_prior is None else log_prior[a : a + block])
        b = jb.argmax(axis=1)
        best[a : a + block] = b
        total[a : a + block] = L[np.arange(len(b)), b] - base[a : a + block]
        if joint:
            out_joint[a : a + block] = jb
    with np.errstate(invalid="ignore", divide="ignore"):
        per = np.where(nd > 0, total / nd, -np.inf)
    topic = np.where(per >= threshold, best, -1).astype(np.int64)
    return out_joint, topic, per, total


def favouring(logpi: np.ndarray, favoured: np.ndarray, *, rho: float) -> np.ndarray:
    """Log prior per row: ``rho * [t == favoured[i]] + (1 - rho) * p(t)``; ``favoured`` -1: ``p(t)``.

    Examples
    --------
    >>> p = np.exp(favouring(np.log([0.5, 0.5]), np.array([1, -1]), rho=0.5))
    >>> p.round(2).tolist()
    [[0.25, 0.75], [0.5, 0.5]]
    """
    pi = np.exp(logpi)
    prior = np.tile((1.0 - rho) * pi, (len(favoured), 1))
    fav = np.flatnonzero(favoured >= 0)
    prior[fav, favoured[fav]] += rho
    prior[favoured < 0] = pi
    return np.log(prior)


def posterior(joint: np.ndarray) -> np.ndarray:
    """Row-wise softmax of a log joint table (rows sum to 1)."""
    if joint.shape[1] == 0:
        return joint
    m = joint.max(axis=1, keepdims=True)
    p = np.exp(joint - m)
    return p / p.sum(axis=1, keepdims=True)


def onehot_counts(X, assign: np.ndarray, n_slots: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts ``(m_k, n_k, n_wk)`` of the documents with ``assign >= 0`` over ``n_slots``."""
    from scipy.sparse import csr_matrix

    ok = assign >= 0
    rows = np.flatnonzero(ok)
    A = csr_matrix(
        (np.ones(len(rows)), (rows, assign[ok])), shape=(X.shape[0], n_slots)
    )
    n_wk = np.asarray((X.T @ A).todense()).astype(np.int64)
    m_k = np.bincount(assign[ok], minlength=n_slots).astype(np.int64)
    nd = np.asarray(X.sum(axis=1)).ravel()
    n_k = np.bincount(assign[ok], weights=nd[ok], minlength=n_slots).astype(np.int64)
    return m_k, n_k, n_wk
