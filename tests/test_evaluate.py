"""evaluate(): metrics against scikit-learn, the three kinds of model, errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

from trendlib.sentiment import SentimentClassifier, evaluate

TEXTS = [
    "makanannya enak banget",
    "pelayanan ramah, mantap",
    "kecewa, pesanan lama",
    "aplikasi error terus, parah",
    "besok rapat jam sembilan",
    "presiden ke jakarta hari ini",
]
LABELS = ["positive", "positive", "negative", "negative", "neutral", "neutral"]


def rule(text: str) -> str:
    if any(w in text for w in ("kecewa", "error", "parah")):
        return "negative"
    if any(w in text for w in ("enak", "mantap")):
        return "positive"
    return "neutral"


def test_function_of_one_text():
    res = evaluate(rule, TEXTS, LABELS)
    assert res.macro_f1 == 1.0 and res.accuracy == 1.0
    assert res.n == 6 and res.predictions == LABELS
    assert res.labels == ["negative", "neutral", "positive"]
    assert res.confusion.values.trace() == 6


def test_batch_function_and_estimator_agree():
    clf = SentimentClassifier(char_ngram_range=(2, 4), n_features=2**16, min_df=1).fit(TEXTS, LABELS)
    a = evaluate(clf, TEXTS, LABELS)
    b = evaluate(lambda xs: list(clf.predict(xs)), TEXTS, LABELS)
    assert a.predictions == b.predictions
    assert a.macro_f1 == b.macro_f1
    assert all(isinstance(p, str) for p in a.predictions)  # numpy str_ converted


def test_matches_sklearn_with_errors():
    truth = LABELS
    pred = ["positive", "neutral", "negative", "positive", "neutral", "negative"]
    res = evaluate(lambda xs: pred, TEXTS, truth)
    assert res.macro_f1 == pytest.approx(f1_score(truth, pred, average="macro"))
    assert res.accuracy == pytest.approx(accuracy_score(truth, pred))
    cm = confusion_matrix(truth, pred, labels=res.labels)
    np.testing.assert_array_equal(res.confusion.to_numpy(), cm)
    assert res.per_class.loc["positive", "support"] == 2
    assert res.per_class.loc["positive", "recall"] == pytest.approx(0.5)


def test_repr_is_readable():
    text = repr(evaluate(rule, TEXTS, LABELS))
    assert text.startswith("EvaluationResult(n=6, macro_f1=1.0000, accuracy=1.0000")
    assert "precision" in text and "confusion (rows: true, columns: predicted)" in text
    assert set(evaluate(rule, TEXTS, LABELS).to_dict()) >= {"macro_f1", "accuracy", "per_class"}


def test_predicted_label_absent_from_truth_counts():
    res = evaluate(lambda t: "neutral", ["enak", "jelek"], ["positive", "negative"])
    assert "neutral" in res.labels
    assert res.macro_f1 == 0.0 and res.accuracy == 0.0


def test_errors():
    with pytest.raises(ValueError, match="one label per text"):
        evaluate(rule, TEXTS, LABELS[:3])
    with pytest.raises(TypeError, match="single str"):
        evaluate(rule, "enak", ["positive"])
    with pytest.raises(TypeError, match="predict"):
        evaluate(42, TEXTS, LABELS)
    with pytest.raises(ValueError, match="at least one text"):
        evaluate(rule, [], [])
    with pytest.raises(ValueError, match="returned 2 predictions for 6 texts"):
        evaluate(lambda xs: ["positive", "negative"], TEXTS, LABELS)


@pytest.mark.filterwarnings("ignore:A single label was found")
@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abc")), min_size=1, max_size=40))
def test_property_bounds_and_sklearn_agreement(pairs):
    truth = [t for t, _ in pairs]
    pred = [p for _, p in pairs]
    res = evaluate(lambda xs: pred, [f"teks {i}" for i in range(len(pairs))], truth)
    assert 0.0 <= res.macro_f1 <= 1.0 and 0.0 <= res.accuracy <= 1.0
    assert res.macro_f1 == pytest.approx(f1_score(truth, pred, average="macro", zero_division=0))
    assert int(res.confusion.to_numpy().sum()) == len(pairs)
