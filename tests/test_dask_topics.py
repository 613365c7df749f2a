"""Topics on Dask: fit partition by partition, assign per partition, count exactly."""

from __future__ import annotations

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")

import trendlib.dask as td  # noqa: E402
from trendlib.datasets import load_summit  # noqa: E402
from trendlib.topics import TopicModel, add_topics, make_topic_corpus, topics_over_time  # noqa: E402


@pytest.fixture(autouse=True)
def _sync():
    with dask.config.set(scheduler="sync"):
        yield


def _ddf(posts: pd.DataFrame, n: int):
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_pandas(posts, npartitions=n, sort=False)


@pytest.fixture(scope="module")
def corpus():
    return make_topic_corpus(4000, n_topics=5, seed=2)


def test_fit_topics_is_partial_fit_over_the_partitions(corpus):
    ddf = _ddf(corpus, 4)
    got = td.fit_topics(ddf, random_state=3)
    want = TopicModel(random_state=3)
    for part in ddf.to_delayed():
        want.partial_fit(part.compute())
    assert got.topic_labels_ == want.topic_labels_
    assert (got.predict(corpus) == want.predict(corpus)).all()
    assert got.topic_sizes_.sum() + got.n_outliers_ == len(corpus)
    # a model can be continued, and a model with parameters is refused
    more = td.fit_topics(_ddf(make_topic_corpus(500, n_topics=5, seed=9), 1), got)
    assert more is got and got.topic_sizes_.sum() + got.n_outliers_ == len(corpus) + 500
    with pytest.raises(TypeError, match="not both"):
        td.fit_topics(ddf, got, random_state=0)


def test_add_topics_and_counts_equal_pandas(corpus):
    model = TopicModel(random_state=0).fit(corpus)
    ddf = _ddf(corpus, 3)
    got = td.add_topics(ddf, model).compute()
    assert got["topic"].tolist() == add_topics(corpus, model)["topic"].tolist()
    for outliers in (False, True):
        table = td.topics_over_time(ddf, model, freq="6h", outliers=outliers)
        want = topics_over_time(corpus, model, freq="6h", outliers=outliers)
        cols = ["time", "key", "count", "total", "accounts"]
        pd.testing.assert_frame_equal(table[cols].reset_index(drop=True), want[cols].reset_index(drop=True))
        assert table.attrs["topic_labels"] == want.attrs["topic_labels"]


def test_replies_are_read_in_their_thread_within_a_partition():
    posts = load_summit().iloc[:5000].reset_index(drop=True)
    model = TopicModel(random_state=0).fit(posts)
    one = td.add_topics(_ddf(posts, 1), model).compute()["topic"].to_numpy()
    assert (one == add_topics(posts, model)["topic"].to_numpy()).all()
    assert (one == model.labels_).all()


def test_chunked_topics_equal_pandas_and_dask(corpus):
    from trendlib import chunked

    chunks = [corpus.iloc[i:i + 1000] for i in range(0, len(corpus), 1000)]
    model = chunked.fit_topics(iter(chunks), random_state=3)
    seq = TopicModel(random_state=3)
    for c in chunks:
        seq.partial_fit(c)
    assert model.topic_labels_ == seq.topic_labels_
    dask_model = td.fit_topics(_ddf(corpus, 4), random_state=3)
    assert dask_model.topic_labels_ == model.topic_labels_  # 4 partitions of 1,000 rows, the same chunks
    table = chunked.topics_over_time(iter(chunks), model, freq="1D", outliers=True)
    pd.testing.assert_frame_equal(table, topics_over_time(corpus, model, freq="1D", outliers=True), check_like=False)
    with pytest.raises(TypeError, match="not both"):
        chunked.fit_topics(iter(chunks), model, random_state=0)
