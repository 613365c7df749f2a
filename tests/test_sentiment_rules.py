"""Rules of the lexicon+rules scorer on real Indonesian sentences, and its invariants."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trendlib.sentiment import explain, label, load_lexicon, polarity
from trendlib.sentiment._rules import load_params, score_tokens
from trendlib.sentiment._scorer import analyse

P = load_params()


def score(text: str, **weights) -> float:
    """Polarity with some rule weights replaced (tests the mechanics whatever the fit)."""
    return score_tokens(analyse(text), load_lexicon(), P.with_(**weights))


def rules_of(text: str) -> str:
    return " | ".join(explain(text).rules)


# ---------------------------------------------------------------- fitted weights are sane
def test_fitted_weights_have_the_direction_the_rules_assume():
    assert P.negation_scalar > 0
    assert 1 <= P.negation_window <= 4
    assert P.booster_increment > 0
    assert 0 < P.dampener_factor <= 1
    for name in ("elongation", "caps", "reduplication", "exclamation"):
        assert 0 <= getattr(P, name) <= 0.5
    assert P.contrast_after > P.contrast_before > 0
    assert P.threshold_negative <= P.threshold_positive
    assert P.meta["scores"]["smsa_valid_macro_f1"] >= 0.70


# ---------------------------------------------------------------- negation
@pytest.mark.parametrize(
    "positive, negated",
    [
        ("makanannya enak", "makanannya tidak enak"),
        ("pelayanannya ramah", "pelayanannya gak ramah"),
        ("tempatnya nyaman", "tempatnya nggak nyaman"),
        ("hasilnya memuaskan", "hasilnya enggak memuaskan"),
        ("hasilnya yang terbaik", "hasilnya bukan yang terbaik"),
        ("kamarnya bersih", "kamarnya belum bersih"),
        ("stafnya ramah", "stafnya kurang ramah"),
        ("acaranya seru", "acaranya tak seru"),
    ],
)
def test_negators_flip_positive_words(positive, negated):
    assert polarity(positive) > 0
    assert polarity(negated) < 0
    assert label(negated) == "negative"
    assert "negated by" in rules_of(negated)


def test_negating_a_negative_word_makes_it_positive():
    assert polarity("harganya mahal") < 0
    assert polarity("harganya tidak mahal") > 0
    assert polarity("rasanya tidak mengecewakan") > 0


def test_negation_reaches_exactly_its_window():
    # neutral filler words between the negator and the sentiment word
    filler = ["makanan", "di", "tempat", "itu"]
    inside = "tidak " + " ".join(filler[: P.negation_window - 1]) + " enak"
    outside = "tidak " + " ".join(filler[: P.negation_window]) + " enak"
    assert polarity(inside) < 0
    assert polarity(outside) > 0


def test_negation_stops_at_punctuation_and_contrast():
    assert polarity("tidak, enak sekali") > 0
    assert polarity("tidak tapi enak") > 0


# ---------------------------------------------------------------- contrast
def test_contrast_weights_the_clause_after_tapi_more():
    a = polarity("makanannya enak tapi mahal")
    b = polarity("makanannya mahal tapi enak")
    assert b > a
    e = explain("makanannya enak tapi mahal")
    rows = e.table.set_index("token")
    assert "before contrast 'tapi'" in rows.loc["enak", "rules"]
    assert "after contrast 'tapi'" in rows.loc["mahal", "rules"]
    assert rows.loc["mahal", "contribution"] == pytest.approx(
        rows.loc["mahal", "valence"] * P.contrast_after
    )


@pytest.mark.parametrize("word", ["tapi", "tetapi", "namun", "padahal", "sayangnya"])
def test_every_contrast_word_fires(word):
    text = f"tempatnya bagus {word} pelayanannya lambat"
    assert f"contrast '{word}'" in rules_of(text)
    assert polarity(text) < polarity(f"pelayanannya lambat {word} tempatnya bagus")


def test_sayang_nya_split_like_smsa_is_a_contrast():
    assert "contrast 'sayang nya'" in rules_of("tempatnya bagus . sayang nya mahal")


def test_concessive_clause_gets_its_fitted_weight():
    e = explain("meskipun mahal, rasanya enak")
    rows = e.table.set_index("token")
    assert rows.loc["mahal", "contribution"] == pytest.approx(rows.loc["mahal", "valence"] * P.concessive_clause)
    assert "concessive clause 'meskipun'" in rows.loc["mahal", "rules"]
    assert rows.loc["enak", "contribution"] == pytest.approx(rows.loc["enak", "valence"])


# ---------------------------------------------------------------- boosters and dampeners
@pytest.mark.parametrize(
    "plain, boosted",
    [
        ("enak", "sangat enak"),
        ("enak", "enak banget"),
        ("enak", "enak bgt"),
        ("enak", "enak sekali"),
        ("keren", "keren parah"),
        ("mahal", "mahal banget"),
        ("kecewa", "sangat kecewa"),
        ("bagus", "amat bagus"),
    ],
)
def test_boosters_increase_the_magnitude(plain, boosted):
    assert abs(polarity(boosted)) > abs(polarity(plain))
    assert math.copysign(1, polarity(boosted)) == math.copysign(1, polarity(plain))
    assert "booster" in rules_of(boosted)


@pytest.mark.parametrize("phrase", ["agak mahal", "sedikit kecewa", "agak lambat"])
def test_dampeners_reduce_the_magnitude(phrase):
    word = phrase.split()[1]
    assert 0 < abs(score(phrase, dampener_factor=0.5)) < abs(score(word, dampener_factor=0.5))
    assert abs(polarity(phrase)) <= abs(polarity(word))
    assert "dampener" in rules_of(phrase)


def test_bukan_main_is_a_booster_not_a_negation():
    assert polarity("bukan main mahalnya") < polarity("mahalnya") < 0
    assert polarity("enaknya bukan main") > polarity("enaknya") > 0
    assert "booster 'bukan main'" in rules_of("bukan main mahalnya")


def test_clitics_fall_back_to_the_base_word():
    for word, glued in (("mahal", "mahalnya"), ("enak", "enaklah"), ("kecewa", "kecewanya")):
        assert polarity(glued) == pytest.approx(polarity(word))
        assert polarity(word) != 0
    assert polarity("punya") == 0.0  # "pu" is no word: nothing to fall back to


def test_a_booster_alone_scores_its_own_valence():
    # "parah" boosts a neighbour ("keren parah") but alone it is negative
    assert polarity("pelayanannya parah") < 0
    assert polarity("keren parah") > polarity("keren")


# ---------------------------------------------------------------- emphasis
def test_emphasis_rules_add_their_weight():
    w = {"elongation": 0.2, "caps": 0.2, "reduplication": 0.2, "exclamation": 0.1}
    assert score("bagusss", **w) > score("bagus", **w)
    assert score("enak-enak", **w) > score("enak", **w)
    assert score("enak2", **w) > score("enak", **w)
    assert score("filmnya BAGUS sekali", **w) > score("filmnya bagus sekali", **w)
    # ALL CAPS counts only when the text is not shouted throughout
    assert score("FILMNYA BAGUS", **w) == pytest.approx(score("filmnya bagus", **w))
    assert score("keren!!!", **w) > score("keren", **w)
    assert score("jelek!!!", **w) < score("jelek", **w)
    assert score("keren!!!!!!!!", **w) == pytest.approx(score("keren!!!", **w))  # capped
    assert score("bagusss", elongation=0.0) == pytest.approx(score("bagus"))


def test_emphasis_with_the_fitted_weights_is_explained():
    row = explain("bagusss").table.iloc[0]
    assert row["contribution"] == pytest.approx(row["valence"] + P.elongation)
    assert "elongation" in row["rules"]
    for redup in ("enak-enak", "enak2"):
        row = explain(redup).table.iloc[0]
        assert row["valence"] == pytest.approx(explain("enak").table.iloc[0]["valence"])
        assert row["contribution"] == pytest.approx(row["valence"] + P.reduplication)
    row = explain("filmnya BAGUS sekali").table.set_index("token").loc["BAGUS"]
    assert row["contribution"] > row["valence"] + P.caps - 1e-9


# ---------------------------------------------------------------- emoji and emoticons
@pytest.mark.parametrize(
    "text, sign",
    [("😍", 1), ("👍", 1), ("👍🏽", 1), ("❤️", 1), ("😡", -1), ("😭", -1), ("👎", -1),
     (":)", 1), (":D", 1), (":(", -1), ("T_T", -1), ("<3", 1)],
)
def test_emoji_and_emoticons_have_valence(text, sign):
    assert math.copysign(1, polarity(text)) == sign
    assert polarity(text) != 0


def test_emoji_carry_a_neutral_sentence():
    assert label("nonton upacara pembukaan KTT 😍") == "positive"
    assert label("nonton upacara pembukaan KTT 😡") == "negative"


# ---------------------------------------------------------------- multi-word expressions
def test_idioms():
    assert polarity("tidak apa-apa kok") == 0.0
    assert label("tidak apa-apa kok") == "neutral"
    assert polarity("gagal total") < polarity("gagal") < 0
    assert polarity("mantap jiwa") > polarity("mantap") > 0
    assert polarity("dasar kurang ajar") < 0
    assert polarity("salah satu tempat favorit saya") > 0
    assert polarity("rasanya tidak kalah dengan yang asli") > 0
    assert "negated" not in rules_of("tidak apa-apa kok")


def test_explanation_is_a_readable_table():
    e = explain("makanannya enak banget tapi pelayanannya tidak ramah 😡")
    assert list(e.table.columns) == ["token", "norm", "kind", "role", "valence", "contribution", "rules"]
    assert e.polarity == pytest.approx(polarity(e.text))
    text = repr(e)
    assert "negated by 'tidak'" in text and "booster 'banget'" in text and "squash" in text
    assert "<table" in e._repr_html_()


# ---------------------------------------------------------------- properties
@given(st.text(max_size=200))
def test_polarity_is_bounded_and_deterministic(text):
    p = polarity(text)
    assert -1.0 <= p <= 1.0
    assert polarity(text) == p
    assert label(text) in ("positive", "negative", "neutral")


@given(st.lists(st.sampled_from(
    ["tidak", "enak", "banget", "tapi", "mahal", "agak", "😍", "!!!", "gagal total", "BAGUS", "kecewa",
     "meskipun", ",", "sangat", "tidak apa-apa", "bagusss", "enak2", ":(", "sayang nya", "mantap jiwa"]
), max_size=30))
def test_polarity_bounded_on_rule_heavy_text(words):
    text = " ".join(words)
    p = polarity(text)
    assert -1.0 <= p <= 1.0
    assert explain(text).polarity == pytest.approx(p)


@pytest.mark.parametrize("empty", ["", " ", "\n\t", "   "])
def test_empty_text_is_zero_and_neutral(empty):
    assert polarity(empty) == 0.0
    assert label(empty) == "neutral"


def test_bad_input_is_named():
    with pytest.raises(TypeError, match="'text' parameter of polarity"):
        polarity(None)
    with pytest.raises(ValueError, match="'threshold' parameter of label"):
        label("enak", threshold=2)
    assert label("lumayan", threshold=(-0.9, 0.9)) == "neutral"
    with pytest.raises(ValueError, match="pair"):
        label("enak", threshold=(0.5, -0.5))


@given(st.lists(st.sampled_from(
    ["tidak", "#GakBecus", "#IndonesiaGelap", "#indonesiamaju", "banget", "tapi", "#KTT43ASEAN", "#", "##x",
     "#TidakBagus!!", "#mantap,", "bagus", "#SayaPilihJujur", "Direktur", "Dipenjara", "#2024", "#a_b_c", "😍"]
), max_size=25))
def test_hashtags_read_as_words_batch_equals_explain(words):
    # the batch path (add_sentiment), polarity and explain agree when tags are read as words
    import pandas as pd

    from trendlib.sentiment import add_sentiment

    text = " ".join(words)
    p = polarity(text, hashtags="segment")
    assert -1.0 <= p <= 1.0
    assert explain(text, hashtags="segment").polarity == pytest.approx(p)
    got = add_sentiment(pd.DataFrame({"text": [text]}), hashtags="segment")["polarity"].iloc[0]
    assert got == pytest.approx(p)
