"""Rebuild trendlib/text/data/wordfreq_id.tsv, the unigram counts behind segment_hashtag().

Only count-level statistics (word -> number of occurrences) are written; no text.
Sources, all permissively licensed (provenance in docs/attribution.md and
docs/text_stem_segment.md):

* IndoNLU SmSA ``train_preprocess.tsv`` and EmoT ``train_preprocess.csv``
  (Apache-2.0): product reviews and tweets.
* Real tweets under the MIT licence: ``tweets_corona_jakarta_2020`` (both CSVs),
  ``tweets_kipk_2024/scraped_data.csv`` and ``tweets_prabowogibran2024_2023/*.csv``.
  Each distinct text is counted once (retweets and copies repeat texts); hashtags,
  mentions and URLs are removed first, so the counts hold words as written in running
  text, never ``prabowogibran2024``.
* Sastrawi 1.0.1 root words (``kata-dasar.txt``, MIT) read from the installed package:
  one extra count each, so a root never seen in the texts is still a (rare) word.
* The words of trendlib's own sentiment lexicon (``trendlib/sentiment/data/lexicon.tsv``):
  one extra count each.

Every lowercase ``a-z`` token of length >= 2 is counted; a word is kept when seen at
least ``--min-count`` times (2: drops most one-off typos). One correction: a word
spelled ``di``/``ke`` + X (``dirumah``, ``kejakarta``) whose two-word spelling ``di X``
is at least as frequent in the same texts is the preposition written together with
its noun, a common slip; its count goes to ``di``/``ke`` and X instead, so the
segmenter splits it (``#dirumahaja`` -> di rumah aja) while real prefixed verbs
(``dimakan``: rarely written ``di makan``) keep their counts. And a word of 9+ letters
that is two or three words each 5x more frequent written together (``aniesbaswedan``: SmSA keeps
hashtags without ``#``) is dropped, see :func:`drop_glued_compounds`.

Our own lists (``seg_words.txt``, ``seg_entities.txt``) are not folded in here:
segment_hashtag() merges them at load time, so editing them needs no rebuild.

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
_WORDS = re.compile(r"[^\W\d_]+")
_DROP = re.compile(r"https?://\S+|www\.\S+|[@#]\w+|&\w+;")

#: (folder, file glob, text column, delimiter) of the MIT / Apache-2.0 sources
SOURCES = (
    ("indonlu_smsa", "train_preprocess.tsv", 0, "\t"),
    ("indonlu_emot", "train_preprocess.csv", "tweet", ","),
    ("tweets_corona_jakarta_2020", "*.csv", "tweets", ","),
    ("tweets_kipk_2024", "scraped_data.csv", "full_text", ","),
    ("tweets_prabowogibran2024_2023", "*.csv", "full_text", ";"),
)


def read_texts(home: Path) -> dict[str, list[str]]:
    """Distinct texts of each source, keyed by folder name."""
    csv.field_size_limit(10**8)
    out: dict[str, list[str]] = {}
    for folder, pattern, column, delimiter in SOURCES:
        seen: dict[str, None] = {}
        for path in sorted((home / folder).glob(pattern)):
            with path.open(encoding="utf-8", errors="replace", newline="") as fh:
                if isinstance(column, int):
                    rows = csv.reader(fh, delimiter=delimiter, quoting=csv.QUOTE_NONE)
                    texts = (row[column] for row in rows if row)
                else:
                    rows = csv.DictReader(fh, delimiter=delimiter)
                    texts = (row.get(column) or "" for row in rows)
                for text in texts:
                    seen.setdefault(text, None)
        out[folder] = [t for t in seen if t.strip()]
        print(f"{folder}: {len(out[folder])} distinct texts", file=sys.stderr)
    return out


def count_words(texts: list[str]) -> tuple[collections.Counter, collections.Counter]:
    """Unigram counts and counts of the pairs ``di X`` / ``ke X``."""
    words: collections.Counter = collections.Counter()
    pairs: collections.Counter = collections.Counter()
    for text in texts:
        toks = [t for t in _WORDS.findall(_DROP.sub(" ", text).lower()) if _TOKEN.fullmatch(t)]
        words.update(toks)
        for a, b in zip(toks, toks[1:]):
            if a in ("di", "ke"):
                pairs[a + b] += 1
    return words, pairs


def sastrawi_roots() -> list[str]:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    roots = [w.strip() for w in StemmerFactory().get_words_from_file()]
    return sorted({w for w in roots if _TOKEN.fullmatch(w)})


def lexicon_words() -> list[str]:
    path = ROOT / "trendlib" / "sentiment" / "data" / "lexicon.tsv"
    out = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.split("\t", 1)[0].strip().lower()
            if not line.startswith("#") and _TOKEN.fullmatch(word):
                out.add(word)
    return sorted(out)


def split_joined_prepositions(counts: collections.Counter, pairs: collections.Counter) -> list[str]:
    """Move ``dirumah`` to ``di`` + ``rumah`` where ``di rumah`` is at least as common."""
    moved = []
    for word in list(counts):
        if word[:2] in ("di", "ke") and len(word) >= 6 and pairs[word] >= counts[word]:
            rest = word[2:]
            if counts.get(rest, 0) >= counts[word]:
                n = counts.pop(word)
                counts[word[:2]] += n
                counts[rest] += n
                moved.append(word)
    return moved


#: affixes that are also "words" of 3+ letters in the counts; never a part of a compound
_AFFIXES = frozenset({"kan", "lah", "nya", "pun", "kah", "ber", "ter", "per", "men", "mem", "meng", "peng", "pen", "pem", "nge"})


def _glued_split(word: str, counts: collections.Counter, floor: int, parts: int, first: bool = True) -> bool:
    """True if ``word`` is 2..``parts`` words of 3+ letters (not affixes), each seen >=
    ``floor`` times; a leading ``di``/``ke`` counts as a word when two words follow."""
    if parts == 1:
        return counts.get(word, 0) >= floor and len(word) >= 3 and word not in _AFFIXES
    if first and word[:2] in ("di", "ke") and _glued_split(word[2:], counts, floor, 2, False):
        return True
    for k in range(3, len(word) - 2):
        if word[:k] in _AFFIXES:
            continue
        if counts.get(word[:k], 0) >= floor and (
            (counts.get(word[k:], 0) >= floor and word[k:] not in _AFFIXES)
            or _glued_split(word[k:], counts, floor, parts - 1, False)
        ):
            return True
    return False


def drop_glued_compounds(
    counts: collections.Counter, *, keep: frozenset[str] = frozenset(), ratio: int = 5
) -> list[str]:
    """Drop words that are more frequent words written together (``aniesbaswedan``).

    SmSA's preprocessing strips ``#``, so hashtags of names and slogans survive as
    "words" (``menangbersamarakyat``); left in, they make a hashtag stay whole because
    it is already "known". A word of 9+ letters that splits into two or three words of
    3+ letters (``-kan``, ``ber-``... are not words here; ``di``/``ke`` may lead: ``dirumahaja``),
    each at least ``ratio`` times as frequent as the whole, is a glued
    compound: removed, unless it is in ``keep`` (Sastrawi's root words, e.g.
    ``barangkali``, ``daripada``). Checked longest first against the counts as they are.
    """
    dropped = []
    for word, n in sorted(counts.items(), key=lambda kv: -len(kv[0])):
        if len(word) < 9 or word in keep:
            continue
        if _glued_split(word, counts, ratio * n, 3):
            del counts[word]
            dropped.append(word)
    return dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    from trendlib.datasets._home import get_data_home

    home = get_data_home()
    counts: collections.Counter = collections.Counter()
    pairs: collections.Counter = collections.Counter()
    for folder, texts in read_texts(home).items():
        w, p = count_words(texts)
        counts.update(w)
        pairs.update(p)
    counts = collections.Counter({w: c for w, c in counts.items() if c >= args.min_count})
    moved = split_joined_prepositions(counts, pairs)
    print(f"joined prepositions split: {len(moved)} (e.g. {', '.join(sorted(moved)[:8])})", file=sys.stderr)
    roots = sastrawi_roots()
    glued = drop_glued_compounds(counts, keep=frozenset(roots))
    print(f"glued compounds dropped: {len(glued)} (e.g. {', '.join(sorted(glued)[:8])})", file=sys.stderr)
    lex = lexicon_words()
    for w in roots:
        counts[w] += 1
    for w in lex:
        counts[w] += 1
    print(f"Sastrawi roots: {len(roots)}; lexicon words: {len(lex)}; output: {len(counts)} words",
          file=sys.stderr)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("word\tcount\n")
        for word, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{word}\t{count}\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
