"""The fact tables built a month at a time (pipeline/table_parts.py).

The tables of a build must not depend on which months were rebuilt and which were read
from their part files: every build here is compared with `tables.build_tables` over all
records at once, table by table, quarantine and registries included. The documents are
articles of the written corpus (written for the tests), given publication dates in three
months and none; one of them gets a plant status outside the vocabulary, so its plant rows
are quarantined.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pipeline import table_parts, tables
from pipeline.dagster_defs.assets import documents_from_raw
from pipeline.ingest.files import read_corpus
from pipeline.runtime import batch, partitions
from pipeline.runtime.batch import ParseCache
from pipeline.types import RawDocument

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
MONTHS = [date(2025, 3, 4), date(2025, 3, 20), date(2024, 12, 1), None, date(2025, 7, 9)]
BROKEN = "t8"  # undated; its plants get a status no schema allows


def _documents() -> list[RawDocument]:
    docs = sorted(read_corpus(CORPUS).documents, key=lambda d: d.doc_id)[:10]
    return [dataclasses.replace(d, doc_id=f"t{i}", published=MONTHS[i % len(MONTHS)])
            for i, d in enumerate(docs)]


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> ParseCache:
    return ParseCache(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def broken_status(monkeypatch) -> None:
    real = batch.extract_document

    def extract(doc: RawDocument, **kw: object) -> list[dict]:
        records = real(doc, **kw)
        if doc.doc_id == BROKEN:
            for r in records:
                if r["kind"] == "plant":
                    r["attrs"] = json.dumps({**json.loads(r["attrs"]), "status": "exploded"})
        return records
    monkeypatch.setattr(batch, "extract_document", extract)


def _frame(docs: list[RawDocument]) -> pd.DataFrame:
    return documents_from_raw(pd.DataFrame(
        [{**tables.documents_frame([d]).iloc[0].to_dict(), "status": "ok"} for d in docs]))


def _build(docs, tmp: Path, cache: ParseCache, **kw):
    root = tmp / "parsed"
    partitions.update_partitions(docs, cache, root, version="v", workers=1)
    return table_parts.build_tables_by_part(_frame(docs), root, tmp / "parts",
                                            max_quarantine_share=1.0, **kw)


def _whole(docs, tmp: Path) -> dict[str, pd.DataFrame]:
    records = partitions.read_records(tmp / "parsed", kinds=tables.FACT_KINDS,
                                      columns=tables.FACT_RECORD_COLUMNS)
    return tables.build_tables(_frame(docs), records, max_quarantine_share=1.0)


def _assert_same(got: dict[str, pd.DataFrame], want: dict[str, pd.DataFrame]) -> None:
    assert set(got) == set(want)
    for name in want:
        pd.testing.assert_frame_equal(got[name], want[name], obj=name)


def test_by_month_equals_the_whole_build(tmp_path, cache) -> None:
    docs = _documents()
    frames, parts = _build(docs, tmp_path, cache)
    assert sorted(parts.built) == ["2024-12", "2025-03", "2025-07", "undated"]
    assert not frames["plants"].empty and not frames["officials"].empty
    assert not frames["investments"].empty
    # the broken document's plants are quarantined, its other rows and documents stay
    q = frames["quarantined_rows"]
    assert set(q["doc_id"]) == {BROKEN} and set(q["table"]) == {"plants"}
    assert BROKEN not in set(frames["plants"]["doc_id"])
    _assert_same(frames, _whole(docs, tmp_path))


def test_an_unchanged_build_reads_every_month_from_its_part(tmp_path, cache) -> None:
    docs = _documents()
    _build(docs, tmp_path, cache)
    frames, parts = _build(docs, tmp_path, cache)
    assert parts.built == [] and len(parts.kept) == 4
    _assert_same(frames, _whole(docs, tmp_path))


def _rebuilt_after(tmp_path, cache, docs, after) -> list[str]:
    """Build `docs`, then `after`; the second build must equal the whole-corpus build of
    `after`. The months it rebuilt."""
    _build(docs, tmp_path, cache)
    frames, parts = _build(after, tmp_path, cache)
    _assert_same(frames, _whole(after, tmp_path))
    return parts.built


def test_a_changed_document_rebuilds_its_month_only(tmp_path, cache) -> None:
    docs = _documents()
    # t4 is dated July 2025 (with t9); a paragraph is added to its text
    changed = [dataclasses.replace(d, text=d.text + "\n\nАбзац добавлен для теста.",
                                   sha256="0" * 64) if d.doc_id == "t4" else d
               for d in docs]
    assert _rebuilt_after(tmp_path, cache, docs, changed) == ["2025-07"]


def test_a_month_without_documents_is_removed(tmp_path, cache) -> None:
    docs = _documents()
    left = [d for d in docs if d.published != date(2024, 12, 1)]
    assert _rebuilt_after(tmp_path, cache, docs, left) == []
    assert not (tmp_path / "parts" / "2024-12").exists()


@pytest.mark.parametrize("batch_documents", [1, 3])
def test_months_built_in_several_batches_give_the_same_tables(tmp_path, cache,
                                                             batch_documents) -> None:
    docs = _documents()
    frames, parts = _build(docs, tmp_path, cache, batch_documents=batch_documents)
    assert sorted(parts.built) == ["2024-12", "2025-03", "2025-07", "undated"]
    _assert_same(frames, _whole(docs, tmp_path))


def test_another_tables_code_rebuilds_every_month(tmp_path, cache) -> None:
    docs = _documents()
    _build(docs, tmp_path, cache)
    _, parts = _build(docs, tmp_path, cache, version="other tables code")
    assert len(parts.built) == 4


@pytest.mark.parametrize("damage", ["no part meta", "damaged table file"])
def test_a_part_left_half_written_is_rebuilt(tmp_path, cache, damage) -> None:
    docs = _documents()
    _build(docs, tmp_path, cache)
    folder = tmp_path / "parts" / "2025-03"
    if damage == "no part meta":  # a build killed while writing the part
        (folder / table_parts.PART_META).unlink()
    else:  # a file truncated behind the part's back
        (folder / "plants.parquet").write_bytes(b"PAR1 broken")
    frames, parts = _build(docs, tmp_path, cache)
    assert parts.built == ["2025-03"]
    _assert_same(frames, _whole(docs, tmp_path))


def test_a_part_file_changed_behind_the_parts_back_is_rebuilt(tmp_path, cache) -> None:
    """A readable Parquet file with other rows than the part wrote (its rows were never
    validated) is not read back: the month is built again."""
    docs = _documents()
    frames, _ = _build(docs, tmp_path, cache)
    path = tmp_path / "parts" / "2025-03" / "plants.parquet"
    tampered = pd.read_parquet(path)
    assert not tampered.empty
    tampered["status"] = "exploded"  # outside the vocabulary: the model rejects it
    tampered.to_parquet(path, index=False)
    again, parts = _build(docs, tmp_path, cache)
    assert parts.built == ["2025-03"]
    _assert_same(again, _whole(docs, tmp_path))


def test_the_joined_tables_are_validated_once(tmp_path, cache, monkeypatch) -> None:
    """Built or read back, every table comes out remembered as validated by its model, so
    the asset's Dagster type does not validate it again; an unchanged build validates
    none of the fact tables (their parts were validated when they were built)."""
    from pipeline import validated
    from pipeline.dagster_defs.pandera_types import pandera_type
    from pipeline.schemas import TABLES

    docs = _documents()
    frames, _ = _build(docs, tmp_path, cache)
    for name, df in frames.items():
        assert validated.is_validated(df, TABLES[name]), name
    calls: list[str] = []
    real = validated.validate
    monkeypatch.setattr(validated, "validate",
                        lambda model, df: calls.append(model.__name__) or real(model, df))
    frames, parts = _build(docs, tmp_path, cache)
    assert parts.built == [] and not {"Officials", "Plants", "Investments"} & set(calls)
    for name, df in frames.items():
        result = pandera_type(name).type_check(None, df)
        assert result.success and "by the tables step" in result.description, name


def test_the_fact_models_rules_are_about_one_row_or_one_document() -> None:
    """Why the joined months need no validation of their own: every rule of the fact
    tables' models holds for the whole table when it holds for each document's rows. A rule
    over rows of several documents would have to be checked on the joined table."""
    from pipeline.schemas import TABLES

    row_checks = {"str_matches", "str_length", "isin", "greater_than",
                  "greater_than_or_equal_to", "less_than_or_equal_to"}
    for table in table_parts.FACT_TABLES:
        model = TABLES[table]
        schema = model.to_schema()
        unique = getattr(model.Config, "unique", None)
        assert unique is None or "doc_id" in unique, table
        # investment_id hashes doc_id and offsets: rows of two documents never share it
        # (a hash collision fails the blocking check investments_ids_unique)
        assert {n for n, c in schema.columns.items() if c.unique} <= {"investment_id"}
        for name, col in schema.columns.items():
            assert {c.name for c in col.checks} <= row_checks, (table, name)
        assert {c.name for c in schema.checks} <= {"_start_before_end", "_period_order"}


def test_a_missing_partition_file_is_named(tmp_path, cache) -> None:
    docs = _documents()
    _build(docs, tmp_path, cache)
    (tmp_path / "parsed" / "2025-03.parquet").unlink()
    with pytest.raises(FileNotFoundError, match="2025-03.parquet"):
        table_parts.build_tables_by_part(_frame(docs), tmp_path / "parsed",
                                         tmp_path / "parts")


def test_the_tables_step_reads_the_region_index_as_the_parse_does(tmp_path) -> None:
    """The tables step may run with nothing to parse (all months kept, or `tables` alone
    from the UI): it must still load the region index from the parse's snapshot folder and
    read the same region aliases, not build the index with the package's defaults."""
    from pipeline.rules import gazetteer
    from pipeline.runtime import snapshot
    from pipeline.runtime.batch import use_parse_inputs

    aliases = tmp_path / "aliases.csv"
    aliases.write_text(gazetteer.ALIASES_FILE.read_text("utf-8"), "utf-8")
    before = (snapshot._folder, gazetteer._aliases)
    try:
        use_parse_inputs(tmp_path / "cache", aliases)
        assert snapshot._folder == tmp_path / "cache"
        assert gazetteer._aliases == aliases
    finally:
        snapshot.use_folder(before[0])
        gazetteer.use_aliases(before[1])
