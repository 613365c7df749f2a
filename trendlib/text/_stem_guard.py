"""A loud check, at first use, that the installed Sastrawi is the one the engine reads.

Why: ``_stem_engine`` runs Sastrawi's own rule code faster by reading it (rule patterns
from the source, the precedence test from bytecode constants, its visitor classes).
That is exact for PySastrawi 1.0.1, which ``setup.cfg`` pins. If another release were
installed anyway, the reading could silently find fewer rules or different code, and
stems would change without a word. So before the first stem, this module checks the
version, that every rule was read, and that the fast engine gives the same stems as
Sastrawi's own classes on a fixed set of words; any failure raises ``ImportError``
saying what to do.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["check_sastrawi", "SASTRAWI_VERSION"]

#: the Sastrawi release whose code the fast engine was checked against
SASTRAWI_VERSION = "1.0.1"

# Words that exercise every kind of rule (plain prefixes, the 41 disambiguation rules,
# confixes, suffixes, particles, plurals, precedence adjustment).
_PROBE = (
    "pembangunan", "menyelesaikan", "perekonomian", "kebijakan", "menolak", "diberikan",
    "bersama", "pelayanannya", "mempertanggungjawabkan", "keberhasilan", "memperbaiki",
    "pengembangan", "penyelidikan", "terjatuh", "anak-anak", "bertemu", "kemerdekaan",
    "menangis", "diajarkan", "bepergian", "pemilu", "sepengetahuan", "meninggalkan",
    "mengecek", "pengacara", "bermain-main", "memberdayakan", "dipertanyakan", "kenaikan",
    "menggunakan", "penyanyi", "perjalanan", "mempunyai", "relawan", "bekasi",
)


def _fail(what: str) -> None:
    raise ImportError(
        f"trendlib.text's stemmer needs Sastrawi {SASTRAWI_VERSION}, whose rules it reads; "
        f"{what}. Install the tested release with `pip install Sastrawi=={SASTRAWI_VERSION}`."
    )


@lru_cache(maxsize=1)
def check_sastrawi(roots: frozenset[str]) -> bool:
    """Raise ``ImportError`` unless Sastrawi 1.0.1's rules are read as expected.

    Runs once per process (cached), on the first stem.

    Parameters
    ----------
    roots : frozenset of str
        Sastrawi's root words (as the stemmer loads them).

    Returns
    -------
    bool
        True (or raises).

    Examples
    --------
    >>> from trendlib.text._stem import _root_words
    >>> check_sastrawi(_root_words())
    True
    """
    from importlib import metadata

    try:
        version = metadata.version("Sastrawi")
    except metadata.PackageNotFoundError:
        _fail("it is not installed")
    if version != SASTRAWI_VERSION:
        _fail(f"Sastrawi {version} is installed")

    from Sastrawi.Stemmer.Context.Visitor.AbstractDisambiguatePrefixRule import (
        AbstractDisambiguatePrefixRule,
    )
    from Sastrawi.Stemmer.ConfixStripping.PrecedenceAdjustmentSpecification import (
        PrecedenceAdjustmentSpecification,
    )
    from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer

    from ._stem_engine import SetDictionary, _compiled_re, _precedence_spec, _visitor_gates, engine_class

    roots = SetDictionary(roots)
    plain = SastrawiStemmer(roots)
    visitors = plain.visitor_provider.prefix_pisitors
    unread = [type(v).__name__ for v in visitors if _visitor_gates(v) is None]
    if len(visitors) != 41 or unread:
        _fail(f"{len(visitors)} prefix rules found (41 expected), unreadable: {unread}")
    if not any(isinstance(v, AbstractDisambiguatePrefixRule) for v in visitors):
        _fail("no disambiguation rule found")
    if len(getattr(_precedence_spec(PrecedenceAdjustmentSpecification, _compiled_re()), "patterns", ())) != 6:
        _fail("the precedence adjustment patterns could not be read")
    fast = engine_class()(roots)
    wrong = [w for w in _PROBE if fast.stem_word(w) != plain.stem_word(w)]
    if wrong:
        _fail(f"the fast engine disagrees with Sastrawi's own classes on {wrong}")
    return True
