"""Distant supervision for the multi-domain model: labels from emoji and from confident lexicon reads."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trendlib.sentiment._distant import AMBIGUOUS, emoji_labels, lexicon_labels

POSTS = [
    "alhamdulillah jalan tol baru sudah dibuka 😍🙏",
    "antrian bansos dari subuh sampai siang 😡",
    "wkwk pejabatnya ngeles terus 😂",  # mockery emoji: never a label
    "programnya bagus sih 👍 tapi anggarannya bocor 😡",  # mixed: no label
    "mantap 👍",  # too short once the emoji is gone
    "besok rapat di balai kota",  # no emoji
]


def test_emoji_labels_remove_the_label_and_skip_ambiguous_mixed_and_short():
    out = emoji_labels(POSTS)
    assert out["text"].tolist() == ["alhamdulillah jalan tol baru sudah dibuka", "antrian bansos dari subuh sampai siang"]
    assert out["label"].tolist() == ["positive", "negative"]
    assert out.attrs == {"posts": 6, "labelled": 2, "mixed": 1, "too_short": 1}
    assert not any(e in t for t in out["text"] for e in "😍🙏😡")


def test_repeated_posts_count_once():
    out = emoji_labels(POSTS[:2] * 5)
    assert len(out) == 2 and out.attrs["posts"] == 2


@given(st.lists(st.sampled_from(sorted(AMBIGUOUS)), min_size=1, max_size=4))
def test_ambiguous_emoji_never_label(emojis):
    assert len(emoji_labels(["kalimat yang cukup panjang di sini " + "".join(emojis)])) == 0


def test_lexicon_labels_take_only_confident_reads_and_never_headlines():
    texts = [
        "pelayanannya ramah banget, mantap",
        "kecewa berat, barangnya rusak",
        "Direktur PDAM Dipenjara 1 Tahun karena Korupsi",  # news register: polarity 0
        "besok rapat jam 9",
        "lumayan",
    ]
    out = lexicon_labels(texts)
    assert out["label"].tolist() == ["positive", "negative"]
    assert out.attrs == {"posts": 5, "labelled": 2}
