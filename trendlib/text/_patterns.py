"""The master token regex and the text preparation (NFKC, HTML entities) with offset maps.

Internal. One compiled alternation, tried in this order at each position:

``placeholder`` (anonymisation markers), ``emoticon``, a fast path for plain words,
``url`` (scheme or ``www.`` URLs, bare domains such as ``t.co/x`` and e-mail addresses),
``mention``, ``hashtag``, ``emoji`` (a run of emoji code points, split into single emoji
by the ``emoji`` package), ``number`` and ``word``. Everything else (spaces, punctuation)
lies between tokens. No token spans whitespace and every look-around treats whitespace
like the text's ends, so a text can be tokenised chunk by chunk (``str.split()``) and
each distinct chunk memoised.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

from .._cache import Memo

__all__ = ["MASTER", "LINK", "prepare", "split_emoji_run", "KIND_OF_GROUP"]

_TRAIL = r"[^\s<>\"'`.,;:!?)\]}’”…]"  # a URL never ends in punctuation
#: a link with its scheme (the ``url`` group below without its ``www.`` form)
LINK = r"(?:https?|ftp)://[^\s<>\"'`]*" + _TRAIL
_URL = (
    r"(?P<url>(?:(?:https?|ftp)://|www\d{0,3}\.)[^\s<>\"'`]*" + _TRAIL + r")"
    r"|(?P<bare>(?<![\w@.\-/])(?i:(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+"
    r"(?:com|net|org|id|co|io|ly|me|tv|info|gov|edu|biz|xyz|app|site|online|news|link|my|sg"
    r"|uk|us|gl|gg|be|to|tk|ai))(?![\w\-])(?:/[^\s<>\"'`]*" + _TRAIL + r"|/)?)"
    r"|(?P<email>(?<![\w.+\-])(?i:[a-z0-9][a-z0-9._+\-]*@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,})(?![\w]))"
)
_PLACEHOLDER = (
    r"(?P<placeholder>[<\[](?i:user(?:_?name|_?mention)?|url|link|hashtag|mention|email|number"
    r"|phone|http_?url)[>\]]"
    r"|@USER(?:NAME)?(?!\w)"
    r"|(?<![\w#@])(?:USER|USERNAME|URL|HTTPURL)(?!\w))"
)
# As on X/Twitter: ".@user" is a mention, "a@b" and "@@user" are not; a hashtag needs a
# letter, may hold combining accents (#covi̇d19) and is void when "#" follows (#a#b).
_MENTION = r"(?P<mention>(?<![\w!#$%&*@])@[A-Za-z0-9_]+(?![\w@]))"
_HASHTAG = (
    r"(?P<hashtag>(?<![\w&#])(?>#[\w\u0300-\u036f]*[^\W\d_][\w\u0300-\u036f]*)(?!#))"
)
_EMOTICON = (
    r"(?P<emoticon>"
    r"(?<![\w:;=])[:;=]['\-^]?(?:\)+|\(+|\]+|\[+|\|+|\*|/(?![/\w])|\\(?!\w))"
    r"|(?<![\w:;=])[:;=]['\-^]?(?:D+|P+|p+|3|O|o|v|V|x|X)(?!\w)"
    r"|(?<!\w)(?:T[_.]T|;_;|\^[_.\-]?\^|-_+-|>_<|>\.<|[xX]D+|o\.O|O\.o|</?3+|\(y\))(?!\w))"
)
# Fast path for the commonest token: a word starting with a letter that is not the start
# of a URL, domain or e-mail address (those fall through to the alternatives below).
_WFAST = r"(?P<wfast>(?>[^\W\d_][^\W_]*(?:['’\-][^\W_]+)*)(?![.@]\w|://|@))"
# U+2044 FRACTION SLASH: NFKC writes "½" as "1⁄2", one number (not two with one span)
_NUMBER = r"(?P<number>(?>\d+(?:[.,:/\u2044]\d+)*)%?(?![^\W_]))"
_WORD = r"(?P<word>[^\W_]+(?:['’\-][^\W_]+)*)"


def _emoji_classes() -> tuple[str, str]:
    """Character classes for the first and the following code points of an emoji run."""
    import emoji

    joiners = {0xFE0E, 0xFE0F, 0x200D, 0x20E3} | set(range(0x1F3FB, 0x1F400))
    joiners |= set(range(0xE0020, 0xE0080))
    starts = sorted(
        {ord(c) for e in emoji.EMOJI_DATA for c in e if ord(c) > 0x7F} - joiners
    )
    ranges = []
    for cp in starts:
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])

    def cls(rs):
        parts = []
        for a, b in rs:
            parts.append(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}")
        return "[" + "".join(parts) + "]"

    start = cls(ranges)
    follow = "(?:" + start + r"|[\ufe0e\ufe0f\u200d\u20e3\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F])"
    return start, follow


_START, _FOLLOW = _emoji_classes()
_EMOJI = r"(?P<emoji>(?:[0-9#*]\ufe0f?\u20e3|" + _START + r")" + _FOLLOW + r"*)"

MASTER = re.compile(
    "|".join(
        [_PLACEHOLDER, _EMOTICON, _WFAST, _URL, _MENTION, _HASHTAG, _EMOJI, _NUMBER, _WORD]
    )
)
KIND_OF_GROUP = {
    "url": "url",
    "bare": "url",
    "email": "url",
    "placeholder": "placeholder",
    "mention": "mention",
    "hashtag": "hashtag",
    "emoticon": "emoticon",
    "emoji": "emoji",
    "number": "number",
    "word": "word",
    "wfast": "word",
}


#: emoji runs up to this many code points are split by ``emoji.emoji_list`` (the
#: reference); longer runs (no real text has them: the longest emoji is 10 code points)
#: by our own linear greedy split, because emoji_list is quadratic on ZWJ chains.
EMOJI_LIST_MAX = 64


@lru_cache(maxsize=1)
def _emoji_keys() -> tuple[frozenset[str], frozenset[str]]:
    """Every emoji (with and without variation selectors) and every prefix of one."""
    import emoji

    keys = set()
    for e in emoji.EMOJI_DATA:
        keys.add(e)
        keys.add(e.replace("\ufe0f", "").replace("\ufe0e", ""))
    keys.discard("")
    prefixes = {k[:i] for k in keys for i in range(1, len(k) + 1)}
    return frozenset(keys), frozenset(prefixes)


def _split_long(run: str) -> tuple[tuple[int, int, str], ...]:
    """Greedy longest-emoji split in linear time (ZWJs between emoji are dropped)."""
    keys, prefixes = _emoji_keys()
    out = []
    i, n = 0, len(run)
    while i < n:
        end, k = 0, i + 1
        while k <= n and run[i:k] in prefixes:
            if run[i:k] in keys:
                end = k
            k += 1
        if not end:
            i += 1
            continue
        while end < n and run[end] in "\ufe0e\ufe0f":  # stray variation selectors
            end += 1
        out.append((i, end, run[i:end]))
        i = end
    return tuple(out)


def _split_short(run: str) -> tuple[tuple[int, int, str], ...]:
    import emoji

    out = []
    for d in emoji.emoji_list(run):
        a, b = d["match_start"], d["match_end"]
        while b < len(run) and run[b] in "\ufe0e\ufe0f":  # stray variation selectors
            b += 1
        out.append((a, b, run[a:b]))
    return tuple(out)


_SPLIT_MEMO: Memo[str, tuple[tuple[int, int, str], ...]] = Memo(_split_short, maxsize=65_536)


def split_emoji_run(run: str) -> tuple[tuple[int, int, str], ...]:
    """Split a run of emoji code points into ``(start, end, emoji)`` (offsets in the run)."""
    if len(run) > EMOJI_LIST_MAX:
        return _split_long(run)
    hit = _SPLIT_MEMO.data.get(run)
    return hit if hit is not None else _SPLIT_MEMO(run)


# --- text preparation -------------------------------------------------------------------

# Invisible "filler" letters used to pad hashtags and names (Hangul fillers, zero-width
# space, word joiner, BOM): replaced by a space, one character for one, offsets unchanged.
_FILLERS = "\u115f\u1160\u3164\uffa0\u200b\u2060\ufeff"
_FILLER_RE = re.compile(f"[{_FILLERS}]")
_FILLER_TABLE = str.maketrans({c: " " for c in _FILLERS})
_ENTITY = r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_ENTITY_RE = re.compile(_ENTITY)
# A segment whose NFKC form is computed on its own: an entity, or a run of non-ASCII
# characters with the ASCII character before it (compositions never cross ASCII).
_SEGMENT_RE = re.compile(_ENTITY + r"|[\x00-\x7f]?[^\x00-\x7f]+")


def _needs_work(text: str) -> bool:
    if "&" in text and _ENTITY_RE.search(text):
        return True
    if text.isascii():
        return False
    return (not unicodedata.is_normalized("NFKC", text)) or bool(_FILLER_RE.search(text))


@lru_cache(maxsize=65536)
def _char_nfkc(c: str) -> str:
    """NFKC of one character, fillers blanked (memoised: texts repeat their characters)."""
    return unicodedata.normalize("NFKC", c).translate(_FILLER_TABLE)


def _repeat_each(values: range, counts: list[int]):
    """``values[i]`` repeated ``counts[i]`` times, in order."""
    from itertools import chain, repeat

    return chain.from_iterable(map(repeat, values, counts))


def _one_pass(text: str) -> tuple[str, list[int], list[int]] | None:
    """Unescape entities and NFKC-normalise once; ``None`` when nothing changes."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    changed = False
    for m in _SEGMENT_RE.finditer(text):
        a, b = m.span()
        if a > pos:
            out.append(text[pos:a])
            starts.extend(range(pos, a))
            ends.extend(range(pos + 1, a + 1))
        seg = m.group()
        new = html.unescape(seg) if seg[0] == "&" and seg[-1] == ";" else seg
        new = unicodedata.normalize("NFKC", new).translate(_FILLER_TABLE)
        if new != seg:
            changed = True
        if new == seg:
            starts.extend(range(a, b))
            ends.extend(range(a + 1, b + 1))
        else:
            pieces = None
            if seg[0] != "&":  # map character by character when NFKC allows it
                pieces = [_char_nfkc(c) for c in seg]
                if "".join(pieces) != new:
                    pieces = None
            if pieces is None:
                starts.extend([a] * len(new))
                ends.extend([b] * len(new))
            else:
                lengths = [len(piece) for piece in pieces]
                if all(n == 1 for n in lengths):  # one character for one (Ｆ -> F)
                    starts.extend(range(a, b))
                    ends.extend(range(a + 1, b + 1))
                else:
                    starts.extend(_repeat_each(range(a, b), lengths))
                    ends.extend(_repeat_each(range(a + 1, b + 1), lengths))
        out.append(new)
        pos = b
    if not changed:
        return None
    out.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return "".join(out), starts, ends


def _scan_segment(m: re.Match[str]) -> str:
    seg = m.group()
    new = html.unescape(seg) if seg[0] == "&" and seg[-1] == ";" else seg
    return unicodedata.normalize("NFKC", new).translate(_FILLER_TABLE)


def prepare(text: str, *, offsets: bool = True) -> tuple[str, list[int] | None, list[int] | None]:
    """Return ``(scan_text, starts, ends)``.

    ``scan_text`` is ``text`` with HTML entities unescaped, NFKC applied and invisible
    fillers blanked; ``starts[i]``/``ends[i]`` give the span in ``text`` that produced
    character ``i`` of ``scan_text``. Both maps are ``None`` when ``scan_text is text``
    or when ``offsets=False`` (callers that need only the text: a faster pass).

    Each pass rewrites every segment on its own and keeps the text between segments
    (with ``offsets=False`` that is exactly ``_SEGMENT_RE.sub``); entities can be
    escaped several times (``&amp;amp;``), so passes repeat until nothing changes.
    """
    if not _needs_work(text):
        return text, None, None
    cur, starts, ends = text, None, None
    for _ in range(8):
        if not offsets:
            new = _SEGMENT_RE.sub(_scan_segment, cur)
            if new == cur:
                break
            cur = new
            continue
        step = _one_pass(cur)
        if step is None:
            break
        new, s2, e2 = step
        if starts is None:
            starts, ends = s2, e2
        else:
            starts = [starts[i] for i in s2]
            ends = [ends[i - 1] for i in e2]
        cur = new
    return cur, starts, ends
