"""explain_burst() and log_odds(): Indonesian posts built here, and the real Danantara files."""

from __future__ import annotations

from collections import Counter, namedtuple

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendlib
from trendlib.trends import BurstExplanation, explain_burst, log_odds

T0 = pd.Timestamp("2023-09-05 00:00", tz="UTC")

BEFORE_TEXTS = [
    "Macet parah di Sudirman pagi ini, mending naik KRL aja",
    "Banjir lagi di Kemang, hati-hati yang lewat sana",
    "Harga cabai naik terus, ibu-ibu di pasar pada ngeluh",
    "Polusi udara Jakarta hari ini tidak sehat, pakai masker ya",
    "Transjakarta koridor 1 penuh banget sore ini",
    "Jalan Thamrin ditutup sebagian, macet sampai Bundaran HI",
    "Kualitas udara buruk, anak-anak sebaiknya di rumah saja",
    "Antrean KRL di Manggarai panjang sekali pagi ini",
]

DURING_TEXTS = [
    "Presiden membuka KTT ASEAN ke-43 di Jakarta hari ini #KTTASEAN43",
    "Delegasi negara ASEAN tiba di JCC Senayan untuk KTT ASEAN #KTTASEAN43",
    "KTT ASEAN membahas kerja sama ekonomi kawasan dan Myanmar #KTTASEAN43",
    "Pengamanan KTT ASEAN di Senayan diperketat, jalan dialihkan #KTTASEAN43",
    "Para pemimpin ASEAN sepakat memperkuat kerja sama ekonomi #KTTASEAN43",
    "Indonesia sebagai ketua ASEAN mendorong kerja sama maritim #KTTASEAN43",
    "Sekjen PBB hadir di KTT ASEAN Jakarta #KTTASEAN43",
    "Jalan sekitar Senayan ditutup selama KTT ASEAN berlangsung #KTTASEAN43",
]

CAMPAIGN = "Sukseskan KTT ASEAN 2023, Indonesia tuan rumah hebat! #KTTASEAN43"


def posts_table():
    rows = []
    for i in range(40):  # the day before: city life, no summit
        rows.append(dict(time=T0 - pd.Timedelta("20h") + pd.Timedelta(minutes=25 * i),
                         text=BEFORE_TEXTS[i % len(BEFORE_TEXTS)], author=f"warga{i % 9}", like_count=i % 4))
    rows.append(dict(time=T0 - pd.Timedelta("2h"), text="Besok KTT ASEAN dimulai #KTTASEAN43", author="wartawan",
                     like_count=3))
    for i in range(32):  # the burst: 32 summit posts in 4 hours
        rows.append(dict(time=T0 + pd.Timedelta(minutes=7 * i), text=DURING_TEXTS[i % len(DURING_TEXTS)],
                         author="kominfo" if i % 4 == 0 else f"akun{i % 7}", like_count=i))
    for i in range(8):  # a copy-paste campaign inside the burst
        rows.append(dict(time=T0 + pd.Timedelta(minutes=5 + 11 * i), text=CAMPAIGN + f" https://t.co/x{i}",
                         author=f"buzzer{i}", like_count=0))
    rows.append(dict(time=T0 + pd.Timedelta(minutes=90), text="Macet parah di Sudirman", author="warga1", like_count=500))
    rows.append(dict(time=T0 + pd.Timedelta("5h"), text="Penutupan KTT ASEAN #KTTASEAN43", author="kominfo", like_count=1))
    posts = pd.DataFrame(rows)
    posts["hashtags"] = posts["text"].map(trendlib.text.hashtags)
    posts["mentions"] = posts["text"].map(trendlib.text.mentions)
    posts["id"] = [f"p{i}" for i in range(len(posts))]
    posts["retweet_count"] = pd.array([1] * len(posts), dtype="Int64")
    posts.loc[3, "retweet_count"] = pd.NA
    posts = posts.sample(frac=1.0, random_state=3)  # order must not matter
    return posts


BURST = ("kttasean43", T0, T0 + pd.Timedelta("4h"))


@pytest.fixture(scope="module")
def ex():
    return explain_burst(posts_table(), BURST)


def test_counts_during_and_before(ex):
    c = ex.counts
    assert c.loc["during", "key_posts"] == 40
    assert c.loc["during", "posts"] == 41  # plus one unrelated post about traffic
    assert c.loc["before", "posts"] == 41
    assert c.loc["before", "key_posts"] == 1
    assert c.loc["during", "key_posts_per_hour"] == pytest.approx(10.0)
    authors = {"kominfo"} | {f"akun{i % 7}" for i in range(32) if i % 4} | {f"buzzer{i}" for i in range(8)}
    assert c.loc["during", "accounts"] == len(authors)
    assert c.loc["during", "start"] == T0 and c.loc["during", "end"] == T0 + pd.Timedelta("4h")
    assert str(c.loc["during", "start"].tz) == "Asia/Jakarta"


def test_distinctive_terms(ex):
    terms = ex.terms
    assert list(terms.columns) == ["term", "during", "before", "log_odds", "z"]
    top = set(terms["term"].head(5))
    assert {"asean", "ktt"} & top
    assert terms["z"].is_monotonic_decreasing and (terms["z"] > 0).all()
    assert (terms["during"] >= 3).all()
    # city-life words of the day before are not distinctive of the burst
    assert not {"macet", "banjir", "krl"} & set(terms["term"])
    # the key itself is left out by default, kept on request
    assert "#kttasean43" not in set(terms["term"])
    with_key = explain_burst(posts_table(), BURST, exclude_key=False)
    assert with_key.terms["term"].iloc[0] == "#kttasean43"
    # stopwords never appear; URLs never appear
    sw = trendlib.text.stopwords("topic")
    assert not sw & set(terms["term"])
    assert not any(t.startswith("http") for t in terms["term"])
    row = terms.set_index("term").loc["asean"]
    assert row["during"] == 40 and row["before"] == 1  # once per post


def test_phrases_are_collocations_of_the_burst(ex):
    ph = ex.phrases
    assert list(ph.columns) == ["phrase", "during", "before", "llr", "z"]
    assert "ktt asean" in set(ph["phrase"])
    assert "tuan rumah" in set(ph["phrase"])
    # phrases stay inside a clause: "diperketat, jalan" is not a phrase
    assert "diperketat jalan" not in set(ph["phrase"])
    assert (ph["llr"] >= 10.83).all() and (ph["z"] > 0).all()
    for phrase in ph["phrase"]:
        a, b = phrase.split(" ")
        assert a not in trendlib.text.stopwords("topic") and b not in trendlib.text.stopwords("topic")


def test_accounts_and_samples(ex):
    acc = ex.accounts
    assert acc.iloc[0]["author"] == "kominfo" and acc.iloc[0]["posts"] == 8
    assert acc["posts"].is_monotonic_decreasing
    assert acc.iloc[0]["share"] == pytest.approx(8 / 40)
    s = ex.samples
    assert list(s.columns) == ["reason", "time", "author", "text", "engagement", "copies", "id"]
    engaged = s[s["reason"] == "engaged"]
    # the most engaged key post (likes 31 + 1 retweet); the unrelated viral post is not in the burst
    assert engaged.iloc[0]["engagement"] == 32
    assert engaged["engagement"].is_monotonic_decreasing
    assert not s["text"].str.contains("Sudirman").any()
    # near-identical texts shown once, with the number of copies
    assert s["text"].str.startswith("Sukseskan").sum() <= 1
    texts = s["text"].tolist()
    assert len(set(texts)) == len(texts)
    assert set(s["reason"]) <= {"engaged", "representative"}
    assert (s[s["reason"] == "representative"]["copies"] >= 1).all()


def test_campaign_copies_counted():
    posts = posts_table()
    ex = explain_burst(posts, BURST, samples=10)
    camp = ex.samples[ex.samples["text"].str.startswith("Sukseskan")]
    assert len(camp) == 1 and camp.iloc[0]["copies"] == 8


def test_burst_forms_agree():
    posts = posts_table()
    table = pd.DataFrame({"key": ["kttasean43"], "start": [BURST[1]], "end": [BURST[2]], "level": [1]})
    Row = namedtuple("Row", "key start end")
    outs = [
        explain_burst(posts, table.iloc[0]),
        explain_burst(posts, table),
        explain_burst(posts, {"key": "#KTTASEAN43", "start": BURST[1], "end": BURST[2]}),
        explain_burst(posts, Row(*BURST)),
        explain_burst(posts, ("kttasean43", "2023-09-05 07:00", "2023-09-05 11:00")),  # naive = WIB
    ]
    for other in outs[1:]:
        pd.testing.assert_frame_equal(other.terms, outs[0].terms)
        pd.testing.assert_frame_equal(other.counts, outs[0].counts)


def test_other_keys_and_all_posts():
    posts = posts_table()
    by_author = explain_burst(posts, ("@Kominfo", T0, T0 + pd.Timedelta("4h")), key="author")
    assert by_author.counts.loc["during", "key_posts"] == 8
    assert by_author.accounts["author"].tolist() == ["kominfo"]
    by_term = explain_burst(posts, ("Senayan", T0, T0 + pd.Timedelta("4h")), key="term")
    assert by_term.counts.loc["during", "key_posts"] == 12
    assert "senayan" not in set(by_term.terms["term"])
    everything = explain_burst(posts, (None, T0, T0 + pd.Timedelta("4h")))
    assert everything.counts.loc["during", "key_posts"] == 41
    assert "all posts" in repr(everything)
    tagged = posts.copy()
    tagged["text"] = tagged["text"] + " @setkab"
    tagged["mentions"] = tagged["text"].map(trendlib.text.mentions)
    by_mention = explain_burst(tagged, ("setkab", T0, T0 + pd.Timedelta("1h")), key="mention")
    assert "@setkab" not in set(by_mention.terms["term"])


def test_token_column_is_used():
    posts = posts_table()
    posts["tokens"] = posts["text"].map(lambda t: ["kata"] * 3 + trendlib.text.tokenize(t))
    a = explain_burst(posts, BURST)
    assert "kata" not in set(a.terms["term"])  # in every post: not distinctive
    posts["tokens"] = posts.apply(lambda r: (["penanda"] if "KTT" in r["text"] else []) + trendlib.text.tokenize(r["text"]), axis=1)
    b = explain_burst(posts, BURST)
    assert "penanda" in set(b.terms["term"])


def test_repr_and_html(ex):
    text = repr(ex)
    assert text.startswith("BurstExplanation: #kttasean43")
    assert "WIB" in text and "asean" in text and "kominfo" in text
    assert len(text.splitlines()) <= 6 + len(ex.samples)
    html = ex._repr_html_()
    assert "<table" in html and "kttasean43" in html and "ktt asean" in html
    assert isinstance(ex, BurstExplanation)


@pytest.mark.parametrize(
    "kwargs, burst, err, match",
    [
        ({}, ("kttasean43", T0 + pd.Timedelta("30D"), T0 + pd.Timedelta("31D")), ValueError, "no posts with #kttasean43"),
        ({"before": "1min", "min_before": 0}, ("kttasean43", T0 - pd.Timedelta("30D"), T0), ValueError,
         "no posts in the reference period"),
        ({"before": "-1h"}, BURST, ValueError, "'before' parameter"),
        ({"before": "seminggu"}, BURST, ValueError, "'before' parameter of explain_burst"),
        ({"key": "tag"}, BURST, ValueError, "'key' parameter of explain_burst"),
        ({"min_before": -1}, BURST, ValueError, "'min_before' parameter"),
        ({"top": 0}, BURST, ValueError, "'top' parameter"),
        ({"min_similarity": 1.5}, BURST, ValueError, "'min_similarity' parameter"),
        ({}, ("kttasean43", T0), ValueError, "'burst' parameter"),
        ({}, ("kttasean43", T0, T0), ValueError, "end > start"),
        ({}, ("kttasean43", "kemarin", T0), ValueError, "start/end"),
        ({}, {"key": "kttasean43", "start": T0}, ValueError, "'burst' parameter"),
    ],
)
def test_errors(kwargs, burst, err, match):
    with pytest.raises(err, match=match):
        explain_burst(posts_table(), burst, **kwargs)


def test_reference_period_must_hold_posts():
    posts = posts_table()
    only_burst = posts[(posts["time"] >= T0) & (posts["time"] < T0 + pd.Timedelta("4h"))]
    with pytest.raises(ValueError, match="reference period"), pytest.warns(UserWarning, match="holds only 0 posts"):
        explain_burst(only_burst, BURST)


def test_thin_reference_warns_says_how_many_and_widens():
    posts = posts_table()
    # the scrape starts 5 hours before the burst: 4 city posts and the eve-of-summit post
    thin = posts[posts["time"] >= T0 - pd.Timedelta("5h")]
    n_before = int((thin["time"] < T0).sum())
    assert n_before == 5
    with pytest.warns(UserWarning, match=r"holds only 5 posts \(fewer than min_before=30\).*compared it with the "
                                         r"6 posts outside the burst instead"):
        ex = explain_burst(thin, BURST)
    assert ex.params["reference"] == "outside" and ex.params["before_posts"] == 5
    assert ex.counts.loc["before", "posts"] == 6  # the 5 before and the closing post after
    assert "outside:" in repr(ex)
    # min_before=0 keeps the thin period, without a word
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kept = explain_burst(thin, BURST, min_before=0)
    assert kept.params["reference"] == "before" and kept.counts.loc["before", "posts"] == 5
    # nothing else to compare with: kept, and the warning says so
    only = thin[thin["time"] < T0 + pd.Timedelta("4h")]
    with pytest.warns(UserWarning, match="kept it"):
        assert explain_burst(only, BURST).params["reference"] == "before"


def test_concentration_of_the_burst_accounts(ex):
    c = ex.counts.loc["during"]
    # 40 key posts: kominfo 8, akun1..akun6 24 between them, 8 buzzers one each
    assert c["top_account_share"] == pytest.approx(8 / 40)
    assert 1 < c["effective_accounts"] <= c["accounts"]
    spam = posts_table()
    spam.loc[spam["text"].str.contains("KTTASEAN43") & (spam["time"] >= T0), "author"] = "Bot_KTT"
    one = explain_burst(spam, BURST).counts.loc["during"]
    assert one["accounts"] == 1 and one["effective_accounts"] == 1.0 and one["top_account_share"] == 1.0


def test_missing_columns():
    posts = posts_table()
    with pytest.raises(trendlib.SchemaError, match="hashtags"):
        explain_burst(posts.drop(columns="hashtags"), BURST)
    with pytest.raises(trendlib.SchemaError, match="text"):
        explain_burst(posts.drop(columns="text"), BURST)


def test_top_level_name():
    assert trendlib.explain_burst is explain_burst


# -- log_odds ---------------------------------------------------------------------------

counts_st = st.dictionaries(st.sampled_from(list("abcdefghij")), st.integers(0, 50), min_size=2)


@given(a=counts_st, b=counts_st)
def test_log_odds_is_antisymmetric(a, b):
    if sum(a.values()) == 0 or sum(b.values()) == 0 or len({k for k in a if a[k]} | {k for k in b if b[k]}) < 2:
        with pytest.raises(ValueError, match="log_odds"):
            log_odds(a, b)
        return
    ab = log_odds(a, b)
    ba = log_odds(b, a)
    np.testing.assert_allclose(ab["z"], -ba["z"].reindex(ab.index), atol=1e-9)


@given(rate=st.integers(1, 9), na=st.integers(1, 20), nb=st.integers(1, 20))
def test_log_odds_equal_rates_give_zero(rate, na, nb):
    a = {"sama": rate * na, "lain": (10 - rate) * na}
    b = {"sama": rate * nb, "lain": (10 - rate) * nb}
    assert log_odds(a, b)["z"].abs().max() < 1e-9


def test_log_odds_counts_matter():
    # twice in A and never in B is less distinctive than 200 times in A and never in B
    a = Counter({"jarang": 2, "ramai": 200, "umum": 1000})
    b = Counter({"umum": 1200})
    t = log_odds(a, b)
    assert t.loc["ramai", "z"] > t.loc["jarang", "z"] > 0
    assert t.index[0] == "ramai"
    with pytest.raises(ValueError, match="both corpora"):
        log_odds({"a": 1}, {"a": 0})
    with pytest.raises(ValueError, match="two distinct terms"):
        log_odds({"a": 1, "b": 0}, {"a": 3})
    with pytest.raises(ValueError, match="non-negative"):
        log_odds({"a": -1, "b": 3}, {"a": 1})
    bg = log_odds(a, b, background={"umum": 10000, "ramai": 10})
    assert bg.loc["ramai", "z"] > 0


# -- real data --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def danantara(data_file):
    import warnings

    files = [data_file("tweets_danantara_2025", f"danantara_{p}.csv") for p in ("pra", "day", "pasca")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.concat([trendlib.read_posts(f) for f in files], ignore_index=True)


def test_danantara_launch_day_burst(danantara):
    counts = trendlib.count(danantara, key="hashtag", freq="1h")
    tag = counts[counts["key"] == "danantarabangunnegeri"].set_index("time")
    share = tag["count"] / tag["total"].where(tag["total"] > 0)
    hot = share[share > 0.5].index  # hours the campaign dominated
    assert len(hot) >= 2
    start, end = hot.min(), hot.max() + pd.Timedelta("1h")
    ex = explain_burst(danantara, ("danantarabangunnegeri", start, end))
    assert ex.counts.loc["during", "key_posts"] > 1000
    assert ex.counts.loc["before", "posts"] > 1000
    words = list(ex.terms["term"]) + [w for p in ex.phrases["phrase"] for w in p.split()]
    assert any("danantara" in w for w in words)
    assert any(p.startswith("danantara ") or p.endswith(" danantara") for p in ex.phrases["phrase"])
    assert ex.terms["z"].iloc[0] > 5
    # the opposition hashtag of the days before is not what the burst said
    assert "#indonesiagelap" not in set(ex.terms["term"])
    # campaign copies are collapsed in the samples
    assert ex.samples["text"].is_unique and len(ex.samples) >= 3


def _nltk_phrases(during, before, stop, own, min_count, top, prior):
    """The phrase table as trendlib computed it with NLTK's collocation finder (the reference)."""
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    from trendlib.trends._evidence import _LLR_MIN, _is_content

    cols = ["phrase", "during", "before", "llr", "z"]
    docs = [list(ts) for cl in during for ts in cl if len(ts) > 1]
    if not docs:
        return pd.DataFrame(columns=cols)
    finder = BigramCollocationFinder.from_documents(docs)
    # the log-odds compares every bigram of the burst with every bigram before it (taken
    # before NLTK's filters shrink ngram_fd in place: 0.1 compared the filtered ones)
    all_during = Counter({" ".join(bg): c for bg, c in finder.ngram_fd.items() if None not in bg})
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda w: w is None or not _is_content(w, stop) or w == own)
    scored = [(bg, llr) for bg, llr in finder.score_ngrams(BigramAssocMeasures.likelihood_ratio) if llr >= _LLR_MIN]
    if not scored:
        return pd.DataFrame(columns=cols)
    fd_during = finder.ngram_fd
    fd_before = Counter(" ".join(bg) for cl in before for ts in cl for bg in zip(ts, ts[1:]))
    z = log_odds(all_during, fd_before, prior=prior)["z"]
    rows = [(" ".join(bg), int(fd_during[bg]), int(fd_before.get(" ".join(bg), 0)), float(llr),
             float(z.get(" ".join(bg), np.nan))) for bg, llr in scored]
    rows = [r for r in rows if not r[4] <= 0]
    table = pd.DataFrame(rows, columns=cols)
    return table.sort_values(["z", "llr"], ascending=False, kind="mergesort").head(top).reset_index(drop=True)


@pytest.mark.parametrize("min_count", [2, 3])
def test_phrases_equal_nltk_collocation_finder_on_real_posts(min_count):
    # the numpy bigram likelihood ratio gives NLTK's table: same phrases, counts, scores, order
    from trendlib.datasets import load_sample_posts
    from trendlib.text import stopwords, tokenize
    from trendlib.trends._evidence import _phrases

    posts = load_sample_posts()
    clauses = posts["text"].map(lambda t: [tokenize(p) for p in t.split(". ") if tokenize(p)])
    half = len(posts) // 2
    during, before = clauses.iloc[half:], clauses.iloc[:half]
    stop = stopwords("topic")
    ours = _phrases(during, before, stop, "kttasean2023", min_count, 15, None)
    ref = _nltk_phrases(during, before, stop, "kttasean2023", min_count, 15, None)
    assert len(ref) > 3
    pd.testing.assert_frame_equal(ours, ref, check_dtype=False)
