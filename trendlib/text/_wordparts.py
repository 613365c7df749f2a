"""Helpers of the word-level normaliser (internal): spelling variants, meN- forms, casefold.

Kept apart from ``_wordnorm`` (the rules, in one class) so each module stays small. Pure
functions of their arguments plus the shipped word counts (read on first use).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

__all__ = ["_casefold", "_choices", "_collapse", "_collapsed_index", "_men", "_resolve_chains",
           "_root_frequencies", "_run_lengths", "_spell", "_CHOICES"]

_RUN = re.compile(r"([^\W\d_])\1+")
_ANY_RUN = re.compile(r"(.)\1*", re.S)
_VOWELS = frozenset("aiueo")


@lru_cache(maxsize=1)
def _root_frequencies() -> dict[str, int]:
    """Word counts of ``data/wordfreq_id.tsv`` (shipped with the stemming module)."""
    from ._data import data_text

    try:
        lines = data_text("wordfreq_id.tsv").splitlines()
    except FileNotFoundError:  # pragma: no cover - file ships with the package
        return {}
    out = {}
    for line in lines[1:]:
        word, _, count = line.partition("\t")
        if count.isdigit():
            out[word] = int(count)
    return out


def _men(root: str) -> str:
    """Standard meN- form of a root (bahas -> membahas, tulis -> menulis, cek -> mengecek)."""
    c = root[0]
    second_vowel = len(root) > 1 and root[1] in _VOWELS
    if sum(ch in _VOWELS for ch in root) == 1:
        return "menge" + root  # one syllable
    if c in _VOWELS or c in "gh":
        return "meng" + root
    if c == "k":
        return "meng" + (root[1:] if second_vowel else root)
    if c in "bfv":
        return "mem" + root
    if c == "p":
        return "mem" + (root[1:] if second_vowel else root)
    if c == "t":
        return "men" + (root[1:] if second_vowel else root)
    if c in "cdjz":
        return "men" + root
    if c == "s":
        return ("meny" + root[1:]) if second_vowel else ("men" + root)
    return "me" + root


def _choices(n: int) -> tuple[tuple[int, ...], ...]:
    """Keep-counts (1 or 2) for ``n`` runs, fewest letters first, then earlier runs shorter."""
    out = []
    for twos in range(n + 1):
        for pos in itertools.combinations(range(n - 1, -1, -1), twos):
            out.append(tuple(2 if i in pos else 1 for i in range(n)))
    return tuple(out)


_CHOICES = tuple(_choices(n) for n in range(4))


def _spell(w: str, runs: list[tuple[int, int]], choice: tuple[int, ...]) -> str:
    """``w`` with each run of ``runs`` cut to its count in ``choice``."""
    pieces, at = [], 0
    for (a, b), keep in zip(runs, choice):
        pieces.append(w[at:a])
        pieces.append(w[a] * keep)
        at = b
    pieces.append(w[at:])
    return "".join(pieces)


def _collapse(w: str) -> str:
    """Each run of one repeated character as one character (``maaf`` -> ``maf``)."""
    return "".join(k for k, _ in itertools.groupby(w))


_SEP = "\x00"
_RUNS_OF_ANY = re.compile(r"(.)\1+", re.S)


def _collapse_all(words: list[str]) -> list[str]:
    """``[_collapse(w) for w in words]`` in one regex pass over the joined words (the index
    of 35,000 words is built while the first text waits: about 5x faster than per word).
    Words are joined by NUL; a list where a word is empty or holds NUL (a user slang map
    could) is collapsed word by word."""
    joined = _SEP.join(words)
    if words and all(words) and joined.count(_SEP) == len(words) - 1:
        return _RUNS_OF_ANY.sub(r"\1", joined).split(_SEP)
    return [_collapse(w) for w in words]


def _run_lengths(w: str) -> list[tuple[int, int]]:
    """``(start, length)`` of each run of one repeated character (``baang`` -> 4 runs)."""
    return [(m.start(), m.end() - m.start()) for m in _ANY_RUN.finditer(w)]


def _collapsed_index(norm) -> dict[str, tuple[str, ...]]:
    """Known words and slang forms by collapsed spelling (``maaf`` under ``maf``)."""
    index = norm.__dict__.get("_index")
    if index is None:
        words = sorted(itertools.chain(norm.known, norm.slang))  # so each group is sorted
        groups: dict[str, list[str]] = {}
        for word, key in zip(words, _collapse_all(words)):
            groups.setdefault(key, []).append(word)
        index = {k: tuple(v) for k, v in groups.items()}
        norm.__dict__["_index"] = index  # built once per normaliser (same result if raced)
    return index


def _casefold(word: str) -> str:
    """Lowercase + NFKC until stable (both steps can undo each other on exotic letters)."""
    out = word.lower()
    if out.isascii():
        return out
    # "İ".lower() is "i" + a combining dot, which would split the word when re-read
    out = out.replace("i\u0307", "i")
    for _ in range(4):
        new = unicodedata.normalize("NFKC", out).lower()
        if new == out:
            break
        out = new
    return out


def _resolve_chains(slang: Mapping[str, str]) -> dict[str, str]:
    """Map every target word through the map again, so targets are fixed points."""
    out = {}
    for form, target in slang.items():
        words = target.split()
        for _ in range(5):
            new = " ".join(slang.get(w, w) for w in words).split()
            if new == words:
                break
            words = new
        out[form] = " ".join(words)
    return out


