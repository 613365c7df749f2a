"""One detector per method: own options, refused options, window as a duration, score units,
account concentration of every burst (from posts, exact; from counts, bounds)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trendlib
from trendlib.bursts import EWMA, BurstDetector, Kleinberg, Poisson, ZScore, detect_bursts
from trendlib.datasets import make_bursty_stream

UNITS = {"kleinberg": "nats", "zscore": "z", "ewma": "z", "poisson": "-log10 p"}


@pytest.mark.parametrize("method, cls", [("kleinberg", Kleinberg), ("zscore", ZScore),
                                         ("poisson", Poisson), ("ewma", EWMA)])
def test_front_door_equals_the_detector_class(method, cls):
    counts, _ = make_bursty_stream(seed=3, n_keys=6, n_bins=24 * 5, n_bursts=3)
    opts = {"normalize": True, "min_count": 2}
    a = detect_bursts(counts, method=method, **opts)
    b = cls(**opts).detect(counts)
    assert len(a) > 0
    pd.testing.assert_frame_equal(a, b)
    assert (a.score_unit == UNITS[method]).all() and a.attrs["score_unit"] == UNITS[method]
    assert a.attrs["options"]["normalize"] is True


@pytest.mark.parametrize(
    "method, option",
    [("zscore", "s"), ("zscore", "gamma"), ("poisson", "n_states"), ("ewma", "correct_keys"),
     ("kleinberg", "window"), ("kleinberg", "min_score"), ("kleinberg", "min_periods"), ("zscore", "windw")],
)
def test_options_of_another_method_are_refused(method, option):
    counts, _ = make_bursty_stream(seed=0, n_keys=2, n_bins=48, n_bursts=0)
    with pytest.raises(ValueError, match=rf"method='{method}'\) does not use the option '{option}'; its options are"):
        detect_bursts(counts, method=method, **{option: 2})


def test_bad_option_values_name_the_option():
    with pytest.raises(ValueError, match="'s' parameter of Kleinberg"):
        Kleinberg(s=1.0)
    with pytest.raises(ValueError, match="'min_score' parameter of ZScore"):
        ZScore(min_score=-1)
    with pytest.raises(ValueError, match="'window' parameter of Poisson"):
        Poisson(window="sehari")
    with pytest.raises(ValueError, match="'method' parameter of detect_bursts"):
        detect_bursts(pd.DataFrame(), method="magic")


def test_window_is_a_duration_and_bins_are_deprecated():
    counts, _ = make_bursty_stream(seed=2, n_keys=5, n_bins=24 * 6, n_bursts=3)
    by_duration = detect_bursts(counts, method="zscore", window="12h")
    with pytest.warns(FutureWarning, match="window='12h'"):
        by_bins = detect_bursts(counts, method="zscore", window=12)
    pd.testing.assert_frame_equal(by_duration, by_bins)
    # the default is 24 bins: one day of hourly bins
    pd.testing.assert_frame_equal(detect_bursts(counts, method="poisson"),
                                  detect_bursts(counts, method="poisson", window="1D"))
    # a window that is not whole bins is an error naming the bin size
    with pytest.raises(ValueError, match=r"whole number \(>= 2\) of bins of 1h. Got '90min'"):
        detect_bursts(counts, method="ewma", window="90min")
    # on daily bins, a week of history
    daily = trendlib.count(make_bursty_stream(seed=2, n_keys=5, n_bins=24 * 20, n_bursts=3, output="posts")[0],
                           freq="1D")
    assert detect_bursts(daily, method="zscore", window="7D", min_count=1).attrs["options"]["window"] == pd.Timedelta("7D")


def test_threshold_is_the_deprecated_name_of_min_score():
    counts, _ = make_bursty_stream(seed=1, n_keys=4, n_bins=24 * 4, n_bursts=2)
    with pytest.warns(FutureWarning, match="min_score"):
        old = detect_bursts(counts, method="poisson", threshold=4.0)
    pd.testing.assert_frame_equal(old, detect_bursts(counts, method="poisson", min_score=4.0))
    with pytest.raises(ValueError, match="does not use the option 'threshold'"):
        detect_bursts(counts, method="kleinberg", threshold=4.0)  # never a Kleinberg option


def test_stream_default_method_is_the_batch_default():
    assert BurstDetector().method == "kleinberg"
    det = BurstDetector()
    det.update(pd.Timestamp("2023-09-05", tz="Asia/Jakarta"), {"ikn": 3})
    assert isinstance(det.detector_, Kleinberg)
    with pytest.raises(ValueError, match="does not use the option 'window'"):
        BurstDetector(window="6h").update(pd.Timestamp("2023-09-05"), {"ikn": 1})
    with pytest.raises(ValueError, match="cannot turn window='6h' into bins"):
        BurstDetector("zscore", window="6h").update(pd.Timestamp("2023-09-05"), {"ikn": 1})


# -- account concentration ---------------------------------------------------------------


@pytest.fixture(scope="module")
def spam_stream():
    posts, truth = make_bursty_stream(seed=11, n_keys=8, n_bins=24 * 6, n_bursts=4, n_spam=2,
                                      seasonality=0.0, output="posts")
    return posts, truth, trendlib.count(posts)


def test_single_account_burst_is_flagged_by_its_accounts(spam_stream):
    posts, truth, counts = spam_stream
    found = detect_bursts(counts, posts=posts)
    assert found.attrs["accounts_from"] == "posts"
    for tr in truth.itertuples():
        rows = found[(found.key == tr.key) & (found.start < tr.end) & (found.end > tr.start)]
        assert len(rows), tr.key  # a burst of posts either way
        r = rows.iloc[0]
        if tr.kind == "single_account":
            assert r.accounts == 1 and r.top_account == tr.account
            assert r.top_account_share == 1.0 and r.effective_accounts == 1.0
        else:
            assert r.accounts >= 5 and r.effective_accounts >= 5 and r.top_account_share < 0.5


def test_concentration_from_posts_is_exact(spam_stream):
    posts, _, counts = spam_stream
    found = detect_bursts(counts, posts=posts).head(6)
    for r in found.itertuples():
        inside = posts[(posts.time >= r.start) & (posts.time < r.end) & posts.hashtags.map(lambda h: r.key in h)]
        per = inside.author.str.lower().value_counts()
        assert r.posts == len(inside) and r.accounts == len(per)
        assert r.top_account_share == pytest.approx(per.iloc[0] / len(inside))
        assert r.effective_accounts == pytest.approx(1.0 / ((per / len(inside)) ** 2).sum())


def test_concentration_from_counts_bounds_the_exact_values(spam_stream):
    posts, _, counts = spam_stream
    exact = detect_bursts(counts, posts=posts)
    approx = detect_bursts(counts)
    assert approx.attrs["accounts_from"] == "counts" and approx["top_account"].isna().all()
    pd.testing.assert_frame_equal(exact.drop(columns=["accounts", "top_account", "top_account_share",
                                                      "effective_accounts"]),
                                  approx.drop(columns=["accounts", "top_account", "top_account_share",
                                                       "effective_accounts"]))
    assert (approx.accounts >= exact.accounts).all()
    assert (approx.effective_accounts >= exact.effective_accounts - 1e-9).all()
    assert (approx.top_account_share <= exact.top_account_share + 1e-9).all()
    spam = approx[approx.key.isin(["slotgacor", "jualfollowers"])]
    # one account per bin: the account-bins of a single-account burst are its bins
    assert len(spam) == 2 and (spam.accounts == (spam.end - spam.start) / pd.Timedelta("1h")).all()
    assert (exact.loc[spam.index, "accounts"] == 1).all()


@settings(max_examples=40)
@given(per_account=st.lists(st.integers(1, 20), min_size=1, max_size=8))
def test_effective_accounts_is_between_one_and_accounts(per_account):
    t0 = pd.Timestamp("2023-09-05 10:00", tz="Asia/Jakarta")
    rows = [(t0 - pd.Timedelta(hours=h), f"warga{h}", ["jakarta"]) for h in range(1, 30)]
    for i, n in enumerate(per_account):
        rows += [(t0 + pd.Timedelta(minutes=j % 50), f"Akun{i}", ["kttasean43"]) for j in range(n)]
    posts = pd.DataFrame(rows, columns=["time", "author", "hashtags"])
    counts = trendlib.count(posts)
    b = detect_bursts(counts, posts=posts, min_count=1)
    b = b[b.key == "kttasean43"]
    if b.empty:
        return
    r = b.iloc[0]
    assert 1.0 <= r.effective_accounts <= r.accounts + 1e-9
    assert r.accounts == len(per_account)
    assert r.top_account_share == pytest.approx(max(per_account) / sum(per_account))
    assert (r.effective_accounts == pytest.approx(len(per_account))) == (len(set(per_account)) == 1)


# the exact concentration is computed for all intervals at once: check it against a
# plain per-interval count on random posts (ties for the top account included)

from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 50), max_size=300), st.integers(0, 2**31))
def test_bucket_order_is_a_stable_argsort(keys, seed):
    from trendlib.bursts._accounts import bucket_order

    keys = np.asarray(keys, dtype=np.int64)
    assert bucket_order(keys, 51).tolist() == np.argsort(keys, kind="stable").tolist()


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**31), st.integers(1, 12))
def test_concentration_of_every_interval_equals_a_plain_count(seed, n_intervals):
    from trendlib.bursts._accounts import from_posts

    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 400))
    t0 = pd.Timestamp("2023-09-05", tz="UTC")
    posts = pd.DataFrame({
        "time": t0 + pd.to_timedelta(rng.integers(0, 48, n), unit="h"),  # many equal times
        "author": rng.choice(["budi", "sari", "Rina", "rina", "eko", None], n),
        "hashtags": [list(rng.choice(["ktt", "asean", "jakarta"], int(rng.integers(0, 3)), replace=False))
                     for _ in range(n)],
    })
    keys = rng.choice(["ktt", "asean", "jakarta", "macet", None], n_intervals).astype(object)
    a = rng.integers(0, 48, n_intervals)
    b = a + rng.integers(0, 24, n_intervals)
    start, end = t0 + pd.to_timedelta(a, unit="h"), t0 + pd.to_timedelta(b, unit="h")
    got = from_posts(posts, "hashtag", keys, start, end)
    first_seen = {}  # ties go to the account seen first among the posts some interval can hold
    near = (posts["time"] >= start.min()) & (posts["time"] < end.max())
    for v in posts.loc[near, "author"].dropna().str.lower():
        first_seen.setdefault(v, len(first_seen))
    for i in range(n_intervals):
        inside = (posts["time"] >= start[i]) & (posts["time"] < end[i])
        if keys[i] is not None:
            inside &= posts["hashtags"].map(lambda hs, k=keys[i]: k in hs)
        sel = posts[inside]
        assert got["posts"][i] == len(sel)
        who = sel["author"].dropna().str.lower()
        assert int(got["accounts"][i]) == who.nunique()
        if len(who):
            cnt = who.value_counts()
            best = min(cnt.index[cnt == cnt.max()], key=first_seen.__getitem__)
            assert str(got["top_account"][i]).lower() == best
            assert got["top_account_share"][i] == pytest.approx(cnt.max() / len(who))
            assert got["effective_accounts"][i] == pytest.approx(1 / ((cnt / len(who)) ** 2).sum())
        else:
            assert got["top_account"][i] is None and np.isnan(got["top_account_share"][i])
