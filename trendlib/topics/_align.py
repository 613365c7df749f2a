"""Topics of two fits matched to each other: which continue, which are new, which are gone.

Why: a topic model is fitted on the posts at hand, and its topic ids mean nothing outside
that fit. An analyst who fits each day's posts (or refits with another seed, or on a new
scrape of the same event) needs to know that yesterday's topic 4 is today's topic 9, that
a topic appeared, and that one faded. :func:`align_topics` matches the topics of two
fitted :class:`~trendlib.topics.TopicModel` one to one.

How: each topic is its word counts over the two models' joint vocabulary, weighted by
class-based TF-IDF computed over the topics of both fits together (the weighting of the
topic labels and of ``reduce_topics``: a word shared by every topic weighs little); two
topics are as similar as the cosine of those vectors. The pairs come from the assignment
that maximises the total similarity (Hungarian method,
:func:`scipy.optimize.linear_sum_assignment`); a pair below ``min_similarity`` is no match.

The default ``min_similarity`` (0.4) was chosen on four real scrapes of the data home
(docs/topics.md, "Topics across fits"; ``benchmarks/bench_topics.py --only align``):
between two fits of the same posts with different seeds, 95% of the similarities between
topics that are *not* the same lie at or below 0.20-0.35 (99%: 0.43-0.54); between fits
of the first and the second half of each scrape, the pairs at 0.4 or above were, read one
by one, the same subject in 16 of 18, those from 0.35 to 0.4 in 4 of 7. Below the
threshold some pairs still continue a subject (a register such as insults, a name), so
``"new"`` means "no confident match", not "certainly new".
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["align_topics", "DEFAULT_MIN_SIMILARITY"]

#: similarity (cosine of class-based TF-IDF vectors) below which two topics are not matched
DEFAULT_MIN_SIMILARITY = 0.4

_COLUMNS = ["topic", "label", "posts", "reference_topic", "reference_label", "reference_posts", "similarity",
            "status"]


def _check_model(model: Any, name: str) -> None:
    from ._model import TopicModel

    if not isinstance(model, TopicModel):
        raise TypeError(f"The '{name}' parameter of align_topics() must be a fitted TopicModel. "
                        f"Got {type(model).__name__}.")
    model._fitted("align_topics")


def similarity_matrix(model: Any, reference: Any) -> np.ndarray:
    """Cosine similarity of each topic of ``model`` (rows) to each of ``reference`` (columns)."""
    from ._labels import ctfidf

    a, b = model.n_topics_, reference.n_topics_
    vocab = {w: i for i, w in enumerate(dict.fromkeys([*model.vocabulary_, *reference.vocabulary_]))}
    tf = np.zeros((len(vocab), a + b))
    tf[[vocab[w] for w in model.vocabulary_], :a] = model.topic_word_.T
    tf[[vocab[w] for w in reference.vocabulary_], a:] = reference.topic_word_.T
    w = ctfidf(tf)
    norm = np.linalg.norm(w, axis=0)
    norm[norm == 0] = 1.0
    w = w / norm
    return w[:, :a].T @ w[:, a:]


def align_topics(model: Any, reference: Any, *, min_similarity: float = DEFAULT_MIN_SIMILARITY) -> Any:
    """Match the topics of ``model`` to those of ``reference``, another fit, one to one.

    Parameters
    ----------
    model : TopicModel
        A fitted model, e.g. of today's posts.
    reference : TopicModel
        Another fitted model, e.g. of yesterday's posts, or of the same posts with another
        seed.
    min_similarity : float, default 0.4
        Cosine similarity (class-based TF-IDF word vectors, in [0, 1]) below which a pair is
        not a match. The default was chosen on real scrapes (see the module docstring).

    Returns
    -------
    pandas.DataFrame
        One row per topic of ``model`` (in id order): ``topic``, ``label``, ``posts``, its
        match ``reference_topic`` (-1 for none), ``reference_label``, ``reference_posts``,
        ``similarity`` (NaN without a match) and ``status``: ``"matched"`` or ``"new"``.
        Then one row per topic of ``reference`` that nothing matched (``topic`` -1,
        ``status`` ``"gone"``). ``attrs["similarity"]`` holds the whole matrix (topics of
        ``model`` x topics of ``reference``).

    Raises
    ------
    NotFittedError
        If either model is not fitted.
    ValueError
        If ``min_similarity`` is not in [0, 1].

    See Also
    --------
    TopicModel.reduce_topics : merges the topics of one fit by the same similarity.
    topics_over_time : the counts of one fit's topics per bin.

    Notes
    -----
    Topic ids of one fit are arbitrary, so comparing fits needs a matching, as for
    clustering stability (Greene, O'Callaghan & Cunningham 2014). Words a model does not
    know count as zero in its topics; models with different feature settings (stems or
    words) share few words and match little.

    References
    ----------
    Grootendorst, M. (2022). BERTopic: Neural topic modeling with a class-based TF-IDF
    procedure. arXiv:2203.05794.

    Kuhn, H. W. (1955). The Hungarian method for the assignment problem. *Naval Research
    Logistics Quarterly* 2, 83-97.

    Examples
    --------
    >>> from trendlib.topics import TopicModel, make_topic_corpus
    >>> posts = make_topic_corpus(1200, n_topics=4, seed=2)
    >>> monday = TopicModel(n_topics=4, random_state=0).fit(posts.iloc[:600])
    >>> tuesday = TopicModel(n_topics=4, random_state=0).fit(posts.iloc[600:])
    >>> table = align_topics(tuesday, monday)
    >>> table["status"].tolist()
    ['matched', 'matched', 'matched', 'matched']
    >>> bool((table["similarity"] > 0.8).all())
    True
    """
    import pandas as pd
    from scipy.optimize import linear_sum_assignment

    _check_model(model, "model")
    _check_model(reference, "reference")
    try:
        ok = 0.0 <= float(min_similarity) <= 1.0
    except (TypeError, ValueError):
        ok = False
    if not ok or isinstance(min_similarity, bool):
        raise ValueError(f"The 'min_similarity' parameter of align_topics() must be a number in [0, 1]. "
                         f"Got {min_similarity!r}.")
    S = similarity_matrix(model, reference)
    match = np.full(model.n_topics_, -1, dtype=np.int64)
    if S.size:
        rows, cols = linear_sum_assignment(-S)
        keep = S[rows, cols] >= float(min_similarity)
        match[rows[keep]] = cols[keep]
    info, ref = model.topic_info(), reference.topic_info()
    labels, sizes = info["label"].tolist(), info["posts"].tolist()
    ref_labels, ref_sizes = ref["label"].tolist(), ref["posts"].tolist()
    out = []
    for t in range(model.n_topics_):
        r = int(match[t])
        out.append((t, labels[t], sizes[t], r, ref_labels[r] if r >= 0 else "", ref_sizes[r] if r >= 0 else 0,
                    float(S[t, r]) if r >= 0 else np.nan, "matched" if r >= 0 else "new"))
    for r in sorted(set(range(reference.n_topics_)) - set(match.tolist())):
        out.append((-1, "", 0, r, ref_labels[r], ref_sizes[r], np.nan, "gone"))
    table = pd.DataFrame(out, columns=_COLUMNS)
    table.attrs["similarity"] = S
    return table
