"""``read_posts(..., chunksize=N)``: canonical frames of at most N posts, one at a time.

Why: a month of scraping can be larger than memory. A clean delimited file is streamed
by Arrow (:func:`trendlib.io._fast.iter_fast`) so that only one chunk is held at a
time; other sources (JSON, files with broken rows, DataFrames) are parsed once and
canonicalised chunk by chunk, which still bounds the memory of the canonical columns
(lists of entities, dtypes), the larger part. Every chunk has its own ``attrs`` and the
running totals under ``attrs["total"]``; warnings are given once, at the end, with
the totals, rather than once per chunk.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterable, Mapping

from ..exceptions import FormatError
from ._report import ReadWarning, Report
from ._source import RawFile, open_file

__all__ = ["iter_posts"]

_SUMMED = ("rows_read", "rows", "duplicates", "duplicates_dropped", "mangled_ids", "naive_times")


class _Totals:
    def __init__(self):
        self.n = {k: 0 for k in _SUMMED}
        self.dropped: dict[str, int] = {}
        self.replies: dict[str, int] = {}
        self.notes: dict[str, str] = {}
        self.name = None
        self.chunks = 0

    def add(self, attrs, messages):
        self.chunks += 1
        for k in _SUMMED:
            self.n[k] += int(attrs.get(k, 0) or 0)
        for r, c in attrs.get("rows_dropped", {}).items():
            self.dropped[r] = self.dropped.get(r, 0) + c
        for r, c in (attrs.get("replies") or {}).items():
            self.replies[r] = self.replies.get(r, 0) + c
        for m in messages:
            if " are malformed and were dropped" in m:
                continue
            key = re.sub(r"\d+", "#", m)
            self.notes.setdefault(key, m)

    def as_dict(self):
        return {**self.n, "rows_dropped": dict(self.dropped), "replies": dict(self.replies), "chunks": self.chunks}

    def warn(self, errors):
        if errors == "warn" and self.dropped:
            total = sum(self.dropped.values())
            warnings.warn(
                f"read_posts(): {total} of {self.n['rows_read']} rows of {self.name} are malformed and were "
                f"dropped (all chunks): {self.dropped}. Each chunk's attrs['rows_dropped'] has its own "
                f"counts. Pass errors='raise' to stop instead.", ReadWarning, stacklevel=3)
        for m in self.notes.values():
            warnings.warn(m + " (first chunk that showed it; totals in attrs['total'])", ReadWarning, stacklevel=3)


def _fresh(report: Report) -> Report:
    r = Report(report.name, source=report.source)
    r.info = dict(report.info)
    return r


def _slices(n, size):
    for start in range(0, n, size):
        yield start, min(n, start + size)


def _chunks_of_file(path, fmt, opts, size, label, totals):
    from ._fast import iter_fast
    from ._draft import finish as _finish
    from ._draft import records_draft, table_draft

    f: RawFile = open_file(os.fspath(path), fmt, encoding=opts["encoding"], sep=opts["sep"], stream=True,
                           record_formats=("twarc2", "twarc2-flat", "snscrape", "twitter-v1", "tiktok"))
    totals.name = f.report.name if totals.name is None else totals.name
    if f.kind == "stream":
        pending: list = []
        stream = iter_fast(f.path, sep=f.sep, names=f.names, gz=f.gz, chunksize=size, report_bad=pending.extend)
        for frame in stream:
            rep = _fresh(f.report)
            if pending:
                rep.drop_lines(pending)
                pending.clear()
            draft, fmt = table_draft(frame, fmt, rep, opts["given"])
            yield _finish(draft, fmt, rep, opts), label
        if pending:  # bad rows after the last chunk: counted in the totals
            rep = _fresh(f.report)
            rep.drop_lines(pending)
            if opts["errors"] == "raise":
                raise FormatError(rep.dropped_message(rep.n_dropped) + " (at the end of the file)")
            totals.dropped.update({k: totals.dropped.get(k, 0) + v for k, v in rep.dropped.items()})
            totals.n["rows_read"] += rep.n_dropped
        return
    if f.kind == "records":  # one draft (pages hold many posts), canonicalised in slices
        draft_all, fmt = records_draft(f.records, fmt, f.report, opts["given"])
        first = f.report
        for i, (a, b) in enumerate(_slices(len(draft_all), size)):
            rep = first if i == 0 else _fresh(first)
            yield _finish(draft_all.iloc[a:b].reset_index(drop=True), fmt, rep, opts), label
        return
    raw = f.raw
    for i, (a, b) in enumerate(_slices(len(raw), size)):
        rep = _fresh(f.report)
        if i == 0:
            rep.dropped, rep.examples = dict(f.report.dropped), dict(f.report.examples)
        draft, fmt2 = table_draft(raw.iloc[a:b].reset_index(drop=True), fmt, rep, opts["given"])
        yield _finish(draft, fmt2, rep, opts), label


def _chunks_of_frame(df, fmt, opts, size):
    from ._draft import finish as _finish
    from ._draft import table_draft

    for a, b in _slices(len(df), size):
        rep = Report("the DataFrame")
        draft, fmt2 = table_draft(df.iloc[a:b].reset_index(drop=True), fmt, rep, opts["given"])
        yield _finish(draft, fmt2, rep, opts), None


def _chunks_of_records(items, fmt, opts, size):
    from ._json import fix_surrogates
    from ._draft import finish as _finish
    from ._draft import records_draft

    buf, line = [], 0
    for x in items:
        if not isinstance(x, Mapping):
            raise TypeError(f"read_posts() expects an iterable of dicts; got items of type {type(x).__name__}.")
        line += 1
        buf.append((line, fix_surrogates(dict(x))[0]))
        if len(buf) == size:
            rep = Report("the records")
            draft, fmt2 = records_draft(buf, fmt, rep, opts["given"])
            yield _finish(draft, fmt2, rep, opts), None
            buf = []
    if buf:
        rep = Report("the records")
        draft, fmt2 = records_draft(buf, fmt, rep, opts["given"])
        yield _finish(draft, fmt2, rep, opts), None


def iter_posts(source, fmt, opts, size):
    """The generator behind ``read_posts(..., chunksize=size)``."""
    import pandas as pd

    from ._concat import file_labels

    totals = _Totals()
    seen: set = set()
    if isinstance(source, (str, os.PathLike)):
        parts = _chunks_of_file(source, fmt, opts, size, None, totals)
    elif isinstance(source, (list, tuple)) and source and all(isinstance(x, (str, os.PathLike)) for x in source):
        labels = file_labels(source)

        def parts_of_list():
            for p, label in zip(source, labels):
                yield from _chunks_of_file(p, fmt, opts, size, label, totals)

        parts = parts_of_list()
        totals.name = f"{len(source)} files"
    elif isinstance(source, pd.DataFrame):
        parts = _chunks_of_frame(source.reset_index(drop=True), fmt, opts, size)
        totals.name = "the DataFrame"
    elif isinstance(source, Iterable) and not isinstance(source, (bytes, str, Mapping)):
        parts = _chunks_of_records(source, fmt, opts, size)
        totals.name = "the records"
    else:
        raise TypeError(
            "read_posts() expects a path, a list of paths, a pandas DataFrame or an iterable of dicts. "
            f"Got {type(source).__name__}."
        )
    for (posts, messages), label in parts:
        if opts["dedupe"] and len(posts):
            again = posts["id"].isin(seen)
            if again.any():
                attrs = dict(posts.attrs)
                posts = posts[~again].reset_index(drop=True)
                attrs["duplicates_dropped"] = attrs.get("duplicates_dropped", 0) + int(again.sum())
                attrs["rows"] = len(posts)
                posts.attrs = attrs
            seen.update(posts["id"].tolist())
        if label is not None:
            posts["source_file"] = label
        totals.add(posts.attrs, messages)
        posts.attrs["total"] = totals.as_dict()
        yield posts
    if totals.chunks == 0 and totals.name is None:
        raise FormatError("read_posts(): nothing to read")
    totals.warn(opts["errors"])

