"""Several posts frames (one per file) -> one, with a ``source_file`` column and summed attrs.

Files are keyed by the path as given, not the base name: ``a/data.csv`` and
``c/data.csv`` are two files, and a file listed twice is counted twice (``"path (2)"``).
``source_file`` holds the base name when base names are unique, else the path.
"""

from __future__ import annotations

import os
import warnings

from ._report import ReadWarning

__all__ = ["concat_posts", "file_labels"]


def file_labels(names) -> list[str]:
    """One distinct label per file: base names when unique, else paths; repeats numbered.

    Examples
    --------
    >>> file_labels(["a/data.csv", "c/data.csv", "b/x.csv"])
    ['a/data.csv', 'c/data.csv', 'b/x.csv']
    >>> file_labels(["a/x.csv", "a/y.csv", "a/x.csv"])
    ['x.csv', 'y.csv', 'x.csv (2)']
    """
    paths = [os.fspath(n) for n in names]
    bases = [os.path.basename(p) or p for p in paths]
    distinct_paths = set(paths)
    use_base = len({os.path.basename(p) or p for p in distinct_paths}) == len(distinct_paths)
    out, seen = [], {}
    for p, b in zip(paths, bases):
        label = b if use_base else p
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def concat_posts(frames, names, *, dedupe: bool = False, source: str = "", stacklevel: int = 3, warn: bool = True):
    """Concatenate posts read from ``names`` (one frame each).

    ``attrs``: ``rows_read``, ``rows`` and ``rows_dropped`` summed, ``format`` (one name or
    the sorted list), ``duplicates`` across all files, per-file attrs under ``files``
    (keyed as :func:`file_labels`). With ``dedupe=True`` ids seen in an earlier file are
    dropped too (and reported).

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
    for frame, label in zip(frames, file_labels(names)):
        frame = frame.copy()
        frame["source_file"] = label
        per_file[label] = dict(frame.attrs)
        parts.append(frame)
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    dup = out["id"].duplicated()
    n_dup = int(dup.sum())
    dropped_dup = sum(a.get("duplicates_dropped", 0) for a in per_file.values())
    cross = 0
    if dedupe and n_dup:
        out = out[~dup].reset_index(drop=True)
        dropped_dup += n_dup
        cross = n_dup
        if warn:
            warnings.warn(
                f"read_posts(): dropped {n_dup} rows whose id was already seen in an earlier file (dedupe=True).",
                ReadWarning, stacklevel=stacklevel,
            )
    dropped: dict[str, int] = {}
    replies: dict[str, int] = {}
    for a in per_file.values():
        for reason, n in a.get("rows_dropped", {}).items():
            dropped[reason] = dropped.get(reason, 0) + n
        for how, n in (a.get("replies") or {}).items():
            replies[how] = replies.get(how, 0) + n
    formats = sorted({str(a.get("format", "?")) for a in per_file.values()})
    out.attrs = {
        "source": source or [str(a.get("source")) for a in per_file.values()],
        "format": formats[0] if len(formats) == 1 else formats,
        "rows_read": sum(a.get("rows_read", 0) for a in per_file.values()),
        "rows": len(out),
        "rows_dropped": dropped,
        "duplicates": n_dup + sum(a.get("duplicates_dropped", 0) for a in per_file.values()),
        "duplicates_dropped": dropped_dup,
        "cross_file_duplicates_dropped": cross,
        "mangled_ids": sum(a.get("mangled_ids", 0) for a in per_file.values()),
        "naive_times": sum(a.get("naive_times", 0) for a in per_file.values()),
        "replies": replies,
        "files": per_file,
    }
    return out
