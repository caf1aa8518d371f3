"""Validating the published package with the `frictionless` library (not by hand)."""

from __future__ import annotations

import contextlib
import copy
import csv
import hashlib
import io
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, BinaryIO

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
# frictionless' cost is per resource more than per row (issue 20: ~0.1 s a resource, 10
# resources, for a handful of new rows), so a table whose CSV has the sha256 of the copy
# validated last is left out of the delta package: its new rows would be none and its
# header is the one validated. When no CSV and not the descriptor changed either, the
# check is the one that passed last time and frictionless is not run (or imported).

_STATE = "state.json"
# per-build values of a resource: they change with the data, not with what is validated
_PER_BUILD = {"bytes", "hash", "x-rows", "x-parquet", "x-excel-csv"}


def _schema_key(package: dict[str, Any]) -> str:
    top = {k: v for k, v in package.items()
           if k not in ("resources", "version", "x-inputs-sha256", "x-other-files")}
    res = [{k: v for k, v in r.items() if k not in _PER_BUILD} for r in package["resources"]]
    blob = json.dumps([top, res], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _records(path: Path, sha256: str | None = None
             ) -> tuple[list[str], list[tuple[str, ...]]]:
    """The CSV's header and records; with `sha256`, the file must have that digest (else
    OSError: a validated copy changed since, or a file changed while being validated)."""
    data = path.read_bytes()
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise OSError(f"{path.name}: not the bytes of its digest")
    rows = [tuple(r) for r in csv.reader(io.StringIO(data.decode("utf-8"), newline=""))]
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


def _load_state(state_dir: Path) -> dict[str, Any] | None:
    try:
        state = json.loads((state_dir / _STATE).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def validate_package_incremental(path: Path, state_dir: Path, *, full: bool = False
                                 ) -> dict[str, Any]:
    """`validate_package`, on the rows new since the last valid package seen in
    `state_dir` (see above). Adds 'mode' ('full', 'changed rows', or 'unchanged' when the
    descriptor and every CSV are the ones validated last) and 'rows_checked'."""
    descriptor = path.read_bytes()
    package = json.loads(descriptor)
    key = _schema_key(package)
    names = [r["path"] for r in package["resources"]]
    digests = {n: _sha256_file(path.parent / n) for n in names}
    package_sha = hashlib.sha256(descriptor).hexdigest()
    state = _load_state(state_dir)
    usable = (state is not None and not full and state.get("schema_key") == key
              and isinstance(state.get("files"), list)
              and sorted(state["files"]) == sorted(names)
              and all((state_dir / n).is_file() for n in names))
    # the digests of the validated copies (none in a state written before they were kept)
    kept = state.get("sha256") if usable and state is not None else None
    known = {n: d for n, d in kept.items() if n in digests} if isinstance(kept, dict) else {}
    report = None
    if usable and state is not None:
        changed = {n for n in names if known.get(n) != digests[n]}
        if not changed and state.get("package_sha256") == package_sha:
            report = {"valid": True, "errors": [], "tasks": [], "mode": "unchanged",
                      "rows_checked": 0}
        else:
            with contextlib.suppress(OSError):  # e.g. no room for the delta files: in full
                report = _validate_changed(path, package, state_dir, changed, digests, known)
    if report is None:
        known = {}
        report = validate_package(path)
        report.update(mode="full", rows_checked=sum(t["rows"] or 0 for t in report["tasks"]))
    if report["valid"]:
        with contextlib.suppress(OSError):  # no state: the next build validates in full
            _save_state(path.parent, names, key, state_dir, package_sha, digests, known)
    return report


def _validate_changed(path: Path, package: dict[str, Any], state_dir: Path,
                      changed: set[str], digests: dict[str, str], known: dict[str, str]
                      ) -> dict[str, Any]:
    """frictionless on a package of the `changed` resources, each holding the records not
    in its validated copy (the descriptor is validated even when none changed). A file
    whose bytes are not those of its digest (`digests` now, `known` of the copies) is
    not trusted: OSError, and the caller validates in full."""
    delta = copy.deepcopy(package)
    delta["resources"] = [r for r in delta["resources"] if r["path"] in changed]
    checked = 0
    with tempfile.TemporaryDirectory(prefix="delta-", dir=state_dir) as tmp:
        for res in delta["resources"]:
            header, new = _records(path.parent / res["path"], digests[res["path"]])
            _, old = _records(state_dir / res["path"], known.get(res["path"]))
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


def _save_state(folder: Path, names: list[str], key: str, state_dir: Path,
                package_sha: str, digests: dict[str, str], known: dict[str, str]) -> None:
    """Copies of the validated CSVs (a copy kept with the same digest stays), then the
    state naming them with their digests (written last, so a state file always describes
    complete copies)."""
    state_dir.mkdir(parents=True, exist_ok=True)
    (state_dir / _STATE).unlink(missing_ok=True)
    kept = {}
    for n in names:
        if known.get(n) == digests[n] and (state_dir / n).is_file():
            kept[n] = digests[n]
            continue
        copied = _copy(folder / n, state_dir / n)
        if copied is None:
            return  # no state: the next build validates in full
        kept[n] = copied
    state = json.dumps({"schema_key": key, "files": names, "sha256": kept,
                        "package_sha256": package_sha}).encode()
    write_atomically(state_dir / _STATE, lambda fh: fh.write(state))


def _copy(src: Path, dst: Path) -> str | None:
    """`src` copied to `dst` atomically: the sha256 of what the copy holds, None on failure."""
    h = hashlib.sha256()

    def write(fh: BinaryIO) -> None:
        with src.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
                fh.write(block)

    return h.hexdigest() if write_atomically(dst, write) else None
