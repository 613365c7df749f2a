"""Notebook 1: informal Indonesian text and explainable sentiment."""

from common import LOAD, PARAMETERS

CELLS = [
    ("md", """# 1. Text and sentiment: what people wrote about the summit, and how they felt

Posts about the 43rd ASEAN Summit (Jakarta, 5-7 September 2023) are written in informal
Indonesian: slang spellings (`yg`, `gak`, `udah`), stretched letters (`macettt`), typos,
emoji, hashtags in every case (`#KTTASEAN2023`, `#kttasean2023`) and English mixed in. This
notebook shows what trendlib's text pipeline makes of that, then reads the sentiment of the
posts with two scorers and asks where they disagree and why.

**Data.** By default the notebook reads the *simulated* summit corpus shipped with trendlib
(50,000 posts written from our own templates, with the intended sentiment of every post
known). No public collection of summit posts exists; the simulation lets us check the
scorers against a known truth. Set `INPUT` in the next cell to run it on your own scrape."""),
    ("code", PARAMETERS),
    ("code", LOAD),
    ("md", """## Informal text, normalised

`text.normalize` lowercases, maps slang to standard spellings, collapses stretched letters
and keeps hashtags, mentions, URLs and emoji intact. `text.tokenize` returns the tokens the
counting and scoring functions use (here with the *topic* stopword profile)."""),
    ("code", """originals = posts[~posts["is_retweet"]]
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # the back-reference group is only for matching
    informal = originals[originals["text"].str.contains(r"\\b(?:yg|gak|udah|bgt|krn)\\b|(\\w)\\1\\1\\1", regex=True)]
show = informal.sample(min(6, len(informal)), random_state=3)["text"] if len(informal) else originals["text"].head(6)
pd.DataFrame({"as written": show, "normalised": show.map(text.normalize),
              "tokens (topic profile)": show.map(lambda s: text.tokenize(s, stopwords="topic"))})"""),
    ("code", """changed = originals["text"].head(5000).map(lambda s: text.normalize(s) != s.lower())
print(f"normalisation changed more than the case in {changed.mean():.0%} of 5,000 original posts; "
      f"{len(informal) / max(len(originals), 1):.0%} of original posts carry a slang spelling or a stretched word")"""),
    ("md", """## Hashtags, segmented

A hashtag is one token but several words. Segmenting it lets `#PenutupanKTTASEAN` count
for the words *penutupan*, *ktt*, *asean* in term statistics and topic models."""),
    ("code", """top_tags = posts["hashtags"].explode().dropna().value_counts().head(15)
pd.DataFrame({"posts": top_tags, "segmented": [" ".join(text.segment_hashtag(t)) for t in top_tags.index]})"""),
    ("md", """Segmentation works from word frequencies, so Indonesian compounds split well
(`#RekayasaLaluLintas` -> *rekayasa lalu lintas*). English names are where it errs: a
partner summit hashtag such as `#ASEANCanada` may come out as *asean can ada*, because
*can* and *ada* are frequent words and *canada* is not in the word list. Check the
segmentation of the hashtags that matter to you before counting their words."""),
    ("md", """## Sentiment with explanations

The lexicon + rules scorer gives every post a polarity and a label, and can say why: each
token's contribution and each rule that fired (negation, contrast, boosters, emoji). The
words of the event itself (`ktt`, `asean`) are not opinions, so they are passed as `ignore=`."""),
    ("code", """IGNORE = ["ktt", "asean", "summit"]
scored = sentiment.add_sentiment(originals, ignore=IGNORE)
print(scored["sentiment"].value_counts(normalize=True).round(3).to_string())"""),
    ("code", """complaint = scored.loc[scored["text"].str.contains("macet|ditutup", case=False) & (scored["sentiment"] == "negative"), "text"]
example = complaint.iloc[0] if len(complaint) else scored["text"].iloc[0]
print(example)
sentiment.explain(example, ignore=IGNORE)"""),
    ("code", """sentiment.explain("Jalanan ditutup, macet parah, tapi acaranya keren banget! 👍", ignore=IGNORE)"""),
    ("md", """The second example is the hard case of event talk: a complaint and praise in one post.
The contrast rule (*tapi*) gives the clause after it more weight, so the post leans positive;
a reader would probably agree."""),
    ("md", """In political posts the opinion is often the hashtag. Read whole, `#IndonesiaGelap` is
one word in no lexicon; with `hashtags="segment"` it is read as its words, and *gelap*
(dark) counts. The report reads tags this way; the scorer's own default keeps them whole,
which is faster on a stream of new tags (see docs/sentiment_lexicon.md)."""),
    ("code", """tagged = "Anggaran rapat segede itu buat apa? #IndonesiaGelap"
print(sentiment.label(tagged), "->", sentiment.label(tagged, hashtags="segment"))
sentiment.explain(tagged, hashtags="segment")"""),
    ("md", """## Two scorers, compared

The classifier (`SentimentClassifier.pretrained()`, trained on the IndoNLU SmSA reviews,
EmoT tweets and distant labels on real tweets, with a neutral head learned from SmSA) is
the second opinion. Where the two agree, the label is safer; where they disagree, the
explanation shows which words pulled the lexicon scorer the other way."""),
    ("code", """# the classifier labels a posts table through the same function (the query words removed first)
scored["classifier"] = sentiment.add_sentiment(originals, model="multi", ignore=IGNORE)["sentiment"]
agree = (scored["sentiment"] == scored["classifier"]).mean()
print(f"the two scorers agree on {agree:.0%} of {len(scored):,} original posts")
pd.crosstab(scored["sentiment"], scored["classifier"], rownames=["lexicon+rules"], colnames=["classifier"])"""),
    ("code", """if truth is not None:
    from sklearn.metrics import f1_score
    intended = truth["posts"].set_index("id").loc[scored["id"], "sentiment"].to_numpy()
    rows = []
    for name in ("sentiment", "classifier"):
        rows.append({"scorer": {"sentiment": "lexicon+rules", "classifier": "classifier"}[name],
                     "accuracy": (scored[name].to_numpy() == intended).mean(),
                     "macro-F1": f1_score(intended, scored[name], average="macro")})
    quality = pd.DataFrame(rows).set_index("scorer").round(3)
    display(quality)
else:
    print("no truth for this input: the intended labels exist only for the simulated corpus")"""),
    ("md", """On the simulated corpus the intended label of each post is known, so the table above is an
accuracy, not an agreement. Read it with the simulation's limits in mind: the templates are
ours, and their words overlap the lexicon more than real posts do. The numbers that matter
for real data are in the sentiment pages of the documentation (SmSA, NusaX, real tweets)."""),
    ("code", """disagree = scored[scored["sentiment"] != scored["classifier"]]
cases = disagree.sample(min(4, len(disagree)), random_state=0) if len(disagree) else disagree
for _, row in cases.iterrows():
    why = sentiment.explain(row["text"], ignore=IGNORE)
    print(f"lexicon={row['sentiment']:<8} classifier={row['classifier']:<8} | {row['text'][:110]}")
    print("   ", why)"""),
    ("md", """Typical reasons for disagreement on this corpus (check them against the explanations
above): the classifier learned much of its vocabulary from product and service reviews,
so it can read announcements and questions about closures ("jalan ditutup", "dialihkan")
as complaints;
the lexicon scorer reads opinion words only, so a factual sentence stays neutral; a
discourse marker can carry a valence it does not have in context (*jujur* at the start of
a sentence, "honestly", is scored as *honest* unless a pronoun or particle follows it:
*jujur gw*, *jujur aja*); and a post that mixes a complaint with a joke or an emoji is split
between the two."""),
    ("md", """## Official and news text against casual text

Official accounts and news outlets write in a formal register: announcements and headlines,
mostly neutral by design. Casual posts carry the opinions."""),
    ("code", """if truth is not None:
    groups = truth["accounts"].set_index("account")["group"]
    scored["group"] = scored["author"].map(groups)
else:
    scored["group"] = np.where(scored["urls"].str.len() > 0, "with a link", "without a link")
share = pd.crosstab(scored["group"], scored["sentiment"], normalize="index").round(2)
share["posts"] = scored["group"].value_counts()
share.sort_values("posts", ascending=False)"""),
    ("code", """daily = sentiment.sentiment_over_time(scored, freq="1D", tz=TZ, group_by="group", ignore=IGNORE)
top_groups = scored["group"].value_counts().index[:4].tolist()
ax = plot.sentiment_timeline(daily, group=top_groups)
ax.set_title("net sentiment per day (positive minus negative share, 95% interval)")
plt.show()"""),
    ("md", """Reading the figure on the default corpus: commuters dip on 1 September, when the
closures are announced, turn clearly negative on 4 September, when they start, and stay
negative until they end on the 7th; the public dips on the 4th too and recovers with the
opening and after the closing; critics are negative throughout, most of all during the
closures; news outlets stay neutral (headlines). The intervals are wide for small groups
on quiet days: do not read a difference that the bands do not support."""),
]
