"""News register: headlines and wire-style reports are not opinions.

Why: a keyword scrape about corruption or floods is full of news accounts posting their
headlines ("Direktur PDAM Dipenjara 1 Tahun karena Korupsi https://..."). Every word of
such a headline can carry lexicon valence (dipenjara, korupsi), yet the post reports an
event; counting it as negative opinion turns a news stream into "84% negative". The
scorer therefore recognises the register of news and scales the polarity of such posts
by ``news_factor`` (``rules.json``; 0: neutral).

The detector looks at form, never at topic words, so it cannot be fooled into silence by
an opinion about the same event:

* **no voice of a person**: no emoji or emoticon, no ``!`` or ``?``, no first or second
  person (aku, gue, kamu, kita ...), no conversational particle (sih, dong, deh, kok,
  wkwk ...), no slang that normalisation had to expand, no shouting (a long word in
  capitals), fewer than two @mentions (replies tag people; headlines do not);
* and **the shape of news**: at least 4 words, of which at least 60% of the content
  words are Capitalised (Title Case, "Direktur PDAM Dipenjara ... Karena Korupsi"); or a
  plain sentence that attributes speech to a source (kata, ujar, menurut, dilansir ...)
  and links to the article; or a lede: a sentence of at least 6 words that starts with a
  capital and ends in the link to the article ("Pasien meninggal di Tasikmalaya berusia
  56 tahun. https://t.co/...").

The thresholds and word lists were chosen on real posts (docs/sentiment_topic.md): on
the news-outlet accounts of the COVID-19 Jakarta scrape the detector fires on most
posts, and on labelled opinion tweets (Pilkada DKI 2017, EmoT) on very few.
"""

from __future__ import annotations

from typing import Any

__all__ = ["news_register", "chunk_news", "news_register_chunks", "PERSONAL", "REPORTING"]

#: first/second person and conversational particles: a person speaking, not a newsroom
PERSONAL = frozenset(
    "aku saya gue gua gw ane ana ku daku kamu kau engkau lu lo loe elu elo anda kalian "
    "kita kami sih dong deh kok kan lho loh nih tuh yuk ayo mah wkwk wkwkwk haha hahaha "
    "hehe wow anjir anjay astaga duh aduh huft hmm oh ah".split()
)
#: words that attribute a statement to a source, as wire reports do
REPORTING = frozenset(
    "kata ujar ucap ungkap ungkapnya ujarnya katanya tutur tuturnya jelas jelasnya "
    "menurut dilansir dikutip melansir mengutip sebut sebutnya tegas tegasnya terang "
    "terangnya".split()
)
# function words that Title Case headlines may leave in lower case
_MINOR = frozenset("di ke dari dan yang untuk dengan atau pada oleh dalam karena soal jadi ini itu".split())
ELONG = 1  # the scorer's elongation flag (trendlib.sentiment._rules.ELONG; tested equal)
MIN_WORDS = 4
LEDE_WORDS = 6
MAX_MENTIONS = 2
# short forms that formal news writing uses too (normalisation expands them)
_FORMAL_SHORT = frozenset("tak".split())
TITLE_SHARE = 0.6


def news_register(toks: list[Any]) -> str | None:
    """Why the tokens read as news (a short reason), or None when they read as a person.

    ``toks`` are the scorer's :class:`~trendlib.sentiment._rules.Tok` records.

    Examples
    --------
    >>> from trendlib.sentiment._scorer import analyse
    >>> news_register(analyse("Direktur PDAM Dipenjara 1 Tahun karena Korupsi"))
    'headline: 5 of 5 content words Capitalised, no personal voice'
    >>> news_register(analyse("direktur pdam dipenjara, mampus koruptor!")) is None
    True
    """
    # one implementation: the whole text is one chunk of the batch path's summaries
    return news_register_chunks((chunk_news(toks),))


def chunk_news(toks: Any) -> tuple:
    """What :func:`news_register` reads in the tokens of one chunk, summed up (batch path).

    ``(personal, mentions, words, content, capital, url, reporting, first_upper,
    last_kind)``: ``personal`` is True when a token is a person's voice (the reasons that
    make :func:`news_register` return None, bar the number of mentions, which adds up
    over the chunks); ``first_upper`` is whether the first word that is not a hashtag is
    Capitalised (None without such a word); ``last_kind`` the kind of the last token that
    is not punctuation (None without one). :func:`news_register_chunks` combines them.
    """
    words = content = capital = mentions = 0
    url = reporting = False
    first_upper = None
    last_kind = None
    for norm, kind, flags, orig, _ in toks:
        if kind != "punct":
            last_kind = kind
        if kind == "word":
            if orig[:1] == "#":  # a hashtag's words (#SayaPilihJokowi) are a tag, not a voice
                continue
            if norm in PERSONAL or flags & ELONG:
                return _PERSONAL_CHUNK
            low = orig.lower()
            acronym = orig.isupper() and len(orig) <= 6
            if orig.isupper() and not acronym and len(orig) > 6:
                return _PERSONAL_CHUNK
            if low != norm and not acronym and low not in _FORMAL_SHORT and low.replace("-", "") != norm.replace("-", ""):
                return _PERSONAL_CHUNK
            words += 1
            if first_upper is None:
                first_upper = orig[:1].isupper()
            if norm in REPORTING:
                reporting = True
            if low in _MINOR:
                continue
            content += 1
            if orig[:1].isupper():
                capital += 1
        elif kind == "punct":
            if "!" in norm or "?" in norm:
                return _PERSONAL_CHUNK
        elif kind == "emoji" or kind == "emoticon":
            return _PERSONAL_CHUNK
        elif kind == "url":
            url = True
        elif kind == "mention":
            mentions += 1
    return (False, mentions, words, content, capital, url, reporting, first_upper, last_kind)


_PERSONAL_CHUNK = (True, 0, 0, 0, 0, False, False, None, None)


def news_register_chunks(chunks: Any) -> str | None:
    """:func:`news_register` of a text from the :func:`chunk_news` of its chunks, in order.

    The same answer as ``news_register`` of the text's tokens: every way that function
    returns None early is a condition on the whole text that the sums and flags keep
    (a personal token anywhere, two mentions in all, a first word in lower case with no
    link anywhere), and the rest reads the totals.
    """
    words = content = capital = mentions = 0
    url = reporting = False
    first_upper = None
    last_kind = None
    for personal, m, w, c, cap, u, rep, fu, lk in chunks:
        if personal:
            return None
        mentions += m
        words += w
        content += c
        capital += cap
        url = url or u
        reporting = reporting or rep
        if first_upper is None:
            first_upper = fu
        if lk is not None:
            last_kind = lk
    if mentions >= MAX_MENTIONS:
        return None
    if first_upper is False and not url:
        return None  # starts in lower case and links nothing: no headline, lede or report
    if words < MIN_WORDS or not content:
        return None
    if capital >= TITLE_SHARE * content and capital >= 3:
        return f"headline: {capital} of {content} content words Capitalised, no personal voice"
    if reporting and url:
        return "report: a statement attributed to a source, with a link, no personal voice"
    if last_kind == "url" and first_upper and words >= LEDE_WORDS:
        return "report: a formal sentence ending in a link, no personal voice"
    return None
