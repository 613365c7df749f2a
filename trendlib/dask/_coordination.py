"""Coordinated accounts on Dask: shuffle candidate posts by fingerprint, keep the few that can matter.

Why this is exact for ``similarity="exact"`` and ``"hashtags"``: an event links posts with
the *same* fingerprint (normalised text key, or hashtag set), so posts whose fingerprint
is used by fewer than ``min_accounts`` distinct accounts over the whole collection can
never be part of an event with ``min_accounts`` accounts, and leaving them out changes
nothing else. After a shuffle on the fingerprint, every partition holds all posts of its
fingerprints and prunes them locally; the surviving posts (campaign-sized, not
collection-sized) are gathered in their original order and passed to the public
:func:`trendlib.graphs.coordinated_accounts`, so groups that span fingerprints and every
column of the result are the pandas ones. Posts that the pandas function ignores
(retweets unless ``include_retweets``, posts without author or time, texts shorter than
``min_tokens`` words, fewer than ``min_hashtags`` hashtags) are dropped before the shuffle.

``similarity="near"`` compares texts with different fingerprints (TF-IDF over all
candidates), so no fingerprint can be pruned: the candidates (six columns, retweets and
short texts already out) are gathered whole. Prefer ``"exact"`` on collections whose
candidates do not fit in memory.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice, require_columns
from ._collection import check_lists, require_dask

__all__ = ["coordinated_accounts"]

_COLUMNS = ("id", "time", "author", "text", "hashtags", "is_retweet")


def _fingerprints(frame: pd.DataFrame, *, similarity: str, min_tokens: int, min_hashtags: int,
                  include_retweets: bool, partition_info: Any = None) -> pd.DataFrame:
    """Candidate posts of one partition with ``_fp`` (fingerprint) and ``_order`` (global row order)."""
    from ..graphs._coordination import _normalizer, text_key
    from ..graphs._interaction import _retweet_flags

    part = (partition_info or {}).get("number", 0)
    out = frame.copy()
    out["_order"] = np.int64(part) * (1 << 32) + np.arange(len(frame), dtype=np.int64)
    author = out["author"].astype(object)
    ok = out["time"].notna().to_numpy() & author.notna().to_numpy() & (author != "").to_numpy()
    if not include_retweets:
        ok &= ~_retweet_flags(out)
    if similarity == "hashtags":
        sets = [sorted({str(x) for x in v}) if isinstance(v, (list, tuple, np.ndarray)) else [] for v in out["hashtags"]]
        fp = [" ".join(v) for v in sets]
        ok &= np.fromiter((len(v) >= min_hashtags for v in sets), dtype=bool, count=len(sets))
    else:
        normalize, memo = _normalizer(), {}
        fp = [(memo[x] if x in memo else memo.setdefault(x, text_key(x, normalize))) if isinstance(x, str) else ""
              for x in out["text"].tolist()]
        ok &= np.fromiter((len(k.split()) >= min_tokens for k in fp), dtype=bool, count=len(fp))
    out["_fp"] = pd.Series(fp, index=out.index, dtype=object)
    return out[ok]


def _prune(frame: pd.DataFrame, *, min_accounts: int) -> pd.DataFrame:
    """Keep posts whose fingerprint has at least ``min_accounts`` distinct accounts."""
    if not len(frame):
        return frame
    acc = frame["author"].astype(object).map(lambda a: str(a).lower().lstrip("@"))
    n = acc.groupby(frame["_fp"].to_numpy()).transform("nunique")
    return frame[n.to_numpy() >= min_accounts]


def coordinated_accounts(ddf: Any, *, window: Any = "1min", min_accounts: int = 3, similarity: str = "near",
                         min_tokens: int = 4, min_hashtags: int = 1, include_retweets: bool = False,
                         **options: Any) -> pd.DataFrame:
    """:func:`trendlib.graphs.coordinated_accounts` of a Dask collection of posts.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        Canonical posts.
    window, min_accounts, similarity, min_tokens, min_hashtags, include_retweets
        As in :func:`trendlib.graphs.coordinated_accounts`.
    **options
        Passed on (``threshold=``, ``n_texts=``...).

    Returns
    -------
    pandas.DataFrame
        The pandas function's group table, computed on the posts that can take part in a
        group (all candidates for ``similarity="near"``; see the module docs).

    Examples
    --------
    >>> import dask, dask.dataframe as dd
    >>> from trendlib import graphs
    >>> from trendlib.datasets import load_summit
    >>> posts = load_summit()
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=4)
    >>> g = coordinated_accounts(ddf, similarity="exact")
    >>> g.drop(columns="post_ids").equals(graphs.coordinated_accounts(posts, similarity="exact").drop(columns="post_ids"))
    True
    """
    require_dask("coordinated_accounts")
    check_lists(ddf, "coordinated_accounts")
    from ..graphs import coordinated_accounts as _coordinated
    from ..graphs._coordination import SIMILARITIES

    func = "coordinated_accounts"
    check_choice(similarity, SIMILARITIES, name="similarity", func=func)
    require_columns(ddf._meta, ["author", "time", "hashtags" if similarity == "hashtags" else "text"], func=func,
                    hint="trendlib.dask.read_posts(...)")
    if isinstance(min_accounts, bool) or not isinstance(min_accounts, (int, np.integer)) or min_accounts < 2:
        raise ValueError(f"The 'min_accounts' parameter of {func}() must be an integer >= 2. Got {min_accounts!r}.")
    cols = [c for c in _COLUMNS if c in ddf.columns]
    meta = ddf._meta[cols].assign(_order=np.int64(0), _fp=pd.Series([], dtype=object))
    cand = ddf[cols].map_partitions(_fingerprints, similarity=similarity, min_tokens=min_tokens,
                                    min_hashtags=min_hashtags, include_retweets=include_retweets, meta=meta)
    if similarity != "near":
        cand = cand.shuffle(on="_fp").map_partitions(_prune, min_accounts=min_accounts, meta=meta)
    posts = cand.compute().sort_values("_order", kind="stable").drop(columns=["_order", "_fp"])
    return _coordinated(posts.reset_index(drop=True), window=window, min_accounts=min_accounts, similarity=similarity,
                        min_tokens=min_tokens, min_hashtags=min_hashtags, include_retweets=include_retweets, **options)
