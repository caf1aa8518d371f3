"""Validating the published package with the `frictionless` library (not by hand)."""

from __future__ import annotations

import contextlib
import copy
import csv
import hashlib
import json
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from pipeline.runtime.atomic import write_atomically


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


# --- incremental validation ---------------------------------------------------------------
#
# frictionless reads every CSV row in Python (benchmarks/README.md), so validating the whole
# package on every build makes each build cost as much as the corpus, not as the change.
# The rows a build did not change were validated by an earlier build against the same
# schemas, so a build validates with frictionless only: the package descriptor, and the CSV
# records that are new since the last validated build.
# What needs every row is checked elsewhere on every row: keys and references by the
# tables' integrity checks (pandas), the file hashes by `publish.verify`, every value by
# pandera. A full validation runs when there is no validated state, when any schema,
# dialect or the descriptor's shape changed, or when asked (the daily schedule asks).

_STATE = "state.json"
# per-build values of a resource: they change with the data, not with what is validated
_PER_BUILD = {"bytes", "hash", "x-rows", "x-parquet", "x-excel-csv"}


def _schema_key(package: dict[str, Any]) -> str:
    top = {k: v for k, v in package.items()
           if k not in ("resources", "version", "x-inputs-sha256", "x-other-files")}
    res = [{k: v for k, v in r.items() if k not in _PER_BUILD} for r in package["resources"]]
    blob = json.dumps([top, res], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _records(path: Path) -> tuple[list[str], list[tuple[str, ...]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [tuple(r) for r in csv.reader(fh)]
    return (list(rows[0]) if rows else []), rows[1:]


def _new_records(old: list[tuple[str, ...]], new: list[tuple[str, ...]]
                 ) -> list[tuple[str, ...]]:
    """Records of `new` not in `old` (as a multiset), in the order of `new`."""
    left = Counter(old)
    out = []
    for r in new:
        if left[r]:
            left[r] -= 1
        else:
            out.append(r)
    return out


def validate_package_incremental(path: Path, state_dir: Path, *, full: bool = False
                                 ) -> dict[str, Any]:
    """`validate_package`, on the rows new since the last valid package seen in
    `state_dir` (see above). Adds 'mode' ('full' or 'changed rows') and 'rows_checked'."""
    package = json.loads(path.read_text("utf-8"))
    key = _schema_key(package)
    names = [r["path"] for r in package["resources"]]
    state_file = state_dir / _STATE
    try:
        state = json.loads(state_file.read_text("utf-8"))
        usable = (not full and state.get("schema_key") == key
                  and sorted(state.get("files", [])) == sorted(names)
                  and all((state_dir / n).is_file() for n in names))
    except (OSError, ValueError, AttributeError):
        usable = False
    report = None
    if usable:
        with contextlib.suppress(OSError):  # e.g. no room for the delta files: in full
            report = _validate_changed(path, package, state_dir)
    if report is None:
        report = validate_package(path)
        report.update(mode="full", rows_checked=sum(t["rows"] or 0 for t in report["tasks"]))
    if report["valid"]:
        with contextlib.suppress(OSError):  # no state: the next build validates in full
            _save_state(path.parent, names, key, state_dir)
    return report


def _validate_changed(path: Path, package: dict[str, Any], state_dir: Path
                      ) -> dict[str, Any]:
    delta = copy.deepcopy(package)
    checked = 0
    with tempfile.TemporaryDirectory(prefix="delta-", dir=state_dir) as tmp:
        for res in delta["resources"]:
            header, new = _records(path.parent / res["path"])
            _, old = _records(state_dir / res["path"])
            rows = _new_records(old, new)
            checked += len(rows)
            with open(Path(tmp) / res["path"], "w", encoding="utf-8", newline="") as fh:
                # CRLF record ends: Python's writer then quotes a cell holding a lone CR
                # or LF, which "\n" as terminator would leave bare (see publish.csv_bytes)
                writer = csv.writer(fh, lineterminator="\r\n")
                writer.writerow(header)
                writer.writerows(rows)
            res["dialect"] = {**res.get("dialect", {}), "lineTerminator": "\r\n"}
            for k in ("bytes", "hash"):  # of the whole file: `publish.verify` checks them
                res.pop(k, None)
            # references need every row of the referenced table: checked by the integrity
            # checks on every row
            res.get("schema", {}).pop("foreignKeys", None)
        (Path(tmp) / path.name).write_text(json.dumps(delta, ensure_ascii=False), "utf-8")
        report = validate_package(Path(tmp) / path.name)
    report.update(mode="changed rows", rows_checked=checked)
    return report


def _save_state(folder: Path, names: list[str], key: str, state_dir: Path) -> None:
    """Copies of the validated CSVs, then the state naming them (written last, so a state
    file always describes complete copies)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    (state_dir / _STATE).unlink(missing_ok=True)
    for n in names:
        with (folder / n).open("rb") as src:
            if not write_atomically(state_dir / n, lambda fh, src=src: shutil.copyfileobj(src, fh)):
                return  # no state: the next build validates in full
    state = json.dumps({"schema_key": key, "files": names}).encode()
    write_atomically(state_dir / _STATE, lambda fh: fh.write(state))
