"""``read_posts``: any supported source -> the canonical posts DataFrame."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping

from .._validation import check_choice
from ..exceptions import FormatError, SchemaError
from . import _generic, _snscrape, _tiktok, _tweet_harvest, _twarc2, _twarc_csv, _twitter_v1
from ._concat import concat_posts
from ._detect import FORMATS, RECORD_FORMATS, detect_records, detect_table
from ._encoding import decode, read_bytes
from ._finalize import finalize
from ._json import parse_json
from ._report import ReadWarning, Report
from ._schema import CANONICAL_COLUMNS, empty_posts
from ._tabular import LINE, parse_delimited

__all__ = ["read_posts"]

_JSON_SUFFIXES = {".json", ".jsonl", ".ndjson", ".jsonlines"}
_PLATFORM = {"tweet-harvest": "twitter", "twarc2": "twitter", "twitter-v1": "twitter", "twarc-csv": "twitter", "snscrape": "twitter",
             "twitter-r": "twitter", "tiktok": "tiktok", "tiktok-csv": "tiktok"}
_REQUIRED = {
    "tweet-harvest": sorted(_tweet_harvest.COLUMNS) + ["username or user_id_str"],
    "twarc-csv": ["id", "text", "created_at", "author.* or public_metrics.* columns"],
    "tiktok-csv": sorted(_tiktok.CSV_COLUMNS),
    "posts": list(CANONICAL_COLUMNS),
    "twitter-r": sorted(_generic.PRESETS["twitter-r"][0]),
}
_CHECKS = {
    "tweet-harvest": _tweet_harvest.is_tweet_harvest,
    "twarc-csv": _twarc_csv.is_twarc_csv,
    "tiktok-csv": _tiktok.is_tiktok_csv,
    "posts": lambda cols: set(CANONICAL_COLUMNS) <= set(cols),
    "twitter-r": lambda cols: _generic.PRESETS["twitter-r"][0] <= set(cols),
}


def _override(draft, raw, given, report):
    """Column keyword arguments win over a named format's own mapping."""
    cols = [c for c in raw.columns if c != LINE]
    for canon, col in given.items():
        if col is None:
            continue
        if col is False:
            draft = draft.drop(columns=[canon], errors="ignore")
            continue
        wanted = list(col) if isinstance(col, (list, tuple)) else [col]
        missing = [w for w in wanted if w not in cols]
        if missing:
            raise SchemaError(
                f"read_posts(): the {canon!r} column {missing[0]!r} is not in {report.name}. "
                f"Available: {[str(c) for c in cols]}."
            )
        if len(wanted) == 1:
            draft[canon] = raw[wanted[0]]
        else:
            draft[canon] = _generic.join_columns(raw, wanted)
    return draft


def _table_draft(raw, fmt, report, given):
    cols = [c for c in raw.columns if c != LINE]
    if fmt == "auto":
        fmt = detect_table(cols)
    elif fmt in _CHECKS and not _CHECKS[fmt](cols):
        raise SchemaError(
            f"read_posts(): {report.name} is not a {fmt} table: expected columns {_REQUIRED[fmt]}; "
            f"got {[str(c) for c in cols]}."
        )
    if fmt in RECORD_FORMATS:
        raise FormatError(f"read_posts(): format={fmt!r} needs JSON records; {report.name} is a table")
    if fmt in ("generic", "twitter-r"):
        preset = None if fmt == "generic" else fmt
        return _generic.from_table(raw, report, given=given, preset=preset), fmt
    if fmt == "tweet-harvest":
        draft = _tweet_harvest.from_table(raw, report)
    elif fmt == "twarc-csv":
        draft = _twarc_csv.from_table(raw, report)
    elif fmt == "tiktok-csv":
        draft = _tiktok.from_table(raw, report)
    else:  # "posts": already canonical
        draft = raw.copy()
    return _override(draft, raw, given, report), fmt


def _records_draft(records, fmt, report, given):
    if fmt == "auto":
        fmt = detect_records(records)
    if fmt == "twarc2":
        draft = _twarc2.from_records(records, report)
        return draft, "twarc2" if report.info.get("source_form") == "pages" else "twarc2-flat"
    if fmt == "snscrape":
        return _snscrape.from_records(records, report), fmt
    if fmt == "twitter-v1":
        return _twitter_v1.from_records(records, report), fmt
    if fmt == "tiktok":
        return _tiktok.from_records(records, report), fmt
    import pandas as pd

    raw = pd.json_normalize([r for _, r in records]) if records else pd.DataFrame()
    raw[LINE] = [line for line, _ in records]
    return _table_draft(raw, "generic" if fmt == "generic" else fmt, report, given)


def read_posts(source, *, format="auto", text=None, time=None, author=None, id=None, columns=None,
               errors="warn", dedupe=False, encoding=None, sep=None, tz="UTC", time_format=None,
               platform=None):
    """Read posts from a file, DataFrame or records into the canonical posts DataFrame.

    Parameters
    ----------
    source : str, path, list of paths, pandas.DataFrame or iterable of dict
        A CSV/TSV/JSON/JSONL file (optionally gzip-compressed), a list of such files
        (concatenated, with a ``source_file`` column and summed ``attrs``), a DataFrame, or
        records such as ``json.loads`` gives (twarc2 pages, snscrape tweets, plain dicts).
    format : str, default "auto"
        One of ``"auto"``, ``"tweet-harvest"``, ``"twarc2"``, ``"snscrape"``, ``"twitter-v1"``,
        ``"twarc-csv"``, ``"twitter-r"``, ``"tiktok"``, ``"tiktok-csv"``, ``"posts"``
        (already canonical) or ``"generic"``.
    text, time, author, id : str, optional
        Source column names for a generic table (found by common names otherwise).
        ``time`` may be a list of columns to join (``["date", "time"]``) or ``False``
        for undated posts.
    columns : dict, optional
        More canonical-name -> source-column pairs (``{"like_count": "likes"}``).
    errors : {"warn", "raise", "skip"}, default "warn"
        Malformed rows (truncated rows, bad JSON lines, unparseable or missing times,
        empty text, missing ids) are dropped with a :class:`ReadWarning` giving counts
        and examples ("warn"), dropped quietly ("skip"), or raise :class:`FormatError`.
        Counts are always in ``posts.attrs["rows_dropped"]``.
    dedupe : bool, default False
        Drop rows whose id was seen earlier (counted in ``attrs["duplicates_dropped"]``).
    encoding : str, optional
        Text encoding; by default a BOM, UTF-8, then cp1252/latin-1 (with a warning).
    sep : str, optional
        Delimiter of a delimited file; sniffed from the header by default.
    tz : str, default "UTC"
        Timezone of timestamps that carry none (TikTok exports, many CSVs).
    time_format : str, optional
        A ``strptime`` format tried before the built-in ones.
    platform : str, optional
        Platform name for sources that do not say (default "twitter" for Twitter tools,
        "unknown" for generic tables).

    Returns
    -------
    posts : pandas.DataFrame
        The canonical columns (see :mod:`trendlib.io._schema`), then extra columns the
        source had (``conversation_id``, ``author_id``...). ``posts.attrs`` records
        ``source``, ``format``, ``encoding``, ``rows_read``, ``rows_dropped`` (by reason),
        ``duplicates``, ``mangled_ids``, ``author_fallback`` and ``notes``.

    Raises
    ------
    FormatError
        The source cannot be read (empty, not JSON/CSV, broken gzip), or malformed rows
        with ``errors="raise"``.
    SchemaError
        Required columns (text, time) are missing, or the table is not the ``format``
        asked for.

    Examples
    --------
    >>> import trendlib
    >>> posts = trendlib.read_posts([
    ...     {"id": "1", "created_at": "2023-09-05T02:00:00Z", "username": "wargajkt",
    ...      "text": "Jalan ditutup lagi gara2 #KTTASEAN2023, macet bangettt @TMCPoldaMetro"},
    ...     {"id": "2", "created_at": "2023-09-05T09:30:00+07:00", "username": "kemlu_ri",
    ...      "text": "Selamat datang para pemimpin ASEAN di Jakarta! #ASEAN2023"},
    ... ])
    >>> posts[["id", "author", "hashtags", "mentions"]]
      id    author         hashtags          mentions
    0  1  wargajkt  [kttasean2023]  [tmcpoldametro]
    1  2  kemlu_ri     [asean2023]                []
    >>> str(posts["time"].dtype), posts.attrs["format"]
    ('datetime64[ns, UTC]', 'generic')
    """
    import pandas as pd

    check_choice(format, FORMATS + ("twarc2-flat",), name="format", func="read_posts")
    check_choice(errors, ("warn", "raise", "skip"), name="errors", func="read_posts")
    fmt = "twarc2" if format == "twarc2-flat" else format
    if columns is not None and not isinstance(columns, Mapping):
        raise TypeError(f"The 'columns' parameter of read_posts() must be a dict. Got {type(columns).__name__}.")
    given = dict(columns or {})
    for k, v in (("text", text), ("time", time), ("author", author), ("id", id)):
        if v is not None:
            given[k] = v

    if isinstance(source, (str, os.PathLike)):
        name = os.fspath(source)
        report = Report(repr(os.path.basename(name) or name), source=name)
        data, gz = read_bytes(name)
        if not data.strip():
            raise FormatError(f"read_posts(): {name!r} is empty ({len(data)} bytes); expected posts")
        content, enc, note = decode(data, encoding=encoding, name=report.name)
        report.info.update(encoding=enc, compression="gzip" if gz else None)
        if note:
            report.note(f"read_posts(): {note}.")
        base = name[:-3] if name.lower().endswith(".gz") else name
        suffix = os.path.splitext(base)[1].lower()
        head = content.lstrip("\ufeff \t\r\n")[:1]
        if fmt in RECORD_FORMATS or (fmt in ("auto", "generic") and (suffix in _JSON_SUFFIXES or head in "{[")):
            records, kind, bad = parse_json(content, name=report.name)
            report.drop_lines(bad)
            report.info["container"] = kind
            draft, fmt = _records_draft(records, fmt, report, given)
        else:
            raw, used_sep, bad = parse_delimited(content, sep=sep, name=report.name, suffix=suffix)
            report.drop_lines(bad)
            report.info["delimiter"] = used_sep
            draft, fmt = _table_draft(raw, fmt, report, given)
    elif (isinstance(source, (list, tuple)) and source
          and all(isinstance(x, (str, os.PathLike)) for x in source)):
        frames = [
            read_posts(p, format=format, text=text, time=time, author=author, id=id, columns=columns,
                       errors=errors, dedupe=dedupe, encoding=encoding, sep=sep, tz=tz,
                       time_format=time_format, platform=platform)
            for p in source
        ]
        return concat_posts(frames, source, dedupe=dedupe)
    elif isinstance(source, pd.DataFrame):
        report = Report("the DataFrame")
        draft, fmt = _table_draft(source.reset_index(drop=True), fmt, report, given)
    elif isinstance(source, Iterable) and not isinstance(source, (bytes, Mapping)):
        items = list(source)
        report = Report("the records")
        bad_items = [type(x).__name__ for x in items if not isinstance(x, Mapping)]
        if bad_items:
            raise TypeError(f"read_posts() expects an iterable of dicts; got items of type {bad_items[0]}.")
        records = [(i + 1, dict(x)) for i, x in enumerate(items)]
        if not records:
            return empty_posts()
        draft, fmt = _records_draft(records, fmt, report, given)
    else:
        raise TypeError(
            "read_posts() expects a path, a pandas DataFrame or an iterable of dicts. "
            f"Got {type(source).__name__}."
        )

    source_format = fmt
    if fmt == "posts" and "source_format" in draft.columns and len(draft):
        source_format = str(draft["source_format"].iloc[0])
    plat = platform or _PLATFORM.get(fmt.replace("-flat", ""), "unknown")
    if platform is not None and "platform" in draft.columns and fmt != "posts":
        draft = draft.drop(columns="platform")
    posts, messages = finalize(
        draft, report, errors=errors, dedupe=dedupe, tz=tz, time_format=time_format,
        platform=plat, source_format=source_format, require_time=given.get("time") is not False,
    )
    for msg in messages:
        warnings.warn(msg, ReadWarning, stacklevel=2)
    return posts
