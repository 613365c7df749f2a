"""List likely Sastrawi over-stems among the words of the data home, for review by reading.

For every distinct lowercase word of the tweet files (read in place, nothing copied),
stock Sastrawi's stem ``s`` is compared with the other parses of the word: a known
root ``r`` longer than ``s`` such that the word is (prefix) + ``r`` + (suffix) with
standard affixes. ``ajakan`` -> ``aja`` (``ajak`` + ``-an`` is the right parse),
``senilai`` -> ``nila`` (``se-`` + ``nilai``), ``kepoin`` -> ``poin`` (``kepo`` +
Jakartan ``-in``). Printed by word frequency: ``count<TAB>word<TAB>sastrawi<TAB>
alternatives``. Each line was then judged by hand; the accepted ones are in
``trendlib/text/data/stem_exceptions.tsv``.

Usage::

    TRENDLIB_DATA_HOME=/path/to/data python scripts/build_text_stem_candidates.py [--top 300]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PREFIXES = ("", "se", "ke", "di", "ber", "be", "ter", "me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng", "peny", "per")
SUFFIXES = ("", "an", "kan", "i", "nya", "lah", "in", "annya", "kannya", "inya", "innya", "ku", "mu")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=300)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_text import load_texts

    from trendlib.text import Stemmer
    from trendlib.text._stem import _root_words

    texts, where = load_texts()
    counts = collections.Counter(w for t in texts for w in re.findall(r"[a-z]+", t.lower()))
    roots = _root_words()
    stock = Stemmer(default_protected=False)
    rows = []
    for word, n in counts.items():
        if len(word) < 5 or n < 2:
            continue
        s = stock.stem(word)
        if s == word:
            continue
        alts = set()
        for p in PREFIXES:
            if not word.startswith(p):
                continue
            for x in SUFFIXES:
                if x and not word.endswith(x):
                    continue
                r = word[len(p): len(word) - len(x)]
                if len(r) > len(s) and r != s and r in roots and (p or x):
                    alts.add(f"{p}+{r}+{x}".strip("+"))
        if alts:
            rows.append((n, word, s, sorted(alts)))
    rows.sort(key=lambda r: -r[0])
    print(f"# {where}; {len(rows)} candidates", file=sys.stderr)
    for n, word, s, alts in rows[: args.top]:
        print(f"{n}\t{word}\t{s}\t{', '.join(alts)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
