"""Replies and retweets read in their thread (``TopicModel(context="thread")``).

A reply whose conversation's first post is among the posts is scored with that post's
topic as a prior; a reply that fits no topic alone takes the thread's; a retweet takes
its source's topic. Checked on planted topics (hand-written replies), on the links
themselves, and on real reply threads of the data home.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from trendlib.topics import TopicModel, add_topics, make_topic_corpus, topics_over_time
from trendlib.topics._threads import THREAD_PRIOR, in_thread, thread_links


def _row(id_, text, *, reply_to=None, conversation_id=None, retweet_of=None, minute=0):
    return {"id": id_, "time": pd.Timestamp("2023-09-10 03:00", tz="UTC") + pd.Timedelta(minutes=minute),
            "author": f"akun{id_}", "text": text, "reply_to": reply_to,
            "conversation_id": conversation_id if conversation_id is not None else id_,
            "retweet_of": retweet_of, "truth": -1, "truth_name": ""}


@pytest.fixture(scope="module")
def fitted():
    base = make_topic_corpus(3000, n_topics=5, seed=3)
    base["reply_to"] = None
    base["conversation_id"] = base["id"]
    base["retweet_of"] = None
    model = TopicModel(random_state=0).fit(base)
    return base, model


def _topic_with(model, word):
    hits = [t for t in range(model.n_topics_) if word in model.topic_terms_[t]]
    assert hits, (word, model.topic_terms_)
    return hits[0]


def _thread(base):
    extra = pd.DataFrame([
        _row("r1", "macet parah di tol dalam kota, jalan ditutup dari pagi"),
        _row("c1", "@warga setuju banget", reply_to="warga", conversation_id="r1", minute=1),
        _row("c2", "@warga harga cabai naik lagi di pasar, harga beras dan minyak juga naik",
             reply_to="warga", conversation_id="r1", minute=2),
        _row("c3", "@warga setuju banget", reply_to="warga", conversation_id="tidak-ada", minute=3),
        _row("t1", "RT @warga: macet parah", retweet_of="r1", minute=4),
        _row("t2", "RT @warga: @warga setuju banget", retweet_of="c1", minute=5),
    ])
    return pd.concat([base, extra], ignore_index=True)


def test_short_reply_takes_its_threads_topic(fitted):
    base, model = fitted
    posts = _thread(base)
    macet, harga = _topic_with(model, "macet"), _topic_with(model, "harga")
    got = pd.Series(model.predict(posts), index=posts["id"])
    alone = pd.Series(TopicModel(**{**model.get_params(), "context": "post"}).fit(base).predict(posts),
                      index=posts["id"])
    assert got["r1"] == macet
    # "setuju banget" has no topic words: alone an outlier, in its thread the thread's topic
    assert alone["c1"] == -1 and got["c1"] == macet
    # a reply whose own words are about prices keeps its own topic
    assert got["c2"] == harga
    # a reply whose thread is not among the posts is read alone
    assert got["c3"] == -1
    # a retweet takes its source's topic, also when the source is a reply
    assert got["t1"] == macet and got["t2"] == macet
    # texts given as a list have no threads
    assert model.predict(posts["text"].tolist())[posts.index[posts["id"] == "c1"][0]] == -1


def test_fit_labels_are_what_predict_gives(fitted):
    base, _ = fitted
    posts = _thread(base)
    for context in ("thread", "post"):
        m = TopicModel(random_state=1, context=context).fit(posts)
        assert (m.labels_ == m.predict(posts)).all()
        assert (add_topics(posts, m)["topic"].to_numpy() == m.labels_).all()
        assert m.n_outliers_ == int((m.labels_ < 0).sum())
        assert m.topic_sizes_.sum() + m.n_outliers_ == len(posts)
    thread = TopicModel(random_state=1).fit(posts)
    assert thread.n_thread_replies_ == 2  # c1 and c2; c3's thread is not among the posts
    assert TopicModel(random_state=1, context="post").fit(posts).n_thread_replies_ == 0
    assert thread.labels_[posts["id"].eq("c1").to_numpy()][0] == thread.labels_[posts["id"].eq("r1").to_numpy()][0]


def test_add_topics_reads_threads_with_another_text_column(fitted):
    base, model = fitted
    posts = _thread(base).rename(columns={"text": "isi"})
    out = add_topics(posts, model, column="isi")
    got = out.set_index("id")["topic"]
    assert got["c1"] == got["r1"] == _topic_with(model, "macet")
    counts = topics_over_time(_thread(base), model, freq="1D")
    assert counts["count"].sum() == int((model.predict(_thread(base)) >= 0).sum())


def test_transform_rows_are_the_thread_posterior(fitted):
    base, model = fitted
    posts = _thread(base)
    P = model.transform(posts)
    assert P.shape == (len(posts), model.n_topics_)
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    i = int(np.flatnonzero(posts["id"].eq("c1"))[0])
    macet = _topic_with(model, "macet")
    # words-free reply: the posterior is the prior, the thread's topic at THREAD_PRIOR or more
    assert P[i].argmax() == macet and P[i, macet] >= THREAD_PRIOR
    alone = model.transform(posts["text"].tolist())
    assert alone[i, macet] < P[i, macet]


def test_thread_links():
    posts = pd.DataFrame({
        "id": ["a", "b", "c", "d", "e", "a", "f"],
        "reply_to": [None, "x", "", "y", None, None, pd.NA],
        "conversation_id": ["a", "a", "a", "zz", "e", "a", "a"],
        "retweet_of": [None, None, None, None, "b", None, "  "],
    })
    parent, is_rt = thread_links(posts)
    # b replies in a's thread; c has an empty reply_to; d's thread is absent; e retweets b;
    # the duplicate id "a" is its own thread's first post; f is neither
    assert parent.tolist() == [-1, 0, -1, -1, 1, -1, -1]
    assert is_rt.tolist() == [False, False, False, False, True, False, False]
    assert thread_links(posts[["id", "reply_to"]]) is None
    assert thread_links(posts.drop(columns="id")) is None
    assert thread_links(posts.iloc[[0, 2, 3]]) is None


def test_retweet_chains_and_cycles_end():
    from trendlib.topics._threads import sources

    parent = np.array([-1, 0, 1, 2, 5, 4])
    is_rt = np.array([False, True, True, True, True, True])
    rt, src = sources(parent, is_rt)
    assert rt.tolist() == [1, 2, 3, 4, 5]
    assert src[:3].tolist() == [0, 0, 0]
    assert set(src[3:]) <= {4, 5}  # a cycle (bad data) stops after a bounded number of steps


def test_in_thread_updates_in_place():
    from scipy.sparse import csr_matrix

    from trendlib.topics._assign import log_tables, score

    tw = np.array([[50.0, 1, 1], [1, 50, 1]])
    tables = log_tables(tw, np.array([10.0, 10.0]), tw.sum(axis=0), alpha=0.1, beta=0.1)
    X = csr_matrix(np.array([[3.0, 0, 0], [0, 0, 1], [0, 2, 0]]))
    own = score(X, *tables, threshold=0.5, joint=True)
    assert own[1].tolist() == [0, -1, 1]
    in_thread(X, own, np.array([-1, 0, 0]), np.zeros(3, bool), tables, threshold=0.5)
    # row 1 (no topic word) takes the thread's topic; row 2 (two words of topic 1) keeps its own
    assert own[1].tolist() == [0, 0, 1]


def test_context_is_validated():
    with pytest.raises(ValueError, match="'context' parameter of fit"):
        TopicModel(context="conversation").fit(["macet parah"] * 20)


def test_context_is_saved(tmp_path, fitted):
    base, _ = fitted
    m = TopicModel(random_state=0, context="post").fit(base)
    path = m.save(tmp_path / "m.npz")
    back = TopicModel.load(path)
    assert back.context == "post"
    posts = _thread(base)
    assert (back.predict(posts) == m.predict(posts)).all()


# -- real reply threads ------------------------------------------------------------------


@pytest.mark.data
@pytest.mark.parametrize("folder,files", [
    ("tweets_danantara_2025", ["danantara_pra.csv", "danantara_day.csv", "danantara_pasca.csv"]),
    ("tweets_kipk_2024", ["scraped_data.csv"]),
])
def test_real_replies_join_their_threads(data_file, folder, files):
    import trendlib as tl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = pd.concat([tl.read_posts(data_file(folder, f)) for f in files], ignore_index=True)
    links = thread_links(posts)
    assert links is not None
    parent, is_rt = links
    reply = np.flatnonzero((parent >= 0) & ~is_rt)
    assert len(reply) >= 200  # tweet-harvest keeps conversation_id: real threads exist
    thread = TopicModel(random_state=0).fit(posts)
    alone = TopicModel(random_state=0, context="post").fit(posts)
    a, b = thread.labels_, alone.labels_
    # only linked replies change
    other = np.setdiff1d(np.arange(len(posts)), reply)
    assert (a[other] == b[other]).all()
    # replies that were outliers alone now carry their thread's topic ...
    rescued = reply[(b[reply] < 0) & (a[parent[reply]] >= 0)]
    assert len(rescued) and (a[rescued] == a[parent[rescued]]).all()
    assert (a < 0).sum() < (b < 0).sum()
    # ... and most replies with a topic of their own keep it (the thread is a prior, not
    # more words: adding the first post's words moved most of them)
    own = reply[b[reply] >= 0]
    assert (a[own] == b[own]).mean() >= 0.8
