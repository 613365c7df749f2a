"""Notebook 0: the walkthrough of every stage on the 200-post sample (kept from 0.1, new parameter names)."""

CELLS = [
    ("md", """# KTT ke-43 ASEAN: summit discourse end to end with trendlib

Before the 43rd ASEAN Summit (Jakarta, 5-7 September 2023, *ASEAN Matters: Epicentrum of Growth*)
government social-media managers wanted to know which hashtags trend and when they burst, what
people feel, who talks to whom, and which clusters amplify — organically or in coordination.

This notebook (notebook 0: every stage once) answers each question on the bundled sample (200 posts we wrote ourselves in
tweet-harvest format, 29 Aug - 8 Sep 2023). Point `read_posts` at your own scrape to run it on real data."""),
    ("code", """# Parameters (papermill): None reads the bundled 200-post sample; a path reads your own file.
INPUT = None"""),
    ("code", """%matplotlib inline
import warnings
import pandas as pd
import trendlib as tl
from trendlib import text, sentiment, graphs, plot
pd.set_option("display.max_colwidth", 80)"""),
    ("md", """## 1. Read the posts

`read_posts` detects the format (tweet-harvest CSV, twarc2 JSONL, snscrape, twarc-csv, TikTok
exports, generic tables) and returns one canonical table. What it noticed is in `posts.attrs`."""),
    ("code", """posts = tl.datasets.load_sample_posts() if INPUT is None else tl.read_posts(INPUT)
print(posts.attrs["format"], len(posts), "posts")
posts[["id", "time", "author", "text", "hashtags", "mentions", "is_retweet"]].head()"""),
    ("md", """## 2. Informal Indonesian text

Normalisation maps slang, elongation and digit reduplication to standard forms but keeps
hashtags, mentions, URLs and emoji. Hashtags are segmented into words; stemming is Sastrawi's
algorithm with a set-backed dictionary and a memo."""),
    ("code", """s = "Macet bangettt gara2 KTT, yg lewat Senayan ga bisa lewat 😤 #KTTASEAN2023 @TMC_lalin_jkt"
print(text.normalize(s))
print(text.tokenize(s, stopwords="topic"))
print([(t.kind, t.text, t.norm) for t in text.tokens(s)][:6])
print(text.segment_hashtag("KTTASEAN2023"), text.segment_hashtag("IndonesiaBisa"))
print(text.stem("pembangunan"), text.stem("diselenggarakan"))"""),
    ("md", """## 3. What people feel

The lexicon+rules scorer is explainable: every token's contribution and every rule that fired
(negation, contrast, boosters, emoji...) can be shown. Shares per day come with Wilson intervals so
that a small day is not over-read."""),
    ("code", """posts = sentiment.add_sentiment(posts)
print(posts["sentiment"].value_counts())
sentiment.explain("Jalanan ditutup, macet parah, tapi acaranya keren banget! 👍")"""),
    ("code", """daily = sentiment.sentiment_over_time(posts, freq="1D", tz="WIB")
ax = plot.sentiment_timeline(daily)
daily.set_index("time")[["n", "share_positive", "share_negative", "net", "net_low", "net_high"]].round(2)"""),
    ("code", """clf = tl.SentimentClassifier.pretrained()   # SmSA + EmoT (Apache-2.0) + distant labels on real tweets; NPZ/JSON
clf.predict(["Pembukaan KTT ASEAN berjalan lancar, bangga!", "Macet total gara-gara penutupan jalan, kesel"])"""),
    ("md", """## 4. Which hashtags burst, and when

Counts per bin per hashtag (zero-filled, with total volume per bin), then Kleinberg's burst
detection (exact Viterbi). Intervals are half-open `[start, end)`; level 0 is the baseline."""),
    ("code", """counts = tl.count(posts, key="hashtag", freq="3h", tz="WIB")
bursts = tl.detect_bursts(counts, method="kleinberg")
bursts"""),
    ("code", """ax = plot.timeline(counts, bursts, top=3)"""),
    ("code", """ax = plot.burst_chart(bursts)"""),
    ("md", """## 5. What was trending at the peak, and why

`trending` scores each hashtag's velocity and acceleration against an hour-of-day baseline, with a
novelty bonus. `explain_burst` compares what was said during the burst with the week before:
distinctive terms (log-odds with an informative prior), collocations, top accounts, sample posts."""),
    ("code", """peak = bursts.iloc[0]
tl.trending(counts, at=peak["peak_time"], window="3h", baseline="7D", tz="WIB")"""),
    ("code", """why = tl.explain_burst(posts, peak)
why"""),
    ("md", """## 6. Who talks to whom

The interaction graph links an author to the accounts they mention, reply to and retweet.
Louvain communities (seeded), a per-community summary, PageRank influencers."""),
    ("code", """G = graphs.interaction_graph(posts, kind="all")
com = graphs.communities(G.to_undirected(), seed=0)
graphs.community_summary(posts, G, com)[["community", "size", "n_posts", "top_nodes", "top_hashtags"]].head()"""),
    ("code", """graphs.influencers(G, rank_by="pagerank", top=8)"""),
    ("code", """ax = plot.network(G, communities=com, top=15)"""),
    ("code", """H = graphs.co_hashtag_graph(posts, weight="npmi", min_count=2)
graphs.edges_frame(H).sort_values("weight", ascending=False).head()"""),
    ("md", """## 7. Organic or coordinated?

Groups of distinct accounts that post the same or near-identical normalised text (or the same
hashtag set) within a minute. The sample has one planted buzzer cluster."""),
    ("code", """groups = graphs.coordinated_accounts(posts, window="1min", min_accounts=3)
groups[["group", "n_accounts", "n_posts", "first_seen", "score", "texts"]]"""),
    ("md", """## 8. Everything at once

`build_report` chains all of the above; `python -m trendlib report --out report/` does the same
from a terminal and writes CSV tables, GEXF networks (Gephi timeline) and PNG figures."""),
    ("code", """from trendlib.report import build_report
rep = build_report(posts)
print(rep.to_text()[:1500])"""),
    ("md", """## 9. On a real scrape (when the data home is set)

With `TRENDLIB_DATA_HOME` pointing at the public datasets, the same calls run on the real
Danantara launch scrape (Feb 2025): the `#DanantaraBangunNegeri` campaign is the strongest burst once
counts are normalised by total volume."""),
    ("code", """import os
home = tl.datasets.get_data_home()
if (home / "tweets_danantara_2025").is_dir():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        real = tl.datasets.load_tweets("tweets_danantara_2025")
    c = tl.count(real, key="hashtag", freq="1h", normalize=True)
    print(tl.detect_bursts(c, normalize=True).head(5)[["key", "start", "end", "peak_count"]])
else:
    print("data home not set: skipping the real-data cell")"""),
]
