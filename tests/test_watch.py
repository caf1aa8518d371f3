"""The sensors' view of the input folder (pipeline/ingest/watch.py)."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.ingest.watch import changes, seeds_fingerprint


def test_fingerprint_lists_input_files_only(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("текст", "utf-8")
    (tmp_path / "sub" / "b.jsonl").write_text("{}\n", "utf-8")
    (tmp_path / "notes.md").write_text("not an input", "utf-8")
    fp = seeds_fingerprint(tmp_path)
    assert list(fp) == ["a.txt", os.path.join("sub", "b.jsonl")]
    assert fp["a.txt"].startswith(f"{len('текст'.encode())}:")
    assert seeds_fingerprint(tmp_path / "missing") == {}


def test_changes_names_added_changed_and_removed_files() -> None:
    before = {"a.txt": "5:1", "b.txt": "7:1", "c.txt": "1:1"}
    after = {"a.txt": "5:1", "b.txt": "8:2", "d.txt": "3:3"}
    assert changes(before, after) == (["b.txt", "d.txt"], ["c.txt"])
    assert changes({}, after) == (["a.txt", "b.txt", "d.txt"], [])
    assert changes(after, after) == ([], [])
