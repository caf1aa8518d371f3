"""Russian industry news -> open datasets of plants, investments and officials.

`pipeline.ingest`, `pipeline.rules` and `pipeline.runtime` are plain Python (no Dagster).
The Dagster code location (`defs`) is loaded lazily, so worker processes that only parse
text never import Dagster.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "defs":
        from pipeline.dagster_defs.definitions import defs

        return defs
    raise AttributeError(name)


def __dir__() -> list[str]:
    return ["defs"]
