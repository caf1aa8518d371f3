"""Pickled snapshots of objects that are slow to build and the same in every process.

The region index and natasha's taggers are rebuilt from the same files by every process
that parses (the build, each pool worker, each Dask worker); a pickle loads in a fraction
of that time (benchmarks/README.md). The key covers every input of the
build (files and package versions, and Python's), so anything that could change the object
makes a new snapshot; a missing, damaged or foreign snapshot is rebuilt and rewritten,
never an error. Snapshots are kept only once a process is told where (`use_folder`, called
by the parse with its cache folder); before that every object is built.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from pipeline.runtime.atomic import write_atomically

T = TypeVar("T")
_folder: Path | None = None


def use_folder(folder: Path | None) -> None:
    """Keep this process's snapshots under `folder` (None: build every object)."""
    global _folder
    _folder = Path(folder) if folder is not None else None


def snapshot_key(files: Iterable[Path] = (), packages: Iterable[str] = ()) -> str | None:
    """A digest of the files' bytes and the installed versions (None if one is missing)."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256(sys.version.encode())
    try:
        for f in files:
            h.update(Path(f).read_bytes())
        for pkg in packages:
            h.update(f"{pkg}={version(pkg)}".encode())
    except (OSError, PackageNotFoundError):
        return None
    return h.hexdigest()[:20]


def load_or_build(folder: str, key: str | None, build: Callable[[], T],
                  valid: Callable[[object], bool]) -> T:
    """The object pickled under `<snapshot folder>/<folder>/<key>.pickle` if it passes
    `valid`, else `build()` (then written there for the next process; a failed write is
    ignored)."""
    snap = _folder / folder / f"{key}.pickle" if key and _folder is not None else None
    if snap is None:
        return build()
    found = _read(snap, valid)
    if found is not None:
        return found[0]
    # The processes of a build start together on an empty cache (the pool's workers, and
    # the main process warming the region index for them), and each built every missing
    # snapshot itself: the region index three times, ~2.5 s of CPU each (session 20). One
    # builds it, the others wait for its snapshot and read it.
    with _building(snap):
        found = _read(snap, valid)
        if found is not None:
            return found[0]
        obj = build()
        write_atomically(snap, lambda fh: pickle.dump(obj, fh, pickle.HIGHEST_PROTOCOL))
    return obj


def _read(snap: Path, valid: Callable[[object], bool]) -> tuple[object] | None:
    """(the object pickled at `snap`,) if it passes `valid`, else None."""
    try:
        with snap.open("rb") as fh:
            obj = pickle.load(fh)
        if valid(obj):
            return (obj,)
    except Exception:  # noqa: BLE001 - missing, truncated, or another version: rebuild
        pass
    return None


_LOCK_WAIT = 300.0  # seconds: a build that takes longer is not waited for (built here too)


@contextlib.contextmanager
def _building(snap: Path) -> Iterator[None]:
    """Hold `<snapshot>.lock` (an exclusive `flock`, which the system releases if its holder
    dies) while the snapshot is built; without it (no fcntl, a folder that cannot be
    written, a file system without locks, or a wait of over `_LOCK_WAIT`) the object is
    built all the same, as before locks."""
    try:
        import fcntl

        snap.parent.mkdir(parents=True, exist_ok=True)
        fh = open(snap.with_name(snap.name + ".lock"), "ab")  # noqa: SIM115 - closed below
    except (ImportError, OSError):
        yield
        return
    try:
        deadline = time.monotonic() + _LOCK_WAIT
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            except OSError:
                break
        yield
    finally:
        fh.close()  # releases the lock


def save(folder: str, key: str | None, obj: object) -> None:
    """Write `obj` as the snapshot `<snapshot folder>/<folder>/<key>.pickle` (for an object
    that grows, such as a memo of results; nothing when no folder was given, and a failed
    write is ignored)."""
    if key and _folder is not None:
        write_atomically(_folder / folder / f"{key}.pickle",
                         lambda fh: pickle.dump(obj, fh, pickle.HIGHEST_PROTOCOL))


def load_gazetteer(aliases_path: str) -> object:
    """The region index from its snapshot instead of building it in every process that
    parses; installed as the gazetteer's loader by `pipeline.runtime`."""
    from pipeline.rules import gazetteer

    files, packages = gazetteer.inputs(aliases_path)
    return load_or_build("gazetteer", snapshot_key(files, packages),
                         lambda: gazetteer.build(aliases_path),
                         lambda obj: isinstance(obj, gazetteer.Gazetteer))
