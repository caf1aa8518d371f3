"""Tables kept as Parquet files and read a few columns or a block of rows at a time (issue 20).

Why: as pandas frames the fact tables of 10^6 documents take ~5 GB, and a build held all of
them at once (the tables step, then the publish step). A `StoredTable` is one Parquet file
in the table's published Arrow schema (`schema_export.arrow_schema`), in the table's row
order (`schemas.SORT_KEYS`), written in row groups of `ROW_GROUP` rows. The tables step
writes the fact tables by sorting the month parts on disk (DuckDB, `write_sorted`), not by
concatenating frames; the registries and the checks read the columns they compare
(`StoredTable.read`); the publish step takes the file's bytes as the published Parquet and
renders the CSV files a block at a time (`StoredTable.blocks`).

One rendering: every Parquet file of a table, stored or published, is written by
`write_blocks` from blocks of `ROW_GROUP` rows (`publish.parquet_bytes` too), so a table
stored from its month parts and the same table rendered from a frame are the same bytes
(tests/test_table_store.py).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as paw
import pyarrow.parquet as pq

from pipeline.schema_export import arrow_schema
from pipeline.schemas import SORT_KEYS, TABLES, columns

ROW_GROUP = 65_536  # rows per Parquet row group and per block read back
# what the sort of a fact table may hold in memory before DuckDB spills to disk
SORT_MEMORY = "256MB"


@dataclass(frozen=True)
class StoredTable:
    """A table as a Parquet file (see the module docstring): its name, path and rows."""

    table: str
    path: Path
    rows: int

    def __len__(self) -> int:
        return self.rows

    @property
    def empty(self) -> bool:
        return self.rows == 0

    def read(self, cols: Sequence[str] | None = None) -> pd.DataFrame:
        """The table's rows as a frame, only the columns `cols` (all when None)."""
        return to_frame(pq.read_table(self.path, columns=list(cols) if cols else None))

    def blocks(self, rows: int = ROW_GROUP) -> Iterator[pd.DataFrame]:
        """The rows in order, `rows` at a time, as frames of every column."""
        pf = pq.ParquetFile(self.path)
        schema = pf.schema_arrow
        for batch in pf.iter_batches(batch_size=rows):
            yield to_frame(paw.Table.from_batches([batch], schema=schema))

    def data(self) -> bytes:
        return self.path.read_bytes()


def to_frame(tbl: paw.Table) -> pd.DataFrame:
    """The frame the tables step would hold for these rows: dictionary-encoded columns as
    strings, integers that may be null as pandas' Int64, dates as `datetime.date`."""
    out = {}
    for field, col in zip(tbl.schema, tbl.columns, strict=True):
        if paw.types.is_dictionary(field.type):
            col = col.cast(paw.string())
        if paw.types.is_integer(field.type) and field.nullable:
            out[field.name] = col.to_pandas(types_mapper={paw.int64(): pd.Int64Dtype()}.get)
        else:
            out[field.name] = col.to_pandas()
    return pd.DataFrame(out, columns=[f.name for f in tbl.schema])


def write_blocks(table: str, blocks: Iterable[pd.DataFrame], sink: str | Path | io.BytesIO
                 ) -> int:
    """Writes the frames (each at most ROW_GROUP rows, in order) as the table's Parquet
    file, one row group each; the number of rows written."""
    from pipeline.publish import to_arrow

    n = 0
    with pq.ParquetWriter(sink, arrow_schema(table), compression="zstd",
                          write_statistics=True) as writer:
        for block in _regrouped(blocks):
            writer.write_table(to_arrow(table, block), row_group_size=ROW_GROUP)
            n += len(block)
        if n == 0:  # one empty row group, as pyarrow's write_table writes an empty table
            empty = pd.DataFrame(columns=columns(TABLES[table]))
            writer.write_table(to_arrow(table, empty), row_group_size=ROW_GROUP)
    return n


def _regrouped(blocks: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """The rows of `blocks` again, in blocks of exactly ROW_GROUP rows (the last fewer):
    the file's row groups do not depend on how its rows came in."""
    pending: list[pd.DataFrame] = []
    held = 0
    for block in blocks:
        if block.empty:
            continue
        pending.append(block)
        held += len(block)
        while held >= ROW_GROUP:
            whole = pd.concat(pending, ignore_index=True) if len(pending) > 1 else pending[0]
            yield whole.iloc[:ROW_GROUP].reset_index(drop=True)
            rest = whole.iloc[ROW_GROUP:].reset_index(drop=True)
            pending, held = ([rest] if len(rest) else []), len(rest)
    if pending:
        yield pd.concat(pending, ignore_index=True) if len(pending) > 1 else pending[0]


def frame_blocks(df: pd.DataFrame) -> Iterator[pd.DataFrame]:
    """A frame's rows in blocks of ROW_GROUP."""
    for start in range(0, len(df), ROW_GROUP):
        yield df.iloc[start:start + ROW_GROUP]


def write_frame(table: str, df: pd.DataFrame, path: Path) -> StoredTable:
    """The table's frame (validated, in its row order) stored as its Parquet file."""
    df = df.reindex(columns=columns(TABLES[table]))
    _write_atomically(path, lambda tmp: write_blocks(table, frame_blocks(df), tmp))
    return StoredTable(table, path, len(df))


def _write_atomically(path: Path, write: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)  # type: ignore[operator]
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _quoted(paths: Sequence[Path]) -> str:
    return "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"


def duckdb_connection(spill: Path, threads: int = 2) -> object:
    """An in-memory DuckDB that spills to `spill` past SORT_MEMORY and keeps rows in the
    order they are read."""
    import duckdb

    spill.mkdir(parents=True, exist_ok=True)
    return duckdb.connect(":memory:", config={
        "threads": threads, "memory_limit": SORT_MEMORY, "temp_directory": str(spill),
        "preserve_insertion_order": True})


def _sorted_blocks(con: object, sql: str) -> Iterator[pd.DataFrame]:
    reader = con.sql(sql).to_arrow_reader(ROW_GROUP)  # type: ignore[attr-defined]
    for batch in reader:
        yield to_frame(paw.Table.from_batches([batch]))


def write_sorted(table: str, parts: Sequence[Path], path: Path, spill: Path) -> StoredTable:
    """The rows of the month parts `parts` (Parquet files of the table's frames, in
    partition order) as one file in the table's row order: sorted by its SORT_KEYS (nulls
    first), rows with equal keys in the parts' order, as a stable sort of the concatenated
    parts would give. DuckDB sorts on disk past SORT_MEMORY: the table is never whole in
    memory."""
    cols = columns(TABLES[table])
    if not parts:
        return write_frame(table, pd.DataFrame(columns=cols), path)
    keys = ", ".join(f'"{k}" ASC NULLS FIRST' for k in SORT_KEYS[table])
    # the parts' order: the i-th path, then the row within it
    order = "CASE filename " + " ".join(
        f"WHEN '{str(p).replace(chr(39), chr(39) * 2)}' THEN {i}"
        for i, p in enumerate(parts)) + " END"
    sql = (f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)} FROM read_parquet("
           f"{_quoted(parts)}, union_by_name=true, filename=true, file_row_number=true) "
           f"ORDER BY {keys}, {order}, file_row_number")
    con = duckdb_connection(spill)
    try:
        n = [0]

        def write(tmp: str) -> None:
            n[0] = write_blocks(table, _sorted_blocks(con, sql), tmp)

        _write_atomically(path, write)
    finally:
        con.close()  # type: ignore[attr-defined]
    return StoredTable(table, path, n[0])




def write_history(history: pd.DataFrame, plants: StoredTable, path: Path, spill: Path
                  ) -> StoredTable:
    """The plant status history (`registries.resolve_plants` read without the evidence)
    stored with each row's evidence joined from the plants file by its key (plant_id,
    doc_id), in the table's row order, each block validated by the table's model."""
    from pipeline.tables import validate

    table = "plant_status_history"
    if history.empty:
        return write_frame(table, validate(table, pd.DataFrame(columns=columns(TABLES[table]))),
                           path)
    h = history.reset_index(drop=True)
    arrow = paw.table({
        **{c: paw.array(h[c].astype(object).where(h[c].notna(), None), type=paw.string())
           for c in ("facility_id", "status", "doc_id", "plant_id")},
        "date": paw.array([d if isinstance(d, date) else None for d in h["date"]],
                          type=paw.date32()),
        "_order": paw.array(range(len(h)), type=paw.int64())})
    keys = ", ".join(f'h."{k}" ASC NULLS FIRST' for k in SORT_KEYS[table])
    sql = (f"SELECT h.facility_id, h.date, h.status, h.doc_id, h.plant_id, p.evidence "
           f"FROM history h LEFT JOIN read_parquet({_quoted([plants.path])}) p "
           f"ON p.plant_id = h.plant_id AND p.doc_id = h.doc_id ORDER BY {keys}, h._order")
    con = duckdb_connection(spill)
    try:
        con.register("history", arrow)  # type: ignore[attr-defined]
        n = [0]

        def write(tmp: str) -> None:
            blocks = (validate(table, b) for b in _sorted_blocks(con, sql))
            n[0] = write_blocks(table, blocks, tmp)

        _write_atomically(path, write)
    finally:
        con.close()  # type: ignore[attr-defined]
    return StoredTable(table, path, n[0])


# stored tables whose every row was validated by the table's pandera model when it was
# written (the month parts, the registries' frames, the history's blocks): the file's
# identity (device, inode, size, modification time), so a hard link of it (the Dagster
# IO manager's storage) is the same file, and a file written since is not
_VALIDATED: set[tuple[str, int, int, int, int]] = set()


def _identity(stored: StoredTable) -> tuple[str, int, int, int, int]:
    st = os.stat(stored.path)
    return (stored.table, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def mark_validated(stored: StoredTable) -> None:
    _VALIDATED.add(_identity(stored))


def is_validated(stored: StoredTable) -> bool:
    try:
        return _identity(stored) in _VALIDATED
    except OSError:
        return False


def validation_errors(stored: StoredTable) -> list[str]:
    """The table's model run on every block of the file (lazily: every failure of a
    block); a message per failing block, none when every row passes."""
    import pandera.pandas as pa

    model = TABLES[stored.table]
    errors = []
    for i, block in enumerate(stored.blocks()):
        try:
            model.validate(block, lazy=True)
        except pa.errors.SchemaErrors as exc:
            errors.append(f"rows {i * ROW_GROUP}-{i * ROW_GROUP + len(block) - 1}: {exc}")
    return errors


def stored(path: Path, table: str) -> StoredTable:
    """The stored table at `path` (its row count from the Parquet footer)."""
    return StoredTable(table, Path(path), pq.read_metadata(path).num_rows)


def is_stored_file(path: Path) -> str | None:
    """The table a Parquet file stores when `table_store` wrote it (its schema names the
    table), else None (a frame pandas wrote)."""
    try:
        meta = pq.read_schema(path).metadata or {}
    except (OSError, ValueError):
        return None
    name = meta.get(b"table", b"").decode("utf-8")
    return name if name in TABLES and b"pandas" not in meta else None
