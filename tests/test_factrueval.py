"""The officials table on the factRuEval-2016 devset (122 real news texts, gold Occupation
facts). The matching rule is the issue's: surname + position (head lemma or containment);
organization accuracy over matched pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation.factrueval import (
    DEFAULT_DIR,
    TARGET_F1,
    TARGET_ORG_ACCURACY,
    GoldFact,
    Row,
    evaluate,
    org_match,
    position_match,
    read_gold,
    write_report,
)

# The targets (the best 2016 system reached F1 0.66 on the test set). Measured
# figures are in reports/factrueval.md.
F1_FLOOR = TARGET_F1
ORG_ACCURACY_FLOOR = TARGET_ORG_ACCURACY
PRECISION_FLOOR = 0.85

needs_devset = pytest.mark.skipif(not Path(DEFAULT_DIR).is_dir(),
                                  reason="factRuEval-2016 devset not present")


@pytest.fixture(scope="module")
def result():
    return evaluate(DEFAULT_DIR, workers=2)


@needs_devset
def test_devset_scores(result, tmp_path):
    m = result.metrics()
    assert m["documents"] == 122
    assert m["true_positives"] + m["misses"] + m["gold_without_position"] >= 200
    assert result.f1 >= F1_FLOOR, m
    assert result.precision >= PRECISION_FLOOR, m
    assert result.org_accuracy >= ORG_ACCURACY_FLOOR, m
    report = write_report(result, tmp_path / "r.md", DEFAULT_DIR).read_text(encoding="utf-8")
    assert "## Misses" in report and "## False positives" in report
    assert "sentence:" in report


@needs_devset
def test_gold_reader_resolves_people_and_alternatives():
    gold = {g.fact_id: g for g in read_gold(Path(DEFAULT_DIR) / "book_100.facts")}
    g = gold["100-0"]
    assert (g.surname, g.position, g.where) == ("Лужков", "мэра", "Москва")
    gold = {g.fact_id: g for g in read_gold(Path(DEFAULT_DIR) / "book_260.facts")}
    assert gold["260-5"].positions == ["Посол Японии в России", "Посол"]


def test_matching_rule():
    assert position_match("мэра", "мэр")
    assert position_match("министр торговли", "министр")
    assert position_match("Экс-премьера", "премьер")
    assert position_match("председатель совета директоров", "председатель")
    assert not position_match("губернатора", "мэр")
    assert org_match("Подмосковье", "Московская область")
    assert org_match("РФ | Россия", "Россия")
    assert org_match("движение Левый фронт", "Левый фронт")
    assert not org_match("Москва", None)
    assert not org_match("Франция", "Германия")


def test_one_row_matches_one_gold_fact():
    from pipeline.evaluation.factrueval import Result, score_document

    gold = [GoldFact("d", "1", "Иванов Иван", "Иванов", True, "мэр", "Москва"),
            GoldFact("d", "2", "Иванов Иван", "Иванов", True, "мэр", "Москва")]
    rows = [Row("d", "Иван Иванов", "Иванов", "мэр", "Москва", None, "government", "")]
    r = Result()
    score_document(gold, rows, r)
    assert (r.tp, r.fn, r.fp, r.org_correct) == (1, 1, 0, 1)
