"""The bundled ASEAN Summit sample: shape, realism and the signals the demos need."""

from __future__ import annotations

import pandas as pd
import pytest

from trendlib.datasets import load_sample_posts, load_tweets
from trendlib.io import ReadWarning


@pytest.fixture(scope="module")
def sample():
    return load_sample_posts()


def test_sample_is_canonical_tweet_harvest(sample):
    assert len(sample) == 200
    assert sample.attrs["format"] == "tweet-harvest" and sample.attrs["rows_dropped"] == {}
    assert sample["id"].is_unique and sample["author"].notna().all()
    assert sample["time"].min() >= pd.Timestamp("2023-08-29", tz="Asia/Jakarta")
    assert sample["time"].max() < pd.Timestamp("2023-09-09", tz="Asia/Jakarta")


def test_sample_ids_are_snowflakes_of_their_times(sample):
    ms = sample["id"].map(lambda i: (int(i) >> 22) + 1288834974657)
    recovered = pd.to_datetime(ms, unit="ms", utc=True)
    assert ((recovered - sample["time"]).abs() < pd.Timedelta(seconds=1)).all()


def test_sample_has_a_burst_at_the_summit_opening(sample):
    days = sample["time"].dt.tz_convert("Asia/Jakarta").dt.strftime("%m-%d").value_counts()
    assert days.idxmax() == "09-05"
    assert days["09-05"] >= 2.5 * days.drop("09-05").median()
    hours = sample["time"].dt.tz_convert("Asia/Jakarta").dt.hour
    assert hours.between(6, 22).mean() > 0.85  # people sleep


def test_sample_entities_registers_and_structure(sample):
    tags = sample["hashtags"].explode().value_counts()
    assert tags.index[0] == "kttasean2023" and {"asean2023", "aseanmatters"} <= set(tags.index)
    assert sample["mentions"].map(len).gt(0).sum() >= 30
    assert sample["is_retweet"].sum() >= 15 and sample["text"][sample["is_retweet"]].str.startswith("RT @").all()
    assert sample["reply_to"].notna().sum() >= 10
    text = " ".join(sample["text"]).lower()
    for word in ("yg", "gak", "bgt", "anak2", "bangettt", "macet", "hoaks"):
        assert word in text
    assert sample["text"].str.contains(r"[\U0001F300-\U0001FAFF]").sum() >= 20  # emoji
    assert (sample["lang"] == "en").sum() >= 1


def test_sample_has_a_coordinated_cluster(sample):
    cluster = sample[sample["text"].str.contains("sukses besar", case=False)]
    assert cluster["author"].nunique() >= 6
    assert cluster["time"].max() - cluster["time"].min() < pd.Timedelta(minutes=10)


def test_load_tweets_missing_folder_is_clear(tmp_path):
    from trendlib import DataNotFoundError

    with pytest.raises(DataNotFoundError, match=r"Dataset folder 'tweets_x' not found in the data home"):
        load_tweets("tweets_x", data_home=tmp_path)
    (tmp_path / "tweets_y").mkdir()
    with pytest.raises(DataNotFoundError, match="No post files"):
        load_tweets("tweets_y", data_home=tmp_path)


def test_load_tweets_unknown_folder_reads_every_post_file(tmp_path):
    folder = tmp_path / "tweets_mine"
    folder.mkdir()
    (folder / "a.csv").write_text("id,created_at,text\n1,2023-09-05T02:00:00Z,halo\n", encoding="utf-8")
    (folder / "b.jsonl").write_text('{"id": "2", "created_at": "2023-09-05T03:00:00Z", "text": "hai"}\n', encoding="utf-8")
    (folder / "notes.txt").write_text("not posts", encoding="utf-8")
    (folder / "edges.csv").write_text("source,target\na,b\n", encoding="utf-8")
    with pytest.warns(ReadWarning, match="skipped edges.csv: read_posts\\(\\): no text column"):
        posts = load_tweets("tweets_mine", data_home=tmp_path)
    assert list(posts.attrs["skipped_files"]) == ["edges.csv"]
    assert posts["id"].tolist() == ["1", "2"] and posts["source_file"].tolist() == ["a.csv", "b.jsonl"]
    assert posts.attrs["rows_read"] == 2
