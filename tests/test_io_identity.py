"""One identity per account, inferred replies, the format registry, chunked reading and the
fast parser's agreement with the exact one (issues 8, 9, 11), on real files where they exist."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd
import pytest

import trendlib
from trendlib._keys import account_key
from trendlib.io import formats
from trendlib.io._registry import FORMAT_NAMES, REGISTRY

ROOT = Path(__file__).resolve().parents[1]


def quiet(fn, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kw)


def _posts_files(home: Path) -> list[Path]:
    files = sorted(home.glob("tweets_*/*.csv")) + sorted(home.glob("formats_*/*.json*")) + sorted(
        home.glob("formats_*/*.csv"))
    return [f for f in files if f.stat().st_size > 0]


def _read_all(home):
    out = []
    for f in _posts_files(home):
        try:
            out.append((f, quiet(trendlib.read_posts, f, source_tz="UTC")))
        except (trendlib.SchemaError, trendlib.FormatError):
            continue  # not a posts file (edges, undated labels): covered in test_io_real
    return out


# ------------------------------------------------------------------ registry (issue 8)


def test_formats_table_is_the_registry_and_read_posts_accepts_every_name():
    table = formats()
    assert table["format"].tolist() == list(REGISTRY)
    assert set(table["kind"]) == {"table", "records"} and table["description"].str.len().gt(10).all()
    assert set(FORMAT_NAMES) == {"auto", *REGISTRY}
    with pytest.raises(ValueError, match=r"The 'format' parameter of read_posts\(\) must be one of \['auto', 'twarc2'"):
        trendlib.read_posts([{"id": "1"}], format="csv")


def test_docs_table_lists_every_registered_format():
    doc = (ROOT / "docs" / "io.md").read_text(encoding="utf-8")
    for name in REGISTRY:
        assert f"| `{name}` |" in doc, name


def test_source_tz_accepts_indonesian_abbreviations():
    df = pd.DataFrame({"id": ["1"], "time": ["2023-09-05 09:00"], "text": ["halo"]})
    for tz, hour in (("WIB", 2), ("WITA", 1), ("WIT", 0), ("wib", 2)):
        assert trendlib.read_posts(df, source_tz=tz)["time"].dt.hour.tolist() == [hour]


# ------------------------------------------------------------------ identity (issue 9)


def test_account_columns_hold_account_keys():
    posts = trendlib.read_posts([
        {"id": "1", "created_at": "2023-09-05T02:00:00Z", "username": "@KemluRI", "text": "Halo @Setkab_RI #ASEAN",
         "in_reply_to_screen_name": "@Setkab_RI"},
        {"id": "2", "created_at": "2023-09-05T03:00:00Z", "username": "kemluri", "text": "lagi"},
    ])
    assert posts["author"].tolist() == ["kemluri", "kemluri"]
    assert posts["author_name"].tolist() == ["KemluRI", "kemluri"]
    assert posts["reply_to"].tolist()[0] == "setkab_ri" and posts["mentions"].tolist()[0] == ["setkab_ri"]


@pytest.mark.data
def test_every_real_file_has_one_identity_per_account(data_home):
    read = _read_all(data_home)
    assert len(read) >= 30
    for f, posts in read:
        authors = posts["author"].dropna()
        assert authors.eq(authors.map(account_key)).all(), f
        names = posts["author_name"].dropna()
        assert names.str.lower().str.lstrip("@").eq(posts.loc[names.index, "author"]).all(), f
        for col in ("mentions",):
            flat = posts[col].explode().dropna()
            assert flat.eq(flat.map(account_key)).all(), f
        rt = posts["reply_to"].dropna()
        assert rt.eq(rt.map(account_key)).all(), f
        # the join an analyst makes: an author found among mentioned accounts is found by isin
        mentioned = set(posts["mentions"].explode().dropna())
        hits = posts["author"].isin(mentioned)
        assert hits.sum() == sum(a in mentioned for a in posts["author"].dropna()), f


@pytest.mark.data
def test_replies_inferred_from_conversation_ids_and_leading_mentions(data_file):
    kipk = quiet(trendlib.read_posts, data_file("tweets_kipk_2024", "scraped_data.csv"))
    src = kipk.attrs["replies"]
    assert src["reply column"] == 2429 and src.get("conversation id", 0) <= 5
    sherina = quiet(trendlib.read_posts, data_file("tweets_petualangansherina2_2023", "petualangansherina2.csv"))
    # no reply column there: replies come from conversation ids (and their leading @run)
    assert sherina.attrs["replies"].get("conversation id", 0) > 0
    assert sherina["reply_to"].notna().sum() <= sherina.attrs["replies"]["conversation id"]
    corona = quiet(trendlib.read_posts, data_file("tweets_corona_jakarta_2020", "crawling_twitter_jakarta_26.csv"),
                   source_tz="UTC")
    from trendlib.io._accounts import LEADING_MENTIONS

    lead = corona["text"].str.match(LEADING_MENTIONS)
    assert corona.attrs["replies"]["leading mentions"] == int((lead & ~corona["is_retweet"]).sum()) > 1000
    first = corona.loc[lead, "text"].str.extract(LEADING_MENTIONS, expand=False).str.lower()
    assert (corona.loc[lead & ~corona["is_retweet"], "reply_to"] == first[~corona.loc[lead, "is_retweet"]]).all()


@pytest.mark.data
def test_numeric_authors_are_resolved_where_the_file_says_and_counted(data_file):
    posts = quiet(trendlib.read_posts, data_file("tweets_danantara_2025", "danantara_pasca.csv"))
    ids = posts.attrs["author_ids"]
    assert ids["conversation_root"] > 0
    still = posts["author"].str.fullmatch(r"\d+").fillna(False).astype(bool)  # two authors are missing (rounded ids)
    assert int(still.sum()) == ids["unresolved_posts"]
    assert ids["unresolved_accounts"] == posts.loc[still, "author"].nunique()


# ------------------------------------------------------------------ chunks (issue 11)


@pytest.mark.data
@pytest.mark.parametrize("name", [("tweets_kipk_2024", "scraped_data.csv"),
                                  ("formats_twarc2_twarc2sql", "search_example.jsonl"),
                                  ("tweets_pemilu2019_jokowi_prabowo", "data_joko_widodo.csv")])
def test_chunks_add_up_to_the_whole_read(data_file, name):
    path = data_file(*name)
    whole = quiet(trendlib.read_posts, path, source_tz="UTC")
    parts = quiet(lambda: list(trendlib.read_posts(path, chunksize=700, source_tz="UTC")))
    assert all(len(p) <= 700 for p in parts) and len(parts) == -(-len(whole) // 700)
    cat = pd.concat(parts, ignore_index=True)
    for col in ("id", "time", "text", "hashtags", "mentions", "urls", "like_count", "is_retweet"):
        assert cat[col].astype(str).tolist() == whole[col].astype(str).tolist(), col
    total = parts[-1].attrs["total"]
    assert total["rows"] == len(whole) and total["rows_read"] == whole.attrs["rows_read"]
    assert sum(p.attrs["rows"] for p in parts) == len(whole)


def test_chunks_of_records_and_a_bad_chunksize():
    recs = ({"id": str(i), "created_at": "2023-09-05T02:00:00Z", "text": f"halo #{i % 3}x"} for i in range(25))
    parts = list(trendlib.read_posts(recs, chunksize=10))
    assert [len(p) for p in parts] == [10, 10, 5] and parts[-1].attrs["total"]["rows"] == 25
    with pytest.raises(ValueError, match=r"The 'chunksize' parameter of read_posts\(\) must be an integer >= 1"):
        trendlib.read_posts(recs, chunksize=0)


# ------------------------------------------------------------------ fast path == exact path


@pytest.mark.data
def test_arrow_path_reads_what_the_exact_parser_reads(data_home):
    pytest.importorskip("pyarrow")
    from trendlib.io._encoding import decode
    from trendlib.io._source import open_file
    from trendlib.io._tabular import LINE, parse_delimited

    n_fast = 0
    for f in sorted(data_home.glob("*/*.csv")):
        fast = open_file(str(f), "auto")
        if fast.report.info.get("parser") != "arrow":
            continue
        n_fast += 1
        text = decode(f.read_bytes())[0]
        exact, _, bad = parse_delimited(text, sep=fast.report.info["delimiter"])
        assert bad == [], f
        cols = [c for c in exact.columns if c != LINE]
        assert list(fast.raw.columns) == cols + [LINE], f
        for c in cols:
            assert fast.raw[c].astype(str).tolist() == exact[c].astype(str).tolist(), (f, c)
        assert fast.raw[LINE].tolist() == exact[LINE].tolist(), f
    assert n_fast >= 20


@pytest.mark.data
def test_formats_detected_on_real_files_are_registered(data_home):
    for f, posts in _read_all(data_home):
        assert posts.attrs["format"] in REGISTRY, f
        assert os.path.exists(posts.attrs["source"]), f



# ------------------------------------------------------------------ entities == trendlib.text


def test_entity_table_matches_the_text_functions_on_edge_cases():
    from trendlib import text
    from trendlib.io._entities import entity_table

    texts = ["a\u00a0#b c", "x\u2003@y z", "z\x1c#q", "\u3000#ok", "emoji😀#tag @Üser", "ｆｕｌｌ＃ｔａｇ", "a\u0085#b",
             "tab\t#t\u200b#u", "#tag1\u2028#tag2", "A & B #x", "&amp;#tag", "#a&#35;b", "x &lt;@user&gt;",
             "macet. besok.. www.asean2023.id/news ok", "humas@kemlu.go.id @USER @Jokowi", "", "#anak2#", "1.000 orang"]
    tags, ments, urls = entity_table(pd.Series(texts * 2, dtype="str"))
    for i, t in enumerate(texts * 2):
        assert tags[i] == text.hashtags(t) and ments[i] == text.mentions(t) and urls[i] == text.urls(t), t
    assert tags[0] is not tags[len(texts)]  # repeated texts get their own lists


@pytest.mark.data
def test_entity_table_matches_the_text_functions_on_every_real_text(data_home):
    from trendlib import text
    from trendlib.io._entities import entity_table

    texts = list(dict.fromkeys(t for _, posts in _read_all(data_home) for t in posts["text"]))
    assert len(texts) > 50_000
    tags, ments, urls = entity_table(pd.Series(texts, dtype="str"))
    bad = [t for i, t in enumerate(texts)
           if (tags[i], ments[i], urls[i]) != (text.hashtags(t), text.mentions(t), text.urls(t))]
    assert bad == []
