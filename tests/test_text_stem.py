"""stem / Stemmer: same output as stock PySastrawi except protected words; fast paths."""

from __future__ import annotations

import os
import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trendlib.text import Stemmer, stem
from trendlib.text._stem import default_exceptions, default_protected_words


@pytest.fixture(scope="module")
def stock():
    """Stock Sastrawi: linear-scan dictionary, its own CachedStemmer (slow: ~50 words/s)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


CASES = [
    ("pembangunan", "bangun"),
    ("perekonomian", "ekonomi"),
    ("menyelesaikan", "selesai"),
    ("kebijakan", "bijak"),
    ("pemerintah", "perintah"),
    ("ditangkap", "tangkap"),
    ("berjuang", "juang"),
    ("memperingati", "ingat"),
    ("keberangkatan", "berangkat"),
    ("pertemuan", "temu"),
    ("mempertanyakan", "tanya"),
    ("dikembalikan", "kembali"),
    ("anak-anak", "anak"),
    ("berbalas-balasan", "balas"),
    ("rumahnya", "rumah"),
    ("bukumu", "buku"),
    ("Jakarta", "jakarta"),
    ("KTT", "ktt"),
    ("asean", "asean"),
    ("2023", "2023"),
    # protected by default: stock Sastrawi gives bekas, rawan, menang, milu, malu
    ("bekasi", "bekasi"),
    ("relawan", "relawan"),
    ("menangis", "menangis"),
    ("pemilu", "pemilu"),
    ("maluku", "maluku"),
]


@pytest.mark.parametrize("word, expected", CASES)
def test_cases(word, expected):
    assert stem(word) == expected


# Real words from Indonesian posts and news (affixed forms, names, slang, English).
WORDS = """
pembangunan perekonomian menyelesaikan kebijakan pemerintah ditangkap berjuang memperingati
keberangkatan pertemuan mempertanyakan dikembalikan anak-anak rumahnya bukumu pelaksanaan
kesehatan pendidikan masyarakat penanganan pencegahan penyebaran kerjasama pertumbuhan
diselenggarakan mengapresiasi menghadiri kunjungan perdagangan keamanan kedaulatan
persahabatan diplomasi perbatasan pengungsi bencana kebakaran penanggulangan kemiskinan
pengangguran kesejahteraan ketimpangan infrastruktur ketahanan pangan berkelanjutan
mengumumkan menyampaikan disampaikan dilaksanakan ditetapkan dibatalkan diberhentikan
menolak penolakan demonstrasi mahasiswa berdemo menuntut tuntutan keadilan pengadilan
terdakwa tersangka penyidik penyidikan korupsi koruptor dipenjara dibebaskan pembebasan
terpilih pemilihan pencalonan kampanye berkampanye pendukung mendukung dukungan relawan
pemilu pilpres capres cawapres presiden jokowi prabowo gibran anies ganjar megawati
kenaikan penurunan harga bbm subsidi disubsidi bansos dibagikan pembagian bantuan
ngasih dikasih nyari nungguin makasih gimana banget bingung kesel capek ngantuk
mantap mantul keren lucu sedih kecewa marah senang bahagia bersyukur alhamdulillah
berita terkini viral diviralkan memviralkan netizen warganet ngetweet retweet follow
update trending streaming download online offline meeting summit leaders partnership
bekasi bandung surabaya medan makassar menangis tertawa tersenyum berlari berjalan
permasalahan perselisihan pertikaian perdamaian mendamaikan kedamaian berdamai
ketidakadilan ketidakpastian ketidakmampuan keanekaragaman pemberdayaan memberdayakan
diberdayakan penyalahgunaan disalahgunakan mempersiapkan dipersiapkan persiapan
bersama-sama berbondong-bondong terus-menerus sehari-hari gara-gara kupu-kupu
pemandangan pemandu pendaftaran mendaftar terdaftar daftarkan didaftarkan
kepemimpinan pemimpin memimpin dipimpin pimpinan kepala ketua ketum sekjen
pertahanan pertanian peternakan perikanan perkebunan pertambangan perindustrian
mengkritik dikritik kritikan mengomentari komentar berkomentar menanggapi tanggapan
""".split()


def test_equals_stock_sastrawi_on_word_list(stock):
    protected = default_protected_words() | set(default_exceptions())
    diff = [(w, stem(w), stock.stem(w)) for w in WORDS if w not in protected and stem(w) != stock.stem(w)]
    assert not diff
    # and the protected words really are the ones stock Sastrawi gets wrong
    assert [stock.stem(w) for w in ("bekasi", "relawan", "menangis")] == ["bekas", "rawan", "menang"]


def _real_words(home, n: int, seed: int = 0) -> list[str]:
    """Distinct lowercase words from SmSA and the tweet files, sampled reproducibly."""
    import pandas as pd

    words: set[str] = set()
    smsa = home / "indonlu_smsa" / "train_preprocess.tsv"
    if smsa.exists():
        for line in smsa.read_text(encoding="utf-8").splitlines():
            words.update(line.split("\t", 1)[0].split())
    for path in sorted(home.glob("tweets_*/*.csv")):
        try:
            df = pd.read_csv(path, sep=None, engine="python", dtype=str, on_bad_lines="skip", nrows=3000)
        except Exception:  # one unreadable file must not hide the others
            continue
        for col in ("full_text", "text", "tweets", "reply_text", "message"):
            if col in df.columns:
                for text in df[col].dropna():
                    words.update(re.findall(r"[a-z0-9-]+", text.lower()))
                break
    words = sorted(w for w in words if re.fullmatch(r"[a-z][a-z-]*[a-z]", w) and len(w) >= 4)
    if not words:
        pytest.skip("no SmSA or tweet files in the data home")
    # affixed words are where stemming happens: take most of the sample from them
    affixed = [w for w in words if re.match(r"(me|di|be|te|pe|ke|se)", w) or re.search(r"(kan|an|i|nya|lah)$", w)]
    rng = random.Random(seed)
    return rng.sample(affixed, min(n * 3 // 4, len(affixed))) + rng.sample(words, min(n // 4, len(words)))


# Stock Sastrawi needs ~10-50 s per 1,000 new words, so CI compares a 150-word sample;
# TRENDLIB_STEM_CHECK_WORDS=5000 runs the full check (0 differences on 5,000 words,
# see docs/text_stem_segment.md).
STEM_CHECK_WORDS = int(os.environ.get("TRENDLIB_STEM_CHECK_WORDS", "150"))


def test_equals_stock_sastrawi_on_real_words(data_home, stock):
    words = _real_words(data_home, STEM_CHECK_WORDS)
    protected = default_protected_words() | set(default_exceptions())
    fresh = Stemmer()  # cold memo
    compared = 0
    diff = []
    for w in words:
        if w in protected:
            continue
        compared += 1
        ours, theirs = fresh.stem(w), stock.stem(w)
        if ours != theirs:
            diff.append((w, ours, theirs))
    assert compared >= STEM_CHECK_WORDS // 2
    assert not diff, diff[:20]


def test_equals_plain_sastrawi_classes_on_thousands_of_real_words(data_home):
    """Our engine (prefix rules dispatched on first letters, precompiled rules, memo) against
    Sastrawi's own Stemmer class on the same set-backed dictionary: every word equal."""
    from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer

    from trendlib.text._stem import _root_words
    from trendlib.text._stem_engine import SetDictionary as _SetDictionary

    words = _real_words(data_home, 10000, seed=1)
    plain = SastrawiStemmer(_SetDictionary(_root_words()))
    ours = Stemmer(default_protected=False)
    diff = [(w, ours.stem(w), plain.stem_word(w)) for w in words if ours.stem(w) != plain.stem_word(w)]
    assert len(words) >= 5000
    assert not diff, diff[:20]


def test_protected_words():
    assert stem("bermain") == "main"
    assert stem("bermain", protected={"bermain"}) == "bermain"
    assert stem("Bermain", protected=["bermain"]) == "bermain"
    st_ = Stemmer(protected={"pemalang", "Persija"}, default_protected=False)
    assert st_.stem("pemalang") == "pemalang"
    assert st_.stem("relawan") == "rawan"  # default list switched off: stock behaviour
    assert st_.stem("persija") == "persija"
    assert default_protected_words() >= {"bekasi", "relawan", "menangis"}


def test_extra_root_words():
    assert stem("diviralkan") == "diviralkan"  # 'viral' is not a Sastrawi root
    assert Stemmer(words={"viral"}).stem("diviralkan") == "viral"


def test_memo_and_text_paths():
    st_ = Stemmer()
    assert st_.cache_size == 0
    words = ["warga", "menolak", "kebijakan", "menolak", "Menolak"]
    assert st_.stem_words(words) == ["warga", "tolak", "bijak", "tolak", "tolak"]
    size = st_.cache_size
    assert size >= 4
    st_.stem_words(words)
    assert st_.cache_size == size  # nothing new stemmed
    st_.clear_cache()
    assert st_.cache_size == 0
    assert st_.stem("menolak") == "tolak"
    assert st_.stem("relawan") == "relawan"  # protected again after clearing


def test_stem_text_matches_stock_text(stock):
    text = "Presiden Jokowi meresmikan pembangunan jalan tol, warga Bekasi menyambut!! #IKN"
    ours = Stemmer(default_protected=False).stem_text(text)
    assert ours == stock.stem(text)


def test_non_sastrawi_characters_pass_through():
    assert stem("#IndonesiaGelap") == "#indonesiagelap"
    assert stem("😂") == "😂"
    assert stem("") == ""
    assert stem("café") == "café"


def test_bad_input():
    with pytest.raises(TypeError, match="str"):
        stem(12)
    with pytest.raises(TypeError, match="'protected' parameter of stem"):
        stem("bekasi", protected="bekasi")
    with pytest.raises(TypeError, match="'protected' parameter of Stemmer"):
        Stemmer(protected="bekasi")
    with pytest.raises(TypeError, match="'words' parameter of Stemmer.*strings"):
        Stemmer(words=[1, 2])


@given(st.text(alphabet="abcdeghiklmnprstuy-", max_size=20))
def test_idempotent_and_never_empty(word):
    out = stem(word)
    assert isinstance(out, str)
    assert (out == "") == (word == "")
    assert stem(out) == out


@given(st.text(max_size=30))
def test_arbitrary_unicode_never_raises(text):
    assert isinstance(stem(text), str)
    assert isinstance(Stemmer().stem_text(text), str)


def test_nothing_loaded_at_import():
    import subprocess
    import sys

    code = (
        "import sys, trendlib.text, trendlib.text._stem, trendlib.text._segment;"
        "print('Sastrawi' in sys.modules, trendlib.text._stem._root_words.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "0"]


# --- the engine's shortcuts, each checked against the Sastrawi code it replaces ----------

_AFFIXED = st.text(alphabet="abcdeghiklmnprstuyw", min_size=1, max_size=6).flatmap(
    lambda root: st.sampled_from(
        ["", "be", "ber", "me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng",
         "peny", "per", "te", "ter", "di", "ke", "se", "ku", "kau", "mempe", "memper"]
    ).flatmap(
        lambda pre: st.sampled_from(["", "i", "an", "kan", "nya", "lah", "ku", "mu"]).map(
            lambda suf: pre + root + suf
        )
    )
)


@given(st.one_of(_AFFIXED, st.text(alphabet="abcdegiklmnoprstuy-0", max_size=12)))
def test_prefix_dispatch_skips_only_rules_that_cannot_act(word):
    """A prefix visitor left out for a word's first letters returns None for it."""
    from Sastrawi.Stemmer.Context.Visitor.VisitorProvider import VisitorProvider

    from trendlib.text._stem_engine import _KEY, _PrefixDispatch

    visitors = VisitorProvider().get_prefix_visitors()
    kept = set(map(id, _PrefixDispatch(visitors)[word[:_KEY]]))
    for v in visitors:
        if id(v) in kept:
            continue
        if hasattr(v, "disambiguators"):
            assert all(d.disambiguate(word) is None for d in v.disambiguators), type(v).__name__
        else:  # RemovePlainPrefix
            assert v.remove(word) == word


@given(st.one_of(_AFFIXED, st.text(alphabet="abdeilmnprt", max_size=10)))
def test_precedence_spec_equals_sastrawi(word):
    from Sastrawi.Stemmer.ConfixStripping.PrecedenceAdjustmentSpecification import (
        PrecedenceAdjustmentSpecification,
    )

    from trendlib.text._stem_engine import _compiled_re, _precedence_spec

    ours = _precedence_spec(PrecedenceAdjustmentSpecification, _compiled_re())
    assert len(ours.patterns) == 6  # read from Sastrawi's code, not the fallback
    assert bool(ours.is_satisfied_by(word)) == PrecedenceAdjustmentSpecification().is_satisfied_by(word)


@given(_AFFIXED)
def test_engine_equals_plain_sastrawi_classes_on_generated_words(word):
    from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer

    from trendlib.text._stem import _root_words
    from trendlib.text._stem_engine import SetDictionary, engine_class

    roots = _root_words()
    assert engine_class()(SetDictionary(roots)).stem_word(word) == SastrawiStemmer(SetDictionary(roots)).stem_word(word)


@given(st.text(alphabet=st.sampled_from(list("aé&;#x41amp lt İ\u0301\u200bﬁＡ😀\u3164")), max_size=25))
def test_prepare_without_offsets_equals_prepare(text):
    from trendlib.text._patterns import prepare

    assert prepare(text, offsets=False)[0] == prepare(text)[0]


_POSTS = [
    "Warga Bekasi menolak pembangunan jalan tol, katanya gak adil!! #TolakTol @KemenPU",
    "Pelayanannyaaa mantul bgt, makasih ya kak 🙏 https://t.co/AbC123",
    "anak2 pd nungguin di depan, menolak pulang... menolak!",
]


@pytest.mark.parametrize("stopwords", [None, "topic", "sentiment", {"warga", "jalan"}])
def test_tokenize_memo_equals_token_by_token(stopwords):
    """tokenize(stem=True, stopwords=...) memoises each chunk's final strings; they equal
    the typed tokens stemmed and filtered one by one, on the first call and the next."""
    from trendlib.text import tokens, tokenize
    from trendlib.text._stopwords import _resolve

    stop = _resolve(stopwords, func="test") or frozenset()
    for text in _POSTS * 2:
        expected = []
        for tok in tokens(text):
            if tok.kind != "word":
                expected.append(tok.norm)
                continue
            expected += [stem(w) for w in tok.norm.split(" ") if w not in stop]
        assert tokenize(text, stem=True, stopwords=stopwords) == expected


def test_sastrawi_guard_fails_loudly_on_another_release(monkeypatch):
    """The engine reads Sastrawi 1.0.1's rules; another release must not run silently."""
    from importlib import metadata

    from trendlib.text._stem import _root_words
    from trendlib.text._stem_guard import check_sastrawi

    assert check_sastrawi(_root_words()) is True
    monkeypatch.setattr(metadata, "version", lambda name: "1.0.2")
    with pytest.raises(ImportError, match=r"Sastrawi 1\.0\.1.*1\.0\.2 is installed.*pip install Sastrawi==1\.0\.1"):
        check_sastrawi.__wrapped__(_root_words())


def test_sastrawi_guard_fails_when_rules_cannot_be_read(monkeypatch):
    from trendlib.text import _stem_engine
    from trendlib.text._stem import _root_words
    from trendlib.text._stem_guard import check_sastrawi

    monkeypatch.setattr(_stem_engine, "_visitor_gates", lambda visitor: None)
    with pytest.raises(ImportError, match="prefix rules found"):
        check_sastrawi.__wrapped__(_root_words())
