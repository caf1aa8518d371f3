"""The asset graph: raw_documents -> parsed_entities -> tables -> published_datasets.

Thin wiring only: every computation is a call into `pipeline.ingest`, `pipeline.runtime`,
`pipeline.tables` or `pipeline.publish`, which know nothing of Dagster.
"""


import os
import shutil
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import fields
from datetime import date
from pathlib import Path

import dagster as dg
import pandas as pd
from pydantic import Field

from pipeline.charts import cached_chart, markdown_image
from pipeline.dagster_defs.checks import (
    DATAPACKAGE_SPEC,
    REMOVALS_SPEC,
    TABLE_CHECKS,
    datapackage_result,
    removals_result,
    run_table_checks,
)
from pipeline.dagster_defs.io import storage_dir
from pipeline.dagster_defs.pandera_types import pandera_type
from pipeline.dagster_defs.resources import PipelineSettings
from pipeline.docs import datasets_readme
from pipeline.ingest.cache import SOURCE_VERSION as INGEST_SOURCE_VERSION
from pipeline.ingest.cache import read_corpus_cached
from pipeline.publish import inputs_digest, render_files, table_files
from pipeline.quarantine import SAME_DOCUMENT
from pipeline.releases import SUMMARY, Outcome, publish_release, recover
from pipeline.runtime import partitions
from pipeline.runtime.batch import ParseCache, use_parse_inputs
from pipeline.runtime.document import EXTRACTOR_VERSION, extractor_version
from pipeline.runtime.partitions import update_partitions
from pipeline.schemas import REGISTRIES, TABLES, columns, description
from pipeline.table_parts import PartsResult, build_stored_tables
from pipeline.table_store import StoredTable
from pipeline.types import Duplicate, RawDocument, Rejection
from pipeline.versioning import source_version

OWNER = "team:data-eng"


INGEST_VERSION = INGEST_SOURCE_VERSION  # the ingest cache's key uses the same digest
EXTRACT_VERSION = EXTRACTOR_VERSION
TABLES_VERSION = source_version("tables.py", "table_parts.py", "table_store.py", "schemas.py",
                                "registries.py", "data/overrides.csv")
PUBLISH_VERSION = source_version("publish.py", "releases.py", "schema_export.py", "docs.py",
                                 "charts.py", "table_store.py")
# recorded with each release: the code that made its files
CODE_VERSION = "+".join((EXTRACT_VERSION, TABLES_VERSION, PUBLISH_VERSION))
RAW_COLUMNS = ["doc_id", "source", "status", "reason", "duplicate_of", "text", "n_chars",
               "published", "sha256", "encoding", "title", "url", "warnings"]
# what the tables step reads of raw_documents: everything but the texts, which only the
# parse needs (they are most of the frame's memory)
RAW_TABLE_COLUMNS = [c for c in RAW_COLUMNS if c != "text"]


def _preview(df: pd.DataFrame, n: int = 5) -> dg.MetadataValue:
    if df.empty:
        return dg.MetadataValue.md("_empty_")
    shown = df.head(n).copy()
    for c in shown.columns:
        shown[c] = [(str(v)[:80] + "…") if isinstance(v, str) and len(v) > 80 else v
                    for v in shown[c]]
    return dg.MetadataValue.md(shown.to_markdown(index=False))


def table_metadata(df: pd.DataFrame | StoredTable) -> dict[str, object]:
    if isinstance(df, StoredTable):
        first = next(df.blocks(rows=5), None)
        return {"dagster/row_count": len(df),
                "preview": _preview(first if first is not None else pd.DataFrame())}
    return {"dagster/row_count": len(df), "preview": _preview(df)}


def _columns(table: pd.DataFrame | StoredTable, cols: list[str]) -> pd.DataFrame:
    """The columns `cols` of a frame or a stored table (read for those only)."""
    return table.read(cols) if isinstance(table, StoredTable) else table[cols]


def column_schema(table: str) -> dg.TableSchema:
    """The pandera model's columns as Dagster shows them on the asset page (a schema kept
    only on the type is not shown there)."""
    schema = pandera_type(table).metadata["schema"].value
    by_name = {c.name: c for c in schema.columns}
    return dg.TableSchema(columns=[by_name[c] for c in columns(TABLES[table])],
                          constraints=schema.constraints)


# --- ingest -----------------------------------------------------------------------------

@dg.asset(
    group_name="ingest", kinds={"python", "pandas", "parquet"}, owners=[OWNER],
    code_version=INGEST_VERSION,
    description="Every *.txt and *.jsonl under SEEDS_DIR, read and decoded, one row per input "
                "document: status ok, rejected (with the reason) or duplicate.",
)
def raw_documents(context: dg.AssetExecutionContext, settings: PipelineSettings
                  ) -> pd.DataFrame:
    s = settings.resolved()
    # finish a publish that a killed build left half done before anything else, so the
    # published set is whole even if this build fails later
    note = recover(s.datasets_dir)
    if note:
        context.log.warning(note)
    seeds = s.seeds_dir
    # only new or changed files are read and decoded again (see extract/ingest_cache.py)
    result = read_corpus_cached(seeds, s.cache_dir, max_bytes=s.max_document_bytes)
    rows = [{**_doc_row(d), "status": "ok"} for d in result.documents]
    warned = [f"{d.source}: {w}" for d in result.documents for w in d.warnings]
    log_capped(context.log.warning, "document warnings", warned,
               "the `warnings` column of raw_documents")
    log_capped(context.log.warning, "rejected files or lines",
               [f"{r.source}: {r.reason}" for r in result.rejected],
               "the `rejected` table")
    log_capped(context.log.info, "duplicates",
               [f"{d.source}: same text as {d.duplicate_of}"
                for d in result.duplicates], "the `rejected` table")
    for r in result.rejected:
        rows.append({"doc_id": r.doc_id, "source": r.source, "status": "rejected",
                     "reason": r.reason})
    for d in result.duplicates:
        rows.append({"doc_id": d.doc_id, "source": d.source, "status": "duplicate",
                     "duplicate_of": d.duplicate_of,
                     "reason": f"same text as document {d.duplicate_of!r}"})
    df = pd.DataFrame(rows, columns=RAW_COLUMNS)
    context.add_output_metadata({
        "seeds_dir": str(seeds),
        "documents": len(result.documents),
        "rejected": len(result.rejected),
        "duplicates": len(result.duplicates),
        "documents_with_warnings": sum(1 for d in result.documents if d.warnings),
        "rejections": dg.MetadataValue.md(
            "\n".join(f"- `{r.source}`: {r.reason}" for r in result.rejected) or "_none_"),
        "dagster/row_count": len(df),
    })
    return df


LOG_LINES = 20


def log_capped(log: Callable[[str], object], what: str, lines: list[str], where: str,
               cap: int = LOG_LINES) -> None:
    """One run-log event for a list of findings, its first `cap` lines shown.

    Every event is a write to the instance's event log (~10-30 ms): one per document
    made a 20,000-document build spend seconds re-logging the same unchanged files'
    warnings on every run, and a corpus with many duplicates would pay that per build."""
    if not lines:
        return
    shown = lines[:cap]
    more = len(lines) - len(shown)
    tail = f"; … and {more} more: see {where}" if more else f" (see {where})"
    # one line: `make datasets` shows the run's log lines, not their continuations
    log(f"{len(lines)} {what}: " + "; ".join(shown) + tail)


def _doc_row(d: RawDocument) -> dict[str, object]:
    # a shallow copy: `asdict` deep-copies every field of every document on every build
    row: dict[str, object] = {f.name: getattr(d, f.name) for f in fields(d)}
    row["warnings"] = "; ".join(d.warnings) if d.warnings else None
    row["n_chars"] = d.n_chars
    return row


def _documents_from_raw(raw: pd.DataFrame) -> list[RawDocument]:
    ok = raw[raw["status"] == "ok"]
    docs = []
    for r in ok.itertuples(index=False):
        published = r.published if isinstance(r.published, date) else None
        docs.append(RawDocument(
            doc_id=r.doc_id, text=r.text, source=r.source, sha256=r.sha256,
            published=published, title=r.title if isinstance(r.title, str) else None,
            url=r.url if isinstance(r.url, str) else None, encoding=r.encoding,
            warnings=tuple(r.warnings.split("; ")) if isinstance(r.warnings, str) else (),
        ))
    return docs


def documents_from_raw(raw: pd.DataFrame) -> pd.DataFrame:
    """The `documents` table's columns of the readable documents (texts not needed)."""
    ok = raw[raw["status"] == "ok"]
    cols = columns(TABLES["documents"])
    out = ok.reindex(columns=cols).reset_index(drop=True)
    out["n_chars"] = out["n_chars"].astype("int64")
    out["published"] = [p if isinstance(p, date) else None for p in out["published"]]
    for c in ("title", "url"):
        out[c] = [v if isinstance(v, str) else None for v in out[c]]
    return out


# --- extract ----------------------------------------------------------------------------

def records_dir() -> Path:
    """Where `parsed_entities` keeps its partition files (beside the other assets' files)."""
    return storage_dir() / "parsed_entities"


def fact_parts_dir() -> Path:
    """Where the tables step keeps each month's fact-table rows (pipeline.table_parts)."""
    return storage_dir() / "fact_parts"


@dg.asset(
    group_name="extract", kinds={"python", "pandas", "parquet"}, owners=[OWNER],
    code_version=EXTRACT_VERSION,
    io_manager_key="none_io_manager",
    description="What the NLP saw: one row per entity (PER, ORG, LOC with nominative normal "
                "forms), money, date, period, number and region mention, and per candidate "
                "fact (official, plant, investment), with character offsets. Stored as one "
                "Parquet file per publication month (`storage/parquet/parsed_entities/"
                "<YYYY-MM|undated>.parquet`): a build rewrites only the months whose "
                "documents changed. Documents are parsed in parallel and cached by content "
                "hash and extractor version.",
)
def parsed_entities(context: dg.AssetExecutionContext, raw_documents: pd.DataFrame,
                    settings: PipelineSettings) -> dg.MaterializeResult:
    s = settings.resolved()
    docs = _documents_from_raw(raw_documents)
    del raw_documents
    context.log.info(f"parsing {len(docs)} documents (months already up to date are kept, "
                     "cached documents are read, not parsed)")
    version = extractor_version(s.region_aliases)
    root = records_dir()
    # the single file of earlier versions would be read as current by a user who opens it
    root.with_suffix(".parquet").unlink(missing_ok=True)
    result = update_partitions(docs, ParseCache(s.cache_dir, version=version), root,
                               version=version, workers=s.workers,
                               progress=context.log.info, aliases=s.region_aliases)
    for f in result.failures:
        context.log.error(f"could not parse {f.source} ({f.doc_id}): {f.reason}")
    counts = result.counts()
    if result.failures:
        counts["ERROR"] = len(result.failures)
    context.log.info(f"partitions: {len(result.written)} written "
                     f"({', '.join(result.written[:12])}{' …' if len(result.written) > 12 else ''}"
                     f"), {len(result.kept)} unchanged, {len(result.removed)} removed")
    return dg.MaterializeResult(metadata={
        "dagster/row_count": result.records,
        "preview": _preview(partitions.head(root)),
        "storage_path": dg.MetadataValue.path(str(root)),
        "partitions": len(result.partitions),
        "partitions_written": dg.MetadataValue.json(result.written),
        "partitions_removed": dg.MetadataValue.json(result.removed),
        "parsed": result.parsed, "from_cache": result.from_cache,
        "from_partitions": result.reused,
        "parse_failures": len(result.failures),
        "by_kind": dg.MetadataValue.json(counts),
    })


# --- tables -----------------------------------------------------------------------------

def _dep(asset: str, column: str) -> dg.TableColumnDep:
    return dg.TableColumnDep(asset_key=dg.AssetKey(asset), column_name=column)


def fact_lineage(table: str) -> dg.TableColumnLineage:
    """Where each column of a fact table comes from, as the code computes it: offsets and
    doc_id are columns of `parsed_entities`, every other field is read from the record's
    `attrs` JSON; ids are derived from the fields they hash; an investment's plant_id is
    the plants row whose mention shares its sentence."""
    special: dict[str, list[dg.TableColumnDep]] = {
        "doc_id": [_dep("parsed_entities", "doc_id")],
        "start": [_dep("parsed_entities", "start")],
        "end": [_dep("parsed_entities", "end")],
    }
    if table == "investments":
        special["investment_id"] = [_dep("parsed_entities", c) for c in ("doc_id", "start",
                                                                          "end")]
        special["plant_id"] = [_dep("plants", "plant_id"), _dep("parsed_entities", "sentence"),
                               _dep("parsed_entities", "start")]
    deps = {col: special.get(col, [_dep("parsed_entities", "attrs")])
            for col in columns(TABLES[table])}
    return dg.TableColumnLineage(deps_by_column=deps)


# Which upstream assets each table is computed from (the edges the asset graph draws).
TABLE_DEPS: dict[str, set[str]] = {
    "documents": {"raw_documents"},
    "officials": {"parsed_entities"},
    "plants": {"parsed_entities"},
    "investments": {"parsed_entities", "plants"},
    "rejected_documents": {"raw_documents", "parsed_entities"},
    "quarantined_rows": {"raw_documents", "parsed_entities"},
    # the registries are resolved from the fact tables (pipeline.registries)
    "plant_registry": {"plants", "documents"},
    "plant_status_history": {"plants", "documents"},
    "people": {"officials", "documents"},
    "links": {"plants", "officials"},
}
FACTS = ("officials", "plants", "investments")


def registry_lineage(table: str) -> dg.TableColumnLineage:
    """Which fact-table columns each registry column is resolved from."""
    plant_cols = {"facility_id": ["plant_id", "event_date"], "name": ["name"],
                  "product": ["product"], "operator": ["operator"], "region": ["region"],
                  "region_code": ["region_code"], "latest_status": ["status"],
                  "latest_status_date": ["event_date"], "first_seen": ["event_date"],
                  "last_seen": ["event_date"], "n_documents": ["doc_id"],
                  "plant_ids": ["plant_id"], "doc_ids": ["doc_id"], "former_ids": ["plant_id"],
                  "date": ["event_date"], "status": ["status"], "doc_id": ["doc_id"],
                  "plant_id": ["plant_id"], "evidence": ["evidence"]}
    if table in ("plant_registry", "plant_status_history"):
        src, cols = "plants", plant_cols
    elif table == "people":
        src = "officials"
        cols = {"person_id": ["official_id"], "full_name": ["full_name"],
                "surname": ["surname"], "posts": ["position", "organization"],
                "official_ids": ["official_id"], "doc_ids": ["doc_id"],
                "n_documents": ["doc_id"], "former_ids": ["official_id"]}
    else:
        return dg.TableColumnLineage(deps_by_column={
            c: [_dep("plants", "plant_id"), _dep("officials", "official_id")]
            for c in columns(TABLES[table])})
    deps = {c: [_dep(src, x) for x in cols.get(c, [])] for c in columns(TABLES[table])}
    dated = {"first_seen", "last_seen", "latest_status_date", "date", "facility_id",
             "person_id", "posts"}
    for c in deps:
        if c in dated:
            deps[c].append(_dep("documents", "published"))
    return dg.TableColumnLineage(deps_by_column=deps)


def _lineage(table: str) -> dg.TableColumnLineage | None:
    if table in FACTS:
        return fact_lineage(table)
    if table in REGISTRIES:
        return registry_lineage(table)
    return None


def _table_out(name: str) -> dg.AssetOut:
    """A published table: pandera type (validates the frame), column schema and lineage."""
    metadata: dict[str, object] = {"dagster/column_schema": column_schema(name)}
    if (lineage := _lineage(name)) is not None:
        metadata["dagster/column_lineage"] = lineage
    return dg.AssetOut(
        group_name="tables", kinds={"python", "pandas", "parquet"}, owners=[OWNER],
        code_version=TABLES_VERSION, description=description(TABLES[name]),
        dagster_type=pandera_type(name), metadata=metadata, is_required=False)


@dg.multi_asset(
    name="tables",
    outs={name: _table_out(name) for name in TABLE_DEPS},
    ins={"raw_documents": dg.AssetIn(metadata={"columns": RAW_TABLE_COLUMNS})},
    deps=["parsed_entities"],
    internal_asset_deps={name: {dg.AssetKey(d) for d in deps}
                         for name, deps in TABLE_DEPS.items()},
    check_specs=[c.spec for c in TABLE_CHECKS],
    can_subset=True,
)
def tables_assets(context: dg.AssetExecutionContext, raw_documents: pd.DataFrame,
                  settings: PipelineSettings) -> Iterator[object]:
    """The published tables in one step: they share their inputs, and one step instead of
    one per table and per check saves a build Dagster's bookkeeping of twenty steps. Each is
    still its own asset (page, type, checks, lineage) and can be materialized alone: every
    table is computed (the checks compare them), only the selected ones are stored and
    checked. The fact tables are built a month of `parsed_entities` at a time, and only the
    months whose documents changed (pipeline.table_parts)."""
    root = records_dir()
    s = settings.resolved()
    use_parse_inputs(s.cache_dir, s.region_aliases)
    rejections, duplicates = _rejections(raw_documents, partitions.failures(root))
    # every table is written as a file here and linked into the storage by the IO manager:
    # no fact table is ever a whole frame (pipeline.table_store, issue 20)
    staging = storage_dir() / f".tables-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        stored, parts = build_stored_tables(
            documents_from_raw(raw_documents), root, fact_parts_dir(), staging, rejections,
            duplicates, max_quarantine_share=s.max_quarantine_share)
        del raw_documents
        yield from _table_outputs(context, stored, parts)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _table_outputs(context: dg.AssetExecutionContext, stored: dict[str, StoredTable],
                   parts: PartsResult) -> Iterator[object]:
    """The selected tables' outputs, then the selected checks' results (evaluated first,
    while every table's file is in place)."""
    context.log.info(f"fact tables by month: {len(parts.built)} built "
                     f"({', '.join(parts.built[:12])}{' …' if len(parts.built) > 12 else ''}), "
                     f"{len(parts.kept)} unchanged, {len(parts.removed)} removed")
    quarantined = stored["quarantined_rows"].read()
    if not quarantined.empty:
        lines = []
        for (doc_id, table), rows in quarantined.groupby(["doc_id", "table"], dropna=False):
            rules = sorted(set(rows["rule"]) - {SAME_DOCUMENT})
            lines.append(f"quarantined {len(rows)} {table} rows of document {doc_id}: "
                         f"{'; '.join(rules)}")
        log_capped(context.log.warning, "documents with quarantined rows", lines,
                   "the `quarantined_rows` table")
    results = list(run_table_checks(stored, context.selected_asset_check_keys))
    selected = context.op_execution_context.selected_output_names
    for name, table in stored.items():
        if name in selected:
            meta = table_metadata(table)
            if (lineage := _lineage(name)) is not None:
                meta["dagster/column_lineage"] = lineage
            if name in FACTS:
                meta["months_rebuilt"] = dg.MetadataValue.json(parts.built)
                meta["months_unchanged"] = len(parts.kept)
            yield dg.Output(table, output_name=name, metadata=meta)
    yield from results


def _rejections(raw_documents: pd.DataFrame, parse_failures: list[Rejection]
                ) -> tuple[list[Rejection], list[Duplicate]]:
    rej = raw_documents[raw_documents["status"] == "rejected"]
    dup = raw_documents[raw_documents["status"] == "duplicate"]
    rejections = [Rejection(source=r.source, reason=r.reason, stage="ingest",
                            doc_id=r.doc_id if isinstance(r.doc_id, str) else None)
                  for r in rej.itertuples()]
    rejections += parse_failures
    duplicates = [Duplicate(doc_id=r.doc_id, source=r.source, duplicate_of=r.duplicate_of)
                  for r in dup.itertuples()]
    return rejections, duplicates


# --- publish ----------------------------------------------------------------------------

class PublishConfig(dg.Config):
    """Launchpad options of the publish step."""

    full_validation: bool = Field(
        default=False,
        description="Validate every CSV row with frictionless, not only the rows new since "
                    "the last validated build (the daily schedule sets it).")
    allow_removals: bool = Field(
        default=False,
        description="Switch to the new release even when it removes more than "
                    "MAX_REMOVED_SHARE of a table's rows (check published_rows_not_removed).")


@dg.asset(
    group_name="publish", kinds={"python", "parquet", "csv"}, owners=[OWNER],
    code_version=PUBLISH_VERSION,
    io_manager_key="none_io_manager",
    check_specs=[DATAPACKAGE_SPEC, REMOVALS_SPEC],
    description="Writes a release to `DATASETS_DIR/releases/<version>/` (every table as "
                "`.parquet`, `.csv`, `.excel.csv`, `datapackage.json`, `README.md`, "
                "`chart.png`, `CHANGELOG.md`, `changes/`) and switches `DATASETS_DIR/latest`, "
                "which the contract's paths go through, to it in one step; a killed or failed "
                "build leaves the previous release. Same files as the current release: no "
                "new release.",
)
def published_datasets(context: dg.AssetExecutionContext, config: PublishConfig,
                       settings: PipelineSettings, documents: object, officials: object,
                       plants: object, investments: object, rejected_documents: object,
                       quarantined_rows: object, plant_registry: object,
                       plant_status_history: object, people: object,
                       links: object) -> Iterator[object]:
    """Each table comes as a stored table (a frame from a storage older than stored
    tables): read a block or a few columns at a time, never whole."""
    s = settings.resolved()
    out = s.datasets_dir
    note = recover(out)
    if note:
        context.log.warning(note)
    frames = {"documents": documents, "officials": officials, "plants": plants,
              "investments": investments, "rejected_documents": rejected_documents,
              "quarantined_rows": quarantined_rows, "plant_registry": plant_registry,
              "plant_status_history": plant_status_history, "people": people,
              "links": links}
    digest = inputs_digest(list(_columns(documents, ["sha256"])["sha256"]))
    # matplotlib keeps its font cache under MPLCONFIGDIR (default: the user's home): a build
    # writes only to DATASETS_DIR, DAGSTER_HOME and the cache folder
    os.environ.setdefault("MPLCONFIGDIR", str(s.cache_dir / "matplotlib"))
    # kept under the cache by a digest of what it shows: drawn only when that changed
    chart, drawn = cached_chart(
        _columns(plants, ["status"]),
        _columns(investments, ["currency", "part_of_investment_id", "region",
                               "period_start_year", "amount"]),
        s.cache_dir / "chart", os.environ)
    context.log.debug(f"chart {'drawn' if drawn else 'unchanged: read from the cache'}")
    # the rendered tables wait on disk, read one at a time (a build writes only to
    # DATASETS_DIR, DAGSTER_HOME and the cache folder)
    spool = s.cache_dir / "publish-spool" / str(os.getpid())
    shutil.rmtree(spool, ignore_errors=True)
    rendered = table_files(frames, spool=spool)

    def render(release: str) -> MutableMapping[str, bytes]:
        extra = {"README.md": datasets_readme(frames, digest, release).encode("utf-8"),
                 "chart.png": chart}
        return render_files(frames, digest, extra=extra, release=release, rendered=rendered)

    verdicts: list[dg.AssetCheckResult] = []

    def approve(changes: dict, previous_rows: dict) -> bool:
        verdicts.append(removals_result(changes, previous_rows, s.max_removed_share,
                                        config.allow_removals))
        return verdicts[-1].passed

    try:
        outcome = publish_release(list(frames), render, out, inputs_digest=digest,
                                  code_version=CODE_VERSION, keep=s.keep_releases,
                                  approve=approve)
    finally:
        shutil.rmtree(spool, ignore_errors=True)
    removals = verdicts[-1] if verdicts else removals_result(
        {}, {}, s.max_removed_share, config.allow_removals)
    if outcome.reason == "blocked":
        yield removals
        raise dg.Failure(
            description=f"not switched to the new release: it removes more than "
                        f"{s.max_removed_share:.0%} of a table's rows (allow_removals to "
                        f"publish it anyway); {outcome.previous} stays current",
            metadata={"changes": dg.MetadataValue.json(outcome.changes)})
    context.log.info(f"release {outcome.version}: {outcome.reason} ({outcome.mode} layout)"
                     + (f"; deleted old releases {', '.join(outcome.deleted)}"
                        if outcome.deleted else ""))
    yield dg.Output(None, metadata=release_metadata(outcome, out, chart, digest))
    yield removals
    yield datapackage_result(out, s.cache_dir, full=config.full_validation)


def release_metadata(outcome: Outcome, out: Path, chart: bytes, digest: str
                     ) -> dict[str, object]:
    """What the asset page shows of a publish: the release, its folder, what changed."""
    folder = outcome.folder or out
    names = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name != SUMMARY)
    sizes = {n: (out / n).stat().st_size for n in names if (out / n).exists()}
    return {
        "release": outcome.version or "",
        "new_release": outcome.published,
        "previous_release": outcome.previous or "",
        "release_folder": dg.MetadataValue.path(str(folder)),
        "changes": dg.MetadataValue.json(outcome.changes),
        "changelog": dg.MetadataValue.md(outcome.changelog or "_no change: no new release_"),
        "chart": dg.MetadataValue.md(markdown_image(chart, "investments by region and year; "
                                                           "plants by status")),
        "datasets_dir": dg.MetadataValue.path(str(out)),
        "files": dg.MetadataValue.md(files_table(out, sizes)),
        "total_bytes": sum(sizes.values()),
        "rows": dg.MetadataValue.json(outcome.rows),
        "readme": dg.MetadataValue.path(str(out / "README.md")),
        "inputs_sha256": digest,
    }


def files_table(out: Path, sizes: dict[str, int]) -> str:
    """Markdown list of the published paths: full path and size, as the asset page shows it."""
    rows = [f"| `{out / n}` | {size:,} |" for n, size in sizes.items()]
    return "| file | bytes |\n| --- | ---: |\n" + "\n".join(rows)


class NoneIOManager(dg.IOManager):
    """The publish asset's output is the files it wrote, not a stored object."""

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        return None

    def load_input(self, context: dg.InputContext) -> None:
        return None


ASSETS = [raw_documents, parsed_entities, tables_assets, published_datasets]
