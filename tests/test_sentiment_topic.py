"""Topic words are not opinions: ignore=, topic_terms, and the news-register rule (issue 10).

The two tables below were written for trendlib (our own text, in the style of Indonesian
news accounts and of people replying on X): 30 headlines and wire-style reports that only
mention a loaded topic word, and 30 opinionated posts about the same topics.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from trendlib.sentiment import add_sentiment, explain, label, polarity, sentiment_over_time, topic_terms
from trendlib.sentiment._register import ELONG as REGISTER_ELONG
from trendlib.sentiment._register import news_register
from trendlib.sentiment._rules import ELONG
from trendlib.sentiment._scorer import analyse

# (topic, headline) - reports, not opinions: they must score neutral
HEADLINES = [
    ("korupsi", "Direktur PDAM Dipenjara 1 Tahun karena Korupsi"),
    ("korupsi", "KPK Tetapkan Tersangka Baru Kasus Korupsi Proyek Jalan Tol"),
    ("korupsi", "Mantan Bupati Divonis 5 Tahun Penjara dalam Kasus Korupsi Dana Desa"),
    ("korupsi", "Kejagung Periksa Tiga Saksi Terkait Dugaan Korupsi Impor Gula"),
    ("korupsi", "Hakim Tolak Eksepsi Terdakwa Korupsi Tata Niaga Timah"),
    ("korupsi", "Polisi Tangkap Kepala Dinas yang Diduga Korupsi Bantuan Sosial"),
    ("banjir", "Banjir Rendam Ratusan Rumah di Bekasi, Warga Mengungsi"),
    ("banjir", "BPBD: Ketinggian Banjir di Kampung Melayu Capai 1,5 Meter"),
    ("banjir", "Korban Meninggal Akibat Banjir Bandang di Sumbar Bertambah Jadi 12 Orang"),
    ("ikn", "Otorita IKN Umumkan Jadwal Pemindahan ASN Tahap Pertama"),
    ("ikn", "Presiden Tinjau Pembangunan Istana Negara di IKN Nusantara"),
    ("ikn", "Investor Asing Tanda Tangani Nota Kesepahaman Proyek Perumahan di IKN"),
    ("ikn", "Kepala Otorita IKN Mengundurkan Diri, Ini Kata Istana"),
    ("makan bergizi gratis", "Ratusan Siswa Keracunan Usai Santap Makan Bergizi Gratis di Cianjur"),
    ("makan bergizi gratis", "Anggaran Makan Bergizi Gratis Tahun Depan Naik Jadi Rp 171 Triliun"),
    ("makan bergizi gratis", "BGN Evaluasi Dapur Penyedia Makan Bergizi Gratis Setelah Kasus Keracunan"),
    ("danantara", "Danantara Resmi Diluncurkan, Kelola Aset BUMN Rp 14.000 Triliun"),
    ("danantara", "IHSG Turun 2 Persen Sehari Setelah Peluncuran Danantara"),
    ("danantara", "DPR Gelar Rapat Dengar Pendapat Soal Tata Kelola Danantara"),
    ("kipk", "Kemendikbud Cabut KIP Kuliah Mahasiswa yang Terbukti Tidak Layak"),
    ("kipk", "Viral Penerima KIPK Pamer Gaya Hidup Mewah, Kampus Lakukan Verifikasi"),
    ("pemilu", "KPU Tetapkan Hasil Rekapitulasi Suara Pemilu 2024 Tingkat Nasional"),
    ("pemilu", "Bawaslu Temukan 120 Dugaan Pelanggaran Kampanye di Jawa Tengah"),
    ("pemilu", "MK Tolak Gugatan Sengketa Hasil Pemilu yang Diajukan Paslon 01"),
    ("ppkm", "Pemerintah Perpanjang PPKM Level 4 Hingga 2 Agustus"),
    ("covid", "Kasus Positif Covid-19 di Jakarta Bertambah 1.200 Hari Ini"),
    # wire style: a statement attributed to a source, with a link
    ("korupsi", "Kerugian negara akibat korupsi tol mencapai Rp 1 triliun, kata jaksa https://t.co/a1b2c3"),
    ("banjir", "Banjir di Jakarta Timur mulai surut, ujar Kepala BPBD https://t.co/x9y8z7"),
    ("ikn", "Menurut Otorita, pembangunan tahap kedua IKN dimulai bulan depan https://t.co/q1w2e3"),
    ("makan bergizi gratis", "Sebanyak 40 siswa dirawat setelah keracunan makanan, dilansir Antara https://t.co/k2l3m4"),
]

# (topic, post, expected label) - a person judging; the topic word is ignored
OPINIONS = [
    ("korupsi", "korupsi lagi korupsi lagi, rakyat makin sengsara", "negative"),
    ("korupsi", "muak banget sama pejabat korup yang gak pernah kapok", "negative"),
    ("korupsi", "hukuman koruptor di negeri ini kok ringan banget, gak adil", "negative"),
    ("korupsi", "salut sama KPK, kerja bagus! semoga makin berani", "positive"),
    ("korupsi", "bagus bagus aja sih programnya cuma rawan korupsi", "negative"),
    ("korupsi", "akhirnya ditangkap juga, mantap pak polisi 👏", "positive"),
    ("banjir", "tiap tahun banjir terus, pemprov gak becus ngurusnya", "negative"),
    ("banjir", "alhamdulillah banjir sudah surut, terima kasih relawan yang luar biasa", "positive"),
    ("banjir", "kasian warga bekasi, udah banjir malah dipalak pula", "negative"),
    ("ikn", "IKN keren banget sih, bangga liat progresnya", "positive"),
    ("ikn", "proyek IKN cuma buang2 duit rakyat, kesengsaraan rakyat dilupakan", "negative"),
    ("ikn", "semoga IKN jadi kota yang nyaman dan hijau, optimis!", "positive"),
    ("ikn", "kebijakan otorita ini diskriminatif ke masyarakat adat", "negative"),
    ("makan bergizi gratis", "makan bergizi gratis tapi anak2 malah keracunan, parah", "negative"),
    ("makan bergizi gratis", "senang lihat adik-adik makan dengan lahap, programnya bermanfaat", "positive"),
    ("makan bergizi gratis", "subsidi dipotong demi makan bergizi gratis, rakyat kecil yang jadi korban", "negative"),
    ("makan bergizi gratis", "menunya enak dan sehat, anak saya suka", "positive"),
    ("danantara", "danantara cuma akal-akalan buat mengelabui rakyat", "negative"),
    ("danantara", "semoga danantara dikelola dengan transparan dan amanah", "positive"),
    ("danantara", "ngeri liat IHSG anjlok, investor panik", "negative"),
    ("kipk", "penerima kipk salah sasaran, yang mampu malah dapet, kecewa", "negative"),
    ("kipk", "terima kasih kipk, berkat beasiswa ini saya bisa lulus", "positive"),
    ("kipk", "pamer iphone pake duit kipk, gak tau malu", "negative"),
    ("pemilu", "pemilu kali ini penuh kecurangan, jelas gak jujur", "negative"),
    ("pemilu", "pemilunya aman dan damai, salut sama petugas KPPS", "positive"),
    ("pemilu", "Perubahan mbahmu, janji doang gak pernah ditepati", "negative"),
    ("ppkm", "ppkm diperpanjang lagi, usaha kecil makin susah", "negative"),
    ("ppkm", "ppkm berhasil, kasus turun drastis, mantap", "positive"),
    ("covid", "sedih banget kehilangan keluarga karena covid 😢", "negative"),
    ("covid", "alhamdulillah sudah sembuh dari covid, sehat selalu semua", "positive"),
]


@pytest.mark.parametrize("topic, text", HEADLINES, ids=[t for _, t in HEADLINES])
def test_headlines_are_neutral(topic, text):
    assert label(text) == "neutral"
    assert label(text, ignore=topic) == "neutral"


@pytest.mark.parametrize("topic, text, want", OPINIONS, ids=[t for _, t, _ in OPINIONS])
def test_opinions_keep_their_sign(topic, text, want):
    assert label(text, ignore=topic) == want


def test_tables_as_a_whole():
    posts = pd.DataFrame({"text": [t for _, t in HEADLINES] + [t for _, t, _ in OPINIONS]})
    topics = sorted({t for t, _ in HEADLINES})
    out = add_sentiment(posts, ignore=topics)
    head, opin = out.iloc[: len(HEADLINES)], out.iloc[len(HEADLINES) :]
    assert (head["sentiment"] == "neutral").all()
    assert (opin["sentiment"].to_numpy() == [w for _, _, w in OPINIONS]).all()
    assert out.attrs["sentiment_ignored"] == topics


def test_topic_word_alone_is_the_corruption_pattern():
    # the case: without ignore= the query word itself makes a plain post negative
    plain = "ICW rilis catatan tren penindakan korupsi semester pertama"
    assert polarity(plain) < 0
    assert polarity(plain, ignore="korupsi") == 0.0
    assert polarity(plain, ignore="#Korupsi") == 0.0
    assert polarity("#korupsi makin marak", ignore="korupsi") == polarity("makin marak")


def test_explain_shows_ignored_terms_and_why():
    e = explain("korupsi lagi, rakyat sengsara", ignore="korupsi")
    assert e.label == "negative"
    assert len(e.ignored) == 1 and e.ignored[0].startswith("korupsi (topic term, ignore=)")
    assert "valence -0.375" in e.ignored[0]
    row = e.table.set_index("token").loc["korupsi"]
    assert row["role"] == "ignored" and row["contribution"] == 0.0
    assert "ignored: korupsi" in repr(e)
    e = explain("Direktur PDAM Dipenjara 1 Tahun karena Korupsi")
    assert e.polarity == 0.0 and any(r.startswith("news register (headline") for r in e.rules)


def test_phrase_and_hashtag_forms_of_a_topic():
    t = "makan siang gratis enak, #MakanSiangGratis"
    assert polarity(t, ignore="makan siang gratis") > 0  # 'enak' still counts
    e = explain(t, ignore="makan siang gratis")
    assert (e.table["role"] == "ignored").sum() == 4  # the phrase's three words and the hashtag
    assert any(r.startswith("gratis (topic term, ignore=): lexicon valence +") for r in e.ignored)
    assert any(r.startswith("#MakanSiangGratis") for r in e.ignored)
    e = explain(t, ignore="makan siang gratis", hashtags="segment")
    assert (e.table["role"] == "ignored").sum() == 6  # the phrase's three words and the hashtag's
    assert any(r.startswith("#MakanSiangGratis (gratis) (topic term, ignore=): lexicon valence +")
               for r in e.ignored)
    # the complaint: 'gratis' must not make a complaint about it positive
    complaint = "subsidi dipotong demi makan siang gratis, rakyat kecil jadi korban"
    assert label(complaint) == "negative" or polarity(complaint, ignore="makan siang gratis") < polarity(complaint)
    assert label(complaint, ignore="makan siang gratis") == "negative"


def test_ignored_word_still_holds_its_place_in_windows():
    # 'tidak' negates 'bagus' two units later; the ignored word between keeps the distance
    assert polarity("tidak korupsi bagus", ignore="korupsi") == polarity("tidak apa bagus")


@pytest.mark.parametrize("bad", [5, [1, 2], {"korupsi": 1}, b"korupsi"])
def test_bad_ignore_is_a_clear_error(bad):
    with pytest.raises(TypeError, match="The 'ignore' parameter of polarity"):
        polarity("korupsi", ignore=bad)


@given(st.lists(st.sampled_from(["korupsi", "banjir", "ikn", "#danantara", "gratis", "rakyat"]), max_size=4))
def test_ignoring_can_only_remove_evidence(terms):
    # invariant: with an ignored term the scorer sees a subset of the units; a text whose
    # every sentiment word is ignored scores exactly 0
    text = "korupsi banjir gratis ikn danantara"
    all_terms = ["korupsi", "banjir", "gratis", "ikn", "danantara"]
    assert polarity(text, ignore=all_terms) == 0.0
    e = explain(text, ignore=terms)
    ignored = set(e.table.loc[e.table["role"] == "ignored", "norm"])
    assert ignored == {t.lstrip("#") for t in terms} & set(all_terms)


def test_register_rule_reads_form_not_topic():
    assert REGISTER_ELONG == ELONG
    assert news_register(analyse("Direktur PDAM Dipenjara 1 Tahun karena Korupsi")) is not None
    # the same words spoken by a person are not news
    for text in ["Direktur PDAM Dipenjara? Mampus Koruptor",
                 "gue seneng Direktur PDAM Dipenjara Karena Korupsi",
                 "Direktur PDAM Dipenjara Karena Korupsi 😂",
                 "direktur pdam dipenjara karena korupsi, syukurin",
                 "MANTAPPP Direktur Korup Dipenjara"]:
        assert news_register(analyse(text)) is None, text


def test_topic_terms_finds_the_query():
    # a keyword scrape on "korupsi": the headlines and the opinions about it
    texts = [t for topic, t in HEADLINES if topic == "korupsi"]
    texts += [t for topic, t, _ in OPINIONS if topic == "korupsi"]
    assert topic_terms(pd.DataFrame({"text": texts})) == ["korupsi"]
    frame = topic_terms(["banjir lagi", "banjir parah", "cuaca cerah", "#Banjir di mana mana"], as_frame=True)
    assert frame["term"].tolist() == ["banjir"]
    assert frame.loc[0, "share"] == 0.75 and frame.attrs["n_posts"] == 4
    # a retweet cascade counts once: the repeated text does not become the query
    assert topic_terms(["ganti presiden"] * 50 + ["cuaca cerah", "hujan deras"]) == []
    with pytest.raises(ValueError, match="min_share"):
        topic_terms(["a"], min_share=0)
    with pytest.raises(TypeError, match="posts"):
        topic_terms("banjir")


@pytest.mark.data
def test_topic_terms_on_real_scrapes(data_home):
    """The query of each real keyword scrape is found; evaluative words are not."""
    from trendlib.datasets import load_tweets

    cases = {
        "tweets_danantara_2025": "danantara",
        "tweets_kipk_2024": "kipk",
        "tweets_petualangansherina2_2023": "#petualangansherina2",
    }
    for folder, query in cases.items():
        if not (data_home / folder).is_dir():
            continue
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            posts = load_tweets(folder)
        terms = topic_terms(posts)
        assert terms[0] == query, (folder, terms)
        assert len(terms) <= 4, (folder, terms)


@pytest.mark.data
def test_news_accounts_of_a_real_scrape_read_as_news(data_file):
    """Posts of news outlets in the COVID-19 Jakarta scrape mostly read as news register;
    the opinion tweets of EmoT (every one labelled with an emotion) almost never do."""
    import trendlib as tl
    from trendlib.datasets import load_emot

    data_file("indonlu_emot", "train_preprocess.csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = tl.read_posts(data_file("tweets_corona_jakarta_2020", "crawling_twitter_jakarta_26.csv"))
    outlets = ["detikcom", "republikaonline", "liputan6dotcom", "inewsid", "mediaindonesia", "okezonenews"]
    news = posts[posts["author"].isin(outlets)]["text"]
    assert len(news) > 300
    share_news = sum(news_register(analyse(t)) is not None for t in news) / len(news)
    emot = load_emot("train")["text"]
    share_opinion = sum(news_register(analyse(t)) is not None for t in emot) / len(emot)
    assert share_news > 0.7
    assert share_opinion < 0.01


def test_sentiment_over_time_group_by_and_deprecated_by():
    posts = pd.DataFrame({
        "time": pd.to_datetime(["2023-09-05 02:00", "2023-09-05 03:00"], utc=True),
        "text": ["korupsi lagi, rakyat sengsara", "Direktur PDAM Dipenjara karena Korupsi"],
        "community": ["a", "b"],
    })
    new = sentiment_over_time(posts, group_by="community", ignore="korupsi")
    with pytest.warns(FutureWarning, match="group_by"):
        old = sentiment_over_time(posts, by="community", ignore="korupsi")
    pd.testing.assert_frame_equal(new, old)
    assert new.attrs["group_by"] == ["community"]
    assert new.set_index("community")["neutral"].to_dict() == {"a": 0, "b": 1}


def test_hashtags_are_read_as_their_words():
    seg = {"hashtags": "segment"}
    # the opinion is often the hashtag: read as words, they meet the lexicon
    assert polarity("#IndonesiaGelap") == 0.0  # read whole: one word in no lexicon
    assert polarity("#IndonesiaGelap", **seg) < 0 and polarity("#indonesiagelap", **seg) < 0
    assert label("pemerintah makin ngawur #IndonesiaGelap", **seg) == "negative"
    assert polarity("#GakBagus", **seg) < 0 < polarity("#Bagus", **seg)  # slang in a tag normalised, negation read
    # a query hashtag stays ignored however it is typed and read
    for typed in ("#IndonesiaGelap", "#INDONESIAGELAP", "#indonesiagelap"):
        for hashtags in ("keep", "segment"):
            for term in ("#IndonesiaGelap", "#indonesiagelap"):
                assert polarity(f"rakyat sengsara {typed}", ignore=term, hashtags=hashtags) == \
                    polarity("rakyat sengsara")
    # a word of the query inside a longer tag is ignored, the tag's other words still count
    assert polarity("#TolakKorupsi", ignore="korupsi", **seg) == polarity("tolak")
    assert "#GakBecus:tidak becus" in repr(explain("#GakBecus", **seg))  # the tag, then the words read
    assert "#IndonesiaGelap:gelap" in repr(explain("#IndonesiaGelap", **seg))
    e = explain("rakyat sengsara #IndonesiaGelap", ignore="#indonesiagelap", **seg)
    assert e.ignored[-1].startswith("#IndonesiaGelap (gelap) (topic term, ignore=): lexicon valence -")
    out = add_sentiment(pd.DataFrame({"text": ["Ada apa dengan DANANTARA??? #IndonesiaGelap2025"]}), **seg)
    assert out["sentiment"].tolist() == ["negative"] and out.attrs["sentiment_hashtags"] == "segment"
    with pytest.raises(ValueError, match="'hashtags' parameter of add_sentiment"):
        add_sentiment(pd.DataFrame({"text": ["x"]}), hashtags="split")
    with pytest.raises(ValueError, match="'hashtags' parameter of polarity"):
        polarity("x", hashtags=True)


def test_a_hashtag_is_not_a_personal_voice_in_a_headline():
    # 'saya' in a tag does not make a headline a person speaking
    h = "Direktur PDAM Dipenjara 1 Tahun karena Korupsi #SayaPilihJujur"
    for hashtags in ("keep", "segment"):
        assert any(r.startswith("news register (headline") for r in explain(h, hashtags=hashtags).rules)
