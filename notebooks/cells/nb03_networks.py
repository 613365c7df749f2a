"""Notebook 3: co-hashtag and interaction graphs, communities, influencers, coordination found vs planted."""

from common import LOAD, PARAMETERS

CELLS = [
    ("md", """# 3. Networks: which hashtags travel together, who talks to whom, who acts in concert

Three graphs answer three questions:

* the **co-hashtag graph** (hashtags linked when used in the same post): which themes the
  conversation holds, and which hashtag sets look manufactured;
* the **interaction graph** (an account linked to the accounts it retweets, replies to and
  mentions): the audiences, their centres and their bridges;
* the **coordination** search: groups of accounts that share a fingerprint (the same text,
  the same or an overlapping hashtag set, the same retweeted post, the same link) more often
  than their own activity explains.

On the default data (the *simulated* summit corpus) the campaigns were planted, so the last
section compares what was found with what was planted, including decoys that must **not**
be flagged. Set `INPUT` to run it on your own scrape."""),
    ("code", PARAMETERS),
    ("code", LOAD),
    ("md", """## Hashtags that travel together

Edges weighted by normalised pointwise mutual information (NPMI): +1 for hashtags that
only ever appear together, 0 for independence. A popular hashtag such as `#KTTASEAN2023`
co-occurs with everything, so its NPMI links are weak; strong links point at hashtags
used as a *set*."""),
    ("code", """H = graphs.co_hashtag_graph(posts, weight="npmi", min_count=5)
edges = graphs.edges_frame(H).sort_values("weight", ascending=False)
print(f"{H.number_of_nodes()} hashtags, {H.number_of_edges()} links")
edges.head(12)"""),
    ("code", """hcom = graphs.communities(H, seed=0, weight="count")   # NPMI can be negative; communities need counts
ax = plot.network(H, communities=hcom, top=40, labels=25, weight="count", title="co-hashtag graph (NPMI), coloured by community")
plt.show()"""),
    ("md", """The strongest links are sets that nobody writes by accident: six campaign hashtags
(`#ASEAN2023Sukses`, `#JakartaSiap`, `#IndonesiaMaju`...) that always appear together, and a
four-hashtag set used within one evening. Organic hashtags of one event (`#ASEANChina` with
`#KTTASEAN2023`) are linked, but with NPMI well below 1."""),
    ("md", """## Who talks to whom

Louvain communities of the interaction graph (undirected, seeded), each summarised by its
central accounts, hashtags and sentiment."""),
    ("code", """G = graphs.interaction_graph(posts)
com = graphs.communities(G.to_undirected(), seed=0)
print(f"{G.number_of_nodes():,} accounts, {G.number_of_edges():,} links, {com['community'].nunique():,} communities; "
      f"the 10 largest hold {com.drop_duplicates('community').nlargest(10, 'size')['size'].sum() / len(com):.0%} of the accounts")
scored = sentiment.add_sentiment(posts, ignore=["ktt", "asean"])
summary = graphs.community_summary(scored, G, com, top=4)
cols = [c for c in ["community", "size", "n_posts", "top_accounts", "top_hashtags", "sentiment_positive", "sentiment_negative"] if c in summary]
summary[cols].head(10)"""),
    ("code", """if truth is not None:
    groups = truth["accounts"].set_index("account")["group"]
    big = com[com["size"] >= com.drop_duplicates("community")["size"].nlargest(10).min()]
    mix = pd.crosstab(big["community"], big["node"].map(groups), normalize="index").round(2)
    display(mix)
else:
    print("no account groups for this input")"""),
    ("md", """Retweet networks form around their centres: each large community is the audience of a
few official or media accounts. The groups are not mixed evenly: communities around the
critics' and commuters' posts hold a larger share of critics and commuters, because people
mostly share their own side's posts. The sentiment columns of the summary show it: those
communities are the negative ones."""),
    ("code", """inf = graphs.influencers(G, rank_by="pagerank", top=15)
if truth is not None:
    inf["group"] = inf["node"].map(groups)
inf"""),
    ("code", """ax = plot.network(G, communities=com, top=60, labels=15, title="interaction graph: the 60 accounts with most connections")
plt.show()"""),
    ("md", """PageRank puts the summit secretariat, the communication ministry, traffic authorities
and news outlets first: the accounts everyone retweets. A hoax account can appear in the top
list although it has few followers in the data, because its posts were retweeted by many
accounts in a short time; that is a reason to look at it, not a measure of trust."""),
    ("md", """## Coordinated accounts

`coordinated_accounts` looks for groups of accounts sharing a fingerprint near-simultaneously
(minutes to hours) or repeatedly (on several occasions over days), and scores each group by
how unlikely the sharing is given each account's own activity. Each group comes with its
evidence."""),
    ("code", """with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    found = graphs.coordinated_accounts(posts)
cols = [c for c in ["group", "n_accounts", "n_posts", "n_occasions", "signals", "scale", "fingerprint", "first_seen", "last_seen", "score"] if c in found]
print(f"{len(found)} groups, {found['n_accounts'].sum() if len(found) else 0} accounts flagged")
found[cols].head(15)"""),
    ("md", """## Found versus planted

Per planted campaign: how many of its accounts are in some flagged group (recall). Per
flagged account: was it planted as inauthentic, is it one of the trained Diskominfo accounts
(coordinated by design, legitimately), or an organic account (a false positive)? Decoys
(the viral cascade, the common replies) should be flagged rarely."""),
    ("code", """if truth is not None:
    flagged = {a for accs in found["accounts"] for a in accs} if len(found) else set()
    camp = truth["campaigns"]
    rows = []
    for _, c in camp.iterrows():
        accs = set(c["accounts"])
        rows.append({"campaign": c["campaign"], "pattern": c["pattern"], "inauthentic": c["inauthentic"],
                     "accounts": len(accs), "flagged": len(accs & flagged), "share flagged": len(accs & flagged) / max(len(accs), 1)})
    per_campaign = pd.DataFrame(rows)
    display(per_campaign.round(2))
    planted = {a for _, c in camp[camp["inauthentic"]].iterrows() for a in c["accounts"]}
    official = set(camp.loc[camp["campaign"] == "official_schedule", "accounts"].iloc[0])
    kind = pd.Series({a: "planted inauthentic" if a in planted else "official schedule" if a in official else "organic"
                      for a in flagged}, dtype=object)
    print("flagged accounts by kind:", kind.value_counts().to_dict())
    tp = len(flagged & planted)
    print(f"account-level recall {tp}/{len(planted)} = {tp / len(planted):.0%}; "
          f"precision counting the official schedule as correct {(tp + len(flagged & official)) / max(len(flagged), 1):.0%}, "
          f"counting only planted inauthentic accounts {tp / max(len(flagged), 1):.0%}")
else:
    print("no truth for this input: read the groups' evidence (fingerprint, texts, first and last seen) instead")"""),
    ("md", """How to read this on the default corpus: the ten-day hashtag set (with its superset),
the same-set burst, the hoax cluster and most of the identical-sentence and copy-paste
accounts are found. The trained Diskominfo accounts are found too, rightly (they post one
hashtag set at the same hours every day); whether that is a problem is for the analyst to
judge, and the evidence (`fingerprint`, `scale`, `first_seen`/`last_seen`) says what they
did. The weak spots are where the flagged *organic* accounts come from and what is missed:
read the largest group's members and texts. If its fingerprint is an official text and its
organic members retweeted official posts, a retweet is being counted as writing the same
text; and a planted pattern with a low share in the table (the co-retweet ring, when it is
missed) shows which signal needs work. These numbers are the detector's on this
simulation, a check to repeat whenever the detector changes."""),
    ("md", """## Reply brigades and the age of the accounts

A brigade does not always copy a text or share a hashtag set: it replies. `reply_brigades`
tests, for every pair of popular threads started by different accounts, whether their
repliers overlap more than the repliers' own activity explains (the bipartite configuration
model; docs/coordination.md). For X accounts, `tl.io.account_created` reads when each
account was made from its user id, and a campaign's accounts made in one week stand out
against the rest of the file."""),
    ("code", """with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    brigades = graphs.reply_brigades(posts)
print(f"{brigades.attrs['pairs_tested']} pairs of popular threads by different accounts tested; "
      f"{len(brigades)} brigades")
display(brigades[["n_accounts", "n_posts", "n_occasions", "thread_authors", "shared", "expected", "score"]])
created = tl.io.account_created(posts)
print(f"{int(created.notna().sum())} of {posts['author'].nunique()} accounts have a creation time in their X user id")"""),
    ("md", """On the default corpus nothing is tested: no thread of the simulation draws the 20 distinct
repliers a thread needs to be tested (the most draws 8), and its accounts are handles
without X user ids, so neither check has anything to read. On a real scrape both speak: `INPUT` set to the Danantara file after
the launch (May 2025) gives one brigade of 414 accounts answering the threads of
@genznusantara, @jedteguh03 and @reaareaa__, and 149 of those accounts were made in the same
week of October 2023, against 2% of the file's other accounts (docs/coordination.md)."""),
]
