"""Download public datasets into the data home and verify their sha256 checksums.

The registry (``trendlib/datasets/data/registry.json``) maps each file's path in the
data home (``indonlu_smsa/train_preprocess.tsv``) to its canonical URL, a raw file of
the upstream repository at a pinned commit, and to the sha256 of that verbatim file.

Return convention: every ``fetch_*`` function returns the list of local
:class:`~pathlib.Path` objects it guarantees to exist (already present and verified, or
downloaded and verified). A file already present is checked, never re-downloaded unless
``force=True``.

Mirrors: pass ``base_url=`` (or set ``TRENDLIB_DATA_URL``) to download from a server laid
out like the data home (``<base_url>/indonlu_smsa/train_preprocess.tsv``) instead of
the upstream URLs; checksums are verified all the same. Only :mod:`urllib` is used, and
nothing is fetched unless a ``fetch_*`` function is called.
"""

from __future__ import annotations

import functools
import hashlib
import http.client
import json
import os
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from .._validation import check_choice
from ..exceptions import ChecksumError
from ._home import get_data_home

__all__ = [
    "fetch_file",
    "fetch_smsa",
    "fetch_nusax",
    "fetch_emot",
    "fetch_idsa",
    "fetch_inset",
    "fetch_kamus_alay",
]

URL_ENV_VAR = "TRENDLIB_DATA_URL"
_CHUNK = 1 << 16
_SPLITS = ("train", "valid", "test")


@functools.lru_cache(maxsize=1)
def _registry() -> dict[str, dict]:
    path = Path(__file__).with_name("data") / "registry.json"
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)["files"]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def _resolve_url(name: str, url: str | None, base_url: str | None) -> str:
    if url is not None:
        return url
    base = base_url if base_url is not None else os.environ.get(URL_ENV_VAR) or None
    if base is not None:
        return base.rstrip("/") + "/" + urllib.parse.quote(name)
    if name in _registry():
        return _registry()[name]["url"]
    raise ValueError(
        f"The 'url' parameter of fetch_file() is required for {name!r}, which is not in the "
        f"registry. Known files: {sorted(_registry())}."
    )


def _safe_dest(name: str, home: Path) -> Path:
    """The path of ``name`` inside ``home``; ``ValueError`` when it would leave it.

    Examples
    --------
    >>> _safe_dest("indonlu_smsa/test.tsv", Path("/data")).as_posix()
    '/data/indonlu_smsa/test.tsv'
    >>> _safe_dest("../escaped.txt", Path("/data"))
    Traceback (most recent call last):
    ...
    ValueError: The 'name' parameter of fetch_file() must be a relative path inside the data home, such as 'indonlu_smsa/test_preprocess.tsv'. Got '../escaped.txt'.
    """
    parts = name.split("/")
    bad = (
        not name or name.startswith("/") or any(p in ("", ".", "..") for p in parts)
        or ":" in parts[0] or "\0" in name
    )
    dest = home.joinpath(*parts) if not bad else home
    if not bad:
        try:
            dest.resolve().relative_to(home.resolve())
        except ValueError:
            bad = True
    if bad:
        raise ValueError(
            "The 'name' parameter of fetch_file() must be a relative path inside the data home, such as "
            f"'indonlu_smsa/test_preprocess.tsv'. Got {name!r}."
        )
    return dest


class _Incomplete(Exception):
    def __init__(self, got: int, length: int) -> None:
        super().__init__(got, length)
        self.got, self.length = got, length


def _download(url: str, dest: Path, expected: str | None, timeout: float) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=dest.name + ".", suffix=".part", dir=dest.parent)
    h = hashlib.sha256()
    try:
        try:
            with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=timeout) as resp:
                length = resp.headers.get("Content-Length") if getattr(resp, "headers", None) else None
                got_bytes = 0
                try:
                    for chunk in iter(lambda: resp.read(_CHUNK), b""):
                        h.update(chunk)
                        out.write(chunk)
                        got_bytes += len(chunk)
                except http.client.IncompleteRead as exc:
                    raise _Incomplete(got_bytes + len(exc.partial), int(length or 0)) from None
                if length is not None and str(length).strip().isdigit() and got_bytes != int(length):
                    raise _Incomplete(got_bytes, int(length))
        except _Incomplete as exc:
            raise ConnectionError(
                f"Incomplete download from {url}: received {exc.got} of the {exc.length} bytes the server "
                f"announced (Content-Length). The partial file was discarded; try again."
            ) from None
        except urllib.error.HTTPError as exc:
            raise ConnectionError(
                f"Could not download {url}: the server answered HTTP {exc.code} {exc.reason}."
            ) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ConnectionError(
                f"Could not download {url} ({reason}). Are you offline? Copy the file by hand "
                f"to {dest}, or set {URL_ENV_VAR} to a reachable mirror."
            ) from None
        got = h.hexdigest()
        if expected is not None and got != expected:
            raise ChecksumError(
                f"The file downloaded from {url} does not match its published checksum: "
                f"expected sha256 {expected}, got {got}. The file was discarded; the source "
                f"may have changed or the download been corrupted."
            )
        os.replace(tmp, dest)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def fetch_file(
    name: str,
    *,
    url: str | None = None,
    sha256: str | None = None,
    base_url: str | None = None,
    data_home: str | os.PathLike | None = None,
    force: bool = False,
    timeout: float = 60.0,
) -> Path:
    """Make sure the file ``name`` (a path inside the data home) is there, downloading it.

    Parameters
    ----------
    name : str
        Path of the file inside the data home, e.g. ``"indonlu_smsa/test_preprocess.tsv"``.
        Registry files know their URL and checksum.
    url : str, optional
        Where to download from (required for a file not in the registry).
    sha256 : str, optional
        Expected checksum (the registry's by default). ``None`` for an unregistered file
        skips verification.
    base_url : str, optional
        A mirror laid out like the data home; overrides ``TRENDLIB_DATA_URL`` and the
        registry URL (not an explicit ``url``).
    data_home : path, optional
        Overrides ``TRENDLIB_DATA_HOME``.
    force : bool, default False
        Download even if the file is present.
    timeout : float, default 60
        Seconds to wait for the server.

    Returns
    -------
    pathlib.Path
        The local file, verified.

    Raises
    ------
    ChecksumError
        The downloaded (or present) file does not match the expected sha256; a bad
        download is deleted, a present file is left alone (use ``force=True``).
    ConnectionError
        The server could not be reached (offline), answered with an HTTP error, or sent
        fewer (or more) bytes than its ``Content-Length``; nothing is saved then.
    ValueError
        ``name`` is absolute or leaves the data home (``..``).

    Examples
    --------
    >>> fetch_file("indonlu_smsa/test_preprocess.tsv")          # doctest: +SKIP
    PosixPath('/home/me/.cache/trendlib/indonlu_smsa/test_preprocess.tsv')
    >>> fetch_file("my/own.csv")
    Traceback (most recent call last):
    ...
    ValueError: The 'url' parameter of fetch_file() is required for 'my/own.csv', which is not in the registry. Known files: [...].
    """
    if not isinstance(name, str):
        raise TypeError(f"The 'name' parameter of fetch_file() must be a str. Got {type(name).__name__}.")
    raw_name = name
    name = name.replace("\\", "/")
    if name.startswith("/"):
        raise ValueError(
            "The 'name' parameter of fetch_file() must be a relative path inside the data home, such as "
            f"'indonlu_smsa/test_preprocess.tsv'. Got {raw_name!r}."
        )
    name = name.strip("/")
    dest = _safe_dest(name, get_data_home(data_home))
    if sha256 is None and name in _registry():
        sha256 = _registry()[name]["sha256"]
    src = _resolve_url(name, url, base_url)
    if dest.exists() and not force:
        if sha256 is not None and (got := _sha256(dest)) != sha256:
            raise ChecksumError(
                f"{dest} is present but does not match its published checksum: expected "
                f"sha256 {sha256}, got {got}. Delete it or call with force=True to download it "
                f"again."
            )
        return dest
    _download(src, dest, sha256, timeout)
    return dest


def _fetch_many(
    names: Iterable[str], base_url: str | None, data_home, force: bool, timeout: float
) -> list[Path]:
    return [
        fetch_file(n, base_url=base_url, data_home=data_home, force=force, timeout=timeout)
        for n in names
    ]


def _splits(split: str | None, func: str) -> tuple[str, ...]:
    if split is None:
        return _SPLITS
    return (check_choice(split, _SPLITS, name="split", func=func),)


def fetch_smsa(
    split: str | None = None,
    *,
    base_url: str | None = None,
    data_home: str | os.PathLike | None = None,
    force: bool = False,
    timeout: float = 60.0,
) -> list[Path]:
    """Download IndoNLU SmSA (Apache-2.0) into ``<data home>/indonlu_smsa/``.

    Parameters
    ----------
    split : {"train", "valid", "test"}, optional
        One split; all three (2.5 MB) by default.
    base_url, data_home, force, timeout
        As in :func:`fetch_file`.

    Returns
    -------
    list of pathlib.Path

    Examples
    --------
    >>> fetch_smsa("test")                                      # doctest: +SKIP
    [PosixPath('/home/me/.cache/trendlib/indonlu_smsa/test_preprocess.tsv')]
    """
    names = [f"indonlu_smsa/{s}_preprocess.tsv" for s in _splits(split, "fetch_smsa")]
    return _fetch_many(names, base_url, data_home, force, timeout)


def fetch_nusax(
    split: str | None = None,
    *,
    base_url: str | None = None,
    data_home: str | os.PathLike | None = None,
    force: bool = False,
    timeout: float = 60.0,
) -> list[Path]:
    """Download NusaX-senti Indonesian (CC BY-SA 4.0) into ``<data home>/nusax_senti_id/``.

    Examples
    --------
    >>> fetch_nusax("test")                                     # doctest: +SKIP
    [PosixPath('/home/me/.cache/trendlib/nusax_senti_id/test.csv')]
    """
    names = [f"nusax_senti_id/{s}.csv" for s in _splits(split, "fetch_nusax")]
    return _fetch_many(names, base_url, data_home, force, timeout)


def fetch_emot(
    split: str | None = None,
    *,
    base_url: str | None = None,
    data_home: str | os.PathLike | None = None,
    force: bool = False,
    timeout: float = 60.0,
) -> list[Path]:
    """Download IndoNLU EmoT (Apache-2.0) into ``<data home>/indonlu_emot/``.

    Examples
    --------
    >>> fetch_emot("valid")                                     # doctest: +SKIP
    [PosixPath('/home/me/.cache/trendlib/indonlu_emot/valid_preprocess.csv')]
    """
    names = [f"indonlu_emot/{s}_preprocess.csv" for s in _splits(split, "fetch_emot")]
    return _fetch_many(names, base_url, data_home, force, timeout)


def fetch_idsa(
    *,
    base_url: str | None = None,
    data_home: str | os.PathLike | None = None,
    force: bool = False,
    timeout: float = 60.0,
) -> list[Path]:
    """Download IDSA (no licence stated: for your own research use) into the data home.

    Examples
    --------
    >>> fetch_idsa()                                            # doctest: +SKIP
    [PosixPath('.../idsa_sentiment/indonesian_sentiment_twitter_dataset_labeled.tsv')]
    """
    names = ["idsa_sentiment/indonesian_sentiment_twitter_dataset_labeled.tsv"]
    return _fetch_many(names, base_url, data_home, force, timeout)


def fetch_inset(
    *,
    base_url: str | None = None,
    data_home: str | os.PathLike | None = None,
    force: bool = False,
    timeout: float = 60.0,
) -> list[Path]:
    """Download the InSet lexicon (no licence stated: not shipped) into the data home.

    Examples
    --------
    >>> fetch_inset()                                           # doctest: +SKIP
    [PosixPath('.../inset_lexicon/positive.tsv'), PosixPath('.../inset_lexicon/negative.tsv')]
    """
    names = ["inset_lexicon/positive.tsv", "inset_lexicon/negative.tsv"]
    return _fetch_many(names, base_url, data_home, force, timeout)


def fetch_kamus_alay(
    *,
    base_url: str | None = None,
    data_home: str | os.PathLike | None = None,
    force: bool = False,
    timeout: float = 60.0,
) -> list[Path]:
    """Download the Colloquial Indonesian Lexicon (no licence stated) into the data home.

    Examples
    --------
    >>> fetch_kamus_alay()                                      # doctest: +SKIP
    [PosixPath('.../kamus_alay/colloquial-indonesian-lexicon.csv')]
    """
    names = ["kamus_alay/colloquial-indonesian-lexicon.csv"]
    return _fetch_many(names, base_url, data_home, force, timeout)
