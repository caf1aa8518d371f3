"""Parsing many documents: a cache keyed by content, and a process pool across documents.

The NLP is the cost of a build (~30 documents/s per core), so each document is parsed once
per extractor version: results are cached under `<cache>/<version>/<key>.json`, where the
key hashes the document id, text and date. Uncached documents are spread over a pool of
worker processes, each loading the models once.
"""

from __future__ import annotations

import hashlib
import json
import os
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.extract.document import EXTRACTOR_VERSION, extract_document
from pipeline.extract.types import RawDocument, Rejection


def cache_key(doc: RawDocument) -> str:
    payload = json.dumps([doc.doc_id, doc.text, doc.published.isoformat()
                          if doc.published else None], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class ParseResult:
    records: list[dict[str, Any]] = field(default_factory=list)
    failures: list[Rejection] = field(default_factory=list)
    parsed: int = 0
    from_cache: int = 0


class ParseCache:
    """One JSON file per (extractor version, document content)."""

    def __init__(self, root: Path, version: str = EXTRACTOR_VERSION) -> None:
        self.dir = root / f"v{version}"

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def get(self, doc: RawDocument) -> list[dict[str, Any]] | None:
        path = self._path(cache_key(doc))
        try:
            return json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, doc: RawDocument, records: list[dict[str, Any]]) -> None:
        path = self._path(cache_key(doc))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(records, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)


def _parse_one(doc: RawDocument) -> tuple[str, list[dict[str, Any]] | None, str | None]:
    try:
        return doc.doc_id, extract_document(doc), None
    except Exception as exc:  # one bad document must not stop the others
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        return doc.doc_id, None, f"NLP failed: {type(exc).__name__}: {exc} ({where})"


def _parse_chunk(docs: Sequence[RawDocument]) -> list[tuple[str, list | None, str | None]]:
    return [_parse_one(d) for d in docs]


def _chunks(items: Sequence[RawDocument], size: int) -> Iterator[Sequence[RawDocument]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def default_workers() -> int:
    env = os.environ.get("PIPELINE_WORKERS")
    if env:
        return max(1, int(env))
    return max(1, len(os.sched_getaffinity(0)))


def parse_documents(docs: Sequence[RawDocument], *, workers: int | None = None,
                    cache: ParseCache | None = None, chunk_size: int = 16) -> ParseResult:
    """Records of every document, in input order; failures become `parse` rejections."""
    result = ParseResult()
    todo: list[RawDocument] = []
    cached: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        hit = cache.get(doc) if cache else None
        if hit is None:
            todo.append(doc)
        else:
            cached[doc.doc_id] = hit
    result.from_cache = len(cached)
    workers = workers or default_workers()
    outputs: dict[str, tuple[list | None, str | None]] = {}
    if len(todo) < 2 * chunk_size or workers == 1:
        for doc in todo:
            did, recs, err = _parse_one(doc)
            outputs[did] = (recs, err)
    else:
        import multiprocessing as mp

        ctx = mp.get_context("forkserver" if os.name == "posix" else "spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            for batch in pool.map(_parse_chunk, _chunks(todo, chunk_size)):
                for did, recs, err in batch:
                    outputs[did] = (recs, err)
    by_id = {d.doc_id: d for d in todo}
    for doc in docs:
        if doc.doc_id in cached:
            result.records.extend(cached[doc.doc_id])
            continue
        recs, err = outputs[doc.doc_id]
        if err is not None or recs is None:
            result.failures.append(Rejection(source=doc.source, reason=err or "NLP failed",
                                             stage="parse", doc_id=doc.doc_id))
            continue
        result.parsed += 1
        result.records.extend(recs)
        if cache:
            cache.put(by_id[doc.doc_id], recs)
    return result
