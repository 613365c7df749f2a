"""Interaction graphs: who mentions, replies to and retweets whom (directed, author -> target).

Per post, the interactions are:

* ``mention``: the author to every account in ``mentions`` (each once per post). On Twitter
  a reply starts with the replied-to handle, so replies also count as mentions.
* ``reply``: the author to ``reply_to`` when it is set.
* ``retweet``: for rows with ``is_retweet`` true, the author to the retweeted account,
  read from the ``RT @user:`` prefix of the text, else the first mention. Retweet rows
  are not counted as mentions (the mention is the retweet's attribution).

Account names are lowercased (``mentions`` are lowercase in canonical posts, so an author
``Jokowi`` and a mention ``jokowi`` are one node). Self-interactions are dropped.
Counting is a ``groupby`` over integer codes, not a Python loop over pairs.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, require_columns
from ._util import NAT, group_min_max, list_column, times_ns, to_timestamps

__all__ = ["interaction_edges", "interaction_graph"]

KINDS = ("mention", "reply", "retweet", "all")
_RT = re.compile(r"^\s*RT\s+@(\w+)", re.IGNORECASE)


def _retweet_flags(posts: pd.DataFrame) -> np.ndarray:
    if "is_retweet" in posts.columns:
        return posts["is_retweet"].fillna(False).astype(bool).to_numpy()
    if "text" in posts.columns:
        return posts["text"].fillna("").astype(str).str.match(_RT).to_numpy()
    return np.zeros(len(posts), dtype=bool)


def _interactions(posts: pd.DataFrame, kind: str, func: str) -> pd.DataFrame:
    """Long table of (post index, source, target, kind)."""
    require_columns(posts, ["author"], func=func, hint="trendlib.read_posts(...)")
    author = posts["author"].astype("string").str.lower().to_numpy(dtype=object, na_value=None)
    rt = _retweet_flags(posts)
    parts = []
    if kind in ("mention", "all"):
        lists = list_column(posts, "mentions", func=func)
        lengths = np.fromiter((0 if r else len(v) for v, r in zip(lists, rt)), dtype=np.int64, count=len(lists))
        idx = np.repeat(np.arange(len(lists)), lengths)
        tgt = [str(x).lower() for v, r in zip(lists, rt) if not r for x in v]
        part = pd.DataFrame({"post": idx, "target": np.asarray(tgt, dtype=object)})
        part = part.drop_duplicates()  # one mention of an account per post
        part["kind"] = "mention"
        parts.append(part)
    if kind in ("reply", "all"):
        require_columns(posts, ["reply_to"], func=func, hint="trendlib.read_posts(...)")
        reply = posts["reply_to"].astype("string").str.lower().str.lstrip("@")
        idx = np.flatnonzero(reply.notna().to_numpy() & (reply.fillna("") != "").to_numpy())
        parts.append(pd.DataFrame({"post": idx, "target": reply.to_numpy(dtype=object, na_value=None)[idx], "kind": "reply"}))
    if kind in ("retweet", "all"):
        idx = np.flatnonzero(rt)
        targets = []
        texts = posts["text"].tolist() if "text" in posts.columns else [None] * len(posts)
        mentions = list_column(posts, "mentions", func=func) if "mentions" in posts.columns else None
        for i in idx:
            m = _RT.match(texts[i]) if isinstance(texts[i], str) else None
            if m:
                targets.append(m.group(1).lower())
            elif mentions is not None and len(mentions[i]):
                targets.append(str(mentions[i][0]).lower())
            else:
                targets.append(None)
        parts.append(pd.DataFrame({"post": idx, "target": np.asarray(targets, dtype=object), "kind": "retweet"}))
    long = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["post", "target", "kind"])
    long["post"] = long["post"].astype(np.int64)
    long["source"] = author[long["post"].to_numpy()]
    ok = long["source"].notna() & long["target"].notna() & (long["target"] != "") & (long["source"] != long["target"])
    return long[ok.to_numpy()]


def interaction_edges(posts: pd.DataFrame, *, kind: str = "all") -> pd.DataFrame:
    """Directed edge list author -> target of mentions, replies and/or retweets.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts: ``author`` plus ``mentions`` (kind mention), ``reply_to`` (reply),
        ``is_retweet`` and ``text`` (retweet); ``time`` used when present.
    kind : {"mention", "reply", "retweet", "all"}
        Which interactions to count (definitions in the module docs).

    Returns
    -------
    pandas.DataFrame
        ``source``, ``target``, ``count``, ``weight`` (= count), ``first_seen``,
        ``last_seen`` and, for ``kind="all"``, ``mention``, ``reply``, ``retweet`` counts;
        sorted by count, largest first.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "author": ["budi", "sari", "budi"],
    ...     "text": ["@sari macet parah", "@budi iya nih", "RT @sari: @budi iya nih"],
    ...     "mentions": [["sari"], ["budi"], ["sari", "budi"]],
    ...     "reply_to": [None, "budi", None],
    ...     "is_retweet": [False, False, True]})
    >>> interaction_edges(posts)[["source", "target", "count", "mention", "reply", "retweet"]]
      source target  count  mention  reply  retweet
    0   budi   sari      2        1      0        1
    1   sari   budi      2        1      1        0
    """
    check_choice(kind, KINDS, name="kind", func="interaction_edges")
    return _edges(posts, kind, "interaction_edges")


def _edges(posts: pd.DataFrame, kind: str, func: str) -> pd.DataFrame:
    long = _interactions(posts, kind, func)
    t = times_ns(posts)
    src_codes, src_labels = pd.factorize(long["source"])
    tgt_codes, tgt_labels = pd.factorize(long["target"])
    m = max(len(tgt_labels), 1)
    key = src_codes.astype(np.int64) * m + tgt_codes
    uniq, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    edges = pd.DataFrame({
        "source": np.asarray(src_labels, dtype=object)[uniq // m].astype(str) if len(uniq) else np.array([], dtype=str),
        "target": np.asarray(tgt_labels, dtype=object)[uniq % m].astype(str) if len(uniq) else np.array([], dtype=str),
        "count": counts.astype(np.int64),
    })
    edges["weight"] = edges["count"].astype(np.float64)
    if kind == "all":
        for k in ("mention", "reply", "retweet"):
            edges[k] = np.bincount(inverse[(long["kind"] == k).to_numpy()], minlength=len(uniq)).astype(np.int64)
    if t is not None:
        lo, hi = group_min_max(key, t[long["post"].to_numpy()], uniq)
        edges["first_seen"], edges["last_seen"] = to_timestamps(lo), to_timestamps(hi)
    edges = edges.sort_values(["count", "source", "target"], ascending=[False, True, True], ignore_index=True)
    edges.attrs.update({"kind": kind})
    return edges


def interaction_graph(posts: pd.DataFrame, *, kind: str = "all") -> Any:
    """Directed networkx graph of interactions, author -> target (see :func:`interaction_edges`).

    Nodes are accounts (lowercased), with ``n_posts`` (posts authored in ``posts``; 0 for
    accounts only ever targeted) and ``first_seen``/``last_seen`` (first and last time the
    account posted or was targeted). Edges carry the columns of :func:`interaction_edges`.
    Authors without any interaction appear as isolated nodes. ``G.graph`` records
    ``kind="interaction"``, ``node_type="account"`` and ``interaction`` (the kind).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "time": pd.to_datetime(["2024-02-14 07:00", "2024-02-14 07:05"], utc=True),
    ...     "author": ["Rina", "dodi"], "text": ["@kpu_ri sudah nyoblos", "@rina mantap"],
    ...     "mentions": [["kpu_ri"], ["rina"]], "reply_to": [None, "rina"],
    ...     "is_retweet": [False, False]})
    >>> G = interaction_graph(posts, kind="mention")
    >>> sorted(G.edges(data="count"))
    [('dodi', 'rina', 1), ('rina', 'kpu_ri', 1)]
    >>> G.nodes["rina"]["n_posts"], str(G.nodes["rina"]["last_seen"])
    (1, '2024-02-14 07:05:00+00:00')
    """
    import networkx as nx

    from ._cooccurrence import _records

    check_choice(kind, KINDS, name="kind", func="interaction_graph")
    edges = _edges(posts, kind, "interaction_graph")
    G = nx.DiGraph(kind="interaction", node_type="account", interaction=kind)
    author = posts["author"].astype("string").str.lower()
    valid = author.notna().to_numpy()
    t = times_ns(posts)
    n_posts = author[valid].value_counts()
    names = np.concatenate([author[valid].to_numpy(dtype=object), edges["source"].to_numpy(dtype=object), edges["target"].to_numpy(dtype=object)])
    codes, labels = pd.factorize(names)
    nodes = pd.DataFrame({"node": np.asarray(labels, dtype=object).astype(str)})
    nodes["n_posts"] = nodes["node"].map(n_posts).fillna(0).astype(np.int64).to_numpy()
    if t is not None:
        times = np.concatenate([
            t[valid],
            _as_ns(edges["first_seen"]), _as_ns(edges["first_seen"]),
        ])
        times_hi = np.concatenate([t[valid], _as_ns(edges["last_seen"]), _as_ns(edges["last_seen"])])
        lo, _ = group_min_max(codes.astype(np.int64), times, np.arange(len(labels)))
        _, hi = group_min_max(codes.astype(np.int64), times_hi, np.arange(len(labels)))
        nodes["first_seen"], nodes["last_seen"] = to_timestamps(lo), to_timestamps(hi)
    G.add_nodes_from(zip(nodes["node"], _records(nodes.drop(columns="node"))))
    attrs = [c for c in edges.columns if c not in ("source", "target")]
    G.add_edges_from(zip(edges["source"], edges["target"], _records(edges[attrs])))
    return G


def _as_ns(s: pd.Series) -> np.ndarray:
    out = s.to_numpy(dtype="datetime64[ns]").view(np.int64).copy() if len(s) else np.array([], dtype=np.int64)
    return np.where(s.isna().to_numpy(), NAT, out) if len(s) else out
