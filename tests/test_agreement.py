"""The status agreement measurement (pipeline/evaluation/agreement.py): kappa computed right,
and the second annotation still names the gold's plants (dev part only)."""

import json

import pytest

from pipeline.evaluation import agreement as A
from pipeline.evaluation.corpus import REAL_DIR


def test_kappa_of_a_textbook_table():
    # 2x2 table: yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> po 0.70, pe 0.50, kappa 0.40
    first = ["y"] * 25 + ["n"] * 25
    second = ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15
    a = A.agreement(first, second)
    assert a.n == 50
    assert a.observed == pytest.approx(0.70)
    assert a.kappa == pytest.approx(0.40)


def test_kappa_edges():
    assert A.agreement(["x", "x"], ["x", "x"]).kappa == 1.0  # one label on both sides
    assert A.agreement([], []).n == 0
    assert A.agreement(["a", "b"], ["b", "a"]).kappa < 0  # worse than chance
    with pytest.raises(ValueError):
        A.agreement(["a"], ["a", "b"])


def test_second_annotation_names_the_gold_plants_of_the_dev_part():
    rows = A.load_pairs()
    assert len(rows) > 500
    statuses = {"announced", "planned", "under_construction", "launched", "expanded",
                "suspended", "closed", "unknown"}
    assert {r["second"] for r in rows} <= statuses
    assert {r["first"] for r in rows} <= statuses
    report = A.render(rows)
    assert "| **all** | " in report


def test_a_test_part_document_or_a_renamed_plant_is_refused(tmp_path):
    """A row naming a frozen-test document, or a plant the gold no longer has at that
    index, is an error, not a silent mismatch."""
    src = json.loads((REAL_DIR / A.SECOND_FILE).read_text("utf-8"))
    row = src["plants"][0]
    doc = row["doc"]
    for suffix in (".txt", ".meta.json", ".gold.json"):
        (tmp_path / f"{doc}{suffix}").write_bytes((REAL_DIR / f"{doc}{suffix}").read_bytes())
    (tmp_path / A.SECOND_FILE).write_text(json.dumps({"plants": [row]}), "utf-8")
    assert len(A.load_pairs(tmp_path)) == 1
    renamed = {**row, "name": row["name"] + " (другой)"}
    (tmp_path / A.SECOND_FILE).write_text(json.dumps({"plants": [renamed]}), "utf-8")
    with pytest.raises(ValueError, match="is not"):
        A.load_pairs(tmp_path)
    meta = json.loads((tmp_path / f"{doc}.meta.json").read_text("utf-8"))
    test_url = next(f"https://example.org/{i}" for i in range(1000)
                    if _part(f"https://example.org/{i}") == "test")
    meta["url"] = test_url
    (tmp_path / f"{doc}.meta.json").write_text(json.dumps(meta), "utf-8")
    (tmp_path / A.SECOND_FILE).write_text(json.dumps({"plants": [row]}), "utf-8")
    with pytest.raises(ValueError, match="not a dev-part"):
        A.load_pairs(tmp_path)


def _part(url: str) -> str:
    from pipeline.evaluation.corpus import split_of
    return split_of(url)
