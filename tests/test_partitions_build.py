"""The month files through the build job (`parsed_entities` in Dagster): what a user's
build leaves in storage, and an incremental build that rewrites one month and publishes
what a build from scratch publishes. The articles are written for the tests."""

from __future__ import annotations

import os

import pytest

from pipeline.runtime import partitions
from tests.test_e2e import read_package, run_build, write_seeds

ARTICLES = {
    "march": "date 2025-03-04\nВ Тульской области открыли завод стальных труб. Инвестиции "
             "составили 2 млрд рублей.",
    "march2": "date 2025-03-20\nВ Калужской области начали строительство завода шин.",
    "april": "date 2025-04-02\nГубернатор Тульской области Дмитрий Миляев открыл цех.",
    "nodate": "В Липецкой области запустили фабрику мебели.",
}


@pytest.mark.slow
def test_an_incremental_build_rewrites_one_month_and_publishes_a_full_builds_tables(
        tmp_path) -> None:
    seeds = tmp_path / "seeds"
    write_seeds(seeds, ARTICLES)
    home, cache, out = tmp_path / "home", tmp_path / "cache", tmp_path / "out"
    storage = home / "storage" / "parquet"
    storage.mkdir(parents=True)
    (storage / "parsed_entities.parquet").write_bytes(b"an earlier version's single file")
    first = run_build(seeds, out, home, cache)
    assert first.success, first.error
    root = storage / "parsed_entities"
    months = sorted(p.stem for p in root.glob("*.parquet"))
    assert months == ["2025-03", "2025-04", "2026-01", "undated"]  # 2026-01: the seed
    assert not (storage / "parsed_entities.parquet").exists()
    meta = first.materialized["parsed_entities"]
    assert meta["partitions"] == 4 and meta["partitions_written"] == months

    for p in root.glob("*.parquet"):
        os.utime(p, ns=(10**18, 10**18))
    (seeds / "april.txt").write_text(
        "date 2025-04-02\nГубернатор Тульской области Дмитрий Миляев открыл новый цех "
        "завода стальных труб.", "utf-8")
    (seeds / "march2.txt").unlink()
    second = run_build(seeds, out, home, cache)
    assert second.success, second.error
    assert second.materialized["parsed_entities"]["partitions_written"] == ["2025-03",
                                                                           "2025-04"]
    untouched = {p.stem for p in root.glob("*.parquet") if p.stat().st_mtime_ns == 10**18}
    assert untouched == {"2026-01", "undated"}
    assert set(partitions.read_records(root)["doc_id"]) >= {"march", "april", "nodate"}
    # the fact tables too: the changed months' parts are rebuilt, the others read back
    assert first.materialized["plants"]["months_rebuilt"] == months
    assert second.materialized["plants"]["months_rebuilt"] == ["2025-03", "2025-04"]
    assert second.materialized["officials"]["months_unchanged"] == 2
    assert sorted(p.name for p in (storage / "fact_parts").iterdir()) == months

    fresh = run_build(seeds, tmp_path / "out2", tmp_path / "home2", tmp_path / "cache2")
    assert fresh.success, fresh.error
    a, b = read_package(out), read_package(tmp_path / "out2")
    for table in ("documents", "officials", "plants", "investments"):
        assert a[table].equals(b[table]), table
