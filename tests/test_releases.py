"""pipeline.releases on hand-made tables: versions, the one switch, the index and the
changes, retention, the copy-in-place fallback, migration and recovery. The tables and
plants are written for the tests (tests/test_publish.py builds the frames)."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pytest

from pipeline import releases
from pipeline.docs import datasets_readme
from pipeline.publish import publish, render_files, table_files
from pipeline.releases import INDEX, LATEST, RELEASES, current, publish_release, recover
from tests.probe import REPO
from tests.test_publish import frames

CONTRACT_EXTRA = ["datapackage.json", "README.md", "chart.png"]


def _plant(i: int, region: str, status: str) -> dict[str, object]:
    return {"plant_id": f"plt-{i:012x}", "doc_id": "d000", "name": f"завод {i}",
            "product": None, "operator": None, "region": None, "region_code": region,
            "status": status, "event_date": None, "event_year": pd.NA,
            "evidence": "Завод открыт.", "start": 0, "end": 5}


def tables_with(plants: list[dict[str, object]], n_docs: int = 3) -> dict[str, pd.DataFrame]:
    t = frames(n_docs)
    df = pd.DataFrame(plants, columns=list(t["plants"].columns))
    t["plants"] = df.astype(t["plants"].dtypes.to_dict()) if len(df) else t["plants"]
    return t


def release(out: Path, t: Mapping[str, pd.DataFrame], **kw: object) -> releases.Outcome:
    """One publish of `t`, rendered as the asset renders it."""
    rendered = table_files(t)

    def render(version: str) -> dict[str, bytes]:
        extra = {"README.md": datasets_readme(t, "a" * 64, version).encode(),
                 "chart.png": b"\x89PNG fake"}
        return render_files(t, "a" * 64, extra=extra, release=version, rendered=rendered)

    return publish_release(list(t), render, out, inputs_digest="a" * 64, code_version="c1",
                           **kw)


def contract(t: Mapping[str, pd.DataFrame]) -> list[str]:
    return [f"{n}.{e}" for n in t for e in ("parquet", "csv", "excel.csv")] + CONTRACT_EXTRA


def view(out: Path, names: list[str]) -> dict[str, bytes]:
    """What a reader of the contract's paths gets."""
    return {n: (out / n).read_bytes() for n in names}


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.is_symlink()}


PLANTS = [_plant(1, "RU-KGD", "planned"), _plant(2, "RU-KGD", "launched"),
          _plant(3, "RU-MOW", "launched"), _plant(4, "RU-MOW", "planned"),
          _plant(5, "RU-KGD", "planned")]


def test_a_release_is_a_complete_folder_and_the_contract_goes_through_latest(tmp_path):
    t = tables_with(PLANTS)
    out = tmp_path / "datasets"
    first = release(out, t)
    assert first.published and re.fullmatch(r"r0001-[0-9a-f]{12}", first.version)
    folder = out / RELEASES / first.version
    assert os.readlink(out / LATEST) == f"{RELEASES}/{first.version}"
    for name in contract(t):
        assert os.readlink(out / name) == f"{LATEST}/{name}"  # relative: the folder moves
        assert (out / name).read_bytes() == (folder / name).read_bytes()
    for name in t:
        assert (folder / "changes" / f"{name}.csv").is_file()
    assert json.loads((out / "datapackage.json").read_text())["version"] == first.version
    assert first.version in (out / "README.md").read_text()
    assert (out / "CHANGELOG.md").read_text().startswith(f"# Release {first.version}")
    index = json.loads((out / INDEX).read_text())
    assert index["latest"] == first.version
    (entry,) = index["releases"]
    assert entry["rows"]["plants"] == 5 and entry["changes"]["plants"]["added"] == 5
    assert entry["inputs_sha256"] == "a" * 64 and entry["code_version"] == "c1"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", entry["time"])
    assert releases.recover_releases(out) is None  # nothing left to clean up


def test_same_tables_make_no_new_release_and_identical_bytes(tmp_path):
    t = tables_with(PLANTS)
    a, b = tmp_path / "a", tmp_path / "b"
    first = release(a, t)
    index_before = (a / INDEX).read_bytes()
    files_before = tree(a)
    again = release(a, t)
    assert not again.published and again.reason == "unchanged"
    assert again.version == first.version
    assert tree(a) == files_before and (a / INDEX).read_bytes() == index_before
    release(b, tables_with(PLANTS))  # another folder, same inputs: the same files
    ta, tb = tree(a), tree(b)
    index_a, index_b = json.loads(ta.pop(INDEX)), json.loads(tb.pop(INDEX))
    assert ta == tb  # byte for byte; only the index records when each release was made
    for e in (*index_a["releases"], *index_b["releases"]):
        e.pop("time")
    assert index_a == index_b


def test_versions_sort_in_release_order_and_changes_are_keyed_by_the_primary_key(tmp_path):
    out = tmp_path / "datasets"
    first = release(out, tables_with(PLANTS))
    moved = [_plant(1, "RU-KGD", "launched"), *PLANTS[1:4],  # plant 5 removed, 1 changed
             _plant(6, "RU-TUL", "planned"), _plant(7, "RU-TUL", "launched"),
             _plant(8, "RU-TUL", "planned")]
    second = release(out, tables_with(moved))
    assert second.published and second.previous == first.version
    assert sorted([second.version, first.version]) == [first.version, second.version]
    assert second.version.startswith("r0002-")
    assert second.changes["plants"] == {"added": 3, "removed": 1, "changed": 1}
    assert second.changes["documents"] == {"added": 0, "removed": 0, "changed": 0}
    changes = pd.read_csv(out / LATEST / "changes" / "plants.csv", dtype=str,
                          keep_default_na=False)
    assert list(changes["change"]) == ["added"] * 3 + ["changed", "removed"]
    changed = changes[changes["change"] == "changed"].iloc[0]
    assert changed["plant_id"] == "plt-000000000001" and changed["status"] == "launched"
    assert changed["changed_columns"] == "status"
    assert json.loads(changed["previous_values"]) == {"status": "planned"}
    assert changes[changes["change"] == "removed"]["plant_id"].tolist() == ["plt-000000000005"]
    log = (out / "CHANGELOG.md").read_text()
    assert "+3 plants in RU-TUL" in log and "−1 plants in RU-KGD" in log
    assert "status of plt-000000000001: planned -> launched" in log
    index = json.loads((out / INDEX).read_text())
    assert [e["version"] for e in index["releases"]] == [first.version, second.version]
    assert index["releases"][1]["previous"] == first.version


def test_a_release_that_is_not_approved_changes_nothing_visible(tmp_path):
    out = tmp_path / "datasets"
    release(out, tables_with(PLANTS))
    before = tree(out)
    seen = {}

    def approve(changes, previous_rows):
        seen.update(changes=changes, previous_rows=previous_rows)
        return False

    blocked = release(out, tables_with(PLANTS[:2]), approve=approve)
    assert not blocked.published and blocked.reason == "blocked"
    assert seen["changes"]["plants"]["removed"] == 3 and seen["previous_rows"]["plants"] == 5
    assert tree(out) == before


def test_retention_keeps_the_last_releases_and_an_open_file_stays_readable(tmp_path):
    out = tmp_path / "datasets"
    first = release(out, tables_with(PLANTS[:1]), keep=2)
    held = (out / RELEASES / first.version / "plants.csv")
    expected = held.read_bytes()
    with held.open("rb") as reader:  # a reader of release 1 ...
        for k in range(2, 5):
            release(out, tables_with(PLANTS[:k]), keep=2)
        assert not (out / RELEASES / first.version).exists()  # ... whose release is deleted
        assert reader.read() == expected  # Linux: the data lives until the file is closed
    kept = sorted(p.name for p in (out / RELEASES).iterdir())
    assert [k[:5] for k in kept] == ["r0003", "r0004"]
    assert Path(os.readlink(out / LATEST)).name == kept[-1]
    index = json.loads((out / INDEX).read_text())
    assert [e["available"] for e in index["releases"]] == [False, False, True, True]


def test_retention_never_deletes_the_current_release(tmp_path):
    out = tmp_path / "datasets"
    only = release(out, tables_with(PLANTS), keep=1)
    for e in range(3):  # releases made elsewhere with higher numbers, never switched to
        fake = out / RELEASES / f"r{9 + e:04d}-{'0' * 12}"
        shutil.copytree(out / RELEASES / only.version, fake)
    index = json.loads((out / INDEX).read_text())
    drop = releases._retain(out, index, 1, only.version)
    assert only.version not in drop and (out / RELEASES / only.version).is_dir()


def test_without_symlinks_the_files_are_copied_in_place(tmp_path, monkeypatch):
    def no_symlinks(*a, **k):
        raise OSError("symlinks are not supported here")

    monkeypatch.setattr(os, "symlink", no_symlinks)
    out = tmp_path / "datasets"
    t1, t2 = tables_with(PLANTS), tables_with(PLANTS[:4])
    first = release(out, t1)
    assert first.mode == "copy" and first.published
    assert not (out / LATEST).exists()
    for name in contract(t1):
        assert not (out / name).is_symlink()
        assert (out / name).read_bytes() == (out / RELEASES / first.version / name).read_bytes()
    assert current(out) == first.version
    second = release(out, t2)
    assert second.previous == first.version and second.changes["plants"]["removed"] == 1
    assert view(out, contract(t2)) == {
        n: (out / RELEASES / second.version / n).read_bytes() for n in contract(t2)}
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert not release(out, t2).published  # no change: no release
    monkeypatch.undo()
    third = release(out, tables_with(PLANTS[:3]))  # symlinks again: from copies to links
    assert third.mode == "symlink" and third.previous == second.version
    assert all((out / n).is_symlink() for n in contract(t2))


def test_files_published_before_releases_become_a_release_first(tmp_path):
    out = tmp_path / "datasets"
    t = tables_with(PLANTS)
    publish(render_files(t, "b" * 64), out)  # the flat layout of before
    old = view(out, contract(t)[:-3] + ["datapackage.json"])
    note = recover(out)
    assert note is None
    new = release(out, tables_with(PLANTS[:4]))
    imported = json.loads((out / INDEX).read_text())["releases"][0]
    assert imported["imported"] and imported["version"].startswith("r0001-")
    assert new.version.startswith("r0002-") and new.previous == imported["version"]
    assert {n: (out / RELEASES / imported["version"] / n).read_bytes() for n in old} == old
    assert new.changes["plants"] == {"added": 0, "removed": 1, "changed": 0}


def test_recovery_indexes_a_switched_release_and_removes_an_unswitched_one(tmp_path):
    out = tmp_path / "datasets"
    first = release(out, tables_with(PLANTS))
    index_of_one = (out / INDEX).read_bytes()
    second = release(out, tables_with(PLANTS[:4]))
    # as if killed after the switch, before the index was written
    (out / INDEX).write_bytes(index_of_one)
    assert "indexed release" in recover(out)
    index = json.loads((out / INDEX).read_text())
    assert index["latest"] == second.version and len(index["releases"]) == 2
    # as if killed after the new folder was renamed into place, before the switch
    orphan = out / RELEASES / "r0003-0123456789ab"
    shutil.copytree(out / RELEASES / second.version, orphan)
    (out / RELEASES / ".staging-123").mkdir()
    os.symlink("releases/r0003-0123456789ab", out / ".latest-123")
    note = recover(out)
    assert "never switched to" in note and "unfinished" in note
    assert not orphan.exists() and not (out / ".latest-123").is_symlink()
    assert sorted(p.name for p in (out / RELEASES).iterdir()) == [first.version,
                                                                  second.version]


def test_the_readme_example_reads_releases_and_changes(tmp_path, monkeypatch, capsys):
    """README.md's "what changed since version X" runs against two successive releases, in
    pandas and in DuckDB."""
    out = tmp_path / "datasets"
    first = release(out, tables_with(PLANTS))
    release(out, tables_with([*PLANTS[:4], _plant(6, "RU-TUL", "planned")]))
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("#### What changed since version X", 1)[1]
    (python,) = re.findall(r"```python\n(.*?)```", section.split("\n### ", 1)[0], flags=re.S)
    monkeypatch.chdir(out)
    assert '"r0001-…"' in python
    scope: dict[str, object] = {}
    exec(compile(python.replace('"r0001-…"', repr(first.version)), "README.md", "exec"),
         scope)  # noqa: S102 - our own example
    printed = capsys.readouterr().out
    assert "plt-000000000006" in printed and "plt-000000000005" in printed
    changed = scope["changed"]
    assert changed["change"].value_counts().to_dict() == {"added": 1, "removed": 1}
    duckdb = pytest.importorskip("duckdb")
    (sql,) = re.findall(r"```sql\n(.*?)```", section.split("\n### ", 1)[0], flags=re.S)
    rows = duckdb.sql(sql.replace("'r0001-…'", f"'{first.version}'")).fetchall()
    assert sorted(r[:2] for r in rows) == [("plants", "added"), ("plants", "removed")]


# --------------------------------------------------------------------------- in the job


@pytest.mark.slow
def test_the_job_records_the_release_and_blocks_a_large_removal(tmp_path):
    """published_datasets shows the release, its folder and the change counts; a build
    that drops a quarter of the documents fails published_rows_not_removed and switches
    nothing, unless the run config allows removals."""
    from tests.test_e2e import GOOD_DOCS, run_build, write_seeds

    seeds, out, home, cache = (tmp_path / n for n in ("seeds", "out", "home", "cache"))
    write_seeds(seeds, GOOD_DOCS)
    first = run_build(seeds, out, home, cache)
    assert first.success, first.error
    meta = first.materialized["published_datasets"]
    version = meta["release"]
    assert meta["new_release"] and meta["release_folder"] == str(out / RELEASES / version)
    assert meta["changes"]["documents"] == {"added": 4, "removed": 0, "changed": 0}
    assert first.checks["published_rows_not_removed"]
    again = run_build(seeds, out, home, cache)
    assert again.success and not again.materialized["published_datasets"]["new_release"]
    assert again.materialized["published_datasets"]["release"] == version

    (seeds / "good_kaluga.txt").unlink()  # 1 of 4 documents gone: 25 % > 20 %
    before = tree(out)
    blocked = run_build(seeds, out, home, cache)
    assert not blocked.success and blocked.failed_steps == ["published_datasets"]
    assert blocked.checks["published_rows_not_removed"] is False
    over = blocked.check_metadata["published_rows_not_removed"]["over_limit"]
    assert over["documents"] == 0.25
    assert tree(out) == before and current(out) == version  # nothing visible changed
    allowed = run_build(seeds, out, home, cache, run_config={
        "ops": {"published_datasets": {"config": {"allow_removals": True}}}})
    assert allowed.success, allowed.error
    assert allowed.checks["published_rows_not_removed"]
    meta = allowed.materialized["published_datasets"]
    assert meta["previous_release"] == version and meta["release"].startswith("r0002-")
    assert meta["changes"]["documents"]["removed"] == 1
    assert current(out) == meta["release"]
