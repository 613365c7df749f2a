"""Benchmark: trendlib.read_posts against pandas on a large tweet-harvest CSV (time, peak RSS).

One command::

    TRENDLIB_DATA_HOME=/path/to/data python benchmarks/bench_io.py [--mb 250] [--repeat 1]

The file is generated in /tmp from the real tweet-harvest rows of the data home
(Danantara, KIP-K, Petualangan Sherina 2; the bundled sample without a data home),
replicated with fresh ids to ``--mb`` megabytes, in two variants:

* ``distinct``: every text perturbed (a different number appended), so entity
  extraction runs once per row, the worst case;
* ``repeated``: the texts repeated verbatim (retweet storms, copy-paste campaigns),
  where extraction runs once per distinct text.

Each system runs in a fresh process (so that peak RSS is its own):

* ``pandas.read_csv(dtype=str)``: the C parser, no canonicalisation -- the memory peer;
* ``pandas.read_csv(dtype=str)`` + ``to_datetime`` of ``created_at``: the time peer
  (the least any reader must do to give typed times);
* ``trendlib.read_posts(path)``: detection, validation of every row, times, entities,
  identities, replies, counts;
* ``trendlib.read_posts(path, chunksize=100_000)``, consumed chunk by chunk.

Targets (issue 11): read_posts within 2x of pandas + date parse in time and within 2x of
pandas in peak RSS. The last table reads every real file of the data home once.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_TH = ("tweets_danantara_2025/danantara_*.csv", "tweets_kipk_2024/scraped_data.csv",
       "tweets_petualangansherina2_2023/petualangansherina2.csv")
_HEADER = ["conversation_id_str", "created_at", "favorite_count", "full_text", "id_str", "image_url",
           "in_reply_to_screen_name", "lang", "location", "quote_count", "reply_count", "retweet_count",
           "tweet_url", "user_id_str", "username"]


def _base_rows() -> tuple[list[dict], str]:
    from trendlib.datasets._home import get_data_home
    from trendlib.datasets._posts import sample_path

    home = get_data_home()
    files = [f for pat in _TH for f in sorted(glob.glob(str(home / pat)))]
    rows: list[dict] = []
    for f in files:
        with open(f, encoding="utf-8", newline="") as fh:
            sample = fh.readline()
            fh.seek(0)
            rows.extend(csv.DictReader(fh, delimiter=";" if sample.count(";") > sample.count(",") else ","))
    if rows:
        return rows, f"{len(rows):,} real tweet-harvest rows of the data home ({len(files)} files)"
    with open(sample_path(), encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return rows, "the bundled sample (no data home)"


def build(path: str, mb: int, distinct: bool) -> int:
    """Write ~``mb`` MB of tweet-harvest CSV; return the number of rows."""
    base, _ = _base_rows()
    target = mb * 1_000_000
    n = 0
    next_id = 1_900_000_000_000_000_000
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=_HEADER, quoting=csv.QUOTE_ALL, lineterminator="\n",
                           extrasaction="ignore")
        w.writeheader()
        while fh.tell() < target:
            for r in base:
                row = {k: r.get(k, "") for k in _HEADER}
                next_id += 1
                row["id_str"] = str(next_id)
                if row.get("conversation_id_str") == r.get("id_str"):
                    row["conversation_id_str"] = str(next_id)
                if distinct:
                    row["full_text"] = f"{r.get('full_text', '')} {n % 9973}x{n // 9973}"
                w.writerow(row)
                n += 1
            if fh.tell() >= target:
                break
    return n


_CHILD = r"""
import json, resource, sys, time, warnings
path, system = sys.argv[1], sys.argv[2]
import pandas as pd
import trendlib
from trendlib.io import read_posts
warnings.simplefilter("ignore")
read_posts([{"id": "1", "created_at": "2023-09-05T02:00:00Z", "text": "warm #a @b"}])  # imports, text data
t0, c0 = time.perf_counter(), time.process_time()
if system == "pandas":
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    n = len(df)
elif system == "pandas+dates":
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    t = pd.to_datetime(df["created_at"], format="%a %b %d %H:%M:%S %z %Y", utc=True)
    n = len(df)
elif system == "read_posts":
    df = read_posts(path)
    n = len(df)
else:
    n = 0
    for part in read_posts(path, chunksize=100_000):
        n += len(part)
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"n": n, "wall": wall, "cpu": cpu, "rss_mb": rss}))
"""


def run(path: str, system: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _CHILD, path, system], capture_output=True, text=True, env=env,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def real_files() -> None:
    import warnings

    from trendlib.datasets._home import get_data_home
    from trendlib.io import read_posts

    home = get_data_home()
    files = sorted(glob.glob(str(home / "tweets_*" / "*.csv"))) + sorted(glob.glob(str(home / "formats_*" / "*.*")))
    files = [f for f in files if not f.endswith((".md", ".txt"))]
    if not files:
        print(f"\nno data home at {home}: real-file table skipped")
        return
    print(f"\nreal files in {home} (format='auto'), one read each")
    print(f"{'file':62s} {'rows':>6s} {'posts':>6s} {'format':14s} {'parser':10s} {'CPU ms':>7s}")
    warnings.simplefilter("ignore")
    for f in files:
        c = time.process_time()
        try:
            p = read_posts(f)
        except Exception as exc:  # not a posts file (edges, undated labels): say why
            print(f"{os.path.relpath(f, home):62s} {'-':>6s} {'-':>6s} {type(exc).__name__:14s}")
            continue
        ms = (time.process_time() - c) * 1000
        parser = str(p.attrs.get("parser", "-")).split(" (")[0]
        print(f"{os.path.relpath(f, home):62s} {p.attrs['rows_read']:6d} {len(p):6d} {str(p.attrs['format']):14s} "
              f"{parser:10s} {ms:7.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=250, help="size of the generated CSV in MB")
    ap.add_argument("--repeat", type=int, default=1, help="runs per system (best kept)")
    ap.add_argument("--keep", action="store_true", help="keep the generated files in /tmp")
    ap.add_argument("--no-real", action="store_true", help="skip the table of real files")
    args = ap.parse_args()

    _, origin = _base_rows()
    print(f"machine load (uptime): {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    for variant in ("distinct", "repeated"):
        path = f"/tmp/trendlib_bench_io_{variant}_{args.mb}mb.csv"
        if not os.path.exists(path):
            n = build(path, args.mb, distinct=variant == "distinct")
        else:
            with open(path, "rb") as fh:
                n = sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 24), b"")) - 1
        size = os.path.getsize(path) / 1e6
        print(f"\n{variant} texts: {size:,.0f} MB tweet-harvest CSV, ~{n:,} rows, from {origin}; best of {args.repeat}")
        res = {}
        for system in ("pandas", "pandas+dates", "read_posts", "read_posts chunks"):
            runs = [run(path, system) for _ in range(args.repeat)]
            res[system] = min(runs, key=lambda r: r["wall"])
            res[system]["rss_mb"] = min(r["rss_mb"] for r in runs)
        t_peer, c_peer, m_peer = res["pandas+dates"]["wall"], res["pandas+dates"]["cpu"], res["pandas"]["rss_mb"]
        print(f"{'system':20s} {'rows':>9s} {'wall s':>8s} {'CPU s':>8s} {'x wall':>7s} {'x CPU':>6s} "
              f"{'peak MB':>8s} {'x RSS':>6s}")
        for system, r in res.items():
            print(f"{system:20s} {r['n']:9,d} {r['wall']:8.2f} {r['cpu']:8.2f} {r['wall'] / t_peer:7.2f} "
                  f"{r['cpu'] / c_peer:6.2f} {r['rss_mb']:8.0f} {r['rss_mb'] / m_peer:6.2f}")
        print("x wall, x CPU: against pandas+dates; x RSS: against pandas.read_csv(dtype=str). On a loaded "
              "machine compare CPU seconds (wall includes waiting for a core).")
        if not args.keep:
            os.remove(path)
    if not args.no_real:
        real_files()


if __name__ == "__main__":
    main()
