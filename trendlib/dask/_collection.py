"""Dask collections of posts: read many files lazily, add per-post columns per partition.

Why one partition per file: ``trendlib.read_posts`` detects the format, encoding and
delimiter of a file and reports what it dropped; splitting a file by byte ranges would
lose that. Scrapes come as many files (one per day, per query, per account), which is
the natural partitioning; split big files before, or pass a smaller ``chunksize`` to the
reader once it takes one. Every partition is conformed to the canonical schema (extra
columns of a source are dropped, missing ones added as missing), so the ``meta`` is
known without reading anything and the graph stays lazy.
"""

from __future__ import annotations

import glob
import os
from typing import Any

__all__ = ["read_posts", "add_tokens", "add_sentiment", "require_dask", "canonical_meta", "check_lists"]


def require_dask(func: str) -> Any:
    """Import ``dask.dataframe`` or raise an ImportError saying how to install it."""
    try:
        import dask.dataframe as dd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"trendlib.dask.{func}() needs dask: pip install 'trendlib[dask]' (dask[dataframe] and distributed)."
        ) from exc
    return dd


def canonical_meta() -> Any:
    """The empty canonical posts frame: the ``meta`` of every posts collection."""
    from ..io import empty_posts

    return empty_posts()


def _files(paths: Any) -> list[str]:
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    files: list[str] = []
    for item in items:
        item = os.fspath(item)
        if glob.has_magic(item):
            files.extend(sorted(glob.glob(item)))
        elif os.path.isdir(item):
            files.extend(sorted(p for p in glob.glob(os.path.join(item, "*")) if os.path.isfile(p)))
        else:
            files.append(item)
    if not files:
        raise ValueError(
            f"The 'paths' parameter of trendlib.dask.read_posts() must name at least one file "
            f"(a path, a glob such as 'scrapes/*.csv', a folder or a list). Got {paths!r}, which matches no file."
        )
    missing = [f for f in files if not os.path.exists(f)]
    if missing:
        raise FileNotFoundError(f"trendlib.dask.read_posts(): {len(missing)} file(s) not found, e.g. {missing[0]!r}.")
    return files


def conform(frame: Any, meta: Any) -> Any:
    """``frame`` with exactly the columns and dtypes of ``meta`` (missing -> NA)."""
    import pandas as pd

    out = {}
    n = len(frame)
    for c, dtype in meta.dtypes.items():
        if c in frame.columns:
            col = frame[c]
            out[c] = col if col.dtype == dtype or dtype == object else col.astype(dtype)
        elif c in ("hashtags", "mentions", "urls"):
            out[c] = pd.Series([[] for _ in range(n)], index=frame.index, dtype=object)
        elif dtype == bool:
            out[c] = pd.Series(False, index=frame.index, dtype=bool)
        else:
            out[c] = pd.Series(pd.array([None] * n, dtype=object), index=frame.index).astype(dtype)
    result = pd.DataFrame(out, index=frame.index)
    result.attrs.update(frame.attrs)
    return result


class _Reader:
    """Callable that reads one file (a plain object so it pickles to worker processes)."""

    def __init__(self, options: dict, meta: Any) -> None:
        self.options, self.meta = options, meta

    def __call__(self, path: str) -> Any:
        from ..io import read_posts as _read

        return conform(_read(path, **self.options), self.meta)


def read_posts(paths: Any, **options: Any) -> Any:
    """Read many post files lazily into a Dask DataFrame of canonical posts.

    Parameters
    ----------
    paths : str, path, or list of them
        Files, folders (every file in them) or globs such as ``"scrapes/*.csv"``.
    **options
        Passed to :func:`trendlib.read_posts` for every file (``format=``,
        ``source_tz=``, ``dedupe=``...). Each file is read with its own format
        detection; what a reader drops is warned about by the worker that reads it.

    Returns
    -------
    dask.dataframe.DataFrame
        One partition per file, with the canonical columns and dtypes
        (:func:`trendlib.io.empty_posts`); nothing is read until a result is computed.

    Examples
    --------
    >>> import os
    >>> home = os.environ.get("TRENDLIB_DATA_HOME", "")
    >>> pattern = os.path.join(home, "tweets_prabowogibran2024_2023", "*.csv")
    >>> ddf = read_posts(pattern) if home else None
    >>> ddf is None or ddf.npartitions == 31
    True

    See Also
    --------
    trendlib.read_posts : the pandas reader, used for every file.
    """
    import dask

    dd = require_dask("read_posts")
    files = _files(paths)
    meta = canonical_meta()
    with dask.config.set({"dataframe.convert-string": False}):  # keep list columns as lists
        return dd.from_map(_Reader(dict(options), meta), files, meta=meta, label="trendlib-read-posts",
                           enforce_metadata=False)


def check_lists(ddf: Any, func: str) -> None:
    """Raise when Dask turned the list columns into strings (its ``convert-string`` option)."""
    from ..io import LIST_COLUMNS

    if not hasattr(ddf, "map_partitions") or not hasattr(ddf, "_meta"):
        raise TypeError(f"trendlib.dask.{func}() expects a dask.dataframe.DataFrame of posts. Got {type(ddf).__name__}.")
    bad = [c for c in LIST_COLUMNS if c in ddf.columns and ddf._meta[c].dtype != object]
    if bad:
        raise TypeError(
            f"trendlib.dask.{func}() needs the list columns {bad} as Python lists (dtype object); Dask "
            f"converted them to {ddf._meta[bad[0]].dtype}. Build the collection inside "
            "dask.config.set({'dataframe.convert-string': False}), or use trendlib.dask.read_posts()."
        )


def _added(ddf: Any, func: Any, kwargs: dict, name: str) -> Any:
    check_lists(ddf, name)
    meta = func(ddf._meta_nonempty, **kwargs).iloc[:0]
    return ddf.map_partitions(func, **kwargs, meta=meta)


def add_tokens(ddf: Any, **options: Any) -> Any:
    """:func:`trendlib.text.add_tokens` on every partition (lazy).

    Tokenising is pure Python: run it on a scheduler of processes (a ``LocalCluster``,
    :func:`trendlib.dask.client`, or ``dask.config.set(scheduler="processes")``); threads
    hold the GIL and gain nothing.

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> import dask
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> t = add_tokens(ddf, stopwords="topic")
    >>> from trendlib.text import add_tokens as pandas_add_tokens
    >>> t.compute(scheduler="sync")["tokens"].tolist() == pandas_add_tokens(posts, stopwords="topic")["tokens"].tolist()
    True
    """
    require_dask("add_tokens")
    from ..text import add_tokens as _add_tokens

    return _added(ddf, _add_tokens, options, "add_tokens")


def add_sentiment(ddf: Any, **options: Any) -> Any:
    """:func:`trendlib.sentiment.add_sentiment` on every partition (lazy).

    Scoring is pure Python: run it on processes (see :func:`add_tokens`).

    Examples
    --------
    >>> import dask.dataframe as dd
    >>> from trendlib.datasets import load_sample_posts
    >>> posts = load_sample_posts()
    >>> import dask
    >>> with dask.config.set({"dataframe.convert-string": False}):
    ...     ddf = dd.from_pandas(posts, npartitions=3)
    >>> s = add_sentiment(ddf).compute(scheduler="sync")
    >>> sorted(s["sentiment"].unique())
    ['negative', 'neutral', 'positive']
    """
    require_dask("add_sentiment")
    from ..sentiment import add_sentiment as _add_sentiment

    return _added(ddf, _add_sentiment, options, "add_sentiment")
