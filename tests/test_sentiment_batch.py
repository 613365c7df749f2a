"""The fast paths give the same numbers as the reference paths.

* lexicon+rules: ``_batch.score_texts`` (chunk records, news register from chunk
  summaries) == ``score_tokens(analyse(text))`` for every text;
* the scorer's chunk analysis (text layer's chunk memo read directly) == the analysis
  built on :func:`trendlib.text.tokens`;
* classifier: ``_scores`` (model columns, ``D @ G``) == ``_scores_reference`` (full
  hashed matrices), bit for bit;
* ``add_sentiment`` scores each distinct text once;
* the report's shared pass (``_posts.tokens_and_sentiment``, one split per text for the
  tokenizer and the scorer) == ``add_tokens`` then ``add_sentiment``.
"""

from __future__ import annotations

import glob
import random
import warnings

import numpy as np
import pandas as pd
import pytest

import trendlib as tl
from trendlib.sentiment import _analyse as A
from trendlib.sentiment import _batch
from trendlib.sentiment._batch import score_texts
from trendlib.sentiment._lexicon import Lexicon, as_lexicon
from trendlib.sentiment._register import chunk_news, news_register, news_register_chunks
from trendlib.sentiment._rules import CAPS, CLITIC, ELONG, REDUP, Tok, load_params, score_tokens
from trendlib.text import normalize, segment_hashtag, tokens

CRAFTED = [
    "", "   ", "makanannya enak banget, pelayanan ramah", "makanannya tidak enak",
    "tidak apa-apa kok", "tidak\tapa-apa", "gagal total!!!", "bagus bagus aja cuma rawan korupsi",
    "BAGUSSS bgt", "SEMUA ENAK", "Enak ENAK sekali", "enak2 dan murah-murah", "mahalnya minta ampun",
    "agak mahal tapi enak", "meski mahal, enak", "sayang nya lama", "sangat sangat bagus",
    "Direktur PDAM Dipenjara 1 Tahun karena Korupsi", "Direktur PDAM Dipenjara 1 Tahun karena Korupsi https://t.co/x",
    "Pasien meninggal di Tasikmalaya berusia 56 tahun. https://t.co/abc",
    "menurut KPK kasus ini rugikan negara https://t.co/y", "@a @b kecewa berat", "@a kecewa berat",
    "😍😍 mantap", "kecewa :( banget", "x&y bagus &amp; murah", "Ｂａｇｕｓ sekali", "5 km macet parah",
    "KM.26 macet", "#MantapJiwa #gagal", "wkwk lucu bgt", "tdk bagus", "kurang enak dan tidak ramah",
    "enak enak enak", "tidak tidak bagus", "gk jelek kok!", "mantap. mantap jiwa", "lumayan lah",
    "USER bagus URL", "xD enak", "apa-apa tidak apa-apa", "\u200bhai cantik", "tidak,apa-apa",
    # an opener ("jujur") at the start of a clause, after mentions/tags/links, or not
    "Jujur, gak selera aku", "@a #MBG jujur anak sd mana mau", "pemimpin yang jujur", "Jujur banget orangnya",
    "@a jujur", "jujur jujur bagus", "JUJUR JUJUR aku suka", "Dia jujur. Jujur bgt malah", "ok jujur enak",
    "https://t.co/x jujur, enak", "😍 jujur enak", "enak (jujur) enak", "enak ; jujur kecewa", "jujur",
]


def _ref_word(p: str, flags: int, orig: str, kind: str) -> Tok:
    """One word of the reference: its base after a reduplication or a clitic."""
    base, f = p, flags
    if "-" in p or p[-1:] == "2":
        m = A._REDUP.match(p) or A._REDUP2.match(p)
        if m:
            base, f = m.group(1), f | REDUP
    if base is p:
        for c in A._CLITICS:
            if p.endswith(c) and len(p) - len(c) >= 3:
                base, f = p[: -len(c)], f | CLITIC
                break
    return Tok(p, kind, f, orig, base)


def _ref_chunk(chunk: str, segment: bool = False) -> tuple:
    """The scorer's chunk analysis as it was built on trendlib.text.tokens (the reference;
    ``segment``: hashtags read as their words)."""
    low = chunk.lower()
    emo = A._emoji_table()
    if low in emo and not low[0].isalnum():
        return (Tok(low, "emoticon", 0, chunk, low),)
    out: list = []
    pos = 0
    for t in tokens(chunk):
        if t.start > pos:
            out += [Tok(m.group(), "punct", 0, m.group(), m.group()) for m in A._PUNCT.finditer(chunk, pos, t.start)]
        pos = max(pos, t.end)
        kind, orig, norm = t.kind, t.text, t.norm
        if kind == "emoji":
            norm = orig.translate(A._EMOJI_STRIP) or orig
            out.append(Tok(norm, kind, 0, orig, norm))
            continue
        if kind == "emoticon":
            out.append(Tok(orig.lower(), kind, 0, orig, orig.lower()))
            continue
        if kind == "hashtag" and not segment:
            norm, kind = norm.lstrip("#"), "word"
        elif kind == "hashtag":  # its words (segment_hashtag), each normalised, no emphasis flags
            for p in segment_hashtag(orig):
                if p.isdigit():
                    out.append(Tok(p, "number", 0, orig, p))
                    continue
                out += [_ref_word(q, 0, orig, "word") for q in normalize(p).split()]
            continue
        elif kind != "word":
            out.append(Tok(orig, kind, 0, orig, orig))
            continue
        flags = CAPS if orig.isupper() and sum(c.isalpha() for c in orig) >= 2 else 0
        if len(orig) >= 3 and A._ELONG.search(orig.lower()) and not A._ELONG.search(norm):
            flags |= ELONG
        out += [_ref_word(p, flags, orig, kind) for p in (norm.split() if " " in norm else (norm,))]
    if pos < len(chunk):
        out += [Tok(m.group(), "punct", 0, m.group(), m.group()) for m in A._PUNCT.finditer(chunk, pos)]
    return tuple(out)


def _real_tweets(home, n: int) -> list[str]:
    texts: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in sorted(glob.glob(str(home / "tweets_*" / "*.csv"))):
            try:
                texts += tl.read_posts(path)["text"].dropna().tolist()
            except Exception:
                continue
    texts = list(dict.fromkeys(t for t in texts if isinstance(t, str)))
    if len(texts) < 1000:
        pytest.skip("too few tweets in the data home")
    random.Random(1).shuffle(texts)
    return texts[:n]


def _sample_texts() -> list[str]:
    return CRAFTED + tl.datasets.load_sample_posts()["text"].dropna().tolist()


def _check_lexicon_paths(texts: list[str]) -> None:
    P = load_params()
    for seg in (False, True):  # hashtags="keep" and "segment"
        for chunk in dict.fromkeys(c for t in texts for c in t.split()):
            assert A._analyse_chunk(chunk, seg) == _ref_chunk(chunk, seg), chunk
        for lex in (as_lexicon(None), Lexicon({"enak": 3, "tidak apa-apa": 2, "gagal total": -5, "mahal": -2,
                                              "apa": 1, "km": -1, "gelap": -2}, scale=5)):
            ref = [score_tokens(A.analyse(t, seg), lex, P) for t in texts]
            assert score_texts(texts, lex, P, seg) == ref
            assert score_texts(texts, lex, P, seg) == ref  # again, from the chunk records
        for t in texts:
            toks = A.analyse(t, seg)
            summaries = [chunk_news(A.analyse(c, seg)) for c in t.split()]
            assert news_register_chunks(summaries) == news_register(toks), t
    tagged = [t for t in texts if "#" in t]
    assert tagged and [score_tokens(A.analyse(t, True), as_lexicon(None), P) for t in tagged] != \
        [score_tokens(A.analyse(t), as_lexicon(None), P) for t in tagged]  # the two readings differ


LINKS_AND_MENTIONS = [
    "@abc", "@abc:", "@Abc_12!!", "@abc.", "@USER", "@USERNAME:", "@abc@def", "@abc.def", "@_@", "@", "@abc:)",
    "https://t.co/xYz", "https://t.co/xYz.", "https://t.co/x)", "http://a.id/b?c=1&d=2", "https://", "http:",
    "ftp://x.y/z", "httpx", "HTTPURL", "https://t.co/x,bagus", "xD", "XDD", "USER", "bagus,", "BAGUS!!", "mkn.",
]


def _check_chunk_records(chunks: list[str]) -> None:
    for lex in (as_lexicon(None), Lexicon({"@abc": 2, "enak": 3, ":": 1, "bagus": 2}, scale=5)):
        for seg in (False, True):
            for chunk in chunks:
                fast = _batch.chunk_record(chunk, lex, seg)
                assert fast == _batch._general_record(chunk, lex, lex.table.get, seg), chunk


def test_batch_scorer_equals_reference_on_crafted_and_sample_texts():
    _check_lexicon_paths(_sample_texts() + LINKS_AND_MENTIONS)


def test_fast_chunk_records_equal_the_general_analysis():
    """The plain-word, link and mention records built without the scorer's chunk analysis
    are the records that analysis gives (the fast paths only skip work)."""
    chunks = list(dict.fromkeys(c for t in _sample_texts() + LINKS_AND_MENTIONS for c in t.split()))
    assert sum(_batch._link_record(c, {}.get) is not None for c in chunks) >= 8  # the link path is taken
    _check_chunk_records(chunks)


def test_batch_scorer_equals_reference_on_real_tweets(data_home):
    texts = _real_tweets(data_home, 6000)
    _check_lexicon_paths(texts)
    _check_chunk_records(list(dict.fromkeys(c for t in texts for c in t.split())))


def test_add_sentiment_scores_each_distinct_text_once(monkeypatch):
    from trendlib.sentiment import _batch

    seen: list[str] = []
    real = _batch.score_texts

    def counting(texts, lex, P, segment=False):
        seen.extend(texts)
        return real(texts, lex, P, segment)

    monkeypatch.setattr(_batch, "score_texts", counting)
    lex = Lexicon({"enak": 1, "jelek": -1}, name="fresh")  # a fresh lexicon: an empty text memo
    texts = ["enak sekali", "jelek", "enak sekali", None, "jelek", "biasa"] * 50
    out = tl.sentiment.add_sentiment(pd.DataFrame({"text": texts}), lexicon=lex)
    assert sorted(seen) == ["biasa", "enak sekali", "jelek"]
    assert out["polarity"].isna().sum() == 50
    assert out["sentiment"].iloc[:3].tolist() == ["positive", "negative", "positive"]


def _check_classifier(texts: list[str]) -> None:
    for name in ("multi", "smsa"):
        clf = tl.SentimentClassifier.pretrained(name)
        first = clf._scores(texts[: len(texts) // 2])  # the token cache grows between calls
        new = clf._scores(texts)
        ref = clf._scores_reference(texts)
        assert np.array_equal(new, ref)
        assert np.array_equal(first, ref[: len(texts) // 2])


def test_classifier_fast_scores_equal_reference():
    _check_classifier(_sample_texts())


def test_classifier_fast_scores_equal_reference_on_real_tweets(data_home):
    _check_classifier(_real_tweets(data_home, 4000))


def test_classifier_scores_after_the_token_ids_start_again(monkeypatch):
    from trendlib.sentiment import _features

    clf = tl.SentimentClassifier.pretrained()
    texts = _sample_texts()
    ref = clf._scores_reference(texts)
    clf._scores(texts[:20])
    monkeypatch.setattr(_features, "_MAX_TOKENS", 10)  # the next call resets the hasher's ids
    assert np.array_equal(clf._scores(texts), ref)
    assert np.array_equal(clf._scores(texts), ref)


def test_fitted_model_fast_scores_equal_reference():
    texts = ["makanannya enak banget", "pelayanan ramah, mantap", "kecewa, pesanan lama",
             "aplikasi error terus, parah", "tidak enak", "biasa saja"] * 3
    labels = ["positive", "positive", "negative", "negative", "negative", "neutral"] * 3
    for kw in ({}, {"char_ngram_range": None}, {"lexicon": None}, {"lexicon": "fit", "min_df": 1}):
        clf = tl.SentimentClassifier(**kw).fit(texts, labels)
        probe = texts + ["enak tapi mahal", "gak ramah sama sekali", ""]
        assert np.array_equal(clf._scores(probe), clf._scores_reference(probe))


def test_add_sentiment_copies_the_table_at_most_once():
    from trendlib.sentiment._posts import _copy_on_write

    posts = pd.DataFrame({"text": ["enak sekali", "jelek", None] * 10, "x": np.arange(30)})
    posts.attrs["source"] = "test"
    out = tl.sentiment.add_sentiment(posts)
    if _copy_on_write():  # a shallow copy: the posts' columns are shared, not copied
        assert np.shares_memory(out["x"].to_numpy(), posts["x"].to_numpy())
    out.loc[0, "x"] = -1  # and writing to the result never reaches the input
    assert posts.loc[0, "x"] == 0 and "polarity" not in posts.columns
    assert out.attrs["source"] == "test" and "sentiment_missing_text" not in posts.attrs


def test_collection_paused_restores_the_collectors_state_and_batches_leave_no_cycles():
    """The batch paths pause the cyclic collector (the memos it would walk again and
    again) and leave it as they found it; scoring new real-looking tweets creates no
    reference cycles, so nothing is left for the collector."""
    import gc

    from trendlib._cache import collection_paused
    from trendlib.sentiment._scorer import polarity_many

    assert gc.isenabled()
    with collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # a user's choice is kept
    finally:
        gc.enable()
    texts = [f"Jalan sekitar GBK ditutup {i} jam, macet parah bgt!!! #KTTASEAN2023 @polisi{i}" for i in range(300)]
    polarity_many(["halo"])  # one-off loads (lexicon, tables)
    gc.collect()
    scores = polarity_many(texts)
    assert gc.get_count()[0] < 100  # what the batch kept went to the oldest generation, unwalked
    assert gc.isenabled() and gc.collect() == 0
    gc.freeze()  # a process that froze its heap (before forking) keeps it frozen
    try:
        frozen = gc.get_freeze_count()
        polarity_many([t + " lagi" for t in texts])
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    assert all(s < 0 for s in scores)
    import pandas as pd

    from trendlib.text import add_tokens

    add_tokens(pd.DataFrame({"text": ["halo"]}), stem=True, stopwords="topic")  # one-off loads
    gc.collect()
    tokens = add_tokens(pd.DataFrame({"text": texts}), stem=True, stopwords="topic")["tokens"]
    assert gc.isenabled() and gc.collect() == 0
    assert tokens[0][:3] == ["jalan", "sekitar", "gbk"] and "#kttasean2023" in tokens[0]


#: values add_tokens and add_sentiment read apart: missing, not str, entities, NFKC, units
ODD = [None, float("nan"), pd.NA, 5, 2.5, "", " ", "x &amp;amp; y bagus", "Ｂａｇｕｓ sekali 👍", "5 km macet",
       "km udah makan?", "KM.26 macet parah", "\u200bhai cantik", "tidak\xa0bagus", "korupsi lagi, kecewa",
       "#Korupsi merajalela", "Makan Siang Gratis untuk rakyat", "makan siang gratis enak",
       # the tokenizer's scan differs from the text (fillers, entities, NFKC): other chunks
       "@a \u3164\n\nYa jelas belum pernah lah😂", "ga apa min, seteres corona\u203c",
       "Gerakan &#8220;Sembodo Lawan Corona&#8221; Bantu", "Jika ..\ufe0f Makanan memenuhi perutmu"]


def _check_shared_pass(texts: list, stopwords="topic", ignore=None, hashtags="keep") -> None:
    from trendlib.sentiment._posts import tokens_and_sentiment

    posts = pd.DataFrame({"text": pd.Series(texts, dtype=object)})
    ref = tl.sentiment.add_sentiment(tl.text.add_tokens(posts, stopwords=stopwords), ignore=ignore,
                                     hashtags=hashtags)
    tokens_, pol, lab, attrs = tokens_and_sentiment(posts["text"], stopwords=stopwords, ignore=ignore,
                                                    hashtags=hashtags)
    out = posts.copy()
    out["tokens"], out["polarity"], out["sentiment"] = tokens_, pol, lab
    for col in ("tokens", "polarity", "sentiment"):
        assert out[col].equals(ref[col]), col
    assert out["tokens"].tolist() == ref["tokens"].tolist()
    assert out["sentiment"].tolist() == ref["sentiment"].tolist()
    assert attrs == {k: ref.attrs[k] for k in ("sentiment_missing_text", "sentiment_ignored", "sentiment_hashtags")}
    # a row's list is its own, as add_tokens gives it (repeated texts share no list)
    assert len({id(t) for t in tokens_}) == len(tokens_)


@pytest.mark.parametrize("stopwords", ["topic", None, "sentiment"])
@pytest.mark.parametrize("ignore", [None, ["korupsi", "makan siang gratis"]])
def test_shared_tokens_and_sentiment_pass_equals_the_two_plain_calls(stopwords, ignore):
    texts = _sample_texts() + ODD
    for hashtags in ("keep", "segment"):
        _check_shared_pass(texts * 2, stopwords=stopwords, ignore=ignore, hashtags=hashtags)
        _check_shared_pass([t for t in texts if isinstance(t, str)], stopwords=stopwords, ignore=ignore,
                           hashtags=hashtags)


def test_shared_tokens_and_sentiment_pass_equals_the_two_plain_calls_on_real_tweets(data_home):
    texts = _real_tweets(data_home, 6000)
    _check_shared_pass(texts + texts[:500])
    _check_shared_pass(texts[:2000], ignore=["prabowo", "#danantara"])
    _check_shared_pass(texts + texts[:500], hashtags="segment")
    _check_shared_pass(texts[:2000], ignore=["prabowo", "#danantara"], hashtags="segment")
