"""The Dask code location lives in its own environment; its tests run there.

The build's environment (.venv) has no dask: pandera imports dask.dataframe (~0.9 s) in any
process where dask is installed, so every build run would pay for a job it never runs. The
cluster environment (.venv-cluster, `make cluster-venv`) has the packages of requirements.lock,
those of requirements-cluster.lock and this package; `workspace.yaml` starts the cluster
location with its Python.
"""

from __future__ import annotations

import importlib.util
import re

import yaml

from tests.probe import REPO, run_python

CLUSTER_PYTHON = REPO / ".venv-cluster" / "bin" / "python"


def test_build_environment_has_no_dask() -> None:
    """Guards the split: a dask back in requirements.lock slows every build run."""
    assert importlib.util.find_spec("dask") is None
    assert importlib.util.find_spec("dagster_dask") is None
    from pipeline import defs

    assert "parse_to_cache" not in {j.name for j in defs.jobs}


def test_cluster_lock_is_disjoint_from_the_build_lock() -> None:
    def names(path: str) -> set[str]:
        lines = (REPO / path).read_text("utf-8").splitlines()
        return {re.split(r"[=<>~ ]", ln, maxsplit=1)[0].lower().replace("_", "-")
                for ln in lines if ln.strip() and not ln.startswith("#")}

    cluster, build = names("requirements-cluster.lock"), names("requirements.lock")
    assert {"dask", "distributed", "dagster-dask"} <= cluster
    assert not cluster & build


def test_workspace_starts_the_cluster_location_with_its_own_python() -> None:
    locations = [entry["python_module"] for entry in
                 yaml.safe_load((REPO / "workspace.yaml").read_text("utf-8"))["load_from"]]
    by_module = {loc["module_name"]: loc for loc in locations}
    assert "executable_path" not in by_module["pipeline"]
    assert by_module["pipeline.cluster"]["executable_path"] == ".venv-cluster/bin/python"


def test_dask_tests_pass_in_the_cluster_environment() -> None:
    """Runs tests/cluster/ with .venv-cluster's Python: a local Dask cluster parses a corpus
    through the parse_to_cache job and parse_cache's month partitions (see
    tests/cluster/test_dask_cluster.py); every test there passes, none is skipped."""
    assert CLUSTER_PYTHON.exists(), "no .venv-cluster: run `make cluster-venv` (make test does)"
    proc = run_python("-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/cluster",
                      python=CLUSTER_PYTHON, timeout=600)
    tail = proc.stdout[-3000:]
    summary = re.search(r"(\d+) passed", proc.stdout)
    written = sum(len(re.findall(r"^def test_", f.read_text("utf-8"), re.M))
                  for f in (REPO / "tests" / "cluster").glob("test_*.py"))
    assert written >= 9
    assert summary and int(summary.group(1)) == written, tail
    assert "skipped" not in proc.stdout.splitlines()[-1], tail


def test_both_environments_import_the_package_from_anywhere(tmp_path) -> None:
    """The package is installed in each environment (no PYTHONPATH, no .pth link to the
    other one), so Dask workers and the cluster location import it from any folder."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    for python, module in ((REPO / ".venv" / "bin" / "python", "pipeline"),
                           (CLUSTER_PYTHON, "pipeline.cluster")):
        proc = subprocess.run([str(python), "-c", f"import {module} as m; print(m.__file__)"],
                              cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert proc.stdout.strip().startswith(str(REPO / "pipeline"))
    pth = list((REPO / ".venv-cluster").glob("lib/python*/site-packages/main-venv.pth"))
    assert not pth
