"""The report's figures, drawn on bare matplotlib Figures (internal).

A bare ``Figure`` needs no pyplot and never switches a notebook's backend. SVG output is
deterministic: a fixed ``svg.hashsalt`` and no date in the metadata, so the same report
gives the same bytes.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import numpy as np

__all__ = ["figure_jobs", "render_svg", "render_png"]


def _volume(rep: Any, ax: Any) -> None:
    import matplotlib.dates as mdates

    v = rep.volume
    t = v["time"].dt.tz_localize(None)
    ax.plot(t, v["posts"], color="#1f4e79", lw=1.2, label="posts")
    ax.fill_between(t, v["posts"], color="#1f4e79", alpha=0.12)
    ax.plot(t, v["accounts"], color="#e07b00", lw=1, ls="--", label="accounts")
    for b in rep.volume_bursts.itertuples():
        ax.axvspan(b.start.tz_localize(None), b.end.tz_localize(None), color="#d62728", alpha=0.12, lw=0)
    for i, r in enumerate(rep.peaks.head(3).itertuples()):
        ax.annotate(f"{int(r.posts)}", (r.time.tz_localize(None), r.posts), xytext=(0, 6),
                    textcoords="offset points", ha="center", fontsize=8, color="#1f4e79")
    ax.set_ylabel(f"per {rep.freq}")
    ax.set_title(f"Posts and accounts per {rep.freq} ({rep.tz}); volume bursts shaded")
    ax.legend(loc="upper left", frameon=False, fontsize=8)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(alpha=0.2)


def _bursts(rep: Any, ax: Any) -> None:
    import matplotlib.dates as mdates

    b = rep.bursts.head(12).iloc[::-1]
    from .._keys import display_key

    for i, r in enumerate(b.itertuples()):
        start, end = r.start.tz_localize(None), r.end.tz_localize(None)
        one = r.top_account_share >= 0.5 or r.effective_accounts < 2
        ax.barh(i, (end - start) / np.timedelta64(1, "D"), left=mdates.date2num(start), height=0.6,
                color="#999999" if one else ("#1f77b4" if r.kind == "hashtag" else "#2ca02c"))
        ax.plot(mdates.date2num(r.peak_time.tz_localize(None)), i, marker="|", color="black", ms=10)
    ax.set_yticks(range(len(b)))
    ax.set_yticklabels([display_key(k, kd) for k, kd in zip(b["key"], b["kind"])], fontsize=8)
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_title("Strongest bursts (blue: hashtags, green: terms, grey: one account's doing; | peak)")
    ax.grid(axis="x", alpha=0.2)


def _sentiment(rep: Any, ax: Any) -> None:
    from .. import plot

    plot.sentiment_timeline(rep.sentiment, ax=ax)


def _network(rep: Any, ax: Any) -> None:
    from .. import plot

    # ranked and sized by the influencers table's PageRank: the figure shows the table's ranking
    inf = rep.influencers
    size = dict(zip(inf["node"], inf["score"])) if inf is not None and len(inf) else "pagerank"
    plot.network(rep.interaction, communities=rep.communities, top=40, labels=12, size=size, ax=ax,
                 seed=rep.provenance["parameters"].get("seed", 0))


def figure_jobs(rep: Any) -> list[tuple[str, tuple[float, float], Callable]]:
    """(name, size in inches, draw(report, ax)) for every figure the report has data for."""
    jobs = []
    if len(rep.volume):
        jobs.append(("volume", (10, 3.6), _volume))
    if len(rep.bursts):
        jobs.append(("bursts", (10, 4.2), _bursts))
    if rep.sentiment is not None and len(rep.sentiment):
        jobs.append(("sentiment", (10, 3.6), _sentiment))
    if rep.interaction is not None and rep.interaction.number_of_nodes():
        jobs.append(("network", (10, 7.5), _network))
    return jobs


def _draw(rep: Any, size: tuple[float, float], draw: Callable) -> Any:
    from matplotlib.figure import Figure

    fig = Figure(figsize=size)
    draw(rep, fig.subplots())
    fig.tight_layout()
    return fig


def render_svg(rep: Any, size: tuple[float, float], draw: Callable) -> str:
    """One figure as an SVG string (deterministic bytes)."""
    import matplotlib

    fig = _draw(rep, size, draw)
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "trendlib", "svg.fonttype": "path"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "trendlib"})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    # the RDF metadata block names external vocabularies; a report page needs none of it
    return re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)


def render_png(rep: Any, size: tuple[float, float], draw: Callable, path: Any) -> None:
    """One figure written as a PNG file (no timestamp in the metadata)."""
    fig = _draw(rep, size, draw)
    fig.savefig(path, format="png", dpi=110, metadata={"Software": "trendlib"})
