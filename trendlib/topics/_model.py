"""TopicModel: what short Indonesian posts are about, as a scikit-learn style estimator.

Why this design (see ``docs/topics.md`` for the measurements): a tweet is about one
thing, so the model is a Dirichlet multinomial mixture (one topic per post) sampled like
GSDMM, which also estimates how many topics there are; features come from
:mod:`trendlib.text` so slang, affixes and hashtags fall together; each distinct text is
one voice when fitting (a retweet cascade does not become a topic of its own); small
clusters are dissolved into the others; posts that fit no topic better than the corpus as
a whole get topic ``-1``; a topic's terms are its most relevant words ordered by how
much they are written together, its label its three most distinctive (class-based TF-IDF)
terms, shown in the surface form of each stem, with a phrase and representative posts.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, Literal

import numpy as np

from .._validation import check_int, check_positive, require_columns
from . import _assign as A
from ._dmm import gibbs
from ._features import Featurizer, build_vocabulary, encode
from ._labels import describe
from ._threads import in_thread, thread_links

__all__ = ["TopicModel"]

_MIN_POSTS_SHARE = 0.005  # "auto" min_posts: 0.5% of the distinct posts ...
_MIN_POSTS_FLOOR = 5  # ... and never fewer than 5
_HARD_ROUNDS = 5  # hard reassignment rounds after sampling (stops when nothing moves)
_CONTEXTS = ("thread", "post")


def _texts(X: Any, column: str, func: str) -> list[Any]:
    if isinstance(X, str):
        raise TypeError(f"{func}() expects a collection of texts or a posts DataFrame. Got one str.")
    if hasattr(X, "columns") and hasattr(X, "iloc"):
        require_columns(X, [column], func=func, hint="trendlib.read_posts(...)")
        return X[column].tolist()
    if hasattr(X, "tolist"):
        return list(X.tolist())
    if isinstance(X, Iterable):
        return list(X)
    raise TypeError(f"{func}() expects a collection of texts or a posts DataFrame. Got {type(X).__name__}.")


def _check_groups(topics: Any, n_topics: int) -> list[list[int]]:
    """Validate ``merge_topics``' groups: disjoint, each of >= 2 distinct valid topic ids."""
    bad = (f"The 'topics' parameter of merge_topics() must be groups of topic ids in 0..{n_topics - 1}, "
           "e.g. [[1, 4], [7, 9]]: each group at least two distinct ids, no id in two groups.")
    if isinstance(topics, (str, bytes)) or not isinstance(topics, Iterable):
        raise ValueError(f"{bad} Got {topics!r}.")
    groups, seen = [], set()
    for g in topics:
        if isinstance(g, (str, bytes)) or not isinstance(g, Iterable):
            raise ValueError(f"{bad} Got the group {g!r}.")
        ids = []
        for t in g:
            if isinstance(t, (bool, np.bool_)) or not isinstance(t, (int, np.integer)) or not 0 <= int(t) < n_topics:
                raise ValueError(f"{bad} Got {t!r} in {list(g)!r}.")
            ids.append(int(t))
        ids = sorted(set(ids))
        if len(ids) < 2 or seen & set(ids):
            raise ValueError(f"{bad} Got {list(g)!r}.")
        seen |= set(ids)
        groups.append(ids)
    if not groups:
        raise ValueError(f"{bad} Got no group.")
    return groups


class TopicModel:
    """Topics of short informal posts: one topic per post, labelled, with outliers.

    Parameters
    ----------
    n_topics : "auto" or int, default "auto"
        ``"auto"``: start from ``max_topics`` clusters and keep those the sampler fills
        with at least ``min_posts`` distinct posts. An int: sample with
        ``max(max_topics, 2 * n_topics)`` clusters and keep the ``n_topics`` largest
        (fewer if fewer reach ``min_posts``); the posts of the others move to them.
    max_topics : int, default 40
        Clusters the sampler starts from (an upper bound on the number of topics).
    alpha, beta : float, default 0.1, 0.1
        Dirichlet priors of topic sizes and of the words of a topic (GSDMM's).
    n_iter : int, default 15
        Gibbs sweeps after the random start (Yin & Wang report convergence in about 10).
    min_df : int, default 3
        A word must occur in at least this many distinct posts.
    max_df : float, default 0.25
        Words in more than this share of the posts (a scrape's query words) are dropped.
    min_posts : "auto" or int, default "auto"
        Smallest topic (distinct posts); ``"auto"`` is 0.5% of the distinct posts, at
        least 5. Smaller clusters are dissolved into the others.
    outlier_threshold : float, default 0.5
        Minimum log-likelihood gain per word (nats) of a post's words under its topic over
        the background; below it the post is an outlier (``-1``).
    stem : bool, default True
        Model stems (labels show the most frequent written form).
    distinct : bool, default True
        Fit on distinct texts (their token bags), so repeated texts are one voice.
    top : int, default 10
        Terms kept per topic in ``topic_terms_``.
    term_ranking : {"coherent", "ctfidf", "probability"}, default "coherent"
        Order of a topic's terms. ``"coherent"``: the topic's 50 most relevant words
        (LDAvis relevance, ``0.6 log p(w|t) + 0.4 log lift``) ordered by how much each
        co-occurs with the others in the posts (mean NPMI); the words a topic's posts are
        written with, without the words every topic shares. ``"ctfidf"``: class-based
        TF-IDF (the most distinctive words; trendlib 0.2's labels). ``"probability"``:
        ``p(word | topic)``.
    context : {"thread", "post"}, default "thread"
        How replies and retweets of a posts DataFrame get their topic. ``"thread"``: a
        reply (``reply_to`` set) whose conversation's first post (``conversation_id``) is
        among the posts is scored with that post's topic as a prior (probability 0.5),
        so "setuju banget" or "jalur alternatif lewat mana ya" takes its thread's topic
        while a reply whose own words point clearly elsewhere keeps its own, and a reply
        that fits no topic alone takes the thread's instead of ``-1``; a retweet whose
        source (``retweet_of``) is among the posts takes the source's topic. The sampler
        still reads each text alone. ``"post"``: every post on its own words. Texts
        given as a list have no threads and are always read alone.
    column : str, default "text"
        Text column when a posts DataFrame is given.
    random_state : int or None
        Seed of the sampler.

    Attributes
    ----------
    n_topics_ : int
    labels_ : ndarray of int, the topic of each post given to the last ``fit``/``partial_fit``
    topic_terms_ : list of list of str, the ``top`` terms of each topic (``term_ranking``)
    topic_labels_ : list of str, the three most distinctive terms (class-based TF-IDF)
    topic_phrases_ : list of str, the most frequent distinctive 2-3 word phrase
    representative_posts_ : list of list of str
    topic_sizes_ : ndarray of int, posts per topic (all posts fitted, repeats included)
    topic_word_ : ndarray (n_topics_, n_words), word counts per topic
    vocabulary_ : list of str, the model's words (stems when ``stem=True``)
    term_labels_ : list of str, the written form shown for each vocabulary word
    n_outliers_ : int, posts fitted (all chunks) that got topic -1
    n_thread_replies_ : int, replies of the last ``fit``/``partial_fit`` read in their thread

    Examples
    --------
    >>> from trendlib.topics import make_topic_corpus
    >>> posts = make_topic_corpus(1000, n_topics=6, seed=0)   # planted topics, with truth
    >>> model = TopicModel(random_state=0).fit(posts)
    >>> model.topic_labels_[:3]
    ['harga, cabai, beras', 'macet, jalan, tol', 'ktt, asean, delegasi']
    >>> model.topic_phrases_[0]
    'harga cabai naik'
    >>> model.predict(["macet parah di tol dalam kota", "harga cabai naik lagi", "wkwk"]).tolist()
    [1, 0, -1]

    See Also
    --------
    add_topics, topics_over_time, topic_sentiment, compare_n_topics

    Notes
    -----
    The sampler is GSDMM (Yin & Wang 2014): posts start in random clusters (a sequential
    start merges topics that come early) and each distinct text is visited once per sweep
    in a seeded random order. ``partial_fit`` places new posts one by one against the
    counts of the posts seen before, then sweeps them (topic ids stay stable; new topics get
    new ids). The defaults were chosen on the MBG, 2019 election and KIP-K scrapes and the
    planted corpus (``docs/topics.md``): ``max_df=0.25`` removes query words (``prabowo``
    in the election scrape),
    ``outlier_threshold=0.5`` leaves 1-24% of real posts as outliers.

    References
    ----------
    J. Yin and J. Wang, "A Dirichlet multinomial mixture model-based approach for short
    text clustering", KDD 2014. M. Grootendorst, "BERTopic: neural topic modeling with a
    class-based TF-IDF procedure", arXiv:2203.05794, 2022.
    """

    def __init__(
        self,
        n_topics: int | Literal["auto"] = "auto",
        *,
        max_topics: int = 40,
        alpha: float = 0.1,
        beta: float = 0.1,
        n_iter: int = 15,
        min_df: int = 3,
        max_df: float = 0.25,
        min_posts: int | Literal["auto"] = "auto",
        outlier_threshold: float = 0.5,
        stem: bool = True,
        distinct: bool = True,
        top: int = 10,
        term_ranking: str = "coherent",
        context: Literal["thread", "post"] = "thread",
        column: str = "text",
        random_state: int | None = None,
    ):
        self.n_topics = n_topics
        self.max_topics = max_topics
        self.alpha = alpha
        self.beta = beta
        self.n_iter = n_iter
        self.min_df = min_df
        self.max_df = max_df
        self.min_posts = min_posts
        self.outlier_threshold = outlier_threshold
        self.stem = stem
        self.distinct = distinct
        self.top = top
        self.term_ranking = term_ranking
        self.context = context
        self.column = column
        self.random_state = random_state

    # -- scikit-learn plumbing -------------------------------------------------------
    _PARAMS = ("n_topics", "max_topics", "alpha", "beta", "n_iter", "min_df", "max_df",
               "min_posts", "outlier_threshold", "stem", "distinct", "top", "term_ranking",
               "context", "column", "random_state")

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Parameters of this estimator (scikit-learn contract)."""
        return {k: getattr(self, k) for k in self._PARAMS}

    def set_params(self, **params: Any) -> TopicModel:
        """Set parameters (scikit-learn contract); unknown names raise ``ValueError``."""
        for k, v in params.items():
            if k not in self._PARAMS:
                raise ValueError(f"TopicModel has no parameter {k!r}. Valid: {list(self._PARAMS)}.")
            setattr(self, k, v)
        return self

    def __repr__(self) -> str:
        return f"TopicModel(n_topics={self.n_topics!r}, random_state={self.random_state!r})"

    def _check(self, func: str) -> int:
        K = check_int(self.max_topics, name="max_topics", func=func, minimum=2)
        if self.n_topics != "auto":
            if isinstance(self.n_topics, str):
                raise ValueError(
                    f"The 'n_topics' parameter of {func}() must be 'auto' or an integer >= 2. "
                    f"Got {self.n_topics!r}."
                )
            # sample with room to spare (true topics are not merged for lack of clusters),
            # then keep the n_topics largest
            K = max(K, 2 * check_int(self.n_topics, name="n_topics", func=func, minimum=2))
        check_positive(self.alpha, name="alpha", func=func)
        check_positive(self.beta, name="beta", func=func)
        check_int(self.n_iter, name="n_iter", func=func, minimum=0)
        check_int(self.min_df, name="min_df", func=func)
        check_int(self.top, name="top", func=func)
        from ._labels import RANKINGS

        if self.term_ranking not in RANKINGS:
            raise ValueError(
                f"The 'term_ranking' parameter of {func}() must be one of {list(RANKINGS)}. "
                f"Got {self.term_ranking!r}."
            )
        if self.context not in _CONTEXTS:
            raise ValueError(
                f"The 'context' parameter of {func}() must be one of {list(_CONTEXTS)}. Got {self.context!r}."
            )
        mx = self.max_df
        if isinstance(mx, bool) or not isinstance(mx, (int, float)) or not 0 < mx <= 1:
            raise ValueError(f"The 'max_df' parameter of {func}() must be a number in (0, 1]. Got {mx!r}.")
        if self.min_posts != "auto":
            check_int(self.min_posts, name="min_posts", func=func)
        thr = self.outlier_threshold
        if isinstance(thr, bool) or not isinstance(thr, (int, float)) or thr != thr:
            raise ValueError(
                f"The 'outlier_threshold' parameter of {func}() must be a number (nats per word). Got {thr!r}."
            )
        return K

    # -- fitting ---------------------------------------------------------------------
    def fit(self, X: Any, y: Any = None) -> TopicModel:
        """Fit topics to texts (a list/Series of str or a posts DataFrame).

        Parameters
        ----------
        X : posts DataFrame or sequence of str
        y : ignored

        Returns
        -------
        TopicModel
            ``self``, fitted.
        """
        K = self._check("fit")
        texts = _texts(X, self.column, "fit")
        self._feat = Featurizer(stem=self.stem)
        docs, inverse, first = self._distinct([self._feat.words(t) for t in texts])
        keys, labels, dropped = build_vocabulary(docs, self._feat, min_df=self.min_df, max_df=self.max_df)
        self.vocabulary_, self.term_labels_ = keys, labels
        self._index = {k: i for i, k in enumerate(keys)}
        self.vocabulary_dropped_ = dropped
        self._rng = np.random.default_rng(self.random_state)
        self._slots: list[int] = []
        self._state = None
        self.word_totals_ = np.zeros(len(keys), dtype=np.int64)
        self.topic_sizes_ = np.zeros(0, dtype=np.int64)
        self._phrases: list = []
        self._reps: list[list[tuple[float, str]]] = []
        self.n_docs_ = 0
        self.n_outliers_ = 0
        return self._learn(texts, docs, inverse, first, K, self._links(X))

    def partial_fit(self, X: Any, y: Any = None) -> TopicModel:
        """Fit on one more chunk of posts (the first call is :meth:`fit`).

        New words of the chunk (``min_df`` within it) join the vocabulary; the chunk's
        posts are sampled against the counts of everything seen before, existing topics
        keep their ids and new ones get the next ids.

        Returns
        -------
        TopicModel
            ``self``.
        """
        if not hasattr(self, "_state") or self._state is None:
            return self.fit(X)
        K = self._check("partial_fit")
        texts = _texts(X, self.column, "partial_fit")
        self._featurizer()
        docs, inverse, first = self._distinct([self._feat.words(t) for t in texts])
        keys, labels, _ = build_vocabulary(docs, self._feat, min_df=self.min_df, max_df=1.0)
        new = [(k, s) for k, s in zip(keys, labels) if k not in self._index]
        if new:
            for k, s in new:
                self._index[k] = len(self.vocabulary_)
                self.vocabulary_.append(k)
                self.term_labels_.append(s)
            m_k, n_k, n_wk = self._state
            pad = np.zeros((len(new), n_wk.shape[1]), dtype=n_wk.dtype)
            self._state = (m_k, n_k, np.vstack([n_wk, pad]))
            self.word_totals_ = np.concatenate([self.word_totals_, np.zeros(len(new), np.int64)])
        return self._learn(texts, docs, inverse, first, K, self._links(X))

    def _distinct(self, words: list[tuple[str, ...]]):
        n = len(words)
        if not self.distinct:
            return words, np.arange(n), np.arange(n)
        seen: dict[tuple[str, ...], int] = {}
        inverse = np.empty(n, dtype=np.int64)
        first = []
        for i, w in enumerate(words):
            j = seen.get(w)
            if j is None:
                j = seen[w] = len(first)
                first.append(i)
            inverse[i] = j
        return list(seen), inverse, np.asarray(first, dtype=np.int64)

    def _featurizer(self) -> Featurizer:
        """The text features (made on first use: a loaded model has none yet)."""
        if getattr(self, "_feat", None) is None:
            self._feat = Featurizer(stem=self.stem)
        return self._feat

    def _links(self, X: Any):
        """Thread links of a posts DataFrame (``context="thread"``), else None."""
        if self.context != "thread" or not (hasattr(X, "columns") and hasattr(X, "iloc")):
            return None
        return thread_links(X)

    def _learn(self, texts, docs, inverse, first, K, links=None) -> TopicModel:
        V = len(self.vocabulary_)
        indptr, ids, cnts = encode(docs, self._feat, self._index)
        X = A.csr(indptr, ids, cnts, V)
        self.n_docs_ += len(docs)
        self.word_totals_ = self.word_totals_ + np.asarray(X.sum(axis=0)).ravel().astype(np.int64)
        base = self._state
        n_slots = K if base is None else base[0].shape[0]
        z, _ = gibbs(indptr, ids, cnts, n_clusters=n_slots, n_words=V, alpha=self.alpha,
                     beta=self.beta, n_iter=self.n_iter, rng=self._rng, state=base)
        if base is None:
            base = (np.zeros(n_slots, np.int64), np.zeros(n_slots, np.int64),
                    np.zeros((V, n_slots), np.int64))
        floor = self._min_posts_value()
        m_z = np.bincount(z[z >= 0], minlength=n_slots) + base[0]
        cand = list(self._slots) + [
            int(k) for k in np.argsort(-m_z, kind="stable") if m_z[k] >= floor and k not in self._slots
        ]
        if self.n_topics != "auto":
            cand = cand[: max(int(self.n_topics), len(self._slots))]
        # hard reassignment among the candidate topics until stable (dissolved clusters
        # move); labels_ are then what predict() gives for these posts
        assign, prev = z, None
        for _ in range(_HARD_ROUNDS):
            m_k, n_k, n_wk = A.onehot_counts(X, assign, n_slots)
            tw = (base[2] + n_wk)[:, cand].T
            sizes = (base[0] + m_k)[cand].astype(np.float64)
            logphi, logpi, logbg = A.log_tables(tw, sizes, self.word_totals_, alpha=self.alpha, beta=self.beta)
            t = A.score(X, logphi, logpi, logbg, threshold=self.outlier_threshold, joint=False)[1]
            cand_arr = np.asarray(cand, dtype=np.int64)
            assign = np.where(t >= 0, cand_arr[np.maximum(t, 0)] if len(cand) else -1, -1)
            m_new = np.bincount(assign[assign >= 0], minlength=n_slots) + base[0]
            keep = [k for k in cand if k in self._slots or m_new[k] >= floor]
            if keep == cand and (prev is not None and (prev == assign).all()):
                break
            prev = assign
            cand = keep
        cand_arr = np.asarray(cand, dtype=np.int64)
        assign = np.where(np.isin(assign, cand_arr), assign, -1)
        m_k, n_k, n_wk = A.onehot_counts(X, assign, n_slots)
        state = (base[0] + m_k, base[1] + n_k, (base[2] + n_wk).astype(np.int64))
        old = list(self._slots)
        fresh = sorted((k for k in cand if k not in old), key=lambda k: (-state[0][k], k))
        self._slots = old + fresh
        self._state = state
        sizes = state[0][self._slots].astype(np.float64)
        tables = A.log_tables(self.topic_word_, sizes, self.word_totals_, alpha=self.alpha, beta=self.beta)
        doc_topic = A.score(X, *tables, threshold=self.outlier_threshold, joint=False)[1]
        self.labels_ = doc_topic[inverse]
        self.n_thread_replies_ = 0 if links is None else int(((links[0] >= 0) & ~links[1]).sum())
        if links is not None:
            # replies read in their thread, retweets as their source (what predict()
            # gives for the same posts table)
            n = len(inverse)
            own = (None, self.labels_.copy(), np.zeros(n), np.zeros(n))
            in_thread(X, own, *links, tables, threshold=self.outlier_threshold, rows=inverse)
            self.labels_ = own[1]
        self.n_outliers_ += int((self.labels_ < 0).sum())
        T = len(self._slots)
        sizes = np.bincount(self.labels_[self.labels_ >= 0], minlength=T)
        self.topic_sizes_ = np.concatenate([self.topic_sizes_, np.zeros(T - len(self.topic_sizes_), np.int64)]) + sizes
        describe(self, texts, docs, first, doc_topic, X)
        return self

    def _min_posts_value(self) -> int:
        if self.min_posts == "auto":
            return max(_MIN_POSTS_FLOOR, int(np.ceil(_MIN_POSTS_SHARE * self.n_docs_)))
        return int(self.min_posts)

    @property
    def n_topics_(self) -> int:
        return len(self._slots)

    @property
    def topic_word_(self) -> np.ndarray:
        return self._state[2][:, self._slots].T.astype(np.float64)

    # -- using a fitted model ----------------------------------------------------------
    def _fitted(self, func: str) -> None:
        if getattr(self, "_state", None) is None:
            from sklearn.exceptions import NotFittedError

            raise NotFittedError(f"This TopicModel is not fitted yet: call fit() before {func}().")

    def _joint(self, X: Any, func: str, joint: bool = True):
        self._fitted(func)
        texts = _texts(X, self.column, func)
        self._featurizer()
        words = [self._feat.words(t) for t in texts]
        indptr, ids, cnts = encode(words, self._feat, self._index)
        Xm = A.csr(indptr, ids, cnts, len(self.vocabulary_))
        sizes = self._state[0][self._slots].astype(np.float64)
        tables = A.log_tables(self.topic_word_, sizes, self.word_totals_, alpha=self.alpha, beta=self.beta)
        out = A.score(Xm, *tables, threshold=self.outlier_threshold, joint=joint)
        links = self._links(X)
        if links is not None:
            in_thread(Xm, out, *links, tables, threshold=self.outlier_threshold)
        return out

    def transform(self, X: Any) -> np.ndarray:
        """Posterior topic probabilities of each post, shape ``(n_posts, n_topics_)``.

        Returns
        -------
        ndarray of float
            Rows sum to 1 (a post without vocabulary words gets the topic sizes).
        """
        joint, _, _, _ = self._joint(X, "transform")
        return A.posterior(joint)

    def predict(self, X: Any) -> np.ndarray:
        """Topic of each post (int, ``-1`` for outliers).

        Returns
        -------
        ndarray of int64
        """
        return self._joint(X, "predict", joint=False)[1]

    def fit_transform(self, X: Any, y: Any = None) -> np.ndarray:
        """:meth:`fit` then :meth:`transform` on the same posts."""
        return self.fit(X).transform(X)

    def fit_predict(self, X: Any, y: Any = None) -> np.ndarray:
        """:meth:`fit` and return ``labels_``."""
        return self.fit(X).labels_

    def explain(self, text: str, *, top: int = 10):
        """Why one post gets its topic: each word's evidence for it and for the runner-up.

        A word's evidence for a topic is ``log p(word | topic) - log p(word)`` in nats
        (positive: more likely in the topic than in the whole corpus), times its count in
        the post. A post is an outlier when its evidence per word under its best topic is
        below ``outlier_threshold``. The post is read alone (no thread).

        Parameters
        ----------
        text : str
            One post.
        top : int, default 10
            Words shown (by evidence for the topic, then alphabetically).

        Returns
        -------
        pandas.DataFrame
            Columns ``word`` (the written form), ``count``, ``topic_nats``, ``runner_up_nats``;
            ``attrs``: ``topic`` (``-1`` for an outlier), ``best`` (the most likely topic),
            ``label``, ``runner_up`` (or ``None``), ``nats_per_word``, ``threshold``,
            ``ignored`` (words of the post outside the vocabulary).

        Examples
        --------
        >>> from trendlib.topics import make_topic_corpus
        >>> model = TopicModel(random_state=0).fit(make_topic_corpus(1000, n_topics=6, seed=0))
        >>> why = model.explain("macet parah di tol dalam kota, jalan ditutup")
        >>> why.attrs["topic"], why.attrs["label"], sorted(why["word"].head(3))
        (1, 'macet, jalan, tol', ['jalan', 'macet', 'tol'])

        A post about two things fits neither: "macet" speaks strongly against the
        prices topic, so the evidence per word falls under the threshold.

        >>> why = model.explain("harga cabai naik, macet di pasar")
        >>> why.attrs["topic"], why.attrs["label"], round(why.attrs["nats_per_word"], 2)
        (-1, 'harga, cabai, beras', -0.33)
        >>> why.iloc[-1]["word"], round(float(why.iloc[-1]["topic_nats"]), 1)
        ('macet', -6.6)
        """
        import pandas as pd

        self._fitted("explain")
        if not isinstance(text, str):
            raise TypeError(f"The 'text' parameter of explain() must be a str (one post). Got {type(text).__name__}.")
        top = check_int(top, name="top", func="explain", minimum=1)
        self._featurizer()
        words = self._feat.words(text)
        indptr, ids, cnts = encode([words], self._feat, self._index)
        sizes = self._state[0][self._slots].astype(np.float64)
        logphi, logpi, logbg = A.log_tables(self.topic_word_, sizes, self.word_totals_, alpha=self.alpha,
                                            beta=self.beta)
        Xm = A.csr(indptr, ids, cnts, len(self.vocabulary_))
        _, topic, per, _ = A.score(Xm, logphi, logpi, logbg, threshold=self.outlier_threshold, joint=False)
        joint = (np.asarray(Xm @ logphi.T) + logpi)[0] if len(ids) else np.zeros(0)
        order = np.argsort(-joint, kind="stable") if len(joint) else np.zeros(0, dtype=np.int64)
        best = int(order[0]) if len(ids) and len(order) else -1
        runner = int(order[1]) if len(ids) and len(order) > 1 else None
        cnts_f = cnts.astype(np.float64)
        gain = (logphi[best, ids] - logbg[ids]) * cnts_f if best >= 0 else np.zeros(len(ids))
        gain2 = (logphi[runner, ids] - logbg[ids]) * cnts_f if runner is not None else np.full(len(ids), np.nan)
        frame = pd.DataFrame({"word": [self.term_labels_[i] for i in ids], "count": cnts.astype(np.int64),
                              "topic_nats": gain, "runner_up_nats": gain2})
        frame = frame.sort_values(["topic_nats", "word"], ascending=[False, True], kind="stable").head(top)
        frame = frame.reset_index(drop=True)
        known = {self._feat.key(w) for w in words if self._feat.key(w) in self._index}
        frame.attrs.update({
            "topic": int(topic[0]), "best": best,
            "label": self.topic_labels_[best] if best >= 0 else "(no topic word)",
            "runner_up": runner, "nats_per_word": float(per[0]) if np.isfinite(per[0]) else None,
            "threshold": float(self.outlier_threshold),
            "ignored": sorted({w for w in words if self._feat.key(w) not in known}),
        })
        return frame

    def merge_topics(self, X: Any, topics: Any) -> TopicModel:
        """Merge topics that are one subject, then describe the merged topics from ``X``.

        Read the topics (``topic_info``, ``representative_posts_``) and merge those that
        are the same subject, as BERTopic's ``merge_topics`` does. The counts of each group
        are added into one topic: the model then scores posts against the merged topic.

        Parameters
        ----------
        X : posts DataFrame or sequence of str
            Posts that describe the merged topics (terms, labels, phrases, representative
            posts are recomputed from them): usually the posts fitted.
        topics : sequence of sequences of int
            Groups of topic ids, e.g. ``[[1, 4], [7, 9, 12]]``; each group (at least two
            distinct ids, groups disjoint) becomes one topic.

        Returns
        -------
        TopicModel
            ``self``. Topic ids are renumbered ``0..n_topics_-1`` in the old order, a group
            taking the place of its smallest id; ``labels_`` and ``topic_sizes_`` are the
            old ones merged (``-1`` stays); ``merged_`` maps each old id to its new id.
            ``predict`` scores against the merged topics, whose words are more spread: a
            few posts can fall below the outlier threshold.

        Examples
        --------
        >>> from trendlib.topics import make_topic_corpus
        >>> posts = make_topic_corpus(1000, n_topics=6, seed=0)
        >>> model = TopicModel(random_state=0).fit(posts)
        >>> model.n_topics_, model.topic_labels_[1], model.topic_labels_[7]
        (8, 'macet, jalan, tol', 'info, lantas, macet')
        >>> model = model.merge_topics(posts, [[1, 7]])
        >>> model.n_topics_, model.topic_labels_[1]
        (7, 'macet, jalan, tol')

        See Also
        --------
        topic_info, compare_n_topics
        """
        self._fitted("merge_topics")
        T = self.n_topics_
        groups = _check_groups(topics, T)
        m_k, n_k, n_wk = (a.copy() for a in self._state)
        new_of = np.full(T, -1, dtype=np.int64)
        absorbed = {t for g in groups for t in g[1:]}
        kept = [t for t in range(T) if t not in absorbed]
        new_of[kept] = np.arange(len(kept))
        for g in groups:
            into = self._slots[g[0]]
            for t in g[1:]:
                sl = self._slots[t]
                m_k[into] += m_k[sl]
                n_k[into] += n_k[sl]
                n_wk[:, into] += n_wk[:, sl]
                m_k[sl] = n_k[sl] = 0
                n_wk[:, sl] = 0
                new_of[t] = new_of[g[0]]
        self._state = (m_k, n_k, n_wk)
        self._slots = [self._slots[t] for t in kept]
        self.topic_sizes_ = np.bincount(new_of, weights=self.topic_sizes_[:T], minlength=len(kept)).astype(np.int64)
        labels = np.asarray(getattr(self, "labels_", np.zeros(0, np.int64)))
        self.labels_ = np.where(labels >= 0, new_of[np.maximum(labels, 0)], -1).astype(np.int64)
        self.merged_ = {int(t): int(new_of[t]) for t in range(T)}
        # describe the merged topics from X (phrases and representative posts start again)
        texts = _texts(X, self.column, "merge_topics")
        self._featurizer()
        docs, _, first = self._distinct([self._feat.words(t) for t in texts])
        indptr, ids, cnts = encode(docs, self._feat, self._index)
        Xm = A.csr(indptr, ids, cnts, len(self.vocabulary_))
        sizes = m_k[self._slots].astype(np.float64)
        tables = A.log_tables(self.topic_word_, sizes, self.word_totals_, alpha=self.alpha, beta=self.beta)
        doc_topic = A.score(Xm, *tables, threshold=self.outlier_threshold, joint=False)[1]
        self._phrases, self._reps = [], []
        describe(self, texts, docs, first, doc_topic, Xm)
        return self

    def reduce_topics(self, X: Any, n_topics: int) -> TopicModel:
        """Merge the most similar topics until ``n_topics`` are left (BERTopic's ``reduce_topics``).

        The smallest topic is merged into the topic whose class-based TF-IDF vector is the
        most similar (cosine), and again, until ``n_topics`` are left; then
        :meth:`merge_topics` with those groups.

        Parameters
        ----------
        X : posts DataFrame or sequence of str
            Posts that describe the merged topics (as in :meth:`merge_topics`).
        n_topics : int
            Topics to keep (at least 1; a model with no more topics is left as it is).

        Returns
        -------
        TopicModel
            ``self``; ``merged_`` maps each old topic id to its new id.

        Examples
        --------
        >>> from trendlib.topics import make_topic_corpus
        >>> posts = make_topic_corpus(1000, n_topics=6, seed=0)
        >>> model = TopicModel(random_state=0).fit(posts).reduce_topics(posts, 7)
        >>> model.n_topics_, model.merged_[7]
        (7, 1)
        """
        self._fitted("reduce_topics")
        k = check_int(n_topics, name="n_topics", func="reduce_topics", minimum=1)
        T = self.n_topics_
        if T <= k:
            self.merged_ = {t: t for t in range(T)}
            return self
        from ._labels import ctfidf

        tw = self.topic_word_.copy()  # topics x words
        sizes = self.topic_sizes_[:T].astype(np.float64)
        members = {t: [t] for t in range(T)}
        alive = list(range(T))
        while len(alive) > k:
            w = ctfidf(tw[alive].T).T
            norm = np.linalg.norm(w, axis=1)
            norm[norm == 0] = 1.0
            sim = (w / norm[:, None]) @ (w / norm[:, None]).T
            np.fill_diagonal(sim, -np.inf)
            i = int(np.argmin([sizes[t] for t in alive]))  # the smallest (first on ties)
            j = int(np.argmax(sim[i]))
            small, into = alive[i], alive[j]
            tw[into] += tw[small]
            sizes[into] += sizes[small]
            members[into] += members.pop(small)
            alive.remove(small)
        groups = [sorted(g) for g in members.values() if len(g) > 1]
        return self.merge_topics(X, groups)

    def topic_info(self):
        """One row per topic: ``topic``, ``posts``, ``share``, ``label``, ``terms``, ``phrase``, ``example``.

        Returns
        -------
        pandas.DataFrame
            Topics in id order; the outlier topic ``-1`` is the last row (posts of the last fit).
        """
        import pandas as pd

        self._fitted("topic_info")
        T = self.n_topics_
        sizes = self.topic_sizes_.tolist()
        total = sum(sizes) + self.n_outliers_
        rows = [
            {"topic": t, "posts": sizes[t], "label": self.topic_labels_[t],
             "terms": list(self.topic_terms_[t]), "phrase": self.topic_phrases_[t],
             "example": (self.representative_posts_[t] or [""])[0]}
            for t in range(T)
        ]
        rows.append({"topic": -1, "posts": self.n_outliers_, "label": "(outliers)", "terms": [],
                     "phrase": "", "example": ""})
        df = pd.DataFrame(rows)
        df.insert(2, "share", df["posts"] / total if total else np.nan)
        return df

    def save(self, path: str | os.PathLike):
        """Write the fitted model to ``path`` (NPZ arrays + JSON header, no pickle)."""
        from ._persist import save_model

        self._fitted("save")
        return save_model(self, path)

    @classmethod
    def load(cls, path: str | os.PathLike) -> TopicModel:
        """Read a model written by :meth:`save` (validated; never unpickles)."""
        from ._persist import load_model

        return load_model(cls, path)
