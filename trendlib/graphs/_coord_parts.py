"""Coordination over partitions of posts: partition-pure steps whose merge is exact.

Why: :func:`trendlib.graphs.coordinated_accounts` reads every post of a collection at once
(fingerprints are numbered, merged and scored globally). For a collection too large for one
process (:mod:`trendlib.dask`) the same detector runs in steps that each read one partition
or one group of fingerprints, and only small results are merged:

1. :func:`post_uses` turns a partition of posts into fingerprint *uses*
   ``(row, sub, acc, time, signal, key)``. Keys are 63-bit hashes of what posts share
   (normalised words, the lowercased hashtag set, the link), so a fingerprint has the same
   key in every partition; rows are ``partition << 32 | position`` (the collection's order).
2. Near copies: :func:`near_rows` sends each eligible text to its hour (and the first
   ``_NEAR_SPAN`` of an hour also to the hour before); :func:`near_edges` finds the near
   pairs of one hour with the collection's IDF (:func:`~._fingerprints.document_frequency`
   summed over partitions), so the pairs are those of the whole collection.
3. Hashtag supersets: :func:`set_stats` (after a shuffle by key), :func:`sets_among` and
   :func:`superset_moves` (on each partition's distinct sets) apply the rule of
   :func:`~._fingerprints.hashtag_uses`.
4. After a shuffle of the uses by key, :func:`fingerprint_stats` finds each fingerprint's
   occasions, accounts and repeated co-shares; what their scores need from outside the
   fingerprint (reference volumes, accounts' activity) comes from :func:`use_counts` and
   :func:`post_counts`.

:mod:`trendlib.dask._coordination` runs these steps and hands the gathered evidence to the
same scoring tail as the pandas function (``_evidence`` and ``_tables``), so the tables
are equal.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse

from . import _fingerprints as fpm
from ._coord_scores import _MAX_UNIT, post_accounts
from ._interaction import _retweet_flags
from ._util import incidence, list_column, post_pairs

__all__: list[str] = []

USE_COLUMNS = {"row": np.int64, "sub": np.int32, "acc": np.int64, "time": np.int64, "signal": np.int8,
               "key": np.int64, "size": np.int16}
_SALT = {"text": 0x1F3A5C7E9B2D4F61, "hashtags": 0x2B4D6F8A1C3E5A79, "retweet": 0x3C5E7A9B2D4F6B13,
         "url": 0x4D6F8B1C3E5A7C25, "domain": 0x5E7A9C2D4F6B8D37}
_LOW63 = np.uint64(0x7FFFFFFFFFFFFFFF)
HOUR = 3600 * 10**9


def stable_hash(values: Any) -> np.ndarray:
    """Non-negative int64 hashes of strings, equal in every process and partition."""
    arr = np.asarray(values, dtype=object)
    if not len(arr):
        return np.zeros(0, dtype=np.int64)
    return (pd.util.hash_array(arr, categorize=False) >> np.uint64(1)).astype(np.int64)


def _salted(h: np.ndarray, signal: str) -> np.ndarray:
    return ((h.astype(np.uint64) ^ np.uint64(_SALT[signal])) & _LOW63).astype(np.int64)


def empty_uses() -> pd.DataFrame:
    return pd.DataFrame({c: np.zeros(0, dtype=d) for c, d in USE_COLUMNS.items()})


def _frame_basics(frame: pd.DataFrame, part: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """rows, times, account hashes, valid, retweet flags of one partition (as ``_uses`` decides them)."""
    n = len(frame)
    rows = (np.int64(part) << np.int64(32)) + np.arange(n, dtype=np.int64)
    t, codes, keys, valid = post_accounts(frame)
    return rows, t, stable_hash(keys)[codes], valid, _retweet_flags(frame)


def set_hashes(X: sparse.csr_matrix, labels: np.ndarray) -> np.ndarray:
    """A 63-bit key per row of an incidence matrix: equal for equal sets of labels."""
    return (fpm._row_hash(X, stable_hash(labels).astype(np.uint64)) & _LOW63).astype(np.int64)


def post_uses(frame: pd.DataFrame, *, part: int, opts: dict, func: str) -> tuple:
    """Fingerprint uses of one partition; the document frequencies of its eligible texts,
    their number, their :func:`near_rows` (when near copies are merged), its distinct
    hashtag sets (``key``, ``tags``: sorted lowercase tags) and its :func:`post_times`."""
    rows, t, acc, valid, rt = _frame_basics(frame, part)
    out = []
    coded = None
    df, n_docs, near, sets, times = None, 0, None, None, None
    for i, s in enumerate(opts["signals"]):
        if s in ("text", "retweet") and "text" not in frame.columns or s in ("url", "domain") and "urls" not in frame.columns:
            continue
        if s in ("text", "retweet") and coded is None:
            coded = fpm.text_codes(frame["text"])
        size = None
        sub = None
        if s in ("text", "retweet"):
            n_words = np.diff(coded[0])
            ok = valid & ~rt & (n_words >= opts["min_tokens"]) if s == "text" else valid & rt & (n_words > 0)
            idx = np.flatnonzero(ok)
            key = _salted(coded[2][idx].astype(np.uint64) & _LOW63, s)
            if s == "text" and opts["min_similarity"] is not None and opts["min_similarity"] < 1:
                df, n_docs = fpm.document_frequency(coded[0], coded[1], idx), len(idx)
                near = near_rows(rows[idx], t[idx], frame["text"].to_numpy(dtype=object)[idx])
        elif s == "hashtags":
            X, labels = incidence(list_column(frame, "hashtags", func=func), lower=True)
            X = X.tocsr()
            n_tags = np.diff(X.indptr)
            times = post_times(X, labels, t, valid, rt)
            idx = np.flatnonzero(valid & ~rt & (n_tags >= opts["min_hashtags"]))
            key = _salted(set_hashes(X[idx], labels).astype(np.uint64), s)
            size = n_tags[idx]
            first = ~pd.Series(key).duplicated().to_numpy()
            sets = pd.DataFrame({"key": key[first],
                                 "tags": pd.Series([tuple(labels[X.indices[X.indptr[i]:X.indptr[i + 1]]].tolist()) for i in idx[first]], dtype=object)})
        else:
            idx, links = fpm.url_strings(frame, valid & ~rt, domain=s == "domain", func=func)
            key = _salted(stable_hash(links).astype(np.uint64), s)
            sub = pd.Series(idx).groupby(idx).cumcount().to_numpy()
        if not len(idx):
            continue
        out.append(pd.DataFrame({
            "row": rows[idx], "sub": np.zeros(len(idx), np.int32) if sub is None else sub.astype(np.int32),
            "acc": acc[idx], "time": t[idx], "signal": np.full(len(idx), i, dtype=np.int8), "key": key,
            "size": np.zeros(len(idx), np.int16) if size is None else np.minimum(size, 32767).astype(np.int16)}))
    uses = pd.concat(out, ignore_index=True) if out else empty_uses()
    return uses.astype(USE_COLUMNS), df, n_docs, near, sets, times


# -- near copies ---------------------------------------------------------------------------

def near_rows(rows: np.ndarray, t: np.ndarray, texts: np.ndarray) -> pd.DataFrame:
    """Eligible texts, each in its hour; the first ``_NEAR_SPAN`` of an hour also in the hour
    before (``own`` False), where a pair across the boundary is found."""
    hour = t // HOUR
    early = np.flatnonzero(t - hour * HOUR <= fpm._NEAR_SPAN)
    both = np.r_[np.arange(len(rows)), early]
    return pd.DataFrame({"row": rows[both], "time": t[both], "text": pd.Series(texts[both], dtype=object),
                         "hour": np.r_[hour, hour[early] - 1], "own": np.r_[np.ones(len(rows), bool), np.zeros(len(early), bool)]})


NEAR_META = near_rows(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, dtype=object))


def near_edges(frame: pd.DataFrame, *, min_similarity: float, df: np.ndarray, n_docs: int) -> pd.DataFrame:
    """Distinct (text key, text key) pairs of near copies among the hours of one partition."""
    out = []
    if len(frame):
        frame = frame.sort_values(["hour", "time", "row"], kind="stable")
        indptr, codes, key = fpm.text_codes(frame["text"])
        key = _salted(key.astype(np.uint64) & _LOW63, "text")
        hours = frame["hour"].to_numpy()
        own = frame["own"].to_numpy()
        t = frame["time"].to_numpy(np.int64)
        cut = np.flatnonzero(hours[1:] != hours[:-1]) + 1
        tables = fpm.idf_tables(df, n_docs)  # once for every hour of the partition
        for lo, hi in zip(np.r_[0, cut], np.r_[cut, len(frame)]):
            if hi - lo < 2 or not own[lo:hi].any():
                continue
            sel = np.arange(lo, hi)
            r, c = fpm.near_pairs(indptr, codes, sel, t[lo:hi], min_similarity, tables=tables)
            keep = own[sel[r]]  # the earlier post of the pair belongs to this hour
            a, b = key[sel[r[keep]]], key[sel[c[keep]]]
            diff = a != b
            out.append(pd.DataFrame({"a": np.minimum(a, b)[diff], "b": np.maximum(a, b)[diff]}))
    if not out:
        return pd.DataFrame({"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64)})
    return pd.concat(out, ignore_index=True).drop_duplicates(ignore_index=True)


def merge_keys(edges: pd.DataFrame) -> dict:
    """key -> the smallest key of its connected component (linked near copies)."""
    if not len(edges):
        return {}
    from scipy.sparse.csgraph import connected_components

    codes, uniq = pd.factorize(np.r_[edges["a"].to_numpy(np.int64), edges["b"].to_numpy(np.int64)])
    n = len(uniq)
    m = len(edges)
    _, label = connected_components(sparse.coo_matrix((np.ones(m), (codes[:m], codes[m:])), shape=(n, n)), directed=False)
    uniq = np.asarray(uniq, dtype=np.int64)
    rep = pd.Series(uniq).groupby(label).transform("min").to_numpy()
    return {int(k): int(r) for k, r in zip(uniq, rep) if k != r}


# -- hashtag supersets ---------------------------------------------------------------------

def set_stats(uses: pd.DataFrame) -> pd.DataFrame:
    """Per hashtag-set key (all its uses in this partition): accounts, uses, first row, size."""
    if not len(uses):
        return pd.DataFrame({"key": np.zeros(0, np.int64), "n_acc": np.zeros(0, np.int64), "uses": np.zeros(0, np.int64),
                             "first": np.zeros(0, np.int64), "size": np.zeros(0, np.int16)})
    g = uses.groupby("key", sort=True)
    return pd.DataFrame({"n_acc": g["acc"].nunique(), "uses": g.size(), "first": g["row"].min(), "size": g["size"].first()}).reset_index()


def sets_among(sets: pd.DataFrame | None, *, keys: np.ndarray) -> pd.DataFrame:
    """The rows of a partition's distinct hashtag sets whose key is among ``keys`` (sorted)."""
    if sets is None or not len(sets):
        return pd.DataFrame({"key": np.zeros(0, np.int64), "tags": pd.Series([], dtype=object)})
    return sets[np.isin(sets["key"].to_numpy(), keys)].reset_index(drop=True)


def superset_moves(sets: pd.DataFrame | None, *, opts: dict, cands: pd.DataFrame, shared: np.ndarray) -> pd.DataFrame:
    """(key, new key) for the lone hashtag sets of one partition that join a candidate set.

    ``sets``: the partition's distinct sets (key, tags); ``cands``: key, tags, size, uses,
    first of the sets of >= 3 tags used by >= 2 accounts; ``shared``: sorted keys of every
    set used by >= 2 accounts. Whether a post's set joins, and which, depends on the set
    alone; the rule and its order (largest set, most used, first seen) are those of
    :func:`~._fingerprints.hashtag_uses`.
    """
    empty = pd.DataFrame({"key": np.zeros(0, np.int64), "new": np.zeros(0, np.int64)})
    if sets is None or not len(sets) or not len(cands):
        return empty
    n_tags = sets["tags"].map(len).to_numpy(np.int64)
    key = sets["key"].to_numpy(np.int64)
    lone = np.flatnonzero(~np.isin(key, shared) & (n_tags >= 4))
    if not len(lone):
        return empty
    vocab = {t: j for j, t in enumerate(sorted({t for ts in cands["tags"] for t in ts}))}
    ci = np.repeat(np.arange(len(cands)), cands["tags"].map(len).to_numpy())
    cj = np.fromiter((vocab[t] for ts in cands["tags"] for t in ts), dtype=np.int64, count=len(ci))
    C = sparse.csr_matrix((np.ones(len(ci)), (ci, cj)), shape=(len(cands), len(vocab)))
    pr, pj = [], []
    for r, ts in enumerate(sets["tags"].to_numpy(dtype=object)[lone]):
        for x in ts:
            j = vocab.get(x)
            if j is not None:
                pr.append(r)
                pj.append(j)
    P = sparse.csr_matrix((np.ones(len(pr)), (np.asarray(pr, np.int64), np.asarray(pj, np.int64))), shape=(len(lone), len(vocab)))
    overlap = (P @ C.T).tocoo()
    csize = cands["size"].to_numpy(np.int64)[overlap.col]
    psize = n_tags[lone][overlap.row]
    good = (overlap.data == csize) & (csize * 3 >= psize * 2) & (csize < psize)
    if not good.any():
        return empty
    r, c = overlap.row[good], overlap.col[good]
    rank = np.lexsort((cands["first"].to_numpy(np.int64)[c], -cands["uses"].to_numpy(np.int64)[c], -csize[good], r))
    r, c = r[rank], c[rank]
    first = np.r_[True, r[1:] != r[:-1]]
    return pd.DataFrame({"key": key[lone[r[first]]], "new": cands["key"].to_numpy(np.int64)[c[first]]})


# -- per fingerprint -----------------------------------------------------------------------

def fingerprint_stats(uses: pd.DataFrame, *, opts: dict, burst_signals: list) -> dict:
    """What one shuffled partition (every use of its keys) tells about its fingerprints.

    Returns ``n_tested`` (keys with >= ``min_accounts`` accounts), ``fps`` (keys with >= 2
    accounts: signal, first (row, sub), first exact row, uses, accounts), ``occasions``
    (occasions of >= ``min_accounts`` accounts of a burst signal: key, occasion id, lo, hi,
    k, the fingerprint's uses in [lo, hi]) with ``occasion_uses`` (their uses) and
    ``trips`` (account pairs with >= 2 repeated co-shares of a key: a, b, key, c).
    """
    out: dict = {"n_tested": 0}
    if not len(uses):
        return out
    uses = uses.sort_values(["key", "time", "signal", "row", "sub"], kind="stable", ignore_index=True)
    key, t, acc = (uses[c].to_numpy(np.int64) for c in ("key", "time", "acc"))
    kcodes, kuniq = pd.factorize(key)  # sorted by key: codes ascend
    ka = pd.DataFrame({"k": kcodes, "a": acc}).drop_duplicates()
    m = np.bincount(ka["k"].to_numpy(), minlength=len(kuniq))
    out["n_tested"] = int((m >= opts["min_accounts"]).sum())
    multi = m[kcodes] >= 2
    u = uses[multi].reset_index(drop=True)
    if not len(u):
        return out
    key, t, acc, kc = u["key"].to_numpy(np.int64), u["time"].to_numpy(np.int64), u["acc"].to_numpy(np.int64), kcodes[multi]
    order = np.lexsort((u["sub"].to_numpy(), u["row"].to_numpy(), u["signal"].to_numpy()))
    fr = u.iloc[order].drop_duplicates("key")
    g = u.groupby("key", sort=True)
    fps = pd.DataFrame({"signal": g["signal"].first(), "uses": g.size(), "m": pd.Series(m[np.unique(kc)], index=np.asarray(kuniq)[np.unique(kc)])})
    fps = fps.join(fr.set_index("key")[["row", "sub"]].rename(columns={"row": "first_row", "sub": "first_sub"}))
    out["fps"] = fps.rename_axis("key").reset_index()
    # occasions: runs of a key's uses at most `window` apart
    new = np.r_[True, (key[1:] != key[:-1]) | (np.diff(t) > opts["window"])]
    occ = np.cumsum(new) - 1
    ac, auq = pd.factorize(acc)
    n_a = max(len(auq), 1)
    oa = pd.unique(occ.astype(np.int64) * n_a + ac)  # distinct accounts per occasion
    k = np.bincount(oa // n_a, minlength=int(occ[-1]) + 1)
    starts = np.flatnonzero(new)
    ends = np.r_[starts[1:], len(occ)]
    sig = u["signal"].to_numpy()
    big = np.flatnonzero((k >= opts["min_accounts"]) & np.isin(sig[starts], burst_signals))
    if len(big):
        lo = t[starts[big]]
        hi = np.maximum(t[ends[big] - 1], lo + 60 * 10**9)
        ks = key[starts[big]]
        # the fingerprint's own uses inside [lo, hi] (also those outside the occasion)
        first_of_key = np.searchsorted(key, ks, "left")
        last_of_key = np.searchsorted(key, ks, "right")
        own_in = np.array([np.searchsorted(t[a:b], h, "right") - np.searchsorted(t[a:b], lw, "left")
                           for a, b, lw, h in zip(first_of_key, last_of_key, lo, hi)], dtype=np.int64)
        out["occasions"] = pd.DataFrame({"key": ks, "occ": big.astype(np.int64), "lo": lo, "hi": hi, "k": k[big], "own_in": own_in})
        take = np.concatenate([np.arange(starts[o], ends[o]) for o in big])
        ou = u.iloc[take][["row", "sub", "acc", "time", "signal", "key"]].reset_index(drop=True)
        ou["occ"] = np.repeat(big, ends[big] - starts[big]).astype(np.int64)
        out["occasion_uses"] = ou
    # repeated co-shares (as _pairs): accounts of one (key, bucket) unit, 2 to _MAX_UNIT of them
    units = pd.DataFrame({"key": key, "b": t // opts["repeat_window"], "acc": acc}).drop_duplicates()
    ucode = units.groupby(["key", "b"], sort=False).ngroup().to_numpy()
    size = np.bincount(ucode)
    keep = (size[ucode] >= 2) & (size[ucode] <= _MAX_UNIT)
    if keep.any():
        acodes, auniq = pd.factorize(units["acc"].to_numpy()[keep])
        U = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.int64), (ucode[keep], acodes)), shape=(len(size), len(auniq)))
        unit_key = np.zeros(len(size), dtype=np.int64)
        unit_key[ucode] = units["key"].to_numpy()
        unit, pa, pb = post_pairs(U)
        auniq = np.asarray(auniq, dtype=np.int64)
        a, b = auniq[pa.astype(np.int64)], auniq[pb.astype(np.int64)]
        trip = pd.DataFrame({"a": np.minimum(a, b), "b": np.maximum(a, b), "key": unit_key[unit]})
        trip = trip.groupby(["a", "b", "key"], sort=False).size().rename("c").reset_index()
        trip = trip[trip["c"].to_numpy() >= 2]
        if len(trip):
            out["trips"] = trip.reset_index(drop=True)
    return out


def use_counts(uses: pd.DataFrame, *, queries: pd.DataFrame, accounts: np.ndarray, repeat_window: int) -> dict:
    """Per partition of uses: uses per signal, uses of a query's signal in [lo, hi] and the
    accounts' uses per (account, signal, bucket)."""
    sig = uses["signal"].to_numpy()
    t = uses["time"].to_numpy(np.int64)
    totals = np.bincount(sig.astype(np.int64), minlength=8)
    inside = np.zeros(len(queries), dtype=np.int64)
    for s in np.unique(queries["signal"].to_numpy()) if len(queries) else []:
        ts = np.sort(t[sig == s])
        q = np.flatnonzero(queries["signal"].to_numpy() == s)
        inside[q] = np.searchsorted(ts, queries["hi"].to_numpy()[q], "right") - np.searchsorted(ts, queries["lo"].to_numpy()[q], "left")
    act = uses[np.isin(uses["acc"].to_numpy(), accounts)]
    activity = act.assign(bucket=act["time"].to_numpy() // repeat_window).groupby(["acc", "signal", "bucket"]).size().rename("n").reset_index()
    return {"totals": totals, "inside": inside, "activity": activity}


def post_times(X: sparse.csr_matrix, labels: np.ndarray, t: np.ndarray, valid: np.ndarray, rt: np.ndarray) -> dict:
    """What the hashtag references read of one partition's posts, as integers: the times of
    the valid posts (``every``), and (tag hash, time) of each tag of each valid post that is
    not a retweet (``tags``; a tag once per post)."""
    ok = valid & ~rt
    lens = np.diff(X.indptr)
    post = np.repeat(np.arange(X.shape[0]), lens)
    keep = ok[post]
    tag = stable_hash(labels)[X.indices[keep]] if len(labels) else np.zeros(0, np.int64)
    return {"every": np.sort(t[valid]), "tags": pd.DataFrame({"tag": tag, "time": t[post[keep]]})}


def post_counts(times: dict | None, *, tags: np.ndarray, queries: pd.DataFrame) -> dict:
    """Per partition (its :func:`post_times`): valid posts, valid posts in each query's
    [lo, hi], posts (valid, not retweets) with each tag hash of ``tags`` and with the
    query's tag in its [lo, hi]."""
    lo, hi = queries["lo"].to_numpy(np.int64), queries["hi"].to_numpy(np.int64)
    tag_total = np.zeros(len(tags), dtype=np.int64)
    tag_inside = np.zeros(len(queries), dtype=np.int64)
    if times is None:
        return {"n_valid": 0, "every": np.zeros(len(queries), np.int64), "tag_total": tag_total, "tag_inside": tag_inside}
    tv = times["every"]
    every = np.searchsorted(tv, hi, "right") - np.searchsorted(tv, lo, "left")
    tt = times["tags"]
    tt = tt[np.isin(tt["tag"].to_numpy(), tags)].sort_values(["tag", "time"], ignore_index=True)
    th, tm = tt["tag"].to_numpy(), tt["time"].to_numpy()
    qtag = queries["tag"].to_numpy(np.int64)
    for i, x in enumerate(tags):
        a, b = np.searchsorted(th, x, "left"), np.searchsorted(th, x, "right")
        tag_total[i] = b - a
        q = np.flatnonzero(qtag == x)
        tag_inside[q] = np.searchsorted(tm[a:b], hi[q], "right") - np.searchsorted(tm[a:b], lo[q], "left")
    return {"n_valid": len(tv), "every": every, "tag_total": tag_total, "tag_inside": tag_inside}


def fetch_posts(frame: pd.DataFrame, *, part: int, rows: np.ndarray, columns: list, wide_rows: np.ndarray, wide_columns: list) -> tuple:
    """The ``columns`` of this partition's posts among ``rows`` and the ``wide_columns`` of
    those among ``wide_rows`` (both sorted), each with its ``row``: the evidence needs ids,
    authors and texts of all its posts, hashtags and links of a few."""
    def take(rs: np.ndarray, cols: list) -> pd.DataFrame:
        own = rs[(rs >> 32) == part] & np.int64(0xFFFFFFFF)
        out = frame.iloc[own][[c for c in cols if c in frame.columns]].reset_index(drop=True)
        out.insert(0, "row", (np.int64(part) << np.int64(32)) + own)
        return out

    return take(rows, columns), take(wide_rows, wide_columns)


def pick_uses(uses: pd.DataFrame, *, pairs: pd.DataFrame) -> pd.DataFrame:
    """The uses of (account, key) pairs of ``pairs`` (columns acc, key)."""
    if not len(pairs) or not len(uses):
        return uses.iloc[:0]
    return uses.merge(pairs[["acc", "key"]].drop_duplicates(), on=["acc", "key"], how="inner")
