"""Tables stored as Parquet files and read a block at a time (pipeline/table_store.py).

A stored build must publish the same bytes as the in-memory build of the same records:
every table's Parquet, CSV and Excel CSV. The documents are the written-corpus articles of
tests/test_table_parts.py (written for the tests), dated in three months and none, one of
them with plant rows quarantined; blocks of 3 rows make every table span several blocks,
so the sort on disk, the regrouping into row groups and the block-wise CSV are exercised.
"""

from __future__ import annotations

import dataclasses
import io

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import publish, table_parts, table_store
from pipeline.runtime import partitions
from pipeline.table_store import StoredTable
from tests import test_table_parts as parts_tests
from tests.test_table_parts import BROKEN, _documents, _frame

# the parse cache, and the BROKEN document's plants given a status no schema allows (so
# they are quarantined), as in tests/test_table_parts.py
cache = parts_tests.cache
broken_status = parts_tests.broken_status


@pytest.fixture(params=[3, 65_536], ids=["blocks-of-3", "one-block"])
def row_group(request, monkeypatch) -> int:
    monkeypatch.setattr(table_store, "ROW_GROUP", request.param)
    return request.param


def _both(docs, tmp, cache):
    root = tmp / "parsed"
    partitions.update_partitions(docs, cache, root, version="v", workers=1)
    frames, _ = table_parts.build_tables_by_part(_frame(docs), root, tmp / "parts",
                                                 max_quarantine_share=1.0)
    stored, parts = table_parts.build_stored_tables(_frame(docs), root, tmp / "parts",
                                                    tmp / "stored", max_quarantine_share=1.0)
    return frames, stored, parts


def test_a_stored_build_publishes_the_bytes_of_the_in_memory_build(tmp_path, cache,
                                                                  row_group) -> None:
    frames, stored, _ = _both(_documents(), tmp_path, cache)
    assert list(stored) == list(frames)
    assert all(isinstance(t, StoredTable) for t in stored.values())
    assert {n: len(t) for n, t in stored.items()} == {n: len(f) for n, f in frames.items()}
    assert len(stored["plants"]) > 3 and len(stored["plant_status_history"]) > 3
    assert not stored["quarantined_rows"].empty  # the broken document's plants
    want = publish.table_files(frames)
    got = publish.table_files(stored)
    assert list(got) == list(want)
    for name in want:
        assert got[name] == want[name], name
    # spooled to disk: the same bytes again
    spooled = publish.table_files(stored, spool=tmp_path / "spool")
    for name in want:
        assert spooled[name] == want[name], name


def test_a_stored_table_reads_back_as_the_frame(tmp_path, cache, row_group) -> None:
    frames, stored, _ = _both(_documents(), tmp_path, cache)
    for name in ("officials", "plants", "investments", "plant_status_history"):
        got = stored[name].read()
        want = frames[name].reset_index(drop=True)
        # the same CSV text: the values and their rendering, not pandas' dtypes of nulls
        assert publish.csv_bytes(got) == publish.csv_bytes(want), name
        cols = ["doc_id", "start"] if name != "plant_status_history" else ["doc_id"]
        assert list(stored[name].read(cols).columns) == cols
        blocks = list(stored[name].blocks(rows=2))
        assert sum(map(len, blocks)) == len(want) and all(len(b) <= 2 for b in blocks)


def test_row_groups_do_not_depend_on_how_the_rows_came(tmp_path, cache, row_group) -> None:
    _, stored, _ = _both(_documents(), tmp_path, cache)
    pf = pq.ParquetFile(stored["plants"].path)
    sizes = [pf.metadata.row_group(i).num_rows for i in range(pf.num_row_groups)]
    n = len(stored["plants"])
    assert sizes == [min(row_group, n - i) for i in range(0, n, row_group)]
    # written again from blocks of another size: the same bytes
    df = stored["plants"].read()
    buf = io.BytesIO()
    table_store.write_blocks("plants", [df.iloc[:1], df.iloc[1:5], df.iloc[5:]], buf)
    assert buf.getvalue() == stored["plants"].data()


def test_a_second_stored_build_reads_the_parts_and_gives_the_same_files(tmp_path,
                                                                       cache) -> None:
    docs = _documents()
    _, first, _ = _both(docs, tmp_path, cache)
    data = {n: t.data() for n, t in first.items()}
    _, again, parts = _both(docs, tmp_path, cache)
    assert parts.built == [] and len(parts.kept) == 4
    assert {n: t.data() for n, t in again.items()} == data


def test_a_damaged_part_file_is_rebuilt_not_trusted(tmp_path, cache) -> None:
    docs = _documents()
    _both(docs, tmp_path, cache)
    part = tmp_path / "parts" / "2025-03" / "plants.parquet"
    part.write_bytes(part.read_bytes()[:-10])
    frames, stored, parts = _both(docs, tmp_path, cache)
    assert "2025-03" in parts.built or "2025-03" in parts.kept
    assert stored["plants"].data() == publish.parquet_bytes("plants", frames["plants"])


def test_an_empty_corpus_gives_empty_tables_with_every_column(tmp_path, cache) -> None:
    docs = _documents()[:1]
    docs = [dataclasses.replace(docs[0], text="Погода в пятницу будет ясной.", sha256="1" * 64)]
    frames, stored, _ = _both(docs, tmp_path, cache)
    for name, t in stored.items():
        assert len(t) == len(frames[name])
        assert list(t.read().columns) == list(pq.read_schema(t.path).names)
    assert stored["plants"].empty and stored["plant_status_history"].empty
    assert publish.table_files(stored) == publish.table_files(frames)


def test_the_history_keeps_each_plant_rows_evidence(tmp_path, cache) -> None:
    _, stored, _ = _both(_documents(), tmp_path, cache)
    plants = stored["plants"].read(["plant_id", "doc_id", "evidence"])
    history = stored["plant_status_history"].read()
    joined = history.merge(plants, on=["plant_id", "doc_id"], suffixes=("", "_plant"))
    assert len(joined) == len(history) == len(plants)
    assert (joined["evidence"] == joined["evidence_plant"]).all()
    assert BROKEN not in set(history["doc_id"])


def test_a_frame_and_a_stored_table_mix_in_one_publish(tmp_path, cache) -> None:
    frames, stored, _ = _both(_documents(), tmp_path, cache)
    mixed = {n: (stored[n] if i % 2 else frames[n]) for i, n in enumerate(frames)}
    assert publish.table_files(mixed) == publish.table_files(frames)
    assert isinstance(pd.concat([t.read() for t in [stored["links"]]]), pd.DataFrame)
