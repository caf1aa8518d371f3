"""Asset checks: integrity (blocking) and data quality (warnings where data may be sparse).

The checks run inside the step that builds the tables (and inside the publish step), not
as steps of their own: separate check steps cost a build more step bookkeeping than all
the checks compute. Each check is still its own named check on its asset's page.
Every check is a plain function of the tables, so tests call it without Dagster runs.
"""


import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline.schema_export import primary_key
from pipeline.table_store import StoredTable

ERROR = dg.AssetCheckSeverity.ERROR
WARN = dg.AssetCheckSeverity.WARN

Frames = Mapping[str, pd.DataFrame]
# a check's tables: frames, or stored tables (pipeline.table_store) read for the columns the
# check compares
Tables = Mapping[str, "pd.DataFrame | StoredTable"]


@dataclass(frozen=True)
class TableCheck:
    spec: dg.AssetCheckSpec
    evaluate: Callable[[Frames], dg.AssetCheckResult]
    # table -> the columns the check reads (None: every column); a stored table is read for
    # these only, so a check never holds a whole fact table (issue 20)
    needs: Mapping[str, list[str] | None] = field(default_factory=dict)

    def __call__(self, tables: Tables) -> dg.AssetCheckResult:
        """The result, addressed to this check (the step yields it as is)."""
        r = self.evaluate(_frames(tables, self.needs))
        return dg.AssetCheckResult(passed=r.passed, severity=r.severity, metadata=r.metadata,
                                   asset_key=self.spec.asset_key, check_name=self.spec.name)


def _frames(tables: Tables, needs: Mapping[str, list[str] | None]) -> Frames:
    """The frames a check reads: a frame as it is, a stored table's needed columns."""
    return {name: t.read(needs.get(name)) if isinstance(t, StoredTable) else t
            for name, t in tables.items() if name in needs}


def _spec(table: str, name: str, description: str, *, blocking: bool,
          also: tuple[str, ...] = ()) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(name=name, asset=table, blocking=blocking,
                             description=description, additional_deps=list(also))


def _unique_check(table: str) -> TableCheck:
    key = primary_key(table) or []

    def evaluate(frames: Frames) -> dg.AssetCheckResult:
        df = frames[table]
        dup = df[df.duplicated(subset=key, keep=False)] if key and not df.empty else df.head(0)
        return dg.AssetCheckResult(
            passed=dup.empty, severity=ERROR,
            metadata={"duplicates": len(dup), "key": ", ".join(key),
                      "examples": dg.MetadataValue.json(
                          dup[key].head(5).astype(str).to_dict("records"))})

    return TableCheck(_spec(table, f"{table}_ids_unique",
                            f"Rows are unique by {', '.join(key)}.", blocking=True), evaluate,
                      {table: key or None})


def _doc_ids_check(table: str) -> TableCheck:
    def evaluate(frames: Frames) -> dg.AssetCheckResult:
        df, documents = frames[table], frames["documents"]
        missing = sorted(set(df["doc_id"]) - set(documents["doc_id"])) if not df.empty else []
        return dg.AssetCheckResult(passed=not missing, severity=ERROR,
                                   metadata={"missing": len(missing),
                                             "examples": dg.MetadataValue.json(missing[:10])})

    return TableCheck(_spec(table, f"{table}_doc_ids_known",
                            "Every doc_id is present in the documents table.", blocking=True,
                            also=("documents",)), evaluate,
                      {table: ["doc_id"], "documents": ["doc_id"]})


def _offsets_check(table: str) -> TableCheck:
    def evaluate(frames: Frames) -> dg.AssetCheckResult:
        df, documents = frames[table], frames["documents"]
        if df.empty:
            return dg.AssetCheckResult(passed=True, metadata={"bad": 0})
        n = documents.set_index("doc_id")["n_chars"]
        bad = df[(df["end"] > df["doc_id"].map(n)) | (df["start"] >= df["end"])]
        return dg.AssetCheckResult(passed=bad.empty, severity=ERROR,
                                   metadata={"bad": len(bad)})

    return TableCheck(_spec(table, f"{table}_offsets_inside_text",
                            "start/end offsets lie inside the document's text.", blocking=True,
                            also=("documents",)), evaluate,
                      {table: ["doc_id", "start", "end"], "documents": ["doc_id", "n_chars"]})


def _plant_ids_evaluate(frames: Frames) -> dg.AssetCheckResult:
    investments, plants = frames["investments"], frames["plants"]
    ids = set(investments["plant_id"].dropna()) if not investments.empty else set()
    missing = sorted(ids - set(plants["plant_id"]))
    return dg.AssetCheckResult(passed=not missing, severity=ERROR,
                               metadata={"missing": dg.MetadataValue.json(missing[:10])})


def _share_check(table: str, column: str, minimum: float, what: str) -> TableCheck:
    def evaluate(frames: Frames) -> dg.AssetCheckResult:
        df = frames[table]
        share = float(df[column].notna().mean()) if len(df) else 1.0
        return dg.AssetCheckResult(passed=share >= minimum, severity=WARN,
                                   metadata={"share": share, "rows": len(df)})

    return TableCheck(_spec(table, f"{table}_share_with_{column}",
                            f"Share of {table} rows with {what} (warning below {minimum:.0%}: "
                            "news can legitimately omit it).", blocking=False), evaluate,
                      {table: [column]})


def _rejected_evaluate(frames: Frames) -> dg.AssetCheckResult:
    df = frames["rejected_documents"]
    real = df[df["stage"] != "duplicate"] if not df.empty else df
    return dg.AssetCheckResult(
        passed=real.empty, severity=WARN,
        metadata={"rejected": len(real), "duplicates": len(df) - len(real),
                  "reasons": dg.MetadataValue.json(
                      json.loads(real[["source", "reason"]].head(20).to_json(
                          orient="records", force_ascii=False)) if not real.empty else [])})


def _quarantined_evaluate(frames: Frames) -> dg.AssetCheckResult:
    df = frames["quarantined_rows"]
    docs = sorted(df["doc_id"].dropna().unique()) if not df.empty else []
    by_rule = df["rule"].value_counts().to_dict() if not df.empty else {}
    return dg.AssetCheckResult(
        passed=df.empty, severity=WARN,
        metadata={"documents": len(docs), "rows": len(df),
                  "share_of_documents": len(docs) / max(1, len(frames["documents"])),
                  "by_rule": dg.MetadataValue.json({str(k): int(v) for k, v in by_rule.items()}),
                  "examples": dg.MetadataValue.json([str(d) for d in docs[:20]])})


def _backwards_evaluate(frames: Frames) -> dg.AssetCheckResult:
    from pipeline.registries import backwards_statuses

    history = frames["plant_status_history"]
    bad = backwards_statuses(history) if not history.empty else history
    return dg.AssetCheckResult(
        passed=bad.empty, severity=WARN,
        metadata={"reports": len(bad),
                  "facilities": int(bad["facility_id"].nunique()) if not bad.empty else 0,
                  "examples": dg.MetadataValue.json(
                      bad[["facility_id", "date", "status", "doc_id"]].head(10).astype(str)
                      .to_dict("records") if not bad.empty else [])})


def _history_plants_evaluate(frames: Frames) -> dg.AssetCheckResult:
    history, plants = frames["plant_status_history"], frames["plants"]
    keys = set(zip(plants["plant_id"], plants["doc_id"], strict=True)) \
        if not plants.empty else set()
    missing = [] if history.empty else sorted(
        {k for k in zip(history["plant_id"], history["doc_id"], strict=True)} - keys)
    return dg.AssetCheckResult(passed=not missing, severity=ERROR,
                               metadata={"missing": dg.MetadataValue.json(
                                   [list(m) for m in missing[:10]])})


FACT_TABLES = ["officials", "plants", "investments"]
REGISTRY_TABLES = ["plant_registry", "plant_status_history", "people", "links"]
TABLE_CHECKS: list[TableCheck] = [
    *[_unique_check(t) for t in ["documents", *FACT_TABLES, *REGISTRY_TABLES]],
    *[_doc_ids_check(t) for t in FACT_TABLES],
    *[_offsets_check(t) for t in FACT_TABLES],
    TableCheck(_spec("investments", "investments_plant_ids_known",
                     "Every non-null investments.plant_id is present in plants.",
                     blocking=True, also=("plants",)), _plant_ids_evaluate,
               {"investments": ["plant_id"], "plants": ["plant_id"]}),
    _share_check("plants", "region_code", 0.8, "a region code"),
    _share_check("investments", "investor", 0.7, "an investor"),
    _share_check("officials", "organization", 0.7, "an organization"),
    TableCheck(_spec("plant_status_history", "plant_status_history_mentions_known",
                     "Every (plant_id, doc_id) of the history is a row of plants.",
                     blocking=True, also=("plants",)), _history_plants_evaluate,
               {"plant_status_history": ["plant_id", "doc_id"],
                "plants": ["plant_id", "doc_id"]}),
    TableCheck(_spec("plant_status_history", "plant_status_not_backwards",
                     "Reports whose status goes back in the life cycle after an earlier "
                     "report (e.g. launched after closed): kept, warned about.",
                     blocking=False), _backwards_evaluate,
               {"plant_status_history": ["facility_id", "date", "status", "doc_id"]}),
    TableCheck(_spec("rejected_documents", "rejected_documents_count",
                     "Documents that could not be read or parsed (warning when any).",
                     blocking=False), _rejected_evaluate, {"rejected_documents": None}),
    TableCheck(_spec("quarantined_rows", "quarantined_documents_count",
                     "Documents whose rows broke a row-level rule and were taken out of a "
                     "table (warning when any; the build fails above MAX_QUARANTINE_SHARE).",
                     blocking=False), _quarantined_evaluate,
               {"quarantined_rows": None, "documents": ["doc_id"]}),
]


def run_table_checks(frames: Tables, selected: AbstractSet[dg.AssetCheckKey] | None = None
                     ) -> Iterator[dg.AssetCheckResult]:
    """The result of every selected table check (all when `selected` is None); a failing
    blocking check fails the step after all results are recorded, so publishing does not
    run."""
    for check in TABLE_CHECKS:
        if selected is None or check.spec.key in selected:
            yield check(frames)


DATAPACKAGE_SPEC = dg.AssetCheckSpec(
    name="datapackage_valid", asset="published_datasets",
    description="datapackage.json validates with frictionless, so does every CSV row new "
                "since the last validated build (every row on a full validation), and every "
                "file is the one datapackage.json lists.")


def datapackage_result(out: Path, cache_dir: Path, full: bool = False
                       ) -> dg.AssetCheckResult:
    """Validates what is published in `out` now (the publish step runs it last): the
    descriptor and the rows new since the last validated build (remembered under
    `cache_dir`), or everything when `full` (see pipeline.validation)."""
    from pipeline.publish import locked, verify
    from pipeline.validation import validate_package_incremental

    state = (cache_dir / "frictionless"
             / hashlib.sha256(os.fsencode(out)).hexdigest()[:16])
    # under the publish lock: another build publishing meanwhile would otherwise have its
    # files validated here, or remembered as validated without being so
    with locked(out):
        report = validate_package_incremental(out / "datapackage.json", state, full=full)
        problems = verify(out)  # every file is the one datapackage.json lists
    return dg.AssetCheckResult(
        passed=report["valid"] and not problems, severity=ERROR,
        asset_key=DATAPACKAGE_SPEC.asset_key, check_name=DATAPACKAGE_SPEC.name,
        metadata={"errors": dg.MetadataValue.json(report["errors"][:20]),
                  "set_problems": dg.MetadataValue.json(problems[:20]),
                  "tasks": len(report["tasks"]), "mode": report["mode"],
                  "rows_validated": report["rows_checked"]})


REMOVALS_SPEC = dg.AssetCheckSpec(
    name="published_rows_not_removed", asset="published_datasets", blocking=True,
    description="No table loses more than MAX_REMOVED_SHARE of its rows since the previous "
                "release (that is usually a broken extractor, not news). A failure blocks "
                "the switch to the new release unless the run config sets allow_removals.")


def removals_result(changes: Mapping[str, Mapping[str, int]],
                    previous_rows: Mapping[str, int], max_share: float, allowed: bool
                    ) -> dg.AssetCheckResult:
    """Whether the release may be switched to: the share of each table's previous rows it
    removes is at most `max_share`, or removals are `allowed` for this run."""
    shares = {t: c.get("removed", 0) / previous_rows[t]
              for t, c in changes.items() if previous_rows.get(t)}
    over = {t: round(v, 4) for t, v in shares.items() if v > max_share}
    return dg.AssetCheckResult(
        passed=allowed or not over, severity=ERROR,
        asset_key=REMOVALS_SPEC.asset_key, check_name=REMOVALS_SPEC.name,
        metadata={"max_removed_share": max_share, "allow_removals": allowed,
                  "over_limit": dg.MetadataValue.json(over),
                  "removed_share": dg.MetadataValue.json(
                      {t: round(v, 4) for t, v in sorted(shares.items())})})


CHECK_SPECS = [c.spec for c in TABLE_CHECKS] + [DATAPACKAGE_SPEC, REMOVALS_SPEC]
