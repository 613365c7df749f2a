"""Mine the data home's unlabeled real tweets for frequent opinion words the lexicon lacks.

Usage (from the repository root)::

    TRENDLIB_DATA_HOME=/path/to/data python scripts/build_sentiment_gaps.py [--top 400] [--min-df 8]

Prints candidate words, most frequent first, with evidence for a reviewer: in how many
distinct tweets the word occurs (``df``), the mean lexicon polarity of those tweets
(the word itself is not in the lexicon, so this is the polarity of its company), and how
often it sits in tweets whose only emoji are clearly positive or clearly negative. Nothing
is written: a person reads the list (and example tweets, ``--show WORD``) and adds the
words that express an opinion to ``trendlib/sentiment/data/lexicon_curated.tsv`` with
provenance ``tweets-mined``; ``scripts/build_lexicon.py`` (or ``--apply``) carries them
into ``lexicon.tsv``. Which words were added, and why the others were not, is in
docs/sentiment_lexicon.md ("Gaps found on real tweets").

Candidates: words of the tweets (normalised by ``trendlib.text``) that are not in the
lexicon, not rule words (negators, contrast, boosters), not stopwords, not in
``lexicon_exclude.txt``, alphabetic and at least 4 letters long.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT / "trendlib" / "sentiment" / "data"


def tweets() -> list[str]:
    """Distinct texts of the data home's permissively licensed tweet sets (``_licensed.py``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _licensed import licensed_tweet_texts

    return licensed_tweet_texts()


def candidates(texts: list[str], *, min_df: int):
    from trendlib.sentiment import load_lexicon
    from trendlib.sentiment._lexicon import _emoji_table
    from trendlib.sentiment._rules import load_params, rule_words, score_tokens
    from trendlib.sentiment._scorer import analyse
    from trendlib.text import stopwords

    lex = load_lexicon()
    P = load_params()
    emoji = _emoji_table()
    skip = set(rule_words()[0]) | set(stopwords("topic")) | set(lex)
    for line in (DATA / "lexicon_exclude.txt").read_text(encoding="utf-8").splitlines():
        skip.update(line.split("#", 1)[0].split())
    df: Counter = Counter()
    pol: dict[str, float] = defaultdict(float)
    emo_pos: Counter = Counter()
    emo_neg: Counter = Counter()
    for text in texts:
        toks = analyse(text)
        p = score_tokens(toks, lex, P)
        ev = [emoji.get(t.norm, 0.0) for t in toks if t.kind in ("emoji", "emoticon")]
        ev = [v for v in ev if abs(v) >= 0.4]
        words = {w for t in toks if t.kind == "word" for w in t.base.split()}
        for w in words:
            if w in skip or len(w) < 4 or not w.isalpha():
                continue
            df[w] += 1
            pol[w] += p
            if ev and all(v > 0 for v in ev):
                emo_pos[w] += 1
            elif ev and all(v < 0 for v in ev):
                emo_neg[w] += 1
    rows = [(w, n, pol[w] / n, emo_pos[w], emo_neg[w]) for w, n in df.items() if n >= min_df]
    rows.sort(key=lambda r: -r[1])
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--top", type=int, default=400)
    ap.add_argument("--min-df", type=int, default=8)
    ap.add_argument("--show", help="print 8 random tweets holding this word")
    args = ap.parse_args(argv)
    texts = tweets()
    if args.show:
        hits = [t for t in texts if args.show in t.lower()]
        for t in random.Random(0).sample(hits, min(8, len(hits))):
            print("-", " ".join(t.split())[:200])
        return 0
    rows = candidates(texts, min_df=args.min_df)
    print(f"{len(texts):,} distinct tweets; {len(rows):,} candidate words with df >= {args.min_df}")
    print(f"{'word':22} {'df':>6} {'co-polarity':>11} {'emoji+':>6} {'emoji-':>6}")
    for w, n, p, a, b in rows[: args.top]:
        print(f"{w:22} {n:6d} {p:+11.3f} {a:6d} {b:6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
