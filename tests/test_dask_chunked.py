"""The chunked path (one frame at a time) equals the whole-frame pandas functions."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trendlib
from trendlib import graphs
from trendlib._partial import chunked
from trendlib._partial import count_partial, finish_counts, merge_counts
from trendlib.datasets import load_sample_posts
from trendlib.sentiment import sentiment_over_time

SAMPLE = load_sample_posts()


def _chunks(posts: pd.DataFrame, cuts: list[int]):
    edges = [0, *sorted(set(c % (len(posts) + 1) for c in cuts)), len(posts)]
    return [posts.iloc[a:b] for a, b in zip(edges[:-1], edges[1:])]


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs == b.attrs


@settings(max_examples=15, deadline=None)
@given(cuts=st.lists(st.integers(0, 400), max_size=8), key=st.sampled_from(["hashtag", "mention", "author", "domain"]),
       freq=st.sampled_from(["30min", "1h", "1D"]), min_count=st.integers(0, 4))
def test_count_any_chunking(cuts, key, freq, min_count):
    """Property: however the posts are cut (empty chunks included), counts and accounts are exact."""
    want = trendlib.count(SAMPLE, key=key, freq=freq, min_count=min_count)
    _same(chunked.count(_chunks(SAMPLE, cuts), key=key, freq=freq, min_count=min_count), want)


@settings(max_examples=10, deadline=None)
@given(cuts=st.lists(st.integers(0, 400), max_size=6), weight=st.sampled_from(["count", "npmi", "jaccard"]),
       min_count=st.integers(1, 3))
def test_co_hashtag_edges_any_chunking(cuts, weight, min_count):
    want = graphs.co_hashtag_edges(SAMPLE, weight=weight, min_count=min_count)
    _same(chunked.co_hashtag_edges(_chunks(SAMPLE, cuts), weight=weight, min_count=min_count), want)


@settings(max_examples=10, deadline=None)
@given(cuts=st.lists(st.integers(0, 400), max_size=6), kind=st.sampled_from(["all", "mention", "retweet"]))
def test_interaction_edges_any_chunking(cuts, kind):
    _same(chunked.interaction_edges(_chunks(SAMPLE, cuts), kind=kind), graphs.interaction_edges(SAMPLE, kind=kind))


def test_merge_is_order_free():
    """Partials merged in any grouping give one table (the tree may group them any way)."""
    parts = [count_partial(c, freq="1h") for c in _chunks(SAMPLE, [40, 90, 150])]
    a = finish_counts(merge_counts([merge_counts(parts[:2]), merge_counts(parts[2:])]))
    b = finish_counts(merge_counts(parts[::-1]))
    _same(a, b)


def test_sentiment_over_time_chunked():
    a = chunked.sentiment_over_time(_chunks(SAMPLE, [33, 120]), freq="1D", group_by="is_retweet")
    b = sentiment_over_time(SAMPLE, freq="1D", group_by="is_retweet")
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-12)


@pytest.mark.data
def test_files_one_at_a_time_equal_their_concatenation(data_home):
    """A folder of daily scrape files, read one by one, counts as their concatenation."""
    files = sorted((data_home / "tweets_prabowogibran2024_2023").glob("*.csv"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frames = [trendlib.read_posts(f) for f in files]
        whole = pd.concat(frames, ignore_index=True)

        def read_each():
            for f in files:
                yield trendlib.read_posts(f)

        _same(chunked.count(read_each(), key="hashtag", freq="1D"), trendlib.count(whole, key="hashtag", freq="1D"))
        _same(chunked.count(iter(frames), key="author", freq="1D", min_count=2),
              trendlib.count(whole, key="author", freq="1D", min_count=2))
    _same(chunked.co_hashtag_edges(frames, weight="npmi", min_count=2, min_edge_count=2),
          graphs.co_hashtag_edges(whole, weight="npmi", min_count=2, min_edge_count=2))
    _same(chunked.interaction_edges(frames), graphs.interaction_edges(whole))


def test_missing_times_are_counted_and_warned_once():
    posts = SAMPLE.copy()
    posts.loc[posts.index[:7], "time"] = pd.NaT
    with pytest.warns(UserWarning, match="7 posts have no time"):
        c = chunked.count(_chunks(posts, [3, 5, 100]), freq="1D")
    assert c.attrs["rows_dropped"] == {"missing time": 7}


def test_bad_chunks_are_named():
    with pytest.raises(TypeError, match="iterable of posts frames"):
        chunked.count(SAMPLE)
    with pytest.raises(ValueError, match="'chunks' parameter of count"):
        chunked.count(iter([]))


@pytest.mark.data
def test_read_posts_chunksize_feeds_the_chunked_path(data_file):
    """``read_posts(path, chunksize=N)`` chunks of a real scrape count as the whole file."""
    path = data_file("tweets_kipk_2024", "scraped_data.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        whole = trendlib.read_posts(path)
        _same(chunked.count(trendlib.read_posts(path, chunksize=1000), key="author", freq="1D"),
              trendlib.count(whole, key="author", freq="1D"))


def test_partials_share_codes_through_united_vocabularies():
    """Keys and accounts are codes into per-partial vocabularies: one account spelled two
    ways in two partitions is one account of the cell, and the merged vocabularies hold
    each distinct key and account once."""
    t = pd.Timestamp("2023-09-05 02:10", tz="UTC")
    a = pd.DataFrame({"time": [t, t], "author": ["@Budi", "sinta"], "hashtags": [["KTTASEAN2023"], ["jakarta"]]})
    b = pd.DataFrame({"time": [t], "author": ["budi"], "hashtags": [["kttasean2023", "macet"]]})
    merged = merge_counts([count_partial(a), count_partial(b)])
    assert sorted(merged.keys) == ["jakarta", "kttasean2023", "macet"]
    assert sorted(merged.accounts) == ["budi", "sinta"]
    assert len(merged.triples) == 3 and merged.triples["author"].dtype.kind == "i"
    got = finish_counts(merged)
    _same(got, trendlib.count(pd.concat([a, b], ignore_index=True)))
    row = got[(got["key"] == "kttasean2023") & (got["count"] > 0)]
    assert row[["count", "accounts"]].values.tolist() == [[2, 1]]
