"""Generic tables (CSV, JSONL, DataFrame, dicts) and column-name presets of known tools.

Columns are found by keyword argument (``text="tweets"``), else by the first matching
alias (case-insensitive) in :data:`ALIASES`. A ``date`` + ``time`` pair is joined. With
no time column, 18-20 digit Twitter ids (snowflakes) give the creation time exactly.
"""

from __future__ import annotations

import re

from ..exceptions import SchemaError
from ._schema import COUNT_COLUMNS

__all__ = ["ALIASES", "PRESETS", "resolve_columns", "join_columns", "from_table", "snowflake_times"]

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "id_str", "tweet_id", "status_id", "post_id", "comment_id", "reply_id", "message_id", "entry_id"),
    "time": ("created_at", "timestamp", "datetime", "date_time", "created", "date", "tanggal", "time",
             "waktu", "create_time", "creation_timestamp", "published_at", "posted_at", "publish_time"),
    "author": ("author", "username", "screen_name", "screenname", "user_screen_name", "user_name",
               "author_username", "user", "handle", "account", "akun"),
    "text": ("text", "full_text", "tweet", "tweets", "content", "rawcontent", "message", "body",
             "text_content", "reply_text", "comment", "comment_text", "post", "teks", "isi", "caption"),
    "reply_to": ("reply_to", "in_reply_to_screen_name", "replytosn", "in_reply_to_user", "reply_to_user"),
    "lang": ("lang", "language", "bahasa"),
    "is_retweet": ("is_retweet", "isretweet", "retweeted_status"),
    "like_count": ("like_count", "likes", "favorite_count", "favoritecount", "likecount", "favorites", "favourites"),
    "retweet_count": ("retweet_count", "retweets", "retweetcount", "retweet", "shares", "share_count"),
    "reply_count": ("reply_count", "replies", "replycount", "comment_count", "total_reply"),
    "quote_count": ("quote_count", "quotes", "quotecount"),
    "platform": ("platform", "service", "source_platform"),
}

#: column presets of tools whose exports are plain tables: name -> (detect columns, mapping)
PRESETS: dict[str, tuple[frozenset, dict[str, str], str]] = {
    # R twitteR::twListToDF (and rtweet-era CSVs that copied it)
    "twitter-r": (
        frozenset({"text", "created", "screenName", "id", "favoriteCount"}),
        {"id": "id", "time": "created", "author": "screenName", "text": "text", "reply_to": "replyToSN",
         "is_retweet": "isRetweet", "like_count": "favoriteCount", "retweet_count": "retweetCount"},
        "twitter",
    ),
}

_DATE_COLS = ("date", "tanggal", "tgl")
_TIME_COLS = ("time", "waktu", "jam")
_SNOWFLAKE_EPOCH_MS = 1288834974657
_SNOWFLAKE = re.compile(r"\d{18,20}")


_SEP = re.compile(r"[\s\-.]+")
_TEXT_WORDS = ("text", "tweet", "content", "comment", "message", "komentar", "teks", "caption")


def _key(name) -> str:
    return _SEP.sub("_", str(name).strip().lower())


def _find(columns, names):
    low: dict = {}
    for c in columns:
        low.setdefault(_key(c), c)
    for n in names:
        if n in low:
            return low[n]
    return None


def _text_like(columns):
    """Fallback text column: the first whose name contains a text word (``Text Tweet``)."""
    for c in columns:
        k = _key(c)
        if any(w in k for w in _TEXT_WORDS) and not k.endswith(("_id", "_count", "_label")):
            return c
    return None


def resolve_columns(columns, *, given: dict, func: str = "read_posts", name: str = "<data>") -> dict:
    """Map canonical names to source columns: explicit keyword args first, then aliases.

    ``given`` holds the user's ``text=``/``time=``/``author=``/``id=`` and ``columns=``
    entries; ``False`` means "this source has none". A list for ``time`` joins columns.

    Examples
    --------
    >>> resolve_columns(["tanggal", "tweets", "username", "retweet"], given={})
    {'id': None, 'time': 'tanggal', 'author': 'username', 'text': 'tweets', 'reply_to': None, 'lang': None, 'is_retweet': None, 'like_count': None, 'retweet_count': 'retweet', 'reply_count': None, 'quote_count': None, 'platform': None}
    """
    columns = list(columns)
    out = {}
    for canon, aliases in ALIASES.items():
        want = given.get(canon)
        if want is False:
            out[canon] = None
            continue
        if want is not None:
            wanted = want if isinstance(want, (list, tuple)) else [want]
            missing = [w for w in wanted if w not in columns]
            if missing:
                raise SchemaError(
                    f"{func}(): the {canon!r} column {missing[0]!r} is not in {name}. "
                    f"Available: {[str(c) for c in columns]}."
                )
            out[canon] = want
            continue
        found = _find(columns, aliases)
        if found is None and canon == "text":
            found = _text_like(columns)
        if canon == "time":
            d, t = _find(columns, _DATE_COLS), _find(columns, _TIME_COLS)
            if d is not None and t is not None and d != t:
                found = [d, t]
        out[canon] = found
    if out["author"] is not None and out["author"] == out.get("text"):
        out["author"] = None
    return out


def snowflake_times(ids):
    """Creation times recovered from Twitter snowflake ids (None when they are not).

    Examples
    --------
    >>> import pandas as pd
    >>> str(snowflake_times(pd.Series(["1698979031419138048"]))[0])
    '2023-09-05 08:39:01.251000+00:00'
    """
    import pandas as pd

    vals = ["" if v is None or v != v else str(v).strip() for v in ids.tolist()]
    if not vals or not all(_SNOWFLAKE.fullmatch(v) for v in vals):
        return None
    ms = pd.Series([(int(v) >> 22) + _SNOWFLAKE_EPOCH_MS for v in vals], index=ids.index)
    t = pd.to_datetime(ms.astype("int64"), unit="ms", utc=True)
    if t.min() < pd.Timestamp("2010-11-04", tz="UTC") or t.max() > pd.Timestamp.now(tz="UTC") + pd.Timedelta(days=1):
        return None
    return t.astype("datetime64[ns, UTC]")


def join_columns(raw, cols):
    """Join columns with a space, row by row (``date`` + ``time``), skipping empty parts."""
    import pandas as pd

    parts = [[("" if v is None or v != v else str(v).strip()) for v in raw[c].tolist()] for c in cols]
    return pd.Series([" ".join(x for x in vals if x) for vals in zip(*parts)], index=raw.index, dtype=object)


def from_table(raw, report, *, given: dict, preset: str | None = None):
    """Map a generic table to a draft; raise SchemaError when no text column is found."""
    import pandas as pd

    cols = [c for c in raw.columns if c != "__line__"]
    if len(cols) == 1:
        other = [d for d in (";", "\t", "|", ",") if d in str(cols[0])]
        if other:
            raise SchemaError(
                f"read_posts(): {report.name} was read as one column {str(cols[0])!r}, which holds "
                f"{other[0]!r}: wrong delimiter? Pass sep={other[0]!r}."
            )
    platform = None
    if preset is not None:
        mapping = {k: v for k, v in PRESETS[preset][1].items() if v in cols}
        platform = PRESETS[preset][2]
        for k, v in given.items():
            if v is not None:
                mapping[k] = v if v is not False else None
    else:
        mapping = resolve_columns(cols, given=given, name=report.name)
    if not mapping.get("text"):
        raise SchemaError(
            f"read_posts(): no text column found in {report.name}. Expected one of "
            f"{list(ALIASES['text'])} or text='<column>'. Got columns {[str(c) for c in cols]}."
        )
    draft = pd.DataFrame(index=raw.index)
    for canon, col in mapping.items():
        if col is None:
            continue
        if isinstance(col, (list, tuple)):
            draft[canon] = join_columns(raw, col)
        else:
            draft[canon] = raw[col]
    if "time" not in draft.columns and given.get("time") is not False:
        t = snowflake_times(draft["id"]) if "id" in draft.columns else None
        if t is None:
            raise SchemaError(
                f"read_posts(): no time column found in {report.name}. Expected one of "
                f"{list(ALIASES['time'])}, time='<column>' (or a list such as ['date', 'time']), "
                f"or time=False for undated posts. Got columns {[str(c) for c in cols]}."
            )
        draft["time"] = t
        report.info["time_source"] = "snowflake id"
        report.note(
            f"read_posts(): {report.name} has no time column; creation times were recovered "
            f"from the Twitter ids (snowflakes, millisecond precision)."
        )
    if platform and "platform" not in draft.columns:
        draft["platform"] = platform
    for c in COUNT_COLUMNS:
        if c in draft.columns and draft[c].dtype == bool:
            draft[c] = draft[c].astype(int)
    if "__line__" in raw.columns:
        draft["__line__"] = raw["__line__"]
    return draft
