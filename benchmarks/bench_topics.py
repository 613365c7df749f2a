"""Benchmark trendlib.topics against scikit-learn LDA, NMF, MiniBatchNMF and GSDMM (one command).

    python benchmarks/bench_topics.py                  # everything (quality, planted, speed)
    python benchmarks/bench_topics.py --only quality   # real tweets: NPMI and diversity
    python benchmarks/bench_topics.py --only planted   # adjusted Rand index vs planted truth
    python benchmarks/bench_topics.py --only summit    # adjusted Rand index vs the summit corpus's topics
    python benchmarks/bench_topics.py --only speed --posts 100000 1000000
    python benchmarks/bench_topics.py --only align     # align_topics between fits of real scrapes

Quality: on each real scrape in the data home (MBG replies 2025, 2019 election, KIP-K
2024, Danantara 2025, IKN 2022, Jakarta corona 2020), every method gets the *same tokens*
(trendlib's features: normalised words, segmented hashtags, stems; the same vocabulary
with ``min_df=3, max_df=0.25``; each distinct text once) and the same number of topics K
(the number trendlib's ``n_topics="auto"`` finds on that corpus, and K=10). Coherence is
NPMI of each topic's top 10 words, counted per post over a *reference corpus of the other
real tweets in the data home* (every other ``tweets_*`` scrape), pairs with a word absent
from it skipped ("cover" = share of pairs scored); "self" is the same NPMI counted over
the corpus itself (the usual intrinsic measure in short-text papers); diversity is the share of distinct
words among the top 25 of all topics. Anchors:

* ``lda``: ``sklearn.decomposition.LatentDirichletAllocation(n_components=K)``, default
  settings, on the counts; top words from ``components_``.
* ``nmf`` / ``mbnmf``: ``NMF(n_components=K)`` / ``MiniBatchNMF(n_components=K)``,
  defaults, on TF-IDF of the counts (``TfidfTransformer()``), top words from ``components_``.
* ``trendlib``: ``TopicModel(n_topics=K)`` with its default term ranking (``"coherent"``:
  the 50 most relevant words of a topic ordered by their co-occurrence in the corpus's
  own posts); ``tl-ctfidf`` / ``tl-pwk``: the same topics with the terms ranked by
  class-based TF-IDF (trendlib 0.2's default) or by ``p(word | topic)`` (as GSDMM and LDA
  rank): the ranking alone moves a model along the coherence/diversity trade-off, so
  compare at equal diversity.
* ``gsdmm``: Yin & Wang's GSDMM (alpha = beta = 0.1, K clusters, 15 iterations, random
  start) with its usual top words, ``p(word | cluster)``; it is trendlib's compiled sampler
  run alone (no cluster dissolving, no outliers, no class-based TF-IDF), so the row also
  shows what trendlib adds to the sampler.

Planted: ``trendlib.topics.make_topic_corpus`` (12 planted topics, 5% noise posts), ARI of
each method's hard assignment (argmax) against the truth; trendlib's outliers count as one
more cluster, noise posts' truth is -1.

Speed: fit on 100k and 1M generated posts (tokenising included), transform on 100k posts
never seen; sklearn's MiniBatchNMF (the fastest anchor) on the same 100k as the peer.
Wall and CPU seconds are printed: the machine is shared, so the ratio to the peer is of
CPU seconds.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
import warnings

import numpy as np

CORPORA = {
    "mbg_2025": ["tweets_mbg_2025/hybrid_labeled_data.csv"],
    "pemilu_2019": ["tweets_pemilu2019_jokowi_prabowo/data_joko_widodo.csv",
                    "tweets_pemilu2019_jokowi_prabowo/data_prabowo_subianto.csv"],
    "kipk_2024": ["tweets_kipk_2024/scraped_data.csv"],
    "danantara_2025": ["tweets_danantara_2025/danantara_*.csv"],
    "ikn_2022": ["tweets_ikn_nusantara_2022/nusantara_tweets.csv"],
    "corona_2020": ["tweets_corona_jakarta_2020/crawling_twitter_jakarta_26.csv"],
}


def _home() -> str:
    home = os.environ.get("TRENDLIB_DATA_HOME")
    if not home or not os.path.isdir(home):
        sys.exit("Set TRENDLIB_DATA_HOME to the data home (real tweets are needed).")
    return home


def _read(home: str, patterns: list[str]) -> list[str]:
    import pandas as pd

    import trendlib as tl

    frames = []
    for pat in patterns:
        for f in sorted(glob.glob(os.path.join(home, pat))):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                frames.append(tl.read_posts(f))
    return pd.concat(frames, ignore_index=True)["text"].dropna().tolist() if frames else []


def _reference(home: str, skip: str) -> list[str]:
    """Texts of every tweets_* scrape except ``skip``'s folder (each distinct text once)."""
    import trendlib as tl

    out: dict[str, None] = {}
    folder = CORPORA[skip][0].split("/")[0]
    for d in sorted(glob.glob(os.path.join(home, "tweets_*"))):
        if os.path.basename(d) == folder:
            continue
        for f in sorted(glob.glob(os.path.join(d, "*.csv"))):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    p = tl.read_posts(f)
            except Exception:  # files without time or text are not posts
                continue
            out.update(dict.fromkeys(t for t in p["text"].tolist() if isinstance(t, str)))
    return list(out)


def _shared_tokens(texts):
    """The tokens every method gets: trendlib's TopicModel features and vocabulary."""
    from trendlib.topics import TopicModel
    from trendlib.topics import _assign as A
    from trendlib.topics._features import encode

    probe = TopicModel(random_state=0)
    probe._check("fit")
    from trendlib.topics._features import Featurizer, build_vocabulary

    feat = Featurizer(stem=True)
    docs = list(dict.fromkeys(feat.words(t) for t in texts))
    keys, labels, _ = build_vocabulary(docs, feat, min_df=probe.min_df, max_df=probe.max_df)
    index = {k: i for i, k in enumerate(keys)}
    ip, ids, cnts = encode(docs, feat, index)
    return feat, docs, keys, A.csr(ip, ids, cnts, len(keys)), (ip, ids, cnts)


def _top_keys(weights_kv: np.ndarray, keys: list[str], top: int) -> list[list[str]]:
    return [[keys[i] for i in np.argsort(-row, kind="stable")[:top] if row[i] > 0] for row in weights_kv]


def _methods(X, csr_parts, keys, K: int, seed: int, texts):
    """Top keys (K x words) and hard labels of each method, with fit seconds."""
    from sklearn.decomposition import NMF, LatentDirichletAllocation, MiniBatchNMF
    from sklearn.feature_extraction.text import TfidfTransformer

    from trendlib.topics import TopicModel
    from trendlib.topics._dmm import gibbs
    from trendlib.topics._labels import ctfidf

    out = {}
    t0 = time.perf_counter()
    m = TopicModel(n_topics=K, random_state=seed).fit(texts)
    secs = time.perf_counter() - t0
    # trendlib's own ranking ("coherent": the kept ranked list of each topic, as ranks)
    order = np.zeros((m.n_topics_, len(m.vocabulary_)))
    for t, o in enumerate(m._term_order):
        order[t, o] = np.arange(len(o), 0, -1)
    out["trendlib"] = (order, m.vocabulary_, secs, m)
    # the same trendlib topics ranked by class-based TF-IDF (trendlib 0.2's labels) and
    # like GSDMM and LDA rank (p(word | topic)): the term ranking alone moves a model
    # along the coherence/diversity trade-off
    tw = m.topic_word_
    out["tl-ctfidf"] = (ctfidf(tw.T).T, m.vocabulary_, secs, m)
    out["tl-pwk"] = ((tw + 0.01) / (tw.sum(1, keepdims=True) + 0.01 * tw.shape[1]), m.vocabulary_, secs, m)
    ip, ids, cnts = csr_parts
    t0 = time.perf_counter()
    z, (m_k, n_k, n_wk) = gibbs(ip, ids, cnts, n_clusters=K, n_words=len(keys), alpha=0.1, beta=0.1,
                                n_iter=15, rng=np.random.default_rng(seed))
    live = np.flatnonzero(m_k > 0)
    out["gsdmm"] = ((n_wk[:, live] / np.maximum(n_k[live], 1)).T, keys, time.perf_counter() - t0, z)
    t0 = time.perf_counter()
    lda = LatentDirichletAllocation(n_components=K, random_state=seed).fit(X)
    out["lda"] = (lda.components_, keys, time.perf_counter() - t0, lda.transform(X).argmax(1))
    tf = TfidfTransformer().fit_transform(X)
    for name, cls in (("nmf", NMF), ("mbnmf", MiniBatchNMF)):
        t0 = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nmf = cls(n_components=K, random_state=seed)
            W = nmf.fit_transform(tf)
        out[name] = (nmf.components_, keys, time.perf_counter() - t0, W.argmax(1))
    return out


def quality(seed: int, corpora: list[str] | None = None, ks: list[str] | None = None) -> None:
    from trendlib.topics import TopicModel, coherence, diversity

    home = _home()
    print("\n## Quality on real scrapes (NPMI over the other scrapes; top 10 words; diversity top 25)\n")
    print(f"{'corpus':15} {'posts':>6} {'K':>3} {'method':9} {'NPMI':>7} {'cover':>6} {'self':>6} {'div':>5} {'fit s':>6}")
    summary: dict[str, list[tuple[float, float]]] = {}
    for name, pats in CORPORA.items():
        if corpora and name not in corpora:
            continue
        texts = _read(home, pats)
        if not texts:
            continue
        ref = _reference(home, name)
        feat, docs, keys, X, parts = _shared_tokens(texts)
        ref_keys = [tuple({feat.key(w) for w in feat.words(t)}) for t in ref]
        self_keys = [tuple(set(map(feat.key, d))) for d in docs]
        wanted = ks or ["auto", "10"]
        Ks = {int(k) for k in wanted if k != "auto"}
        if "auto" in wanted:
            Ks.add(TopicModel(random_state=seed).fit(texts).n_topics_)
        for K in sorted(Ks):
            res = _methods(X, parts, keys, K, seed, texts)
            for meth, (w, vocab, secs, _) in res.items():
                top10 = _top_keys(w, vocab, 10)
                top25 = _top_keys(w, vocab, 25)
                npmi = coherence(top10, ref_keys, stem=False, per_topic=True)
                cover = _cover(top10, ref_keys)
                own = coherence(top10, self_keys, stem=False)
                div = diversity(top25, top=25)
                summary.setdefault(meth, []).append((float(np.nanmean(npmi)), own, div))
                print(f"{name:15} {len(texts):6d} {K:3d} {meth:9} {np.nanmean(npmi):7.3f} {cover:6.2f} {own:6.3f} {div:5.2f} {secs:6.1f}")
    print("\nmean over corpora and K:")
    print(f"{'method':9} {'NPMI':>7} {'self':>6} {'div':>5}")
    for meth, vals in summary.items():
        a = np.asarray(vals)
        print(f"{meth:9} {a[:, 0].mean():7.3f} {a[:, 1].mean():6.3f} {a[:, 2].mean():5.2f}")


def _cover(topics, ref_keys) -> float:
    seen = set()
    for r in ref_keys:
        seen.update(r)
    pairs = scored = 0
    for ws in topics:
        for i in range(len(ws)):
            for j in range(i + 1, len(ws)):
                pairs += 1
                scored += ws[i] in seen and ws[j] in seen
    return scored / pairs if pairs else float("nan")


def planted(seed: int, n: int = 20000) -> None:
    from sklearn.metrics import adjusted_rand_score

    from trendlib.topics import make_topic_corpus

    print(f"\n## Planted topics: {n:,} generated posts, 12 topics, 5% noise; ARI vs truth\n")
    print(f"{'seed':>4} {'method':9} {'ARI':>6} {'topics':>6} {'fit s':>6}")
    for s in (seed, seed + 1, seed + 2):
        posts = make_topic_corpus(n, n_topics=12, seed=s)
        texts = posts["text"].tolist()
        feat, docs, keys, X, parts = _shared_tokens(texts)
        index = {d: i for i, d in enumerate(docs)}
        inv = np.asarray([index[feat.words(t)] for t in texts])
        res = _methods(X, parts, keys, 12, s, texts)
        for meth, (w, vocab, secs, lab) in res.items():
            if meth.startswith("tl-"):
                continue
            labels = lab.labels_ if meth == "trendlib" else np.asarray(lab)[inv]
            ari = adjusted_rand_score(posts["truth"], labels)
            print(f"{s:4d} {meth:9} {ari:6.3f} {len(np.unique(labels[labels >= 0])):6d} {secs:6.1f}")
        from trendlib.topics import TopicModel

        t0 = time.perf_counter()
        m = TopicModel(random_state=s).fit(texts)
        ari = adjusted_rand_score(posts["truth"], m.labels_)
        print(f"{s:4d} {'tl-auto':9} {ari:6.3f} {m.n_topics_:6d} {time.perf_counter() - t0:6.1f}")


def summit(seed: int) -> None:
    """ARI against the summit corpus's per-post topic truth, every method on the same tokens."""
    from sklearn.metrics import adjusted_rand_score

    from trendlib.datasets import load_summit
    from trendlib.topics import TopicModel

    posts, truth = load_summit(return_truth=True)
    topic = truth["posts"].set_index("id").loc[posts["id"], "topic"].astype(str).to_numpy()
    original = ((posts["reply_to"].isna() | (posts["reply_to"] == "")) & ~posts["is_retweet"].fillna(False)).to_numpy()
    K = len(set(topic))
    print(f"\n## Summit corpus: {len(posts):,} posts, {K} true topics; ARI vs truth (all posts / original posts)\n")
    texts = posts["text"].tolist()
    feat, docs, keys, X, parts = _shared_tokens(texts)
    index = {d: i for i, d in enumerate(docs)}
    inv = np.asarray([index[feat.words(t)] for t in texts])
    print(f"{'method':9} {'ARI all':>8} {'ARI orig':>8} {'topics':>6}")
    for meth, (w, vocab, secs, lab) in _methods(X, parts, keys, K, seed, texts).items():
        if meth.startswith("tl-"):
            continue
        labels = lab.labels_ if meth == "trendlib" else np.asarray(lab)[inv]
        print(f"{meth:9} {adjusted_rand_score(topic, labels):8.3f} {adjusted_rand_score(topic[original], labels[original]):8.3f} "
              f"{len(np.unique(labels[labels >= 0])):6d}")
    m = TopicModel(random_state=seed).fit(texts)
    lab = np.asarray(m.labels_)
    print(f"{'tl-auto':9} {adjusted_rand_score(topic, lab):8.3f} {adjusted_rand_score(topic[original], lab[original]):8.3f} "
          f"{m.n_topics_:6d}")
    # the posts table: replies read in their thread, retweets as their source (context="thread")
    mt = TopicModel(random_state=seed).fit(posts)
    lt = np.asarray(mt.labels_)
    reply = ~original & ~posts["is_retweet"].fillna(False).to_numpy(dtype=bool)
    print(f"{'tl-thread':9} {adjusted_rand_score(topic, lt):8.3f} {adjusted_rand_score(topic[original], lt[original]):8.3f} "
          f"{mt.n_topics_:6d}   (replies: ARI {adjusted_rand_score(topic[reply], lab[reply]):.3f} alone, "
          f"{adjusted_rand_score(topic[reply], lt[reply]):.3f} in their thread; outliers {int((lab < 0).sum())} -> {int((lt < 0).sum())})")
    # the automatic topics reduced to the truth's number by merging the most similar
    # (reduce_topics, BERTopic's method), against sampling with K clusters ("trendlib" row)
    mt.reduce_topics(posts, K)
    lr = np.asarray(mt.labels_)
    print(f"{'tl-reduce':9} {adjusted_rand_score(topic, lr):8.3f} {adjusted_rand_score(topic[original], lr[original]):8.3f} "
          f"{mt.n_topics_:6d}   (tl-thread reduced to {K} topics)")
    # what ARI punishes: pure topics that split a story (homogeneity high, completeness low)
    from sklearn.metrics import homogeneity_completeness_v_measure

    for name, sel in (("all", slice(None)), ("original", original)):
        h, c, _ = homogeneity_completeness_v_measure(topic[sel], lab[sel])
        print(f"tl-auto on {name} posts: homogeneity {h:.3f}, completeness {c:.3f}")
    # a supervised ceiling: how far the words alone can tell the stories apart, given labels
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_predict

    for name, sel in (("all", np.ones(len(texts), dtype=bool)), ("original", original)):
        Xs = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit_transform(
            [t for t, k in zip(texts, sel) if k])
        pred = cross_val_predict(LogisticRegression(C=10, max_iter=2000), Xs, topic[sel], cv=5)
        print(f"supervised ceiling (TF-IDF + logistic regression, 5-fold) on {name} posts: "
              f"ARI {adjusted_rand_score(topic[sel], pred):.3f}")


def speed(sizes: list[int], seed: int) -> None:
    from sklearn.decomposition import MiniBatchNMF
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

    from trendlib.topics import TopicModel, make_topic_corpus

    print("\n## Speed (generated posts, 12 planted topics; tokenising included)\n")
    print(f"{'step':34} {'posts':>9} {'wall s':>7} {'cpu s':>7} {'posts/s':>9} {'vs peer':>8}")
    fresh = make_topic_corpus(100_000, n_topics=12, seed=seed + 99)["text"].tolist()
    TopicModel(random_state=seed).fit(fresh[:2000])  # compile/load the kernel once
    peer = None
    for n in sizes:
        texts = make_topic_corpus(n, n_topics=12, seed=seed)["text"].tolist()
        w0, c0 = time.perf_counter(), time.process_time()
        m = TopicModel(random_state=seed).fit(texts)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        ratio = ""
        if n == 100_000:
            w1, c1 = time.perf_counter(), time.process_time()
            X = CountVectorizer(min_df=3, max_df=0.25).fit_transform(texts)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                MiniBatchNMF(n_components=12, random_state=seed).fit(TfidfTransformer().fit_transform(X))
            peer, peer_cpu = time.perf_counter() - w1, time.process_time() - c1
            print(f"{'peer: CountVectorizer+MiniBatchNMF':34} {n:9,d} {peer:7.1f} {peer_cpu:7.1f} {n / peer:9,.0f} {'1.00':>8}")
            ratio = f"{cpu / peer_cpu:8.2f}"
        print(f"{'TopicModel.fit (auto K)':34} {n:9,d} {wall:7.1f} {cpu:7.1f} {n / wall:9,.0f} {ratio:>8}  topics={m.n_topics_}")
        w0, c0 = time.perf_counter(), time.process_time()
        m.predict(fresh)
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        print(f"{'transform+predict, 100k unseen':34} {len(fresh):9,d} {wall:7.1f} {cpu:7.1f} {len(fresh) / wall:9,.0f}")


def _posts(home: str, patterns: list[str]):
    """The dated posts of the files (files without a time column skipped), oldest first,
    each distinct text once."""
    import pandas as pd

    import trendlib as tl

    frames = []
    for pat in patterns:
        for f in sorted(glob.glob(os.path.join(home, pat))):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    frames.append(tl.read_posts(f))
            except Exception:  # a labelled table without time is not a scrape
                continue
    posts = pd.concat(frames, ignore_index=True).dropna(subset=["text", "time"])
    return posts.sort_values("time", kind="stable").drop_duplicates("text").reset_index(drop=True)


def align(seed: int, corpora: list[str] | None = None, min_similarity: float | None = None) -> None:
    """``align_topics`` on real scrapes: what its similarity reads between fits.

    Per scrape: (a) two fits of the same posts with seeds ``seed`` and ``seed + 1``: the
    similarities of the topic pairs the matching leaves *apart* (different topics), whose
    upper tail a threshold must clear; (b) fits of the first and second half of the posts
    in time: every pair the one-to-one matching proposes, with both labels, to be read.
    """
    from trendlib.topics import TopicModel, align_topics
    from trendlib.topics._align import DEFAULT_MIN_SIMILARITY

    home = _home()
    thr = DEFAULT_MIN_SIMILARITY if min_similarity is None else min_similarity
    print(f"\n## align_topics on real scrapes (seed {seed}; threshold {thr})")
    for name in corpora or ["mbg_2025", "kipk_2024", "danantara_2025", "pemilu_2019"]:
        posts = _posts(home, CORPORA[name])
        h = len(posts) // 2
        first = TopicModel(random_state=seed).fit(posts.iloc[:h])
        again = TopicModel(random_state=seed + 1).fit(posts.iloc[:h])
        S = align_topics(again, first, min_similarity=0.0).attrs["similarity"]
        from scipy.optimize import linear_sum_assignment

        r, c = linear_sum_assignment(-S)
        apart = S.copy()
        apart[r, c] = np.nan
        q = np.nanpercentile(apart, [50, 95, 99])
        print(f"\n### {name}: {len(posts):,} distinct dated posts; halves of {h:,} and {len(posts) - h:,}")
        print(f"same posts, seeds {seed} and {seed + 1}: {first.n_topics_} and {again.n_topics_} topics; "
              f"similarity of different topics: median {q[0]:.2f}, 95th percentile {q[1]:.2f}, "
              f"99th {q[2]:.2f}, max {np.nanmax(apart):.2f}")
        second = TopicModel(random_state=seed).fit(posts.iloc[h:])
        table = align_topics(second, first, min_similarity=0.0)
        table = table[table["status"] == "matched"].sort_values("similarity", ascending=False)
        n_ok = int((table["similarity"] >= thr).sum())
        print(f"first half -> second half: {first.n_topics_} and {second.n_topics_} topics, "
              f"{n_ok} pairs at {thr} or above")
        print("| similarity | first half | second half |")
        print("|---|---|---|")
        for row in table.itertuples():
            mark = "" if row.similarity >= thr else " (below)"
            print(f"| {row.similarity:.2f}{mark} | {row.reference_label} | {row.label} |")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=["quality", "planted", "summit", "speed", "align"], default=None)
    ap.add_argument("--posts", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpora", nargs="+", choices=list(CORPORA), default=None)
    ap.add_argument("--k", nargs="+", default=None, help='numbers of topics, "auto" for trendlib\'s')
    args = ap.parse_args(argv)
    print(f"load average at start: {os.getloadavg()}")
    if args.only in (None, "planted"):
        planted(args.seed)
    if args.only in (None, "summit"):
        summit(args.seed)
    if args.only in (None, "quality"):
        quality(args.seed, args.corpora, args.k)
    if args.only in (None, "speed"):
        speed(args.posts, args.seed)
    if args.only in (None, "align"):
        align(args.seed, args.corpora)


if __name__ == "__main__":
    main()
