"""SentimentClassifier: a scikit-learn text classifier for Indonesian social media.

Raw text in, any labels out (sentiment, emotion, stance...). Features are hashed word
1-2-grams with negation scope and character 2-5-grams inside words, weighted TF-IDF (see
:mod:`trendlib.sentiment._features`); the model is a multinomial logistic regression, so
``predict_proba`` gives probabilities. A fitted model is stored as weights on the
hashed columns it uses (NPZ, no pickle, no vocabulary).

Why a separate neutral head (``fit(..., neutral_rows=...)``): a training set that pools a
three-class source (SmSA) with sources that only know positive and negative (EmoT's
emotions, emoji- and lexicon-labelled tweets) tells one multinomial model that neutral
is rarer than it is, and the texts of the two-class sources, which were never asked
"is this neutral?", count as evidence against it. The head is a second multinomial
model on the same features fitted only on the rows whose source labels neutral; it
decides how likely a text is neutral, the model fitted on all rows decides between the
other classes. This is the usual treatment of a partly labelled class: each decision is
learned from the rows that carry it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression

from .._validation import check_positive
from ._features import N_LEXICON_FEATURES, _Hasher, _Tfidf, log_odds_lexicon
from ._persist import load_model, save_model
from ._predict import CompactScorer

__all__ = ["SentimentClassifier"]

_PRETRAINED = {"multi": "classifier_multi.npz", "smsa": "classifier_smsa.npz"}


def _texts(X: Any, *, func: str) -> list[str]:
    if isinstance(X, (str, bytes)):
        raise TypeError(
            f"{func}() expects a list (or Series/array) of texts. Got a single {type(X).__name__}; "
            f"wrap it in a list: {func}([text])."
        )
    try:
        texts = list(X)
    except TypeError:
        raise TypeError(f"{func}() expects an iterable of texts. Got {type(X).__name__}.") from None
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str)]
    if bad:
        raise TypeError(
            f"{func}() expects every text to be a str; {len(bad)} of {len(texts)} are not "
            f"(first at position {bad[0]}: {texts[bad[0]]!r}). Fill missing texts first, "
            f"e.g. posts['text'].fillna('')."
        )
    return texts


class SentimentClassifier(ClassifierMixin, BaseEstimator):
    """Text classifier for Indonesian social media: TF-IDF n-grams + logistic regression.

    Label-agnostic (sentiment, emotion or any labels), raw text in. The defaults are
    the configuration selected on the SmSA valid split (``scripts/train_classifier.py
    --select``); ``SentimentClassifier.pretrained()`` is that configuration fitted on
    SmSA train. Works with
    :func:`sklearn.base.clone`, :class:`~sklearn.pipeline.Pipeline` and
    :class:`~sklearn.model_selection.GridSearchCV`.

    Parameters
    ----------
    C : float, default 30.0
        Inverse L2 regularisation strength of the logistic regression.
    class_weight : "balanced", dict or None, default None
        Class weights (``"balanced"`` weighs classes by inverse frequency).
    word_ngram_range : tuple (min_n, max_n), default (1, 2)
        Word n-grams.
    char_ngram_range : tuple (min_n, max_n) or None, default (2, 5)
        Character n-grams inside words; ``None`` uses words only (faster).
    negation : bool, default True
        Words in the scope of a negator (``tidak``, ``gak``, ``bukan``, ``belum``,
        ``jangan``, ``kurang``, ``tanpa``) also count as ``NEG_word``.
    normalize : bool, default True
        Preprocess with :func:`trendlib.text.normalize` (slang, elongation, case);
        ``False`` only lower-cases.
    hashtags : {"segment", "keep"}, default "segment"
        ``"segment"``: each hashtag is read as its words (``#IndonesiaGelap`` ->
        ``indonesia gelap``, :func:`trendlib.text.segment_hashtag`), so an opinion carried
        by a hashtag meets the weights its words have; ``"keep"``: one token (the
        behaviour of files saved before this option, which load with it).
    lexicon : "default", "fit", mapping, Lexicon or None, default "default"
        Adds 4 lexicon features (positive and negative valence sums with negation
        flips, their net, tanh of the net). ``"default"`` is trendlib's own lexicon
        (:func:`trendlib.sentiment.load_lexicon`, derived from SmSA train). ``"fit"``
        estimates a lexicon from the training texts themselves (smoothed log-odds of
        each word in ``positive`` vs ``negative`` texts; labels must include both):
        it brings no outside knowledge, so it is the clean choice when evaluating on a
        corpus related to SmSA. To keep the model from over-trusting features fitted
        on the same texts, the training rows get their lexicon features from a
        lexicon estimated on the other folds (5-fold cross-fitting); prediction uses
        the lexicon of the whole training set. Any mapping
        ``word -> score`` works (e.g. :func:`trendlib.datasets.load_inset`), scores being
        divided by the largest magnitude; ``None`` turns the features off (use it for
        labels unrelated to sentiment polarity, or to keep SmSA-derived knowledge out).
        Multi-word entries are ignored here. The table used is frozen at fit time.
    lexicon_weight : float, default 1.0
        Scale of the lexicon features relative to the n-gram blocks.
    min_df : int, default 2
        Drop n-gram features seen in fewer training texts (a smaller model).
    n_features : int, default 2**20
        Hashed columns per block (words, characters).
    max_iter : int, default 1000
        Iterations of the L-BFGS solver.
    random_state : int, default 0
        Seed of the cross-fitting folds of ``lexicon="fit"`` (the only randomness).
    neutral_C : float, default 1000.0
        Inverse L2 regularisation strength of the neutral head, used only when
        :meth:`fit` is given ``neutral_rows`` (chosen on SmSA valid for the shipped
        multi-domain model: docs/sentiment_domains.md).

    Attributes
    ----------
    classes_ : ndarray
        Labels, sorted.
    coef_ : ndarray of shape (n_classes or 1, n_columns)
        Weights on the used hashed columns ``columns_``.
    intercept_ : ndarray
    columns_ : ndarray of int
        Hashed columns with a weight (words first, then ``n_features + char column``).
    idf_ : ndarray of float32
        IDF of ``columns_``.
    lexicon_ : dict or None
        The single-word valence table (``word -> [-1, 1]``) used by the lexicon features.
    neutral_coef_, neutral_intercept_ : ndarray or None
        The neutral head (weights on ``columns_``, one row per class), fitted when
        :meth:`fit` is given ``neutral_rows``; ``None`` otherwise.

    Examples
    --------
    >>> clf = SentimentClassifier(char_ngram_range=None, min_df=1).fit(
    ...     ["makanannya enak banget", "pelayanan ramah, mantap", "kecewa, pesanan lama",
    ...      "aplikasi error terus, parah"],
    ...     ["positive", "positive", "negative", "negative"])
    >>> clf.predict(["enak dan ramah", "lama dan error"]).tolist()
    ['positive', 'negative']
    >>> SentimentClassifier.pretrained().predict(["Pelayanannya ramah, makanannya enak!"]).tolist()
    ['positive']
    """

    def __init__(
        self,
        *,
        C: float = 30.0,
        class_weight: Any = None,
        word_ngram_range: tuple[int, int] = (1, 2),
        char_ngram_range: tuple[int, int] | None = (2, 5),
        negation: bool = True,
        normalize: bool = True,
        hashtags: str = "segment",
        lexicon: Any = "default",
        lexicon_weight: float = 1.0,
        min_df: int = 2,
        n_features: int = 2**20,
        max_iter: int = 1000,
        random_state: int | None = 0,
        neutral_C: float = 1000.0,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.word_ngram_range = word_ngram_range
        self.char_ngram_range = char_ngram_range
        self.negation = negation
        self.normalize = normalize
        self.hashtags = hashtags
        self.lexicon = lexicon
        self.lexicon_weight = lexicon_weight
        self.min_df = min_df
        self.n_features = n_features
        self.max_iter = max_iter
        self.random_state = random_state
        self.neutral_C = neutral_C

    # -- helpers -------------------------------------------------------------
    def _check_params(self) -> None:
        check_positive(self.C, name="C", func="SentimentClassifier")
        check_positive(self.neutral_C, name="neutral_C", func="SentimentClassifier")
        for name in ("word_ngram_range", "char_ngram_range"):
            value = getattr(self, name)
            if value is None and name == "char_ngram_range":
                continue
            ok = (
                isinstance(value, (tuple, list))
                and len(value) == 2
                and all(isinstance(v, (int, np.integer)) for v in value)
                and 1 <= value[0] <= value[1]
            )
            if not ok:
                raise ValueError(
                    f"The {name!r} parameter of SentimentClassifier must be a pair "
                    f"(min_n, max_n) with 1 <= min_n <= max_n. Got {value!r}."
                )
        if self.hashtags not in ("segment", "keep"):
            raise ValueError(
                f"The 'hashtags' parameter of SentimentClassifier must be 'segment' or 'keep'. "
                f"Got {self.hashtags!r}."
            )
        if not isinstance(self.min_df, (int, np.integer)) or self.min_df < 1:
            raise ValueError(
                f"The 'min_df' parameter of SentimentClassifier must be an int >= 1. "
                f"Got {self.min_df!r}."
            )
        if not isinstance(self.n_features, (int, np.integer)) or not 2**10 <= self.n_features <= 2**24:
            raise ValueError(
                f"The 'n_features' parameter of SentimentClassifier must be an int in "
                f"[2**10, 2**24]. Got {self.n_features!r}."
            )

    def _resolve_lexicon(self) -> dict[str, float] | None:
        lex = self.lexicon
        if lex is None or lex is False or (isinstance(lex, str) and lex == "fit"):
            return None
        from ._lexicon import as_lexicon, load_lexicon

        lex = load_lexicon() if isinstance(lex, str) and lex == "default" else lex
        if isinstance(lex, str):
            raise ValueError(
                f"The 'lexicon' parameter of SentimentClassifier must be 'default', 'fit', a mapping "
                f"word -> score, a Lexicon or None. Got {lex!r}."
            )
        lex = as_lexicon(lex, func="SentimentClassifier")
        return {k: float(lex.valence(k)) for k in lex if " " not in k and lex.valence(k) != 0}

    def _make_hasher(self, lexicon: dict[str, float] | None) -> _Hasher:
        return _Hasher(
            lexicon=lexicon,
            word_ngram_range=tuple(self.word_ngram_range),
            char_ngram_range=None if self.char_ngram_range is None else tuple(self.char_ngram_range),
            n_word=self.n_features,
            n_char=self.n_features,
            negation=self.negation,
            normalize=self.normalize,
            hashtags=getattr(self, "hashtags", "keep"),
        )

    def _fit_lexicon(
        self, hasher: _Hasher, texts: list[str], labels: np.ndarray
    ) -> tuple[dict[str, float] | None, np.ndarray | None]:
        """lexicon="fit": the table from all texts, and cross-fitted features of the texts."""
        from sklearn.model_selection import StratifiedKFold

        found = set(labels.tolist())
        if not {"positive", "negative"} <= found:
            raise ValueError(
                "lexicon='fit' estimates word valences from 'positive' vs 'negative' texts: "
                f"expected labels including both. Got {sorted(map(str, found))}; use "
                "lexicon=None for other labels."
            )
        doc, tok, vocab = hasher.doc_tokens(texts)
        is_pos, is_neg = labels == "positive", labels == "negative"
        full = log_odds_lexicon(doc, tok, vocab, is_pos, is_neg)
        if not full:
            return None, None
        n = len(texts)
        smallest = int(np.unique(labels, return_counts=True)[1].min())
        folds = StratifiedKFold(
            n_splits=max(2, min(5, smallest)), shuffle=True, random_state=self.random_state
        )
        lex = np.zeros((n, N_LEXICON_FEATURES))
        for inside, outside in folds.split(np.zeros(n), labels):
            mask = np.zeros(n, dtype=bool)
            mask[inside] = True
            pairs = mask[doc]
            hasher.set_lexicon(
                log_odds_lexicon(doc[pairs], tok[pairs], vocab, is_pos & mask, is_neg & mask)
            )
            fold_lex = hasher.transform([texts[i] for i in outside])[2]
            if fold_lex is not None:
                lex[outside] = fold_lex
        hasher.set_lexicon(full)
        return full, lex

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise NotFittedError(
                "This SentimentClassifier instance is not fitted yet. Call fit(texts, labels) "
                "first, or use SentimentClassifier.pretrained()."
            )

    def _setup_predictor(self) -> None:
        """Dense idf over the hashed space, and a map hashed column -> row of the weights."""
        n = self.n_features
        hashed = 2 * n if self.char_ngram_range is not None else n
        total = hashed + (N_LEXICON_FEATURES if self.lexicon_ else 0)
        idf = np.zeros(total, dtype=np.float32)
        idf[self.columns_] = self.idf_
        self.featurizer_ = self._make_hasher(self.lexicon_)
        self._tfidf = _Tfidf(
            idf[:n], idf[n:hashed] if hashed > n else None, float(self.lexicon_weight)
        )
        # unused columns (idf 0, so their values are 0) all point at a last row of zeros
        self._remap = np.full(total, self.columns_.size, dtype=np.int32)
        self._remap[self.columns_] = np.arange(self.columns_.size, dtype=np.int32)
        coef, self._intercept = self.coef_, self.intercept_
        if self._head() is not None:  # one product scores both models
            coef = np.vstack([coef, self.neutral_coef_])
            self._intercept = np.concatenate([self.intercept_, self.neutral_intercept_])
        k = coef.shape[0]
        self._weights = np.vstack([coef.T, np.zeros((1, k))]).astype(np.float32)
        self._predictor = CompactScorer(self.featurizer_, self._remap, self._weights, idf,
                                        float(self.lexicon_weight))

    def _head(self) -> np.ndarray | None:
        return getattr(self, "neutral_coef_", None)

    def _raw_scores(self, texts: list[str]) -> np.ndarray:
        # in the model's own columns (trendlib.sentiment._predict): the same numbers as
        # _scores_reference, several times faster; the head's columns follow the model's
        if getattr(self.featurizer_, "hashtags", "keep") != getattr(self, "hashtags", "keep"):
            # set_params(hashtags=...) on a fitted model: read texts the new way
            self._setup_predictor()
        return self._predictor.scores(texts, self._intercept)

    def _scores(self, texts: list[str]) -> np.ndarray:
        raw = self._raw_scores(texts)
        return raw if self._head() is None else np.log(self._combine(raw))

    def _combine(self, raw: np.ndarray) -> np.ndarray:
        """Probabilities from the model's and the head's scores (see the module docstring).

        P(neutral) is the head's; the other classes share the rest in the proportions of
        the model's own probabilities among them.
        """
        from scipy.special import softmax

        k = self.classes_.size
        kn = int(np.flatnonzero(self.classes_ == "neutral")[0])
        p_neutral = softmax(raw[:, k:], axis=1)[:, kn]
        others = np.arange(k) != kn
        rest = softmax(raw[:, :k][:, others], axis=1)
        proba = np.empty((raw.shape[0], k))
        proba[:, kn] = p_neutral
        proba[:, others] = rest * (1.0 - p_neutral)[:, None]
        # a probability of exactly 0 would make its log -inf; the order is unchanged
        return np.maximum(proba, np.finfo(np.float64).tiny)

    def _scores_reference(self, texts: list[str]) -> np.ndarray:
        # block by block (words, chars, lexicon): the same sum as scoring the stacked
        # matrix, without building it (the full hashed matrices; kept as the reference)
        blocks = self._tfidf.blocks(*self.featurizer_.transform(texts))
        n_rows, width = len(texts), self._weights.shape[0]
        scores = np.zeros((n_rows, self._weights.shape[1]), dtype=np.float64)
        offset = 0
        for x in blocks:
            if sp.issparse(x):
                compact = sp.csr_matrix((x.data, self._remap[offset + x.indices], x.indptr), shape=(n_rows, width))
                scores += compact @ self._weights
            else:
                scores += x @ self._weights[self._remap[offset : offset + x.shape[1]]]
            offset += x.shape[1]
        scores += self._intercept
        return scores if self._head() is None else np.log(self._combine(scores))

    # -- estimator API -------------------------------------------------------
    def fit(
        self, X: Any, y: Any, sample_weight: Any = None, neutral_rows: Any = None
    ) -> SentimentClassifier:
        """Fit on raw texts ``X`` and labels ``y``; returns ``self``.

        ``sample_weight`` (optional, one non-negative number per text) weighs the texts in
        the logistic regression, e.g. to balance training sets of different sizes.

        ``neutral_rows`` (optional, one bool per text) marks the texts whose source labels
        ``"neutral"`` (a three-class source pooled with two-class ones, e.g. SmSA with
        EmoT). A neutral head is then fitted on those rows only (``neutral_C``) and
        decides how likely a text is neutral; the model fitted on every row decides
        between the other classes. The labels must include ``"neutral"``, and the marked
        rows every class.
        """
        self._check_params()
        texts = _texts(X, func="fit")
        labels = np.asarray(list(y) if not hasattr(y, "__array__") else y)
        if labels.ndim != 1 or len(labels) != len(texts):
            raise ValueError(
                f"fit() expects one label per text: got {len(texts)} texts and labels of "
                f"shape {labels.shape}."
            )
        if len(np.unique(labels)) < 2:
            raise ValueError(
                f"fit() needs at least 2 distinct labels. Got {np.unique(labels).tolist()}."
            )
        check_positive(self.lexicon_weight, name="lexicon_weight", func="SentimentClassifier", strict=False)
        lexicon = self._resolve_lexicon()
        hasher = self._make_hasher(lexicon)
        if isinstance(self.lexicon, str) and self.lexicon == "fit":
            lexicon, lex = self._fit_lexicon(hasher, texts, labels)
            words, chars, _ = hasher.transform(texts)
        else:
            words, chars, lex = hasher.transform(texts)
        blocks = [words] if chars is None else [words, chars]
        idf = np.concatenate([_Tfidf.fit_idf(b) for b in blocks])
        df = np.concatenate([np.bincount(b.indices, minlength=b.shape[1]) for b in blocks])
        idf[df < self.min_df] = 0.0
        n = self.n_features
        tfidf = _Tfidf(idf[:n], idf[n:] if chars is not None else None, float(self.lexicon_weight))
        x = tfidf.transform(words, chars, lex)
        columns = np.flatnonzero(idf > 0).astype(np.int64)
        if lex is not None:
            hashed = idf.size
            idf = np.concatenate([idf, np.ones(N_LEXICON_FEATURES, dtype=np.float32)])
            columns = np.concatenate([columns, hashed + np.arange(N_LEXICON_FEATURES)])
        model = LogisticRegression(
            C=float(self.C), class_weight=self.class_weight, max_iter=self.max_iter
        )
        if sample_weight is not None:
            sample_weight = np.asarray(sample_weight, dtype=np.float64)
            if sample_weight.shape != (len(texts),) or not np.isfinite(sample_weight).all() or (sample_weight < 0).any():
                raise ValueError(
                    f"The 'sample_weight' parameter of fit() must hold one finite number >= 0 per text "
                    f"({len(texts)}). Got shape {sample_weight.shape}."
                )
        rows = None if neutral_rows is None else self._check_neutral_rows(neutral_rows, labels)
        x = x.tocsc()[:, columns].tocsr()
        model.fit(x, labels, sample_weight=sample_weight)
        self.classes_ = model.classes_
        self.coef_ = model.coef_.astype(np.float32)
        self.intercept_ = model.intercept_.astype(np.float32)
        self.columns_ = columns
        self.idf_ = idf[columns]
        self.lexicon_ = lexicon
        self.n_iter_ = model.n_iter_
        self.neutral_coef_ = self.neutral_intercept_ = None
        if rows is not None:
            self._fit_head(x[rows], labels[rows], None if sample_weight is None else sample_weight[rows])
        self._setup_predictor()
        return self

    def _check_neutral_rows(self, neutral_rows: Any, labels: np.ndarray) -> np.ndarray:
        rows = np.asarray(neutral_rows)
        if rows.shape != labels.shape or rows.dtype != bool:
            raise ValueError(
                f"The 'neutral_rows' parameter of fit() must be one bool per text ({labels.size}). "
                f"Got {rows.dtype} of shape {rows.shape}."
            )
        if set(np.unique(labels[rows]).tolist()) != set(np.unique(labels).tolist()) or "neutral" not in labels:
            raise ValueError(
                f"The 'neutral_rows' parameter of fit() must mark rows holding every label, "
                f"'neutral' included. Got labels {sorted(np.unique(labels[rows]).tolist())} in the "
                f"marked rows and {sorted(np.unique(labels).tolist())} in all."
            )
        return rows

    def _fit_head(self, x: sp.csr_matrix, labels: np.ndarray, sample_weight: np.ndarray | None) -> None:
        head = LogisticRegression(C=float(self.neutral_C), max_iter=self.max_iter)
        head.fit(x, labels, sample_weight=sample_weight)
        self.neutral_coef_ = head.coef_.astype(np.float32)
        self.neutral_intercept_ = head.intercept_.astype(np.float32)

    def _add_neutral_head(self, texts: list[str], labels: Any) -> SentimentClassifier:
        """Fit (or refit) the neutral head of a fitted model on ``texts`` (all from a
        three-class source), leaving the model's own weights as they are; returns ``self``.

        For a model saved without a head (``scripts/train_classifier.py --neutral-head``).
        The texts' features are the model's own (its IDF and columns).
        """
        self._check_fitted()
        labels = np.asarray(list(labels))
        self._check_neutral_rows(np.ones(labels.size, dtype=bool), labels)
        words, chars, lex = self.featurizer_.transform(_texts(texts, func="_add_neutral_head"))
        x = self._tfidf.transform(words, chars, lex)
        self._fit_head(x.tocsc()[:, self.columns_].tocsr(), labels, None)
        self._setup_predictor()
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Scores per class, shape (n, n_classes); (n,) for two classes (positive: classes_[1]).

        With a neutral head they are the logarithms of :meth:`predict_proba`.
        """
        self._check_fitted()
        scores = self._scores(_texts(X, func="decision_function"))
        return scores.ravel() if scores.shape[1] == 1 else scores

    def predict_proba(self, X: Any) -> np.ndarray:
        """Probabilities, shape (n, n_classes), columns in the order of ``classes_``."""
        self._check_fitted()
        if self._head() is not None:
            return self._combine(self._raw_scores(_texts(X, func="predict_proba")))
        scores = self.decision_function(X)
        if scores.ndim == 1:
            from scipy.special import expit

            p = expit(scores)
            return np.column_stack([1.0 - p, p])
        scores = scores - scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        return scores / scores.sum(axis=1, keepdims=True)

    def predict(self, X: Any) -> np.ndarray:
        """Most probable label of each text."""
        scores = self.decision_function(X)
        if scores.ndim == 1:
            return self.classes_[(scores > 0).astype(int)]
        return self.classes_[np.argmax(scores, axis=1)]

    # -- pickling (multiprocessing, Dask, joblib): the fitted arrays travel, the prediction
    # machinery (caches, a lock) is rebuilt on arrival; files on disk use save()/load()
    _DERIVED = ("featurizer_", "_tfidf", "_remap", "_weights", "_intercept", "_predictor")

    def __getstate__(self):
        state = super().__getstate__()
        return {k: v for k, v in state.items() if k not in self._DERIVED}

    def __setstate__(self, state):
        super().__setstate__(state)
        if hasattr(self, "coef_"):
            self._setup_predictor()

    def __sklearn_tags__(self):  # scikit-learn >= 1.6: text input, not a 2-D array
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        return tags

    # -- persistence -----------------------------------------------------------
    def save(self, path: str | os.PathLike) -> Path:
        """Write the fitted model to ``path`` (a compressed ``.npz``: arrays + JSON header).

        Labels must be str, int or bool (they are stored in JSON). Returns the path.
        """
        self._check_fitted()
        return save_model(self, path)

    @classmethod
    def load(cls, path: str | os.PathLike) -> SentimentClassifier:
        """Read a model written by :meth:`save` (no pickle is ever loaded)."""
        model = load_model(cls, path)
        model._setup_predictor()
        return model

    @classmethod
    def pretrained(cls, name: str = "multi") -> SentimentClassifier:
        """A shipped sentiment model: ``positive`` / ``negative`` / ``neutral``.

        ``"multi"`` (default): trained on more than one domain, so that it holds up on
        political tweets as well as on reviews: IndoNLU SmSA train (reviews) and EmoT
        train+valid (tweets; emotions mapped to polarity), both Apache-2.0, plus
        distant supervision on unlabeled real tweets (emoji-labelled, and lexicon-labelled
        posts the lexicon+rules scorer reads with confidence), with a neutral head fitted
        on the SmSA rows, the only source that labels neutral; only the fitted weights
        ship. ``"smsa"``: the v0.1 model, SmSA train only. Both are built by
        ``scripts/train_classifier.py``; docs/sentiment_domains.md has the cross-domain
        table. Loaded lazily from ``trendlib/sentiment/data``; needs no data home. Each
        call returns a new, independent estimator (a model may also be shared between
        threads: prediction is thread-safe).

        Parameters
        ----------
        name : {"multi", "smsa"}, default "multi"

        Returns
        -------
        SentimentClassifier

        Examples
        --------
        >>> clf = SentimentClassifier.pretrained()
        >>> clf.predict(["Kecewa berat, pesanan tidak datang", "Mantap, pelayanannya cepat"]).tolist()
        ['negative', 'positive']
        >>> SentimentClassifier.pretrained("smsa").classes_.tolist()
        ['negative', 'neutral', 'positive']
        """
        if name not in _PRETRAINED:
            raise ValueError(
                f"The 'name' parameter of SentimentClassifier.pretrained() must be one of "
                f"{sorted(_PRETRAINED)}. Got {name!r}."
            )
        return cls.load(_pretrained_path(name))


@lru_cache(maxsize=None)
def shared_pretrained(name: str) -> SentimentClassifier:
    """One :meth:`SentimentClassifier.pretrained` model per name and process (internal).

    For callers that take a model by name (``add_sentiment(model="multi")``, the report's
    workers, Dask workers): loaded once, shared (prediction is thread-safe).
    """
    return SentimentClassifier.pretrained(name)


@lru_cache(maxsize=None)
def _pretrained_path(name: str) -> Path:
    path = Path(__file__).with_name("data") / _PRETRAINED[name]
    if not path.exists():
        raise FileNotFoundError(
            f"The pretrained model file {path} is missing from this installation; "
            f"rebuild it with scripts/train_classifier.py."
        )
    return path
