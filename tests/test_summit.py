"""The simulated summit corpus: schema, determinism, truth consistency, planted bursts found."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trendlib as tl
from trendlib._keys import account_key
from trendlib.datasets import load_summit, make_summit_corpus
from trendlib.datasets._summit import SUMMIT_FILES, write_summit
from trendlib.io._schema import CANONICAL_COLUMNS

DATA = Path(tl.datasets.__file__).parent / "data"


@pytest.fixture(scope="module")
def summit():
    return load_summit(return_truth=True)


@pytest.fixture(scope="module")
def small():
    return make_summit_corpus(n_posts=6_000, seed=7)


def test_schema_is_canonical(summit):
    posts, _ = summit
    assert list(posts.columns[: len(CANONICAL_COLUMNS)]) == list(CANONICAL_COLUMNS)
    assert str(posts["time"].dtype) == "datetime64[ns, UTC]"
    for c in ("like_count", "retweet_count", "reply_count", "quote_count"):
        assert str(posts[c].dtype) == "Int64"
    assert posts["is_retweet"].dtype == bool
    assert posts["id"].is_unique
    assert posts["time"].is_monotonic_increasing
    start, end = pd.Timestamp("2023-08-27 17:00", tz="UTC"), pd.Timestamp("2023-09-09 17:00", tz="UTC")
    assert posts["time"].min() >= start and posts["time"].max() < end
    # the ids are snowflakes: their time bits agree with the time column (to the second)
    ms = (posts["id"].astype("int64").to_numpy() >> 22) + 1288834974657
    assert (ms // 1000 == posts["time"].astype("int64").to_numpy() // 10**9).all()


def test_authors_are_account_keys(summit):
    posts, truth = summit
    assert (posts["author"] == posts["author_name"].map(account_key)).all()
    assert posts["author_name"].str.contains("[A-Z]").any()  # display case is kept
    assert set(posts["author"]) <= set(truth["accounts"]["account"])
    accounts = set(truth["accounts"]["account"])
    assert set(posts["reply_to"].dropna()) <= accounts
    assert set(posts["mentions"].explode().dropna()) <= accounts


def test_list_columns_agree_with_the_text(summit):
    posts, _ = summit
    sample = posts.sample(3000, random_state=0)
    for text, tags, mentions in zip(sample["text"], sample["hashtags"], sample["mentions"]):
        assert tags == list(dict.fromkeys(t.lower() for t in re.findall(r"#(\w+)", text)))
        assert set(mentions) == {m.lower() for m in re.findall(r"@(\w+)", text)}


def test_retweets_and_replies_point_at_real_posts(summit):
    posts, _ = summit
    by_id = posts.set_index("id")
    rts = posts[posts["is_retweet"]]
    assert 0.15 < len(rts) / len(posts) < 0.25
    src = by_id.loc[rts["retweet_of"]]
    assert (src["time"].to_numpy() <= rts["time"].to_numpy()).all()
    assert (rts["text"].to_numpy() == ("RT @" + src["author_name"] + ": " + src["text"]).to_numpy()).all()
    assert not src["is_retweet"].any()
    replies = posts[posts["reply_to"].notna()]
    conv = by_id.loc[replies["conversation_id"]]
    assert (conv["author"].to_numpy() == replies["reply_to"].to_numpy()).all()


def test_replies_speak_to_their_threads_story(summit):
    # a model of which words belong to which story, learnt on the original posts, reads
    # the story of about half the organic replies from their own words (0.45 on the
    # shipped corpus; 60% speak to their story, the rest are reactions); when every reply
    # was a reaction drawn by sentiment alone it read 0.14
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    posts, truth = summit
    tp = truth["posts"]
    original = (tp["role"] == "original").to_numpy()
    reply = ((tp["role"] == "reply") & tp["campaign"].eq("") & tp["hoax"].eq("")).to_numpy()
    story = tp["topic"].str.split(":").str[0].to_numpy()
    texts = posts["text"].str.replace(r"@\w+", " ", regex=True)
    vec = TfidfVectorizer(min_df=2, sublinear_tf=True)
    model = LogisticRegression(max_iter=1000, C=10).fit(vec.fit_transform(texts[original]), story[original])
    read = model.predict(vec.transform(texts[reply]))
    assert (read == story[reply]).mean() > 0.4


def test_text_is_varied_indonesian(summit):
    posts, truth = summit
    originals = posts[~posts["is_retweet"] & truth["posts"]["campaign"].eq("").to_numpy()]
    # organic text is not a handful of templates: most original texts are distinct
    assert originals["text"].nunique() / len(originals) > 0.6
    low = originals["text"].str.lower()
    for marker in (r"\byg\b", r"\bgak\b", r"\budah\b", "ttt", "🇮🇩", r"\bliterally\b", "wkwk"):
        assert low.str.contains(marker).sum() >= 20, marker
    tags = originals["text"].str.extractall(r"#(\w+)")[0]
    variants = tags[tags.str.lower() == "kttasean2023"].unique()
    assert len(variants) >= 3  # the same hashtag written in several cases


def test_truth_is_consistent(summit):
    posts, truth = summit
    tp = truth["posts"]
    assert (tp["id"].to_numpy() == posts["id"].to_numpy()).all()
    assert set(tp["sentiment"]) == {"positive", "negative", "neutral"}
    groups = truth["accounts"].set_index("account")["group"]
    assert (posts["author"].map(groups).to_numpy() == tp["group"].to_numpy()).all()
    camp = truth["campaigns"].set_index("campaign")
    for name, row in camp.iterrows():
        mine = posts[tp["campaign"].eq(name).to_numpy()]
        assert len(mine) == row["n_posts"] > 0, name
        assert set(mine["author"]) <= set(row["accounts"]), name
        assert mine["time"].min() >= row["first_seen"] and mine["time"].max() <= row["last_seen"]
    c1 = posts[tp["campaign"].eq("c1_hashtag_set_days").to_numpy()]
    fingerprint = set(camp.loc["c1_hashtag_set_days", "fingerprint"].split())
    assert all(fingerprint <= set(t) for t in c1["hashtags"])
    assert any(set(t) > fingerprint for t in c1["hashtags"])  # one account posts a superset
    assert c1["time"].max() - c1["time"].min() > pd.Timedelta("7D")
    c2 = posts[tp["campaign"].eq("c2_identical_sentence").to_numpy()]
    assert c2["text"].nunique() == 1 and c2["author"].nunique() == 5
    assert c2["time"].max() - c2["time"].min() > pd.Timedelta("24h")
    assert camp.loc["decoy_viral_cascade", "inauthentic"] == False  # noqa: E712
    assert camp.loc["official_schedule", "n_accounts"] == 60


def test_hoaxes_and_rebuttals(summit):
    posts, truth = summit
    tp = truth["posts"]
    for _, h in truth["hoaxes"].iterrows():
        mine = posts[(tp["hoax"] == h["hoax"]).to_numpy() & (tp["role"] == "hoax").to_numpy()]
        assert mine["time"].min() == h["first_seen"]
        reb = posts[(tp["hoax"] == h["hoax"]).to_numpy() & (tp["role"] == "rebuttal").to_numpy()]
        assert reb["time"].min() == h["rebutted"] > h["first_seen"]
        assert reb["text"].str.startswith(("[HOAKS]", "RT @")).all()
        assert h["n_hoax_retweets"] > 0 and h["n_rebuttal_retweets"] > 0


def test_planted_bursts_are_found(summit):
    posts, truth = summit
    counts = tl.count(posts, key="hashtag", freq="1h", keys=list(truth["bursts"]["key"].unique()))
    found = tl.detect_bursts(counts)
    for _, b in truth["bursts"].iterrows():
        hit = found[(found["key"] == b["key"]) & (found["start"] < b["end"]) & (found["end"] > b["start"])]
        assert len(hit), f"planted burst {b['key']} ({b['event']}) not found"
        # detected within three hours of the planted onset
        assert abs(hit["start"].min() - b["start"]) <= pd.Timedelta("3h"), b["key"]


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    write_summit(a, n_posts=5_000, seed=3)
    write_summit(b, n_posts=5_000, seed=3)
    write_summit(c, n_posts=5_000, seed=4)
    for f in SUMMIT_FILES:
        assert (a / f).read_bytes() == (b / f).read_bytes()
    assert (a / SUMMIT_FILES[0]).read_bytes() != (c / SUMMIT_FILES[0]).read_bytes()


@pytest.mark.slow
def test_shipped_files_are_regenerated_byte_for_byte(tmp_path):
    write_summit(tmp_path)
    for f in SUMMIT_FILES:
        assert (tmp_path / f).read_bytes() == (DATA / f).read_bytes(), f


@pytest.mark.slow
def test_generator_equals_loader(summit):
    posts, truth = make_summit_corpus()
    pd.testing.assert_frame_equal(posts, summit[0])
    pd.testing.assert_frame_equal(truth["campaigns"], summit[1]["campaigns"])


def test_shipped_corpus_is_small():
    assert sum((DATA / f).stat().st_size for f in SUMMIT_FILES) < 4_000_000


@pytest.mark.parametrize("bad", [100, 0, -5, 5_000.0, True, "50k"])
def test_bad_n_posts_is_named(bad):
    with pytest.raises(ValueError, match="'n_posts' parameter of make_summit_corpus"):
        make_summit_corpus(n_posts=bad)


def test_bad_seed_is_named():
    with pytest.raises(ValueError, match="'seed' parameter of make_summit_corpus"):
        make_summit_corpus(seed=-1)


@settings(max_examples=2, deadline=None)
@given(seed=st.integers(0, 2**31), n=st.integers(5_000, 6_500))
def test_any_seed_gives_exactly_n_posts_with_every_pattern(seed, n):
    posts, truth = make_summit_corpus(n_posts=n, seed=seed)
    assert len(posts) == n and posts["id"].is_unique and posts["time"].is_monotonic_increasing
    planted = truth["campaigns"]
    assert (planted["n_posts"] > 0).all()
    assert planted["inauthentic"].sum() == 6


def test_small_corpus_keeps_the_timeline(small):
    posts, truth = small
    wib = posts["time"].dt.tz_convert("Asia/Jakarta")
    daily = wib.dt.date.value_counts().sort_index()
    summit_days = [pd.Timestamp(f"2023-09-0{d}").date() for d in (4, 5, 6, 7)]
    assert daily.idxmax() in summit_days
    assert daily[summit_days].mean() > 1.8 * daily.drop(summit_days).mean()
    night = wib.dt.hour.between(1, 4).mean()
    assert night < 0.06  # people sleep
    per = posts.groupby("author").size()
    assert (per == 1).mean() > 0.3 and per.max() > 20 * np.median(per)  # heavy-tailed activity
