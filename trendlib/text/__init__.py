"""Text: one string in, normalised string, tokens, entities and stems out.

Small pure functions with regexes compiled once. Normalisation keeps ``#hashtags``,
``@mentions``, URLs and emoji: they are the signal in social media text.

* ``normalize(text)``: NFKC, lowercase, elongation, slang, reduplication; idempotent.
* ``tokenize(text, *, stem=False, stopwords=None)``: list of normalised token strings.
* ``tokens(text)``: typed tokens (kind, offsets, original/normalised/stemmed forms).
* ``hashtags``, ``mentions``, ``urls``, ``emojis``: entities, consistent with ``tokenize``.
* ``stem(word, *, protected=None)``: Sastrawi's algorithm with a set-backed dictionary,
  a memo and reviewed exceptions (``default_protected_words``, ``default_exceptions``).
* ``segment_hashtag(tag, *, original=None)``: ``"KTTASEAN2023"`` -> ``["ktt", "asean",
  "2023"]``; lowercase tags too (``"lahanbekastambang"``), with the post's casing when
  ``original=`` is given.
* ``stopwords(profile)``: ``"topic"`` or ``"sentiment"`` (keeps negations, contrasts,
  intensifiers).
* ``load_slang(path=None)``: the slang map, optionally merged with a user's file.
* ``add_tokens(posts, ...)``: a ``tokens`` column for a posts DataFrame, memoised.
"""

from __future__ import annotations

from .._lazy import lazy_attributes

_LAZY = {
    "normalize": "._normalize",
    "tokenize": "._tokenize",
    "tokens": "._tokenize",
    "Token": "._tokenize",
    "hashtags": "._tokenize",
    "mentions": "._tokenize",
    "urls": "._tokenize",
    "emojis": "._tokenize",
    "add_tokens": "._posts",
    "stopwords": "._stopwords",
    "load_slang": "._slang",
    "stem": "._stem",
    "Stemmer": "._stem",
    "segment_hashtag": "._segment",
    "default_protected_words": "._stem",
    "default_exceptions": "._stem",
}

__getattr__, __dir__, __all__ = lazy_attributes(__name__, _LAZY)
