"""Burst figures: counts over time with bursts shaded, and a burst bar chart.

matplotlib is imported inside each function; both draw on ``ax`` (a new figure's Axes
when ``ax=None``), show dates in the table's time zone and return the Axes. Every burst
drawn carries ``gid="burst:<key>:<row>"`` (``<row>`` is the burst table's index label), so
a figure can be checked against its table.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._keys import display_key
from .._validation import require_columns

__all__ = ["timeline", "burst_chart"]



def _axes(ax: Any, figsize: tuple[float, float]) -> Any:
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def _tz_of(times: pd.Series, attrs: dict, tz: Any) -> Any:
    if tz is not None:
        from .._time import resolve_tz

        return resolve_tz(tz, func="plot")
    if attrs.get("tz"):
        return attrs["tz"]
    t = pd.DatetimeIndex(times)
    return str(t.tz) if t.tz is not None else "UTC"


def _date_axis(ax: Any, tz: Any) -> None:
    import matplotlib.dates as mdates

    ax.xaxis_date(tz=tz)
    locator = mdates.AutoDateLocator(tz=tz)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, tz=tz))
    ax.set_xlabel(f"time ({tz})")


def _freq_label(freq: Any) -> str | None:
    """'1h', '15min', '1D' for a bin width given as a string or a Timedelta."""
    if freq is None:
        return None
    if isinstance(freq, str):
        return freq
    try:
        td = pd.Timedelta(freq)
    except (TypeError, ValueError):
        return str(freq)
    for unit, size in (("D", pd.Timedelta("1D")), ("h", pd.Timedelta("1h")), ("min", pd.Timedelta("1min"))):
        if td % size == pd.Timedelta(0):
            return f"{td // size}{unit}"
    return f"{td.total_seconds():g}s"


def _num(ts: Any) -> float:
    import matplotlib.dates as mdates

    ts = pd.Timestamp(ts)
    if ts.tzinfo is None:
        ts = ts.tz_localize("UTC")
    return float(mdates.date2num(ts.tz_convert("UTC").to_pydatetime()))


def _level(bursts: pd.DataFrame) -> pd.Series:
    if "level" in bursts.columns:
        return pd.to_numeric(bursts["level"], errors="coerce").fillna(1).clip(lower=1)
    return pd.Series(1, index=bursts.index)


def _strength(bursts: pd.DataFrame) -> pd.Series:
    """Per key: the ordering value (max score, else max level, else total duration)."""
    for col in ("score", "weight", "level"):
        if col in bursts.columns:
            return pd.to_numeric(bursts[col], errors="coerce").groupby(bursts["key"].astype(str)).max()
    dur = pd.to_datetime(bursts["end"]) - pd.to_datetime(bursts["start"])
    return dur.dt.total_seconds().groupby(bursts["key"].astype(str)).sum()


def _check_bursts(bursts: Any, func: str, *, key: bool) -> pd.DataFrame:
    cols = ["key", "start", "end"] if key else ["start", "end"]
    require_columns(bursts, cols, func=func, hint="trendlib.detect_bursts(...)")
    bad = pd.to_datetime(bursts["end"]) < pd.to_datetime(bursts["start"])
    if bad.any():
        raise ValueError(
            f"{func}() expects bursts with end >= start (half-open [start, end)). "
            f"Got {int(bad.sum())} row(s) ending before they start."
        )
    return bursts


def _check_top(top: Any, func: str) -> None:
    if top is not None and (isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1):
        raise ValueError(f"The 'top' parameter of {func}() must be a positive integer or None. Got {top!r}.")


def timeline(
    counts: pd.DataFrame,
    bursts: pd.DataFrame | None = None,
    *,
    keys: Any = None,
    top: int = 5,
    ax: Any = None,
    share: bool = False,
    tz: str | None = None,
    alpha: float = 0.15,
    title: str | None = None,
    legend: bool = True,
    figsize: tuple[float, float] = (10, 4),
) -> Any:
    """Plot counts over time, one line per key, with each key's bursts shaded.

    Parameters
    ----------
    counts : pandas.DataFrame
        A counts table (:func:`trendlib.count`): ``time``, ``key``, ``count`` (and
        ``total`` for ``share=True``).
    bursts : pandas.DataFrame, optional
        A burst table (:func:`trendlib.detect_bursts` or :func:`trendlib.bursts.kleinberg`):
        ``key``, ``start``, ``end`` and optionally ``level``. Each burst of a plotted key is
        shaded ``[start, end)`` in the key's colour; nested levels shade darker.
    keys : str or list of str, optional
        Keys to draw. Default: the ``top`` keys with the strongest bursts when ``bursts``
        is given, else the ``top`` keys by total count.
    top : int, default 5
        Number of keys drawn when ``keys`` is not given.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when omitted.
    share : bool, default False
        Plot ``count / total`` (the key's share of all posts in the bin) instead of counts.
    tz : str, optional
        Time zone of the date axis. Default: the counts' own (``attrs['tz']``).
    alpha : float, default 0.15
        Opacity of one burst span.
    title : str, optional
        Axes title.
    legend : bool, default True
        Draw a legend of the keys.
    figsize : tuple, default (10, 4)
        Size of a new figure.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> bins = pd.date_range("2023-09-05 06:00", periods=6, freq="1h", tz="Asia/Jakarta")
    >>> counts = pd.DataFrame({"time": bins, "key": "kttasean", "count": [1, 2, 30, 40, 3, 1]})
    >>> bursts = pd.DataFrame({"key": ["kttasean"], "start": [bins[2]], "end": [bins[4]], "level": [1]})
    >>> ax = timeline(counts, bursts)
    >>> ax.get_legend_handles_labels()[1]
    ['kttasean']
    >>> len([p for p in ax.patches if str(p.get_gid()).startswith("burst:")])
    1
    """
    func = "timeline"
    require_columns(counts, ["time", "key", "count"] + (["total"] if share else []),
                    func=func, hint="trendlib.count(...)")
    _check_top(top, func)
    if bursts is not None:
        _check_bursts(bursts, func, key=True)
    tz = _tz_of(counts["time"], counts.attrs, tz)
    prefix = display_key("", counts.attrs.get("key") or counts.attrs.get("by"))

    all_keys = pd.Index(counts["key"].astype(str).unique())
    if keys is None:
        if bursts is not None and len(bursts):
            strength = _strength(bursts)
            strength = strength[strength.index.isin(all_keys)]
            keys = list(strength.sort_values(ascending=False, kind="mergesort").index[:top])
        if not keys:
            totals = counts.groupby(counts["key"].astype(str))["count"].sum()
            keys = list(totals.sort_values(ascending=False, kind="mergesort").index[:top])
    else:
        keys = [keys] if isinstance(keys, str) else [str(k) for k in keys]
        missing = [k for k in keys if k not in all_keys]
        if missing:
            raise ValueError(
                f"The 'keys' parameter of timeline() must name keys of the counts table. "
                f"Got {missing[:5]} which are not in it."
            )

    ax = _axes(ax, figsize)
    colours = {}
    for key in keys:
        sub = counts[counts["key"].astype(str) == key].sort_values("time")
        t = pd.DatetimeIndex(sub["time"])
        t = t.tz_localize("UTC") if t.tz is None else t
        y = sub["count"].to_numpy(dtype=float)
        if share:
            tot = sub["total"].to_numpy(dtype=float)
            with np.errstate(invalid="ignore", divide="ignore"):
                y = np.where(tot > 0, y / tot, np.nan)
        (line,) = ax.plot(_nums(t), y, label=f"{prefix}{key}", drawstyle="steps-post")
        colours[key] = line.get_color()

    if bursts is not None:
        lev = _level(bursts)
        for idx in bursts.sort_values("start", kind="mergesort").index:
            key = str(bursts.at[idx, "key"])
            if key not in colours:
                continue
            a = min(0.9, alpha * float(lev.at[idx]))
            # a thin edge keeps short bursts visible on a long axis
            ax.axvspan(_num(bursts.at[idx, "start"]), _num(bursts.at[idx, "end"]),
                       color=colours[key], alpha=a, lw=0.8, gid=f"burst:{key}:{idx}")

    _date_axis(ax, tz)
    freq = _freq_label(counts.attrs.get("freq"))
    ax.set_ylabel("share of posts" if share else (f"posts per {freq}" if freq else "posts"))
    if title:
        ax.set_title(title)
    if legend and keys:
        ax.legend(loc="upper left", frameon=False)
    ax.margins(x=0)
    return ax


def _nums(times: pd.DatetimeIndex) -> np.ndarray:
    """Matplotlib date numbers (days since 1970-01-01 UTC) of tz-aware times."""
    import matplotlib.dates as mdates

    return np.asarray(mdates.date2num(times.tz_convert("UTC").tz_localize(None).to_numpy()), dtype=float)


def burst_chart(
    bursts: pd.DataFrame,
    *,
    keys: Any = None,
    top: int | None = 20,
    ax: Any = None,
    cmap: str = "Oranges",
    tz: str | None = None,
    peaks: bool = True,
    title: str | None = None,
    figsize: tuple[float, float] | None = None,
) -> Any:
    """Draw one row per key with a bar over each burst, shaded by level.

    Parameters
    ----------
    bursts : pandas.DataFrame
        A burst table: ``key``, ``start``, ``end``, optionally ``level`` (shade; higher
        levels are drawn over lower ones, as in Kleinberg's hierarchy), ``score`` or
        ``weight`` (row order) and ``peak_time`` (a tick on the bar).
    keys : str or list of str, optional
        Keys to draw, top to bottom. Default: the ``top`` strongest keys (by score, weight
        or level), strongest at the top.
    top : int or None, default 20
        Number of keys drawn when ``keys`` is not given; None draws all.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure when omitted.
    cmap : str, default "Oranges"
        Colormap for levels (level 1 light, the highest level dark).
    tz : str, optional
        Time zone of the date axis. Default: that of the ``start`` column.
    peaks : bool, default True
        Mark ``peak_time`` with a black tick when the table has it.
    title : str, optional
        Axes title.
    figsize : tuple, optional
        Size of a new figure (default grows with the number of keys).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> t = pd.Timestamp("2025-02-24 18:00", tz="Asia/Jakarta")
    >>> bursts = pd.DataFrame({
    ...     "key": ["danantara", "danantara", "indonesiagelap"],
    ...     "start": [t, t + pd.Timedelta("2h"), t - pd.Timedelta("1D")],
    ...     "end": [t + pd.Timedelta("6h"), t + pd.Timedelta("4h"), t - pd.Timedelta("20h")],
    ...     "level": [1, 2, 1],
    ... })
    >>> ax = burst_chart(bursts)
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['danantara', 'indonesiagelap']
    """
    func = "burst_chart"
    _check_bursts(bursts, func, key=True)
    _check_top(top, func)
    import matplotlib as mpl
    from matplotlib.patches import Patch

    tz = _tz_of(bursts["start"], bursts.attrs, tz)
    if keys is None:
        order = list(_strength(bursts).sort_values(ascending=False, kind="mergesort").index) if len(bursts) else []
        keys = order if top is None else order[:top]
    else:
        keys = [keys] if isinstance(keys, str) else [str(k) for k in keys]
    row = {k: i for i, k in enumerate(keys)}
    if figsize is None:
        figsize = (10, max(2.0, 0.35 * len(keys) + 1.2))
    ax = _axes(ax, figsize)

    lev = _level(bursts)
    max_level = int(lev.max()) if len(lev) else 1
    colormap = mpl.colormaps[cmap]

    def colour(level: float) -> Any:
        return colormap(0.35 + 0.6 * (level - 1) / max(1, max_level - 1)) if max_level > 1 else colormap(0.65)

    keep = bursts["key"].astype(str).isin(row)
    sub = bursts[keep]
    for idx in sub.assign(_lev=lev[keep]).sort_values(["_lev", "start"], kind="mergesort").index:
        key = str(sub.at[idx, "key"])
        x0, x1 = _num(sub.at[idx, "start"]), _num(sub.at[idx, "end"])
        c = colour(float(lev.at[idx]))  # the edge keeps a short burst visible on a long axis
        ax.broken_barh([(x0, x1 - x0)], (row[key] - 0.38, 0.76), facecolors=c, edgecolors=c,
                       linewidth=1.0, gid=f"burst:{key}:{idx}")
        if peaks and "peak_time" in sub.columns and pd.notna(sub.at[idx, "peak_time"]):
            ax.plot([_num(sub.at[idx, "peak_time"])] * 2, [row[key] - 0.38, row[key] + 0.38],
                    color="black", lw=1)

    ax.set_yticks(range(len(keys)), labels=keys)
    ax.set_ylim(max(len(keys), 1) - 0.5, -0.5)
    _date_axis(ax, tz)
    if len(sub):
        starts = [_num(v) for v in sub["start"]] + [_num(v) for v in sub["end"]]
        pad = 0.02 * (max(starts) - min(starts) or 1.0)
        ax.set_xlim(min(starts) - pad, max(starts) + pad)
    else:
        ax.text(0.5, 0.5, "no bursts", transform=ax.transAxes, ha="center", va="center")
    if max_level > 1:
        levels = sorted({int(v) for v in lev[keep]})
        ax.legend(handles=[Patch(color=colour(v), label=f"level {v}") for v in levels],
                  loc="lower right", frameon=False)
    if title:
        ax.set_title(title)
    return ax
