"""The README's tour runs as written (on the bundled sample instead of the 50k corpus, for speed)."""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def _tour() -> str:
    text = README.read_text(encoding="utf-8")
    return text.split("## A tour", 1)[1].split("```python", 1)[1].split("```", 1)[0]


def test_readme_tour_runs(tmp_path, monkeypatch):
    from trendlib.datasets._posts import sample_path

    code = _tour()
    assert 'posts = tl.read_posts("scrape.csv", source_tz="WIB")' in code
    code = code.replace('"scrape.csv"', repr(str(sample_path())))
    code = code.replace("posts = tl.datasets.load_summit()", "pass  # (the test keeps the 200-post sample)")
    monkeypatch.chdir(tmp_path)
    ns: dict = {}
    exec(compile(code, str(README), "exec"), ns)  # noqa: S102 - our own README
    assert (tmp_path / "tags.gexf").exists() and (tmp_path / "report" / "report.html").exists()
    assert ns["text"].segment_hashtag("lahanbekastambang") == ["lahan", "bekas", "tambang"]
    assert ns["text"].normalize("Macet bangettt gara2 KTT, yg lewat Senayan ga bisa 😤 #KTTASEAN2023") == (
        "macet banget gara-gara ktt, yang lewat senayan tidak bisa 😤 #kttasean2023")
    assert ns["bursts"]["key"].iloc[0] == "kttasean2023"
    assert "community" in ns["posts"].columns
