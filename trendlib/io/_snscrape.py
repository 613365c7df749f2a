"""snscrape JSON Lines (``snscrape --jsonl twitter-search ...``), all generations.

* 0.3.x: no ``_type``, text in ``content``, links in ``outlinks``, no ``hashtags`` key;
* 0.4.x: ``_type`` + ``content``; ``hashtags``, ``inReplyToUser``;
* 0.5+ / 0.6 (late 2022): ``rawContent`` (``content`` only as a deprecated alias or not at
  all), ``links`` objects.

The author is ``user.username``. ``retweetedTweet`` (when present) marks a retweet and
gives its full text.
"""

from __future__ import annotations

__all__ = ["is_snscrape", "from_records"]


def is_snscrape(rec: dict) -> bool:
    t = str(rec.get("_type", ""))
    if t.startswith("snscrape."):
        return True
    return "date" in rec and isinstance(rec.get("user"), dict) and bool({"rawContent", "content"} & rec.keys())


def _text(r: dict) -> str:
    return r.get("rawContent") or r.get("content") or r.get("renderedContent") or ""


def _user(u) -> str | None:
    return u.get("username") if isinstance(u, dict) else None


def _tags(r: dict):
    """The ``hashtags`` list; None (take them from the text) when absent or not a list
    (a string ``"abc"`` would otherwise become ``['a', 'b', 'c']``)."""
    tags = r.get("hashtags")
    if "hashtags" not in r or not isinstance(tags, (list, type(None))):
        return None
    return [t for t in tags or [] if isinstance(t, str)]


def _row(r: dict, line: int) -> dict:
    user = r.get("user")
    if not isinstance(user, dict):
        raise TypeError(f"'user' is a {type(user).__name__}, not an object")
    text = _text(r)
    if not isinstance(text, str):
        raise TypeError(f"the text is a {type(text).__name__}")
    rt = r.get("retweetedTweet")
    tags = _tags(r)
    mu = r.get("mentionedUsers")
    ments = [_user(m) for m in mu or []] if isinstance(mu, (list, type(None))) and "mentionedUsers" in r else None
    if "links" in r:
        urls = [(x.get("url") if isinstance(x, dict) else x) for x in r.get("links") or []]
    elif "outlinks" in r:
        urls = list(r.get("outlinks") or [])
    else:
        urls = None
    if isinstance(rt, dict) and _user(rt.get("user")):
        text = f"RT @{_user(rt['user'])}: {_text(rt)}"
        tags = _tags(rt)
        ments = None  # re-extract from the rebuilt text
    return {
        "id": r.get("id") if r.get("id") is None else str(r.get("id")),
        "time": r.get("date"),
        "author": _user(user),
        "text": text,
        "hashtags": tags,
        "mentions": ments,
        "urls": urls,
        "reply_to": _user(r.get("inReplyToUser")),
        "is_retweet": isinstance(rt, dict),
        "lang": r.get("lang"),
        "like_count": r.get("likeCount"),
        "retweet_count": r.get("retweetCount"),
        "reply_count": r.get("replyCount"),
        "quote_count": r.get("quoteCount"),
        "conversation_id": None if r.get("conversationId") is None else str(r.get("conversationId")),
        "retweet_of": str(rt["id"]) if isinstance(rt, dict) and rt.get("id") is not None else None,
        "author_id": None if user.get("id") is None else str(user.get("id")),
        "url": r.get("url"),
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
    gen = "rawContent" if any("rawContent" in r for _, r in records[:5]) else "content"
    report.info["snscrape_text_key"] = gen
    return pd.DataFrame(rows) if rows else pd.DataFrame(columns=["id", "time", "text"])
