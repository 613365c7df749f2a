"""The main job: one call from posts to the report a monitoring team reads.

:func:`build_report` chains the library end to end — overview, sentiment over time,
hashtag bursts, the trending list at the strongest burst, why that burst happened,
communities and influencers of the interaction network, the strongest hashtag
associations and coordinated accounts — and returns a :class:`Report` of plain
DataFrames. ``Report.to_text()`` renders it for a terminal (``python -m trendlib
report``); ``Report.save(folder)`` writes every table as CSV, the networks as GEXF
(Gephi timeline) and the figures as PNG.

Each step is an ordinary public function; the report adds no logic of its own beyond
choosing a bin size that suits the time span (:func:`choose_freq`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._validation import check_positive, require_columns

__all__ = ["Report", "build_report", "choose_freq"]

#: bin sizes tried by :func:`choose_freq`, finest first
_FREQS = ("15min", "1h", "3h", "6h", "12h", "1D", "7D")


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
    import pandas as pd

    require_columns(posts, ["time"], func="choose_freq", hint="trendlib.read_posts(...)")
    times = posts["time"].dropna()
    if len(times) < 2:
        return "1h"
    span = times.max() - times.min()
    for freq in _FREQS:
        if span / pd.Timedelta(freq) <= max_bins:
            return freq
    return _FREQS[-1]


@dataclass
class Report:
    """The tables, graphs and notes of a trend report (built by :func:`build_report`).

    Attributes
    ----------
    overview : str
        Plain-text overview (posts, span, top hashtags, mentions, terms).
    freq, tz : str
        Bin size and time zone used for counts, bursts and display.
    posts : DataFrame
        The input posts with ``polarity`` and ``sentiment`` columns added.
    sentiment : DataFrame
        Sentiment per day with Wilson intervals (:func:`trendlib.sentiment.sentiment_over_time`).
    counts : DataFrame
        Hashtag counts per bin (:func:`trendlib.count`).
    bursts : DataFrame
        Hashtag bursts, strongest first (:func:`trendlib.detect_bursts`).
    trending : DataFrame or None
        The trending list at the peak of the strongest burst (:func:`trendlib.trending`).
    explanation : BurstExplanation or None
        Why the strongest burst happened (:func:`trendlib.explain_burst`); None, with a
        line in ``notes``, when there is nothing before the burst to compare with.
    interaction : networkx.DiGraph
        Who mentions, replies to and retweets whom (:func:`trendlib.graphs.interaction_graph`).
    cohashtag : networkx.Graph
        Hashtags seen together at least twice, NPMI weights (:func:`trendlib.graphs.co_hashtag_graph`).
    communities : DataFrame or None
        Louvain membership of the interaction network, one row per account
        (:func:`trendlib.graphs.communities`).
    community_table : DataFrame or None
        One row per community: size, posts, top accounts, hashtags, sentiment
        (:func:`trendlib.graphs.community_summary`).
    influencers : DataFrame
        Accounts ranked by PageRank in the interaction network.
    associations : DataFrame
        Co-hashtag pairs by NPMI, strongest first (:func:`trendlib.graphs.co_hashtag_edges`).
    coordinated : DataFrame
        Groups of accounts posting near-identical text within a minute
        (:func:`trendlib.graphs.coordinated_accounts`).
    coordinated_hashtags : DataFrame
        Groups of accounts posting the same hashtag set within a minute: campaigns whose
        free text varies but whose hashtags are orchestrated.
    top : int
        Rows in each ranked table of :meth:`to_text`.
    notes : list of str
        What the report could not compute, and why.
    """

    overview: str
    freq: str
    tz: str
    posts: Any = field(repr=False)
    sentiment: Any = field(repr=False)
    counts: Any = field(repr=False)
    bursts: Any = field(repr=False)
    trending: Any = field(repr=False)
    explanation: Any = field(repr=False)
    interaction: Any = field(repr=False)
    cohashtag: Any = field(repr=False)
    community_table: Any = field(repr=False)
    communities: Any = field(repr=False)
    influencers: Any = field(repr=False)
    associations: Any = field(repr=False)
    coordinated: Any = field(repr=False)
    coordinated_hashtags: Any = field(repr=False, default=None)
    top: int = 10
    notes: list = field(default_factory=list)

    # ------------------------------------------------------------------ text
    def to_text(self) -> str:
        """Render the report as plain text for a terminal."""
        from .cli import format_table

        top = self.top
        out = [self.overview]

        def section(title: str) -> None:
            out.extend(["", title, "=" * len(title)])

        section("Sentiment (lexicon+rules scorer)")
        s = self.posts["sentiment"].value_counts()
        n = max(int(s.sum()), 1)
        out.append("  ".join(f"{k} {int(s.get(k, 0))} ({s.get(k, 0) / n:.0%})" for k in ("positive", "neutral", "negative")))
        if self.sentiment is not None and len(self.sentiment):
            rows = [
                [f"{r.time:%Y-%m-%d}", int(r.n), f"{r.share_positive:.0%}", f"{r.share_negative:.0%}",
                 f"{r.net:+.2f}", f"[{r.net_low:+.2f}, {r.net_high:+.2f}]"]
                for r in self.sentiment.itertuples()
            ]
            out.append(format_table(rows, ["day", "posts", "pos", "neg", "net", "95% interval"], align="lrrrrl"))

        section(f"Hashtag bursts (Kleinberg, {self.freq} bins, {self.tz})")
        if len(self.bursts):
            rows = [
                [i + 1, f"#{r.key}", f"{r.start:%m-%d %H:%M}", f"{r.end:%m-%d %H:%M}", f"{r.peak_time:%m-%d %H:%M}",
                 int(r.peak_count), int(r.level), round(float(r.score), 1)]
                for i, r in enumerate(self.bursts.head(top).itertuples())
            ]
            out.append(format_table(rows, ["rank", "hashtag", "start", "end", "peak", "peak posts", "level", "score"]))
        else:
            out.append("(no bursts)")

        if self.trending is not None:
            section(f"Trending at the strongest burst's peak ({self.trending.attrs.get('at', '')})")
            if len(self.trending):
                rows = [[int(r.rank), f"#{r.key}", int(r.count), round(float(r.expected), 2), round(float(r.z), 2),
                         "yes" if r.novel else "", round(float(r.score), 2)] for r in self.trending.head(top).itertuples()]
                out.append(format_table(rows, ["rank", "hashtag", "count", "expected", "z", "new", "score"]))
            else:
                out.append("(nothing trending)")
        if self.explanation is not None or self.notes:
            section("Why the strongest burst happened")
            out.append(repr(self.explanation) if self.explanation is not None else "\n".join(self.notes))

        section("Communities of the interaction network (Louvain, seed 0)")
        if self.community_table is not None and len(self.community_table):
            rows = []
            for r in self.community_table.head(top).itertuples():
                tags = ", ".join(f"#{t}" for t in list(r.top_hashtags)[:3])
                rows.append([int(r.community), int(r.size), int(r.n_posts), ", ".join(list(r.top_nodes)[:3]), tags])
            out.append(format_table(rows, ["community", "accounts", "posts", "top accounts", "top hashtags"]))
        else:
            out.append("(no interactions)")
        section("Influencers (PageRank of the interaction network)")
        if len(self.influencers):
            rows = [[int(r.rank), r.node, round(float(r.score), 4)] for r in self.influencers.head(top).itertuples()]
            out.append(format_table(rows, ["rank", "account", "pagerank"]))
        else:
            out.append("(no interactions)")
        section("Strongest hashtag associations (NPMI, pairs seen at least twice)")
        if len(self.associations):
            rows = [[f"#{r.source}", f"#{r.target}", int(r.count), round(float(r.weight), 3)]
                    for r in self.associations.head(top).itertuples()]
            out.append(format_table(rows, ["hashtag", "hashtag", "posts", "npmi"]))
        else:
            out.append("(no co-occurring hashtags)")
        for title, table in (
            ("Coordinated accounts: near-identical text within 1 minute, >= 3 accounts", self.coordinated),
            ("Coordinated accounts: same hashtag set within 1 minute, >= 3 accounts", self.coordinated_hashtags),
        ):
            section(title)
            if table is not None and len(table):
                for r in table.head(top).itertuples():
                    accounts = ", ".join(map(str, list(r.accounts)[:6])) + (" ..." if r.n_accounts > 6 else "")
                    out.append(f"group {r.group}: {r.n_accounts} accounts, {r.n_posts} posts, "
                               f"{r.first_seen:%Y-%m-%d %H:%M}..{r.last_seen:%H:%M} UTC, score {r.score:.1f}")
                    out.append(f"  accounts: {accounts}")
                    out.append(f"  text: {str(list(r.texts)[0])[:110]}")
            else:
                out.append("(no coordinated groups)")
        return "\n".join(out)

    def __str__(self) -> str:  # pragma: no cover - thin alias
        return self.to_text()

    # ------------------------------------------------------------------ files
    def save(self, folder: str | os.PathLike, *, figures: bool = True) -> list[Path]:
        """Write every table as CSV, the networks as GEXF and (optionally) PNG figures.

        Returns the list of files written.
        """
        from . import graphs

        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []

        def csv(name: str, df: Any) -> None:
            if df is None:
                return
            df = df.copy()
            for col in df.columns:
                if df[col].map(lambda v: isinstance(v, (list, tuple, set))).any():
                    df[col] = df[col].map(lambda v: " ".join(map(str, v)) if isinstance(v, (list, tuple, set)) else v)
            path = folder / f"{name}.csv"
            df.to_csv(path, index=False)
            written.append(path)

        (folder / "report.txt").write_text(self.to_text() + "\n", encoding="utf-8")
        written.append(folder / "report.txt")
        csv("posts_scored", self.posts)
        csv("sentiment_over_time", self.sentiment)
        csv("hashtag_counts", self.counts)
        csv("bursts", self.bursts)
        csv("trending", self.trending)
        csv("communities", self.community_table)
        csv("influencers", self.influencers)
        csv("hashtag_associations", self.associations)
        csv("coordinated_groups", self.coordinated)
        csv("coordinated_hashtag_groups", self.coordinated_hashtags)
        if self.explanation is not None:
            csv("burst_terms", self.explanation.terms)
            csv("burst_phrases", self.explanation.phrases)
        for name, G in (("interaction_graph", self.interaction), ("cohashtag_graph", self.cohashtag)):
            if G is not None and G.number_of_nodes():
                path = folder / f"{name}.gexf"
                graphs.to_gexf(G, path)
                written.append(path)
        if figures:
            written.extend(self._figures(folder))
        return written

    def _figures(self, folder: Path) -> list[Path]:
        # a bare Figure needs no pyplot and never changes the session's backend
        from matplotlib.figure import Figure

        from . import plot

        jobs = [("timeline.png", (10, 5), lambda ax: plot.timeline(self.counts, self.bursts, top=5, ax=ax))]
        if len(self.bursts):
            jobs.append(("bursts.png", (10, 5), lambda ax: plot.burst_chart(self.bursts, top=15, ax=ax)))
        jobs.append(("sentiment.png", (10, 5), lambda ax: plot.sentiment_timeline(self.sentiment, ax=ax)))
        if self.interaction is not None and self.interaction.number_of_nodes():
            jobs.append(("network.png", (9, 9),
                         lambda ax: plot.network(self.interaction, communities=self.communities, top=15, ax=ax)))
        written = []
        for name, size, draw in jobs:
            fig = Figure(figsize=size)
            draw(fig.subplots())
            fig.tight_layout()
            fig.savefig(folder / name, dpi=110)
            written.append(folder / name)
        return written


def build_report(posts: Any, *, freq: str | None = None, tz: str = "Asia/Jakarta", top: int = 10, seed: int = 0) -> Report:
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
        Rows in each ranked table of the text rendering.
    seed : int, default 0
        Seed for Louvain communities.

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> rep = build_report(load_sample_posts())
    >>> rep.bursts["key"].iloc[0]
    'kttasean2023'
    >>> bool(rep.coordinated["n_accounts"].iloc[0] >= 3)
    True
    """
    from . import graphs
    from .bursts import detect_bursts
    from .cli import summarize_posts
    from .counts import count
    from .sentiment import add_sentiment, sentiment_over_time
    from .trends import explain_burst, trending

    require_columns(posts, ["id", "time", "author", "text", "hashtags", "mentions"], func="build_report",
                    hint="trendlib.read_posts(...)")
    top = int(check_positive(top, name="top", func="build_report"))
    freq = freq or choose_freq(posts)
    posts = add_sentiment(posts)
    overview = summarize_posts(posts, top=top, tz=tz)
    sentiment = sentiment_over_time(posts, freq="1D", tz=tz)
    counts = count(posts, by="hashtag", freq=freq, tz=tz)
    bursts = detect_bursts(counts, method="kleinberg")
    trend = explanation = None
    notes: list[str] = []
    if len(bursts):
        strongest = bursts.iloc[0]
        trend = trending(counts, at=strongest["peak_time"], window=freq, baseline="7D", tz=tz, top=top)
        trend.attrs["at"] = f"{strongest['peak_time']:%Y-%m-%d %H:%M}"
        try:
            explanation = explain_burst(posts, strongest, tz=tz)
        except ValueError as exc:  # e.g. the burst starts with the data: nothing before it to compare
            notes.append(f"no explanation of the strongest burst: {exc}")

    interaction = graphs.interaction_graph(posts, kind="all")
    if interaction.number_of_nodes():
        communities = graphs.communities(interaction.to_undirected(), seed=seed)
        community_table = graphs.community_summary(posts, interaction, communities)
        influencers = graphs.influencers(interaction, by="pagerank", top=None)
    else:
        import pandas as pd

        communities = community_table = None
        influencers = pd.DataFrame(columns=["rank", "node", "score"])
    cohashtag = graphs.co_hashtag_graph(posts, weight="npmi", min_count=2, min_edge_count=2)
    associations = graphs.co_hashtag_edges(posts, weight="npmi", min_count=2, min_edge_count=2)
    associations = associations.sort_values(["weight", "count"], ascending=False, kind="stable").reset_index(drop=True)
    coordinated = graphs.coordinated_accounts(posts, window="1min", min_accounts=3, similarity="near")
    coordinated_tags = graphs.coordinated_accounts(posts, window="1min", min_accounts=3, similarity="hashtags")
    return Report(
        overview=overview, freq=freq, tz=tz, posts=posts, sentiment=sentiment, counts=counts, bursts=bursts,
        trending=trend, explanation=explanation, interaction=interaction, cohashtag=cohashtag,
        community_table=community_table, communities=communities, influencers=influencers,
        associations=associations, coordinated=coordinated, coordinated_hashtags=coordinated_tags, top=top, notes=notes,
    )
