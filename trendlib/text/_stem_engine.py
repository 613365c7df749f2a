"""Sastrawi's stemmer, made fast without changing a single result (internal).

Changes to how ``Sastrawi.Stemmer.Stemmer.Stemmer`` (PySastrawi 1.0.1) runs, each exact
for words of ``a-z0-9-``; tests/test_text_stem.py checks the output equals the plain
Sastrawi classes on thousands of real and generated words and stock Sastrawi on a sample:

1. :class:`SetDictionary`: ``contains`` is a set lookup, not a scan of a 30k-word list.
2. Prefix rules dispatched on a word's first four letters (:class:`_PrefixDispatch`): a
   rule whose patterns cannot match them is skipped instead of tried. The patterns are
   read from each rule's source, so no rule is copied here.
3. :func:`_literal_visitors`: the removed affix is found with ``str.replace`` instead of
   a regex compiled from the word, which kept evicting Sastrawi's rule patterns from
   ``re``'s cache.
4. Sastrawi's own rule functions run with a stand-in for ``re`` that keeps their
   patterns compiled (:func:`_compiled_re`); the six-pattern precedence test is one
   regex (:func:`_precedence_spec`); the context's visitor loops look the set up
   directly instead of through method calls.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

__all__ = ["SetDictionary", "engine_class"]


def _prefix_sets(pattern: str) -> tuple[frozenset[str], ...]:
    """Characters a regex must match at positions 0, 1, ... of the word (``re.match``).

    Reads the leading literals and plain character sets of the pattern (groups are
    opened); stops at the first element that is anything else (a repeat, a branch, ...).
    Every word the pattern matches has, at each position ``i`` of the result, a
    character of ``result[i]``: a necessary condition, never a sufficient one.
    """
    try:
        from re import _parser as sre_parse  # Python >= 3.11
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse  # type: ignore[no-redef]

    def flat(items):
        for op, arg in items:
            if str(op) == "SUBPATTERN":
                yield from flat(arg[-1])
            else:
                yield op, arg

    out: list[frozenset[str]] = []
    for i, (op, arg) in enumerate(flat(sre_parse.parse(pattern))):
        name = str(op)
        if name == "AT" and i == 0 and str(arg) == "AT_BEGINNING":
            continue
        if name == "LITERAL":
            out.append(frozenset(chr(arg)))
        elif name == "IN":
            chars: set[str] = set()
            for sub_op, sub_arg in arg:
                if str(sub_op) == "LITERAL":
                    chars.add(chr(sub_arg))
                elif str(sub_op) == "RANGE":
                    chars.update(chr(x) for x in range(sub_arg[0], sub_arg[1] + 1))
                else:  # NEGATE, categories: stop here
                    return tuple(out)
            out.append(frozenset(chars))
        else:
            break
    return tuple(out)


_GATE = re.compile(r"""re\.match\(r'([^']*)',\s*word\)|word == '([^']*)'""")

# A gate: the character sets a word must show at its first positions for a rule to act.
Gate = tuple[frozenset[str], ...]


def _visitor_gates(visitor: Any) -> tuple[Gate, ...] | None:
    """Gates of a Sastrawi prefix visitor: it changes a word only if one gate fits it.

    Read from the source of each disambiguator: every ``re.match(r'...', word)`` pattern
    and ``word == '...'`` literal (each of Sastrawi's 1.0.1 rules returns a result only
    inside such a test). None (= may act on any word) for a visitor we cannot read.
    """
    from Sastrawi.Stemmer.Context.Visitor.RemovePlainPrefix import RemovePlainPrefix

    disambiguators = getattr(visitor, "disambiguators", None)
    if disambiguators is None:  # RemovePlainPrefix: ^(di|ke|se)
        if isinstance(visitor, RemovePlainPrefix):
            return tuple(tuple(frozenset(c) for c in p) for p in ("di", "ke", "se"))
        return None
    gates: list[Gate] = []
    for d in disambiguators:
        got = _disambiguator_gates(type(d))
        if got is None:
            return None
        gates.extend(got)
    return tuple(gates)


@lru_cache(maxsize=None)
def _disambiguator_gates(cls: type) -> tuple[Gate, ...] | None:
    import inspect

    try:
        src = inspect.getsource(cls.disambiguate)
    except (OSError, TypeError):
        return None
    found = _GATE.findall(src)
    if not found:
        return None
    gates = []
    for pattern, literal in found:
        gate = tuple(frozenset(c) for c in literal) if literal else _prefix_sets(pattern)
        if not gate:
            return None
        gates.append(gate)
    return tuple(gates)


def _gate_regex(gates: tuple[Gate, ...], k: int) -> re.Pattern[str]:
    """One regex matching the keys (a word's first ``k`` characters, or the whole word
    when shorter) that can pass one of ``gates``: each gate's first ``k`` sets in a row."""

    def char_class(chars: frozenset[str]) -> str:
        return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"

    return re.compile("|".join("".join(char_class(c) for c in g[:k]) for g in gates))


# Words are dispatched on their first _KEY characters.
_KEY = 4


class _PrefixDispatch(dict):
    """``word[:_KEY]`` -> the prefix visitors (in Sastrawi's order) that can act on it.

    Filled lazily: each key is computed once, from the visitors that may act on its
    first letter, by testing the key against each one's gate regex. Visitors without
    gates are kept for every key.
    """

    def __init__(self, visitors: list[Any]) -> None:
        super().__init__()
        tests = []  # (visitor, its gate test or None, the first letters it accepts)
        for v in visitors:
            gates = _visitor_gates(v)
            if gates is None:
                tests.append((v, None, frozenset()))
            else:
                tests.append((v, _gate_regex(gates, _KEY).match, frozenset().union(*(g[0] for g in gates))))
        letters = frozenset().union(*(first for _, _, first in tests))
        self.by_letter = {
            ch: tuple((v, t) for v, t, first in tests if t is None or ch in first) for ch in letters
        }
        self.other = tuple((v, t) for v, t, _ in tests if t is None)  # any other first letter

    def __missing__(self, key: str) -> tuple[Any, ...]:
        subset = tuple(
            v for v, test in self.by_letter.get(key[:1], self.other) if test is None or test(key) is not None
        )
        self[key] = subset
        return subset


def _compiled_re() -> Any:
    """A stand-in for the ``re`` module inside Sastrawi's rule functions.

    ``match`` and ``sub`` behave exactly like ``re.match`` / ``re.sub`` but keep each
    string pattern compiled in a private dict, so the ~900k rule tests of a cold pass
    skip ``re._compile``'s type checks and cache look-up (and cannot be evicted from
    ``re``'s 512-entry cache).
    """
    from types import SimpleNamespace

    matchers: dict[str, Any] = {}
    subbers: dict[str, Any] = {}

    def match(pattern, string, flags=0):
        if flags or not isinstance(pattern, str):
            return re.match(pattern, string, flags)
        m = matchers.get(pattern)
        if m is None:
            m = matchers[pattern] = re.compile(pattern).match
        return m(string)

    def sub(pattern, repl, string, count=0, flags=0):
        if flags or not isinstance(pattern, str):
            return re.sub(pattern, repl, string, count, flags)
        m = subbers.get(pattern)
        if m is None:
            m = subbers[pattern] = re.compile(pattern).sub
        return m(repl, string, count)

    return SimpleNamespace(match=match, sub=sub)


def _rebound(func: Any, **names: Any) -> Any:
    """A copy of ``func`` whose global names ``names`` point elsewhere (same code)."""
    from types import FunctionType

    env = dict(func.__globals__)
    env.update(names)
    new = FunctionType(func.__code__, env, func.__name__, func.__defaults__, func.__closure__)
    new.__kwdefaults__ = func.__kwdefaults__
    new.__qualname__ = func.__qualname__
    return new


def _literal_visitors(visitors: list[Any], fast_re: Any) -> list[Any]:
    """The same visitors, recording the removed part with ``str.replace``.

    Sastrawi computes it as ``re.sub(result, '', word, 1)``: the result word used as a
    regex, one new pattern per word, which churns ``re``'s 512-pattern cache and makes
    it recompile Sastrawi's own ~100 rule patterns over and over. For words of
    ``a-z0-9-`` (the only ones we pass) the two are identical. The rules themselves
    (``disambiguate``, ``remove``) are Sastrawi's code run with ``fast_re``
    (:func:`_compiled_re`) in place of ``re``.
    """
    from Sastrawi.Stemmer.Context.Removal import Removal
    from Sastrawi.Stemmer.Context.Visitor.AbstractDisambiguatePrefixRule import (
        AbstractDisambiguatePrefixRule,
    )

    def plain_visit(self, context):
        word = context.current_word
        result = self.remove(word)
        if result != word:
            context.removals.append(Removal(self, word, result, word.replace(result, "", 1), self.affix_type))
            context.current_word = result

    def disambiguate_visit(self, context):
        word = context.current_word
        words = context.dictionary.words
        result = None
        for rule in self.rules:
            result = rule(word)
            if result in words:
                break
        if not result:
            return
        context.removals.append(Removal(self, word, result, word.replace(result, "", 1), "DP"))
        context.current_word = result

    def fast(method: Any, obj: Any) -> Any:
        return _rebound(method, re=fast_re).__get__(obj)

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
            new.rules = tuple(fast(type(d).disambiguate, d) for d in v.disambiguators)
        elif cls.__name__ in affix_types and "visit" in cls.__dict__:
            new = type("Literal" + cls.__name__, (cls,), {"visit": plain_visit, "affix_type": affix_types[cls.__name__]})()
            new.remove = fast(cls.remove, new)
        else:
            new = v  # unknown visitor: keep Sastrawi's own
        out.append(new)
    return out


def _precedence_spec(cls: type, fast_re: Any) -> Any:
    """Sastrawi's confix-stripping precedence test as one precompiled regex.

    ``is_satisfied_by`` tries six ``re.match`` patterns in turn (``^be(.*)lah$``,
    ``^me(.*)i$``, ...); their alternation matches exactly when one of them does. The
    patterns are read from Sastrawi's code; if that fails, its own method runs with
    precompiled patterns instead.
    """
    from types import SimpleNamespace

    patterns = []
    for const in cls.is_satisfied_by.__code__.co_consts:
        for item in const if isinstance(const, tuple) else (const,):
            if isinstance(item, str) and item.startswith("^"):
                patterns.append(item)
    if len(patterns) != 6:  # not the PySastrawi 1.0.1 code we know
        spec = cls()
        spec.is_satisfied_by = _rebound(cls.is_satisfied_by, re=fast_re).__get__(spec)
        return spec
    match = re.compile("|".join(f"(?:{p})" for p in patterns)).match
    return SimpleNamespace(is_satisfied_by=lambda value: match(value) is not None, patterns=tuple(patterns))


@lru_cache(maxsize=None)
def engine_class() -> type:
    """Sastrawi's Stemmer whose contexts try only the prefix rules a word can meet.

    ``Context.accept_prefix_visitors`` walks all 41 prefix visitors in order and stops
    at the first that removes something; a visitor whose patterns cannot match the
    current word's first characters changes nothing, so skipping it gives the same
    result. Sastrawi's own methods that test string patterns (the rules, the precedence
    specification, plural detection) run unchanged with precompiled patterns.

    The engine's dictionary must be a :class:`SetDictionary` (its ``words`` set is
    read directly).
    """
    from Sastrawi.Stemmer.ConfixStripping.PrecedenceAdjustmentSpecification import (
        PrecedenceAdjustmentSpecification,
    )
    from Sastrawi.Stemmer.Context.Context import Context
    from Sastrawi.Stemmer.Stemmer import Stemmer as SastrawiStemmer

    fast_re = _compiled_re()
    spec = _precedence_spec(PrecedenceAdjustmentSpecification, fast_re)

    class _DispatchContext(Context):
        dispatch: dict[str, tuple[Any, ...]] = {}
        provider: Any = None

        def __init__(self, original_word, dictionary, visitor_provider):
            # Context.__init__ + init_visitors, without the method calls
            self.original_word = original_word
            self.current_word = original_word
            self.dictionary = dictionary
            self.visitor_provider = visitor_provider
            self.process_is_stopped = False
            self.removals = []
            self.visitors = visitor_provider.visitors
            self.suffix_visitors = visitor_provider.suffix_visitors
            self.prefix_pisitors = visitor_provider.prefix_pisitors
            self.result = ""

        # Sastrawi's step 1-5, with one shared precompiled precedence specification
        start_stemming_process = _rebound(
            Context.start_stemming_process, PrecedenceAdjustmentSpecification=lambda: spec
        )

        def accept_visitors(self, visitors):
            # Context.accept_visitors, with the set looked up directly
            words = self.dictionary.words
            for visitor in visitors:
                visitor.visit(self)
                if self.current_word in words or self.process_is_stopped:
                    return self.current_word
            return None

        def remove_prefixes(self):
            words = self.dictionary.words
            for _ in range(3):
                self.accept_prefix_visitors(self.prefix_pisitors)
                if self.current_word in words:
                    return

        def accept_prefix_visitors(self, visitors):
            word = self.current_word
            subset = self.dispatch[word[:_KEY]]
            if not subset or subset[0] is not visitors[0]:
                # the stock loop would first run a visitor that changes nothing,
                # then return if the word is a root or the process was stopped
                if word in self.dictionary.words or self.process_is_stopped:
                    return word
            # Context.accept_prefix_visitors over the subset
            words = self.dictionary.words
            count = len(self.removals)
            for visitor in subset:
                visitor.visit(self)
                if self.current_word in words or self.process_is_stopped:
                    return self.current_word
                if len(self.removals) > count:
                    return None
            return None

    class _Engine(SastrawiStemmer):
        is_plural = _rebound(SastrawiStemmer.is_plural, re=fast_re)
        stem_plural_word = _rebound(SastrawiStemmer.stem_plural_word, re=fast_re)

        def __init__(self, dictionary):
            if not isinstance(dictionary, SetDictionary):
                raise TypeError(f"expected a SetDictionary, got {type(dictionary).__name__}")
            super().__init__(dictionary)
            vp = self.visitor_provider  # this instance's own lists; nothing global changes
            vp.suffix_visitors[:] = _literal_visitors(vp.suffix_visitors, fast_re)
            vp.prefix_pisitors[:] = _literal_visitors(vp.prefix_pisitors, fast_re)
            context = type("_Ctx", (_DispatchContext,), {})
            context.dispatch = _PrefixDispatch(vp.prefix_pisitors)
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
