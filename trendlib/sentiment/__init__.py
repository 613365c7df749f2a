"""Sentiment: an explainable lexicon+rules scorer, a trained classifier, evaluation.

* ``polarity(text, *, lexicon=None, ignore=None)`` in [-1, 1]; ``label(text)``; ``explain(text)``.
* ``add_sentiment(posts, ...)``: ``polarity`` and ``sentiment`` columns, batch path.
* ``sentiment_over_time(posts, *, freq=..., group_by=None)``: shares, net sentiment, intervals.
* ``topic_terms(posts)``: the scrape's query terms, to pass as ``ignore=`` (topic words
  are not opinions; headlines in news register score neutral).
* ``SentimentClassifier``: scikit-learn estimator; ``SentimentClassifier.pretrained()``.
* ``evaluate(model_or_function, texts, labels)``: macro-F1, accuracy, per class, confusion.
"""

from __future__ import annotations

from .._lazy import lazy_attributes

_LAZY = {
    "polarity": "._scorer",
    "label": "._scorer",
    "explain": "._scorer",
    "Lexicon": "._lexicon",
    "load_lexicon": "._lexicon",
    "add_sentiment": "._posts",
    "sentiment_over_time": "._posts",
    "SentimentClassifier": "._classifier",
    "evaluate": "._evaluate",
    "topic_terms": "._topic",
    "EvaluationResult": "._evaluate",
}

__getattr__, __dir__, __all__ = lazy_attributes(__name__, _LAZY)
