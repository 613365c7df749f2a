"""Delimited text (CSV, TSV, semicolon) -> a DataFrame of strings, counting bad rows.

Python's C-implemented :mod:`csv` reader parses the file (quoted fields, embedded
newlines, CRLF); rows whose field count differs from the header's are set aside with
their line number, never silently padded or dropped.
"""

from __future__ import annotations

import csv
import io
import re
import sys

from ..exceptions import FormatError

__all__ = ["sniff_delimiter", "parse_delimited", "LINE"]

#: name of the column holding each row's line number in the source (removed at the end)
LINE = "__line__"
_CANDIDATES = (",", ";", "\t", "|")

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def sniff_delimiter(header: str, *, suffix: str = "") -> str:
    """Pick the delimiter of a header line: the candidate seen most often outside quotes.

    Examples
    --------
    >>> sniff_delimiter("created_at;id_str;full_text;username")
    ';'
    >>> sniff_delimiter("text")
    ','
    >>> sniff_delimiter("sentimen\\tTweet")
    '\\t'
    """
    outside, quoted = [], False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(ch)
    bare = "".join(outside)
    counts = {d: bare.count(d) for d in _CANDIDATES}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        return "\t" if suffix == ".tsv" else ","
    return best


def _first_line(text: str) -> str:
    end = text.find("\n")
    return (text if end < 0 else text[:end]).rstrip("\r")


def _unterminated(text: str, start: int, end: int, sep: str) -> bool:
    """Does the record on physical lines ``start..end`` open a quote it never closes?"""
    tail = "\n".join(_LINE_END.split(text)[start - 1:end])
    try:
        list(csv.reader(io.StringIO(tail, newline=""), delimiter=sep, strict=True))
    except csv.Error as exc:
        return "end of data" in str(exc) or "EOF" in str(exc)
    return False


_DIGIT = re.compile(r"\d")
_LINE_END = re.compile(r"\r\n|\r|\n")
_LETTER = re.compile(r"[^\W\d_]")


def _shape(value: str) -> str:
    """``"2020-04-26 23:59:11"`` -> ``"9999-99-99 99:99:99"``: what a column's values share."""
    return _LETTER.sub("a", _DIGIT.sub("9", value.strip()))[:40]


def _swallowed(physical, start, end, n, sep, shapes):
    """A record spanning lines ``start..end`` that holds whole rows (a stray quote
    swallowed them): ``[(line, fields or None), ...]`` line by line, else None.

    A continuation line that, read alone, has exactly the header's ``n`` (>= 3) fields
    is a row of its own when its first field has the shape of the first fields of the
    rows read so far (``shapes``): a line of a legitimate multi-line text almost never
    has both.
    """
    if not shapes:
        return None
    span = physical[start - 1:end]
    parsed = []
    for i, line in enumerate(span):
        try:
            fields = next(csv.reader([line.rstrip("\r")], delimiter=sep, strict=False), [])
        except csv.Error:
            fields = []
        ok = len(fields) == n and _shape(fields[0]) in shapes
        parsed.append((start + i, fields if ok else None))
    if not any(f is not None for _, f in parsed[1:]):
        return None
    return [(ln, f) for ln, f in parsed if f is not None or span[ln - start].strip()]


def parse_delimited(text: str, *, sep: str | None = None, name: str = "<data>", suffix: str = ""):
    """Parse delimited ``text`` with a header row.

    Returns
    -------
    frame : pandas.DataFrame
        One ``object`` column of strings per header field, plus :data:`LINE`.
    sep : str
        The delimiter used.
    bad : list of (int, str)
        ``(line number, reason)`` of each row set aside.

    Examples
    --------
    >>> df, sep, bad = parse_delimited('id;text\\n1;halo\\n2\\n3;"ok; sip"\\n')
    >>> df["text"].tolist(), sep, bad
    (['halo', 'ok; sip'], ';', [(3, 'truncated row (1 of 2 fields)')])
    """
    import pandas as pd

    header_line = _first_line(text).lstrip("\ufeff")
    if not header_line.strip():
        raise FormatError(f"read_posts(): {name} has no header line (the first line is empty)")
    if sep is None:
        sep = sniff_delimiter(header_line, suffix=suffix)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=sep, strict=False)
    try:
        header = next(reader)
    except StopIteration:  # pragma: no cover - guarded above
        raise FormatError(f"read_posts(): {name} is empty") from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    # a trailing delimiter on every line makes an empty last column: drop it
    trailing = len(header) > 1 and header[-1] == ""
    if trailing:
        header = header[:-1]
    seen: dict[str, int] = {}
    for i, h in enumerate(header):
        h = h or f"unnamed_{i}"
        if h in seen:
            seen[h] += 1
            h = f"{h}.{seen[h]}"
        else:
            seen[h] = 0
        header[i] = h
    n = len(header)
    rows, lines, bad = [], [], []
    physical: list = []
    start = prev = 1
    last_rescued = False
    stray: list = []
    shapes: set = set()
    try:
        for row in reader:
            start, prev = prev + 1, reader.line_num
            m = len(row)
            last_rescued = False
            if prev > start and n >= 3 and (m != n or any("\n" in f for f in row)):
                if not physical:
                    # the csv reader counts \r\n, \r and \n as line ends: so do we
                    physical.extend(_LINE_END.split(text.lstrip("\ufeff")))
                rescued = _swallowed(physical, start, prev, n, sep, shapes)
                if rescued is not None:
                    stray.append((start, prev))
                    for line_no, fields in rescued:
                        if fields is None:
                            bad.append((line_no, "stray quote (a quote opened and not closed on this line; "
                                                 "the rows after it were recovered)"))
                        else:
                            rows.append(fields)
                            lines.append(line_no)
                    last_rescued = True
                    continue
            if m == n:
                if not any(row):
                    continue  # a line of delimiters only: blank
                rows.append(row)
                if len(shapes) < 64:
                    shapes.add(_shape(row[0]))
            elif m == 0 or (m == 1 and not row[0].strip()):
                continue  # blank line
            elif m > n and not any(f.strip() for f in row[n:]):
                rows.append(row[:n])  # trailing empty fields
            elif m < n:
                bad.append((start, f"truncated row ({m} of {n} fields)"))
                continue
            else:
                bad.append((start, f"too many fields ({m}, header has {n})"))
                continue
            lines.append(start)  # where the record begins (it may span lines)
    except csv.Error as exc:
        raise FormatError(f"read_posts(): {name} is not valid delimited text near line {reader.line_num}: {exc}") from None
    if not last_rescued and text.count('"') % 2 == 1 and _unterminated(text, start, prev, sep):
        # an opening quote never closed: the csv reader put the rest of the file in one
        # field of the last record, which is therefore not a real row
        if lines and lines[-1] == start:
            rows.pop()
            lines.pop()
        elif bad and bad[-1][0] == start:
            bad.pop()
        bad.append((start, f"unterminated quoted field (lines {start}-{prev} read as one row)"))
    if rows:
        cols = list(zip(*rows))
        data = {h: pd.Series(cols[i], dtype=object) for i, h in enumerate(header)}
    else:
        data = {h: pd.Series([], dtype=object) for h in header}
    frame = pd.DataFrame(data)
    frame[LINE] = lines
    if stray:
        frame.attrs["stray_quotes"] = stray
    return frame, sep, bad
