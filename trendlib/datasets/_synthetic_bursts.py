"""make_bursty_stream: a seeded hashtag stream with planted bursts, and the truth.

Two kinds of planted burst, because real scrapes have both: organic ones (a key's rate
multiplied, posted by many accounts) and single-account ones (one account posting a new
hashtag dozens of times within an hour, as a spammer or a bot does). A detector that
counts posts sees both; a trend list that counts accounts must not put the second first.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import check_choice

__all__ = ["make_bursty_stream"]

# plausible Indonesian event hashtags; more keys are numbered after these
_NAMES = [
    "kttasean", "asean2023", "jakarta", "macetjakarta", "timnasday", "banjirjakarta",
    "pemilu2024", "kipkuliah", "danantara", "ikn", "harikemerdekaan", "mudik2024",
    "bbmnaik", "gempa", "polusijakarta", "krl", "umkm", "pilkada", "bansos", "piala_aff",
]
_TEMPLATES = [
    "Update terbaru soal #{k} hari ini",
    "Warga ramai membahas #{k} di lini masa",
    "Pantauan langsung #{k}, simak infonya",
    "Kenapa #{k} jadi trending ya?",
]
# one account advertising (online-gambling and follower-selling spam is common on
# Indonesian Twitter); more single-account keys are numbered after these
_SPAM_NAMES = ["slotgacor", "jualfollowers", "promogratis", "giveawayhp"]
_SPAM_TEMPLATES = [
    "Daftar sekarang, bonus besar menanti! #{k}",
    "Link di bio, buruan sebelum kehabisan #{k}",
    "Gas terus hari ini, pasti untung #{k}",
]


def _pick_range(value: Any, name: str) -> tuple[float, float]:
    if np.isscalar(value):
        return float(value), float(value)
    lo, hi = value
    if not 0 < lo <= hi:
        raise ValueError(f"The {name!r} parameter of make_bursty_stream() must be (low, high) with 0 < low <= high. Got {value!r}.")
    return float(lo), float(hi)


def make_bursty_stream(
    seed: int = 0,
    *,
    n_keys: int = 20,
    n_bins: int = 24 * 14,
    n_bursts: int = 10,
    freq: str = "1h",
    start: Any = "2023-09-01",
    tz: str = "Asia/Jakarta",
    base_rate: Any = (1.0, 20.0),
    factor: Any = (5.0, 10.0),
    duration: Any = (4, 12),
    background: float = 20.0,
    seasonality: float = 0.3,
    n_spam: int = 0,
    spam_posts: Any = (20, 40),
    output: str = "counts",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A hashtag stream (Poisson counts per bin) with planted bursts, and their truth.

    Each key has a baseline rate (posts per bin, log-uniform in ``base_rate``); all
    rates, and ``background`` posts without a hashtag, follow one daily cycle of
    relative amplitude ``seasonality`` (people post more in the evening). ``n_bursts``
    bursts multiply a key's rate by ``factor`` for ``duration`` bins; they never overlap
    on one key and start after the first 15% of the bins (so baselines have history).

    Parameters
    ----------
    seed : int
        Seed of the random generator (same seed, same data).
    n_keys, n_bins, n_bursts : int
        Number of hashtags, time bins and planted bursts.
    freq, start, tz
        Bin width, first bin (read in ``tz``) and time zone of the bins.
    base_rate, factor : float or (low, high)
        Baseline posts per bin of a key; rate multiplier inside a burst.
    duration : int or (low, high)
        Burst length in bins.
    background : float
        Posts per bin that carry no hashtag (they only add to ``total``).
    seasonality : float
        Relative amplitude of the daily cycle, in ``[0, 1)``.
    n_spam : int, default 0
        Single-account bursts: each is a new hashtag (``slotgacor``, ``jualfollowers``...)
        posted ``spam_posts`` times by one account (``spam_<hashtag>``) within one bin,
        after the first 15% of the bins. Drawn after everything else, so the rest of the
        stream is the same as with ``n_spam=0``.
    spam_posts : int or (low, high), default (20, 40)
        Posts of each single-account burst.
    output : {"counts", "posts"}
        A counts table (as :func:`trendlib.count` returns) or canonical posts, one
        hashtag per post, whose ``trendlib.count(posts, freq=freq, tz=tz)`` is that table.

    Returns
    -------
    data : pandas.DataFrame
        The counts table or the posts.
    truth : pandas.DataFrame
        One row per planted burst: ``key``, ``start``, ``end`` (half-open, bin edges in
        ``tz``), ``factor``, ``base_rate``, ``kind`` (``"organic"`` or
        ``"single_account"``) and ``account`` (the spamming account, else None).
        Single-account bursts have ``factor`` = their number of posts and
        ``base_rate`` 0.

    Examples
    --------
    >>> counts, truth = make_bursty_stream(seed=1, n_keys=5, n_bins=48, n_bursts=2)
    >>> counts.columns.tolist(), len(counts), len(truth)
    (['time', 'key', 'count', 'total'], 240, 2)
    >>> truth.columns.tolist()
    ['key', 'start', 'end', 'factor', 'base_rate', 'kind', 'account']
    >>> posts, truth = make_bursty_stream(seed=1, n_keys=5, n_bins=48, n_bursts=1, n_spam=1, output="posts")
    >>> truth[["key", "kind"]].values.tolist()
    [['jakarta', 'organic'], ['slotgacor', 'single_account']]
    >>> posts.loc[posts["author"] == "spam_slotgacor", "hashtags"].str[0].unique().tolist()
    ['slotgacor']
    """
    check_choice(output, ["counts", "posts"], name="output", func="make_bursty_stream")
    for name, v in (("n_keys", n_keys), ("n_bins", n_bins)):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
            raise ValueError(f"The {name!r} parameter of make_bursty_stream() must be an integer >= 1. Got {v!r}.")
    if isinstance(n_bursts, bool) or not isinstance(n_bursts, (int, np.integer)) or n_bursts < 0:
        raise ValueError(f"The 'n_bursts' parameter of make_bursty_stream() must be an integer >= 0. Got {n_bursts!r}.")
    if isinstance(n_spam, bool) or not isinstance(n_spam, (int, np.integer)) or n_spam < 0:
        raise ValueError(f"The 'n_spam' parameter of make_bursty_stream() must be an integer >= 0. Got {n_spam!r}.")
    if not 0 <= seasonality < 1:
        raise ValueError(f"The 'seasonality' parameter of make_bursty_stream() must be in [0, 1). Got {seasonality!r}.")
    from .._time import parse_freq, resolve_tz

    step = parse_freq(freq, func="make_bursty_stream")
    tzname = resolve_tz(tz, func="make_bursty_stream")
    rng = np.random.default_rng(seed)
    b_lo, b_hi = _pick_range(base_rate, "base_rate")
    f_lo, f_hi = _pick_range(factor, "factor")
    d_lo, d_hi = (int(x) for x in _pick_range(duration, "duration"))

    keys = [(_NAMES[i] if i < len(_NAMES) else f"topik{i:03d}") for i in range(n_keys)]
    first = pd.Timestamp(start)
    first = first.tz_localize(tzname) if first.tz is None else first.tz_convert(tzname)
    times = pd.date_range(first, periods=n_bins, freq=step)
    base = np.exp(rng.uniform(np.log(b_lo), np.log(b_hi), n_keys))
    hours = (times.hour + times.minute / 60.0).to_numpy()
    cycle = 1.0 + seasonality * np.sin(2 * np.pi * (hours - 14.0) / 24.0)  # peak ~20:00
    rate = base[:, None] * cycle[None, :]

    busy = np.zeros((n_keys, n_bins), bool)
    truth = []
    earliest = int(0.15 * n_bins)
    for _ in range(n_bursts):
        for _attempt in range(200):
            L = int(rng.integers(d_lo, d_hi + 1))
            if earliest > n_bins - L:
                break
            k = int(rng.integers(n_keys))
            t0 = int(rng.integers(earliest, n_bins - L + 1))
            lo, hi = max(t0 - L, 0), min(t0 + 2 * L, n_bins)
            if busy[k, lo:hi].any():
                continue
            f = float(rng.uniform(f_lo, f_hi))
            busy[k, t0 : t0 + L] = True
            rate[k, t0 : t0 + L] *= f
            truth.append((keys[k], times[t0], times[t0] + L * step, f, float(base[k]), "organic", None))
            break
    counts = rng.poisson(rate).astype(np.int64)
    bg = rng.poisson(background * cycle).astype(np.int64)
    spammers: dict[int, str] = {}
    spam_times: dict[int, np.ndarray] = {}
    if n_spam:
        p_lo, p_hi = (int(x) for x in _pick_range(spam_posts, "spam_posts"))
        extra = np.zeros((n_spam, n_bins), np.int64)
        for i in range(n_spam):
            name = _SPAM_NAMES[i] if i < len(_SPAM_NAMES) else f"spam{i:03d}"
            t0 = int(rng.integers(min(earliest, n_bins - 2), max(n_bins - 1, 1)))
            n_posts = int(rng.integers(p_lo, p_hi + 1))
            # the posts fill 70% of a bin's length from a random moment in bin t0, so
            # about two bursts in three straddle two bins (as 32 posts in 41 minutes do)
            first_ns = (t0 + rng.uniform(0, 1)) * step.value
            when = np.sort(first_ns + rng.uniform(0, 0.7, n_posts) * step.value).astype(np.int64)
            b = np.minimum(when // step.value, n_bins - 1)
            np.add.at(extra[i], b, 1)
            spammers[n_keys + i] = f"spam_{name}"
            spam_times[n_keys + i] = when
            keys.append(name)
            truth.append((name, times[int(b[0])], times[int(b[-1])] + step, float(n_posts), 0.0,
                          "single_account", f"spam_{name}"))
        counts = np.vstack([counts, extra])
        n_keys += n_spam
    totals = counts.sum(axis=0) + bg
    truth_df = pd.DataFrame(truth, columns=["key", "start", "end", "factor", "base_rate", "kind", "account"])
    truth_df = truth_df.sort_values(["start", "key"], kind="stable").reset_index(drop=True)

    if output == "counts":
        order = np.argsort(np.asarray(keys, dtype=object), kind="stable")
        table = pd.DataFrame(
            {
                "time": times[np.tile(np.arange(n_bins), n_keys)],
                "key": pd.Series(np.repeat(np.asarray(keys, dtype=object)[order], n_bins), dtype=object),
                "count": counts[order].ravel(),
                "total": np.tile(totals, n_keys),
            }
        )
        table.attrs.update(freq=step, tz=tzname, by="hashtag")
        return table, truth_df
    return _posts(rng, keys, times, step, counts, bg, spammers, spam_times), truth_df


def _posts(rng, keys, times, step, counts, bg, spammers, spam_times) -> pd.DataFrame:
    n_keys, n_bins = counts.shape
    per_bin = counts.sum(axis=0) + bg
    n = int(per_bin.sum())
    bin_of = np.repeat(np.arange(n_bins), per_bin)
    # key of each post: keys in bin order, then -1 for background posts
    key_of = np.concatenate(
        [np.concatenate([np.repeat(np.arange(n_keys), counts[:, t]), np.full(bg[t], -1)]) for t in range(n_bins)]
    ) if n else np.zeros(0, np.int64)
    offs = rng.uniform(0, 1, n) * step.value
    t_ns = times.tz_convert("UTC").tz_localize(None).to_numpy().astype("datetime64[ns]").view("int64")
    when_ns = t_ns[bin_of] + offs.astype(np.int64)
    for row, rel in spam_times.items():  # a spammer's posts keep their own moments
        when_ns[key_of == row] = t_ns[0] + rel
    when = pd.DatetimeIndex(when_ns.view("datetime64[ns]")).tz_localize("UTC")
    tmpl = rng.integers(len(_TEMPLATES), size=n)
    authors = rng.integers(max(n // 5, 1), size=n)
    texts = [
        (_SPAM_TEMPLATES[j % len(_SPAM_TEMPLATES)] if i in spammers else _TEMPLATES[j]).format(k=keys[i])
        if i >= 0 else "Selamat pagi, semoga harimu menyenangkan"
        for i, j in zip(key_of, tmpl)
    ]
    posts = pd.DataFrame(
        {
            "id": [f"syn{i}" for i in range(n)],
            "time": when,
            "author": [spammers.get(int(i), f"akun{a}") for i, a in zip(key_of, authors)],
            "text": texts,
            "hashtags": [[keys[i]] if i >= 0 else [] for i in key_of],
            "mentions": [[] for _ in range(n)],
            "urls": [[] for _ in range(n)],
        }
    )
    posts = posts.sort_values("time", kind="stable").reset_index(drop=True)
    posts["platform"] = "synthetic"
    posts["source_format"] = "make_bursty_stream"
    return posts
