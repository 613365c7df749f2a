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
    note = _dict(obj.get("note_tweet"))
    ent = note.get("entities") if note.get("text") else obj.get("entities")
    if not isinstance(ent, dict):
        return None, None, None
    tags = [h.get("tag") for h in ent.get("hashtags") or [] if isinstance(h, dict)]
    ments = [m.get("username") for m in ent.get("mentions") or [] if isinstance(m, dict)]
    urls = [u.get("unwound_url") or u.get("expanded_url") or u.get("url") for u in ent.get("urls") or [] if isinstance(u, dict)]
    return tags, ments, urls


def _text(obj: dict) -> str:
    note = _dict(obj.get("note_tweet"))
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
    refs = t.get("referenced_tweets") if isinstance(t.get("referenced_tweets"), list) else []
    is_rt = False
    retweet_of = None
    for ref in refs:
        if not isinstance(ref, dict) or ref.get("type") != "retweeted":
            continue
        is_rt = True
        retweet_of = None if ref.get("id") is None else str(ref.get("id"))
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
    pm = _dict(t.get("public_metrics"))
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
        "retweet_of": retweet_of,
        "author_id": author_id,
        "__line__": line,
    }


def _dict(x) -> dict:
    return x if isinstance(x, dict) else {}


def _users_of(records) -> tuple[dict, dict, dict]:
    """First pass: every user object, every expanded tweet, and id -> username from
    mention entities and reply targets, over all pages (a later page may name the
    author of an earlier tweet)."""
    users: dict = {}
    tweets: dict = {}
    names: dict = {}
    for _, rec in records:
        if not isinstance(rec, dict):
            continue
        inc = _dict(rec.get("includes"))
        for u in inc.get("users") or [] if isinstance(inc.get("users"), list) else []:
            if isinstance(u, dict) and u.get("id") is not None:
                users[u.get("id")] = u
        for x in inc.get("tweets") or [] if isinstance(inc.get("tweets"), list) else []:
            if isinstance(x, dict):
                tweets[x.get("id")] = x
        data = rec.get("data", rec)
        for t in [data] if isinstance(data, dict) else (data if isinstance(data, list) else []):
            if not isinstance(t, dict):
                continue
            ent = _dict(t.get("entities"))
            for m in ent.get("mentions") or [] if isinstance(ent.get("mentions"), list) else []:
                if isinstance(m, dict) and m.get("id") and m.get("username"):
                    names.setdefault(str(m["id"]), m["username"])
            for key in ("author", "in_reply_to_user"):
                u = t.get(key)
                if isinstance(u, dict) and u.get("id") and u.get("username"):
                    names.setdefault(str(u["id"]), u["username"])
    return users, tweets, names


def from_records(records, report):
    """Draft from ``(line, record)`` pairs of twarc2 pages and/or flattened tweets.

    A record or tweet whose shape is not the API's (``includes`` or ``public_metrics``
    as a list, ``data`` holding strings...) is counted as a malformed record.
    """
    import pandas as pd

    users, tweets, names = _users_of(records)
    for uid, name in names.items():
        users.setdefault(uid, {"id": uid, "username": name})
    rows = []
    counts = {"author_id": 0, "rt_full": 0}
    pages = errors = 0
    for line, rec in records:
        try:
            if "data" in rec:
                pages += 1
                errors += len(rec.get("errors") or []) if isinstance(rec.get("errors"), list) else 0
                data = rec["data"]
                items = [data] if isinstance(data, dict) else data
                if not isinstance(items, list):
                    raise TypeError(f"'data' is a {type(data).__name__}")
                for t in items:
                    if isinstance(t, dict):
                        rows.append(_row(t, users, tweets, line, counts))
                    else:
                        report.bad_record(line, TypeError(f"a tweet is a {type(t).__name__}"))
            else:
                rows.append(_row(rec, users, tweets, line, counts))
        except (AttributeError, TypeError, KeyError, ValueError) as exc:
            report.bad_record(line, exc)
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
