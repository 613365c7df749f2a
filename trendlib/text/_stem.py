"""Sastrawi stemming, fast: Sastrawi's own algorithm, an exact faster engine and a memo.

PySastrawi 1.0.1 (``StemmerFactory().create_stemmer()``) implements Enhanced Confix
Stripping well, but its ``ArrayDictionary.contains`` is ``word in list`` over 29,932 root
words, and one uncached word needs dozens of look-ups: tens of new words a second.
Here Sastrawi's own classes run on a set-backed dictionary, with the prefix rules
dispatched by first letter and no per-word regex compilation (``_stem_engine.py``;
thousands of new words a second, see benchmarks/bench_text.py), and every result is
memoised, so a word is stemmed once per process. The output equals stock Sastrawi word
for word, except for the *protected* words, which are returned unchanged
(``data/stem_protected.txt`` lists the known Sastrawi mis-stems shipped as defaults:
``bekasi`` -> ``bekas``, ``relawan`` -> ``rawan``, ``menangis`` -> ``menang``, ...)
and the reviewed over-stems of ``data/stem_exceptions.tsv``, which get their right stem
(``ajakan`` -> ``ajak``, not ``aja``; mined from real tweets, judged by reading).

The dictionary is loaded on first use, never at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from .._cache import Memo

__all__ = ["stem", "Stemmer", "default_protected_words", "default_exceptions"]

# Sastrawi's TextNormalizer keeps only these characters; a word made of anything else is
# outside what the algorithm was written for and is returned unchanged.
_SASTRAWI_WORD = re.compile(r"[a-z0-9-]+")


@lru_cache(maxsize=None)
def _root_words() -> frozenset[str]:
    """Sastrawi's root-word dictionary (``kata-dasar.txt``, MIT) as a frozenset."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(w for w in StemmerFactory().get_words_from_file() if w and w.strip())


@lru_cache(maxsize=None)
def default_protected_words() -> frozenset[str]:
    """Words never stemmed by default: known Sastrawi mis-stems (``data/stem_protected.txt``).

    Returns
    -------
    frozenset of str
        Lowercase words; each line of the file gives the wrong stem it prevents.

    Examples
    --------
    >>> "bekasi" in default_protected_words()
    True
    """
    text = resources.files("trendlib.text").joinpath("data/stem_protected.txt").read_text("utf-8")
    words = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            words.add(word)
    return frozenset(words)


@lru_cache(maxsize=None)
def default_exceptions() -> dict[str, str]:
    """Reviewed corrections of Sastrawi over-stems (``data/stem_exceptions.tsv``).

    Returns
    -------
    dict of str to str
        Lowercase word -> its right stem (``ajakan`` -> ``ajak``, not Sastrawi's ``aja``).

    Examples
    --------
    >>> default_exceptions()["senilai"]
    'nilai'
    """
    from ._data import data_text

    out = {}
    for line in data_text("stem_exceptions.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, right = line.partition("\t")
            out[word.strip().lower()] = right.strip().lower()
    return out


def _word_set(value: Any, *, name: str, func: str) -> frozenset[str]:
    """Validate a collection of words (not a bare string) and return it lowercased."""
    if value is None:
        return frozenset()
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(
            f"The {name!r} parameter of {func}() must be a collection of words "
            f"(set, list, tuple). Got {type(value).__name__}: {value!r}."
        )
    out = set()
    for item in value:
        if not isinstance(item, str):
            raise TypeError(
                f"The {name!r} parameter of {func}() must hold strings. "
                f"Got {type(item).__name__}: {item!r}."
            )
        out.add(item.strip().lower())
    out.discard("")
    return frozenset(out)


class Stemmer:
    """Sastrawi stemmer with a set-backed dictionary, protected words and a memo.

    Use a ``Stemmer`` when you need your own protected words or extra root words;
    :func:`stem` uses a shared default instance. The memo is trendlib's one bounded,
    thread-safe memo (:class:`trendlib._cache.Memo`, emptied past a million words;
    about 100-150 bytes a word); :meth:`clear_cache` empties it. One ``Stemmer`` may be
    shared by several threads.

    Parameters
    ----------
    protected : collection of str, optional
        Words returned unchanged (named entities, brands, acronyms), in addition to the
        default list unless ``default_protected=False``. Compared in lowercase.
    words : collection of str, optional
        Extra root words added to Sastrawi's dictionary (for example new slang roots),
        so affixed forms of them stem to them.
    default_protected : bool, default True
        Include :func:`default_protected_words` (words Sastrawi must not stem) and
        :func:`default_exceptions` (reviewed right stems of Sastrawi over-stems:
        ``ajakan`` -> ``ajak``). ``False`` gives stock Sastrawi's stems.

    Examples
    --------
    >>> st = Stemmer(protected={"pemalang"})
    >>> st.stem("pemalang"), st.stem("Menangis"), st.stem("perekonomian")
    ('pemalang', 'menangis', 'ekonomi')
    >>> Stemmer(default_protected=False).stem("menangis")  # stock Sastrawi's mis-stem
    'menang'
    >>> Stemmer(words={"viral"}).stem("diviralkan")
    'viral'
    """

    def __init__(
        self,
        *,
        protected: Iterable[str] | None = None,
        words: Iterable[str] | None = None,
        default_protected: bool = True,
    ) -> None:
        self.protected = protected
        self.words = words
        self.default_protected = default_protected
        self._protected = _word_set(protected, name="protected", func="Stemmer")
        self._extra_words = _word_set(words, name="words", func="Stemmer")
        if not isinstance(default_protected, bool):
            raise TypeError(
                "The 'default_protected' parameter of Stemmer() must be True or False. "
                f"Got {default_protected!r}."
            )
        self._memo: Memo[str, str] = Memo(self._compute)
        self._never: frozenset[str] = frozenset()
        self._fixed: dict[str, str] = {}
        self._engine: Any = None

    def __repr__(self) -> str:
        return (
            f"Stemmer(protected={self.protected!r}, words={self.words!r}, "
            f"default_protected={self.default_protected!r})"
        )

    def _build(self) -> Any:
        from ._stem_engine import SetDictionary, engine_class
        from ._stem_guard import check_sastrawi

        check_sastrawi(_root_words())  # fails loudly if another Sastrawi release is installed
        roots = _root_words()
        dictionary = SetDictionary(roots | self._extra_words if self._extra_words else roots)
        engine = engine_class()(dictionary)
        self._roots = dictionary.words
        protected = self._protected
        if self.default_protected:
            protected = protected | default_protected_words()
        self._never = protected
        self._fixed = dict(default_exceptions()) if self.default_protected else {}
        for word in protected:
            self._fixed.pop(word, None)
        self._engine = engine  # set last: another thread sees a complete engine or None
        return engine

    def _compute(self, word: str) -> str:
        """The stem of ``word`` (any case), never memoised here (see ``stem``)."""
        engine = self._engine if self._engine is not None else self._build()
        lower = word.lower()
        fixed = self._fixed.get(lower)
        if fixed is not None:
            return fixed
        if lower in self._never or (lower in self._roots and "-" not in lower):
            return lower  # protected; or Sastrawi's step 1: a root word is its own stem
        if _SASTRAWI_WORD.fullmatch(lower):
            return engine.stem_word(lower) or lower
        return lower

    def stem(self, word: str) -> str:
        """Return the Sastrawi stem of one word, lowercase (memoised).

        Words with characters Sastrawi does not handle (anything but ``a-z``, digits and
        ``-``, e.g. emoji, ``#tags``, accented letters) are returned lowercased, unchanged.

        Examples
        --------
        >>> Stemmer().stem("pembangunan")
        'bangun'
        """
        if not isinstance(word, str):
            raise TypeError(f"Stemmer.stem() expects a str word. Got {type(word).__name__}: {word!r}.")
        result = self._memo.data.get(word)
        return result if result is not None else self._memo(word)

    def stem_words(self, words: Iterable[str]) -> list[str]:
        """Stem many words; each distinct word is stemmed once.

        Examples
        --------
        >>> Stemmer().stem_words(["rakyat", "menolak", "kebijakan", "menolak"])
        ['rakyat', 'tolak', 'bijak', 'tolak']
        """
        get = self._memo.data.get
        out = []
        append = out.append
        for word in words:
            result = get(word)
            if result is None:
                result = self.stem(word)
            append(result)
        return out

    def stem_text(self, text: str) -> str:
        """Stem a text the way stock ``Sastrawi ... .stem(text)`` does, memoised.

        Lowercases, replaces every character but ``a-z``, digits, space and ``-`` by a
        space, stems each word and joins with single spaces.

        Examples
        --------
        >>> Stemmer().stem_text("Warga Bekasi menolak pembangunan, katanya!")
        'warga bekasi tolak bangun kata'
        """
        if not isinstance(text, str):
            raise TypeError(f"Stemmer.stem_text() expects a str. Got {type(text).__name__}.")
        words = _NON_SASTRAWI.sub(" ", text.lower()).split()
        return " ".join(self.stem_words(words))

    def clear_cache(self) -> None:
        """Forget every memoised stem (the dictionary stays loaded)."""
        self._memo.clear()

    @property
    def cache_size(self) -> int:
        """Number of memoised words."""
        return len(self._memo)


_NON_SASTRAWI = re.compile(r"[^a-z0-9 -]+")


@lru_cache(maxsize=None)
def _default_stemmer() -> Stemmer:
    return Stemmer()


def stem(word: str, *, protected: Iterable[str] | None = None) -> str:
    """Return the Sastrawi stem of an Indonesian word, fast.

    Same output as stock PySastrawi 1.0.1 (Enhanced Confix Stripping) for every word,
    except protected words, which come back unchanged (the default list of known
    Sastrawi mis-stems, :func:`default_protected_words`, plus ``protected``), and the
    reviewed over-stems of :func:`default_exceptions` (``senilai`` -> ``nilai``, not
    ``nila``).
    The dictionary lookup is a set and results are memoised per process, so repeated
    words cost one dict lookup.

    Parameters
    ----------
    word : str
        One word, typically a normalised token; compared and returned in lowercase.
        A word with characters outside ``a-z``, digits and ``-`` is returned lowercased.
    protected : collection of str, optional
        Extra words never to stem for this call (named entities, brands), lowercase.
        For a fixed set used many times, make a :class:`Stemmer` once instead.

    Returns
    -------
    str
        The stem (``"pembangunan"`` -> ``"bangun"``).

    See Also
    --------
    Stemmer : own protected words or extra root words, ``stem_words`` for many words.

    Examples
    --------
    >>> stem("pembangunan")
    'bangun'
    >>> stem("Menyelesaikan"), stem("anak-anak"), stem("relawan")
    ('selesai', 'anak', 'relawan')
    >>> stem("prabowo"), stem("diprabowokan")
    ('prabowo', 'diprabowokan')
    >>> stem("bermain", protected={"bermain"})
    'bermain'
    >>> stem("ajakan"), stem("kepoin")
    ('ajak', 'kepo')
    """
    if protected is not None:
        if isinstance(protected, str) or not isinstance(protected, Iterable):
            raise TypeError(
                "The 'protected' parameter of stem() must be a collection of words "
                f"(set, list, tuple). Got {type(protected).__name__}: {protected!r}."
            )
        if isinstance(word, str) and word.lower() in protected:
            return word.lower()
    return _default_stemmer().stem(word)
