"""Dates and year periods in Russian news text.

Dates give plants their `event_date`; periods give investments `period_start_year` /
`period_end_year`. Relative expressions ("вчера", "в прошлом году") are resolved against
the article's publication date and skipped when it is unknown, because guessing a year
would publish a wrong fact rather than a missing one.

Spans cover the date/period expression itself; a leading preposition is included only
where it carries meaning ("с 2019 года", "до 2030 года", "в прошлом году").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.rules import lexicon
from pipeline.rules.fastre import compile_fast
from pipeline.rules.memo import memo_text
from pipeline.rules.numbers import parse_number_words

__all__ = ["DateMention", "Period", "find_dates", "find_periods", "parse_iso_date"]

MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: date  # first day of the month/year for coarser precisions
    precision: str  # "day" | "month" | "year"


@dataclass(frozen=True)
class Period:
    start: int
    end: int
    text: str
    start_year: int | None
    end_year: int | None


def parse_iso_date(s: str) -> date | None:
    """"2026-01-30" -> date; anything else, including "2026-13-45", -> None."""
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s.strip()):
        return None
    try:
        return date.fromisoformat(s.strip())
    except ValueError:
        return None


_I = re.IGNORECASE
_NL = r"(?![^\W\d_])"  # not followed by a letter


def _month_regex() -> str:
    """The month names of months.csv as one regex group `mon`: stems with the same endings
    are one alternative ("(?:январ|феврал)(?:ь|я|е|ю|ём|ем)")."""
    groups: dict[tuple[str, bool], list[str]] = {}
    for r in lexicon.rows("months"):
        if r["stem"]:
            key = (r["endings"], lexicon.is_set(r["endings_optional"]))
            groups.setdefault(key, []).append(r["stem"])
    alts = []
    for (endings, optional), stems in groups.items():
        head = stems[0] if len(stems) == 1 else "(?:" + "|".join(stems) + ")"
        alts.append(f"{head}(?:{endings})" + ("?" if optional else ""))
    return r"(?P<mon>" + "|".join(alts) + ")" + _NL


def _month_numbers() -> dict[str, int]:
    """Month numbers by the first three letters of a form, or by every form of a short stem
    ("май", "мая", "мае" ...)."""
    out: dict[str, int] = {}
    for r in lexicon.rows("months"):
        if not r["stem"]:
            continue
        if len(r["stem"]) >= 3:
            out[r["stem"][:3]] = int(r["month"])
        else:
            out.update({r["stem"] + e: int(r["month"]) for e in r["endings"].split("|")})
    return out


def _words(role: str) -> str:
    """The date_words.csv words of one role as a regex alternation, in file order."""
    return "|".join(lexicon.ordered("date_words", role=role))


# The word lists are pipeline/data/lexicon/months.csv and date_words.csv. They are read on
# import: the regexes below are built from them.
_MONTH = _month_regex()
_MONTH_NUM = _month_numbers()
_YEAR = r"(?P<y>\d{4})" + r"(?!\d)"
_YEAR_SG = r"(?:годом|году|года|год|г\.?)" + r"(?![^\W\d_])"
_YEAR_PL = r"(?:годах|годов|годами|годам|годы|гг\.?)" + r"(?![^\W\d_])"


def _month_num(word: str) -> int:
    w = word.lower().replace("ё", "е")
    return _MONTH_NUM.get(w) or _MONTH_NUM[w[:3]]


def _ok_year(y: int) -> bool:
    return MIN_YEAR <= y <= MAX_YEAR


def _safe_date(y: int, m: int, d: int) -> date | None:
    if not _ok_year(y):
        return None
    try:
        return date(y, m, d)
    except ValueError:  # "31.02.2026"
        return None


def _closest_year(month: int, day: int, published: date) -> date | None:
    """Year for "30 января": the one putting the date nearest the publication date.

    An article of 5 January saying "30 декабря" means last year, not eleven months ahead.
    """
    best: date | None = None
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - published).days) < abs((best - published).days):
            best = d
    return best


# --- dates -----------------------------------------------------------------------------

_DAY_MONTH_RE = compile_fast(
    r"(?<![\d.])(?P<d>[0-3]?\d)(?:-?(?:го|е))?\s+" + _MONTH
    + r"(?:\s+(?P<y>\d{4})(?!\d)(?:\s*(?:года|году|год|г\.?)" + _NL + ")?)?",
    _I,
)
_NUMERIC_RE = compile_fast(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.]\d)")
_ISO_RE = compile_fast(r"(?<![\d\-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d\-])")
_MONTH_YEAR_RE = compile_fast(
    r"(?<![^\W\d_])" + _MONTH + r"\s+" + _YEAR + r"(?:\s*" + _YEAR_SG + ")?", _I
)
# A month with no year only after a preposition, so the noun "март" in a name is left alone.
_MONTH_ALONE_RE = compile_fast(
    r"(?<![^\W\d_])(?:" + _words("month_opener") + r")\s+" + _MONTH,
    _I,
)
_YEAR_ALONE_RE = compile_fast(
    r"(?<![\d\-–—−‒.])" + _YEAR + r"\s*" + _YEAR_SG, _I
)
# Every pattern with a year (`\d{4}`) or a day number (`\d`) can only match a text that
# holds one: most sentences hold neither, and scanning them with each pattern was most of the
# date rules' time (benchmarks/profile_rules.py), so those patterns skip such a text.
_FOUR_DIGITS = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")
_RANGE_NEIGHBOUR_BEFORE = re.compile(r"\d{4}\s*[-–—−‒]\s*$|\d{4}\s+(?:по|до)\s+$")
_RELATIVE_DAYS = {w: int(v) for w, v in
                  lexicon.mapping("date_words", "word", "value", role="relative_day").items()}
_RELATIVE_DAY_RE = compile_fast(r"(?<![^\W\d_])(?P<w>" + "|".join(_RELATIVE_DAYS) + ")" + _NL, _I)


class _Spans:
    """Taken character ranges, so a weaker pattern never re-reads part of a stronger match."""

    def __init__(self) -> None:
        self._taken: list[tuple[int, int]] = []

    def free(self, s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in self._taken)

    def take(self, s: int, e: int) -> None:
        self._taken.append((s, e))


@memo_text
def _date_matches(text: str) -> list[tuple[re.Match, ...]]:
    """The matches of the date patterns that do not depend on the date of publication (ISO
    and numeric, day and month, month and year, year alone), scanned once per text: the
    rules ask find_dates of one sentence with several dates of publication (none, the
    stand-in, the article's)."""
    digits = _DIGIT.search(text) is not None
    year = digits and _FOUR_DIGITS.search(text) is not None
    return [tuple(rx.finditer(text)) if ok else () for rx, ok in (
        (_ISO_RE, year), (_NUMERIC_RE, year), (_DAY_MONTH_RE, digits), (_MONTH_YEAR_RE, year),
        (_YEAR_ALONE_RE, year))]


@memo_text
def _relative_date_matches(text: str) -> list[tuple[re.Match, ...]]:
    """The matches of the patterns read against the date of publication (a month alone, a
    relative day), scanned once per text."""
    return [tuple(_MONTH_ALONE_RE.finditer(text)), tuple(_RELATIVE_DAY_RE.finditer(text))]


@memo_text
def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Calendar dates with their precision; year-less and relative ones need `published`."""
    out: list[DateMention] = []
    spans = _Spans()

    def add(s: int, e: int, value: date, precision: str) -> None:
        if spans.free(s, e):
            spans.take(s, e)
            out.append(DateMention(s, e, text[s:e], value, precision))

    iso, numeric, day_month, month_year, year_alone = _date_matches(text)
    month_alone, relative = _relative_date_matches(text) if published is not None else ((), ())
    for m in (*iso, *numeric):
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        value = _safe_date(y, mo, d)
        if value is not None:
            add(m.start(), m.end(), value, "day")
    for m in day_month:
        day, month = int(m["d"]), _month_num(m["mon"])
        value: date | None = None
        end = m.end()
        if m["y"] is not None:
            value = _safe_date(int(m["y"]), month, day)
        else:
            end = m.end("mon")
            if published is not None and 1 <= day <= 31:
                value = _closest_year(month, day, published)
        if value is not None:
            add(m.start(), end, value, "day")
    for m in month_year:
        y = int(m["y"])
        if _ok_year(y):
            add(m.start(), m.end(), date(y, _month_num(m["mon"]), 1), "month")
    for m in month_alone:
        value = _closest_year(_month_num(m["mon"]), 1, published)
        if value is not None:
            add(m.start("mon"), m.end(), value, "month")
    for m in year_alone:
        y = int(m["y"])
        in_range = _RANGE_NEIGHBOUR_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if not _ok_year(y) or in_range:
            continue
        add(m.start(), m.end(), date(y, 1, 1), "year")
    for m in relative:
        add(m.start(), m.end(), published + timedelta(days=_RELATIVE_DAYS[m["w"].lower()]),
            "day")
    out.sort(key=lambda d: d.start)
    return out


# --- periods ---------------------------------------------------------------------------

_DAYMONTH_OPT = r"(?:(?:\d{1,2}\s+)?" + _MONTH.replace("?P<mon>", "?:") + r"\s+)?"
_EDGE_OPT = r"(?:(?:" + _words("period_edge") + r")\s+)?"
_PERIOD_RANGE_RE = compile_fast(
    r"(?:(?<![^\W\d_])(?:в\s+период\s+|в|во|на|за|с|со|в\s+течение)\s+)?"
    + _DAYMONTH_OPT + r"(?P<y1>\d{4})(?:\s*" + _YEAR_SG + r")?"
    + r"(?:\s*[-–—−‒]\s*|\s+(?:по|до)\s+" + _EDGE_OPT + _DAYMONTH_OPT + ")"
    + r"(?P<y2>\d{4})(?!\d)(?:\s*(?:" + _YEAR_PL + "|" + _YEAR_SG + "))?",
    _I,
)
_PERIOD_FROM_RE = compile_fast(
    r"(?<![^\W\d_])(?:начиная\s+)?(?:с|со)\s+" + _EDGE_OPT + _DAYMONTH_OPT + _YEAR
    + r"\s*" + _YEAR_SG,
    _I,
)
# "на конец первого полугодия 2023 года": a running total as of a year's part, the year its end
# (real news dev r12_027: "На конец первого полугодия 2023 года, в реализацию проектов
# инвестировано более 190 млрд рублей")
_AS_OF_END = (r"на\s+конец\s+(?:(?:первого|второго|третьего|четв[её]ртого|[1-4]-?го|I{1,3}V?)\s+"
              r"(?:полугоди[яе]|квартала)\s+)?")
_PERIOD_TO_RE = compile_fast(
    r"(?<![^\W\d_])(?:(?:до|к|ко|по)\s+" + _EDGE_OPT + "|" + _AS_OF_END + ")" + _DAYMONTH_OPT
    + _YEAR + r"\s*" + _YEAR_SG,
    _I,
)
_PERIOD_YEAR_RE = compile_fast(
    r"(?:(?<![^\W\d_])(?:в|во|за|на|в\s+течение)\s+)?(?<![\d\-–—−‒.])" + _YEAR + r"\s*"
    + _YEAR_SG,
    _I,
)
_REL_YEAR = {w: int(v) for w, v in
             lexicon.mapping("date_words", "word", "value", role="relative_year").items()}
_PERIOD_REL_RE = compile_fast(
    r"(?<![^\W\d_])(?:в|за|на)\s+(?P<w>" + "|".join(_REL_YEAR)
    + r")(?:ом|ий|ый|ем|от)\s+год(?:у|а)?" + _NL,
    _I,
)
_N_YEARS = r"(?P<n>\d{1,2}|[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+(?:лет|года|год)" + _NL
_PERIOD_LAST_N_RE = compile_fast(
    r"(?<![^\W\d_])за\s+(?:(?:последние|прошедшие|минувшие|прошлые)\s+)?" + _N_YEARS, _I
)
_PERIOD_LAST_ONE_RE = compile_fast(
    r"(?<![^\W\d_])за\s+(?:последний|прошедший|минувший)\s+год" + _NL, _I
)
_PERIOD_NEXT_N_RE = compile_fast(
    r"(?<![^\W\d_])(?:в|на|за)\s+(?:ближайшие|следующие|предстоящие)\s+" + _N_YEARS, _I
)


def _n_years(s: str) -> int | None:
    s = s.strip()
    value = float(s) if s.isdigit() else parse_number_words(s)
    if value is None or value != int(value) or not 1 <= value <= 100:
        return None
    return int(value)


@memo_text
def find_periods(text: str, published: date | None = None) -> list[Period]:
    """Year-granularity periods, e.g. "с 2019 года" -> (2019, None).

    "за (последние) N лет" -> (pub.year - N + 1, pub.year): N year labels ending with the
    publication year, since running totals reported in an article normally include the
    current year's spending ("за пять лет" in 2026 -> 2022..2026). "в ближайшие N лет"
    mirrors it forward: (pub.year, pub.year + N - 1). Relative ones need `published`.
    """
    out: list[Period] = []
    spans = _Spans()

    def add(s: int, e: int, y1: int | None, y2: int | None) -> None:
        if (y1 is not None and not _ok_year(y1)) or (y2 is not None and not _ok_year(y2)):
            return
        if y1 is not None and y2 is not None and y1 > y2:
            return
        if spans.free(s, e):
            spans.take(s, e)
            out.append(Period(s, e, text[s:e], y1, y2))

    ranges, froms, tos, years = _period_matches(text)
    for m in ranges:
        add(m.start(), m.end(), int(m["y1"]), int(m["y2"]))
    for m in froms:
        add(m.start(), m.end(), int(m["y"]), None)
    for m in tos:
        add(m.start(), m.end(), None, int(m["y"]))
    for m in years:
        y = int(m["y"])
        add(m.start(), m.end(), y, y)
    if published is not None:
        py = published.year
        rel, last_one, last_n, next_n = _relative_period_matches(text)
        for m in rel:
            y = py + _REL_YEAR[m["w"].lower()]
            add(m.start(), m.end(), y, y)
        for m in last_one:
            add(m.start(), m.end(), py, py)
        for m in last_n:
            n = _n_years(m["n"])
            if n is not None:
                add(m.start(), m.end(), py - n + 1, py)
        for m in next_n:
            n = _n_years(m["n"])
            if n is not None:
                add(m.start(), m.end(), py, py + n - 1)
    out.sort(key=lambda p: p.start)
    return out


@memo_text
def _period_matches(text: str) -> list[tuple[re.Match, ...]]:
    """The matches of the period patterns with a year, scanned once per text whatever the
    date of publication (see _date_matches); none in a text without a year."""
    year = _FOUR_DIGITS.search(text) is not None  # each of these patterns holds a year
    return [tuple(rx.finditer(text)) if year else ()
            for rx in (_PERIOD_RANGE_RE, _PERIOD_FROM_RE, _PERIOD_TO_RE, _PERIOD_YEAR_RE)]


@memo_text
def _relative_period_matches(text: str) -> list[tuple[re.Match, ...]]:
    """The matches of the periods read against the date of publication, once per text;
    none in a text without "год" or "лет", which each of these patterns holds (the same
    letters in any case, as the patterns read them)."""
    if _YEAR_WORD.search(text) is None:
        return [(), (), (), ()]
    return [tuple(rx.finditer(text)) for rx in (_PERIOD_REL_RE, _PERIOD_LAST_ONE_RE,
                                                 _PERIOD_LAST_N_RE, _PERIOD_NEXT_N_RE)]


_YEAR_WORD = compile_fast("год|лет", _I)
