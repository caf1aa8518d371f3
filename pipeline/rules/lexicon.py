"""Word lists as data: `pipeline/data/lexicon/<name>.csv`, one row per word.

A user adds a position, a status verb or a facility noun by adding a row, without reading
the rules. Each file has a header; its columns say what the word does (documented in
`pipeline/data/README.md`). Lines starting with `#` are comments. Flag columns hold `1`
(yes) or are empty (no). The extractor version hashes `pipeline/data/`, so editing a file
re-parses every document.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"
_TRUE = {"1", "yes", "true", "y"}


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """Every row of `<name>.csv` as a dict of stripped strings (comments skipped)."""
    with (LEXICON_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return tuple({k: (v or "").strip() for k, v in r.items() if k is not None}
                 for r in csv.DictReader(lines))


def is_set(value: str) -> bool:
    return value.strip().lower() in _TRUE


def words(name: str, column: str = "word", **where: str) -> frozenset[str]:
    """The `column` values of the rows whose other columns equal `where`
    (`words("officials_words", role="copula_verb")`)."""
    return frozenset(r[column] for r in rows(name)
                     if r[column] and all(r.get(k, "") == v for k, v in where.items()))


def flagged(name: str, flag: str, column: str = "word") -> frozenset[str]:
    """The `column` values of the rows whose `flag` column is set."""
    return frozenset(r[column] for r in rows(name) if r[column] and is_set(r.get(flag, "")))


def mapping(name: str, key: str, value: str, **where: str) -> dict[str, str]:
    """`key` -> `value` over the rows matching `where`, in file order."""
    return {r[key]: r[value] for r in rows(name)
            if r[key] and all(r.get(k, "") == v for k, v in where.items())}


def ordered(name: str, column: str = "word", **where: str) -> tuple[str, ...]:
    """The `column` values in file order, for lists whose order matters (longest first)."""
    return tuple(r[column] for r in rows(name)
                 if r[column] and all(r.get(k, "") == v for k, v in where.items()))
