"""evaluate(): macro-F1, accuracy, per-class scores and the confusion matrix of any model."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["evaluate", "EvaluationResult"]


@dataclass(frozen=True)
class EvaluationResult:
    """Scores of one model on one labelled set (returned by :func:`evaluate`).

    Attributes
    ----------
    macro_f1 : float
        Unweighted mean of the per-class F1 scores (over the classes of ``labels``
        and of the predictions).
    accuracy : float
    per_class : pandas.DataFrame
        One row per class: ``precision``, ``recall``, ``f1``, ``support``.
    confusion : pandas.DataFrame
        Counts, rows = true label, columns = predicted label.
    labels : list
        The classes, in the order of ``per_class`` and ``confusion``.
    n : int
        Number of texts.
    seconds : float
        Wall time of the prediction.
    predictions : list
        The predicted label of each text.
    """

    macro_f1: float
    accuracy: float
    per_class: Any
    confusion: Any
    labels: list
    n: int
    seconds: float
    predictions: list = field(repr=False)

    @property
    def posts_per_second(self) -> float:
        """Texts classified per second of wall time."""
        return self.n / self.seconds if self.seconds > 0 else float("inf")

    def __repr__(self) -> str:
        lines = [
            f"EvaluationResult(n={self.n}, macro_f1={self.macro_f1:.4f}, "
            f"accuracy={self.accuracy:.4f}, posts_per_second={self.posts_per_second:,.0f})",
            self.per_class.to_string(float_format=lambda v: f"{v:.3f}"),
            "confusion (rows: true, columns: predicted):",
            self.confusion.to_string(),
        ]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        """Plain numbers (for JSON or a results table)."""
        return {
            "n": self.n,
            "macro_f1": self.macro_f1,
            "accuracy": self.accuracy,
            "posts_per_second": self.posts_per_second,
            "per_class": self.per_class.to_dict(orient="index"),
        }


def _predict(model: Any, texts: list[str]) -> tuple[list, float]:
    start = time.perf_counter()
    if hasattr(model, "predict") and callable(model.predict):
        pred = list(model.predict(texts))
        return pred, time.perf_counter() - start
    if not callable(model):
        raise TypeError(
            "evaluate() expects a fitted estimator with predict(), a function text -> label "
            f"or a function list of texts -> labels. Got {type(model).__name__}."
        )
    # try the whole list: a batch function returns one label per text; a function of one
    # text fails or returns a single label, and is then mapped over the texts
    try:
        batch = model(texts)
    except (TypeError, AttributeError, ValueError):
        batch = None
    if batch is not None and not isinstance(batch, (str, bytes)) and hasattr(batch, "__len__"):
        if len(batch) != len(texts):
            raise ValueError(
                f"evaluate(): the model returned {len(batch)} predictions for {len(texts)} texts."
            )
        return list(batch), time.perf_counter() - start
    start = time.perf_counter()
    pred = [model(t) for t in texts]
    return pred, time.perf_counter() - start


def evaluate(
    model_or_function: Any, texts: Sequence[str], labels: Sequence[Any]
) -> EvaluationResult:
    """Score a classifier on labelled texts.

    Parameters
    ----------
    model_or_function : estimator or callable
        A fitted estimator (anything with ``predict(list_of_texts)``), a function of
        one text returning a label (e.g. :func:`trendlib.sentiment.label`), or a
        function of a list of texts returning a list of labels.
    texts : sequence of str
    labels : sequence
        The true label of each text.

    Returns
    -------
    EvaluationResult
        ``macro_f1``, ``accuracy``, ``per_class`` (precision, recall, F1, support),
        ``confusion`` (rows true, columns predicted), ``predictions`` and speed.

    Examples
    --------
    >>> def rule(text):
    ...     return "negative" if "kecewa" in text or "tidak" in text else "positive"
    >>> res = evaluate(rule, ["saya kecewa", "enak sekali", "tidak enak", "mantap"],
    ...                ["negative", "positive", "negative", "negative"])
    >>> round(res.macro_f1, 3), res.accuracy
    (0.733, 0.75)
    >>> int(res.confusion.loc["negative", "positive"])
    1
    >>> round(float(res.per_class.loc["negative", "recall"]), 3)
    0.667
    """
    import numpy as np
    import pandas as pd
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

    if isinstance(texts, (str, bytes)):
        raise TypeError("evaluate() expects a list of texts. Got a single str; wrap it in a list.")
    texts = list(texts)
    truth = list(labels)
    if len(texts) != len(truth):
        raise ValueError(
            f"evaluate() expects one label per text: got {len(texts)} texts and {len(truth)} labels."
        )
    if not texts:
        raise ValueError("evaluate() needs at least one text. Got 0.")
    pred, seconds = _predict(model_or_function, texts)
    if len(pred) != len(texts):
        raise ValueError(
            f"evaluate(): the model returned {len(pred)} predictions for {len(texts)} texts."
        )
    pred = [p.item() if isinstance(p, np.generic) else p for p in pred]
    classes = sorted(set(truth) | set(pred), key=lambda c: (str(type(c)), c))
    p, r, f, s = precision_recall_fscore_support(
        truth, pred, labels=classes, average=None, zero_division=0
    )
    per_class = pd.DataFrame(
        {"precision": p, "recall": r, "f1": f, "support": s.astype(int)},
        index=pd.Index(classes, name="label"),
    )
    cm = confusion_matrix(truth, pred, labels=classes)
    confusion = pd.DataFrame(
        cm,
        index=pd.Index(classes, name="true"),
        columns=pd.Index(classes, name="predicted"),
    )
    accuracy = float(np.mean([a == b for a, b in zip(truth, pred)]))
    return EvaluationResult(
        macro_f1=float(np.mean(f)),
        accuracy=accuracy,
        per_class=per_class,
        confusion=confusion,
        labels=classes,
        n=len(texts),
        seconds=seconds,
        predictions=pred,
    )
