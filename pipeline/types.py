"""Plain data records passed between extraction steps.

They are frozen dataclasses rather than DataFrames so the extraction code stays
testable without pandas or Dagster, and so each step's contract is explicit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class RawDocument:
    """One article as read from the input folder, before any NLP."""

    doc_id: str
    text: str  # header removed, line endings normalised to "\n"
    source: str  # path relative to the input folder (for JSONL: "file.jsonl:LINE")
    sha256: str  # of the raw bytes (for JSONL: of the line's bytes)
    published: date | None = None
    title: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()  # non-fatal notes, e.g. "date in the future ignored"

    @property
    def n_chars(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Rejection:
    """A document (or file) that could not be used, and why, in words for a user."""

    source: str
    reason: str
    stage: str = "ingest"
    doc_id: str | None = None


@dataclass(frozen=True)
class Duplicate:
    """A document whose text is identical to one already kept."""

    doc_id: str
    source: str
    duplicate_of: str


@dataclass
class IngestResult:
    documents: list[RawDocument] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
