"""Kleinberg (continuous and batched): exact Viterbi against a plain reference, pybursts."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.special import xlog1py, xlogy

from trendlib.bursts import kleinberg, kleinberg_batched
from trendlib.bursts._batched import batched_states
from trendlib.bursts._jit import HAVE_NUMBA
from trendlib.bursts._viterbi import _viterbi_kernel, _viterbi_many_numpy, viterbi


def ref_viterbi(cost: np.ndarray, g: float) -> np.ndarray:
    """Plain O(n*k^2) Viterbi: start in state 0, up costs (j-i)*g, down free, ties -> lowest."""
    n, k = cost.shape
    C = np.full(k, np.inf)
    C[0] = 0.0
    back = np.zeros((n, k), int)
    for t in range(n):
        Cn = np.empty(k)
        for j in range(k):
            vals = [C[i] + ((j - i) * g if j > i else 0.0) for i in range(k)]
            i = int(np.argmin(vals))
            back[t, j] = i
            Cn[j] = vals[i] + cost[t, j]
        C = Cn
    q = np.zeros(n, int)
    q[-1] = int(np.argmin(C))
    for t in range(n - 1, 0, -1):
        q[t - 1] = back[t, q[t]]
    return q


def ref_continuous(gaps, s, gamma):
    """Reference model of the continuous automaton (costs written from the paper)."""
    gaps = np.asarray(gaps, float)
    n = len(gaps)
    T = float(np.sum(gaps))
    ming = float(gaps[gaps > 0].min())
    k = max(int(math.ceil(1 + math.log(T, s) + math.log(1 / ming, s))), 1)
    alpha = np.power(s, np.arange(k, dtype=float)) / (T / n)
    cost = np.empty((n, k))
    for t, x in enumerate(gaps):
        for j in range(k):
            if x > 0:
                cost[t, j] = alpha[j] * x - math.log(alpha[j])
            else:  # censored: P(gap < resolution)
                cost[t, j] = -math.log(-math.expm1(-alpha[j] * ming))
    return ref_viterbi(cost, gamma * math.log(n)), alpha


def intervals(q, x):
    """Hierarchical intervals [x[a], x[b]) of runs of states >= level, from a state sequence."""
    out = []
    for level in range(1, int(q.max()) + 1 if len(q) else 1):
        t = 0
        while t < len(q):
            if q[t] >= level:
                a = t
                while t < len(q) and q[t] >= level:
                    t += 1
                out.append((level, float(x[a]), float(x[t])))
            else:
                t += 1
    return sorted(out)


gap_lists = st.lists(
    st.one_of(st.floats(0.01, 50.0), st.just(0.0)), min_size=2, max_size=40
).filter(lambda g: sum(1 for v in g if v > 0) >= 1)


@given(gaps=gap_lists, s=st.sampled_from([1.5, 2.0, 3.0]), gamma=st.sampled_from([0.5, 1.0, 2.0]))
@settings(max_examples=150)
def test_continuous_states_equal_reference(gaps, s, gamma):
    x = np.concatenate([[0.0], np.cumsum(gaps)])
    q_ref, alpha = ref_continuous(np.diff(x), s, gamma)
    table = kleinberg(x, s=s, gamma=gamma)
    got = sorted((int(r.level), float(r.start), float(r.end)) for r in table.itertuples())
    assert got == intervals(q_ref, x)


@given(gaps=gap_lists)
@settings(max_examples=60)
def test_kernel_compiled_and_python_agree(gaps):
    gaps = np.diff(np.concatenate([[0.0], np.cumsum(gaps)]))
    q_ref, alpha = ref_continuous(gaps, 2.0, 1.0)
    ming = gaps[gaps > 0].min()
    args = (gaps, np.ones(len(gaps)), alpha, -np.log(alpha), math.log(len(gaps)),
            -np.log(-np.expm1(-alpha * ming)), bool((gaps == 0).any()))
    assert np.array_equal(viterbi(*args), q_ref)
    if HAVE_NUMBA:  # the uncompiled Python of the same kernel
        back = np.empty((len(gaps), len(alpha)), np.int16)
        assert np.array_equal(_viterbi_kernel.py_func(*args, back), q_ref)


def test_simultaneous_events_are_allowed_and_found():
    # a quiet stream with one event a minute, then 40 posts within 20 seconds (many ties)
    quiet = np.arange(0, 3600, 60.0)
    rush = 1800 + np.repeat(np.arange(20.0), 2)
    t = pd.to_datetime(np.concatenate([quiet, rush]), unit="s", utc=True)
    b = kleinberg(t)
    top = b[b.level == 1].iloc[0]
    assert top.start <= pd.Timestamp(1800, unit="s", tz="UTC") < top.end
    assert top.end <= pd.Timestamp(1800 + 60, unit="s", tz="UTC")
    # all events at one instant: no rate can be measured, no burst, no error
    assert kleinberg(np.zeros(10)).empty


def test_levels_nest_and_rates_grow():
    rng = np.random.default_rng(5)
    x = np.sort(np.concatenate([rng.uniform(0, 1000, 300), rng.uniform(400, 420, 200),
                                rng.uniform(405, 407, 100)]))
    b = kleinberg(x)
    assert b.level.max() >= 2
    for r in b[b.level >= 2].itertuples():
        parent = b[(b.level == r.level - 1) & (b.start <= r.start) & (b.end >= r.end)]
        assert len(parent) == 1
    assert (b.burst_rate > b.baseline_rate).all() and (b.weight > 0).all()
    assert set(b.columns) >= {"key", "level", "start", "end", "weight", "baseline_rate", "burst_rate", "s", "gamma"}


def test_keys_are_analysed_separately():
    rng = np.random.default_rng(1)
    a = np.sort(np.concatenate([rng.uniform(0, 100, 50), rng.uniform(40, 42, 40)]))
    b = np.sort(rng.uniform(0, 100, 80))
    out = kleinberg(np.concatenate([a, b]), keys=["#kttasean"] * len(a) + ["#jakarta"] * len(b))
    alone = kleinberg(a)
    assert set(out.key) == {"#kttasean"}
    assert np.allclose(out[["start", "end"]].to_numpy(float), alone[["start", "end"]].to_numpy(float))


def test_bad_parameters():
    with pytest.raises(ValueError, match="'s' parameter of kleinberg"):
        kleinberg([1, 2, 3], s=1.0)
    with pytest.raises(ValueError, match="'gamma' parameter"):
        kleinberg([1, 2, 3], gamma=0)
    with pytest.raises(ValueError, match="'totals' parameter of kleinberg_batched"):
        kleinberg_batched([5, 6], [4, 10])
    with pytest.raises(ValueError, match="'n_states'"):
        kleinberg_batched([5, 6], [10, 10], n_states=1)


# -- batched -----------------------------------------------------------------------
def ref_binomial(r, d, s, gamma, k):
    r, d = np.asarray(r, float), np.asarray(d, float)
    p0 = r.sum() / d.sum()
    p = np.minimum(p0 * np.power(s, np.arange(k, dtype=float)), 0.99999)
    p[0] = p0
    cost = np.array([[-(xlogy(rt, pj) + xlog1py(dt - rt, -pj)) for pj in p] for rt, dt in zip(r, d)])
    return ref_viterbi(cost, gamma * math.log(len(r)))


series = st.integers(2, 30).flatmap(
    lambda n: st.tuples(st.lists(st.integers(0, 40), min_size=n, max_size=n),
                        st.lists(st.integers(0, 60), min_size=n, max_size=n))
)


@given(data=series, s=st.sampled_from([1.5, 2.0, 4.0]), k=st.integers(2, 4))
@settings(max_examples=150)
def test_batched_states_equal_reference(data, s, k):
    r, extra = (np.asarray(v, float) for v in data)
    d = r + extra
    if r.sum() == 0 or extra.sum() == 0:
        return
    q, *_ = batched_states(r[None, :], d[None, :], s, 1.0, k)
    assert np.array_equal(q[0], ref_binomial(r, d, s, 1.0, k))
    q2 = _viterbi_many_numpy(*_operands(r, d, s, k))
    assert np.array_equal(q2[0], q[0])


def _operands(r, d, s, k):
    q, a, b, A, B, rates = batched_states(r[None, :], d[None, :], s, 1.0, k)
    return a, b, A, B, math.log(len(r))


def test_batched_poisson_and_binomial_find_the_surge():
    counts = np.array([3, 4, 2, 5, 3, 60, 75, 70, 4, 3, 2, 4] * 2)[:12]
    totals = np.full(12, 500)
    for b in (kleinberg_batched(counts), kleinberg_batched(counts, totals)):
        lvl1 = b[b.level == 1]
        assert list(zip(lvl1.start, lvl1.end)) == [(5, 8)]  # bins 5, 6, 7: half-open [5, 8)


def test_batched_huge_counts_do_not_overflow():
    # daily posts in the millions (national-scale volume): still exact, finite weights
    totals = np.full(30, 5_000_000)
    counts = np.full(30, 40_000)
    counts[12:15] = 400_000
    b = kleinberg_batched(counts, totals, times=pd.date_range("2024-04-01", periods=30, freq="D"))
    assert len(b) == 1 and np.isfinite(b.weight).all()
    assert b.start.iloc[0] == pd.Timestamp("2024-04-13") and b.end.iloc[0] == pd.Timestamp("2024-04-16")


def test_batched_is_optimal_where_greedy_is_not():
    # the exact path's total cost is never above the greedy one-step choice
    rng = np.random.default_rng(3)
    for _ in range(30):
        d = rng.integers(50, 100, 40).astype(float)
        r = rng.binomial(d.astype(int), 0.05).astype(float)
        r[15:19] = rng.binomial(d[15:19].astype(int), 0.2)
        q, a, b, A, B, _ = batched_states(r[None], d[None], 2.0, 1.0, 2)
        cost = A[0][None, :] * a[0][:, None] + B[0][None, :] * b[0][:, None]
        g = math.log(len(r))

        def total(path):
            prev, c = 0, 0.0
            for t, j in enumerate(path):
                c += max(j - prev, 0) * g + cost[t, j]
                prev = j
            return c

        greedy, prev = [], 0
        for t in range(len(r)):
            j = int(np.argmin([max(j - prev, 0) * g + cost[t, j] for j in range(2)]))
            greedy.append(j)
            prev = j
        assert total(q[0]) <= total(greedy) + 1e-9


# -- pybursts ------------------------------------------------------------------------
def _pybursts():
    """pybursts 0.1.1 indexes with a float array, which NumPy 2 rejects: patch that line."""
    mod = pytest.importorskip("pybursts.pybursts")
    src = inspect.getsource(mod.kleinberg)
    src = src.replace("stack = np.repeat(np.nan, N)", "stack = np.zeros(int(N), dtype=np.int64)")
    ns = {"np": np, "math": math}
    exec(compile(src, "<pybursts-compat>", "exec"), ns)
    return ns["kleinberg"]


def test_agrees_with_pybursts():
    pk = _pybursts()
    rng = np.random.default_rng(11)
    for trial in range(25):
        n = int(rng.integers(5, 120))
        x = np.cumsum(rng.exponential(1.0, n))
        a = int(rng.integers(0, n))
        burst = x[a] + np.cumsum(rng.exponential(rng.choice([0.02, 0.1, 0.3]), int(rng.integers(3, 40))))
        x = np.sort(np.concatenate([x, burst]))
        ref = sorted((int(l), float(s_), float(e)) for l, s_, e in pk(x, s=2, gamma=1) if l > 0)
        got = sorted((int(r.level), float(r.start), float(r.end)) for r in kleinberg(x).itertuples())
        assert got == ref, trial
    with pytest.raises(ValueError):
        pk(np.array([0.0, 1.0, 1.0, 2.0]))  # pybursts rejects ties; trendlib does not
    assert isinstance(kleinberg(np.array([0.0, 1.0, 1.0, 2.0])), pd.DataFrame)
