"""Investments: sums of money put into industrial projects.

A money mention is an investment when its sentence speaks of investing (инвестиции,
вложить, капиталовложения, стоимость проекта, ...) and the sum is not a tax, a wage or a
turnover. A sum without a currency word takes the currency of the previous sum in the
article ("порядка 28 миллиардов рублей, из них ... около 8 миллиардов"), roubles when
there is none.

Other ways a sentence gives a sum as an investment: the cost of the facility it names
("завод ... за 11 млрд руб."), or the sum of the project or facility of the previous
sentence ("Завод построят в Туле. Стоимость составит 5 млрд рублей.").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date

from pipeline import lookalikes
from pipeline.rules import lexicon
from pipeline.rules.context import (
    PROJECT_PROGRAMS,
    DocContext,
    company_name,
    elsewhere,
    find_program,
    find_programs,
    is_company,
    is_facility_name,
    origin,
    sentence_companies,
    story_company,
)
from pipeline.rules.dates import Period, find_periods
from pipeline.rules.fastre import compile_fast
from pipeline.rules.gazetteer import Region, find_regions
from pipeline.rules.money import Money, carry_currency, find_money
from pipeline.rules.morph import lemma
from pipeline.rules.numbers import parse_number_words
from pipeline.rules.plants import PlantMention, _plant_regions, _same_name, find_plants
from pipeline.rules.text import AnalyzedText, Sentence


def _cues(kind: str) -> str:
    """The investment_cues.csv patterns of one kind as one alternation, in file order."""
    return "|".join(lexicon.ordered("investment_cues", "pattern", kind=kind))


# The word lists are pipeline/data/lexicon/investment_cues.csv (and the facility nouns'
# cost_genitive of facility_heads.csv, the approx qualifiers of money_words.csv), read on
# import.
_EVENT_GEN = "(?:" + "|".join(
    [*lexicon.ordered("investment_cues", "pattern", kind="cost_object"),
     *lexicon.ordered("facility_heads", "cost_genitive")]) + ")"
INVEST_CUES = compile_fast(_cues("invest").replace("{cost_object}", _EVENT_GEN), re.IGNORECASE)
NOT_INVEST_CUES = compile_fast(_cues("not_invest"), re.IGNORECASE)
# a fund's conditions ("Суммы от 5 до 20 млн рублей выдаются сроком до пяти лет под 1% годовых")
_OFFER_TERMS = compile_fast(_cues("offer_term"), re.IGNORECASE)
_OFFER_VERBS = compile_fast(_cues("offer_verb"), re.IGNORECASE)
# a loan: with no programme of its own, it takes the previous sentence's (_loan_program)
_LOAN_WORDS = compile_fast(_cues("loan_word"), re.IGNORECASE)
# "Объем инвестиций в экономику Ленобласти до конца текущего года составит ...": the subject
# of the sentence, however far before the sum
_NOT_INVEST_BEFORE = compile_fast(_cues("not_invest_before"), re.IGNORECASE)
# how far before and after a sum a not_invest word is its subject ("Бюджетный эффект для
# округа оценивается в 1,7 млрд", "до 200 млн рублей подняли максимальный объем ...")
_NOT_BEFORE, _NOT_AFTER = 60, 40
# A verb before the sum that bounds it from below: "превысили $3 млрд", "может превысить".
_AT_LEAST_VERB = re.compile(r"превы\w+\s+(?:отметку\s+(?:в\s+)?)?$", re.IGNORECASE)
# "оценивается почти в 70 млрд", "комплекс почти за 4 млрд рублей" (real news dev r22_003): a
# qualifier before the preposition the sum follows.
_APPROX_IN = re.compile(
    "(?:" + "|".join(w for w in lexicon.ordered("money_words", qualifier="approx") if " " not in w)
    + r")\s+(?:в|за)\s+$", re.IGNORECASE)
# "оценивались более чем в 8 миллиардов", "поддержку более чем на 1 млрд": a lower bound before
# the preposition the sum follows ("от" and "до" are left out: "от ... до" is a range)
_AT_LEAST_IN = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted(
        (w.replace(" ", r"\s+") for w in lexicon.ordered("money_words", qualifier="at_least")
         if w != "от"), key=len, reverse=True)) + r")\s+(?:в|на)\s+$", re.IGNORECASE)
# Objects that are not industry: money for them is no industrial investment when the
# article names no facility at all.
NON_INDUSTRIAL = compile_fast(_cues("non_industrial"), re.IGNORECASE)
# A sum right after one of these ("завод ... за 11 млрд руб.") is the cost of the facility
# its sentence names, unless the sentence speaks of a purchase or a sale.
_BEFORE_SUM = compile_fast("(?:" + _cues("before_sum") + ")", re.IGNORECASE)
_PURCHASE = compile_fast(_cues("purchase"), re.IGNORECASE)
# ... or of the project a sentence of building speaks of ("за 7,5 млрд рублей будет построена
# вторая очередь тепличного комплекса")
_BUILD = compile_fast(_cues("build"), re.IGNORECASE)
# ... when it builds a facility, even one named by a noun that needs a complement elsewhere
# ("тепличного комплекса"), not a road or a bridge
_ANY_FACILITY = lexicon.words("facility_heads", "lemma")
# In a sentence with no cue, a word that takes its sum as the investment the previous
# sentence speaks of (a facility or investing, and no sum of its own): "Завод построят в
# Туле. Сумма составит 5 млрд рублей."
_NEIGHBOUR = compile_fast(_cues("neighbour"), re.IGNORECASE)
# A sum with no currency and none before it in the article ("10 миллиардов инвестиций",
# "вложено 505 миллионов") is roubles: the articles are Russian news.
HOME_CURRENCY = "RUB"
_FACILITY_LEMMAS = lexicon.words("facility_heads", "lemma") \
    - lexicon.flagged("facility_heads", "po_only", "lemma")
# facility nouns that name a plant by themselves: an article that uses one is about industry
_PLANT_LEMMAS = _FACILITY_LEMMAS - lexicon.flagged("facility_heads", "weak", "lemma")
# Latin letters that look like Cyrillic ones, as some pages write them inside Russian
# words ("нa стрoитeльствo"): read as Cyrillic when a cue is looked for.
# A sentence that gives the total of several investors ("Трое инвесторов ...", "17 компаний с
# объемом инвестиций ...", "суммарно"): its sums have no one investor (investor_words.csv).
_SEVERAL_NOUNS = lexicon.words("investor_words", kind="several_noun")
_SEVERAL_WORD = re.compile(
    r"\b(?:" + "|".join(lexicon.ordered("investor_words", kind="several_word")) + r")\b",
    re.IGNORECASE)
# "группа компаний «Инфорум»": a plural after one of these is part of a company's name
_NAME_HEADS = lexicon.words("investor_words", kind="name_head")
# "Инвестиции в ОЖК составят ...": the company right after is what money is put into
_TARGET_BEFORE = re.compile(
    r"(?:" + "|".join(lexicon.ordered("investor_words", kind="target_before"))
    + r")\s+[«\"“]?\s*$", re.IGNORECASE)
# "Строительством занимается компания «Монолит-строй»": the builder, no investor
# ... and "Оборудование поставит компания «Дельта»", "покупателем продукции станет компания
# «Дельта»": a supplier or a buyer (investor_words.csv supplier_before)
_CONTRACTOR_BEFORE = re.compile(
    r"(?:" + "|".join(lexicon.ordered("investor_words", kind="contractor_before")
                      + lexicon.ordered("investor_words", kind="supplier_before"))
    + r")\s*[-–—:]?\s*(?:(?:компани\w*|фирм\w*|организаци\w*|ООО|АО|ЗАО|ОАО)\s+)?[«\"“]?\s*$",
    re.IGNORECASE)
# an abbreviation that a company's name spelt out earlier stands for ("ПЛК")
_ABBREVIATION = re.compile(r"[А-ЯЁA-Z]{2,6}")
# "из которых 120 млн — краевая субсидия": public money, no company's investment
_PUBLIC_MONEY = compile_fast(
    "|".join(lexicon.ordered("investor_words", kind="public_money")), re.IGNORECASE)
# "Объем инвестиций в основной капитал в сфере промышленности области составит ...": the
# total of a sector or a territory, many companies' money
_SECTOR_TOTAL = compile_fast(
    "|".join(lexicon.ordered("investor_words", kind="sector_total")), re.IGNORECASE)
# a quoted name ("по программе «Проекты развития»")
_QUOTED = re.compile(r"«[^«»]*»")
# A legal form or a company word right before a name ("ООО «Красногвардейский молочный
# завод»", "компания «Регион-Лес»"): the name is a company's, whatever words it holds
_LEGAL_FORMS = lexicon.ordered("orgs_words", role="legal_form")
_COMPANY_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in sorted(
        (f for f in _LEGAL_FORMS if f.isupper()), key=len, reverse=True))
    + r"|(?i:" + "|".join(re.escape(f) for f in _LEGAL_FORMS if not f.isupper())
    + "|" + "|".join(lexicon.ordered("investor_words", kind="company_before"))
    + r"))\s*[«\"“„]?\s*$")
# "построят Мещовский комбинат", "модернизацию птицефабрики «Карантайская»": the work done
# on a plant right before its name (a facility noun and two more words between at most)
_WORK_BEFORE = re.compile(
    r"(?<![\w-])(?:" + "|".join(lexicon.ordered("investor_words", kind="target_work"))
    + r")\s+(?:[^\W\d_]+\s+){0,3}[«\"“„]?\s*$", re.IGNORECASE)
def cue_text(text: str) -> str:
    """`text` with the look-alike letters of its Cyrillic words read as Cyrillic
    (pipeline.lookalikes), for sentences that did not come through the ingest step; same
    length, so offsets hold."""
    return lookalikes.fold(text)[0]


def names_facility(sent: Sentence) -> bool:
    """Whether a sentence names a facility noun (facility_heads.csv): "завод", "цех", ..."""
    return any(t.lemma in _FACILITY_LEMMAS for t in sent.tokens)


def several_investors(sent: Sentence, subject: bool = False) -> bool:
    """Whether a sentence speaks of several investors: an investor noun (investor_words.csv)
    in the plural or after a number above one, outside a name ("трое инвесторов", "17
    компаний", "два крупных предприятия", not "группа компаний «Автотор»" nor "программа
    «Проекты развития»"), or a word of adding up ("суммарно"). With `subject`, a plural
    noun counts only in the nominative, as what the sentence speaks of ("В проект вложились
    местные инвесторы"), not "условия для инвесторов" nor "перечень приоритетных проектов"
    (real news dev r6_010, r10_010)."""
    if _SEVERAL_WORD.search(sent.text):
        return True
    names = [(sp.start, sp.end) for sp in sent.spans if sp.type == "ORG"] + [
        (sent.start + q.start(), sent.start + q.end()) for q in _QUOTED.finditer(sent.text)]
    tokens = sent.tokens
    for i, t in enumerate(tokens):
        if t.lemma not in _SEVERAL_NOUNS or any(a <= t.start < b for a, b in names) \
                or (i > 0 and tokens[i - 1].lemma in _NAME_HEADS):
            continue
        if (t.feats.get("Number") == "Plur"
                and (not subject or t.feats.get("Case") == "Nom")) or _counted(tokens, i):
            return True
    return False


def _counted(tokens: list, i: int) -> bool:
    """Whether the noun at `i` follows a number above one, adjectives between ("два
    крупных предприятия", "8 потенциальными резидентами")."""
    j = i - 1
    while j >= 0 and tokens[j].pos == "ADJ":
        j -= 1
    return j >= 0 and tokens[j].pos == "NUM" and (parse_number_words(tokens[j].text) or 0) > 1


# Support instruments that describe a whole project (its site or its contract): named once
# in an article, they hold for its investment sums. Loans and subsidies are sums of their own.
_PROJECT_PROGRAMS = PROJECT_PROGRAMS


@dataclass(frozen=True)
class InvestmentMention:
    amount: float
    amount_max: float | None
    currency: str
    qualifier: str
    investor: str | None
    region: Region | None
    period_start_year: int | None
    period_end_year: int | None
    program: str | None
    evidence: str
    start: int
    end: int
    # offsets of the total this sum is a part of ("28 млрд ..., из них ... 8 млрд"), so
    # readers can add up totals without counting a part twice
    part_of: tuple[int, int] | None = None


# "из них", "из которых", "в том числе", "включая": the next sum is a part of the previous one
_PART_OF = re.compile(r"\b(?:" + _cues("part_of") + r")\b", re.IGNORECASE)


def investment_id(doc_id: str, start: int, end: int) -> str:
    key = f"{doc_id}|{start}|{end}"
    return "inv-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


# where the clause of a sum ends: the words after a sum up to this are that sum's
_CLAUSE_BREAK = re.compile(r"[,;:(—–]|\s(?:и|а|но|или)\s")


def _stretch(text: str, start: int, end: int, others: list[tuple[int, int]]) -> str:
    """The part of a sentence that belongs to one sum: from the end of the previous sum (or
    of the clause that follows it) to the start of the next ("6 млрд, из них 2 млрд — заём
    ФРП")."""
    lo = max((e for s, e in others if e <= start), default=0)
    if lo and (clause := _CLAUSE_BREAK.search(text, lo, start)):
        lo = clause.end()  # "1,3 млрд рублей из Инвестиционного фонда РФ и свыше 150 млн"
    hi = min((s for s, e in others if s >= end), default=len(text))
    return text[lo:hi]


def _program_for(text: str, start: int, end: int, others: list[tuple[int, int]]) -> str | None:
    """The programme named in the part of a sentence that belongs to one sum."""
    return find_program(_stretch(text, start, end, others))


def _without_targets(sent: Sentence) -> Sentence:
    """The sentence without the names money is put into ("Инвестиции в ОЖК ...") and the
    companies named as its builder, supplier or buyer ("..., основным покупателем продукции
    станет компания «Дельта»"): a sum of it takes the company of the project instead."""
    return replace(sent, spans=[
        sp for sp in sent.spans
        if not _TARGET_BEFORE.search(sent.text[max(0, sp.start - sent.start - 40):
                                               sp.start - sent.start])
        and not _CONTRACTOR_BEFORE.search(sent.text[max(0, sp.start - sent.start - 60):
                                                    sp.start - sent.start])])


def _investor_for(sent: Sentence, rel: int, others: list[tuple[int, int]]) -> str | None:
    """In a sentence of several sums, the company named nearest before a sum and after the
    previous one ("завода компании «Альба» за 11 млрд руб., третьей очереди предприятия
    «Воронежсельмаш» за 1,5 млрд руб."); None when that stretch names none."""
    lo = max((e for s, e in others if e <= rel), default=0)
    near = replace(sent, spans=[sp for sp in _without_targets(sent).spans
                                if lo <= sp.start - sent.start < rel])
    names = sentence_companies(near)
    return names[-1] if names else None


def _qualifier(text: str, rel: int, qualifier: str) -> str:
    """How exact a sum is, also from the words before it that money.py does not read:
    "превысили $3 млрд" (at least), "оценивается почти в 70 млрд" (approx), "более чем в 8
    млрд" (at least)."""
    if qualifier == "exact" and _AT_LEAST_VERB.search(text[max(0, rel - 30):rel]):
        return "at_least"
    if qualifier == "exact" and _APPROX_IN.search(text[max(0, rel - 30):rel]):
        return "approx"
    if qualifier == "exact" and _AT_LEAST_IN.search(text[max(0, rel - 30):rel]):
        return "at_least"
    return qualifier


# "в 2026 году ожидается запуск завода ... за 11 млрд": the year of an event, not of the sum
_EVENT_YEAR = compile_fast(_cues("event_year"), re.IGNORECASE)
_SPEND_VERB = compile_fast(_cues("spend_verb"), re.IGNORECASE)
_EVENT_WINDOW = 40  # how far before the year an event word may stand ("было начато в 2008 году")
# "Период строительства — 2015–2018 годы", "срок реализации проекта — 2017 год"
_PROJECT_PERIOD = compile_fast("|".join(
    f"(?P<{kind}>{_cues(kind)})" for kind in ("project_period", "project_end", "project_start")),
    re.IGNORECASE)
_PROJECT_PERIOD_GAP = 40  # how far after the phrase its period may start


def _event_year(text: str, p: Period, rel: int) -> bool:
    """Whether a single year before a sum dates an event the sentence tells between the year
    and the sum or just before the year ("в 2026 году ожидается запуск ...", "было начато в
    2008 году, ... 2,3 млрд"), not a year of spending ("в 2024 году вложат 5 млрд", "в 2024
    году вложила в запуск линии 5 млрд")."""
    return p.start_year == p.end_year and p.end <= rel and not p.text.lower().startswith("за") \
        and bool(_EVENT_YEAR.search(text[max(0, p.start - _EVENT_WINDOW):rel])) \
        and not _SPEND_VERB.search(text[p.end:rel])


def project_period(sentences: list[Sentence], published: date | None) -> Period | None:
    """The period an article gives its project in a phrase of its own ("Период строительства
    ... — 2015–2018 годы", "сроки реализации проекта ограничены 2012 годом", "Модернизация
    велась с 2018 года"); a single year is the end after a term ("срок"), the start after a
    start ("проекта, начатого в 2021 году"), else none."""
    for sent in sentences:
        for m in _PROJECT_PERIOD.finditer(sent.text):
            p = next((p for p in find_periods(sent.text, published)
                      if 0 <= p.start - m.end() <= _PROJECT_PERIOD_GAP), None)
            if p is None or "," in sent.text[m.end():p.start]:
                continue
            p = replace(p, start=sent.start + p.start, end=sent.start + p.end)
            if p.start_year != p.end_year or p.start_year is None:
                return p
            if m["project_end"]:
                return replace(p, start_year=None)
            if m["project_start"]:
                return replace(p, end_year=None)
    return None


def _period(text: str, periods: list[Period], rel: int, rel_end: int) -> Period | None:
    """The period of a sum: the last one before it, else one right after it ("... 9,6 млрд
    руб. за пять лет"), not in another clause ("..., первую печь разожгут в 2027 году",
    "... 6 млрд рублей планируют завершить в 2026 году"), nor the year of an event
    (`_event_year`)."""
    periods = [p for p in periods if not _event_year(text, p, rel)]
    before = [p for p in periods if p.end <= rel]
    after = [p for p in periods if p.start >= rel_end
             and "," not in text[rel_end:p.start]
             and len(text[rel_end:p.start].split()) <= 2]
    return before[-1] if before else (after[0] if after else None)


def _part_of(prev: InvestmentMention | None, m: Money, sent: Sentence,
             rel: int) -> tuple[int, int] | None:
    """The total this sum is a part of: the previous sum of the sentence, larger, in the
    same currency, with "из них" / "в том числе" between them."""
    if prev is not None and prev.currency == m.currency and prev.amount > m.amount \
            and _PART_OF.search(sent.text[prev.end - sent.start:rel]):
        return prev.start, prev.end
    return None


# "320 миллионов евро (11 млрд 520 млн рублей)": a sum in brackets right after a sum in another
# currency is the same money converted (real news dev r10_029)
_CONVERSION_GAP = re.compile(r"\s*\(\s*(?:(?:около|примерно|почти|порядка|свыше|более|≈|~)\s*)?$",
                             re.IGNORECASE)


def _conversion(sent: Sentence, money: list[Money], m: Money) -> bool:
    """Whether `m` is the previous sum of its sentence converted into another currency."""
    prev = [p for p in money if p.end <= m.start]
    return bool(prev) and prev[-1].currency != m.currency and bool(_CONVERSION_GAP.fullmatch(
        sent.text[prev[-1].end - sent.start:m.start - sent.start]))


def _no_investment(text: str, rel: int, rel_end: int, others: list[tuple[int, int]],
                   facility: bool) -> bool:
    """A sum that a word of its own clause makes no investment (a tax, a wage, a contract
    price), or the cost of a non-industrial object when the sentence names no facility."""
    # a tax or a wage word of another sum's clause does not make this one no investment
    # ("500 тысяч рублей товарного кредита и ... порядка 3-4 миллиона рублей в качестве
    # инвестиций", real news dev r12_006)
    lo = max((e for s, e in others if e <= rel), default=0)
    if lo and (clause := _CLAUSE_BREAK.search(text, lo, rel)):
        lo = clause.end()  # the words right after the previous sum are its own
    hi = min((s for s, e in others if s >= rel_end), default=len(text))
    if NOT_INVEST_CUES.search(text[max(lo, rel - _NOT_BEFORE): min(hi, rel_end + _NOT_AFTER)]) \
            or _NOT_INVEST_BEFORE.search(text[:rel]):
        return True
    if _OFFER_TERMS.search(text) and _OFFER_VERBS.search(text):
        return True  # a support programme's conditions, no sum put into a project
    # "картофелехранилище возводит «X», сумма инвестиций составит ..."
    return not facility and bool(NON_INDUSTRIAL.search(text[:rel]))


def _sentence_investments(sent: Sentence, in_sent: list[Money], ctx: DocContext,
                          project_program: str | None,
                          out: list[InvestmentMention], near: str | None = None,
                          prev_regions: frozenset[str] = frozenset(),
                          prev_programs: frozenset[str] = frozenset(),
                          prev_place: Region | None = None) -> None:
    """Append the investment sums of one sentence that speaks of investing to `out`; the
    sentence gives each sum its investor, region, period and programme. A sentence that
    names no company takes `near` (the company of the last sentence about a project; "" when
    that sentence spoke of several investors and named none: no investor), else the
    article's main company. A sum of several investors in a sentence that names three
    regions or more (or names none after one that does: `prev_regions`) has no region. A
    sentence that names no region takes `prev_place`, the one region of a facility the
    sentence before names, before the article's."""
    periods = find_periods(sent.text, ctx.published)
    regions = find_regions(sent.text)
    # not a company's home, a meeting's place or where goods go ("На прошедшем Петербургском
    # международном экономическом форуме …", fresh real pages r19_020; "компания из
    # Санкт-Петербурга «Метробетон», она вложила", real news dev r7_006)
    placing = [r for r in regions if not elsewhere(sent.text, r)]
    region = placing[0].region if placing else prev_place or ctx.region
    companies = sentence_companies(_without_targets(sent))
    investor = companies[0] if companies else story_company(ctx) if near is None else near or None
    several = several_investors(sent)
    if several and len({r.region.code for r in regions} if regions else prev_regions) > 2:
        # loans to enterprises of four regions, or the sum of a list of regions' projects
        # ("займы предприятиям из Челябинской, Белгородской, Тверской областей и Удмуртии на
        # 172 млн рублей", real news dev r12_013, r12_014): no one region; two may be the
        # region and where its agreements were signed ("Ростовская область на московской
        # агровыставке подписала три инвестоглашения", r6_033)
        region = None
    sent_program = find_program(sent.text)
    spans = [(m.start - sent.start, m.end - sent.start) for m in in_sent]
    text = cue_text(sent.text)
    facility = names_facility(sent)
    for m in in_sent:
        if m.currency is None or m.amount <= 0 or _conversion(sent, in_sent, m):
            continue
        rel, rel_end = m.start - sent.start, m.end - sent.start
        others = [sp for sp in spans if sp != (rel, rel_end)]
        if _no_investment(text, rel, rel_end, others, facility):
            continue
        period = _period(sent.text, periods, rel, rel_end)
        program = _program_for(sent.text, rel, rel_end, others) if others else sent_program
        investor_of_sum = _investor_for(sent, rel, others) if others else None
        stretch = _stretch(sent.text, rel, rel_end, others)
        public = _PUBLIC_MONEY.search(stretch) or _SECTOR_TOTAL.search(stretch)
        if program is None and sent_program is None:
            program = project_program or _loan_program(sent.text, rel, rel_end, others,
                                                       prev_programs)
        prev = out[-1] if out and out[-1].evidence == sent.text else None
        out.append(InvestmentMention(
            amount=m.amount, amount_max=m.amount_max, currency=m.currency,
            qualifier=_qualifier(sent.text, rel, m.qualifier),
            investor=None if public else investor_of_sum or (None if several else investor),
            region=region, period_start_year=period.start_year if period else None,
            period_end_year=period.end_year if period else None,
            program=program, evidence=sent.text, start=m.start, end=m.end,
            part_of=_part_of(prev, m, sent, rel),
        ))


def _loan_program(text: str, rel: int, rel_end: int, others: list[tuple[int, int]],
                  prev_programs: frozenset[str]) -> str | None:
    """A loan whose sentence names no programme is the programme's the previous sentence
    names, when it names one ("Фонд развития промышленности одобрил заявки двух компаний.
    Компании получат займы на сумму 20 млн рублей", a fresh real page of session 17)."""
    if len(prev_programs) != 1 or not _LOAN_WORDS.search(_stretch(text, rel, rel_end, others)):
        return None
    return next(iter(prev_programs))


def _next_near(near: str | None, sent: Sentence, about_project: bool, cued: bool,
               has_sums: bool, split: bool = False) -> str | None:
    """The company a later sentence without one takes: the company of this sentence about a
    project; "" (no investor) after a sum of several investors naming none, after a list
    of companies (`_listed_companies`) or sums of several companies (`split`: "завода
    компании «Альба» за 11 млрд руб., третьей очереди предприятия «Воронежсельмаш» за 1,5
    млрд руб. ... Общий объем инвестиций в площадку оценивается в 34,2 млрд", real news dev
    r1_030, gold investor null)."""
    names = sentence_companies(sent, facilities=False)
    if not about_project and (party := _agreement_party(sent)):
        # "Подписано соглашение с АО ПФМЗ. Инвестор вложит 300 млн рублей ..." (real news
        # dev r17_015): the company an agreement is signed with is the project's
        return party
    if about_project and names:
        # "Реализацией проектов займутся компании АО «X» и ООО «Y». Общий объём инвестиций
        # составит 2,2 млрд" (real news dev r9_016, r1_030, gold investor null): a list of
        # companies does the projects together, no one of them is the sum's investor
        return "" if split or _listed_companies(sent) else names[0]
    if names and near == "":
        return None
    if not names and (has_sums and several_investors(sent)
                      or cued and several_investors(sent, subject=True)):
        # "17 компаний ... на 67,9 млрд руб. Фактически ими уже вложено ...", "В проект
        # вложились местные инвесторы. Объем средств ... превысил 9,5 млрд" (r8_017)
        return ""
    return near


# what stands between two companies of one list: a comma or "и", a company word or a legal
# form before the next name ("компании АО «X» и ООО «Y»", "«X», «Y» и «Z»")
_LIST_GAP = re.compile(
    r"[»\"”]?\s*(?:,|\sи)\s*(?:(?:компани\w*|" + "|".join(
        re.escape(f) for f in _LEGAL_FORMS if " " not in f) + r")\s+)?[«\"“]?\s*",
    re.IGNORECASE)


def _listed_companies(sent: Sentence) -> bool:
    """Whether a sentence lists two companies or more side by side, with only a comma or
    "и" between them (`_LIST_GAP`)."""
    spans = [sp for sp in sent.spans if sp.type == "ORG" and is_company(sp)]
    return any(
        _LIST_GAP.fullmatch(sent.text[a.end - sent.start:b.start - sent.start])
        and company_name(a) != company_name(b) for a, b in zip(spans, spans[1:], strict=False))


# "соглашение с", "соглашение о сотрудничестве с компанией": the company right after is
# the party an agreement is signed with (investor_words.csv party_before)
_PARTY_BEFORE = re.compile(
    r"(?:" + "|".join(lexicon.ordered("investor_words", kind="party_before"))
    + r")\s+(?:[\w-]+\s+){0,3}?со?\s+(?:компани\w*\s+)?[«\"“]?\s*$", re.IGNORECASE)


def _agreement_party(sent: Sentence) -> str | None:
    """The company a sentence says an agreement is signed with ("Подписано соглашение с АО
    ПФМЗ"), None when it names none so."""
    for sp in sent.spans:
        rel = sp.start - sent.start
        if is_company(sp) and _PARTY_BEFORE.search(sent.text[max(0, rel - 80):rel]):
            name = company_name(sp, sent.text[max(0, rel - 1):rel] == "«")
            if name and name in sentence_companies(sent, facilities=False):
                return name
    return None


def find_investments(analyzed: AnalyzedText, ctx: DocContext, n_plants: int | None = None,
                     plants: list[PlantMention] | None = None) -> list[InvestmentMention]:
    """Investment sums of an article. The facilities found in it (`plants`, or only their
    number `n_plants`) let an article about a shopping centre or a stadium give none, and
    tell a plant's own name from a company's (`_with_investor_names`)."""
    out: list[InvestmentMention] = []
    if plants is None and n_plants is None:
        plants = find_plants(analyzed, ctx)
    if plants is not None:
        n_plants = len(plants)
    if n_plants == 0 and NON_INDUSTRIAL.search(analyzed.text) and not _about_a_plant(analyzed):
        return out
    # money over the whole text, so a currency carries over across sentences
    money = carry_currency(find_money(analyzed.text), default=HOME_CURRENCY)
    project_program = _project_program(analyzed)
    # the company of the last sentence about a project (investing or a facility): a sentence
    # that names none takes it before the article's main company ("С ООО «Бета» подписано
    # соглашение о строительстве завода ... Общий объём инвестиций в проект – 900 млн"),
    # "" after a sum of several investors that names none, until a company is named
    near: str | None = None
    doc_period = project_period(analyzed.sentences, ctx.published)
    prev_cued = False  # the previous sentence speaks of investing or of a facility, no sum
    # the previous sentence names a non-industrial object and no facility: a sum of a sentence
    # that names no facility, company or investors of its own is that object's ("... склада,
    # реализуемого ООО «X». Объем инвестиций составит 7,9 млрд рублей", real news dev r13_005;
    # "... построят фруктохранилища. Сумма инвестиций – 65,8 миллионов рублей", r2_025)
    prev_non_industrial = False
    prev_regions: frozenset[str] = frozenset()  # the regions the previous sentence names
    prev_programs: frozenset[str] = frozenset()  # the programmes the previous sentence names
    # the one region of a facility the previous sentence names: "В Татарстане построили завод
    # … В проект было вложено 2 млрд рублей" (real news dev r8_006, r9_007)
    prev_place: Region | None = None
    for sent in analyzed.sentences:
        in_sent = [m for m in money if sent.start <= m.start < sent.end]
        text = cue_text(sent.text)
        cued = bool(INVEST_CUES.search(text))
        non_industrial = bool(NON_INDUSTRIAL.search(text)) and not names_facility(sent)
        if in_sent and prev_non_industrial and not names_facility(sent) \
                and not several_investors(sent) and not sentence_companies(sent):
            in_sent = []  # a sentence with a subject of its own ("13 компаний ...") is not
        prev_non_industrial = non_industrial
        if in_sent and not cued:
            neighbour = prev_cued and _NEIGHBOUR.search(text) \
                and not NOT_INVEST_CUES.search(text)
            in_sent = [m for m in in_sent if neighbour or _cost_after(sent, text, m)]
        if in_sent:
            _sentence_investments(sent, in_sent, ctx, project_program, out, near, prev_regions,
                                  prev_programs, prev_place)
        prev_place = _facility_place(sent, ctx)
        prev_regions = frozenset(r.region.code for r in find_regions(sent.text))
        prev_programs = frozenset(find_programs(sent.text))
        about_project = cued or names_facility(sent)
        near = _next_near(near, sent, about_project, cued, bool(in_sent), len(
            {inv.investor for inv in out if inv.evidence == sent.text and inv.investor}) > 1)
        prev_cued = about_project \
            and not any(sent.start <= m.start < sent.end for m in money)
    out = _without_range_bounds(_without_rounded_repeats(out))
    out = _with_headline(out, _headline_sums(analyzed, ctx, money, project_program))
    out = _with_investor_names(out, analyzed, _own_plant_names(plants or [], ctx, analyzed))
    return _with_project_period(out, doc_period)


def _project_program(analyzed: AnalyzedText) -> str | None:
    """The whole project's programme: the one such programme the article names. Every
    programme of every sentence counts: "ТОР «Столица Арктики» и АЗ РФ" names two, and no
    one of them holds for the article's sums (real news dev r12_027)."""
    doc_programs = {p for sent in analyzed.sentences for p in find_programs(sent.text)}
    found = doc_programs & _PROJECT_PROGRAMS
    return next(iter(found)) if len(found) == 1 else None


def _facility_place(sent: Sentence, ctx: DocContext) -> Region | None:
    """The one region of the facilities a sentence names (not a place things come from):
    a sum of the next sentence that names none is there (real news dev r8_006, r9_007)."""
    if not names_facility(sent):
        return None
    places = {r.region for r in _plant_regions(sent, ctx) if not origin(sent.text, r)}
    return next(iter(places)) if len(places) == 1 else None


def _with_investor_names(found: list[InvestmentMention], analyzed: AnalyzedText,
                         own_plants: frozenset[str] = frozenset()) -> list[InvestmentMention]:
    """The investors as the article names them: none for a company it names only as the
    builder ("Строительством занимается компания «Монолит-строй»", real news dev r13_011)
    or only as a plant (`_plant_names`, and `own_plants`: the plants of the article named
    by a name of their own and run by no company, `_own_plant_names`),
    the full name for an abbreviation it spelt out ("Поморская лесопильная компания" ...
    "ПЛК продолжил", r12_024)."""
    if not any(inv.investor for inv in found):
        return found
    contractors: set[str] = set()
    full: dict[str, str] = {}
    for sp in analyzed.spans:
        if sp.type != "ORG":
            continue
        if _CONTRACTOR_BEFORE.search(analyzed.text[max(0, sp.start - 60):sp.start]):
            contractors.add(sp.normal.strip(" «»\""))
        words = re.findall(r"[^\W\d_]+", sp.normal)
        if len(words) > 1 and not _QUOTED.search(sp.text):
            full.setdefault("".join(w[0] for w in words).upper(), sp.normal)
    plants = _plant_names(analyzed)
    out = []
    for inv in found:
        name = inv.investor
        if name in contractors or name in plants or \
                name and any(_same_name(name, p) for p in own_plants):
            name = None
        elif name and _ABBREVIATION.fullmatch(name) and name in full:
            name = full[name]
        out.append(inv if name == inv.investor else replace(inv, investor=name))
    return out


def _own_plant_names(plants: list[PlantMention], ctx: DocContext,
                     analyzed: AnalyzedText) -> frozenset[str]:
    """The names of the article's plants named by an unquoted name of their own and run by
    no company ("Бийский сахарный завод", "Буйская птицефабрика"): the plants module found
    no operator other than the plant itself, so the same name as an investor is the plant
    money is put into, not who puts it in ("В развитие Буйской птицефабрики инвестируют
    230 миллионов", "Сумма инвестиций во возобновление производства составила 1 млрд":
    real news dev r7_015, r17_010, r8_014, r5_004, gold investor null). A quoted name ("завод
    «Таурас-Феникс»") may be the company's own, and a name the article writes after a legal
    form ("ООО «Красногвардейский молочный завод»", r10_025) is a company's; so is a plant
    that runs another plant of the article or launches a unit of its own ("Челябинский
    трубопрокатный завод ввёл в эксплуатацию новый цех. Инвестиции в строительство цеха
    составили 22 млрд", the written corpus's 015, 043). A plant told with no event (status
    unknown) is no project money goes into: it may carry out one of its own ("Белгородский
    завод металлоизделий … реализует инвестиционный проект стоимостью", real news dev
    r17_027)."""
    operators = {p.operator for p in plants if p.operator}
    return frozenset(p.name for p in plants if p.operator is None and "«" not in p.name
                     and p.status != "unknown"
                     and not any(_same_name(c, p.name) for c in ctx.company_names | operators)
                     and not _launches_a_unit(p.name, analyzed))


def _launches_a_unit(name: str, analyzed: AnalyzedText) -> bool:
    """Whether a sentence starts with the plant's name, its subject, and names a unit added
    to a plant after it ("Заречный завод запустил новую линию"): the plant acts as the
    company that runs the unit."""
    for sent in analyzed.sentences:
        if not sent.text.lower().startswith(name.lower()):
            continue
        if any(t.lemma in _OWN_UNITS and t.start >= sent.start + len(name)
               for t in sent.tokens):
            return True
    return False


# units a plant adds ("цех", "линия"), not "производство", which names a plant's product
# as often ("наладить производство кирпича", real news dev r8_014)
_OWN_UNITS = lexicon.flagged("facility_heads", "added_unit", "lemma") - {"производство"}


def _plant_names(analyzed: AnalyzedText) -> set[str]:
    """The plants an article names as what is built or modernised, and never as a company:
    a plant's own name after the work done on it ("построят Мещовский комбинат точного
    литья", "модернизацию птицефабрики «Карантайская»", real news dev r9_007, r10_006) names
    what money is put into, not who puts it in; the same name after a legal form or a company
    word elsewhere ("ООО «Красногвардейский молочный завод»", r10_025) is a company's, and a
    plant that acts ("Ижевский завод запустил линию") may be its own investor."""
    plant: set[str] = set()
    company: set[str] = set()
    text = analyzed.text
    for sp in analyzed.spans:
        if not is_company(sp):
            continue
        before = text[max(0, sp.start - 40):sp.start]
        name = company_name(sp, before.endswith("«"))
        if not name:
            continue
        if _COMPANY_BEFORE.search(before) or _COMPANY_BEFORE.search(
                before + sp.text.split("«")[0].strip() + " "):
            company.add(name)
            continue
        words = re.findall(r"[^\W\d_]+", before[-30:])
        if (is_facility_name(sp) or (words and before.rstrip().endswith(tuple("«\"“„"))
                                     and lemma(words[-1]) in _FACILITY_LEMMAS)) \
                and _WORK_BEFORE.search(before):
            plant.add(name)
    return plant - company


# how far a later, rounder sum may be from an earlier one for both to be one figure: "кредит в
# сумме 499 млн рублей" then, in a quote, "500 миллионов под 1% годовых" (real news dev r12_012)
_REPEAT_SHARE = 0.02


def _significant_digits(amount: float) -> int:
    """How many significant digits a sum is written with: 500e6 has 1, 499e6 has 3."""
    digits = f"{amount:.6e}".split("e")[0].replace(".", "").rstrip("0")
    return len(digits)


def _without_rounded_repeats(found: list[InvestmentMention]) -> list[InvestmentMention]:
    """The sums without those that repeat an earlier sum of another sentence rounded: a
    later sum within 2% of an earlier one in its currency, no range, written with fewer
    significant digits, is the same money said loosely (a quote restating the figure)."""
    out: list[InvestmentMention] = []
    for inv in found:
        if inv.amount_max is None and any(
                o.currency == inv.currency and o.amount_max is None and o.evidence != inv.evidence
                and o.amount != inv.amount
                and abs(o.amount - inv.amount) <= _REPEAT_SHARE * max(o.amount, inv.amount)
                and _significant_digits(inv.amount) < _significant_digits(o.amount)
                for o in out):
            continue
        out.append(inv)
    return out


def _without_range_bounds(found: list[InvestmentMention]) -> list[InvestmentMention]:
    """The sums without a single one that a range of another sentence ends or starts with:
    "объем инвестиций проекта - порядка 1,7 млрд рублей ... Объем инвестиций - порядка
    1,6-1,7 млрд рублей" (a quote giving the figure more carefully) is one sum, the range
    (real news dev r14_034)."""
    ranges = [o for o in found if o.amount_max is not None]
    return [inv for inv in found if inv.amount_max is not None or not any(
        o.currency == inv.currency and o.evidence != inv.evidence
        and any(abs(b - inv.amount) <= _REPEAT_SHARE * b for b in (o.amount, o.amount_max))
        for o in ranges)]


def _headline_sums(analyzed: AnalyzedText, ctx: DocContext, money: list[Money],
                   project_program: str | None) -> list[InvestmentMention]:
    """The investment sums of the page's headline, read as a body sentence would be."""
    out: list[InvestmentMention] = []
    for sent in analyzed.headline:
        in_sent = [m for m in money if sent.start <= m.start < sent.end]
        text = cue_text(sent.text)
        if in_sent and not INVEST_CUES.search(text):
            in_sent = [m for m in in_sent if _cost_after(sent, text, m)]
        if in_sent:
            _sentence_investments(sent, in_sent, ctx, project_program, out)
    return out


def _with_project_period(found: list[InvestmentMention],
                         period: Period | None) -> list[InvestmentMention]:
    """The project's period (`project_period`) given to the sums without one of their own in
    the sentence nearest to it: a later stage's sum elsewhere in the article is another
    project's ("проекта, начатого в 2021 году. Стоимость ... 640 млн" takes 2021; "...
    превысит 170 млн" of a new shop two sentences on does not, real news dev r11_013)."""
    bare = [i for i, inv in enumerate(found)
            if inv.period_start_year is None and inv.period_end_year is None]
    if period is None or not bare:
        return found
    nearest = min(bare, key=lambda i: abs(found[i].start - period.start))
    out = list(found)
    for i in bare:
        if found[i].evidence == found[nearest].evidence:
            out[i] = replace(found[i], period_start_year=period.start_year,
                             period_end_year=period.end_year)
    return out


# how far a headline's sum may be from the body's for both to be one figure, rounded in one
# of them ("за 100 млн" over "98 млн", "2,1 млрд" over "более 2 млрд")
_ROUNDED_SHARE = 0.15


def _with_headline(body: list[InvestmentMention],
                   head: list[InvestmentMention]) -> list[InvestmentMention]:
    """The body's sums and the headline's. A headline sum near a body sum is one figure
    said twice: the body's is kept, unless it is the loose one ("2,1 млрд" over "более 2
    млрд", real news dev r11_025; "за 100 млн" over "98 млн" keeps 98, r1_040). A headline
    sum the body does not give is added."""
    out = list(body)
    for h in head:
        near = [i for i, b in enumerate(out) if b.currency == h.currency
                and abs(h.amount - b.amount) <= _ROUNDED_SHARE * max(b.amount, h.amount)]
        if not near:
            out.insert(0, h)
            continue
        b = out[near[0]]
        if b.qualifier in ("at_least", "approx") and h.qualifier == "exact" \
                and b.amount_max is None and h.amount_max is None \
                and (b.qualifier == "approx" or h.amount > b.amount):
            out[near[0]] = h
    return out


def _about_a_plant(analyzed: AnalyzedText) -> bool:
    """Whether a sentence that names no non-industrial object names a plant ("завод", not
    a weak "предприятие"): "на месте бывшего завода построят жилой квартал" does not."""
    return any(any(t.lemma in _PLANT_LEMMAS for t in sent.tokens)
               and not NON_INDUSTRIAL.search(sent.text) for sent in analyzed.sentences)


def _cost_after(sent: Sentence, text: str, m: Money) -> bool:
    """A sum that a sentence with no investment cue gives as a facility's cost: "завод
    ... за 11 млрд руб.", "за 7,5 млрд рублей будет построена очередь тепличного комплекса",
    not the price of a purchase nor of a road."""
    rel = m.start - sent.start
    return bool(_BEFORE_SUM.search(text[max(0, rel - 10):rel])) \
        and (names_facility(sent) or (bool(_BUILD.search(text)) and any(
            t.lemma in _ANY_FACILITY for t in sent.tokens))) and not _PURCHASE.search(text)
