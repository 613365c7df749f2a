"""Reply brigades of a Dask collection: the reply rows' few short columns, gathered.

:func:`trendlib.graphs.reply_brigades` reads only who answered which thread of whom: the
reply rows' ``author``, ``reply_to``, ``conversation_id``, ``is_retweet``, ``id`` and
``time``. Those columns of the replies are gathered (tens of bytes per reply, no text) and
the pandas function runs on them; the brigades' example texts are then read in a second
pass that keeps only the posts it names. The table is the pandas function's on the same
columns, tested equal. A collection from :func:`trendlib.dask.read_posts` holds the
canonical columns only, without ``conversation_id``: there every reply to one account is
one thread (the pandas function's fallback), which is coarser.
"""

from __future__ import annotations

import inspect
from typing import Any

import pandas as pd

from .._validation import require_columns
from ._collection import require_dask

__all__ = ["reply_brigades"]

_FUNC = "reply_brigades"
_COLUMNS = ("author", "reply_to", "conversation_id", "is_retweet", "id", "time")


def reply_brigades(ddf: Any, **options: Any) -> pd.DataFrame:
    """:func:`trendlib.graphs.reply_brigades` of a Dask collection of posts.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Canonical posts (``trendlib.dask.read_posts``).
    **options
        Those of :func:`trendlib.graphs.reply_brigades` (``min_repliers``, ``min_shared``,
        ``min_share``, ``min_score``, ``top``).

    Returns
    -------
    pandas.DataFrame
        The same table as the pandas function on the computed posts.

    Examples
    --------
    >>> import trendlib.dask as td                                      # doctest: +SKIP
    >>> td.reply_brigades(td.read_posts("scrapes/*.csv"))               # doctest: +SKIP
    """
    from ..graphs import reply_brigades as pandas_version
    from ..graphs._brigades import first_texts

    require_dask(_FUNC)
    if not hasattr(ddf, "map_partitions"):
        raise TypeError(f"trendlib.dask.{_FUNC}() expects a dask.dataframe.DataFrame of posts. Got {type(ddf).__name__}.")
    require_columns(ddf._meta, ["author", "reply_to"], func=_FUNC, hint="trendlib.dask.read_posts(...)")
    top = options.pop("top", inspect.signature(pandas_version).parameters["top"].default)
    cols = [c for c in _COLUMNS if c in ddf.columns]
    replies = ddf[ddf["reply_to"].notnull()][cols].compute().reset_index(drop=True)
    out = pandas_version(replies, top=0, **options)
    if len(out) and top and "id" in ddf.columns and "text" in ddf.columns:
        wanted = {i for ids in out["post_ids"] for i in ids}
        texts = ddf[ddf["id"].isin(list(wanted))][["id", "text"]].compute()
        by_id = dict(zip(texts["id"].astype(str), texts["text"]))
        out["texts"] = [first_texts((by_id.get(str(i)) for i in ids), top) for ids in out["post_ids"]]
    return out
