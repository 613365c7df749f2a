"""JSON and JSON Lines text -> a list of records (dicts), counting bad lines.

A file whose first non-blank line is a complete JSON value is JSON Lines (snscrape and
twarc write ``.json`` files that are really JSONL); otherwise the whole text is parsed
as one JSON document (an array of records, or one object such as a TikTok comment
export). Blank lines are skipped; a line that does not parse (an interrupted stream
leaves a truncated last line) is set aside with its line number.
"""

from __future__ import annotations

import json

from ..exceptions import FormatError

__all__ = ["parse_json"]


def parse_json(text: str, *, name: str = "<data>"):
    """Parse JSON or JSON Lines ``text``.

    Returns
    -------
    records : list of (int, dict)
        ``(line number, object)`` pairs (line 1 for a whole-file document).
    kind : str
        ``"jsonl"`` or ``"json"``.
    bad : list of (int, str)
        ``(line number, reason)`` for lines that were set aside.

    Examples
    --------
    >>> recs, kind, bad = parse_json('{"id": "1", "text": "halo"}\\n\\n{"id": "2", "te')
    >>> [r["id"] for _, r in recs], kind, bad
    (['1'], 'jsonl', [(3, 'invalid JSON (truncated line?)')])
    """
    stripped = text.strip()
    if not stripped:
        raise FormatError(f"read_posts(): {name} is empty")
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.strip())
    try:
        json.loads(lines[first])
        jsonl = True
    except ValueError:
        jsonl = False
    if not jsonl:
        try:
            doc = json.loads(stripped)
        except ValueError as exc:
            raise FormatError(f"read_posts(): {name} is neither JSON nor JSON Lines: {exc}") from None
        if isinstance(doc, list):
            records = [(1, r) for r in doc if isinstance(r, dict)]
            bad = [(1, "array item is not a JSON object")] * (len(doc) - len(records))
            return records, "json", bad
        if isinstance(doc, dict):
            return [(1, doc)], "json", []
        raise FormatError(f"read_posts(): {name} holds a JSON {type(doc).__name__}; expected objects")
    records, bad = [], []
    loads = json.loads
    for i in range(first, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        try:
            obj = loads(line)
        except ValueError:
            bad.append((i + 1, "invalid JSON (truncated line?)"))
            continue
        if isinstance(obj, dict):
            records.append((i + 1, obj))
        elif isinstance(obj, list):  # a JSONL line holding a list of records
            records.extend((i + 1, o) for o in obj if isinstance(o, dict))
        else:
            bad.append((i + 1, "not a JSON object"))
    return records, "jsonl", bad
