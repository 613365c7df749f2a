"""The token memo (internal): each distinct whitespace-free chunk is tokenised once.

Why: social-media text repeats itself (retweets, slogans, the same hashtags and
slang), so after a few thousand posts almost every chunk (a word with its punctuation,
a hashtag, a URL) has been seen. A text is split with ``str.split()`` and each chunk
is looked up; no token spans whitespace and the regex look-arounds see whitespace like
a text end, so this gives exactly the tokens of a whole-text scan.

All tables are :class:`trendlib._cache.Memo` (one bounded, thread-safe policy): a
memo is safe to share between threads, which the sentiment classifier relies on.
The text-level functions (``normalize``, ``tokenize``, ``tokens``, entities) import
this module; it imports only the word level (``_wordnorm``) and the patterns, so
there is no import cycle.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from .._cache import Memo
from ._patterns import KIND_OF_GROUP, MASTER, split_emoji_run
from ._wordnorm import _casefold, _WordNormalizer, word_normalizer

__all__ = ["ChunkMemo", "chunk_memo", "stemmer", "unit_chunks"]

Item = tuple[str, int, int, str]  # (kind, start, end, norm), offsets inside the chunk

#: slang forms that are units next to a number: "5 km", "Km 30", "KM.26" keep "km";
#: elsewhere the slang map reads them ("km udah makan?" -> "kamu").
UNIT_FORMS = frozenset({"km"})
_UNIT_HINT = re.compile(r"(?<![^\W\d_])[kK][mM](?![^\W\d_])")
_NONE: frozenset[int] = frozenset()
_NUMBER_CHUNK = re.compile(r"[(\[]?\d+(?:[.,:/]\d+)*%?[.,;:!?)\]]*").fullmatch

# Letters-only chunks that are not plain words (placeholders, the emoticon xD).
_NOT_PLAIN = frozenset({"USER", "USERNAME", "URL", "HTTPURL"})
_XD = re.compile(r"[xX]D+")
#: marks that may follow an ASCII word in a chunk without starting a token of their own
#: (no emoticon, URL or entity starts with or continues into them; see ChunkMemo._items)
_MARKS = ".,;:!?"


def emoji_norm(e: str) -> str:
    """An emoji without a redundant variation selector (``❤️`` -> ``❤``)."""
    if "\ufe0f" in e or "\ufe0e" in e:
        import emoji

        bare = e.replace("\ufe0f", "").replace("\ufe0e", "")
        if emoji.is_emoji(bare):
            return bare
    return e


def _norm_of(kind: str, s: str, wn: _WordNormalizer) -> str:
    if kind == "word":
        return wn(s)
    if kind == "hashtag":
        return "#" + _casefold(s[1:])
    if kind == "mention":
        return s.lower()
    return s


def chunk_items(chunk: str, wn: _WordNormalizer) -> tuple[Item, ...]:
    """Tokens of one whitespace-free chunk: ``(kind, start, end, norm)``, chunk offsets."""
    if chunk.isalpha() and chunk not in _NOT_PLAIN and not _XD.fullmatch(chunk):
        return (("word", 0, len(chunk), wn(chunk)),)  # the common case: one plain word
    items: list[Item] = []
    number = False
    for m in MASTER.finditer(chunk):
        kind = KIND_OF_GROUP[m.lastgroup]
        a, b = m.span()
        if kind == "number":
            number = True
        if kind == "emoji":
            for sa, sb, e in split_emoji_run(m.group()):
                items.append(("emoji", a + sa, a + sb, emoji_norm(e)))
        elif kind == "word" and a and chunk[a - 1] in "#@":
            # the tail of a void hashtag or mention (#anak2#, a@b): only lowercased, so
            # normalising never turns it into an entity (#anak-anak# holds #anak)
            items.append((kind, a, b, _casefold(m.group())))
        else:
            items.append((kind, a, b, _norm_of(kind, m.group(), wn)))
    if number:  # KM.26, 5km.: a unit inside the chunk
        items = [as_unit(it, chunk) for it in items]
    return tuple(items)


def as_unit(item: Item, chunk: str) -> Item:
    """The item with a unit form (``km``) kept as written (lowercased), not read as slang."""
    kind, a, b, norm = item
    if kind == "word" and chunk[a:b].lower() in UNIT_FORMS:
        return (kind, a, b, chunk[a:b].lower())
    return item


def unit_chunks(scan: str, chunks: list[str]) -> frozenset[int]:
    """Indices of the chunks holding a unit form next to a number chunk (``5 km``, ``Km 30``)."""
    if "km" not in scan.lower():
        return _NONE  # the common case: one substring test, no regex
    if _UNIT_HINT.search(scan) is None:
        return _NONE
    out = set()
    for i, chunk in enumerate(chunks):
        if _UNIT_HINT.search(chunk) is None:
            continue
        before = chunks[i - 1] if i else ""
        after = chunks[i + 1] if i + 1 < len(chunks) else ""
        if _NUMBER_CHUNK(before) or _NUMBER_CHUNK(after):  # a number, not orang2
            out.add(i)
    return frozenset(out)


@lru_cache(maxsize=1)
def stemmer():
    """The default stemmer's ``stem`` (imported only when stemming is asked)."""
    from ._stem import stem

    return stem


class ChunkMemo:
    """Memo tables for one slang map: chunk -> its tokens in the shapes callers need."""

    def __init__(self, wn: _WordNormalizer) -> None:
        self.wn = wn
        self.items: Memo[str, tuple[Item, ...]] = Memo(self._items)
        self.strings: Memo[str, tuple[str, ...]] = Memo(self._strings)
        self.normal: Memo[str, str] = Memo(self._normal)
        self.stems: Memo[str, str] = Memo(self._stem)
        # (stop set, stem) -> chunk -> the strings tokenize() returns for that chunk
        self.finals: Memo[tuple[frozenset[str] | None, bool], Memo[str, tuple[str, ...]]] = Memo(
            self._final_table, maxsize=8
        )

    # -- builders (each runs once per distinct key) ---------------------------------------
    def _items(self, chunk: str) -> tuple[Item, ...]:
        if chunk.isascii():
            # the common case: one ASCII word, maybe followed by marks (see plain_word)
            word = chunk if chunk.isalpha() else chunk.rstrip(_MARKS)
            if word.isalpha() and word not in _NOT_PLAIN and not (word[0] in "xX" and _XD.fullmatch(word)):
                wn = self.wn
                norm = wn.cache.data.get(word)
                if norm is None:
                    norm = wn.plain(word.lower())
                    if norm is None:
                        norm = wn(word)
                return (("word", 0, len(word), norm),)
        return chunk_items(chunk, self.wn)

    def _strings(self, chunk: str) -> tuple[str, ...]:
        out: list[str] = []
        for kind, _, _, norm in self.items(chunk):
            if kind == "word":
                out.extend(norm.split(" "))
            else:
                out.append(norm)
        return tuple(out)

    def _normal(self, chunk: str) -> str:
        out, pos = [], 0
        for _kind, a, b, norm in self.items(chunk):
            out.append(chunk[pos:a])
            out.append(norm)
            pos = b
        out.append(chunk[pos:])
        return "".join(out)

    @staticmethod
    def _stem(word: str) -> str:
        return stemmer()(word)

    def _final_table(self, key: tuple[frozenset[str] | None, bool]) -> Memo[str, tuple[str, ...]]:
        stop, stem = key

        def final(chunk: str) -> tuple[str, ...]:
            return self.finalize(self.items(chunk), stop, stem)

        return Memo(final)

    def finalize(
        self, items: tuple[Item, ...], stop: frozenset[str] | None, stem: bool
    ) -> tuple[str, ...]:
        """tokenize()'s strings for one chunk's items: stop words dropped, words stemmed."""
        out = []
        stems = self.stems
        get = stems.data.get
        for kind, _, _, norm in items:
            if kind != "word":
                out.append(norm)
                continue
            for w in norm.split(" "):
                if stop is not None and w in stop:
                    continue
                if stem:
                    st = get(w)
                    w = st if st is not None else stems(w)
                out.append(w)
        return tuple(out)

    def unit_items(self, chunk: str) -> tuple[Item, ...]:
        """The chunk's items with unit forms kept (the chunk stands next to a number)."""
        return tuple(as_unit(it, chunk) for it in self.items(chunk))

    def unit_normal(self, chunk: str) -> str:
        out, pos = [], 0
        for _kind, a, b, norm in self.unit_items(chunk):
            out.append(chunk[pos:a])
            out.append(norm)
            pos = b
        out.append(chunk[pos:])
        return "".join(out)

    def stem_of(self, kind: str, norm: str) -> str:
        """``Token.stem``: each word of a word token's ``norm`` stemmed; others as they are."""
        if kind != "word":
            return norm
        return " ".join(self.stems(w) for w in norm.split(" "))


@lru_cache(maxsize=1)
def _default_memo() -> ChunkMemo:
    return ChunkMemo(word_normalizer(None))


#: memos of user slang maps: id(normaliser) -> (normaliser, memo); identity checked
_CUSTOM: Memo[int, tuple[_WordNormalizer, ChunkMemo]] = Memo(lambda key: None, maxsize=8)  # type: ignore[arg-type,return-value]


def chunk_memo(slang: Mapping[str, str] | None) -> ChunkMemo:
    """The memo for a slang map (``None``: trendlib's own)."""
    if slang is None:
        return _default_memo()
    wn = word_normalizer(slang)
    hit = _CUSTOM.get(id(wn))
    if hit is not None and hit[0] is wn:
        return hit[1]
    memo = ChunkMemo(wn)
    _CUSTOM.put(id(wn), (wn, memo))
    return memo
