"""Reply brigades: the same accounts answering several other accounts' threads.

The generator below draws organic replies with heavy-tailed activity (a few accounts answer
everything, as on real X threads) and popularity, independently of each other, and can
plant a brigade: a set of accounts that each answer the threads of several owners.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse, stats

import trendlib as tl
from trendlib.graphs import reply_brigades
from trendlib.graphs._brigades import _bicm


def _replies(seed: int, *, n: int = 60_000, accounts: int = 15_000, threads: int = 6_000, alpha: float = 1.2,
             brigade: int = 0, targets: int = 4) -> tuple[pd.DataFrame, set, set]:
    """Organic replies (Pareto activity and popularity) plus, optionally, ``brigade``
    accounts each answering 2-4 of ``targets`` threads of different owners."""
    rng = np.random.default_rng(seed)
    wa = rng.pareto(alpha, accounts) + 1
    wt = rng.pareto(1.1, threads) + 1
    acc = rng.choice(accounts, n, p=wa / wa.sum())
    th = rng.choice(threads, n, p=wt / wt.sum())
    rows = pd.DataFrame({"author": [f"u{a}" for a in acc], "conversation_id": [f"t{t}" for t in th],
                         "reply_to": [f"owner{t % 2000}" for t in th]})
    planted, owners = set(), set()
    if brigade:
        # the brigade's targets: mid-sized organic threads of different owners
        sizes = rows.groupby("conversation_id")["author"].nunique()
        pick = sizes[(sizes >= 30) & (sizes <= 200)].index.tolist()
        chosen, seen = [], set()
        for t in pick:
            o = f"owner{int(t[1:]) % 2000}"
            if o not in seen:
                chosen.append(t)
                seen.add(o)
            if len(chosen) == targets:
                break
        extra = []
        for b in range(brigade):
            for t in rng.choice(chosen, size=int(rng.integers(2, targets + 1)), replace=False):
                extra.append((f"bz{b}", t, f"owner{int(t[1:]) % 2000}"))
        rows = pd.concat([rows, pd.DataFrame(extra, columns=rows.columns)], ignore_index=True)
        planted = {f"bz{b}" for b in range(brigade)}
        owners = {f"owner{int(t[1:]) % 2000}" for t in chosen}
    rows["id"] = [f"p{i}" for i in range(len(rows))]
    rows["text"] = "balasan"
    return rows, planted, owners


def test_no_brigade_in_heavy_tailed_organic_replies_though_a_hypergeometric_null_would_see_many():
    for seed, alpha in ((0, 1.2), (1, 1.1), (2, 1.5)):
        posts, _, _ = _replies(seed, alpha=alpha)
        out = reply_brigades(posts)
        assert len(out) == 0, (seed, out[["n_accounts", "shared", "expected", "score"]])
        assert out.attrs["pairs_tested"] > 1000
    # why the BiCM: with every replier alike (hypergeometric), the same replies give many "brigades"
    ac, _ = pd.factorize(posts["author"])
    tc, _ = pd.factorize(posts["conversation_id"])
    M = sparse.csr_matrix((np.ones(len(ac)), (tc, ac)))
    M.sum_duplicates()
    M.data[:] = 1
    size = np.asarray(M.sum(axis=1)).ravel()
    pop = np.flatnonzero(size >= 20)
    O = (M[pop] @ M[pop].T).toarray()
    i, j = np.triu_indices(len(pop), k=1)
    k = O[i, j]
    logp = stats.hypergeom.logsf(k - 1, M.shape[1], size[pop[i]], size[pop[j]]) + np.log(len(i))
    assert ((-logp / np.log(10) >= 2) & (k >= 10) & (k >= 0.1 * np.minimum(size[pop[i]], size[pop[j]]))).sum() > 20


def test_a_planted_brigade_is_found_with_its_accounts_and_the_accounts_it_answers():
    posts, planted, owners = _replies(3, brigade=60)
    out = reply_brigades(posts)
    assert len(out) == 1
    r = out.iloc[0]
    found = set(r.accounts)
    assert len(found & planted) >= 0.9 * len(planted)
    assert len(found - planted) <= 0.1 * len(found)  # organic repliers of both threads are few
    assert set(r.thread_authors) == owners and r.n_occasions == len(owners)
    assert r.signals == ["reply"] and r.scale == "threads" and r.shared > 2 * r.expected
    assert r.score >= 2 and set(r.post_ids) <= set(posts["id"])
    brigade_posts = posts[posts["author"].isin(found) & posts["conversation_id"].isin(set(r.threads))]
    assert r.n_posts == len(brigade_posts)


def test_threads_of_one_account_are_not_tested_and_replies_to_accounts_stand_in_for_threads():
    posts, planted, owners = _replies(4, brigade=60)
    # every thread the brigade answers now belongs to one owner: a community, not tested
    targets = set(posts.loc[posts["author"].isin(planted), "conversation_id"])
    same = posts.copy()
    same.loc[same["conversation_id"].isin(targets), "reply_to"] = "owner_satu"
    assert len(reply_brigades(same)) == 0
    # without conversation ids, each replied-to account is one thread: still found
    no_ids = posts.drop(columns="conversation_id")
    out = reply_brigades(no_ids)
    assert len(out) == 1 and set(out.iloc[0].thread_authors) == owners


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_result_does_not_depend_on_row_order(seed):
    posts, _, _ = _replies(5, n=20_000, accounts=5_000, threads=2_000, brigade=40)
    a = reply_brigades(posts)
    b = reply_brigades(posts.sample(frac=1.0, random_state=seed).reset_index(drop=True))
    cols = ["n_accounts", "n_posts", "n_occasions", "score", "shared", "expected"]
    assert a[cols].equals(b[cols])
    assert a["accounts"].tolist() == b["accounts"].tolist() and a["post_ids"].tolist() == b["post_ids"].tolist()
    assert [sorted(t) for t in a["threads"]] == [sorted(t) for t in b["threads"]]


def test_bicm_keeps_every_degree_on_average():
    rng = np.random.default_rng(0)
    wa, wt = rng.pareto(1.3, 800) + 1, rng.pareto(1.1, 300) + 1
    links = np.unique(np.c_[rng.choice(800, 6000, p=wa / wa.sum()), rng.choice(300, 6000, p=wt / wt.sum())], axis=0)
    deg, size = np.bincount(links[:, 0]), np.bincount(links[:, 1])
    deg, size = deg[deg > 0], size[size > 0]
    dv, dc, sv, p = _bicm(deg, size)
    _, scount = np.unique(size, return_counts=True)
    assert np.allclose(p @ scount, dv, rtol=1e-6) and np.allclose(p.T @ dc, sv, rtol=1e-6)


def test_bad_input_names_the_parameter():
    posts = pd.DataFrame({"author": ["a"], "text": ["x"]})
    with pytest.raises(ValueError, match="reply_to"):
        reply_brigades(posts)
    ok = pd.DataFrame({"author": ["a"], "reply_to": ["b"]})
    with pytest.raises(ValueError, match="'min_share' parameter of reply_brigades"):
        reply_brigades(ok, min_share=2)
    with pytest.raises(ValueError, match="'min_repliers' parameter of reply_brigades"):
        reply_brigades(ok, min_repliers=1)
    assert len(reply_brigades(ok)) == 0 and list(reply_brigades(ok).columns)[:3] == ["group", "accounts", "n_accounts"]


def test_missing_authors_and_targets_are_not_replies():
    posts, planted, owners = _replies(7, n=20_000, accounts=5_000, threads=2_000, brigade=40)
    want = reply_brigades(posts)
    holes = pd.DataFrame({"author": [None, pd.NA, "u1", "u2"], "reply_to": ["owner1", "owner1", None, pd.NA],
                          "conversation_id": ["t1", "t1", "t1", None], "id": ["h1", "h2", "h3", "h4"],
                          "text": ["x"] * 4})
    both = pd.concat([posts, holes], ignore_index=True)
    for frame in (both, both.astype({"author": "string", "reply_to": "string"})):
        got = reply_brigades(frame)
        assert got[["n_accounts", "n_posts", "score"]].equals(want[["n_accounts", "n_posts", "score"]])


def test_danantara_reply_brigade_and_no_brigade_in_organic_scrapes(data_file):
    after = tl.read_posts(data_file("tweets_danantara_2025", "danantara_pasca.csv"))
    out = reply_brigades(after)
    assert len(out) == 1
    r = out.iloc[0]
    assert set(r.thread_authors) == {"genznusantara", "jedteguh03", "reaareaa__"}
    assert r.n_accounts > 300 and r.shared > 2 * r.expected
    # the brigade's replies are its templated praise of Danantara (and of the president's support)
    texts = after.set_index("id").loc[list(r.post_ids), "text"].str.lower()
    assert texts.str.contains("danantara").mean() > 0.9 and texts.str.contains("prabowo").mean() > 0.5
    for folder, name in (("tweets_danantara_2025", "danantara_pra.csv"), ("tweets_kipk_2024", "scraped_data.csv")):
        organic = reply_brigades(tl.read_posts(data_file(folder, name)))
        assert len(organic) == 0 and organic.attrs["pairs_tested"] >= 30


def test_dask_reply_brigades_equal_pandas():
    dask = pytest.importorskip("dask")
    dd = pytest.importorskip("dask.dataframe")
    import trendlib.dask as td

    posts, _, _ = _replies(6, n=30_000, accounts=6_000, threads=3_000, brigade=50)
    posts["time"] = pd.Timestamp("2025-05-29", tz="UTC") + pd.to_timedelta(np.arange(len(posts)) % 86_400, unit="s")
    posts["text"] = [f"balasan {i % 7}" for i in range(len(posts))]
    posts["is_retweet"] = False
    want = reply_brigades(posts)
    assert len(want) == 1 and len(want.iloc[0].texts) == 3
    with dask.config.set(scheduler="sync"):
        for n in (1, 4):
            with dask.config.set({"dataframe.convert-string": False}):
                ddf = dd.from_pandas(posts, npartitions=n, sort=False)
            got = td.reply_brigades(ddf)
            pd.testing.assert_frame_equal(got, want)
            assert got.attrs == want.attrs
