"""Readable topics: ranked terms, a representative phrase, representative posts (internal).

Why not simply the most probable words: in a keyword scrape the words every topic shares
(the query, "presiden", "rakyat") are the most probable words of every topic, so terms
ranked by ``p(word | topic)`` repeat each other (low diversity). Why not only the most
distinctive ones: class-based TF-IDF (Grootendorst, BERTopic 2022: a word's frequency in
a topic times ``log(1 + A / f_w)``) is diverse but picks a topic's rarest words, which are
seldom written together anywhere else (low coherence).

The default ranking (``term_ranking="coherent"``) does both in two steps: (1) the
topic's 50 most *relevant* words (Sievert & Shirley 2014, LDAvis:
``0.6 log p(w|t) + 0.4 log(p(w|t) / p(w))``, 0.6 being the weight their user study
found best) are the candidates, which keeps the shared words out; (2) the candidates are
ordered by how much each co-occurs with the others (mean NPMI with the other candidates,
counted per distinct post of the corpus being fitted), so the top terms are words people
write together, not a topic's stray rare words. The number of candidates (50) was chosen
on the MBG, 2019 election and KIP-K scrapes (docs/topics.md). ``"ctfidf"`` is the
class-based TF-IDF ranking of trendlib 0.2 and ``"probability"`` is ``p(word | topic)``,
as GSDMM and LDA rank. Whatever the ranking, a topic's *label* is its three most
distinctive terms (class-based TF-IDF): a label names the topic, the terms describe it.

The phrase is the most frequent two- or three-word sequence (stopwords removed, all words
in the vocabulary) that occurs mostly in that topic; representative posts are the posts
of the topic most similar (cosine) to its class-based TF-IDF vector.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

__all__ = ["ctfidf", "relevance", "coherent_order", "term_order", "top_terms", "phrase_counts", "best_phrase", "describe"]

RANKINGS = ("coherent", "ctfidf", "probability")
_CANDIDATES = 50  # candidates per topic of the "coherent" ranking
_LAMBDA = 0.6  # relevance weight of log p(w|t) against the lift (LDAvis)


def ctfidf(tf: np.ndarray) -> np.ndarray:
    """Class-based TF-IDF of a words x topics count matrix (same shape).

    Examples
    --------
    >>> w = ctfidf(np.array([[10., 10.], [5., 0.], [0., 5.]]))
    >>> bool(w[1, 0] > 0 and w[1, 1] == 0 and w[0, 0] > 0)
    True
    """
    tf = np.asarray(tf, dtype=np.float64)
    if tf.size == 0:
        return tf
    per_topic = tf.sum(axis=0)
    f_w = tf.sum(axis=1)
    avg = tf.sum() / max(tf.shape[1], 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        idf = np.log1p(np.where(f_w > 0, avg / f_w, 0.0))
        norm = np.where(per_topic > 0, tf / per_topic, 0.0)
    return norm * idf[:, None]


def relevance(tf: np.ndarray, *, lam: float = _LAMBDA, smooth: float = 0.01) -> np.ndarray:
    """LDAvis relevance of a topics x words count matrix: ``lam log p(w|t) + (1 - lam) log lift``.

    ``lift = p(w|t) / p(w)``; ``p`` smoothed by ``smooth`` per word. Words absent from a
    topic get ``-inf``.

    Examples
    --------
    >>> r = relevance(np.array([[10., 8., 0.], [10., 0., 8.]]))   # word 0 is in both topics
    >>> bool(r[0, 1] > r[0, 0]), bool(np.isinf(r[0, 2]))
    (True, True)
    """
    tf = np.asarray(tf, dtype=np.float64)
    V = tf.shape[1]
    p = (tf + smooth) / (tf.sum(axis=1, keepdims=True) + smooth * V)
    tot = tf.sum(axis=0) + smooth
    bg = tot / tot.sum()
    r = lam * np.log(p) + (1 - lam) * np.log(p / bg)
    r[tf <= 0] = -np.inf
    return r


def coherent_order(tf: np.ndarray, X, *, candidates: int = _CANDIDATES, lam: float = _LAMBDA) -> list[np.ndarray]:
    """Per topic, word ids ordered by co-occurrence among the topic's most relevant words.

    ``tf`` is topics x words (counts), ``X`` documents x words (counts; each document
    one distinct post). The ``candidates`` most relevant words of a topic
    (:func:`relevance`) are ordered by their mean NPMI with the other candidates, counted
    per document of ``X`` (``-1`` for a pair never together); ties keep the relevance
    order.

    Examples
    --------
    >>> from scipy.sparse import csr_matrix
    >>> X = csr_matrix(np.array([[1, 1, 0, 0], [1, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 0]]))
    >>> tf = np.array([[3., 2., 0., 1.]])
    >>> coherent_order(tf, X, candidates=3)[0].tolist()   # 3 is never written with 1
    [0, 1, 3]
    """
    r = relevance(tf, lam=lam)
    Xc = X.tocsc().astype(bool).astype(np.float64)
    n = max(Xc.shape[0], 1)
    out = []
    for t in range(r.shape[0]):
        row = r[t]
        cand = np.argsort(-row, kind="stable")[:candidates]
        cand = cand[np.isfinite(row[cand])]
        if len(cand) < 3:
            out.append(cand)
            continue
        sub = Xc[:, cand]
        C = np.asarray((sub.T @ sub).todense(), dtype=np.float64)
        df = np.diag(C).copy()
        with np.errstate(divide="ignore", invalid="ignore"):
            pab = C / n
            pa = df / n
            npmi = np.log(pab / np.outer(pa, pa)) / -np.log(pab)
        npmi[C == 0] = -1.0
        npmi[pab >= 1] = 1.0
        npmi = np.where(np.isfinite(npmi), npmi, -1.0)
        np.fill_diagonal(npmi, 0.0)
        score = npmi.sum(axis=1) / (len(cand) - 1)
        out.append(cand[np.argsort(-score, kind="stable")])
    return out


def term_order(tf: np.ndarray, X=None, *, ranking: str = "coherent", top: int = _CANDIDATES) -> list[list[int]]:
    """The first ``top`` word ids of each topic (rows of ``tf``, topics x words) in ``ranking``'s order.

    ``"coherent"`` needs ``X`` (documents x words); without it the relevance order is
    used. Words absent from a topic are never listed.
    """
    tf = np.asarray(tf, dtype=np.float64)
    if ranking == "coherent" and X is not None:
        orders = coherent_order(tf, X, candidates=max(top, _CANDIDATES))
        return [[int(i) for i in o[:top]] for o in orders]
    if ranking == "ctfidf":
        w = ctfidf(tf.T).T
    elif ranking == "probability":
        w = tf
    else:
        w = relevance(tf)
    out = []
    for t in range(w.shape[0]):
        o = np.argsort(-w[t], kind="stable")[:top]
        out.append([int(i) for i in o if tf[t, i] > 0])
    return out


def top_terms(weights: np.ndarray, labels: Sequence[str], *, top: int) -> list[list[str]]:
    """The ``top`` highest-weighted labels of each topic (column); zero weights skipped."""
    out = []
    for j in range(weights.shape[1]):
        col = weights[:, j]
        order = np.argsort(-col, kind="stable")[:top]
        out.append([labels[i] for i in order if col[i] > 0])
    return out


def phrase_counts(
    seqs: Sequence[Sequence[str]], topics: np.ndarray, n_topics: int, vocab: set[str], key
) -> list[Counter]:
    """Per topic, counts of 2- and 3-word sequences (each counted once per post)."""
    counts = [Counter() for _ in range(n_topics)]
    for words, t in zip(seqs, topics):
        if t < 0 or len(words) < 2:
            continue
        ok = [key(w) in vocab for w in words]
        grams = set()
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                if all(ok[i : i + n]) and len({*words[i : i + n]}) == n:
                    grams.add(" ".join(words[i : i + n]))
        counts[t].update(grams)
    return counts


def best_phrase(counts: Sequence[Counter], *, min_count: int = 2) -> list[str]:
    """Most frequent phrase of each topic among those seen mostly (>= half) in it.

    A three-word phrase wins over a two-word one it contains when it is at least half as
    frequent (``makan bergizi gratis`` over ``bergizi gratis``).
    """
    total: Counter = Counter()
    for c in counts:
        total.update(c)
    out = []
    for c in counts:
        cands = [
            (n, p) for p, n in c.items() if n >= min_count and n * 2 >= total[p]
        ]
        if not cands:
            out.append("")
            continue
        cands.sort(key=lambda x: (-x[0], x[1]))
        best_n, best = cands[0]
        for n, p in cands[1:]:
            if n * 2 < best_n:
                break
            if p.count(" ") == 2 and best.count(" ") == 1 and best in p:
                best_n, best = n, p
                break
        out.append(best)
    return out


_KEEP_PHRASES = 300  # phrase counts kept per topic between partial_fit calls


def describe(model, texts, docs, first, doc_topic, X) -> None:
    """Set the model's terms, labels, phrases and representative posts from one batch.

    Phrase counts and representative posts of earlier batches (``partial_fit``) are
    merged with this batch's.
    """
    T = model.n_topics_
    tw = model.topic_word_
    w = ctfidf(tw.T)
    ranking = getattr(model, "term_ranking", "coherent")
    model._term_order = term_order(tw, X, ranking=ranking, top=max(model.top, _CANDIDATES))
    model.topic_terms_ = [[model.term_labels_[i] for i in o[: model.top]] for o in model._term_order]
    # the label names the topic: its three most distinctive terms (class-based TF-IDF),
    # whatever order the terms are listed in
    model.topic_labels_ = [", ".join(t[:3]) for t in top_terms(w, model.term_labels_, top=3)]
    vocab = set(model.vocabulary_)
    counts = phrase_counts(docs, doc_topic, T, vocab, model._feat.key)
    while len(model._phrases) < T:
        model._phrases.append({})
    for t in range(T):
        merged = dict(model._phrases[t])
        for p, n in counts[t].items():
            merged[p] = merged.get(p, 0) + n
        # ties broken by the phrase: the counters' order follows sets of strings, which
        # changes with the hash seed, and truncation must not depend on it
        model._phrases[t] = dict(sorted(merged.items(), key=lambda x: (-x[1], x[0]))[:_KEEP_PHRASES])
    from collections import Counter

    model.topic_phrases_ = best_phrase([Counter(p) for p in model._phrases])
    while len(model._reps) < T:
        model._reps.append([])
    sim = _cosine_own(X, w, doc_topic)
    for t in range(T):
        idx = np.flatnonzero(doc_topic == t)
        top_idx = idx[np.argsort(-sim[idx], kind="stable")[:20]]
        cand = model._reps[t] + [(float(sim[d]), str(texts[first[d]])) for d in top_idx]
        seen, keep = set(), []
        for s, txt in sorted(cand, key=lambda x: -x[0]):
            if txt not in seen:
                seen.add(txt)
                keep.append((s, txt))
            if len(keep) == 3:
                break
        model._reps[t] = keep
    model.representative_posts_ = [[txt for _, txt in r] for r in model._reps]


def _cosine_own(X, w: np.ndarray, topic: np.ndarray) -> np.ndarray:
    """Cosine similarity of each document (counts) to its own topic's c-TF-IDF vector.

    Computed on the non-zeros only (no documents x topics table); 0 for outliers.
    """
    X = X.tocsr()
    n = X.shape[0]
    rows = np.repeat(np.arange(n), np.diff(X.indptr))
    t = topic[rows]
    ok = t >= 0
    prod = np.zeros(len(X.data))
    prod[ok] = X.data[ok] * w[X.indices[ok], t[ok]]
    num = np.bincount(rows, weights=prod, minlength=n)
    dn = np.sqrt(np.bincount(rows, weights=X.data * X.data, minlength=n))
    wn = np.sqrt((w * w).sum(axis=0))
    den = dn * np.where(topic >= 0, wn[np.maximum(topic, 0)] if len(wn) else 0.0, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(den > 0, num / den, 0.0)
    return out
