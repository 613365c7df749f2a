"""Organic talk in the simulated summit corpus: original posts, retweets, replies, decoys.

Why a module of its own: organic behaviour is what the coordination detectors must *not*
flag and what the burst detectors must find. Original posts follow the timeline of
:mod:`._summit_plan` (a per-minute intensity per topic: slow baselines times the hour-of-day
profile, plus the planted episodes); each is written by an account of the topic's groups,
chosen in proportion to its heavy-tailed activity. Retweets and replies go to popular
posts (officials, media, a few viral posts) after an exponential delay. Two decoys are
planted and recorded: a viral retweet cascade by many unrelated accounts and bursts of
short common replies ("mantap", "aamiin") under official posts.
"""

from __future__ import annotations

import numpy as np

from ._summit_gen import SPAN, Builder
from ._summit_plan import MINUTES, TOPIC_GROUPS, TOPIC_TAGS, baselines, diurnal, episodes
from ._summit_text import PARTNERS, REPLIES, THREAD_REPLIES, TOPICS, compose, fill_slots, one

__all__ = ["organic", "retweets", "replies"]

_MEDIA_DOMAINS = ("kabarjakarta.id", "wartakini.id", "beritanusa.id", "detaknasional.id", "suarametro.id")
_MENTIONED = {"closure": ("tmc_lalinjkt", "dishubjkt_info"), "prep": ("sekretariatktt43",), "critic": ("kominfopusat",)}


def intensities() -> tuple[list[str], np.ndarray]:
    """Topics and their per-minute intensity (rows) over the whole span."""
    casual = diurnal("casual")
    rows: dict[str, np.ndarray] = {k: v * casual for k, v in baselines().items()}
    for ep in episodes():
        rows[ep[0]] = rows.get(ep[0], np.zeros(MINUTES)) + ep.shape() * np.sqrt(casual)
    names = sorted(rows)
    return names, np.vstack([rows[k] for k in names])


def organic(b: Builder, n: int) -> None:
    """``n`` organic original posts following the timeline."""
    rng = b.rng
    names, inten = intensities()
    counts = rng.multinomial(n, inten.sum(1) / inten.sum())
    activity = b.acc["activity"].to_numpy()
    for topic, lam, c in zip(names, inten, counts):
        if not c:
            continue
        base = topic.split(":")[0]
        partner = topic.split(":")[1] if ":" in topic else None
        minutes = rng.choice(MINUTES, size=int(c), p=lam / lam.sum())
        groups, shares = zip(*TOPIC_GROUPS[base])
        picked = rng.choice(len(groups), size=int(c), p=np.array(shares) / sum(shares))
        authors = np.empty(int(c), dtype=np.int64)
        for g, group in enumerate(groups):
            sel = picked == g
            ids = b.idx(group)
            w = activity[ids] if group != "media" else np.ones(len(ids))
            authors[sel] = ids[rng.choice(len(ids), size=int(sel.sum()), p=w / w.sum())]
        for m, g, acc in zip(minutes, picked, authors):
            group = groups[g]
            acc = int(acc)
            register = "news" if group == "media" else "casual"
            bodies = TOPICS[base].get(register) or TOPICS[base]["casual"]
            sent, body = bodies[int(rng.integers(len(bodies)))]
            text = compose(rng, body, register, fill_slots(rng, partner), sent)
            scale = {"casual": 0.5, "news": 0.8}[register]
            tags = [t for t, p in TOPIC_TAGS[base] if rng.random() < p * scale]
            if partner and rng.random() < (0.85 if register == "news" else 0.6):
                tags.insert(0, PARTNERS[partner][0])
            mentions, urls = [], []
            if base in _MENTIONED and register == "casual" and rng.random() < 0.08:
                target = one(rng, _MENTIONED[base])
                name = b.name[int(np.flatnonzero(b.key == target)[0])]
                text = f"{text} @{name}"
                mentions = [target]
            if register == "news":
                urls = [f"https://{_MEDIA_DOMAINS[acc % len(_MEDIA_DOMAINS)]}/read/{int(rng.integers(10**5, 10**6))}"]
                text = f"{text} {urls[0]}"
            b.post(int(m) * 60 + int(rng.integers(0, 60)), acc, text, tags, register, mentions=mentions, urls=urls,
                   topic=topic, sentiment=sent)


# who retweets and replies to whom: people mostly share what their own side posts (homophily),
# so critics and commuters form their own clusters in the interaction graph
_MIX = {
    "ministry": {"public": 0.85, "commuter": 0.1, "critic": 0.05},
    "diskominfo": {"public": 0.9, "commuter": 0.07, "critic": 0.03},
    "media": {"public": 0.6, "commuter": 0.25, "critic": 0.15},
    "public": {"public": 0.85, "commuter": 0.1, "critic": 0.05},
    "commuter": {"commuter": 0.65, "public": 0.25, "critic": 0.1},
    "critic": {"critic": 0.75, "public": 0.15, "commuter": 0.1},
    "amplifier": {"public": 1.0},
    "positive": {"public": 0.9, "commuter": 0.05, "critic": 0.05},
    "negative": {"critic": 0.45, "commuter": 0.35, "public": 0.2},
    "neutral": {"public": 0.6, "commuter": 0.3, "critic": 0.1},
}
_ANY = {"public": 0.82, "commuter": 0.12, "critic": 0.06}


def _retweeters(b: Builder, size: int, kinds=None) -> np.ndarray:
    """Organic accounts (weight: square root of activity), drawn per item from ``_MIX[kind]``."""
    rng = b.rng
    kinds = np.full(size, "", dtype=object) if kinds is None else np.asarray(kinds, dtype=object)
    out = np.empty(size, dtype=np.int64)
    pools = {}
    for g in ("public", "commuter", "critic"):
        ids = b.idx(g)
        w = np.sqrt(b.acc["activity"].to_numpy()[ids])
        pools[g] = (ids, w / w.sum())
    names = ("public", "commuter", "critic")
    for kind in np.unique(kinds):
        sel = np.flatnonzero(kinds == kind)
        mix = _MIX.get(kind, _ANY)
        p = np.array([mix.get(g, 0.0) for g in names])
        which = rng.choice(3, size=len(sel), p=p / p.sum())
        for j, g in enumerate(names):
            at = sel[which == j]
            ids, w = pools[g]
            out[at] = ids[rng.choice(len(ids), size=len(at), p=w)]
    return out


def retweets(b: Builder, n: int) -> None:
    """``n`` organic retweets, including one viral cascade (a decoy, recorded in the truth)."""
    rng = b.rng
    src = np.array([r[0] for r in b.rows if r[8] < 0 and r[14] in ("original", "scheduled")])
    grp = b.group[np.array([b.rows[i][2] for i in src])]
    w = np.select([grp == "ministry", grp == "diskominfo", grp == "media", grp == "amplifier"], [6.0, 0.5, 3.0, 0.1], 0.6)
    w = w * rng.lognormal(0.0, 1.4, size=len(src))  # a few posts go viral
    # the decoy: one public post at the opening gets a cascade of unrelated retweeters
    opening = [i for i in src if b.rows[i][10] == "opening" and b.group[b.rows[i][2]] == "public"]
    viral = int(rng.choice(opening)) if opening else int(src[0])
    n_cascade = min(n // 10, max(30, n // 40))
    t_src = b.rows[viral][1]
    cascade = []
    for acc in np.unique(_retweeters(b, n_cascade)):
        if acc != b.rows[viral][2]:
            cascade.append(b.retweet(t_src + int(rng.exponential(45 * 60)), int(acc), viral, campaign="decoy_viral_cascade"))
    b.campaigns.append(dict(campaign="decoy_viral_cascade", pattern="organic retweet cascade of one viral post",
                            signal="co-retweet (organic)", fingerprint=b.rows[viral][3][:60],
                            accounts=sorted(b.key[[b.rows[u][2] for u in cascade]]),
                            first_seen=min(b.rows[u][1] for u in cascade), last_seen=max(b.rows[u][1] for u in cascade),
                            inauthentic=False))
    rest = n - len(cascade)
    chosen = src[rng.choice(len(src), size=rest, p=w / w.sum())]
    accs = _retweeters(b, rest, b.group[[b.rows[int(i)][2] for i in chosen]])
    delays = rng.exponential(100 * 60, size=rest).astype(np.int64)
    for s, acc, d in zip(chosen, accs, delays):
        if acc == b.rows[s][2]:
            acc = int(_retweeters(b, 1)[0])
        b.retweet(min(b.rows[s][1] + int(d), SPAN - 1), int(acc), int(s))


_REPLY_MIX = {  # topic of the replied post -> (positive, negative, neutral) shares of the replies
    "opening": (0.7, 0.1, 0.2), "closing": (0.7, 0.1, 0.2), "awards": (0.6, 0.1, 0.3), "closure": (0.05, 0.55, 0.4),
    "critic": (0.1, 0.6, 0.3), "training": (0.5, 0.1, 0.4),
}


#: share of the replies that speak to their thread's story in their own words (THREAD_REPLIES);
#: the rest are reactions that would fit under any post (REPLIES). Real replies are mostly
#: about their thread: each of 40 read in the Danantara and KIP-K scrapes names its subject
#: (keyword scrapes keep only posts with the keyword, so that is an upper bound);
#: under official posts short reactions ("mantap", "noted min") are common, hence 0.6.
THREAD_REPLY_SHARE = 0.6


def _thread_reply(wording: np.random.Generator, topic: str, sentiment: str) -> str | None:
    """A reply about ``topic``'s story (``"partner:china"`` names its summit), drawn from the
    ``wording`` stream; None for a reaction instead (or when the story has no replies of its own)."""
    base, _, partner = topic.partition(":")
    bodies = THREAD_REPLIES.get(base, {}).get(sentiment)
    if not bodies or wording.random() >= THREAD_REPLY_SHARE:
        return None
    # composed like an original casual post (context, reaction, opener, closer), so two
    # replies under one post rarely share their text: identical replies are a
    # coordination signal, and organic repliers do not copy each other
    return compose(wording, one(wording, bodies), "casual", fill_slots(wording, partner or None), sentiment)


def replies(b: Builder, n: int) -> None:
    """``n`` replies to official, media and popular posts; some as short common-reply bursts (a decoy).

    Most replies speak to their thread's story (``THREAD_REPLY_SHARE``), in wording drawn
    from a stream of their own, so the times, accounts and other posts do not depend on it.
    """
    rng = b.rng
    wording = np.random.default_rng([b.seed, 1])  # the thread replies' own stream
    src = np.array([r[0] for r in b.rows if r[8] < 0 and r[7] is None and b.group[r[2]] in
                    ("ministry", "media", "diskominfo", "public", "commuter", "critic")])
    grp = b.group[np.array([b.rows[i][2] for i in src])]
    w = np.select([grp == "ministry", grp == "media", grp == "diskominfo"], [8.0, 3.0, 0.4], 0.3)
    chosen = src[rng.choice(len(src), size=n, p=w / w.sum())]
    sents = []
    for s in chosen:
        topic = b.rows[s][10].split(":")[0]
        mix = _REPLY_MIX.get(topic, (0.4, 0.2, 0.4))
        sents.append(("positive", "negative", "neutral")[int(rng.choice(3, p=mix))])
    # critics answer critics, the public answers officials: the replier's side follows the post's
    kinds = [b.group[b.rows[s][2]] if b.group[b.rows[s][2]] in ("critic", "commuter") else sent
             for s, sent in zip(chosen, sents)]
    accs = _retweeters(b, n, kinds)
    burst_first = []
    for s, acc, sent in zip(chosen, accs, sents):
        if acc == b.rows[s][2]:
            continue_acc = _retweeters(b, 1)[0]
            acc = continue_acc
        fast = sent == "positive" and b.group[b.rows[s][2]] == "ministry"
        delay = int(rng.exponential(4 * 60 if fast else 50 * 60))
        # the decoy's quick replies under official posts are the common reactions
        written = None if fast else _thread_reply(wording, b.rows[s][10], sent)
        u = b.reply(b.rows[s][1] + delay, int(acc), int(s), one(rng, REPLIES[sent]), sent,
                    campaign="decoy_common_replies" if fast else "", written=written)
        if fast:
            burst_first.append(u)
    if burst_first:
        b.campaigns.append(dict(campaign="decoy_common_replies",
                                pattern="short common replies (mantap, aamiin...) minutes after official posts",
                                signal="same text (organic)", fingerprint="common replies",
                                accounts=sorted(set(b.key[[b.rows[u][2] for u in burst_first]])),
                                first_seen=min(b.rows[u][1] for u in burst_first),
                                last_seen=max(b.rows[u][1] for u in burst_first), inauthentic=False))
