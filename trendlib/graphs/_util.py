"""Shared internals of :mod:`trendlib.graphs`: list columns, times, incidence matrices.

Nothing here is public. Validators live in :mod:`trendlib._validation` and time
conversions in :mod:`trendlib._time`; this module keeps what only graphs need: list-column
coercion and the sparse pair kernels. The two workhorses are :func:`incidence` (posts x items sparse
matrix, an item counted once per post) and :func:`post_pairs` (every unordered pair of
distinct items of every post, generated with numpy per post length, never with a Python
loop over pairs).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from .._time import NAT, utc_ns
from .._validation import check_int, require_columns  # noqa: F401  (check_int: still imported from here by trendlib/_partial/_edges.py)

_NAT = NAT
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
    """The ``time`` column as UTC int64 nanoseconds (:func:`trendlib._time.utc_ns`); ``None`` without one."""
    if "time" not in posts.columns:
        return None
    return utc_ns(posts["time"])


def _label(x: Any, lower: bool) -> str:
    """The label of one list item: ``str(x)`` (lowercased if asked); missing -> ``""``."""
    if x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and x != x):
        return ""
    x = x if type(x) is str else str(x)
    return x.lower() if lower else x


def incidence(lists: list, *, lower: bool = False) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Binary posts x items CSR matrix (item counted once per post) and the item labels.

    Item labels are ``str`` (other items are compared as their ``str`` form), sorted, so
    item codes are name ranks. Column indices within each row are sorted. Empty strings
    and missing items (``None``, NaN) are ignored.

    Codes come from one dict built over the distinct items (a ``set`` of the flattened
    lists: Python strings cache their hash), which is faster than ``pandas.factorize``
    of an object array of every item.
    """
    n = len(lists)
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=n)
    flat: list = []
    extend = flat.extend
    for items in lists:  # faster than list(itertools.chain.from_iterable(...))
        extend(items)
    if not flat:
        return sparse.csr_matrix((n, 0), dtype=np.int64), np.array([], dtype=object)
    distinct = set(flat)
    if not lower and all(type(x) is str for x in distinct):  # canonical posts
        names = sorted(distinct)
        first = -1 if names[0] == "" else 0  # "" sorts first: it gets code -1 (dropped)
        code = dict(zip(names, range(first, len(names) + first)))
        labels = names[1:] if first else names
    else:  # numbers, missing items, or lowercasing: merge items with the same label
        label_of = {x: _label(x, lower) for x in distinct}
        labels = sorted(set(label_of.values()) - {""})
        rank = dict(zip(labels, range(len(labels))))
        rank[""] = -1
        code = {x: rank[lab] for x, lab in label_of.items()}
    codes = np.fromiter(map(code.__getitem__, flat), dtype=np.int32, count=len(flat))
    labels = np.array(labels, dtype=object)
    idx = np.int32 if len(flat) < 2**31 - 1 else np.int64
    indptr = np.zeros(n + 1, dtype=idx)
    np.cumsum(lengths, out=indptr[1:])
    if -1 in code.values():  # drop empty / missing items, rows keep their place
        keep = codes >= 0
        kept = np.zeros(len(codes) + 1, dtype=idx)
        np.cumsum(keep, out=kept[1:])
        indptr, codes = kept[indptr], codes[keep]
    # rows are in post order, so the CSR arrays are built directly; summing duplicates
    # (which sorts each row first) makes an item repeated within a post count once
    X = sparse.csr_matrix((np.ones(len(codes), dtype=np.int64), codes.astype(idx, copy=False), indptr), shape=(n, len(labels)))
    X.sum_duplicates()
    X.data[:] = 1
    X.sort_indices()
    return X, labels


def post_pairs(X: sparse.csr_matrix, *, with_post: bool = True) -> tuple[np.ndarray | None, np.ndarray, np.ndarray]:
    """All unordered item pairs ``(a, b)`` with ``a < b`` per post row of ``X``.

    Returns ``(post_index, a, b)`` (``post_index`` is ``None`` unless ``with_post``),
    grouped by post length (posts ascending within a length); ``a`` and ``b`` are ``uint16`` when the items fit (up to 65,536 items, so
    :func:`pair_stats` sorts them with a radix sort), else the dtype of ``X.indices``.
    Loops only over the distinct row lengths, writing each length's pairs in place.
    """
    X = X.tocsr()
    X.sort_indices()
    lengths = np.diff(X.indptr).astype(np.int64)
    total = int((lengths * (lengths - 1) // 2).sum())
    dtype = np.uint16 if X.shape[1] <= 2**16 else X.indices.dtype
    post = np.empty(total, dtype=np.int32 if len(lengths) < 2**31 else np.int64) if with_post else None
    a, b = np.empty(total, dtype=dtype), np.empty(total, dtype=dtype)
    done = 0
    for k in np.flatnonzero(np.bincount(lengths)[2:]) + 2:
        rows = np.flatnonzero(lengths == k)
        M = X.indices[X.indptr[rows][:, None] + np.arange(k)].astype(dtype, copy=False)
        i, j = np.triu_indices(int(k), 1)
        shape = (len(rows), len(i))
        end = done + shape[0] * shape[1]
        np.take(M, i, axis=1, out=a[done:end].reshape(shape), mode="clip")
        np.take(M, j, axis=1, out=b[done:end].reshape(shape), mode="clip")
        if with_post:
            post[done:end].reshape(shape)[:] = rows[:, None]
        done = end
    return post, a, b


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


def pair_stats(X: sparse.csr_matrix, t: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
    """Counts (and first/last times) of every co-occurring pair, from one stable sort.

    The pairs of every post (:func:`post_pairs`) are grouped with one ``np.lexsort`` on
    the two item codes (a radix sort for ``uint16`` codes): each run is one pair, its
    length the number of posts with both items (the same as the sparse product
    ``X.T @ X``). First and last times are per-run minimum and maximum
    (``ufunc.reduceat``): of the post index when the posts are in time order, else of
    the times, missing times (NaT) ignored. Returns ``(a, b, count, first, last)`` with
    ``a < b`` (item codes, int64), sorted by ``(a, b)``; ``first``/``last`` (int64 ns,
    NaT when a pair has no valid time) are ``None`` when ``t`` is ``None``.
    """
    post, pa, pb = post_pairs(X, with_post=t is not None)
    if not len(pa):
        e = np.array([], dtype=np.int64)
        return (e, e, e) + ((None, None) if t is None else (e, e))
    perm = np.lexsort((pb, pa))  # by a, then b
    sa, sb = pa[perm], pb[perm]
    new = np.empty(len(sa), dtype=bool)
    new[0] = True
    np.not_equal(sa[1:], sa[:-1], out=new[1:])
    new[1:] |= sb[1:] != sb[:-1]
    starts = np.flatnonzero(new)
    count = np.diff(np.append(starts, len(sa)))
    out = (sa[starts].astype(np.int64), sb[starts].astype(np.int64), count)
    if t is None:
        return out + (None, None)
    post = post[perm]
    if not (t == _NAT).any() and (len(t) < 2 or (t[1:] >= t[:-1]).all()):  # time order
        return out + (t[np.minimum.reduceat(post, starts)], t[np.maximum.reduceat(post, starts)])
    tv = t[post]
    big = np.iinfo(np.int64).max
    first = np.minimum.reduceat(np.where(tv == _NAT, big, tv), starts)
    first[first == big] = _NAT
    return out + (first, np.maximum.reduceat(tv, starts))  # NaT is the smallest int64


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


def undirected(G: Any, *, weight: str = "weight") -> Any:
    """An undirected graph of ``G`` with only its weights: ``u -> v`` and ``v -> u`` summed.

    ``DiGraph.to_undirected()`` deep-copies every node and edge attribute (19 s of a 30 s
    community step at 300,000 posts) and keeps the data of one direction of a reciprocal
    pair; communities only need the weights, and a conversation both ways weighs both.
    Nodes keep no attributes; isolated nodes stay.
    """
    import networkx as nx

    if not G.is_directed():
        return G
    H = nx.Graph()
    H.add_nodes_from(G)
    w: dict = {}
    for u, v, x in G.edges(data=weight, default=1):
        k = (v, u) if (v, u) in w else (u, v)
        w[k] = w.get(k, 0) + x
    H.add_weighted_edges_from(((u, v, x) for (u, v), x in w.items()), weight=weight)
    return H


class _Rows:
    """A column's values at the rows asked for (``col[rows]``, an object array), fetched
    when asked: not the whole column as Python objects.

    Why: ``to_numpy(dtype=object)`` of a million Arrow-backed texts makes a million Python
    strings (about 250 MB) in a step that shows a few thousand of them.
    """

    def __init__(self, values: Any) -> None:
        self._values = values

    def __getitem__(self, rows: Any) -> np.ndarray:
        rows = np.asarray(rows, dtype=np.int64)
        if len(rows) <= 64:  # a scalar read is microseconds, a take is tens of them
            return np.asarray([self._values[int(r)] for r in rows], dtype=object)
        return self._values.take(rows).to_numpy(dtype=object)


def arrow_backed(dtype: Any) -> bool:
    """Is a column of this dtype stored by Arrow (pandas 3's ``str``, ``string[pyarrow]``, ``ArrowDtype``)?"""
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow" or isinstance(dtype, pd.ArrowDtype)


def column_values(s: pd.Series, *, as_str: bool = False) -> Any:
    """``s`` as something indexed by row arrays: its object array when it already is one,
    else a :class:`_Rows` reading the column on demand (Arrow-backed columns without
    missing values). ``as_str``: values as str, as ``s.astype(str)`` gives them."""
    if arrow_backed(s.dtype) and not s.hasnans and (not as_str or isinstance(s.dtype, pd.StringDtype)):
        return _Rows(s.array)
    return (s.astype(str) if as_str else s).to_numpy(dtype=object)
