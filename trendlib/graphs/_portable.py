"""Attribute values made portable for XML exports (GEXF, GraphML): internal.

Shared by :mod:`._export` and the streaming GEXF writer :mod:`._gexf`; see
:mod:`._export` for why values are escaped and how the escape is undone.
"""

from __future__ import annotations

import datetime
import math
import re
from typing import Any

import numpy as np
import pandas as pd

# characters XML 1.0 does not allow, the carriage return (a parser turns it into \n in text
# content) and the backslash (escaped so that the escape is one-to-one)
_XML_BAD = re.compile("[\\\\\x00-\x08\x0b\x0c\r\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_ESC = re.compile(r"\\(\\|u[0-9a-f]{4})")


def _xml_safe(s: str) -> str:
    r"""``s`` with XML-forbidden characters as ``\uXXXX`` and backslashes doubled.

    Examples
    --------
    >>> print(_xml_safe("akun\x00bot"), _xml_safe("a\\b"))
    akun\u0000bot a\\b
    >>> s = "x\ud83d\ufffe\\u0000"
    >>> _xml_unescape(_xml_safe(s)) == s
    True
    """
    if not _XML_BAD.search(s):
        return s
    return _XML_BAD.sub(lambda m: "\\\\" if m.group() == "\\" else f"\\u{ord(m.group()):04x}", s)


def _xml_unescape(s: Any) -> Any:
    """Undo :func:`_xml_safe` (non-strings are returned as they are)."""
    if not isinstance(s, str) or "\\" not in s:
        return s
    return _XML_ESC.sub(lambda m: "\\" if m.group(1) == "\\" else chr(int(m.group(1)[1:], 16)), s)


def _iso(ts: Any) -> str:
    ts = pd.Timestamp(ts)
    ts = ts.tz_convert("UTC") if ts.tzinfo is not None else ts
    return ts.strftime("%Y-%m-%dT%H:%M:%S") + ("Z" if ts.tzinfo is not None else "")


def _portable(value: Any) -> Any:
    """A value GEXF/GraphML writers accept, or ``None`` to drop it."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, datetime.datetime, np.datetime64)):
        return None if pd.isna(value) else _iso(value)
    if isinstance(value, pd.Timedelta):
        return str(value)
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        return _xml_safe("; ".join(map(str, value)))
    if isinstance(value, str):
        return _xml_safe(value)
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return None
    return _xml_safe(str(value))
