"""Counts per (time bin, key) as a partition-pure map plus an exact merge (internal).

:func:`count_partial` reads one frame of posts and returns what :func:`trendlib.count`
needs from it: posts per (bin, key) and per bin (summable), and the distinct
(bin, key, account) triples, because distinct accounts per cell are *not* summable (the
same account may post in two partitions). :func:`merge_counts` adds counts and takes the
union of triples; :func:`finish_counts` builds the zero-filled table exactly as
``count()`` does on the whole frame. Bins are integers ``floor(local ns / freq)``, so
partials of any partitioning line up.

Keys and accounts are integer codes into per-partial vocabularies (:class:`CountPartial`
``keys`` and ``accounts``); a merge unites the vocabularies and remaps the codes. Why:
the distinct triples grow with the posts (20 million posts with a million accounts hold
about ten million), and as string frames they took more than 3 GB in the final merge of
the Dask tree; as three integer columns they take 16 bytes each, and each distinct
string is stored once per partial.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._keys import KEY_KINDS, clean_key, key_kind
from .._time import NAT, as_utc, local_ns, parse_freq, resolve_tz
from .._validation import require_columns

__all__ = ["CountPartial", "count_partial", "merge_counts", "finish_counts"]


@dataclass
class CountPartial:
    """What one frame of posts contributes to a counts table (see the module docs)."""

    key: str
    step: pd.Timedelta
    tz: str
    lo: int | None  # first bin fixed by start=, else None
    hi: int | None  # last bin fixed by end=, else None
    keys: np.ndarray  # vocabulary of cleaned keys (object, distinct)
    cells: pd.DataFrame  # bin (int64), key (code into keys), count (int64)
    totals: pd.Series  # posts per bin (index: bin)
    accounts: np.ndarray | None  # vocabulary of account keys; None without authors
    triples: pd.DataFrame | None  # distinct bin, key (code), author (code into accounts)
    n_posts: int = 0
    dropped: dict = field(default_factory=dict)


def _range(start: Any, end: Any, tzname: str) -> tuple[int | None, int | None]:
    lo = hi = None
    if start is not None:
        lo = int(local_ns(pd.Series([as_utc(start, tzname)]), tzname)[0])
    if end is not None:
        hi = int(local_ns(pd.Series([as_utc(end, tzname)]), tzname)[0])
    return lo, hi


def count_partial(
    posts: pd.DataFrame,
    *,
    key: str = "hashtag",
    freq: Any = "1h",
    tz: Any = "Asia/Jakarta",
    start: Any = None,
    end: Any = None,
    accounts: bool = True,
) -> CountPartial:
    """The contribution of one frame of posts to ``count(posts, ...)``.

    Parameters are those of :func:`trendlib.count` that act row by row; ``keys=``,
    ``min_count=`` and ``normalize=`` act on the whole table and go to
    :func:`finish_counts`.
    """
    from ..counts import PostIndex

    by = key_kind(key, func="count").name
    column = KEY_KINDS[by].column
    if by == "term" and "tokens" in getattr(posts, "columns", ()):
        column = "tokens"
    require_columns(posts, ["time", column], func="count", hint="trendlib.read_posts(...)")
    step = parse_freq(freq)
    tzname = resolve_tz(tz)
    step_ns = int(step.value)
    lo, hi = _range(start, end, tzname)
    posts = posts.reset_index(drop=True)
    ns = local_ns(posts["time"], tzname)
    valid = ns != NAT
    inside = valid.copy()
    if lo is not None:
        inside &= ns >= lo
    if hi is not None:
        inside &= ns < hi
    dropped = {}
    if (~valid).any():
        dropped["missing time"] = int((~valid).sum())
    if (valid & ~inside).any():
        dropped["outside [start, end)"] = int((valid & ~inside).sum())
    bins = np.where(inside, np.floor_divide(ns, step_ns), 0)
    totals = pd.Series(bins[inside]).value_counts().sort_index().astype(np.int64)

    # each (post, key) once, keys cleaned: the rule count() uses
    index = PostIndex(posts)
    post_idx, kc, keys = index.occurrences_in(by, inside)
    pairs = pd.DataFrame({"post": post_idx, "key": kc.astype(np.int32)})
    pairs["bin"] = bins[post_idx]
    cells = pairs.groupby(["bin", "key"], sort=False).size().rename("count").reset_index()
    cells["count"] = cells["count"].astype(np.int64)
    triples = names = None
    if accounts and "author" in posts.columns:
        author, names = index.accounts()
        pairs["author"] = author[post_idx].astype(np.int32)
        triples = pairs.loc[pairs["author"].to_numpy() >= 0, ["bin", "key", "author"]].drop_duplicates(
            ignore_index=True)
    return CountPartial(by, step, tzname, None if lo is None else lo // step_ns,
                        None if hi is None else (hi - 1) // step_ns, keys, cells, totals, names, triples,
                        int(inside.sum()), dropped)


def _unite(vocabs: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
    """One vocabulary for several, and each one's codes in it."""
    codes, united = pd.factorize(pd.Series(np.concatenate(vocabs), dtype=object))
    cuts = np.cumsum([len(v) for v in vocabs])[:-1]
    return np.asarray(united, dtype=object), [c.astype(np.int32) for c in np.split(codes, cuts)]


def _add(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0) + v
    return out


def merge_counts(partials: list[CountPartial]) -> CountPartial:
    """Exact merge: counts and totals add up, account triples are united."""
    partials = list(partials)
    first = partials[0]
    if len(partials) == 1:
        return first
    keys, kmaps = _unite([p.keys for p in partials])
    cells = pd.concat([p.cells.assign(key=m[p.cells["key"].to_numpy()]) for p, m in zip(partials, kmaps)],
                      ignore_index=True)
    cells = cells.groupby(["bin", "key"], sort=False)["count"].sum().reset_index()
    totals = pd.concat([p.totals for p in partials]).groupby(level=0).sum().astype(np.int64)
    triples = accounts = None
    if all(p.triples is not None for p in partials):
        accounts, amaps = _unite([p.accounts for p in partials])
        triples = pd.concat([
            pd.DataFrame({"bin": p.triples["bin"].to_numpy(), "key": km[p.triples["key"].to_numpy()],
                          "author": am[p.triples["author"].to_numpy()]})
            for p, km, am in zip(partials, kmaps, amaps)], ignore_index=True).drop_duplicates(ignore_index=True)
    dropped: dict = {}
    for p in partials:
        dropped = _add(dropped, p.dropped)
    return CountPartial(first.key, first.step, first.tz, first.lo, first.hi, keys, cells, totals, accounts,
                        triples, sum(p.n_posts for p in partials), dropped)


def finish_counts(
    part: CountPartial, *, keys: Any = None, min_count: int = 1, normalize: bool = False, stacklevel: int = 2
) -> pd.DataFrame:
    """The counts table of the merged partial, equal to ``count()`` on the whole posts."""
    from ..counts import _LARGE_TABLE

    if isinstance(min_count, bool) or not isinstance(min_count, (int, np.integer)) or min_count < 0:
        raise ValueError(f"The 'min_count' parameter of count() must be an integer >= 0. Got {min_count!r}.")
    by, step_ns, tzname = part.key, int(part.step.value), part.tz
    if part.dropped.get("missing time"):
        warnings.warn(f"count(): {part.dropped['missing time']} posts have no time and were not counted.",
                      stacklevel=stacklevel)
    tot_bins = part.totals.index.to_numpy(dtype=np.int64)
    first = part.lo if part.lo is not None else (int(tot_bins.min()) if len(tot_bins) else 0)
    last = part.hi if part.hi is not None else (int(tot_bins.max()) if len(tot_bins) else first - 1)
    n_bins = max(int(last - first + 1), 0)
    totals = np.zeros(n_bins, np.int64)
    totals[tot_bins - first] = part.totals.to_numpy(dtype=np.int64)

    cells = part.cells
    code = cells["key"].to_numpy(dtype=np.int64)
    per_key = np.bincount(code, weights=cells["count"].to_numpy(dtype=np.float64), minlength=len(part.keys))
    present = part.keys[per_key >= max(min_count if keys is None else 1, 1)] if len(cells) else part.keys[:0]
    uniques = np.asarray(sorted(present), dtype=object)
    n_keys = len(uniques)
    if keys is None and n_keys * n_bins > _LARGE_TABLE:
        warnings.warn(
            f"count(): the zero-filled table has {n_keys:,} keys x {n_bins:,} bins = {n_keys * n_bins:,} rows; "
            f"pass min_count= (e.g. 5) or keys= to keep only the keys you need, or a coarser freq=.",
            stacklevel=stacklevel,
        )
    if keys is not None:
        keys = [keys] if isinstance(keys, str) else keys
        wanted = list(dict.fromkeys(clean_key(k, by) for k in keys))
        uniques = np.asarray(wanted, dtype=object)[np.argsort(np.asarray(wanted, dtype=object), kind="stable")]
        n_keys = len(uniques)
    index = pd.Index(uniques, dtype=object)

    where = index.get_indexer(pd.Index(part.keys, dtype=object)) if len(part.keys) else np.zeros(0, np.int64)

    def grid(frame: pd.DataFrame, values: np.ndarray | None) -> np.ndarray:
        k = where[frame["key"].to_numpy(dtype=np.int64)] if len(frame) else np.zeros(0, np.int64)
        ok = k >= 0
        cell = k[ok] * n_bins + (frame["bin"].to_numpy(dtype=np.int64)[ok] - first)
        w = None if values is None else values[ok]
        return np.bincount(cell, weights=w, minlength=n_keys * n_bins).astype(np.int64).reshape(n_keys, n_bins)

    mat = grid(cells, cells["count"].to_numpy(dtype=np.float64))
    acc = None if part.triples is None else grid(part.triples, None)

    local_bins = (np.arange(n_bins, dtype=np.int64) + first) * step_ns
    times = pd.DatetimeIndex(local_bins.view("datetime64[ns]")).tz_localize(tzname, ambiguous=True, nonexistent="shift_forward")
    out = pd.DataFrame(
        {
            "time": times[np.tile(np.arange(n_bins), n_keys)] if n_keys else times[:0],
            "key": pd.Series(np.repeat(uniques, n_bins), dtype=object).astype(str),
            "count": mat.ravel(),
            "total": np.tile(totals, n_keys),
        }
    )
    if acc is not None:
        out["accounts"] = acc.ravel()
    if normalize:
        with np.errstate(invalid="ignore", divide="ignore"):
            out["share"] = np.where(out["total"].to_numpy() > 0, out["count"] / out["total"], np.nan)
    out.attrs.update(freq=part.step, tz=tzname, key=by, by=by, n_posts=part.n_posts, rows_dropped=dict(part.dropped))
    return out
