"""Export graphs for Gephi and other tools: dynamic GEXF, GraphML, CSV edge lists.

Attribute values are made portable on the way out: timestamps become ISO 8601 strings in
UTC (``2025-02-24T19:50:45Z``), lists become ``"; "``-joined strings, numpy scalars
become Python numbers, and missing values (``None``, ``NaN``, ``NaT``) are left out.

In :func:`to_gexf` with ``dynamic=True`` every node and edge with ``first_seen`` /
``last_seen`` gets GEXF ``start`` / ``end`` (``timeformat="dateTime"``), so Gephi's
timeline shows the network growing. networkx's own reader does not know that time
format; :func:`read_gexf` reads such files (and any other GEXF) back with networkx.

Exports are always well-formed XML, because usernames and texts from real scrapes can
hold characters XML 1.0 forbids (control characters, NUL, U+FFFE/U+FFFF, lone surrogates
from a JSON ``\\ud83d`` escape) or that a parser rewrites (a carriage return): such a character is written as the escape ``\\uXXXX``
and a literal backslash as ``\\\\``, in node ids, attribute names and values. The escape
is one-to-one, so two accounts never merge on the way out; :func:`read_gexf` and
:func:`read_graphml` undo it, and ``networkx.read_gexf``/``read_graphml`` read the files
as they are (names with the visible escapes).
"""

from __future__ import annotations

import io
import os
from typing import Any

import pandas as pd

from .._validation import check_graph

__all__ = ["to_gexf", "read_gexf", "to_graphml", "read_graphml", "to_csv", "edges_frame"]

from ._portable import _portable, _xml_safe, _xml_unescape

def _safe_key(x: Any) -> Any:
    return _xml_safe(x) if isinstance(x, str) else x


def _clean(d: dict, *, dynamic: bool) -> dict:
    out = {}
    for k, v in d.items():
        v = _portable(v)
        if v is not None:
            out[_xml_safe(str(k))] = v
    if dynamic:
        if "first_seen" in out:
            out["start"] = out["first_seen"]
        if "last_seen" in out:
            out["end"] = out["last_seen"]
    return out


def _portable_graph(G: Any, *, dynamic: bool) -> Any:
    H = G.__class__()
    H.graph.update({_safe_key(k): v for k, v in ((k, _portable(v)) for k, v in G.graph.items()) if v is not None})
    H.add_nodes_from((_safe_key(n), _clean(d, dynamic=dynamic)) for n, d in G.nodes(data=True))
    H.add_edges_from((_safe_key(u), _safe_key(v), _clean(d, dynamic=dynamic)) for u, v, d in G.edges(data=True))
    return H


def _unescaped(G: Any) -> Any:
    """A copy of ``G`` with :func:`_xml_safe` undone in node ids, attribute names and values."""
    if not any("\\" in str(x) for x in G.nodes) and not any(
        isinstance(v, str) and "\\" in v for _, d in G.nodes(data=True) for v in d.values()
    ) and not any(isinstance(v, str) and "\\" in v for _, _, d in G.edges(data=True) for v in d.values()):
        return G

    def attrs(d: dict) -> dict:
        return {_xml_unescape(k): _xml_unescape(v) for k, v in d.items()}

    H = G.__class__()
    H.graph.update(attrs(G.graph))
    H.add_nodes_from((_xml_unescape(n), attrs(d)) for n, d in G.nodes(data=True))
    H.add_edges_from((_xml_unescape(u), _xml_unescape(v), attrs(d)) for u, v, d in G.edges(data=True))
    return H


def to_gexf(G: Any, path: str | os.PathLike, *, dynamic: bool = True) -> None:
    """Write ``G`` as GEXF 1.2 for Gephi, with node and edge lifetimes when ``dynamic``.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        E.g. from :func:`co_hashtag_graph`; node/edge ``first_seen`` and ``last_seen``
        become GEXF ``start``/``end``.
    path : str or path-like
        Output file (``.gexf``).
    dynamic : bool
        Write ``start``/``end`` (Gephi timeline). ``False`` writes a static graph whose
        times are ordinary string attributes.

    Examples
    --------
    >>> import os, tempfile
    >>> import pandas as pd
    >>> from trendlib.graphs import co_hashtag_graph
    >>> posts = pd.DataFrame({"time": pd.to_datetime(["2023-09-05 08:00", "2023-09-07 12:00"], utc=True),
    ...                       "hashtags": [["ktt", "asean"], ["ktt", "jakarta"]]})
    >>> path = os.path.join(tempfile.mkdtemp(), "tagar.gexf")
    >>> to_gexf(co_hashtag_graph(posts), path)
    >>> H = read_gexf(path)
    >>> H.nodes["ktt"]["start"], H.nodes["ktt"]["end"]
    ('2023-09-05T08:00:00Z', '2023-09-07T12:00:00Z')
    """
    from .. import __version__
    from ._gexf import write_gexf

    check_graph(G, func="to_gexf")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        write_gexf(G, fh, dynamic=dynamic, creator=f"trendlib {__version__}")


def read_gexf(path: str | os.PathLike) -> Any:
    """Read a GEXF file (including ``timeformat="dateTime"`` from :func:`to_gexf`) with networkx.

    Times stay ISO 8601 strings (``start``, ``end``, ``first_seen``, ``last_seen``);
    the escapes :func:`to_gexf` writes for characters XML forbids are undone.

    Examples
    --------
    >>> import os, tempfile
    >>> import networkx as nx
    >>> path = os.path.join(tempfile.mkdtemp(), "g.gexf")
    >>> to_gexf(nx.Graph([("banjir", "jakarta")]), path)
    >>> sorted(read_gexf(path).edges())
    [('banjir', 'jakarta')]
    """
    import networkx as nx

    with open(path, "rb") as fh:
        data = fh.read()
    # networkx reads "date" times as strings; "dateTime" is the same with a time part
    data = data.replace(b'timeformat="dateTime"', b'timeformat="date"', 1)
    return _unescaped(nx.read_gexf(io.BytesIO(data)))


def to_graphml(G: Any, path: str | os.PathLike) -> None:
    """Write ``G`` as GraphML (times as ISO 8601 strings, lists joined with ``"; "``).

    Examples
    --------
    >>> import os, tempfile
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("rina", "kpu_ri", count=3, weight=3.0)
    >>> path = os.path.join(tempfile.mkdtemp(), "interaksi.graphml")
    >>> to_graphml(G, path)
    >>> nx.read_graphml(path)["rina"]["kpu_ri"]["count"]
    3
    """
    import networkx as nx

    check_graph(G, func="to_graphml")
    nx.write_graphml(_portable_graph(G, dynamic=False), path)


def read_graphml(path: str | os.PathLike) -> Any:
    r"""Read a GraphML file with networkx, undoing the escapes :func:`to_graphml` writes.

    Examples
    --------
    >>> import os, tempfile
    >>> import networkx as nx
    >>> path = os.path.join(tempfile.mkdtemp(), "g.graphml")
    >>> to_graphml(nx.Graph([("akun\x00", "budi")]), path)
    >>> sorted(read_graphml(path).nodes())
    ['akun\x00', 'budi']
    """
    import networkx as nx

    return _unescaped(nx.read_graphml(path))


def edges_frame(G: Any) -> pd.DataFrame:
    """The edges of ``G`` as a DataFrame: ``source``, ``target`` and one column per attribute.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph()
    >>> G.add_edge("kopi", "senja", count=2, weight=2.0)
    >>> edges_frame(G)
      source target  count  weight
    0   kopi  senja      2     2.0
    """
    check_graph(G, func="edges_frame")
    rows = [{"source": u, "target": v, **d} for u, v, d in G.edges(data=True)]
    return pd.DataFrame(rows, columns=None if rows else ["source", "target"])


def to_csv(G: Any, path: str | os.PathLike, *, nodes_path: str | os.PathLike | None = None) -> None:
    """Write the edge list of ``G`` to CSV (and its nodes to ``nodes_path`` if given).

    Times are written as ISO 8601 UTC strings, lists joined with ``"; "``; the node table
    has a ``node`` column plus one column per attribute.

    Examples
    --------
    >>> import os, tempfile
    >>> import networkx as nx
    >>> import pandas as pd
    >>> G = nx.Graph()
    >>> G.add_edge("kopi", "senja", count=2, weight=2.0)
    >>> path = os.path.join(tempfile.mkdtemp(), "edges.csv")
    >>> to_csv(G, path)
    >>> pd.read_csv(path)
      source target  count  weight
    0   kopi  senja      2     2.0
    """
    check_graph(G, func="to_csv")
    H = _portable_graph(G, dynamic=False)
    edges_frame(H).to_csv(path, index=False)
    if nodes_path is not None:
        pd.DataFrame([{"node": n, **d} for n, d in H.nodes(data=True)]).to_csv(nodes_path, index=False)
