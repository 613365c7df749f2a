"""What is in this file before we parse it: magic bytes, UTF-16 without a BOM, headers.

Why: a workbook, a Parquet file or a zip archive handed to a text parser used to fail
with "no text column" and a header full of binary bytes. Looking at the first bytes
says what the file is and what to do (``save as CSV`` with the exact call, or read it
when the optional library that reads it is installed). A header of 100,000 columns is
refused before parsing, since reading it costs seconds and hundreds of MB for nothing.
"""

from __future__ import annotations

import os

from ..exceptions import FormatError

__all__ = ["MAX_COLUMNS", "sniff", "check_header_width", "utf16_without_bom"]

#: more header fields than this is not a posts table (twarc-csv, the widest known
#: export, has ~90 columns; spreadsheets of posts a few hundred)
MAX_COLUMNS = 5000

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PARQUET = b"PAR1"


def utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``head`` has UTF-16's NUL pattern, else None.

    Text in a Latin script saved as UTF-16 has a NUL byte in every other position; no
    UTF-8 or cp1252 text does.

    Examples
    --------
    >>> utf16_without_bom("id,text\\n1,halo".encode("utf-16-le"))
    'utf-16-le'
    >>> utf16_without_bom(b"id,text\\n1,halo") is None
    True
    """
    sample = head[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    z_even = even.count(0) / len(even)
    z_odd = odd.count(0) / len(odd) if odd else 0.0
    if z_odd > 0.6 and z_even < 0.1:
        return "utf-16-le"
    if z_even > 0.6 and z_odd < 0.1:
        return "utf-16-be"
    return None


def _excel_message(name: str, kind: str) -> str:
    return (
        f"read_posts(): {name} is an Excel workbook ({kind}), not text. Save it as CSV "
        f"(File > Save As > CSV UTF-8) and read that, or read the sheet with pandas: "
        f"trendlib.read_posts(pandas.read_excel({name}, dtype=str))"
        + (" (needs openpyxl)." if kind == "xlsx" else " (needs xlrd).")
    )


def sniff(path: str, head: bytes, *, name: str) -> str | None:
    """Return ``"parquet"``, ``"xlsx"`` or ``"xls"`` for binary tables that can be read
    here, None for text; raise :class:`FormatError` with what to do otherwise."""
    if head.startswith(_PARQUET):
        return "parquet"
    if head.startswith(_OLE2):
        return "xls"
    if head.startswith(_ZIP):
        import zipfile

        try:
            with zipfile.ZipFile(path) as z:
                members = z.namelist()
        except zipfile.BadZipFile as exc:
            raise FormatError(f"read_posts(): {name} starts like a zip archive but is damaged ({exc})") from None
        if any(m.startswith("xl/") for m in members):
            return "xlsx"
        shown = members[:5] + (["..."] if len(members) > 5 else [])
        raise FormatError(
            f"read_posts(): {name} is a zip archive holding {shown}, not a CSV or JSON file. "
            f"Extract it first (zipfile.ZipFile({name}).extractall('folder')) and read the "
            f"files inside: trendlib.read_posts(['folder/a.csv', ...])."
        )
    return None


def read_binary_table(path: str, kind: str, *, name: str):
    """Read a Parquet file or an Excel sheet as a DataFrame of strings, when the optional
    library is installed; else raise :class:`FormatError` saying how to convert it."""
    import pandas as pd

    if kind == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise FormatError(
                f"read_posts(): {name} is a Parquet file; install pyarrow to read it "
                f"(pip install pyarrow), or save it as CSV."
            ) from None
        try:
            df = pd.read_parquet(path)
        except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
            raise FormatError(f"read_posts(): {name} starts like a Parquet file but cannot be read ({exc})") from None
    else:
        try:
            df = pd.read_excel(path, dtype=str)
        except ImportError:
            raise FormatError(_excel_message(name, kind)) from None
        except Exception as exc:  # openpyxl/xlrd raise their own types on damaged files
            raise FormatError(f"read_posts(): {name} starts like an Excel workbook but cannot be read ({exc})") from None
    return df


def check_header_width(first_line: str, sep: str, *, name: str) -> None:
    """Refuse a header with more than :data:`MAX_COLUMNS` fields before parsing.

    Examples
    --------
    >>> check_header_width("a," * 6000, ",", name="'wide.csv'")
    Traceback (most recent call last):
    ...
    trendlib.exceptions.FormatError: read_posts(): 'wide.csv' has 6001 columns in its header (more than 5000): this is not a table of posts (a transposed sheet or a binary file?). Read the columns you need with pandas and pass the DataFrame.
    """
    n = first_line.count(sep) + 1
    if n > MAX_COLUMNS:
        raise FormatError(
            f"read_posts(): {name} has {n} columns in its header (more than {MAX_COLUMNS}): this is "
            f"not a table of posts (a transposed sheet or a binary file?). Read the columns you need "
            f"with pandas and pass the DataFrame."
        )


def file_size(path) -> int:
    return os.path.getsize(os.fspath(path))
