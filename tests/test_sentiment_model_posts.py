"""add_sentiment(posts, model=...): a trained classifier labels posts; the report's sentiment_model option."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendlib.sentiment import SentimentClassifier, add_sentiment, sentiment_over_time
from trendlib.sentiment._posts import mask_ignored
from trendlib.sentiment._topic import check_ignore

# our own posts about a corruption case and the free-meals programme
POSTS = pd.DataFrame({
    "id": list("abcdef"),
    "time": pd.to_datetime(["2025-02-01 01:00", "2025-02-01 02:00", "2025-02-01 03:00",
                            "2025-02-02 01:00", "2025-02-02 02:00", "2025-02-02 03:00"], utc=True),
    "text": ["KPK Tetapkan Tersangka Baru Kasus Korupsi Tol Jawa Tengah",
             "korupsi lagi korupsi lagi, rakyat makin sengsara #korupsi",
             "Alhamdulillah makan bergizi gratis di sekolah anakku enak dan bergizi, terima kasih",
             None,
             "makan bergizi gratis basi, anak-anak keracunan, kecewa berat",
             "korupsi lagi korupsi lagi, rakyat makin sengsara #korupsi"],
})


def test_model_labels_each_distinct_text_once_and_spreads_them():
    clf = SentimentClassifier.pretrained()
    out = add_sentiment(POSTS, model=clf, ignore="korupsi")
    texts = POSTS["text"].dropna().unique().tolist()
    masked = mask_ignored(texts, check_ignore("korupsi", func="add_sentiment"))
    want = dict(zip(texts, clf.predict(masked)))
    got = out.dropna(subset=["text"])
    assert got["sentiment"].tolist() == [want[t] for t in got["text"]]
    proba = clf.predict_proba(masked)
    cl = list(clf.classes_)
    pol = dict(zip(texts, proba[:, cl.index("positive")] - proba[:, cl.index("negative")]))
    np.testing.assert_allclose(got["polarity"], [pol[t] for t in got["text"]])
    labels = out["sentiment"].tolist()
    assert labels[:3] + labels[4:] == ["neutral", "negative", "positive", "negative", "negative"]
    assert out["sentiment"].isna().tolist() == [False, False, False, True, False, False]
    assert np.isnan(out["polarity"].iloc[3]) and out.attrs["sentiment_missing_text"] == 1
    assert out.attrs["sentiment_scorer"] == "SentimentClassifier"
    assert out.attrs["sentiment_hashtags"] == clf.hashtags
    assert out.attrs["sentiment_ignored"] == ["korupsi"]
    # the input is not modified
    assert "sentiment" not in POSTS.columns


def test_model_by_name_equals_the_pretrained_model_and_over_time_passes_it():
    by_name = add_sentiment(POSTS, model="multi")
    by_obj = add_sentiment(POSTS, model=SentimentClassifier.pretrained())
    pd.testing.assert_series_equal(by_name["sentiment"], by_obj["sentiment"])
    assert by_name.attrs["sentiment_scorer"] == 'SentimentClassifier.pretrained("multi")'
    t = sentiment_over_time(POSTS, freq="1D", tz="UTC", model="multi")
    assert t["n"].tolist() == [3, 2]
    assert t["negative"].sum() == (by_name["sentiment"] == "negative").sum()


def test_masking_makes_a_headline_that_only_names_the_topic_neutral():
    headline = pd.DataFrame({"text": ["Direktur PDAM Dipenjara 1 Tahun karena Korupsi"]})
    assert add_sentiment(headline, model="multi", ignore="korupsi")["sentiment"].tolist() == ["neutral"]


def test_model_options_that_belong_to_the_lexicon_are_refused():
    with pytest.raises(ValueError, match=r"model= and \['lexicon'\]"):
        add_sentiment(POSTS, model="multi", lexicon={"enak": 1.0})
    with pytest.raises(ValueError, match=r"model= and \['threshold', 'hashtags'\]"):
        add_sentiment(POSTS, model="multi", threshold=0.1, hashtags="segment")
    with pytest.raises(ValueError, match="'model' parameter of add_sentiment.*'multi', 'smsa'.*Got 'bert'"):
        add_sentiment(POSTS, model="bert")
    with pytest.raises(TypeError, match="'model' parameter of add_sentiment.*Got LogisticRegression"):
        from sklearn.linear_model import LogisticRegression

        add_sentiment(POSTS, model=LogisticRegression())


def test_mask_removes_words_tags_and_phrases_case_insensitively():
    ig = check_ignore(["korupsi", "makan bergizi gratis", "#KTTASEAN2023"], func="add_sentiment")
    got = mask_ignored(["KORUPSI! #Korupsi korupsinya", "Makan  Bergizi, gratis enak #makanbergizigratis",
                        "#kttasean2023 keren, kttasean2023an"], ig)
    # a word inside a longer word stays (korupsinya, kttasean2023an)
    assert got == [" !   korupsinya", "  enak  ", "  keren, kttasean2023an"]
    assert mask_ignored(["apa saja"], None) == ["apa saja"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["korupsi", "Korupsi", "#korupsi", "KPK", "lagi", "makan", "bergizi",
                                 "gratis", ",", "!", "#MakanBergiziGratis", "enak"]), max_size=12))
def test_no_ignored_term_survives_the_mask(words):
    ig = check_ignore(["korupsi", "makan bergizi gratis"], func="add_sentiment")
    (masked,) = mask_ignored([" ".join(words)], ig)
    tokens = re.findall(r"#?\w+", masked.lower())
    assert "korupsi" not in tokens and "#korupsi" not in tokens
    assert "#makanbergizigratis" not in tokens
    assert not re.search(r"(?<!\w)makan\W+bergizi\W+gratis(?!\w)", masked, re.IGNORECASE)


def test_report_with_a_sentiment_model():
    from trendlib.datasets import load_sample_posts
    from trendlib.report import build_report

    posts = load_sample_posts()
    rep = build_report(posts, progress=False, sentiment_model="multi")
    ignore = rep.excluded_terms["term"].tolist() if rep.excluded_terms is not None else []
    want = add_sentiment(posts.reset_index(drop=True), model="multi", ignore=ignore or None)
    assert rep.posts["sentiment"].tolist() == want["sentiment"].tolist()
    assert rep.provenance["parameters"]["sentiment_model"] == "multi"
    text = rep.to_text()
    assert 'Labelled by the trained classifier SentimentClassifier.pretrained("multi")' in text
    assert "cannot say why a post is negative" in text
    daily = rep.sentiment
    assert daily["n"].sum() == rep.posts["sentiment"].notna().sum()
    with pytest.raises(ValueError, match="'sentiment_model' parameter of build_report"):
        build_report(posts, progress=False, sentiment_model="classifier")


def test_cli_sentiment_model_flag(tmp_path):
    import io

    from trendlib import cli
    from trendlib.datasets import load_sample_posts

    path = tmp_path / "posts.csv"
    load_sample_posts().head(300).to_csv(path, index=False)
    out, err = io.StringIO(), io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = cli.main(["report", str(path), "--sentiment-model", "smsa", "--quiet"], out=out, err=err)
    assert code == 0, err.getvalue()
    assert 'SentimentClassifier.pretrained("smsa")' in out.getvalue()


def test_report_sentiment_model_in_two_processes_equals_one():
    from trendlib.datasets import load_sample_posts
    from trendlib.report import build_report

    posts = load_sample_posts()
    one = build_report(posts, progress=False, sentiment_model="multi", n_jobs=1)
    two = build_report(posts, progress=False, sentiment_model="multi", n_jobs=2)
    assert one.posts["sentiment"].tolist() == two.posts["sentiment"].tolist()
    np.testing.assert_array_equal(one.posts["polarity"].to_numpy(), two.posts["polarity"].to_numpy())
    assert two.posts.attrs["sentiment_scorer"] == 'SentimentClassifier.pretrained("multi")'


def test_chunked_and_dask_sentiment_over_time_take_the_model():
    from trendlib import chunked

    want = sentiment_over_time(POSTS, freq="1D", tz="UTC", model="multi")
    got = chunked.sentiment_over_time([POSTS.iloc[:3], POSTS.iloc[3:]], freq="1D", tz="UTC", model="multi")
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)
    dd = pytest.importorskip("dask.dataframe")
    import dask

    import trendlib.dask as td

    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(POSTS, npartitions=2)
    with dask.config.set(scheduler="sync"):
        got = td.sentiment_over_time(ddf, freq="1D", tz="UTC", model="multi")
    pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-12)


def test_tokens_without_scoring_equal_the_tokens_of_the_joint_pass():
    from trendlib.sentiment._posts import tokens_and_sentiment

    texts = POSTS["text"].tolist() + ["Macet parah di #KTTASEAN2023, jalan ditutup 😤", 42]
    full = tokens_and_sentiment(texts, stopwords="topic", ignore=["korupsi"], hashtags="segment")
    only = tokens_and_sentiment(texts, stopwords="topic", ignore=["korupsi"], hashtags="segment", score=False)
    assert only[0] == full[0]
    assert np.isnan(only[1]).all() and all(v is None for v in only[2])
    assert only[3]["sentiment_missing_text"] == full[3]["sentiment_missing_text"] == 2  # None and 42
