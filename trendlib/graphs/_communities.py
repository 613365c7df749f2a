"""Communities (Louvain, seeded) and the per-community report a monitoring team reads."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd

from .._deprecate import renamed_kwargs
from .._keys import account_key
from .._time import to_timestamps, utc_ns
from .._validation import check_choice, check_graph, check_int, check_positive, check_weights, require_columns
from ._louvain import adjacency, louvain, louvain_labels, node_sets, total_weight
from ._util import group_min_max, list_column

ColumnName = Literal["hashtags", "mentions", "author"]

__all__ = ["communities", "community_summary"]

_NODE_COLUMN = {"hashtag": "hashtags", "hashtags": "hashtags", "mention": "mentions", "mentions": "mentions", "account": "author", "author": "author"}


@renamed_kwargs(threshold="min_score")
def communities(G: Any, *, seed: int | None = 0, resolution: float = 1.0, weight: str | None = "weight", min_score: float = 1e-7) -> pd.DataFrame:
    """Louvain communities of ``G`` as a tidy table; also set as the ``community`` node attribute.

    Louvain (Blondel et al. 2008): on a Graph trendlib's compiled implementation of
    the method :func:`networkx.community.louvain_communities` implements (same move,
    aggregation and stopping rules; 3 to 11 times faster, equal modularity:
    ``benchmarks/bench_graphs.py --louvain``), on a DiGraph networkx's own (directed
    modularity). With the same ``seed`` the result is identical run to run; the node
    order is drawn from NumPy's generator, so a Graph's partition can differ from
    networkx's for the same seed. Communities are numbered by size: 0 is the largest
    (ties broken by the smallest member name).

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Weights must be non-negative; on a graph built with ``weight="pmi"`` pass
        ``weight="count"``.
    seed : int or None
        Random seed of Louvain's node order (``None``: not reproducible).
    resolution : float > 0
        Above 1 favours smaller communities, below 1 larger ones.
    weight : str or None
        Edge attribute used as weight (``None``: unweighted).
    min_score : float
        Louvain stops when a pass gains less modularity than this (replaces
        ``threshold=``, deprecated).

    Returns
    -------
    pandas.DataFrame
        ``node``, ``community`` (int, 0 = largest) and ``size``, ordered by community then
        node. ``G`` is modified in place: each node gets a ``community`` attribute.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph([("ktt", "asean"), ("asean", "jakarta"), ("ktt", "jakarta"),
    ...               ("timnas", "garuda"), ("garuda", "sepakbola"), ("timnas", "sepakbola"),
    ...               ("jakarta", "timnas")])
    >>> table = communities(G, seed=1)
    >>> table.groupby("community")["node"].apply(sorted).tolist()
    [['asean', 'jakarta', 'ktt'], ['garuda', 'sepakbola', 'timnas']]
    >>> G.nodes["ktt"]["community"]
    0
    """
    import networkx as nx

    check_graph(G, func="communities")
    resolution = check_positive(resolution, name="resolution", func="communities")
    check_weights(G, weight, func="communities")
    parts = _louvain(G, weight=weight, resolution=resolution, min_score=min_score, seed=seed)
    parts = sorted(parts, key=lambda p: (-len(p), min(map(str, p))))
    rows = []
    for cid, part in enumerate(parts):
        for node in sorted(part, key=str):
            rows.append((node, cid, len(part)))
    table = pd.DataFrame(rows, columns=["node", "community", "size"])
    table["community"] = table["community"].astype(np.int64)
    table["size"] = table["size"].astype(np.int64)
    nx.set_node_attributes(G, dict(zip(table["node"], table["community"].tolist())), "community")
    table.attrs.update({"seed": seed, "resolution": resolution, "weight": weight})
    return table


def _louvain(G: Any, *, weight: str | None, resolution: float, min_score: float, seed: int | None) -> list:
    """Louvain on the components that can split; components of one or two nodes are communities as they are.

    In real interaction graphs most nodes are accounts with no interaction at all or one
    reply (at 300,000 posts: 64% isolated, 87,000 of 89,000 components with one or two
    nodes), and networkx's Louvain visits every one of them at every level. Louvain never
    joins nodes that are not connected and always keeps a connected pair together, so
    those components are set aside and Louvain runs on the rest. The modularity gain of a
    move there is the gain in the whole graph times ``m / m_rest`` (``m``: total edge
    weight) once the resolution is scaled by ``m_rest / m`` and the stopping threshold by
    ``m / m_rest``, so the same moves are taken; only the random visiting order, drawn
    from ``seed`` over fewer nodes, differs from a run on the whole graph.
    """
    import networkx as nx

    comps = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    small, rest = [], []
    for c in comps:
        (small if len(c) <= 2 else rest).append(c)
    if not rest:
        return small
    inside = set().union(*rest)
    nodes = [n for n in G if n in inside]  # G's order: Louvain's seeded shuffle starts from it
    m = G.size(weight=weight)
    if not G.is_directed():  # the compiled Louvain, on the adjacency matrix of the rest
        A = adjacency(G, nodes, weight)
        m_rest = total_weight(A)
        if not m_rest or not m:
            return louvain(G, weight=weight, resolution=resolution, min_score=min_score, seed=seed)
        ratio = m_rest / m
        labels = louvain_labels(A, resolution=resolution * ratio, min_score=min_score / ratio, seed=seed)
        return [*node_sets(labels, nodes), *small]
    # a plain graph, not a subgraph view: networkx's Louvain reads every adjacency several times per level
    core = G.__class__()
    core.add_nodes_from(nodes)
    if weight is None:
        core.add_edges_from(G.edges(nodes))
    else:
        core.add_weighted_edges_from(G.edges(nodes, data=weight, default=1), weight=weight)
    m_rest = core.size(weight=weight)
    if not m_rest or not m:
        return nx.community.louvain_communities(G, weight=weight, resolution=resolution, threshold=min_score, seed=seed)
    ratio = m_rest / m
    parts = nx.community.louvain_communities(core, weight=weight, resolution=resolution * ratio,
                                             threshold=min_score / ratio, seed=seed)
    return [*parts, *small]


def _membership(communities: Any, G: Any) -> pd.Series:
    """node -> community from a table, a dict, a list of sets or the node attribute."""
    if communities is None:
        values = {n: c for n, c in G.nodes(data="community") if c is not None}
        if not values:
            raise ValueError(
                "community_summary() needs communities: pass the table from communities(G) "
                "or run it first so nodes carry a 'community' attribute. Got None."
            )
        return pd.Series(values)
    if isinstance(communities, pd.DataFrame):
        require_columns(communities, ["node", "community"], func="community_summary", hint="trendlib.graphs.communities(G)")
        return pd.Series(communities["community"].to_numpy(), index=communities["node"].to_numpy())
    if isinstance(communities, dict):
        return pd.Series(communities)
    if isinstance(communities, (list, tuple)):
        return pd.Series({n: i for i, part in enumerate(communities) for n in part})
    raise TypeError(
        "community_summary() expects communities as the table from communities(G), a dict "
        f"node -> community or a list of node sets. Got {type(communities).__name__}."
    )


@renamed_kwargs(by="columns")
def community_summary(posts: pd.DataFrame, G: Any, communities: Any = None, *, columns: ColumnName | None = None, top: int = 5) -> pd.DataFrame:
    """Per community: size, share of posts, top hashtags, mentions and accounts, sentiment, activity.

    A post belongs to a community when it touches one of its nodes: for a hashtag graph,
    when it carries one of the community's hashtags; for a mention graph, when it mentions
    one of its accounts; for an account (interaction) graph, when one of its accounts wrote
    it. A post can belong to several communities, so shares can add up to more than 1.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts (``author``, ``hashtags``, ``mentions``, ``time``; ``sentiment``
        used when present, e.g. from ``trendlib.sentiment.add_sentiment``).
    G : networkx.Graph
        The graph the communities were found on (``G.graph["node_type"]`` tells how nodes
        map to posts).
    communities : DataFrame, dict or list of sets, optional
        The table from :func:`communities` (default: the ``community`` node attribute).
    columns : {"hashtags", "mentions", "author"}, optional
        The posts column whose values are the graph's nodes; default from
        ``G.graph["node_type"]`` (replaces ``by=``, deprecated). Accounts (``author``,
        ``mentions``) are matched by their key (:func:`trendlib._keys.account_key`), so
        ``"Jokowi"`` in the posts is the node ``jokowi``.
    top : int
        How many top nodes / hashtags / mentions / accounts to list.

    Returns
    -------
    pandas.DataFrame
        One row per community (largest first, ties by community id): ``community``,
        ``size`` (nodes), ``n_posts``, ``share_posts``, ``top_nodes`` (by post count),
        ``top_hashtags``, ``top_mentions``, ``top_accounts`` (lists of str, ties by name),
        ``first_seen``, ``last_seen`` (UTC; NaT for a community without posts) and, when
        posts have ``sentiment``, one ``sentiment_<label>`` share column per label.

    See Also
    --------
    communities : the table this function summarises.

    Notes
    -----
    Every statistic is one group-by over integer codes of (community, value) pairs, so
    the cost grows with the number of (post, node) links, not with the number of
    communities (18,772 mostly single-account communities of a 46k-post report were the
    slow case of a loop over communities).

    Examples
    --------
    >>> import pandas as pd
    >>> from trendlib.graphs import co_hashtag_graph, communities
    >>> posts = pd.DataFrame({
    ...     "time": pd.to_datetime(["2023-09-05 08:00", "2023-09-05 09:00", "2023-09-06 10:00"], utc=True),
    ...     "author": ["rina", "budi", "sari"],
    ...     "hashtags": [["ktt", "asean"], ["ktt", "asean"], ["timnas", "garuda"]],
    ...     "mentions": [["setkab"], [], ["pssi"]],
    ...     "sentiment": ["positive", "neutral", "positive"]})
    >>> G = co_hashtag_graph(posts)
    >>> table = communities(G, seed=0)
    >>> s = community_summary(posts, G, table)
    >>> s[["community", "size", "n_posts", "top_hashtags", "sentiment_positive"]]
       community  size  n_posts    top_hashtags  sentiment_positive
    0          0     2        2    [asean, ktt]                 0.5
    1          1     2        1  [garuda, timnas]                 1.0
    """
    func = "community_summary"
    check_graph(G, func=func)
    top = check_int(top, name="top", func=func)
    member = _membership(communities, G)
    if columns is None:
        node_type = G.graph.get("node_type")
        if node_type not in _NODE_COLUMN:
            raise ValueError(
                "community_summary() cannot tell which post column the nodes come from: pass "
                f"columns='hashtags', 'mentions' or 'author'. Got G.graph['node_type'] = {node_type!r}."
            )
        columns = _NODE_COLUMN[node_type]
    check_choice(columns, ["hashtags", "mentions", "author"], name="columns", func=func)
    require_columns(posts, [columns], func=func, hint="trendlib.read_posts(...)")
    n = len(posts)

    # community codes: 0 .. k-1 in output order (largest first, ties by community id)
    member.index = member.index.map(str)
    sizes = member.value_counts()
    order = sorted(sizes.index, key=lambda c: (-sizes[c], c))
    k = len(order)
    code_of = pd.Series(np.arange(k, dtype=np.int64), index=pd.Index(order))
    node_comm = pd.Series(code_of.reindex(member.to_numpy()).to_numpy(), index=member.index)
    if columns == "mentions":  # graph nodes of accounts are account keys
        node_comm.index = node_comm.index.map(account_key)
        node_comm = node_comm[~node_comm.index.duplicated()]

    # (post, node) links and (post, community) membership
    if columns == "author":
        idx = np.arange(n)
        vals = _account_keys(posts["author"])
    else:
        idx, vals = _flat(posts, columns, lower=columns == "mentions")
    ok = vals != ""
    idx, vals = idx[ok], vals[ok]
    comm = node_comm.reindex(vals).to_numpy(dtype=np.float64, na_value=np.nan)
    has = ~np.isnan(comm)
    link = pd.DataFrame({"post": idx[has], "c": comm[has].astype(np.int64)}).drop_duplicates()

    out = pd.DataFrame({"community": np.asarray(order, dtype=object), "size": sizes.reindex(order).to_numpy(dtype=np.int64)})
    try:
        out["community"] = out["community"].astype(np.int64)
    except (TypeError, ValueError):
        pass
    n_posts = np.bincount(link["c"].to_numpy(), minlength=k).astype(np.int64)
    out["n_posts"] = n_posts
    out["share_posts"] = n_posts / n if n else np.zeros(k)

    # top nodes: occurrences of each node value in the posts
    node_counts = pd.Series(vals).value_counts()
    nodes = pd.DataFrame({"c": node_comm.to_numpy(), "value": node_comm.index.to_numpy(dtype=object)})
    nodes["n"] = node_counts.reindex(nodes["value"]).fillna(0).to_numpy()
    out["top_nodes"] = _top_lists(nodes[nodes["n"] > 0], k, top)
    posts_of = link["post"].to_numpy()
    c_of = link["c"].to_numpy()
    for col, name in (("hashtags", "top_hashtags"), ("mentions", "top_mentions")):
        out[name] = _top_lists(_joined(posts, col, posts_of, c_of, lower=col == "mentions"), k, top) if col in posts.columns else [[] for _ in range(k)]
    if "author" in posts.columns:
        authors = _account_keys(posts["author"])[posts_of]
        sel = authors != ""
        out["top_accounts"] = _top_lists(_count(c_of[sel], authors[sel]), k, top)
    else:
        out["top_accounts"] = [[] for _ in range(k)]
    if "time" in posts.columns:
        t = utc_ns(posts["time"])[posts_of]
        lo, hi = group_min_max(c_of, t, np.arange(k))
        out["first_seen"], out["last_seen"] = to_timestamps(lo), to_timestamps(hi)
    else:
        out["first_seen"] = out["last_seen"] = pd.NaT
    if "sentiment" in posts.columns and k:
        s = posts["sentiment"].to_numpy(dtype=object)[posts_of]
        valid = pd.notna(s)
        labs = pd.Series(s[valid]).astype(str).to_numpy(dtype=object)
        labels = sorted(set(labs))
        lab_codes = pd.Index(labels).get_indexer(labs) if len(labs) else np.array([], dtype=np.int64)
        counts = np.zeros((k, len(labels)))
        np.add.at(counts, (c_of[valid], lab_codes), 1)
        totals = counts.sum(axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            shares = np.where(totals > 0, counts / np.maximum(totals, 1), np.nan)
        for j, lab in enumerate(labels):
            out[f"sentiment_{lab}"] = shares[:, j]
    return out


def _account_keys(s: pd.Series) -> np.ndarray:
    """Account keys of a column (missing -> ""), applying the identity rule to distinct values only."""
    codes, uniques = pd.factorize(s.to_numpy(dtype=object), use_na_sentinel=True)
    keys = np.asarray([account_key(u) for u in uniques] + [""], dtype=object)
    return keys[codes]  # code -1 picks the trailing ""


def _flat(posts: pd.DataFrame, column: str, *, lower: bool) -> tuple[np.ndarray, np.ndarray]:
    """(post index, str value) of every item of a list column; accounts as account keys."""
    lists = list_column(posts, column, func="community_summary")
    idx = np.repeat(np.arange(len(lists)), [len(v) for v in lists])
    flat = [x for v in lists for x in v]
    codes, uniques = pd.factorize(np.asarray(flat, dtype=object), use_na_sentinel=True)
    labels = [("" if (u is None or (isinstance(u, float) and u != u)) else (account_key(u) if lower else str(u))) for u in uniques]
    vals = np.asarray(labels + [""], dtype=object)[codes] if len(flat) else np.array([], dtype=object)
    return idx, vals


def _joined(posts: pd.DataFrame, column: str, posts_of: np.ndarray, c_of: np.ndarray, *, lower: bool) -> pd.DataFrame:
    """Counts of (community, value): each value once per post, posts as linked to communities."""
    idx, vals = _flat(posts, column, lower=lower)
    pv = pd.DataFrame({"post": idx, "value": vals})
    pv = pv[pv["value"] != ""].drop_duplicates()
    m = pd.DataFrame({"post": posts_of, "c": c_of}).merge(pv, on="post", how="inner")
    return _count(m["c"].to_numpy(), m["value"].to_numpy(dtype=object))


def _count(c: np.ndarray, values: np.ndarray) -> pd.DataFrame:
    frame = pd.DataFrame({"c": c, "value": values})
    return frame.groupby(["c", "value"], sort=False).size().rename("n").reset_index()


def _top_lists(frame: pd.DataFrame, k: int, top: int) -> list[list[str]]:
    """Per community code 0..k-1: the ``top`` values by count, ties by name (as str).

    One sort of all (community, value, count) rows, a cumulative count per community to
    keep the first ``top``, and one split of the sorted values at the community bounds.
    """
    if not len(frame):
        return [[] for _ in range(k)]
    frame = frame.assign(value=frame["value"].astype(str))
    frame = frame.sort_values(["c", "n", "value"], ascending=[True, False, True], kind="stable")
    frame = frame[frame.groupby("c", sort=False).cumcount().to_numpy() < top]
    c = frame["c"].to_numpy(dtype=np.int64)
    bounds = np.searchsorted(c, np.arange(1, k)).tolist()
    values = frame["value"].to_numpy(dtype=object).tolist()  # list slices, not k numpy arrays
    return [values[a:b] for a, b in zip([0, *bounds], [*bounds, len(values)])]
