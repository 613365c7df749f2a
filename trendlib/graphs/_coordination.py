"""Coordinated accounts: distinct accounts posting the same content within a short window.

Method (one pass, no loop over pairs of posts in Python):

1. **Candidate posts.** Retweets are left out by default (``include_retweets=False``):
   many accounts retweeting a post at once is amplification, visible in
   ``interaction_graph(kind="retweet")``, and would otherwise flag every viral post. Each
   post gets a *key*: its text through :func:`trendlib.text.normalize`, without URLs,
   @mentions, punctuation and emoji, whitespace collapsed (so "@a Ayo dukung!" and
   "@b ayo  dukung https://t.co/x" match). Texts with fewer than ``min_tokens`` words are
   ignored ("mantap pak" is not a campaign). With ``similarity="hashtags"`` the key is the
   post's sorted set of hashtags (posts without hashtags are ignored).
2. **Events.** Posts are linked when they are similar and at most ``window`` apart:
   ``"exact"`` and ``"hashtags"`` link consecutive posts with the same key; ``"near"``
   links posts whose TF-IDF cosine (hashed word 1-2 grams of the keys, smooth idf,
   sublinear tf) is at least ``threshold``, comparing each post only with posts in its
   own and the next time bucket of width ``window`` (sparse products in bounded chunks,
   so the cost grows with the posts per window, not with the square of all posts). Connected
   components of this post graph are *events* (single linkage: a campaign posting every
   few seconds for an hour is one event). Events with fewer than ``min_accounts``
   distinct accounts are dropped.
3. **Groups.** Accounts are linked by the number of events they share (the co-posting
   graph, :func:`coordination_graph`); its connected components are the groups.

The ``score`` of a group is the mean weighted degree of its accounts in the co-posting
graph: how many (other account, shared event) pairs an account has on average. Three
accounts that coincide once score 2; ten accounts that co-post five times score 45.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .._validation import check_choice, require_columns
from ._interaction import _retweet_flags
from ._util import check_int, list_column, times_ns

__all__ = ["coordinated_accounts", "coordination_graph"]

SIMILARITIES = ("exact", "near", "hashtags")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MENTION = re.compile(r"@\w+")
_RT_PREFIX = re.compile(r"^\s*rt\s+@\w+:?", re.IGNORECASE)
_NONWORD = re.compile(r"[^\w#]+")
_HTML = re.compile(r"&(?:amp|lt|gt|quot|#39);")
_PAIR_BUDGET = 4_000_000  # rows x cols of one sparse similarity product


def _normalizer() -> Any:
    try:
        from trendlib.text import normalize

        normalize("Cek")  # the text module may be importable but not complete yet
        return normalize
    except (ImportError, AttributeError):  # text module not installed yet: NFKC + lowercase
        return lambda s: unicodedata.normalize("NFKC", s).lower()


def text_key(text: str, normalize: Any = None) -> str:
    """The comparison key of a text: normalised, no URLs/mentions/punctuation/emoji."""
    normalize = normalize or _normalizer()
    s = _HTML.sub(" ", _RT_PREFIX.sub(" ", text))
    s = _MENTION.sub(" ", _URL.sub(" ", s))
    s = normalize(s)
    s = _MENTION.sub(" ", _URL.sub(" ", s))
    s = _NONWORD.sub(" ", s.replace("_", " "))
    return " ".join(w for w in s.split() if w != "#")


def _window(window: Any) -> int:
    try:
        td = pd.Timedelta(window)
    except (TypeError, ValueError):
        td = pd.NaT
    if td is pd.NaT or td <= pd.Timedelta(0):
        raise ValueError(
            "The 'window' parameter of coordinated_accounts() must be a positive duration "
            f"such as '1min' or '30s'. Got {window!r}."
        )
    return int(td.value)


def _detect(posts: pd.DataFrame, *, window: Any, min_accounts: int, similarity: str, threshold: float | None, min_tokens: int, include_retweets: bool, func: str, min_hashtags: int = 1) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Return (candidate posts with key/author/time, event id per candidate, valid mask)."""
    require_columns(posts, ["author", "time"], func=func, hint="trendlib.read_posts(...)")
    check_choice(similarity, SIMILARITIES, name="similarity", func=func)
    w = _window(window)
    min_accounts = check_int(min_accounts, name="min_accounts", func=func, minimum=2)
    min_tokens = check_int(min_tokens, name="min_tokens", func=func, minimum=1)
    if threshold is None:
        threshold = 0.8
    threshold = float(threshold)
    if similarity == "near" and not 0 < threshold <= 1:
        raise ValueError(f"The 'threshold' parameter of {func}() must be a number in (0, 1]. Got {threshold!r}.")

    t = times_ns(posts)
    author = posts["author"].astype("string").to_numpy(dtype=object, na_value=None)
    ok = (t != np.iinfo(np.int64).min) & np.array([a is not None and a != "" for a in author], dtype=bool)
    if not include_retweets:
        ok &= ~_retweet_flags(posts)
    if similarity == "hashtags":
        lists = list_column(posts, "hashtags", func=func)
        min_hashtags = check_int(min_hashtags, name="min_hashtags", func=func)
        sets = [sorted({str(x) for x in v}) for v in lists]
        keys = np.array([" ".join(v) for v in sets], dtype=object)
        ok &= np.fromiter((len(v) >= min_hashtags for v in sets), dtype=bool, count=len(sets))
    else:
        require_columns(posts, ["text"], func=func, hint="trendlib.read_posts(...)")
        normalize = _normalizer()
        texts = posts["text"].tolist()
        memo: dict[str, str] = {}
        keys = np.array([
            (memo[x] if x in memo else memo.setdefault(x, text_key(x, normalize)))
            if isinstance(x, str) and ok[i] else ""
            for i, x in enumerate(texts)
        ], dtype=object)
        ok &= np.fromiter((len(k.split()) >= min_tokens for k in keys), dtype=bool, count=len(keys))

    cand = np.flatnonzero(ok)
    cand = cand[np.argsort(t[cand], kind="stable")]
    ct, ckeys = t[cand], keys[cand]
    n = len(cand)
    if similarity == "near":
        rows, cols = _near_pairs(ckeys, ct, w, threshold)
    else:
        order = np.lexsort((ct, pd.factorize(ckeys)[0]))
        same = np.r_[False, ckeys[order][1:] == ckeys[order][:-1]]
        close = np.r_[False, np.diff(ct[order]) <= w]
        link = np.flatnonzero(same & close)
        rows, cols = order[link - 1], order[link]
    graph = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    frame = pd.DataFrame({"row": cand, "author": author[cand], "time": ct, "key": ckeys, "event": label})
    n_acc = frame.groupby("event")["author"].nunique()
    keep = n_acc.index[n_acc.to_numpy() >= min_accounts]
    frame = frame[frame["event"].isin(keep)].reset_index(drop=True)
    frame.attrs.update({"window": pd.Timedelta(w), "similarity": similarity, "threshold": threshold if similarity == "near" else None, "min_accounts": min_accounts})
    return frame, frame["event"].to_numpy(), cand


def _near_pairs(keys: np.ndarray, t: np.ndarray, w: int, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) of posts within ``w`` ns whose TF-IDF cosine >= threshold."""
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

    n = len(keys)
    if n < 2:
        e = np.array([], dtype=np.int64)
        return e, e
    # hashing instead of a vocabulary: same TF-IDF (up to rare 2**20 collisions), faster
    hashed = HashingVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)#?\b\w+\b", n_features=2**20,
                               alternate_sign=False, norm=None, dtype=np.float32).transform(keys.tolist())
    X = TfidfTransformer(sublinear_tf=True).fit_transform(hashed).astype(np.float32).tocsr()
    bucket = (t - t[0]) // w
    # posts are sorted by time: a post's window partners lie in its own or the next bucket
    bucket_end = np.searchsorted(bucket, bucket + 1, side="left")
    col_end = np.searchsorted(bucket, bucket + 2, side="left")
    rows_out, cols_out = [], []
    i = 0
    while i < n:
        # a block of rows: the rest of this bucket, at least 256 rows, within the budget
        r1 = max(int(bucket_end[i]), min(i + 256, n))
        while r1 > i + 1 and (r1 - i) * (int(col_end[r1 - 1]) - i) > _PAIR_BUDGET:
            r1 = i + max(1, (r1 - i) // 2)
        c1 = int(col_end[r1 - 1])
        S = (X[i:r1] @ X[i:c1].T).tocoo()
        m = S.data >= threshold - 1e-6
        r, c = S.row[m] + i, S.col[m] + i
        m = (c > r) & (t[c] - t[r] <= w)
        rows_out.append(r[m])
        cols_out.append(c[m])
        i = r1
    return np.concatenate(rows_out).astype(np.int64), np.concatenate(cols_out).astype(np.int64)


def _account_matrix(frame: pd.DataFrame) -> tuple[sparse.csr_matrix, np.ndarray]:
    acc_codes, accounts = pd.factorize(frame["author"])
    ev_codes, _ = pd.factorize(frame["event"])
    E = sparse.csr_matrix((np.ones(len(frame)), (ev_codes, acc_codes)), shape=(ev_codes.max() + 1 if len(frame) else 0, len(accounts)))
    E.data[:] = 1.0
    E.sum_duplicates()
    E.data[:] = 1.0  # an account counts once per event
    A = (E.T @ E).tocsr()
    A.setdiag(0)
    A.eliminate_zeros()
    return A, np.asarray(accounts, dtype=object)


def coordinated_accounts(posts: pd.DataFrame, *, window: Any = "1min", min_accounts: int = 3, similarity: str = "near", threshold: float | None = None, min_tokens: int = 4, min_hashtags: int = 1, include_retweets: bool = False, n_texts: int = 3) -> pd.DataFrame:
    """Groups of distinct accounts posting the same or near-identical content within ``window``.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts: ``author``, ``time``, ``text`` (``hashtags`` for
        ``similarity="hashtags"``; ``is_retweet`` and ``id`` used when present).
    window : str or Timedelta
        Longest gap between two linked posts, e.g. ``"1min"``, ``"30s"``.
    min_accounts : int >= 2
        Fewest distinct accounts in one event.
    similarity : {"near", "exact", "hashtags"}
        ``"exact"``: same normalised text key; ``"near"``: TF-IDF cosine of the keys at
        least ``threshold`` (default 0.8); ``"hashtags"``: the same set of hashtags.
    threshold : float, optional
        Cosine threshold for ``"near"``.
    min_tokens : int
        Shortest text key (in words) considered (text modes).
    min_hashtags : int
        Fewest distinct hashtags a post needs (``"hashtags"`` mode). With 1, many
        accounts using one trending tag in the same minute form a group; that is what a
        hashtag campaign looks like, but also ordinary trending: read the texts, or ask
        for 2 or more.
    include_retweets : bool
        Count retweets as posts (default ``False``: retweeting is amplification, not
        authoring the same text).
    n_texts : int
        How many example texts to list per group.

    Returns
    -------
    pandas.DataFrame
        One row per group, highest score first: ``group`` (0 = top), ``accounts`` (sorted
        list), ``n_accounts``, ``n_posts``, ``n_events``, ``texts`` (most repeated
        original texts), ``post_ids`` (when posts have ``id``), ``first_seen``,
        ``last_seen``, ``score`` (see module docs). ``attrs`` records the options.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2025-02-24 20:00", tz="UTC")
    >>> posts = pd.DataFrame({
    ...     "author": ["akun1", "akun2", "akun3", "warga"],
    ...     "time": [t0, t0 + pd.Timedelta("10s"), t0 + pd.Timedelta("25s"), t0 + pd.Timedelta("40s")],
    ...     "text": ["Ayo dukung Danantara bangun negeri! #DanantaraBangunNegeri",
    ...              "@budi ayo dukung danantara bangun negeri #DanantaraBangunNegeri https://t.co/x",
    ...              "Ayo dukung Danantara, bangun negeri!! #danantarabangunnegeri",
    ...              "Harga cabai naik lagi di pasar"]})
    >>> groups = coordinated_accounts(posts, similarity="exact")
    >>> groups[["group", "accounts", "n_posts", "score"]]
       group                accounts  n_posts  score
    0      0  [akun1, akun2, akun3]        3    2.0
    """
    func = "coordinated_accounts"
    n_texts = check_int(n_texts, name="n_texts", func=func)
    frame, _, _ = _detect(posts, window=window, min_accounts=min_accounts, similarity=similarity, threshold=threshold, min_tokens=min_tokens, include_retweets=include_retweets, func=func, min_hashtags=min_hashtags)
    return _group_table(posts, frame, n_texts)


def _group_table(posts: pd.DataFrame, frame: pd.DataFrame, n_texts: int) -> pd.DataFrame:
    columns = ["group", "accounts", "n_accounts", "n_posts", "n_events", "texts", "post_ids", "first_seen", "last_seen", "score"]
    if not len(frame):
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        out.attrs.update(frame.attrs)
        return out
    A, accounts = _account_matrix(frame)
    _, comp = connected_components(A, directed=False)
    group_of = dict(zip(accounts, comp))
    frame["group"] = frame["author"].map(group_of)
    strength = np.asarray(A.sum(axis=1)).ravel()
    texts = posts["text"].to_numpy(dtype=object) if "text" in posts.columns else None
    ids = posts["id"].astype(str).to_numpy(dtype=object) if "id" in posts.columns else None
    rows = []
    for g, part in frame.groupby("group", sort=False):
        accs = sorted(set(part["author"]))
        members = np.flatnonzero(comp == g)
        row = {
            "accounts": accs,
            "n_accounts": len(accs),
            "n_posts": len(part),
            "n_events": part["event"].nunique(),
            "texts": _examples(texts, part["row"].to_numpy(), part["key"], n_texts) if texts is not None else list(part["key"].value_counts().index[:n_texts]),
            "post_ids": sorted(ids[part["row"].to_numpy()].tolist()) if ids is not None else None,
            "first_seen": pd.Timestamp(int(part["time"].min()), tz="UTC"),
            "last_seen": pd.Timestamp(int(part["time"].max()), tz="UTC"),
            "score": float(strength[members].mean()),
        }
        rows.append(row)
    out = pd.DataFrame(rows)
    out["_first"] = out["accounts"].str[0]
    out = out.sort_values(["score", "n_posts", "_first"], ascending=[False, False, True], ignore_index=True).drop(columns="_first")
    out.insert(0, "group", np.arange(len(out), dtype=np.int64))
    if ids is None:
        out = out.drop(columns="post_ids")
    out.attrs.update(frame.attrs)
    return out


def _examples(texts: np.ndarray, rows: np.ndarray, keys: pd.Series, k: int) -> list[str]:
    """The ``k`` most repeated keys of a group, each shown by its first original text."""
    first = {}
    for r, key in zip(rows, keys):
        first.setdefault(key, texts[r])
    counts = keys.value_counts()
    return [str(first[key]) for key in counts.index[:k]]


def coordination_graph(posts: pd.DataFrame, *, window: Any = "1min", min_accounts: int = 3, similarity: str = "near", threshold: float | None = None, min_tokens: int = 4, min_hashtags: int = 1, include_retweets: bool = False) -> Any:
    """Graph of accounts linked by coordinated co-posting (options as :func:`coordinated_accounts`).

    Returns
    -------
    networkx.Graph
        Nodes are accounts in at least one coordinated event, with ``n_posts`` (their
        coordinated posts), ``group`` (as in :func:`coordinated_accounts`) and
        ``first_seen``/``last_seen``; an edge's ``weight`` (= ``count``) is the number of
        coordinated events both accounts took part in.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2025-02-24 20:00", tz="UTC")
    >>> text = "Hari ini dimulai perjalanan baru pembangunan Indonesia #DanantaraBangunNegeri"
    >>> posts = pd.DataFrame({"author": ["a1", "a2", "a3", "a1", "a2", "a3"],
    ...     "time": [t0 + pd.Timedelta(s, "s") for s in (0, 5, 9, 600, 602, 610)],
    ...     "text": [text] * 3 + ["Investasi untuk rakyat, dukung terus Danantara"] * 3})
    >>> G = coordination_graph(posts, similarity="exact")
    >>> sorted(G.edges(data="weight"))
    [('a1', 'a2', 2), ('a1', 'a3', 2), ('a2', 'a3', 2)]
    """
    import networkx as nx

    func = "coordination_graph"
    frame, _, _ = _detect(posts, window=window, min_accounts=min_accounts, similarity=similarity, threshold=threshold, min_tokens=min_tokens, include_retweets=include_retweets, func=func, min_hashtags=min_hashtags)
    G = nx.Graph(kind="coordination", node_type="account", **{k: str(v) if isinstance(v, pd.Timedelta) else v for k, v in frame.attrs.items()})
    if not len(frame):
        return G
    groups = _group_table(posts, frame, 1)
    group_of = {a: int(g) for g, accs in zip(groups["group"], groups["accounts"]) for a in accs}
    A, accounts = _account_matrix(frame)
    stats = frame.groupby("author")["time"].agg(["size", "min", "max"])
    for a in accounts:
        s = stats.loc[a]
        G.add_node(a, n_posts=int(s["size"]), group=group_of.get(a), first_seen=pd.Timestamp(int(s["min"]), tz="UTC"), last_seen=pd.Timestamp(int(s["max"]), tz="UTC"))
    U = sparse.triu(A, k=1).tocoo()
    G.add_edges_from((accounts[i], accounts[j], {"weight": int(v), "count": int(v)}) for i, j, v in zip(U.row, U.col, U.data))
    return G
