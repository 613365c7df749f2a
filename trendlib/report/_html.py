"""The report as one self-contained HTML page (internal).

Why this shape: a communications office passes the report around by e-mail and opens it
on a laptop with no network, so everything is inside one file — styles, a few KB of plain
JavaScript (tabs, sortable tables), figures as inline SVG — and nothing refers to an
external URL. The page prints (all tabs are shown on paper). The same input gives the same
bytes: no dates in it, fixed SVG ids, ties broken by key. Templates are Jinja2 files
shipped with the package (autoescaped, so post texts can never inject markup).
"""

from __future__ import annotations

from typing import Any

__all__ = ["render_html"]


def _env() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("trendlib.report", "templates"), autoescape=select_autoescape(["html", "j2"]),
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def _asset(name: str) -> str:
    from importlib.resources import files

    return files("trendlib.report").joinpath("templates", name).read_text(encoding="utf-8")


def render_html(report: Any, *, figures: bool = True) -> str:
    """Render a :class:`~trendlib.report.Report` as one self-contained HTML page.

    Parameters
    ----------
    report : Report
        From :func:`trendlib.report.build_report`.
    figures : bool, default True
        Inline the figures as SVG.

    Returns
    -------
    str
        The page. It references no external URL.

    Examples
    --------
    >>> from trendlib.datasets import load_sample_posts
    >>> from trendlib.report import build_report
    >>> page = render_html(build_report(load_sample_posts()), figures=False)
    >>> page.startswith("<!DOCTYPE html>") and "http://" not in page.replace("http://www.w3.org", "")
    True
    """
    from ._figures import figure_jobs, render_svg
    from ._sections import sections

    svgs: dict[str, str] = {}
    if figures:
        for name, size, draw in figure_jobs(report):
            svgs[name] = render_svg(report, size, draw)
    secs = sections(report)
    prov = report.provenance
    title = "trendlib report: " + ", ".join(s.rsplit("/", 1)[-1] for s in prov["sources"][:3])
    if len(prov["sources"]) > 3:
        title += f" and {len(prov['sources']) - 3} more"
    return _env().get_template("report.html.j2").render(
        title=title, sections=secs, svgs=svgs, css=_asset("report.css"), js=_asset("report.js"),
        rows=prov["rows_kept"], tz=report.tz,
    )
