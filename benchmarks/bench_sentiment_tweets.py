"""Benchmark: sentiment scoring throughput on real tweets (one command).

    TRENDLIB_DATA_HOME=/path/to/data python benchmarks/bench_sentiment_tweets.py [--n 20000]

Texts: the distinct texts of every ``tweets_*/*.csv`` file in the data home (fallback: the
bundled sample), shuffled with a fixed seed. In one fresh process, after a one-off warm-up
that loads the lexicon, rule table and dictionaries (``polarity("")``), each system scores
the first ``--n`` texts (every text new: the realistic cold case for a stream of tweets),
then the next ``--n`` (words partly seen). Each system runs in a forked child of the
same warmed-up parent, so none profits from text caches another system filled. Rates are posts per CPU second on one core.

Systems: trendlib's lexicon+rules scorer (``add_sentiment``), the same scorer with InSet
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


_SYSTEMS: dict = {}
_TEXTS: tuple = ()


def _measure(name: str) -> tuple[float, float]:
    fn = _SYSTEMS[name]
    first, second = _TEXTS
    return _rate(fn, first), _rate(fn, second)


def main() -> None:
    global _SYSTEMS, _TEXTS
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    args = ap.parse_args()

    import pandas as pd

    import trendlib as tl
    from trendlib import sentiment

    texts = _texts()
    n = min(args.n, len(texts) // 2)
    first, second = texts[:n], texts[n : 2 * n]
    systems = _SYSTEMS
    _TEXTS = (first, second)
    sentiment.polarity("")  # loads lexicon, rules and dictionaries once
    systems["lexicon+rules (ours)"] = lambda xs: sentiment.add_sentiment(pd.DataFrame({"text": xs}))
    try:
        inset = tl.datasets.load_inset()
        sentiment.polarity("", lexicon=inset)
        systems["lexicon+rules with InSet"] = lambda xs: sentiment.add_sentiment(pd.DataFrame({"text": xs}), lexicon=inset)
    except tl.DataNotFoundError:
        pass
    clf = tl.SentimentClassifier.pretrained()
    clf.predict(["warm up"])
    systems["SentimentClassifier.pretrained()"] = clf.predict
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline

        train = tl.datasets.load_smsa("train")
        peer = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
                             LogisticRegression(max_iter=1000)).fit(train["text"], train["label"])
        systems["peer: TF-IDF + LR (SmSA train)"] = peer.predict
    except tl.DataNotFoundError:
        pass

    # each system runs in a forked child: all start from the same state (models loaded,
    # no text seen), so no system profits from caches another one filled
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    rows = []
    for name in systems:
        with ctx.Pool(1) as pool:
            rows.append((name, *pool.apply(_measure, (name,))))
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
