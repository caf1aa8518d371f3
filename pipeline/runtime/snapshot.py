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

import hashlib
import pickle
import sys
from collections.abc import Callable, Iterable
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
    if snap is not None:
        try:
            with snap.open("rb") as fh:
                obj = pickle.load(fh)
            if valid(obj):
                return obj
        except Exception:  # noqa: BLE001 - missing, truncated, or another version: rebuild
            pass
    obj = build()
    if snap is not None:
        write_atomically(snap, lambda fh: pickle.dump(obj, fh, pickle.HIGHEST_PROTOCOL))
    return obj


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
