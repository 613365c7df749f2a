"""Reading posts: any supported source -> one canonical posts DataFrame.

Only this package knows raw formats; everything else in trendlib reads the canonical
columns documented in :mod:`trendlib.io._schema`.

* :func:`read_posts`: tweet-harvest CSV, twarc2 JSONL (pages and flattened), snscrape
  JSONL, twarc-csv CSV, R twitteR CSV, TikTok comment exports, and generic
  CSV/TSV/JSON/JSONL/DataFrames/records; gzip; UTF-8/BOM/cp1252.
* :class:`ReadWarning`: warned when rows are dropped or a fallback was used.
"""

from __future__ import annotations

from ._detect import FORMATS
from ._read import read_posts
from ._report import ReadWarning
from ._schema import CANONICAL_COLUMNS, COUNT_COLUMNS, LIST_COLUMNS, empty_posts

__all__ = ["read_posts", "ReadWarning", "FORMATS", "CANONICAL_COLUMNS", "LIST_COLUMNS", "COUNT_COLUMNS",
           "empty_posts"]
