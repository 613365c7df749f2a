"""Coordinated accounts: planted patterns and decoys, the null models, real campaigns."""

from __future__ import annotations

import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendlib.datasets import make_coordinated_posts
from trendlib.exceptions import SchemaError
from trendlib.graphs import coordinated_accounts, coordination_evidence, coordination_graph


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b)


def evaluate(groups: pd.DataFrame, truth: pd.DataFrame) -> dict:
    """Precision/recall on accounts and on groups.

    Accounts: predicted = accounts in any group; true = planted accounts. Groups: a
    planted group is recovered when some predicted group has Jaccard >= 0.5 with it
    (recall); a predicted group is correct when it has Jaccard >= 0.5 with some planted
    group (precision).
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
    return make_coordinated_posts(seed=request.param)


def test_generator_is_seeded_and_returns_truth():
    a, ta = make_coordinated_posts(seed=5, n_posts=800, n_groups=3)
    b, tb = make_coordinated_posts(seed=5, n_posts=800, n_groups=3)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(ta, tb)
    assert ta["group"].nunique() == 3 + 4 and ta["account"].is_unique
    assert set(ta["pattern"]) == {"text_burst", "hashtag_series", "text_series", "hashtag_burst", "copy_paste"}
    series = ta[ta["pattern"] == "hashtag_series"]
    assert len(series) == 3 and series["n_posts"].sum() == 64
    assert a["time"].is_monotonic_increasing and str(a["time"].dt.tz) == "UTC"
    assert a["is_retweet"].any()
    with pytest.raises(ValueError, match="'patterns' parameter"):
        make_coordinated_posts(n_posts=100, patterns=("astroturf",))


def test_defaults_recover_every_planted_pattern(synthetic):
    posts, truth = synthetic
    groups = coordinated_accounts(posts)
    m = evaluate(groups, truth)
    assert m["account_precision"] >= 0.9 and m["account_recall"] >= 0.9, m
    assert m["group_precision"] >= 0.9 and m["group_recall"] >= 0.9, m
    assert groups["score"].is_monotonic_decreasing and (groups["score"] >= 2).all()
    assert (groups["n_accounts"] >= 3).all() and (groups["first_seen"] <= groups["last_seen"]).all()
    for pattern in ("hashtag_series", "text_series", "hashtag_burst", "copy_paste"):
        accs = set(truth.loc[truth["pattern"] == pattern, "account"])
        best = max(_jaccard(accs, set(g)) for g in groups["accounts"])
        assert best >= 0.6, (pattern, best)  # at window="1h" a 3.5-hour burst can split (docs/coordination.md)


def test_hashtag_series_is_found_at_the_repeated_scale_with_the_superset_account(synthetic):
    posts, truth = synthetic
    accs = set(truth.loc[truth["pattern"] == "hashtag_series", "account"])
    ev = coordination_evidence(posts)
    rows = ev[ev["accounts"].map(lambda a: set(a) == accs)]
    assert len(rows) and (rows["scale"] == "repeated").any()
    rep = rows[rows["scale"] == "repeated"].iloc[0]
    assert rep["signal"] == "hashtags" and len(rep["fingerprint"].split()) == 6
    assert rep["n_occasions"] >= 5 and rep["n_posts"] >= 50  # the 8-tag posts joined the 6-tag set
    assert (rep["last_seen"] - rep["first_seen"]) > pd.Timedelta("5D")


def test_decoys_are_not_coordination(synthetic):
    """Retweet cascades, short replies, copypasta over hours, a news burst, a lone spammer."""
    posts, truth = synthetic
    groups = coordinated_accounts(posts)
    flagged = {a for accs in groups["accounts"] for a in accs}
    assert not flagged - set(truth["account"])
    # without the null models the same fingerprints would flag organic accounts
    loose = coordinated_accounts(posts, min_score=0)
    assert set().union(*map(set, loose["accounts"])) - set(truth["account"])


def test_a_popular_hashtag_set_is_not_a_campaign_unless_it_is_concentrated():
    rng = np.random.default_rng(0)
    t0 = pd.Timestamp("2024-02-01", tz="UTC")
    n = 3000
    words = ["harga", "beras", "naik", "pasar", "macet", "hujan", "kopi", "kerja", "pagi", "malam"]
    base = pd.DataFrame({
        "author": [f"warga{i}" for i in rng.integers(0, 2000, n)],
        "time": t0 + pd.to_timedelta(rng.integers(0, 14 * 86400, n), unit="s"),
        "text": [" ".join(rng.choice(words, 6)) for _ in range(n)],
        "hashtags": [["indonesia", "jakarta"] if r < 0.1 else [] for r in rng.random(n)],
    })
    assert coordinated_accounts(base, signals="hashtags").empty  # 300 accounts over two weeks
    burst = pd.DataFrame({"author": [f"buzzer{i}" for i in range(12)],
                          "time": t0 + pd.Timedelta("3D") + pd.to_timedelta(np.arange(12) * 60, unit="s"),
                          "text": "x", "hashtags": [["indonesia", "jakarta"]] * 12})
    g = coordinated_accounts(pd.concat([base, burst], ignore_index=True), signals="hashtags")
    assert len(g) == 1 and {a for a in g["accounts"].iloc[0] if a.startswith("buzzer")} == set(burst["author"])


def test_accounts_are_one_identity_and_one_account_is_not_a_group():
    t0 = pd.Timestamp("2025-02-24 20:00", tz="UTC")
    filler = [(f"warga{i}", t0 + pd.Timedelta(minutes=7 * i), f"cuaca hari ini cerah sekali nomor {i}") for i in range(300)]
    text = "Ayo dukung program makan bergizi gratis untuk anak sekolah"
    camp = [(a, t0 + pd.Timedelta(hours=10, seconds=s), text) for a, s in [("Rina", 0), ("@rina", 5), ("BUDI", 20), ("sari", 40)]]
    posts = pd.DataFrame(filler + camp, columns=["author", "time", "text"])
    g = coordinated_accounts(posts, signals="text")
    assert g["accounts"].tolist() == [["budi", "rina", "sari"]] and g["n_posts"].iloc[0] == 4
    solo = posts.assign(author=np.where(posts["author"].isin(["Rina", "@rina", "BUDI", "sari"]), "rina", posts["author"]))
    assert coordinated_accounts(solo, signals="text").empty


def test_window_is_a_duration_and_options_are_checked():
    posts, _ = make_coordinated_posts(seed=0, n_posts=300, n_groups=1, patterns=())
    with pytest.raises(ValueError, match="'window' parameter of coordinated_accounts.*duration"):
        coordinated_accounts(posts, window=60)
    with pytest.raises(ValueError, match="'repeat_window' parameter"):
        coordinated_accounts(posts, repeat_window="sebentar")
    with pytest.raises(ValueError, match="'signals' parameter"):
        coordinated_accounts(posts, signals=["fuzzy"])
    with pytest.raises(ValueError, match="'min_accounts' parameter"):
        coordinated_accounts(posts, min_accounts=1)
    with pytest.raises(ValueError, match="'min_similarity' parameter"):
        coordinated_accounts(posts, min_similarity=1.5)
    with pytest.raises(ValueError, match="'min_score' parameter"):
        coordinated_accounts(posts, min_score=-1)
    with pytest.raises(SchemaError, match="time"):
        coordinated_accounts(posts.drop(columns="time"))
    with pytest.raises(SchemaError, match="urls"):
        coordinated_accounts(posts.drop(columns="urls"), signals="url")
    # a default signal the posts lack is skipped
    assert list(coordinated_accounts(posts.drop(columns=["urls", "hashtags"])).attrs["signals"]) == ["text", "retweet"]


def test_old_names_warn(synthetic):
    posts, truth = synthetic
    with pytest.warns(FutureWarning, match="min_similarity="):
        a = coordinated_accounts(posts, signals="text", threshold=0.8)
    pd.testing.assert_frame_equal(a, coordinated_accounts(posts, signals="text", min_similarity=0.8))
    with pytest.warns(FutureWarning, match="signals="):
        b = coordinated_accounts(posts, similarity="hashtags")
    assert list(b.attrs["signals"]) == ["hashtags"]


def test_exact_texts_find_less_than_near_copies(synthetic):
    posts, truth = synthetic
    bursts = truth[truth["pattern"] == "text_burst"]
    exact = evaluate(coordinated_accounts(posts, signals="text", min_similarity=None), bursts)
    near = evaluate(coordinated_accounts(posts, signals="text"), bursts)
    assert near["account_recall"] >= 0.9 and exact["account_recall"] < near["account_recall"], (exact, near)


def test_graph_and_evidence_agree_with_the_groups(synthetic):
    posts, _ = synthetic
    groups = coordinated_accounts(posts)
    G = coordination_graph(posts)
    assert set(G.nodes) == {a for accs in groups["accounts"] for a in accs}
    for accs in groups["accounts"]:  # each group is connected in the graph
        assert nx.is_connected(G.subgraph(accs))
    assert all(d["weight"] >= 1 for _, _, d in G.edges(data=True))
    ev = coordination_evidence(posts)
    assert set(ev["group"]) == set(groups["group"])
    for g, part in ev.groupby("group"):
        row = groups.set_index("group").loc[g]
        assert set().union(*map(set, part["accounts"])) == set(row["accounts"])
        assert part["score"].max() == pytest.approx(row["score"])
        assert set(row["signals"]) == set(part["signal"])


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_row_order_does_not_change_the_groups(seed):
    posts, _ = make_coordinated_posts(seed=3, n_posts=2000, n_accounts=400, n_groups=2)
    shuffled = posts.sample(frac=1, random_state=np.random.RandomState(seed % 2**32)).reset_index(drop=True)
    a = coordinated_accounts(posts)
    b = coordinated_accounts(shuffled)
    assert a["accounts"].tolist() == b["accounts"].tolist()
    assert np.allclose(a["score"], b["score"])


@pytest.mark.data
def test_real_prabowogibran_campaigns_are_found(data_home):
    """The hashtag campaigns described in the folder's SOURCE.md, found with the defaults."""
    from trendlib import read_posts

    files = sorted((data_home / "tweets_prabowogibran2024_2023").glob("*.csv"))
    if not files:
        pytest.skip("tweets_prabowogibran2024_2023 not in the data home")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = read_posts([str(f) for f in files]).drop_duplicates("id", ignore_index=True)
    groups = coordinated_accounts(posts)
    sets = posts["hashtags"].map(lambda v: frozenset(v))

    def accounts_with(tags: set) -> set:
        return set(posts.loc[sets.map(lambda s: tags <= s), "author"].str.lower())

    def best(accs: set) -> float:
        return max(len(accs & set(g)) / len(accs) for g in groups["accounts"])

    # 1. 235 accounts, one 4-tag set in 3.5 hours; 2. #Parlemen404, 137 accounts in 7 hours
    assert best(accounts_with({"aniesmuhaimin2024", "jumatberkah", "bingkaiulamaindonesiamu"})) >= 0.9
    assert best(accounts_with({"parlemen404"})) >= 0.9
    # 3. the #AirlanggaCenter copy-paste network (10 accounts in 11 minutes)
    assert best({"bavejaindonesia", "jipsensignature", "rrqyellow", "amareloterroso", "effengeel", "emresantoso", "fresita056", "ironsift"}) >= 0.6
    top = groups.iloc[0]
    assert top["n_accounts"] >= 200 and top["scale"] == "burst" and "#jumatberkah" in top["fingerprint"]
    # the query hashtag alone, on every post, is never a fingerprint
    assert all(g != "#prabowogibran2024" for g in groups["fingerprint"])
