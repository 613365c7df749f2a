"""BurstDetector fed bin by bin: events, and equality with the batch detect_bursts."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trendlib
from trendlib.bursts import BurstDetector, detect_bursts
from trendlib.datasets import make_bursty_stream


def feed(det: BurstDetector, counts: pd.DataFrame, *, sparse: bool = True):
    """Feed a counts table bin by bin; with ``sparse`` only keys with posts in the bin are sent."""
    events = []
    for t, grp in counts.groupby("time", sort=True):
        g = grp[grp["count"] > 0] if sparse else grp
        events += det.update(t, dict(zip(g.key, g["count"])), total=int(grp["total"].iloc[0]))
    return events


@pytest.mark.parametrize("method", ["zscore", "poisson", "ewma"])
@pytest.mark.parametrize("normalize", [False, True])
def test_stream_equals_batch(method, normalize):
    counts, _ = make_bursty_stream(seed=7, n_keys=12, n_bins=24 * 7, n_bursts=6)
    det = BurstDetector(method, normalize=normalize)
    events = feed(det, counts)  # keys appear only when first used
    batch = detect_bursts(counts, method=method, normalize=normalize)
    stream = det.result()
    assert len(batch) > 0
    pd.testing.assert_frame_equal(stream, batch)
    # one start event per burst; an end event for every burst closed before the last bin
    starts = [(e.key, e.time) for e in events if e.kind == "start"]
    assert sorted(starts) == sorted(zip(batch.key, batch.start))
    ends = sorted((e.key, e.time) for e in events if e.kind == "end")
    last_edge = counts.time.max() + pd.Timedelta("1h")
    assert ends == sorted((k, e) for k, e in zip(batch.key, batch.end) if e != last_edge)


@given(
    rows=st.lists(st.dictionaries(st.sampled_from(["ikn", "kttasean", "mudik", "gempa"]), st.integers(0, 30),
                                  max_size=4), min_size=1, max_size=40),
    method=st.sampled_from(["zscore", "poisson", "ewma"]),
    window=st.integers(2, 8),
)
@settings(max_examples=60)
def test_stream_equals_batch_on_any_sequence(rows, method, window):
    t0 = pd.Timestamp("2023-09-05", tz="Asia/Jakarta")
    det = BurstDetector(method, window=f"{window}h", min_count=1, freq="1h")
    keys = sorted({k for r in rows for k in r})
    table = []
    for i, r in enumerate(rows):
        t = t0 + pd.Timedelta(hours=i)
        det.update(t, r, total=sum(r.values()))
        table += [(t, k, r.get(k, 0), sum(r.values())) for k in keys]
    if not keys:
        assert det.result().empty
        return
    counts = pd.DataFrame(table, columns=["time", "key", "count", "total"])
    counts.attrs["freq"] = pd.Timedelta("1h")
    pd.testing.assert_frame_equal(det.result(), detect_bursts(counts, method=method, window=f"{window}h", min_count=1))


def test_kleinberg_stream_result_equals_batch_and_events_flag_the_burst():
    counts, truth = make_bursty_stream(seed=1, n_keys=6, n_bins=24 * 5, n_bursts=3)
    det = BurstDetector("kleinberg", normalize=True)
    events = feed(det, counts)
    pd.testing.assert_frame_equal(det.result(), detect_bursts(counts, normalize=True))
    # the causal (provisional) events fire inside every planted burst
    starts = [e for e in events if e.kind == "start"]
    for tr in truth.itertuples():
        assert any(e.key == tr.key and tr.start <= e.time < tr.end for e in starts)


def test_update_errors_and_top_level_name():
    det = trendlib.BurstDetector("zscore", normalize=True)
    t = pd.Timestamp("2023-09-05 08:00", tz="Asia/Jakarta")
    with pytest.raises(ValueError, match="total="):
        det.update(t, {"kttasean": 3})
    det.update(t, {"kttasean": 3}, total=10)
    with pytest.raises(ValueError, match="increasing"):
        det.update(t, {"kttasean": 3}, total=10)
    with pytest.raises(ValueError, match="'method' parameter of BurstDetector"):
        BurstDetector("magic").update(t, {})
    assert BurstDetector().result().empty


def test_params_are_only_stored_in_init():
    det = BurstDetector("poisson", window="12h", freq="1h")
    assert det.options == {"window": "12h"} and not hasattr(det, "keys_")
    det.update(pd.Timestamp("2023-09-05"), {"ikn": 2})
    assert det.keys_ == ["ikn"] and det.n_bins_ == 1
    assert det.detector_.window == pd.Timedelta("12h")


@pytest.mark.parametrize("method", ["poisson", "kleinberg"])
def test_stream_fed_accounts_equals_batch_account_columns(method):
    posts, truth = make_bursty_stream(seed=4, n_keys=6, n_bins=24 * 4, n_bursts=3, n_spam=1, output="posts")
    counts = trendlib.count(posts)
    det = BurstDetector(method, normalize=True)
    for t, grp in counts.groupby("time", sort=True):
        g = grp[grp["count"] > 0]
        det.update(t, dict(zip(g.key, g["count"])), total=int(grp["total"].iloc[0]),
                   accounts=dict(zip(g.key, g["accounts"])))
    batch = detect_bursts(counts, method=method, normalize=True)
    assert batch.attrs["accounts_from"] == "counts" and len(batch)
    got = det.result()
    assert got.attrs["accounts_from"] == "counts"
    pd.testing.assert_frame_equal(got, batch)
    spam = got[got.key == truth.loc[truth.kind == "single_account", "key"].iloc[0]]
    assert len(spam) and (spam.effective_accounts <= spam.accounts).all()
