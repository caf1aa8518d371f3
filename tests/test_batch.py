"""The parse cache and the process pool (pipeline/runtime/batch.py). No timings asserted."""

from __future__ import annotations

import gc
from datetime import date

import pytest

from pipeline.runtime import batch
from pipeline.runtime.batch import ParseCache, cache_key, parse_chunk, parse_documents
from pipeline.types import RawDocument
from tests.probe import run_python

# Texts written for the tests.
TEXTS = [
    "Губернатор Калужской области Владислав Шапша открыл завод по выпуску кирпича.",
    "В Липецке компания «Север» вложит 2 млрд рублей в новый цех.",
    "Министр промышленности Тульской области Иван Петров посетил комбинат.",
    "В Перми запустили линию по производству труб стоимостью 500 млн рублей.",
    "Глава Мордовии Артём Здунов сообщил о строительстве фабрики.",
    "Компания «Ромашка» построит в Самарской области склад за 1,5 млрд рублей.",
]


def _doc(i: int, text: str | None = None, published: date | None = date(2025, 3, 1)
         ) -> RawDocument:
    return RawDocument(doc_id=f"t{i}", text=text or TEXTS[i % len(TEXTS)],
                       source=f"t{i}.txt", sha256=f"{i:064x}", published=published)


def _fake_extract(calls: list[str], fail: set[str] = frozenset()):
    def extract(doc: RawDocument, **_: object) -> list[dict]:
        calls.append(doc.doc_id)
        if doc.doc_id in fail:
            raise ValueError("broken on purpose")
        return [{"doc_id": doc.doc_id, "kind": "NUMBER", "sentence": 0, "start": 0,
                 "end": 1, "text": doc.text[:1], "normal": None, "attrs": "{}"}]
    return extract


def test_cache_key_depends_on_id_text_and_date() -> None:
    a = _doc(0)
    assert cache_key(a) == cache_key(_doc(0))
    assert cache_key(a) != cache_key(_doc(0, text=TEXTS[0] + " "))
    assert cache_key(a) != cache_key(_doc(0, published=None))
    assert cache_key(a) != cache_key(RawDocument(doc_id="other", text=a.text, source="x",
                                                 sha256=a.sha256, published=a.published))


def test_cache_miss_then_hit(tmp_path, monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(batch, "extract_document", _fake_extract(calls))
    docs = [_doc(i) for i in range(3)]
    cache = ParseCache(tmp_path)
    first = parse_documents(docs, workers=1, cache=cache)
    assert (first.parsed, first.from_cache) == (3, 0)
    assert calls == ["t0", "t1", "t2"]
    assert all(d in cache for d in docs)

    second = parse_documents(docs, workers=1, cache=cache)
    assert (second.parsed, second.from_cache) == (0, 3)
    assert calls == ["t0", "t1", "t2"]  # nothing parsed again
    assert second.records == first.records

    changed = [docs[0], _doc(1, text="Совсем другой текст о заводе."), docs[2]]
    third = parse_documents(changed, workers=1, cache=cache)
    assert (third.parsed, third.from_cache) == (1, 2)
    assert calls[-1] == "t1"


def test_new_extractor_version_reparses(tmp_path, monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(batch, "extract_document", _fake_extract(calls))
    docs = [_doc(i) for i in range(2)]
    parse_documents(docs, workers=1, cache=ParseCache(tmp_path, version="1"))
    again = parse_documents(docs, workers=1, cache=ParseCache(tmp_path, version="2"))
    assert (again.parsed, again.from_cache) == (2, 0)
    assert calls == ["t0", "t1", "t0", "t1"]
    assert (tmp_path / "v1").is_dir() and (tmp_path / "v2").is_dir()


def test_corrupt_cache_entry_is_a_miss(tmp_path, monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(batch, "extract_document", _fake_extract(calls))
    doc = _doc(0)
    cache = ParseCache(tmp_path)
    parse_documents([doc], workers=1, cache=cache)
    cache.path(doc).write_text("{not json", "utf-8")
    res = parse_documents([doc], workers=1, cache=cache)
    assert (res.parsed, res.from_cache) == (1, 0)
    assert cache.get(doc) == res.records


def test_iter_parse_reads_the_cache_in_turn_and_parses_an_entry_lost_meanwhile(
        tmp_path, monkeypatch) -> None:
    """`iter_parse` answers in input order and reads a cached document's records only when
    its turn comes (a build holds one month's records, issue 20); an entry listed as cached
    that is deleted before its turn is parsed then, not lost."""
    calls: list[str] = []
    monkeypatch.setattr(batch, "extract_document", _fake_extract(calls))
    docs = [_doc(i) for i in range(4)]
    cache = ParseCache(tmp_path)
    parse_documents([docs[0], docs[2], docs[3]], workers=1, cache=cache)
    calls.clear()
    stream = batch.iter_parse(docs, workers=1, cache=cache)
    first = next(stream)
    assert (first[0].doc_id, first[3]) == ("t0", True) and calls == []  # t1 not yet asked
    cache.path(docs[3]).unlink()  # listed as cached when the stream started
    rest = list(stream)
    assert [(d.doc_id, cached) for d, _, _, cached in rest] == [
        ("t1", False), ("t2", True), ("t3", False)]
    assert calls == ["t1", "t3"] and all(err is None for _, _, err, _ in rest)
    assert docs[3] in cache


def test_failing_document_is_a_parse_failure_and_others_are_kept(tmp_path, monkeypatch
                                                                 ) -> None:
    calls: list[str] = []
    monkeypatch.setattr(batch, "extract_document", _fake_extract(calls, fail={"t1"}))
    docs = [_doc(i) for i in range(3)]
    cache = ParseCache(tmp_path)
    res = parse_documents(docs, workers=1, cache=cache)
    assert [r["doc_id"] for r in res.records] == ["t0", "t2"]
    assert res.parsed == 2
    assert len(res.failures) == 1
    fail = res.failures[0]
    assert (fail.doc_id, fail.source, fail.stage) == ("t1", "t1.txt", "parse")
    assert "ValueError" in fail.reason and "broken on purpose" in fail.reason
    assert docs[1] not in cache  # a failure is not cached: it is retried next build
    assert docs[0] in cache and docs[2] in cache

    outcomes = parse_chunk(docs)
    assert [o[0] for o in outcomes] == ["t0", "t1", "t2"]
    assert outcomes[1][1] is None and outcomes[1][2] is not None


@pytest.fixture(scope="module")
def serial_result():
    docs = [_doc(i) for i in range(len(TEXTS))]
    return docs, parse_documents(docs, workers=1)


def test_parallel_equals_serial_in_input_order(tmp_path, serial_result) -> None:
    docs, serial = serial_result
    assert serial.parsed == len(docs) and not serial.failures
    # chunks of 1 document over 2 worker processes: results still come back in input order
    cache = ParseCache(tmp_path)
    parallel = parse_documents(docs, workers=2, cache=cache, chunk_size=1)
    assert parallel.records == serial.records
    assert not parallel.failures
    order = [r["doc_id"] for r in parallel.records]
    assert order == sorted(order, key=lambda d: int(d[1:]))
    assert {r["doc_id"] for r in parallel.records} == {d.doc_id for d in docs}
    # the workers wrote the cache: a second run parses nothing
    assert all(d in cache for d in docs)
    again = parse_documents(docs, workers=2, cache=cache, chunk_size=1)
    assert (again.parsed, again.from_cache) == (0, len(docs))
    assert again.records == serial.records


def test_warming_the_gazetteer_may_fail_without_failing_the_parse(tmp_path, serial_result,
                                                                  monkeypatch) -> None:
    """The main process builds the gazetteer snapshot while the workers start; if that
    fails, the workers build the index themselves and the records are the same."""
    from pipeline.rules import gazetteer

    docs, serial = serial_result
    calls: list[str] = []

    def broken() -> None:
        calls.append("warm")
        raise OSError("no space left for the snapshot")

    monkeypatch.setattr(gazetteer, "get_gazetteer", broken)  # in this process only
    parallel = parse_documents(docs, workers=2, cache=ParseCache(tmp_path), chunk_size=1)
    assert calls == ["warm"]
    assert parallel.records == serial.records and not parallel.failures


def test_chunks_share_the_nlp_batches_and_keep_document_order(tmp_path, monkeypatch) -> None:
    """parse_chunk analyses its documents together once, then extracts each."""
    from pipeline.runtime import nlp

    seen: list[int] = []
    real = nlp.Analyzer.analyze_many

    def spy(self, texts):
        seen.append(len(texts))
        return real(self, texts)

    monkeypatch.setattr(nlp.Analyzer, "analyze_many", spy)
    docs = [_doc(i) for i in range(5)]
    outcomes = parse_chunk(docs)
    assert seen == [5]
    assert [o[0] for o in outcomes] == [d.doc_id for d in docs]
    alone = [parse_chunk([d])[0] for d in docs]  # one document: no shared batch
    assert seen == [5]
    assert outcomes == alone


def test_a_parsing_process_uses_one_blas_thread() -> None:
    """natasha's numpy runs with one BLAS thread per process whatever the environment says
    (threadpoolctl, set when the models load): with more it slows down several-fold once
    another process competes for the cores."""
    probe = ("from threadpoolctl import threadpool_info\n"
             "from pipeline.runtime import batch\n"
             "batch._start_worker(None)\n"
             "blas = [i for i in threadpool_info() if i['user_api'] == 'blas']\n"
             "print(len(blas), max(i['num_threads'] for i in blas))\n")
    found, threads = map(int, run_python("-c", probe, env={"OPENBLAS_NUM_THREADS": "4",
                                                             "OMP_NUM_THREADS": "4"}
                                         ).stdout.split())
    assert found >= 1 and threads == 1


def test_pool_workers_start_with_the_models_frozen(monkeypatch) -> None:
    """The initializer loads the models and freezes them (the collector skips them); a
    model that cannot load does not stop it: parse_chunk reports the failure per document."""
    probe = ("import gc\n"
             "from pipeline.runtime import batch, nlp\n"
             "batch._start_worker(None)\n"
             "print(gc.get_freeze_count(), gc.get_threshold()[0],\n"
             "      nlp._analyzer.cache_info().currsize)\n")
    frozen, threshold, loaded = map(int, run_python("-c", probe).stdout.split())
    assert frozen > 10_000 and threshold == batch._WORKER_GC_THRESHOLD and loaded == 1

    def broken() -> None:
        raise OSError("model archive unreadable")

    monkeypatch.setattr(batch, "get_analyzer", broken)
    before = gc.get_threshold()
    try:
        batch._start_worker(None)  # no exception
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_progress_reports_every_few_seconds_and_at_the_end() -> None:
    """A long parse is not silent: done of total, rate and ETA, throttled, and a last line."""
    from pipeline.runtime.batch import Progress

    now = [0.0]
    lines: list[str] = []
    meter = Progress(100, lines.append, every=5.0, clock=lambda: now[0])
    for _ in range(9):  # 9 chunks of 10 documents, one second apart
        now[0] += 1.0
        meter.advance(10)
    assert lines == ["parsed 50 of 100 documents (50%), 10.0 documents/s, ETA 5 s"]
    now[0] += 1.0
    meter.advance(10)
    assert lines[-1] == "parsed 100 of 100 documents (100%), 10.0 documents/s, ETA 0 s"
    assert len(lines) == 2


def test_a_snapshot_being_built_is_waited_for_not_built_again(tmp_path, monkeypatch) -> None:
    """Processes that start together on an empty cache (a pool's workers, the main process
    warming the region index) build a missing snapshot once: the others wait for it and
    read it (here two threads, each with its own lock file handle, as two processes)."""
    import threading
    import time

    from pipeline.runtime import snapshot

    monkeypatch.setattr(snapshot, "_folder", None)  # restored after the test
    snapshot.use_folder(tmp_path)
    builds: list[int] = []

    def build() -> dict:
        builds.append(1)
        time.sleep(0.5)
        return {"index": 42}

    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(snapshot.load_or_build(
        "test", "k1", build, lambda o: isinstance(o, dict)))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [{"index": 42}] * 3 and len(builds) == 1
    # a folder that cannot hold the lock file builds without it, as before
    snapshot.use_folder(tmp_path / "file")
    (tmp_path / "file").write_text("not a folder")
    assert snapshot.load_or_build("test", "k2", build, lambda o: True) == {"index": 42}
    assert len(builds) == 2
