"""The trending list: which keys rise now against a seasonal, shrunk baseline.

The score (documented in ``docs/trends.md``) for one key in the current window:

* ``y``: count in the current window ``[end - window, end)``; ``y_prev``: count in the
  window before it.
* ``lam``: the key's flat rate, its count per window-length over the baseline period
  ``[start - baseline, start)`` (only bins the counts table covers).
* ``s_d``: the key's count in the same clock window ``d`` days earlier (d = 1 .. days of
  the baseline), optionally smoothed over ``smooth`` neighbouring bins.
* expected ``mu = lam * (sum_d s_d + a) / (n_days * lam + a)`` with ``a = season_prior``:
  the posterior mean of the clock-window rate under a Gamma prior with mean ``lam`` and
  shape ``a``: rare keys lean on their flat rate, busy keys on their hour-of-day history
  (``mu = lam`` when no earlier day is covered).
* ``var = max(mu, sample variance of s_d)`` (Poisson, or more when days disagree).
* ``z = (y - mu) / sqrt(var + prior)``, ``velocity = (y + prior) / (mu + prior)``;
  ``prior`` is a pseudo-count so a key seen twice is not rated like one seen two hundred
  times.
* ``acceleration = z - z_prev``: the change of the standardised excess against the previous
  window, whose expectation is computed the same way (so a daily ritual rising at its usual
  hour does not accelerate); 0 when the data hold no previous window.
* ``score = z + accel_weight * acceleration + novelty_bonus * novel * min(1, y / prior)``,
  ``novel`` when the key never occurs in the baseline period: a new key earns the whole
  bonus once ``prior`` accounts (posts) use it.

What is counted (``rank_by``): by default the score reads **accounts**, not posts: ``y``,
``y_prev``, ``lam`` and ``s_d`` are sums of the distinct accounts per bin (the ``accounts``
column of :func:`trendlib.count`), so one account posting 32 times in 41 minutes counts
once per bin and cannot top the list; ``rank_by="posts"`` scores posts as before.

Defaults that work on any posts table: ``at=None`` ranks the latest *complete* bin (a
scrape stops inside its last bin), and when nothing passes ``min_count``/``min_accounts``
the empty table comes with a warning saying what the window held and what to change
(``_diagnose``).
"""

from __future__ import annotations

import warnings
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._deprecate import renamed_kwargs
from .._keys import KeyName, key_kind
from .._validation import check_choice, require_columns
from ._baseline import _as_counts, _check_options, _expectation, _timedelta, _window_sum
from ._concentration import add_concentration

__all__ = ["trending"]

_RANK_BY = ("accounts", "posts")
_COLUMNS = [
    "rank",
    "key",
    "count",
    "accounts",
    "top_account",
    "top_account_share",
    "effective_accounts",
    "expected",
    "velocity",
    "z",
    "acceleration",
    "previous",
    "novel",
    "score",
]


@renamed_kwargs(by="key")
def trending(
    data: pd.DataFrame,
    *,
    at: Any = None,
    window: Any = "1h",
    baseline: Any = "7D",
    key: KeyName = "hashtag",
    rank_by: Literal["accounts", "posts"] = "accounts",
    freq: Any = None,
    tz: str = "Asia/Jakarta",
    top: int | None = 20,
    min_count: int = 3,
    min_accounts: int | None = None,
    prior: float = 5.0,
    season_prior: float = 1.0,
    smooth: int = 0,
    accel_weight: float = 0.5,
    novelty_bonus: float = 2.0,
    normalize: bool = False,
) -> pd.DataFrame:
    """Rank the keys trending in a window against a seasonal baseline.

    A key trends when the accounts using it in the window are well above what its own
    history predicts for this time of day (velocity, ``z``), when it is rising against
    the previous window (acceleration), and, with a bonus, when it was never seen in the
    baseline period (novelty). A daily ritual (``#selamatpagi`` at 06:00) does not trend
    at its usual hour; a tag seen twice does not outrank one seen two hundred times; one
    account posting a tag 32 times is one account, not a trend.

    Parameters
    ----------
    data : pandas.DataFrame
        Canonical posts (counted with :func:`trendlib.count`) or a counts table (columns
        ``time``, ``key``, ``count``; ``accounts`` for ``rank_by="accounts"``; ``total``
        for ``normalize=True``).
    at : str, datetime or pandas.Timestamp, optional
        The moment to rank at: the window ends at the end of the bin holding ``at``.
        Naive times are read in ``tz``. Default: the latest *complete* bin, i.e. the
        window ends where the last bin starts (a scrape stops inside its last bin); the
        last bin itself when the data hold no complete window.
    window : str or pandas.Timedelta, default "1h"
        Length of the current window; a multiple of the bin size.
    baseline : str or pandas.Timedelta, default "7D"
        History used for the expected count: ``[window start - baseline, window start)``.
        Its whole days give the hour-of-day (seasonal) estimate when ``window < 1 day``.
    key : {"hashtag", "mention", "term", "author", "url", "domain", "topic"}, default "hashtag"
        What to count when ``data`` is posts (``by=`` is the deprecated name).
    rank_by : {"accounts", "posts"}, default "accounts"
        What the score counts: distinct accounts per bin (so one account's spam cannot
        top the list) or posts (the ranking of trendlib 0.1). ``expected``, ``previous``,
        ``velocity`` and ``z`` are in these units. Counts without an ``accounts`` column
        (or posts without ``author``) are ranked by posts, with a warning.
    freq : str, optional
        Bin size when ``data`` is posts: default ``"1h"`` when the window is whole hours,
        else the window itself. Ignored for counts (their ``attrs['freq']`` is used).
    tz : str, default "Asia/Jakarta"
        Time zone of the bins, of ``at`` when naive, and of "hour of day"; ``"WIB"``,
        ``"WITA"`` and ``"WIT"`` are accepted.
    top : int or None, default 20
        Number of rows returned; ``None`` returns every key that passes the minimums.
    min_count : int, default 3
        Keys with fewer posts in the window are not ranked.
    min_accounts : int, optional
        Keys used by fewer distinct accounts in the window are not ranked (from counts
        alone, where distinct accounts over several bins are unknown: fewer than this in
        every bin of the window).
        Default 2 with ``rank_by="accounts"`` (one account alone is never a trend,
        whatever it posts), 1 with ``rank_by="posts"`` (as in trendlib 0.1). Not applied
        when the accounts are unknown (no authors).
    prior : float, default 5.0
        Pseudo-count added to the variance and to both sides of the velocity ratio, so
        sparse keys are not over-rated.
    season_prior : float, default 1.0
        Shape (a count) of the Gamma prior that shrinks the hour-of-day profile towards
        the key's flat rate; 0 uses the profile alone.
    smooth : int, default 0
        Neighbouring bins on each side averaged (triangular weights) into each day's
        same-hour count; 0 uses the exact clock window.
    accel_weight, novelty_bonus : float, default 0.5 and 2.0
        Weights of acceleration and novelty in the score.
    normalize : bool, default False
        Scale the expected count by the ratio of the current total volume to its own
        expected value, so a key that only grows with the whole stream does not trend.

    Returns
    -------
    pandas.DataFrame
        One row per key, best first: ``rank``, ``key``, ``count`` (posts in the window),
        ``accounts``, ``top_account``, ``top_account_share``, ``effective_accounts``
        (account concentration in the window: exact from posts, bounds from counts, see
        :func:`trendlib.detect_bursts`), ``expected``, ``velocity``, ``z``,
        ``acceleration``, ``previous`` (in ``rank_by`` units), ``novel`` and ``score``.
        ``attrs`` hold ``at`` (the window's last bin), ``window_start``, ``window_end``,
        ``window``, ``baseline``,
        ``freq``, ``tz``, ``key``, ``rank_by``, ``accounts_from``, ``seasonal_days``, the
        weights used and, for an empty table, ``empty_reason`` (also warned).

    See Also
    --------
    trendlib.count : the counts table.
    trendlib.detect_bursts : bursts of every key over the whole stream.
    trendlib.explain_burst : what was said during a burst.

    Notes
    -----
    The formulas are in ``docs/trends.md``. With ``rank_by="accounts"`` a window longer
    than one bin counts account-bins (an account active in 3 of its bins counts 3), so
    posts and counts give the same ranking; the ``accounts`` column of a table built from
    posts is the exact number of distinct accounts.

    Examples
    --------
    >>> import pandas as pd
    >>> bins = pd.date_range("2023-09-01", periods=48, freq="1h", tz="Asia/Jakarta")
    >>> rows = [(t, "ktt", 2, 2) for t in bins] + [(t, "macet", 1, 1) for t in bins]
    >>> rows[46] = (bins[-2], "ktt", 40, 31)    # #ktt jumps: 40 posts by 31 accounts
    >>> rows.append((bins[-2], "promo", 35, 1))  # one account, 35 posts
    >>> counts = pd.DataFrame(rows, columns=["time", "key", "count", "accounts"])
    >>> counts.attrs["freq"] = "1h"
    >>> trending(counts, baseline="1D", min_count=1)["key"].tolist()  # one account is no trend
    ['ktt']
    >>> top = trending(counts, baseline="1D", min_count=1, min_accounts=1)
    >>> top[["rank", "key", "count", "accounts", "novel"]]
       rank    key  count  accounts  novel
    0     1    ktt     40        31  False
    1     2  promo     35         1   True
    2     3  macet      1         1  False
    >>> trending(counts, baseline="1D", min_count=1, rank_by="posts")["key"].tolist()
    ['promo', 'ktt', 'macet']
    """
    func = "trending"
    key = key_kind(key, func=func).name
    check_choice(rank_by, _RANK_BY, name="rank_by", func=func)
    window_td = _timedelta(window, name="window")
    baseline_td = _timedelta(baseline, name="baseline")
    min_accounts, prior, season_prior, accel_weight, novelty_bonus = _check_options(
        top, min_count, min_accounts, smooth, rank_by, prior, season_prior, accel_weight, novelty_bonus)
    from .._time import resolve_tz

    tz = resolve_tz(tz, func=func)  # WIB / WITA / WIT or an IANA name

    counts, f, times = _as_counts(data, key=key, freq=freq, tz=tz, window=window_td, at=at,
                                  baseline=baseline_td, smooth=int(smooth))
    from_posts = counts is not data
    key = counts.attrs.get("key", counts.attrs.get("by", key)) if not from_posts else key
    if window_td % f != pd.Timedelta(0):
        raise ValueError(
            f"The 'window' parameter of trending() must be a multiple of the bin size {f}. Got {window!r}."
        )
    if baseline_td < window_td:
        raise ValueError(
            f"The 'baseline' parameter of trending() must be at least the window ({window_td}). Got {baseline!r}."
        )
    if normalize:
        require_columns(counts, ["time", "key", "count", "total"], func=func, hint="trendlib.count(...)")
    if rank_by == "accounts" and "accounts" not in counts.columns:
        why = ("the posts have no author" if from_posts else
               "the counts have no 'accounts' column (build them with trendlib.count(posts))")
        warnings.warn(f"trending(rank_by='accounts'): {why}; ranked by posts instead. Pass "
                      "rank_by='posts' to silence this.", UserWarning, stacklevel=3)
        rank_by = "posts"
        min_accounts = 1
    k = int(window_td // f)

    if len(times) == 0:
        from ._diagnose import empty_table

        return empty_table(_COLUMNS, data, counts, key=key, reason="no_keys")
    # integer grid positions of every row (one pass, no hashing: counts can be huge)
    t_int = times.asi8
    step = int(f // pd.Timedelta(1, unit=times.unit))
    t_min = int(t_int.min())
    grid0 = pd.Timestamp(t_min, unit=times.unit, tz="UTC").tz_convert(tz)
    pos_all = (t_int - t_min) // step
    n_grid = int(pos_all.max()) + 1
    avail_bins = np.bincount(pos_all, minlength=n_grid) > 0
    avail = np.concatenate([[0], np.cumsum(avail_bins)])

    # the window end, as a grid position (exclusive)
    if at is None:
        e0 = n_grid - 1 if n_grid - 1 >= k else n_grid  # the latest complete bin
    else:
        at_ts = pd.Timestamp(at)
        at_ts = at_ts.tz_localize(tz) if at_ts.tzinfo is None else at_ts.tz_convert(tz)
        if at_ts < grid0 or at_ts >= grid0 + n_grid * f:
            raise ValueError(
                f"The 'at' parameter of trending() must fall within the counts, "
                f"[{grid0}, {grid0 + n_grid * f}). Got {at!r}."
            )
        e0 = int((at_ts - grid0) // f) + 1
    if e0 - k < 0:
        raise ValueError(
            f"trending() needs a full window ({window_td}) of counts before 'at'; the counts start "
            f"at {grid0}. Got at={at!r}."
        )
    window_end = grid0 + e0 * f
    window_start = window_end - window_td
    score_col = counts["accounts"] if rank_by == "accounts" else counts["count"]

    # current window and candidate keys
    in_win = np.flatnonzero((pos_all >= e0 - k) & (pos_all < e0))
    win_keys = counts["key"].iloc[in_win].astype(str).to_numpy()
    y_posts = pd.Series(counts["count"].iloc[in_win].to_numpy(dtype=np.float64)).groupby(win_keys).sum()
    ok = y_posts >= min_count
    if "accounts" in counts.columns:
        # posts: account-bins (an upper bound), then the exact check below; counts alone:
        # the largest per-bin number of accounts, a lower bound on the distinct accounts
        # (one account posting across several bins must not pass as several)
        acc_win = pd.Series(counts["accounts"].iloc[in_win].to_numpy(dtype=np.float64)).groupby(win_keys)
        y_acc = acc_win.sum() if from_posts else acc_win.max()
        ok &= y_acc.reindex(y_posts.index).fillna(0) >= min_accounts
    keys = np.array(sorted(y_posts.index[ok.to_numpy()]), dtype=object)
    if from_posts and k > 1 and min_accounts > 1 and "accounts" in counts.columns and len(keys):
        # account-bins over-count an account active in several bins: check the candidates'
        # distinct accounts in the window exactly (one spammer over two bins is one account)
        from ..bursts._accounts import window_accounts

        exact = window_accounts(data, key, keys, grid0 + (e0 - k) * f, grid0 + e0 * f)
        keys = keys[exact >= min_accounts]

    n_base = int(baseline_td // f)
    # bins needed: the baseline, plus slack for smoothing and DST-shifted clock windows
    lo = max(0, e0 - 2 * k - n_base - smooth - 2)
    span = n_grid - lo
    sel = np.flatnonzero((pos_all >= lo) & (pos_all < e0))
    pos_sel = pos_all[sel]
    col = pd.Index(keys).get_indexer(counts["key"].iloc[sel].astype(str).to_numpy()) if len(keys) else None

    def grid(values: pd.Series) -> np.ndarray:
        m = np.zeros((span, len(keys)))
        if col is not None:
            good = col >= 0
            np.add.at(m, (pos_sel[good] - lo, col[good]), values.iloc[sel].to_numpy(dtype=np.float64)[good])
        return m

    mat = grid(score_col)
    tot = np.zeros(span)
    if normalize:
        tot_by_bin = (
            pd.Series(counts["total"].iloc[sel].to_numpy(dtype=np.float64))
            .groupby(pos_sel)
            .first()
        )
        tot[tot_by_bin.index.to_numpy() - lo] = tot_by_bin.to_numpy()
    mat = np.column_stack([mat, tot])  # last column: total volume
    cum = np.vstack([np.zeros((1, mat.shape[1])), np.cumsum(mat, axis=0)])
    av = avail[lo:] - avail[lo]
    e = e0 - lo

    y = cum[e] - cum[e - k]
    cur = _expectation(cum, av, e, k, n_base, window_end, grid0, lo, f, window_td, baseline_td,
                       smooth, season_prior)
    mu, var, s_all, n_all, n_days = cur
    prev = _window_sum(cum, av, e - k, k)
    has_prev = prev is not None
    if prev is None:  # no previous window in the data: no acceleration either
        prev = np.zeros_like(y)
        mu_p, var_p = prev, prev
    else:
        mu_p, var_p, *_ = _expectation(cum, av, e - k, k, n_base, window_end - window_td, grid0,
                                       lo, f, window_td, baseline_td, smooth, season_prior)
    if normalize:  # scale each window's expectation by its volume surprise
        mu, var = mu * ((y[-1] + prior) / (mu[-1] + prior)), var * ((y[-1] + prior) / (mu[-1] + prior))
        fp = (prev[-1] + prior) / (mu_p[-1] + prior)
        mu_p, var_p = mu_p * fp, var_p * fp
    novel = (s_all == 0) & (n_all > 0)

    y, prev, mu, var, novel = y[:-1], prev[:-1], mu[:-1], var[:-1], novel[:-1]
    mu_p, var_p = mu_p[:-1], var_p[:-1]
    z = (y - mu) / np.sqrt(var + prior)
    velocity = (y + prior) / (mu + prior)
    accel = z - (prev - mu_p) / np.sqrt(var_p + prior) if has_prev else np.zeros_like(z)
    # a new key earns the full novelty bonus once `prior` accounts (posts) use it: one
    # account's brand-new tag is new, but it is not evidence of anything yet
    score = z + accel_weight * accel + novelty_bonus * novel * np.minimum(1.0, y / prior)

    out = pd.DataFrame(
        {
            "key": pd.Series(keys, dtype=object).astype(str),
            "count": np.rint(y_posts.reindex(keys).to_numpy(dtype=np.float64)).astype(np.int64)
            if len(keys) else np.zeros(0, np.int64),
            "expected": mu,
            "velocity": velocity,
            "z": z,
            "acceleration": accel,
            "previous": np.rint(prev).astype(np.int64),
            "novel": novel.astype(bool),
            "score": score,
        }
    )
    out = out.sort_values(["score", "count", "key"], ascending=[False, False, True], kind="mergesort")
    if top is not None:
        out = out.head(int(top))
    out.insert(0, "rank", np.arange(1, len(out) + 1, dtype=np.int64))
    out = out.reset_index(drop=True)
    source = add_concentration(out, data if from_posts else None, counts, key, window_start, window_end,
                                (pos_all >= e0 - k) & (pos_all < e0))
    out = out[_COLUMNS]
    out.attrs.update(
        {
            "at": window_end - f,
            "window_start": window_start,
            "window_end": window_end,
            "window": window_td,
            "baseline": baseline_td,
            "freq": f,
            "tz": tz,
            "key": key,
            "by": key,
            "rank_by": rank_by,
            "accounts_from": source,
            "seasonal_days": n_days,
            "baseline_windows": float(n_all),
            "prior": prior,
            "season_prior": season_prior,
            "smooth": int(smooth),
            "accel_weight": accel_weight,
            "novelty_bonus": novelty_bonus,
            "normalize": bool(normalize),
        }
    )
    if out.empty:
        from ._diagnose import explain_empty

        explain_empty(out, data, counts, key=key, freq=f, tz=tz, window=window_td, window_end=window_end,
                      min_count=min_count, min_accounts=min_accounts, at=at)
    return out
