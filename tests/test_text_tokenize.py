"""tokenize(), tokens(), entity extractors, stopwords and add_tokens()."""

from __future__ import annotations

import ast
import csv
import unicodedata

import pytest

from trendlib.exceptions import SchemaError
from trendlib.text import (
    add_tokens,
    emojis,
    hashtags,
    mentions,
    stopwords,
    tokenize,
    tokens,
    urls,
)

KINDS = [
    ("Macet", "word", "macet"),
    ("#KTTASEAN2023", "hashtag", "#kttasean2023"),
    ("@Kemlu_RI", "mention", "@kemlu_ri"),
    ("https://asean2023.id/id", "url", "https://asean2023.id/id"),
    ("t.co/AbC123", "url", "t.co/AbC123"),
    ("humas@kemlu.go.id", "url", "humas@kemlu.go.id"),
    ("😍", "emoji", "😍"),
    ("👍🏽", "emoji", "👍🏽"),
    ("👨‍👩‍👧", "emoji", "👨‍👩‍👧"),
    ("🇮🇩", "emoji", "🇮🇩"),
    (":)", "emoticon", ":)"),
    (":-D", "emoticon", ":-D"),
    (":(", "emoticon", ":("),
    ("T_T", "emoticon", "T_T"),
    (":v", "emoticon", ":v"),
    ("<3", "emoticon", "<3"),
    ("2023", "number", "2023"),
    ("12.500", "number", "12.500"),
    ("10:30", "number", "10:30"),
    ("50%", "number", "50%"),
    ("USER", "placeholder", "USER"),
    ("@USER", "placeholder", "@USER"),
    ("[USERNAME]", "placeholder", "[USERNAME]"),
    ("<USER_MENTION>", "placeholder", "<USER_MENTION>"),
    ("URL", "placeholder", "URL"),
    ("<URL>", "placeholder", "<URL>"),
    ("g20", "word", "g20"),
    ("h-2", "word", "h-2"),
    ("jum'at", "word", "jum'at"),
]


@pytest.mark.parametrize("text, kind, norm", KINDS)
def test_token_kinds(text, kind, norm):
    (tok,) = tokens(f"  {text}  ")
    assert (tok.kind, tok.norm, tok.text, tok.start) == (kind, norm, text, 2)


def test_tokens_on_a_real_style_post():
    text = "RT @detikcom: Delegasi KTT ASEAN udh tiba di Jakarta 🇮🇩 https://t.co/xYz #KTTASEAN2023"
    got = [(t.kind, t.norm) for t in tokens(text)]
    assert got == [
        ("word", "rt"),
        ("mention", "@detikcom"),
        ("word", "delegasi"),
        ("word", "ktt"),
        ("word", "asean"),
        ("word", "sudah"),
        ("word", "tiba"),
        ("word", "di"),
        ("word", "jakarta"),
        ("emoji", "🇮🇩"),
        ("url", "https://t.co/xYz"),
        ("hashtag", "#kttasean2023"),
    ]


def test_entities():
    text = "Cek https://x.com/a/status/1. dan www.detik.com/berita), .@Jokowi @@x a@b.co #a#b #1 #Sah 😡😡"
    assert urls(text) == ["https://x.com/a/status/1", "www.detik.com/berita", "a@b.co"]
    assert mentions(text) == ["jokowi"]
    assert hashtags(text) == ["sah"]
    assert emojis(text) == ["😡", "😡"]


def test_emoticons_do_not_eat_words_or_times():
    assert [t.kind for t in tokens("contoh:Dari jam 10:30 xDlah")] == ["word", "word", "word", "number", "word"]


def test_html_and_fancy_text_offsets():
    text = "Macet &amp; 𝐩𝐚𝐧𝐚𝐬 #Ｊａｋａｒｔａ"
    toks = tokens(text)
    assert [t.norm for t in toks] == ["macet", "panas", "#jakarta"]
    for t in toks:
        assert text[t.start : t.end] == t.text
    assert toks[1].text == "𝐩𝐚𝐧𝐚𝐬"


def test_slang_expansion_gives_several_tokens():
    assert tokenize("makasih yaa") == ["terima", "kasih", "ya"]
    (tok, _) = tokens("makasih yaa")
    assert tok.norm == "terima kasih"


def test_stopword_profiles():
    text = "Gak ada yg peduli sih, tapi pelayanannya sangat buruk bgt wkwk"
    assert tokenize(text, stopwords="topic") == ["peduli", "pelayanannya", "buruk"]
    assert tokenize(text, stopwords="sentiment") == [
        "tidak", "peduli", "tapi", "pelayanannya", "sangat", "buruk", "banget",
    ]
    assert tokenize(text, stopwords={"peduli", "BURUK"})[:3] == ["tidak", "ada", "yang"]
    assert "buruk" not in tokenize(text, stopwords={"peduli", "BURUK"})


def test_stopwords_profiles_content():
    topic, senti = stopwords("topic"), stopwords("sentiment")
    for w in ["yang", "dan", "di", "saja", "nih", "sih", "dong", "wkwk", "haha"]:
        assert w in topic
    for w in ["tidak", "bukan", "belum", "jangan", "tapi", "sangat", "banget"]:
        assert w in topic and w not in senti
    assert senti < topic
    for w in ["danantara", "macet", "korupsi", "bagus", "buruk", "rakyat"]:
        assert w not in topic


def test_hashtags_and_mentions_are_never_stopped_or_stemmed():
    assert tokenize("#yang @dan", stopwords="topic", stem=True) == ["#yang", "@dan"]


def test_stem_only_words():
    assert tokenize("Pembangunan #Pembangunan berjalan", stem=True) == [
        "bangun", "#pembangunan", "jalan",
    ]
    toks = tokens("Pembangunan 2023 :)", stem=True)
    assert [t.stem for t in toks] == ["bangun", "2023", ":)"]
    assert tokens("Pembangunan")[0].stem is None


def test_bad_arguments():
    with pytest.raises(TypeError, match="tokenize\\(\\) expects text as str. Got NoneType"):
        tokenize(None)
    with pytest.raises(ValueError, match="'stopwords' parameter of tokenize\\(\\) must be"):
        tokenize("yg", stopwords="topik")
    with pytest.raises(ValueError, match="'profile' parameter of stopwords\\(\\) must be one of"):
        stopwords("all")


def test_add_tokens():
    import pandas as pd

    posts = pd.DataFrame(
        {"id": ["1", "2", "3", "4"], "text": ["Macet bgt #KTT", None, float("nan"), "Macet bgt #KTT"]}
    )
    out = add_tokens(posts)
    assert out is not posts and "tokens" not in posts
    assert out["tokens"].tolist() == [["macet", "banget", "#ktt"], [], [], ["macet", "banget", "#ktt"]]
    out["tokens"].iloc[0].append("x")  # rows do not share one list
    assert out["tokens"].iloc[3] == ["macet", "banget", "#ktt"]
    out2 = add_tokens(posts.rename(columns={"text": "isi"}), column="isi", out="tok", stopwords="topic")
    assert out2["tok"].tolist()[0] == ["macet", "#ktt"]
    with pytest.raises(SchemaError, match="add_tokens\\(\\) needs columns \\['text'\\]"):
        add_tokens(posts[["id"]])


def test_add_tokens_partitions_give_the_same_rows(data_file):
    import pandas as pd

    posts = pd.read_csv(data_file("tweets_kipk_2024", "scraped_data.csv"), usecols=["full_text"])
    posts = posts.head(1200)
    whole = add_tokens(posts, column="full_text", stopwords="topic")
    parts = pd.concat(
        [add_tokens(posts.iloc[i : i + 250], column="full_text", stopwords="topic") for i in range(0, 1200, 250)]
    )
    assert whole["tokens"].tolist() == parts["tokens"].tolist()


def _casefold_truth(tag: str) -> str:
    return unicodedata.normalize("NFKC", tag).lower().replace("i\u0307", "i")


def test_hashtags_match_twitter_entities(data_file):
    # the corona file keeps the hashtag entities X/Twitter itself extracted
    path = data_file("tweets_corona_jakarta_2020", "crawling_twitter_jakarta_26.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) > 5000
    mismatches = [
        row["tweets"]
        for row in rows
        if hashtags(row["tweets"]) != [_casefold_truth(h) for h in ast.literal_eval(row["hashtags"] or "[]")]
    ]
    assert mismatches == []


def test_launch_day_campaign_hashtag(data_file):
    # SOURCE.md: 1,708 of the 2,013 launch-day tweets carry #DanantaraBangunNegeri
    path = data_file("tweets_danantara_2025", "danantara_day.csv")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        texts = [row["full_text"] for row in csv.DictReader(fh)]
    assert len(texts) == 2013
    assert sum("danantarabangunnegeri" in hashtags(t) for t in texts) == 1708
