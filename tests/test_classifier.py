"""SentimentClassifier: estimator contract, persistence, pretrained model, real-data floors."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from trendlib.exceptions import FormatError
from trendlib.sentiment import SentimentClassifier, evaluate

# our own short Indonesian posts (informal, as on social media)
POS = [
    "makanannya enak banget, pelayanannya ramah",
    "mantap, pengiriman cepat dan barang sesuai",
    "suka banget sama tempatnya, nyaman dan bersih",
    "keren, aplikasinya membantu sekali",
    "harga murah kualitas bagus, recommended",
    "terima kasih, pelayanan memuaskan",
]
NEG = [
    "kecewa berat, pesanan tidak datang",
    "aplikasinya error terus, parah",
    "pelayanan lambat dan petugasnya jutek",
    "makanannya tidak enak, mahal pula",
    "barang rusak, penjual tidak mau tanggung jawab",
    "jelek banget, nyesel beli di sini",
]
NEU = [
    "besok saya berangkat ke bandung naik kereta",
    "rapat dimulai jam sembilan pagi di gedung utama",
    "hari ini pemerintah mengumumkan jadwal pemilu",
    "toko itu buka dari senin sampai sabtu",
    "presiden menghadiri ktt asean di jakarta",
    "tiket bisa dibeli lewat aplikasi atau loket",
]
TEXTS = POS + NEG + NEU
LABELS = ["positive"] * 6 + ["negative"] * 6 + ["neutral"] * 6
SMALL = dict(char_ngram_range=(2, 4), n_features=2**16, C=10.0, min_df=1)


def test_not_fitted_error_before_fit():
    with pytest.raises(NotFittedError, match="fit"):
        SentimentClassifier().predict(["enak"])


def test_fit_returns_self_and_learned_state_ends_with_underscore():
    clf = SentimentClassifier(**SMALL)
    assert clf.fit(TEXTS, LABELS) is clf
    assert list(clf.classes_) == ["negative", "neutral", "positive"]
    assert clf.coef_.shape == (3, clf.columns_.size)
    # __init__ stores params only
    assert set(vars(SentimentClassifier())) == set(SentimentClassifier().get_params())


def test_clone_round_trip():
    clf = SentimentClassifier(C=3.0, char_ngram_range=None, negation=False, min_df=2)
    twin = clone(clf)
    assert twin.get_params() == clf.get_params()
    fitted = SentimentClassifier(**SMALL).fit(TEXTS, LABELS)
    fresh = clone(fitted)
    assert not hasattr(fresh, "coef_")
    assert fresh.get_params() == fitted.get_params()


def test_learns_training_data_and_generalises_a_little():
    clf = SentimentClassifier(**SMALL).fit(TEXTS, LABELS)
    assert (clf.predict(TEXTS) == np.array(LABELS)).mean() == 1.0
    assert clf.predict(["pelayanannya ramah dan makanannya enak"])[0] == "positive"
    assert clf.predict(["kecewa, pesanannya rusak"])[0] == "negative"


def test_predict_proba_and_decision_function_shapes():
    clf = SentimentClassifier(**SMALL).fit(TEXTS, LABELS)
    proba = clf.predict_proba(["enak banget", "kecewa"])
    assert proba.shape == (2, 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-6)
    scores = clf.decision_function(["enak banget", "kecewa"])
    assert scores.shape == (2, 3)
    np.testing.assert_array_equal(clf.classes_[scores.argmax(1)], clf.predict(["enak banget", "kecewa"]))


def test_binary_labels_follow_sklearn_conventions():
    clf = SentimentClassifier(**SMALL).fit(POS + NEG, [1] * 6 + [0] * 6)
    assert clf.decision_function(["mantap"]).shape == (1,)
    proba = clf.predict_proba(["mantap", "kecewa berat"])
    assert proba.shape == (2, 2)
    assert list(clf.predict(["enak banget, ramah", "kecewa berat, parah"])) == [1, 0]


def test_label_agnostic_emotions():
    texts = [
        "aku kangen kamu, sayang banget",
        "cinta kamu selalu, sayangku",
        "marah banget sama pejabat yang korupsi",
        "kesal, jalanan macet dan sopirnya ugal-ugalan",
        "takut banget lihat berita gempa semalam",
        "ngeri, aku takut keluar rumah malam-malam",
    ]
    labels = ["love", "love", "anger", "anger", "fear", "fear"]
    clf = SentimentClassifier(**SMALL).fit(texts, labels)
    assert set(clf.classes_) == {"love", "anger", "fear"}
    assert clf.predict(["aku takut gempa"])[0] == "fear"
    assert clf.predict(["marah sama koruptor"])[0] == "anger"


def test_pipeline_and_grid_search():
    pipe = Pipeline(
        [("strip", FunctionTransformer(lambda xs: [x.strip() for x in xs])),
         ("clf", SentimentClassifier(**SMALL))]
    )
    pipe.fit(TEXTS, LABELS)
    assert pipe.predict(["  mantap, cepat sekali  "])[0] == "positive"
    grid = GridSearchCV(
        SentimentClassifier(**SMALL),
        {"C": [1.0, 10.0], "char_ngram_range": [None, (2, 4)]},
        cv=3,
        scoring="f1_macro",
    )
    grid.fit(np.array(TEXTS, dtype=object), np.array(LABELS))
    assert set(grid.best_params_) == {"C", "char_ngram_range"}
    assert len(grid.cv_results_["params"]) == 4
    assert grid.predict(["kecewa berat"])[0] in {"negative", "neutral", "positive"}


def test_bad_input_is_reported():
    with pytest.raises(TypeError, match="single str"):
        SentimentClassifier(**SMALL).fit("enak", ["positive"])
    with pytest.raises(TypeError, match="1 of 3 are not"):
        SentimentClassifier(**SMALL).fit(["enak", None, "jelek"], ["positive", "neutral", "negative"])
    with pytest.raises(ValueError, match="one label per text"):
        SentimentClassifier(**SMALL).fit(["enak", "jelek"], ["positive"])
    with pytest.raises(ValueError, match="at least 2 distinct labels"):
        SentimentClassifier(**SMALL).fit(["enak", "mantap"], ["positive", "positive"])
    with pytest.raises(ValueError, match="'char_ngram_range'.*Got \\(3, 2\\)"):
        SentimentClassifier(char_ngram_range=(3, 2)).fit(TEXTS, LABELS)
    with pytest.raises(ValueError, match="'C' parameter"):
        SentimentClassifier(C=-1).fit(TEXTS, LABELS)


def test_save_load_round_trip(tmp_path):
    clf = SentimentClassifier(**SMALL).fit(TEXTS, LABELS)
    path = clf.save(tmp_path / "model")
    assert path.suffix == ".npz"
    loaded = SentimentClassifier.load(path)
    probe = ["enak banget tapi mahal", "tidak jelek kok", "presiden ke jakarta", "😍😍 mantul"]
    np.testing.assert_array_equal(loaded.predict(probe), clf.predict(probe))
    np.testing.assert_allclose(loaded.predict_proba(probe), clf.predict_proba(probe), rtol=1e-6)
    assert loaded.get_params() == clf.get_params()


def test_save_load_int_labels_and_bad_file(tmp_path):
    clf = SentimentClassifier(**SMALL).fit(TEXTS, [2] * 6 + [0] * 6 + [1] * 6)
    loaded = SentimentClassifier.load(clf.save(tmp_path / "m.npz"))
    assert loaded.predict(["mantap"]).tolist() == clf.predict(["mantap"]).tolist()
    assert isinstance(loaded.predict(["mantap"]).tolist()[0], int)
    bogus = tmp_path / "bogus.npz"
    np.savez(bogus, x=np.arange(3))
    with pytest.raises(FormatError):
        SentimentClassifier.load(bogus)


def test_negation_changes_prediction():
    texts = POS + NEG + ["tidak enak", "tidak ramah", "tidak bagus", "enak", "ramah", "bagus"]
    labels = ["positive"] * 6 + ["negative"] * 6 + ["negative"] * 3 + ["positive"] * 3
    clf = SentimentClassifier(**SMALL).fit(texts, labels)
    assert clf.predict(["pelayanannya tidak memuaskan"])[0] == "negative"


# -- the shipped model --------------------------------------------------------

REAL = [
    ("Pelayanannya ramah banget, makanannya juga enak. Pasti balik lagi!", "positive"),
    ("Mantap, pengirimannya cepat dan barangnya sesuai pesanan", "positive"),
    ("Terima kasih, aplikasinya sangat membantu", "positive"),
    ("Kecewa berat, sudah bayar tapi pesanan tidak pernah datang", "negative"),
    ("Aplikasi sampah, error terus dari kemarin", "negative"),
    ("Macet parah, jalanan rusak dan tidak ada yang peduli", "negative"),
    ("Jokowi menghadiri KTT ASEAN di Jakarta hari ini", "neutral"),
    ("Besok kereta ke Bandung berangkat jam tujuh pagi", "neutral"),
]


MULTI_SMSA_FLOOR = 0.815  # measured 0.8198 with the neutral head (0.8056 before; docs/sentiment_domains.md)


def test_pretrained_loads_without_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("TRENDLIB_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    clf = SentimentClassifier.pretrained()
    assert list(clf.classes_) == ["negative", "neutral", "positive"]
    texts, labels = zip(*REAL)
    assert clf.predict(list(texts)).tolist() == list(labels)
    proba = clf.predict_proba(list(texts))
    assert (proba.max(axis=1) > 0.5).all()
    # each call gives an independent estimator
    assert SentimentClassifier.pretrained() is not clf
    with pytest.raises(ValueError, match="'name' parameter"):
        SentimentClassifier.pretrained("nusax")


def test_pretrained_is_small():
    from trendlib.sentiment._classifier import _pretrained_path

    for name in ("multi", "smsa"):
        assert _pretrained_path(name).stat().st_size < 5 * 2**20


def test_both_shipped_models_agree_on_clear_cases():
    texts, labels = zip(*REAL)
    for name in ("multi", "smsa"):
        clf = SentimentClassifier.pretrained(name)
        assert list(clf.classes_) == ["negative", "neutral", "positive"]
        pol = clf.predict(list(texts))
        # clear positive and negative posts keep their polarity in both models
        for got, want in zip(pol, labels):
            if want != "neutral":
                assert got == want, (name, got, want)


@pytest.mark.data
def test_multi_domain_model_on_political_tweets(data_file):
    """The shipped model holds up on political tweets it never saw (issue 10): better than the
    SmSA-only v0.1 model on Pilkada DKI 2017 and IDSA (binary macro-F1, neutral dropped)."""
    from sklearn.metrics import f1_score

    from trendlib.datasets import load_idsa
    from trendlib.datasets._sentiment import load_rizalespe

    data_file("rizalespe_sentiment", "dataset_tweet_sentiment_pilkada_DKI_2017.csv")
    data_file("idsa_sentiment", "indonesian_sentiment_twitter_dataset_labeled.tsv")

    def binary(clf, d):
        p = clf.predict_proba(list(d.text))
        cl = list(clf.classes_)
        pred = np.where(p[:, cl.index("positive")] >= p[:, cl.index("negative")], "positive", "negative")
        return f1_score(d.label, pred, average="macro")

    idsa = load_idsa()
    idsa = idsa[idsa.label != "neutral"]
    pilkada = load_rizalespe("pilkada")
    multi, old = SentimentClassifier.pretrained(), SentimentClassifier.pretrained("smsa")
    for data in (pilkada, idsa):
        assert binary(multi, data) > binary(old, data) + 0.02


@pytest.mark.data
def test_pretrained_macro_f1_floor_on_smsa_test(data_file):
    data_file("indonlu_smsa", "test_preprocess.tsv")
    from trendlib.datasets import load_smsa

    test = load_smsa("test")
    result = evaluate(SentimentClassifier.pretrained("smsa"), test.text, test.label)
    # measured 0.8174 / 0.860 (docs/sentiment_classifier.md); the target is 0.82
    assert result.macro_f1 >= 0.81, result
    assert result.accuracy >= 0.85, result
    multi = evaluate(SentimentClassifier.pretrained(), test.text, test.label)
    # the multi-domain default: see docs/sentiment_domains.md for the measured value
    assert multi.macro_f1 >= MULTI_SMSA_FLOOR, multi


@pytest.mark.data
def test_nusax_macro_f1_floor(data_file):
    data_file("nusax_senti_id", "train.csv")
    data_file("nusax_senti_id", "test.csv")
    from trendlib.datasets import load_nusax

    train, test = load_nusax("train"), load_nusax("test")
    # NusaX train only, no SmSA-derived knowledge (NusaX-id is 28% SmSA texts): the
    # lexicon features come from a lexicon estimated on NusaX train inside fit
    clf = SentimentClassifier(lexicon="fit", min_df=1).fit(train.text, train.label)
    result = evaluate(clf, test.text, test.label)
    # measured 0.7704 (docs/sentiment_classifier.md); the target is 0.80
    assert result.macro_f1 >= 0.765, result
    assert clf.lexicon_["kecewa"] < 0 < clf.lexicon_["enak"], "learned valences have the wrong sign"


def test_lexicon_fit_is_learned_from_the_training_texts_only(tmp_path):
    train = TEXTS * 3
    labels = LABELS * 3
    clf = SentimentClassifier(lexicon="fit", min_df=1, char_ngram_range=None).fit(train, labels)
    assert clf.lexicon_, "expected a non-empty learned lexicon"
    # every learned word occurs in the training texts, with valence in [-1, 1]
    seen = {tok for text in train for tok in clf.featurizer_.tokens(text)}
    assert set(clf.lexicon_) <= seen
    assert all(-1.0 <= v <= 1.0 for v in clf.lexicon_.values())
    # deterministic, and save/load keeps the learned table and the predictions
    twin = SentimentClassifier(lexicon="fit", min_df=1, char_ngram_range=None).fit(train, labels)
    assert twin.lexicon_ == clf.lexicon_
    loaded = SentimentClassifier.load(clf.save(tmp_path / "fit.npz"))
    assert loaded.lexicon_ == clf.lexicon_
    np.testing.assert_allclose(loaded.predict_proba(TEXTS), clf.predict_proba(TEXTS), rtol=1e-5)
    with pytest.raises(ValueError, match="positive.*negative"):
        SentimentClassifier(lexicon="fit").fit(["senang", "marah"], ["happy", "anger"])


# -- properties -----------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FITTED = SentimentClassifier(**SMALL).fit(TEXTS, LABELS)


@settings(max_examples=60)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=5))
def test_property_any_text_gets_a_distribution(texts):
    proba = _FITTED.predict_proba(texts)
    assert proba.shape == (len(texts), 3)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-6)
    assert set(_FITTED.predict(texts)) <= set(_FITTED.classes_)
    # deterministic, and a text's label does not depend on the batch it is in
    np.testing.assert_array_equal(_FITTED.predict(texts), [_FITTED.predict([t])[0] for t in texts])


def test_odd_unicode_and_empty_text():
    texts = ["", "   ", "\ud83d", "𝐛𝐚𝐠𝐮𝐬 𝐬𝐞𝐤𝐚𝐥𝐢", "👍🏽👍🏽", "[USERNAME] [URL]", "a" * 5000]
    assert len(_FITTED.predict(texts)) == len(texts)


def test_batch_normalisation_matches_per_token():
    from trendlib.sentiment._features import _Hasher

    raws = ["mantul", "gak", "bangettt", "anak2", "😍", "!", "yg", "gue", "wkwkwk", "12", "ktt",
            "pelayanannyaaa", "bgt", "tdk", "\u00e9t\u00e9"]
    h = _Hasher(word_ngram_range=(1, 2), char_ngram_range=(2, 5), n_word=2**12, n_char=2**12,
                negation=True, normalize=True)
    h._learn_raw(raws)
    inverse = {i: t for t, i in h._ids.items()}
    for raw in raws:
        assert [inverse[i] for i in h._raw[raw]] == h._norm_tokens(raw), raw
    assert h.tokens("Mantul, GAK jelek!") == ["mantap", "betul", "tidak", "jelek", "!"]
