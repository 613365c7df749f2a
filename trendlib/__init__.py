"""trendlib: trending topics, bursts, sentiment and networks in Indonesian social media.

The top level is a thin, lazy facade: ``import trendlib`` loads no pandas, numpy or
scikit-learn until a function that needs them is used, so it stays fast.

Modules (one job each): :mod:`trendlib.io` (any source to canonical posts),
:mod:`trendlib.text` (normalise, tokenize, stem), :mod:`trendlib.sentiment`,
:mod:`trendlib.counts`, :mod:`trendlib.bursts`, :mod:`trendlib.trends`,
:mod:`trendlib.graphs`, :mod:`trendlib.plot` and :mod:`trendlib.datasets`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .exceptions import ChecksumError, DataNotFoundError, FormatError, SchemaError, TrendlibError

__version__ = "0.1.0"

# public name -> module that defines it (imported on first access)
_LAZY = {
    "read_posts": "trendlib.io",
    "count": "trendlib.counts",
    "detect_bursts": "trendlib.bursts",
    "BurstDetector": "trendlib.bursts",
    "trending": "trendlib.trends",
    "explain_burst": "trendlib.trends",
    "SentimentClassifier": "trendlib.sentiment",
}
_SUBMODULES = {"io", "text", "sentiment", "counts", "bursts", "trends", "graphs", "plot", "datasets"}

__all__ = [
    "__version__",
    "TrendlibError",
    "SchemaError",
    "FormatError",
    "DataNotFoundError",
    "ChecksumError",
    *sorted(_LAZY),
    *sorted(_SUBMODULES),
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        module = importlib.import_module(f"trendlib.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'trendlib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from . import bursts, counts, datasets, graphs, io, plot, sentiment, text, trends  # noqa: F401
    from .bursts import BurstDetector, detect_bursts  # noqa: F401
    from .counts import count  # noqa: F401
    from .io import read_posts  # noqa: F401
    from .sentiment import SentimentClassifier  # noqa: F401
    from .trends import explain_burst, trending  # noqa: F401
