"""Burst detection: Kleinberg (continuous and batched, exact), baselines, streaming.

* :func:`detect_bursts`: every key of a :func:`trendlib.count` table at once, with
  ``method="kleinberg" | "zscore" | "poisson" | "ewma"`` and only that method's options.
* :class:`Kleinberg`, :class:`ZScore`, :class:`Poisson`, :class:`EWMA`: one detector per
  method, holding its options (``Kleinberg(gamma=2).detect(counts)``).
* :class:`BurstDetector`: the same, fed bin by bin, emitting start/end events.
* :func:`kleinberg`: continuous-time automaton over event timestamps (ties allowed).
* :func:`kleinberg_batched`: the enumerated (binomial or Poisson) automaton over counts
  per bin, exact Viterbi.

Return convention (written once, in :mod:`trendlib.bursts._table`): one tidy DataFrame,
one row per burst, intervals half-open ``[start, end)``, level 0 (baseline) not listed.

The facade is lazy (``trendlib._lazy``): ``import trendlib.bursts`` imports nothing
heavy; numba is imported (and the compiled kernels loaded from its cache) the first time
a Kleinberg kernel runs.
"""

from __future__ import annotations

from .._lazy import lazy_attributes

_LAZY = {
    "detect_bursts": "._detect",
    "Kleinberg": "._detectors",
    "ZScore": "._detectors",
    "Poisson": "._detectors",
    "EWMA": "._detectors",
    "BurstDetector": "._stream",
    "BurstEvent": "._stream",
    "kleinberg": "._kleinberg",
    "kleinberg_batched": "._batched",
}

__getattr__, __dir__, __all__ = lazy_attributes(__name__, _LAZY)
