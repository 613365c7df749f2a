"""Twitter API v2 JSON Lines as twarc2 writes it: raw response pages and flattened tweets.

* Pages (``twarc2 search``/``timeline``/``hydrate``/stream): one API response per line,
  ``{"data": [...], "includes": {"users", "tweets", ...}, "meta", "errors", "__twarc"}``;
  ``data`` is a single object in filtered-stream output. Author screen names come from
  ``includes.users`` (the author id is kept when the user is missing: suspended or
  deleted accounts), retweet full text from ``includes.tweets``.
* Flattened (``twarc2 flatten``): one tweet per line with ``author``,
  ``in_reply_to_user`` and full ``referenced_tweets`` objects inlined.

A retweet's own ``text`` is the truncated ``RT @user: ...``; it becomes
``RT @user: <full original text>`` when the original is available, with the original's
hashtags. ``note_tweet.text`` (long posts) replaces the truncated text when present.
"""

from __future__ import annotations

__all__ = ["is_page", "is_flat", "from_records"]


def is_page(rec: dict) -> bool:
    data = rec.get("data")
    if isinstance(data, dict):
        return "id" in data and "text" in data
    return isinstance(data, list) and (
        bool({"includes", "meta", "__twarc", "errors"} & rec.keys())
        or (bool(data) and isinstance(data[0], dict) and "created_at" in data[0])
    )


def is_flat(rec: dict) -> bool:
    return {"id", "text", "created_at"} <= rec.keys() and ("author_id" in rec or "__twarc" in rec) and "user" not in rec


def _entities(obj: dict):
    """Source entities; ``None`` for each when the tweet carries no entities object."""
    note = obj.get("note_tweet") or {}
    ent = note.get("entities") if note.get("text") else obj.get("entities")
    if not isinstance(ent, dict):
        return None, None, None
    tags = [h.get("tag") for h in ent.get("hashtags") or [] if isinstance(h, dict)]
    ments = [m.get("username") for m in ent.get("mentions") or [] if isinstance(m, dict)]
    urls = [u.get("unwound_url") or u.get("expanded_url") or u.get("url") for u in ent.get("urls") or [] if isinstance(u, dict)]
    return tags, ments, urls


def _text(obj: dict) -> str:
    note = obj.get("note_tweet") or {}
    return note.get("text") or obj.get("text") or ""


def _username(user) -> str | None:
    return user.get("username") if isinstance(user, dict) else None


def _row(t: dict, users: dict, tweets: dict, line: int, counts: dict) -> dict:
    author_id = t.get("author_id")
    author = _username(t.get("author")) or _username(users.get(author_id))
    if author is None and author_id is not None:
        counts["author_id"] += 1
        author = author_id
    text = _text(t)
    tags, ments, urls = _entities(t)
    refs = t.get("referenced_tweets") or []
    is_rt = False
    for ref in refs:
        if not isinstance(ref, dict) or ref.get("type") != "retweeted":
            continue
        is_rt = True
        orig = ref if "text" in ref else tweets.get(ref.get("id"))
        if orig:
            rt_user = _username(orig.get("author")) or _username(users.get(orig.get("author_id")))
            if rt_user:
                text = f"RT @{rt_user}: {_text(orig)}"
                o_tags, o_ments, o_urls = _entities(orig)
                tags, urls = o_tags, o_urls
                ments = None if o_ments is None else [rt_user, *o_ments]
                counts["rt_full"] += 1
    reply_uid = t.get("in_reply_to_user_id")
    reply_to = _username(t.get("in_reply_to_user")) or _username(users.get(reply_uid)) or reply_uid
    pm = t.get("public_metrics") or {}
    return {
        "id": t.get("id"),
        "time": t.get("created_at"),
        "author": author,
        "text": text,
        "hashtags": tags,
        "mentions": ments,
        "urls": urls,
        "reply_to": reply_to,
        "is_retweet": is_rt,
        "lang": t.get("lang"),
        "like_count": pm.get("like_count"),
        "retweet_count": pm.get("retweet_count"),
        "reply_count": pm.get("reply_count"),
        "quote_count": pm.get("quote_count"),
        "conversation_id": t.get("conversation_id"),
        "author_id": author_id,
        "__line__": line,
    }


def from_records(records, report):
    """Draft from ``(line, record)`` pairs of twarc2 pages and/or flattened tweets."""
    import pandas as pd

    users: dict = {}
    tweets: dict = {}
    rows = []
    counts = {"author_id": 0, "rt_full": 0}
    pages = errors = 0
    for line, rec in records:
        if "data" in rec:
            pages += 1
            inc = rec.get("includes") or {}
            users.update((u.get("id"), u) for u in inc.get("users") or [] if isinstance(u, dict))
            tweets.update((x.get("id"), x) for x in inc.get("tweets") or [] if isinstance(x, dict))
            errors += len(rec.get("errors") or [])
            data = rec["data"]
            for t in [data] if isinstance(data, dict) else data:
                if isinstance(t, dict):
                    rows.append(_row(t, users, tweets, line, counts))
        else:
            rows.append(_row(rec, users, tweets, line, counts))
    report.info["source_form"] = "pages" if pages else "flat"
    if pages:
        report.info["pages"] = pages
        report.info["api_errors"] = errors
    if counts["author_id"]:
        report.info["author_fallback"] = {"author_id": counts["author_id"]}
        report.note(
            f"read_posts(): no user object for the author of {counts['author_id']} of {len(rows)} tweets in "
            f"{report.name} (suspended, deleted or not expanded); their author_id is used as author."
        )
    return pd.DataFrame(rows) if rows else pd.DataFrame(columns=["id", "time", "text"])
