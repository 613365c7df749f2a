"""trendlib.dask coordination equals pandas without gathering the posts (sync scheduler)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")

import trendlib  # noqa: E402
import trendlib.dask as td  # noqa: E402
from trendlib import graphs  # noqa: E402
from trendlib.datasets import load_summit  # noqa: E402
from trendlib.graphs import _coord_parts as cp  # noqa: E402


@pytest.fixture(autouse=True)
def _sync():
    with dask.config.set(scheduler="sync"):
        yield


def _ddf(posts: pd.DataFrame, n: int):
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_pandas(posts, npartitions=n, sort=False)


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs == b.attrs


@pytest.fixture(scope="module")
def summit():
    return load_summit()


@pytest.mark.parametrize("options", [
    {},
    {"signals": "hashtags", "min_accounts": 2},
    {"min_similarity": None, "window": "10min"},
    {"signals": ["retweet", "text"], "min_similarity": 0.6, "repeat_window": "6h"},
])
def test_evidence_equals_pandas_on_the_summit_corpus(summit, options):
    want = graphs.coordination_evidence(summit, **options)
    assert len(want) > 100  # planted campaigns and their evidence
    _same(td.coordination_evidence(_ddf(summit, 3), **options), want)


def test_groups_equal_pandas_whatever_the_partitions(summit):
    want = graphs.coordinated_accounts(summit, top=2)
    for n in (1, 5):
        _same(td.coordinated_accounts(_ddf(summit, n), top=2), want)


def _organic(n: int = 300) -> list:
    t0 = pd.Timestamp("2023-09-04 08:00", tz="UTC")
    words = ["macet", "hujan", "kopi", "kerja", "pasar", "banjir", "kereta", "sekolah", "liburan", "harga"]
    rng = np.random.default_rng(0)
    return [(f"warga{i}", t0 + pd.Timedelta(minutes=9 * i), " ".join(rng.choice(words, 6)) + f" {i}", [],
             [f"https://berita.example/{i}"] if i % 2 else []) for i in range(n)]


def _frame(rows: list) -> pd.DataFrame:
    posts = pd.DataFrame(rows, columns=["author", "time", "text", "hashtags", "urls"])
    posts = posts.sort_values("time", kind="stable", ignore_index=True)
    posts.insert(0, "id", [str(i) for i in range(len(posts))])
    return posts


def test_shared_links_and_near_copies_across_an_hour_and_a_partition_boundary():
    t = pd.Timestamp("2023-09-05 10:58", tz="UTC")
    link = ["https://www.kabarjakarta.id/read/123/"]
    text = "Presiden buka KTT ASEAN hari ini, tekankan kesatuan dan sentralitas ASEAN"
    campaign = [(a, t + pd.Timedelta(seconds=s), text + (" sekarang" if i % 2 else "") + f" #{a}", [], link)
                for i, (a, s) in enumerate([("akun1", 0), ("akun2", 70), ("akun3", 150), ("akun4", 200)])]
    posts = _frame(_organic() + campaign)
    want = graphs.coordination_evidence(posts, signals=["text", "url"])
    assert set(want["signal"]) == {"text", "url"}
    assert want.loc[want["signal"] == "url", "fingerprint"].iloc[0] == "kabarjakarta.id/read/123"
    assert want.loc[want["signal"] == "text", "n_accounts"].max() == 4  # near copies merged over 11:00
    # the campaign straddles 11:00 UTC and, with 16 partitions, partition boundaries
    for n in (2, 16):
        _same(td.coordination_evidence(_ddf(posts, n), signals=["text", "url"]), want)


def test_lone_hashtag_supersets_join_across_partitions():
    t0 = pd.Timestamp("2023-11-20 00:00", tz="UTC")
    tags = ["patriotprabowo", "prabowo2024", "indonesiamaju"]
    rows = [(f"warga{i}", t0 + pd.Timedelta(hours=3 * i), f"kopi pagi {i}", ["kopi", "senja"] if i % 2 else ["hujan", "macet"], [])
            for i in range(60)]
    rows += [(a, t0 + pd.Timedelta(days=d, hours=h), "dukung terus", tags + ([f"extra{d}"] if a == "bot3" else []), [])
             for d in range(6) for a, h in [("bot1", 2), ("bot2", 7), ("bot3", 15)]]
    posts = _frame(rows)
    want = graphs.coordination_evidence(posts, signals="hashtags")
    assert want["accounts"].iloc[0] == ["bot1", "bot2", "bot3"]  # bot3's supersets joined the set
    _same(td.coordination_evidence(_ddf(posts, 4), signals="hashtags"), want)


def test_empty_collection_gives_the_empty_tables(summit):
    ddf = _ddf(summit, 3).map_partitions(lambda f: f.iloc[:0])
    _same(td.coordinated_accounts(ddf), graphs.coordinated_accounts(summit.iloc[:0]))


def test_uses_carry_no_text_and_keys_do_not_depend_on_the_split(summit):
    opts = graphs._coord_scores._options(summit, "t", signals=graphs._coord_scores.DEFAULT_SIGNALS, similarity=None, window="1h",
                                         repeat_window="1D", min_accounts=3, min_score=2.0, min_similarity=0.8, min_tokens=4, min_hashtags=2)
    whole = cp.post_uses(summit, part=0, opts=opts, func="t")[0]
    halves = [cp.post_uses(summit.iloc[a:b].reset_index(drop=True), part=0, opts=opts, func="t")[0] for a, b in [(0, 20000), (20000, len(summit))]]
    assert list(whole.columns) == list(cp.USE_COLUMNS) and all(whole[c].dtype.kind in "iu" for c in whole.columns)
    split = pd.concat(halves, ignore_index=True)
    key = lambda f: f.assign(t=f["time"]).sort_values(["signal", "t", "acc", "key"], ignore_index=True)[["signal", "acc", "time", "key"]]  # noqa: E731
    pd.testing.assert_frame_equal(key(whole), key(split))


def test_unknown_option_is_named(summit):
    with pytest.raises(TypeError, match="unexpected option.*'windw'"):
        td.coordinated_accounts(_ddf(summit, 2), windw="1h")
    with pytest.raises(ValueError, match="min_similarity"):
        td.coordination_evidence(_ddf(summit, 2), min_similarity=2)


@pytest.mark.data
@pytest.mark.parametrize("folder, name", [("tweets_danantara_2025", "danantara_pasca.csv"),
                                          ("tweets_pemilu2019_jokowi_prabowo", "data_prabowo_subianto.csv")])
def test_real_scrapes_equal_pandas(data_file, folder, name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = trendlib.read_posts(data_file(folder, name))
    want = graphs.coordination_evidence(posts)
    assert len(want) >= 5
    _same(td.coordination_evidence(_ddf(posts, 5)), want)
