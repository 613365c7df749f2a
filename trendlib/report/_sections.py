"""What the report says, once, for every rendering (internal).

:func:`sections` turns a :class:`Report` into a list of :class:`Section` s made of three
kinds of block: a paragraph, a table (headers + display strings) and a figure name. The
text and HTML renderings both read this list, so they always say the same thing; an empty
section says in one line why it is empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .._keys import display_key
from ._summary import coordinated_mask, creation_batch, language_mix, same_post_keys

__all__ = ["Section", "Table", "sections", "METHOD_NOTES"]


@dataclass
class Table:
    headers: list
    rows: list
    align: str | None = None
    caption: str = ""


@dataclass
class Section:
    id: str
    title: str
    blocks: list = field(default_factory=list)

    def para(self, text: str) -> None:
        self.blocks.append(("para", text))

    def pre(self, text: str) -> None:
        self.blocks.append(("pre", text))

    def table(self, headers: list, rows: list, *, align: str | None = None, caption: str = "") -> None:
        self.blocks.append(("table", Table(list(headers), [list(r) for r in rows], align, caption)))

    def figure(self, name: str, caption: str = "") -> None:
        self.blocks.append(("figure", (name, caption)))

    def card(self, title: str, blocks: list) -> None:
        self.blocks.append(("card", (title, blocks)))


#: one sentence per number the report shows
METHOD_NOTES = [
    ("posts / accounts", "Posts are rows of the input after reading (retweets included); accounts are distinct "
     "authors, one identity per handle (case-insensitive)."),
    ("volume bursts", "A bin is in a volume burst when its post count is at least 3 standard deviations above the "
     "mean of the bins before it (z-score, trendlib.detect_bursts(method='zscore'))."),
    ("bursts", "Kleinberg's two-state automaton on each key's share of all posts per bin (exact Viterbi); score is "
     "the burst weight, the log-likelihood gain of the burst state over the baseline (nats)."),
    ("accounts in a burst", "Distinct accounts among the burst's posts; 'top share' is the share of those posts "
     "written by the most active account, 'effective' is 1 / sum of squared account shares: a burst worth "
     "fewer than 2 effective accounts is flagged as one account's doing."),
    ("burst events", "Bursts of different keys are one event ('same posts') when at least 80% of the smaller "
     "one's posts are the other's (trendlib.report.burst_events, the 40 strongest bursts): a copied text or a "
     "template bursts word by word."),
    ("replies in a burst", "When the account replied to most holds a fifth or more of a burst's posts, its card "
     "names the accounts whose threads the burst answers."),
    ("trending", "Velocity of each key in the window against its hour-of-day baseline (Poisson-Gamma z), with a "
     "bonus for keys never seen before; ranked by accounts so one account's spam cannot top the list."),
    ("sentiment", "The explainable lexicon+rules scorer (trendlib.sentiment.polarity) labels each post positive, "
     "neutral or negative; shares carry 95% Wilson intervals; net = positive share - negative share."),
    ("communities", "Louvain modularity communities of the undirected interaction network (mentions, replies, "
     "retweets), with a fixed seed."),
    ("influencers", "PageRank of the directed interaction network (an edge points from the author to the account "
     "mentioned, replied to or retweeted)."),
    ("associations", "Normalised pointwise mutual information (NPMI, -1..1) of two hashtags in the same post, pairs "
     "seen at least twice; only positive associations are listed."),
    ("coordination", "Groups of accounts sharing a fingerprint (text, hashtag set, retweeted post, URL) more often "
     "or more closely in time than their own activity explains; see trendlib.graphs.coordinated_accounts. "
     "Reply brigades (signal 'reply', scale 'threads'): the same accounts answering the threads of several other "
     "accounts, more than the repliers' own activity explains (bipartite configuration model); the accounts "
     "listed gave those threads at least half of the threads they answered; see trendlib.graphs.reply_brigades. "
     "'accounts created': the busiest 7 days of the group's account creation, read from X user ids "
     "(trendlib.io.account_created; ids older than about 2016 carry no date), against the file's other accounts."),
]


def _fmt_time(t: Any, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if t is None or (isinstance(t, float) and np.isnan(t)) or t is pd.NaT:
        return ""
    try:
        return pd.Timestamp(t).strftime(fmt)
    except (ValueError, TypeError):
        return str(t)


def _local(t: Any, tz: str) -> Any:
    if t is None or t is pd.NaT:
        return t
    ts = pd.Timestamp(t)
    return ts.tz_localize("UTC").tz_convert(tz) if ts.tz is None else ts.tz_convert(tz)


def _short(text: Any, n: int = 140) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def _at(handle: Any) -> str:
    """``@handle``, or nothing when the post has no author."""
    return "" if handle is None or (isinstance(handle, float) and np.isnan(handle)) or handle is pd.NA else f"@{handle}"


def _n(count: Any, noun: str) -> str:
    """``"1 post"``, ``"1,250 posts"``."""
    return f"{int(count):,} {noun}" + ("" if int(count) == 1 else "s")


def _pct(x: Any) -> str:
    return "" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{x:.0%}"


def _num(x: Any, nd: int = 2) -> str:
    try:
        x = float(x)
    except (TypeError, ValueError):
        return str(x)
    return "" if np.isnan(x) else f"{x:.{nd}f}"


def _val(x: Any) -> str:
    x = float(x)
    return f"{int(x):,}" if x == int(x) and abs(x) >= 1 or x == 0 else f"{x:+.3f}"


def _change(x: Any) -> str:
    return "n/a" if x is None or (isinstance(x, float) and np.isnan(x)) else f"{x:+.0%}"


def _provenance(rep: Any) -> Section:
    p = rep.provenance
    s = Section("provenance", "Provenance")
    dropped = p["rows_dropped"]
    drop_txt = ", ".join(f"{v} {k}" for k, v in sorted(dropped.items())) if dropped else "none"
    rows = [
        ["sources", "; ".join(p["sources"])],
        ["format", f"{p['format']} ({p['platform']})" if p["platform"] else p["format"]],
        ["rows read", f"{p['rows_read']:,}"],
        ["rows kept", f"{p['rows_kept']:,}"],
        ["rows dropped", drop_txt],
        ["repeated ids", f"{p['duplicates']:,} ({p['duplicates_dropped']:,} dropped)"],
        ["time span", f"{_fmt_time(p['first_post'])} .. {_fmt_time(p['last_post'])} ({rep.tz})"],
        ["posts without a time", f"{p['posts_without_time']:,}"],
        ["encoding", p["encoding"]],
        ["parameters", ", ".join(f"{k}={v}" for k, v in p["parameters"].items())],
    ]
    s.table(["item", "value"], rows, align="ll")
    for note in p["notes"]:
        s.para(f"reader: {note}")
    return s


def _campaign(card: Any) -> str:
    """What share of a burst's posts the coordinated groups wrote, when it is a fifth or more."""
    share = getattr(card, "coordinated_share", float("nan"))
    if not share >= 0.2:  # (nan: not measured)
        return ""
    return f" {share:.0%} of its posts belong to coordinated groups (see Coordinated accounts)."


def _threads(card: Any) -> str:
    """Whose threads a burst answers, when the account replied to most holds a fifth or more of its posts."""
    r = getattr(card, "replied_to", None)
    if r is None or not len(r) or not card.posts or r["posts"].iloc[0] / card.posts < 0.2:
        return ""
    whom = ", ".join(f"@{x.key} ({_n(x.posts, 'post')} by {_n(x.accounts, 'account')})"
                     for x in r.itertuples() if x.posts / card.posts >= 0.05)
    return f" {card.reply_share:.0%} of its posts are replies, most to {whom}."


def coordinated_posts(rep: Any) -> pd.Series:
    """Boolean mask over ``rep.posts``: the posts of the report's coordinated groups."""
    return pd.Series(coordinated_mask(rep.posts, rep.coordinated), index=rep.posts.index)


def organic_sentiment(rep: Any, *, min_share: float = 0.05) -> str | None:
    """The sentiment shares without the coordinated groups' posts, as a sentence.

    ``None`` when those posts are under ``min_share`` of all: a campaign of a few posts
    moves no share. Why: a scrape of an election or a programme launch can be dominated
    by one campaign (on the data home's May 2019 Jokowi scrape, 292 petition posts of one
    coordinated group made the whole file read 59% positive), and the analyst asks what
    the rest of the public said.
    """
    if "sentiment" not in rep.posts.columns or not len(rep.posts):
        return None
    flagged = coordinated_posts(rep)
    k = int(flagged.sum())
    if k < min_share * len(rep.posts) or k == len(rep.posts):
        return None
    vc = rep.posts.loc[~flagged.to_numpy(), "sentiment"].value_counts(normalize=True)
    return (f"Without the {k:,} posts of coordinated groups ({k / len(rep.posts):.0%} of all): "
            f"{_pct(vc.get('positive', 0))} positive, {_pct(vc.get('neutral', 0))} neutral, "
            f"{_pct(vc.get('negative', 0))} negative.")


def findings(rep: Any) -> list[str]:
    """The report's key findings in plain sentences (the first thing a reader sees)."""
    out: list[str] = []
    p = rep.provenance
    n_acc = int(rep.posts["author"].nunique()) if "author" in rep.posts and len(rep.posts) else 0
    # a file without authors (e.g. texts and ids only) says so instead of "by 0 accounts"
    by = f"by {_n(n_acc, 'account')}" if n_acc else "(no authors in the file)"
    if p["first_post"] is not None:
        out.append(f"{_n(p['rows_kept'], 'post')} {by} from {_fmt_time(p['first_post'])} to "
                   f"{_fmt_time(p['last_post'])} ({rep.tz}).")
    else:
        out.append(f"{_n(p['rows_kept'], 'post')} {by}, none with a time.")
    if len(rep.peaks):
        r = rep.peaks.iloc[0]
        lead = f"led by {_at(r['author'])}:" if _at(r["author"]) else "most engaged post:"
        out.append(f"The busiest {rep.freq} bin began {_fmt_time(r['time'])} with {_n(r['posts'], 'post')} "
                   f"({_pct(r['share'])} of all), {lead} \u201c{_short(r['text'], 100)}\u201d")
    b = rep.bursts
    if len(b):
        b = _events(b)
        organic = b[~((b["top_account_share"] >= 0.5) | (b["effective_accounts"] < 2))]
        lone = len(b) - len(organic)
        if len(organic):
            r = organic.iloc[0]
            who = f", {_n(r['accounts'], 'account')}" if n_acc else ""
            card = next((c for c in rep.cards if c.key == str(r["key"]) and c.kind == r["kind"]
                         and c.start == r["start"]), None)
            share = getattr(card, "coordinated_share", float("nan"))
            pushed = f" ({share:.0%} of its posts from coordinated groups)" if share >= 0.2 else ""
            if card is not None and _threads(card):
                pushed += f" ({card.reply_share:.0%} of its posts replies, most to @{card.replied_to['key'].iloc[0]})"
            out.append(f"Strongest burst: {display_key(r['key'], r['kind'])} from {_fmt_time(r['start'])} "
                       f"(peak {_fmt_time(r['peak_time'])}){who}{pushed}.")
        if lone:
            were = "was" if lone == 1 else "were"
            out.append(f"{_n(lone, 'burst')} {were} mostly one account's posting and flagged, not counted as trends.")
    else:
        out.append("No hashtag or term burst stood out.")
    mix = language_mix(rep.posts) if len(rep.posts) else None
    if mix is not None and mix["indonesian"] < 0.5:
        langs = ", ".join(f"{k} {v:,}" for k, v in mix["top"])
        how = "the platform's language tag" if mix["source"] == "lang tag" else "their function words"
        out.append(f"Most posts are not Indonesian ({langs} of {mix['known']:,} with a known language, by {how}): "
                   "the sentiment scorers, stopwords and stemmer read Indonesian, so read the sentiment and terms "
                   "below with care.")
    vc = rep.posts["sentiment"].value_counts(normalize=True) if "sentiment" in rep.posts and len(rep.posts) else {}
    if len(vc):
        out.append(f"Sentiment: {_pct(vc.get('positive', 0))} positive, {_pct(vc.get('neutral', 0))} neutral, "
                   f"{_pct(vc.get('negative', 0))} negative.")
    organic = organic_sentiment(rep)
    if organic:
        out.append(organic)
    c = rep.coordinated
    if c is not None and len(c):
        n_flag = len(set().union(*map(set, c["accounts"]))) if "accounts" in c else int(c["n_accounts"].sum())
        out.append(f"{_n(len(c), 'coordinated group')} involving {_n(n_flag, 'account')}.")
    return out


def _summary(rep: Any) -> Section:
    s = Section("summary", "Summary")
    for line in findings(rep):
        s.para(line)
    if len(rep.volume):
        s.figure("volume", "Posts and accounts per bin; volume bursts shaded")
    for kind, value in _headline(rep).blocks:
        s.blocks.append((kind, value))
    return s


def _headline(rep: Any) -> Section:
    h = rep.headline
    s = Section("headline", "Headline numbers")
    if not len(h):
        s.para("(no timestamps: no periods to compare)")
        return s
    a = h.attrs
    s.para(f"Latest period {_fmt_time(a['split'])} .. {_fmt_time(a['end'])} against the period of equal length "
           f"before it ({_fmt_time(a['start'])} .. {_fmt_time(a['split'])}), {rep.tz}.")
    s.table(["metric", "latest", "previous", "change"],
            [[r.metric, _val(r.current), _val(r.previous),
              f"{r.difference:+.3f}" if r.metric == "net sentiment" else _change(r.change)]
             for r in h.itertuples()], align="lrrr")
    return s


def _volume(rep: Any) -> Section:
    s = Section("volume", "Volume over time")
    v = rep.volume
    if not len(v):
        s.para("(no timestamps)")
        return s
    s.para(f"{int(v['posts'].sum()):,} posts in {len(v):,} bins of {rep.freq} ({rep.tz}); "
           f"the busiest bin holds {int(v['posts'].max()):,} posts (the figure is in the summary).")
    vb = rep.volume_bursts
    if len(vb):
        s.table(["volume burst", "start", "end", "peak", "peak posts", "score"],
                [[i + 1, _fmt_time(r.start), _fmt_time(r.end), _fmt_time(r.peak_time), int(r.peak_count),
                  _num(r.score, 1)] for i, r in enumerate(vb.head(rep.top).itertuples())],
                caption="Volume bursts (z-score >= 3 against earlier bins)")
    else:
        s.para("No volume burst: no bin stands 3 standard deviations above the bins before it.")
    if len(rep.peaks):
        s.table(["peak bin", "posts", "share", "accounts", "most engaged post"],
                [[_fmt_time(r.time), int(r.posts), _pct(r.share), int(r.accounts),
                  _short(f"{_at(r.author)}: {r.text}", 110)] for r in rep.peaks.itertuples()],
                align="lrrrl", caption="The busiest bins and what they said")
    return s


def _events(b: pd.DataFrame) -> pd.DataFrame:
    """The first (strongest) burst of each event (all bursts when they are not grouped)."""
    return b[~b["event"].duplicated()] if "event" in b.columns else b


def _same_posts(b: pd.DataFrame, lead: Any, k: int = 3) -> str:
    """The other keys of a burst's event, the first ``k`` and how many more."""
    if "event" not in b.columns:
        return ""
    keys = same_post_keys(b, lead)
    return ", ".join(keys[:k]) + (f" +{len(keys) - k}" if len(keys) > k else "")


def _bursts(rep: Any) -> Section:
    s = Section("bursts", "Bursts of hashtags and terms")
    b = rep.bursts
    if not len(b):
        s.para("(no timestamps, so no bursts)" if not len(rep.volume) else
               "(no bursts: no hashtag or term rose clearly above its usual share of posts)")
        return s
    s.figure("bursts", "Strongest bursts over time")
    events = _events(b)
    if len(events) < len(b):
        s.para(f"Bursts of different keys made of the same posts (a copied text or a template bursts word by "
               f"word) are one row, the strongest key first and the others under \u201csame posts\u201d; "
               f"{_n(len(b) - len(events), 'burst')} folded so. Every burst is in bursts.csv, with its event.")
    rows = []
    for i, (lead, r) in enumerate(zip(events.index[: rep.top], events.head(rep.top).itertuples())):
        flag = " (one account)" if (r.top_account_share >= 0.5 or r.effective_accounts < 2) else ""
        rows.append([i + 1, display_key(r.key, r.kind), r.kind, _fmt_time(r.start), _fmt_time(r.end),
                     _fmt_time(r.peak_time), int(r.peak_count), int(r.accounts), _pct(r.top_account_share) + flag,
                     _num(r.effective_accounts, 1), _num(r.score, 1), _same_posts(b, lead)])
    s.table(["rank", "key", "kind", "start", "end", "peak", "peak posts", "accounts", "top share", "effective",
             "score", "same posts"], rows, align="rllllrrrlrrl")
    for c in rep.cards:
        blocks = []
        sent = ", ".join(f"{k} {_pct(v)}" for k, v in c.sentiment.items())
        warn = " One account wrote most of it: treat as that account's activity, not a trend." if c.single_account else ""
        blocks.append(("para", f"{c.kind} burst from {_fmt_time(c.start)} to {_fmt_time(c.end)}, peak "
                               f"{_fmt_time(c.peak)}; score {_num(c.score, 1)} ({c.method}); {_n(c.posts, 'post')} by "
                               f"{_n(c.accounts, 'account')} (top account {_pct(c.top_account_share)}, "
                               f"{_num(c.effective_accounts, 1)} effective); sentiment {sent}.{warn}"
                               f"{_threads(c)}{_campaign(c)}"))
        if getattr(c, "same_posts", None):
            blocks.append(("para", "the same posts also burst as: " + ", ".join(c.same_posts)))
        if len(c.co_hashtags):
            blocks.append(("para", "with: " + ", ".join(f"#{r.key} ({r.posts})" for r in c.co_hashtags.head(6).itertuples())))
        if len(c.top_posts):
            blocks.append(("table", Table(["author", "engagement", "post"],
                                          [[_at(r.author), int(r.engagement), _short(r.text, 120)]
                                           for r in c.top_posts.itertuples()], "lrl")))
        s.card(f"{c.label}", blocks)
    return s


def _topics(rep: Any) -> Section:
    s = Section("topics", "Topics")
    t = rep.topics
    if t is None or not len(t):
        s.para("(no topics: " + ("; ".join(n[len("no topics: "):] for n in rep.notes if n.startswith("no topics"))
                                 or "not computed") + ")")
        return s
    n, total = t.attrs.get("sample", 0), t.attrs.get("posts", 0)
    s.para(f"What the posts are about beyond their hashtags: {int((t['topic'] >= 0).sum())} topics "
           f"(trendlib.topics.TopicModel, GSDMM on words and segmented hashtags), fitted on "
           + (f"all {n:,} posts." if n >= total else f"a seeded sample of {n:,} of the {total:,} posts; shares are estimates."))
    replies = int(t.attrs.get("thread_replies", 0))
    if replies:
        s.para(f"{replies:,} replies were read in their thread: their conversation's first post is in the file, and its "
               "topic is their prior (a reply that fits no topic alone takes it).")
    rows = []
    shown = pd.concat([t[t["topic"] >= 0].head(rep.top), t[t["topic"] < 0]])
    if (t["topic"] >= 0).sum() > rep.top:
        s.para(f"The {rep.top} largest topics and the outliers; every topic is in topics.csv.")
    has_bursts = "burst_peak" in t.columns
    for r in shown.itertuples():
        row = [r.topic if r.topic >= 0 else "outliers", _pct(r.share), r.label, _short(r.phrase, 40),
               "" if r.net is None or (isinstance(r.net, float) and np.isnan(r.net)) else f"{r.net:+.2f}"]
        if has_bursts:
            row.append(_fmt_time(r.burst_peak) if r.topic >= 0 and pd.notna(r.burst_peak) else "")
        rows.append(row + [_short(r.example, 110)])
    headers = ["topic", "share", "label", "phrase", "net sentiment"] + (["strongest burst (peak)"] if has_bursts else [])
    s.table(headers + ["representative post"], rows, align="rrllr" + ("l" if has_bursts else "") + "l")
    if has_bursts:
        s.para(f"Strongest burst: the peak {rep.freq} bin of the topic's strongest Kleinberg burst (its share of the posts "
               "per bin, counted on the posts the topics were fitted on; its start, end and score and the topic's number "
               "of bursts are in topics.csv). A topic burst gathers a subject's posts under every hashtag and none.")
    return s


def _trending(rep: Any) -> Section:
    s = Section("trending", "Trending at the strongest burst")
    t = rep.trending
    if t is None:
        s.para("(no bursts, so no moment to list trends at)")
        return s
    s.para(f"Trending {t.attrs.get('kind', '')}s at {t.attrs.get('at', '')} ({rep.tz}).")
    if not len(t):
        s.para("(nothing trending in that window)")
        return s
    cols = [c for c in ("rank", "key", "count", "accounts", "expected", "z", "novel", "score") if c in t.columns]
    kind = t.attrs.get("kind", "hashtag")
    rows = []
    for r in t.head(rep.top).itertuples():
        row = []
        for c in cols:
            v = getattr(r, c)
            row.append(display_key(v, kind) if c == "key" else ("yes" if v is True else "" if v is False else
                       (_num(v) if isinstance(v, float) else v)))
        rows.append(row)
    s.table(cols, rows)
    return s


def _explanation(rep: Any) -> Section:
    s = Section("explanation", "Why the strongest burst happened")
    if rep.explanation is None:
        s.para("(no explanation: " + ("; ".join(n for n in rep.notes if "explanation" in n) or "no bursts") + ")")
        return s
    s.pre(repr(rep.explanation))
    return s


def _sentiment(rep: Any) -> Section:
    s = Section("sentiment", "Sentiment")
    vc = rep.posts["sentiment"].value_counts()
    n = max(int(vc.sum()), 1)
    s.para("All posts: " + ", ".join(f"{k} {int(vc.get(k, 0)):,} ({vc.get(k, 0) / n:.0%})"
                                     for k in ("positive", "neutral", "negative")) + ".")
    scorer = rep.posts.attrs.get("sentiment_scorer", "lexicon")
    if scorer != "lexicon":
        s.para(f"Labelled by the trained classifier {scorer}, not the explainable lexicon+rules scorer "
               "(see the method notes).")
    if rep.posts.attrs.get("sentiment_hashtags") == "segment":
        tagged = ""
        if "hashtags" in rep.posts.columns:
            k = int(rep.posts["hashtags"].map(lambda v: hasattr(v, "__len__") and len(v) > 0).sum())
            tagged = f" {k:,} posts ({k / n:.0%}) carry one."
        s.para("Hashtags are read as their words (#IndonesiaGelap: indonesia, gelap), so an opinion "
               f"carried by a tag counts.{tagged}")
    organic = organic_sentiment(rep)
    if organic:
        s.para(organic + " A coordinated campaign speaks with many accounts' voices; these shares are "
               "what the rest said (the groups are under Coordinated accounts).")
    q = rep.excluded_terms
    if q is not None and len(q):
        s.para("The scrape's query terms are not read as opinion (and left out of term bursts): "
               + ", ".join(f"{r.term} ({r.reason})" for r in q.itertuples()) + ".")
    if rep.sentiment is not None and len(rep.sentiment):
        t = rep.sentiment
        freq = t.attrs.get("freq", "1D")
        daily = pd.Timedelta(freq) == pd.Timedelta("1D")
        unit = "day" if daily else f"{freq} bin"
        s.figure("sentiment", f"Sentiment shares per {unit} with 95% intervals")
        kept = t[t["n"] > 0]
        empty = len(t) - len(kept)
        caption = "Per day" if daily else f"Per {freq} bin (longer than a day, like the report's bins)"
        if empty:
            caption += f"; {empty:,} {unit}s without a post left out"
        s.table(["day" if daily else "bin start", "posts", "positive", "negative", "net", "95% interval of net"],
                [[_fmt_time(r.time, "%Y-%m-%d"), int(r.n), _pct(r.share_positive), _pct(r.share_negative),
                  f"{r.net:+.2f}", f"[{r.net_low:+.2f}, {r.net_high:+.2f}]"] for r in kept.itertuples()],
                align="lrrrrl", caption=caption)
    for title, table in (("Per community (communities of 5+ posts)", rep.sentiment_by_community),
                         ("Per top hashtag", rep.sentiment_by_hashtag)):
        if len(table):
            first = "community" if "community" in title else "hashtag"
            s.table([first, "posts", "positive", "neutral", "negative", "net", "positive 95%", "negative 95%"],
                    [[("#" + r.group) if first == "hashtag" else r.group, int(r.posts), _pct(r.positive),
                      _pct(r.neutral), _pct(r.negative), f"{r.net:+.2f}",
                      f"[{_pct(r.positive_low)}, {_pct(r.positive_high)}]",
                      f"[{_pct(r.negative_low)}, {_pct(r.negative_high)}]"] for r in table.itertuples()],
                    align="lrrrrrll", caption=title)
        else:
            s.para(f"{title}: (none)")
    return s


def _tops(rep: Any) -> Section:
    s = Section("top", "Top posts, accounts, mentions, links")
    tp = rep.top_posts
    if len(tp):
        s.table(["time", "author", "engagement", "sentiment", "post"],
                [[_fmt_time(r.time), _at(r.author), int(r.engagement), getattr(r, "sentiment", ""), _short(r.text, 120)]
                 for r in tp.itertuples()], align="llrll", caption="Original posts with the most engagement")
    else:
        s.para("(no posts)")
    ta = rep.top_accounts
    if len(ta):
        s.table(["account", "posts", "engagement", "retweets"],
                [[f"@{r.account}", int(r.posts), int(r.engagement), int(r.retweets)] for r in ta.itertuples()],
                caption="Most active accounts")
    for title, table, prefix in (("Hashtags", rep.top_hashtags, "#"), ("Mentions", rep.top_mentions, "@"),
                                 ("Terms", rep.top_terms, ""), ("Domains", rep.top_domains, ""),
                                 ("URLs", rep.top_urls, "")):
        if len(table):
            s.table([title.lower()[:-1], "posts", "accounts"],
                    [[prefix + _short(r.key, 90), int(r.posts), int(r.accounts)] for r in table.itertuples()],
                    caption=title)
        else:
            s.para(f"{title}: (none in these posts)")
    return s


def _communities(rep: Any) -> Section:
    s = Section("communities", "Communities and influencers")
    ct = rep.community_table
    if ct is None or not len(ct):
        s.para("(no interactions: no mentions, replies or retweets between accounts)")
        return s
    G = rep.interaction
    n_comm = int(rep.communities["community"].nunique()) if rep.communities is not None else 0
    s.para(f"Interaction network: {G.number_of_nodes():,} accounts, {G.number_of_edges():,} edges, "
           f"{n_comm:,} communities (Louvain, seed {rep.provenance['parameters'].get('seed', 0)}).")
    s.figure("network", "The largest communities, nodes chosen by PageRank")
    rows = []
    for r in ct.head(rep.top).itertuples():
        nodes = list(getattr(r, "top_nodes", []) or [])[:3]
        tags = list(getattr(r, "top_hashtags", []) or [])[:3]
        rows.append([r.community, int(r.size), int(getattr(r, "n_posts", 0)), ", ".join(f"@{x}" for x in nodes),
                     ", ".join(f"#{x}" for x in tags)])
    s.table(["community", "accounts", "posts", "top accounts", "top hashtags"], rows, align="rrrll")
    inf = rep.influencers
    if len(inf):
        s.table(["rank", "account", "pagerank"],
                [[int(r.rank), f"@{r.node}", _num(r.score, 4)] for r in inf.head(rep.top).itertuples()],
                caption="Influencers (PageRank)")
    a = rep.associations
    if len(a):
        s.table(["hashtag", "hashtag", "posts", "npmi"],
                [[f"#{r.source}", f"#{r.target}", int(r.count), _num(r.weight, 3)] for r in a.head(rep.top).itertuples()],
                caption="Strongest hashtag associations (positive NPMI, pairs seen at least twice)")
    else:
        s.para("Hashtag associations: (no pair of hashtags seen together twice with a positive association)")
    return s


def _created(rep: Any) -> Any:
    """When each X account of the report was made (from its user id), or None."""
    from ..io import account_created

    if "author" not in rep.posts.columns or not rep.posts["author"].notna().any():
        return None
    created = account_created(rep.posts)
    return created if created.notna().any() else None


def _creation_line(created: Any, accounts: list, tz: str) -> str | None:
    """'accounts created ...' of one group, when its accounts' X ids say when."""
    b = creation_batch(created, accounts) if created is not None else None
    if b is None or b["in_window"] < max(5, b["readable"] // 5):
        return None
    others = "" if b["others_share"] != b["others_share"] else f"; of the file's other accounts, {b['others_share']:.0%}"
    return (f"accounts created (read from their X user ids): {b['in_window']:,} of the {b['readable']:,} with a "
            f"readable id ({b['in_window'] / b['readable']:.0%}) in the 7 days from "
            f"{_fmt_time(_local(b['start'], tz), '%Y-%m-%d')}{others}.")


def _coordination(rep: Any) -> Section:
    s = Section("coordination", "Coordinated accounts")
    c = rep.coordinated
    if c is None or not len(c):
        s.para("(no coordinated groups: no set of accounts shared a fingerprint more than their own activity explains)")
        return s
    created = _created(rep)
    for r in c.head(rep.top).itertuples():
        d = r._asdict()
        accounts = list(d.get("accounts", []) or [])
        head = [f"{d.get('n_accounts', len(accounts))} accounts", f"{d.get('n_posts', '?')} posts"]
        sig = d.get("signals", d.get("signal"))
        if sig is not None:
            sig = ", ".join(map(str, sig)) if isinstance(sig, (list, tuple, np.ndarray)) else str(sig)
            head.insert(0, f"{sig} ({d['scale']})" if d.get("scale") else sig)
        if d.get("first_seen") is not None:
            head.append(f"{_fmt_time(_local(d['first_seen'], rep.tz))} .. {_fmt_time(_local(d.get('last_seen'), rep.tz))} {rep.tz}")
        if d.get("n_occasions") is not None:
            n_occ = int(d["n_occasions"])
            head.append(_n(n_occ, "thread") if d.get("scale") == "threads" else f"{n_occ} occasions")
        if d.get("scale") == "threads" and d.get("shared") == d.get("shared"):
            head.append(f"{int(d['shared'])} repliers shared by two of the threads ({_num(d['expected'], 1)} expected)")
        if d.get("score") is not None:
            head.append(f"score {_num(d['score'], 1)} (-log10 p, adjusted)")
        blocks = [("para", "; ".join(head) + ".")]
        blocks.append(("para", "accounts: " + ", ".join(f"@{a}" for a in accounts[:12]) + (" \u2026" if len(accounts) > 12 else "")))
        born = _creation_line(created, accounts, rep.tz)
        if born:
            blocks.append(("para", born))
        fp = d.get("fingerprint")
        if fp is not None:
            blocks.append(("para", "fingerprint: " + _short(" ".join(map(str, fp)) if isinstance(fp, (list, tuple)) else fp, 160)))
        texts = d.get("texts")
        if texts is not None and len(texts):
            blocks.append(("para", "sample: " + _short(list(texts)[0], 160)))
        s.card(f"group {d.get('group', '')}", blocks)
    return s


#: the method note on sentiment when a classifier labelled the posts (build_report(sentiment_model=...))
MODEL_NOTE = ("The trained classifier {model} (trendlib.SentimentClassifier; word and character n-grams, "
              "lexicon features) labels each post with its most probable class; the scrape's query terms are "
              "removed from the texts it reads; shares carry 95% Wilson intervals; net = positive share - "
              "negative share. Unlike the lexicon+rules scorer it cannot say why a post is negative "
              "(trendlib.sentiment.explain reads a post the lexicon's way).")


def _method(rep: Any) -> Section:
    s = Section("method", "Method notes")
    scorer = rep.posts.attrs.get("sentiment_scorer", "lexicon")
    for k, v in METHOD_NOTES:
        if k == "sentiment" and scorer != "lexicon":
            v = MODEL_NOTE.format(model=scorer)
        s.para(f"{k}: {v}")
    if rep.notes:
        s.para("Notes: " + " ".join(rep.notes))
    return s


def sections(rep: Any) -> list[Section]:
    """Every section of the report, in reading order."""
    out = [_summary(rep), _volume(rep), _bursts(rep), _trending(rep), _explanation(rep), _sentiment(rep),
           _tops(rep), _communities(rep), _coordination(rep)]
    out.insert(3, _topics(rep))
    out.extend([_provenance(rep), _method(rep)])
    return out
