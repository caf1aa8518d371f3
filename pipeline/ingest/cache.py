"""Per-file ingest cache: a build re-reads only input files that are new or changed.

Reading and decoding every file grows with the corpus (benchmarks/README.md) and would
dominate an incremental build that adds one article. `read_corpus_cached` gives the same
IngestResult as `read_corpus`; only the per-file step (`ingest.read_file`) is answered from
the cache, the walk and the cross-file dedupe run every time.

Layout: ONE pickle per input folder, ``cache_root/ingest/<sha256(resolved folder)[:20]>.pickle``
holding a `_CacheFile`: the global key and {relative path: `_Entry`}. It is written to a
temporary file in the same folder and moved into place with os.replace, so a reader sees
the old or the new file, never half of one.

Reuse rules (a mismatch means the file is read again):

* Global key: cache format, digest of the ingest source (ingest.py, types.py, config.py
  as the asset's code version, plus this module, whose rules decide what an entry means),
  the effective size limit, the effective `today` (a date in the future yesterday may be
  valid today), the resolved input folder, and Python's Unicode database version (NFC and
  ``isalpha`` depend on it). A mismatch means a full read and a rewrite.
  Deviation: charset-normalizer's version is not in the key: finding it through
  importlib.metadata is slow on every build, it is pinned in requirements.lock, and it is only
  consulted for files no Cyrillic code page explains.
* Per file: relative path, kind, and the ``os.stat`` signature (size, mtime_ns, ctime_ns,
  inode, device); for a symlink also the ``os.lstat`` signature and the resolved target
  (a chain of links can be re-pointed without touching the first link).
* Racy files (as git's "racily clean" index entries): a file whose mtime is within
  `RACY_SECONDS` of the moment it was stat'ed may still be written within the same mtime
  tick, so its result is used but not stored. The file is also stat'ed again after the
  read; if anything changed meanwhile, the result is not stored either.
* Not stored: files whose read raised (read_corpus's last-resort branch reports them),
  files that could not be stat'ed (e.g. broken symlinks), and results that depend on the
  moment rather than the file: "permission denied", "cannot read file (...)", "file
  disappeared" (a fixed disk or a different user would still see the old error otherwise).
  Folder-level problems from the walk never reach the cache.
* Never fails the build: a missing, truncated, garbage or foreign cache file means a full
  read; write errors are swallowed. Unpickling accepts only this module's classes,
  RawDocument, Rejection and datetime.date, so a planted pickle cannot run code.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import stat
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from pipeline.config import DEFAULT_MAX_DOCUMENT_BYTES
from pipeline.ingest import files as ingest
from pipeline.runtime.atomic import write_atomically
from pipeline.types import IngestResult, RawDocument, Rejection
from pipeline.versioning import source_version

CACHE_SUBDIR = "ingest"
_FORMAT = 1
RACY_SECONDS = 2.0
SOURCE_VERSION = source_version(
    "ingest", "types.py", "config.py"
)
# Reasons that describe the moment of reading, not the file's content (see module doc).
_TRANSIENT_REASONS = ("permission denied", "cannot read file", "file disappeared")
_DOC_FIELDS = frozenset(f.name for f in fields(RawDocument))
_REJ_FIELDS = frozenset(f.name for f in fields(Rejection))

Signature = tuple[object, ...]


@dataclass(frozen=True)
class _Entry:
    kind: str
    signature: Signature
    documents: tuple[RawDocument, ...]
    rejected: tuple[Rejection, ...]


@dataclass(frozen=True)
class _CacheFile:
    key: tuple[object, ...]
    entries: dict[str, _Entry]


_ALLOWED_CLASSES = {
    (__name__, "_Entry"): _Entry,
    (__name__, "_CacheFile"): _CacheFile,
    ("pipeline.types", "RawDocument"): RawDocument,
    ("pipeline.types", "Rejection"): Rejection,
    ("datetime", "date"): date,
}


class _Unpickler(pickle.Unpickler):
    """Only our own records: the cache folder may be shared, pickle may run code."""

    def find_class(self, module: str, name: str) -> type:
        try:
            return _ALLOWED_CLASSES[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} not allowed in the cache") from None


def cache_path(seeds_dir: Path, cache_root: Path) -> Path:
    """One file per input folder, so two SEEDS_DIRs never evict each other's entries."""
    digest = hashlib.sha256(os.fsencode(Path(seeds_dir).resolve())).hexdigest()[:20]
    return Path(cache_root) / CACHE_SUBDIR / f"{digest}.pickle"


def _global_key(root: Path, limit: int, today: date) -> tuple[object, ...]:
    return (_FORMAT, SOURCE_VERSION, limit, today.isoformat(), os.fsdecode(root.resolve()),
            unicodedata.unidata_version)


def _stat_sig(st: os.stat_result) -> tuple[int, int, int, int, int]:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def _signature(path: Path) -> tuple[Signature, int]:
    """(signature, mtime_ns of the content); raises OSError when the file cannot be
    stat'ed. One syscall for a regular file."""
    lst = os.lstat(path)
    if not stat.S_ISLNK(lst.st_mode):
        return _stat_sig(lst), lst.st_mtime_ns
    st = os.stat(path)
    return (*_stat_sig(st), *_stat_sig(lst), os.path.realpath(path)), st.st_mtime_ns


def _load(path: Path, key: tuple[object, ...]) -> dict[str, _Entry] | None:
    """The stored entries, or None when the file is missing, damaged, foreign or stale."""
    gc_was_enabled = gc.isenabled()
    gc.disable()  # ~30% of the load: the collector rescanning tens of thousands of new records
    try:
        data = path.read_bytes()
        loaded = _Unpickler(io.BytesIO(data)).load()
        if type(loaded) is not _CacheFile or loaded.key != key:
            return None
        entries = loaded.entries
        if type(entries) is not dict:
            return None
        return entries
    except Exception:  # any damage is a miss, never an error
        return None
    finally:
        if gc_was_enabled:
            gc.enable()


def _valid(entry: object) -> bool:
    """Check an entry before trusting it; entries are only checked when they could hit."""
    try:
        return (
            type(entry) is _Entry
            and entry.__dict__.keys() == {"kind", "signature", "documents", "rejected"}
            and type(entry.documents) is tuple
            and type(entry.rejected) is tuple
            and all(type(d) is RawDocument and d.__dict__.keys() == _DOC_FIELDS
                    for d in entry.documents)
            and all(type(r) is Rejection and r.__dict__.keys() == _REJ_FIELDS
                    for r in entry.rejected)
        )
    except Exception:
        return False


def _transient(rejected: list[Rejection]) -> bool:
    for r in rejected:
        reason = r.reason.split(": ", 1)[1] if r.reason.startswith("line ") else r.reason
        if reason.startswith(_TRANSIENT_REASONS):
            return True
    return False


class _FileCache:
    """The `file_cache` hook of read_corpus: answers from `old`, collects `new`."""

    def __init__(self, old: dict[str, _Entry] | None) -> None:
        self.old = old or {}
        self.new: dict[str, _Entry] = {}
        self.dirty = old is None  # missing or unusable cache: write it (repairs damage)

    def __call__(
        self,
        rel: str,
        path: Path,
        kind: str,
        read: Callable[[], ingest.FileResult],
    ) -> ingest.FileResult:
        try:
            sig, mtime_ns = _signature(path)
            stat_time_ns = time.time_ns()
        except OSError:
            sig = None
        if sig is not None:
            entry = self.old.get(rel)
            if (entry is not None and _valid(entry) and entry.kind == kind
                    and entry.signature == sig):
                self.new[rel] = entry
                return list(entry.documents), list(entry.rejected)
        documents, rejected = read()  # an exception propagates: nothing is stored
        if sig is None or mtime_ns > stat_time_ns - int(RACY_SECONDS * 1e9):
            return documents, rejected  # racy (or mtime in the future): maybe still written
        try:
            unchanged = _signature(path)[0] == sig
        except OSError:
            unchanged = False
        if unchanged and not _transient(rejected):
            self.new[rel] = _Entry(kind, sig, tuple(documents), tuple(rejected))
            self.dirty = True
        return documents, rejected

    def changed(self) -> bool:
        return self.dirty or self.new.keys() != self.old.keys()


def _write(path: Path, cache: _CacheFile) -> None:
    """Atomic replace; any failure leaves the previous cache (or none), never an error."""
    write_atomically(path, lambda fh: pickle.dump(cache, fh, protocol=pickle.HIGHEST_PROTOCOL))


def read_corpus_cached(
    seeds_dir: Path,
    cache_root: Path,
    *,
    max_bytes: int | None = None,
    today: date | None = None,
) -> IngestResult:
    """read_corpus, re-reading only files that are new or changed since the last build.

    Deviation: `today` defaults to date.today() once per build and that date is passed to
    read_corpus, so the date in the cache key is the one every file was checked against
    (an uncached build running over midnight could mix two dates)."""
    root = Path(seeds_dir)
    if not root.is_dir():  # the same FileNotFoundError / NotADirectoryError as uncached
        return ingest.read_corpus(root, max_bytes=max_bytes, today=today)
    limit = max_bytes or DEFAULT_MAX_DOCUMENT_BYTES
    effective_today = today or date.today()
    key = _global_key(root, limit, effective_today)
    path = cache_path(root, cache_root)
    file_cache = _FileCache(_load(path, key))
    result = ingest.read_corpus(
        root, max_bytes=limit, today=effective_today, file_cache=file_cache
    )
    if file_cache.changed():
        _write(path, _CacheFile(key, file_cache.new))
    return result
