"""Lazy attribute tables for package facades (internal).

A package lists its public names and the submodule that defines each; nothing is
imported until a name is first used, so ``import trendlib`` stays fast::

    __getattr__, __dir__, __all__ = lazy_attributes(__name__, {"tokenize": "._tokenize"})
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_attributes"]


def lazy_attributes(package: str, table: Mapping[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]], list[str]]:
    """Return ``(__getattr__, __dir__, __all__)`` for ``package``.

    ``table`` maps a public name to the module that defines it, relative to ``package``
    (``"._tokenize"``) or absolute (``"trendlib.io"``). A resolved name is cached in the
    package namespace, so ``__getattr__`` runs once per name.

    Examples
    --------
    >>> getattr_, dir_, all_ = lazy_attributes("trendlib", {"read_posts": "trendlib.io"})
    >>> all_
    ['read_posts']
    >>> getattr_("nope")
    Traceback (most recent call last):
    ...
    AttributeError: module 'trendlib' has no attribute 'nope'
    """
    names = sorted(table)

    def __getattr__(name: str) -> Any:
        target = table.get(name)
        if target is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(target, package), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(names))

    return __getattr__, __dir__, names
