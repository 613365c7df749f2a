"""Hashtag segmentation: ``#KaburAjaDulu`` -> ``['kabur', 'aja', 'dulu']``.

Two steps. (1) Split at the boundaries the author typed: between letters and digits,
at any other character (``_``, ``-``, emoji), and where a lowercase letter is followed by
an uppercase one (``IndonesiaGelap``). An uppercase run followed by lowercase letters
(``ASEANMatters``, ``BUMNuntuk``) is *not* split by case, because the last capital may
belong to either word; the dictionary decides. (2) Segment each lowercase run with a
unigram model by Viterbi (maximum sum of log-probabilities).

The model: counts from ``data/wordfreq_id.tsv`` (IndoNLU SmSA train tokens, Apache-2.0,
plus Sastrawi's root words, MIT; rebuilt by ``scripts/build_wordfreq.py``) and our own
list ``data/seg_words.txt`` (acronyms, names, places, English and social-media words,
each counted as a common word). A word not in the model scores below the rarest known
word and loses a fixed amount per letter, so an unknown run stays one token unless
known words cover most of it: names never seen are not shredded into letters.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib import resources

__all__ = ["segment_hashtag"]

#: count given to each word of our own list (added to its corpus count): about the
#: count of ``pemerintah`` (51) in SmSA train, i.e. the 780th most frequent word.
OWN_WORD_COUNT = 50
#: an unknown segment scores log(1 / total) - UNKNOWN_BASE - UNKNOWN_PER_CHAR * len.
UNKNOWN_BASE = 2.0
UNKNOWN_PER_CHAR = 1.0
#: longest known word considered; longer runs can still be one unknown token.
MAX_WORD_LEN = 24
#: a derived word (``kematian``: Sastrawi finds the known root ``mati``) scores as its
#: root minus this, so affixes are not split off as words of their own.
DERIVED_PENALTY = 2.0
#: bonus for a break the capitals suggest inside an uppercase run followed by lowercase
#: letters (``ROSIKompas`` -> break before ``K``); the dictionary can still overrule it.
CASE_BREAK_BONUS = 3.0

_PREFIXED = re.compile(r"(?:di|ke|se|be|te|me|pe)")
_SUFFIXES = ("kan", "an", "i", "nya", "lah", "kah", "ku", "mu")
#: runs longer than this are returned whole (no real hashtag needs more).
MAX_RUN_LEN = 200

_PIECES = re.compile(r"[^\W\d_]+|\d+")


def _read_lines(name: str) -> list[str]:
    path = resources.files("trendlib.text").joinpath("data", name)
    return path.read_text(encoding="utf-8").splitlines()


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float]:
    """Return (log-probability of each known word, log-probability floor for unknowns)."""
    counts: dict[str, int] = {}
    lines = _read_lines("wordfreq_id.tsv")
    for line in lines[1:]:  # header: word<TAB>count
        word, _, count = line.partition("\t")
        if word and count:
            counts[word] = int(count)
    for line in _read_lines("seg_words.txt"):
        word = line.split("#", 1)[0].strip().lower()
        if word:
            counts[word] = counts.get(word, 0) + OWN_WORD_COUNT
    total = float(sum(counts.values()))
    logp = {w: math.log(c / total) for w, c in counts.items() if len(w) >= 2}
    return logp, math.log(1.0 / total) - UNKNOWN_BASE


@lru_cache(maxsize=1)
def _root_stemmer():
    from ._stem import Stemmer

    return Stemmer(default_protected=False)._build()  # Sastrawi engine, no memo


@lru_cache(maxsize=262144)
def _derived_logp(piece: str) -> float | None:
    """Log-probability of an affixed form of a known root, or None.

    Prefixed pieces go through Sastrawi (the root must be a known word); pieces with
    only a suffix are checked by stripping it (cheap, most substrings fail here).
    """
    if len(piece) < 5:
        return None
    logp = _model()[0]
    if _PREFIXED.match(piece):
        root = _root_stemmer().stem_word(piece)
        score = logp.get(root) if root != piece else None
    else:
        roots = [piece[: -len(s)] for s in _SUFFIXES if piece.endswith(s) and len(piece) - len(s) >= 3]
        score = max((logp[r] for r in roots if r in logp), default=None)
    return None if score is None else score - DERIVED_PENALTY


def _viterbi(run: str, breaks: frozenset[int] = frozenset()) -> list[str]:
    """Most probable split of a lowercase run into words under the unigram model."""
    n = len(run)
    if n <= 1 or n > MAX_RUN_LEN:
        return [run]
    logp, unk_base = _model()
    get = logp.get
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        bj = -math.inf
        bi = 0
        lo = j - MAX_WORD_LEN
        for i in range(j):
            score = None
            if i >= lo:
                piece = run[i:j]
                score = get(piece)
                if score is None:
                    score = _derived_logp(piece)
            if score is None:
                score = unk_base - UNKNOWN_PER_CHAR * (j - i)
            score += best[i]
            if i in breaks:
                score += CASE_BREAK_BONUS
            if score > bj:
                bj, bi = score, i
        best[j] = bj
        back[j] = bi
    words = []
    j = n
    while j > 0:
        i = back[j]
        words.append(run[i:j])
        j = i
    words.reverse()
    return words


def _case_runs(piece: str) -> list[tuple[str, frozenset[int]]]:
    """Split a letter run where a lowercase letter meets an uppercase one.

    Returns each run with the offsets (inside it) of the breaks its capitals suggest:
    before the last capital of an uppercase run that lowercase letters follow.
    """
    out = []
    start = 0
    breaks: set[int] = set()
    for k in range(1, len(piece)):
        if piece[k].isupper() and piece[k - 1].islower():
            out.append((piece[start:k], frozenset(breaks)))
            start = k
            breaks = set()
        elif (
            piece[k].islower() and piece[k - 1].isupper()
            and k - 1 > start and piece[k - 2].isupper()
        ):
            breaks.add(k - 1 - start)
    out.append((piece[start:], frozenset(breaks)))
    return out


@lru_cache(maxsize=65536)
def _segment(tag: str) -> tuple[str, ...]:
    words: list[str] = []
    for piece in _PIECES.findall(tag):
        if piece.isdigit():
            words.append(piece)
            continue
        for run, breaks in _case_runs(piece):
            words.extend(_viterbi(run.lower(), breaks))
    return tuple(words)


def segment_hashtag(tag: str) -> list[str]:
    """Split a hashtag into its Indonesian and English words.

    CamelCase, digit and punctuation boundaries first, then a unigram (Viterbi)
    segmentation of each lowercase run against Indonesian word counts plus our own list
    of names, acronyms and English words. Words the model does not know stay whole.

    Parameters
    ----------
    tag : str
        A hashtag, with or without the leading ``#``.

    Returns
    -------
    list of str
        Lowercase words and digit runs, in order; ``[]`` for an empty tag.

    Examples
    --------
    >>> segment_hashtag("#KTTASEAN2023")
    ['ktt', 'asean', '2023']
    >>> segment_hashtag("IndonesiaGelap")
    ['indonesia', 'gelap']
    >>> segment_hashtag("danantarabangunnegeri")
    ['danantara', 'bangun', 'negeri']
    >>> segment_hashtag("kaburajadulu")
    ['kabur', 'aja', 'dulu']
    >>> segment_hashtag("ASEANMatters")
    ['asean', 'matters']
    >>> segment_hashtag("#Covid_19")
    ['covid', '19']
    """
    if not isinstance(tag, str):
        raise TypeError(f"segment_hashtag() expects a str hashtag. Got {type(tag).__name__}: {tag!r}.")
    return list(_segment(tag))
