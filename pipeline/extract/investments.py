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

from pipeline.extract.context import DocContext, find_program, is_company
from pipeline.extract.dates import find_periods
from pipeline.extract.gazetteer import Region, find_regions
from pipeline.extract.money import carry_currency, find_money
from pipeline.extract.nlp import AnalyzedText
from pipeline.extract.orgs import normalize_org

INVEST_CUES = re.compile(
    r"инвест|вложен|вложил|вложат|вложит|капиталовложен|стоимост\w* (?:проекта|строительства)"
    r"|обойд[её]тся|направ\w+ на (?:строительство|создание|модернизацию|развитие)"
    r"|финансировани|профинансир|объ[её]м\w* (?:вложений|инвестиций)|оценива\w+ в"
    r"|за[её]м|кредит|субсиди",
    re.IGNORECASE,
)
NOT_INVEST_CUES = re.compile(
    r"налог|зарплат|заработн|выручк|оборот|прибыл|доход|экспорт|дивиденд|штраф|пенси"
    r"|стипенди|премия|пособи|долг|убыт",
    re.IGNORECASE,
)


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


def investment_id(doc_id: str, start: int, end: int) -> str:
    key = f"{doc_id}|{start}|{end}"
    return "inv-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def find_investments(analyzed: AnalyzedText, ctx: DocContext) -> list[InvestmentMention]:
    out: list[InvestmentMention] = []
    # money over the whole text, so a currency carries over across sentences
    money = carry_currency(find_money(analyzed.text))
    for sent in analyzed.sentences:
        in_sent = [m for m in money if sent.start <= m.start < sent.end]
        if not in_sent or not INVEST_CUES.search(sent.text):
            continue
        periods = find_periods(sent.text, ctx.published)
        regions = find_regions(sent.text)
        region = regions[0].region if regions else ctx.region
        companies = [normalize_org(sp.normal) for sp in sent.spans if is_company(sp)]
        investor = companies[0] if companies else ctx.company
        program = find_program(sent.text)
        for m in in_sent:
            if m.currency is None or m.amount <= 0:
                continue
            local = sent.text[max(0, m.start - sent.start - 40): m.end - sent.start + 25]
            if NOT_INVEST_CUES.search(local):
                continue
            rel = m.start - sent.start
            before = [p for p in periods if p.end <= rel]
            after = [p for p in periods if p.start >= m.end - sent.start]
            period = before[-1] if before else (after[0] if after else None)
            out.append(InvestmentMention(
                amount=m.amount, amount_max=m.amount_max, currency=m.currency,
                qualifier=m.qualifier, investor=investor, region=region,
                period_start_year=period.start_year if period else None,
                period_end_year=period.end_year if period else None,
                program=program, evidence=sent.text, start=m.start, end=m.end,
            ))
    return out
