"""Coordinated accounts: groups whose shared content is too unlikely to be chance.

Why a null model: "many accounts posted the same thing" is also what a popular hashtag, a
viral post or a news event looks like. A group is reported only when the sharing is
improbable given how much each account posts and how popular the content is.

Every post yields *fingerprint uses* (:mod:`trendlib.graphs._fingerprints`: same text,
exact or near; same hashtag set or a superset of it; the same retweeted post; the same
URL or domain). Two time scales are tested, each with its own null model:

**Bursts** (near-simultaneous; text, hashtag sets and URLs: a retweet cascade or a
popular domain is near-simultaneous by nature, so co-retweets and domains count only at
the repeated scale). The uses of a fingerprint are split into *occasions*:
runs whose consecutive uses are at most ``window`` apart. An occasion where ``k``
distinct accounts took part is scored against *shuffled posting times*: if the ``m``
accounts that ever used the fingerprint had posted it at times drawn from the posting
volume of its reference (all uses of the signal; for a hashtag set, the posts carrying
its rarest tag in other combinations, so an event that makes a tag surge is not a
campaign), the chance
that ``k`` of them fall within a span holding a share ``q`` of that volume is at most
``m * P(Binomial(m - 1, q) >= k - 1)`` (a scan-statistic bound).

**Repeated fingerprints** (over days). Two accounts *co-share* when they use the same
fingerprint within the same ``repeat_window`` bucket (one day by default). If contents
were drawn independently of accounts from their overall popularity, two accounts that
post ``u_a`` and ``u_b`` times in the same bucket collide ``u_a * u_b * sum(p_f ** 2)``
times on average (``p_f`` the share of fingerprint ``f`` in its signal); the number of
co-shares of the pair is compared with that Poisson expectation. Heavy posters of a
popular hashtag set collide often and are expected to; three accounts posting one rare
tag set every day are not.

Scores are ``-log10`` of the p-value times the number of tests at that scale
(Bonferroni), so ``min_score=2`` keeps what would happen by chance less than once in a
hundred analyses of the same data. Accounts linked by a significant occasion or pair are
grouped (connected components); each group keeps its evidence.
"""

from __future__ import annotations

import warnings
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import sparse, stats

from .._keys import account_key
from .._time import NAT, parse_duration, utc_ns
from .._validation import check_choice, check_int, check_positive, require_columns
from . import _fingerprints as fpm
from ._interaction import _retweet_flags
from ._util import column_values, incidence, list_column, post_pairs

__all__: list[str] = []

Signal = Literal["text", "hashtags", "retweet", "url", "domain"]
DEFAULT_SIGNALS: tuple[str, ...] = ("text", "hashtags", "retweet", "url")
_SIMILARITY = {"near": ("text",), "exact": ("text",), "hashtags": ("hashtags",)}
_MAX_UNIT = 50  # units (fingerprint, bucket) with more accounts are bursts, not pairs


def _options(posts: pd.DataFrame, func: str, *, signals: Any, similarity: Any, window: Any, repeat_window: Any, min_accounts: Any, min_score: Any, min_similarity: Any, min_tokens: Any, min_hashtags: Any) -> dict:
    require_columns(posts, ["author", "time"], func=func, hint="trendlib.read_posts(...)")
    if similarity is not None:
        check_choice(similarity, list(_SIMILARITY), name="similarity", func=func)
        warnings.warn(f"{func}(similarity=...) is deprecated since trendlib 0.2; use signals={list(_SIMILARITY[similarity])!r}.", FutureWarning, stacklevel=3)
        signals = _SIMILARITY[similarity]
        if similarity == "exact":
            min_similarity = None
    opts = {
        "signals": fpm.signal_list(signals, func),
        "window": int(parse_duration(window, func=func, name="window").value),
        "repeat_window": int(parse_duration(repeat_window, func=func, name="repeat_window").value),
        "min_accounts": check_int(min_accounts, name="min_accounts", func=func, minimum=2),
        "min_score": check_positive(min_score, name="min_score", func=func, strict=False),
        "min_tokens": check_int(min_tokens, name="min_tokens", func=func, minimum=1),
        "min_hashtags": check_int(min_hashtags, name="min_hashtags", func=func, minimum=1),
        "min_similarity": None,
    }
    if min_similarity is not None:
        x = float(min_similarity) if isinstance(min_similarity, (int, float)) and not isinstance(min_similarity, bool) else float("nan")
        if not 0 < x <= 1:
            raise ValueError(f"The 'min_similarity' parameter of {func}() must be a number in (0, 1] or None. Got {min_similarity!r}.")
        opts["min_similarity"] = x
    need = {"text": ["text"], "retweet": ["text"], "hashtags": ["hashtags"], "url": ["urls"], "domain": ["urls"]}
    if signals is DEFAULT_SIGNALS:  # the default: what the posts can give
        opts["signals"] = tuple(s for s in opts["signals"] if set(need[s]) <= set(posts.columns)) or ("text",)
    for s in opts["signals"]:
        require_columns(posts, need[s], func=func, hint="trendlib.read_posts(...)")
    return opts


def post_accounts(posts: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(UTC ns times, author codes, account key of each code, valid): a post takes part in
    coordination when it has a time and an author (codes index ``keys``; -1 is ``""``)."""
    t = utc_ns(posts["time"])
    codes, uniques = pd.factorize(posts["author"].to_numpy(dtype=object), use_na_sentinel=True)
    keys = np.asarray([account_key(u) for u in uniques] + [""], dtype=object)
    return t, codes, keys, (t != NAT) & (keys[codes] != "")


def _uses(posts: pd.DataFrame, opts: dict, func: str) -> dict:
    """All fingerprint uses: arrays post, account, time, signal, fingerprint (global codes)."""
    t, codes, keys, valid = post_accounts(posts)
    acc_codes, accounts = pd.factorize(keys[codes])
    rt = _retweet_flags(posts)
    post, fp, sig, labelers = [], [], [], []
    texts = column_values(posts["text"]) if "text" in posts.columns else None
    offset = 0
    coded = None
    for s in opts["signals"]:
        if s in ("text", "retweet") and "text" not in posts.columns or s in ("url", "domain") and "urls" not in posts.columns:
            continue
        if s in ("text", "retweet") and coded is None:
            coded = fpm.text_codes(posts["text"])
        label = None
        if s == "text":
            rows, f = fpm.text_uses(coded, valid & ~rt, t, min_tokens=opts["min_tokens"], min_similarity=opts["min_similarity"])
        elif s == "hashtags":
            rows, f, label = fpm.hashtag_uses(posts, valid & ~rt, np.asarray(acc_codes, dtype=np.int64), min_hashtags=opts["min_hashtags"], func=func)
        elif s == "retweet":
            rows, f = fpm.retweet_uses(coded, valid & rt)
        else:
            rows, f, names = fpm.url_uses(posts, valid & ~rt, domain=s == "domain", func=func)
            label = names.__getitem__
        if not len(rows):
            continue
        f, uniq = pd.factorize(f)
        uniq = np.asarray(uniq, dtype=np.int64)
        if label is None:  # text-like: shown by the first post's text
            first = np.zeros(len(uniq), dtype=np.int64)
            first[f[::-1]] = rows[::-1]
            labelers.append((offset, lambda i, first=first: fpm.display_texts(texts, first[i:i + 1])[0]))
        else:
            labelers.append((offset, lambda i, label=label, uniq=uniq: label(int(uniq[i]))))
        post.append(rows)
        fp.append(f.astype(np.int64) + offset)
        sig.append(np.full(len(rows), opts["signals"].index(s), dtype=np.int64))
        offset += len(uniq)
    cat = (lambda xs, d: np.concatenate(xs) if xs else np.array([], dtype=d))
    p = cat(post, np.int64)
    starts = np.array([o for o, _ in labelers] + [offset], dtype=np.int64)

    def label_of(code: int) -> str:
        """The display form of a fingerprint (computed only for the evidence shown)."""
        k = int(np.searchsorted(starts, code, side="right")) - 1
        return labelers[k][1](int(code - starts[k]))

    return {"post": p, "fp": cat(fp, np.int64), "signal": cat(sig, np.int64), "label": label_of,
            "account": np.asarray(acc_codes, dtype=np.int64)[p], "time": t[p], "accounts": np.asarray(accounts, dtype=object),
            "n_accounts": len(accounts), "all_time": t, "valid": valid, "rt": rt,
            "signal_names": opts["signals"]}


def _accounts_per_fp(u: dict) -> pd.Series:
    """Distinct accounts of each fingerprint code (one int64 key per (fp, account), hashed once)."""
    n_acc = max(int(u["account"].max()) + 1, 1) if len(u["account"]) else 1
    pairs = pd.unique(u["fp"].astype(np.int64) * n_acc + u["account"])
    return pd.Series(np.bincount(pairs // n_acc, minlength=int(u["fp"].max()) + 1 if len(u["fp"]) else 0))


def _bursts(u: dict, opts: dict, posts: pd.DataFrame, func: str) -> pd.DataFrame:
    """Significant occasions: (fp, occasion rows, accounts, score)."""
    if not len(u["post"]):
        return pd.DataFrame(columns=["fp", "rows", "score"])
    order = np.lexsort((u["time"], u["fp"]))
    f, t = u["fp"][order], u["time"][order]
    new = np.r_[True, (f[1:] != f[:-1]) | (np.diff(t) > opts["window"])]
    occ = np.cumsum(new) - 1
    n_a = max(int(u["account"].max()) + 1, 1)
    occ_acc = pd.unique(occ.astype(np.int64) * n_a + u["account"][order])  # distinct accounts per occasion
    k = np.bincount(occ_acc // n_a, minlength=int(occ[-1]) + 1)
    m = _accounts_per_fp(u)
    burst_signals = [i for i, s in enumerate(u["signal_names"]) if s in ("text", "hashtags", "url")]
    occ_signal = u["signal"][order][starts_all] if (starts_all := np.flatnonzero(new)).size else np.array([], dtype=np.int64)
    big = np.flatnonzero((k >= opts["min_accounts"]) & np.isin(occ_signal, burst_signals))
    n_tests = max(int((m.to_numpy() >= opts["min_accounts"]).sum()), 1)
    if not len(big):
        return pd.DataFrame(columns=["fp", "rows", "score"])
    starts = np.flatnonzero(new)
    ends = np.r_[starts[1:], len(occ)]
    ref = _references(u, posts, func)
    ends_big = ends[big]
    fps = f[starts[big]]
    qs = np.empty(len(big))
    lo_b = t[starts[big]]
    hi_b = np.maximum(t[ends_big - 1], lo_b + 60 * 10**9)
    sig_b = u["signal"][order][starts[big]]
    tag_signals = [i for i, s in enumerate(u["signal_names"]) if s == "hashtags"]
    loop = np.isin(sig_b, tag_signals)
    if opts["window"] >= 60 * 10**9:
        # text and links, all at once: the reference is every use of the signal; the
        # fingerprint's own uses in [lo, hi] are the occasion's (a later use is more than
        # `window` >= 60 s after its end, so after hi)
        n_uses = np.bincount(u["fp"], minlength=int(u["fp"].max()) + 1)
        for sg in np.unique(sig_b[~loop]):
            sel = np.flatnonzero(~loop & (sig_b == sg))
            ref_t = np.sort(u["time"][u["signal"] == sg])
            own_in = ends_big[sel] - starts[big[sel]]
            inside = np.searchsorted(ref_t, hi_b[sel], side="right") - np.searchsorted(ref_t, lo_b[sel], side="left") - own_in
            total = np.maximum(len(ref_t) - n_uses[fps[sel]], 1)
            qs[sel] = np.minimum(np.maximum(inside / total, 1 / total), 1.0)
    else:
        loop[:] = True
    for i in np.flatnonzero(loop):  # hashtag sets (each its own reference), or a window under a minute
        o = big[i]
        s, e = starts[o], ends[o]
        ref_t, out_t = ref(int(f[s]))
        lo, hi = t[s], max(t[e - 1], t[s] + 60 * 10**9)
        inside = (np.searchsorted(ref_t, hi, side="right") - np.searchsorted(ref_t, lo, side="left")
                  - (np.searchsorted(out_t, hi, side="right") - np.searchsorted(out_t, lo, side="left")))
        total = max(len(ref_t) - len(out_t), 1)
        qs[i] = min(max(inside / total, 1 / total), 1.0)
    mf = m.reindex(fps).to_numpy(dtype=np.int64)
    ko = k[big]
    p = np.minimum(1.0, mf * stats.binom.sf(ko - 2, mf - 1, qs))
    score = -np.log10(np.maximum(p * n_tests, 1e-300))
    keep = np.flatnonzero(score >= opts["min_score"])
    return pd.DataFrame({"fp": fps[keep].astype(np.int64), "rows": [order[starts[big[i]]:ends_big[i]] for i in keep], "score": score[keep]}, columns=["fp", "rows", "score"])


def _references(u: dict, posts: pd.DataFrame, func: str) -> Any:
    """fp -> (sorted reference times, sorted times to leave out) for its burst test.

    Text and URL fingerprints: every other use of the signal. A hashtag set: the posts
    carrying its rarest tag in *other* combinations, so a surge of one event tag is
    compared with the surge itself; when fewer such posts exist than accounts that used
    the set (a tag minted for the campaign, or a set that is the only one), every other
    post. The fingerprint's own uses are never part of its reference.
    """
    sig = np.zeros(int(u["fp"].max()) + 1 if len(u["fp"]) else 0, dtype=np.int64)
    sig[u["fp"]] = u["signal"]
    by_signal = {int(s): np.sort(u["time"][u["signal"] == s]) for s in np.unique(u["signal"])}
    every = np.sort(u["all_time"][u["valid"]])
    m = _accounts_per_fp(u)
    order = np.lexsort((u["time"], u["fp"]))
    f_sorted, t_sorted = u["fp"][order], u["time"][order]
    cache: dict = {}
    tags = None

    def own(fp: int) -> np.ndarray:
        return t_sorted[np.searchsorted(f_sorted, fp, "left"):np.searchsorted(f_sorted, fp, "right")]

    def ref(fp: int) -> tuple[np.ndarray, np.ndarray]:
        nonlocal tags
        if u["signal_names"][sig[fp]] != "hashtags":
            return by_signal[int(sig[fp])], own(fp)
        if tags is None:  # posts x tags and each post's hashtag fingerprint, built once
            ok = np.flatnonzero(u["valid"] & ~u["rt"])
            X, names = incidence(list_column(posts.iloc[ok], "hashtags", func=func), lower=True)
            post_fp = np.full(len(posts), -1, dtype=np.int64)
            hs = u["signal"] == sig[fp]
            post_fp[u["post"][hs]] = u["fp"][hs]
            tags = (X.tocsc(), dict(zip(names.tolist(), range(len(names)))), u["all_time"][ok], post_fp[ok])
        if fp not in cache:
            Xc, col, t_ok, fp_ok = tags
            js = [col[x[1:]] for x in u["label"](fp).split() if x[1:] in col]
            j = min(js, key=lambda j: (Xc.indptr[j + 1] - Xc.indptr[j], j))
            rows = Xc.indices[Xc.indptr[j]:Xc.indptr[j + 1]]
            rows = rows[fp_ok[rows] != fp]
            empty = np.array([], dtype=np.int64)
            cache[fp] = (np.sort(t_ok[rows]), empty) if len(rows) >= int(m.loc[fp]) else (every, own(fp))
        return cache[fp]

    return ref


def _pairs(u: dict, opts: dict) -> pd.DataFrame:
    """Significant (account pair, fingerprint) co-shares at the repeated scale: a, b, fp, c, score.

    ``c`` is the number of ``repeat_window`` buckets in which both accounts used ``fp``;
    under the null it is Poisson with mean ``p_f ** 2 * A_ab`` (``A_ab``: the pair's
    co-activity, sum over buckets of the product of their uses of the signal).
    """
    cols = ["a", "b", "fp", "c", "score"]
    if not len(u["post"]):
        return pd.DataFrame(columns=cols)
    bucket = u["time"] // opts["repeat_window"]
    units = pd.DataFrame({"fp": u["fp"], "b": bucket, "acc": u["account"]}).drop_duplicates()
    ucode = units.groupby(["fp", "b"], sort=False).ngroup().to_numpy()
    size = np.bincount(ucode)
    keep = (size[ucode] >= 2) & (size[ucode] <= _MAX_UNIT)
    if not keep.any():
        return pd.DataFrame(columns=cols)
    U = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.int64), (ucode[keep], units["acc"].to_numpy()[keep])), shape=(len(size), u["n_accounts"]))
    unit_fp = np.zeros(len(size), dtype=np.int64)
    unit_fp[ucode] = units["fp"].to_numpy()
    unit, pa, pb = post_pairs(U)
    trip = pd.DataFrame({"a": pa.astype(np.int64), "b": pb.astype(np.int64), "fp": unit_fp[unit]})
    trip = trip.groupby(["a", "b", "fp"], sort=False).size().rename("c").reset_index()
    trip = trip[trip["c"].to_numpy() >= 2]
    if not len(trip):
        return pd.DataFrame(columns=cols)
    a, b, fp, c = (trip[x].to_numpy(np.int64) for x in ("a", "b", "fp", "c"))
    sig_of = np.zeros(int(u["fp"].max()) + 1, dtype=np.int64)
    sig_of[u["fp"]] = u["signal"]
    expect = np.zeros(len(a))
    b0 = int(bucket.min())
    nb = int(bucket.max()) - b0 + 1
    for s in np.unique(sig_of[fp]):
        sel = u["signal"] == s
        share = np.bincount(u["fp"][sel], minlength=len(sig_of)) / sel.sum()
        V = sparse.csr_matrix((np.ones(int(sel.sum())), (u["account"][sel], bucket[sel] - b0)), shape=(u["n_accounts"], nb))
        V.sum_duplicates()
        here = np.flatnonzero(sig_of[fp] == s)
        co = np.asarray(V[a[here]].multiply(V[b[here]]).sum(axis=1)).ravel()
        expect[here] = share[fp[here]] ** 2 * co
    p = stats.poisson.sf(c - 1, np.maximum(expect, 1e-300))
    score = -np.log10(np.maximum(p * len(a), 1e-300))
    ok = score >= opts["min_score"]
    return pd.DataFrame({"a": a[ok], "b": b[ok], "fp": fp[ok], "c": c[ok], "score": score[ok]})
