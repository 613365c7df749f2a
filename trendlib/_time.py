"""Time zones, bin widths, durations and nanosecond clocks shared by every module (internal).

Every public function that takes a ``tz``, a ``freq`` or a window duration resolves it
here, so ``"WIB"`` means ``Asia/Jakarta`` everywhere and every bad value gets the same
message shape (see :mod:`trendlib._validation`). Two clocks are used inside trendlib:

* **UTC nanoseconds** (:func:`utc_ns`): int64 nanoseconds since the epoch, missing
  times as ``NAT`` (the smallest int64). Used to compare and sort instants.
* **local nanoseconds** (:func:`local_ns`): the wall clock of a zone as if it were UTC,
  so that ``floor_divide(ns, step)`` aligns daily bins to local midnight.

Naive timestamps are taken to be UTC here; the readers (``source_tz=``) are where naive
source times get their zone.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "TZ_ALIASES",
    "NAT",
    "resolve_tz",
    "parse_freq",
    "parse_duration",
    "utc_ns",
    "local_ns",
    "to_timestamps",
    "as_utc",
]

#: Indonesian time-zone abbreviations accepted wherever a zone is taken.
TZ_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}

#: int64 stand-in for a missing time (numpy's NaT as int64).
NAT = np.iinfo(np.int64).min


def resolve_tz(tz: Any, *, func: str = "count", name: str = "tz") -> str:
    """Return the IANA name of ``tz``; ``WIB``/``WITA``/``WIT`` map to Indonesian zones.

    ``None`` means UTC.

    Examples
    --------
    >>> resolve_tz("WITA")
    'Asia/Makassar'
    >>> resolve_tz("wib")
    'Asia/Jakarta'
    >>> resolve_tz("Asia/Jakarta")
    'Asia/Jakarta'
    >>> resolve_tz("Jakarta", func="read_posts", name="source_tz")
    Traceback (most recent call last):
    ...
    ValueError: The 'source_tz' parameter of read_posts() must be a time-zone name such as 'Asia/Jakarta' or one of ['WIB', 'WIT', 'WITA']. Got 'Jakarta'.
    """
    if tz is None:
        return "UTC"
    label = TZ_ALIASES.get(tz.upper(), tz) if isinstance(tz, str) else str(tz)
    try:
        pd.Timestamp("2000-01-01", tz=label)
    except Exception:
        raise ValueError(
            f"The {name!r} parameter of {func}() must be a time-zone name such as 'Asia/Jakarta' "
            f"or one of {sorted(TZ_ALIASES)}. Got {tz!r}."
        ) from None
    return label


def parse_freq(freq: Any, *, func: str = "count", name: str = "freq") -> pd.Timedelta:
    """Return the fixed bin width named by ``freq`` (``"15min"``, ``"1h"``, ``"1D"``...).

    Examples
    --------
    >>> parse_freq("1h")
    Timedelta('0 days 01:00:00')
    >>> parse_freq("hourly")
    Traceback (most recent call last):
    ...
    ValueError: The 'freq' parameter of count() must be a fixed pandas frequency such as '15min', '1h' or '1D'. Got 'hourly'.
    """
    msg = (
        f"The {name!r} parameter of {func}() must be a fixed pandas frequency such as "
        f"'15min', '1h' or '1D'. Got {freq!r}."
    )
    try:
        if isinstance(freq, pd.Timedelta):
            step = freq
        else:
            step = pd.Timedelta(pd.tseries.frequencies.to_offset(freq))
    except Exception:
        raise ValueError(msg) from None
    if step < pd.Timedelta("1s"):
        raise ValueError(msg)
    return step


def parse_duration(value: Any, *, func: str, name: str = "window", minimum: str = "1s") -> pd.Timedelta:
    """Return a positive duration (``"90s"``, ``"3h"``, ``"2D"``, a ``Timedelta``).

    Every window in trendlib is a duration; a bare number is refused because its unit
    would be a guess.

    Examples
    --------
    >>> parse_duration("3h", func="trending")
    Timedelta('0 days 03:00:00')
    >>> parse_duration(3, func="trending")
    Traceback (most recent call last):
    ...
    ValueError: The 'window' parameter of trending() must be a duration such as '90s', '3h' or '2D'. Got 3.
    """
    msg = (
        f"The {name!r} parameter of {func}() must be a duration such as '90s', '3h' or '2D'. "
        f"Got {value!r}."
    )
    if isinstance(value, (bool, int, float, np.integer, np.floating)):
        raise ValueError(msg)
    try:
        td = pd.Timedelta(value)
    except Exception:
        raise ValueError(msg) from None
    if td is pd.NaT or td < pd.Timedelta(minimum):
        raise ValueError(msg)
    return td


def utc_ns(times: Any) -> np.ndarray:
    """Instants as int64 nanoseconds since the epoch (UTC); missing -> :data:`NAT`.

    Naive input is taken to be UTC.

    Examples
    --------
    >>> utc_ns(pd.Series(pd.to_datetime(["1970-01-01 00:00:01", None])))
    array([          1000000000, -9223372036854775808])
    """
    t = pd.to_datetime(pd.Series(times) if not isinstance(times, pd.Series) else times, utc=True)
    return t.to_numpy(dtype="datetime64[ns]").view(np.int64).copy()


def local_ns(times: Any, tz: str) -> np.ndarray:
    """Wall-clock nanoseconds in ``tz`` (naive input is taken to be UTC); missing -> NAT."""
    t = pd.to_datetime(pd.Series(times) if not isinstance(times, pd.Series) else times)
    if t.dt.tz is None:
        t = t.dt.tz_localize("UTC")
    t = t.dt.tz_convert(tz).dt.tz_localize(None).astype("datetime64[ns]")
    return t.to_numpy().view("int64")


def to_timestamps(values: np.ndarray, tz: str = "UTC") -> pd.DatetimeIndex:
    """int64 UTC nanoseconds (NAT = missing) -> tz-aware DatetimeIndex in ``tz``."""
    values = np.asarray(values, dtype=np.int64)
    out = pd.DatetimeIndex(values.view("datetime64[ns]")).tz_localize("UTC")
    return out if tz == "UTC" else out.tz_convert(tz)


def as_utc(value: Any, tz: str) -> pd.Timestamp:
    """A timestamp in UTC; a naive ``value`` is read as wall-clock time in ``tz``."""
    ts = pd.Timestamp(value)
    if ts.tz is None:
        ts = ts.tz_localize(tz)
    return ts.tz_convert("UTC")
