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

__all__ = ["coordinated_accounts", "coordination_evidence"]

_FUNC = "coordinated_accounts"
_COLUMNS = ("id", "time", "author", "text", "hashtags", "urls", "is_retweet")


def _sum_arrays(parts: list) -> Any:
    parts = [p for p in parts if p is not None]
    return np.sum(parts, axis=0) if parts else None


def _tree(items: list, merge: Any, fan: int = 8) -> Any:
    from dask import delayed

    level = list(items)
    if not level:
        return delayed(merge)([])
    while len(level) > 1:
        level = [delayed(merge, pure=True)(level[i:i + fan]) for i in range(0, len(level), fan)]
    return delayed(merge, pure=True)(level)


def _or_empty(frame: pd.DataFrame | None, meta: pd.DataFrame) -> pd.DataFrame:
    return meta if frame is None else frame


def _concat(frames: list) -> pd.DataFrame | None:
    frames = [f for f in frames if f is not None and len(f)]
    return pd.concat(frames, ignore_index=True) if frames else None


def _apply_moves(uses: pd.DataFrame, moves: dict, signals: list) -> pd.DataFrame:
    """The uses with merged keys: near copies to their component's key, lone hashtag sets to their superset."""
    sel = np.isin(uses["signal"].to_numpy(), signals)
    if not moves or not sel.any():
        return uses
    uses = uses.copy()
    src = np.fromiter(moves.keys(), dtype=np.int64, count=len(moves))
    dst = np.fromiter(moves.values(), dtype=np.int64, count=len(moves))
    order = np.argsort(src)
    src, dst = src[order], dst[order]
    key = uses["key"].to_numpy(np.int64).copy()
    pos = np.minimum(np.searchsorted(src, key), len(src) - 1)
    hit = sel & (src[pos] == key)  # int64 throughout: a float round trip would change 63-bit keys
    key[hit] = dst[pos[hit]]
    uses["key"] = key
    return uses


def _options_of(ddf: Any, options: dict, func: str = _FUNC) -> tuple[dict, int]:
    from ..graphs import coordinated_accounts as pandas_version
    from ..graphs._coord_scores import _options

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
    The posts are read several times (uses, near copies, hashtag supersets, reference
    counts, evidence), each time only the columns the step needs; the fingerprint uses are
    persisted on the workers between steps. See the module docstring and docs/scale.md.

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
    require_dask(_FUNC)
    check_lists(ddf, _FUNC)
    require_columns(ddf._meta, ["author", "time"], func=_FUNC, hint="trendlib.dask.read_posts(...)")
    opts, top = _options_of(ddf, options)
    groups, _ = _run(ddf, opts, top)
    return groups


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
    require_dask("coordination_evidence")
    check_lists(ddf, "coordination_evidence")
    require_columns(ddf._meta, ["author", "time"], func="coordination_evidence", hint="trendlib.dask.read_posts(...)")
    if "top" in options:
        raise TypeError("trendlib.dask.coordination_evidence() got an unexpected option 'top' (it belongs to coordinated_accounts).")
    opts, _ = _options_of(ddf, options, "coordination_evidence")
    return _run(ddf, opts, 1)[1]


def _run(ddf: Any, opts: dict, top: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    import dask
    import dask.dataframe as dd
    from dask import delayed

    from ..graphs import _coord_parts as cp
    from ..graphs import _fingerprints as fpm
    from ..graphs._coordination import _evidence, _tables
    from ..graphs._util import incidence

    cols = [c for c in ddf.columns if c in _COLUMNS]
    posts = ddf[cols]
    parts = posts.to_delayed(optimize_graph=False)
    names = opts["signals"]
    sig_of = {s: i for i, s in enumerate(names)}

    # 1. uses per partition (persisted), document frequencies of the eligible texts (summed)
    # (the eligible texts, for near copies, are kept only until step 2 is done)
    raw = [delayed(cp.post_uses, nout=5, pure=True)(p, part=i, opts=opts, func=_FUNC) for i, p in enumerate(parts)]
    uses_parts = [r[0] for r in raw]
    near_parts = [r[3] for r in raw]
    set_parts = [r[4] for r in raw]
    df_total = _tree([r[1] for r in raw], _sum_arrays)
    n_docs = delayed(sum)([r[2] for r in raw])
    ms = opts["min_similarity"]
    near_wanted = "text" in sig_of and ms is not None and ms < 1
    tags_wanted = "hashtags" in sig_of
    uses_parts, near_parts, set_parts, df_total, n_docs = dask.persist(uses_parts, near_parts if near_wanted else [],
                                                                       set_parts if tags_wanted else [], df_total, n_docs)
    df_total, n_docs = dask.compute(df_total, n_docs)
    meta_uses = cp.empty_uses()

    # 2. near copies, hour by hour
    text_moves: dict = {}
    if near_wanted and df_total is not None and n_docs >= 2:
        near = dd.from_delayed([delayed(_or_empty)(x, cp.NEAR_META) for x in near_parts], meta=cp.NEAR_META, verify_meta=False)
        edges = near.shuffle(on="hour").map_partitions(cp.near_edges, min_similarity=ms, df=delayed(df_total), n_docs=n_docs,
                                                        meta=pd.DataFrame({"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64)}))
        text_moves = cp.merge_keys(edges.compute().drop_duplicates(ignore_index=True))
    del near_parts

    # 3. hashtag supersets
    tag_moves = None
    set_tags: dict = {}  # key -> tags of the sets that can be evidence (supersets may join them)
    if "hashtags" in sig_of:
        h = dd.from_delayed(uses_parts, meta=meta_uses, verify_meta=False)
        h = h[h["signal"] == sig_of["hashtags"]]
        st = h.shuffle(on="key").map_partitions(cp.set_stats, meta=cp.set_stats(meta_uses)).compute()
        shared = np.sort(st.loc[st["n_acc"] >= 2, "key"].to_numpy(np.int64))
        cands = st[(st["size"] >= 3) & (st["n_acc"] >= 2)].sort_values("key", ignore_index=True)
        wanted = np.union1d(cands["key"].to_numpy(np.int64), st.loc[st["n_acc"] >= opts["min_accounts"], "key"].to_numpy(np.int64))
        if len(wanted):
            tags = dask.compute(*[delayed(cp.sets_among, pure=True)(p, keys=wanted) for p in set_parts])
            tags = pd.concat(tags, ignore_index=True).drop_duplicates("key")
            set_tags = dict(zip(tags["key"].tolist(), tags["tags"]))
            cands = cands.merge(tags, on="key", how="inner")
        if len(cands):
            moved = _concat(list(dask.compute(*[delayed(cp.superset_moves, pure=True)(p, opts=opts, cands=cands, shared=shared) for p in set_parts])))
            if moved is not None:
                tag_moves = dict(zip(moved["key"].tolist(), moved["new"].tolist()))
    del set_parts

    # 4. uses shuffled by key; per fingerprint
    moves = {**text_moves, **(tag_moves or {})}  # keys are salted by signal: the two never meet
    final = [delayed(_apply_moves, pure=True)(u, moves, [sig_of.get("text", -1), sig_of.get("hashtags", -1)]) for u in uses_parts]
    by_key = dd.from_delayed(final, meta=meta_uses, verify_meta=False).shuffle(on="key").persist()
    burst_signals = [i for i, s in enumerate(names) if s in ("text", "hashtags", "url")]
    per = dask.compute(*[delayed(cp.fingerprint_stats, pure=True)(p, opts=opts, burst_signals=burst_signals) for p in by_key.to_delayed()])
    n_tests = max(sum(p["n_tested"] for p in per), 1)
    fps = _concat([p.get("fps") for p in per])
    occ = [p["occasions"].assign(part=i) for i, p in enumerate(per) if "occasions" in p]
    occ_uses = [p["occasion_uses"].assign(part=i) for i, p in enumerate(per) if "occasion_uses" in p]
    occ = _concat(occ)
    occ_uses = _concat(occ_uses)
    trips = _concat([p.get("trips") for p in per])
    if fps is None:
        fps = pd.DataFrame({"key": np.zeros(0, np.int64), "signal": np.zeros(0, np.int8), "uses": np.zeros(0, np.int64),
                            "m": np.zeros(0, np.int64), "first_row": np.zeros(0, np.int64), "first_sub": np.zeros(0, np.int32)})
    fpi = fps.set_index("key")

    # labels need posts: the first post of each fingerprint that may become evidence
    def fetch(rows: np.ndarray) -> pd.DataFrame:
        rows = np.unique(np.asarray(rows, dtype=np.int64))
        got = dask.compute(*[delayed(cp.fetch_posts, pure=True)(p, part=i, rows=rows) for i, p in enumerate(parts)])
        return pd.concat(got, ignore_index=True).sort_values("row", ignore_index=True)

    # 5. scores
    tag_sig = sig_of.get("hashtags", -1)
    bursts = pd.DataFrame(columns=["key", "part", "occ", "lo", "score"])
    if occ is not None:
        occ = occ.merge(fps[["key", "signal", "uses", "m"]], on="key", how="left")
        ht = occ["signal"].to_numpy() == tag_sig
        tq = occ[ht].reset_index(drop=True)
        tq = tq.assign(tag=tq["key"].map(set_tags)).explode("tag", ignore_index=True)
        uq = occ[~ht].reset_index(drop=True)
        accounts = np.unique(np.r_[trips["a"].to_numpy(), trips["b"].to_numpy()]) if trips is not None else np.zeros(0, np.int64)
        counted = dask.compute(*[delayed(cp.use_counts, pure=True)(p, queries=uq[["signal", "lo", "hi"]], accounts=accounts, repeat_window=opts["repeat_window"])
                                 for p in by_key.to_delayed()])
        totals = np.sum([c["totals"] for c in counted], axis=0)
        activity = _concat([c["activity"] for c in counted])
        q = np.zeros(len(occ))
        # text and links: all uses of the signal, without the fingerprint's own
        if len(uq):
            inside = np.sum([c["inside"] for c in counted], axis=0) - uq["own_in"].to_numpy()
            total = np.maximum(totals[uq["signal"].to_numpy(np.int64)] - uq["uses"].to_numpy(), 1)
            q[np.flatnonzero(~ht)] = np.minimum(np.maximum(inside / total, 1 / total), 1.0)
        if len(tq):
            all_tags = np.asarray(sorted(set(tq["tag"])), dtype=object)
            pc = dask.compute(*[delayed(cp.post_counts, pure=True)(p, part=i, tags=all_tags, queries=tq[["lo", "hi", "tag"]], func=_FUNC)
                                for i, p in enumerate(parts)])
            n_valid = sum(c["n_valid"] for c in pc)
            every = np.sum([c["every"] for c in pc], axis=0)
            tag_total = dict(zip(all_tags.tolist(), np.sum([c["tag_total"] for c in pc], axis=0).tolist()))
            tag_in = np.sum([c["tag_inside"] for c in pc], axis=0)
            tq = tq.assign(t_total=tq["tag"].map(tag_total), t_in=tag_in, every=every)
            # the rarest tag of the set (ties: the first by name), as _references picks it
            tq = tq.sort_values(["part", "occ", "t_total", "tag"], kind="stable").drop_duplicates(["part", "occ"])
            tq = tq.set_index(["part", "occ"]).reindex(pd.MultiIndex.from_frame(occ.loc[ht, ["part", "occ"]]))
            rows_j = tq["t_total"].to_numpy() - tq["uses"].to_numpy()
            use_tag = rows_j >= tq["m"].to_numpy()
            inside = np.where(use_tag, tq["t_in"].to_numpy() - tq["own_in"].to_numpy(), tq["every"].to_numpy() - tq["own_in"].to_numpy())
            total = np.maximum(np.where(use_tag, rows_j, n_valid - tq["uses"].to_numpy()), 1)
            q[np.flatnonzero(ht)] = np.minimum(np.maximum(inside / total, 1 / total), 1.0)
        mf = occ["m"].to_numpy(np.int64)
        p = np.minimum(1.0, mf * stats.binom.sf(occ["k"].to_numpy() - 2, mf - 1, q))
        occ["score"] = -np.log10(np.maximum(p * n_tests, 1e-300))
        bursts = occ[occ["score"].to_numpy() >= opts["min_score"]][["key", "part", "occ", "lo", "score"]]
    else:
        activity = None
        accounts = np.unique(np.r_[trips["a"].to_numpy(), trips["b"].to_numpy()]) if trips is not None else np.zeros(0, np.int64)
        counted = dask.compute(*[delayed(cp.use_counts, pure=True)(p, queries=pd.DataFrame({"signal": [], "lo": [], "hi": []}), accounts=accounts,
                                                                   repeat_window=opts["repeat_window"]) for p in by_key.to_delayed()])
        totals = np.sum([c["totals"] for c in counted], axis=0)
        activity = _concat([c["activity"] for c in counted])
    sig_pairs = pd.DataFrame(columns=["a", "b", "key", "c", "score"])
    if trips is not None:
        trips = trips.merge(fps[["key", "signal", "uses"]], on="key", how="left").reset_index(drop=True)
        trips["t"] = np.arange(len(trips))
        act = activity if activity is not None else pd.DataFrame({"acc": [], "signal": [], "bucket": [], "n": []})
        ta = trips[["t", "a", "signal"]].merge(act.rename(columns={"acc": "a"}), on=["a", "signal"])
        tb = trips[["t", "b", "signal"]].merge(act.rename(columns={"acc": "b"}), on=["b", "signal"])
        co_frame = ta[["t", "bucket", "n"]].merge(tb[["t", "bucket", "n"]], on=["t", "bucket"])
        # the pair's co-activity: sum over buckets of the product of their uses of the signal
        co = np.bincount(co_frame["t"].to_numpy(np.int64), weights=(co_frame["n_x"] * co_frame["n_y"]).to_numpy(float), minlength=len(trips))
        share = trips["uses"].to_numpy() / totals[trips["signal"].to_numpy(np.int64)]
        expect = share ** 2 * co
        c = trips["c"].to_numpy(np.int64)
        pp = stats.poisson.sf(c - 1, np.maximum(expect, 1e-300))
        trips["score"] = -np.log10(np.maximum(pp * len(trips), 1e-300))
        sig_pairs = trips[trips["score"].to_numpy() >= opts["min_score"]][["a", "b", "key", "c", "score"]].reset_index(drop=True)

    # 6. the evidence's uses and posts, then the pandas tail
    burst_uses = None
    if len(bursts):
        burst_uses = occ_uses.merge(bursts[["part", "occ"]], on=["part", "occ"], how="inner")
    picked = None
    if len(sig_pairs):
        who = pd.DataFrame({"acc": np.r_[sig_pairs["a"], sig_pairs["b"]], "key": np.r_[sig_pairs["key"], sig_pairs["key"]]}).drop_duplicates()
        picked = _concat(list(dask.compute(*[delayed(cp.pick_uses, pure=True)(p, pairs=who) for p in by_key.to_delayed()])))
    mini = _concat([burst_uses.drop(columns=["part", "occ"]) if burst_uses is not None else None, picked])
    if mini is None:
        mini = cp.empty_uses()
    mini = mini[[c for c in cp.USE_COLUMNS if c != "size"]]
    mini = mini.drop_duplicates(["signal", "row", "sub"]).sort_values(["signal", "row", "sub"], ignore_index=True)
    ev_keys = pd.unique(mini["key"].to_numpy())
    info = fpi.reindex(ev_keys)
    label_rows = info["first_row"].to_numpy(np.int64) if len(info) else np.zeros(0, np.int64)
    got = fetch(np.r_[mini["row"].to_numpy(np.int64), label_rows]) if len(mini) else None
    rank = info.reset_index().sort_values(["signal", "first_row", "first_sub"], kind="stable")["key"].to_numpy()
    code_of = pd.Series(np.arange(len(rank), dtype=np.int64), index=rank)
    acc_codes, acc_uniq = pd.factorize(mini["acc"].to_numpy())
    post_pos = np.searchsorted(got["row"].to_numpy(), mini["row"].to_numpy()) if got is not None else np.zeros(0, np.int64)
    from .._keys import account_key

    name_of_row = [account_key(a) for a in got["author"].to_numpy(dtype=object)] if got is not None else []
    first_use = pd.Series(np.arange(len(mini)), index=acc_codes).groupby(level=0).first() if len(mini) else pd.Series([], dtype=np.int64)
    acc_names = np.asarray([name_of_row[post_pos[i]] for i in first_use.sort_index().to_numpy()], dtype=object)
    texts = got["text"].to_numpy(dtype=object) if got is not None and "text" in got.columns else None

    def label(code: int) -> str:
        key = int(rank[code])
        s = names[int(info.loc[key, "signal"])]
        i = int(np.searchsorted(got["row"].to_numpy(), int(info.loc[key, "first_row"])))
        if s in ("text", "retweet"):
            return fpm.display_texts(texts, np.array([i]))[0]
        if s == "hashtags":
            tags = set_tags.get(key)
            if tags is None:
                X, labels = incidence([got["hashtags"].iloc[i]], lower=True)
                tags = labels[X.indices].tolist()
            return " ".join("#" + x for x in tags)
        _, links = fpm.url_strings(got.iloc[[i]], np.ones(1, dtype=bool), domain=s == "domain", func=_FUNC)
        return str(links[int(info.loc[key, "first_sub"])])

    t = mini["time"].to_numpy(np.int64)
    u = {"post": post_pos.astype(np.int64), "fp": code_of.reindex(mini["key"].to_numpy()).to_numpy(np.int64),
         "signal": mini["signal"].to_numpy(np.int64), "account": np.asarray(acc_codes, dtype=np.int64), "time": t,
         "accounts": acc_names, "n_accounts": len(acc_uniq), "label": label}
    use_index = pd.Series(np.arange(len(mini)), index=pd.MultiIndex.from_frame(mini[["signal", "row", "sub"]]))
    bl = []
    if len(bursts):
        bu = burst_uses.sort_values(["part", "occ", "time", "signal", "row", "sub"], kind="stable")
        idx = use_index.reindex(pd.MultiIndex.from_frame(bu[["signal", "row", "sub"]])).to_numpy(np.int64)
        grouped = pd.Series(idx).groupby([bu["part"].to_numpy(), bu["occ"].to_numpy()], sort=False).agg(list)
        b = bursts.assign(code=code_of.reindex(bursts["key"].to_numpy()).to_numpy()).sort_values(["code", "lo"], kind="stable")
        for r in b.itertuples(index=False):
            bl.append({"fp": int(r.code), "rows": np.asarray(grouped.loc[(r.part, r.occ)], dtype=np.int64), "score": float(r.score)})
    bframe = pd.DataFrame(bl, columns=["fp", "rows", "score"])
    acc_code_of = pd.Series(np.arange(len(acc_uniq), dtype=np.int64), index=np.asarray(acc_uniq, dtype=np.int64))
    pframe = pd.DataFrame({"a": acc_code_of.reindex(sig_pairs["a"].to_numpy(np.int64)).to_numpy(np.int64),
                           "b": acc_code_of.reindex(sig_pairs["b"].to_numpy(np.int64)).to_numpy(np.int64),
                           "fp": code_of.reindex(sig_pairs["key"].to_numpy(np.int64)).to_numpy(np.int64),
                           "c": sig_pairs["c"].to_numpy(np.int64), "score": sig_pairs["score"].to_numpy(float)})
    evidence = _evidence(u, bframe, pframe, opts)
    shown = got[[c for c in ("id", "text") if c in got.columns]].reset_index(drop=True) if got is not None else posts._meta[[c for c in ("id", "text") if c in cols]]
    return _tables(shown, evidence, u, opts, top)
