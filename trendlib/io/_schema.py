"""The canonical posts schema: the one table every trendlib function reads.

=================  =======================  ============================================
column             dtype                    notes
=================  =======================  ============================================
``id``             str                      never a float; Excel-mangled ids reported
``time``           datetime64[ns, UTC]      convert to WIB/WITA/WIT only to bin/display
``author``         str                      account key: handle lowercased, no ``@``
                                            (user id when no handle could be found)
``text``           str                      full text (long-post text where available)
``hashtags``       object (list of str)     lowercase, without ``#``
``mentions``       object (list of str)     lowercase, without ``@``
``urls``           object (list of str)     expanded where the source has it
``reply_to``       str or missing           account key of the replied-to user
``is_retweet``     bool
``lang``           str or missing           the platform's language tag
``like_count``     Int64                    missing stays missing (``<NA>``)
``retweet_count``  Int64
``reply_count``    Int64
``quote_count``    Int64
``platform``       str                      ``"twitter"``, ``"tiktok"``, ...
``source_format``  str                      ``"tweet-harvest"``, ``"twarc2"``, ...
=================  =======================  ============================================

Readers add ``author_name`` (the handle as written, for display) and further columns
(``conversation_id``, ``retweet_of`` (the id of the post a retweet repeats, where the format
gives it: twarc2, twarc-csv, snscrape), ``author_id``, ``location``...) after these. ``posts.attrs`` carries what the reader noticed (``rows_read``,
``rows_dropped`` by reason, ``duplicates``, ``encoding``, ``format``).
"""

from __future__ import annotations

import re as _re

__all__ = [
    "CANONICAL_COLUMNS",
    "LIST_COLUMNS",
    "COUNT_COLUMNS",
    "MISSING_STRINGS",
    "blank_to_na",
    "to_str",
    "to_id",
    "to_count",
    "parse_count",
    "to_bool",
    "empty_posts",
]

#: column name -> dtype description, in canonical order
CANONICAL_COLUMNS: dict[str, str] = {
    "id": "str",
    "time": "datetime64[ns, UTC]",
    "author": "str",
    "text": "str",
    "hashtags": "list",
    "mentions": "list",
    "urls": "list",
    "reply_to": "str",
    "is_retweet": "bool",
    "lang": "str",
    "like_count": "Int64",
    "retweet_count": "Int64",
    "reply_count": "Int64",
    "quote_count": "Int64",
    "platform": "str",
    "source_format": "str",
}

LIST_COLUMNS = ("hashtags", "mentions", "urls")
COUNT_COLUMNS = ("like_count", "retweet_count", "reply_count", "quote_count")


# --------------------------------------------------------------------------------------
# Coercion helpers: raw column values (str, numbers, None) -> canonical dtypes, vectorised.
# --------------------------------------------------------------------------------------


#: strings that mean "no value" in the files trendlib reads (R writes NA, Python None/nan)
MISSING_STRINGS = frozenset({"", "na", "nan", "none", "null", "nat", "<na>", "n/a"})

_EXCEL_ID = _re.compile(r"^\s*\d(?:[.,]\d+)?[eE]\+?\d+\s*$")
_FLOAT_ID = _re.compile(r"^(\d+)\.0+$")
_TRUE = frozenset({"true", "t", "1", "yes", "y"})


def _pd():
    import pandas as pd

    return pd


_STR_DTYPE = []


def str_dtype():
    """The dtype for text columns: pandas 3's ``"str"``, ``object`` on pandas 2."""
    if not _STR_DTYPE:
        major = int(_pd().__version__.split(".")[0])
        _STR_DTYPE.append("str" if major >= 3 else object)
    return _STR_DTYPE[0]


def _as_strings(s):
    """Any Series -> strings (str dtype), missing stays missing; numbers become text."""
    if str(s.dtype) == "str" or (s.dtype == object and s.map(type).eq(str).all()):
        return s.astype(str_dtype()) if str(s.dtype) != "str" else s
    na = s.isna()
    return s.astype(str).mask(na).astype(str_dtype())


def blank_to_na(values):
    """Return ``values`` (a Series) as ``str`` dtype with missing markers made missing.

    Vectorised (pandas string methods): strip, then ``""``, ``NA``, ``null``... -> missing.

    Examples
    --------
    >>> import pandas as pd
    >>> blank_to_na(pd.Series(["in", "", "NA", None, " id "])).tolist()
    ['in', nan, nan, nan, 'id']
    """
    pd = _pd()
    s = pd.Series(values, copy=False)
    if len(s) == 0:
        return pd.Series([], index=s.index, dtype=str_dtype())
    st = _as_strings(s).str.strip()
    short = st.str.len() <= 4
    missing = short & st.str.lower().isin(MISSING_STRINGS)
    return st.mask(missing.fillna(False).astype(bool))


def to_str(values):
    """Return ``values`` as ``str`` dtype; missing becomes ``""`` (for ``text``).

    Examples
    --------
    >>> import pandas as pd
    >>> to_str(pd.Series(["Halo", None])).tolist()
    ['Halo', '']
    """
    pd = _pd()
    s = pd.Series(values, copy=False)
    return _as_strings(s).fillna("")


def to_id(values):
    """Return ids as ``str`` and a boolean mask of Excel-mangled ids (``1.7E+18``).

    Integral floats (``1586855500200939520.0``) lose their ``.0``; numbers stay exact
    because they are never converted through ``float`` here.

    Examples
    --------
    >>> import pandas as pd
    >>> ids, mangled = to_id(pd.Series(["1698979031419138048", "1.69898E+18", 12.0]))
    >>> ids.tolist(), mangled.tolist()
    (['1698979031419138048', '1.69898E+18', '12'], [False, True, False])
    """
    pd = _pd()
    s = pd.Series(values, copy=False)
    if s.dtype.kind == "f":
        # a float column: integral values are written without ".0"; big ones are lossy
        lossy = s.abs() > 2**53
        out = s.map(lambda v: "" if v != v else (str(int(v)) if float(v).is_integer() else repr(v)))
        out = blank_to_na(out)
        return out, lossy.fillna(False).astype(bool)
    if s.dtype.kind in "iu":
        # astype(object) on pandas 2 would keep the ints: go through str first
        return s.astype(str).astype(str_dtype()), pd.Series(False, index=s.index)
    st = blank_to_na(s)
    if len(st) and st.str.endswith(".0").any():
        st = st.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    maybe = st.str.contains("e", case=False, regex=False).fillna(False).astype(bool)
    mangled = pd.Series(False, index=s.index, dtype=bool)
    if maybe.any():
        mangled[maybe] = st[maybe].str.match(_EXCEL_ID.pattern).fillna(False).astype(bool)
    return st, mangled


_INT64_MAX = 2**63 - 1
_GROUPED = _re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")
_SUFFIX = _re.compile(r"^(\d+(?:[.,]\d+)?)\s*(k|rb|ribu|m|jt|juta|b|bn|mrd|miliar)\.?$")
_SCALE = {"k": 10**3, "rb": 10**3, "ribu": 10**3, "m": 10**6, "jt": 10**6, "juta": 10**6,
          "b": 10**9, "bn": 10**9, "mrd": 10**9, "miliar": 10**9}


def parse_count(text: str):
    """One engagement count as written by scrapers and UIs -> int, or None if unreadable.

    ``"1,234"``/``"1.234"`` (thousands groups) -> 1234; ``"1.2K"``, ``"1,2rb"`` (ribu),
    ``"3jt"`` (juta) -> scaled; ``"6.0"`` -> 6; negative, non-finite or beyond int64
    -> None.

    Examples
    --------
    >>> [parse_count(v) for v in ["1,234", "1.2K", "1,2 rb", "3jt", "6.0", "1e400", "-5", "99999999999999999999"]]
    [1234, 1200, 1200, 3000000, 6, None, None, None]
    """
    v = text.strip().lower().replace("\u00a0", " ")
    if v.isdigit():
        n = int(v)
        return n if n <= _INT64_MAX else None
    if _GROUPED.match(v):
        n = int(v.replace(",", "").replace(".", ""))
        return n if n <= _INT64_MAX else None
    m = _SUFFIX.match(v)
    if m:
        num = float(m.group(1).replace(",", "."))
        n = round(num * _SCALE[m.group(2)])
        return n if n <= _INT64_MAX else None
    try:
        x = float(v)
    except ValueError:
        return None
    if x != x or x in (float("inf"), float("-inf")) or x < 0 or x > _INT64_MAX:
        return None
    return int(round(x))


def to_count(values, *, report_bad=None):
    """Return engagement counts as ``Int64`` (missing stays ``<NA>``).

    Digits are read directly; other spellings through :func:`parse_count`. Values that
    cannot be a count (text, negative, non-finite, beyond int64) become ``<NA>``;
    ``report_bad(n, examples)`` is called with how many, so they can be warned about.

    Examples
    --------
    >>> import pandas as pd
    >>> to_count(pd.Series(["7", "", "6.0", "NA", 3, "1,234", "1.2K"])).tolist()
    [7, <NA>, 6, <NA>, 3, 1234, 1200]
    """
    pd = _pd()
    s = pd.Series(values, copy=False)
    if s.dtype.kind in "iu":
        return s.astype("Int64")
    if s.dtype.kind == "f":
        ok = s.notna() & s.abs().le(_INT64_MAX) & s.ge(0)
        bad = s.notna() & ~ok
        if bad.any() and report_bad is not None:
            report_bad(int(bad.sum()), [repr(v) for v in s[bad].head(3).tolist()])
        return s.where(ok).round().astype("Int64")
    st = blank_to_na(s)
    plain = st.str.fullmatch(r"[0-9]{1,18}").fillna(False).astype(bool)
    if bool((plain | st.isna()).all()):
        return st.astype("Int64")
    out = pd.Series(pd.NA, index=s.index, dtype="Int64")
    if plain.any():
        out[plain] = st[plain].astype("Int64")
    rest = st.notna() & ~plain
    if rest.any():
        vals = [parse_count(v) for v in st[rest].tolist()]
        out[rest] = pd.array(vals, dtype="Int64")
        bad = [v for v, n in zip(st[rest].tolist(), vals) if n is None]
        if bad and report_bad is not None:
            report_bad(len(bad), [repr(v) for v in bad[:3]])
    return out


def to_bool(values, *, default=False):
    """Return a ``bool`` column from ``True``/``FALSE``/``1``/``yes`` strings or booleans.

    Examples
    --------
    >>> import pandas as pd
    >>> to_bool(pd.Series(["TRUE", "False", "", None, True])).tolist()
    [True, False, False, False, True]
    """
    pd = _pd()
    s = pd.Series(values, copy=False)
    if s.dtype == bool:
        return s
    st = blank_to_na(s)
    out = st.str.lower().isin(_TRUE)
    if default:
        out = out | st.isna()
    return out.astype(bool)


def empty_posts():
    """Return an empty canonical posts DataFrame (all columns, canonical dtypes).

    Examples
    --------
    >>> list(empty_posts().columns)[:4]
    ['id', 'time', 'author', 'text']
    >>> str(empty_posts()["time"].dtype)
    'datetime64[ns, UTC]'
    """
    pd = _pd()
    data = {}
    for col, kind in CANONICAL_COLUMNS.items():
        if kind == "datetime64[ns, UTC]":
            data[col] = pd.Series([], dtype="datetime64[ns, UTC]")
        elif kind == "Int64":
            data[col] = pd.Series([], dtype="Int64")
        elif kind == "bool":
            data[col] = pd.Series([], dtype=bool)
        elif kind == "list":
            data[col] = pd.Series([], dtype=object)
        else:
            data[col] = pd.Series([], dtype=str_dtype())
    return pd.DataFrame(data)
