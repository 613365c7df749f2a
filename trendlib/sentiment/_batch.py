"""The batch path of the lexicon+rules scorer: many texts, each chunk prepared once (internal).

:func:`trendlib.sentiment._rules.score_tokens` walks every token of a text. On a stream of
tweets most tokens are plain words that are in no list (about 3 in 4): they only occupy
a position. This module prepares, once per distinct whitespace chunk and lexicon, a
*chunk record*: its tokens, how many there are, and only the tokens that can matter,
each with its lexicon entry (and the valence of its base or emoji) already looked up.
Scoring a text is then one dictionary lookup per chunk and a loop over the tokens that
matter; a text whose chunks can give no sentiment unit with a valence scores 0.0 at once.

The result is the same number as ``score_tokens(analyse(text), lex, P)`` for every text
(tests/test_sentiment_batch.py checks it on real tweets): the rules below are that
function's, read for the case without ``ignore=`` and without a trace, where a token
that is skipped there (a plain word in no list) changes nothing but positions.
"""

from __future__ import annotations

import math
import re
from itertools import chain
from operator import itemgetter
from typing import Any

from .._cache import collection_paused
from ._analyse import _CLITICS, _ELONG, chunk_tokens
from ..text._chunks import _NOT_PLAIN
from ..text._chunks import _XD as _XD_PATTERN
from ..text._chunks import chunk_memo as _chunk_memo
from ..text._patterns import LINK as _LINK_PATTERN
from ..text._chunks import unit_chunks as _unit_chunks
from ..text._patterns import prepare as _prepare
from ..text._tokenize import tokenize as _tokenize
from ._register import chunk_news, news_register_chunks
from ._rules import (BOUNDARY, CAPS, CLITIC, ELONG, REDUP, Params, acting_modifiers, clause_before, clause_weights,
                     stays_word)

__all__ = ["score_texts", "score_and_tokenize", "chunk_record"]

_BASE = REDUP | CLITIC
_MARKS = ".,;:!?"  # the scorer's punctuation tokens (_analyse._PUNCT), all clause ends
assert frozenset(_MARKS) == BOUNDARY
_POTENTIAL = itemgetter(4)
_URL = itemgetter(6)
_NEWS_OF = itemgetter(7)
_NOTHING: tuple = ()
_chain = chain.from_iterable
_XD = _XD_PATTERN.fullmatch
#: the text layer's normaliser of one word for trendlib's own slang map (the chunk memo's)
_WN = _chunk_memo(None).wn
#: a link of the text layer's pattern, whole (``http``/``https``/``ftp``, no ``www.`` here)
_LINK = re.compile(_LINK_PATTERN).fullmatch
#: a mention then only clause marks: the text layer's mention is ``@[A-Za-z0-9_]+``
_MENTION_MARKS = re.compile(r"@([A-Za-z0-9_]+)[.,;:!?]*").fullmatch


def _tail_index(lex: Any) -> dict:
    """Phrase heads -> (longest tail, {next word: [(rest, length, valence, role, position),
    ...]}) (longest first, the order of ``Entry.tails``), built once per lexicon: a head
    such as ``tidak`` starts a dozen phrases, and only those whose next word is the next
    token can match."""
    index = getattr(lex, "_batch_tails", None)
    if index is None:
        index = {}
        for head, e in lex.table.items():
            if e.tails is None:
                continue
            by_next: dict = {}
            for tail, v, role, rp in e.tails:
                by_next.setdefault(tail[0], []).append((tail[1:], len(tail), v, role, rp))
            index[head] = (max(len(t[0]) for t in e.tails), by_next)  # tokens to look ahead
        lex._batch_tails = index
    return index


def chunk_record(chunk: str, lex: Any, segment: bool = False) -> tuple:
    """``(toks, n_tokens, n_words, items, potential, first_upper, url, news)`` of one chunk for ``lex``.

    ``items`` lists the tokens that are not plain words in no list, as ``(index in chunk,
    norm, kind, flags, entry, tails, value)``: ``entry`` the lexicon table's
    :class:`~trendlib.sentiment._rules.Entry` (or None), ``tails`` the phrases it starts
    by next word (or None) and ``value`` what the token scores without an entry of its own
    (the valence of its base or emoji; for punctuation ``(number of '!', ends a clause)``).
    Tokens without an entry that score nothing and are not in capitals are left out: they
    only occupy a position. ``potential`` is False when no token of the chunk can start a
    unit with a valence. ``segment``: hashtags read as their words (``hashtags="segment"``).
    ``first_upper`` (whether the first word that is not a hashtag is
    Capitalised; None without one) and ``url`` serve the news-register check's fast exit,
    ``news`` is what that check reads in the chunk (``_register.chunk_news``).
    """
    get = lex.table.get
    if chunk.isascii():
        # the common cases, read here without the general analysis (the same tokens as
        # _analyse_chunk): one plain word, maybe followed by clause marks ("bagus,"), and
        # a link or a mention ("@user:")
        word = chunk if chunk.isalpha() else chunk.rstrip(_MARKS)
        if word.isalpha():
            fast = _plain_record(chunk, word, lex, get)
            if fast is not None:
                return fast
        elif chunk[:1] == "@" or chunk[:4] == "http":
            fast = _link_record(chunk, get)
            if fast is not None:
                return fast
    return _general_record(chunk, lex, get, segment)


def _general_record(chunk: str, lex: Any, get: Any, segment: bool) -> tuple:
    """``chunk_record`` from the scorer's analysis of the chunk (every chunk can take this path)."""
    toks = chunk_tokens(chunk, segment)
    items = []
    n_words = 0
    potential = False
    first_upper = None
    url = False
    k = -1
    for norm, kind, flags, orig, base in toks:
        k += 1
        if kind == "word":
            n_words += 1
            if first_upper is None and orig[:1] != "#":
                first_upper = orig[:1].isupper()
        elif kind == "url":
            url = True
        e = get(norm)
        if e is None:
            if not flags and kind == "word":
                continue
            if kind == "punct":
                items.append((k, norm, kind, 0, None, None,
                              (norm.count("!"), any(c in BOUNDARY for c in norm))))
                continue
            value = None
            if flags & _BASE:
                b = get(base)
                value = b.valence if b is not None else None
            elif kind == "emoji" or kind == "emoticon":
                value = lex.emoji_valence.get(norm)
            if not value and not flags & CAPS:
                continue  # scores nothing, counts as no capital: only a position
            if value:
                potential = True
            items.append((k, norm, kind, flags, None, None, value))
            continue
        value = None
        valence, _role, _position, tails = e
        if valence is None and flags & _BASE:
            b = get(base)
            value = b.valence if b is not None else None
        if valence or value or (tails is not None and any(t[1] for t in tails)):
            potential = True
        items.append((k, norm, kind, flags, e, None if tails is None else _tail_index(lex)[norm], value))
    return (toks, len(toks), n_words, tuple(items) if items else _NOTHING, potential, first_upper, url,
            chunk_news(toks))


def _plain_record(chunk: str, word: str, lex: Any, get: Any) -> tuple | None:
    """The record of an ASCII chunk that is one word and then only marks of ``_MARKS``,
    or None when the text layer reads it otherwise (then the general path runs).

    The word's normal form is read as the text layer's chunk memo reads it
    (``ChunkMemo._items``: a letters-only ASCII word that is no placeholder is one word
    token), from the word normaliser's memo, without storing the chunk's items: on new
    tweets this path takes 7 in 10 chunks, and each stored entry is garbage-collector work.
    """
    if word in _NOT_PLAIN or (word[0] in "xX" and _XD(word)):
        return None
    wn = _WN
    norm = wn.cache.data.get(word)
    if norm is None:
        norm = wn.plain(word.lower())
        if norm is None:
            norm = wn(word)
    if " " in norm or "-" in norm or norm[-1:] == "2" or norm.endswith(_CLITICS):  # not its own base
        return None
    end = len(word)
    tail = chunk[end:]
    if tail and get(tail) is not None:
        return None
    flags = CAPS if (end >= 2 and word.isupper()) else 0
    if end >= 3 and _ELONG.search(word.lower()) and not _ELONG.search(norm):
        flags |= ELONG
    e = get(norm)
    potential = False
    if e is None:
        items = ((0, norm, "word", flags, None, None, None),) if flags & CAPS else _NOTHING
    else:
        tails = e.tails
        potential = bool(e.valence) or (tails is not None and any(t[1] for t in tails))
        items = ((0, norm, "word", flags, e, None if tails is None else _tail_index(lex)[norm], None),)
    if not tail:
        toks = ((norm, "word", flags, word, norm),)
        return toks, 1, 1, items, potential, chunk[0].isupper(), False, chunk_news(toks)
    # the marks are one punctuation token, and every one of _MARKS ends a clause
    items += ((1, tail, "punct", 0, None, None, (tail.count("!"), True)),)
    toks = ((norm, "word", flags, word, norm), (tail, "punct", 0, tail, tail))
    return toks, 2, 1, items, potential, chunk[0].isupper(), False, chunk_news(toks)


def _link_record(chunk: str, get: Any) -> tuple | None:
    """The record of an ASCII chunk that is one link, or one mention maybe followed by
    marks of ``_MARKS`` (``@user:``), or None (then the general path runs).

    The text layer's pattern reads such a chunk as that one token: a placeholder
    (``@USER``) is left to the general path, a link is matched whole by the text layer's
    own link pattern (it never ends in punctuation), and marks after a mention start no
    token of their own (an emoticon's colon must not follow a word character). A link
    or a mention is never looked up, so it only occupies a position.
    """
    if chunk[0] == "@":
        m = _MENTION_MARKS(chunk)
        if m is None or chunk[:5] == "@USER":
            return None
        end = m.end(1)
        if get(chunk[:end]) is not None:
            return None  # a lexicon with an entry for the mention
        tail = chunk[end:]
        tok = (chunk[:end], "mention", 0, chunk[:end], chunk[:end])
        if not tail:
            toks = (tok,)
            return toks, 1, 0, _NOTHING, False, None, False, chunk_news(toks)
        if get(tail) is not None:
            return None
        toks = (tok, (tail, "punct", 0, tail, tail))
        return (toks, 2, 0, ((1, tail, "punct", 0, None, None, (tail.count("!"), True)),), False, None, False,
                chunk_news(toks))
    if "&" in chunk or _LINK(chunk) is None or get(chunk) is not None:
        return None
    toks = ((chunk, "url", 0, chunk, chunk),)
    return toks, 1, 0, _NOTHING, False, None, True, chunk_news(toks)


def score_texts(texts: list, lex: Any, P: Params, segment: bool = False) -> list[float]:
    """Polarity of each text (a str) with lexicon ``lex``: ``score_tokens`` on the batch path
    (``segment``: hashtags read as their words)."""
    with collection_paused():
        return _score_texts(texts, lex, P, segment=segment)


def score_and_tokenize(texts: list, lex: Any, P: Params, stop: frozenset | None,
                       segment: bool = False) -> tuple[list[float], list[list[str]]]:
    """``(score_texts(texts, lex, P), [tokenize(t, stopwords=stop) for t in texts])`` in one pass.

    Both read a text's whitespace chunks, each through its own memo (the scorer's chunk
    records, the tokenizer's strings per chunk): the text is split once for both
    whenever the tokenizer's scan is the text itself (no HTML entity, NFKC change or
    filler, which is nearly always); otherwise the tokens are read from the chunks of the
    scan, as :func:`trendlib.text.tokenize` does, and a text with a unit next to a number
    (``5 km``) gets its tokens from ``tokenize`` itself. ``stop`` is a resolved stopword
    set (lowercase, as ``text._stopwords._resolve`` gives it). Every text is a str
    (tests/test_sentiment_batch.py compares this with the two plain calls).
    """
    with collection_paused():
        tokens: list[list[str]] = []
        return _score_texts(texts, lex, P, stop, tokens, segment), tokens


def _text_tokens(text: str, chunks: list[str], tget: Any, table: Any, stop: frozenset | None) -> list[str]:
    """``tokenize(text, stopwords=stop)`` given ``chunks == text.split()`` (see score_and_tokenize)."""
    scan = text
    if not text.isascii() or "&" in text:
        scan = _prepare(text, offsets=False)[0]  # the tokenizer's scan: entities, NFKC, fillers
        if scan != text:
            chunks = scan.split()
    if _unit_chunks(scan, chunks):  # "5 km": tokenize's own path for units
        return _tokenize(text, stopwords=stop)
    parts = list(map(tget, chunks))
    if None in parts:
        for k, v in enumerate(parts):
            if v is None:
                parts[k] = table(chunks[k])
    return list(_chain(parts))


def _score_texts(texts: list, lex: Any, P: Params, stop: frozenset | None = None,
                 tokens: list | None = None, segment: bool = False) -> list[float]:
    records = lex.segmented_chunk_records if segment else lex.chunk_records
    put = records.put
    out = []
    append = out.append
    if tokens is not None:  # also the tokens of each text (score_and_tokenize)
        memo = _chunk_memo(None)
        table = memo.strings if stop is None else memo.finals((stop, False))
        tget = table.data.get
        add_tokens = tokens.append
    for text in texts:
        chunks = text.split()
        if tokens is not None:
            add_tokens(_text_tokens(text, chunks, tget, table, stop))
        recs = list(map(records.data.get, chunks))
        if None in recs:
            for k, r in enumerate(recs):
                if r is None:
                    r = recs[k] = chunk_record(chunks[k], lex, segment)
                    put(chunks[k], r)
        # 0.0 at once when no chunk can give a unit with a valence
        append(_score(recs, lex, P) if any(map(_POTENTIAL, recs)) else 0.0)
    return out


def _after(recs: list, c: int, k: int, need: int) -> list[str]:
    """The norms of up to ``need`` tokens after token ``k`` of chunk ``c``."""
    out = [t[0] for t in recs[c][0][k + 1 : k + 1 + need]]
    while len(out) < need and c + 1 < len(recs):
        c += 1
        out += [t[0] for t in recs[c][0][: need - len(out)]]
    return out


def _opens_clause(recs: list, c: int, k: int) -> bool:
    """``_rules.opens_clause`` for token ``k`` of chunk ``c``, reading the chunks' tokens backwards."""
    toks = recs[c][0]
    while True:
        found = clause_before(toks, k)
        if found is not None:
            return found
        if c == 0:
            return True  # the start of the text
        c -= 1
        toks = recs[c][0]
        k = len(toks)


def _news(recs: list) -> str | None:
    # news_register's fast exit: the first word (not a hashtag) in lower case, no link
    for r in recs:
        if r[5] is not None:
            if not r[5] and not any(map(_URL, recs)):
                return None
            break
    return news_register_chunks(map(_NEWS_OF, recs))


def _score(recs: list, lex: Any, P: Params) -> float:
    """``score_tokens`` (no ignore, no trace) over the chunk records of one text."""
    units: list[tuple] = []  # (position, valence, role, role position, flags, kind)
    append = units.append
    last_end = -1  # token index just after the last unit
    last_norm = None  # norm of the last token of the last unit
    n_caps = n_excl = 0
    absorbed = 0  # tokens taken into phrases beyond their first (a phrase is one position)
    i_next = 0  # tokens before this one were taken into a phrase
    start = 0
    c = -1
    for r in recs:
        c += 1
        items = r[3]
        if not items:
            start += r[1]
            continue
        for k, norm, kind, flags, e, tidx, value in items:
            i = start + k
            if i < i_next:
                continue
            pos = i - absorbed
            if e is not None:
                valence, role, position, _ = e
                if tidx is not None:
                    after = _after(recs, c, k, tidx[0])
                    cands = tidx[1].get(after[0]) if after else None
                    if cands is not None:
                        for rest, kk, v, trole, rp in cands:
                            if kk <= len(after) and all(after[1 + q] == rest[q] for q in range(kk - 1)):
                                j = i + 1 + kk
                                append((pos, v or 0.0, trole, rp, 0, "phrase"))
                                absorbed += kk
                                i_next = last_end = j
                                last_norm = after[kk - 1]
                                break
                        else:
                            cands = None
                        if cands is not None:
                            continue
                if flags & CAPS:
                    n_caps += 1
                if valence and last_end == i and kind == "word" and last_norm == norm:
                    u = units[-1]  # "bagus bagus aja": one reduplicated unit
                    units[-1] = (u[0], u[1], u[2], u[3], u[4] | REDUP, u[5])
                    last_end = i + 1
                    continue
                if role == "opener":
                    nxt = _after(recs, c, k, 1)
                    if _opens_clause(recs, c, k) and not stays_word(lex.table.get, nxt[0] if nxt else None):
                        continue  # "Jujur, ...": a discourse marker, no valence
                    role, position = None, "-"  # elsewhere the lexicon's word
                v = valence
                if v is None and flags & _BASE:
                    v = value
                append((pos, v or 0.0, role, position, flags, kind))
            elif kind == "punct":
                n_excl += value[0]
                if not value[1]:
                    continue
                append((pos, 0.0, "boundary", "-", 0, kind))
            else:
                if flags & CAPS:
                    n_caps += 1
                if not value:
                    continue
                append((pos, value, None, "-", flags, kind))
            last_end = i + 1
            last_norm = norm
        start += r[1]
    if not units:
        return 0.0
    upos, uval, urole, urpos, uflags, ukind = map(list, zip(*units))
    if not any(uval):
        return 0.0
    caps_on = False
    if n_caps:
        caps_on = n_caps < sum(r[2] for r in recs)
    m = len(upos)
    pure = [uval[k] != 0.0 and urole[k] is None for k in range(m)]
    W = P.negation_window
    used = acting_modifiers(upos, urole, urpos, pure, W)
    contrib = [0.0] * m
    n_active = 0
    for k in range(m):
        v = uval[k]
        if v == 0.0 or (not pure[k] and used[k]):
            continue
        n_active += 1
        sign = 1.0 if v > 0 else -1.0
        f = uflags[k]
        if f:
            if f & 1:  # ELONG
                v += sign * P.elongation
            if f & REDUP:
                v += sign * P.reduplication
            if caps_on and f & CAPS:
                v += sign * P.caps
        if pure[k]:
            p0 = upos[k]
            for direction, positions in ((-1, ("pre", "both")), (1, ("post", "both"))):
                a = k + direction
                while 0 <= a < m and abs(upos[a] - p0) <= 2 and urole[a] != "boundary" and not pure[a]:
                    role = urole[a]
                    if role == "booster" and urpos[a] in positions:
                        v += sign * (P.booster_increment * (P.booster_decay ** (abs(upos[a] - p0) - 1)))
                    elif role == "dampener" and urpos[a] in positions:
                        v *= P.dampener_factor
                    a += direction
            kind = ukind[k]
            if kind != "emoji" and kind != "emoticon":
                a = k - 1
                while a >= 0 and p0 - upos[a] <= W and urole[a] not in ("boundary", "contrast", "concessive"):
                    if urole[a] == "negator":
                        v *= -P.negation_scalar
                        break
                    a -= 1
        contrib[k] = v
    clause_weights(contrib, urole, P)
    s = math.fsum(contrib)
    if n_active > 1 and P.length_power:
        s /= n_active**P.length_power
    if s != 0.0 and n_excl:
        s += (1.0 if s > 0 else -1.0) * P.exclamation * min(n_excl, P.exclamation_cap)
    if s != 0.0 and P.news_factor != 1.0:
        if _news(recs) is not None:
            s *= P.news_factor
    score = s / math.sqrt(s * s + P.alpha) if s else 0.0
    return max(-1.0, min(1.0, score))
