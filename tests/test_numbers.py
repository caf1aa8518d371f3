"""Tests for pipeline.rules.numbers. All texts here are written for the tests."""

from __future__ import annotations

import pytest

from pipeline.rules.numbers import find_numbers, parse_number_words


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("двести", 200),
        ("двухсот", 200),  # genitive
        ("двумястами", 200),  # instrumental
        ("полтора", 1.5),
        ("полутора", 1.5),
        ("полторы", 1.5),
        ("три с половиной", 3.5),
        ("3 с половиной", 3.5),
        ("двадцать пять", 25),
        ("двадцати пяти", 25),
        ("сто двадцать тысяч", 120_000),
        ("ста двадцати тысяч", 120_000),
        ("тысяча", 1000),
        ("тысяча двести", 1200),
        ("две тысячи двадцать пять", 2025),
        ("миллион", 1e6),
        ("миллион с половиной", 1.5e6),
        ("пяти", 5),
        ("одного", 1),
        ("сорока", 40),
        ("трёх", 3),
        ("трех", 3),  # ё written as е
        ("девятистах", 900),
        ("полтораста", 150),
        ("полтора миллиарда", 1.5e9),
        ("28 миллиардов", 28e9),
        ("1 млрд 200 млн", 1.2e9),
        ("ДВЕСТИ", 200),  # case-insensitive
    ],
)
def test_parse_number_words(text: str, value: float) -> None:
    assert parse_number_words(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    [
        "около двухсот",  # qualifier is the caller's job
        "",
        "рабочих мест",
        "пять двадцать",  # two numbers, not one
        "миллиардов",  # plural scale word alone is vague ("несколько миллиардов")
        "млн",  # abbreviation alone
        "семью",  # "family" far more often than "seven"
    ],
)
def test_parse_number_words_rejects(text: str) -> None:
    assert parse_number_words(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("28", 28),
        ("1,5", 1.5),
        ("1.5", 1.5),
        ("10 000", 10_000),
        ("10\u00a0000", 10_000),
        ("10\u202f000", 10_000),
        ("1 234,5", 1234.5),
        ("5 000 000", 5e6),
    ],
)
def test_digit_forms(text: str, value: float) -> None:
    found = find_numbers(f"всего {text} штук")
    assert len(found) == 1
    m = found[0]
    assert m.value == pytest.approx(value)
    assert m.text == text
    assert m.start == len("всего ")
    assert m.multiplier == 1.0


def test_offsets_and_maximal_word_runs() -> None:
    text = "Создано около двухсот рабочих мест и сто двадцать тысяч рублей, ещё 1,5 млрд."
    found = find_numbers(text)
    assert [(m.text, m.value) for m in found] == [
        ("двухсот", 200),
        ("сто двадцать тысяч", 120_000),
        ("1,5 млрд.", 1.5e9),
    ]
    for m in found:
        assert text[m.start:m.end] == m.text
    assert found[1].multiplier == 1e3
    assert found[2].multiplier == 1e9


def test_years_are_plain_numbers() -> None:
    found = find_numbers("с 2019 года")
    assert [(m.text, m.value) for m in found] == [("2019", 2019)]


def test_adjacent_numbers_split() -> None:
    # "пять двадцать" is not 25; a digit after a word is a new number.
    assert [m.value for m in find_numbers("в пять двадцать")] == [5, 20]
    assert [m.value for m in find_numbers("двести 5")] == [200, 5]


def test_percent_range_gives_two_numbers() -> None:
    assert [m.value for m in find_numbers("на 10-12%")] == [10, 12]


@pytest.mark.parametrize(
    "text",
    [
        "Телефон: +7 (4012) 55-66-77",
        "Звоните 8 800 555-35-35",
        "тел. 555-35-35",
        "Дата 30.01.2026",  # a dotted date is not the number 30.01
        "модель A320",  # digits glued to letters before them
    ],
)
def test_no_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_gost_number_is_a_number() -> None:
    found = find_numbers("ГОСТ 1234")
    assert [(m.text, m.value) for m in found] == [("1234", 1234)]


def test_seed_sentence() -> None:
    # From seeds/000_c71ce465f13af3a6.txt.
    text = (
        "«За время реализации специнвестконтракта с 2019 года на предприятии создано около "
        "двухсот рабочих мест, в развитие производства инвестировано порядка 28 миллиардов "
        "рублей, из них только в прошлом году — около 8 миллиардов!"
    )
    assert [(m.text, m.value) for m in find_numbers(text)] == [
        ("2019", 2019),
        ("двухсот", 200),
        ("28 миллиардов", 28e9),
        ("8 миллиардов", 8e9),
    ]


@pytest.mark.parametrize(("text", "value"), [
    ("полмиллиарда", 5e8), ("полумиллиарда", 5e8), ("полмиллиона", 5e5),
    ("полумиллионом", 5e5), ("полтысячи", 500),
])
def test_half_of_a_scale_word(text: str, value: float) -> None:
    assert parse_number_words(text) == value
