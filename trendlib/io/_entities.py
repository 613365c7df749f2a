"""Hashtags, mentions and URLs of every post, exactly as :mod:`trendlib.text` finds them.

Why a module of its own, and why not call ``trendlib.text.hashtags`` (``mentions``,
``urls``) per post: three calls prepare and scan each text three times, in Python,
and on a 200 MB scrape that was the reader's largest cost. Entities never span
whitespace and a chunk's entities do not depend on its neighbours (the text module
classifies whitespace-free chunks through one memo), so here each distinct text is
split once (vectorised in Arrow for texts that ``prepare`` leaves unchanged), only the
chunks that can hold an entity (``#``, ``@``, ``/``, ``:``, a dot followed by a
character) are classified, once per distinct chunk. A test compares the result with the
text functions on every real text of the data home.
"""

from __future__ import annotations

import re

from .._cache import Memo

__all__ = ["entity_table", "entity_lists"]


def _text_functions():
    from .. import text as _text

    return {"hashtags": _text.hashtags, "mentions": _text.mentions, "urls": _text.urls}


def _norm_entity(kind: str, items) -> list:
    if kind == "urls":
        return [x.strip() for x in items if isinstance(x, str) and x.strip()]
    marks = "#＃" if kind == "hashtags" else "@＠"
    out = []
    for x in items:
        if x is None:
            continue
        x = str(x).strip().lstrip(marks).lower()
        if x:
            out.append(x)
    return out


#: texts the vectorised path leaves to Python: HTML entities, and characters that
#: str.split() and Arrow may not agree are whitespace (information separators, NEL...)
_NOT_SIMPLE = "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|[\\x1c-\\x1f\\x{85}\\x{a0}\\x{1680}\\x{180e}\\x{2000}-\\x{200b}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]"

#: whitespace-free runs that can hold a hashtag, a mention or a URL (after NFKC)
_CANDIDATE = re.compile(r"(?<!\S)[^\s#@./:＃＠]*[#@./:＃＠]\S*")
_KIND_COLUMN = {"hashtag": 0, "mention": 1, "url": 2}


def _extractor():
    """One pass per text for all three entity kinds, exactly as :mod:`trendlib.text` sees
    them: the text is prepared (HTML unescape, NFKC) once, and only its chunks holding
    ``#``, ``@``, ``.``, ``/`` or ``:`` are classified (through the text module's chunk
    memo), since no other chunk can be an entity. Three separate calls of
    ``hashtags``/``mentions``/``urls`` prepare and scan every chunk three times."""
    from ..text._chunks import chunk_memo
    from ..text._patterns import prepare

    items = chunk_memo(None).items
    find = _CANDIDATE.findall

    def extract(text: str):
        out: tuple[list, list, list] = ([], [], [])
        for chunk in find(prepare(text, offsets=False)[0]):
            for kind, _a, _b, norm in items(chunk):
                col = _KIND_COLUMN.get(kind)
                if col is not None:
                    out[col].append(norm[1:] if col < 2 else norm)
        return out

    return extract


def _entities_of_chunk(chunk: str) -> tuple:
    from ..text._chunks import chunk_memo

    out = []
    for kind, _a, _b, norm in chunk_memo(None).items(chunk):
        col = _KIND_COLUMN.get(kind)
        if col is not None:
            out.append((col, norm[1:] if col < 2 else norm))
    return tuple(out)


#: chunk -> ((column, entity), ...): the entities of one whitespace-free chunk
_CHUNK_ENTITIES: Memo = Memo(_entities_of_chunk)


def _extract_unique(uniques, n: int) -> list:
    """Entities of distinct texts: ``[(tags, mentions, urls) or None]`` per text.

    ``uniques`` is an Arrow string array (or a list of str without pyarrow). Plain ASCII
    texts without HTML entities are what ``prepare`` leaves unchanged; for them the
    whitespace split and the candidate filter run vectorised in Arrow, in slices (to
    bound memory), and only candidate chunks reach Python, classified once each through
    the chunk memo. Other texts take :func:`_extractor`'s per-text path. Both give
    exactly what :mod:`trendlib.text` gives (tested on every real file of the data home).
    """
    out: list = [None] * n
    if isinstance(uniques, list):
        rest = list(range(n))
    else:
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        rest = []
        of_chunk = _CHUNK_ENTITIES
        step = 1 << 16
        for lo in range(0, n, step):
            arr = uniques.slice(lo, step)
            ascii_np = np.asarray(pc.string_is_ascii(arr).fill_null(False), dtype=bool)
            odd = np.asarray(pc.match_substring_regex(arr, _NOT_SIMPLE).fill_null(True), dtype=bool)
            simple_np = ~odd
            # non-ASCII texts that prepare() leaves as they are (already NFKC, no
            # invisible fillers) take the vectorised path too
            other = np.flatnonzero(~ascii_np & simple_np)
            if len(other):
                from ..text._patterns import _needs_work

                texts_other = arr.take(pa.array(other)).to_pylist()
                simple_np[other] = [not _needs_work(t) for t in texts_other]
            simple = pa.array(simple_np)
            idx = np.flatnonzero(simple_np) + lo
            rest.extend((np.flatnonzero(~simple_np) + lo).tolist())
            if not len(idx):
                continue
            lists = pc.utf8_split_whitespace(arr.filter(simple))
            flat = pc.list_flatten(lists)
            # a URL needs a dot followed by a character: "macet." cannot hold one
            cand = pc.match_substring_regex(flat, "[#@/:]|\\.[^.]")
            cand_chunks = flat.filter(cand)
            owners = idx[np.asarray(pc.list_parent_indices(lists).filter(cand))]
            del lists, flat
            if not len(cand_chunks):
                continue
            # each distinct candidate chunk is classified once; chunks without entities
            # (numbers, abbreviations with dots) are then skipped with a numpy mask
            enc = pc.dictionary_encode(cand_chunks).combine_chunks() if hasattr(cand_chunks, "combine_chunks") \
                else pc.dictionary_encode(cand_chunks)
            codes = np.asarray(enc.indices)
            ents = [of_chunk(c) for c in enc.dictionary.to_pylist()]
            has = np.fromiter((bool(e) for e in ents), dtype=bool, count=len(ents))
            keep = has[codes]
            for owner, code in zip(owners[keep].tolist(), codes[keep].tolist()):
                r = out[owner]
                if r is None:
                    r = out[owner] = ([], [], [])
                for col, value in ents[code]:
                    r[col].append(value)
        if rest:
            texts = uniques.take(pa.array(rest)).to_pylist()
            rest_texts = dict(zip(rest, texts))
    if rest:
        extract = _extractor()
        for i in rest:
            t = uniques[i] if isinstance(uniques, list) else rest_texts[i]
            r = extract(t if isinstance(t, str) else "")
            if r[0] or r[1] or r[2]:
                out[i] = r
    return out


def entity_table(texts, given=None):
    """Hashtags, mentions and URLs of every post: three Series of lists.

    Cells of ``given[kind]`` that hold a list (the source's own entities) are kept,
    normalised (lowercase, no ``#``/``@`` for tags and mentions); the others are
    extracted from the text once per distinct text, giving what
    :func:`trendlib.text.hashtags` (``mentions``, ``urls``) give.

    Examples
    --------
    >>> import pandas as pd
    >>> tags, ments, urls = entity_table(pd.Series(["Macet! #KTTASEAN2023 @TMC_Polda t.co/x1", "halo"]))
    >>> tags.tolist(), ments.tolist(), urls.tolist()
    ([['kttasean2023'], []], [['tmc_polda'], []], [['t.co/x1'], []])
    """
    import numpy as np
    import pandas as pd

    kinds = ("hashtags", "mentions", "urls")
    n = len(texts)
    cols: list[list] = [[None] * n for _ in kinds]
    given_any = False
    if given:
        for j, kind in enumerate(kinds):
            g = given.get(kind)
            if g is None:
                continue
            for i, v in enumerate(g.tolist()):
                if isinstance(v, (list, tuple)):
                    cols[j][i] = _norm_entity(kind, v)
                    given_any = True
    if n:
        codes, uniques = pd.factorize(texts, use_na_sentinel=False)
        try:
            import pyarrow as pa

            arr = pa.array(uniques.to_numpy(dtype=object) if uniques.dtype == object else uniques.array,
                           type=pa.large_string(), from_pandas=True)
            found = _extract_unique(arr.fill_null(""), len(uniques))
        except ImportError:
            found = _extract_unique([t if isinstance(t, str) else "" for t in uniques.tolist()], len(uniques))
        from ._fast import release_memory

        release_memory()
        codes_l = codes.tolist()
        per_row = [found[c] for c in codes_l]
        # the first post of a text gets the extracted lists, later ones copies
        first_of = np.zeros(len(codes_l), dtype=bool)
        if len(codes_l):
            _, pos = np.unique(np.asarray(codes_l), return_index=True)
            first_of[pos] = True
        first_l = first_of.tolist()
        for j in range(3):
            if given_any:
                col = cols[j]
                for i, r in enumerate(per_row):
                    if col[i] is None:
                        col[i] = [] if r is None else r[j][:]
            else:
                cols[j] = [[] if r is None else (r[j] if f else r[j][:]) for r, f in zip(per_row, first_l)]
    del given_any
    return tuple(pd.Series(c, index=texts.index, dtype=object) for c in cols)


def entity_lists(texts, given=None, *, kind: str):
    """Lists of one entity kind per post (see :func:`entity_table`).

    Examples
    --------
    >>> import pandas as pd
    >>> entity_lists(pd.Series(["Macet! #KTTASEAN2023 #asean", "halo"]), kind="hashtags").tolist()
    [['kttasean2023', 'asean'], []]
    """
    j = ("hashtags", "mentions", "urls").index(kind)
    return entity_table(texts, {kind: given} if given is not None else None)[j]
