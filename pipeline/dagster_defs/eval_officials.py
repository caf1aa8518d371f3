"""The factRuEval-2016 officials evaluation as a Dagster asset, outside the daily build.

Why an asset: the officials table's precision, recall, F1 and organization accuracy on a
public benchmark show in the UI next to the table, each materialization keeps its figures
(so a change of rules can be compared over time), and the misses and false positives are
one click away in the written report. The folder is `FACTRUEVAL_DIR` (default
`../shared/factrueval-2016/devset` relative to the repository root).

The benchmark's own scorer runs too (official_precision / official_recall / official_f1,
and the same per cross-validation half): `FACTRU_T3` names factru_t3.py (default
`../shared/tools/factru_t3.py`), `FACTRU_SCORER` the official scripts folder (default
`FACTRUEVAL_DIR/../scripts`). When either is missing the figure is skipped with a note.
"""

import os
from pathlib import Path

import dagster as dg

from pipeline.dagster_defs.eval_common import evaluation_asset, number_metadata, skip_if_missing
from pipeline.dagster_defs.resources import PipelineSettings
from pipeline.evaluation.factrueval import (
    DEFAULT_REPORT,
    TARGET_F1,
    TARGET_ORG_ACCURACY,
    evaluate,
    write_report,
)

REPO_ROOT = Path(__file__).resolve().parents[2]


def factrueval_dir() -> Path:
    raw = os.environ.get("FACTRUEVAL_DIR") or "../shared/factrueval-2016/devset"
    p = Path(raw)
    return p if p.is_absolute() else (REPO_ROOT / p).resolve()


def _env_path(name: str) -> Path | None:
    raw = os.environ.get(name)
    if not raw:
        return None
    p = Path(raw)
    return p if p.is_absolute() else (REPO_ROOT / p).resolve()


@evaluation_asset(
    source="evaluation/factrueval.py",
    description="Officials table scored against the factRuEval-2016 Occupation facts "
                "(FACTRUEVAL_DIR): precision, recall, F1 and organization accuracy, and the "
                "benchmark's own scorer (FACTRU_T3, FACTRU_SCORER) on all documents and on "
                "two fixed halves; misses "
                "and false positives with their sentences in the report. Not part of the "
                "daily build.",
)
def officials_factrueval(context: dg.AssetExecutionContext, settings: PipelineSettings
                         ) -> dg.MaterializeResult:
    folder = factrueval_dir()
    if (skipped := skip_if_missing(context, folder, "FACTRUEVAL_DIR", "book_*.txt")) is not None:
        return skipped
    # the parse runs its pool as the build does: the same workers setting
    result = evaluate(folder, workers=settings.resolved().workers, tool=_env_path("FACTRU_T3"),
                      scorer=_env_path("FACTRU_SCORER"))
    report = write_report(result, Path(os.environ.get("FACTRUEVAL_REPORT") or DEFAULT_REPORT),
                          folder)
    md: dict[str, dg.MetadataValue] = {
        "factrueval_dir": dg.MetadataValue.path(str(folder)),
        "report_path": dg.MetadataValue.path(str(report)),
    }
    md.update(number_metadata(result.metrics()))
    md["official_note"] = dg.MetadataValue.text(result.official_note)
    if not result.official:
        context.log.warning(result.official_note)
    if result.f1 < TARGET_F1 or result.org_accuracy < TARGET_ORG_ACCURACY:
        context.log.warning(f"below target: F1 {result.f1:.3f} (target {TARGET_F1}), "
                            f"organization accuracy {result.org_accuracy:.3f} "
                            f"(target {TARGET_ORG_ACCURACY})")
    return dg.MaterializeResult(metadata=md)


evaluate_officials_job = dg.define_asset_job(
    name="evaluate_officials",
    selection=dg.AssetSelection.assets(officials_factrueval),
    description="Score the officials table on factRuEval-2016 (FACTRUEVAL_DIR).",
)

ASSETS: list[dg.AssetsDefinition] = [officials_factrueval]
JOBS: list = [evaluate_officials_job]
