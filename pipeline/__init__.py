"""Russian industry news -> open datasets of plants, investments and officials.

`pipeline.ingest`, `pipeline.rules` and `pipeline.runtime` are plain Python (no Dagster).
The Dagster code location (`defs`) is loaded lazily, so worker processes that only parse
text never import Dagster.
"""

from __future__ import annotations

import gc
import sys
from typing import Any


def __getattr__(name: str) -> Any:
    if name == "defs":
        if "pipeline.dagster_defs.definitions" not in sys.modules:
            # what this process loaded before (Python and Dagster) lives until it ends:
            # kept out of the garbage collector's passes while the definitions load
            # (~0.2 s of CPU; see definitions._settle_garbage_collector)
            gc.freeze()
        from pipeline.dagster_defs.definitions import defs

        return defs
    raise AttributeError(name)


def __dir__() -> list[str]:
    return ["defs"]
