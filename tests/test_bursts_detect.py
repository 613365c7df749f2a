"""detect_bursts over every key of a counts table; planted bursts are found."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import trendlib
from trendlib import SchemaError
from trendlib.bursts import detect_bursts, kleinberg_batched
from trendlib.datasets import make_bursty_stream

COLUMNS = ["key", "start", "end", "peak_time", "peak_count", "posts", "accounts", "top_account",
           "top_account_share", "effective_accounts", "score", "score_unit", "level", "method"]


def precision_recall(found: pd.DataFrame, truth: pd.DataFrame) -> tuple[float, float]:
    """A found burst is right when it overlaps a planted burst of the same key."""
    found = found[found.level == 1]
    right, hit = 0, np.zeros(len(truth), bool)
    for r in found.itertuples():
        m = ((truth.key == r.key) & (truth.start < r.end) & (truth.end > r.start)).to_numpy()
        right += bool(m.any())
        hit |= m
    return right / max(len(found), 1), hit.mean()


@pytest.mark.parametrize("seed", range(5))
def test_planted_bursts_found_normalized(seed):
    # the default stream has a daily cycle: normalising by volume removes it
    counts, truth = make_bursty_stream(seed=seed)
    p, r = precision_recall(detect_bursts(counts, normalize=True), truth)
    assert p >= 0.9 and r >= 0.9, (p, r)


@pytest.mark.parametrize("seed", range(3))
def test_planted_bursts_found_raw_counts(seed):
    counts, truth = make_bursty_stream(seed=seed, seasonality=0.0)
    p, r = precision_recall(detect_bursts(counts), truth)
    assert p >= 0.9 and r >= 0.9, (p, r)


@pytest.mark.parametrize("method", ["zscore", "poisson", "ewma"])
def test_baseline_methods_recall_planted_bursts(method):
    counts, truth = make_bursty_stream(seed=2)
    found = detect_bursts(counts, method=method, normalize=True)
    assert precision_recall(found, truth)[1] >= 0.9
    assert (found.method == method).all() and (found.level == 1).all()
    # every burst's bins are hot: at least min_count posts at the peak, peak inside
    assert (found.peak_count >= 3).all()
    assert ((found.peak_time >= found.start) & (found.peak_time < found.end)).all()


def test_table_shape_and_half_open_intervals():
    counts, truth = make_bursty_stream(seed=4, n_keys=8, n_bursts=4, seasonality=0.0)
    found = detect_bursts(counts)
    assert list(found.columns) == COLUMNS
    assert found.score.is_monotonic_decreasing  # strongest first
    assert str(found.start.dt.tz) == "Asia/Jakarta"
    step = pd.Timedelta("1h")
    for r in found.itertuples():
        c = counts[(counts.key == r.key) & (counts.time >= r.start) & (counts.time < r.end)]
        assert len(c) == (r.end - r.start) / step  # [start, end) holds whole bins
        assert c["count"].max() == r.peak_count
        assert c.loc[c["count"].idxmax(), "time"] == r.peak_time
        assert c["count"].sum() == r.posts
    # the synthetic counts have no accounts column: the account columns are unknown, and say so
    assert found.attrs["accounts_from"] is None and found["accounts"].isna().all()
    assert (found.score_unit == "nats").all()


def test_single_key_equals_kleinberg_batched():
    counts, _ = make_bursty_stream(seed=6, n_keys=1, n_bursts=2)
    found = detect_bursts(counts, normalize=True, min_count=0)
    ref = kleinberg_batched(counts["count"], counts["total"], times=counts["time"])
    assert len(found) == len(ref) >= 2
    got = sorted(zip(found.start, found.end, found.score))
    want = sorted(zip(ref.start, ref.end, ref.weight))
    assert [g[:2] for g in got] == [w[:2] for w in want]
    assert np.allclose([g[2] for g in got], [w[2] for w in want])


def test_levels_nest():
    counts, _ = make_bursty_stream(seed=0, factor=(10, 20))
    found = detect_bursts(counts, normalize=True, n_states=3)
    assert found.level.max() == 2
    for r in found[found.level == 2].itertuples():
        parent = found[(found.key == r.key) & (found.level == 1) & (found.start <= r.start) & (found.end >= r.end)]
        assert len(parent) == 1


def test_volume_surge_is_not_a_burst_when_normalized():
    # every key doubles with the overall volume (a news day): no key bursts in share
    t = pd.date_range("2024-04-29", periods=48, freq="1h", tz="Asia/Jakarta")
    rng = np.random.default_rng(0)
    scale = np.where((np.arange(48) >= 20) & (np.arange(48) < 30), 6, 1)
    rows = []
    for key, rate in (("kipk", 8), ("kuliah", 5), ("beasiswa", 4)):
        cnt = rng.poisson(rate * scale)
        rows.append(pd.DataFrame({"time": t, "key": key, "count": cnt}))
    c = pd.concat(rows, ignore_index=True)
    background = rng.poisson(30 * scale)  # posts without these keys
    c["total"] = c.groupby("time")["count"].transform("sum") + np.tile(background, 3)
    assert detect_bursts(c, normalize=True).empty
    assert set(detect_bursts(c).key) == {"kipk", "kuliah", "beasiswa"}


def test_posts_to_bursts_end_to_end():
    posts, truth = make_bursty_stream(seed=5, n_keys=6, n_bursts=3, seasonality=0.0, output="posts")
    found = trendlib.detect_bursts(trendlib.count(posts))
    assert precision_recall(found, truth) == (1.0, 1.0)


def test_errors():
    counts, _ = make_bursty_stream(seed=0, n_keys=2, n_bins=30, n_bursts=0)
    with pytest.raises(ValueError, match="'method' parameter of detect_bursts"):
        detect_bursts(counts, method="magic")
    with pytest.raises(SchemaError, match="total"):
        detect_bursts(counts.drop(columns="total"), normalize=True)
    with pytest.raises(ValueError, match="'window'"):
        detect_bursts(counts, method="zscore", window="1h")  # one hourly bin is no history
    assert list(detect_bursts(counts.iloc[:0]).columns) == COLUMNS


@pytest.mark.parametrize("method", ["kleinberg", "poisson"])
def test_row_order_of_the_counts_table_does_not_matter(method):
    counts, _ = make_bursty_stream(seed=8, n_keys=6, n_bins=96, n_bursts=3)
    shuffled = counts.sample(frac=1.0, random_state=0)
    pd.testing.assert_frame_equal(detect_bursts(shuffled, method=method), detect_bursts(counts, method=method))
