"""Stopword profiles: ``"topic"`` for trending terms, ``"sentiment"`` for polarity.

Both are our own reviewable word lists in ``trendlib/text/data``:

* ``stopwords_topic.txt``: function words, discourse particles and slang fillers
  (``aja`` -> ``saja``, ``nih``, ``sih``, ``dong``, ``wkwk``) in their normalised form, so
  they match the output of :func:`trendlib.text.tokenize`.
* ``stopwords_sentiment_keep.txt``: negations, contrasts and intensifiers (``tidak``,
  ``bukan``, ``belum``, ``jangan``, ``tapi``, ``sangat``, ``banget``...). The
  ``"sentiment"`` profile is the topic list minus these: every stock Indonesian list
  deletes them, which silently flips the polarity of ``tidak bagus``.
"""

from __future__ import annotations

from functools import lru_cache

from .._validation import check_choice
from ._data import read_list as _read_list

__all__ = ["stopwords", "PROFILES"]

PROFILES = ("topic", "sentiment")


@lru_cache(maxsize=None)
def stopwords(profile: str = "topic") -> frozenset[str]:
    """Return the stopword set of a profile.

    Parameters
    ----------
    profile : {"topic", "sentiment"}, default "topic"
        ``"topic"`` drops function words and slang fillers for trending terms;
        ``"sentiment"`` keeps negations, contrasts and intensifiers.

    Returns
    -------
    frozenset of str
        Lowercase, normalised words.

    Examples
    --------
    >>> "yang" in stopwords("topic"), "nih" in stopwords("topic")
    (True, True)
    >>> "tidak" in stopwords("topic"), "tidak" in stopwords("sentiment")
    (True, False)
    >>> "danantara" in stopwords("topic")
    False
    """
    check_choice(profile, PROFILES, name="profile", func="stopwords")
    topic = _read_list("stopwords_topic.txt")
    if profile == "topic":
        return topic
    return topic - _read_list("stopwords_sentiment_keep.txt")


@lru_cache(maxsize=32)
def _lowered(words: frozenset) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)


def _resolve(stopwords_arg, *, func: str) -> frozenset[str] | None:
    """Turn a ``stopwords=`` argument (None, profile name or collection) into a set."""
    if stopwords_arg is None:
        return None
    if isinstance(stopwords_arg, str):
        if stopwords_arg not in PROFILES:
            raise ValueError(
                f"The 'stopwords' parameter of {func}() must be None, one of "
                f"{list(PROFILES)} or a collection of words. Got {stopwords_arg!r}."
            )
        return stopwords(stopwords_arg)
    if isinstance(stopwords_arg, frozenset):
        return _lowered(stopwords_arg)
    try:
        return frozenset(str(w).lower() for w in stopwords_arg)
    except TypeError:
        raise TypeError(
            f"The 'stopwords' parameter of {func}() must be None, one of {list(PROFILES)} "
            f"or a collection of words. Got {type(stopwords_arg).__name__}."
        ) from None
