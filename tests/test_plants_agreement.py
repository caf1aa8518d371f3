"""The plant-row agreement measurement (pipeline/evaluation/plants_agreement.py): P/R/F1 of a
second annotation against the gold with the project's own matcher, status agreement on the
matched rows, and the refusal of the frozen test part and the blind batches."""

import json

import pytest

from pipeline.evaluation import plants_agreement as PA
from pipeline.evaluation.corpus import BLIND_BATCHES, split_of


def _plant(name, code="RU-TUL", status="launched", product=None):
    return {"name": name, "product": product, "operator": None, "region_code": code,
            "status": status}


def test_rows_matched_by_region_and_a_content_word():
    gold = {"d1": [_plant("кирпичный завод", status="planned"), _plant("сахарный завод")],
            "d2": []}
    second = {"d1": [_plant("завод по производству кирпича", status="announced"),
                     _plant("сахарный завод", code="RU-KDA")],
              "d2": [_plant("молочный завод")]}
    res = PA.measure(["d1", "d2"], gold, second)
    # кирпич ~ кирпичный (a five-letter stem); the sugar plant's region differs
    assert (res.score.tp, res.score.fp, res.score.fn) == (1, 2, 1)
    assert res.score.precision == pytest.approx(1 / 3)
    assert res.score.recall == pytest.approx(1 / 2)
    assert (res.loose.tp, res.loose.fp, res.loose.fn) == (2, 1, 0)  # region ignored
    assert res.status.n == 1 and res.status.observed == 0.0
    text = PA.render(res, {"disagreements": [
        {"side": "second", "doc": "d2", "name": "молочный завод", "class": "only here",
         "span": "x", "rule": "y"}]})
    assert "### only here (1)" in text and "### unclassified (3)" in text
    assert "status: gold planned, second announced" in text


def _folder(tmp_path, doc, url):
    (tmp_path / f"{doc}.meta.json").write_text(json.dumps({"url": url}), "utf-8")
    (tmp_path / f"{doc}.gold.json").write_text(json.dumps({"plants": []}), "utf-8")
    (tmp_path / PA.SECOND_FILE).write_text(
        json.dumps({"documents": [doc], "plants": []}), "utf-8")


def test_the_test_part_and_the_blind_batches_are_refused(tmp_path):
    urls = [f"https://example.org/{i}" for i in range(1000)]
    dev = next(u for u in urls if split_of(u) == "dev")
    test = next(u for u in urls if split_of(u) == "test")
    _folder(tmp_path, "r5_001", dev)
    assert PA.load(tmp_path)[0] == ["r5_001"]
    _folder(tmp_path, "r5_001", test)
    with pytest.raises(ValueError, match="not a dev-part"):
        PA.load(tmp_path)
    blind = f"{BLIND_BATCHES[0]}_001"
    _folder(tmp_path, blind, dev)
    with pytest.raises(ValueError, match="blind"):
        PA.load(tmp_path)


def test_the_committed_second_annotation_is_scored_and_every_disagreement_classified():
    docs, gold, second, classes = PA.load()
    assert len(docs) == 40
    res = PA.measure(docs, gold, second)
    assert res.score.tp + res.score.fn == sum(len(g) for g in gold.values())
    assert "unclassified" not in PA.render(res, classes)
