"""Numbers in words, piece by piece (pipeline/rules/numbers.py `_compose`): the slots of
number words in one group, scale words, "с половиной", and scale words that are vague alone.

Every text here was written for the tests.
"""

from __future__ import annotations

import pytest

from pipeline.rules.numbers import find_numbers


def numbers(text: str) -> list[tuple[str, float, float]]:
    return [(n.text, n.value, n.multiplier) for n in find_numbers(text)]


SLOTS = [
    ("сто двадцать пять", [("сто двадцать пять", 125, 1)]),
    # a word may follow another only in a lower slot
    ("пять двадцать", [("пять", 5, 1), ("двадцать", 20, 1)]),
    ("двадцать одиннадцать", [("двадцать", 20, 1), ("одиннадцать", 11, 1)]),
]

SCALES = [
    ("две тысячи сто двадцать", [("две тысячи сто двадцать", 2120, 1e3)]),
    ("полтора миллиарда", [("полтора миллиарда", 1.5e9, 1e9)]),
    ("1 млрд 200 млн", [("1 млрд 200 млн", 1.2e9, 1e6)]),
    # digits after a scale word need a smaller scale word next
    ("1 млрд 200", [("1 млрд", 1e9, 1e9), ("200", 200, 1)]),
]

HALVES = [
    ("три с половиной миллиона", [("три с половиной миллиона", 3.5e6, 1e6)]),
    ("миллион с половиной", [("миллион с половиной", 1.5e6, 1e6)]),
]

VAGUE = [
    # a plural or abbreviated scale word alone is no number ("несколько миллиардов")
    ("миллиарды", []),
    ("млн", []),
    ("тысяча", [("тысяча", 1e3, 1e3)]),
]


@pytest.mark.parametrize("text,expected", SLOTS)
def test_slots(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize("text,expected", SCALES)
def test_scale_words(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize("text,expected", HALVES)
def test_halves(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize("text,expected", VAGUE)
def test_vague_scale_words(text, expected):
    assert numbers(text) == expected
