"""Topics on real keyword scrapes from the data home (skipped when it is absent).

The sub-subjects asserted here are what a reader finds in these scrapes (see
docs/topics.md): in the 2019 election scrape, Prabowo's trip to Dubai, the petitions and
the lawsuit at the Constitutional Court; in the free-meals (MBG) replies, the poisoning
cases, the menu on the tray and the proposal that the people (or officials' salaries)
pay for the programme. Seeds differ so no one lucky draw passes.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import trendlib as tl
from trendlib.topics import TopicModel, coherence, topics_over_time

pytestmark = pytest.mark.data


def _read(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # cp1252 files warn about their encoding
        return tl.read_posts(path)


@pytest.fixture(scope="module")
def pemilu(data_file):
    files = ["data_joko_widodo.csv", "data_prabowo_subianto.csv"]
    return pd.concat([_read(data_file("tweets_pemilu2019_jokowi_prabowo", f)) for f in files],
                     ignore_index=True)


@pytest.fixture(scope="module")
def mbg(data_file):
    return _read(data_file("tweets_mbg_2025", "hybrid_labeled_data.csv"))


def _topics_with(model, words, *, at_least=1, top=10):
    return [t for t in range(model.n_topics_) if len(set(model.topic_terms_[t][:top]) & set(words)) >= at_least]


@pytest.mark.parametrize("seed", [0, 1])
def test_election_scrape_sub_subjects(pemilu, seed):
    m = TopicModel(random_state=seed).fit(pemilu)
    # the topics *labelled* with the trip (a label names a topic; its terms may also list
    # "dubai" for a mixed topic with a few posts about it)
    dubai = [t for t in range(m.n_topics_) if {"dubai", "emirat"} & set(m.topic_labels_[t].split(", "))]
    assert dubai, m.topic_labels_
    assert _topics_with(m, {"dubai", "emirat"})
    for t in dubai:  # the representative posts are about that trip
        assert any("dubai" in p.lower() or "emirat" in p.lower() for p in m.representative_posts_[t])
    assert _topics_with(m, {"petisi"})
    assert _topics_with(m, {"gugatan", "konstitusi", "menggugat", "mk"})
    assert m.n_outliers_ < 0.1 * len(pemilu)
    # the retweet cascade of one text is one voice: not more topics than distinct texts allow
    assert m.n_docs_ < pemilu["text"].nunique() + 1


def test_free_meals_replies_sub_subjects(mbg):
    m = TopicModel(random_state=2).fit(mbg)
    assert _topics_with(m, {"keracunan"})
    menu = _topics_with(m, {"nasi", "telur", "lauk", "sayur", "tempe", "timun", "buah"}, at_least=2)
    assert menu
    assert any(
        any(w in p.lower() for w in ("nasi", "telur", "telor", "lauk", "sayur", "tempe"))
        for t in menu for p in m.representative_posts_[t]
    )
    assert _topics_with(m, {"pajak", "gaji", "menyumbang", "sumbangan", "zakat", "donasi"})
    assert 0.02 < m.n_outliers_ / len(mbg) < 0.25
    # labels are written forms, and every topic has terms and a representative post
    assert all(len(t) == m.top for t in m.topic_terms_)
    assert all(r for r in m.representative_posts_)


def test_topics_over_time_on_real_posts(pemilu):
    m = TopicModel(random_state=0).fit(pemilu)
    c = topics_over_time(pemilu, m, freq="1h")
    assert c.groupby("time")["total"].first().sum() == pemilu["time"].notna().sum()
    assert (c["accounts"] <= c["count"]).all()


def test_coherence_over_other_real_scrapes(pemilu, data_file):
    ref = _read(data_file("tweets_prabowogibran2024_2023", "PrabowoGibran2024_05122023.csv"))["text"]
    m = TopicModel(random_state=0).fit(pemilu)
    per = coherence(m, ref.tolist(), per_topic=True)
    assert len(per) == m.n_topics_
    finite = per[~pd.isna(per)]
    assert ((finite >= -1) & (finite <= 1)).all()
