"""Hashtag segmentation: ``#KaburAjaDulu`` -> ``['kabur', 'aja', 'dulu']``.

Hashtags are stored lowercase (``posts.hashtags``), so the casing an author typed is
usually gone by the time a tag is segmented; pass ``original=`` (the post text or the
tag as written) to get it back. Then two steps. (1) Split at the boundaries the author
typed: between letters and digits, at any other character (``_``, ``-``, emoji), and
where a lowercase letter is followed by an uppercase one (``IndonesiaGelap``). An
uppercase run followed by lowercase letters (``ASEANMatters``, ``BUMNuntuk``) is *not*
split by case, because the last capital may belong to either word; the dictionary
decides. (2) Segment each lowercase run with a unigram model by Viterbi (maximum sum of
log-probabilities).

The model: counts from ``data/wordfreq_id.tsv`` (IndoNLU SmSA and EmoT train,
Apache-2.0; MIT-licensed real tweets; Sastrawi's root words, MIT; rebuilt by
``scripts/build_wordfreq.py``), our own lists ``data/seg_words.txt`` (acronyms,
campaign, English and social-media words) and ``data/seg_entities.txt`` (places,
parties, people, institutions), each word counted as a common word. A word not in the
model costs more the longer it is (``UNKNOWN_PER_CHAR`` per letter on top of the rarest
known word), so ``lahan|bekas|tambang`` beats one 17-letter unknown, while a short
unknown name is still cheaper whole than shredded into letters and syllables.

Bounded: only the first ``MAX_SEGMENTED`` letters of a tag go through Viterbi (a
crafted 100 KB tag costs the same as a real one); the rest is kept as typed runs.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from .._cache import Memo
from ._data import data_text

__all__ = ["segment_hashtag"]

#: count given to each word of our own lists (added to its corpus count): about the
#: count of ``pemerintah`` in the counts, i.e. a common word.
OWN_WORD_COUNT = 50
#: an unknown segment of n letters scores log(1 / total) - UNKNOWN_BASE
#: - UNKNOWN_PER_CHAR * n - UNKNOWN_LONG_PER_CHAR * max(0, n - UNKNOWN_LONG_FROM):
#: a name of a few letters stays whole, a long run is worth splitting into known words.
UNKNOWN_BASE = 2.0
UNKNOWN_PER_CHAR = 1.0
UNKNOWN_LONG_PER_CHAR = 1.0
UNKNOWN_LONG_FROM = 8
#: longest known word considered; longer runs can still be one unknown token.
MAX_WORD_LEN = 24
#: a derived word (``kematian``: Sastrawi finds the known root ``mati``) scores as its
#: root minus this, so affixes are not split off as words of their own.
DERIVED_PENALTY = 2.0
#: bonus for a break the capitals suggest inside an uppercase run followed by lowercase
#: letters (``ROSIKompas`` -> break before ``K``); the dictionary can still overrule it.
CASE_BREAK_BONUS = 3.0
#: letters of a tag segmented by the model; the rest is returned as typed runs.
#: the longest hashtag in the data home's 82k tweets has 64 characters.
MAX_SEGMENTED = 160

_PREFIXED = re.compile(r"(?:di|ke|se|be|te|me|pe)")
_SUFFIXES = ("kan", "an", "i", "nya", "lah", "kah", "ku", "mu")
_PIECES = re.compile(r"[^\W\d_]+|\d+")
_WORD_CHARS = re.compile(r"[\w\u0300-\u036f]+")
_OWN_LISTS = ("seg_words.txt", "seg_entities.txt")


def _read_lines(name: str) -> list[str]:
    return data_text(name).splitlines()


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float]:
    """Return (log-probability of each known word, log-probability floor for unknowns)."""
    counts: dict[str, int] = {}
    lines = _read_lines("wordfreq_id.tsv")
    for line in lines[1:]:  # header: word<TAB>count
        word, _, count = line.partition("\t")
        if word and count:
            counts[word] = int(count)
    own: set[str] = set()
    for name in _OWN_LISTS:
        for line in _read_lines(name):
            own.update(line.split("#", 1)[0].strip().lower().split())
    for word in own:
        counts[word] = counts.get(word, 0) + OWN_WORD_COUNT
    total = float(sum(counts.values()))
    logp = {w: math.log(c / total) for w, c in counts.items() if len(w) >= 2}
    return logp, math.log(1.0 / total) - UNKNOWN_BASE


@lru_cache(maxsize=1)
def _root_stemmer():
    from ._stem import Stemmer

    return Stemmer(default_protected=False)._build()  # Sastrawi engine, no memo


def _derived_logp_uncached(piece: str) -> float | None:
    """Log-probability of an affixed form of a known root, or None.

    Prefixed pieces go through Sastrawi (the root must be a known word); pieces with
    only a suffix are checked by stripping it (cheap, most substrings fail here).
    ``di``/``ke`` + a bare root is not a derived word here (``#tetapdirumah``).
    """
    if len(piece) < 5:
        return None
    logp = _model()[0]
    if _PREFIXED.match(piece):
        root = _root_stemmer().stem_word(piece)
        if root == piece or (piece[:2] in ("di", "ke") and piece[2:] == root):
            # di/ke + a bare root is the preposition (di rumah) unless the joined word
            # is itself common (dimakan), which the counts know
            return None
        score = logp.get(root)
    else:
        if not piece.endswith(_SUFFIXES):  # most substrings: no suffix, nothing to strip
            return None
        roots = [piece[: -len(s)] for s in _SUFFIXES if piece.endswith(s) and len(piece) - len(s) >= 3]
        score = max((logp[r] for r in roots if r in logp), default=None)
    return None if score is None else score - DERIVED_PENALTY


_DERIVED: Memo[str, float | None] = Memo(_derived_logp_uncached, maxsize=262_144)


def _unknown_penalties() -> list[float]:
    """Penalty of an unknown piece of each length 0..MAX_WORD_LEN (below the rarest word)."""
    return [
        UNKNOWN_PER_CHAR * n + UNKNOWN_LONG_PER_CHAR * max(0, n - UNKNOWN_LONG_FROM)
        for n in range(MAX_WORD_LEN + 1)
    ]


_MISSING = object()


def _pieces(run: str) -> list[list[tuple[int, float]]]:
    """For each end ``j`` of ``run``: ``(start, score)`` of the known and derived words
    that end there (at most ``MAX_WORD_LEN`` letters; an unknown piece is scored by
    :func:`_viterbi` itself).

    Only the pieces that can be words are looked at: from a start that is no prefix
    (``_PREFIXED``), the walk stops as soon as the piece is no prefix of a known word,
    and a derived word there is a known root plus a suffix (``_SUFFIXES``), read from the
    same walk. From a prefixed start every piece of 5 or more letters goes to Sastrawi
    (memoised), as :func:`_derived_logp_uncached` says. The same scores as that function
    and the model give, for the same pieces (tested against the exhaustive search).
    """
    logp = _model()[0]
    get = logp.get
    prefixes = _prefixes()
    derived = _DERIVED
    dget = derived.data.get
    n = len(run)
    ends: list[list[tuple[int, float]]] = [[] for _ in range(n + 1)]
    for i in range(n - 1):  # a known word has 2 letters or more
        stop = i + MAX_WORD_LEN if i + MAX_WORD_LEN < n else n
        head = run[i:i + 2]
        if head not in prefixes:
            continue
        if head in _PREFIX_SET:
            for j in range(i + 2, stop + 1):
                piece = run[i:j]
                score = get(piece)
                if score is None and j - i >= 5:
                    score = dget(piece, _MISSING)
                    if score is _MISSING:
                        score = derived(piece)
                if score is not None:
                    ends[j].append((i, score))
            continue
        roots: list[tuple[int, float]] = []  # (end, logp) of known roots of 3+ letters from i
        for j in range(i + 2, stop + 1):
            piece = run[i:j]
            if j > i + 2 and piece not in prefixes:
                break
            score = get(piece)
            if score is not None:
                ends[j].append((i, score))
                if j - i >= 3:
                    roots.append((j, score))
        if roots:  # a known root and a suffix: the derived word, unless it is known itself
            found: dict[int, float] = {}
            for k, score in roots:
                for suffix in _SUFFIXES:
                    j = k + len(suffix)
                    if j - i >= 5 and j <= stop and run.startswith(suffix, k):
                        if score > found.get(j, -math.inf):
                            found[j] = score
            for j, score in found.items():
                if get(run[i:j]) is None:
                    ends[j].append((i, score - DERIVED_PENALTY))
    return ends


_PREFIX_SET = frozenset({"di", "ke", "se", "be", "te", "me", "pe"})  # what _PREFIXED matches
assert all(_PREFIXED.fullmatch(p) for p in _PREFIX_SET)


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """Every prefix of every known word (what :func:`_pieces` walks)."""
    return frozenset(w[:k] for w in _model()[0] if len(w) <= MAX_WORD_LEN for k in range(1, len(w) + 1))


def _viterbi(run: str, breaks: frozenset[int] = frozenset(), typed: bool = False) -> list[str]:
    """Most probable split of a lowercase run into words under the unigram model.

    Exact over every split: a piece is a known word, a derived word (:func:`_pieces`
    lists those) or an unknown piece, scored by its length. The unknown penalty is
    linear in the length up to ``UNKNOWN_LONG_FROM`` letters and linear with a steeper
    slope past it, so the best long unknown piece ending at ``j`` comes from a running
    maximum of ``best[i] + slope * i`` and only the short ones are tried one by one:
    O(len(run) * (UNKNOWN_LONG_FROM + words per start)). A known or derived word always scores above
    the same piece read as unknown, so every piece is also tried as unknown; ties go to
    the earliest start. ``typed``: the author marked this run as one word (a capitalised
    run of a CamelCase tag, ``#KamiBersamaSukatani``); the whole run, if unknown, then
    costs only the unknown base, so a name stays whole unless known words explain it much
    better.
    """
    n = len(run)
    if n <= 1:
        return [run]
    unk_base = _model()[1]
    ends = _pieces(run)
    short = UNKNOWN_LONG_FROM  # an unknown piece of up to this many letters costs UNKNOWN_PER_CHAR each
    slope = UNKNOWN_PER_CHAR + UNKNOWN_LONG_PER_CHAR
    long_const = unk_base + UNKNOWN_LONG_PER_CHAR * UNKNOWN_LONG_FROM
    bonus = [CASE_BREAK_BONUS if i in breaks else 0.0 for i in range(n + 1)] if breaks else None
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    far_best, far_i = -math.inf, 0  # max over i < j - short of best[i] + bonus + slope * i
    for j in range(1, n + 1):
        lo = j - short
        if lo - 1 >= 0:  # start lo - 1 leaves the short window: its unknown pieces are long now
            i = lo - 1
            v = best[i] + (bonus[i] if bonus else 0.0) + slope * i
            if v > far_best:
                far_best, far_i = v, i
        bj = far_best + long_const - slope * j
        bi = far_i
        for i in range(max(lo, 0), j):  # short unknown pieces
            score = best[i] + (bonus[i] if bonus else 0.0) + UNKNOWN_PER_CHAR * i + unk_base - UNKNOWN_PER_CHAR * j
            if score > bj:
                bj, bi = score, i
        for i, score in ends[j]:  # known and derived words
            score += best[i]
            if bonus:
                score += bonus[i]
            if score > bj or (score == bj and i < bi):
                bj, bi = score, i
        if typed and j == n and bi != 0 and unk_base > bj:
            bj, bi = unk_base, 0
        best[j] = bj
        back[j] = bi
    words = []
    j = n
    while j > 0:
        i = back[j]
        words.append(run[i:j])
        j = i
    words.reverse()
    return words


def _case_runs(piece: str) -> list[tuple[str, frozenset[int]]]:
    """Split a letter run where a lowercase letter meets an uppercase one.

    Returns each run with the offsets (inside it) of the breaks its capitals suggest:
    before the last capital of an uppercase run that lowercase letters follow.
    """
    out = []
    start = 0
    breaks: set[int] = set()
    for k in range(1, len(piece)):
        if piece[k].isupper() and piece[k - 1].islower():
            out.append((piece[start:k], frozenset(breaks)))
            start = k
            breaks = set()
        elif (
            piece[k].islower() and piece[k - 1].isupper()
            and k - 1 > start and piece[k - 2].isupper()
        ):
            breaks.add(k - 1 - start)
    out.append((piece[start:], frozenset(breaks)))
    return out


def _segment_uncached(tag: str) -> tuple[str, ...]:
    words: list[str] = []
    budget = MAX_SEGMENTED
    for piece in _PIECES.findall(tag):
        if piece.isdigit() or budget <= 0:
            words.append(piece.lower())
            continue
        head, tail = piece[:budget], piece[budget:]
        budget -= len(head)
        runs = _case_runs(head)
        camel = len(runs) > 1
        for run, breaks in runs:
            typed = camel and run[:1].isupper() and run[1:].islower()
            words.extend(_viterbi(run.lower(), breaks, typed))
        if tail:  # past the budget: kept as typed, never segmented
            words.append(tail.lower())
    return tuple(words)


_SEGMENTS: Memo[str, tuple[str, ...]] = Memo(_segment_uncached, maxsize=65_536)


def _as_written(tag: str, original: str) -> str:
    """The spelling of ``tag`` in ``original`` that carries the most capitals, or ``tag``.

    ``original`` is the post text (``#AniesBaswedan`` in it) or the tag as typed. A
    spelling counts when it equals ``tag`` after lowercasing; the post's other words are
    never used.
    """
    from ._wordnorm import _casefold

    bare = tag[1:] if tag.startswith("#") else tag
    target = _casefold(bare)
    if not target:
        return tag
    best, caps = tag, sum(c.isupper() for c in tag)
    for m in _WORD_CHARS.finditer(original):
        cand = m.group()
        if len(cand) == len(bare) and _casefold(cand) == target:
            n = sum(c.isupper() for c in cand)
            if n > caps:
                best, caps = cand, n
    return best


def segment_hashtag(tag: str, *, original: str | None = None) -> list[str]:
    """Split a hashtag into its Indonesian and English words.

    CamelCase, digit and punctuation boundaries first, then a unigram (Viterbi)
    segmentation of each lowercase run against Indonesian word counts plus our own lists
    of names, places, parties, institutions, acronyms and English words. Unknown words
    stay whole unless known words cover them.

    Parameters
    ----------
    tag : str
        A hashtag, with or without the leading ``#``; typically lowercase, as stored in
        ``posts["hashtags"]``.
    original : str, optional
        The post the tag comes from (or the tag as typed). When it holds the tag with
        capitals (``#AniesBaswedan``), their word boundaries are used.

    Returns
    -------
    list of str
        Lowercase words and digit runs, in order; ``[]`` for an empty tag. Only the
        first ``MAX_SEGMENTED`` (160) letters are segmented; longer tags keep the rest as
        typed runs, so any input returns quickly.

    See Also
    --------
    trendlib.text.hashtags : the (lowercase) hashtags of a post.

    Notes
    -----
    An unknown piece of ``n`` letters scores ``log(1/total) - 2 - n - max(0, n - 8)``
    (a short name stays whole, a long run is worth splitting into known words); known
    words score ``log(count/total)``, affixed forms of known roots their root minus 2.
    The choice of these numbers and the accuracy on 335 real lowercase hashtags (0.970)
    are in ``docs/text_stem_segment.md``.

    References
    ----------
    Norvig, P. (2009). Natural Language Corpus Data. In *Beautiful Data*, O'Reilly
    (unigram word segmentation with a length-dependent unknown-word probability).

    Examples
    --------
    >>> segment_hashtag("#KTTASEAN2023")
    ['ktt', 'asean', '2023']
    >>> segment_hashtag("danantarabangunnegeri")
    ['danantara', 'bangun', 'negeri']
    >>> segment_hashtag("lahanbekastambang")
    ['lahan', 'bekas', 'tambang']
    >>> segment_hashtag("ASEANMatters")
    ['asean', 'matters']
    >>> segment_hashtag("#Covid_19")
    ['covid', '19']
    >>> segment_hashtag("kamibersamasukatani")
    ['kami', 'bersama', 'suka', 'tani']
    >>> segment_hashtag("kamibersamasukatani", original="Bebaskan! #KamiBersamaSukatani")
    ['kami', 'bersama', 'sukatani']
    """
    if not isinstance(tag, str):
        raise TypeError(f"segment_hashtag() expects a str hashtag. Got {type(tag).__name__}: {tag!r}.")
    if original is not None:
        if not isinstance(original, str):
            raise TypeError(
                "The 'original' parameter of segment_hashtag() must be the post text (str) "
                f"or None. Got {type(original).__name__}."
            )
        tag = _as_written(tag, original)
    return list(_SEGMENTS(tag))
