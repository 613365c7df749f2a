"""Generated Indonesian-like posts with planted topics, for tests and benchmarks.

Why generated: the adjusted Rand index needs the true topic of every post, and no real
scrape has it. Each planted topic is a list of words an Indonesian post about it would use
(written for trendlib, no copied text), a few of them shared with other topics, plus
hashtags in the CamelCase, lowercase and year-suffixed variants real users type. A post
draws most words from its topic (Zipf-like: the first words are the most common), the rest
from everyday words, slang and stopwords, and may carry a hashtag, a mention, a URL or an
emoji. Noise posts (truth ``-1``) have everyday words only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["make_topic_corpus", "PLANTED_TOPICS"]

#: topic name -> (topic words, hashtags)
PLANTED_TOPICS: dict[str, tuple[list[str], list[str]]] = {
    "ktt_asean": ("ktt asean delegasi summit kepala negara jakarta senayan pertemuan kerja sama "
                  "kawasan diplomasi deklarasi menteri luar negeri sidang keketuaan bilateral "
                  "pengamanan tamu".split(), ["KTTASEAN2023", "ASEAN2023", "asean"]),
    "macet": ("macet jalan tol kendaraan lalu lintas ditutup pengalihan arus polisi motor "
              "mobil busway transjakarta antrean jam sudirman jakarta perjalanan telat kantor "
              "ganjil genap".split(), ["MacetJakarta", "infolantas"]),
    "banjir": ("banjir hujan deras air genangan pengungsi tanggul sungai meluap evakuasi rumah "
               "terendam warga posko bantuan pompa kali bekasi perahu lumpur".split(),
               ["BanjirJakarta", "banjir"]),
    "harga": ("harga cabai beras minyak goreng mahal naik pasar pedagang ibu belanja sembako "
              "inflasi kilo murah operasi telur bawang stok".split(), ["HargaCabaiNaik", "sembako"]),
    "pemilu": ("pemilu capres cawapres debat suara tps kampanye partai koalisi survei elektabilitas "
               "quick count kpu bawaslu pilpres pendukung relawan".split(),
               ["Pemilu2024", "pilpres2024", "DebatCapres"]),
    "bola": ("timnas gol pertandingan pemain pelatih stadion suporter piala liga skor menang "
             "kalah garuda penalti wasit klub juara".split(), ["TimnasDay", "garudaindonesia"]),
    "korupsi": ("korupsi kpk tersangka koruptor suap penyidik pengadilan hakim vonis dana "
                "anggaran pejabat ditahan kasus negara rugi miliar".split(),
                ["KPK", "BerantasKorupsi"]),
    "mbg": ("makan bergizi gratis siswa sekolah menu gizi anak dapur keracunan anggaran porsi "
            "susu guru program lauk sayur".split(), ["MakanBergiziGratis", "mbg"]),
    "vaksin": ("vaksin covid dosis booster rumah sakit pasien positif kasus isolasi masker "
               "dokter nakes antigen pcr gejala sembuh".split(), ["VaksinCovid", "covid19"]),
    "konser": ("konser tiket war presale band penyanyi panggung penonton festival lagu fans "
               "antre venue lineup setlist nonton".split(), ["KonserJakarta", "tiketwar"]),
    "gempa": ("gempa magnitudo guncangan bmkg tsunami warga panik bangunan retak korban "
              "pengungsian susulan episentrum getaran roboh".split(), ["GempaCianjur", "infobmkg"]),
    "ojol": ("ojol driver aplikasi tarif order penumpang potongan demo mitra argo orderan "
             "customer rating helm jaket".split(), ["OjolBersatu", "driverojol"]),
}

_EVERYDAY = ("yang di dan ini itu aku kamu gue lu banget bgt gak ga udah sudah lagi aja saja "
             "sih deh dong kok kan ya iya nih tuh mau bisa ada jadi sama kayak kalo kalau "
             "tapi terus emang semoga hari ini besok kemarin orang kita mereka beneran parah "
             "mantap keren capek kesel seru lucu wkwk anjir astaga hmm bener".split())
_EMOJI = ["😂", "😭", "🔥", "👍", "🙏", "😡", "🤣"]


def make_topic_corpus(
    n_posts: int = 2000,
    *,
    n_topics: int = 8,
    noise: float = 0.05,
    topic_share: float = 0.6,
    seed: int = 0,
) -> pd.DataFrame:
    """Posts with planted topics and the truth.

    Parameters
    ----------
    n_posts : int, default 2000
    n_topics : int, default 8
        How many of the :data:`PLANTED_TOPICS` to use (at most 12), in unequal sizes.
    noise : float, default 0.05
        Share of posts with everyday words only (truth ``-1``).
    topic_share : float, default 0.6
        Expected share of a post's words drawn from its topic.
    seed : int, default 0

    Returns
    -------
    pandas.DataFrame
        ``id``, ``time`` (UTC, over one week), ``author``, ``text``, ``truth`` (topic
        number, ``-1`` for noise) and ``truth_name``.

    Examples
    --------
    >>> posts = make_topic_corpus(100, n_topics=3, seed=1)
    >>> posts.shape, sorted(posts["truth"].unique().tolist())
    ((100, 6), [-1, 0, 1, 2])
    """
    from .._validation import check_int

    check_int(n_posts, name="n_posts", func="make_topic_corpus")
    check_int(n_topics, name="n_topics", func="make_topic_corpus", minimum=1)
    if n_topics > len(PLANTED_TOPICS):
        raise ValueError(
            f"The 'n_topics' parameter of make_topic_corpus() must be at most {len(PLANTED_TOPICS)}. Got {n_topics}."
        )
    for name, v in (("noise", noise), ("topic_share", topic_share)):
        if not 0 <= v <= 1:
            raise ValueError(f"The {name!r} parameter of make_topic_corpus() must be in [0, 1]. Got {v!r}.")
    rng = np.random.default_rng(seed)
    names = list(PLANTED_TOPICS)[:n_topics]
    sizes = rng.dirichlet(np.full(n_topics, 4.0))
    truth = rng.choice(n_topics, size=n_posts, p=sizes)
    truth[rng.random(n_posts) < noise] = -1
    every = np.asarray(_EVERYDAY, dtype=object)
    n_words = rng.integers(4, 16, n_posts)
    k_topic = np.where(truth >= 0, np.maximum(1, rng.binomial(n_words, topic_share)), 0)
    k_every = n_words - k_topic
    # draw every word of every post at once, per topic, then cut the draws per post
    topic_draws: dict[int, np.ndarray] = {}
    for t in range(n_topics):
        vocab = np.asarray(PLANTED_TOPICS[names[t]][0], dtype=object)
        zipf = 1.0 / np.arange(1, len(vocab) + 1) ** 0.8
        topic_draws[t] = rng.choice(vocab, size=int(k_topic[truth == t].sum()), p=zipf / zipf.sum())
    every_draws = rng.choice(every, size=int(k_every.sum()))
    tag_roll, tag_pick, tag_case = rng.random(n_posts), rng.random(n_posts), rng.random(n_posts)
    extra = rng.random((n_posts, 3))
    users, links = rng.integers(1000, size=n_posts), rng.integers(10**6, size=n_posts)
    emo = rng.integers(len(_EMOJI), size=n_posts)
    tpos = dict.fromkeys(range(n_topics), 0)
    epos = 0
    texts = []
    for i, t in enumerate(truth.tolist()):
        words = list(every_draws[epos : epos + k_every[i]])
        epos += k_every[i]
        if t >= 0:
            k = k_topic[i]
            words += list(topic_draws[t][tpos[t] : tpos[t] + k])
            tpos[t] += k
            rng.shuffle(words)
            if tag_roll[i] < 0.3:
                tags = PLANTED_TOPICS[names[t]][1]
                tag = tags[int(tag_pick[i] * len(tags))]
                words.append("#" + (tag.lower() if tag_case[i] < 0.3 else tag))
        if extra[i, 0] < 0.15:
            words.insert(0, f"@user{users[i]}")
        if extra[i, 1] < 0.1:
            words.append(f"https://t.co/x{links[i]}")
        if extra[i, 2] < 0.2:
            words.append(_EMOJI[emo[i]])
        texts.append(" ".join(words))
    start = pd.Timestamp("2023-09-01", tz="UTC").value
    times = pd.to_datetime(np.sort(rng.integers(start, start + 7 * 86400 * 10**9, n_posts)), utc=True)
    return pd.DataFrame({
        "id": [str(i) for i in range(n_posts)],
        "time": times,
        "author": [f"akun{int(a)}" for a in rng.integers(0, max(n_posts // 3, 1), n_posts)],
        "text": texts,
        "truth": truth.astype(np.int64),
        "truth_name": [names[t] if t >= 0 else "noise" for t in truth],
    })
