"""Command-line interface: ``python -m trendlib <command> ...``.

Commands are registered in :data:`COMMANDS` as ``name -> (help, add_arguments, run)``;
``run(args, out)`` writes plain text to ``out`` and returns an exit code. Source
options (``SOURCE``, ``--format``, ``--text``... ) are shared through
:func:`add_source_arguments` and :func:`load_posts_from_args`, so a new command (for
example ``report``) reads posts exactly as ``summarize`` does::

    COMMANDS["report"] = ("full trend report", _add_report_args, _run_report)
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections import Counter
from collections.abc import Callable, Sequence

__all__ = ["main", "build_parser", "add_source_arguments", "load_posts_from_args", "format_table", "summarize_posts",
           "COMMANDS"]


def format_table(rows: Sequence[Sequence], headers: Sequence[str], *, align: str | None = None) -> str:
    """Render rows as a plain-text table (numbers right-aligned).

    Examples
    --------
    >>> print(format_table([["kttasean2023", 60], ["asean2023", 27]], ["hashtag", "posts"]))
    hashtag       posts
    ------------  -----
    kttasean2023     60
    asean2023        27
    """
    cells = [[str(c) for c in r] for r in rows]
    widths = [len(h) for h in headers]
    for r in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, r)]
    if align is None:
        align = "".join(
            "r" if rows and all(isinstance(r[i], (int, float)) for r in rows) else "l" for i in range(len(headers))
        )

    def line(values):
        out = [v.rjust(w) if a == "r" else v.ljust(w) for v, w, a in zip(values, widths, align)]
        return "  ".join(out).rstrip()

    return "\n".join([line(list(headers)), line(["-" * w for w in widths]), *(line(r) for r in cells)])


# ------------------------------------------------------------------ shared source options
def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``SOURCE`` and the read options every command shares."""
    parser.add_argument("source", nargs="*", metavar="SOURCE",
                        help="posts file(s) (csv, tsv, json, jsonl, .gz), read into one table; "
                             "default: the bundled ASEAN Summit sample")
    parser.add_argument("--format", default="auto",
                        help="source format: auto (default), tweet-harvest, twarc2, snscrape, twitter-v1, "
                             "twarc-csv, twitter-r, tiktok, tiktok-csv, posts, generic")
    parser.add_argument("--text", help="text column of a generic table")
    parser.add_argument("--time", help="time column of a generic table (comma-separated to join, e.g. date,time)")
    parser.add_argument("--author", help="author column of a generic table")
    parser.add_argument("--id", help="id column of a generic table")
    parser.add_argument("--encoding", help="text encoding (default: detected)")
    parser.add_argument("--source-tz", default="UTC", help="timezone of timestamps that carry none (default UTC)")
    parser.add_argument("--dedupe", action="store_true", help="drop posts whose id was already seen")


def load_posts_from_args(args: argparse.Namespace):
    """Read the posts named by :func:`add_source_arguments` options."""
    from .io import read_posts

    if not args.source:
        from .datasets._posts import sample_path

        source = sample_path()
    else:
        source = args.source[0] if len(args.source) == 1 else list(args.source)
    time = args.time.split(",") if args.time and "," in args.time else args.time
    return read_posts(source, format=args.format, text=args.text, time=time, author=args.author, id=args.id,
                      encoding=args.encoding, tz=args.source_tz, dedupe=args.dedupe)


# ------------------------------------------------------------------ summarize
_WORD = None


def _top_terms(texts, n: int):
    import re

    from . import text as tl

    global _WORD
    if _WORD is None:
        _WORD = re.compile(r"^[^\W\d_][\w-]*$")
    stop = tl.stopwords("topic") | {"rt", "amp"}
    df: Counter = Counter()
    memo: dict = {}
    for t in texts:
        terms = memo.get(t)
        if terms is None:
            terms = memo[t] = {w for w in tl.tokenize(t, stopwords=stop) if len(w) > 1 and _WORD.match(w)}
        df.update(terms)
    return df.most_common(n)


def summarize_posts(posts, *, top: int = 10, tz: str = "Asia/Jakarta") -> str:
    """Plain-text summary of a posts DataFrame: counts, time span, top hashtags,
    mentions and terms (each counted once per post).

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> print(summarize_posts(load_sample_posts(), top=3))  # doctest: +ELLIPSIS
    posts      200
    ...
    top hashtags
    rank  hashtag       posts
    ----  ------------  -----
       1  kttasean2023     60
    ...
    """
    import pandas as pd

    n = len(posts)
    lines = []
    times = posts["time"].dropna()
    if len(times):
        local = times.dt.tz_convert(tz)
        span = f"{local.min():%Y-%m-%d %H:%M} .. {local.max():%Y-%m-%d %H:%M} ({tz})"
        days = local.dt.floor("D").value_counts()
        busiest = f"{days.index[0]:%Y-%m-%d} ({int(days.iloc[0])} posts)"
    else:
        span = busiest = "no timestamps"
    fmt = posts.attrs.get("format", "?")
    fmt = ", ".join(fmt) if isinstance(fmt, list) else fmt
    facts = [
        ("posts", n),
        ("authors", int(posts["author"].nunique())),
        ("time span", span),
        ("busiest day", busiest),
        ("retweets", int(posts["is_retweet"].sum())),
        ("replies", int(posts["reply_to"].notna().sum())),
        ("format", fmt),
    ]
    dropped = sum(posts.attrs.get("rows_dropped", {}).values())
    if dropped:
        facts.append(("rows dropped", f"{dropped} (malformed)"))
    width = max(len(k) for k, _ in facts)
    lines += [f"{k.ljust(width)}  {v}" for k, v in facts]

    def counted(col):
        per_post = posts[col].map(lambda xs: sorted(set(xs)) if isinstance(xs, list) else [])
        ex = per_post.explode().dropna()
        return ex.value_counts().head(top) if len(ex) else pd.Series(dtype=int)

    for title, col, label in (("top hashtags", "hashtags", "hashtag"), ("top mentions", "mentions", "mention")):
        vc = counted(col)
        lines += ["", title]
        if len(vc):
            lines.append(format_table([[i + 1, k, int(v)] for i, (k, v) in enumerate(vc.items())], ["rank", label, "posts"]))
        else:
            lines.append(f"(no {col})")
    terms = _top_terms(posts["text"].tolist(), top)
    lines += ["", "top terms"]
    lines.append(format_table([[i + 1, k, v] for i, (k, v) in enumerate(terms)], ["rank", "term", "posts"])
                 if terms else "(no terms)")
    return "\n".join(lines)


def _add_summarize_args(p: argparse.ArgumentParser) -> None:
    add_source_arguments(p)
    p.add_argument("--top", type=int, default=10, help="rows in each top-N table (default 10)")
    p.add_argument("--tz", default="Asia/Jakarta", help="timezone for display (default Asia/Jakarta, WIB)")


def _read_for(command: str, args: argparse.Namespace, out):
    """Check ``--top``, read the posts and print the command's header line."""
    if args.top < 1:
        raise ValueError(f"The '--top' option of {command} must be a number >= 1. Got {args.top}.")
    posts = load_posts_from_args(args)
    name = posts.attrs.get("source", "")
    if isinstance(name, list):
        name = ", ".join(name)
    out.write(f"trendlib {command}: {name}\n\n")
    return posts


def _run_summarize(args: argparse.Namespace, out) -> int:
    posts = _read_for("summarize", args, out)
    out.write(summarize_posts(posts, top=args.top, tz=args.tz) + "\n")
    return 0


# ------------------------------------------------------------------ report
def _add_report_args(p: argparse.ArgumentParser) -> None:
    add_source_arguments(p)
    p.add_argument("--top", type=int, default=10, help="rows in each ranked table (default 10)")
    p.add_argument("--tz", default="Asia/Jakarta", help="timezone for bins and display (default Asia/Jakarta, WIB)")
    p.add_argument("--freq", default=None, help="bin size for counts and bursts, e.g. 1h (default: chosen from the span)")
    p.add_argument("--seed", type=int, default=0, help="seed for community detection (default 0)")
    p.add_argument("--out", default=None, metavar="FOLDER",
                   help="also write every table (CSV), the networks (GEXF) and figures (PNG) to FOLDER")
    p.add_argument("--no-figures", action="store_true", help="with --out: skip the PNG figures")


def _run_report(args: argparse.Namespace, out) -> int:
    from .report import build_report

    posts = _read_for("report", args, out)
    rep = build_report(posts, freq=args.freq, tz=args.tz, top=args.top, seed=args.seed)
    out.write(rep.to_text() + "\n")
    if args.out:
        files = rep.save(args.out, figures=not args.no_figures)
        out.write(f"\nwrote {len(files)} files to {args.out}\n")
    return 0


#: name -> (help, add_arguments(parser), run(args, out) -> exit code)
COMMANDS: dict[str, tuple[str, Callable, Callable]] = {
    "summarize": ("posts, time span, top hashtags, mentions and terms of a posts file", _add_summarize_args,
                  _run_summarize),
    "report": ("the full trend report: sentiment over time, bursts, trending, why, communities, influencers, "
               "associations, coordinated accounts", _add_report_args, _run_report),
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


def main(argv: Sequence[str] | None = None, *, out=None, err=None) -> int:
    """Run the CLI; return the exit code (0 ok, 1 error in the data, 2 usage error)."""
    from .exceptions import TrendlibError

    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "_run", None) is None:
        parser.print_help(out)
        return 2
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            code = args._run(args, out)
        except (TrendlibError, FileNotFoundError, ValueError) as exc:
            err.write(f"trendlib {args.command}: error: {exc}\n")
            code = 1
    for w in caught:
        err.write(f"warning: {w.message}\n")
    return code
