"""The slang map: our own list, load_slang(), coverage against kamus alay."""

from __future__ import annotations

import csv
import re
import warnings
from collections import Counter, defaultdict

import pytest

from trendlib.exceptions import FormatError
from trendlib.text import load_slang, normalize, tokenize
from trendlib.text._words import known_words


def test_builtin_map_size_and_shape():
    slang = load_slang()
    assert len(slang) >= 1000
    for form, standard in slang.items():
        assert form == form.lower() and re.fullmatch(r"[^\W_]+(?:['\-][^\W_]+)*", form), form
        assert standard and standard == " ".join(standard.split()) and form != standard


def test_builtin_targets_are_fixed_points():
    # a target is already normal: mapping is one step, and normalize stays idempotent
    for form, standard in load_slang().items():
        assert normalize(standard) == standard, (form, standard)
        assert normalize(form) == standard, form


def test_slang_forms_are_not_known_words():
    words = known_words()
    assert not (set(load_slang()) & words)


@pytest.mark.parametrize(
    "form, standard",
    [
        ("yg", "yang"), ("gak", "tidak"), ("ga", "tidak"), ("nggak", "tidak"), ("bgt", "banget"),
        ("udh", "sudah"), ("jgn", "jangan"), ("krn", "karena"), ("tdk", "tidak"), ("dgn", "dengan"),
        ("gimana", "bagaimana"), ("gw", "saya"), ("lu", "kamu"), ("ngasih", "memberi"),
        ("gatau", "tidak tahu"), ("pdhl", "padahal"), ("emg", "memang"), ("kalo", "kalau"),
    ],
)
def test_common_forms(form, standard):
    assert load_slang()[form] == standard


def test_load_slang_user_tsv_and_csv(tmp_path):
    tsv = tmp_path / "mine.tsv"
    tsv.write_text("# my list\nbestie\tsahabat\nyg\tyg\n", encoding="utf-8")
    merged = load_slang(tsv)
    assert merged["bestie"] == "sahabat"
    assert "yg" not in merged  # the user says "yg" is standard: our entry is dropped
    assert merged["gak"] == "tidak"
    assert load_slang(tsv, merge=False) == {"bestie": "sahabat"}
    csv_path = tmp_path / "kamus.csv"
    csv_path.write_text(
        "slang,formal,context\nbgtt,banget,a\nbgtt,banget,b\nbgtt,bagai,c\nmager,malas,d\n",
        encoding="utf-8",
    )
    assert load_slang(csv_path, merge=False) == {"bgtt": "banget", "mager": "malas"}
    assert normalize("mager bgt", slang=load_slang(csv_path)) == "malas banget"
    assert tokenize("mager", slang=load_slang(csv_path, merge=False)) == ["malas"]


def test_load_slang_errors(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(FormatError, match="is empty"):
        load_slang(empty)
    with pytest.raises(FormatError, match="could not read"):
        load_slang(tmp_path / "missing.tsv")
    bad = tmp_path / "bad.tsv"
    bad.write_text("form\tstandard\nok\toke\nlonely\n\tkosong\ndua kata\tx\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="skipped 3 malformed rows") as rec:
        out = load_slang(bad, merge=False)
    assert out == {"ok": "oke"}
    assert "1 fewer than two columns" in str(rec[0].message)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("slang,formal\ncaf\xe9e,kafe\n".encode("latin-1"))
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        assert load_slang(latin, merge=False) == {"caf\xe9e": "kafe"}
    assert any("latin-1" in str(w.message) for w in rec)


def _kamus(path):
    votes = defaultdict(Counter)
    rows = Counter()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            form, formal = row["slang"].strip().lower(), row["formal"].strip().lower()
            votes[form][formal] += 1
            rows[form] += 1
    return {f: c.most_common(1)[0][0] for f, c in votes.items()}, rows


def test_coverage_against_kamus_alay(data_file):
    """The figures quoted in docs/text.md (kamus alay has no licence: read in place)."""
    path = data_file("kamus_alay", "colloquial-indonesian-lexicon.csv")
    kamus, rows = _kamus(path)
    ours = load_slang()
    total_rows = sum(rows.values())
    assert len(kamus) == 4330 and total_rows == 15006
    covered = [f for f in kamus if f in ours]
    handled = [f for f in kamus if normalize(f) == normalize(kamus[f])]
    agree = [f for f in covered if normalize(ours[f]) == normalize(kamus[f])]
    # our map holds 14% of its forms, but they are 58% of its rows (its frequent forms)
    assert len(covered) >= 600
    assert sum(rows[f] for f in covered) / total_rows >= 0.57
    # with the elongation, reduplication and affix rules, normalize() reaches kamus
    # alay's standard form for 40% of its forms and 68% of its rows
    assert len(handled) / len(kamus) >= 0.40
    assert sum(rows[f] for f in handled) / total_rows >= 0.67
    # where both map a form, 89% agree (after normalising both targets)
    assert len(agree) / len(covered) >= 0.88


def test_load_kamus_alay_file(data_file):
    path = data_file("kamus_alay", "colloquial-indonesian-lexicon.csv")
    merged = load_slang(path)
    alone = load_slang(path, merge=False)
    assert len(alone) > 4000
    assert alone["bgt"] == "banget" and merged["yg"] == "yang"
    assert len(merged) > len(alone)
    assert "d" not in load_slang()
    assert normalize("pulang d rumah", slang=merged) == "pulang di rumah"
    assert normalize("pulang d rumah") == "pulang d rumah"
