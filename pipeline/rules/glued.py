"""Words glued together by page extraction, split for the NLP only.

A page's text loses the spaces a layout made with markup: "натрех предприятиях",
"иАткарском", "ВСаратове", "попроизводству маргарина", "с1540 до1800 тонн" (real news dev
r13_018). The tagger reads such a token as one unknown word, and the regular expressions
find no "Саратове" or "по производству". `split_glued` gives the text the NLP and the rules
read with a space put back after the short word; `GluedView.original` maps its offsets back
to the document, so published offsets and evidence quote the page as it was.

Conservative: a token is split only when the whole token is a word neither pymorphy3 nor
the tagger's vocabulary knows ("Интел", "МегаФон", "вконтакте" stay) and the rest is a
word pymorphy3 knows in a case the short word governs (`glued_words.csv`), or when a
lower-case short word is glued to a capitalised known word ("иАткарском").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.rules import lexicon
from pipeline.rules.morph import morph

_POS = frozenset({"NOUN", "ADJF", "PRTF", "NUMR", "NPRO"})  # what a preposition governs
_CASE_ALIASES = {"loc2": "loct", "gen2": "gent", "acc2": "accs", "gen1": "gent",
                 "loc1": "loct", "voct": "nomn"}
_MIN_SCORE = 0.05  # pymorphy3's probability of the readings in a governed case
_MIN_REST = 3  # letters after the short word: "вос", "сбо" are cut-off words, not phrases
_MIN_WEAK = 3  # different short words glued lower-case that show a page lost its spaces
_MEMO_SIZE = 200_000
_DECIDED: dict[str, int] = {}
_NUMBER_WORD = re.compile(r"(?<![\w\-.,])\d+(?=([а-яё]{3,})(?![\w\-]))")
_TOKEN = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[А-ЯЁа-яё]{4,}")
_WORD = re.compile(r"(?<![\w\-])[А-ЯЁа-яё]{4,}(?![\w\-])")


@dataclass(frozen=True)
class GluedView:
    """The text the NLP reads and where its inserted spaces are (offsets in `text`)."""

    text: str
    inserted: tuple[int, ...] = ()

    def original(self, pos: int) -> int:
        """The document offset of a view offset (an inserted space maps to the word after it)."""
        return pos - bisect_left(self.inserted, pos) if self.inserted else pos


@cache
def _short_words() -> dict[str, tuple[str, frozenset[str]]]:
    """short word -> (role, governed cases), longest first."""
    rows = sorted(lexicon.rows("glued_words"), key=lambda r: -len(r["word"]))
    return {r["word"]: (r["role"], frozenset(r["cases"].split())) for r in rows}


@cache
def _digit_glue() -> re.Pattern[str]:
    """A short word glued to a number ("до1800 тонн"); the number must end the token."""
    short = sorted(lexicon.flagged("glued_words", "digits"), key=len, reverse=True)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(short) + r")(?=\d+(?:[.,]\d+)?(?![\w\-]))")


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    return morph().word_is_known(word)


def _governed(short: str, rest: str) -> bool:
    """Whether `rest` can follow `short` as a word of its phrase: after a preposition, a
    word whose likeliest reading is a noun, an adjective, a numeral or a pronoun, with a
    reading in a case the preposition governs. A particle ("дер") or a verb ("начал") of a
    word cut off at an excerpt's end ("поддер", "сначал") is no such word."""
    role, cases = _short_words()[short]
    parses = [p for p in morph().parse(rest) if p.is_known and "Abbr" not in p.tag]
    if not parses:
        return False
    if role == "conjunction":
        return True
    if parses[0].tag.POS not in _POS:
        return False
    return sum(p.score for p in parses if p.tag.POS in _POS
               and _CASE_ALIASES.get(p.tag.case, p.tag.case) in cases) >= _MIN_SCORE


@lru_cache(maxsize=65536)
def _split_lower(word: str) -> int:
    """Where a lower-case unknown token splits ("попроизводству" -> 2), 0 when it does not."""
    if _known(word):
        return 0
    for short in _short_words():
        rest = word[len(short):]
        if word.startswith(short) and len(rest) >= _MIN_REST and _known(rest) \
                and _governed(short, rest):
            return len(short)
    return 0


@lru_cache(maxsize=16384)
def _split_camel(word: str) -> int:
    """Where a short word glued to a capitalised word splits: lower-case "иАткарском",
    "вРоссии" (any known rest), or a capital one-letter preposition at a sentence start
    ("ВСаратове", the rest in a governed case); 0 when it does not."""
    if _known(word.lower()):
        return 0
    for short in _short_words():
        n = len(short)
        rest = word[n:]
        if word[:n].lower() != short or not rest[:1].isupper() or len(rest) < _MIN_REST:
            continue
        if not (rest[1:].islower() or (rest.isupper() and word[:n].islower())):
            continue
        if not _known(rest.lower()):
            continue
        if word[:n].islower():
            return n
        if short in _capital() and _governed(short, rest.lower()):
            return n
    return 0


@cache
def _capital() -> frozenset[str]:
    return lexicon.flagged("glued_words", "capital")


def _sentence_start(text: str, at: int) -> bool:
    j = at - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in ".!?…\n"


def _number_glue(text: str) -> list[int]:
    """Ends of numbers glued to the word after them ("18июня", "5млрд") and starts of
    numbers a short word is glued to ("до1800 тонн")."""
    cuts = [m.end() for m in _digit_glue().finditer(text)]
    cuts += [m.end() for m in _NUMBER_WORD.finditer(text) if _known(m.group(1))]
    return cuts


def _camel(word: str) -> bool:
    """A capital inside the word ("иАткарском", "ВСаратове"), not a name's first letter."""
    return not word.islower() and not word[1:].islower()


def _split_word(word: str) -> int:
    """Where a token splits, 0 for none (negative: only at a sentence start); memoised per
    process, since news repeats its words."""
    n = _DECIDED.get(word)
    if n is None:
        if len(_DECIDED) >= _MEMO_SIZE:
            _DECIDED.clear()
        if not _CYRILLIC.fullmatch(word):
            n = 0
        elif word.islower():
            n = _split_lower(word)
        elif word[1:].islower():
            n = -_split_lower(word.lower())
        else:
            n = _split_camel(word)
        _DECIDED[word] = n
    return n


def _cuts(text: str, in_vocab: Callable[[str], bool]) -> tuple[list[int], list[int]]:
    """Offsets of the spaces to insert: (camel-case and number glue, lower-case glue)."""
    tokens = set(_TOKEN.findall(text))  # one cheap pass: most pages have nothing to split
    mixed = any(not (t.isalpha() or t.isdigit()) for t in tokens)
    strong = _number_glue(text) if mixed else []
    weak: list[int] = []
    # a word of news is no glued pair ("соинвестора"); camel case is glue whatever the
    # vocabulary says, which learned "вмоскве" from pages that lost their spaces
    split = {w: n for w in tokens if (n := _split_word(w))
             and (_camel(w) or not in_vocab(w.lower()))}
    if not split:
        return strong, weak
    for m in _WORD.finditer(text):
        n = split.get(m.group())
        if not n:
            continue
        # a capitalised word is a name, unless a sentence starts with it ("Обэтом")
        if n < 0 and not _sentence_start(text, m.start()):
            continue
        (strong if _camel(m.group()) else weak).append(m.start() + abs(n))
    return strong, weak


def _word_start(text: str, at: int) -> int:
    while at > 0 and text[at - 1].isalpha():
        at -= 1
    return at


def _never(word: str) -> bool:
    return False


def split_glued(text: str, in_vocab: Callable[[str], bool] = _never) -> GluedView:
    """`text` with a space after each glued short word; `in_vocab` says whether a word is
    in the tagger's vocabulary (words of real news, so never glue).

    A lower-case token alone is split only on a page that shows glue otherwise too (a
    camel-case or number glue, or tokens glued after `_MIN_WEAK` different short words): a
    page that lost its spaces loses them after any word, while rare words with a verbal
    prefix ("донастройки", "доустановки", spelled like "до настройки") share their prefix
    on a page that kept them."""
    strong, weak = _cuts(text, in_vocab)
    shorts = {text[_word_start(text, c):c].lower() for c in weak}
    cuts = sorted(strong + weak) if strong or len(shorts) >= _MIN_WEAK else strong
    if not cuts:
        return GluedView(text)
    parts, last = [], 0
    for c in cuts:
        parts += [text[last:c], " "]
        last = c
    parts.append(text[last:])
    return GluedView("".join(parts), tuple(c + k for k, c in enumerate(cuts)))
