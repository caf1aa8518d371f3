"""`parsed_entities` by publication month (pipeline/runtime/partitions.py).

What the records of a build are must not depend on which months were kept, rebuilt from
their old file or parsed again: every read must equal the records of an uncached parse.
The tests count which documents reach the NLP and which partition files were rewritten.
The documents are written for the tests.
"""

from __future__ import annotations

import json
import os
from datetime import date

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.runtime import batch, partitions
from pipeline.runtime.batch import ParseCache, parse_documents
from pipeline.runtime.partitions import (
    MANIFEST,
    partition_key,
    read_manifest,
    read_records,
    records_frame,
    update_partitions,
)
from pipeline.types import RawDocument

V = "v1"


def _doc(i: int, text: str | None = None, published: date | None = date(2025, 3, 1)
         ) -> RawDocument:
    return RawDocument(doc_id=f"t{i}", text=text or f"Текст номер {i} о заводе.",
                       source=f"t{i}.txt", sha256=f"{i:064x}", published=published)


def _fake_extract(calls: list[str], empty: set[str] = frozenset(),
                  fail: set[str] = frozenset()):
    """Records that depend on the text: 0 for `empty`, else one per word (up to 3), the
    second of them a plant."""
    def extract(doc: RawDocument, **_: object) -> list[dict]:
        calls.append(doc.doc_id)
        if doc.doc_id in fail:
            raise ValueError("broken on purpose")
        if doc.doc_id in empty:
            return []
        return [{"doc_id": doc.doc_id, "kind": "plant" if k == 1 else "NUMBER",
                 "sentence": 0, "start": k, "end": k + 1, "text": w,
                 "normal": None if k % 2 else w.lower(), "attrs": json.dumps({"k": k})}
                for k, w in enumerate(doc.text.split()[:3])]
    return extract


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(batch, "extract_document", _fake_extract(seen, empty={"t2"},
                                                                 fail={"t9"}))
    return seen


def _expected(docs: list[RawDocument]) -> pd.DataFrame:
    """The records of an uncached parse, in partition order (months sorted, undated
    last), each month's documents in input order."""
    order = sorted(range(len(docs)), key=lambda i: (partition_key(docs[i].published), i))
    return records_frame(parse_documents([docs[i] for i in order], workers=1).records)


def _build(docs, root, cache, **kw):
    return update_partitions(docs, cache, root, version=kw.pop("version", V), workers=1, **kw)


def _months() -> list[RawDocument]:
    return [_doc(0), _doc(1, published=date(2024, 12, 31)), _doc(2),
            _doc(3, published=None), _doc(4, published=date(2024, 12, 1))]


def test_partition_keys() -> None:
    assert partition_key(date(2024, 1, 31)) == "2024-01"
    assert partition_key(date(999, 12, 1)) == "0999-12"
    assert partition_key(None) == "undated"


def test_cold_and_warm_records_equal_an_uncached_parse(tmp_path, calls) -> None:
    docs = _months()
    root, cache = tmp_path / "out", ParseCache(tmp_path / "cache")
    cold = _build(docs, root, cache)
    assert sorted(cold.written) == ["2024-12", "2025-03", "undated"]
    assert (cold.parsed, cold.from_cache, cold.reused) == (5, 0, 0)
    assert read_manifest(root)["partitions"] == ["2024-12", "2025-03", "undated"]
    calls.clear()
    warm = _build(docs, root, cache)
    assert calls == [] and warm.written == [] and len(warm.kept) == 3
    pd.testing.assert_frame_equal(read_records(root), _expected(docs))
    # the counts by kind kept in each file's metadata add up to what is there
    assert warm.counts() == read_records(root)["kind"].value_counts().sort_index().to_dict()


def test_a_changed_document_rewrites_only_its_month(tmp_path, calls) -> None:
    docs = _months()
    root, cache = tmp_path / "out", ParseCache(tmp_path / "cache")
    _build(docs, root, cache)
    for p in root.glob("*.parquet"):
        os.utime(p, ns=(10**18, 10**18))  # a mark a rewrite would reset
    # t0 (2025-03) changed, t7 new in 2025-03 between t0 and t2
    now = [_doc(0, "Другой текст про цех"), _doc(7), *docs[1:]]
    calls.clear()
    res = _build(now, root, cache)
    assert calls == ["t0", "t7"]  # t2, the other document of the month, is reused
    assert res.written == ["2025-03"] and res.reused == 1
    assert {p.stem: p.stat().st_mtime_ns == 10**18 for p in root.glob("*.parquet")} == {
        "2025-03": False, "2024-12": True, "undated": True}
    pd.testing.assert_frame_equal(read_records(root), _expected(now))


def test_a_removed_month_is_dropped(tmp_path, calls) -> None:
    docs = _months()
    root, cache = tmp_path / "out", ParseCache(tmp_path / "cache")
    _build(docs, root, cache)
    now = [d for d in docs if d.published is not None]
    res = _build(now, root, cache)
    assert res.removed == ["undated"] and not (root / "undated.parquet").exists()
    pd.testing.assert_frame_equal(read_records(root), _expected(now))


def test_a_document_moved_to_another_month(tmp_path, calls) -> None:
    docs = _months()
    root, cache = tmp_path / "out", ParseCache(tmp_path / "cache")
    _build(docs, root, cache)
    now = [_doc(0, published=date(2024, 12, 5)), *docs[1:]]  # t0 re-dated
    res = _build(now, root, cache)
    assert sorted(res.written) == ["2024-12", "2025-03"]
    pd.testing.assert_frame_equal(read_records(root), _expected(now))
    assert set(read_records(root)["doc_id"]) == {"t0", "t1", "t3", "t4"}  # t2 has none


def test_a_failed_document_is_retried_and_reported(tmp_path, calls) -> None:
    docs = [_doc(8), _doc(9), _doc(5, published=None)]
    root, cache = tmp_path / "out", ParseCache(tmp_path / "cache")
    first = _build(docs, root, cache)
    assert [f.doc_id for f in first.failures] == ["t9"]
    assert [f.doc_id for f in partitions.failures(root)] == ["t9"]
    assert "broken on purpose" in partitions.failures(root)[0].reason
    calls.clear()
    second = _build(docs, root, cache)
    assert calls == ["t9"]  # only the failed one; t8 comes from the old file
    assert second.written == ["2025-03"] and second.reused == 1
    assert [f.doc_id for f in partitions.failures(root)] == ["t9"]
    assert set(read_records(root)["doc_id"]) == {"t8", "t5"}


@pytest.mark.parametrize("damage", ["empty", "garbage", "truncated", "no_meta",
                                    "wrong_columns"])
def test_a_damaged_partition_is_rebuilt(tmp_path, calls, damage) -> None:
    docs = _months()
    root, cache = tmp_path / "out", ParseCache(tmp_path / "cache")
    _build(docs, root, cache)
    path = root / "2025-03.parquet"
    data = path.read_bytes()
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "garbage":
        path.write_bytes(b"\x00garbage" * 100)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:
        table = pq.read_table(path)
        meta = dict(table.schema.metadata)
        if damage == "no_meta":
            del meta[partitions._META]
        else:
            table = table.drop_columns(["attrs"])
        pq.write_table(table.replace_schema_metadata(meta), path)
    calls.clear()
    res = _build(docs, root, cache)
    assert calls == []  # the per-document JSON cache still holds every parse
    assert res.written == ["2025-03"] and res.from_cache == 2
    pd.testing.assert_frame_equal(read_records(root), _expected(docs))


def test_a_new_extractor_version_rewrites_every_month(tmp_path, calls) -> None:
    docs = _months()
    root = tmp_path / "out"
    _build(docs, root, ParseCache(tmp_path / "cache", version="1"), version="1")
    calls.clear()
    res = _build(docs, root, ParseCache(tmp_path / "cache", version="2"), version="2")
    assert sorted(calls) == ["t0", "t1", "t2", "t3", "t4"] and res.reused == 0
    assert len(res.written) == 3


def test_batches_bound_what_one_parse_holds(tmp_path, calls) -> None:
    """A cold build parses in batches of whole months; the result is the same."""
    docs = [_doc(i, published=date(2020, 1 + i % 6, 1)) for i in range(12)]
    root, cache = tmp_path / "out", ParseCache(tmp_path / "cache")
    seen: list[int] = []
    real = partitions.iter_parse

    def counting(rest, **kw):
        seen.append(len(rest))
        return real(rest, **kw)

    partitions.iter_parse = counting
    try:
        _build(docs, root, cache, batch_documents=4)
    finally:
        partitions.iter_parse = real
    assert seen == [4, 4, 4]  # two months of two documents each per batch
    pd.testing.assert_frame_equal(read_records(root), _expected(docs))


def test_each_month_is_written_before_the_next_is_parsed(tmp_path, calls, monkeypatch
                                                         ) -> None:
    """Within one batch (one parse stream, one pool start) a month's file is written as
    soon as its documents are parsed, so the build holds one month's records, not the
    batch's (issue 20: ~21 KB of record dicts a document, 0.4 GB at 20,000 documents)."""
    docs = [_doc(i, published=date(2020, 1 + i % 3, 1)) for i in range(9)]
    root, cache = tmp_path / "out", ParseCache(tmp_path / "cache")
    written_when: dict[str, set[str]] = {}
    real = partitions.iter_parse

    def watching(rest, **kw):
        for item in real(rest, **kw):
            written_when[item[0].doc_id] = {p.stem for p in root.glob("*.parquet")}
            yield item

    monkeypatch.setattr(partitions, "iter_parse", watching)
    res = _build(docs, root, cache)
    assert res.written == ["2020-01", "2020-02", "2020-03"]
    # t0, t3, t6 are January's: none written while they are parsed; February's first
    # document (t1) is asked for after January's file is written, March's after February's
    assert written_when["t0"] == written_when["t6"] == set()
    assert written_when["t1"] == {"2020-01"}
    assert written_when["t2"] == {"2020-01", "2020-02"}
    pd.testing.assert_frame_equal(read_records(root), _expected(docs))


def test_reading_only_fact_kinds_and_columns(tmp_path, calls) -> None:
    docs = _months()
    root = tmp_path / "out"
    _build(docs, root, ParseCache(tmp_path / "cache"))
    every = read_records(root)
    facts = read_records(root, kinds=["plant"], columns=["doc_id", "kind", "start", "attrs"])
    assert list(facts.columns) == ["doc_id", "kind", "start", "attrs"]
    want = every[every["kind"] == "plant"][["doc_id", "kind", "start", "attrs"]]
    pd.testing.assert_frame_equal(facts, want.reset_index(drop=True))
    assert facts["start"].dtype == "int64"


def test_empty_corpus_and_unbuilt_folder(tmp_path, calls) -> None:
    with pytest.raises(FileNotFoundError, match="materialize parsed_entities"):
        read_records(tmp_path / "never")
    res = _build([], tmp_path / "out", ParseCache(tmp_path / "cache"))
    assert res.partitions == {} and (tmp_path / "out" / MANIFEST).is_file()
    df = read_records(tmp_path / "out")
    assert df.empty and list(df.columns) == list(records_frame([]).columns)
    assert df["start"].dtype == "int64"


def test_a_month_whose_documents_have_no_records(tmp_path, calls) -> None:
    """An empty partition file has the same column types as the others, so months
    concatenate."""
    docs = [_doc(2, published=date(2023, 1, 1)), _doc(0)]  # t2 gives no records
    root = tmp_path / "out"
    _build(docs, root, ParseCache(tmp_path / "cache"))
    assert pq.read_schema(root / "2023-01.parquet").field("text").type == "string"
    pd.testing.assert_frame_equal(read_records(root), _expected(docs))


def test_unwritable_cache_still_builds(tmp_path, calls) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    docs = [_doc(0), _doc(1)]
    _build(docs, tmp_path / "out", ParseCache(blocker))
    pd.testing.assert_frame_equal(read_records(tmp_path / "out"), _expected(docs))


def test_users_read_the_folder_with_duckdb_and_pandas(tmp_path, calls) -> None:
    """The README tells users to read the month files as one table; the manifest
    (`_manifest.json`) is skipped by both readers, and a removed month is gone."""
    import duckdb

    docs = _months()
    root = tmp_path / "out"
    cache = ParseCache(tmp_path / "cache")
    _build(docs, root, cache)
    _build(docs[:3], root, cache)  # the undated month goes, t4 leaves 2024-12
    want = read_records(root)
    con = duckdb.connect()
    got = con.sql(f"select doc_id, kind, start from read_parquet('{root}/*.parquet') "
                  "order by doc_id, start").df()
    assert len(got) == len(want) and set(got["doc_id"]) == set(want["doc_id"])
    both = pd.read_parquet(root)
    assert len(both) == len(want) and set(both["doc_id"]) == {"t0", "t1"}


def test_batches_run_up_to_the_limit_and_keep_the_order() -> None:
    sizes = {"a": 2, "b": 2, "c": 5, "d": 1, "e": 1}
    assert list(partitions.batches(list(sizes), sizes.get, 4)) == [["a", "b"], ["c"],
                                                                   ["d", "e"]]
    assert list(partitions.batches([], sizes.get, 4)) == []
    assert list(partitions.batches(["c"], sizes.get, 100)) == [["c"]]


# --- the publication months as Dagster partitions (pipeline/dagster_defs/scale.py) ----------

def _dated_doc(doc_id: str, published: date | None) -> RawDocument:
    """A document written for the tests (its text does not matter here)."""
    return RawDocument(doc_id=doc_id, text="Текст.", source=f"{doc_id}.txt",
                       sha256="0" * 64, published=published)


def test_documents_by_month_keeps_input_order_within_a_month() -> None:
    docs = [_dated_doc("b", date(2025, 4, 30)), _dated_doc("u", None),
            _dated_doc("a", date(2025, 3, 1)), _dated_doc("c", date(2025, 4, 1))]
    groups = partitions.documents_by_month(docs)
    assert list(groups) == ["2025-03", "2025-04", "undated"]
    assert [d.doc_id for d in groups["2025-04"]] == ["b", "c"]
    assert partitions.documents_by_month([]) == {}


@pytest.mark.parametrize(("day", "due"), [
    (date(2025, 5, 20), ["2025-05"]),
    # the first of a month still receives the articles of the day before
    (date(2025, 5, 1), ["2025-04", "2025-05"]),
    # across a year
    (date(2026, 1, 1), ["2025-12", "2026-01"]),
    # a month not in the corpus is not requested; `undated` is never due by the calendar
    (date(2025, 7, 15), []),
])
def test_due_months(day: date, due: list[str]) -> None:
    existing = ["2025-04", "2025-05", "2025-12", "2026-01", "undated"]
    assert partitions.due_months(day, existing) == due


def test_progress_reaches_the_last_document(tmp_path, calls) -> None:
    """The progress line reaches "N of N" although each month stops asking the parse
    stream after its last document (a regression of the streaming parse, caught by the
    `make datasets` entry-point test)."""
    docs = [_doc(i, published=date(2020, 1 + i % 2, 1)) for i in range(6)]
    lines: list[str] = []
    _build(docs, tmp_path / "out", ParseCache(tmp_path / "cache"), progress=lines.append)
    assert lines and lines[-1].startswith("parsed 6 of 6 documents (100%)")
