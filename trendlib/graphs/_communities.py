"""Communities (Louvain, seeded) and the per-community report a monitoring team reads."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, check_positive, require_columns
from ._util import check_graph, check_int, check_weights, list_column

__all__ = ["communities", "community_summary"]

_NODE_COLUMN = {"hashtag": "hashtags", "hashtags": "hashtags", "mention": "mentions", "mentions": "mentions", "account": "author", "author": "author"}


def communities(G: Any, *, seed: int | None = 0, resolution: float = 1.0, weight: str | None = "weight", threshold: float = 1e-7) -> pd.DataFrame:
    """Louvain communities of ``G`` as a tidy table; also set as the ``community`` node attribute.

    Uses :func:`networkx.community.louvain_communities` (directed modularity on a
    DiGraph). With the same ``seed`` the result is identical run to run. Communities are
    numbered by size: 0 is the largest (ties broken by the smallest member name).

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
    threshold : float
        Louvain stops when modularity gains less than this.

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
    parts = nx.community.louvain_communities(G, weight=weight, resolution=resolution, threshold=threshold, seed=seed)
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


def community_summary(posts: pd.DataFrame, G: Any, communities: Any = None, *, by: str | None = None, top: int = 5) -> pd.DataFrame:
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
    by : {"hashtags", "mentions", "author"}, optional
        Post column the nodes are values of; default from ``G.graph["node_type"]``.
    top : int
        How many top hashtags / mentions / accounts to list.

    Returns
    -------
    pandas.DataFrame
        One row per community (largest first): ``community``, ``size`` (nodes),
        ``n_posts``, ``share_posts``, ``top_nodes`` (by post count), ``top_hashtags``,
        ``top_mentions``, ``top_accounts`` (lists of str), ``first_seen``, ``last_seen``
        and, when posts have ``sentiment``, one ``sentiment_<label>`` share column per label.

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
    check_graph(G, func="community_summary")
    top = check_int(top, name="top", func="community_summary")
    member = _membership(communities, G)
    if by is None:
        node_type = G.graph.get("node_type")
        if node_type not in _NODE_COLUMN:
            raise ValueError(
                "community_summary() cannot tell which post column the nodes come from: pass "
                f"by='hashtags', 'mentions' or 'author'. Got G.graph['node_type'] = {node_type!r}."
            )
        by = _NODE_COLUMN[node_type]
    check_choice(by, ["hashtags", "mentions", "author"], name="by", func="community_summary")
    require_columns(posts, [by], func="community_summary", hint="trendlib.read_posts(...)")

    n = len(posts)
    if by == "author":
        idx = np.arange(n)
        vals = posts["author"].astype("string").str.lower().to_numpy(dtype=object, na_value=None)
    else:
        lists = list_column(posts, by, func="community_summary")
        idx = np.repeat(np.arange(n), [len(v) for v in lists])
        vals = np.asarray([str(x) for v in lists for x in v], dtype=object)
    member.index = member.index.map(str)
    comm = pd.Series(vals).map(member).to_numpy()
    link = pd.DataFrame({"post": idx, "community": comm}).dropna().drop_duplicates()
    link["community"] = link["community"].astype(np.int64)

    sizes = member.value_counts()
    rows = []
    node_posts = pd.Series(vals).value_counts()
    for cid in sorted(sizes.index, key=lambda c: (-sizes[c], c)):
        p = posts.iloc[link.loc[link["community"] == cid, "post"].to_numpy()]
        nodes = member.index[member.to_numpy() == cid]
        top_nodes = node_posts.reindex(nodes).fillna(0).sort_values(ascending=False, kind="stable")
        row = {
            "community": int(cid),
            "size": int(sizes[cid]),
            "n_posts": len(p),
            "share_posts": len(p) / n if n else 0.0,
            "top_nodes": _top_sorted(top_nodes, top),
            "top_hashtags": _top_items(p, "hashtags", top),
            "top_mentions": _top_items(p, "mentions", top),
            "top_accounts": _top_authors(p, top),
        }
        if "time" in p.columns and len(p):
            t = pd.to_datetime(p["time"], utc=True)
            row["first_seen"], row["last_seen"] = t.min(), t.max()
        else:
            row["first_seen"] = row["last_seen"] = pd.NaT
        rows.append(row)
    out = pd.DataFrame(rows)
    if "sentiment" in posts.columns and len(out):
        labels = sorted(posts["sentiment"].dropna().astype(str).unique())
        for lab in labels:
            out[f"sentiment_{lab}"] = np.nan
        for i, cid in enumerate(out["community"]):
            s = posts["sentiment"].iloc[link.loc[link["community"] == cid, "post"].to_numpy()].dropna().astype(str)
            if len(s):
                shares = s.value_counts(normalize=True)
                for lab in labels:
                    out.loc[i, f"sentiment_{lab}"] = float(shares.get(lab, 0.0))
    return out


def _top_sorted(counts: pd.Series, top: int) -> list[str]:
    counts = counts[counts > 0]
    order = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    return [str(k) for k, _ in order[:top]]


def _top_items(p: pd.DataFrame, column: str, top: int) -> list[str]:
    if column not in p.columns or not len(p):
        return []
    lists = list_column(p, column, func="community_summary")
    flat = pd.Series([str(x) for v in lists for x in set(map(str, v))], dtype=object)
    return _top_sorted(flat.value_counts(), top)


def _top_authors(p: pd.DataFrame, top: int) -> list[str]:
    if "author" not in p.columns or not len(p):
        return []
    return _top_sorted(p["author"].dropna().astype(str).value_counts(), top)
