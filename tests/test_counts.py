"""count(): posts -> zero-filled counts per (bin, key) with totals."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trendlib
import trendlib as tl
from trendlib import SchemaError
from trendlib.counts import count


def _posts():
    # three hours of talk about the ASEAN Summit in Jakarta (times in UTC)
    return pd.DataFrame(
        {
            "id": ["1", "2", "3", "4", "5"],
            "time": pd.to_datetime(
                ["2023-09-05 01:05:00", "2023-09-05 01:50:00", "2023-09-05 01:59:59",
                 "2023-09-05 04:10:00", "2023-09-05 04:20:00"], utc=True),
            "author": ["budi", "sari", "budi", "andi", "sari"],
            "text": [
                "Macet parah di Sudirman gara-gara #KTTASEAN #KTTASEAN",
                "Delegasi sudah tiba di Jakarta #kttasean @setkabgoid",
                "Jalan ditutup, kerja dari rumah saja #WFH",
                "Semoga KTT ASEAN membawa hasil untuk rakyat #KTTASEAN @jokowi",
                "Pengalihan arus di Senayan @TMCPoldaMetro",
            ],
            "hashtags": [["kttasean", "kttasean"], ["kttasean"], ["wfh"], ["kttasean"], []],
            "mentions": [[], ["setkabgoid"], [], ["jokowi"], ["tmcpoldametro"]],
        }
    )


def test_zero_filled_bins_totals_and_local_time():
    c = count(_posts(), freq="1h", tz="WIB")
    assert list(c.columns) == ["time", "key", "count", "total", "accounts"]
    assert c.attrs["tz"] == "Asia/Jakarta" and c.attrs["key"] == "hashtag"
    k = c[c.key == "kttasean"]
    # 08:00, 09:00, 10:00, 11:00 WIB: the empty hours are present with zeros
    assert [t.hour for t in k.time] == [8, 9, 10, 11]
    assert k["count"].tolist() == [2, 0, 0, 1]  # the post naming it twice counts once
    assert k["total"].tolist() == [3, 0, 0, 2]
    assert c[c.key == "wfh"]["count"].tolist() == [1, 0, 0, 0]
    assert c.dtypes["count"] == np.int64 and c.dtypes["total"] == np.int64
    assert str(c.time.dt.tz) == "Asia/Jakarta"
    # every key has every bin
    assert c.groupby("key").size().nunique() == 1


def test_time_zone_aliases_and_daily_bins_at_local_midnight():
    p = _posts()
    # 16:30 UTC is 23:30 WIB on the 5th but 00:30 WITA and 01:30 WIT on the 6th
    p.loc[4, "time"] = pd.Timestamp("2023-09-05 16:30", tz="UTC")
    for alias, name, days in (("WIB", "Asia/Jakarta", 1), ("WITA", "Asia/Makassar", 2), ("WIT", "Asia/Jayapura", 2)):
        c = count(p, key="mention", freq="1D", tz=alias)
        assert c.attrs["tz"] == name
        assert c.time.nunique() == days
        assert (c.time.dt.hour == 0).all()


def test_by_mention_author_and_term():
    p = _posts()
    m = count(p, key="mention", freq="1D")
    assert sorted(m.key.unique()) == ["jokowi", "setkabgoid", "tmcpoldametro"]
    a = count(p, key="author", freq="1D")
    assert dict(zip(a.key, a["count"])) == {"andi": 1, "budi": 2, "sari": 2}
    p2 = p.assign(tokens=[["macet", "sudirman"], ["delegasi", "jakarta"], ["jalan"], ["ktt", "asean"], ["senayan"]])
    t = count(p2, key="term", freq="1D")
    assert "sudirman" in set(t.key) and t["count"].sum() == 8


def test_by_term_uses_the_tokenizer():
    t = count(_posts(), key="term", freq="1D")
    keys = set(t.key)
    assert {"macet", "jakarta", "delegasi"} <= keys
    assert not any(k.startswith(("#", "@", "http")) for k in keys)  # words only
    assert "di" not in keys  # topic stopwords are removed


def test_keys_min_count_normalize_and_range():
    p = _posts()
    c = count(p, keys=["#KTTASEAN", "banjir"])
    assert sorted(c.key.unique()) == ["banjir", "kttasean"]
    assert c[c.key == "banjir"]["count"].sum() == 0
    assert set(count(p, min_count=2).key) == {"kttasean"}
    n = count(p, normalize=True)
    k = n[n.key == "kttasean"]
    assert k["share"].iloc[0] == pytest.approx(2 / 3) and np.isnan(k["share"].iloc[1])
    r = count(p, start="2023-09-05 07:00", end="2023-09-05 13:00")
    assert r.time.nunique() == 6 and r.attrs["rows_dropped"] == {}
    r2 = count(p, start="2023-09-05 09:00")
    assert r2.attrs["rows_dropped"] == {"outside [start, end)": 3}


def test_errors_name_the_parameter():
    p = _posts()
    with pytest.raises(SchemaError, match="hashtags"):
        count(p.drop(columns="hashtags"))
    with pytest.raises(ValueError, match="'freq' parameter of count\\(\\).*Got 'hourly'"):
        count(p, freq="hourly")
    with pytest.raises(ValueError, match="'tz' parameter"):
        count(p, tz="Mars/Olympus")
    with pytest.raises(ValueError, match="'key' parameter"):
        count(p, key="tag")
    with pytest.raises(TypeError):
        count([1, 2, 3])


def test_missing_times_are_reported_not_lost_silently():
    p = _posts()
    p.loc[2, "time"] = pd.NaT
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        c = count(p)
    assert any("1 posts have no time" in str(x.message) for x in w)
    assert c.attrs["rows_dropped"] == {"missing time": 1} and c.attrs["n_posts"] == 4


def test_empty_posts():
    p = _posts().iloc[:0]
    c = count(p)
    assert c.empty and list(c.columns) == ["time", "key", "count", "total", "accounts"]


def test_top_level_name():
    assert trendlib.count is count


@given(
    st.lists(st.tuples(st.integers(0, 72 * 60), st.lists(st.sampled_from(["ikn", "kttasean", "mudik"]), max_size=3)),
             min_size=1, max_size=60),
    st.sampled_from(["15min", "1h", "6h"]),
)
@settings(max_examples=60)
def test_counts_add_up(rows, freq):
    t0 = pd.Timestamp("2023-09-04", tz="UTC")
    p = pd.DataFrame({"time": [t0 + pd.Timedelta(minutes=m) for m, _ in rows], "hashtags": [h for _, h in rows]})
    c = count(p, freq=freq)
    # totals per bin sum to the number of posts; counts to the distinct (post, key) pairs
    per_bin = c.drop_duplicates("time")["total"]
    if len(c):  # (with no key at all the table has no rows)
        assert per_bin.sum() == len(p)
    assert c["count"].sum() == sum(len(set(h)) for _, h in rows)
    assert (c["count"] <= c["total"]).all()
    step = pd.Timedelta(freq)
    times = c.time.drop_duplicates().sort_values()
    assert (times.diff().dropna() == step).all()


def test_synthetic_posts_count_back_to_their_table():
    from trendlib.datasets import make_bursty_stream

    table, _ = make_bursty_stream(seed=3, n_keys=6, n_bins=72, n_bursts=3)
    posts, _ = make_bursty_stream(seed=3, n_keys=6, n_bins=72, n_bursts=3, output="posts")
    got = count(posts, accounts=False)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), table.reset_index(drop=True), check_dtype=False)


def test_min_count_equals_filtering_the_full_table():
    posts = tl.datasets.load_sample_posts()
    full = tl.count(posts, key="term", freq="1D")
    kept = tl.count(posts, key="term", freq="1D", min_count=5)
    posts_per_key = full.groupby("key")["count"].sum()  # one count per (post, key), so this is posts
    expected = sorted(posts_per_key[posts_per_key >= 5].index)
    assert sorted(kept["key"].unique()) == expected
    merged = kept.merge(full, on=["time", "key"], suffixes=("", "_full"))
    assert (merged["count"] == merged["count_full"]).all() and len(merged) == len(kept)


def test_huge_zero_filled_table_warns_with_the_fix(monkeypatch):
    import trendlib.counts as counts_mod

    monkeypatch.setattr(counts_mod, "_LARGE_TABLE", 100)
    with pytest.warns(UserWarning, match=r"keys x .* bins .* min_count="):
        tl.count(tl.datasets.load_sample_posts(), key="term", freq="1h")


def test_accounts_count_distinct_authors_per_cell():
    # budi posts #kttasean twice in the 08:00 WIB hour: 2 posts, 1 account... plus sari
    p = _posts()
    p.loc[1, "author"] = "BUDI"  # handles are case-insensitive: the same account
    c = count(p, freq="1h", tz="WIB")
    k = c[c.key == "kttasean"]
    assert k["count"].tolist() == [2, 0, 0, 1]
    assert k["accounts"].tolist() == [1, 0, 0, 1]
    assert (c["accounts"] <= c["count"]).all()
    assert "accounts" not in count(p, accounts=False).columns
    assert "accounts" not in count(p.drop(columns="author")).columns


def test_by_is_a_deprecated_alias_of_key():
    p = _posts()
    with pytest.warns(FutureWarning, match=r"count\(by=...\) is deprecated.*count\(key=...\)"):
        old = count(p, by="mention")
    pd.testing.assert_frame_equal(old, count(p, key="mention"))
    with pytest.raises(TypeError, match="both 'by'"):
        count(p, by="mention", key="mention")


def test_url_and_domain_keys():
    p = _posts()
    p["urls"] = [["https://www.detik.com/a"], ["https://detik.com/b", "http://kompas.id/x"], [], [], []]
    d = count(p, key="domain", freq="1D")
    assert sorted(d.key.unique()) == ["detik.com", "kompas.id"]
    assert d.groupby("key")["count"].sum().to_dict() == {"detik.com": 2, "kompas.id": 1}
    u = count(p, key="url", freq="1D")
    assert len(u.key.unique()) == 3


def test_naive_times_warn_once_with_the_fix():
    p = _posts()
    p["time"] = p["time"].dt.tz_localize(None)
    with pytest.warns(UserWarning, match=r"no time zone, so it is read as UTC.*source_tz='Asia/Jakarta'"):
        c = count(p, freq="1h", tz="WIB")
    assert c[c.key == "kttasean"]["count"].tolist() == [2, 0, 0, 1]  # same as UTC-aware input


def test_a_table_past_the_limit_is_refused_with_the_fix():
    p = _posts()
    p.loc[4, "time"] = pd.Timestamp("2073-09-05", tz="UTC")  # 50 years of 1-minute bins, 2 keys
    with pytest.raises(ValueError, match=r"over the limit of 50,000,000 rows.*coarser freq="):
        count(p, freq="1min")
    assert len(count(p, freq="7D")) > 0


_CELL = st.one_of(
    st.none(),
    st.just(float("nan")),
    st.lists(st.sampled_from(["ktt", "asean", "#KTT", "jakarta", "macet", "", "rt", "a1", "http://t.co/x", "👍"]),
             max_size=5),
    st.tuples(st.sampled_from(["ktt", "banjir"])),
    st.sampled_from(["banjir", "jalan"]),
)


@given(st.lists(_CELL, max_size=30))
def test_flatten_and_word_occurrences_equal_the_explode_reference(cells):
    # the fast paths of count() and the report: one chain over the cells, words tested once
    # per distinct token; the reference: Series.explode and a test per token
    from trendlib.counts import _is_word, flatten, word_occurrences

    ex = pd.Series(cells, dtype=object).explode()
    ex = ex[ex.notna()]
    rows, items = flatten(cells)
    assert rows.tolist() == ex.index.tolist() and items.tolist() == ex.tolist()
    lists = [c if isinstance(c, list) else [] for c in cells]
    ref = [(i, t) for i, ws in enumerate(lists) for t in ws if _is_word(t) and t != "rt"]
    r, w = word_occurrences(lists, drop=("rt",))
    assert list(zip(r.tolist(), w.tolist())) == ref
