"""Trends: the trending list at a moment, and what was said during a burst.

* ``trending(posts_or_counts, *, at=None, window="1h", baseline="7D", key="hashtag",
  rank_by="accounts", ...)``: keys ranked by velocity and acceleration of the accounts
  using them against an hour-of-day baseline, with a novelty bonus; every row says how
  concentrated its accounts are, and an empty list always says why.
* ``explain_burst(posts, burst, ...)``: distinctive terms (log-odds with an informative
  Dirichlet prior), collocations, top accounts and sample posts of a burst against the
  time before it.
* ``log_odds(a, b, *, prior=None)``: log-odds ratios with z-scores of term counts in two
  corpora (Monroe, Colaresi & Quinn 2008).

The formulas are written down in ``docs/trends.md``.
"""

from __future__ import annotations

from .._lazy import lazy_attributes

_LAZY = {
    "trending": "._trending",
    "explain_burst": "._explain",
    "BurstExplanation": "._explain",
    "log_odds": "._logodds",
}

__getattr__, __dir__, __all__ = lazy_attributes(__name__, _LAZY)
