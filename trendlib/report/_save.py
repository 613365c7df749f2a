"""Writing a report to a folder: the page, every table as CSV, networks as GEXF, figures (internal).

CSV cells are escaped against formula injection as OWASP recommends: a text cell that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so
an account named ``=HYPERLINK("http://...")`` stays text when a communications officer
opens the table in Excel or LibreOffice. Pipelines that need the raw values pass
``escape_formulas=False``. Nothing is written until every table is ready, so a failure
never leaves half a report; text that cannot be encoded (a lone surrogate) is replaced,
not fatal.

Saving a large report is mostly two independent jobs, the CSV of every scored post and the
GEXF of the interaction network (about 400,000 accounts at a million posts): formatting the
posts' cells and writing the GEXF are Python held by the GIL (the CSV text itself is
written by Arrow's C++ writer, 200,000 rows at a time). On Linux each is therefore written
by a forked child process when it is large (the GEXF from 50,000 nodes and edges, the
scored posts from 100,000 rows) while this one writes the page and the other tables (a
child inherits the data; nothing is pickled). A child writes to a temporary name, renamed
once everything else is written; if it fails, its file is written here again, so an error
is raised as usual. The files are the same bytes either way.
"""

from __future__ import annotations

import os
import re
import sys
from itertools import chain
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from .._validation import check_choice

__all__ = ["save_report", "escape_formulas"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_RE = "[=+\\-@\t\r]"  # a value starting with one of _FORMULA_START


def escape_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix ``'`` to text cells that a spreadsheet would run as a formula (OWASP).

    Examples
    --------
    >>> escape_formulas(pd.DataFrame({"author": ['=HYPERLINK("x")', "budi"], "n": [-1, 2]}))
                   author  n
    0  '=HYPERLINK("x")  -1
    1                budi   2
    """
    out = df.copy(deep=False)
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.StringDtype) and s.dtype.storage == "pyarrow":
            # Arrow strings: one vectorised test (iterating them value by value is slow);
            # a regex, not startswith with a tuple, which pandas < 2.2 refuses for Arrow
            mask = s.str.match(_FORMULA_RE).fillna(False).astype(bool)
        elif s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
            # tested once per distinct value (a million posts repeat authors, languages, sources)
            codes, uniq = pd.factorize(s)
            bad = np.fromiter((isinstance(v, str) and v.startswith(_FORMULA_START) for v in uniq), dtype=bool,
                              count=len(uniq))
            if not bad.any():
                continue
            mask = pd.Series(np.where(codes >= 0, bad[np.maximum(codes, 0)], False), index=s.index)
        else:
            continue
        if mask.any():
            s = s.astype(object)
            s[mask] = "'" + s[mask].astype(str)
            out[col] = s
    return out


_TIME_TEXT = re.compile(r"(.{19})(\.\d+)?([+-]\d\d:\d\d(?::\d\d)?)")
_DIGITS = 10 ** np.arange(8, -1, -1, dtype=np.int64)  # nanoseconds -> 9 fraction digits


def _time_strings(uniq: Any) -> np.ndarray:
    """``pd.Index(uniq).astype(str)`` as an object array, for distinct tz-aware times.

    pandas formats a tz-aware time cell by cell (seconds at a million posts). Each string
    is the local wall time ``YYYY-MM-DD HH:MM:SS``, maybe a fraction of a second, and the
    offset's text. How many fraction digits a time gets, and the offset's text, depend on
    the pandas version (and, from pandas 3, on the finest time of the whole index), but
    only through the time's offset and the precision its fraction needs (none,
    milli-, micro- or nanoseconds). So pandas formats one time of each such class (one
    small index: the same choices as the whole), and NumPy writes every time from that:
    the wall times in one call, the fraction digits by integer arithmetic. A representative
    that does not read that way sends the whole index through pandas.
    """
    idx = pd.DatetimeIndex(uniq)
    slow = lambda: idx.astype(str).to_numpy(dtype=object)  # noqa: E731
    if idx.tz is None or not len(idx) or idx.hasnans:
        return slow()
    local = idx.tz_localize(None).to_numpy().astype("datetime64[ns]").view(np.int64)
    utc = idx.tz_convert("UTC").tz_localize(None).to_numpy().astype("datetime64[ns]").view(np.int64)
    secs, frac = np.divmod(local, 10**9)
    wall = secs.astype("datetime64[s]").astype("U19")  # '2023-05-09T10:00:05'
    # precision class: 0 whole seconds, 1 milli-, 2 micro-, 3 nanoseconds
    prec = np.where(frac == 0, 0, np.where(frac % 10**6 == 0, 1, np.where(frac % 1000 == 0, 2, 3)))
    off_codes, _ = pd.factorize(local - utc)  # offsets in nanoseconds
    cls_codes, cls = pd.factorize(off_codes * 4 + prec)
    reps = np.array([int(np.argmax(cls_codes == k)) for k in range(len(cls))])
    texts = idx[reps].astype(str)
    parts = []
    for k, at in enumerate(reps):
        m = _TIME_TEXT.fullmatch(str(texts[k]))
        if m is None or m.group(1) != str(wall[at]).replace("T", " "):
            return slow()
        digits = len(m.group(2)) - 1 if m.group(2) else 0
        if digits not in (0, 3, 6, 9) or (not digits and frac[at]):
            return slow()
        parts.append((digits, m.group(3)))
    width = 19 + max((d + 1 if d else 0) + len(o) for d, o in parts)
    out = np.zeros((len(idx), width), dtype=np.uint32)  # trailing zeros: shorter strings
    out[:, :19] = wall.view(np.uint32).reshape(len(idx), 19)
    out[:, 10] = ord(" ")
    fdig = (frac[:, None] // _DIGITS) % 10 + ord("0")
    for k, (digits, off) in enumerate(parts):
        rows = np.flatnonzero(cls_codes == k)
        col = 19
        if digits:
            out[rows, col] = ord(".")
            out[rows, col + 1 : col + 1 + digits] = fdig[rows, :digits]
            col += 1 + digits
        out[rows, col : col + len(off)] = np.array([ord(c) for c in off], dtype=np.uint32)
    strings = out.view(f"U{width}").ravel().astype(object)
    if (strings[reps] != texts.to_numpy(dtype=object)).any():
        return slow()
    return strings


def _flat(df: pd.DataFrame) -> pd.DataFrame:
    """List cells -> space-joined strings; datetimes as ISO text with their offset.

    Datetimes are formatted once per distinct value (pandas formats each cell of a
    tz-aware column on its own, which dominated saving a large report).
    """
    df = df.copy()
    for col in df.columns:
        if isinstance(df[col].dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(df[col].dtype):
            codes, uniq = pd.factorize(df[col])
            strings = _time_strings(uniq) if isinstance(df[col].dtype, pd.DatetimeTZDtype) else \
                pd.Index(uniq).astype(str).to_numpy(dtype=object)
            text = np.append(strings, None)  # code -1 -> missing
            df[col] = pd.Series(text[codes], index=df.index, dtype=object)
            continue
        if df[col].dtype == object:
            values = df[col].tolist()
            # the types present, tested once each (a column of a million lists has one type)
            types = set(map(type, values))
            if any(issubclass(t, (list, tuple, set)) for t in types):
                if types <= {list, tuple} and set(map(type, chain.from_iterable(values))) <= {str}:
                    joined = list(map(" ".join, values))  # lists of str: str() changes nothing
                else:
                    joined = [" ".join(map(str, v)) if isinstance(v, (list, tuple, set)) else v for v in values]
                df[col] = pd.Series(joined, index=df.index, dtype=object)
    return df


def save_report(report: Any, folder: str | os.PathLike, *, figures: bool = True,
                format: Literal["html", "text"] = "html", escape_formulas: bool = True) -> list[Path]:
    """Write a report to ``folder``.

    Parameters
    ----------
    report : Report
        From :func:`trendlib.report.build_report`.
    folder : str or path
        Created if missing.
    figures : bool, default True
        Also write each figure as PNG (the HTML page inlines them as SVG anyway).
    format : {"html", "text"}, default "html"
        ``report.html`` (one self-contained page) or ``report.txt``.
    escape_formulas : bool, default True
        Escape CSV cells a spreadsheet would run as formulas (see the module notes).

    Returns
    -------
    list of pathlib.Path
        The files written, in order.
    """
    from ._figures import figure_jobs, render_png

    check_choice(format, ["html", "text"], name="format", func="save_report")
    esc = globals()["escape_formulas"] if escape_formulas else (lambda d: d)
    folder = Path(folder)
    networks = [(folder / f"{name}.gexf", G) for name, G in (("interaction_graph", report.interaction),
                                                                ("cohashtag_graph", report.cohashtag))
                if G is not None and G.number_of_nodes()]
    existed = folder.exists()
    posts_path = folder / "posts_scored.csv"
    child = posts_child = None
    try:
        # a large network is written by a child (to a temporary name) while the tables are made
        child = _start_networks(networks)
        tables: dict[str, pd.DataFrame | None] = {
            "posts_scored": report.posts.drop(columns=[c for c in ("tokens",) if c in report.posts.columns]),
            "volume": report.volume, "volume_bursts": report.volume_bursts, "peaks": report.peaks,
            "headline": report.headline, "bursts": report.bursts, "trending": report.trending,
            "sentiment_over_time": report.sentiment, "sentiment_by_community": report.sentiment_by_community,
            "sentiment_by_hashtag": report.sentiment_by_hashtag, "top_posts": report.top_posts,
            "top_accounts": report.top_accounts, "top_hashtags": report.top_hashtags,
            "top_mentions": report.top_mentions, "top_terms": report.top_terms, "top_urls": report.top_urls,
            "top_domains": report.top_domains, "communities": report.communities,
            "community_summary": report.community_table, "influencers": report.influencers,
            "hashtag_associations": report.associations, "coordinated_groups": report.coordinated,
            "topics": report.topics,
        }
        for kind, c in report.counts.items():
            # the zero cells of a counts table are implied: the file keeps the cells with posts
            tables[f"{kind}_counts"] = c[c["count"] > 0]
        if report.explanation is not None:
            tables["burst_terms"] = report.explanation.terms
            tables["burst_phrases"] = report.explanation.phrases
        # and the scored posts, the largest table, by another
        posts = tables["posts_scored"]
        posts_child = _start_posts(posts_path, posts, esc)
        ready = {name: esc(_flat(df)) for name, df in tables.items()
                 if df is not None and not (posts_child is not None and name == "posts_scored")}
        page = report.to_html() if format == "html" else report.to_text()

        folder.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        main = folder / ("report.html" if format == "html" else "report.txt")
        main.write_text(page, encoding="utf-8", errors="replace")
        written.append(main)
        for name, df in tables.items():
            if df is None:
                continue
            path = folder / f"{name}.csv"
            if name in ready:
                _write_csv(ready[name], path)
            written.append(path)
        _finish_posts(posts_child, posts_path, posts, esc)
        posts_child = None
        _finish_networks(child, networks)
        child = None
    finally:
        # something failed here: stop the children, leave no network or posts file behind
        for c, paths in ((posts_child, [posts_path]), (child, [path for path, _ in networks])):
            if c is not None:
                c.terminate()
                c.join()
                for path in paths:
                    _tmp(path).unlink(missing_ok=True)
        if (child is not None or posts_child is not None) and not existed and folder.exists() \
                and not any(folder.iterdir()):
            folder.rmdir()
    written.extend(path for path, _ in networks)
    if figures:
        for name, size, draw in figure_jobs(report):
            path = folder / f"{name}.png"
            render_png(report, size, draw, path)
            written.append(path)
    return written


#: nodes + edges from which the networks are written by a second process (below, forking
#: costs more than it saves)
_FORK_MIN = 50_000


#: rows of the scored posts from which their CSV is written by a second process
_POSTS_FORK_MIN = 100_000


#: rows of the scored posts formatted and written at a time (memory: a slice, not a copy of all)
_POSTS_CHUNK = 200_000


def _write_posts_csv(posts: pd.DataFrame, path: Path, esc: Any) -> None:
    """The scored posts' CSV, formatted and written ``_POSTS_CHUNK`` rows at a time.

    Each row's text does not depend on the other rows (times are formatted per distinct
    value, escaping per cell), so the file is the same bytes as one :func:`_write_csv` of
    the whole table, while the formatted copy held at once is one slice (at a million
    posts, about a gigabyte less at the report's peak).
    """
    _write_csv(posts, path, prepare=lambda part: esc(_flat(part)), rows=_POSTS_CHUNK)


def _arrow_table(df: pd.DataFrame) -> Any:
    """One flattened table as an Arrow table for the CSV writer (booleans as ``True``/``False``)."""
    import pyarrow as pa

    out = df.copy(deep=False)
    out.attrs = {}  # metadata is not written (Arrow would try to store it as JSON)
    for col in out.columns:
        if pd.api.types.is_bool_dtype(out[col].dtype):
            out[col] = out[col].map({True: "True", False: "False"}).astype(object)
    table = pa.Table.from_pandas(out, preserve_index=False)
    if any(pa.types.is_dictionary(t) or pa.types.is_nested(t) for t in table.schema.types):
        raise TypeError("a column Arrow's CSV writer does not take")
    return table


def _write_csv(df: pd.DataFrame, path: Path, *, prepare: Any = None, rows: int | None = None) -> None:
    """Write a table as UTF-8 CSV (Arrow's writer; pandas' where Arrow refuses).

    ``prepare`` (e.g. flatten and escape) is applied to each slice of ``rows`` rows before
    it is written (default: the table is ready, and written at once). Arrow's C++ writer
    takes about a tenth of the time of ``DataFrame.to_csv`` (1.5 s against 9 to 10 s for
    the million scored posts of the benchmark): text cells are quoted, missing values are
    empty cells, and booleans are written ``True``/``False`` as pandas writes them. A
    table Arrow cannot convert (mixed Python objects in one column, text that is not
    valid Unicode) is written by pandas, replacing what cannot be encoded.
    """
    import pyarrow as pa
    from pyarrow import csv as pa_csv

    prepare = prepare or (lambda part: part)
    rows = rows or max(len(df), 1)
    try:
        with open(path, "wb") as fh:
            for at in range(0, max(len(df), 1), rows):  # an empty table still gets its header
                table = _arrow_table(prepare(df.iloc[at:at + rows]))
                pa_csv.write_csv(table, fh, pa_csv.WriteOptions(quoting_style="needed", include_header=at == 0))
    except (pa.ArrowException, TypeError, ValueError, UnicodeError):
        Path(path).unlink(missing_ok=True)
        prepare(df).to_csv(path, index=False, encoding="utf-8", errors="replace")


def _start_posts(path: Path, posts: pd.DataFrame | None, esc: Any) -> Any:
    """Start writing the scored posts' CSV in a forked child (Linux, many posts); None: not started."""
    if posts is None or len(posts) < _POSTS_FORK_MIN or not sys.platform.startswith("linux"):
        return None
    import multiprocessing as mp

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        child = mp.get_context("fork").Process(target=_posts_child, args=(path, posts, esc), daemon=True)
        child.start()
        return child
    except OSError:  # no process to spare: written in _finish_posts
        return None


def _posts_child(path: Path, posts: pd.DataFrame, esc: Any) -> None:
    try:
        _write_posts_csv(posts, _tmp(path), esc)
    except BaseException:  # the parent writes it again and raises the error itself
        sys.exit(1)


def _finish_posts(child: Any, path: Path, posts: pd.DataFrame | None, esc: Any) -> None:
    """Wait for the posts' child and give its file its name; when it failed, write it here."""
    if child is None:
        return
    child.join()
    if child.exitcode == 0:
        os.replace(_tmp(path), path)
        return
    _tmp(path).unlink(missing_ok=True)
    _write_posts_csv(posts, path, esc)


def _tmp(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def _write_networks(networks: list, *, tmp: bool = False) -> None:
    from .. import graphs

    for path, G in networks:
        graphs.to_gexf(G, _tmp(path) if tmp else path)


def _start_networks(networks: list) -> Any:
    """Start writing the networks in a forked child (Linux, large networks); None: not started."""
    size = sum(G.number_of_nodes() + G.number_of_edges() for _, G in networks)
    if size >= _FORK_MIN and sys.platform.startswith("linux"):
        import multiprocessing as mp

        try:
            networks[0][0].parent.mkdir(parents=True, exist_ok=True)
            child = mp.get_context("fork").Process(target=_child, args=(networks,), daemon=True)
            child.start()
            return child
        except OSError:  # no process to spare: they are written in _finish_networks
            pass
    return None


def _child(networks: list) -> None:
    try:
        _write_networks(networks, tmp=True)
    except BaseException:  # the parent writes them again and raises the error itself
        sys.exit(1)


def _finish_networks(child: Any, networks: list) -> None:
    """Wait for the child and give its files their names; without a child, or when it failed,
    write the networks here (raising what went wrong)."""
    if child is not None:
        child.join()
        if child.exitcode == 0:
            for path, _ in networks:
                os.replace(_tmp(path), path)
            return
        for path, _ in networks:
            _tmp(path).unlink(missing_ok=True)
    _write_networks(networks)
