"""Replacing a file so that a reader sees the old or the new one, never half of one.

The caches (ingest, parse partitions, snapshots) and the validation state are all rewritten
while other builds may read them; each writes a temporary file in the same folder and
moves it into place. A cache that cannot be written costs time on the next build, not
data, so failures are reported to the caller as False, never raised.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> bool:
    """Whether `path` now holds what `write` wrote; on any failure the previous file (or
    none) stays and no temporary file is left."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
        tmp = None
        return True
    except Exception:  # noqa: BLE001 - a full disk, a read-only folder, an unpicklable object
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
