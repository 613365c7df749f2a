"""``read_posts``: any supported source -> the canonical posts DataFrame.

Why this shape: the public function only resolves options and dispatches; which
formats exist is the registry's business (:mod:`trendlib.io._registry`), how a file is
opened is :mod:`trendlib.io._source`'s, and canonicalisation is :mod:`_finalize`'s. So
one call path serves files, lists of files, DataFrames, records and chunked reading.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from .._deprecate import renamed_kwargs
from .._time import resolve_tz
from .._validation import check_choice, check_int
from ..exceptions import FormatError
from ._concat import concat_posts
from ._draft import finish as _finish
from ._detect import RECORD_FORMATS
from ._draft import records_draft, table_draft
from ._registry import FORMAT_NAMES, FormatName
from ._report import ReadWarning, Report
from ._schema import empty_posts
from ._source import EmptyFileError, open_file

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_posts"]

Errors = Literal["warn", "raise", "skip"]


def _read_one(source, fmt, opts):
    """One source (not a list) -> (posts, messages)."""
    import pandas as pd

    given = opts["given"]
    if isinstance(source, (str, os.PathLike)):
        f = open_file(os.fspath(source), fmt, encoding=opts["encoding"], sep=opts["sep"],
                      record_formats=RECORD_FORMATS)
        if f.kind == "records":
            draft, fmt = records_draft(f.records, fmt, f.report, given)
        else:
            draft, fmt = table_draft(f.raw, fmt, f.report, given)
        return _finish(draft, fmt, f.report, opts)
    if isinstance(source, pd.DataFrame):
        report = Report("the DataFrame")
        draft, fmt = table_draft(source.reset_index(drop=True), fmt, report, given)
        return _finish(draft, fmt, report, opts)
    if isinstance(source, Iterable) and not isinstance(source, (bytes, str, Mapping)):
        items = list(source)
        bad_items = [type(x).__name__ for x in items if not isinstance(x, Mapping)]
        if bad_items:
            raise TypeError(f"read_posts() expects an iterable of dicts; got items of type {bad_items[0]}.")
        if not items:
            return empty_posts(), []
        from ._json import fix_surrogates

        report = Report("the records")
        records, n_sur = [], 0
        for i, x in enumerate(items):
            rec, m = fix_surrogates(dict(x))
            n_sur += m
            records.append((i + 1, rec))
        if n_sur:
            report.info["lone_surrogates"] = n_sur
            report.note(f"read_posts(): the records hold {n_sur} lone surrogate(s); replaced by U+FFFD.")
        draft, fmt = records_draft(records, fmt, report, given)
        return _finish(draft, fmt, report, opts)
    raise TypeError(
        "read_posts() expects a path, a list of paths, a pandas DataFrame or an iterable of dicts. "
        f"Got {type(source).__name__}."
    )


def _read_list(paths, fmt, opts):
    frames, names, empty = [], [], []
    messages: list[str] = []
    for p in paths:
        try:
            posts, msgs = _read_one(p, fmt, opts)
        except EmptyFileError:
            if opts["errors"] == "raise":
                raise
            empty.append(os.fspath(p))
            continue
        frames.append(posts)
        names.append(p)
        messages.extend(msgs)
    if not frames:
        raise FormatError(f"read_posts(): every file is empty: {[os.fspath(p) for p in paths]}")
    out = concat_posts(frames, names, dedupe=opts["dedupe"], warn=False)
    if empty:
        out.attrs["empty_files"] = empty
        messages.append(f"read_posts(): {len(empty)} of {len(paths)} files are empty and were skipped: {empty}.")
    if out.attrs.get("cross_file_duplicates_dropped"):
        messages.append(
            f"read_posts(): dropped {out.attrs['cross_file_duplicates_dropped']} rows whose id was already "
            f"seen in an earlier file (dedupe=True)."
        )
    out.attrs["notes"] = list(messages)
    return out, messages


@renamed_kwargs(tz="source_tz", since="0.2")
def read_posts(
    source: str | os.PathLike | Sequence[str | os.PathLike] | pd.DataFrame | Iterable[Mapping[str, Any]],
    *,
    format: FormatName = "auto",
    text: str | None = None,
    time: str | Sequence[str] | Literal[False] | None = None,
    author: str | None = None,
    id: str | None = None,
    columns: Mapping[str, Any] | None = None,
    errors: Errors = "warn",
    dedupe: bool = False,
    encoding: str | None = None,
    sep: str | None = None,
    source_tz: str | None = None,
    time_format: str | None = None,
    platform: str | None = None,
    chunksize: int | None = None,
) -> pd.DataFrame | Iterator[pd.DataFrame]:
    """Read posts from a file, DataFrame or records into the canonical posts DataFrame.

    Parameters
    ----------
    source : str, path, list of paths, pandas.DataFrame or iterable of dict
        A CSV/TSV/JSON/JSONL file (optionally gzip-compressed; Parquet, and Excel when
        openpyxl is installed), a list of such files (concatenated, with a
        ``source_file`` column and summed ``attrs``; an empty file in the list is skipped
        and listed in ``attrs["empty_files"]``), a DataFrame, or records such as
        ``json.loads`` gives (twarc2 pages, snscrape tweets, plain dicts).
    format : str, default "auto"
        ``"auto"`` or one of :func:`trendlib.io.formats` (``"tweet-harvest"``,
        ``"twarc2"``, ``"snscrape"``, ``"twitter-v1"``, ``"twarc-csv"``, ``"twitter-r"``,
        ``"tiktok"``, ``"tiktok-csv"``, ``"posts"`` (already canonical), ``"generic"``).
    text, time, author, id : str, optional
        Source column names for a generic table (found by common names otherwise).
        ``time`` may be a list of columns to join (``["date", "time"]``) or ``False``
        for undated posts.
    columns : dict, optional
        More canonical-name -> source-column pairs (``{"like_count": "likes"}``).
    errors : {"warn", "raise", "skip"}, default "warn"
        Malformed rows (truncated rows, bad JSON lines, malformed records, unparseable,
        out-of-range or missing times, missing ids) are dropped with a
        :class:`ReadWarning` giving counts and examples ("warn"), dropped quietly
        ("skip"), or raise :class:`FormatError`. Counts are always in
        ``posts.attrs["rows_dropped"]``.
    dedupe : bool, default False
        Drop rows whose id was seen earlier (counted in ``attrs["duplicates_dropped"]``).
    encoding : str, optional
        Text encoding; by default a BOM, UTF-8, UTF-16 without BOM (by its NUL
        pattern), then cp1252/latin-1 (with a warning).
    sep : str, optional
        Delimiter of a delimited file; sniffed from the header by default.
    source_tz : str, optional
        Time zone of timestamps that carry none (TikTok exports, many CSVs), e.g.
        ``"Asia/Jakarta"`` or ``"WIB"``/``"WITA"``/``"WIT"``. By default they are read
        as UTC with one :class:`ReadWarning` saying how many and how to fix it; pass
        ``"UTC"`` to say they are UTC. (``tz=`` is the deprecated name.)
    time_format : str, optional
        A ``strptime`` format tried before the built-in ones.
    platform : str, optional
        Platform name for sources that do not say (default "twitter" for Twitter tools,
        "unknown" for generic tables).
    chunksize : int, optional
        Return an iterator of canonical frames of at most ``chunksize`` posts instead
        of one frame, for files larger than memory. Each frame's ``attrs`` has its own
        counts and ``attrs["total"]``, the running totals; warnings are given once, at
        the end.

    Returns
    -------
    posts : pandas.DataFrame or iterator of DataFrame
        The canonical columns (see :mod:`trendlib.io._schema`), then extra columns the
        source had (``author_name``, ``conversation_id``, ``author_id``...).
        ``posts.attrs`` records ``source``, ``format``, ``encoding``, ``rows_read``,
        ``rows_dropped`` (by reason), ``duplicates``, ``mangled_ids``, ``replies``
        (inferred replies by source), ``author_fallback``, ``naive_times`` and ``notes``.

    Raises
    ------
    FormatError
        The source cannot be read (empty, binary, not JSON/CSV, broken gzip, a header
        of thousands of columns), or malformed rows with ``errors="raise"``.
    SchemaError
        Required columns (text, time) are missing, or the table is not the ``format``
        asked for.

    See Also
    --------
    trendlib.io.formats : the formats read, and how each is detected.
    trendlib.count : counts keys per time bin from the posts.

    Notes
    -----
    Accounts have one identity: ``author``, ``mentions`` and ``reply_to`` hold the
    handle lowercased without ``@`` (:func:`trendlib._keys.account_key`); the
    handle as written is kept in ``author_name``. Replies are taken from the source's
    reply column, else inferred from a conversation id that differs from the post id
    or from the leading run of ``@`` mentions Twitter writes in a reply
    (``attrs["replies"]`` says how many came from which source).

    Examples
    --------
    >>> import trendlib
    >>> posts = trendlib.read_posts([
    ...     {"id": "1", "created_at": "2023-09-05T02:00:00Z", "username": "WargaJKT",
    ...      "text": "Jalan ditutup lagi gara2 #KTTASEAN2023, macet bangettt @TMCPoldaMetro"},
    ...     {"id": "2", "created_at": "2023-09-05T09:30:00+07:00", "username": "kemlu_RI",
    ...      "text": "Selamat datang para pemimpin ASEAN di Jakarta! #ASEAN2023"},
    ... ])
    >>> posts[["id", "author", "author_name", "hashtags", "mentions"]]
      id    author author_name        hashtags          mentions
    0  1  wargajkt    WargaJKT  [kttasean2023]  [tmcpoldametro]
    1  2  kemlu_ri    kemlu_RI     [asean2023]                []
    >>> str(posts["time"].dtype), posts.attrs["format"]
    ('datetime64[ns, UTC]', 'generic')
    """
    check_choice(format, FORMAT_NAMES, name="format", func="read_posts")
    check_choice(errors, ("warn", "raise", "skip"), name="errors", func="read_posts")
    if columns is not None and not isinstance(columns, Mapping):
        raise TypeError(f"The 'columns' parameter of read_posts() must be a dict. Got {type(columns).__name__}.")
    given = dict(columns or {})
    for k, v in (("text", text), ("time", time), ("author", author), ("id", id)):
        if v is not None:
            given[k] = v
    opts = dict(
        given=given, errors=errors, dedupe=dedupe, encoding=encoding, sep=sep, time_format=time_format,
        platform=platform,
        source_tz=None if source_tz is None else resolve_tz(source_tz, func="read_posts", name="source_tz"),
    )
    if chunksize is not None:
        check_int(chunksize, name="chunksize", func="read_posts")
        from ._chunks import iter_posts

        return iter_posts(source, format, opts, chunksize)
    if isinstance(source, (list, tuple)) and source and all(isinstance(x, (str, os.PathLike)) for x in source):
        posts, messages = _read_list(list(source), format, opts)
    elif isinstance(source, (list, tuple)) and not source:
        return empty_posts()
    else:
        posts, messages = _read_one(source, format, opts)
    for msg in messages:
        warnings.warn(msg, ReadWarning, stacklevel=3)
    return posts
