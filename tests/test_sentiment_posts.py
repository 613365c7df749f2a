"""Sentiment of posts DataFrames: add_sentiment, sentiment_over_time, intervals, the plot."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from trendlib.exceptions import SchemaError
from trendlib.sentiment import add_sentiment, polarity, sentiment_over_time
from trendlib.sentiment._posts import net_interval, wilson_interval


def summit_posts() -> pd.DataFrame:
    rows = [
        # (UTC time, text, hashtags)
        ("2023-09-04 18:30", "Selamat datang para pemimpin ASEAN di Jakarta! 😍", ["ktt", "asean"]),
        ("2023-09-05 01:00", "jalan sudirman ditutup, macet parah, kecewa banget", ["ktt"]),
        ("2023-09-05 02:00", "pembukaan KTT ASEAN keren, bangga jadi tuan rumah", ["asean"]),
        ("2023-09-05 03:00", "rapat dimulai jam 9 di JCC", []),
        ("2023-09-05 16:59", "pengamanan lancar, mantap pak polisi 👍", ["ktt"]),
        ("2023-09-05 17:00", "tidak ada hasil nyata, gagal total", ["ktt"]),
        ("2023-09-07 05:00", "penutupan KTT lancar jaya", ["asean"]),
    ]
    return pd.DataFrame(
        {
            "id": [str(i) for i in range(len(rows))],
            "time": pd.to_datetime([r[0] for r in rows], utc=True),
            "text": [r[1] for r in rows],
            "hashtags": [r[2] for r in rows],
        }
    )


def test_add_sentiment_matches_polarity_and_keeps_the_input():
    posts = summit_posts()
    before = posts.copy()
    out = add_sentiment(posts)
    pd.testing.assert_frame_equal(posts, before)
    assert list(out.columns) == [*posts.columns, "polarity", "sentiment"]
    assert out["polarity"].tolist() == pytest.approx([polarity(t) for t in posts["text"]])
    assert out.loc[1, "sentiment"] == "negative" and out.loc[2, "sentiment"] == "positive"
    assert out.attrs["sentiment_missing_text"] == 0


def test_add_sentiment_reports_missing_text_and_bad_input():
    posts = pd.DataFrame({"text": ["keren", None, float("nan"), "kecewa"]})
    out = add_sentiment(posts)
    assert out.attrs["sentiment_missing_text"] == 2
    assert out["polarity"].isna().tolist() == [False, True, True, False]
    with pytest.raises(SchemaError, match=r"add_sentiment\(\) needs columns \['body'\]"):
        add_sentiment(posts, column="body")
    with pytest.raises(TypeError, match="pandas DataFrame"):
        add_sentiment(["keren"])


def test_add_sentiment_repeated_texts_score_once():
    posts = pd.DataFrame({"text": ["RT mantap jiwa"] * 1000 + ["macet parah"]})
    out = add_sentiment(posts)
    assert out["polarity"].nunique() == 2


def test_sentiment_over_time_counts_in_jakarta_days():
    table = sentiment_over_time(summit_posts())
    # 18:30 UTC on the 4th is 01:30 WIB on the 5th; 17:00 UTC on the 5th is the 6th in WIB
    assert [str(t) for t in table["time"]] == [
        "2023-09-05 00:00:00+07:00", "2023-09-06 00:00:00+07:00", "2023-09-07 00:00:00+07:00"]
    assert table["n"].tolist() == [5, 1, 1]
    day5 = table.iloc[0]
    labels = add_sentiment(summit_posts().iloc[:5])["sentiment"].value_counts()
    for lbl in ("positive", "negative", "neutral"):
        assert day5[lbl] == labels.get(lbl, 0)
    assert day5["share_positive"] + day5["share_negative"] + day5["share_neutral"] == pytest.approx(1)
    assert day5["net"] == pytest.approx((day5["positive"] - day5["negative"]) / 5)
    assert table.attrs["tz"] == "Asia/Jakarta" and table.attrs["confidence"] == 0.95


def test_sentiment_over_time_zero_fills_and_groups_by_exploded_hashtags():
    posts = summit_posts()
    table = sentiment_over_time(posts, freq="1D", group_by="hashtags")
    assert set(table["hashtags"]) == {"ktt", "asean"}
    assert len(table) == 2 * 3  # every group has every bin
    ktt = table[table["hashtags"] == "ktt"].set_index(table[table["hashtags"] == "ktt"]["time"].astype(str))
    assert ktt.loc["2023-09-07 00:00:00+07:00", "n"] == 0
    assert np.isnan(ktt.loc["2023-09-07 00:00:00+07:00", "net"])
    assert table["n"].sum() == sum(len(h) for h in posts["hashtags"])
    assert table.attrs["dropped"] == {"no hashtags": 1}


def test_sentiment_over_time_by_a_plain_column_and_wita():
    posts = summit_posts().assign(community=["a", "b", "a", "a", "b", "b", "a"])
    table = sentiment_over_time(posts, group_by="community", tz="WITA", confidence=0.9)
    assert table.attrs["tz"] == "Asia/Makassar" and table.attrs["group_by"] == ["community"]
    assert set(table["community"]) == {"a", "b"}
    assert table.groupby("community")["n"].sum().to_dict() == {"a": 4, "b": 3}
    assert (table["time"].dt.hour == 0).all()  # local midnight in WITA
    wide = sentiment_over_time(posts, group_by="community", confidence=0.99)
    narrow = sentiment_over_time(posts, group_by="community", confidence=0.5)
    ok = wide["n"] > 0
    assert ((wide["net_high"] - wide["net_low"])[ok] > (narrow["net_high"] - narrow["net_low"])[ok]).all()


def test_sentiment_over_time_uses_an_existing_sentiment_column():
    posts = summit_posts().assign(sentiment=["positive"] * 7)
    table = sentiment_over_time(posts, freq="12h", tz="UTC")
    assert (table["negative"] == 0).all() and table["n"].sum() == 7
    with pytest.raises(ValueError, match="expects the 'sentiment' column"):
        sentiment_over_time(posts.assign(sentiment="joy"))


def test_sentiment_over_time_reports_rows_it_cannot_use():
    posts = summit_posts()
    posts.loc[0, "time"] = pd.NaT
    posts.loc[1, "text"] = None
    table = sentiment_over_time(posts)
    assert table["n"].sum() == 5
    assert table.attrs["dropped"] == {"no time": 1, "no sentiment (missing text)": 1}


def test_sentiment_over_time_takes_naive_times_as_utc():
    posts = summit_posts()
    naive = posts.assign(time=posts["time"].dt.tz_localize(None))
    naive.loc[3, "time"] = pd.NaT
    a = sentiment_over_time(naive)
    b = sentiment_over_time(posts.drop(index=3))
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["dropped"] == {"no time": 1}


def test_sentiment_over_time_bad_options():
    posts = summit_posts()
    with pytest.raises(ValueError, match="'freq' parameter of sentiment_over_time"):
        sentiment_over_time(posts, freq="hourly")
    with pytest.raises(ValueError, match="'confidence' parameter of sentiment_over_time"):
        sentiment_over_time(posts, confidence=95)
    with pytest.raises(SchemaError, match="missing \\['community'\\]"):
        sentiment_over_time(posts, group_by="community")
    with pytest.raises(SchemaError, match="missing \\['time'\\]"):
        sentiment_over_time(posts.drop(columns="time"))


# ---------------------------------------------------------------- intervals
def test_wilson_known_values():
    lo, hi = wilson_interval([8, 0, 5], [10, 10, 0])
    assert lo[0] == pytest.approx(0.4902, abs=1e-4) and hi[0] == pytest.approx(0.9433, abs=1e-4)
    assert lo[1] == 0 and hi[1] == pytest.approx(0.2775, abs=1e-4)
    assert np.isnan(lo[2]) and np.isnan(hi[2])


@given(st.integers(0, 60), st.integers(0, 60), st.integers(0, 60))
def test_net_interval_contains_the_estimate_and_stays_in_bounds(pos, neg, neu):
    n = pos + neg + neu
    lo, hi = net_interval(pos, neg, n)
    if n == 0:
        assert np.isnan(lo) and np.isnan(hi)
        return
    d = (pos - neg) / n
    assert -1 <= lo <= d + 1e-12 and d - 1e-12 <= hi <= 1
    assert hi - lo > 0  # never a point, even for 3/3 positive


def test_net_interval_narrows_with_more_posts():
    w_small = np.subtract(*net_interval(6, 2, 10)[::-1])
    w_large = np.subtract(*net_interval(600, 200, 1000)[::-1])
    assert w_large < w_small / 5


def test_net_interval_covers_the_truth_at_the_nominal_rate():
    rng = np.random.default_rng(7)
    for n, p in ((15, (0.5, 0.3, 0.2)), (40, (0.2, 0.1, 0.7)), (200, (0.45, 0.45, 0.1))):
        draws = rng.multinomial(n, p, size=4000)
        lo, hi = net_interval(draws[:, 0], draws[:, 1], n)
        truth = p[0] - p[1]
        coverage = np.mean((lo <= truth) & (truth <= hi))
        assert 0.92 <= coverage <= 0.99, (n, p, coverage)


# ---------------------------------------------------------------- plot (smoke, Agg)
def test_sentiment_timeline_draws_net_and_shares():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from trendlib.plot import sentiment_timeline

    table = sentiment_over_time(summit_posts())
    ax = sentiment_timeline(table)
    assert len(ax.lines) >= 1 and len(ax.collections) == 1  # line and its band
    ax2 = sentiment_timeline(table, kind="share", intervals=False)
    assert [line.get_label() for line in ax2.lines] == ["positive", "neutral", "negative"]
    grouped = sentiment_over_time(summit_posts(), group_by="hashtags")
    ax3 = sentiment_timeline(grouped)
    assert sorted(t.get_text() for t in ax3.get_legend().get_texts()) == ["asean", "ktt"]
    ax4 = sentiment_timeline(grouped, kind="share", group="ktt")
    assert ax4.get_title() == "ktt"
    with pytest.raises(ValueError, match="'kind' parameter of sentiment_timeline"):
        sentiment_timeline(table, kind="pie")
    with pytest.raises(ValueError, match="'group' parameter"):
        sentiment_timeline(grouped, group=["nope"])
    plt.close("all")
