"""A fresh interpreter on this checkout, for what only shows in a new process: which
modules it imports, which processes run a script, what happens at exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_python(*args: str, env: dict[str, str] | None = None, timeout: float = 300,
               python: str | Path = sys.executable) -> subprocess.CompletedProcess:
    """`python *args` in the repo with the repo importable (this interpreter unless
    `python` names another environment's); fails the test on a non-zero exit, showing the
    end of its output."""
    proc = subprocess.run([str(python), *args], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
                          timeout=timeout, check=False)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    return proc
