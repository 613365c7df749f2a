"""The report: build it from posts, render it as text or HTML, save it with its tables.

* ``build_report(posts, ...)`` -> :class:`Report` (data first: DataFrames and graphs).
* ``render_text(report)`` for a terminal; ``render_html(report)`` one self-contained page.
* ``save_report(report, folder)`` writes the page, every table (CSV), networks (GEXF) and
  figures.
* ``burst_events(rows)`` groups bursts made of the same posts into events.
* ``summarize_posts(posts)`` the short overview of ``python -m trendlib summarize``.
"""

from __future__ import annotations

from .._lazy import lazy_attributes

_LAZY = {
    "Report": "._model",
    "BurstCard": "._model",
    "build_report": "._build",
    "choose_freq": "._build",
    "burst_events": "._build",
    "render_text": "._text",
    "render_tables": "._text",
    "render_html": "._html",
    "save_report": "._save",
    "summarize_posts": "._summary",
    "format_table": "._tables",
}

__getattr__, __dir__, __all__ = lazy_attributes(__name__, _LAZY)
