"""Saving and loading TopicModel: NPZ arrays + a JSON header, never a pickle (internal).

The file holds the sampler's counts (so ``partial_fit`` can continue after loading), the
vocabulary with its display forms and the labels. Everything is checked on load (format
tag, shapes, ids in range), so a damaged or foreign file raises ``FormatError`` instead of
giving a model that fails later.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from ..exceptions import FormatError

__all__ = ["save_model", "load_model", "FORMAT"]

FORMAT = "trendlib.TopicModel/1"
_ARRAYS = ("m_k", "n_k", "n_wk", "word_totals", "topic_sizes")


def save_model(model: Any, path: str | os.PathLike) -> Path:
    """Write a fitted ``TopicModel`` to ``path`` (``.npz`` appended if missing)."""
    meta = {
        "format": FORMAT,
        "params": model.get_params(),
        "vocabulary": list(model.vocabulary_),
        "term_labels": list(model.term_labels_),
        "slots": [int(s) for s in model._slots],
        "topic_terms": model.topic_terms_,
        "term_order": [[int(i) for i in o] for o in getattr(model, "_term_order", [])],
        "topic_labels": model.topic_labels_,
        "topic_phrases": model.topic_phrases_,
        "representative": [[[s, t] for s, t in r] for r in model._reps],
        "phrases": model._phrases,
        "n_docs": int(model.n_docs_),
        "n_outliers": int(model.n_outliers_),
        "vocabulary_dropped": model.vocabulary_dropped_,
    }
    m_k, n_k, n_wk = model._state
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    np.savez_compressed(
        path,
        meta=np.array(json.dumps(meta, ensure_ascii=False)),
        m_k=m_k.astype(np.int64),
        n_k=n_k.astype(np.int64),
        n_wk=n_wk.astype(np.int64),
        word_totals=model.word_totals_.astype(np.int64),
        topic_sizes=model.topic_sizes_.astype(np.int64),
    )
    return path


def _bad(path: Any, why: str) -> FormatError:
    return FormatError(f"{path} is not a valid TopicModel file: {why}.")


def load_model(cls: type, path: str | os.PathLike) -> Any:
    """Build a ``cls`` from a file written by :func:`save_model`; validates everything."""
    try:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            arrays = {k: z[k] for k in _ARRAYS}
    except (OSError, KeyError, ValueError) as exc:
        raise FormatError(f"{path} is not a model saved by TopicModel.save(): {exc}") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        got = meta.get("format") if isinstance(meta, dict) else None
        raise FormatError(f"{path}: expected format {FORMAT!r}, got {got!r}.")
    m_k, n_k, n_wk = arrays["m_k"], arrays["n_k"], arrays["n_wk"]
    vocab, labels, slots = meta.get("vocabulary"), meta.get("term_labels"), meta.get("slots")
    if n_wk.ndim != 2 or m_k.shape != (n_wk.shape[1],) or n_k.shape != m_k.shape:
        raise _bad(path, f"count arrays of inconsistent shapes {m_k.shape}, {n_k.shape}, {n_wk.shape}")
    if not isinstance(vocab, list) or len(vocab) != n_wk.shape[0] or len(labels or []) != len(vocab):
        raise _bad(path, "the vocabulary does not match the word counts")
    if arrays["word_totals"].shape != (len(vocab),):
        raise _bad(path, "word totals do not match the vocabulary")
    if not isinstance(slots, list) or any(not isinstance(s, int) or not 0 <= s < len(m_k) for s in slots):
        raise _bad(path, "topic slots out of range")
    T = len(slots)
    for key in ("topic_terms", "topic_labels", "topic_phrases", "representative"):
        if len(meta.get(key) or []) != T:
            raise _bad(path, f"{key} has {len(meta.get(key) or [])} entries for {T} topics")
    if arrays["topic_sizes"].shape != (T,):
        raise _bad(path, "topic sizes do not match the topics")
    if (n_wk < 0).any() or (m_k < 0).any():
        raise _bad(path, "negative counts")
    model = cls(**meta["params"])
    model._check("load")
    model.vocabulary_ = list(vocab)
    model.term_labels_ = list(labels)
    model._index = {k: i for i, k in enumerate(vocab)}
    model._slots = list(slots)
    model._state = (m_k.astype(np.int64), n_k.astype(np.int64), n_wk.astype(np.int64))
    model.word_totals_ = arrays["word_totals"].astype(np.int64)
    model.topic_sizes_ = arrays["topic_sizes"].astype(np.int64)
    model.topic_terms_ = [list(t) for t in meta["topic_terms"]]
    order = meta.get("term_order")
    if order is not None and (len(order) != T or any(not isinstance(i, int) or not 0 <= i < len(vocab) for o in order for i in o)):
        raise _bad(path, "term order out of range")
    model._term_order = [list(o) for o in order] if order is not None else None
    model.topic_labels_ = list(meta["topic_labels"])
    model.topic_phrases_ = list(meta["topic_phrases"])
    model._reps = [[(float(s), str(t)) for s, t in r] for r in meta["representative"]]
    model.representative_posts_ = [[t for _, t in r] for r in model._reps]
    model._phrases = [dict(p) for p in meta.get("phrases") or [{} for _ in range(T)]]
    model.n_docs_ = int(meta.get("n_docs", 0))
    model.n_outliers_ = int(meta.get("n_outliers", 0))
    model.vocabulary_dropped_ = dict(meta.get("vocabulary_dropped") or {})
    model._rng = np.random.default_rng(model.random_state)
    model._feat = None
    model.labels_ = np.zeros(0, dtype=np.int64)
    return model
