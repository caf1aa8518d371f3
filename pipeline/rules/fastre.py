"""Regexes that skip, at each position, what cannot start a match.

Python's `re` looks for a match at every position of a text. A pattern of many case-
insensitive alternatives ("инвест|вложен|…|\\bФРП\\b", the investment cues) gets no
literal-prefix search, so each position tries every alternative: scanning every sentence
with such patterns was a third of the rules' CPU (benchmarks/profile_rules.py).
`compile_fast` prepends a lookahead of the characters a match can start with (read from
the parsed pattern); a position that fails it is skipped after one character-class test.

The matches are the same: a match of the pattern starts with one of those characters, and
the class is made of the pattern's own first items (its literals and classes), compiled
with the same flags (`re`'s parser itself turns an alternation of single characters into
such a class). When the first characters cannot be told (a pattern that may start with
any character, a negated class, a group reference, flags changed inside, or one that can
match the empty string), the pattern is compiled as it is.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_Items = list[tuple[Any, Any]]  # (opcode, value) items of a character class
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, *((sre.POSSESSIVE_REPEAT,)
                                              if hasattr(sre, "POSSESSIVE_REPEAT") else ()))


def _first_of_sequence(seq: Any) -> tuple[_Items, bool] | None:
    """(class items a match of the sequence can start with, whether it can match empty)."""
    items: _Items = []
    for op, av in seq:
        got = _first_of_item(op, av)
        if got is None:
            return None
        first, nullable = got
        items += first
        if not nullable:
            return items, False
    return items, True


def _first_of_item(op: Any, av: Any) -> tuple[_Items, bool] | None:
    if op is sre.LITERAL:
        return [(op, av)], False
    if op is sre.IN:
        if any(o is sre.NEGATE or o is sre.CATEGORY and v not in _CATEGORIES for o, v in av):
            return None
        return list(av), False
    if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
        return [], True  # zero-width: the next item starts the match
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _first_of_sequence(sub)
    if op is sre.BRANCH:
        items: _Items = []
        nullable = False
        for sub in av[1]:
            got = _first_of_sequence(sub)
            if got is None:
                return None
            items += got[0]
            nullable = nullable or got[1]
        return items, nullable
    if op in _REPEATS:
        low, _high, sub = av
        got = _first_of_sequence(sub)
        return None if got is None else (got[0], got[1] or low == 0)
    return None  # any character, a group reference, a conditional ...


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _class(items: _Items) -> str | None:
    parts = []
    for op, av in items:
        if op is sre.LITERAL:
            parts.append(_char(av))
        elif op is sre.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY:
            parts.append(_CATEGORIES[av])
        else:
            return None
    return "[" + "".join(dict.fromkeys(parts)) + "]" if parts else None


def first_class(pattern: str, flags: int = 0) -> str | None:
    """A character class (pattern text) of the characters a match of `pattern` can start
    with, or None when they cannot be told."""
    if flags & re.VERBOSE:
        return None  # a comment at the end would swallow the group's closing bracket
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    if parsed.state.flags & ~re.UNICODE != flags & ~re.UNICODE:
        return None  # flags set inside the pattern ("(?i)…"): compiled as it is
    got = _first_of_sequence(parsed)
    if got is None or got[1]:
        return None
    return _class(got[0])


def compile_fast(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)` with a lookahead of the characters a match can start
    with, when they can be told: the same matches, found sooner."""
    first = first_class(pattern, flags)
    if first is None:
        return re.compile(pattern, flags)
    try:
        return re.compile(f"(?={first})(?:{pattern})", flags)
    except re.error:
        return re.compile(pattern, flags)


def _required_in_sequence(seq: Any) -> set[int] | None:
    """Code points every match of the sequence holds (None: the pattern is not read)."""
    out: set[int] = set()
    for op, av in seq:
        if op is sre.LITERAL:
            out.add(av)
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None
            got = _required_in_sequence(sub)
            if got is None:
                return None
            out |= got
        elif op is sre.BRANCH:
            alts = [_required_in_sequence(sub) for sub in av[1]]
            if any(a is None for a in alts):
                return None
            out |= set.intersection(*alts) if alts else set()  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            got = _required_in_sequence(av[2])
            if got is None:
                return None
            out |= got
        elif op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return None
    return out


def required_chars(pattern: str, flags: int = 0) -> str:
    """Characters that every match of `pattern` holds, as they are written (only characters
    without case when `flags` ignore case): a text lacking one of them has no match, which
    `in` tells faster than a scan. Empty when none can be told."""
    if flags & re.VERBOSE:
        return ""
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return ""
    if parsed.state.flags & ~re.UNICODE != flags & ~re.UNICODE:
        return ""
    got = _required_in_sequence(parsed) or set()
    chars = (chr(c) for c in sorted(got))
    return "".join(c for c in chars
                   if not flags & re.IGNORECASE or c.lower() == c.upper() == c.casefold())
