"""One small detector class per burst method, each with its own options (as ruptures does).

Why: a single ``detect_bursts(counts, s=, gamma=, window=, threshold=, ...)`` took the
union of every method's options and silently ignored those of the other methods, and
its ``score`` changed meaning with the method. Here each method is a frozen dataclass
whose fields are exactly the options it reads, validated when it is built, with the unit
of its ``score`` written down (``score_unit``, also a column of the table):

============  =========================================================  ==============
class         options                                                    score unit
============  =========================================================  ==============
Kleinberg     ``s``, ``gamma``, ``n_states``, ``correct_keys``,          ``"nats"``
              ``normalize``, ``min_count``
ZScore        ``window``, ``min_score``, ``min_count``, ``min_periods``,  ``"z"``
              ``normalize``
EWMA          (same as ZScore)                                           ``"z"``
Poisson       (same as ZScore)                                           ``"-log10 p"``
============  =========================================================  ==============

None of them is fitted: ``detect(counts)`` is a pure function of the counts and the
options, so there is no ``fit``. :func:`trendlib.detect_bursts` is the front door that
builds one of these from ``method=`` and keyword options, and refuses an option the
method does not read. ``window`` is a duration (``"24h"``); a bare number of bins still
works for one release with a ``FutureWarning``.
"""

from __future__ import annotations

import dataclasses
import warnings
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from .._validation import check_int, check_positive
from ._run import DEFAULT_WINDOW_BINS, run_detector, window_bins  # noqa: F401

__all__ = ["Kleinberg", "ZScore", "Poisson", "EWMA", "DETECTORS", "make_detector", "window_bins"]

def _check_min_count(value: Any, func: str) -> int:
    return check_int(value, name="min_count", func=func, minimum=0)


def _check_window(value: Any, func: str) -> Any:
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"The 'window' parameter of {func}() must be a duration such as '24h'. Got {value!r}.")
    if isinstance(value, (int, np.integer)):
        warnings.warn(
            f"{func}(window={value}) as a number of bins is deprecated since trendlib 0.2 and will be "
            f"removed in 0.3; pass a duration such as window='{int(value)}h' (for hourly bins).",
            FutureWarning,
            stacklevel=4,
        )
        if value < 2:
            raise ValueError(f"The 'window' parameter of {func}() must cover at least 2 bins. Got {value!r}.")
        return int(value)
    from .._time import parse_duration

    return parse_duration(value, func=func, name="window")


class _Detector:
    """Shared behaviour: option names, validation hook, ``detect``."""

    name: ClassVar[str] = ""
    score_unit: ClassVar[str] = ""

    @classmethod
    def options(cls) -> list[str]:
        """The option names this method reads."""
        return [f.name for f in dataclasses.fields(cls)]

    def _set(self, **values: Any) -> None:
        for k, v in values.items():
            object.__setattr__(self, k, v)

    def detect(self, counts: pd.DataFrame, *, posts: pd.DataFrame | None = None) -> pd.DataFrame:
        """Bursts of every key of ``counts`` (a :func:`trendlib.count` table).

        ``posts`` (the posts the counts came from) makes the account columns exact; see
        :func:`trendlib.detect_bursts` for the table.
        """
        return run_detector(self, counts, posts=posts, func=f"{type(self).__name__}.detect")


@dataclass(frozen=True)
class Kleinberg(_Detector):
    """Kleinberg's batched automaton over counts per bin (exact Viterbi, nested levels).

    Parameters
    ----------
    s : float, default 2.0
        Ratio between the rates of consecutive states (> 1).
    gamma : float, default 1.0
        Cost of going up one state, in units of ``ln(n bins)``.
    n_states : int, default 2
        States including the baseline (>= 2); levels 1 .. n_states - 1 are reported.
    correct_keys : bool, default True
        Scanning ``m`` keys gives ``m`` times the chances of a chance burst, so going up
        costs ``gamma * ln(n_bins * m)`` (a Bonferroni-style correction). ``False``:
        each key exactly as :func:`trendlib.bursts.kleinberg_batched`.
    normalize : bool, default False
        The binomial model on ``count`` out of ``total`` (bursts of share) instead of
        the Poisson model on counts.
    min_count : int, default 3
        A burst needs a bin with at least this many posts.

    Notes
    -----
    ``score`` is the burst weight in nats: the negative log-likelihood the level saves
    over the level below across the interval (Kleinberg 2002).

    Examples
    --------
    >>> Kleinberg(gamma=2.0).options()
    ['s', 'gamma', 'n_states', 'correct_keys', 'normalize', 'min_count']
    """

    s: float = 2.0
    gamma: float = 1.0
    n_states: int = 2
    correct_keys: bool = True
    normalize: bool = False
    min_count: int = 3
    name: ClassVar[str] = "kleinberg"
    score_unit: ClassVar[str] = "nats"

    def __post_init__(self) -> None:
        from ._batched import _check_common

        func = "Kleinberg"
        s, gamma, k = _check_common(self.s, self.gamma, self.n_states, func)
        self._set(s=s, gamma=gamma, n_states=k, correct_keys=bool(self.correct_keys),
                  normalize=bool(self.normalize), min_count=_check_min_count(self.min_count, func))


@dataclass(frozen=True)
class _Baseline(_Detector):
    window: Any = None
    min_score: float = 3.0
    min_count: int = 3
    min_periods: int | None = None
    normalize: bool = False

    def __post_init__(self) -> None:
        func = type(self).__name__
        mp = self.min_periods
        if mp is not None:
            mp = check_int(mp, name="min_periods", func=func, minimum=0)
        self._set(window=_check_window(self.window, func),
                  min_score=check_positive(self.min_score, name="min_score", func=func),
                  min_count=_check_min_count(self.min_count, func), min_periods=mp,
                  normalize=bool(self.normalize))


_BASELINE_DOC = """{title}

    Each bin is scored against a baseline built only from the bins before it, so the
    same options give the same result in :class:`trendlib.BurstDetector` (streaming).

    Parameters
    ----------
    window : str or pandas.Timedelta, optional
        History the baseline is built from, a duration (``"24h"``, ``"7D"``): a whole
        number (>= 2) of the counts' bins. Default: 24 bins (one day of hourly bins).
        A bare number of bins is deprecated (``FutureWarning``).
    min_score : float, default 3.0
        Score a bin needs to be hot, in ``{unit}``.
    min_count : int, default 3
        Posts a bin needs to be hot.
    min_periods : int, optional
        Bins of history before a key may be flagged (default half the window).
    normalize : bool, default False
        Score the key's share ``count / total`` instead of its count.

    Notes
    -----
    {formula}

    Examples
    --------
    >>> {cls}(window="12h").options()
    ['window', 'min_score', 'min_count', 'min_periods', 'normalize']
    """


@dataclass(frozen=True)
class ZScore(_Baseline):
    name: ClassVar[str] = "zscore"
    score_unit: ClassVar[str] = "z"


@dataclass(frozen=True)
class EWMA(_Baseline):
    name: ClassVar[str] = "ewma"
    score_unit: ClassVar[str] = "z"


@dataclass(frozen=True)
class Poisson(_Baseline):
    name: ClassVar[str] = "poisson"
    score_unit: ClassVar[str] = "-log10 p"


ZScore.__doc__ = _BASELINE_DOC.format(
    title="Rolling z-score: how many standard deviations a bin is above the last ``window``.",
    unit="z (standard deviations)", cls="ZScore",
    formula="``score = (x - mean) / max(std, one post)`` over the last ``window`` bins.",
)
EWMA.__doc__ = _BASELINE_DOC.format(
    title="Exponentially weighted z-score (``alpha = 2 / (window bins + 1)``).",
    unit="z (standard deviations)", cls="EWMA",
    formula="``score = (x - ewm mean) / max(ewm std, one post)``; the weights decay, so the "
    "baseline follows slow drifts.",
)
Poisson.__doc__ = _BASELINE_DOC.format(
    title="Poisson tail: how improbable a bin's count is given the mean of the last ``window``.",
    unit="-log10 p", cls="Poisson",
    formula="``score = -log10 P(X >= count)``, ``X ~ Poisson(lam)``, ``lam`` the mean count of "
    "the last ``window`` bins (at least ``1 / window``); 3.0 is p = 0.001.",
)

DETECTORS: dict[str, type[_Detector]] = {c.name: c for c in (Kleinberg, ZScore, Poisson, EWMA)}


def make_detector(method: Any, options: dict[str, Any], *, func: str) -> _Detector:
    """The detector of ``method`` built from ``options``; unknown options are refused."""
    if isinstance(method, _Detector):
        if options:
            raise ValueError(
                f"{func}() got a {type(method).__name__} detector and options {sorted(options)}; "
                "set the options on the detector."
            )
        return method
    if method not in DETECTORS:
        raise ValueError(f"The 'method' parameter of {func}() must be one of {list(DETECTORS)}. Got {method!r}.")
    cls = DETECTORS[method]
    if "threshold" in options and "min_score" in cls.options():
        if "min_score" in options:
            raise TypeError(f"{func}() got both 'threshold' (deprecated) and 'min_score'; pass only 'min_score'.")
        warnings.warn(
            f"{func}(threshold=...) is deprecated since trendlib 0.2 and will be removed in 0.3; "
            f"use {func}(min_score=...).",
            FutureWarning,
            stacklevel=3,
        )
        options = dict(options)
        options["min_score"] = options.pop("threshold")
    unknown = [k for k in options if k not in cls.options()]
    if unknown:
        raise ValueError(
            f"{func}(method={method!r}) does not use the option{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(repr(k) for k in unknown)}; its options are {cls.options()}."
        )
    return cls(**options)
