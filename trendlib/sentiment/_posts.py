"""Sentiment of a posts DataFrame: per-post columns, and shares over time with intervals.

``sentiment_over_time`` returns one row per (time bin[, group]) with

============================  ====================================================
column                        meaning
============================  ====================================================
``time``                      bin start, tz-aware in ``tz``; bins are ``[time, time+freq)``
*group_by columns*            the group (list columns such as ``hashtags`` exploded)
``n``                         posts in the bin (and group) with a sentiment
``positive``/``negative``/    counts
``neutral``
``share_<label>``             ``count / n`` (NaN when ``n`` is 0)
``share_<label>_low/high``    Wilson score interval at ``confidence``
``net``                       ``(positive - negative) / n`` in [-1, 1]
``net_low``/``net_high``      MOVER interval for a difference of two shares of one
                              multinomial (Wilson limits combined with their
                              correlation; Newcombe 1998, Zou & Donner 2008)
============================  ====================================================

Every bin between the first and the last post is present (zero counts where no post),
for every group. ``attrs`` holds ``freq``, ``tz``, ``group_by``, ``confidence`` and counts of
posts left out (no time, no text, no value for a ``group_by`` column).
"""

from __future__ import annotations

from statistics import NormalDist
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._deprecate import renamed_kwargs
from .._validation import check_choice, check_probability, require_columns
from ._rules import load_params
from ._scorer import HASHTAG_MODES, _bounds, polarity_many
from ._topic import IgnoreSet, check_ignore

__all__ = ["add_sentiment", "sentiment_over_time", "wilson_interval", "net_interval"]

LABELS = ("positive", "negative", "neutral")


def _per_post(values: np.ndarray, codes: np.ndarray, ok: np.ndarray) -> np.ndarray:
    """Per post: the value of its distinct text (``codes`` into ``values``) where ``ok``;
    NaN (float values) or None elsewhere."""
    out = np.full(len(ok), np.nan) if values.dtype.kind == "f" else np.full(len(ok), None, dtype=object)
    out[ok] = values[codes] if len(codes) else []
    return out


def _spread(scores: np.ndarray, codes: np.ndarray, ok: np.ndarray, lo: float, hi: float) -> tuple[np.ndarray, np.ndarray]:
    """Per post: the polarity of its distinct text (``codes`` into ``scores``, for the posts
    where ``ok``; NaN elsewhere) and its label by the thresholds (None without text)."""
    lab_u = np.full(scores.size, "neutral", dtype=object)
    lab_u[scores > hi] = "positive"
    lab_u[scores < lo] = "negative"
    return _per_post(scores, codes, ok), _per_post(lab_u, codes, ok)

def _mask_pattern(ig: IgnoreSet) -> Any:
    """One regex matching the ignored words (as words or hashtags) and phrases in raw text."""
    import re

    alts = [r"\W+".join(map(re.escape, ph)) for ph in sorted(ig.phrases, key=len, reverse=True)]
    alts += [re.escape(w) for w in sorted(ig.words, key=len, reverse=True)]
    return re.compile(r"(?<![\w#])#?(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def mask_ignored(texts: list[str], ig: IgnoreSet | None) -> list[str]:
    """``texts`` with the ignored terms removed, for a model that has no ``ignore=`` (internal).

    A term is removed as a word or a hashtag, case-insensitively (``ignore="korupsi"``
    removes ``Korupsi`` and ``#korupsi``), a phrase with any spacing or punctuation between
    its words, until none is left (removing one term can bring a phrase's words
    together). The lexicon scorer's ``ignore=`` also matches slang spellings of a term
    after normalisation; this mask matches the term as written.

    Examples
    --------
    >>> mask_ignored(["Korupsi lagi! #korupsi", "makan  bergizi gratis enak"],
    ...              check_ignore(["korupsi", "makan bergizi gratis"], func="add_sentiment"))
    [' lagi! ', '  enak']
    """
    if ig is None or not (ig.words or ig.phrases):
        return list(texts)
    subn = _mask_pattern(ig).subn
    out = []
    for t in texts:
        t, n = subn(" ", t)
        while n:  # a removed word can join a phrase ("makan bergizi korupsi gratis"): again
            t, n = subn(" ", t)
        out.append(t)
    return out


def _resolve_model(model: Any, *, func: str) -> Any:
    """``model=`` of add_sentiment: a fitted classifier, or a pretrained model's name (loaded
    once per process, so a Dask worker loads it itself and nothing is pickled)."""
    if isinstance(model, str):
        from ._classifier import _PRETRAINED, shared_pretrained

        if model not in _PRETRAINED:
            raise ValueError(
                f"The 'model' parameter of {func}() must be a fitted classifier or the name of a "
                f"pretrained model {sorted(_PRETRAINED)}. Got {model!r}."
            )
        return shared_pretrained(model)
    classes = [str(c) for c in getattr(model, "classes_", [])]
    if not hasattr(model, "predict_proba") or not {"positive", "negative"} <= set(classes):
        raise TypeError(
            f"The 'model' parameter of {func}() must be a fitted classifier with predict_proba() and "
            f"'positive' and 'negative' among its classes_ (e.g. SentimentClassifier.pretrained()), or "
            f"a pretrained model's name. Got {type(model).__name__} with classes {classes[:5]}."
        )
    return model


def _model_scores(model: Any, texts: list[str], batch: int = 20_000) -> tuple[np.ndarray, np.ndarray]:
    """Polarity ``P(positive) - P(negative)`` and the predicted label of each text."""
    classes = np.asarray([str(c) for c in model.classes_], dtype=object)
    pos, neg = list(classes).index("positive"), list(classes).index("negative")
    pol = np.empty(len(texts))
    lab = np.empty(len(texts), dtype=object)
    for a in range(0, len(texts), batch):  # bounded memory on a million texts
        proba = np.asarray(model.predict_proba(texts[a : a + batch]), dtype=float)
        pol[a : a + batch] = proba[:, pos] - proba[:, neg]
        lab[a : a + batch] = classes[proba.argmax(axis=1)]
    return pol, lab


def add_sentiment(
    posts: pd.DataFrame,
    *,
    column: str = "text",
    lexicon: Any = None,
    threshold: Any = None,
    ignore: Any = None,
    hashtags: Literal["keep", "segment"] = "keep",
    model: Any = None,
) -> pd.DataFrame:
    """Return a copy of ``posts`` with ``polarity`` and ``sentiment`` columns.

    The batch path scores each distinct text once and each distinct whitespace chunk is
    analysed once, so retweets and repeated slang cost nothing. By default the scorer is
    the explainable lexicon+rules one; ``model=`` puts a trained classifier in its place.

    Parameters
    ----------
    posts : pandas.DataFrame
        Posts with a text column.
    column : str, default "text"
        The column to score.
    lexicon : Lexicon, mapping or path, optional
        As in :func:`trendlib.sentiment.polarity`.
    threshold : float or (float, float), optional
        As in :func:`trendlib.sentiment.label`.
    ignore : str or list of str, optional
        Topic terms and hashtags read as plain words, not as opinion: the scrape's query,
        e.g. ``ignore=topic_terms(posts)``. Recorded in ``attrs["sentiment_ignored"]``.
    hashtags : {"keep", "segment"}, default "keep"
        ``"segment"`` reads each hashtag as its words, so ``#IndonesiaGelap`` counts as
        negative (see :func:`trendlib.sentiment.polarity`; the report does this).
        Recorded in ``attrs["sentiment_hashtags"]``.
    model : SentimentClassifier, "multi" or "smsa", optional
        Label with a trained classifier instead of the lexicon scorer: a fitted model
        with ``predict_proba`` and ``positive`` / ``negative`` (/ ``neutral``) classes, or
        the name of a pretrained model (:meth:`SentimentClassifier.pretrained`, loaded
        once per process). ``sentiment`` is the model's most probable label and
        ``polarity`` is ``P(positive) - P(negative)``; ``ignore=`` terms are removed from
        the texts before the model reads them; the model reads hashtags its own way
        (``hashtags=`` and ``lexicon=``/``threshold=`` belong to the lexicon scorer and
        cannot be combined with it). On our political development set the pretrained
        model's 3-class macro-F1 is 0.686 against 0.628 for the lexicon scorer
        (docs/guide/sentiment.md). Recorded in ``attrs["sentiment_scorer"]``.

    Returns
    -------
    pandas.DataFrame
        A copy with ``polarity`` (float in [-1, 1]) and ``sentiment`` (``"positive"``,
        ``"negative"``, ``"neutral"``). Rows whose text is missing get NaN / ``None``;
        their number is in ``attrs["sentiment_missing_text"]``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"text": ["Mantap, KTT ASEAN lancar 👍", "macet parah, kecewa", None]})
    >>> out = add_sentiment(posts)
    >>> out["sentiment"].iloc[:2].tolist(), bool(out["polarity"].iloc[0] > 0.5)
    (['positive', 'negative'], True)
    >>> out["polarity"].isna().tolist(), out.attrs["sentiment_missing_text"]
    ([False, False, True], 1)
    >>> scrape = pd.DataFrame({"text": ["KPK Tetapkan Tersangka Baru Kasus Korupsi Tol",
    ...                                 "korupsi terus, rakyat makin sengsara"]})
    >>> add_sentiment(scrape, ignore="korupsi")["sentiment"].tolist()
    ['neutral', 'negative']
    >>> tagged = pd.DataFrame({"text": ["Ada apa dengan DANANTARA??? #IndonesiaGelap"]})
    >>> add_sentiment(tagged, hashtags="segment")["sentiment"].tolist()
    ['negative']
    >>> news = pd.DataFrame({"text": ["Presiden meresmikan jalan tol baru di Jawa Tengah",
    ...                               "pelayanannya lambat banget, kecewa"]})
    >>> out = add_sentiment(news, model="multi")
    >>> out["sentiment"].tolist(), out.attrs["sentiment_scorer"]
    (['neutral', 'negative'], 'SentimentClassifier.pretrained("multi")')

    See Also
    --------
    sentiment_over_time, topic_terms, trendlib.sentiment.explain
    """
    require_columns(posts, [column], func="add_sentiment")
    ig = check_ignore(ignore, func="add_sentiment")
    check_choice(hashtags, HASHTAG_MODES, name="hashtags", func="add_sentiment")
    lo, hi = _bounds(load_params(), threshold)  # validates threshold= even with nothing to label
    clf = None
    if model is not None:
        given = [k for k, v in (("lexicon", lexicon), ("threshold", threshold)) if v is not None]
        if hashtags != "keep":
            given.append("hashtags")
        if given:
            raise ValueError(
                f"add_sentiment() got model= and {given}: those options belong to the lexicon scorer; "
                f"the model reads texts its own way. Pass one or the other."
            )
        clf = _resolve_model(model, func="add_sentiment")
    texts = posts[column]
    if texts.dtype != object and pd.api.types.is_string_dtype(texts.dtype):
        ok = texts.notna().to_numpy(dtype=bool)  # a str column: every value present is a str
    else:
        ok = np.fromiter(map(_is_str, texts.to_numpy(dtype=object)), dtype=bool, count=len(texts))
    # each distinct text is scored once (retweets and copies cost a lookup)
    codes, uniques = pd.factorize(texts[ok] if not ok.all() else texts)
    if clf is None:
        scores = np.asarray(polarity_many(list(uniques), lexicon=lexicon, ignore=ig, hashtags=hashtags), dtype=float)
        pol, lab = _spread(scores, codes, ok, lo, hi)
    else:
        scores, labels = _model_scores(clf, mask_ignored(list(uniques), ig))
        pol, lab = _per_post(scores, codes, ok), _per_post(labels, codes, ok)
    # one copy of the table at most: under copy-on-write (pandas 3, or the option on
    # pandas 2) a shallow copy is safe and shares the posts' columns until one is written
    out = posts.copy(deep=not _copy_on_write())
    out["polarity"] = pol
    out["sentiment"] = lab
    out.attrs = dict(posts.attrs)
    out.attrs["sentiment_missing_text"] = int((~ok).sum())
    out.attrs["sentiment_ignored"] = list(ig.terms) if ig is not None else []
    out.attrs["sentiment_hashtags"] = hashtags if clf is None else getattr(clf, "hashtags", "keep")
    out.attrs["sentiment_scorer"] = "lexicon" if clf is None else (
        f'SentimentClassifier.pretrained("{model}")' if isinstance(model, str) else type(clf).__name__)
    return out


def tokens_and_sentiment(
    texts: Any, *, stopwords: Any = None, ignore: Any = None, lexicon: Any = None, threshold: Any = None,
    hashtags: str = "keep", score: bool = True,
) -> tuple[list, np.ndarray, np.ndarray, dict]:
    """``add_tokens`` and ``add_sentiment`` of a text column in one pass (internal; the report).

    Returns ``(tokens, polarity, sentiment, attrs)``: the ``tokens`` column of
    ``add_tokens(posts, stopwords=stopwords)``, the ``polarity`` and ``sentiment`` columns
    of ``add_sentiment(posts, ignore=ignore, lexicon=lexicon, threshold=threshold,
    hashtags=hashtags)`` and the attrs that adds (``sentiment_missing_text``,
    ``sentiment_ignored``, ``sentiment_hashtags``), for posts whose
    text column is ``texts``. Each distinct text is read once for both, and split once for
    the tokenizer and the scorer (:func:`trendlib.sentiment._batch.score_and_tokenize`);
    tests/test_sentiment_posts.py checks the result against the two plain calls.
    ``score=False`` gives the tokens only (polarity NaN, sentiment None: the report when
    a classifier labels the posts).
    """
    from .._cache import collection_paused
    from ..text import tokenize
    from ..text._stopwords import _resolve
    from ._batch import score_and_tokenize
    from ._lexicon import as_lexicon
    from ._scorer import polarity_many

    stop = _resolve(stopwords, func="add_tokens")
    ig = check_ignore(ignore, func="add_sentiment")
    seg = check_choice(hashtags, HASHTAG_MODES, name="hashtags", func="add_sentiment") == "segment"
    lex = as_lexicon(lexicon, func="add_sentiment")
    P = load_params()
    lo, hi = _bounds(P, threshold)
    seq = texts.tolist() if isinstance(texts, pd.Series) else list(texts)
    values = np.fromiter(seq, dtype=object, count=len(seq))
    ok = np.fromiter(map(_is_str, values), dtype=bool, count=len(values))
    # each distinct text is tokenised and scored once (retweets and copies cost a lookup)
    codes, uniques = pd.factorize(values[ok])
    uniques = list(uniques)
    if not score:
        with collection_paused():
            toks = [tokenize(t, stopwords=stop) for t in uniques]
        scores = np.full(len(uniques), np.nan)
    elif ig is None:
        scores, toks = score_and_tokenize(uniques, lex, P, stop, seg)
    else:  # the scorer's path with ignored terms (polarity_many) and the tokens apart
        scores = polarity_many(uniques, lexicon=lex, ignore=ig, hashtags=hashtags)
        with collection_paused():
            toks = [tokenize(t, stopwords=stop) for t in uniques]
    scores = np.asarray(scores, dtype=float)
    if score:
        pol, lab = _spread(scores, codes, ok, lo, hi)
    else:
        pol, lab = np.full(len(ok), np.nan), np.full(len(ok), None, dtype=object)
    with collection_paused():
        if ok.all():
            tokens = [list(toks[c]) for c in codes.tolist()]
        else:
            tokens = []
            it = iter(codes.tolist())
            for value, good in zip(values.tolist(), ok.tolist()):
                tokens.append(list(toks[next(it)]) if good else _other_tokens(value, stop))
    attrs = {"sentiment_missing_text": int((~ok).sum()),
             "sentiment_ignored": list(ig.terms) if ig is not None else [],
             "sentiment_hashtags": hashtags}
    return tokens, pol, lab, attrs


def _other_tokens(value: Any, stop: Any) -> list[str]:
    """add_tokens' tokens of a value that is not a str: none when missing, else of str(value)."""
    from ..text import tokenize

    if value is None or (isinstance(value, float) and value != value):
        return []
    try:
        if pd.isna(value):
            return []
    except (TypeError, ValueError):
        pass
    return tokenize(str(value), stopwords=stop)


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _copy_on_write() -> bool:
    if int(pd.__version__.split(".", 1)[0]) >= 3:
        return True
    return pd.options.mode.copy_on_write is True


def wilson_interval(k: Any, n: Any, *, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of the share ``k / n`` (vectorised; NaN where ``n`` is 0).

    Examples
    --------
    >>> lo, hi = wilson_interval(8, 10)
    >>> round(float(lo), 3), round(float(hi), 3)
    (0.49, 0.943)
    """
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        den = 1 + z * z / n
        centre = (p + z * z / (2 * n)) / den
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
        lo = np.where(k == 0, 0.0, np.clip(centre - half, 0, 1))
        hi = np.where(k == n, 1.0, np.clip(centre + half, 0, 1))
        lo = np.where(n > 0, lo, np.nan)
        hi = np.where(n > 0, hi, np.nan)
    return lo, hi


def net_interval(
    pos: Any, neg: Any, n: Any, *, confidence: float = 0.95
) -> tuple[np.ndarray, np.ndarray]:
    """Interval of the net sentiment ``(pos - neg) / n`` (MOVER with Wilson limits).

    The two shares come from one multinomial sample, so their estimates are negatively
    correlated (``r = -sqrt(p1 p2 / ((1 - p1)(1 - p2)))``); the limits combine the Wilson
    limits of each share with that correlation. The interval stays inside [-1, 1] and does
    not collapse to a point for small or extreme bins (unlike the Wald interval).

    Examples
    --------
    >>> lo, hi = net_interval(3, 0, 3)
    >>> round(float(lo), 2), float(hi)
    (0.21, 1.0)
    """
    pos = np.asarray(pos, dtype=float)
    neg = np.asarray(neg, dtype=float)
    n = np.asarray(n, dtype=float)
    l1, u1 = wilson_interval(pos, n, confidence=confidence)
    l2, u2 = wilson_interval(neg, n, confidence=confidence)
    with np.errstate(invalid="ignore", divide="ignore"):
        p1, p2 = pos / n, neg / n
        den = (1 - p1) * (1 - p2)
        r = np.where(den > 0, -np.sqrt(np.where(den > 0, p1 * p2 / den, 0.0)), 0.0)
        d = p1 - p2
        lo = d - np.sqrt(np.maximum((p1 - l1) ** 2 + (u2 - p2) ** 2 - 2 * r * (p1 - l1) * (u2 - p2), 0))
        hi = d + np.sqrt(np.maximum((u1 - p1) ** 2 + (p2 - l2) ** 2 - 2 * r * (u1 - p1) * (p2 - l2), 0))
    return np.clip(lo, -1, 1), np.clip(hi, -1, 1)


@renamed_kwargs(by="group_by", since="0.2")
def sentiment_over_time(
    posts: pd.DataFrame,
    *,
    freq: str = "1D",
    tz: str = "Asia/Jakarta",
    group_by: str | list[str] | None = None,
    confidence: float = 0.95,
    column: str = "text",
    lexicon: Any = None,
    ignore: Any = None,
    hashtags: Literal["keep", "segment"] = "keep",
    model: Any = None,
) -> pd.DataFrame:
    """Shares of positive/negative/neutral posts and net sentiment per time bin (and group).

    Parameters
    ----------
    posts : pandas.DataFrame
        Posts with ``time`` and either a ``sentiment`` column (from :func:`add_sentiment`
        or a classifier) or a text ``column`` to score.
    freq : str, default "1D"
        Fixed bin width (``"15min"``, ``"1h"``, ``"1D"``); bins follow the wall clock of
        ``tz`` (daily bins start at local midnight).
    tz : str, default "Asia/Jakarta"
        Time zone of the bins (``"WIB"``, ``"WITA"``, ``"WIT"`` accepted).
    group_by : str or list of str, optional
        Grouping column(s), e.g. ``"community"`` or ``"hashtags"``; list columns are
        exploded (a post with two hashtags counts in both groups). ``by=`` is the
        deprecated name (FutureWarning; removed in 0.3).
    confidence : float, default 0.95
        Level of the intervals, in (0, 1).
    column : str, default "text"
        Text column scored when ``posts`` has no ``sentiment`` column.
    lexicon : optional
        Lexicon used when scoring (see :func:`polarity`).
    ignore : str or list of str, optional
        Topic terms not read as opinion when scoring (see :func:`add_sentiment`).
    hashtags : {"keep", "segment"}, default "keep"
        How a hashtag is read when scoring (see :func:`add_sentiment`).
    model : SentimentClassifier, "multi" or "smsa", optional
        Score with a trained classifier instead (see :func:`add_sentiment`).

    Returns
    -------
    pandas.DataFrame
        Tidy table, one row per bin (and group); columns described in the module docstring.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({
    ...     "time": pd.to_datetime(["2023-09-05 02:00", "2023-09-05 03:00", "2023-09-06 04:00"], utc=True),
    ...     "text": ["KTT ASEAN keren, bangga!", "jalan ditutup, macet parah", "mantap, lancar jaya"]})
    >>> t = sentiment_over_time(posts)
    >>> t[["time", "n", "positive", "negative", "net"]]
                           time  n  positive  negative  net
    0 2023-09-05 00:00:00+07:00  2         1         1  0.0
    1 2023-09-06 00:00:00+07:00  1         1         0  1.0
    >>> bool(t.loc[1, "net_low"] < 0.5)   # one post is weak evidence
    True
    """
    from .._time import local_ns as _local_ns, parse_freq, resolve_tz

    func = "sentiment_over_time"
    require_columns(posts, ["time"], func=func, hint="trendlib.read_posts(...)")
    check_probability(confidence, name="confidence", func=func)
    step = parse_freq(freq, func=func)
    tzname = resolve_tz(tz, func=func)
    by_cols = [] if group_by is None else ([group_by] if isinstance(group_by, str) else list(group_by))
    require_columns(posts, by_cols, func=func)
    check_choice(hashtags, HASHTAG_MODES, name="hashtags", func=func)
    dropped: dict[str, int] = {}
    if "sentiment" in posts.columns:
        lab = posts["sentiment"]
    else:
        require_columns(posts, [column], func=func, hint="trendlib.sentiment.add_sentiment(posts)")
        scored = add_sentiment(posts, column=column, lexicon=lexicon, ignore=ignore, hashtags=hashtags, model=model)
        lab = scored["sentiment"]
    lab = lab.astype(object)
    bad = lab.notna() & ~lab.isin(LABELS)
    if bad.any():
        raise ValueError(
            f"{func}() expects the 'sentiment' column to hold {list(LABELS)}. "
            f"Got {sorted(map(str, lab[bad].unique()))[:5]} in {int(bad.sum())} rows."
        )
    frame = pd.DataFrame({"_lab": lab.to_numpy()}, index=np.arange(len(posts)))
    t = posts["time"]
    has_time = t.notna().to_numpy()
    ns = np.zeros(len(posts), dtype=np.int64)
    if has_time.any():
        ns[has_time] = _local_ns(t[has_time], tzname)
    frame["_ns"] = ns
    no_time = int((~has_time).sum())
    if no_time:
        dropped["no time"] = no_time
    for c in by_cols:
        frame[c] = posts[c].to_numpy()
    keep = t.notna().to_numpy() & frame["_lab"].notna().to_numpy()
    no_lab = int((t.notna().to_numpy() & frame["_lab"].isna().to_numpy()).sum())
    if no_lab:
        dropped["no sentiment (missing text)"] = no_lab
    frame = frame[keep]
    step_ns = int(step.value)
    frame["_bin"] = np.floor_divide(frame["_ns"].to_numpy(), step_ns)
    for c in by_cols:
        if frame[c].map(lambda v: isinstance(v, (list, tuple, set, np.ndarray))).any():
            frame = frame.explode(c)
        missing = int(frame[c].isna().sum())
        if missing:
            dropped[f"no {c}"] = missing
            frame = frame[frame[c].notna()]
    counts = frame.groupby(["_bin", *by_cols, "_lab"]).size().unstack("_lab", fill_value=0)
    return sentiment_table(counts, by_cols=by_cols, step_ns=step_ns, tz=tzname, freq=freq, dropped=dropped,
                           confidence=confidence)


def sentiment_table(counts: pd.DataFrame, *, by_cols: list, step_ns: int, tz: str, freq: Any, dropped: dict,
                    confidence: float) -> pd.DataFrame:
    """Label counts indexed by (``_bin``, *groups) -> the :func:`sentiment_over_time` table (internal).

    Zero-fills every bin between the first and the last for every group, adds shares with
    Wilson intervals and net sentiment with its MOVER interval. Shared with the chunked and
    Dask paths (:mod:`trendlib._partial`), so both give the same table by construction.
    """
    counts = counts.reindex(columns=list(LABELS), fill_value=0)
    present = counts.index.get_level_values("_bin")
    first, last = (int(present.min()), int(present.max())) if len(counts) else (0, -1)
    bins = np.arange(first, last + 1, dtype=np.int64)
    if by_cols:
        groups = counts.index.to_frame(index=False)[by_cols].drop_duplicates().sort_values(by_cols)
        full = pd.MultiIndex.from_frame(
            pd.DataFrame({"_bin": np.repeat(bins, len(groups))}).join(
                pd.concat([groups.reset_index(drop=True)] * len(bins), ignore_index=True)
            )
        )
    else:
        full = pd.Index(bins, name="_bin")
    counts = counts.reindex(full, fill_value=0).reset_index()
    local = pd.DatetimeIndex((counts["_bin"].to_numpy() * step_ns).view("datetime64[ns]"))
    out = pd.DataFrame({"time": local.tz_localize(tz, ambiguous="NaT", nonexistent="shift_forward")})
    for c in by_cols:
        out[c] = counts[c].to_numpy()
    n = counts[list(LABELS)].sum(axis=1).to_numpy(dtype=np.int64)
    out["n"] = n
    for lbl in LABELS:
        out[lbl] = counts[lbl].to_numpy(dtype=np.int64)
    for lbl in LABELS:
        with np.errstate(invalid="ignore", divide="ignore"):
            out[f"share_{lbl}"] = np.where(n > 0, out[lbl] / np.maximum(n, 1), np.nan)
        lo, hi = wilson_interval(out[lbl], n, confidence=confidence)
        out[f"share_{lbl}_low"], out[f"share_{lbl}_high"] = lo, hi
    out["net"] = np.where(n > 0, (out["positive"] - out["negative"]) / np.maximum(n, 1), np.nan)
    out["net_low"], out["net_high"] = net_interval(out["positive"], out["negative"], n, confidence=confidence)
    if by_cols:
        out = out.sort_values([*by_cols, "time"], kind="stable").reset_index(drop=True)
    out.attrs.update(
        {"freq": str(freq), "tz": tz, "group_by": by_cols or None, "by": by_cols or None, "confidence": float(confidence),
         "dropped": dropped, "net_interval": "MOVER-Wilson", "share_interval": "Wilson"}
    )
    return out
