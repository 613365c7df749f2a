"""Network figure: the most central nodes of a graph, coloured by community, top nodes labelled.

Nodes are chosen by a centrality (PageRank by default, the same ranking as
:func:`trendlib.graphs.influencers`), and a chosen node with no edge to another chosen
node is replaced by the next one, so the figure shows structure rather than isolated dots.
Labels are placed greedily in rank order and skipped where they would overlap a label
already drawn; the legend sits outside the drawing. matplotlib is imported inside the
function. The node collection carries ``gid="nodes"``,
each edge collection ``gid="edges"`` and each label ``gid="label:<node>"``, so a figure
can be checked against its graph.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["network"]

_PREFIX = {"hashtag": "#", "hashtags": "#", "mention": "@", "mentions": "@", "account": "@"}  # node_type -> prefix
_OTHER = "#bbbbbb"


def _membership(G: Any, communities: Any) -> dict:
    import pandas as pd

    if communities is None:
        return {n: c for n, c in G.nodes(data="community") if c is not None}
    if isinstance(communities, pd.DataFrame):
        from .._validation import require_columns

        require_columns(communities, ["node", "community"], func="network", hint="trendlib.graphs.communities(G)")
        return dict(zip(communities["node"], communities["community"]))
    if isinstance(communities, dict):
        return dict(communities)
    if isinstance(communities, (list, tuple)):
        return {n: i for i, part in enumerate(communities) for n in part}
    raise TypeError(
        "network() expects communities as the table from trendlib.graphs.communities(G), a "
        f"dict node -> community or a list of node sets. Got {type(communities).__name__}."
    )


def _given_scores(size: Any) -> bool:
    """``size`` is node -> score computed already (a dict or a pandas Series)."""
    return isinstance(size, dict) or hasattr(size, "to_dict")


def _node_size(G: Any, size: Any) -> dict:
    if _given_scores(size):
        return {n: float(v) for n, v in dict(size).items()}
    if size == "pagerank":
        import networkx as nx

        if not G.number_of_edges():
            return {n: 1.0 for n in G}
        return nx.pagerank(G, weight=None)
    if size == "degree":
        return {n: float(v) for n, v in G.degree(weight=None)}
    if size is None:
        for attr in ("count", "n_posts"):
            if G.number_of_nodes() and all(attr in d for _, d in G.nodes(data=True)):
                size = attr
                break
    if size is not None:
        return {n: float(d.get(size, 0) or 0) for n, d in G.nodes(data=True)}
    return {n: float(v) for n, v in G.degree(weight=None)}


def _ordered(G: Any, nodes: list) -> Any:
    """The subgraph of ``G`` on ``nodes``, nodes in that order, edges in ``G``'s order.

    Why not ``G.subgraph(nodes)``: a subgraph view iterates its nodes in the order of a
    Python set, which changes with the string hash seed from one process to the next, and
    the spring layout's starting positions follow the node order; the same data must draw
    the same figure in every run.
    """
    keep = set(nodes)
    H = G.__class__()
    H.add_nodes_from((n, G.nodes[n]) for n in nodes)
    H.add_edges_from((u, v, d) for u in nodes for v, d in G.adj[u].items() if v in keep)
    return H


def _layout(H: Any, *, seed: int | None, weight: str | None) -> dict:
    """Spring layout of the largest component in the unit disc, other components on a ring.

    Laying out disconnected parts together pushes them far apart and crushes the main
    component into a dot; here each component is laid out on its own.
    """
    import networkx as nx

    comps = sorted((sorted(c, key=str) for c in nx.connected_components(H.to_undirected(as_view=True))), key=lambda c: (-len(c), str(c[0])))
    if not comps:
        return {}
    pos: dict = {}
    main = _ordered(H, comps[0])
    pos.update(nx.spring_layout(main, seed=seed, weight=weight, k=1.5 / np.sqrt(len(comps[0])), center=(0, 0), scale=1.0) if len(comps[0]) > 1 else {comps[0][0]: np.zeros(2)})
    rest = comps[1:]
    for i, comp in enumerate(rest):
        angle = 2 * np.pi * i / max(len(rest), 1) + np.pi / 4
        centre = 1.35 * np.array([np.cos(angle), np.sin(angle)])
        r = 0.08 + 0.25 * np.sqrt(len(comp) / len(comps[0]))
        if len(comp) == 1:
            pos[comp[0]] = centre
        else:
            pos.update(nx.spring_layout(_ordered(H, comp), seed=seed, weight=weight, center=centre, scale=r))
    return {n: np.asarray(p, dtype=float) for n, p in pos.items()}


def network(G: Any, *, communities: Any = None, top: int = 60, labels: int = 12, size: Any = None, weight: str | None = "weight", n_colors: int = 10, ax: Any = None, seed: int | None = 0, figsize: tuple[float, float] = (9, 9), title: str | None = None) -> Any:
    """Draw the ``top`` largest nodes of ``G`` coloured by community, labelling the biggest.

    Parameters
    ----------
    G : networkx.Graph or networkx.DiGraph
        E.g. from :func:`trendlib.graphs.co_hashtag_graph` or ``interaction_graph``.
    communities : DataFrame, dict or list of sets, optional
        The table from :func:`trendlib.graphs.communities` (default: the ``community``
        node attribute, if any).
    top : int
        Draw this many nodes, the largest by ``size``.
    labels : int
        Label this many of the largest nodes (``#`` / ``@`` prefixed for hashtag and
        account graphs).
    size : str, dict or pandas.Series, optional
        What ranks and sizes nodes: ``"pagerank"`` (unweighted), ``"degree"``, a node
        attribute (default ``count`` or ``n_posts`` when all nodes have it, else degree),
        or scores already computed, node -> value (e.g. the ``score`` column of
        :func:`trendlib.graphs.influencers`, so the figure shows the table's ranking;
        nodes missing from it score 0). With a centrality (``"pagerank"``, ``"degree"``
        or scores), nodes without an edge to another drawn node are passed over for the
        next ones, so the drawing shows structure.
    weight : str or None
        Edge attribute for the layout and edge widths (negative weights are ignored).
    n_colors : int
        Colour the ``n_colors`` largest communities; the rest are grey.
    ax : matplotlib Axes, optional
    seed : int or None
        Seed of the spring layout (the same seed gives the same drawing).
    figsize : (float, float)
        Size of a new figure when ``ax`` is None.
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import networkx as nx
    >>> G = nx.Graph([("ktt", "asean"), ("asean", "jakarta"), ("timnas", "garuda")])
    >>> ax = network(G, communities=[{"ktt", "asean", "jakarta"}, {"timnas", "garuda"}], labels=2)
    >>> sorted(t.get_text() for t in ax.texts)
    ['asean', 'garuda']
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    from .._validation import check_graph, check_int

    check_graph(G, func="network")
    top = check_int(top, name="top", func="network")
    labels = check_int(labels, name="labels", func="network", minimum=0)
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    member = _membership(G, communities)
    sizes = _node_size(G, size)
    all_nodes = list(G.nodes())
    score = np.fromiter((sizes.get(n, 0.0) for n in all_nodes), dtype=float, count=len(all_nodes))
    # by size, ties by the node's text (one sort of arrays: a million-account graph in a second)
    order = np.lexsort((np.array([str(n) for n in all_nodes], dtype=object), -score)) if all_nodes else []
    ranked_nodes = [all_nodes[i] for i in order]
    nodes = ranked_nodes[:top]
    centrality = _given_scores(size) or size in ("pagerank", "degree")
    if centrality and G.number_of_edges():
        nodes = _connected_top(G, ranked_nodes, top)
    H = _ordered(G, nodes)
    use_w = weight if weight and all((w or 0) >= 0 for _, _, w in H.edges(data=weight, default=1)) else None
    pos = _layout(H, seed=seed, weight=use_w)

    # colours: the n_colors largest communities (by nodes drawn), the rest grey
    counts: dict = {}
    for n in nodes:
        if n in member:
            counts[member[n]] = counts.get(member[n], 0) + 1
    ranked = sorted(counts, key=lambda c: (-counts[c], str(c)))[:n_colors]
    cmap = plt.get_cmap("tab10" if n_colors <= 10 else "tab20")
    colour_of = {c: cmap(i % cmap.N) for i, c in enumerate(ranked)}
    colours = [colour_of.get(member.get(n), _OTHER) for n in nodes]

    if H.number_of_edges():
        segs = [(pos[u], pos[v]) for u, v in H.edges()]
        w = np.array([float(d if d is not None else 1) for _, _, d in H.edges(data=use_w, default=1)]) if use_w else np.ones(len(segs))
        widths = 0.3 + 2.5 * (w - w.min()) / (w.max() - w.min()) if w.max() > w.min() else np.full(len(w), 0.8)
        ax.add_collection(LineCollection(segs, linewidths=widths, colors="#888888", alpha=0.35, zorder=1, gid="edges"))
    if nodes:
        xy = np.array([pos[n] for n in nodes])
        s = np.array([sizes.get(n, 0.0) for n in nodes])
        area = 30 + 600 * np.sqrt(s / s.max()) if s.max() > 0 else np.full(len(nodes), 80.0)
        ax.scatter(xy[:, 0], xy[:, 1], s=area, c=colours, edgecolors="white", linewidths=0.8, zorder=2, gid="nodes")
        prefix = _PREFIX.get(str(G.graph.get("node_type", "")), "")
        pad = 0.1
        ax.set_xlim(xy[:, 0].min() - pad, xy[:, 0].max() + pad)
        ax.set_ylim(xy[:, 1].min() - pad, xy[:, 1].max() + pad)
        _labels(ax, [(n, f"{prefix}{n}", pos[n]) for n in nodes], labels)
    if ranked:
        handles = [Line2D([], [], marker="o", ls="", color=colour_of[c], label=f"community {c} ({counts[c]})") for c in ranked]
        if len(counts) > len(ranked):
            handles.append(Line2D([], [], marker="o", ls="", color=_OTHER, label="other communities"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_axis_off()
    ax.set_title(title if title is not None else f"top {len(nodes)} of {G.number_of_nodes()} nodes")
    return ax


def _connected_top(G: Any, ranked: list, top: int) -> list:
    """The ``top`` highest-ranked nodes that each have an edge to another chosen node."""
    directed = G.is_directed()
    seen: dict = {}

    def nbrs(n: Any) -> set:  # neighbours in either direction (a node with a self-loop is its own)
        s = seen.get(n)
        if s is None:
            s = seen[n] = set(G.succ[n]).union(G.pred[n]) if directed else set(G.adj[n])
        return s

    chosen: list = []
    chosen_set: set = set()
    pending: list = []  # ranked nodes waiting for a chosen neighbour
    for n in ranked:
        if len(chosen) >= top:
            break
        if not nbrs(n):
            continue
        if not chosen or not chosen_set.isdisjoint(nbrs(n)):
            chosen.append(n)
            chosen_set.add(n)
            # nodes passed over earlier may connect now
            for m in list(pending):
                if len(chosen) < top and not chosen_set.isdisjoint(nbrs(m)):
                    chosen.append(m)
                    chosen_set.add(m)
                    pending.remove(m)
        else:
            pending.append(n)
    return chosen


def _labels(ax: Any, items: list, limit: int) -> None:
    """Label up to ``limit`` nodes in rank order, skipping labels that would overlap a drawn one."""
    fig = ax.figure
    if not hasattr(fig.canvas, "get_renderer"):  # a bare Figure: attach an Agg canvas to measure text
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig)
    renderer = fig.canvas.get_renderer()
    boxes: list = []
    drawn = 0
    for n, text, (x, y) in items:
        if drawn >= limit:
            break
        t = ax.text(x, y, text, fontsize=9, ha="center", va="bottom", zorder=3, gid=f"label:{n}",
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
        if renderer is not None:
            bb = t.get_window_extent(renderer=renderer).expanded(1.05, 1.1)
            if any(bb.overlaps(b) for b in boxes):
                t.remove()
                continue
            boxes.append(bb)
        drawn += 1
