"""Notebook 4: the campaign report a government communications team would read."""

from common import LOAD, PARAMETERS

CELLS = [
    ("md", """# 4. Campaign report: did the summit trend, who pushed it, how did it feel, what about the hoaxes?

On 29 August 2023 more than 400 government social-media managers (100 on site, 300+
online, among them Diskominfo Mimika in Papua Tengah) were trained with one stated aim:
bring summit content onto the trending list and counter hoaxes. Afterwards the most
active disseminators were given awards. This notebook reads the campaign the way its
organisers would want it read, and the way a sceptic would:

1. did the summit hashtags reach the trending list, and when;
2. who pushed them: the trained government accounts, organic users, or the amplification cluster;
3. with what sentiment, community by community;
4. where the hoaxes appeared and how far the rebuttals reached.

**Data.** The default is the *simulated* summit corpus (invented accounts and text following
the public timeline; a simulation, so the answers describe the simulation, not the real
event). Set `INPUT` to read your own scrape; sections that need the account groups of the
simulation fall back to what any scrape holds."""),
    ("code", PARAMETERS),
    ("code", LOAD),
    ("md", """## 1. Did the summit hashtags trend, and when?

The trending list is computed every hour (one-hour window, ranked by distinct accounts
against each hashtag's own hour-of-day history); "reaching the list" means the top 3, as the
corpus holds only a few dozen hashtags with enough posts to rank."""),
    ("code", """counts = tl.count(posts, key="hashtag", freq=FREQ, tz=TZ, min_count=5)
# every hour with posts (a scrape may have gaps), at most the 14 x 24 busiest ones
per_hour = counts.groupby("time")["total"].first()
active = per_hour[(per_hour > 0) & (per_hour.index >= per_hour.index.min() + pd.Timedelta("12h"))]
hours = active.nlargest(14 * 24).index.sort_values() if len(active) > 14 * 24 else active.index
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    ranks = pd.concat([tl.trending(counts, at=h, window="1h", top=3).assign(hour=h) for h in hours], ignore_index=True)
if truth is not None:
    summit_tags = ["kttasean2023", "asean2023", "aseanindonesia2023", "aseanmatters", "siapsukseskankttasean",
                   "penutupankttasean", "penghargaankttasean", "asean2023sukses"]
else:
    summit_tags = posts["hashtags"].explode().value_counts().head(8).index.tolist()
rows = []
for tag in summit_tags:
    r = ranks[ranks["key"] == tag]
    rows.append({"hashtag": "#" + tag, "posts": int(posts["hashtags"].map(lambda t: tag in t).sum()),
                 "hours in top 3": len(r), "best rank": int(r["rank"].min()) if len(r) else None,
                 "first hour in top 3": r["hour"].min() if len(r) else None})
reached = pd.DataFrame(rows)
reached"""),
    ("code", """tags = summit_tags[:5]
fig, ax = plt.subplots(figsize=(11, 3))
for i, tag in enumerate(tags):
    hrs = ranks.loc[ranks["key"] == tag, "hour"]
    ax.scatter(hrs, [i] * len(hrs), s=8)
ax.set_yticks(range(len(tags)), ["#" + t for t in tags])
ax.set_title("hours in which each hashtag was in the trending top 3")
plt.show()"""),
    ("md", """Reading it on the default corpus: `#KTTASEAN2023` is on the list most of the time (it is the
event's hashtag), but the official set `#ASEAN2023` / `#ASEANIndonesia2023` enters it every
day at the same hours from 30 August: the schedule the trained accounts keep, not a surge of
public interest. The training day, the closing and the awards each reach the list with their
own hashtag, on their day. The amplification cluster's own set (`#ASEAN2023Sukses`) never
does: 64 posts by three accounts over ten days are too few accounts to trend when the list
counts accounts, not posts."""),
    ("md", """## 2. Who pushed them?

Posts carrying each summit hashtag, by the kind of account that wrote them (the
simulation's account groups; on your own data the same question is answered with the
communities and the coordinated groups of notebook 3)."""),
    ("code", """if truth is not None:
    groups = truth["accounts"].set_index("account")["group"]
    kind = posts["author"].map(groups).replace({"ministry": "trained government", "diskominfo": "trained government",
                                                 "public": "organic", "commuter": "organic", "critic": "organic",
                                                 "amplifier": "amplification cluster", "hoax": "hoax cluster"})
    exploded = posts.assign(kind=kind.to_numpy())[["hashtags", "kind", "is_retweet"]].explode("hashtags")
    exploded = exploded[exploded["hashtags"].isin(summit_tags)]
    who = pd.crosstab(exploded["hashtags"], exploded["kind"], normalize="index").round(2).loc[summit_tags]
    ax = who.plot.barh(stacked=True, figsize=(9, 4), title="who posted each summit hashtag (share of its posts)")
    ax.legend(loc="lower right", fontsize=8)
    plt.show()
    display(who)
else:
    top_accounts = posts.explode("hashtags").query("hashtags in @summit_tags").groupby("hashtags")["author"].agg(
        lambda a: a.value_counts().head(10).sum() / len(a))
    print("share of each hashtag's posts written by its 10 most active accounts:")
    display(top_accounts.round(2))"""),
    ("code", """if truth is not None:
    gov = posts[posts["author"].map(groups).eq("diskominfo").to_numpy()]
    gl = gov["time"].dt.tz_convert(TZ)
    per_day = gl.dt.date.value_counts().sort_index()
    before = per_day[per_day.index < pd.Timestamp("2023-08-30").date()].mean()
    after = per_day[per_day.index >= pd.Timestamp("2023-08-30").date()].mean()
    print(f"Diskominfo accounts: {before:.0f} posts per day before the training, {after:.0f} after ({after / before:.1f}x)")
    fig, axes = plt.subplots(1, 2, figsize=(11, 3))
    per_day.plot.bar(ax=axes[0], color="tab:blue", title="Diskominfo posts per day")
    pub = posts[posts["author"].map(groups).eq("public").to_numpy()]["time"].dt.tz_convert(TZ).dt.hour.value_counts(normalize=True).sort_index()
    gl.dt.hour.value_counts(normalize=True).sort_index().plot(ax=axes[1], label="Diskominfo", marker="o")
    pub.plot(ax=axes[1], label="public", marker=".")
    axes[1].set_title("hour of day (share of posts)"); axes[1].legend()
    plt.tight_layout(); plt.show()"""),
    ("md", """The training worked as trained: after 29 August the Diskominfo accounts post several
times more, at four fixed hours (the spikes at 08, 12, 16 and 20 WIB against the public's
smooth evening curve), always with the official hashtag set. That is what lifted the
official hashtags onto the list at those hours. The amplification cluster is small in
posts; its weight is in sets and sentences repeated by the same few accounts (notebook 3)."""),
    ("md", """## 3. Sentiment per community

Communities of the interaction graph (who retweets, replies to and mentions whom), with the
share of negative and positive posts written by their members and a 95% Wilson interval."""),
    ("code", """G = graphs.interaction_graph(posts)
com = graphs.communities(G.to_undirected(), seed=0)
scored = sentiment.add_sentiment(posts[~posts["is_retweet"]], ignore=["ktt", "asean"])
scored["community"] = scored["author"].map(com.set_index("node")["community"])
largest = com.drop_duplicates("community").nlargest(8, "size")["community"]
def wilson(k, n, z=1.96):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half
rows = []
for c in largest:
    part = scored[scored["community"] == c]
    n = len(part)
    neg = int((part["sentiment"] == "negative").sum()); pos = int((part["sentiment"] == "positive").sum())
    lo, hi = wilson(neg, n)
    centres = graphs.influencers(G.subgraph(com.loc[com["community"] == c, "node"]), rank_by="pagerank", top=2)["node"].tolist()
    rows.append({"community": c, "accounts": int((com["community"] == c).sum()), "posts": n, "centre": ", ".join(centres),
                 "positive": pos / n, "negative": neg / n, "negative 95% CI": f"{lo:.2f}-{hi:.2f}"})
by_community = pd.DataFrame(rows).sort_values("negative", ascending=False)
by_community.round(2)"""),
    ("md", """The communities differ more than their intervals: the most negative ones gather around
the communication ministry and the traffic authority, the accounts that commuters and
critics answered during the closures; the audiences of the summit secretariat and the
foreign ministry are the most positive. A single national
sentiment number would hide exactly the split a communications team needs to see."""),
    ("md", """## 4. Hoaxes and rebuttals

Where each hoax appeared, how fast it spread, when the rebuttal came and how far it
reached (distinct accounts that posted or retweeted it)."""),
    ("code", """if truth is not None:
    tp = truth["posts"]
    hx = truth["hoaxes"].copy()
    hx["hours to rebuttal"] = ((hx["rebutted"] - hx["first_seen"]).dt.total_seconds() / 3600).round(1)
    hx["rebuttal reach / hoax reach"] = (hx["rebuttal_accounts"] / hx["hoax_accounts"]).round(2)
    display(hx[["hoax", "hashtag", "first_seen", "rebutted", "hours to rebuttal", "n_hoax_posts", "n_hoax_retweets",
                "hoax_accounts", "n_rebuttal_posts", "n_rebuttal_retweets", "rebuttal_accounts", "rebuttal reach / hoax reach"]])
    import matplotlib.dates as mdates
    fig, axes = plt.subplots(1, len(hx), figsize=(12, 3), sharey=True)
    for ax, (_, h) in zip(np.atleast_1d(axes), hx.iterrows()):
        for role, colour in (("hoax", "tab:red"), ("rebuttal", "tab:green")):
            sel = posts[((tp["hoax"] == h["hoax"]) & (tp["role"] == role)).to_numpy()]
            s = sel.set_index(sel["time"].dt.tz_convert(TZ))["id"].resample("1h").count().cumsum()
            ax.plot(s.index, s.to_numpy(), color=colour, label=role)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=4))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\\n%H:%M", tz=TZ))
        ax.set_title("#" + h["hashtag"]); ax.legend(fontsize=8)
    axes[0].set_ylabel("posts + retweets (cumulative)")
    plt.tight_layout(); plt.show()
else:
    rebut = posts[posts["text"].str.contains(r"\\bhoa(?:ks|x)\\b", case=False, regex=True)]
    print(f"{len(rebut)} posts mention 'hoaks'/'hoax'")
    if len(rebut):
        rebut.set_index(rebut["time"].dt.tz_convert(TZ))["id"].resample("1D").count().plot(title="posts mentioning hoaks per day")
        plt.show()"""),
    ("code", """if truth is not None:
    hoax_rt = posts[(tp["role"].eq("hoax") & posts["is_retweet"]).to_numpy()]
    reb_rt = posts[(tp["role"].eq("rebuttal") & posts["is_retweet"]).to_numpy()]
    cm = com.set_index("node")["community"]
    hc, rc = hoax_rt["author"].map(cm).value_counts(), reb_rt["author"].map(cm).value_counts()
    reach = pd.DataFrame({"hoax retweets": hc, "rebuttal retweets": rc}).fillna(0).astype(int)
    reach = reach.sort_values("hoax retweets", ascending=False).head(8)
    both = set(hoax_rt["author"]) & set(reb_rt["author"])
    print(f"{len(set(hoax_rt['author'])):,} accounts retweeted a hoax; {len(set(reb_rt['author'])):,} retweeted a rebuttal; "
          f"{len(both)} did both")
    display(reach)"""),
    ("md", """On the default corpus each hoax is rebutted within half a day, by two or three dozen
official accounts posting the same fact-check. The rebuttal of the most viral hoax (the
"lockdown") reached about a third as many accounts as the hoax; the others did better.
Where they went matters more than how many: most hoax retweets come from one community,
the audience of the hoax accounts, where the rebuttals hardly arrived, and only a handful
of accounts retweeted both. A rebuttal that only the already-informed retweet is the
pattern fact-checkers describe; the table above shows the community a second message
(or a local voice inside it) would have to reach."""),
    ("md", """## Summary"""),
    ("code", """lines = [f"Posts: {len(posts):,} by {posts['author'].nunique():,} accounts ({source})."]
top_tag = reached.sort_values("hours in top 3", ascending=False).iloc[0]
lines.append(f"Most persistent summit hashtag on the trending list: {top_tag['hashtag']} ({top_tag['hours in top 3']} hours in the top 3).")
if truth is not None:
    lines.append(f"Trained government accounts wrote {who.get('trained government', pd.Series(0)).mean():.0%} of the summit-hashtag posts on average "
                 f"(per hashtag), organic accounts {who.get('organic', pd.Series(0)).mean():.0%}.")
    lines.append(f"Hoaxes: {len(hx)}; median {hx['hours to rebuttal'].median():.1f} h to the first rebuttal; rebuttals reached "
                 f"{hx['rebuttal reach / hoax reach'].median():.0%} as many accounts as the hoaxes.")
lines.append(f"Most negative community: around {by_community.iloc[0]['centre']} ({by_community.iloc[0]['negative']:.0%} negative, "
             f"against {by_community['negative'].median():.0%} in the median large community).")
print("\\n".join(lines))"""),
]
