"""trendlib's compiled Louvain (undirected graphs) against networkx's, and its invariants."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendlib.graphs import communities
from trendlib.graphs._louvain import adjacency, louvain, louvain_labels, total_weight

modularity = nx.community.modularity


@pytest.mark.parametrize("make", [nx.karate_club_graph, nx.les_miserables_graph, nx.florentine_families_graph,
                                  lambda: nx.planted_partition_graph(12, 25, 0.3, 0.01, seed=3)])
def test_modularity_is_networkx_s_within_noise(make):
    G = make()
    ours = [modularity(G, louvain(G, weight="weight", resolution=1.0, min_score=1e-7, seed=s), weight="weight")
            for s in range(5)]
    theirs = [modularity(G, nx.community.louvain_communities(G, weight="weight", seed=s), weight="weight")
              for s in range(5)]
    assert np.mean(ours) >= np.mean(theirs) - 0.01
    assert min(ours) > 0.3


def test_planted_blocks_are_found_exactly():
    G = nx.planted_partition_graph(6, 20, 0.9, 0.002, seed=1)
    parts = louvain(G, weight=None, resolution=1.0, min_score=1e-7, seed=0)
    assert sorted(sorted(p) for p in parts) == [list(range(i * 20, (i + 1) * 20)) for i in range(6)]


def test_seeded_runs_are_identical_and_resolution_splits():
    G = nx.les_miserables_graph()
    a = louvain(G, weight="weight", resolution=1.0, min_score=1e-7, seed=4)
    assert a == louvain(G, weight="weight", resolution=1.0, min_score=1e-7, seed=4)
    fine = louvain(G, weight="weight", resolution=3.0, min_score=1e-7, seed=4)
    coarse = louvain(G, weight="weight", resolution=0.3, min_score=1e-7, seed=4)
    assert len(fine) > len(a) > len(coarse)


def test_communities_use_it_on_graphs_and_networkx_on_digraphs(monkeypatch):
    import trendlib.graphs._communities as mod

    G = nx.karate_club_graph()
    calls = []
    monkeypatch.setattr(mod, "louvain_labels", lambda *a, **k: calls.append(1) or louvain_labels(*a, **k))
    communities(G, seed=0)
    assert calls
    calls.clear()
    communities(G.to_directed(), seed=0)
    assert not calls


@st.composite
def _graphs(draw):
    n = draw(st.integers(1, 25))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.integers(1, 5)), max_size=60))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    for u, v, w in edges:
        G.add_edge(u, v, weight=w)
    return G


@settings(max_examples=60, deadline=None)
@given(_graphs(), st.integers(0, 3))
def test_partition_covers_every_node_once_and_never_loses_modularity(G, seed):
    parts = louvain(G, weight="weight", resolution=1.0, min_score=1e-7, seed=seed)
    members = [u for p in parts for u in p]
    assert sorted(members) == sorted(G.nodes)
    if G.size(weight="weight"):
        singletons = [{u} for u in G]
        assert modularity(G, parts, weight="weight") >= modularity(G, singletons, weight="weight") - 1e-9
        # no community joins nodes that are not connected
        comp = {u: i for i, c in enumerate(nx.connected_components(G)) for u in c}
        assert all(len({comp[u] for u in p}) == 1 for p in parts)


@settings(max_examples=60, deadline=None)
@given(_graphs())
def test_adjacency_equals_networkx_s(G):
    nodes = list(G)
    A = adjacency(G, nodes, "weight")
    B = nx.to_scipy_sparse_array(G, nodelist=nodes, weight="weight")
    np.testing.assert_allclose(A.toarray(), B.toarray())
    assert total_weight(A) == pytest.approx(G.size(weight="weight"))
