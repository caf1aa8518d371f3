"""Investments: sums of money put into industrial projects.

A money mention is an investment when its sentence speaks of investing (инвестиции,
вложить, капиталовложения, стоимость проекта, ...) and the sum is not a tax, a wage or a
turnover. A sum without a currency word takes the currency of the previous sum in the
article ("порядка 28 миллиардов рублей, из них ... около 8 миллиардов").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from pipeline.rules.context import DocContext, find_program, sentence_companies
from pipeline.rules.dates import find_periods
from pipeline.rules.gazetteer import Region, find_regions
from pipeline.rules.money import carry_currency, find_money
from pipeline.rules.plants import find_plants
from pipeline.rules.text import AnalyzedText

_EVENT_GEN = (r"(?:проекта|строительства|создания|модернизации|реконструкции|расширения"
              r"|объекта|завода|предприятия|комбината|работ|производства|восстановления)")
INVEST_CUES = re.compile(
    r"инвест|вложен|вложил|вложат|вложит|вложи|капиталовложен|стоимост\w* " + _EVENT_GEN +
    r"|стоимостью|бюджет\w* " + _EVENT_GEN + r"|затрат\w* на|обош[её]?л|обойд[её]тся"
    r"|(?:на|в) (?:строительств|создани|модернизаци|развити|восстановлени|реконструкци"
    r"|расширени|запуск|проект)\w*[^.]{0,60}?(?:направ|выдел|потрат|израсход)\w+"
    r"|направ\w+ (?:\w+ )?на (?:строительство|создание|модернизацию|развитие|восстановление"
    r"|реконструкцию|расширение|запуск|проект|организацию)"
    r"|финансировани|профинансир|объ[её]м\w* (?:вложений|инвестиций)|оценива\w+"
    r"|за[её]м|кредит(?!ор)|субсиди",
    re.IGNORECASE,
)
NOT_INVEST_CUES = re.compile(
    r"налог|зарплат|заработн|выручк|оборот|прибыл|доход|экспорт|дивиденд|штраф|пенси"
    r"|стипенди|премия|пособи|долг|убыт|фонд\w* оплаты",
    re.IGNORECASE,
)
# A verb before the sum that bounds it from below: "превысили $3 млрд", "может превысить".
_AT_LEAST_VERB = re.compile(r"превы\w+\s+(?:отметку\s+(?:в\s+)?)?$", re.IGNORECASE)
# "оценивается почти в 70 млрд": a qualifier before the preposition the sum follows.
_APPROX_IN = re.compile(r"(?:почти|около|порядка|примерно|приблизительно|ориентировочно)"
                        r"\s+в\s+$", re.IGNORECASE)
# Objects that are not industry: money for them is no industrial investment when the
# article names no facility at all.
NON_INDUSTRIAL = re.compile(
    r"торгов\w+ (?:центр|комплекс)|стадион|жил\w+ (?:комплекс|дом|квартал)|гостиниц|отел[ья]"
    r"|школ[аыу]|больниц|поликлиник|аквапарк|кинотеатр|парк\w* развлечений|спорткомплекс"
    r"|логистическ\w+ (?:центр|комплекс|парк)|склад|бизнес-центр|офисн\w+ (?:центр|здани)",
    re.IGNORECASE,
)
# Support instruments that describe a whole project (its site or its contract): named once
# in an article, they hold for its investment sums. Loans and subsidies are sums of their own.
_PROJECT_PROGRAMS = {"СПИК", "ОЭЗ", "ТОР", "промышленный парк",
                     "Фабрика проектного финансирования"}


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
_PART_OF = re.compile(r"\b(?:из\s+(?:них|которых|этой\s+суммы|этих\s+средств)|в\s+том\s+числе"
                      r"|включая)\b", re.IGNORECASE)


def investment_id(doc_id: str, start: int, end: int) -> str:
    key = f"{doc_id}|{start}|{end}"
    return "inv-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _program_for(text: str, start: int, end: int, others: list[tuple[int, int]]) -> str | None:
    """The programme named in the part of a sentence that belongs to one sum: from the end
    of the previous sum to the start of the next ("6 млрд, из них 2 млрд — заём ФРП")."""
    lo = max((e for s, e in others if e <= start), default=0)
    hi = min((s for s, e in others if s >= end), default=len(text))
    return find_program(text[lo:hi])


def find_investments(analyzed: AnalyzedText, ctx: DocContext,
                     n_plants: int | None = None) -> list[InvestmentMention]:
    """Investment sums of an article. `n_plants` (facilities found in it) lets an article
    about a shopping centre or a stadium give none."""
    out: list[InvestmentMention] = []
    if n_plants is None:
        n_plants = len(find_plants(analyzed, ctx))
    if n_plants == 0 and NON_INDUSTRIAL.search(analyzed.text):
        return out
    # money over the whole text, so a currency carries over across sentences
    money = carry_currency(find_money(analyzed.text))
    doc_programs = {p for sent in analyzed.sentences if (p := find_program(sent.text))}
    project_program = next(iter(doc_programs & _PROJECT_PROGRAMS)) \
        if len(doc_programs & _PROJECT_PROGRAMS) == 1 else None
    for sent in analyzed.sentences:
        in_sent = [m for m in money if sent.start <= m.start < sent.end]
        if not in_sent or not INVEST_CUES.search(sent.text):
            continue
        periods = find_periods(sent.text, ctx.published)
        regions = find_regions(sent.text)
        region = regions[0].region if regions else ctx.region
        companies = sentence_companies(sent)
        investor = companies[0] if companies else ctx.company
        sent_program = find_program(sent.text)
        spans = [(m.start - sent.start, m.end - sent.start) for m in in_sent]
        for m in in_sent:
            if m.currency is None or m.amount <= 0:
                continue
            rel, rel_end = m.start - sent.start, m.end - sent.start
            local = sent.text[max(0, rel - 40): rel_end + 25]
            if NOT_INVEST_CUES.search(local):
                continue
            qualifier = m.qualifier
            if qualifier == "exact" and _AT_LEAST_VERB.search(sent.text[max(0, rel - 30):rel]):
                qualifier = "at_least"
            elif qualifier == "exact" and _APPROX_IN.search(sent.text[max(0, rel - 30):rel]):
                qualifier = "approx"
            before = [p for p in periods if p.end <= rel]
            # a period after the sum counts only right after it ("... 9,6 млрд руб. за
            # пять лет"), not in another clause ("..., первую печь разожгут в 2027 году",
            # "... 6 млрд рублей планируют завершить в 2026 году")
            after = [p for p in periods if p.start >= rel_end
                     and "," not in sent.text[rel_end:p.start]
                     and len(sent.text[rel_end:p.start].split()) <= 2]
            period = before[-1] if before else (after[0] if after else None)
            others = [sp for sp in spans if sp != (rel, rel_end)]
            program = _program_for(sent.text, rel, rel_end, others) if others else sent_program
            if program is None and sent_program is None:
                program = project_program
            prev = out[-1] if out and out[-1].evidence == sent.text else None
            part_of = None
            if prev is not None and prev.currency == m.currency and prev.amount > m.amount \
                    and _PART_OF.search(sent.text[prev.end - sent.start:rel]):
                part_of = (prev.start, prev.end)
            out.append(InvestmentMention(
                amount=m.amount, amount_max=m.amount_max, currency=m.currency,
                qualifier=qualifier, investor=investor, region=region,
                period_start_year=period.start_year if period else None,
                period_end_year=period.end_year if period else None,
                program=program, evidence=sent.text, start=m.start, end=m.end,
                part_of=part_of,
            ))
    return out
