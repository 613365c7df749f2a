"""Bursts on real tweet-harvest files from the data home (skipped when absent).

Defaults a user would use: hourly bins in WIB, detect_bursts' default parameters.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import trendlib
from trendlib.bursts import kleinberg

DANANTARA = ("danantara_pra.csv", "danantara_day.csv", "danantara_pasca.csv")


def _read(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the reader reports duplicates etc.; not under test here
        return trendlib.read_posts(path)


@pytest.fixture(scope="module")
def danantara_posts(data_file):
    posts = _read([data_file("tweets_danantara_2025", f) for f in DANANTARA])  # read together
    assert len(posts) > 11_000
    return posts


@pytest.fixture(scope="module")
def danantara_counts(danantara_posts):
    return trendlib.count(danantara_posts, key="hashtag")


@pytest.mark.parametrize("method", ["kleinberg", "poisson", "zscore", "ewma"])
def test_danantara_launch_campaign_is_the_strongest_burst(danantara_counts, method):
    found = trendlib.detect_bursts(danantara_counts, method=method, normalize=True)
    top = found.iloc[0]
    assert top.key == "danantarabangunnegeri"
    wib = "Asia/Jakarta"
    assert pd.Timestamp("2025-02-24", tz=wib) <= top.start < pd.Timestamp("2025-02-26", tz=wib)
    assert pd.Timestamp("2025-02-24", tz=wib) <= top.peak_time < pd.Timestamp("2025-02-26", tz=wib)
    assert top.peak_count > 300


@pytest.fixture(scope="module")
def kipk_posts(data_file):
    return _read(data_file("tweets_kipk_2024", "scraped_data.csv"))


def test_kipk_surge_is_found_in_post_times(kipk_posts):
    # continuous Kleinberg over every post time (second resolution: many ties)
    times = kipk_posts["time"]
    assert times.duplicated().any()
    b = kleinberg(times)
    top = b[b.level == 1].sort_values("weight", ascending=False).iloc[0]
    assert top.start <= pd.Timestamp("2024-04-29 12:00", tz="UTC")
    assert top.end >= pd.Timestamp("2024-04-30 12:00", tz="UTC")
    assert top.end - top.start < pd.Timedelta("5D")  # the surge, not the whole ten months


def test_kipk_surge_is_found_in_terms(kipk_posts):
    c = trendlib.count(kipk_posts, key="term", freq="1D", min_count=20)
    found = trendlib.detect_bursts(c)
    top = found.iloc[0]
    for day in ("2024-04-29", "2024-04-30"):
        assert top.start <= pd.Timestamp(day, tz="Asia/Jakarta") < top.end
    kipk = found[found.key == "kipk"]
    assert len(kipk) and (kipk.start <= pd.Timestamp("2024-04-29", tz="Asia/Jakarta")).any()


def test_danantara_bursts_say_who_made_them(danantara_posts, danantara_counts):
    # the launch campaign is a crowd; the misspelt #danantaramembangunnegri the next evening
    # is one account posting 72 times in an hour: a burst of posts, not of interest
    found = trendlib.detect_bursts(danantara_counts, normalize=True, posts=danantara_posts)
    assert found.attrs["accounts_from"] == "posts"
    launch = found[found.key == "danantarabangunnegeri"].iloc[0]
    assert launch.accounts > 1000 and launch.effective_accounts > 1000 and launch.top_account_share < 0.01
    solo = found[found.key == "danantaramembangunnegri"].iloc[0]
    assert solo.posts >= 50 and solo.accounts == 1 and solo.top_account_share == 1.0
    mine = danantara_posts[danantara_posts.hashtags.map(lambda h: "danantaramembangunnegri" in h)]
    assert mine.author.str.lower().nunique() == 1 and solo.top_account == mine.author.iloc[0].lower()
    # from the counts alone the same burst still shows one account per bin
    approx = trendlib.detect_bursts(danantara_counts, normalize=True)
    row = approx[approx.key == "danantaramembangunnegri"].iloc[0]
    assert row.accounts == (row.end - row.start) / pd.Timedelta("1h") and row.effective_accounts <= row.accounts
    # and trending at that hour does not list it, while ranking by posts puts it on top
    at = solo.start
    assert "danantaramembangunnegri" not in set(trendlib.trending(danantara_posts, at=at)["key"])
    assert trendlib.trending(danantara_posts, at=at, rank_by="posts")["key"].iloc[0] == "danantaramembangunnegri"
