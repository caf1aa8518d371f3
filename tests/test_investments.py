"""Investments: money, qualifiers, ranges, currency carry-over, periods, programmes, and
sums that are not investments. Every text here was written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.rules.context import build_context, find_program
from pipeline.rules.dates import find_periods
from pipeline.rules.investments import find_investments
from pipeline.rules.money import carry_currency, find_money
from pipeline.runtime.nlp import analyze

PUBLISHED = date(2025, 6, 1)


def investments(text: str):
    analyzed = analyze(text)
    return find_investments(analyzed, build_context(analyzed, PUBLISHED))


def one(text: str):
    found = investments(text)
    assert len(found) == 1, [(i.amount, i.currency) for i in found]
    return found[0]


# --- money parsing (pipeline.rules.money) -------------------------------------------------

@pytest.mark.parametrize("text,amount,currency", [
    ("14 млрд рублей", 14e9, "RUB"), ("14 млрд руб.", 14e9, "RUB"),
    ("14 млрд. руб.", 14e9, "RUB"), ("14 млрд руб", 14e9, "RUB"),
    ("1,5 млрд рублей", 1.5e9, "RUB"), ("1.5 млрд рублей", 1.5e9, "RUB"),
    ("полтора миллиарда рублей", 1.5e9, "RUB"), ("двести миллионов рублей", 2e8, "RUB"),
    ("450 тыс. руб.", 4.5e5, "RUB"), ("450 тыс руб", 4.5e5, "RUB"),
    ("450 000 тыс. рублей", 4.5e8, "RUB"), ("870 млн. руб.", 8.7e8, "RUB"),
    ("1,2 трлн руб.", 1.2e12, "RUB"), ("2 трлн рублей", 2e12, "RUB"),
    ("1,9 млрд ₽", 1.9e9, "RUB"), ("$120 млн", 1.2e8, "USD"),
    ("120 млн долларов", 1.2e8, "USD"), ("40 миллионов долларов", 4e7, "USD"),
    ("3 млрд долларов США", 3e9, "USD"), ("85 млн евро", 8.5e7, "EUR"),
    ("€85 млн", 8.5e7, "EUR"), ("12 млрд юаней", 1.2e10, "CNY"),
])
def test_money_amounts_and_currencies(text, amount, currency):
    [m] = find_money(text)
    assert m.amount == pytest.approx(amount) and m.currency == currency


@pytest.mark.parametrize("text,qualifier", [
    ("около 5 млрд рублей", "approx"), ("порядка 5 млрд рублей", "approx"),
    ("почти 5 млрд рублей", "approx"), ("примерно 5 млрд рублей", "approx"),
    ("более 5 млрд рублей", "at_least"), ("свыше 5 млрд рублей", "at_least"),
    ("не менее 5 млрд рублей", "at_least"), ("до 5 млрд рублей", "at_most"),
    ("не более 5 млрд рублей", "at_most"), ("5 млрд рублей", "exact"),
])
def test_money_qualifiers(text, qualifier):
    [m] = find_money(text)
    assert m.qualifier == qualifier


@pytest.mark.parametrize("text", ["от 2 до 3 млрд рублей", "2–3 млрд рублей",
                                  "2-3 млрд рублей"])
def test_ranges_keep_both_ends(text):
    [m] = find_money(text)
    assert (m.amount, m.amount_max, m.currency) == (2e9, 3e9, "RUB")


def test_currency_carried_over_from_previous_mention():
    ms = carry_currency(find_money("порядка 28 миллиардов рублей, из них около 8 миллиардов"))
    assert [(m.amount, m.currency) for m in ms] == [(28e9, "RUB"), (8e9, "RUB")]


# --- periods (pipeline.rules.dates) -------------------------------------------------------

@pytest.mark.parametrize("text,years", [
    ("с 2019 года", (2019, None)), ("до 2030 года", (None, 2030)),
    ("за пять лет", (2021, 2025)), ("в 2024–2026 годах", (2024, 2026)),
    ("в прошлом году", (2024, 2024)), ("в этом году", (2025, 2025)),
])
def test_periods(text, years):
    [p] = find_periods(text, PUBLISHED)
    assert (p.start_year, p.end_year) == years


# --- investments in sentences ---------------------------------------------------------------

def test_investment_with_company_region_and_period():
    inv = one("Компания «Сибуглехим» намерена построить завод по переработке угля в "
              "Кузбассе. Объём инвестиций составит порядка 40 млрд рублей в 2025–2028 годах.")
    assert (inv.amount, inv.currency, inv.qualifier) == (40e9, "RUB", "approx")
    assert inv.investor == "Сибуглехим" and inv.region.code == "RU-KEM"
    assert (inv.period_start_year, inv.period_end_year) == (2025, 2028)


@pytest.mark.parametrize("sentence", [
    "Стоимость проекта — 16 млрд рублей.",
    "Проект стоимостью 16 млрд рублей реализован в срок.",
    "Общий бюджет проекта — 16 млрд рублей.",
    "Затраты на проект составили 16 млрд рублей.",
    "Модернизация обошлась компании в 16 млрд рублей.",
    "На восстановление производства направили 16 млрд рублей.",
    "Компания вложила в предприятие 16 млрд рублей.",
    "Проект оценивается почти в 16 млрд рублей.",
    # the sum between the verb and its purpose (after a fresh real page of session 18)
    "Компания направит более 16 млрд рублей на реконструкцию производства.",
])
def test_investment_cues(sentence):
    inv = one("В Курске открыли завод по производству кормов. " + sentence)
    assert inv.amount == 16e9 and inv.region.code == "RU-KRS"


@pytest.mark.parametrize("sentence", [
    "Налоговые отчисления завода превысят 300 млн рублей в год.",
    "Средняя зарплата на заводе составляет 78 тыс. рублей.",
    "Выручка компании за полугодие составила 41 млрд рублей.",
    "Оборот предприятия в прошлом году составил 9 млрд рублей.",
    "Долги компании перед кредиторами превышают 1,1 млрд рублей.",
    "Фонд оплаты труда превысил 9 млрд рублей.",
    "Компания направила 16 млрд рублей на погашение долгов.",
])
def test_sums_that_are_not_investments(sentence):
    assert investments("В Курске открыли завод по производству кормов. " + sentence) == []


def test_a_shopping_centre_investment_is_not_industrial():
    assert investments("В Нальчике открылся торговый центр. Инвестиции в его строительство "
                       "составили 5 млрд рублей.") == []


def test_a_sum_bounded_by_a_verb():
    inv = one("В Забайкалье ввели в строй горно-металлургический комбинат. Инвестиции в "
              "проект превысили $3 млрд.")
    assert (inv.amount, inv.currency, inv.qualifier) == (3e9, "USD", "at_least")


def test_programme_belongs_to_its_own_sum():
    found = investments("В Татарстане запустили цех по производству шин. Модернизация "
                        "обошлась компании в 6 млрд рублей, из них 2 млрд — льготный заём ФРП.")
    by_amount = {i.amount: i for i in found}
    assert by_amount[6e9].program is None
    assert by_amount[2e9].program == "ФРП" and by_amount[2e9].currency == "RUB"


def test_project_programme_named_in_another_sentence():
    inv = one("На территории ОЭЗ «Липецк» компания «Стальпрофиль» открыла завод "
              "металлоконструкций. Инвестиции в проект составили более 3,2 млрд рублей.")
    assert inv.program == "ОЭЗ" and inv.qualifier == "at_least"
    assert inv.investor == "Стальпрофиль"


def test_period_after_a_comma_belongs_to_another_clause():
    inv = one("В Шахтах строится завод по производству стекла. Стоимость проекта "
              "оценивается в 1.5 млрд долларов, первую печь планируют разжечь в 2027 году.")
    assert inv.period_start_year is None and inv.region.code == "RU-ROS"


@pytest.mark.parametrize("text,program", [
    ("в рамках специального инвестиционного контракта", "СПИК"),
    ("по условиям СПИК", "СПИК"),
    ("заём ФРП по программе «Проекты развития»", "ФРП «Проекты развития»"),
    ("по программе ФРП «Автокомпоненты»", "ФРП «Автокомпоненты»"),
    ("заём Фонда развития промышленности", "ФРП"),
    ("резидент особой экономической зоны", "ОЭЗ"),
    ("резидент ТОР «Свободный»", "ТОР"),
    # the spelling of the text: ТОСЭР stays ТОСЭР, the full name is ТОР
    ("резидент ТОСЭР города", "ТОСЭР"),
    ("на территории опережающего социально-экономического развития", "ТОР"),
    # an industrial park is a site, not a support instrument (settled in session 18)
    ("в индустриальном парке «Новоселки»", None),
    ("резидент технопарка «Строгино»", None),
    ("по программе «Фабрика проектного финансирования»", "Фабрика проектного финансирования"),
    ("краевая субсидия", "субсидия"),
    ("льготный заём", "льготный заём"),
    ("тор из нержавейки", None),
])
def test_programmes(text, program):
    assert find_program(text) == program


def test_half_a_billion():
    [m] = find_money("около полумиллиарда рублей")
    assert (m.amount, m.qualifier) == (5e8, "approx")


def test_the_government_is_not_the_investor():
    inv = one("Правительство Самарской области и компания «Волгаагрегат» заключили СПИК. "
              "По его условиям компания построит завод по выпуску коробок передач. "
              "Инвестиции составят 9,6 млрд руб.")
    assert inv.investor == "Волгаагрегат" and inv.program == "СПИК"
    assert inv.region.code == "RU-SAM"


def test_a_sum_introduced_by_iz_nih_is_part_of_the_previous_total():
    # written for the tests
    text = ("В Тульской области компания «Полимерпласт» инвестировала в завод 12 млрд рублей, "
            "из них 3 млрд рублей — в прошлом году.")
    found = investments(text)
    assert [m.amount for m in found] == [12e9, 3e9]
    total, part = found
    assert total.part_of is None
    assert part.part_of == (total.start, total.end)


def test_two_sums_without_a_part_cue_are_independent():
    # written for the tests
    text = ("Компания «Полимерпласт» вложит 12 млрд рублей в завод в Туле и 3 млрд рублей "
            "в завод в Калуге.")
    assert all(m.part_of is None for m in investments(text))
