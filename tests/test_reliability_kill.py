"""Killing a real build (SIGKILL to a subprocess running the job) at several points.

The subprocess runs `build_datasets` in process after wrapping one function so it stops
at a chosen point and says so through a file; the test then kills its whole process group.
Afterwards every file in DATASETS_DIR must be whole and either the previous version or the
new one; after `recover` (which the next build runs first) the set must be all old (killed
before the COMMIT marker) or all new (killed after it), matching datapackage.json's hashes.
The documents other than the seed article are written for the tests.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from pipeline.publish import STAGING_PREFIX, recover
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
    import pipeline.publish as publish

    if point == "parse":
        real_parse = assets.parse_frame

        def parse(*a, **k):
            stop_here()
            return real_parse(*a, **k)

        assets.parse_frame = parse
    elif point.startswith("replace:"):
        # os.replace inside publish: call 1 puts the COMMIT marker in place, call n >= 2
        # moves the (n-1)th file; stop just before call number n
        stop_at = int(point.split(":")[1])
        real_os = publish.os

        class OsProxy:
            calls = 0

            def __getattr__(self, name):
                return getattr(real_os, name)

            def replace(self, src, dst):
                OsProxy.calls += 1
                if OsProxy.calls == stop_at:
                    stop_here()
                return real_os.replace(src, dst)

        publish.os = OsProxy()
    elif point == "cleanup":
        real_rmtree = publish.shutil.rmtree

        class ShutilProxy:
            def __getattr__(self, name):
                return getattr(publish.__dict__["_real_shutil"], name)

            def rmtree(self, path, *a, **k):
                if Path(path).name.startswith(publish.STAGING_PREFIX) and \\
                        (Path(path) / publish.MARKER).exists():
                    stop_here()
                return real_rmtree(path, *a, **k)

        publish._real_shutil = publish.shutil
        publish.shutil = ShutilProxy()

    from pipeline import defs
    import dagster as dg

    result = defs.resolve_job_def("build_datasets").execute_in_process(
        instance=dg.DagsterInstance.ephemeral(), raise_on_error=False)
    sys.exit(0 if result.success else 1)
''')

# (kill point, whether the new version must be in place after recovery)
POINTS = [("parse", False), ("replace:1", False), ("replace:2", True), ("replace:6", True),
          ("cleanup", True)]


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """The previous version (seed alone) and a reference build of the new inputs."""
    base = tmp_path_factory.mktemp("kill")
    old_seeds, new_seeds = base / "old_seeds", base / "new_seeds"
    write_seeds(old_seeds, {})
    write_seeds(new_seeds, GOOD_DOCS)
    cache = base / "cache"
    old = run_build(old_seeds, base / "old", base / "home_old", cache)
    new = run_build(new_seeds, base / "new", base / "home_new", cache)
    assert old.success and new.success
    return base, snapshot(old.out), snapshot(new.out), new_seeds, cache


@pytest.fixture(scope="module")
def killed(versions):
    """Start one killable build per point at once (they share two cores), kill each when
    it reaches its point; return the DATASETS_DIR each left behind."""
    base, old, _new, new_seeds, cache = versions
    driver = base / "driver.py"
    driver.write_text(DRIVER, "utf-8")
    procs = {}
    for point, _ in POINTS:
        tag = point.replace(":", "_")
        out = base / f"out_{tag}"
        out.mkdir()
        for name, data in old.items():
            (out / name).write_bytes(data)
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
def test_killed_build_leaves_whole_files_and_recovers(versions, killed, point, new_after):
    _base, old, new, *_ = versions
    out = killed.get(point)
    if isinstance(out, Exception) or out is None:
        pytest.fail(f"the build killed at {point} did not reach it: {out}")
    visible = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert set(visible) <= set(old) | set(new)
    for name, data in visible.items():  # whole files only: the previous one or the new one
        assert data in (old.get(name), new.get(name)), f"{name} is neither old nor new"
    assert set(old) <= set(visible) or set(new) <= set(visible)
    note = recover(out)
    assert not list(out.glob(STAGING_PREFIX + "*"))
    after = snapshot(out)
    assert after == (new if new_after else old), note
    check_consistent(out)


@pytest.mark.slow
def test_next_build_after_a_kill_publishes_normally(versions, killed, tmp_path):
    """The next run of the job recovers by itself and then publishes the new version."""
    _base, _old, new, new_seeds, cache = versions
    out = killed.get("replace:6")
    if isinstance(out, Exception) or out is None:
        pytest.fail(str(out))
    target = tmp_path / "datasets"
    shutil.copytree(out, target, symlinks=True)
    build = run_build(new_seeds, target, tmp_path / "home", cache)
    assert build.success, build.error
    assert snapshot(target) == new
    assert not list(target.glob(STAGING_PREFIX + "*"))
