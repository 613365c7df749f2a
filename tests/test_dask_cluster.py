"""End to end on a real distributed.LocalCluster of 2 worker processes."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import trendlib  # noqa: E402
import trendlib.dask as td  # noqa: E402
from trendlib import graphs  # noqa: E402


@pytest.mark.data
def test_local_cluster_two_processes_end_to_end(data_home):
    """Files -> read, tokens, sentiment, counts, bursts, edges on 2 processes = pandas."""
    from trendlib.sentiment import add_sentiment, sentiment_over_time
    from trendlib.text import add_tokens

    pattern = str(data_home / "tweets_danantara_2025" / "*.csv")
    files = sorted((data_home / "tweets_danantara_2025").glob("*.csv"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = pd.concat([trendlib.read_posts(f) for f in files], ignore_index=True)
    posts = add_sentiment(add_tokens(posts, stopwords="topic"), hashtags="segment")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        import dask

        ddf = td.add_sentiment(td.add_tokens(td.read_posts(pattern), stopwords="topic"), hashtags="segment")
        counts, edges, inter, senti = dask.compute(
            td.count(ddf, key="term", freq="1D", min_count=5, compute=False),
            td.co_hashtag_edges(ddf, weight="npmi", compute=False),
            td.interaction_edges(ddf, compute=False),
            td.sentiment_over_time(ddf, freq="1D", compute=False),
        )
        assert len(client.scheduler_info()["workers"]) == 2
        bursts = td.detect_bursts(ddf, freq="1h", method="kleinberg")
    pd.testing.assert_frame_equal(counts, trendlib.count(posts, key="term", freq="1D", min_count=5))
    pd.testing.assert_frame_equal(edges, graphs.co_hashtag_edges(posts, weight="npmi"))
    pd.testing.assert_frame_equal(inter, graphs.interaction_edges(posts))
    pd.testing.assert_frame_equal(senti, sentiment_over_time(posts, freq="1D"), check_exact=False, rtol=1e-12)
    pd.testing.assert_frame_equal(bursts, trendlib.detect_bursts(trendlib.count(posts, freq="1h"), method="kleinberg"))


@pytest.mark.data
def test_build_report_on_files(data_home):
    """The report's heavy sections from a glob equal the pandas functions on the concatenation."""
    from trendlib.sentiment import add_sentiment, sentiment_over_time
    from trendlib.text import add_tokens

    files = sorted((data_home / "tweets_prabowogibran2024_2023").glob("*.csv"))
    rep = td.build_report(str(data_home / "tweets_prabowogibran2024_2023" / "*.csv"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = pd.concat([trendlib.read_posts(f) for f in files], ignore_index=True)
    from trendlib.report._build import _query_terms

    # the pandas report's query terms (every distinct text: the files are small), not read as opinion
    query = _query_terms(posts, [])
    pd.testing.assert_frame_equal(rep["excluded_terms"], query)
    ignore = query["term"].tolist() or None
    posts = add_sentiment(add_tokens(posts, stopwords="topic"), hashtags="segment", ignore=ignore)  # as the report
    assert rep["n_posts"] == len(posts)
    from trendlib.report import choose_freq

    assert rep["freq"] == choose_freq(posts)
    pd.testing.assert_frame_equal(rep["counts"]["hashtag"], trendlib.count(posts, key="hashtag", freq=rep["freq"]))
    from trendlib.report._build import sentiment_freq

    pd.testing.assert_frame_equal(rep["sentiment"], sentiment_over_time(posts, freq=sentiment_freq(rep["freq"])),
                                  check_exact=False, rtol=1e-12)
    want = graphs.co_hashtag_edges(posts, weight="npmi", min_count=2, min_edge_count=2)
    pd.testing.assert_frame_equal(rep["associations"], want[want["weight"] > 0].reset_index(drop=True))
    pd.testing.assert_frame_equal(rep["coordinated"], graphs.coordinated_accounts(posts))
    assert len(rep["bursts"]) and rep["trending"] is not None


@pytest.mark.data
def test_build_report_with_a_sentiment_model_on_files(data_home):
    """sentiment_model= on Dask: each worker loads the pretrained model (nothing pickled); the
    sentiment over time equals add_sentiment(posts, model=...) on the concatenated files."""
    from trendlib.sentiment import add_sentiment, sentiment_over_time

    files = sorted((data_home / "tweets_kipk_2024").glob("*.csv"))
    rep = td.build_report([str(f) for f in files], sentiment_model="multi")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = pd.concat([trendlib.read_posts(f) for f in files], ignore_index=True)
    from trendlib.report._build import _query_terms, sentiment_freq

    ignore = _query_terms(posts, [])["term"].tolist()
    assert ignore  # "kipk", "beasiswa": removed from the texts the model reads
    # the scrape spans ten months: 7-day report bins, and sentiment in the same bins
    assert rep["freq"] == "7D" and rep["sentiment"].attrs["freq"] == "7D"
    want = sentiment_over_time(add_sentiment(posts, model="multi", ignore=ignore), freq=sentiment_freq(rep["freq"]))
    pd.testing.assert_frame_equal(rep["sentiment"], want, check_exact=False, rtol=1e-12)
    lexicon = td.build_report([str(f) for f in files], scheduler="sync")["sentiment"]
    assert not lexicon[["positive", "neutral", "negative"]].equals(rep["sentiment"][["positive", "neutral", "negative"]])
