"""frictionless validation of the published package, in full and on changed rows only
(pipeline/validation.py). The tables are written for the tests (tests/test_publish.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.publish import publish, render_files
from pipeline.validation import validate_package, validate_package_incremental
from tests.test_publish import frames


def _publish(out: Path, n: int) -> Path:
    publish(render_files(frames(n), f"{n:064x}"), out)
    return out / "datapackage.json"


def test_first_build_validates_everything_then_only_new_rows(tmp_path: Path) -> None:
    out, state = tmp_path / "out", tmp_path / "state"
    first = validate_package_incremental(_publish(out, 5), state)
    assert first["valid"] and first["mode"] == "full"
    assert first["rows_checked"] == 5 + 1  # five documents, one rejected file
    second = validate_package_incremental(_publish(out, 7), state)
    assert second["valid"] and second["mode"] == "changed rows"
    assert second["rows_checked"] == 2  # the two new documents only
    same = validate_package_incremental(_publish(out, 7), state)
    assert same["valid"] and same["rows_checked"] == 0


def test_removed_rows_need_no_validation(tmp_path: Path) -> None:
    out, state = tmp_path / "out", tmp_path / "state"
    validate_package_incremental(_publish(out, 6), state)
    fewer = validate_package_incremental(_publish(out, 4), state)
    assert fewer["valid"] and fewer["mode"] == "changed rows" and fewer["rows_checked"] == 0


def _append_bad_row(out: Path) -> None:
    """A documents row whose date is not a date (not something the build writes)."""
    path = out / "documents.csv"
    header = path.read_text("utf-8").splitlines()[0].split(",")
    row = ["" for _ in header]
    row[header.index("doc_id")] = "zz_bad"
    row[header.index("published")] = "2025-13-45"
    with path.open("a", encoding="utf-8") as fh:
        fh.write(",".join(row) + "\n")


def test_a_bad_new_row_fails_and_is_not_remembered_as_valid(tmp_path: Path) -> None:
    out, state = tmp_path / "out", tmp_path / "state"
    validate_package_incremental(_publish(out, 5), state)
    _append_bad_row(out)
    bad = validate_package_incremental(out / "datapackage.json", state)
    assert not bad["valid"] and bad["mode"] == "changed rows"
    assert any("2025-13-45" in e or "published" in e for e in bad["errors"]), bad["errors"]
    # the full validation agrees (the row, and the file no longer matching its hash)
    assert not validate_package(out / "datapackage.json")["valid"]
    again = validate_package_incremental(out / "datapackage.json", state)
    assert not again["valid"]  # the bad row was not taken into the validated state


def test_schema_change_or_request_validates_in_full(tmp_path: Path) -> None:
    out, state = tmp_path / "out", tmp_path / "state"
    path = _publish(out, 5)
    validate_package_incremental(path, state)
    assert validate_package_incremental(path, state, full=True)["mode"] == "full"
    package = json.loads(path.read_text("utf-8"))
    package["resources"][0]["schema"]["fields"][0]["description"] = "другое описание"
    path.write_text(json.dumps(package, ensure_ascii=False), "utf-8")
    changed = validate_package_incremental(path, state)
    assert changed["mode"] == "full" and changed["valid"]
    assert validate_package_incremental(path, state)["mode"] == "unchanged"


@pytest.mark.parametrize("damage", ["garbage_state", "list_state", "missing_copy",
                                    "other_files"])
def test_damaged_state_means_a_full_validation(tmp_path: Path, damage: str) -> None:
    out, state = tmp_path / "out", tmp_path / "state"
    path = _publish(out, 5)
    validate_package_incremental(path, state)
    if damage == "garbage_state":
        (state / "state.json").write_text("{not json", "utf-8")
    elif damage == "list_state":
        (state / "state.json").write_text("[]", "utf-8")
    elif damage == "missing_copy":
        (state / "plants.csv").unlink()
    else:
        st = json.loads((state / "state.json").read_text("utf-8"))
        st["files"] = st["files"][:-1]
        (state / "state.json").write_text(json.dumps(st), "utf-8")
    report = validate_package_incremental(path, state)
    assert report["mode"] == "full" and report["valid"]
    assert validate_package_incremental(path, state)["mode"] == "unchanged"  # repaired


def test_unwritable_state_still_validates(tmp_path: Path) -> None:
    out = tmp_path / "out"
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the state folder would be")
    path = _publish(out, 3)
    for _ in range(2):
        report = validate_package_incremental(path, blocker / "state")
        assert report["valid"] and report["mode"] == "full"


def test_the_check_waits_for_a_publish_in_progress(tmp_path: Path) -> None:
    """Validation and the remembered state happen under the publish lock, so a build never
    validates (or remembers as valid) files another build is still moving into place."""
    import threading

    from pipeline.dagster_defs.checks import datapackage_result
    from pipeline.publish import locked

    out = tmp_path / "out"
    _publish(out, 3)
    order: list[str] = []
    held, release = threading.Event(), threading.Event()

    def other_build() -> None:
        with locked(out):
            held.set()
            release.wait(10)
            order.append("other build done")

    t = threading.Thread(target=other_build)
    t.start()
    held.wait(10)
    checker = threading.Thread(target=lambda: order.append(
        "checked" if datapackage_result(out, tmp_path / "cache").passed else "failed"))
    validate_package(out / "datapackage.json")  # frictionless imported: a free check is quick
    checker.start()
    checker.join(3)
    assert order == []  # still waiting for the lock
    release.set()
    t.join(10)
    checker.join(30)
    assert order == ["other build done", "checked"]


def test_new_rows_with_line_breaks_inside_cells_validate(tmp_path: Path) -> None:
    """A file name may hold a lone CR or LF (it becomes a cell of rejected_documents): the
    changed-rows package must keep such a cell one cell."""
    from pipeline import tables
    from pipeline.types import Rejection

    out, state = tmp_path / "out", tmp_path / "state"
    validate_package_incremental(_publish(out, 3), state)
    fr = frames(3)
    fr["rejected_documents"] = tables.rejected_table(
        [Rejection(source="=bad.txt", reason="-empty file", stage="ingest"),
         Rejection(source="cr\rname.txt", reason="empty file", stage="ingest"),
         Rejection(source="lf\nname.txt", reason="line one\r\nline two", stage="ingest")])
    publish(render_files(fr, "f" * 64), out)
    report = validate_package_incremental(out / "datapackage.json", state)
    assert report["mode"] == "changed rows" and report["rows_checked"] == 2
    assert report["valid"], report["errors"]


def test_only_changed_tables_go_to_frictionless(tmp_path: Path) -> None:
    """A table whose CSV is the one validated last is left out of the delta package (issue
    20: frictionless costs ~0.1 s a resource); the changed ones are validated."""
    out, state = tmp_path / "out", tmp_path / "state"
    validate_package_incremental(_publish(out, 5), state)
    second = validate_package_incremental(_publish(out, 7), state)
    assert second["valid"] and second["mode"] == "changed rows"
    assert [t["resource"] for t in second["tasks"]] == ["documents"]  # the others: same CSV
    assert second["rows_checked"] == 2


def test_nothing_changed_means_no_frictionless(tmp_path: Path, monkeypatch) -> None:
    """The same descriptor and CSVs as the last valid package: the check that passed is not
    run again (frictionless is not even imported)."""
    from pipeline import validation

    out, state = tmp_path / "out", tmp_path / "state"
    path = _publish(out, 5)
    validate_package_incremental(path, state)

    def refuse(path: Path) -> dict:
        raise AssertionError("frictionless run on an unchanged package")

    monkeypatch.setattr(validation, "validate_package", refuse)
    same = validate_package_incremental(path, state)
    assert same == {"valid": True, "errors": [], "tasks": [], "mode": "unchanged",
                    "rows_checked": 0}


def test_a_changed_descriptor_alone_is_still_validated(tmp_path: Path) -> None:
    """Every CSV as validated, the descriptor not: frictionless validates the descriptor
    (a package of no resource), and a bad value in it fails."""
    out, state = tmp_path / "out", tmp_path / "state"
    path = _publish(out, 5)
    validate_package_incremental(path, state)
    package = json.loads(path.read_text("utf-8"))
    package["version"] = "2.0.0"
    path.write_text(json.dumps(package, ensure_ascii=False), "utf-8")
    good = validate_package_incremental(path, state)
    assert good["valid"] and good["mode"] == "changed rows" and good["tasks"] == []
    package["version"] = 123  # not a string
    path.write_text(json.dumps(package, ensure_ascii=False), "utf-8")
    bad = validate_package_incremental(path, state)
    assert not bad["valid"] and bad["mode"] == "changed rows"
    assert any("version" in e for e in bad["errors"]), bad["errors"]


def test_a_bad_row_in_a_table_the_build_did_not_change_is_caught(tmp_path: Path) -> None:
    """A table left out because its CSV was validated: once its file changes (here a bad row
    appended after a build that changed another table), it is validated again."""
    out, state = tmp_path / "out", tmp_path / "state"
    validate_package_incremental(_publish(out, 5), state)
    assert validate_package_incremental(_publish(out, 6), state)["valid"]
    path = out / "rejected_documents.csv"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("not,enough\n")
    bad = validate_package_incremental(out / "datapackage.json", state)
    assert not bad["valid"] and bad["mode"] == "changed rows"
    assert "rejected_documents" in {t["resource"] for t in bad["tasks"]}


def test_a_validated_copy_that_changed_is_not_trusted(tmp_path: Path) -> None:
    """The new rows are found against the copy kept in the state; a copy whose bytes are no
    longer those validated (e.g. the bad row slipped into it) means a full validation."""
    out, state = tmp_path / "out", tmp_path / "state"
    validate_package_incremental(_publish(out, 5), state)
    copy = state / "documents.csv"
    copy.write_bytes(copy.read_bytes() + b"zz_extra,,,,\n")
    report = validate_package_incremental(_publish(out, 7), state)
    assert report["valid"] and report["mode"] == "full"
