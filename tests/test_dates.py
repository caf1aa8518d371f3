"""Tests for pipeline.rules.dates.

Texts are written for the tests, except those marked as taken from the seed article.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.rules.dates import find_dates, find_periods, parse_iso_date

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_c71ce465f13af3a6.txt"
PUB = date(2026, 1, 30)


@pytest.mark.parametrize(
    ("s", "expected"),
    [
        ("2026-01-30", date(2026, 1, 30)),
        (" 2026-01-30 ", date(2026, 1, 30)),
        ("2026-13-45", None),
        ("2026-02-30", None),
        ("30.01.2026", None),
        ("", None),
        ("2026-1-30", None),
    ],
)
def test_parse_iso_date(s: str, expected: date | None) -> None:
    assert parse_iso_date(s) == expected


@pytest.mark.parametrize(
    ("text", "span", "value", "precision"),
    [
        ("Завод открыли 30 января 2026 года.", "30 января 2026 года", date(2026, 1, 30), "day"),
        ("Завод открыли 30 января 2026 г.", "30 января 2026 г.", date(2026, 1, 30), "day"),
        ("Завод открыли 30 января.", "30 января", date(2026, 1, 30), "day"),
        ("сообщает в пятницу, 30 января", "30 января", date(2026, 1, 30), "day"),
        ("Дата: 30.01.2026", "30.01.2026", date(2026, 1, 30), "day"),
        ("Дата: 2026-01-30", "2026-01-30", date(2026, 1, 30), "day"),
        ("Запуск в январе 2026 года", "январе 2026 года", date(2026, 1, 1), "month"),
        ("Запуск в мае 2025 года", "мае 2025 года", date(2025, 5, 1), "month"),
        ("Запуск в 2024 году", "2024 году", date(2024, 1, 1), "year"),
        ("Сегодня открыли завод", "Сегодня", PUB, "day"),
        ("вчера открыли завод", "вчера", date(2026, 1, 29), "day"),
        # A year-less date takes the year nearest to publication: late December is last year.
        ("Завод открыли 30 декабря", "30 декабря", date(2025, 12, 30), "day"),
        ("Работы начались в декабре", "декабре", date(2025, 12, 1), "month"),
        ("с 2019 года", "2019 года", date(2019, 1, 1), "year"),
    ],
)
def test_find_dates(text: str, span: str, value: date, precision: str) -> None:
    found = find_dates(text, PUB)
    assert len(found) == 1, found
    d = found[0]
    assert (d.text, d.value, d.precision) == (span, value, precision)
    assert text[d.start:d.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "Завод открыли 30 января.",
        "вчера открыли завод",
        "в декабре",
    ],
)
def test_relative_dates_need_published(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "31.02.2026",  # no such day
        "в 1800 году",  # outside 1900..2100
        "ГОСТ 1234",
        "Телефон 55-66-77",
        "в 2024–2026 годах",  # a period, not one date
        "Март Иванов",  # a month word without a preposition or day
    ],
)
def test_no_dates(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_invalid_day_falls_back_to_month() -> None:
    found = find_dates("32 января 2026 года", PUB)
    assert [(d.text, d.value, d.precision) for d in found] == [
        ("января 2026 года", date(2026, 1, 1), "month")
    ]


def test_dates_in_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = [(d.text, d.value, d.precision) for d in find_dates(text, PUB)]
    assert ("30 января", date(2026, 1, 30), "day") in found
    assert ("2019 года", date(2019, 1, 1), "year") in found


@pytest.mark.parametrize(
    ("text", "span", "start", "end"),
    [
        ("с 2019 года", "с 2019 года", 2019, None),
        ("начиная с 2019 года", "начиная с 2019 года", 2019, None),
        ("с января 2019 года", "с января 2019 года", 2019, None),
        ("до 2030 года", "до 2030 года", None, 2030),
        ("до конца 2026 года", "до конца 2026 года", None, 2026),
        ("к 2030 году", "к 2030 году", None, 2030),
        ("в 2024–2026 годах", "в 2024–2026 годах", 2024, 2026),
        ("в 2024-2026 гг.", "в 2024-2026 гг.", 2024, 2026),
        ("в 2019–2024 годах", "в 2019–2024 годах", 2019, 2024),
        ("в 2019−2024 годах", "в 2019−2024 годах", 2019, 2024),  # U+2212 minus as a dash
        ("с 2019 по 2024 год", "с 2019 по 2024 год", 2019, 2024),
        ("с 2019 года по 2024 год", "с 2019 года по 2024 год", 2019, 2024),
        ("в 2025 году", "в 2025 году", 2025, 2025),
        ("за 2025 год", "за 2025 год", 2025, 2025),
        ("в прошлом году", "в прошлом году", 2025, 2025),
        ("за прошлый год", "за прошлый год", 2025, 2025),
        ("в позапрошлом году", "в позапрошлом году", 2024, 2024),
        ("в этом году", "в этом году", 2026, 2026),
        ("в текущем году", "в текущем году", 2026, 2026),
        ("в следующем году", "в следующем году", 2027, 2027),
        # N years ending with the publication year, counted inclusively (see docstring).
        ("за пять лет", "за пять лет", 2022, 2026),
        ("за последние пять лет", "за последние пять лет", 2022, 2026),
        ("за 5 лет", "за 5 лет", 2022, 2026),
        ("за два года", "за два года", 2025, 2026),
        ("за последний год", "за последний год", 2026, 2026),
        ("в ближайшие три года", "в ближайшие три года", 2026, 2028),
    ],
)
def test_find_periods(text: str, span: str, start: int | None, end: int | None) -> None:
    found = find_periods(f"Инвестиции {text} составили", PUB)
    assert len(found) == 1, found
    p = found[0]
    assert (p.text, p.start_year, p.end_year) == (span, start, end)
    assert p.start == len("Инвестиции ")


@pytest.mark.parametrize(
    "text",
    ["в прошлом году", "в этом году", "за пять лет", "за последний год", "в ближайшие три года"],
)
def test_relative_periods_need_published(text: str) -> None:
    assert find_periods(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "в 1800 году",
        "в 2030–2024 годах",  # reversed range
        "за последние годы",  # no number of years
        "ГОСТ 1234",
        "около 28 миллиардов рублей",
        "на 10-12%",
    ],
)
def test_no_periods(text: str) -> None:
    assert find_periods(text, PUB) == []


def test_seed_sentence_periods() -> None:
    # Taken from the seed article.
    text = (
        "«За время реализации специнвестконтракта с 2019 года на предприятии создано около "
        "двухсот рабочих мест, в развитие производства инвестировано порядка 28 миллиардов "
        "рублей, из них только в прошлом году — около 8 миллиардов!"
    )
    found = [(p.text, p.start_year, p.end_year) for p in find_periods(text, PUB)]
    assert found == [("с 2019 года", 2019, None), ("в прошлом году", 2025, 2025)]
    assert [(p.text, p.start_year) for p in find_periods(text)] == [("с 2019 года", 2019)]
