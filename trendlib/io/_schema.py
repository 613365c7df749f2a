"""The canonical posts schema: the one table every trendlib function reads.

=================  =======================  ============================================
column             dtype                    notes
=================  =======================  ============================================
``id``             str                      never a float; Excel-mangled ids reported
``time``           datetime64[ns, UTC]      convert to WIB/WITA/WIT only to bin/display
``author``         str                      screen name, or user id when it was lost
``text``           str                      full text (long-post text where available)
``hashtags``       object (list of str)     lowercase, without ``#``
``mentions``       object (list of str)     lowercase, without ``@``
``urls``           object (list of str)     expanded where the source has it
``reply_to``       str or missing           screen name (or id) of the replied-to user
``is_retweet``     bool
``lang``           str or missing           the platform's language tag
``like_count``     Int64                    missing stays missing (``<NA>``)
``retweet_count``  Int64
``reply_count``    Int64
``quote_count``    Int64
``platform``       str                      ``"twitter"``, ``"tiktok"``, ...
``source_format``  str                      ``"tweet-harvest"``, ``"twarc2"``, ...
=================  =======================  ============================================

Readers may add further columns (``conversation_id``, ``author_id``, ``location``...)
after these. ``posts.attrs`` carries what the reader noticed (``rows_read``,
``rows_dropped`` by reason, ``duplicates``, ``encoding``, ``format``).
"""

from __future__ import annotations

__all__ = ["CANONICAL_COLUMNS", "LIST_COLUMNS", "COUNT_COLUMNS"]

#: column name -> dtype description, in canonical order
CANONICAL_COLUMNS: dict[str, str] = {
    "id": "str",
    "time": "datetime64[ns, UTC]",
    "author": "str",
    "text": "str",
    "hashtags": "list",
    "mentions": "list",
    "urls": "list",
    "reply_to": "str",
    "is_retweet": "bool",
    "lang": "str",
    "like_count": "Int64",
    "retweet_count": "Int64",
    "reply_count": "Int64",
    "quote_count": "Int64",
    "platform": "str",
    "source_format": "str",
}

LIST_COLUMNS = ("hashtags", "mentions", "urls")
COUNT_COLUMNS = ("like_count", "retweet_count", "reply_count", "quote_count")
