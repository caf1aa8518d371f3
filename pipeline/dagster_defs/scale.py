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
"""

import hashlib
from pathlib import Path

import dagster as dg
from dagster_dask import dask_executor

from pipeline import config
from pipeline.ingest.files import read_corpus
from pipeline.runtime.batch import ParseCache, parse_documents


def bucket_of(doc_id: str, buckets: int) -> int:
    """Stable across processes and machines (unlike `hash()`)."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:12], 16) % buckets


class ParseTarget(dg.ConfigurableResource):
    """Where the corpus and the parse cache are (shared storage on a real cluster)."""

    seeds_dir: str = ""  # default: SEEDS_DIR
    cache_dir: str = ""  # default: PIPELINE_CACHE_DIR

    def seeds(self) -> Path:
        return config.resolve({"seeds_dir": self.seeds_dir}).seeds_dir

    def cache(self) -> ParseCache:
        return ParseCache(config.resolve({"cache_dir": self.cache_dir}).cache_dir)


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


JOBS: list = [parse_to_cache]
