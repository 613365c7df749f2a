"""Benchmark: trendlib.text pipeline (normalise + tokenize + stem) vs stock Sastrawi.

One command::

    TRENDLIB_DATA_HOME=/path/to/data python benchmarks/bench_text.py [--n N] [--stock-n 300] [--million 1000000]

Texts: every text column of the ``tweets_*/*.csv`` files in the data home (fallback: the
bundled ``trendlib/data/sample_asean_2023.csv``). Each measurement runs in a fresh Python
process, so every cache starts cold (trendlib's memos and dictionary load; stock
Sastrawi's ``CachedStemmer``), and loading the dictionaries is inside the timed region.

Rows:

* stock Sastrawi: ``StopWordRemoverFactory().create_stop_word_remover().remove`` then
  ``StemmerFactory().create_stemmer().stem`` on the first ``--stock-n`` posts (it manages
  a few posts a second, so it is timed on a subset; rates are per post).
* trendlib, same subset, cold: ``tokenize(text, stem=True, stopwords="topic")``.
* trendlib, all posts, cold, then warm (second pass in the same process).
  Rates are printed by wall-clock time and by the process's CPU time (``cpu posts/s``),
  which other jobs on a shared machine disturb less.
* trendlib ``add_tokens(posts, stem=True, stopwords="topic")`` on ``--million`` posts
  sampled (seeded) from the real texts: time and peak memory (max RSS of that process,
  and the increase over the RSS before the call).
* a second table: distinct words stemmed once each (no memo) by stock Sastrawi (200
  words), Sastrawi's classes on a set dictionary, and trendlib's engine (20,000 words).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT_COLUMNS = ("full_text", "text", "tweets", "tweet", "reply_text", "message", "content", "rawContent")


def load_texts() -> tuple[list[str], str]:
    """All tweet texts in the data home, or the bundled sample; and where they came from."""
    import pandas as pd

    sys.path.insert(0, str(ROOT))
    from trendlib.datasets._home import get_data_home

    home = get_data_home()
    texts: list[str] = []
    used = []
    for path in sorted(home.glob("tweets_*/*.csv")):
        with path.open(encoding="utf-8", errors="replace") as fh:
            header = fh.readline()
        sep = ";" if header.count(";") > header.count(",") else ","
        try:
            df = pd.read_csv(path, sep=sep, dtype=str, on_bad_lines="skip", encoding_errors="replace")
        except Exception as exc:  # report, keep going with the other files
            print(f"  skipped {path.name}: {exc}", file=sys.stderr)
            continue
        col = next((c for c in TEXT_COLUMNS if c in df.columns), None)
        if col is None:
            continue
        got = [t for t in df[col].dropna().astype(str) if t.strip()]
        texts += got
        used.append(f"{path.parent.name}/{path.name}[{col}]={len(got)}")
    if texts:
        return texts, f"{len(used)} files in {home}"
    sample = ROOT / "trendlib" / "data" / "sample_asean_2023.csv"
    df = pd.read_csv(sample, dtype=str)
    col = next(c for c in TEXT_COLUMNS if c in df.columns)
    return df[col].dropna().astype(str).tolist(), f"bundled sample {sample.name}"


# ----------------------------------------------------------------------------- workers
def _max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _current_rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return _max_rss_mb()


def worker(mode: str, path: str, n: int) -> dict:
    with open(path, encoding="utf-8") as fh:
        texts = json.load(fh)[:n]
    out: dict = {"posts": len(texts)}
    if mode == "stock":
        t0, c0 = time.perf_counter(), time.process_time()
        from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        stemmer = StemmerFactory().create_stemmer()
        remover = StopWordRemoverFactory().create_stop_word_remover()
        result = [stemmer.stem(remover.remove(t.lower())) for t in texts]
        out["seconds"] = time.perf_counter() - t0
        out["cpu"] = time.process_time() - c0
        out["tokens"] = sum(len(r.split()) for r in result)
    elif mode in ("ours", "ours2"):
        t0, c0 = time.perf_counter(), time.process_time()
        from trendlib.text import tokenize

        result = [tokenize(t, stem=True, stopwords="topic") for t in texts]
        out["seconds"] = time.perf_counter() - t0
        out["cpu"] = time.process_time() - c0
        out["tokens"] = sum(map(len, result))
        if mode == "ours2":
            t0, c0 = time.perf_counter(), time.process_time()
            result = [tokenize(t, stem=True, stopwords="topic") for t in texts]
            out["warm_seconds"] = time.perf_counter() - t0
            out["warm_cpu"] = time.process_time() - c0
    elif mode == "words":
        # distinct words, stemmed once each, by three engines (fresh objects, no memo)
        import re

        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
        from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer

        from trendlib.text._stem import _root_words
        from trendlib.text._stem_engine import SetDictionary, engine_class

        seen: dict[str, None] = {}
        for t in texts:
            for w in re.findall(r"[a-z0-9-]+", t.lower()):
                seen.setdefault(w, None)
        words = list(seen)
        rng = random.Random(0)
        rng.shuffle(words)
        words = words[:20000]
        stock_words = words[:200]
        roots = _root_words()
        rows = {}
        t0 = time.perf_counter()
        stock = StemmerFactory().create_stemmer().delegatedStemmer  # bypass its cache
        for w in stock_words:
            stock.stem_word(w)
        rows["stock"] = (len(stock_words), time.perf_counter() - t0)
        plain = SastrawiStemmer(SetDictionary(roots))
        t0 = time.perf_counter()
        for w in words:
            plain.stem_word(w)
        rows["plain"] = (len(words), time.perf_counter() - t0)
        engine = engine_class()(SetDictionary(roots))
        t0 = time.perf_counter()
        for w in words:
            engine.stem_word(w)
        rows["engine"] = (len(words), time.perf_counter() - t0)
        out["rows"] = rows
    elif mode == "million":
        import pandas as pd

        rng = random.Random(0)
        posts = pd.DataFrame({"text": [rng.choice(texts) for _ in range(n)]})
        del texts
        before = _current_rss_mb()
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            from trendlib.text import add_tokens

            res = add_tokens(posts, stem=True, stopwords="topic")
            out["call"] = "add_tokens"
            out["tokens"] = int(res["tokens"].map(len).sum())
        except (ImportError, AttributeError):
            from trendlib.text import tokenize

            res = [tokenize(t, stem=True, stopwords="topic") for t in posts["text"]]
            out["call"] = "tokenize per post (add_tokens not available)"
            out["tokens"] = sum(map(len, res))
        out["seconds"] = time.perf_counter() - t0
        out["cpu"] = time.process_time() - c0
        out["posts"] = len(posts)
        out["rss_before_mb"] = before
        out["max_rss_mb"] = _max_rss_mb()
    else:
        raise ValueError(f"unknown mode {mode!r}")
    return out


def run_worker(mode: str, path: str, n: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run(
        [sys.executable, __file__, "--worker", mode, "--texts", path, "--n", str(n)],
        capture_output=True, text=True, env=env,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"worker {mode} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="trendlib.text vs stock Sastrawi")
    p.add_argument("--n", type=int, default=None, help="posts for the trendlib runs (default: all)")
    p.add_argument("--stock-n", type=int, default=300, help="posts for stock Sastrawi (slow)")
    p.add_argument("--million", type=int, default=1_000_000, help="posts for the add_tokens memory run (0 skips)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--texts", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.worker, args.texts, args.n)))
        return 0

    texts, origin = load_texts()
    random.Random(args.seed).shuffle(texts)  # the stock subset is a random sample
    n = len(texts) if args.n is None else min(args.n, len(texts))
    stock_n = min(args.stock_n, n)
    print(f"texts: {len(texts)} posts from {origin}; trendlib on {n}, stock Sastrawi on {stock_n}")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "texts.json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(texts[:n], fh)
        stock = run_worker("stock", path, stock_n)
        sub = run_worker("ours", path, stock_n)
        full = run_worker("ours2", path, n)
        big = run_worker("million", path, args.million) if args.million else None
        words = run_worker("words", path, n)["rows"]

    stock_rate = stock["posts"] / stock["seconds"]
    rows = [
        ("stock Sastrawi (remove + stem), cold", stock["posts"], stock["seconds"], stock["cpu"]),
        ("trendlib tokenize(stem, topic), same subset, cold", sub["posts"], sub["seconds"], sub["cpu"]),
        ("trendlib tokenize(stem, topic), all posts, cold", full["posts"], full["seconds"], full["cpu"]),
        ("trendlib tokenize(stem, topic), all posts, warm", full["posts"], full["warm_seconds"], full["warm_cpu"]),
    ]
    if big:
        rows.append((f"trendlib {big['call'].split(' ')[0]}, {big['posts']:,} posts, cold", big["posts"], big["seconds"], big["cpu"]))
    print()
    # posts/s is by wall-clock time; "cpu posts/s" by the process's CPU time, which
    # other jobs on a shared machine disturb less
    print(f"{'pipeline':<55} {'posts':>10} {'seconds':>9} {'posts/s':>10} {'cpu posts/s':>12} {'x stock':>9}")
    print("-" * 110)
    for name, posts, secs, cpu in rows:
        rate = posts / secs
        print(f"{name:<55} {posts:>10,} {secs:>9.2f} {rate:>10,.1f} {posts / cpu:>12,.1f} {rate / stock_rate:>9,.0f}")
    if big:
        print()
        print(f"peak memory, {big['posts']:,} posts through {big['call']}: max RSS {big['max_rss_mb']:,.0f} MB "
              f"({big['max_rss_mb'] - big['rss_before_mb']:,.0f} MB above the {big['rss_before_mb']:,.0f} MB "
              f"before the call)")
    print("targets: >= 300x stock Sastrawi with both caches cold; >= 20,000 posts/s on one core")
    print()
    stock_wrate = words["stock"][0] / words["stock"][1]
    print(f"{'stemming distinct words (no memo)':<55} {'words':>10} {'seconds':>9} {'words/s':>10} {'x stock':>9}")
    print("-" * 97)
    for key, name in (
        ("stock", "stock Sastrawi (list dictionary)"),
        ("plain", "Sastrawi classes + set dictionary"),
        ("engine", "trendlib engine (set + rule dispatch + precompiled rules)"),
    ):
        cnt, secs = words[key]
        print(f"{name:<55} {cnt:>10,} {secs:>9.2f} {cnt / secs:>10,.0f} {cnt / secs / stock_wrate:>9,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
