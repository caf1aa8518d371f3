"""`make datasets`: the build job through Dagster's own CLI, with a short summary at the end.

`dagster job execute` prints every Dagster event at DEBUG level; for a build of thousands of
documents that hides what a user needs. This runs the same command (the contract's path,
as a subprocess, so it behaves exactly as a user's own call would), writes its whole output
to a log file, shows the run's own messages (progress, warnings, errors) as they come, and
ends with what was built: documents read, rejected and quarantined, rows per table, where
the files and the log are.

Usage: ``python -m pipeline.build`` (SEEDS_DIR, DATASETS_DIR, DAGSTER_HOME are honoured).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from pipeline import config

JOB = "build_datasets"
# "<date> <time> <tz> - dagster - LEVEL - job - run_id - pid - step - message"
_LINE = re.compile(r"^\S+ (\d\d:\d\d:\d\d) \S+ - dagster - (INFO|WARNING|ERROR|CRITICAL) - "
                   r"[^-]+ - [0-9a-f-]+ - (?:\d+ - )?(?:(\S+) - )?(.*)$")


def shown(line: str) -> str | None:
    """The line as the user sees it (time, step, message), or None for Dagster's own event
    stream (DEBUG), which stays in the log file."""
    m = _LINE.match(line.rstrip("\n"))
    if not m:
        return None
    clock, level, step, message = m.groups()
    event = re.compile(r"[A-Z][A-Z_]+")  # STEP_START, RUN_START: Dagster's own events
    if event.fullmatch(step or "") or event.fullmatch(message.split(" - ", 1)[0]):
        return None
    tag = "" if level == "INFO" else f"{level}: "
    return f"{clock} {step or JOB}: {tag}{message}"


def log_path(home: Path) -> Path:
    folder = home / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{JOB}-{time.strftime('%Y%m%dT%H%M%S')}.log"


def summary(datasets: Path) -> list[str]:
    """What the published files hold, read back from them (not from the run's memory).

    Read without Arrow's thread pool: a pool still alive when this short process exits can
    abort it ("terminate called without an active exception", apache/arrow#34314), which
    turned a finished build into exit code -6."""
    import pyarrow.parquet as pq

    def count(table: str) -> int:
        return pq.ParquetFile(str(datasets / f"{table}.parquet")).metadata.num_rows

    def column(table: str, name: str) -> list[object]:
        return pq.read_table(str(datasets / f"{table}.parquet"), columns=[name],
                             use_threads=False).column(name).to_pylist()

    stage_values = column("rejected_documents", "stage")
    rejected = len(stage_values)
    stages = {s: stage_values.count(s) for s in set(stage_values)}
    quarantined = column("quarantined_rows", "doc_id")
    q_docs = len(set(quarantined))
    lines = [
        f"documents published: {count('documents')}",
        f"inputs rejected: {stages.get('ingest', 0) + stages.get('parse', 0)} "
        f"(unreadable {stages.get('ingest', 0)}, failed NLP {stages.get('parse', 0)}), "
        f"duplicates skipped: {stages.get('duplicate', 0)}"
        + (" -> rejected_documents" if rejected else ""),
        f"documents with quarantined rows: {q_docs} ({len(quarantined)} rows"
        + (" -> quarantined_rows)" if q_docs else ")"),
        "rows: " + ", ".join(f"{t} {count(t)}" for t in ("officials", "plants",
                                                          "investments")),
        f"files: {datasets}",
    ]
    index = datasets / "releases.json"
    if index.is_file():  # releases (pipeline/releases.py); absent where symlinks fail
        import json

        latest = json.loads(index.read_text("utf-8")).get("latest")
        lines.append(f"release: {latest} (datasets/latest; what changed: "
                     f"releases/{latest}/CHANGELOG.md)")
    return lines


def run(extra_args: Iterable[str] = ()) -> int:
    home = Path(os.environ.get("DAGSTER_HOME") or config.REPO_ROOT / ".dagster_home")
    os.environ["DAGSTER_HOME"] = str(home)
    home.mkdir(parents=True, exist_ok=True)
    log = log_path(home)
    cmd = [sys.executable, "-m", "dagster", "job", "execute", "-m", "pipeline", "-j", JOB,
           *extra_args]
    settings = config.resolve()
    print(f"building {settings.datasets_dir} from {settings.seeds_dir} "
          f"(Dagster's event log: {log})", flush=True)
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as fh:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, encoding="utf-8", errors="replace")
        assert proc.stdout is not None
        for line in proc.stdout:
            fh.write(line)
            if (s := shown(line)) is not None:
                print(s, flush=True)
        code = proc.wait()
    took = time.monotonic() - started
    if code != 0:
        print(f"\nbuild FAILED after {took:.0f} s (exit {code}); nothing new was published. "
              f"The end of the log ({log}):", file=sys.stderr)
        tail = log.read_text("utf-8", errors="replace").splitlines()[-25:]
        print("\n".join(t[:300] for t in tail), file=sys.stderr)
        return code
    print(f"\nbuild finished in {took:.0f} s")
    for line in summary(settings.datasets_dir):
        print(f"  {line}")
    print(f"  log: {log}")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
