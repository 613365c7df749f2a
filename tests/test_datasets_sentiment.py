"""Loaders of sentiment corpora and lexicons: real files from the data home, plus errors."""

from __future__ import annotations

import pytest

from trendlib.datasets import (
    load_emot,
    load_idsa,
    load_inset,
    load_kamus_alay,
    load_nusax,
    load_smsa,
)
from trendlib.exceptions import DataNotFoundError, FormatError

SIZES = {
    load_smsa: {"train": 11000, "valid": 1260, "test": 500},
    load_nusax: {"train": 500, "valid": 100, "test": 400},
    load_emot: {"train": 3521, "valid": 440, "test": 440},
}


@pytest.mark.parametrize("loader", list(SIZES), ids=lambda f: f.__name__)
@pytest.mark.parametrize("split", ["train", "valid", "test"])
def test_split_loaders_on_real_files(data_home, loader, split):
    try:
        df = loader(split)
    except DataNotFoundError:
        pytest.skip(f"{loader.__name__}({split!r}) data not in the data home")
    assert len(df) == SIZES[loader][split]
    assert {"text", "label"} <= set(df.columns)
    assert df.text.map(type).eq(str).all() and (df.text.str.len() > 0).all()
    assert df.attrs["split"] == split
    expected = (
        {"anger", "fear", "happy", "love", "sadness"}
        if loader is load_emot
        else {"positive", "negative", "neutral"}
    )
    assert set(df.label) == expected


def test_smsa_counts_match_upstream(data_file):
    data_file("indonlu_smsa", "test_preprocess.tsv")
    counts = load_smsa("test").label.value_counts().to_dict()
    assert counts == {"positive": 208, "negative": 204, "neutral": 88}


def test_nusax_keeps_case_ids_and_quoted_commas(data_file):
    data_file("nusax_senti_id", "train.csv")
    df = load_nusax("train")
    assert df.id.dtype.kind == "i" and df.id.is_unique
    # CSV quoting: texts with commas are read whole, original case kept
    assert df.text.str.contains(",").any()
    assert df.text.str.contains(r"[A-Z]").any()


def test_emot_keeps_placeholders(data_file):
    data_file("indonlu_emot", "train_preprocess.csv")
    df = load_emot("train")
    assert df.text.str.contains(r"\[USERNAME\]").sum() == 827


def test_idsa_maps_codes(data_file):
    data_file("idsa_sentiment", "indonesian_sentiment_twitter_dataset_labeled.tsv")
    df = load_idsa()
    assert len(df) == 10806
    assert df.label.value_counts().to_dict() == {"neutral": 5327, "negative": 2887, "positive": 2592}
    assert not df.text.str.contains("\r").any()


def test_inset_sums_words_in_both_lists(data_file):
    data_file("inset_lexicon", "positive.tsv")
    lex = load_inset()
    frame = load_inset(as_frame=True)
    both = frame[(frame.positive != 0) & (frame.negative != 0)]
    assert len(both) == 1142
    assert lex["ada"] == 4 + -3 and lex["adil"] == 4 + -3
    # gila: +3 in the positive list, -4 and -5 in the negative list -> 3 + mean(-4, -5)
    assert lex["gila"] == pytest.approx(-1.5)
    assert all(-5 <= v <= 5 for v in lex.values())
    assert not any(k != k.strip() or "\r" in k for k in lex)
    assert "acuh tak acuh" in lex  # multi-word entries kept whole
    assert len(lex) == len(frame) == frame.word.nunique()


def test_kamus_alay(data_file):
    data_file("kamus_alay", "colloquial-indonesian-lexicon.csv")
    slang = load_kamus_alay()
    assert slang["woww"] == "wow" and slang["aminn"] == "amin"
    assert slang["bkn"] in {"bukan", "bikin"}
    frame = load_kamus_alay(as_frame=True)
    assert len(frame) == 15006
    assert frame.slang.str.lower().str.strip().nunique() == len(slang)
    assert str(frame.in_dictionary.dtype) == "Int64"


def test_missing_file_names_path_and_fetcher(tmp_path):
    with pytest.raises(DataNotFoundError, match=r"indonlu_smsa.*fetch_smsa\('test'\)"):
        load_smsa("test", data_home=tmp_path)
    with pytest.raises(DataNotFoundError, match=r"fetch_inset\(\)"):
        load_inset(data_home=tmp_path)
    with pytest.raises(FileNotFoundError):  # DataNotFoundError is a FileNotFoundError
        load_kamus_alay(data_home=tmp_path)


@pytest.mark.parametrize("loader", [load_smsa, load_nusax, load_emot], ids=lambda f: f.__name__)
def test_bad_split(loader, tmp_path):
    with pytest.raises(ValueError, match=r"one of \['train', 'valid', 'test'\]. Got 'dev'"):
        loader("dev", data_home=tmp_path)


def test_malformed_file_is_reported_with_counts(tmp_path):
    folder = tmp_path / "indonlu_smsa"
    folder.mkdir()
    (folder / "test_preprocess.tsv").write_text(
        "enak sekali\tpositive\nrusak\tnegative\textra\nbiasa saja\n", encoding="utf-8"
    )
    with pytest.raises(FormatError, match="2 of 3 rows do not have 2 fields"):
        load_smsa("test", data_home=tmp_path)


def test_unknown_label_is_reported(tmp_path):
    folder = tmp_path / "nusax_senti_id"
    folder.mkdir()
    (folder / "valid.csv").write_text(
        "id,text,label\n1,Bagus sekali,positive\n2,Jelek,bad\n", encoding="utf-8"
    )
    with pytest.raises(FormatError, match=r"unexpected labels \{'bad': 1\}"):
        load_nusax("valid", data_home=tmp_path)
