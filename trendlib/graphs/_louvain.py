"""Louvain on undirected weighted graphs, compiled: the method of networkx's, at array speed.

Why not :func:`networkx.community.louvain_communities` everywhere: it is pure Python over
dicts of dicts, and the report's interaction network of a million posts (about 50,000
accounts in components that can split) took it 5-6 s, the longest single step of the
network. The algorithm here is the same (Blondel, Guillaume, Lambiotte & Lefebvre 2008,
as networkx implements it): visit the nodes in a random order, move each to the
neighbouring community with the largest strictly positive modularity gain, repeat
passes until none moves, aggregate each community into one node (internal weight as a
self-loop), and stop when a level adds no more than ``min_score`` modularity. The gain
formula, the tie rule (the first community met with the largest gain) and the stopping
rule are networkx's. The node order comes from NumPy's generator seeded with ``seed``
instead of Python's ``random``, so with the same seed the partition can differ from
networkx's; its modularity is compared with networkx's in ``benchmarks/bench_graphs.py``.

Directed graphs keep networkx (directed modularity); this module is for ``nx.Graph``.

References
----------
V. D. Blondel, J.-L. Guillaume, R. Lambiotte and E. Lefebvre, "Fast unfolding of
communities in large networks", J. Stat. Mech. (2008) P10008.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np


def louvain(G: Any, *, weight: str | None, resolution: float, min_score: float, seed: int | None) -> list[set]:
    """Louvain communities of the undirected graph ``G`` as a list of node sets.

    Same contract as :func:`networkx.community.louvain_communities` with ``threshold=min_score``;
    weights must be non-negative.
    """
    nodes = list(G)
    if not nodes:
        return []
    A = adjacency(G, nodes, weight)
    return node_sets(louvain_labels(A, resolution=resolution, min_score=min_score, seed=seed), nodes)


def adjacency(G: Any, nodes: list, weight: str | None) -> Any:
    """Symmetric CSR adjacency of the undirected ``G`` over ``nodes`` (whole components of
    it), self-loops once on the diagonal; parallel weights summed.

    Why not :func:`networkx.to_scipy_sparse_array`: given a node list shorter than the
    graph it copies the subgraph first, which took longer than Louvain itself here.
    """
    from scipy import sparse

    index = {u: i for i, u in enumerate(nodes)}
    edges = G.edges(nodes, data=weight, default=1) if weight is not None else ((u, v, 1) for u, v in G.edges(nodes))
    src, dst, w = [], [], []
    for u, v, x in edges:
        src.append(index[u])
        dst.append(index[v])
        w.append(x)
    src, dst = np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)
    w = np.asarray(w, dtype=np.float64)
    w = np.where(src == dst, w / 2, w)  # a self-loop is added twice below
    n = len(nodes)
    return sparse.csr_matrix((np.r_[w, w], (np.r_[src, dst], np.r_[dst, src])), shape=(n, n))


def node_sets(labels: np.ndarray, nodes: list) -> list[set]:
    """The communities of ``labels`` (one per node of ``nodes``) as node sets."""
    order = np.argsort(labels, kind="stable")
    return [{nodes[i] for i in part} for part in np.split(order, np.flatnonzero(np.diff(labels[order])) + 1)]


def total_weight(A: Any) -> float:
    """Total edge weight of a symmetric adjacency matrix: every edge once, a self-loop once."""
    return float(A.sum() + A.diagonal().sum()) / 2


def louvain_labels(A: Any, *, resolution: float, min_score: float, seed: int | None) -> np.ndarray:
    """Community of each node of the symmetric adjacency matrix ``A`` (self-loops on the diagonal, once)."""
    from scipy import sparse

    A = sparse.csr_matrix(A, dtype=np.float64)
    n = A.shape[0]
    m = total_weight(A)
    if m <= 0:
        return np.arange(n, dtype=np.int64)
    rng = np.random.default_rng(seed)
    member = np.arange(n, dtype=np.int64)
    mod = _modularity(A, m, resolution)
    kernel = _kernel()
    while True:
        k = A.shape[0]
        self_w = A.diagonal().copy()
        off = sparse.csr_matrix(A - sparse.diags(self_w))
        off.eliminate_zeros()
        degree = np.asarray(off.sum(axis=1)).ravel() + 2 * self_w
        order = rng.permutation(k).astype(np.int64)
        comm = np.arange(k, dtype=np.int64)
        moved = kernel(off.indptr.astype(np.int64), off.indices.astype(np.int64), off.data.astype(np.float64),
                       degree.astype(np.float64), order, comm, m, float(resolution))
        if not moved:
            break
        # communities renumbered by first member in node order, members carried to the top level
        uniq, first = np.unique(comm, return_index=True)
        rank = np.empty(k, dtype=np.int64)
        rank[uniq[np.argsort(first, kind="stable")]] = np.arange(len(uniq))
        labels = rank[comm]
        member = labels[member]
        P = sparse.csr_matrix((np.ones(k), (np.arange(k), labels)), shape=(k, len(first)))
        B = sparse.csr_matrix(P.T @ A @ P)
        # internal weight once per edge: (sum over ordered pairs + self-loops) / 2
        diag = B.diagonal()
        A = sparse.csr_matrix(B + sparse.diags((P.T @ self_w - diag) / 2))
        new_mod = _modularity(A, m, resolution)
        if new_mod - mod <= min_score:
            break
        mod = new_mod
    return member


def _modularity(A: Any, m: float, resolution: float) -> float:
    """Modularity of the partition whose communities are ``A``'s nodes (self-loops = internal weight)."""
    self_w = A.diagonal()
    degree = np.asarray(A.sum(axis=1)).ravel() + self_w
    return float(self_w.sum() / m - resolution * np.sum((degree / (2 * m)) ** 2))


def _one_level(indptr: np.ndarray, indices: np.ndarray, weights: np.ndarray, degree: np.ndarray,
               order: np.ndarray, comm: np.ndarray, m: float, resolution: float) -> bool:
    """Local moves until a pass moves no node (networkx's ``_one_level``); ``comm`` is
    updated in place; True when any node moved."""
    n = len(degree)
    stot = degree.copy()
    w2c = np.zeros(n)
    seen = np.zeros(n, dtype=np.bool_)
    touched = np.empty(n, dtype=np.int64)
    two_m2 = 2.0 * m * m
    moved_any = False
    moves = 1
    passes = 0
    while moves > 0 and passes < 10_000:
        moves = 0
        passes += 1
        for u in order:
            cu = comm[u]
            k = 0
            for j in range(indptr[u], indptr[u + 1]):
                c = comm[indices[j]]
                if not seen[c]:
                    seen[c] = True
                    touched[k] = c
                    k += 1
                w2c[c] += weights[j]
            d = degree[u]
            stot[cu] -= d
            best, best_gain = cu, 0.0
            remove = -w2c[cu] / m + resolution * stot[cu] * d / two_m2
            for i in range(k):
                c = touched[i]
                gain = remove + w2c[c] / m - resolution * stot[c] * d / two_m2
                if gain > best_gain:
                    best_gain, best = gain, c
            stot[best] += d
            if best != cu:
                comm[u] = best
                moves += 1
                moved_any = True
            for i in range(k):
                c = touched[i]
                w2c[c] = 0.0
                seen[c] = False
    return moved_any


@functools.cache
def _kernel() -> Any:
    from ..bursts._jit import jit  # numba, compiled on first use and cached on disk

    return jit(_one_level)
