"""Shared internals of :mod:`trendlib.graphs`: list columns, times, incidence matrices.

Nothing here is public. The two workhorses are :func:`incidence` (posts x items sparse
matrix, an item counted once per post) and :func:`post_pairs` (every unordered pair of
distinct items of every post, generated with numpy per post length, never with a Python
loop over pairs).
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from .._validation import require_columns

NAT = _NAT = np.iinfo(np.int64).min
_EMPTY: tuple = ()


def list_column(posts: pd.DataFrame, column: str, *, func: str) -> list:
    """Return ``posts[column]`` as a list of sequences (missing -> empty tuple).

    Raises a ``TypeError`` naming the column when a cell is a plain string (a common
    mistake: ``"a,b"`` instead of ``["a", "b"]``).
    """
    require_columns(posts, [column], func=func, hint="trendlib.read_posts(...)")
    values = posts[column].tolist()
    if set(map(type, values)) <= {list, tuple}:  # fast path: canonical posts
        return values
    out = []
    bad = 0
    for v in values:
        if isinstance(v, (list, tuple, np.ndarray)):
            out.append(v)
        elif isinstance(v, str):
            bad += 1
            out.append(_EMPTY)
        else:  # None, NaN, pd.NA
            out.append(_EMPTY)
    if bad:
        raise TypeError(
            f"{func}() expects the {column!r} column to hold lists of str (canonical posts). "
            f"Got {bad} plain string cell(s), e.g. {posts[column].dropna().iloc[0]!r}. "
            "Read the posts with trendlib.read_posts(...) or split the strings into lists."
        )
    return out


def times_ns(posts: pd.DataFrame) -> np.ndarray | None:
    """Return the ``time`` column as int64 nanoseconds since the epoch (UTC), NaT -> min int.

    ``None`` when the frame has no ``time`` column.
    """
    if "time" not in posts.columns:
        return None
    t = pd.to_datetime(posts["time"], utc=True)
    return t.to_numpy(dtype="datetime64[ns]").view(np.int64).copy()


def to_timestamps(values: np.ndarray) -> pd.DatetimeIndex:
    """int64 ns (min int = missing) -> tz-aware UTC DatetimeIndex."""
    values = np.asarray(values, dtype=np.int64)
    return pd.DatetimeIndex(values.view("datetime64[ns]")).tz_localize("UTC")


def incidence(lists: list, *, lower: bool = False) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Binary posts x items CSR matrix (item counted once per post) and the item labels.

    Column indices within each row are sorted. Item labels are ``str``; empty strings are
    ignored.
    """
    n = len(lists)
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=n)
    flat = list(itertools.chain.from_iterable(lists))
    if not flat:
        return sparse.csr_matrix((n, 0), dtype=np.int64), np.array([], dtype=object)
    codes, labels = pd.factorize(np.asarray(flat, dtype=object), sort=False)
    labels = np.asarray(labels, dtype=object)
    if not all(type(x) is str for x in labels):  # e.g. numbers: compare as their str form
        codes_s, labels = pd.factorize(np.asarray([str(x) for x in labels], dtype=object))
        labels = np.asarray(labels, dtype=object)
        codes = codes_s[codes]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    empty = np.flatnonzero(labels == "")
    if len(empty):  # drop empty strings, keep codes dense
        keep = codes != empty[0]
        rows = np.repeat(np.arange(n, dtype=np.int64), lengths)[keep]
        codes = codes[keep]
        codes = codes - (codes > empty[0])
        labels = np.delete(labels, empty[0])
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    if lower:  # lowercase the distinct labels only, then merge codes that now coincide
        codes_l, labels = pd.factorize(np.asarray([x.lower() for x in labels], dtype=object))
        labels = np.asarray(labels, dtype=object)
        codes = codes_l[codes]
    # rows are in post order, so the CSR arrays are built directly; summing duplicates
    # makes an item repeated within a post count once
    X = sparse.csr_matrix((np.ones(len(codes), dtype=np.int64), codes.astype(np.int64), indptr), shape=(n, len(labels)))
    X.sum_duplicates()
    X.data[:] = 1
    X.sort_indices()
    return X, labels


def post_pairs(X: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All unordered item pairs ``(a, b)`` with ``a < b`` per post row of ``X``.

    Returns ``(post_index, a, b)``. Loops only over the distinct row lengths.
    """
    X = X.tocsr()
    X.sort_indices()
    lengths = np.diff(X.indptr)
    posts, left, right = [], [], []
    for k in np.flatnonzero(np.bincount(lengths)[2:]) + 2:
        rows = np.flatnonzero(lengths == k)
        M = X.indices[X.indptr[rows][:, None] + np.arange(k)]
        i, j = np.triu_indices(int(k), 1)
        posts.append(np.repeat(rows, len(i)))
        left.append(M[:, i].ravel())
        right.append(M[:, j].ravel())
    if not posts:
        e = np.array([], dtype=np.int64)
        return e, e, e
    return np.concatenate(posts), np.concatenate(left), np.concatenate(right)


def group_min_max(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Min and max of ``values`` per key, for each key of sorted unique ``wanted``.

    ``values`` equal to the NaT sentinel are ignored; keys with no valid value get NaT.
    """
    lo = np.full(len(wanted), _NAT, dtype=np.int64)
    hi = np.full(len(wanted), _NAT, dtype=np.int64)
    valid = values != _NAT
    keys, values = keys[valid], values[valid]
    if not len(keys) or not len(wanted):
        return lo, hi
    if len(keys) > 1 and not (keys[1:] >= keys[:-1]).all():
        order = np.argsort(keys)
        keys, values = keys[order], values[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ukeys = keys[starts]
    pos = np.searchsorted(ukeys, wanted)
    pos_c = np.minimum(pos, len(ukeys) - 1)
    hit = ukeys[pos_c] == wanted
    lo[hit] = np.minimum.reduceat(values, starts)[pos_c[hit]]
    hi[hit] = np.maximum.reduceat(values, starts)[pos_c[hit]]
    return lo, hi


def pair_stats(X: sparse.csr_matrix, t: np.ndarray) -> tuple[np.ndarray, ...] | None:
    """Counts and first/last times of every co-occurring pair, from one sort.

    The pairs of every post (:func:`post_pairs`) are packed with the time rank of their
    post into one int64 and sorted once: each run is one pair, its length the number of
    posts with both items (the same as ``X.T @ X``), its first and last elements the first
    and last time. Returns ``(a, b, count, first, last)`` with ``a < b`` (item codes), or
    ``None`` when some time is missing or the codes do not fit in 62 bits (the caller then
    uses ``X.T @ X`` and :func:`group_min_max`).
    """
    n, v = X.shape
    if (t == _NAT).any() or int(v * v).bit_length() + int(n).bit_length() > 62:
        return None
    rank_bits = int(n).bit_length()
    p, pa, pb = post_pairs(X)
    p, pa, pb = p.astype(np.int64), pa.astype(np.int64), pb.astype(np.int64)  # no int32 overflow
    if n < 2 or (t[1:] >= t[:-1]).all():  # already in time order (the common case)
        by_time = np.arange(n, dtype=np.int64)
        packed = ((pa * v + pb) << rank_bits) | p
    else:
        by_time = np.argsort(t, kind="stable")
        rank = np.empty(n, dtype=np.int64)
        rank[by_time] = np.arange(n, dtype=np.int64)
        packed = ((pa * v + pb) << rank_bits) | rank[p]
    packed.sort()
    run_key = packed >> rank_bits
    starts = np.flatnonzero(np.r_[True, run_key[1:] != run_key[:-1]]) if len(packed) else np.array([], dtype=np.int64)
    ends = np.r_[starts[1:], len(packed)] - 1 if len(packed) else starts
    ukey = run_key[starts]
    mask = (1 << rank_bits) - 1
    t_by_rank = t[by_time]
    return (ukey // v, ukey % v, (ends - starts + 1).astype(np.int64),
            t_by_rank[packed[starts] & mask], t_by_rank[packed[ends] & mask])


def pair_times(X: sparse.csr_matrix, t: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and last time (int64 ns) of the posts holding both ``a[i]`` and ``b[i]`` (slow path)."""
    v = X.shape[1]
    p, pa, pb = post_pairs(X)
    pa, pb = pa.astype(np.int64), pb.astype(np.int64)
    a, b = a.astype(np.int64), b.astype(np.int64)
    wanted = np.minimum(a, b) * v + np.maximum(a, b)  # pairs are generated with a < b
    order = np.argsort(wanted)
    lo, hi = np.empty(len(wanted), np.int64), np.empty(len(wanted), np.int64)
    lo[order], hi[order] = group_min_max(pa * v + pb, t[p], wanted[order])
    return lo, hi


def column_min_max(X: sparse.spmatrix, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """First and last time (int64 ns, NaT ignored) per column of a binary posts x items matrix."""
    C = sparse.csc_matrix(X)
    k = C.shape[1]
    lo = np.full(k, _NAT, dtype=np.int64)
    hi = np.full(k, _NAT, dtype=np.int64)
    nonempty = np.flatnonzero(np.diff(C.indptr) > 0)
    if not len(nonempty):
        return lo, hi
    starts = C.indptr[nonempty]
    if not (t == _NAT).any() and (len(t) < 2 or (t[1:] >= t[:-1]).all()):
        # posts in time order: a column's first and last rows hold its first and last time
        C.sort_indices()
        lo[nonempty] = t[C.indices[starts]]
        hi[nonempty] = t[C.indices[C.indptr[nonempty + 1] - 1]]
        return lo, hi
    vals = t[C.indices]
    big = np.iinfo(np.int64).max
    mins = np.minimum.reduceat(np.where(vals == _NAT, big, vals), starts)
    lo[nonempty] = np.where(mins == big, _NAT, mins)
    hi[nonempty] = np.maximum.reduceat(vals, starts)
    return lo, hi


def check_int(value: Any, *, name: str, func: str, minimum: int = 1) -> int:
    """Return ``value`` as int if it is an integer >= ``minimum``, else ``ValueError``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(
            f"The {name!r} parameter of {func}() must be an integer >= {minimum}. Got {value!r}."
        )
    return int(value)


def check_graph(G: Any, *, func: str) -> None:
    """Raise ``TypeError`` unless ``G`` is a networkx graph."""
    import networkx as nx

    if not isinstance(G, nx.Graph):
        raise TypeError(f"{func}() expects a networkx Graph or DiGraph. Got {type(G).__name__}.")


def check_weights(G: Any, weight: str | None, *, func: str, allow_zero: bool = True) -> None:
    """Raise ``ValueError`` when an edge has a negative (or NaN) ``weight`` attribute."""
    if weight is None:
        return
    bad = [
        (u, v, w)
        for u, v, w in G.edges(data=weight, default=1)
        if not (w >= 0 if allow_zero else w > 0)
    ]
    if bad:
        u, v, w = bad[0]
        raise ValueError(
            f"{func}() needs non-negative edge weights in the {weight!r} attribute; "
            f"{len(bad)} edge(s) are negative or NaN, e.g. ({u!r}, {v!r}) = {w!r}. "
            "Association weights such as PMI can be negative: pass weight='count'."
        )
