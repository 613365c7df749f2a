"""The canonical posts schema: the one table every trendlib function reads.

=================  =======================  ============================================
column             dtype                    notes
=================  =======================  ============================================
``id``             str                      never a float; Excel-mangled ids reported
``time``           datetime64[ns, UTC]      convert to WIB/WITA/WIT only to bin/display
``author``         str                      screen name, or user id when it was lost
``text``           str                      full text (long-post text where available)
``hashtags``       object (list of str)     lowercase, without ``#``
``mentions``       object (list of str)     lowercase, without ``@``
``urls``           object (list of str)     expanded where the source has it
``reply_to``       str or missing           screen name (or id) of the replied-to user
``is_retweet``     bool
``lang``           str or missing           the platform's language tag
``like_count``     Int64                    missing stays missing (``<NA>``)
``retweet_count``  Int64
``reply_count``    Int64
``quote_count``    Int64
``platform``       str                      ``"twitter"``, ``"tiktok"``, ...
``source_format``  str                      ``"tweet-harvest"``, ``"twarc2"``, ...
=================  =======================  ============================================

Readers may add further columns (``conversation_id``, ``author_id``, ``location``...)
after these. ``posts.attrs`` carries what the reader noticed (``rows_read``,
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


def _clean(v):
    if v.__class__ is str:
        v = v.strip()
    elif v is None or (isinstance(v, float) and v != v):
        return None
    else:
        v = str(v).strip()
    if len(v) > 4:
        return v
    return None if v.lower() in MISSING_STRINGS else v


def blank_to_na(values):
    """Return ``values`` (a Series) as ``str`` dtype with missing markers made missing.

    Examples
    --------
    >>> import pandas as pd
    >>> blank_to_na(pd.Series(["in", "", "NA", None, " id "])).tolist()
    ['in', nan, nan, nan, 'id']
    """
    pd = _pd()
    s = pd.Series(values, copy=False)
    return pd.Series([_clean(v) for v in s.tolist()], index=s.index, dtype=str_dtype())


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
    out = [v if isinstance(v, str) else ("" if v is None or (isinstance(v, float) and v != v) else str(v))
           for v in s.tolist()]
    return pd.Series(out, index=s.index, dtype=str_dtype())


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
        return s.astype("str"), pd.Series(False, index=s.index)
    vals = [_clean(v) for v in s.tolist()]
    vals = [v if v is None or not v.endswith(".0") else _FLOAT_ID.sub(r"\1", v) for v in vals]
    mangled = [v is not None and ("e" in v or "E" in v) and _EXCEL_ID.match(v) is not None for v in vals]
    return pd.Series(vals, index=s.index, dtype=str_dtype()), pd.Series(mangled, index=s.index, dtype=bool)


def to_count(values):
    """Return engagement counts as ``Int64`` (missing or non-numeric -> ``<NA>``).

    Examples
    --------
    >>> import pandas as pd
    >>> to_count(pd.Series(["7", "", "6.0", "NA", 3])).tolist()
    [7, <NA>, 6, <NA>, 3]
    """
    pd = _pd()
    s = pd.Series(values, copy=False)
    if s.dtype.kind not in "iuf":
        s = pd.to_numeric(pd.Series(s.tolist(), index=s.index, dtype=object), errors="coerce")
    s = s.astype("Float64")
    return s.round().astype("Int64")


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
    out = []
    for v in s.tolist():
        c = _clean(v)
        out.append(default if c is None else c.lower() in _TRUE)
    return pd.Series(out, index=s.index, dtype=bool)


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
