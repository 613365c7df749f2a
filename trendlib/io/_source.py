"""One file on disk -> raw rows (a table of strings, or JSON records) and a Report.

Why a module of its own: deciding *how* to read a file (binary table, JSON, delimited
text on the fast Arrow path or the exact ``csv`` path, which encoding) is separate from
*what the columns mean* (the format readers) and from canonicalisation (``_finalize``).
"""

from __future__ import annotations

import os

from ..exceptions import FormatError
from . import _fast
from ._encoding import decode, read_bytes
from ._json import parse_json
from ._report import Report
from ._sniff import check_header_width, read_binary_table, sniff, utf16_without_bom
from ._tabular import LINE, parse_delimited, sniff_delimiter

__all__ = ["JSON_SUFFIXES", "open_file", "RawFile", "EmptyFileError"]

JSON_SUFFIXES = {".json", ".jsonl", ".ndjson", ".jsonlines"}
_HEAD = 1 << 16


class EmptyFileError(FormatError):
    """The file holds no bytes (or only whitespace)."""


class RawFile:
    """What :func:`open_file` found: ``kind`` is ``"table"`` (``raw`` DataFrame),
    ``"records"`` (``records`` list) or ``"stream"`` (a delimited file to be read in
    chunks from ``path`` with ``sep``/``names``)."""

    def __init__(self, kind, report, *, raw=None, records=None, path=None, sep=None, names=None, gz=False):
        self.kind, self.report = kind, report
        self.raw, self.records = raw, records
        self.path, self.sep, self.names, self.gz = path, sep, names, gz


def _head(name: str) -> tuple[bytes, bool]:
    if not os.path.exists(name):
        raise FileNotFoundError(f"read_posts(): no such file: {name!r}")
    if os.path.isdir(name):
        raise FormatError(f"read_posts(): {name!r} is a folder; expected a file (csv, tsv, json, jsonl, .gz)")
    with open(name, "rb") as fh:
        head = fh.read(_HEAD)
    if head[:2] == b"\x1f\x8b":
        import gzip
        import zlib

        try:
            with gzip.open(name, "rb") as fh:
                return fh.read(_HEAD), True
        except (OSError, EOFError, zlib.error) as exc:
            raise FormatError(f"read_posts(): {name!r} is a damaged gzip file ({exc})") from None
    return head, False


def _fast_candidate(head: bytes, encoding, sep):
    """(first line, sep, names, bom) when the Arrow path may be tried, else None."""
    if encoding not in (None, "utf-8", "utf8", "utf-8-sig") or b"\x00" in head:
        return None
    bom = head.startswith(b"\xef\xbb\xbf")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    end = head.find(b"\n")
    if end < 0:
        return None
    try:
        first = head[:end].decode("utf-8").lstrip("\ufeff").rstrip("\r")
    except UnicodeDecodeError:
        return None
    if first.count('"') % 2:
        return None  # a header that spans lines
    used = sep or sniff_delimiter(first)
    names = _fast.header_of(first, used)
    return (first, used, names, bom) if names else None


def open_file(name: str, fmt: str, *, encoding=None, sep=None, stream: bool = False,
              record_formats=()) -> RawFile:
    """Read ``name`` into a :class:`RawFile` (see the module docstring)."""
    report = Report(repr(os.path.basename(name) or name), source=name)
    head, gz = _head(name)
    if not head.strip():
        raise EmptyFileError(f"read_posts(): {name!r} is empty ({len(head)} bytes); expected posts")
    report.info["compression"] = "gzip" if gz else None
    binary = None if gz else sniff(name, head, name=report.name)
    if binary is not None:
        raw = read_binary_table(name, binary, name=report.name)
        raw = raw.reset_index(drop=True)
        raw[LINE] = range(2, len(raw) + 2)
        report.info["container"] = binary
        return RawFile("table", report, raw=raw)
    base = name[:-3] if name.lower().endswith(".gz") else name
    suffix = os.path.splitext(base)[1].lower()
    first_char = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    is_json = fmt in record_formats or (fmt in ("auto", "generic") and (suffix in JSON_SUFFIXES or first_char in (b"{", b"[")))
    if not is_json and utf16_without_bom(head) is None:
        cand = _fast_candidate(head, encoding, sep)
        if cand is not None:
            first, used, names, bom = cand
            check_header_width(first, used, name=report.name)
            report.info.update(encoding="utf-8-sig" if bom else "utf-8", delimiter=used)
            if stream and _fast.available() and _fast.valid_utf8(name, gz):
                report.info["parser"] = "arrow (chunks)"
                return RawFile("stream", report, path=name, sep=used, names=names, gz=gz)
            if _fast.available():
                frame, why = _fast.read_fast(name, sep=used, names=names, gz=gz)
                if frame is not None:
                    report.info["parser"] = "arrow"
                    return RawFile("table", report, raw=frame)
                report.info["parser"] = f"exact ({why})"
    data, gz = read_bytes(name)
    has_bom = data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:3] == b"\xef\xbb\xbf"
    enc16 = None if encoding or has_bom else utf16_without_bom(data[:4096])
    if enc16:
        content = data.decode(enc16, errors="replace")
        enc, note = enc16, f"{report.name} is UTF-16 without a byte-order mark; decoded as {enc16}"
    else:
        content, enc, note = decode(data, encoding=encoding, name=report.name)
    del data
    report.info["encoding"] = enc
    if note:
        report.note(f"read_posts(): {note}.")
    if "\x00" in content:
        n_nul = content.count("\x00")
        content = content.replace("\x00", "")
        report.info["nul_removed"] = n_nul
        report.note(f"read_posts(): {report.name} holds {n_nul} NUL character(s) (a damaged or binary "
                    f"export); they were removed and the rest read.")
    if is_json:
        records, kind, bad, n_sur = parse_json(content, name=report.name)
        report.drop_lines(bad)
        report.info["container"] = kind
        if n_sur:
            report.info["lone_surrogates"] = n_sur
            report.note(f"read_posts(): {report.name} holds {n_sur} lone UTF-16 surrogate escape(s) "
                        f"(e.g. a cut emoji '\\ud83d'); each was replaced by U+FFFD so the text can be written.")
        return RawFile("records", report, records=records)
    first = content.lstrip("\ufeff").split("\n", 1)[0]
    check_header_width(first, sep or sniff_delimiter(first, suffix=suffix), name=report.name)
    raw, used_sep, bad = parse_delimited(content, sep=sep, name=report.name, suffix=suffix)
    report.drop_lines(bad)
    stray = raw.attrs.pop("stray_quotes", None)
    if stray:
        report.info["stray_quotes"] = len(stray)
        shown = ", ".join(f"lines {a}-{b}" for a, b in stray[:3])
        report.note(
            f"read_posts(): {report.name} has {len(stray)} quote(s) opened and never closed ({shown}); "
            f"the csv reader would have read the following rows as one text. Those lines were read "
            f"one by one instead (each has the header's number of fields): check them."
        )
    report.info["delimiter"] = used_sep
    report.info.setdefault("parser", "exact")
    return RawFile("table", report, raw=raw)
