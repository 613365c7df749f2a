"""JSON and JSON Lines text -> a list of records (dicts), counting bad lines.

A file whose first parseable non-blank line is a complete JSON object is JSON Lines
(snscrape and twarc write ``.json`` files that are really JSONL); otherwise the whole
text is parsed as one JSON document (an array of records, or one object such as a
TikTok comment export). Lines are split on ``\\n`` only: U+2028, U+2029 and U+0085 are
legal inside JSON strings (``json.dumps(ensure_ascii=False)`` writes them raw) and
``str.splitlines`` would cut records there. Blank lines are skipped; a line that does
not parse (an interrupted stream leaves a truncated last line; a corrupt first line;
nesting too deep) is set aside with its line number. Lone surrogates from ``\\ud83d``
escapes are replaced by U+FFFD and counted, since no file can be written with them.
"""

from __future__ import annotations

import json
import re

from ..exceptions import FormatError

__all__ = ["parse_json", "fix_surrogates"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(r"\\[uU][dD][89a-fA-F]")


def fix_surrogates(obj):
    """Return ``(obj, n)``: ``obj`` with lone surrogates replaced by U+FFFD, and how many.

    Examples
    --------
    >>> fix_surrogates({"text": "halo \\ud83d", "tags": ["ok"]})
    ({'text': 'halo �', 'tags': ['ok']}, 1)
    """
    if isinstance(obj, str):
        if _SURROGATE.search(obj) is None:
            return obj, 0
        return _SURROGATE.subn("\ufffd", obj)
    if isinstance(obj, dict):
        n = 0
        out = {}
        for k, v in obj.items():
            v, m = fix_surrogates(v)
            n += m
            out[k] = v
        return out, n
    if isinstance(obj, list):
        n = 0
        out_l = []
        for v in obj:
            v, m = fix_surrogates(v)
            n += m
            out_l.append(v)
        return out_l, n
    return obj, 0


def _loads(line: str):
    try:
        return json.loads(line), None
    except RecursionError:
        return None, "JSON nested too deeply"
    except ValueError:
        return None, "invalid JSON (truncated line?)"


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
    surrogates : int
        Lone surrogates replaced by U+FFFD.

    Examples
    --------
    >>> recs, kind, bad, _ = parse_json('{"id": "1", "text": "halo"}\\n\\n{"id": "2", "te')
    >>> [r["id"] for _, r in recs], kind, bad
    (['1'], 'jsonl', [(3, 'invalid JSON (truncated line?)')])
    >>> recs, kind, bad, _ = parse_json('{"id": "1", "text": "a\\u2028b"}\\n{"id": "2", "text": "c"}')
    >>> len(recs), bad
    (2, [])
    """
    stripped = text.strip()
    if not stripped:
        raise FormatError(f"read_posts(): {name} is empty")
    lines = text.split("\n")
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    first_obj = None
    for i in nonblank[:50]:
        obj, _ = _loads(lines[i])
        if isinstance(obj, (dict, list)) and (len(nonblank) > 1 or isinstance(obj, dict)):
            first_obj = i
            break
    jsonl = first_obj is not None and (first_obj == nonblank[0] or len(nonblank) > 1)
    if first_obj is not None and first_obj != nonblank[0]:
        # a corrupt first line: still JSON Lines when the whole text is not one document
        doc, why = _loads(stripped)
        jsonl = why is not None
    if not jsonl:
        doc, why = _loads(stripped)
        if why is not None:
            raise FormatError(f"read_posts(): {name} is neither JSON nor JSON Lines ({why})")
        n_sur = 0
        if _ESCAPED_SURROGATE.search(stripped):
            doc, n_sur = fix_surrogates(doc)
        if isinstance(doc, list):
            records = [(1, r) for r in doc if isinstance(r, dict)]
            bad = [(1, "array item is not a JSON object")] * (len(doc) - len(records))
            return records, "json", bad, n_sur
        if isinstance(doc, dict):
            return [(1, doc)], "json", [], n_sur
        raise FormatError(f"read_posts(): {name} holds a JSON {type(doc).__name__}; expected objects")
    records, bad = [], []
    n_sur = 0
    for i in nonblank:
        line = lines[i]
        obj, why = _loads(line)
        if why is not None:
            bad.append((i + 1, why))
            continue
        if _ESCAPED_SURROGATE.search(line):
            obj, m = fix_surrogates(obj)
            n_sur += m
        if isinstance(obj, dict):
            records.append((i + 1, obj))
        elif isinstance(obj, list):  # a JSONL line holding a list of records
            items = [o for o in obj if isinstance(o, dict)]
            records.extend((i + 1, o) for o in items)
            if len(items) < len(obj):
                bad.append((i + 1, "not a JSON object"))
        else:
            bad.append((i + 1, "not a JSON object"))
    return records, "jsonl", bad, n_sur
