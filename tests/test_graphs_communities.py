"""Louvain communities (seeded) and the per-community summary."""

from __future__ import annotations

import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from trendlib.exceptions import SchemaError
from trendlib.graphs import co_hashtag_graph, communities, community_summary, interaction_graph


def _planted(seed: int = 0) -> nx.Graph:
    G = nx.planted_partition_graph(4, 15, 0.6, 0.02, seed=seed)
    return nx.relabel_nodes(G, {i: f"tag{i:02d}" for i in G})


def test_recovers_planted_partition_and_sets_attribute():
    G = _planted()
    table = communities(G, seed=7)
    assert list(table.columns) == ["node", "community", "size"]
    assert table["community"].nunique() == 4
    assert set(table["size"]) == {15}
    for cid, part in table.groupby("community"):
        blocks = {int(n[3:]) // 15 for n in part["node"]}
        assert len(blocks) == 1  # each community is one planted block
    assert all(G.nodes[n]["community"] == c for n, c in zip(table["node"], table["community"]))
    assert table["community"].is_monotonic_increasing


def test_louvain_is_deterministic_with_a_seed():
    G = nx.les_miserables_graph()
    a = communities(G.copy(), seed=42)
    b = communities(G.copy(), seed=42)
    pd.testing.assert_frame_equal(a, b)
    sizes = a.drop_duplicates("community")["size"].tolist()
    assert sizes == sorted(sizes, reverse=True)  # community 0 is the largest


def test_resolution_changes_granularity():
    G = nx.les_miserables_graph()
    coarse = communities(G.copy(), seed=1, resolution=0.3)["community"].nunique()
    fine = communities(G.copy(), seed=1, resolution=3.0)["community"].nunique()
    assert fine > coarse


@pytest.mark.parametrize("directed", [False, True])
def test_small_components_set_aside_keep_louvain_quality(directed):
    # planted blocks plus what real interaction graphs are mostly made of: isolated
    # accounts and single replies. Those are communities as they are; the blocks are
    # found as on the whole graph, with the same modularity within noise.
    G = _planted(3)
    G = G.to_directed() if directed else G
    G.add_nodes_from(f"lone{i}" for i in range(200))
    G.add_edges_from((f"a{i}", f"b{i}", {"weight": 2}) for i in range(100))
    table = communities(G, seed=5)
    member = dict(zip(table["node"], table["community"]))
    assert all(member[f"a{i}"] == member[f"b{i}"] for i in range(100))
    assert len({member[f"a{i}"] for i in range(100)}) == 100
    assert len({member[f"lone{i}"] for i in range(200)}) == 200
    assert table[table["node"].str.startswith("lone")]["size"].eq(1).all()
    for _, part in table[table["node"].str.startswith("tag")].groupby("community"):
        assert len({int(n[3:]) // 15 for n in part["node"]}) == 1
    parts = table.groupby("community")["node"].apply(set).tolist()
    ours = nx.community.modularity(G, parts)
    plain = nx.community.modularity(G, nx.community.louvain_communities(G, seed=5))
    assert ours >= plain - 0.01


def test_undirected_sums_both_directions_and_keeps_isolated_nodes():
    from trendlib.graphs._util import undirected

    G = nx.DiGraph()
    G.add_edge("a", "b", weight=2, kinds="reply")
    G.add_edge("b", "a", weight=3)
    G.add_edge("b", "c", weight=1)
    G.add_node("d", posts=4)
    U = undirected(G)
    assert not U.is_directed()
    assert U["a"]["b"]["weight"] == 5 and U["b"]["c"]["weight"] == 1
    assert set(U.nodes) == {"a", "b", "c", "d"} and U.number_of_edges() == 2
    H = nx.Graph([("x", "y")])
    assert undirected(H) is H


def test_communities_rejects_negative_weights_and_bad_resolution():
    posts = pd.DataFrame({"hashtags": [["a", "b"], ["a", "c"], ["b", "c"], ["a"], ["a"], ["d", "e"], ["a", "d"]]})
    G = co_hashtag_graph(posts, weight="pmi")
    with pytest.raises(ValueError, match="weight='count'"):
        communities(G)
    assert len(communities(G, weight="count")) == G.number_of_nodes()
    with pytest.raises(ValueError, match="'resolution' parameter"):
        communities(G, weight="count", resolution=0)


T0 = pd.Timestamp("2023-09-05 08:00", tz="UTC")
POSTS = pd.DataFrame(
    {
        "time": [T0 + pd.Timedelta(hours=h) for h in range(8)],
        "author": ["rina", "budi", "rina", "sari", "dodi", "dodi", "eko", "eko"],
        "hashtags": [
            ["ktt", "asean"], ["ktt", "asean", "jakarta"], ["asean", "jakarta"], ["ktt", "jakarta"],
            ["timnas", "garuda"], ["timnas", "garuda", "sepakbola"], ["garuda", "sepakbola"], ["cuaca"],
        ],
        "mentions": [["setkab"], ["setkab", "jokowi"], [], [], ["pssi"], ["pssi"], [], []],
        "sentiment": ["positive", "neutral", "negative", "positive", "positive", "positive", "negative", "neutral"],
    }
)


def test_summary_of_hashtag_communities():
    G = co_hashtag_graph(POSTS)
    table = communities(G, seed=0)
    s = community_summary(POSTS, G, table, top=2)
    assert s["community"].tolist() == [0, 1, 2]
    first = s.iloc[0]  # ties in size broken by the smallest member: asean < garuda
    assert first["size"] == 3
    assert first["top_hashtags"] == ["asean", "jakarta"]  # 3 posts each with ktt: ties by name
    assert first["n_posts"] == 4 and first["share_posts"] == pytest.approx(0.5)
    assert first["top_mentions"] == ["setkab", "jokowi"]
    assert first["top_accounts"][0] == "rina"
    assert first["first_seen"] == T0 and first["last_seen"] == T0 + pd.Timedelta(hours=3)
    assert first["sentiment_positive"] == pytest.approx(0.5)
    assert first["sentiment_negative"] == pytest.approx(0.25)
    second = s.iloc[1]
    assert second["top_mentions"] == ["pssi"] and second["sentiment_positive"] == pytest.approx(2 / 3)
    assert s.iloc[2]["size"] == 1 and s.iloc[2]["top_nodes"] == ["cuaca"]
    # no sentiment column -> no sentiment columns
    s2 = community_summary(POSTS.drop(columns="sentiment"), G, table)
    assert not any(c.startswith("sentiment_") for c in s2.columns)


def test_summary_of_account_graph_uses_authors():
    posts = POSTS.assign(text="x", reply_to=None, is_retweet=False,
                         mentions=[["budi"], ["rina"], ["budi"], ["rina"], ["eko"], ["eko"], ["dodi"], ["dodi"]])
    G = interaction_graph(posts, kind="mention")
    communities(G, seed=0)  # sets the node attribute
    s = community_summary(posts, G)
    by_top = {tuple(sorted(r.top_accounts)): r for r in s.itertuples()}
    # rina, budi and sari (sari mentions rina) wrote posts 0-3; dodi and eko posts 4-7
    assert by_top[("budi", "rina", "sari")].n_posts == 4
    assert by_top[("dodi", "eko")].n_posts == 4
    assert by_top[("dodi", "eko")].top_hashtags[0] == "garuda"


def test_summary_errors():
    G = co_hashtag_graph(POSTS)
    with pytest.raises(ValueError, match="needs communities"):
        community_summary(POSTS, G)
    G2 = nx.Graph([("a", "b")])
    with pytest.raises(ValueError, match="columns='hashtags'"):
        community_summary(POSTS, G2, {"a": 0, "b": 0})
    with pytest.raises(SchemaError, match="community"):
        community_summary(POSTS, G, pd.DataFrame({"node": ["ktt"]}))
    with pytest.raises(TypeError, match="communities"):
        community_summary(POSTS, G, "ktt")


def test_real_file_communities_are_stable(data_file):
    from trendlib import read_posts

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = read_posts(data_file("tweets_danantara_2025", "danantara_pasca.csv"))
    G = co_hashtag_graph(posts, min_count=3)
    a = communities(G, seed=3)
    b = communities(G.copy(), seed=3)
    pd.testing.assert_frame_equal(a, b)
    s = community_summary(posts, G, a)
    assert s["n_posts"].iloc[0] > 0 and s["share_posts"].between(0, 1).all()
    assert (s["first_seen"] <= s["last_seen"]).all()
    # the community of #danantara lists it first among its top hashtags
    cid = int(a.set_index("node").loc["danantara", "community"])
    assert s.set_index("community").loc[cid, "top_hashtags"][0] == "danantara"
    assert np.isclose(s["size"].sum(), G.number_of_nodes())


def test_old_keyword_names_still_work_and_warn():
    G = co_hashtag_graph(POSTS)
    table = communities(G, seed=0)
    with pytest.warns(FutureWarning, match="columns="):
        old = community_summary(POSTS, G, table, by="hashtags")
    pd.testing.assert_frame_equal(old, community_summary(POSTS, G, table, columns="hashtags"))
    with pytest.warns(FutureWarning, match="min_score="):
        again = communities(G.copy(), seed=0, threshold=1e-7)
    pd.testing.assert_frame_equal(again, table)


def test_mixed_case_accounts_are_one_identity():
    """Authors and mentions as written (``Rina``, ``@BUDI``) map to the graph's account keys."""
    posts = POSTS.assign(text="x", reply_to=None, is_retweet=False,
                         author=["Rina", "budi", "RINA", "Sari", "dodi", "Dodi", "eko", "EKO"],
                         mentions=[["Budi"], ["rina"], ["BUDI"], ["Rina"], ["Eko"], ["eko"], ["dodi"], ["DODI"]])
    G = interaction_graph(posts, kind="mention")
    assert set(G.nodes) == {"rina", "budi", "sari", "dodi", "eko"}
    assert posts["author"].str.lower().isin(G.nodes).all()
    s = community_summary(posts, G, communities(G.to_undirected(), seed=0))
    assert s["n_posts"].sum() == len(posts)  # every post found through its author's node
    assert {a for accs in s["top_accounts"] for a in accs} == set(G.nodes)


def _naive_summary(posts, table, column, top):
    """The summary by a plain loop over communities (the reference the vectorised code must equal)."""
    member = dict(zip(table["node"], table["community"]))
    rows = []
    sizes = table.groupby("community").size()
    for cid in sorted(sizes.index, key=lambda c: (-sizes[c], c)):
        nodes = {n for n, c in member.items() if c == cid}
        vals = posts[column] if column != "author" else posts["author"].map(lambda a: [a])
        inside = [i for i, v in enumerate(vals) if nodes & set(v)]
        counts = {}
        for v in vals:
            for x in v:
                if x in nodes:
                    counts[x] = counts.get(x, 0) + 1

        def topk(d):
            return [k for k, _ in sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]

        tags = {}
        for i in inside:
            for x in set(posts["hashtags"].iloc[i]):
                tags[x] = tags.get(x, 0) + 1
        authors = {}
        for i in inside:
            a = posts["author"].iloc[i]
            authors[a] = authors.get(a, 0) + 1
        t = posts["time"].iloc[inside]
        rows.append({"community": cid, "size": int(sizes[cid]), "n_posts": len(inside), "top_nodes": topk(counts),
                     "top_hashtags": topk(tags), "top_accounts": topk(authors),
                     "first_seen": t.min() if len(t) else pd.NaT, "last_seen": t.max() if len(t) else pd.NaT})
    return pd.DataFrame(rows)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TAGS = st.lists(st.sampled_from(["ktt", "asean", "jakarta", "timnas", "garuda", "banjir", "macet", "kopi"]), max_size=4)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(TAGS, st.sampled_from(["rina", "budi", "sari", "dodi"]), st.integers(0, 100)), min_size=1, max_size=25),
       st.integers(1, 4), st.integers(0, 5))
def test_vectorised_summary_equals_a_loop_over_communities(rows, top, seed):
    posts = pd.DataFrame({"hashtags": [r[0] for r in rows], "author": [r[1] for r in rows],
                          "mentions": [[] for _ in rows], "time": [T0 + pd.Timedelta(hours=r[2]) for r in rows]})
    G = co_hashtag_graph(posts)
    if G.number_of_nodes() == 0:
        return
    table = communities(G, seed=seed)
    got = community_summary(posts, G, table, top=top)
    want = _naive_summary(posts, table, "hashtags", top)
    pd.testing.assert_frame_equal(got[want.columns], want, check_dtype=False)
