"""Counts over time: posts -> one row per (time bin, key), zero-filled, plus the bin total.

The returned table is the input of every burst and trend detector (see
``docs/conventions.md``, *Counts table*):

=========  ======================  ==============================================
column     dtype                   meaning
=========  ======================  ==============================================
``time``   datetime64[ns, tz]      start of the bin, half-open ``[time, time+freq)``
``key``    str                     hashtag / mention (lowercase, no ``#``/``@``),
                                   term or author
``count``  int64                   posts in the bin that carry the key (a post
                                   naming a key twice counts once)
``total``  int64                   all posts in the bin, whatever their keys
``share``  float64                 only with ``normalize=True``: ``count/total``
                                   (NaN where ``total`` is 0)
=========  ======================  ==============================================

Rows are sorted by ``key`` then ``time``; every key has a row for every bin between
the first and the last post (or ``start``/``end``), so bins with no posts are present
with zero counts. ``attrs`` holds ``freq``, ``tz``, ``key`` and what was dropped.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

from ._deprecate import renamed_kwargs
from ._keys import KEY_KINDS, KeyName, account_codes, clean_key, key_kind
from ._segments import in_post_order, unique_pairs
from ._time import TZ_ALIASES, as_utc, local_ns, parse_freq, resolve_tz  # noqa: F401
from ._validation import require_columns

__all__ = ["count"]

# kept importable from here for one release (moved to trendlib._time)
_local_ns = local_ns

_HINT = "trendlib.read_posts(...)"


def _keys_per_post(posts: pd.DataFrame, key: str) -> tuple[np.ndarray, np.ndarray]:
    """Return (post index of each key occurrence, key occurrences) for the key kind ``key``."""
    kind = KEY_KINDS[key]
    if not kind.listed:
        values = posts[kind.column]
        ok = values.notna().to_numpy()
        return np.flatnonzero(ok), values[ok].astype(str).to_numpy(dtype=object)
    if key == "term":
        if "tokens" in posts.columns:
            lists = posts["tokens"].tolist()
        else:
            from .text import tokenize

            lists = [
                tokenize(t, stopwords="topic") if isinstance(t, str) else []
                for t in posts["text"].tolist()
            ]
        return word_occurrences(lists)
    else:
        idx, vals = flatten(posts[kind.column].tolist())
    if key == "domain":
        vals = np.asarray([_domain(u) for u in vals], dtype=object)
        ok = vals != ""
        idx, vals = idx[ok], vals[ok]
    return idx, vals


def flatten(lists: list) -> tuple[np.ndarray, np.ndarray]:
    """(row, item) of every item of a list column; missing values and empty lists give nothing.

    ``itertools.chain`` into one object array, not ``Series.explode`` (three times faster at
    a million posts, and no index to build). A cell that is not a list, tuple or array is
    one item (a plain string stays whole, as ``explode`` keeps it); missing items are dropped.

    Examples
    --------
    >>> rows, items = flatten([["ktt", "asean"], None, [], ("jakarta",), "banjir"])
    >>> rows.tolist(), items.tolist()
    ([0, 0, 3, 4], ['ktt', 'asean', 'jakarta', 'banjir'])
    """
    import itertools

    if not all(type(x) is list for x in lists):
        lists = [x if isinstance(x, (list, tuple, set, frozenset, np.ndarray)) else ([] if _missing(x) else [x])
                 for x in lists]
    lens = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    flat = np.fromiter(itertools.chain.from_iterable(lists), dtype=object, count=int(lens.sum()))
    rows = np.repeat(np.arange(len(lists), dtype=np.int64), lens)
    ok = pd.notna(flat)
    if not ok.all():
        rows, flat = rows[ok], flat[ok]
    return rows, flat


def _missing(x: Any) -> bool:
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def word_occurrences(lists: Any, *, drop: Any = ()) -> tuple[np.ndarray, np.ndarray]:
    """(row of each word token, the token) for lists of tokens, keeping word tokens only.

    Each distinct token is tested once with :func:`_is_word` (a million posts hold about
    16 million tokens but a few hundred thousand distinct ones), so this is a factorize
    and a mask, not a Python test per token. ``drop`` names tokens to leave out too.
    """
    idx, vals = flatten(list(lists))
    if not len(vals):
        return idx.astype(np.int64), vals.astype(object)
    codes, uniq = pd.factorize(vals)
    dropped = set(drop)
    good = np.fromiter((_is_word(u) and u not in dropped for u in uniq), dtype=bool, count=len(uniq))
    keep = good[codes]
    return idx[keep].astype(np.int64), vals[keep]


def token_codes(lists: list) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """(post row, token code) of every token of a tokens column in order, the vocabulary
    (in order of first use) and whether every cell was a list (:meth:`PostIndex.tokens`)."""
    all_lists = all(type(x) is list for x in lists)
    rows, flat = flatten(lists)
    codes, vocab = pd.factorize(flat)
    return rows, codes.astype(np.int64, copy=False), np.asarray(vocab, dtype=object), all_lists


def merge_token_codes(parts: list) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """:func:`token_codes` of consecutive slices of a tokens column -> that of the whole column.

    ``parts`` are ``(n_rows, token_codes(slice))`` in order. The vocabularies are merged
    by one factorize of their concatenation, which keeps the order of first use, so the
    result equals ``token_codes`` of the whole column (tested) for a fraction of the work:
    the slices are coded where they were tokenised, in parallel.
    """
    if len(parts) == 1:
        return parts[0][1]
    vocab_codes, vocab = pd.factorize(np.concatenate([p[1][2] for p in parts]))
    rows, codes = [], []
    offset = at = 0
    for n, (r, c, v, _) in parts:
        rows.append(r + offset)
        codes.append(vocab_codes[at:at + len(v)][c] if len(c) else c)
        offset += n
        at += len(v)
    return (np.concatenate(rows).astype(np.int64, copy=False), np.concatenate(codes).astype(np.int64, copy=False),
            np.asarray(vocab, dtype=object), all(p[1][3] for p in parts))


class PostIndex:
    """Key occurrences and account codes of one posts table, computed once and shared (internal).

    Why: the report reads the term occurrences of its posts five times (the counts, the
    bursts' account columns, the evidence cards, the explanation, the top terms). At a
    million posts that is some 12 million tokens flattened, factorised and de-duplicated
    each time. One ``PostIndex`` built after the tokens does it once; the functions that
    accept it (``count``, ``detect_bursts``, ``explain_burst``, the report's tables) take it
    through a private ``_index=`` keyword and use it only for the very posts object it was
    built from (anything else falls back to the plain path), so every table is the same
    with or without it (tested in ``tests/test_report_index.py``).

    Everything is lazy: a kind is flattened on first use.
    """

    def __init__(self, posts: pd.DataFrame, *, tokens: tuple | None = None) -> None:
        self.posts = posts
        # ``tokens``: :func:`token_codes` of the tokens column, when computed already (the
        # report's tokenising processes do it for their slices, see merge_token_codes)
        self._tokens: tuple | None = tokens
        self._occ: dict[str, tuple] = {}
        self._accounts: tuple | None = None
        self._authors: np.ndarray | None = None
        self._vocab_pos: pd.Index | None = None

    def usable(self, posts: Any) -> bool:
        """True when ``posts`` is the table this index was built from."""
        return posts is self.posts

    def tokens(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
        """(post row, token code) of every token of the ``tokens`` column in order, the
        vocabulary (in order of first use) and whether every cell was a list."""
        if self._tokens is None:
            self._tokens = token_codes(self.posts["tokens"].tolist())
        return self._tokens

    def token_code(self, token: str) -> int:
        """The code of a token in :meth:`tokens`' vocabulary, -1 when no post has it."""
        if self._vocab_pos is None:
            self._vocab_pos = pd.Index(self.tokens()[2])
        return int(self._vocab_pos.get_indexer([token])[0])

    def occurrences(self, kind: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(post row, key code) of each key of ``kind`` a post carries, each pair once, rows
        ascending; the keys cleaned (:func:`trendlib._keys.clean_key`) and sorted.

        The same pairs as :func:`_keys_per_post` then cleaning and de-duplicating.
        """
        got = self._occ.get(kind)
        if got is None:
            if kind == "term" and "tokens" in self.posts.columns:
                rows, codes, vocab, _ = self.tokens()
                word = np.fromiter((_is_word(u) for u in vocab), dtype=bool, count=len(vocab))
                keep = word[codes]
                rows, codes = rows[keep], codes[keep]
                codes, used = pd.factorize(codes)
                uniq = vocab[np.asarray(used, dtype=np.int64)]
            else:
                rows, vals = _keys_per_post(self.posts, kind)
                codes, uniq = pd.factorize(pd.Series(vals, dtype=object))
                uniq = np.asarray(uniq, dtype=object)
            cleaned = np.asarray([clean_key(u, kind) for u in uniq], dtype=object)
            keys, inv = np.unique(cleaned, return_inverse=True) if len(cleaned) else (cleaned, np.zeros(0, np.int64))
            n_keys = max(len(keys), 1)
            key_of = inv.reshape(-1)[codes]
            if in_post_order(rows):  # one compiled pass (trendlib._segments), not a sort of every pair
                p_row, p_key = unique_pairs(rows, key_of, n_keys)
            else:
                pair = np.sort(rows.astype(np.int64) * n_keys + key_of)
                pair = pair[np.r_[True, pair[1:] != pair[:-1]]] if len(pair) else pair
                p_row, p_key = np.divmod(pair, n_keys)
            got = self._occ[kind] = (p_row, p_key, np.asarray(keys, dtype=object))
        return got

    def occurrences_in(self, kind: str, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`occurrences` of the posts where ``mask`` is True (rows still of the whole
        table), the keys reduced to those these posts carry and renumbered."""
        rows, codes, keys = self.occurrences(kind)
        m = mask[rows]
        rows, codes = rows[m], codes[m]
        present = np.zeros(len(keys), dtype=bool)
        present[codes] = True
        return rows, (np.cumsum(present) - 1)[codes], keys[present]

    def accounts(self) -> tuple[np.ndarray, np.ndarray]:
        """:func:`trendlib._keys.account_codes` of the posts' ``author`` column."""
        if self._accounts is None:
            self._accounts = account_codes(self.posts["author"])
        return self._accounts

    def author_codes(self) -> np.ndarray:
        """Codes of the raw ``author`` values (``pd.factorize``; -1 = missing)."""
        if self._authors is None:
            self._authors = pd.factorize(self.posts["author"])[0].astype(np.int64, copy=False)
        return self._authors


def sub_accounts(codes: np.ndarray, names: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``account_codes`` of the masked posts from the codes of all posts: codes renumbered
    in order of first appearance among the masked posts, as ``account_codes`` numbers them.

    Examples
    --------
    >>> from trendlib._keys import account_codes
    >>> codes, names = account_codes(["a", "b", None, "c", "b"])
    >>> c, n = sub_accounts(codes, names, np.array([False, True, True, True, True]))
    >>> c.tolist(), n.tolist()
    ([0, -1, 1, 0], ['b', 'c'])
    """
    raw = codes[mask]
    out = np.full(len(raw), -1, dtype=np.int64)
    has = raw >= 0
    c, u = pd.factorize(raw[has])
    out[has] = c
    return out, np.asarray(names, dtype=object)[np.asarray(u, dtype=np.int64)]


def _domain(url: Any) -> str:
    """``"https://www.Detik.com/x"`` -> ``"detik.com"`` (no ``www.``); ``""`` when none."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(str(url) if "://" in str(url) else f"//{url}").hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _warn_naive(times: pd.Series) -> None:
    """Naive timestamps are read as UTC: say so once, with the fix."""
    if pd.api.types.is_datetime64_dtype(times.dtype) and getattr(times.dt, "tz", None) is None and times.notna().any():
        warnings.warn(
            "count(): the 'time' column has no time zone, so it is read as UTC. If the times are local "
            "(e.g. WIB), read the posts with trendlib.read_posts(..., source_tz='Asia/Jakarta') or "
            "localise them with posts['time'].dt.tz_localize('Asia/Jakarta').",
            UserWarning,
            stacklevel=3,
        )


def _is_word(token: Any) -> bool:
    """A word token: letters (digits allowed inside), no #/@ prefix, no URL, no emoji."""
    return (
        isinstance(token, str)
        and len(token) > 1
        and token[0].isalpha()
        and "://" not in token
        and all(c.isalnum() or c in "-_'" for c in token)
    )


#: rows of a zero-filled counts table above which count() warns
_LARGE_TABLE = 20_000_000
#: rows above which count() refuses: with its times this is about 3 GB (the 84M-row table of 20 years of
#: 1-minute bins x 8 keys took 5.5 GB), more than the analysis of the posts needs
_MAX_TABLE = 50_000_000


@renamed_kwargs(by="key")
def count(
    posts: pd.DataFrame,
    *,
    key: KeyName = "hashtag",
    freq: Any = "1h",
    tz: Any = "Asia/Jakarta",
    keys: Any = None,
    min_count: int = 1,
    normalize: bool = False,
    start: Any = None,
    end: Any = None,
    accounts: bool = True,
    _index: PostIndex | None = None,
) -> pd.DataFrame:
    """Count posts per time bin and key; bins with no posts are present with zero counts.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts (see :func:`trendlib.read_posts`); needs ``time`` and the column
        ``key`` reads: ``hashtags``, ``mentions``, ``author``, ``urls``, ``topic`` or
        ``text`` (or ``tokens``).
    key : {"hashtag", "mention", "term", "author", "url", "domain", "topic"}
        What a key is (``by=`` is the deprecated name of this parameter). ``"domain"`` is
        the host of each URL without ``www.``; ``"topic"`` reads the column added by
        :func:`trendlib.topics.add_topics`. ``"term"`` uses the word tokens of
        ``trendlib.text.tokenize(text, stopwords="topic")`` (or a ``tokens`` list column
        when the posts have one, e.g. from ``trendlib.text.add_tokens``).
    freq : str or Timedelta, default "1h"
        Fixed bin width (``"15min"``, ``"1h"``, ``"1D"``...). Bins are aligned to the
        wall clock of ``tz`` (daily bins start at local midnight).
    tz : str, default "Asia/Jakarta"
        Time zone of the bins; ``"WIB"``, ``"WITA"`` and ``"WIT"`` are accepted.
    keys : iterable of str, optional
        Count only these keys (kept even when they never occur). ``#``/``@`` prefixes
        and case are ignored for hashtags and mentions.
    min_count : int, default 1
        Drop keys occurring in fewer than ``min_count`` posts over the whole range
        (ignored for keys listed in ``keys``).
    normalize : bool, default False
        Add a ``share`` column, ``count / total``.
    start, end : datetime-like, optional
        Count only posts in ``[start, end)``; the bins then span that range even where
        it has no posts. Naive values are read in ``tz``.
    accounts : bool, default True
        Add an ``accounts`` column: distinct authors of the posts counted in each cell
        (when the posts have an ``author`` column). One account posting 30 times is 30
        posts but 1 account; trending ranks by accounts for that reason.

    Returns
    -------
    pandas.DataFrame
        Columns ``time``, ``key``, ``count``, ``total`` (and ``accounts``, ``share``),
        sorted by key then time; ``attrs`` has ``freq``, ``tz``, ``key``, ``n_posts`` and
        ``rows_dropped`` (posts without a time, or outside ``[start, end)``).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "time": pd.to_datetime(["2023-09-05 01:10", "2023-09-05 01:40",
    ...                             "2023-09-05 03:05"], utc=True),
    ...     "hashtags": [["kttasean"], ["kttasean", "jakarta"], ["kttasean"]],
    ... })
    >>> c = count(posts, freq="1h", tz="WIB")
    >>> c[c.key == "kttasean"][["time", "count", "total"]].to_string(index=False)
    '                     time  count  total\\n2023-09-05 08:00:00+07:00      2      2\\n2023-09-05 09:00:00+07:00      0      0\\n2023-09-05 10:00:00+07:00      1      1'
    """
    by = key_kind(key, func="count").name
    column = KEY_KINDS[by].column
    if by == "term" and "tokens" in getattr(posts, "columns", ()):
        column = "tokens"
    require_columns(posts, ["time", column], func="count", hint=_HINT)
    step = parse_freq(freq)
    tzname = resolve_tz(tz)
    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 0:
        raise ValueError(f"The 'min_count' parameter of count() must be an integer >= 0. Got {min_count!r}.")

    dropped: dict[str, int] = {}
    ns = local_ns(posts["time"], tzname)
    _warn_naive(posts["time"])
    valid = ns != np.iinfo(np.int64).min
    if not valid.all():
        dropped["missing time"] = int((~valid).sum())
    step_ns = int(step.value)
    lo = hi = None
    if start is not None:
        lo = local_ns(pd.Series([as_utc(start, tzname)]), tzname)[0]
    if end is not None:
        hi = local_ns(pd.Series([as_utc(end, tzname)]), tzname)[0]
    inside = valid.copy()
    if lo is not None:
        inside &= ns >= lo
    if hi is not None:
        inside &= ns < hi
    n_out = int((valid & ~inside).sum())
    if n_out:
        dropped["outside [start, end)"] = n_out
    if dropped.get("missing time"):
        warnings.warn(
            f"count(): {dropped['missing time']} posts have no time and were not counted.",
            stacklevel=2,
        )

    bins_all = np.where(inside, np.floor_divide(ns, step_ns), 0)
    if lo is not None:
        first = lo // step_ns
    elif inside.any():
        first = int(bins_all[inside].min())
    else:
        first = 0
    if hi is not None:
        last = (hi - 1) // step_ns
    elif inside.any():
        last = int(bins_all[inside].max())
    else:
        last = first - 1
    n_bins = max(int(last - first + 1), 0)
    bin_of_post = bins_all - first
    totals = np.bincount(bin_of_post[inside], minlength=n_bins).astype(np.int64)

    # one count per (post, key): the report passes its shared occurrences, else computed here
    index = _index if _index is not None and _index.usable(posts) else PostIndex(posts)
    p_post, p_key, uniques = index.occurrences_in(by, inside)
    n_keys = len(uniques)
    if keys is None and min_count > 1:  # drop rare keys before building the dense grid
        ok = np.bincount(p_key, minlength=n_keys) >= min_count
        sel = ok[p_key]
        p_post, p_key = p_post[sel], (np.cumsum(ok) - 1)[p_key[sel]]
        uniques = uniques[ok]
        n_keys = len(uniques)
    if max(n_keys, 1 if keys is not None else 0) * n_bins > _MAX_TABLE or (
            keys is not None and len(list(keys)) * n_bins > _MAX_TABLE):
        raise ValueError(
            f"count() would build a zero-filled table of {max(n_keys, 1):,} keys x {n_bins:,} bins, over the "
            f"limit of {_MAX_TABLE:,} rows (several GB). Pass a coarser freq= (the posts span "
            f"{n_bins:,} bins of {step}), start=/end= to count a shorter period, min_count= or keys=."
        )
    if keys is None and n_keys * n_bins > _LARGE_TABLE:
        warnings.warn(
            f"count(): the zero-filled table has {n_keys:,} keys x {n_bins:,} bins = {n_keys * n_bins:,} rows; "
            f"pass min_count= (e.g. 5) or keys= to keep only the keys you need, or a coarser freq=.",
            stacklevel=2,
        )
    cell = p_key * n_bins + bin_of_post[p_post]
    mat = np.bincount(cell, minlength=n_keys * n_bins).reshape(n_keys, n_bins).astype(np.int64)
    acc = None
    if accounts and "author" in posts.columns:
        # distinct (cell, author) pairs, then per cell; missing authors are not accounts
        a_codes, _ = index.accounts()
        a_post = a_codes[p_post]
        has = a_post >= 0
        n_a = int(a_codes.max()) + 1 if len(a_codes) and a_codes.max() >= 0 else 1
        ca = pd.unique(cell[has].astype(np.int64) * n_a + a_post[has])  # hash, not sort: order is not needed
        acc = np.bincount(ca // n_a, minlength=n_keys * n_bins).reshape(n_keys, n_bins).astype(np.int64)

    if keys is not None:
        if isinstance(keys, str):
            keys = [keys]
        wanted = list(dict.fromkeys(clean_key(k, by) for k in keys))
        pos = {k: i for i, k in enumerate(uniques)}
        rows = np.zeros((len(wanted), n_bins), np.int64)
        arows = np.zeros((len(wanted), n_bins), np.int64)
        for i, k in enumerate(wanted):
            if k in pos:
                rows[i] = mat[pos[k]]
                if acc is not None:
                    arows[i] = acc[pos[k]]
        order = np.argsort(np.asarray(wanted, dtype=object), kind="stable")
        uniques = np.asarray(wanted, dtype=object)[order]
        mat = rows[order]
        if acc is not None:
            acc = arows[order]

    local_bins = (np.arange(n_bins, dtype=np.int64) + first) * step_ns
    times = pd.DatetimeIndex(local_bins.view("datetime64[ns]")).tz_localize(
        tzname, ambiguous=True, nonexistent="shift_forward"
    )
    n_k = len(uniques)
    out = pd.DataFrame(
        {
            "time": times[np.tile(np.arange(n_bins), n_k)] if n_k else times[:0],
            "key": pd.Series(np.repeat(uniques, n_bins), dtype=object).astype(str),
            "count": mat.ravel(),
            "total": np.tile(totals, n_k),
        }
    )
    if acc is not None:
        out["accounts"] = acc.ravel()
    if normalize:
        with np.errstate(invalid="ignore", divide="ignore"):
            out["share"] = np.where(out["total"].to_numpy() > 0, out["count"] / out["total"], np.nan)
    out.attrs.update(
        freq=step, tz=tzname, key=by, by=by, n_posts=int(inside.sum()), rows_dropped=dropped
    )
    return out

