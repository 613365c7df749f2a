"""Timestamps: many raw spellings -> ``datetime64[ns, UTC]``, vectorised.

The parser tries, on the values not parsed yet, in this order: an explicit
``time_format``; the Twitter API v1.1 / tweet-harvest form ``Sat Sep 30 22:57:05 +0000
2023``; ISO 8601 (``2023-09-05T10:00:00.000Z``, ``2025-09-16T15:08:45+00:00``,
``2019-05-29 15:47:55``); slash dates (``8/21/2021 10:59:00``); Unix epoch seconds or
milliseconds.

Why each rule:

* Slash dates are read value by value with every layout (with and without seconds,
  2- or 4-digit years), month-first or day-first by the file's evidence (a first
  number above 12 is a day), so ``8/21/2021`` next to ``8/21/2021 10:59:00`` both
  parse, and a value only one order can read is read in that order.
* Times outside 1677-2262 (``datetime64[ns]``'s range: year 9999, year 1, epoch-ms
  in the far future) are not posts; they are set aside as ``time out of range``
  instead of crashing the whole read.
* Values with an offset are exact; values without one ("naive") are read in
  ``source_tz`` (UTC when not given, and the caller warns once with the fix).
"""

from __future__ import annotations

import re

__all__ = ["parse_times"]

_TWITTER_V1 = "%a %b %d %H:%M:%S %z %Y"
_HAS_TZ = re.compile(r"(?:[zZ]|[+-]\d\d:?\d\d|\bUTC|\bGMT)\s*$")
_EPOCH = r"^\d{9,13}(?:\.\d+)?$"
_V1 = r"^[A-Z][a-z]{2} [A-Z][a-z]{2} \d"
_ISO = r"^\d{4}-\d\d-\d\d"
_SLASH = r"^\d{1,2}/\d{1,2}/\d{2,4}"
_EMPTY = frozenset({"", "na", "nan", "nat", "none", "null"})
_SLASH_TAILS = (" %H:%M:%S", " %H:%M", "", " %I:%M:%S %p", " %I:%M %p", "T%H:%M:%S")
_MONTHS = {m: f"{i:02d}" for i, m in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}
_LO, _HI = "1677-09-22", "2262-04-11"


def _pd():
    import pandas as pd

    return pd


def _to_dt(sub, **kw):
    """``pd.to_datetime`` that never raises: mixed inputs are parsed one by one."""
    pd = _pd()
    try:
        return pd.to_datetime(sub, errors="coerce", **kw)
    except (ValueError, TypeError, OverflowError):
        out = []
        for v in sub.tolist():
            try:
                out.append(pd.to_datetime(v, errors="coerce", **kw))
            except (ValueError, TypeError, OverflowError):
                out.append(pd.NaT)
        utc = kw.get("utc")
        return pd.Series([(x.tz_convert("UTC") if utc and x is not pd.NaT and x.tz is not None else x) for x in out],
                         index=sub.index, dtype="datetime64[ns, UTC]" if utc else object)


def _ns(parsed, stats):
    """Any datetime Series -> ns resolution; values outside the ns range -> NaT, counted."""
    pd = _pd()
    if parsed.dtype == object:
        parsed = pd.to_datetime(parsed, errors="coerce", utc=True)
    tz = getattr(parsed.dt, "tz", None)
    lo = pd.Timestamp(_LO, tz=tz) if tz is not None else pd.Timestamp(_LO)
    hi = pd.Timestamp(_HI, tz=tz) if tz is not None else pd.Timestamp(_HI)
    out = (parsed < lo) | (parsed > hi)
    if out.any():
        stats["out_of_range"] = stats.get("out_of_range", 0) + int(out.sum())
        stats.setdefault("out_of_range_index", []).extend(parsed.index[out].tolist())
        parsed = parsed.mask(out)
    target = f"datetime64[ns, {tz}]" if tz is not None else "datetime64[ns]"
    return parsed.astype(target)


def _localize(parsed, tz, stats, count_naive=True):
    """Naive timestamps -> UTC, read in ``tz`` (UTC when None); counted as naive."""
    if parsed.dt.tz is not None:
        return parsed.dt.tz_convert("UTC")
    if count_naive:
        stats["naive"] = stats.get("naive", 0) + int(parsed.notna().sum())
    if tz in (None, "UTC"):
        return parsed.dt.tz_localize("UTC")
    return parsed.dt.tz_localize(tz, ambiguous="NaT", nonexistent="NaT").dt.tz_convert("UTC")


def _parse_v1(sub):
    """``Sat Sep 30 22:57:05 +0000 2023`` -> UTC. The fixed-width parts are sliced
    (vectorised) and rewritten as ISO 8601, which pandas parses in C, several times
    faster than ``strptime`` with ``%a %b``; odd values fall back to ``strptime``."""
    pd = _pd()
    sub = sub.astype("str")
    fixed = sub.str.len().eq(30) & sub.str.slice(3, 4).eq(" ") & sub.str.slice(19, 20).eq(" ")
    parsed = pd.Series(pd.NaT, index=sub.index, dtype="datetime64[ns, UTC]")
    if fixed.any():
        f = sub[fixed]
        mon = f.str.slice(4, 7).map(_MONTHS)
        iso = (f.str.slice(26, 30) + "-" + mon + "-" + f.str.slice(8, 10) + "T" + f.str.slice(11, 19)
               + f.str.slice(20, 25))
        parsed.loc[fixed] = _ns(_to_dt(iso.astype(object), format="ISO8601", utc=True), {}).astype(
            "datetime64[ns, UTC]")
    rest = parsed.isna()
    if rest.any():
        parsed.loc[rest] = _ns(_to_dt(sub[rest].astype(object), format=_TWITTER_V1, utc=True), {}).astype(
            "datetime64[ns, UTC]")
    return parsed


def _slash(sub, stats):
    """Slash dates, value by value, in the order the file's evidence favours."""
    pd = _pd()
    nums = sub.str.extract(r"^(\d{1,2})/(\d{1,2})/")
    a = pd.to_numeric(nums[0], errors="coerce")
    b = pd.to_numeric(nums[1], errors="coerce")
    day_first_votes = int((a > 12).sum())
    month_first_votes = int((b > 12).sum())
    orders = ("%d/%m", "%m/%d") if day_first_votes > month_first_votes else ("%m/%d", "%d/%m")
    out = pd.Series(pd.NaT, index=sub.index, dtype="datetime64[ns]")
    todo = pd.Series(True, index=sub.index)
    used: dict = {}
    for order in orders:
        for year in ("%Y", "%y"):
            for tail in _SLASH_TAILS:
                if not todo.any():
                    break
                p = _to_dt(sub[todo], format=f"{order}/{year}{tail}")
                p = _ns(p, stats) if len(p) else p
                ok = p.notna()
                if ok.any():
                    out[ok[ok].index] = p[ok]
                    todo[ok[ok].index] = False
                    key = "day_first" if order == "%d/%m" else "month_first"
                    used[key] = used.get(key, 0) + int(ok.sum())
    if used:
        stats["slash_dates"] = used
    return out


def parse_times(values, *, time_format=None, tz=None, stats=None):
    """Parse raw timestamps into a ``datetime64[ns, UTC]`` Series.

    Parameters
    ----------
    values : pandas.Series
        Raw values: strings, numbers (epoch seconds or ms) or datetimes.
    time_format : str, optional
        A ``strptime`` format tried first.
    tz : str, optional
        Time zone of values that carry none (e.g. ``"Asia/Jakarta"``); UTC when None.
    stats : dict, optional
        Filled with ``naive`` (values read without a zone), ``out_of_range`` and
        ``slash_dates`` (values read month-first / day-first).

    Returns
    -------
    times : pandas.Series
        ``datetime64[ns, UTC]``; unparseable, out-of-range or missing values are ``NaT``.
    bad : pandas.Series of bool
        True where a non-empty value could not be parsed (out of range included).

    Examples
    --------
    >>> import pandas as pd
    >>> t, bad = parse_times(pd.Series(["Tue Sep 05 02:30:00 +0000 2023",
    ...                                 "2023-09-05T09:30:00+07:00", "5 Sept", "", "9999-01-01T00:00:00Z"]))
    >>> [str(x) for x in t]
    ['2023-09-05 02:30:00+00:00', '2023-09-05 02:30:00+00:00', 'NaT', 'NaT', 'NaT']
    >>> bad.tolist()
    [False, False, True, False, True]
    >>> t, _ = parse_times(pd.Series(["8/21/2021", "8/21/2021 10:59:00", "25/08/2021 10:00"]))
    >>> [str(x) for x in t]
    ['2021-08-21 00:00:00+00:00', '2021-08-21 10:59:00+00:00', '2021-08-25 10:00:00+00:00']
    """
    pd = _pd()
    stats = {} if stats is None else stats
    s = pd.Series(values, copy=False)
    out = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns, UTC]")
    if len(s) == 0:
        return out, pd.Series(False, index=s.index, dtype=bool)
    if s.dtype.kind == "M":
        parsed = _localize(_ns(pd.Series(s), stats), tz, stats)
        bad = pd.Series(False, index=s.index, dtype=bool)
        if stats.get("out_of_range_index"):
            bad[stats["out_of_range_index"]] = True
        return parsed.astype("datetime64[ns, UTC]"), bad
    if s.dtype.kind in "iuf":
        s = s.map(lambda v: "" if v != v else (str(int(v)) if float(v).is_integer() else str(v)))
    na = s.isna()
    st = s.astype(str).mask(na).fillna("").astype("str").str.strip()
    low_short = st.str.len() <= 4
    todo = ~(low_short & st.str.lower().isin(_EMPTY))
    todo = todo.astype(bool)

    def fill(parsed, naive=True):
        parsed = _ns(parsed, stats)
        parsed = _localize(parsed, tz, stats, count_naive=naive).astype("datetime64[ns, UTC]")
        ok = parsed.notna()
        idx = ok[ok].index
        out.loc[idx] = parsed[ok]
        todo.loc[idx] = False

    def where(pattern, sub):
        return sub.str.contains(pattern, regex=True).fillna(False).astype(bool)

    if time_format and todo.any():
        sub = st[todo]
        fill(_to_dt(sub.astype(object), format=time_format, utc="%z" in time_format))
    if todo.any():
        sub = st[todo]
        looks_v1 = where(_V1, sub)
        if looks_v1.any():
            fill(_parse_v1(sub[looks_v1]))
    if todo.any():
        sub = st[todo]
        iso = where(_ISO, sub)
        if iso.any():
            sub = sub[iso]
            aware = sub.str.slice(-8).str.contains(_HAS_TZ.pattern, regex=True).fillna(False).astype(bool)
            if aware.any():
                fill(_to_dt(sub[aware].astype(object), format="ISO8601", utc=True))
            if (~aware).any():
                fill(_to_dt(sub[~aware].astype(object), format="ISO8601"))
    if todo.any():
        sub = st[todo]
        slash = sub[where(_SLASH, sub)]
        if len(slash):
            fill(_slash(slash, stats))
    if todo.any():
        sub = st[todo]
        ep = sub[where(_EPOCH, sub)]
        if len(ep):
            num = pd.to_numeric(ep, errors="coerce")
            unit_ms = num > 1e11
            parts = []
            for mask, unit in ((~unit_ms, "s"), (unit_ms, "ms")):
                if mask.any():
                    vals = num[mask]
                    limit = 9.2e9 if unit == "s" else 9.2e12
                    far = vals.abs() > limit
                    if far.any():
                        stats["out_of_range"] = stats.get("out_of_range", 0) + int(far.sum())
                        stats.setdefault("out_of_range_index", []).extend(vals.index[far].tolist())
                        vals = vals[~far]
                    parts.append(_to_dt(vals, unit=unit))
            if parts:
                parsed = pd.concat(parts) if len(parts) > 1 else parts[0]
                fill(parsed.dt.tz_localize("UTC"), naive=False)
    bad = todo.copy()
    if stats.get("out_of_range_index"):
        bad.loc[[i for i in stats["out_of_range_index"] if i in bad.index]] = True
    return out, bad.astype(bool)
