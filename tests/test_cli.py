"""python -m trendlib summarize."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from trendlib.cli import COMMANDS, main


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_summarize_default_sample():
    code, out, err = run("summarize", "--top", "5")
    assert code == 0, err
    assert "sample_asean_2023.csv" in out
    assert "posts        200" in out
    assert "2023-08-29" in out and "2023-09-08" in out and "(Asia/Jakarta)" in out
    assert "busiest day  2023-09-05" in out
    for title in ("top hashtags", "top mentions", "top terms"):
        assert title in out
    tags = out.split("top hashtags")[1].split("top mentions")[0]
    assert tags.splitlines()[3].split()[:2] == ["1", "kttasean2023"]
    assert len([line for line in tags.splitlines() if line.strip()[:1].isdigit()]) == 5
    terms = out.split("top terms")[1]
    assert "asean" in terms and " yang " not in terms  # stopwords removed


def test_summarize_a_generic_file_with_columns_and_tz(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("waktu_posting,konten\n2023-09-05 23:30,Macet #ASEAN2023\n2023-09-05 23:50,macet lagi\n", encoding="utf-8")
    code, out, err = run("summarize", str(path), "--text", "konten", "--time", "waktu_posting", "--tz", "UTC",
                         "--source-tz", "Asia/Jakarta")
    assert code == 0, err
    assert "2023-09-05 16:30 .. 2023-09-05 16:50 (UTC)" in out
    assert "macet" in out.split("top terms")[1]


def test_summarize_reports_errors_and_warnings(tmp_path):
    code, out, err = run("summarize", str(tmp_path / "missing.csv"))
    assert code == 1 and "no such file" in err
    bad = tmp_path / "bad.csv"
    bad.write_text("id,created_at,text\n1,2023-09-05T02:00:00Z,halo\n2,2023\n", encoding="utf-8")
    code, out, err = run("summarize", str(bad))
    assert code == 0 and "warning: read_posts(): 1 of 2 rows" in err and "rows dropped  1" in out
    code, out, err = run("summarize", "--top", "0")
    assert code == 1 and "'--top'" in err


def test_summarize_several_files(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.jsonl"
    a.write_text("id,created_at,text\n1,2023-09-05T02:00:00Z,Macet #ASEAN2023\n", encoding="utf-8")
    b.write_text('{"id": "2", "created_at": "2023-09-06T02:00:00Z", "text": "Sepi #ASEAN2023"}\n', encoding="utf-8")
    code, out, err = run("summarize", str(a), str(b))
    assert code == 0, err
    assert "posts        2" in out and "asean2023      2" in out


def test_cli_usage_and_registry():
    assert "summarize" in COMMANDS
    with pytest.raises(SystemExit):
        run("nope")
    code, out, err = run()
    assert code == 2 and "summarize" in out


def test_python_dash_m():
    proc = subprocess.run([sys.executable, "-m", "trendlib", "summarize", "--top", "3"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "top hashtags" in proc.stdout
