"""The code location: assets, checks, the build job, its daily schedule and the seeds sensor."""


import atexit
import gc
import hashlib
import json

import dagster as dg

from pipeline.dagster_defs import eval_corpus, eval_officials
from pipeline.dagster_defs.assets import ASSETS, NoneIOManager
from pipeline.dagster_defs.io import ParquetIOManager
from pipeline.dagster_defs.resources import PipelineSettings
from pipeline.ingest.watch import changes, seeds_fingerprint

BUILD_SELECTION = dg.AssetSelection.groups("ingest", "extract", "tables", "publish")

build_datasets_job = dg.define_asset_job(
    name="build_datasets",
    selection=BUILD_SELECTION,
    description="Read SEEDS_DIR, parse, validate and publish every table to DATASETS_DIR.",
    # In-process: a small build is not dominated by process start-up; the parse step
    # spreads documents over its own process pool.
    executor_def=dg.in_process_executor,
)

# builds started by the sensor validate only the CSV rows they changed; once a day every
# row is validated again with frictionless
FULL_VALIDATION = {"ops": {"published_datasets": {"config": {"full_validation": True}}}}

daily_build = dg.ScheduleDefinition(
    name="daily_build", job=build_datasets_job, cron_schedule="0 5 * * *",
    execution_timezone="Europe/Moscow",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    run_config=FULL_VALIDATION,
    description="Rebuild the datasets every morning, validating every published row.",
)


@dg.sensor(job=build_datasets_job, minimum_interval_seconds=60,
           default_status=dg.DefaultSensorStatus.RUNNING,
           description="Requests a build when a file in SEEDS_DIR is added or changed.")
def seeds_changed_sensor(context: dg.SensorEvaluationContext, settings: PipelineSettings
                         ) -> dg.SensorResult:
    current = seeds_fingerprint(settings.seeds)
    previous = json.loads(context.cursor) if context.cursor else None
    cursor = json.dumps(current, sort_keys=True)
    if previous is None or previous == current:
        # first tick only records the state: the daily schedule covers a fresh install
        return dg.SensorResult(skip_reason=None if previous is None else "no change",
                               cursor=cursor)
    changed, removed = changes(previous, current)
    if not changed and not removed:
        return dg.SensorResult(skip_reason="no change", cursor=cursor)
    run_key = hashlib.sha256(cursor.encode()).hexdigest()[:16]
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=run_key, tags={
            "changed_files": ", ".join(changed[:20]), "removed_files": ", ".join(removed[:20])})],
        cursor=cursor)


defs = dg.Definitions(
    # the Dask fan-out job is its own code location: pipeline/cluster.py
    assets=[*ASSETS, *eval_officials.ASSETS, *eval_corpus.ASSETS],
    jobs=[build_datasets_job, *eval_officials.JOBS, *eval_corpus.JOBS],
    schedules=[daily_build],
    sensors=[seeds_changed_sensor],
    # a small build should not pay a process start per step (benchmarks/README.md)
    executor=dg.in_process_executor,
    resources={"io_manager": ParquetIOManager(), "none_io_manager": NoneIOManager(),
               "settings": PipelineSettings()},
)


def _settle_garbage_collector() -> None:
    """Move every object alive now (Python's, Dagster's and these definitions' modules,
    ~300,000 objects, all kept until the process ends) out of the garbage collector's
    reach, and do the same again at exit. Why: each full collection walks every tracked
    object; in a build process those passes (during the run and the final ones at
    interpreter exit) cost an incremental build at 2,000 documents ~1-2 s (session 14:
    the exit after the run took 1.6-5 s under load, now 0.2-0.5 s). Nothing is lost:
    objects frozen here live until the process ends anyway, and at exit no object of ours
    needs a collection to finish its work (files and database connections are closed by
    their `with` blocks; logging flushes in its own exit handler, which still runs)."""
    gc.freeze()
    atexit.register(gc.freeze)


_settle_garbage_collector()
