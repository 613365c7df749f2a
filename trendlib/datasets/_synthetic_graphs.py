"""Seeded synthetic posts for the graph module: planted coordinated groups, Zipf hashtags.

* :func:`make_coordinated_posts` returns ``(posts, truth)``: organic chatter plus groups
  of accounts posting near-identical campaign texts within seconds of each other, and
  decoys that are *not* coordination (retweet cascades, short common replies, copypasta
  spread over hours).
* :func:`make_zipf_posts` returns posts whose hashtags, mentions and authors follow Zipf
  laws, fast enough to build a million posts for ``benchmarks/bench_graphs.py``.

The vocabulary below is our own list of common Indonesian words (no external data).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["make_coordinated_posts", "make_zipf_posts"]

_WORDS = (
    "yang dan di ini itu dengan untuk tidak ada dari ke akan juga sudah saya kita kami "
    "mereka bisa harus lebih karena pada dalam jadi atau seperti masih hanya banyak baru "
    "rakyat negara pemerintah ekonomi harga beras minyak jalan macet hujan banjir kota "
    "desa sekolah guru murid kerja gaji pajak listrik air pasar warung kopi teh makan "
    "pagi siang sore malam hari minggu bulan tahun besok kemarin sekarang nanti cepat "
    "lambat bagus buruk senang sedih marah takut berani pintar bodoh kaya miskin sehat "
    "sakit rumah kantor kereta motor mobil bus bandara pantai gunung sungai laut pulau "
    "jakarta bandung surabaya medan makassar bali papua aceh jogja semarang "
    "presiden menteri dewan partai pemilu suara calon debat janji program bantuan "
    "subsidi investasi proyek pembangunan infrastruktur digital teknologi internet "
    "sinyal aplikasi data berita video foto lagu film timnas bola pertandingan juara"
).split()
_GREETINGS = ("mantap", "setuju banget", "aamiin", "semangat", "keren pak", "wkwkwk", "gas terus")
_EMOJI = ("🔥", "💪", "🙏", "👍", "🇮🇩", "✨")
_TAGS = (
    "indonesia jakarta macet banjir pemilu2024 timnas kuliner viral ekonomi pendidikan "
    "kesehatan politik hiburan olahraga teknologi cuaca mudik lebaran umkm wisata"
).split()


def _sentence(rng: np.random.Generator, lo: int, hi: int, p: np.ndarray) -> list[str]:
    return list(rng.choice(_WORDS, size=int(rng.integers(lo, hi + 1)), p=p))


def _zipf_p(n: int, s: float) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


def make_coordinated_posts(*, seed: int = 0, n_accounts: int = 1500, n_posts: int = 12000, n_groups: int = 8, group_size: tuple[int, int] = (5, 15), n_campaigns: tuple[int, int] = (3, 6), participation: float = 0.85, start: str = "2024-02-14", duration: str = "1D") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Posts with planted coordinated groups, and the truth.

    Organic accounts post random sentences (Zipf word frequencies), popular hashtags and
    mentions at uniform random times. Each planted group of ``group_size`` accounts runs
    ``n_campaigns`` campaigns: every member (with probability ``participation``) posts a
    perturbed copy of the campaign text (an extra @mention, a URL, a swapped word, emoji,
    changed case or punctuation) within 45 seconds. Group accounts also post organic
    texts. Decoys: retweet cascades (``is_retweet`` true), bursts of short common replies
    ("mantap", "aamiin") and one copypasta posted by many accounts hours apart.

    Parameters
    ----------
    seed : int
        Seed of everything random.
    n_accounts, n_posts : int
        Organic accounts and organic posts.
    n_groups : int
        Planted groups.
    group_size, n_campaigns : (int, int)
        Inclusive ranges of accounts per group and campaigns per group.
    participation : float
        Probability that a member posts in a given campaign.
    start, duration : str
        Time span of the posts (UTC).

    Returns
    -------
    posts : pandas.DataFrame
        Canonical posts (``id``, ``time``, ``author``, ``text``, ``hashtags``,
        ``mentions``, ``urls``, ``reply_to``, ``is_retweet``, ...), sorted by time.
    truth : pandas.DataFrame
        One row per planted account: ``account``, ``group`` (0 .. n_groups - 1) and
        ``n_posts`` (its campaign posts).

    Examples
    --------
    >>> posts, truth = make_coordinated_posts(seed=1, n_posts=500, n_groups=2)
    >>> sorted(truth["group"].unique().tolist())
    [0, 1]
    >>> bool(posts["author"].isin(truth["account"]).any())
    True
    """
    rng = np.random.default_rng(seed)
    t0 = pd.Timestamp(start, tz="UTC").value
    span = pd.Timedelta(duration).value
    p_words = _zipf_p(len(_WORDS), 1.0)
    organic = np.array([f"warga{i:05d}" for i in range(n_accounts)], dtype=object)
    p_acc = _zipf_p(n_accounts, 0.8)
    rows: list[dict] = []

    def add(author: str, t: int, text: str, *, rt: bool = False, reply_to: str | None = None) -> None:
        rows.append({"author": author, "time": t, "text": text, "is_retweet": rt, "reply_to": reply_to})

    lengths = rng.integers(6, 23, size=n_posts)
    flat = np.asarray(_WORDS, dtype=object)[rng.choice(len(_WORDS), size=int(lengths.sum()), p=p_words)]
    authors = organic[rng.choice(n_accounts, size=n_posts, p=p_acc)]
    times = t0 + rng.integers(0, span, size=n_posts)
    has_tag = rng.random(n_posts) < 0.3
    tag_rank = (rng.zipf(1.6, size=n_posts) - 1) % len(_TAGS)
    reply_to = np.where(rng.random(n_posts) < 0.2, organic[rng.integers(0, n_accounts, size=n_posts)], None)
    for i, words in enumerate(np.split(flat, np.cumsum(lengths)[:-1])):
        words = words.tolist()
        if has_tag[i]:
            words.append("#" + _TAGS[tag_rank[i]])
        if reply_to[i] is not None:
            words.insert(0, "@" + reply_to[i])
        add(authors[i], int(times[i]), " ".join(words), reply_to=reply_to[i])

    # decoy 1: retweet cascades of popular posts
    for _ in range(6):
        src = str(rng.choice(organic[:50]))
        text = " ".join(_sentence(rng, 10, 18, p_words))
        t = t0 + int(rng.integers(0, span - 3_600 * 10**9))
        for a in rng.choice(organic, size=int(rng.integers(20, 60)), replace=False):
            add(str(a), t + int(rng.integers(0, 120 * 10**9)), f"RT @{src}: {text}", rt=True)
    # decoy 2: bursts of short common replies under a popular post
    for _ in range(10):
        t = t0 + int(rng.integers(0, span))
        target = str(rng.choice(organic[:20]))
        for a in rng.choice(organic, size=int(rng.integers(5, 15)), replace=False):
            add(str(a), t + int(rng.integers(0, 60 * 10**9)), f"@{target} {rng.choice(_GREETINGS)}", reply_to=target)
    # decoy 3: a copypasta shared by many accounts, hours apart
    pasta = " ".join(_sentence(rng, 15, 20, p_words))
    for i, a in enumerate(rng.choice(organic, size=20, replace=False)):
        add(str(a), t0 + int(i * span / 21) + int(rng.integers(0, 600 * 10**9)), pasta)

    truth = []
    for g in range(n_groups):
        size = int(rng.integers(group_size[0], group_size[1] + 1))
        members = [f"akun_{g}_{j:02d}x{int(rng.integers(100, 999))}" for j in range(size)]
        counts = dict.fromkeys(members, 0)
        tags = ["#" + "".join(rng.choice(_WORDS, size=2)) + str(int(rng.integers(1, 99)))]
        for _ in range(int(rng.integers(n_campaigns[0], n_campaigns[1] + 1))):
            template = _sentence(rng, 10, 16, p_words) + tags
            t = t0 + int(rng.integers(0, span - 60 * 10**9))
            joined = [m for m in members if rng.random() < participation]
            if len(joined) < 3:
                joined = list(rng.choice(members, size=3, replace=False))
            for m in joined:
                add(m, t + int(rng.integers(0, 45 * 10**9)), _perturb(rng, template, organic))
                counts[m] += 1
        for m in members:  # group accounts also post ordinary things
            for _ in range(int(rng.integers(1, 6))):
                add(m, t0 + int(rng.integers(0, span)), " ".join(_sentence(rng, 6, 20, p_words)))
            truth.append({"account": m, "group": g, "n_posts": counts[m]})

    posts = pd.DataFrame(rows)
    posts["time"] = pd.to_datetime(posts["time"], utc=True)
    posts = posts.sort_values(["time", "author"], kind="stable", ignore_index=True)
    text = posts["text"]
    posts.insert(0, "id", [f"syn{i:07d}" for i in range(len(posts))])
    posts["hashtags"] = text.str.findall(r"#(\w+)").map(lambda v: [x.lower() for x in v])
    posts["mentions"] = text.str.findall(r"@(\w+)").map(lambda v: [x.lower() for x in v])
    posts["urls"] = text.str.findall(r"https?://\S+")
    posts = posts[["id", "time", "author", "text", "hashtags", "mentions", "urls", "reply_to", "is_retweet"]]
    posts["lang"] = "in"
    posts["platform"] = "synthetic"
    posts["source_format"] = "make_coordinated_posts"
    return posts, pd.DataFrame(truth, columns=["account", "group", "n_posts"])


def _perturb(rng: np.random.Generator, template: list[str], organic: np.ndarray) -> str:
    words = list(template)
    for p_swap in (0.5, 0.2):  # swap one word, sometimes two
        if rng.random() < p_swap:
            words[int(rng.integers(0, len(words) - 1))] = str(rng.choice(_WORDS))
    if rng.random() < 0.5:
        words.insert(0, "@" + str(rng.choice(organic)))
    if rng.random() < 0.3:
        words.append(f"https://t.co/{rng.integers(10**9, 10**10):x}")
    if rng.random() < 0.3:
        words.append(str(rng.choice(_EMOJI)))
    text = " ".join(words)
    if rng.random() < 0.2:
        text = text.capitalize()
    if rng.random() < 0.3:
        text = text.replace(" ", "! ", 1) if rng.random() < 0.5 else text + "!!"
    return text


def make_zipf_posts(n_posts: int = 1_000_000, *, n_tags: int = 5000, max_tags: int = 5, n_accounts: int = 100_000, max_mentions: int = 3, exponent: float = 1.1, seed: int = 0, start: str = "2024-01-01", duration: str = "7D") -> pd.DataFrame:
    """Canonical posts with Zipf-distributed hashtags, mentions and authors (for benchmarks).

    Each post carries ``0 .. max_tags`` hashtags (uniform count) drawn from ``n_tags``
    tags with probability proportional to ``1 / rank ** exponent`` (a tag may repeat
    within a post, as in real data), ``0 .. max_mentions`` mentions of accounts drawn the
    same way, and 10% are retweets. Texts are short placeholders.

    Examples
    --------
    >>> posts = make_zipf_posts(1000, n_tags=50, seed=0)
    >>> len(posts), int(posts["hashtags"].map(len).max())
    (1000, 5)
    >>> posts["hashtags"].explode().value_counts().index[0]
    'tag0000'
    """
    rng = np.random.default_rng(seed)
    tags = np.array([f"tag{i:04d}" for i in range(n_tags)], dtype=object)
    accounts = np.array([f"user{i:06d}" for i in range(n_accounts)], dtype=object)

    def lists(names: np.ndarray, k_max: int) -> list:
        k = rng.integers(0, k_max + 1, size=n_posts)
        flat = names[rng.choice(len(names), size=int(k.sum()), p=_zipf_p(len(names), exponent))]
        return [x.tolist() for x in np.split(flat, np.cumsum(k)[:-1])]

    t0 = pd.Timestamp(start, tz="UTC").value
    times = np.sort(t0 + rng.integers(0, pd.Timedelta(duration).value, size=n_posts))
    author = accounts[rng.choice(n_accounts, size=n_posts, p=_zipf_p(n_accounts, 0.9))]
    mentions = lists(accounts, max_mentions)
    is_rt = rng.random(n_posts) < 0.1
    reply = np.where(rng.random(n_posts) < 0.1, accounts[rng.integers(0, n_accounts, size=n_posts)], None)
    return pd.DataFrame({
        "id": np.char.add("z", np.arange(n_posts).astype(str)).astype(object),
        "time": pd.to_datetime(times, utc=True),
        "author": author,
        "text": np.where(is_rt, "RT placeholder", "placeholder"),
        "hashtags": lists(tags, max_tags),
        "mentions": mentions,
        "reply_to": reply,
        "is_retweet": is_rt,
    })
