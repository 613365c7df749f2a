"""Online baseline detectors: z-score, Poisson and EWMA, one bin at a time (internal).

One :class:`OnlineScorer` holds the state of every key (rows of NumPy arrays) and is fed
one bin at a time. Both the batch :func:`detect_bursts` and the streaming
:class:`BurstDetector` drive this same object, so their results are equal by design
(and tested to be).

For each bin a key gets a score against a baseline built from the bins *before* it
(``window`` here is a number of bins: the public duration divided by the bin width, see
:func:`trendlib.bursts._detectors.window_bins`):

* ``"zscore"``: ``(x - mean) / max(std, unit)`` over the last ``window`` bins;
* ``"ewma"``: the same with an exponentially weighted mean and variance
  (``alpha = 2 / (window + 1)``);
* ``"poisson"``: ``-log10 P(X >= count)`` for ``X ~ Poisson(lam)``, ``lam`` the mean count
  of the last ``window`` bins, at least ``1 / window`` (a key never seen before has not
  got a zero rate, just a small one).

``x`` is the count, or with ``normalize=True`` the share ``count / total`` (bins with
``total == 0`` then carry no information: they are skipped, neither scored nor added to
the baseline); ``unit`` is one post (1, or ``1 / total`` for shares), so a flat history
does not make every single post infinitely surprising. A bin is *hot* when
``score >= min_score`` and ``count >= min_count`` after at least ``min_periods`` bins of
history; a burst is a run of hot bins.
"""

from __future__ import annotations

import numpy as np
from scipy import special

__all__ = ["OnlineScorer", "ONLINE_METHODS"]

ONLINE_METHODS = ("zscore", "poisson", "ewma")


def _log_tail(x: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """``log P(X >= x)`` for ``X ~ Poisson(lam)``, finite even far in the tail.

    Where ``scipy.stats.poisson.logsf`` underflows to ``-inf`` (x far above lam), the
    tail is bounded by ``P(X = x) / (1 - lam / (x + 1))``; its log is used instead.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        # P(X >= x) = P(X > x - 1); x <= 0 -> probability 1
        out = np.where(x > 0, np.log(special.pdtrc(np.maximum(x - 1.0, 0.0), lam)), 0.0)
        bad = ~np.isfinite(out)
        if bad.any():
            xb, lb = x[bad], lam[bad]
            logpmf = special.xlogy(xb, lb) - lb - special.gammaln(xb + 1.0)
            out[bad] = logpmf - np.log1p(-lb / (xb + 1.0))
    return out


class OnlineScorer:
    """Per-key baseline state, advanced one bin at a time (vectorised over keys)."""

    def __init__(self, method: str, window: int, min_score: float, min_count: int,
                 min_periods: int, normalize: bool) -> None:
        self.method = method
        self.window = int(window)
        self.min_score = float(min_score)
        self.min_count = int(min_count)
        self.min_periods = int(min_periods)
        self.normalize = bool(normalize)
        self.alpha = 2.0 / (self.window + 1.0)
        self.n_keys = 0
        self.n_seen = 0  # bins added to the baseline so far (same for every key)
        self.buf = np.zeros((0, self.window))
        self.mean = np.zeros(0)
        self.var = np.zeros(0)

    def add_keys(self, n_new: int) -> None:
        """Add keys whose history so far is all zeros (as in a zero-filled counts table)."""
        if n_new <= 0:
            return
        self.n_keys += n_new
        self.buf = np.vstack([self.buf, np.zeros((n_new, self.window))])
        self.mean = np.concatenate([self.mean, np.zeros(n_new)])
        self.var = np.concatenate([self.var, np.zeros(n_new)])

    def step(self, counts: np.ndarray, total: float | None) -> tuple[np.ndarray, np.ndarray]:
        """Score one bin (``counts`` for every key, in key order); return (score, hot)."""
        counts = np.asarray(counts, dtype=np.float64)
        m = self.n_keys
        if self.normalize:
            if total is None or not total > 0:
                return np.zeros(m), np.zeros(m, bool)
            x = counts / total
            unit = 1.0 / total
        else:
            x = counts
            unit = 1.0
        h = min(self.n_seen, self.window)
        if self.method == "ewma":
            mu, sd = self.mean, np.sqrt(self.var)
        elif h > 0:
            hist = self.buf[:, :h]
            mu = hist.mean(axis=1)
            sd = hist.std(axis=1)
        else:
            mu, sd = np.zeros(m), np.zeros(m)
        if self.method == "poisson":
            lam = np.maximum(mu * (total if self.normalize else 1.0), 1.0 / self.window)
            score = -_log_tail(counts, lam) / np.log(10.0)
        else:
            score = (x - mu) / np.maximum(sd, unit)
        ready = self.n_seen >= self.min_periods
        hot = (score >= self.min_score) & (counts >= self.min_count) & ready
        self._add(x)
        return score, hot

    def _add(self, x: np.ndarray) -> None:
        if self.method == "ewma":
            if self.n_seen == 0:
                self.mean = x.copy()
                self.var = np.zeros_like(x)
            else:
                diff = x - self.mean
                incr = self.alpha * diff
                self.mean = self.mean + incr
                self.var = (1.0 - self.alpha) * (self.var + diff * incr)
        else:
            pos = min(self.n_seen, self.window - 1)
            if self.n_seen >= self.window:
                self.buf[:, :-1] = self.buf[:, 1:]
            self.buf[:, pos] = x
        self.n_seen += 1
