"""Writing the datasets: deterministic files, published all together or not at all.

The files of a build (Parquet, CSV, Excel CSV, datapackage.json) are rendered here; a
build publishes them as a release (`pipeline.releases`), switched to in one step. Where
symlinks cannot be made the release falls back to the copy-in-place publish below:
a build writes every file into a staging folder inside DATASETS_DIR, fsyncs them, writes a
`COMMIT` marker listing them, then moves them into place. If the process dies before the
marker, the staging folder is discarded and the previous files stay; if it dies after the
marker, the next build (or `recover()`) finishes the move. So every file in DATASETS_DIR is
always either the previous version or the new one, never a partial file, and a half-done
move is rolled forward before anything else happens.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import io
import json
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import IO, Any

import pandas as pd
import pyarrow as paw

from pipeline.schema_export import arrow_schema, frictionless_fields, primary_key
from pipeline.schemas import TABLES, columns, description
from pipeline.table_store import StoredTable

STAGING_PREFIX = ".staging-"
MARKER = "COMMIT"
# Text cells that a spreadsheet would run as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0"}
FOREIGN_KEYS = {
    "officials": [{"fields": "doc_id", "reference": {"resource": "documents",
                                                     "fields": "doc_id"}}],
    "plants": [{"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}}],
    "investments": [
        {"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}},
        {"fields": "plant_id", "reference": {"resource": "plants", "fields": "plant_id"}},
    ],
    "plant_status_history": [
        {"fields": "facility_id", "reference": {"resource": "plant_registry",
                                                "fields": "facility_id"}},
        {"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}},
        {"fields": ["plant_id", "doc_id"], "reference": {"resource": "plants",
                                                         "fields": ["plant_id", "doc_id"]}},
    ],
}


def to_arrow(table: str, df: pd.DataFrame) -> paw.Table:
    """The frame as the table's Arrow schema. Columns pyarrow converts exactly as the
    per-cell rule below (text columns holding only strings, numeric columns) go through
    pyarrow's vectorised conversion; any other column cell by cell (issue 20: the cell loop
    was most of the Parquet render at 10^5 rows)."""
    schema = arrow_schema(table)
    arrays = []
    for field in schema:
        col = df[field.name]
        if paw.types.is_dictionary(field.type):
            arr = paw.array(col.astype(object).where(col.notna(), None), type=paw.string())
            arr = arr.dictionary_encode()
        else:
            arr = _fast_array(col, field.type)
            if arr is None:
                arr = paw.array([_cell(v, field.type) for v in col], type=field.type)
        arrays.append(arr)
    return paw.Table.from_arrays(arrays, schema=schema)


def _cell(v: object, kind: paw.DataType) -> object:
    """One cell as its Arrow type wants it: null for every pandas missing value."""
    if pd.isna(v):
        return None
    if paw.types.is_integer(kind):
        return int(v)
    if paw.types.is_floating(kind):
        return float(v)
    if paw.types.is_date(kind):
        return v
    return str(v)


def _fast_array(col: pd.Series, kind: paw.DataType) -> paw.Array | None:
    """The vectorised conversion where it gives what `_cell` gives, else None."""
    if paw.types.is_floating(kind) and pd.api.types.is_float_dtype(col.dtype):
        return paw.array(col.to_numpy(dtype="float64"), type=kind, from_pandas=True)
    if paw.types.is_integer(kind) and (pd.api.types.is_integer_dtype(col.dtype)):
        # numpy int64 or pandas' nullable Int64 (its <NA> becomes null)
        return paw.array(col, type=kind, from_pandas=True)
    text = paw.types.is_string(kind) or paw.types.is_large_string(kind)
    if text and col.dtype == object and pd.api.types.infer_dtype(col, skipna=True) in (
            "string", "empty"):
        return paw.array(col, type=kind, from_pandas=True)
    return None


def parquet_bytes(table: str, df: pd.DataFrame) -> bytes:
    """The table's Parquet file (`table_store.write_blocks`: the bytes a stored table of
    the same rows has)."""
    from pipeline.table_store import frame_blocks, write_blocks

    buf = io.BytesIO()
    write_blocks(table, frame_blocks(df), buf)
    return buf.getvalue()


def _csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for c in out.columns:
        if str(out[c].dtype) == "Int64":
            out[c] = out[c].astype(object).where(out[c].notna(), None)
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """Canonical CSV: UTF-8 without BOM, `\n` line ends, empty cell = null, ISO dates.

    Python's csv writer quotes a cell only for the characters of its own line terminator,
    so a lone CR inside a cell (a file name can hold one) would be left bare and split the
    row for every reader. Writing with CRLF quotes such cells; the record ends, which are
    then outside quotes (an even number of quote characters before them), become LF.
    """
    return _lf(_crlf_text(_csv_frame(df)))


def _crlf_text(frame: pd.DataFrame, header: bool = True) -> str:
    return frame.to_csv(index=False, lineterminator="\r\n", header=header)


def _lf(text: str) -> bytes:
    parts = text.split('"')
    parts[0::2] = [p.replace("\r\n", "\n") for p in parts[0::2]]
    return '"'.join(parts).encode("utf-8")


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns
            if frame[c].dtype == object or isinstance(frame[c].dtype, pd.StringDtype)]


def _formula_cells(frame: pd.DataFrame) -> dict[str, list[object]]:
    """The text columns that hold a cell starting like a formula, with the apostrophe
    added to those cells (empty when no cell needs it, the usual case)."""
    out = {}
    for c in _text_columns(frame):
        values = frame[c].tolist()
        if any(isinstance(v, str) and v.startswith(_FORMULA_START) for v in values):
            out[c] = [("'" + v) if isinstance(v, str) and v.startswith(_FORMULA_START)
                      else v for v in values]
    return out


def _excel(frame: pd.DataFrame, crlf: str | None = None, header: bool = True) -> bytes:
    """The spreadsheet variant of `frame` (already `_csv_frame`d); `crlf` is its CRLF text
    when the caller has it: with no formula-like cell it is the same text."""
    fixed = _formula_cells(frame)
    if fixed or crlf is None:
        frame = frame.copy()
        for c, values in fixed.items():
            frame[c] = pd.Series(values, index=frame.index, dtype=object)
        crlf = _crlf_text(frame, header)
    return b"\xef\xbb\xbf" + crlf.encode("utf-8")


def excel_csv_bytes(df: pd.DataFrame) -> bytes:
    """Spreadsheet variant: UTF-8 with BOM (Excel then reads Cyrillic right) and every text
    cell that starts like a formula prefixed with an apostrophe, so it is shown, not run."""
    return _excel(_csv_frame(df))


def csv_pair(df: pd.DataFrame) -> tuple[bytes, bytes]:
    """(`csv_bytes(df)`, `excel_csv_bytes(df)`) with one CSV rendering where no cell
    needs the apostrophe (issue 20: the CSV writer is most of the publish at 10^5 rows)."""
    frame = _csv_frame(df)
    crlf = _crlf_text(frame)
    return _lf(crlf), _excel(frame, crlf)


def write_csv_pair(df: pd.DataFrame, csv_path: Path, excel_path: Path,
                   chunk_rows: int = 50_000) -> None:
    """`csv_pair(df)` written to two files a block of rows at a time, the same bytes: the
    rendered text of a whole table (a Python str of ~4 bytes a character, then its bytes)
    is never held (issue 20). A block ends at a row's end, so quotes pair within it."""
    blocks = (df.iloc[start:start + chunk_rows] for start in range(0, len(df), chunk_rows))
    with open(csv_path, "wb") as csv_fh, open(excel_path, "wb") as excel_fh:
        write_csv_blocks(blocks, df.iloc[0:0], csv_fh, excel_fh)


def write_csv_blocks(blocks: Iterable[pd.DataFrame], empty: pd.DataFrame, csv_fh: IO[bytes],
                     excel_fh: IO[bytes]) -> None:
    """The CSV and the Excel CSV of the rows of `blocks` (`empty`: the table's columns, for
    a table with no rows), written a block at a time: the bytes `csv_pair` gives for all
    the rows at once."""
    excel_fh.write(b"\xef\xbb\xbf")
    first = True
    for block in blocks:
        if block.empty:
            continue
        _write_block(block, first, csv_fh, excel_fh)
        first = False
    if first:
        _write_block(empty, True, csv_fh, excel_fh)


def _write_block(block: pd.DataFrame, header: bool, csv_fh: IO[bytes],
                 excel_fh: IO[bytes]) -> None:
    frame = _csv_frame(block)
    crlf = _crlf_text(frame, header=header)
    csv_fh.write(_lf(crlf))
    excel_fh.write(_excel(frame, crlf, header=header)[3:])


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _spooled(files: Mapping[str, bytes], name: str) -> Path | None:
    return files.path_of(name) if isinstance(files, SpooledFiles) else None


def item_sha256(files: Mapping[str, bytes], name: str) -> str:
    """The SHA-256 of a file's bytes; a spooled file is read a block at a time (issue 20:
    a table's CSV of 10^6 documents is ~0.5 GB)."""
    path = _spooled(files, name)
    if path is None:
        return _sha256(files[name])
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def item_size(files: Mapping[str, bytes], name: str) -> int:
    path = _spooled(files, name)
    return path.stat().st_size if path is not None else len(files[name])


def write_item(files: Mapping[str, bytes], name: str, dest: Path) -> None:
    """The file's bytes written to `dest` and fsynced (a spooled file copied, not read
    whole)."""
    path = _spooled(files, name)
    with open(dest, "wb") as fh:
        if path is None:
            fh.write(files[name])
        else:
            with open(path, "rb") as src:
                shutil.copyfileobj(src, fh, 1 << 20)
        fh.flush()
        os.fsync(fh.fileno())


def datapackage(files: Mapping[str, bytes], tables: Mapping[str, pd.DataFrame],
                inputs_digest: str, release: str | None = None) -> dict[str, Any]:
    """Frictionless Data Package v2 describing every table (CSV is the validated resource;
    the Parquet twin and the Excel variant are named in each resource). `release` is the
    release id (pipeline.releases) a reader pins; without one the version is the inputs'."""
    resources = []
    for name in tables:
        csv_name = f"{name}.csv"
        schema: dict[str, Any] = {"fields": frictionless_fields(name)}
        pk = primary_key(name)
        if pk:
            schema["primaryKey"] = pk
        if name in FOREIGN_KEYS:
            schema["foreignKeys"] = [fk for fk in FOREIGN_KEYS[name]
                                     if fk["reference"]["resource"] in tables]
        schema["missingValues"] = [""]
        resources.append({
            "name": name, "type": "table", "path": csv_name, "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8",
            "title": name.replace("_", " ").capitalize(),
            "description": description(TABLES[name]),
            "bytes": item_size(files, csv_name), "hash": "sha256:" + item_sha256(files, csv_name),
            "dialect": {"header": True, "delimiter": ",", "lineTerminator": "\n"},
            "schema": schema,
            "x-rows": int(len(tables[name])),
            "x-parquet": {"path": f"{name}.parquet",
                          "hash": "sha256:" + item_sha256(files, f"{name}.parquet")},
            "x-excel-csv": {
                "path": f"{name}.excel.csv",
                "hash": "sha256:" + item_sha256(files, f"{name}.excel.csv"),
                "note": "UTF-8 with BOM, CRLF; text cells starting with = + - @ tab or CR "
                        "are prefixed with an apostrophe so spreadsheets do not run them.",
            },
        })
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "ru-industry-news",
        "title": "Russian industry news: plants, investments and officials",
        "description": "Facts read by NLP from Russian news articles about industry. Every "
                       "row carries the document id, the sentence it was read from and "
                       "character offsets.",
        "version": release or f"1.0.0+{inputs_digest[:12]}",
        "licenses": [LICENSE],
        "keywords": ["russia", "industry", "investments", "plants", "officials", "nlp"],
        "x-inputs-sha256": inputs_digest,
        "resources": resources,
    }


class SpooledFiles(MutableMapping[str, bytes]):
    """Published files whose bytes wait in a folder on disk and are read when asked for, one
    at a time (issue 20: the rendered tables are ~3.3 KB a document, ~3 GB at 10^6, all held
    at once before). Files set afterwards (datapackage.json, the README, the changes) are
    small and stay in memory. Order is insertion order, as a dict's."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._items: dict[str, Path | bytes] = {}

    def spool(self, name: str, data: bytes) -> None:
        """Keep `data` on disk under `name` (the caller drops its bytes)."""
        check_file_name(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / name
        path.write_bytes(data)
        self._items[name] = path

    def spool_csv_pair(self, table: str, df: pd.DataFrame) -> None:
        """The table's CSV and Excel CSV written straight to the folder (`write_csv_pair`)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        csv, excel = f"{table}.csv", f"{table}.excel.csv"
        for name in (csv, excel):
            check_file_name(name)
        write_csv_pair(df, self.folder / csv, self.folder / excel)
        self._items[csv], self._items[excel] = self.folder / csv, self.folder / excel

    def spool_stored(self, stored: StoredTable) -> None:
        """A stored table's three files in the folder: its Parquet file copied (it is the
        published rendering: `table_store`), its CSV files rendered a block at a time."""
        self.folder.mkdir(parents=True, exist_ok=True)
        names = [f"{stored.table}.{ext}" for ext in ("parquet", "csv", "excel.csv")]
        for name in names:
            check_file_name(name)
        shutil.copyfile(stored.path, self.folder / names[0])
        with open(self.folder / names[1], "wb") as csv_fh, \
                open(self.folder / names[2], "wb") as excel_fh:
            write_csv_blocks(stored.blocks(), _no_rows(stored.table), csv_fh, excel_fh)
        for name in names:
            self._items[name] = self.folder / name

    def path_of(self, name: str) -> Path | None:
        """The file holding `name`'s bytes, when they wait on disk."""
        item = self._items.get(name)
        return item if isinstance(item, Path) else None

    def add_file(self, name: str, path: Path) -> None:
        """`name` (a release's path, `changes/x.csv` too) is the bytes of the file `path`
        (written by the caller)."""
        self._items[name] = Path(path)

    def __getitem__(self, name: str) -> bytes:
        item = self._items[name]
        return item.read_bytes() if isinstance(item, Path) else item

    def __setitem__(self, name: str, data: bytes) -> None:
        self._items[name] = data

    def __delitem__(self, name: str) -> None:
        del self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def copy(self) -> SpooledFiles:
        """Another mapping over the same spooled files (its own in-memory ones)."""
        out = SpooledFiles(self.folder)
        out._items = dict(self._items)
        return out


def _no_rows(table: str) -> pd.DataFrame:
    return pd.DataFrame(columns=columns(TABLES[table]))


def _stored_files(stored: StoredTable) -> dict[str, bytes]:
    csv, excel = io.BytesIO(), io.BytesIO()
    write_csv_blocks(stored.blocks(), _no_rows(stored.table), csv, excel)
    return {f"{stored.table}.parquet": stored.data(), f"{stored.table}.csv": csv.getvalue(),
            f"{stored.table}.excel.csv": excel.getvalue()}


def table_files(tables: Mapping[str, pd.DataFrame | StoredTable], spool: Path | None = None
                ) -> MutableMapping[str, bytes]:
    """Each table in its three formats (rendered once, then reused for every release id);
    with `spool`, kept in that folder and read back when asked (`SpooledFiles`). A stored
    table (`table_store.StoredTable`) is read a block at a time, never whole."""
    files: MutableMapping[str, bytes] = SpooledFiles(spool) if spool is not None else {}
    keep = files.spool if isinstance(files, SpooledFiles) else files.__setitem__
    for name, df in tables.items():
        if isinstance(df, StoredTable):
            if isinstance(files, SpooledFiles):
                files.spool_stored(df)
            else:
                files.update(_stored_files(df))
            continue
        keep(f"{name}.parquet", parquet_bytes(name, df))
        if isinstance(files, SpooledFiles):
            files.spool_csv_pair(name, df)
            continue
        csv, excel = csv_pair(df)
        keep(f"{name}.csv", csv)
        keep(f"{name}.excel.csv", excel)
    return files


def render_files(tables: Mapping[str, pd.DataFrame], inputs_digest: str,
                 extra: Mapping[str, bytes] | None = None, *, release: str | None = None,
                 rendered: Mapping[str, bytes] | None = None) -> MutableMapping[str, bytes]:
    """Every published file's bytes; a pure function of the tables (byte-identical reruns).
    `rendered` is `table_files(tables)` when the caller has it already (spooled files stay
    spooled)."""
    files: MutableMapping[str, bytes]
    if isinstance(rendered, SpooledFiles):
        files = rendered.copy()
    else:
        files = dict(rendered) if rendered is not None else table_files(tables)
    extra = dict(extra or {})
    package = datapackage(files, tables, inputs_digest, release)
    if extra:
        # the data dictionary and charts are part of the same build: their hashes let a
        # reader check that every file on disk comes from one build
        package["x-other-files"] = [{"path": n, "hash": "sha256:" + _sha256(extra[n])}
                                    for n in sorted(extra)]
    files["datapackage.json"] = (json.dumps(package, ensure_ascii=False, indent=2)
                                 + "\n").encode()
    files.update(extra)
    return files


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the datasets folder itself (no lock file to publish or
    commit): two builds at once must not recover or move each other's staging files,
    nor validate files the other is publishing."""
    fd = os.open(out_dir, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def recover(out_dir: Path) -> str | None:
    """Finish or discard an interrupted publish. Returns what was done, for the log."""
    if not out_dir.exists():
        return None
    with locked(out_dir):
        return _recover(out_dir)


def _recover(out_dir: Path) -> str | None:
    done = None
    for staging in sorted(out_dir.glob(STAGING_PREFIX + "*")):
        marker = staging / MARKER
        try:
            names = json.loads(marker.read_text("utf-8")) if marker.is_file() else None
        except (OSError, ValueError):
            names = None  # the marker is written atomically, so this means tampering
        if isinstance(names, list):
            for name in names:
                try:
                    check_file_name(name)
                except ValueError:
                    continue
                src = staging / name
                if src.exists():
                    os.replace(src, out_dir / name)
            _fsync_dir(out_dir)
            done = f"rolled forward interrupted publish {staging.name}"
        else:
            done = f"discarded incomplete publish {staging.name}"
        if staging.is_dir() and not staging.is_symlink():
            shutil.rmtree(staging, ignore_errors=True)
        else:
            staging.unlink(missing_ok=True)
    return done


def check_file_name(name: str) -> None:
    """Published names are plain file names: never a path, a hidden file or the marker."""
    if not isinstance(name, str):
        raise ValueError(f"refusing to publish a file name of type {type(name).__name__}")
    if (not name or name in (MARKER, MARKER + ".tmp") or name.startswith(".")
            or "/" in name or "\\" in name or name != os.path.basename(name)
            or any(ord(c) < 32 or c == "\x7f" for c in name)):
        raise ValueError(f"refusing to publish unsafe file name {name!r}")


def publish(files: Mapping[str, bytes], out_dir: Path, *, _crash_after: int | None = None
            ) -> list[Path]:
    """Atomically replace the published files with `files` (names are plain file names).

    `_crash_after` is for tests: raise after moving that many files into place.
    """
    for name in files:
        check_file_name(name)
    out_dir.mkdir(parents=True, exist_ok=True)
    with locked(out_dir):
        return publish_locked(files, out_dir, _crash_after=_crash_after)


def publish_locked(files: Mapping[str, bytes], out_dir: Path, *,
                   _crash_after: int | None = None) -> list[Path]:
    """`publish` for a caller that holds `locked(out_dir)` already (pipeline.releases, in
    its copy-in-place fallback)."""
    for name in files:
        check_file_name(name)
    _recover(out_dir)
    staging = out_dir / f"{STAGING_PREFIX}{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    for name in files:
        write_item(files, name, staging / name)
    names = sorted(files)
    tmp_marker = staging / (MARKER + ".tmp")
    with open(tmp_marker, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(names))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp_marker, staging / MARKER)
    _fsync_dir(staging)
    for k, name in enumerate(names):
        if _crash_after is not None and k == _crash_after:
            raise RuntimeError("simulated crash during publish")
        os.replace(staging / name, out_dir / name)
    _fsync_dir(out_dir)
    shutil.rmtree(staging, ignore_errors=True)
    return [out_dir / n for n in names]


def verify(out_dir: Path) -> list[str]:
    """Problems that show the published files are not one build's set (empty when fine):
    each file named in datapackage.json must exist with the sha256 recorded there, and no
    publish may be half done. For readers and checks; the build itself never needs it."""
    problems = [f"interrupted publish pending: {p.name} (run recover)"
                for p in sorted(out_dir.glob(STAGING_PREFIX + "*"))]
    try:
        package = json.loads((out_dir / "datapackage.json").read_text("utf-8"))
    except (OSError, ValueError) as exc:
        return [*problems, f"datapackage.json unreadable: {exc}"]
    entries = []
    for res in package.get("resources", []):
        entries += [res, res.get("x-parquet", {}), res.get("x-excel-csv", {})]
    entries += package.get("x-other-files", [])
    for entry in entries:
        path, digest = entry.get("path"), entry.get("hash")
        if not path or not digest:
            continue
        try:
            check_file_name(path)
            data = (out_dir / path).read_bytes()
        except (OSError, ValueError) as exc:
            problems.append(f"{path}: {exc}")
            continue
        if "sha256:" + _sha256(data) != digest:
            problems.append(f"{path}: content does not match datapackage.json")
    return problems


def inputs_digest(sha256s: list[str]) -> str:
    """A digest of the inputs, so the package version changes only when the inputs do."""
    return _sha256("\n".join(sorted(sha256s)).encode())
