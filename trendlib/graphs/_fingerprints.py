"""Fingerprints for coordination: what two posts must share to count as the same content.

Coordination detectors (the QUT coordination-network-toolkit, CooRnet/CooRTweet, Pacheco
et al. 2021) each compare one kind of content. Here every signal is turned into the same
thing, a *fingerprint use*: (post, fingerprint code, signal), so one scoring step serves
them all (:mod:`trendlib.graphs._coordination`):

``text``
    The post's words after :func:`trendlib.text.normalize` (slang, elongation, case),
    without URLs, @mentions, punctuation and emoji; at least ``min_tokens`` words. Near
    copies (a swapped word, an added tag) join the same fingerprint: posts at most
    ``_NEAR_SPAN`` apart whose TF-IDF cosine (word 1-2 grams) is at least
    ``min_similarity`` are linked, and linked texts merge (connected components), so a
    sentence pasted for days with small edits stays one fingerprint.
``hashtags``
    The post's set of hashtags (order and case ignored), at least ``min_hashtags`` tags.
    A post whose set is a superset of a set that others use, with at least two thirds of
    its tags from that set, joins it: "the campaign's tags plus two of mine" is the
    campaign.
``retweet``
    The retweeted text (``RT @user:`` removed): co-retweeting the same posts.
``url`` / ``domain``
    Each shared link (scheme, ``www.`` and trailing ``/`` removed) or its domain.

Texts are keyed without a Python loop over posts: pyarrow lowercases and splits them,
:func:`trendlib.text.normalize` runs once per *distinct word* (the vocabulary, not the
posts), and a post's key is a 64-bit hash of its word codes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .._cache import Memo
from ..text import normalize
from ._util import arrow_backed, incidence, list_column

SIGNALS = ("text", "hashtags", "retweet", "url", "domain")
_NEAR_SPAN = 5 * 60 * 10**9  # near copies are compared within 5 minutes of each other
_N_FEATURES = 1 << 20  # hashed word 1-2 grams of near-copy detection
_PAIR_BUDGET = 16_000_000  # rows x cols of one sparse similarity product
_STRIP = r"https?://\S+|www\.\S+|@\w+|&(?:amp|lt|gt|quot|#39);|^\s*rt\s+@\w+:?"
_MIX = np.uint64(0x9E3779B97F4A7C15)


def _word_raw(w: str) -> str:
    """One raw word -> its normalised form without punctuation ("" if nothing is left)."""
    w = normalize(w)
    return " ".join("".join(ch if (ch.isalnum() or ch == "#") else " " for ch in w).replace("#", " ").split())


#: raw word -> normalised words; a process that keys many slices of one collection (the
#: partitions a Dask worker reads) normalises each word once
_word = Memo(_word_raw)


def text_codes(texts: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per post: word-code offsets, word codes (hashes of normalised words) and a 64-bit key hash.

    Returns ``(indptr, codes, key)``: the words of post ``i`` are
    ``codes[indptr[i]:indptr[i + 1]]`` (non-negative int64 hashes, equal for equal words
    in any call); ``key`` is equal for posts with the same word sequence (0 for posts
    without words), also across calls.

    Memory: Arrow works in the system allocator (its default pool, mimalloc, kept the
    freed buffers of the split texts, about 600 MB at a million posts, while NumPy
    allocated beside them), an Arrow-backed column is read without making a Python
    string per post, and the words are expanded and hashed in blocks of posts, so the
    temporaries are those of one block, not of all 25 million words of a million posts.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    pool = pa.system_memory_pool()
    arr = _arrow_texts(texts, pool)
    s = pc.replace_substring_regex(pc.utf8_lower(arr, memory_pool=pool), _STRIP, " ", memory_pool=pool)
    del arr
    words = pc.utf8_split_whitespace(s, memory_pool=pool)
    del s
    lengths = pc.list_value_length(words, memory_pool=pool).to_numpy(zero_copy_only=False).astype(np.int64)
    enc = pc.dictionary_encode(pc.list_flatten(words, memory_pool=pool), memory_pool=pool)
    del words
    # int32 codes: a million posts hold about 25 million words, and every int64 temporary
    # of that length is 200 MB
    raw_codes = enc.indices.to_numpy(zero_copy_only=False).astype(np.int32, copy=False)
    vocab = enc.dictionary.to_pylist()
    del enc
    # normalise the vocabulary once; a raw word can become 0, 1 or several words
    cleaned = [_word(w) for w in vocab]
    parts = [c.split() for c in cleaned]
    all_words, new_codes = np.unique(np.asarray([p for ps in parts for p in ps] or [""], dtype=object), return_inverse=True)
    # a word's code is a 63-bit hash of its normalised form, not its rank in this call's
    # vocabulary: the same word has the same code in every partition of a Dask collection,
    # so keys and near-copy features agree however the posts are split
    word_hash = (pd.util.hash_array(np.asarray(all_words, dtype=object), categorize=False) >> np.uint64(1)).astype(np.int64)
    new_codes = new_codes.astype(np.int32)
    n_parts = np.fromiter(map(len, parts), dtype=np.int32, count=len(parts))
    part_ptr = np.zeros(len(parts) + 1, dtype=np.int64)
    np.cumsum(n_parts, out=part_ptr[1:])
    n = len(lengths)
    raw_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=raw_ptr[1:])
    # normalised words per post: the raw words' part counts summed over each post
    total = int(np.bincount(raw_codes, minlength=len(n_parts)) @ n_parts.astype(np.int64)) if len(raw_codes) else 0
    codes = np.empty(total, dtype=np.int64)
    key = np.zeros(n, dtype=np.uint64)
    indptr = np.zeros(n + 1, dtype=np.int64)
    for a, b in _blocks(raw_ptr, _BLOCK_WORDS):
        lo, hi = int(raw_ptr[a]), int(raw_ptr[b])
        rc = raw_codes[lo:hi]
        reps = n_parts[rc]
        cs = np.zeros(len(rc) + 1, dtype=np.int64)
        np.cumsum(reps, out=cs[1:])
        cnt = cs[raw_ptr[a + 1:b + 1] - lo] - cs[raw_ptr[a:b] - lo]
        # expand every raw token into its normalised words
        c = word_hash[new_codes[_ranges(part_ptr[:-1][rc], reps)]] if len(rc) else np.array([], dtype=np.int64)
        del rc, reps, cs
        off = int(indptr[a])
        np.cumsum(cnt, out=indptr[a + 1:b + 1])
        indptr[a + 1:b + 1] += off
        codes[off:off + len(c)] = c
        key[a:b] = _sequence_hash(c, cnt)
    return indptr, codes, key


#: raw words per block of :func:`text_codes` (its temporaries are a few times this, in int64)
_BLOCK_WORDS = 1 << 21


def _arrow_texts(texts: pd.Series, pool: Any) -> Any:
    """The texts as one Arrow string array, missing values as ``""``.

    An Arrow-backed column (pandas 3's ``str``, ``string[pyarrow]``) is taken as it is;
    an object column is converted, lone surrogates (which Arrow refuses) dropped first.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    if arrow_backed(texts.dtype):
        try:
            arr = pa.array(texts.array)
            if isinstance(arr, pa.ChunkedArray):
                arr = arr.combine_chunks(memory_pool=pool) if arr.num_chunks != 1 else arr.chunk(0)
            if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type):
                return pc.fill_null(arr, "", memory_pool=pool) if arr.null_count else arr
        except (TypeError, pa.ArrowException):  # not strings after all: the generic path
            pass
    values = texts.to_numpy(dtype=object, na_value="")
    try:
        return pa.array([v if isinstance(v, str) else "" for v in values], type=pa.large_string(), memory_pool=pool)
    except (UnicodeEncodeError, pa.ArrowException):  # lone surrogates: drop them first
        return pa.array([v.encode("utf-8", "ignore").decode() if isinstance(v, str) else "" for v in values],
                        type=pa.large_string(), memory_pool=pool)


def _blocks(ptr: np.ndarray, size: int) -> list:
    """``(a, b)`` row ranges covering every row of offsets ``ptr``, about ``size`` items each."""
    n = len(ptr) - 1
    if n <= 0:
        return []
    cuts = np.unique(np.r_[0, np.searchsorted(ptr, np.arange(size, int(ptr[-1]), size), side="left"), n])
    return [(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:])]


def _sequence_hash(codes: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Order-sensitive 64-bit hash of each post's code sequence (0 for a post without codes)."""
    indptr = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    post_of = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    pos = np.arange(len(codes)) - indptr[post_of]
    del post_of
    key = np.zeros(len(counts), dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = (codes.astype(np.uint64) + np.uint64(1)) * _MIX
        h ^= h >> np.uint64(29)
        h *= (pos.astype(np.uint64) * np.uint64(2) + np.uint64(1)) * np.uint64(0xBF58476D1CE4E5B9)
        del pos
        nz = counts > 0
        if nz.any():
            key[nz] = np.add.reduceat(h, indptr[:-1][nz])
            key[nz] ^= counts[nz].astype(np.uint64) * _MIX
    return key


def _features(indptr: np.ndarray, codes: np.ndarray, rows: np.ndarray) -> sparse.csr_matrix:
    """Term counts of ``rows`` over hashed word 1-2 grams (``_N_FEATURES`` columns, duplicates summed)."""
    n = len(rows)
    lens = indptr[rows + 1] - indptr[rows]
    take = _ranges(indptr[rows], lens)
    c = codes[take]
    del take
    post = np.repeat(np.arange(n, dtype=np.int32), lens)  # int32 throughout: tens of millions of features
    first = np.r_[True, post[1:] != post[:-1]] if len(post) else np.array([], dtype=bool)
    big = _N_FEATURES
    bi_ok = ~first
    del first
    feats = (np.concatenate([c % big, ((c[:-1] * 1_000_003 + c[1:]) % big)[bi_ok[1:]]]) if len(c) else c).astype(np.int32)
    fpost = np.concatenate([post, post[1:][bi_ok[1:]]]) if len(c) else post
    del c, post, bi_ok
    X = sparse.csr_matrix((np.ones(len(feats), dtype=np.float32), (fpost, feats)), shape=(n, big))
    del feats, fpost
    X.sum_duplicates()
    return X


def document_frequency(indptr: np.ndarray, codes: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Posts of ``rows`` holding each hashed feature: the partial summed over the partitions
    of a collection for :func:`idf_tables`."""
    return np.bincount(_features(indptr, codes, rows).indices, minlength=_N_FEATURES)


def idf_tables(df: np.ndarray, n_docs: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """(idf, shared, remap, n_shared) of document frequencies ``df`` over ``n_docs`` posts:
    the weights :func:`near_pairs` uses, computed once for many slices of one collection."""
    shared = df >= 2
    return (np.log((1 + n_docs) / (1 + df)) + 1).astype(np.float32), shared, np.cumsum(shared) - 1, int(shared.sum())


def near_pairs(indptr: np.ndarray, codes: np.ndarray, rows: np.ndarray, t: np.ndarray, min_similarity: float,
               *, tables: tuple | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of posts (indices into ``rows``, time-sorted) within ``_NEAR_SPAN`` with cosine >= ``min_similarity``.

    The IDF comes from ``rows`` themselves, or from ``tables`` when given
    (:func:`idf_tables` of the document frequencies and size of the whole collection, for a
    slice of it: the pairs of a slice are then exactly those the whole collection has
    among its posts).
    """
    if len(rows) > _SLICE_ROWS:
        return _sliced_pairs(indptr, codes, rows, t, min_similarity, tables)
    return _block_pairs(indptr, codes, rows, t, min_similarity, tables)


def _block_pairs(indptr: np.ndarray, codes: np.ndarray, rows: np.ndarray, t: np.ndarray, min_similarity: float,
                 tables: tuple | None) -> tuple[np.ndarray, np.ndarray]:
    """:func:`near_pairs` of posts compared at once."""
    n = len(rows)
    e = np.array([], dtype=np.int64)
    if n < 2:
        return e, e
    X = _features(indptr, codes, rows)
    if tables is None:
        tables = idf_tables(np.bincount(X.indices, minlength=_N_FEATURES), n)
    idf, shared, remap, n_shared = tables
    X.data = (1 + np.log(X.data)) * idf[X.indices]
    # rows scaled to unit length in place (a diagonal product would copy the matrix: at a
    # million posts each copy of X is hundreds of MB)
    row_nnz = np.diff(X.indptr)
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    X.data *= np.repeat((1 / np.maximum(norms, 1e-12)).astype(np.float32), row_nnz)
    # a feature of one post adds nothing to any dot product: keep the shared ones, renumbered
    # (a compact column space keeps each block's transpose cheap); one filtered copy
    keep_nz = shared[X.indices]
    X = _kept(X, keep_nz, remap[X.indices[keep_nz]].astype(X.indices.dtype), n_shared)
    # Common words make every pair overlap and the block products dense. Products run on
    # the rare features only; a pair is a candidate when its rare dot product plus the
    # most its common features can add (Cauchy-Schwarz: |x_c| * |y_c|) reaches the
    # threshold, and candidates are verified with the full vectors. Posts whose common
    # part alone could reach it (|x_c| >= threshold) are compared in full.
    col_df = np.bincount(X.indices, minlength=X.shape[1])
    common = col_df > max(50, n // 200)
    keep = ~common[X.indices]
    Xr = _kept(X, keep, X.indices[keep], X.shape[1])
    # norm of each post's common part (only the norms are needed, not the matrix)
    nc = np.sqrt(_row_sums(np.where(keep, np.float32(0), X.data * X.data), X.indptr))
    heavy = np.flatnonzero(nc >= min_similarity - 1e-6)
    thr = min_similarity - 1e-6
    ts = t
    col_end = np.searchsorted(ts, ts + _NEAR_SPAN, side="right")
    # rows per block ~ four times the posts in one span: products stay near the diagonal band
    step = int(np.clip(4 * np.median(col_end - np.arange(n)), 512, 4096))
    out_r, out_c = [], []
    i = 0
    while i < n:
        r1 = min(i + step, n)
        while r1 > i + 1 and (r1 - i) * (int(col_end[r1 - 1]) - i) > _PAIR_BUDGET:
            r1 = i + max(1, (r1 - i) // 2)
        c1 = int(col_end[r1 - 1])
        S = (Xr[i:r1] @ Xr[i:c1].T).tocoo()
        r, cc = S.row + i, S.col + i
        m = (cc > r) & (S.data + nc[r] * nc[cc] >= thr) & (ts[cc] - ts[r] <= _NEAR_SPAN)
        r, cc = r[m], cc[m]
        hr = heavy[(heavy >= i) & (heavy < r1)]
        if len(hr):  # pairs of common-heavy posts, whatever their rare overlap
            hc = heavy[(heavy >= i) & (heavy < c1)]
            H = (X[hr] @ X[hc].T).tocoo()
            a, b = hr[H.row], hc[H.col]
            mh = (b > a) & (H.data >= thr) & (ts[b] - ts[a] <= _NEAR_SPAN)
            r, cc = np.r_[r, a[mh]], np.r_[cc, b[mh]]
        if len(r):
            sim = np.asarray(X[r].multiply(X[cc]).sum(axis=1)).ravel()
            ok = sim >= thr
            out_r.append(r[ok])
            out_c.append(cc[ok])
        i = r1
    if not out_r:
        return e, e
    r, c = np.concatenate(out_r).astype(np.int64), np.concatenate(out_c).astype(np.int64)
    key = np.unique(r * n + c)
    return key // n, key % n


#: posts compared at once by :func:`near_pairs`; more are compared in time slices
_SLICE_ROWS = 1 << 17


def _sliced_pairs(indptr: np.ndarray, codes: np.ndarray, rows: np.ndarray, t: np.ndarray, min_similarity: float,
                  tables: tuple | None) -> tuple[np.ndarray, np.ndarray]:
    """:func:`near_pairs` of many posts, a time slice at a time: the same pairs.

    Why: the feature matrix of a million posts, its filtered copies and their products
    took about 800 MB at once; a slice's take a fraction of that. A pair's posts are at
    most ``_NEAR_SPAN`` apart, so the posts of slice ``[a, b)`` are compared with the
    posts up to ``_NEAR_SPAN`` after its last one, and the slice keeps the pairs whose
    first post is its own. With the collection's IDF (``tables``, or document
    frequencies summed slice by slice) the weights, and hence the pairs, are those of one
    comparison of all the posts: the split of features into rare and common inside
    :func:`near_pairs` only prunes candidates, every pair is verified with full vectors.
    """
    n = len(rows)
    if tables is None:
        df = np.zeros(_N_FEATURES, dtype=np.int64)
        for a in range(0, n, _SLICE_ROWS):
            df += document_frequency(indptr, codes, rows[a:a + _SLICE_ROWS])
        tables = idf_tables(df, n)
        del df
    end = np.searchsorted(t, t + _NEAR_SPAN, side="right")
    out_r, out_c = [], []
    for a in range(0, n, _SLICE_ROWS):
        b = min(a + _SLICE_ROWS, n)
        stop = max(int(end[b - 1]), b)
        r, c = _block_pairs(indptr, codes, rows[a:stop], t[a:stop], min_similarity, tables)
        mine = r < b - a
        out_r.append(r[mine] + a)
        out_c.append(c[mine] + a)
    return np.concatenate(out_r), np.concatenate(out_c)


def _kept(X: sparse.csr_matrix, keep: np.ndarray, columns: np.ndarray, n_cols: int) -> sparse.csr_matrix:
    """The entries of ``X`` where ``keep`` (one flag per stored entry), in ``columns`` of a
    matrix ``n_cols`` wide: one filtered copy, rows unchanged."""
    indptr = np.r_[0, np.cumsum(_row_sums(keep.astype(np.int64), X.indptr))]
    return sparse.csr_matrix((X.data[keep], columns, indptr), shape=(X.shape[0], n_cols))


def _row_sums(values: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """Sum of ``values`` over each CSR row (0 for an empty row)."""
    n = len(indptr) - 1
    out = np.zeros(n, dtype=np.float64 if values.dtype.kind == "f" else np.int64)
    nz = np.diff(indptr) > 0
    if nz.any():
        out[nz] = np.add.reduceat(values, indptr[:-1][nz])
    return out


def _ranges(starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """Concatenation of ``arange(s, s + l)`` for every (start, length), vectorised."""
    total = int(lens.sum())
    offs = np.repeat(starts - (np.cumsum(lens) - lens), lens)
    return np.arange(total) + offs


def text_uses(coded: tuple, ok: np.ndarray, t: np.ndarray, *, min_tokens: int, min_similarity: float | None) -> tuple[np.ndarray, np.ndarray]:
    """(post index, fingerprint code) of the ``text`` signal; near copies merged."""
    indptr, codes, key = coded
    n_words = np.diff(indptr)
    rows = np.flatnonzero(ok & (n_words >= min_tokens))
    if not len(rows):
        return rows, rows
    fp, _ = pd.factorize(key[rows])
    fp = np.asarray(fp, dtype=np.int64)
    if min_similarity is not None and min_similarity < 1 and len(rows) > 1:
        order = np.argsort(t[rows], kind="stable")
        r, c = near_pairs(indptr, codes, rows[order], t[rows][order], min_similarity)
        if len(r):
            k = int(fp.max()) + 1
            G = sparse.coo_matrix((np.ones(len(r)), (fp[order][r], fp[order][c])), shape=(k, k))
            _, label = connected_components(G, directed=False)
            fp = label[fp].astype(np.int64)
    return rows, fp


def hashtag_uses(posts: pd.DataFrame, ok: np.ndarray, account: np.ndarray, *, min_hashtags: int, func: str) -> tuple[np.ndarray, np.ndarray, Any]:
    """(post index, fingerprint code, code -> "#a #b" label) of the ``hashtags`` signal."""
    X, labels = incidence(list_column(posts, "hashtags", func=func), lower=True)
    X = X.tocsr()
    size = np.diff(X.indptr)
    rows = np.flatnonzero(ok & (size >= min_hashtags))
    if not len(rows):
        return rows, rows, []
    Xr = X[rows]
    # exact set -> code, via a hash of the sorted column indices
    h = _row_hash(Xr)
    fp, uniq = pd.factorize(h)
    fp = np.asarray(fp, dtype=np.int64)
    first_row = np.zeros(len(uniq), dtype=np.int64)
    first_row[fp[::-1]] = np.arange(len(fp))[::-1]
    sets = Xr[first_row]
    set_size = np.diff(sets.indptr)
    # supersets join: sets of >= 3 tags used by >= 2 accounts are the candidates, posts
    # whose own set only one account uses may join one
    uses = np.bincount(fp, minlength=len(uniq))
    who = pd.DataFrame({"fp": fp, "acc": account[rows]}).drop_duplicates()
    n_acc = np.bincount(who["fp"].to_numpy(), minlength=len(uniq))
    cand = np.flatnonzero((set_size >= 3) & (n_acc >= 2))
    lone = np.flatnonzero(n_acc[fp] < 2)
    if len(cand) and len(lone):
        C = sets[cand]
        overlap = (Xr[lone] @ C.T).tocoo()
        csize = set_size[cand][overlap.col]
        psize = size[rows][lone][overlap.row]
        good = (overlap.data == csize) & (csize * 3 >= psize * 2) & (csize < psize)
        if good.any():
            r, cidx = overlap.row[good], overlap.col[good]
            rank = np.lexsort((cidx, -uses[cand][cidx], -set_size[cand][cidx], r))  # largest set, most used, first seen
            r, cidx = r[rank], cidx[rank]
            first = np.r_[True, r[1:] != r[:-1]]
            fp[lone[r[first]]] = cand[cidx[first]]
    def label(i: int) -> str:
        return " ".join("#" + x for x in labels[sets.indices[sets.indptr[i]:sets.indptr[i + 1]]])

    return rows, fp, label


def _row_hash(X: sparse.csr_matrix, items: np.ndarray | None = None) -> np.ndarray:
    """A 64-bit hash per row of ``X``, equal for rows with the same set of columns; with
    ``items`` (a hash per column) equal for rows with the same set of those hashes."""
    lens = np.diff(X.indptr)
    cols = X.indices if items is None else items[X.indices]
    with np.errstate(over="ignore"):
        h = (cols.astype(np.uint64) + np.uint64(1)) * _MIX
        h ^= h >> np.uint64(31)
        h *= np.uint64(0x94D049BB133111EB)
        out = np.zeros(X.shape[0], dtype=np.uint64)
        nz = lens > 0
        out[nz] = np.add.reduceat(h, X.indptr[:-1][nz]) ^ (lens[nz].astype(np.uint64) * _MIX)
    return out


def url_strings(posts: pd.DataFrame, ok: np.ndarray, *, domain: bool, func: str) -> tuple[np.ndarray, np.ndarray]:
    """(post index, link) of the ``url`` or ``domain`` signal: each post's distinct links
    (scheme, ``www.`` and trailing ``/`` removed; the domain only with ``domain``) in the
    order the post lists them."""
    lists = list_column(posts, "urls", func=func)
    idx = np.repeat(np.arange(len(lists)), [len(v) for v in lists])
    flat = np.asarray([str(u) for v in lists for u in v], dtype=object)
    keep = ok[idx] if len(idx) else np.array([], dtype=bool)
    idx, flat = idx[keep], flat[keep]
    if not len(flat):
        return np.array([], dtype=np.int64), np.array([], dtype=object)
    s = pd.Series(flat, dtype=object).str.lower().str.replace(r"^[a-z]+://", "", regex=True).str.replace(r"^www\.", "", regex=True).str.rstrip("/")
    if domain:
        s = s.str.split("/", n=1).str[0]
    pairs = pd.DataFrame({"p": idx, "s": s.to_numpy(dtype=object)}).drop_duplicates()
    return pairs["p"].to_numpy(np.int64), pairs["s"].to_numpy(dtype=object)


def url_uses(posts: pd.DataFrame, ok: np.ndarray, *, domain: bool, func: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(post index, fingerprint code, labels) of the ``url`` or ``domain`` signal."""
    idx, links = url_strings(posts, ok, domain=domain, func=func)
    codes, labels = pd.factorize(links)
    return idx, np.asarray(codes, dtype=np.int64), np.asarray(labels, dtype=object)


def retweet_uses(coded: tuple, ok: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(post index, fingerprint code) of retweets: the retweeted text, exactly."""
    indptr, _, key = coded
    rows = np.flatnonzero(ok & (np.diff(indptr) > 0))
    fp, _ = pd.factorize(key[rows])
    return rows, np.asarray(fp, dtype=np.int64)


def display_texts(texts: np.ndarray, rows: np.ndarray) -> list[str]:
    """The original texts of ``rows`` (for evidence), whitespace collapsed."""
    return [" ".join(str(x).split()) if isinstance(x, str) else "" for x in texts[rows]]


def signal_list(signals: Any, func: str) -> tuple[str, ...]:
    """Validate ``signals=`` (one name or a sequence of names from :data:`SIGNALS`)."""
    items = (signals,) if isinstance(signals, str) else tuple(signals) if signals is not None else ()
    bad = [s for s in items if s not in SIGNALS]
    if not items or bad:
        raise ValueError(
            f"The 'signals' parameter of {func}() must be one or more of {list(SIGNALS)}. Got {signals!r}."
        )
    return tuple(dict.fromkeys(items))
