"""Draft frame -> canonical posts: coerce dtypes, set aside malformed rows, fill
entities, dedupe, record what happened in ``posts.attrs``.

A *draft* is what a format reader returns: a DataFrame with canonical column names
holding raw values (time as strings or datetimes, ids as str/int, counts as strings,
entity columns either absent or holding lists, where ``None`` in a cell means "take the
entities from the text"), plus optional extra columns and the ``__line__`` column.
"""

from __future__ import annotations

import re

from ..exceptions import FormatError
from ._accounts import account_keys, infer_replies, resolve_author_ids
from ._entities import entity_lists, entity_table  # noqa: F401 (entity_lists: public helper)
from ._report import Report
from ._schema import (
    CANONICAL_COLUMNS,
    COUNT_COLUMNS,
    LIST_COLUMNS,
    blank_to_na,
    str_dtype,
    to_bool,
    to_count,
    to_id,
    to_str,
)
from ._tabular import LINE
from ._time import parse_times

__all__ = ["finalize", "clean_text", "entity_lists"]

_R_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4,8})>")


def _r_unescape(m: re.Match) -> str:
    try:
        return chr(int(m.group(1), 16))
    except (ValueError, OverflowError):
        return m.group(0)


def _clean_one(t: str) -> str:
    if "\r" in t:
        t = t.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in t:
        t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    if "<U+" in t:
        t = _R_ESCAPE.sub(_r_unescape, t)
    if "\\n" in t:
        t = t.replace("\\r\\n", "\n").replace("\\n", "\n")
    return t


def clean_text(values):
    """Vectorised, lossless clean-up of raw post text.

    CRLF -> LF; the HTML escapes the Twitter API puts in text (``&amp;``, ``&lt;``,
    ``&gt;``) unescaped; R's ``<U+0001F923>`` emoji escapes and literal ``\\n`` decoded.

    Examples
    --------
    >>> import pandas as pd
    >>> clean_text(pd.Series(["Macet &amp; panas\\r\\nbgt <U+0001F62D>", "baris\\\\nbaru"])).tolist()
    ['Macet & panas\\nbgt 😭', 'baris\\nbaru']
    """
    s = to_str(values)
    if not len(s):
        return s
    need = s.str.contains(r"[\r&]|<U\+|\\n", regex=True).fillna(False)
    if need.any():
        s = s.copy()
        s[need] = [_clean_one(t) for t in s[need].tolist()]
    return s


def _examples(values, lines, mask, k=3):
    vals = values[mask].head(k).tolist()
    if lines is None:
        return [repr(v) for v in vals]
    return [f"line {ln}: {v!r}" for ln, v in zip(lines[mask].head(k).tolist(), vals)]


def _na_str(index):
    import pandas as pd

    return pd.Series(pd.NA, index=index, dtype=str_dtype())


def _times(draft, report, bad, lines, *, source_tz, time_format, require_time):
    import pandas as pd

    if "time" not in draft.columns:
        return pd.Series(pd.NaT, index=draft.index, dtype="datetime64[ns, UTC]"), bad
    stats: dict = {}
    times, unparsed = parse_times(draft["time"], time_format=time_format, tz=source_tz, stats=stats)
    raw = draft["time"]
    far = pd.Series(False, index=draft.index)
    if stats.get("out_of_range_index"):
        far.loc[stats["out_of_range_index"]] = True
    if unparsed.any():
        # pandas 2.0 gives up on ISO dates past datetime64[ns] instead of flagging them: a
        # well-formed date whose year lies outside 1678-2261 is out of range, not unparseable
        year = raw[unparsed].astype(str).str.extract(r"^\s*(\d{4})-\d{1,2}-\d{1,2}", expand=False)
        year = pd.to_numeric(year, errors="coerce")
        outside = (year < 1678) | (year > 2261)
        far.loc[outside[outside].index] = True
    report.drop("time out of range", int((far & ~bad).sum()), _examples(raw, lines, far & ~bad))
    unparsed = unparsed & ~far
    report.drop("unparseable time", int((unparsed & ~bad).sum()), _examples(raw, lines, unparsed & ~bad))
    bad = bad | unparsed | far
    if require_time:
        nat = times.isna() & ~bad
        report.drop("missing time", int(nat.sum()), _examples(draft.get("text", raw), lines, nat))
        bad = bad | nat
    if stats.get("naive"):
        report.info["naive_times"] = stats["naive"]
        report.info["source_tz"] = source_tz or "UTC (assumed)"
        if source_tz is None:
            report.note(
                f"read_posts(): {stats['naive']} timestamps of {report.name} carry no time zone and were read "
                f"as UTC. If they are local time, pass source_tz='Asia/Jakarta' (WIB), 'Asia/Makassar' (WITA) "
                f"or 'Asia/Jayapura' (WIT); pass source_tz='UTC' to confirm UTC and silence this warning."
            )
    if stats.get("slash_dates") and len(stats["slash_dates"]) > 1:
        report.info["slash_dates"] = stats["slash_dates"]
        report.note(
            f"read_posts(): {report.name} mixes month-first and day-first slash dates "
            f"({stats['slash_dates']}); each value was read in the order that parses it, ambiguous ones "
            f"(both numbers <= 12) in the majority order. Pass time_format= to decide."
        )
    return times, bad


def _counts(draft, keep, report, index):
    import pandas as pd

    bad_counts: dict[str, int] = {}
    out = {}
    for col in COUNT_COLUMNS:
        if col not in draft.columns:
            out[col] = pd.Series(pd.NA, index=index, dtype="Int64")
            continue
        found: list = []
        out[col] = to_count(draft[col][keep], report_bad=lambda n, ex: found.append((n, ex)))
        if found:
            bad_counts[col] = sum(n for n, _ in found)
            report.examples.setdefault(f"count:{col}", []).extend(found[0][1])
    if bad_counts:
        report.info["unreadable_counts"] = bad_counts
        ex = [e for c in bad_counts for e in report.examples.get(f"count:{c}", [])][:3]
        report.note(
            f"read_posts(): {sum(bad_counts.values())} engagement counts of {report.name} are not counts "
            f"({bad_counts}; e.g. {', '.join(ex)}): negative, non-finite, beyond int64 or not a number; "
            f"they are missing (<NA>) in the posts."
        )
    return out


def _accounts(draft, keep, out, report):
    """author / author_name / reply_to with one identity, ids resolved, replies inferred."""
    if "author" in draft.columns:
        author, author_name = account_keys(draft["author"][keep])
    else:
        author = author_name = _na_str(out.index)
    reply = account_keys(draft["reply_to"][keep])[0] if "reply_to" in draft.columns else _na_str(out.index)
    conv = blank_to_na(draft["conversation_id"][keep]) if "conversation_id" in draft.columns else None
    aid = blank_to_na(draft["author_id"][keep]) if "author_id" in draft.columns else None
    if conv is not None and conv.isna().all():
        conv = None
    reply, sources = infer_replies(reply, out["text"], out["id"], conv,
                                   has_reply_column="reply_to" in draft.columns)
    report.info["replies"] = sources
    author, author_name, res = resolve_author_ids(author, author_name, aid, conv, out["id"], reply)
    fallback = report.info.get("author_fallback")
    if res["same_id"] or res["conversation_root"] or (fallback and res["unresolved_posts"]):
        report.info["author_ids"] = res
    if res["unresolved_posts"] and fallback:
        report.note(
            f"read_posts(): {res['unresolved_posts']} posts of {report.name} by {res['unresolved_accounts']} "
            f"accounts have a numeric user id as author: the file names no handle for them "
            f"({res['same_id'] + res['conversation_root']} posts were resolved from other rows and "
            f"conversation roots). Mentions and replies of those accounts name handles, so they may "
            f"appear twice in graphs; attrs['author_ids'] has the counts."
        )
    out["author"] = author.astype(str_dtype())
    return author_name.astype(str_dtype()), reply.astype(str_dtype())


def finalize(draft, report: Report, *, errors: str, dedupe: bool, source_tz, time_format,
             platform: str, source_format: str, require_time: bool = True):
    """Turn a draft into canonical posts; return ``(posts, messages)`` to warn about."""
    import pandas as pd

    n0 = len(draft) + report.n_dropped
    draft = draft.reset_index(drop=True)
    lines = draft[LINE] if LINE in draft.columns else None
    bad = pd.Series(False, index=draft.index)

    # ids
    if "id" in draft.columns:
        ids, mangled = to_id(draft["id"])
        missing = ids.isna()
        report.drop("rows without id", int(missing.sum()), _examples(draft.get("text", ids), lines, missing))
        bad |= missing
    else:
        ids = pd.Series(
            (lines if lines is not None else pd.Series(range(1, len(draft) + 1))).astype("str"),
            index=draft.index,
        ).radd("row-").astype(str_dtype())
        mangled = pd.Series(False, index=draft.index)
        report.info["id_source"] = "row number (the source has no id column)"

    times, bad = _times(draft, report, bad, lines, source_tz=source_tz, time_format=time_format,
                        require_time=require_time)

    # text
    text = clean_text(draft["text"]) if "text" in draft.columns else pd.Series("", index=draft.index, dtype=str_dtype())
    n_empty = int((text.str.strip().str.len() == 0).sum()) if len(text) else 0
    if n_empty:
        report.info["empty_text"] = n_empty

    total = n0
    if report.n_dropped and errors == "raise":
        raise FormatError(
            report.dropped_message(total)
            + ". Pass errors='warn' to drop them with a warning, or errors='skip' to drop them quietly."
        )

    keep = ~bad
    if bool(keep.all()):
        keep = slice(None)  # every row kept: select without copying each column
    out = pd.DataFrame(index=draft.index[keep])
    out["id"] = ids[keep].astype(str_dtype())
    out["time"] = times[keep].astype("datetime64[ns, UTC]")
    out["author"] = _na_str(out.index)
    out["text"] = text[keep]
    author_name, reply_to = _accounts(draft, keep, out, report)
    given = {kind: draft[kind][keep] for kind in LIST_COLUMNS if kind in draft.columns}
    for kind, values in zip(LIST_COLUMNS, entity_table(out["text"], given)):
        out[kind] = values
    out["reply_to"] = reply_to
    if "is_retweet" in draft.columns:
        out["is_retweet"] = to_bool(draft["is_retweet"][keep])
    else:
        out["is_retweet"] = out["text"].str.startswith("RT @").fillna(False).astype(bool)
    out["lang"] = blank_to_na(draft["lang"][keep]) if "lang" in draft.columns else _na_str(out.index)
    for col, values in _counts(draft, keep, report, out.index).items():
        out[col] = values
    if "platform" in draft.columns:
        out["platform"] = blank_to_na(draft["platform"][keep]).fillna(platform).str.lower()
    else:
        out["platform"] = platform
    out["platform"] = out["platform"].astype(str_dtype())
    if "source_format" in draft.columns:  # canonical posts read again keep theirs
        out["source_format"] = blank_to_na(draft["source_format"][keep]).fillna(source_format)
    else:
        out["source_format"] = pd.Series(source_format, index=out.index, dtype=str_dtype())
    out["author_name"] = author_name
    extras = [c for c in draft.columns if c not in CANONICAL_COLUMNS and c not in (LINE, "author_name")]
    for c in extras:
        col = draft[c][keep]
        if col.dtype == object or str(col.dtype) == "str":
            if str(col.dtype) == "str":
                col = col.mask(col.str.len() == 0)
            else:
                vals = [None if v is None or v == "" or v != v else v for v in col.tolist()]
                kind = str_dtype() if all(v is None or v.__class__ is str for v in vals) else object
                col = pd.Series(vals, index=col.index, dtype=kind)
        out[c] = col

    messages = []
    if report.n_dropped and errors == "warn":
        messages.append(report.dropped_message(total) + ". Pass errors='raise' to stop instead.")
    n_mangled = int(mangled[keep].sum())
    if n_mangled:
        ex = ids[keep][mangled[keep]].head(3).tolist()
        messages.append(
            f"read_posts(): {n_mangled} ids in {report.name} look mangled by a spreadsheet or a float "
            f"conversion (e.g. {ex}): their last digits are lost, so they cannot be matched to the "
            f"real posts and may collide. Re-export the ids as text."
        )
    dup = out["id"].duplicated()
    n_dup = int(dup.sum())
    if dedupe and n_dup:
        out = out[~dup]
        messages.append(f"read_posts(): dropped {n_dup} rows of {report.name} whose id was already seen (dedupe=True).")
    elif n_dup and "id_source" not in report.info:
        messages.append(
            f"read_posts(): {n_dup} rows of {report.name} repeat an id seen earlier; "
            f"pass dedupe=True to drop them."
        )
    messages.extend(report.notes)
    out = out.reset_index(drop=True)
    attrs = {
        "source": report.source,
        "format": source_format,
        "platform": platform,
        "rows_read": int(total),
        "rows_dropped": dict(report.dropped),
        "rows": int(len(out)),
        "duplicates": n_dup,
        "duplicates_dropped": n_dup if dedupe else 0,
        "mangled_ids": n_mangled,
    }
    attrs.update(report.info)
    attrs["notes"] = list(messages)
    out.attrs = attrs
    return out, messages
