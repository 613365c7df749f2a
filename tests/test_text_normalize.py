"""normalize(): tables of real Indonesian cases, and checks on real tweets."""

from __future__ import annotations

import csv

import pytest

from trendlib.text import normalize

CASES = [
    # elongation: reduced only when the result is a word
    ("Bangettt", "banget"),
    ("mantappp", "mantap"),
    ("kerennn", "keren"),
    ("sayanggg", "sayang"),
    ("gakkk", "tidak"),  # elongated slang form -> slang -> standard
    ("bgtt", "banget"),
    ("maaf", "maaf"),  # a real double letter stays
    ("saat", "saat"),
    ("Hmmmm", "hmm"),
    ("jokowiii", "jokowi"),
    ("qwertyyy", "qwertyyy"),  # no known word -> left alone
    # laughter is canonicalised, not destroyed
    ("wkwkwk", "wkwk"),
    ("WKWKWKWKWK", "wkwk"),
    ("hahahaha", "haha"),
    ("hehehe", "hehe"),
    # slang
    ("yg", "yang"),
    ("gak", "tidak"),
    ("ga", "tidak"),
    ("nggak", "tidak"),
    ("bgt", "banget"),
    ("makasih", "terima kasih"),
    ("udh sdh blm", "sudah sudah belum"),
    ("Gw gatau knp", "saya tidak tahu kenapa"),
    # Jakartan affixes, only when the root is a root word
    ("ngebahas", "membahas"),
    ("nyimak", "menyimak"),
    ("nyari", "mencari"),
    ("nentuin", "menentukan"),
    ("mukul", "memukul"),
    ("bawain", "bawakan"),
    ("matiin", "matikan"),
    ("dibiarin", "dibiarkan"),
    ("diingetin", "diingatkan"),
    ("dibagus2in", "dibagus-baguskan"),
    ("login", "login"),
    ("robin", "robin"),
    ("menggunakan", "menggunakan"),
    # digit reduplication, and the 2 that is a number
    ("anak2", "anak-anak"),
    ("gara2", "gara-gara"),
    ("Org2nya", "orang-orangnya"),
    ("bermain2", "bermain-main"),
    ("menunggu2", "menunggu-nunggu"),
    ("sebaik2nya", "sebaik-baiknya"),
    ("2 jam", "2 jam"),
    ("g20", "g20"),
    ("H-2 lebaran", "h-2 lebaran"),
    ("tahun 2023", "tahun 2023"),
    ("ps2", "ps2"),
    # Unicode and HTML
    ("Ｄａｎａｎｔａｒａ", "danantara"),
    ("𝐃𝐚𝐧𝐚𝐧𝐭𝐚𝐫𝐚 𝐁𝐚𝐧𝐠𝐮𝐧", "danantara bangun"),
    ("macet &amp; panas", "macet & panas"),
    ("&lt;3", "<3"),
    ("Gerakan &amp;#8220;Lawan Corona&amp;#8221;", "gerakan “lawan corona”"),
    ("  banyak   spasi\n\nbaris  ", "banyak spasi baris"),
    # entities survive, slang is never mapped inside them
    ("#KaburAjaDulu", "#kaburajadulu"),
    ("@yg_official gak", "@yg_official tidak"),
    ("cek https://t.co/AbCdE12 yg ini", "cek https://t.co/AbCdE12 yang ini"),
    ("Bangga 🇮🇩 👍🏽", "bangga 🇮🇩 👍🏽"),
    ("❤️ Indonesia", "❤ indonesia"),
    ("senyum :) :D T_T", "senyum :) :D T_T"),
    ("@USER bilang [USERNAME] URL", "@USER bilang [USERNAME] URL"),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_normalize_table(text, expected):
    assert normalize(text) == expected
    assert normalize(expected) == expected  # the expected form is a fixed point


def test_normalize_keeps_punctuation_and_order():
    text = "Delegasi ASEAN udh tiba, tp jalanan macet bgt!!! #KTTASEAN2023 @Kemlu_RI"
    assert normalize(text) == (
        "delegasi asean sudah tiba, tapi jalanan macet banget!!! #kttasean2023 @kemlu_ri"
    )


def test_normalize_custom_slang():
    assert normalize("bestie gw", slang={"bestie": "sahabat"}) == "sahabat gw"
    # trendlib's own map is untouched by the custom one
    assert normalize("bestie gw") == "bestie saya"


def test_normalize_rejects_non_text():
    with pytest.raises(TypeError, match="normalize\\(\\) expects text as str. Got int"):
        normalize(12)
    with pytest.raises(TypeError, match="'slang' parameter"):
        normalize("yg", slang=["yg"])


def _tweets(path, column):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return [row[column] for row in csv.DictReader(fh)]


def test_normalize_idempotent_on_real_tweets(data_file):
    texts = _tweets(data_file("tweets_danantara_2025", "danantara_pasca.csv"), "full_text")
    assert len(texts) > 5000
    for text in texts:
        once = normalize(text)
        assert normalize(once) == once, text


def test_normalize_keeps_hashtags_mentions_urls_on_real_tweets(data_file):
    from trendlib.text import hashtags, mentions, urls

    texts = _tweets(data_file("tweets_kipk_2024", "scraped_data.csv"), "full_text")
    for text in texts[:1500]:
        once = normalize(text)
        assert hashtags(once) == hashtags(text)
        assert mentions(once) == mentions(text)
        assert urls(once) == urls(text)
