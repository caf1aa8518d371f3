"""The second code location: the parse step fanned out on a Dask cluster: `parse_to_cache`
(hash buckets of the whole corpus in one run) and `parse_cache` (one partition a publication
month: backfills, a sensor and a schedule).

Kept apart from the build's code location (`pipeline`), and in its own environment
(`.venv-cluster`, `make cluster-venv`): it needs dagster-dask and dask.distributed, and
wherever dask is installed pandera imports dask.dataframe on the first schema (a cost in
benchmarks/README.md),
which every build run, schedule tick and UI reload would pay for a job they never run.
`workspace.yaml` starts this location with `.venv-cluster/bin/python`, so the UI shows both;
the CLI names it with `.venv-cluster/bin/python -m dagster ... -m pipeline.cluster`.
"""

from __future__ import annotations

import dagster as dg

from pipeline.dagster_defs import scale

defs = dg.Definitions(
    assets=scale.ASSETS, jobs=scale.JOBS, sensors=scale.SENSORS, schedules=scale.SCHEDULES,
    resources=scale.RESOURCES,
)
