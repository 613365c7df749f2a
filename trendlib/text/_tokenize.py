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

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from ._normalize import _casefold, word_normalizer
from ._patterns import KIND_OF_GROUP, MASTER, prepare, split_emoji_run
from ._stopwords import _resolve

__all__ = ["Token", "tokens", "tokenize", "hashtags", "mentions", "urls", "emojis"]

_CACHE_LIMIT = 500_000


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a post.

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
    """

    kind: str
    start: int
    end: int
    text: str
    norm: str
    stem: str | None = None


def _emoji_norm(e: str) -> str:
    if "\ufe0f" in e:
        import emoji

        bare = e.replace("\ufe0f", "")
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


def _scan(text: str, wn):
    """Return ``(scan_text, starts, ends, items)``; items are ``(kind, a, b, norm)``."""
    scan, starts, ends = prepare(text)
    items = []
    for m in MASTER.finditer(scan):
        kind = KIND_OF_GROUP[m.lastgroup]
        a, b = m.span()
        if kind == "emoji":
            for sa, sb, e in split_emoji_run(m.group()):
                items.append(("emoji", a + sa, a + sb, _emoji_norm(e)))
        else:
            items.append((kind, a, b, _norm_of(kind, m.group(), wn)))
    return scan, starts, ends, items


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
    wn = word_normalizer(slang)
    scan, starts, ends, items = _scan(text, wn)
    stem_fn = _stemmer() if stem else None
    out = []
    for kind, a, b, norm in items:
        if starts is not None:
            a, b = starts[a], ends[b - 1]
        st = None
        if stem_fn is not None:
            st = " ".join(stem_fn(w) for w in norm.split(" ")) if kind == "word" else norm
        out.append(Token(kind, a, b, text[a:b], norm, st))
    return out


def _stemmer():
    from ._stem import stem  # written by the stemming module; imported only when needed

    return stem


class _Memo:
    """Per (slang map) memo: raw token string -> tuple of normalised output strings."""

    def __init__(self, wn):
        self.wn = wn
        self.by_group: dict[str, dict[str, tuple[str, ...]]] = {g: {} for g in KIND_OF_GROUP}
        self.stems: dict[str, str] = {}

    def compute(self, group: str, s: str) -> tuple[str, ...]:
        cache = self.by_group[group]
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        kind = KIND_OF_GROUP[group]
        if kind == "emoji":
            out = tuple(_emoji_norm(e) for _, _, e in split_emoji_run(s))
        elif kind == "word":
            out = tuple(self.wn(s).split(" "))
        else:
            out = (_norm_of(kind, s, self.wn),)
        cache[s] = out
        return out


_MEMOS: dict[int, _Memo] = {}


def _memo(wn) -> _Memo:
    memo = _MEMOS.get(id(wn))
    if memo is None or memo.wn is not wn:
        if len(_MEMOS) >= 8:
            _MEMOS.clear()
        memo = _MEMOS[id(wn)] = _Memo(wn)
    return memo


def tokenize(
    text: str,
    *,
    stem: bool = False,
    stopwords: str | Collection[str] | None = None,
    slang: Mapping[str, str] | None = None,
) -> list[str]:
    """Split a post into normalised tokens.

    Words come out normalised (see :func:`normalize`), hashtags as ``#tag``, mentions as
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
    memo = _memo(word_normalizer(slang))
    stop = _resolve(stopwords, func="tokenize")
    by_group = memo.by_group
    scan = prepare(text)[0]
    out: list[str] = []
    if stop is None and not stem:
        for m in MASTER.finditer(scan):
            g = m.lastgroup
            s = m.group()
            v = by_group[g].get(s)
            if v is None:
                v = memo.compute(g, s)
            out += v
        return out
    stem_fn = _stemmer() if stem else None
    stems = memo.stems
    for m in MASTER.finditer(scan):
        g = m.lastgroup
        s = m.group()
        v = by_group[g].get(s)
        if v is None:
            v = memo.compute(g, s)
        if g != "word":
            out += v
            continue
        for w in v:
            if stop is not None and w in stop:
                continue
            if stem_fn is not None:
                st = stems.get(w)
                if st is None:
                    st = stems[w] = stem_fn(w)
                w = st
            out.append(w)
    return out


def _entities(text: str, groups: tuple[str, ...], func: str) -> list[str]:
    _check_text(text, func)
    scan = prepare(text)[0]
    return [m.group() for m in MASTER.finditer(scan) if m.lastgroup in groups]


def hashtags(text: str) -> list[str]:
    """Return the hashtags of a post, lowercase, without ``#``, in order of appearance.

    Examples
    --------
    >>> hashtags("Sukses #KTTASEAN2023 di Jakarta! #ASEANIndonesia2023 #kttasean2023")
    ['kttasean2023', 'aseanindonesia2023', 'kttasean2023']
    >>> hashtags("harga naik 100% #1 bukan hashtag")
    []
    """
    return [_casefold(s[1:]) for s in _entities(text, ("hashtag",), "hashtags")]


def mentions(text: str) -> list[str]:
    """Return the mentioned accounts, lowercase, without ``@``, in order of appearance.

    Anonymisation placeholders (``@USER``) and e-mail addresses are not mentions.

    Examples
    --------
    >>> mentions("@Jokowi @KemluRI hebat! kirim ke humas@kemlu.go.id @USER")
    ['jokowi', 'kemluri']
    """
    return [s[1:].lower() for s in _entities(text, ("mention",), "mentions")]


def urls(text: str) -> list[str]:
    """Return the URLs (with scheme, ``www.``, bare domains, e-mail) as written.

    Trailing punctuation is not part of a URL.

    Examples
    --------
    >>> urls("Info lengkap: https://asean2023.id/id/news. Atau t.co/AbC123, ok?")
    ['https://asean2023.id/id/news', 't.co/AbC123']
    """
    return _entities(text, ("url", "bare", "email"), "urls")


def emojis(text: str) -> list[str]:
    """Return the emoji of a post, in order (ZWJ sequences and skin tones are one emoji).

    Examples
    --------
    >>> emojis("Bangga 🇮🇩🇮🇩 👍🏽 keluarga 👨‍👩‍👧 ❤️")
    ['🇮🇩', '🇮🇩', '👍🏽', '👨\\u200d👩\\u200d👧', '❤']
    """
    _check_text(text, "emojis")
    scan = prepare(text)[0]
    out = []
    for m in MASTER.finditer(scan):
        if m.lastgroup == "emoji":
            out.extend(_emoji_norm(e) for _, _, e in split_emoji_run(m.group()))
    return out
