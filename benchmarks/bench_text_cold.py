"""Benchmark: the text layer's cold path, CPU per chunk never seen in the process.

    TRENDLIB_DATA_HOME=/path/to/data python benchmarks/bench_text_cold.py [--n 20000] [--runs 3] [--hashtags]

Why: on a stream of new tweets the sentiment scorers and ``tokenize`` pay most of the text
layer's cost the first time a whitespace chunk (a word with its punctuation, a hashtag, a
URL) is seen; after that a chunk is one dictionary lookup. This times exactly that first
time: the distinct chunks of the first ``--n`` tweets of ``bench_sentiment_tweets.py``
(same texts, same shuffle), minus those the one-off load already put in the memo (the
lexicon's own words), tokenised once each through the chunk memo
(``trendlib.text._chunks.chunk_memo(None).items``), in a fresh process per run. Loading
the lexicon and dictionaries (``polarity("")``) is outside the timed region; the
word normaliser's lazily built tables (the elongation index, word counts) are inside it,
as they are in the tweet bench. CPU time (``time.process_time``), so other jobs on a
shared machine disturb it less than wall time. ``--hashtags`` times
:func:`trendlib.text.segment_hashtag` instead, once on each distinct hashtag of those
tweets, after its model (word counts, lists, Sastrawi) is loaded: the cost of reading a
new tag as words (``hashtags="segment"``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path


def _one(n: int, hashtags: bool = False) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_sentiment_tweets import _texts

    from trendlib import sentiment
    from trendlib.text._chunks import chunk_memo

    texts = _texts()[:n]
    if hashtags:  # segment_hashtag of each distinct tag of the tweets, its model loaded first
        import re

        from trendlib.text import segment_hashtag

        segment_hashtag("#MenolakLupa")  # loads the word counts, lists and Sastrawi (one-off)
        tags = list(dict.fromkeys(m for t in texts for m in re.findall(r"#\w+", t)))
        t = time.process_time()
        for tag in tags:
            segment_hashtag(tag)
        return {"texts": len(texts), "chunks": len(tags), "cpu_s": time.process_time() - t}
    sentiment.polarity("")  # the tweet bench's one-off load
    memo = chunk_memo(None)
    chunks = [c for c in dict.fromkeys(c for t in texts for c in t.split()) if c not in memo.items.data]
    t = time.process_time()
    items = memo.items
    for c in chunks:
        items(c)
    dt = time.process_time() - t
    return {"texts": len(texts), "chunks": len(chunks), "cpu_s": dt}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000, help="tweets whose new chunks are timed")
    ap.add_argument("--runs", type=int, default=3, help="fresh processes")
    ap.add_argument("--hashtags", action="store_true",
                    help="time segment_hashtag on the tweets' distinct hashtags instead")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # internal
    args = ap.parse_args()
    if args.one:
        print(json.dumps(_one(args.n, args.hashtags)))
        return
    what = "new hashtags" if args.hashtags else "new chunks"
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, __file__, "--n", str(args.n), "--one"]
                             + (["--hashtags"] if args.hashtags else []),
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        load = f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "?"
        print(f"{r['chunks']:,} {what} of {r['texts']:,} tweets: {r['cpu_s']:.3f} CPU s, "
              f"{r['cpu_s'] / r['chunks'] * 1e6:.2f} us per {what.split()[1][:-1]} (load average {load})")


if __name__ == "__main__":
    main()
