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
from functools import cache, lru_cache

import pymorphy3

from pipeline.rules import lexicon
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

_SLOTS = {"hundreds": _HUNDREDS, "tens": _TENS, "teens": _TEENS, "units": _UNITS,
          "alone": _ALONE}
# The seed words are pipeline/data/lexicon/number_words.csv; load_lexicon() reads them.
_SMALL_LEMMAS: dict[str, tuple[float, tuple[int, int]]] = {}
_SCALE_LEMMAS: dict[str, float] = {}
# Abbreviations never stand for a number on their own ("млн" alone is not 1e6).
_SCALE_ABBR: dict[str, float] = {}
# Surface forms that are far more often another word than a number ("семью" = family).
_AMBIGUOUS: frozenset[str] = frozenset()


def _slot(value: str) -> tuple[int, int]:
    """A slot name of number_words.csv ("tens") or explicit "top:bottom" numbers ("3:1")."""
    if value in _SLOTS:
        return _SLOTS[value]
    top, bottom = value.split(":")
    return int(top), int(bottom)


def load_lexicon() -> None:
    """(Re)read the seed words from pipeline/data/lexicon/number_words.csv; called on import,
    and by a caller that edited it (after `lexicon.rows.cache_clear()`)."""
    global _SMALL_LEMMAS, _SCALE_LEMMAS, _SCALE_ABBR, _AMBIGUOUS
    rows = [r for r in lexicon.rows("number_words") if r["word"]]
    _SMALL_LEMMAS = {r["word"]: (float(r["value"]), _slot(r["slot"]))
                     for r in rows if r["kind"] == "number"}
    _SCALE_LEMMAS = {r["word"]: float(r["value"]) for r in rows if r["kind"] == "scale"}
    _SCALE_ABBR = {r["word"]: float(r["value"]) for r in rows if r["kind"] == "scale_abbr"}
    _AMBIGUOUS = frozenset(r["word"] for r in rows if r["kind"] == "not_a_number")
    _forms.cache_clear()
    find_numbers.cache_clear()  # type: ignore[attr-defined]


@dataclass(frozen=True)
class _Word:
    value: float
    kind: str  # "small" | "scale"
    slots: tuple[int, int] = _ALONE
    # Only plural readings ("миллиардов", "миллиарды"): vague on their own ("несколько
    # миллиардов"); "тысячи" is also genitive singular ("более тысячи"), so it is not.
    plural_only: bool = False
    abbr: bool = False


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    """A word as the number forms key it (memoised: every word of every scanned text)."""
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
    # each word normalised as a slice of the text normalised once, when the slices are the
    # words' own (no letter lowered into two, no "Σ" lowered by its context): a _norm call
    # per word was ~1 % of the rules' CPU
    low_text = _norm.__wrapped__(text)
    sliced = len(low_text) == len(text) and "Σ" not in text
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        num = m.group("num")
        if num is None:
            low = low_text[s:e] if sliced else _norm(m.group("word"))
            if not run and low not in forms:
                continue  # no run is open (nor a "с"): a word that is no number changes nothing
        contiguous = prev_end >= 0 and _GAP_RE.fullmatch(text, prev_end, s) is not None
        if num is not None:
            if any(a <= s < b for a, b in phones):
                tok = None
            else:
                tok = _Tok(s, e, None, _digit_value(num))
        else:
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


@dataclass
class _Acc:
    """The number being read from a run: its total so far and the group below the last
    scale word ("сто двадцать" of "две тысячи сто двадцать")."""
    total: float = 0.0
    group: float = 0.0
    group_empty: bool = True
    last_bottom: int = 10
    last_mult: float = float("inf")
    multiplier: float = 1.0
    last_was_scale: bool = False

    @property
    def value(self) -> float:
        return self.total + (0.0 if self.group_empty else self.group)


def _take_half(acc: _Acc, run: list[_Tok], j: int) -> bool:
    """"три с половиной", "3 с половиной", "миллион с половиной": half of the last word;
    not after nothing and not twice."""
    if (acc.group_empty and not acc.last_was_scale) or run[j - 1].half:
        return False
    if acc.group_empty:
        acc.total += 0.5 * acc.last_mult
    else:
        acc.group += 0.5
    acc.last_bottom = 0
    acc.last_was_scale = False
    return True


def _take_scale(acc: _Acc, t: _Tok, first: bool) -> bool:
    """A scale word multiplies the group before it ("двести тысяч"); only a smaller scale
    may follow ("1 млрд 200 млн"), and a bare scale word later in the run starts anew."""
    m = t.value
    if m >= acc.last_mult or (acc.group_empty and not first):
        return False
    acc.total += (acc.group if not acc.group_empty else 1.0) * m
    acc.group, acc.group_empty = 0.0, True
    acc.last_bottom, acc.last_mult, acc.multiplier = 10, m, m
    acc.last_was_scale = True
    return True


def _take_small(acc: _Acc, run: list[_Tok], j: int) -> bool:
    """A number word or digits added to the group when its slot fits ("сто двадцать пять",
    not "пять двадцать"); a digit after a scale word needs a smaller scale next ("1 млрд
    200 млн", not "1 млрд 200")."""
    t = run[j]
    top, bottom = _slots(t)
    if top >= acc.last_bottom:
        return False
    if top == 5 and acc.last_was_scale:
        nxt = run[j + 1] if j + 1 < len(run) else None
        if not (nxt is not None and _is_scale(nxt) and nxt.value < acc.last_mult):
            return False
    acc.group += t.value
    acc.group_empty = False
    acc.last_bottom = bottom
    acc.last_was_scale = False
    return True


def _read_number(run: list[_Tok], i: int) -> tuple[int, _Acc]:
    """The longest number starting at token i: (end token, exclusive; what was read)."""
    acc = _Acc()
    j = i
    while j < len(run):
        t = run[j]
        if t.half:
            taken = _take_half(acc, run, j)
        elif _is_scale(t):
            taken = _take_scale(acc, t, j == i)
        else:
            taken = _take_small(acc, run, j)
        if not taken:
            break
        j += 1
    return max(j, i + 1), acc  # never loop forever


def _compose(run: list[_Tok]) -> list[tuple[int, int, float, float]]:
    """Split a run into numbers: (start_tok, end_tok_exclusive, value, multiplier). A scale
    word alone that is an abbreviation or only plural ("млн", "миллиарды") is no number."""
    out: list[tuple[int, int, float, float]] = []
    i, n = 0, len(run)
    while i < n:
        if run[i].half:
            i += 1
            continue
        j, acc = _read_number(run, i)
        only = run[i] if j == i + 1 else None
        vague = only is not None and only.word is not None and (
            only.word.abbr or only.word.plural_only
        )
        if not vague:
            out.append((i, j, acc.value, acc.multiplier))
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


load_lexicon()
