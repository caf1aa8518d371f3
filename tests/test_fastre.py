"""compile_fast (pipeline/rules/fastre.py) finds exactly what re.compile finds: the
lookahead it adds only skips positions where no match can start.

Every text here was written for the tests, besides the fixtures' texts read in the last test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.rules import context, dates, investments
from pipeline.rules.fastre import compile_fast, first_class

CI = re.IGNORECASE
TEXTS = [
    "", "В 2025–2027 годах инвестиции в завод составят 3 млрд рублей.",
    "ВЛОЖЕНИЯ в ООО «Вектор» и СПИК; ᲀложения (a Cyrillic rounded ve) и Вложения.",
    "с 2019 по 2024 год, со 2 марта 2025 г., до конца года", "Kelvin K and k, straße STRASSE",
    "на строительство завода направят 5 млрд",
    "ФРП «Проекты развития» и фонд развития промышленности",
    "123 abc ABC абв АБВ ёжик ЁЖИК", "\n\t  ", "ТОР тор Тор ТОСЭР",
]
PATTERNS = [
    ("инвест|вложен|\\bСПИК\\b|(?:на|в) (?:\\w+ )?(?:строительств)\\w*[^.]{0,100}?направ\\w+", CI),
    ("(?:(?<![^\\W\\d_])(?:в|во|с|со)\\s+)?(?:\\d{1,2}\\s+)?(?P<y>\\d{4})(?:\\s*год)?", CI),
    ("(?<![\\d.])(?P<d>\\d{1,2})\\.(?P<m>\\d{1,2})", 0), ("[а-яё]+ик", CI), ("\\bТОР\\b", 0),
    ("(?:ф|Ф)онд\\w*|[A-Z]\\w+", 0), ("(?:ab)*c|x+y", CI), ("k", CI), ("s", CI), ("в", CI),
]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_the_same_matches_as_re(pattern, flags):
    plain, fast = re.compile(pattern, flags), compile_fast(pattern, flags)
    assert fast.pattern != plain.pattern  # a lookahead was added
    for text in TEXTS:
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)], text
        for pos in range(len(text) + 1):
            a, b = fast.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span())


@pytest.mark.parametrize("pattern,flags", [
    (".x", 0), ("[^a]x", 0), ("a?", 0), ("(?i)abc", 0), ("(a)|\\1", 0), ("(?i:a)b", 0),
    ("a|", 0), ("\\b", 0), ("(?x) a # c", 0), ("a", re.VERBOSE), ("(", 0),
])
def test_no_lookahead_when_the_first_characters_cannot_be_told(pattern, flags):
    assert first_class(pattern, flags) is None
    with pytest.raises(re.error) if pattern == "(" else _nothing():
        assert compile_fast(pattern, flags).pattern == pattern


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False


def test_a_class_of_first_letters_accepts_whatever_the_letters_match():
    """Under IGNORECASE `re` matches a letter to its case variants (and to letters that fold
    to it: ᲀ to в, K to k); the lookahead's class, of the same letters and flags, accepts
    every one of them: checked over the whole Basic Multilingual Plane."""
    letters = "вВнзсиокпфбцаяЁётдkKsSiI"
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    for flags in (0, CI):
        for letter in letters:
            literal = re.compile(re.escape(letter), flags)
            cls = re.compile(first_class(re.escape(letter) + "x", flags), flags)
            assert all(cls.fullmatch(ch) for ch in chars if literal.fullmatch(ch)), letter


def _project_patterns() -> list[re.Pattern]:
    out = [v for mod in (investments, dates, context) for v in vars(mod).values()
           if isinstance(v, re.Pattern)]
    return out + [rx for rx, _ in context._PROGRAM_RES]


def test_the_rules_patterns_find_what_they_found_before():
    """Every compiled pattern of the investment, date and context rules, on the written
    corpus: the same matches as the pattern without its lookahead."""
    texts = [p.read_text("utf-8") for p in
             sorted(Path(__file__).parent.glob("fixtures/corpus/*.txt"))] + TEXTS
    fast = [rx for rx in _project_patterns() if rx.pattern.startswith("(?=[")]
    assert len(fast) >= 25
    for rx in fast:
        plain = re.compile(rx.pattern[rx.pattern.index("])(?:") + 5:-1], rx.flags)
        for text in texts:
            assert [m.span() for m in rx.finditer(text)] == \
                [m.span() for m in plain.finditer(text)], rx.pattern[:80]


@pytest.mark.parametrize("pattern,flags,chars", [
    ("(?:ФРП|Фонд\\w*)[^.«»]{0,40}?«Авто»|программ\\w* «Авто»", CI, "«»"),
    ("\\bТОСЭР\\b", 0, "ОРСТЭ"), ("a-b|c-d", CI, "-"), ("(?:x: )+y", 0, " :xy"),
    ("a?-|b", 0, ""), ("[«]x", CI, "«"), ("[«»]x", CI, ""), ("(?i:a)«", 0, ""),
    ("(a)\\1«", 0, ""), ("ab", CI, ""),
])
def test_required_chars(pattern, flags, chars):
    from pipeline.rules.fastre import required_chars

    assert required_chars(pattern, flags) == chars
    rx = re.compile(pattern, flags)
    for text in TEXTS + ["ФРП «Авто»", "фонд развития «АВТО»", "программы «авто»", "a-b"]:
        if rx.search(text):
            assert all(c in text for c in chars)


def test_programmes_skipped_for_want_of_their_characters_find_nothing(monkeypatch):
    texts = ["Заём ФРП по программе «Проекты развития».", "ФРП «Станкостроение»", "ФРП",
             "Фонд развития промышленности выдал заём", "резидент ТОСЭР и ТОР", "программы"]
    fast = [context._programs.uncached(t) for t in texts]
    monkeypatch.setattr(context, "_PROGRAM_NEEDS", [""] * len(context._PROGRAM_NEEDS))
    assert fast == [context._programs.uncached(t) for t in texts]
    assert fast[:2] == [["ФРП «Проекты развития»"], ["ФРП «Станкостроение»"]]
