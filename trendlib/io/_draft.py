"""One file's posts, from raw rows or JSON records to canonical columns (internal).

Why its own module: the whole-file reader (``_read``) and the chunked reader (``_chunks``)
run the same per-file pipeline — registry lookup, column overrides, finalisation — and
each imports it from here, so neither imports the other.
"""

from __future__ import annotations

from ..exceptions import FormatError, SchemaError
from ._detect import RECORD_FORMATS, detect_records, detect_table
from ._finalize import finalize
from ._registry import REGISTRY
from ._tabular import LINE

__all__ = ["table_draft", "records_draft", "finish"]


def _override(draft, raw, given, report):
    """Column keyword arguments win over a named format's own mapping."""
    from . import _generic

    cols = [c for c in raw.columns if c != LINE]
    for canon, col in given.items():
        if col is None:
            continue
        if col is False:
            draft = draft.drop(columns=[canon], errors="ignore")
            continue
        wanted = list(col) if isinstance(col, (list, tuple)) else [col]
        missing = [w for w in wanted if w not in cols]
        if missing:
            raise SchemaError(
                f"read_posts(): the {canon!r} column {missing[0]!r} is not in {report.name}. "
                f"Available: {[str(c) for c in cols]}."
            )
        draft[canon] = raw[wanted[0]] if len(wanted) == 1 else _generic.join_columns(raw, wanted)
    return draft


def table_draft(raw, fmt, report, given):
    """Raw table of strings -> draft, through the registry."""
    cols = [str(c) for c in raw.columns if c != LINE]
    if fmt == "auto":
        fmt = detect_table(cols)
    spec = REGISTRY[fmt]
    if spec.kind == "records":
        raise FormatError(f"read_posts(): format={fmt!r} needs JSON records; {report.name} is a table")
    if fmt != "generic" and not spec.detect(cols):
        raise SchemaError(
            f"read_posts(): {report.name} is not a {fmt} table: expected columns {list(spec.required)}; "
            f"got {cols}."
        )
    draft = spec.read(raw, report, given)
    if fmt not in ("generic", "twitter-r"):
        draft = _override(draft, raw, given, report)
    if LINE in raw.columns and LINE not in draft.columns:
        draft[LINE] = raw[LINE]
    return draft, fmt


def records_draft(records, fmt, report, given):
    """JSON records -> draft, through the registry (generic records become a table)."""
    import pandas as pd

    if fmt == "auto":
        fmt = detect_records(records)
    if fmt in RECORD_FORMATS:
        draft = REGISTRY["twarc2" if fmt == "twarc2-flat" else fmt].read(records, report, given)
        if fmt in ("twarc2", "twarc2-flat"):
            fmt = "twarc2" if report.info.get("source_form") == "pages" else "twarc2-flat"
        return draft, fmt
    try:
        raw = pd.json_normalize([r for _, r in records], max_level=3) if records else pd.DataFrame()
    except (RecursionError, TypeError, AttributeError) as exc:
        raise FormatError(f"read_posts(): {report.name} holds records that cannot be flattened ({exc})") from None
    raw[LINE] = [line for line, _ in records]
    return table_draft(raw, "generic" if fmt == "generic" else fmt, report, given)


def _platform(fmt: str, platform) -> str:
    return platform or REGISTRY.get(fmt, REGISTRY["generic"]).platform


def finish(draft, fmt, report, opts):
    source_format = fmt
    if fmt == "posts" and "source_format" in draft.columns and len(draft):
        source_format = str(draft["source_format"].iloc[0])
    plat = _platform(fmt, opts["platform"])
    if opts["platform"] is not None and "platform" in draft.columns and fmt != "posts":
        draft = draft.drop(columns="platform")
    return finalize(
        draft, report, errors=opts["errors"], dedupe=opts["dedupe"], source_tz=opts["source_tz"],
        time_format=opts["time_format"], platform=plat, source_format=source_format,
        require_time=opts["given"].get("time") is not False,
    )
