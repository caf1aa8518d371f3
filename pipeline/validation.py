"""Validating the published package with the `frictionless` library (not by hand)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def validate_package(path: Path) -> dict[str, Any]:
    """{'valid': bool, 'errors': [...], 'tasks': [...]} for a datapackage.json.

    frictionless resolves resource paths relative to the working directory and refuses
    absolute ones, so validation runs from the package's folder.
    """
    from frictionless import validate

    cwd = os.getcwd()
    os.chdir(path.parent)
    try:
        report = validate(path.name)
    finally:
        os.chdir(cwd)
    errors = [f"{e.type}: {e.message}"
              for e in [*report.errors, *(err for task in report.tasks for err in task.errors)]]
    return {
        "valid": bool(report.valid),
        "errors": errors,
        "tasks": [{"resource": t.name, "valid": t.valid, "rows": t.stats.get("rows")}
                  for t in report.tasks],
    }
