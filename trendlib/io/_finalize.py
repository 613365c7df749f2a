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
_DOMAIN = re.compile(r"\.[A-Za-z]{2}")


def _maybe_hashtag(t: str) -> bool:
    return "#" in t or "＃" in t


def _maybe_mention(t: str) -> bool:
    return "@" in t or "＠" in t


def _maybe_url(t: str) -> bool:
    return "http" in t or "HTTP" in t or "www." in t or _DOMAIN.search(t) is not None


# cheap tests run before the text functions: a text failing its test has no such entity
_MAYBE = {"hashtags": _maybe_hashtag, "mentions": _maybe_mention, "urls": _maybe_url}


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
    import pandas as pd

    s = to_str(values)
    return pd.Series([_clean_one(t) for t in s.tolist()], index=s.index, dtype=str_dtype())


def _text_functions():
    from .. import text as _text

    return {"hashtags": _text.hashtags, "mentions": _text.mentions, "urls": _text.urls}


def _norm_entity(kind: str, items) -> list:
    if kind == "urls":
        return [x.strip() for x in items if isinstance(x, str) and x.strip()]
    marks = "#＃" if kind == "hashtags" else "@＠"
    out = []
    for x in items:
        if x is None:
            continue
        x = str(x).strip().lstrip(marks).lower()
        if x:
            out.append(x)
    return out


def entity_lists(texts, given=None, *, kind: str):
    """Lists of hashtags / mentions / urls, one per post.

    Cells of ``given`` that hold a list (the source's own entities) are kept, normalised
    (lowercase, no ``#``/``@`` for tags and mentions); the others are extracted from the
    text with :func:`trendlib.text.hashtags` (``mentions``, ``urls``), once per
    distinct text and only for texts that contain the marker.

    Examples
    --------
    >>> import pandas as pd
    >>> entity_lists(pd.Series(["Macet! #KTTASEAN2023 #asean", "halo"]), kind="hashtags").tolist()
    [['kttasean2023', 'asean'], []]
    """
    import pandas as pd

    texts_l = texts.tolist()
    out: list = [None] * len(texts_l)
    if given is not None:
        for i, v in enumerate(given.tolist()):
            if isinstance(v, (list, tuple)):
                out[i] = _norm_entity(kind, v)
    maybe = _MAYBE[kind]
    fn = None
    found: dict = {}
    for i, t in enumerate(texts_l):
        if out[i] is not None:
            continue
        if not maybe(t):
            out[i] = []
            continue
        if t not in found:
            if fn is None:
                fn = _text_functions()[kind]
            found[t] = fn(t)  # trendlib.text returns lowercase entities without # / @
        out[i] = list(found[t])
    return pd.Series(out, index=texts.index, dtype=object)


def _examples(values, lines, mask, k=3):
    vals = values[mask].head(k).tolist()
    if lines is None:
        return [repr(v) for v in vals]
    return [f"line {ln}: {v!r}" for ln, v in zip(lines[mask].head(k).tolist(), vals)]


def finalize(draft, report: Report, *, errors: str, dedupe: bool, tz: str, time_format,
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
        ).radd("row-")
        mangled = pd.Series(False, index=draft.index)
        report.info["id_source"] = "row number (the source has no id column)"

    # time
    if "time" in draft.columns:
        times, unparsed = parse_times(draft["time"], time_format=time_format, tz=tz)
        raw = draft["time"]
        report.drop("unparseable time", int((unparsed & ~bad).sum()), _examples(raw, lines, unparsed & ~bad))
        bad |= unparsed
        if require_time:
            nat = times.isna() & ~bad
            report.drop("missing time", int(nat.sum()), _examples(draft.get("text", raw), lines, nat))
            bad |= nat
    else:
        times = pd.Series(pd.NaT, index=draft.index, dtype="datetime64[ns, UTC]")

    # text
    text = clean_text(draft["text"]) if "text" in draft.columns else pd.Series("", index=draft.index, dtype=str_dtype())
    n_empty = sum(1 for t in text.tolist() if not t.strip())
    if n_empty:
        report.info["empty_text"] = n_empty

    total = n0
    if report.n_dropped and errors == "raise":
        raise FormatError(
            report.dropped_message(total)
            + ". Pass errors='warn' to drop them with a warning, or errors='skip' to drop them quietly."
        )

    keep = ~bad
    out = pd.DataFrame(index=draft.index[keep])
    out["id"] = ids[keep].astype("str")
    out["time"] = times[keep].astype("datetime64[ns, UTC]")
    if "author" in draft.columns:
        author = blank_to_na(draft["author"][keep])
        if author.str.startswith("@").any():
            author = author.str.lstrip("@")
        out["author"] = author
    else:
        out["author"] = pd.Series(pd.NA, index=out.index, dtype=str_dtype())
    out["text"] = text[keep]
    for kind in LIST_COLUMNS:
        given = draft[kind][keep] if kind in draft.columns else None
        out[kind] = entity_lists(out["text"], given, kind=kind)
    out["reply_to"] = (
        blank_to_na(draft["reply_to"][keep]).str.lstrip("@") if "reply_to" in draft.columns
        else pd.Series(pd.NA, index=out.index, dtype=str_dtype())
    )
    if "is_retweet" in draft.columns:
        out["is_retweet"] = to_bool(draft["is_retweet"][keep])
    else:
        out["is_retweet"] = pd.Series([t.startswith("RT @") for t in out["text"].tolist()], index=out.index, dtype=bool)
    out["lang"] = blank_to_na(draft["lang"][keep]) if "lang" in draft.columns else pd.Series(pd.NA, index=out.index, dtype=str_dtype())
    for col in COUNT_COLUMNS:
        out[col] = to_count(draft[col][keep]) if col in draft.columns else pd.Series(pd.NA, index=out.index, dtype="Int64")
    if "platform" in draft.columns:
        out["platform"] = blank_to_na(draft["platform"][keep]).fillna(platform).str.lower()
    else:
        out["platform"] = platform
    out["platform"] = out["platform"].astype(str_dtype())
    if "source_format" in draft.columns:  # canonical posts read again keep theirs
        out["source_format"] = blank_to_na(draft["source_format"][keep]).fillna(source_format)
    else:
        out["source_format"] = pd.Series(source_format, index=out.index, dtype=str_dtype())
    extras = [c for c in draft.columns if c not in CANONICAL_COLUMNS and c != LINE]
    for c in extras:
        col = draft[c][keep]
        if col.dtype == object or str(col.dtype) == "str":
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
