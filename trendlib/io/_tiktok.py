"""TikTok comment exports of the Indonesian ``tiktok-comment-scrapper`` tool and its forks.

* JSON: ``{"caption", "video_url", "comments": [{comment_id, username, nickname,
  comment, create_time, total_reply, replies: [...]}], "has_more"}``; replies are nested
  and become posts whose ``reply_to`` is the parent's username.
* Converted CSV (vinadsa fork): ``video_id, entry_id, parent_comment_id, is_reply,
  text_content, author_username, creation_timestamp, comment_total_replies`` (UUID ids).

``create_time`` has no timezone (the scraper's local clock): pass ``source_tz=`` to say which;
it is read as UTC by default. There is no like count.
"""

from __future__ import annotations

import re

__all__ = ["is_tiktok", "from_records", "is_tiktok_csv", "from_table"]

_VIDEO = re.compile(r"/video/(\d+)")
CSV_COLUMNS = {"text_content", "author_username", "creation_timestamp"}


def is_tiktok(rec: dict) -> bool:
    return isinstance(rec.get("comments"), list) or {"comment_id", "comment", "create_time"} <= rec.keys()


def is_tiktok_csv(columns) -> bool:
    return CSV_COLUMNS <= set(columns)


def _walk(comments, video, line, parent, rows):
    for c in comments or []:
        if not isinstance(c, dict):
            continue
        rows.append({
            "id": c.get("comment_id"),
            "time": c.get("create_time"),
            "author": c.get("username"),
            "text": c.get("comment"),
            "reply_to": parent,
            "reply_count": c.get("total_reply"),
            "conversation_id": video,
            "nickname": c.get("nickname"),
            "__line__": line,
        })
        _walk(c.get("replies"), video, line, c.get("username"), rows)


def from_records(records, report):
    import pandas as pd

    rows: list = []
    for line, rec in records:
        if isinstance(rec.get("comments"), list):
            m = _VIDEO.search(str(rec.get("video_url") or ""))
            _walk(rec["comments"], m.group(1) if m else rec.get("video_url"), line, None, rows)
        else:
            _walk([rec], None, line, None, rows)
    report.info["naive_times_read_as"] = "tz parameter"
    df = pd.DataFrame(rows) if rows else pd.DataFrame(columns=["id", "time", "text"])
    df["platform"] = "tiktok"
    return df


def from_table(raw, report):
    import pandas as pd

    draft = pd.DataFrame(index=raw.index)
    draft["id"] = raw["entry_id"] if "entry_id" in raw else None
    draft["time"] = raw["creation_timestamp"]
    draft["author"] = raw["author_username"]
    draft["text"] = raw["text_content"]
    if "parent_comment_id" in raw and "entry_id" in raw:
        by_id = dict(zip(raw["entry_id"], raw["author_username"]))
        draft["reply_to"] = raw["parent_comment_id"].map(by_id)
    if "comment_total_replies" in raw:
        draft["reply_count"] = raw["comment_total_replies"]
    if "video_id" in raw:
        draft["conversation_id"] = raw["video_id"]
    if "author_nickname" in raw:
        draft["nickname"] = raw["author_nickname"]
    draft["platform"] = "tiktok"
    draft["__line__"] = raw["__line__"]
    return draft
