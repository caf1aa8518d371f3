"""What the evaluation assets share: their decoration, the skip rule and number metadata."""

from collections.abc import Callable, Mapping
from pathlib import Path

import dagster as dg

from pipeline.dagster_defs.assets import OWNER
from pipeline.extract.document import EXTRACTOR_VERSION
from pipeline.versioning import source_version


def evaluation_asset(*, source: str, description: str) -> Callable:
    """Group `evaluation`, outside the build job; stale when the rules or the scorer change."""
    return dg.asset(
        group_name="evaluation", io_manager_key="none_io_manager", description=description,
        kinds={"python"}, owners=[OWNER],
        code_version=source_version(source, base=EXTRACTOR_VERSION),
    )


def skip_if_missing(context: dg.AssetExecutionContext, folder: Path, env: str
                    ) -> dg.MaterializeResult | None:
    """`--select '*'` on a machine without the gold data must still build the datasets."""
    if folder.is_dir():
        return None
    context.log.warning(f"{folder} not found: evaluation skipped (set {env})")
    return dg.MaterializeResult(metadata={"skipped": f"folder not found: {folder}"})


def number_metadata(metrics: Mapping[str, float | int]) -> dict[str, dg.MetadataValue]:
    return {k: dg.MetadataValue.float(float(v)) if isinstance(v, float)
            else dg.MetadataValue.int(int(v)) for k, v in metrics.items()}
