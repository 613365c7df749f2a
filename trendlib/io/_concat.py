"""Several posts frames (one per file) -> one, with a ``source_file`` column and summed attrs."""

from __future__ import annotations

import os
import warnings

from ._report import ReadWarning

__all__ = ["concat_posts"]


def concat_posts(frames, names, *, dedupe: bool = False, source: str = "", stacklevel: int = 3):
    """Concatenate posts read from ``names`` (one frame each).

    ``attrs``: ``rows_read``, ``rows`` and ``rows_dropped`` summed, ``format`` (one name or
    the sorted list), ``duplicates`` across all files, per-file attrs under ``files``.
    With ``dedupe=True`` ids seen in an earlier file are dropped too (and reported).

    Examples
    --------
    >>> import trendlib
    >>> a = trendlib.read_posts([{"id": "1", "created_at": "2023-09-05T02:00:00Z", "text": "halo"}])
    >>> b = trendlib.read_posts([{"id": "2", "created_at": "2023-09-05T03:00:00Z", "text": "hai"}])
    >>> both = concat_posts([a, b], ["a.jsonl", "b.jsonl"])
    >>> both["source_file"].tolist(), both.attrs["rows_read"]
    (['a.jsonl', 'b.jsonl'], 2)
    """
    import pandas as pd

    per_file = {}
    parts = []
    for frame, name in zip(frames, names):
        label = os.path.basename(os.fspath(name)) or os.fspath(name)
        frame = frame.copy()
        frame["source_file"] = label
        per_file[label] = dict(frame.attrs)
        parts.append(frame)
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    dup = out["id"].duplicated()
    n_dup = int(dup.sum())
    dropped_dup = sum(a.get("duplicates_dropped", 0) for a in per_file.values())
    if dedupe and n_dup:
        out = out[~dup].reset_index(drop=True)
        dropped_dup += n_dup
        warnings.warn(
            f"read_posts(): dropped {n_dup} rows whose id was already seen in an earlier file (dedupe=True).",
            ReadWarning, stacklevel=stacklevel,
        )
    dropped: dict[str, int] = {}
    for a in per_file.values():
        for reason, n in a.get("rows_dropped", {}).items():
            dropped[reason] = dropped.get(reason, 0) + n
    formats = sorted({a.get("format", "?") for a in per_file.values()})
    out.attrs = {
        "source": source or [str(a.get("source")) for a in per_file.values()],
        "format": formats[0] if len(formats) == 1 else formats,
        "rows_read": sum(a.get("rows_read", 0) for a in per_file.values()),
        "rows": len(out),
        "rows_dropped": dropped,
        "duplicates": n_dup + sum(a.get("duplicates_dropped", 0) for a in per_file.values()),
        "duplicates_dropped": dropped_dup,
        "mangled_ids": sum(a.get("mangled_ids", 0) for a in per_file.values()),
        "files": per_file,
    }
    return out
