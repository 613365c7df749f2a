"""Tree reductions over the partitions of a posts collection: small pandas results.

Why a tree of ``dask.delayed`` merges rather than ``groupby().agg`` on the collection:
the partials are not frames of one schema (a counts partial holds cells, totals and
account triples), and the merge and finish steps are the ones the chunked path uses
(:mod:`trendlib._partial`), so the Dask result is the pandas result by construction.
Arguments are checked when the function is called, before anything runs; with
``compute=False`` the result is a ``Delayed`` so that several results share one pass over
the data (``dask.compute(count(..., compute=False), co_hashtag_edges(..., compute=False))``).
Only the columns a step needs are kept in the partitions it reads.
"""

from __future__ import annotations

from typing import Any

from .. import _partial as P
from .._keys import KEY_KINDS, key_kind
from .._time import parse_freq, resolve_tz
from .._validation import check_choice, require_columns
from ._collection import check_lists, require_dask

__all__ = ["tree", "fold", "count", "co_hashtag_edges", "interaction_edges", "interaction_graph", "sentiment_over_time",
           "account_activity"]

_HINT = "trendlib.dask.read_posts(...)"


def tree(ddf: Any, partial: Any, merge: Any, *, columns: Any = None, split_every: int = 8, indexed: bool = False) -> Any:
    """``Delayed`` merged partial of every partition of ``ddf`` (a tree of fan-in ``split_every``).

    With ``indexed``, ``partial`` also gets ``part=`` (the partition's position).
    """
    from dask import delayed

    if columns is not None:
        partial = _Project(partial, [c for c in ddf.columns if c in set(columns)])
    # unoptimised partitions keep the keys of the collection's own tasks, so several
    # reductions computed together (dask.compute) read and tokenise each partition once
    parts = ddf.to_delayed(optimize_graph=False)
    if indexed:
        level = [delayed(partial, pure=True)(p, part=i) for i, p in enumerate(parts)]
    else:
        level = [delayed(partial, pure=True)(p) for p in parts]
    return fold(level, merge, split_every=split_every)


def fold(level: list, merge: Any, *, split_every: int = 8) -> Any:
    """``Delayed`` merge of ``Delayed`` partials as a tree of fan-in ``split_every`` (the
    partial itself when there is one; ``merge([])`` when there is none)."""
    from dask import delayed

    if not level:
        return delayed(merge, pure=True)([])
    while len(level) > 1:
        level = [delayed(merge, pure=True)(level[i:i + split_every]) for i in range(0, len(level), split_every)]
    return level[0]


class _Project:
    """``partial`` applied to the columns a step reads (a plain object: pickles to workers)."""

    def __init__(self, partial: Any, columns: list[str]) -> None:
        self.partial, self.columns = partial, columns
        self.__name__ = getattr(partial, "__name__", "partial")  # the task's key prefix

    def __call__(self, frame: Any, **kwargs: Any) -> Any:
        return self.partial(frame[[c for c in self.columns if c in frame.columns]], **kwargs)


def _finish(merged: Any, finish: Any, compute: bool, **kwargs: Any) -> Any:
    from dask import delayed

    out = delayed(finish, pure=True)(merged, **kwargs)
    return out.compute() if compute else out


def count(ddf: Any, *, key: str = "hashtag", freq: Any = "1h", tz: Any = "Asia/Jakarta", keys: Any = None,
          min_count: int = 1, normalize: bool = False, start: Any = None, end: Any = None, accounts: bool = True,
          split_every: int = 8, compute: bool = True) -> Any:
    """:func:`trendlib.count` of a Dask collection of posts, exactly.

    Posts per (bin, key) and per bin are summed over partitions; distinct accounts per
    cell come from the union of (bin, key, account) triples, never from a sum.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Canonical posts (:func:`trendlib.dask.read_posts`).
    key, freq, tz, keys, min_count, normalize, start, end, accounts
        As in :func:`trendlib.count`.
    split_every : int, default 8
        Fan-in of the merge tree.
    compute : bool, default True
        Return the pandas table; ``False`` returns a ``dask.delayed.Delayed``.

    Returns
    -------
    pandas.DataFrame or dask.delayed.Delayed
        The counts table of :func:`trendlib.count`.

    Examples
    --------
    >>> import dask, dask.dataframe as dd, trendlib
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> c = count(ddf, key="hashtag", freq="1D")
    >>> c.equals(trendlib.count(posts, key="hashtag", freq="1D"))
    True

    See Also
    --------
    trendlib.count, trendlib._partial.count_partial
    """
    require_dask("count")
    check_lists(ddf, "count")
    by = key_kind(key, func="count").name
    column = "tokens" if by == "term" and "tokens" in ddf.columns else KEY_KINDS[by].column
    require_columns(ddf._meta, ["time", column], func="count", hint=_HINT)
    parse_freq(freq)
    resolve_tz(tz)
    if isinstance(min_count, bool) or not isinstance(min_count, int) or min_count < 0:
        raise ValueError(f"The 'min_count' parameter of count() must be an integer >= 0. Got {min_count!r}.")

    def partial(frame: Any) -> Any:
        return P.count_partial(frame, key=by, freq=freq, tz=tz, start=start, end=end, accounts=accounts)

    merged = tree(ddf, partial, P.merge_counts, columns=["time", column, "author"], split_every=split_every)
    return _finish(merged, P.finish_counts, compute, keys=keys, min_count=min_count, normalize=normalize)


def co_hashtag_edges(ddf: Any, *, weight: str = "count", min_count: int = 1, min_edge_count: int = 1,
                     split_every: int = 8, compute: bool = True) -> Any:
    """:func:`trendlib.graphs.co_hashtag_edges` of a Dask collection, exactly.

    Pair counts and posts per hashtag add up over partitions (first/last seen: min/max);
    association weights and ``min_count``/``min_edge_count`` are applied after the merge.

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib import graphs
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> e = co_hashtag_edges(ddf, weight="npmi", min_count=2, min_edge_count=2)
    >>> e.equals(graphs.co_hashtag_edges(posts, weight="npmi", min_count=2, min_edge_count=2))
    True
    """
    require_dask("co_hashtag_edges")
    check_lists(ddf, "co_hashtag_edges")
    require_columns(ddf._meta, ["hashtags"], func="co_hashtag_edges", hint=_HINT)
    from ..graphs._cooccurrence import WEIGHTS

    check_choice(weight, WEIGHTS, name="weight", func="co_hashtag_edges")
    merged = tree(ddf, P.cohashtag_partial, P.merge_cohashtag, columns=["time", "hashtags"], split_every=split_every)
    return _finish(merged, P.finish_cohashtag, compute, weight=weight, min_count=min_count, min_edge_count=min_edge_count)


_INTERACTION_COLUMNS = ["time", "author", "text", "mentions", "reply_to", "is_retweet"]


def interaction_edges(ddf: Any, *, kind: str = "all", split_every: int = 8, compute: bool = True) -> Any:
    """:func:`trendlib.graphs.interaction_edges` of a Dask collection, exactly.

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib import graphs
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> interaction_edges(ddf).equals(graphs.interaction_edges(posts))
    True
    """
    require_dask("interaction_edges")
    check_lists(ddf, "interaction_edges")
    from ..graphs._interaction import KINDS

    check_choice(kind, KINDS, name="kind", func="interaction_edges")
    require_columns(ddf._meta, ["author"], func="interaction_edges", hint=_HINT)

    def partial(frame: Any) -> Any:
        return P.interaction_partial(frame, kind=kind)

    merged = tree(ddf, partial, P.merge_interaction, columns=_INTERACTION_COLUMNS, split_every=split_every)
    return _finish(merged, P.finish_interaction, compute)


def account_activity(ddf: Any, *, split_every: int = 8, compute: bool = True) -> Any:
    """Posts, first and last post time per account (lowercased handle), over all partitions.

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> int(account_activity(ddf)["n_posts"].sum()) == int(posts["author"].notna().sum())
    True
    """
    require_dask("account_activity")
    require_columns(ddf._meta, ["author"], func="account_activity", hint=_HINT)
    merged = tree(ddf, P.activity_partial, P.merge_activity, columns=["time", "author", "author_name"],
                  split_every=split_every, indexed=True)
    return _finish(merged, P.finish_activity, compute)


def _graph(edges: Any, activity: Any, kind: str) -> Any:
    """The networkx graph of ``interaction_graph`` from merged edges and account activity."""
    import networkx as nx
    import pandas as pd

    G = nx.DiGraph(kind="interaction", node_type="account", interaction=kind)
    names = sorted(set(activity.index) | set(edges["source"]) | set(edges["target"]))
    nodes = pd.DataFrame(index=pd.Index(names, name="node"))
    nodes["n_posts"] = activity["n_posts"].reindex(nodes.index).fillna(0).astype("int64")
    if "author_name" in activity.columns:
        nodes["author_name"] = activity["author_name"].reindex(nodes.index).to_numpy(dtype=object)
    if "first_seen" in edges.columns and "first_seen" in activity.columns:
        seen = pd.concat([
            activity[["first_seen", "last_seen"]],
            edges[["source", "first_seen", "last_seen"]].set_index("source"),
            edges[["target", "first_seen", "last_seen"]].set_index("target"),
        ])
        agg = seen.groupby(level=0).agg({"first_seen": "min", "last_seen": "max"})
        nodes["first_seen"], nodes["last_seen"] = agg["first_seen"], agg["last_seen"]
    for name, row in zip(nodes.index, nodes.to_dict("records")):
        G.add_node(name, **{k: (v.to_pydatetime() if isinstance(v, pd.Timestamp) else v) for k, v in row.items()
                            if v is not pd.NaT})
    attrs = [c for c in edges.columns if c not in ("source", "target")]
    for s, t, row in zip(edges["source"], edges["target"], edges[attrs].to_dict("records")):
        G.add_edge(s, t, **{k: (v.to_pydatetime() if isinstance(v, pd.Timestamp) else v) for k, v in row.items()})
    return G


def interaction_graph(ddf: Any, *, kind: str = "all", split_every: int = 8, compute: bool = True) -> Any:
    """:func:`trendlib.graphs.interaction_graph` of a Dask collection.

    Same nodes, edges and attributes as the pandas graph; nodes are inserted in name
    order (the pandas graph inserts them in order of first appearance), which matters
    only to order-dependent algorithms such as Louvain with a seed.

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> G = interaction_graph(ddf)
    >>> G.graph["kind"], G.number_of_edges() == len(interaction_edges(ddf))
    ('interaction', True)
    """
    from dask import delayed

    edges = interaction_edges(ddf, kind=kind, split_every=split_every, compute=False)
    activity = account_activity(ddf, split_every=split_every, compute=False)
    out = delayed(_graph, pure=True)(edges, activity, kind)
    return out.compute() if compute else out


def sentiment_over_time(ddf: Any, *, freq: Any = "1D", tz: Any = "Asia/Jakarta", group_by: Any = None,
                        confidence: float = 0.95, column: str = "text", lexicon: Any = None, ignore: Any = None,
                        hashtags: str = "keep", model: Any = None, split_every: int = 8,
                        compute: bool = True) -> Any:
    """:func:`trendlib.sentiment.sentiment_over_time` of a Dask collection.

    Label counts per (bin, group) add up exactly; shares and intervals are computed once
    from the sums (equal to the pandas result to floating-point rounding). Posts without
    a ``sentiment`` column are scored in their partition (run on processes); ``model=``
    as in :func:`trendlib.sentiment.add_sentiment` (pass a pretrained model's name on a
    cluster: each worker loads it).

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib.sentiment import sentiment_over_time as pandas_sot
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> t = sentiment_over_time(ddf, freq="1D")
    >>> t[["n", "positive", "negative"]].equals(pandas_sot(posts, freq="1D")[["n", "positive", "negative"]])
    True
    """
    require_dask("sentiment_over_time")
    check_lists(ddf, "sentiment_over_time")
    func = "sentiment_over_time"
    require_columns(ddf._meta, ["time"], func=func, hint=_HINT)
    parse_freq(freq, func=func)
    resolve_tz(tz, func=func)
    by_cols = [] if group_by is None else ([group_by] if isinstance(group_by, str) else list(group_by))
    require_columns(ddf._meta, by_cols, func=func)
    if "sentiment" not in ddf.columns:
        require_columns(ddf._meta, [column], func=func, hint="trendlib.dask.add_sentiment(ddf)")
    from ..sentiment._scorer import HASHTAG_MODES

    check_choice(hashtags, HASHTAG_MODES, name="hashtags", func=func)

    def partial(frame: Any) -> Any:
        return P.sentiment_partial(frame, freq=freq, tz=tz, group_by=group_by, column=column, lexicon=lexicon,
                                    ignore=ignore, hashtags=hashtags, model=model)

    merged = tree(ddf, partial, P.merge_sentiment, columns=["time", "sentiment", column, *by_cols], split_every=split_every)
    return _finish(merged, P.finish_sentiment, compute, confidence=confidence)
