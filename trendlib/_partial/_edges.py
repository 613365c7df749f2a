"""Edge lists and account activity as partition-pure maps plus exact merges (internal).

Each partial is the public edge list of one frame (``graphs.co_hashtag_edges`` with
``weight="count"``, ``graphs.interaction_edges``), so the per-frame work follows the
graphs module; the merge adds counts and takes the earliest ``first_seen`` and the latest
``last_seen`` of each pair. Association weights (PMI, NPMI, Jaccard, lift) are not
summable, so the co-hashtag partial also carries the posts per hashtag and the number of
posts with any hashtag, and the weights are computed once, after the merge, by the same
formula the graphs module uses. ``min_count``/``min_edge_count`` are applied after the
merge too (a hashtag rare in every partition may be common overall).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = [
    "CoPartial", "cohashtag_partial", "merge_cohashtag", "finish_cohashtag",
    "interaction_partial", "merge_interaction", "finish_interaction",
    "activity_partial", "merge_activity", "finish_activity",
]

_SEEN = {"first_seen": "min", "last_seen": "max"}


@dataclass
class CoPartial:
    """Pair counts (with first/last seen), posts per item and posts with any item."""

    column: str
    edges: pd.DataFrame
    nodes: pd.Series
    n_posts: int


def cohashtag_partial(posts: pd.DataFrame, *, column: str = "hashtags") -> CoPartial:
    """The contribution of one frame to ``cooccurrence_edges(posts, column)``."""
    from ..graphs import cooccurrence_edges
    from ..graphs._util import list_column

    edges = cooccurrence_edges(posts, column, weight="count").drop(columns="weight")
    lists = list_column(posts, column, func="cooccurrence_edges")
    items = pd.Series(lists, index=np.arange(len(lists)), dtype=object).explode()
    items = items[items.notna()]
    items = items.map(lambda x: x if type(x) is str else str(x))
    items = items[items != ""]
    per_post = items.reset_index().drop_duplicates()
    nodes = per_post.iloc[:, 1].value_counts().astype(np.int64)
    return CoPartial(column, edges, nodes, int(per_post["index"].nunique()))


def _merge_edges(frames: list[pd.DataFrame], sums: list[str]) -> pd.DataFrame:
    edges = pd.concat(frames, ignore_index=True)
    agg = {c: "sum" for c in sums}
    agg.update({c: how for c, how in _SEEN.items() if c in edges.columns})
    return edges.groupby(["source", "target"], sort=False).agg(agg).reset_index()


def merge_cohashtag(partials: list[CoPartial]) -> CoPartial:
    """Exact merge of co-occurrence partials."""
    partials = list(partials)
    if len(partials) == 1:
        return partials[0]
    edges = _merge_edges([p.edges for p in partials], ["count"])
    nodes = pd.concat([p.nodes for p in partials]).groupby(level=0).sum().astype(np.int64)
    return CoPartial(partials[0].column, edges, nodes, sum(p.n_posts for p in partials))


def finish_cohashtag(part: CoPartial, *, weight: str = "count", min_count: int = 1, min_edge_count: int = 1,
                     func: str = "co_hashtag_edges") -> pd.DataFrame:
    """The edge list of the merged partial, equal to the graphs function on the whole posts."""
    from .._validation import check_choice
    from ..graphs._cooccurrence import WEIGHTS, _association
    from ..graphs._util import check_int

    check_choice(weight, WEIGHTS, name="weight", func=func)
    min_count = check_int(min_count, name="min_count", func=func)
    min_edge_count = check_int(min_edge_count, name="min_edge_count", func=func)
    nodes = part.nodes[part.nodes.to_numpy() >= min_count]
    e = part.edges
    keep = e["source"].isin(nodes.index).to_numpy() & e["target"].isin(nodes.index).to_numpy()
    e = e[keep & (e["count"].to_numpy() >= min_edge_count)]
    n_ab = e["count"].to_numpy(dtype=np.int64)
    n_a = nodes.reindex(e["source"]).to_numpy(dtype=np.int64)
    n_b = nodes.reindex(e["target"]).to_numpy(dtype=np.int64)
    w = _association(n_ab, n_a, n_b, part.n_posts, weight)
    src, tgt = e["source"].to_numpy(dtype=object), e["target"].to_numpy(dtype=object)
    order = np.lexsort((tgt.astype(str), src.astype(str), -n_ab, -w))
    cols = {"source": src[order], "target": tgt[order], "count": n_ab[order], "weight": w[order]}
    for c in _SEEN:
        if c in e.columns:
            cols[c] = e[c].to_numpy()[order]
    out = pd.DataFrame(cols)
    for c in _SEEN:
        if c in out.columns:
            out[c] = out[c].astype(e[c].dtype)
    out.attrs.update({"column": part.column, "weight": weight, "n_posts": part.n_posts,
                      "min_count": min_count, "min_edge_count": min_edge_count})
    return out


def interaction_partial(posts: pd.DataFrame, *, kind: str = "all") -> pd.DataFrame:
    """The contribution of one frame to ``interaction_edges(posts, kind=kind)``."""
    from ..graphs import interaction_edges

    return interaction_edges(posts, kind=kind)


def merge_interaction(partials: list[pd.DataFrame]) -> pd.DataFrame:
    """Exact merge: counts per kind add up; earliest first_seen, latest last_seen."""
    partials = list(partials)
    if len(partials) == 1:
        return partials[0]
    sums = [c for c in ("count", "weight", "mention", "reply", "retweet") if c in partials[0].columns]
    out = _merge_edges(partials, sums)
    out.attrs.update(partials[0].attrs)
    return out


def finish_interaction(edges: pd.DataFrame) -> pd.DataFrame:
    """Sort the merged edges as ``interaction_edges`` does: count desc, then names."""
    n = edges["count"].to_numpy(dtype=np.int64)
    order = np.lexsort((edges["target"].to_numpy(dtype=object).astype(str),
                        edges["source"].to_numpy(dtype=object).astype(str), -n))
    out = edges.iloc[order].reset_index(drop=True)
    out["weight"] = out["count"].to_numpy(dtype=np.float64)
    out.attrs.update(edges.attrs)
    return out


def activity_partial(posts: pd.DataFrame, *, part: int = 0) -> dict:
    """Posts, first and last post time (UTC) per account, and how its handle is written.

    Accounts are named as :mod:`trendlib.graphs` names graph nodes (lowercase, no ``@``).
    ``part`` is the position of this frame among all frames: the display name of an
    account is its most used ``author_name``, ties going to the one seen first.
    """
    author = posts["author"].astype(object).where(posts["author"].notna(), None).tolist()
    frame = pd.DataFrame({"node": [None if a is None else str(a).lower().lstrip("@") for a in author]})
    frame["_pos"] = np.int64(part) * (1 << 32) + np.arange(len(frame), dtype=np.int64)
    if "time" in posts.columns:
        frame["_t"] = pd.to_datetime(posts["time"], utc=True).to_numpy()
    if "author_name" in posts.columns:
        frame["name"] = posts["author_name"].to_numpy(dtype=object)
    frame = frame[frame["node"].notna()]
    g = frame.groupby("node", sort=False)
    nodes = g.size().rename("n_posts").astype(np.int64).to_frame()
    if "_t" in frame.columns:
        nodes["first_seen"], nodes["last_seen"] = g["_t"].min(), g["_t"].max()
    names = None
    if "name" in frame.columns:
        names = frame.dropna(subset=["name"]).groupby(["node", "name"], sort=False)["_pos"].agg(["size", "min"])
    return {"nodes": nodes, "names": names}


def merge_activity(partials: list[dict]) -> dict:
    """Exact merge of per-account activity."""
    partials = list(partials)
    if len(partials) == 1:
        return partials[0]
    frame = pd.concat([p["nodes"] for p in partials])
    agg = {"n_posts": "sum", **{c: how for c, how in _SEEN.items() if c in frame.columns}}
    nodes = frame.groupby(level=0, sort=False).agg(agg)
    names = None
    if all(p["names"] is not None for p in partials):
        names = pd.concat([p["names"] for p in partials]).groupby(level=[0, 1], sort=False).agg({"size": "sum", "min": "min"})
    return {"nodes": nodes, "names": names}


def finish_activity(part: dict) -> pd.DataFrame:
    """One row per account: ``n_posts``, ``first_seen``, ``last_seen`` (and ``author_name``)."""
    nodes = part["nodes"].copy()
    names = part["names"]
    if names is not None and len(names):
        best = names.reset_index().sort_values(["node", "size", "min"], ascending=[True, False, True], kind="stable")
        best = best.drop_duplicates("node").set_index("node")["name"]
        nodes["author_name"] = best.reindex(nodes.index).to_numpy(dtype=object)
    return nodes
