"""Which format is this? Decided from column names (tables) or keys (JSON records).

Both functions walk :data:`trendlib.io._registry.REGISTRY` in order, so detection and
the documented table of formats are one list.
"""

from __future__ import annotations

from collections import Counter

from ._registry import FORMAT_NAMES, record_formats, table_formats

__all__ = ["TABLE_FORMATS", "RECORD_FORMATS", "FORMATS", "detect_table", "detect_records"]

TABLE_FORMATS = tuple(f.name for f in table_formats())
RECORD_FORMATS = ("twarc2", "twarc2-flat", "snscrape", "twitter-v1", "tiktok")
FORMATS = FORMAT_NAMES


def detect_table(columns) -> str:
    """Name the table format from its column names.

    Examples
    --------
    >>> detect_table(["created_at", "id_str", "full_text", "user_id_str", "username"])
    'tweet-harvest'
    >>> detect_table(["tanggal", "tweets", "username"])
    'generic'
    """
    cols = [str(c) for c in columns]
    for fmt in table_formats():
        if fmt.detect(cols):
            return fmt.name
    return "generic"  # pragma: no cover - generic detects everything


def _one(rec: dict) -> str:
    for fmt in record_formats():
        try:
            if fmt.detect(rec):
                return fmt.name
        except (AttributeError, TypeError):  # a malformed record matches no format
            continue
    return "generic"


def detect_records(records) -> str:
    """Name the format of JSON records from the keys of the first few.

    Examples
    --------
    >>> detect_records([(1, {"data": [{"id": "1", "text": "x", "created_at": "2023"}], "includes": {}})])
    'twarc2'
    >>> detect_records([(1, {"date": "2023-09-05", "rawContent": "Halo", "user": {"username": "a"}})])
    'snscrape'
    """
    votes = Counter(_one(r) for _, r in records[:20])
    return votes.most_common(1)[0][0] if votes else "generic"
