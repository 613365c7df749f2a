"""The slang map: informal form -> standard Indonesian.

Our own list lives in ``trendlib/text/data/slang.tsv`` (``form<TAB>standard``, one entry a
line, ``#`` comments). It was chosen from the most frequent non-standard tokens of real
Indonesian tweets (``scripts/build_slang_candidates.py``) and mapped by hand; see
``docs/text.md`` for its provenance and its coverage of the kamus alay lexicon.
"""

from __future__ import annotations

import csv
import io
import os
import warnings
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from ..exceptions import FormatError
from ._data import data_text as _data_text

__all__ = ["load_slang"]


@lru_cache(maxsize=1)
def _builtin_slang() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for lineno, line in enumerate(_data_text("slang.tsv").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        form, sep, standard = line.partition("\t")
        form, standard = form.strip().lower(), " ".join(standard.lower().split())
        if not sep or not form or not standard:  # pragma: no cover - guarded by tests
            raise FormatError(f"trendlib/text/data/slang.tsv line {lineno}: expected form<TAB>standard")
        if form != standard:
            mapping[form] = standard
    return mapping


def _decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        warnings.warn(
            f"load_slang(): {path} is not UTF-8; decoded it as latin-1.", UserWarning, stacklevel=3
        )
        return raw.decode("latin-1")


def _read_pairs(path: Path) -> tuple[list[tuple[str, str]], Counter]:
    try:
        text = _decode(path.read_bytes(), path)
    except OSError as exc:
        raise FormatError(f"load_slang() could not read {path}: {exc}") from exc
    first = next((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), "")
    delimiter = "\t" if ("\t" in first or path.suffix.lower() == ".tsv") else ","
    if delimiter == "," and ";" in first and "," not in first:
        delimiter = ";"
    rows = csv.reader(
        (ln for ln in io.StringIO(text) if not ln.startswith("#")), delimiter=delimiter
    )
    header = next(rows, None)
    if header is None:
        raise FormatError(f"load_slang(): {path} is empty; expected form/standard pairs.")
    names = [h.strip().lower() for h in header]
    form_col, std_col = 0, 1
    pairs: list[tuple[str, str]] = []
    problems: Counter = Counter()
    for a, b in (("slang", "formal"), ("form", "standard"), ("slang", "standard"), ("informal", "formal")):
        if a in names and b in names:
            form_col, std_col = names.index(a), names.index(b)
            break
    else:  # no header: the first row is data
        rows = _chain([header], rows)
    for row in rows:
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(form_col, std_col):
            problems["fewer than two columns"] += 1
            continue
        form = row[form_col].strip().lower()
        standard = " ".join(row[std_col].lower().split())
        if not form or not standard:
            problems["empty form or standard"] += 1
        elif len(form.split()) != 1:
            problems["form is not a single token"] += 1
        else:
            pairs.append((form, standard))
    return pairs, problems


def _chain(first, rest):
    yield from first
    yield from rest


def load_slang(path: str | os.PathLike | None = None, *, merge: bool = True) -> dict[str, str]:
    """Return a slang map, optionally merged with a user's file.

    Parameters
    ----------
    path : str or path-like, optional
        A TSV or CSV of ``form, standard`` pairs, with or without a header. The kamus alay
        lexicon (``colloquial-indonesian-lexicon.csv``, columns ``slang`` and ``formal``) is
        recognised by its header. When a form is listed several times with different
        standards, the most frequent one wins. ``None`` returns trendlib's own map.
    merge : bool, default True
        Start from trendlib's own map and let the file's entries override it. With
        ``merge=False`` only the file's entries are returned.

    Returns
    -------
    dict of str to str
        Lowercase form -> standard form (possibly several words). Pass it as ``slang=`` to
        :func:`trendlib.text.normalize` or :func:`trendlib.text.tokenize`; treat it as
        read-only afterwards.

    Raises
    ------
    FormatError
        The file cannot be read or is empty. Malformed rows are skipped with a warning that
        gives their count and reason.

    Examples
    --------
    >>> slang = load_slang()
    >>> slang["yg"], slang["gak"], slang["bgt"]
    ('yang', 'tidak', 'banget')
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kamus.tsv"
    >>> _ = path.write_text("form\\tstandard\\nbestie\\tsahabat\\n", encoding="utf-8")
    >>> merged = load_slang(path)
    >>> merged["bestie"], merged["yg"]
    ('sahabat', 'yang')
    >>> load_slang(path, merge=False)
    {'bestie': 'sahabat'}
    """
    base = dict(_builtin_slang()) if (merge or path is None) else {}
    if path is None:
        return base
    path = Path(path)
    pairs, problems = _read_pairs(path)
    if problems:
        detail = ", ".join(f"{n} {why}" for why, n in problems.items())
        warnings.warn(
            f"load_slang(): skipped {sum(problems.values())} malformed rows of {path} ({detail}).",
            UserWarning,
            stacklevel=2,
        )
    votes: dict[str, Counter] = defaultdict(Counter)
    for form, standard in pairs:
        votes[form][standard] += 1
    for form, counter in votes.items():
        standard = counter.most_common(1)[0][0]
        if standard != form:
            base[form] = standard
        else:  # the file says this form is already standard
            base.pop(form, None)
    return base
