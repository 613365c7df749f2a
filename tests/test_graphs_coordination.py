"""Coordinated accounts: planted groups (precision/recall), decoys, the Danantara launch day."""

from __future__ import annotations

import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from trendlib.datasets import make_coordinated_posts
from trendlib.exceptions import SchemaError
from trendlib.graphs import coordinated_accounts, coordination_graph


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b)


def evaluate(groups: pd.DataFrame, truth: pd.DataFrame) -> dict:
    """Precision/recall on accounts and on groups.

    Accounts: predicted = accounts in any group; true = planted accounts.
    Groups: a planted group is recovered when some predicted group has Jaccard >= 0.5
    with its accounts (recall); a predicted group is correct when it has Jaccard >= 0.5
    with some planted group (precision).
    """
    pred = {a for accs in groups["accounts"] for a in accs}
    true = set(truth["account"])
    planted = [set(g["account"]) for _, g in truth.groupby("group")]
    found = [set(a) for a in groups["accounts"]]
    return {
        "account_precision": len(pred & true) / max(len(pred), 1),
        "account_recall": len(pred & true) / len(true),
        "group_precision": np.mean([max(_jaccard(f, p) for p in planted) >= 0.5 for f in found]) if found else 0.0,
        "group_recall": np.mean([max([_jaccard(p, f) for f in found] or [0]) >= 0.5 for p in planted]),
    }


@pytest.fixture(scope="module", params=[0, 1])
def synthetic(request):
    return make_coordinated_posts(seed=request.param, n_accounts=800, n_posts=5000)


def test_generator_is_seeded_and_returns_truth():
    a, ta = make_coordinated_posts(seed=5, n_posts=800, n_groups=3)
    b, tb = make_coordinated_posts(seed=5, n_posts=800, n_groups=3)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(ta, tb)
    assert ta["group"].nunique() == 3 and ta["account"].is_unique
    assert a["time"].is_monotonic_increasing and str(a["time"].dt.tz) == "UTC"
    assert a["is_retweet"].any()


def test_near_duplicates_recover_planted_groups(synthetic):
    posts, truth = synthetic
    groups = coordinated_accounts(posts, similarity="near")
    m = evaluate(groups, truth)
    assert m["account_precision"] >= 0.9 and m["account_recall"] >= 0.9, m
    assert m["group_precision"] >= 0.9 and m["group_recall"] >= 0.9, m
    assert groups["score"].is_monotonic_decreasing
    assert (groups["n_accounts"] >= 3).all()
    assert (groups["first_seen"] <= groups["last_seen"]).all()


def test_exact_texts_are_precise(synthetic):
    posts, truth = synthetic
    m = evaluate(coordinated_accounts(posts, similarity="exact"), truth)
    assert m["account_precision"] >= 0.9, m
    # copies with swapped words are missed by exact matching, found by near matching
    near = evaluate(coordinated_accounts(posts, similarity="near"), truth)
    assert m["account_recall"] < near["account_recall"], (m, near)


def test_retweets_and_short_replies_are_not_coordination():
    posts, truth = make_coordinated_posts(seed=2, n_accounts=800, n_posts=5000)
    clean = evaluate(coordinated_accounts(posts), truth)["account_precision"]
    with_rt = evaluate(coordinated_accounts(posts, include_retweets=True), truth)["account_precision"]
    short = evaluate(coordinated_accounts(posts, min_tokens=1), truth)["account_precision"]
    assert clean >= 0.9
    assert with_rt < clean - 0.2  # the planted retweet cascades would be flagged
    assert short < clean - 0.1  # bursts of "mantap" / "aamiin" replies would be flagged


def test_window_and_min_accounts():
    t0 = pd.Timestamp("2025-02-24 20:00", tz="UTC")
    text = "Ayo dukung program makan bergizi gratis untuk anak sekolah"
    posts = pd.DataFrame({
        "author": ["a", "b", "c", "d"],
        "time": [t0, t0 + pd.Timedelta("20s"), t0 + pd.Timedelta("50s"), t0 + pd.Timedelta("10min")],
        "text": [text, text.upper(), text + " https://t.co/abc", "@x " + text],
    })
    g = coordinated_accounts(posts, similarity="exact")
    assert g["accounts"].tolist() == [["a", "b", "c"]]  # d is 9 minutes later
    g = coordinated_accounts(posts, similarity="exact", window="10min")
    assert g["accounts"].tolist() == [["a", "b", "c", "d"]]
    assert coordinated_accounts(posts, similarity="exact", min_accounts=4).empty
    # one account repeating itself is not coordination
    solo = posts.assign(author="a")
    assert coordinated_accounts(solo, similarity="exact", window="1h").empty


def test_hashtag_sets():
    t0 = pd.Timestamp("2025-02-24 20:00", tz="UTC")
    posts = pd.DataFrame({
        "author": ["a", "b", "c", "d"],
        "time": [t0 + pd.Timedelta(s, "s") for s in (0, 10, 20, 30)],
        "text": ["beda teks satu", "teks lain dua", "ketiga berbeda", "keempat"],
        "hashtags": [["dukungdanantara", "investasi"], ["investasi", "dukungdanantara"],
                     ["dukungdanantara", "investasi", "investasi"], ["dukungdanantara"]],
    })
    g = coordinated_accounts(posts, similarity="hashtags")
    assert g["accounts"].tolist() == [["a", "b", "c"]]
    posts["hashtags"] = [["dukungdanantara"]] * 4
    assert coordinated_accounts(posts, similarity="hashtags")["n_accounts"].tolist() == [4]
    assert coordinated_accounts(posts, similarity="hashtags", min_hashtags=2).empty


def test_coordination_graph_weights_are_shared_events(synthetic):
    posts, truth = synthetic
    G = coordination_graph(posts)
    groups = coordinated_accounts(posts)
    assert set(G.nodes) == {a for accs in groups["accounts"] for a in accs}
    # the connected components are the groups
    comps = sorted(sorted(c) for c in nx.connected_components(G))
    assert comps == sorted(groups["accounts"].tolist())
    w = np.array([d for _, _, d in G.edges(data="weight")])
    assert w.min() >= 1 and w.max() <= truth.groupby("group").size().max() * 10
    # a group's score is its mean weighted degree in this graph
    g0 = groups.iloc[0]
    assert np.mean([G.degree(a, weight="weight") for a in g0["accounts"]]) == pytest.approx(g0["score"])


def test_bad_options():
    posts, _ = make_coordinated_posts(seed=0, n_posts=200, n_groups=1)
    with pytest.raises(ValueError, match="'window' parameter"):
        coordinated_accounts(posts, window="sebentar")
    with pytest.raises(ValueError, match="'similarity' parameter"):
        coordinated_accounts(posts, similarity="fuzzy")
    with pytest.raises(ValueError, match="'min_accounts' parameter"):
        coordinated_accounts(posts, min_accounts=1)
    with pytest.raises(ValueError, match="'threshold' parameter"):
        coordinated_accounts(posts, threshold=1.5)
    with pytest.raises(SchemaError, match="time"):
        coordinated_accounts(posts.drop(columns="time"))


def test_danantara_launch_day_campaign_is_found(data_file):
    """1,708 of 2,013 launch-day tweets carry #DanantaraBangunNegeri: a buzzer campaign."""
    from trendlib import read_posts

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = read_posts(data_file("tweets_danantara_2025", "danantara_day.csv"))
    tagged = posts["hashtags"].map(lambda v: "danantarabangunnegeri" in v)
    groups = coordinated_accounts(posts, similarity="hashtags")
    top = groups.iloc[0]
    assert top["n_accounts"] >= 1000
    ids = set(top["post_ids"])
    in_top = posts["id"].isin(ids)
    # the top group is the campaign: most tagged tweets are in it, and it is nearly all tagged
    assert (in_top & tagged).sum() >= 0.8 * tagged.sum()
    assert (in_top & ~tagged).sum() <= 0.05 * in_top.sum()
    assert all("#danantarabangunnegeri" in t.lower() for t in top["texts"])
    # the campaign's free-text tweets are distinct, so text similarity finds no large group
    near = coordinated_accounts(posts, similarity="near")
    assert near.empty or near["n_accounts"].max() < 50
