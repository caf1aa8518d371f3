"""Investments, piece by piece (pipeline/rules/investments.py): the qualifier read from the
words before a sum, the period of a sum, a part of a total, the programme, and sums that
are no investment.

Every sentence here was written for the tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.rules.context import build_context
from pipeline.rules.investments import find_investments
from pipeline.runtime.nlp import analyze

PUBLISHED = date(2025, 6, 1)


def investments(text: str) -> list:
    analyzed = analyze(text)
    return find_investments(analyzed, build_context(analyzed, PUBLISHED))


QUALIFIERS = [
    ("Инвестиции в строительство завода по выпуску кирпича в Туле превысили 3 млрд рублей.",
     [(3e9, "at_least")]),
    ("Стоимость строительства завода по выпуску кирпича в Туле оценивается почти в 70 млрд "
     "рублей.", [(7e10, "approx")]),
]


@pytest.mark.parametrize("text,expected", QUALIFIERS)
def test_qualifier_before_the_sum(text, expected):
    assert [(i.amount, i.qualifier) for i in investments(text)] == expected


PERIODS = [
    ("В 2024–2026 годах в завод по выпуску кирпича вложат 5 млрд рублей.", (2024, 2026)),
    # right after the sum
    ("Инвестиции в завод по выпуску кирпича составят 9,6 млрд рублей за пять лет.",
     (2021, 2025)),
    # in another clause: not the sum's period
    ("Инвестиции в завод по выпуску кирпича составят 6 млрд рублей, первую печь разожгут "
     "в 2027 году.", (None, None)),
]


@pytest.mark.parametrize("text,period", PERIODS)
def test_period_of_the_sum(text, period):
    [inv] = investments(text)
    assert (inv.period_start_year, inv.period_end_year) == period


def test_part_of_a_total():
    text = ("Инвестиции в завод по выпуску кирпича составят 28 млрд рублей, из них 8 млрд "
            "рублей — заём ФРП.")
    total, part = investments(text)
    assert (total.amount, total.part_of, total.program) == (28e9, None, None)
    assert (part.amount, part.part_of, part.program) == (8e9, (total.start, total.end), "ФРП")


PROGRAMS = [
    ("В Туле построят завод по выпуску кирпича, инвестиции составят 4 млрд рублей по СПИК.",
     "СПИК"),
    ("В Туле построят завод по выпуску кирпича, инвестиции составят 4 млрд рублей.", None),
]


@pytest.mark.parametrize("text,program", PROGRAMS)
def test_programme(text, program):
    [inv] = investments(text)
    assert inv.program == program


NOT_INVESTMENTS = [
    "Налоги завода по выпуску кирпича составили 2 млрд рублей.",
    # no word of investing in the sentence
    "Завод по выпуску кирпича продал продукции на 2 млрд рублей.",
]


@pytest.mark.parametrize("text", NOT_INVESTMENTS)
def test_no_investment(text):
    assert investments(text) == []
