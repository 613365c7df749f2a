"""``normalize(text)``: one post in, its normalised string out.

Why a separate module: the text level (this module, ``_tokenize``) sits on the token
memo (``_chunks``), which sits on the word level (``_wordnorm``); nothing imports
upwards, so there is no import cycle. The steps and what they keep are described in
``_wordnorm`` and in ``docs/text.md``.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._chunks import chunk_memo, unit_chunks
from ._patterns import prepare

__all__ = ["normalize"]


def normalize(text: str, *, slang: Mapping[str, str] | None = None) -> str:
    """Normalise one post: NFKC, lowercase, elongation, slang, reduplication.

    Hashtags, mentions, URLs, emoji, emoticons and anonymisation placeholders survive;
    whitespace runs become one space. The result is a fixed point:
    ``normalize(normalize(t)) == normalize(t)``.

    Parameters
    ----------
    text : str
        One post.
    slang : mapping, optional
        Slang map to use instead of trendlib's own (see :func:`load_slang`).

    Returns
    -------
    str

    See Also
    --------
    tokenize : the same normalisation, as a list of tokens.

    Notes
    -----
    Time is linear in the length of the text (a 100 KB string of any kind takes well
    under a second, see ``benchmarks/bench_text_worst.py``); each distinct chunk and
    word is normalised once per process and memoised (bounded memo).

    Examples
    --------
    >>> normalize("Mantappp bgt yg ini!!")
    'mantap banget yang ini!!'
    >>> normalize("Gak nyangka anak2 pd dtg ke #KTTASEAN2023 @Kemlu_RI 😍")
    'tidak menyangka anak-anak pada datang ke #kttasean2023 @kemlu_ri 😍'
    >>> normalize("Maaf, H-2 sblm acara 2 jam macet &amp; panas wkwkwkwk")
    'maaf, h-2 sebelum acara 2 jam macet & panas wkwk'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() expects text as str. Got {type(text).__name__}.")
    memo = chunk_memo(slang)
    normal = memo.normal
    get = normal.data.get
    out = []
    scan = prepare(text, offsets=False)[0]
    chunks = scan.split()
    for chunk in chunks:
        v = get(chunk)
        out.append(v if v is not None else normal(chunk))
    for i in unit_chunks(scan, chunks):  # 5 km: a unit, not the slang km (kamu)
        out[i] = memo.unit_normal(chunks[i])
    return " ".join(out)
