"""Which format is this? Decided from column names (tables) or keys (JSON records)."""

from __future__ import annotations

from collections import Counter

from . import _generic, _snscrape, _tiktok, _tweet_harvest, _twarc2, _twarc_csv, _twitter_v1
from ._schema import CANONICAL_COLUMNS

__all__ = ["TABLE_FORMATS", "RECORD_FORMATS", "FORMATS", "detect_table", "detect_records"]

TABLE_FORMATS = ("posts", "tweet-harvest", "twarc-csv", "twitter-r", "tiktok-csv", "generic")
RECORD_FORMATS = ("twarc2", "snscrape", "twitter-v1", "tiktok")
FORMATS = ("auto", *RECORD_FORMATS, *TABLE_FORMATS)


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
    if set(CANONICAL_COLUMNS) <= set(cols):
        return "posts"
    if _tweet_harvest.is_tweet_harvest(cols):
        return "tweet-harvest"
    if _twarc_csv.is_twarc_csv(cols):
        return "twarc-csv"
    for name, (needed, _, _) in _generic.PRESETS.items():
        if needed <= set(cols):
            return name
    if _tiktok.is_tiktok_csv(cols):
        return "tiktok-csv"
    return "generic"


def _one(rec: dict) -> str:
    if _twarc2.is_page(rec) or _twarc2.is_flat(rec):
        return "twarc2"
    if _snscrape.is_snscrape(rec):
        return "snscrape"
    if _twitter_v1.is_v1(rec):
        return "twitter-v1"
    if _tiktok.is_tiktok(rec):
        return "tiktok"
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
