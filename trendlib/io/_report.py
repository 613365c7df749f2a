"""What a reader noticed while reading one source: dropped rows, notes, facts for attrs."""

from __future__ import annotations

__all__ = ["Report", "ReadWarning"]


class ReadWarning(UserWarning):
    """A reader dropped malformed rows, fell back to another encoding or column, or saw
    ids that cannot be trusted. The message gives counts; ``posts.attrs`` keeps them."""


class Report:
    """Collects counts and messages while one source is read (internal).

    ``dropped`` maps a reason ("truncated row", "unparseable time", ...) to a row count;
    ``examples`` keeps up to three ``line N: value`` strings per reason; ``notes`` are
    messages to warn about even when nothing is dropped; ``info`` goes into attrs.
    """

    def __init__(self, name: str, source: str | None = None):
        self.name = name
        self.source = source if source is not None else name
        self.rows_read = 0
        self.dropped: dict[str, int] = {}
        self.examples: dict[str, list[str]] = {}
        self.notes: list[str] = []
        self.info: dict = {}

    def drop(self, reason: str, count: int, examples=()) -> None:
        if count <= 0:
            return
        self.dropped[reason] = self.dropped.get(reason, 0) + int(count)
        ex = self.examples.setdefault(reason, [])
        for e in examples:
            if len(ex) >= 3:
                break
            ex.append(str(e))

    def drop_lines(self, bad) -> None:
        """Record ``(line, reason)`` pairs from the text parsers."""
        by: dict[str, list[int]] = {}
        for line, reason in bad:
            key = reason.split(" (")[0]
            by.setdefault(key, []).append(line)
            if key not in self.examples or len(self.examples[key]) < 3:
                self.examples.setdefault(key, []).append(f"line {line}: {reason}")
        for key, lines in by.items():
            self.dropped[key] = self.dropped.get(key, 0) + len(lines)

    def bad_record(self, line: int, exc: BaseException) -> None:
        """Count a JSON record whose shape a reader cannot use (a list where an object
        belongs, a string for ``user``...)."""
        self.drop("malformed record", 1, [f"line {line}: {type(exc).__name__}: {str(exc)[:80]}"])

    def note(self, message: str) -> None:
        self.notes.append(message)

    @property
    def n_dropped(self) -> int:
        return sum(self.dropped.values())

    def dropped_message(self, rows_total: int) -> str:
        parts = []
        for reason, n in self.dropped.items():
            ex = self.examples.get(reason)
            parts.append(f"{n} {reason}" + (f" ({'; '.join(ex)})" if ex else ""))
        return (
            f"read_posts(): {self.n_dropped} of {rows_total} rows of {self.name} are malformed "
            f"and were dropped: " + ", ".join(parts)
        )
