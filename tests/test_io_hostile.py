"""Hostile and broken input (issue 11): each case ends in a clear trendlib error or a
counted warning, and no row is lost without being counted."""

from __future__ import annotations

import gzip
import io
import json
import time
import warnings
import zipfile

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendlib
from trendlib import FormatError
from trendlib.io import ReadWarning
from trendlib.io._schema import parse_count, to_count

HEADER = "id,created_at,username,text,like_count"


def write(tmp_path, content, name="p.csv"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def quiet(fn, *args, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kw)


# ------------------------------------------------------------------ 2. out-of-range times


@pytest.mark.parametrize("errors", ["warn", "skip", "raise"])
def test_times_outside_the_nanosecond_range_are_counted_not_a_crash(tmp_path, errors):
    rows = ["1,2023-09-05T02:00:00Z,dinda,macet parah di Senayan,3",
            "2,9999-12-31T00:00:00Z,budi,tahun sembilan ribu,1",
            "3,0001-01-01 00:00:00,siti,tahun satu,0",
            "4,9999999999999,ani,epoch ms jauh di depan (2286),2",
            "5,1693879200,rudi,epoch detik biasa,5"]
    path = write(tmp_path, "\n".join([HEADER, *rows]))
    if errors == "raise":
        with pytest.raises(FormatError, match=r"3 time out of range"):
            trendlib.read_posts(path, errors=errors, source_tz="UTC")
        return
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        posts = trendlib.read_posts(path, errors=errors, source_tz="UTC")
    assert posts["id"].tolist() == ["1", "5"]
    assert posts.attrs["rows_dropped"] == {"time out of range": 3} and posts.attrs["rows_read"] == 5
    said = [str(w.message) for w in caught if issubclass(w.category, ReadWarning)]
    assert bool(said) == (errors == "warn")


# ------------------------------------------------------------------ 4. engagement counts


def test_engagement_counts_as_written_by_scrapers_and_uis(tmp_path):
    rows = ['1,2023-09-05T02:00:00Z,a,satu,"1,234"', "2,2023-09-05T02:00:00Z,a,dua,1.2K",
            "3,2023-09-05T02:00:00Z,a,tiga,99999999999999999999", "4,2023-09-05T02:00:00Z,a,empat,1e400",
            "5,2023-09-05T02:00:00Z,a,lima,inf", "6,2023-09-05T02:00:00Z,a,enam,9223372036854775807",
            "7,2023-09-05T02:00:00Z,a,tujuh,-3", "8,2023-09-05T02:00:00Z,a,delapan,3 rb"]
    with pytest.warns(ReadWarning, match=r"4 engagement counts of 'p.csv' are not counts \(\{'like_count': 4\}"):
        posts = trendlib.read_posts(write(tmp_path, "\n".join([HEADER, *rows])), source_tz="UTC")
    assert posts["like_count"].tolist() == [1234, 1200, pd.NA, pd.NA, pd.NA, 9223372036854775807, pd.NA, 3000]
    assert posts.attrs["unreadable_counts"] == {"like_count": 4} and len(posts) == 8  # no row dropped


@given(st.integers(min_value=0, max_value=2**63 - 1))
def test_counts_with_thousands_separators_round_trip(n):
    for text in (str(n), f"{n:,}", f"{n:,}".replace(",", ".")):
        assert parse_count(text) == n
    assert to_count(pd.Series([f"{n:,}"])).tolist() == [n]


@given(st.integers(min_value=2**63, max_value=10**30))
def test_counts_beyond_int64_are_missing_and_reported(n):
    seen = []
    out = to_count(pd.Series([str(n), "5"]), report_bad=lambda k, ex: seen.append(k))
    assert out.tolist() == [pd.NA, 5] and seen == [1]


# ------------------------------------------------------------------ 5, 17. JSON lines


@given(st.lists(st.text(alphabet=st.sampled_from(list("ab #\u2028\u2029\u0085\r\t\"\\é😀")), min_size=1, max_size=12),
                min_size=1, max_size=6))
def test_jsonl_splits_only_on_newline(texts):
    lines = [json.dumps({"id": str(i), "created_at": "2023-09-05T02:00:00Z", "text": t}, ensure_ascii=False)
             for i, t in enumerate(texts)]
    buf = "\n".join(lines).encode("utf-8")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "p.jsonl"
        path.write_bytes(buf)
        posts = quiet(trendlib.read_posts, path)
    assert posts.attrs["rows_read"] == len(texts) and posts.attrs["rows_dropped"] == {}
    assert posts["id"].tolist() == [str(i) for i in range(len(texts))]


def test_corrupt_first_jsonl_line_keeps_the_good_lines(tmp_path):
    good = [json.dumps({"id": str(i), "created_at": "2023-09-05T02:00:00Z", "text": f"halo {i}"}) for i in range(299)]
    path = write(tmp_path, "\n".join(['{"id": "x", "text": "terpotong', *good]), name="p.jsonl")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        posts = trendlib.read_posts(path, errors="skip")
    assert len(posts) == 299 and posts.attrs["rows_dropped"] == {"invalid JSON": 1}
    with pytest.raises(FormatError, match=r"1 of 300 rows .* 1 invalid JSON \(line 1"):
        trendlib.read_posts(path, errors="raise")


# ------------------------------------------------------------------ 7, 9. times


def test_slash_dates_of_several_layouts_and_orders(tmp_path):
    content = "\n".join(["service,date,message", "twitter,8/21/2021,pagi", "twitter,8/21/2021 10:59:00,siang",
                         "twitter,8/22/2021 10:59,sore", "twitter,25/08/2021 08:00,malam"])
    with pytest.warns(ReadWarning, match=r"mixes month-first and day-first slash dates"):
        posts = trendlib.read_posts(write(tmp_path, content), source_tz="UTC")
    assert [str(t) for t in posts["time"]] == ["2021-08-21 00:00:00+00:00", "2021-08-21 10:59:00+00:00",
                                               "2021-08-22 10:59:00+00:00", "2021-08-25 08:00:00+00:00"]
    assert posts.attrs["rows_dropped"] == {}


def test_mixed_naive_and_offset_times_with_a_source_zone(tmp_path):
    content = "\n".join(["id,created_at,text", "1,2023-09-05 09:00:00,naive WIB", "2,2023-09-05T09:00:00+07:00,offset",
                         "3,2023-09-05T02:00:00Z,zulu", "4,2023-09-05 09:00:00 +0700,spasi"])
    posts = trendlib.read_posts(write(tmp_path, content), source_tz="WIB")
    assert posts["time"].dt.strftime("%H:%M").tolist() == ["02:00"] * 4
    assert posts.attrs["naive_times"] == 1 and posts.attrs["source_tz"] == "Asia/Jakarta"


def test_naive_times_warn_once_with_the_fix(tmp_path):
    path = write(tmp_path, "\n".join(["id,created_at,text", "1,2023-09-05 09:00:00,a", "2,2023-09-05 10:00:00,b"]))
    with pytest.warns(ReadWarning, match=r"2 timestamps of 'p.csv' carry no time zone.*source_tz='Asia/Jakarta'") as w:
        trendlib.read_posts(path)
    assert sum("carry no time zone" in str(x.message) for x in w) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        posts = trendlib.read_posts(path, source_tz="UTC")
    assert posts["time"].iloc[0] == pd.Timestamp("2023-09-05 09:00", tz="UTC")
    with pytest.warns(FutureWarning, match=r"read_posts\(tz=...\) is deprecated .* use read_posts\(source_tz=...\)"):
        old = trendlib.read_posts(path, tz="WIB")
    assert old["time"].iloc[0] == pd.Timestamp("2023-09-05 02:00", tz="UTC")
    with pytest.raises(ValueError, match=r"The 'source_tz' parameter of read_posts\(\) must be a time-zone name"):
        trendlib.read_posts(path, source_tz="Jakarta")


# ------------------------------------------------------------------ 8, 17. lists of files


def test_files_keyed_by_path_not_base_name(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "c").mkdir()
    a = write(tmp_path / "a", "\n".join([HEADER, "1,2023-09-05T02:00:00Z,x,satu,1"]), name="data.csv")
    c = write(tmp_path / "c", "\n".join([HEADER, "2,2023-09-05T02:00:00Z,y,dua,1", "3,2023-09-05T02:00:00Z,y,tiga,1"]),
              name="data.csv")
    posts = trendlib.read_posts([a, c, a], source_tz="UTC")
    files = posts.attrs["files"]
    assert len(files) == 3 and posts.attrs["rows_read"] == 4
    assert [f["rows_read"] for f in files.values()] == [1, 2, 1]
    assert posts["source_file"].nunique() == 3


def test_an_empty_file_in_a_list_is_counted_not_fatal(tmp_path):
    good = write(tmp_path, "\n".join([HEADER, "1,2023-09-05T02:00:00Z,x,satu,1"]), name="ok.csv")
    empty = write(tmp_path, b"", name="kosong.csv")
    with pytest.warns(ReadWarning, match=r"1 of 2 files are empty and were skipped"):
        posts = trendlib.read_posts([good, empty], source_tz="UTC")
    assert len(posts) == 1 and posts.attrs["empty_files"] == [str(empty)]
    with pytest.raises(FormatError, match="is empty"):
        trendlib.read_posts([good, empty], errors="raise", source_tz="UTC")


# ------------------------------------------------------------------ 10. malformed JSON shapes


def _twarc_page(**over):
    page = {"data": [{"id": "1", "text": "halo #a", "created_at": "2023-09-05T02:00:00.000Z", "author_id": "9",
                      "public_metrics": {"like_count": 2}}],
            "includes": {"users": [{"id": "9", "username": "Dinda"}]}}
    page.update(over)
    return page


@pytest.mark.parametrize("bad_line", [
    "[" * 1000 + "]" * 1000,                                           # nesting too deep
    json.dumps(_twarc_page(data="not tweets")),                        # data is a string
    json.dumps({"data": [{"id": "2", "text": "x", "created_at": "2023-09-05T02:00:00Z", "author_id": "9",
                          "public_metrics": [1, 2], "entities": "oops"}], "includes": ["users"]}),
])
def test_malformed_twarc2_shapes_are_counted_and_honour_errors(tmp_path, bad_line):
    path = write(tmp_path, json.dumps(_twarc_page()) + "\n" + bad_line + "\n", name="p.jsonl")
    posts = quiet(trendlib.read_posts, path, errors="skip")
    assert "1" in posts["id"].tolist()
    assert posts.attrs["rows_read"] == len(posts) + sum(posts.attrs["rows_dropped"].values())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        trendlib.read_posts(path, errors="skip")


def test_malformed_snscrape_records(tmp_path):
    good = {"_type": "snscrape.modules.twitter.Tweet", "id": 1, "date": "2023-09-05T02:00:00+00:00",
            "rawContent": "Macet #KTTASEAN2023", "user": {"username": "Dinda"}, "hashtags": ["KTTASEAN2023"]}
    string_tags = dict(good, id=2, hashtags="abc")
    string_user = dict(good, id=3, user="dinda")
    path = write(tmp_path, "\n".join(json.dumps(r) for r in (good, string_tags, string_user)), name="s.jsonl")
    with pytest.warns(ReadWarning, match=r"1 malformed record \(line 3: TypeError: 'user' is a str"):
        posts = trendlib.read_posts(path)
    assert posts["id"].tolist() == ["1", "2"]
    assert posts["hashtags"].tolist() == [["kttasean2023"], ["kttasean2023"]]  # not ['a', 'b', 'c']
    with pytest.raises(FormatError, match="malformed record"):
        trendlib.read_posts(path, errors="raise")


# ------------------------------------------------------------------ 11. lone surrogates


def test_lone_surrogates_are_replaced_and_counted(tmp_path):
    line = '{"id": "1", "created_at": "2023-09-05T02:00:00Z", "text": "mantap \\ud83d jakarta", "username": "a\\udc00b"}'
    ok = '{"id": "2", "created_at": "2023-09-05T02:00:00Z", "text": "emoji utuh \\ud83d\\ude00"}'
    with pytest.warns(ReadWarning, match=r"2 lone UTF-16 surrogate"):
        posts = trendlib.read_posts(write(tmp_path, line + "\n" + ok, name="p.jsonl"))
    assert posts["text"].tolist() == ["mantap \ufffd jakarta", "emoji utuh 😀"]
    assert posts.attrs["lone_surrogates"] == 2
    posts.to_csv(io.BytesIO(), encoding="utf-8")  # writable now


# ------------------------------------------------------------------ 16, 17, 19. what the file is


def test_binary_tables_are_named_with_what_to_do(tmp_path):
    xlsx = tmp_path / "posts.xlsx"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(FormatError, match=r"Excel workbook .*Save it as CSV|cannot be read"):
        trendlib.read_posts(xlsx)
    archive = tmp_path / "dump.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("tweets.csv", "id,text\n1,halo\n")
    with pytest.raises(FormatError, match=r"zip archive holding \['tweets.csv'\].*Extract it first"):
        trendlib.read_posts(archive)
    with pytest.raises(FormatError, match=r"Parquet"):
        trendlib.read_posts(write(tmp_path, b"PAR1\x00\x01", name="x.csv"))


def test_parquet_is_read_when_pyarrow_is_there(tmp_path):
    pytest.importorskip("pyarrow")
    df = pd.DataFrame({"id": ["1", "2"], "created_at": ["2023-09-05T02:00:00Z", "2023-09-05T03:00:00Z"],
                       "username": ["Dinda", "budi"], "text": ["Macet #KTTASEAN2023", "sepi"]})
    path = tmp_path / "posts.parquet"
    df.to_parquet(path)
    posts = trendlib.read_posts(path)
    assert posts["author"].tolist() == ["dinda", "budi"] and posts.attrs["container"] == "parquet"


def test_utf16_without_bom_and_nul_bytes(tmp_path):
    text = "\n".join([HEADER, "1,2023-09-05T02:00:00Z,andré,Jakarta macet,1"]) + "\n"
    with pytest.warns(ReadWarning, match="UTF-16 without a byte-order mark"):
        posts = trendlib.read_posts(write(tmp_path, text.encode("utf-16-le"), name="u.csv"), source_tz="UTC")
    assert posts["author_name"].tolist() == ["andré"]
    nul = write(tmp_path, ("id,created_at\x00,text\n1,2023-09-05T02:00:00Z,ha\x00lo\n").encode(), name="n.csv")
    with pytest.warns(ReadWarning, match=r"2 NUL character"):
        posts = trendlib.read_posts(nul)
    assert posts["text"].tolist() == ["halo"] and posts.attrs["nul_removed"] == 2


def test_a_huge_header_fails_fast(tmp_path):
    path = write(tmp_path, ",".join(f"c{i}" for i in range(100_000)) + "\n" + "1," * 99_999 + "1\n")
    start = time.process_time()
    with pytest.raises(FormatError, match=r"100000 columns in its header \(more than 5000\)"):
        trendlib.read_posts(path)
    assert time.process_time() - start < 2.0


# ------------------------------------------------------------------ the whole family: never silent


@given(st.lists(st.sampled_from([
    "1,2023-09-05T02:00:00Z,a,teks biasa,1", '2,2023-09-05T02:00:00Z,b,"teks, berkoma",2', "3,2023-09-05T02:00:00Z",
    "4,2023-09-05T02:00:00Z,c,lebih,1,2,3", "5,kemarin,d,waktu salah,1", '6,2023-09-05T02:00:00Z,e,"kutip ""ganda""",0',
    "7,9999-01-01T00:00:00Z,f,tahun jauh,1", "8,2023-09-05T02:00:00Z,g,angka,1.2K", "",
]), min_size=1, max_size=12))
def test_every_row_is_a_post_or_counted(rows):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "p.csv"
        path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
        if not any(r.strip() for r in rows):
            return
        posts = quiet(trendlib.read_posts, path, errors="skip", source_tz="UTC")
    n_rows = sum(1 for r in rows if r.strip())
    assert posts.attrs["rows_read"] == n_rows
    assert len(posts) + sum(posts.attrs["rows_dropped"].values()) == n_rows


def test_gzip_of_a_clean_file_takes_the_fast_path(tmp_path):
    pytest.importorskip("pyarrow")
    text = "\n".join([HEADER, "1,2023-09-05T02:00:00Z,Dinda,@Budi_S halo #KTT,1", "2,2023-09-05T03:00:00Z,b,x,2"]) + "\n"
    path = write(tmp_path, gzip.compress(text.encode()), name="p.csv.gz")
    posts = trendlib.read_posts(path, source_tz="UTC")
    assert posts.attrs["parser"] == "arrow" and posts.attrs["compression"] == "gzip"
    assert posts["mentions"].tolist() == [["budi_s"], []] and posts["reply_to"].tolist()[0] == "budi_s"


@given(st.lists(st.datetimes(min_value=pd.Timestamp("2000-01-01").to_pydatetime(),
                             max_value=pd.Timestamp("2030-12-31").to_pydatetime()), min_size=1, max_size=8),
       st.lists(st.sampled_from(["%m/%d/%Y", "%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%y %H:%M"]), min_size=8,
                max_size=8))
def test_month_first_slash_dates_of_any_layout_round_trip(moments, layouts):
    from trendlib.io._time import parse_times

    moments = [m.replace(microsecond=0) for m in moments]
    raw = [m.strftime(layouts[i % len(layouts)]) for i, m in enumerate(moments)]
    # a file with no day above 12 is ambiguous; month-first is then the rule (US exports)
    got, bad = parse_times(pd.Series(raw + ["12/31/2020"]))
    assert not bad.any()
    for m, r, g in zip(moments, raw, got):
        expect = pd.Timestamp(m).floor("min" if r.count(":") == 1 else ("D" if ":" not in r else "s"))
        assert g == expect.tz_localize("UTC"), r
