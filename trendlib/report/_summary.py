"""The report's own tables: provenance, headline numbers, top items, top posts (internal).

Everything here is vectorised over the whole posts table (group-bys over integer codes,
``explode`` + ``value_counts``), never a Python loop over accounts or communities: the
report must stay linear at a million posts. Ties are broken by key, so the same input
gives the same tables whatever the hash seed.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._keys import display_key
from ._tables import format_table

__all__ = [
    "provenance",
    "headline",
    "top_items",
    "top_terms",
    "top_posts",
    "top_accounts",
    "summarize_posts",
    "engagement",
]

_ENGAGEMENT = ("like_count", "retweet_count", "reply_count", "quote_count")


def _exploded(posts: pd.DataFrame, column: str) -> pd.DataFrame:
    """(row, item) occurrences of a list column (an item named twice in a post is there twice)."""
    from ..counts import flatten

    rows, items = flatten(posts[column].tolist())
    return pd.DataFrame({"row": rows, "item": np.asarray([i if type(i) is str else str(i) for i in items], dtype=object)})


def top_items(posts: pd.DataFrame, column: str, *, top: int | None = 10, transform: Any = None) -> pd.DataFrame:
    """Items of a list column ranked by the posts (and accounts) that carry them.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts.
    column : str
        ``"hashtags"``, ``"mentions"`` or ``"urls"``.
    top : int or None
        Rows to keep (None keeps all).
    transform : callable, optional
        Applied to each item first (e.g. URL -> domain).

    Returns
    -------
    pandas.DataFrame
        ``key``, ``posts``, ``accounts``, sorted by posts then key.

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> top_items(load_sample_posts(), "hashtags", top=2)["key"].tolist()
    ['kttasean2023', 'asean2023']
    """
    if column not in posts.columns or not len(posts):
        return pd.DataFrame({"key": pd.Series(dtype=str), "posts": pd.Series(dtype=np.int64),
                             "accounts": pd.Series(dtype=np.int64)})
    ex = _exploded(posts, column)
    if transform is not None:
        distinct = ex["item"].unique()
        ex["item"] = ex["item"].map(dict(zip(distinct, map(transform, distinct))))
        ex = ex[ex["item"] != ""]
    authors = posts["author"].to_numpy() if "author" in posts.columns else None
    return _rank_pairs(ex["row"].to_numpy(), ex["item"].to_numpy(), authors, top)


def _rank_pairs(rows: np.ndarray, items: np.ndarray, authors: Any, top: int | None) -> pd.DataFrame:
    """(row, item) occurrences -> items ranked by the posts carrying them, with distinct accounts.

    All on integer codes: an item named twice in a post counts once, an account once per item.
    """
    codes, uniq = pd.factorize(items)
    rows = np.asarray(rows, dtype=np.int64)
    n_items = max(len(uniq), 1)
    first = ~pd.Series(rows * n_items + codes).duplicated().to_numpy()
    n_posts = np.bincount(codes[first], minlength=len(uniq))
    out = pd.DataFrame({"key": pd.Index(uniq).astype(str), "posts": n_posts.astype(np.int64)})
    if authors is not None and len(codes):
        a_codes, a_uniq = pd.factorize(np.asarray(authors, dtype=object)[rows[first]])
        has = a_codes >= 0
        pair = pd.unique(codes[first][has] * np.int64(max(len(a_uniq), 1)) + a_codes[has])
        out["accounts"] = np.bincount(pair // max(len(a_uniq), 1), minlength=len(uniq)).astype(np.int64)
    else:
        out["accounts"] = np.zeros(len(out), dtype=np.int64)
    out = out.sort_values(["posts", "key"], ascending=[False, True], kind="stable").reset_index(drop=True)
    out = out if top is None else out.head(top)
    return out


def _rank_codes(rows: np.ndarray, codes: np.ndarray, keys: np.ndarray, author_codes: Any,
                top: int | None) -> pd.DataFrame:
    """:func:`_rank_pairs` for (row, key code) pairs that are already distinct, with the
    authors as codes of every post (``pd.factorize`` of the raw values): the same table."""
    n_posts = np.bincount(codes, minlength=len(keys))
    used = np.flatnonzero(n_posts)
    out = pd.DataFrame({"key": pd.Index(keys[used]).astype(str), "posts": n_posts[used].astype(np.int64)})
    if author_codes is not None and len(codes):
        a = author_codes[rows]
        has = a >= 0
        n_a = np.int64(max(int(author_codes.max()) + 1, 1))
        pair = pd.unique(codes[has].astype(np.int64) * n_a + a[has])
        out["accounts"] = np.bincount(pair // n_a, minlength=len(keys))[used].astype(np.int64)
    else:
        out["accounts"] = np.zeros(len(out), dtype=np.int64)
    out = out.sort_values(["posts", "key"], ascending=[False, True], kind="stable").reset_index(drop=True)
    return out if top is None else out.head(top)


def top_terms(posts: pd.DataFrame, *, top: int | None = 10, column: str = "tokens", _index: Any = None) -> pd.DataFrame:
    """Word terms ranked by the posts that use them (ties by term, so runs agree).

    Uses a ``tokens`` column (from :func:`trendlib.text.add_tokens`) when present, else
    tokenises ``text`` with the topic stopword profile. ``_index`` (the report's
    :class:`trendlib.counts.PostIndex` of these posts) reuses the term occurrences.
    """
    from ..counts import word_occurrences

    if _index is not None and _index.usable(posts) and column == "tokens" and column in posts.columns:
        rows, codes, keys = _index.occurrences("term")
        drop = pd.Index(keys).get_indexer(["rt", "amp"])
        if (drop >= 0).any():
            ok = ~np.isin(codes, drop[drop >= 0])
            rows, codes = rows[ok], codes[ok]
        authors = _index.author_codes() if "author" in posts.columns else None
        return _rank_codes(rows, codes, keys, authors, top)
    if column in posts.columns:
        lists = posts[column].tolist()
    else:
        from ..text import tokenize

        memo: dict = {}
        lists = []
        for t in posts["text"].tolist():
            if t not in memo:
                memo[t] = tokenize(t, stopwords="topic") if isinstance(t, str) else []
            lists.append(memo[t])
    rows, words = word_occurrences(lists, drop=("rt", "amp"))
    authors = posts["author"].to_numpy() if "author" in posts.columns else None
    return _rank_pairs(rows, words, authors, top)


def engagement(posts: pd.DataFrame) -> pd.Series:
    """Likes + retweets + replies + quotes per post (missing counts as 0)."""
    total = pd.Series(np.zeros(len(posts), dtype=np.int64), index=posts.index)
    for col in _ENGAGEMENT:
        if col in posts.columns:
            total = total + pd.to_numeric(posts[col], errors="coerce").fillna(0).astype(np.int64)
    return total


def top_posts(posts: pd.DataFrame, *, top: int = 10, tz: str = "Asia/Jakarta") -> pd.DataFrame:
    """Original posts (not retweets) with the most engagement; ties by time then id."""
    cols = ["id", "time", "author", "text"]
    if not len(posts):
        return pd.DataFrame(columns=[*cols, "engagement", "sentiment"])
    eng = engagement(posts).to_numpy()
    rows = np.arange(len(posts))
    if "is_retweet" in posts.columns:
        rows = rows[~posts["is_retweet"].fillna(False).astype(bool).to_numpy()]
    if len(rows) > top > 0:
        # only posts at least as engaged as the top-th can be in the table: the rest are
        # set aside by one partition, not sorted with the text ids (seconds at a million)
        kth = np.partition(eng[rows], len(rows) - top)[len(rows) - top]
        rows = rows[eng[rows] >= kth]
    time = posts["time"]
    if pd.api.types.is_datetime64_any_dtype(time.dtype):  # as integers (missing last, as pandas sorts them)
        time = pd.DatetimeIndex(time)
        time = np.where(time.isna(), np.iinfo(np.int64).max, time.asi8)
    else:
        time = time.to_numpy()
    cand = pd.DataFrame({"engagement": eng[rows], "time": time[rows],
                         **({"id": posts["id"].to_numpy()[rows]} if "id" in posts.columns else {})}, index=rows)
    by = ["engagement", "time", "id"] if "id" in cand.columns else ["engagement", "time"]
    rows = cand.sort_values(by, ascending=[False, True, True][: len(by)], kind="stable").head(top).index.to_numpy()
    df = posts.iloc[rows].assign(engagement=eng[rows])
    keep = [c for c in [*cols, "engagement", "like_count", "retweet_count", "sentiment", "polarity"] if c in df.columns]
    out = df[keep].reset_index(drop=True)
    out["time"] = pd.to_datetime(out["time"], utc=True).dt.tz_convert(tz)
    return out


def top_accounts(posts: pd.DataFrame, *, top: int = 10) -> pd.DataFrame:
    """Accounts by posts, with the engagement their posts received and their retweet share."""
    if not len(posts) or "author" not in posts.columns:
        return pd.DataFrame(columns=["account", "posts", "engagement", "retweets"])
    df = pd.DataFrame({
        "account": posts["author"].to_numpy(),
        "engagement": engagement(posts).to_numpy(),
        "rt": posts["is_retweet"].fillna(False).astype(bool).to_numpy() if "is_retweet" in posts else False,
    }).dropna(subset=["account"])
    g = df.groupby("account", sort=True)
    out = pd.DataFrame({"posts": g.size(), "engagement": g["engagement"].sum(), "retweets": g["rt"].sum()})
    out = out.reset_index().sort_values(["posts", "engagement", "account"], ascending=[False, False, True], kind="stable")
    out = out.head(top).reset_index(drop=True)
    if "author_name" in posts.columns:
        # the first name each shown account posted under (two columns of their rows, not a
        # copy of every column of every post: that took a second at a million posts)
        shown = posts.loc[posts["author"].isin(set(out["account"])).to_numpy(), ["author", "author_name"]]
        names = shown.drop_duplicates("author").set_index("author")["author_name"]
        out["name"] = out["account"].map(names)
    return out


def provenance(posts: pd.DataFrame, params: dict, *, tz: str) -> dict:
    """Where the posts came from and what the reader did with them (from ``attrs``)."""
    attrs = posts.attrs or {}
    src = attrs.get("source", "(a DataFrame)")
    sources = src if isinstance(src, list) else [src]
    fmt = attrs.get("format", "?")
    times = pd.to_datetime(posts["time"], utc=True).dropna() if "time" in posts.columns else pd.Series([], dtype="datetime64[ns, UTC]")
    dropped = dict(attrs.get("rows_dropped", {}) or {})
    prov = {
        "sources": [str(s) for s in sources],
        "format": ", ".join(fmt) if isinstance(fmt, list) else str(fmt),
        "platform": ", ".join(sorted(set(map(str, posts["platform"].dropna().unique())))) if "platform" in posts and len(posts) else "",
        "rows_read": int(attrs.get("rows_read", len(posts))),
        "rows_kept": int(len(posts)),
        "rows_dropped": {str(k): int(v) for k, v in dropped.items()},
        "duplicates": int(attrs.get("duplicates", 0) or 0),
        "duplicates_dropped": int(attrs.get("duplicates_dropped", 0) or 0),
        "encoding": str(attrs.get("encoding", "")),
        "first_post": times.min().tz_convert(tz) if len(times) else None,
        "last_post": times.max().tz_convert(tz) if len(times) else None,
        "posts_without_time": int(len(posts) - len(times)),
        "notes": [str(n) for n in attrs.get("notes", [])],
        "parameters": dict(params),
    }
    return prov


def _period_stats(df: pd.DataFrame, *, authors: bool = True) -> dict:
    n = len(df)
    out = {"posts": n}
    if authors:
        out["accounts"] = int(df["author"].nunique())
    out |= {
        "retweets": int(df["is_retweet"].fillna(False).astype(bool).sum()) if "is_retweet" in df else 0,
        "replies": int(df["reply_to"].notna().sum()) if "reply_to" in df else 0,
        "engagement": int(engagement(df).sum()),
    }
    if "sentiment" in df.columns and n:
        vc = df["sentiment"].value_counts()
        out["net sentiment"] = round(float((vc.get("positive", 0) - vc.get("negative", 0)) / n), 3)
    return out


#: platform language codes that name no language (X: undetermined, media only, hashtags
#: only, no text, ...); they are left out of the language shares
_NO_LANGUAGE = frozenset({"und", "zxx", "qme", "qht", "qam", "qct", "qst", "art", "", "nan", "none"})
#: frequent function words, for posts without a platform language tag ("in" and "di"
#: are left out: each is a word of the other language's spelling too)
_ID_WORDS = frozenset("yang dan ini itu tidak gak ga nggak aku saya kamu ke dari untuk dengan ada juga sudah "
                      "udah aja saja kalau kalo kok sih deh dong banget bgt yg tapi karena bisa lagi mau".split())
_EN_WORDS = frozenset("the and is are to of for you this that with it was i my your we they be have not but "
                      "what so just at on".split())


def language_mix(posts: pd.DataFrame, *, sample: int = 5000, seed: int = 0) -> dict | None:
    """How much of the posts is Indonesian: by the platform's language tag, else by function words.

    trendlib's scorers, stopwords and stemmer read Indonesian (with the English of
    code-mixing); a scrape that is mostly another language gets shares that mean little,
    and the report says so. X's and TikTok's exports carry a ``lang`` tag per post
    (``in`` for Indonesian); without one, a seeded sample of up to ``sample`` texts is
    read for Indonesian and English function words (``yang``, ``tidak``, ``udah`` against
    ``the``, ``is``, ``you``), each post counted for the language with more of them.

    Returns
    -------
    dict or None
        ``source`` (``"lang tag"`` or ``"function words"``), ``indonesian`` (share of the
        posts whose language is known), ``known`` (their number) and ``top`` (the most
        frequent languages with counts); ``None`` when fewer than 20 posts have a known
        language.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"text": ["the summit is great", "macet parah gak gerak"] * 20})
    >>> m = language_mix(posts)
    >>> m["source"], m["indonesian"], m["top"]
    ('function words', 0.5, [('en', 20), ('id', 20)])
    """
    if "lang" in posts.columns and posts["lang"].notna().mean() >= 0.5:
        codes = posts["lang"].dropna().astype(str).str.lower()
        codes = codes[~codes.isin(_NO_LANGUAGE)].replace({"in": "id"})
        source = "lang tag"
    elif "text" in posts.columns:
        texts = posts["text"].dropna()
        if len(texts) > sample:
            texts = texts.sample(sample, random_state=seed)
        words = texts.astype(str).str.lower().str.findall(r"[a-z]+")
        n_id = words.map(lambda w: sum(t in _ID_WORDS for t in w))
        n_en = words.map(lambda w: sum(t in _EN_WORDS for t in w))
        codes = pd.Series(np.where(n_id > n_en, "id", np.where(n_en > n_id, "en", "")), index=texts.index)
        codes = codes[codes != ""]
        source = "function words"
    else:
        return None
    if len(codes) < 20:
        return None
    vc = codes.value_counts()
    top = sorted(vc.head(3).items(), key=lambda kv: (-kv[1], kv[0]))
    return {"source": source, "indonesian": float((codes == "id").mean()), "known": int(len(codes)),
            "top": [(str(k), int(v)) for k, v in top]}


def same_post_keys(bursts: pd.DataFrame, lead: Any) -> list[str]:
    """The other keys (as displayed) of the event that burst ``lead`` (an index of ``bursts``) leads."""
    same = bursts[(bursts["event"] == bursts.at[lead, "event"]) & (bursts.index != lead)]
    return [display_key(k, kind) for k, kind in zip(same["key"], same["kind"])]


def creation_batch(created: pd.Series, accounts: Any, *, days: int = 7, min_accounts: int = 5) -> dict | None:
    """The busiest ``days``-day window of account creation among ``accounts``.

    ``created`` is :func:`trendlib.io.account_created` of the report's posts. Returns
    ``{"readable", "n", "start", "in_window", "others_share"}``: how many of the accounts
    have a creation time, how many accounts there are, the start of the window holding the
    most creations, how many fall in it, and the share of the file's *other* accounts
    created in that window (the comparison that says whether the batch is unusual); None
    when fewer than ``min_accounts`` creation times are known.

    Examples
    --------
    >>> created = pd.Series(pd.to_datetime(["2023-09-01", "2023-09-02", "2023-09-03", "2023-09-04",
    ...                                     "2023-09-05", "2020-01-01", "2021-05-01"], utc=True),
    ...                     index=list("abcdefg"))
    >>> b = creation_batch(created, list("abcde"))
    >>> b["in_window"], b["readable"], str(b["start"].date()), b["others_share"]
    (5, 5, '2023-09-01', 0.0)
    """
    accounts = list(accounts)
    mine = created.reindex(accounts)
    known = np.sort(mine.dropna().to_numpy(dtype="datetime64[ns]").view(np.int64))
    if len(known) < min_accounts:
        return None
    width = np.int64(days) * 86_400 * 10**9
    ends = np.searchsorted(known, known + width, side="left")
    k = int(np.argmax(ends - np.arange(len(known))))
    lo, hi = known[k], known[k] + width
    others = created.drop(index=[a for a in accounts if a in created.index]).dropna()
    t = others.to_numpy(dtype="datetime64[ns]").view(np.int64)
    share = float(((t >= lo) & (t < hi)).mean()) if len(t) else float("nan")
    return {"readable": len(known), "n": len(accounts), "start": pd.Timestamp(lo, tz="UTC"),
            "in_window": int(ends[k] - k), "others_share": share}


def coordinated_mask(posts: pd.DataFrame, coordinated: Any) -> np.ndarray:
    """Boolean array over ``posts``' rows: the posts of the coordinated groups.

    The groups of :func:`trendlib.graphs.coordinated_accounts` carry their posts' ids
    (``post_ids``; row positions when the posts have no ids), so the mask is exact: an
    account of a group keeps its other posts.
    """
    mask = np.zeros(len(posts), dtype=bool)
    if coordinated is None or not len(coordinated) or "post_ids" not in coordinated.columns:
        return mask
    members = [v for ids in coordinated["post_ids"] if ids is not None for v in ids]
    if not members:
        return mask
    if "id" in posts.columns and posts["id"].notna().any():
        return posts["id"].isin(members).to_numpy()
    rows = np.asarray(members, dtype=np.int64)
    mask[rows[(rows >= 0) & (rows < len(posts))]] = True
    return mask


def headline(posts: pd.DataFrame, *, period: Any = None, tz: str = "Asia/Jakarta") -> pd.DataFrame:
    """Headline numbers for the latest period against the previous period of equal length.

    The period is ``period`` (a duration) ending at the last post, by default a day
    (or half the span when the posts cover less than two days). The report passes its
    own bins when they are longer than a day (a scrape of months: the latest week
    against the week before, not the last day's handful of posts).

    Returns
    -------
    pandas.DataFrame
        ``metric``, ``current``, ``previous``, ``change`` (relative, NaN when the
        previous value is 0, and for ``net sentiment``, a share difference already:
        from +0.2 to -0.2 is not "-200%") and ``difference`` (``current - previous``);
        ``attrs`` has ``start``, ``split``, ``end`` and ``period``. Without authors in
        the posts there is no ``accounts`` row (not a count of 0).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "time": pd.to_datetime(["2023-09-04 08:00", "2023-09-04 09:00", "2023-09-05 10:00"], utc=True),
    ...     "author": ["a", "b", "a"], "text": ["x", "y", "z"],
    ...     "sentiment": ["positive", "positive", "negative"]})
    >>> h = headline(posts, period="1D")
    >>> print(h.loc[h["metric"].isin(["posts", "net sentiment"])].to_string(index=False))
           metric  current  previous  change  difference
            posts      1.0       2.0    -0.5        -1.0
    net sentiment     -1.0       1.0     NaN        -2.0
    """
    cols = ["metric", "current", "previous", "change", "difference"]
    times = pd.to_datetime(posts["time"], utc=True)
    ok = times.notna()
    if not ok.any():
        return pd.DataFrame(columns=cols)
    end = times[ok].max() + pd.Timedelta("1ns")
    span = end - times[ok].min()
    if period is None:
        period = pd.Timedelta("1D") if span >= pd.Timedelta("2D") else max(span / 2, pd.Timedelta("1s"))
    period = pd.Timedelta(period)
    split, start = end - period, end - 2 * period
    authors = "author" in posts.columns and bool(posts["author"].notna().any())
    cur = _period_stats(posts[ok & (times >= split)], authors=authors)
    prev = _period_stats(posts[ok & (times >= start) & (times < split)], authors=authors)
    rows = []
    for k in cur:
        c, p = cur[k], prev.get(k, 0)
        change = (c - p) / abs(p) if p and k != "net sentiment" else float("nan")
        rows.append({"metric": k, "current": c, "previous": p, "change": change, "difference": c - p})
    out = pd.DataFrame(rows, columns=cols)
    out.attrs.update(start=start.tz_convert(tz), split=split.tz_convert(tz), end=end.tz_convert(tz), period=period)
    return out


def summarize_posts(posts: pd.DataFrame, *, top: int = 10, tz: str = "Asia/Jakarta") -> str:
    """Plain-text summary of a posts DataFrame: counts, time span, top hashtags,
    mentions and terms (each counted once per post).

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> print(summarize_posts(load_sample_posts(), top=3))  # doctest: +ELLIPSIS
    posts      200
    ...
    top hashtags
    rank  hashtag       posts  accounts
    ----  ------------  -----  --------
       1  kttasean2023     60        ...
    ...
    """
    n = len(posts)
    times = pd.to_datetime(posts["time"], utc=True).dropna()
    if len(times):
        local = times.dt.tz_convert(tz)
        span = f"{local.min():%Y-%m-%d %H:%M} .. {local.max():%Y-%m-%d %H:%M} ({tz})"
        days = local.dt.floor("D").value_counts()
        days = days.sort_index().sort_values(ascending=False, kind="stable")
        busiest = f"{days.index[0]:%Y-%m-%d} ({int(days.iloc[0])} posts, {days.iloc[0] / n:.0%})"
    else:
        span = busiest = "no timestamps"
    fmt = posts.attrs.get("format", "?")
    fmt = ", ".join(fmt) if isinstance(fmt, list) else fmt
    facts = [
        ("posts", n),
        ("authors", int(posts["author"].nunique())),
        ("time span", span),
        ("busiest day", busiest),
        ("retweets", int(posts["is_retweet"].fillna(False).astype(bool).sum()) if "is_retweet" in posts else 0),
        ("replies", int(posts["reply_to"].notna().sum()) if "reply_to" in posts else 0),
        ("format", fmt),
    ]
    dropped = sum(posts.attrs.get("rows_dropped", {}).values())
    if dropped:
        facts.append(("rows dropped", f"{dropped} (malformed)"))
    width = max(len(k) for k, _ in facts)
    lines = [f"{k.ljust(width)}  {v}" for k, v in facts]
    for title, col, label in (("top hashtags", "hashtags", "hashtag"), ("top mentions", "mentions", "mention")):
        t = top_items(posts, col, top=top)
        lines += ["", title]
        lines.append(format_table([[i + 1, r.key, int(r.posts), int(r.accounts)] for i, r in enumerate(t.itertuples())],
                                  ["rank", label, "posts", "accounts"]) if len(t) else f"(no {col})")
    terms = top_terms(posts, top=top)
    lines += ["", "top terms"]
    lines.append(format_table([[i + 1, r.key, int(r.posts), int(r.accounts)] for i, r in enumerate(terms.itertuples())],
                              ["rank", "term", "posts", "accounts"]) if len(terms) else "(no terms)")
    return "\n".join(lines)
