"""Posts datasets: the bundled ASEAN Summit sample and the real tweet sets of the data home."""

from __future__ import annotations

import os
import warnings
from importlib import resources

from ..exceptions import DataNotFoundError, SchemaError
from ._home import get_data_home

__all__ = ["load_sample_posts", "load_tweets", "sample_path", "TWEET_DATASETS"]

SAMPLE_FILE = "sample_asean_2023.csv"

#: known tweet datasets of the data home: folder -> (files holding posts, read_posts options)
TWEET_DATASETS: dict[str, tuple[tuple[str, ...], dict]] = {
    "tweets_danantara_2025": (("danantara_pra.csv", "danantara_day.csv", "danantara_pasca.csv"), {}),
    "tweets_kipk_2024": (("scraped_data.csv",), {}),
    "tweets_petualangansherina2_2023": (("petualangansherina2.csv",), {}),
    "tweets_corona_jakarta_2020": (("crawling_twitter_jakarta_26.csv",), {}),
    "tweets_ikn_nusantara_2022": (("nusantara_tweets.csv",), {}),
    "tweets_mbg_2025": (("hybrid_labeled_data.csv",), {"id": "reply_id"}),
    "tweets_pemilu2019_jokowi_prabowo": (("data_joko_widodo.csv", "data_prabowo_subianto.csv"), {}),
    "tweets_ppkm_2021_sample": (("sample-data.csv",), {"time": ["date", "time"], "text": "message"}),
}


def sample_path() -> str:
    """Path of the bundled sample CSV (tweet-harvest format).

    Examples
    --------
    >>> sample_path().endswith("sample_asean_2023.csv")
    True
    """
    return str(resources.files("trendlib").joinpath("data", SAMPLE_FILE))


def load_sample_posts():
    """Load the bundled sample: 200 Indonesian posts about the 43rd ASEAN Summit.

    The posts were written for trendlib (fictional accounts, our own text, shipped with
    the package) in tweet-harvest CSV format: 29 Aug - 8 Sep 2023, a daily rhythm, a
    burst at the summit opening (5 Sep, morning WIB), official, news, casual (slang,
    emoji), complaints about road closures, hoax rebuttals, replies, retweet cascades
    and a small coordinated cluster (8 new accounts posting near-identical text within
    minutes on 6 Sep).

    Returns
    -------
    posts : pandas.DataFrame
        Canonical posts (see :func:`trendlib.read_posts`).

    Examples
    --------
    >>> posts = load_sample_posts()
    >>> len(posts), posts.attrs["format"]
    (200, 'tweet-harvest')
    >>> posts["hashtags"].explode().value_counts().index[0]
    'kttasean2023'
    """
    from ..io import read_posts

    return read_posts(sample_path())


def load_tweets(name: str, *, files=None, data_home=None, dedupe: bool = False, errors: str = "warn", **kwargs):
    """Read a real tweet dataset of the data home by folder name.

    Every file that holds posts is read with :func:`trendlib.read_posts` (known folders
    use the options in :data:`TWEET_DATASETS`; other folders: every ``.csv``, ``.tsv``,
    ``.json``, ``.jsonl`` and their ``.gz``, skipping with a warning the files that hold no
    posts) and the results are concatenated, with a ``source_file`` column. ``attrs`` sums the row counts and keeps each file's attrs
    under ``"files"``.

    Parameters
    ----------
    name : str
        Folder in the data home, e.g. ``"tweets_danantara_2025"``.
    files : list of str, optional
        Only these files of the folder.
    data_home : str, optional
        Overrides ``TRENDLIB_DATA_HOME``.
    dedupe, errors, **kwargs
        Passed to :func:`trendlib.read_posts`; ``dedupe`` also applies across files.

    Raises
    ------
    DataNotFoundError
        The folder (or a requested file) is not in the data home.

    Examples
    --------
    >>> load_tweets("no_such_tweets", data_home="/nonexistent")
    Traceback (most recent call last):
    ...
    trendlib.exceptions.DataNotFoundError: Dataset folder 'no_such_tweets' not found in the data home /nonexistent. Set TRENDLIB_DATA_HOME to the folder that holds no_such_tweets/ (see docs/io.md for the tweet datasets it can read).
    """
    from ..io import ReadWarning, read_posts
    from ..io._concat import concat_posts

    home = get_data_home(data_home)
    folder = home / name
    if not folder.is_dir():
        raise DataNotFoundError(
            f"Dataset folder {name!r} not found in the data home {home}. Set TRENDLIB_DATA_HOME to the "
            f"folder that holds {name}/ (see docs/io.md for the tweet datasets it can read)."
        )
    known, options = TWEET_DATASETS.get(name, ((), {}))
    explicit = files is not None or bool(known)
    if files is None:
        if known:
            files = list(known)
        else:
            exts = (".csv", ".tsv", ".json", ".jsonl", ".ndjson")
            files = sorted(f for f in os.listdir(folder) if f.lower().removesuffix(".gz").endswith(exts))
    if not files:
        raise DataNotFoundError(f"No post files (csv, tsv, json, jsonl) in {folder}.")
    frames, per_file, skipped = [], {}, {}
    for f in files:
        path = folder / f
        if not path.exists():
            raise DataNotFoundError(f"{path} not found in the data home {home}.")
        opts = {**options, **kwargs}
        try:
            posts = read_posts(path, errors=errors, dedupe=dedupe, **opts)
        except SchemaError as exc:
            if explicit:
                raise
            skipped[f] = str(exc)  # a file of the folder that holds no posts (edges, labels)
            warnings.warn(f"load_tweets(): skipped {f}: {exc}", ReadWarning, stacklevel=2)
            continue
        per_file[f] = path
        frames.append(posts)
    if not frames:
        raise DataNotFoundError(f"No file in {folder} holds posts: {skipped}")
    out = concat_posts(frames, list(per_file), dedupe=dedupe, source=str(folder))
    out.attrs["skipped_files"] = skipped
    return out
