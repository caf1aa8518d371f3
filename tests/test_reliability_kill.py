"""Killing a real build (SIGKILL to a subprocess running the job) at several points.

The subprocess runs `build_datasets` in process after wrapping one function so it stops
at a chosen point and says so through a file; the test then kills its whole process group.
A reader who opens the contract's paths (DATASETS_DIR/<table>.csv, ... datapackage.json),
which all go through the `latest` link, must then get every file of the previous release
or every file of the new one, never some of each; after `recover` (which the next build
runs first) the new release is current exactly when the build was killed after the switch.
The documents other than the seed article are written for the tests.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pipeline.releases import INDEX, RELEASES, STAGING, current, recover
from tests.test_e2e import (
    GOOD_DOCS,
    REPO,
    check_consistent,
    run_build,
    snapshot,
    write_seeds,
)

DRIVER = textwrap.dedent('''
    import os, sys, time
    from pathlib import Path

    point = os.environ["KILL_POINT"]
    ready = Path(os.environ["READY_FILE"])

    def stop_here():
        ready.write_text(point)
        time.sleep(600)

    import pipeline.dagster_defs.assets as assets

    if point.startswith("parse"):
        real_parse = assets.update_partitions

        def parse(*a, **k):
            stop_here()
            return real_parse(*a, **k)

        assets.update_partitions = parse
    else:
        # pipeline.releases calls _hook(stage) at each step of a publish; stop at the
        # n-th call of one stage ("staged-file:1": the first file of the new release)
        import pipeline.releases as releases

        stage, n = point.split(":")
        calls = {"n": 0}

        def hook(name):
            if name == stage:
                calls["n"] += 1
                if calls["n"] == int(n):
                    stop_here()

        releases._hook = hook

    from pipeline import defs
    import dagster as dg

    result = defs.resolve_job_def("build_datasets").execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    sys.exit(0 if result.success else 1)
''')

# (kill point, whether the new release is current after recovery)
POINTS = [("parse:0", False), ("staged-file:1", False), ("staged-file:12", False),
          ("staged:1", False), ("renamed:1", False), ("switching:1", False),
          ("switched:1", True), ("indexed:1", True)]


def contract_view(out: Path) -> dict[str, bytes]:
    """What a reader of the contract's paths gets: every top-level published name, read
    through its link."""
    names = sorted(p.name for p in out.iterdir()
                   if p.name not in ("latest", RELEASES, INDEX) and not p.name.startswith("."))
    return {n: (out / n).read_bytes() for n in names}


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """The previous release (seed alone) and a reference build of the new inputs made on
    top of it, as the killed builds are."""
    base = tmp_path_factory.mktemp("kill")
    old_seeds, new_seeds = base / "old_seeds", base / "new_seeds"
    write_seeds(old_seeds, {})
    write_seeds(new_seeds, GOOD_DOCS)
    cache = base / "cache"
    old = run_build(old_seeds, base / "old", base / "home_old", cache)
    assert old.success, old.error
    shutil.copytree(base / "old", base / "new", symlinks=True)
    new = run_build(new_seeds, base / "new", base / "home_new", cache)
    assert new.success, new.error
    old_view, new_view = contract_view(base / "old"), contract_view(base / "new")
    assert old_view.keys() == new_view.keys()
    assert all(old_view[n] != new_view[n] for n in ("datapackage.json", "plants.csv"))
    return base, old_view, new_view, new_seeds, cache


@pytest.fixture(scope="module")
def killed(versions):
    """Start one killable build per point at once (they share two cores), kill each when
    it reaches its point; return the DATASETS_DIR each left behind."""
    base, _old, _new, new_seeds, cache = versions
    driver = base / "driver.py"
    driver.write_text(DRIVER, "utf-8")
    procs = {}
    for point, _ in POINTS:
        tag = point.replace(":", "_")
        out = base / f"out_{tag}"
        shutil.copytree(base / "old", out, symlinks=True)
        ready = base / f"ready_{tag}"
        env = {**os.environ, "SEEDS_DIR": str(new_seeds), "DATASETS_DIR": str(out),
               "DAGSTER_HOME": str(base / f"home_{tag}"), "PIPELINE_CACHE_DIR": str(cache),
               "PYTHONPATH": str(REPO), "KILL_POINT": point, "READY_FILE": str(ready)}
        (base / f"home_{tag}").mkdir()
        log = open(base / f"log_{tag}.txt", "wb")  # noqa: SIM115 - closed below
        proc = subprocess.Popen([sys.executable, str(driver)], cwd=REPO, env=env,
                                stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        procs[point] = (proc, ready, out, log)
    outcome = {}
    deadline = time.monotonic() + 900
    try:
        while len(outcome) < len(procs) and time.monotonic() < deadline:
            for point, (proc, ready, out, log) in procs.items():
                if point in outcome:
                    continue
                if ready.exists():
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                    outcome[point] = out
                elif proc.poll() is not None:
                    log.flush()
                    outcome[point] = RuntimeError(
                        f"build exited ({proc.returncode}) before reaching {point}: "
                        + (base / f"log_{point.replace(':', '_')}.txt").read_text()[-3000:])
            time.sleep(0.2)
    finally:
        for proc, _ready, _out, log in procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            log.close()
    return outcome


@pytest.mark.slow
@pytest.mark.parametrize("point,new_after", POINTS)
def test_killed_build_shows_one_release_and_recovers(versions, killed, point, new_after):
    base, old, new, *_ = versions
    out = killed.get(point)
    if isinstance(out, Exception) or out is None:
        pytest.fail(f"the build killed at {point} did not reach it: {out}")
    seen = contract_view(out)  # as the kill left it, before any recovery
    assert seen in (old, new), [n for n in seen if seen[n] not in (old[n], new[n])]
    assert seen == (new if new_after else old), point
    note = recover(out)
    assert contract_view(out) == (new if new_after else old), note
    assert not list((out / RELEASES).glob(STAGING + "*"))
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    check_consistent(out)
    expected = sorted(p.name for p in ((base / "new") if new_after else (base / "old")
                                       ).joinpath(RELEASES).iterdir())
    assert sorted(p.name for p in (out / RELEASES).iterdir()) == expected
    index = json.loads((out / INDEX).read_text("utf-8"))
    assert index["latest"] == current(out) == expected[-1]
    assert [e["version"] for e in index["releases"]] == expected
    if new_after:  # the release folder is the reference build's, byte for byte
        ref = snapshot(base / "new" / RELEASES)
        assert snapshot(out / RELEASES) == ref


@pytest.mark.slow
def test_next_build_after_a_kill_publishes_normally(versions, killed, tmp_path):
    """The next run of the job recovers by itself and then publishes the new release."""
    base, _old, new, new_seeds, cache = versions
    out = killed.get("renamed:1")
    if isinstance(out, Exception) or out is None:
        pytest.fail(str(out))
    target = tmp_path / "datasets"
    shutil.copytree(out, target, symlinks=True)
    build = run_build(new_seeds, target, tmp_path / "home", cache)
    assert build.success, build.error
    assert contract_view(target) == new
    assert snapshot(target / RELEASES) == snapshot(base / "new" / RELEASES)
    assert not list((target / RELEASES).glob(STAGING + "*"))
