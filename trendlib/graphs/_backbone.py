"""The disparity filter backbone (Serrano, Boguna & Vespignani 2009, PNAS 106(16):6483-6488).

For a node ``i`` with ``k_i`` neighbours and strength ``s_i`` (sum of its edge weights),
the null model spreads ``s_i`` uniformly at random over its ``k_i`` edges. The probability
that an edge gets a share ``p_ij = w_ij / s_i`` or more under that null is

    alpha_ij = (1 - p_ij) ** (k_i - 1)

and the edge is significant for ``i`` when ``alpha_ij < alpha``. An edge is kept when it
is significant for either endpoint. A node with a single edge cannot judge it
(``alpha_ij = 1``), so such edges are kept only if significant for the other endpoint, as
in the paper. On directed graphs the source uses its out-edges (out-degree, out-strength)
and the target its in-edges.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import check_graph, check_probability

__all__ = ["backbone"]


def backbone(G: Any, *, alpha: float = 0.05, weight: str = "weight", keep_isolates: bool = False) -> Any:
    """Keep the edges of ``G`` that are significant under the disparity filter.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        Weighted graph; weights must be positive (use ``weight="count"`` on a graph built
        with PMI weights, which can be negative).
    alpha : float in (0, 1)
        Significance level; smaller keeps fewer edges.
    weight : str
        Edge attribute holding the weight (missing means 1).
    keep_isolates : bool
        Keep nodes left without edges (default: drop them).

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        A new graph of the same type with the kept edges and all their attributes plus
        ``alpha`` (the smaller of the two endpoint p-values); ``G.graph`` copies the
        input's and records ``backbone_alpha``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_weighted_edges_from([("banjir", "jakarta", 50), ("banjir", "hujan", 1),
    ...     ("banjir", "bekasi", 1), ("banjir", "macet", 1), ("jakarta", "macet", 1)])
    >>> B = backbone(G, alpha=0.05)
    >>> sorted(B.edges())
    [('banjir', 'jakarta')]
    >>> round(B["banjir"]["jakarta"]["alpha"], 4)
    0.0002
    """
    check_graph(G, func="backbone")
    alpha = check_probability(alpha, name="alpha", func="backbone")
    edges = [(u, v, d) for u, v, d in G.edges(data=True) if u != v]
    nodes = list(G.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    u = np.fromiter((index[e[0]] for e in edges), dtype=np.int64, count=len(edges))
    v = np.fromiter((index[e[1]] for e in edges), dtype=np.int64, count=len(edges))
    w = np.fromiter((e[2].get(weight, 1) for e in edges), dtype=np.float64, count=len(edges))
    if len(w) and not np.all(w > 0):
        bad = int((~(w > 0)).sum())
        raise ValueError(
            f"backbone() needs positive edge weights in the {weight!r} attribute; {bad} edge(s) "
            "are zero, negative or NaN. Association weights such as PMI can be negative: "
            "pass weight='count'."
        )
    n = len(nodes)
    if G.is_directed():
        k_u, s_u = np.bincount(u, minlength=n), np.bincount(u, weights=w, minlength=n)
        k_v, s_v = np.bincount(v, minlength=n), np.bincount(v, weights=w, minlength=n)
    else:
        k_u = k_v = np.bincount(np.r_[u, v], minlength=n)
        s_u = s_v = np.bincount(np.r_[u, v], weights=np.r_[w, w], minlength=n)
    p_u = _pvalue(w, s_u[u], k_u[u])
    p_v = _pvalue(w, s_v[v], k_v[v])
    p = np.minimum(p_u, p_v)
    keep = p < alpha

    B = G.__class__()
    B.graph.update(G.graph)
    B.graph["backbone_alpha"] = alpha
    if keep_isolates:
        B.add_nodes_from(G.nodes(data=True))
    kept = np.flatnonzero(keep)
    for i in kept:
        a, b, d = edges[i]
        if not keep_isolates:
            for x in (a, b):
                if x not in B:
                    B.add_node(x, **G.nodes[x])
        B.add_edge(a, b, **d, alpha=float(p[i]))
    return B


def _pvalue(w: np.ndarray, s: np.ndarray, k: np.ndarray) -> np.ndarray:
    """``(1 - w/s) ** (k - 1)``, 1 where ``k <= 1``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.clip(w / s, 0.0, 1.0)
        out = np.power(1.0 - share, np.maximum(k - 1, 0).astype(np.float64))
    return np.where(k > 1, out, 1.0)
