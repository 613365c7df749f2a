"""Explainable lexicon+rules sentiment: ``polarity``, ``label``, ``explain``.

Text is split on whitespace; each distinct chunk is analysed once (memoised) with
:func:`trendlib.text.tokens`, which gives the original and the normalised form of every
token. The original form carries the emphasis (``BAGUSSS``, ``enak2``); the normalised form
is looked up in the lexicon (a word with a clitic, ``mahalnya``, ``enaklah``, falls back
to its base when the whole word is not in the lexicon). The rules and their fitted weights are described in
:mod:`trendlib.sentiment._rules` and ``docs/sentiment_lexicon.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .._validation import check_choice
from ._topic import check_ignore
from ._analyse import analyse
from ._lexicon import as_lexicon
from ._rules import Params, Tok, load_params, score_tokens

__all__ = ["polarity", "label", "explain", "Explanation", "analyse", "Tok"]

def _check_text(text: Any, func: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"The 'text' parameter of {func}() must be a str. Got {type(text).__name__}.")
    return text


#: how a scorer reads a hashtag: ``"keep"`` one word (the default), ``"segment"`` its words
HASHTAG_MODES = ("keep", "segment")


def _segment(hashtags: Any, func: str) -> bool:
    """Validate ``hashtags=`` and say whether hashtags are read as their words."""
    return check_choice(hashtags, HASHTAG_MODES, name="hashtags", func=func) == "segment"


def _bounds(P: Params, threshold: Any) -> tuple[float, float]:
    """``(negative, positive)`` label bounds of ``threshold=`` (validated; None: fitted)."""
    if threshold is None:
        return P.threshold_negative, P.threshold_positive
    if isinstance(threshold, (tuple, list)) and len(threshold) == 2:
        try:
            lo, hi = float(threshold[0]), float(threshold[1])
        except (TypeError, ValueError):
            lo, hi = 1.0, -1.0
        if not -1 <= lo <= hi <= 1:
            raise ValueError(
                "The 'threshold' parameter of label() must be a pair (negative, positive) with "
                f"-1 <= negative <= positive <= 1. Got {threshold!r}."
            )
        return lo, hi
    try:
        t = float(threshold)
    except (TypeError, ValueError):
        t = -1.0
    if not 0 <= t < 1:
        raise ValueError(
            "The 'threshold' parameter of label() must be None, a number in [0, 1) or a pair "
            f"(negative, positive). Got {threshold!r}."
        )
    return -t, t


def _label_of(score: float, P: Params, threshold: Any) -> str:
    lo, hi = _bounds(P, threshold)
    if score > hi:
        return "positive"
    if score < lo:
        return "negative"
    return "neutral"


def polarity(text: str, *, lexicon: Any = None, ignore: Any = None,
             hashtags: Literal["keep", "segment"] = "keep") -> float:
    """Polarity of one text in [-1, 1] from the lexicon and the Indonesian rules.

    Parameters
    ----------
    text : str
        Raw social media text (slang, emoji, elongation are handled).
    lexicon : Lexicon, mapping or path, optional
        Default: the shipped trendlib lexicon. Any mapping ``word -> score`` works, e.g.
        ``trendlib.datasets.load_inset()`` (scores on -5..+5; the scale is inferred).
    ignore : str or list of str, optional
        Topic terms and hashtags read as plain words, not as opinion: the scrape's query
        (``"korupsi"``, ``"#IKN"``), e.g. from :func:`topic_terms`.
    hashtags : {"keep", "segment"}, default "keep"
        ``"segment"`` reads each hashtag as its words (``#IndonesiaGelap``: indonesia,
        gelap; :func:`trendlib.text.segment_hashtag`), so an opinion carried by a tag
        counts; ``"keep"`` reads it as one word, usually in no lexicon. The default keeps
        the scorer's throughput on all-new tweets (segmenting every new tag costs about a
        sixth of it); the report and ``SentimentClassifier`` read tags as words. See
        ``docs/sentiment_lexicon.md``.

    Returns
    -------
    float
        0.0 for text without sentiment; the sign gives the direction. Posts in news
        register (headlines, attributed reports; see :func:`explain`) score 0.0.

    Examples
    --------
    >>> polarity("makanannya enak banget, pelayanan ramah") > 0
    True
    >>> polarity("makanannya tidak enak") < 0
    True
    >>> polarity("")
    0.0
    >>> polarity("korupsi lagi korupsi lagi") < 0, polarity("korupsi lagi korupsi lagi", ignore="korupsi")
    (True, 0.0)
    >>> polarity("#IndonesiaGelap"), polarity("#IndonesiaGelap", hashtags="segment") < 0
    (0.0, True)

    See Also
    --------
    label, explain, add_sentiment, topic_terms
    """
    _check_text(text, "polarity")
    seg = _segment(hashtags, "polarity")
    return score_tokens(analyse(text, seg), as_lexicon(lexicon), load_params(),
                        ignore=check_ignore(ignore, func="polarity"))


def label(text: str, *, lexicon: Any = None, threshold: Any = None, ignore: Any = None,
          hashtags: Literal["keep", "segment"] = "keep") -> str:
    """Sentiment label of one text: ``"positive"``, ``"negative"`` or ``"neutral"``.

    Parameters
    ----------
    text : str
    lexicon : Lexicon, mapping or path, optional
        As in :func:`polarity`.
    threshold : float or (float, float), optional
        Polarity above ``+t`` is positive, below ``-t`` negative. A pair gives
        ``(negative, positive)`` bounds. Default: the thresholds fitted on SmSA
        (``rules.json``).
    ignore : str or list of str, optional
        Topic terms read as plain words (see :func:`polarity`).
    hashtags : {"keep", "segment"}, default "keep"
        How a hashtag is read (see :func:`polarity`).

    Returns
    -------
    str

    Examples
    --------
    >>> label("Pelayanannya ramah, mantap jiwa 👍")
    'positive'
    >>> label("kecewa, barang rusak dan telat")
    'negative'
    >>> label("besok rapat jam 9 di balai kota")
    'neutral'
    >>> label("Direktur PDAM Dipenjara 1 Tahun karena Korupsi")   # a headline reports
    'neutral'

    See Also
    --------
    polarity, explain
    """
    _check_text(text, "label")
    seg = _segment(hashtags, "label")
    P = load_params()
    score = score_tokens(analyse(text, seg), as_lexicon(lexicon, func="label"), P,
                         ignore=check_ignore(ignore, func="label"))
    return _label_of(score, P, threshold)


@dataclass
class Explanation:
    """What the scorer saw in one text: per-unit contributions and the rules that fired.

    Attributes
    ----------
    text : str
    polarity : float
    label : str
    table : pandas.DataFrame
        One row per token or multi-word unit: ``token`` (original form), ``norm``,
        ``kind``, ``role`` (negator, booster, ...), ``valence`` (lexicon value / scale),
        ``contribution`` (after the rules) and ``rules`` (what changed it).
    rules : list of str
        Every rule that fired, in order, including text-level ones (exclamation, news
        register, squash).
    ignored : list of str
        The tokens read as plain words because of ``ignore=`` (topic terms), each with
        the lexicon valence it would otherwise have had.
    """

    text: str
    polarity: float
    label: str
    table: Any = field(repr=False)
    rules: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        rows = self.table[(self.table["contribution"] != 0) | (self.table["role"] != "")]
        lines = [f"Explanation(polarity={self.polarity:+.3f}, label={self.label!r})"]
        for r in rows.itertuples(index=False):
            extra = f"  [{r.rules}]" if r.rules else ""
            role = f" ({r.role})" if r.role else ""
            token = str(r.token)
            parts = token.split()
            if parts[:1] and parts[0][:1] == "#" and all(p == parts[0] for p in parts):
                # a hashtag's word(s), read with hashtags="segment": the tag, then the words
                token = parts[0] if str(r.norm) == parts[0][1:].lower() else f"{parts[0]}:{r.norm}"
            lines.append(f"  {token:<18}{role:<18} {r.valence:+.2f} -> {r.contribution:+.3f}{extra}")
        lines += [f"  * {r}" for r in self.rules]
        lines += [f"  - ignored: {r}" for r in self.ignored]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        head = f"<p><b>polarity {self.polarity:+.3f}</b> ({escape(self.label)}): {escape(self.text)}</p>"
        foot = "".join(f"<li>{escape(r)}</li>" for r in self.rules)
        return head + self.table.to_html(index=False) + (f"<ul>{foot}</ul>" if foot else "")


def explain(text: str, *, lexicon: Any = None, threshold: Any = None, ignore: Any = None,
            hashtags: Literal["keep", "segment"] = "keep") -> Explanation:
    """Explain the polarity of one text: each token's contribution and every rule that fired.

    Parameters
    ----------
    text : str
    lexicon, threshold, ignore, hashtags
        As in :func:`label`.

    Returns
    -------
    Explanation
        ``repr`` prints the tokens that matter; in Jupyter it renders as a table.
        ``.table`` is a DataFrame with one row per unit.

    Examples
    --------
    >>> e = explain("makanannya enak banget tapi pelayanannya tidak ramah")
    >>> e.label
    'negative'
    >>> e.table.set_index("token").loc["ramah", "rules"]
    "negated by 'tidak' x-...; after contrast 'tapi' x..."
    >>> explain("korupsi lagi, rakyat sengsara", ignore="korupsi").ignored
    ['korupsi (topic term, ignore=): lexicon valence -0.375 not counted']

    See Also
    --------
    polarity, label
    """
    _check_text(text, "explain")
    seg = _segment(hashtags, "explain")
    import pandas as pd

    lex = as_lexicon(lexicon, func="explain")
    P = load_params()
    trace: list[dict] = []
    ig = check_ignore(ignore, func="explain")
    toks = analyse(text, seg)
    score = score_tokens(toks, lex, P, trace, ignore=ig)
    summary = trace.pop()
    ignored = []
    for row in trace:
        if row["role"] == "ignored":
            v = lex.valence(row["norm"])
            tok = row["token"]
            if tok[:1] == "#":  # one of a hashtag's words
                tok = f"{tok} ({row['norm']})"
            ignored.append(f"{tok} (topic term, ignore=): lexicon valence {v:+.3g} not counted"
                           if v else f"{tok} (topic term, ignore=)")
    table = pd.DataFrame(
        trace, columns=["token", "norm", "kind", "role", "valence", "contribution", "rules"]
    )
    rules = [r for rs in table.loc[table["role"] != "ignored", "rules"] if rs for r in rs.split("; ")]
    s = summary["_sum"]
    if summary["_n_active"] > 1 and P.length_power:
        rules.append(f"sum divided by {summary['_n_active']}^{P.length_power:g} sentiment units")
    if summary["_exclamations"]:
        rules.append(f"{summary['_exclamations']} exclamation mark(s) +{P.exclamation:g} each")
    if summary["_news"] is not None:
        rules.append(f"news register ({summary['_news']}): sum {summary['_before_news']:+.3f} "
                     f"x{P.news_factor:g}")
    if s:
        rules.append(f"squash s={s:+.3f} -> s/sqrt(s^2+{P.alpha:g}) = {score:+.3f}")
    lab = _label_of(score, P, threshold)
    return Explanation(text=text, polarity=score, label=lab, table=table, rules=rules, ignored=ignored)


def polarity_many(texts: Any, *, lexicon: Any = None, ignore: Any = None,
                  hashtags: str = "keep") -> list[float]:
    """Polarity of many texts (batch path: memoised per distinct text and chunk; internal)."""
    lex = as_lexicon(lexicon, func="add_sentiment")
    P = load_params()
    ig = check_ignore(ignore, func="add_sentiment")
    seg = _segment(hashtags, "add_sentiment")
    if ig is not None:  # the text memo holds scores without ignored terms only
        return [score_tokens(analyse(t, seg), lex, P, ignore=ig) if isinstance(t, str) else float("nan")
                for t in texts]
    from ._batch import score_texts

    memo = lex.segmented_scores if seg else lex.scores
    get = memo.data.get
    out: list[float] = []
    todo: list[int] = []
    for k, text in enumerate(texts):
        v = get(text) if isinstance(text, str) else float("nan")
        if v is None:
            todo.append(k)
        out.append(v)
    if todo:
        new = [texts[k] for k in todo]
        put = memo.put
        for k, text, v in zip(todo, new, score_texts(new, lex, P, seg)):
            out[k] = v
            put(text, v)
    return out
