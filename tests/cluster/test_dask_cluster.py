"""The parse step on a Dask cluster (pipeline/dagster_defs/scale.py, dagster-dask).

These tests run in the cluster environment (.venv-cluster, `make cluster-venv`): the build's
environment has no dask. `tests/test_scale.py` runs them there as part of the main suite.

The test starts a local Dask cluster (2 worker processes, scheduler on 127.0.0.1), runs the
`parse_to_cache` job with the dask executor pointed at it, and checks that every document
was cached and that the cached parse equals a local one.
"""

from __future__ import annotations

import dagster as dg
import pytest

from pipeline.dagster_defs import scale
from pipeline.ingest.files import read_corpus
from pipeline.runtime.batch import ParseCache, parse_documents

distributed = pytest.importorskip("distributed", reason="runs in .venv-cluster")

# Texts written for the tests.
TEXTS = {
    "a1": "Губернатор Калужской области Владислав Шапша открыл завод по выпуску кирпича.",
    "a2": "В Липецке компания «Север» вложит 2 млрд рублей в новый цех.",
    "a3": "Министр промышленности Тульской области Иван Петров посетил комбинат.",
    "a4": "В Перми запустили линию по производству труб стоимостью 500 млн рублей.",
    "a5": "Глава Мордовии Артём Здунов сообщил о строительстве фабрики.",
}


def test_bucket_is_stable_and_in_range() -> None:
    assert scale.bucket_of("doc-1", 8) == scale.bucket_of("doc-1", 8)
    assert {scale.bucket_of(f"d{i}", 4) for i in range(100)} == {0, 1, 2, 3}


def test_parse_on_local_dask_cluster(tmp_path) -> None:
    seeds, cache_dir = tmp_path / "seeds", tmp_path / "cache"
    seeds.mkdir()
    for name, text in TEXTS.items():
        (seeds / f"{name}.txt").write_text(f"date 2025-04-0{name[1]}\n{text}\n", "utf-8")
    docs = read_corpus(seeds).documents
    assert len(docs) == len(TEXTS)
    (tmp_path / "dagster_home").mkdir()

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=":0") as cluster, \
            dg.instance_for_test(temp_dir=str(tmp_path / "dagster_home")) as instance:
        run_config = {
            "execution": {"config": {"cluster": {"existing": {
                "address": cluster.scheduler_address}}}},
            "resources": {"parse_target": {"config": {
                "seeds_dir": str(seeds), "cache_dir": str(cache_dir)}}},
        }
        with dg.execute_job(dg.reconstructable(_job), instance=instance,
                            run_config=run_config) as result:
            assert result.success
            steps = {e.step_key for e in instance.all_logs(result.run_id)
                     if e.is_dagster_event and e.dagster_event.is_step_success}
            # the documents were split over several tasks
            assert {s for s in steps if s.startswith("parse_bucket_")} == {
                "parse_bucket_0", "parse_bucket_1", "parse_bucket_2"}
            assert "summarize_parse" in steps

    cache = ParseCache(cache_dir)
    assert all(d in cache for d in docs)
    local = parse_documents(docs, workers=1)
    from_cache = parse_documents(docs, workers=1, cache=cache)
    assert (from_cache.parsed, from_cache.from_cache) == (0, len(docs))
    assert from_cache.records == local.records
    assert local.records  # the comparison is not vacuous


def _job() -> dg.JobDefinition:
    """A 3-bucket variant of the job (reconstructable: the Dask workers import it)."""
    return scale.make_parse_job(3, name="parse_to_cache_test")


def test_cluster_location_holds_the_dask_job() -> None:
    """The cluster location loads (in this environment, with dagster-dask) and holds
    parse_to_cache on the dask executor."""
    from pipeline import cluster

    dg.Definitions.validate_loadable(cluster.defs)
    job = cluster.defs.resolve_job_def("parse_to_cache")
    assert job.executor_def.name == "dask"
    assert {n.name for n in job.graph.nodes} == {
        *(f"parse_bucket_{i}" for i in range(16)), "summarize_parse"}
