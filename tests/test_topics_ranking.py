"""Term rankings of TopicModel: "coherent" (default), "ctfidf", "probability"; labels stay distinctive."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from trendlib.topics import TopicModel, coherence, diversity, make_topic_corpus
from trendlib.topics._labels import coherent_order, ctfidf, relevance, term_order, top_terms
from trendlib.topics._quality import topic_words


@pytest.fixture(scope="module")
def corpus():
    return make_topic_corpus(3000, n_topics=6, seed=3)


@pytest.fixture(scope="module")
def models(corpus):
    return {r: TopicModel(random_state=0, term_ranking=r).fit(corpus) for r in ("coherent", "ctfidf", "probability")}


def test_the_ranking_changes_terms_not_topics(models):
    a, b, c = models["coherent"], models["ctfidf"], models["probability"]
    assert (a.labels_ == b.labels_).all() and (a.labels_ == c.labels_).all()
    # the label is the three most distinctive terms whatever the ranking
    assert a.topic_labels_ == b.topic_labels_ == c.topic_labels_
    assert [", ".join(t[:3]) for t in b.topic_terms_] == b.topic_labels_
    for m in models.values():
        assert all(len(t) == m.top for t in m.topic_terms_)


def test_coherent_terms_are_the_topics_own_words(models):
    m = models["coherent"]
    tw = m.topic_word_
    for t, terms in enumerate(m.topic_terms_):
        ids = [m.term_labels_.index(w) for w in terms]
        assert (tw[t, ids] > 0).all()


def test_coherent_terms_are_written_together_more_than_ctfidf_terms(corpus, models):
    texts = corpus["text"].tolist()
    coh = {r: coherence(m, texts) for r, m in models.items()}
    assert coh["coherent"] > coh["ctfidf"]
    # ... and repeat each other less than the most probable words
    assert diversity(models["coherent"]) >= diversity(models["probability"])


def test_coherent_order_puts_words_never_written_together_last():
    X = csr_matrix(np.array([[1, 1, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]]))
    tf = np.array([[3.0, 3.0, 0.0, 1.0]])
    assert coherent_order(tf, X, candidates=5)[0].tolist() == [0, 1, 3]
    # without documents the relevance order is used; absent words are never listed
    assert term_order(tf, None, top=5) == [[0, 1, 3]]
    assert term_order(tf, X, ranking="probability", top=5) == [[0, 1, 3]]


def test_relevance_between_probability_and_lift():
    tf = np.array([[10.0, 8.0, 0.0], [10.0, 0.0, 8.0]])
    p = relevance(tf, lam=1.0)
    lift = relevance(tf, lam=0.0)
    assert p[0, 0] > p[0, 1] and lift[0, 1] > lift[0, 0]
    assert np.isinf(relevance(tf)[0, 2])
    w = ctfidf(tf.T)
    assert top_terms(w, ["a", "b", "c"], top=2)[0] == ["b", "a"]


def test_topic_words_follow_the_model_ranking_and_go_past_the_kept_list(models):
    m = models["coherent"]
    assert topic_words(m, top=10) == m.topic_terms_
    long = topic_words(m, top=60)
    assert all(w[:10] == t for w, t in zip(long, m.topic_terms_))
    assert all(len(set(w)) == len(w) for w in long)


def test_ranking_survives_save_and_load(tmp_path, models):
    m = models["coherent"]
    back = TopicModel.load(m.save(tmp_path / "m"))
    assert back.term_ranking == "coherent"
    assert topic_words(back, top=25) == topic_words(m, top=25)


def test_bad_ranking_is_named():
    with pytest.raises(ValueError, match="term_ranking"):
        TopicModel(term_ranking="tfidf").fit(["a b c"] * 5)
