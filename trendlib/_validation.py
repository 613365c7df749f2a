"""Argument checks shared by every module (internal).

All public functions validate user input with these helpers, never with ``assert``,
so the messages have one shape everywhere::

    SchemaError: count() needs columns ['time', 'hashtags']; missing ['hashtags'].
    Available: ['id', 'time', 'text']. Add them with trendlib.read_posts(...).

    ValueError: The 'freq' parameter of count() must be one of ['1h', ...]. Got 'hourly'.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .exceptions import SchemaError

__all__ = [
    "require_columns",
    "check_choice",
    "check_positive",
    "check_probability",
    "check_int",
    "check_graph",
    "check_weights",
]


def require_columns(df: Any, columns: Iterable[str], *, func: str, hint: str | None = None) -> None:
    """Raise :class:`SchemaError` unless ``df`` is a DataFrame holding ``columns``.

    Parameters
    ----------
    df : pandas.DataFrame
        The frame to check.
    columns : iterable of str
        Columns the calling function needs.
    func : str
        Name of the calling public function, e.g. ``"count"``; shown as ``count()``.
    hint : str, optional
        The call that adds the missing columns, e.g. ``"trendlib.read_posts(...)"``.

    Examples
    --------
    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"time": []}), ["time", "hashtags"], func="count")
    Traceback (most recent call last):
    ...
    trendlib.exceptions.SchemaError: count() needs columns ['time', 'hashtags']; missing ['hashtags']. Available: ['time'].
    """
    columns = list(columns)
    if not hasattr(df, "columns") or not hasattr(df, "iloc"):
        raise TypeError(
            f"{func}() expects a pandas DataFrame of posts. Got {type(df).__name__}."
        )
    missing = [c for c in columns if c not in df.columns]
    if missing:
        msg = (
            f"{func}() needs columns {columns}; missing {missing}. "
            f"Available: {list(map(str, df.columns))}."
        )
        if hint:
            msg += f" Add them with {hint}."
        raise SchemaError(msg)


def check_choice(value: Any, choices: Iterable[Any], *, name: str, func: str) -> Any:
    """Return ``value`` if it is one of ``choices``, else raise ``ValueError``.

    Examples
    --------
    >>> check_choice("hashtag", ["hashtag", "mention"], name="by", func="count")
    'hashtag'
    >>> check_choice("tag", ["hashtag", "mention"], name="by", func="count")
    Traceback (most recent call last):
    ...
    ValueError: The 'by' parameter of count() must be one of ['hashtag', 'mention']. Got 'tag'.
    """
    choices = list(choices)
    if value not in choices:
        raise ValueError(
            f"The {name!r} parameter of {func}() must be one of {choices}. Got {value!r}."
        )
    return value


def check_positive(value: Any, *, name: str, func: str, strict: bool = True) -> float:
    """Return ``value`` as a float if it is a (strictly) positive real number.

    Examples
    --------
    >>> check_positive(2, name="s", func="kleinberg")
    2.0
    >>> check_positive(0.5, name="s", func="kleinberg")
    0.5
    >>> check_positive(-1, name="gamma", func="kleinberg")
    Traceback (most recent call last):
    ...
    ValueError: The 'gamma' parameter of kleinberg() must be a number > 0. Got -1.
    """
    bound = "> 0" if strict else ">= 0"
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(
            f"The {name!r} parameter of {func}() must be a number {bound}. Got {value!r}."
        ) from None
    if x != x or (x <= 0 if strict else x < 0):
        raise ValueError(f"The {name!r} parameter of {func}() must be a number {bound}. Got {value!r}.")
    return x


def check_probability(value: Any, *, name: str, func: str) -> float:
    """Return ``value`` as a float if it lies in the open interval (0, 1).

    Examples
    --------
    >>> check_probability(0.05, name="alpha", func="backbone")
    0.05
    >>> check_probability(1.5, name="alpha", func="backbone")
    Traceback (most recent call last):
    ...
    ValueError: The 'alpha' parameter of backbone() must be a number in (0, 1). Got 1.5.
    """
    try:
        x = float(value)
    except (TypeError, ValueError):
        x = float("nan")
    if not 0 < x < 1:
        raise ValueError(f"The {name!r} parameter of {func}() must be a number in (0, 1). Got {value!r}.")
    return x


def check_int(value: Any, *, name: str, func: str, minimum: int = 1) -> int:
    """Return ``value`` as int if it is an integer >= ``minimum``, else ``ValueError``.

    Examples
    --------
    >>> check_int(3, name="min_accounts", func="coordinated_accounts")
    3
    >>> check_int(True, name="top", func="influencers")
    Traceback (most recent call last):
    ...
    ValueError: The 'top' parameter of influencers() must be an integer >= 1. Got True.
    """
    import numpy as np

    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(
            f"The {name!r} parameter of {func}() must be an integer >= {minimum}. Got {value!r}."
        )
    return int(value)


def check_graph(G: Any, *, func: str) -> None:
    """Raise ``TypeError`` unless ``G`` is a networkx graph."""
    import networkx as nx

    if not isinstance(G, nx.Graph):
        raise TypeError(f"{func}() expects a networkx Graph or DiGraph. Got {type(G).__name__}.")


def check_weights(G: Any, weight: str | None, *, func: str, allow_zero: bool = True) -> None:
    """Raise ``ValueError`` when an edge has a negative (or NaN) ``weight`` attribute."""
    if weight is None:
        return
    bad = [
        (u, v, w)
        for u, v, w in G.edges(data=weight, default=1)
        if not (w >= 0 if allow_zero else w > 0)
    ]
    if bad:
        u, v, w = bad[0]
        raise ValueError(
            f"{func}() needs non-negative edge weights in the {weight!r} attribute; "
            f"{len(bad)} edge(s) are negative or NaN, e.g. ({u!r}, {v!r}) = {w!r}. "
            "Association weights such as PMI can be negative: pass weight='count'."
        )
