"""Exceptions raised by trendlib.

Every error trendlib raises on bad input derives from :class:`TrendlibError`, so a
pipeline can catch them all at once while still seeing the standard base class
(``ValueError``) that generic code expects.
"""

from __future__ import annotations

__all__ = ["TrendlibError", "SchemaError", "FormatError", "DataNotFoundError", "ChecksumError"]


class TrendlibError(Exception):
    """Base class of all trendlib errors."""


class SchemaError(TrendlibError, ValueError):
    """A DataFrame lacks the columns (or dtypes) a function needs.

    The message names the function, the missing columns, the available columns and,
    where one exists, the call that would add them.
    """


class FormatError(TrendlibError, ValueError):
    """A source could not be read or parsed as the requested format."""


class DataNotFoundError(TrendlibError, FileNotFoundError):
    """A dataset file is not in the data home (and was not fetched)."""


class ChecksumError(TrendlibError, OSError):
    """A downloaded file does not match its published sha256 checksum."""
