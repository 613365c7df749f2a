"""Co-hashtag / co-mention graphs: hand-computed weights, invariants, real data."""

from __future__ import annotations

import itertools
import math
import warnings
from collections import Counter

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from scipy import sparse
from hypothesis import strategies as st

from trendlib.exceptions import SchemaError
from trendlib.graphs import (
    co_hashtag_edges,
    co_hashtag_graph,
    co_mention_edges,
    co_mention_graph,
    cooccurrence_edges,
)
from trendlib.graphs._cooccurrence import _edge_order
from trendlib.graphs._util import incidence, pair_stats

# N = 5 posts with at least one tag (the empty post does not count)
# n_ktt = 4, n_asean = 3, n_jakarta = 2, n_macet = 1
# pairs: (asean, ktt) = 3, (jakarta, ktt) = 1, (asean, jakarta) = 1, (jakarta, macet) = 1
POSTS = pd.DataFrame(
    {
        "time": pd.to_datetime(
            ["2023-09-05 01:00", "2023-09-05 02:00", "2023-09-06 03:00", "2023-09-06 04:00",
             "2023-09-07 05:00", "2023-09-07 06:00"],
            utc=True,
        ),
        "hashtags": [
            ["ktt", "asean"],
            ["ktt", "asean", "asean"],  # repeated within a post: counts once
            ["ktt", "asean", "jakarta"],
            ["ktt"],
            ["jakarta", "macet"],
            [],
        ],
    }
)


def _edge(edges: pd.DataFrame, a: str, b: str) -> pd.Series:
    a, b = sorted((a, b))
    row = edges[(edges["source"] == a) & (edges["target"] == b)]
    assert len(row) == 1, (a, b)
    return row.iloc[0]


@pytest.mark.parametrize(
    "weight, pair, expected",
    [
        ("count", ("asean", "ktt"), 3.0),
        ("jaccard", ("asean", "ktt"), 3 / (3 + 4 - 3)),
        ("jaccard", ("jakarta", "macet"), 1 / (2 + 1 - 1)),
        ("lift", ("asean", "ktt"), 3 * 5 / (3 * 4)),
        ("lift", ("jakarta", "ktt"), 1 * 5 / (2 * 4)),
        ("pmi", ("asean", "ktt"), math.log2(15 / 12)),
        ("pmi", ("jakarta", "ktt"), math.log2(5 / 8)),  # negative: rarer together than by chance
        ("pmi", ("jakarta", "macet"), math.log2(5 / 2)),
        ("npmi", ("asean", "ktt"), math.log2(15 / 12) / -math.log2(3 / 5)),
        ("npmi", ("jakarta", "macet"), math.log2(5 / 2) / -math.log2(1 / 5)),
    ],
)
def test_association_weights_match_hand_computed_values(weight, pair, expected):
    edges = co_hashtag_edges(POSTS, weight=weight)
    row = _edge(edges, *pair)
    assert row["weight"] == pytest.approx(expected)
    assert edges.attrs["n_posts"] == 5
    assert edges.attrs["weight"] == weight


def test_counts_first_last_seen_and_dedup_within_post():
    edges = co_hashtag_edges(POSTS)
    assert len(edges) == 4
    row = _edge(edges, "asean", "ktt")
    assert row["count"] == 3
    assert row["first_seen"] == pd.Timestamp("2023-09-05 01:00", tz="UTC")
    assert row["last_seen"] == pd.Timestamp("2023-09-06 03:00", tz="UTC")
    # sorted strongest first
    assert edges["weight"].is_monotonic_decreasing


def test_npmi_is_one_for_tags_that_always_occur_together():
    posts = pd.DataFrame({"hashtags": [["a", "b"], ["a", "b"], ["a", "b"]]})
    assert co_hashtag_edges(posts, weight="npmi")["weight"].tolist() == [1.0]


def test_graph_nodes_and_edges_carry_attributes():
    G = co_hashtag_graph(POSTS, weight="npmi")
    assert isinstance(G, nx.Graph) and not G.is_directed()
    assert G.nodes["ktt"]["count"] == 4
    assert G.nodes["macet"]["first_seen"] == pd.Timestamp("2023-09-07 05:00", tz="UTC")
    assert G.nodes["ktt"]["last_seen"] == pd.Timestamp("2023-09-06 04:00", tz="UTC")
    assert G["ktt"]["asean"]["count"] == 3
    assert G["ktt"]["asean"]["weight"] == pytest.approx(math.log2(15 / 12) / -math.log2(3 / 5))
    assert G.graph["weight"] == "npmi" and G.graph["node_type"] == "hashtag"
    assert nx.number_of_selfloops(G) == 0


def test_min_count_and_min_edge_count_filter():
    G = co_hashtag_graph(POSTS, min_count=2)
    assert "macet" not in G
    assert set(G.nodes) == {"ktt", "asean", "jakarta"}
    edges = co_hashtag_edges(POSTS, min_edge_count=2)
    assert edges[["source", "target"]].values.tolist() == [["asean", "ktt"]]
    # min_count does not change N: probabilities of kept tags are unchanged
    assert co_hashtag_edges(POSTS, min_count=2).attrs["n_posts"] == 5


def test_co_mention_uses_mentions_column():
    posts = pd.DataFrame({"mentions": [["jokowi", "prabowo"], ["prabowo", "jokowi", "kpu_ri"], ["jokowi"]]})
    edges = co_mention_edges(posts)
    assert _edge(edges, "jokowi", "prabowo")["count"] == 2
    G = co_mention_graph(posts)
    assert G.graph["node_type"] == "mention" and G.nodes["jokowi"]["count"] == 3


def test_missing_time_column_gives_no_time_attributes():
    edges = co_hashtag_edges(POSTS.drop(columns="time"))
    assert "first_seen" not in edges.columns
    G = co_hashtag_graph(POSTS.drop(columns="time"))
    assert "first_seen" not in G.nodes["ktt"]


def test_generic_cooccurrence_on_any_list_column():
    posts = pd.DataFrame({"tokens": [["harga", "beras", "naik"], ["harga", "beras"]]})
    edges = cooccurrence_edges(posts, "tokens")
    assert _edge(edges, "beras", "harga")["count"] == 2


def test_missing_values_and_tuples_are_accepted():
    posts = pd.DataFrame({"hashtags": [("ktt", "asean"), None, np.nan, ["ktt", "asean"]]})
    assert co_hashtag_edges(posts)["count"].tolist() == [2]


def test_bad_inputs_raise_clear_errors():
    with pytest.raises(ValueError, match="'weight' parameter of co_hashtag_edges"):
        co_hashtag_edges(POSTS, weight="cosine")
    with pytest.raises(ValueError, match="'min_count' parameter"):
        co_hashtag_edges(POSTS, min_count=0)
    with pytest.raises(SchemaError, match="hashtags"):
        co_hashtag_edges(pd.DataFrame({"text": ["halo"]}))
    with pytest.raises(TypeError, match="lists of str"):
        co_hashtag_edges(pd.DataFrame({"hashtags": ["ktt,asean"]}))
    with pytest.raises(TypeError, match="DataFrame"):
        co_hashtag_graph([["ktt", "asean"]])


def test_empty_input_gives_empty_graph():
    posts = pd.DataFrame({"hashtags": [[], []]})
    assert len(co_hashtag_edges(posts)) == 0
    assert co_hashtag_graph(posts).number_of_nodes() == 0


def _naive_counts(lists):
    c = Counter()
    for tags in lists:
        for a, b in itertools.combinations(sorted(set(tags)), 2):
            c[(a, b)] += 1
    return c


tag_lists = st.lists(st.lists(st.sampled_from(["ktt", "asean", "jakarta", "macet", "banjir", "timnas"]), max_size=6), max_size=30)


@given(tag_lists, st.sampled_from(["count", "pmi", "npmi", "jaccard", "lift"]))
def test_property_matches_naive_counting_symmetric_no_self_loops(lists, weight):
    posts = pd.DataFrame({"hashtags": lists})
    edges = co_hashtag_edges(posts, weight=weight)
    got = {(s, t): c for s, t, c in zip(edges["source"], edges["target"], edges["count"])}
    assert got == dict(_naive_counts(lists))
    assert (edges["source"] < edges["target"]).all()  # canonical orientation, no self-loops
    G = co_hashtag_graph(posts, weight=weight)
    assert nx.number_of_selfloops(G) == 0
    for u, v, d in G.edges(data=True):
        assert G[v][u]["weight"] == d["weight"]
    if weight == "npmi" and len(edges):
        assert edges["weight"].between(-1 - 1e-9, 1 + 1e-9).all()
    if weight == "jaccard" and len(edges):
        assert edges["weight"].between(0, 1).all()


@given(tag_lists, st.randoms(use_true_random=False))
def test_property_row_order_invariance(lists, rnd):
    posts = pd.DataFrame({"hashtags": lists})
    shuffled = posts.sample(frac=1, random_state=rnd.randint(0, 10**6))
    a = co_hashtag_edges(posts, weight="npmi")
    b = co_hashtag_edges(shuffled, weight="npmi")
    pd.testing.assert_frame_equal(a, b)


def _read(path):
    from trendlib import read_posts

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_posts(path)


def test_real_danantara_post_launch_cohashtags(data_file):
    posts = _read(data_file("tweets_danantara_2025", "danantara_pasca.csv"))
    G = co_hashtag_graph(posts, weight="npmi", min_count=3)
    # SOURCE.md: the most used post-launch hashtag is #danantara (383 posts)
    top = max(G.nodes, key=lambda n: G.nodes[n]["count"])
    assert top == "danantara"
    assert G.nodes["danantara"]["count"] == posts["hashtags"].map(lambda v: "danantara" in v).sum()
    assert nx.number_of_selfloops(G) == 0
    w = np.array([d for _, _, d in G.edges(data="weight")])
    assert len(w) > 50 and (w <= 1 + 1e-9).all() and (w >= -1 - 1e-9).all()


@given(tag_lists)
def test_property_sort_path_and_sparse_product_path_agree(lists):
    """Counts from the sort of the per-post pairs equal the sparse product X.T @ X; edges with
    times (sorted, shuffled, with a NaT) equal edges without; first/last seen by brute force."""
    X, _ = incidence(lists)
    a, b, count, first, last = pair_stats(X)
    assert first is None and last is None
    C = sparse.triu((X.T @ X).tocsr(), k=1).tocoo()
    order = np.lexsort((C.col, C.row))  # pair_stats returns pairs sorted by (a, b)
    assert a.tolist() == C.row[order].tolist() and b.tolist() == C.col[order].tolist()
    assert count.tolist() == C.data[order].tolist()
    n = len(lists)
    times = pd.Series(pd.date_range("2024-01-01", periods=n, freq="37min", tz="UTC")).sample(frac=1, random_state=n).to_numpy()
    posts = pd.DataFrame({"time": times, "hashtags": lists})
    fast = co_hashtag_edges(posts, weight="npmi")
    slow = co_hashtag_edges(posts.drop(columns="time"), weight="npmi")
    pd.testing.assert_frame_equal(fast.drop(columns=["first_seen", "last_seen"]), slow)
    if n:
        with_nat = posts.copy()
        with_nat["time"] = with_nat["time"].astype("datetime64[ns, UTC]")
        with_nat.loc[0, "time"] = pd.NaT
        other = co_hashtag_edges(with_nat, weight="npmi")
        pd.testing.assert_frame_equal(other[["source", "target", "count"]], fast[["source", "target", "count"]])
        # brute force first/last seen over valid times
        for s, t_, first, last in other[["source", "target", "first_seen", "last_seen"]].itertuples(index=False):
            ts = [tm for tm, v in zip(with_nat["time"], lists) if s in v and t_ in v and not pd.isna(tm)]
            assert (pd.isna(first) and not ts) or (first == min(ts) and last == max(ts))
        for s, t_, first, last in fast[["source", "target", "first_seen", "last_seen"]].itertuples(index=False):
            ts = [tm for tm, v in zip(posts["time"], lists) if s in v and t_ in v]
            assert first == min(ts) and last == max(ts)


@given(tag_lists, st.booleans())
def test_property_node_first_last_seen_brute_force(lists, sort_by_time):
    n = len(lists)
    times = pd.Series(pd.date_range("2024-01-01", periods=n, freq="11min", tz="UTC"))
    if not sort_by_time:
        times = times.sample(frac=1, random_state=n)
    posts = pd.DataFrame({"time": times.to_numpy(), "hashtags": lists})
    G = co_hashtag_graph(posts)
    for node, d in G.nodes(data=True):
        ts = [tm for tm, v in zip(posts["time"], lists) if node in v]
        assert d["count"] == len(ts)
        assert d["first_seen"] == min(ts) and d["last_seen"] == max(ts)


@pytest.mark.parametrize("with_time", [True, False])
def test_large_vocabulary_matches_naive_counts(with_time):
    """Pair codes beyond 32 bits (3,000 tags x 400 posts) must not overflow."""
    rng = np.random.default_rng(4)
    vocab = np.array([f"tagar{i}" for i in range(3000)], dtype=object)
    lists = [list(vocab[rng.integers(0, 3000, size=rng.integers(0, 12))]) for _ in range(400)]
    lists[0] = ["tagar0", "tagar2999", "tagar1500"]
    lists[-1] = ["tagar2999", "tagar0"]
    posts = pd.DataFrame({"hashtags": lists})
    if with_time:
        posts["time"] = pd.date_range("2024-01-01", periods=400, freq="min", tz="UTC")
    edges = co_hashtag_edges(posts)
    got = {(s, t): c for s, t, c in zip(edges["source"], edges["target"], edges["count"])}
    assert got == dict(_naive_counts(lists))
    if with_time:
        row = _edge(edges, "tagar0", "tagar2999")
        assert row["first_seen"] == posts["time"].iloc[0] and row["last_seen"] == posts["time"].iloc[-1]


def test_incidence_labels_sorted_missing_items_dropped_numbers_as_str():
    lists = [["ktt", "", "asean", "ktt"], [None, "jakarta"], [float("nan"), 2023, "2023"], ["KTT"], []]
    X, labels = incidence(lists)
    assert labels.tolist() == ["2023", "KTT", "asean", "jakarta", "ktt"]  # sorted: codes are name ranks
    assert X.toarray().tolist() == [[0, 0, 1, 0, 1], [0, 0, 0, 1, 0], [1, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 0, 0, 0]]
    X, labels = incidence(lists, lower=True)
    assert labels.tolist() == ["2023", "asean", "jakarta", "ktt"]
    assert X[3].toarray().tolist() == [[0, 0, 0, 1]]
    posts = pd.DataFrame({"hashtags": lists})
    edges = co_hashtag_edges(posts)
    assert edges[["source", "target", "count"]].values.tolist() == [["asean", "ktt", 1]]


def test_more_than_65536_tags_match_naive_counts():
    """Beyond uint16 item codes the pairs are sorted as int32 (no radix sort): same counts."""
    rng = np.random.default_rng(7)
    n_tags = 70_000
    vocab = np.array([f"t{i}" for i in range(n_tags)], dtype=object)
    lists = [list(vocab[rng.integers(0, n_tags, size=rng.integers(0, 5))]) for _ in range(30_000)]
    lists += [["t0", "t69999"], ["t69999", "t0", "t5"]]
    posts = pd.DataFrame({"hashtags": lists, "time": pd.date_range("2024-01-01", periods=len(lists), freq="s", tz="UTC")})
    edges = co_hashtag_edges(posts)
    got = {(s, t): c for s, t, c in zip(edges["source"], edges["target"], edges["count"])}
    assert got == dict(_naive_counts(lists))
    row = _edge(edges, "t0", "t69999")
    assert row["count"] >= 2 and row["last_seen"] == posts["time"].iloc[-1]


@settings(max_examples=50)
@given(st.lists(st.tuples(st.integers(1, 4), st.integers(0, 5), st.integers(0, 5)), max_size=40),
       st.sampled_from(["count", "npmi"]), st.booleans())
def test_property_edge_order_equals_four_key_lexsort(rows, weight, big):
    """The packed / stable-sort edge order equals the plain order (-weight, -count, source, target)."""
    seen = {}
    for c, x, y in rows:
        if x != y:
            seen.setdefault((min(x, y), max(x, y)), c * (70_000 if big else 1))
    pairs = sorted(seen.items(), key=lambda kv: (kv[0][1] * 7 + kv[0][0]) % 5)  # not in name order
    ra = np.array([p[0][0] for p in pairs], dtype=np.int64)
    rb = np.array([p[0][1] for p in pairs], dtype=np.int64)
    n_ab = np.array([p[1] for p in pairs], dtype=np.int64)
    w = n_ab.astype(float) if weight == "count" else np.round(1.0 / (n_ab + ra), 3)
    expected = np.lexsort((rb, ra, -n_ab, -w))
    assert _edge_order(n_ab, w, ra, rb, weight).tolist() == expected.tolist()
    by_name = np.lexsort((rb, ra))  # the usual input: already sorted by (source, target)
    got = _edge_order(n_ab[by_name], w[by_name], ra[by_name], rb[by_name], weight)
    assert by_name[got].tolist() == expected.tolist()
