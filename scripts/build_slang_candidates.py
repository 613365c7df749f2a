"""Print slang candidates: frequent word tokens of real Indonesian tweets that are not words.

Usage::

    TRENDLIB_DATA_HOME=/path/to/data python scripts/build_slang_candidates.py [--top 1500]
        [--all] [--min-count 3]

Reads the tweet text columns of the tweet datasets found in the data home (files are
read in place, never copied), tokenises them with trendlib's tokenizer, lowercases the
word tokens (no slang mapping, no elongation reduction) and counts the ones that are not
in ``trendlib.text._words.known_words()``. Prints ``count<TAB>form<TAB>current mapping``
(``-`` when our slang map has no entry), most frequent first. Forms that
``trendlib.text.stem`` reduces to a known root (standard derived words such as
``makanan``) are left out unless ``--keep-derived``. With ``--all`` also forms already
mapped are printed; by default only unmapped ones.

The slang map ``trendlib/text/data/slang.tsv`` was written by hand from this list: each
form was looked at in context and mapped to its standard Indonesian form, or left out when
it is a name, an English word, a typo of no use or ambiguous.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter
from pathlib import Path

# (folder, file pattern, text column)
SOURCES = [
    ("tweets_danantara_2025", "*.csv", "full_text"),
    ("tweets_kipk_2024", "*.csv", "full_text"),
    ("tweets_petualangansherina2_2023", "*.csv", "full_text"),
    ("tweets_mbg_2025", "*.csv", "reply_text"),
    ("tweets_corona_jakarta_2020", "crawling_twitter_jakarta_26.csv", "tweets"),
    ("tweets_ikn_nusantara_2022", "nusantara_tweets.csv", "tweets"),
    ("tweets_pemilu2019_jokowi_prabowo", "data_*.csv", "text"),
    ("tweets_ppkm_2021_sample", "*.csv", "message"),
    ("idsa_sentiment", "*.tsv", "Tweet"),
    ("indonlu_smsa", "train_preprocess.tsv", 0),
]


def iter_texts(home: Path):
    csv.field_size_limit(sys.maxsize)
    for folder, pattern, column in SOURCES:
        for path in sorted((home / folder).glob(pattern)):
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", errors="replace")
            lines = text.splitlines()
            first = lines[0] if lines else ""
            delim = "\t" if path.suffix == ".tsv" else (";" if first.count(";") > first.count(",") else ",")
            reader = csv.reader(lines, delimiter=delim)
            if isinstance(column, int):
                for row in reader:
                    if len(row) > column:
                        yield row[column]
                continue
            header = next(reader, [])
            if column not in header:
                print(f"# skipped {path}: no column {column!r}", file=sys.stderr)
                continue
            idx = header.index(column)
            for row in reader:
                if len(row) > idx:
                    yield row[idx]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=1500)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--all", action="store_true", help="also list forms already mapped")
    ap.add_argument(
        "--keep-derived",
        action="store_true",
        help="also list forms that trendlib.text.stem reduces to a known root (makanan)",
    )
    args = ap.parse_args(argv)
    home = os.environ.get("TRENDLIB_DATA_HOME")
    if not home or not Path(home).is_dir():
        print("Set TRENDLIB_DATA_HOME to the folder with the real datasets.", file=sys.stderr)
        return 2
    from trendlib.text import tokens
    from trendlib.text._slang import _builtin_slang
    from trendlib.text._words import known_words

    from trendlib.text import stem

    known, slang = known_words(), _builtin_slang()
    counts: Counter = Counter()
    n = 0
    for text in iter_texts(Path(home)):
        n += 1
        for t in tokens(text):
            if t.kind == "word":
                w = t.text.lower()
                if w not in known and w.isalpha():
                    counts[w] += 1
    print(f"# {n} texts; {len(counts)} distinct non-word forms", file=sys.stderr)
    shown = 0
    for form, c in counts.most_common():
        if c < args.min_count or shown >= args.top:
            break
        if not args.keep_derived and form not in slang:
            root = stem(form)
            if root != form and root in known:
                continue  # a standard derived form: makanan, pembangunan
        mapped = slang.get(form)
        if mapped is None or args.all:
            print(f"{c}\t{form}\t{mapped or '-'}")
            shown += 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
