"""Sentiment lexicons: the shipped trendlib lexicon and any user mapping ``word -> score``.

The shipped lexicon (``data/lexicon.tsv``) is derived from IndoNLU SmSA train
(Apache-2.0) by ``scripts/build_lexicon.py`` and curated by hand; every entry records its
provenance. ``data/emoji_valence.tsv`` (our own work) gives emoji and emoticons a valence;
it backs every lexicon, so a user lexicon without emoji still scores them.

A :class:`Lexicon` keeps scores on their native scale (InSet: -5..+5; ours: -1..+1) and
knows that scale; the scorer uses ``score / scale``. Keys with spaces are multi-word
expressions, matched longest first.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from .._cache import Memo
from ._analyse import analyse
from ._data import data_path as _data_path
from ._data import emoji_table as _emoji_table
from ._data import read_tsv as _read_tsv

__all__ = ["Lexicon", "load_lexicon", "as_lexicon"]


def _no_default(key: Any) -> float:  # pragma: no cover - the memo is used with get/put only
    raise KeyError(key)


def _normalise_key(key: str) -> str:
    return " ".join(t.norm for t in analyse(key) if t.kind != "punct")


class Lexicon(Mapping):
    """An immutable sentiment lexicon: ``word or phrase -> score``.

    Parameters
    ----------
    scores : mapping of str to float
        Scores on any symmetric scale (e.g. InSet's -5..+5). Keys with spaces are
        multi-word expressions.
    scale : float, optional
        The largest possible magnitude; default the largest absolute score.
    provenance : mapping of str to str, optional
        Where each entry comes from (``"smsa-train"``, ``"curated"``, ...).
    name : str, default "custom"
        Shown in ``repr`` and in explanations.
    normalize_keys : bool, default True
        Pass every key through the scorer's token normalisation (slang, elongation), so
        that ``"gk bagus"`` in a lexicon matches what the scorer sees. Keys that collide
        after normalisation take the mean of their scores.

    Examples
    --------
    >>> lex = Lexicon({"mantap": 4, "kecewa": -4, "gagal total": -5}, scale=5, name="mini")
    >>> lex
    Lexicon('mini', 3 entries, scale 5, 1 multi-word)
    >>> lex["mantap"], lex.valence("mantap")
    (4.0, 0.8)
    """

    def __init__(
        self,
        scores: Mapping[str, float],
        *,
        scale: float | None = None,
        provenance: Mapping[str, str] | None = None,
        name: str = "custom",
        normalize_keys: bool = True,
    ) -> None:
        if not hasattr(scores, "items"):
            raise TypeError(f"Lexicon() expects a mapping of word -> score. Got {type(scores).__name__}.")
        sums: dict[str, list[float]] = {}
        prov: dict[str, str] = {}
        provenance = provenance or {}
        for key, value in scores.items():
            if not isinstance(key, str):
                raise TypeError(f"Lexicon() keys must be str. Got {key!r} ({type(key).__name__}).")
            try:
                x = float(value)
            except (TypeError, ValueError):
                x = math.nan
            if not math.isfinite(x):
                raise ValueError(f"Lexicon() scores must be finite numbers. Got {value!r} for {key!r}.")
            k = _normalise_key(key) if normalize_keys else " ".join(key.split())
            if not k:
                continue
            sums.setdefault(k, []).append(x)
            if key in provenance:
                prov.setdefault(k, provenance[key])
        self._scores = {k: math.fsum(v) / len(v) for k, v in sums.items()}
        self._provenance = prov
        top = max((abs(v) for v in self._scores.values()), default=1.0) or 1.0
        if scale is None:
            scale = top
        try:
            scale = float(scale)
        except (TypeError, ValueError):
            scale = math.nan
        if not (math.isfinite(scale) and scale > 0):
            raise ValueError(f"The 'scale' parameter of Lexicon() must be a number > 0. Got {scale!r}.")
        self.scale = scale
        self.name = name
        self._words: dict[str, float] = {}
        self._phrases: dict[str, list[tuple[tuple[str, ...], float]]] = {}
        for k, v in self._scores.items():
            val = max(-1.0, min(1.0, v / scale))
            parts = k.split(" ")
            if len(parts) == 1:
                self._words[k] = val
            else:
                self._phrases.setdefault(parts[0], []).append((tuple(parts[1:]), val))
        for lst in self._phrases.values():
            lst.sort(key=lambda t: -len(t[0]))
        self.emoji_valence = _emoji_table()
        self._table: dict | None = None
        self._lock = threading.Lock()
        #: polarity of whole texts on the batch path (trendlib's one memo policy)
        self.scores = Memo(_no_default, maxsize=1 << 18)
        #: per whitespace chunk, what the batch scorer needs (see ``_batch.chunk_record``)
        self.chunk_records = Memo(_no_default, maxsize=1 << 18)
        #: the same two when hashtags are read as words (``hashtags="segment"``)
        self.segmented_scores = Memo(_no_default, maxsize=1 << 18)
        self.segmented_chunk_records = Memo(_no_default, maxsize=1 << 18)

    @property
    def table(self) -> dict:
        """The scorer's lookup table for this lexicon (``norm -> Entry``), built once.

        It merges the lexicon's words and phrase heads with the rule words of
        ``data/rule_words.tsv`` (see :func:`trendlib.sentiment._rules.build_table`).
        """
        table = self._table
        if table is None:
            from ._rules import build_table

            with self._lock:
                if self._table is None:
                    self._table = build_table(self._words, self._phrases)
                table = self._table
        return table

    # Mapping protocol
    def __getitem__(self, key: str) -> float:
        return self._scores[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._scores)

    def __len__(self) -> int:
        return len(self._scores)

    def __repr__(self) -> str:
        n_multi = sum(len(v) for v in self._phrases.values())
        return f"Lexicon({self.name!r}, {len(self)} entries, scale {self.scale:g}, {n_multi} multi-word)"

    def valence(self, key: str) -> float:
        """Score of ``key`` divided by the scale, in [-1, 1] (0.0 when absent)."""
        v = self._scores.get(key)
        return 0.0 if v is None else max(-1.0, min(1.0, v / self.scale))

    def provenance(self, key: str) -> str | None:
        """Where the entry ``key`` comes from, or None when not recorded."""
        return self._provenance.get(key)

    def to_frame(self):
        """The entries as a DataFrame: ``word``, ``score``, ``valence``, ``provenance``.

        Examples
        --------
        >>> Lexicon({"enak": 0.8, "basi": -0.9}).to_frame()
           word  score  valence provenance
        0  enak    0.8  0.888889       None
        1  basi   -0.9 -1.000000       None
        """
        import pandas as pd

        keys = list(self._scores)
        return pd.DataFrame(
            {
                "word": keys,
                "score": [self._scores[k] for k in keys],
                "valence": [self.valence(k) for k in keys],
                "provenance": [self._provenance.get(k) for k in keys],
            }
        )


@lru_cache(maxsize=None)
def _shipped() -> Lexicon:
    text = _data_path("lexicon.tsv").read_text(encoding="utf-8")
    scores, prov = _read_tsv(text, "trendlib/sentiment/data/lexicon.tsv")
    # keys pass through the current normaliser, so a later change of the slang map cannot
    # orphan an entry (the build script writes normalised keys; this is a no-op then)
    return Lexicon(scores, scale=1.0, provenance=prov, name="trendlib", normalize_keys=True)


def load_lexicon(path: str | os.PathLike | None = None, *, scale: float | None = None) -> Lexicon:
    """Load the shipped trendlib lexicon, or a lexicon TSV of your own.

    Parameters
    ----------
    path : path, optional
        A TSV file ``word<TAB>score[<TAB>provenance]`` (optional header line starting with
        ``word``; ``#`` lines are comments). Default: the shipped lexicon, derived from
        IndoNLU SmSA train (Apache-2.0) and curated; scores in [-1, 1].
    scale : float, optional
        Largest magnitude of the scores (default: the largest absolute score; 1 for the
        shipped lexicon).

    Returns
    -------
    Lexicon

    Examples
    --------
    >>> lex = load_lexicon()
    >>> lex.valence("kecewa") < 0 < lex.valence("mantap")
    True
    >>> lex.provenance("mantap jiwa")
    'curated'
    """
    if path is None:
        return _shipped()
    from pathlib import Path

    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"The 'path' parameter of load_lexicon() must be a TSV file. Got {str(p)!r}.")
    scores, prov = _read_tsv(p.read_text(encoding="utf-8"), str(p))
    return Lexicon(scores, scale=scale, provenance=prov, name=p.stem)


#: wrapped user mappings, by object and by content (trendlib's one memo policy, small bound)
_COERCED: Memo[int, tuple[Any, int, Lexicon]] = Memo(_no_default, maxsize=8)
_BY_CONTENT: Memo[int, Lexicon] = Memo(_no_default, maxsize=8)


def as_lexicon(lexicon: Any, *, func: str = "polarity") -> Lexicon:
    """Return a :class:`Lexicon` for ``lexicon`` (None = shipped; Mapping = wrapped).

    Wrapping a plain mapping (e.g. ``trendlib.datasets.load_inset()``) normalises its
    10,000 keys once; the result is cached per mapping object and per content, so calling
    ``polarity(text, lexicon=load_inset())`` in a loop is cheap.

    Examples
    --------
    >>> as_lexicon({"bagus": 3, "jelek": -3}).valence("jelek")
    -1.0
    """
    if lexicon is None:
        return _shipped()
    if isinstance(lexicon, Lexicon):
        return lexicon
    if isinstance(lexicon, (str, os.PathLike)):
        return load_lexicon(lexicon)
    if not hasattr(lexicon, "items"):
        raise TypeError(
            f"The 'lexicon' parameter of {func}() must be None, a Lexicon, a path or a mapping "
            f"word -> score. Got {type(lexicon).__name__}."
        )
    hit = _COERCED.get(id(lexicon))
    if hit is not None and hit[0] is lexicon and hit[1] == len(lexicon):
        return hit[2]
    # a fresh but equal mapping (``lexicon=load_inset()`` inside a loop) hits the cache too
    try:
        fingerprint = hash(frozenset(lexicon.items()))
    except TypeError:
        fingerprint = None
    lex = _BY_CONTENT.get(fingerprint) if fingerprint is not None else None
    if lex is None:
        lex = Lexicon(lexicon, name=getattr(lexicon, "name", None) or "custom")
        if fingerprint is not None:
            _BY_CONTENT.put(fingerprint, lex)
    _COERCED.put(id(lexicon), (lexicon, len(lexicon), lex))
    return lex
