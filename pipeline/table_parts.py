"""The fact tables built one parse partition (publication month) at a time (issue 20).

Why: every rule of the fact tables (ids, validation, quarantine, the investment's plant
link) is about one document, and a document's records live in one partition of
`parsed_entities`. So the rows a month contributes to `officials`, `plants` and
`investments` depend on that month's records and documents only: a build rebuilds the
months whose documents changed and reads the others' rows from their part files. Months
to rebuild are built together in batches of ~20,000 documents: the records held at once
are a batch's, and pandera runs once a table per batch, not once per month (its fixed cost,
~0.1-0.25 s a call, times three tables and 144 months made a cold build of 10,000
documents a minute slower).

A part is a folder `<parts root>/<month>/` holding one Parquet file per fact table and the
month's quarantined rows, and `_part.json`, written last, with the digest of what the part
was built from (the tables code, the partition's parse version and document keys, and the
month's documents) and the SHA-256 of each file it wrote. A part whose digest differs, that
a killed build left without its `_part.json`, or whose files are not the bytes it wrote,
is rebuilt; folders of months no document belongs to any more are deleted.

Validated once: each part's rows were validated with the table's pandera model when the part
was built, and a part is read back only when its files are the bytes written then. Every
rule of the fact tables' models is about one row or one document (tests/test_table_parts.py
holds the models to that; uniqueness over the whole table is the blocking `*_ids_unique`
check's), so the joined table is remembered as validated (`pipeline.validated`) and the
asset's Dagster type does not validate the whole again.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd

from pipeline import quarantine, validated
from pipeline.registries import OFFICIAL_COLUMNS, PLANT_COLUMNS
from pipeline.runtime import partitions
from pipeline.runtime.atomic import write_atomically
from pipeline.schemas import SORT_KEYS, TABLES, columns
from pipeline.table_store import (
    StoredTable,
    mark_validated,
    write_frame,
    write_history,
    write_sorted,
)
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
# the tables of a build, in the order build_tables_by_part returns them (a new table is
# added here too: tests/test_table_store.py holds the two builds' tables equal)
TABLE_ORDER = ("documents", "officials", "plants", "investments", "rejected_documents",
               "quarantined_rows", "plant_registry", "plant_status_history", "people", "links")
FACT_TABLES = ("officials", "plants", "investments")
QUARANTINED = "quarantined_rows"
# the code a part's rows come from besides the rules (the parse version covers those)
PARTS_VERSION = source_version("tables.py", "schemas.py", "quarantine.py", "table_parts.py")


@cache
def _date_columns(table: str) -> list[str]:
    """The table's calendar-date columns (kind "date" in its pandera model); asked for when
    a build joins the months, not when the definitions load."""
    return [n for n, c in TABLES[table].to_schema().columns.items()
            if (c.metadata or {}).get("kind") == "date"]


@dataclass
class PartsResult:
    """What a build of the parts did: the months built, read back and removed."""

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


def _stored_meta(folder: Path) -> dict | None:
    """The part's `_part.json`: its digest and the SHA-256 of each of its files."""
    try:
        meta = json.loads((folder / PART_META).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    ok = isinstance(meta, dict) and isinstance(meta.get("digest"), str) \
        and isinstance(meta.get("files"), dict)
    return meta if ok else None


def _write_frame(path: Path, df: pd.DataFrame) -> str:
    """Writes the frame as Parquet; the SHA-256 of the bytes written."""
    buf = io.BytesIO()
    df.to_parquet(buf, index=False)
    data = buf.getvalue()
    if not write_atomically(path, lambda fh: fh.write(data)):
        raise OSError(f"could not write the table part {path}")
    return hashlib.sha256(data).hexdigest()


def _write_part(folder: Path, digest: str, frames: dict[str, pd.DataFrame]) -> None:
    # the old digest goes first: a part killed half way is never taken for the old one
    (folder / PART_META).unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    files = {name: _write_frame(folder / f"{name}.parquet", df) for name, df in frames.items()}
    text = json.dumps({"digest": digest, "files": files}).encode("utf-8")
    if not write_atomically(folder / PART_META, lambda fh: fh.write(text)):
        raise OSError(f"could not write {folder / PART_META}")


def _build_parts(batch: list[str], months: dict[str, pd.DataFrame], digests: dict[str, str],
                 records_root: Path, parts_root: Path) -> dict[str, dict[str, pd.DataFrame]]:
    """The parts of the months of `batch`, built together: one validation of each table
    for the batch, not one a month (pandera's fixed cost per call is ~0.1 s)."""
    records = pd.concat([partitions.read_partition(records_root, pk, kinds=FACT_KINDS,
                                                   columns=FACT_RECORD_COLUMNS)
                         for pk in batch], ignore_index=True)
    docs = pd.concat([months[pk].assign(_month=pk) for pk in batch], ignore_index=True)
    q = quarantine.Quarantine()
    facts = {**fact_tables(docs.drop(columns="_month"), records, q), QUARANTINED: q.frame()}
    del records
    month_of = dict(zip(docs["doc_id"], docs["_month"], strict=True))
    by_month = {name: dict(iter(df.groupby(df["doc_id"].map(month_of), sort=False)))
                for name, df in facts.items()}
    built = {}
    for pk in batch:
        frames = {name: by_month[name][pk].reset_index(drop=True) if pk in by_month[name]
                  else df.iloc[0:0] for name, df in facts.items()}
        _write_part(parts_root / pk, digests[pk], frames)
        built[pk] = frames
    return built


def _read_part(folder: Path, files: dict[str, str]) -> dict[str, pd.DataFrame] | None:
    """The part's frames, or None when a file is missing, damaged or not the bytes the part
    wrote (then it is rebuilt)."""
    out = {}
    try:
        for name in (*FACT_TABLES, QUARANTINED):
            data = (folder / f"{name}.parquet").read_bytes()
            if hashlib.sha256(data).hexdigest() != files.get(name):
                return None
            out[name] = pd.read_parquet(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - truncated, foreign or missing: rebuilt, never fatal
        return None
    return out


def _concat(table: str, frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The months' rows as one table, sorted as the whole corpus's would be (a stable sort of
    months given in partition order: ties keep the whole build's order). Every part's rows
    were validated when it was built, and the models' rules are about one row or one
    document (see the module docstring), so the whole is not validated again (at 10^5
    documents that cost 13 s) but remembered as validated; only a date column read back
    from Parquet gets NaT again where it holds None, as pandera's date coercion gives."""
    rows = [f for f in frames if not f.empty]
    if not rows:
        return validate(table, pd.DataFrame(columns=columns(TABLES[table])))
    df = pd.concat(rows, ignore_index=True) if len(rows) > 1 else rows[0]
    df = df.reindex(columns=columns(TABLES[table]))
    for name in _date_columns(table):
        df[name] = df[name].astype(object).where(df[name].notna(), pd.NaT)
    keys = [k for k in SORT_KEYS[table] if k in df.columns]
    df = df.sort_values(keys, kind="stable", na_position="first").reset_index(drop=True)
    validated.mark(df, TABLES[table])
    return df


def _refresh_parts(documents: pd.DataFrame, records_root: Path, parts_root: Path, *,
                   version: str, batch_documents: int, load: bool
                   ) -> tuple[list[str], dict[str, dict[str, pd.DataFrame]], PartsResult]:
    """Bring the parts up to date with the current parse partitions: the months (in
    partition order), the frames of every part when `load` (else none: at most one batch
    of months is held while it is built), and what was done. A kept part is checked
    against the SHA-256 of its files."""
    result = PartsResult()
    manifest = partitions.read_manifest(records_root)
    keys = [partitions.partition_key(p if not pd.isna(p) else None)
            for p in documents["published"]]
    grouped = dict(iter(documents.assign(_month=keys).groupby("_month", sort=False)))
    months = {pk: grouped[pk].drop(columns="_month").reset_index(drop=True) if pk in grouped
              else documents.iloc[0:0] for pk in manifest["partitions"]}
    digests = {pk: part_digest(version, partitions.partition_meta(records_root, pk),
                               months[pk]["doc_id"]) for pk in manifest["partitions"]}
    parts: dict[str, dict[str, pd.DataFrame]] = {}
    stale: list[str] = []
    for pk in manifest["partitions"]:
        folder = parts_root / pk
        meta = _stored_meta(folder)
        ok = meta is not None and meta["digest"] == digests[pk]
        if ok and load:
            part = _read_part(folder, meta["files"])
            ok = part is not None
            if ok:
                parts[pk] = part
        elif ok:
            ok = _part_intact(folder, meta["files"])
        if ok:
            result.kept.append(pk)
        else:
            stale.append(pk)
    for batch in partitions.batches(stale, lambda pk: len(months[pk]), batch_documents):
        built = _build_parts(batch, months, digests, records_root, parts_root)
        if load:  # a stored build reads the parts' files again: their frames go now
            parts.update(built)
        del built
        result.built += batch
    if parts_root.is_dir():
        for folder in sorted(parts_root.iterdir()):
            if folder.is_dir() and folder.name not in manifest["partitions"]:
                result.removed.append(folder.name)
                with contextlib.suppress(OSError):
                    shutil.rmtree(folder)
    return list(manifest["partitions"]), parts, result


def _part_intact(folder: Path, files: dict[str, str]) -> bool:
    """Every file of the part is the bytes it wrote (read a file at a time, not kept)."""
    try:
        return all(hashlib.sha256((folder / f"{name}.parquet").read_bytes()).hexdigest()
                   == files.get(name) for name in (*FACT_TABLES, QUARANTINED))
    except OSError:
        return False


def update_fact_parts(documents: pd.DataFrame, records_root: Path, parts_root: Path, *,
                      version: str = PARTS_VERSION,
                      batch_documents: int = partitions.BATCH_DOCUMENTS
                      ) -> tuple[dict[str, pd.DataFrame], PartsResult]:
    """Bring the parts up to date with the current parse partitions; every month's fact
    tables and quarantined rows joined (by table name), and what was done. `documents`:
    the documents table after its own quarantine.
    Months to rebuild are built in batches of about `batch_documents` documents, which
    bounds the records held at once."""
    order, parts, result = _refresh_parts(documents, records_root, parts_root,
                                          version=version, batch_documents=batch_documents,
                                          load=True)
    # each table's month frames are let go as soon as the table is joined: the whole tables
    # and the months' frames are never all held at once
    frames = {name: _concat(name, [parts[pk].pop(name) for pk in order])
              for name in FACT_TABLES}
    frames[QUARANTINED] = _quarantined([parts[pk][QUARANTINED] for pk in order])
    return frames, result


def _quarantined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    q = [f for f in frames if not f.empty]
    return pd.concat(q, ignore_index=True) if q else quarantine.Quarantine().frame()


def stored_fact_parts(documents: pd.DataFrame, records_root: Path, parts_root: Path, *,
                      version: str = PARTS_VERSION,
                      batch_documents: int = partitions.BATCH_DOCUMENTS
                      ) -> tuple[dict[str, list[Path]], pd.DataFrame, PartsResult]:
    """`update_fact_parts` for a build that never holds a whole fact table: the parts
    brought up to date, each fact table's part files (in partition order) for
    `table_store.write_sorted`, and the quarantined rows of every month."""
    order, _, result = _refresh_parts(documents, records_root, parts_root, version=version,
                                      batch_documents=batch_documents, load=False)
    files = {name: [parts_root / pk / f"{name}.parquet" for pk in order]
             for name in FACT_TABLES}
    quarantined = _quarantined([pd.read_parquet(parts_root / pk / f"{QUARANTINED}.parquet")
                                for pk in order])
    return files, quarantined, result


def build_tables_by_part(documents: pd.DataFrame, records_root: Path, parts_root: Path,
                         rejections: Iterable[Rejection] = (),
                         duplicates: Iterable[Duplicate] = (), *,
                         version: str = PARTS_VERSION,
                         max_quarantine_share: float = quarantine.DEFAULT_MAX_SHARE,
                         batch_documents: int = partitions.BATCH_DOCUMENTS
                         ) -> tuple[dict[str, pd.DataFrame], PartsResult]:
    """`tables.build_tables` over the parse partitions, a month at a time: the same tables
    (tests/test_table_parts.py holds the two equal), built from the months that changed."""
    q = quarantine.Quarantine()
    clean = documents_table_split(documents, q)
    facts, parts = update_fact_parts(clean, records_root, parts_root, version=version,
                                     batch_documents=batch_documents)
    quarantined = facts.pop(QUARANTINED)
    if q.rows:
        quarantined = pd.concat([q.frame(), quarantined], ignore_index=True)
    frames = finish_tables({"documents": clean, **facts}, quarantined, rejections,
                           duplicates, len(documents),
                           max_quarantine_share=max_quarantine_share)
    return frames, parts


def build_stored_tables(documents: pd.DataFrame, records_root: Path, parts_root: Path,
                        out_dir: Path, rejections: Iterable[Rejection] = (),
                        duplicates: Iterable[Duplicate] = (), *,
                        version: str = PARTS_VERSION,
                        max_quarantine_share: float = quarantine.DEFAULT_MAX_SHARE,
                        batch_documents: int = partitions.BATCH_DOCUMENTS
                        ) -> tuple[dict[str, StoredTable], PartsResult]:
    """`build_tables_by_part` with every table stored as a file in `out_dir`
    (`table_store`): the fact tables sorted on disk from their month parts, the registries
    resolved from the columns they compare, the status history's evidence joined from the
    plants file. No fact table is ever a whole frame in memory (issue 20); the files hold
    the rows `build_tables_by_part` returns (tests/test_table_store.py)."""
    q = quarantine.Quarantine()
    clean = documents_table_split(documents, q)
    files, quarantined, parts = stored_fact_parts(clean, records_root, parts_root,
                                                  version=version,
                                                  batch_documents=batch_documents)
    if q.rows:
        quarantined = pd.concat([q.frame(), quarantined], ignore_index=True)
    spill = out_dir / ".sort-spill"
    stored = {"documents": write_frame("documents", clean, out_dir / "documents.parquet")}
    for name in FACT_TABLES:
        stored[name] = write_sorted(name, files[name], out_dir / f"{name}.parquet", spill)
    shutil.rmtree(spill, ignore_errors=True)
    small = finish_tables(
        {"documents": clean, "plants": stored["plants"].read(PLANT_COLUMNS),
         "officials": stored["officials"].read(OFFICIAL_COLUMNS)},
        quarantined, rejections, duplicates, len(documents),
        max_quarantine_share=max_quarantine_share, validate_history=False)
    history = small.pop("plant_status_history")
    for name in ("documents", "plants", "officials"):  # what the registries read
        small.pop(name)
    for name in list(small):  # the rejections, the quarantine and the other registries
        stored[name] = write_frame(name, small.pop(name), out_dir / f"{name}.parquet")
    del small, clean  # the columns the registries read: gone before the history's join
    stored["plant_status_history"] = write_history(
        history, stored["plants"], out_dir / "plant_status_history.parquet", spill)
    shutil.rmtree(spill, ignore_errors=True)
    for table in stored.values():
        mark_validated(table)
    return {name: stored[name] for name in TABLE_ORDER}, parts
