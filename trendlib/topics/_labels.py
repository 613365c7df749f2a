"""Readable topics: distinctive terms, a representative phrase, representative posts (internal).

Why class-based TF-IDF and not the most probable words: in a keyword scrape the words
every topic shares (the query, "presiden", "rakyat") are the most probable words of every
topic, so labels built from ``p(word | topic)`` repeat each other. Grootendorst's
class-based TF-IDF (BERTopic, 2022) weighs a word's frequency in a topic by
``log(1 + A / f_w)`` (``A`` the average number of words per topic, ``f_w`` the word's
frequency over all topics), which keeps the words that set a topic apart.

The phrase is the most frequent two- or three-word sequence (stopwords removed, all words
in the vocabulary) that occurs mostly in that topic; representative posts are the posts
of the topic whose words gain most log-likelihood from the topic over the background.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

__all__ = ["ctfidf", "top_terms", "phrase_counts", "best_phrase", "describe"]


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
    w = ctfidf(model.topic_word_.T)
    model.topic_terms_ = top_terms(w, model.term_labels_, top=model.top)
    model.topic_labels_ = [", ".join(t[:3]) for t in model.topic_terms_]
    vocab = set(model.vocabulary_)
    counts = phrase_counts(docs, doc_topic, T, vocab, model._feat.key)
    while len(model._phrases) < T:
        model._phrases.append({})
    for t in range(T):
        merged = dict(model._phrases[t])
        for p, n in counts[t].items():
            merged[p] = merged.get(p, 0) + n
        model._phrases[t] = dict(sorted(merged.items(), key=lambda x: -x[1])[:_KEEP_PHRASES])
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
