"""Rebuild trendlib's sentiment lexicon and fit the rule weights.

Usage (from the repository root; about 3 minutes on one core)::

    TRENDLIB_DATA_HOME=/path/to/data python scripts/build_lexicon.py [--no-fit]

Reads IndoNLU SmSA train and valid and IndoNLU EmoT train (Apache-2.0) from the data home;
never a test split, never NusaX, never InSet. Writes

* ``trendlib/sentiment/data/lexicon.tsv``: ``word, score, provenance, docs`` where score is
  in [-1, 1]. ``smsa-train`` entries are word valences estimated from SmSA train (below);
  ``curated`` entries come from ``data/lexicon_curated.tsv`` (our own slang,
  multi-word expressions and words SmSA does not support); where SmSA train supports a
  curated word, its estimate is used instead. Words in ``data/lexicon_exclude.txt``
  (topic words that are not sentiment: places, venues, dishes, brands, people, function
  words, and identity terms: religions, ethnic groups, gender) and the rule words
  (negators, contrast, boosters) are left out.
* ``trendlib/sentiment/data/rules.json``: the rule weights. Starting with every rule
  switched off, coordinate ascent on the macro-F1 of **out-of-fold** SmSA train predictions
  (5 folds: the lexicon is re-estimated on 4/5 and the rules scored on the held-out 1/5),
  ties broken by the positive-vs-negative AUC of the polarity; the emphasis weights
  (elongation, ALL CAPS, reduplication, ``!``) on the AUC over EmoT train tweets
  (happy/love positive, anger/sadness/fear negative), since SmSA is lower-cased reviews.
  SmSA valid is reported (and was used to choose the lexicon options ``LEX_OPTS``).

Word valence: texts are clustered into ``n_topics`` unsupervised topics (k-means on TF-IDF,
no labels). Within a topic ``t``, ``n_c`` = documents of class ``c`` containing the word (a
word in a negator's window counts for nothing), ``N_c`` = documents of class ``c``,
``r_c = (n_c + k (N_c + 1) / (N_t + 3)) / (N_c + 1)`` (a class-balanced rate shrunk with
``k`` pseudo-documents), valence_t = ``(r_pos - r_neg) / sum(r)``; the word's valence is the
mean of valence_t weighted by its documents per topic, so a word merely frequent in a
mostly-positive topic gets none. Kept when the word is in at least ``min_df`` documents and
``|valence| >= min_abs``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trendlib.datasets import load_emot, load_smsa  # noqa: E402
from trendlib.sentiment._lexicon import Lexicon, _normalise_key, _read_tsv  # noqa: E402
from trendlib.sentiment._rules import Params, rule_words, score_tokens  # noqa: E402
from trendlib.sentiment._scorer import analyse  # noqa: E402

DATA = ROOT / "trendlib" / "sentiment" / "data"
CLASSES = ("positive", "negative", "neutral")
LEX_OPTS = {"k": 5.0, "min_df": 3, "min_abs": 0.3, "n_topics": 12}  # chosen on SmSA valid
# search grid of each weight (coordinate ascent; thresholds are optimised inside each step)
GRID = {
    "negation_scalar": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5],
    "negation_window": [1, 2, 3, 4],
    "contrast_before": [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0],
    "contrast_after": [1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.5],
    "concessive_clause": [0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
    "booster_increment": [0.0, 0.1, 0.15, 0.2, 0.25, 0.35, 0.45, 0.6],
    "dampener_factor": [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
    "length_power": [0.0, 0.25, 0.5, 0.75, 1.0],
}
# emphasis weights: SmSA is lower-cased review text, so they are fitted on EmoT train
# (IndoNLU, Apache-2.0: real tweets with their casing, elongation and '!'), on the AUC of
# polarity between positive (happy, love) and negative (anger, sadness, fear) tweets
EMPHASIS_GRID = {
    "elongation": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4],
    "caps": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4],
    "reduplication": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4],
    "exclamation": [0.0, 0.05, 0.1, 0.15, 0.2, 0.3],
}
EMPHASIS_PRIOR = {"elongation": 0.15, "caps": 0.2, "reduplication": 0.1, "exclamation": 0.1}
EMOT_POLARITY = {"happy": "positive", "love": "positive", "anger": "negative", "sadness": "negative",
                 "fear": "negative"}
START = {
    "negation_scalar": 1.0, "negation_window": 1, "contrast_before": 1.0, "contrast_after": 1.0,
    "concessive_clause": 1.0, "booster_increment": 0.0, "dampener_factor": 1.0, "reduplication": 0.0,
    "elongation": 0.0, "exclamation": 0.0, "caps": 0.0, "length_power": 0.0,
}
# a weight moves only when out-of-fold macro-F1 gains at least this (not on noise)
MIN_GAIN = 0.001
AUC_GAIN = 0.0005
# weights set by hand, with the reason (documented in rules.json)
PRIORS = {"exclamation_cap": 3, "booster_decay": 0.8, "alpha": 1.0, "news_factor": 0.0}
PRIOR_REASONS = {
    "exclamation_cap": "set by hand: at most 3 '!' count, as in VADER",
    "booster_decay": "set by hand: a booster two words away counts 0.8 of an adjacent one",
    "alpha": "squash constant: rescales polarity monotonically, so no rank- or sign-based fit sees it",
    "news_factor": "set by hand: a post in news register (trendlib/sentiment/_register.py) reports, it does "
    "not judge: polarity x0 (neutral); see docs/sentiment_topic.md",
}


def tokenised(texts):
    return [analyse(t) for t in texts]


def negated_mask(toks, window: int) -> list[bool]:
    single, _ = rule_words()
    out, left = [], 0
    for t in toks:
        role = single.get(t[0], ("",))[0]
        if t[1] == "punct" or role in ("contrast", "concessive"):
            left = 0
            out.append(False)
            continue
        if role == "negator":
            left = window
            out.append(False)
            continue
        out.append(left > 0)
        left = max(0, left - 1)
    return out


def topics(texts, n_topics: int, seed: int = 0) -> np.ndarray:
    """Unsupervised topic of each text (k-means on TF-IDF; labels are not used)."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(min_df=5, max_df=0.5, sublinear_tf=True).fit_transform(texts)
    return KMeans(n_topics, n_init=3, random_state=seed).fit_predict(X)


def estimate(docs, labels, topic, exclude, *, k, min_df, min_abs, **_) -> dict[str, tuple[float, int]]:
    """word -> (valence, documents) from tokenised documents with labels and topics.

    Within each topic the three classes are re-weighted to equal size, so a word that is
    merely frequent in a mostly-positive topic (restaurant reviews) gets no valence from
    that; the topic valences are averaged with the word's document counts as weights.
    """
    single, _ = rule_words()
    skip = {w for w, (role, _) in single.items() if role not in ("dampener", "opener")} | exclude
    n_tc = Counter(zip(topic, labels))
    counts: dict[str, Counter] = {}
    for toks, y, t in zip(docs, labels, topic):
        mask = negated_mask(toks, 3)
        seen = {x[4] if x[2] & 4 else x[0] for x, neg in zip(toks, mask) if not neg and x[1] == "word"}
        for w in seen:
            counts.setdefault(w, Counter())[(t, y)] += 1
    out = {}
    for w, c in counts.items():
        df = sum(c.values())
        if df < min_df or w in skip or not any(ch.isalpha() for ch in w) or len(w) < 2:
            continue
        num = 0.0
        for t in {t for t, _ in c}:
            n_t = sum(n_tc[(t, cl)] for cl in CLASSES)
            r = {
                cl: (c[(t, cl)] + k * (n_tc[(t, cl)] + 1) / (n_t + 3)) / (n_tc[(t, cl)] + 1)
                for cl in CLASSES
            }
            df_t = sum(c[(t, cl)] for cl in CLASSES)
            num += df_t * (r["positive"] - r["negative"]) / sum(r.values())
        val = num / df
        if abs(val) >= min_abs:
            out[w] = (round(val, 3), df)
    return out


def read_curated() -> tuple[dict[str, float], dict[str, str]]:
    scores, prov = _read_tsv((DATA / "lexicon_curated.tsv").read_text(encoding="utf-8"), "lexicon_curated.tsv")
    norm, nprov = {}, {}
    for w, s in scores.items():
        k = _normalise_key(w)
        norm[k] = s
        nprov[k] = prov.get(w, "curated")  # "curated" or "tweets-mined" (the file's column)
    return norm, nprov


def read_exclude() -> set[str]:
    from trendlib.text import stopwords

    out = set(stopwords("sentiment"))
    for line in (DATA / "lexicon_exclude.txt").read_text(encoding="utf-8").splitlines():
        for word in line.split("#", 1)[0].split():
            out.add(word)
            out.add(_normalise_key(word) or word)
    return out


def make_lexicon(docs, labels, topic, exclude, curated) -> Lexicon:
    est = estimate(docs, labels, topic, exclude, **LEX_OPTS)
    scores = dict(curated)
    scores.update({w: v for w, (v, _) in est.items()})  # the data wins where it has support
    return Lexicon(scores, scale=1.0, normalize_keys=False)


def macro_f1(y_true, y_pred) -> float:
    f = []
    for c in CLASSES:
        tp = sum(1 for a, b in zip(y_true, y_pred) if a == c and b == c)
        fp = sum(1 for a, b in zip(y_true, y_pred) if a != c and b == c)
        fn = sum(1 for a, b in zip(y_true, y_pred) if a == c and b != c)
        f.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f) / 3


def best_thresholds(scores, labels) -> tuple[float, float, float]:
    """Thresholds (neg, pos) maximising macro-F1 over a grid of score quantiles."""
    s = np.asarray(scores, dtype=float)
    y = np.array([CLASSES.index(v) for v in labels])
    cand = np.unique(np.round(np.concatenate([[0.0], np.quantile(s, np.linspace(0.01, 0.99, 61))]), 4))
    best = (-1.0, 0.0, 0.0)
    his = cand[cand >= 0]
    pos_hi = (s[None, :] > his[:, None])  # (n_hi, n)
    for lo in cand[cand <= 0]:
        neg = s < lo
        for j, hi in enumerate(his):
            pred = np.where(pos_hi[j], 0, np.where(neg, 1, 2))
            f = 0.0
            for c in range(3):
                tp = np.count_nonzero((pred == c) & (y == c))
                fp = np.count_nonzero(pred == c) - tp
                fn = np.count_nonzero(y == c) - tp
                f += 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
            if f / 3 > best[0]:
                best = (f / 3, float(lo), float(hi))
    return best


def score_all(folds, P) -> tuple[list[float], list[str]]:
    scores, labels = [], []
    for lex, docs, ys in folds:
        scores += [score_tokens(d, lex, P) for d in docs]
        labels += ys
    return scores, labels


def auc_pos_neg(scores, labels) -> float:
    """Probability that a positive text scores above a negative one (ties count half)."""
    from scipy.stats import rankdata

    s = np.asarray(scores, dtype=float)
    y = np.asarray(labels)
    pos, neg = s[y == "positive"], s[y == "negative"]
    r = rankdata(np.concatenate([pos, neg]))
    return float((r[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def fit(folds, P: Params, rounds: int = 3) -> tuple[Params, float, float]:
    """Coordinate ascent, lexicographic: out-of-fold macro-F1 first (a move needs a gain of
    MIN_GAIN), then, at no loss of macro-F1, the positive-vs-negative AUC of the polarity
    (a move needs AUC_GAIN). Macro-F1 only sees signs and thresholds; the AUC also sees
    magnitudes, so it settles the weights macro-F1 is flat in (booster size, contrast
    weights...)."""
    scores, labels = score_all(folds, P)
    f, lo, hi = best_thresholds(scores, labels)
    auc = auc_pos_neg(scores, labels)
    for r in range(rounds):
        changed = False
        for name, grid in GRID.items():
            for v in grid:
                if getattr(P, name) == v:
                    continue
                Q = P.with_(**{name: v})
                sq, lq = score_all(folds, Q)
                fq, loq, hiq = best_thresholds(sq, lq)
                aq = auc_pos_neg(sq, lq)
                if fq > f + MIN_GAIN or (fq >= f - 1e-12 and aq > auc + AUC_GAIN):
                    P, f, lo, hi, auc, changed = Q, fq, loq, hiq, aq, True
            print(f"  round {r + 1} {name:<18} = {getattr(P, name):<6} oof macro-F1 {f:.4f} AUC {auc:.4f}", flush=True)
        if not changed:
            break
    return P.with_(threshold_negative=lo, threshold_positive=hi), f, auc


def fit_emphasis(docs, labels, lex, P: Params) -> tuple[Params, float]:
    """Coordinate ascent of the emphasis weights on the AUC of polarity (EmoT train)."""
    def auc_of(Q):
        return auc_pos_neg([score_tokens(d, lex, Q) for d in docs], labels)

    auc = auc_of(P)
    for r in range(3):
        changed = False
        for name, grid in EMPHASIS_GRID.items():
            for v in grid:
                if getattr(P, name) == v:
                    continue
                Q = P.with_(**{name: v})
                aq = auc_of(Q)
                if aq > auc + AUC_GAIN:
                    P, auc, changed = Q, aq, True
            print(f"  emphasis round {r + 1} {name:<14} = {getattr(P, name):<5} EmoT train AUC {auc:.4f}", flush=True)
        if not changed:
            break
    # where the data found no gain, a small hand-set prior is kept if it costs no AUC
    # (the data is indifferent); where the prior lowers the AUC the weight stays 0
    kept = {}
    for name, prior in EMPHASIS_PRIOR.items():
        if getattr(P, name) == 0.0:
            Q = P.with_(**{name: prior})
            aq = auc_of(Q)
            print(f"  emphasis prior {name:<14} = {prior:<5} EmoT train AUC change {aq - auc:+.5f}", flush=True)
            if aq >= auc:
                kept[name] = f"prior {prior} kept: no gain on EmoT train but no loss either (AUC change {aq - auc:+.5f})"
                P, auc = Q, aq
    return P, auc, kept


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-fit", action="store_true", help="rebuild the lexicon, keep rules.json")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    t0 = time.time()
    train, valid = load_smsa("train"), load_smsa("valid")
    docs, labels = tokenised(train.text), list(train.label)
    vdocs, vlabels = tokenised(valid.text), list(valid.label)
    exclude = read_exclude()
    curated, cprov = read_curated()
    print(f"tokenised {len(docs)} train + {len(vdocs)} valid texts in {time.time() - t0:.1f}s")

    topic = topics(list(train.text), LEX_OPTS["n_topics"])
    est = estimate(docs, labels, topic, exclude, **LEX_OPTS)
    rows = {w: (s, cprov.get(w, "curated"), 0) for w, s in curated.items()}
    rows.update({w: (v, "smsa-train", df) for w, (v, df) in est.items()})
    with open(DATA / "lexicon.tsv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# trendlib sentiment lexicon; rebuilt by scripts/build_lexicon.py. Scores in [-1, 1].\n")
        fh.write("# smsa-train: estimated from IndoNLU SmSA train (Apache-2.0, Wilie et al. 2020;\n")
        fh.write("# Purwarianti & Crisdayanti 2019); curated: written by the trendlib authors;\n")
        fh.write("# tweets-mined: opinion words found on the data home's tweets, reviewed by reading\n")
        fh.write("# (scripts/build_sentiment_gaps.py; scores by the trendlib authors).\n")
        fh.write("word\tscore\tprovenance\tdocs\n")
        for w in sorted(rows):
            v, p, df = rows[w]
            fh.write(f"{w}\t{v:g}\t{p}\t{df}\n")
    n_by = Counter(p for _, p, _ in rows.values())
    print(f"lexicon.tsv: {len(rows)} entries {dict(n_by)}")
    if args.no_fit:
        return 0

    rng = np.random.default_rng(0)
    fold_of = rng.permutation(len(docs)) % args.folds
    folds = []
    for k in range(args.folds):
        tr = [i for i in range(len(docs)) if fold_of[i] != k]
        te = [i for i in range(len(docs)) if fold_of[i] == k]
        lex = make_lexicon([docs[i] for i in tr], [labels[i] for i in tr], [topic[i] for i in tr], exclude, curated)
        folds.append((lex, [docs[i] for i in te], [labels[i] for i in te]))
    # start with every rule switched off (negation a plain flip, no weights): whatever a
    # weight ends up at, the data moved it there
    P0 = Params(**PRIORS, **START)
    P, f_oof, auc_oof = fit(folds, P0)
    full = make_lexicon(docs, labels, topic, exclude, curated)
    emot = load_emot("train")
    emot = emot[emot["label"].isin(EMOT_POLARITY)]
    P, auc_emot, kept = fit_emphasis(tokenised(emot["tweet"] if "tweet" in emot else emot["text"]),
                               [EMOT_POLARITY[v] for v in emot["label"]], full, P)
    vs = [score_tokens(d, full, P) for d in vdocs]
    vpred = ["positive" if s > P.threshold_positive else "negative" if s < P.threshold_negative else "neutral" for s in vs]
    f_valid = macro_f1(vlabels, vpred)
    acc = float(np.mean([a == b for a, b in zip(vlabels, vpred)]))
    print(f"SmSA train out-of-fold macro-F1 {f_oof:.4f}; SmSA valid macro-F1 {f_valid:.4f} accuracy {acc:.4f}")
    out = {
        "description": "Rule weights of trendlib's lexicon+rules scorer (see trendlib/sentiment/_rules.py).",
        "fitted_on": (
            f"IndoNLU SmSA train, {args.folds}-fold out-of-fold; coordinate ascent on macro-F1, ties "
            "broken by the positive-vs-negative AUC of the polarity"
        ),
        "fitted": sorted(GRID) + ["threshold_negative", "threshold_positive"],
        "fitted_on_emot": sorted(EMPHASIS_GRID),
        "priors": {**PRIOR_REASONS, **kept},
        "start": START,
        "unchanged_by_fit": sorted(k for k in [*GRID, *EMPHASIS_GRID] if getattr(P, k) == getattr(P0, k)),
        "lexicon_options": LEX_OPTS,
        "scores": {"smsa_train_oof_macro_f1": round(f_oof, 4), "smsa_train_oof_auc_pos_neg": round(auc_oof, 4),
                   "emot_train_auc_pos_neg": round(auc_emot, 4), "smsa_valid_macro_f1": round(f_valid, 4),
                   "smsa_valid_accuracy": round(acc, 4)},
        "weights": {k: (round(v, 4) if isinstance(v, float) else v) for k, v in P.to_dict().items()},
    }
    (DATA / "rules.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"rules.json written in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
