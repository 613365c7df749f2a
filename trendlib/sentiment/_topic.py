"""Topic words are not opinions: ``ignore=`` for every scorer, and :func:`topic_terms`.

Why: a keyword scrape repeats its query in every post. When the query word carries
valence (``korupsi``, ``banjir``, ``gratis``), the scorer reads each mention as an
opinion, and a scrape about corruption comes out "84% negative" although most posts only
report or name the topic. Passing the query terms as ``ignore=`` makes the scorer read
them as plain words (they still count as positions for negation and booster windows);
:func:`topic_terms` finds them from the posts themselves: the terms that occur in a large
share of the posts are, in a keyword scrape, the query.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np

from .._cache import Memo

__all__ = ["topic_terms", "check_ignore", "IgnoreSet", "DEFAULT_MIN_SHARE"]

#: share of posts above which a term is taken for the scrape's query (see docs/sentiment_topic.md)
DEFAULT_MIN_SHARE = 0.5


class IgnoreSet:
    """Normalised terms to read as plain words: single words and multi-word phrases."""

    __slots__ = ("terms", "words", "phrases")

    def __init__(self, terms: tuple[str, ...], words: frozenset[str], phrases: tuple[tuple[str, ...], ...]):
        self.terms = terms  # as the user gave them (for messages)
        self.words = words
        self.phrases = phrases

    def positions(self, toks: list) -> set[int] | None:
        """Indices of the tokens of ``toks`` that are ignored (None when there are none).

        With ``hashtags="segment"`` a hashtag is read as its words (``#TolakKorupsi``:
        tolak, korupsi); all of them are ignored when the hashtag itself, glued and
        lower-cased, is an ignored term, so a query hashtag stays ignored however it is
        typed and split.
        """
        words = self.words
        out = {i for i, t in enumerate(toks)
               if t.norm in words or t.base in words
               or (t.orig[:1] == "#" and t.orig[1:].lower() in words)}
        for ph in self.phrases:
            k = len(ph)
            for i in range(len(toks) - k + 1):
                if all(toks[i + q].norm == ph[q] for q in range(k)):
                    out.update(range(i, i + k))
        return out or None

    def __repr__(self) -> str:
        return f"IgnoreSet({list(self.terms)!r})"


def _norm_term(term: str) -> tuple[str, ...]:
    from ._analyse import analyse

    # a hashtag term as its words; with the glued form (_build), it ignores the tag under
    # both readings of hashtags= (one word, or its words)
    return tuple(
        t.norm
        for t in analyse(term, segment=True)
        if t.kind not in ("punct", "url", "mention")
    )


def _build(terms: tuple[str, ...]) -> IgnoreSet | None:
    words: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for term in terms:
        parts = _norm_term(term)
        if len(parts) == 1:
            words.add(parts[0])
        elif parts:
            phrases.append(parts)
        # also the term glued as one word, as in a hashtag (#makansianggratis)
        glued = "".join(term.lower().lstrip("#").split())
        if glued and (len(parts) > 1 or term.startswith("#")):
            words.add(glued)
    if not words and not phrases:
        return None
    return IgnoreSet(terms, frozenset(words), tuple(sorted(set(phrases), key=len, reverse=True)))


#: normalised ignore sets, by the terms given (trendlib's one memo policy)
_IGNORE_SETS: Memo[tuple[str, ...], IgnoreSet | None] = Memo(_build, maxsize=256)


def check_ignore(ignore: Any, *, func: str) -> IgnoreSet | None:
    """Validate ``ignore=`` (None, a str or an iterable of str) and normalise it.

    Each term goes through the scorer's normalisation (case, slang, ``#``), so
    ``"#Korupsi"``, ``"korupsi"`` and ``"KORUPSI"`` ignore the same tokens, both as a word
    and as a hashtag. A term of several words ignores that phrase and its glued hashtag
    form (``"makan siang gratis"`` also ignores ``#makansianggratis``).

    Examples
    --------
    >>> check_ignore(["#Korupsi", "makan siang gratis"], func="polarity").words == {
    ...     "korupsi", "makansianggratis"}
    True
    >>> check_ignore(None, func="polarity") is None
    True
    >>> check_ignore(5, func="polarity")
    Traceback (most recent call last):
    ...
    TypeError: The 'ignore' parameter of polarity() must be None, a str or a list of str (terms or #hashtags). Got int.
    """
    if ignore is None:
        return None
    if isinstance(ignore, IgnoreSet):
        return ignore
    if isinstance(ignore, str):
        terms: tuple = (ignore,)
    elif isinstance(ignore, Iterable) and not isinstance(ignore, (bytes, dict)) and not hasattr(ignore, "columns"):
        terms = tuple(ignore)
    else:
        terms = (ignore,)
    bad = [t for t in terms if not isinstance(t, str)]
    if bad or (not isinstance(ignore, str) and not terms and not isinstance(ignore, Iterable)):
        what = type(ignore).__name__ if not isinstance(ignore, Iterable) or isinstance(ignore, (bytes, dict)) \
            else f"an item of type {type(bad[0]).__name__} ({bad[0]!r:.40})"
        raise TypeError(
            f"The 'ignore' parameter of {func}() must be None, a str or a list of str "
            f"(terms or #hashtags). Got {what}."
        )
    return _IGNORE_SETS(tuple(dict.fromkeys(t.strip() for t in terms if t.strip())))


def topic_terms(
    posts: Any,
    *,
    min_share: float = DEFAULT_MIN_SHARE,
    column: str = "text",
    top: int | None = None,
    as_frame: bool = False,
) -> Any:
    """The scrape's query terms: words and hashtags that occur in a large share of the posts.

    In a keyword scrape every post holds the query (``korupsi``, ``#PrabowoGibran2024``),
    so the query stands out: on the real scrapes of the data home the query terms occur in
    50-100% of the distinct posts, and the next topical words in under 45% (see
    docs/sentiment_topic.md). Pass the result to ``ignore=`` of any scorer so that the
    topic is not read as opinion.

    Parameters
    ----------
    posts : pandas.DataFrame, Series or list of str
        The posts (a DataFrame needs the text ``column``). Each distinct text counts once,
        so a retweet cascade does not make its words look like the query.
    min_share : float, default 0.5
        Smallest share of the distinct posts a term must occur in, in (0, 1].
    column : str, default "text"
        Text column of a DataFrame.
    top : int, optional
        At most this many terms (the most frequent first).
    as_frame : bool, default False
        Return a DataFrame ``term``, ``kind`` (``word``/``hashtag``), ``posts``, ``share``
        (for a report that says what it excluded and why) instead of a list.

    Returns
    -------
    list of str or pandas.DataFrame
        Terms, the most frequent first; hashtags keep their ``#``. Stopwords (the
        ``"topic"`` profile of :func:`trendlib.text.stopwords`), numbers and one-letter
        words are never query terms.

    Examples
    --------
    >>> posts = ["Direktur PDAM dipenjara karena korupsi", "korupsi lagi, kapan berhenti",
    ...          "KPK tangkap kepala dinas, kasus korupsi jalan", "cuaca cerah hari ini"]
    >>> topic_terms(posts)
    ['korupsi']
    >>> topic_terms(posts, as_frame=True)
          term  kind  posts  share
    0  korupsi  word      3   0.75

    See Also
    --------
    trendlib.sentiment.add_sentiment : ``ignore=topic_terms(posts)``.

    Notes
    -----
    The default ``min_share`` was chosen on the eight real scrapes of the data home, whose
    query is known from their SOURCE.md: at 0.5 every single-keyword scrape gives its query
    (and, on the IKN scrape, the words of "Ibu Kota Nusantara"), and no evaluative word
    ("aman", "harapan" sit at 0.33 in a spam-heavy election scrape) is taken.
    """
    import pandas as pd

    from .._validation import require_columns
    from ..text import stopwords, tokens

    func = "topic_terms"
    if isinstance(posts, pd.DataFrame):
        require_columns(posts, [column], func=func)
        texts = posts[column]
    elif isinstance(posts, str):
        raise TypeError(f"The 'posts' parameter of {func}() must be a DataFrame or a list of texts. Got a str.")
    else:
        texts = pd.Series(list(posts), dtype=object)
    if not isinstance(min_share, (int, float)) or isinstance(min_share, bool) or not 0 < min_share <= 1:
        raise ValueError(f"The 'min_share' parameter of {func}() must be a number in (0, 1]. Got {min_share!r}.")
    if top is not None:
        from .._validation import check_int

        top = check_int(top, name="top", func=func)
    distinct = [t for t in dict.fromkeys(texts.dropna()) if isinstance(t, str)]
    stop = stopwords("topic")
    df: Counter = Counter()
    as_tag: Counter = Counter()  # posts where the term is written as a hashtag
    for text in distinct:
        seen: set[str] = set()
        tags: set[str] = set()
        for tok in tokens(text):
            if tok.kind == "word":
                seen.update(w for w in tok.norm.split() if len(w) > 1 and w not in stop and not w.isdigit())
            elif tok.kind == "hashtag":
                tags.add(tok.norm.lstrip("#"))
        df.update(seen | tags)
        as_tag.update(tags - seen)
    n = len(distinct)
    # a term counts once per post, as a word or as a hashtag (ignore= reads both forms);
    # it is shown with '#' when most of its posts have it only as a hashtag
    rows = [("#" + t if 2 * as_tag[t] > c else t, c) for t, c in df.items() if n and c / n >= min_share]
    rows.sort(key=lambda r: (-r[1], r[0]))
    if top is not None:
        rows = rows[:top]
    if not as_frame:
        return [t for t, _ in rows]
    out = pd.DataFrame(
        {
            "term": [t for t, _ in rows],
            "kind": ["hashtag" if t.startswith("#") else "word" for t, _ in rows],
            "posts": np.asarray([c for _, c in rows], dtype=np.int64),
            "share": [c / n for _, c in rows],
        }
    )
    out.attrs.update({"n_posts": n, "min_share": float(min_share)})
    return out

