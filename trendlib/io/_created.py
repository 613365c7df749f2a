"""When an X account was created, read from its user id (X's "snowflake" ids).

Why: accounts of a buzzer campaign are often made in one batch, days or hours apart, and
an analyst asks "are these new accounts?" before anything else. X does not put the
creation date in the files scrapers write (tweet-harvest, twarc-csv flat tables), but
since about 2013 every X id, of a post or of an account, is a snowflake whose top 41 bits
are milliseconds since 2010-11-04 01:42:54.657 UTC (X's epoch, 1288834974657), so the
creation time of an account is in its id. Account ids from before the switch are
sequential (below 10^10: 147926502 is of 2010, 4375564153 of about 2015) and say nothing;
they are missing here. Snowflake account ids are above 10^17, so the line at 2^40 parts
the two with room on both sides.

Only ``io`` knows this: it is a fact of one platform's ids, like the formats.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

__all__ = ["account_created"]

#: X's snowflake epoch, ms since the Unix epoch
X_EPOCH_MS = 1288834974657
#: sequential X user ids stayed below 10^10; snowflake account ids are above 10^17
_SNOWFLAKE_MIN = 2**40


def _snowflake_ms(values: Any) -> np.ndarray:
    """ms since the Unix epoch of each snowflake id (str or int); -1 where not one."""
    s = pd.Series(values, dtype=object).astype(str)
    digits = s.str.fullmatch(r"\d{10,20}").fillna(False).to_numpy(dtype=bool)
    out = np.full(len(s), -1, dtype=np.int64)
    if digits.any():
        v = np.array([int(x) for x in s[digits]], dtype=object)
        ok = np.array([_SNOWFLAKE_MIN <= x < 2**63 for x in v], dtype=bool)
        ms = np.full(len(v), -1, dtype=np.int64)
        ms[ok] = [(int(x) >> 22) + X_EPOCH_MS for x in v[ok]]
        out[np.flatnonzero(digits)] = ms
    return out


def account_created(posts: pd.DataFrame) -> pd.Series:
    """The creation time of each X account of ``posts``, read from its user id.

    Parameters
    ----------
    posts : pandas.DataFrame
        Canonical posts (``author``), with the user id in ``author_id`` (tweet-harvest's
        ``user_id_str``, twarc2's ``author_id``) or numeric authors (a file without
        handles). Posts of other platforms (``platform`` other than ``"twitter"``) are
        left out.

    Returns
    -------
    pandas.Series
        UTC timestamps indexed by account (``author``), one per account; ``NaT`` where the
        id is missing or older than X's snowflake ids (before about 2013).

    Examples
    --------
    >>> import pandas as pd
    >>> posts = pd.DataFrame({"author": ["warga1", "lama"],
    ...                       "author_id": ["1698911045786669056", "147926502"]})
    >>> created = account_created(posts)
    >>> str(created["warga1"]), bool(created.isna()["lama"])
    ('2023-09-05 04:08:52.213000+00:00', True)
    """
    from .._validation import require_columns

    require_columns(posts, ["author"], func="account_created", hint="trendlib.read_posts(...)")
    rows = posts
    if "platform" in rows.columns:
        rows = rows[rows["platform"].isna() | (rows["platform"] == "twitter")]
    ids = rows["author_id"] if "author_id" in rows.columns else rows["author"]
    frame = pd.DataFrame({"author": rows["author"].to_numpy(dtype=object), "id": ids.to_numpy(dtype=object)})
    frame = frame[frame["author"].notna()].drop_duplicates()  # each account's id decoded once, not per post
    ms = _snowflake_ms(frame["id"])
    frame = frame.assign(ms=np.where(ms >= 0, ms, np.iinfo(np.int64).max))
    first = frame.groupby("author", sort=True)["ms"].min()  # an account's readable id, if any row has one
    values = first.to_numpy(dtype=np.int64)
    out = pd.to_datetime(np.where(values == np.iinfo(np.int64).max, np.iinfo(np.int64).min, values * 1_000_000)
                         .view("datetime64[ns]")).tz_localize("UTC")
    return pd.Series(out, index=first.index.rename("author"), name="created")
