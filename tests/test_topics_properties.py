"""Invariants of trendlib.topics (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendlib.topics import TopicModel, coherence, diversity, make_topic_corpus
from trendlib.topics._labels import ctfidf

_MODEL = None


def _model():
    global _MODEL
    if _MODEL is None:
        _MODEL = TopicModel(random_state=0).fit(make_topic_corpus(1500, n_topics=5, seed=4))
    return _MODEL


_words = st.sampled_from("macet banjir harga cabai ktt asean timnas gol wkwk yang di #KTTASEAN2023 "
                         "@setkab https://t.co/x 👍 bgt gak".split())
_texts = st.lists(st.lists(_words, max_size=12).map(" ".join) | st.text(max_size=40), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None)
@given(_texts)
def test_predict_is_per_post_and_in_range(texts):
    m = _model()
    got = m.predict(texts)
    assert got.dtype == np.int64 and len(got) == len(texts)
    assert ((got >= -1) & (got < m.n_topics_)).all()
    one_by_one = np.concatenate([m.predict([t]) for t in texts])
    assert (got == one_by_one).all()  # a post's topic depends on that post only
    P = m.transform(texts)
    assert np.allclose(P.sum(axis=1), 1) and (P >= 0).all()


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(st.integers(0, 20), min_size=3, max_size=3), min_size=1, max_size=12))
def test_ctfidf_is_nonnegative_and_zero_where_absent(rows):
    tf = np.asarray(rows, dtype=float)
    w = ctfidf(tf)
    assert w.shape == tf.shape and (w >= 0).all()
    assert (w[tf == 0] == 0).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from("a b c d e f g".split()), min_size=2, max_size=4, unique=True),
                min_size=1, max_size=4),
       st.lists(st.lists(st.sampled_from("a b c d e f g".split()), max_size=5), min_size=1, max_size=30))
def test_coherence_and_diversity_bounds(topics, ref):
    c = coherence(topics, [tuple(r) for r in ref], stem=False, per_topic=True)
    finite = c[np.isfinite(c)]
    assert ((finite >= -1 - 1e-9) & (finite <= 1 + 1e-9)).all()
    d = diversity(topics, top=4)
    assert 0 < d <= 1


def test_coherence_rejects_a_string():
    with pytest.raises(TypeError, match="'topics'"):
        coherence("macet", ["macet"])
