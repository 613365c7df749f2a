"""BurstDetector: burst detection for pipelines, fed one time bin at a time.

What holds between the stream and the batch
-------------------------------------------
* ``"zscore"``, ``"poisson"``, ``"ewma"``: each bin is scored only against bins before
  it, so the detector is exactly causal. Its events are final when emitted, and
  :meth:`BurstDetector.result` equals ``detect_bursts(counts, method=...)`` on the same
  bins (a key first seen mid-stream has, as in the zero-filled counts table, zeros
  before).
* ``"kleinberg"``: the optimal state sequence depends on the whole series (the baseline
  share is the mean over all bins and the Viterbi path is decided backwards), so no
  online detector can equal it. Events are emitted by an online Viterbi *filter*: the
  best state of the path ending at the current bin, with the baseline estimated from
  the bins seen so far; they are provisional. :meth:`result` re-solves the whole history
  exactly and equals ``detect_bursts(counts, method="kleinberg")`` (it keeps every
  count, so memory grows with the stream).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._accounts import empty_concentration
from ._batched import P_MAX
from ._detect import detect_bursts
from ._run import finish_table, online_scorer
from ._detectors import make_detector
from ._viterbi import emissions, viterbi_step

__all__ = ["BurstDetector", "BurstEvent"]


@dataclass(frozen=True)
class BurstEvent:
    """A burst opening (``kind="start"``) or closing (``kind="end"``) for one key."""

    kind: str
    key: str
    time: pd.Timestamp
    count: int
    score: float


class BurstDetector:
    """Detect bursts bin by bin, emitting start and end events.

    Parameters
    ----------
    method : {"kleinberg", "zscore", "poisson", "ewma"} or a detector, default "kleinberg"
        The same default and the same detectors as :func:`trendlib.detect_bursts`; the
        online methods are exact, kleinberg events are provisional (module notes).
    freq : str or Timedelta, optional
        Bin width: ends a burst still open at the last bin and turns a duration
        ``window`` into bins; default the smallest step between the bins seen (a
        duration ``window`` then needs ``freq``).
    **options
        The method's options, as in :func:`trendlib.detect_bursts` (others are refused).

    Attributes
    ----------
    detector_ : Kleinberg, ZScore, Poisson or EWMA
        The detector built from ``method`` and the options.
    keys_ : list of str
        Keys seen so far, in order of first appearance.
    n_bins_ : int
        Bins fed so far.
    events_ : list of BurstEvent
        Every event emitted so far.

    See Also
    --------
    trendlib.detect_bursts : the batch detector this stream equals (online methods).

    Examples
    --------
    >>> det = BurstDetector("poisson", window="6h", min_periods=3, freq="1h")
    >>> t0 = pd.Timestamp("2023-09-05 08:00", tz="Asia/Jakarta")
    >>> for i, n in enumerate([2, 1, 2, 2, 1, 2, 25, 30, 2, 1]):
    ...     for ev in det.update(t0 + pd.Timedelta(hours=i), {"kttasean": n}):
    ...         print(ev.kind, ev.key, ev.time.strftime("%H:%M"))
    start kttasean 14:00
    end kttasean 16:00
    >>> det.result()[["key", "peak_count", "score_unit", "method"]]
            key  peak_count score_unit   method
    0  kttasean          30   -log10 p  poisson
    """

    def __init__(self, method: Any = "kleinberg", *, freq: Any = None, **options: Any) -> None:
        self.method = method
        self.freq = freq
        self.options = dict(options)

    # -- state ---------------------------------------------------------------------
    def _init(self) -> None:
        func = "BurstDetector"
        det = self.detector_ = make_detector(self.method, self.options, func=func)
        self._kleinberg = det.name == "kleinberg"
        self._normalize = det.normalize
        if self._kleinberg:
            self._s, self._gamma, self._k = det.s, det.gamma, det.n_states
            self._correct_keys = det.correct_keys
        else:
            self._scorer = online_scorer(det, None if self.freq is None else pd.Timedelta(self.freq), func)
        self.keys_: list[str] = []
        self._index: dict[str, int] = {}
        self.n_bins_ = 0
        self.events_: list[BurstEvent] = []
        self._times: list[pd.Timestamp] = []
        self._rows: list[np.ndarray] = []  # counts per bin (kleinberg result only)
        self._totals: list[float] = []
        self._open = np.zeros(0, bool)
        self._start = np.zeros(0, np.int64)
        self._peak = np.zeros(0, np.int64)
        self._peak_count = np.zeros(0)
        self._best = np.zeros(0)
        self._posts = np.zeros(0)
        self._acc = np.zeros(0)  # per open burst: account-bins, sum of c^2/a, max c/a
        self._q = np.zeros(0)
        self._m = np.zeros(0)
        self._has_acc = False
        self._acc_rows: list[np.ndarray] = []
        self._closed: list[dict] = []
        self._C = np.zeros((0, 0))
        self._R = np.zeros(0)
        self._D = np.zeros(0)

    def _grow(self, n_new: int) -> None:
        if not self._kleinberg:
            self._scorer.add_keys(n_new)
        else:
            C = np.full((self._k, n_new), np.inf)
            C[0] = 0.0
            self._C = np.hstack([self._C.reshape(self._k, -1), C])
            self._R = np.concatenate([self._R, np.zeros(n_new)])
            self._D = np.concatenate([self._D, np.zeros(n_new)])
        self._open = np.concatenate([self._open, np.zeros(n_new, bool)])
        self._start = np.concatenate([self._start, np.zeros(n_new, np.int64)])
        self._peak = np.concatenate([self._peak, np.zeros(n_new, np.int64)])
        self._peak_count = np.concatenate([self._peak_count, np.zeros(n_new)])
        self._best = np.concatenate([self._best, np.zeros(n_new)])
        self._posts = np.concatenate([self._posts, np.zeros(n_new)])
        self._acc = np.concatenate([self._acc, np.zeros(n_new)])
        self._q = np.concatenate([self._q, np.zeros(n_new)])
        self._m = np.concatenate([self._m, np.zeros(n_new)])

    # -- public --------------------------------------------------------------------
    def update(self, time: Any, counts: Any, total: float | None = None,
               accounts: Any = None) -> list[BurstEvent]:
        """Feed one bin: its start ``time``, ``{key: count}`` and the bin's ``total`` posts.

        Keys missing from ``counts`` count 0. ``total`` is required with
        ``normalize=True`` (and for ``"kleinberg"`` with it). ``accounts``
        (``{key: distinct accounts in the bin}``, as the ``accounts`` column of
        :func:`trendlib.count`) fills the account columns of :meth:`result` as
        ``detect_bursts`` does from counts. Returns the events this bin caused (also
        appended to ``events_``).
        """
        if not hasattr(self, "events_"):
            self._init()
        ts = pd.Timestamp(time)
        if self._times and not ts > self._times[-1]:
            raise ValueError(
                f"BurstDetector.update() needs increasing bin times; got {ts} after {self._times[-1]}."
            )
        if self._normalize and total is None:
            raise ValueError("BurstDetector.update() needs total= (posts in the bin) when normalize=True.")
        items = dict(counts.items()) if hasattr(counts, "items") else dict(counts)
        new = [k for k in items if k not in self._index]
        for k in new:
            self._index[k] = len(self.keys_)
            self.keys_.append(str(k))
        self._grow(len(new))
        x = np.zeros(len(self.keys_))
        for k, v in items.items():
            if v < 0:
                raise ValueError(f"BurstDetector.update(): count of {k!r} must be >= 0. Got {v!r}.")
            x[self._index[k]] = v
        if self._normalize and (x > total).any():
            raise ValueError("BurstDetector.update(): a count exceeds total.")
        acc = np.zeros(len(self.keys_))
        if accounts is not None:
            self._has_acc = True
            for k, v in (accounts.items() if hasattr(accounts, "items") else dict(accounts).items()):
                if k not in self._index:
                    raise ValueError(f"BurstDetector.update(): accounts for {k!r}, which has no count in this bin.")
                acc[self._index[k]] = v
        t_idx = self.n_bins_
        self._times.append(ts)
        self._totals.append(np.nan if total is None else float(total))
        if self._kleinberg:
            self._rows.append(x.copy())
            self._acc_rows.append(acc)
            score, hot = self._kleinberg_step(x, total)
        else:
            score, hot = self._scorer.step(x, total)
        self.n_bins_ += 1
        return self._events(t_idx, ts, x, score, hot, acc)

    def _kleinberg_step(self, x, total):
        m, k = len(x), self._k
        d = np.full(m, float(total)) if self._normalize else None
        powers = np.power(self._s, np.arange(k, dtype=np.float64))
        with np.errstate(divide="ignore", invalid="ignore"):
            if d is not None:
                p0 = np.where(self._D > 0, self._R / np.where(self._D > 0, self._D, 1), 0.0)
                rates = np.minimum(p0[:, None] * powers, P_MAX)
                rates[:, 0] = p0
                A, B, a, b = -np.log(rates), -np.log1p(-rates), x, d - x
            else:
                lam0 = self._R / max(self.n_bins_, 1)
                rates = lam0[:, None] * powers
                A, B, a, b = -np.log(rates), rates, x, np.ones(m)
        A = np.where(np.isfinite(A), A, 0.0)
        B = np.where(np.isfinite(B), B, 0.0)
        n_tests = (self.n_bins_ + 1) * (m if self._correct_keys else 1)
        g = self._gamma * math.log(max(n_tests, 2))
        emit = emissions(a, b, A.T, B.T)
        known = rates[:, 0] > 0
        emit[:, ~known] = 0.0
        self._C, _ = viterbi_step(self._C, emit, g)
        self._C -= self._C.min(axis=0)  # keep the numbers small; decisions unchanged
        self._R += x
        if d is not None:
            self._D += d
        state = np.argmin(self._C, axis=0)
        hot = (state >= 1) & known
        return state.astype(float), hot

    def _events(self, t_idx, ts, x, score, hot, acc) -> list[BurstEvent]:
        events = []
        opening = hot & ~self._open
        closing = self._open & ~hot
        for i in np.flatnonzero(closing):
            self._close(i, t_idx)
            events.append(BurstEvent("end", self.keys_[i], ts, int(x[i]), float(self._best[i])))
        self._start[opening] = t_idx
        self._peak[opening] = t_idx
        self._peak_count[opening] = x[opening]
        self._best[opening] = score[opening]
        self._posts[opening] = x[opening]
        ok = (x > 0) & (acc > 0)
        per = np.where(ok, x / np.where(ok, acc, 1), 0.0)  # posts per account in this bin
        for arr, val in ((self._acc, np.where(ok, acc, 0.0)), (self._q, per * x), (self._m, per)):
            arr[opening] = val[opening]
        cont = hot & self._open
        self._posts[cont] += x[cont]
        self._acc[cont] += np.where(ok, acc, 0.0)[cont]
        self._q[cont] += (per * x)[cont]
        self._m[cont] = np.maximum(self._m[cont], per[cont])
        higher = cont & (x > self._peak_count)
        self._peak[higher] = t_idx
        self._peak_count[higher] = x[higher]
        self._best[cont] = np.maximum(self._best[cont], score[cont])
        self._open = hot.copy()
        for i in np.flatnonzero(opening):
            events.append(BurstEvent("start", self.keys_[i], ts, int(x[i]), float(score[i])))
        self.events_.extend(events)
        return events

    def _close(self, i: int, end_idx: int) -> None:
        self._closed.append(
            {"key": self.keys_[i], "start": self._start[i], "end": end_idx, "peak": self._peak[i],
             "peak_count": self._peak_count[i], "score": self._best[i], "posts": self._posts[i],
             "acc": self._acc[i], "q": self._q[i], "m": self._m[i]}
        )

    def _step(self):
        if self.freq is not None:
            return pd.Timedelta(self.freq)
        if len(self._times) >= 2:
            return pd.Series(self._times).diff().min()
        return pd.Timedelta(0)

    def result(self) -> pd.DataFrame:
        """All bursts so far as a :func:`detect_bursts` table (open ones end after the last bin)."""
        if not hasattr(self, "events_") or self.n_bins_ == 0:
            from ._table import empty_detect

            return empty_detect()
        if self._kleinberg:
            return detect_bursts(self._counts_table(), method=self.detector_)
        times = pd.DatetimeIndex(self._times) if isinstance(self._times[0], pd.Timestamp) else self._times
        edges = times.append(pd.DatetimeIndex([times[-1] + self._step()]))
        rows = list(self._closed)
        for i in np.flatnonzero(self._open):
            rows.append({"key": self.keys_[i], "start": self._start[i], "end": self.n_bins_,
                         "peak": self._peak[i], "peak_count": self._peak_count[i], "score": self._best[i],
                         "posts": self._posts[i], "acc": self._acc[i], "q": self._q[i], "m": self._m[i]})
        if not rows:
            from ._table import empty_detect

            return empty_detect()
        df = pd.DataFrame(rows)
        df = pd.DataFrame({
            "key": df["key"].astype(object),
            "start": edges[df["start"].to_numpy()],
            "end": edges[df["end"].to_numpy()],
            "peak_time": edges[df["peak"].to_numpy()],
            "peak_count": df["peak_count"].to_numpy(),
            **self._concentration(df),
            "score": df["score"].to_numpy(dtype=float),
            "score_unit": self.detector_.score_unit,
            "level": 1,
            "method": self.detector_.name,
        })
        out = finish_table(df)
        out.attrs.update(accounts_from="counts" if self._has_acc else None, method=self.detector_.name, score_unit=self.detector_.score_unit,
                         options={f: getattr(self.detector_, f) for f in self.detector_.options()})
        return out

    def _concentration(self, df: pd.DataFrame) -> dict:
        """Account columns of the bursts from the fed per-bin accounts (as ``from_counts``)."""
        conc = empty_concentration(len(df), df["posts"].to_numpy())
        if not self._has_acc:
            return conc
        posts, q = df["posts"].to_numpy(dtype=float), df["q"].to_numpy(dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            conc["accounts"] = pd.array(df["acc"].to_numpy().astype(np.int64), dtype="Int64")
            conc["effective_accounts"] = np.where(q > 0, posts ** 2 / np.where(q > 0, q, 1), np.nan)
            conc["top_account_share"] = np.where(q > 0, df["m"].to_numpy(dtype=float) / posts, np.nan)
        return conc

    def _counts_table(self) -> pd.DataFrame:
        m = len(self.keys_)
        mat = np.zeros((m, self.n_bins_))
        for t, row in enumerate(self._rows):
            mat[: len(row), t] = row
        df = pd.DataFrame({
            "time": pd.DatetimeIndex(self._times)[np.tile(np.arange(self.n_bins_), m)],
            "key": np.repeat(np.asarray(self.keys_, dtype=object), self.n_bins_),
            "count": mat.ravel().astype(np.int64),
            "total": np.tile(np.nan_to_num(np.asarray(self._totals)), m).astype(np.int64),
        })
        if self._has_acc:
            amat = np.zeros((m, self.n_bins_))
            for t, row in enumerate(self._acc_rows):
                amat[: len(row), t] = row
            df["accounts"] = amat.ravel().astype(np.int64)
        df.attrs["freq"] = self._step()
        return df
