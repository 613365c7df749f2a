"""The accounts of the simulated summit corpus: groups, handles, activity.

Why a module of its own: who posts decides what every analysis finds. The groups follow
the issue's reading of the event: ministries and agencies, provincial and district
Diskominfo accounts trained on 29 August 2023 to post on a schedule, media, the general
public, commuters hit by the road closures, critics, an amplification ("buzzer") cluster
and a small hoax-spreading cluster. Organic activity is heavy-tailed (log-normal weights, sigma 1.7),
as in the real scrapes of the data home (most accounts post once, a few post dozens of
times).

Handles are invented. The display handle (``author_name``) keeps mixed case; the
account key (``author``) is :func:`trendlib._keys.account_key` of it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._keys import account_key
from ._summit_text import one

__all__ = ["make_accounts", "GROUPS"]

#: group -> (register, description)
GROUPS = {
    "ministry": ("official", "ministries and agencies"),
    "diskominfo": ("official", "provincial and district Diskominfo, trained on 29 Aug, post on a schedule"),
    "media": ("news", "news outlets"),
    "public": ("casual", "the general public"),
    "commuter": ("casual", "commuters hit by the road closures"),
    "critic": ("casual", "critics of the summit's cost and closures"),
    "amplifier": ("casual", "the coordinated amplification cluster"),
    "hoax": ("casual", "the hoax-spreading cluster"),
}

_MINISTRIES = ("InfoSetneg", "SetkabKabar", "KominfoPusat", "KemluUpdate", "TMC_LalinJkt", "DishubJkt_Info",
               "HumasPolri_Jkt", "KemenkeuInfo", "BumnKabar", "KemenparekrafInfo", "SekretariatKTT43", "PemprovDKI_Info")
_PROVINCES = ("Aceh", "Sumut", "Sumbar", "Riau", "Jambi", "Sumsel", "Bengkulu", "Lampung", "Babel", "Kepri",
              "DKI", "Jabar", "Jateng", "DIY", "Jatim", "Banten", "Bali", "NTB", "NTT", "Kalbar", "Kalteng",
              "Kalsel", "Kaltim", "Kaltara", "Sulut", "Sulteng", "Sulsel", "Sultra", "Gorontalo", "Sulbar",
              "Maluku", "Malut", "Papua", "PapuaBarat", "PapuaTengah", "PapuaPegunungan", "PapuaSelatan", "PapuaBaratDaya")
_DISTRICTS = ("Mimika", "Bogor", "Bekasi", "Depok", "Tangerang", "Bandung", "Surabaya", "Makassar", "Medan",
              "Kendari", "Manado", "Kupang", "Ambon", "Jayapura", "Sorong", "Palu", "Mataram", "Pontianak",
              "Balikpapan", "Banjarmasin", "Padang", "Pekanbaru")
_MEDIA_A = ("Kabar", "Warta", "Berita", "Detak", "Suara", "Kanal", "Sorot", "Jurnal", "Lensa", "Pojok", "Fokus", "Info")
_MEDIA_B = ("Jakarta", "Nusa", "Kini", "Nasional", "Metro", "Harian", "Terkini", "Indonesia", "Pagi", "Kota")
_FIRST = ("rina", "budi", "sari", "agus", "dewi", "andi", "putri", "eko", "wulan", "fajar", "indah", "rizky", "ayu",
          "dimas", "nisa", "bayu", "tika", "yoga", "mega", "reza", "lia", "dika", "citra", "hendra", "vina",
          "arif", "nadia", "galih", "siti", "bagus", "intan", "ilham", "novi", "aldi", "fitri", "raka", "dina")
_WORDS = ("senja", "kopi", "hujan", "malam", "pagi", "santuy", "receh", "gabut", "mager", "bucin", "anakjaksel",
          "ojol", "kuli", "kantoran", "mahasiswa", "emak", "bapak", "kang", "mbak", "bang", "si", "official")
_BOT_A = ("nkri", "garuda", "cinta", "merah_putih", "bela", "pejuang", "relawan", "suara", "indonesia")
_BOT_B = ("jaya", "muda", "maju", "bersatu", "hebat", "negeri", "rakyat", "tangguh")


def _person(rng: np.random.Generator, used: set[str]) -> str:
    while True:
        first = one(rng, _FIRST)
        r = rng.random()
        if r < 0.35:
            h = first.capitalize() + one(rng, _WORDS).capitalize() + str(int(rng.integers(1, 999)))
        elif r < 0.6:
            h = f"{first}_{one(rng, _WORDS)}"
        elif r < 0.8:
            h = f"{first}{one(rng, _FIRST)}{int(rng.integers(10, 99))}"
        else:
            h = f"{one(rng, _WORDS).capitalize()}{first.capitalize()}_{int(rng.integers(1, 9999))}"
        if account_key(h) not in used:
            used.add(account_key(h))
            return h


def _bot(rng: np.random.Generator, used: set[str]) -> str:
    while True:
        h = f"{one(rng, _BOT_A)}_{one(rng, _BOT_B)}{int(rng.integers(1000, 99999))}"
        if account_key(h) not in used:
            used.add(account_key(h))
            return h


def make_accounts(rng: np.random.Generator, n_posts: int) -> pd.DataFrame:
    """Accounts table: ``account`` (key), ``author_name``, ``group``, ``activity`` (weight).

    The official, media and cluster accounts are fixed in number; the organic groups grow
    with ``n_posts`` (one account per two posts, heavy-tailed activity; in the real scrapes
    accounts post 1.1-4.7 times on average, see datasets/README.md).
    """
    used: set[str] = set()
    rows: list[tuple[str, str, float]] = []
    for h in _MINISTRIES:
        used.add(account_key(h))
        rows.append((h, "ministry", 1.0))
    for p in _PROVINCES:
        h = f"Diskominfo_{p}"
        used.add(account_key(h))
        rows.append((h, "diskominfo", 1.0))
    for d in _DISTRICTS:
        h = f"Kominfo{d}Kab" if d not in ("Mimika",) else "DiskominfoMimika"
        used.add(account_key(h))
        rows.append((h, "diskominfo", 1.0))
    pairs = [(a, b) for a in _MEDIA_A for b in _MEDIA_B]
    for j in rng.choice(len(pairs), size=24, replace=False):
        a, b = pairs[int(j)]
        h = f"{a}{b}" + ("_id" if rng.random() < 0.4 else "")
        used.add(account_key(h))
        rows.append((h, "media", float(rng.lognormal(0.0, 0.8))))
    n_org = max(400, int(n_posts / 2.0))
    sizes = {"public": int(n_org * 0.82), "commuter": int(n_org * 0.12), "critic": int(n_org * 0.06)}
    for group, size in sizes.items():
        w = rng.lognormal(0.0, 1.7, size=size)
        for i in range(size):
            rows.append((_person(rng, used), group, float(w[i])))
    for _ in range(40):
        rows.append((_bot(rng, used), "amplifier", 1.0))
    for h in ("Info_A1_Terkini", "KabarRahasia99", "FaktaTersembunyi_", "BongkarSemua01", "RakyatMelek_", "WaspadaNKRI2"):
        used.add(account_key(h))
        rows.append((h, "hoax", 1.0))
    acc = pd.DataFrame(rows, columns=["author_name", "group", "activity"])
    acc.insert(0, "account", [account_key(h) for h in acc["author_name"]])
    return acc
