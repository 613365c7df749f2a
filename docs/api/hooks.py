"""MkDocs hook: write one API reference page per public trendlib package at build time.

Why generated: the public names live in private modules (``trendlib.bursts._detect``) and
move as the code evolves; listing them by hand would go stale. This hook imports each
package, reads its ``__all__``, resolves each name to the module that defines it and
writes ``::: trendlib.x._y.name`` blocks that mkdocstrings renders from the numpydoc
docstrings. A public name that cannot be resolved is logged as a warning, so the strict
build fails on it.
"""

from __future__ import annotations

import importlib
import inspect
import logging

from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.trendlib_api")

#: page -> (package, one-line description)
PAGES = {
    "api/index.md": (None, "API reference"),
    "api/io.md": ("trendlib.io", "Reading posts: every format into the canonical schema."),
    "api/text.md": ("trendlib.text", "Informal Indonesian text: normalise, tokenise, stem, segment hashtags."),
    "api/sentiment.md": ("trendlib.sentiment", "Explainable lexicon + rules scorer, classifier, evaluation."),
    "api/counts.md": ("trendlib.counts", "Counts per time bin and key."),
    "api/bursts.md": ("trendlib.bursts", "Kleinberg and other burst detectors, batch and streaming."),
    "api/trends.md": ("trendlib.trends", "Trending lists and burst explanations."),
    "api/topics.md": ("trendlib.topics", "Topic models for short informal posts."),
    "api/graphs.md": ("trendlib.graphs", "Co-hashtag and interaction graphs, communities, influencers, coordination."),
    "api/plot.md": ("trendlib.plot", "Matplotlib figures (imported lazily)."),
    "api/report.md": ("trendlib.report", "The report: build, render, save."),
    "api/datasets.md": ("trendlib.datasets", "Data home, loaders, fetchers, generators with truth."),
    "api/dask.md": ("trendlib.dask", "The same analyses on Dask collections (scale)."),
    "api/exceptions.md": ("trendlib.exceptions", "Errors trendlib raises."),
}


def _page(package: str, blurb: str) -> str:
    try:
        mod = importlib.import_module(package)
    except ImportError as exc:  # an optional dependency missing: say so on the page
        log.info("API page for %s not generated: %s", package, exc)
        return f"# `{package}`\n\n{blurb}\n\nNot importable in this build ({exc}).\n"
    lines = [f"# `{package}`", "", blurb, ""]
    for name in getattr(mod, "__all__", []):
        try:
            obj = getattr(mod, name)
        except Exception as exc:  # noqa: BLE001 - a broken public name must fail the build
            log.warning("trendlib API: %s.%s cannot be resolved: %r", package, name, exc)
            continue
        if not (inspect.isfunction(obj) or inspect.isclass(obj)):
            continue
        where = getattr(obj, "__module__", "") or ""
        if not where.startswith("trendlib"):
            continue
        lines += [f"::: {where}.{obj.__qualname__}", "    options:", "      heading_level: 2", ""]
    return "\n".join(lines)


def _index() -> str:
    rows = ["# API reference", "",
            "Generated from the numpydoc docstrings at build time (mkdocstrings, numpy style).", "",
            "| package | what |", "|---|---|"]
    for path, (package, blurb) in PAGES.items():
        if package:
            rows.append(f"| [`{package}`]({path.removeprefix('api/')}) | {blurb} |")
    rows += ["", "The top-level `trendlib` namespace re-exports `read_posts`, `count`, `detect_bursts`,",
             "`trending`, `explain_burst`, `build_report`, `BurstDetector` and `SentimentClassifier`."]
    return "\n".join(rows) + "\n"


def on_files(files, config):
    for path, (package, blurb) in PAGES.items():
        content = _index() if package is None else _page(package, blurb)
        files.append(File.generated(config, path, content=content))
    return files
