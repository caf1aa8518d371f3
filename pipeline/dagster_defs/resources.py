"""The pipeline's settings as one Dagster resource, shown (and editable) in the launchpad.

A value set in the launchpad or in run config wins; an unset one comes from its environment
variable (named in its description, read when the run starts), else the default. Every
asset, check and sensor takes its folders and limits from here and hands plain values to
the code below, which never reads the environment (see `pipeline.config`).
"""

from __future__ import annotations

from pathlib import Path

import dagster as dg
from pydantic import Field

from pipeline import config


def _describe(key: str) -> str:
    var, what = config.ENV[key]
    return f"{what[0].upper()}{what[1:]}. Unset: ${var}, else the default."


class PipelineSettings(dg.ConfigurableResource):
    """Folders and limits of a build (see `pipeline.config.ENV`)."""

    seeds_dir: str | None = Field(default=None, description=_describe("seeds_dir"))
    datasets_dir: str | None = Field(default=None, description=_describe("datasets_dir"))
    cache_dir: str | None = Field(default=None, description=_describe("cache_dir"))
    workers: int | None = Field(default=None, description=_describe("workers"))
    max_document_bytes: int | None = Field(default=None,
                                           description=_describe("max_document_bytes"))
    max_quarantine_share: float | None = Field(default=None,
                                               description=_describe("max_quarantine_share"))
    region_aliases: str | None = Field(default=None, description=_describe("region_aliases"))
    keep_releases: int | None = Field(default=None, description=_describe("keep_releases"))
    max_removed_share: float | None = Field(default=None,
                                            description=_describe("max_removed_share"))

    def resolved(self) -> config.Settings:
        return config.resolve({key: getattr(self, key) for key in config.ENV})

    @property
    def seeds(self) -> Path:
        return self.resolved().seeds_dir

    @property
    def datasets(self) -> Path:
        return self.resolved().datasets_dir

    @property
    def cache(self) -> Path:
        return self.resolved().cache_dir
