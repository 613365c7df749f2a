"""trendlib.dask equals pandas: every reduction on dd.from_pandas(posts, npartitions=3), sync scheduler."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")

import trendlib  # noqa: E402
import trendlib.dask as td  # noqa: E402
from trendlib import chunked, graphs  # noqa: E402
from trendlib.datasets import load_sample_posts, load_summit  # noqa: E402
from trendlib.sentiment import sentiment_over_time  # noqa: E402
from trendlib.topics import TopicModel, add_topics, make_topic_corpus, topics_over_time  # noqa: E402


@pytest.fixture(autouse=True)
def _sync():
    with dask.config.set(scheduler="sync"):
        yield


def _ddf(posts: pd.DataFrame, n: int = 3):
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_pandas(posts, npartitions=n, sort=False)


@pytest.fixture(scope="module")
def sample():
    return load_sample_posts()


@pytest.fixture(scope="module")
def summit():
    return load_summit()


@pytest.fixture(scope="module")
def kipk(data_file):
    path = data_file("tweets_kipk_2024", "scraped_data.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return trendlib.read_posts(path)


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs == b.attrs


KEYS = ["hashtag", "mention", "term", "author", "url", "domain"]


@pytest.mark.parametrize("key", KEYS)
def test_count_parity_sample(sample, key):
    _same(td.count(_ddf(sample), key=key, freq="3h"), trendlib.count(sample, key=key, freq="3h"))


@pytest.mark.parametrize("options", [
    {"freq": "1h", "tz": "WITA"},
    {"freq": "1D", "min_count": 5, "normalize": True},
    {"freq": "1h", "keys": ["#KTTASEAN2023", "asean", "tidak_ada"], "start": "2023-09-04", "end": "2023-09-08"},
    {"freq": "15min", "accounts": False},
])
def test_count_parity_options_summit(summit, options):
    _same(td.count(_ddf(summit, 4), key="hashtag", **options), trendlib.count(summit, key="hashtag", **options))


@pytest.mark.data
@pytest.mark.parametrize("key", ["hashtag", "mention", "author", "term"])
def test_count_parity_real_file(kipk, key):
    """A real scrape with repeated ids, missing hashtags and many one-post accounts."""
    _same(td.count(_ddf(kipk), key=key, freq="1D"), trendlib.count(kipk, key=key, freq="1D"))


def test_accounts_are_not_summed(sample):
    """One account posting in every partition is one account per cell, not three."""
    t = pd.Timestamp("2023-09-05 01:00", tz="UTC")
    posts = pd.DataFrame({"time": [t] * 6, "author": ["budi"] * 3 + ["Sari", "sari", "@SARI"],
                          "hashtags": [["kttasean"]] * 6})
    c = td.count(_ddf(posts, 3), freq="1h")
    assert c[["count", "accounts"]].values.tolist() == [[6, 2]]


@pytest.mark.parametrize("options", [
    {}, {"weight": "npmi", "min_count": 2, "min_edge_count": 2}, {"weight": "pmi"}, {"weight": "jaccard", "min_count": 3},
    {"weight": "lift"},
])
def test_co_hashtag_edges_parity(summit, options):
    _same(td.co_hashtag_edges(_ddf(summit, 5), **options), graphs.co_hashtag_edges(summit, **options))


@pytest.mark.data
def test_co_hashtag_edges_parity_real(kipk, sample):
    _same(td.co_hashtag_edges(_ddf(kipk)), graphs.co_hashtag_edges(kipk))
    _same(td.co_hashtag_edges(_ddf(sample), weight="npmi"), graphs.co_hashtag_edges(sample, weight="npmi"))


@pytest.mark.parametrize("kind", ["all", "mention", "reply", "retweet"])
def test_interaction_edges_parity(summit, kind):
    _same(td.interaction_edges(_ddf(summit, 4), kind=kind), graphs.interaction_edges(summit, kind=kind))


@pytest.mark.data
def test_interaction_edges_parity_real(kipk):
    _same(td.interaction_edges(_ddf(kipk)), graphs.interaction_edges(kipk))


def test_interaction_graph_same_nodes_edges_attributes(sample):
    G, H = td.interaction_graph(_ddf(sample)), graphs.interaction_graph(sample)
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    assert {(s, t): d for s, t, d in G.edges(data=True)} == {(s, t): d for s, t, d in H.edges(data=True)}
    assert G.graph == H.graph


def test_communities_equal_on_the_same_node_order(sample):
    """Louvain depends on node order: on the pandas graph re-inserted in name order, the tables agree."""
    import networkx as nx

    H = graphs.interaction_graph(sample)
    ordered = nx.DiGraph(**H.graph)
    ordered.add_nodes_from(sorted(H.nodes(data=True)))
    ordered.add_edges_from(H.edges(data=True))
    _same(td.communities(_ddf(sample), seed=3), graphs.communities(ordered, seed=3))


@pytest.mark.parametrize("options", [{}, {"freq": "1h", "tz": "WIT"}, {"group_by": "hashtags"},
                                     {"group_by": ["is_retweet"]}, {"ignore": ["asean", "ktt"]}])
def test_sentiment_over_time_parity_scoring(sample, options):
    a = td.sentiment_over_time(_ddf(sample), **options)
    b = sentiment_over_time(sample, **options)
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-12, atol=1e-12)
    assert a.attrs == b.attrs


@pytest.mark.data
def test_sentiment_over_time_parity_real(kipk):
    scored = td.add_sentiment(_ddf(kipk))
    a = td.sentiment_over_time(scored, freq="1D")
    b = sentiment_over_time(trendlib.sentiment.add_sentiment(kipk), freq="1D")
    pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-12, atol=1e-12)
    assert int(a["n"].sum()) == len(kipk)
    # hashtags read as words, scored in the partitions, in chunks and in pandas: the same table
    seg = sentiment_over_time(kipk, freq="1D", hashtags="segment")
    pd.testing.assert_frame_equal(td.sentiment_over_time(_ddf(kipk), freq="1D", hashtags="segment"), seg,
                                  check_exact=False, rtol=1e-12, atol=1e-12)
    pd.testing.assert_frame_equal(chunked.sentiment_over_time([kipk.iloc[:700], kipk.iloc[700:]], freq="1D",
                                                              hashtags="segment"), seg,
                                  check_exact=False, rtol=1e-12, atol=1e-12)
    assert not seg[["positive", "negative"]].equals(b[["positive", "negative"]])  # the tags' words count
    with pytest.raises(ValueError, match="'hashtags' parameter of sentiment_over_time"):
        td.sentiment_over_time(_ddf(kipk), hashtags="split")
    with pytest.raises(ValueError, match="'hashtags' parameter of sentiment_over_time"):
        chunked.sentiment_over_time([kipk], hashtags="split")


def test_add_tokens_and_sentiment_rows_equal(sample):
    from trendlib.sentiment import add_sentiment
    from trendlib.text import add_tokens

    got = td.add_sentiment(td.add_tokens(_ddf(sample), stopwords="topic")).compute()
    want = add_sentiment(add_tokens(sample, stopwords="topic"))
    pd.testing.assert_frame_equal(got, want)


def test_term_counts_from_tokens_column(sample):
    from trendlib.text import add_tokens

    ddf = td.add_tokens(_ddf(sample), stopwords="topic")
    _same(td.count(ddf, key="term", freq="1D", min_count=3),
          trendlib.count(add_tokens(sample, stopwords="topic"), key="term", freq="1D", min_count=3))


def test_bursts_and_trending_parity(summit):
    ddf = _ddf(summit, 4)
    _same(td.detect_bursts(ddf, freq="1h", method="kleinberg"),
          trendlib.detect_bursts(trendlib.count(summit, freq="1h"), method="kleinberg"))
    at = "2023-09-05 15:00"
    _same(td.trending(ddf, window="3h", at=at, top=10), trendlib.trending(summit, window="3h", at=at, top=10))


def test_explain_burst_reads_the_window_only(summit):
    burst = trendlib.detect_bursts(trendlib.count(summit, freq="1h"), method="kleinberg").iloc[0]
    got = td.explain_burst(_ddf(summit, 4), burst, before="1D")
    want = trendlib.explain_burst(summit, burst, before="1D")
    for name in ("counts", "terms", "phrases", "accounts", "samples"):
        pd.testing.assert_frame_equal(getattr(got, name), getattr(want, name))


@pytest.mark.data
def test_read_posts_glob_equals_reading_each_file(data_home):
    pattern = str(data_home / "tweets_prabowogibran2024_2023" / "*.csv")
    ddf = td.read_posts(pattern)
    import glob

    files = sorted(glob.glob(pattern))
    assert ddf.npartitions == len(files) == 31
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        want = pd.concat([trendlib.read_posts(f) for f in files], ignore_index=True)[list(ddf.columns)]
        got = ddf.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert isinstance(got["hashtags"].iloc[0], list)
    _same(td.count(ddf, freq="1D"), trendlib.count(want, freq="1D"))


def test_bad_input_names_the_parameter(sample, tmp_path):
    ddf = _ddf(sample)
    with pytest.raises(ValueError, match="'key' parameter of count"):
        td.count(ddf, key="tag")
    with pytest.raises(ValueError, match="'freq' parameter of count"):
        td.count(ddf, freq="hourly")
    with pytest.raises(ValueError, match="'weight' parameter of co_hashtag_edges"):
        td.co_hashtag_edges(ddf, weight="cosine")
    with pytest.raises(ValueError, match="'paths' parameter"):
        td.read_posts(str(tmp_path / "*.csv"))
    with pytest.raises(TypeError, match="dask.dataframe.DataFrame"):
        td.count(sample)
    with dask.config.set({"dataframe.convert-string": True}):
        stringly = dd.from_pandas(sample, npartitions=2)
    with pytest.raises(TypeError, match="convert-string"):
        td.co_hashtag_edges(stringly)


def _refuse(*args, **kwargs):
    raise RuntimeError("computed before the result was asked for")


@pytest.mark.data
def test_nothing_computes_before_asked(sample, data_home):
    """Like xarray's raise_if_dask_computes: building the pipeline never runs a task."""
    pattern = str(data_home / "tweets_prabowogibran2024_2023" / "*.csv")
    with dask.config.set(scheduler=_refuse):
        ddf = td.add_sentiment(td.add_tokens(td.read_posts(pattern), stopwords="topic"))
        lazy = [td.count(ddf, key="term", compute=False), td.co_hashtag_edges(ddf, compute=False),
                td.interaction_edges(ddf, compute=False), td.sentiment_over_time(ddf, compute=False),
                td.interaction_graph(ddf, compute=False), td.account_activity(ddf, compute=False)]
        with pytest.raises(RuntimeError, match="computed before"):
            lazy[0].compute()
    counts, edges = dask.compute(lazy[0], lazy[1])
    assert counts["count"].sum() > 0 and len(edges) > 0


def test_partitions_are_conformed_to_the_canonical_schema():
    """A frame lacking columns (or with extra ones) gets exactly the canonical columns and dtypes."""
    from trendlib.dask._collection import canonical_meta, conform

    meta = canonical_meta()
    frame = pd.DataFrame({"id": ["1"], "time": pd.to_datetime(["2023-09-05 01:00"], utc=True),
                          "text": ["Macet parah di Senayan #KTTASEAN"], "extra": [1]})
    got = conform(frame, meta)
    assert list(got.columns) == list(meta.columns)
    assert (got.dtypes == meta.dtypes).all()
    assert got["hashtags"].iloc[0] == [] and not got["is_retweet"].iloc[0]


# -- topics (trendlib.dask.fit_topics / add_topics / topics_over_time, trendlib.chunked) --


@pytest.fixture(scope="module")
def topic_corpus():
    return make_topic_corpus(4000, n_topics=5, seed=2)


def test_fit_topics_is_partial_fit_over_the_partitions(topic_corpus):
    ddf = _ddf(topic_corpus, 4)
    got = td.fit_topics(ddf, random_state=3)
    want = TopicModel(random_state=3)
    for part in ddf.to_delayed():
        want.partial_fit(part.compute())
    assert got.topic_labels_ == want.topic_labels_
    assert (got.predict(topic_corpus) == want.predict(topic_corpus)).all()
    assert got.topic_sizes_.sum() + got.n_outliers_ == len(topic_corpus)
    # a model can be continued, and a model with parameters is refused
    more = td.fit_topics(_ddf(make_topic_corpus(500, n_topics=5, seed=9), 1), got)
    assert more is got and got.topic_sizes_.sum() + got.n_outliers_ == len(topic_corpus) + 500
    with pytest.raises(TypeError, match="not both"):
        td.fit_topics(ddf, got, random_state=0)


def test_add_topics_and_counts_equal_pandas(topic_corpus):
    model = TopicModel(random_state=0).fit(topic_corpus)
    ddf = _ddf(topic_corpus, 3)
    got = td.add_topics(ddf, model).compute()
    assert got["topic"].tolist() == add_topics(topic_corpus, model)["topic"].tolist()
    for outliers in (False, True):
        table = td.topics_over_time(ddf, model, freq="6h", outliers=outliers)
        want = topics_over_time(topic_corpus, model, freq="6h", outliers=outliers)
        cols = ["time", "key", "count", "total", "accounts"]
        pd.testing.assert_frame_equal(table[cols].reset_index(drop=True), want[cols].reset_index(drop=True))
        assert table.attrs["topic_labels"] == want.attrs["topic_labels"]


def test_replies_are_read_in_their_thread_within_a_partition():
    posts = load_summit().iloc[:5000].reset_index(drop=True)
    model = TopicModel(random_state=0).fit(posts)
    one = td.add_topics(_ddf(posts, 1), model).compute()["topic"].to_numpy()
    assert (one == add_topics(posts, model)["topic"].to_numpy()).all()
    assert (one == model.labels_).all()


def test_chunked_topics_equal_pandas_and_dask(topic_corpus):
    chunks = [topic_corpus.iloc[i:i + 1000] for i in range(0, len(topic_corpus), 1000)]
    model = chunked.fit_topics(iter(chunks), random_state=3)
    seq = TopicModel(random_state=3)
    for c in chunks:
        seq.partial_fit(c)
    assert model.topic_labels_ == seq.topic_labels_
    dask_model = td.fit_topics(_ddf(topic_corpus, 4), random_state=3)
    assert dask_model.topic_labels_ == model.topic_labels_  # 4 partitions of 1,000 rows, the same chunks
    table = chunked.topics_over_time(iter(chunks), model, freq="1D", outliers=True)
    pd.testing.assert_frame_equal(table, topics_over_time(topic_corpus, model, freq="1D", outliers=True), check_like=False)
    with pytest.raises(TypeError, match="not both"):
        chunked.fit_topics(iter(chunks), model, random_state=0)


def _keyword_scrape(tmp_path):
    """Two files of a keyword scrape about corruption: headlines and opinions (our own texts)."""
    heads = ["KPK Tetapkan Tersangka Baru Kasus Korupsi Tol {}", "Sidang Korupsi Dana Desa {} Digelar Hari Ini",
             "Kejaksaan Periksa Saksi Kasus Korupsi Pengadaan {}"]
    opinions = ["korupsi lagi korupsi lagi, rakyat {} makin sengsara", "salut sama KPK, berantas korupsi di {}!"]
    places = ["Semarang", "Medan", "Bogor", "Makassar", "Padang", "Kendari", "Malang", "Jambi"]
    rows = [(t.format(p), h) for h, t in enumerate(heads + opinions) for p in places]
    paths = []
    for k in range(2):
        part = rows[k::2]
        frame = pd.DataFrame({
            "id": [f"{k}-{i}" for i in range(len(part))],
            "time": pd.date_range("2025-09-01", periods=len(part), freq="3h", tz="UTC").strftime("%Y-%m-%dT%H:%M:%SZ"),
            "author": [f"akun{(i * 7 + k) % 13}" for i in range(len(part))],
            "text": [t for t, _ in part],
        })
        path = tmp_path / f"korupsi_{k}.csv"
        frame.to_csv(path, index=False)
        paths.append(str(path))
    return paths


def test_dask_report_leaves_the_query_terms_out_as_the_pandas_report_does(tmp_path):
    from trendlib.report import build_report

    paths = _keyword_scrape(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = pd.concat([trendlib.read_posts(p) for p in paths], ignore_index=True)
        rep = td.build_report(paths, scheduler="sync")
        pandas_rep = build_report(posts, progress=False)
    assert rep["excluded_terms"]["term"].tolist() == ["korupsi"]
    pd.testing.assert_frame_equal(rep["excluded_terms"], pandas_rep.excluded_terms)
    assert "korupsi" not in set(rep["counts"]["term"]["key"])
    want = sentiment_over_time(pandas_rep.posts, freq="1D")
    pd.testing.assert_frame_equal(rep["sentiment"], want, check_exact=False, rtol=1e-12)
    # the headlines are neutral once the query word is not read as opinion
    assert rep["sentiment"]["neutral"].sum() >= 24
    named = td.build_report(paths, scheduler="sync", topic="KPK")["excluded_terms"]
    assert named["term"].tolist() == ["kpk", "korupsi"] and named["reason"].iloc[0] == "named with topic="


def test_dask_query_terms_sample_each_partition_when_it_is_large(monkeypatch, summit):
    """A bounded sample per partition: the terms in most posts are still found."""
    import trendlib.report._build as B
    from trendlib.dask._report import _query_terms

    monkeypatch.setattr(B, "_QUERY_SAMPLE", 3_000)
    ddf = _ddf(summit.head(20_000), n=4)
    got = _query_terms(ddf, [])
    exact = B._query_terms(summit.head(20_000), [])
    assert set(got["term"]) == set(exact["term"]) == {"ktt"}
