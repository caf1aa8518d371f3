"""End to end: the real Dagster job `build_datasets` on a temporary SEEDS_DIR/DATASETS_DIR.

The build runs in process (`execute_in_process`) with SEEDS_DIR, DATASETS_DIR, DAGSTER_HOME
and PIPELINE_CACHE_DIR pointed at temporary folders; every published table is read back with
pandas and pyarrow, and the package is validated with frictionless. `run_build` and
`read_package` are shared with tests/test_reliability.py and tests/test_load.py.

The documents other than the seed article are written for the tests.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.probe import REPO

SEED = REPO / "seeds" / "000_c71ce465f13af3a6.txt"
SEED_ID = "000_c71ce465f13af3a6"
TABLE_NAMES = ["documents", "officials", "plants", "investments", "rejected_documents",
               "quarantined_rows", "plant_registry", "plant_status_history", "people", "links"]

# Written for the tests: small industrial news items.
GOOD_DOCS = {
    "good_kaluga": "date 2025-11-03\nВ Калужской области компания «Промтех» открыла завод "
                   "по производству автокомпонентов. Инвестиции в проект составили "
                   "3 млрд рублей.",
    "good_tatarstan": "В Татарстане началось строительство завода полимерных труб. "
                      "Губернатор Калужской области Владислав Шапша приехал на открытие.",
    "good_plain": "Сегодня в Москве прошла выставка промышленного оборудования.",
}


@dataclass
class Build:
    """What one run of the job left behind."""

    success: bool
    out: Path
    home: Path
    logs: list[str] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)
    check_metadata: dict[str, dict[str, object]] = field(default_factory=dict)
    failed_steps: list[str] = field(default_factory=list)
    error: str = ""
    materialized: dict[str, dict[str, object]] = field(default_factory=dict)

    def log_text(self) -> str:
        return "\n".join(self.logs)


def run_build(seeds: Path, out: Path, home: Path, cache: Path,
              env: dict[str, str] | None = None, run_config: dict | None = None) -> Build:
    """Run the job `build_datasets` in this process with the folders given (env restored)."""
    import dagster as dg

    from pipeline import defs

    values = {"SEEDS_DIR": str(seeds), "DATASETS_DIR": str(out), "DAGSTER_HOME": str(home),
              "PIPELINE_CACHE_DIR": str(cache), **(env or {})}
    saved = {k: os.environ.get(k) for k in values}
    home.mkdir(parents=True, exist_ok=True)
    try:
        os.environ.update(values)
        instance = dg.DagsterInstance.ephemeral()
        result = defs.resolve_job_def("build_datasets").execute_in_process(
            instance=instance, raise_on_error=False, run_config=run_config)
        logs = [e.user_message for e in instance.all_logs(result.run_id)]
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    build = Build(success=result.success, out=out, home=home, logs=logs)
    for ev in result.all_events:
        if ev.event_type_value == "ASSET_CHECK_EVALUATION":
            data = ev.event_specific_data
            build.checks[data.check_name] = data.passed
            build.check_metadata[data.check_name] = {
                k: getattr(v, "value", v) for k, v in data.metadata.items()}
        elif ev.event_type_value == "ASSET_MATERIALIZATION":
            mat = ev.event_specific_data.materialization
            build.materialized[mat.asset_key.to_user_string()] = {
                k: getattr(v, "value", v) for k, v in mat.metadata.items()}
        elif ev.event_type_value == "STEP_FAILURE":
            build.failed_steps.append(ev.step_key)
            build.error += str(ev.event_specific_data.error) + "\n"
    return build


def read_package(out: Path) -> dict[str, pd.DataFrame]:
    """Every table from its CSV, typed by datapackage.json (what a downstream user does)."""
    pkg = json.loads((out / "datapackage.json").read_text("utf-8"))
    frames = {}
    for res in pkg["resources"]:
        dtypes = {}
        dates = []
        for f in res["schema"]["fields"]:
            if f["type"] == "string":
                dtypes[f["name"]] = "string"
            elif f["type"] == "integer":
                dtypes[f["name"]] = "Int64"
            elif f["type"] == "date":
                dates.append(f["name"])
        df = pd.read_csv(out / res["path"], dtype=dtypes, keep_default_na=False,
                         na_values=[""])
        for c in dates:
            df[c] = pd.to_datetime(df[c]).dt.date.astype(object).where(df[c].notna(), None)
        frames[res["name"]] = df
    return frames


def snapshot(folder: Path) -> dict[str, bytes]:
    """Relative path -> bytes of every regular file (symlinks not followed)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            out[p.relative_to(folder).as_posix()] = p.read_bytes()
    return out


def write_seeds(folder: Path, docs: dict[str, str], with_seed: bool = True) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if with_seed:
        shutil.copy(SEED, folder / SEED.name)
    for name, text in docs.items():
        (folder / f"{name}.txt").write_text(text, "utf-8")


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_consistent(out: Path) -> None:
    """Every file datapackage.json names has the hash it records (one build's set)."""
    pkg = json.loads((out / "datapackage.json").read_text("utf-8"))
    for res in pkg["resources"]:
        assert res["hash"] == "sha256:" + sha256_file(out / res["path"]), res["path"]
        for twin in ("x-parquet", "x-excel-csv"):
            info = res[twin]
            assert info["hash"] == "sha256:" + sha256_file(out / info["path"]), info["path"]
    for info in pkg.get("x-other-files", []):
        assert info["hash"] == "sha256:" + sha256_file(out / info["path"]), info["path"]


# --------------------------------------------------------------------------- seed only


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Build:
    root = tmp_path_factory.mktemp("e2e_seed")
    write_seeds(root / "seeds", {})
    return run_build(root / "seeds", root / "datasets", root / "home", root / "cache")


def test_seed_alone_builds_expected_counts(seed_build):
    assert seed_build.success, seed_build.error
    t = read_package(seed_build.out)
    assert {k: len(v) for k, v in t.items()} == {
        "documents": 1, "officials": 3, "plants": 7, "investments": 2,
        "rejected_documents": 0, "quarantined_rows": 0,
        "plant_registry": 7, "plant_status_history": 7, "people": 3, "links": 0}
    assert t["documents"]["doc_id"].tolist() == [SEED_ID]
    reg = t["plant_registry"]
    assert set(reg["latest_status"]) == {"launched"}
    assert {str(d) for d in reg["latest_status_date"]} == {"2026-01-30"}


def test_all_asset_checks_ran_and_passed(seed_build):
    assert seed_build.checks, "no asset check was evaluated"
    assert "datapackage_valid" in seed_build.checks
    from pipeline.dagster_defs.checks import CHECK_SPECS

    assert set(seed_build.checks) == {s.name for s in CHECK_SPECS}  # all 18, each once
    failed = [k for k, ok in seed_build.checks.items() if not ok]
    # plants/investments/officials shares are warnings: for the seed they must pass too
    assert failed == []


def test_published_file_set(seed_build):
    names = sorted(p.name for p in seed_build.out.iterdir())
    expected = sorted([f"{t}.{ext}" for t in TABLE_NAMES
                       for ext in ("csv", "parquet", "excel.csv")] + ["datapackage.json"])
    assert set(expected) <= set(names)
    # besides the tables only the data dictionary, chart and changelog, the releases and
    # their index; no staging folder, marker or temporary file left behind
    assert set(names) - set(expected) <= {"README.md", "chart.png", "CHANGELOG.md",
                                          "latest", "releases", "releases.json"}
    # every contract path goes through `latest`, so all of them show one release
    for name in expected:
        assert os.readlink(seed_build.out / name) == f"latest/{name}"
    (release,) = [p.name for p in (seed_build.out / "releases").iterdir()]
    assert os.readlink(seed_build.out / "latest") == f"releases/{release}"
    assert set(names) - {"latest", "releases", "releases.json"} <= {
        p.name for p in (seed_build.out / "releases" / release).iterdir()}


def test_datapackage_validates_with_frictionless(seed_build):
    from pipeline.validation import validate_package

    report = validate_package(seed_build.out / "datapackage.json")
    assert report["valid"], report["errors"]
    assert {t["resource"] for t in report["tasks"]} == set(TABLE_NAMES)
    check_consistent(seed_build.out)


def assert_parquet_matches_csv(out: Path) -> None:
    """Parquet and CSV of each table hold the same rows and values, in the same order."""
    csv = read_package(out)
    for name in TABLE_NAMES:
        table = pq.read_table(out / f"{name}.parquet")
        pdf = pd.read_parquet(out / f"{name}.parquet")
        assert table.num_rows == len(csv[name]) == len(pdf)
        assert table.column_names == list(csv[name].columns)
        for col in table.column_names:
            a = table.column(col).to_pylist()
            b = [None if pd.isna(v) else v for v in csv[name][col].tolist()]
            if col == "amount":
                assert a == pytest.approx(b)
            else:
                assert a == b, (name, col)


def test_parquet_and_csv_hold_the_same_rows(seed_build):
    assert_parquet_matches_csv(seed_build.out)


def test_offsets_point_at_the_seed_text(seed_build):
    text = pd.read_parquet(seed_build.home / "storage" / "parquet" / "raw_documents.parquet")
    seed_text = text.set_index("doc_id").loc[SEED_ID, "text"]
    off = read_package(seed_build.out)["officials"]
    for r in off.itertuples():
        assert seed_text[r.start:r.end] == r.full_name


# --------------------------------------------------------------------------- seed + more


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory) -> Build:
    root = tmp_path_factory.mktemp("e2e_mixed")
    write_seeds(root / "seeds", GOOD_DOCS)
    return run_build(root / "seeds", root / "datasets", root / "home", root / "cache")


def test_seed_rows_unchanged_by_other_documents(mixed_build, seed_build):
    assert mixed_build.success, mixed_build.error
    both = read_package(mixed_build.out)
    alone = read_package(seed_build.out)
    assert sorted(both["documents"]["doc_id"]) == sorted([SEED_ID, *GOOD_DOCS])
    for name in ("officials", "plants", "investments"):
        mine = both[name][both[name]["doc_id"] == SEED_ID].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, alone[name])
    docs = both["documents"].set_index("doc_id")
    assert str(docs.loc["good_kaluga", "published"]) == "2025-11-03"
    assert pd.isna(docs.loc["good_plain", "published"])


def test_every_fact_row_has_evidence_inside_its_document(mixed_build):
    t = read_package(mixed_build.out)
    raw = pd.read_parquet(mixed_build.home / "storage" / "parquet" / "raw_documents.parquet")
    texts = raw.set_index("doc_id")["text"]
    for name in ("officials", "plants", "investments"):
        for r in t[name].itertuples():
            assert r.doc_id in texts.index
            assert 0 <= r.start < r.end <= len(texts[r.doc_id])
            assert r.evidence.strip() and r.evidence.strip()[:20] in texts[r.doc_id]


def test_excel_csv_is_the_same_table_with_a_bom(mixed_build):
    for name in TABLE_NAMES:
        raw = (mixed_build.out / f"{name}.excel.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        excel = pd.read_csv(io.BytesIO(raw[3:]), dtype=str, keep_default_na=False)
        plain = pd.read_csv(mixed_build.out / f"{name}.csv", dtype=str, keep_default_na=False)
        assert excel.shape == plain.shape
        assert list(excel.columns) == list(plain.columns)


@pytest.mark.slow
def test_cli_materialize_honours_seeds_and_datasets_dir(tmp_path):
    """The contract's command line, in a subprocess, on temporary folders."""
    seeds = tmp_path / "seeds"
    write_seeds(seeds, {})
    out = tmp_path / "datasets"
    env = {**os.environ, "SEEDS_DIR": str(seeds), "DATASETS_DIR": str(out),
           "DAGSTER_HOME": str(tmp_path / "home"), "PIPELINE_CACHE_DIR": str(tmp_path / "c"),
           "PYTHONPATH": str(REPO),
           # '*' includes the evaluation assets: point them at missing folders (they skip,
           # tested in test_eval_assets.py) so this test builds only the datasets and never
           # writes the repo's reports/
           "FACTRUEVAL_DIR": str(tmp_path / "no-factrueval"),
           "CORPUS_DIR": str(tmp_path / "no-corpus"),
           "FACTRUEVAL_REPORT": str(tmp_path / "factrueval.md")}
    (tmp_path / "home").mkdir()
    dagster = Path(sys.executable).parent / "dagster"
    proc = subprocess.run([str(dagster), "asset", "materialize", "-m", "pipeline",
                           "--select", "*"], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    t = read_package(out)
    assert {k: len(v) for k, v in t.items()} == {
        "documents": 1, "officials": 3, "plants": 7, "investments": 2,
        "rejected_documents": 0, "quarantined_rows": 0,
        "plant_registry": 7, "plant_status_history": 7, "people": 3, "links": 0}
    check_consistent(out)


def test_one_table_can_be_materialized_alone(seed_build, tmp_path):
    """The five tables are one step, but a user may still materialize one of them (the UI's
    "Materialize selected"): only it is stored and only its checks run."""
    import dagster as dg

    from pipeline import defs

    home = tmp_path / "home"
    shutil.copytree(seed_build.home, home)  # upstream assets already materialized there
    saved = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    try:
        job = defs.resolve_implicit_global_asset_job_def()
        result = job.execute_in_process(asset_selection=[dg.AssetKey("plants")],
                                        instance=dg.DagsterInstance.ephemeral())
    finally:
        if saved is None:
            os.environ.pop("DAGSTER_HOME", None)
        else:
            os.environ["DAGSTER_HOME"] = saved
    assert result.success
    stored = {m.asset_key.to_user_string()
              for m in result.asset_materializations_for_node("tables")}
    assert stored == {"plants"}
    checks = {e.event_specific_data.check_name for e in result.all_events
              if e.event_type_value == "ASSET_CHECK_EVALUATION"}
    assert checks == {"plants_ids_unique", "plants_doc_ids_known",
                      "plants_offsets_inside_text", "plants_share_with_region_code"}
    assert len(pd.read_parquet(home / "storage" / "parquet" / "plants.parquet")) == 7


def test_rebuild_validates_only_new_rows_unless_asked(seed_build, tmp_path):
    """A build after one added article validates with frictionless only the rows it
    added; the daily schedule's run config validates every row again."""
    import dagster as dg

    from pipeline.dagster_defs.definitions import daily_build

    seeds, out, cache = tmp_path / "seeds", tmp_path / "datasets", tmp_path / "cache"
    write_seeds(seeds, {})
    first = run_build(seeds, out, tmp_path / "home", cache)
    meta = first.check_metadata["datapackage_valid"]
    assert first.checks["datapackage_valid"] and meta["mode"] == "full"
    total = meta["rows_validated"]
    # the seed's rows in every table: facts, then registry, history and people
    assert total == 1 + 3 + 7 + 2 + 7 + 7 + 3
    # an article written for the tests: one more document and at least one plant
    write_seeds(seeds, {"extra": "В Тульской области открыли завод стальных труб."})
    second = run_build(seeds, out, tmp_path / "home", cache)
    meta = second.check_metadata["datapackage_valid"]
    assert second.checks["datapackage_valid"] and meta["mode"] == "changed rows"
    rows = {k: len(v) for k, v in read_package(out).items()}
    added = sum(rows.values()) - total
    assert 1 <= meta["rows_validated"] == added
    with dg.build_schedule_context() as context:  # the run the daily schedule requests
        (request,) = daily_build.evaluate_tick(context).run_requests
    full = run_build(seeds, out, tmp_path / "home", cache, run_config=request.run_config)
    meta = full.check_metadata["datapackage_valid"]
    assert full.checks["datapackage_valid"] and meta["mode"] == "full"
    assert meta["rows_validated"] == sum(rows.values())
