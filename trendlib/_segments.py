"""Per-post de-duplication of integer codes in one compiled pass (internal).

Counts, bursts and explanations work on (post row, code) occurrences: the tokens or keys
of each post, in post order. Two questions come up everywhere: which occurrence is the
first use of a code in its post, and which distinct (post, code) pairs there are, sorted.
Hashing every pair (``pandas.Series.duplicated``) took 1.4 s for the 6 million content
tokens of the 1M-post report's strongest burst, and sorting every pair (``np.sort``) 1.4 s
for its 12 million terms. The occurrences of a post are contiguous and posts come in
order, so one linear pass with an array indexed by code answers both: a code was seen in
this post when the array holds this post's number. Tens of milliseconds, compiled with
numba (the project's kernels, ``bursts._jit``).

Callers check :func:`in_post_order` first and keep their general path for anything else.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np


def in_post_order(post: np.ndarray) -> bool:
    """True when ``post`` never decreases (each post's occurrences contiguous, posts in order)."""
    return bool(len(post) < 2 or (np.diff(post) >= 0).all())


def first_use(post: np.ndarray, codes: np.ndarray, n_codes: int) -> np.ndarray:
    """For each occurrence, whether it is the first of its code in its post (``post`` in
    post order): ``~duplicated`` of the (post, code) pairs."""
    if not len(codes):
        return np.zeros(0, dtype=bool)
    return _kernels()[0](np.ascontiguousarray(post, dtype=np.int64), np.ascontiguousarray(codes, dtype=np.int64),
                         int(n_codes))


def unique_pairs(post: np.ndarray, codes: np.ndarray, n_codes: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct (post, code) pairs sorted by post then code (``post`` in post order):
    ``np.unique`` of ``post * n_codes + codes``, split back."""
    if not len(codes):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return _kernels()[1](np.ascontiguousarray(post, dtype=np.int64), np.ascontiguousarray(codes, dtype=np.int64),
                         int(n_codes))


def _first_use(post: np.ndarray, codes: np.ndarray, n_codes: int) -> np.ndarray:
    seen = np.full(n_codes, -1, dtype=np.int64)
    out = np.empty(len(codes), dtype=np.bool_)
    for i in range(len(codes)):
        c = codes[i]
        if seen[c] == post[i]:
            out[i] = False
        else:
            seen[c] = post[i]
            out[i] = True
    return out


def _unique_pairs(post: np.ndarray, codes: np.ndarray, n_codes: int) -> tuple[np.ndarray, np.ndarray]:
    seen = np.full(n_codes, -1, dtype=np.int64)
    out_p = np.empty(len(codes), dtype=np.int64)
    out_c = np.empty(len(codes), dtype=np.int64)
    m = 0
    i = 0
    n = len(codes)
    while i < n:
        p = post[i]
        start = m
        while i < n and post[i] == p:
            c = codes[i]
            if seen[c] != p:
                seen[c] = p
                out_c[m] = c
                m += 1
            i += 1
        if m - start > 32:
            out_c[start:m] = np.sort(out_c[start:m])
        else:  # a post's few codes: insertion sort in place
            for a in range(start + 1, m):
                x = out_c[a]
                b = a - 1
                while b >= start and out_c[b] > x:
                    out_c[b + 1] = out_c[b]
                    b -= 1
                out_c[b + 1] = x
        out_p[start:m] = p
    return out_p[:m].copy(), out_c[:m].copy()


@functools.cache
def _kernels() -> Any:
    from .bursts._jit import jit  # numba, compiled on first use and cached on disk

    return jit(_first_use), jit(_unique_pairs)
