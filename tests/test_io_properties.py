"""Invariants of read_posts (hypothesis)."""

from __future__ import annotations

import csv
import warnings

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import trendlib
from trendlib.io import ReadWarning

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=60
).filter(lambda t: t.strip() != "")
ids = st.integers(min_value=1, max_value=2**63 - 1).map(str)
times = st.datetimes(min_value=pd.Timestamp("2010-01-01").to_pydatetime(), max_value=pd.Timestamp("2030-01-01").to_pydatetime())
rows = st.lists(st.tuples(ids, times, texts), min_size=1, max_size=25)


def _read(source, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        return trendlib.read_posts(source, **kw)


@settings(max_examples=40, deadline=None)
@given(rows)
def test_dataframe_round_trip_keeps_rows_ids_and_times(data):
    df = pd.DataFrame(data, columns=["id", "created_at", "text"])
    posts = _read(df)
    assert len(posts) == len(df)
    assert posts["id"].tolist() == df["id"].tolist()
    assert (posts["time"].dt.tz_localize(None) == df["created_at"].astype("datetime64[ns]")).all()
    # reading canonical posts again changes nothing that matters
    again = _read(posts)
    assert again.attrs["format"] == posts.attrs["format"] == "generic"
    cols = ["id", "time", "author", "hashtags", "mentions", "is_retweet", "like_count", "source_format"]
    pd.testing.assert_frame_equal(again[cols], posts[cols])


@settings(max_examples=30, deadline=None)
@given(rows, st.sampled_from([",", ";", "\t"]), st.sampled_from(["\n", "\r\n"]))
def test_csv_round_trip_keeps_text_exactly(tmp_path_factory, data, sep, newline):
    path = tmp_path_factory.mktemp("rt") / "p.csv"
    data = [(i, t, x.replace("\r", " ").replace("\\n", "/n").replace("&", "+").replace("<U+", "<u+")) for i, t, x in data]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=sep, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
        w.writerow(["id", "created_at", "text"])
        for i, t, x in data:
            w.writerow([i, t.isoformat(), x])
    posts = _read(path)
    assert len(posts) + sum(posts.attrs["rows_dropped"].values()) == len(data)
    assert posts.attrs["rows_dropped"] == {}
    assert posts["id"].tolist() == [d[0] for d in data]
    assert posts["text"].tolist() == [d[2] for d in data]


@settings(max_examples=30, deadline=None)
@given(st.lists(texts, min_size=1, max_size=20))
def test_entities_are_lowercase_lists_without_markers(xs):
    posts = _read([{"id": str(i), "created_at": "2023-09-05T02:00:00Z", "text": "#ASEAN " + x + " @Warta"} for i, x in enumerate(xs)])
    for tags, ments in zip(posts["hashtags"], posts["mentions"]):
        assert isinstance(tags, list) and isinstance(ments, list)
        assert all(t and t == t.lower() and not t.startswith("#") for t in tags)
        assert all(m and m == m.lower() and not m.startswith("@") for m in ments)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["p.csv", "p.jsonl", "p.json", "p.tsv"]))
def test_arbitrary_bytes_give_posts_or_a_trendlib_error(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    try:
        posts = _read(path)
    except (trendlib.FormatError, trendlib.SchemaError):
        return
    assert len(posts) + sum(posts.attrs["rows_dropped"].values()) == posts.attrs["rows_read"]


header_rows = st.lists(st.lists(st.sampled_from(["1", "2023-09-05T02:00:00Z", "halo #A", "", '"', "x;y", "\n"]),
                                min_size=0, max_size=5), max_size=8)


@settings(max_examples=150, deadline=None)
@given(header_rows)
def test_ragged_csv_counts_every_row(tmp_path_factory, rows):
    path = tmp_path_factory.mktemp("ragged") / "p.csv"
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "created_at", "text"])
        w.writerows(rows)
    try:
        posts = _read(path)
    except (trendlib.FormatError, trendlib.SchemaError):
        return
    non_blank = [r for r in rows if r and any(f.strip() for f in r)]
    assert len(posts) + sum(posts.attrs["rows_dropped"].values()) == posts.attrs["rows_read"] <= len(rows)
    assert posts.attrs["rows_read"] >= len([r for r in non_blank if len(r) == 3])
