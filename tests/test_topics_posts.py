"""Topics on posts: add_topics, topics_over_time (-> count, bursts), sentiment, communities."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import trendlib as tl
from trendlib.exceptions import SchemaError
from trendlib.topics import (
    TopicModel,
    add_topics,
    make_topic_corpus,
    topic_sentiment,
    topics_by_community,
    topics_over_time,
)


@pytest.fixture(scope="module")
def posts():
    p = make_topic_corpus(2500, n_topics=4, seed=7)
    # a burst: 300 extra posts about an earthquake in one hour of the week
    from trendlib.topics._synthetic import PLANTED_TOPICS

    rng = np.random.default_rng(1)
    words = PLANTED_TOPICS["gempa"][0]
    burst = pd.DataFrame({
        "id": [f"b{i}" for i in range(300)],
        "time": pd.Timestamp("2023-09-04 03:00", tz="UTC") + pd.to_timedelta(rng.integers(0, 3600, 300), "s"),
        "author": [f"warga{i}" for i in rng.integers(0, 250, 300)],
        "text": [" ".join(rng.choice(words, 6)) + " #GempaCianjur" for _ in range(300)],
        "truth": 99, "truth_name": "gempa",
    })
    return pd.concat([p, burst], ignore_index=True).sort_values("time", ignore_index=True)


@pytest.fixture(scope="module")
def model(posts):
    return TopicModel(random_state=0).fit(posts)


def test_add_topics_column_and_count_by_topic(posts, model):
    out = add_topics(posts, model)
    assert out["topic"].dtype == np.int64
    assert (out["topic"].to_numpy() == model.labels_).all()
    assert out.attrs["topic_outliers"] == int((model.labels_ < 0).sum())
    assert "topic" not in posts.columns  # a copy
    c = tl.count(out, key="topic", freq="1D")
    assert set(c.columns) >= {"time", "key", "count", "total", "accounts"}
    assert set(c["key"]) == {str(t) for t in np.unique(model.labels_)}


def test_topics_over_time_is_the_counts_table(posts, model):
    c = topics_over_time(posts, model, freq="1h", tz="WIB")
    assert list(c.columns[:5]) == ["time", "key", "count", "total", "accounts"]
    assert "-1" not in set(c["key"])  # outliers left out by default ...
    per_bin = c.groupby("time")["total"].first()
    assert per_bin.sum() == len(posts)  # ... but counted in the bin totals
    assert c.attrs["key"] == "topic" and c.attrs["topic_labels"]["0"] == model.topic_labels_[0]
    with_out = topics_over_time(posts, model, freq="1h", outliers=True)
    assert with_out["count"].sum() == len(posts)


def test_a_topic_burst_is_detected_like_a_hashtag_burst(posts, model):
    quake = model.predict(["gempa magnitudo guncangan bmkg tsunami"])[0]
    assert quake >= 0
    c = topics_over_time(posts, model, freq="1h")
    bursts = tl.detect_bursts(c)
    hit = bursts[bursts["key"] == str(quake)]
    assert len(hit) >= 1
    start = pd.Timestamp("2023-09-04 03:00", tz="UTC")
    assert ((hit["start"] <= start + pd.Timedelta("1h")) & (hit["end"] >= start)).any()


def test_topics_over_time_reads_an_existing_topic_column(posts, model):
    with_t = add_topics(posts, model)
    a = topics_over_time(with_t, freq="1D")
    b = topics_over_time(posts, model, freq="1D")
    assert a[["time", "key", "count"]].equals(b[["time", "key", "count"]])
    with pytest.raises(SchemaError, match="add_topics"):
        topics_over_time(posts, freq="1D")


def test_topic_sentiment_intervals(posts, model):
    t = topic_sentiment(posts, model)
    assert t["n"].sum() == len(posts)
    assert ((t["positive_low"] <= t["positive_share"]) & (t["positive_share"] <= t["positive_high"])).all()
    assert ((t["net_low"] <= t["net"]) & (t["net"] <= t["net_high"])).all()
    assert t["net"].between(-1, 1).all()
    # an existing sentiment column is used as it is
    labelled = posts.assign(sentiment="negative")
    t2 = topic_sentiment(labelled, model)
    assert (t2["negative_share"] == 1).all() and (t2["net"] == -1).all()


def test_topic_sentiment_reads_real_indonesian_polarity():
    posts = pd.DataFrame({
        "topic": [0] * 4 + [1] * 4,
        "text": ["mantap, pelayanan bagus sekali", "keren, sangat membantu", "puas banget", "bagus, terima kasih",
                 "macet parah, kesal", "jalan ditutup, kecewa berat", "buruk sekali", "parah, capek"],
    })
    t = topic_sentiment(posts).set_index("topic")
    assert t.loc[0, "net"] > 0.5 and t.loc[1, "net"] < -0.5
    assert t.loc[0, "net_low"] > t.loc[1, "net_high"]


def test_topics_by_community(posts, model):
    authors = posts["author"].unique()
    membership = {a: ("A" if i % 2 else "B") for i, a in enumerate(authors[:-10])}
    t = topics_by_community(posts, membership, model)
    assert set(t["community"]) == {"A", "B"}
    assert t.groupby("community")["share"].sum().round(9).eq(1).all()
    assert ((t["share_low"] <= t["share"]) & (t["share"] <= t["share_high"])).all()
    dropped = t.attrs["rows_dropped"]["author without community"]
    assert dropped == int(posts["author"].isin(authors[-10:]).sum())
    assert "label" in t.columns


def test_topics_by_community_lift_finds_the_community_that_talks_about_it():
    posts = pd.DataFrame({"author": ["a1", "a2", "a3", "b1", "b2", "b3"] * 10,
                          "topic": [0, 0, 0, 1, 1, 0] * 10})
    t = topics_by_community(posts, {"A1": "x", "a2": "x", "@a3": "x", "b1": "y", "b2": "y", "b3": "y"})
    row = t[(t.community == "y") & (t.topic == 1)].iloc[0]
    assert row["lift"] > 1.5 and row["accounts"] == 2


def test_bad_arguments(posts, model):
    with pytest.raises(TypeError, match="fitted TopicModel"):
        add_topics(posts, "model")
    with pytest.raises(ValueError, match="'confidence'"):
        topic_sentiment(posts, model, confidence=2)
    with pytest.raises(TypeError, match="membership"):
        topics_by_community(posts, ["a"], model)
    with pytest.raises(ValueError, match="'out'"):
        add_topics(posts, model, out="")
    with pytest.raises(ValueError, match="'freq'"):
        topics_over_time(posts, model, freq="hourly")
