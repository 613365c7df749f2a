"""One memo helper with one policy for every cache in trendlib (internal).

Caches in trendlib memoise pure ``str -> value`` functions (normalised forms, stems,
token ids). They are bounded, thread-safe for concurrent readers and writers (a lock
guards the eviction; reads of a dict are atomic under the GIL and free-threaded
CPython alike), and they evict the whole table when full, which costs nothing per
hit, unlike an LRU's bookkeeping, and keeps memory bounded on a stream of novel
words. The limit is one number, :data:`DEFAULT_MAXSIZE`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Memo", "DEFAULT_MAXSIZE"]

K = TypeVar("K")
V = TypeVar("V")

_MISSING = object()

#: entries before a cache is emptied (about 100-200 MB for word -> short string tables)
DEFAULT_MAXSIZE = 1_000_000


class Memo(Generic[K, V]):
    """A bounded memo around ``func``.

    Examples
    --------
    >>> m = Memo(str.upper, maxsize=2)
    >>> m("a"), m("b"), len(m)
    ('A', 'B', 2)
    >>> m("c"), len(m)   # full: emptied, then filled again
    ('C', 1)
    """

    def __init__(self, func: Callable[[K], V], *, maxsize: int = DEFAULT_MAXSIZE) -> None:
        self.func = func
        self.maxsize = int(maxsize)
        self.data: dict[K, V] = {}
        self._lock = threading.Lock()

    def __call__(self, key: K) -> V:
        value = self.data.get(key, _MISSING)  # no KeyError raised per miss (cold paths)
        if value is not _MISSING:
            return value
        value = self.func(key)
        with self._lock:
            if len(self.data) >= self.maxsize:
                self.data = {}
            self.data[key] = value
        return value

    def get(self, key: K, default: V | None = None) -> V | None:
        return self.data.get(key, default)

    def put(self, key: K, value: V) -> None:
        with self._lock:
            if len(self.data) >= self.maxsize:
                self.data = {}
            self.data[key] = value

    def clear(self) -> None:
        with self._lock:
            self.data = {}

    def __len__(self) -> int:
        return len(self.data)
