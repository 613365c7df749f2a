"""Coordinated accounts from a Dask collection: gather the columns the detector reads, then pandas.

Why not a per-fingerprint map: :func:`trendlib.graphs.coordinated_accounts` scores every
shared fingerprint against null models of the *whole* collection (posting times shuffled
across all posts, content drawn by its overall popularity), merges near-copy texts into
one fingerprint and lets hashtag supersets join a set. None of that decomposes over
partitions of posts, and pruning rare fingerprints before scoring would change the
popularity baseline, so this function gathers only the columns the detector reads
(``id``, ``time``, ``author``, ``text``, ``hashtags``, ``urls``, ``is_retweet``; no tokens,
no scores) and runs the public function on them: exact, with memory in proportion to the
posts times those columns. The scalable route (per-partition fingerprint *uses* as
integers, merged before scoring) needs stable fingerprint codes from the graphs module;
see docs/scale.md.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .._validation import require_columns
from ._collection import check_lists, require_dask

__all__ = ["coordinated_accounts"]

_COLUMNS = ("id", "time", "author", "author_name", "text", "hashtags", "urls", "is_retweet")


def coordinated_accounts(ddf: Any, **options: Any) -> pd.DataFrame:
    """:func:`trendlib.graphs.coordinated_accounts` of a Dask collection of posts.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Canonical posts.
    **options
        As in :func:`trendlib.graphs.coordinated_accounts` (``signals=``, ``window=``,
        ``min_accounts=``...).

    Returns
    -------
    pandas.DataFrame
        The pandas function's group table, equal to it on the computed posts.

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib import graphs
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> coordinated_accounts(ddf).equals(graphs.coordinated_accounts(posts))
    True
    """
    require_dask("coordinated_accounts")
    check_lists(ddf, "coordinated_accounts")
    from ..graphs import coordinated_accounts as _coordinated

    require_columns(ddf._meta, ["author", "time"], func="coordinated_accounts", hint="trendlib.dask.read_posts(...)")
    cols = [c for c in ddf.columns if c in _COLUMNS]
    posts = ddf[cols].compute().reset_index(drop=True)
    return _coordinated(posts, **options)
