"""Beyond one machine: the parse step fanned out over a Dask cluster through dagster-dask.

Why a separate job: the NLP is the whole cost of a build and is embarrassingly parallel by
document, while the tables and publish steps are cheap once the parse cache is warm. So
`parse_to_cache` splits the corpus into K buckets by a stable hash of the document id (K
tasks, not one per document, so the UI and the run storage stay small at 10^6 documents),
each Dask worker parses its buckets with the same `ParseCache` the build uses (models
loaded once per worker process), and the ordinary `build_datasets` run that follows reads
every document from the warm cache.

Requirements on a real cluster: SEEDS_DIR (or `seeds_dir`) and PIPELINE_CACHE_DIR (or
`cache_dir`) on storage every worker mounts at the same path, DAGSTER_HOME shared likewise
(run storage and the small op outputs), and this package importable on the workers.
Run config (the executor config selects the cluster):

    execution:
      config:
        cluster:
          existing:
            address: tcp://dask-scheduler:8786
    resources:
      parse_target:
        config:
          seeds_dir: /shared/seeds
          cache_dir: /shared/cache

The number of buckets is fixed when the job is defined (`make_parse_job(buckets)`, 16 by
default): a few per worker keeps every worker busy while the slowest bucket finishes.

`parse_cache` is the same work as Dagster partitions: one partition a publication month
(`YYYY-MM`, `undated` for articles without a date; the months `parsed_entities` stores its
parse by), so a backfill of many months from the UI runs one run a month on the cluster,
and the location's sensor requests just the months whose input files changed. Why here and
not on the build's assets: the contract builds everything with `dagster asset materialize
-m pipeline --select '*'`, which Dagster refuses for a partitioned asset without a
`--partition`; the build keeps its months inside `parsed_entities` and reads every month
this asset parsed from the cache.
"""

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dask import dask_executor

from pipeline import config
from pipeline.ingest.cache import read_corpus_cached
from pipeline.ingest.files import read_corpus
from pipeline.ingest.watch import changes, seeds_fingerprint
from pipeline.runtime.batch import ParseCache, parse_documents, parse_into_cache
from pipeline.runtime.partitions import documents_by_month, due_months
from pipeline.types import RawDocument


def bucket_of(doc_id: str, buckets: int) -> int:
    """Stable across processes and machines (unlike `hash()`)."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:12], 16) % buckets


class ParseTarget(dg.ConfigurableResource):
    """Where the corpus and the parse cache are (shared storage on a real cluster)."""

    seeds_dir: str = ""  # default: SEEDS_DIR
    cache_dir: str = ""  # default: PIPELINE_CACHE_DIR

    def seeds(self) -> Path:
        return config.resolve({"seeds_dir": self.seeds_dir}).seeds_dir

    def cache_root(self) -> Path:
        return config.resolve({"cache_dir": self.cache_dir}).cache_dir

    def cache(self) -> ParseCache:
        return ParseCache(self.cache_root())

    def months(self) -> dict[str, list[RawDocument]]:
        """The corpus's documents by publication month; only new or changed files are read
        again (the build's ingest cache)."""
        return documents_by_month(read_corpus_cached(self.seeds(), self.cache_root()).documents)


def _parse_bucket_op(bucket: int, buckets: int) -> dg.OpDefinition:
    @dg.op(name=f"parse_bucket_{bucket}", out=dg.Out(dict, io_manager_key="scale_io_manager"),
           description=f"Parses the documents whose id hashes to bucket {bucket} of {buckets} "
                       "on one worker and writes them to the parse cache.")
    def parse_bucket(context: dg.OpExecutionContext, parse_target: ParseTarget) -> dict:
        cache = parse_target.cache()
        docs = [d for d in read_corpus(parse_target.seeds()).documents
                if bucket_of(d.doc_id, buckets) == bucket]
        # one process per Dask worker: the worker count is the cluster's parallelism
        result = parse_documents(docs, workers=1, cache=cache)
        for f in result.failures:
            context.log.error(f"could not parse {f.source} ({f.doc_id}): {f.reason}")
        summary = {"documents": len(docs), "parsed": result.parsed,
                   "from_cache": result.from_cache, "failures": len(result.failures)}
        context.add_output_metadata(summary)
        return summary

    return parse_bucket


@dg.op(out=dg.Out(dict, io_manager_key="scale_io_manager"),
       description="Totals of the fan-out, shown on the run page.")
def summarize_parse(context: dg.OpExecutionContext, summaries: list[dict]) -> dict:
    totals = {k: sum(s[k] for s in summaries)
              for k in ("documents", "parsed", "from_cache", "failures")}
    context.log.info(f"parse_to_cache: {totals}")
    context.add_output_metadata(totals)
    return totals


def make_parse_job(buckets: int = 16, name: str = "parse_to_cache") -> dg.JobDefinition:
    """A job of `buckets` parse ops (static: dagster-dask runs a static plan, it does not
    support dynamic outputs) and one op that sums them up."""
    ops = [_parse_bucket_op(b, buckets) for b in range(buckets)]

    @dg.job(
        name=name,
        executor_def=dask_executor,
        resource_defs={"scale_io_manager": dg.FilesystemIOManager(),
                       "parse_target": ParseTarget()},
        description=f"Warms the parse cache on a Dask cluster (dagster-dask): {buckets} hash "
                    "buckets of documents parsed in parallel by the workers. Run "
                    "build_datasets afterwards; it reads every parse from the cache.",
    )
    def parse_job() -> None:
        summarize_parse([op() for op in ops])

    return parse_job


parse_to_cache = make_parse_job()


# --- the same work as Dagster partitions: one a publication month -------------------------

PUBLICATION_MONTHS = dg.DynamicPartitionsDefinition(name="publication_months")
# documents a Dask task parses: small enough to spread a month over the workers, large
# enough that the task overhead (~ms) stays negligible beside the NLP (~30 documents/s)
CHUNK_DOCUMENTS = 200


class DaskCluster(dg.ConfigurableResource):
    """The Dask cluster `parse_cache` sends its documents to.

    Why a resource, not the dask executor: dagster-dask 0.29 cannot submit a partitioned
    run (dask walks the run record, and Dagster's partition subsets refuse iteration:
    "Iteration is not allowed on `@record` KeyRangesPartitionsSubset"); a resource also
    lets one run of many months (a single-run backfill) spread all their documents over
    every worker, where the executor would run that one step on one worker."""

    # tcp://dask-scheduler:8786; empty: dask's own setting (DASK_SCHEDULER_ADDRESS), which
    # the sensor's and schedule's runs use; neither: a local cluster for the run
    address: str = ""
    local_workers: int = 0  # local cluster only; 0: one a core

    @contextmanager
    def client(self) -> Iterator[Any]:
        import dask
        from distributed import Client, LocalCluster

        address = self.address or dask.config.get("scheduler-address", None)
        if address:
            with Client(address) as client:
                yield client
            return
        n = self.local_workers or os.cpu_count() or 1
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=":0") as cluster, \
                Client(cluster) as client:
            yield client


def month_chunks(months: dict[str, list[RawDocument]], keys: Sequence[str], cache: ParseCache,
                 size: int = CHUNK_DOCUMENTS) -> tuple[list[tuple[str, list[RawDocument]]],
                                                       dict[str, int]]:
    """The uncached documents of the months `keys`, in chunks of at most `size` tagged
    with their month, and how many documents each month already has in the cache."""
    chunks: list[tuple[str, list[RawDocument]]] = []
    cached: dict[str, int] = {}
    for pk in keys:
        docs = months.get(pk, [])
        todo = [d for d in docs if d not in cache]
        cached[pk] = len(docs) - len(todo)
        chunks += [(pk, todo[i:i + size]) for i in range(0, len(todo), size)]
    return chunks, cached


@dg.asset(
    partitions_def=PUBLICATION_MONTHS, group_name="cluster", kinds={"python", "dask"},
    backfill_policy=dg.BackfillPolicy.single_run(),
    description="The parse of publication months (`YYYY-MM`, or `undated`) on a Dask "
                "cluster, written to the parse cache; `build_datasets` then reads those "
                "documents from the cache. A backfill of many months from the UI is one run "
                "that spreads all their documents over the workers; the sensor "
                "`seeds_months_sensor` requests the months whose files changed.",
)
def parse_cache(context: dg.AssetExecutionContext, parse_target: ParseTarget,
                dask_cluster: DaskCluster) -> dg.MaterializeResult:
    keys = list(context.partition_keys)
    cache = parse_target.cache()
    chunks, cached = month_chunks(parse_target.months(), keys, cache)
    per_month = {pk: {"documents": cached[pk], "parsed": 0, "from_cache": cached[pk],
                      "failures": 0} for pk in keys}
    if chunks:
        from distributed import as_completed

        with dask_cluster.client() as client:
            futures = {client.submit(parse_into_cache, docs, str(cache.root), pure=False): pk
                       for pk, docs in chunks}
            for future, answer in as_completed(futures, with_results=True):
                month = per_month[futures[future]]
                for k in ("documents", "parsed", "from_cache"):
                    month[k] += answer[k]
                month["failures"] += len(answer["failures"])
                for f in answer["failures"]:
                    context.log.error(f"could not parse {f.source} ({f.doc_id}): {f.reason}")
    totals = {k: sum(m[k] for m in per_month.values())
              for k in ("documents", "parsed", "from_cache", "failures")}
    context.log.info(f"parse_cache {', '.join(keys)}: {totals}")
    return dg.MaterializeResult(metadata={**totals,
                                          "months": dg.MetadataValue.json(per_month)})


parse_months_job = dg.define_asset_job(
    "parse_months", selection=[parse_cache], executor_def=dg.in_process_executor,
    description="Parses the requested publication months into the parse cache on the Dask "
                "cluster (the `dask_cluster` resource).")


@dg.op(description="Adds every publication month of the corpus as a partition of "
                   "parse_cache (what the sensor's first tick does), so a backfill or "
                   "`dagster asset materialize --partition-range` can name them.")
def publication_months(context: dg.OpExecutionContext, parse_target: ParseTarget
                       ) -> list[str]:
    months = sorted(parse_target.months())
    known = set(context.instance.get_dynamic_partitions(PUBLICATION_MONTHS.name))
    new = [pk for pk in months if pk not in known]
    if new:
        context.instance.add_dynamic_partitions(PUBLICATION_MONTHS.name, new)
    context.log.info(f"{len(months)} publication months, {len(new)} new: {', '.join(new)}")
    return months


@dg.job(name="register_months", executor_def=dg.in_process_executor,
        description="Registers the corpus's publication months as partitions of parse_cache.")
def register_months_job() -> None:
    publication_months()


@dg.sensor(job=parse_months_job, minimum_interval_seconds=60,
           default_status=dg.DefaultSensorStatus.STOPPED,
           description="Registers the corpus's publication months as partitions of "
                       "parse_cache and requests the months whose files were added or "
                       "changed. Stopped by default: turn it on where a Dask cluster parses "
                       "(else the build's own sensor and pool parse new articles).")
def seeds_months_sensor(context: dg.SensorEvaluationContext, parse_target: ParseTarget
                        ) -> dg.SensorResult:
    current = seeds_fingerprint(parse_target.seeds())
    previous = json.loads(context.cursor) if context.cursor else None
    cursor = json.dumps(current, sort_keys=True)
    changed, _removed = changes(previous or {}, current)
    if previous is not None and not changed:
        return dg.SensorResult(skip_reason="no added or changed file", cursor=cursor)
    months = parse_target.months()
    known = set(context.instance.get_dynamic_partitions(PUBLICATION_MONTHS.name))
    new = sorted(set(months) - known)
    adds = [PUBLICATION_MONTHS.build_add_request(new)] if new else []
    # the first tick registers the months (a backfill from the UI can then pick them) and
    # requests nothing: parsing the whole corpus is a backfill's decision
    changed_set = set(changed)
    due = [] if previous is None else sorted(
        pk for pk, docs in months.items() if any(d.source in changed_set for d in docs))
    run_key = hashlib.sha256(cursor.encode()).hexdigest()[:16]
    return dg.SensorResult(
        run_requests=[dg.RunRequest(partition_key=pk, run_key=f"{pk}:{run_key}")
                      for pk in due],
        dynamic_partitions_requests=adds, cursor=cursor)


@dg.schedule(job=parse_months_job, cron_schedule="30 4 * * *",
             execution_timezone="Europe/Moscow",
             default_status=dg.DefaultScheduleStatus.STOPPED,
             description="Every morning, before the build's daily run: parses the current "
                         "and the previous publication month (the months news still "
                         "arrives in). Stopped by default, like the sensor.")
def parse_months_daily(context: dg.ScheduleEvaluationContext) -> list[dg.RunRequest]:
    day = context.scheduled_execution_time.date()
    existing = context.instance.get_dynamic_partitions(PUBLICATION_MONTHS.name)
    return [dg.RunRequest(partition_key=pk, run_key=f"{pk}:{day.isoformat()}")
            for pk in due_months(day, existing)]


JOBS: list = [parse_to_cache, parse_months_job, register_months_job]
ASSETS: list = [parse_cache]
SENSORS: list = [seeds_months_sensor]
SCHEDULES: list = [parse_months_daily]
RESOURCES: dict = {"parse_target": ParseTarget(), "dask_cluster": DaskCluster()}
