"""The report as plain text for a terminal (internal)."""

from __future__ import annotations

import textwrap
from typing import Any

from ._sections import Table, sections
from ._tables import format_table

__all__ = ["render_text", "render_tables"]


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


def render_tables(sections: dict, *, top: int = 10) -> str:
    """Render a mapping of section name -> table (or graph, or value) as plain text.

    For results that are not a :class:`~trendlib.report.Report`, such as the sections
    :func:`trendlib.dask.build_report` computes on a cluster.

    Examples
    --------
    >>> import pandas as pd
    >>> print(render_tables({"n_posts": 3, "bursts": pd.DataFrame({"key": ["ktt"], "score": [2.5]})}))
    n_posts: 3
    <BLANKLINE>
    bursts
    ======
    key  score
    ---  -----
    ktt    2.5
    """
    import pandas as pd

    lines: list[str] = []
    for name, value in sections.items():
        if isinstance(value, pd.DataFrame):
            lines.extend(["", name, "=" * len(name)])
            if not len(value):
                lines.append("(empty)")
                continue
            head = value.head(top)
            rows = [[_cell(v) for v in row] for row in head.itertuples(index=False)]
            lines.append(format_table(rows, [str(c) for c in head.columns]))
        elif isinstance(value, dict):
            for k, v in value.items():
                if isinstance(v, pd.DataFrame):
                    lines.append(f"{name}[{k}]: {len(v):,} rows")
        elif hasattr(value, "number_of_nodes"):
            lines.append(f"{name}: {value.number_of_nodes():,} nodes, {value.number_of_edges():,} edges")
        elif value is not None and not hasattr(value, "terms"):
            lines.append(f"{name}: {value}")
        elif value is not None:
            lines.extend(["", name, "=" * len(name), repr(value)])
    return "\n".join(lines).strip("\n") + "\n"


def _cell(v: Any) -> Any:
    import pandas as pd

    if isinstance(v, float):
        return round(v, 3)
    if isinstance(v, pd.Timestamp):
        return f"{v:%Y-%m-%d %H:%M}"
    if isinstance(v, (list, tuple)):
        s = ", ".join(map(str, v[:5])) + (" ..." if len(v) > 5 else "")
        return s
    return v
