"""trending(): seasonal baseline, novelty, ranking properties, errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trendlib
from trendlib.trends import trending

TZ = "Asia/Jakarta"


def make_counts(seed=0, days=8, *, plant=True, at_hour=6):
    """Hourly counts over ``days`` days: 20 background tags with a day/night profile,
    ``selamatpagi`` every morning at 06:00 (a ritual, not a trend), and, in the last
    bin at ``at_hour`` of the last day, a novel tag and a rising tag."""
    rng = np.random.default_rng(seed)
    bins = pd.date_range("2023-08-29", periods=24 * days, freq="1h", tz=TZ)
    hour = bins.hour.to_numpy()
    profile = 0.3 + np.sin(np.pi * np.clip(hour - 6, 0, 16) / 16)  # quiet at night
    rows = {}
    for i in range(20):
        rows[f"tag{i:02d}"] = rng.poisson(3 * (1 + i % 4) * profile)
    rows["selamatpagi"] = np.where(hour == 6, rng.poisson(40, len(bins)), rng.poisson(0.2, len(bins)))
    rows["ktt"] = rng.poisson(2, len(bins))
    rows["kttasean"] = np.zeros(len(bins), dtype=int)
    last = 24 * (days - 1) + at_hour
    rows["selamatpagi"][24 * (days - 1) + 6] = 40  # its usual volume, on the last morning
    if plant:
        rows["ktt"][last - 1] = 12
        rows["ktt"][last] = 35
        rows["kttasean"][last] = 25
    wide = pd.DataFrame(rows, index=bins)
    counts = wide.stack().rename("count").reset_index()
    counts.columns = ["time", "key", "count"]
    counts["count"] = counts["count"].astype("int64")
    counts["total"] = counts.groupby("time")["count"].transform("sum").astype("int64")
    counts["accounts"] = counts["count"]  # every post by a different account
    counts.attrs.update(freq="1h", tz=TZ, key="hashtag")
    return counts, bins[last]


def test_planted_spikes_trend_and_ritual_does_not():
    counts, at = make_counts()
    top = trending(counts, at=at, top=10)
    assert list(top.columns) == [
        "rank", "key", "count", "accounts", "top_account", "top_account_share", "effective_accounts",
        "expected", "velocity", "z", "acceleration", "previous", "novel", "score",
    ]
    assert top.attrs["rank_by"] == "accounts" and top.attrs["accounts_from"] == "counts"
    assert (top["accounts"] == top["count"]).all()
    assert set(top["key"].head(2)) == {"ktt", "kttasean"}
    row = top.set_index("key").loc["kttasean"]
    assert row["novel"] and row["count"] == 25
    assert not top.set_index("key").loc["ktt", "novel"]
    # the morning ritual: its usual volume at its usual hour is expected
    pagi = trending(counts, at=at, top=None).set_index("key").loc["selamatpagi"]
    assert 25 < pagi["expected"] < 55
    assert abs(pagi["z"]) < 2
    assert abs(pagi["acceleration"]) < 2
    assert pagi["rank"] > 2 and pagi["score"] < top["score"].iloc[1] / 3
    assert top.attrs["seasonal_days"] == 7
    assert top.attrs["window_end"] == at + pd.Timedelta("1h")


def test_ritual_at_an_unusual_hour_trends():
    counts, at = make_counts(plant=False)
    at = at + pd.Timedelta("9h")  # 15:00
    sel = (counts["key"] == "selamatpagi") & (counts["time"] == at)
    counts.loc[sel, ["count", "accounts"]] = 40
    top = trending(counts, at=at, top=3)
    assert top["key"].iloc[0] == "selamatpagi"
    assert top["expected"].iloc[0] < 2


def test_flat_baseline_without_seasonality_would_flag_the_ritual():
    # with a baseline shorter than a day there is no hour-of-day profile: the ritual looks
    # like a spike. This is why the default baseline spans days.
    counts, at = make_counts(plant=False)
    top = trending(counts, at=at, baseline="12h", top=None).set_index("key")
    assert top.attrs["seasonal_days"] == 0
    assert top.loc["selamatpagi", "z"] > 5


def test_ranking_is_consistent():
    counts, at = make_counts(seed=3)
    full = trending(counts, at=at, top=None, min_count=1)
    assert full["rank"].tolist() == list(range(1, len(full) + 1))
    assert full["score"].is_monotonic_decreasing
    assert full["key"].is_unique
    assert (full["count"] >= 1).all()
    head = trending(counts, at=at, top=5, min_count=1)
    pd.testing.assert_frame_equal(head, full.head(5), check_like=False)
    # at given as a naive local time string means the same moment
    naive = trending(counts, at=at.tz_localize(None).isoformat(), top=5, min_count=1)
    pd.testing.assert_frame_equal(naive, head)
    # min_count drops keys, never reorders the rest
    few = trending(counts, at=at, top=None, min_count=10)
    assert (few["count"] >= 10).all()
    assert few["key"].tolist() == [k for k in full["key"] if k in set(few["key"])]


def test_latest_complete_bin_is_default_and_window_multiple_hours():
    counts, at = make_counts(seed=1)
    last = counts["time"].max()
    a = trending(counts)
    b = trending(counts, at=last - pd.Timedelta("1h"))  # a scrape stops inside its last bin
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["window_end"] == last
    three = trending(counts, at=at, window="3h", top=None)
    assert three.attrs["window_start"] == at - pd.Timedelta("2h")
    row = three.set_index("key").loc["ktt"]
    exp = counts[(counts.key == "ktt") & (counts.time > at - pd.Timedelta("3h")) & (counts.time <= at)]
    assert row["count"] == exp["count"].sum()


def test_normalize_discounts_growth_of_the_whole_stream():
    counts, at = make_counts(seed=2, plant=False)
    # everything doubles in the last hour: nothing should trend once volume is accounted for
    last = counts["time"] == at
    counts.loc[last, "count"] *= 3
    counts["accounts"] = counts["count"]
    counts["total"] = counts.groupby("time")["count"].transform("sum")
    raw = trending(counts, at=at, top=None)
    norm = trending(counts, at=at, top=None, normalize=True)
    assert raw["z"].max() > 4
    assert norm["z"].median() < raw["z"].median()
    assert norm["z"].abs().median() < 2


def test_sparse_key_is_not_over_rated():
    counts, at = make_counts(seed=4, plant=False)
    extra = pd.DataFrame(
        {"time": [at, at], "key": ["jarang", "ramai"], "count": [3, 60], "total": [0, 0], "accounts": [3, 60]}
    )
    counts = pd.concat([counts, extra], ignore_index=True)
    counts.attrs.update(freq="1h", tz=TZ)
    top = trending(counts, at=at, top=None).set_index("key")
    # both novel; 60 posts beat 3 posts even though both have an expected count of 0
    assert top.loc["ramai", "rank"] == 1
    assert top.loc["jarang", "velocity"] < top.loc["ramai", "velocity"]
    assert top.loc["jarang", "z"] < 2


@settings(max_examples=30)
@given(
    base=st.lists(st.integers(0, 30), min_size=30, max_size=30),
    current=st.integers(0, 80),
    bump=st.integers(1, 40),
)
def test_more_posts_now_never_lowers_the_score(base, current, bump):
    bins = pd.date_range("2024-04-28", periods=31, freq="1h", tz=TZ)
    def table(last):
        df = pd.DataFrame({"time": bins, "key": "kipk", "count": base + [last]})
        other = pd.DataFrame({"time": bins, "key": "kuliah", "count": 5})
        out = pd.concat([df, other], ignore_index=True)
        out["accounts"] = out["count"]
        out.attrs["freq"] = "1h"
        return out
    a = trending(table(current), at=bins[-1], baseline="1D", min_count=1, top=None).set_index("key")
    b = trending(table(current + bump), at=bins[-1], baseline="1D", min_count=1, top=None).set_index("key")
    if "kipk" in a.index:
        assert b.loc["kipk", "score"] > a.loc["kipk", "score"]
        assert b.loc["kipk", "velocity"] > a.loc["kipk", "velocity"]
        assert b.loc["kipk", "expected"] == pytest.approx(a.loc["kipk", "expected"])
        assert b.loc["kipk", "rank"] <= a.loc["kipk", "rank"]
    # the other key's numbers do not depend on kipk
    assert b.loc["kuliah", "score"] == pytest.approx(a.loc["kuliah", "score"])


@settings(max_examples=20)
@given(seed=st.integers(0, 10_000))
def test_row_order_does_not_matter(seed):
    counts, at = make_counts(seed=5, days=3)
    shuffled = counts.sample(frac=1.0, random_state=seed).reset_index(drop=True)
    shuffled.attrs.update(counts.attrs)
    pd.testing.assert_frame_equal(
        trending(shuffled, at=at, top=None, min_count=1), trending(counts, at=at, top=None, min_count=1),
        check_exact=False, rtol=1e-9,
    )


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"window": "hourly"}, "'window' parameter of trending"),
        ({"window": "90min"}, "multiple of the bin size"),
        ({"baseline": "30min"}, "'baseline' parameter"),
        ({"top": 0}, "'top' parameter"),
        ({"min_count": 0}, "'min_count' parameter"),
        ({"prior": -1}, "'prior' parameter"),
        ({"key": "tag"}, "'key' parameter of trending"),
        ({"rank_by": "likes"}, "'rank_by' parameter of trending"),
        ({"min_accounts": 0}, "'min_accounts' parameter"),
        ({"tz": "Mars/Olympus"}, "'tz' parameter"),
        ({"at": "2030-01-01"}, "'at' parameter"),
        ({"smooth": -1}, "'smooth' parameter"),
    ],
)
def test_bad_parameters(kwargs, match):
    counts, _ = make_counts(days=2)
    with pytest.raises(ValueError, match=match):
        trending(counts, **kwargs)


def test_bad_input_types():
    with pytest.raises(TypeError, match="DataFrame"):
        trending([1, 2, 3])
    with pytest.raises(trendlib.SchemaError, match="time"):
        trending(pd.DataFrame({"text": ["halo"]}))
    counts, _ = make_counts(days=2)
    with pytest.raises(trendlib.SchemaError, match="total"):
        trending(counts.drop(columns="total"), normalize=True)
    with pytest.raises(ValueError, match="full window"):
        trending(counts, at=counts["time"].min(), window="3h")


def test_top_level_name():
    assert trendlib.trending is trending


def test_from_posts_calls_count():
    pytest.importorskip("trendlib.counts")
    t0 = pd.Timestamp("2023-09-05 00:00", tz="UTC")
    rows = []
    for h in range(48):
        for i in range(3):
            rows.append((t0 + pd.Timedelta(hours=h, minutes=i), f"Macet lagi #jakarta {h}", ["jakarta"]))
    for i in range(30):
        rows.append((t0 + pd.Timedelta(hours=47, minutes=i), "Pembukaan #KTTASEAN43 di Jakarta", ["kttasean43"]))
    posts = pd.DataFrame(rows, columns=["time", "text", "hashtags"])
    posts["id"] = [str(i) for i in range(len(posts))]
    posts["author"] = [f"warga{i % 40}" for i in range(len(posts))]
    posts["mentions"] = [[] for _ in range(len(posts))]
    top = trending(posts, baseline="1D", top=5, at=t0 + pd.Timedelta("47h"))
    assert top["key"].iloc[0] == "kttasean43"
    assert bool(top["novel"].iloc[0])
    assert top.attrs["window_end"] == (t0 + pd.Timedelta("48h")).tz_convert(TZ)


@pytest.mark.parametrize("seed", [0, 1])
def test_planted_bursts_of_the_synthetic_stream_trend(seed):
    datasets = pytest.importorskip("trendlib.datasets")
    counts, truth = datasets.make_bursty_stream(seed)
    for _, burst in truth.iterrows():
        at = burst["start"] + pd.Timedelta("1h")  # the burst's second hour
        top = trending(counts, at=at, window="2h", top=None, min_count=1, rank_by="posts").set_index("key")
        active = int(((truth["start"] <= at) & (truth["end"] > at)).sum())
        assert top.loc[burst["key"], "rank"] <= active + 2, (burst["key"], at)
        assert top.loc[burst["key"], "z"] > 1


# -- real data ----------------------------------------------------------------------------


def _read(paths):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.concat([trendlib.read_posts(p) for p in paths], ignore_index=True)


def test_danantara_campaign_tops_the_list_when_it_starts(data_file):
    posts = _read([data_file("tweets_danantara_2025", f"danantara_{p}.csv") for p in ("pra", "day", "pasca")])
    counts = trendlib.count(posts, key="hashtag", freq="1h")
    tag = counts[(counts["key"] == "danantarabangunnegeri") & (counts["count"] >= 10)]
    first_hour = tag["time"].min()
    top = trending(counts, at=first_hour, top=10, min_count=1)
    assert top["key"].iloc[0] == "danantarabangunnegeri"
    assert bool(top["novel"].iloc[0])
    assert top["z"].iloc[0] > 20
    if len(top) > 1:
        assert top["score"].iloc[0] > 3 * top["score"].iloc[1:].max()
    # the posts path (counting only the span it needs) ranks the same
    direct = trending(posts, at=first_hour, top=10, min_count=1)
    pd.testing.assert_frame_equal(direct[["rank", "key", "count", "novel"]], top[["rank", "key", "count", "novel"]])
    np.testing.assert_allclose(direct["score"], top["score"], rtol=1e-6)
    # the day before, the campaign was nowhere
    earlier = trending(counts, at=first_hour - pd.Timedelta("1D"), top=None)
    assert "danantarabangunnegeri" not in set(earlier["key"])


def test_kipk_surge_terms(data_file):
    posts = _read([data_file("tweets_kipk_2024", "scraped_data.csv")])
    local = posts["time"].dt.tz_convert(TZ)
    per_day = local.dt.floor("1D").value_counts().sort_index()
    first_big_day = per_day[per_day >= 500].index[0]  # the day the story went viral
    hours = local[local.dt.floor("1D") == first_big_day].dt.floor("1h")
    peak = hours.value_counts().idxmax()
    top = trending(posts, key="term", at=peak, window="3h", top=10)
    assert top.attrs["key"] == "term"
    assert "kipk" in set(top["key"].head(5))  # the topic itself surges on day one
    assert (top["z"] > 3).all()
    assert not set(top["key"]) & trendlib.text.stopwords("topic")
    quiet = trending(posts, key="term", at=peak - pd.Timedelta("7D"), window="3h", top=10, min_count=1)
    assert top["score"].iloc[0] > 5 * quiet["score"].iloc[0]


# -- accounts, not posts ------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(4))
def test_single_account_burst_is_never_ranked_first(seed):
    datasets = pytest.importorskip("trendlib.datasets")
    posts, truth = datasets.make_bursty_stream(seed=seed, n_keys=12, n_bins=24 * 8, n_bursts=6, n_spam=3,
                                               output="posts")
    counts = trendlib.count(posts)
    spam = truth[truth["kind"] == "single_account"]
    firsts_by_posts = 0
    for tr in spam.itertuples():
        for at in pd.date_range(tr.start, tr.end - pd.Timedelta("1h"), freq="1h"):
            for window in ("1h", "3h"):
                top = trending(posts, at=at, window=window)
                assert top.attrs["rank_by"] == "accounts"
                assert len(top) and top["key"].iloc[0] != tr.key, (tr.key, at, window)
                assert tr.key not in set(top["key"])  # one account is never a trend (min_accounts=2)
                by_posts = trending(posts, at=at, window=window, rank_by="posts")
                firsts_by_posts += by_posts["key"].iloc[0] == tr.key
            # counts alone: a spammer straddling bins has one account in each, never two
            for window in ("1h", "3h"):
                assert tr.key not in set(trending(counts, at=at, window=window)["key"])
        # seen with min_accounts=1 it is there, with its one account and a low score
        seen = trending(posts, at=tr.start, window="1h", min_accounts=1, min_count=1, top=None).set_index("key")
        assert seen.loc[tr.key, "accounts"] == 1 and seen.loc[tr.key, "top_account"] == tr.account
        assert seen.loc[tr.key, "top_account_share"] == 1.0 and seen.loc[tr.key, "effective_accounts"] == 1.0
    # the same stream ranked by posts puts the spam first: the test can fail
    assert firsts_by_posts >= len(spam)


def test_rank_by_posts_is_the_old_ranking_and_by_is_deprecated():
    counts, at = make_counts(seed=6)
    posts_rank = trending(counts.drop(columns="accounts"), at=at, rank_by="posts", top=None)
    with pytest.warns(UserWarning, match="ranked by posts instead"):
        fallback = trending(counts.drop(columns="accounts"), at=at, top=None)
    pd.testing.assert_frame_equal(posts_rank, fallback)
    assert fallback.attrs["rank_by"] == "posts" and fallback["accounts"].isna().all()
    with pytest.warns(FutureWarning, match=r"trending\(by=...\) is deprecated .* use trending\(key=...\)"):
        old = trending(counts, at=at, by="hashtag")
    pd.testing.assert_frame_equal(old, trending(counts, at=at, key="hashtag"))


def _sparse_posts():
    """A keyword scrape: a busy morning, then one post an hour, then a last post."""
    t0 = pd.Timestamp("2024-04-29 08:00", tz=TZ)
    rows = [(t0 - pd.Timedelta(days=2, minutes=7 * i), f"warga{i}", "Macet lagi #jakarta", ["jakarta"])
            for i in range(30)]
    rows += [(t0 + pd.Timedelta(minutes=2 * i), f"mhs{i}", "KIP Kuliah dipakai foya-foya? #kipk", ["kipk"])
             for i in range(25)]
    rows += [(t0 + pd.Timedelta(hours=h, minutes=20), f"akun{h}", "Pagi semua", []) for h in range(1, 30)]
    posts = pd.DataFrame(rows, columns=["time", "author", "text", "hashtags"])
    return posts, t0


def test_empty_list_says_why_and_what_to_change():
    posts, t0 = _sparse_posts()
    with pytest.warns(UserWarning, match="nothing to rank") as rec:
        top = trending(posts)
    assert top.empty and list(top.columns)[:4] == ["rank", "key", "count", "accounts"]
    msg = str(rec[0].message)
    assert msg == top.attrs["empty_reason"]
    assert "It holds 1 post." in msg and "at=None ranks the latest complete bin" in msg
    # the suggested call does rank something: the busy morning
    fix = msg.split("pass at='")[1].split("'")[0]
    assert pd.Timestamp(fix) == pd.Timestamp("2024-04-29 08:00")
    assert trending(posts, at=fix)["key"].iloc[0] == "kipk"
    # and the wider window it names ranks something at the same moment
    wide = msg.split("window='")[1].split("'")[0]
    assert len(trending(posts, window=wide)) >= 1


def test_posts_without_any_key_of_the_kind_say_which_kind_to_try():
    posts, _ = _sparse_posts()
    posts["hashtags"] = [[] for _ in range(len(posts))]
    with pytest.warns(UserWarning, match="none of the 84 posts has a hashtag .* Try key='term'"):
        assert trending(posts).empty


@pytest.mark.data
def test_real_files_with_defaults_never_return_an_empty_table_silently(data_home):
    import glob
    import warnings

    files = sorted(glob.glob(str(data_home / "tweets_*" / "*.csv")))
    assert files
    seen = 0
    for path in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                posts = trendlib.read_posts(path)
            except Exception:  # labelled tables etc. that are not post files
                continue
        if len(posts) < 100:
            continue
        seen += 1
        with warnings.catch_warnings(record=True) as rec:
            warnings.simplefilter("always")
            top = trending(posts)
        if top.empty:
            reasons = [str(w.message) for w in rec if "trending()" in str(w.message)]
            assert reasons and reasons[0] == top.attrs["empty_reason"], path
            assert "Fix:" in reasons[0] or "Try key=" in reasons[0], reasons[0]
        else:
            assert (top["accounts"].isna() | (top["accounts"] >= 2)).all()
    assert seen >= 5


@settings(max_examples=25)
@given(repeats=st.lists(st.integers(0, 30), min_size=1, max_size=6), seed=st.integers(0, 1000))
def test_an_account_repeating_itself_does_not_move_the_accounts_ranking(repeats, seed):
    # posts by the same account in the same hour add posts, not accounts: with
    # rank_by="accounts" the scores are unchanged, only the post counts grow
    rng = np.random.default_rng(seed)
    t0 = pd.Timestamp("2023-09-05 00:00", tz=TZ)
    rows = []
    for h in range(30):
        for tag, rate in (("jakarta", 4), ("ktt", 2), ("macet", 3)):
            for i in range(rng.poisson(rate)):
                rows.append((t0 + pd.Timedelta(hours=h, minutes=int(rng.integers(60))), f"{tag}{i}", [tag]))
    base = pd.DataFrame(rows, columns=["time", "author", "hashtags"])
    extra = []
    for j, n in enumerate(repeats):  # existing posts repeated n times by their own author
        src = base.iloc[j % len(base)]
        extra += [(src["time"], src["author"].upper(), list(src["hashtags"]))] * n
    noisy = pd.concat([base, pd.DataFrame(extra, columns=base.columns)], ignore_index=True)
    at = t0 + pd.Timedelta("29h")
    a = trending(base, at=at, baseline="1D", top=None, min_count=1, min_accounts=1).set_index("key")
    b = trending(noisy, at=at, baseline="1D", top=None, min_count=1, min_accounts=1).set_index("key")
    common = a.index.intersection(b.index)
    assert list(common) == list(a.index)
    cols = ["expected", "velocity", "z", "acceleration", "previous", "novel", "score", "accounts"]
    pd.testing.assert_frame_equal(a.loc[common, cols], b.loc[common, cols])
    assert (b.loc[common, "count"] >= a.loc[common, "count"]).all()
