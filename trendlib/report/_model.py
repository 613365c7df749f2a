"""The :class:`Report` record: every table, graph and note of a trend report (internal).

A report is data first: plain DataFrames and networkx graphs that a notebook can use
directly. Rendering (text, HTML) and saving live in their own modules and only read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Report", "BurstCard"]


@dataclass
class BurstCard:
    """The evidence behind one burst: when, how strong, who, what was said, how it felt.

    Attributes
    ----------
    kind : str
        Key kind of the burst (``"hashtag"``, ``"term"``, ``"volume"``).
    key : str
        The key (``"kttasean2023"``); ``"all posts"`` for a volume burst.
    start, peak, end : pandas.Timestamp
        Onset, peak bin and end of the burst (half-open ``[start, end)``), local time.
    score : float
        The detector's score (see ``method``).
    method : str
        The burst method (``"kleinberg"``...).
    posts : int
        Posts carrying the key inside the burst.
    accounts : int
        Distinct accounts among them.
    top_account_share : float
        Share of those posts written by the most active account (1.0: one account).
    effective_accounts : float
        ``1 / sum(p_i ** 2)`` over accounts' post shares: how many equally active
        accounts the burst is worth.
    co_hashtags : DataFrame
        Hashtags seen with the key in the burst (``key``, ``posts``).
    top_posts : DataFrame
        The burst's posts with the most engagement.
    sentiment : dict
        ``positive``, ``neutral``, ``negative`` shares inside the burst.
    coordinated_share : float
        Share of the burst's posts that belong to the report's coordinated groups
        (:func:`trendlib.graphs.coordinated_accounts`); ``nan`` until measured.
    rows : numpy.ndarray
        Row positions of the burst's posts in the report's posts table.
    reply_share : float
        Share of the burst's posts that are replies (``reply_to`` set); ``nan`` when the
        posts have no ``reply_to`` column.
    same_posts : list of str
        The other keys whose bursts are made of the same posts (the burst's event,
        :func:`trendlib.report.burst_events`): a copied text bursts word by word.
    replied_to : DataFrame
        The accounts its replies answer most (``key``, ``posts``, ``accounts``), up to
        three: a burst that is mostly replies to one or two accounts was driven by their
        threads (a menfess post, a news account, or a reply campaign), which its terms
        alone do not say.
    """

    kind: str
    key: str
    start: Any
    peak: Any
    end: Any
    score: float
    method: str
    posts: int
    accounts: int
    top_account_share: float
    effective_accounts: float
    co_hashtags: Any = field(repr=False)
    top_posts: Any = field(repr=False)
    sentiment: dict = field(default_factory=dict)
    coordinated_share: float = float("nan")
    rows: Any = field(default=None, repr=False)
    reply_share: float = float("nan")
    replied_to: Any = field(default=None, repr=False)
    same_posts: list = field(default_factory=list)

    @property
    def label(self) -> str:
        from .._keys import display_key

        return display_key(self.key, self.kind)

    @property
    def single_account(self) -> bool:
        """True when one account wrote most of the burst (top share >= 0.5 or < 2 effective accounts)."""
        return self.top_account_share >= 0.5 or self.effective_accounts < 2


@dataclass
class Report:
    """The tables, graphs and notes of a trend report (built by :func:`build_report`).

    Attributes
    ----------
    provenance : dict
        Sources, format, rows read / kept / dropped (by reason) / duplicated, time span
        and the parameters used.
    freq, tz : str
        Bin size and time zone of every count, burst and displayed time.
    top : int
        Rows in each ranked table of the renderings.
    posts : DataFrame
        The input posts with ``polarity`` and ``sentiment`` (and ``tokens``) added.
    headline : DataFrame
        Headline numbers of the latest period against the previous one of equal length.
    volume : DataFrame
        Posts and distinct accounts per bin (local time): ``time``, ``posts``, ``accounts``.
    volume_bursts : DataFrame
        Bursts of total volume (:func:`trendlib.detect_bursts` on the bin totals).
    peaks : DataFrame
        The busiest bins with what their most engaged post said.
    counts : dict of str -> DataFrame
        Counts per bin per key kind (``"hashtag"``, ``"term"``) from :func:`trendlib.count`.
    bursts : DataFrame
        Bursts of every key kind, strongest first, with a ``kind`` column and account
        concentration (``accounts``, ``top_account_share``, ``effective_accounts``).
    cards : list of BurstCard
        The evidence behind the strongest bursts.
    trending : DataFrame or None
        The trending list at the peak of the strongest burst (:func:`trendlib.trending`).
    explanation : BurstExplanation or None
        Why the strongest burst happened (:func:`trendlib.explain_burst`).
    sentiment : DataFrame
        Sentiment per day with intervals (:func:`trendlib.sentiment.sentiment_over_time`);
        per report bin when the bins are longer than a day (:func:`sentiment_freq`).
    sentiment_by_community, sentiment_by_hashtag : DataFrame
        Sentiment shares with 95% Wilson intervals per community / per top hashtag.
    excluded_terms : DataFrame
        The scrape's query terms (``term``, ``kind``, ``posts``, ``share``, ``reason``):
        named with ``topic=`` or found in half the distinct posts
        (:func:`trendlib.sentiment.topic_terms`). The sentiment scorer does not read them as
        opinion and term bursts leave them out (their bursts are volume bursts).
    top_posts, top_accounts, top_hashtags, top_mentions, top_terms, top_urls, top_domains : DataFrame
        Ranked tables (ties broken by key).
    interaction : networkx.DiGraph
        Who mentions, replies to and retweets whom (:func:`trendlib.graphs.interaction_graph`).
    cohashtag : networkx.Graph
        Hashtags seen together at least twice (:func:`trendlib.graphs.co_hashtag_graph`).
    communities : DataFrame or None
        Louvain membership of the interaction network, one row per account.
    community_table : DataFrame or None
        One row per community (:func:`trendlib.graphs.community_summary`).
    influencers : DataFrame
        Accounts ranked by PageRank in the interaction network.
    associations : DataFrame
        Co-hashtag pairs with positive NPMI, strongest first.
    coordinated : DataFrame
        Coordinated groups with their evidence (:func:`trendlib.graphs.coordinated_accounts`).
    topics : DataFrame or None
        Topics of the posts beyond hashtags (:class:`trendlib.topics.TopicModel` on up to
        20,000 posts, a seeded sample beyond that): ``topic``, ``posts``, ``share``,
        ``label``, ``terms``, ``phrase``, ``example``, ``net``, ``positive``, ``negative``;
        None when the posts hold fewer than 300 distinct texts (said in ``notes``).
    notes : list of str
        What the report could not compute, and why; one line each.
    timings : dict of str -> float
        Seconds spent in each step.
    """

    provenance: dict
    freq: str
    tz: str
    top: int
    posts: Any = field(repr=False)
    headline: Any = field(repr=False)
    volume: Any = field(repr=False)
    volume_bursts: Any = field(repr=False)
    peaks: Any = field(repr=False)
    counts: dict = field(repr=False)
    bursts: Any = field(repr=False)
    cards: list = field(repr=False)
    trending: Any = field(repr=False)
    explanation: Any = field(repr=False)
    sentiment: Any = field(repr=False)
    sentiment_by_community: Any = field(repr=False)
    sentiment_by_hashtag: Any = field(repr=False)
    excluded_terms: Any = field(repr=False)
    top_posts: Any = field(repr=False)
    top_accounts: Any = field(repr=False)
    top_hashtags: Any = field(repr=False)
    top_mentions: Any = field(repr=False)
    top_terms: Any = field(repr=False)
    top_urls: Any = field(repr=False)
    top_domains: Any = field(repr=False)
    interaction: Any = field(repr=False)
    cohashtag: Any = field(repr=False)
    communities: Any = field(repr=False)
    community_table: Any = field(repr=False)
    influencers: Any = field(repr=False)
    associations: Any = field(repr=False)
    coordinated: Any = field(repr=False)
    topics: Any = field(repr=False, default=None)
    notes: list = field(default_factory=list)
    timings: dict = field(default_factory=dict)

    def to_text(self) -> str:
        """Render the report as plain text for a terminal (:func:`render_text`)."""
        from ._text import render_text

        return render_text(self)

    def to_html(self) -> str:
        """Render the report as one self-contained HTML page (:func:`render_html`)."""
        from ._html import render_html

        return render_html(self)

    def save(self, folder: Any, *, figures: bool = True, format: str = "html", escape_formulas: bool = True) -> list:
        """Write the report, every table (CSV), the networks (GEXF) and figures; see :func:`save_report`."""
        from ._save import save_report

        return save_report(self, folder, figures=figures, format=format, escape_formulas=escape_formulas)

    def __str__(self) -> str:  # pragma: no cover - thin alias
        return self.to_text()
