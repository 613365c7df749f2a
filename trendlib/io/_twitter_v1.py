"""Twitter API v1.1 tweet JSON: twarc (1.x) JSONL, Tweepy ``status._json`` dumps, GNIP-era
archives, the ``tweet.js`` of a personal archive once unwrapped.

Fields used: ``id_str`` (never the float-prone numeric ``id``), ``created_at``
(``Wed Sep 06 03:12:00 +0000 2023``), ``full_text`` / ``extended_tweet.full_text`` /
``text``, ``user.screen_name``, ``entities`` (``hashtags[].text``,
``user_mentions[].screen_name``, ``urls[].expanded_url``), ``retweeted_status`` (full
text of a retweet, rebuilt as ``RT @user: <full text>``), ``in_reply_to_screen_name``,
``lang`` and the counts.
"""

from __future__ import annotations

__all__ = ["is_v1", "from_records"]


def is_v1(rec: dict) -> bool:
    user = rec.get("user")
    return ("id_str" in rec or "id" in rec) and isinstance(user, dict) and "screen_name" in user and (
        "text" in rec or "full_text" in rec or "extended_tweet" in rec)


def _full(t: dict):
    ext = t.get("extended_tweet") if isinstance(t.get("extended_tweet"), dict) else {}
    text = ext.get("full_text") or t.get("full_text") or t.get("text") or ""
    ent = ext.get("entities") or t.get("entities")
    if not isinstance(ent, dict):
        return text, None, None, None
    tags = [h.get("text") for h in ent.get("hashtags") or [] if isinstance(h, dict)]
    ments = [m.get("screen_name") for m in ent.get("user_mentions") or [] if isinstance(m, dict)]
    urls = [u.get("expanded_url") or u.get("url") for u in ent.get("urls") or [] if isinstance(u, dict)]
    return text, tags, ments, urls


def _row(t: dict, line: int) -> dict:
    user = t.get("user") or {}
    text, tags, ments, urls = _full(t)
    rt = t.get("retweeted_status")
    if isinstance(rt, dict) and isinstance(rt.get("user"), dict):
        rt_user = rt["user"].get("screen_name")
        rt_text, tags, o_ments, urls = _full(rt)
        text = f"RT @{rt_user}: {rt_text}"
        ments = None if o_ments is None else [rt_user, *o_ments]
    tid = t.get("id_str") or (str(t["id"]) if isinstance(t.get("id"), int) else t.get("id"))
    return {
        "id": tid,
        "time": t.get("created_at"),
        "author": user.get("screen_name"),
        "text": text,
        "hashtags": tags,
        "mentions": ments,
        "urls": urls,
        "reply_to": t.get("in_reply_to_screen_name"),
        "is_retweet": isinstance(rt, dict),
        "lang": t.get("lang"),
        "like_count": t.get("favorite_count"),
        "retweet_count": t.get("retweet_count"),
        "reply_count": t.get("reply_count"),
        "quote_count": t.get("quote_count"),
        "conversation_id": None,
        "author_id": user.get("id_str"),
        "__line__": line,
    }


def from_records(records, report):
    import pandas as pd

    rows = []
    for line, r in records:
        try:
            rows.append(_row(r, line))
        except (AttributeError, TypeError, KeyError, ValueError) as exc:
            report.bad_record(line, exc)
    out = pd.DataFrame(rows) if rows else pd.DataFrame(columns=["id", "time", "text"])
    return out.drop(columns="conversation_id")
