"""Figures from trendlib tables (matplotlib, imported only when a plot is drawn).

Every function draws on ``ax`` (a new figure's Axes when ``ax=None``) and returns the Axes.

* ``timeline(counts, bursts=None, ...)``: counts over time with bursts shaded.
* ``burst_chart(bursts, ...)``: one row per key, bars over time, shade by level.
* ``sentiment_timeline(table, ...)``: sentiment share over time.
* ``network(G, communities=None, top=...)``: largest nodes coloured by community.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "timeline": "._bursts",
    "burst_chart": "._bursts",
    "sentiment_timeline": "._sentiment",
    "network": "._network",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'trendlib.plot' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
