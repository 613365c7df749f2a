"""Benchmark: trendlib.dask out of core and on 1 vs 2 workers, against plain pandas in the same run.

Data: the real tweets of the data home (every tweets_* CSV with an author), replicated
with distinct ids, perturbed texts (two words of the corpus vocabulary appended, so no
two replicas share a text and the per-text memo of the tokenizer gains nothing), accounts
split into 50 replicas each, and days redrawn inside one 30-day month (hour of day kept),
written as CSV files of ``--per-file`` posts under ``--tmp``. Nothing is shipped.

Pipeline (the issue's): read, tokens, sentiment, hashtag counts (1h bins, with distinct
accounts), bursts (Kleinberg), co-hashtag edges, plus sentiment per day. Every system runs
in a fresh process (pandas) or a fresh LocalCluster of processes (Dask); peak memory is
the summed peak RSS of every process of the run (client, scheduler, workers), sampled
every 0.2 s.

    python benchmarks/bench_dask.py                      # 1M overhead + scaling, 20M out of core
    python benchmarks/bench_dask.py --big 5000000        # a smaller out-of-core run
    python benchmarks/bench_dask.py --small 200000 --big 0
    python benchmarks/bench_dask.py --small 0 --big 0 --coordination 1000000   # coordinated accounts

``--coordination N``: read and ``coordinated_accounts`` (every default signal) on N posts,
pandas against ``trendlib.dask`` on 2 workers (the uses shuffled by fingerprint), with the
digest of the group and evidence tables of both.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import threading
import time

import numpy as np

HOME = os.environ.get("TRENDLIB_DATA_HOME", "/work/shared/data")
MONTH = np.datetime64("2023-09-01T00:00:00", "ns")


def seed_posts():
    """The real tweets of the data home with an author and a time: id, time, author, text."""
    import pandas as pd
    import warnings

    import trendlib

    frames = []
    for path in sorted(glob.glob(os.path.join(HOME, "tweets_*", "*.csv"))):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                p = trendlib.read_posts(path)
        except Exception:  # files without a time or text column (labels, edge lists)
            continue
        p = p[p["author"].notna() & p["time"].notna() & p["text"].notna()]
        if len(p):
            frames.append(p[["time", "author", "text"]])
    return pd.concat(frames, ignore_index=True)


def write_files(seed, n_posts: int, folder: str, *, per_file: int = 100_000, seed_rng: int = 0) -> list[str]:
    """Write ``n_posts`` replicated, perturbed posts as CSV files; reuse them when present."""
    import pandas as pd

    os.makedirs(folder, exist_ok=True)
    n_files = -(-n_posts // per_file)
    files = [os.path.join(folder, f"posts_{i:05d}.csv") for i in range(n_files)]
    done = os.path.join(folder, "DONE.json")
    if os.path.exists(done) and json.load(open(done)) == {"n_posts": n_posts, "per_file": per_file}:
        return files
    rng = np.random.default_rng(seed_rng)
    vocab = pd.Series(seed["text"].str.lower().str.findall(r"[a-z]{4,}").explode().dropna().unique())
    vocab = vocab.to_numpy(dtype=object)
    texts = seed["text"].to_numpy(dtype=object)
    authors = seed["author"].to_numpy(dtype=object)
    t = seed["time"].dt.tz_convert("Asia/Jakarta").dt.tz_localize(None)
    tod = ((t - t.dt.normalize()).to_numpy().astype("timedelta64[ns]")).astype(np.int64)
    day = np.int64(86_400_000_000_000)
    for i, path in enumerate(files):
        n = min(per_file, n_posts - i * per_file)
        ids = np.arange(i * per_file, i * per_file + n, dtype=np.int64)
        src = rng.integers(0, len(seed), n)
        w1, w2 = vocab[rng.integers(0, len(vocab), n)], vocab[rng.integers(0, len(vocab), n)]
        text = pd.Series(texts[src]).str.replace(r"[\r\n]+", " ", regex=True).str.cat([pd.Series(w1), pd.Series(w2)], sep=" ")
        when = MONTH.astype(np.int64) + rng.integers(0, 30, n) * day + tod[src] - 7 * 3_600_000_000_000
        frame = pd.DataFrame({
            "id": ids + 10**15,
            "time": pd.to_datetime(when, utc=True).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "author": pd.Series(authors[src]).str.cat(pd.Series(rng.integers(0, 50, n).astype(str)), sep="_"),
            "text": text,
        })
        frame.to_csv(path, index=False)
    json.dump({"n_posts": n_posts, "per_file": per_file}, open(done, "w"))
    return files


def _digest(frame) -> str:
    """Order-sensitive digest of a result table (equal digests: equal tables)."""
    import hashlib

    import pandas as pd

    h = pd.util.hash_pandas_object(frame.astype({c: str for c in frame.columns if frame[c].dtype == object}), index=False)
    return hashlib.sha1(h.to_numpy().tobytes()).hexdigest()[:12]


def _results(counts, bursts, edges, sentiment) -> dict:
    return {"counts": _digest(counts), "bursts": len(bursts), "edges": _digest(edges), "n_edges": len(edges),
            "sentiment_n": int(sentiment["n"].sum()), "net_mean": round(float(sentiment["net"].mean()), 12),
            "posts_counted": int(counts.attrs["n_posts"])}


def run_pandas(files: list[str]) -> dict:
    """The pipeline in plain pandas: every file read, concatenated, then each step on the whole frame."""
    import warnings

    import pandas as pd

    import trendlib
    from trendlib import graphs
    from trendlib.sentiment import add_sentiment, sentiment_over_time
    from trendlib.text import add_tokens

    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        posts = pd.concat([trendlib.read_posts(f) for f in files], ignore_index=True)
    posts = add_sentiment(add_tokens(posts, stopwords="topic"))
    counts = trendlib.count(posts, key="hashtag", freq="1h")
    edges = graphs.co_hashtag_edges(posts, weight="npmi", min_count=5, min_edge_count=5)
    sentiment = sentiment_over_time(posts, freq="1D")
    bursts = trendlib.detect_bursts(counts, method="kleinberg")
    return {"seconds": time.perf_counter() - t0, **_results(counts, bursts, edges, sentiment)}


def run_dask(files: list[str], workers: int) -> dict:
    """The same pipeline on a LocalCluster of ``workers`` single-threaded processes."""
    import dask
    from distributed import Client, LocalCluster

    import trendlib
    import trendlib.dask as td

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit="3GB") as cluster, Client(cluster):
        t0 = time.perf_counter()
        ddf = td.add_sentiment(td.add_tokens(td.read_posts(files), stopwords="topic"))
        counts, edges, sentiment = dask.compute(
            td.count(ddf, key="hashtag", freq="1h", compute=False),
            td.co_hashtag_edges(ddf, weight="npmi", min_count=5, min_edge_count=5, compute=False),
            td.sentiment_over_time(ddf, freq="1D", compute=False),
        )
        bursts = trendlib.detect_bursts(counts, method="kleinberg")
        return {"seconds": time.perf_counter() - t0, **_results(counts, bursts, edges, sentiment)}


def run_coordination(files: list[str], workers: int) -> dict:
    """Read and coordinated accounts + evidence: pandas (workers 0) or a LocalCluster."""
    import warnings

    import pandas as pd

    import trendlib
    from trendlib import graphs

    t0 = time.perf_counter()
    if workers == 0:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            posts = pd.concat([trendlib.read_posts(f) for f in files], ignore_index=True)
        t_read = time.perf_counter() - t0
        from trendlib.graphs._coordination import _detect, _tables

        evidence, u, opts, _ = _detect(posts, "coordinated_accounts", signals=graphs._coord_scores.DEFAULT_SIGNALS, similarity=None,
                                       window="1h", repeat_window="1D", min_accounts=3, min_score=2.0, min_similarity=0.8,
                                       min_tokens=4, min_hashtags=2)
        groups, ev = _tables(posts, evidence, u, opts, 3)
    else:
        from distributed import Client, LocalCluster

        import trendlib.dask as td
        from trendlib.dask._coordination import _options_of, _run

        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          memory_limit="3GB") as cluster, Client(cluster):
            ddf = td.read_posts(files)
            t_read = float("nan")
            opts, top = _options_of(ddf, {})
            groups, ev = _run(ddf, opts, top)
    return {"seconds": time.perf_counter() - t0, "read_seconds": t_read, "groups": _digest(groups), "n_groups": len(groups),
            "evidence": _digest(ev), "n_evidence": len(ev)}


def _tree_rss(proc) -> int:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(system: str, files_glob: str, workers: int = 1) -> dict:
    """Run one system in a fresh process; add its peak summed RSS (process tree, sampled)."""
    import psutil

    cmd = [sys.executable, __file__, "--child", system, "--files", files_glob, "--workers", str(workers)]
    if system.endswith("-coord"):
        cmd = [sys.executable, __file__, "--child", "coord", "--files", files_glob, "--workers", str(workers if system == "dask-coord" else 0)]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    proc, peak, stop = psutil.Process(child.pid), [0], threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss(proc))
            time.sleep(0.2)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, _ = child.communicate()
    stop.set()
    th.join()
    if child.returncode:
        return {"system": system, "workers": workers, "error": f"exit {child.returncode}", "peak_gb": peak[0] / 1e9}
    res = json.loads(out.strip().splitlines()[-1])
    return {"system": system, "workers": workers, **res, "peak_gb": peak[0] / 1e9}


def table(rows: list[dict], n_posts: int, peer: dict | None) -> None:
    print(f"\n{n_posts:,} posts" + (f" (ratios against {peer['system']}, {peer['workers']} worker)" if peer else ""))
    print(f"{'system':<8}{'workers':>8}{'seconds':>10}{'posts/s':>10}{'peak GB':>9}{'time x':>8}{'mem x':>7}  same result")
    for r in rows:
        if "error" in r:
            print(f"{r['system']:<8}{r['workers']:>8}  {r['error']} (peak {r['peak_gb']:.2f} GB)")
            continue
        tx = r["seconds"] / peer["seconds"] if peer and "seconds" in peer else float("nan")
        mx = r["peak_gb"] / peer["peak_gb"] if peer and "peak_gb" in peer else float("nan")
        same = all(r.get(k) == peer.get(k) for k in ("counts", "edges", "bursts", "sentiment_n")) if peer else ""
        print(f"{r['system']:<8}{r['workers']:>8}{r['seconds']:>10.1f}{n_posts / r['seconds']:>10,.0f}"
              f"{r['peak_gb']:>9.2f}{tx:>8.2f}{mx:>7.2f}  {same}")
    sys.stdout.flush()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=1_000_000, help="posts for overhead and scaling (0: skip)")
    ap.add_argument("--big", type=int, default=20_000_000, help="posts for the out-of-core run (0: skip)")
    ap.add_argument("--big-pandas", action="store_true", help="also run pandas on the big data")
    ap.add_argument("--per-file", type=int, default=100_000)
    ap.add_argument("--tmp", default="/tmp/trendlib_bench_dask")
    ap.add_argument("--coordination", type=int, default=0, help="posts for the coordination comparison (0: skip)")
    ap.add_argument("--child", choices=["pandas", "dask", "coord"])
    ap.add_argument("--files")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    if args.child:
        files = sorted(glob.glob(args.files))
        if args.child == "coord":
            res = run_coordination(files, args.workers)
        else:
            res = run_pandas(files) if args.child == "pandas" else run_dask(files, args.workers)
        print(json.dumps(res))
        return
    print(f"load before: {os.getloadavg()}, cores: {os.cpu_count()}")
    seed = seed_posts()
    print(f"seed: {len(seed):,} real tweets with author and time from {HOME}")
    if args.small:
        folder = os.path.join(args.tmp, str(args.small))
        write_files(seed, args.small, folder, per_file=args.per_file)
        pattern = os.path.join(folder, "posts_*.csv")
        peer = measure("pandas", pattern)
        rows = [peer, measure("dask", pattern, 1), measure("dask", pattern, 2)]
        table(rows, args.small, peer)
        d1, d2 = rows[1], rows[2]
        if "seconds" in d1 and "seconds" in d2:
            print(f"scaling 1 -> 2 workers: {d1['seconds'] / d2['seconds']:.2f}x faster")
    if args.big:
        folder = os.path.join(args.tmp, str(args.big))
        write_files(seed, args.big, folder, per_file=args.per_file)
        pattern = os.path.join(folder, "posts_*.csv")
        rows = [measure("dask", pattern, 2)]
        peer = None
        if args.big_pandas:
            peer = measure("pandas", pattern)
            rows.insert(0, peer)
        table(rows, args.big, peer)
    if args.coordination:
        folder = os.path.join(args.tmp, str(args.coordination))
        write_files(seed, args.coordination, folder, per_file=args.per_file)
        pattern = os.path.join(folder, "posts_*.csv")
        rows = [measure("pandas-coord", pattern, 0), measure("dask-coord", pattern, 2)]
        print(f"\ncoordinated accounts, {args.coordination:,} posts (read included)")
        print(f"{'system':<12}{'workers':>8}{'seconds':>10}{'peak GB':>9}{'groups':>8}{'evidence':>10}  same tables")
        for r in rows:
            if "error" in r:
                print(f"{r['system']:<12}{r['workers']:>8}  {r['error']} (peak {r['peak_gb']:.2f} GB)")
                continue
            same = (r["groups"], r["evidence"]) == (rows[0].get("groups"), rows[0].get("evidence"))
            print(f"{r['system']:<12}{r['workers']:>8}{r['seconds']:>10.1f}{r['peak_gb']:>9.2f}{r['n_groups']:>8}{r['n_evidence']:>10}  {same}")
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
