"""Trends: the trending list at a moment, and what was said during a burst.

* ``trending(posts_or_counts, *, at=None, window="1h", baseline="7D", ...)``: keys ranked
  by velocity and acceleration against an hour-of-day baseline, with a novelty bonus.
* ``explain_burst(posts, burst, ...)``: distinctive terms (log-odds with an informative
  Dirichlet prior), collocations, top accounts and sample posts of a burst against the
  time before it.
* ``log_odds(a, b, *, prior=None)``: log-odds ratios with z-scores of term counts in two
  corpora (Monroe, Colaresi & Quinn 2008).

The formulas are written down in ``docs/trends.md``.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "trending": "._trending",
    "explain_burst": "._explain",
    "BurstExplanation": "._explain",
    "log_odds": "._logodds",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'trendlib.trends' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
