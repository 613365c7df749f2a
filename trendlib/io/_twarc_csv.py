"""twarc-csv CSV (``twarc2 csv``): dotted column names from the flattened API v2 JSON.

Final layout (``id, conversation_id, referenced_tweets.retweeted.id, author_id,
created_at, text, public_metrics.like_count, entities.hashtags, author.username, ...``)
and the early 0.0.0 layout (a ``type`` column and a JSON ``referenced_tweets`` column).
Entities are JSON strings; a retweet's ``text`` is already the full original text (no
``RT @`` prefix) and is flagged by ``referenced_tweets.retweeted.id`` or ``type``.
"""

from __future__ import annotations

import json

__all__ = ["is_twarc_csv", "from_table"]


def is_twarc_csv(columns) -> bool:
    cols = set(columns)
    return {"id", "text", "created_at"} <= cols and any(str(c).startswith(("public_metrics.", "author.")) for c in cols)


def _json_list(cell, key):
    if not isinstance(cell, str) or not cell.strip():
        return []
    try:
        items = json.loads(cell)
    except ValueError:
        return None
    return [i.get(key) for i in items if isinstance(i, dict) and i.get(key)] if isinstance(items, list) else None


def from_table(raw, report):
    import pandas as pd

    draft = pd.DataFrame(index=raw.index)
    draft["id"] = raw["id"]
    draft["time"] = raw["created_at"]
    author = raw["author.username"] if "author.username" in raw else raw.get("author_id")
    draft["author"] = author
    draft["text"] = raw["text"]
    for col, key, dst in (("entities.hashtags", "tag", "hashtags"), ("entities.mentions", "username", "mentions"),
                          ("entities.urls", "expanded_url", "urls")):
        if col in raw:
            draft[dst] = [_json_list(c, key) for c in raw[col].tolist()]
    if "in_reply_to_user_id" in raw:
        names = {}
        if "entities.mentions" in raw:
            for cell in raw["entities.mentions"].tolist():
                try:
                    for m in json.loads(cell) if isinstance(cell, str) and cell.strip() else []:
                        if isinstance(m, dict) and m.get("id") and m.get("username"):
                            names[str(m["id"])] = m["username"]
                except ValueError:
                    pass
        draft["reply_to"] = raw["in_reply_to_user_id"].map(lambda u: names.get(u, u))
    if "referenced_tweets.retweeted.id" in raw:
        source = raw["referenced_tweets.retweeted.id"].astype("str").str.strip()
        draft["is_retweet"] = source.ne("")
        draft["retweet_of"] = source  # blanks become missing in finalize
    elif "type" in raw:
        draft["is_retweet"] = raw["type"].astype("str").str.strip().eq("retweeted")
    for src, dst in (("lang", "lang"), ("public_metrics.like_count", "like_count"),
                     ("public_metrics.retweet_count", "retweet_count"), ("public_metrics.reply_count", "reply_count"),
                     ("public_metrics.quote_count", "quote_count"), ("conversation_id", "conversation_id"),
                     ("author_id", "author_id")):
        if src in raw:
            draft[dst] = raw[src]
    draft["platform"] = "twitter"
    draft["__line__"] = raw["__line__"]
    return draft
