"""Saving and loading SentimentClassifier models: NPZ arrays + a JSON header, never a pickle."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from ..exceptions import FormatError

__all__ = ["save_model", "load_model", "FORMAT"]

FORMAT = "trendlib.SentimentClassifier/1"


def save_model(model: Any, path: str | os.PathLike) -> Path:
    """Write a fitted ``SentimentClassifier`` to ``path`` (``.npz`` is appended if missing)."""
    classes = model.classes_.tolist()
    if not all(isinstance(c, (str, int, bool)) for c in classes):
        raise TypeError(
            f"save() stores labels as JSON: expected str, int or bool labels. Got {classes!r}."
        )
    meta = {
        "format": FORMAT,
        "params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in model.get_params().items()},
        "classes": classes,
    }
    if not isinstance(meta["params"]["lexicon"], (str, type(None), bool)):
        meta["params"]["lexicon"] = "custom (table stored in this file)"
    lex = model.lexicon_ or {}
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    np.savez_compressed(
        path,
        meta=np.array(json.dumps(meta)),
        columns=model.columns_.astype(np.int32),
        idf=model.idf_.astype(np.float32),
        coef=model.coef_.astype(np.float32),
        intercept=model.intercept_.astype(np.float32),
        lexicon_words=np.array(list(lex), dtype=str),
        lexicon_values=np.array(list(lex.values()), dtype=np.float64),
        has_lexicon=np.array(model.lexicon_ is not None),
    )
    return path


def load_model(cls: type, path: str | os.PathLike) -> Any:
    """Build a ``cls`` instance from a file written by :func:`save_model` (fitted state only)."""
    try:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            arrays = {
                k: z[k]
                for k in ("columns", "idf", "coef", "intercept", "lexicon_words",
                          "lexicon_values", "has_lexicon")
            }
    except (OSError, KeyError, ValueError) as exc:
        raise FormatError(f"{path} is not a model saved by SentimentClassifier.save(): {exc}") from None
    if meta.get("format") != FORMAT:
        raise FormatError(f"{path}: expected format {FORMAT!r}, got {meta.get('format')!r}.")
    params = meta["params"]
    custom = params.get("lexicon") == "custom (table stored in this file)"
    for key in ("word_ngram_range", "char_ngram_range"):
        if params.get(key) is not None:
            params[key] = tuple(params[key])
    model = cls(**{**params, "lexicon": None} if custom else params)
    model.classes_ = np.array(meta["classes"])
    model.columns_ = arrays["columns"].astype(np.int64)
    model.idf_ = arrays["idf"]
    model.coef_ = arrays["coef"]
    model.intercept_ = arrays["intercept"]
    model.lexicon_ = (
        dict(zip(arrays["lexicon_words"].tolist(), arrays["lexicon_values"].tolist()))
        if bool(arrays["has_lexicon"])
        else None
    )
    if custom:
        model.lexicon = dict(model.lexicon_)
    return model
