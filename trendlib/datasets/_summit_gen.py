"""The posting behaviour of the simulated summit corpus, one function per kind of activity.

Why a module of its own: each function plants one pattern the library must find (or must
*not* flag) and records it in the truth, so a reader can check a pattern and its truth
side by side: the Diskominfo schedule, the four coordinated-campaign patterns of issue 9
plus a co-retweet ring, the hoaxes and their rebuttals, organic talk following the
timeline, retweets and replies.

Times are integer seconds since :data:`._summit_plan.START` (UTC).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ._summit_plan import END, MINUTES, START, diurnal, wib
from ._summit_text import EMOJI, HOAXES, PARTNERS, REPLIES, TOPICS, compose, fill_slots, one, tag_case, vary

__all__ = ["Builder", "SPAN", "official", "campaigns", "hoaxes"]

_HASHTAG = re.compile(r"#(\w+)")
SPAN = int((END - START) / pd.Timedelta("1s"))
_PRAISE = (
    "KTT ASEAN bukti Indonesia dipercaya dunia", "Indonesia sukses jadi tuan rumah KTT ASEAN",
    "Kepemimpinan Indonesia di ASEAN luar biasa", "Dukung penuh KTT ke-43 ASEAN demi rakyat",
    "ASEAN makin kuat di bawah keketuaan Indonesia", "Ekonomi kawasan tumbuh berkat kerja sama ASEAN",
    "Bangga! Dunia melihat Jakarta", "Mari kawal suksesnya KTT ASEAN",
    "Investasi masuk, rakyat sejahtera berkat ASEAN", "Jangan percaya hoaks, KTT ASEAN untuk kita semua",
    "Indonesia pemimpin sejati di kawasan", "Terima kasih Presiden, ASEAN makin solid",
)
_EMOJI = ("", "", " 🇮🇩", " 💪", " 🔥", " 👍", " 🙏", " ✨", " 👏")
_MEDIA_DOMAINS = ("kabarjakarta.id", "wartakini.id", "beritanusa.id", "detaknasional.id", "suarametro.id")
_OFFICIAL_DOMAIN = "ktt43-info.go.id"


def _t(when: str) -> int:
    return wib(when) * 60


class Builder:
    """Accumulates posts (one tuple each) and the truth rows of the planted patterns."""

    COLS = ("uid", "t", "acc", "text", "tags", "mentions", "urls", "reply_to", "rt_of", "conv",
            "topic", "sentiment", "campaign", "hoax", "role")

    def __init__(self, accounts: pd.DataFrame, rng: np.random.Generator, seed: int = 0):
        self.acc = accounts
        self.rng = rng
        self.seed = seed  # for streams of their own (the replies' wording)
        self.key = accounts["account"].to_numpy(object)
        self.name = accounts["author_name"].to_numpy(object)
        self.group = accounts["group"].to_numpy(object)
        self.rows: list[tuple] = []
        self.campaigns: list[dict] = []
        self.hoaxes: list[dict] = []

    def idx(self, group: str) -> np.ndarray:
        return np.flatnonzero(self.group == group)

    def add(self, t: int, acc: int, text: str, *, mentions=(), urls=(), reply_to=None, rt_of=-1,
            conv=-1, topic="", sentiment="neutral", campaign="", hoax="", role="original") -> int:
        uid = len(self.rows)
        t = int(min(max(t, 0), SPAN - 1))
        # the hashtags are read back from the final text (openers and closers carry some too)
        seen = list(dict.fromkeys(m.lower() for m in _HASHTAG.findall(text)))
        self.rows.append((uid, t, int(acc), text, seen, list(dict.fromkeys(mentions)), list(urls), reply_to,
                          rt_of, uid if conv < 0 else conv, topic, sentiment, campaign, hoax, role))
        return uid

    def post(self, t: int, acc: int, body: str, tags, register: str, **kw) -> int:
        """An original post: body, then hashtags written as the register writes them."""
        written = [tag_case(self.rng, tag, register) for tag in tags]
        if written and register == "casual" and self.rng.random() < 0.2:
            text = written[0] + " " + body + (" " + " ".join(written[1:]) if len(written) > 1 else "")
        else:
            text = body + (" " + " ".join(written) if written else "")
        return self.add(t, acc, text, **kw)

    def retweet(self, t: int, acc: int, src: int, *, campaign="", role="retweet") -> int:
        s = self.rows[src]
        text = f"RT @{self.name[s[2]]}: {s[3]}"
        return self.add(t, acc, text, mentions=[self.key[s[2]], *s[5]], urls=s[6], rt_of=src,
                        conv=s[9], topic=s[10], sentiment=s[11], campaign=campaign, hoax=s[13], role=role)

    def reply(self, t: int, acc: int, src: int, phrase: str, sentiment: str, *, hoax="", campaign="",
              written: str | None = None) -> int:
        """A reply to post ``src``: ``phrase`` varied as people write it, or ``written`` (a
        text drawn from another stream) in its place. ``phrase`` is varied in both cases, so
        the builder's stream, and with it every later draw, is the same either way."""
        s = self.rows[src]
        target = self.key[s[2]]
        text = vary(self.rng, phrase, "casual") + one(self.rng, EMOJI.get(sentiment, EMOJI["neutral"]))
        text = f"@{self.name[s[2]]} " + (text if written is None else written)
        return self.add(t, acc, text, mentions=[target], reply_to=target, conv=s[9], topic=s[10],
                        sentiment=sentiment, campaign=campaign, hoax=hoax, role="reply")


def _pick(b: Builder, group: str, size: int, *, power: float = 1.0) -> np.ndarray:
    ids = b.idx(group)
    w = b.acc["activity"].to_numpy()[ids] ** power
    return ids[b.rng.choice(len(ids), size=size, p=w / w.sum())]


def _official_topic(t: int) -> str:
    """What official accounts post about at second ``t``."""
    for code, (_, _, day, hour) in sorted(PARTNERS.items(), key=lambda kv: (-kv[1][2], -kv[1][3])):
        if _t(f"2023-09-0{day} 00:00") + int((hour - 0.5) * 3600) <= t < _t(f"2023-09-0{day} 23:59"):
            if day == 7 and t >= _t("2023-09-07 15:30"):
                return "closing"
            return f"partner:{code}"
    if t >= _t("2023-09-09 00:00"):
        return "closing"
    if t >= _t("2023-09-08 09:30"):
        return "awards"
    if t >= _t("2023-09-08 00:00"):
        return "closing"
    if t >= _t("2023-09-05 08:00"):
        return "opening"
    if t >= _t("2023-09-04 00:00"):
        return "closure"
    if _t("2023-08-29 08:00") <= t < _t("2023-08-30 00:00"):
        return "training"
    return "prep"


def _topic_tags(topic: str) -> list[str]:
    if topic.startswith("partner:"):
        return [PARTNERS[topic.split(":")[1]][0]]
    return {"training": ["SiapSukseskanKTTASEAN"], "closure": ["RekayasaLaluLintas"], "closing": ["PenutupanKTTASEAN"],
            "awards": ["PenghargaanKTTASEAN"]}.get(topic, [])


def _official_post(b: Builder, t: int, acc: int, base: list[str], role: str, campaign: str = "") -> int:
    topic = _official_topic(t)
    sent, body = TOPICS[topic.split(":")[0]]["official"][int(b.rng.integers(len(TOPICS[topic.split(":")[0]]["official"])))]
    text = compose(b.rng, body, "official", fill_slots(b.rng, topic.split(":")[1] if ":" in topic else None))
    urls = [f"https://{_OFFICIAL_DOMAIN}/berita/{int(b.rng.integers(1000, 9999))}"] if b.rng.random() < 0.4 else []
    if urls:
        text += " " + urls[0]
    return b.post(t, acc, text, base + _topic_tags(topic), "official", urls=urls, topic=topic, sentiment=sent,
                  campaign=campaign, role=role)


def official(b: Builder, n_posts: int) -> None:
    """Ministries post in office hours; Diskominfo accounts post on a fixed daily schedule after training."""
    rng = b.rng
    scale = n_posts / 50_000
    office = diurnal("official")[::60][:24]
    office = office / office.sum()
    n_days = MINUTES // 1440
    for acc in b.idx("ministry"):
        for d in range(n_days):
            for _ in range(rng.poisson(5.0 * scale)):
                t = d * 86400 + int(rng.choice(24, p=office)) * 3600 + int(rng.integers(0, 3600))
                _official_post(b, t, acc, ["KTTASEAN2023"], "scheduled")
    slots = int(np.clip(round(4 * scale), 1, 6))
    hours = (8, 12, 16, 20, 10, 14)[:slots]
    members = b.idx("diskominfo")
    first = last = None
    for acc in members:
        offset = int(rng.integers(0, 40)) * 60
        for d in range(n_days):
            day0 = d * 86400
            if day0 < _t("2023-08-30 00:00"):  # before the training: now and then, any hour of the office day
                if rng.random() < 0.4:
                    _official_post(b, day0 + int(rng.integers(8, 17)) * 3600 + int(rng.integers(0, 3600)), acc,
                                   ["KTTASEAN2023"], "scheduled")
                continue
            for h in hours:  # as trained: the same slots every day, the official hashtag set
                t = day0 + h * 3600 + offset + int(rng.integers(-300, 300))
                _official_post(b, t, acc, ["KTTASEAN2023", "ASEAN2023", "ASEANIndonesia2023"], "scheduled",
                               campaign="official_schedule")
                first = t if first is None else min(first, t)
                last = t if last is None else max(last, t)
    b.campaigns.append(dict(campaign="official_schedule", pattern="scheduled official posting (trained, legitimate)",
                            signal="hashtag set", fingerprint="asean2023 aseanindonesia2023 kttasean2023",
                            accounts=sorted(b.key[members]), first_seen=first, last_seen=last, inauthentic=False))


def campaigns(b: Builder) -> None:
    """The amplification cluster: four coordination patterns and a co-retweet ring."""
    rng = b.rng
    amp = b.idx("amplifier")
    c1, c2, c3, c4, c5 = amp[:3], amp[3:8], amp[8:16], amp[16:22], amp[22:32]

    def record(name, pattern, signal, fingerprint, members, uids):
        ts = [b.rows[u][1] for u in uids]
        b.campaigns.append(dict(campaign=name, pattern=pattern, signal=signal, fingerprint=fingerprint,
                                accounts=sorted(b.key[members]), first_seen=min(ts), last_seen=max(ts), inauthentic=True))

    def praise():
        return one(rng, _PRAISE) + one(rng, _EMOJI)

    # 1. one 6-hashtag set posted 64 times over 10 days, hours apart; one account adds two tags
    s1 = ["KTTASEAN2023", "ASEANMatters", "IndonesiaMaju", "ASEAN2023Sukses", "JakartaSiap", "EpicentrumOfGrowth"]
    times = np.linspace(_t("2023-08-30 07:00"), _t("2023-09-08 21:00"), 64) + rng.integers(-7200, 7200, size=64)
    uids = []
    for i, t in enumerate(times):
        acc = c1[i % 3]
        tags = list(s1) + (["BersatuUntukASEAN", "DukungKTT"] if acc == c1[2] and rng.random() < 0.6 else [])
        order = rng.permutation(len(tags))
        uids.append(b.post(int(t), acc, praise(), [tags[j] for j in order], "casual", topic="campaign",
                           sentiment="positive", campaign="c1_hashtag_set_days", role="campaign"))
    record("c1_hashtag_set_days", "same hashtag set (with a superset) for 10 days, hours apart", "hashtag set",
           " ".join(sorted(t.lower() for t in s1)), c1, uids)
    # 2. five bot-like accounts, one identical sentence with two hashtags, 18 times over 32 hours
    sentence = "KTT ASEAN bukti Indonesia dipercaya dunia, mari dukung bersama! #KTTASEAN2023 #IndonesiaHebat"
    times = np.linspace(_t("2023-09-05 06:00"), _t("2023-09-06 14:00"), 18) + rng.integers(-1200, 1200, size=18)
    uids = [b.add(int(t), c2[i % 5], sentence, topic="campaign",
                  sentiment="positive", campaign="c2_identical_sentence", role="campaign") for i, t in enumerate(times)]
    record("c2_identical_sentence", "identical sentence by bot-like accounts over 32 hours", "same text",
           sentence, c2, uids)
    # 3. eight accounts post one 4-hashtag set within 3.5 hours, each with its own words
    s3 = ["ASEANBersatu", "IndonesiaPemimpin", "KTTASEANSukses", "ASEAN2023"]
    uids = []
    for acc in c3:
        for _ in range(int(rng.integers(1, 3))):
            t = _t("2023-09-06 19:00") + int(rng.integers(0, 210 * 60))
            uids.append(b.post(t, acc, vary(rng, praise(), "casual"), list(rng.permutation(s3)), "casual",
                               topic="campaign", sentiment="positive", campaign="c3_same_set_burst", role="campaign"))
    record("c3_same_set_burst", "same 4-hashtag set within 3.5 hours", "hashtag set",
           " ".join(sorted(t.lower() for t in s3)), c3, uids)
    # 4. six accounts paste the same mocking sentence
    pasta = "yang protes macet cuma 4 hari, padahal tiap hari juga macet 🤣 jangan lebay deh"
    uids = [b.post(_t("2023-09-04 10:00") + int(rng.integers(0, 5 * 3600)), acc, pasta, ["KTTASEAN2023"], "casual",
                   topic="campaign", sentiment="negative", campaign="c4_copy_paste", role="campaign") for acc in c4]
    record("c4_copy_paste", "copy-pasted mocking sentence within 5 hours", "same text", pasta, c4, uids)
    # 5. ten accounts retweet the same 20 ministry posts within minutes of each one
    mins = [r[0] for r in b.rows if b.group[r[2]] == "ministry" and _t("2023-08-30 00:00") <= r[1] < _t("2023-09-09 00:00")]
    uids = []
    for src in rng.choice(mins, size=min(20, len(mins)), replace=False):
        for acc in c5:
            if rng.random() < 0.85:
                uids.append(b.retweet(b.rows[int(src)][1] + int(rng.integers(120, 900)), acc, int(src),
                                      campaign="c5_co_retweet", role="campaign"))
    record("c5_co_retweet", "co-retweet ring: the same 20 official posts within minutes", "co-retweet",
           "retweets of 20 ministry posts", c5, uids)
    # the remaining amplifiers only cheer now and then (not a campaign)
    for acc in amp[32:]:
        for _ in range(int(rng.integers(2, 6))):
            b.post(int(rng.integers(_t("2023-08-30 00:00"), _t("2023-09-09 00:00"))), acc, praise(), ["KTTASEAN2023"],
                   "casual", topic="campaign", sentiment="positive", role="original")


def hoaxes(b: Builder, n_posts: int, hoax_times: dict[str, tuple[str, str]]) -> None:
    """Each hoax: the cluster posts and retweets it, the public spreads it, officials rebut it."""
    rng = b.rng
    spreaders = b.idx("hoax")
    officials = np.concatenate([b.idx("ministry"), b.idx("diskominfo")])
    scale = n_posts / 50_000
    # hoaxes differ in how far they spread and how hard they are rebutted
    reach = {"lockdown": (1.5, 0.6, 24), "sinyal": (1.0, 1.3, 36), "tol": (0.6, 0.9, 30)}
    for name, (tag, claim, rebuttal) in HOAXES.items():
        t0, tr = _t(hoax_times[name][0]), _t(hoax_times[name][1])
        spread, rebut_spread, n_rebutters = reach.get(name, (1.0, 1.0, 30))
        first = b.post(t0, spreaders[0], claim, [tag], "casual", topic="hoax", sentiment="negative", hoax=name, role="hoax",
                       campaign="hoax_cluster")
        copies = [first]
        for acc in spreaders[1:]:
            copies.append(b.post(t0 + int(rng.integers(1800, 3 * 3600)), acc, vary(rng, claim, "casual"), [tag], "casual",
                                 topic="hoax", sentiment="negative", hoax=name, role="hoax", campaign="hoax_cluster"))
        for acc in spreaders:
            for src in rng.choice(copies, size=2, replace=False):
                if b.rows[int(src)][2] != acc:
                    b.retweet(b.rows[int(src)][1] + int(rng.integers(300, 3600)), acc, int(src), role="hoax",
                              campaign="hoax_cluster")
        n_rt = int(round(90 * scale * spread))
        for acc in _pick(b, "public", n_rt, power=0.5):
            src = int(rng.choice(copies))
            b.retweet(b.rows[src][1] + int(rng.exponential(2.5 * 3600)), acc, src, role="hoax")
        for acc in _pick(b, "public", int(round(15 * scale * spread)) + 1):
            kind = "hoax_doubt" if rng.random() < 0.5 else "hoax_fact"
            b.reply(b.rows[first][1] + int(rng.exponential(3 * 3600)), acc, int(rng.choice(copies)),
                    one(rng, REPLIES[kind]), "neutral" if kind == "hoax_doubt" else "negative", hoax=name)
        rebutters = np.concatenate([officials[:3], rng.choice(officials[3:], size=n_rebutters - 3, replace=False)])
        rebuttals = []
        for k, acc in enumerate(rebutters):
            t = tr + (0 if k == 0 else int(rng.exponential(2 * 3600)))
            tags = ["LawanHoaks", "KTTASEAN2023"] + ([tag] if rng.random() < 0.5 else [])
            rebuttals.append(b.post(t, acc, rebuttal, tags, "official", topic="rebuttal", sentiment="neutral",
                                    hoax=name, role="rebuttal"))
        for acc in _pick(b, "public", int(round(45 * scale * rebut_spread)), power=0.5):
            src = int(rng.choice(rebuttals[:3]))
            b.retweet(b.rows[src][1] + int(rng.exponential(3 * 3600)), acc, src, role="rebuttal")
        b.hoaxes.append(dict(hoax=name, hashtag=tag.lower(), claim=claim, rebuttal=rebuttal, first_seen=t0,
                             rebutted=tr, spreaders=sorted(b.key[spreaders])))
    b.campaigns.append(dict(campaign="hoax_cluster", pattern="hoax copies and mutual retweets within hours",
                            signal="near text, co-retweet", fingerprint=" ".join(sorted(v[0].lower() for v in HOAXES.values())),
                            accounts=sorted(b.key[spreaders]), first_seen=min(h["first_seen"] for h in b.hoaxes),
                            last_seen=max(r[1] for r in b.rows if r[14] == "hoax"), inauthentic=True))
