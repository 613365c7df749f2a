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

from ._normalize import _casefold, word_normalizer
from ._patterns import KIND_OF_GROUP, MASTER, prepare, prepare_scan, split_emoji_run
from ._stopwords import _resolve

__all__ = ["Token", "tokens", "tokenize", "hashtags", "mentions", "urls", "emojis"]

_CACHE_LIMIT = 500_000


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


def _emoji_norm(e: str) -> str:
    if "\ufe0f" in e or "\ufe0e" in e:
        import emoji

        bare = e.replace("\ufe0f", "").replace("\ufe0e", "")
        if emoji.is_emoji(bare):
            return bare
    return e


def _norm_of(kind: str, s: str, wn) -> str:
    if kind == "word":
        return wn(s)
    if kind == "hashtag":
        return "#" + _casefold(s[1:])
    if kind == "mention":
        return s.lower()
    if kind == "emoji":
        return _emoji_norm(s)
    return s


# Letters-only chunks that are not plain words (placeholders, the emoticon xD).
_NOT_PLAIN = frozenset({"USER", "USERNAME", "URL", "HTTPURL"})
_XD = re.compile(r"[xX]D+")


def _chunk_items(chunk: str, wn) -> tuple[tuple[str, int, int, str], ...]:
    """Tokens of one whitespace-free chunk: ``(kind, start, end, norm)``, chunk offsets."""
    if chunk.isalpha() and chunk not in _NOT_PLAIN and not _XD.fullmatch(chunk):
        return (("word", 0, len(chunk), wn(chunk)),)  # the common case: one plain word
    items = []
    for m in MASTER.finditer(chunk):
        kind = KIND_OF_GROUP[m.lastgroup]
        a, b = m.span()
        if kind == "emoji":
            for sa, sb, e in split_emoji_run(m.group()):
                items.append(("emoji", a + sa, a + sb, _emoji_norm(e)))
        else:
            items.append((kind, a, b, _norm_of(kind, m.group(), wn)))
    return tuple(items)


class _Memo:
    """Memo per slang map: whitespace-free chunk -> its tokens in several shapes.

    A text is split with ``str.split()`` and each distinct chunk is tokenised once; no
    token spans whitespace and the regex look-arounds see whitespace like a text end, so
    this gives exactly the tokens of a whole-text scan.
    """

    def __init__(self, wn):
        self.wn = wn
        self.items: dict[str, tuple] = {}
        self.strings: dict[str, tuple[str, ...]] = {}
        self.normal: dict[str, str] = {}
        self.stems: dict[str, str] = {}
        # (stop set, stem) -> chunk -> the strings tokenize() returns for that chunk
        self.final: dict[tuple[frozenset[str] | None, bool], dict[str, tuple[str, ...]]] = {}

    def final_table(self, stop: frozenset[str] | None, stem: bool) -> dict[str, tuple[str, ...]]:
        key = (stop, stem)
        table = self.final.get(key)
        if table is None:
            if len(self.final) >= 8:
                self.final.clear()
            table = self.final[key] = {}
        return table

    def chunk_final(
        self, chunk: str, stop: frozenset[str] | None, stem: bool, table: dict[str, tuple[str, ...]]
    ) -> tuple[str, ...]:
        """tokenize()'s strings for one chunk: stop words dropped, words stemmed."""
        items = self.items.get(chunk)
        if items is None:
            items = self.chunk_items(chunk)
        stems = self.stems
        stem_fn = _stemmer() if stem else None
        out = []
        for kind, _, _, norm in items:
            if kind != "word":
                out.append(norm)
                continue
            for w in norm.split(" "):
                if stop is not None and w in stop:
                    continue
                if stem_fn is not None:
                    st = stems.get(w)
                    if st is None:
                        if len(stems) >= _CACHE_LIMIT:
                            stems.clear()
                        st = stems[w] = stem_fn(w)
                    w = st
                out.append(w)
        if len(table) >= _CACHE_LIMIT:
            table.clear()
        v = table[chunk] = tuple(out)
        return v

    def chunk_items(self, chunk: str) -> tuple:
        v = self.items.get(chunk)
        if v is None:
            if len(self.items) >= _CACHE_LIMIT:
                self.items.clear()
            v = self.items[chunk] = _chunk_items(chunk, self.wn)
        return v

    def chunk_strings(self, chunk: str) -> tuple[str, ...]:
        if len(self.strings) >= _CACHE_LIMIT:
            self.strings.clear()
        out = []
        for kind, _, _, norm in self.chunk_items(chunk):
            if kind == "word":
                out.extend(norm.split(" "))
            else:
                out.append(norm)
        v = self.strings[chunk] = tuple(out)
        return v

    def chunk_normal(self, chunk: str) -> str:
        if len(self.normal) >= _CACHE_LIMIT:
            self.normal.clear()
        out, pos = [], 0
        for _kind, a, b, norm in self.chunk_items(chunk):
            out.append(chunk[pos:a])
            out.append(norm)
            pos = b
        out.append(chunk[pos:])
        v = self.normal[chunk] = "".join(out)
        return v


_MEMOS: dict[int, _Memo] = {}


def _memo(slang) -> _Memo:
    wn = word_normalizer(slang)
    memo = _MEMOS.get(id(wn))
    if memo is None or memo.wn is not wn:
        if len(_MEMOS) >= 8:
            _MEMOS.clear()
        memo = _MEMOS[id(wn)] = _Memo(wn)
    return memo


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
    memo = _memo(slang)
    scan, starts, ends = prepare(text)
    stem_fn = _stemmer() if stem else None
    out: list[Token] = []
    items = memo.items
    if starts is None and stem_fn is None:  # the common case, kept tight
        append = out.append
        for c in _CHUNK.finditer(scan):
            base = c.start()
            chunk = c.group()
            v = items.get(chunk)
            if v is None:
                v = memo.chunk_items(chunk)
            for kind, a, b, norm in v:
                append(Token(kind, base + a, base + b, chunk[a:b], norm, None))
        return out
    for c in _CHUNK.finditer(scan):
        base = c.start()
        for kind, a, b, norm in memo.chunk_items(c.group()):
            a, b = base + a, base + b
            if starts is not None:
                a, b = starts[a], ends[b - 1]
            st = None
            if stem_fn is not None:
                st = " ".join(stem_fn(w) for w in norm.split(" ")) if kind == "word" else norm
            out.append(Token(kind, a, b, text[a:b], norm, st))
    return out


_STEM = None


def _stemmer():
    global _STEM
    if _STEM is None:
        from ._stem import stem  # the stemming module; imported only when stemming is asked

        _STEM = stem
    return _STEM


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
    memo = _memo(slang)
    stop = _resolve(stopwords, func="tokenize")
    scan = prepare_scan(text)
    out: list[str] = []
    if stop is None and not stem:
        strings = memo.strings
        for chunk in scan.split():
            v = strings.get(chunk)
            if v is None:
                v = memo.chunk_strings(chunk)
            out += v
        return out
    stem = bool(stem)
    table = memo.final_table(stop, stem)
    for chunk in scan.split():
        v = table.get(chunk)
        if v is None:
            v = memo.chunk_final(chunk, stop, stem, table)
        out += v
    return out


def _entities(text: str, kind: str, func: str) -> list[str]:
    _check_text(text, func)
    memo = _memo(None)
    scan = prepare_scan(text)
    out = []
    for chunk in scan.split():
        for k, a, b, norm in memo.chunk_items(chunk):
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
