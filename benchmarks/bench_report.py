"""Benchmark the whole report, step by step, on real posts scaled up (one command).

    python benchmarks/bench_report.py                    # 46k real posts, then 1M
    python benchmarks/bench_report.py --posts 200000     # one size only (plus the real size)
    python benchmarks/bench_report.py --old              # also the 0.1 report (git worktree) on the real posts

Posts: every real tweet in the data home's ``tweets_*`` folders (about 46k), replicated to
the size asked with distinct ids and perturbed texts (one real word of the corpus swapped
in or out per copy, so almost every text is new and no memo can cheat), authors spread
over ``--accounts-factor`` times more accounts, times jittered by up to an hour. Without a
data home the Zipf generator (``trendlib.datasets.make_zipf_posts``) stands in.

Each size runs in a fresh process: ``build_report`` (all steps, timed by the report
itself in ``Report.timings``), then ``save`` (the page, every CSV, GEXF; no PNG), which is
what ``python -m trendlib report FILE --out DIR --no-figures`` does; the page's rendering
is timed once more after the measured run.
Peak memory is the child's peak resident size (``VmHWM``). The peer is the previous report
(trendlib 0.1, from git history) on the same real posts when ``--old`` is given.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time


def _reset_peak() -> bool:
    """Reset the kernel's peak resident size of this process (Linux: clear_refs 5)."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _worker_peak() -> float:
    """Peak resident size of the largest finished child process (the report's workers), MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (the report's workers and writers)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _vmhwm() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def real_posts():
    import pandas as pd

    import trendlib as tl
    from trendlib.datasets import get_data_home

    home = get_data_home()
    frames = []
    for folder in sorted(p.name for p in home.iterdir() if p.name.startswith("tweets_")):
        try:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                frames.append(tl.datasets.load_tweets(folder, dedupe=True))
        except Exception as exc:  # a folder without posts
            print(f"  (skipped {folder}: {exc})", file=sys.stderr)
    posts = pd.concat(frames, ignore_index=True)
    posts = posts.drop_duplicates("id").reset_index(drop=True)
    return posts


def scale(posts, n: int, *, accounts_factor: int = 4, seed: int = 0):
    """Replicate ``posts`` to ``n`` rows: distinct ids, perturbed texts, more accounts, jittered times."""
    import numpy as np
    import pandas as pd

    if n <= len(posts):
        return posts.iloc[:n].reset_index(drop=True)
    rng = np.random.default_rng(seed)
    reps = -(-n // len(posts))
    idx = np.tile(np.arange(len(posts)), reps)[:n]
    copy = np.repeat(np.arange(reps), len(posts))[:n]
    out = posts.iloc[idx].reset_index(drop=True)
    out["id"] = out["id"].astype(str) + "_" + copy.astype(str)
    words = pd.Series(" ".join(posts["text"].astype(str).sample(min(5000, len(posts)), random_state=seed)).split())
    words = words[words.str.isalpha() & (words.str.len() > 3)].unique()
    extra = words[rng.integers(0, len(words), size=n)]
    # plain str concatenation: numpy's fixed-width unicode arrays took 4 GB per column at 1M posts
    out["text"] = [t if c == 0 else f"{t} {w}" for t, c, w in zip(out["text"].astype(str).tolist(), copy.tolist(),
                                                                   extra.tolist())]
    out["author"] = [a if c == 0 else f"{a}_{c % accounts_factor}" for a, c in zip(out["author"].astype(str).tolist(),
                                                                              copy.tolist())]
    jitter = pd.to_timedelta(rng.integers(-3600, 3600, size=n) * (copy > 0), unit="s")
    out["time"] = out["time"] + jitter
    return out


def _run(n: int, conn, old_path: str | None, sentiment_model: str | None = None) -> None:
    try:
        _measure(n, conn, old_path, sentiment_model)
    except BaseException as exc:  # report, never leave the parent waiting
        import traceback

        conn.send({"error": "".join(traceback.format_exception(exc))})
        conn.close()


def _measure(n: int, conn, old_path: str | None, sentiment_model: str | None = None) -> None:
    import warnings

    warnings.simplefilter("ignore")
    if old_path:
        sys.path.insert(0, old_path)
    import trendlib as tl

    try:
        posts = real_posts()
        source = "real"
    except Exception:
        posts = tl.datasets.make_zipf_posts(max(n, 1000), seed=0)
        source = "zipf"
    posts = scale(posts, n) if n else posts
    built = _vmhwm()
    # the peak is the report's (with the posts it is given in memory), not the generator's
    reset = _reset_peak()
    t0 = time.perf_counter()
    c0 = time.process_time()
    k0 = _children_cpu()
    if old_path:
        from trendlib.report import build_report

        rep = build_report(posts)
        timings = {"build_report (0.1)": time.perf_counter() - t0}
    else:
        from trendlib.report import build_report

        rep = build_report(posts, progress=False, sentiment_model=sentiment_model)
        timings = dict(rep.timings)
        t1 = time.perf_counter()
        with tempfile.TemporaryDirectory() as d:
            rep.save(d, figures=False)
            size = os.path.getsize(os.path.join(d, "report.html"))
        timings["save (page, CSV, GEXF)"] = time.perf_counter() - t1
    # the whole job is what `report --out DIR --no-figures` does: build, then save (which
    # renders the page); the page's own rendering is timed again below, outside the wall
    wall = time.perf_counter() - t0
    cpu, cpu_children, rss = time.process_time() - c0, _children_cpu() - k0, _vmhwm()
    if not old_path:
        t1 = time.perf_counter()
        rep.to_html()
        timings["(of which: render html, timed again after)"] = time.perf_counter() - t1
        timings["html size MB"] = size / 1e6
    conn.send({"n": len(posts), "source": source, "wall": wall, "cpu": cpu,
               "cpu_children": cpu_children,
               "rss": rss, "rss_reset": reset, "rss_input": built, "rss_worker": _worker_peak(),
               "timings": timings})
    conn.close()


def measure(n: int, old_path: str | None = None, sentiment_model: str | None = None) -> dict:
    ctx = mp.get_context("spawn")  # a fresh interpreter: no warm caches, its own peak RSS
    a, b = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_run, args=(n, b, old_path, sentiment_model))
    p.start()
    res = a.recv()
    p.join()
    if "error" in res:
        raise RuntimeError(f"the report failed on {n or 'the real'} posts:\n{res['error']}")
    return res


def _old_checkout(rev: str) -> str:
    path = tempfile.mkdtemp(prefix="trendlib_old_")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run(f"git -C {root} archive {rev} trendlib | tar -x -C {path}", shell=True, check=True)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=1_000_000, help="scaled size (default 1,000,000; 0 = real only)")
    ap.add_argument("--old", action="store_true", help="also run the trendlib 0.1 report on the real posts")
    ap.add_argument("--old-rev", default="aafa7d6", help="git revision of the 0.1 report")
    ap.add_argument("--sentiment-model", default=None, choices=("multi", "smsa"),
                    help="build the report with this pretrained classifier labelling sentiment")
    args = ap.parse_args()
    rows = []
    sizes = [0] + ([args.posts] if args.posts else [])
    for n in sizes:
        res = measure(n, sentiment_model=args.sentiment_model)
        rows.append(("trendlib (this tree)" + (f", sentiment_model={args.sentiment_model!r}" if args.sentiment_model else ""),
                     res))
        print(f"# {res['n']:,} posts ({res['source']}): {res['wall']:.1f} s wall, {res['cpu']:.1f} s CPU "
              f"+ {res.get('cpu_children', 0):.1f} s CPU in its child processes, "
              f"peak RSS {res['rss']:,.0f} MB during the report"
              f"{'' if res.get('rss_reset') else ' (could not reset: includes building the posts)'}"
              f" + {res.get('rss_worker', 0):,.0f} MB largest worker; the posts alone {res.get('rss_input', 0):,.0f} MB",
              flush=True)
        for k, v in sorted(res["timings"].items(), key=lambda kv: -kv[1] if "MB" not in kv[0] else 1):
            print(f"    {k:<28} {v:8.2f}")
    if args.old:
        res = measure(0, _old_checkout(args.old_rev))
        rows.append(("trendlib 0.1 report", res))
    print()
    print("| report | posts | wall s | CPU s | peak RSS MB | posts/s |")
    print("|---|---|---|---|---|---|")
    for name, r in rows:
        print(f"| {name} | {r['n']:,} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['rss']:,.0f} | {r['n'] / r['wall']:,.0f} |")
    if args.old and len(rows) >= 2:
        new = rows[0][1]
        old = rows[-1][1]
        print(f"\nspeed-up on the same {new['n']:,} real posts: {old['wall'] / new['wall']:.1f}x")


if __name__ == "__main__":
    main()
