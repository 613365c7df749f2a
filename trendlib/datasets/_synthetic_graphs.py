"""Seeded synthetic posts for the graph module: planted coordinated groups, Zipf hashtags.

* :func:`make_coordinated_posts` returns ``(posts, truth)``: organic chatter plus groups
  of accounts posting near-identical campaign texts within seconds of each other, the
  four coordination patterns seen in real Indonesian scrapes (a hashtag set repeated for
  days, a sentence repeated for hours, a hijacked hashtag set within hours, a pasted
  sentence), and decoys that are *not* coordination (retweet cascades, short common
  replies, copypasta spread over hours, an organic news burst, popular hashtag sets, a
  lone spammer). The decoys are what makes the generator worth testing against: each is
  what a detector without a null model flags.
* :func:`make_zipf_posts` returns posts whose hashtags, mentions and authors follow Zipf
  laws, fast enough to build a million posts for ``benchmarks/bench_graphs.py``.

The vocabulary below is our own list of common Indonesian words (no external data).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["make_coordinated_posts", "make_zipf_posts", "PATTERNS"]

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


PATTERNS = ("hashtag_series", "text_series", "hashtag_burst", "copy_paste")


def make_coordinated_posts(*, seed: int = 0, n_accounts: int = 1500, n_posts: int = 12000, n_groups: int = 8, group_size: tuple[int, int] = (5, 15), n_campaigns: tuple[int, int] = (3, 6), participation: float = 0.85, patterns: tuple[str, ...] = PATTERNS, start: str = "2024-02-14", duration: str = "14D") -> tuple[pd.DataFrame, pd.DataFrame]:
    """Posts with planted coordinated groups and organic decoys, and the truth.

    Organic accounts (Zipf activity) post random sentences (Zipf word frequencies) with 0
    to 4 popular hashtags (so popular tag *sets* are shared by many unrelated accounts),
    mentions, replies and URLs at uniform random times. Planted, on top:

    * ``n_groups`` near-text bursts: each group of ``group_size`` accounts runs
      ``n_campaigns`` campaigns, every member (probability ``participation``) posting a
      perturbed copy of the campaign text (extra @mention, URL, swapped word, emoji, case,
      punctuation) within 45 seconds.
    * the four patterns seen in real scrapes (``patterns``), one group each:
      ``"hashtag_series"``: 3 accounts post one 6-hashtag set 64 times over 10 days, hours
      apart, one of them always adding 2 more tags; ``"text_series"``: 5 accounts post an
      identical sentence with 2 hashtags 18 times over 32 hours; ``"hashtag_burst"``: 8
      accounts post the same 4-hashtag set (popular tags hijacked) within 3.5 hours, each
      with its own words; ``"copy_paste"``: 6 accounts paste the same mocking sentence
      within 40 minutes.

    Decoys (not coordination): retweet cascades, bursts of short common replies
    ("mantap", "aamiin"), a copypasta posted by 20 accounts hours apart, an organic news
    burst (60 accounts, own words, an event tag plus popular tags, within 2 hours) and a
    single account spamming one tag set and one sentence 40 times.

    Parameters
    ----------
    seed : int
        Seed of everything random.
    n_accounts, n_posts : int
        Organic accounts and organic posts.
    n_groups : int
        Planted near-text burst groups.
    group_size, n_campaigns : (int, int)
        Inclusive ranges of accounts per burst group and campaigns per group.
    participation : float
        Probability that a member posts in a given campaign.
    patterns : tuple of str
        Which of :data:`PATTERNS` to plant.
    start, duration : str
        Time span of the posts (UTC); at least 11 days for the hashtag series.

    Returns
    -------
    posts : pandas.DataFrame
        Canonical posts (``id``, ``time``, ``author``, ``text``, ``hashtags``,
        ``mentions``, ``urls``, ``reply_to``, ``is_retweet``, ...), sorted by time.
    truth : pandas.DataFrame
        One row per planted account: ``account``, ``group`` (0 ..), ``pattern``
        (``"text_burst"`` or one of :data:`PATTERNS`) and ``n_posts`` (its campaign posts).

    Examples
    --------
    >>> posts, truth = make_coordinated_posts(seed=1, n_posts=500, n_groups=2)
    >>> truth.groupby("pattern")["group"].nunique().to_dict()
    {'copy_paste': 1, 'hashtag_burst': 1, 'hashtag_series': 1, 'text_burst': 2, 'text_series': 1}
    >>> int((truth["pattern"] == "hashtag_series").sum()), int(truth.loc[truth["pattern"] == "hashtag_series", "n_posts"].sum())
    (3, 64)
    """
    rng = np.random.default_rng(seed)
    t0 = pd.Timestamp(start, tz="UTC").value
    span = pd.Timedelta(duration).value
    hour, day = 3_600 * 10**9, 86_400 * 10**9
    p_words = _zipf_p(len(_WORDS), 1.0)
    organic = np.array([f"warga{i:05d}" for i in range(n_accounts)], dtype=object)
    p_acc = _zipf_p(n_accounts, 0.8)
    p_tag = _zipf_p(len(_TAGS), 1.0)
    rows: list[dict] = []

    def add(author: str, t: int, text: str, *, rt: bool = False, reply_to: str | None = None) -> None:
        rows.append({"author": author, "time": t, "text": text, "is_retweet": rt, "reply_to": reply_to})

    def tags_of(k: int) -> list[str]:
        return ["#" + x for x in rng.choice(_TAGS, size=k, replace=False, p=p_tag)]

    lengths = rng.integers(6, 23, size=n_posts)
    flat = np.asarray(_WORDS, dtype=object)[rng.choice(len(_WORDS), size=int(lengths.sum()), p=p_words)]
    authors = organic[rng.choice(n_accounts, size=n_posts, p=p_acc)]
    times = t0 + rng.integers(0, span, size=n_posts)
    n_tags = rng.choice(5, size=n_posts, p=[0.55, 0.25, 0.12, 0.06, 0.02])
    tag_draw = np.asarray(["#" + x for x in _TAGS], dtype=object)[rng.choice(len(_TAGS), size=(n_posts, 4), p=p_tag)]
    reply_to = np.where(rng.random(n_posts) < 0.2, organic[rng.integers(0, n_accounts, size=n_posts)], None)
    has_url = rng.random(n_posts) < 0.1
    url_ids = rng.integers(10**9, 10**10, size=n_posts)
    bounds = np.cumsum(lengths)
    texts = []
    for i in range(n_posts):  # one join per post (vectorised draws above)
        words = flat[bounds[i] - lengths[i]:bounds[i]].tolist()
        if n_tags[i]:
            words += list(dict.fromkeys(tag_draw[i, :n_tags[i]].tolist()))
        if reply_to[i] is not None:
            words.insert(0, "@" + reply_to[i])
        if has_url[i]:
            words.append(f"https://t.co/{url_ids[i]:x}")
        texts.append(" ".join(words))
    base = pd.DataFrame({"author": authors, "time": times, "text": texts, "is_retweet": False, "reply_to": reply_to})

    # decoy: retweet cascades of popular posts
    for _ in range(6):
        src = str(rng.choice(organic[:50]))
        text = " ".join(_sentence(rng, 10, 18, p_words))
        t = t0 + int(rng.integers(0, span - hour * 10))
        for a in rng.choice(organic, size=int(rng.integers(20, 60)), replace=False):
            add(str(a), t + int(rng.integers(0, 120 * 10**9)), f"RT @{src}: {text}", rt=True)
    # decoy: bursts of short common replies under a popular post
    for _ in range(10):
        t = t0 + int(rng.integers(0, span))
        target = str(rng.choice(organic[:20]))
        for a in rng.choice(organic, size=int(rng.integers(5, 15)), replace=False):
            add(str(a), t + int(rng.integers(0, 60 * 10**9)), f"@{target} {rng.choice(_GREETINGS)}", reply_to=target)
    # decoy: a copypasta shared by many accounts, hours apart
    pasta = " ".join(_sentence(rng, 15, 20, p_words))
    for i, a in enumerate(rng.choice(organic, size=20, replace=False)):
        add(str(a), t0 + int(i * span / 21) + int(rng.integers(0, 600 * 10**9)), pasta)
    # decoy: an organic news burst: own words, the event tag plus popular tags, 2 hours
    event = "#" + "".join(rng.choice(_WORDS, size=2))
    t = t0 + int(rng.integers(0, span - 3 * hour))
    for a in rng.choice(organic, size=60, replace=False):
        add(str(a), t + int(rng.integers(0, 2 * hour)), " ".join(_sentence(rng, 6, 16, p_words) + [event] + tags_of(int(rng.integers(0, 3)))))
    # decoy: one account spamming a tag set and a sentence
    spam_tags = tags_of(3)
    spam_text = " ".join(_sentence(rng, 8, 12, p_words))
    for i in range(40):
        add(str(organic[-1]), t0 + int(rng.integers(0, span)), (spam_text + " " if i % 2 else " ".join(_sentence(rng, 5, 9, p_words)) + " ") + " ".join(spam_tags))

    truth: list[dict] = []

    def members(g: int, size: int) -> list[str]:
        return [f"akun_{g}_{j:02d}x{int(rng.integers(100, 999))}" for j in range(size)]

    def ordinary(m: str) -> None:  # planted accounts also post ordinary things
        for _ in range(int(rng.integers(1, 6))):
            add(m, t0 + int(rng.integers(0, span)), " ".join(_sentence(rng, 6, 20, p_words) + tags_of(int(rng.integers(0, 2)))))

    def minted(k: int) -> list[str]:
        return ["#" + "".join(rng.choice(_WORDS, size=2)) + str(int(rng.integers(1, 99))) for _ in range(k)]

    g = 0
    for g in range(n_groups):
        accs = members(g, int(rng.integers(group_size[0], group_size[1] + 1)))
        counts = dict.fromkeys(accs, 0)
        tags = minted(1)
        for _ in range(int(rng.integers(n_campaigns[0], n_campaigns[1] + 1))):
            template = _sentence(rng, 10, 16, p_words) + tags
            t = t0 + int(rng.integers(0, span - 60 * 10**9))
            joined = [m for m in accs if rng.random() < participation]
            if len(joined) < 3:
                joined = list(rng.choice(accs, size=3, replace=False))
            for m in joined:
                add(m, t + int(rng.integers(0, 45 * 10**9)), _perturb(rng, template, organic))
                counts[m] += 1
        for m in accs:
            ordinary(m)
            truth.append({"account": m, "group": g, "pattern": "text_burst", "n_posts": counts[m]})
    g = n_groups
    for pattern in patterns:
        if pattern not in PATTERNS:
            raise ValueError(f"The 'patterns' parameter of make_coordinated_posts() must hold names from {list(PATTERNS)}. Got {pattern!r}.")
        if pattern == "hashtag_series":  # 3 accounts, 6 tags, 64 posts over 10 days, hours apart
            accs, tags = members(g, 3), minted(2) + tags_of(4)
            extra = minted(2)
            t = t0 + int(rng.integers(0, max(span - 10 * day, 1)))
            when = np.sort(t + rng.integers(0, 10 * day, size=64))
            who = np.resize(np.arange(3), 64)
            posted = [(accs[w], int(x), " ".join(_sentence(rng, 4, 10, p_words) + tags + (extra if w == 2 else []))) for w, x in zip(who, when)]
        elif pattern == "text_series":  # 5 accounts, one sentence + 2 tags, 18 posts over 32 hours
            accs = members(g, 5)
            sentence = " ".join(_sentence(rng, 9, 13, p_words) + minted(1) + tags_of(1))
            t = t0 + int(rng.integers(0, span - 2 * day))
            posted = []
            for r in range(6):  # six rounds, three accounts each, minutes apart
                at = t + r * int(32 * hour / 5)
                for w in rng.choice(5, size=3, replace=False):
                    posted.append((accs[w], at + int(rng.integers(0, 600 * 10**9)), sentence))
        elif pattern == "hashtag_burst":  # 8 accounts, one 4-tag set, 3.5 hours, own words
            accs, tags = members(g, 8), tags_of(2) + [x for x in _mid_tags(rng)]
            t = t0 + int(rng.integers(0, span - 4 * hour))
            posted = [(a, t + int(rng.integers(0, int(3.5 * hour))), " ".join(_sentence(rng, 6, 14, p_words) + tags)) for a in accs]
        else:  # copy_paste: 6 accounts, the same mocking sentence, 40 minutes
            accs = members(g, 6)
            sentence = " ".join(_sentence(rng, 10, 16, p_words)) + " wkwkwk"
            t = t0 + int(rng.integers(0, span - hour))
            posted = [(a, t + int(rng.integers(0, 40 * 60 * 10**9)), sentence) for a in accs]
        counts = {a: 0 for a in accs}
        for a, x, text in posted:
            add(a, x, text)
            counts[a] += 1
        for a in accs:
            ordinary(a)
            truth.append({"account": a, "group": g, "pattern": pattern, "n_posts": counts[a]})
        g += 1

    posts = pd.concat([base, pd.DataFrame(rows, columns=base.columns)], ignore_index=True)
    posts["time"] = pd.to_datetime(posts["time"].astype(np.int64), utc=True)
    posts = posts.sort_values(["time", "author"], kind="stable", ignore_index=True)
    text = posts["text"]
    posts.insert(0, "id", [f"syn{i:07d}" for i in range(len(posts))])
    posts["hashtags"] = _found(text, r"#(\w+)", lower=True)
    posts["mentions"] = _found(text, r"@(\w+)", lower=True)
    posts["urls"] = _found(text, r"https?://\S+", lower=False)
    posts = posts[["id", "time", "author", "text", "hashtags", "mentions", "urls", "reply_to", "is_retweet"]]
    posts["lang"] = "in"
    posts["platform"] = "synthetic"
    posts["source_format"] = "make_coordinated_posts"
    return posts, pd.DataFrame(truth, columns=["account", "group", "pattern", "n_posts"])


def _found(text: pd.Series, pattern: str, *, lower: bool) -> list:
    """Every match of ``pattern`` per text (lowercased if asked), as lists of str."""
    rx = re.compile(pattern)
    out = []
    for x in text.tolist():
        if "#" not in x and "@" not in x and "http" not in x:
            out.append([])
            continue
        found = rx.findall(x)
        out.append([m.lower() for m in found] if lower else found)
    return out


def _mid_tags(rng: np.random.Generator) -> list[str]:
    """Two tags of middle popularity (ranks 6-15 of the organic tags)."""
    return ["#" + x for x in rng.choice(_TAGS[5:15], size=2, replace=False)]


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
