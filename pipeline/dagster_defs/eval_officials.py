"""The factRuEval-2016 officials evaluation as a Dagster asset, outside the daily build.

Why an asset: the officials table's precision, recall, F1 and organization accuracy on a
public benchmark show in the UI next to the table, each materialization keeps its figures
(so a change of rules can be compared over time), and the misses and false positives are
one click away in the written report. The folder is `FACTRUEVAL_DIR` (default
`../shared/factrueval-2016/devset` relative to the repository root).
"""

import os
from pathlib import Path

import dagster as dg

from pipeline.dagster_defs.assets import OWNER
from pipeline.evaluation.factrueval import (
    DEFAULT_REPORT,
    TARGET_F1,
    TARGET_ORG_ACCURACY,
    evaluate,
    write_report,
)
from pipeline.extract.document import EXTRACTOR_VERSION
from pipeline.versioning import source_version

REPO_ROOT = Path(__file__).resolve().parents[2]


def factrueval_dir() -> Path:
    raw = os.environ.get("FACTRUEVAL_DIR") or "../shared/factrueval-2016/devset"
    p = Path(raw)
    return p if p.is_absolute() else (REPO_ROOT / p).resolve()


@dg.asset(
    group_name="evaluation",
    io_manager_key="none_io_manager",
    description="Officials table scored against the factRuEval-2016 Occupation facts "
                "(FACTRUEVAL_DIR): precision, recall, F1 and organization accuracy; misses "
                "and false positives with their sentences in the report. Not part of the "
                "daily build.",
    kinds={"python"},
    owners=[OWNER],
    code_version=source_version("evaluation/factrueval.py", base=EXTRACTOR_VERSION),
)
def officials_factrueval(context: dg.AssetExecutionContext) -> dg.MaterializeResult:
    folder = factrueval_dir()
    if not folder.is_dir():
        # `--select '*'` on a machine without the benchmark must still build the datasets
        context.log.warning(f"factRuEval folder {folder} not found: evaluation skipped "
                            "(set FACTRUEVAL_DIR)")
        return dg.MaterializeResult(metadata={"skipped": f"folder not found: {folder}"})
    result = evaluate(folder)
    report = write_report(result, Path(os.environ.get("FACTRUEVAL_REPORT") or DEFAULT_REPORT),
                          folder)
    md: dict[str, dg.MetadataValue] = {
        "factrueval_dir": dg.MetadataValue.path(str(folder)),
        "report_path": dg.MetadataValue.path(str(report)),
    }
    for key, value in result.metrics().items():
        md[key] = dg.MetadataValue.float(float(value)) if isinstance(value, float) \
            else dg.MetadataValue.int(int(value))
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
