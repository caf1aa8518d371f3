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
