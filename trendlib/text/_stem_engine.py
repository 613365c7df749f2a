"""Sastrawi's stemmer, made fast without changing a single result (internal).

Three changes to how ``Sastrawi.Stemmer.Stemmer.Stemmer`` (PySastrawi 1.0.1) runs, each
exact for words of ``a-z0-9-``; tests/test_text_stem.py checks the output equals the
plain Sastrawi classes on thousands of real words and stock Sastrawi on a sample:

1. :class:`SetDictionary`: ``contains`` is a set lookup, not a scan of a 30k-word list.
2. Prefix rules dispatched by first letter (:func:`engine_class`): a rule that cannot
   match the word's first letter is skipped instead of tried.
3. :func:`_literal_visitors`: the removed affix is found with ``str.replace`` instead of
   a regex compiled from the word, which kept evicting Sastrawi's rule patterns from
   ``re``'s cache.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

__all__ = ["SetDictionary", "engine_class"]


def _first_chars(pattern: str) -> frozenset[str] | None:
    """Characters a regex can match first (after ``^``), or None when not a simple set."""
    try:
        from re import _parser as sre_parse  # Python >= 3.11
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]
    items = list(sre_parse.parse(pattern))
    while items and str(items[0][0]) == "AT":
        items = items[1:]
    while items and str(items[0][0]) == "SUBPATTERN":
        items = list(items[0][1][-1])
    if not items:
        return None
    op, arg = items[0]
    if str(op) == "LITERAL":
        return frozenset(chr(arg))
    if str(op) == "IN":
        chars = set()
        for sub_op, sub_arg in arg:
            if str(sub_op) == "LITERAL":
                chars.add(chr(sub_arg))
            elif str(sub_op) == "RANGE":
                chars.update(chr(x) for x in range(sub_arg[0], sub_arg[1] + 1))
            else:
                return None
        return frozenset(chars)
    return None


_GATE = re.compile(r"""re\.match\(r'([^']*)',\s*word\)|word == '([^']*)'""")


def _visitor_first_chars(visitor: Any) -> frozenset[str] | None:
    """First letters of the words a Sastrawi prefix visitor can change; None = any.

    Read from the source of each disambiguator: every ``re.match(r'...', word)`` pattern
    and ``word == '...'`` literal; a disambiguator without such a gate, or with a pattern
    that is not a plain character set, makes the visitor apply to any word.
    """
    from Sastrawi.Stemmer.Context.Visitor.RemovePlainPrefix import RemovePlainPrefix

    disambiguators = getattr(visitor, "disambiguators", None)
    if disambiguators is None:  # RemovePlainPrefix: ^(di|ke|se)
        return frozenset("dks") if isinstance(visitor, RemovePlainPrefix) else None
    chars: set[str] = set()
    for d in disambiguators:
        first = _disambiguator_first_chars(type(d))
        if first is None:
            return None
        chars |= first
    return frozenset(chars)


@lru_cache(maxsize=None)
def _disambiguator_first_chars(cls: type) -> frozenset[str] | None:
    import inspect

    try:
        src = inspect.getsource(cls.disambiguate)
    except (OSError, TypeError):
        return None
    gates = _GATE.findall(src)
    if not gates:
        return None
    chars: set[str] = set()
    for pattern, literal in gates:
        first = frozenset(literal[:1]) if literal else _first_chars(pattern)
        if not first:
            return None
        chars |= first
    return frozenset(chars)


def _prefix_dispatch(visitors: list[Any]) -> dict[str, tuple[Any, ...]] | None:
    """Map a word's first letter to the prefix visitors that can act on it (in order)."""
    firsts = [_visitor_first_chars(v) for v in visitors]
    letters = set().union(*(f for f in firsts if f))
    table = {ch: tuple(v for v, f in zip(visitors, firsts) if f is None or ch in f) for ch in letters}
    table[""] = tuple(v for v, f in zip(visitors, firsts) if f is None)  # any other letter
    return table


def _literal_visitors(visitors: list[Any]) -> list[Any]:
    """The same visitors, recording the removed part with ``str.replace``.

    Sastrawi computes it as ``re.sub(result, '', word, 1)``: the result word used as a
    regex, one new pattern per word, which churns ``re``'s 512-pattern cache and makes
    it recompile Sastrawi's own ~100 rule patterns over and over. For words of
    ``a-z0-9-`` (the only ones we pass) the two are identical.
    """
    from Sastrawi.Stemmer.Context.Removal import Removal
    from Sastrawi.Stemmer.Context.Visitor.AbstractDisambiguatePrefixRule import (
        AbstractDisambiguatePrefixRule,
    )

    def plain_visit(self, context):
        word = context.current_word
        result = self.remove(word)
        if result != word:
            context.add_removal(Removal(self, word, result, word.replace(result, "", 1), self.affix_type))
            context.current_word = result

    def disambiguate_visit(self, context):
        word = context.current_word
        contains = context.dictionary.contains
        result = None
        for disambiguator in self.disambiguators:
            result = disambiguator.disambiguate(word)
            if contains(result):
                break
        if not result:
            return
        context.add_removal(Removal(self, word, result, word.replace(result, "", 1), "DP"))
        context.current_word = result

    affix_types = {
        "RemovePlainPrefix": "DP",
        "RemoveDerivationalSuffix": "DS",
        "RemoveInflectionalParticle": "P",
        "RemoveInflectionalPossessivePronoun": "PP",
    }
    out = []
    for v in visitors:
        cls = type(v)
        if isinstance(v, AbstractDisambiguatePrefixRule) and cls.visit is AbstractDisambiguatePrefixRule.visit:
            new = object.__new__(type("Literal" + cls.__name__, (cls,), {"visit": disambiguate_visit}))
            new.__dict__.update(v.__dict__)
        elif cls.__name__ in affix_types and "visit" in cls.__dict__:
            new = type("Literal" + cls.__name__, (cls,), {"visit": plain_visit, "affix_type": affix_types[cls.__name__]})()
        else:
            new = v  # unknown visitor: keep Sastrawi's own
        out.append(new)
    return out


@lru_cache(maxsize=None)
def engine_class() -> type:
    """Sastrawi's Stemmer whose contexts try only the prefix rules a word can meet.

    ``Context.accept_prefix_visitors`` walks all 41 prefix visitors in order and stops
    at the first that removes something; a visitor whose patterns cannot match the
    current word's first letter changes nothing, so skipping it gives the same result.
    """
    from Sastrawi.Stemmer.Context.Context import Context
    from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer

    class _DispatchContext(Context):
        dispatch: dict[str, tuple[Any, ...]] = {}

        def accept_prefix_visitors(self, visitors):
            table = self.dispatch
            if table:
                subset = table.get(self.current_word[:1], table[""])
                if not subset or subset[0] is not visitors[0]:
                    # the stock loop would first run a visitor that changes nothing,
                    # then return if the word is a root or the process was stopped
                    if self.dictionary.contains(self.current_word) or self.process_is_stopped:
                        return self.current_word
                visitors = subset
            return Context.accept_prefix_visitors(self, visitors)

    class _Engine(SastrawiStemmer):
        def __init__(self, dictionary):
            super().__init__(dictionary)
            vp = self.visitor_provider  # this instance's own lists; nothing global changes
            vp.suffix_visitors[:] = _literal_visitors(vp.suffix_visitors)
            vp.prefix_pisitors[:] = _literal_visitors(vp.prefix_pisitors)
            context = type("_Ctx", (_DispatchContext,), {})
            context.dispatch = _prefix_dispatch(self.visitor_provider.get_prefix_visitors()) or {}
            self._context = context

        def stem_singular_word(self, word):
            context = self._context(word, self.dictionary, self.visitor_provider)
            context.execute()
            return context.result

    return _Engine


class SetDictionary:
    """Duck-typed Sastrawi ``DictionaryInterface`` backed by a set (O(1) ``contains``)."""

    __slots__ = ("words",)

    def __init__(self, words: Iterable[str]) -> None:
        # a frozenset is used as is (no copy); add() switches to a private set
        self.words = words if isinstance(words, (set, frozenset)) else set(words)

    def contains(self, word: str) -> bool:
        return word in self.words

    def count(self) -> int:
        return len(self.words)

    def add(self, word: str) -> None:
        if word and word.strip():
            if isinstance(self.words, frozenset):
                self.words = set(self.words)
            self.words.add(word)

    def add_words(self, words: Iterable[str]) -> None:
        for word in words:
            self.add(word)
