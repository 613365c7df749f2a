"""Hashed word and character n-gram features for the sentiment classifier (internal).

Text -> (with ``hashtags="segment"``, each hashtag replaced by its words,
:func:`trendlib.text.segment_hashtag`: ``#TolakRUUTNI`` -> ``tolak ruu tni``) ->
:func:`trendlib.text.normalize` (lowercase, slang, elongation) -> tokens (words,
``!``/``?``, emoji) -> two hashed blocks of counts:

* words: n-grams of tokens (``n_word`` columns); with ``negation`` on, a word in the
  scope of a negator (``tidak``, ``bukan``, ``belum``, ``jangan``, ``kurang``, ``tanpa``
  and their slang forms: the one list of ``data/rule_words.tsv``, shared with the
  lexicon scorer; up to 3 words, cut by punctuation or a contrast word) also counts as
  ``NEG_word``;
* characters: n-grams of the space-padded token (scikit-learn's ``char_wb``), in
  ``n_char`` columns;
* lexicon (optional, 4 dense columns): sums of the positive and of the negative
  valences of the tokens (valence flipped inside a negation scope), and their net,
  each divided by ``sqrt(n_tokens + 1)``, plus ``tanh(net)``.

Columns come from MurmurHash3 (scikit-learn's, seed 0), so the feature space needs no
vocabulary and a model is stored as weights on the columns it uses. Each distinct token
is hashed once and memoised (its word hash, negation flags and char-n-gram columns);
after that a text costs one regex scan and one dictionary lookup per token, and n-grams,
negation scopes and the sparse matrix are built with vectorised numpy over the whole
batch. That is what makes prediction several times faster than scikit-learn's
vectorisers (see benchmarks/bench_sentiment.py).

Counts become TF-IDF in :class:`_Tfidf` (sublinear tf, smooth idf, each block
L2-normalised on its own).
"""

from __future__ import annotations

import re
import threading
from itertools import chain
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.utils import murmurhash3_32

from ._rules import negators, scope_breakers

_HASHTAG = re.compile(r"#(\w+)")


@lru_cache(maxsize=1)
def _segmenter():
    from ..text import segment_hashtag  # (imported on first use, as _normalizer)

    return segment_hashtag


def _tag_words(m: re.Match) -> str:
    return " " + " ".join(_segmenter()(m.group(1))) + " "


def split_hashtags(text: str) -> str:
    """``text`` with each hashtag replaced by its words (original casing guides the split).

    Why: in political posts the opinion often *is* the hashtag (``#IndonesiaGelap``,
    ``#TolakRUUTNI``); kept whole, it is one rare token the model has no weight for, while
    its words (``gelap``, ``tolak``) carry weights learned elsewhere.

    Examples
    --------
    >>> split_hashtags("pemerintah gagal #IndonesiaGelap").split()
    ['pemerintah', 'gagal', 'indonesia', 'gelap']
    """
    return _HASHTAG.sub(_tag_words, text) if "#" in text else text


# words (with inner - or '), the marks ! and ?, and any other single symbol (emoji)
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[!?]|[^\w\s.,;:\"'()\[\]{}/\\*&%$#@+=<>|~^`-]")
NEGATORS = negators()  # the one negator list: data/rule_words.tsv
SCOPE_END = frozenset({"!", "?"}) | scope_breakers()
NEG_WINDOW = 3
_P1 = np.uint64(0x100000001B3)  # FNV prime: combines token hashes into n-gram hashes
_NEG_SALT = np.uint64(0x9E3779B97F4A7C15)
_MAX_TOKENS = 2_000_000
# lexicon features: positive sum, negative sum, net (each / sqrt(tokens + 1)), tanh(net)
N_LEXICON_FEATURES = 4


@lru_cache(maxsize=1)
def _normalizer():
    from ..text import normalize

    return normalize


class _Grow:
    """A growable 1-D numpy array (amortised doubling)."""

    def __init__(self, dtype) -> None:
        self.a = np.zeros(1024, dtype=dtype)
        self.n = 0

    def extend(self, values) -> None:
        values = np.asarray(values, dtype=self.a.dtype)
        need = self.n + values.size
        if need > self.a.size:
            new = np.zeros(max(need, 2 * self.a.size), dtype=self.a.dtype)
            new[: self.n] = self.a[: self.n]
            self.a = new
        self.a[self.n : need] = values
        self.n = need

    @property
    def view(self) -> np.ndarray:
        return self.a[: self.n]


class _Tables(NamedTuple):
    """Per-token arrays (indexed by token id) as one consistent snapshot."""

    hash: np.ndarray
    flag: np.ndarray
    val: np.ndarray
    coff: np.ndarray
    clen: np.ndarray
    cols: np.ndarray
    n_ids: int
    generation: int = 0  #: which numbering of tokens the ids belong to (see ``_Hasher._reset``)


class _Hasher:
    """Texts -> (word-block counts, char-block counts or None) as CSR matrices."""

    def __init__(
        self,
        *,
        word_ngram_range: tuple[int, int],
        char_ngram_range: tuple[int, int] | None,
        n_word: int,
        n_char: int,
        negation: bool,
        normalize: bool,
        lexicon: dict[str, float] | None = None,
        hashtags: str = "keep",
    ) -> None:
        self.lexicon = lexicon
        self.hashtags = hashtags
        self.word_ngram_range = tuple(word_ngram_range)
        self.char_ngram_range = None if char_ngram_range is None else tuple(char_ngram_range)
        self.n_word = int(n_word)
        self.n_char = int(n_char)
        self.negation = bool(negation)
        self.normalize = bool(normalize)
        self._lock = threading.Lock()
        self._reset()

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        del state["_lock"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def _reset(self) -> None:
        #: bumped whenever token ids start again (a cache indexed by token id must drop)
        self.generation = getattr(self, "generation", -1) + 1
        self._ids: dict[str, int] = {}  # feature token -> id
        self._raw: dict[str, tuple[int, ...]] = {}  # raw lower-cased token -> ids
        self._pending: list[str] = []  # feature tokens given an id, arrays not yet filled
        self._hash = _Grow(np.uint64)  # 32-bit murmur hash of the token
        self._flag = _Grow(np.int8)  # 1 negator, 2 scope end, 0 other
        self._val = _Grow(np.float64)  # lexicon valence in [-1, 1] (0 when absent)
        self._coff = _Grow(np.int64)  # offset of the token's char columns
        self._clen = _Grow(np.int64)
        self._cols = _Grow(np.int64)  # char columns, all tokens end to end

    def set_lexicon(self, lexicon: dict[str, float] | None) -> None:
        """Use another valence table (for the tokens already seen and those to come)."""
        with self._lock:
            self.lexicon = lexicon
            lex = lexicon or {}
            self._flush()
            vocab = list(self._ids)  # ids are given in insertion order
            val = _Grow(np.float64)
            val.extend([lex.get(t, 0.0) for t in vocab])
            self._val = val

    def doc_tokens(self, texts) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Distinct (text index, token id) pairs of texts, and the token of each id."""
        ids, lens, tables = self._token_ids(texts)
        doc = np.repeat(np.arange(lens.size, dtype=np.int64), lens)
        size = tables.n_ids + 1
        pairs = np.unique(doc * size + ids)
        with self._lock:
            vocab = list(self._ids)[: tables.n_ids]
        return pairs // size, pairs % size, vocab

    def tokens(self, text: str) -> list[str]:
        """The tokens of one text, as the features see them."""
        out: list[str] = []
        if getattr(self, "hashtags", "keep") == "segment":
            text = split_hashtags(text)
        for raw in _TOKEN.findall(text.lower()):
            out.extend(self._norm_tokens(raw))
        return out

    def _norm_tokens(self, raw: str) -> list[str]:
        # normalize() works word by word (its steps are memoised per word), so
        # normalising each raw token gives the tokens of the normalised text
        if not self.normalize:
            return [raw]
        return _TOKEN.findall(_normalizer()(raw)) or [raw]

    def _learn_raw(self, raws: list[str]) -> None:
        """Normalise new raw tokens (in one normalize() call) and give them feature ids."""
        if self.normalize and raws:
            # normalize() works word by word; " | " keeps the words apart and survives it
            segments = _normalizer()(" | ".join(raws)).split("|")
            if len(segments) == len(raws):
                normed = [_TOKEN.findall(seg) or [raw] for seg, raw in zip(segments, raws)]
            else:  # pragma: no cover - defensive: fall back to one call per token
                normed = [self._norm_tokens(raw) for raw in raws]
        else:
            normed = [[raw] for raw in raws]
        ids_get = self._ids.get
        for raw, toks in zip(raws, normed):
            ids = []
            for tok in toks:
                i = ids_get(tok)
                if i is None:
                    i = self._ids[tok] = len(self._ids)
                    self._pending.append(tok)
                ids.append(i)
            self._raw[raw] = tuple(ids)

    def _flush(self) -> None:
        """Fill hash, flags, valence and char columns of the pending tokens, in bulk."""
        toks, self._pending = self._pending, []
        if not toks:
            return
        self._hash.extend(
            [murmurhash3_32(("w " + t).encode("utf-8", "surrogatepass"), seed=0, positive=True)
             for t in toks]
        )
        self._flag.extend(
            [1 if t in NEGATORS else 2 if (t in SCOPE_END or not t[0].isalnum()) else 0 for t in toks]
        )
        lex = self.lexicon or {}
        self._val.extend([lex.get(t, 0.0) for t in toks])
        if self.char_ngram_range is None:
            self._coff.extend(np.full(len(toks), self._cols.n))
            self._clen.extend(np.zeros(len(toks), dtype=np.int64))
            return
        owner, cols = _char_columns(toks, self.char_ngram_range, self.n_char)
        order = np.argsort(owner, kind="stable")
        clen = np.bincount(owner, minlength=len(toks))
        self._coff.extend(self._cols.n + np.cumsum(clen) - clen)
        self._clen.extend(clen)
        self._cols.extend(cols[order])

    def _token_ids(self, texts) -> tuple[np.ndarray, np.ndarray, _Tables]:
        """Token ids of all texts end to end, each text's token count, and the per-token
        tables those ids index (a consistent snapshot).

        Thread safety: the memo of token ids is shared by every call on this hasher (a
        fitted model shared between threads). Learning new tokens and taking the snapshot
        happen under one lock; the snapshot holds the arrays as they were, and later calls
        only append to (or replace) them, so the numpy work after the lock is free to run
        in parallel. The lock covers the cheap part: one dictionary lookup per token.
        """
        findall = _TOKEN.findall
        if getattr(self, "hashtags", "keep") == "segment":
            texts = [split_hashtags(text) for text in texts]
        raws = [findall(text.lower()) for text in texts]
        all_raw = list(chain.from_iterable(raws))
        with self._lock:
            if len(self._ids) > _MAX_TOKENS or len(self._raw) > _MAX_TOKENS:
                self._reset()
            known = self._raw
            new = [r for r in dict.fromkeys(all_raw) if r not in known]
            self._learn_raw(new)
            per_raw = list(map(known.__getitem__, all_raw))  # the ids of each raw token
            self._flush()
            tables = _Tables(self._hash.view, self._flag.view, self._val.view, self._coff.view,
                             self._clen.view, self._cols.view, len(self._ids), self.generation)
        flat = np.fromiter(chain.from_iterable(per_raw), dtype=np.int64)
        # ids per text: the ids of its raw tokens (a slang form may give two words)
        ends = np.cumsum(np.fromiter(map(len, raws), dtype=np.int64, count=len(raws)))
        cum = np.zeros(len(per_raw) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, per_raw), dtype=np.int64, count=len(per_raw)), out=cum[1:])
        lens = cum[ends] - cum[np.concatenate([[0], ends[:-1]])] if len(raws) else np.zeros(0, np.int64)
        return flat, lens, tables

    def parts(self, texts) -> tuple:
        """``(ids, lens, tables, doc, word_rows, word_cols, lex)`` of texts: the token ids end
        to end with each text's count and the table snapshot they index, the text of each
        token, the (text, hashed word column) pair of every word feature occurrence
        (n-grams and negation scope), and the lexicon features (or None)."""
        from .._cache import collection_paused

        with collection_paused():  # new texts fill the memos: see collection_paused
            ids, lens, tables = self._token_ids(texts)
        n_docs = lens.size
        doc = np.repeat(np.arange(n_docs, dtype=np.int64), lens)
        h = tables.hash[ids]
        n_word = np.uint64(self.n_word)

        rows, cols = [], []
        lo, hi = self.word_ngram_range
        if lo <= 1:
            rows.append(doc)
            cols.append(h % n_word)
        for n in range(max(lo, 2), hi + 1):
            if ids.size < n:
                break
            acc = h[: ids.size - n + 1].copy()
            for k in range(1, n):
                acc = acc * _P1 + h[k : ids.size - n + 1 + k]
            same = doc[: ids.size - n + 1] == doc[n - 1 :]
            rows.append(doc[: ids.size - n + 1][same])
            cols.append((acc[same] + np.uint64(n)) % n_word)
        scope = None
        if (self.negation or self.lexicon) and ids.size:
            flag = tables.flag[ids]
            pos = np.arange(ids.size, dtype=np.int64)
            last_neg = np.maximum.accumulate(np.where(flag == 1, pos, -1))
            last_end = np.maximum.accumulate(np.where(flag == 2, pos, -1))
            scope = (
                (flag == 0)
                & (last_neg >= 0)
                & (pos - last_neg <= NEG_WINDOW)
                & (last_end < last_neg)
                & (doc[np.maximum(last_neg, 0)] == doc)
            )
        if self.negation and scope is not None:
            rows.append(doc[scope])
            cols.append((h[scope] ^ _NEG_SALT) % n_word)
        lex = None
        if self.lexicon:
            lex = np.zeros((n_docs, N_LEXICON_FEATURES))
            if ids.size:
                v = np.where(scope, -1.0, 1.0) * tables.val[ids]
                v[flag == 1] = 0.0  # a negator's own valence is carried by the flip
                p = np.bincount(doc, weights=np.maximum(v, 0.0), minlength=n_docs)
                q = np.bincount(doc, weights=np.minimum(v, 0.0), minlength=n_docs)
                root = np.sqrt(lens + 1.0)
                lex[:, 0] = p / root
                lex[:, 1] = q / root
                lex[:, 2] = (p + q) / root
                lex[:, 3] = np.tanh(p + q)
        return ids, lens, tables, doc, np.concatenate(rows), np.concatenate(cols), lex

    def transform(self, texts) -> tuple[sp.csr_matrix, sp.csr_matrix | None, np.ndarray | None]:
        """Word counts, char counts (or None) and lexicon features (or None) of texts."""
        ids, lens, tables, doc, wrows, wcols, lex = self.parts(texts)
        n_docs = lens.size
        words = _csr(wrows, wcols, n_docs, self.n_word)
        if self.char_ngram_range is None:
            return words, None, lex
        clen = tables.clen[ids]
        start = tables.coff[ids]
        total = int(clen.sum())
        # ragged gather: for token t, columns _cols[start[t] : start[t] + clen[t]]
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(clen) - clen, clen)
        ccols = tables.cols[np.repeat(start, clen) + within]
        chars = _csr(np.repeat(doc, clen), ccols, n_docs, self.n_char)
        return words, chars, lex


# a lexicon estimated from labelled texts (SentimentClassifier(lexicon="fit"))
LEXICON_MIN_COUNT = 2  # a word must occur in at least this many training texts
LEXICON_SCALE = 2.0  # log-odds ratio / LEXICON_SCALE, clipped to [-1, 1]


def log_odds_lexicon(
    doc: np.ndarray, tok: np.ndarray, vocab: list[str], is_pos: np.ndarray, is_neg: np.ndarray
) -> dict[str, float]:
    """Word valences from labelled texts: smoothed log-odds of a word in positive vs negative texts.

    ``doc``/``tok`` are distinct (text, token id) pairs (:meth:`_Hasher.doc_tokens`),
    ``is_pos``/``is_neg`` boolean masks over the texts. A word in at least
    ``LEXICON_MIN_COUNT`` texts gets ``clip(log((p + 1) / (P + 2)) - log((n + 1) / (N + 2))) /
    LEXICON_SCALE, -1, 1)``, with ``p``/``n`` the positive/negative texts holding it and
    ``P``/``N`` their totals. Punctuation and emoji tokens are left out.
    """
    v_n = len(vocab)
    total = np.bincount(tok, minlength=v_n)
    pos = np.bincount(tok[is_pos[doc]], minlength=v_n)
    neg = np.bincount(tok[is_neg[doc]], minlength=v_n)
    n_pos, n_neg = float(is_pos.sum()), float(is_neg.sum())
    v = np.log((pos + 1.0) / (n_pos + 2.0)) - np.log((neg + 1.0) / (n_neg + 2.0))
    v = np.clip(v / LEXICON_SCALE, -1.0, 1.0)
    keep = np.flatnonzero((total >= LEXICON_MIN_COUNT) & (v != 0))
    return {vocab[i]: float(v[i]) for i in keep if vocab[i][:1].isalnum()}


_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)


def _fmix64(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser (avalanche), vectorised."""
    h = h ^ (h >> _S33)
    h = h * _M1
    h = h ^ (h >> _S33)
    h = h * _M2
    return h ^ (h >> _S33)


def _char_columns(toks: list[str], ngram_range: tuple[int, int], n_cols: int):
    """Columns of the char n-grams of ``" tok "`` for many tokens at once.

    A gram's column is ``fmix64(polynomial hash of its code points, salted by n)``
    modulo ``n_cols``; returns (index of the owning token, column) per gram.
    """
    padded = [f" {t} " for t in toks]
    codes = np.frombuffer("".join(padded).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    lengths = np.fromiter((len(p) for p in padded), dtype=np.int64, count=len(padded))
    starts = np.cumsum(lengths) - lengths
    owner_of_pos = np.repeat(np.arange(len(toks)), lengths)
    pos = np.arange(codes.size, dtype=np.int64)
    end_of_pos = np.repeat(starts + lengths, lengths)
    owners, columns = [], []
    lo, hi = ngram_range
    with np.errstate(over="ignore"):
        for n in range(lo, hi + 1):
            ok = pos + n <= end_of_pos
            j = pos[ok]
            h = np.zeros(j.size, dtype=np.uint64)
            for k in range(n):
                h = h * _P1 + codes[j + k]
            h = _fmix64(h + np.uint64(n) * _NEG_SALT)
            owners.append(owner_of_pos[ok])
            columns.append((h % np.uint64(n_cols)).astype(np.int64))
    return np.concatenate(owners), np.concatenate(columns)


def _csr(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> sp.csr_matrix:
    data = np.ones(rows.size, dtype=np.float32)
    m = sp.csr_matrix(
        (data, (rows.astype(np.int64), cols.astype(np.int64))), shape=(n_rows, n_cols)
    )
    m.sum_duplicates()
    return m


def weight_in_place(x: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear TF-IDF with unit rows, written into ``x`` (counts -> weights) and returned."""
    np.log(x.data, out=x.data)
    x.data += 1.0
    x.data *= idf[x.indices]
    rows = np.repeat(np.arange(x.shape[0]), np.diff(x.indptr))
    sq = np.bincount(rows, weights=np.square(x.data, dtype=np.float64), minlength=x.shape[0])
    norms = np.sqrt(sq)
    norms[norms == 0] = 1.0
    x.data /= norms[rows].astype(np.float32)
    return x


class _Tfidf:
    """Sublinear tf, idf weights, per-block L2 normalisation; state is the idf only."""

    def __init__(
        self, idf_word: np.ndarray, idf_char: np.ndarray | None, lexicon_weight: float = 1.0
    ) -> None:
        self.idf_word = idf_word
        self.idf_char = idf_char
        self.lexicon_weight = lexicon_weight

    @staticmethod
    def fit_idf(counts: sp.csr_matrix) -> np.ndarray:
        """Smooth idf ``log((1 + n) / (1 + df)) + 1``; 0 for columns never seen."""
        n = counts.shape[0]
        df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        idf[df == 0] = 0.0
        return idf.astype(np.float32)

    @staticmethod
    def _weight(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
        return weight_in_place(counts.copy(), idf)

    def blocks(
        self, words: sp.csr_matrix, chars: sp.csr_matrix | None, lex: np.ndarray | None = None
    ) -> list:
        """The TF-IDF blocks in column order: words, chars (if any), lexicon features (dense, if any)."""
        out: list = [self._weight(words, self.idf_word)]
        if chars is not None:
            out.append(self._weight(chars, self.idf_char))
        if lex is not None:
            out.append((self.lexicon_weight * lex).astype(np.float32))
        return out

    def transform(
        self, words: sp.csr_matrix, chars: sp.csr_matrix | None, lex: np.ndarray | None = None
    ) -> sp.csr_matrix:
        """TF-IDF blocks side by side: words, chars (if any), lexicon features (if any)."""
        blocks = [b if sp.issparse(b) else sp.csr_matrix(b) for b in self.blocks(words, chars, lex)]
        return blocks[0] if len(blocks) == 1 else sp.hstack(blocks, format="csr")
