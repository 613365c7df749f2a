"""tweet-harvest CSV (helmisatria/tweet-harvest), the usual Indonesian scraping tool.

Header (order varies between versions; ``,`` or ``;`` delimited)::

    conversation_id_str, created_at, favorite_count, full_text, id_str, image_url,
    in_reply_to_screen_name, lang, location, quote_count, reply_count, retweet_count,
    tweet_url, user_id_str, username

Quirks handled: ``created_at`` in the v1.1 form (``Sat Sep 30 22:57:05 +0000 2023``) or
ISO 8601; tweet-harvest 2.6.x leaves ``username`` empty and writes
``https://x.com/undefined/status/<id>``: the author is then taken from a real
``tweet_url`` when there is one, else ``user_id_str`` (counted, warned, in
``attrs["author_fallback"]``); a user id a spreadsheet rounded (``1.60425E+18``) is no
author (counted, warned, ``attrs["author_rounded_ids"]``).
"""

from __future__ import annotations

import re

from ._schema import blank_to_na, str_dtype, to_id

__all__ = ["COLUMNS", "is_tweet_harvest", "from_table"]

COLUMNS = {"id_str", "created_at", "full_text"}
_URL_USER = re.compile(r"(?:twitter|x)\.com/([A-Za-z0-9_]{1,30})/status", re.I)
_NOT_USERS = {"undefined", "i", "null", "none"}


def _url_users(urls):
    """The screen name in each ``.../<name>/status/<id>`` URL (missing when none);
    vectorised in Arrow when pyarrow is there, pandas' regex otherwise."""
    import pandas as pd

    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return urls.astype("str").str.extract(_URL_USER, expand=False)
    arr = pa.array(urls.astype(object).where(urls.notna(), None).tolist() if urls.dtype == object
                   else urls.array, type=pa.large_string(), from_pandas=True)
    got = pc.struct_field(pc.extract_regex(arr, r"(?i)(?:twitter|x)\.com/(?P<u>[A-Za-z0-9_]{1,30})/status"), [0])
    return pd.Series(got.to_pylist(), index=urls.index, dtype="str" if pd.__version__ >= "3" else object)


def is_tweet_harvest(columns) -> bool:
    cols = set(columns)
    return COLUMNS <= cols and bool({"username", "user_id_str"} & cols)


def from_table(raw, report):
    """Map a tweet-harvest table (strings) to a draft."""
    import pandas as pd

    draft = pd.DataFrame(index=raw.index)
    draft["id"] = raw["id_str"]
    draft["time"] = raw["created_at"]
    author = blank_to_na(raw["username"]) if "username" in raw else pd.Series(pd.NA, index=raw.index, dtype=str_dtype())
    missing = author.isna()
    fallback = {}
    if missing.any():
        if "tweet_url" in raw:
            from_url = _url_users(raw["tweet_url"][missing])
            from_url = from_url.where(~from_url.str.lower().isin(_NOT_USERS))
            author = author.fillna(from_url)
            fallback["tweet_url"] = int(from_url.notna().sum())
        still = author.isna()
        if still.any() and "user_id_str" in raw:
            uid = blank_to_na(raw["user_id_str"])
            # an id a spreadsheet rounded (1.60425E+18) names no account, and can stand for
            # several: those rows keep no author rather than one shared by strangers
            rounded = pd.Series(to_id(uid)[1].to_numpy(dtype=bool), index=uid.index)
            bad = still & rounded
            if bad.any():
                uid = uid.where(~rounded)
                report.note(
                    f"read_posts(): {int(bad.sum())} rows of {report.name} have no username and a user id "
                    f"rounded by a spreadsheet (e.g. {raw['user_id_str'][bad].iloc[0]!r}); their author is left "
                    "missing, since a rounded id can stand for several accounts."
                )
                report.info["author_rounded_ids"] = int(bad.sum())
            author = author.fillna(uid)
            fallback["user_id_str"] = int((still & uid.notna()).sum())
        fallback = {k: v for k, v in fallback.items() if v}
        if fallback:
            how = " and ".join(
                f"{v} from {'the screen name in tweet_url' if k == 'tweet_url' else 'user_id_str (a numeric user id)'}"
                for k, v in fallback.items()
            )
            report.note(
                f"read_posts(): 'username' is empty in {int(missing.sum())} of {len(raw)} rows of "
                f"{report.name} (a known tweet-harvest bug); author taken {how}."
            )
            report.info["author_fallback"] = fallback
    draft["author"] = author
    draft["text"] = raw["full_text"]
    for src, dst in (
        ("in_reply_to_screen_name", "reply_to"),
        ("lang", "lang"),
        ("favorite_count", "like_count"),
        ("retweet_count", "retweet_count"),
        ("reply_count", "reply_count"),
        ("quote_count", "quote_count"),
        ("conversation_id_str", "conversation_id"),
        ("user_id_str", "author_id"),
        ("tweet_url", "url"),
        ("location", "location"),
    ):
        if src in raw:
            draft[dst] = raw[src]
    draft["platform"] = "twitter"
    return draft
