"""The report as plain text for a terminal (internal)."""

from __future__ import annotations

import textwrap
from typing import Any

from ._sections import Table, sections
from ._tables import format_table

__all__ = ["render_text"]


def _blocks(blocks: list, indent: str = "") -> list[str]:
    out: list[str] = []
    for kind, value in blocks:
        if kind == "para":
            out.extend(textwrap.wrap(value, 110, initial_indent=indent, subsequent_indent=indent) or [""])
        elif kind == "pre":
            out.extend(indent + line for line in value.splitlines())
        elif kind == "table":
            t: Table = value
            if t.caption:
                out.extend(["", indent + t.caption])
            out.extend(indent + line for line in format_table(t.rows, t.headers, align=t.align).splitlines())
            out.append("")
        elif kind == "card":
            title, inner = value
            out.extend(["", f"{indent}-- {title}"])
            out.extend(_blocks(inner, indent + "   "))
        # figures are for the HTML page and the saved files
    return out


def render_text(report: Any) -> str:
    """Render a :class:`~trendlib.report.Report` as plain text.

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> from trendlib.report import build_report
    >>> text = render_text(build_report(load_sample_posts()))
    >>> "Bursts of hashtags and terms" in text and "Method notes" in text
    True
    """
    lines: list[str] = []
    for sec in sections(report):
        lines.extend(["", sec.title, "=" * len(sec.title)])
        lines.extend(_blocks(sec.blocks))
    return "\n".join(lines).strip("\n") + "\n"
