"""Prediction of a fitted SentimentClassifier in the model's own columns (internal).

A model keeps weights on the hashed columns it saw in training (237k of the 2 x 2**20 of
the multi-domain model). Building the full hashed count matrices of a batch and then
dropping the columns without a weight wastes most of the work: a tweet has about 450
character n-gram occurrences, and sorting them into a sparse matrix was half the time of
``predict``. Here:

* each distinct token's character n-grams are mapped once to the model's columns
  (columns without a weight dropped, repeats within the token counted), kept in a token
  x column matrix ``G`` that grows with the vocabulary of the hasher;
* a batch's character counts are ``D @ G``, with ``D`` the text x token counts: the
  sparse product adds the counts per text without a sort of every occurrence;
* word n-grams are mapped to the model's columns before the count matrix is built.

The TF-IDF weighting, the per-block L2 norm and the product with the weights are the
ones of :class:`trendlib.sentiment._features._Tfidf`, on the same entries in the same
order (columns without a weight only ever added zeros), so the scores are the same
numbers as scoring the full matrices (tests/test_classifier.py checks it).
"""

from __future__ import annotations

import threading

import numpy as np
import scipy.sparse as sp

from ._features import _Grow, _Hasher, weight_in_place


class CompactScorer:
    """``texts -> decision scores`` of a fitted model (see the module docstring)."""

    def __init__(self, hasher: _Hasher, remap: np.ndarray, weights: np.ndarray, idf: np.ndarray,
                 lexicon_weight: float) -> None:
        self.hasher = hasher
        self.remap = remap  # hashed column (words, then n_word + char column, then lexicon) -> row
        self.weights = weights  # rows: the model's columns, then one row of zeros
        self.width = weights.shape[0]
        self.none = self.width - 1  # the row of zeros: columns without a weight
        self.idf = np.zeros(self.width, dtype=np.float32)
        used = remap != self.none
        self.idf[remap[used]] = idf[used]
        self.lexicon_weight = float(lexicon_weight)
        self._lock = threading.Lock()
        self._start_cache(-1)

    def _start_cache(self, generation: int) -> None:
        self._generation = generation
        self._n = 0  # tokens whose columns are in the cache
        self._indptr = _Grow(np.int64)
        self._indptr.extend([0])
        self._indices = _Grow(np.int32)
        self._data = _Grow(np.float32)

    def _token_columns(self, tables, a: int, b: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per token ``a..b-1`` of the snapshot: counts per model column, as CSR parts."""
        clen = tables.clen[a:b]
        start = tables.coff[a:b]
        total = int(clen.sum())
        within = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(clen) - clen, clen)
        cols = tables.cols[np.repeat(start, clen) + within]
        comp = self.remap[self.hasher.n_word + cols].astype(np.int64)
        owner = np.repeat(np.arange(b - a, dtype=np.int64), clen)
        keep = comp != self.none
        key, counts = np.unique(owner[keep] * self.width + comp[keep], return_counts=True)
        per_token = np.bincount(key // self.width, minlength=b - a)
        return per_token, (key % self.width).astype(np.int32), counts.astype(np.float32)

    def _char_matrix(self, tables) -> sp.csr_matrix:
        """Token x model column counts of every token id of the snapshot ``tables``."""
        n = tables.n_ids
        with self._lock:
            if tables.generation > self._generation:
                self._start_cache(tables.generation)
            if tables.generation == self._generation:
                if self._n < n:
                    per_token, indices, data = self._token_columns(tables, self._n, n)
                    self._indptr.extend(self._indptr.view[-1] + np.cumsum(per_token))
                    self._indices.extend(indices)
                    self._data.extend(data)
                    self._n = n
                indptr = self._indptr.view[: n + 1]
                indices = self._indices.view[: indptr[-1]]
                data = self._data.view[: indptr[-1]]
                return sp.csr_matrix((data, indices, indptr), shape=(n, self.width))
        # a snapshot older than the cache (the hasher started its ids again meanwhile)
        per_token, indices, data = self._token_columns(tables, 0, n)
        indptr = np.concatenate([[0], np.cumsum(per_token)])
        return sp.csr_matrix((data, indices, indptr), shape=(n, self.width))

    def scores(self, texts: list[str], intercept: np.ndarray) -> np.ndarray:
        hasher = self.hasher
        ids, lens, tables, doc, wrows, wcols, lex = hasher.parts(texts)
        n_docs = lens.size
        out = np.zeros((n_docs, self.weights.shape[1]), dtype=np.float64)
        comp = self.remap[wcols]
        keep = comp != self.none
        words = _counts(wrows[keep], comp[keep], n_docs, self.width)
        out += weight_in_place(words, self.idf) @ self.weights
        if hasher.char_ngram_range is not None:
            g = self._char_matrix(tables)
            d = sp.csr_matrix((np.ones(ids.size, dtype=np.float32), (doc, ids)),
                              shape=(n_docs, tables.n_ids))
            d.sum_duplicates()
            # counts per text; the two transpositions leave each row's columns in order
            # (cheaper than sorting them), as in the full matrix
            chars = (d @ g).tocsc().tocsr()
            out += weight_in_place(chars, self.idf) @ self.weights
        if lex is not None:
            offset = hasher.n_word + (hasher.n_char if hasher.char_ngram_range is not None else 0)
            x = (self.lexicon_weight * lex).astype(np.float32)
            out += x @ self.weights[self.remap[offset : offset + x.shape[1]]]
        return out + intercept


def _counts(rows: np.ndarray, cols: np.ndarray, n_rows: int, n_cols: int) -> sp.csr_matrix:
    m = sp.csr_matrix((np.ones(rows.size, dtype=np.float32), (rows, cols.astype(np.int64))),
                      shape=(n_rows, n_cols))
    m.sum_duplicates()
    return m
