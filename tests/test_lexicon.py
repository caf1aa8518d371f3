"""The word lists are data: adding a row to a file of pipeline/data/lexicon/ changes what is
extracted, without touching the rules. Each test copies the lexicon to a temporary folder,
adds one row, points `lexicon.LEXICON_DIR` at the copy and re-reads the module's lists.

Every sentence here was written for the tests.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from pipeline import schemas
from pipeline.rules import lexicon, money, numbers, plants
from pipeline.rules.context import build_context
from pipeline.rules.money import find_money
from pipeline.rules.numbers import parse_number_words
from pipeline.runtime.nlp import analyze

PUBLISHED = date(2025, 6, 1)


def _reload() -> None:
    lexicon.rows.cache_clear()
    for module in (plants, numbers, money):
        module.load_lexicon()


@pytest.fixture
def add_row(tmp_path: Path) -> Iterator[Callable[[str, str], None]]:
    """add_row(file, line): the lexicon with one more line in `<file>.csv`."""
    original = lexicon.LEXICON_DIR
    copy = tmp_path / "lexicon"
    shutil.copytree(original, copy)

    def add(name: str, line: str) -> None:
        with (copy / f"{name}.csv").open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")
        lexicon.LEXICON_DIR = copy
        _reload()

    try:
        yield add
    finally:
        lexicon.LEXICON_DIR = original
        _reload()


def plant_rows(text: str) -> list[tuple[str, str]]:
    """(name, status) of the plant rows of a text."""
    analyzed = analyze(text)
    return [(p.name, p.status)
            for p in plants.find_plants(analyzed, build_context(analyzed, PUBLISHED))]


def test_a_facility_noun_row_makes_a_plant(add_row):
    text = "В Калуге открыли новую пивоварню."
    assert plant_rows(text) == []
    add_row("facility_heads", "пивоварня,,1,,,,,,a brewery names what it makes")
    assert plant_rows(text) == [("пивоварня", "launched")]


def test_a_status_row_gives_a_status(add_row):
    text = "В Туле отремонтировали завод по производству цемента."
    # no status word: the page's only plant, told with no event (plants._quiet_page_plants)
    assert plant_rows(text) == [("завод по производству цемента", "unknown")]
    add_row("plant_statuses", "отремонтировать,expanded,,,,")
    assert plant_rows(text) == [("завод по производству цемента", "expanded")]


def test_a_currency_row_makes_a_sum(add_row):
    text = "Инвестиции в проект составят 5 млн сомов."
    assert find_money(text) == []  # "сомов" is counted, like "5 млн автомобилей"
    add_row("currencies", r"KGS,after,сом(?:ов|а|ы)?,")
    [m] = find_money(text)
    assert (m.amount, m.currency, m.text) == (5e6, "KGS", "5 млн сомов")


def test_a_qualifier_row_changes_the_qualifier(add_row):
    text = "Проект обойдётся в каких-то 5 млрд рублей."
    assert [m.qualifier for m in find_money(text)] == ["exact"]
    add_row("money_words", "каких-то,qualifier,approx,")
    assert [m.qualifier for m in find_money(text)] == ["approx"]


def test_a_number_word_row_reads_a_number(add_row):
    assert parse_number_words("дюжина") is None
    add_row("number_words", "дюжина,number,12,alone,")
    assert parse_number_words("дюжины") == 12


def test_an_unknown_status_is_refused(add_row):
    with pytest.raises(ValueError, match="plant_status_values"):
        add_row("plant_statuses", "отремонтировать,repaired,,,,")


def test_statuses_are_those_of_the_lexicon():
    """schemas.STATUSES is the closed vocabulary of plant_status_values.csv, in its order,
    and the status words of plant_statuses.csv use every status but "unknown"."""
    values = [r["status"] for r in lexicon.rows("plant_status_values") if r["status"]]
    assert values == schemas.STATUSES
    used = {r["status"] for r in lexicon.rows("plant_statuses") if r["status"]}
    assert used | {"unknown"} == set(schemas.STATUSES)
    assert set(plants.STATUS_LEMMAS.values()) == used
