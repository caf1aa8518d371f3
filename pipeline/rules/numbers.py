"""Numbers written in digits or in Russian words, with character offsets.

Russian number words inflect ("двухсот", "полутора", "сорока"), so a plain lemma table
would miss most of them. The `number-parser` package handles many inflected forms but not
"полтора"/"с половиной", gives no offsets and is not a project dependency, so instead the
table of every surface form is generated once from pymorphy3 lexemes (already a
dependency). After that, recognition is a dict lookup per word: no pymorphy3 call per
sentence, which keeps the per-sentence cost in microseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pymorphy3

from pipeline.rules.memo import memo_text
from pipeline.rules.morph import morph as _shared_morph

__all__ = ["NumberMention", "find_numbers", "morph", "parse_number_words"]


@dataclass(frozen=True)
class NumberMention:
    start: int
    end: int
    value: float
    text: str
    # Last scale word applied ("28 млрд" -> 1e9, "сто двадцать тысяч" -> 1e3, "28" -> 1.0).
    # Money needs it: a scale word makes a number a money candidate even without a currency,
    # and "2–3 млрд" scales the bare lower bound by the upper bound's multiplier.
    multiplier: float = 1.0


def morph() -> pymorphy3.MorphAnalyzer:
    """The process-wide analyzer shared with the rest of the extraction."""
    return _shared_morph()


# (top, bottom) "slots" of a word inside one group below a scale word: a word may follow the
# previous one only if its top < the previous bottom, so "сто двадцать пять" chains but
# "пять двадцать" or "двадцать одиннадцать" split into separate numbers. 5 = only at group start.
_HUNDREDS = (3, 3)
_TENS = (2, 2)
_TEENS = (2, 1)
_UNITS = (1, 1)
_ALONE = (5, 0)  # "полтора", "ноль", digits: start a group, only a scale word may follow

_SMALL_LEMMAS: dict[str, tuple[float, tuple[int, int]]] = {
    "ноль": (0, _ALONE), "нуль": (0, _ALONE),
    "один": (1, _UNITS), "два": (2, _UNITS), "три": (3, _UNITS), "четыре": (4, _UNITS),
    "пять": (5, _UNITS), "шесть": (6, _UNITS), "семь": (7, _UNITS), "восемь": (8, _UNITS),
    "девять": (9, _UNITS),
    "двое": (2, _UNITS), "трое": (3, _UNITS), "четверо": (4, _UNITS), "пятеро": (5, _UNITS),
    "шестеро": (6, _UNITS), "семеро": (7, _UNITS),
    "полтора": (1.5, _ALONE),
    "десять": (10, _TEENS), "одиннадцать": (11, _TEENS), "двенадцать": (12, _TEENS),
    "тринадцать": (13, _TEENS), "четырнадцать": (14, _TEENS), "пятнадцать": (15, _TEENS),
    "шестнадцать": (16, _TEENS), "семнадцать": (17, _TEENS), "восемнадцать": (18, _TEENS),
    "девятнадцать": (19, _TEENS),
    "двадцать": (20, _TENS), "тридцать": (30, _TENS), "сорок": (40, _TENS),
    "пятьдесят": (50, _TENS), "шестьдесят": (60, _TENS), "семьдесят": (70, _TENS),
    "восемьдесят": (80, _TENS), "девяносто": (90, _TENS),
    "сто": (100, _HUNDREDS), "двести": (200, _HUNDREDS), "триста": (300, _HUNDREDS),
    "четыреста": (400, _HUNDREDS), "пятьсот": (500, _HUNDREDS), "шестьсот": (600, _HUNDREDS),
    "семьсот": (700, _HUNDREDS), "восемьсот": (800, _HUNDREDS), "девятьсот": (900, _HUNDREDS),
    "полтораста": (150, (3, 1)),
}
_SCALE_LEMMAS: dict[str, float] = {
    "тысяча": 1e3, "миллион": 1e6, "миллиард": 1e9, "триллион": 1e12,
}
# Abbreviations never stand for a number on their own ("млн" alone is not 1e6).
_SCALE_ABBR: dict[str, float] = {
    "тыс": 1e3, "млн": 1e6, "млрд": 1e9, "трлн": 1e12,
}
# Surface forms that are far more often another word than a number ("семью" = family).
_AMBIGUOUS = {"семью", "одни", "одних", "одними", "ноли", "нули", "нолей", "нулей"}


@dataclass(frozen=True)
class _Word:
    value: float
    kind: str  # "small" | "scale"
    slots: tuple[int, int] = _ALONE
    # Only plural readings ("миллиардов", "миллиарды"): vague on their own ("несколько
    # миллиардов"); "тысячи" is also genitive singular ("более тысячи"), so it is not.
    plural_only: bool = False
    abbr: bool = False


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е")


@cache
def _forms() -> dict[str, _Word]:
    """Every inflected form of every number lemma, built once from pymorphy3 lexemes."""
    m = morph()
    table: dict[str, _Word] = {}
    plural_seen: dict[str, set[bool]] = {}
    lemmas: dict[str, tuple[float, str, tuple[int, int]]] = {
        k: (v, "small", s) for k, (v, s) in _SMALL_LEMMAS.items()
    }
    lemmas.update({k: (v, "scale", _ALONE) for k, v in _SCALE_LEMMAS.items()})
    for lemma, (value, kind, slots) in lemmas.items():
        for parse in m.parse(lemma):
            if parse.normal_form.replace("ё", "е") != lemma:
                continue
            for form in parse.lexeme:
                word = _norm(form.word)
                if word in _AMBIGUOUS:
                    continue
                table[word] = _Word(value, kind, slots)
                if kind == "scale":
                    plural_seen.setdefault(word, set()).add(form.tag.number == "plur")
    # "полмиллиарда", "полумиллиона", "полтысячи": half of a scale word, one token
    for lemma, value in _SCALE_LEMMAS.items():
        for parse in m.parse(lemma):
            if parse.normal_form.replace("ё", "е") != lemma:
                continue
            for form in parse.lexeme:
                if form.tag.number == "sing":
                    for prefix in ("пол", "полу"):
                        table[prefix + _norm(form.word)] = _Word(value / 2, "scale", _ALONE)
    for word, flags in plural_seen.items():
        if flags == {True}:
            w = table[word]
            table[word] = _Word(w.value, w.kind, w.slots, plural_only=True)
    for abbr, value in _SCALE_ABBR.items():
        table[abbr] = _Word(value, "scale", _ALONE, abbr=True)
    return table


# A digit number: "28", "1,5", "1.5", "10 000", "10\u00a0000", "1 234,5". Groups of three
# after a space make one number; "30.01.2026" (a date) or "1.2.3" match nothing.
_SPACE = "[ \u00a0\u202f]"
_DIGITS = (
    rf"(?<![\w.,+])(?:\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d)|\d+)(?:[.,]\d+)?(?![.,]?\d)"
)
_TOKEN_RE = re.compile(rf"(?P<num>{_DIGITS})|(?P<word>[^\W\d_]+)")
_GAP_RE = re.compile(r"\s*")
# Phone numbers: "+7 (4012) 55-66-77", "8 800 555-35-35", "55-66-77".
_PHONE_RE = re.compile(
    r"(?:\+7|(?<!\d)8)[\s\-]*\(?\d{3,5}\)?[\s\-]*\d{1,3}(?:[\s\-]*\d{2}){2}(?!\d)"
    r"|(?<![\d\-])\d{2,3}-\d{2}-\d{2}(?![\d\-])"
)


@dataclass
class _Tok:
    start: int
    end: int
    word: _Word | None  # None for a digit token
    value: float
    half: bool = False  # the "с половиной" pseudo-token


def _digit_value(s: str) -> float:
    return float(re.sub(r"[ \u00a0\u202f]", "", s).replace(",", "."))


def _tokens(text: str) -> list[list[_Tok]]:
    """Number tokens grouped into runs separated only by whitespace."""
    phones = [(m.start(), m.end()) for m in _PHONE_RE.finditer(text)] if "-" in text else []
    forms = _forms()
    runs: list[list[_Tok]] = []
    run: list[_Tok] = []
    prev_end = -1
    pending_s: int | None = None  # start of a "с" that may begin "с половиной"
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        contiguous = prev_end >= 0 and _GAP_RE.fullmatch(text, prev_end, s) is not None
        if m.group("num") is not None:
            if any(a <= s < b for a, b in phones):
                tok = None
            else:
                tok = _Tok(s, e, None, _digit_value(m.group("num")))
        else:
            low = _norm(m.group("word"))
            if run and contiguous and low == "с" and pending_s is None:
                pending_s = s
                prev_end = e
                continue
            if pending_s is not None and contiguous and low == "половиной":
                run.append(_Tok(pending_s, e, None, 0.5, half=True))
                pending_s = None
                prev_end = e
                continue
            w = forms.get(low)
            if w is not None and w.abbr and text.startswith(".", e):
                e += 1
            tok = _Tok(s, e, w, w.value) if w is not None else None
        if pending_s is not None:  # "с" not followed by "половиной": the run ended before it
            contiguous = False
            pending_s = None
        if tok is None:
            if run:
                runs.append(run)
            run = []
            prev_end = -1
            continue
        if run and not contiguous:
            runs.append(run)
            run = []
        run.append(tok)
        prev_end = tok.end
    if run:
        runs.append(run)
    return runs


def _is_scale(t: _Tok) -> bool:
    return t.word is not None and t.word.kind == "scale"


def _slots(t: _Tok) -> tuple[int, int]:
    return _ALONE if t.word is None else t.word.slots


def _compose(run: list[_Tok]) -> list[tuple[int, int, float, float]]:
    """Split a run into numbers: (start_tok, end_tok_exclusive, value, multiplier)."""
    out: list[tuple[int, int, float, float]] = []
    i, n = 0, len(run)
    while i < n:
        first = run[i]
        if first.half:
            i += 1
            continue
        total = 0.0
        group = 0.0
        group_empty = True
        last_bottom = 10
        last_mult = float("inf")
        multiplier = 1.0
        last_was_scale = False
        j = i
        while j < n:
            t = run[j]
            if t.half:
                # "три с половиной", "3 с половиной", "миллион с половиной"; not twice.
                if (group_empty and not last_was_scale) or run[j - 1].half:
                    break
                if group_empty:
                    total += 0.5 * last_mult
                else:
                    group += 0.5
                last_bottom = 0
                last_was_scale = False
                j += 1
                continue
            if _is_scale(t):
                m = t.value
                if m >= last_mult or (group_empty and j > i):
                    break
                total += (group if not group_empty else 1.0) * m
                group, group_empty = 0.0, True
                last_bottom, last_mult, multiplier = 10, m, m
                last_was_scale = True
                j += 1
                continue
            top, bottom = _slots(t)
            if top >= last_bottom:
                break
            if top == 5 and last_was_scale:
                # "1 млрд 200 млн": a digit after a scale word needs a smaller scale next.
                nxt = run[j + 1] if j + 1 < n else None
                if not (nxt is not None and _is_scale(nxt) and nxt.value < last_mult):
                    break
            group += t.value
            group_empty = False
            last_bottom = bottom
            last_was_scale = False
            j += 1
        if j == i:  # cannot happen for a non-half first token, but never loop forever
            j = i + 1
        value = total + (0.0 if group_empty else group)
        only = run[i] if j == i + 1 else None
        vague = only is not None and only.word is not None and (
            only.word.abbr or only.word.plural_only
        )
        if not vague:
            out.append((i, j, value, multiplier))
        i = j
    return out


@memo_text
def find_numbers(text: str) -> list[NumberMention]:
    """Numbers in digits or words (maximal runs), with offsets into `text`.

    Phone numbers and dotted dates are skipped; years are ordinary numbers here. A scale
    word alone counts only when singular ("тысяча", "миллиона"), not "миллиарды".
    """
    result: list[NumberMention] = []
    for run in _tokens(text):
        for a, b, value, mult in _compose(run):
            s, e = run[a].start, run[b - 1].end
            result.append(NumberMention(s, e, value, text[s:e], mult))
    return result


def parse_number_words(text: str) -> float | None:
    """Value of a phrase that is exactly one number ("двухсот", "три с половиной"), else None.

    Strict on purpose: callers strip qualifiers ("около") themselves, so any other word
    means the phrase is not a number.
    """
    stripped = text.strip()
    if not stripped:
        return None
    found = find_numbers(stripped)
    if len(found) != 1 or found[0].start != 0 or found[0].end != len(stripped):
        return None
    return found[0].value
