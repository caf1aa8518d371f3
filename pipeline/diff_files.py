"""A release's changes of one table computed from its two CSV files on disk (issue 20).

Why: `releases.table_changes` reads the previous and the new CSV whole, as frames of
strings, and merges them: at 10^6 documents that is several GB for one table, more than
the rest of the build. Here DuckDB joins the two files on the table's key (spilling to disk
past `table_store.SORT_MEMORY`), returns only the rows that differ, in the changes file's
order, and the changes file is written a block at a time. The file, the counts and the
examples are those `table_changes`, `csv_bytes` and `_examples` give
(tests/test_diff_files.py compares them).
"""

from __future__ import annotations

import csv
import filecmp
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.schema_export import primary_key

ORDER = {"added": 0, "changed": 1, "removed": 2}
BLOCK = 50_000


@dataclass
class Changes:
    """What `releases.table_changes` returns, without the rows: they are in the file."""

    counts: dict[str, int]
    rows: int
    previous_rows: int
    examples: list[str] = field(default_factory=list)


def _header(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh), [])


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _source(path: Path) -> str:
    quoted = "'" + str(path).replace("'", "''") + "'"
    # every cell a string, an empty cell '' (pandas' dtype=str, keep_default_na=False)
    return (f"read_csv({quoted}, header=true, all_varchar=true, delim=',', quote='\"', "
            f"escape='\"', strict_mode=true, auto_detect=false, columns={{"
            + ", ".join(f"{_lit(c)}: 'VARCHAR'" for c in _header(path)) + "})")


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _side(path: Path | None, cols: list[str], key: list[str]) -> str:
    """One file's rows with every column of `cols` ('' where it has none) and `_n`, the
    occurrence of the row's key (a repeated key is matched occurrence by occurrence)."""
    have = set(_header(path)) if path is not None else set()
    select = ", ".join(f"coalesce({_q(c)}, '') AS {_q(c)}" if c in have else f"'' AS {_q(c)}"
                       for c in cols)
    if path is None:
        return f"SELECT {select}, 0 AS _n WHERE false"
    part = ", ".join(f"coalesce({_q(c)}, '')" if c in have else "''" for c in key)
    # the file's order: the connection scans with one thread, keeping the rows' order
    return (f"SELECT {select}, row_number() OVER (PARTITION BY {part} ORDER BY _rid) - 1 "
            f"AS _n FROM (SELECT *, row_number() OVER () AS _rid FROM {_source(path)})")


def _query(cols: list[str], key: list[str], old: Path | None, new: Path) -> str:
    values = [c for c in cols if c not in key]
    on = " AND ".join([*(f"o.{_q(k)} = n.{_q(k)}" for k in key), "o._n = n._n"])
    differs = " OR ".join(f"o.{_q(v)} <> n.{_q(v)}" for v in values) or "false"
    shown = ", ".join(
        [f"coalesce(n.{_q(k)}, o.{_q(k)}) AS {_q(k)}" for k in key]
        + [f"CASE WHEN n._n IS NULL THEN o.{_q(v)} ELSE n.{_q(v)} END AS {_q(v)}"
           for v in values]
        + [f"o.{_q(v)} AS {_q('old ' + v)}" for v in values])
    change = ("CASE WHEN o._n IS NULL THEN 'added' WHEN n._n IS NULL THEN 'removed' "
              "ELSE 'changed' END")
    order = ", ".join(f"{_q(k)}" for k in key)
    return (f"SELECT * FROM (SELECT {change} AS change, {shown}, "
            f"coalesce(n._n, o._n) AS _n FROM ({_side(old, cols, key)}) o FULL OUTER JOIN "
            f"({_side(new, cols, key)}) n ON {on} WHERE o._n IS NULL OR n._n IS NULL OR "
            f"({differs})) ORDER BY CASE change WHEN 'added' THEN 0 WHEN 'changed' THEN 1 "
            f"ELSE 2 END, {order}, CAST(_n AS VARCHAR)")


def _blocks(con: object, sql: str, cols: list[str], values: list[str]
            ) -> Iterator[pd.DataFrame]:
    """The changed rows in the changes file's columns, a block at a time."""
    reader = con.sql(sql).to_arrow_reader(BLOCK)  # type: ignore[attr-defined]
    for batch in reader:
        df = batch.to_pandas()
        changed_cols, previous = [], []
        for change, *rest in zip(df["change"], *(df[v] for v in values),
                                 *(df["old " + v] for v in values), strict=True):
            if change != "changed":
                changed_cols.append("")
                previous.append("")
                continue
            new_v, old_v = rest[:len(values)], rest[len(values):]
            diff = [v for v, a, b in zip(values, new_v, old_v, strict=True) if a != b]
            changed_cols.append(";".join(diff))
            previous.append(json.dumps({v: b for v, a, b in zip(values, new_v, old_v,
                                                                strict=True) if a != b},
                                       ensure_ascii=False))
        out = df[["change", *cols]].copy()
        out["changed_columns"] = changed_cols
        out["previous_values"] = previous
        yield out


class Examples:
    """The changelog's example lines of a table's changes ('+3 plants in RU-TUL', 'status of
    plt-… a -> b'), from the changed rows as they stream by, a block at a time."""

    def __init__(self, table: str, cols: list[str], limit: int = 3) -> None:
        self.table, self.limit = table, limit
        self.regional = "region_code" in cols
        self.key = (primary_key(table) or [cols[0]])[0]
        self.by_region = {"added": Counter(), "removed": Counter()}
        self.firsts: dict[str, list[str]] = {"added": [], "removed": []}
        self.n = {"added": 0, "removed": 0}
        self.changed: list[dict] = []

    def add(self, block: pd.DataFrame) -> None:
        for change in ("added", "removed"):
            rows = block[block["change"] == change]
            self.n[change] += len(rows)
            if self.regional:
                self.by_region[change].update(v or "no region" for v in rows["region_code"])
            self.firsts[change] += [str(v) for v in rows[self.key].head(self.limit)]
        if len(self.changed) < self.limit:
            rows = block[block["change"] == "changed"].head(self.limit - len(self.changed))
            self.changed += rows.to_dict("records")

    def lines(self) -> list[str]:
        out = []
        for change, sign in (("added", "+"), ("removed", "−")):
            if not self.n[change]:
                continue
            if self.regional:
                out += [f"{sign}{n} {self.table} in {region}"
                        for region, n in self.by_region[change].most_common(self.limit)]
            else:
                shown = ", ".join(self.firsts[change][:self.limit])
                out.append(f"{sign}{self.n[change]} {self.table}: {shown}"
                           + (", …" if self.n[change] > self.limit else ""))
        for r in self.changed:
            previous = json.loads(r["previous_values"])
            for col in r["changed_columns"].split(";")[:2]:
                out.append(f"{col} of {r[self.key]}: {previous[col] or '(empty)'} -> "
                           f"{r[col] or '(empty)'}")
        return out


def file_changes(table: str, old: Path | None, new: Path, out: Path, spill: Path
                 ) -> Changes:
    """The changes of `table` from the CSV `old` (None: no previous release) to the CSV
    `new`, written to `out` as the changes CSV; the counts, the rows of each side and the
    changelog's examples."""
    from pipeline.publish import csv_bytes
    from pipeline.table_store import duckdb_connection

    cols = _header(new)
    if old is not None:
        cols += [c for c in _header(old) if c not in cols]
    key = [c for c in (primary_key(table) or cols) if c in cols] or cols
    values = [c for c in cols if c not in key]
    con = duckdb_connection(spill, threads=1)
    try:
        rows = con.sql(f"SELECT count(*) FROM {_source(new)}").fetchall()[0][0]  # type: ignore
        previous = rows if old is not None and filecmp.cmp(old, new, shallow=False) else (
            con.sql(f"SELECT count(*) FROM {_source(old)}").fetchall()[0][0]  # type: ignore
            if old is not None else 0)
        counts = dict.fromkeys(ORDER, 0)
        examples = Examples(table, cols)
        empty = pd.DataFrame(columns=["change", *cols, "changed_columns", "previous_values"])
        with open(out, "wb") as fh:
            fh.write(csv_bytes(empty))
            if not (old is not None and filecmp.cmp(old, new, shallow=False)):
                for block in _blocks(con, _query(cols, key, old, new), cols, values):
                    for change, n in block["change"].value_counts().items():
                        counts[str(change)] += int(n)
                    examples.add(block)
                    fh.write(csv_bytes(block).split(b"\n", 1)[1])
    finally:
        con.close()  # type: ignore[attr-defined]
    return Changes(counts, int(rows), int(previous), examples.lines())
