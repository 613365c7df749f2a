"""Benchmark: trendlib.read_posts on a 10,000-row tweet-harvest CSV, and on every real file.

One command::

    TRENDLIB_DATA_HOME=/path/to/data python benchmarks/bench_io.py [--rows 10000] [--repeat 5]

The 10k-row file is built in a temporary folder from the Danantara tweet-harvest files of
the data home (first ``--rows`` rows, their header; CRLF, all fields quoted), or, without a
data home, from the bundled sample repeated with fresh ids. Rows:

* peer: ``pandas.read_csv(path, dtype=str, keep_default_na=False)`` (C parser, no
  canonicalisation, no validation) -- the floor for any reader in Python;
* ``read_posts(path)``: detection, row validation, time parsing, entity extraction;
* the same with entity extraction stubbed out, to show what ``trendlib.text`` costs.

Times are the best of ``--repeat`` runs (wall and CPU, warm imports). Then every post file
of the data home is read once with ``format="auto"``: rows, format detected, CPU ms.
"""

from __future__ import annotations

import argparse
import csv
import glob
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build_file(rows: int, folder: str) -> tuple[str, str]:
    from trendlib.datasets._home import get_data_home
    from trendlib.datasets._posts import sample_path

    out = os.path.join(folder, "tweet_harvest_10k.csv")
    home = get_data_home() / "tweets_danantara_2025"
    files = sorted(home.glob("danantara_*.csv")) if home.is_dir() else []
    if files:
        records: list = []
        header = None
        for f in files:
            with open(f, encoding="utf-8", newline="") as fh:
                r = csv.reader(fh)
                header = next(r)
                records.extend(r)
        origin = "Danantara tweet-harvest files (data home)"
    else:
        with open(sample_path(), encoding="utf-8", newline="") as fh:
            r = csv.reader(fh)
            header = next(r)
            base = list(r)
        records = []
        for k in range(rows // len(base) + 1):
            for row in base:
                row = list(row)
                row[header.index("id_str")] = str(int(row[header.index("id_str")]) + k)
                records.append(row)
        origin = "bundled sample, repeated with fresh ids"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(records[:rows])
    return out, origin


def best(fn, repeat: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    import pandas as pd

    import trendlib.io._finalize as fin
    from trendlib.io import ReadWarning, read_posts

    warnings.simplefilter("ignore", ReadWarning)
    with tempfile.TemporaryDirectory() as tmp:
        path, origin = build_file(args.rows, tmp)
        n = len(read_posts(path))  # warm imports and the text module's data
        peer = best(lambda: pd.read_csv(path, dtype=str, keep_default_na=False), args.repeat)
        ours = best(lambda: read_posts(path), args.repeat)
        real = fin._text_functions
        fin._text_functions = lambda: {k: (lambda t: []) for k in ("hashtags", "mentions", "urls")}
        try:
            bare = best(lambda: read_posts(path), args.repeat)
        finally:
            fin._text_functions = real
    print(f"read_posts on a {n:,}-row tweet-harvest CSV ({origin}); best of {args.repeat}")
    print(f"{'reader':52s} {'wall s':>8s} {'CPU s':>8s} {'x peer':>7s} {'posts/s':>10s}")
    for name, (wall, cpu) in (
        ("peer: pandas.read_csv(dtype=str)", peer),
        ("trendlib.read_posts (canonical, validated)", ours),
        ("trendlib.read_posts, entity extraction stubbed", bare),
    ):
        print(f"{name:52s} {wall:8.3f} {cpu:8.3f} {cpu / peer[1]:7.1f} {n / wall:10,.0f}")

    from trendlib.datasets._home import get_data_home

    home = get_data_home()
    files = sorted(glob.glob(str(home / "tweets_*" / "*.csv"))) + sorted(glob.glob(str(home / "formats_*" / "*.*")))
    files = [f for f in files if not f.endswith(".md") and not f.endswith(".txt")]
    if not files:
        print(f"\nno data home at {home}: real-file table skipped")
        return
    print(f"\nreal files in {home} (format='auto')")
    print(f"{'file':62s} {'rows':>6s} {'posts':>6s} {'format':14s} {'CPU ms':>7s}")
    for f in files:
        c = time.process_time()
        try:
            p = read_posts(f)
        except Exception as exc:  # not a posts file (edges, undated labels): say why
            print(f"{os.path.relpath(f, home):62s} {'-':>6s} {'-':>6s} {type(exc).__name__:14s}")
            continue
        ms = (time.process_time() - c) * 1000
        print(f"{os.path.relpath(f, home):62s} {p.attrs['rows_read']:6d} {len(p):6d} {p.attrs['format']:14s} {ms:7.0f}")


if __name__ == "__main__":
    main()
