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


# --- parse_cache: one Dagster partition a publication month --------------------------------

# Texts written for the tests: two months and an undated article.
MONTH_TEXTS = {
    "m1": ("2025-03-04", "В Твери компания «Вектор» открыла цех по выпуску мебели."),
    "m2": ("2025-04-02", "В Омске завод «Полимер» запустил линию по выпуску плёнки."),
    "m3": ("2025-04-20", "Губернатор Омской области Виталий Хоценко посетил завод."),
    "m4": (None, "Компания «Север» построит фабрику в Вологде."),
}


def _write_month_seeds(seeds) -> None:
    seeds.mkdir(exist_ok=True)
    for name, (day, text) in MONTH_TEXTS.items():
        header = f"date {day}\n" if day else ""
        (seeds / f"{name}.txt").write_text(f"{header}{text}\n", "utf-8")


def test_parse_cache_partitions_run_on_local_dask_cluster(tmp_path) -> None:
    """parse_cache on a local Dask cluster: a run of one month, then a single-run backfill
    of a range (what the UI's backfill launches): the requested months' documents are
    cached, the others are not, each partition is recorded as materialized, and a month
    already in the cache is not sent to the cluster again."""
    seeds, cache_dir = tmp_path / "seeds", tmp_path / "cache"
    _write_month_seeds(seeds)
    docs = {d.doc_id: d for d in read_corpus(seeds).documents}
    cache = ParseCache(cache_dir)
    (tmp_path / "dagster_home").mkdir()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=":0") as cluster, \
            dg.instance_for_test(temp_dir=str(tmp_path / "dagster_home")) as instance:
        instance.add_dynamic_partitions("publication_months", ["2025-03", "2025-04", "undated"])
        run_config = {"resources": {
            "parse_target": {"config": {"seeds_dir": str(seeds), "cache_dir": str(cache_dir)}},
            "dask_cluster": {"config": {"address": cluster.scheduler_address}}}}

        def run(tags: dict[str, str]) -> dict:
            with dg.execute_job(dg.reconstructable(_months_job), instance=instance,
                                run_config=run_config, tags=tags) as result:
                assert result.success
                return {m.partition: m.metadata
                        for m in result.asset_materializations_for_node("parse_cache")}

        one = run({"dagster/partition": "2025-04"})
        assert list(one) == ["2025-04"]
        assert one["2025-04"]["parsed"].value == 2
        assert {i for i, d in docs.items() if d in cache} == {"m2", "m3"}

        # a backfill of 2025-04 ... undated in one run: 2025-04 is already cached
        both = run({"dagster/asset_partition_range_start": "2025-04",
                    "dagster/asset_partition_range_end": "undated"})
        assert sorted(both) == ["2025-04", "undated"]
        assert both["undated"]["parsed"].value == 1
        assert both["undated"]["months"].value["2025-04"] == {
            "documents": 2, "parsed": 0, "from_cache": 2, "failures": 0}
        done = instance.get_materialized_partitions(dg.AssetKey("parse_cache"))
        assert done == {"2025-04", "undated"}

    assert {i for i, d in docs.items() if d in cache} == {"m2", "m3", "m4"}
    local = parse_documents([docs["m4"]], workers=1)
    assert cache.get(docs["m4"]) == local.records


def _months_job() -> dg.JobDefinition:
    """The location's month job (reconstructable by reference in the test's process)."""
    from pipeline import cluster

    return cluster.defs.resolve_job_def("parse_months")


def test_months_sensor_registers_months_then_requests_the_changed_ones(tmp_path) -> None:
    """First tick: every month becomes a partition, nothing is parsed. Later ticks: the
    months of added or changed files are requested, a new month is registered first; no
    change, no request."""
    seeds = tmp_path / "seeds"
    _write_month_seeds(seeds)
    target = scale.ParseTarget(seeds_dir=str(seeds), cache_dir=str(tmp_path / "cache"))
    with dg.instance_for_test() as instance:
        def tick(cursor: str | None) -> dg.SensorResult:
            ctx = dg.build_sensor_context(instance=instance, cursor=cursor,
                                          resources={"parse_target": target})
            result = scale.seeds_months_sensor(ctx)
            for req in result.dynamic_partitions_requests or []:
                instance.add_dynamic_partitions(req.partitions_def_name,
                                                list(req.partition_keys))
            return result

        first = tick(None)
        assert not first.run_requests
        assert sorted(instance.get_dynamic_partitions("publication_months")) == [
            "2025-03", "2025-04", "undated"]

        idle = tick(first.cursor)
        assert not idle.run_requests and idle.skip_reason

        (seeds / "m1.txt").write_text(
            "date 2025-03-04\nВ Твери компания «Вектор» открыла второй цех по выпуску мебели.\n",
            "utf-8")
        (seeds / "m5.txt").write_text(
            "date 2025-05-12\nВ Курске построят завод по выпуску кирпича.\n", "utf-8")
        changed = tick(idle.cursor)
        assert sorted(r.partition_key for r in changed.run_requests) == ["2025-03", "2025-05"]
        assert "2025-05" in instance.get_dynamic_partitions("publication_months")
        assert tick(changed.cursor).run_requests == []


def test_months_schedule_requests_the_months_news_still_arrives_in() -> None:
    from datetime import datetime

    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("publication_months", ["2025-04", "2025-05", "undated"])
        ctx = dg.build_schedule_context(instance=instance,
                                        scheduled_execution_time=datetime(2025, 5, 1, 4, 30))
        assert [r.partition_key for r in scale.parse_months_daily(ctx)] == [
            "2025-04", "2025-05"]
        ctx = dg.build_schedule_context(instance=instance,
                                        scheduled_execution_time=datetime(2025, 5, 20, 4, 30))
        assert [r.partition_key for r in scale.parse_months_daily(ctx)] == ["2025-05"]


def test_cluster_location_holds_the_partitioned_parse() -> None:
    from pipeline import cluster

    job = cluster.defs.resolve_job_def("parse_months")
    # the documents go to Dask through the dask_cluster resource (scale.DaskCluster says why)
    assert job.executor_def.name == "in_process"
    assert "dask_cluster" in job.resource_defs
    assert isinstance(job.partitions_def, dg.DynamicPartitionsDefinition)
    assert job.partitions_def.name == "publication_months"
    assert {s.name for s in cluster.defs.sensors} == {"seeds_months_sensor"}
    assert {s.name for s in cluster.defs.schedules} == {"parse_months_daily"}


def test_register_months_job_adds_the_corpus_months(tmp_path) -> None:
    """What a CLI user runs before `dagster asset materialize --partition-range`."""
    from pipeline import cluster

    seeds = tmp_path / "seeds"
    _write_month_seeds(seeds)
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("publication_months", ["2025-03"])
        result = cluster.defs.resolve_job_def("register_months").execute_in_process(
            instance=instance, run_config={"resources": {"parse_target": {"config": {
                "seeds_dir": str(seeds), "cache_dir": str(tmp_path / "cache")}}}})
        assert result.success
        assert result.output_for_node("publication_months") == ["2025-03", "2025-04", "undated"]
        assert sorted(instance.get_dynamic_partitions("publication_months")) == [
            "2025-03", "2025-04", "undated"]


def test_dask_cluster_resource_takes_dask_s_own_scheduler_setting() -> None:
    """Runs the sensor and the schedule start have no run config: the address comes from
    dask's setting (DASK_SCHEDULER_ADDRESS), as any dask client's would."""
    import dask

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=":0") as cluster, \
            dask.config.set({"scheduler-address": cluster.scheduler_address}), \
            scale.DaskCluster().client() as client:
        assert client.scheduler.address == cluster.scheduler_address
