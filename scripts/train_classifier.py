"""Train the shipped SentimentClassifier on IndoNLU SmSA train (Apache-2.0).

Usage (from the repository root)::

    TRENDLIB_DATA_HOME=/path/to/data python scripts/train_classifier.py          # train + save
    TRENDLIB_DATA_HOME=/path/to/data python scripts/train_classifier.py --select # grid on valid first

Writes ``trendlib/sentiment/data/classifier_smsa.npz`` (or ``--out``). Hyper-parameters are
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
      for c in (10.0, 30.0, 100.0) for w in (1.0, 2.0)),
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
    args = parser.parse_args(argv)
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
