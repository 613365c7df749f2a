"""When an X account was made, read from its user id (snowflake ids)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trendlib as tl
from trendlib.io import account_created
from trendlib.report._summary import creation_batch


def _snowflake(when: str, seq: int = 0) -> str:
    ms = int(pd.Timestamp(when, tz="UTC").value // 1_000_000) - 1288834974657
    return str((ms << 22) | seq)


def test_snowflake_ids_give_their_time_and_sequential_ids_none():
    posts = pd.DataFrame({
        "author": ["baru", "baru", "lama", "lama2015", "tiktok", "kosong"],
        "author_id": [_snowflake("2023-09-05 04:08:52.213"), None, "147926502", "4375564153", _snowflake("2024-01-01"), None],
        "platform": ["twitter", "twitter", "twitter", "twitter", "tiktok", "twitter"],
    })
    created = account_created(posts)
    assert str(created["baru"]) == "2023-09-05 04:08:52.213000+00:00"  # one readable row is enough
    assert created[["lama", "lama2015", "kosong"]].isna().all()  # sequential ids (2010, about 2015) and none
    assert "tiktok" not in created.index  # other platforms' ids are not X's
    # the real id the module docstring names: an account of the Danantara brigade
    assert str(account_created(pd.DataFrame({"author": ["1698911045786669056"]})).iloc[0])[:16] == "2023-09-05 04:08"


def test_creation_batch_compares_with_the_files_other_accounts():
    times = [f"2023-10-0{d} 10:00" for d in range(2, 9)] + ["2021-01-01 00:00", "2022-06-01 00:00", "2023-10-03 00:00",
                                                            "2019-01-01 00:00"]
    created = pd.Series(pd.to_datetime(times, utc=True), index=[f"b{i}" for i in range(7)] + ["o1", "o2", "o3", "o4"])
    b = creation_batch(created, [f"b{i}" for i in range(7)] + ["gone"])
    assert b["in_window"] == 7 and b["readable"] == 7 and b["n"] == 8  # 2-8 Oct 10:00 lie within 7 days of the first
    assert str(b["start"].date()) == "2023-10-02" and b["others_share"] == pytest.approx(0.25)
    assert creation_batch(created, ["b0", "b1", "o1"]) is None  # too few to say


def test_report_says_when_the_danantara_brigade_accounts_were_made(data_file):
    posts = tl.read_posts(data_file("tweets_danantara_2025", "danantara_pasca.csv"))
    created = account_created(posts)
    assert created.notna().sum() > 2000  # most accounts of the file have a snowflake id
    brigade = tl.graphs.reply_brigades(posts).iloc[0]
    b = creation_batch(created, brigade.accounts)
    assert b["readable"] == brigade.n_accounts and b["in_window"] > 100 and b["others_share"] < 0.05
    assert b["start"].strftime("%Y-%m") in ("2023-09", "2023-10")
    text = tl.build_report(posts).to_text()
    assert "accounts created (read from their X user ids)" in text


@settings(max_examples=60, deadline=None)
@given(ms=st.integers(int(pd.Timestamp("2016-01-01", tz="UTC").value // 1_000_000),
                      int(pd.Timestamp("2030-01-01", tz="UTC").value // 1_000_000)),
       low=st.integers(0, 2**22 - 1), old=st.integers(1, 10**10 - 1))
def test_a_snowflake_gives_back_its_millisecond_and_a_sequential_id_nothing(ms, low, old):
    snowflake = ((ms - 1288834974657) << 22) | low  # whatever the worker and sequence bits
    created = account_created(pd.DataFrame({"author": ["a", "b"], "author_id": [str(snowflake), str(old)]}))
    assert created["a"].value // 1_000_000 == ms
    assert pd.isna(created["b"])
