"""Reading posts: any supported source -> one canonical posts DataFrame.

Only this package knows raw formats; everything else in trendlib reads the canonical
columns documented in :mod:`trendlib.io._schema`, with one identity per account.

* :func:`read_posts`: the formats listed by :func:`formats` (tweet-harvest CSV, twarc2
  JSONL, snscrape JSONL, twarc-csv, R twitteR CSV, TikTok exports, generic
  CSV/TSV/JSON/JSONL/Parquet/DataFrames/records); gzip; UTF-8/BOM/UTF-16/cp1252;
  ``chunksize=`` for files larger than memory.
* :func:`formats`: the registry of formats as a table (CLI help and docs print it).
* :class:`ReadWarning`: warned when rows are dropped or a fallback was used.
* :func:`account_created`: when each X account was made, read from its user id.
"""

from __future__ import annotations

from ._created import account_created
from ._detect import FORMATS
from ._read import read_posts
from ._registry import formats
from ._report import ReadWarning
from ._schema import CANONICAL_COLUMNS, COUNT_COLUMNS, LIST_COLUMNS, empty_posts

__all__ = ["read_posts", "formats", "ReadWarning", "account_created", "FORMATS", "CANONICAL_COLUMNS", "LIST_COLUMNS",
           "COUNT_COLUMNS", "empty_posts"]
