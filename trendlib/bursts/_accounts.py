"""Account concentration of a burst or a trend: who is behind the posts (internal).

Why: one account posting 32 times in 41 minutes is a burst of posts but not a burst of
interest. Every burst row (:func:`trendlib.detect_bursts`) and every trending row
(:func:`trendlib.trending`) therefore says how many accounts made it and how concentrated
it is:

* ``posts``: posts carrying the key in the interval;
* ``accounts``: distinct accounts among them (:func:`trendlib._keys.account_key`);
* ``top_account`` and ``top_account_share``: the most active account and its share of
  the posts;
* ``effective_accounts``: ``1 / sum(p_i**2)`` over the accounts' shares ``p_i`` of the
  posts (the inverse Simpson / Herfindahl index): 1 for one account, the number of
  accounts when they post equally, in between otherwise.

Two sources, in order of preference (``attrs["accounts_from"]`` says which was used):

``"posts"``
    Exact: computed from the posts themselves (``posts=`` given).
``"counts"``
    From the counts table's ``accounts`` column (distinct authors per bin and key, from
    :func:`trendlib.count`). Who posted in which bin is no longer known, so the burst is
    read as if each bin's posts were spread evenly over its accounts and accounts of
    different bins were different people: ``accounts`` is the sum of the per-bin
    accounts ("account-bins", an upper bound), ``effective_accounts`` is
    ``posts**2 / sum_t(c_t**2 / a_t)`` (an upper bound) and ``top_account_share`` is
    ``max_t(c_t / a_t) / posts`` (a lower bound); ``top_account`` is unknown. All three lean
    towards *more* diversity than the truth; a burst from one account still shows one
    account per bin. For a one-bin burst they are exact (except ``top_account``).

Without either, the columns are missing values and ``accounts_from`` is ``None``.
"""

from __future__ import annotations

import functools

from typing import Any

import numpy as np
import pandas as pd

from .._keys import KEY_KINDS, account_codes

__all__ = ["from_counts", "from_posts", "empty_concentration"]


def empty_concentration(n: int, posts: np.ndarray | None = None) -> dict[str, Any]:
    """Concentration columns of ``n`` rows with unknown accounts."""
    return {
        "posts": np.zeros(n, np.int64) if posts is None else np.asarray(posts, np.int64),
        "accounts": pd.array([pd.NA] * n, dtype="Int64"),
        "top_account": np.full(n, None, dtype=object),
        "top_account_share": np.full(n, np.nan),
        "effective_accounts": np.full(n, np.nan),
    }


def from_counts(mat: np.ndarray, acc: np.ndarray | None, rows: np.ndarray, start: np.ndarray,
                end: np.ndarray) -> dict[str, Any]:
    """Concentration of runs ``[start, end)`` of ``rows`` from counts and per-bin accounts."""
    rows, start, end = (np.asarray(x, dtype=np.int64) for x in (rows, start, end))
    n = len(rows)
    posts = np.array([mat[r, a:b].sum() for r, a, b in zip(rows, start, end)], dtype=np.int64)
    if acc is None:
        return empty_concentration(n, posts)
    accounts = np.zeros(n, np.int64)
    share = np.full(n, np.nan)
    eff = np.full(n, np.nan)
    for i, (r, a, b) in enumerate(zip(rows, start, end)):
        c, k = mat[r, a:b], acc[r, a:b]
        ok = (c > 0) & (k > 0)
        accounts[i] = int(k[ok].sum())
        if ok.any() and posts[i] > 0:
            per = c[ok] / k[ok]
            share[i] = float(per.max() / posts[i])
            eff[i] = float(posts[i] ** 2 / np.sum(c[ok] * per))
    return {
        "posts": posts,
        "accounts": pd.array(accounts, dtype="Int64"),
        "top_account": np.full(n, None, dtype=object),
        "top_account_share": share,
        "effective_accounts": eff,
    }


def _needed(posts: pd.DataFrame, kind: str) -> list:
    """The columns the key and account rules read (a slice of those, not a copy of every column)."""
    want = ["time", "author"]
    if kind == "term":
        want.append("tokens" if "tokens" in posts.columns else "text")
    elif kind in KEY_KINDS:
        want.append(KEY_KINDS[kind].column)
    return [c for c in dict.fromkeys(want) if c in posts.columns]


def from_posts(posts: pd.DataFrame, kind: str, keys: Any, start: Any, end: Any, *,
               _index: Any = None) -> dict[str, Any]:
    """Exact concentration of each ``(key, [start, end))`` from the posts themselves.

    ``keys`` are key values as :func:`trendlib.count` writes them (cleaned), ``start`` and
    ``end`` tz-aware times (one per row). Posts without an author count as posts but not
    as accounts. ``key=None`` rows take every post in the interval. ``_index`` (a
    :class:`trendlib.counts.PostIndex` of these very posts) supplies the key occurrences
    and account codes already computed; the result is the same.
    """
    from .._time import utc_ns
    from ..counts import PostIndex, sub_accounts  # the one rule for "which keys does a post carry"

    keys = np.asarray(keys, dtype=object)
    lo = utc_ns(pd.Series(pd.DatetimeIndex(start)))
    hi = utc_ns(pd.Series(pd.DatetimeIndex(end)))
    n = len(keys)
    out = empty_concentration(n)
    if n == 0:
        return out
    t_all = utc_ns(posts["time"])
    near = (t_all >= lo.min()) & (t_all < hi.max())  # only posts some interval can hold
    index = _index if _index is not None and _index.usable(posts) else None
    sub = posts.loc[near, _needed(posts, kind)].reset_index(drop=True)
    t_sub = t_all[near]
    if "author" in sub.columns and index is not None:
        a_codes, a_names = sub_accounts(*index.accounts(), near)
    elif "author" in sub.columns:
        a_codes, a_names = account_codes(sub["author"])
    else:
        a_codes, a_names = np.full(len(sub), -1, np.int64), pd.Index([])
    if kind not in KEY_KINDS or KEY_KINDS[kind].column not in sub.columns and not (
        kind == "term" and ("tokens" in sub.columns or "text" in sub.columns)
    ):
        return out
    want = pd.Index(pd.unique(keys[pd.notna(keys)]).astype(str))
    # each (post, key) once, keys cleaned; rows of ``sub``
    if index is not None:
        rows, kcodes, all_keys = index.occurrences_in(kind, near)
        rows = (np.cumsum(near) - 1)[rows]
    else:
        rows, kcodes, all_keys = PostIndex(sub).occurrences(kind)
    col = want.get_indexer(pd.Index(all_keys, dtype=object))[kcodes] if len(all_keys) else kcodes
    ok = col >= 0
    p_post, p_key = rows[ok].astype(np.int64), col[ok].astype(np.int64)
    # by key, then time, then post: two stable bucket passes (post time rank, then key),
    # linear where a lexsort of the ~15 million pairs of a million posts took seconds
    by_time = np.argsort(t_sub, kind="stable")
    rank = np.empty(len(t_sub), dtype=np.int64)
    rank[by_time] = np.arange(len(t_sub))
    order = bucket_order(rank[p_post], len(t_sub))
    order = order[bucket_order(p_key[order], len(want))]
    p_post, p_key = p_post[order], p_key[order]
    posts_n = np.zeros(n, np.int64)
    accounts = np.zeros(n, np.int64)
    top = np.full(n, None, dtype=object)
    share = np.full(n, np.nan)
    eff = np.full(n, np.nan)
    key_pos = want.get_indexer(pd.Index(keys.astype(str)))
    # the posts of each keyed interval: one searchsorted over (key, time rank) for all rows
    t_sorted = t_sub[by_time]
    uniq_t = t_sorted[np.r_[True, t_sorted[1:] != t_sorted[:-1]]] if len(t_sorted) else t_sorted
    width = np.int64(len(uniq_t) + 1)
    dense = np.empty(len(t_sub), dtype=np.int64)  # each post's time as its rank among distinct times
    dense[by_time] = np.searchsorted(uniq_t, t_sorted)
    composite = p_key * width + dense[p_post]
    keyed = np.flatnonzero(pd.notna(keys) & (key_pos >= 0))
    base = key_pos[keyed].astype(np.int64) * width
    first = np.searchsorted(composite, base + np.searchsorted(uniq_t, lo[keyed]))
    last = np.searchsorted(composite, base + np.searchsorted(uniq_t, hi[keyed]))
    posts_n[keyed] = last - first
    jobs = []
    # intervals in chunks of about 4 million posts, so the (interval, account) pairs stay small
    chunk = np.cumsum(last - first) // 4_000_000
    for c in np.unique(chunk):
        part = np.flatnonzero(chunk == c)
        jobs.append((keyed[part], first[part], last[part], p_post))
    for i in np.flatnonzero(pd.isna(keys)):  # key=None: every post in the interval
        sel = by_time[np.searchsorted(t_sorted, lo[i]):np.searchsorted(t_sorted, hi[i])]
        posts_n[i] = len(sel)
        jobs.append((np.array([i]), np.array([0]), np.array([len(sel)]), sel))
    for rows_of, first_of, last_of, post_of in jobs:
        has, *values = _concentrations(first_of, last_of, post_of, a_codes, a_names)
        at = rows_of[has]
        accounts[at], top[at], share[at], eff[at] = values
    out.update(posts=posts_n, accounts=pd.array(accounts, dtype="Int64"), top_account=top,
               top_account_share=share, effective_accounts=eff)
    return out


def _bucket_order(keys: np.ndarray, n: int) -> np.ndarray:
    """The stable order of integer ``keys`` in ``[0, n)``: a counting sort, linear in both."""
    starts = np.zeros(n + 1, dtype=np.int64)
    for k in keys:
        starts[k + 1] += 1
    for i in range(n):
        starts[i + 1] += starts[i]
    out = np.empty(len(keys), dtype=np.int64)
    for i in range(len(keys)):
        k = keys[i]
        out[starts[k]] = i
        starts[k] += 1
    return out


def bucket_order(keys: np.ndarray, n: int) -> np.ndarray:
    """:func:`_bucket_order` compiled with numba on first use (``np.argsort(kind="stable")`` equal)."""
    return _bucket_kernel()(np.ascontiguousarray(keys, dtype=np.int64), int(n))


@functools.cache
def _bucket_kernel() -> Any:
    from ._jit import jit  # numba is imported when a kernel is first needed, not with trendlib.bursts

    return jit(_bucket_order)


def _concentrations(first: np.ndarray, last: np.ndarray, p_post: np.ndarray, a_codes: np.ndarray,
                    a_names: Any) -> tuple[np.ndarray, ...]:
    """Accounts, top account, its share and the effective accounts of the posts
    ``p_post[first[i]:last[i]]`` of each interval ``i``.

    All intervals at once on (interval, account) integer pairs, not one ``np.unique`` per
    interval (a million posts give some 20,000 bursts). Ties for the top account go to
    the account seen first (the smallest code), as before. Returns ``(has, accounts, top,
    share, effective)``: the intervals with at least one post by a known account, and
    the four values of each of those.
    """
    sizes = last - first
    which = np.repeat(np.arange(len(sizes)), sizes)
    at = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes) + np.repeat(first, sizes)
    who = a_codes[p_post[at]]
    ok = who >= 0
    n_acc = np.int64(max(len(a_names), 1))
    pair, cnt = np.unique(which[ok].astype(np.int64) * n_acc + who[ok], return_counts=True)
    iv, acc = np.divmod(pair, n_acc)
    n_who = np.bincount(which[ok], minlength=len(sizes))  # posts with an account, per interval
    has = np.flatnonzero(n_who)
    order = np.lexsort((acc, -cnt, iv))  # per interval: the largest count, then the first account
    _, start = np.unique(iv[order], return_index=True)
    best = order[start]  # one per interval with accounts, in interval order (= has)
    p = cnt / n_who[iv]
    return (has, np.bincount(iv, minlength=len(sizes))[has], np.asarray(a_names, dtype=object)[acc[best]],
            cnt[best] / n_who[has], 1.0 / np.bincount(iv, weights=p * p, minlength=len(sizes))[has])


def window_accounts(posts: pd.DataFrame, kind: str, keys: Any, start: Any, end: Any) -> np.ndarray:
    """Distinct accounts using each of ``keys`` in one interval ``[start, end)`` (vectorised).

    The same numbers as ``from_posts(...)["accounts"]`` for one shared interval, without
    the per-key loop (trending checks every candidate key of a window with it).
    """
    from .._time import utc_ns
    from ..counts import PostIndex

    keys = pd.Index(np.asarray(keys, dtype=object).astype(str))
    out = np.zeros(len(keys), np.int64)
    if not len(keys) or "author" not in posts.columns:
        return out
    lo, hi = utc_ns(pd.Series([pd.Timestamp(start)]))[0], utc_ns(pd.Series([pd.Timestamp(end)]))[0]
    t = utc_ns(posts["time"])
    sub = posts.loc[(t >= lo) & (t < hi), _needed(posts, kind)].reset_index(drop=True)
    if sub.empty:
        return out
    index = PostIndex(sub)
    a_codes = index.accounts()[0]
    idx, kcodes, all_keys = index.occurrences(kind)
    col = keys.get_indexer(pd.Index(all_keys, dtype=object))[kcodes] if len(all_keys) else kcodes
    who = a_codes[idx]
    ok = (col >= 0) & (who >= 0)
    n_a = int(a_codes.max()) + 1 if len(a_codes) else 1
    pairs = pd.unique(col[ok].astype(np.int64) * max(n_a, 1) + who[ok])
    return np.bincount(pairs // max(n_a, 1), minlength=len(keys)).astype(np.int64)
