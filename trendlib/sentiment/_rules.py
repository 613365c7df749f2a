"""The rules of the lexicon+rules scorer: rule words, fitted weights, the scoring pass.

One pass over the typed tokens of a text (see :mod:`trendlib.sentiment._scorer`):

1. **Units.** Tokens are grouped into units: multi-word expressions of the lexicon
   (``tidak apa-apa``, ``gagal total``) and multi-word rule words (``sayang nya``) are
   matched longest first; every other token is a unit of its own.
2. **Valence.** A unit's valence is its lexicon score divided by the lexicon's scale (so it
   lies in [-1, 1]); emoji and emoticons fall back to the emoji table.
3. **Modifiers.** Boosters (``sangat bagus``, ``enak banget``) add ``booster.increment``
   (times a decay with distance) to a neighbouring sentiment unit's magnitude; dampeners
   (``agak mahal``) multiply it by ``dampener.factor``. A modifier that modifies nothing
   scores its own lexicon valence, if it has one (``pelayanannya parah``).
4. **Negation.** A negator up to ``negation.window`` units before a sentiment word (with no
   clause punctuation or contrast word between) multiplies it by ``-negation.scalar``.
   Emoji are not negated.
5. **Emphasis.** Elongation (``bagusss``), reduplication (``enak-enak``, ``enak2``) and ALL
   CAPS in a text that is not all caps add their increments to the magnitude.
6. **Contrast.** Units before ``tapi``/``namun``/... are weighted ``contrast.before``, units
   after ``contrast.after``; the clause opened by ``meski``/``walaupun``/... (up to the next
   clause punctuation) is weighted ``concessive.clause``.
7. **Sum and squash.** The contributions are summed, divided by ``n ** length_power`` (``n``
   = number of sentiment units), ``!`` marks add ``emphasis.exclamation`` each (up to
   ``exclamation_cap``) in the direction of the sum, and ``s / sqrt(s**2 + alpha)`` maps the
   result into (-1, 1).

The weights live in ``data/rules.json``, fitted by ``scripts/build_lexicon.py`` on SmSA
train (out-of-fold) and checked on SmSA valid; weights the SmSA text cannot inform (it is
lower-cased, so ALL CAPS) are marked as priors there.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from ._register import news_register

__all__ = ["Params", "load_params", "rule_words", "score_tokens", "build_table", "negators",
           "scope_breakers", "Tok", "Entry", "ELONG", "CAPS", "REDUP", "CLITIC"]

# token flags (set by the scorer's token analysis from original vs normalised forms)
ELONG = 1
CAPS = 2
REDUP = 4
CLITIC = 8  # -nya/-lah/-kah/-pun glued on: the base form is looked up when the word is not

BOUNDARY = frozenset(".,;:?!")
ROLES = ("negator", "contrast", "concessive", "booster", "dampener", "opener")
#: token kinds that do not end "the start of a clause" for an opener (a reply's @mentions,
#: a leading link or emoji: "@budi jujur, ..." still opens with "jujur")
_NOT_WORDS = frozenset({"mention", "url", "emoji", "emoticon"})


def opens_clause(toks: Any, i: int) -> bool:
    """Whether token ``i`` of ``toks`` is the first word of its clause: nothing but
    mentions, links, emoji, hashtags and non-clause punctuation stand between it and the
    start of the text or the last clause mark (``. , ; : ? !``). Reads ``(norm, kind,
    flags, orig, ...)`` tuples (a :class:`Tok`)."""
    return clause_before(toks, i) is not False


def stays_word(get: Any, nxt: str | None) -> bool:
    """Whether an opener that begins its clause is still the adjective: nothing follows it
    (a one-word answer, "@budi jujur") or a booster that follows its word does ("Jujur
    banget"). ``get`` is a lexicon table's ``get``, ``nxt`` the next token's norm (None at
    the end of the text)."""
    if nxt is None:
        return True
    e = get(nxt)
    return e is not None and e.role == "booster" and e.position in ("post", "both")


def clause_before(toks: Any, i: int) -> bool | None:
    """What stands before token ``i`` (see ``opens_clause``): True for a clause mark,
    False for a word, None for nothing (the start of ``toks``)."""
    j = i - 1
    while j >= 0:
        norm, kind, _f, orig = toks[j][:4]
        if kind == "punct":
            if any(c in BOUNDARY for c in norm):
                return True
        elif kind not in _NOT_WORDS and orig[:1] != "#":
            return False
        j -= 1
    return None


@dataclass(frozen=True)
class Params:
    """Weights of the rules (see the module docstring for where each one acts)."""

    negation_scalar: float = 0.75
    negation_window: int = 3
    contrast_before: float = 0.5
    contrast_after: float = 1.5
    concessive_clause: float = 0.5
    booster_increment: float = 0.3
    booster_decay: float = 0.8
    dampener_factor: float = 0.6
    elongation: float = 0.2
    caps: float = 0.25
    reduplication: float = 0.2
    exclamation: float = 0.1
    exclamation_cap: int = 3
    length_power: float = 0.0
    alpha: float = 1.0
    threshold_positive: float = 0.05
    threshold_negative: float = -0.05
    news_factor: float = 1.0
    meta: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Params:
        known = {f for f in cls.__dataclass_fields__ if f != "meta"}
        weights = data.get("weights", data)
        unknown = set(weights) - known
        if unknown:
            raise ValueError(
                f"rules.json has unknown weights {sorted(unknown)}; expected a subset of {sorted(known)}."
            )
        meta = {k: v for k, v in data.items() if k != "weights"}
        kw = {k: (int(v) if k in ("negation_window", "exclamation_cap") else float(v)) for k, v in weights.items()}
        return cls(**kw, meta=meta)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("meta")
        return d

    def with_(self, **changes: Any) -> Params:
        return replace(self, **changes)


def _data_text(name: str) -> str:
    return resources.files("trendlib.sentiment").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_params() -> Params:
    """The shipped, fitted rule weights (``data/rules.json``), read once."""
    return Params.from_dict(json.loads(_data_text("rules.json")))


@lru_cache(maxsize=None)
def rule_words() -> tuple[dict[str, tuple[str, str]], dict[str, list[tuple[tuple[str, ...], str, str]]]]:
    """``(single, phrases)`` from ``data/rule_words.tsv``.

    ``single`` maps a word to ``(role, position)``; ``phrases`` maps a first word to a
    list of ``(rest_of_words, role, position)``, longest first.
    """
    single: dict[str, tuple[str, str]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for line in _data_text("rule_words.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, role, position = line.split("\t")
        if role not in ROLES:
            raise ValueError(f"rule_words.tsv: unknown role {role!r} for {word!r}; expected one of {ROLES}.")
        parts = word.split()
        if len(parts) == 1:
            single[word] = (role, position)
        else:
            phrases.setdefault(parts[0], []).append((tuple(parts[1:]), role, position))
    for lst in phrases.values():
        lst.sort(key=lambda t: -len(t[0]))
    return single, phrases


class Tok(NamedTuple):
    """One token as the scorer sees it (built by :func:`trendlib.sentiment._scorer.analyse`)."""

    norm: str  #: normalised form, looked up in the lexicon
    kind: str  #: ``word``, ``punct``, ``emoji``, ``emoticon``, ``mention``, ``url``, ...
    flags: int  #: ELONG | CAPS | REDUP | CLITIC
    orig: str  #: the token as written
    base: str  #: the form without reduplication or clitic (== norm otherwise)


class Entry(NamedTuple):
    """What one normalised token means to the scorer (see :func:`build_table`)."""

    valence: float | None
    role: str | None
    position: str
    tails: list | None  #: (rest of words, valence, role, position) of phrases it starts


class _Unit:
    """A sentiment unit: one token or a matched phrase, with its place and role."""

    __slots__ = ("pos", "valence", "role", "rpos", "flags", "kind", "start", "end")

    def __init__(self, pos, valence, role, rpos, flags, kind, start, end) -> None:
        self.pos, self.valence, self.role, self.rpos = pos, valence, role, rpos
        self.flags, self.kind, self.start, self.end = flags, kind, start, end


def build_table(words: dict[str, float], phrases: dict[str, list]) -> dict[str, Entry]:
    """One lookup per token: ``norm -> Entry``, merging a lexicon's words and phrase heads
    with the rule words (a lexicon builds it once, see ``Lexicon.table``)."""
    single, rphrases = rule_words()
    table: dict[str, Entry] = {}
    heads = set(phrases) | set(rphrases)
    for w in set(words) | set(single) | heads:
        role, pos = single.get(w, (None, "-"))
        tails = None
        if w in heads:
            tails = [(t, v, None, "-") for t, v in phrases.get(w, ())]
            tails += [(t, 0.0, r, p) for t, r, p in rphrases.get(w, ())]
            tails.sort(key=lambda c: -len(c[0]))
        table[w] = Entry(words.get(w), role, pos, tails)
    return table


def negators() -> frozenset[str]:
    """The one negator list (``data/rule_words.tsv``), shared by the scorer and the classifier."""
    return frozenset(w for w, (role, _) in rule_words()[0].items() if role == "negator")


def scope_breakers() -> frozenset[str]:
    """Words that end a negation scope: the contrast and concessive rule words."""
    return frozenset(w for w, (role, _) in rule_words()[0].items() if role in ("contrast", "concessive"))


def acting_modifiers(upos: list, urole: list, urpos: list, pure: list, window: int) -> list[bool]:
    """Which modifier units act on a sentiment unit: boosters/dampeners within two positions on
    their side, the nearest negator within ``window`` positions before it (a boundary, contrast
    or concession word stops the search). Shared by the explained and the batch scorer."""
    m = len(upos)
    used = [False] * m
    W = window
    for k in range(m):
        if not pure[k]:
            continue
        p0 = upos[k]
        a = k - 1
        while a >= 0 and p0 - upos[a] <= 2 and urole[a] != "boundary" and not pure[a]:
            if urole[a] in ("booster", "dampener") and urpos[a] in ("pre", "both"):
                used[a] = True
            a -= 1
        a = k + 1
        while a < m and upos[a] - p0 <= 2 and urole[a] != "boundary" and not pure[a]:
            if urole[a] in ("booster", "dampener") and urpos[a] in ("post", "both"):
                used[a] = True
            a += 1
        a = k - 1
        while a >= 0 and p0 - upos[a] <= W and urole[a] not in ("boundary", "contrast", "concessive"):
            if urole[a] == "negator":
                used[a] = True
                break
            a -= 1
    return used


def clause_weights(contrib: list, urole: list, P: Any, note: Any = None) -> None:
    """Weigh each unit's contribution (in place) by the contrast and concessive words around it.

    A contrast word ("tapi") weighs what comes before it by ``P.contrast_before`` and what
    comes after by ``P.contrast_after``; a concessive word ("walaupun") weighs its clause by
    ``P.concessive_clause``. ``note(unit, word, what, weight)`` is told of every weight
    applied (the explained scorer records it). Shared by the explained and the batch scorer.
    """
    m = len(contrib)
    for k in range(m):
        role = urole[k]
        if role == "contrast":
            wb, wa = P.contrast_before, P.contrast_after
            for a in range(m):
                if contrib[a] != 0.0 and a != k:
                    w = wb if a < k else wa
                    contrib[a] *= w
                    if note is not None:
                        note(a, k, "before contrast" if a < k else "after contrast", w)
        elif role == "concessive":
            a = k + 1
            while a < m and urole[a] not in ("boundary", "contrast"):
                if contrib[a] != 0.0:
                    contrib[a] *= P.concessive_clause
                    if note is not None:
                        note(a, k, "concessive clause", P.concessive_clause)
                a += 1


def score_tokens(
    toks: list[Tok], lex: Any, P: Params, trace: list | None = None, ignore: Any = None
) -> float:
    """Score typed tokens with lexicon ``lex``; return the compound polarity in [-1, 1].

    Only units that matter (sentiment, rule words, clause punctuation) are kept, each with its
    unit position, so windows are measured in units. ``ignore`` (an ``IgnoreSet``) names
    topic terms that are read as plain words. When ``trace`` is a list, every unit is kept
    and one dict per unit is appended describing what fired, then a summary dict.
    """
    table = lex.table
    emoji_v = lex.emoji_valence
    keep_all = trace is not None
    skip = ignore.positions(toks) if ignore is not None else None
    # ---- 1. units
    S: list[_Unit] = []
    n = len(toks)
    n_caps = n_excl = 0
    i = pos = 0
    get = table.get
    while i < n:
        norm, kind, flags, _, base = toks[i]
        if skip and i in skip:
            if keep_all:
                S.append(_Unit(pos, 0.0, "ignored", "-", 0, kind, i, i + 1))
            i += 1
            pos += 1
            continue
        e = get(norm)
        if e is None:
            if not flags and kind == "word" and not keep_all:
                i += 1  # fast path: a plain word that is in no list
                pos += 1
                continue
            valence = role = tails = None
            position = "-"
        else:
            valence, role, position, tails = e
        if tails is not None:
            j = i + 1
            for tail, v, trole, rp in tails:
                k = len(tail)
                if i + k < n and all(toks[i + 1 + q].norm == tail[q] for q in range(k)) and not (
                    skip and any(i + q in skip for q in range(k + 1))
                ):
                    j = i + 1 + k
                    S.append(_Unit(pos, v or 0.0, trole, rp, 0, "phrase", i, j))
                    break
            if j > i + 1:
                i = j
                pos += 1
                continue
        if flags & CAPS:
            n_caps += 1
        if (valence and S and S[-1].end == i and kind == "word" and toks[i - 1][0] == norm
                and S[-1].role != "opener"):
            # "bagus bagus aja": a word repeated with a space is one reduplicated unit
            S[-1].flags |= REDUP
            S[-1].end = i + 1
            i += 1
            pos += 1
            continue
        if e is not None:
            if role == "opener":
                if opens_clause(toks, i) and not stays_word(get, toks[i + 1][0] if i + 1 < n else None):
                    # "Jujur, ...": a discourse marker, no valence ("Jujur banget" stays the word)
                    if keep_all:
                        S.append(_Unit(pos, 0.0, "opener", "-", flags, kind, i, i + 1))
                    i += 1
                    pos += 1
                    continue
                role, position = None, "-"  # elsewhere the lexicon's word
            v = valence
            if v is None and flags & (REDUP | CLITIC):
                b = get(base)
                v = b.valence if b is not None else None
            S.append(_Unit(pos, v or 0.0, role, position, flags, kind, i, i + 1))
        else:
            v = None
            if kind == "punct":
                n_excl += norm.count("!")
                boundary = any(c in BOUNDARY for c in norm)
                if keep_all or boundary:
                    S.append(_Unit(pos, 0.0, "boundary" if boundary else None, "-", 0, kind, i, i + 1))
                i += 1
                pos += 1
                continue
            if flags & (REDUP | CLITIC):
                b = get(base)
                v = b.valence if b is not None else None
            elif kind == "emoji" or kind == "emoticon":
                v = emoji_v.get(norm)
            if v or keep_all:
                S.append(_Unit(pos, v or 0.0, None, "-", flags, kind, i, i + 1))
        i += 1
        pos += 1
    caps_on = False
    if n_caps:
        n_words = sum(1 for t in toks if t.kind == "word")
        caps_on = n_caps < n_words
    m = len(S)
    if not keep_all and not any(u.valence for u in S):
        return 0.0
    # ---- 2. which units carry sentiment; which modifiers and negators act
    # (the fields the windows read, as plain lists: the loops below touch them often)
    upos = [u.pos for u in S]
    urole = [u.role for u in S]
    urpos = [u.rpos for u in S]
    pure = [u.valence != 0.0 and u.role is None for u in S]
    W = P.negation_window
    used = acting_modifiers(upos, urole, urpos, pure, W)
    # ---- 3. contributions
    contrib = [0.0] * m
    fired: list[list[str]] | None = [[] for _ in range(m)] if keep_all else None
    n_active = 0
    for k in range(m):
        u = S[k]
        v = u.valence
        if v == 0.0 or (not pure[k] and used[k]):
            continue
        n_active += 1
        sign = 1.0 if v > 0 else -1.0
        f = u.flags
        if f:
            if f & ELONG:
                v += sign * P.elongation
                if fired is not None:
                    fired[k].append(f"elongation +{P.elongation:g}")
            if f & REDUP:
                v += sign * P.reduplication
                if fired is not None:
                    fired[k].append(f"reduplication +{P.reduplication:g}")
            if caps_on and f & CAPS:
                v += sign * P.caps
                if fired is not None:
                    fired[k].append(f"ALL CAPS +{P.caps:g}")
        if pure[k]:
            p0 = u.pos
            for direction, positions in ((-1, ("pre", "both")), (1, ("post", "both"))):
                a = k + direction
                while 0 <= a < m and abs(upos[a] - p0) <= 2 and urole[a] != "boundary" and not pure[a]:
                    role = urole[a]
                    if role == "booster" and urpos[a] in positions:
                        inc = P.booster_increment * (P.booster_decay ** (abs(upos[a] - p0) - 1))
                        v += sign * inc
                        if fired is not None:
                            fired[k].append(f"booster '{_text(toks, S[a])}' +{inc:.3g}")
                    elif role == "dampener" and urpos[a] in positions:
                        v *= P.dampener_factor
                        if fired is not None:
                            fired[k].append(f"dampener '{_text(toks, S[a])}' x{P.dampener_factor:.3g}")
                    a += direction
            if u.kind != "emoji" and u.kind != "emoticon":
                a = k - 1
                while a >= 0 and p0 - upos[a] <= W and urole[a] not in ("boundary", "contrast", "concessive"):
                    if urole[a] == "negator":
                        v *= -P.negation_scalar
                        if fired is not None:
                            fired[k].append(f"negated by '{_text(toks, S[a])}' x-{P.negation_scalar:.3g}")
                        break
                    a -= 1
        contrib[k] = v
    # ---- 4. contrast and concessive weights
    def note(a: int, k: int, what: str, w: float) -> None:
        fired[a].append(f"{what} '{_text(toks, S[k])}' x{w:.3g}")

    clause_weights(contrib, urole, P, note if fired is not None else None)
    s = math.fsum(contrib)
    if n_active > 1 and P.length_power:
        s /= n_active**P.length_power
    if s != 0.0 and n_excl:
        n_excl = min(n_excl, P.exclamation_cap)
        s += (1.0 if s > 0 else -1.0) * P.exclamation * n_excl
    else:
        n_excl = 0
    news = None
    if s != 0.0 and P.news_factor != 1.0:
        news = news_register(toks)
        if news is not None:
            s_before = s
            s *= P.news_factor
    score = s / math.sqrt(s * s + P.alpha) if s else 0.0
    score = max(-1.0, min(1.0, score))
    if trace is not None and fired is not None:
        for k, u in enumerate(S):
            trace.append(
                {
                    "token": _text(toks, u),
                    "norm": " ".join(t.norm for t in toks[u.start : u.end]),
                    "kind": u.kind,
                    "role": u.role or ("modifier used" if used[k] else ""),
                    "valence": u.valence,
                    "contribution": contrib[k],
                    "rules": "topic term (ignore=): not read as opinion" if u.role == "ignored"
                    else "; ".join(fired[k]),
                }
            )
        trace.append({"_sum": s, "_exclamations": n_excl, "_n_active": n_active,
                      "_news": news, "_before_news": s_before if news is not None else None})
    return score


def _text(toks: list[Tok], u: _Unit) -> str:
    return " ".join(t.orig for t in toks[u.start : u.end])
