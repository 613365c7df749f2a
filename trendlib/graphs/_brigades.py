"""Reply brigades: the same accounts answering the threads of several other accounts.

Why its own test: a brigade of paid or scripted accounts often does not copy a text, share
a hashtag set or retweet a post; it *replies*. In the Danantara scrape of May 2025 (data
home), about 400 accounts answered two threads of one account with 555 replies, each
worded differently ("Dukungan Presiden Prabowo bikin Danantara tambah semangat ...",
"Presiden Prabowo selalu jadi pendukung terbaik untuk Danantara"), and the same accounts
answered the threads of two other accounts. No fingerprint of
:func:`trendlib.graphs.coordinated_accounts` links them: the texts differ, and many
accounts replying to one popular post within an hour is also what a viral thread looks
like (the KIP Kuliah outrage of 2024: thousands of replies, spread over many threads).

What separates the two is *who* replies. The repliers of two organic threads by different
accounts barely overlap (KIP-K: at most 5% of the smaller thread's repliers, Danantara
before the launch: 5%), while a brigade brings the same accounts to every thread it is sent
to (Danantara after the launch: 34-52% of the smaller thread's repliers). How much overlap
chance allows depends on who the repliers are: a few accounts that answer every popular
post make every pair of big threads share them. The null model is therefore the
*bipartite configuration model* (BiCM; Saracco et al. 2015, 2017), the maximum-entropy
random graph of accounts and threads that keeps, on average, how many threads each account
answered and how many accounts each thread drew: account ``a`` is in thread ``i`` with
probability ``p_ai = x_a y_i / (1 + x_a y_i)``, with ``x`` and ``y`` solved by a fixed-point
iteration over the distinct degrees (a few dozen steps). The overlap of threads ``i`` and
``j`` is then a sum of independent Bernoulli variables with mean ``sum_a p_ai p_aj``; its
p-value is read from the Poisson distribution of that mean, which has the heavier upper
tail of the two and so errs towards saying nothing. Validated projections of this kind are
how Caldarelli et al. (2020) found the bot squads of Italian political Twitter in retweet
networks. A plain hypergeometric draw (every replier alike) is not enough: on generated
posts with heavy-tailed activity and no brigade it flagged tens of thousands of pairs, the
BiCM none (``tests/test_graphs_brigades.py``).

For every pair of popular threads started by different accounts the score is ``-log10`` of
the p-value times the number of pairs tested (Bonferroni), as in
:func:`coordinated_accounts`, so ``min_score=2`` keeps what chance would produce less than
once in a hundred analyses of the same posts; the shared accounts must also be at least
``min_shared`` and ``min_share`` of the smaller thread's repliers, so that a handful of
accounts in two huge threads, however improbable, is not called a brigade.

Threads linked by significant pairs form one brigade; its accounts are the repliers
shared by at least one significant pair who gave the brigade's threads at least half
(``FOCUS``) of the threads they answered (an account that answers every popular post is
in both threads by habit; each of the 414 accounts of the Danantara brigade answered
nothing else), and its posts are their replies to those threads.
Pairs of threads by the same account are not tested: an account's own followers answer
each of its posts, which is a community, not a brigade.

A thread is the post's ``conversation_id`` where the reader gives it (tweet-harvest,
twarc2, snscrape); without it, every reply to one account counts as one thread, which is
coarser (an account's followers again) and then only pairs of different accounts are
tested too.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse, stats
from scipy.sparse.csgraph import connected_components

from .._time import NAT, to_timestamps, utc_ns
from .._validation import check_int, check_positive, check_probability, require_columns
from ._util import column_values

__all__ = ["reply_brigades"]

BRIGADE_COLUMNS = ["group", "accounts", "n_accounts", "n_posts", "n_occasions", "signals", "scale", "fingerprint",
                   "texts", "post_ids", "first_seen", "last_seen", "score", "threads", "thread_authors", "shared",
                   "expected"]
_FUNC = "reply_brigades"
#: share of the threads an account answers that must be the brigade's for it to count as a member
FOCUS = 0.5


def reply_brigades(posts: pd.DataFrame, *, min_repliers: int = 20, min_shared: int = 10, min_share: float = 0.1,
                   min_score: float = 2.0, top: int = 3) -> pd.DataFrame:
    """Groups of accounts that answer the threads of several other accounts together.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts: ``author`` and ``reply_to`` (the replied-to account); a
        ``conversation_id`` column, where present, defines the threads; ``id``, ``time``
        and ``text`` fill the table when present. Retweets and an account's replies to
        itself are not replies here.
    min_repliers : int, default 20
        Threads with fewer distinct repliers are not tested (too small to say anything).
    min_shared : int, default 10
        Fewest accounts two threads must share.
    min_share : float, default 0.1
        Smallest share of the smaller thread's repliers that the shared accounts must be.
    min_score : float, default 2.0
        Smallest score, ``-log10`` of the Bonferroni-adjusted p-value (module docstring).
    top : int, default 3
        Example reply texts kept per brigade.

    Returns
    -------
    pandas.DataFrame
        One row per brigade, strongest first, with the columns of
        :func:`coordinated_accounts` (``signals`` is ``["reply"]`` and ``scale``
        ``"threads"``; ``n_occasions`` counts the threads; ``fingerprint`` names them) and
        ``threads`` (thread ids), ``thread_authors`` (the accounts answered), ``shared``
        (the overlap of the brigade's most significant pair of threads) and ``expected``
        (that pair's overlap under the null model). ``attrs`` records the options, ``n_repliers`` (``N``)
        and ``pairs_tested``.

    See Also
    --------
    coordinated_accounts : shared texts, hashtag sets, retweets and links.

    Notes
    -----
    The null model and why it is needed are in the module docstring. Measured on the data
    home's scrapes (docs/coordination.md, "Reply brigades"): the Danantara scrape after
    the launch gives one brigade (the threads of three accounts); the Danantara scrape
    before it and the KIP Kuliah scrape, none (their largest overlaps are 5% of a thread).

    References
    ----------
    .. [1] F. Saracco, R. Di Clemente, A. Gabrielli, T. Squartini, "Randomizing bipartite
       networks: the case of the World Trade Web", Scientific Reports 5, 10595 (2015).
    .. [2] F. Saracco, M. J. Straka, R. Di Clemente, A. Gabrielli, G. Caldarelli,
       T. Squartini, "Inferring monopartite projections of bipartite networks: an
       entropy-based approach", New Journal of Physics 19, 053022 (2017).
    .. [3] G. Caldarelli, R. De Nicola, F. Del Vigna, M. Petrocchi, F. Saracco, "The role
       of bot squads in the political propaganda on Twitter", Communications Physics 3,
       81 (2020).

    Examples
    --------
    >>> import pandas as pd
    >>> brigade = [f"b{i}" for i in range(30)]
    >>> rows = []
    >>> for target in ("akun_a", "akun_b"):  # the same 30 accounts answer two accounts' posts
    ...     rows += [(a, target, f"{target}-1", f"mantap {target} {a}") for a in brigade]
    ...     rows += [(f"{target}_fan{i}", target, f"{target}-1", "setuju") for i in range(30)]
    >>> rows += [(f"x{i}", "akun_c", "akun_c-1", "hmm") for i in range(300)]  # others reply elsewhere
    >>> posts = pd.DataFrame(rows, columns=["author", "reply_to", "conversation_id", "text"])
    >>> out = reply_brigades(posts)
    >>> r = out.iloc[0]
    >>> int(r.n_accounts), int(r.n_posts), r.thread_authors, int(r.shared), r.signals, r.scale
    (30, 60, ['akun_a', 'akun_b'], 30, ['reply'], 'threads')
    """
    require_columns(posts, ["author", "reply_to"], func=_FUNC, hint="trendlib.read_posts(...)")
    min_repliers = check_int(min_repliers, name="min_repliers", func=_FUNC, minimum=2)
    min_shared = check_int(min_shared, name="min_shared", func=_FUNC, minimum=1)
    min_share = check_probability(min_share, name="min_share", func=_FUNC)
    min_score = check_positive(min_score, name="min_score", func=_FUNC, strict=False)
    top = check_int(top, name="top", func=_FUNC, minimum=0)
    opts = {"min_repliers": min_repliers, "min_shared": min_shared, "min_share": min_share, "min_score": min_score}

    author = posts["author"].astype(object).to_numpy()
    target = posts["reply_to"].astype(object).to_numpy()
    keep = np.array(posts["author"].notna() & posts["reply_to"].notna(), dtype=bool)  # a writable copy
    # compared only where both are present (pd.NA has no truth value on older pandas)
    keep[keep] = author[keep].astype(str) != target[keep].astype(str)
    if "is_retweet" in posts.columns:
        keep &= ~posts["is_retweet"].fillna(False).astype(bool).to_numpy()
    rows = np.flatnonzero(keep)
    thread = target[rows].astype(str)
    if "conversation_id" in posts.columns:
        conv = posts["conversation_id"].astype(object).to_numpy()[rows]
        has = pd.notna(conv)
        thread = np.where(has, np.asarray(["c:" + str(c) for c in conv], dtype=object), "a:" + thread.astype(object))
    else:
        thread = "a:" + thread.astype(object)
    acc_codes, accs = pd.factorize(author[rows].astype(str))
    th_codes, threads = pd.factorize(thread)
    n_rep = len(accs)
    out = _empty()
    out.attrs.update(opts, n_repliers=n_rep, pairs_tested=0)
    if not len(rows):
        return out
    # thread x account incidence (distinct repliers), the popular threads, their owners
    M = sparse.csr_matrix((np.ones(len(rows), dtype=np.int64), (th_codes, acc_codes)), shape=(len(threads), n_rep))
    M.sum_duplicates()
    M.data[:] = 1  # an account counts once per thread, however often it replied
    size = np.asarray(M.sum(axis=1)).ravel()
    deg = np.asarray(M.sum(axis=0)).ravel()
    popular = np.flatnonzero(size >= min_repliers)
    if len(popular) < 2:
        return out
    # a thread's owner: the account its replies answer most (replies to repliers answer others)
    on_pop = np.isin(th_codes, popular)
    tally = pd.DataFrame({"t": th_codes[on_pop], "o": target[rows][on_pop].astype(str)}).value_counts()
    tally = tally.reset_index().sort_values(["t", "count", "o"], ascending=[True, False, True], kind="stable")
    own = tally.drop_duplicates("t").set_index("t")["o"].reindex(popular).to_numpy()
    P = M[popular]
    overlap = (P @ P.T).toarray()
    a, b = np.triu_indices(len(popular), k=1)
    cross = own[a] != own[b]
    a, b = a[cross], b[cross]
    n_tests = len(a)
    out.attrs["pairs_tested"] = int(n_tests)
    if not n_tests:
        return out
    k = overlap[a, b]
    na, nb = size[popular[a]], size[popular[b]]
    expected = _expected_overlaps(deg, size, popular)[a, b]
    logp = stats.poisson.logsf(k - 1, expected)
    score = np.maximum(-(logp + np.log(n_tests)) / np.log(10), 0.0)
    sig = (score >= min_score) & (k >= min_shared) & (k >= min_share * np.minimum(na, nb))
    if not sig.any():
        return out
    a, b, k, score, expected = a[sig], b[sig], k[sig], score[sig], expected[sig]
    n_pop = len(popular)
    _, comp = connected_components(sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(n_pop, n_pop)), directed=False)
    ids = column_values(posts["id"], as_str=True) if "id" in posts.columns else None
    texts = column_values(posts["text"]) if "text" in posts.columns else None
    times = utc_ns(posts["time"]) if "time" in posts.columns else None
    groups = []
    for c in np.unique(comp[a]):
        pairs = np.flatnonzero(comp[a] == c)
        members = np.unique(np.r_[a[pairs], b[pairs]])
        shared = set()
        for p in pairs:
            shared.update(P[a[p]].multiply(P[b[p]]).indices.tolist())  # the accounts in both threads
        th_global = popular[members]
        # an account that answers popular posts everywhere is in these threads by habit:
        # a brigade account gives them at least half of the threads it answers
        cand = np.fromiter(shared, dtype=np.int64)
        inside = np.asarray(M[th_global][:, cand].sum(axis=0)).ravel()
        shared = set(cand[inside >= FOCUS * deg[cand]].tolist())
        if len(shared) < min_shared:
            continue
        sel = np.isin(th_codes, th_global) & np.isin(acc_codes, np.fromiter(shared, dtype=np.int64))
        prow = rows[sel]
        best = pairs[np.argmax(score[pairs])]
        t_ids = [str(threads[t])[2:] for t in th_global]
        t_auth = sorted(set(own[members].tolist()))
        ex = []
        if texts is not None and top:
            # in the order of the posts' ids, as in the table (and as the Dask version reads them)
            order = prow[np.argsort(np.asarray(ids[prow], dtype=str), kind="stable")] if ids is not None else prow
            ex = first_texts(texts[order], top)
        tt = times[prow] if times is not None else np.zeros(0, np.int64)
        tt = tt[tt != NAT]
        groups.append({
            "accounts": sorted(accs[list(shared)].tolist()), "n_accounts": len(shared), "n_posts": len(prow),
            "n_occasions": len(members), "signals": ["reply"], "scale": "threads",
            "fingerprint": "replies to the threads of " + ", ".join(f"@{x}" for x in t_auth),
            "texts": ex, "post_ids": sorted(ids[prow].tolist()) if ids is not None else prow.tolist(),
            "first_seen": int(tt.min()) if len(tt) else NAT, "last_seen": int(tt.max()) if len(tt) else NAT,
            "score": round(float(score[pairs].max()), 3), "threads": t_ids, "thread_authors": t_auth,
            "shared": int(k[best]), "expected": round(float(expected[best]), 1),
        })
    if not groups:
        return out
    res = pd.DataFrame(groups)
    res = res.sort_values(["score", "n_posts"], ascending=[False, False], ignore_index=True)
    res.insert(0, "group", np.arange(len(res), dtype=np.int64))
    for col in ("first_seen", "last_seen"):
        res[col] = to_timestamps(res[col].to_numpy(dtype=np.int64))
    res = res[BRIGADE_COLUMNS]
    res.attrs.update(out.attrs)
    return res


def _bicm(deg: np.ndarray, size: np.ndarray, *, max_iter: int = 1000, tol: float = 1e-9) -> tuple:
    """The bipartite configuration model's probabilities, per degree class.

    Returns ``(degree values, accounts per degree, size values, p)`` where ``p[c, s]`` is
    the probability that an account of the ``c``-th degree is in a thread of the ``s``-th
    size, ``x y / (1 + x y)``, with ``x`` and ``y`` such that every account's and every
    thread's expected degree is its observed one (fixed point of Saracco et al. 2015).
    """
    dv, dc = np.unique(deg, return_counts=True)
    sv, sc = np.unique(size, return_counts=True)
    root = np.sqrt(float(deg.sum()))
    x, y = dv / root, sv / root
    for _ in range(max_iter):
        x_new = dv / ((y / (1.0 + np.outer(x, y))) @ sc)
        y_new = sv / ((x_new[:, None] / (1.0 + np.outer(x_new, y))).T @ dc)
        done = np.max(np.abs(x_new - x) / x) < tol and np.max(np.abs(y_new - y) / y) < tol
        x, y = x_new, y_new
        if done:
            break
    xy = np.outer(x, y)
    return dv, dc, sv, xy / (1.0 + xy)


def _expected_overlaps(deg: np.ndarray, size: np.ndarray, popular: np.ndarray) -> np.ndarray:
    """Expected shared repliers of every pair of popular threads under the BiCM (``deg``:
    threads per account, ``size``: accounts per thread, every one at least 1)."""
    _, dc, sv, p = _bicm(deg, size)
    F = p[:, np.searchsorted(sv, size[popular])]  # degree class x popular thread
    return (F.T * dc) @ F


def first_texts(values: Any, top: int) -> list[str]:
    """The first ``top`` distinct texts among ``values`` (missing values skipped): a
    brigade's examples, read the same way by the pandas and the Dask functions."""
    out: list[str] = []
    if top <= 0:
        return out
    for x in values:
        if isinstance(x, str) and x not in out:
            out.append(x)
            if len(out) >= top:
                break
    return out


def with_brigades(groups: pd.DataFrame, brigades: pd.DataFrame) -> pd.DataFrame:
    """The groups of :func:`coordinated_accounts` and the reply brigades in one table,
    strongest first (both scores are ``-log10`` of a Bonferroni-adjusted p-value), numbered
    again; ``attrs`` are the groups' plus ``reply_brigades`` (how many). Internal: what
    the pandas and the Dask reports show."""
    if not len(brigades):
        return groups
    attrs = {**groups.attrs, "reply_brigades": len(brigades)}
    parts = [groups, brigades.drop(columns="group")] if len(groups) else [brigades.drop(columns="group")]
    both = pd.concat(parts, ignore_index=True)
    both = both.sort_values(["score", "n_posts"], ascending=[False, False], kind="stable", ignore_index=True)
    both["group"] = np.arange(len(both), dtype=np.int64)
    both.attrs.update(attrs)
    return both


def _empty() -> pd.DataFrame:
    out = pd.DataFrame({c: pd.Series(dtype=object) for c in BRIGADE_COLUMNS})
    for c in ("group", "n_accounts", "n_posts", "n_occasions", "shared"):
        out[c] = out[c].astype(np.int64)
    for c in ("score", "expected"):
        out[c] = out[c].astype(float)
    for c in ("first_seen", "last_seen"):
        out[c] = pd.Series(dtype="datetime64[ns, UTC]")
    return out
