"""Co-occurrence graphs: hashtags (or mentions, or any list column) that appear in the same post.

Counts come from the binary posts x items incidence matrix ``X`` (scipy.sparse; an item
repeated within a post counts once): ``C = X.T @ X`` holds in ``C[a, b]`` the number of
posts carrying both ``a`` and ``b`` and in ``C[a, a]`` the posts carrying ``a``. When the
posts carry times, the same counts and the first/last time of every pair come out of a
single sort of the per-post pairs (generated with numpy from ``X``'s rows, each packed
with its post's time rank into one int64), which is faster than ``X.T @ X`` followed by a
second pass for the times; a test checks both paths agree. No Python loop over pairs.

Association measures, over the ``N`` posts that carry at least one item of the column
(posts without any hashtag say nothing about how hashtags associate), with ``n_a``,
``n_b`` the posts carrying each item and ``n_ab`` the posts carrying both:

=========  =================================================  ===================
measure    formula                                            range
=========  =================================================  ===================
count      ``n_ab``                                           1 .. N
pmi        ``log2(n_ab * N / (n_a * n_b))``                   -inf .. log2 N
npmi       ``pmi / -log2(n_ab / N)`` (1 when ``n_ab == N``)   -1 .. 1
jaccard    ``n_ab / (n_a + n_b - n_ab)``                      0 .. 1
lift       ``n_ab * N / (n_a * n_b)`` (= 2 ** pmi)            0 .. N
=========  =================================================  ===================

Raw counts favour the most common tags; PMI favours rare pairs (use ``min_edge_count``);
NPMI and Jaccard are bounded and comparable across datasets.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._time import to_timestamps
from .._validation import check_choice, check_int
from ._util import column_min_max, incidence, list_column, pair_stats, times_ns

__all__ = [
    "cooccurrence_edges",
    "cooccurrence_graph",
    "co_hashtag_edges",
    "co_hashtag_graph",
    "co_mention_edges",
    "co_mention_graph",
]

WEIGHTS = ("count", "pmi", "npmi", "jaccard", "lift")


def _association(n_ab: np.ndarray, n_a: np.ndarray, n_b: np.ndarray, n: int, weight: str) -> np.ndarray:
    n_ab = n_ab.astype(np.float64)
    if weight == "count":
        return n_ab
    if weight == "jaccard":
        return n_ab / (n_a + n_b - n_ab)
    lift = n_ab * n / (n_a.astype(np.float64) * n_b)
    if weight == "lift":
        return lift
    pmi = np.log2(lift)
    if weight == "pmi":
        return pmi
    denom = -np.log2(n_ab / n)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.where(denom > 0, pmi / np.where(denom > 0, denom, 1.0), 1.0)
    return out


def _edge_order(n_ab: np.ndarray, w: np.ndarray, ra: np.ndarray, rb: np.ndarray, weight: str) -> np.ndarray:
    """Edge order: weight descending, then count descending, then source and target names.

    Pairs usually arrive sorted by (source, target) name rank already (item codes are name
    ranks and :func:`pair_stats` returns pairs sorted by code): then a stable sort on the
    count (a radix sort when counts fit in 16 bits) is enough for ``weight="count"`` (the
    weight is the count) and a two-key ``lexsort`` for the other measures. Otherwise the
    three integer keys are packed into one int64 when they fit.
    """
    m = len(n_ab)
    if not m:
        return np.array([], dtype=np.int64)
    top = int(n_ab.max())
    down = top - n_ab  # count descending as an ascending key
    if top < 2**16:
        down = down.astype(np.uint16)
    by_name = m < 2 or bool(((ra[1:] > ra[:-1]) | ((ra[1:] == ra[:-1]) & (rb[1:] > rb[:-1]))).all())
    if not by_name:
        bits = max(int(max(ra.max(), rb.max())).bit_length(), 1)
        if 2 * bits + top.bit_length() > 63:
            return np.lexsort((rb, ra, -n_ab, -w))
        down = ((top - n_ab) << (2 * bits)) | (ra << bits) | rb  # unique keys
    if weight == "count":
        return np.argsort(down, kind="stable")
    return np.lexsort((down, -w))


def _build(posts: pd.DataFrame, column: str, *, weight: str, min_count: int, min_edge_count: int, func: str, with_nodes: bool = True) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Edge list and (``with_nodes``) node table; edge-list callers skip the node work."""
    check_choice(weight, WEIGHTS, name="weight", func=func)
    min_count = check_int(min_count, name="min_count", func=func)
    min_edge_count = check_int(min_edge_count, name="min_edge_count", func=func)
    lists = list_column(posts, column, func=func)
    X, labels = incidence(lists)
    n = int((np.diff(X.indptr) > 0).sum())
    node_count = np.bincount(X.indices, minlength=X.shape[1]).astype(np.int64)
    keep = np.flatnonzero(node_count >= min_count)
    if len(keep) < X.shape[1]:
        X = X[:, keep]
        labels, node_count = labels[keep], node_count[keep]
    t = times_ns(posts)
    meta = {"column": column, "weight": weight, "n_posts": n, "min_count": min_count, "min_edge_count": min_edge_count}

    nodes = None
    if with_nodes:
        cols = {"node": labels.astype(str), "count": node_count}
        if t is not None:
            first, last = column_min_max(X, t)
            cols["first_seen"], cols["last_seen"] = to_timestamps(first), to_timestamps(last)
        nodes = pd.DataFrame(cols).sort_values(["count", "node"], ascending=[False, True], ignore_index=True)
        nodes.attrs.update(meta)

    a, b, n_ab, first, last = pair_stats(X, t)  # one stable sort of the per-post pairs
    keep_e = n_ab >= min_edge_count
    if not keep_e.all():
        a, b, n_ab = a[keep_e], b[keep_e], n_ab[keep_e]
        if first is not None:
            first, last = first[keep_e], last[keep_e]
    w = _association(n_ab, node_count[a], node_count[b], n, weight)
    # canonical orientation (source < target as strings) and a row-order-free sort, on ints
    name_rank = np.empty(len(labels), dtype=np.int64)
    name_rank[np.argsort(labels.astype(str), kind="stable")] = np.arange(len(labels))
    ra, rb = name_rank[a], name_rank[b]
    swap = ra > rb
    if swap.any():
        a, b, ra, rb = np.where(swap, b, a), np.where(swap, a, b), np.where(swap, rb, ra), np.where(swap, ra, rb)
    order = _edge_order(n_ab, w, ra, rb, weight)
    cols = {"source": labels[a[order]], "target": labels[b[order]], "count": n_ab[order], "weight": w[order]}
    if t is not None:
        cols["first_seen"], cols["last_seen"] = to_timestamps(first[order]), to_timestamps(last[order])
    edges = pd.DataFrame(cols)
    edges.attrs.update(meta)
    return edges, nodes


def cooccurrence_edges(posts: pd.DataFrame, column: str, *, weight: str = "count", min_count: int = 1, min_edge_count: int = 1) -> pd.DataFrame:
    """Edge list of items of a list column that appear together in posts.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts; ``column`` holds lists of str. ``time`` is used when present.
    column : str
        The list column, e.g. ``"hashtags"``, ``"mentions"``, ``"urls"`` or ``"tokens"``.
    weight : {"count", "pmi", "npmi", "jaccard", "lift"}
        Association measure put in the ``weight`` column (formulas in the module docs).
    min_count : int
        Keep items carried by at least this many posts (before pairing).
    min_edge_count : int
        Keep pairs seen together in at least this many posts.

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair, ``source < target``: ``source``, ``target``, ``count``
        (posts with both), ``weight``, and ``first_seen``/``last_seen`` (UTC) when posts have
        a ``time`` column; sorted by weight, strongest first. ``attrs`` records the
        ``column``, the ``weight`` measure and ``n_posts`` (N).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"hashtags": [["kopi", "senja"], ["kopi", "senja"], ["kopi"]]})
    >>> cooccurrence_edges(posts, "hashtags")[["source", "target", "count", "weight"]]
      source target  count  weight
    0   kopi  senja      2     2.0
    """
    return _build(posts, column, weight=weight, min_count=min_count, min_edge_count=min_edge_count, func="cooccurrence_edges", with_nodes=False)[0]


def cooccurrence_graph(posts: pd.DataFrame, column: str, *, weight: str = "count", min_count: int = 1, min_edge_count: int = 1, node_type: str | None = None) -> Any:
    """Undirected networkx graph of items of ``column`` that appear together in posts.

    Same parameters as :func:`cooccurrence_edges`. Nodes carry ``count`` (posts with the
    item) and ``first_seen``/``last_seen``; edges carry ``count``, ``weight`` and
    ``first_seen``/``last_seen``. No self-loops. ``G.graph`` records ``kind``
    (``"cooccurrence"``), ``node_type``, ``column``, ``weight`` and ``n_posts``. Items
    below ``min_count`` are not nodes; items with no kept edge remain as isolated nodes.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"hashtags": [["banjir", "jakarta"], ["banjir", "bekasi"]]})
    >>> G = cooccurrence_graph(posts, "hashtags")
    >>> sorted(G.edges()), G.nodes["banjir"]["count"]
    ([('banjir', 'bekasi'), ('banjir', 'jakarta')], 2)
    """
    import networkx as nx

    edges, nodes = _build(posts, column, weight=weight, min_count=min_count, min_edge_count=min_edge_count, func="cooccurrence_graph")
    G = nx.Graph(kind="cooccurrence", node_type=node_type or column, **edges.attrs)
    attrs = [c for c in nodes.columns if c != "node"]
    G.add_nodes_from(zip(nodes["node"].tolist(), _records(nodes[attrs])))
    attrs = [c for c in edges.columns if c not in ("source", "target")]
    G.add_edges_from(zip(edges["source"].tolist(), edges["target"].tolist(), _records(edges[attrs])))
    return G


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of Python scalars (times as tz-aware ``datetime``; missing times left out).

    Fast enough for millions of rows: columns are converted once, never cell by cell.
    """
    cols = {}
    has_missing = False
    for c in frame.columns:
        s = frame[c]
        if isinstance(s.dtype, pd.DatetimeTZDtype):
            idx = pd.DatetimeIndex(s)
            values = idx.to_pydatetime().tolist()
            if idx.hasnans:
                has_missing = True
                values = [None if m else v for v, m in zip(values, idx.isna())]
            cols[c] = values
        else:
            cols[c] = s.to_numpy().tolist()
    names = list(cols)
    out = [dict(zip(names, row)) for row in zip(*cols.values())]
    if has_missing:
        out = [{k: v for k, v in d.items() if v is not None} for d in out]
    return out


def co_hashtag_edges(posts: pd.DataFrame, *, weight: str = "count", min_count: int = 1, min_edge_count: int = 1) -> pd.DataFrame:
    """Edge list of hashtags used together in posts (see :func:`cooccurrence_edges`).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"hashtags": [["ktt", "asean"], ["ktt", "asean", "jakarta"],
    ...                                    ["jakarta", "macet"], ["ktt"]]})
    >>> co_hashtag_edges(posts, weight="jaccard")[["source", "target", "count", "weight"]]
        source   target  count    weight
    0    asean      ktt      2  0.666667
    1  jakarta    macet      1  0.500000
    2    asean  jakarta      1  0.333333
    3  jakarta      ktt      1  0.250000
    """
    return _build(posts, "hashtags", weight=weight, min_count=min_count, min_edge_count=min_edge_count, func="co_hashtag_edges", with_nodes=False)[0]


def co_hashtag_graph(posts: pd.DataFrame, *, weight: str = "count", min_count: int = 1, min_edge_count: int = 1) -> Any:
    """Undirected graph of hashtags used together (see :func:`cooccurrence_graph`).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "time": pd.to_datetime(["2023-09-05 08:00", "2023-09-06 09:30"], utc=True),
    ...     "hashtags": [["ktt", "asean"], ["ktt", "asean", "ktt"]]})
    >>> G = co_hashtag_graph(posts, weight="npmi")
    >>> G["asean"]["ktt"]["count"], G["asean"]["ktt"]["weight"]
    (2, 1.0)
    >>> str(G.nodes["ktt"]["first_seen"])
    '2023-09-05 08:00:00+00:00'
    """
    G = cooccurrence_graph(posts, "hashtags", weight=weight, min_count=min_count, min_edge_count=min_edge_count, node_type="hashtag")
    return G


def co_mention_edges(posts: pd.DataFrame, *, weight: str = "count", min_count: int = 1, min_edge_count: int = 1) -> pd.DataFrame:
    """Edge list of accounts mentioned together in posts (see :func:`cooccurrence_edges`).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"mentions": [["jokowi", "prabowo"], ["prabowo", "jokowi"], []]})
    >>> co_mention_edges(posts)[["source", "target", "count"]]
        source   target  count
    0   jokowi  prabowo      2
    """
    return _build(posts, "mentions", weight=weight, min_count=min_count, min_edge_count=min_edge_count, func="co_mention_edges", with_nodes=False)[0]


def co_mention_graph(posts: pd.DataFrame, *, weight: str = "count", min_count: int = 1, min_edge_count: int = 1) -> Any:
    """Undirected graph of accounts mentioned together (see :func:`cooccurrence_graph`).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"mentions": [["kemenkes_ri", "jokowi"], ["jokowi"]]})
    >>> G = co_mention_graph(posts)
    >>> G.number_of_nodes(), G.number_of_edges(), G.nodes["jokowi"]["count"]
    (2, 1, 2)
    """
    return cooccurrence_graph(posts, "mentions", weight=weight, min_count=min_count, min_edge_count=min_edge_count, node_type="mention")
