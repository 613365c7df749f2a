"""Sentiment figure: net sentiment or label shares over time, with their intervals.

Draws the table of :func:`trendlib.sentiment.sentiment_over_time`; matplotlib is imported
inside the function. Intervals are drawn as bands, so a bin of three posts shows as the
wide, uncertain thing it is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, require_columns
from ._bursts import _axes, _date_axis, _nums, _tz_of

__all__ = ["sentiment_timeline"]

COLOURS = {"positive": "#1a9850", "negative": "#d73027", "neutral": "#8c8c8c"}


def sentiment_timeline(
    table: pd.DataFrame,
    *,
    ax: Any = None,
    kind: str = "net",
    group: Any = None,
    top: int = 5,
    intervals: bool = True,
    tz: Any = None,
    figsize: tuple[float, float] = (9.0, 3.5),
) -> Any:
    """Plot sentiment over time from :func:`trendlib.sentiment.sentiment_over_time`.

    Parameters
    ----------
    table : pandas.DataFrame
        Output of ``sentiment_over_time`` (``time``, ``n``, ``net``, shares and intervals).
    ax : matplotlib Axes, optional
        Where to draw; a new figure's Axes by default.
    kind : {"net", "share"}, default "net"
        ``"net"``: net sentiment line with its interval band (one line per group when the
        table has a ``by`` column). ``"share"``: positive, neutral and negative shares as
        lines with Wilson bands (one group: pick it with ``group``).
    group : optional
        With a grouped table: the group to draw (``kind="share"``) or the groups to draw
        (``kind="net"``, a list); default the ``top`` groups with most posts.
    top : int, default 5
        Number of groups drawn by default.
    intervals : bool, default True
        Draw the interval bands.
    tz : str, optional
        Time zone of the axis; default the table's (``attrs["tz"]``).
    figsize : (float, float)
        Size of a new figure.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> from trendlib.sentiment import sentiment_over_time
    >>> posts = pd.DataFrame({
    ...     "time": pd.to_datetime(["2023-09-05 02:00", "2023-09-05 09:00", "2023-09-06 04:00"], utc=True),
    ...     "text": ["KTT ASEAN keren", "macet parah, kecewa", "mantap, lancar jaya"]})
    >>> ax = sentiment_timeline(sentiment_over_time(posts))
    >>> ax.get_ylabel()
    'net sentiment (positive - negative share)'
    """
    func = "sentiment_timeline"
    check_choice(kind, ["net", "share"], name="kind", func=func)
    require_columns(table, ["time", "n", "net"], func=func, hint="trendlib.sentiment.sentiment_over_time(posts)")
    by = table.attrs.get("group_by") or table.attrs.get("by") or [
        c for c in table.columns if c not in _KNOWN and not str(c).startswith("share_")
    ]
    by = list(by) if by else []
    zone = _tz_of(table["time"], table.attrs, tz)
    ax = _axes(ax, figsize)
    if by:
        key = table[by].astype(str).agg(" / ".join, axis=1) if len(by) > 1 else table[by[0]].astype(str)
        sizes = table.groupby(key)["n"].sum().sort_values(ascending=False, kind="stable")
        if kind == "share":
            chosen = [str(group)] if group is not None else list(sizes.index[:1])
        else:
            chosen = [str(g) for g in group] if group is not None else list(sizes.index[:top])
        missing = [g for g in chosen if g not in sizes.index]
        if missing:
            raise ValueError(
                f"The 'group' parameter of {func}() must name groups of the table. "
                f"Got {missing}; the largest are {list(sizes.index[:5])}."
            )
        parts = [(g, table[key == g]) for g in chosen]
    else:
        parts = [(None, table)]
    if kind == "net":
        for g, part in parts:
            x = _nums(pd.DatetimeIndex(part["time"]))
            (line,) = ax.plot(x, part["net"].to_numpy(dtype=float), marker="o", ms=3, label=g or "net")
            if intervals and "net_low" in part:
                ax.fill_between(x, part["net_low"].to_numpy(dtype=float), part["net_high"].to_numpy(dtype=float),
                                color=line.get_color(), alpha=0.2, linewidth=0)
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_ylim(-1.05, 1.05)
        ax.set_ylabel("net sentiment (positive - negative share)")
        if by:
            ax.legend(loc="best", fontsize="small")
    else:
        g, part = parts[0]
        x = _nums(pd.DatetimeIndex(part["time"]))
        for lbl in ("positive", "neutral", "negative"):
            col = f"share_{lbl}"
            if col not in part:
                require_columns(part, [col], func=func)
            ax.plot(x, part[col].to_numpy(dtype=float), marker="o", ms=3, color=COLOURS[lbl], label=lbl)
            if intervals and f"{col}_low" in part:
                ax.fill_between(x, part[f"{col}_low"].to_numpy(dtype=float),
                                part[f"{col}_high"].to_numpy(dtype=float), color=COLOURS[lbl], alpha=0.15,
                                linewidth=0)
        ax.set_ylim(-0.02, 1.02)
        ax.set_ylabel("share of posts")
        ax.legend(loc="best", fontsize="small")
        if g is not None:
            ax.set_title(str(g))
    _date_axis(ax, zone)
    if np.isnan(table["net"].to_numpy(dtype=float)).all():
        ax.text(0.5, 0.5, "no posts with a sentiment", transform=ax.transAxes, ha="center")
    return ax


_KNOWN = {"time", "n", "positive", "negative", "neutral", "net", "net_low", "net_high"}
