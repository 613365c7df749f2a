"""Train the shipped SentimentClassifier models.

Usage (from the repository root)::

    TRENDLIB_DATA_HOME=/path/to/data python scripts/train_classifier.py --multi   # the default model
    TRENDLIB_DATA_HOME=/path/to/data python scripts/train_classifier.py          # SmSA-only model
    TRENDLIB_DATA_HOME=/path/to/data python scripts/train_classifier.py --select # grid on valid first

``--multi`` writes ``trendlib/sentiment/data/classifier_multi.npz``, the model of
``SentimentClassifier.pretrained()``: trained on more than one domain (see
:func:`multi_domain_training`): IndoNLU SmSA train (reviews; Apache-2.0), IndoNLU EmoT
train+valid (2018 tweets; Apache-2.0; happy/love -> positive, anger/sadness/fear ->
negative) and emoji distant supervision on the data home's unlabeled real tweets
(:func:`trendlib.sentiment._distant.emoji_labels`) and self-training on the tweets the
lexicon+rules scorer reads with confidence (``lexicon_labels``); only the fitted weights
ship. Every
text that also occurs in an evaluation set (SmSA valid/test, EmoT test, NusaX-id, IDSA,
the rizalespe sets; lower-cased, punctuation stripped) is removed first. NusaX-id (CC
BY-SA) is not used. The posts of the political development set
(:func:`trendlib.datasets._sentiment.load_political_dev`) are never training rows either;
the script prints the model's scores on it (``dev_scores``), the set on which choices
about this model are made. ``--self-train CONF`` builds the development-set variant that
replaces the lexicon-labelled tweets by a first model's confident predictions (not the
shipped recipe; docs/sentiment_domains.md). Only SmSA labels neutral, so the multi-domain
model gets a neutral head fitted on the SmSA rows (``fit(..., neutral_rows=...)``).
``--neutral-head`` fits that head for the shipped ``classifier_multi.npz`` on SmSA train
(in the file's own features), leaving the rest of the file unchanged, and re-saves it.

Without ``--multi`` it writes ``trendlib/sentiment/data/classifier_smsa.npz`` (or ``--out``). Hyper-parameters are
the ones selected on the SmSA *valid* split (``--select`` re-runs that search and prints
the table); the test split is only scored at the end, never used to choose anything.
Only SmSA is used: NusaX-id (CC BY-SA) is not in the shipped weights.

``--select-nusax`` re-runs the search behind the clean NusaX-id configuration
(``lexicon="fit", min_df=1``): each candidate is scored on NusaX valid and by 5-fold
cross-validation over NusaX train+valid; nothing is saved and NusaX test is not read.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trendlib.datasets import load_smsa  # noqa: E402
from trendlib.sentiment import SentimentClassifier, evaluate  # noqa: E402

# selected on the SmSA valid split by --select (see docs/sentiment_classifier.md)
PARAMS = {"C": 30.0, "class_weight": None, "min_df": 2, "lexicon_weight": 1.0}
GRID = {
    "C": [10.0, 30.0, 100.0],
    "class_weight": [None, "balanced"],
    "min_df": [1, 2],
    "lexicon_weight": [1.0, 2.0],
}


def select(train, valid) -> dict:
    rows = []
    keys = list(GRID)
    for values in itertools.product(*(GRID[k] for k in keys)):
        params = dict(zip(keys, values))
        t = time.perf_counter()
        clf = SentimentClassifier(**params).fit(train.text, train.label)
        res = evaluate(clf, valid.text, valid.label)
        rows.append((res.macro_f1, params))
        print(f"valid macro-F1 {res.macro_f1:.4f}  {params}  ({time.perf_counter() - t:.0f}s)", flush=True)
    best = max(rows, key=lambda r: r[0])
    print("best on valid:", json.dumps(best[1]), f"{best[0]:.4f}")
    return best[1]


NUSAX_GRID = [
    {"lexicon": None, "min_df": 2},
    {"lexicon": "fit", "min_df": 2},
    *({"lexicon": "fit", "min_df": 1, "C": c, "lexicon_weight": w}
      for c in (10.0, 30.0, 100.0) for w in (0.25, 0.5, 1.0, 2.0)),
]


def select_nusax() -> None:
    import numpy as np
    import pandas as pd
    from sklearn.model_selection import StratifiedKFold

    from trendlib.datasets import load_nusax

    train, valid = load_nusax("train"), load_nusax("valid")
    both = pd.concat([train, valid], ignore_index=True)
    folds = list(StratifiedKFold(5, shuffle=True, random_state=0).split(both.text, both.label))
    for params in NUSAX_GRID:
        clf = SentimentClassifier(**params).fit(train.text, train.label)
        v = evaluate(clf, valid.text, valid.label).macro_f1
        cv = np.mean([
            evaluate(SentimentClassifier(**params).fit(both.text[a], both.label[a]),
                     both.text[b], both.label[b]).macro_f1
            for a, b in folds
        ])
        print(f"NusaX valid {v:.4f}  cv(train+valid) {cv:.4f}  {params}", flush=True)


# chosen on the cross-domain table (docs/sentiment_domains.md): C=3 generalises across
# domains better than the SmSA-selected C=30 (the in-domain SmSA valid score barely moves)
MULTI_PARAMS = {"C": 3.0, "class_weight": None, "min_df": 2, "lexicon_weight": 1.0}


def _key(text: str) -> str:
    import re

    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def evaluation_keys() -> set[str]:
    """Normalised texts of every evaluation set in the data home (kept out of training).

    Includes the political development set (:func:`development_keys`): a development
    text used as a distant-supervision training row would flatter the dev numbers.
    """
    from trendlib.datasets import load_emot, load_idsa, load_nusax
    from trendlib.datasets._sentiment import load_rizalespe
    from trendlib.exceptions import DataNotFoundError

    keys: set[str] = set()
    loaders = [lambda: load_smsa("valid"), lambda: load_smsa("test"), lambda: load_emot("test"), load_idsa,
               *(lambda s=s: load_nusax(s) for s in ("train", "valid", "test")),
               *(lambda n=n: load_rizalespe(n) for n in ("pilkada", "cellular", "tv", "film"))]
    for load in loaders:
        try:
            keys.update(_key(t) for t in load().text)
        except DataNotFoundError:
            continue
    return keys | development_keys()


def development_keys() -> set[str]:
    """Normalised texts of the political development set (never a training text either)."""
    from trendlib.datasets._sentiment import load_political_dev
    from trendlib.exceptions import DataNotFoundError

    try:
        return {_key(t) for t in load_political_dev().text}
    except DataNotFoundError:
        return set()


def emot_polarity(frame):
    """EmoT emotions as polarity: happy/love -> positive, anger/sadness/fear -> negative."""
    import numpy as np

    out = frame[["text"]].copy()
    out["label"] = np.where(frame["label"].isin(["happy", "love"]), "positive", "negative")
    return out


def unlabeled_tweets() -> list[str]:
    """Distinct texts of the data home's permissively licensed tweet sets (``_licensed.py``)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _licensed import licensed_tweet_texts

    return licensed_tweet_texts()


def multi_domain_training(keys: set[str] | None = None) -> dict:
    """The training sets of the multi-domain model, overlap with evaluation sets removed."""
    import pandas as pd

    from trendlib.datasets import load_emot
    from trendlib.sentiment._distant import emoji_labels, lexicon_labels

    keys = evaluation_keys() if keys is None else keys
    tweets = unlabeled_tweets()
    sets = {
        "SmSA train": load_smsa("train")[["text", "label"]],
        "EmoT train+valid": emot_polarity(pd.concat([load_emot("train"), load_emot("valid")])),
        "emoji-labelled tweets": emoji_labels(tweets),
        "lexicon-labelled tweets": lexicon_labels(tweets),
    }
    return {k: d[[_key(t) not in keys for t in d.text]].reset_index(drop=True) for k, d in sets.items()}


def add_neutral_head(path: Path) -> int:
    """Fit the neutral head of the model in ``path`` on SmSA train and re-save the file.

    The model's own weights, columns and IDF stay as they are (so its positive-vs-negative
    decisions do not change); ``neutral_C`` is the model's (1000, chosen on SmSA valid:
    docs/sentiment_domains.md).
    """
    clf = SentimentClassifier.load(path)
    keys = evaluation_keys()
    train, valid = load_smsa("train"), load_smsa("valid")
    train = train[[_key(t) not in keys for t in train.text]]  # as in multi_domain_training
    before = evaluate(clf, valid.text, valid.label).macro_f1
    dev_before = dev_scores(clf)
    clf._add_neutral_head(list(train.text), list(train.label))
    print(f"neutral head (C={clf.neutral_C:g}) fitted on SmSA train ({len(train):,} texts)")
    print(f"SmSA valid: macro-F1 {before:.4f} -> {evaluate(clf, valid.text, valid.label).macro_f1:.4f}")
    dev = dev_scores(clf)
    if dev is not None:
        print(f"political development set: binary {dev_before[0]:.4f} -> {dev[0]:.4f}, "
              f"3-class {dev_before[1]:.4f} -> {dev[1]:.4f}")
    path = clf.save(path)
    print(f"saved {path} ({path.stat().st_size / 2**20:.2f} MiB)")
    return 0


def neutral_shift(clf, valid, grid=tuple(x / 4 for x in range(13))) -> float:
    """Shift the neutral class's intercept by the value of ``grid`` best on SmSA valid.

    Only SmSA has a neutral class, and it is 3% of the pooled training texts against 10%
    of SmSA (the distant and EmoT rows are all positive or negative), so the pooled model
    under-predicts neutral. Moving the neutral intercept is the prior-shift correction
    (Saerens, Latinne & Decaestecker 2002); it leaves the positive-vs-negative decision
    untouched. Chosen on SmSA valid, ties to the smaller shift; modifies ``clf``. Used by
    the self-training teacher; the shipped model has a neutral head instead.
    """
    import numpy as np
    from sklearn.metrics import f1_score

    classes = list(clf.classes_)
    k = classes.index("neutral")
    scores = clf.decision_function(list(valid.text))
    best, best_f1 = 0.0, -1.0
    for d in grid:
        pred = np.asarray(classes)[np.argmax(scores + d * (np.arange(len(classes)) == k), axis=1)]
        f1 = f1_score(valid.label, pred, average="macro")
        if f1 > best_f1 + 1e-9:
            best, best_f1 = d, f1
    clf.intercept_ = clf.intercept_.copy()
    clf.intercept_[k] += np.float32(best)
    return best


def dev_scores(clf) -> tuple[float, float] | None:
    """Binary (positive vs negative) and 3-class macro-F1 on the political development set.

    The set on which choices about the multi-domain model are made (never Pilkada or
    IDSA); ``None`` without the data home. The binary decision is the larger of the
    positive and negative probabilities, as in ``benchmarks/bench_sentiment_domains.py``.
    """
    import numpy as np
    from sklearn.metrics import f1_score

    from trendlib.datasets._sentiment import load_political_dev
    from trendlib.exceptions import DataNotFoundError

    try:
        dev = load_political_dev()
    except DataNotFoundError:
        return None
    texts, gold = list(dev.text), dev.label.to_numpy()
    proba = clf.predict_proba(texts)
    cl = list(clf.classes_)
    binary = np.where(proba[:, cl.index("positive")] >= proba[:, cl.index("negative")], "positive", "negative")
    keep = gold != "neutral"
    f_bin = f1_score(gold[keep], binary[keep], average="macro")
    return float(f_bin), float(f1_score(gold, clf.predict(texts), average="macro"))


def self_labelled(clf, texts: list[str], *, min_confidence: float):
    """The positive/negative predictions of ``clf`` on ``texts`` at ``min_confidence`` or more."""
    import numpy as np
    import pandas as pd

    proba = clf.predict_proba(texts)
    label = np.asarray(clf.classes_)[proba.argmax(axis=1)]
    keep = (proba.max(axis=1) >= min_confidence) & (label != "neutral")
    return pd.DataFrame({"text": np.asarray(texts, dtype=object)[keep], "label": label[keep]})


def _fit_shifted(train, valid):
    clf = SentimentClassifier(**MULTI_PARAMS).fit(list(train.text), list(train.label))
    return clf, neutral_shift(clf, valid)


def train_multi(out: Path, *, self_train: float | None = None) -> int:
    import numpy as np
    import pandas as pd

    keys = evaluation_keys()
    sets = multi_domain_training(keys)
    for name, d in sets.items():
        print(f"{name:24s} {len(d):6,d} texts {d.label.value_counts().to_dict()}")
    valid = load_smsa("valid")
    if self_train is not None:
        # the development-set variant "self-training, replacing the lexicon labels"
        # (docs/sentiment_domains.md): a first model labels the licensed tweets
        teacher, _ = _fit_shifted(pd.concat(sets.values(), ignore_index=True), valid)
        pool = [t for t in unlabeled_tweets() if _key(t) not in keys]
        sets.pop("lexicon-labelled tweets")
        sets["self-labelled tweets"] = self_labelled(teacher, pool, min_confidence=self_train)
        d = sets["self-labelled tweets"]
        print(f"{'self-labelled tweets':24s} {len(d):6,d} texts {d.label.value_counts().to_dict()} "
              f"(confidence >= {self_train})")
    train = pd.concat(sets.values(), ignore_index=True)
    smsa_rows = np.concatenate([np.full(len(d), name == "SmSA train") for name, d in sets.items()])
    t = time.perf_counter()
    clf = SentimentClassifier(**MULTI_PARAMS).fit(list(train.text), list(train.label), neutral_rows=smsa_rows)
    print(f"trained on {len(train):,} texts in {time.perf_counter() - t:.0f}s: {MULTI_PARAMS}, "
          f"neutral head on the {int(smsa_rows.sum()):,} SmSA rows (C={clf.neutral_C:g})")
    print(f"SmSA valid: macro-F1 {evaluate(clf, valid.text, valid.label).macro_f1:.4f}")
    dev = dev_scores(clf)
    if dev is not None:
        print(f"political development set: binary macro-F1 {dev[0]:.4f}, 3-class {dev[1]:.4f}")
    path = clf.save(out)
    print(f"saved {path} ({path.stat().st_size / 2**20:.2f} MiB, {clf.columns_.size} columns)")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", action="store_true", help="grid-search on the valid split")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "trendlib" / "sentiment" / "data" / "classifier_smsa.npz"
    )
    parser.add_argument(
        "--select-nusax", action="store_true",
        help="only print the NusaX-id selection (valid + CV on train+valid); saves nothing",
    )
    parser.add_argument("--multi", action="store_true",
                        help="train the multi-domain default model (classifier_multi.npz)")
    parser.add_argument("--neutral-head", action="store_true",
                        help="fit the neutral head of the shipped classifier_multi.npz on SmSA train and re-save it")
    parser.add_argument("--self-train", type=float, metavar="CONF", default=None,
                        help="with --multi: replace the lexicon-labelled tweets by a first model's "
                             "predictions at this confidence (a development-set variant; not the shipped recipe)")
    args = parser.parse_args(argv)
    if args.self_train is not None and not (args.multi and 0.5 <= args.self_train < 1):
        parser.error("--self-train needs --multi and a confidence in [0.5, 1)")
    if args.neutral_head:
        return add_neutral_head(ROOT / "trendlib" / "sentiment" / "data" / "classifier_multi.npz")
    if args.multi:
        default = ROOT / "trendlib" / "sentiment" / "data" / "classifier_smsa.npz"
        out = args.out if args.out != default else default.with_name("classifier_multi.npz")
        return train_multi(out, self_train=args.self_train)
    if args.select_nusax:
        select_nusax()
        return 0

    train, valid, test = load_smsa("train"), load_smsa("valid"), load_smsa("test")
    params = select(train, valid) if args.select else dict(PARAMS)
    t = time.perf_counter()
    clf = SentimentClassifier(**params).fit(train.text, train.label)
    print(f"trained on SmSA train ({len(train)} texts) in {time.perf_counter() - t:.1f}s: {params}")
    for name, split in (("valid", valid), ("test", test)):
        res = evaluate(clf, split.text, split.label)
        print(f"SmSA {name}: macro-F1 {res.macro_f1:.4f}, accuracy {res.accuracy:.4f}")
    path = clf.save(args.out)
    print(f"saved {path} ({path.stat().st_size / 2**20:.2f} MiB, {clf.columns_.size} columns)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
