"""detect_bursts: every key of a counts table at once, one burst table (see ``_table``).

Why a front door on top of the detector classes (``_detectors``): most users want "the
bursts of my counts" with one call and a method name; the classes hold each method's
options. ``detect_bursts(counts, method=..., **options)`` builds the class and refuses
options the method does not read, so a misspelt or misplaced option is an error, not a
silent default.
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd

from ._detectors import DETECTORS, make_detector
from ._run import finish_table, online_scorer, pivot_counts, run_detector  # noqa: F401

__all__ = ["detect_bursts", "METHODS", "pivot_counts", "finish_table", "run_detector"]

METHODS = tuple(DETECTORS)
Method = Literal["kleinberg", "zscore", "poisson", "ewma"]


def detect_bursts(
    counts: pd.DataFrame,
    *,
    method: Method = "kleinberg",
    posts: pd.DataFrame | None = None,
    _index: Any = None,
    **options: Any,
) -> pd.DataFrame:
    """Find the bursts of every key of a counts table.

    Parameters
    ----------
    counts : pandas.DataFrame
        A counts table from :func:`trendlib.count` (``time``, ``key``, ``count``;
        ``total`` when ``normalize=True``; ``accounts`` for the account columns).
    method : {"kleinberg", "zscore", "poisson", "ewma"}, default "kleinberg"
        ``"kleinberg"``: the batched automaton (exact Viterbi, nested levels,
        :class:`~trendlib.bursts.Kleinberg`); the others score each bin against a
        baseline of the bins before it (:class:`~trendlib.bursts.ZScore`,
        :class:`~trendlib.bursts.Poisson`, :class:`~trendlib.bursts.EWMA`). A detector
        instance is accepted too.
    posts : pandas.DataFrame, optional
        The posts the counts were made from: the account columns are then exact
        (``attrs["accounts_from"] == "posts"``); without them they come from the counts'
        ``accounts`` column (``"counts"``, bounds: see Notes) or are missing (``None``).
    **options
        The options of the method, and only those (anything else is a ``ValueError``
        naming the method's options). Kleinberg: ``s=2.0``, ``gamma=1.0``,
        ``n_states=2``, ``correct_keys=True``, ``normalize=False``, ``min_count=3``.
        zscore / poisson / ewma: ``window`` (a duration, default 24 bins),
        ``min_score=3.0``, ``min_count=3``, ``min_periods=None``, ``normalize=False``.
        ``threshold=`` (old name of ``min_score``) and an integer ``window`` (bins) warn
        and keep working for one release.

    Returns
    -------
    pandas.DataFrame
        One row per burst, strongest first: ``key``, ``start``, ``end`` (half-open),
        ``peak_time`` (bin with the most posts), ``peak_count``, ``posts`` (in the burst),
        ``accounts``, ``top_account``, ``top_account_share``, ``effective_accounts``
        (``1 / sum(p_i**2)`` over the accounts' shares of the posts), ``score``,
        ``score_unit`` (``"nats"`` for kleinberg, ``"z"`` for zscore and ewma,
        ``"-log10 p"`` for poisson), ``level`` (Kleinberg level; 1 otherwise), ``method``.
        ``attrs``: ``accounts_from``, ``method``, ``score_unit``, ``options``.

    See Also
    --------
    trendlib.count : the counts table.
    trendlib.BurstDetector : the same, fed bin by bin.
    trendlib.explain_burst : what was said during a burst.

    Notes
    -----
    From counts alone, who posted in which bin is unknown: ``accounts`` is the sum of the
    bins' distinct accounts (an upper bound), ``effective_accounts`` an upper bound and
    ``top_account_share`` a lower bound (each bin's posts read as spread evenly over its
    accounts); ``top_account`` is missing. A burst made by one account still shows one
    account per bin. Pass ``posts=`` for exact values (``docs/bursts.md``).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.date_range("2023-09-05", periods=8, freq="1h", tz="Asia/Jakarta")
    >>> c = pd.DataFrame({"time": t, "key": "kttasean",
    ...                   "count": [2, 3, 2, 40, 35, 3, 2, 2], "total": 100,
    ...                   "accounts": [2, 3, 2, 31, 30, 3, 2, 2]})
    >>> b = detect_bursts(c)
    >>> print(b.loc[0, "start"], b.loc[0, "end"], b.loc[0, "peak_count"], b.loc[0, "score_unit"])
    2023-09-05 03:00:00+07:00 2023-09-05 05:00:00+07:00 40 nats
    >>> int(b.loc[0, "posts"]), int(b.loc[0, "accounts"])
    (75, 61)
    >>> detect_bursts(c, method="zscore", s=3)
    Traceback (most recent call last):
    ...
    ValueError: detect_bursts(method='zscore') does not use the option 's'; its options are ['window', 'min_score', 'min_count', 'min_periods', 'normalize'].
    """
    func = "detect_bursts"
    det = make_detector(method, options, func=func)
    return run_detector(det, counts, posts=posts, func=func, _index=_index)
