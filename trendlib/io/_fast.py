"""The fast path for delimited files: Apache Arrow's multi-threaded CSV reader.

Why: Python's ``csv`` module (the exact path, :mod:`trendlib.io._tabular`) builds a
Python list per row and a ``str`` per field, which on a 200 MB scrape costs ~10x the
time and ~5x the memory of a C parser. Arrow parses in C++ into columnar strings that
pandas 3 keeps as they are (``str`` dtype backed by Arrow), and its invalid-row hook
sees every row whose field count differs from the header's, so nothing is padded or
dropped silently (pandas' own C parser pads short rows without a trace).

The fast path is only an optimisation: it gives up (returns ``None``) whenever the file
is not plainly well-formed (a short or long row, a header spanning lines, blank header
names, a quoted field holding what looks like swallowed rows, a decoding error), and the
exact path then reads the file with line numbers for every problem. ``pyarrow`` is
optional; without it every file takes the exact path.
"""

from __future__ import annotations

import csv
import io
import re

from ._tabular import LINE

__all__ = ["available", "header_of", "read_fast", "iter_fast"]


def available() -> bool:
    """Is pyarrow importable (the fast path usable)?"""
    try:
        import pyarrow.csv  # noqa: F401
    except ImportError:
        return False
    return True


def header_of(first_line: str, sep: str) -> list[str] | None:
    """Column names of a one-line header, or None when the fast path should not be used
    (empty or duplicate names, which the exact path renames)."""
    try:
        names = next(csv.reader(io.StringIO(first_line), delimiter=sep))
    except (csv.Error, StopIteration):
        return None
    names = [h.strip().lstrip("\ufeff") for h in names]
    if len(names) > 1 and names[-1] == "":
        names = names[:-1] + ["__trailing__"]
    if any(not h for h in names) or len(set(names)) != len(names):
        return None
    return names


def _options(names, sep, handler, block_size=None):
    import pyarrow as pa
    import pyarrow.csv as pc

    read = pc.ReadOptions(column_names=names, skip_rows=1, use_threads=True,
                          **({"block_size": block_size} if block_size else {}))
    parse = pc.ParseOptions(delimiter=sep, newlines_in_values=True, ignore_empty_lines=False,
                            invalid_row_handler=handler)
    convert = pc.ConvertOptions(column_types={n: pa.string() for n in names},
                                strings_can_be_null=False, quoted_strings_can_be_null=False)
    return read, parse, convert


def _stream(path, gz: bool):
    import pyarrow as pa

    raw = pa.OSFile(str(path), "rb")
    return pa.CompressedInputStream(raw, "gzip") if gz else raw


def _shape_regex(shape: str) -> str:
    out = []
    for ch in shape:
        out.append(r"\d" if ch == "9" else (r"\pL" if ch == "a" else re.escape(ch)))
    return "".join(out)


def _swallow_pattern(n: int, sep: str, shapes) -> str:
    """A line inside a field that holds a whole row (first field of the usual shape and
    the header's number of fields): a stray quote swallowed rows."""
    d = re.escape(sep)
    first = "|".join(sorted({_shape_regex(s) for s in shapes})) or "[^\n]*"
    return r"\n(?:" + first + r")" + (d + r"[^\n]*") * max(n - 1, 1)


#: More distinct first-field shapes than this in the first 2,000 rows means the first
#: column is free text (RE2 also refuses patterns much larger than this).
_MAX_SHAPES = 16


def _to_frame(table, names, first_line: int, sep: str, bad: list, *, exact_fallback=True):
    """Arrow table -> (DataFrame of str columns + LINE, lines used), or None to give up.

    When the swallowed-row check cannot be applied (a free-text first column, or a
    pattern RE2 refuses), give up if the exact parser can take over
    (``exact_fallback``), else keep the rows unchecked (the chunked path).
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(names) - (names[-1] == "__trailing__")
    nl = None
    empty = None
    for name in names:
        col = table.column(name)
        e = pc.equal(pc.binary_length(col), 0)
        empty = e if empty is None else pc.and_(empty, e)
        if not len(col) or not pc.any(pc.match_substring_regex(col, "[\r\n]")).as_py():
            continue
        # line ends as the csv module counts them: \n, and \r not followed by \n
        cnt = pc.add(pc.count_substring(col, "\n"),
                     pc.subtract(pc.count_substring(col, "\r"), pc.count_substring(col, "\r\n")))
        nl = cnt if nl is None else pc.add(nl, cnt)
    if nl is None:
        nl = pa.array(np.zeros(table.num_rows, dtype=np.int64))
    if table.num_rows and pc.max(nl).as_py():
        from ._tabular import _shape

        has = pc.greater(nl, 0)
        head = table.column(names[0]).slice(0, 2000).to_pylist()
        shapes = sorted({_shape(v) for v in head if v and "\n" not in v})
        # a free-text first column (many shapes): no pattern tells a swallowed row
        # from a line of text, so the exact parser decides
        untestable = len(shapes) > _MAX_SHAPES
        pat = None if untestable else _swallow_pattern(n, sep, shapes)
        for name in names if pat else ():
            col = pc.filter(table.column(name), has)
            try:
                found = len(col) and pc.any(pc.match_substring_regex(col, pat)).as_py()
            except pa.ArrowInvalid:  # RE2 refused the pattern (too large)
                untestable = True
                break
            if found:
                bad.append("swallowed rows")
                return None
        if untestable and exact_fallback:
            bad.append("line breaks in fields the fast check cannot test")
            return None
    spans = (np.asarray(nl, dtype=np.int64) + 1) if table.num_rows else np.zeros(0, np.int64)
    starts = first_line + np.concatenate(([0], np.cumsum(spans)[:-1])) if len(spans) else spans
    keep = ~np.asarray(empty, dtype=bool) if table.num_rows else np.zeros(0, bool)
    if "__trailing__" in names:
        trail = table.column("__trailing__")
        if table.num_rows and pc.any(pc.greater(pc.utf8_length(trail), 0)).as_py():
            bad.append("trailing column with values")
            return None
        table = table.drop_columns(["__trailing__"])
    if not keep.all():
        table = table.filter(pa.array(keep))
        starts = starts[keep]
    frame = table.to_pandas(types_mapper=None)
    frame[LINE] = starts
    next_line = int(first_line + spans.sum())
    return frame, next_line


def _odd_quotes(path, gz: bool) -> bool:
    """Is the number of ``"`` in the file odd? (one C-speed pass over the bytes)."""
    import gzip

    n = 0
    with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
        for block in iter(lambda: fh.read(1 << 24), b""):
            n += block.count(b'"')
    return n % 2 == 1


def release_memory() -> None:
    """Give the parse buffers Arrow's allocator keeps back to the system (peak RSS)."""
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except (ImportError, AttributeError):  # pragma: no cover - old pyarrow
        pass


def valid_utf8(path, gz: bool) -> bool:
    """Does the whole file decode as UTF-8? (incremental, constant memory)."""
    import codecs
    import gzip

    dec = codecs.getincrementaldecoder("utf-8")()
    try:
        with (gzip.open(path, "rb") if gz else open(path, "rb")) as fh:
            for block in iter(lambda: fh.read(1 << 24), b""):
                dec.decode(block)
            dec.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def read_fast(path, *, sep: str, names: list[str], gz: bool):
    """Read a whole delimited file; ``(frame, None)`` or ``(None, reason)`` to give up."""
    try:
        import pyarrow as pa
        import pyarrow.csv as pcsv
    except ImportError:
        return None, "pyarrow is not installed"
    if _odd_quotes(path, gz):
        return None, "an odd number of quote characters (a quote never closed?)"
    invalid: list = []

    def handler(row):
        invalid.append((row.expected_columns, row.actual_columns, row.text[:200]))
        return "skip"

    read, parse, convert = _options(names, sep, handler)
    try:
        with _stream(path, gz) as src:
            table = pcsv.read_csv(src, read_options=read, parse_options=parse, convert_options=convert)
    except (pa.ArrowInvalid, pa.ArrowException, UnicodeDecodeError, OSError) as exc:
        return None, f"arrow could not parse it ({str(exc)[:80]})"
    if invalid:
        return None, f"{len(invalid)} rows with a wrong number of fields"
    why: list = []
    out = _to_frame(table, names, 2, sep, why)
    del table
    release_memory()
    if out is None:
        return None, why[0]
    return out[0], None


def iter_fast(path, *, sep: str, names: list[str], gz: bool, chunksize: int, report_bad):
    """Yield DataFrames of ``chunksize`` rows (the last may be shorter).

    Rows with a wrong number of fields are counted through ``report_bad(list of (line,
    reason))`` (line numbers are not known in a stream: 0), never padded.
    """
    import pyarrow as pa
    import pyarrow.csv as pcsv

    invalid: list = []

    def handler(row):
        m, n = row.actual_columns, row.expected_columns
        n_eff = n - (names[-1] == "__trailing__")
        if m < n_eff:
            invalid.append((0, f"truncated row ({m} of {n_eff} fields)"))
        elif m > n:
            invalid.append((0, f"too many fields ({m}, header has {n_eff})"))
        else:
            invalid.append((0, f"truncated row ({m} of {n_eff} fields)"))
        return "skip"

    read, parse, convert = _options(names, sep, handler, block_size=1 << 22)
    line = 2
    pending = []
    n_pending = 0
    with _stream(path, gz) as src:
        reader = pcsv.open_csv(src, read_options=read, parse_options=parse, convert_options=convert)
        for batch in reader:
            pending.append(batch)
            n_pending += batch.num_rows
            while n_pending >= chunksize:
                table = pa.Table.from_batches(pending)
                head, rest = table.slice(0, chunksize), table.slice(chunksize)
                why: list = []
                out = _to_frame(head, names, line, sep, why, exact_fallback=False)
                if out is None:  # keep going: the rows are still read, but say so
                    out = _to_frame_plain(head, names, line)
                    invalid.append((line, f"possible stray quote ({why[0]})"))
                frame, line = out
                if invalid:
                    report_bad(list(invalid))
                    invalid.clear()
                yield frame
                pending, n_pending = ([rest.combine_chunks().to_batches()[0]] if rest.num_rows else []), rest.num_rows
    if n_pending:
        table = pa.Table.from_batches(pending)
        why = []
        out = (_to_frame(table, names, line, sep, why, exact_fallback=False)
               or _to_frame_plain(table, names, line))
        if invalid:
            report_bad(list(invalid))
            invalid.clear()
        yield out[0]
    elif invalid:
        report_bad(list(invalid))


def _to_frame_plain(table, names, first_line):
    import numpy as np
    import pyarrow.compute as pc

    nl = None
    for name in names:
        col = table.column(name)
        cnt = pc.add(pc.count_substring(col, "\n"),
                     pc.subtract(pc.count_substring(col, "\r"), pc.count_substring(col, "\r\n")))
        nl = cnt if nl is None else pc.add(nl, cnt)
    spans = np.asarray(nl, dtype=np.int64) + 1
    if "__trailing__" in names:
        table = table.drop_columns(["__trailing__"])
    frame = table.to_pandas()
    frame[LINE] = first_line + np.concatenate(([0], np.cumsum(spans)[:-1]))
    return frame, int(first_line + spans.sum())
