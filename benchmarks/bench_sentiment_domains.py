"""Cross-domain sentiment benchmark: train on each domain, test on each (one command).

    TRENDLIB_DATA_HOME=/path/to/data python benchmarks/bench_sentiment_domains.py [--quick]

Protocol
--------
* Training sets (``scripts/train_classifier.py``): SmSA train (reviews), EmoT train+valid
  (2018 tweets, emotions mapped to polarity: happy/love positive, the rest negative),
  emoji-labelled unlabeled tweets of the data home (distant supervision), tweets the
  lexicon+rules scorer labels with confidence (self-training), and all of them together
  (the shipped ``pretrained()`` configuration). Every text that also occurs in
  a test set (lower-cased, punctuation stripped) is removed from training first.
* Test sets, **binary macro-F1** (positive vs negative; neutral gold rows dropped): SmSA
  test, EmoT test (happy/love vs the rest), NusaX-id test without SmSA overlap, Pilkada
  DKI 2017 tweets, IDSA tweets, the rizalespe TV/cellular/film tweets. A trained model's
  binary decision is the larger of its positive and negative probabilities; the
  lexicon+rules scorer's is the sign of the polarity (0, no opinion found, counts as a
  miss). Pilkada and IDSA are never used for training or for choosing anything.
* Systems per training set: ``TF-IDF+LR`` (scikit-learn word 1-2-gram + char_wb 2-5-gram
  TF-IDF, sublinear tf, min_df 2, LogisticRegression C=10) and ``SentimentClassifier``
  with the shipped configuration. Also ``lexicon+rules`` and the two shipped models.
* Last lines: the issue's targets (>= 0.72 on Pilkada and IDSA for the better scorer,
  >= TF-IDF+LR on the same training data + 0.05; EmoT >= 0.80; SmSA 3-class >= 0.817).

``--quick`` trains only on "all (shipped)" (the shipped configuration).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def tfidf_lr():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    return make_pipeline(
        make_union(
            TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2),
            TfidfVectorizer(sublinear_tf=True, analyzer="char_wb", ngram_range=(2, 5), min_df=2),
        ),
        LogisticRegression(C=10.0, max_iter=1000),
    )


def binary_f1(model, data: pd.DataFrame) -> float:
    from sklearn.metrics import f1_score

    texts = list(data.text)
    if hasattr(model, "predict_proba"):
        p = model.predict_proba(texts)
        cl = list(model.classes_)
        pred = np.where(p[:, cl.index("positive")] >= p[:, cl.index("negative")], "positive", "negative")
    else:
        pred = model(texts)
    return float(f1_score(data.label, pred, labels=["positive", "negative"], average="macro"))


def lexicon_rules(texts, hashtags: str = "keep"):
    from trendlib.sentiment import add_sentiment

    pol = add_sentiment(pd.DataFrame({"text": texts}), hashtags=hashtags)["polarity"].to_numpy()
    return np.where(pol > 0, "positive", np.where(pol < 0, "negative", "neutral"))


def lexicon_rules_segmented(texts):
    """The lexicon+rules scorer reading hashtags as words (``hashtags="segment"``, the report's reading)."""
    return lexicon_rules(texts, hashtags="segment")


def test_sets() -> dict[str, pd.DataFrame]:
    from train_classifier import _key, emot_polarity

    from trendlib.datasets import load_emot, load_idsa, load_nusax, load_smsa
    from trendlib.datasets._sentiment import load_rizalespe

    def binary(d):
        return d[d.label != "neutral"].reset_index(drop=True)

    smsa_keys = {_key(t) for s in ("train", "valid", "test") for t in load_smsa(s).text}
    nusax = load_nusax("test")
    return {
        "SmSA test": binary(load_smsa("test")),
        "EmoT test": emot_polarity(load_emot("test")),
        "NusaX-id clean": binary(nusax[[_key(t) not in smsa_keys for t in nusax.text]]),
        "Pilkada DKI 2017": load_rizalespe("pilkada"),
        "IDSA": binary(load_idsa()),
        "TV/cellular/film": pd.concat([load_rizalespe(n) for n in ("tv", "cellular", "film")], ignore_index=True),
    }


def political_dev() -> pd.DataFrame | None:
    """The political development set, neutral rows dropped (None without the data home)."""
    from trendlib.datasets._sentiment import load_political_dev
    from trendlib.exceptions import DataNotFoundError

    try:
        dev = load_political_dev()
    except DataNotFoundError:
        return None
    return dev[dev.label != "neutral"].reset_index(drop=True)[["text", "label"]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="train only the shipped configuration")
    args = ap.parse_args(argv)

    from train_classifier import MULTI_PARAMS, _key, development_keys, multi_domain_training

    from trendlib.datasets import load_smsa
    from trendlib.exceptions import DataNotFoundError
    from trendlib.sentiment import SentimentClassifier, evaluate

    try:
        tests = test_sets()
    except DataNotFoundError as exc:
        print(f"skipped: {exc}")
        return 0
    # the political development set is never a training text either (its kipk and
    # PrabowoGibran posts are in the licensed tweet folders the distant labels come from)
    keys = {_key(t) for d in tests.values() for t in d.text} | development_keys()
    dev = political_dev()
    if dev is not None:
        # our development set (a column for reference: choices are made on it, so it is
        # not a test set; the test sets stay the columns before it)
        tests["political dev (ours)"] = dev
    sets = multi_domain_training(keys)
    sets["all (shipped)"] = pd.concat(list(sets.values()), ignore_index=True)
    print("training sets (overlap with every test set removed):")
    for name, d in sets.items():
        print(f"  {name:24s} {len(d):6,d} texts {d.label.value_counts().to_dict()}")
    print("test sets (binary):", {k: len(v) for k, v in tests.items()}, flush=True)

    rows = []

    def score(system: str, train: str, model) -> None:
        row = {"system": system, "trained on": train}
        row.update({name: binary_f1(model, d) for name, d in tests.items()})
        rows.append(row)
        print(f"  {system:34s} {train:22s} " + " ".join(f"{row[n]:.3f}" for n in tests), flush=True)

    print("running (binary macro-F1 per test set, in the order above):", flush=True)
    score("lexicon+rules", "(SmSA-derived lexicon)", lexicon_rules)
    score("lexicon+rules, hashtags as words", "(SmSA-derived lexicon)", lexicon_rules_segmented)
    score("pretrained('smsa') (v0.1 model)", "SmSA train", SentimentClassifier.pretrained("smsa"))
    score("pretrained() (shipped)", "all (shipped)", SentimentClassifier.pretrained())
    names = ["all (shipped)"] if args.quick else list(sets)
    for name in names:
        d = sets[name]
        t = time.process_time()
        base = tfidf_lr().fit(list(d.text), list(d.label))
        score(f"TF-IDF+LR [{time.process_time() - t:.0f}s]", name, base)
        t = time.process_time()
        clf = SentimentClassifier(**MULTI_PARAMS).fit(list(d.text), list(d.label))
        score(f"SentimentClassifier [{time.process_time() - t:.0f}s]", name, clf)

    table = pd.DataFrame(rows)
    print()
    with pd.option_context("display.width", 220):
        print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))

    smsa3 = load_smsa("test")
    shipped = SentimentClassifier.pretrained()
    f3 = evaluate(shipped, smsa3.text, smsa3.label).macro_f1
    print(f"\nSmSA test 3-class macro-F1, pretrained(): {f3:.3f} (v0.1 model 0.817; target: no regression)")
    best = {t: max(table[table.system.str.startswith(s)][t].max() for s in ("lexicon", "pretrained()"))
            for t in ("Pilkada DKI 2017", "IDSA")}
    same = table[(table["trained on"] == "all (shipped)") & table.system.str.startswith("TF-IDF")]
    for t, v in best.items():
        peer = float(same[t].iloc[0]) if len(same) else float("nan")
        print(f"target {t}: better scorer {v:.3f} >= 0.72: {'met' if v >= 0.72 else 'NOT met'}; "
              f">= TF-IDF+LR same data {peer:.3f} + 0.05: {'met' if v >= peer + 0.05 else 'NOT met'}")
    emot = float(table[table.system.str.startswith("pretrained()")]["EmoT test"].iloc[0])
    print(f"target EmoT happy/love vs rest >= 0.80: {'met' if emot >= 0.80 else 'NOT met'} ({emot:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
