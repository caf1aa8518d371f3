"""Placeholder: filled in by the issue that owns it."""

import dagster as dg

ASSETS: list[dg.AssetsDefinition] = []
JOBS: list = []
