"""The shipped lexicon (provenance, curation), user lexicons, InSet, and the SmSA floor."""

from __future__ import annotations

import math

import pytest

from trendlib.exceptions import FormatError
from trendlib.sentiment import Lexicon, explain, label, load_lexicon, polarity
from trendlib.sentiment._lexicon import _emoji_table, as_lexicon
from trendlib.sentiment._rules import rule_words


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def test_every_entry_has_provenance_and_a_bounded_score(lex):
    frame = lex.to_frame()
    assert len(frame) > 400
    assert set(frame["provenance"]) == {"smsa-train", "curated", "tweets-mined"}
    assert frame["score"].between(-1, 1).all()
    assert (frame["score"] != 0).sum() > 400
    assert frame["word"].is_unique


def test_gaps_found_on_real_tweets_are_in(lex):
    # issue 10: words the scorer missed on real political tweets, now with provenance
    for word in ("kesengsaraan", "rawan", "diskriminatif", "mengelabui", "sengsara", "korup", "tidak habis pikir"):
        assert lex.valence(word) < 0, word
        assert lex.provenance(word) == "tweets-mined", word
    # "ga habis pikir" (can't fathom it) is exasperation, not a negated neutral phrase
    assert label("Ga habis pikir di Undip banyak banget penerima kipk salah sasaran") == "negative"
    assert label("gak habis pikir sama kebijakan ini") == "negative"
    # "jujur gw ..." is "honestly, I ...", not "honest": the opinion is what follows
    assert label("jujur gw kesel bgt liatnya") == "negative"
    assert polarity("jujur saya lelah") == polarity("saya lelah")
    assert label("pemimpin yang jujur") == "positive"  # the adjective keeps its valence
    # "pas" is "when" in casual posts ("pas di krl", "pas makan siang"); "just right" only
    # in its phrases
    assert polarity("pas di krl nonton live pembukaan") == 0
    assert label("harganya pas banget") == label("rasanya pas di lidah") == "positive"
    # limitation markers are contrast rule words, not negative lexicon entries
    assert "cuma" not in lex and "hanya" not in lex


def test_limitation_markers_shift_weight_to_what_follows():
    from trendlib.sentiment import explain, label

    assert label("bagus bagus aja cuma rawan korupsi") == "negative"
    assert label("pelayanannya cuma 5 menit, cepat dan ramah") == "positive"
    e = explain("tempatnya bagus, hanya saja parkirnya sempit")
    assert e.label == "negative"
    row = e.table.set_index("token").loc["bagus"]
    assert "before contrast" in row["rules"]


def test_one_negator_list_for_scorer_and_classifier():
    from trendlib.sentiment._features import NEGATORS, SCOPE_END
    from trendlib.sentiment._rules import negators, rule_words

    single = rule_words()[0]
    assert NEGATORS == negators() == {w for w, (r, _) in single.items() if r == "negator"}
    assert {"tidak", "gak", "tdk", "kagak", "bukan", "belum", "jangan"} <= NEGATORS
    assert {"tapi", "namun", "cuma"} <= SCOPE_END


def test_curated_slang_and_idioms_are_in(lex):
    for word in ("mantap", "kecewa", "gagal total", "tidak apa-apa", "mantap jiwa", "zonk", "lemot"):
        assert word in lex, word
    assert lex.provenance("zonk") == "curated"
    assert lex.valence("lemot") < 0 < lex.valence("mantap")


def test_idiomatic_reduplications_do_not_take_their_bases_valence(lex):
    # a reduplicated word without an entry takes its base's valence ("enak-enak"), but
    # these mean something else: "omong-omong" is "by the way" (and what "btw", 115 times
    # in the data home's tweets, normalises to), "lama-lama" "eventually", "diam-diam"
    # "secretly"; their bases (omong, lama, diam) are negative in SmSA's reviews
    for word in ("omong-omong", "lama-lama", "diam-diam"):
        assert lex.valence(word) == 0, word
        assert lex.valence(word.split("-")[0]) < 0, word
    assert polarity("btw aku udah makan") == 0
    assert label("btw makanannya enak banget") == "positive"
    assert label("lama-lama kesel juga") == "negative"  # the opinion is the next word's
    assert polarity("enak-enak") > 0 and polarity("omon-omon doang") < 0  # the rule still holds


def test_usual_and_long_time_phrases_carry_no_valence():
    # 'biasa' (mediocre) and 'lama' (slow) are review words; in tweets these phrases
    # mean "as usual", "ordinary people", "for a long time", "soon after"
    for text in ("Saya kerja seperti biasa, lebih hectic karena pandemi",
                 "Saya akan kembali ke Solo sebagai rakyat biasa",
                 "udah lama gak ke gunung",
                 "tak lama kemudian Prabowo bertolak ke Wina",
                 "tidak lama lagi akan berkontribusi pada perekonomian"):
        assert polarity(text) == 0, text
    # the other words still decide, and the review senses stay
    assert label("enak seperti biasa") == "positive"
    assert label("biasa saja rasanya") == "negative"
    assert label("pelayanan lama banget") == "negative"
    assert label("makin lama makin ngawur") == "negative"  # "getting worse"


def test_opinion_words_read_on_real_tweets():
    for text in ("Mbg tuh cuma program asbun presiden", "danantara ini ngawur bgt coy",
                 "Ikn mangkrak, mbg matot", "Serem bgt danantara ini", "Manajemen yang amburadul",
                 "proker konyol", "presiden sinting", "sistemnya bobrok"):
        assert label(text) == "negative", text
    for text in ("ekonomi kita tetap tangguh dan kompetitif", "Ide cemerlang", "tatanannya apik"):
        assert label(text) == "positive", text
    # negated, an evaluation flips or fades as for any word
    assert label("programnya tidak ngawur") != "negative"


def test_topic_and_identity_words_are_left_out(lex):
    # SmSA's reviews make "bandung" positive and its hateful politics make religions
    # negative; neither is sentiment.
    for word in ("bandung", "restoran", "makanan", "jokowi", "islam", "kristen", "agama", "wanita", "cina"):
        assert word not in lex, word
    # SmSA's "terima kasih" made "kasih" (give) positive, its complaints "hidup" and "hak"
    # negative; in posts they are "give", "life", "right"
    for word in ("kasih", "hidup", "hak"):
        assert word not in lex or lex.valence(word) == 0, word
    assert polarity("Presiden kasih ruang buat Danantara") == 0
    assert polarity("kajian lingkungan hidup strategis") == 0
    assert label("terima kasih banyak") == "positive" and label("makasih ya") == "positive"
    # a programme's name is its topic, not praise: "gratis" (free) stays positive elsewhere
    assert polarity("program makan bergizi gratis dimulai hari ini") == 0
    assert label("MAKAN GRATIS MAKANANNYA BUSUK !!") == "negative"
    assert label("ongkirnya gratis, mantap") == "positive"


def test_rule_words_are_rules_not_lexicon_entries(lex):
    single, _ = rule_words()
    for word, (role, _) in single.items():
        if role in ("negator", "contrast", "concessive") and word in lex:
            assert lex.provenance(word) == "curated", word


def test_emoji_table_is_ours_and_bounded():
    table = _emoji_table()
    assert len(table) > 100
    assert all(-1 <= v <= 1 for v in table.values())
    assert table["😍"] > 0 > table["😡"]


def test_emoji_found_on_real_tweets_and_gendered_sequences():
    # frequent in the data home's tweets and missing until read there: a facepalm under a
    # closure notice is a complaint, whichever person writes it (ZWJ gender and skin tone)
    for text in ("jln ditutup ga ada info 🤦", "jln ditutup ga ada info 🤦🏻\u200d♀️", "jln ditutup 🤦\u200d♂️"):
        assert label(text) == "negative", text
    assert label("Dah dibilang, program MBG gak akan bertahan lama 🫠") == "negative"
    assert label("Bismillah semoga lancar 🤲") == "positive"
    assert polarity("♂") == 0  # a gender sign alone is no emoji valence


def test_user_mapping_on_its_own_scale():
    mini = Lexicon({"mantap": 4, "kecewa": -4, "gagal total": -5}, name="mini")
    assert mini.scale == 5
    assert mini.valence("mantap") == pytest.approx(0.8)
    assert polarity("pokoknya mantap", lexicon=mini) > 0
    assert polarity("proyeknya gagal total", lexicon=mini) < polarity("proyeknya kecewa", lexicon=mini)
    # emoji are scored with any lexicon
    assert polarity("👍", lexicon=mini) > 0
    # plain dicts work and are wrapped once
    d = {"bagus": 3, "jelek": -3}
    assert as_lexicon(d) is as_lexicon(d)
    assert label("filmnya jelek", lexicon=d) == "negative"


def test_user_keys_are_normalised_like_text():
    # the scorer sees "gak" as "tidak"; a lexicon key written with slang still matches
    lx = Lexicon({"gak jelas": -3, "mantul": 3})
    assert polarity("acaranya nggak jelas", lexicon=lx) < 0
    assert polarity("mantul", lexicon=lx) > 0


def test_lexicon_file_round_trip(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("word\tscore\tprovenance\nciamik\t2\tme\nambyar\t-2\tme\n", encoding="utf-8")
    lx = load_lexicon(path)
    assert lx.name == "mine" and lx.provenance("ciamik") == "me"
    assert polarity("hasilnya ciamik", lexicon=lx) > 0
    assert polarity("hasilnya ambyar", lexicon=str(path)) < 0


def test_bad_lexicons_are_reported(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("word\tscore\nbagus\tsangat\njelek\t-1\nkeren\n", encoding="utf-8")
    with pytest.raises(FormatError, match="2 malformed line"):
        load_lexicon(bad)
    with pytest.raises(FileNotFoundError, match="'path' parameter of load_lexicon"):
        load_lexicon(tmp_path / "missing.tsv")
    with pytest.raises(ValueError, match="finite"):
        Lexicon({"bagus": math.nan})
    with pytest.raises(TypeError, match="'lexicon' parameter of polarity"):
        polarity("bagus", lexicon=42)


@pytest.mark.data
def test_inset_lexicon_works(data_file):
    data_file("inset_lexicon", "positive.tsv")
    from trendlib.datasets import load_inset

    inset = load_inset()
    lx = as_lexicon(inset)
    assert lx.scale == 5
    assert polarity("pelayanannya sangat baik dan ramah", lexicon=inset) > 0
    assert polarity("barangnya rusak, saya kecewa", lexicon=inset) < 0


@pytest.mark.data
def test_smsa_test_floor_and_margin_over_inset(data_file):
    """Untrained on the target set: >= 0.60 macro-F1 on SmSA test, >= 0.10 above InSet."""
    data_file("indonlu_smsa", "test_preprocess.tsv")
    data_file("inset_lexicon", "positive.tsv")
    from sklearn.metrics import f1_score

    from trendlib.datasets import load_inset, load_smsa
    from trendlib.sentiment._posts import add_sentiment

    test = load_smsa("test")
    ours = add_sentiment(test)["sentiment"]
    inset = add_sentiment(test, lexicon=load_inset())["sentiment"]
    f_ours = f1_score(test["label"], ours, average="macro")
    f_inset = f1_score(test["label"], inset, average="macro")
    assert f_ours >= 0.60
    assert f_ours - f_inset >= 0.10


def test_jujur_opening_a_clause_is_a_discourse_marker_not_praise():
    # "Jujur, ..." is "honestly, ...": it opened a complaint or an aside in the data home's
    # tweets, and read as "honest" it made those posts positive
    assert label("Jujur, gak selera aku sama makanan ini") == "negative"
    assert label("@budi #MBG jujur anak sd mana mau makan yang begini") == "neutral"
    assert label("capek. jujur, kecewa banget sama pelayanannya") == "negative"
    e = explain("@budi jujur, pelayanannya lambat banget")
    row = e.table.set_index("token").loc["jujur"]
    assert row["role"] == "opener" and row["contribution"] == 0 and e.label == "negative"
    # anywhere else it is the lexicon's word: praise, negated, intensified, a one-word answer
    assert label("pemimpin yang jujur dan amanah") == "positive"
    assert label("dia tidak jujur") == "negative"
    assert label("Jujur banget orangnya") == "positive"
    assert label("@budi jujur") == "positive"
    assert polarity("Dia orangnya jujur. Jujur bgt malah") > 0
