"""align_topics: the topics of two fits matched one to one (continued, new, gone)."""

from __future__ import annotations

import glob
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.exceptions import NotFittedError

import trendlib as tl
from trendlib.topics import TopicModel, align_topics, make_topic_corpus


@pytest.fixture(scope="module")
def planted():
    return make_topic_corpus(3000, n_topics=6, seed=4)


def _majority(model, posts) -> dict[int, int]:
    """Each topic of ``model`` -> the planted topic most of its posts come from."""
    lab = pd.Series(model.labels_, index=posts.index)
    truth = posts["truth"]
    return {int(t): int(truth[lab == t].mode().iloc[0]) for t in range(model.n_topics_)}


def test_a_model_matches_itself_exactly(planted):
    m = TopicModel(n_topics=6, random_state=0).fit(planted)
    table = align_topics(m, m)
    assert table["status"].eq("matched").all() and len(table) == m.n_topics_
    assert (table["topic"] == table["reference_topic"]).all()
    assert np.allclose(table["similarity"], 1.0)
    assert table.attrs["similarity"].shape == (m.n_topics_, m.n_topics_)


def _consistent(table, truth_b, truth_a) -> None:
    """Matched pairs share their planted topic; a topic left unmatched has no free partner
    of its planted topic on the other side (the matching is one to one)."""
    m = table[table["status"] == "matched"]
    assert all(truth_b[t] == truth_a[r] for t, r in zip(m["topic"], m["reference_topic"]))
    free_a = {truth_a[r] for r in table.loc[table["status"] == "gone", "reference_topic"]}
    assert not {truth_b[t] for t in table.loc[table["status"] == "new", "topic"]} & free_a - {-1}


def test_two_days_of_the_same_topics_match_by_their_truth(planted):
    first, second = planted.iloc[:1500], planted.iloc[1500:]
    a = TopicModel(n_topics=6, random_state=0).fit(first)
    b = TopicModel(n_topics=6, random_state=7).fit(second)
    table = align_topics(b, a)
    _consistent(table, _majority(b, second), _majority(a, first))
    matched = table[table["status"] == "matched"]
    assert len(matched) >= 5 and (matched["similarity"] > 0.8).all()
    assert set(matched["reference_label"]) <= set(a.topic_info()["label"].iloc[:-1])
    assert len(table) == b.n_topics_ + (table["status"] == "gone").sum()


def test_a_topic_that_appears_is_new_and_one_that_fades_is_gone(planted):
    # yesterday had no posts of planted topic 0, today has none of planted topic 5
    day1 = planted[planted["truth"] != 0].iloc[:1400]
    day2 = planted[planted["truth"] != 5].iloc[-1400:]
    a = TopicModel(n_topics=5, random_state=0).fit(day1)
    b = TopicModel(n_topics=5, random_state=0).fit(day2)
    table = align_topics(b, a)
    truth_a, truth_b = _majority(a, day1), _majority(b, day2)
    _consistent(table, truth_b, truth_a)
    new = table[table["status"] == "new"]
    gone = table[table["status"] == "gone"]
    assert 0 in {truth_b[t] for t in new["topic"]} and 0 not in set(truth_a.values())
    assert 5 in {truth_a[r] for r in gone["reference_topic"]} and 5 not in set(truth_b.values())
    assert gone["topic"].eq(-1).all() and new["reference_topic"].eq(-1).all()
    assert new["similarity"].isna().all() and new["reference_label"].eq("").all()


def test_min_similarity_decides_what_is_a_match(planted):
    a = TopicModel(n_topics=6, random_state=0).fit(planted.iloc[:1500])
    b = TopicModel(n_topics=6, random_state=1).fit(planted.iloc[1500:])
    loose, strict = align_topics(b, a, min_similarity=0.0), align_topics(b, a, min_similarity=1.0)
    assert loose["status"].eq("matched").all()
    assert (strict["status"] != "matched").all() and len(strict) == a.n_topics_ + b.n_topics_


def test_bad_input_names_the_parameter(planted):
    m = TopicModel(n_topics=3, random_state=0).fit(planted.iloc[:600])
    with pytest.raises(NotFittedError):
        align_topics(TopicModel(), m)
    with pytest.raises(TypeError, match="'reference' parameter of align_topics.*TopicModel.*Got list"):
        align_topics(m, [1, 2])
    for bad in (-0.1, 1.5, "high", True):
        with pytest.raises(ValueError, match="'min_similarity' parameter of align_topics"):
            align_topics(m, m, min_similarity=bad)


@pytest.mark.data
def test_halves_of_a_real_scrape_share_their_main_subjects(data_home):
    # MBG replies 2025: the free-meals programme and the poisoning cases run through both halves
    frames = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for f in sorted(glob.glob(str(data_home / "tweets_mbg_2025" / "*.csv"))):
            try:
                frames.append(tl.read_posts(f))
            except Exception:
                continue
    posts = pd.concat(frames, ignore_index=True).dropna(subset=["text", "time"])
    posts = posts.sort_values("time", kind="stable").drop_duplicates("text").reset_index(drop=True)
    h = len(posts) // 2
    a = TopicModel(random_state=0).fit(posts.iloc[:h])
    b = TopicModel(random_state=0).fit(posts.iloc[h:])
    table = align_topics(b, a)
    matched = table[table["status"] == "matched"]
    assert 2 <= len(matched) <= min(a.n_topics_, b.n_topics_) // 2  # a few subjects continue, most do not
    both = [set(x.split(", ")) & set(y.split(", ")) for x, y in zip(matched["label"], matched["reference_label"])]
    assert any({"makan", "bergizi"} <= s or {"gratis", "bergizi"} <= s for s in both)
    assert (table["status"] == "gone").sum() == a.n_topics_ - len(matched)
