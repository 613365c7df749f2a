"""Bytes -> text: gzip, byte-order marks, UTF-8, and the cp1252/latin-1 fallback."""

from __future__ import annotations

import codecs
import gzip
import os
import zlib

from ..exceptions import FormatError

__all__ = ["read_bytes", "decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_bytes(path: str | os.PathLike) -> tuple[bytes, bool]:
    """Return the content of ``path`` (gunzipped when it is gzip) and whether it was.

    Raises :class:`FormatError` naming the file when it is missing, a folder, or a
    broken gzip stream.
    """
    name = os.fspath(path)
    if not os.path.exists(name):
        raise FileNotFoundError(f"read_posts(): no such file: {name!r}")
    if os.path.isdir(name):
        raise FormatError(f"read_posts(): {name!r} is a folder; expected a file (csv, tsv, json, jsonl, .gz)")
    with open(name, "rb") as fh:
        data = fh.read()
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data), True
        except (OSError, EOFError, zlib.error) as exc:
            raise FormatError(f"read_posts(): {name!r} is a damaged gzip file ({exc})") from None
    return data, False


def decode(data: bytes, *, encoding: str | None = None, name: str = "<data>") -> tuple[str, str, str | None]:
    """Decode ``data``; return ``(text, encoding used, note or None)``.

    Order: the explicit ``encoding``; a byte-order mark (UTF-8, UTF-16, UTF-32); strict
    UTF-8; cp1252 (Windows exports, R on Windows); latin-1 (which never fails). The
    note says when a fallback was used, so that the caller can warn.

    Examples
    --------
    >>> decode("Jakarta macet…".encode("cp1252"), name="a.csv")[1:]
    ('cp1252', 'a.csv is not valid UTF-8 (first bad byte 0x85 at offset 13); decoded as cp1252')
    >>> decode(b"\\xef\\xbb\\xbfid,text")[:2]
    ('id,text', 'utf-8-sig')
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding, None
        except LookupError:
            raise ValueError(
                f"The 'encoding' parameter of read_posts() must be a Python codec name. Got {encoding!r}."
            ) from None
        except UnicodeDecodeError as exc:
            raise FormatError(
                f"read_posts(): {name} cannot be decoded as {encoding} ({exc}); "
                f"leave encoding=None to detect it"
            ) from None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, None
            except UnicodeDecodeError as exc:
                raise FormatError(f"read_posts(): {name} starts with a {enc} byte-order mark but {exc}") from None
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        where = f"first bad byte 0x{data[exc.start]:02x} at offset {exc.start}"
    # mostly UTF-8 with a few broken bytes (files glued together, cut multibyte chars):
    # keep UTF-8 and replace the broken bytes rather than turn every emoji into mojibake
    text = data.decode("utf-8", errors="replace")
    n_bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    n_good = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    if n_good > 4 * n_bad:
        return text, "utf-8", (
            f"{name} is UTF-8 with {n_bad} invalid byte sequence(s) ({where}); "
            f"they were replaced by U+FFFD"
        )
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return text, enc, f"{name} is not valid UTF-8 ({where}); decoded as {enc}"
    raise AssertionError("unreachable: latin-1 decodes every byte")  # pragma: no cover
