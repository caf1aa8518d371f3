"""Tests for pipeline.ingest.cache: a cached build equals an uncached one and
re-reads exactly the files that are new or changed.

All article texts below are written for the tests.
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.ingest import cache as ingest_cache
from pipeline.ingest import files as ingest
from pipeline.ingest.cache import cache_path, read_corpus_cached
from pipeline.ingest.files import read_corpus
from pipeline.types import RawDocument
from tests.probe import REPO

FIXTURE_CORPUS = REPO / "tests" / "fixtures" / "corpus"
OLD = time.time() - 3600  # an mtime well outside the racy window

# Written for the tests.
RU_A = "Губернатор открыл в области новый завод по выпуску автомобильных компонентов."
RU_B = "Инвестиции в строительство второй очереди составят десять миллиардов рублей."
RU_C = "Компания запустила линию по производству стекла для жилого строительства."
RU_D = "На предприятии введён в строй цех переработки молока мощностью сто тонн в сутки."


def write(folder: Path, name: str, data: bytes | str, *, mtime: float | None = OLD) -> Path:
    """Write a test file; by default with an old mtime so the cache may store it."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def stored(seeds: Path, cache_root: Path) -> set[str]:
    """Relative paths the cache file holds entries for."""
    with cache_path(seeds, cache_root).open("rb") as fh:
        return set(pickle.load(fh).entries)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Spy on the per-file reader: the relative paths actually read, in order."""
    calls: list[str] = []
    real = ingest.read_file

    def spy(path: Path, root: Path, kind: str, **kwargs):
        calls.append(Path(path).relative_to(root).as_posix())
        return real(path, root, kind, **kwargs)

    monkeypatch.setattr(ingest, "read_file", spy)
    return calls


@pytest.fixture
def writes(monkeypatch) -> list[Path]:
    """Spy on cache writes."""
    calls: list[Path] = []
    real = ingest_cache._write

    def spy(path: Path, cache: object) -> None:
        calls.append(path)
        real(path, cache)

    monkeypatch.setattr(ingest_cache, "_write", spy)
    return calls


@pytest.fixture
def dirs(tmp_path) -> tuple[Path, Path]:
    seeds, cache_root = tmp_path / "seeds", tmp_path / "cache"
    seeds.mkdir()
    return seeds, cache_root


def mixed_folder(seeds: Path) -> None:
    """Every kind of per-file result plus both kinds of cross-file duplicates."""
    write(seeds, "a.txt", f"date 2024-03-01\n{RU_A}")
    write(seeds, "b.txt", RU_B)
    write(seeds, "sub/c.txt", RU_C)
    write(seeds, "sub/dup_text.txt", "  " + RU_A.replace(" ", "  ") + "\n")  # same text as a
    write(seeds, "cp1251.txt", RU_D.encode("cp1251"))
    write(seeds, "empty.txt", b"")
    write(seeds, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    lines = [
        json.dumps({"id": "j1", "text": "Открыт новый логистический центр в Казани."}),
        "{not json",
        json.dumps({"id": "b", "text": "Другой текст под тем же идентификатором, что у b.txt."}),
        json.dumps({"id": "j2"}),
        json.dumps({"id": "j3", "text": RU_B}),  # same text as b.txt
        json.dumps({"id": "j1", "text": "Открыт новый логистический центр в Казани."}),
    ]
    write(seeds, "z.jsonl", "\n".join(lines) + "\n")
    write(seeds, "notes.md", "ignored")


# ----------------------------------------------------------------------- equality


def test_cold_and_warm_builds_equal_uncached_on_a_mixed_folder(dirs, reads):
    seeds, cache_root = dirs
    mixed_folder(seeds)
    today = date(2025, 6, 1)
    expected = read_corpus(seeds, today=today)
    # the folder really exercises every branch the cache must reproduce
    assert {d.encoding for d in expected.documents} >= {"cp1251"}
    reasons = " | ".join(r.reason for r in expected.rejected)
    for needle in ("empty file", "binary file", "invalid JSON", "duplicate id", "no 'text'"):
        assert needle in reasons
    assert len(expected.duplicates) >= 3
    reads.clear()
    cold = read_corpus_cached(seeds, cache_root, today=today)
    assert len(reads) == 8
    reads.clear()
    warm = read_corpus_cached(seeds, cache_root, today=today)
    assert reads == []
    assert cold == expected
    assert warm == expected


@pytest.mark.skipif(not FIXTURE_CORPUS.is_dir(), reason="no fixture corpus")
def test_cold_and_warm_builds_equal_uncached_on_the_fixture_corpus(tmp_path):
    expected = read_corpus(FIXTURE_CORPUS)
    assert expected.documents
    cold = read_corpus_cached(FIXTURE_CORPUS, tmp_path)
    warm = read_corpus_cached(FIXTURE_CORPUS, tmp_path)
    assert cold == expected
    assert warm == expected


# ----------------------------------------------------------------------- what is re-read


def test_warm_build_reads_only_new_or_changed_files(dirs, reads, writes):
    seeds, cache_root = dirs
    for i, text in enumerate((RU_A, RU_B, RU_C)):
        write(seeds, f"{i}.txt", text)
    read_corpus_cached(seeds, cache_root)
    assert len(reads) == 3 and len(writes) == 1
    reads.clear()
    writes.clear()

    read_corpus_cached(seeds, cache_root)
    assert reads == [] and writes == []  # all hits: no read, no rewrite

    write(seeds, "1.txt", RU_D, mtime=OLD + 10)
    result = read_corpus_cached(seeds, cache_root)
    assert reads == ["1.txt"] and len(writes) == 1
    assert [d.text for d in result.documents] == [RU_A, RU_D, RU_C]
    reads.clear()

    write(seeds, "3.txt", "Новый материал о строительстве моста через реку.")
    result = read_corpus_cached(seeds, cache_root)
    assert reads == ["3.txt"]
    assert result == read_corpus(seeds)


def test_same_size_change_with_a_new_mtime_is_reread(dirs, reads):
    seeds, cache_root = dirs
    path = write(seeds, "a.txt", "Завод А построен.")
    read_corpus_cached(seeds, cache_root)
    write(seeds, "a.txt", "Завод Б построен.", mtime=OLD + 5)
    assert path.stat().st_size == len("Завод А построен.".encode())
    reads.clear()
    result = read_corpus_cached(seeds, cache_root)
    assert reads == ["a.txt"]
    assert [d.text for d in result.documents] == ["Завод Б построен."]


def _rewrite_keeping_mtime(path: Path, data: str) -> None:
    """Change the content but force the mtime back, as some copy tools do."""
    before = path.stat()
    for _ in range(100):  # until the clock tick moved, so the ctime differs
        path.write_bytes(data.encode("utf-8"))
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        if path.stat().st_ctime_ns != before.st_ctime_ns:
            break
        time.sleep(0.01)
    after = path.stat()
    assert after.st_mtime_ns == before.st_mtime_ns
    assert after.st_ino == before.st_ino
    assert after.st_ctime_ns != before.st_ctime_ns


@pytest.mark.parametrize(
    "new_text",
    ["Завод Б построен.", "Завод построен и запущен в работу."],
    ids=["same-size-ctime-differs", "size-differs"],
)
def test_content_change_with_mtime_forced_back_is_reread(dirs, reads, new_text):
    seeds, cache_root = dirs
    path = write(seeds, "a.txt", "Завод А построен.")
    read_corpus_cached(seeds, cache_root)
    _rewrite_keeping_mtime(path, new_text)
    reads.clear()
    result = read_corpus_cached(seeds, cache_root)
    assert reads == ["a.txt"]
    assert [d.text for d in result.documents] == [new_text]


def test_jsonl_with_an_appended_line_is_reread(dirs, reads):
    seeds, cache_root = dirs
    first = json.dumps({"id": "j1", "text": RU_A}) + "\n"
    write(seeds, "feed.jsonl", first)
    read_corpus_cached(seeds, cache_root)
    write(seeds, "feed.jsonl", first + json.dumps({"id": "j2", "text": RU_B}) + "\n", mtime=OLD)
    reads.clear()
    result = read_corpus_cached(seeds, cache_root)
    assert reads == ["feed.jsonl"]
    assert [d.doc_id for d in result.documents] == ["j1", "j2"]


def test_deleted_file_disappears_from_result_and_cache(dirs, writes):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A)
    gone = write(seeds, "b.txt", RU_B)
    read_corpus_cached(seeds, cache_root)
    assert stored(seeds, cache_root) == {"a.txt", "b.txt"}
    gone.unlink()
    writes.clear()
    result = read_corpus_cached(seeds, cache_root)
    assert [d.doc_id for d in result.documents] == ["a"]
    assert stored(seeds, cache_root) == {"a.txt"}
    assert len(writes) == 1  # a dropped entry is a change worth writing


# ----------------------------------------------------------------------- global key


def test_a_later_today_makes_a_future_header_date_valid(dirs, reads):
    seeds, cache_root = dirs
    write(seeds, "a.txt", f"date 2030-01-03\n{RU_A}")
    day1 = read_corpus_cached(seeds, cache_root, today=date(2030, 1, 1))
    assert day1.documents[0].published is None
    assert "date in the future" in day1.documents[0].warnings[0]
    reads.clear()
    day5 = read_corpus_cached(seeds, cache_root, today=date(2030, 1, 5))
    assert reads == ["a.txt"]
    assert day5.documents[0].published == date(2030, 1, 3)
    assert day5 == read_corpus(seeds, today=date(2030, 1, 5))


def test_default_today_is_part_of_the_key(dirs, reads):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A)
    read_corpus_cached(seeds, cache_root)  # today = date.today()
    reads.clear()
    read_corpus_cached(seeds, cache_root, today=date(1999, 1, 1))
    assert reads == ["a.txt"]


def test_max_bytes_change_invalidates(dirs, reads):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A * 3)
    small = read_corpus_cached(seeds, cache_root, max_bytes=100)
    assert not small.documents and "too large" in small.rejected[0].reason
    reads.clear()
    large = read_corpus_cached(seeds, cache_root, max_bytes=10_000)
    assert reads == ["a.txt"]
    assert large == read_corpus(seeds, max_bytes=10_000)
    assert len(large.documents) == 1


def test_max_document_bytes_change_invalidates(dirs, reads):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A * 3)
    assert not read_corpus_cached(seeds, cache_root, max_bytes=100).documents
    reads.clear()
    assert len(read_corpus_cached(seeds, cache_root, max_bytes=10000).documents) == 1
    assert reads == ["a.txt"]


def test_source_version_change_invalidates(dirs, reads, monkeypatch):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A)
    write(seeds, "b.txt", RU_B)
    read_corpus_cached(seeds, cache_root)
    reads.clear()
    read_corpus_cached(seeds, cache_root)
    assert reads == []
    monkeypatch.setattr(ingest_cache, "SOURCE_VERSION", "edited-ingest")
    read_corpus_cached(seeds, cache_root)
    assert reads == ["a.txt", "b.txt"]
    reads.clear()
    read_corpus_cached(seeds, cache_root)  # rewritten under the new version
    assert reads == []


def test_source_version_digest_covers_the_ingest_sources():
    from pipeline.versioning import source_version

    expected = source_version(
        "ingest", "types.py", "config.py"
    )
    assert expected == ingest_cache.SOURCE_VERSION


# ----------------------------------------------------------------------- racy and failing reads


def test_racy_file_is_returned_but_not_stored_until_its_mtime_is_old(dirs, reads):
    seeds, cache_root = dirs
    write(seeds, "old.txt", RU_A)
    fresh = write(seeds, "fresh.txt", RU_B, mtime=None)  # mtime = now
    result = read_corpus_cached(seeds, cache_root)
    assert [d.doc_id for d in result.documents] == ["fresh", "old"]
    assert stored(seeds, cache_root) == {"old.txt"}
    reads.clear()
    read_corpus_cached(seeds, cache_root)
    assert reads == ["fresh.txt"]  # still racy: read again

    os.utime(fresh, (OLD, OLD))
    reads.clear()
    read_corpus_cached(seeds, cache_root)
    assert reads == ["fresh.txt"]
    assert stored(seeds, cache_root) == {"old.txt", "fresh.txt"}
    reads.clear()
    read_corpus_cached(seeds, cache_root)
    assert reads == []


def test_mtime_in_the_future_is_treated_as_racy(dirs):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A, mtime=time.time() + 3600)
    assert len(read_corpus_cached(seeds, cache_root).documents) == 1
    assert stored(seeds, cache_root) == set()


def test_file_changed_during_its_read_is_not_stored(dirs, monkeypatch):
    seeds, cache_root = dirs
    path = write(seeds, "a.txt", "Завод А построен.")
    real = ingest.read_file

    def read_then_change(p, root, kind, **kwargs):
        result = real(p, root, kind, **kwargs)
        write(seeds, "a.txt", "Завод построен и запущен.", mtime=OLD)  # after the read
        return result

    monkeypatch.setattr(ingest, "read_file", read_then_change)
    first = read_corpus_cached(seeds, cache_root)
    assert [d.text for d in first.documents] == ["Завод А построен."]
    assert stored(seeds, cache_root) == set()
    monkeypatch.setattr(ingest, "read_file", real)
    assert [d.text for d in read_corpus_cached(seeds, cache_root).documents] == [
        path.read_text("utf-8")
    ]


def test_unexpected_error_is_reported_but_not_cached(dirs, monkeypatch, reads):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A)
    write(seeds, "b.txt", RU_B)

    def broken(path, root, **kwargs):
        raise RuntimeError("reader bug")

    real = ingest.read_text_file
    monkeypatch.setattr(ingest, "read_text_file", broken)
    result = read_corpus_cached(seeds, cache_root)
    assert [r.reason for r in result.rejected] == [
        "unexpected error: RuntimeError('reader bug')"
    ] * 2
    assert stored(seeds, cache_root) == set()
    monkeypatch.setattr(ingest, "read_text_file", real)
    assert len(read_corpus_cached(seeds, cache_root).documents) == 2


def test_read_errors_of_the_moment_are_not_cached(dirs, monkeypatch):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A)
    write(seeds, "empty.txt", b"")
    monkeypatch.setattr(ingest, "_read_limited", lambda path, limit: "cannot read file (EIO)")
    result = read_corpus_cached(seeds, cache_root)
    assert {r.reason for r in result.rejected} == {"cannot read file (EIO)"}
    assert stored(seeds, cache_root) == set()
    monkeypatch.undo()
    result = read_corpus_cached(seeds, cache_root)
    assert [d.doc_id for d in result.documents] == ["a"]
    assert [r.reason for r in result.rejected] == ["empty file"]
    assert stored(seeds, cache_root) == {"a.txt", "empty.txt"}  # rejections are results too


def test_folder_problems_are_never_cached(dirs):
    seeds, cache_root = dirs
    outside = write(dirs[1].parent, "outside/x.txt", RU_A)
    (seeds / "linked").symlink_to(outside.parent, target_is_directory=True)
    write(seeds, "a.txt", RU_B)
    expected = read_corpus(seeds)
    assert any("outside the input folder" in r.reason for r in expected.rejected)
    assert read_corpus_cached(seeds, cache_root) == expected
    assert read_corpus_cached(seeds, cache_root) == expected
    assert stored(seeds, cache_root) == {"a.txt"}


def test_missing_input_folder_raises_like_uncached(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_corpus_cached(tmp_path / "nope", tmp_path / "cache")
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        read_corpus_cached(tmp_path / "file", tmp_path / "cache")


# ----------------------------------------------------------------------- damaged cache


def _valid_cache_bytes(seeds: Path, cache_root: Path) -> bytes:
    read_corpus_cached(seeds, cache_root)
    return cache_path(seeds, cache_root).read_bytes()


class _Foreign:
    """A class the cache must refuse to unpickle."""


@pytest.mark.parametrize(
    "damage",
    ["empty", "truncated", "garbage", "dict", "wrong-entries", "foreign-class", "other-key"],
)
def test_damaged_cache_file_means_full_read_and_is_repaired(dirs, reads, damage):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A)
    write(seeds, "sub/b.txt", RU_B)
    good = _valid_cache_bytes(seeds, cache_root)
    path = cache_path(seeds, cache_root)
    loaded = pickle.loads(good)
    bad = {
        "empty": b"",
        "truncated": good[: len(good) // 2],
        "garbage": os.urandom(64),
        "dict": pickle.dumps({"a.txt": ([], [])}),
        "wrong-entries": pickle.dumps(ingest_cache._CacheFile(loaded.key, [1, 2])),
        "foreign-class": pickle.dumps(_Foreign()),
        "other-key": pickle.dumps(ingest_cache._CacheFile(("old",), loaded.entries)),
    }[damage]
    path.write_bytes(bad)
    reads.clear()
    result = read_corpus_cached(seeds, cache_root)
    assert reads == ["a.txt", "sub/b.txt"]
    assert gc.isenabled()  # paused while loading, also when the load fails
    assert result == read_corpus(seeds)
    assert stored(seeds, cache_root) == {"a.txt", "sub/b.txt"}  # repaired
    reads.clear()
    assert read_corpus_cached(seeds, cache_root) == result
    assert reads == []


def test_damaged_entry_is_reread_alone(dirs, reads):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A)
    write(seeds, "b.txt", RU_B)
    path = cache_path(seeds, cache_root)
    loaded = pickle.loads(_valid_cache_bytes(seeds, cache_root))
    entry = loaded.entries["a.txt"]
    loaded.entries["a.txt"] = ingest_cache._Entry(entry.kind, entry.signature, ("text",), ())
    path.write_bytes(pickle.dumps(loaded))
    reads.clear()
    result = read_corpus_cached(seeds, cache_root)
    assert reads == ["a.txt"]
    assert result == read_corpus(seeds)
    assert all(isinstance(d, RawDocument) for d in result.documents)


def test_planted_pickle_does_not_run_code(dirs, tmp_path):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A)
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    path = cache_path(seeds, cache_root)
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps(Evil()))
    assert read_corpus_cached(seeds, cache_root) == read_corpus(seeds)
    assert not marker.exists()


def _can_write(folder: Path) -> bool:
    try:
        (folder / ".probe").write_bytes(b"")
    except OSError:
        return False
    (folder / ".probe").unlink()
    return True


def test_unwritable_cache_folder_still_gives_the_result(dirs):
    seeds, cache_root = dirs
    mixed_folder(seeds)
    folder = cache_root / ingest_cache.CACHE_SUBDIR
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        if _can_write(folder):
            pytest.skip("running as a user who can write to a 0o500 folder (root)")
        assert read_corpus_cached(seeds, cache_root) == read_corpus(seeds)
        assert read_corpus_cached(seeds, cache_root) == read_corpus(seeds)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_cache_root_that_is_a_file_still_gives_the_result(dirs):
    """Fails for root too, unlike chmod: the cache folder cannot even be created."""
    seeds, cache_root = dirs
    mixed_folder(seeds)
    cache_root.write_bytes(b"not a folder")
    assert read_corpus_cached(seeds, cache_root) == read_corpus(seeds)
    assert cache_root.read_bytes() == b"not a folder"


@pytest.mark.parametrize("failing", ["mkstemp", "replace"])
def test_failing_cache_write_still_gives_the_result(dirs, monkeypatch, failing):
    """The chmod test above is skipped for root; this one fails the write for anybody."""
    seeds, cache_root = dirs
    mixed_folder(seeds)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    from pipeline.runtime import atomic  # the cache writes through runtime.atomic

    if failing == "mkstemp":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    else:
        monkeypatch.setattr(atomic.os, "replace", denied)
    assert read_corpus_cached(seeds, cache_root) == read_corpus(seeds)
    folder = cache_root / ingest_cache.CACHE_SUBDIR
    assert list(folder.iterdir()) == []  # no cache, and no temporary file left behind


def test_one_cache_file_per_input_folder(tmp_path):
    cache_root = tmp_path / "cache"
    one, two = tmp_path / "one", tmp_path / "two"
    write(one, "a.txt", RU_A)
    write(two, "a.txt", RU_B)
    assert read_corpus_cached(one, cache_root).documents[0].text == RU_A
    assert read_corpus_cached(two, cache_root).documents[0].text == RU_B
    assert read_corpus_cached(one, cache_root).documents[0].text == RU_A
    assert cache_path(one, cache_root) != cache_path(two, cache_root)
    assert len(list((cache_root / ingest_cache.CACHE_SUBDIR).iterdir())) == 2  # no temp left


# ----------------------------------------------------------------------- symlinks


def test_retargeted_symlink_is_reread(dirs, reads):
    seeds, cache_root = dirs
    write(seeds, "targets/one.txt", "Завод А построен.")
    write(seeds, "targets/two.txt", "Завод Б построен.")  # same size
    link = seeds / "link.txt"
    link.symlink_to(Path("targets/one.txt"))
    first = read_corpus_cached(seeds, cache_root)
    assert {d.doc_id: d.text for d in first.documents}["link"] == "Завод А построен."
    link.unlink()
    link.symlink_to(Path("targets/two.txt"))
    reads.clear()
    result = read_corpus_cached(seeds, cache_root)
    assert reads == ["link.txt"]
    assert result == read_corpus(seeds)
    assert result.duplicates[0].doc_id == "targets__two"  # link.txt now has two's text


def test_retargeted_link_in_a_chain_is_reread(dirs, reads):
    seeds, cache_root = dirs
    write(seeds, "t/one.txt", "Завод А построен.")
    write(seeds, "t/two.txt", "Завод Б построен.")
    mid = seeds / "t" / "mid.txt"
    mid.symlink_to("one.txt")
    (seeds / "link.txt").symlink_to(Path("t/mid.txt"))
    read_corpus_cached(seeds, cache_root)
    mid.unlink()
    mid.symlink_to("two.txt")
    reads.clear()
    result = read_corpus_cached(seeds, cache_root)
    assert sorted(reads) == ["link.txt", "t/mid.txt"]
    assert result == read_corpus(seeds)


def test_broken_symlink_is_reported_and_not_cached(dirs):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A)
    (seeds / "dangling.txt").symlink_to("missing.txt")
    result = read_corpus_cached(seeds, cache_root)
    assert result == read_corpus(seeds)
    assert stored(seeds, cache_root) == {"a.txt"}
    write(seeds, "missing.txt", RU_B)
    result = read_corpus_cached(seeds, cache_root)
    assert {d.doc_id for d in result.documents} == {"a", "dangling"}


@pytest.mark.parametrize("where", ["link", "chain"])
def test_link_repointed_to_a_hardlink_outside_is_reread(tmp_path, where):
    """The target's inode (the os.stat signature) stays the same; only the link itself
    (os.lstat) or, for a chain, the resolved path tells that it now points outside."""
    seeds, cache_root = tmp_path / "seeds", tmp_path / "cache"
    inside = write(seeds, "t/one.txt", RU_A)
    outside = tmp_path / "outside.txt"
    os.link(inside, outside)
    link = seeds / "link.txt"
    repointed = seeds / "t" / "mid.txt" if where == "chain" else link
    if where == "chain":
        repointed.symlink_to("one.txt")
        link.symlink_to(Path("t/mid.txt"))
    else:
        link.symlink_to(Path("t/one.txt"))
    read_corpus_cached(seeds, cache_root)
    stat_before = ingest_cache._stat_sig(os.stat(link))
    repointed.unlink()
    repointed.symlink_to(outside)
    assert ingest_cache._stat_sig(os.stat(link)) == stat_before  # same inode, times, size
    expected = read_corpus(seeds)
    assert any(r.source == "link.txt" and "outside" in r.reason for r in expected.rejected)
    assert read_corpus_cached(seeds, cache_root) == expected


# ----------------------------------------------------------------------- signature parts
# A real write changes the ctime too, so these parts are checked on the signature itself.


SIGNATURE_FIELDS = ["st_size", "st_mtime_ns", "st_ctime_ns", "st_ino", "st_dev"]


@pytest.mark.parametrize("field", SIGNATURE_FIELDS)
def test_every_stat_field_is_in_the_signature(tmp_path, field):
    st = os.stat(write(tmp_path, "a.txt", RU_A))
    same = {name: getattr(st, name) for name in SIGNATURE_FIELDS}
    sig = ingest_cache._stat_sig(st)
    assert ingest_cache._stat_sig(SimpleNamespace(**same)) == sig
    assert ingest_cache._stat_sig(SimpleNamespace(**{**same, field: same[field] + 1})) != sig


def test_recreated_link_changes_the_signature(tmp_path):
    write(tmp_path, "one.txt", RU_A)
    link = tmp_path / "link.txt"
    link.symlink_to("one.txt")
    before, _ = ingest_cache._signature(link)
    link.unlink()
    link.symlink_to("one.txt")  # same target, a new link (new inode / ctime)
    assert ingest_cache._signature(link)[0] != before


def test_entry_of_another_kind_is_not_reused(dirs, reads):
    seeds, cache_root = dirs
    write(seeds, "a.txt", RU_A)
    path = cache_path(seeds, cache_root)
    loaded = pickle.loads(_valid_cache_bytes(seeds, cache_root))
    entry = loaded.entries["a.txt"]
    loaded.entries["a.txt"] = ingest_cache._Entry("jsonl", entry.signature, (), ())
    path.write_bytes(pickle.dumps(loaded))
    reads.clear()
    assert read_corpus_cached(seeds, cache_root) == read_corpus(seeds)
    assert reads[0] == "a.txt"
