"""Interaction graphs (mention / reply / retweet), backbone and influencers."""

from __future__ import annotations

import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from trendlib.exceptions import SchemaError
from trendlib.graphs import backbone, influencers, interaction_edges, interaction_graph

T = pd.Timestamp("2024-02-14 07:00", tz="UTC")
POSTS = pd.DataFrame(
    {
        "id": ["1", "2", "3", "4", "5", "6"],
        "time": [T + pd.Timedelta(minutes=m) for m in (0, 5, 10, 20, 30, 40)],
        "author": ["Rina", "dodi", "sari", "dodi", "rina", "budi"],
        "text": [
            "@KPU_RI sudah nyoblos, antre lama",
            "@rina @kpu_ri sama, TPS ramai",
            "RT @rina: @KPU_RI sudah nyoblos, antre lama",
            "@rina @rina cek quick count",
            "@rina catatan pribadi",  # self-mention: dropped
            "cuaca cerah di jakarta",
        ],
        "mentions": [["kpu_ri"], ["rina", "kpu_ri"], ["rina", "kpu_ri"], ["rina", "rina"], ["rina"], []],
        "reply_to": [None, "rina", None, "Rina", None, None],
        "is_retweet": [False, False, True, False, False, False],
    }
)


def _row(edges, s, t):
    r = edges[(edges["source"] == s) & (edges["target"] == t)]
    assert len(r) == 1, (s, t)
    return r.iloc[0]


def test_all_kinds_counted_per_edge_with_times():
    e = interaction_edges(POSTS)
    d = _row(e, "dodi", "rina")
    # post 2: mention + reply; post 4: one mention (repeated within the post) + reply
    assert (d["mention"], d["reply"], d["retweet"], d["count"]) == (2, 2, 0, 4)
    assert d["first_seen"] == T + pd.Timedelta(minutes=5)
    assert d["last_seen"] == T + pd.Timedelta(minutes=20)
    s = _row(e, "sari", "rina")
    assert (s["mention"], s["reply"], s["retweet"]) == (0, 0, 1)  # a retweet is not a mention
    assert not ((e["source"] == "sari") & (e["target"] == "kpu_ri")).any()
    assert not (e["source"] == e["target"]).any()
    assert _row(e, "rina", "kpu_ri")["count"] == 1  # author 'Rina' and mention 'rina' merge


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("mention", {("rina", "kpu_ri"), ("dodi", "rina"), ("dodi", "kpu_ri")}),
        ("reply", {("dodi", "rina")}),
        ("retweet", {("sari", "rina")}),
    ],
)
def test_single_kinds(kind, expected):
    G = interaction_graph(POSTS, kind=kind)
    assert set(G.edges()) == expected
    assert G.graph["interaction"] == kind


def test_graph_nodes_have_post_counts_and_activity_span():
    G = interaction_graph(POSTS)
    assert isinstance(G, nx.DiGraph)
    assert G.nodes["dodi"]["n_posts"] == 2
    assert G.nodes["kpu_ri"]["n_posts"] == 0  # only ever mentioned
    assert G.nodes["rina"]["first_seen"] == T
    assert G.nodes["rina"]["last_seen"] == T + pd.Timedelta(minutes=30)
    assert "budi" in G and G.degree("budi") == 0  # authors without interactions stay
    assert G["dodi"]["rina"]["weight"] == 4


def test_retweet_target_falls_back_to_first_mention():
    posts = POSTS.copy()
    posts.loc[2, "text"] = "retweeted content without prefix"
    e = interaction_edges(posts, kind="retweet")
    assert e[["source", "target"]].values.tolist() == [["sari", "rina"]]


def test_interaction_errors():
    with pytest.raises(ValueError, match="'kind' parameter of interaction_edges"):
        interaction_edges(POSTS, kind="quote")
    with pytest.raises(SchemaError, match="reply_to"):
        interaction_edges(POSTS.drop(columns="reply_to"), kind="reply")
    with pytest.raises(SchemaError, match="author"):
        interaction_graph(POSTS.drop(columns="author"))


def test_backbone_matches_hand_computed_pvalues():
    G = nx.Graph()
    G.add_weighted_edges_from(
        [("banjir", "jakarta", 50), ("banjir", "hujan", 1), ("banjir", "bekasi", 1),
         ("banjir", "macet", 1), ("jakarta", "macet", 1)]
    )
    B = backbone(G, alpha=0.05)
    # banjir: k=4, s=53 -> (1 - 50/53)^3; jakarta: k=2, s=51 -> (1 - 50/51)^1
    assert B["banjir"]["jakarta"]["alpha"] == pytest.approx(min((3 / 53) ** 3, 1 / 51))
    assert set(B.edges()) == {("banjir", "jakarta")}
    # a looser alpha keeps the (jakarta, macet) edge only if significant for an endpoint:
    # macet: k=2, s=2 -> (1 - 1/2)^1 = 0.5; jakarta: (1 - 1/51)^1 = 0.98
    assert ("jakarta", "macet") not in backbone(G, alpha=0.4).edges()
    assert ("jakarta", "macet") in backbone(G, alpha=0.6).edges()
    assert backbone(G, alpha=0.05, keep_isolates=True).number_of_nodes() == 5


def test_backbone_directed_uses_out_and_in_strength():
    G = nx.DiGraph()
    G.add_weighted_edges_from([("a", "b", 10), ("a", "c", 1), ("a", "d", 1), ("e", "b", 1), ("f", "b", 1)])
    B = backbone(G, alpha=0.05)
    assert isinstance(B, nx.DiGraph)
    # out side of a: k=3, s=12, p = (1 - 10/12)^2 = 0.0278; in side of b: k=3, s=12, same
    assert B["a"]["b"]["alpha"] == pytest.approx((2 / 12) ** 2)
    assert set(B.edges()) == {("a", "b")}


def test_backbone_errors():
    G = nx.Graph()
    G.add_edge("a", "b", weight=-0.5)
    G.add_edge("b", "c", weight=1)
    with pytest.raises(ValueError, match="positive edge weights"):
        backbone(G)
    with pytest.raises(ValueError, match="'alpha' parameter of backbone"):
        backbone(G, alpha=1.5)
    with pytest.raises(TypeError, match="networkx"):
        backbone({"a": "b"})


def test_backbone_keeps_planted_strong_edges_of_a_noisy_graph():
    rng = np.random.default_rng(0)
    G = nx.gnm_random_graph(60, 600, seed=1)
    for u, v in G.edges():
        G[u][v]["weight"] = float(rng.integers(1, 4))
    strong = [(0, 1), (2, 3), (4, 5)]
    for u, v in strong:
        G.add_edge(u, v, weight=200.0)
    B = backbone(G, alpha=0.01)
    assert all(B.has_edge(u, v) for u, v in strong)
    assert B.number_of_edges() < 0.2 * G.number_of_edges()


def test_influencers_measures():
    G = interaction_graph(POSTS)
    t = influencers(G, rank_by="in_degree", top=3)
    # kpu_ri and rina both have 2 distinct in-neighbours: ties broken by name
    assert t["node"].tolist()[:2] == ["kpu_ri", "rina"] and t["rank"].tolist() == [1, 2, 3]
    assert influencers(G, rank_by="in_strength", top=1)["node"].iloc[0] == "rina"  # 4 + 1
    pr = influencers(G, rank_by="pagerank", top=None)
    assert pr["score"].sum() == pytest.approx(1.0)
    assert pr["score"].is_monotonic_decreasing
    assert set(pr["node"]) == set(G.nodes)
    assert influencers(G, rank_by="out_strength", top=1)["node"].iloc[0] == "dodi"
    for by in ("degree", "strength", "betweenness", "hub", "authority", "out_degree"):
        assert len(influencers(G, rank_by=by, top=2)) == 2
    U = G.to_undirected()
    ev = influencers(U, rank_by="eigenvector", top=None)
    assert ev.set_index("node").loc["budi", "score"] == 0.0  # outside the main component
    assert ev["node"].iloc[0] == "rina"
    with pytest.raises(ValueError, match="pagerank"):
        influencers(G, rank_by="eigenvector")  # a DAG: no leading eigenvector


def test_influencers_betweenness_is_sampled_on_large_graphs_and_seeded():
    G = nx.barabasi_albert_graph(300, 2, seed=3)
    exact = influencers(G, rank_by="betweenness", top=5, betweenness_k=500)
    assert exact.attrs["k"] is None
    a = influencers(G, rank_by="betweenness", top=5, betweenness_k=100, seed=1)
    b = influencers(G, rank_by="betweenness", top=5, betweenness_k=100, seed=1)
    assert a.attrs["k"] == 100
    pd.testing.assert_frame_equal(a, b)
    # the sample finds the same hubs as the exact computation
    assert len(set(a["node"][:3]) & set(exact["node"][:5])) >= 2


def test_influencers_errors():
    G = nx.Graph([("a", "b")])
    with pytest.raises(ValueError, match="needs a directed graph"):
        influencers(G, rank_by="in_degree")
    with pytest.raises(ValueError, match="'rank_by' parameter of influencers"):
        influencers(G, rank_by="fame")
    with pytest.warns(FutureWarning, match="rank_by="):
        assert influencers(G, by="degree")["node"].tolist() == ["a", "b"]
    G["a"]["b"]["weight"] = -1.0
    with pytest.raises(ValueError, match="non-negative"):
        influencers(G, rank_by="pagerank")


def test_real_danantara_interactions(data_file):
    from trendlib import read_posts

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = read_posts(data_file("tweets_danantara_2025", "danantara_pra.csv"))
    G = interaction_graph(posts, kind="reply")
    n_replies = posts["reply_to"].notna().sum()
    total = sum(c for _, _, c in G.edges(data="count"))
    assert 0.9 * n_replies <= total <= n_replies  # only self-replies are dropped
    top = influencers(G, rank_by="in_degree", top=5)
    assert (top["score"] >= 5).all()


@pytest.mark.data
@pytest.mark.parametrize("parts", [
    ("tweets_danantara_2025", "danantara_pra.csv"),
    ("tweets_pemilu2019_jokowi_prabowo", "data_prabowo_subianto.csv"),
    ("tweets_mbg_2025", "hybrid_labeled_data.csv"),
    ("tweets_prabowogibran2024_2023", "PrabowoGibran2024_05122023.csv"),
])
def test_every_author_with_a_node_is_found_by_isin(data_file, parts):
    """One identity: ``posts.author`` (any case) keyed like the nodes finds every author's posts."""
    from trendlib import read_posts
    from trendlib._keys import account_key

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = read_posts(data_file(*parts))
    G = interaction_graph(posts)
    authors = posts["author"].dropna()
    keyed = authors.map(account_key)
    assert keyed.isin(list(G.nodes)).all()  # every author is a node (isolated ones too)
    nodes = influencers(G, top=None)["node"]
    assert keyed.isin(nodes).sum() == len(authors)
    if (authors == keyed).all():  # readers that already key authors: the plain isin works
        assert authors.isin(nodes).all()
