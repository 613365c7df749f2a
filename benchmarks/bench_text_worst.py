"""Benchmark: trendlib.text on hostile 100 KB strings (issue 11, item 20).

One command::

    python benchmarks/bench_text_worst.py [--size 100000] [--only normalize,tokens]

Each text function gets each pathological string of ``--size`` characters once (the
word lists are loaded and warmed on a short text first, so the time is the function's
own). Every function runs in its own fresh process, so one function's memo never helps
another. Printed: a table of seconds per (case, function), the worst per function, and
the ratio to a peer measured in the same run on the same string: one
``re.findall(r"\\w+|[^\\w\\s]", s)`` pass, the least any tokeniser has to do. Target:
every cell under 0.5 s. Cells are CPU seconds of the process (``time.process_time``),
which other jobs on a shared machine disturb less; the worst wall time is printed too.
``tokenize_stem`` (``tokenize(stem=True, stopwords="topic")``) is shown apart: it stems
every new word with Sastrawi's algorithm, so 100 KB of distinct words costs what
stemming ~15,000 new words costs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.5
FUNCTIONS = (
    "normalize", "tokenize", "tokens", "hashtags", "mentions", "urls", "emojis", "segment_hashtag", "stem",
    "tokenize_stem",
)


def cases(size: int, seed: int = 0) -> dict[str, str]:
    """Pathological strings of about ``size`` characters (deterministic)."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"

    def fill(unit: str) -> str:
        return (unit * (size // max(len(unit), 1) + 1))[:size]

    def distinct_words(make) -> str:
        out, n = [], 0
        while n < size:
            w = make()
            out.append(w)
            n += len(w) + 1
        return " ".join(out)[:size]

    def elongated() -> str:
        w = "".join(rng.choice(letters) * rng.randint(1, 4) for _ in range(rng.randint(4, 9)))
        return w

    def redup() -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(3, 8))) + "2" + rng.choice(["", "nya", "an", "in"])

    scripts = [(0x41, 0x7A), (0x400, 0x4FF), (0x600, 0x6FF), (0x900, 0x97F), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3),
               (0x300, 0x36F), (0x1F300, 0x1FAFF), (0xFF01, 0xFF5E), (0x2000, 0x206F)]
    mixed = "".join(chr(rng.randint(*rng.choice(scripts))) for _ in range(size))
    return {
        "emoji ZWJ chain (non-RGI)": fill("👍\u200d"),
        "emoji ZWJ family (RGI)": fill("👨\u200d👩\u200d👧\u200d👦"),
        "flags / regional indicators": fill("🇮🇩🇮"),
        "emoji + skin tones, no spaces": fill("👍🏽🙏🏻❤️"),
        "distinct elongated words": distinct_words(elongated),
        "distinct reduplications": distinct_words(redup),
        "one long word": fill("a"),
        "one long elongated word": fill("baaaanggeeeett"),
        "crafted hashtag (lowercase)": "#" + fill("kabur")[1:],
        "crafted hashtag (CamelCase)": "#" + fill("aB")[1:],
        "crafted hashtag (random letters)": "#" + "".join(rng.choice(letters) for _ in range(size - 1)),
        "hashtags #a#b#c": fill("#a"),
        "long URL": "https://" + fill("a/")[8:],
        "many URLs, no spaces": fill("http://t.co/x"),
        "bare-domain bait a.a.a.": fill("a."),
        "e-mail bait a@a.": fill("a@a."),
        "mentions @a@b": fill("@a"),
        "long mention": "@" + fill("a")[1:],
        "emoticons :):(": fill(":):("),
        "HTML entities &amp;amp;": fill("&amp;amp;"),
        "full-width letters": fill("Ａｂ"),
        "fractions ½¼": fill("½¼"),
        "combining marks": "a" + fill("\u0301")[1:],
        "filler characters": fill("\u3164x"),
        "digits and separators": fill("1.2,3:"),
        "punctuation only": fill("!?"),
        "mixed scripts (random)": mixed,
    }


def peer(text: str) -> float:
    """CPU seconds of the peer on ``text``."""
    t0 = time.process_time()
    re.findall(r"\w+|[^\w\s]", text)
    return time.process_time() - t0


def worker(func: str, size: int) -> dict:
    sys.path.insert(0, str(ROOT))
    import trendlib.text as T

    fn = {
        # the pipeline with stemming: every distinct word is stemmed once (Sastrawi's
        # algorithm, ~10k new words/s), so its time grows with the number of new words
        "tokenize_stem": lambda s: T.tokenize(s, stem=True, stopwords="topic"),
    }.get(func) or getattr(T, func)
    # load and warm the word lists and indexes (one-time costs per process, not per text)
    fn("Macet bgttt di Senayan #KTTASEAN2023 @Kemlu_RI 😍 https://t.co/x wkwkwk anak2 ½ Ｆ")
    out = {}
    for name, text in cases(size).items():
        t0, c0 = time.perf_counter(), time.process_time()
        fn(text)
        out[name] = (time.perf_counter() - t0, time.process_time() - c0, peer(text))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--size", type=int, default=100_000)
    p.add_argument("--only", default=",".join(FUNCTIONS))
    p.add_argument("--worker", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.size)))
        return 0
    funcs = [f for f in args.only.split(",") if f]
    results = {}
    for func in funcs:
        proc = subprocess.run(
            [sys.executable, __file__, "--worker", func, "--size", str(args.size)],
            capture_output=True, text=True, check=True,
        )
        results[func] = json.loads(proc.stdout.strip().splitlines()[-1])
    names = list(cases(args.size))
    width = max(map(len, names)) + 2
    print(f"{args.size:,}-character strings; CPU seconds per call; target < {TARGET} s\n")
    print("case".ljust(width) + "".join(f"{f[:10]:>11}" for f in funcs))
    print("-" * (width + 11 * len(funcs)))
    for name in names:
        print(name.ljust(width) + "".join(f"{results[f][name][1]:>11.3f}" for f in funcs))
    print("-" * (width + 11 * len(funcs)))
    worst = {f: max(results[f].values(), key=lambda r: r[1]) for f in funcs}
    print("worst (cpu)".ljust(width) + "".join(f"{worst[f][1]:>11.3f}" for f in funcs))
    print("worst (wall)".ljust(width) + "".join(f"{max(r[0] for r in results[f].values()):>11.3f}" for f in funcs))
    print("worst x peer".ljust(width) + "".join(f"{worst[f][1] / max(worst[f][2], 1e-6):>11.0f}" for f in funcs))
    over = [(f, n, round(results[f][n][1], 3)) for f in funcs for n in names if results[f][n][1] >= TARGET]
    print(f"\npeer: re.findall(r'\\w+|[^\\w\\s]') on the same string, same process (cpu).")
    print(f"over target (cpu): {over or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
