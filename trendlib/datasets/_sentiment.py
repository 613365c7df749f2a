"""Loaders of public Indonesian sentiment/emotion datasets and lexicons (data home).

Every loader reads the upstream files, verbatim, from the data home (see
:func:`trendlib.datasets.get_data_home`), in the upstream layout::

    <data home>/indonlu_smsa/{train,valid,test}_preprocess.tsv
    <data home>/nusax_senti_id/{train,valid,test}.csv
    <data home>/indonlu_emot/{train,valid,test}_preprocess.csv
    <data home>/idsa_sentiment/indonesian_sentiment_twitter_dataset_labeled.tsv
    <data home>/rizalespe_sentiment/dataset_tweet_sentiment*.csv
    <data home>/inset_lexicon/{positive,negative}.tsv
    <data home>/kamus_alay/colloquial-indonesian-lexicon.csv

Return convention: labelled corpora come back as a :class:`pandas.DataFrame` with (at
least) a ``text`` column (str) and a ``label`` column (str); sentiment labels are always
``"positive"``, ``"negative"`` or ``"neutral"`` whatever the upstream coding. ``attrs``
records ``dataset``, ``split``, ``path`` and ``licence``. A missing file raises
:class:`~trendlib.exceptions.DataNotFoundError` naming the path and the ``fetch_*``
function that downloads it; nothing is ever downloaded implicitly.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._validation import check_choice
from ..exceptions import DataNotFoundError, FormatError
from ._home import data_path

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["load_smsa", "load_nusax", "load_emot", "load_idsa", "load_rizalespe", "load_inset",
           "load_kamus_alay"]

SPLITS = ("train", "valid", "test")
SENTIMENT_LABELS = ("negative", "neutral", "positive")
EMOTION_LABELS = ("anger", "fear", "happy", "love", "sadness")


def _path(folder: str, name: str, fetch: str, data_home: Any) -> Path:
    try:
        return data_path(folder, name, data_home=data_home)
    except DataNotFoundError as exc:
        raise DataNotFoundError(
            f"{exc} To download it: trendlib.datasets.{fetch}."
        ) from None


def _read_text(path: Path) -> str:
    # utf-8-sig: tolerate a BOM; newline="" keeps the csv module in charge of line ends
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return fh.read()


def _rows(path: Path, *, delimiter: str, ncols: int, header: bool, quoting: int) -> list[list[str]]:
    """Parse a delimited file, raising FormatError with counts on malformed rows."""
    reader = csv.reader(io.StringIO(_read_text(path)), delimiter=delimiter, quoting=quoting)
    rows = list(reader)
    if header and rows:
        rows = rows[1:]
    rows = [[c.rstrip("\r") for c in r] for r in rows if r and any(c.strip() for c in r)]
    bad = [i for i, r in enumerate(rows) if len(r) != ncols]
    if bad:
        raise FormatError(
            f"{path}: {len(bad)} of {len(rows)} rows do not have {ncols} fields "
            f"(first bad row index {bad[0]}: {rows[bad[0]]!r:.120}). Is this the upstream file?"
        )
    return rows


def _frame(data: dict[str, list], attrs: dict[str, Any]) -> pd.DataFrame:
    import pandas as pd

    df = pd.DataFrame(data)
    for col in ("text", "label"):
        if col in df:
            df[col] = df[col].astype(object)
    df.attrs.update(attrs)
    return df


def _check_labels(labels: list[str], allowed: tuple[str, ...], path: Path) -> None:
    unknown = Counter(lab for lab in labels if lab not in allowed)
    if unknown:
        raise FormatError(
            f"{path}: unexpected labels {dict(unknown)}; expected only {list(allowed)}."
        )


def load_smsa(split: str = "train", *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """Load IndoNLU SmSA (document-level sentiment; Apache-2.0) from the data home.

    Parameters
    ----------
    split : {"train", "valid", "test"}
        Which split (11,000 / 1,260 / 500 rows).
    data_home : path, optional
        Overrides ``TRENDLIB_DATA_HOME``.

    Returns
    -------
    pandas.DataFrame
        Columns ``text`` (lower-cased, tokenised upstream) and ``label``
        (``"positive"``, ``"negative"`` or ``"neutral"``), in file order.

    Raises
    ------
    DataNotFoundError
        The file is not in the data home (download it with ``fetch_smsa()``).
    ValueError
        ``split`` is not one of the three splits.

    Examples
    --------
    >>> df = load_smsa("test")                                  # doctest: +SKIP
    >>> df.shape, sorted(df.label.unique())                     # doctest: +SKIP
    ((500, 2), ['negative', 'neutral', 'positive'])
    >>> load_smsa("dev")
    Traceback (most recent call last):
    ...
    ValueError: The 'split' parameter of load_smsa() must be one of ['train', 'valid', 'test']. Got 'dev'.
    """
    check_choice(split, SPLITS, name="split", func="load_smsa")
    path = _path("indonlu_smsa", f"{split}_preprocess.tsv", f"fetch_smsa({split!r})", data_home)
    rows = _rows(path, delimiter="\t", ncols=2, header=False, quoting=csv.QUOTE_NONE)
    labels = [r[1].strip() for r in rows]
    _check_labels(labels, SENTIMENT_LABELS, path)
    return _frame(
        {"text": [r[0] for r in rows], "label": labels},
        {"dataset": "smsa", "split": split, "path": str(path), "licence": "Apache-2.0"},
    )


def load_nusax(split: str = "train", *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """Load the Indonesian part of NusaX-senti (CC BY-SA 4.0) from the data home.

    NusaX-id is derived from SmSA sentences (about 28% of its rows match an SmSA text):
    never train on one and evaluate on the other.

    Parameters
    ----------
    split : {"train", "valid", "test"}
        Which split (500 / 100 / 400 rows).
    data_home : path, optional
        Overrides ``TRENDLIB_DATA_HOME``.

    Returns
    -------
    pandas.DataFrame
        Columns ``id`` (int, upstream id), ``text`` (original case and punctuation)
        and ``label`` (``"positive"``, ``"negative"`` or ``"neutral"``).

    Examples
    --------
    >>> df = load_nusax("test")                                 # doctest: +SKIP
    >>> len(df), list(df.columns)                               # doctest: +SKIP
    (400, ['id', 'text', 'label'])
    """
    check_choice(split, SPLITS, name="split", func="load_nusax")
    path = _path("nusax_senti_id", f"{split}.csv", f"fetch_nusax({split!r})", data_home)
    rows = _rows(path, delimiter=",", ncols=3, header=True, quoting=csv.QUOTE_MINIMAL)
    labels = [r[2].strip() for r in rows]
    _check_labels(labels, SENTIMENT_LABELS, path)
    try:
        ids = [int(r[0]) for r in rows]
    except ValueError as exc:
        raise FormatError(f"{path}: non-integer id ({exc}).") from None
    return _frame(
        {"id": ids, "text": [r[1] for r in rows], "label": labels},
        {"dataset": "nusax_id", "split": split, "path": str(path), "licence": "CC-BY-SA-4.0"},
    )


def load_emot(split: str = "train", *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """Load IndoNLU EmoT (Indonesian tweet emotions; Apache-2.0) from the data home.

    Parameters
    ----------
    split : {"train", "valid", "test"}
        Which split (3,521 / 440 / 440 rows).
    data_home : path, optional
        Overrides ``TRENDLIB_DATA_HOME``.

    Returns
    -------
    pandas.DataFrame
        Columns ``text`` (tweets; ``[USERNAME]`` and ``[URL]`` placeholders kept) and
        ``label`` (``"anger"``, ``"fear"``, ``"happy"``, ``"love"`` or ``"sadness"``).

    Examples
    --------
    >>> sorted(load_emot("valid").label.unique())               # doctest: +SKIP
    ['anger', 'fear', 'happy', 'love', 'sadness']
    """
    check_choice(split, SPLITS, name="split", func="load_emot")
    path = _path("indonlu_emot", f"{split}_preprocess.csv", f"fetch_emot({split!r})", data_home)
    rows = _rows(path, delimiter=",", ncols=2, header=True, quoting=csv.QUOTE_MINIMAL)
    labels = [r[0].strip() for r in rows]
    _check_labels(labels, EMOTION_LABELS, path)
    return _frame(
        {"text": [r[1] for r in rows], "label": labels},
        {"dataset": "emot", "split": split, "path": str(path), "licence": "Apache-2.0"},
    )


_IDSA_CODES = {"-1": "negative", "0": "neutral", "1": "positive"}


def load_idsa(*, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """Load IDSA, the labelled Indonesian sentiment tweets (no licence; not redistributed).

    One file, no official split. Upstream codes ``-1/0/1`` become ``"negative"``,
    ``"neutral"``, ``"positive"``. The text is already lower-cased with ``@`` and ``#``
    removed, and contains some Malay; 705 texts are duplicated (kept: no row is dropped).

    Returns
    -------
    pandas.DataFrame
        Columns ``text`` and ``label`` (10,806 rows).

    Examples
    --------
    >>> load_idsa().label.value_counts().to_dict()              # doctest: +SKIP
    {'neutral': 5327, 'negative': 2887, 'positive': 2592}
    """
    path = _path(
        "idsa_sentiment", "indonesian_sentiment_twitter_dataset_labeled.tsv", "fetch_idsa()",
        data_home,
    )
    rows = _rows(path, delimiter="\t", ncols=2, header=True, quoting=csv.QUOTE_NONE)
    bad = Counter(r[0].strip() for r in rows if r[0].strip() not in _IDSA_CODES)
    if bad:
        raise FormatError(f"{path}: unexpected labels {dict(bad)}; expected -1, 0 or 1.")
    return _frame(
        {"text": [r[1].strip() for r in rows], "label": [_IDSA_CODES[r[0].strip()] for r in rows]},
        {"dataset": "idsa", "split": None, "path": str(path), "licence": "none stated"},
    )


_RIZALESPE = {
    "pilkada": ("dataset_tweet_sentiment_pilkada_DKI_2017.csv", 900),
    "cellular": ("dataset_tweet_sentiment_cellular_service_provider.csv", 300),
    "tv": ("dataset_tweet_sentimen_tayangan_tv.csv", 400),
    "film": ("dataset_tweet_sentiment_opini_film.csv", 200),
}


def load_rizalespe(name: str = "pilkada", *, data_home: str | os.PathLike | None = None) -> pd.DataFrame:
    """Load one of the labelled tweet sets of rizalespe (Universitas Brawijaya; personal use only).

    The upstream README allows personal use only: trendlib never ships them or anything
    derived from them, and uses them to *evaluate* across domains (Pilkada DKI 2017 is the
    closest labelled set of political tweets with hashtags and mentions intact).

    Parameters
    ----------
    name : {"pilkada", "cellular", "tv", "film"}
        Pilkada DKI 2017 tweets (900), cellular providers (300), TV shows (400), films (200).
    data_home : path, optional
        Overrides ``TRENDLIB_DATA_HOME``.

    Returns
    -------
    pandas.DataFrame
        Columns ``text`` (the tweet as upstream) and ``label`` (``"positive"`` or
        ``"negative"``; these sets have no neutral class).

    Examples
    --------
    >>> load_rizalespe("pilkada").label.value_counts().to_dict()   # doctest: +SKIP
    {'negative': 450, 'positive': 450}
    """
    check_choice(name, list(_RIZALESPE), name="name", func="load_rizalespe")
    fname, _ = _RIZALESPE[name]
    path = _path("rizalespe_sentiment", fname, "fetch_rizalespe()", data_home)
    reader = csv.reader(io.StringIO(_read_text(path)))
    rows = [r for r in reader if r and any(c.strip() for c in r)]
    if not rows:
        raise FormatError(f"{path}: empty file.")
    header = [h.strip().lower() for h in rows[0]]
    if "sentiment" not in header or "text tweet" not in header:
        raise FormatError(f"{path}: expected 'Sentiment' and 'Text Tweet' columns. Got {rows[0]!r:.120}.")
    i_lab, i_text = header.index("sentiment"), header.index("text tweet")
    body = rows[1:]
    bad = [k for k, r in enumerate(body) if len(r) != len(header)]
    if bad:
        raise FormatError(f"{path}: {len(bad)} of {len(body)} rows do not have {len(header)} fields "
                          f"(first bad row index {bad[0]}).")
    labels = [r[i_lab].strip().lower() for r in body]
    _check_labels(labels, ("negative", "positive"), path)
    return _frame(
        {"text": [r[i_text] for r in body], "label": labels},
        {"dataset": f"rizalespe_{name}", "split": None, "path": str(path),
         "licence": "personal use only (not redistributed)"},
    )


def _read_inset_list(path: Path) -> dict[str, list[float]]:
    rows = _rows(path, delimiter="\t", ncols=2, header=True, quoting=csv.QUOTE_NONE)
    out: dict[str, list[float]] = {}
    for word, weight in rows:
        try:
            w = float(weight)
        except ValueError:
            raise FormatError(f"{path}: weight {weight!r} of {word!r} is not a number.") from None
        out.setdefault(" ".join(word.strip().lower().split()), []).append(w)
    return out


def load_inset(
    *, as_frame: bool = False, data_home: str | os.PathLike | None = None
) -> dict[str, float] | pd.DataFrame:
    """Load the InSet lexicon (Koto & Rahmaningtyas 2017; no licence, not shipped).

    InSet has a positive list (weights +1..+5) and a negative list (-1..-5); scores stay
    on that native integer scale. The rule for words in both lists (1,142 of them, e.g.
    ``ada`` +4 / -3) is the one of the InSet paper: the score is the **sum** of the
    positive and the negative weight (``ada`` -> +1). A word listed twice in the same
    list (``gila``, ``iri`` in the negative list) takes the mean of its weights there.
    Entries are lower-cased with whitespace collapsed; 677 of the 9,071 keys are
    multi-word expressions (keys with a space), so phrase matching needs n-gram lookup.

    Parameters
    ----------
    as_frame : bool, default False
        Return a DataFrame with columns ``word``, ``positive``, ``negative`` (0 when the
        word is not in that list) and ``score`` instead of a dict.
    data_home : path, optional
        Overrides ``TRENDLIB_DATA_HOME``.

    Returns
    -------
    dict of str to float, or pandas.DataFrame
        ``word -> score`` in [-5, 5] (9,071 entries).

    Examples
    --------
    >>> lex = load_inset()                                      # doctest: +SKIP
    >>> lex["ada"], lex["adil"], lex["hai"]                     # doctest: +SKIP
    (1.0, 1.0, 3.0)
    """
    pos = _read_inset_list(_path("inset_lexicon", "positive.tsv", "fetch_inset()", data_home))
    neg = _read_inset_list(_path("inset_lexicon", "negative.tsv", "fetch_inset()", data_home))
    words = list(dict.fromkeys([*pos, *neg]))
    p = {w: sum(v) / len(v) for w, v in pos.items()}
    n = {w: sum(v) / len(v) for w, v in neg.items()}
    if not as_frame:
        return {w: p.get(w, 0.0) + n.get(w, 0.0) for w in words}
    import pandas as pd

    df = pd.DataFrame(
        {
            "word": words,
            "positive": [p.get(w, 0.0) for w in words],
            "negative": [n.get(w, 0.0) for w in words],
        }
    )
    df["score"] = df["positive"] + df["negative"]
    df.attrs.update({"dataset": "inset", "licence": "none stated"})
    return df


def load_kamus_alay(
    *, as_frame: bool = False, data_home: str | os.PathLike | None = None
) -> dict[str, str] | pd.DataFrame:
    """Load the Colloquial Indonesian Lexicon ("kamus alay"; no licence, not shipped).

    Parameters
    ----------
    as_frame : bool, default False
        Return every upstream row (15,006; columns ``slang``, ``formal``,
        ``in_dictionary``, ``context``, ``category1..3``) instead of a dict.
    data_home : path, optional
        Overrides ``TRENDLIB_DATA_HOME``.

    Returns
    -------
    dict of str to str, or pandas.DataFrame
        ``slang -> formal`` (lower-cased) for the 4,330 distinct slang forms. A slang form with
        several formal forms in different contexts (71 of them, e.g. ``bkn`` ->
        bukan/bikin) maps to its most frequent one, ties broken by first appearance.

    Examples
    --------
    >>> load_kamus_alay()["gak"]                                # doctest: +SKIP
    'enggak'
    """
    path = _path("kamus_alay", "colloquial-indonesian-lexicon.csv", "fetch_kamus_alay()", data_home)
    rows = _rows(path, delimiter=",", ncols=7, header=True, quoting=csv.QUOTE_MINIMAL)
    if as_frame:
        import pandas as pd

        cols = ["slang", "formal", "in_dictionary", "context", "category1", "category2", "category3"]
        df = pd.DataFrame(rows, columns=cols)
        df["in_dictionary"] = pd.to_numeric(df["in_dictionary"], errors="coerce").astype("Int64")
        df.attrs.update({"dataset": "kamus_alay", "path": str(path), "licence": "none stated"})
        return df
    counts: dict[str, Counter] = {}
    for r in rows:
        slang, formal = r[0].strip().lower(), r[1].strip().lower()
        if slang and formal:
            counts.setdefault(slang, Counter())[formal] += 1
    # Counter.most_common keeps insertion order among equal counts
    return {s: c.most_common(1)[0][0] for s, c in counts.items()}


#: the political development set's annotation (ids and labels only; see docs/sentiment_domains.md)
POLITICAL_DEV_LABELS = Path(__file__).resolve().parent / "data" / "political_dev_labels.csv"

#: the data-home folders the political development set was sampled from (50 posts each)
POLITICAL_DEV_FOLDERS = (
    "tweets_pemilu2019_jokowi_prabowo",
    "tweets_prabowogibran2024_2023",
    "tweets_danantara_2025",
    "tweets_mbg_2025",
    "tweets_kipk_2024",
    "tweets_ikn_nusantara_2022",
)


def load_political_dev(
    *, labels: str | os.PathLike | None = None, data_home: str | os.PathLike | None = None
) -> pd.DataFrame:
    """Load the political development set: our labels joined to the tweets of the data home.

    300 real tweets (50 from each folder of :data:`POLITICAL_DEV_FOLDERS`), labelled by
    reading (docs/sentiment_domains.md, "The political development set"). The repository
    holds only the annotation (folder, post id, label, a short reason); the texts are read
    from the data home at run time, so nothing of the unlicensed scrapes is redistributed.
    It is a *development* set: choices about the sentiment models are made on it, never
    on the Pilkada or IDSA test sets.

    Parameters
    ----------
    labels : path, optional
        The annotation CSV (``folder,post_id,label,reason``); default
        ``political_dev_labels.csv`` shipped in ``trendlib/datasets/data/`` (package data).
    data_home : path, optional
        Overrides ``TRENDLIB_DATA_HOME``.

    Returns
    -------
    pandas.DataFrame
        ``folder``, ``post_id``, ``text`` (as read by :func:`trendlib.datasets.load_tweets`),
        ``label`` (``"positive"``, ``"negative"`` or ``"neutral"``) and ``reason``, in the
        annotation's order.

    Raises
    ------
    DataNotFoundError
        The annotation file or a tweet folder is missing.
    FormatError
        The annotation has the wrong columns or labels, or a post id is not in its folder.

    Examples
    --------
    >>> dev = load_political_dev()   # doctest: +SKIP
    >>> dev.label.value_counts().to_dict()   # doctest: +SKIP
    {'neutral': 127, 'negative': 118, 'positive': 55}
    """
    import warnings

    import pandas as pd

    from ._posts import load_tweets

    path = Path(labels) if labels is not None else POLITICAL_DEV_LABELS
    if not path.is_file():
        raise DataNotFoundError(f"The political development set's annotation {path} is not there "
                                "(trendlib ships it in trendlib/datasets/data/); pass labels= with its path.")
    ann = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"folder", "post_id", "label"} - set(ann.columns)
    if missing:
        raise FormatError(f"{path}: missing column(s) {sorted(missing)}; expected folder,post_id,label,reason.")
    _check_labels(list(ann.label), SENTIMENT_LABELS, path)
    texts: dict[tuple[str, str], str] = {}
    for folder in dict.fromkeys(ann.folder):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            posts = load_tweets(folder, data_home=data_home)
        ids = posts["id"].astype(str).to_numpy()
        for i, t in zip(ids, posts["text"].to_numpy()):
            if isinstance(t, str):
                texts.setdefault((folder, i), t)
    keys = list(zip(ann.folder, ann.post_id))
    absent = [k for k in keys if k not in texts]
    if absent:
        raise FormatError(f"{path}: {len(absent)} post id(s) not found in the data home, first "
                          f"{absent[0][0]}/{absent[0][1]}.")
    out = pd.DataFrame({"folder": ann.folder.to_numpy(), "post_id": ann.post_id.to_numpy(),
                        "text": [texts[k] for k in keys], "label": ann.label.to_numpy(),
                        "reason": ann["reason"].to_numpy() if "reason" in ann else ""})
    out.attrs.update({"dataset": "political_dev", "split": None, "path": str(path),
                      "licence": "annotation: ours; texts: read from the data home, not redistributed"})
    return out
