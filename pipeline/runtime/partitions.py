"""`parsed_entities` stored as one Parquet file per publication month, so a build touches
only the months whose documents changed (issue 20).

Why months: news arrives by date, so a day's new articles land in one or two files, and a
corpus of 10^6 documents (a year of regional news) is a few dozen files of tens of
thousands of documents, each small enough to hold in memory. Documents without a date go
to the partition `undated`.

Each file lists, in its Parquet metadata, the extractor version and the cache keys
(content hash: id, text, date) of its documents, in input order, and the count of its
records by kind. A build compares that list with the partition's documents now: equal,
the file is kept unread; different, the partition is rebuilt from the records of its old
file that are still wanted, the per-document JSON cache and, for the rest, the NLP. So an
added or changed document costs one partition's rewrite, and the parse never holds other
partitions' records. `_manifest.json`, written last, names the partitions of the current
build and its parse failures: a reader reads just those files, so a partition whose
documents all left the corpus is ignored (and deleted).

Readers take only what they need: the tables step reads the records of the fact kinds,
not the ~25 entity mentions per document beside them (`read_records`).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.runtime.atomic import write_atomically
from pipeline.runtime.batch import ParseCache, ParseResult, cache_key, iter_parse
from pipeline.runtime.document import RECORD_COLUMNS
from pipeline.types import RawDocument, Rejection

UNDATED = "undated"
MANIFEST = "_manifest.json"
KEY_COLUMN = "cache_key"
_META = b"pipeline.partition"
# documents parsed per stream of the parse (one process pool start each): large enough that
# the pool starts rarely; the records held at once are one month's (`_rebuild`), and the
# tables step builds its month parts in batches of the same size (pipeline.table_parts)
BATCH_DOCUMENTS = 20_000


def records_frame(records: Iterable[dict]) -> pd.DataFrame:
    """The `parsed_entities` frame of a list of record dicts (fixed columns and dtypes)."""
    df = pd.DataFrame(list(records), columns=RECORD_COLUMNS)
    return df.astype({"start": "int64", "end": "int64", "sentence": "int64"})


def partition_key(published: date | None) -> str:
    """`YYYY-MM` of the publication date, or `undated`."""
    return f"{published.year:04d}-{published.month:02d}" if published else UNDATED


def documents_by_month(docs: Iterable[RawDocument]) -> dict[str, list[RawDocument]]:
    """The documents of each partition key, in input order (months sorted)."""
    groups: dict[str, list[RawDocument]] = {}
    for d in docs:
        groups.setdefault(partition_key(d.published), []).append(d)
    return dict(sorted(groups.items()))


def due_months(day: date, existing: Iterable[str]) -> list[str]:
    """The partitions a daily run on `day` refreshes: the month of `day` and of the day
    before (the first of a month still receives yesterday's articles), those that exist.
    `undated` is not due by the calendar: the sensor requests it when its files change."""
    yesterday = date.fromordinal(day.toordinal() - 1)
    return sorted({partition_key(day), partition_key(yesterday)} & set(existing))


@dataclass
class PartitionResult:
    """What a build of the partitions did (the asset's metadata shows it)."""

    partitions: dict[str, dict[str, Any]] = field(default_factory=dict)  # key -> meta
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failures: list[Rejection] = field(default_factory=list)
    parsed: int = 0
    from_cache: int = 0  # from the per-document JSON cache
    reused: int = 0  # documents whose records came from the partition's previous file

    @property
    def records(self) -> int:
        return sum(sum(m["counts"].values()) for m in self.partitions.values())

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for m in self.partitions.values():
            for k, v in m["counts"].items():
                out[k] = out.get(k, 0) + v
        return dict(sorted(out.items()))


def _path(root: Path, key: str) -> Path:
    return root / f"{key}.parquet"


def read_meta(path: Path) -> dict[str, Any] | None:
    """The partition file's own description, or None when it is missing or unreadable."""
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
        meta = json.loads((schema.metadata or {})[_META])
    except Exception:  # noqa: BLE001 - missing, truncated or foreign: rebuilt, never fatal
        return None
    if schema.names != [*RECORD_COLUMNS, KEY_COLUMN]:
        return None
    return meta if isinstance(meta, dict) and isinstance(meta.get("keys"), list) else None


def _covered(path: Path, version: str, wanted: set[str]) -> set[str]:
    """The wanted keys whose records the previous file of the partition holds (read from
    its metadata only: the rows are read when the partition is written)."""
    meta = read_meta(path)
    if meta is None or meta.get("version") != version:
        return set()
    return set(meta["keys"]) & wanted


def _old_rows(path: Path, covered: set[str]) -> pd.DataFrame | None:
    """The records of the previous file for the `covered` keys; None when it cannot be read
    (then those documents are not in the partition: a damaged file was replaced between
    reading its metadata and its rows, which only a concurrent build does)."""
    import pyarrow.parquet as pq

    if not covered:
        return None
    try:
        table = pq.read_table(path, filters=[(KEY_COLUMN, "in", sorted(covered))])
        if set(table.column_names) != {*RECORD_COLUMNS, KEY_COLUMN}:
            return None
        return table.to_pandas()
    except Exception:  # noqa: BLE001 - a damaged file costs a re-parse, never a failure
        return None


def _schema() -> Any:
    """One Arrow schema for every partition, also an empty one (pandas would type its
    empty text columns as null, which other partitions' strings do not concatenate with)."""
    import pyarrow as paw

    ints = {"sentence", "start", "end"}
    return paw.schema([(c, paw.int64() if c in ints else paw.string())
                       for c in (*RECORD_COLUMNS, KEY_COLUMN)])


def _write(path: Path, frame: pd.DataFrame, meta: dict[str, Any]) -> None:
    import pyarrow as paw
    import pyarrow.parquet as pq

    table = paw.Table.from_pandas(frame[[*RECORD_COLUMNS, KEY_COLUMN]], schema=_schema(),
                                  preserve_index=False)
    schema_meta = {**(table.schema.metadata or {}),
                   _META: json.dumps(meta, ensure_ascii=False).encode("utf-8")}
    if not write_atomically(path, lambda fh: pq.write_table(
            table.replace_schema_metadata(schema_meta), fh, compression="zstd")):
        raise OSError(f"could not write the partition file {path}")


def batches(keys: Sequence[str], size: Callable[[str], int], limit: int
            ) -> Iterator[list[str]]:
    """`keys` in order, in runs whose sizes add up to `limit` or just past it (the last
    run may be smaller): the months rebuilt together."""
    batch: list[str] = []
    total = 0
    for key in keys:
        batch.append(key)
        total += size(key)
        if total >= limit:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


def update_partitions(docs: Sequence[RawDocument], cache: ParseCache | None, root: Path, *,
                      version: str, workers: int | None = None,
                      progress: Callable[[str], None] | None = None,
                      aliases: Path | None = None,
                      batch_documents: int = BATCH_DOCUMENTS) -> PartitionResult:
    """Bring `root` up to date with `docs`: rewrite the partitions whose documents changed,
    keep the others unread, then write the manifest and delete partitions no document
    belongs to any more."""
    root.mkdir(parents=True, exist_ok=True)
    groups = documents_by_month(docs)
    keys = {d.doc_id: cache_key(d) for d in docs}
    result = PartitionResult()
    stale: list[str] = []
    for pk in sorted(groups):
        want = [keys[d.doc_id] for d in groups[pk]]
        meta = read_meta(_path(root, pk))
        if meta is not None and meta.get("version") == version and meta["keys"] == want:
            result.partitions[pk] = meta
            result.kept.append(pk)
        else:
            stale.append(pk)

    for batch in batches(stale, lambda pk: len(groups[pk]), batch_documents):
        _rebuild(batch, groups, keys, cache, root, version, result, workers=workers,
                 progress=progress, aliases=aliases)

    manifest = {"version": version, "partitions": sorted(result.partitions),
                "failures": [{"doc_id": f.doc_id, "source": f.source, "reason": f.reason}
                             for f in result.failures]}
    text = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    if not write_atomically(root / MANIFEST, lambda fh: fh.write(text)):
        raise OSError(f"could not write {root / MANIFEST}")
    for path in sorted(root.glob("*.parquet")):
        if path.stem not in result.partitions:
            result.removed.append(path.stem)
            with contextlib.suppress(OSError):
                path.unlink()
    return result


def _rebuild(batch: list[str], groups: dict[str, list[RawDocument]], keys: dict[str, str],
             cache: ParseCache | None, root: Path, version: str, result: PartitionResult,
             **parse_args: Any) -> None:
    """Rewrite the partitions of `batch`: old rows still wanted, the rest parsed (or read
    from the per-document cache) in one stream, so the process pool starts once a batch,
    and each partition written as soon as its documents are parsed: the records held at
    once are one month's, not the batch's (issue 20)."""
    covered: dict[str, set[str]] = {}
    rest: list[RawDocument] = []
    for pk in batch:
        covered[pk] = _covered(_path(root, pk), version, {keys[d.doc_id] for d in groups[pk]})
        rest += [d for d in groups[pk] if keys[d.doc_id] not in covered[pk]]
        result.reused += len(covered[pk])
    stream = iter_parse(rest, cache=cache, **parse_args)
    try:
        for pk in batch:
            parsed = ParseResult()
            for _ in range(sum(1 for d in groups[pk] if keys[d.doc_id] not in covered[pk])):
                parsed.add(*next(stream))
            result.parsed += parsed.parsed
            result.from_cache += parsed.from_cache
            result.failures += parsed.failures
            _write_partition(pk, groups[pk], keys, parsed,
                             _old_rows(_path(root, pk), covered[pk]), root, version, result)
    finally:
        stream.close()  # the process pool, if one started, is shut down here


def _write_partition(pk: str, docs: list[RawDocument], keys: dict[str, str],
                     parsed: ParseResult, old: pd.DataFrame | None, root: Path, version: str,
                     result: PartitionResult) -> None:
    """The partition's file: its old rows still wanted and its newly parsed records, in
    input order (documents as given, each document's records as parsed)."""
    failed = {f.doc_id for f in parsed.failures}
    new = records_frame(parsed.records)
    new[KEY_COLUMN] = new["doc_id"].map(keys)
    pdocs = [d for d in docs if d.doc_id not in failed]
    order = {d.doc_id: i for i, d in enumerate(pdocs)}
    parts = [f for f in (old, new) if f is not None and not f.empty]
    frame = pd.concat(parts, ignore_index=True) if parts else new.iloc[0:0]
    frame = (frame.assign(_pos=frame["doc_id"].map(order))
             .sort_values("_pos", kind="stable").drop(columns="_pos")
             .astype({"start": "int64", "end": "int64", "sentence": "int64"})
             .reset_index(drop=True))
    counts = {str(k): int(v) for k, v in sorted(frame["kind"].value_counts().items())}
    meta = {"version": version, "keys": [keys[d.doc_id] for d in pdocs], "counts": counts}
    _write(_path(root, pk), frame, meta)
    result.partitions[pk] = meta
    result.written.append(pk)


def read_manifest(root: Path) -> dict[str, Any]:
    """The current build's partitions and parse failures (a missing manifest: no build has
    written the records yet, an error that names the folder)."""
    try:
        return json.loads((root / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise FileNotFoundError(
            f"no parsed records in {root} ({exc}); materialize parsed_entities first") from exc


def failures(root: Path) -> list[Rejection]:
    """The parse failures of the current build, as `parse` rejections."""
    return [Rejection(source=f["source"], reason=f["reason"], stage="parse",
                      doc_id=f["doc_id"]) for f in read_manifest(root)["failures"]]


def read_records(root: Path, kinds: Iterable[str] | None = None,
                 columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The records of the current build's partitions (in partition order), only those of
    `kinds` and only `columns` when given: the reader never holds what it filters out."""
    import pyarrow as paw

    tables = [_read_table(root, pk, kinds, columns)
              for pk in read_manifest(root)["partitions"]]
    if not tables:
        return records_frame([])[list(columns) if columns is not None else RECORD_COLUMNS]
    return _typed(paw.concat_tables(tables).to_pandas())


def read_partition(root: Path, key: str, kinds: Iterable[str] | None = None,
                   columns: Sequence[str] | None = None) -> pd.DataFrame:
    """The records of one partition (see `read_records`)."""
    return _typed(_read_table(root, key, kinds, columns).to_pandas())


def _read_table(root: Path, key: str, kinds: Iterable[str] | None,
                columns: Sequence[str] | None) -> Any:
    import pyarrow.parquet as pq

    cols = list(columns) if columns is not None else list(RECORD_COLUMNS)
    filters = [("kind", "in", sorted(kinds))] if kinds is not None else None
    return pq.read_table(_path(root, key), columns=cols, filters=filters)


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    ints = {c: "int64" for c in ("start", "end", "sentence") if c in df.columns}
    return df.astype(ints).reset_index(drop=True)


def partition_meta(root: Path, key: str) -> dict[str, Any]:
    """The description of a partition the manifest names (an error naming the file when it
    is missing or damaged: the manifest promised it)."""
    meta = read_meta(_path(root, key))
    if meta is None:
        raise FileNotFoundError(f"partition file {_path(root, key)} is missing or damaged; "
                                "materialize parsed_entities again")
    return meta


def head(root: Path, n: int = 5) -> pd.DataFrame:
    """The first records of the first partition (the asset page's preview)."""
    import pyarrow.parquet as pq

    parts = read_manifest(root)["partitions"]
    if not parts:
        return records_frame([])
    pf = pq.ParquetFile(_path(root, parts[0]))
    if pf.metadata.num_rows == 0:
        return records_frame([])
    return next(pf.iter_batches(batch_size=n, columns=RECORD_COLUMNS)).to_pandas()
