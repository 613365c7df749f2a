"""Reading the sentiment data files: TSV tables of scores and the emoji valences (internal).

Its own module so that the token analysis (``_analyse``, which needs emoji valences) and
the lexicon (``_lexicon``, which needs the token analysis to normalise its keys) both read
data from here without importing each other.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["data_path", "read_tsv", "emoji_table"]


def data_path(name: str):
    return resources.files("trendlib.sentiment").joinpath("data", name)


def read_tsv(text: str, source: str) -> tuple[dict[str, float], dict[str, str]]:
    scores: dict[str, float] = {}
    prov: dict[str, str] = {}
    bad = []
    lines = text.splitlines()
    start = 0
    while start < len(lines) and (not lines[start].strip() or lines[start].startswith("#")):
        start += 1
    header = lines[start].split("\t") if start < len(lines) else []
    has_header = bool(header) and header[0].strip().lower() in ("word", "emoji", "term")
    for n, line in enumerate(lines[start + has_header :], start + has_header + 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\r").split("\t")
        try:
            scores[cols[0].strip()] = float(cols[1])
        except (IndexError, ValueError):
            bad.append(n)
            continue
        if len(cols) > 2 and cols[2].strip():
            prov[cols[0].strip()] = cols[2].strip()
    if bad:
        from ..exceptions import FormatError

        raise FormatError(
            f"{source}: {len(bad)} malformed line(s) (expected word<TAB>score[<TAB>provenance]); "
            f"first at line {bad[0]}."
        )
    return scores, prov


@lru_cache(maxsize=None)
def emoji_table() -> dict[str, float]:
    scores, _ = read_tsv(data_path("emoji_valence.tsv").read_text(encoding="utf-8"), "emoji_valence.tsv")
    return {k: max(-1.0, min(1.0, v)) for k, v in scores.items()}
