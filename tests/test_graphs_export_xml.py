"""GEXF/GraphML exports are well-formed XML and round-trip whatever the account names hold.

Real scrapes carry usernames and texts with control characters, NUL, U+FFFE and lone
surrogates (a JSON ``\\ud83d`` escape read as it is). XML 1.0 forbids them; the exporters
escape them one-to-one, so the file parses, no two accounts merge, and trendlib's readers
give the original names back.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendlib.graphs import interaction_graph, read_gexf, read_graphml, to_gexf, to_graphml

# names mixing plain handles with every kind of character XML refuses, and backslashes
HOSTILE = st.sampled_from(["\x00", "\r", "\x01", "\x0b", "\x1f", "\ufffe", "\uffff", "\ud83d", "\udc00", "\\", "u", "&", "<", '"', "\t", "é", "😀"])
NAME = st.lists(st.characters(codec="utf-8") | HOSTILE | st.sampled_from(["\\u0000", "\\\\"]), min_size=1, max_size=8).map("".join)
NAMES = st.lists(NAME, min_size=2, max_size=8, unique=True)


def _graph(names: list[str]) -> nx.DiGraph:
    G = nx.DiGraph(note="uji\x00")
    for i, (u, v) in enumerate(zip(names, names[1:])):
        G.add_edge(u, v, count=i + 1, weight=float(i + 1), label=u + "|" + v)
    G.nodes[names[0]]["author_name"] = names[0].upper()
    return G


def _same(G: nx.DiGraph, H: nx.DiGraph) -> None:
    assert set(H.nodes) == set(G.nodes)
    assert {(u, v) for u, v in H.edges} == {(u, v) for u, v in G.edges}
    for u, v, d in G.edges(data=True):
        assert H[u][v]["label"] == d["label"] and int(H[u][v]["count"]) == d["count"]


@settings(max_examples=60, deadline=None)
@given(NAMES)
def test_gexf_is_well_formed_and_round_trips(tmp_path_factory, names):
    path = tmp_path_factory.mktemp("x") / "g.gexf"
    G = _graph(names)
    to_gexf(G, path, dynamic=False)
    ET.parse(path)  # well-formed XML, or this raises
    raw = nx.read_gexf(path)  # networkx alone reads it (names with visible escapes)
    assert raw.number_of_nodes() == G.number_of_nodes() and raw.number_of_edges() == G.number_of_edges()
    _same(G, read_gexf(path))


@settings(max_examples=60, deadline=None)
@given(NAMES)
def test_graphml_is_well_formed_and_round_trips(tmp_path_factory, names):
    path = tmp_path_factory.mktemp("x") / "g.graphml"
    G = _graph(names)
    to_graphml(G, path)
    ET.parse(path)
    raw = nx.read_graphml(path)
    assert raw.number_of_nodes() == G.number_of_nodes() and raw.number_of_edges() == G.number_of_edges()
    H = read_graphml(path)
    _same(G, H)
    assert H.nodes[names[0]]["author_name"] == names[0].upper()


def test_dynamic_gexf_of_an_interaction_graph_with_a_nul_username(tmp_path):
    t0 = pd.Timestamp("2024-02-14 07:00", tz="UTC")
    posts = pd.DataFrame({
        "time": [t0, t0 + pd.Timedelta("5min")],
        "author": pd.Series(["rina\x00", "dodi\ud83d"], dtype=object),  # pyarrow strings refuse surrogates
        "text": ["@kpu_ri sudah nyoblos", "@rina mantap"],
        "mentions": [["kpu_ri"], ["rina\x00"]],
        "reply_to": [None, None], "is_retweet": [False, False]})
    G = interaction_graph(posts, kind="mention")
    path = tmp_path / "i.gexf"
    to_gexf(G, path)
    ET.parse(path)
    H = read_gexf(path)
    assert sorted(H.edges) == sorted(G.edges)
    assert H.nodes["dodi\ud83d"]["start"] == "2024-02-14T07:05:00Z"


def _networkx_gexf(G, path, dynamic=True):
    """What trendlib wrote before its own writer: networkx's writer on the portable graph."""
    import io

    from trendlib.graphs._export import _portable_graph

    buf = io.BytesIO()
    nx.write_gexf(_portable_graph(G, dynamic=dynamic), buf, version="1.2draft")
    data = buf.getvalue()
    if dynamic:
        data = data.replace(b'timeformat="date"', b'timeformat="dateTime"', 1)
    path.write_bytes(data)


def _same_graph(A, B):
    assert A.is_directed() == B.is_directed()
    assert dict(A.nodes(data=True)) == dict(B.nodes(data=True))
    ea = {(u, v): d for u, v, d in A.edges(data=True)}
    eb = {(u, v): d for u, v, d in B.edges(data=True)}
    assert ea == eb


@pytest.mark.parametrize("dynamic", [True, False])
def test_streaming_gexf_reads_back_as_networkx_writer_output(tmp_path, dynamic):
    # the real sample posts' interaction and co-hashtag graphs, plus hostile names and
    # every attribute type: our writer and networkx's give the same graph to a reader
    from trendlib.datasets import load_sample_posts
    from trendlib.graphs import co_hashtag_graph, interaction_graph

    posts = load_sample_posts()
    H = nx.MultiDiGraph()
    H.add_edge("a\x00b", 'q"<&>\n', weight=2.5, note="x\ty", flag=True, n=3, start_at=pd.Timestamp("2023-09-05", tz="UTC"))
    H.add_edge("a\x00b", 'q"<&>\n', weight=1.0, first_seen=pd.Timestamp("2023-09-05 08:00", tz="Asia/Jakarta"))
    H.add_node("lone", tags=["ktt", "asean"], score=float("nan"), big=float("inf"), label="Lone")
    for G in (interaction_graph(posts, kind="all"), co_hashtag_graph(posts), H):
        ours, theirs = tmp_path / "ours.gexf", tmp_path / "theirs.gexf"
        to_gexf(G, ours, dynamic=dynamic)
        _networkx_gexf(G, theirs, dynamic=dynamic)
        if not dynamic:  # networkx's reader does not know timeformat="dateTime"
            _same_graph(nx.read_gexf(ours), nx.read_gexf(theirs))
        _same_graph(read_gexf(ours), read_gexf(theirs))
        assert to_gexf(G, tmp_path / "again.gexf", dynamic=dynamic) is None
        assert (tmp_path / "again.gexf").read_bytes() == ours.read_bytes()  # no date: same bytes
