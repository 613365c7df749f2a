"""Merging topics: ``TopicModel.merge_topics`` (by the analyst) and ``reduce_topics`` (automatic)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendlib.topics import TopicModel, make_topic_corpus


@pytest.fixture(scope="module")
def corpus():
    return make_topic_corpus(3000, n_topics=6, seed=11)


def _fit(corpus, seed=0):
    return TopicModel(random_state=seed).fit(corpus)


def test_merge_two_topics_into_one(corpus):
    m = _fit(corpus)
    T, old_labels, old_sizes = m.n_topics_, m.labels_.copy(), m.topic_sizes_.copy()
    old_terms = [set(t) for t in m.topic_terms_]
    a, b = 1, T - 1
    m.merge_topics(corpus, [[b, a]])  # order within a group does not matter
    assert m.n_topics_ == T - 1
    assert m.merged_[a] == m.merged_[b] == a
    assert [m.merged_[t] for t in range(T) if t not in (a, b)] == [t if t < b else t - 1 for t in range(T) if t not in (a, b)]
    # labels and sizes are the old ones merged; outliers stay outliers
    mapped = np.array([m.merged_[t] if t >= 0 else -1 for t in old_labels])
    assert (m.labels_ == mapped).all()
    assert m.topic_sizes_[a] == old_sizes[a] + old_sizes[b]
    assert m.topic_sizes_.sum() == old_sizes.sum()
    # the merged topic is described by the words of both
    assert set(m.topic_terms_[a][:10]) & (old_terms[a] | old_terms[b])
    assert len(m.topic_labels_) == len(m.topic_terms_) == len(m.representative_posts_) == m.n_topics_
    # scoring uses the merged topic: a post of either old topic now predicts to it
    pred = m.predict(corpus)
    assert pred.max() < m.n_topics_
    was = np.isin(old_labels, [a, b])
    # (a post can fall below the outlier threshold: a merged topic's words are more spread)
    assert (pred[was] == a).mean() > 0.8
    assert np.isin(pred[was], [a, -1]).mean() > 0.97


def test_merge_then_save_load_and_partial_fit(corpus, tmp_path):
    m = _fit(corpus, seed=1)
    T = m.n_topics_
    m.merge_topics(corpus, [[0, 2], [3, 4]])
    assert m.n_topics_ == T - 2
    back = TopicModel.load(m.save(tmp_path / "merged.npz"))
    assert back.topic_labels_ == m.topic_labels_
    assert (back.predict(corpus) == m.predict(corpus)).all()
    # a loaded model merges too
    assert TopicModel.load(m.save(tmp_path / "again.npz")).merge_topics(corpus, [[0, 1]]).n_topics_ == T - 3
    # a later chunk keeps the merged ids and can still open new topics in the freed slots
    more = make_topic_corpus(1500, n_topics=6, seed=12)
    labels_before = m.topic_labels_[: m.n_topics_]
    m.partial_fit(more)
    assert m.n_topics_ >= T - 2
    assert m.topic_sizes_.sum() + m.n_outliers_ == len(corpus) + len(more)
    assert len(labels_before) == T - 2


@pytest.mark.parametrize("bad", [[[0]], [[0, 0]], [[0, 1], [1, 2]], [[0, 99]], [[0, -1]], "0,1", [0, 1], [[0, 1.0]], [[True, 1]], []])
def test_merge_groups_are_validated(corpus, bad):
    m = _fit(corpus)
    with pytest.raises(ValueError, match="'topics' parameter of merge_topics"):
        m.merge_topics(corpus, bad)


def test_merge_needs_a_fitted_model(corpus):
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError, match="merge_topics"):
        TopicModel().merge_topics(corpus, [[0, 1]])


def test_reduce_topics(corpus):
    m = _fit(corpus)
    T = m.n_topics_
    assert T > 4
    m.reduce_topics(corpus, 4)
    assert m.n_topics_ == 4
    assert sorted(set(m.merged_.values())) == [0, 1, 2, 3]
    assert set(m.merged_) == set(range(T))
    assert m.labels_.max() == 3
    # nothing to reduce: unchanged
    labels = m.topic_labels_[:]
    m.reduce_topics(corpus, 10)
    assert m.topic_labels_ == labels and m.merged_ == {t: t for t in range(4)}
    with pytest.raises(ValueError, match="n_topics"):
        m.reduce_topics(corpus, 0)


def test_reduce_never_splits_a_planted_topic():
    # four planted topics reduced to two: topics are merged whole, so each planted topic
    # stays (almost) entirely inside one reduced topic
    posts = make_topic_corpus(4000, n_topics=4, seed=5)
    m = TopicModel(random_state=0).fit(posts)
    m.reduce_topics(posts, 2)
    assert m.n_topics_ == 2
    from sklearn.metrics import adjusted_rand_score

    # every planted topic lies mostly in one reduced topic
    for k in np.unique(posts["truth"][posts["truth"] >= 0]):
        lab = m.labels_[(posts["truth"] == k).to_numpy()]
        lab = lab[lab >= 0]
        assert np.bincount(lab).max() / len(lab) > 0.9
    assert adjusted_rand_score(posts["truth"], m.labels_) > 0.2


@settings(max_examples=15, deadline=None)
@given(st.data())
def test_merge_keeps_counts(data):
    posts = make_topic_corpus(600, n_topics=5, seed=3)
    m = TopicModel(random_state=0).fit(posts)
    T = m.n_topics_
    ids = data.draw(st.permutations(list(range(T))))
    cut = data.draw(st.integers(min_value=2, max_value=T))
    group = ids[:cut]
    old_labels, old_sizes = m.labels_.copy(), m.topic_sizes_.copy()
    state_total = m._state[0].sum(), m._state[1].sum(), m._state[2].sum()
    m.merge_topics(posts, [group])
    assert m.n_topics_ == T - cut + 1
    assert m.topic_sizes_.sum() == old_sizes.sum()
    assert (m._state[0].sum(), m._state[1].sum(), m._state[2].sum()) == state_total
    assert ((old_labels < 0) == (m.labels_ < 0)).all()
    assert len({m.merged_[t] for t in group}) == 1
    for t in range(T):
        assert m.topic_sizes_[m.merged_[t]] >= old_sizes[t]


# -- explain: why a post gets its topic --------------------------------------------------


@pytest.mark.parametrize("text", [
    "macet parah di tol dalam kota, jalan ditutup", "harga cabai naik lagi di pasar",
    "harga cabai naik, macet di pasar", "wkwk anjir", "", "xyzzy qwerty",
])
def test_explain_agrees_with_predict(corpus, text):
    m = _fit(corpus)
    why = m.explain(text, top=100)
    assert why.attrs["topic"] == m.predict([text])[0]
    assert list(why.columns) == ["word", "count", "topic_nats", "runner_up_nats"]
    if len(why):
        # the evidence per word is the words' evidence summed over the post's words
        per = why["topic_nats"].sum() / why["count"].sum()
        assert per == pytest.approx(why.attrs["nats_per_word"])
        assert (why.attrs["topic"] == -1) == (per < m.outlier_threshold)
        assert why["topic_nats"].is_monotonic_decreasing
        assert why.attrs["runner_up"] != why.attrs["best"]
    else:
        assert why.attrs["topic"] == -1 and why.attrs["best"] == -1 and why.attrs["label"] == "(no topic word)"


def test_explain_validates(corpus):
    m = _fit(corpus)
    with pytest.raises(TypeError, match="'text' parameter of explain"):
        m.explain(["dua", "post"])
    with pytest.raises(ValueError, match="top"):
        m.explain("macet", top=0)
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError, match="explain"):
        TopicModel().explain("macet")
