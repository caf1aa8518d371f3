"""What the evaluation assets share: their decoration, the skip rule and number metadata."""

from collections.abc import Callable, Mapping
from pathlib import Path

import dagster as dg

from pipeline.dagster_defs.assets import OWNER
from pipeline.runtime.document import EXTRACTOR_VERSION
from pipeline.versioning import source_version


def evaluation_asset(*, source: str, description: str) -> Callable:
    """Group `evaluation`, outside the build job; stale when the rules or the scorer change."""
    return dg.asset(
        group_name="evaluation", io_manager_key="none_io_manager", description=description,
        kinds={"python"}, owners=[OWNER],
        code_version=source_version(source, base=EXTRACTOR_VERSION),
    )


def skip_if_missing(context: dg.AssetExecutionContext, folder: Path, env: str,
                    pattern: str = "*") -> dg.MaterializeResult | None:
    """`--select '*'` on a machine without the gold data must still build the datasets:
    a missing folder, or one without any `pattern` file, skips with a warning."""
    if folder.is_dir() and next(folder.glob(pattern), None) is not None:
        return None
    why = f"no {pattern} file in {folder}" if folder.is_dir() else f"folder not found: {folder}"
    context.log.warning(f"{why}: evaluation skipped (set {env})")
    return dg.MaterializeResult(metadata={"skipped": why})


def number_metadata(metrics: Mapping[str, float | int]) -> dict[str, dg.MetadataValue]:
    return {k: dg.MetadataValue.float(float(v)) if isinstance(v, float)
            else dg.MetadataValue.int(int(v)) for k, v in metrics.items()}
