"""Figures from trendlib tables (matplotlib, imported only when a plot is drawn).

Every function draws on ``ax`` (a new figure's Axes when ``ax=None``) and returns the Axes.

* ``timeline(counts, bursts=None, ...)``: counts over time with bursts shaded.
* ``burst_chart(bursts, ...)``: one row per key, bars over time, shade by level.
* ``sentiment_timeline(table, ...)``: sentiment share over time.
* ``network(G, communities=None, top=...)``: largest nodes coloured by community.
"""

from __future__ import annotations

from .._lazy import lazy_attributes

_LAZY = {
    "timeline": "._bursts",
    "burst_chart": "._bursts",
    "sentiment_timeline": "._sentiment",
    "network": "._network",
}

__getattr__, __dir__, __all__ = lazy_attributes(__name__, _LAZY)
