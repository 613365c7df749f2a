"""Benchmark: sentiment scoring throughput on real tweets (one command).

    TRENDLIB_DATA_HOME=/path/to/data python benchmarks/bench_sentiment_tweets.py [--n 20000]

Texts: the distinct texts of every ``tweets_*/*.csv`` file in the data home (fallback: the
bundled sample), shuffled with a fixed seed. In one fresh process, after a one-off warm-up
that loads the lexicon, rule table and dictionaries, the hashtag segmenter's included
(``polarity("#MenolakLupa", hashtags="segment")``), each system scores
the first ``--n`` texts (every text new: the realistic cold case for a stream of tweets),
then the next ``--n`` (words partly seen). Each system runs in its own fresh Python
process, so none profits from text caches another system filled. Rates are posts per CPU second on one core.

Systems: trendlib's lexicon+rules scorer (``add_sentiment``), the same reading hashtags as
their words (``hashtags="segment"``, the report's reading), the same scorer with InSet
(when the data home has it), ``SentimentClassifier.pretrained().predict``, and the peer, a
plain TF-IDF + logistic regression pipeline fitted on SmSA train (when present) whose
``predict`` is timed on the same texts. The issue's targets: >= 20,000 posts/s for the
lexicon scorer and >= 10,000 posts/s for classifier prediction.
"""

from __future__ import annotations

import argparse
import glob
import os
import random
import time
import warnings


def _texts() -> list[str]:
    import trendlib as tl

    home = tl.datasets.get_data_home()
    texts: list[str] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in sorted(glob.glob(os.path.join(home, "tweets_*", "*.csv"))):
            try:
                texts += tl.read_posts(path)["text"].tolist()
            except Exception:  # files without posts (edge lists) are not tweets
                continue
        if not texts:
            texts = tl.datasets.load_sample_posts()["text"].tolist()
    texts = list(dict.fromkeys(t for t in texts if isinstance(t, str)))
    random.Random(0).shuffle(texts)
    return texts


def _rate(fn, texts) -> float:
    t = time.process_time()
    fn(texts)
    return len(texts) / max(time.process_time() - t, 1e-9)


def _build(name: str):
    """Load and warm up one system; return its ``texts -> labels`` function."""
    import pandas as pd

    import trendlib as tl
    from trendlib import sentiment

    # loads lexicon, rules and dictionaries (the hashtag segmenter's included) once
    sentiment.polarity("#MenolakLupa", hashtags="segment")
    if name == "lexicon+rules (ours)":
        return lambda xs: sentiment.add_sentiment(pd.DataFrame({"text": xs}))
    if name == "lexicon+rules, hashtags as words":
        return lambda xs: sentiment.add_sentiment(pd.DataFrame({"text": xs}), hashtags="segment")
    if name == "lexicon+rules with InSet":
        inset = tl.datasets.load_inset()
        sentiment.polarity("", lexicon=inset)
        return lambda xs: sentiment.add_sentiment(pd.DataFrame({"text": xs}), lexicon=inset)
    if name == "SentimentClassifier.pretrained()":
        clf = tl.SentimentClassifier.pretrained()
        clf.predict(["warm up #MenolakLupa"])
        return clf.predict
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    train = tl.datasets.load_smsa("train")
    peer = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                         LogisticRegression(max_iter=1000)).fit(train["text"], train["label"])
    return peer.predict


NAMES = ["lexicon+rules (ours)", "lexicon+rules, hashtags as words", "lexicon+rules with InSet",
         "SentimentClassifier.pretrained()",
         "peer: TF-IDF + LR (SmSA train)"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--system", help=argparse.SUPPRESS)  # internal: run one system, print JSON
    args = ap.parse_args()

    import json
    import subprocess
    import sys

    import trendlib as tl

    texts = _texts()
    n = min(args.n, len(texts) // 2)
    if args.system:
        fn = _build(args.system)
        print(json.dumps([_rate(fn, texts[:n]), _rate(fn, texts[n : 2 * n])]))
        return

    home = tl.datasets.get_data_home()
    names = [x for x in NAMES if (home / "inset_lexicon").is_dir() or "InSet" not in x]
    names = [x for x in names if (home / "indonlu_smsa").is_dir() or not x.startswith("peer")]
    rows = []
    for name in names:  # each system in a fresh process: no system profits from another's caches
        out = subprocess.run([sys.executable, __file__, "--n", str(args.n), "--system", name],
                             capture_output=True, text=True, check=True)
        a, b = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append((name, a, b))
    peer_rate = rows[-1][1] if rows[-1][0].startswith("peer") else None
    print(f"{len(texts):,} distinct real texts; timing {n:,} new + {n:,} next, posts per CPU second, one core")
    print(f"{'system':36} {'new texts':>10} {'next texts':>11} {'vs peer':>8}")
    for name, a, b in rows:
        ratio = f"{a / peer_rate:.2f}x" if peer_rate else "-"
        print(f"{name:36} {a:10,.0f} {b:11,.0f} {ratio:>8}")
    lex = rows[0][1]
    clf_rate = next(a for name, a, _ in rows if name.startswith("SentimentClassifier"))
    print(f"target lexicon scorer >= 20,000 posts/s: {'met' if lex >= 20_000 else 'NOT met'} ({lex:,.0f})")
    print(f"target classifier >= 10,000 posts/s: {'met' if clf_rate >= 10_000 else 'NOT met'} ({clf_rate:,.0f})")


if __name__ == "__main__":
    main()
