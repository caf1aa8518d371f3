"""The development-corpus evaluation as a Dagster asset, outside the daily build.

Why an asset: the precision, recall and F1 of the plants and investments rules show in the
UI next to the datasets they describe, with the misses and false positives one click away,
and each materialization keeps its numbers so a change of rules can be compared over time.
The corpus folder is `CORPUS_DIR` (default `tests/fixtures/corpus`).
"""

import os
from pathlib import Path

import dagster as dg

from pipeline.dagster_defs.eval_common import evaluation_asset, number_metadata, skip_if_missing
from pipeline.dagster_defs.resources import PipelineSettings
from pipeline.evaluation.corpus import (
    DEFAULT_DIR,
    REAL_DIR,
    REAL_PARTS,
    TARGET_F1,
    evaluate,
    real_parts,
    render_markdown,
    render_side_by_side,
)

REPO_ROOT = Path(__file__).resolve().parents[2]


def corpus_dir() -> Path:
    p = Path(os.environ.get("CORPUS_DIR") or DEFAULT_DIR)
    return p if p.is_absolute() else (REPO_ROOT / p).resolve()


def real_news_dir() -> Path:
    p = Path(os.environ.get("REAL_NEWS_DIR") or REAL_DIR)
    return p if p.is_absolute() else (REPO_ROOT / p).resolve()


def _table(rows: list[dict], limit: int = 50) -> str:
    if not rows:
        return "none"
    keys = [k for k in rows[0] if k != "evidence"]
    lines = ["| " + " | ".join(keys) + " |", "|" + " --- |" * len(keys)]
    for r in rows[:limit]:
        lines.append("| " + " | ".join("" if r.get(k) is None else str(r.get(k)).replace("|", "/")
                                       for k in keys) + " |")
    if len(rows) > limit:
        lines.append(f"\n... and {len(rows) - limit} more")
    return "\n".join(lines)


@evaluation_asset(
    source="evaluation/corpus.py",
    description="Precision, recall and F1 of the plants, investments and officials tables "
                "on the development corpus (CORPUS_DIR, articles with gold JSONs); misses "
                "and false positives in the metadata. Not part of the daily build.",
)
def corpus_evaluation(context: dg.AssetExecutionContext, settings: PipelineSettings
                      ) -> dg.MaterializeResult:
    folder = corpus_dir()
    if (skipped := skip_if_missing(context, folder, "CORPUS_DIR", "*.gold.json")) is not None:
        return skipped
    workers = settings.resolved().workers  # the parse runs its pool as the build does
    report = evaluate(folder, workers)
    md: dict[str, dg.MetadataValue] = {
        "corpus_dir": dg.MetadataValue.path(str(folder)),
        "report": dg.MetadataValue.md(render_markdown(report)),
    }
    md.update(number_metadata(report.metadata()))
    # the real-news corpus, its dev and frozen test parts side by side with the written one
    real = real_news_dir()
    if real.is_dir() and next(real.glob("*.gold.json"), None) is not None:
        parts = {"written": report, **real_parts(real, workers)}
        md["side_by_side"] = dg.MetadataValue.md(render_side_by_side(parts))
        for name, prefix in REAL_PARTS.items():
            if name in parts:
                md.update(number_metadata({prefix + k: v for k, v in
                                           parts[name].metadata().items()}))
    for name, score in report.scores.items():
        md[f"{name}_misses"] = dg.MetadataValue.md(_table(score.misses))
        md[f"{name}_false_positives"] = dg.MetadataValue.md(_table(score.false_positives))
    below = [f"{t} F1 {report.scores[t].f1:.3f} < {target}"
             for t, target in TARGET_F1.items() if report.scores[t].f1 < target]
    if below:
        context.log.warning("below target: " + "; ".join(below))
    return dg.MaterializeResult(metadata=md)


evaluate_corpus_job = dg.define_asset_job(
    name="evaluate_corpus",
    selection=dg.AssetSelection.assets(corpus_evaluation),
    description="Score the extraction rules on the development corpus (CORPUS_DIR).",
)

ASSETS: list[dg.AssetsDefinition] = [corpus_evaluation]
JOBS: list = [evaluate_corpus_job]
