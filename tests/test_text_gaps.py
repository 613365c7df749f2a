"""Issue 10/11 text gaps: slang, stem exceptions, code-mixing, idempotence, threads."""

from __future__ import annotations

import threading

import pytest

from trendlib.text import (
    Stemmer,
    default_exceptions,
    hashtags,
    normalize,
    stem,
    stopwords,
    tokenize,
    tokens,
)

# --- slang (issue 10): each form occurs in the data home's real tweets
SLANG = [
    ("capek bet", "capek banget"),
    ("banyak bet kasusnya", "banyak banget kasusnya"),
    ("kasian bgt", "kasihan banget"),
    ("tar ada waktunya", "nanti ada waktunya"),
    ("km udah makan?", "kamu sudah makan?"),
    ("haadduuueehhh", "aduh"),
    ("penjarain aja", "penjarakan saja"),
]


@pytest.mark.parametrize("text, expected", SLANG)
def test_slang_gaps(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("jaraknya 5 km dari sini", "jaraknya 5 km dari sini"),
        ("di Km 30 arah Cikampek", "di km 30 arah cikampek"),
        ("Jl. Raya Bekasi KM.26", "jalan. raya bekasi km.26"),
        ("km 5 lagi", "km 5 lagi"),
    ],
)
def test_km_next_to_a_number_is_a_unit(text, expected):
    assert normalize(text) == expected
    assert "kamu" not in tokenize(text)
    assert "kamu" not in [t.norm for t in tokens(text, stem=True)]


# --- stems (issue 10)
@pytest.mark.parametrize(
    "word, right, sastrawi",
    [("ajakan", "ajak", "aja"), ("senilai", "nilai", "nila"), ("kasian", "kasihan", "kasi"),
     ("kepoin", "kepo", "poin"), ("berikan", "beri", "ikan"), ("gerakan", "gerak", "gera")],
)
def test_stem_exceptions(word, right, sastrawi):
    assert stem(word) == right
    assert Stemmer(default_protected=False).stem(word) == sastrawi  # stock behaviour kept
    assert Stemmer(protected={word}).stem(word) == word  # the user's protection wins


def test_every_exception_corrects_a_real_difference():
    stock = Stemmer(default_protected=False)
    from trendlib.text._stem import _root_words
    from trendlib.text._words import known_words

    from trendlib.text import load_slang

    roots = _root_words() | known_words() | set(load_slang())  # kepo: a slang form
    for word, right in default_exceptions().items():
        assert word == word.lower() and right == right.lower()
        assert stock.stem(word) != right, f"{word}: Sastrawi already gives {right}"
        assert right in roots or right == word, f"{word} -> {right}: not a known root"


# --- code-mixing (issue 10)
def test_topic_profile_drops_english_function_words():
    topic = stopwords("topic")
    assert {"the", "of", "for", "so", "you", "and", "to", "in", "is", "this"} <= topic
    text = "The spirit of ASEAN is for you, so proud! #KTTASEAN"
    assert tokenize(text, stopwords="topic") == ["spirit", "asean", "proud", "#kttasean"]


def test_sentiment_profile_keeps_english_negations_and_intensifiers():
    keep = {"not", "no", "never", "but", "very", "too", "so", "don't"}
    assert keep.isdisjoint(stopwords("sentiment"))
    assert tokenize("not bad, so good", stopwords="sentiment") == ["not", "bad", "so", "good"]


# --- idempotence and entities (issue 11, item 21)
@pytest.mark.parametrize(
    "text, once",
    [("milih2nya", "memilih-milihnya"), ("dibeliiin", "dibelikan"), ("ngegada", "ngegada")],
)
def test_normalize_idempotent_on_issue_cases(text, once):
    assert normalize(text) == once
    assert normalize(once) == once


def test_normalize_does_not_create_entities():
    for text in ("＃anak2＃", "#anak2#", "a@org2", "##org2"):
        assert hashtags(normalize(text)) == hashtags(text)


def test_fraction_is_one_token_with_its_own_span():
    toks = tokens("½ porsi")
    assert [(t.kind, t.start, t.end, t.text) for t in toks] == [
        ("number", 0, 1, "½"), ("word", 2, 7, "porsi")
    ]
    spans = [(t.start, t.end) for t in tokens("¼½¾ ⅓")]
    assert len(spans) == len(set(spans))


# --- threads (issue 8 / 11 item 3: the sentiment classifier shares these memos)
def test_text_functions_are_thread_safe(real_texts):
    texts = real_texts
    from trendlib.text._chunks import chunk_memo

    def run(out: list, slang=None):
        out.extend(
            (normalize(t), tokenize(t, stem=True, stopwords="topic"), tokens(t, stem=True), hashtags(t))
            for t in texts
        )

    memo = chunk_memo(None)
    for table in (memo.items, memo.strings, memo.normal, memo.stems):
        table.clear()
    results: list[list] = [[] for _ in range(4)]
    threads = [threading.Thread(target=run, args=(results[i],)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    serial: list = []
    run(serial)
    for got in results:
        assert got == serial


@pytest.fixture(scope="module")
def real_texts(request) -> list[str]:
    """Real tweets from the data home when present, else the bundled sample (repeated)."""
    import os
    from pathlib import Path

    import pandas as pd

    home = os.environ.get("TRENDLIB_DATA_HOME")
    path = Path(home or "/nonexistent") / "tweets_kipk_2024" / "scraped_data.csv"
    if path.exists():
        texts = pd.read_csv(path, dtype=str)["full_text"].dropna().tolist()[:1500]
    else:
        from trendlib.datasets import load_sample_posts

        texts = load_sample_posts()["text"].dropna().tolist()
    return texts + [t.upper() for t in texts[:200]]
