"""Explain a burst: what was said during it, against what was said before it.

``explain_burst(posts, burst)`` compares the posts of a burst (those carrying the key in
``[start, end)``) with every post in the reference period before it
(``[start - before, start)``):

* ``terms``: distinctive words, hashtags, mentions and emoji by the log-odds ratio with an
  informative Dirichlet prior (Monroe et al. 2008; see :func:`trendlib.trends.log_odds`).
  A post counts a term once, so one post repeating a word cannot make it distinctive.
* ``phrases``: bigrams of the burst found by NLTK's ``BigramCollocationFinder`` (Dunning's
  likelihood ratio, within posts, no stopword at either end), with their log-odds z
  against the reference period.
* ``accounts``: who posted most during the burst, their engagement and their activity
  before it.
* ``samples``: the most engaged and the most representative posts (highest mean
  distinctiveness of their terms), near-identical texts shown once with a ``copies`` count.
* ``counts``: posts, key posts, accounts (with their concentration) and rate during the
  burst and before it.

A thin reference is not silently trusted: when the period before the burst holds fewer
than ``min_before`` posts (a scrape that starts with the burst, or a new topic), the
log-odds of nearly every burst word would look distinctive against almost nothing. The
reference is then widened to every post outside the burst (before and after it) and a
warning says how many posts the period had and what was used instead.
"""

from __future__ import annotations

import math
import re
import warnings
from typing import Any

import numpy as np
import pandas as pd

from .._deprecate import renamed_kwargs
from .._keys import KEY_KINDS, KeyName, account_key, clean_key, display_key
from .._segments import first_use, in_post_order
from .._validation import check_choice, check_int, check_positive, require_columns
from ._baseline import _timedelta
from ._evidence import _accounts, _is_content, _phrases_codes, _samples, _token_codes
from ._logodds import log_odds
from ._result import BurstExplanation

__all__ = ["explain_burst", "BurstExplanation"]

_KINDS = ("hashtag", "mention", "term", "author", "url", "topic")  # kinds a post can be matched on
_ENGAGEMENT = ("like_count", "retweet_count", "reply_count", "quote_count")
_CLAUSE = re.compile(r"[.,;:!?\u2026]+(?=\s|$)|[\r\n]+|\s[-\u2013\u2014|]+\s")


def _parse_burst(burst: Any, tz: str) -> tuple[str | None, pd.Timestamp, pd.Timestamp, str | None]:
    kind = None
    if isinstance(burst, pd.DataFrame):
        if len(burst) != 1:
            raise ValueError(
                f"The 'burst' parameter of explain_burst() must be one burst: a row of a burst "
                f"table or a (key, start, end) tuple. Got a DataFrame with {len(burst)} rows."
            )
        burst = burst.iloc[0]
    if isinstance(burst, (pd.Series, dict)) or hasattr(burst, "_asdict"):
        row = burst._asdict() if hasattr(burst, "_asdict") else dict(burst)
        missing = [c for c in ("start", "end") if c not in row]
        if missing:
            raise ValueError(
                f"The 'burst' parameter of explain_burst() must have 'key', 'start' and 'end'. "
                f"Got fields {sorted(map(str, row))}."
            )
        key, start, end = row.get("key"), row["start"], row["end"]
        kind = row.get("kind", row.get("by"))
    elif isinstance(burst, (tuple, list)) and len(burst) == 3:
        key, start, end = burst
    else:
        raise ValueError(
            "The 'burst' parameter of explain_burst() must be a row of a burst table or a "
            f"(key, start, end) tuple. Got {type(burst).__name__}."
        )
    try:
        start, end = pd.Timestamp(start), pd.Timestamp(end)
    except (TypeError, ValueError):
        raise ValueError(
            f"explain_burst() could not read the burst's start/end as times. Got {start!r}, {end!r}."
        ) from None
    start = start.tz_localize(tz) if start.tzinfo is None else start
    end = end.tz_localize(tz) if end.tzinfo is None else end
    if not end > start:
        raise ValueError(f"explain_burst() needs a burst with end > start. Got [{start}, {end}).")
    start, end = start.tz_convert(tz), end.tz_convert(tz)
    if key is not None and (isinstance(key, float) and math.isnan(key)):
        key = None
    return (None if key is None else str(key)), start, end, kind


def _key_mask(posts: pd.DataFrame, key: str | None, kind: str, tokens: pd.Series) -> np.ndarray:
    """Posts carrying ``key`` of ``kind`` (the identity rules of :mod:`trendlib._keys`)."""
    if key is None:
        return np.ones(len(posts), dtype=bool)
    if kind == "term":
        k = key.lower()
        return np.fromiter((any(k in ts for ts in cl) for cl in tokens.tolist()), dtype=bool, count=len(tokens))
    k = clean_key(key, kind)
    kk = KEY_KINDS[kind]
    if kk.listed:
        norm = account_key if kk.account else (lambda v: clean_key(v, kind))
        return posts[kk.column].map(lambda vs: _has(vs, k, norm)).to_numpy(dtype=bool)
    values = posts[kk.column].map(lambda v: clean_key(v, kind), na_action="ignore")
    return (values == k).fillna(False).to_numpy(dtype=bool)


def _has(values: Any, key: str, norm) -> bool:
    if values is None or isinstance(values, float):
        return False
    return any(norm(v) == key for v in values)


def _engagement(posts: pd.DataFrame) -> pd.Series:
    cols = [c for c in _ENGAGEMENT if c in posts.columns]
    if not cols:
        return pd.Series(0, index=posts.index, dtype="int64")
    return posts[cols].apply(pd.to_numeric, errors="coerce").fillna(0).sum(axis=1).astype("int64")


def _tokenized(posts: pd.DataFrame) -> pd.Series:
    """Clauses of each post, as lists of tokens (memoised per distinct text).

    Text is cut at punctuation followed by a space and at line breaks, so a phrase never
    spans ``"... jalan ditutup. Macet ..."``. A ``tokens`` column is one clause.
    """
    if "tokens" in posts.columns:
        return pd.Series([[v] if type(v) is list else [list(v)] if isinstance(v, (tuple, np.ndarray)) else []
                          for v in posts["tokens"].tolist()], index=posts.index, dtype=object)
    from ..text import tokenize

    cache: dict[str, list[list[str]]] = {}

    def tok(text: Any) -> list[list[str]]:
        if not isinstance(text, str):
            return []
        got = cache.get(text)
        if got is None:
            got = cache[text] = [ts for part in _CLAUSE.split(text) if (ts := tokenize(part))]
        return got

    return posts["text"].map(tok)


@renamed_kwargs(by="key", dedupe="min_similarity")
def explain_burst(
    posts: pd.DataFrame,
    burst: Any,
    *,
    key: KeyName | None = None,
    before: Any = "7D",
    min_before: int = 30,
    top: int = 15,
    samples: int = 5,
    min_count: int = 3,
    prior: float | None = None,
    exclude_key: bool = True,
    stopwords: Any = "topic",
    min_similarity: float = 0.8,
    tz: str = "Asia/Jakarta",
    _index: Any = None,
) -> BurstExplanation:
    """Explain a burst: distinctive terms and phrases, top accounts, sample posts.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts (:func:`trendlib.read_posts`) covering the burst and the time
        before it: ``time``, ``text``, and the column of the key kind (``hashtags``,
        ``mentions``, ``author``...).
        A ``tokens`` column (:func:`trendlib.text.add_tokens`) is used when present.
    burst : pandas.Series, dict, tuple or one-row DataFrame
        A row of a burst table (:func:`trendlib.detect_bursts`) or ``(key, start, end)``;
        the burst is ``[start, end)``. ``key=None`` takes every post in the interval.
        Naive times are read in ``tz``.
    key : {"hashtag", "mention", "term", "author", "url", "topic"}, optional
        The key kind of the burst's key; default the row's ``kind`` field, else
        ``"hashtag"`` (``by=`` is the deprecated name).
    before : str or pandas.Timedelta, default "7D"
        Length of the reference period ``[start - before, start)``; every post in it (with
        or without the key) is the "before" corpus.
    min_before : int, default 30
        Posts the reference period needs to be compared with. With fewer, a warning
        says how many it had and the reference becomes every post outside the burst
        (before and after it); ``min_before=0`` keeps the period whatever it holds.
        30 posts are a few hundred content tokens: below that, the log-odds prior is
        made almost entirely of the burst itself and every burst word looks distinctive.
    top : int, default 15
        Rows in ``terms``, ``phrases`` and ``accounts``.
    samples : int, default 5
        Posts of each kind (most engaged, most representative) in ``samples``.
    min_count : int, default 3
        Posts a term or phrase needs during the burst to be listed.
    prior : float, optional
        Prior mass of the log-odds model (default: the pooled token count).
    exclude_key : bool, default True
        Leave the key itself (``#key``) out of ``terms``: it is distinctive by definition.
    stopwords : {"topic", "sentiment"}, collection of str or None, default "topic"
        Words left out of terms and of either end of a phrase.
    min_similarity : float, default 0.8
        Jaccard similarity of token sets from which two sample posts count as the same
        text (retweets, copy-paste campaigns); ``dedupe=`` is the deprecated name.
    tz : str, default "Asia/Jakarta"
        Zone of naive burst times and of the times shown.

    Returns
    -------
    BurstExplanation
        Tables ``counts`` (with the account concentration of the key posts),
        ``terms`` (``term``, ``during``, ``before``, ``log_odds``,
        ``z``), ``phrases`` (``phrase``, ``during``, ``before``, ``llr``, ``z``),
        ``accounts`` (``author``, ``posts``, ``share``, ``engagement``, ``before``) and
        ``samples`` (``reason``, ``time``, ``author``, ``text``, ``engagement``,
        ``copies``, ``id``); a readable ``repr`` and an HTML view in notebooks.

    Examples
    --------
    >>> import pandas as pd
    >>> t0 = pd.Timestamp("2025-02-24 12:00", tz="UTC")
    >>> before = [(t0 + pd.Timedelta(minutes=i), f"harga beras naik lagi hari ini {i}", [])
    ...           for i in range(40)]
    >>> during = [(t0 + pd.Timedelta(hours=3, minutes=i),
    ...            "Danantara bangun negeri, investasi untuk rakyat #DanantaraBangunNegeri",
    ...            ["danantarabangunnegeri"]) for i in range(12)]
    >>> posts = pd.DataFrame(before + during, columns=["time", "text", "hashtags"])
    >>> posts["author"] = [f"akun{i % 5}" for i in range(len(posts))]
    >>> ex = explain_burst(posts, ("danantarabangunnegeri", t0 + pd.Timedelta("3h"), t0 + pd.Timedelta("4h")))
    >>> "danantara" in set(ex.terms["term"])
    True
    >>> int(ex.counts.loc["during", "key_posts"]), int(ex.counts.loc["before", "posts"])
    (12, 40)
    >>> int(ex.samples["copies"].max())      # one campaign text, posted 12 times
    12
    """
    func = "explain_burst"
    require_columns(posts, ["time", "text"], func=func, hint="trendlib.read_posts(...)")
    key_value, start, end, row_kind = _parse_burst(burst, tz)
    kind = check_choice(key or row_kind or "hashtag", _KINDS, name="key", func=func)
    need = KEY_KINDS[kind].column if kind != "term" else None
    if key_value is not None and need:
        require_columns(posts, ["time", "text", need], func=func, hint="trendlib.read_posts(...)")
    before_td = _timedelta(before, name="before", func=func)
    for name, value, low in (("top", top, 1), ("samples", samples, 0), ("min_count", min_count, 1)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise ValueError(f"The {name!r} parameter of explain_burst() must be an integer >= {low}. Got {value!r}.")
    min_before = check_int(min_before, name="min_before", func=func, minimum=0)
    min_similarity = check_positive(min_similarity, name="min_similarity", func=func)
    if min_similarity > 1:
        raise ValueError(
            f"The 'min_similarity' parameter of explain_burst() must be in (0, 1]. Got {min_similarity!r}."
        )
    if prior is not None:
        prior = check_positive(prior, name="prior", func=func)
    stop = _stopword_set(stopwords)

    index = _index if (_index is not None and _index.usable(posts) and "tokens" in posts.columns
                       and _index.tokens()[3]) else None
    # only the columns read below: selecting rows of every column of a million posts
    # (Arrow text columns most of all) took a second; with the index the tokens come from
    # its codes, not from the column
    read = {"time", "text", "author", "id", "is_retweet", *_ENGAGEMENT, need, *(() if index is not None else ("tokens",))}
    posts = posts[[c for c in posts.columns if c in read]]
    times = pd.to_datetime(posts["time"], utc=True)
    t_start, t_end = start.tz_convert("UTC"), end.tz_convert("UTC")
    b_start = t_start - before_td
    in_burst = ((times >= t_start) & (times < t_end)).to_numpy()
    in_before = ((times >= b_start) & (times < t_start)).to_numpy()
    # the report's shared token codes (trendlib.counts.PostIndex of these very posts, every
    # tokens cell a list; checked above): the same tokens in order, flattened and factorised once
    key_full = None
    if index is not None and kind == "term" and key_value is not None:
        t_rows, t_codes, _, _ = index.tokens()
        key_full = np.zeros(len(posts), dtype=bool)
        code = index.token_code(key_value.lower())
        if code >= 0:
            key_full[t_rows[t_codes == code]] = True

    def key_mask(where: np.ndarray) -> tuple[np.ndarray, Any, Any]:
        """The key's posts among ``where``; their tokens and rows when those had to be read."""
        if key_full is not None:  # no rows copied: at a million posts these are hundreds of MB
            return key_full[where], None, None
        sub = posts[where].reset_index(drop=True)
        if index is not None and (kind != "term" or key_value is None):  # no tokens needed
            return _key_mask(sub, key_value, kind, None), None, sub
        toks = _tokenized(sub)
        return _key_mask(sub, key_value, kind, toks), toks, sub

    # the burst's own posts first: a key that is not there is an error before anything else
    key_burst, tok_burst, burst_posts = key_mask(in_burst)
    if not key_burst.any():
        raise ValueError(
            f"explain_burst() found no posts with {display_key(key_value, kind)} in [{start}, {end}). "
            f"Check the key, 'key' (its kind) and the time zone of the burst."
        )
    reference = "before"
    n_period = int(in_before.sum())
    if n_period < min_before:
        outside = (~in_burst & times.notna()).to_numpy()
        if int(outside.sum()) > n_period:
            in_before = outside
            reference = "outside"
        first_all, last_all = times[outside].min(), times[outside].max()
        what = (f"compared it with the {int(outside.sum()):,} posts outside the burst instead "
                f"({first_all.tz_convert(start.tz):%Y-%m-%d %H:%M} to {last_all.tz_convert(start.tz):%Y-%m-%d %H:%M})"
                if reference == "outside" else
                "kept it (the posts hold nothing else); read the terms as what the burst said, not how it differed")
        warnings.warn(
            f"explain_burst(): the reference period [{b_start.tz_convert(start.tz):%Y-%m-%d %H:%M}, "
            f"{start:%Y-%m-%d %H:%M}) holds only {n_period} post{'s' if n_period != 1 else ''} (fewer than "
            f"min_before={min_before}), too few to compare the burst with; {what}. Pass posts covering a longer "
            "'before' period, or min_before=0 to keep the period as it is.",
            UserWarning,
            stacklevel=3,
        )
    if not in_before.any():
        raise ValueError(
            f"explain_burst() found no posts in the reference period [{b_start.tz_convert(start.tz)}, {start}) "
            f"to compare the burst with. Pass posts that cover the time before the burst or a longer 'before'."
        )
    # the window in time order: burst and reference posts, each tokenised once
    key_ref, tok_ref, ref_posts = key_mask(in_before)
    sel = in_burst | in_before
    pos = np.flatnonzero(sel)
    key_all = np.zeros(len(posts), dtype=bool)
    key_all[in_burst] = key_burst
    key_all[in_before] = key_ref
    window = posts[sel].reset_index(drop=True)
    is_key = key_all[pos]
    if index is None:
        tok_all = np.empty(len(posts), dtype=object)
        if tok_burst is None:
            tok_burst = _tokenized(burst_posts)
        if tok_ref is None:
            tok_ref = _tokenized(ref_posts)
        for where, toks in ((np.flatnonzero(in_burst), tok_burst), (np.flatnonzero(in_before), tok_ref)):
            for i, t in zip(where, toks.tolist()):
                tok_all[i] = t
        tokens = pd.Series(list(tok_all[pos]), dtype=object)
        post, codes, vocab, clause = _token_codes(tokens)
    else:  # the window's tokens from the shared codes (a tokens cell is one clause)
        t_rows, t_codes, vocab, _ = index.tokens()
        m = sel[t_rows]
        post = (np.cumsum(sel) - 1)[t_rows[m]]
        codes = t_codes[m]
        clause = post
    w_burst = in_burst[sel]
    d_mask = w_burst & is_key
    b_mask = ~w_burst
    key = key_value

    own = None
    if key is not None and exclude_key:
        if kind in ("hashtag", "mention"):
            own = display_key(clean_key(key, kind), kind)  # as the tokenizer writes it
        elif kind == "term":
            own = key.lower()
    keep: dict[str, bool] = {}

    def is_content(t: str) -> bool:
        got = keep.get(t)
        if got is None:
            got = keep[t] = _is_content(t, stop) and t != own
        return got

    good = _tested(vocab, codes, is_content)
    during_terms, before_terms, kept = _term_posts(post, codes, vocab, good, d_mask, b_mask)
    # the burst's posts only (samples read them): each post's content terms as codes
    d_rows = np.flatnonzero(d_mask)
    mine = kept & d_mask[post] if len(codes) else kept
    s_post, s_codes = np.searchsorted(d_rows, post[mine]), codes[mine]
    lo = log_odds(during_terms, before_terms, prior=prior)
    z_all = lo["z"]
    terms = lo[(lo["count_a"] >= min_count) & (lo["z"] > 0)].head(top).reset_index()
    terms = terms.rename(columns={"count_a": "during", "count_b": "before"})[
        ["term", "during", "before", "log_odds", "z"]
    ].astype({"during": "int64", "before": "int64"})

    phrases = _phrases_codes(post, codes, clause, vocab, good, d_mask, b_mask, min_count, top, prior)
    engagement = _engagement(window)
    accounts = _accounts(window, d_mask, b_mask, engagement, top)
    in_samples = np.unique(s_codes)  # the terms' z by code, for the samples' representativeness
    z_code = np.zeros(max(len(vocab), 1))
    z_code[in_samples] = z_all.reindex(vocab[in_samples]).fillna(0.0).to_numpy(dtype=float)
    sample = _samples(window[d_mask], s_post, s_codes, z_code, engagement[d_mask], samples, min_similarity, tz)

    hours_d = (end - start) / pd.Timedelta("1h")
    first, last = times[in_before].min(), times[in_before].max()
    if reference == "before":
        ref_start, ref_end = max(first, b_start), t_start
    else:  # every post outside the burst: its span, less the burst itself
        ref_start, ref_end = first, max(last, t_start)
    hours_b = (ref_end - ref_start) / pd.Timedelta("1h") - (
        hours_d if reference == "outside" and first < t_start and last >= t_end else 0.0)
    conc = [_concentration(window, b_mask & is_key), _concentration(window, d_mask)]
    counts = pd.DataFrame(
        {
            "start": [ref_start.tz_convert(start.tz), start],
            "end": [ref_end.tz_convert(start.tz), end],
            "hours": [hours_b, hours_d],
            "posts": [int(b_mask.sum()), int(w_burst.sum())],
            "key_posts": [int((b_mask & is_key).sum()), int(d_mask.sum())],
            "accounts": [c[0] for c in conc],
            "top_account_share": [c[1] for c in conc],
            "effective_accounts": [c[2] for c in conc],
        },
        index=pd.Index(["before", "during"], name="period"),
    )
    counts["key_posts_per_hour"] = counts["key_posts"] / counts["hours"].where(counts["hours"] > 0)
    counts["share"] = counts["key_posts"] / counts["posts"].where(counts["posts"] > 0)
    params = {"before": before_td, "min_before": min_before, "reference": reference, "before_posts": n_period,
              "min_count": min_count, "prior": prior, "stopwords": stopwords, "min_similarity": min_similarity,
              "exclude_key": exclude_key}
    return BurstExplanation(key=key or "", kind=kind, start=start, end=end, counts=counts, terms=terms,
                            phrases=phrases, accounts=accounts, samples=sample, params=params)


def _tested(vocab: np.ndarray, codes: np.ndarray, is_content: Any) -> np.ndarray:
    """``is_content`` of each vocabulary entry the codes use (once per distinct token)."""
    good = np.zeros(len(vocab), dtype=bool)
    used = np.flatnonzero(np.bincount(codes, minlength=len(vocab))) if len(codes) else np.zeros(0, np.int64)
    good[used] = np.fromiter((bool(is_content(t)) for t in vocab[used]), dtype=bool, count=len(used))
    return good


def _term_posts(post: np.ndarray, codes: np.ndarray, vocab: np.ndarray, good: np.ndarray, d_mask: np.ndarray,
                b_mask: np.ndarray) -> tuple[pd.Series, pd.Series, np.ndarray]:
    """Posts using each content term, during and before, in order of first use (a Counter's order),
    and which tokens were counted (the first use of a content term in its post).

    On integer codes: each distinct token is tested once and a term counts once per post,
    so a burst of 100,000 posts is a few numpy passes, not a Counter fed token by token.
    """
    # the first use of a content term in its post (whether a code is content is the same
    # at each of its uses, so only content tokens are compared: about half of them)
    keep = good[codes] if len(codes) else np.zeros(0, dtype=bool)
    at = np.flatnonzero(keep)
    if in_post_order(post):  # one compiled pass (trendlib._segments)
        keep[at] = first_use(post[at], codes[at], max(len(vocab), 1))
    else:
        keep[at] = ~pd.Series(post[at].astype(np.int64) * max(len(vocab), 1) + codes[at]).duplicated().to_numpy()

    def counted(mask: np.ndarray) -> pd.Series:
        c = codes[keep & mask[post]] if len(codes) else codes
        order, uniq = pd.factorize(c)
        return pd.Series(np.bincount(order, minlength=len(uniq)), index=vocab[np.asarray(uniq, dtype=np.int64)],
                         dtype=np.int64)

    return counted(np.asarray(d_mask, dtype=bool)), counted(np.asarray(b_mask, dtype=bool)), keep


def _concentration(window: pd.DataFrame, mask: np.ndarray) -> tuple[int, float, float]:
    """(accounts, top account's share, effective number of accounts) of the masked posts."""
    if "author" not in window.columns or not mask.any():
        return 0, float("nan"), float("nan")
    per = window.loc[mask, "author"].dropna().map(account_key).value_counts()
    if per.empty:
        return 0, float("nan"), float("nan")
    p = per.to_numpy(dtype=float) / per.sum()
    return int(len(per)), float(p.max()), float(1.0 / np.sum(p * p))


def _stopword_set(stopwords: Any) -> frozenset:
    if stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        from ..text import stopwords as load

        return load(stopwords)
    return frozenset(str(w).lower() for w in stopwords)
