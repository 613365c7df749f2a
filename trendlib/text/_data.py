"""Reading trendlib's own word lists from ``trendlib/text/data`` (internal).

The bottom of the ``text`` package: every other text module may import it, it imports
none of them. Files are read when a function first needs them, never at import.
"""

from __future__ import annotations

from importlib import resources

__all__ = ["data_text", "read_list"]


def data_text(name: str) -> str:
    """The text of ``trendlib/text/data/<name>`` (UTF-8)."""
    return (resources.files("trendlib.text") / "data" / name).read_text(encoding="utf-8")


def read_list(name: str) -> frozenset[str]:
    """Read a one-word-a-line list from ``trendlib/text/data`` (``#`` starts a comment)."""
    words = set()
    for line in data_text(name).splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.add(line)
    return frozenset(words)
