"""Known-word list: decides whether an elongation reduction yields a real word.

``known_words()`` is the union of

* Sastrawi's root-word dictionary (``kata-dasar.txt``, MIT licence), read lazily from the
  installed ``Sastrawi`` package;
* the standard side of our slang map (``data/slang.tsv``);
* both stopword profiles (``data/stopwords_*.txt``);
* our own list of interjections, informal-but-standard words and English words frequent in
  Indonesian posts (``data/words_extra.txt``).

Slang *forms* are deliberately not included: ``gakkk`` must reduce to the slang form ``gak``
through the slang map, not be taken for a word. Everything is read on first use and cached.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ._data import read_list

__all__ = ["known_words"]


@lru_cache(maxsize=1)
def _sastrawi_roots() -> frozenset[str]:
    try:
        root = resources.files("Sastrawi") / "Stemmer" / "data" / "kata-dasar.txt"
        text = root.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover
        raise ImportError(
            "trendlib.text needs the Sastrawi package for its root-word dictionary; "
            "install it with `pip install Sastrawi`."
        ) from exc
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Return the frozenset of known Indonesian and English words (lowercase).

    Returns
    -------
    frozenset of str
        Sastrawi root words, our slang targets, stopwords and extra word list.

    Examples
    --------
    >>> words = known_words()
    >>> "banget" in words, "mantap" in words, "bangettt" in words
    (True, True, False)
    >>> "yg" in words  # a slang form, not a word
    False
    """
    from ._slang import _builtin_slang
    from ._stopwords import stopwords

    words = set(_sastrawi_roots())
    words |= read_list("words_extra.txt")
    for target in _builtin_slang().values():
        words.update(target.split())
    words |= stopwords("topic")
    words -= set(_builtin_slang())
    return frozenset(words)
