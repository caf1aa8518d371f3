"""A build writes only where the user said: DATASETS_DIR, DAGSTER_HOME and
PIPELINE_CACHE_DIR. Not into the source tree, not into the user's home (caches, matplotlib's
font cache). Run as a user runs it, `python -m pipeline.build` (what `make datasets` runs),
with a home of its own. The two articles besides the seed are written for the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import config
from tests.probe import REPO
from tests.test_e2e import GOOD_DOCS, write_seeds

pytestmark = pytest.mark.slow


def _tree(root: Path) -> dict[str, int]:
    """Relative path -> mtime of every file, bytecode and git's own files left out."""
    out = {}
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in (".git", "__pycache__", ".pytest_cache",
                                                          ".venv", ".venv-cluster",
                                                          ".ruff_cache", ".hypothesis")]
        for f in files:
            p = Path(dirpath) / f
            out[str(p.relative_to(root))] = p.lstat().st_mtime_ns
    return out


def test_a_build_writes_only_to_its_three_folders(tmp_path: Path) -> None:
    seeds, out, home, cache, user = (tmp_path / n for n in
                                     ("seeds", "out", "home", "cache", "user"))
    write_seeds(seeds, dict(list(GOOD_DOCS.items())[:2]))
    user.mkdir()
    # the instance settings the repo ships (.dagster_home/dagster.yaml): Dagster's own
    # telemetry would otherwise write ~/.dagster (README, "How it is built")
    home.mkdir()
    (home / "dagster.yaml").write_bytes((REPO / ".dagster_home" / "dagster.yaml").read_bytes())
    before_repo, before_tmp = _tree(REPO), set(_tree(tmp_path))
    env = {"PATH": os.environ["PATH"], "HOME": str(user), "LANG": "C.UTF-8",
           "SEEDS_DIR": str(seeds), "DATASETS_DIR": str(out), "DAGSTER_HOME": str(home),
           "PIPELINE_CACHE_DIR": str(cache)}
    proc = subprocess.run([sys.executable, "-m", "pipeline.build"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert _tree(REPO) == before_repo  # nothing new or changed in the source tree
    assert not any(user.iterdir())  # nothing in the user's home
    new = set(_tree(tmp_path)) - before_tmp
    assert new and all(p.split(os.sep)[0] in ("out", "home", "cache") for p in new), new
    assert any(p.startswith(f"cache{os.sep}") for p in new)
    # the publish step's spooled tables are gone once it has published them
    assert not any((cache / "publish-spool").glob("*/*"))


def test_the_cache_defaults_to_the_dagster_instance_or_the_users_cache() -> None:
    """Never the source tree."""
    assert config.resolve(environ={"DAGSTER_HOME": "/srv/dagster"}).cache_dir == \
        Path("/srv/dagster/pipeline-cache")
    assert config.resolve(environ={"XDG_CACHE_HOME": "/home/u/.cache"}).cache_dir == \
        Path("/home/u/.cache/ru-industry-datasets")
    assert not config.resolve(environ={}).cache_dir.is_relative_to(REPO)
