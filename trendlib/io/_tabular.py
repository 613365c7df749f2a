"""Delimited text (CSV, TSV, semicolon) -> a DataFrame of strings, counting bad rows.

Python's C-implemented :mod:`csv` reader parses the file (quoted fields, embedded
newlines, CRLF); rows whose field count differs from the header's are set aside with
their line number, never silently padded or dropped.
"""

from __future__ import annotations

import csv
import io
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
    tail = "\n".join(text.split("\n")[start - 1:end])
    try:
        list(csv.reader(io.StringIO(tail, newline=""), delimiter=sep, strict=True))
    except csv.Error as exc:
        return "end of data" in str(exc) or "EOF" in str(exc)
    return False


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
    start = prev = 1
    try:
        for row in reader:
            start, prev = prev + 1, reader.line_num
            m = len(row)
            if m == n:
                rows.append(row)
            elif m == 0 or (m == 1 and not row[0].strip()):
                continue  # blank line
            elif m > n and not any(f.strip() for f in row[n:]):
                rows.append(row[:n])  # trailing empty fields
            elif m < n:
                bad.append((reader.line_num, f"truncated row ({m} of {n} fields)"))
                continue
            else:
                bad.append((reader.line_num, f"too many fields ({m}, header has {n})"))
                continue
            lines.append(reader.line_num)
    except csv.Error as exc:
        raise FormatError(f"read_posts(): {name} is not valid delimited text near line {reader.line_num}: {exc}") from None
    if text.count('"') % 2 == 1 and _unterminated(text, start, prev, sep):
        # an opening quote never closed: the csv reader put the rest of the file in one
        # field of the last record, which is therefore not a real row
        if lines and lines[-1] == prev:
            rows.pop()
            lines.pop()
        elif bad and bad[-1][0] == prev:
            bad.pop()
        bad.append((start, f"unterminated quoted field (lines {start}-{prev} read as one row)"))
    if rows:
        cols = list(zip(*rows))
        data = {h: pd.Series(cols[i], dtype=object) for i, h in enumerate(header)}
    else:
        data = {h: pd.Series([], dtype=object) for h in header}
    frame = pd.DataFrame(data)
    frame[LINE] = lines
    return frame, sep, bad
