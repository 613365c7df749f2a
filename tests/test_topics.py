"""TopicModel: features, fitting, planted topics, outliers, labels, partial_fit, persistence."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from trendlib.exceptions import FormatError, SchemaError
from trendlib.topics import TopicModel, make_topic_corpus
from trendlib.topics._features import Featurizer


@pytest.fixture(scope="module")
def corpus():
    return make_topic_corpus(3000, n_topics=6, seed=3)


@pytest.fixture(scope="module")
def model(corpus):
    return TopicModel(random_state=0).fit(corpus)


def test_features_fold_hashtag_variants_and_slang_together():
    f = Featurizer(stem=False)
    assert f.words("#KTTASEAN2023 rame bgt") == ("ktt", "asean", "ramai")  # slang: rame -> ramai
    assert f.words("ktt asean di jakarta") == ("ktt", "asean", "jakarta")
    assert f.words("#ASEAN2023") == ("asean",)
    assert f.words("@setkab https://t.co/x 2023 👍") == ()
    assert f.words(None) == ()


def test_stems_merge_affixes_but_labels_keep_written_forms():
    f = Featurizer(stem=True)
    assert f.key("keracunan") == f.key("racun")
    texts = ["siswa keracunan menu sekolah", "banyak siswa keracunan lagi", "keracunan massal siswa"] * 5
    m = TopicModel(min_df=2, min_posts=2, random_state=0).fit(texts)
    assert "keracunan" in m.term_labels_  # the written form, not the stem "racun"
    assert "racun" in m.vocabulary_


def test_planted_topics_are_recovered(corpus, model):
    assert adjusted_rand_score(corpus["truth"], model.labels_) >= 0.8
    # each planted topic's own first word labels the topic that holds most of its posts
    from trendlib.topics._synthetic import PLANTED_TOPICS

    names = list(PLANTED_TOPICS)
    for t in range(6):
        main = pd.Series(model.labels_[corpus["truth"].to_numpy() == t]).mode()[0]
        assert main >= 0
        first = PLANTED_TOPICS[names[t]][0][0]
        assert first in model.topic_terms_[main][:5] or any(
            first in r.lower() for r in model.representative_posts_[main]
        )


def test_fixed_number_of_topics(corpus):
    m = TopicModel(n_topics=6, random_state=1).fit(corpus["text"])
    assert m.n_topics_ == 6
    assert adjusted_rand_score(corpus["truth"], m.labels_) >= 0.8


def test_same_seed_same_topics(corpus):
    a = TopicModel(random_state=5).fit(corpus.text[:1500])
    b = TopicModel(random_state=5).fit(corpus.text[:1500])
    assert (a.labels_ == b.labels_).all() and a.topic_terms_ == b.topic_terms_


def test_noise_posts_are_outliers_more_often(corpus, model):
    noise = corpus["truth"].to_numpy() < 0
    out = model.labels_ < 0
    assert out[noise].mean() > 3 * max(out[~noise].mean(), 0.01)


def test_posts_without_topic_words_are_outliers(model):
    got = model.predict(["", None, "@user https://t.co/abc 👍", "yang di dan"])
    assert got.tolist() == [-1, -1, -1, -1]


def test_transform_rows_are_probabilities_and_predict_agrees(corpus, model):
    P = model.transform(corpus.text[:300])
    assert P.shape == (300, model.n_topics_)
    assert np.allclose(P.sum(axis=1), 1)
    pred = model.predict(corpus.text[:300])
    inl = pred >= 0
    assert (P.argmax(axis=1)[inl] == pred[inl]).all()


def test_fit_predict_equals_predict_on_training_posts(corpus, model):
    assert (model.predict(corpus["text"]) == model.labels_).all()


def test_repeated_texts_are_one_voice():
    base = ["harga cabai naik di pasar", "cabai mahal pedagang pasar", "harga beras naik pasar",
            "macet parah jalan tol", "jalan tol macet total", "macet lagi di tol"] * 5
    spam = ["promo slot gacor daftar sekarang"] * 500
    m = TopicModel(min_df=2, min_posts=3, random_state=0).fit(base + spam)
    assert m.n_docs_ == 7  # distinct token bags
    assert (m.labels_[-500:] == m.labels_[-1]).all()


def test_topic_info_table(model):
    info = model.topic_info()
    assert list(info.columns) == ["topic", "posts", "share", "label", "terms", "phrase", "example"]
    assert info["topic"].tolist() == list(range(model.n_topics_)) + [-1]
    assert info["posts"].sum() == 3000
    assert info["share"].sum() == pytest.approx(1.0)


def test_phrase_is_a_real_sequence_of_the_topic():
    rng = np.random.default_rng(0)
    mbg = ["enak", "sekolah", "anak", "program", "siswa", "menu", "jalan", "hari"]
    cabai = ["pasar", "mahal", "naik", "pedagang", "ibu", "kilo", "beli", "minggu"]
    texts = [f"{rng.choice(mbg)} makan bergizi gratis {rng.choice(mbg)} {rng.choice(mbg)}" for _ in range(30)]
    texts += [f"{rng.choice(cabai)} harga cabai {rng.choice(cabai)} {rng.choice(cabai)}" for _ in range(30)]
    # two subjects only: their phrases are in half the posts, above the default max_df
    m = TopicModel(min_posts=3, max_df=0.6, random_state=0).fit(texts)
    t = m.predict(["makan bergizi gratis"])[0]
    assert m.topic_phrases_[t] == "makan bergizi gratis"
    assert m.topic_phrases_[m.predict(["harga cabai"])[0]] == "harga cabai"


def test_partial_fit_keeps_topic_ids_and_learns_new_words(corpus):
    m = TopicModel(random_state=0)
    m.partial_fit(corpus.text[:1500])
    before = list(m.topic_labels_)
    n_vocab = len(m.vocabulary_)
    m.partial_fit(list(corpus.text[1500:]) + ["rapat umum pemegang saham bank"] * 0)
    assert m.topic_labels_[: len(before)] == before or m.n_topics_ >= len(before)
    assert len(m.vocabulary_) >= n_vocab
    assert m.topic_sizes_.sum() + m.n_outliers_ == 3000
    assert adjusted_rand_score(corpus.truth[1500:], m.labels_) >= 0.8


def test_partial_fit_new_subject_gets_a_new_topic():
    a = make_topic_corpus(1500, n_topics=3, seed=1)
    m = TopicModel(random_state=0).fit(a)
    k = m.n_topics_
    from trendlib.topics._synthetic import PLANTED_TOPICS

    words = PLANTED_TOPICS["gempa"][0]
    rng = np.random.default_rng(0)
    new = [" ".join(rng.choice(words, 6)) for _ in range(300)]
    m.partial_fit(new)
    assert m.n_topics_ > k
    # compared as stems: a term shows the most frequent written form of its stem over
    # everything fitted ("pengungsi" from an earlier chunk for "pengungsian")
    f = Featurizer(stem=True)
    assert {f.key(w) for w in m.topic_terms_[k]} <= {f.key(w) for w in words}


def test_save_load_roundtrip(tmp_path, corpus, model):
    path = model.save(tmp_path / "topics")
    assert path.suffix == ".npz"
    back = TopicModel.load(path)
    assert back.get_params() == model.get_params()
    assert (back.predict(corpus.text[:500]) == model.predict(corpus.text[:500])).all()
    assert back.topic_terms_ == model.topic_terms_
    assert back.representative_posts_ == model.representative_posts_
    back.partial_fit(corpus.text[:200])  # the sampler state survives
    assert back.n_docs_ > model.n_docs_


def test_load_rejects_damaged_files(tmp_path, model):
    path = model.save(tmp_path / "m.npz")
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    meta = json.loads(str(arrays["meta"]))
    meta["slots"] = [999]
    bad = tmp_path / "bad.npz"
    np.savez(bad, **{**arrays, "meta": np.array(json.dumps(meta))})
    with pytest.raises(FormatError, match="slots"):
        TopicModel.load(bad)
    other = tmp_path / "other.npz"
    np.savez(other, **{**arrays, "n_wk": arrays["n_wk"][:-1]})
    with pytest.raises(FormatError, match="vocabulary"):
        TopicModel.load(other)
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    with pytest.raises(FormatError):
        TopicModel.load(tmp_path / "junk.npz")


@pytest.mark.parametrize(
    "params, match",
    [
        ({"n_topics": "many"}, "'n_topics' parameter of fit"),
        ({"n_topics": 1}, "'n_topics'"),
        ({"alpha": 0}, "'alpha'"),
        ({"max_df": 1.5}, "'max_df'"),
        ({"min_posts": 0}, "'min_posts'"),
        ({"outlier_threshold": "low"}, "'outlier_threshold'"),
        ({"top": True}, "'top'"),
    ],
)
def test_bad_parameters_are_named(params, match):
    with pytest.raises(ValueError, match=match):
        TopicModel(**params).fit(["macet parah"] * 5)


def test_bad_input():
    with pytest.raises(TypeError, match="one str"):
        TopicModel().fit("macet parah di tol")
    with pytest.raises(SchemaError, match="fit\\(\\) needs columns \\['text'\\]"):
        TopicModel().fit(pd.DataFrame({"isi": ["a"]}))
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError, match="predict"):
        TopicModel().predict(["a"])
    with pytest.raises(ValueError, match="no parameter 'k'"):
        TopicModel().set_params(k=3)


def test_sklearn_clone_and_params():
    from sklearn.base import clone

    m = TopicModel(n_topics=5, random_state=3)
    c = clone(m)
    assert c.get_params() == m.get_params() and c is not m


def test_compare_n_topics_prefers_the_planted_number():
    from trendlib.topics import compare_n_topics

    posts = make_topic_corpus(1200, n_topics=6, seed=5)
    t = compare_n_topics(posts, candidates=[2, 6, "auto"], seeds=(0, 1)).set_index("n_topics")
    assert t.loc[6, "topics"] == 6
    assert t.loc[6, "coherence"] > t.loc[2, "coherence"]
    assert t.loc[6, "outliers"] < t.loc[2, "outliers"]  # two topics leave most posts unexplained
    assert t["stability"].between(-1, 1).all()
    with pytest.raises(ValueError, match="'seeds'"):
        compare_n_topics(posts, seeds=(0,))


def test_phrase_counts_do_not_depend_on_the_hash_seed(tmp_path):
    """Phrase counters are filled from sets of strings; what a model keeps (and saves) is
    ordered by count, then phrase, so two processes with other hash seeds agree."""
    import os
    import subprocess
    import sys

    code = (
        "import json, trendlib as tl\n"
        "from trendlib.topics import TopicModel\n"
        "m = TopicModel(n_topics=3, random_state=0).fit(tl.datasets.load_sample_posts())\n"
        "print(json.dumps([list(p.items()) for p in m._phrases] + [m.topic_phrases_]))\n"
    )
    outs = [subprocess.run([sys.executable, "-c", code], env=dict(os.environ, PYTHONHASHSEED=s),
                           capture_output=True, text=True, check=True, timeout=300).stdout for s in ("1", "2")]
    assert outs[0] == outs[1] and len(outs[0]) > 100
