"""Renamed keyword arguments: the old name keeps working for one release and warns (internal).

Usage::

    @renamed_kwargs(by="key", since="0.2")
    def count(posts, *, key="hashtag", ...): ...

``count(posts, by="mention")`` then runs as ``count(posts, key="mention")`` and emits a
:class:`FutureWarning` (shown to end users by default, unlike ``DeprecationWarning``)
naming both. Passing both names is an error.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["renamed_kwargs"]

F = TypeVar("F", bound=Callable[..., Any])


def renamed_kwargs(*, since: str = "0.2", remove_in: str = "0.3", **renames: str) -> Callable[[F], F]:
    """Decorator mapping old keyword names to new ones with a ``FutureWarning``.

    Examples
    --------
    >>> @renamed_kwargs(by="key")
    ... def f(*, key="hashtag"):
    ...     return key
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     value = f(by="mention")
    >>> value
    'mention'
    >>> print(w[0].message)
    f(by=...) is deprecated since trendlib 0.2 and will be removed in 0.3; use f(key=...).
    """

    def deco(func: F) -> F:
        name = func.__name__

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            for old, new in renames.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(
                            f"{name}() got both {old!r} (deprecated) and {new!r}; pass only {new!r}."
                        )
                    warnings.warn(
                        f"{name}({old}=...) is deprecated since trendlib {since} and will be "
                        f"removed in {remove_in}; use {name}({new}=...).",
                        FutureWarning,
                        stacklevel=2,
                    )
                    kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        wrapper.__renamed_kwargs__ = dict(renames)  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return deco
