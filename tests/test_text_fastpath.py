"""The text layer's cold-path shortcuts give exactly what the full rules give.

Why: a chunk or word never seen in the process is normalised once, and that first time is
most of the cost of scoring a stream of new tweets. ``ChunkMemo._items`` reads a plain
ASCII word (maybe followed by ``.,;:!?``) without the master regex, and
``_WordNormalizer.plain`` decides most words without the rules (known words, slang forms,
words no rule can change). Both must agree with the reference paths
(``_chunks.chunk_items`` and ``_WordNormalizer._reference``) on every input: checked on
random strings and on every chunk of every real text in the data home.
"""

from __future__ import annotations

import glob
import os
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trendlib.text._chunks import ChunkMemo, chunk_items
from trendlib.text._patterns import prepare
from trendlib.text._slang import _builtin_slang
from trendlib.text._wordnorm import _WordNormalizer


class _Reference:
    """The word normaliser's full rules, with no memo and no shortcut."""

    def __init__(self, wn: _WordNormalizer) -> None:
        self.wn = wn

    def __call__(self, raw: str) -> str:
        return self.wn._reference(raw)


_WN = _WordNormalizer(_builtin_slang())
_REF = _Reference(_WN)
#: a user map: a target with a hyphen, one of several words, an upper-case one, a chain
_USER = _WordNormalizer({"abc": "ABC", "xx": "yy zz", "qq": "anak-anak", "ww": "xx", "bgt": "banget"})
_USER_REF = _Reference(_USER)


def _check_chunk(chunk: str, wn: _WordNormalizer = _WN, ref: _Reference = _REF) -> None:
    assert ChunkMemo(wn)._items(chunk) == chunk_items(chunk, ref), chunk


def _check_text(text: str) -> None:
    for chunk in set(text.split()) | set(prepare(text, offsets=False)[0].split()):
        _check_chunk(chunk)
        _check_chunk(chunk, _USER, _USER_REF)


def _check_word(word: str) -> None:
    for wn in (_WN, _USER):
        assert wn._raw(word) == wn._reference(word), word


# -- crafted cases: every branch of the shortcuts -----------------------------------------

CRAFTED = [
    "yg", "gak", "Gak", "GAK", "bgt", "makasih", "mantul", "org2", "bangettt", "gakkk", "maaf",
    "anggota", "tinggal", "follow", "Good", "wkwkwk", "hahaha", "kwkw", "awkwk", "hehe", "xixixi",
    "huhuhu", "dibeliiin", "dibeliin", "matiin", "bawain", "ngebahas", "nyari", "nyimak", "ngantor",
    "nentuin", "mikir", "nunggu", "penjarain", "pendingin", "Muhaimin", "Megawati", "nasional",
    "USER", "USERNAME", "URL", "HTTPURL", "USERS", "xD", "XDDD", "xDd", "xd", "T", "T.", "o.O",
    "bagus,", "bagus.", "bagus!!!", "bagus?!", "bagus:", "bagus;", "bagus:)", "bagus:D",
    "ini.com", "ini.co", "a@b", "bagus...", "Bagus)", "(bagus", "#bagus", "@bagus", "aaa", "aa",
    "aaaa", "waaa", "wkwk", "hhhh", "kamu", "km", "Km", "KM", "mmm", "nnnnn", "siiip", "sipp",
    "abc", "ABC", "xx", "qq", "ww", "kxk", "in", "min", "main", "mainin", "ngin", "nginn",
]


@pytest.mark.parametrize("chunk", CRAFTED)
def test_crafted_chunks_and_words_agree_with_the_rules(chunk):
    _check_chunk(chunk)
    _check_chunk(chunk, _USER, _USER_REF)
    if chunk.isalpha():
        _check_word(chunk)


def test_plain_decides_the_common_words_without_the_rules():
    assert _WN.plain("banget") == "banget"  # known
    assert _WN.plain("yg") == "yang"  # slang form, known target
    assert _WN.plain("makasih") == "terima kasih"  # slang form, several words
    assert _WN.plain("jokowi") == "jokowi"  # in no list, no rule can fire
    assert _WN.plain("sukaaa") is None  # an elongation: the rules decide
    assert _WN.plain("wkwkwk") is None  # laughter
    assert _WN.plain("ngebahas") is None  # a Jakartan prefix with a known root
    assert _USER.plain("qq") is None  # a hyphenated target: the rules decide


# -- random strings -----------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyzAEIKMNW"
_HEADS = ["", "m", "n", "ng", "nge", "ny", "me", "pe", "di", "ber", "ke", "se"]
_BODIES = ["bahas", "cari", "simak", "tunggu", "anak", "bagus", "mantap", "banget", "yg", "gak",
           "wk", "ha", "he", "xi", "maaf", "anggota", "ikut", "beli", "antor", "jalan", "follow"]
_TAILS = ["", "in", "iin", "iiin", "nya", "kan", "an", "i", "lah", "2", "2nya", "-anak", "'s", "’s"]
_MARKS = ["", ".", ",", "!", "?", "!!", "...", ":", ";", ":)", ":D", ")", "\"", "😍", "👍🏽", "2",
          "%", "#", "@", "-", ".com", "@x.id"]


def _elongate(word: str, data) -> str:
    if not word:
        return word
    i = data.draw(st.integers(0, len(word) - 1))
    k = data.draw(st.integers(1, 5))
    return word[:i] + word[i] * k + word[i + 1 :]


@st.composite
def _words(draw):
    word = draw(st.sampled_from(_HEADS)) + draw(st.sampled_from(_BODIES)) + draw(st.sampled_from(_TAILS))
    if draw(st.booleans()):
        word = _elongate(word, draw(st.data()))
    case = draw(st.sampled_from([str, str.upper, str.capitalize, str.swapcase]))
    return case(word)


@st.composite
def _chunks(draw):
    word = draw(st.one_of(_words(), st.text(_LETTERS, min_size=1, max_size=12)))
    return draw(st.sampled_from(["", "(", "\"", "#", "@", "x"])) + word + draw(st.sampled_from(_MARKS))


@given(st.lists(st.one_of(_chunks(), st.text(max_size=6)), max_size=8).map(" ".join))
def test_random_texts_agree_with_the_reference(text):
    _check_text(text)


@given(st.one_of(_words(), st.text(_LETTERS, min_size=1, max_size=14)))
def test_random_words_agree_with_the_rules(word):
    _check_word(word)


@given(st.text(min_size=1, max_size=10))
def test_random_unicode_words_agree_with_the_rules(word):
    _check_word(word)
    _check_chunk(word)


# -- every real text in the data home -----------------------------------------------------

def _real_texts(home) -> list[str]:
    import trendlib as tl
    from trendlib.datasets import _sentiment as datasets

    texts: list[str] = []
    paths = sorted(glob.glob(os.path.join(home, "tweets_*", "*.csv")))
    paths += sorted(p for p in glob.glob(os.path.join(home, "formats_*", "*")) if not p.endswith(".md"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in paths:
            try:
                texts += tl.read_posts(path)["text"].dropna().tolist()
            except Exception:  # files without posts (edge lists, node tables)
                continue
        loaders = [(datasets.load_smsa, s) for s in ("train", "valid", "test")]
        loaders += [(datasets.load_nusax, s) for s in ("train", "valid", "test")]
        loaders += [(datasets.load_emot, s) for s in ("train", "valid", "test")]
        loaders += [(datasets.load_rizalespe, s) for s in ("pilkada", "cellular", "tv", "film")]
        loaders += [(datasets.load_idsa, None)]
        for load, arg in loaders:
            try:
                frame = load(arg) if arg is not None else load()
            except Exception:  # a set not in this data home
                continue
            texts += frame["text"].dropna().astype(str).tolist()
    return [t for t in dict.fromkeys(texts) if isinstance(t, str)]


def test_every_chunk_of_every_real_text_agrees_with_the_reference(data_home):
    texts = _real_texts(data_home)
    assert len(texts) > 50_000  # tweets, other formats and the labelled sentiment sets
    chunks: dict[str, None] = {}
    for text in texts:
        chunks.update(dict.fromkeys(text.split()))
        chunks.update(dict.fromkeys(prepare(text, offsets=False)[0].split()))
    memo = ChunkMemo(_WN)
    bad = [c for c in chunks if memo._items(c) != chunk_items(c, _REF)]
    assert not bad, bad[:20]
    words = {w for c in chunks for w in c.strip(".,;:!?()\"'").split("-") if w.isalpha()}
    bad = [w for w in words if _WN._raw(w) != _WN._reference(w)]
    assert not bad, bad[:20]
