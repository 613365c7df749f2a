"""Coordinated accounts of a Dask collection: fingerprint uses shuffled by key, small merges.

Why not gather the posts: :func:`trendlib.graphs.coordinated_accounts` needs every post's
text, hashtags and links at once, which is what does not fit. The detector decomposes into
steps that each read one partition or one group of fingerprints
(:mod:`trendlib.graphs._coord_parts`):

1. each partition of posts becomes fingerprint *uses* (integers: row, account, time,
   signal, 63-bit key; no text), kept by the workers;
2. near-copy texts are compared hour by hour after a shuffle by hour, with the IDF of the
   whole collection (a tree sum), and linked keys are merged on the client (the links are
   few);
3. hashtag sets: accounts per set after a shuffle by key; lone sets join candidate
   supersets partition by partition;
4. the uses are shuffled by key: every fingerprint's occasions, accounts and repeated
   co-shares are found where all its uses are;
5. what scores need from outside a fingerprint (reference volumes in each occasion's span,
   the accounts' activity per bucket, the rarest tag's posts) comes from one pass over the
   uses and one over the posts, asking only about the candidates;
6. the evidence (uses of significant occasions and pairs, and their posts) is gathered and
   handed to the same tail as the pandas function, so the tables are equal.

Memory on the client is in proportion to the evidence and the candidates, not to the posts;
the workers hold the uses (about 40 bytes per fingerprint use).
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from .._validation import check_int, require_columns
from ._collection import check_lists, require_dask
from ._reduce import fold

__all__ = ["coordinated_accounts", "coordination_evidence"]

_FUNC = "coordinated_accounts"
_COLUMNS = ("id", "time", "author", "text", "hashtags", "urls", "is_retweet")


def _sum_arrays(parts: list) -> Any:
    parts = [p for p in parts if p is not None]
    return np.sum(parts, axis=0) if parts else None


def _shared(value: Any) -> Any:
    """One graph key for an argument every task of a step reads (not a copy per task)."""
    from dask import delayed

    return delayed(value, traverse=False)


def _or_empty(frame: pd.DataFrame | None, meta: pd.DataFrame) -> pd.DataFrame:
    return meta if frame is None else frame


def _concat(frames: list) -> pd.DataFrame | None:
    frames = [f for f in frames if f is not None and len(f)]
    return pd.concat(frames, ignore_index=True) if frames else None


def _apply_moves(uses: pd.DataFrame, src: np.ndarray, dst: np.ndarray, signals: list) -> pd.DataFrame:
    """The uses with merged keys (``src[i]`` -> ``dst[i]``, ``src`` sorted) on ``signals``:
    near copies to their component's key, lone hashtag sets to their superset."""
    sel = np.isin(uses["signal"].to_numpy(), signals)
    if not len(src) or not sel.any():
        return uses
    key = uses["key"].to_numpy(np.int64).copy()
    pos = np.minimum(np.searchsorted(src, key), len(src) - 1)
    hit = sel & (src[pos] == key)  # int64 throughout: a float round trip would change 63-bit keys
    key[hit] = dst[pos[hit]]
    return uses.assign(key=key)


def _options_of(ddf: Any, options: dict, func: str = _FUNC) -> tuple[dict, int]:
    """The collection checked and the options validated as the pandas function does: (opts, top)."""
    from ..graphs import coordinated_accounts as pandas_version
    from ..graphs._coord_scores import _options

    require_dask(func)
    check_lists(ddf, func)
    require_columns(ddf._meta, ["author", "time"], func=func, hint="trendlib.dask.read_posts(...)")

    sig = inspect.signature(inspect.unwrap(pandas_version))
    unknown = sorted(set(options) - set(sig.parameters) - {"posts"})
    if unknown:
        raise TypeError(f"trendlib.dask.{func}() got unexpected option(s) {unknown}; "
                        f"its options are those of trendlib.graphs.coordinated_accounts: {sorted(set(sig.parameters) - {'posts'})}.")
    bound = sig.bind(None, **options)
    bound.apply_defaults()
    kw = dict(bound.arguments)
    kw.pop("posts")
    top = check_int(kw.pop("top"), name="top", func=func)
    return _options(ddf._meta, func, **kw), top


def coordinated_accounts(ddf: Any, **options: Any) -> pd.DataFrame:
    """:func:`trendlib.graphs.coordinated_accounts` of a Dask collection of posts, out of core.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Canonical posts.
    **options
        As in :func:`trendlib.graphs.coordinated_accounts` (``signals=``, ``window=``,
        ``min_accounts=``, ``top=``...).

    Returns
    -------
    pandas.DataFrame
        The pandas function's group table: equal to it on the computed posts.

    Notes
    -----
    The posts are read twice (the fingerprint uses, then the evidence's posts), each time
    only the columns the step needs; the uses are persisted on the workers between steps.
    See the module docstring and docs/scale.md.

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib import graphs
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> coordinated_accounts(ddf).equals(graphs.coordinated_accounts(posts))
    True
    """
    opts, top = _options_of(ddf, options)
    return _run(ddf, opts, top)[0]


def coordination_evidence(ddf: Any, **options: Any) -> pd.DataFrame:
    """:func:`trendlib.graphs.coordination_evidence` of a Dask collection of posts, out of core.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Canonical posts.
    **options
        As in :func:`trendlib.graphs.coordination_evidence`.

    Returns
    -------
    pandas.DataFrame
        One row per (group, fingerprint, scale), equal to the pandas function's table.

    See Also
    --------
    coordinated_accounts : one row per group, from the same steps.

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib import graphs
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> coordination_evidence(ddf).equals(graphs.coordination_evidence(posts))
    True
    """
    if "top" in options:
        raise TypeError("trendlib.dask.coordination_evidence() got an unexpected option 'top' (it belongs to coordinated_accounts).")
    opts, _ = _options_of(ddf, options, "coordination_evidence")
    return _run(ddf, opts, 1)[1]


def _run(ddf: Any, opts: dict, top: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(groups, evidence): the six steps of the module docstring."""
    import dask
    from dask import delayed

    from ..graphs import _coord_parts as cp

    cols = [c for c in ddf.columns if c in _COLUMNS]
    posts = ddf[cols]
    parts = posts.to_delayed(optimize_graph=False)
    sig_of = {s: i for i, s in enumerate(opts["signals"])}
    uses_parts, time_parts, moves, set_tags = _merged_keys(parts, opts, sig_of)
    by_key = _by_key(uses_parts, moves, sig_of)
    per = _per_fingerprint(by_key, opts)
    occ, trips = per["occasions"], per["trips"]
    tag_sig = sig_of.get("hashtags", -1)
    queries = occ[occ["signal"].to_numpy() != tag_sig].reset_index(drop=True) if occ is not None else None
    accounts = np.unique(np.r_[trips["a"].to_numpy(), trips["b"].to_numpy()]) if trips is not None else np.zeros(0, np.int64)
    q = _shared(queries[["signal", "lo", "hi"]] if queries is not None else pd.DataFrame({"signal": [], "lo": [], "hi": []}))
    accounts = _shared(accounts)
    counted = dask.compute(*[delayed(cp.use_counts, pure=True)(p, queries=q, accounts=accounts, repeat_window=opts["repeat_window"])
                             for p in by_key.to_delayed()])
    totals = np.sum([c["totals"] for c in counted], axis=0)
    bursts = _burst_scores(per, counted, totals, time_parts, set_tags, opts, tag_sig)
    pairs = _pair_scores(trips, per["fps"], _concat([c["activity"] for c in counted]), totals, opts)
    return _evidence_tables(posts, parts, by_key, per, bursts, pairs, set_tags, opts, top)


def _merged_keys(parts: list, opts: dict, sig_of: dict) -> tuple[list, list, dict, dict]:
    """Steps 1-3: persisted uses and post times per partition, the key moves (near copies,
    hashtag supersets) and the tags of the hashtag sets that can be evidence."""
    import dask
    import dask.dataframe as dd
    from dask import delayed

    from ..graphs import _coord_parts as cp

    # the eligible texts (near copies) and distinct hashtag sets are kept only until used
    raw = [delayed(cp.post_uses, nout=6, pure=True)(p, part=i, opts=opts, func=_FUNC) for i, p in enumerate(parts)]
    ms = opts["min_similarity"]
    near_wanted = "text" in sig_of and ms is not None and ms < 1
    tags_wanted = "hashtags" in sig_of
    uses_parts, near_parts, set_parts, time_parts, df_total, n_docs = dask.persist(
        [r[0] for r in raw], [r[3] for r in raw] if near_wanted else [], [r[4] for r in raw] if tags_wanted else [],
        [r[5] for r in raw] if tags_wanted else [], fold([r[1] for r in raw], _sum_arrays), delayed(sum)([r[2] for r in raw]))
    df_total, n_docs = dask.compute(df_total, n_docs)
    moves: dict = {}  # keys are salted by signal: text and hashtag moves never meet
    if near_wanted and df_total is not None and n_docs >= 2:
        near = dd.from_delayed([delayed(_or_empty)(x, cp.NEAR_META) for x in near_parts], meta=cp.NEAR_META, verify_meta=False)
        edges = near.shuffle(on="hour").map_partitions(cp.near_edges, min_similarity=ms, df=delayed(df_total), n_docs=n_docs,
                                                        meta=pd.DataFrame({"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64)}))
        moves.update(cp.merge_keys(edges.compute().drop_duplicates(ignore_index=True)))
    del near_parts
    set_tags: dict = {}
    if tags_wanted:
        meta = cp.empty_uses()
        h = dd.from_delayed(uses_parts, meta=meta, verify_meta=False)
        h = h[h["signal"] == sig_of["hashtags"]]
        st = h.shuffle(on="key").map_partitions(cp.set_stats, meta=cp.set_stats(meta)).compute()
        shared = np.sort(st.loc[st["n_acc"] >= 2, "key"].to_numpy(np.int64))
        cands = st[(st["size"] >= 3) & (st["n_acc"] >= 2)].sort_values("key", ignore_index=True)
        # sets that can be evidence: candidates (lone sets may join them) and sets with enough accounts
        wanted = np.union1d(cands["key"].to_numpy(np.int64), st.loc[st["n_acc"] >= opts["min_accounts"], "key"].to_numpy(np.int64))
        if len(wanted):
            _wanted = _shared(wanted)
            tags = pd.concat(dask.compute(*[delayed(cp.sets_among, pure=True)(p, keys=_wanted) for p in set_parts]), ignore_index=True)
            tags = tags.drop_duplicates("key")
            set_tags = dict(zip(tags["key"].tolist(), tags["tags"]))
            cands = cands.merge(tags, on="key", how="inner")
        if len(cands):
            cands_d, shared_d = _shared(cands), _shared(shared)
            moved = _concat(list(dask.compute(*[delayed(cp.superset_moves, pure=True)(p, opts=opts, cands=cands_d, shared=shared_d) for p in set_parts])))
            if moved is not None:
                moves.update(zip(moved["key"].tolist(), moved["new"].tolist()))
    return uses_parts, time_parts, moves, set_tags


def _by_key(uses_parts: list, moves: dict, sig_of: dict) -> Any:
    """Step 4's input: the uses with merged keys, shuffled by key and persisted."""
    import dask.dataframe as dd
    from dask import delayed

    from ..graphs import _coord_parts as cp

    merged = [sig_of.get("text", -1), sig_of.get("hashtags", -1)]
    src = np.fromiter(moves.keys(), dtype=np.int64, count=len(moves))
    order = np.argsort(src)
    dst = np.fromiter(moves.values(), dtype=np.int64, count=len(moves))[order]
    src_d, dst_d = _shared(src[order]), _shared(dst)
    final = [delayed(_apply_moves, pure=True)(u, src_d, dst_d, merged) for u in uses_parts]
    return dd.from_delayed(final, meta=cp.empty_uses(), verify_meta=False).shuffle(on="key").persist()


def _per_fingerprint(by_key: Any, opts: dict) -> dict:
    """Step 4: candidates of every partition of fingerprints, gathered (``part`` tells occasions apart)."""
    import dask
    from dask import delayed

    from ..graphs import _coord_parts as cp

    burst_signals = [i for i, s in enumerate(opts["signals"]) if s in ("text", "hashtags", "url")]
    per = dask.compute(*[delayed(cp.fingerprint_stats, pure=True)(p, opts=opts, burst_signals=burst_signals) for p in by_key.to_delayed()])
    fps = _concat([p.get("fps") for p in per])
    if fps is None:
        fps = pd.DataFrame({"key": np.zeros(0, np.int64), "signal": np.zeros(0, np.int8), "uses": np.zeros(0, np.int64),
                            "m": np.zeros(0, np.int64), "first_row": np.zeros(0, np.int64), "first_sub": np.zeros(0, np.int32)})
    occ = _concat([p["occasions"].assign(part=i) for i, p in enumerate(per) if "occasions" in p])
    if occ is not None:
        occ = occ.merge(fps[["key", "signal", "uses", "m"]], on="key", how="left")
    return {"n_tests": max(sum(p["n_tested"] for p in per), 1), "fps": fps, "occasions": occ,
            "occasion_uses": _concat([p["occasion_uses"].assign(part=i) for i, p in enumerate(per) if "occasion_uses" in p]),
            "trips": _concat([p.get("trips") for p in per])}


def _share(inside: np.ndarray, total: np.ndarray) -> np.ndarray:
    """The share ``q`` of the reference volume in an occasion's span, as ``_bursts`` bounds it."""
    total = np.maximum(total, 1)
    return np.minimum(np.maximum(inside / total, 1 / total), 1.0)


def _burst_scores(per: dict, counted: tuple, totals: np.ndarray, time_parts: list, set_tags: dict, opts: dict, tag_sig: int) -> pd.DataFrame:
    """Step 5 for occasions: the significant ones (key, part, occ, lo, score)."""
    import dask
    from dask import delayed

    from ..graphs import _coord_parts as cp

    occ = per["occasions"]
    if occ is None:
        return pd.DataFrame(columns=["key", "part", "occ", "lo", "score"])
    ht = occ["signal"].to_numpy() == tag_sig
    q = np.zeros(len(occ))
    if (~ht).any():  # text and links: every use of the signal, without the fingerprint's own
        uq = occ[~ht]
        inside = np.sum([c["inside"] for c in counted], axis=0) - uq["own_in"].to_numpy()
        q[~ht] = _share(inside, totals[uq["signal"].to_numpy(np.int64)] - uq["uses"].to_numpy())
    if ht.any():  # hashtag sets: the posts of the set's rarest tag, else every post
        tq = occ[ht].reset_index(drop=True)
        tq = tq.assign(tag=tq["key"].map(set_tags)).explode("tag", ignore_index=True)
        all_tags = np.asarray(sorted(set(tq["tag"])), dtype=object)
        tag_hash = dict(zip(all_tags.tolist(), cp.stable_hash(all_tags).tolist()))
        hashes = np.sort(cp.stable_hash(all_tags))
        tags_d = _shared(hashes)
        tq_d = _shared(pd.DataFrame({"lo": tq["lo"], "hi": tq["hi"], "tag": tq["tag"].map(tag_hash).astype(np.int64)}))
        pc = dask.compute(*[delayed(cp.post_counts, pure=True)(p, tags=tags_d, queries=tq_d) for p in time_parts])
        n_valid = sum(c["n_valid"] for c in pc)
        total_of = dict(zip(hashes.tolist(), np.sum([c["tag_total"] for c in pc], axis=0).tolist()))
        tq = tq.assign(t_total=tq["tag"].map(tag_hash).map(total_of), t_in=np.sum([c["tag_inside"] for c in pc], axis=0),
                       every=np.sum([c["every"] for c in pc], axis=0))
        # the rarest tag of the set (ties: the first by name), as _references picks it
        tq = tq.sort_values(["part", "occ", "t_total", "tag"], kind="stable").drop_duplicates(["part", "occ"])
        tq = tq.set_index(["part", "occ"]).reindex(pd.MultiIndex.from_frame(occ.loc[ht, ["part", "occ"]]))
        own_in, uses = tq["own_in"].to_numpy(), tq["uses"].to_numpy()
        rows_j = tq["t_total"].to_numpy() - uses
        by_tag = rows_j >= tq["m"].to_numpy()
        q[ht] = _share(np.where(by_tag, tq["t_in"].to_numpy() - own_in, tq["every"].to_numpy() - own_in),
                       np.where(by_tag, rows_j, n_valid - uses))
    m = occ["m"].to_numpy(np.int64)
    p = np.minimum(1.0, m * stats.binom.sf(occ["k"].to_numpy() - 2, m - 1, q))
    score = -np.log10(np.maximum(p * per["n_tests"], 1e-300))
    return occ.assign(score=score)[score >= opts["min_score"]][["key", "part", "occ", "lo", "score"]]


def _pair_scores(trips: pd.DataFrame | None, fps: pd.DataFrame, activity: pd.DataFrame | None, totals: np.ndarray, opts: dict) -> pd.DataFrame:
    """Step 5 for repeated co-shares: the significant (a, b, key, c, score), as ``_pairs`` scores them."""
    if trips is None:
        return pd.DataFrame({"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64), "key": np.zeros(0, np.int64),
                             "c": np.zeros(0, np.int64), "score": np.zeros(0)})
    trips = trips.merge(fps[["key", "signal", "uses"]], on="key", how="left").reset_index(drop=True)
    trips["t"] = np.arange(len(trips))
    act = activity if activity is not None else pd.DataFrame({"acc": [], "signal": [], "bucket": [], "n": []})
    ta = trips[["t", "a", "signal"]].merge(act.rename(columns={"acc": "a"}), on=["a", "signal"])
    tb = trips[["t", "b", "signal"]].merge(act.rename(columns={"acc": "b"}), on=["b", "signal"])
    both = ta[["t", "bucket", "n"]].merge(tb[["t", "bucket", "n"]], on=["t", "bucket"])
    # the pair's co-activity: sum over buckets of the product of their uses of the signal
    co = np.bincount(both["t"].to_numpy(np.int64), weights=(both["n_x"] * both["n_y"]).to_numpy(float), minlength=len(trips))
    share = trips["uses"].to_numpy() / totals[trips["signal"].to_numpy(np.int64)]
    c = trips["c"].to_numpy(np.int64)
    p = stats.poisson.sf(c - 1, np.maximum(share ** 2 * co, 1e-300))
    trips["score"] = -np.log10(np.maximum(p * len(trips), 1e-300))
    return trips[trips["score"].to_numpy() >= opts["min_score"]][["a", "b", "key", "c", "score"]].reset_index(drop=True)


def _evidence_tables(posts: Any, parts: list, by_key: Any, per: dict, bursts: pd.DataFrame, pairs: pd.DataFrame,
                     set_tags: dict, opts: dict, top: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Step 6: the uses and posts of the evidence, in the pandas function's order, through its tail."""
    import dask
    from dask import delayed

    from .._keys import account_key
    from ..graphs import _coord_parts as cp
    from ..graphs._coordination import _evidence, _tables

    burst_uses = per["occasion_uses"].merge(bursts[["part", "occ"]], on=["part", "occ"], how="inner") if len(bursts) else None
    picked = None
    if len(pairs):
        who = pd.DataFrame({"acc": np.r_[pairs["a"], pairs["b"]], "key": np.r_[pairs["key"], pairs["key"]]}).drop_duplicates()
        who_d = _shared(who)
        picked = _concat(list(dask.compute(*[delayed(cp.pick_uses, pure=True)(p, pairs=who_d) for p in by_key.to_delayed()])))
    # the uses in the pandas function's order: by signal, then post, then link
    mini = _concat([burst_uses, picked])
    mini = (mini if mini is not None else cp.empty_uses())[[c for c in cp.USE_COLUMNS if c != "size"]]
    mini = mini.drop_duplicates(["signal", "row", "sub"]).sort_values(["signal", "row", "sub"], ignore_index=True)
    info = per["fps"].set_index("key").reindex(pd.unique(mini["key"].to_numpy()))
    if not len(mini):
        shown = posts._meta[[c for c in ("id", "text") if c in posts.columns]]
        u = {"post": np.zeros(0, np.int64), "fp": np.zeros(0, np.int64), "signal": np.zeros(0, np.int64), "account": np.zeros(0, np.int64),
             "time": np.zeros(0, np.int64), "accounts": np.zeros(0, dtype=object), "n_accounts": 0, "label": str}
        return _tables(shown, _evidence(u, pd.DataFrame(columns=["fp", "rows", "score"]), pairs.iloc[:0].rename(columns={"key": "fp"}), opts), u, opts, top)
    rows = np.unique(np.r_[mini["row"].to_numpy(np.int64), info["first_row"].to_numpy(np.int64)])
    # hashtags and links only for the first posts of fingerprints shown by them
    sig_names = np.asarray(opts["signals"], dtype=object)[info["signal"].to_numpy(np.int64)] if len(info) else np.zeros(0, dtype=object)
    wide = np.isin(sig_names, ["url", "domain"]) | ((sig_names == "hashtags") & ~np.isin(info.index.to_numpy(), list(set_tags)))
    wide_rows = np.unique(info["first_row"].to_numpy(np.int64)[wide])
    rows_d, wide_d = _shared(rows), _shared(wide_rows)
    fetched = dask.compute(*[delayed(cp.fetch_posts, pure=True)(p, part=i, rows=rows_d, columns=["id", "author", "text"],
                                                                 wide_rows=wide_d, wide_columns=["hashtags", "urls"])
                             for i, p in enumerate(parts)])
    got = pd.concat([f[0] for f in fetched], ignore_index=True).sort_values("row", ignore_index=True)
    extra = pd.concat([f[1] for f in fetched], ignore_index=True)
    got = got.merge(extra, on="row", how="left") if len(extra) else got
    got_rows = got["row"].to_numpy()
    # fingerprint codes in the pandas order: by signal, then first use
    rank = info.reset_index().sort_values(["signal", "first_row", "first_sub"], kind="stable")["key"].to_numpy()
    code_of = pd.Series(np.arange(len(rank), dtype=np.int64), index=rank)
    acc_codes, acc_uniq = pd.factorize(mini["acc"].to_numpy())
    acc_code_of = pd.Series(np.arange(len(acc_uniq), dtype=np.int64), index=np.asarray(acc_uniq, dtype=np.int64))
    post_pos = np.searchsorted(got_rows, mini["row"].to_numpy())
    authors = got["author"].to_numpy(dtype=object)
    first_use = pd.Series(np.arange(len(mini))).groupby(acc_codes).first().sort_index().to_numpy()
    names = np.asarray([account_key(authors[post_pos[i]]) for i in first_use], dtype=object)
    u = {"post": post_pos.astype(np.int64), "fp": code_of.reindex(mini["key"].to_numpy()).to_numpy(np.int64),
         "signal": mini["signal"].to_numpy(np.int64), "account": np.asarray(acc_codes, dtype=np.int64),
         "time": mini["time"].to_numpy(np.int64), "accounts": names, "n_accounts": len(acc_uniq),
         "label": _labeler(got, info, rank, set_tags, opts["signals"])}
    blist = []
    if len(bursts):
        use_index = pd.Series(np.arange(len(mini)), index=pd.MultiIndex.from_frame(mini[["signal", "row", "sub"]]))
        bu = burst_uses.sort_values(["part", "occ", "time", "signal", "row", "sub"], kind="stable")
        idx = use_index.reindex(pd.MultiIndex.from_frame(bu[["signal", "row", "sub"]])).to_numpy(np.int64)
        rows_of = pd.Series(idx).groupby([bu["part"].to_numpy(), bu["occ"].to_numpy()], sort=False).agg(list)
        b = bursts.assign(code=code_of.reindex(bursts["key"].to_numpy()).to_numpy()).sort_values(["code", "lo"], kind="stable")
        blist = [{"fp": int(r.code), "rows": np.asarray(rows_of.loc[(r.part, r.occ)], dtype=np.int64), "score": float(r.score)}
                 for r in b.itertuples(index=False)]
    pframe = pd.DataFrame({"a": acc_code_of.reindex(pairs["a"].to_numpy(np.int64)).to_numpy(np.int64),
                           "b": acc_code_of.reindex(pairs["b"].to_numpy(np.int64)).to_numpy(np.int64),
                           "fp": code_of.reindex(pairs["key"].to_numpy(np.int64)).to_numpy(np.int64),
                           "c": pairs["c"].to_numpy(np.int64), "score": pairs["score"].to_numpy(float)})
    evidence = _evidence(u, pd.DataFrame(blist, columns=["fp", "rows", "score"]), pframe, opts)
    return _tables(got[[c for c in ("id", "text") if c in got.columns]], evidence, u, opts, top)


def _labeler(got: pd.DataFrame, info: pd.DataFrame, rank: np.ndarray, set_tags: dict, names: tuple) -> Any:
    """code -> the fingerprint as shown (the first post's text, the set's tags, the link),
    all computed at once: one ``url_strings`` call for every link fingerprint."""
    from ..graphs import _fingerprints as fpm
    from ..graphs._util import incidence

    rows = got["row"].to_numpy()
    ordered = info.reindex(rank)
    sig = np.asarray([names[int(x)] for x in ordered["signal"]], dtype=object)
    pos = np.searchsorted(rows, ordered["first_row"].to_numpy(np.int64))
    shown = np.empty(len(rank), dtype=object)
    texty = np.flatnonzero(np.isin(sig, ["text", "retweet"]))
    if len(texty):
        texts = got["text"].to_numpy(dtype=object)
        shown[texty] = fpm.display_texts(texts, pos[texty])
    for i in np.flatnonzero(sig == "hashtags"):
        tags = set_tags.get(int(rank[i]))
        if tags is None:
            X, labels = incidence([got["hashtags"].iloc[pos[i]]], lower=True)
            tags = labels[X.indices].tolist()
        shown[i] = " ".join("#" + x for x in tags)
    for kind in ("url", "domain"):
        sel = np.flatnonzero(sig == kind)
        if len(sel):
            first = np.unique(pos[sel])
            idx, links = fpm.url_strings(got.iloc[first].reset_index(drop=True), np.ones(len(first), dtype=bool), domain=kind == "domain", func=_FUNC)
            sub = pd.Series(np.arange(len(idx))).groupby(idx).cumcount().to_numpy()
            where = {(int(first[p]), int(k)): str(x) for p, k, x in zip(idx, sub, links)}
            for i in sel:
                shown[i] = where[(int(pos[i]), int(ordered["first_sub"].iloc[i]))]
    return shown.__getitem__
