"""Quarantine (pipeline/quarantine.py, `tables.build_tables`): a document whose rows break a
row-level rule loses those rows in that table, the rest of the corpus is published.

The documents and records are written for the tests: small fact records as the extractor
emits them, with one rule broken at a time.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline import quarantine, tables
from pipeline.types import RawDocument

TEXT = "Губернатор Иван Петров открыл завод «Заря» в Тульской области. Вложено 2 млрд рублей."


def _doc(doc_id: str) -> RawDocument:
    return RawDocument(doc_id=doc_id, text=TEXT, source=f"{doc_id}.txt", sha256="0" * 64)


def _rec(doc_id: str, kind: str, start: int, end: int, **attrs: object) -> dict:
    return {"doc_id": doc_id, "kind": kind, "sentence": 0, "start": start, "end": end,
            "text": TEXT[start:end], "normal": None,
            "attrs": json.dumps({"evidence": TEXT[:62], **attrs}, ensure_ascii=False)}


def _plant(doc_id: str, start: int = 30, end: int = 44, **over: object) -> dict:
    attrs = {"name": "завод «Заря»", "product": None, "operator": None,
             "region": "Тульская область", "region_code": "RU-TUL", "status": "launched",
             "event_date": None, "event_year": None, **over}
    return _rec(doc_id, "plant", start, end, **attrs)


def _official(doc_id: str, start: int = 11, end: int = 22, **over: object) -> dict:
    attrs = {"full_name": "Иван Петров", "surname": "Петров", "position": "губернатор",
             "organization": "Тульская область", "phase": None, "sector": "government", **over}
    return _rec(doc_id, "official", start, end, **attrs)


def _investment(doc_id: str, start: int = 71, end: int = 84, **over: object) -> dict:
    attrs = {"amount": 2e9, "amount_max": None, "currency": "RUB", "qualifier": "exact",
             "investor": None, "region": "Тульская область", "region_code": "RU-TUL",
             "period_start_year": None, "period_end_year": None, "program": None, **over}
    return _rec(doc_id, "investment", start, end, **attrs)


def _good(doc_id: str) -> list[dict]:
    return [_official(doc_id), _plant(doc_id), _investment(doc_id)]


def _build(records: list[dict], n_docs: int, max_share: float = 0.05) -> dict[str, pd.DataFrame]:
    docs = [_doc(f"d{i:03d}") for i in range(n_docs)]
    return tables.build_tables(docs, tables.records_frame(records),
                               max_quarantine_share=max_share)


def _corpus(n: int, bad: list[dict], bad_doc: str = "d007") -> list[dict]:
    recs = [r for i in range(n) for r in _good(f"d{i:03d}") if f"d{i:03d}" != bad_doc]
    return recs + bad


def test_clean_corpus_quarantines_nothing() -> None:
    frames = _build(_corpus(40, _good("d007")), 40)
    assert frames["quarantined_rows"].empty
    assert {t: len(frames[t]) for t in ("officials", "plants", "investments")} == {
        "officials": 40, "plants": 40, "investments": 40}


def test_duplicate_plant_id_quarantines_that_document_only() -> None:
    """The repeated-headline bug: one document emits the same plant twice."""
    bad = [_official("d007"), _plant("d007"), _plant("d007", start=0, end=10),
           _investment("d007")]
    frames = _build(_corpus(40, bad), 40)
    q = frames["quarantined_rows"]
    assert set(q["doc_id"]) == {"d007"} and set(q["table"]) == {"plants"}
    assert list(q["rule"]) == ["duplicate id", "duplicate id"]
    assert "d007" not in set(frames["plants"]["doc_id"])
    assert len(frames["plants"]) == 39
    # the document's other tables are untouched, and the investment lost only its plant link
    assert "d007" in set(frames["officials"]["doc_id"])
    inv = frames["investments"].set_index("doc_id")
    assert pd.isna(inv.loc["d007", "plant_id"]) and inv["plant_id"].notna().sum() == 39
    row = json.loads(q["row"].iloc[0])
    assert row["doc_id"] == "d007" and row["plant_id"].startswith("plt-")
    assert "plant_id" in json.loads(q["values"].iloc[0])


def test_value_outside_vocabulary() -> None:
    bad = [_official("d007"), _plant("d007", status="reopened"), _investment("d007")]
    q = _build(_corpus(40, bad), 40)["quarantined_rows"]
    assert list(q["rule"]) == ["status: isin"]
    assert json.loads(q["values"].iloc[0]) == {"status": "reopened"}


def test_offset_outside_the_text_takes_the_documents_other_rows_of_that_table() -> None:
    bad = [_official("d007"), _official("d007", start=200, end=211, full_name="Пётр Иванов",
                                        surname="Иванов"),
           _plant("d007"), _investment("d007")]
    frames = _build(_corpus(40, bad), 40)
    q = frames["quarantined_rows"]
    assert sorted(q["rule"]) == ["end: outside the document's text", quarantine.SAME_DOCUMENT]
    assert set(q["table"]) == {"officials"}
    assert "d007" not in set(frames["officials"]["doc_id"])
    assert "d007" in set(frames["plants"]["doc_id"])


def test_start_after_end_and_unknown_document() -> None:
    bad = [_official("d007", start=22, end=11), *_good("zz_unknown")[1:2]]
    frames = _build(_corpus(40, bad), 40)
    q = frames["quarantined_rows"]
    rules = dict(zip(q["doc_id"], q["rule"], strict=True))
    assert rules["d007"] == "start must be before end"
    values = json.loads(q.loc[q["doc_id"] == "d007", "values"].iloc[0])
    assert values == {"start": 22, "end": 11}
    assert rules["zz_unknown"] == "doc_id: not in documents"


def test_the_published_tables_pass_every_blocking_check() -> None:
    from pipeline.dagster_defs.checks import TABLE_CHECKS

    bad = [_official("d007"), _plant("d007"), _plant("d007", start=0, end=10)]
    frames = _build(_corpus(40, bad), 40)
    results = {c.spec.name: c(frames) for c in TABLE_CHECKS}
    assert all(r.passed for name, r in results.items() if c_blocking(name))
    assert not results["quarantined_documents_count"].passed  # the WARN check counts it
    assert results["quarantined_documents_count"].metadata["documents"].value == 1


def c_blocking(name: str) -> bool:
    from pipeline.dagster_defs.checks import TABLE_CHECKS

    return next(c.spec.blocking for c in TABLE_CHECKS if c.spec.name == name)


def test_more_than_the_allowed_share_fails_the_build() -> None:
    """3 of 40 documents = 7.5 % > 5 %: the extractor is broken, nothing is published."""
    recs = [r for i in range(40) for r in _good(f"d{i:03d}")]
    for doc in ("d001", "d002", "d003"):
        recs.append(_plant(doc, start=0, end=10))
    with pytest.raises(quarantine.QuarantineLimitError, match="3 of 40 documents"):
        _build(recs, 40)
    # the same corpus passes when the user allows 10 %
    assert len(set(_build(recs, 40, max_share=0.10)["quarantined_rows"]["doc_id"])) == 3


def test_whole_table_invariant_still_fails() -> None:
    """A rule every document breaks (a column the extractor stopped writing) is not
    quarantined away: the build fails, naming the rule."""
    recs = _corpus(40, _good("d007"))
    for r in recs:
        if r["kind"] == "plant":
            attrs = json.loads(r["attrs"])
            del attrs["status"]
            r["attrs"] = json.dumps(attrs, ensure_ascii=False)
    with pytest.raises(quarantine.QuarantineLimitError, match="40 of 40 .*status"):
        _build(recs, 40)


# --- one poisoned document in a corpus of 300, through the build job ----------------------

def _poison(monkeypatch: pytest.MonkeyPatch, poisoned: str) -> None:
    """An extractor bug in one document: its first official is emitted twice (a duplicate
    id) and its plants carry a status outside the vocabulary."""
    import pipeline.runtime.batch as batch

    real = batch.extract_document

    def buggy(doc, *a, **k):  # noqa: ANN001, ANN202
        recs = real(doc, *a, **k)
        if doc.doc_id != poisoned:
            return recs
        out = []
        for r in recs:
            if r["kind"] == "plant":
                attrs = json.loads(r["attrs"])
                r = {**r, "attrs": json.dumps({**attrs, "status": "exploded"},
                                              ensure_ascii=False)}
            out.append(r)
        first = next(r for r in recs if r["kind"] == "official")
        return [*out, dict(first)]

    monkeypatch.setattr(batch, "extract_document", buggy)


@pytest.mark.slow
def test_one_poisoned_document_of_300_is_quarantined_and_the_rest_published(
        tmp_path, monkeypatch) -> None:
    from benchmarks.run import base_texts, make_corpus
    from pipeline.dagster_defs.checks import TABLE_CHECKS
    from tests.test_e2e import read_package, run_build

    seeds, cache = tmp_path / "seeds", tmp_path / "cache"
    make_corpus(300, seeds, base_texts())
    clean = run_build(seeds, tmp_path / "clean", tmp_path / "home1", cache)
    assert clean.success, clean.error
    before = read_package(clean.out)
    # the first document with both officials and plants gets the bug
    poisoned = sorted(set(before["officials"]["doc_id"]) & set(before["plants"]["doc_id"]))[0]
    poisoned_file = seeds / f"{poisoned}.txt"
    # the poisoned document is parsed again (its text changed, so its cache key); every
    # other document comes from the cache of the clean build
    poisoned_file.write_text(poisoned_file.read_text("utf-8") + "\nОбновлено.\n", "utf-8")
    _poison(monkeypatch, poisoned)
    build = run_build(seeds, tmp_path / "out", tmp_path / "home2", cache,
                      env={"PIPELINE_WORKERS": "1"})
    assert build.success, build.error
    after = read_package(build.out)
    assert len(after["documents"]) == 300
    q = after["quarantined_rows"]
    assert set(q["doc_id"]) == {poisoned}
    assert set(q["table"]) == {"officials", "plants"}
    assert {"duplicate id", "status: isin"} <= set(q["rule"])
    for table in ("officials", "plants"):
        assert poisoned not in set(after[table]["doc_id"])
        rest_before = before[table].query("doc_id != @poisoned").reset_index(drop=True)
        rest_after = after[table].query("doc_id != @poisoned").reset_index(drop=True)
        pd.testing.assert_frame_equal(rest_before, rest_after)
        # what the clean build published for that document, plus the duplicate the bug adds
        extra = 1 if table == "officials" else 0
        assert (q["table"] == table).sum() == len(
            before[table].query("doc_id == @poisoned")) + extra
    # every blocking check passed on what was published; the warning counts one document
    blocking = {c.spec.name for c in TABLE_CHECKS if c.spec.blocking}
    assert all(build.checks[name] for name in blocking)
    assert build.checks["quarantined_documents_count"] is False
    assert build.check_metadata["quarantined_documents_count"]["documents"] == 1
    assert any(poisoned in m and "quarantined" in m for m in build.logs)
    _readme_examples_read(build.out, poisoned, tmp_path)


def _readme_examples_read(out, poisoned: str, tmp_path) -> None:  # noqa: ANN001
    """The README's "what was held back" examples, run as written against this build."""
    import os
    import re

    import duckdb

    from tests.probe import REPO

    readme = (REPO / "README.md").read_text("utf-8")
    section = readme[readme.index("### Quarantine"):]
    section = section[:section.index("\n## ")] if "\n## " in section else section
    (sql,) = re.findall(r"```sql\n(.*?)```", section, flags=re.S)
    (python,) = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    (tmp_path / "reader").mkdir()
    (tmp_path / "reader" / "datasets").symlink_to(out)
    cwd = os.getcwd()
    os.chdir(tmp_path / "reader")
    try:
        rows = duckdb.sql(sql).fetchall()
        assert rows and {r[0] for r in rows} == {poisoned}
        scope: dict = {}
        exec(compile(python, "README.md", "exec"), scope)  # noqa: S102 (our own example)
        assert set(scope["rows"]["doc_id"]) == {poisoned}
    finally:
        os.chdir(cwd)
