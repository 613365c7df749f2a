"""Features of a post for topic models: the words it is about, as integer ids (internal).

Why this is not a plain ``CountVectorizer``: a post's topic words are spread over its
words and its hashtags, written with slang, elongation and affixes. Here each post goes
through :func:`trendlib.text.tokenize` with the ``"topic"`` stopword profile (slang and
elongation normalised), each hashtag is split into its words by
:func:`trendlib.text.segment_hashtag` (``#KTTASEAN2023`` and "ktt asean" give the same
``ktt``, ``asean``), and, when ``stem=True``, each word is replaced by its Sastrawi stem so
``keracunan``/``diracuni``/``racun`` fall together. Mentions, URLs, numbers and emoji are
not topic words. Labels show the most frequent written form of each stem, never the stem.

Work is memoised per distinct text, hashtag and word, so retweets and copy-paste
campaigns cost a dictionary look-up.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

__all__ = ["Featurizer", "build_vocabulary", "encode"]

_WORD = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]+)*")


def _is_text(value: Any) -> bool:
    return isinstance(value, str)


class Featurizer:
    """Text -> list of topic words (surface forms) and their stems, memoised.

    Parameters
    ----------
    stem : bool
        Map words to Sastrawi stems for the model (labels keep surface forms).
    """

    def __init__(self, *, stem: bool = True):
        from trendlib.text import segment_hashtag, stopwords, tokenize

        self.stem = bool(stem)
        self._tokenize = tokenize
        self._segment = segment_hashtag
        self._stop = stopwords("topic")
        self._texts: dict[str, tuple[str, ...]] = {}
        self._tags: dict[str, tuple[str, ...]] = {}
        self._stems: dict[str, str] = {}
        self._stemmer = None

    def words(self, text: Any) -> tuple[str, ...]:
        """Surface topic words of one text (normalised, stopwords out, hashtags split)."""
        if not _is_text(text):
            return ()
        hit = self._texts.get(text)
        if hit is not None:
            return hit
        out: list[str] = []
        for tok in self._tokenize(text, stopwords=self._stop):
            if tok.startswith("#"):
                out.extend(self._tag_words(tok[1:]))
            elif _WORD.fullmatch(tok):
                out.append(tok)
        if len(self._texts) > 2_000_000:
            self._texts.clear()
        v = self._texts[text] = tuple(out)
        return v

    def _tag_words(self, tag: str) -> tuple[str, ...]:
        hit = self._tags.get(tag)
        if hit is None:
            hit = self._tags[tag] = tuple(
                w for w in self._segment(tag) if _WORD.fullmatch(w) and w not in self._stop
            )
        return hit

    def key(self, word: str) -> str:
        """The model's key of a surface word: its stem when ``stem=True``."""
        if not self.stem:
            return word
        s = self._stems.get(word)
        if s is None:
            if self._stemmer is None:
                from trendlib.text import stem

                self._stemmer = stem
            s = self._stemmer(word) if "-" not in word else word
            if len(s) < 2:
                s = word
            self._stems[word] = s
        return s


def build_vocabulary(
    docs: Sequence[tuple[str, ...]],
    feat: Featurizer,
    *,
    min_df: int,
    max_df: float,
) -> tuple[list[str], list[str], dict[str, int]]:
    """Keys kept (document frequency in ``[min_df, max_df * n_docs]``) and their labels.

    Returns ``(keys, surface, dropped)``: the kept keys in a fixed order, the most frequent
    written form of each, and how many keys each rule dropped.
    """
    df: Counter[str] = Counter()
    surface: dict[str, Counter[str]] = {}
    for words in docs:
        seen = set()
        for w in words:
            k = feat.key(w)
            c = surface.get(k)
            if c is None:
                c = surface[k] = Counter()
            c[w] += 1
            seen.add(k)
        df.update(seen)
    n = max(len(docs), 1)
    ceiling = max_df * n
    keys, rare, common = [], 0, 0
    for k, f in df.items():
        if f < min_df:
            rare += 1
        elif f > ceiling and n >= 20:
            common += 1
        else:
            keys.append(k)
    keys.sort()
    labels = [surface[k].most_common(1)[0][0] for k in keys]
    return keys, labels, {"rare (df < min_df)": rare, "common (df > max_df)": common}


def encode(
    docs: Iterable[tuple[str, ...]], feat: Featurizer, index: dict[str, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR parts ``(indptr, word ids, counts)`` of the documents over ``index``.

    Repeated words in a post are merged into one (id, count) pair, ids sorted.
    """
    indptr = [0]
    ids: list[int] = []
    cnts: list[int] = []
    memo: dict[tuple[str, ...], tuple[tuple[int, ...], tuple[int, ...]]] = {}
    for words in docs:
        hit = memo.get(words)
        if hit is None:
            c: Counter[int] = Counter()
            for w in words:
                j = index.get(feat.key(w))
                if j is not None:
                    c[j] += 1
            items = sorted(c.items())
            hit = (tuple(i for i, _ in items), tuple(n for _, n in items))
            if len(memo) > 1_000_000:
                memo.clear()
            memo[words] = hit
        ids.extend(hit[0])
        cnts.extend(hit[1])
        indptr.append(len(ids))
    return (
        np.asarray(indptr, dtype=np.int64),
        np.asarray(ids, dtype=np.int32),
        np.asarray(cnts, dtype=np.int32),
    )
