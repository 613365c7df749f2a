"""Each reader on small fixtures the tests write (no data home needed)."""

from __future__ import annotations

import gzip
import json
import warnings

import pandas as pd
import pytest

import trendlib
from trendlib.io import ReadWarning

TH_HEADER = ("conversation_id_str,created_at,favorite_count,full_text,id_str,image_url,in_reply_to_screen_name,"
             "lang,location,quote_count,reply_count,retweet_count,tweet_url,user_id_str,username")


def th_row(i, text, *, user="wargajkt", created="Tue Sep 05 02:30:0{s} +0000 2023", reply="", url=None, sep=","):
    url = url or f"https://x.com/{user or 'undefined'}/status/{1698900000000000000 + i}"
    vals = [str(1698900000000000000 + i), created.format(s=i % 10), str(i), text, str(1698900000000000000 + i), "",
            reply, "in", "Jakarta", "0", "1", "2", url, str(5000 + i), user]
    return sep.join(f'"{v}"' for v in vals)


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding, newline="")
    return path


def read(path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ReadWarning)
        return trendlib.read_posts(path, **kw)


# ------------------------------------------------------------------ tweet-harvest
def test_tweet_harvest_comma_crlf(tmp_path):
    rows = [th_row(1, "Jalan Sudirman ditutup, macet bangettt #KTTASEAN2023 @TMC_Lalin"),
            th_row(2, "RT @warta_asean: Selamat datang di Jakarta! #ASEAN2023", reply=""),
            th_row(3, "@warta_asean mantap min", reply="warta_asean")]
    path = write(tmp_path, "th.csv", "\r\n".join([TH_HEADER, *rows]) + "\r\n")
    posts = trendlib.read_posts(path)
    assert posts.attrs["format"] == "tweet-harvest" and posts.attrs["delimiter"] == ","
    assert list(posts.columns[:16]) == list(trendlib.io.CANONICAL_COLUMNS)
    assert posts["source_format"].eq("tweet-harvest").all() and posts["platform"].eq("twitter").all()
    assert posts["id"].tolist() == ["1698900000000000001", "1698900000000000002", "1698900000000000003"]
    assert posts["time"].iloc[0] == pd.Timestamp("2023-09-05 02:30:01", tz="UTC")
    assert posts["hashtags"].tolist() == [["kttasean2023"], ["asean2023"], []]
    assert posts["mentions"].tolist() == [["tmc_lalin"], ["warta_asean"], ["warta_asean"]]
    assert posts["is_retweet"].tolist() == [False, True, False]
    assert posts["reply_to"].isna().tolist() == [True, True, False]
    assert posts["like_count"].tolist() == [1, 2, 3]
    assert "\r" not in "".join(posts["text"])


def test_tweet_harvest_semicolon_iso_dates(tmp_path):
    header = "created_at;id_str;full_text;quote_count;reply_count;retweet_count;favorite_count;lang;user_id_str;conversation_id_str;username;tweet_url"
    lines = [header,
             '2023-09-05T02:30:00.000Z;1698900000000000001;"Nonton pembukaan KTT; keren #ASEAN2023";0;0;1;1;in;77;1698900000000000001;dinda;https://twitter.com/dinda/status/1698900000000000001',
             "2023-09-05 09:45:00+07:00;1698900000000000002;Macet parah;0;0;0;0;in;78;1698900000000000002;budi;https://twitter.com/budi/status/1698900000000000002"]
    posts = trendlib.read_posts(write(tmp_path, "th_semicolon.csv", "\n".join(lines)))
    assert posts.attrs["delimiter"] == ";" and posts.attrs["format"] == "tweet-harvest"
    assert posts["text"].iloc[0] == "Nonton pembukaan KTT; keren #ASEAN2023"
    assert posts["time"].tolist() == [pd.Timestamp("2023-09-05 02:30", tz="UTC"), pd.Timestamp("2023-09-05 02:45", tz="UTC")]


def test_tweet_harvest_empty_username_uses_url_then_user_id(tmp_path):
    rows = [th_row(1, "satu", user="", url="https://x.com/undefined/status/1698900000000000001"),
            th_row(2, "dua", user="", url="https://twitter.com/Real_Name/status/1698900000000000002"),
            th_row(3, "tiga", user="siti")]
    path = write(tmp_path, "th.csv", "\n".join([TH_HEADER, *rows]))
    with pytest.warns(ReadWarning, match=r"'username' is empty in 2 of 3 rows.*1 from the screen name in tweet_url and 1 from user_id_str"):
        posts = trendlib.read_posts(path)
    assert posts["author"].tolist() == ["5001", "real_name", "siti"]
    assert posts["author_name"].tolist() == ["5001", "Real_Name", "siti"]
    assert posts.attrs["author_fallback"] == {"tweet_url": 1, "user_id_str": 1}


def test_tweet_harvest_user_id_rounded_by_a_spreadsheet_is_no_author(tmp_path):
    # as in the data home's Danantara file: two posts of "1.60425E+18", which could be two accounts
    rows = [th_row(1, "satu", user=""), th_row(2, "dua", user=""), th_row(3, "tiga", user="")]
    rows[0] = rows[0].replace('"5001"', '"1.60425E+18"')
    rows[1] = rows[1].replace('"5002"', '"1.60425E+18"')
    path = write(tmp_path, "th_rounded.csv", "\n".join([TH_HEADER, *rows]))
    with pytest.warns(ReadWarning, match=r"2 rows of .* user id rounded by a spreadsheet \(e.g. '1.60425E\+18'\)"):
        posts = trendlib.read_posts(path)
    assert posts["author"].isna().tolist() == [True, True, False] and posts["author"].iloc[2] == "5003"
    assert len(posts) == 3 and posts.attrs["author_rounded_ids"] == 2
    assert posts.attrs["author_fallback"] == {"user_id_str": 1}


# ------------------------------------------------------------------ twarc2
def _tweet(i, text, author_id="10", **extra):
    return {"id": str(100 + i), "text": text, "created_at": f"2023-09-05T0{i}:00:00.000Z", "author_id": author_id,
            "lang": "in", "public_metrics": {"like_count": i, "retweet_count": 0, "reply_count": 0, "quote_count": 0},
            **extra}


def test_twarc2_pages_resolve_users_retweets_and_note_tweet(tmp_path):
    long_text = "Catatan panjang soal KTT ASEAN ke-43 di Jakarta " * 8 + "#ASEANMatters"
    page1 = {
        "data": [
            _tweet(1, "Pembukaan KTT ASEAN hari ini #KTTASEAN2023",
                   entities={"hashtags": [{"start": 29, "end": 42, "tag": "KTTASEAN2023"}]}),
            _tweet(2, "RT @warta_asean: Selamat datang para pemimpin ASE…", author_id="11",
                   referenced_tweets=[{"type": "retweeted", "id": "900"}],
                   entities={"mentions": [{"start": 3, "end": 15, "username": "warta_asean", "id": "12"}]}),
            _tweet(3, "Catatan panjang soal KTT ASEAN…", note_tweet={"text": long_text}),
            _tweet(4, "@warta_asean setuju", author_id="99", in_reply_to_user_id="12"),
        ],
        "includes": {
            "users": [{"id": "10", "username": "Dinda_R"}, {"id": "11", "username": "budi"}, {"id": "12", "username": "warta_asean"}],
            "tweets": [{"id": "900", "text": "Selamat datang para pemimpin ASEAN di Jakarta! #ASEAN2023", "author_id": "12",
                        "entities": {"hashtags": [{"tag": "ASEAN2023"}]}}],
        },
        "meta": {"result_count": 4},
        "__twarc": {"url": "https://api.twitter.com/2/tweets/search/recent", "version": "2.13.0"},
    }
    page2 = {"data": [_tweet(5, "malam kedua #ASEAN2023", author_id="11")], "includes": {"users": [{"id": "11", "username": "budi"}]}}
    path = write(tmp_path, "pages.jsonl", json.dumps(page1) + "\n" + json.dumps(page2) + "\n")
    with pytest.warns(ReadWarning, match="no user object for the author of 1 of 5"):
        posts = trendlib.read_posts(path)
    assert posts.attrs["format"] == "twarc2" and posts.attrs["pages"] == 2
    assert posts["author"].tolist() == ["dinda_r", "budi", "dinda_r", "99", "budi"]
    assert posts["author_name"].tolist() == ["Dinda_R", "budi", "Dinda_R", "99", "budi"]
    assert posts["text"].iloc[1] == "RT @warta_asean: Selamat datang para pemimpin ASEAN di Jakarta! #ASEAN2023"
    assert posts["is_retweet"].tolist() == [False, True, False, False, False]
    # the id of the post a retweet repeats (topics read a retweet as its source)
    assert posts["retweet_of"].iloc[1] == "900" and posts["retweet_of"].drop(index=1).isna().all()
    assert posts["hashtags"].iloc[1] == ["asean2023"] and posts["mentions"].iloc[1] == ["warta_asean"]
    assert posts["text"].iloc[2] == long_text and posts["hashtags"].iloc[2] == ["aseanmatters"]
    assert posts["reply_to"].iloc[3] == "warta_asean"
    assert posts["like_count"].tolist() == [1, 2, 3, 4, 5]


def test_twarc2_stream_object_data_and_flat_lines(tmp_path):
    stream = {"data": _tweet(1, "stream #ASEAN2023"), "includes": {"users": [{"id": "10", "username": "a"}]},
              "matching_rules": [{"id": 1, "tag": None}]}
    posts = trendlib.read_posts(write(tmp_path, "stream.jsonl", json.dumps(stream) + "\n"))
    assert posts["author"].tolist() == ["a"] and posts["hashtags"].tolist() == [["asean2023"]]
    flat = _tweet(2, "RT @b: asli…", author={"id": "10", "username": "a"},
                  referenced_tweets=[{"type": "retweeted", "id": "5", "text": "asli lengkap", "author": {"username": "b"}}],
                  __twarc={"url": "x"})
    posts = trendlib.read_posts(write(tmp_path, "flat.jsonl", json.dumps(flat) + "\n\n"))
    assert posts.attrs["format"] == "twarc2-flat"
    assert posts["text"].tolist() == ["RT @b: asli lengkap"] and posts["is_retweet"].all()
    assert posts["retweet_of"].tolist() == ["5"]


# ------------------------------------------------------------------ snscrape, TikTok, twarc-csv
def test_snscrape_old_and_new_generations(tmp_path):
    new = {"_type": "snscrape.modules.twitter.Tweet", "url": "u", "date": "2023-09-05T02:00:00+00:00",
           "rawContent": "Macet parah #KTTASEAN2023 @TMC", "id": 1698900000000000001,
           "user": {"username": "Dinda", "id": 5}, "hashtags": ["KTTASEAN2023"],
           "mentionedUsers": [{"username": "TMC"}], "likeCount": 3, "retweetCount": 1, "replyCount": 0,
           "quoteCount": 0, "lang": "in", "inReplyToUser": None, "retweetedTweet": None}
    old = {"url": "u", "date": "2020-07-30T23:47:32+00:00", "content": "lama #Corona", "id": 1288984605840879617,
           "user": {"username": "lama"}, "outlinks": [], "retweetedTweet": None}
    path = write(tmp_path, "user-tweets.json", json.dumps(new) + "\n" + json.dumps(old) + "\n")
    posts = trendlib.read_posts(path)
    assert posts.attrs["format"] == "snscrape"
    assert posts["id"].tolist() == ["1698900000000000001", "1288984605840879617"]
    assert posts["author"].tolist() == ["dinda", "lama"] and posts["author_name"].tolist() == ["Dinda", "lama"]
    assert posts["hashtags"].tolist() == [["kttasean2023"], ["corona"]]
    assert posts["mentions"].tolist() == [["tmc"], []]
    assert posts["retweet_of"].isna().all()
    rt = dict(new, id=1698900000000000002, rawContent="RT @Dinda: Macet parah", retweetedTweet=new)
    again = trendlib.read_posts(write(tmp_path, "rt.json", json.dumps(rt) + "\n"))
    assert again["is_retweet"].all() and again["retweet_of"].tolist() == ["1698900000000000001"]


def test_tiktok_json_nested_replies_and_tz(tmp_path):
    doc = {"caption": "nemu video", "video_url": "https://t.tiktok.com/i18n/share/video/7418294751977327878/?x=1",
           "comments": [{"comment_id": "1", "username": "ayu", "nickname": "Ayu", "comment": "lucu bgt 😍",
                         "create_time": "2024-09-25T09:56:56", "total_reply": 1,
                         "replies": [{"comment_id": "2", "username": "reza", "comment": "wkwk iya",
                                      "create_time": "2024-09-25T10:00:00", "total_reply": 0, "replies": []}]}],
           "has_more": 0}
    path = write(tmp_path, "7418294751977327878.json", json.dumps(doc, indent=2))
    posts = trendlib.read_posts(path, source_tz="Asia/Jakarta")
    assert posts.attrs["format"] == "tiktok" and posts["platform"].eq("tiktok").all()
    assert posts["reply_to"].tolist()[1] == "ayu" and pd.isna(posts["reply_to"].iloc[0])
    assert posts["time"].iloc[0] == pd.Timestamp("2024-09-25 02:56:56", tz="UTC")
    assert posts["conversation_id"].tolist() == ["7418294751977327878"] * 2


def test_twarc_csv_dotted_columns(tmp_path):
    header = "id,conversation_id,referenced_tweets.retweeted.id,author_id,in_reply_to_user_id,created_at,text,lang,public_metrics.like_count,public_metrics.retweet_count,entities.hashtags,entities.mentions,author.username,"
    row1 = '1001,1001,,10,,2023-09-05T02:00:00.000Z,Halo #KTTASEAN2023,in,5,1,"[{""start"": 5, ""end"": 18, ""tag"": ""KTTASEAN2023""}]",,dinda,'
    row2 = '1002,1002,900,11,,2023-09-05T03:00:00.000Z,teks asli lengkap,in,0,7,,"[{""username"": ""Warta"", ""id"": ""12""}]",budi,'
    posts = trendlib.read_posts(write(tmp_path, "t.csv", "\n".join([header, row1, row2])))
    assert posts.attrs["format"] == "twarc-csv"
    assert posts["author"].tolist() == ["dinda", "budi"] and posts["is_retweet"].tolist() == [False, True]
    assert pd.isna(posts["retweet_of"].iloc[0]) and posts["retweet_of"].iloc[1] == "900"
    assert posts["hashtags"].tolist() == [["kttasean2023"], []] and posts["mentions"].tolist() == [[], ["warta"]]


# ------------------------------------------------------------------ generic
def test_generic_csv_with_keyword_columns(tmp_path):
    content = "tgl,konten,akun\n2023-09-05 08:00,Jakarta macet #ASEAN2023,@budi\n2023-09-05 09:00,sepi bgt,siti\n"
    path = write(tmp_path, "g.csv", content)
    with pytest.raises(trendlib.SchemaError, match=r"no text column found in 'g.csv'.*Got columns \['tgl', 'konten', 'akun'\]"):
        trendlib.read_posts(path)
    posts = trendlib.read_posts(path, text="konten", time="tgl", author="akun", source_tz="WIB")
    assert posts.attrs["format"] == "generic" and posts["platform"].eq("unknown").all()
    assert posts["author"].tolist() == ["budi", "siti"]
    assert posts["time"].iloc[0] == pd.Timestamp("2023-09-05 01:00", tz="UTC")
    assert posts["id"].tolist() == ["row-2", "row-3"] and "row number" in posts.attrs["id_source"]
    with pytest.raises(trendlib.SchemaError, match=r"the 'text' column 'teks' is not in 'g.csv'"):
        trendlib.read_posts(path, text="teks", time="tgl")


def test_generic_date_and_time_columns_are_joined(tmp_path):
    content = "service,date,time,message\ntwitter,8/21/2021,10:59:00,PPKM lagi\\nduh <U+0001F923>\nyoutube,7/22/2021,13:52:00,ok\n"
    posts = trendlib.read_posts(write(tmp_path, "s.csv", content))
    assert posts["time"].tolist() == [pd.Timestamp("2021-08-21 10:59", tz="UTC"), pd.Timestamp("2021-07-22 13:52", tz="UTC")]
    assert posts["text"].iloc[0] == "PPKM lagi\nduh \U0001F923"
    assert posts["platform"].tolist() == ["twitter", "youtube"]


def test_generic_time_false_and_snowflake_ids(tmp_path):
    path = write(tmp_path, "x.csv", "id,tweets\n1698979031419138048,halo\n1698979031419138049,hai\n")
    with pytest.warns(ReadWarning, match="snowflakes"):
        posts = trendlib.read_posts(path)
    assert posts["time"].iloc[0] == pd.Timestamp("2023-09-05 08:39:01.251", tz="UTC")
    path = write(tmp_path, "y.csv", "text,label\nbagus,1\njelek,0\n")
    with pytest.raises(trendlib.SchemaError, match="no time column found"):
        trendlib.read_posts(path)
    posts = trendlib.read_posts(path, time=False)
    assert posts["time"].isna().all() and len(posts) == 2


def test_dataframe_and_records_sources():
    df = pd.DataFrame({"id": [1698979031419138048, 2], "created_at": ["2023-09-05T02:00:00Z", "2023-09-05T03:00:00Z"],
                       "text": ["halo #ASEAN2023", "hai"], "likes": [3, 4]})
    posts = trendlib.read_posts(df, columns={"like_count": "likes"})
    assert posts["id"].tolist() == ["1698979031419138048", "2"] and posts["like_count"].tolist() == [3, 4]
    posts2 = trendlib.read_posts(df.to_dict("records"))
    assert posts2["id"].tolist() == posts["id"].tolist()
    assert len(trendlib.read_posts([])) == 0
    with pytest.raises(TypeError, match="Got int"):
        trendlib.read_posts(42)
    with pytest.raises(TypeError, match="items of type int"):
        trendlib.read_posts([1, 2])
    with pytest.raises(FileNotFoundError, match="no such file: 'a'"):  # a list of str is a list of paths
        trendlib.read_posts(["a", "b"])


def test_float_ids_in_a_dataframe_are_reported():
    df = pd.DataFrame({"id": [1.58686e18, 2.0], "date": ["2022-10-30", "2022-10-31"], "tweets": ["a", "b"]})
    with pytest.warns(ReadWarning, match="1 ids .* look mangled"):
        posts = trendlib.read_posts(df)
    assert posts["id"].tolist() == ["1586860000000000000", "2"]
    assert posts.attrs["mangled_ids"] == 1


def test_gzip_jsonl(tmp_path):
    lines = [json.dumps({"id": str(i), "created_at": "2023-09-05T02:00:00Z", "text": f"post {i} #ASEAN2023"}) for i in range(3)]
    path = write(tmp_path, "posts.jsonl.gz", gzip.compress("\n".join(lines).encode()))
    posts = trendlib.read_posts(path)
    assert len(posts) == 3 and posts.attrs["compression"] == "gzip" and posts.attrs["container"] == "jsonl"


def test_tsv_by_extension(tmp_path):
    path = write(tmp_path, "p.tsv", "id\tcreated_at\ttext\n1\t2023-09-05T02:00:00Z\tsatu, dua\n")
    posts = trendlib.read_posts(path)
    assert posts.attrs["delimiter"] == "\t" and posts["text"].tolist() == ["satu, dua"]


def test_explicit_format_that_does_not_match(tmp_path):
    path = write(tmp_path, "g.csv", "id,created_at,text\n1,2023-09-05,halo\n")
    with pytest.raises(trendlib.SchemaError, match=r"not a tweet-harvest table: expected columns .*full_text.*got \['id', 'created_at', 'text'\]"):
        trendlib.read_posts(path, format="tweet-harvest")
    with pytest.raises(ValueError, match=r"The 'format' parameter of read_posts\(\) must be one of .* Got 'csv'"):
        trendlib.read_posts(path, format="csv")


def test_twitter_v1_json_extended_and_retweets(tmp_path):
    base = {"created_at": "Wed Sep 06 03:12:00 +0000 2023", "id": 1699271000000000001, "id_str": "1699271000000000001",
            "user": {"screen_name": "Dinda_R", "id_str": "10"}, "lang": "in", "favorite_count": 4, "retweet_count": 1,
            "in_reply_to_screen_name": None}
    long = dict(base, truncated=True, text="Catatan panjang…",
                extended_tweet={"full_text": "Catatan panjang soal KTT ASEAN #ASEANMatters",
                                "entities": {"hashtags": [{"text": "ASEANMatters"}], "user_mentions": [], "urls": []}})
    rt = dict(base, id=1699271000000000002, id_str="1699271000000000002", text="RT @warta: Selamat dat…",
              entities={"hashtags": [], "user_mentions": [{"screen_name": "warta"}], "urls": []},
              retweeted_status={"full_text": "Selamat datang di Jakarta #ASEAN2023", "user": {"screen_name": "warta"},
                                "entities": {"hashtags": [{"text": "ASEAN2023"}], "user_mentions": [], "urls": []}})
    path = write(tmp_path, "tweets.jsonl", json.dumps(long) + "\n" + json.dumps(rt) + "\n")
    posts = trendlib.read_posts(path)
    assert posts.attrs["format"] == "twitter-v1"
    assert posts["id"].tolist() == ["1699271000000000001", "1699271000000000002"]
    assert posts["text"].tolist() == ["Catatan panjang soal KTT ASEAN #ASEANMatters", "RT @warta: Selamat datang di Jakarta #ASEAN2023"]
    assert posts["hashtags"].tolist() == [["aseanmatters"], ["asean2023"]]
    assert posts["mentions"].tolist() == [[], ["warta"]] and posts["is_retweet"].tolist() == [False, True]
    assert posts["time"].iloc[0] == pd.Timestamp("2023-09-06 03:12", tz="UTC")


def test_json_array_of_nested_records(tmp_path):
    doc = [{"post_id": "a1", "timestamp": 1693879200, "user": {"name": "dinda"}, "body": "halo #KTTASEAN2023"},
           {"post_id": "a2", "timestamp": 1693879260000, "user": {"name": "budi"}, "body": "hai"}]
    path = write(tmp_path, "posts.json", json.dumps(doc, indent=1))
    posts = trendlib.read_posts(path, author="user.name", platform="instagram")
    assert posts.attrs["container"] == "json" and posts.attrs["format"] == "generic"
    assert posts["id"].tolist() == ["a1", "a2"] and posts["author"].tolist() == ["dinda", "budi"]
    assert posts["time"].tolist() == [pd.Timestamp("2023-09-05 02:00", tz="UTC"), pd.Timestamp("2023-09-05 02:01", tz="UTC")]
    assert posts["platform"].eq("instagram").all() and posts["hashtags"].iloc[0] == ["kttasean2023"]


def test_keyword_columns_override_a_detected_format(tmp_path):
    rows = [th_row(1, "teks asli #ASEAN2023", user="dinda"), th_row(2, "kedua", user="")]
    path = write(tmp_path, "th.csv", "\n".join([TH_HEADER, *rows]))
    posts = read(path, author="location")
    assert posts.attrs["format"] == "tweet-harvest" and posts["author_name"].tolist() == ["Jakarta", "Jakarta"]
    with pytest.raises(trendlib.SchemaError, match=r"the 'time' column 'waktu' is not in 'th.csv'"):
        read(path, time="waktu")


def test_generic_column_names_with_spaces_and_case(tmp_path):
    path = write(tmp_path, "pilkada.csv", "Id,Sentiment,Pasangan Calon,Text Tweet\n1,positive,Anies-Sandi,Semangat #AniesSandi\n")
    posts = trendlib.read_posts(path, time=False)
    assert posts["text"].tolist() == ["Semangat #AniesSandi"] and posts["id"].tolist() == ["1"]
    assert posts["hashtags"].tolist() == [["aniessandi"]]


def test_list_of_paths_is_concatenated(tmp_path):
    a = write(tmp_path, "a.csv", "id,created_at,text\n1,2023-09-05T02:00:00Z,halo\n2,2023-09-05T03:00:00Z,hai\n")
    b = write(tmp_path, "b.jsonl", '{"id": "2", "created_at": "2023-09-05T03:00:00Z", "text": "hai"}\n'
                                   '{"id": "3", "created_at": "2023-09-05T04:00:00Z", "text": "yo"}\n{"id": "4", "crea\n')
    with pytest.warns(ReadWarning):
        posts = trendlib.read_posts([a, b])
    assert posts["id"].tolist() == ["1", "2", "2", "3"] and posts["source_file"].tolist() == ["a.csv", "a.csv", "b.jsonl", "b.jsonl"]
    assert posts.attrs["rows_read"] == 5 and posts.attrs["rows_dropped"] == {"invalid JSON": 1}
    assert posts.attrs["duplicates"] == 1 and posts.attrs["format"] == "generic"
    with pytest.warns(ReadWarning) as caught:
        uniq = trendlib.read_posts([a, b], dedupe=True)
    assert any("already seen in an earlier file" in str(w.message) for w in caught)
    assert uniq["id"].tolist() == ["1", "2", "3"] and uniq.attrs["duplicates_dropped"] == 1
