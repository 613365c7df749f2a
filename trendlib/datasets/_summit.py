"""The simulated 43rd ASEAN Summit corpus: ``make_summit_corpus`` and ``load_summit``.

Why it exists: no public collection of posts about the summit exists, and the library's
claims (bursts found, coordination found, sentiment read) need a realistic corpus whose
truth is known. This one is a documented simulation: the timeline and institutions follow
the public record, the accounts and every sentence are invented (see
``datasets/README.md`` for how it compares with real scrapes).

The generator writes records of strings first and builds the frames from them, and the
loader builds the frames from the same records read back from the shipped files, so
``load_summit()`` and ``make_summit_corpus()`` return equal tables and the script
``scripts/make_summit_corpus.py`` rewrites the shipped files byte for byte.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from .._validation import check_int
from ._summit_accounts import make_accounts
from ._summit_gen import Builder, campaigns, hoaxes, official
from ._summit_organic import organic, replies, retweets
from ._summit_plan import HOAX_TIMES, START, episodes

__all__ = ["make_summit_corpus", "load_summit", "write_summit", "SUMMIT_FILES"]

#: the shipped files, in ``trendlib/datasets/data/``
SUMMIT_FILES = ("summit_2023.csv.gz", "summit_2023_accounts.csv.gz", "summit_2023_truth.json")
_POST_COLS = ("id", "time", "author", "author_name", "text", "hashtags", "mentions", "urls", "reply_to",
              "is_retweet", "retweet_of", "conversation_id", "lang", "like_count", "retweet_count",
              "reply_count", "quote_count", "platform", "source_format")
_TRUTH_COLS = ("group", "topic", "sentiment", "campaign", "hoax", "role")
_TWEPOCH_MS = 1288834974657
_RT_SHARE, _REPLY_SHARE = 0.20, 0.15
_LIKES_MU = {"ministry": 3.0, "diskominfo": 1.0, "media": 2.2, "amplifier": 0.3, "hoax": 1.0}


def _iso(t: pd.Timestamp) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def _build(n_posts: int, seed: int) -> Builder:
    rng = np.random.default_rng(seed)
    b = Builder(make_accounts(rng, n_posts), rng, seed)
    official(b, n_posts)
    campaigns(b)
    hoaxes(b, n_posts, HOAX_TIMES)
    n_rt, n_rep = round(_RT_SHARE * n_posts), round(_REPLY_SHARE * n_posts)
    organic(b, n_posts - len(b.rows) - n_rt - n_rep)
    retweets(b, n_rt - sum(r[8] >= 0 for r in b.rows))
    replies(b, n_posts - len(b.rows))
    return b


def _records(b: Builder) -> tuple[list[list[str]], list[list[str]], dict]:
    """Posts rows (with the truth columns), accounts rows and the truth JSON, all as strings."""
    rows = sorted(b.rows, key=lambda r: (r[1], r[0]))
    rng = np.random.default_rng(len(rows))
    start_ms = START.value // 10**6
    ids, rank = {}, 0
    for r in rows:
        ids[r[0]] = str(((start_ms + r[1] * 1000 + rank % 1000 - _TWEPOCH_MS) << 22) | rank)
        rank += 1
    n_rt = np.zeros(len(b.rows), dtype=np.int64)
    n_rep = np.zeros(len(b.rows), dtype=np.int64)
    for r in b.rows:
        if r[8] >= 0:
            n_rt[r[8]] += 1
        elif r[7] is not None:
            n_rep[r[9]] += 1
    times = pd.DatetimeIndex(START + pd.to_timedelta([r[1] for r in rows], unit="s")).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = []
    for r, time in zip(rows, times):
        uid, t, acc, text, tags, ments, urls, reply_to, rt_of, conv, topic, sent, camp, hoax, role = r
        group = b.group[acc]
        if rt_of >= 0:
            likes = rts = reps = quotes = 0
        else:
            likes = int(rng.lognormal(_LIKES_MU.get(group, 0.0), 1.2)) + 3 * int(n_rt[uid])
            rts = int(n_rt[uid]) + int(rng.poisson(0.3 * np.exp(_LIKES_MU.get(group, 0.0))))
            reps = int(n_rep[uid])
            quotes = int(rng.poisson(0.05 * rts))
        out.append([ids[uid], time, b.key[acc], b.name[acc], text, " ".join(tags), " ".join(ments), " ".join(urls),
                    reply_to or "", "true" if rt_of >= 0 else "false", ids[rt_of] if rt_of >= 0 else "", ids[conv],
                    "in", str(likes), str(rts), str(reps), str(quotes), "twitter", "summit-sim",
                    group, topic, sent, camp, hoax, role])
    member = {}
    for c in b.campaigns:
        if c["inauthentic"]:
            for a in c["accounts"]:
                member.setdefault(a, c["campaign"])
    posts_per = pd.Series([b.key[r[2]] for r in b.rows]).value_counts()
    accounts = [[k, n, g, member.get(k, ""), str(int(posts_per.get(k, 0)))]
                for k, n, g in zip(b.key, b.name, b.group)]
    truth = {
        "campaigns": [{**c, "first_seen": _iso(START + pd.Timedelta(seconds=c["first_seen"])),
                       "last_seen": _iso(START + pd.Timedelta(seconds=c["last_seen"]))} for c in b.campaigns],
        "hoaxes": [{**h, "first_seen": _iso(START + pd.Timedelta(seconds=h["first_seen"])),
                    "rebutted": _iso(START + pd.Timedelta(seconds=h["rebutted"]))} for h in b.hoaxes],
        "bursts": [{"key": ep[1], "event": ep[0], "start": _iso(START + pd.Timedelta(minutes=ep[2])),
                    "peak": _iso(START + pd.Timedelta(minutes=ep[3])), "end": _iso(START + pd.Timedelta(minutes=ep[4]))}
                   for ep in episodes() if ep[1]]
        + [{"key": h["hashtag"], "event": f"hoax:{h['hoax']}", "start": _iso(START + pd.Timedelta(seconds=h["first_seen"])),
            "peak": _iso(START + pd.Timedelta(seconds=h["first_seen"] + 3 * 3600)),
            "end": _iso(START + pd.Timedelta(seconds=h["first_seen"] + 12 * 3600))} for h in b.hoaxes],
    }
    return out, accounts, truth


def _frames(posts_rows, account_rows, truth_json):
    """Canonical posts and the truth tables from the string records."""
    from ..io._schema import str_dtype

    s = str_dtype()
    raw = pd.DataFrame(posts_rows, columns=[*_POST_COLS, *_TRUTH_COLS], dtype=s)
    posts = pd.DataFrame({"id": raw["id"]})
    posts["time"] = pd.to_datetime(raw["time"], format="%Y-%m-%dT%H:%M:%SZ", utc=True).astype("datetime64[ns, UTC]")
    for c in ("author", "text"):
        posts[c] = raw[c]
    for c in ("hashtags", "mentions", "urls"):
        posts[c] = [v.split(" ") if v else [] for v in raw[c].tolist()]
    posts["reply_to"] = raw["reply_to"].where(raw["reply_to"] != "", None).astype(s)
    posts["is_retweet"] = raw["is_retweet"].eq("true").astype(bool)
    posts["lang"] = raw["lang"]
    for c in ("like_count", "retweet_count", "reply_count", "quote_count"):
        posts[c] = raw[c].astype("int64").astype("Int64")
    for c in ("platform", "source_format", "author_name"):
        posts[c] = raw[c]
    posts["conversation_id"] = raw["conversation_id"]
    posts["retweet_of"] = raw["retweet_of"].where(raw["retweet_of"] != "", None).astype(s)
    posts.attrs.update({"format": "summit-sim", "source": "trendlib.datasets.make_summit_corpus",
                        "rows_read": len(posts), "rows_dropped": {}, "simulated": True})
    tp = raw[["id", *_TRUTH_COLS]].copy()
    acc = pd.DataFrame(account_rows, columns=["account", "author_name", "group", "campaign", "n_posts"])
    acc = acc.astype({"account": s, "author_name": s, "group": s, "campaign": s, "n_posts": "int64"})
    # fixed column orders (the JSON file stores keys sorted)
    camp = pd.DataFrame(truth_json["campaigns"], columns=["campaign", "pattern", "signal", "fingerprint", "accounts",
                                                          "first_seen", "last_seen", "inauthentic"])
    hx = pd.DataFrame(truth_json["hoaxes"], columns=["hoax", "hashtag", "claim", "rebuttal", "first_seen", "rebutted",
                                                     "spreaders"])
    bursts = pd.DataFrame(truth_json["bursts"], columns=["key", "event", "start", "peak", "end"])
    for frame, cols in ((camp, ("first_seen", "last_seen")), (hx, ("first_seen", "rebutted")), (bursts, ("start", "peak", "end"))):
        for c in cols:
            frame[c] = pd.to_datetime(frame[c], utc=True).astype("datetime64[ns, UTC]")
    camp["n_accounts"] = camp["accounts"].map(len)
    camp["n_posts"] = camp["campaign"].map(tp["campaign"].value_counts()).fillna(0).astype("int64")
    if len(hx):
        rt = posts["is_retweet"].to_numpy()
        h = tp["hoax"]
        for rname in ("hoax", "rebuttal"):
            sel = (tp["role"] == rname).to_numpy()
            hx[f"n_{rname}_posts"] = hx["hoax"].map(h[sel & ~rt].value_counts()).fillna(0).astype("int64")
            hx[f"n_{rname}_retweets"] = hx["hoax"].map(h[sel & rt].value_counts()).fillna(0).astype("int64")
            reach = posts["author"][sel].groupby(h[sel]).nunique()
            hx[f"{rname}_accounts"] = hx["hoax"].map(reach).fillna(0).astype("int64")
    truth = {"posts": tp, "accounts": acc, "campaigns": camp, "hoaxes": hx, "bursts": bursts}
    return posts, truth


def make_summit_corpus(*, n_posts: int = 50_000, seed: int = 0):
    """Simulate posts about the 43rd ASEAN Summit (Jakarta, 5-7 Sept 2023), with the truth.

    28 Aug - 9 Sep 2023 (WIB). The timeline follows the public record: the training of
    government social-media managers (29 Aug), work-from-home and road-closure notices
    (from 1 Sep, in force 4-7 Sep), the opening (5 Sep), the summits with ten partners
    (6-7 Sep), the closing and hand-over to Laos (7 Sep), the awards for the most active
    disseminators (8 Sep). Accounts (invented) belong to eight groups: ministries,
    Diskominfo (posting the official hashtag set on a daily schedule after the
    training), media, public, commuters, critics, an amplification cluster running five
    coordinated campaigns, a hoax cluster. Text comes from trendlib's own Indonesian
    templates with slang, typos, elongation, emoji, varied hashtag case and English
    code-mixing.

    Parameters
    ----------
    n_posts : int, default 50_000
        Exactly this many posts (>= 5,000: the campaigns and hoaxes have fixed sizes).
    seed : int, default 0
        Seed of everything random; the same seed gives the same posts, byte for byte.

    Returns
    -------
    posts : pandas.DataFrame
        Canonical posts (see :func:`trendlib.read_posts`), sorted by time, plus
        ``author_name`` (display handle), ``conversation_id`` and ``retweet_of``.
    truth : dict of pandas.DataFrame
        ``"posts"`` (per post: ``id``, author ``group``, ``topic``, intended
        ``sentiment``, ``campaign``, ``hoax``, ``role``), ``"accounts"`` (``account``,
        ``author_name``, ``group``, ``campaign``, ``n_posts``), ``"campaigns"``
        (``pattern``, ``signal``, ``fingerprint``, ``accounts``, ``first_seen``,
        ``last_seen``, ``inauthentic``: decoys and the official schedule are False),
        ``"bursts"`` (planted hashtag bursts: ``key``, ``event``, ``start``, ``peak``,
        ``end``) and ``"hoaxes"`` (claim, rebuttal, times, posts, retweets, accounts).

    See Also
    --------
    load_summit : the default corpus (``n_posts=50_000, seed=0``), shipped with trendlib.

    Notes
    -----
    A simulation, not data: use it to check what the library finds against a known
    truth, never to make claims about the real event. ``datasets/README.md`` compares its
    hashtags per post, posts per account, retweet share and hour-of-day profile with the
    real scrapes of the data home.

    Examples
    --------
    >>> posts, truth = make_summit_corpus(n_posts=5_000, seed=1)
    >>> len(posts), bool(posts["author"].str.islower().all())
    (5000, True)
    >>> sorted(truth)
    ['accounts', 'bursts', 'campaigns', 'hoaxes', 'posts']
    >>> "kttasean2023" in set(truth["bursts"]["key"])
    True
    """
    n_posts = check_int(n_posts, name="n_posts", func="make_summit_corpus", minimum=5000)
    seed = check_int(seed, name="seed", func="make_summit_corpus", minimum=0)
    return _frames(*_records(_build(n_posts, seed)))


def _gz_csv(rows, header) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    return out.getvalue()


def write_summit(folder, *, n_posts: int = 50_000, seed: int = 0) -> list[Path]:
    """Write the corpus files (:data:`SUMMIT_FILES`) into ``folder``; same seed, same bytes."""
    posts_rows, account_rows, truth = _records(_build(check_int(n_posts, name="n_posts", func="write_summit", minimum=5000),
                                                      check_int(seed, name="seed", func="write_summit", minimum=0)))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    blobs = (_gz_csv(posts_rows, [*_POST_COLS, *(f"truth_{c}" for c in _TRUTH_COLS)]),
             _gz_csv(account_rows, ["account", "author_name", "group", "campaign", "n_posts"]),
             (json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    paths = []
    for name, blob in zip(SUMMIT_FILES, blobs):
        (folder / name).write_bytes(blob)
        paths.append(folder / name)
    return paths


def _read_gz_csv(path) -> list[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[1:]


def load_summit(*, return_truth: bool = False):
    """Load the default simulated summit corpus shipped with trendlib (50,000 posts).

    Parameters
    ----------
    return_truth : bool, default False
        Also return the truth tables (see :func:`make_summit_corpus`).

    Returns
    -------
    posts : pandas.DataFrame
        Canonical posts, equal to ``make_summit_corpus()[0]``.
    truth : dict of pandas.DataFrame
        Only with ``return_truth=True``.

    See Also
    --------
    make_summit_corpus : the generator (other sizes and seeds).

    Notes
    -----
    The files live in ``trendlib/datasets/data/`` (package data, so an installed wheel
    has them); ``scripts/make_summit_corpus.py`` rewrites them byte for byte.

    Examples
    --------
    >>> posts, truth = load_summit(return_truth=True)
    >>> len(posts), posts.attrs["simulated"]
    (50000, True)
    >>> int(truth["campaigns"].set_index("campaign").loc["c2_identical_sentence", "n_accounts"])
    5
    """
    base = resources.files("trendlib").joinpath("datasets", "data")
    posts_rows = _read_gz_csv(base.joinpath(SUMMIT_FILES[0]))
    account_rows = _read_gz_csv(base.joinpath(SUMMIT_FILES[1]))
    truth = json.loads(base.joinpath(SUMMIT_FILES[2]).read_text(encoding="utf-8"))
    posts, t = _frames(posts_rows, account_rows, truth)
    return (posts, t) if return_truth else posts
