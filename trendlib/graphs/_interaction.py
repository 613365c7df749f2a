"""Interaction graphs: who mentions, replies to and retweets whom (directed, author -> target).

Per post, the interactions are:

* ``mention``: the author to every account in ``mentions`` (each once per post). On Twitter
  a reply starts with the replied-to handle, so replies also count as mentions.
* ``reply``: the author to ``reply_to`` when it is set.
* ``retweet``: for rows with ``is_retweet`` true, the author to the retweeted account,
  read from the ``RT @user:`` prefix of the text, else the first mention. Retweet rows
  are not counted as mentions (the mention is the retweet's attribution).

Accounts have one identity, :func:`trendlib._keys.account_key` (the handle without ``@``,
lowercased), applied to authors, mentions, reply and retweet targets alike, so an author
``Jokowi``, a mention ``@jokowi`` and a reply to ``JOKOWI`` are one node and
``posts.author.isin(G)`` finds every post whose author has a node once the readers key
``author`` the same way (they do). The handle as written is kept as the node attribute
``author_name`` when posts have that column. Self-interactions are dropped. Counting is
a ``groupby`` over integer codes, not a Python loop over pairs.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd

from .._keys import account_key
from .._time import NAT, to_timestamps
from .._validation import check_choice, require_columns
from ._util import group_min_max, incidence, list_column, times_ns

__all__ = ["interaction_edges", "interaction_graph"]

KINDS = ("mention", "reply", "retweet", "all")
_RT = re.compile(r"^\s*RT\s+@(\w+)", re.IGNORECASE)


def _retweet_flags(posts: pd.DataFrame) -> np.ndarray:
    if "is_retweet" in posts.columns:
        return posts["is_retweet"].fillna(False).astype(bool).to_numpy()
    if "text" in posts.columns:
        return posts["text"].fillna("").astype(str).str.match(_RT).to_numpy()
    return np.zeros(len(posts), dtype=bool)


def str_frame(columns: dict) -> pd.DataFrame:
    """A DataFrame whose str columns fall back to ``object`` when pyarrow refuses a value.

    pandas 3 stores str columns with pyarrow, which cannot hold a lone surrogate (read
    as it is from a JSON ``\\ud83d`` escape); such names stay usable as ``object``.
    """
    try:
        return pd.DataFrame(columns)
    except UnicodeEncodeError:
        return pd.DataFrame({k: pd.Series(v, dtype=object) if getattr(v, "dtype", None) == object else v for k, v in columns.items()})


def _lower_codes(values: list) -> tuple[np.ndarray, np.ndarray]:
    """Factorize values (None -> -1) by their account key, keying distinct values only."""
    codes, labels = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    lowered = np.asarray([account_key(x) for x in labels], dtype=object)
    codes_l, labels_l = pd.factorize(lowered)
    codes = np.where(codes >= 0, codes_l[np.maximum(codes, 0)] if len(codes_l) else -1, -1)
    return codes.astype(np.int64), np.asarray(labels_l, dtype=object)


class _Vocab:
    """One code space for all account names (authors and targets)."""

    def __init__(self) -> None:
        self.parts: list[np.ndarray] = []
        self.offset = 0

    def add(self, codes: np.ndarray, labels: np.ndarray) -> np.ndarray:
        self.parts.append(labels)
        out = np.where(codes >= 0, codes + self.offset, -1)
        self.offset += len(labels)
        return out

    def finish(self, *code_arrays: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
        allnames = np.concatenate(self.parts) if self.parts else np.array([], dtype=object)
        remap, labels = pd.factorize(allnames)
        remap = np.asarray(remap, dtype=np.int64)
        return [np.where(c >= 0, remap[np.maximum(c, 0)] if len(remap) else -1, -1) for c in code_arrays], np.asarray(labels, dtype=object)


def _interactions(posts: pd.DataFrame, kind: str, func: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Integer arrays (post, source, target, kind id) of all interactions + author codes + names."""
    require_columns(posts, ["author"], func=func, hint="trendlib.read_posts(...)")
    vocab = _Vocab()
    a_codes, a_labels = _lower_codes(posts["author"].astype(object).where(posts["author"].notna(), None).tolist())
    author = vocab.add(a_codes, a_labels)
    rt = _retweet_flags(posts)
    post, target, kinds = [], [], []
    if kind in ("mention", "all"):
        X, labels = incidence(list_column(posts, "mentions", func=func), lower=True)
        labels = np.asarray([x.lstrip("@") for x in labels], dtype=object)
        X = X.tocoo()
        keep = ~rt[X.row]  # a retweet's mention is its attribution, not a mention
        post.append(X.row[keep].astype(np.int64))
        target.append(vocab.add(X.col[keep].astype(np.int64), labels))
        kinds.append(np.zeros(int(keep.sum()), dtype=np.int8))
    if kind in ("reply", "all"):
        require_columns(posts, ["reply_to"], func=func, hint="trendlib.read_posts(...)")
        codes, labels = _lower_codes(posts["reply_to"].astype(object).where(posts["reply_to"].notna(), None).tolist())
        empty = np.flatnonzero(labels == "")
        if len(empty):
            codes[codes == empty[0]] = -1
        idx = np.flatnonzero(codes >= 0)
        post.append(idx)
        target.append(vocab.add(codes[idx], labels))
        kinds.append(np.ones(len(idx), dtype=np.int8))
    if kind in ("retweet", "all"):
        idx = np.flatnonzero(rt)
        texts = posts["text"].tolist() if "text" in posts.columns else None
        mentions = list_column(posts, "mentions", func=func) if "mentions" in posts.columns else None
        names = []
        for i in idx:
            m = _RT.match(texts[i]) if texts is not None and isinstance(texts[i], str) else None
            if m:
                names.append(m.group(1))
            elif mentions is not None and len(mentions[i]):
                names.append(str(mentions[i][0]))
            else:
                names.append(None)
        codes, labels = _lower_codes(names)
        ok = codes >= 0
        post.append(idx[ok])
        target.append(vocab.add(codes[ok], labels))
        kinds.append(np.full(int(ok.sum()), 2, dtype=np.int8))
    post_a = np.concatenate(post) if post else np.array([], dtype=np.int64)
    (author, target_a), names = vocab.finish(author, np.concatenate(target) if target else np.array([], dtype=np.int64))
    kind_a = np.concatenate(kinds) if kinds else np.array([], dtype=np.int8)
    source = author[post_a]
    ok = (source >= 0) & (target_a >= 0) & (source != target_a)
    return post_a[ok], source[ok], target_a[ok], kind_a[ok], author, names


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
    return _edges(posts, kind, "interaction_edges")[0]


def _edges(posts: pd.DataFrame, kind: str, func: str) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    post, src, tgt, kinds, author, names = _interactions(posts, kind, func)
    t = times_ns(posts)
    m = max(len(names), 1)
    key = src * m + tgt
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.array([], dtype=np.int64)
    ukey = key[starts]
    counts = np.diff(np.r_[starts, len(key)]).astype(np.int64)
    cols: dict[str, np.ndarray] = {"count": counts}
    if kind == "all":
        k_sorted = kinds[order]
        for k, label in enumerate(("mention", "reply", "retweet")):
            cols[label] = np.add.reduceat((k_sorted == k).astype(np.int64), starts) if len(starts) else np.array([], dtype=np.int64)
    if t is not None:
        cols["first_seen"], cols["last_seen"] = group_min_max(key, t[post[order]], ukey)
    # sort by count, then names, on integer ranks (no string sort of the whole table)
    name_rank = np.empty(len(names), dtype=np.int64)
    name_rank[np.argsort(names.astype(str), kind="stable")] = np.arange(len(names))
    s_code, t_code = ukey // m, ukey % m
    final = np.lexsort((name_rank[t_code], name_rank[s_code], -counts))
    edges = str_frame({"source": names[s_code[final]], "target": names[t_code[final]]})
    for c, values in cols.items():
        edges[c] = to_timestamps(values[final]) if c in ("first_seen", "last_seen") else values[final]
        if c == "count":
            edges["weight"] = values[final].astype(np.float64)
    edges.attrs.update({"kind": kind})
    return edges, author, names


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
    edges, author, names = _edges(posts, kind, "interaction_graph")
    G = nx.DiGraph(kind="interaction", node_type="account", interaction=kind)
    t = times_ns(posts)
    valid = author >= 0
    n = len(names)
    pos = dict(zip(names.tolist(), range(n)))  # a dict, not pd.Index: names may hold lone surrogates
    e_src = np.fromiter(map(pos.__getitem__, edges["source"].tolist()), dtype=np.int64, count=len(edges))
    e_tgt = np.fromiter(map(pos.__getitem__, edges["target"].tolist()), dtype=np.int64, count=len(edges))
    present = np.zeros(n, dtype=bool)
    present[author[valid]] = True
    present[e_src] = True
    present[e_tgt] = True
    nodes = str_frame({"node": names if n else np.array([], dtype=object),
                       "n_posts": np.bincount(author[valid], minlength=n).astype(np.int64)})
    if "author_name" in posts.columns and n:  # the handle as written, most used first
        shown = pd.DataFrame({"code": author[valid], "name": posts["author_name"].to_numpy(dtype=object)[valid]}).dropna()
        if len(shown):
            best = shown.groupby(["code", "name"], sort=False).size().rename("k").reset_index()
            best = best.sort_values(["code", "k"], ascending=[True, False], kind="stable").drop_duplicates("code")
            label = np.full(n, None, dtype=object)
            label[best["code"].to_numpy()] = best["name"].to_numpy(dtype=object)
            nodes["author_name"] = label
    if t is not None:
        codes = np.concatenate([author[valid], e_src, e_tgt])
        first = np.concatenate([t[valid], _as_ns(edges["first_seen"]), _as_ns(edges["first_seen"])])
        last = np.concatenate([t[valid], _as_ns(edges["last_seen"]), _as_ns(edges["last_seen"])])
        lo, _ = group_min_max(codes, first, np.arange(n))
        _, hi = group_min_max(codes, last, np.arange(n))
        nodes["first_seen"], nodes["last_seen"] = to_timestamps(lo), to_timestamps(hi)
    nodes = nodes[present]
    G.add_nodes_from(zip(nodes["node"].tolist(), _records(nodes.drop(columns="node"))))
    attrs = [c for c in edges.columns if c not in ("source", "target")]
    G.add_edges_from(zip(edges["source"].tolist(), edges["target"].tolist(), _records(edges[attrs])))
    return G


def _as_ns(s: pd.Series) -> np.ndarray:
    out = s.to_numpy(dtype="datetime64[ns]").view(np.int64).copy() if len(s) else np.array([], dtype=np.int64)
    return np.where(s.isna().to_numpy(), NAT, out) if len(s) else out
