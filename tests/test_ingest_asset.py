"""The ingest asset finishes an interrupted publish first and logs per-document warnings."""

from __future__ import annotations

import dagster as dg
import pytest

from pipeline.dagster_defs.assets import raw_documents
from pipeline.dagster_defs.io import ParquetIOManager
from pipeline.dagster_defs.resources import PipelineSettings
from pipeline.publish import publish


@pytest.fixture
def dirs(tmp_path, monkeypatch):
    seeds, out = tmp_path / "seeds", tmp_path / "out"
    seeds.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    return seeds, out


def _materialize(dirs, instance: dg.DagsterInstance | None = None
                 ) -> dg.ExecuteInProcessResult:
    seeds, out = dirs
    settings = PipelineSettings(seeds_dir=str(seeds), datasets_dir=str(out),
                                cache_dir=str(seeds.parent / "cache"))
    return dg.materialize([raw_documents], instance=instance,
                          resources={"io_manager": ParquetIOManager(), "settings": settings})


def test_a_publish_killed_after_its_commit_marker_is_rolled_forward_before_ingest(dirs):
    seeds, out = dirs
    (seeds / "a.txt").write_text("Текст, написанный для тестов.", "utf-8")
    publish({"t.csv": b"old\n", "u.csv": b"old\n"}, out)
    with pytest.raises(RuntimeError):
        publish({"t.csv": b"new\n", "u.csv": b"new\n"}, out, _crash_after=1)
    assert {(out / n).read_bytes() for n in ("t.csv", "u.csv")} == {b"old\n", b"new\n"}
    assert _materialize(dirs).success
    assert (out / "t.csv").read_bytes() == (out / "u.csv").read_bytes() == b"new\n"
    assert not any(p.name.startswith(".staging") for p in out.iterdir())


def test_document_warnings_reach_the_run_log(dirs):
    seeds, out = dirs
    (seeds / "future.txt").write_text("date 2999-01-01\nТекст, написанный для тестов.", "utf-8")
    instance = dg.DagsterInstance.ephemeral()
    result = _materialize(dirs, instance)
    assert result.success
    messages = [e.user_message for e in instance.all_logs(result.run_id)]
    assert any("future.txt" in m and "future" in m for m in messages)


def test_many_warnings_and_duplicates_are_one_log_event_each(dirs):
    """A build re-reads every document's warnings: one event per document made a large
    corpus pay seconds of event-log writes per build. 30 documents with a future date and
    25 duplicates (texts written for the test) give one event each, 20 names shown, the
    count complete in the message and in the asset's metadata."""
    seeds, _ = dirs
    for i in range(30):
        (seeds / f"future{i:02d}.txt").write_text(
            f"date 2999-01-01\nТекст {i}, написанный для тестов.", "utf-8")
    for i in range(26):
        (seeds / f"dup{i:02d}.txt").write_text("Один и тот же текст для тестов.", "utf-8")
    instance = dg.DagsterInstance.ephemeral()
    result = _materialize(dirs, instance)
    assert result.success
    messages = [e.user_message for e in instance.all_logs(result.run_id)]
    warned = [m for m in messages if "document warnings" in m]
    assert len(warned) == 1
    assert warned[0].startswith("30 document warnings: ")
    assert warned[0].count(".txt: ") == 20 and "… and 10 more" in warned[0]
    assert "\n" not in warned[0]
    dups = [m for m in messages if m.startswith("25 duplicates: ")]
    assert len(dups) == 1 and "… and 5 more" in dups[0]
    assert not any(m.startswith("duplicate ") for m in messages)
    meta = result.asset_materializations_for_node("raw_documents")[0].metadata
    assert meta["documents_with_warnings"].value == 30
    assert meta["duplicates"].value == 25


def test_few_warnings_are_listed_whole(dirs):
    seeds, _ = dirs
    (seeds / "a.txt").write_text("date 2999-01-01\nТекст, написанный для тестов.", "utf-8")
    instance = dg.DagsterInstance.ephemeral()
    result = _materialize(dirs, instance)
    messages = [e.user_message for e in instance.all_logs(result.run_id)]
    warned = [m for m in messages if "document warnings" in m]
    assert len(warned) == 1 and warned[0].startswith("1 document warnings: a.txt: ")
    assert "more" not in warned[0] and warned[0].endswith("(see the `warnings` column of "
                                                          "raw_documents)")
