"""Asset checks: integrity (blocking) and data quality (warnings where data may be sparse)."""


import json

import dagster as dg
import pandas as pd

from pipeline import config
from pipeline.schema_export import primary_key

ERROR = dg.AssetCheckSeverity.ERROR
WARN = dg.AssetCheckSeverity.WARN


def _unique_check(table: str) -> dg.AssetChecksDefinition:
    key = primary_key(table) or []

    @dg.asset_check(asset=table, name=f"{table}_ids_unique", blocking=True,
                    description=f"Rows are unique by {', '.join(key)}.")
    def _check(df: pd.DataFrame) -> dg.AssetCheckResult:
        dup = df[df.duplicated(subset=key, keep=False)] if key and not df.empty else df.head(0)
        return dg.AssetCheckResult(
            passed=dup.empty, severity=ERROR,
            metadata={"duplicates": len(dup), "key": ", ".join(key),
                      "examples": dg.MetadataValue.json(
                          dup[key].head(5).astype(str).to_dict("records"))})

    return _check


def _doc_ids_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=table, name=f"{table}_doc_ids_known", blocking=True,
                    additional_ins={"documents": dg.AssetIn("documents")},
                    description="Every doc_id is present in the documents table.")
    def _check(df: pd.DataFrame, documents: pd.DataFrame) -> dg.AssetCheckResult:
        missing = sorted(set(df["doc_id"]) - set(documents["doc_id"])) if not df.empty else []
        return dg.AssetCheckResult(passed=not missing, severity=ERROR,
                                   metadata={"missing": len(missing),
                                             "examples": dg.MetadataValue.json(missing[:10])})

    return _check


def _offsets_check(table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=table, name=f"{table}_offsets_inside_text", blocking=True,
                    additional_ins={"documents": dg.AssetIn("documents")},
                    description="start/end offsets lie inside the document's text.")
    def _check(df: pd.DataFrame, documents: pd.DataFrame) -> dg.AssetCheckResult:
        if df.empty:
            return dg.AssetCheckResult(passed=True, metadata={"bad": 0})
        n = documents.set_index("doc_id")["n_chars"]
        bad = df[(df["end"] > df["doc_id"].map(n)) | (df["start"] >= df["end"])]
        return dg.AssetCheckResult(passed=bad.empty, severity=ERROR,
                                   metadata={"bad": len(bad)})

    return _check


@dg.asset_check(asset="investments", name="investments_plant_ids_known", blocking=True,
                additional_ins={"plants": dg.AssetIn("plants")},
                description="Every non-null investments.plant_id is present in plants.")
def investments_plant_ids_known(investments: pd.DataFrame, plants: pd.DataFrame
                                ) -> dg.AssetCheckResult:
    ids = set(investments["plant_id"].dropna()) if not investments.empty else set()
    missing = sorted(ids - set(plants["plant_id"]))
    return dg.AssetCheckResult(passed=not missing, severity=ERROR,
                               metadata={"missing": dg.MetadataValue.json(missing[:10])})


@dg.asset_check(asset="published_datasets", name="datapackage_valid",
                description="datapackage.json and every CSV validate with frictionless.")
def datapackage_valid() -> dg.AssetCheckResult:
    from pipeline.publish import verify
    from pipeline.validation import validate_package

    out = config.datasets_dir()
    report = validate_package(out / "datapackage.json")
    problems = verify(out)  # every file is the one datapackage.json lists (one build's set)
    return dg.AssetCheckResult(
        passed=report["valid"] and not problems, severity=ERROR,
        metadata={"errors": dg.MetadataValue.json(report["errors"][:20]),
                  "set_problems": dg.MetadataValue.json(problems[:20]),
                  "tasks": len(report["tasks"])})


def _share_check(table: str, column: str, minimum: float, what: str
                 ) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=table, name=f"{table}_share_with_{column}",
                    description=f"Share of {table} rows with {what} (warning below "
                                f"{minimum:.0%}: news can legitimately omit it).")
    def _check(df: pd.DataFrame) -> dg.AssetCheckResult:
        share = float(df[column].notna().mean()) if len(df) else 1.0
        return dg.AssetCheckResult(passed=share >= minimum, severity=WARN,
                                   metadata={"share": share, "rows": len(df)})

    return _check


@dg.asset_check(asset="rejected_documents", name="rejected_documents_count",
                description="Documents that could not be read or parsed (warning when any).")
def rejected_documents_count(df: pd.DataFrame) -> dg.AssetCheckResult:
    real = df[df["stage"] != "duplicate"] if not df.empty else df
    return dg.AssetCheckResult(
        passed=real.empty, severity=WARN,
        metadata={"rejected": len(real), "duplicates": len(df) - len(real),
                  "reasons": dg.MetadataValue.json(
                      json.loads(real[["source", "reason"]].head(20).to_json(
                          orient="records", force_ascii=False)) if not real.empty else [])})


FACT_TABLES = ["officials", "plants", "investments"]
CHECKS = [
    *[_unique_check(t) for t in ["documents", *FACT_TABLES]],
    *[_doc_ids_check(t) for t in FACT_TABLES],
    *[_offsets_check(t) for t in FACT_TABLES],
    investments_plant_ids_known,
    datapackage_valid,
    _share_check("plants", "region_code", 0.8, "a region code"),
    _share_check("investments", "investor", 0.7, "an investor"),
    _share_check("officials", "organization", 0.7, "an organization"),
    rejected_documents_count,
]
