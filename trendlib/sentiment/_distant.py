"""Distant supervision: polarity labels for unlabeled tweets from their emoji and emoticons.

Why: the labelled Indonesian sentiment sets are reviews (SmSA) or 2018 fan tweets (EmoT);
the users' data is political discourse on X. Unlabeled real tweets of that register are
plentiful, and a post whose only emoji are clearly positive (😍 🙏 👍 :)) or clearly
negative (😡 🤬 💔 :() carries its writer's own label (Go, Bhayani & Huang 2009; Read
2005). The emoji are removed from the text, so a model trained on these rows learns the
*words* that go with them, not the emoji themselves.

:func:`lexicon_labels` is the second source: the posts that the lexicon+rules scorer
reads with confidence (``|polarity| >= 0.5``; news-register posts score 0 and never
qualify). A classifier trained on them learns the *other* words of confident posts of
the users' own register (political slang, names used as insults, hashtags of a side),
which the lexicon cannot know; it is self-training in the sense of Yarowsky (1995).

Emoji whose use on Indonesian Twitter is ambiguous are never labels: 😭 (both crying and
laughing), 😂 and 🤣 (joy, but mostly mockery in replies), 😅 and 🙃 (irony). A post with
emoji of both signs gets no label.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["emoji_labels", "lexicon_labels", "AMBIGUOUS"]

#: emoji that never serve as a label (see the module docstring)
AMBIGUOUS = frozenset({"😭", "😂", "🤣", "😅", "🙃"})


def emoji_labels(texts: Iterable[str], *, min_abs: float = 0.4, min_words: int = 3) -> Any:
    """Label tweets by their emoji and emoticons; remove the emoji from the text.

    Parameters
    ----------
    texts : iterable of str
        Unlabeled posts.
    min_abs : float, default 0.4
        Smallest magnitude of an emoji's valence (``data/emoji_valence.tsv``) for it to
        count as a label.
    min_words : int, default 3
        Posts with fewer words left after removing the emoji are dropped.

    Returns
    -------
    pandas.DataFrame
        ``text`` (emoji and emoticons that gave the label removed) and ``label``
        (``"positive"`` / ``"negative"``), one row per labelled distinct text. ``attrs``
        counts the posts seen, labelled, mixed and too short.

    Examples
    --------
    >>> emoji_labels(["mantap pelayanannya hari ini 😍", "antri lama banget 😡",
    ...               "wkwk ngakak 😂", "ok 👍"])[["text", "label"]]
                              text     label
    0  mantap pelayanannya hari ini  positive
    1           antri lama banget  negative
    """
    import pandas as pd

    from ..text import tokens
    from ._lexicon import _emoji_table

    table = _emoji_table()
    rows: list[tuple[str, str]] = []
    seen = mixed = short = 0
    for text in dict.fromkeys(t for t in texts if isinstance(t, str)):
        seen += 1
        spans, signs = [], set()
        for tok in tokens(text):
            if tok.kind not in ("emoji", "emoticon"):
                continue
            key = tok.norm.replace("\ufe0f", "")
            if key in AMBIGUOUS:
                continue
            v = table.get(key, table.get(tok.text.lower(), 0.0))
            if abs(v) >= min_abs:
                spans.append((tok.start, tok.end))
                signs.add(v > 0)
        if not signs:
            continue
        if len(signs) > 1:
            mixed += 1
            continue
        out = text
        for a, b in sorted(spans, reverse=True):
            out = out[:a] + " " + out[b:]
        out = " ".join(out.split())
        if len(out.split()) < min_words:
            short += 1
            continue
        rows.append((out, "positive" if signs.pop() else "negative"))
    frame = pd.DataFrame(rows, columns=["text", "label"]).drop_duplicates("text", ignore_index=True)
    frame.attrs.update({"posts": seen, "labelled": len(frame), "mixed": mixed, "too_short": short})
    return frame


def lexicon_labels(texts: Iterable[str], *, min_abs: float = 0.5) -> Any:
    """Label posts that the lexicon+rules scorer reads with confidence (self-training).

    Parameters
    ----------
    texts : iterable of str
        Unlabeled posts.
    min_abs : float, default 0.5
        Smallest ``|polarity|`` (:func:`trendlib.sentiment.polarity`) for a label.

    Returns
    -------
    pandas.DataFrame
        ``text`` and ``label`` (``"positive"`` / ``"negative"``), one row per distinct text.

    Examples
    --------
    >>> lexicon_labels(["pelayanannya ramah banget, mantap", "besok rapat jam 9",
    ...                 "kecewa berat, barang rusak"])["label"].tolist()
    ['positive', 'negative']
    """
    import numpy as np
    import pandas as pd

    from ._posts import add_sentiment

    distinct = list(dict.fromkeys(t for t in texts if isinstance(t, str)))
    scored = add_sentiment(pd.DataFrame({"text": distinct}))
    sure = scored[scored["polarity"].abs() >= min_abs]
    out = pd.DataFrame({"text": sure["text"].to_numpy(),
                        "label": np.where(sure["polarity"].to_numpy() > 0, "positive", "negative")})
    out.attrs.update({"posts": len(distinct), "labelled": len(out)})
    return out
