"""The one table of key kinds: what a "key" is, where it lives, how it is shown (internal).

A *key* is the unit that counts, bursts, trends and graphs are keyed on. Every module
that maps a key kind to a posts column or a display prefix reads :data:`KEY_KINDS`, so
``key="mention"`` means the same column and the same ``@`` everywhere.

Accounts (authors, mentions, reply and retweet targets) share one identity rule,
:func:`account_key`: handles are case-insensitive on every platform trendlib reads, so
the key is the lowercase handle without ``@``; the display form is kept in the posts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

__all__ = ["KeyKind", "KEY_KINDS", "KeyName", "key_kind", "clean_key", "account_key", "display_key"]

KeyName = Literal["hashtag", "mention", "term", "author", "url", "domain", "topic"]


@dataclass(frozen=True)
class KeyKind:
    """One kind of key.

    Attributes
    ----------
    name : str
        The value of ``key=`` (``"hashtag"``...).
    column : str
        The canonical posts column the keys come from (``"text"`` for terms, which are
        tokenised; a ``tokens`` column is used when present).
    prefix : str
        Shown before a key in tables and figures (``"#"``, ``"@"`` or nothing).
    listed : bool
        True when the column holds a list per post, False for one value per post.
    account : bool
        True when keys are accounts (one identity rule, :func:`account_key`).
    """

    name: str
    column: str
    prefix: str
    listed: bool
    account: bool


KEY_KINDS: dict[str, KeyKind] = {
    k.name: k
    for k in (
        KeyKind("hashtag", "hashtags", "#", True, False),
        KeyKind("mention", "mentions", "@", True, True),
        KeyKind("term", "text", "", True, False),
        KeyKind("author", "author", "@", False, True),
        KeyKind("url", "urls", "", True, False),
        KeyKind("domain", "urls", "", True, False),
        KeyKind("topic", "topic", "", False, False),
    )
}


def key_kind(name: Any, *, func: str, param: str = "key") -> KeyKind:
    """Return the :class:`KeyKind` called ``name`` or raise the standard ``ValueError``.

    Examples
    --------
    >>> key_kind("mention", func="count").prefix
    '@'
    >>> key_kind("tag", func="count")
    Traceback (most recent call last):
    ...
    ValueError: The 'key' parameter of count() must be one of ['hashtag', 'mention', 'term', 'author', 'url', 'domain', 'topic']. Got 'tag'.
    """
    try:
        return KEY_KINDS[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"The {param!r} parameter of {func}() must be one of {list(KEY_KINDS)}. Got {name!r}."
        ) from None


def account_key(handle: Any) -> str:
    """The identity of an account: the handle without ``@``, lowercased.

    Examples
    --------
    >>> account_key("@KemensetnegRI")
    'kemensetnegri'
    """
    return str(handle).strip().lstrip("@").lower()


def account_codes(handles: Any) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes of the accounts behind ``handles`` (:func:`account_key` identity; -1 = missing).

    :func:`account_key` runs once per distinct handle, not once per post: a million posts
    come from a few hundred thousand accounts.

    Examples
    --------
    >>> codes, names = account_codes(["@Setkab", "setkab", None, "Budi"])
    >>> codes.tolist(), names.tolist()
    ([0, 0, -1, 1], ['setkab', 'budi'])
    """
    import pandas as pd

    codes, uniq = pd.factorize(pd.Series(handles, dtype=object) if not hasattr(handles, "dtype") else handles)
    if not len(uniq):
        return codes.astype(np.int64), np.asarray([], dtype=object)
    keyed, remap = pd.factorize(pd.Series([account_key(u) for u in uniq], dtype=object))
    out = np.where(codes >= 0, keyed[np.maximum(codes, 0)], -1).astype(np.int64)
    return out, np.asarray(remap, dtype=object)


def clean_key(value: Any, kind: str) -> str:
    """Normalise one key of ``kind``: hashtags without ``#``, accounts by :func:`account_key`.

    Examples
    --------
    >>> clean_key("#KTTASEAN2023", "hashtag"), clean_key("@Setkab", "author")
    ('kttasean2023', 'setkab')
    >>> clean_key("Macet", "term")
    'Macet'
    """
    value = str(value)
    if kind == "hashtag":
        return value.lstrip("#").lower()
    if kind in ("mention", "author"):
        return account_key(value)
    if kind == "domain":
        return value.lower()
    return value


def display_key(value: Any, kind: str | None) -> str:
    """``"#kttasean"``, ``"@setkab"`` or the term as it is.

    Examples
    --------
    >>> display_key("kttasean", "hashtag")
    '#kttasean'
    """
    kk = KEY_KINDS.get(kind or "")
    return f"{kk.prefix if kk else ''}{value}"
