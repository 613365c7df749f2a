"""Replies and retweets read in their thread when their topic is decided (internal).

Why: a reply is written to be read under the post it answers. "setuju banget", "jalur
alternatif lewat mana ya" or "sumbernya mana?" say little on their own, and a topic
model that scores them alone leaves them as outliers or puts them wherever their two
content words point. Pooling a whole conversation into one document (Alvarez-Melis and
Saveski, ICWSM 2016; Mehrotra et al., SIGIR 2013 for hashtag pools) fixes that for LDA but
makes one topic of a thread of hundreds of replies about different things. Here the
thread is a **prior**, not more words: a reply whose conversation's first post is among
the posts is scored on its own words with that post's topic favoured (probability
:data:`THREAD_PRIOR`, the rest spread over the topics by size). A short reply takes the
thread's topic; a reply whose own words point clearly elsewhere keeps its own (adding the
first post's words instead, tried first, outvoted such replies: 608 of the 842 linked
replies of the Danantara scrape changed topic, most of them long replies with a subject of
their own); the first post's topic never depends on its replies. A reply that fits no
topic on its own words ("ribet banget" under a schedule announcement) is part of that
conversation and takes the first post's topic rather than becoming an outlier. A retweet
takes the topic of the post it repeats. Fitting (the sampler) reads each distinct text
alone, so a thread's first post is not counted once per reply.

The links come from the canonical columns: a reply is a row with ``reply_to`` set whose
``conversation_id`` names another post; a retweet is a row with ``retweet_of`` naming
another post (readers that know the source fill it; without it a retweet is read alone,
and its text repeats its source's anyway).
"""

from __future__ import annotations

import numpy as np

__all__ = ["THREAD_PRIOR", "THREAD_COLUMNS", "thread_links", "in_thread", "sources", "copy_retweets"]

_CHAIN = 8  # retweet links followed (a retweet of a retweet of ...), more never occur

#: prior probability that a reply is about its thread's topic (the rest is spread over the
#: topics by their sizes): worth about 3 nats with 30 topics, so a reply whose own words
#: give another topic more than that (two or three topical words) keeps its own
THREAD_PRIOR = 0.5


#: the columns the links are read from (besides the text)
THREAD_COLUMNS = ("id", "reply_to", "conversation_id", "retweet_of")


def _keys(col) -> np.ndarray:
    """The column as stripped str in an object array, None where missing or blank."""
    s = col.astype("string").str.strip()
    return s.where((s != "").fillna(False)).to_numpy(dtype=object, na_value=None)


def thread_links(posts) -> tuple[np.ndarray, np.ndarray] | None:
    """``(parent row or -1, parent is a retweet source)`` of each row, or None without links.

    A reply's parent is the first post of its conversation, a retweet's the post it
    repeats; only rows whose parent is among ``posts`` (by ``id``) are linked.
    """
    import pandas as pd

    cols = posts.columns
    if "id" not in cols or not (("conversation_id" in cols and "reply_to" in cols) or "retweet_of" in cols):
        return None
    n = len(posts)
    ids = _keys(posts["id"])
    # the first row of each id (a duplicate id keeps its first row as the parent)
    first = ~pd.Index(ids).duplicated(keep="first")
    lookup, rows = pd.Index(ids[first]), np.flatnonzero(first)
    parent = np.full(n, -1, dtype=np.int64)
    is_rt = np.zeros(n, dtype=bool)
    links = []
    if "conversation_id" in cols and "reply_to" in cols:
        conv = _keys(posts["conversation_id"])
        links.append((conv, pd.notna(_keys(posts["reply_to"])) & pd.notna(conv), False))
    if "retweet_of" in cols:
        source = _keys(posts["retweet_of"])
        links.append((source, pd.notna(source), True))
    for target, present, retweet in links:  # retweet links last: they win over a thread
        at = np.flatnonzero(present)
        hit = lookup.get_indexer(target[at])
        ok = hit >= 0
        parent[at[ok]] = rows[hit[ok]]
        is_rt[at[ok]] = retweet
    own = parent == np.arange(n)  # a conversation's first post names itself
    parent[own] = -1
    is_rt[own] = False
    if not (parent >= 0).any():
        return None
    return parent, is_rt


def in_thread(X, own, parent: np.ndarray, is_rt: np.ndarray, tables, *, threshold: float, rows=None):
    """Re-score the linked replies of ``X`` (posts x words) under their thread's prior.

    ``own`` is :func:`~._assign.score`'s ``(joint or None, topic, per, total)`` of the
    posts on their own words; it is updated in place: replies re-scored with the first
    post's topic favoured (:data:`THREAD_PRIOR`), replies that fit no topic given the
    first post's topic, retweets their source's values. ``rows``: the row of ``X``
    holding each post's words (distinct texts), else post ``i`` is row ``i``.
    """
    from ._assign import favouring, score

    joint, topic, per, total = own
    reply = np.flatnonzero((parent >= 0) & ~is_rt)
    if len(reply):
        favoured = topic[parent[reply]].copy()
        logphi, logpi, logbg = tables
        j, t, p, g = score(X[reply if rows is None else rows[reply]], logphi, logpi, logbg, threshold=threshold,
                           joint=joint is not None, log_prior=favouring(logpi, favoured, rho=THREAD_PRIOR))
        if joint is not None:
            joint[reply] = j
        topic[reply], per[reply], total[reply] = t, p, g
        lost = t < 0
        topic[reply[lost]] = favoured[lost]
    copy_retweets(own, parent, is_rt)


def sources(parent: np.ndarray, is_rt: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows that are linked retweets and the row each finally repeats (chains followed)."""
    rt = np.flatnonzero((parent >= 0) & is_rt)
    src = parent[rt].copy()
    for _ in range(_CHAIN):
        more = is_rt[src] & (parent[src] >= 0)
        if not more.any():
            break
        src[more] = parent[src[more]]
    return rt, src


def copy_retweets(arrays, parent: np.ndarray, is_rt: np.ndarray) -> None:
    """Give each linked retweet's row of every array the values of the row it repeats."""
    rt, src = sources(parent, is_rt)
    if not len(rt):
        return
    for a in arrays:
        if a is not None:
            a[rt] = a[src]
