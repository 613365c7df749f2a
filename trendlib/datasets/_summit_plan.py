"""The timeline of the simulated summit corpus: when each topic is talked about, and how much.

Why a module of its own: the planted bursts are the truth the notebooks and tests check
the library against, so the schedule is written once, here, as data. Times are WIB
(UTC+7); the corpus runs from 28 Aug 2023 00:00 to 10 Sep 2023 00:00 WIB.

Public record followed (dates; hours are our approximation): training of government
social-media managers on 29 Aug; work-from-home and road-closure notices announced on
1 Sep, in force 4-7 Sep; opening on 5 Sep; summits with partners on 6-7 Sep (ASEAN-China,
-Korea, -Japan, ASEAN Plus Three, -US, -Canada on the 6th; -India, East Asia Summit,
-Australia, -UN on the 7th); closing and hand-over to Laos on 7 Sep; awards for the most
active disseminators afterwards (placed on 8 Sep). Three hoaxes and their rebuttals are
invented (of the kinds fact-checkers flagged around such events).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from ._summit_text import PARTNERS

__all__ = ["START", "END", "MINUTES", "wib", "diurnal", "Episode", "episodes", "TOPIC_TAGS", "TOPIC_GROUPS"]

START = pd.Timestamp("2023-08-28 00:00", tz="Asia/Jakarta").tz_convert("UTC")
END = pd.Timestamp("2023-09-10 00:00", tz="Asia/Jakarta").tz_convert("UTC")
MINUTES = int((END - START) / pd.Timedelta("1min"))

# hour-of-day weights (WIB) of casual posting: low 01-05, rising through the day, peak
# in the evening, as in the kipk, corona-Jakarta and Sherina scrapes (datasets/README.md)
_CASUAL = np.array([0.7, 0.4, 0.25, 0.2, 0.25, 0.45, 0.7, 0.9, 1.0, 1.1, 1.15, 1.2, 1.3, 1.25,
                    1.3, 1.35, 1.4, 1.5, 1.6, 1.75, 1.85, 1.75, 1.4, 1.05])
# office hours for official and news accounts
_OFFICE = np.array([0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1.3, 1.6, 1.7, 1.7, 1.6, 1.3, 1.5,
                    1.6, 1.5, 1.3, 1.0, 0.8, 0.7, 0.6, 0.5, 0.3, 0.2])


@lru_cache(maxsize=None)
def wib(when: str) -> int:
    """Minutes since :data:`START` of a WIB wall-clock time ``"2023-09-05 09:00"``."""
    return int((pd.Timestamp(when, tz="Asia/Jakarta").tz_convert("UTC") - START) / pd.Timedelta("1min"))


def diurnal(register: str) -> np.ndarray:
    """Per-minute hour-of-day weight over the whole span for ``register``."""
    hours = ((np.arange(MINUTES) // 60) + 0) % 24  # START is 00:00 WIB
    prof = _OFFICE if register in ("official", "news") else _CASUAL
    return prof[hours]


class Episode(tuple):
    """(topic, key, start, peak, end, weight, decay) in minutes since START; key may be ''."""

    __slots__ = ()

    def __new__(cls, topic, key, start, peak, end, weight, decay):
        return super().__new__(cls, (topic, key, wib(start), wib(peak), wib(end), weight, decay))

    def shape(self) -> np.ndarray:
        """Intensity over the span: linear rise to the peak, exponential decay, zero outside."""
        _, _, s, p, e, w, decay = self
        m = np.arange(MINUTES, dtype=float)
        out = np.zeros(MINUTES)
        rise = (m >= s) & (m < p)
        out[rise] = (m[rise] - s + 1) / max(p - s, 1)
        fall = (m >= p) & (m < e)
        out[fall] = np.exp(-(m[fall] - p) / decay)
        return out * w


def episodes() -> list[Episode]:
    """The planted episodes of organic talk; those with a key are planted hashtag bursts."""
    eps = [
        Episode("training", "siapsukseskankttasean", "2023-08-29 08:30", "2023-08-29 11:00", "2023-08-29 20:00", 5.0, 150),
        Episode("closure", "", "2023-09-01 13:30", "2023-09-01 15:00", "2023-09-02 00:00", 2.0, 180),
        Episode("opening", "kttasean2023", "2023-09-05 08:00", "2023-09-05 10:00", "2023-09-05 20:00", 12.0, 200),
        Episode("closing", "penutupankttasean", "2023-09-07 15:30", "2023-09-07 16:45", "2023-09-08 00:00", 6.0, 150),
        Episode("awards", "penghargaankttasean", "2023-09-08 09:30", "2023-09-08 11:00", "2023-09-08 20:00", 3.0, 180),
    ]
    for day in (4, 5, 6, 7):  # commute peaks while the closures are in force
        w = 9.0 if day == 4 else 4.5
        eps.append(Episode("closure", "rekayasalalulintas" if day == 4 else "", f"2023-09-0{day} 05:30",
                           f"2023-09-0{day} 07:45", f"2023-09-0{day} 12:00", w, 110))
        eps.append(Episode("closure", "", f"2023-09-0{day} 16:00", f"2023-09-0{day} 18:00", f"2023-09-0{day} 22:00", w * 0.7, 90))
    for code, (tag, _, day, hour) in PARTNERS.items():
        h, mnt = int(hour), int(round((hour % 1) * 60))
        eps.append(Episode(f"partner:{code}", tag.lower(), f"2023-09-0{day} {h - 1:02d}:{mnt:02d}",
                           f"2023-09-0{day} {h:02d}:{mnt:02d}", f"2023-09-0{day} {min(h + 6, 23):02d}:{mnt:02d}", 3.0, 75))
    return eps


def baselines() -> dict[str, np.ndarray]:
    """Slowly varying organic talk per topic (per-minute weights before the diurnal factor)."""
    m = np.arange(MINUTES, dtype=float)
    day = m / 1440.0  # days since 28 Aug 00:00 WIB
    summit = ((day >= 7) & (day < 11)).astype(float)  # 4-7 Sep
    return {
        "prep": np.clip(0.3 + 0.12 * day, 0, None) * (day < 8) + 0.15 * (day >= 8),
        "critic": 0.12 + 0.25 * summit,
        "chatter": np.full(MINUTES, 0.25),
        "closure": 0.25 * summit,
        "opening": 0.1 * ((day >= 8) & (day < 10)),
        "closing": 0.15 * (day >= 11),
    }


#: topic -> ((hashtag, probability), ...) for organic posts (casual halves the probabilities)
TOPIC_TAGS = {
    "prep": (("KTTASEAN2023", 0.45), ("ASEAN2023", 0.2), ("ASEANIndonesia2023", 0.12), ("ASEANMatters", 0.08)),
    "training": (("SiapSukseskanKTTASEAN", 0.85), ("KTTASEAN2023", 0.4), ("LawanHoaks", 0.2)),
    "closure": (("RekayasaLaluLintas", 0.3), ("MacetJakarta", 0.22), ("KTTASEAN2023", 0.2), ("WFH", 0.08)),
    "opening": (("KTTASEAN2023", 0.75), ("ASEANMatters", 0.35), ("EpicentrumOfGrowth", 0.2)),
    "partner": (("KTTASEAN2023", 0.35), ("ASEAN2023", 0.1)),
    "closing": (("PenutupanKTTASEAN", 0.7), ("KTTASEAN2023", 0.45), ("Laos2024", 0.1)),
    "awards": (("PenghargaanKTTASEAN", 0.8), ("KTTASEAN2023", 0.4)),
    "critic": (("KTTASEAN2023", 0.3), ("MacetJakarta", 0.15), ("RakyatSusah", 0.08)),
    "chatter": (("KTTASEAN2023", 0.12), ("Jakarta", 0.06), ("InfoJakarta", 0.04), ("Viral", 0.03)),
}

#: topic -> (group, share) of the organic accounts that talk about it
TOPIC_GROUPS = {
    "prep": (("public", 0.72), ("media", 0.18), ("critic", 0.05), ("commuter", 0.05)),
    "training": (("media", 0.5), ("public", 0.5)),
    "closure": (("commuter", 0.6), ("public", 0.25), ("media", 0.15)),
    "opening": (("public", 0.75), ("media", 0.25)),
    "partner": (("public", 0.6), ("media", 0.4)),
    "closing": (("public", 0.7), ("media", 0.3)),
    "awards": (("public", 0.6), ("media", 0.4)),
    "critic": (("critic", 0.9), ("media", 0.1)),
    "chatter": (("public", 0.85), ("commuter", 0.1), ("critic", 0.05)),
}

#: hoax id -> (first post WIB, rebuttal WIB)
HOAX_TIMES = {
    "lockdown": ("2023-09-02 20:10", "2023-09-03 09:00"),
    "sinyal": ("2023-09-05 21:00", "2023-09-06 08:00"),
    "tol": ("2023-09-06 19:20", "2023-09-07 10:00"),
}
