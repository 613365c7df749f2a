"""read_posts on the real files of the data home (skipped cleanly when absent)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import trendlib
from trendlib.io import ReadWarning

T = pd.Timestamp

# (folder, file, format, rows, first time, last time) -- counts from each SOURCE.md
REAL = [
    ("tweets_danantara_2025", "danantara_pra.csv", "tweet-harvest", 3545, "2025-02-19 07:01", "2025-02-22 23:57"),
    ("tweets_danantara_2025", "danantara_day.csv", "tweet-harvest", 2013, "2025-02-24 19:50", "2025-02-24 23:59"),
    ("tweets_danantara_2025", "danantara_pasca.csv", "tweet-harvest", 5707, "2025-02-26 10:52", "2025-05-30 23:02"),
    ("tweets_kipk_2024", "scraped_data.csv", "tweet-harvest", 4031, "2023-07-10", "2024-04-30 15:03"),
    ("tweets_petualangansherina2_2023", "petualangansherina2.csv", "tweet-harvest", 642, "2023-09-28 00:15", "2023-09-30 22:57"),
    ("tweets_corona_jakarta_2020", "crawling_twitter_jakarta_26.csv", "generic", 5230, "2020-04-26 00:00", "2020-04-26 23:59"),
    ("tweets_ikn_nusantara_2022", "nusantara_tweets.csv", "generic", 9594, "2022-03-06 02:19", "2022-10-30 23:00"),
    ("tweets_mbg_2025", "hybrid_labeled_data.csv", "generic", 12389, "2025-01-14", "2025-10-08 00:12"),
    ("tweets_pemilu2019_jokowi_prabowo", "data_joko_widodo.csv", "twitter-r", 1000, "2019-05-29 03:55", "2019-05-29 17:28"),
    ("tweets_pemilu2019_jokowi_prabowo", "data_prabowo_subianto.csv", "twitter-r", 1000, "2019-05-28 12:13", "2019-05-29 15:47"),
    ("formats_snscrape_casca", "user-tweets.json", "snscrape", 300, "2022-04-23", "2022-11-03 18:33"),
    ("formats_snscrape_refugee", "user-tweets.json", "snscrape", 100, "2020-07-30 17:00", "2020-07-30 23:47"),
    ("formats_snscrape_tfm", "user-tweets.json", "snscrape", 10, "2020-10-11", "2022-02-12 17:12"),
    ("formats_tiktok_romy", "7418294751977327878.json", "tiktok", 38, None, None),
    ("formats_tiktok_vinadsa", "7507084128119016709.json", "tiktok", 86, None, None),
    ("formats_tiktok_vinadsa", "7507084128119016709_converted.csv", "tiktok-csv", 86, None, None),
    ("formats_twarc2_twarc2sql", "search_example.jsonl", "twarc2", 500, None, None),
    ("formats_twarc2_twarc2sql", "example.jsonl", "twarc2", 100, None, None),
    ("formats_twarc2_twarccsv", "noflat.jsonl", "twarc2", 100, "2021-04-08", "2021-04-08 19:34"),
    ("formats_twarc2_twarccsv", "2sets.jsonl", "twarc2", 200, None, None),
    ("formats_twarc2_twarccsv", "kpop.jsonl", "twarc2", 100, None, None),
    ("formats_twarc2_twarccsv", "edited.jsonl", "twarc2", 1, None, None),
    ("formats_twarc2_twarccsv", "quoted_edit.jsonl", "twarc2", 1, None, None),
    ("formats_twarc2_twarccsv", "withheld.jsonl", "twarc2", 215, "2010-01-01", "2021-12-31"),
    ("formats_twarc2flat_twarccsv", "flat.jsonl", "twarc2-flat", 100, "2021-04-08", "2021-04-08 19:34"),
    ("formats_twarc2flat_carpentries", "one_tweet.jsonl", "twarc2-flat", 1, "2022-05-06 23:57", "2022-05-06 23:57"),
    ("formats_twarccsv_walsh", "dfw_bro.jsonl", "twarc2", 30, None, None),
    ("formats_twarccsv_walsh", "dfw_bro_REHYDRATED.jsonl", "twarc2", 28, None, None),
    ("formats_twarccsv_walsh", "dfw_bro.csv", "twarc-csv", 30, None, None),
    ("formats_twarccsv_twarccsv0", "small_sample.csv", "twarc-csv", 4, None, None),
    ("formats_twarccsv_twarccsv0", "small_sample.json", "twarc2-flat", 3, None, None),
]


def _read(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        return trendlib.read_posts(path, **kw)


@pytest.mark.data
@pytest.mark.parametrize("folder,name,fmt,rows,first,last", REAL, ids=[f"{r[0]}/{r[1]}" for r in REAL])
def test_real_file_reads_with_auto_detection(data_file, folder, name, fmt, rows, first, last):
    posts = _read(data_file(folder, name))
    assert posts.attrs["format"] == fmt
    assert posts.attrs["rows_read"] == rows
    # nothing is lost silently: kept + dropped == read
    assert len(posts) + sum(posts.attrs["rows_dropped"].values()) == rows
    assert str(posts["time"].dtype) == "datetime64[ns, UTC]"
    assert posts["time"].notna().all()
    assert posts["id"].map(type).eq(str).all()
    assert posts["text"].str.len().gt(0).mean() > 0.99
    for col in ("like_count", "retweet_count", "reply_count", "quote_count"):
        assert str(posts[col].dtype) == "Int64"
    for col in ("hashtags", "mentions", "urls"):
        assert posts[col].map(lambda xs: isinstance(xs, list)).all()
    tags = [t for xs in posts["hashtags"] for t in xs]
    assert all(t == t.lower() and not t.startswith("#") for t in tags)
    if first is not None:
        assert posts["time"].min() >= T(first, tz="UTC")
        assert posts["time"].max() < T(last, tz="UTC") + pd.Timedelta(minutes=1)


@pytest.mark.data
def test_danantara_empty_username_falls_back_to_user_id_and_says_so(data_file):
    with pytest.warns(ReadWarning, match=r"'username' is empty in 2013 of 2013 rows.*user_id_str"):
        posts = trendlib.read_posts(data_file("tweets_danantara_2025", "danantara_day.csv"))
    assert posts.attrs["author_fallback"] == {"user_id_str": 2013}
    # every author is its user id, except those a conversation root names (attrs say how many)
    resolved = posts.attrs.get("author_ids", {}).get("conversation_root", 0)
    assert (~posts["author"].str.fullmatch(r"\d+")).sum() == resolved < 20
    assert (posts["author"] == posts["author_id"]).sum() == len(posts) - resolved
    # the launch-day buzzer hashtag (SOURCE.md: 1,708 of 2,013 tweets)
    n = posts["hashtags"].map(lambda xs: "danantarabangunnegeri" in xs).sum()
    assert 1650 <= n <= 1760
    # replies keep the screen names of their targets
    assert posts["reply_to"].dropna().str.fullmatch(r"[A-Za-z0-9_]+").all()


@pytest.mark.data
def test_petualangansherina_semicolon_and_legacy_dates(data_file):
    posts = _read(data_file("tweets_petualangansherina2_2023", "petualangansherina2.csv"))
    assert posts.attrs["delimiter"] == ";"
    assert posts["id"].is_unique and posts["author"].notna().all()
    assert posts["hashtags"].map(lambda xs: "petualangansherina2" in xs).mean() > 0.95
    assert posts["mentions"].map(lambda xs: "filmpetsher" in xs).sum() >= 60
    per_day = posts["time"].dt.floor("D").value_counts().sort_index().tolist()
    assert per_day == [328, 164, 150]


@pytest.mark.data
def test_kipk_duplicates_reported_and_dedupe(data_file):
    path = data_file("tweets_kipk_2024", "scraped_data.csv")
    with pytest.warns(ReadWarning, match="93 rows .* repeat an id"):
        posts = trendlib.read_posts(path)
    assert posts.attrs["duplicates"] == 93
    with pytest.warns(ReadWarning, match="dropped 93 rows"):
        uniq = trendlib.read_posts(path, dedupe=True)
    assert len(uniq) == 3938 and uniq["id"].is_unique
    assert uniq.attrs["duplicates_dropped"] == 93


@pytest.mark.data
def test_pemilu_cp1252_detected_and_decoded(data_file):
    with pytest.warns(ReadWarning, match="not valid UTF-8.*cp1252"):
        posts = trendlib.read_posts(data_file("tweets_pemilu2019_jokowi_prabowo", "data_prabowo_subianto.csv"))
    assert posts.attrs["encoding"] == "cp1252"
    assert posts["text"].str.contains("…").sum() > 100  # byte 0x85 is the ellipsis
    assert posts["is_retweet"].sum() == 703
    assert posts["mentions"].map(lambda xs: "do_ra_dong" in xs).sum() >= 250


@pytest.mark.data
def test_ikn_snowflake_times_and_excel_ids(data_file):
    with pytest.warns(ReadWarning, match="snowflake"):
        posts = trendlib.read_posts(data_file("tweets_ikn_nusantara_2022", "nusantara_tweets.csv"))
    assert posts.attrs["time_source"] == "snowflake id"
    by_day = posts["time"].dt.floor("D").value_counts()
    assert by_day[T("2022-03-14", tz="UTC")] == 669
    with pytest.warns(ReadWarning) as caught:
        labeled = trendlib.read_posts(data_file("tweets_ikn_nusantara_2022", "labeled_tweets.csv"))
    assert any("8622 ids" in str(w.message) and "mangled" in str(w.message) for w in caught)
    assert labeled.attrs["mangled_ids"] == 8622


@pytest.mark.data
def test_ppkm_date_and_time_columns_joined_and_r_escapes(data_file):
    posts = _read(data_file("tweets_ppkm_2021_sample", "sample-data.csv"))
    assert len(posts) == 800
    assert set(posts["platform"]) == {"twitter", "instagram", "youtube"}
    assert (posts["time"].dt.second == 0).all()
    assert not posts["text"].str.contains("<U+", regex=False).any()
    assert not posts["text"].str.contains("\\n", regex=False).any()
    assert posts["text"].str.contains("\U0001F923").any()


@pytest.mark.data
def test_corona_generic_columns(data_file):
    posts = _read(data_file("tweets_corona_jakarta_2020", "crawling_twitter_jakarta_26.csv"))
    assert posts["author"].value_counts().index[0] == "republikaonline"
    assert posts["hashtags"].map(lambda xs: "dirumahaja" in xs).sum() >= 500
    assert not posts["text"].str.contains("&amp;", regex=False).any()
    assert str(posts["retweet_count"].dtype) == "Int64"


@pytest.mark.data
def test_twarc2_raw_and_flat_forms_agree(data_file):
    raw = _read(data_file("formats_twarc2_twarccsv", "noflat.jsonl"))
    flat = _read(data_file("formats_twarc2flat_twarccsv", "flat.jsonl"))
    assert raw["id"].tolist() == flat["id"].tolist()
    assert raw["author"].tolist() == flat["author"].tolist()
    assert raw["text"].tolist() == flat["text"].tolist()
    assert raw["is_retweet"].sum() == 47 == flat["is_retweet"].sum()
    # retweet text is rebuilt as "RT @user: <full original text>"
    rts = raw[raw["is_retweet"]]
    assert rts["text"].str.match(r"RT @\w+: ").all()
    assert not rts["text"].str.endswith("…").any()
    assert (rts["reply_to"].isna()).all()
    assert raw["reply_to"].notna().sum() >= 25
    # every retweet names the post it repeats, in both forms
    assert rts["retweet_of"].notna().all() and raw["retweet_of"].tolist() == flat["retweet_of"].tolist()


@pytest.mark.data
def test_retweets_link_to_their_sources_in_real_files(data_file):
    from trendlib.topics._threads import thread_links

    csv = _read(data_file("formats_twarccsv_walsh", "dfw_bro.csv"))
    jsonl = _read(data_file("formats_twarccsv_walsh", "dfw_bro.jsonl"))
    assert csv["retweet_of"].tolist() == jsonl["retweet_of"].tolist()
    assert csv["retweet_of"].notna().sum() == csv["is_retweet"].sum() == 9
    search = _read(data_file("formats_twarc2_twarc2sql", "search_example.jsonl"))
    parent, is_rt = thread_links(search)
    # a search capture holds many of the retweeted posts themselves: those retweets are linked
    assert ((parent >= 0) & is_rt).sum() >= 40
    src = search["id"].to_numpy()[parent[(parent >= 0) & is_rt]]
    assert (src == search["retweet_of"].to_numpy()[(parent >= 0) & is_rt]).all()


@pytest.mark.data
def test_twarc2_stream_truncated_last_line(data_file):
    path = data_file("formats_twarc2_twarccsv", "streaming_output_with_error.jsonl")
    with pytest.warns(ReadWarning, match=r"1 of 8 rows .* 1 invalid JSON \(line 8"):
        posts = trendlib.read_posts(path)
    assert len(posts) == 7 and posts.attrs["rows_dropped"] == {"invalid JSON": 1}
    with pytest.raises(trendlib.FormatError, match="line 8"):
        trendlib.read_posts(path, errors="raise")


@pytest.mark.data
def test_twarc_csv_matches_its_jsonl(data_file):
    csv_posts = _read(data_file("formats_twarccsv_walsh", "dfw_bro.csv"))
    js = _read(data_file("formats_twarccsv_walsh", "dfw_bro.jsonl"))
    assert csv_posts["id"].tolist() == js["id"].tolist()
    assert csv_posts["author"].tolist() == js["author"].tolist()
    assert csv_posts["is_retweet"].tolist() == js["is_retweet"].tolist()
    assert csv_posts["time"].tolist() == js["time"].tolist()
    # twarc-csv copies a retweet's metrics from the original tweet: compare the others
    own = ~js["is_retweet"]
    assert csv_posts["like_count"][own].tolist() == js["like_count"][own].tolist()
    assert own.sum() == 21


@pytest.mark.data
def test_snscrape_generations(data_file):
    new = _read(data_file("formats_snscrape_casca", "user-tweets.json"))
    old = _read(data_file("formats_snscrape_refugee", "user-tweets.json"))
    assert new.attrs["snscrape_text_key"] == "rawContent" and old.attrs["snscrape_text_key"] == "content"
    assert set(new["author"]) == {"mikeleeforutah"} and set(new["author_name"]) == {"MikeLeeforUtah"}
    assert old["mentions"].map(len).sum() > 0
    # old generation has no hashtags key: they come from the text
    assert old["hashtags"].map(lambda xs: "inclusivecities" in xs).any()
    assert new["hashtags"].map(len).gt(0).sum() == 168


@pytest.mark.data
def test_tiktok_json_and_converted_csv_agree(data_file):
    js = _read(data_file("formats_tiktok_vinadsa", "7507084128119016709.json"))
    csv_posts = _read(data_file("formats_tiktok_vinadsa", "7507084128119016709_converted.csv"))
    assert (js["platform"] == "tiktok").all() and (csv_posts["platform"] == "tiktok").all()
    assert js["reply_to"].notna().sum() == 66 == csv_posts["reply_to"].notna().sum()
    assert sorted(js["text"]) == sorted(csv_posts["text"])
    assert csv_posts.attrs["encoding"] == "utf-8-sig"


@pytest.mark.data
def test_load_tweets_reads_all_files_of_a_folder(data_home):
    if not (data_home / "tweets_danantara_2025").is_dir():
        pytest.skip("tweets_danantara_2025 not in the data home")
    from trendlib.datasets import load_tweets

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        posts = load_tweets("tweets_danantara_2025", data_home=data_home)
    assert len(posts) == 3545 + 2013 + 5707 == posts.attrs["rows_read"]
    assert posts["source_file"].value_counts()["danantara_day.csv"] == 2013
    assert set(posts.attrs["files"]) == {"danantara_pra.csv", "danantara_day.csv", "danantara_pasca.csv"}
