"""The seed article must produce exactly the rows the foundation issue lists, row by row."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pipeline import tables
from pipeline.ingest.files import read_corpus
from pipeline.runtime.batch import parse_documents

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_ID = "000_c71ce465f13af3a6"


@pytest.fixture(scope="module")
def seed_tables() -> dict[str, pd.DataFrame]:
    corpus = read_corpus(SEEDS)
    seed = [d for d in corpus.documents if d.doc_id == SEED_ID]
    assert seed, "the seed article is missing from seeds/"
    result = parse_documents(seed, workers=1)
    assert not result.failures
    records = tables.records_frame(result.records)
    plants = tables.plants_table(records)
    return {
        "documents": tables.documents_table(seed),
        "officials": tables.officials_table(records),
        "plants": plants,
        "investments": tables.investments_table(records, plants),
        "text": seed[0].text,
    }


def test_documents_row(seed_tables):
    docs = seed_tables["documents"]
    assert len(docs) == 1
    row = docs.iloc[0]
    assert row["doc_id"] == SEED_ID
    assert row["published"] == date(2026, 1, 30)
    assert row["source"] == f"{SEED_ID}.txt"
    assert len(row["sha256"]) == 64
    assert row["n_chars"] == len(seed_tables["text"])
    assert not seed_tables["text"].lstrip().startswith("date")


EXPECTED_OFFICIALS = {
    ("Антон Алиханов", "Алиханов", "глава", "Минпромторг", "government"),
    ("Алексей Беспрозванных", "Беспрозванных", "губернатор", "Калининградская область",
     "government"),
    ("Валерий Горбунов", "Горбунов", "председатель совета директоров", "Автотор Холдинг",
     "business"),
}


def test_officials_rows(seed_tables):
    off = seed_tables["officials"]
    got = {(r.full_name, r.surname, r.position, r.organization, r.sector)
           for r in off.itertuples()}
    assert got == EXPECTED_OFFICIALS
    assert len(off) == 3  # the repeated "Алексей Беспрозванных" adds no row
    assert off["official_id"].is_unique
    text = seed_tables["text"]
    for r in off.itertuples():
        assert text[r.start:r.end] == r.full_name  # offsets point at the mention
        assert text[r.start:r.end] in r.evidence


def test_later_surname_mention_links_to_same_person(seed_tables):
    from pipeline.rules.officials import cluster_persons
    from pipeline.runtime.nlp import analyze

    analyzed = analyze(seed_tables["text"])
    persons = cluster_persons(analyzed)
    by_text = {}
    for (s, e), p in persons.items():
        by_text.setdefault(seed_tables["text"][s:e], set()).add(p.key)
    assert "Алиханов" in by_text
    assert by_text["Алиханов"] == by_text["Антон Алиханов"]
    assert len(by_text["Алексей Беспрозванных"]) == 1


EXPECTED_PLANTS = {
    ("завод оборудования и оснастки", "оборудование и оснастка"),
    ("предприятие по выпуску автомобильных сидений", "автомобильные сиденья"),
    ("завод выхлопных систем", "выхлопные системы"),
    ("производство компактных электромобилей", "компактные электромобили"),
    ("завод электронных систем управления", "электронные системы управления"),
    ("предприятие по выпуску тяговых электродвигателей", "тяговые электродвигатели"),
    ("завод пластиковых деталей для интерьера и экстерьера автомобилей",
     "пластиковые детали для интерьера и экстерьера автомобилей"),
}


def test_plants_rows(seed_tables):
    plants = seed_tables["plants"]
    assert {(r.name, r.product) for r in plants.itertuples()} == EXPECTED_PLANTS
    assert set(plants["operator"]) == {"Автотор"}
    assert set(plants["region"]) == {"Калининградская область"}
    assert set(plants["region_code"]) == {"RU-KGD"}
    assert set(plants["status"]) == {"launched"}
    assert set(plants["event_date"]) == {date(2026, 1, 30)}
    assert plants["plant_id"].is_unique


def test_investments_rows(seed_tables):
    inv = seed_tables["investments"].sort_values("amount", ascending=False)
    assert len(inv) == 2
    big, small = inv.iloc[0], inv.iloc[1]
    assert big["amount"] == 28_000_000_000
    assert small["amount"] == 8_000_000_000
    for row in (big, small):
        assert row["currency"] == "RUB"
        assert row["qualifier"] == "approx"
        assert row["investor"] == "Автотор"
        assert row["region_code"] == "RU-KGD"
        assert row["region"] == "Калининградская область"
    assert big["period_start_year"] == 2019
    assert pd.isna(big["period_end_year"])
    assert big["program"] == "СПИК"
    # "около 8 миллиардов" names no currency: roubles carried from the mention before;
    # "в прошлом году" against the publication date 2026-01-30
    assert (small["period_start_year"], small["period_end_year"]) == (2025, 2025)
    # "из них ... около 8 миллиардов": a part of the 28 billion, not a second investment
    assert small["part_of_investment_id"] == big["investment_id"]
    assert pd.isna(big["part_of_investment_id"])
    text = seed_tables["text"]
    assert "28 миллиардов" in text[big["start"]:big["end"]]
    assert "8 миллиардов" in text[small["start"]:small["end"]]
