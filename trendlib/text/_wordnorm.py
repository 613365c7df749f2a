"""Word-level normalisation (internal): one word in, its standard form out.

Kept apart from :mod:`._normalize` (the text level) so that the text functions and the
token memo import it without an import cycle. ``normalize(text)`` runs these steps, in
order, and keeps what the comment says:

1. HTML entities unescaped (``&amp;`` -> ``&``), Unicode NFKC (fancy letters, full-width
   forms), invisible filler characters blanked. Emoji are kept.
2. The text is split into tokens by the master regex (see :func:`trendlib.text.tokens`).
3. Each token is normalised by kind: ``#Hashtag`` -> ``#hashtag``, ``@User`` -> ``@user``;
   URLs, emoji (minus a redundant variation selector), emoticons, numbers and
   anonymisation placeholders are kept as written; words get the word steps below.
4. The text between tokens is kept; runs of whitespace become one space, and leading
   and trailing whitespace is dropped.

Word steps (memoised per unique word, so a word costs one dictionary lookup after the
first time): lowercase; slang map (``yg`` -> ``yang``, ``gak`` -> ``tidak``); laughter
canonicalised (``wkwkwkwk`` -> ``wkwk``, ``hahaha`` -> ``haha``); digit reduplication
(``anak2`` -> ``anak-anak``, ``menunggu2`` -> ``menunggu-nunggu``) when the base is a
known word; elongation reduced only when the result is a known word or slang form
(``bangettt`` -> ``banget``, ``gakkk`` -> ``tidak``, ``maaf`` stays).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from collections.abc import Mapping

from .._cache import Memo
from ._words import _sastrawi_roots, known_words
from ._wordparts import (  # noqa: F401  (_casefold is imported from here by _chunks, _segment)
    _CHOICES,
    _casefold,
    _collapse,
    _collapsed_index,
    _men,
    _resolve_chains,
    _root_frequencies,
    _run_lengths,
    _spell,
)

__all__ = ["word_normalizer"]

_RUN = re.compile(r"([^\W\d_])\1+")
_REDUP = re.compile(r"([^\W\d_]{2,})2([^\W\d_]*)")
_REDUP_SUFFIXES = frozenset({"", "nya", "an", "annya", "kan", "i", "lah", "kah", "mu", "ku", "in", "pun"})
_LAUGHS = (
    (re.compile(r"a?(?:w+k+|k+w+)[wk]*"), "wkwk", ("wk", "kw")),
    (re.compile(r"a?(?:h+a+){2,}h*"), "haha", ()),
    (re.compile(r"(?:h+e+){2,}h*"), "hehe", ()),
    (re.compile(r"(?:h+i+){2,}h*"), "hihi", ()),
    (re.compile(r"(?:h+u+){2,}h*"), "huhu", ()),
    (re.compile(r"(?:x+i+){2,}"), "xixi", ()),
)
_LAUGH_CHARS = frozenset("awkheiux")
# a lowercase ASCII letter doubled / tripled (the fast path's test for an elongation)
_DOUBLE = re.compile(r"([a-z])\1").search
_TRIPLE = re.compile(r"([a-z])\1\1").search
# (prefix, consonant a nasal prefix replaces) for reduplication of prefixed words
_PREFIXES = (
    ("meng", "k"), ("meny", "s"), ("mem", "p"), ("men", "t"), ("me", ""),
    ("peng", "k"), ("peny", "s"), ("pem", "p"), ("pen", "t"), ("pe", ""),
    ("ber", ""), ("be", ""), ("ter", ""), ("per", ""), ("di", ""), ("se", ""), ("ke", ""),
)
_SUFFIXES = ("nya", "lah", "kah", "pun", "kan", "ku", "mu", "an", "i")
# the same affixes looked up by a word's last letter / first two letters (same order)
_SUFFIXES_BY_LAST = {c: tuple(x for x in _SUFFIXES if x[-1] == c) for c in {x[-1] for x in _SUFFIXES}}
_PREFIXES_BY_FIRST = {c: tuple(x for x in _PREFIXES if x[0][:2] == c) for c in {x[0][:2] for x in _PREFIXES}}
_VOWELS = frozenset("aiueo")
#: affix checks per elongated word (in order of preference); the known-word and slang
#: spellings are all found through an index, so this bounds only the derived forms
_DERIVED_BUDGET = 8
_LONG_IIN = re.compile(r"(.{3,}?)i{3,}n")
# colloquial nasal prefix -> initial consonants it may have replaced
_COLLOQUIAL_PREFIXES = (("nge", ("",)), ("ny", ("c", "s")), ("ng", ("", "k")), ("n", ("t",)), ("m", ("p",)))


class _WordNormalizer:
    """Word-level normaliser with a per-instance memo (internal)."""

    def __init__(self, slang: Mapping[str, str]):
        self.slang = _resolve_chains(slang)
        known = set(known_words())
        for target in self.slang.values():
            known.update(target.split())
        known.difference_update(self.slang)
        self.known = frozenset(known)
        self.cache: Memo[str, str] = Memo(self._raw)

    def __call__(self, raw: str) -> str:
        out = self.cache.data.get(raw)
        return out if out is not None else self.cache(raw)

    def _raw(self, raw: str) -> str:
        if raw.isascii() and raw.isalpha():  # most new words: decided without the rules
            out = self.plain(raw.lower())
            if out is not None:
                return out
        return self._reference(raw)

    def plain(self, w: str) -> str | None:
        """The normal form of a lowercase ASCII letters-only word when no rule can change
        it (``None``: run the rules). Same result as :meth:`_reference`, much cheaper.

        A known word is its own form (``known`` holds no slang form). A word in no list is
        its own form unless one of the rules of :meth:`_one` could fire: laughter (only
        the letters ``awkheiux``, 4 or more), an elongation (a letter tripled, or doubled
        in a word of 5 or more letters that is no derived form of a known root:
        ``_elongation`` returns ``None`` without one), a Jakartan affix (``_colloquial`` reads only words of 5 or more
        letters that end in ``-in`` or start with ``m``/``n``; ``me``/``pe`` words only
        with ``-in``), the elongated ``-iin`` (holds ``iii``, a tripled letter).
        """
        if w in self.known:
            return w
        hit = self.slang.get(w)
        if hit is not None:
            # a target of several words, or a known word (no slang form, no hyphen), is
            # its own normal form: the rules' second pass would keep it
            return hit if (" " in hit or ("-" not in hit and hit in self.known)) else None
        if len(w) >= 5:
            if _LAUGH_CHARS.issuperset(w):
                return None
            if _DOUBLE(w) and (_TRIPLE(w) or not self._is_derived(w)):
                return None  # (doubled letters in a derived word: pekerjaan, no elongation)
            if w[0] in "mn" or w[-2:] == "in":  # only the Jakartan affix rule may fire
                return None if self._colloquial(w) else w
        elif _TRIPLE(w) or (len(w) == 4 and _LAUGH_CHARS.issuperset(w)):
            return None
        return w

    def _reference(self, raw: str) -> str:
        """The rules, in full: the reference the fast paths are tested against."""
        w = _casefold(raw).replace("’", "'")
        out = self._word(w)
        for _ in range(3):  # idempotence: the result must be its own normal form
            if out == w or " " in out:  # slang targets are fixed points by construction
                break
            w, out = out, self._word(out)
        return out

    def _word(self, w: str) -> str:
        if "-" not in w or w in self.slang:
            return self._one(w)
        parts = w.split("-")
        if len(parts) == 2 and parts[0] and parts[1].startswith(parts[0]):
            # reduplication, maybe with a suffix: org-org -> orang-orang, anak-anaknya
            q = self._one(parts[0])
            if " " in q or "-" in q:
                return w
            return f"{q}-{q}{parts[1][len(parts[0]):]}"
        if len(parts) == 2 and parts[1] and parts[0].endswith(parts[1]):
            return w  # prefixed reduplication is already standard: menunggu-nunggu
        if len(parts) == 2 and len(parts[1]) >= 3 and any(
            parts[1].endswith(sfx) and len(parts[1]) - len(sfx) >= 2
            and parts[0].endswith(parts[1][: len(parts[1]) - len(sfx)])
            for sfx in _REDUP_SUFFIXES if sfx and sfx != "in"
        ) and self._one(parts[0]) == parts[0]:
            return w  # ... with a standard suffix: memilih-milihnya
        out = []
        for p in parts:
            q = self._one(p) if len(p) >= 2 else p
            out.append(q if (" " not in q and "-" not in q) else p)
        return "-".join(out)

    def _one(self, w: str) -> str:
        hit = self.slang.get(w)
        if hit is not None:
            return hit
        if w in self.known:
            return w
        if not w.isalpha():
            return self._redup(w) or w
        if len(w) >= 4 and _LAUGH_CHARS.issuperset(w):
            for pattern, canon, needs in _LAUGHS:
                if pattern.fullmatch(w) and (not needs or any(n in w for n in needs)):
                    return canon
        if "iii" in w and _LONG_IIN.fullmatch(w):  # dibeliiin: the Jakartan -in of dibeliin, elongated
            hit = self._colloquial(_LONG_IIN.sub(r"\1iin", w))
            if hit:
                return hit
        return self._elongation(w) or self._colloquial(w) or w

    def _lookup(self, w: str) -> str | None:
        hit = self.slang.get(w)
        if hit is not None:
            return hit
        return w if w in self.known else None

    def _is_derived(self, w: str, depth: int = 3) -> bool:
        """True if affix stripping leaves a known root (pelayanannya -> layan)."""
        if depth == 0 or len(w) < 4:
            return False
        for suffix in _SUFFIXES_BY_LAST.get(w[-1], ()):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                rest = w[: -len(suffix)]
                if rest in self.known or self._is_derived(rest, depth - 1):
                    return True
        for prefix, nasal in _PREFIXES_BY_FIRST.get(w[:2], ()):
            if w.startswith(prefix) and len(w) - len(prefix) >= 3:
                rest = w[len(prefix):]
                if rest in self.known or (nasal and nasal + rest in self.known):
                    return True
                if self._is_derived(rest, depth - 1):
                    return True
        return False

    def _redup(self, w: str) -> str | None:
        m = _REDUP.fullmatch(w)
        if m is None or m.group(2) not in _REDUP_SUFFIXES:
            return None
        base, suffix = m.groups()
        if suffix == "in":  # dibagus2in -> dibagus-baguskan (Jakartan -in is -kan)
            suffix = "kan"
        b = self._lookup(base) or self._elongation(base) or base
        if " " in b:
            return None
        if "-" in b:  # the slang map already gives the reduplicated form (boro2)
            x, _, y = b.partition("-")
            return b + suffix if x == y else None
        roots = _sastrawi_roots()
        if b in roots:  # anak2 -> anak-anak
            return f"{b}-{b}{suffix}"
        for prefix, nasal in _PREFIXES:  # bermain2 -> bermain-main
            rest = b[len(prefix):]
            if not b.startswith(prefix) or len(rest) < 3:
                continue
            if rest in roots:
                return f"{b}-{rest}{suffix}"
            if nasal and (nasal + rest) in roots:  # menunggu2 -> menunggu-nunggu
                return f"{b}-{b[2:]}{suffix}"
        return f"{b}-{b}{suffix}" if b in self.known else None

    def _root(self, x: str) -> str | None:
        if len(x) < 3:
            return None
        hit = self.slang.get(x)  # inget -> ingat
        if x in _sastrawi_roots():
            # gada is a root (mace) but here the slang form of "tidak ada": no root
            return None if hit is not None and " " in hit else x
        return hit if hit is not None and hit in _sastrawi_roots() else None

    def _colloquial(self, w: str) -> str | None:
        """Jakartan affixes to standard ones, only when the root is a known root word.

        ``-in`` -> ``-kan`` (bawain -> bawakan, dibiarin -> dibiarkan, diingetin ->
        diingatkan); ``nge-``/``ng-``/``ny-``/``n-``/``m-`` -> ``meN-`` (ngebahas ->
        membahas, nyimak -> menyimak, ngantor -> mengantor, nentuin -> menentukan).
        A root that itself starts with ``me``/``pe`` takes ``-in`` too (penjarain ->
        penjarakan); other ``me``/``pe`` words are already standard.
        """
        if len(w) < 5:
            return None
        if w.startswith(("me", "pe")):
            # a word the counts know as written (pendingin) is no Jakartan -in form
            if not w.endswith("in") or len(w) < 7 or _root_frequencies().get(w, 0) >= 2:
                return None
            root = self._root(w[:-2])
            return root + "kan" if root else None
        core, suffix = w, ""
        if w.endswith("in") and len(w) >= 6:
            core, suffix = w[:-2], "kan"
        if core.startswith("di"):
            root = self._root(core[2:]) if suffix else None
            return f"di{root}{suffix}" if root else None
        if suffix and len(core) >= 4:
            root = self._root(core)
            if root:  # bawain -> bawakan
                return root + suffix
        for prefix, restores in _COLLOQUIAL_PREFIXES:
            if not core.startswith(prefix):
                continue
            rest = core[len(prefix):]
            if not rest or (prefix == "nge") == (rest[0] in _VOWELS):
                continue  # nge- before a consonant; ng-, ny-, n-, m- before a vowel
            roots = [r for r in (self._root(x + rest) for x in restores) if r]
            if roots:  # nyari: cari or sari? the more frequent root wins
                freq = _root_frequencies()
                root = max(roots, key=lambda r: freq.get(r, 0))
                return _men(root) + suffix
        return None

    def _elongation(self, w: str) -> str | None:
        """The known word an elongated spelling stands for (``bangettt`` -> ``banget``).

        Each of the first 8 runs of a repeated letter is reduced to one or two letters;
        among the spellings that are known words, slang forms or derived forms of known
        roots, the one keeping fewest letters wins (ties: the earlier runs reduced
        more). Known words and slang forms are found through an index by collapsed
        spelling (one dictionary lookup, whatever the number of runs); the affix check
        runs on at most ``_DERIVED_BUDGET`` spellings, in the order of preference, so a
        word costs bounded time (a 100 KB text of distinct junk stays fast).
        """
        runs = [m.span() for m in _RUN.finditer(w)]
        if not runs:
            return None
        if not any(b - a >= 3 for a, b in runs) and (len(w) < 5 or self._is_derived(w)):
            return None
        runs = runs[:8]
        n = len(runs)
        if n <= 3:  # at most 8 spellings: try them all in order (cheaper than the index)
            for choice in _CHOICES[n]:
                cand = _spell(w, runs, choice)
                if cand == w or len(cand) < 2:
                    continue
                hit = self._lookup(cand)
                if hit is None and self._is_derived(cand):
                    hit = cand
                if hit is not None:
                    return hit
            return None
        best = self._indexed_hit(w, runs)  # (rank, choice, word) of the first known spelling
        checked = 0
        for twos in range(n + 1):
            rank = n + twos
            if best is not None and rank > best[0]:
                break
            for pos in itertools.combinations(range(n - 1, -1, -1), twos):
                choice = tuple(2 if i in pos else 1 for i in range(n))
                if best is not None and (rank, choice) >= best[:2]:
                    return best[2]
                if checked >= _DERIVED_BUDGET:
                    return best[2] if best is not None else None
                cand = _spell(w, runs, choice)
                if cand == w or len(cand) < 2:
                    continue
                checked += 1
                if self._is_derived(cand):
                    return cand
        return best[2] if best is not None else None

    def _indexed_hit(self, w: str, runs: list[tuple[int, int]]) -> tuple[int, tuple[int, ...], str] | None:
        """First (by keep count, then order) spelling of ``w`` that is a known/slang word."""
        keys = _collapsed_index(self).get(_collapse(w))
        if not keys:
            return None
        wr = _run_lengths(w)
        variable = {a for a, _ in runs}  # start offsets of the runs that may shrink
        best = None
        for key in keys:
            if key == w or len(key) < 2:
                continue
            kr = _run_lengths(key)
            if len(kr) != len(wr):
                continue
            choice = []
            ok = True
            for (start, wl), kl in zip(wr, (length for _, length in kr)):
                if start in variable:
                    if kl > 2 or kl > wl:
                        ok = False
                        break
                    choice.append(kl)
                elif kl != wl:
                    ok = False
                    break
            if not ok:
                continue
            item = (sum(choice), tuple(choice), key)
            if best is None or item[:2] < best[:2]:
                best = item
        if best is None:
            return None
        return best[0], best[1], self._lookup(best[2])

@lru_cache(maxsize=1)
def _default_normalizer() -> _WordNormalizer:
    from ._slang import _builtin_slang

    return _WordNormalizer(_builtin_slang())


def _custom_normalizer(key: int) -> tuple[Mapping[str, str], _WordNormalizer]:  # pragma: no cover
    raise AssertionError("filled by word_normalizer() through Memo.put")


#: user slang maps seen recently: id(map) -> (map, its normaliser). The map itself is
#: kept, so its id cannot be reused while the entry lives; a hit checks identity.
_CUSTOM: Memo[int, tuple[Mapping[str, str], _WordNormalizer]] = Memo(_custom_normalizer, maxsize=8)


def word_normalizer(slang: Mapping[str, str] | None = None) -> _WordNormalizer:
    """Return the (cached) word normaliser for a slang map (``None``: trendlib's own).

    A user map is compiled once and reused while it is the same object (treat a map
    passed as ``slang=`` as read-only, as :func:`load_slang` says).
    """
    if slang is None:
        return _default_normalizer()
    if not isinstance(slang, Mapping):
        raise TypeError(
            "The 'slang' parameter must be None or a mapping of form -> standard "
            f"(e.g. from load_slang()). Got {type(slang).__name__}."
        )
    hit = _CUSTOM.get(id(slang))
    if hit is not None and hit[0] is slang:
        return hit[1]
    norm = _WordNormalizer({str(k).lower(): str(v) for k, v in slang.items()})
    _CUSTOM.put(id(slang), (slang, norm))
    return norm
