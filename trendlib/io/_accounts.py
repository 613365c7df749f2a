"""One identity per account, and replies the source did not write down.

Why: graphs, counts and coordination join posts on accounts. If ``posts.author``
keeps ``KemluRI`` while a mention says ``kemluri``, or a scrape gives numeric user ids
as authors while replies name handles, one person becomes two nodes. So every account
column holds :func:`trendlib._keys.account_key` (handle, lowercased, no ``@``), the
handle as written stays in ``author_name``, and numeric author ids are resolved to
handles from whatever else the file says.

Replies: many exports have no reply column. Twitter writes a reply's text with the
leading run of ``@handles`` of the conversation, the replied-to account first (on the
real tweet-harvest files of the data home, whenever ``in_reply_to_screen_name`` is in
that run it is its first handle: 7,389 of 7,389 posts), and gives it a conversation id
different from its own id.
"""

from __future__ import annotations

__all__ = ["account_keys", "resolve_author_ids", "infer_replies", "LEADING_MENTIONS"]

#: the leading run of @handles Twitter writes at the start of a reply
LEADING_MENTIONS = r"^(?:\.?@([A-Za-z0-9_]{1,50})[\s,:]+)(?:@[A-Za-z0-9_]{1,50}[\s,:]+)*"


def account_keys(values):
    """Series of handles -> (keys, display names): stripped, ``@`` removed; keys lowercased.

    Vectorised form of :func:`trendlib._keys.account_key`.

    Examples
    --------
    >>> import pandas as pd
    >>> keys, names = account_keys(pd.Series(["@KemluRI", " Setkab ", None]))
    >>> keys.tolist(), names.tolist()
    (['kemluri', 'setkab', nan], ['KemluRI', 'Setkab', nan])
    """
    from ._schema import blank_to_na

    names = blank_to_na(values)
    if names.str.startswith("@").fillna(False).any():
        names = blank_to_na(names.str.lstrip("@"))
    return names.str.lower(), names


def resolve_author_ids(author, author_name, author_id, conversation_id, ids, reply_to):
    """Replace numeric author ids by handles where the same file says which handle it is.

    Two sources, in order: (1) rows of the same ``author_id`` that do carry a handle;
    (2) conversation roots: a post whose id is a conversation id is the root; replies in
    that conversation name the replied-to account in ``reply_to``, and when at least two
    replies agree and they are two thirds of the votes, that handle is the root
    author's. Returns ``(author, author_name, counts)``; ``counts`` says how many posts
    were resolved by which source and how many authors stay ids.
    """
    counts = {"same_id": 0, "conversation_root": 0, "unresolved_posts": 0, "unresolved_accounts": 0}
    if author_id is None:
        return author, author_name, counts
    aid = author_id.astype("str")
    is_id = author.notna() & (author == aid)
    if not is_id.any():
        return author, author_name, counts
    known = (~is_id) & author.notna() & aid.notna()
    table = dict(zip(aid[known].tolist(), author_name[known].tolist()))
    roots_found: dict = {}
    # (2) conversation roots: only the replies and the posts they point at reach Python
    if conversation_id is not None and reply_to is not None:
        rep = (conversation_id.notna() & reply_to.notna() & (conversation_id != ids)).fillna(False)
        if rep.any():
            conv_r = conversation_id[rep].tolist()
            reply_r = reply_to[rep].tolist()
            needed = set(conv_r)
            is_root = ids.isin(list(needed)) if len(needed) < 50_000 else ids.map(lambda i: i in needed)
            is_root = is_root.fillna(False).astype(bool)
            root_uid: dict = {}
            for i, a in zip(ids[is_root].tolist(), aid[is_root].tolist()):
                if a.__class__ is str:
                    root_uid.setdefault(i, a)
            votes: dict = {}
            for c, r in zip(conv_r, reply_r):
                u = root_uid.get(c)
                if u is not None and u not in table:
                    tally = votes.setdefault(u, {})
                    tally[r] = tally.get(r, 0) + 1
            for uid, tally in votes.items():
                handle, n = max(tally.items(), key=lambda kv: kv[1])
                if n >= 2 and n >= sum(tally.values()) * 2 / 3:
                    roots_found[uid] = handle
    if not table and not roots_found:
        counts["unresolved_posts"] = int(is_id.sum())
        counts["unresolved_accounts"] = int(aid[is_id].nunique())
        return author, author_name, counts
    ids_only = aid[is_id].astype(object)
    same = ids_only.map(table)
    root = ids_only.map(roots_found).where(same.isna())
    counts["same_id"] = int(same.notna().sum())
    counts["conversation_root"] = int(root.notna().sum())
    names = same.astype(object).where(same.notna(), root.astype(object)).dropna()
    author_name = author_name.copy()
    author = author.copy()
    idx = names.index
    author_name.loc[idx] = names.astype(str).values
    author.loc[idx] = names.astype(str).str.lower().values
    still = is_id.copy()
    still.loc[idx] = False
    counts["unresolved_posts"] = int(still.sum())
    counts["unresolved_accounts"] = int(aid[still].nunique())
    return author, author_name, counts


def infer_replies(reply_to, text, ids, conversation_id, *, has_reply_column: bool):
    """Fill ``reply_to`` (account keys) where the source lacks it; return (reply_to, sources).

    * ``reply column``: the source's own reply target;
    * ``conversation id``: a conversation id different from the post id, target = the
      first handle of the text's leading ``@`` run (or missing when there is none:
      still counted, the post is a reply to someone unknown);
    * ``leading mentions``: only for sources with neither a reply column nor
      conversation ids, a text that starts with a run of ``@handles`` (not a retweet).
    """
    sources: dict[str, int] = {}
    reply = reply_to.copy()
    have = reply.notna()
    if has_reply_column and have.any():
        sources["reply column"] = int(have.sum())
    starts = text.str.startswith("@").fillna(False) | text.str.startswith(".@").fillna(False)
    lead = reply.copy()
    lead[:] = None
    if starts.any():
        lead[starts] = text[starts].str.extract(LEADING_MENTIONS, expand=False).str.lower()
    if conversation_id is not None:
        conv = conversation_id.astype("str")
        is_reply = conv.notna() & (conv != ids) & ~have
        if is_reply.any():
            fill = is_reply & lead.notna()
            reply = reply.mask(fill, lead)
            sources["conversation id"] = int(is_reply.sum())
            if int((is_reply & ~fill).sum()):
                sources["conversation id (target unknown)"] = int((is_reply & ~fill).sum())
    elif not has_reply_column:
        fill = lead.notna() & ~have & ~text.str.startswith("RT @")
        if fill.any():
            reply = reply.mask(fill, lead)
            sources["leading mentions"] = int(fill.sum())
    return reply.astype(reply_to.dtype) if len(reply) else reply, {k: v for k, v in sources.items() if v} or {}
