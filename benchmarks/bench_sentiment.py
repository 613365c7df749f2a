"""Sentiment benchmark: lexicon+rules scorer, classifier and baselines on real test splits.

One command, one run (needs the data home)::

    TRENDLIB_DATA_HOME=/path/to/data python benchmarks/bench_sentiment.py

Protocol
--------
* SmSA test (500) and NusaX-id test (400); every trained system is trained on the train
  split of the *same* dataset (never across datasets: NusaX-id is derived from SmSA; the
  overlap is measured and printed first). EmoT test (440) for the trained systems.
* Systems: ``lexicon+rules`` (``trendlib.sentiment`` scorer, not fitted to the target
  set), ``InSet lexicon`` (the same scorer with ``lexicon=load_inset()``), ``TF-IDF+LR``
  (scikit-learn ``TfidfVectorizer()`` + ``LogisticRegression()``, defaults), and
  ``SentimentClassifier`` with the shipped configuration; on NusaX also
  ``SentimentClassifier(lexicon="fit")``, whose lexicon is estimated from NusaX train
  inside ``fit`` (clean), once trained on train only and once on train+valid.
* trendlib's shipped lexicon is derived from SmSA *train*, which holds ~28% of the NusaX
  texts. Rows that use it on NusaX are marked ``*`` and also scored on the NusaX test
  texts that do not occur in SmSA (``NusaX-id test, no SmSA overlap``). The clean NusaX
  classifier rows use no SmSA-derived knowledge (``lexicon=None``, or InSet).
* posts/s: texts per CPU second (``time.process_time``; one core). For the lexicon
  scorer and the classifiers: a fresh model (loaded from disk, caches empty) predicts
  3,521 unseen tweets (EmoT train): ``cold``, every word new. Then, after an untimed
  pass over 11,000 other texts (SmSA train), it predicts 1,700 texts it has not seen
  (SmSA valid + EmoT valid): ``warm``, the steady state of a long-running stream, where
  most words were seen before. The table's posts/s column is the warm figure.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402

from trendlib.datasets import load_emot, load_inset, load_nusax, load_smsa  # noqa: E402
from trendlib.exceptions import DataNotFoundError  # noqa: E402
from trendlib.sentiment import SentimentClassifier, add_sentiment, evaluate  # noqa: E402

_PUNCT = re.compile(r"[^\w\s]")


def _key(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.lower()).split())


def scorer(lexicon=None):
    def label_many(texts):
        out = add_sentiment(pd.DataFrame({"text": list(texts)}), lexicon=lexicon)
        return out["sentiment"].tolist()

    return label_many


def tfidf_lr():
    return make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000))


def cpu_rate(predict, texts) -> float:
    start = time.process_time()
    predict(texts)
    return len(texts) / max(time.process_time() - start, 1e-9)


def cold_warm(predict, cold_texts, warm_texts, warmup_texts) -> tuple[float, float]:
    cold = cpu_rate(predict, cold_texts)
    predict(warmup_texts)
    return cold, cpu_rate(predict, warm_texts)


def main() -> int:
    try:
        smsa = {s: load_smsa(s) for s in ("train", "valid", "test")}
        nusax = {s: load_nusax(s) for s in ("train", "valid", "test")}
        emot = {s: load_emot(s) for s in ("train", "test")}
    except DataNotFoundError as exc:
        print(f"skipped: {exc}")
        return 0
    try:
        inset = load_inset()
    except DataNotFoundError:
        inset = None
        print("InSet not in the data home: InSet rows skipped")

    # -- overlap -------------------------------------------------------------
    smsa_keys = {_key(t) for d in smsa.values() for t in d.text}
    print("SmSA / NusaX-id text overlap (lower-cased, punctuation stripped):")
    total = hits = 0
    for split, d in nusax.items():
        n = sum(_key(t) in smsa_keys for t in d.text)
        total, hits = total + len(d), hits + n
        print(f"  NusaX {split:5s}: {n:4d} / {len(d):4d} = {n / len(d):.1%} also in SmSA")
    print(f"  all NusaX-id : {hits:4d} / {total:4d} = {hits / total:.1%}\n")
    clean = nusax["test"][[_key(t) not in smsa_keys for t in nusax["test"].text]]

    cold_texts = list(emot["train"].text)
    warm_texts = list(smsa["valid"].text) + list(load_emot("valid").text)
    warmup = list(smsa["train"].text)
    rows = []

    def run(dataset, system, model, test, *, rate=None, note=""):
        res = evaluate(model, list(test.text), list(test.label))
        rows.append(
            {
                "dataset": dataset,
                "system": system + note,
                "macro_f1": res.macro_f1,
                "accuracy": res.accuracy,
                "posts/s": rate,
            }
        )
        print(f"  {dataset:28s} {system + note:44s} macro-F1 {res.macro_f1:.4f}", flush=True)
        return res

    def fit(make, train):
        t = time.process_time()
        model = make().fit(list(train.text), list(train.label))
        return model, time.process_time() - t

    print("running (fit CPU seconds in brackets):")
    lex_cold, lex_rate = cold_warm(scorer(), cold_texts, warm_texts, warmup)
    inset_rate = cold_warm(scorer(inset), cold_texts, warm_texts, warmup)[1] if inset is not None else None

    # -- SmSA ---------------------------------------------------------------
    test = smsa["test"]
    run("SmSA test", "lexicon+rules", scorer(), test, rate=lex_rate)
    if inset is not None:
        run("SmSA test", "InSet lexicon", scorer(inset), test, rate=inset_rate)
    base, t_base = fit(tfidf_lr, smsa["train"])
    base_cold, base_rate = cold_warm(base.predict, cold_texts, warm_texts, warmup)
    run("SmSA test", "TF-IDF+LR", base, test, rate=base_rate, note=f" [{t_base:.0f}s]")
    clf, t_clf = fit(SentimentClassifier, smsa["train"])
    fresh = SentimentClassifier.load(_save(clf))
    clf_cold, clf_rate = cold_warm(fresh.predict, cold_texts, warm_texts, warmup)
    run("SmSA test", "SentimentClassifier", clf, test, rate=clf_rate, note=f" [{t_clf:.0f}s]")
    run("SmSA test", "SentimentClassifier.pretrained()", SentimentClassifier.pretrained(), test)
    nolex, _ = fit(lambda: SentimentClassifier(lexicon=None), smsa["train"])
    run("SmSA test", "SentimentClassifier(lexicon=None)", nolex, test)

    # -- NusaX-id -------------------------------------------------------------
    test, train = nusax["test"], nusax["train"]
    for name, data in (("NusaX-id test", test), ("NusaX-id test, no SmSA overlap", clean)):
        run(name, "lexicon+rules", scorer(), data, rate=lex_rate, note=" *")
        if inset is not None:
            run(name, "InSet lexicon", scorer(inset), data, rate=inset_rate)
    base, _ = fit(tfidf_lr, train)
    clean_clf, _ = fit(lambda: SentimentClassifier(lexicon=None), train)
    # lexicon estimated inside fit from NusaX train only (clean); min_df=1 selected by
    # 5-fold CV on NusaX train+valid and on NusaX valid (docs/sentiment_classifier.md)
    fit_lex, _ = fit(lambda: SentimentClassifier(lexicon="fit", min_df=1), train)
    fit_lex_tv, _ = fit(lambda: SentimentClassifier(lexicon="fit", min_df=1), pd.concat([train, nusax["valid"]]))
    smsa_lex, _ = fit(SentimentClassifier, train)
    inset_clf = fit(lambda: SentimentClassifier(lexicon=inset), train)[0] if inset else None
    for name, data in (("NusaX-id test", test), ("NusaX-id test, no SmSA overlap", clean)):
        run(name, "TF-IDF+LR", base, data, rate=base_rate)
        run(name, "SentimentClassifier(lexicon=None)", clean_clf, data)
        run(name, 'SentimentClassifier(lexicon="fit", min_df=1)', fit_lex, data)
        run(name, 'SentimentClassifier(lexicon="fit", min_df=1) train+valid', fit_lex_tv, data)
        if inset_clf is not None:
            run(name, "SentimentClassifier(lexicon=InSet)", inset_clf, data)
        run(name, "SentimentClassifier (trendlib lexicon)", smsa_lex, data, note=" *")

    # -- EmoT -------------------------------------------------------------------
    test, train = emot["test"], emot["train"]
    base, _ = fit(tfidf_lr, train)
    run("EmoT test", "TF-IDF+LR", base, test, rate=base_rate)
    emo_nolex, _ = fit(lambda: SentimentClassifier(lexicon=None), train)
    run("EmoT test", "SentimentClassifier(lexicon=None)", emo_nolex, test)
    emo, _ = fit(SentimentClassifier, train)
    run("EmoT test", "SentimentClassifier", emo, test)

    table = pd.DataFrame(rows)
    table["posts/s"] = table["posts/s"].map(lambda v: "" if v is None or v != v else f"{v:,.0f}")
    print()
    with pd.option_context("display.width", 200, "display.max_colwidth", 60):
        print(table.to_string(index=False, float_format=lambda v: f"{v:.4f}"))
    print("\nthroughput, posts per CPU second (one core), unseen texts, fresh model")
    print("(cold: every word new; warm: after 11,000 other texts, see the module docstring):")
    print(f"  {'system':22s} {'cold':>8s} {'warm':>8s}   warm vs TF-IDF+LR")
    for name, cold, warm in (
        ("lexicon+rules", lex_cold, lex_rate),
        ("SentimentClassifier", clf_cold, clf_rate),
        ("TF-IDF+LR", base_cold, base_rate),
    ):
        print(f"  {name:22s} {cold:8,.0f} {warm:8,.0f}   {warm / base_rate:.2f}x")
    print("* uses trendlib's lexicon, derived from SmSA train, which holds ~28% of NusaX-id.")
    print("targets: classifier macro-F1 >= 0.82 SmSA, >= 0.80 NusaX-id; >= 10,000 posts/s.")
    return 0


def _save(clf) -> str:
    """Round-trip through save/load so the speed is that of a fresh model (cold caches)."""
    import tempfile

    path = Path(tempfile.mkdtemp()) / "clf.npz"
    return str(clf.save(path))


if __name__ == "__main__":
    raise SystemExit(main())
