"""`make datasets` (pipeline/build.py): the run's own messages are shown, Dagster's event
stream goes to the log file only. The log lines are copied from a real run's output."""

from __future__ import annotations

import pytest

from pipeline.build import shown

RUN = "2026-12-06 02:19:57 +0000 - dagster - {level} - build_datasets - " \
      "68708161-9c27-47df-8095-98c16726bb7a - {rest}"


@pytest.mark.parametrize(("level", "rest", "expected"), [
    ("INFO", "parsed_entities - parsed 12 of 100 documents (12%), 1.8 documents/s, ETA 48 s",
     "02:19:57 parsed_entities: parsed 12 of 100 documents (12%), 1.8 documents/s, ETA 48 s"),
    ("WARNING", "raw_documents - rejected bad.txt: empty file",
     "02:19:57 raw_documents: WARNING: rejected bad.txt: empty file"),
    ("WARNING", "2596 - tables - quarantined 2 plants rows of document d1: duplicate id",
     "02:19:57 tables: WARNING: quarantined 2 plants rows of document d1: duplicate id"),
    ("DEBUG", "2596 - parsed_entities - STEP_START - Started execution of step", None),
    ("ERROR", "2596 - tables - STEP_FAILURE - Execution of step \"tables\" failed.", None),
    ("INFO", "2596 - RUN_START - Started execution of run for \"build_datasets\".", None),
])
def test_shown_lines(level: str, rest: str, expected: str | None) -> None:
    assert shown(RUN.format(level=level, rest=rest)) == expected


def test_other_output_is_not_shown() -> None:
    assert shown("Traceback (most recent call last):") is None
    assert shown("") is None


def test_the_summary_names_the_release(tmp_path) -> None:
    """The summary reads the published files back, and names the release they belong to."""
    import json

    import pandas as pd

    from pipeline.build import summary
    from pipeline.schemas import TABLES, empty_frame

    for table, model in TABLES.items():
        empty_frame(model).to_parquet(tmp_path / f"{table}.parquet")
    (tmp_path / "releases.json").write_text(json.dumps({"latest": "r0002-abc"}), "utf-8")
    lines = summary(tmp_path)
    assert "documents published: 0" in lines
    assert any(line.startswith("release: r0002-abc") for line in lines)
    assert pd.read_parquet(tmp_path / "plants.parquet").empty


def test_the_summary_counts_rejections_and_quarantine(tmp_path) -> None:
    """Rejected inputs by stage, duplicates, and quarantined documents, read from the files
    (rows made up for the test)."""
    import pandas as pd

    from pipeline.build import summary
    from pipeline.schemas import TABLES, empty_frame

    for table, model in TABLES.items():
        empty_frame(model).to_parquet(tmp_path / f"{table}.parquet")
    pd.DataFrame({"stage": ["ingest", "ingest", "parse", "duplicate"]}).to_parquet(
        tmp_path / "rejected_documents.parquet")
    pd.DataFrame({"doc_id": ["a", "a", "b"]}).to_parquet(tmp_path / "quarantined_rows.parquet")
    pd.DataFrame({"doc_id": ["a", "b", "c"]}).to_parquet(tmp_path / "documents.parquet")
    lines = summary(tmp_path)
    assert "documents published: 3" in lines
    assert ("inputs rejected: 3 (unreadable 2, failed NLP 1), duplicates skipped: 1 "
            "-> rejected_documents") in lines
    assert "documents with quarantined rows: 2 (3 rows -> quarantined_rows)" in lines
