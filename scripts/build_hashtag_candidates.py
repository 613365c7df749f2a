"""List real lowercase hashtags of the data home, to annotate by hand.

Reads the tweet text columns of ``tweets_*/*.csv`` and IDSA in place (nothing is
copied), counts each hashtag and keeps those that at least one author typed in
lowercase (that is how ``posts["hashtags"]`` stores every tag, so these are the cases
where no casing helps). Prints ``tag<TAB>count<TAB>current segmentation`` by
frequency; ``tests/data/text_hashtags_lowercase.tsv`` was written from this list by
reading each tag and writing its words by hand (spam tags and tags whose split is a
matter of taste were skipped).

Usage::

    TRENDLIB_DATA_HOME=/path/to/data python scripts/build_hashtag_candidates.py [--top 400]
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT_COLUMNS = ("full_text", "text", "tweets", "tweet", "Tweet", "content", "rawContent")
_TAG = re.compile(r"(?<![\w&#])#(\w+)")


def texts(home: Path):
    csv.field_size_limit(10**8)
    paths = sorted(home.glob("tweets_*/*.csv")) + sorted(home.glob("idsa_sentiment/*.tsv"))
    for path in paths:
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            header = fh.readline()
            fh.seek(0)
            sep = "\t" if path.suffix == ".tsv" else (";" if header.count(";") > header.count(",") else ",")
            reader = csv.DictReader(fh, delimiter=sep)
            col = next((c for c in (reader.fieldnames or []) if c in TEXT_COLUMNS), None)
            if col is None:
                continue
            for row in reader:
                yield row.get(col) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=400)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from trendlib.datasets._home import get_data_home
    from trendlib.text import segment_hashtag

    counts: collections.Counter = collections.Counter()
    lower_typed: set[str] = set()
    for text in texts(get_data_home()):
        for tag in _TAG.findall(text):
            counts[tag.lower()] += 1
            if tag == tag.lower():
                lower_typed.add(tag)
    shown = 0
    for tag, n in counts.most_common():
        if tag in lower_typed and tag.isascii() and any(c.isalpha() for c in tag) and len(tag) >= 4:
            print(f"{tag}\t{n}\t{' '.join(segment_hashtag(tag))}")
            shown += 1
            if shown >= args.top:
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
