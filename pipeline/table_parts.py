"""The fact tables built one parse partition (publication month) at a time (issue 20).

Why: every rule of the fact tables (ids, validation, quarantine, the investment's plant
link) is about one document, and a document's records live in one partition of
`parsed_entities`. So the rows a month contributes to `officials`, `plants` and
`investments` depend on that month's records and documents only: a build rebuilds the
months whose documents changed and reads the others' rows from their part files, and never
holds the records of more than one month.

A part is a folder `<parts root>/<month>/` holding one Parquet file per fact table and the
month's quarantined rows, and `_part.json`, written last, with the digest of what the part
was built from (the tables code, the partition's parse version and document keys, and the
month's documents). A part whose digest differs, or that a killed build left without its
`_part.json`, is rebuilt; folders of months no document belongs to any more are deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import quarantine
from pipeline.runtime import partitions
from pipeline.runtime.atomic import write_atomically
from pipeline.schemas import TABLES, columns
from pipeline.tables import (
    FACT_KINDS,
    FACT_RECORD_COLUMNS,
    documents_table_split,
    fact_tables,
    finish_tables,
    validate,
)
from pipeline.types import Duplicate, Rejection
from pipeline.versioning import source_version

PART_META = "_part.json"
FACT_TABLES = ("officials", "plants", "investments")
QUARANTINED = "quarantined_rows"
# the code a part's rows come from besides the rules (the parse version covers those)
PARTS_VERSION = source_version("tables.py", "schemas.py", "quarantine.py", "table_parts.py")


@dataclass
class PartsResult:
    """The fact tables and quarantined rows of every month, and what the build did."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    quarantined: pd.DataFrame | None = None
    built: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def part_digest(version: str, meta: dict, doc_ids: Iterable[str]) -> str:
    """What a part's rows are a function of: the tables code, the partition's parse (its
    extractor version and the content keys of its documents) and the month's documents
    left after the documents table's own quarantine."""
    payload = json.dumps([version, meta.get("version"), meta.get("keys"), sorted(doc_ids)],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _stored_digest(folder: Path) -> str | None:
    try:
        return json.loads((folder / PART_META).read_text("utf-8"))["digest"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write_frame(path: Path, df: pd.DataFrame) -> None:
    if not write_atomically(path, lambda fh: df.to_parquet(fh, index=False)):
        raise OSError(f"could not write the table part {path}")


def _build_part(folder: Path, digest: str, documents: pd.DataFrame, records: pd.DataFrame
                ) -> None:
    # the old digest goes first: a part killed half way is never taken for the old one
    (folder / PART_META).unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    q = quarantine.Quarantine()
    facts = fact_tables(documents, records, q)
    for name in FACT_TABLES:
        _write_frame(folder / f"{name}.parquet", facts[name])
    _write_frame(folder / f"{QUARANTINED}.parquet", q.frame())
    text = json.dumps({"digest": digest}).encode("utf-8")
    if not write_atomically(folder / PART_META, lambda fh: fh.write(text)):
        raise OSError(f"could not write {folder / PART_META}")


def _read_part(folder: Path) -> dict[str, pd.DataFrame] | None:
    """The part's frames, or None when a file is missing or damaged (then it is rebuilt)."""
    try:
        return {name: pd.read_parquet(folder / f"{name}.parquet")
                for name in (*FACT_TABLES, QUARANTINED)}
    except Exception:  # noqa: BLE001 - truncated, foreign or missing: rebuilt, never fatal
        return None


def _concat(table: str, frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The months' rows as one table, validated and sorted as the whole corpus's would be
    (a stable sort of months given in partition order: ties keep the whole build's order)."""
    rows = [f for f in frames if not f.empty]
    if not rows:
        return validate(table, pd.DataFrame(columns=columns(TABLES[table])))
    return validate(table, pd.concat(rows, ignore_index=True))


def update_fact_parts(documents: pd.DataFrame, records_root: Path, parts_root: Path, *,
                      version: str = PARTS_VERSION) -> PartsResult:
    """Bring the parts up to date with the current parse partitions and return every
    month's fact tables joined. `documents`: the documents table after its own quarantine."""
    result = PartsResult()
    manifest = partitions.read_manifest(records_root)
    month = [partitions.partition_key(p if not pd.isna(p) else None)
             for p in documents["published"]]
    by_month = {k: g for k, g in documents.assign(_month=month).groupby("_month", sort=False)}
    collected: dict[str, list[pd.DataFrame]] = {n: [] for n in (*FACT_TABLES, QUARANTINED)}
    for pk in manifest["partitions"]:
        docs = by_month.get(pk, documents.iloc[0:0]).drop(columns="_month", errors="ignore")
        docs = docs.reset_index(drop=True)
        meta = partitions.partition_meta(records_root, pk)
        digest = part_digest(version, meta, docs["doc_id"])
        folder = parts_root / pk
        part = _read_part(folder) if _stored_digest(folder) == digest else None
        if part is not None:
            result.kept.append(pk)
        else:
            records = partitions.read_partition(records_root, pk, kinds=FACT_KINDS,
                                                columns=FACT_RECORD_COLUMNS)
            _build_part(folder, digest, docs, records)
            del records
            result.built.append(pk)
            part = _read_part(folder)
            if part is None:
                raise OSError(f"the table part {folder} cannot be read back")
        for name in collected:
            collected[name].append(part[name])
    for name in FACT_TABLES:
        result.frames[name] = _concat(name, collected.pop(name))
    q = [f for f in collected[QUARANTINED] if not f.empty]
    result.quarantined = (pd.concat(q, ignore_index=True) if q
                          else quarantine.Quarantine().frame())
    if parts_root.is_dir():
        for folder in sorted(parts_root.iterdir()):
            if folder.is_dir() and folder.name not in manifest["partitions"]:
                result.removed.append(folder.name)
                with contextlib.suppress(OSError):
                    shutil.rmtree(folder)
    return result


def build_tables_by_part(documents: pd.DataFrame, records_root: Path, parts_root: Path,
                         rejections: Iterable[Rejection] = (),
                         duplicates: Iterable[Duplicate] = (), *,
                         version: str = PARTS_VERSION,
                         max_quarantine_share: float = quarantine.DEFAULT_MAX_SHARE
                         ) -> tuple[dict[str, pd.DataFrame], PartsResult]:
    """`tables.build_tables` over the parse partitions, a month at a time: the same tables
    (tests/test_table_parts.py holds the two equal), built from the months that changed."""
    q = quarantine.Quarantine()
    clean = documents_table_split(documents, q)
    parts = update_fact_parts(clean, records_root, parts_root, version=version)
    quarantined = pd.concat([q.frame(), parts.quarantined], ignore_index=True) \
        if q.rows else parts.quarantined
    frames = {"documents": clean, **parts.frames}
    frames = finish_tables(frames, quarantined, rejections, duplicates, len(documents),
                           max_quarantine_share=max_quarantine_share)
    return frames, parts
