"""A fact a document states more than once is one record (issue 14).

Every article here was written for the tests, in the manner of regional industry news as
scraped from news sites: a headline line without a final stop, then a body that restates
it; a page that carries its headline twice; a sum said again in an official's quote; a
brand spelled with other capitals in the body («Экостекло» / «ЭкоСтекло»).

Each article is read through `extract_document` and the published tables are built from
its records, so a repeat that gives two rows, or a table that fails validation, fails here.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from pipeline.rules.dedup import dedupe_facts
from pipeline.runtime.document import extract_document
from pipeline.runtime.nlp import analyze
from pipeline.tables import investments_table, officials_table, plants_table, records_frame
from pipeline.types import RawDocument

PUBLISHED = date(2025, 6, 1)

HEADLINE = ("«Агромаш» вложит 2 млрд рублей в завод по выпуску тракторов в Ростовской "
            "области")
# the page carries its headline twice, verbatim, then a lead that repeats it as a sentence
# and a body that says the sum again (a headline line without a full stop may be dropped as
# page furniture; the lead and the body are prose either way)
HEADLINE_TWICE = (
    f"{HEADLINE}\n{HEADLINE}\n{HEADLINE}.\n"
    "Компания «Агромаш» построит завод по выпуску тракторов в Ростовской области. "
    "Инвестиции в проект составят 2 млрд рублей. "
    "Соглашение подписал губернатор Ростовской области Василий Голубев."
)
# the body restates the headline, once more in the same sentence with the brand spelled
# with other capitals
HEADLINE_RESTATED = (
    "В Калужской области запустили завод «ЭкоСтекло»\n"
    "В Калужской области запустили завод «ЭкоСтекло»: как отметил губернатор, завод "
    "«Экостекло» даст региону 300 рабочих мест. Инвестиции в завод составили 3 млрд рублей."
)
# the same sum said twice, the second time with its deadline
SAME_SUM = (
    "«Агромаш» построит в Ростовской области завод по выпуску тракторов\n"
    "Компания «Агромаш» вложит 2 млрд рублей в строительство завода по выпуску тракторов "
    "в Ростовской области. Инвестиции в проект составят 2 млрд рублей до 2027 года, "
    "сообщил губернатор Ростовской области Василий Голубев."
)
# one sum, two investors: two investments
TWO_INVESTORS = (
    "В Липецкой области построят два завода\n"
    "Компания «Альфа» вложит 1 млрд рублей в строительство завода по производству кирпича "
    "в Липецкой области. Компания «Бета» вложит 1 млрд рублей в строительство завода по "
    "производству бетона в Липецкой области."
)
# the plant named twice, the region only in the second mention's clause
PLANT_WITH_AND_WITHOUT_REGION = (
    "Стекольный завод построят к 2027 году\n"
    "Компания «ЭкоСтекло» построит завод «ЭкоСтекло», а запустить завод «Экостекло» "
    "в Калужской области планируют в 2027 году."
)
# a total said twice, a part of it once: the part points to the total that is kept
TOTAL_SAID_TWICE = (
    "«Агромаш» построит завод тракторов в Ростовской области\n"
    "Компания «Агромаш» вложит в завод по выпуску тракторов в Ростовской области "
    "10 млрд рублей, из них 4 млрд рублей — заём ФРП. "
    "Всего инвестиции в проект составят 10 млрд рублей до 2028 года."
)
# an official named twice with one post, the company spelled with other capitals
OFFICIAL_TWICE = (
    "Гендиректор «ЭкоСтекло» рассказал о планах компании\n"
    "Генеральный директор компании «ЭкоСтекло» Иван Петров рассказал о планах компании. "
    "Генеральный директор компании «Экостекло» Иван Петров отметил рост спроса на стекло."
)


def extract(text: str, doc_id: str = "doc") -> tuple[RawDocument, list[dict]]:
    doc = RawDocument(doc_id=doc_id, text=text, source=f"{doc_id}.txt", sha256="0" * 64,
                      published=PUBLISHED)
    return doc, extract_document(doc)


def tables(recs: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(officials, plants, investments), each validated (a duplicate id raises)."""
    frame = records_frame(recs)
    plants = plants_table(frame)
    return officials_table(frame), plants, investments_table(frame, plants)


def assert_evidence(doc: RawDocument, table: pd.DataFrame) -> None:
    """Every row's mention lies inside its evidence, and the evidence is a sentence of
    the document at that place."""
    sentences = analyze(doc.text).sentences
    for row in table.itertuples():
        mention = doc.text[row.start:row.end]
        assert mention and mention in row.evidence
        assert any(s.text == row.evidence and s.start <= row.start and row.end <= s.end
                   for s in sentences), (row.start, row.end, row.evidence)


def facts(recs: list[dict], kind: str) -> list[dict]:
    return [r for r in recs if r["kind"] == kind]


def test_headline_repeated_verbatim_gives_one_row_per_fact():
    doc, recs = extract(HEADLINE_TWICE)
    officials, plants, investments = tables(recs)
    assert len(plants) == 1
    assert plants.loc[0, "name"] == "завод по выпуску тракторов"
    assert plants.loc[0, "region_code"] == "RU-ROS"
    assert len(investments) == 1
    assert investments.loc[0, "amount"] == 2e9
    assert investments.loc[0, "investor"] == "Агромаш"
    assert investments.loc[0, "plant_id"] == plants.loc[0, "plant_id"]
    assert list(officials["full_name"]) == ["Василий Голубев"]
    for table in (officials, plants, investments):
        assert_evidence(doc, table)


def test_body_restating_the_headline_gives_one_plant():
    doc, recs = extract(HEADLINE_RESTATED)
    _, plants, investments = tables(recs)  # validates: one plant_id per document
    assert len(plants) == 1
    assert plants.loc[0, "name"].lower() == "завод «экостекло»"
    assert plants.loc[0, "status"] == "launched"
    assert len(investments) == 1
    assert_evidence(doc, plants)
    assert_evidence(doc, investments)


def test_same_sum_said_twice_is_one_investment_from_the_fuller_mention():
    doc, recs = extract(SAME_SUM)
    officials, plants, investments = tables(recs)
    assert len(investments) == 1
    row = investments.iloc[0]
    assert (row["amount"], row["currency"], row["investor"]) == (2e9, "RUB", "Агромаш")
    # the second mention names the deadline: it is kept whole, offsets and evidence
    assert row["period_end_year"] == 2027
    assert row["start"] == SAME_SUM.rindex("2 млрд рублей")
    assert row["evidence"].startswith("Инвестиции в проект составят")
    assert len(plants) == 1
    assert len(officials) == 1
    for table in (officials, plants, investments):
        assert_evidence(doc, table)


def test_two_investors_with_the_same_sum_stay_two_investments():
    doc, recs = extract(TWO_INVESTORS)
    _, plants, investments = tables(recs)
    assert sorted(investments["investor"]) == ["Альфа", "Бета"]
    assert list(investments["amount"]) == [1e9, 1e9]
    assert investments["investment_id"].is_unique
    assert len(plants) == 2
    assert_evidence(doc, investments)
    assert_evidence(doc, plants)


def test_plant_named_with_and_without_its_region_is_one_plant():
    doc, recs = extract(PLANT_WITH_AND_WITHOUT_REGION)
    _, plants, _ = tables(recs)
    named = plants[plants["name"].str.lower() == "завод «экостекло»"]
    assert len(named) == 1
    assert named.iloc[0]["region_code"] == "RU-KLU"
    assert plants["plant_id"].is_unique
    assert_evidence(doc, plants)


def test_part_of_a_total_said_twice_points_to_the_kept_total():
    doc, recs = extract(TOTAL_SAID_TWICE)
    _, _, investments = tables(recs)
    assert sorted(investments["amount"]) == [4e9, 10e9]
    total = investments[investments["amount"] == 10e9].iloc[0]
    part = investments[investments["amount"] == 4e9].iloc[0]
    assert total["period_end_year"] == 2028  # the fuller mention of the total
    assert part["part_of_investment_id"] == total["investment_id"]
    assert_evidence(doc, investments)


def test_official_named_twice_with_one_post_is_one_row():
    doc, recs = extract(OFFICIAL_TWICE)
    officials, _, _ = tables(recs)
    assert len(officials) == 1
    row = officials.iloc[0]
    assert (row["full_name"], row["position"]) == ("Иван Петров", "генеральный директор")
    assert row["organization"].lower() == "экостекло"
    assert_evidence(doc, officials)


# --- the rules on hand-made records ------------------------------------------------------

def _rec(kind: str, start: int, end: int, **attrs) -> dict:
    return {"doc_id": "d", "kind": kind, "sentence": 0, "start": start, "end": end,
            "text": "x", "normal": None,
            "attrs": json.dumps(attrs, ensure_ascii=False, sort_keys=True)}


def _plant(start: int, **attrs) -> dict:
    base = {"name": "завод по производству стекла", "product": "стекло", "operator": None,
            "region": None, "region_code": None, "status": "planned", "event_date": None,
            "event_year": None, "evidence": "x"}
    return _rec("plant", start, start + 5, **{**base, **attrs})


def test_missing_operator_or_region_is_compatible_and_the_fuller_mention_wins():
    recs = [_plant(0), _plant(10, operator="ЭкоСтекло", region_code="RU-KLU"),
            _plant(20, operator="ЭКОСТЕКЛО")]
    out = dedupe_facts(recs)
    assert out == [recs[1]]


def test_a_mention_without_operator_does_not_join_two_operators():
    recs = [_plant(0, operator="Альфа"), _plant(10), _plant(20, operator="Бета")]
    out = dedupe_facts(recs)
    assert [json.loads(r["attrs"])["operator"] for r in out] == ["Альфа", "Бета"]


@pytest.mark.parametrize("attr,a,b", [
    ("investor", "Альфа", "Бета"), ("program", "СПИК", "ФРП"),
    ("period_end_year", 2027, 2028), ("qualifier", "exact", "at_least"),
    ("qualifier", "approx", "at_most"),
])
def test_investments_that_disagree_stay_two(attr, a, b):
    base = {"amount": 1e9, "amount_max": None, "currency": "RUB", "qualifier": "exact",
            "investor": None, "program": None, "period_start_year": None,
            "period_end_year": None, "region_code": None, "part_of": None}
    recs = [_rec("investment", 0, 5, **{**base, attr: a}),
            _rec("investment", 10, 15, **{**base, attr: b}),
            _rec("MONEY", 0, 5), _rec("MONEY", 10, 15)]
    assert dedupe_facts(recs) == recs


def test_a_sum_said_exactly_and_approximately_is_one_investment():
    # "около 2 млрд" in a quote and "2 млрд" in the body: one sum; the qualified mention
    # says more about it and is kept
    base = {"amount": 2e9, "amount_max": None, "currency": "RUB", "qualifier": "exact",
            "investor": None, "program": None, "period_start_year": None,
            "period_end_year": None, "region_code": None, "part_of": None}
    exact = _rec("investment", 0, 5, **base)
    approx = _rec("investment", 10, 15, **{**base, "qualifier": "approx"})
    money = [_rec("MONEY", 0, 5), _rec("MONEY", 10, 15)]
    assert dedupe_facts([exact, approx, *money]) == [approx, *money]
