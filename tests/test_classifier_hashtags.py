"""SentimentClassifier(hashtags="segment"): a hashtag is read as its words.

In political posts the opinion is often the hashtag (#IndonesiaGelap, #TolakRUUTNI); kept
whole it is one rare token without a weight. Checked on hand-written posts, on file
compatibility (files saved before the option read hashtags whole) and, with the data home,
on the political development set where the choice was made.
"""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from trendlib.sentiment import SentimentClassifier
from trendlib.sentiment._features import split_hashtags

TRAIN = [
    ("kota ini gelap dan suram, kecewa", "negative"),
    ("jalan gelap, lampu mati, parah", "negative"),
    ("tolak kebijakan ini, merugikan rakyat", "negative"),
    ("kami tolak, kebijakan buruk", "negative"),
    ("pelayanan cepat dan ramah, mantap", "positive"),
    ("keren, programnya bagus sekali", "positive"),
    ("senang, hasilnya bagus", "positive"),
    ("mantap, semua berjalan lancar", "positive"),
]


def _fit(hashtags):
    texts, labels = zip(*TRAIN)
    return SentimentClassifier(hashtags=hashtags, char_ngram_range=None, min_df=1, lexicon=None).fit(
        list(texts), list(labels))


def test_split_hashtags():
    assert split_hashtags("#TolakRUUTNI sekarang").split() == ["tolak", "ruu", "tni", "sekarang"]
    assert split_hashtags("tanpa tagar") == "tanpa tagar"
    assert split_hashtags("pemerintah gagal #IndonesiaGelap #2019GantiPresiden").split() == [
        "pemerintah", "gagal", "indonesia", "gelap", "2019", "ganti", "presiden"]


def test_segmented_hashtag_meets_its_words_weights():
    seg, keep = _fit("segment"), _fit("keep")
    posts = ["lihat saja #KotaGelap", "pokoknya #TolakKebijakan"]
    assert seg.predict(posts).tolist() == ["negative", "negative"]
    # kept whole, the tags are unknown tokens: the two posts score alike (no evidence)
    d = keep.decision_function(posts)
    assert abs(d[0] - d[1]) < 1e-6
    # texts without hashtags are scored the same by both
    plain = ["kota ini gelap", "mantap sekali"]
    np.testing.assert_allclose(seg.decision_function(plain), keep.decision_function(plain), rtol=1e-5, atol=1e-6)
    assert seg.featurizer_.tokens("#KotaGelap") == ["kota", "gelap"]
    assert keep.featurizer_.tokens("#KotaGelap") == ["kotagelap"]


def test_option_is_validated_and_saved(tmp_path):
    with pytest.raises(ValueError, match="'hashtags' parameter of SentimentClassifier"):
        SentimentClassifier(hashtags="split").fit(["a b", "c d"], ["positive", "negative"])
    m = _fit("segment")
    back = SentimentClassifier.load(m.save(tmp_path / "m.npz"))
    assert back.hashtags == "segment"
    assert back.predict(["lihat saja #KotaGelap"]).tolist() == ["negative"]


def test_files_saved_before_the_option_read_hashtags_whole(tmp_path):
    m = _fit("segment")
    path = m.save(tmp_path / "new.npz")
    # rewrite the header without the key, as files written before the option have it
    old = tmp_path / "old.npz"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(old, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "meta.npy":
                arr = np.load(__import__("io").BytesIO(data), allow_pickle=False)
                meta = json.loads(str(arr))
                del meta["params"]["hashtags"]
                buf = __import__("io").BytesIO()
                np.save(buf, np.array(json.dumps(meta)), allow_pickle=False)
                data = buf.getvalue()
            dst.writestr(item, data)
    loaded = SentimentClassifier.load(old)
    assert loaded.hashtags == "keep"
    assert loaded.featurizer_.tokens("#KotaGelap") == ["kotagelap"]


def test_shipped_models_segment_hashtags():
    for name in ("multi", "smsa"):
        assert SentimentClassifier.pretrained(name).hashtags == "segment"


@pytest.mark.data
def test_segmenting_helps_on_the_political_development_set(data_file):
    data_file("tweets_mbg_2025")  # skips without the data home's tweets
    from sklearn.metrics import f1_score

    from trendlib.datasets._sentiment import load_political_dev

    dev = load_political_dev()
    dev = dev[dev["label"] != "neutral"]
    assert dev["text"].str.contains("#").mean() > 0.2  # political posts carry hashtags
    for name in ("multi", "smsa"):
        scores = {}
        for hashtags in ("keep", "segment"):
            m = SentimentClassifier.pretrained(name).set_params(hashtags=hashtags)
            p = m.predict_proba(dev["text"].tolist())
            cl = list(m.classes_)
            pred = np.where(p[:, cl.index("positive")] >= p[:, cl.index("negative")], "positive", "negative")
            scores[hashtags] = f1_score(dev["label"], pred, average="macro")
        # measured: multi 0.811 -> 0.828, smsa 0.843 -> 0.861
        assert scores["segment"] > scores["keep"], (name, scores)
