"""Why a trending list is empty, and what to change (internal).

Why: real scrapes are sparse. A keyword scrape spread over ten months has one or two
posts in its last hour, so ``trending(posts)`` with a one-hour window had nothing with
three posts to rank and returned an empty table without a word. An empty list is now
always explained: a ``UserWarning`` (and ``attrs["empty_reason"]``) saying what the
window held and the nearest call that does rank something: the latest window of the
same length where a key passes the minimums (``at=``), a wider window at the same
moment (``window=``), or another key kind when the posts carry none of this one.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["empty_table", "explain_empty"]

_WIDER = ("3h", "6h", "12h", "1D", "3D", "7D", "30D")


def _warn(out: pd.DataFrame, message: str) -> pd.DataFrame:
    out.attrs["empty_reason"] = message
    warnings.warn(message, UserWarning, stacklevel=5)  # _warn, helper, trending, renamed_kwargs, caller
    return out


def empty_table(columns: list[str], data: pd.DataFrame, counts: pd.DataFrame, *, key: str,
                reason: str) -> pd.DataFrame:
    """The empty trending table when the data hold no key of this kind at all."""
    out = pd.DataFrame({c: pd.Series([], dtype=object if c in ("key", "top_account") else float)
                        for c in columns})
    if "count" in getattr(data, "columns", ()):
        msg = "trending(): the counts table has no rows: there is nothing to rank."
    else:
        others = [k for k in ("hashtag", "term", "mention") if k != key]
        msg = (f"trending(): none of the {len(data):,} posts has a {key} (key={key!r}), so there is "
               f"nothing to rank. Try key={others[0]!r}" + (" (words of the text)" if others[0] == "term" else "")
               + f" or key={others[1]!r}.")
    out.attrs["key"] = key
    return _warn(out, msg)


def _fmt(ts: pd.Timestamp) -> str:
    return ts.strftime("%Y-%m-%d %H:%M")


def _label(td: pd.Timedelta) -> str:
    try:
        s = pd.tseries.frequencies.to_offset(td).freqstr
        return s if s[:1].isdigit() else f"1{s}"
    except (TypeError, ValueError):
        return str(td)


def _sparse_posts(posts: pd.DataFrame, key: str, freq: pd.Timedelta, tz: str):
    """(key code, bin, posts, accounts) for every (key, bin) with posts; bins of ``freq`` in ``tz``."""
    from .._time import NAT, local_ns
    from ..counts import PostIndex

    ns = local_ns(posts["time"], tz)
    index = PostIndex(posts)
    idx, kc, _ = index.occurrences(key)  # each (post, key) once, keys cleaned
    ok = ns[idx] != NAT
    idx, kc = idx[ok], kc[ok]
    b = ns[idx] // freq.value
    known = "author" in posts.columns and posts["author"].notna().any()
    if known:
        auth = index.accounts()[0][idx]
    else:
        auth = np.full(len(idx), -1)
    frame = pd.DataFrame({"k": kc, "b": b, "post": idx, "a": auth})
    g = frame.groupby(["k", "b"], sort=True)
    agg = g.size().rename("c").reset_index()
    if known:  # distinct accounts per cell
        acc = frame[frame["a"] >= 0].drop_duplicates(["k", "b", "a"]).groupby(["k", "b"]).size()
        agg["a"] = acc.reindex(pd.MultiIndex.from_frame(agg[["k", "b"]])).fillna(0).to_numpy()
    else:  # accounts unknown: min_accounts cannot be checked
        agg["a"] = np.iinfo(np.int64).max
    n_win_posts = lambda lo, hi: int(((ns != NAT) & (ns // freq.value >= lo) & (ns // freq.value < hi)).sum())  # noqa: E731
    share = len(np.unique(idx)) / max(len(posts), 1)
    return agg, n_win_posts, share


def _sparse_counts(counts: pd.DataFrame, freq: pd.Timedelta, tz: str):
    """The same from a counts table (rows with posts only)."""
    from .._time import local_ns

    b_all = local_ns(counts["time"], tz) // freq.value
    has = counts["count"].to_numpy() > 0
    kc = pd.factorize(counts["key"].astype(str))[0]
    agg = pd.DataFrame({"k": kc[has], "b": b_all[has], "c": counts["count"].to_numpy()[has],
                        "a": counts["accounts"].to_numpy()[has] if "accounts" in counts.columns
                        else np.full(int(has.sum()), np.iinfo(np.int64).max)})
    agg = agg.groupby(["k", "b"], sort=True).sum().reset_index()

    def n_win_posts(lo: int, hi: int) -> int | None:
        if "total" not in counts.columns:
            return None
        inside = (b_all >= lo) & (b_all < hi)
        return int(pd.Series(counts["total"].to_numpy()[inside]).groupby(b_all[inside]).first().sum())

    return agg, n_win_posts, None


def explain_empty(out: pd.DataFrame, data: pd.DataFrame, counts: pd.DataFrame, *, key: str,
                  freq: pd.Timedelta, tz: str, window: pd.Timedelta, window_end: pd.Timestamp,
                  min_count: int, min_accounts: int, at: Any) -> pd.DataFrame:
    """Warn (and record in ``attrs``) why ``out`` is empty and what would fill it.

    Works on the (key, bin) cells that hold posts, never on a zero-filled grid, so it is
    cheap even for terms over months of bins.
    """
    from .._time import local_ns

    if "count" in data.columns:
        agg, n_win_posts, share = _sparse_counts(counts, freq, tz)
    else:
        agg, n_win_posts, share = _sparse_posts(data, key, freq, tz)
    k = int(window // freq)
    e_now = int(local_ns(pd.Series([window_end]), tz)[0] // freq.value)  # exclusive bin number
    kc, b = agg["k"].to_numpy(np.int64), agg["b"].to_numpy(np.int64)
    c, a = agg["c"].to_numpy(np.float64), agg["a"].to_numpy(np.float64)
    span_bins = int(b.max() - b.min()) + 2 * k + 2 if len(b) else 1
    base = int(b.min()) - k - 1 if len(b) else 0
    code = kc * span_bins + (b - base)  # sorted, as agg is sorted by (k, b)
    cum_c = np.concatenate([[0.0], np.cumsum(c)])
    cum_a = np.concatenate([[0.0], np.cumsum(a)])

    def window_sums(kk: np.ndarray, end: np.ndarray, length: int):
        hi = np.searchsorted(code, kk * span_bins + (end - base), "left")
        lo = np.searchsorted(code, kk * span_bins + (end - length - base), "left")
        return cum_c[hi] - cum_c[lo], cum_a[hi] - cum_a[lo]

    def passes(sc, sa):
        return (sc >= min_count) & (sa >= min_accounts)

    held = ""
    n_win = n_win_posts(e_now - k, e_now)
    if n_win is not None:
        held = f" It holds {n_win:,} post{'s' if n_win != 1 else ''}."
    span = f"[{_fmt(window_end - window)}, {_fmt(window_end)}) {tz}"
    need = f"min_count={min_count} posts" + (f" and min_accounts={min_accounts}" if min_accounts > 1 else "")
    msg = f"trending(): nothing to rank in the window {span}: no {key} reaches {need}.{held}"
    fixes = []
    # the latest window of this length that ranks something ends where a bin is about to
    # leave it: at min(b + k, e_now) for some cell (key, b)
    ends = np.minimum(b + k, e_now)
    valid = b < ends
    sc, sa = window_sums(kc, ends, k)
    good = valid & passes(sc, sa)
    if good.any():
        best = int(ends[good].max())
        last_bin = window_end + (best - 1 - e_now) * freq
        fixes.append(f"the latest {_label(window)} window that ranks something ends at "
                     f"{_fmt(last_bin + freq)}: pass at='{_fmt(last_bin)}'")
    keys_here = np.unique(kc[(b >= e_now - int(pd.Timedelta(_WIDER[-1]) // freq)) & (b < e_now)])
    for w in _WIDER:
        wt = pd.Timedelta(w)
        if wt <= window or wt % freq:
            continue
        sc, sa = window_sums(keys_here, np.full(len(keys_here), e_now), int(wt // freq))
        n = int(passes(sc, sa).sum())
        if n:
            fixes.append(f"window='{w}' ranks {n} {key}{'s' if n > 1 else ''} at this moment")
            break
    if share is not None and share < 0.2 and key != "term":
        fixes.append(f"only {share:.0%} of the posts carry a {key}: key='term' ranks the words of the text")
    if min_count > 1:
        fixes.append("or lower min_count=")
    if fixes:
        msg += " Fix: " + "; ".join(fixes) + "."
    if at is None:
        msg += " (at=None ranks the latest complete bin; the scrape's last bin is left out.)"
    return _warn(out, msg)
