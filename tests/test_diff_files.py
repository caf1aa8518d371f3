"""A release's changes computed from the two CSV files on disk (pipeline/diff_files.py).

Every case compares `file_changes` with the in-memory diff it replaces for large tables
(`releases.table_changes`, the changes file as `csv_bytes` renders it, `_examples`): the
same file bytes, counts, row counts and changelog lines. The rows are written for the
tests.
"""

from __future__ import annotations

import random

import pandas as pd
import pytest

from pipeline import releases
from pipeline.diff_files import file_changes
from pipeline.publish import csv_bytes


def _plants(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["plant_id", "doc_id", "name", "region_code", "status"])


BASE = [
    ("plt-a", "d1", "Завод «Север»", "RU-TA", "launched"),
    ("plt-b", "d1", 'Комбинат "Юг", ООО', "RU-TA", "planned"),
    ("plt-c", "d2", "цех\nс переносом строки", "", "announced"),
    ("plt-d", "d3", "=формула", "RU-KGD", "closed"),
]


def _compare(tmp_path, table: str, old: pd.DataFrame | None, new: pd.DataFrame) -> None:
    new_path = tmp_path / "new.csv"
    new_path.write_bytes(csv_bytes(new))
    old_path = None
    if old is not None:
        old_path = tmp_path / "old.csv"
        old_path.write_bytes(csv_bytes(old))
    out = tmp_path / "changes.csv"
    got = file_changes(table, old_path, new_path, out, tmp_path / "spill")
    frame, counts, rows, previous = releases.table_changes(
        table, old_path.read_bytes() if old_path else None, new_path.read_bytes())
    assert out.read_bytes() == csv_bytes(frame)
    assert got.counts == counts
    assert (got.rows, got.previous_rows) == (rows, previous)
    assert got.examples == releases._examples(table, frame)


def test_the_first_release_adds_every_row(tmp_path) -> None:
    _compare(tmp_path, "plants", None, _plants(BASE))


def test_the_same_file_changes_nothing(tmp_path) -> None:
    _compare(tmp_path, "plants", _plants(BASE), _plants(BASE))


def test_rows_added_removed_and_changed_in_one_or_two_columns(tmp_path) -> None:
    new = [BASE[0], (*BASE[1][:3], "RU-TA", "launched"), ("plt-c", "d2", "цех", "RU-MOS",
                                                          "announced"),
           ("plt-e", "d4", "новый, с запятой", "RU-TA", "planned"),
           ("plt-f", "d4", "ещё один", "", "planned")]
    _compare(tmp_path, "plants", _plants(BASE), _plants(new))


def test_a_table_without_a_key_matches_repeated_rows_one_by_one(tmp_path) -> None:
    cols = ["source", "doc_id", "stage", "reason"]
    old = pd.DataFrame([("a.txt", "a", "ingest", "x"), ("a.txt", "a", "ingest", "x"),
                        ("b.txt", "b", "parse", "y")], columns=cols)
    new = pd.DataFrame([("a.txt", "a", "ingest", "x"), ("c.txt", "c", "duplicate", ""),
                        ("c.txt", "c", "duplicate", ""), ("b.txt", "b", "parse", "y")],
                       columns=cols)
    _compare(tmp_path, "rejected_documents", old, new)


def test_a_column_added_or_dropped_between_releases(tmp_path) -> None:
    old = _plants(BASE).drop(columns="status")
    _compare(tmp_path, "plants", old, _plants(BASE))
    _compare(tmp_path, "plants", _plants(BASE), old)


def test_more_changes_than_the_examples_show(tmp_path) -> None:
    old = pd.DataFrame({"person_id": [f"per-{i:012x}" for i in range(8)],
                        "full_name": [f"Имя {i}" for i in range(8)]})
    new = old.copy()
    new["full_name"] = [f"Имя {i}" + ("!" if i % 2 else "") for i in range(8)]
    new = pd.concat([new.iloc[2:], pd.DataFrame({"person_id": ["per-ffffffffffff"],
                                                 "full_name": ["Новый"]})])
    _compare(tmp_path, "people", old, new)


@pytest.mark.parametrize("seed", range(6))
def test_random_tables(tmp_path, seed) -> None:
    rng = random.Random(seed)
    words = ["завод", "цех", "", "a,b", 'c"d', "e\nf", "RU-TA", "10", "9", "Ё"]

    def table(n: int) -> pd.DataFrame:
        rows = [(f"plt-{rng.randrange(12):02d}", f"d{rng.randrange(3)}",
                 rng.choice(words), rng.choice(["RU-TA", "", "RU-KGD"]),
                 rng.choice(["launched", "closed"])) for _ in range(n)]
        return _plants(rows).drop_duplicates(["plant_id", "doc_id"])

    _compare(tmp_path, "plants", table(rng.randrange(0, 20)), table(rng.randrange(1, 20)))


def test_the_examples_a_reader_gets(tmp_path) -> None:
    """The changelog's lines themselves, not only their equality with the in-memory diff."""
    old = _plants(BASE)
    new = _plants([BASE[0], (*BASE[1][:4], "launched"), *BASE[2:],
                   ("plt-e", "d4", "новый", "RU-TA", "planned"),
                   ("plt-f", "d4", "ещё", "RU-TA", "planned")])
    (tmp_path / "old.csv").write_bytes(csv_bytes(old))
    (tmp_path / "new.csv").write_bytes(csv_bytes(new))
    got = file_changes("plants", tmp_path / "old.csv", tmp_path / "new.csv",
                       tmp_path / "changes.csv", tmp_path / "spill")
    assert got.counts == {"added": 2, "changed": 1, "removed": 0}
    assert got.examples == ["+2 plants in RU-TA", "status of plt-b: planned -> launched"]
