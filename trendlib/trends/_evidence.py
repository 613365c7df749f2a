"""The evidence of a burst explanation: which tokens are content, phrases (NLTK
collocations), the accounts table and the sample posts.

Why its own module: :mod:`._explain` chooses *which* posts are compared (the burst, the
reference period, a thin reference widened); this module only turns two sets of posts
into tables, so each table can be tested on its own.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from ._logodds import log_odds

_LLR_MIN = 10.83  # chi-square(1) at p = 0.001


def _is_content(token: str, stop: frozenset) -> bool:
    if token in stop or len(token) < 2 and token.isascii():
        return False
    low = token.lower()
    return not (low.startswith(("http://", "https://", "www.")) or low.replace(".", "").isdigit())


def _near_duplicate(a: frozenset, b: frozenset, threshold: float) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / len(a | b) >= threshold


def _phrases(during: pd.Series, before: pd.Series, stop: frozenset, own: str | None,
             min_count: int, top: int, prior: float | None) -> pd.DataFrame:
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    cols = ["phrase", "during", "before", "llr", "z"]
    docs = [list(ts) for cl in during for ts in cl if len(ts) > 1]
    if not docs:
        return pd.DataFrame(columns=cols)
    finder = BigramCollocationFinder.from_documents(docs)
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda w: w is None or not _is_content(w, stop) or w == own)
    scored = [(bg, llr) for bg, llr in finder.score_ngrams(BigramAssocMeasures.likelihood_ratio) if llr >= _LLR_MIN]
    if not scored:
        return pd.DataFrame(columns=cols)
    fd_during = finder.ngram_fd
    fd_before = Counter(" ".join(bg) for cl in before for ts in cl for bg in zip(ts, ts[1:]))
    all_during = Counter({" ".join(bg): c for bg, c in fd_during.items() if None not in bg})
    try:
        z = log_odds(all_during, fd_before, prior=prior)["z"]
    except ValueError:  # nothing to compare with (no bigram before): rank by llr alone
        z = pd.Series(dtype=float)
    rows = []
    for bg, llr in scored:
        phrase = " ".join(bg)
        zb = float(z.get(phrase, np.nan))
        if not zb <= 0:
            rows.append((phrase, int(fd_during[bg]), int(fd_before.get(phrase, 0)), float(llr), zb))
    table = pd.DataFrame(rows, columns=cols)
    return table.sort_values(["z", "llr"], ascending=False, kind="mergesort").head(top).reset_index(drop=True)


def _accounts(window: pd.DataFrame, d_mask: np.ndarray, b_mask: np.ndarray, engagement: pd.Series,
              top: int) -> pd.DataFrame:
    cols = ["author", "posts", "share", "engagement", "before"]
    if "author" not in window.columns:
        return pd.DataFrame(columns=cols)
    author = window["author"].astype(str)
    during = pd.DataFrame({"author": author[d_mask], "eng": engagement[d_mask]})
    table = during.groupby("author").agg(posts=("eng", "size"), engagement=("eng", "sum"))
    table["share"] = table["posts"] / int(d_mask.sum())
    table["before"] = author[b_mask].value_counts().reindex(table.index).fillna(0).astype("int64")
    table = table.reset_index().sort_values(["posts", "engagement", "author"], ascending=[False, False, True],
                                            kind="mergesort")
    return table[cols].head(top).reset_index(drop=True)


def _samples(posts: pd.DataFrame, content: pd.Series, engagement: pd.Series, z: pd.Series, n: int,
             min_similarity: float, tz: str) -> pd.DataFrame:
    cols = ["reason", "time", "author", "text", "engagement", "copies", "id"]
    if n == 0 or posts.empty:
        return pd.DataFrame(columns=cols)
    posts = posts.reset_index(drop=True)
    sets = [frozenset(c) for c in content]
    eng = engagement.to_numpy(dtype=np.int64)
    signature = pd.Series([" ".join(sorted(x)) for x in sets])
    copies = signature.map(signature.value_counts()).to_numpy()
    zpos = z.clip(lower=0).to_dict()

    # one row per identical token set: its most engaged copy (earliest on ties)
    order = pd.DataFrame({"sig": signature, "eng": -eng, "time": pd.to_datetime(posts["time"], utc=True)})
    order = order.sort_values(["eng", "time"], kind="mergesort")
    first = np.zeros(len(posts), dtype=bool)
    first[order.index[~order["sig"].duplicated()].to_numpy()] = True
    if "is_retweet" in posts.columns:
        original = ~posts["is_retweet"].fillna(False).astype(bool).to_numpy()
        if (first & original).any():
            first &= original
    pool = np.flatnonzero(first)
    rep = {
        i: (sum(zpos.get(t, 0.0) for t in sets[i]) / len(sets[i]) if len(sets[i]) >= 3 else 0.0) for i in pool
    }
    by_engaged = sorted(pool, key=lambda i: (-eng[i], -copies[i]))
    by_repr = sorted(pool, key=lambda i: (-rep[i], -copies[i]))

    chosen: list[tuple[str, int]] = []
    picked: list[frozenset] = []
    for reason, ranked in (("engaged", by_engaged), ("representative", by_repr)):
        got = 0
        for i in ranked:
            if got == n or (reason == "engaged" and eng[i] <= 0):
                break
            if any(_near_duplicate(sets[i], x, min_similarity) for x in picked):
                continue
            chosen.append((reason, i))
            picked.append(sets[i])
            got += 1
    rows = []
    for reason, i in chosen:
        near = sum(_near_duplicate(sets[i], x, min_similarity) for x in sets)
        t = pd.Timestamp(posts.at[i, "time"])
        rows.append({
            "reason": reason,
            "time": t.tz_convert(tz) if t.tzinfo else t,
            "author": posts.at[i, "author"] if "author" in posts.columns else None,
            "text": posts.at[i, "text"],
            "engagement": int(eng[i]),
            "copies": int(max(near, copies[i])),
            "id": posts.at[i, "id"] if "id" in posts.columns else i,
        })
    return pd.DataFrame(rows, columns=cols)
