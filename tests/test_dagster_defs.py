"""The code location as the Dagster UI shows it: groups, descriptions, kinds, owners, code
versions, column schemas and lineage, checks with severities, the schedule and the sensor.
Nothing here runs the NLP."""

from __future__ import annotations

import os
import time
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipeline import versioning
from pipeline.dagster_defs.checks import CHECK_SPECS, TABLE_CHECKS, TableCheck
from pipeline.dagster_defs.definitions import defs, seeds_changed_sensor
from pipeline.dagster_defs.resources import PipelineSettings
from pipeline.runtime.document import RECORD_COLUMNS
from pipeline.schemas import TABLES, columns

BUILD_GROUPS = {"ingest", "extract", "tables", "publish"}
OWNER = "team:data-eng"


@pytest.fixture(scope="module")
def graph() -> object:
    dg.Definitions.validate_loadable(defs)
    return defs.resolve_asset_graph()


def _nodes(graph: object) -> dict[str, object]:
    return {k.to_user_string(): graph.get(k) for k in graph.get_all_asset_keys()}  # type: ignore[attr-defined]


def test_every_asset_is_described_grouped_and_kinded(graph: object) -> None:
    nodes = _nodes(graph)
    assert {"raw_documents", "parsed_entities", *TABLES, "published_datasets"} <= set(nodes)
    for name, node in nodes.items():
        assert node.group_name and node.group_name != "default", name
        assert (node.description or "").strip(), f"{name} has no description"
        assert node.kinds and "python" in node.kinds, name


def test_build_assets_have_owner_and_code_version(graph: object) -> None:
    build = {n: a for n, a in _nodes(graph).items() if a.group_name in BUILD_GROUPS}
    assert {a.group_name for a in build.values()} == BUILD_GROUPS
    for name, node in build.items():
        assert OWNER in node.owners, name
        assert node.code_version, name
        assert node.kinds & {"pandas", "parquet"}, name
    assert build["parsed_entities"].group_name == "extract"
    assert build["published_datasets"].group_name == "publish"
    assert all(build[t].group_name == "tables" for t in TABLES)


def test_code_version_follows_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    (tmp_path / "extract").mkdir()
    rule = tmp_path / "extract" / "rule.py"
    rule.write_text("X = 1\n")
    monkeypatch.setattr(versioning, "PIPELINE_DIR", tmp_path)
    before = versioning.source_version("extract", base="1")
    assert before.startswith("1+")
    assert versioning.source_version("extract", base="1") == before
    rule.write_text("X = 2\n")
    after = versioning.source_version("extract", base="1")
    assert after != before
    rule.write_bytes(b"X = 2\r\n")  # a Windows checkout is the same code
    assert versioning.source_version("extract", base="1") == after
    assert versioning.source_version("extract", base="2") != versioning.source_version(
        "extract", base="1")


@pytest.mark.parametrize("table", list(TABLES))
def test_column_schema_matches_the_pandera_model(graph: object, table: str) -> None:
    node = _nodes(graph)[table]
    schema = node.metadata["dagster/column_schema"]
    schema = getattr(schema, "schema", schema)
    model = TABLES[table].to_schema()
    assert [c.name for c in schema.columns] == columns(TABLES[table])
    for col in schema.columns:
        assert col.description == model.columns[col.name].description != ""
        assert col.type
        assert col.constraints.nullable == model.columns[col.name].nullable


@pytest.mark.parametrize("table", ["officials", "plants", "investments"])
def test_column_lineage_points_at_parsed_entities(graph: object, table: str) -> None:
    lineage = _nodes(graph)[table].metadata["dagster/column_lineage"]
    lineage = getattr(lineage, "column_lineage", lineage)
    names = columns(TABLES[table])
    assert list(lineage.deps_by_column) == names  # every column says where it comes from
    sources = {"parsed_entities": set(RECORD_COLUMNS),
               "plants": set(TABLES["plants"].to_schema().columns)}
    for col, deps in lineage.deps_by_column.items():
        assert deps, f"{table}.{col} has no source"
        for dep in deps:
            asset = dep.asset_key.to_user_string()
            assert dep.column_name in sources[asset], (col, dep)
    assert [d.column_name for d in lineage.deps_by_column["start"]] == ["start"]
    if table == "investments":
        assert _dep_assets(lineage, "plant_id") == {"plants", "parsed_entities"}


def _dep_assets(lineage: dg.TableColumnLineage, col: str) -> set[str]:
    return {d.asset_key.to_user_string() for d in lineage.deps_by_column[col]}


def _check_specs() -> dict[str, dg.AssetCheckSpec]:
    return {s.name: s for s in CHECK_SPECS}


def test_quality_checks_warn_and_integrity_checks_block() -> None:
    specs = _check_specs()
    quality = {"plants_share_with_region_code": "plants",
               "investments_share_with_investor": "investments",
               "officials_share_with_organization": "officials",
               "rejected_documents_count": "rejected_documents"}
    for name, asset in quality.items():
        assert name in specs, name
        assert specs[name].asset_key == dg.AssetKey(asset)
        assert not specs[name].blocking, f"{name} must not stop the build"
        assert specs[name].description
    for table in ["documents", "officials", "plants", "investments"]:
        assert specs[f"{table}_ids_unique"].blocking


def _by_name(name: str) -> TableCheck:
    return next(c for c in TABLE_CHECKS if c.spec.name == name)


def test_share_check_is_a_warning_below_its_threshold() -> None:
    check = _by_name("plants_share_with_region_code")
    sparse = pd.DataFrame({"region_code": ["RU-KGD", None, None, None]})
    result = check({"plants": sparse})
    assert result.check_name == "plants_share_with_region_code"
    assert result.asset_key == dg.AssetKey("plants")
    assert not result.passed and result.severity == dg.AssetCheckSeverity.WARN
    assert result.metadata["share"].value == 0.25
    full = pd.DataFrame({"region_code": ["RU-KGD", "RU-MOW"]})
    assert check({"plants": full}).passed


def test_rejected_count_warns_only_for_real_rejections() -> None:
    check = _by_name("rejected_documents_count")
    dup = pd.DataFrame({"source": ["b.txt"], "doc_id": ["b"], "stage": ["duplicate"],
                        "reason": ["same text as document 'a'"]})
    assert check({"rejected_documents": dup}).passed
    bad = pd.concat([dup, pd.DataFrame({"source": ["c.txt"], "doc_id": [None],
                                        "stage": ["ingest"], "reason": ["empty file"]})])
    result = check({"rejected_documents": bad})
    assert not result.passed and result.severity == dg.AssetCheckSeverity.WARN
    assert result.metadata["rejected"].value == 1


def test_schedule_sensor_and_job_are_defined() -> None:
    job = defs.resolve_job_def("build_datasets")
    assert job.description
    schedule = defs.resolve_schedule_def("daily_build")
    assert schedule.job_name == "build_datasets" and schedule.cron_schedule
    sensor = defs.resolve_sensor_def("seeds_changed_sensor")
    assert sensor.job_name == "build_datasets" and sensor.description
    selected = {k.to_user_string() for k in job.asset_layer.executable_asset_keys}
    assert {"raw_documents", "parsed_entities", *TABLES, "published_datasets"} <= selected


def _tick(cursor: str | None, seeds: Path) -> dg.SensorResult:
    settings = PipelineSettings(seeds_dir=str(seeds))
    with dg.build_sensor_context(cursor=cursor, resources={"settings": settings}) as context:
        return seeds_changed_sensor(context)


def test_sensor_requests_a_run_only_when_seeds_change(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Текст, написанный для тестов.", "utf-8")

    first = _tick(None, seeds)  # a fresh cursor only records the state
    assert not first.run_requests and first.cursor
    same = _tick(first.cursor, seeds)
    assert not same.run_requests

    (seeds / "notes.md").write_text("not an input")  # ignored file type
    assert not _tick(first.cursor, seeds).run_requests

    (seeds / "b.jsonl").write_text('{"id": "b", "text": "Ещё текст для тестов."}\n', "utf-8")
    added = _tick(first.cursor, seeds)
    assert len(added.run_requests) == 1
    assert "b.jsonl" in added.run_requests[0].tags["changed_files"]
    assert not _tick(added.cursor, seeds).run_requests

    a = seeds / "a.txt"
    a.write_text("Текст, изменённый для тестов.", "utf-8")
    later = time.time() + 5
    os.utime(a, (later, later))
    changed = _tick(added.cursor, seeds)
    assert len(changed.run_requests) == 1
    assert "a.txt" in changed.run_requests[0].tags["changed_files"]
    assert changed.run_requests[0].run_key != added.run_requests[0].run_key

    a.unlink()
    removed = _tick(changed.cursor, seeds)
    assert len(removed.run_requests) == 1
    assert "a.txt" in removed.run_requests[0].tags["removed_files"]


def _frames(**overrides: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Small consistent tables written for the tests; overrides break one of them."""
    frames = {
        "documents": pd.DataFrame({"doc_id": ["a", "b"], "n_chars": [100, 50]}),
        "officials": pd.DataFrame({"official_id": ["o1"], "doc_id": ["a"], "start": [0],
                                   "end": [10], "position": ["министр"],
                                   "organization": [None]}),
        "plants": pd.DataFrame({"plant_id": ["p1"], "doc_id": ["b"], "start": [5],
                                "end": [50]}),
        "investments": pd.DataFrame({"investment_id": ["i1"], "doc_id": ["a"],
                                     "plant_id": ["p1"], "start": [20], "end": [30]}),
    }
    frames.update(overrides)
    return frames


@pytest.mark.parametrize(("check_name", "broken"), [
    ("officials_ids_unique", {"officials": pd.DataFrame(
        {"official_id": ["o1", "o1"], "doc_id": ["a", "a"], "start": [0, 0], "end": [9, 9],
         "position": ["министр"] * 2, "organization": [None, None]})}),
    ("documents_ids_unique", {"documents": pd.DataFrame(
        {"doc_id": ["a", "b", "a"], "n_chars": [100, 50, 100]})}),
    ("plants_doc_ids_known", {"plants": pd.DataFrame(
        {"plant_id": ["p1"], "doc_id": ["zzz"], "start": [0], "end": [5]})}),
    ("plants_offsets_inside_text", {"plants": pd.DataFrame(
        {"plant_id": ["p1"], "doc_id": ["b"], "start": [40], "end": [51]})}),
    ("officials_offsets_inside_text", {"officials": pd.DataFrame(
        {"official_id": ["o1"], "doc_id": ["a"], "start": [7], "end": [7],
         "position": ["министр"], "organization": [None]})}),
    ("investments_plant_ids_known", {"investments": pd.DataFrame(
        {"investment_id": ["i1"], "doc_id": ["a"], "plant_id": ["p9"], "start": [1],
         "end": [2]})}),
])
def test_integrity_checks_pass_on_consistent_tables_and_fail_on_broken(check_name, broken
                                                                       ) -> None:
    check = _by_name(check_name)
    assert check.spec.blocking
    assert check(_frames()).passed
    result = check(_frames(**broken))
    assert not result.passed and result.severity == dg.AssetCheckSeverity.ERROR


def test_every_check_is_evaluated_inside_a_build_step() -> None:
    """No check runs as a step of its own: each is a spec of the asset that computes it."""
    graph = defs.resolve_asset_graph()
    in_steps = {k.name for a in defs.assets for k in a.check_keys}
    assert in_steps == {s.name for s in CHECK_SPECS} == {k.name for k in graph.asset_check_keys}
    # 16 table checks, 6 registry checks, datapackage_valid, rows_not_removed
    assert len(CHECK_SPECS) == 24


@pytest.mark.parametrize("load", ["import pipeline.dagster_defs.definitions",
                                  "import pipeline; pipeline.defs"])
def test_a_process_that_loads_the_definitions_still_exits_cleanly(tmp_path: Path,
                                                                  load: str) -> None:
    """The definitions move what they loaded out of the garbage collector's reach, and do
    so again at exit (definitions._settle_garbage_collector; `pipeline.defs`, as Dagster
    loads them, also what was loaded before): the exit code, a log handler's lines and a
    file left open are still all there after the process ends."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    code = (
        "import gc, logging, sys\n"
        f"{load}\n"
        "assert gc.get_freeze_count() > 10000, gc.get_freeze_count()\n"
        "log = logging.getLogger('exit-test')\n"
        "log.addHandler(logging.FileHandler(sys.argv[1]))\n"
        "log.warning('logged before exit')\n"
        "left_open = open(sys.argv[2], 'w')\n"
        "left_open.write('written, never closed')\n"
        "sys.exit(3)\n")
    log, text = tmp_path / "log.txt", tmp_path / "open.txt"
    done = subprocess.run([sys.executable, "-c", code, str(log), str(text)], cwd=root,
                          env={**os.environ, "PYTHONPATH": str(root)}, capture_output=True,
                          text=True)
    assert done.returncode == 3, done.stderr
    assert log.read_text() == "logged before exit\n"
    assert text.read_text() == "written, never closed"
