"""Every entry point a user runs, on real volume, from a fresh clone, as subprocesses.

The tests that passed while `make datasets` crashed on 64+ documents all took paths users
never take (pytest's `sys.path`, in-process runs). So here:

* the repo is cloned into a temporary folder (plus this checkout's uncommitted changes,
  so a developer tests what they are about to commit; on CI there are none), and the
  README's main command, `make datasets`, runs there in a clean environment: no
  PYTHONPATH, its own `.venv` made by `make venv` (pip, from the warm cache), the working
  directory outside the source tree;
* the corpus has 320 documents: the factRuEval-2016 devset's real news texts and the test
  articles, made distinct as `benchmarks/run.py` does; enough for the parse to use its
  process pool (PIPELINE_WORKERS=2);
* then, with the clone's environment and outside its tree: the contract's
  `dagster asset materialize -m pipeline --select '*'` (with the evaluation assets, which
  parse the devset in a pool of their own), `dagster job execute`, and `dagster dev`: a run
  launched from the webserver (GraphQL `launchPipelineExecution`, what "Materialize all"
  sends), the sensor picking up a new file, and the schedule's run (its tick evaluated
  here, its run request launched through the webserver as the daemon would).

Each asserts that every good document is published.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from tests.probe import REPO
from tests.servers import free_port, graphql, kill, wait_until_loaded

pytestmark = pytest.mark.slow

N_DOCS = 320
DEVSET = REPO.parent / "shared" / "factrueval-2016" / "devset"
RUN_TIMEOUT = 900  # seconds: a give-up bound, not a speed assertion


def _git(*args: str, cwd: Path = REPO) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("entry")


@pytest.fixture(scope="module")
def clone(work: Path) -> Path:
    """A fresh clone of this checkout, with its uncommitted changes laid over it."""
    repo = work / "repo"
    _git("clone", "--quiet", "--no-hardlinks", str(REPO), str(repo))
    changed = _git("ls-files", "--modified", "--others", "--exclude-standard", "-z")
    for rel in filter(None, changed.split("\0")):
        src, dst = REPO / rel, repo / rel
        if src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
        elif dst.exists():
            dst.unlink()  # deleted in the working tree
    return repo


@pytest.fixture(scope="module")
def corpus(work: Path) -> list[str]:
    """320 distinct documents in `work/seeds`; returns their doc_ids."""
    from benchmarks.run import base_texts, make_corpus

    folder = work / "seeds"
    make_corpus(N_DOCS, folder, base_texts())
    return sorted(p.stem for p in folder.glob("*.txt"))


def _env(work: Path, name: str, **extra: str) -> dict[str, str]:
    """A clean environment: what a user's shell has, no PYTHONPATH, own folders."""
    keep = ("PATH", "HOME", "USER", "LANG", "TMPDIR")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env.update({k: v for k, v in os.environ.items() if k.startswith("PIP_")})
    env.pop("PYTHONPATH", None)
    env.update({"SEEDS_DIR": str(work / "seeds"), "DATASETS_DIR": str(work / name / "out"),
                "DAGSTER_HOME": str(work / name / "home"),
                "PIPELINE_CACHE_DIR": str(work / name / "cache"), "PIPELINE_WORKERS": "2",
                **extra})
    Path(env["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
    return env


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=RUN_TIMEOUT, check=False)
    assert proc.returncode == 0, (proc.stdout[-3000:] + "\n" + proc.stderr[-5000:])
    return proc


def _assert_published(out: Path, doc_ids: list[str]) -> dict[str, pd.DataFrame]:
    tables = {t: pd.read_parquet(out / f"{t}.parquet")
              for t in ("documents", "officials", "plants", "investments",
                        "rejected_documents", "quarantined_rows")}
    assert sorted(tables["documents"]["doc_id"]) == doc_ids
    assert tables["rejected_documents"].empty, tables["rejected_documents"].to_string()
    for t in ("officials", "plants", "investments"):
        assert len(tables[t]) > 0, t
        assert set(tables[t]["doc_id"]) <= set(doc_ids)
    # real news yields officials in most documents; a parse that silently lost documents
    # would not
    assert tables["officials"]["doc_id"].nunique() > N_DOCS // 3
    return tables


@pytest.fixture(scope="module")
def made(work: Path, clone: Path, corpus: list[str]) -> subprocess.CompletedProcess:
    """`make datasets`, the README's main command, run from outside the clone."""
    elsewhere = work / "cwd"
    elsewhere.mkdir()
    env = _env(work, "make")
    return _run(["make", "-C", str(clone), "datasets"], cwd=elsewhere, env=env)


def test_make_datasets_publishes_every_document(work: Path, made: subprocess.CompletedProcess,
                                                corpus: list[str]) -> None:
    _assert_published(work / "make" / "out", corpus)
    out = made.stdout
    assert f"documents published: {N_DOCS}" in out
    assert "documents with quarantined rows: 0" in out
    assert f"parsed {N_DOCS} of {N_DOCS} documents" in out  # progress reached the end
    log = next((work / "make" / "home" / "logs").glob("build_datasets-*.log"))
    assert f"log: {log}" in out and "RUN_SUCCESS" in log.read_text("utf-8")
    assert "STEP_START" not in out  # Dagster's event stream stays in the log file


def test_the_clone_has_the_package_installed(clone: Path, made: subprocess.CompletedProcess,
                                             work: Path) -> None:
    """Pool workers, the daemon and every CLI import `pipeline` from anywhere."""
    proc = _run([str(clone / ".venv" / "bin" / "python"), "-c",
                 "import pipeline, sys; print(pipeline.__file__)"], cwd=work,
                env=_env(work, "probe"))
    assert Path(proc.stdout.strip()).is_relative_to(clone)


def test_contract_command_with_the_evaluations(work: Path, clone: Path,
                                               made: subprocess.CompletedProcess,
                                               corpus: list[str]) -> None:
    """`dagster asset materialize -m pipeline --select '*'` outside the tree: the build and
    the evaluation assets, which parse the devset's 122 texts in their own pool."""
    extra = {"CORPUS_DIR": str(clone / "tests" / "fixtures" / "corpus"),
             "FACTRUEVAL_REPORT": str(work / "factrueval.md")}
    if DEVSET.is_dir():
        extra["FACTRUEVAL_DIR"] = str(DEVSET)
    env = _env(work, "contract", **extra)
    proc = _run([str(clone / ".venv" / "bin" / "dagster"), "asset", "materialize", "-m",
                 "pipeline", "--select", "*"], cwd=work / "cwd", env=env)
    _assert_published(work / "contract" / "out", corpus)
    assert "officials_factrueval" in proc.stderr and "corpus_evaluation" in proc.stderr
    if DEVSET.is_dir():
        assert (work / "factrueval.md").is_file()


def test_job_execute(work: Path, clone: Path, made: subprocess.CompletedProcess,
                     corpus: list[str]) -> None:
    env = _env(work, "job")
    _run([str(clone / ".venv" / "bin" / "dagster"), "job", "execute", "-m", "pipeline", "-j",
          "build_datasets"], cwd=work / "cwd", env=env)
    _assert_published(work / "job" / "out", corpus)


# --- dagster dev: the webserver, the daemon's sensor, the schedule's run ---------------------

LAUNCH = """
mutation($p: ExecutionParams!) { launchPipelineExecution(executionParams: $p) {
  __typename
  ... on LaunchRunSuccess { run { runId } }
  ... on PythonError { message }
  ... on RunConfigValidationInvalid { errors { message } }
} }"""
RUN_STATUS = "query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }"
RUNS_BY_TAG = """
query($k: String!, $v: String!) { runsOrError(filter: {tags: [{key: $k, value: $v}]}) {
  ... on Runs { results { runId status } } } }"""
SENSOR_TICKS = """
query($s: SensorSelector!) { sensorOrError(sensorSelector: $s) {
  __typename ... on Sensor { sensorState { ticks(limit: 10) { status } } } } }"""
SELECTOR = {"repositoryLocationName": "pipeline", "repositoryName": "__repository__"}


@pytest.fixture(scope="module")
def dev(work: Path, clone: Path, made: subprocess.CompletedProcess) -> Iterator[tuple[str, Path]]:
    """`dagster dev -m pipeline` from outside the tree, on its own copy of the corpus."""
    seeds = work / "dev" / "seeds"
    shutil.copytree(work / "seeds", seeds)
    env = _env(work, "dev", SEEDS_DIR=str(seeds))
    (Path(env["DAGSTER_HOME"]) / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    port = free_port()
    log = work / "dev" / "dagster-dev.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen(
            [str(clone / ".venv" / "bin" / "dagster"), "dev", "-m", "pipeline", "-h",
             "127.0.0.1", "-p", str(port)], cwd=work / "cwd", env=env, stdout=fh,
            stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_loaded(base, proc, lambda: log.read_text(errors="replace"), 300)
        yield base, work / "dev"
    finally:
        kill(proc)


def _wait_run(base: str, run_id: str, log: Path) -> str:
    deadline = time.monotonic() + RUN_TIMEOUT
    while time.monotonic() < deadline:
        status = graphql(base, RUN_STATUS, {"id": run_id})["runOrError"].get("status")
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            return status
        time.sleep(2)
    pytest.fail(f"run {run_id} did not finish:\n{log.read_text(errors='replace')[-3000:]}")


def _launch(base: str, run_config: dict | None = None, tags: dict[str, str] | None = None
            ) -> str:
    params = {"selector": {**SELECTOR, "pipelineName": "build_datasets"},
              "runConfigData": run_config or {},
              "executionMetadata": {"tags": [{"key": k, "value": v}
                                             for k, v in (tags or {}).items()]}}
    out = graphql(base, LAUNCH, {"p": params})["launchPipelineExecution"]
    assert out["__typename"] == "LaunchRunSuccess", out
    return out["run"]["runId"]


def test_run_launched_from_the_webserver(dev: tuple[str, Path], corpus: list[str]) -> None:
    base, folder = dev
    run_id = _launch(base)
    assert _wait_run(base, run_id, folder / "dagster-dev.log") == "SUCCESS"
    _assert_published(folder / "out", corpus)


def test_sensor_picks_up_a_new_file(dev: tuple[str, Path], corpus: list[str]) -> None:
    base, folder = dev
    sensor = {**SELECTOR, "sensorName": "seeds_changed_sensor"}
    deadline = time.monotonic() + 300
    # the first tick records the folder as it is; a file added after it is news
    while not graphql(base, SENSOR_TICKS, {"s": sensor})["sensorOrError"]["sensorState"][
            "ticks"]:
        assert time.monotonic() < deadline, "the sensor never ticked"
        time.sleep(2)
    src = folder / "seeds" / f"{corpus[0]}.txt"
    new = folder / "seeds" / "zz_added_by_the_sensor_test.txt"
    new.write_text(src.read_text("utf-8") + "\n\nДобавлено для теста датчика.\n", "utf-8")
    while True:
        runs = graphql(base, RUNS_BY_TAG, {"k": "dagster/sensor_name",
                                           "v": "seeds_changed_sensor"})["runsOrError"]["results"]
        if runs:
            break
        assert time.monotonic() < deadline, "the sensor requested no run for the new file"
        time.sleep(2)
    assert _wait_run(base, runs[0]["runId"], folder / "dagster-dev.log") == "SUCCESS"
    _assert_published(folder / "out", sorted([*corpus, new.stem]))


def test_schedule_tick_runs_the_build(dev: tuple[str, Path], corpus: list[str]) -> None:
    """The schedule's tick, evaluated as the daemon does, launched through the webserver."""
    import dagster as dg

    from pipeline.dagster_defs.definitions import daily_build as schedule

    base, folder = dev
    with dg.build_schedule_context(scheduled_execution_time=None) as ctx:
        [request] = schedule.evaluate_tick(ctx).run_requests
    tags = {**request.tags, "dagster/schedule_name": schedule.name}
    run_id = _launch(base, request.run_config, tags)
    assert _wait_run(base, run_id, folder / "dagster-dev.log") == "SUCCESS"
    published = pd.read_parquet(folder / "out" / "documents.parquet")
    assert len(published) >= N_DOCS
    meta = json.loads((folder / "out" / "datapackage.json").read_text("utf-8"))
    assert meta["resources"]
