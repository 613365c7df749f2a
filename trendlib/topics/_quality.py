"""How good are topics: NPMI coherence over a reference corpus, and topic diversity.

Why NPMI over *other* texts: coherence measured on the corpus a model was fitted on
rewards memorising it; over a reference corpus of other real posts, a topic's top words
score high only when people write them together elsewhere too (Lau, Newman & Baldwin
2014; Röder et al. 2015's C_NPMI uses the same document-level co-occurrence). Diversity
(Dieng et al. 2020) is the share of distinct words among all topics' top words: a model
whose topics repeat the same frequent words can look coherent and say nothing.

Words are compared by the model's keys (stems when the model stems), so ``keracunan`` in
a label matches ``diracuni`` in the reference corpus, as the model itself sees them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

__all__ = ["coherence", "diversity", "topic_words", "compare_n_topics"]


def topic_words(model: Any, *, top: int = 10) -> list[list[str]]:
    """Top ``top`` terms of each topic of a fitted :class:`TopicModel`, in its ``term_ranking`` order.

    The ranked list kept by the model holds 50 terms per topic (fewer when a topic has
    fewer words); past it (or for
    a model saved before the list was kept) the terms continue in relevance order
    (``"coherent"``) or the model's own ranking.
    """
    from ._labels import _CANDIDATES, term_order

    labels = model.term_labels_
    kept = getattr(model, "_term_order", None)
    ranking = getattr(model, "term_ranking", "coherent")
    if kept is not None and len(kept) == model.n_topics_ and all(len(o) >= top or len(o) < _CANDIDATES for o in kept):
        return [[labels[i] for i in o[:top]] for o in kept]
    rest = term_order(model.topic_word_, None, ranking=ranking, top=max(top, _CANDIDATES))
    out = []
    for t, r in enumerate(rest):
        first = list(kept[t]) if kept is not None and t < len(kept) else []
        seen = set(first)
        out.append([labels[i] for i in (first + [i for i in r if i not in seen])[:top]])
    return out


def _topics(topics: Any, top: int) -> tuple[list[list[str]], bool]:
    if hasattr(topics, "topic_word_"):
        return topic_words(topics, top=top), bool(topics.stem)
    if isinstance(topics, str) or not isinstance(topics, Sequence):
        raise TypeError(
            "The 'topics' parameter must be a fitted TopicModel or a list of word lists. "
            f"Got {type(topics).__name__}."
        )
    return [list(t)[:top] for t in topics], None


def coherence(
    topics: Any,
    texts: Sequence[Any],
    *,
    top: int = 10,
    stem: bool | None = None,
    per_topic: bool = False,
):
    """Mean NPMI of each topic's top word pairs, co-occurrence counted per post of ``texts``.

    Parameters
    ----------
    topics : TopicModel or list of list of str
        A fitted model (its terms, :func:`topic_words`) or the top words of each topic.
    texts : sequence of str or of token lists
        The reference corpus; str are read with the model's features (normalised
        words, segmented hashtags); token lists are used as they are.
    top : int, default 10
        Words per topic.
    stem : bool, optional
        Compare stems (default: as the model does; ``True`` for word lists).
    per_topic : bool, default False
        Return one value per topic instead of the mean.

    Returns
    -------
    float or ndarray
        NPMI in [-1, 1]: ``log(p(a,b) / (p(a) p(b))) / -log p(a,b)``; pairs never seen
        together score -1; pairs with a word absent from the reference are skipped
        (a topic with no scorable pair is NaN).

    Examples
    --------
    >>> ref = ["macet parah tol", "tol macet lagi", "harga cabai naik", "cabai mahal"]
    >>> round(coherence([["macet", "tol"], ["cabai", "tol"]], ref, stem=False), 3)
    0.0
    >>> coherence([["macet", "tol"], ["cabai", "tol"]], ref, stem=False, per_topic=True).tolist()
    [1.0, -1.0]

    See Also
    --------
    diversity

    References
    ----------
    J. H. Lau, D. Newman, T. Baldwin, "Machine reading tea leaves", EACL 2014.
    """
    from ._features import Featurizer

    words, model_stem = _topics(topics, top)
    use_stem = (model_stem if model_stem is not None else True) if stem is None else bool(stem)
    feat = Featurizer(stem=use_stem)
    needed = {feat.key(w) for ws in words for w in ws}
    postings: dict[str, list[int]] = {k: [] for k in needed}
    n = 0
    for i, t in enumerate(texts):
        toks = feat.words(t) if isinstance(t, str) else tuple(t)
        for k in {feat.key(w) for w in toks}:
            p = postings.get(k)
            if p is not None:
                p.append(i)
        n += 1
    sets = {k: np.asarray(v, dtype=np.int64) for k, v in postings.items()}
    scores = []
    for ws in words:
        keys = list(dict.fromkeys(feat.key(w) for w in ws))
        vals = []
        for a in range(len(keys)):
            for b in range(a + 1, len(keys)):
                da, db = sets[keys[a]], sets[keys[b]]
                if len(da) == 0 or len(db) == 0:
                    continue
                both = len(np.intersect1d(da, db, assume_unique=True))
                if both == 0:
                    vals.append(-1.0)
                    continue
                pab, pa, pb = both / n, len(da) / n, len(db) / n
                vals.append(1.0 if pab >= 1 else math.log(pab / (pa * pb)) / -math.log(pab))
        scores.append(float(np.mean(vals)) if vals else float("nan"))
    arr = np.asarray(scores)
    if per_topic:
        return arr
    return float(np.nanmean(arr)) if np.isfinite(arr).any() else float("nan")


def diversity(topics: Any, *, top: int = 25) -> float:
    """Share of distinct words among the top ``top`` words of all topics (1 = no repeats).

    Examples
    --------
    >>> diversity([["macet", "tol"], ["cabai", "tol"]], top=2)
    0.75

    See Also
    --------
    coherence
    """
    words, _ = _topics(topics, top)
    flat = [w for ws in words for w in ws[:top]]
    return len(set(flat)) / len(flat) if flat else float("nan")


def compare_n_topics(
    texts: Any,
    candidates: Sequence[Any] = ("auto", 10, 20),
    *,
    seeds: Sequence[int] = (0, 1),
    reference: Sequence[Any] | None = None,
    **params: Any,
):
    """Fit a :class:`TopicModel` per number of topics and seed; say how stable and coherent each is.

    A number of topics is worth trusting when different seeds find the same partition
    (stability: mean adjusted Rand index between the seeds' topics of the same posts,
    outliers as one more group) and the topics' words go together (NPMI).

    Parameters
    ----------
    texts : posts DataFrame or sequence of str
    candidates : sequence of int or "auto", default ("auto", 10, 20)
        Values of ``n_topics`` to try.
    seeds : sequence of int, default (0, 1)
        ``random_state`` of each fit (at least two for a stability).
    reference : sequence of str, optional
        Reference corpus for :func:`coherence` (default: the texts themselves).
    **params
        Other :class:`TopicModel` parameters.

    Returns
    -------
    pandas.DataFrame
        One row per candidate: ``n_topics``, ``topics`` (found, mean over seeds),
        ``stability``, ``coherence``, ``diversity``, ``outliers`` (share).

    Examples
    --------
    >>> from trendlib.topics import make_topic_corpus
    >>> posts = make_topic_corpus(1000, n_topics=6, seed=0)
    >>> t = compare_n_topics(posts, candidates=[3, 6]).set_index("n_topics")
    >>> t["topics"].tolist()
    [3.0, 6.0]
    >>> bool(t.loc[6, "coherence"] > t.loc[3, "coherence"]), bool(t.loc[6, "outliers"] < t.loc[3, "outliers"])
    (True, True)

    See Also
    --------
    coherence, diversity, TopicModel
    """
    import pandas as pd
    from sklearn.metrics import adjusted_rand_score

    from ._model import TopicModel, _texts

    if len(seeds) < 2:
        raise ValueError(f"The 'seeds' parameter of compare_n_topics() must hold at least 2 seeds. Got {list(seeds)!r}.")
    column = params.get("column", "text")
    docs = _texts(texts, column, "compare_n_topics")
    ref = docs if reference is None else list(reference)
    rows = []
    for k in candidates:
        models = [TopicModel(n_topics=k, random_state=s, **params).fit(docs) for s in seeds]
        pairs = [adjusted_rand_score(a.labels_, b.labels_) for i, a in enumerate(models) for b in models[i + 1:]]
        rows.append({
            "n_topics": k,
            "topics": float(np.mean([m.n_topics_ for m in models])),
            "stability": float(np.mean(pairs)),
            "coherence": float(np.nanmean([coherence(m, ref) for m in models])),
            "diversity": float(np.mean([diversity(m) for m in models])),
            "outliers": float(np.mean([(m.labels_ < 0).mean() for m in models])),
        })
    return pd.DataFrame(rows)
