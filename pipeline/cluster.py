"""The second code location: `parse_to_cache`, the parse step fanned out on a Dask cluster.

Kept apart from the build's code location (`pipeline`) because it needs dagster-dask and
dask.distributed, whose import (~0.5 s) every build run, schedule tick and UI reload of the
build location would otherwise pay for a job they never run. `workspace.yaml` loads both
locations, so the UI shows both; the CLI names this one with `-m pipeline.cluster`.
"""

from __future__ import annotations

import dagster as dg

from pipeline.dagster_defs import scale

defs = dg.Definitions(jobs=scale.JOBS)
