"""Tokenisation: typed tokens with offsets, normalised token lists, entity extractors.

One scan of one compiled regex per text (see ``_patterns``); each distinct token string
is normalised once and memoised, so repeated words cost a dictionary lookup.

Token kinds: ``word``, ``hashtag``, ``mention``, ``url``, ``emoji``, ``emoticon``,
``number``, ``placeholder``. Normalised forms: words as :func:`normalize` makes them
(lowercase, slang, elongation, reduplication; a slang expansion may hold a space);
``#hashtag`` and ``@mention`` lowercased; emoji without a redundant variation selector;
URLs, emoticons, numbers and placeholders as written. Only word tokens are stemmed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import NamedTuple

from ._chunks import chunk_memo, unit_chunks
from ._patterns import prepare
from ._stopwords import _resolve

__all__ = ["Token", "tokens", "tokenize", "hashtags", "mentions", "urls", "emojis"]


class Token(NamedTuple):
    """One token of a post (an immutable named tuple).

    Attributes
    ----------
    kind : str
        ``"word"``, ``"hashtag"``, ``"mention"``, ``"url"``, ``"emoji"``, ``"emoticon"``,
        ``"number"`` or ``"placeholder"``.
    start, end : int
        Offsets into the original text: ``text == original[start:end]``.
    text : str
        The token as written.
    norm : str
        The normalised form (a slang expansion may hold a space, e.g. ``"terima kasih"``).
    stem : str or None
        The stem of each word of ``norm`` (words only; other kinds repeat ``norm``), or
        ``None`` when stemming was not requested.

    Examples
    --------
    >>> tok = tokens("Pelayanannyaaa mantul", stem=True)[0]
    >>> tok.kind, tok.text, tok.norm, tok.stem
    ('word', 'Pelayanannyaaa', 'pelayanannya', 'layan')
    >>> tokens("mantul")[0].norm
    'mantap betul'
    """

    kind: str
    start: int
    end: int
    text: str
    norm: str
    stem: str | None = None


_CHUNK = re.compile(r"\S+")


def _check_text(text, func: str) -> None:
    if not isinstance(text, str):
        raise TypeError(f"{func}() expects text as str. Got {type(text).__name__}.")


def tokens(
    text: str, *, stem: bool = False, slang: Mapping[str, str] | None = None
) -> list[Token]:
    """Split a post into typed tokens with offsets and original/normalised/stemmed forms.

    Parameters
    ----------
    text : str
        One post.
    stem : bool, default False
        Fill ``Token.stem`` (Sastrawi stemming of word tokens; other kinds repeat
        ``norm``). Without it ``Token.stem`` is ``None``.
    slang : mapping, optional
        Slang map to use instead of trendlib's own (see :func:`load_slang`).

    Returns
    -------
    list of Token
        In order of appearance; ``text[t.start:t.end] == t.text`` for every token.

    Examples
    --------
    >>> for t in tokens("Gak sabar ke #KTTASEAN 😍 :)"):
    ...     print(t.kind, t.start, t.end, t.text, t.norm)
    word 0 3 Gak tidak
    word 4 9 sabar sabar
    word 10 12 ke ke
    hashtag 13 22 #KTTASEAN #kttasean
    emoji 23 24 😍 😍
    emoticon 25 27 :) :)
    >>> [(t.kind, t.text) for t in tokens("@USER [USERNAME] cek <URL> dong")]
    [('placeholder', '@USER'), ('placeholder', '[USERNAME]'), ('word', 'cek'), ('placeholder', '<URL>'), ('word', 'dong')]
    """
    _check_text(text, "tokens")
    memo = chunk_memo(slang)
    scan, starts, ends = prepare(text)
    stem_of = memo.stem_of if stem else None
    items = memo.items
    get = items.data.get
    matches = list(_CHUNK.finditer(scan))
    units = unit_chunks(scan, [c.group() for c in matches]) if matches else frozenset()
    out: list[Token] = []
    append = out.append
    for i, c in enumerate(matches):
        base = c.start()
        chunk = c.group()
        v = get(chunk)
        if v is None:
            v = items(chunk)
        if units and i in units:
            v = memo.unit_items(chunk)
        for kind, a, b, norm in v:
            a += base
            b += base
            if starts is not None:  # NFKC or entities changed the text: original offsets
                a, b = starts[a], ends[b - 1]
            append(Token(kind, a, b, text[a:b], norm, stem_of(kind, norm) if stem_of else None))
    return out


def tokenize(
    text: str,
    *,
    stem: bool = False,
    stopwords: str | Collection[str] | None = None,
    slang: Mapping[str, str] | None = None,
) -> list[str]:
    """Split a post into normalised tokens.

    Words come out normalised (see :func:`normalize`; a slang expansion such as
    ``makasih`` -> ``terima kasih`` gives two words), hashtags as ``#tag``, mentions as
    ``@user``, plus URLs, emoji, emoticons, numbers and placeholders.

    Parameters
    ----------
    text : str
        One post.
    stem : bool, default False
        Stem word tokens with :func:`trendlib.text.stem` (other kinds are never stemmed).
    stopwords : {"topic", "sentiment"} or collection of str, optional
        Drop word tokens whose normalised form is in this set (checked before stemming).
        Hashtags, mentions and the other kinds are never dropped.
    slang : mapping, optional
        Slang map to use instead of trendlib's own (see :func:`load_slang`).

    Returns
    -------
    list of str

    Examples
    --------
    >>> tokenize("Bangettt macetnya, gak sabar nunggu #KTTASEAN2023 😡")
    ['banget', 'macetnya', 'tidak', 'sabar', 'menunggu', '#kttasean2023', '😡']
    >>> tokenize("Delegasi ASEAN sdh tiba di Jakarta", stopwords="topic")
    ['delegasi', 'asean', 'tiba', 'jakarta']
    >>> tokenize("pelayanannya gak bagus", stopwords="sentiment")
    ['pelayanannya', 'tidak', 'bagus']
    """
    _check_text(text, "tokenize")
    memo = chunk_memo(slang)
    stop = _resolve(stopwords, func="tokenize")
    table = memo.strings if (stop is None and not stem) else memo.finals((stop, bool(stem)))
    get = table.data.get
    out: list[str] = []
    scan = text if (text.isascii() and "&" not in text) else prepare(text, offsets=False)[0]
    chunks = scan.split()
    units = unit_chunks(scan, chunks)
    if units:  # "5 km": a unit next to a number, not the slang km (kamu)
        for i, chunk in enumerate(chunks):
            v = memo.finalize(memo.unit_items(chunk), stop, bool(stem)) if i in units else get(chunk)
            out += v if v is not None else table(chunk)
        return out
    for chunk in chunks:  # the common case, kept tight
        v = get(chunk)
        out += v if v is not None else table(chunk)
    return out


def _entities(text: str, kind: str, func: str) -> list[str]:
    _check_text(text, func)
    items = chunk_memo(None).items
    out = []
    for chunk in prepare(text, offsets=False)[0].split():
        for k, _a, _b, norm in items(chunk):
            if k == kind:
                out.append(norm)
    return out


def hashtags(text: str) -> list[str]:
    """Return the hashtags of a post, lowercase, without ``#``, in order of appearance.

    Examples
    --------
    >>> hashtags("Sukses #KTTASEAN2023 di Jakarta! #ASEANIndonesia2023 #kttasean2023")
    ['kttasean2023', 'aseanindonesia2023', 'kttasean2023']
    >>> hashtags("harga naik 100% #1 bukan hashtag")
    []
    """
    return [norm[1:] for norm in _entities(text, "hashtag", "hashtags")]


def mentions(text: str) -> list[str]:
    """Return the mentioned accounts, lowercase, without ``@``, in order of appearance.

    Anonymisation placeholders (``@USER``) and e-mail addresses are not mentions.

    Examples
    --------
    >>> mentions("@Jokowi @KemluRI hebat! kirim ke humas@kemlu.go.id @USER")
    ['jokowi', 'kemluri']
    """
    return [norm[1:] for norm in _entities(text, "mention", "mentions")]


def urls(text: str) -> list[str]:
    """Return the URLs (with scheme, ``www.``, bare domains, e-mail) as written.

    Trailing punctuation is not part of a URL.

    Examples
    --------
    >>> urls("Info lengkap: https://asean2023.id/id/news. Atau t.co/AbC123, ok?")
    ['https://asean2023.id/id/news', 't.co/AbC123']
    """
    return _entities(text, "url", "urls")


def emojis(text: str) -> list[str]:
    """Return the emoji of a post, in order (ZWJ sequences and skin tones are one emoji).

    Examples
    --------
    >>> emojis("Bangga 🇮🇩🇮🇩 👍🏽 keluarga 👨‍👩‍👧 ❤️")
    ['🇮🇩', '🇮🇩', '👍🏽', '👨\\u200d👩\\u200d👧', '❤']
    """
    return _entities(text, "emoji", "emojis")
