"""Plain-text tables for the terminal rendering of a report (internal).

Kept apart from the command line so the report never imports ``cli``: the core knows
nothing of terminals, and ``cli`` is argument parsing only.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["format_table"]


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

    def line(values: Sequence[str]) -> str:
        out = [v.rjust(w) if a == "r" else v.ljust(w) for v, w, a in zip(values, widths, align)]
        return "  ".join(out).rstrip()

    return "\n".join([line(list(headers)), line(["-" * w for w in widths]), *(line(r) for r in cells)])
