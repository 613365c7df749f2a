"""Typed tokens for the scorer: the one token stream of :func:`trendlib.text.tokens`, plus
what scoring reads on top of it (internal).

Text is split on whitespace; each distinct chunk is analysed once (memoised). The original
form of a token carries the emphasis (``BAGUSSS``, ``enak2``); the normalised form is what
the lexicon looks up; a word with a clitic (``mahalnya``) or a reduplication keeps its base.
Its own module so the lexicon, the ignore sets and the scorer all use it without importing
each other.
"""

from __future__ import annotations

import re
from functools import partial

from .._cache import Memo
from ..text import tokens as _text_tokens
from ..text._chunks import chunk_memo as _chunk_memo
from ..text._patterns import prepare as _prepare
from ..text._segment import _SEGMENTS  # its model loads on first use, not on import
from ..text._wordnorm import word_normalizer
from ._data import emoji_table as _emoji_table
from ._rules import CAPS, CLITIC, ELONG, REDUP, Tok

__all__ = ["analyse", "Tok"]

_PUNCT = re.compile(r"[.,;:!?]+")
_ELONG = re.compile(r"([^\W\d_])\1\1", re.UNICODE)
_REDUP = re.compile(r"^([^\W\d_]{2,})-\1$")
_REDUP2 = re.compile(r"^([^\W\d_]{2,})2$")
_CLITICS = ("nya", "lah", "kah", "pun")
#: stripped from an emoji before its valence is looked up: variation selectors, the zero-width
#: joiner, skin tones and the gender signs of ZWJ sequences (🤦🏻‍♀️ is 🤦)
_EMOJI_STRIP = dict.fromkeys([0xFE0F, 0xFE0E, 0x200D, 0x2640, 0x2642, *range(0x1F3FB, 0x1F400)])
_EMO = _emoji_table()
#: the text layer's memo of chunk tokens for trendlib's own slang map (what tokens() reads)
_ITEMS = _chunk_memo(None).items


def _word_tok(p: str, f: int, orig: str, kind: str = "word") -> Tok:
    """The Tok of one word ``p`` (one part of a normalised form) with its base."""
    base = p
    if "-" in p or p[-1:] == "2":
        m = _REDUP.match(p) or _REDUP2.match(p)
        if m:
            base = m.group(1)
            f |= REDUP
    if base is p and p.endswith(_CLITICS):
        for c in _CLITICS:
            if p.endswith(c) and len(p) - len(c) >= 3:
                base = p[: -len(c)]
                f |= CLITIC
                break
    return Tok(p, kind, f, orig, base)


def _hashtag_toks(tag: str) -> list[Tok]:
    """The word tokens of a hashtag: its segments (the typed casing guides the split),
    each normalised as a word; digit runs are numbers. ``orig`` of each is the hashtag.

    Why: in political posts the opinion is often the hashtag (``#IndonesiaGelap``,
    ``#TolakRUUTNI``); read whole it is one word in no lexicon, read as words it meets the
    lexicon (``gelap``, ``tolak``). A hashtag's capitals or repeated letters are a
    convention of tags, not shouting, so its words carry no emphasis flag.
    """
    out: list[Tok] = []
    word = word_normalizer(None)  # the text layer's normaliser of one word (built once, cached)
    for part in _SEGMENTS(tag):
        if part.isdigit():
            out.append(Tok(part, "number", 0, tag, part))
            continue
        norm = word(part)
        for p in (norm.split() if " " in norm else (norm,)):
            out.append(_word_tok(p, 0, tag))
    if not out:  # a tag of marks only ("#_"): one word, as before
        out.append(Tok(tag.lstrip("#").lower(), "word", 0, tag, tag.lstrip("#").lower()))
    return out


def _raw_items(chunk: str):
    """``(kind, start, end, text, norm)`` of the tokens of one whitespace-free chunk.

    The same tokens as :func:`trendlib.text.tokens` ``(chunk)``: when the text layer's
    preparation (entities, NFKC, fillers) leaves the chunk as it is, which is nearly
    always, they come straight from the text layer's chunk memo (no Token objects, no
    offset maps); otherwise from :func:`trendlib.text.tokens` itself.
    """
    if chunk.isascii() and "&" not in chunk:
        scan, starts = chunk, None  # what prepare() gives for such a chunk (no entity, NFKC-stable)
    else:
        scan, starts, _ = _prepare(chunk)
    if starts is None and scan is chunk:
        items = _ITEMS.data.get(chunk)
        if items is None:
            items = _ITEMS(chunk)
        return [(kind, a, b, chunk[a:b], norm) for kind, a, b, norm in items]
    return [(t.kind, t.start, t.end, t.text, t.norm) for t in _text_tokens(chunk)]


def _analyse_chunk(chunk: str, segment: bool = False) -> tuple[Tok, ...]:
    """The scorer's tokens of one whitespace chunk; ``segment``: a hashtag as its words."""
    if chunk.isalpha() and chunk.isascii():  # the common case: one plain word, no marks
        items = _ITEMS.data.get(chunk)
        if items is None:
            items = _ITEMS(chunk)
        if len(items) == 1:
            kind, _, end, norm = items[0]
            if kind == "word" and end == len(chunk) and " " not in norm:
                flags = CAPS if (end >= 2 and chunk.isupper()) else 0
                if end >= 3 and _ELONG.search(chunk.lower()) and not _ELONG.search(norm):
                    flags |= ELONG
                return (_word_tok(norm, flags, chunk),)
    low = chunk.lower()
    if low in _EMO and not low[0].isalnum():
        return (Tok(low, "emoticon", 0, chunk, low),)
    out: list[Tok] = []
    append = out.append
    pos = 0
    for kind, start, end, orig, norm in _raw_items(chunk):
        if start > pos:
            for m in _PUNCT.finditer(chunk, pos, start):
                g = m.group()
                append(Tok(g, "punct", 0, g, g))
        if end > pos:
            pos = end
        if kind == "word":
            pass
        elif kind == "emoji":
            norm = orig.translate(_EMOJI_STRIP) or orig
            append(Tok(norm, kind, 0, orig, norm))
            continue
        elif kind == "emoticon":
            norm = orig.lower()
            append(Tok(norm, kind, 0, orig, norm))
            continue
        elif kind == "hashtag":
            if segment:
                out.extend(_hashtag_toks(orig))
                continue
            norm = norm.lstrip("#")  # the tag read whole, as one word
            kind = "word"
        else:  # mention, url, number, placeholder: never looked up
            append(Tok(orig, kind, 0, orig, orig))
            continue
        flags = 0
        if orig.isupper() and sum(c.isalpha() for c in orig) >= 2:
            flags |= CAPS
        if len(orig) >= 3 and _ELONG.search(orig.lower()) and not _ELONG.search(norm):
            flags |= ELONG
        for p in (norm.split() if " " in norm else (norm,)):
            append(_word_tok(p, flags, orig, kind))
    if pos < len(chunk):
        for m in _PUNCT.finditer(chunk, pos):
            g = m.group()
            append(Tok(g, "punct", 0, g, g))
    return tuple(out)


#: distinct whitespace chunks analysed once (trendlib's one memo policy; ~60 MB at most)
_CHUNKS: Memo[str, tuple[Tok, ...]] = Memo(_analyse_chunk, maxsize=1 << 18)
#: the same for chunks with a ``#`` when hashtags are read as words (the others are shared)
_CHUNKS_SEGMENTED: Memo[str, tuple[Tok, ...]] = Memo(partial(_analyse_chunk, segment=True), maxsize=1 << 16)


def chunk_tokens(chunk: str, segment: bool = False) -> tuple[Tok, ...]:
    """The memoised tokens of one whitespace chunk (``segment``: hashtags as their words)."""
    memo = _CHUNKS_SEGMENTED if segment and "#" in chunk else _CHUNKS
    hit = memo.data.get(chunk)
    if hit is None:
        hit = memo(chunk)
    return hit


def analyse(text: str, segment: bool = False) -> list[Tok]:
    """Typed tokens (:class:`Tok` records) of ``text`` (internal; memoised per chunk).

    The one token stream comes from :func:`trendlib.text.tokens`; this only adds what the
    scorer needs on top of it: punctuation between tokens, the emphasis flags read from
    the original form, and the base of a reduplicated or clitic-bearing word.
    ``segment``: each hashtag is read as its words (:func:`trendlib.text.segment_hashtag`),
    the scorers' ``hashtags="segment"``; otherwise as one word.
    """
    out: list[Tok] = []
    if segment and "#" in text:
        for chunk in text.split():
            out.extend(chunk_tokens(chunk, True))
        return out
    get, put = _CHUNKS.data.get, _CHUNKS.put
    for chunk in text.split():
        hit = get(chunk)
        if hit is None:
            hit = _analyse_chunk(chunk)
            put(chunk, hit)
        out.extend(hit)
    return out
