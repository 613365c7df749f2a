"""The one table of formats: name -> detector, reader, required columns, platform.

Why one table: format knowledge used to live in five places (a detection list, a
platform map, a required-columns map, a check map and an if/elif dispatch), and the
CLI help and the docs kept their own hand-written lists. Now :func:`read_posts`,
detection (:mod:`trendlib.io._detect`), :func:`formats` (which the CLI help and the
docs table print) all read :data:`REGISTRY`; adding a format is one entry here.

Table formats are detected from column names, record formats from the keys of a JSON
object. Detection tries the entries in table order; ``generic`` is the fallback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from . import _generic, _snscrape, _tiktok, _tweet_harvest, _twarc2, _twarc_csv, _twitter_v1
from ._schema import CANONICAL_COLUMNS

__all__ = ["Format", "REGISTRY", "FormatName", "formats", "table_formats", "record_formats", "FORMAT_NAMES"]

FormatName = Literal[
    "auto", "twarc2", "twarc2-flat", "snscrape", "twitter-v1", "tiktok",
    "posts", "tweet-harvest", "twarc-csv", "twitter-r", "tiktok-csv", "generic",
]


@dataclass(frozen=True)
class Format:
    """One readable format.

    Attributes
    ----------
    name : str
        The value of ``read_posts(format=...)``.
    kind : {"table", "records"}
        Delimited tables (and DataFrames) or JSON records.
    detect : callable
        ``detect(columns) -> bool`` for tables, ``detect(record) -> bool`` for records.
    read : callable
        ``read(raw, report, given) -> draft`` (see :mod:`trendlib.io._finalize`).
    required : tuple of str
        What detection looks for, as shown in messages, ``formats()`` and the docs.
    platform : str
        The platform of posts read in this format (``"unknown"`` for generic tables).
    description : str
        One line for the CLI help and the docs.
    """

    name: str
    kind: Literal["table", "records"]
    detect: Callable[[Any], bool] = field(repr=False)
    read: Callable[..., Any] = field(repr=False)
    required: tuple[str, ...]
    platform: str
    description: str


def _posts_detect(cols) -> bool:
    return set(CANONICAL_COLUMNS) <= set(map(str, cols))


def _posts_read(raw, report, given):
    return raw.copy()


def _preset_detect(name):
    needed = _generic.PRESETS[name][0]
    return lambda cols: needed <= set(map(str, cols))


def _generic_table(raw, report, given):
    return _generic.from_table(raw, report, given=given)


def _twitter_r(raw, report, given):
    return _generic.from_table(raw, report, given=given, preset="twitter-r")


def _no_given(fn):
    return lambda raw, report, given: fn(raw, report)


def _always(_x) -> bool:
    return True


def _twarc2_detect(rec) -> bool:
    return _twarc2.is_page(rec) or _twarc2.is_flat(rec)


#: every format, in detection order within each kind
REGISTRY: dict[str, Format] = {f.name: f for f in (
    Format("twarc2", "records", _twarc2_detect, _no_given(_twarc2.from_records),
           ("data", "includes|meta|__twarc"), "twitter",
           "Twitter API v2 response pages (twarc2 search/timeline/hydrate/stream)"),
    Format("twarc2-flat", "records", _twarc2.is_flat, _no_given(_twarc2.from_records),
           ("id", "text", "created_at", "author_id"), "twitter",
           "twarc2 flatten output, one tweet per line"),
    Format("snscrape", "records", _snscrape.is_snscrape, _no_given(_snscrape.from_records),
           ("date", "user{}", "rawContent|content"), "twitter",
           "snscrape --jsonl twitter-* (all generations)"),
    Format("twitter-v1", "records", _twitter_v1.is_v1, _no_given(_twitter_v1.from_records),
           ("id_str", "user.screen_name", "text|full_text"), "twitter",
           "Twitter API v1.1 tweet JSON (twarc 1.x, Tweepy _json)"),
    Format("tiktok", "records", _tiktok.is_tiktok, _no_given(_tiktok.from_records),
           ("comments[] or comment_id", "comment", "create_time"), "tiktok",
           "TikTok comment-scraper JSON"),
    Format("posts", "table", _posts_detect, _posts_read, tuple(CANONICAL_COLUMNS), "unknown",
           "an already canonical posts table"),
    Format("tweet-harvest", "table", _tweet_harvest.is_tweet_harvest, _no_given(_tweet_harvest.from_table),
           (*sorted(_tweet_harvest.COLUMNS), "username|user_id_str"), "twitter",
           "tweet-harvest CSV (the usual Indonesian scraper)"),
    Format("twarc-csv", "table", _twarc_csv.is_twarc_csv, _no_given(_twarc_csv.from_table),
           ("id", "text", "created_at", "author.*|public_metrics.*"), "twitter",
           "twarc2 csv output (dotted columns)"),
    Format("twitter-r", "table", _preset_detect("twitter-r"), _twitter_r,
           tuple(sorted(_generic.PRESETS["twitter-r"][0])), "twitter",
           "R twitteR::twListToDF CSV"),
    Format("tiktok-csv", "table", _tiktok.is_tiktok_csv, _no_given(_tiktok.from_table),
           tuple(sorted(_tiktok.CSV_COLUMNS)), "tiktok",
           "TikTok comments converted to CSV (vinadsa fork)"),
    Format("generic", "table", _always, _generic_table, ("a text column",), "unknown",
           "any other CSV/TSV/JSON/JSONL/DataFrame/records (columns by common names)"),
)}

#: the values ``read_posts(format=...)`` accepts
FORMAT_NAMES: tuple[str, ...] = ("auto", *REGISTRY)


def table_formats() -> list[Format]:
    """Table formats in detection order."""
    return [f for f in REGISTRY.values() if f.kind == "table"]


def record_formats() -> list[Format]:
    """Record formats in detection order (``twarc2-flat`` is found as ``twarc2``)."""
    return [f for f in REGISTRY.values() if f.kind == "records" and f.name != "twarc2-flat"]


def formats():
    """The formats :func:`trendlib.read_posts` reads, one row each.

    Returns
    -------
    pandas.DataFrame
        Columns ``format`` (the value of ``format=``), ``kind`` (``table`` or
        ``records``), ``platform``, ``detected_by`` (columns or keys looked for, ``|``
        meaning "or") and ``description``, in detection order.

    See Also
    --------
    trendlib.read_posts : reads any of them (``format="auto"`` detects).

    Notes
    -----
    The command-line help and the format table of ``docs/io.md`` are printed from
    this table, so they cannot drift from what the reader does.

    Examples
    --------
    >>> from trendlib.io import formats
    >>> table = formats()
    >>> table.loc[table["format"] == "tweet-harvest", "platform"].item()
    'twitter'
    >>> table["format"].tolist()[:3]
    ['twarc2', 'twarc2-flat', 'snscrape']
    """
    import pandas as pd

    return pd.DataFrame(
        [(f.name, f.kind, f.platform, ", ".join(f.required), f.description) for f in REGISTRY.values()],
        columns=["format", "kind", "platform", "detected_by", "description"],
    )
