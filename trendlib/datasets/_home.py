"""Where trendlib looks for (and stores) datasets: the data home."""

from __future__ import annotations

import os
from pathlib import Path

from ..exceptions import DataNotFoundError

__all__ = ["get_data_home", "data_path"]

ENV_VAR = "TRENDLIB_DATA_HOME"


def get_data_home(data_home: str | os.PathLike | None = None) -> Path:
    """Return the data home folder.

    Resolution order: the ``data_home`` argument, the ``TRENDLIB_DATA_HOME``
    environment variable, then ``$XDG_CACHE_HOME/trendlib`` (``~/.cache/trendlib``).
    The folder is not created here; fetchers create it when they write.

    The layout inside is one folder per dataset, named as the upstream dataset
    (``indonlu_smsa/train_preprocess.tsv``, ``tweets_danantara_2025/danantara_day.csv``).

    Examples
    --------
    >>> str(get_data_home("/tmp/th")).replace("\\\\", "/")
    '/tmp/th'
    """
    if data_home is None:
        data_home = os.environ.get(ENV_VAR) or None
    if data_home is None:
        cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        data_home = os.path.join(cache, "trendlib")
    return Path(data_home).expanduser().resolve()


def data_path(*parts: str, data_home: str | os.PathLike | None = None, must_exist: bool = True) -> Path:
    """Return the path of a file under the data home.

    Raises
    ------
    DataNotFoundError
        If ``must_exist`` and the file is absent; the message names the path and how to
        provide it.

    Examples
    --------
    >>> data_path("no_such_dataset", "x.csv", data_home="/nonexistent")
    Traceback (most recent call last):
    ...
    trendlib.exceptions.DataNotFoundError: /nonexistent/no_such_dataset/x.csv not found in the data home /nonexistent. Set TRENDLIB_DATA_HOME to the folder that holds no_such_dataset/, or call the matching trendlib.datasets.fetch_*() function.
    """
    home = get_data_home(data_home)
    path = home.joinpath(*parts)
    if must_exist and not path.exists():
        raise DataNotFoundError(
            f"{path} not found in the data home {home}. Set {ENV_VAR} to the folder that holds "
            f"{parts[0]}/, or call the matching trendlib.datasets.fetch_*() function."
        )
    return path
