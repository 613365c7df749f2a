"""Posts level: add a token-list column to a posts DataFrame."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from .._cache import collection_paused
from .._validation import require_columns
from ._stopwords import _resolve
from ._tokenize import tokenize

__all__ = ["add_tokens"]


def add_tokens(
    posts: Any,
    *,
    column: str = "text",
    stem: bool = False,
    stopwords: str | Collection[str] | None = None,
    out: str = "tokens",
    slang: Mapping[str, str] | None = None,
):
    """Return a copy of ``posts`` with a column of token lists.

    Each row gets ``tokenize(text, stem=stem, stopwords=stopwords)``. Work is memoised
    per distinct text (retweets and copy-paste campaigns repeat texts) and per distinct
    token, so a million posts take seconds, not hours. The result of a row depends on
    that row only: the function can run partition by partition (e.g. with Dask's
    ``map_partitions``) and give the same rows as one call on the whole frame.

    Parameters
    ----------
    posts : pandas.DataFrame
        Posts, e.g. from :func:`trendlib.read_posts`.
    column : str, default "text"
        Column holding the text.
    stem : bool, default False
        Stem word tokens (see :func:`trendlib.text.tokenize`).
    stopwords : {"topic", "sentiment"} or collection of str, optional
        Drop these word tokens.
    out : str, default "tokens"
        Name of the new column (replaced if it exists).
    slang : mapping, optional
        Slang map to use instead of trendlib's own (see :func:`load_slang`).

    Returns
    -------
    pandas.DataFrame
        A copy of ``posts`` with ``out`` holding one list of str per row; a missing text
        (None/NaN) gives an empty list, a non-string value is tokenised as ``str(value)``.

    Raises
    ------
    SchemaError
        ``posts`` lacks ``column``.

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"text": ["Macet bgt di Senayan #KTTASEAN", None,
    ...                                "Delegasi sdh tiba 👍"]})
    >>> add_tokens(posts, stopwords="topic")["tokens"].tolist()
    [['macet', 'senayan', '#kttasean'], [], ['delegasi', 'tiba', '👍']]
    """
    require_columns(posts, [column], func="add_tokens", hint="trendlib.read_posts(...)")
    if not isinstance(out, str) or not out:
        raise ValueError(f"The 'out' parameter of add_tokens() must be a column name. Got {out!r}.")
    stop = _resolve(stopwords, func="add_tokens")
    seen: dict[str, list[str]] = {}

    def one(value: Any) -> list[str]:
        if value is None or (isinstance(value, float) and value != value):
            return []
        if not isinstance(value, str):
            try:
                import pandas as pd

                if pd.isna(value):
                    return []
            except (TypeError, ValueError):
                pass
            value = str(value)
        hit = seen.get(value)
        if hit is None:
            hit = seen[value] = tokenize(value, stem=stem, stopwords=stop, slang=slang)
        return list(hit)

    result = posts.copy()
    with collection_paused():  # new texts fill the memos: see trendlib._cache
        result[out] = [one(v) for v in posts[column].tolist()]
    return result
