"""What a whole article says that a single sentence may leave out.

News writes the region and the company once ("В Калининградской области на базе группы
компаний «Автотор» ...") and then drops them; facts read from later sentences fall back on
the article's main region and main company.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pipeline.rules import lexicon
from pipeline.rules.fastre import compile_fast, required_chars
from pipeline.rules.gazetteer import (
    VIA_CITY,
    Gazetteer,
    Region,
    RegionMention,
    find_regions,
    get_gazetteer,
    region_of_place_adjective,
    settle_shared_towns,
)
from pipeline.rules.memo import memo_object, memo_text
from pipeline.rules.morph import lemma, morph, normal_name
from pipeline.rules.orgs import (
    kind_and_name,
    normalize_org,
    org_key,
    org_sector,
    quoted_nominative,
    without_person_tail,
)
from pipeline.rules.text import AnalyzedText, Sentence, Span

# The Industrial Development Fund named, then one of its programmes within a few words:
# "ФРП «Автокомпоненты»", "заём ФРП по программе «Проекты развития»".
_FRP = r"(?:ФРП|Фонд\w* развития промышленности)[^.«»]{0,40}?"


def _programs_table() -> list[tuple[str, str, bool]]:
    """(regex, name, case-sensitive) of every programme of programs.csv, in file order."""
    out = []
    for r in lexicon.rows("programs"):
        if r["kind"] == "frp_program" and r["name"]:
            n = r["name"]
            out.append((_FRP + f"«{n}»|программ\\w* «{n}»", f"ФРП «{n}»", False))
        elif r["name"] and r["pattern"]:
            out.append((r["pattern"], r["name"], lexicon.is_set(r["case_sensitive"])))
    return out


# Support instruments (programmes) named in the text, with the spelling the data uses
# (pipeline/data/lexicon/programs.csv and company_words.csv, read on import).
_PROGRAM_TABLE = _programs_table()
PROGRAMS: list[tuple[str, str]] = [(p, name) for p, name, _ in _PROGRAM_TABLE]
# Programmes that describe a whole project (its site or its contract).
PROJECT_PROGRAMS = lexicon.flagged("programs", "whole_project", "name")
# Government development institutions are not companies even when their name says "фонд".
_INSTITUTIONS = lexicon.words("company_words", role="institution")
# the institutions as lemmas: "Корпорации развития Забайкалья" starts with "корпорация развития"
# anywhere in a name: "Смоленский центр занятости населения" (real news dev r10_017)
_INSTITUTION_LEMMAS = tuple(" " + normal_name(w) + " " for w in _INSTITUTIONS)


# compiled once: find_program runs on every sentence ("ТОР" only in capitals: "тор" is a
# common word part)
_PROGRAM_RES = [(compile_fast(p, 0 if exact else re.IGNORECASE), name)
                for p, name, exact in _PROGRAM_TABLE]
# the characters each programme's matches must hold (the quotes of "ФРП «Станкостроение»"):
# a text without them is not scanned for it
_PROGRAM_NEEDS = [required_chars(p, 0 if exact else re.IGNORECASE)
                  for p, _, exact in _PROGRAM_TABLE]


@memo_text
def _programs(text: str) -> list[str]:
    # the first programme in file order that the text names (the rest are not scanned)
    found = next((name for (rx, name), needs in zip(_PROGRAM_RES, _PROGRAM_NEEDS, strict=True)
                  if all(c in text for c in needs) and rx.search(text)), None)
    return [] if found is None else [found]


def find_program(text: str) -> str | None:
    """The support instrument a text names, in the spelling the data uses."""
    found = _programs(text)
    return found[0] if found else None


def find_programs(text: str) -> set[str]:
    """Every support instrument a text names ("ТОР «Столица Арктики» и АЗ РФ": both), for a
    reader who must know whether an article names one or several."""
    return set(_programs_named(text))


@memo_text
def _programs_named(text: str) -> list[str]:
    """find_programs' names in the order found, memoised: the investments ask it of every
    sentence twice (the article's programme, then each sentence's), and scanning the 23
    programme patterns was ~3 % of the rules' CPU (benchmarks/profile_rules.py)."""
    found: list[str] = []
    for (rx, name), needs in zip(_PROGRAM_RES, _PROGRAM_NEEDS, strict=True):
        if all(c in text for c in needs) and rx.search(text):
            found.append(name)
            # a name read once is not read again as a later programme ("ТОСЭР" is no "ТОР")
            text = rx.sub(lambda m: " " * len(m.group(0)), text)
    return found


@dataclass(frozen=True)
class DocContext:
    published: date | None
    region: Region | None
    company: str | None
    # the quoted names the article writes after a legal form or a company noun ("ООО
    # «Стройберг»"): names of companies, whatever else they name (company_names)
    company_names: frozenset[str] = frozenset()


def is_company(span: Span) -> bool:
    """Whether an ORG span names a company."""
    return span.type == "ORG" and _is_company(span, get_gazetteer())


@lru_cache(maxsize=16384)
def _is_company(span: Span, gazetteer: Gazetteer) -> bool:
    """is_company, memoised: a function of the frozen span and of the region index (keyed
    by it: another aliases file gives fresh answers), asked of the same spans by the
    context, the plants and the investments."""
    key = org_key(span.normal)
    words = " " + normal_name(key) + " "
    if key in _INSTITUTIONS or key.startswith("фонд развития") or \
            any(i in words for i in _INSTITUTION_LEMMAS):
        return False
    if find_program(span.text):
        return False  # "ОЭЗ «Липецк»", "СПИК": a support instrument, not a company
    if any(_MEDIA_NAME.fullmatch(s.strip(" «»\"“”")) for s in (span.text, span.normal)) or \
            _MEDIA_ABBR_FIRST.match(span.text):
        return False  # "ТАСС", "в «Интерфаксе»", "ГТРК «Чита»": the news outlet
    if any(_EVENT_NAME.fullmatch(s.strip(" «»\"“”")) for s in (span.text, span.normal)):
        return False  # "на ПМЭФ-2024": the forum where an agreement was signed
    if key in _NOT_COMPANY or _region_itself(span.text):
        return False  # "АПК", "ГРЭС", "СВЕРДЛОВСКАЯ ОБЛАСТЬ": no company at all
    if key.split() and key.split()[-1] in _NOT_COMPANY_HEADS:
        return False  # "Каховская ГЭС": a named power station, the place of the story
    if _site_inside(span.text):
        return False  # "ПЛП «Южный»", "ХК «Металлург»": a site's or a club's word in the name
    return org_sector(span.normal) != "government"


def _site_inside(text: str) -> bool:
    """Whether a name opens with a site's word or another word of company_words.csv's
    other_before before its quoted part ("ПЛП «Южный»", real news dev r14_011; "ХК
    «Металлург»"): the NER's span holds the word _named_after reads before a name, so the
    quoted part names a site or a club, not a company."""
    quote = re.search(r"[«\"“]", text)
    if quote is None or quote.start() == 0:
        return False
    head = text[:quote.end()]
    return _SITE_BEFORE.search(head) is not None or _OTHER_BEFORE.search(head) is not None


# The whole names the NER takes for organizations that are no company (company_words.csv
# not_company): a common abbreviation ("АПК", "ГРЭС"), a word of the page ("Читать").
_NOT_COMPANY = lexicon.words("company_words", role="not_company")
# The last word (lower case) of a name that makes it a station, not a company: "Каховская ГЭС".
_NOT_COMPANY_HEADS = lexicon.words("company_words", role="not_company_head")


def _region_itself(text: str) -> bool:
    """Whether a name is only a region's name ("СВЕРДЛОВСКАЯ ОБЛАСТЬ", real news dev
    r9_002, a heading the NER took for an organization), or a town's in capitals ("МАЙКОП",
    r13_005: a dateline); "Ростовская зерновая компания" has words of its own, and a company
    may bear a town's name written as a name."""
    found = find_regions(text)
    return len(found) == 1 and (found[0].via in _NAMED_OUTRIGHT
                                or found[0].via == VIA_CITY and text.isupper()) and \
        not re.sub(r"[\W_]+", "", text[:found[0].start] + text[found[0].end:])


# The whole name of a news outlet (company_words.csv, role media_name).
_MEDIA_NAME = re.compile(
    "|".join(f"(?:{w})" for w in lexicon.ordered("company_words", role="media_name")),
    re.IGNORECASE)
# The whole name of an event, a forum or an exhibition (company_words.csv, role event_name).
_EVENT_NAME = re.compile(
    "|".join(f"(?:{w})" for w in lexicon.ordered("company_words", role="event_name")),
    re.IGNORECASE)
# A name that starts with a news outlet's abbreviation ("ГТРК «Чита»", real news dev r7_028)
# or with an outlet's kind before its quoted name ("Газета «Омская правда»").
_MEDIA_ABBR_FIRST = re.compile(
    r"(?:" + "|".join(lexicon.ordered("company_words", role="media_abbr")) + r")\b"
    r"|(?i:" + "|".join(lexicon.ordered("company_words", role="media_before"))
    + r")\w{0,3}\s*[«\"“„]")


# A lender (company_words.csv lender): it finances a plant, it neither runs it nor invests in
# it (no row of the real news or the written corpus has a bank as operator or investor).
_LENDER = re.compile(
    r"\w*(?:" + "|".join(lexicon.ordered("company_words", role="lender")) + r")\b",
    re.IGNORECASE)


def is_lender(name: str | None) -> bool:
    """Whether a company's name is a bank's ("Газпромбанк", "Московский Индустриальный
    банк"); "Банка" in a name inflects no such word and "Банкомат" is another word."""
    return bool(name) and bool(_LENDER.search(name))


def story_company(ctx: DocContext) -> str | None:
    """The article's company as an operator or an investor: none when it is a lender."""
    return None if is_lender(ctx.company) else ctx.company


def company_name(span: Span, quoted_in_text: bool = False,
                 apposed: bool = False) -> str | None:
    """The company a span names: the quoted name when there is one ("компания «Сибфарм»");
    None for a bare descriptor ("китайская корпорация") or a support programme. A quoted
    name `apposed` to a descriptor before it ("группы «Свеза»", see descriptor_before)
    keeps the case it is written in: only a name standing alone is inflected."""
    quoted = re.findall(r"«([^«»]{2,60})(?:»|$)", span.text) or _straight_quoted(span.text)
    # "ООО «Промагроинвест» (ГК «Продукты питания»)" read as one name: the name in brackets
    # is the company's group, the one before them is the company (real news dev r1_039);
    # after a plant's name ("Сахарный завод «Свобода» (ГК «Прогресс Агро»)", r8_026) it is
    # the plant's owner, the company wanted
    head = span.text.split("(", 1)[0]
    before_brackets = re.findall(r"«([^«»]{2,60})(?:»|$)", head)
    if before_brackets and len(before_brackets) < len(quoted) and not _facility_words_in(head):
        quoted = before_brackets
    if quoted_in_text and not quoted:
        # «Вертолёты России»: a name in quotes is written as it is, not inflected
        quoted = [span.text]
    if quoted and (kind := kind_and_name(span.text, span.normal, quoted_in_text)):
        return kind  # "ПАО «ГМК «Норильский никель»": ГМК «Норильский никель», as named
    name = quoted[-1] if quoted else without_person_tail(normalize_org(span.normal))
    name = name.strip(" «»\"")
    if quoted and not (apposed and quoted_in_text) and not _apposed_inside(span.text):
        name = quoted_nominative(name, normalize_org(span.normal).strip(" «»\""))
    if not name or find_program(name) or find_program(span.text):
        return None
    words = name.lower().split()
    if not quoted and words and lemma(words[-1]) in _DESCRIPTORS:
        return None
    inner = _DESCRIPTOR_AND_NAME.fullmatch(name)
    if inner and lemma(inner.group(1).lower()) in _DESCRIPTORS:
        return inner.group(2)  # «Компания “СОКО”»: the name is СОКО
    return name


def _apposed_inside(text: str) -> bool:
    """Whether a span holds a legal form or a descriptor right before its (last) quoted
    name: "ООО «Ташта»" read as one span (real news dev r16_031, where the quoted name was
    put in a nominative of its own, "Ташт"), the quoted name is apposed, as written."""
    quote = text.rfind("«")
    return quote > 0 and descriptor_before(text, quote + 1)


# a straight quote that opens a name: at the start or after a space
_STRAIGHT_OPENING = re.compile(r'(?:^|(?<=\s))"')


def _straight_quoted(text: str) -> list[str]:
    """The name in straight quotes after the last opening quote, up to its closing quote
    (the NER may drop it): "Немецкая компания "Тённиес Фляйш" is Тённиес Фляйш, "ИК "Арлан""
    is Арлан (real news dev r17_020, r3_045: the descriptor stayed in the operator), as
    «…» quotes are read; [] when no straight quote opens a name."""
    opens = [m.end() for m in _STRAIGHT_OPENING.finditer(text)]
    if not opens:
        return []
    name = text[opens[-1]:].split('"', 1)[0].strip()
    return [name] if 2 <= len(name) <= 60 else []


def span_company(sp: Span, text: str, base: int = 0) -> str | None:
    """company_name of a span read in `text` (which starts at `base` of the article): quoted
    when an opening quote is right before it, apposed when a descriptor is before that."""
    rel = sp.start - base
    return company_name(sp, text[max(0, rel - 1):rel] == "«", descriptor_before(text, rel))


# A descriptor noun ("группы", "компаний", company_words.csv descriptor, not a facility noun
# of facility_heads.csv such as "предприятие") or a legal form
# ("ООО", "ГК") right before an opening quote: the quoted name after it is an apposition,
# written in the nominative whatever the case of the noun ("лесопромышленной группы
# «Свеза»", "Группа компаний «Дамате»", real news dev r9_022, r11_028), so it is not
# inflected back ("Свез", "Дамат").
_APPOSING = compile_fast(r"(?:^|[^\w-])([а-яёА-ЯЁ]+)\s*[«\"“]$")
_FACILITY_NOUNS = lexicon.words("facility_heads", "lemma")
# the one-word legal forms of orgs_words.csv ("ООО", "ГК", "SIA"), in lower case
_LEGAL_FORMS = frozenset(w.lower() for w in lexicon.ordered("orgs_words", role="legal_form")
                         if " " not in w)


def descriptor_before(text: str, start: int) -> bool:
    """Whether the name starting at `start` (after its opening quote) is apposed to a
    descriptor noun or a legal form right before the quote."""
    m = _APPOSING.search(text[max(0, start - 40):start])
    if not m:
        return False
    word = m.group(1).lower().replace("ё", "е")
    # a facility noun may govern its owner in the genitive: "на предприятии «Эвенской
    # горнорудной компании»" (real news dev r3_043) is no apposition
    return word in _LEGAL_FORMS or lemma(word) in _DESCRIPTORS - _FACILITY_NOUNS


# a descriptor word and a name in inner quotes: «Компания “СОКО”»
_DESCRIPTOR_AND_NAME = re.compile(r"(\w+)\s+[“\"„']([^“”\"„']{2,60})[”\"“']")


_DESCRIPTORS = lexicon.words("company_words", role="descriptor")


# A name right after one of these words is a site, not a company: "технопарк «Академпарк»".
# The site word may have its abbreviation in brackets ("территории опережающего развития
# (ТОР) «Михайловский»") and may name a list of quoted sites ("границы ТОР «Камчатка» и
# «Михайловский»", a fresh real page of session 18, /tmp/fresh3 h_021).
_SITE_BEFORE = compile_fast(
    r"\b(?:" + "|".join(lexicon.ordered("company_words", role="site_before"))
    + r")\w*(?:\s*\([А-ЯЁA-Z]{2,6}\))?\s*"
    r"(?:[«\"“]?|(?:[«\"“][^«»\"“”]{1,40}[»\"”]\s*(?:,|и)\s*){1,5}[«\"“])\s*$",
    re.IGNORECASE)
# A name right after one of these is the news outlet that reports, not a company of the
# story: "Телеканал «Кубань 24»", "информационного агентства «Острова»", "ИА «Кам 24»".
_MEDIA_BEFORE = re.compile(
    r"\b(?:(?i:" + "|".join(lexicon.ordered("company_words", role="media_before")) + r")\w*"
    r"|\b(?:" + "|".join(lexicon.ordered("company_words", role="media_abbr")) + r"))\s*[«\"“]?\s*$")


# A name a few words after "бывший" is what a place was, not who runs it now: "на базе
# бывшего винно-коньячного комбината «Удобный»", "на территории бывшего совхоза
# «Тепличный»", "«Кордиант Ульяновск» (бывший Bridgestone)" (real news dev r4_002, r7_027,
# r5_020).
_FORMER_BEFORE = compile_fast(r"\bбывш\w*(?:\s+[а-яё-]+){0,3}\s*[«\"“„]?\s*$", re.IGNORECASE)


# A name right after one of these, or in a list of quoted names after one, is a data source
# or a kind of product, not a company: "по данным «СПАРК»", "сыра сортов «Алтайский»,
# «Швейцарский» и «Советский»" (company_words.csv other_before).
_OTHER_BEFORE = compile_fast(
    r"\b(?:" + "|".join(lexicon.ordered("company_words", role="other_before")) + r")\w*\s*"
    r"(?:[«\"“]?|(?:[«\"“][^«»\"“”]{1,40}[»\"”]\s*(?:,|и)\s*){1,5}[«\"“])\s*$",
    re.IGNORECASE)


# A quoted name right after a verb of reporting ("пишет «РБК Краснодар»", "сообщает
# «Югра-ТВ»"), or between "Ранее" and one ("Ранее «Голос Кавказа» сообщал", real news dev
# r6_023, r2_046, r9_028), is the news outlet that reports: a company is named with a word
# of its own ("сообщает компания «X»", "Ранее компания «X» сообщала").
_REPORTED_BY = compile_fast(
    r"\b(?:" + "|".join(lexicon.ordered("company_words", role="report_verb")) + r")\s*[«\"“]$",
    re.IGNORECASE)
_EARLIER = compile_fast(r"\bРанее\s*[«\"“]$")
_REPORTED_AFTER = compile_fast(r"[»\"”]?\s*(?:сообщал|писал|рассказывал|информировал)\w*\b")


def _reporting_outlet(text: str, start: int, end: int | None) -> bool:
    """Whether the quoted name at start..end is a news outlet by the verb of reporting
    that introduces it (_REPORTED_BY, _EARLIER)."""
    before = text[max(0, start - 20):start]
    if _REPORTED_BY.search(before):
        return True
    return end is not None and bool(_EARLIER.search(before)) and \
        bool(_REPORTED_AFTER.match(text, end))


@lru_cache(maxsize=8192)
def _named_after(text: str, start: int, end: int | None = None) -> bool:
    """Whether the name starting at `start` follows a site or news-outlet word, or names a
    data source or a product's kind, or is the outlet a verb of reporting names. Memoised
    (a bounded LRU): the plants and the investments ask sentence_companies of one sentence
    several times, and these scans were ~4 % of the rules' CPU."""
    before = text[max(0, start - 30):start]
    # "резидент парка ООО «Чугунолитейный завод»" (real news dev r9_027): a legal form
    # starts a company's name, not a site's
    site = not _LEGAL_FORM_FIRST.match(text, start) and (
        _SITE_BEFORE.search(text[max(0, start - 160):start])
        or _OTHER_BEFORE.search(text[max(0, start - 160):start]))
    return bool(site or _MEDIA_BEFORE.search(before) or _reporting_outlet(text, start, end))


# a legal form written in capitals at the start of a name ("ООО «X»", "АО «X»")
_LEGAL_FORM_FIRST = re.compile(r"(?:" + "|".join(sorted(
    (re.escape(f) for f in lexicon.ordered("orgs_words", role="legal_form")
     if f.isupper() and " " not in f), key=len, reverse=True)) + r")\s*[«\"“„]")


def sentence_companies(sent: Sentence, exclude: tuple[int, int] | None = None,
                       facilities: bool = True) -> list[str]:
    """Companies named in a sentence, in order, facilities-as-companies last (left out
    when not `facilities`); a span inside `exclude` (a plant's own quoted name) and the
    name of a site are left out."""
    names = _companies_named(sent, exclude, get_gazetteer())
    return [n for n, plant in names if not plant] + \
        [n for n, plant in names if plant and facilities]


@memo_object
def _companies_named(sent: Sentence, exclude: tuple[int, int] | None, gazetteer: Gazetteer
                     ) -> tuple[tuple[str, bool], ...]:
    """sentence_companies' (name, named as a facility) pairs, memoised per sentence and
    region index (is_company reads it): the investments ask them of each sentence two or
    three times (with and without facilities), ~2 % of the rules' CPU. A tuple: shared,
    never edited."""
    names = []
    for sp in sent.spans:
        if exclude and exclude[0] <= sp.start < exclude[1]:
            continue
        if _named_after(sent.text, sp.start - sent.start, sp.end - sent.start) or \
                _FORMER_BEFORE.search(sent.text[max(0, sp.start - sent.start - 60):
                                                sp.start - sent.start]):
            continue
        if is_company(sp) and (n := span_company(sp, sent.text, sent.start)) and \
                not is_lender(n):
            names.append((n, is_facility_name(sp)))
    return tuple(names)


def company_right_after(sent: Sentence, end: int) -> str | None:
    """The company named right after a facility phrase ending at `end` ("завод по выпуску
    банки компании «Альба»", "производство материалов «Босла»", "пеностекла ООО «Инностек»"):
    a few words with no comma between; None when there is none."""
    for sp in sent.spans:
        gap = sent.text[end - sent.start:sp.start - sent.start]
        if sp.start < end or len(gap) > 25 or re.search(r"[,;:—–()]", gap):
            continue
        in_quotes = gap.endswith("«")
        apposed = descriptor_before(sent.text, sp.start - sent.start)
        if is_company(sp) and not is_facility_name(sp) and \
                (n := company_name(sp, in_quotes, apposed)) and not is_lender(n):
            return n
    return None


def is_facility_name(span: Span) -> bool:
    """"Молочный завод «Ревякино»", "Брянский машиностроительный завод": a plant named as
    an organisation; its owner, when the article names one, is the better company."""
    return _facility_words_in(span.text)


def _facility_words_in(text: str) -> bool:
    """Whether a facility word stands outside the quotes of a name."""
    outside = re.sub(r"«[^«»]*(?:»|$)", " ", text)
    return any(lemma(w) in _FACILITY_WORDS for w in re.findall(r"[\w-]+", outside))


_FACILITY_WORDS = lexicon.flagged("facility_heads", "org_word", "lemma")


def main_company(analyzed: AnalyzedText) -> str | None:
    """The company the article is about: the most often named one (ties: first named)."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    # a news outlet or a site ("в особой экономической зоне «Моглино»") is one wherever the
    # article names it again ("на территории «Моглино»", real news dev r1_038)
    not_companies = {org_key(sp.normal) for sp in analyzed.spans
                     if _named_after(analyzed.text, sp.start, sp.end)}
    spans = [sp for sp in analyzed.spans if is_company(sp)
             and org_key(sp.normal) not in not_companies
             and not _FORMER_BEFORE.search(analyzed.text[max(0, sp.start - 60):sp.start])]
    # plants named as organisations count only when the article names no other company
    owners = [sp for sp in spans if not is_facility_name(sp)]
    declared: set[str] = set()
    for span in owners or spans:
        name = span_company(span, analyzed.text)
        key = org_key(name or "")
        if not key:
            continue
        counts[key] += 1
        if key not in names or len(name) < len(names[key]):
            names[key] = name
        if _DECLARED_INVESTOR.search(analyzed.text[max(0, span.start - 120):span.start]):
            declared.add(key)
    if not counts:
        return None
    if len(declared) == 1:
        return names[declared.pop()]  # the project's investor, whoever else is named more
    best = max(counts.items(), key=lambda kv: kv[1])[0]
    return names[best]


# The article names the project's company outright: "Инвестор проекта - компания
# «Техмашсервис»", "Инвестором выступает ""УК ""ВЕГА-ПРО""", "Инициатором проекта является ООО
# «Ташта»", "после прихода инвестора — агропромышленного холдинга «Добронравов АГРО»" (real
# news dev r4_005, r16_012, r16_031, r16_001, r6_027, r10_003, r7_029, r8_029): the story's
# company, though another (a contractor, the plant's old name, a buyer) is named as often. A
# co-investor or "другой инвестор" is a second one; investors in the plural are several.
_DECLARED_INVESTOR = re.compile(
    r"(?:(?<![\w-])(?<!другой )(?<!второй )(?:инвестор(?:а|ом)?|инициатор(?:ом)?)"
    r"(?:\s+(?:проекта|строительства))?\s*(?:[—–-]|выступает|выступил[аио]?|является|стал[аио]?)"
    r"(?:\s+[\w-]+){0,3}?"
    # "Проект реализует компания «Русхимальянс»", "Проект реализован Рыболовецким колхозом",
    # 'Проект "Ямал СПГ" реализует крупнейший … производитель газа НОВАТЭК' (real news dev
    # r6_006, r3_032, r1_015, r2_034, r19_042, r15_009)
    r"|\bпроект\w*(?:\s+[«\"“][^«»\"“”]{2,40}[»\"”])?\s+(?:будет\s+)?реализ(?:ует|уют|ован[аоы]?)"
    r"(?:\s+[\w-]+){0,5}?)\s*[«\"“]?\s*$", re.IGNORECASE)


# "компания", "инвестор", "холдинг": a region as their adjective or after "из" is where a
# company is from (company_words.csv descriptor; not a facility noun: "челябинское
# предприятие" of facility_heads.csv is a plant the region places)
_HOME_NOUNS = lexicon.words("company_words", role="descriptor") - \
    lexicon.words("facility_heads", "lemma")


def company_home(text: str, m: RegionMention) -> bool:
    """The region is where a company comes from, not where the story happens: an adjective
    of a company noun ("челябинская компания", "ставропольский агрохолдинг", real news dev
    r10_011) or "из" after one ("инвесторы из Оренбургской области", r8_013)."""
    if m.via == "adjective":
        for w in re.findall(r"[а-яё]+", text[m.end:m.end + 80].lower())[:3]:
            if lemma(w) in _HOME_NOUNS:
                return True
            if not w.endswith(_ADJ_ENDINGS):
                return False
        return False
    before = re.search(r"(\w+)\s+из\s+$", text[max(0, m.start - 40):m.start])
    if before and lemma(before.group(1).lower()) in _HOME_NOUNS:
        return True
    # "Корпорация «ТехноНиколь» (Москва) планирует ввести завод", "ООО «Альфа» (Тула)":
    # a place in brackets after a company's quoted name is its seat (fresh real pages of
    # session 18); after a facility's name ("завод «Луч» (Новосибирск)") it places the plant
    named = _BRACKETED_HOME.search(text[max(0, m.start - 120):m.start])
    return bool(named) and re.match(r"\s*\)", text[m.end:]) is not None and (
        lemma(named.group(1).lower()) in _HOME_NOUNS or named.group(1).lower() in _LEGAL_FORMS)


_BRACKETED_HOME = re.compile(r"(\w+)\s*[«\"„“][^«»\"„“()]{1,60}[»\"”“]\s*\(\s*$")

# nouns of a meeting (plant_words.csv event_place: "форум", "выставка") and words of sending
# goods (gazetteer_words.csv supply_word: "доставлять", "поставка")
_EVENT_NOUNS = lexicon.words("plant_words", role="event_place")
_SUPPLY_WORDS = lexicon.words("gazetteer_words", role="supply_word")
_SUPPLY_BEFORE = re.compile(r"([а-яё]+)\s+(?:[а-яё,]+\s+){0,3}(?:в|во|на)\s+$")


def elsewhere(text: str, m: RegionMention) -> bool:
    """The region places something other than the story: a company's home (company_home),
    its adjective before a legal form ("Московское АО «Аурат»", fresh real pages r19_039),
    a meeting's adjective ("На прошедшем Петербургском международном экономическом форуме",
    r19_020) or where goods are sent ("ее доставляют и на Кубань", r19_042; "переговоры о
    поставках в Астрахань", real news dev r10_020)."""
    if company_home(text, m) or _in_outlet(text, m):
        return True
    if m.via == "adjective":
        for w in re.findall(r"[А-ЯЁа-яё]+", text[m.end:m.end + 80])[:4]:
            low = w.lower()
            if low in _LEGAL_FORMS and w.isupper() or lemma(low) in _EVENT_NOUNS:
                return True
            if not low.endswith(_ADJ_ENDINGS):
                return False
        return False
    return _destination(text, m)


def _in_outlet(text: str, m: RegionMention) -> bool:
    """A region inside a news outlet's name (company_words.csv media_name, media_before):
    "передает РИА Крым" (real news dev r2_041), "пишет «РБК Краснодар»", "телеканал «Кубань
    24»": the outlet's home, not the story's place."""
    if _MEDIA_BEFORE.search(text, max(0, m.start - 40), m.start):
        return True
    line = text.rfind("\n", 0, m.start) + 1
    lo, hi = max(line, m.start - 40), m.end + 40
    if not _outlet_may_hold(text, m, lo, hi):
        return False
    # within the name's first words ("ИА REGNUM, с 16 марта в Республике Коми" is the story)
    return any(o.start() <= m.start and m.end <= o.end()
               and _NAME_START.fullmatch(text, o.start(), m.start) and "\n" not in o.group(0)
               for o in _MEDIA_NAME.finditer(text, lo, hi)
               if o.start() == 0 or not text[o.start() - 1].isalnum())


def _outlet_may_hold(text: str, m: RegionMention, lo: int, hi: int) -> bool:
    """Whether an outlet's name may start at one of the few places _in_outlet accepts (a
    word's start at most two words before the region): False means _in_outlet's scan finds
    none, since each match it scans is the pattern's match at its start. Trying those
    places alone, not scanning every position of the window, saves ~3 % of the rules' CPU
    (benchmarks/profile_rules.py); a True is checked by the scan itself."""
    for p in range(lo, m.start + 1):
        if (p == 0 or not text[p - 1].isalnum()) and _NAME_START.fullmatch(text, p, m.start):
            o = _MEDIA_NAME.match(text, p, hi)
            if o is not None and m.end <= o.end() and "\n" not in o.group(0):
                return True
    return False


_NAME_START = re.compile(r"[«\"“]?[\w-]*(?:[ \t]+[«\"“]?[\w-]+)?[ \t]*[«\"“]?")


def _destination(text: str, m: RegionMention) -> bool:
    """"доставляют на Кубань", "поставки в Москву": a region in the accusative after "в"/"на"
    a few words after a word of sending goods is where they go, not where they are made."""
    window = text[max(0, m.start - 80):m.start].lower()
    # the pattern ends with "в", "во" or "на" and a space: a window that does not is not
    # scanned (the scan, backtracking over the words before, was ~1 % of the rules' CPU)
    ends = window.rstrip()
    if ends == window or not ends.endswith(("в", "во", "на")):
        return False
    before = _SUPPLY_BEFORE.search(window)
    if not before or not any(lemma(w) in _SUPPLY_WORDS
                             for w in re.findall(r"[а-яё]+", before.group(0))[:-1]):
        return False
    first = re.match(r"[А-ЯЁа-яё]+", m.text)
    cases = {p.tag.case for p in morph().parse(first.group(0).lower())} if first else set()
    return "accs" in cases and not cases & {"loct", "loc2", "datv"}


def origin(text: str, m: RegionMention) -> bool:
    """"распоряжение … пришло из Москвы", "Привезли их из Екатеринбурга": a region after "из"
    is where something comes from; the story's own region is named otherwise (main_region
    counts it only when nothing else is named). Not "одно из ульяновских предприятий"."""
    if m.via == "adjective":
        return False
    before = re.search(r"(\w+)\s+из\s+$", text[max(0, m.start - 40):m.start].lower())
    return bool(before) and lemma(before.group(1)) not in _PARTITIVES and \
        before.group(1) not in _PARTITIVES


# gazetteer_words.csv partitive: "одно из", "многие из": the places among which one is picked
_PARTITIVES = lexicon.words("gazetteer_words", role="partitive")


_ADJ_ENDINGS = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому",
                "ему", "ым", "им", "ом", "ем", "ую", "юю", "ых", "их", "ыми", "ими", "ей")


# A region named by its name or a short name of it ("Башкирии" in "В Краснокамском районе
# Башкирии открылась птицефабрика", real news r7_016), not by a town or an adjective.
_NAMED_OUTRIGHT = ("region", "alias")


def main_region(text: str, within: list[tuple[int, int]] | None = None) -> Region | None:
    """The most often named region (ties: first named); only mentions inside `within`
    (the article's sentences, without the page furniture) count when it is given."""
    found = find_regions(text)
    # a region that is only some company's home still places a story that names no other
    everywhere = settle_shared_towns(
        [m for m in found if not elsewhere(text, m) and not origin(text, m)] or found)
    mentions = everywhere
    if within is not None:
        starts = [a for a, _ in within]
        mentions = [m for m in mentions
                    if (k := bisect_right(starts, m.start) - 1) >= 0 and m.start < within[k][1]]
        if not any(m.via in _NAMED_OUTRIGHT for m in mentions):
            # the body names only towns: a region named outright in the headline wins
            # ("…в Тверской области" above "в Калининском округе", real news dev r1_021)
            # … and a body that names no place at all takes the headline's town ("Под Тулой
            # построят новый завод", real news dev r1_003)
            mentions = [m for m in everywhere if m.via in _NAMED_OUTRIGHT] or mentions or \
                everywhere
        elif starts:
            # a region named outright above the body (the headline) counts and wins a tie:
            # one "из … Санкт-Петербурга" in the body does not move a Kaliningrad story
            # (real news dev r1_041)
            mentions = [m for m in everywhere
                        if m.via in _NAMED_OUTRIGHT and m.start < starts[0]] + mentions
    if not mentions:
        return _facility_town(text, within)
    counts = Counter(m.region.code for m in mentions)
    top = max(counts.values())
    for m in mentions:
        if counts[m.region.code] == top:
            return m.region
    return None


# a town's adjective before a noun ("Сортавальском лесозаводе"); the noun must be a facility's
_TOWN_ADJECTIVE = re.compile(
    r"\b([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)?[сц]к(?:ий|ой|ая|ое|ого|ому|им|ом|ую|ие|их|ими|ей))"
    r"\s+([а-яё]+)")


def _facility_town(text: str, within: list[tuple[int, int]] | None) -> Region | None:
    """A text that names no region may name a plant after its town: "на Сортавальском
    лесозаводе" (fresh real pages r19_016), "Буйской птицефабрики" (real news dev r7_015),
    "Дмитровском заводе газобетонных изделий" (r8_023): the town's region, the first found."""
    for m in _TOWN_ADJECTIVE.finditer(text):
        if within is not None and not any(a <= m.start() < b for a, b in within):
            continue
        noun = lemma(m.group(2))
        # a compound of a facility noun counts too: "лесозавод", "мясокомбинат"
        if "ическ" in m.group(1) or not (noun in _FACILITY_NOUNS or any(
                noun.endswith(f) for f in _FACILITY_NOUNS if len(f) >= 5)):
            continue
        region = region_of_place_adjective(m.group(1))
        if region is not None:
            return region
    return None


def company_names(text: str) -> frozenset[str]:
    """The quoted names a text writes right after a legal form or a company noun ("ООО
    «Стройберг»", "компании «Альянс»", descriptor_before): a plant of that name is run by
    the company of its name, which the reader names as its operator."""
    return frozenset(m.group(1).strip() for m in _QUOTED_NAME.finditer(text)
                     if descriptor_before(text, m.start(1)))


_QUOTED_NAME = re.compile(r"[«\"“]([^«»\"“”]{2,60})[»\"”]")


def build_context(analyzed: AnalyzedText, published: date | None) -> DocContext:
    within = [(s.start, s.end) for s in analyzed.sentences]
    return DocContext(published, main_region(analyzed.text, within), main_company(analyzed),
                      company_names(analyzed.text))
