"""One memo helper with one policy for every cache in trendlib (internal).

Caches in trendlib memoise pure ``str -> value`` functions (normalised forms, stems,
token ids). They are bounded and evict the whole table when full, which costs nothing
per hit, unlike an LRU's bookkeeping, and keeps memory bounded on a stream of novel
words. The limit is one number, :data:`DEFAULT_MAXSIZE`.

They are safe to share between threads without a lock: a single dict ``get`` or item
assignment is atomic, the function is pure (two threads computing the same key store
the same value), and eviction swaps in a new dict, so a racing writer at worst stores
into the table being dropped — a lost memo entry, never a wrong value. No lock is taken
on the cold path, where a memo is hit hardest. A cache whose values must agree with
each other (e.g. token ids) needs its own lock; it is not a ``Memo``.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

__all__ = ["Memo", "DEFAULT_MAXSIZE", "collection_paused"]

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

    def __call__(self, key: K) -> V:
        value = self.data.get(key, _MISSING)  # no KeyError raised per miss (cold paths)
        if value is not _MISSING:
            return value
        value = self.func(key)
        data = self.data
        if len(data) >= self.maxsize:
            data = self.data = {}
        data[key] = value
        return value

    def get(self, key: K, default: V | None = None) -> V | None:
        return self.data.get(key, default)

    def put(self, key: K, value: V) -> None:
        data = self.data
        if len(data) >= self.maxsize:
            data = self.data = {}
        data[key] = value

    def clear(self) -> None:
        self.data = {}

    def __len__(self) -> int:
        return len(self.data)


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a batch, back as it was after.

    Why: a batch of new texts fills the memos with hundreds of thousands of small
    containers (lists, named tuples), which the collector tracks, and every collection of
    the older generations walks all of them again. On new tweets the collections took
    about a fifth of the sentiment scorer's CPU time and a quarter of the tokenizer's.
    The batch paths that use this allocate no reference cycles (everything is freed by
    reference counting; ``gc.collect()`` finds nothing after them, tested), so nothing is
    left for the collector. It is re-enabled only if it was enabled on entry; two
    threads in a batch at once may turn it back on early, which costs speed, never
    correctness.

    On the way out, what the batch kept (its memo entries, long-lived by design) is moved
    to the oldest generation with ``gc.freeze()`` then ``gc.unfreeze()``, which splices
    the collector's lists without walking them. Otherwise the first allocation after the
    batch starts a young collection that walks every container the batch created: 53 ms
    after 20,000 new tweets (386,000 tuples), 7% of the scorer's time. The objects stay
    tracked, and the next full collection reads them as it would have. This is skipped
    when the process has frozen objects of its own (``gc.get_freeze_count()``, e.g. a
    server that froze its heap before forking), which an unfreeze would release.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if not gc.get_freeze_count():
                gc.freeze()  # everything tracked to the permanent generation (no walk) ...
                gc.unfreeze()  # ... and back into the oldest one
            gc.enable()
