"""trendlib: trending topics, bursts, sentiment and networks in Indonesian social media.

The top level is a thin, lazy facade (:mod:`trendlib._lazy`, the same helper every
package uses): ``import trendlib`` loads no pandas, numpy or scikit-learn until a function
that needs them is used, so it stays fast.

Modules (one job each): :mod:`trendlib.io` (any source to canonical posts),
:mod:`trendlib.text` (normalise, tokenize, stem), :mod:`trendlib.sentiment`,
:mod:`trendlib.counts`, :mod:`trendlib.bursts`, :mod:`trendlib.trends`,
:mod:`trendlib.graphs`, :mod:`trendlib.report`, :mod:`trendlib.plot` and
:mod:`trendlib.datasets`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_attributes
from .exceptions import ChecksumError, DataNotFoundError, FormatError, SchemaError, TrendlibError

__version__ = "0.2.0.dev0"

# public name -> module that defines it (imported on first access); a submodule maps to itself
_LAZY = {
    "read_posts": "trendlib.io",
    "count": "trendlib.counts",
    "detect_bursts": "trendlib.bursts",
    "BurstDetector": "trendlib.bursts",
    "trending": "trendlib.trends",
    "explain_burst": "trendlib.trends",
    "SentimentClassifier": "trendlib.sentiment",
    "build_report": "trendlib.report",
}
_SUBMODULES = ("io", "text", "sentiment", "counts", "bursts", "trends", "graphs", "topics", "report", "plot", "datasets", "chunked")

_getattr, __dir__, _names = lazy_attributes(__name__, _LAZY)


def __getattr__(name: str):  # noqa: ANN202 - module __getattr__
    if name in _SUBMODULES:
        import importlib

        module = importlib.import_module(f"trendlib.{name}")
        globals()[name] = module
        return module
    return _getattr(name)


__all__ = [
    "__version__",
    "TrendlibError",
    "SchemaError",
    "FormatError",
    "DataNotFoundError",
    "ChecksumError",
    *_names,
    *_SUBMODULES,
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from . import bursts, counts, datasets, graphs, io, plot, report, sentiment, text, trends  # noqa: F401
    from .bursts import BurstDetector, detect_bursts  # noqa: F401
    from .counts import count  # noqa: F401
    from .io import read_posts  # noqa: F401
    from .report import build_report  # noqa: F401
    from .sentiment import SentimentClassifier  # noqa: F401
    from .trends import explain_burst, trending  # noqa: F401
