"""Every cached parse of a build in one Parquet file, so a build re-reads one file, not N.

The per-document JSON files of `ParseCache` stay the unit of writing: pool workers and Dask
tasks write them concurrently, and a killed build keeps what it parsed. Reading them back
is what grew with the corpus (benchmarks/README.md), so after each parse the records of
every document of the build are also kept as one `pack.parquet` next to them (in the
extractor version's folder, so a new version never reads an old pack). A build takes
every document whose cache key is in the pack from it, the rest from the JSON files or
the NLP. The pack lists its keys in the file's metadata, so a document with no records is
a hit too. A missing, unreadable or inconsistent pack only costs the slow path.

Only the main process uses this module (it needs pandas and pyarrow; workers never do).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.runtime.atomic import write_atomically
from pipeline.runtime.batch import ParseCache, cache_key, parse_documents
from pipeline.runtime.document import RECORD_COLUMNS
from pipeline.types import RawDocument, Rejection

PACK_NAME = "pack.parquet"
_KEY = "cache_key"
_KEYS_META = b"pipeline.cache_keys"


def records_frame(records: Iterable[dict]) -> pd.DataFrame:
    """The `parsed_entities` frame of a list of record dicts (fixed columns and dtypes)."""
    df = pd.DataFrame(list(records), columns=RECORD_COLUMNS)
    return df.astype({"start": "int64", "end": "int64", "sentence": "int64"})


@dataclass
class FrameResult:
    frame: pd.DataFrame
    failures: list[Rejection] = field(default_factory=list)
    parsed: int = 0
    from_cache: int = 0  # from the pack or the per-document files
    from_pack: int = 0


def pack_path(cache: ParseCache) -> Path:
    return cache.dir / PACK_NAME


def read_pack(cache: ParseCache) -> tuple[pd.DataFrame, set[str]] | None:
    """(records with their cache key, every key the pack covers) or None when unusable."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(pack_path(cache))
        keys = json.loads((table.schema.metadata or {}).get(_KEYS_META, b"null"))
        if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
            return None
        if set(table.column_names) != {*RECORD_COLUMNS, _KEY}:
            return None
        df = table.to_pandas()
    except Exception:  # noqa: BLE001 - a damaged pack of any kind is a miss, never a failure
        return None
    covered = set(keys)
    if not set(df[_KEY].unique()) <= covered:
        return None  # rows of documents the pack does not list: not one build's pack
    return df, covered


def write_pack(cache: ParseCache, frame: pd.DataFrame, keys: Sequence[str]) -> None:
    """Replace the pack (a full disk or read-only cache is ignored: see extract.atomic)."""
    import pyarrow as paw
    import pyarrow.parquet as pq

    table = paw.Table.from_pandas(frame, preserve_index=False)
    meta = {**(table.schema.metadata or {}), _KEYS_META: json.dumps(list(keys)).encode()}
    write_atomically(pack_path(cache), lambda fh: pq.write_table(
        table.replace_schema_metadata(meta), fh, compression="zstd"))


def parse_frame(docs: Sequence[RawDocument], cache: ParseCache | None, *,
                workers: int | None = None,
                progress: Callable[[str], None] | None = None,
                aliases: Path | None = None) -> FrameResult:
    """The records of every document as one frame, in input order (the same frame as
    `records_frame(parse_documents(docs).records)`), parsing only what no cache holds."""
    if cache is None:
        res = parse_documents(docs, workers=workers, progress=progress, aliases=aliases)
        return FrameResult(records_frame(res.records), res.failures, res.parsed)
    keys = {d.doc_id: cache_key(d) for d in docs}
    packed = read_pack(cache)
    covered = packed[1] if packed else set()
    rest = [d for d in docs if keys[d.doc_id] not in covered]
    res = parse_documents(rest, workers=workers, cache=cache, progress=progress,
                          aliases=aliases)
    new = records_frame(res.records)
    new.insert(len(new.columns), _KEY, new["doc_id"].map(keys))
    wanted = set(keys.values())
    parts = [new]
    if packed is not None:
        old = packed[0]
        parts.insert(0, old[old[_KEY].isin(wanted)])
    frame = pd.concat(parts, ignore_index=True) if len(parts) > 1 else new
    # input order: documents in the order given, each document's records as parsed
    order = {k: i for i, k in enumerate(keys[d.doc_id] for d in docs)}
    frame = (frame.assign(_pos=frame[_KEY].map(order))
             .sort_values("_pos", kind="stable").drop(columns="_pos")
             .reset_index(drop=True))
    failed = {f.doc_id for f in res.failures}
    kept = [keys[d.doc_id] for d in docs if d.doc_id not in failed]
    if rest or covered != set(kept):
        write_pack(cache, frame, kept)
    out = frame[RECORD_COLUMNS]  # both parts carry records_frame's dtypes
    from_pack = len(docs) - len(rest)
    return FrameResult(out, res.failures, res.parsed, res.from_cache + from_pack, from_pack)
