"""Parsing many documents: a cache keyed by content, and a process pool across documents.

The NLP is the cost of a build (benchmarks/README.md), so each document is parsed
once per extractor version: results are cached under `<cache>/v<version>/<key>.json`, where
the key hashes the document id, text and date. Uncached documents are spread over a pool of
worker processes, each loading the models once; workers write the cache themselves, so the
JSON encoding runs in parallel and a parse survives an interrupted build.

Memory: only flat record dicts cross process boundaries (no natasha objects), the pool is
fed a bounded number of chunks at a time, and results arrive chunk by chunk.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.rules import gazetteer
from pipeline.runtime import snapshot
from pipeline.runtime.document import EXTRACTOR_VERSION, extract_document, nlp_view
from pipeline.runtime.nlp import AnalyzedText, get_analyzer
from pipeline.types import RawDocument, Rejection

Outcome = tuple[str, list[dict[str, Any]] | None, str | None]  # doc_id, records, error


def cache_key(doc: RawDocument) -> str:
    """Same id, text and date -> same key: anything else the parse depends on is the version."""
    payload = json.dumps([doc.doc_id, doc.text, doc.published.isoformat()
                          if doc.published else None], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class ParseResult:
    records: list[dict[str, Any]] = field(default_factory=list)
    failures: list[Rejection] = field(default_factory=list)
    parsed: int = 0
    from_cache: int = 0

    def add(self, doc: RawDocument, records: list[dict[str, Any]] | None, error: str | None,
            from_cache: bool) -> None:
        """One document's outcome (`iter_parse`): its records, or a `parse` rejection."""
        if from_cache:
            self.from_cache += 1
            self.records.extend(records or [])
        elif error is not None or records is None:
            self.failures.append(Rejection(source=doc.source, reason=error or "NLP failed",
                                           stage="parse", doc_id=doc.doc_id))
        else:
            self.parsed += 1
            self.records.extend(records)


class ParseCache:
    """One JSON file per (extractor version, document content); safe for concurrent writers
    (each write goes to a temporary file renamed into place)."""

    def __init__(self, root: Path, version: str = EXTRACTOR_VERSION) -> None:
        self.root = Path(root)
        self.version = version
        self.dir = self.root / f"v{version}"

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def path(self, doc: RawDocument) -> Path:
        return self._path(cache_key(doc))

    def get(self, doc: RawDocument) -> list[dict[str, Any]] | None:
        try:
            return json.loads(self.path(doc).read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def __contains__(self, doc: RawDocument) -> bool:
        return self.path(doc).is_file()

    def put(self, doc: RawDocument, records: list[dict[str, Any]]) -> None:
        path = self.path(doc)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(records, ensure_ascii=False), "utf-8")
        os.replace(tmp, path)


def _parse_one(doc: RawDocument, analyzed: AnalyzedText | None = None) -> Outcome:
    try:
        return doc.doc_id, extract_document(doc, analyzed=analyzed), None
    except Exception as exc:  # one bad document must not stop the others
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        return doc.doc_id, None, f"NLP failed: {type(exc).__name__}: {exc} ({where})"


def _analyze_together(docs: Sequence[RawDocument]) -> list[AnalyzedText | None]:
    """The NLP of the whole chunk in shared batches (the fast path); if it fails, Nones, so
    that each document is analysed on its own and only the bad one fails."""
    if len(docs) < 2:
        return [None] * len(docs)
    try:
        analyzer = get_analyzer()
        return list(analyzer.analyze_many([nlp_view(d.text, analyzer).text for d in docs]))
    except Exception:
        return [None] * len(docs)


def parse_chunk(docs: Sequence[RawDocument], cache: ParseCache | None = None) -> list[Outcome]:
    """Parse documents in this process and cache each success (the unit of work of a worker,
    a Dask task or a Dagster op)."""
    out = []
    for doc, analyzed in zip(docs, _analyze_together(docs), strict=True):
        outcome = _parse_one(doc, analyzed)
        if cache is not None and outcome[1] is not None:
            # a full or read-only cache costs a re-parse next time, not the build
            with contextlib.suppress(OSError):
                cache.put(doc, outcome[1])
        out.append(outcome)
    return out


def _chunks(items: Sequence[RawDocument], size: int) -> Iterator[Sequence[RawDocument]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def default_workers() -> int:
    """Every core this process may run on."""
    return max(1, len(os.sched_getaffinity(0)))


def _pool_outcomes(chunks: Iterable[Sequence[RawDocument]], workers: int,
                   cache: ParseCache | None, snapshots: Path | None, aliases: Path | None
                   ) -> Iterator[list[Outcome]]:
    """Chunk results in input order, keeping at most 2 chunks per worker in flight so the
    pool never holds the whole corpus' results at once."""
    import multiprocessing as mp

    ctx = mp.get_context("forkserver" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start_worker,
                             initargs=(snapshots, aliases)) as pool:
        pending: list[Future] = []
        warmed = False
        for chunk in chunks:
            pending.append(pool.submit(parse_chunk, chunk, cache))
            if len(pending) >= 2 * workers:
                if not warmed:
                    _warm_snapshots()
                    warmed = True
                yield pending.pop(0).result()
        for fut in pending:
            yield fut.result()


_WORKER_GC_THRESHOLD = 20_000  # CPython's default is 700


def _start_worker(snapshots: Path | None, aliases: Path | None = None) -> None:
    """Pool initializer: load the models (from the snapshots), then keep the garbage
    collector off them.

    A worker's heap is mostly objects that live as long as it does (natasha's models and
    vocabularies), and with CPython's default thresholds every full collection walks them
    again (measured in benchmarks/README.md). They are frozen, and young collections run
    after 20,000 allocations instead of 700. A model that fails to load here is loaded
    (and fails per document) in `parse_chunk`, as without a pool."""
    _use(snapshots, aliases)
    with contextlib.suppress(Exception):
        get_analyzer()
    gc.freeze()
    gc.set_threshold(_WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def use_parse_inputs(snapshots: Path | None, aliases: Path | None) -> None:
    """For a step that reads the rules' indexes without parsing (the tables step: an
    official's `position_full` asks the region index): the parse's snapshots and region
    aliases, so it loads the index from its snapshot instead of building it (~3-10 s) and
    reads the same aliases as the parse did."""
    _use(snapshots, aliases)


def _use(snapshots: Path | None, aliases: Path | None) -> None:
    """What this process's parse reads besides the text: where snapshots are kept, and the
    region aliases file."""
    snapshot.use_folder(snapshots)
    gazetteer.use_aliases(aliases)


def _warm_snapshots() -> None:
    """Build the gazetteer's snapshot here while the workers load their models, so a cold
    build makes the index once instead of once per worker (see snapshot.load_gazetteer)."""
    from pipeline.rules.gazetteer import get_gazetteer

    with contextlib.suppress(Exception):  # the workers build it themselves then
        get_gazetteer()


class Progress:
    """Reports `done of total, rate, ETA` at most every `every` seconds (and once at the end),
    so a parse of thousands of documents is not silent for minutes."""

    def __init__(self, total: int, report: Callable[[str], None], every: float = 5.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.report, self.every, self.clock = total, report, every, clock
        self.done = 0
        self.started = self.last = clock()

    def message(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else float("inf")
        eta = f"{left:.0f} s" if left != float("inf") else "unknown"
        share = self.done / max(1, self.total)
        return (f"parsed {self.done} of {self.total} documents ({share:.0%}), "
                f"{rate:.1f} documents/s, ETA {eta}")

    def advance(self, n: int) -> None:
        self.done += n
        now = self.clock()
        if self.done >= self.total or now - self.last >= self.every:
            self.last = now
            self.report(self.message())


def parse_documents(docs: Sequence[RawDocument], *, workers: int | None = None,
                    cache: ParseCache | None = None, chunk_size: int = 32,
                    progress: Callable[[str], None] | None = None,
                    snapshots: Path | None = None, aliases: Path | None = None
                    ) -> ParseResult:
    """Records of every document, in input order; failures become `parse` rejections.

    Cached documents are not parsed again; the rest go to a process pool of `workers`
    processes (default: every core) when there are enough of them to pay for its start-up
    (else they are parsed in this process). Models and indexes are kept as snapshots under
    `snapshots` (default: the cache's folder); regions are read with the `aliases` file
    (default: the package's). `progress` receives a line every few seconds while documents
    are parsed. A caller that need not hold every record at once iterates `iter_parse`.
    """
    result = ParseResult()
    for doc, recs, err, cached in iter_parse(docs, workers=workers, cache=cache,
                                             chunk_size=chunk_size, progress=progress,
                                             snapshots=snapshots, aliases=aliases):
        result.add(doc, recs, err, cached)
    return result


Parsed = tuple[RawDocument, list[dict[str, Any]] | None, str | None, bool]


def iter_parse(docs: Sequence[RawDocument], *, workers: int | None = None,
               cache: ParseCache | None = None, chunk_size: int = 32,
               progress: Callable[[str], None] | None = None,
               snapshots: Path | None = None, aliases: Path | None = None
               ) -> Iterator[Parsed]:
    """`(document, records, error, from_cache)` for every document, in input order, as
    `parse_documents` parses them; the caller holds only what it keeps (issue 20: a cold
    build of 20,000 documents held all their records as dicts, ~21 KB a document, in the
    build's main process before writing any month). Cached records are read when their
    document's turn comes; a cache file that vanished or broke since is parsed here."""
    if snapshots is None and cache is not None:
        snapshots = cache.root
    _use(snapshots, aliases)
    todo = [doc for doc in docs if cache is None or doc not in cache]
    workers = min(workers or default_workers(), max(1, len(todo) // chunk_size))
    # small chunks at the end keep both workers busy until the last document
    size = max(1, min(chunk_size, len(todo) // (4 * workers) or 1))
    if workers == 1 or len(todo) < 2 * chunk_size:
        batches: Iterable[list[Outcome]] = (parse_chunk(c, cache) for c in _chunks(todo, size))
    else:
        batches = _pool_outcomes(_chunks(todo, size), workers, cache, snapshots, aliases)
    meter = Progress(len(todo), progress) if progress and todo else None
    outcomes = _in_order(batches, meter)
    pending = {doc.doc_id for doc in todo}
    for doc in docs:
        if doc.doc_id not in pending:
            hit = cache.get(doc) if cache is not None else None
            if hit is not None:
                yield doc, hit, None, True
                continue
            # gone or damaged since it was listed: parsed now, in this process
            _, recs, err = parse_chunk([doc], cache)[0]
            yield doc, recs, err, False
            continue
        did, recs, err = next(outcomes)
        if did != doc.doc_id:  # the pool answers chunks in input order
            raise RuntimeError(f"parse results out of order: {did} for {doc.doc_id}")
        yield doc, recs, err, False


def _in_order(batches: Iterable[list[Outcome]], meter: Progress | None) -> Iterator[Outcome]:
    for batch in batches:
        # counted when the chunk is parsed, before it is handed out: a caller stops asking
        # after the last document, and the progress must still reach "N of N"
        if meter:
            meter.advance(len(batch))
        yield from batch


def parse_into_cache(docs: Sequence[RawDocument], cache_root: str) -> dict[str, Any]:
    """The unit of work a cluster worker runs: the documents not yet in the cache under
    `cache_root` parsed into it, in the worker's own process (its models stay loaded for
    the next call). Returns counts and failures, not the records: the build reads the
    records from the cache, and a worker's answer stays small."""
    result = parse_documents(docs, workers=1, cache=ParseCache(Path(cache_root)))
    return {"documents": len(docs), "parsed": result.parsed,
            "from_cache": result.from_cache, "failures": result.failures}
