"""Indonesian post text for the simulated summit corpus: templates and realistic variation.

Why a module of its own: the generator's realism lives in the text. Organic posts are
composed from parts (opener, body, closer, emoji) so that two organic accounts rarely
write the same sentence, while campaign posts reuse one sentence or one hashtag set on
purpose. Variation follows what informal Indonesian on social media does: slang
spellings (``yg``, ``gak``, ``udah``), letter elongation (``macettt``), typos, emoji,
hashtags in varied case, English code-mixing ("so proud", "literally"). Official
accounts write in a formal register, news accounts in a headline register.

Every sentence here was written for trendlib (no text copied from any source).
Events and institutions follow the public record of the 43rd ASEAN Summit; the accounts
that post them are invented.
"""

from __future__ import annotations

import numpy as np

__all__ = ["one", "EMOJI", "TOPICS", "HOAXES", "PARTNERS", "REPLIES", "THREAD_REPLIES", "compose", "vary", "tag_case", "fill_slots"]

#: partner summits: code -> (hashtag, display name, day in Sept 2023, hour WIB as float)
PARTNERS = {
    "china": ("ASEANChina", "KTT ASEAN-Tiongkok", 6, 8.5),
    "korea": ("ASEANKorea", "KTT ASEAN-Korea Selatan", 6, 10.0),
    "japan": ("ASEANJapan", "KTT ASEAN-Jepang", 6, 11.5),
    "apt": ("ASEANPlusThree", "KTT ASEAN Plus Three", 6, 14.0),
    "us": ("ASEANUS", "KTT ASEAN-Amerika Serikat", 6, 15.5),
    "canada": ("ASEANCanada", "KTT ASEAN-Kanada", 6, 17.0),
    "india": ("ASEANIndia", "KTT ASEAN-India", 7, 8.5),
    "eas": ("EastAsiaSummit", "East Asia Summit (KTT Asia Timur)", 7, 10.5),
    "australia": ("ASEANAustralia", "KTT ASEAN-Australia", 7, 13.0),
    "un": ("ASEANUN", "KTT ASEAN-PBB", 7, 14.5),
}

_PLACES = ("Senayan", "JCC", "Sudirman", "Thamrin", "Gatot Subroto", "Semanggi", "Kuningan",
           "Bundaran HI", "Slipi", "Cawang", "Tol Dalam Kota", "Gelora", "Pejompongan")
_REGIONS = ("Sulawesi Tenggara", "Mimika", "Papua Tengah", "Jawa Barat", "Kalimantan Timur",
            "Sumatera Utara", "Bali", "NTT", "Maluku", "Aceh", "Riau", "Jambi", "Lampung",
            "Banten", "DIY", "Jawa Timur", "Sulawesi Selatan", "Gorontalo", "Bengkulu")

# topic -> register -> list of (sentiment, body). Bodies may hold {place}, {region},
# {partner}, {pname}. Sentiment is the intended label: "positive", "negative", "neutral".
TOPICS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "training": {
        "official": [
            ("positive", "Diskominfo {region} mengikuti Pelatihan Pengelolaan Media Sosial jelang KTT ke-43 ASEAN. Siap menyebarkan konten positif dan melawan hoaks"),
            ("positive", "Hari ini pengelola media sosial pemerintah dilatih agar konten KTT ASEAN masuk trending. Kami siap berkolaborasi"),
            ("neutral", "Pelatihan pengelolaan media sosial KTT ke-43 ASEAN diikuti lebih dari 400 peserta, 100 luring dan 300 daring"),
            ("positive", "Terima kasih atas ilmunya! Tim humas {region} siap mengawal informasi KTT ASEAN di kanal digital"),
        ],
        "news": [("neutral", "Ratusan pengelola medsos pemerintah dilatih jelang KTT ASEAN, target konten masuk trending")],
        "casual": [
            ("neutral", "oh ada pelatihan medsos buat humas pemda ya, pantes timeline isinya KTT semua"),
            ("neutral", "humas pemda lagi dilatih bikin konten KTT, nanti timeline rame nih"),
            ("negative", "pelatihan buzzer resmi nih ceritanya, biar KTT trending"),
            ("positive", "bagus sih humas daerah dilatih, biar infonya gak simpang siur"),
            ("neutral", "temen kantor ikut pelatihan medsos KTT online, katanya pesertanya ratusan"),
            ("positive", "semoga habis pelatihan ini hoaks soal KTT bisa cepet dibantah"),
        ],
    },
    "prep": {
        "official": [
            ("positive", "Jakarta siap menyambut para pemimpin ASEAN. Mari sukseskan KTT ke-43 ASEAN bersama"),
            ("neutral", "Persiapan venue KTT ke-43 ASEAN di {place} terus dimatangkan jelang 5 September"),
            ("positive", "Indonesia bangga menjadi tuan rumah KTT ke-43 ASEAN dengan tema ASEAN Matters: Epicentrum of Growth"),
            ("neutral", "Simak jadwal rangkaian KTT ke-43 ASEAN tanggal 5-7 September 2023 berikut ini"),
        ],
        "news": [
            ("neutral", "Jelang KTT ASEAN, pengamanan di kawasan {place} diperketat"),
            ("neutral", "Delegasi negara ASEAN mulai tiba di Jakarta jelang KTT ke-43"),
            ("neutral", "Pemerintah siapkan ribuan personel untuk pengamanan KTT ASEAN"),
            ("positive", "Hotel di Jakarta penuh, pelaku usaha sambut positif KTT ASEAN"),
        ],
        "casual": [
            ("positive", "gak sabar liat KTT ASEAN di Jakarta, semoga lancar ya"),
            ("neutral", "itu di {place} udah dipasang baliho KTT ASEAN gede banget"),
            ("positive", "keren sih Indonesia jadi tuan rumah lagi, bangga"),
            ("neutral", "KTT ASEAN tuh sebenernya bahas apa aja sih"),
            ("negative", "duh persiapan KTT bikin jalan di {place} dipasang pembatas, ribet"),
            ("neutral", "lagi liat persiapan KTT di {place}, rame aparat"),
        ],
    },
    "closure": {
        "official": [
            ("neutral", "Info lalu lintas: rekayasa lalu lintas di kawasan {place} berlaku selama KTT ASEAN 4-7 September. Gunakan jalur alternatif"),
            ("neutral", "ASN di Jakarta bekerja dari rumah (WFH) selama KTT ASEAN. Layanan publik tetap berjalan"),
            ("neutral", "Penutupan jalan sementara di {place} untuk pengamanan delegasi KTT ASEAN. Mohon maaf atas ketidaknyamanannya"),
        ],
        "news": [
            ("neutral", "Ini daftar ruas jalan yang ditutup selama KTT ASEAN, termasuk {place}"),
            ("neutral", "Pemprov DKI terapkan WFH untuk ASN selama KTT ASEAN 4-7 September"),
            ("negative", "Kemacetan parah terjadi di {place} imbas penutupan jalan KTT ASEAN"),
            ("neutral", "Sekolah di sekitar lokasi KTT ASEAN belajar dari rumah"),
        ],
        "casual": [
            ("negative", "macet parah di {place} gara gara KTT, udah 2 jam gak gerak"),
            ("negative", "jalan ditutup tanpa info jelas, telat ngantor lagi kesel banget"),
            ("negative", "ojol susah dapet penumpang, jalan {place} ditutup semua"),
            ("negative", "busway dialihkan, harus muter jauh, capek"),
            ("neutral", "ada yang tau jalan {place} masih ditutup gak? mau lewat"),
            ("positive", "enak juga WFH pas KTT, jalanan sepi"),
            ("negative", "kantor swasta gak WFH, kita tetep kena macet di {place}"),
            ("negative", "pulang kerja lewat {place} kayak parkiran, nyesel gak WFH"),
            ("neutral", "hari ini ke {place} naik KRL aja, katanya jalan ditutup"),
        ],
    },
    "opening": {
        "official": [
            ("positive", "Presiden resmi membuka KTT ke-43 ASEAN di Jakarta. ASEAN Matters: Epicentrum of Growth"),
            ("positive", "Selamat datang para pemimpin ASEAN di Jakarta! Bersama menjadi pusat pertumbuhan"),
            ("positive", "Pembukaan KTT ke-43 ASEAN berlangsung lancar dan khidmat"),
        ],
        "news": [
            ("neutral", "KTT ke-43 ASEAN resmi dibuka di JCC Senayan, Jakarta"),
            ("neutral", "Presiden buka KTT ASEAN, tekankan kesatuan dan sentralitas ASEAN"),
            ("neutral", "Para pemimpin ASEAN hadiri pembukaan KTT ke-43 di Jakarta"),
        ],
        "casual": [
            ("positive", "merinding liat pembukaan KTT ASEAN, bangga jadi orang Indonesia"),
            ("positive", "pidato pembukaan KTT tadi keren banget"),
            ("neutral", "nonton live pembukaan KTT ASEAN dari kantor"),
            ("positive", "semoga KTT ASEAN kali ini membawa manfaat buat rakyat"),
            ("negative", "pembukaan KTT sih megah, tapi rakyat kecil dapet apa"),
            ("positive", "upacara pembukaan KTT rapi banget"),
            ("neutral", "delegasi udah pada dateng di JCC"),
            ("negative", "pembukaan KTT jalanan ditutup semua, ribet ke mana mana"),
        ],
    },
    "partner": {
        "official": [
            ("positive", "{pname} menghasilkan komitmen kerja sama ekonomi yang lebih erat"),
            ("neutral", "Presiden memimpin {pname} di Jakarta hari ini"),
            ("positive", "{pname} perkuat kemitraan untuk kawasan yang damai dan stabil"),
        ],
        "news": [
            ("neutral", "{pname} bahas perdagangan, Laut China Selatan dan Myanmar"),
            ("neutral", "Pemimpin hadir di {pname}, ini poin-poin pentingnya"),
            ("neutral", "{pname} digelar di JCC, sejumlah kesepakatan diteken"),
        ],
        "casual": [
            ("neutral", "lagi nyimak {pname}, semoga ada hasil nyata"),
            ("positive", "{pname} keren, Indonesia dipercaya banyak negara"),
            ("negative", "{pname} ujung ujungnya cuma foto bareng doang"),
            ("neutral", "{pname} hari ini, ada yang nonton?"),
            ("positive", "seneng liat {pname} akrab gitu"),
            ("negative", "{pname} bikin jalan ditutup lagi, hadeh"),
            ("neutral", "katanya {pname} bahas ekonomi digital juga"),
        ],
    },
    "closing": {
        "official": [
            ("positive", "KTT ke-43 ASEAN resmi ditutup. Keketuaan ASEAN 2024 diserahkan kepada Laos"),
            ("positive", "Terima kasih semua pihak yang menyukseskan KTT ke-43 ASEAN"),
        ],
        "news": [
            ("neutral", "Presiden tutup KTT ke-43 ASEAN dan serahkan palu keketuaan ke Laos"),
            ("neutral", "KTT ASEAN berakhir, ini hasil-hasil utamanya"),
        ],
        "casual": [
            ("positive", "KTT ASEAN selesai juga, lancar jaya, salut buat panitia"),
            ("positive", "akhirnya jalanan normal lagi, KTT sukses"),
            ("neutral", "jadi hasil KTT ASEAN apa aja nih"),
            ("positive", "lega KTT kelar, semoga hasilnya kerasa"),
            ("neutral", "Laos jadi ketua ASEAN tahun depan ya"),
            ("negative", "KTT selesai, macetnya udah, hasilnya belum kerasa"),
            ("positive", "salut Indonesia bisa jadi tuan rumah yang baik"),
        ],
    },
    "awards": {
        "official": [
            ("positive", "Alhamdulillah, Diskominfo Sulawesi Tenggara menerima penghargaan diseminator konten KTT ASEAN teraktif"),
            ("positive", "Kementerian Sekretariat Negara dan Sekretariat Kabinet raih penghargaan diseminasi konten KTT ke-43 ASEAN"),
            ("positive", "Selamat kepada para penerima penghargaan penyebar konten KTT ASEAN paling aktif"),
        ],
        "news": [("neutral", "Kemensetneg, Setkab dan Diskominfo Sultra diganjar penghargaan diseminasi konten KTT ASEAN")],
        "casual": [
            ("neutral", "ada penghargaan buat akun pemerintah paling rajin posting KTT wkwk"),
            ("negative", "penghargaan diseminasi konten? jadi yang dinilai jumlah postingan doang"),
            ("positive", "selamat buat Diskominfo Sultra, rajin banget emang postingnya"),
            ("neutral", "baru tau ada lomba akun pemerintah paling aktif soal KTT"),
            ("positive", "keren, humas daerah juga dapet apresiasi"),
        ],
    },
    "critic": {
        "casual": [
            ("negative", "KTT ASEAN habisin anggaran gede, rakyat disuruh WFH dan macet"),
            ("negative", "acara elit, yang susah tetep rakyat kecil. pencitraan doang"),
            ("negative", "PKL di sekitar {place} diusir demi KTT, kasian"),
            ("negative", "ojol, pedagang, buruh harian gak bisa WFH. mikir gak sih"),
            ("negative", "hasil KTT cuma deklarasi, Myanmar tetap gitu gitu aja"),
            ("negative", "berapa miliar habis buat KTT? transparansi dong"),
            ("negative", "timeline penuh akun pemerintah posting KTT, kayak dipaksa trending"),
        ],
        "news": [("negative", "Pengamat kritik dampak ekonomi penutupan jalan selama KTT ASEAN")],
    },
    "chatter": {
        "casual": [
            ("neutral", "pagi pagi udah rame aja timeline soal KTT"),
            ("positive", "kopi dulu biar semangat, selamat pagi semua"),
            ("neutral", "lagi di rumah aja, nonton berita KTT"),
            ("negative", "panas banget hari ini di Jakarta"),
            ("neutral", "mau makan siang apa ya hari ini"),
            ("positive", "weekend ini mau ke {place}, semoga jalan udah dibuka"),
            ("neutral", "KTT tuh singkatan apa sih, baru tau"),
            ("negative", "sinyal jelek banget dari tadi"),
        ],
    },
}

#: hoax claims: id -> (hashtag, hoax text, rebuttal text)
HOAXES = {
    "lockdown": ("JakartaLockdown",
                 "Jakarta lockdown total selama KTT ASEAN, semua mal dan pasar ditutup 4-7 Sept! sebarkan",
                 "[HOAKS] Jakarta lockdown selama KTT ASEAN. Faktanya: tidak ada lockdown, hanya rekayasa lalu lintas di sekitar lokasi acara"),
    "sinyal": ("SinyalDimatikan",
               "Info A1: sinyal internet di Jakarta dimatikan saat KTT demi keamanan delegasi",
               "[HOAKS] Sinyal internet dimatikan selama KTT ASEAN. Faktanya: layanan telekomunikasi berjalan normal"),
    "tol": ("TolLumpuh",
            "Video antrean 20 km di tol dalam kota akibat KTT ASEAN, parah banget",
            "[HOAKS] Video antrean 20 km di tol akibat KTT ASEAN. Faktanya: video tersebut rekaman tahun 2019"),
}

_OPENERS = {
    "casual": ("", "", "", "", "wkwk ", "duh ", "guys, ", "btw ", "jujur ", "anjir ", "yaampun ", "eh ", "fix ", "sumpah "),
    "news": ("", "", "", "BREAKING: ", "[FOTO] ", "[VIDEO] ", "Update: "),
    "official": ("", "", "", "#SobatASEAN, ", "Sahabat, ", "Info: "),
}
_CLOSERS = {
    "casual": ("", "", "", " sih", " deh", " lho", " wkwkwk", " asli", " fr", " no debat"),
    "news": ("", "", " Selengkapnya:", " Baca:", " Simak:"),
    "official": ("", ".", ". 🇮🇩", ". #SahabatKTT", "!"),
}
_ENGLISH = ("literally", "anyway", "btw", "for real", "honestly", "the vibes", "on the way", "update",
            "no comment", "which is", "basically", "by the way")  # opinion-free, so labels stay true
_SLANG = (("yang", "yg"), ("tidak", "gak"), ("tidak", "nggak"), ("sudah", "udah"), ("saja", "aja"),
          ("banget", "bgt"), ("dengan", "dgn"), ("karena", "krn"), ("sama", "sm"), ("gak", "ga"),
          ("tapi", "tp"), ("lagi", "lg"), ("juga", "jg"), ("bisa", "bs"), ("jalan", "jln"))

REPLIES = {
    "positive": ("mantap", "keren pak", "semangat terus", "sukses KTT ASEAN", "bangga!", "setuju banget", "aamiin"),
    "negative": ("macetnya gimana pak", "rakyat kecil gimana nasibnya", "jalan ditutup gak ada info", "ribet banget",
                 "tolong perhatikan ojol juga"),
    "neutral": ("ditutup sampai jam berapa min?", "jalur alternatif lewat mana ya", "info lengkapnya di mana?",
                "ini berlaku sampai tanggal berapa", "noted min"),
    "hoax_doubt": ("ini beneran?", "hoaks bukan sih ini", "sumbernya mana?", "serem amat, cek dulu deh"),
    "hoax_fact": ("itu hoaks, udah dibantah Kominfo", "hoaks ini, jangan disebar", "cek fakta dulu, ini hoaks"),
}

#: replies about their thread's story: base topic -> sentiment -> bodies (casual register;
#: may hold {place}, {pname}). A reply says what it answers in its own words, not by
#: repeating the post's sentence; topics without a list get the reactions of REPLIES only.
THREAD_REPLIES: dict[str, dict[str, tuple[str, ...]]] = {
    "prep": {
        "positive": ("semoga persiapannya lancar sampai hari H", "mantap, Jakarta udah siap jadi tuan rumah KTT"),
        "negative": ("persiapan KTT bikin ribet warga sekitar {place}", "pembatas jalan di {place} udah dipasang dari kemarin, repot"),
        "neutral": ("venue KTT di {place} udah siap belum min?", "delegasinya dateng tanggal berapa ya?"),
    },
    "closure": {
        "positive": ("makasih infonya min, jadi bisa cari jalan lain", "WFH selama KTT enak juga sih, gak kena macet"),
        "negative": ("jalan {place} ditutup dari pagi, macet parah", "penutupan jalan gini bikin telat ngantor terus"),
        "neutral": ("penutupan jalan di {place} sampai jam berapa min?", "busway lewat {place} dialihkan ke mana ya?"),
    },
    "opening": {
        "positive": ("pembukaannya megah, bangga banget", "pidato Presiden di pembukaan KTT mantap"),
        "negative": ("pembukaan KTT meriah tapi warga kena macet", "buat apa pembukaan semewah itu"),
        "neutral": ("pembukaan KTT ada siaran ulangnya gak?", "upacara pembukaannya mulai jam berapa?"),
    },
    "closing": {
        "positive": ("selamat, KTT ASEAN ditutup dengan sukses", "lega KTT udah selesai, panitianya hebat"),
        "negative": ("udah ditutup tapi hasil KTT nya apa buat rakyat", "penutupan KTT aja masih bikin macet"),
        "neutral": ("keketuaan ASEAN tahun depan dipegang Laos ya?", "dokumen hasil KTT bisa dibaca di mana min?"),
    },
    "training": {
        "positive": ("pelatihannya bermanfaat banget buat humas daerah", "semangat para pengelola medsos pemerintah"),
        "negative": ("pelatihan medsos biar trending doang?", "humas dilatih jadi buzzer KTT ya"),
        "neutral": ("pelatihan medsosnya masih buka pendaftaran gak?", "materi pelatihan pengelola medsos bisa dibagi min?"),
    },
    "awards": {
        "positive": ("selamat atas penghargaannya, Diskominfo keren", "pantes dapet penghargaan, kontennya rajin"),
        "negative": ("penghargaan buat yang paling banyak posting? aneh", "dapet penghargaan karena spam konten KTT"),
        "neutral": ("penghargaan diseminasi itu kriterianya apa aja?", "siapa aja penerima penghargaannya min?"),
    },
    "partner": {
        "positive": ("{pname} semoga hasilnya nyata buat ekonomi", "kerja sama di {pname} makin erat, mantap"),
        "negative": ("{pname} cuma seremonial, hasilnya gak jelas", "gara gara {pname} jalan ditutup lagi"),
        "neutral": ("{pname} bahas apa aja hari ini?", "ada rekaman {pname} gak min?"),
    },
    "critic": {
        "positive": ("kritik yang bagus, semoga didengar pemerintah", "setuju, anggarannya harus dibuka ke publik"),
        "negative": ("anggaran KTT miliaran, rakyat kebagian macetnya", "pencitraan terus, PKL di {place} digusur"),
        "neutral": ("berapa sebenarnya anggaran KTT ini?", "ada data soal PKL yang digusur gak?"),
    },
}


def one(rng: np.random.Generator, seq):
    """One element of a tuple (faster than ``rng.choice`` on a tuple of strings)."""
    return seq[int(rng.integers(len(seq)))]


def tag_case(rng: np.random.Generator, tag: str, register: str) -> str:
    """Write a hashtag as people do: official accounts in its canonical case, others varied."""
    if register == "official":
        return "#" + tag
    r = rng.random()
    if r < 0.55:
        return "#" + tag
    if r < 0.85:
        return "#" + tag.lower()
    if r < 0.95:
        return "#" + tag.upper()
    return "#" + tag[:1].upper() + tag[1:].lower()


def _elongate(rng: np.random.Generator, word: str) -> str:
    if len(word) < 3 or not word[-1].isalpha():
        return word
    return word + word[-1] * int(rng.integers(2, 5))


def _typo(rng: np.random.Generator, word: str) -> str:
    if len(word) < 5 or not word.isalpha():
        return word
    i = int(rng.integers(1, len(word) - 2))
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def vary(rng: np.random.Generator, text: str, register: str) -> str:
    """Apply the register's informal variation to ``text`` (casual only: slang, typos...)."""
    if register != "casual":
        return text
    words = text.split(" ")
    if rng.random() < 0.5:
        for formal, slang in _SLANG:
            if rng.random() < 0.6:
                words = [slang if w == formal else w for w in words]
    if rng.random() < 0.25:
        j = int(rng.integers(0, len(words)))
        words[j] = _elongate(rng, words[j])
    if rng.random() < 0.12:
        j = int(rng.integers(0, len(words)))
        words[j] = _typo(rng, words[j])
    if rng.random() < 0.15:
        words.insert(int(rng.integers(0, len(words) + 1)), one(rng, _ENGLISH))
    out = " ".join(words)
    r = rng.random()
    if r < 0.55:
        out = out.lower()
    elif r < 0.6:
        out = out.upper()
    return out


_CONTEXT = ("dari tadi pagi", "barusan", "pas berangkat kerja", "jam 7 tadi", "kata temen kantor", "liat di tv",
            "pas makan siang", "td malem", "di grup wa keluarga", "baru baca berita", "pas di krl", "habis anter anak",
            "pas nunggu ojol", "lagi di warung kopi", "sepulang kuliah", "abis meeting", "dari kemarin",
            "pagi ini", "sore tadi", "pas lewat {place}", "di depan kantor", "pas nonton live", "di tl", "abis subuh")
#: emoji people add, by the sentiment of the post ("" often: most posts carry none)
EMOJI = {
    "positive": ("", "", "", " 🔥", " 🙏", " 🇮🇩", " 👍", " 😍", " 👏", " ✨"),
    "negative": ("", "", "", " 😭", " 😤", " 🙄", " 😡", " 😩", " 🤦"),
    "neutral": ("", "", "", "", " 🤔", " 🙏", " 👀"),
}
_NEWS_DETAIL = ("kata Menlu", "menurut Polda Metro Jaya", "ujar pengamat", "kata juru bicara", "menurut panitia",
                "ujar warga", "kata Kapolri", "menurut Dishub", "kata ekonom", "menurut pakar hubungan internasional",
                "ini kata Istana", "simak faktanya", "begini suasananya", "ini jadwalnya", "ini daftarnya",
                "warga diminta maklum", "pantauan siang ini", "ini penjelasannya", "sejumlah pihak menyoroti")
_REACT = {
    "positive": ("semoga lancar terus", "salut sama panitianya", "mantap lah", "keren sih ini", "bangga jujur",
                 "good job", "top markotop", "semoga bermanfaat", "ikut seneng", "sukses terus", "luar biasa",
                 "bikin optimis", "adem liatnya", "akhirnya ada kabar baik"),
    "negative": ("capek banget sumpah", "kapan beresnya", "parah sih", "gak habis pikir", "nyebelin",
                 "rugi waktu", "tolong lah", "makin males", "kecewa berat", "ga ngotak", "bikin emosi",
                 "hadeh capek", "sabar sabar", "udah lah"),
    "neutral": ("cmiiw", "ada yang tau?", "nunggu update", "kita liat aja nanti", "info dong", "noted",
                "cuma nanya", "gimana menurut kalian", "sekadar info", "share aja", "ada yang sama?",
                "semoga jelas infonya", "cek aja sendiri", "baru tau"),
}


def compose(rng: np.random.Generator, body: str, register: str, fill: dict[str, str], sentiment: str = "neutral") -> str:
    """Opener + filled body + closer, then the register's variation.

    Casual posts also get, at random, a context phrase ("pas berangkat kerja") and a short
    reaction of the post's sentiment, in either order: two people rarely write the same
    sentence about the same event, so organic texts stay apart (as in real scrapes, where
    exact duplicates are rare) while campaign texts repeat on purpose.
    """
    text = body.format(**fill) if "{" in body else body
    if register == "casual":
        parts = [text]
        if rng.random() < 0.5:
            ctx = one(rng, _CONTEXT)
            ctx = ctx.format(**fill) if "{" in ctx else ctx
            parts.insert(0 if rng.random() < 0.5 else 1, ctx)
        if rng.random() < 0.6:
            parts.append(one(rng, _REACT.get(sentiment, _REACT["neutral"])))
        sep = one(rng, (", ", ". ", " ", " - ", "... "))
        text = sep.join(parts)
        words = text.split(" ")
        if len(words) > 6 and rng.random() < 0.2:  # people drop words
            del words[int(rng.integers(1, len(words) - 1))]
            text = " ".join(words)
    elif register == "news" and rng.random() < 0.7:
        text = f"{text}, {one(rng, _NEWS_DETAIL)}"
    opener = one(rng, _OPENERS[register])
    closer = one(rng, _CLOSERS[register])
    if register == "casual":
        closer += one(rng, EMOJI[sentiment])
    return vary(rng, opener + text + closer, register)


def fill_slots(rng: np.random.Generator, partner: str | None = None) -> dict[str, str]:
    """Values for the ``{place}``, ``{region}``, ``{partner}``, ``{pname}`` slots."""
    p = PARTNERS.get(partner or "china")
    return {"place": one(rng, _PLACES), "region": one(rng, _REGIONS),
            "partner": p[0], "pname": p[1]}
