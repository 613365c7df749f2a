"""The main job: build_report / `python -m trendlib report` end to end."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import trendlib as tl
from trendlib import cli
from trendlib.report import build_report, choose_freq


@pytest.fixture(scope="module")
def sample_report():
    return build_report(tl.datasets.load_sample_posts())


def test_report_on_sample_finds_the_summit_story(sample_report):
    rep = sample_report
    # the summit opening (5 Sep 2023 WIB) is the strongest hashtag burst
    top = rep.bursts.iloc[0]
    assert top["key"] == "kttasean2023"
    assert top["start"].tz_convert("Asia/Jakarta").date() <= pd.Timestamp("2023-09-05").date() <= top["end"].date()
    # sentiment columns were added without losing rows
    assert len(rep.posts) == 200
    assert set(rep.posts["sentiment"]) <= {"positive", "negative", "neutral"}
    assert rep.sentiment["n"].sum() == 200
    # the planted coordinated cluster is found
    assert len(rep.coordinated) >= 1
    assert rep.coordinated["n_accounts"].iloc[0] >= 3
    # the explanation of the burst speaks of the opening
    terms = set(rep.explanation.terms["term"].head(15))
    assert terms & {"membuka", "sukses", "widodo", "joko", "#aseanmatters", "pembukaan"}


def test_report_text_has_every_section(sample_report):
    text = sample_report.to_text()
    for title in ("top hashtags", "Sentiment", "Hashtag bursts", "Trending", "Why the strongest burst",
                  "Communities", "Influencers", "associations", "Coordinated accounts"):
        assert title in text


def test_report_save_writes_tables_graphs_and_figures(sample_report, tmp_path):
    files = sample_report.save(tmp_path)
    names = {f.name for f in files}
    assert {"report.txt", "bursts.csv", "posts_scored.csv", "interaction_graph.gexf", "timeline.png"} <= names
    bursts = pd.read_csv(tmp_path / "bursts.csv")
    assert list(bursts["key"]) == list(sample_report.bursts["key"])
    G = tl.graphs.read_gexf(tmp_path / "interaction_graph.gexf")
    assert G.number_of_nodes() == sample_report.interaction.number_of_nodes()
    assert (tmp_path / "timeline.png").stat().st_size > 1000


def test_choose_freq_keeps_bins_bounded():
    posts = tl.datasets.load_sample_posts()
    freq = choose_freq(posts, max_bins=150)
    span = posts["time"].max() - posts["time"].min()
    assert span / pd.Timedelta(freq) <= 150
    assert choose_freq(posts.head(1)) == "1h"


def test_build_report_rejects_non_posts():
    with pytest.raises(tl.SchemaError, match=r"build_report\(\) needs columns"):
        build_report(pd.DataFrame({"text": ["halo"]}))


def test_cli_report_runs_on_the_bundled_sample():
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["report", "--top", "5"], out=out, err=err)
    assert code == 0, err.getvalue()
    assert "#kttasean2023" in out.getvalue()


def test_report_on_danantara_launch_day(data_file):
    path = data_file("tweets_danantara_2025", "danantara_day.csv")
    with pytest.warns(UserWarning):
        posts = tl.read_posts(path)
    rep = build_report(posts)
    assert rep.bursts.iloc[0]["key"] == "danantarabangunnegeri"
    assert rep.coordinated_hashtags["n_accounts"].max() >= 100
