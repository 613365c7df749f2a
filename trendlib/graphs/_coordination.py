"""Coordinated accounts: the public tables and graph, with the evidence for every group.

The method and its null models are in :mod:`trendlib.graphs._coord_scores` (read its
docstring, or docs/coordination.md, before changing a default): fingerprints of every
signal are tested at two time scales, bursts and repeated fingerprints, and accounts
linked by a significant occasion or a significant pair form a group. This module turns
the significant occasions and pairs into what an analyst reads: one row per group
(:func:`coordinated_accounts`), one row per piece of evidence
(:func:`coordination_evidence`), and the account graph (:func:`coordination_graph`).
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .._deprecate import renamed_kwargs
from .._time import to_timestamps
from .._validation import check_int
from ._coord_scores import DEFAULT_SIGNALS, Signal, _bursts, _options, _pairs, _uses
from ._util import column_values

__all__ = ["coordinated_accounts", "coordination_evidence", "coordination_graph"]

GROUP_COLUMNS = ["group", "accounts", "n_accounts", "n_posts", "n_occasions", "signals", "scale", "fingerprint",
                 "texts", "post_ids", "first_seen", "last_seen", "score"]
EVIDENCE_COLUMNS = ["group", "scale", "signal", "fingerprint", "accounts", "n_accounts", "n_posts", "n_occasions",
                    "first_seen", "last_seen", "score", "post_ids"]


def _detect(posts: pd.DataFrame, func: str, **kw: Any) -> tuple[pd.DataFrame, dict, dict, pd.DataFrame]:
    """(evidence with use rows, uses, options, significant pairs)."""
    opts = _options(posts, func, **kw)
    u = _uses(posts, opts, func)
    bursts = _bursts(u, opts, posts, func)
    pairs = _pairs(u, opts)
    return _evidence(u, bursts, pairs, opts), u, opts, pairs


def _evidence(u: dict, bursts: pd.DataFrame, pairs: pd.DataFrame, opts: dict) -> pd.DataFrame:
    """Groups (components of the accounts linked by significant occasions and pairs) and
    their evidence, one row per occasion and per (group, fingerprint) of repeated co-shares.

    ``u`` needs only the uses of the occasions and every use of a significant pair's
    fingerprint by that pair's accounts (what :mod:`trendlib.dask` gathers), in use order.
    """
    n = u["n_accounts"]
    ra = [pairs["a"].to_numpy(np.int64)]
    rb = [pairs["b"].to_numpy(np.int64)]
    for rows in bursts["rows"]:
        accs = np.unique(u["account"][rows])
        ra.append(np.repeat(accs[0], len(accs) - 1))
        rb.append(accs[1:])
    a, b = np.concatenate(ra), np.concatenate(rb)
    _, comp = connected_components(sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n)), directed=False)
    linked = np.zeros(n, dtype=bool)
    linked[a] = linked[b] = True
    ev = []
    for fp, rows, score in zip(bursts["fp"], bursts["rows"], bursts["score"]):
        ev.append({"scale": "burst", "fp": int(fp), "rows": rows, "n_occasions": 1, "score": score, "group": int(comp[u["account"][rows[0]]])})
    if len(pairs):
        # per (group, fingerprint): the uses by accounts of its significant pairs, in buckets
        # where at least two of them used it
        pa, pb, pf = (pairs[x].to_numpy(np.int64) for x in ("a", "b", "fp"))
        who = pd.DataFrame({"acc": np.r_[pa, pb], "fp": np.r_[pf, pf], "score": np.r_[pairs["score"], pairs["score"]]})
        best = who.groupby(["fp"])["score"].max()
        who = who.drop_duplicates(["acc", "fp"])
        frame = pd.DataFrame({"row": np.arange(len(u["post"])), "fp": u["fp"], "b": u["time"] // opts["repeat_window"], "acc": u["account"]})
        frame = frame.merge(who[["acc", "fp"]], on=["acc", "fp"], how="inner")
        frame["g"] = comp[frame["acc"].to_numpy()]
        k = frame.groupby(["g", "fp", "b"])["acc"].transform("nunique")
        frame = frame[k.to_numpy() >= 2]
        for (g, fp), part in frame.groupby(["g", "fp"], sort=False):
            ev.append({"scale": "repeated", "fp": int(fp), "rows": np.sort(part["row"].to_numpy()), "n_occasions": int(part["b"].nunique()),
                       "score": float(best.get(fp, 0.0)), "group": int(g)})
    return pd.DataFrame(ev, columns=["scale", "fp", "rows", "n_occasions", "score", "group"])


def _tables(posts: pd.DataFrame, evidence: pd.DataFrame, u: dict, opts: dict, top: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The group table and the evidence table (groups numbered by score, 0 = strongest)."""
    ids = column_values(posts["id"], as_str=True) if "id" in posts.columns else None
    texts = column_values(posts["text"]) if "text" in posts.columns else None
    names = opts["signals"]
    # every use row of every piece of evidence, flattened once: the per-evidence and per-group
    # numbers are group-bys over these codes, not Python loops (thousands of groups at 300k posts)
    n_rows = evidence["rows"].map(len).to_numpy(dtype=np.int64) if len(evidence) else np.zeros(0, np.int64)
    flat = np.concatenate(evidence["rows"].tolist()).astype(np.int64) if len(evidence) else np.zeros(0, np.int64)
    eid = np.repeat(np.arange(len(evidence)), n_rows)
    use = pd.DataFrame({"e": eid, "acc": u["account"][flat], "post": u["post"][flat], "t": u["time"][flat]})
    acc_names = np.asarray(u["accounts"], dtype=object)
    per_e = use.groupby("e", sort=True).agg(first_seen=("t", "min"), last_seen=("t", "max"))
    e_acc = use[["e", "acc"]].drop_duplicates()
    e_acc = e_acc.assign(name=acc_names[e_acc["acc"].to_numpy()]).sort_values(["e", "name"], kind="stable")
    e_post = use[["e", "post"]].drop_duplicates().sort_values(["e", "post"], kind="stable")
    accs_of = _runs(e_acc["e"], e_acc["name"], as_list=True)
    posts_of = _runs(e_post["e"], e_post["post"])
    first_row = flat[np.r_[0, np.cumsum(n_rows)[:-1]]] if len(evidence) else flat
    ev = pd.DataFrame({
        "group": evidence["group"].to_numpy() if len(evidence) else np.zeros(0, np.int64),
        "scale": evidence["scale"].to_numpy() if len(evidence) else np.zeros(0, object),
        "signal": [names[int(x)] for x in u["signal"][first_row]],
        "fingerprint": [u["label"](fp) for fp in evidence["fp"]],
        "accounts": accs_of.reindex(range(len(evidence))).tolist(),
        "n_accounts": accs_of.map(len).reindex(range(len(evidence))).fillna(0).astype(np.int64).to_numpy(),
        "n_posts": posts_of.map(len).reindex(range(len(evidence))).fillna(0).astype(np.int64).to_numpy(),
        "n_occasions": evidence["n_occasions"].to_numpy() if len(evidence) else np.zeros(0, np.int64),
        "first_seen": per_e["first_seen"].reindex(range(len(evidence))).to_numpy(dtype=np.int64),
        "last_seen": per_e["last_seen"].reindex(range(len(evidence))).to_numpy(dtype=np.int64),
        "score": np.round(evidence["score"].to_numpy(dtype=float), 3) if len(evidence) else np.zeros(0),
        "_posts": posts_of.reindex(range(len(evidence))).tolist(),
    }, columns=EVIDENCE_COLUMNS[:-1] + ["_posts"])
    # groups: accounts and posts of all their evidence, kept when they have enough accounts
    g_of_e = ev["group"].to_numpy()
    g_acc = e_acc.assign(g=g_of_e[e_acc["e"].to_numpy()])[["g", "name"]].drop_duplicates().sort_values(["g", "name"], kind="stable")
    g_accs = _runs(g_acc["g"], g_acc["name"], as_list=True)
    g_post = e_post.assign(g=g_of_e[e_post["e"].to_numpy()])[["g", "post"]].drop_duplicates().sort_values(["g", "post"], kind="stable")
    g_posts = _runs(g_post["g"], g_post["post"])
    examples = _group_examples(texts, g_post, top)
    kept = [g for g in pd.unique(ev["group"]) if len(g_accs[g]) >= opts["min_accounts"]]
    evk = ev[ev["group"].isin(kept)]
    best = evk.sort_values(["group", "score", "n_posts"], ascending=[True, False, False], kind="stable")
    best = best.drop_duplicates("group").set_index("group")["fingerprint"]
    agg = evk.groupby("group", sort=False).agg(n_occasions=("n_occasions", "sum"), first_seen=("first_seen", "min"),
                                               last_seen=("last_seen", "max"), score=("score", "max"))
    # distinct signals and scales of each group, sorted, by one split each (no per-group lambda)
    sg = evk[["group", "signal"]].drop_duplicates().sort_values(["group", "signal"], kind="stable")
    sigs = _runs(sg["group"], sg["signal"], as_list=True)
    sc = evk[["group", "scale"]].drop_duplicates().sort_values(["group", "scale"], kind="stable")
    scales = _runs(sc["group"], sc["scale"], as_list=True).map("+".join)
    a = agg.reindex(pd.Index(kept)) if kept else agg
    n_occ = a["n_occasions"].to_numpy(dtype=np.int64).tolist()
    first = a["first_seen"].to_numpy(dtype=np.int64).tolist()
    last = a["last_seen"].to_numpy(dtype=np.int64).tolist()
    score = a["score"].to_numpy(dtype=float).tolist()
    sigs, scales, best = sigs.to_dict(), scales.to_dict(), best.to_dict()
    groups = []
    for i, g in enumerate(kept):
        accs, rows = g_accs[g], g_posts[g]
        groups.append({"_g": g, "accounts": accs, "n_accounts": len(accs), "n_posts": len(rows),
                       "n_occasions": n_occ[i], "signals": sigs[g], "scale": scales[g],
                       "fingerprint": best[g], "texts": examples.get(g, []),
                       "post_ids": sorted(ids[rows].tolist()) if ids is not None else None,
                       "first_seen": first[i], "last_seen": last[i], "score": score[i]})
    out = pd.DataFrame(groups, columns=["_g"] + GROUP_COLUMNS[1:])
    if len(out):
        out["_first"] = out["accounts"].str[0]
        out = out.sort_values(["score", "n_posts", "_first"], ascending=[False, False, True], ignore_index=True).drop(columns="_first")
    renumber = dict(zip(out["_g"], range(len(out))))
    out.insert(0, "group", np.arange(len(out), dtype=np.int64))
    out = out.drop(columns="_g")
    ev = ev[ev["group"].isin(renumber)].copy()
    ev["group"] = ev["group"].map(renumber).astype(np.int64)
    ev["post_ids"] = [sorted(ids[r].tolist()) if ids is not None else r.tolist() for r in ev["_posts"]]
    ev = ev.drop(columns="_posts").sort_values(["group", "score", "n_posts"], ascending=[True, False, False], ignore_index=True)
    for frame in (out, ev):
        for c in ("first_seen", "last_seen"):
            frame[c] = to_timestamps(frame[c].to_numpy(dtype=np.int64)) if len(frame) else pd.Series(dtype="datetime64[ns, UTC]")
    if ids is None:
        out = out.drop(columns="post_ids")
    attrs = {k: (pd.Timedelta(v) if k in ("window", "repeat_window") else v) for k, v in opts.items()}
    out.attrs.update(attrs)
    ev.attrs.update(attrs)
    return out, ev


def _runs(keys: pd.Series, values: pd.Series, *, as_list: bool = False) -> pd.Series:
    """key -> its values, for a frame sorted by key (one split, not a group-by with a Python aggregate)."""
    k = keys.to_numpy()
    v = values.to_numpy()
    if not len(k):
        return pd.Series([], dtype=object)
    cut = np.flatnonzero(k[1:] != k[:-1]) + 1
    parts = np.split(v, cut)
    return pd.Series([p.tolist() for p in parts] if as_list else parts, index=k[np.r_[0, cut]], dtype=object)


def _group_examples(texts: Any, g_post: pd.DataFrame, k: int) -> dict:
    """group -> its ``k`` most repeated texts (ties: first seen), whitespace collapsed; one pass for all groups."""
    if texts is None or not len(g_post):
        return {}
    rows = g_post["post"].to_numpy()
    distinct, inverse = np.unique(rows, return_inverse=True)
    shown = np.asarray([" ".join(str(x).split()) for x in texts[distinct]], dtype=object)[inverse]
    df = pd.DataFrame({"g": g_post["g"].to_numpy(), "text": shown, "order": np.arange(len(rows))})
    top = df.groupby(["g", "text"], sort=False).agg(n=("order", "size"), first=("order", "min")).reset_index()
    top = top.sort_values(["g", "n", "first"], ascending=[True, False, True], kind="stable")
    top = top.groupby("g", sort=False).head(k)
    return top.groupby("g", sort=False)["text"].agg(list).to_dict()


_DOC_PARAMS = """
    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts: ``author``, ``time``; ``text`` (signals text and retweet),
        ``hashtags``, ``urls``, ``is_retweet`` and ``id`` used when present. Authors are
        keyed by :func:`trendlib._keys.account_key` (case and ``@`` ignored).
    signals : str or sequence of {"text", "hashtags", "retweet", "url", "domain"}
        What accounts must share. Default: text (exact and near), hashtag sets, co-retweets
        and URLs; a default signal whose column the posts lack is skipped.
    window : str or Timedelta
        Longest gap between consecutive uses of a fingerprint within one burst occasion
        (default ``"1h"``).
    repeat_window : str or Timedelta
        Bucket in which two accounts' uses of one fingerprint count as one co-share at the
        repeated scale (default ``"1D"``).
    min_accounts : int >= 2
        Fewest accounts in a reported group (and in a burst occasion); default 3.
    min_score : float >= 0
        Least ``-log10`` of the Bonferroni-adjusted p-value (default 2: p < 0.01).
    min_similarity : float in (0, 1] or None
        TF-IDF cosine at which two texts are near copies (default 0.8; ``None``: exact
        texts only). Replaces ``threshold=`` (deprecated).
    min_tokens : int
        Fewest words for a text fingerprint (default 4: "mantap pak" is not a campaign).
    min_hashtags : int
        Fewest distinct hashtags for a hashtag-set fingerprint (default 2: one popular tag
        shared by thousands is a trend, not a fingerprint).
    similarity : {"near", "exact", "hashtags"}, optional
        Deprecated: ``signals="text"`` (near or exact) or ``signals="hashtags"``.
    top : int
        How many example texts to list per group."""


@renamed_kwargs(threshold="min_similarity", n_texts="top")
def coordinated_accounts(posts: pd.DataFrame, *, signals: Signal | Sequence[Signal] = DEFAULT_SIGNALS, window: Any = "1h", repeat_window: Any = "1D",
                         min_accounts: int = 3, min_score: float = 2.0, min_similarity: float | None = 0.8, min_tokens: int = 4,
                         min_hashtags: int = 2, similarity: str | None = None, top: int = 3) -> pd.DataFrame:
    """Groups of accounts whose shared content is too unlikely to be chance, strongest first.
    {params}

    Returns
    -------
    pandas.DataFrame
        One row per group: ``group`` (0 = highest score), ``accounts`` (sorted account
        keys), ``n_accounts``, ``n_posts``, ``n_occasions`` (burst occasions plus repeated
        co-share buckets), ``signals`` (list), ``scale`` (``"burst"``, ``"repeated"`` or
        both joined by ``+``), ``fingerprint`` (the strongest evidence: a text or
        ``"#tag1 #tag2"``), ``texts`` (most repeated texts), ``post_ids`` (when posts have
        ``id``), ``first_seen``, ``last_seen`` (UTC), ``score`` (best evidence, see
        Notes). ``attrs`` holds the options. One row per piece of evidence:
        :func:`coordination_evidence`.

    See Also
    --------
    coordination_evidence : the fingerprints, occasions and scores behind each group.
    coordination_graph : the accounts as a graph.

    Notes
    -----
    Bursts are scored against shuffled posting times, repeated fingerprints against
    content drawn by popularity (details in docs/coordination.md and
    :mod:`trendlib.graphs._coord_scores`). A score of 2 means the sharing would happen
    by chance in 1 of 100 analyses of the same data, 10 in 1 of 10 billion.

    References
    ----------
    Pacheco, D. et al. (2021). Uncovering coordinated networks on social media: methods
    and case studies. ICWSM. Graham, T. et al., coordination-network-toolkit (QUT Digital
    Observatory). Giglietto, F. et al., CooRnet / CooRTweet.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2025-02-24 20:00", tz="UTC")
    >>> organic = [("warga%d" % i, t0 + pd.Timedelta(minutes=15 * i), "harga cabai naik lagi di pasar %d" % i) for i in range(200)]
    >>> campaign = [(a, t0 + pd.Timedelta(hours=20, seconds=s), "Ayo dukung Danantara bangun negeri sekarang!")
    ...             for a, s in [("Akun1", 0), ("@akun2", 10), ("AKUN3", 25)]]
    >>> posts = pd.DataFrame(organic + campaign, columns=["author", "time", "text"])
    >>> groups = coordinated_accounts(posts)
    >>> groups[["group", "accounts", "n_posts", "scale"]]
       group                accounts  n_posts  scale
    0      0  [akun1, akun2, akun3]        3  burst
    """
    top = check_int(top, name="top", func="coordinated_accounts")
    evidence, u, opts, _ = _detect(posts, "coordinated_accounts", signals=signals, similarity=similarity, window=window, repeat_window=repeat_window,
                                   min_accounts=min_accounts, min_score=min_score, min_similarity=min_similarity, min_tokens=min_tokens, min_hashtags=min_hashtags)
    return _tables(posts, evidence, u, opts, top)[0]


@renamed_kwargs(threshold="min_similarity")
def coordination_evidence(posts: pd.DataFrame, *, signals: Signal | Sequence[Signal] = DEFAULT_SIGNALS, window: Any = "1h", repeat_window: Any = "1D",
                          min_accounts: int = 3, min_score: float = 2.0, min_similarity: float | None = 0.8, min_tokens: int = 4,
                          min_hashtags: int = 2, similarity: str | None = None) -> pd.DataFrame:
    """The evidence behind :func:`coordinated_accounts`: one row per (group, fingerprint, scale).
    {params}

    Returns
    -------
    pandas.DataFrame
        ``group`` (as in :func:`coordinated_accounts`), ``scale`` (``"burst"``: one
        occasion; ``"repeated"``: co-shares over buckets), ``signal``, ``fingerprint``,
        ``accounts``, ``n_accounts``, ``n_posts``, ``n_occasions`` (how often),
        ``first_seen``, ``last_seen``, ``score`` and ``post_ids`` (ids, or row positions
        when posts have no ``id``); ordered by group, then score.

    See Also
    --------
    coordinated_accounts : one row per group.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2023-11-20 00:00", tz="UTC")
    >>> tags = ["patriotprabowo", "prabowo2024", "indonesiamaju"]
    >>> rows = [("warga%d" % i, t0 + pd.Timedelta(hours=3 * i), ["kopi", "senja"] if i % 2 else ["hujan", "macet"]) for i in range(60)]
    >>> rows += [(a, t0 + pd.Timedelta(days=d, hours=h), tags) for d in range(6) for a, h in [("bot1", 2), ("bot2", 7), ("bot3", 15)]]
    >>> posts = pd.DataFrame(rows, columns=["author", "time", "hashtags"])
    >>> ev = coordination_evidence(posts, signals="hashtags")
    >>> ev[["scale", "accounts", "n_occasions"]]
          scale            accounts  n_occasions
    0  repeated  [bot1, bot2, bot3]            6
    >>> ev["fingerprint"].iloc[0]
    '#indonesiamaju #patriotprabowo #prabowo2024'
    """
    evidence, u, opts, _ = _detect(posts, "coordination_evidence", signals=signals, similarity=similarity, window=window, repeat_window=repeat_window,
                                   min_accounts=min_accounts, min_score=min_score, min_similarity=min_similarity, min_tokens=min_tokens, min_hashtags=min_hashtags)
    return _tables(posts, evidence, u, opts, 1)[1]


@renamed_kwargs(threshold="min_similarity")
def coordination_graph(posts: pd.DataFrame, *, signals: Signal | Sequence[Signal] = DEFAULT_SIGNALS, window: Any = "1h", repeat_window: Any = "1D",
                       min_accounts: int = 3, min_score: float = 2.0, min_similarity: float | None = 0.8, min_tokens: int = 4,
                       min_hashtags: int = 2, similarity: str | None = None) -> Any:
    """Accounts of coordinated groups, linked by the evidence they share (options as :func:`coordinated_accounts`).

    Returns
    -------
    networkx.Graph
        Nodes: accounts of the groups of :func:`coordinated_accounts`, with ``group``,
        ``n_posts`` (their posts in the evidence), ``first_seen``/``last_seen``. Edges:
        ``weight`` (= ``count``) = burst occasions both accounts took part in plus their
        repeated co-shares when that pair is significant. ``G.graph`` records the options.

    See Also
    --------
    coordinated_accounts

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2025-02-24 20:00", tz="UTC")
    >>> organic = [("warga%d" % i, t0 + pd.Timedelta(minutes=15 * i), "harga cabai naik lagi di pasar %d" % i) for i in range(200)]
    >>> text = "Hari ini dimulai perjalanan baru pembangunan Indonesia"
    >>> campaign = [(a, t0 + pd.Timedelta(hours=h, seconds=s), text + " " + tag) for h, tag in [(5, "#A"), (30, "#B")]
    ...             for a, s in [("a1", 0), ("a2", 5), ("a3", 9)]]
    >>> G = coordination_graph(pd.DataFrame(organic + campaign, columns=["author", "time", "text"]), signals="text")
    >>> sorted(G.edges(data="weight"))
    [('a1', 'a2', 2), ('a1', 'a3', 2), ('a2', 'a3', 2)]
    """
    import networkx as nx

    func = "coordination_graph"
    evidence, u, opts, pairs = _detect(posts, func, signals=signals, similarity=similarity, window=window, repeat_window=repeat_window,
                                       min_accounts=min_accounts, min_score=min_score, min_similarity=min_similarity, min_tokens=min_tokens, min_hashtags=min_hashtags)
    groups, ev = _tables(posts, evidence, u, opts, 1)
    G = nx.Graph(kind="coordination", node_type="account", **{k: str(v) if isinstance(v, pd.Timedelta) else (list(v) if isinstance(v, tuple) else v) for k, v in groups.attrs.items()})
    group_of = {a: int(g) for g, accs in zip(groups["group"], groups["accounts"]) for a in accs}
    if not group_of:
        return G
    names = u["accounts"]
    for e in evidence.itertuples(index=False):
        accs = sorted({names[x] for x in u["account"][np.asarray(e.rows)]} & group_of.keys())
        rows = np.asarray(e.rows)
        for x in accs:
            mine = rows[names[u["account"][rows]] == x]
            d = G.nodes[x] if x in G else None
            lo, hi = int(u["time"][mine].min()), int(u["time"][mine].max())
            if d is None:
                G.add_node(x, group=group_of[x], n_posts=0, first_seen=lo, last_seen=hi)
                d = G.nodes[x]
            d["n_posts"] += len(np.unique(u["post"][mine]))
            d["first_seen"], d["last_seen"] = min(d["first_seen"], lo), max(d["last_seen"], hi)
        if e.scale == "burst":
            for i, x in enumerate(accs):
                for y in accs[i + 1:]:
                    w = G[x][y]["weight"] + 1 if G.has_edge(x, y) else 1
                    G.add_edge(x, y, weight=w, count=w)
    for a, b, c in zip(pairs["a"], pairs["b"], pairs["c"]):
        x, y = names[a], names[b]
        if x in group_of and y in group_of:
            w = (G[x][y]["weight"] if G.has_edge(x, y) else 0) + int(c)
            G.add_edge(x, y, weight=w, count=w)
    for _, d in G.nodes(data=True):
        d["first_seen"], d["last_seen"] = pd.Timestamp(d["first_seen"], tz="UTC"), pd.Timestamp(d["last_seen"], tz="UTC")
    return G


for _f in (coordinated_accounts, coordination_evidence, coordination_graph):
    _f.__doc__ = _f.__doc__.replace("{params}", _DOC_PARAMS)  # type: ignore[union-attr]
