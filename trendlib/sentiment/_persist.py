"""Saving and loading SentimentClassifier models: NPZ arrays + a JSON header, never a pickle.

Why every field is checked before use: a model file is input like any other. A crafted
or truncated file must end in one :class:`~trendlib.exceptions.FormatError` that says
which field is wrong, not in a ``TypeError`` deep inside prediction (or, worse, in a
model that loads and silently mislabels). :func:`load_model` therefore validates the
header (schema, parameter types), the array dtypes and shapes against each other and
against the parameters, and the classes, before it builds the estimator.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

import numpy as np

from ..exceptions import FormatError

__all__ = ["save_model", "load_model", "FORMAT"]

FORMAT = "trendlib.SentimentClassifier/1"
_CUSTOM = "custom (table stored in this file)"
_ARRAYS = ("columns", "idf", "coef", "intercept", "lexicon_words", "lexicon_values", "has_lexicon")
_OPTIONAL = {"random_state", "hashtags", "neutral_C"}  # absent from files written before they existed
_HEAD = ("neutral_coef", "neutral_intercept")  # the neutral head: both or neither
_MAX_HEADER = 1 << 20  # bytes of JSON header accepted
# parameter -> check of its JSON value (the estimator's own _check_params runs after)
_PARAMS = {
    "C": lambda v: _number(v) and v > 0,
    "class_weight": lambda v: v is None or v == "balanced" or (
        isinstance(v, dict) and all(_number(w) for w in v.values())),
    "word_ngram_range": lambda v: _pair(v),
    "char_ngram_range": lambda v: v is None or _pair(v),
    "negation": lambda v: isinstance(v, bool),
    "normalize": lambda v: isinstance(v, bool),
    "hashtags": lambda v: v in ("segment", "keep"),
    "lexicon": lambda v: v is None or v is False or v in ("default", "fit", _CUSTOM),
    "lexicon_weight": lambda v: _number(v) and v >= 0,
    "min_df": lambda v: _int(v) and v >= 1,
    "n_features": lambda v: _int(v) and 2**10 <= v <= 2**24,
    "max_iter": lambda v: _int(v) and v >= 1,
    "random_state": lambda v: v is None or _int(v),
    "neutral_C": lambda v: _number(v) and v > 0,
}


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _pair(v: Any) -> bool:
    return isinstance(v, list) and len(v) == 2 and all(_int(x) for x in v) and 1 <= v[0] <= v[1] <= 16


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
        meta["params"]["lexicon"] = _CUSTOM
    lex = model.lexicon_ or {}
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    head = {}
    if getattr(model, "neutral_coef_", None) is not None:
        head = {"neutral_coef": model.neutral_coef_.astype(np.float32),
                "neutral_intercept": model.neutral_intercept_.astype(np.float32)}
    np.savez_compressed(
        path,
        **head,
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


def _read(path: str | os.PathLike) -> tuple[Any, dict[str, np.ndarray]]:
    try:
        with np.load(path, allow_pickle=False) as z:
            if not hasattr(z, "files"):
                raise ValueError("a single array, not an .npz archive")
            missing = [k for k in ("meta", *_ARRAYS) if k not in z.files]
            if missing:
                raise ValueError(f"missing arrays {missing}")
            raw = z["meta"]
            arrays = {k: z[k] for k in (*_ARRAYS, *_HEAD) if k in z.files}
    except FileNotFoundError:
        raise
    except Exception as exc:  # zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error ...
        raise FormatError(
            f"{path} is not a model saved by SentimentClassifier.save(): {type(exc).__name__}: {exc}"
        ) from None
    if raw.ndim != 0 or raw.dtype.kind != "U" or len(str(raw)) > _MAX_HEADER:
        raise FormatError(f"{path}: the header must be one JSON string. Got {raw.dtype} of shape {raw.shape}.")
    try:
        meta = json.loads(str(raw))
    except (ValueError, RecursionError) as exc:
        raise FormatError(f"{path}: the header is not valid JSON ({type(exc).__name__}).") from None
    return meta, arrays


def _check_header(meta: Any, path: Any) -> tuple[dict[str, Any], list]:
    if not isinstance(meta, dict):
        raise FormatError(f"{path}: the header must be a JSON object. Got {type(meta).__name__}.")
    if meta.get("format") != FORMAT:
        raise FormatError(f"{path}: expected format {FORMAT!r}, got {meta.get('format')!r:.80}.")
    params, classes = meta.get("params"), meta.get("classes")
    if not isinstance(params, dict) or not set(_PARAMS) - _OPTIONAL <= set(params) <= set(_PARAMS):
        got = sorted(map(str, params)) if isinstance(params, dict) else type(params).__name__
        raise FormatError(f"{path}: header 'params' must have the keys {sorted(_PARAMS)} "
                          f"({sorted(_OPTIONAL)} optional). Got {got!s:.200}.")
    bad = [k for k, ok in _PARAMS.items() if k in params and not ok(params[k])]
    if bad:
        raise FormatError(f"{path}: header parameter(s) {bad} have invalid values: "
                          f"{ {k: params[k] for k in bad}!s:.200}.")
    if (
        not isinstance(classes, list)
        or len(classes) < 2
        or not all(isinstance(c, (str, int)) for c in classes)
        or len({type(c) for c in classes}) != 1
        or len(set(classes)) != len(classes)
    ):
        raise FormatError(f"{path}: header 'classes' must be a list of >= 2 distinct labels of one type "
                          f"(str, int or bool). Got {classes!r:.200}.")
    return params, classes


def _check_arrays(a: dict[str, np.ndarray], params: dict[str, Any], n_classes: int, path: Any) -> None:
    def fail(what: str) -> None:
        raise FormatError(f"{path}: {what}")

    n = params["n_features"]
    hashed = 2 * n if params.get("char_ngram_range") is not None else n
    has_lex = a["has_lexicon"]
    if has_lex.shape != () or has_lex.dtype != bool:
        fail(f"'has_lexicon' must be a boolean scalar. Got {has_lex.dtype} {has_lex.shape}.")
    words, values = a["lexicon_words"], a["lexicon_values"]
    if words.ndim != 1 or values.ndim != 1 or words.shape != values.shape:
        fail(f"'lexicon_words' and 'lexicon_values' must be 1-D of one length. Got {words.shape} and {values.shape}.")
    if words.size and words.dtype.kind != "U":
        fail(f"'lexicon_words' must hold strings. Got {words.dtype}.")
    if values.dtype.kind != "f" or not np.isfinite(values).all() or (values.size and np.abs(values).max() > 1):
        fail("'lexicon_values' must be finite floats in [-1, 1].")
    total = hashed + (4 if bool(has_lex) else 0)
    cols = a["columns"]
    if cols.ndim != 1 or cols.dtype.kind not in "iu":
        fail(f"'columns' must be a 1-D integer array. Got {cols.dtype} {cols.shape}.")
    if cols.size and (cols.min() < 0 or cols.max() >= total or np.any(np.diff(cols.astype(np.int64)) <= 0)):
        fail(f"'columns' must be increasing column numbers in [0, {total}).")
    for name in ("idf", "coef", "intercept"):
        if a[name].dtype.kind != "f" or not np.isfinite(a[name]).all():
            fail(f"{name!r} must hold finite floats. Got {a[name].dtype}.")
    if a["idf"].shape != cols.shape:
        fail(f"'idf' must have the shape of 'columns' {cols.shape}. Got {a['idf'].shape}.")
    k = 1 if n_classes == 2 else n_classes
    if a["coef"].shape != (k, cols.size):
        fail(f"'coef' must have shape {(k, cols.size)} for {n_classes} classes. Got {a['coef'].shape}.")
    if a["intercept"].shape != (k,):
        fail(f"'intercept' must have shape {(k,)}. Got {a['intercept'].shape}.")
    present = [name for name in _HEAD if name in a]
    if present and len(present) != len(_HEAD):
        fail(f"the neutral head needs both {list(_HEAD)}. Got only {present}.")
    if present:
        coef, intercept = a["neutral_coef"], a["neutral_intercept"]
        for name in _HEAD:
            if a[name].dtype.kind != "f" or not np.isfinite(a[name]).all():
                fail(f"{name!r} must hold finite floats. Got {a[name].dtype}.")
        if n_classes < 3 or coef.shape != (n_classes, cols.size) or intercept.shape != (n_classes,):
            fail(f"the neutral head must have shapes {(n_classes, cols.size)} and {(n_classes,)} "
                 f"(3 classes or more). Got {coef.shape} and {intercept.shape}.")


def load_model(cls: type, path: str | os.PathLike) -> Any:
    """Build a ``cls`` instance from a file written by :func:`save_model` (fitted state only).

    Raises :class:`~trendlib.exceptions.FormatError` when any part of the file is not what
    :func:`save_model` writes (checked before anything is built).
    """
    meta, arrays = _read(path)
    params, classes = _check_header(meta, path)
    _check_arrays(arrays, params, len(classes), path)
    custom = params["lexicon"] == _CUSTOM
    params = dict(params)
    # files written before the option read hashtags as one token: they keep doing so
    params.setdefault("hashtags", "keep")
    for key in ("word_ngram_range", "char_ngram_range"):
        if params.get(key) is not None:
            params[key] = tuple(params[key])
    model = cls(**{**params, "lexicon": None} if custom else params)
    model.classes_ = np.array(classes)
    model.columns_ = arrays["columns"].astype(np.int64)
    model.idf_ = arrays["idf"].astype(np.float32)
    model.coef_ = arrays["coef"].astype(np.float32)
    model.intercept_ = arrays["intercept"].astype(np.float32)
    model.neutral_coef_ = model.neutral_intercept_ = None
    if "neutral_coef" in arrays:
        if "neutral" not in classes:
            raise FormatError(f"{path}: a neutral head needs a 'neutral' class. Got {classes!r:.200}.")
        model.neutral_coef_ = arrays["neutral_coef"].astype(np.float32)
        model.neutral_intercept_ = arrays["neutral_intercept"].astype(np.float32)
    model.lexicon_ = (
        dict(zip(arrays["lexicon_words"].tolist(), arrays["lexicon_values"].tolist()))
        if bool(arrays["has_lexicon"])
        else None
    )
    if custom:
        model.lexicon = dict(model.lexicon_)
    return model
