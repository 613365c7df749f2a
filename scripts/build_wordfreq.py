"""Rebuild trendlib/text/data/wordfreq_id.tsv, the unigram counts behind segment_hashtag().

Sources (both permissively licensed; provenance in docs/text_stem_segment.md):

* IndoNLU SmSA ``train_preprocess.tsv`` (Apache-2.0) from the data home
  (``$TRENDLIB_DATA_HOME/indonlu_smsa/``): every lowercase ``a-z`` token of length >= 2,
  counted, kept when seen at least ``--min-count`` times (2: drops most one-off typos).
* Sastrawi 1.0.1 root-word dictionary ``kata-dasar.txt`` (MIT), read from the installed
  package: every root of ``a-z`` letters, length >= 2, gets one extra count, so a root
  never seen in SmSA is still a (rare) known word.

Our own word list ``trendlib/text/data/seg_words.txt`` (names, acronyms, English and
social-media words) is not folded in here: segment_hashtag() merges it at load time, so
editing it needs no rebuild.

Usage::

    TRENDLIB_DATA_HOME=/path/to/data python scripts/build_wordfreq.py [--min-count 2]
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "trendlib" / "text" / "data" / "wordfreq_id.tsv"
_TOKEN = re.compile(r"[a-z]{2,}")


def smsa_counts(path: Path) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    rows = 0
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row:
                continue
            rows += 1
            for tok in row[0].lower().split():
                if _TOKEN.fullmatch(tok):
                    counts[tok] += 1
    print(f"SmSA: {rows} rows, {sum(counts.values())} tokens, {len(counts)} types", file=sys.stderr)
    return counts


def sastrawi_roots() -> list[str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    roots = [w.strip() for w in StemmerFactory().get_words_from_file()]
    return sorted({w for w in roots if _TOKEN.fullmatch(w)})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from trendlib.datasets._home import data_path

    smsa = smsa_counts(data_path("indonlu_smsa", "train_preprocess.tsv"))
    counts = collections.Counter({w: c for w, c in smsa.items() if c >= args.min_count})
    roots = sastrawi_roots()
    for w in roots:
        counts[w] += 1
    print(f"Sastrawi roots: {len(roots)}; output: {len(counts)} words", file=sys.stderr)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("word\tcount\n")
        for word, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{word}\t{count}\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
