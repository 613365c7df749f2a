"""Burst detection: Kleinberg (continuous and batched, exact), baselines, streaming.

* :func:`kleinberg`: continuous-time automaton over event timestamps (ties allowed).
* :func:`kleinberg_batched`: the enumerated (binomial or Poisson) automaton over counts
  per bin, exact Viterbi.
* :func:`detect_bursts`: every key of a :func:`trendlib.count` table at once, with
  ``method="kleinberg" | "zscore" | "poisson" | "ewma"``.
* :class:`BurstDetector`: the same, fed bin by bin, emitting start/end events.

Return convention (written once, in :mod:`trendlib.bursts._table`): one tidy DataFrame,
one row per burst, intervals half-open ``[start, end)``, level 0 (baseline) not listed.
"""

from __future__ import annotations

from ._batched import kleinberg_batched
from ._detect import detect_bursts
from ._kleinberg import kleinberg
from ._stream import BurstDetector, BurstEvent

__all__ = ["kleinberg", "kleinberg_batched", "detect_bursts", "BurstDetector", "BurstEvent"]
