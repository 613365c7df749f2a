"""The report's heavy sections on Dask, and the one place a cluster is chosen.

Why a dict of sections rather than :class:`trendlib.report.Report`: the pandas report
keeps the scored posts and derives a dozen small tables from them (cards, top posts,
headline...), which is exactly what cannot be held at cluster scale. The sections
computed here are the ones whose cost grows with the posts, each exact (equal to the
pandas function on the concatenated files): they share one pass over the files for
counts, edges, sentiment and activity (``dask.compute`` of the lazy reductions), then
bursts, trending, the explanation (burst window only), communities and influencers run on
the reduced results.

The cluster: :func:`client` starts a ``LocalCluster`` of single-threaded worker processes
(text steps are pure Python: threads would wait on the GIL) or connects to a running
scheduler; deploying on a real cluster changes that one line (see docs/scale.md).
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["client", "build_report"]


def client(scheduler: Any = None, *, n_workers: int | None = None, memory_limit: str = "auto") -> Any:
    """A ``distributed.Client``: a new ``LocalCluster`` of processes, or the scheduler at an address.

    Parameters
    ----------
    scheduler : str or None
        ``None`` starts a ``LocalCluster`` (``n_workers`` single-threaded processes);
        ``"tcp://host:8786"`` connects to a running scheduler (dask-jobqueue, Kubernetes,
        ``dask scheduler`` on a machine of yours).
    n_workers : int, optional
        Worker processes of the local cluster (default: the number of cores).
    memory_limit : str, default "auto"
        Memory per worker of the local cluster; workers spill to disk above 60 % of it.

    Returns
    -------
    distributed.Client
        Use it as a context manager; closing it closes a cluster it started.

    Examples
    --------
    >>> c = client(n_workers=1)                                          # doctest: +SKIP
    >>> c.close()                                                       # doctest: +SKIP
    """
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("trendlib.dask.client() needs distributed: pip install 'trendlib[dask]'.") from exc
    if scheduler is not None:
        if not isinstance(scheduler, str) or "://" not in scheduler and ":" not in scheduler:
            raise ValueError(
                "The 'scheduler' parameter of client() must be a scheduler address such as 'tcp://10.0.0.5:8786' "
                f"or None for a local cluster. Got {scheduler!r}."
            )
        return Client(scheduler)
    # the client owns the LocalCluster it starts and closes it with itself
    return Client(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                  memory_limit=memory_limit, dashboard_address=None)


_LOCAL = ("sync", "synchronous", "threads", "processes")


def _engine(scheduler: Any) -> Any:
    """A client for ``None`` or an address; Dask's local schedulers by name (no cluster)."""
    import dask

    if scheduler in _LOCAL:
        return dask.config.set(scheduler=scheduler)
    return client(scheduler)


def _text_sample(ddf: Any) -> Any:
    """Lazy: the distinct texts the query-term rule reads, a bounded seeded sample per partition.

    Each partition gives at most its share of the pandas report's sample (20,000 distinct
    texts; at least 1,000 per partition). When every partition has fewer distinct texts
    than its share, the sample is all of them and the terms are the pandas report's exactly.
    """
    import pandas as pd

    from ..report._build import _QUERY_SAMPLE

    per = max(1_000, _QUERY_SAMPLE // max(int(ddf.npartitions), 1))

    def part(s: Any) -> Any:
        u = pd.Series(s.dropna().unique(), dtype=object, name="text")
        return u.sample(per, random_state=0) if len(u) > per else u

    return ddf["text"].map_partitions(part, meta=pd.Series([], dtype=object, name="text"))


def _query_terms(ddf: Any, named: list, texts: Any = None) -> Any:
    """The scrape's query terms, by the pandas report's own rule (``report._build._query_terms``)
    on :func:`_text_sample` (computed here unless ``texts``, its computed value, is given)."""
    import pandas as pd

    from ..report._build import _query_terms as pandas_query_terms

    if texts is None:
        texts = _text_sample(ddf).compute()
    return pandas_query_terms(pd.DataFrame({"text": pd.Series(pd.unique(texts), dtype=object)}), named)


def build_report(paths: Any, *, scheduler: Any = None, freq: str | None = None, tz: str = "Asia/Jakarta",
                 top: int = 10, seed: int = 0, read_options: dict | None = None, topic: Any = None,
                 sentiment_model: str | None = None) -> dict:
    """The heavy sections of the report of many files, computed on Dask.

    Parameters
    ----------
    paths : str, path or list
        Files, folders or globs (``"scrapes/*.csv"``), read one partition per file.
    scheduler : str, optional
        Address of a running Dask scheduler; default: a ``LocalCluster`` of processes
        (:func:`client`). What ``python -m trendlib report ... --dask --scheduler ADDRESS``
        passes. ``"sync"``, ``"threads"`` or ``"processes"`` use Dask's local schedulers
        without ``distributed`` (``"sync"`` for debugging).
    freq : str, optional
        Bin size of counts and bursts; default: :func:`trendlib.report.choose_freq` of
        the time span (as the pandas report).
    tz, top, seed
        As in :func:`trendlib.report.build_report`.
    read_options : dict, optional
        Passed to :func:`trendlib.read_posts` for every file.
    topic : str or list of str, optional
        The scrape's query terms, as in :func:`trendlib.report.build_report`: with the
        terms found in half the distinct posts (a seeded sample of at most 20,000 texts),
        they are not read as opinion and are left out of term counts and bursts
        (``excluded_terms`` lists them and why).
    sentiment_model : {"multi", "smsa"}, optional
        As in :func:`trendlib.report.build_report`: a pretrained classifier labels the
        sentiment (each worker loads it; nothing is pickled).

    Returns
    -------
    dict
        ``n_posts``, ``freq``, ``counts`` (``{"hashtag": ..., "term": ...}``), ``bursts``,
        ``trending`` (at the strongest burst), ``explanation`` (of it), ``sentiment``
        (per day, or per bin when bins are longer than a day; hashtags read as their words and query terms not read as opinion, as in
        the pandas report), ``excluded_terms``, ``activity`` (per account), ``interaction`` (graph),
        ``communities``, ``influencers``, ``associations`` (co-hashtag NPMI edges) and
        ``coordinated`` (near-identical texts) — each equal to what the pandas functions
        return on the concatenated files.

    Examples
    --------
    >>> rep = build_report("scrapes/*.csv")                             # doctest: +SKIP
    >>> rep["bursts"].head()                                            # doctest: +SKIP
    """
    import dask
    import pandas as pd

    from .. import graphs
    from ..graphs._util import undirected
    from ..bursts import detect_bursts
    from ..trends import trending
    from ._analysis import explain_burst
    from ..report._build import SENTIMENT_HASHTAGS, sentiment_freq
    from ._collection import add_sentiment, add_tokens, read_posts
    from ..graphs._brigades import with_brigades
    from ._brigades import reply_brigades
    from ._coordination import coordinated_accounts
    from ._reduce import _graph, account_activity, count, co_hashtag_edges, interaction_edges, sentiment_over_time

    if sentiment_model is not None:
        from .._validation import check_choice
        from ..sentiment._classifier import _PRETRAINED

        check_choice(sentiment_model, tuple(sorted(_PRETRAINED)), name="sentiment_model", func="build_report")
    scoring = {"model": sentiment_model} if sentiment_model is not None else {"hashtags": SENTIMENT_HASHTAGS}
    named = [topic] if isinstance(topic, str) else list(topic or [])
    raw = read_posts(paths, **(read_options or {}))
    with _engine(scheduler):
        # one pass over the files before any text step: the time span and the sample of
        # texts the query terms are found in
        lo, hi, n_posts, texts = dask.compute(raw["time"].min(), raw["time"].max(), raw["time"].count(),
                                              _text_sample(raw))
        query = _query_terms(raw, named, texts)
        ignore = query["term"].tolist()
        if ignore:
            scoring["ignore"] = ignore
        ddf = add_sentiment(add_tokens(raw, stopwords="topic"), **scoring)
        if freq is None:  # the pandas report's rule, on the two ends of the time span
            from ..report import choose_freq

            freq = choose_freq(pd.DataFrame({"time": [lo, hi]}))
        hashtags, terms, senti, inter, activity, assoc = dask.compute(
            count(ddf, key="hashtag", freq=freq, tz=tz, compute=False),
            count(ddf, key="term", freq=freq, tz=tz, min_count=max(5, int(n_posts) // 2000), compute=False),
            sentiment_over_time(ddf, freq=sentiment_freq(freq), tz=tz, compute=False),
            interaction_edges(ddf, kind="all", compute=False),
            account_activity(ddf, compute=False),
            co_hashtag_edges(ddf, weight="npmi", min_count=2, min_edge_count=2, compute=False),
        )
        words = {t for t in ignore if not t.startswith("#")}
        if words:  # the query's words are in every bin: not a burst (as in the pandas report)
            kept = terms[~terms["key"].isin(words)].reset_index(drop=True)
            kept.attrs = terms.attrs
            terms = kept
        counts = {"hashtag": hashtags, "term": terms}
        tables = [detect_bursts(c, method="kleinberg").assign(kind=k) for k, c in counts.items()]
        bursts = pd.concat([t for t in tables if len(t)], ignore_index=True) if any(len(t) for t in tables) else tables[0]
        if len(bursts):
            bursts = bursts.sort_values(["score", "kind", "key"], ascending=[False, True, True], kind="stable")
            bursts = bursts.reset_index(drop=True)
        trend = explanation = None
        if len(bursts):
            strongest = bursts.iloc[0]
            trend = trending(counts[strongest["kind"]], at=strongest["peak_time"], window=freq, baseline="7D", tz=tz,
                             top=top)
            try:
                explanation = explain_burst(ddf, strongest, key=strongest["kind"], tz=tz)
            except ValueError:  # e.g. the burst starts with the data
                explanation = None
        coordinated = coordinated_accounts(ddf)
        if "reply_to" in ddf.columns:
            coordinated = with_brigades(coordinated, reply_brigades(ddf))
    G = _graph(inter, activity, "all")
    communities = graphs.communities(undirected(G), seed=seed) if G.number_of_nodes() else None
    influencers = graphs.influencers(G, top=None) if G.number_of_nodes() else None
    return {
        "n_posts": int(n_posts), "freq": freq, "tz": tz, "counts": counts, "bursts": bursts, "trending": trend,
        "explanation": explanation, "sentiment": senti, "excluded_terms": query, "activity": activity,
        "interaction": G,
        "communities": communities, "influencers": influencers,
        "associations": assoc[assoc["weight"] > 0].reset_index(drop=True), "coordinated": coordinated,
    }
