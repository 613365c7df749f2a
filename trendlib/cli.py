"""Command-line interface: ``python -m trendlib <command> ...`` (argument parsing only).

Commands are registered in :data:`COMMANDS` as ``name -> (help, add_arguments, run)``;
``run(args, out, err)`` writes to ``out`` and returns an exit code. All analysis and
formatting lives in the library (:mod:`trendlib.report`); this module only turns
options into calls. Source options are shared through :func:`add_source_arguments` and
:func:`load_posts_from_args`, so every command reads posts the same way, and read
warnings are shown as soon as the posts are read, before any result.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TextIO

__all__ = ["main", "build_parser", "add_source_arguments", "load_posts_from_args", "COMMANDS"]

_OUTPUT_FORMATS = ("html", "text")


# ------------------------------------------------------------------ shared source options
def _source_formats() -> list[str]:
    from .io import formats

    return ["auto", *formats()["format"].tolist()]


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``SOURCE`` and the read options every command shares."""
    parser.add_argument("source", nargs="*", metavar="SOURCE",
                        help="posts file(s) (csv, tsv, json, jsonl, .gz), read into one table; "
                             "default: the bundled ASEAN Summit sample")
    parser.add_argument("--source-format", default="auto", metavar="NAME",
                        help="format of the source files: " + ", ".join(_source_formats()) + " (default auto)")
    parser.add_argument("--text", help="text column of a generic table")
    parser.add_argument("--time", help="time column of a generic table (comma-separated to join, e.g. date,time; "
                                       "'none' for undated posts)")
    parser.add_argument("--author", help="author column of a generic table")
    parser.add_argument("--id", help="id column of a generic table")
    parser.add_argument("--encoding", help="text encoding (default: detected)")
    parser.add_argument("--source-tz", default=None,
                        help="zone of timestamps that carry none, e.g. Asia/Jakarta or WIB (default: UTC, with a warning)")
    parser.add_argument("--dedupe", action="store_true", help="drop posts whose id was already seen")


def load_posts_from_args(args: argparse.Namespace, err: TextIO | None = None) -> Any:
    """Read the posts named by :func:`add_source_arguments` options; print read warnings to ``err`` now."""
    from .io import read_posts

    if not args.source:
        from .datasets._posts import sample_path

        source: Any = sample_path()
    else:
        source = args.source[0] if len(args.source) == 1 else list(args.source)
    time: Any = args.time.split(",") if args.time and "," in args.time else args.time
    if isinstance(time, str) and time.lower() == "none":
        time = False
    from .exceptions import SchemaError

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        options = dict(format=args.source_format, text=args.text, author=args.author, id=args.id,
                       encoding=args.encoding, source_tz=args.source_tz, dedupe=args.dedupe)
        try:
            posts = read_posts(source, time=time, **options)
        except SchemaError as exc:
            # labelled tweet sets often carry no time: read them undated rather than refuse
            if time is not None or "no time column" not in str(exc):
                raise
            posts = read_posts(source, time=False, **options)
            warnings.warn(f"{exc} Read as undated posts: the sections over time stay empty "
                          "(name the column with --time COLUMN).", stacklevel=2)
    for w in caught:
        (err or sys.stderr).write(f"warning: {w.message}\n")
    return posts


def _header(command: str, posts: Any, out: TextIO) -> None:
    name = posts.attrs.get("source", "")
    if isinstance(name, list):
        name = ", ".join(map(str, name))
    out.write(f"trendlib {command}: {name}\n\n")


def _check_top(command: str, top: int) -> None:
    if top < 1:
        raise ValueError(f"The '--top' option of {command} must be a number >= 1. Got {top}.")


# ------------------------------------------------------------------ summarize
def _add_summarize_args(p: argparse.ArgumentParser) -> None:
    add_source_arguments(p)
    p.add_argument("--top", type=int, default=10, help="rows in each top-N table (default 10)")
    p.add_argument("--tz", default="Asia/Jakarta", help="zone for display (default Asia/Jakarta, WIB)")


def _run_summarize(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._time import resolve_tz
    from .report import summarize_posts

    _check_top("summarize", args.top)
    tz = resolve_tz(args.tz, func="summarize", name="--tz")
    posts = load_posts_from_args(args, err)
    _header("summarize", posts, out)
    out.write(summarize_posts(posts, top=args.top, tz=tz) + "\n")
    return 0


# ------------------------------------------------------------------ report
def _add_report_args(p: argparse.ArgumentParser) -> None:
    add_source_arguments(p)
    p.add_argument("--top", type=int, default=10, help="rows in each ranked table (default 10)")
    p.add_argument("--tz", default="Asia/Jakarta", help="zone for bins and display (default Asia/Jakarta, WIB)")
    p.add_argument("--freq", default=None, help="bin size for counts and bursts, e.g. 1h (default: chosen from the span)")
    p.add_argument("--seed", type=int, default=0, help="seed for community detection (default 0)")
    p.add_argument("--topic", action="append", default=[], metavar="TERM",
                   help="a query term of the scrape, not read as opinion (repeat for several; "
                        "terms in most posts are found automatically)")
    p.add_argument("--out", default=None, metavar="FOLDER",
                   help="write the report page, every table (CSV), the networks (GEXF) and figures (PNG) to FOLDER")
    p.add_argument("--format", default="html", choices=_OUTPUT_FORMATS,
                   help="with --out: report.html, one self-contained page (default), or report.txt")
    p.add_argument("--no-figures", action="store_true", help="with --out: skip the PNG files")
    p.add_argument("--raw-csv", action="store_true",
                   help="with --out: do not escape CSV cells that start with = + - @ (spreadsheet formulas)")
    p.add_argument("--quiet", action="store_true", help="no progress bar on stderr")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="processes that tokenise and score posts (default: every CPU from 100,000 posts)")
    p.add_argument("--sentiment-model", default=None, choices=("multi", "smsa"),
                   help="label sentiment with this pretrained classifier instead of the explainable lexicon+rules "
                        "scorer (more accurate on political posts, cannot say why; docs/report.md)")
    p.add_argument("--dask", action="store_true",
                   help="compute the heavy sections on Dask, one partition per file (pip install 'trendlib[dask]'); "
                        "SOURCE may be a glob such as 'scrapes/*.csv'")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="with --dask: address of a running Dask scheduler (default: a local cluster of processes)")


def _run_report_dask(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .report import render_tables

    try:
        from .dask import build_report as dask_report
    except ImportError as exc:
        raise ValueError(f"--dask needs Dask: pip install 'trendlib[dask]' ({exc}).") from None
    if not args.source:
        raise ValueError("--dask needs SOURCE files or a glob such as 'scrapes/*.csv'.")
    if args.out:
        raise ValueError("--dask computes the heavy sections only and writes no folder: drop --out, or drop --dask.")
    time: Any = args.time.split(",") if args.time and "," in args.time else args.time
    read = {k: v for k, v in dict(format=args.source_format, text=args.text, time=time, author=args.author,
                                  id=args.id, encoding=args.encoding, source_tz=args.source_tz,
                                  dedupe=args.dedupe or None).items() if v not in (None, "auto")}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sections = dask_report(list(args.source), scheduler=args.scheduler, freq=args.freq, tz=args.tz, top=args.top,
                               seed=args.seed, read_options=read, topic=args.topic or None,
                               sentiment_model=args.sentiment_model)
    for w in caught:
        err.write(f"warning: {w.message}\n")
    out.write(f"trendlib report --dask: {', '.join(args.source)}\n\n")
    out.write(render_tables(sections, top=args.top))
    return 0


def _run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .report import build_report

    _check_top("report", args.top)
    if args.dask:
        return _run_report_dask(args, out, err)
    posts = load_posts_from_args(args, err)
    _header("report", posts, out)
    progress = None if not args.quiet else False
    # what the analysis warns about (a thin reference period, ...) is shown before the
    # report it qualifies, as the reader's warnings are, not after "wrote N files"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rep = build_report(posts, freq=args.freq, tz=args.tz, top=args.top, seed=args.seed,
                           topic=args.topic or None, progress=progress, n_jobs=args.jobs,
                           sentiment_model=args.sentiment_model)
    for w in caught:
        err.write(f"warning: {w.message}\n")
    err.flush()
    out.write(rep.to_text())
    if args.out:
        files = rep.save(args.out, figures=not args.no_figures, format=args.format,
                         escape_formulas=not args.raw_csv)
        out.write(f"\nwrote {len(files)} files to {args.out} (open {files[0].name})\n")
    return 0


#: name -> (help, add_arguments(parser), run(args, out, err) -> exit code)
COMMANDS: dict[str, tuple[str, Callable, Callable]] = {
    "summarize": ("posts, time span, top hashtags, mentions and terms of a posts file", _add_summarize_args,
                  _run_summarize),
    "report": ("the full trend report: provenance, volume, bursts of hashtags and terms with evidence, trending, "
               "sentiment, top posts and accounts, communities, influencers, coordinated accounts", _add_report_args,
               _run_report),
}


def build_parser() -> argparse.ArgumentParser:
    """The ``python -m trendlib`` argument parser with every registered command."""
    from . import __version__

    parser = argparse.ArgumentParser(prog="python -m trendlib",
                                     description="Trends, bursts, sentiment and networks in Indonesian social media.")
    parser.add_argument("--version", action="version", version=f"trendlib {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (help_, add_args, run) in COMMANDS.items():
        p = sub.add_parser(name, help=help_, description=help_)
        add_args(p)
        p.set_defaults(_run=run)
    return parser


def _legacy_format(argv: list[str]) -> list[str]:
    """``--format twarc2`` (an input format, trendlib 0.1) -> ``--source-format twarc2``, with a warning."""
    out = list(argv)
    for i, a in enumerate(out):
        value = None
        if a == "--format" and i + 1 < len(out):
            value, j = out[i + 1], i
        elif a.startswith("--format="):
            value, j = a.split("=", 1)[1], i
        if value is not None and value not in _OUTPUT_FORMATS:
            warnings.warn("--format now names the report's output format (html or text); "
                          f"use --source-format {value} for the input format.", FutureWarning, stacklevel=3)
            if a == "--format":
                out[j] = "--source-format"
            else:
                out[j] = f"--source-format={value}"
    return out


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the CLI; return the exit code (0 ok, 1 error in the data, 2 usage error)."""
    from .exceptions import TrendlibError

    out = out or sys.stdout
    err = err or sys.stderr
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        argv = _legacy_format(list(sys.argv[1:] if argv is None else argv))
    for w in caught:
        err.write(f"warning: {w.message}\n")
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "_run", None) is None:
        parser.print_help(out)
        return 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            code = args._run(args, out, err)
        except (TrendlibError, FileNotFoundError, ValueError) as exc:
            err.write(f"trendlib {args.command}: error: {exc}\n")
            code = 1
    for w in caught:
        err.write(f"warning: {w.message}\n")
    return code
