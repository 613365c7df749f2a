"""Export round trips (GEXF with dynamic times, GraphML, CSV) and the network plot."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from trendlib.graphs import (  # noqa: E402
    co_hashtag_graph,
    communities,
    edges_frame,
    interaction_graph,
    read_gexf,
    to_csv,
    to_gexf,
    to_graphml,
)

T0 = pd.Timestamp("2023-09-05 08:00", tz="UTC")
POSTS = pd.DataFrame(
    {
        "time": [T0 + pd.Timedelta(hours=h) for h in range(6)],
        "author": ["rina", "budi", "sari", "rina", "dodi", "eko"],
        "text": ["@setkab ktt", "@rina asean", "RT @rina: ktt", "@budi jakarta", "@eko timnas", "@dodi garuda"],
        "hashtags": [["ktt", "asean"], ["ktt", "asean", "jakarta"], ["asean", "jakarta"], ["ktt", "jakarta"],
                     ["timnas", "garuda"], ["garuda", "timnas"]],
        "mentions": [["setkab"], ["rina"], ["rina"], ["budi"], ["eko"], ["dodi"]],
        "reply_to": [None, "rina", None, None, None, None],
        "is_retweet": [False, False, True, False, False, False],
    }
)


def _iso(ts):
    return pd.Timestamp(ts).tz_convert("UTC").strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.mark.parametrize("build", [lambda: co_hashtag_graph(POSTS, weight="npmi"), lambda: interaction_graph(POSTS)])
def test_gexf_round_trip_with_dynamic_times(tmp_path, build):
    G = build()
    communities(G, seed=0, weight="count")
    path = tmp_path / "g.gexf"
    to_gexf(G, path)
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="dateTime"' in text
    H = read_gexf(path)
    assert H.is_directed() == G.is_directed()
    assert set(H.nodes) == set(G.nodes)
    assert {tuple(e) for e in H.edges()} == {tuple(e) for e in G.edges()}
    for u, v, d in G.edges(data=True):
        assert H[u][v]["weight"] == pytest.approx(d["weight"])
        assert H[u][v]["count"] == d["count"]
        assert H[u][v]["start"] == _iso(d["first_seen"]) and H[u][v]["end"] == _iso(d["last_seen"])
    for n, d in G.nodes(data=True):
        assert H.nodes[n]["start"] == _iso(d["first_seen"])
        assert H.nodes[n]["end"] == _iso(d["last_seen"])
        assert H.nodes[n]["community"] == d["community"]


def test_static_gexf_reads_with_plain_networkx(tmp_path):
    G = co_hashtag_graph(POSTS)
    path = tmp_path / "static.gexf"
    to_gexf(G, path, dynamic=False)
    H = nx.read_gexf(path)
    assert "start" not in H.nodes["ktt"]
    assert H.nodes["ktt"]["first_seen"] == _iso(G.nodes["ktt"]["first_seen"])
    assert H["asean"]["ktt"]["count"] == G["asean"]["ktt"]["count"]


def test_graphml_round_trip(tmp_path):
    G = interaction_graph(POSTS)
    path = tmp_path / "g.graphml"
    to_graphml(G, path)
    H = nx.read_graphml(path)
    assert isinstance(H, nx.DiGraph)
    assert set(H.edges()) == set(G.edges())
    for u, v, d in G.edges(data=True):
        assert H[u][v]["count"] == d["count"] and H[u][v]["weight"] == pytest.approx(d["weight"])
        assert H[u][v]["first_seen"] == _iso(d["first_seen"])
    assert H.nodes["rina"]["n_posts"] == 2


def test_csv_round_trip(tmp_path):
    G = co_hashtag_graph(POSTS, weight="jaccard")
    path, nodes_path = tmp_path / "edges.csv", tmp_path / "nodes.csv"
    to_csv(G, path, nodes_path=nodes_path)
    e = pd.read_csv(path)
    assert list(e.columns[:2]) == ["source", "target"]
    H = nx.from_pandas_edgelist(e, edge_attr=True)
    assert set(map(frozenset, H.edges())) == set(map(frozenset, G.edges()))
    for u, v, d in G.edges(data=True):
        assert H[u][v]["weight"] == pytest.approx(d["weight"])
    n = pd.read_csv(nodes_path).set_index("node")
    assert n.loc["ktt", "count"] == 3
    assert len(edges_frame(G)) == G.number_of_edges()


def test_network_plot_smoke():
    from trendlib.plot import network

    G = co_hashtag_graph(POSTS)
    table = communities(G, seed=0)
    ax = network(G, communities=table, top=4, labels=2, seed=1)
    labels = sorted(t.get_text() for t in ax.texts)
    assert labels == ["#asean", "#jakarta"]  # the two largest by post count (ties by name)
    nodes = [c for c in ax.collections if c.get_gid() == "nodes"]
    assert len(nodes) == 1 and len(nodes[0].get_offsets()) == 4
    colours = {tuple(fc) for fc in nodes[0].get_facecolors()}
    assert len(colours) == 2  # the drawn nodes span two communities
    assert ax.get_legend() is not None
    # same seed, same drawing
    ax2 = network(G, communities=table, top=4, labels=2, seed=1)
    assert (ax2.collections[-1].get_offsets() == nodes[0].get_offsets()).all()
    matplotlib.pyplot.close("all")


def test_network_plot_ranks_by_given_scores_like_the_influencers_table():
    from trendlib.graphs import influencers
    from trendlib.plot import network

    G = interaction_graph(POSTS)
    table = influencers(G, rank_by="pagerank", top=None)
    ax = network(G, size=table.set_index("node")["score"], top=3, labels=3, seed=0)
    drawn = [t.get_text().lstrip("@") for t in ax.texts]
    connected = [n for n in table["node"] if G.degree(n) > 0]
    # labelled in the table's order, starting with its top connected account (a dict does the same)
    rank = {n: i for i, n in enumerate(table["node"])}
    assert drawn[0] == connected[0] and len(drawn) >= 2
    assert drawn == sorted(drawn, key=rank.__getitem__)
    ax2 = network(G, size=dict(zip(table["node"], table["score"])), top=3, labels=3, seed=0)
    assert [t.get_text() for t in ax2.texts] == [t.get_text() for t in ax.texts]
    matplotlib.pyplot.close("all")


def test_network_plot_on_given_axes_and_errors():
    import matplotlib.pyplot as plt

    from trendlib.plot import network

    fig, ax = plt.subplots()
    G = interaction_graph(POSTS)
    assert network(G, ax=ax) is ax
    with pytest.raises(TypeError, match="communities"):
        network(G, communities="x")
    with pytest.raises(ValueError, match="'top' parameter"):
        network(G, top=0)
    plt.close("all")
