"""Account concentration of the trending rows (internal; the columns are defined in
:mod:`trendlib.bursts._accounts`, shared with the burst tables so both say the same thing)."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["add_concentration"]


def add_concentration(out: pd.DataFrame, posts: pd.DataFrame | None, counts: pd.DataFrame, key: str,
                       start: pd.Timestamp, end: pd.Timestamp, in_window: np.ndarray) -> str | None:
    """Add the account columns to ``out`` (exact from posts, bounds from counts)."""
    from ..bursts._accounts import empty_concentration, from_counts, from_posts

    n = len(out)
    if posts is not None and "author" in posts.columns and posts["author"].notna().any():
        conc = from_posts(posts, key, out["key"].to_numpy(dtype=object), [start] * n, [end] * n)
        source = "posts"
    elif "accounts" in counts.columns and n:
        win = counts.loc[in_window & counts["key"].astype(str).isin(set(out["key"])).to_numpy(),
                         ["key", "time", "count", "accounts"]]
        win = win.sort_values(["key", "time"], kind="stable")
        kpos = pd.Index(out["key"]).get_indexer(win["key"].astype(str))
        tpos = pd.factorize(win["time"], sort=True)[0]
        n_t = int(tpos.max()) + 1 if len(tpos) else 1
        c = np.zeros((n, n_t))
        a = np.zeros((n, n_t))
        np.add.at(c, (kpos, tpos), win["count"].to_numpy(dtype=np.float64))
        np.add.at(a, (kpos, tpos), win["accounts"].to_numpy(dtype=np.float64))
        conc = from_counts(c, a, np.arange(n), np.zeros(n, np.int64), np.full(n, n_t))
        source = "counts"
    else:
        conc = empty_concentration(n, out["count"].to_numpy())
        source = None
    for name in ("accounts", "top_account", "top_account_share", "effective_accounts"):
        out[name] = conc[name]
    return source
