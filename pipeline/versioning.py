"""Code versions derived from the source itself, so nothing depends on a manual bump.

The parse cache and the Dagster code versions both use these digests: editing any
extraction module or data file re-parses every document and marks downstream assets stale.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

PIPELINE_DIR = Path(__file__).resolve().parent
_SOURCE_SUFFIXES = {".py", ".csv", ".json"}


def source_version(*paths: str, base: str = "") -> str:
    """A digest of the source and data files at `paths` (relative to `pipeline/`; a folder
    means every .py, .csv and .json in it), prefixed with `base` when given."""
    h = hashlib.sha256(base.encode())
    for rel in paths:
        p = PIPELINE_DIR / rel
        files = sorted(f for f in p.rglob("*") if f.suffix in _SOURCE_SUFFIXES
                       and "__pycache__" not in f.parts) if p.is_dir() else [p]
        for f in files:
            h.update(f.relative_to(PIPELINE_DIR).as_posix().encode() + b"\0")
            h.update(f.read_bytes().replace(b"\r\n", b"\n"))
    return f"{base}+{h.hexdigest()[:12]}" if base else h.hexdigest()[:12]
