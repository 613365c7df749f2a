"""The main job: one call from posts to the report a monitoring team reads.

:func:`build_report` chains the library end to end and returns a :class:`Report` of plain
DataFrames and graphs. Each step is an ordinary public function; the report adds only
what an analyst needs around them: total volume (64% of a real topic scrape fell on one
day that no hashtag burst showed), terms as well as hashtags (a keyword scrape may carry
almost none), evidence cards with account concentration (one account posting 32 times in
41 minutes is not a trend), and provenance. Every per-group step is a group-by over codes,
never a Python loop over groups, so the report stays linear in the number of posts; the
time of each step is kept in ``Report.timings``.
"""

from __future__ import annotations

import gc
import os
import sys
import time as _time
from contextlib import contextmanager
from functools import partial
from typing import Any, Iterator

import numpy as np
import pandas as pd

from .._time import local_ns, parse_freq, resolve_tz
from .._validation import check_choice, check_int, require_columns
from ._model import BurstCard, Report
from ._summary import (coordinated_mask, engagement, headline, provenance, same_post_keys, top_accounts, top_items,
                       top_posts, top_terms)

__all__ = ["build_report", "choose_freq"]

#: bin sizes tried by :func:`choose_freq`, finest first
_FREQS = ("15min", "1h", "3h", "6h", "12h", "1D", "7D")

_BURST_COLUMNS = ["key", "start", "end", "peak_time", "peak_count", "posts", "accounts", "top_account",
                  "top_account_share", "effective_accounts", "score", "score_unit", "level", "method", "kind"]

#: bursts given an evidence card
_CARDS = 6
#: the strongest bursts grouped into events (the rest are each their own event)
_EVENT_BURSTS = 40
#: two bursts are one event when this share of the smaller one's posts is the other's:
#: on the data home's scrapes the shares of the 40 strongest bursts per file pile up at
#: 0.95-1 (217 of 556, one copied text or campaign template bursting word by word) and
#: are thin between 0.5 and 0.9 (about 25 per tenth)
_SAME_POSTS = 0.8


def choose_freq(posts: Any, *, max_bins: int = 150) -> str:
    """Return the finest bin size that cuts the posts' time span into at most ``max_bins`` bins.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts with a ``time`` column.
    max_bins : int, default 150
        Upper bound on the number of bins.

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> choose_freq(load_sample_posts())   # 11 days of posts
    '3h'
    """
    require_columns(posts, ["time"], func="choose_freq", hint="trendlib.read_posts(...)")
    times = pd.to_datetime(posts["time"], utc=True).dropna()
    if len(times) < 2:
        return "1h"
    span = times.max() - times.min()
    for freq in _FREQS:
        if span / pd.Timedelta(freq) <= max_bins:
            return freq
    return _FREQS[-1]


def sentiment_freq(freq: Any) -> str:
    """Return the bin size of the report's sentiment-over-time table for report bins ``freq``.

    Days, or the report's own bins when they are longer than a day. Why: an analyst reads
    sentiment per day on a scrape of days or weeks; on a scrape of months (``choose_freq``
    gives ``"7D"`` beyond 150 days) a daily table was hundreds of rows, most of them days
    with no post or one post whose interval spans almost everything (the MBG scrape of the
    data home: 268 days, 192 without a post).

    Examples
    --------
    >>> sentiment_freq("3h"), sentiment_freq("1D"), sentiment_freq("7D")
    ('1D', '1D', '7D')
    """
    return str(freq) if pd.Timedelta(freq) > pd.Timedelta("1D") else "1D"


def _release_free_memory() -> None:
    """Give the C heap's free pages back to the system (glibc's ``malloc_trim``; nothing elsewhere).

    Why: a step's temporaries are freed when it ends, but glibc keeps the freed small
    blocks (Python objects, pandas' hash tables) in its heap, and the report's resident
    size grew by the sum of them; the forked children run beside the later steps, so the
    tree's peak carried it. Trimming after each step lowered the report process by
    100-400 MB at the 1M-post report's peak (the explanation), for a few milliseconds
    each. Dask's documentation gives the same remedy for the same symptom ("memory not
    released back to the OS").
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl): nothing to trim
        pass


class _Steps:
    """Times each step and shows progress on stderr (tqdm; silent when not a terminal)."""

    def __init__(self, names: list[str], progress: bool | None) -> None:
        if progress is None:
            progress = sys.stderr.isatty()
        self.timings: dict[str, float] = {}
        self.bar = None
        if progress:
            from tqdm.auto import tqdm

            self.bar = tqdm(total=len(names), file=sys.stderr, desc="report", unit="step", leave=False)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        if self.bar is not None:
            self.bar.set_description(f"report: {name}")
        t0 = _time.perf_counter()
        try:
            yield
        finally:
            _release_free_memory()
            self.timings[name] = self.timings.get(name, 0.0) + _time.perf_counter() - t0
            if self.bar is not None:
                self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


_STEPS = ["query terms", "tokens + sentiment", "sentiment over time", "topics", "volume", "counts", "bursts", "cards", "trending", "explanation",
          "associations", "tables", "network (interaction, communities, influencers)", "sentiment by community",
          "coordination"]


def _volume(posts: pd.DataFrame, step: pd.Timedelta, tz: str) -> pd.DataFrame:
    """Posts and distinct accounts per bin in local time, zero-filled."""
    ns = local_ns(posts["time"], tz)
    ok = ns != np.iinfo(np.int64).min
    if not ok.any():
        return pd.DataFrame({"time": pd.DatetimeIndex([], tz=tz), "posts": np.zeros(0, np.int64),
                             "accounts": np.zeros(0, np.int64)})
    b = np.floor_divide(ns[ok], step.value)
    first = int(b.min())
    b = b - first
    n = int(b.max()) + 1
    counts = np.bincount(b, minlength=n)
    a_codes, _ = pd.factorize(posts["author"].to_numpy()[ok]) if "author" in posts else (np.zeros(ok.sum(), int), None)
    has = a_codes >= 0
    pairs = np.unique(b[has].astype(np.int64) * (int(a_codes.max()) + 1 if has.any() else 1) + a_codes[has])
    accounts = np.bincount(pairs // (int(a_codes.max()) + 1 if has.any() else 1), minlength=n)
    times = pd.DatetimeIndex(((np.arange(n) + first) * step.value).view("datetime64[ns]")).tz_localize(
        tz, ambiguous=True, nonexistent="shift_forward")
    return pd.DataFrame({"time": times, "posts": counts.astype(np.int64), "accounts": accounts.astype(np.int64)})


def _volume_bursts(volume: pd.DataFrame) -> pd.DataFrame:
    """Bursts of total volume: z-score of each bin against the bins before it."""
    from ..bursts import detect_bursts

    if len(volume) < 3:
        return pd.DataFrame(columns=_BURST_COLUMNS[:-1])
    table = pd.DataFrame({"time": volume["time"], "key": "all posts", "count": volume["posts"],
                          "total": volume["posts"]})
    return detect_bursts(table, method="zscore")


def _peaks(posts: pd.DataFrame, volume: pd.DataFrame, step: pd.Timedelta, tz: str, top: int) -> pd.DataFrame:
    """The busiest bins, each with its most engaged original post."""
    cols = ["time", "posts", "accounts", "share", "author", "text", "engagement"]
    if not len(volume):
        return pd.DataFrame(columns=cols)
    busiest = volume.sort_values(["posts", "time"], ascending=[False, True], kind="stable").head(min(top, 5))
    t = pd.to_datetime(posts["time"], utc=True).dt.tz_convert(tz)
    eng = engagement(posts)
    rt = posts["is_retweet"].fillna(False).astype(bool) if "is_retweet" in posts else pd.Series(False, index=posts.index)
    rows = []
    total = int(volume["posts"].sum()) or 1
    for r in busiest.itertuples():
        inside = (t >= r.time) & (t < r.time + step)
        cand = posts[inside & ~rt] if (inside & ~rt).any() else posts[inside]
        best = cand.assign(_e=eng[cand.index]).sort_values(["_e", "id"], ascending=[False, True], kind="stable").head(1)
        rows.append({"time": r.time, "posts": int(r.posts), "accounts": int(r.accounts), "share": r.posts / total,
                     "author": best["author"].iloc[0] if len(best) else "", "text": best["text"].iloc[0] if len(best) else "",
                     "engagement": int(best["_e"].iloc[0]) if len(best) else 0})
    return pd.DataFrame(rows, columns=cols)


def _key_rows(index: Any, kind: str) -> tuple[np.ndarray, np.ndarray, pd.Index]:
    """(post row, key code) pairs for a key kind, each key once per post, and the keys.

    From the report's shared :class:`trendlib.counts.PostIndex`: keys cleaned once per
    distinct value and compared as integer codes (at a million posts the term occurrences
    are about 16 million, and the counts and bursts read the same pairs).
    """
    rows, codes, keys = index.occurrences(kind)
    return rows, codes, pd.Index(keys, dtype=object)


def _concentration(authors: np.ndarray) -> tuple[int, float, float]:
    """(accounts, share of the top account, effective number of accounts)."""
    a = pd.Series(authors).dropna()
    if not len(a):
        return 0, float("nan"), float("nan")
    p = a.value_counts(normalize=True).to_numpy()
    return int(len(p)), float(p[0]), float(1.0 / np.sum(p * p))


def _burst_rows(bursts: pd.DataFrame, kind_rows: dict, t: pd.Series) -> list[np.ndarray]:
    """The row positions of each burst's posts (the key inside its window), sorted."""
    out = []
    for kind, g in bursts.groupby("kind", sort=False):
        rows, codes, names = kind_rows[kind]
        at = names.get_indexer(g["key"].to_numpy())
        keep = np.isin(codes, at[at >= 0])  # one pass over the occurrences of this kind
        rows, codes = rows[keep], codes[keep]
        for i, a, start, end in zip(g.index, at, g["start"], g["end"]):
            sel = rows[codes == a] if a >= 0 else rows[:0]
            if len(sel):
                sel = sel[((t.iloc[sel] >= start) & (t.iloc[sel] < end)).to_numpy()]
            out.append((i, np.unique(sel)))
    return [r for _, r in sorted(out, key=lambda x: x[0])]


def burst_events(rows: list[np.ndarray], *, min_overlap: float = _SAME_POSTS) -> np.ndarray:
    """Group bursts (strongest first) into events: the bursts of different keys made of the same posts.

    A burst joins the first earlier event whose first burst shares at least
    ``min_overlap`` of the smaller one's posts (the overlap coefficient); otherwise it
    starts an event. A copied text or a campaign template bursts word by word: on the May
    2019 Prabowo scrape one text posted by 252 accounts made the six strongest term
    bursts (``dikriminalisasi``, ``dikuatirkan``, ``keselamatan``...), which an analyst
    reads as one event.

    Parameters
    ----------
    rows : list of numpy.ndarray
        Each burst's post row positions (sorted, unique), strongest burst first.
    min_overlap : float
        Share of the smaller burst's posts that must be the other's.

    Returns
    -------
    numpy.ndarray
        The event of each burst: the position of its event's first burst.

    Examples
    --------
    >>> import numpy as np
    >>> burst_events([np.arange(10), np.arange(2, 10), np.arange(20, 30), np.arange(5, 25)])
    array([0, 0, 2, 3])
    """
    event = np.arange(len(rows))
    leaders: list[int] = []
    for j, r in enumerate(rows):
        for lead in leaders:
            other = rows[lead]
            small = min(len(r), len(other))
            if small and len(np.intersect1d(r, other, assume_unique=True)) >= min_overlap * small:
                event[j] = lead
                break
        else:
            leaders.append(j)
    return event


def _cards(posts: pd.DataFrame, bursts: pd.DataFrame, rows: list[np.ndarray], tz: str) -> list:
    """Evidence cards for ``bursts``, ``rows`` the row positions of each one's posts (``_burst_rows``)."""
    flat = posts if isinstance(posts.index, pd.RangeIndex) and posts.index.start == 0 else posts.reset_index(drop=True)
    authors = flat["author"].to_numpy() if "author" in flat else np.full(len(flat), None)
    cards: list[BurstCard] = []
    for b, sel in zip(bursts.itertuples(), rows):
        a, s, e = _concentration(authors[sel])
        inside = flat.iloc[sel]
        co = top_items(inside, "hashtags", top=8)
        co = co[co["key"] != b.key].reset_index(drop=True) if b.kind == "hashtag" else co
        sent = inside["sentiment"].value_counts(normalize=True).to_dict() if "sentiment" in inside else {}
        share, replied = _replies(inside)
        cards.append(BurstCard(
            kind=b.kind, key=str(b.key), start=b.start, peak=b.peak_time, end=b.end, score=float(b.score),
            method=str(b.method), posts=int(len(sel)), accounts=a, top_account_share=s, effective_accounts=e,
            co_hashtags=co, top_posts=top_posts(inside, top=3, tz=tz),
            sentiment={k: float(sent.get(k, 0.0)) for k in ("positive", "neutral", "negative")},
            rows=np.asarray(sel), reply_share=share, replied_to=replied,
        ))
    return cards


def _replies(inside: pd.DataFrame, top: int = 3) -> tuple[float, pd.DataFrame]:
    """``(share of replies, the accounts replied to most)`` among a burst's posts (see BurstCard)."""
    empty = pd.DataFrame({"key": pd.Series(dtype=object), "posts": pd.Series(dtype="int64"),
                          "accounts": pd.Series(dtype="int64")})
    if "reply_to" not in inside.columns or not len(inside):
        return float("nan"), empty
    to = inside["reply_to"]
    ok = to.notna().to_numpy()
    if not ok.any():
        return 0.0, empty
    df = pd.DataFrame({"key": to[ok].astype(str).str.lower().to_numpy(),
                       "author": inside["author"].to_numpy()[ok] if "author" in inside.columns else None})
    g = df.groupby("key", sort=False)
    out = pd.DataFrame({"posts": g.size(), "accounts": g["author"].nunique()}).reset_index()
    out = out.sort_values(["posts", "key"], ascending=[False, True], kind="stable").head(top)
    return float(ok.mean()), out.reset_index(drop=True).astype({"posts": "int64", "accounts": "int64"})


#: distinct texts read to find the scrape's query terms (their share is estimated on a sample)
_QUERY_SAMPLE = 20_000


def _query_terms(posts: pd.DataFrame, named: list) -> pd.DataFrame:
    """The scrape's query terms: named by the user, plus those in half the distinct posts."""
    from ..sentiment import topic_terms

    texts = pd.Series(posts["text"].dropna().unique())
    if len(texts) > _QUERY_SAMPLE:
        texts = texts.sample(_QUERY_SAMPLE, random_state=0)
    found = topic_terms(texts.tolist(), as_frame=True) if len(texts) else pd.DataFrame(
        columns=["term", "kind", "posts", "share"])
    found = found.assign(reason="in " + (found["share"] * 100).round().astype(int).astype(str) + "% of the posts")
    user = pd.DataFrame({"term": [str(t).lower() for t in named], "kind": "named", "posts": np.nan,
                         "share": np.nan, "reason": "named with topic="})
    out = pd.concat([user, found[~found["term"].isin(user["term"])]], ignore_index=True) if len(user) else found
    return out.reset_index(drop=True)


#: posts from which build_report(n_jobs=None) tokenises and scores in several processes
_PARALLEL_MIN = 100_000


class _Background:
    """``func(posts)`` computed in a forked child while this process goes on (Linux, ``n_jobs`` > 1).

    Why: most steps of the report are single-threaded and the machine has more cores;
    coordination reads only the posts' own columns and nothing later steps compute, so it
    runs beside them. The child inherits the posts (nothing is pickled on the way in) and
    sends back the result table; if it fails, or cannot start, :meth:`result` computes it
    here, so the report is the same either way (tested).

    After :meth:`listen`, a thread of this process receives the result as soon as the child
    sends it, not when :meth:`result` is called: a child blocks on the pipe until its
    result is read, and the network child used to wait there about ten seconds holding its
    whole heap (1.1 GB at a million posts, the process tree's peak); read at once, it
    exits and frees it.
    """

    def __init__(self, func: Any, posts: pd.DataFrame, *, enabled: bool) -> None:
        self.func, self.posts, self.child, self.conn = func, posts, None, None
        self.reader, self.got = None, (False, None)
        if enabled and sys.platform.startswith("linux"):
            import multiprocessing as mp

            try:
                self.conn, child_end = mp.get_context("fork").Pipe(duplex=False)
                self.child = mp.get_context("fork").Process(target=_background_child, args=(func, posts, child_end), daemon=True)
                self.child.start()
                child_end.close()
            except OSError:  # no process to spare: computed in result()
                self.child = self.conn = None

    def listen(self) -> None:
        """Read the result in a thread from now on (after the last fork: forking a process
        that runs threads is unsafe, and Python 3.12+ warns about it)."""
        import threading

        if self.child is not None and self.reader is None:
            self.reader = threading.Thread(target=self._receive, daemon=True)
            self.reader.start()

    def _receive(self) -> None:
        try:
            self.got = self.conn.recv()
        except (EOFError, OSError):  # the child died or was ended: computed in result()
            self.got = (False, None)

    def result(self) -> Any:
        if self.child is not None:
            self.listen()
            self.reader.join()
            ok, value = self.got
            self.got = (False, None)
            self.cancel()
            if ok:
                return value
        return self.func(self.posts)

    def cancel(self) -> None:
        """End the child (at once if its result is not wanted any more, e.g. a step failed)."""
        if self.child is not None:
            if self.child.is_alive():
                self.child.join(timeout=1)
            if self.child.is_alive():
                self.child.kill()
                self.child.join()
            if self.reader is not None:  # the child is gone: the reader has its result or end of file
                self.reader.join()
            self.conn.close()
            self.child = self.conn = self.reader = None


def _background_child(func: Any, posts: pd.DataFrame, conn: Any) -> None:
    try:
        value = (True, func(posts))
    except BaseException:  # the parent computes it again and raises as usual
        value = (False, None)
    try:
        conn.send(value)
    finally:
        conn.close()


def _coordination(posts: pd.DataFrame) -> pd.DataFrame:
    """:func:`trendlib.graphs.coordinated_accounts` with the defaults, and the
    :func:`trendlib.graphs.reply_brigades` of posts with replies, in one table strongest
    first (both score ``-log10`` of a Bonferroni-adjusted p-value). Imported where it runs
    (importing the detector took the report's own process about a second, only to hand
    the function to the child)."""
    from ..graphs import coordinated_accounts, reply_brigades
    from ..graphs._brigades import with_brigades

    groups = coordinated_accounts(posts)
    if "reply_to" not in posts.columns:
        return groups
    return with_brigades(groups, reply_brigades(posts))


def _network_steps(posts: pd.DataFrame, *, seed: int) -> tuple:
    """The interaction network, its communities with their summary, and the influencers.

    One job for :class:`_Background`: these read the posts and their sentiment and
    nothing the later steps compute, and together they are a long single-threaded stretch
    (Louvain and the community summary most of all), so with ``n_jobs`` > 1 they run
    beside the counts, bursts and explanation. Returns ``(interaction, communities, summary,
    influencers, seconds per step)``; ``communities`` and ``summary`` are None for a
    network without nodes.
    """
    from .. import graphs
    from ..graphs._util import undirected

    seconds = {}
    t0 = _time.perf_counter()
    interaction = graphs.interaction_graph(posts, kind="all")
    t1 = _time.perf_counter()
    seconds["interaction"] = t1 - t0
    communities = community_table = None
    if interaction.number_of_nodes():
        communities = graphs.communities(undirected(interaction), seed=seed)
        community_table = graphs.community_summary(posts, interaction, communities)
        t2 = _time.perf_counter()
        influencers = graphs.influencers(interaction, rank_by="pagerank", top=None)
        seconds["communities"], seconds["influencers"] = t2 - t1, _time.perf_counter() - t2
    else:
        influencers = pd.DataFrame(columns=["rank", "node", "score"])
    return interaction, communities, community_table, influencers, seconds


#: how the report's sentiment reads a hashtag: as its words (``#IndonesiaGelap`` counts as
#: negative). On the data home's political scrapes about 1 post in 150 changes label, and
#: reading those posts the tags were the opinion (docs/sentiment_lexicon.md); the cost, a
#: segmentation per new tag, is small beside the report's other steps.
SENTIMENT_HASHTAGS = "segment"


def _text_job(texts: list, ignore: list | None, code: bool = False,
              model: str | None = None) -> tuple[list, np.ndarray, np.ndarray, dict, tuple]:
    """Tokens and sentiment of one slice of texts (runs in a worker process).

    ``add_tokens(..., stopwords="topic")`` and ``add_sentiment(..., ignore=ignore,
    hashtags=SENTIMENT_HASHTAGS)`` in one pass over the texts
    (:func:`trendlib.sentiment._posts.tokens_and_sentiment`: each distinct text read once,
    split once for both). With a pretrained ``model`` name, the sentiment is
    ``add_sentiment(..., model=model, ignore=ignore)`` of the slice instead.
    """
    from ..counts import token_codes
    from ..sentiment._posts import add_sentiment, tokens_and_sentiment

    # with a model the lexicon scorer's pass is skipped: the tokens only
    tokens, polarity, labels, attrs = tokens_and_sentiment(texts, stopwords="topic", ignore=ignore,
                                                           hashtags=SENTIMENT_HASHTAGS, score=model is None)
    if model is not None:
        scored = add_sentiment(pd.DataFrame({"text": texts}, dtype=object), model=model, ignore=ignore)
        polarity, labels = scored["polarity"].to_numpy(dtype=float), scored["sentiment"].to_numpy(dtype=object)
        attrs = {**attrs, **scored.attrs}
    if not code:
        return tokens, polarity, labels, attrs, (len(texts), None)
    # the slice's token codes too (trendlib.counts.PostIndex), made here in parallel; they
    # also carry the token lists back (see _lists_from_codes), when every cell is a list
    codes = token_codes(tokens)
    return (None if codes[3] else tokens), polarity, labels, attrs, (len(texts), codes)


#: the texts forked tokenising workers read (set only while :func:`_text_columns` runs them)
_SHARED_TEXTS: list | None = None


def _shared_text_job(a: int, b: int, ignore: list | None, model: str | None = None) -> tuple:
    """:func:`_text_job` of the inherited texts ``a:b`` (a forked worker)."""
    if _SHARED_TEXTS is None:  # not forked from _text_columns: nothing inherited
        raise RuntimeError("_shared_text_job() runs in a worker forked by _text_columns()")
    return _text_job(_SHARED_TEXTS[a:b], ignore, True, model)


def _lists_from_codes(n: int, codes: tuple) -> list:
    """The token lists of ``n`` posts from their :func:`trendlib.counts.token_codes`.

    Why: a worker's token lists came back pickled, and unpickling a million lists took
    the parent seconds (3 s per 500,000 posts here); integer codes and one vocabulary
    travel in a fraction of that, and the lists are rebuilt by slicing one flat list.
    """
    rows, c, vocab, _ = codes
    flat = vocab[c].tolist()
    bounds = np.r_[0, np.cumsum(np.bincount(rows, minlength=n))].tolist()
    return [flat[a:b] for a, b in zip(bounds[:-1], bounds[1:])]


def _text_columns(posts: pd.DataFrame, ignore: list | None, n_jobs: int,
                  model: str | None = None) -> tuple[pd.DataFrame, tuple | None]:
    """``tokens`` (topic stopwords), ``polarity`` and ``sentiment`` in ``n_jobs`` processes.

    Both steps are row-wise (a row's result depends on that row only, see
    :func:`trendlib.text.add_tokens`), so slicing the posts gives exactly the columns one
    process gives; tokenising and scoring are pure Python, held by the GIL, which is why
    these are processes and not threads. Each process memoises the texts of its slice.
    With one job the same pass runs here. Also returns the token codes of the ``tokens``
    column for :class:`trendlib.counts.PostIndex` when the processes made them (else None).
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from .._cache import collection_paused
    from ..counts import merge_token_codes

    texts = posts["text"].tolist()
    if model is not None:  # loaded here once: forked workers inherit it
        from ..sentiment._posts import _resolve_model

        _resolve_model(model, func="build_report")
    if n_jobs == 1:
        parts = [_text_job(texts, ignore, False, model)]
    else:
        cuts = np.linspace(0, len(texts), n_jobs + 1).astype(int)
        # fork on Linux (the workers inherit the loaded lexicons and models); spawn elsewhere,
        # where fork is unavailable or unsafe (macOS)
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        # the collector paused: unpickling the workers' token lists (millions of new lists)
        # took seconds of collections here, and forked workers inherit the pause, so they
        # never walk (and copy) the parent's tracked objects; nothing here makes cycles
        global _SHARED_TEXTS
        with collection_paused(), ProcessPoolExecutor(max_workers=n_jobs, mp_context=mp.get_context(method)) as pool:
            if method == "fork":
                # forked workers read their slice of the texts they inherit: pickling a
                # million texts to send them took the parent about 1.5 s, the workers
                # more to unpickle, while the second worker waited for its slice
                _SHARED_TEXTS = texts
                try:
                    parts = list(pool.map(_shared_text_job, cuts[:-1].tolist(), cuts[1:].tolist(),
                                          [ignore] * n_jobs, [model] * n_jobs))
                finally:
                    _SHARED_TEXTS = None
            else:
                parts = list(pool.map(_text_job, [texts[a:b] for a, b in zip(cuts[:-1], cuts[1:])],
                                      [ignore] * n_jobs, [True] * n_jobs, [model] * n_jobs))
    out = posts.copy(deep=False)
    with collection_paused():
        lists = [p[0] if p[0] is not None else _lists_from_codes(*p[4]) for p in parts]
        out["tokens"] = [t for part in lists for t in part] if len(lists) > 1 else lists[0]
    out["polarity"] = np.concatenate([p[1] for p in parts]).astype(float)
    out["sentiment"] = np.concatenate([p[2] for p in parts])
    out.attrs = dict(posts.attrs)
    out.attrs["sentiment_missing_text"] = sum(int(p[3].get("sentiment_missing_text", 0)) for p in parts)
    out.attrs["sentiment_ignored"] = parts[0][3].get("sentiment_ignored", [])
    out.attrs["sentiment_hashtags"] = parts[0][3].get("sentiment_hashtags", SENTIMENT_HASHTAGS)
    out.attrs["sentiment_scorer"] = parts[0][3].get("sentiment_scorer", "lexicon")
    codes = merge_token_codes([p[4] for p in parts]) if all(p[4][1] is not None for p in parts) else None
    return out, codes


#: posts a topic model is fitted on (a seeded sample beyond it: shares are estimates)
_TOPIC_SAMPLE = 20_000
#: distinct texts below which topics are not worth fitting
_TOPIC_MIN_TEXTS = 300


def _topic_bursts(sample: pd.DataFrame, labels: np.ndarray, freq: Any, tz: Any) -> pd.DataFrame:
    """Per topic: its strongest Kleinberg burst (start, peak, end, score) and its number of bursts.

    Counted on the posts the topics were fitted on (a uniform sample keeps each bin's topic
    shares, which is what the automaton reads); an empty table when nothing bursts.
    """
    from ..bursts import detect_bursts
    from ..topics import topics_over_time

    cols = ["topic", "bursts", "burst_start", "burst_peak", "burst_end", "burst_score"]
    counts = topics_over_time(sample.assign(topic=labels), None, freq=freq, tz=tz)
    if not len(counts):
        return pd.DataFrame(columns=cols)
    b = detect_bursts(counts, method="kleinberg")
    if not len(b):
        return pd.DataFrame(columns=cols)
    n = b.groupby("key").size()
    top = b.sort_values(["score", "key"], ascending=[False, True], kind="stable").drop_duplicates("key")
    return pd.DataFrame({"topic": top["key"].astype(int).to_numpy(), "bursts": n.reindex(top["key"]).to_numpy(),
                         "burst_start": top["start"].to_numpy(), "burst_peak": top["peak_time"].to_numpy(),
                         "burst_end": top["end"].to_numpy(), "burst_score": top["score"].to_numpy()})


def _topics(posts: pd.DataFrame, seed: int, notes: list, *, freq: Any = "1D", tz: Any = "Asia/Jakarta") -> pd.DataFrame | None:
    """Topics beyond hashtags (trendlib.topics) on a seeded sample, with sentiment and bursts per topic."""
    from ..topics import TopicModel

    n_texts = int(posts["text"].nunique())
    if n_texts < _TOPIC_MIN_TEXTS:
        notes.append(f"no topics: {n_texts} distinct texts, fewer than {_TOPIC_MIN_TEXTS} (too few to tell topics apart).")
        return None
    sample = posts if len(posts) <= _TOPIC_SAMPLE else posts.sample(_TOPIC_SAMPLE, random_state=seed)
    model = TopicModel(random_state=seed).fit(sample)
    info = model.topic_info()
    sent = _group_sentiment(sample["sentiment"].reset_index(drop=True), pd.Series(model.labels_).astype(str),
                            min_posts=1, top=len(info) + 1)
    sent = sent.set_index("group")
    info["net"] = info["topic"].astype(str).map(sent["net"])
    info["positive"] = info["topic"].astype(str).map(sent["positive"])
    info["negative"] = info["topic"].astype(str).map(sent["negative"])
    bursts = _topic_bursts(sample, np.asarray(model.labels_), freq, tz).set_index("topic")
    info["bursts"] = info["topic"].map(bursts["bursts"]).fillna(0).astype(np.int64)
    for col in ("burst_start", "burst_peak", "burst_end", "burst_score"):
        info[col] = info["topic"].map(bursts[col])
    info = info.sort_values(["topic"], key=lambda t: t.where(t >= 0, 10**9), kind="stable")
    info = pd.concat([info[info["topic"] >= 0].sort_values(["posts", "topic"], ascending=[False, True], kind="stable"),
                      info[info["topic"] < 0]], ignore_index=True)
    info.attrs["sample"] = len(sample)
    info.attrs["posts"] = len(posts)
    info.attrs["thread_replies"] = model.n_thread_replies_
    return info


def _group_sentiment(labels: pd.Series, groups: pd.Series, *, min_posts: int, top: int) -> pd.DataFrame:
    """Sentiment shares with 95% Wilson intervals per group (one vectorised group-by)."""
    from ..sentiment._posts import wilson_interval

    df = pd.DataFrame({"g": groups.to_numpy(), "s": labels.to_numpy()}).dropna()
    cols = ["group", "posts", "positive", "neutral", "negative", "net", "positive_low", "positive_high",
            "negative_low", "negative_high"]
    if not len(df):
        return pd.DataFrame(columns=cols)
    # a crosstab on integer codes: labels per group by one bincount (pd.crosstab took seconds)
    labels3 = ("positive", "neutral", "negative")
    g_codes, g_uniq = pd.factorize(df["g"])
    s_codes = pd.Index(labels3).get_indexer(df["s"])
    ok = s_codes >= 0
    tab = np.bincount(g_codes[ok] * 3 + s_codes[ok], minlength=3 * len(g_uniq)).reshape(-1, 3).astype(np.int64)
    n = tab.sum(axis=1)
    big = n >= min_posts
    tab, n = tab[big], n[big]
    out = pd.DataFrame({"group": pd.Index(g_uniq[big]).astype(str), "posts": n.astype(np.int64)})
    for j, k in enumerate(labels3):
        out[k] = tab[:, j] / n
    out["net"] = out["positive"] - out["negative"]
    for j, k in ((0, "positive"), (2, "negative")):
        lo, hi = wilson_interval(tab[:, j], n)
        out[f"{k}_low"], out[f"{k}_high"] = lo, hi
    out = out.sort_values(["posts", "group"], ascending=[False, True], kind="stable").head(top)
    return out.reset_index(drop=True)[cols]


def build_report(
    posts: Any,
    *,
    freq: str | None = None,
    tz: str = "Asia/Jakarta",
    top: int = 10,
    seed: int = 0,
    topic: Any = None,
    progress: bool | None = None,
    n_jobs: int | None = None,
    sentiment_model: str | None = None,
) -> Report:
    """Run the whole analysis on canonical posts and return a :class:`Report`.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts (:func:`trendlib.read_posts`).
    freq : str, optional
        Bin size for counts and bursts; by default :func:`choose_freq` picks one.
    tz : str, default "Asia/Jakarta"
        Time zone for bins and display (``"WIB"``, ``"WITA"``, ``"WIT"`` accepted).
    top : int, default 10
        Rows in each ranked table.
    seed : int, default 0
        Seed for Louvain communities.
    topic : str or list of str, optional
        The scrape's query terms: not read as opinion by the sentiment scorer.
    progress : bool, optional
        Show a progress bar on stderr (default: when stderr is a terminal).
    n_jobs : int, optional
        Processes that tokenise and score the posts (the two pure-Python steps). Default:
        every CPU from 100,000 posts on (below that, starting processes costs more than
        it saves), else 1. The report is the same for any value.
    sentiment_model : {"multi", "smsa"}, optional
        Label the posts' sentiment with a pretrained :class:`~trendlib.SentimentClassifier`
        (``add_sentiment(posts, model=...)``; the query terms are removed from the texts
        it reads) instead of the explainable lexicon+rules scorer, the default. On our
        political development set ``"multi"`` reads three classes better (macro-F1 0.686
        against 0.628) but cannot say why a post is negative, leaves a query word in a
        headline less often neutral (24 of our 30 headlines against 30 of 30) and costs
        a pass over the distinct texts (about 13,000 new texts per CPU second): see
        docs/report.md.

    Returns
    -------
    Report

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> rep = build_report(load_sample_posts())
    >>> rep.bursts["key"].iloc[0]
    'kttasean2023'
    >>> sorted(rep.timings)[:3]
    ['associations', 'bursts', 'cards']
    """
    from .. import graphs
    from ..bursts import detect_bursts
    from ..counts import PostIndex, count
    from ..sentiment import sentiment_over_time
    from ..trends import explain_burst, trending

    require_columns(posts, ["id", "time", "author", "text", "hashtags", "mentions"], func="build_report",
                    hint="trendlib.read_posts(...)")
    top = check_int(top, name="top", func="build_report")
    tz = resolve_tz(tz, func="build_report")
    freq = freq or choose_freq(posts)
    step = parse_freq(freq, func="build_report")
    if n_jobs is None:
        jobs = (os.cpu_count() or 1) if len(posts) >= _PARALLEL_MIN else 1
    else:
        jobs = check_int(n_jobs, name="n_jobs", func="build_report", minimum=1)
    jobs = min(jobs, max(len(posts), 1))
    topic_terms = [topic] if isinstance(topic, str) else list(topic or [])
    if sentiment_model is not None:
        from ..sentiment._classifier import _PRETRAINED

        check_choice(sentiment_model, tuple(sorted(_PRETRAINED)), name="sentiment_model", func="build_report")
    notes: list[str] = []
    steps = _Steps(_STEPS, progress)
    params = {"freq": freq, "tz": tz, "top": top, "seed": seed, "topic": topic_terms}
    if sentiment_model is not None:
        params["sentiment_model"] = sentiment_model
    coordination = network = None
    frozen = False
    try:
        posts = posts.reset_index(drop=True)
        with steps.step("query terms"):
            query = _query_terms(posts, topic_terms)
            ignore = query["term"].tolist()
        with steps.step("tokens + sentiment"):
            posts, token_codes = _text_columns(posts, ignore or None, jobs, sentiment_model)
        # coordination reads the posts' own columns, the network steps those and the
        # sentiment: they run beside the next steps (in forked children; computed here
        # when asked for if n_jobs is 1)
        if jobs > 1 and not gc.get_freeze_count():  # (a caller's own freeze is left alone)
            # the objects made so far (the posts' lists and tokens most of all) out of the
            # cyclic collector's reach until the children are done: a collection writes to
            # every object it walks, and each page written is copied in a forked child
            # (Python's gc.freeze() documentation); this process's collections would split
            # the same pages on its side
            gc.freeze()
            frozen = True
        coordination = _Background(_coordination, posts, enabled=jobs > 1)
        network = _Background(partial(_network_steps, seed=seed), posts, enabled=jobs > 1)
        coordination.listen()
        network.listen()
        with steps.step("sentiment over time"):
            sentiment = sentiment_over_time(posts, freq=sentiment_freq(freq), tz=tz, ignore=ignore or None)
        with steps.step("topics"):
            topics = _topics(posts, seed, notes, freq=freq, tz=tz)
        with steps.step("volume"):
            volume = _volume(posts, step, tz)
            volume_bursts = _volume_bursts(volume)
            peaks = _peaks(posts, volume, step, tz, top)
        # the (post, key) occurrences and account codes, computed once for counts, bursts,
        # cards, the explanation and the tables
        index = PostIndex(posts, tokens=token_codes)
        with steps.step("counts"):
            counts = {"hashtag": count(posts, key="hashtag", freq=freq, tz=tz, _index=index)}
            terms = count(posts, key="term", freq=freq, tz=tz, min_count=max(5, len(posts) // 2000), _index=index)
            words = {t for t in ignore if not t.startswith("#")}
            counts["term"] = terms[~terms["key"].isin(words)].reset_index(drop=True) if words else terms
            counts["term"].attrs = terms.attrs
        with steps.step("bursts"):
            tables = []
            for kind, c in counts.items():
                b = detect_bursts(c, method="kleinberg", posts=posts, _index=index)
                if len(b):
                    tables.append(b.assign(kind=kind))
            bursts = (pd.concat(tables, ignore_index=True) if tables else
                      pd.DataFrame(columns=_BURST_COLUMNS))
            if len(bursts):
                bursts = bursts.sort_values(["score", "kind", "key"], ascending=[False, True, True], kind="stable")
                bursts = bursts.reset_index(drop=True)
        with steps.step("cards"):
            # bursts of different keys made of the same posts are one event (burst_events);
            # the cards are of the strongest events
            head = bursts.head(_EVENT_BURSTS)
            kind_rows = {k: _key_rows(index, k) for k in set(head["kind"])}
            t_local = pd.to_datetime(posts["time"], utc=True).dt.tz_convert(tz)
            head_rows = _burst_rows(head, kind_rows, t_local)
            event = np.arange(len(bursts))
            event[: len(head)] = burst_events(head_rows)
            bursts["event"] = event
            leaders = bursts[~bursts["event"].duplicated()].head(_CARDS)
            later = leaders[leaders.index >= len(head)]  # events beyond the grouped bursts
            kind_rows.update({k: _key_rows(index, k) for k in set(later["kind"]) - set(kind_rows)})
            later_rows = dict(zip(later.index, _burst_rows(later, kind_rows, t_local)))
            cards = _cards(posts, leaders, [head_rows[i] if i < len(head) else later_rows[i] for i in leaders.index], tz)
            for card, lead in zip(cards, leaders.index):
                card.same_posts = same_post_keys(bursts, lead)
        trend = explanation = None
        with steps.step("trending"):
            if len(bursts):
                strongest = bursts.iloc[0]
                trend = trending(counts[strongest["kind"]], at=strongest["peak_time"], window=freq, baseline="7D",
                                 tz=tz, top=top)
                trend.attrs["at"] = f"{strongest['peak_time']:%Y-%m-%d %H:%M}"
                trend.attrs["kind"] = strongest["kind"]
            else:
                notes.append("no bursts of hashtags or terms: nothing trending to list at a peak.")
        with steps.step("explanation"):
            if len(bursts):
                try:
                    explanation = explain_burst(posts, bursts.iloc[0], key=bursts.iloc[0]["kind"], tz=tz, _index=index)
                except ValueError as exc:  # e.g. the burst starts with the data: nothing before it
                    notes.append(f"no explanation of the strongest burst: {exc}")
        # the steps that need neither child's result first, while the children finish
        with steps.step("associations"):
            edges = graphs.co_hashtag_edges(posts, weight="npmi", min_count=2, min_edge_count=2)
            cohashtag = _graph_from_edges(edges)
            associations = edges[edges["weight"] > 0]
            associations = associations.sort_values(["weight", "count", "source", "target"],
                                                    ascending=[False, False, True, True], kind="stable")
            associations = associations.reset_index(drop=True)
        with steps.step("tables"):
            ex = pd.DataFrame({"r": np.arange(len(posts)), "h": posts["hashtags"]}).explode("h").dropna().drop_duplicates()
            top_tags = top_items(posts, "hashtags", top=top)
            ex = ex[ex["h"].isin(set(top_tags["key"]))]
            sent_tag = _group_sentiment(posts["sentiment"].iloc[ex["r"].to_numpy()].reset_index(drop=True),
                                        ex["h"].reset_index(drop=True), min_posts=1, top=top)
            from ..counts import _domain

            tables = dict(
                top_posts=top_posts(posts, top=top, tz=tz), top_accounts=top_accounts(posts, top=top),
                top_hashtags=top_tags, top_mentions=top_items(posts, "mentions", top=top),
                top_terms=top_terms(posts, top=top, _index=index), top_urls=top_items(posts, "urls", top=top),
                top_domains=top_items(posts, "urls", top=top, transform=_domain),
            )
            prov = provenance(posts, params, tz=tz)
            # the latest of the report's bins when they are longer than a day, else the last day
            head = headline(posts, tz=tz, period=freq if pd.Timedelta(freq) > pd.Timedelta("1D") else None)
        with steps.step("network (interaction, communities, influencers)"):
            interaction, communities, community_table, influencers, seconds = network.result()
        steps.timings.update({f"{k} (beside)" if jobs > 1 else k: v for k, v in seconds.items()})
        if not interaction.number_of_nodes():
            notes.append("no mentions, replies or retweets: no interaction network, communities or influencers.")
        with steps.step("sentiment by community"):
            membership = (dict(zip(communities["node"], communities["community"])) if communities is not None else {})
            sent_comm = _group_sentiment(posts["sentiment"], posts["author"].map(membership), min_posts=5, top=top)
        with steps.step("coordination"):
            coordinated = coordination.result()
            # how much of each carded burst the coordinated groups wrote
            campaign = coordinated_mask(posts, coordinated)
            for card in cards:
                if card.rows is not None and len(card.rows):
                    card.coordinated_share = float(campaign[card.rows].mean())
    finally:
        steps.close()
        if frozen:
            gc.unfreeze()
        for job in (coordination, network):
            if job is not None:
                job.cancel()
    return Report(
        provenance=prov, freq=freq, tz=tz, top=top, posts=posts, headline=head, volume=volume,
        volume_bursts=volume_bursts, peaks=peaks, counts=counts, bursts=bursts, cards=cards, trending=trend,
        explanation=explanation, sentiment=sentiment, sentiment_by_community=sent_comm, sentiment_by_hashtag=sent_tag,
        excluded_terms=query, interaction=interaction, cohashtag=cohashtag, communities=communities,
        community_table=community_table, influencers=influencers, associations=associations,
        coordinated=coordinated, topics=topics, notes=notes, timings=steps.timings, **tables,
    )


def _graph_from_edges(edges: pd.DataFrame) -> Any:
    """The co-hashtag graph from its edge table (built once for the table and the graph)."""
    import networkx as nx

    G = nx.Graph(node_type="hashtag")
    if len(edges):
        attrs = [c for c in edges.columns if c not in ("source", "target")]
        G.add_edges_from((r[0], r[1], dict(zip(attrs, r[2:]))) for r in edges[["source", "target", *attrs]].itertuples(index=False))
    return G
