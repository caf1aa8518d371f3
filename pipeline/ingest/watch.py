"""What changed in the input folder, without reading any file: the sensors' view of SEEDS_DIR.

Plain Python (no Dagster): both code locations' sensors compare two fingerprints of the
folder, the build's to request a build, the cluster location's to request the publication
months whose files changed.
"""

from __future__ import annotations

import os
from pathlib import Path


def seeds_fingerprint(root: Path) -> dict[str, str]:
    """Relative path -> size:mtime of every input file (cheap, no reading of contents)."""
    out: dict[str, str] = {}
    if not root.exists():
        return out
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            if f.endswith((".txt", ".jsonl")):
                p = os.path.join(dirpath, f)
                try:
                    st = os.lstat(p)
                except OSError:
                    continue
                out[os.path.relpath(p, root)] = f"{st.st_size}:{st.st_mtime_ns}"
    return dict(sorted(out.items()))


def changes(previous: dict[str, str], current: dict[str, str]) -> tuple[list[str], list[str]]:
    """(added or changed, removed) relative paths between two fingerprints."""
    changed = sorted(k for k in current if previous.get(k) != current[k])
    removed = sorted(set(previous) - set(current))
    return changed, removed
