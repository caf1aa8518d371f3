"""The parse pack (pipeline/runtime/pack.py): one file instead of N cached parses.

Every frame `parse_frame` returns must equal the frame of an uncached parse; the tests
count which documents reach the NLP. The documents are written for the tests.
"""

from __future__ import annotations

import json
import os
from datetime import date

import pandas as pd
import pyarrow as paw
import pyarrow.parquet as pq
import pytest

from pipeline.runtime import batch, pack
from pipeline.runtime.batch import ParseCache, parse_documents
from pipeline.runtime.pack import pack_path, parse_frame, read_pack, records_frame
from pipeline.types import RawDocument


def _doc(i: int, text: str | None = None) -> RawDocument:
    return RawDocument(doc_id=f"t{i}", text=text or f"Текст номер {i} о заводе.",
                       source=f"t{i}.txt", sha256=f"{i:064x}", published=date(2025, 3, 1))


def _fake_extract(calls: list[str], empty: set[str] = frozenset(),
                  fail: set[str] = frozenset()):
    """Records that depend on the text: 0 for `empty`, else one per word (up to 3)."""
    def extract(doc: RawDocument, **_: object) -> list[dict]:
        calls.append(doc.doc_id)
        if doc.doc_id in fail:
            raise ValueError("broken on purpose")
        if doc.doc_id in empty:
            return []
        return [{"doc_id": doc.doc_id, "kind": "NUMBER", "sentence": 0, "start": k,
                 "end": k + 1, "text": w, "normal": None if k % 2 else w.lower(),
                 "attrs": json.dumps({"k": k})}
                for k, w in enumerate(doc.text.split()[:3])]
    return extract


@pytest.fixture
def calls(monkeypatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(batch, "extract_document", _fake_extract(seen, empty={"t2"},
                                                                 fail={"t9"}))
    return seen


def _expected(docs: list[RawDocument]) -> pd.DataFrame:
    return records_frame(parse_documents(docs, workers=1).records)


def test_cold_and_warm_frames_equal_an_uncached_parse(tmp_path, calls) -> None:
    docs = [_doc(i) for i in range(5)]
    cache = ParseCache(tmp_path)
    cold = parse_frame(docs, cache, workers=1)
    assert (cold.parsed, cold.from_cache, cold.from_pack) == (5, 0, 0)
    assert pack_path(cache).is_file()
    calls.clear()
    warm = parse_frame(docs, cache, workers=1)
    assert calls == []  # every document, also t2 with no records, came from the pack
    assert (warm.parsed, warm.from_cache, warm.from_pack) == (0, 5, 5)
    pd.testing.assert_frame_equal(warm.frame, cold.frame)
    pd.testing.assert_frame_equal(warm.frame, _expected(docs))


def test_new_changed_and_removed_documents(tmp_path, calls) -> None:
    docs = [_doc(i) for i in range(5)]
    cache = ParseCache(tmp_path)
    parse_frame(docs, cache, workers=1)
    # t1 changed, t3 removed, t7 new and inserted in the middle: order follows the input
    now = [docs[0], _doc(7), _doc(1, "Другой текст про цех"), docs[2], docs[4]]
    calls.clear()
    res = parse_frame(now, cache, workers=1)
    assert calls == ["t7", "t1"]
    assert (res.parsed, res.from_pack) == (2, 3)
    pd.testing.assert_frame_equal(res.frame, _expected(now))
    covered = read_pack(cache)[1]
    assert covered == {batch.cache_key(d) for d in now}  # t3 and old t1 dropped


def test_a_failed_document_is_not_packed_and_is_retried(tmp_path, calls) -> None:
    docs = [_doc(8), _doc(9)]
    cache = ParseCache(tmp_path)
    first = parse_frame(docs, cache, workers=1)
    assert [f.doc_id for f in first.failures] == ["t9"]
    calls.clear()
    second = parse_frame(docs, cache, workers=1)
    assert calls == ["t9"]
    assert [f.doc_id for f in second.failures] == ["t9"]
    pd.testing.assert_frame_equal(second.frame, first.frame)


def test_unchanged_build_does_not_rewrite_the_pack(tmp_path, calls) -> None:
    docs = [_doc(i) for i in range(3)]
    cache = ParseCache(tmp_path)
    parse_frame(docs, cache, workers=1)
    os.utime(pack_path(cache), ns=(10**18, 10**18))  # a mark a rewrite would reset
    parse_frame(docs, cache, workers=1)
    assert pack_path(cache).stat().st_mtime_ns == 10**18
    parse_frame(docs[:2], cache, workers=1)  # one document fewer: rewritten
    assert pack_path(cache).stat().st_mtime_ns != 10**18


@pytest.mark.parametrize("damage", ["empty", "garbage", "truncated", "no_keys",
                                    "foreign_rows", "wrong_columns"])
def test_a_damaged_pack_falls_back_to_the_per_document_cache(tmp_path, calls, damage
                                                             ) -> None:
    docs = [_doc(i) for i in range(4)]
    cache = ParseCache(tmp_path)
    good = parse_frame(docs, cache, workers=1)
    path = pack_path(cache)
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
        if damage == "no_keys":
            del meta[pack._KEYS_META]
        elif damage == "foreign_rows":  # rows of a document the pack does not list
            meta[pack._KEYS_META] = json.dumps([batch.cache_key(docs[0])]).encode()
        else:
            table = table.drop_columns(["attrs"])
        pq.write_table(table.replace_schema_metadata(meta), path)
    assert read_pack(cache) is None
    calls.clear()
    res = parse_frame(docs, cache, workers=1)
    assert calls == []  # the per-document JSON files still hold every parse
    assert (res.parsed, res.from_cache, res.from_pack) == (0, 4, 0)
    pd.testing.assert_frame_equal(res.frame, good.frame)
    assert read_pack(cache) is not None  # and the pack is written again


def test_a_pack_row_edited_by_hand_is_what_the_build_reads(tmp_path, calls) -> None:
    """The pack is trusted like the per-document files (same folder, same owner): the
    test shows the frame comes from it, so a stale pack could not hide behind the JSON."""
    docs = [_doc(0)]
    cache = ParseCache(tmp_path)
    parse_frame(docs, cache, workers=1)
    table = pq.read_table(pack_path(cache))
    df = table.to_pandas()
    df.loc[0, "text"] = "ПОДМЕНА"
    edited = paw.Table.from_pandas(df, preserve_index=False)
    pq.write_table(edited.replace_schema_metadata(table.schema.metadata), pack_path(cache))
    assert parse_frame(docs, cache, workers=1).frame.loc[0, "text"] == "ПОДМЕНА"


def test_new_extractor_version_ignores_the_old_pack(tmp_path, calls) -> None:
    docs = [_doc(i) for i in range(2)]
    parse_frame(docs, ParseCache(tmp_path, version="1"), workers=1)
    calls.clear()
    res = parse_frame(docs, ParseCache(tmp_path, version="2"), workers=1)
    assert calls == ["t0", "t1"] and res.from_pack == 0


def test_unwritable_cache_still_builds(tmp_path, calls) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    res = parse_frame([_doc(0), _doc(1)], ParseCache(blocker), workers=1)
    pd.testing.assert_frame_equal(res.frame, _expected([_doc(0), _doc(1)]))


def test_empty_corpus(tmp_path, calls) -> None:
    res = parse_frame([], ParseCache(tmp_path), workers=1)
    assert res.frame.empty and list(res.frame.columns) == list(records_frame([]).columns)
    assert res.frame["start"].dtype == "int64"
