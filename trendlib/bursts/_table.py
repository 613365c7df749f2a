"""The burst tables: one return convention for every detector (internal).

Every detector in :mod:`trendlib.bursts` returns one tidy :class:`pandas.DataFrame`,
one row per burst, with **half-open** intervals ``[start, end)``:

* batched detectors (counts per bin): ``start`` is the start of the first bin in the
  burst and ``end`` the start of the first bin after it (the end of the last bin);
* continuous Kleinberg (event times): ``start`` is the time of the event that opens the
  first short gap, ``end`` the time of the event that closes the last short gap, so the
  events of the burst are those in ``[start, end)`` plus the closing event at ``end``.

``level`` counts burst states: level 0 is the baseline and is never listed; Kleinberg's
hierarchy nests, a level-2 interval always lies inside a level-1 interval of the same key.

Kleinberg tables (:func:`kleinberg`, :func:`kleinberg_batched`) have ``key``, ``level``,
``start``, ``end``, ``weight``, ``baseline_rate``, ``burst_rate``, ``s``, ``gamma``.
:func:`detect_bursts` and :class:`BurstDetector` tables have ``key``, ``start``, ``end``,
``peak_time``, ``peak_count``, the account concentration of the burst (``posts``,
``accounts``, ``top_account``, ``top_account_share``, ``effective_accounts``; see
:mod:`trendlib.bursts._accounts`), ``score`` with its unit in ``score_unit``, ``level`` and
``method``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["KLEINBERG_COLUMNS", "DETECT_COLUMNS", "CONCENTRATION_COLUMNS", "runs", "run_sums", "empty_kleinberg", "empty_detect"]

KLEINBERG_COLUMNS = ["key", "level", "start", "end", "weight", "baseline_rate", "burst_rate", "s", "gamma"]
CONCENTRATION_COLUMNS = ["posts", "accounts", "top_account", "top_account_share", "effective_accounts"]
DETECT_COLUMNS = ["key", "start", "end", "peak_time", "peak_count", *CONCENTRATION_COLUMNS,
                  "score", "score_unit", "level", "method"]


def runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Maximal runs of True in each row of a 2-D mask: (row, start, end exclusive)."""
    mask = np.asarray(mask, dtype=bool)
    if mask.ndim == 1:
        mask = mask[None, :]
    m, n = mask.shape
    padded = np.zeros((m, n + 2), np.int8)
    padded[:, 1:-1] = mask
    d = np.diff(padded, axis=1)
    rs, cs = np.nonzero(d == 1)
    re_, ce = np.nonzero(d == -1)
    # np.nonzero is row-major, so the i-th start pairs with the i-th end
    return rs, cs, ce


def run_sums(values: np.ndarray, rows: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Sum of ``values[row, start:end]`` for every run (prefix sums, no Python loop)."""
    values = np.asarray(values, dtype=np.float64)
    if values.ndim == 1:
        values = values[None, :]
    cs = np.zeros((values.shape[0], values.shape[1] + 1))
    np.cumsum(values, axis=1, out=cs[:, 1:])
    return cs[rows, end] - cs[rows, start]


def empty_kleinberg(time_like: bool = True) -> pd.DataFrame:
    dt = "datetime64[ns, UTC]" if time_like else "float64"
    return pd.DataFrame(
        {
            "key": pd.Series([], dtype=object),
            "level": pd.Series([], dtype=np.int64),
            "start": pd.Series([], dtype=dt),
            "end": pd.Series([], dtype=dt),
            "weight": pd.Series([], dtype=np.float64),
            "baseline_rate": pd.Series([], dtype=np.float64),
            "burst_rate": pd.Series([], dtype=np.float64),
            "s": pd.Series([], dtype=np.float64),
            "gamma": pd.Series([], dtype=np.float64),
        }
    )


def empty_detect() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "key": pd.Series([], dtype=object),
            "start": pd.Series([], dtype="datetime64[ns, UTC]"),
            "end": pd.Series([], dtype="datetime64[ns, UTC]"),
            "peak_time": pd.Series([], dtype="datetime64[ns, UTC]"),
            "peak_count": pd.Series([], dtype=np.int64),
            "posts": pd.Series([], dtype=np.int64),
            "accounts": pd.Series([], dtype="Int64"),
            "top_account": pd.Series([], dtype=object),
            "top_account_share": pd.Series([], dtype=np.float64),
            "effective_accounts": pd.Series([], dtype=np.float64),
            "score": pd.Series([], dtype=np.float64),
            "score_unit": pd.Series([], dtype=object),
            "level": pd.Series([], dtype=np.int64),
            "method": pd.Series([], dtype=object),
        }
    )
