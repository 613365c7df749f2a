"""The evidence of a burst explanation: which tokens are content, phrases (NLTK
collocations), the accounts table and the sample posts.

Why its own module: :mod:`._explain` chooses *which* posts are compared (the burst, the
reference period, a thin reference widened); this module only turns two sets of posts
into tables, so each table can be tested on its own.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ._logodds import log_odds

_LLR_MIN = 10.83  # chi-square(1) at p = 0.001


def _is_content(token: str, stop: frozenset) -> bool:
    if token in stop or len(token) < 2 and token.isascii():
        return False
    low = token.lower()
    return not (low.startswith(("http://", "https://", "www.")) or low.replace(".", "").isdigit())


def _near_duplicate(a: frozenset, b: frozenset, threshold: float) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / len(a | b) >= threshold


def _bigram_keys(codes: np.ndarray, clause: np.ndarray, n_words: int) -> np.ndarray:
    """``first * n_words + second`` for every pair of neighbouring tokens within a clause."""
    if len(codes) < 2:
        return np.zeros(0, dtype=np.int64)
    same = clause[1:] == clause[:-1]
    return codes[:-1][same].astype(np.int64) * n_words + codes[1:][same]


def _counted(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct keys in order of first appearance and their counts (a Counter's order)."""
    codes, uniq = pd.factorize(keys)
    return np.asarray(uniq), np.bincount(codes, minlength=len(uniq))


def _phrases(during: Any, before: Any, stop: frozenset, own: str | None, min_count: int, top: int,
             prior: float | None) -> pd.DataFrame:
    """:func:`_phrases_codes` of two series of posts, each post a list of clauses (token lists)."""
    post, codes, vocab, clause = _token_codes(pd.Series([*during, *before], dtype=object))
    good = np.fromiter((_is_content(w, stop) and w != own for w in vocab), dtype=bool, count=len(vocab))
    d_mask = np.arange(len(during) + len(before)) < len(during)
    return _phrases_codes(post, codes, clause, vocab, good, d_mask, ~d_mask, min_count, top, prior)


def _token_codes(tokens: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(post, token code, vocabulary, clause) of every token of clause lists, in order."""
    from itertools import chain

    cls = tokens.tolist()
    lens = np.fromiter((sum(map(len, cl)) for cl in cls), dtype=np.int64, count=len(cls))
    flat = np.fromiter(chain.from_iterable(chain.from_iterable(cls)), dtype=object, count=int(lens.sum()))
    post = np.repeat(np.arange(len(lens)), lens)
    c_lens = np.fromiter((len(ts) for cl in cls for ts in cl), dtype=np.int64)
    clause = np.repeat(np.arange(len(c_lens)), c_lens)
    codes, vocab = pd.factorize(flat)
    return post, codes.astype(np.int64, copy=False), np.asarray(vocab, dtype=object), clause


def _phrases_codes(post: np.ndarray, codes: np.ndarray, clause: np.ndarray, vocab: np.ndarray, good: np.ndarray,
                   d_mask: np.ndarray, b_mask: np.ndarray, min_count: int, top: int,
                   prior: float | None) -> pd.DataFrame:
    """Two-word phrases of the burst: Dunning's likelihood ratio (as NLTK's
    ``BigramCollocationFinder`` scores it, documents = clauses of two or more tokens), kept
    when the log-odds against the reference period is not negative.

    The window's tokens come in order as (post, code into ``vocab``, clause); ``good``
    says which vocabulary entries are content (no stopword at either end, not the key).
    Counted on integer codes (bigram = ``first * V + second``), so the cost is a few numpy
    passes over the tokens, not a Python loop over bigrams: at 300,000 posts NLTK's finder
    took 16-40 s here. The numbers equal NLTK's (tested against it).
    """
    cols = ["phrase", "during", "before", "llr", "z"]
    if not len(codes):
        return pd.DataFrame(columns=cols)
    clause_len = np.bincount(clause)
    in_d = np.asarray(d_mask, dtype=bool)[post] & (clause_len[clause] > 1)  # burst clauses of 2+ tokens
    in_b = np.asarray(b_mask, dtype=bool)[post]
    cd, clause_d = codes[in_d], clause[in_d]
    if not len(cd):
        return pd.DataFrame(columns=cols)
    cb, clause_b = codes[in_b], clause[in_b]
    V = max(len(vocab), 1)
    word_fd = np.bincount(cd, minlength=V).astype(float)
    N = float(len(cd))
    keys_d, n_d = _counted(_bigram_keys(cd, clause_d, V))
    w1, w2 = keys_d // V, keys_d % V
    keep = (n_d >= min_count) & good[w1] & good[w2]
    n_ii = n_d[keep].astype(float)
    n_ix, n_xi = word_fd[w1[keep]], word_fd[w2[keep]]
    n_oi, n_io = n_xi - n_ii, n_ix - n_ii
    cont = np.stack([n_ii, n_oi, n_io, N - n_ii - n_oi - n_io])
    llr = np.zeros(len(n_ii))
    for i in range(4):
        exp = (cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / N
        llr += cont[i] * np.log(cont[i] / (exp + 1e-20) + 1e-20)
    llr *= 2
    strong = llr >= _LLR_MIN
    if not strong.any():
        return pd.DataFrame(columns=cols)

    def text(keys: np.ndarray) -> np.ndarray:
        return np.asarray([f"{vocab[k // V]} {vocab[k % V]}" for k in keys], dtype=object)

    keys_b, n_b = _counted(_bigram_keys(cb, clause_b, V))
    sk, sn, sl = keys_d[keep][strong], n_d[keep][strong], llr[strong]
    phrases = text(sk)
    before_n = dict(zip(keys_b.tolist(), n_b.tolist()))
    sb = np.asarray([before_n.get(int(k), 0) for k in sk], dtype=np.int64)
    # a phrase's log-odds z depends on its own two counts and the two totals only, so the
    # strong phrases plus one row holding the rest give every z exactly, without naming
    # every bigram of the window (millions at a million posts)
    rest = "\x00rest"
    a = pd.Series(np.r_[sn, n_d.sum() - sn.sum()], index=[*phrases, rest])
    b = pd.Series(np.r_[sb, n_b.sum() - sb.sum()], index=[*phrases, rest])
    try:
        z = log_odds(a.groupby(level=0, sort=False).sum(), b.groupby(level=0, sort=False).sum(), prior=prior)["z"]
    except ValueError:  # nothing to compare with (no bigram before): rank by llr alone
        z = pd.Series(dtype=float)
    zb = z.reindex(phrases).to_numpy(dtype=float)
    # NLTK's order: score, then the bigram's words
    order = sorted(range(len(sk)), key=lambda i: (-sl[i], vocab[sk[i] // V], vocab[sk[i] % V]))
    rows = [(phrases[i], int(sn[i]), int(sb[i]), float(sl[i]), float(zb[i]))
            for i in order if not zb[i] <= 0]
    table = pd.DataFrame(rows, columns=cols)
    return table.sort_values(["z", "llr"], ascending=False, kind="mergesort").head(top).reset_index(drop=True)


def _near_counts(X: Any, lens: np.ndarray, chosen: list, threshold: float) -> list[int]:
    """For each chosen post, how many posts' token sets are near duplicates of its set
    (Jaccard >= ``threshold``; two empty sets are equal), as :func:`_near_duplicate` counts
    them, with one sparse product instead of a Python loop over every post. ``X`` is the
    posts x terms 0/1 matrix, ``lens`` its row sums."""
    if not chosen:
        return []
    inter = (X @ X[chosen].T).toarray()  # posts x chosen
    out = []
    for j, i in enumerate(chosen):
        if lens[i] == 0:
            out.append(int((lens == 0).sum()))
            continue
        union = lens[i] + lens - inter[:, j]
        with np.errstate(invalid="ignore", divide="ignore"):
            ok = (lens > 0) & (inter[:, j] / union >= threshold)
        out.append(int(ok.sum()))
    return out


def _accounts(window: pd.DataFrame, d_mask: np.ndarray, b_mask: np.ndarray, engagement: pd.Series,
              top: int) -> pd.DataFrame:
    cols = ["author", "posts", "share", "engagement", "before"]
    if "author" not in window.columns:
        return pd.DataFrame(columns=cols)
    author = window["author"].astype(str)
    during = pd.DataFrame({"author": author[d_mask], "eng": engagement[d_mask]})
    table = during.groupby("author").agg(posts=("eng", "size"), engagement=("eng", "sum"))
    table["share"] = table["posts"] / int(d_mask.sum())
    table["before"] = author[b_mask].value_counts().reindex(table.index).fillna(0).astype("int64")
    table = table.reset_index().sort_values(["posts", "engagement", "author"], ascending=[False, False, True],
                                            kind="mergesort")
    return table[cols].head(top).reset_index(drop=True)


def _samples(posts: pd.DataFrame, post: np.ndarray, codes: np.ndarray, z: np.ndarray, engagement: pd.Series,
             n: int, min_similarity: float, tz: str) -> pd.DataFrame:
    """The most engaged and the most representative of the burst's posts, one per text.

    ``posts`` are the burst's posts; each one's content terms are the integer ``codes``
    at ``post`` (its row in ``posts``; each term once per post); ``z`` is the
    terms' log-odds z by code. A post's token set is its codes, so identical sets, their
    copies and the near-duplicate test are computed on integers (at a million posts the
    burst's 400,000 posts took seconds as Python sets of strings).
    """
    from scipy import sparse

    cols = ["reason", "time", "author", "text", "engagement", "copies", "id"]
    if n == 0 or posts.empty:
        return pd.DataFrame(columns=cols)
    posts = posts.reset_index(drop=True)
    m = len(posts)
    lens = np.bincount(post, minlength=m)
    bounds = np.r_[0, np.cumsum(lens)]
    # identical token sets: each post's codes sorted, as a tuple
    codes = codes[np.lexsort((codes, post))]  # grouped by post, sorted within
    flat = codes.tolist()
    sig, _ = pd.factorize(pd.Series([tuple(flat[a:b]) for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist())],
                                    dtype=object))
    copies = np.bincount(sig)[sig]
    eng = engagement.to_numpy(dtype=np.int64)
    # one row per identical token set: its most engaged copy (earliest on ties)
    t = pd.to_datetime(posts["time"], utc=True)
    tn = t.to_numpy(dtype="datetime64[ns]").view(np.int64)
    by = np.lexsort((np.where(t.isna().to_numpy(), np.iinfo(np.int64).max, tn), -eng))
    _, at = np.unique(sig[by], return_index=True)
    first = np.zeros(m, dtype=bool)
    first[by[at]] = True
    if "is_retweet" in posts.columns:
        original = ~posts["is_retweet"].fillna(False).astype(bool).to_numpy()
        if (first & original).any():
            first &= original
    pool = np.flatnonzero(first)
    # representativeness: the mean positive z of a post's terms (0 below three terms)
    zsum = np.bincount(np.repeat(np.arange(m), lens), weights=np.clip(z, 0, None)[codes], minlength=m)
    with np.errstate(invalid="ignore", divide="ignore"):
        rep = np.where(lens >= 3, zsum / np.maximum(lens, 1), 0.0)
    by_engaged = pool[np.lexsort((-copies[pool], -eng[pool]))]
    by_repr = pool[np.lexsort((-copies[pool], -rep[pool]))]

    def terms(i: int) -> frozenset:
        return frozenset(codes[bounds[i]:bounds[i + 1]].tolist())

    chosen: list[tuple[str, int]] = []
    picked: list[frozenset] = []
    for reason, ranked in (("engaged", by_engaged), ("representative", by_repr)):
        got = 0
        for i in ranked.tolist():
            if got == n or (reason == "engaged" and eng[i] <= 0):
                break
            mine = terms(i)
            if any(_near_duplicate(mine, x, min_similarity) for x in picked):
                continue
            chosen.append((reason, i))
            picked.append(mine)
            got += 1
    X = sparse.csr_matrix((np.ones(len(codes), dtype=np.int64), codes, bounds),
                          shape=(m, max(int(codes.max()) + 1 if len(codes) else 1, 1)))
    near_counts = _near_counts(X, lens, [i for _, i in chosen], min_similarity)
    rows = []
    for (reason, i), near in zip(chosen, near_counts):
        t = pd.Timestamp(posts.at[i, "time"])
        rows.append({
            "reason": reason,
            "time": t.tz_convert(tz) if t.tzinfo else t,
            "author": posts.at[i, "author"] if "author" in posts.columns else None,
            "text": posts.at[i, "text"],
            "engagement": int(eng[i]),
            "copies": int(max(near, copies[i])),
            "id": posts.at[i, "id"] if "id" in posts.columns else i,
        })
    return pd.DataFrame(rows, columns=cols)
