"""The pipeline's settings: where inputs, outputs and caches live, and its limits.

The one place that knows the environment variables (the contract's SEEDS_DIR and
DATASETS_DIR, and the project's own). The Dagster layer shows these settings in the
launchpad (`dagster_defs/resources.py`) and the CLI wrapper prints them; both resolve them
here and hand plain values to the code below, which never reads the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MAX_DOCUMENT_BYTES = 2 * 1024 * 1024  # a news article is tens of kilobytes
DEFAULT_MAX_QUARANTINE_SHARE = 0.05
DEFAULT_KEEP_RELEASES = 10
DEFAULT_MAX_REMOVED_SHARE = 0.2  # a fifth of a table gone is a broken extractor, not news

# setting -> (environment variable, what it is)
ENV: dict[str, tuple[str, str]] = {
    "seeds_dir": ("SEEDS_DIR", "input folder: *.txt and *.jsonl articles (default: seeds/)"),
    "datasets_dir": ("DATASETS_DIR", "where the datasets are published (default: datasets/)"),
    "cache_dir": ("PIPELINE_CACHE_DIR",
                  "every cache: parses, ingest, snapshots, validation state (default: "
                  "$DAGSTER_HOME/pipeline-cache, else ~/.cache/ru-industry-datasets)"),
    "workers": ("PIPELINE_WORKERS", "parse worker processes (default: every core)"),
    "max_document_bytes": ("MAX_DOCUMENT_BYTES",
                           "larger documents are rejected (default: 2 MB)"),
    "max_quarantine_share": ("MAX_QUARANTINE_SHARE",
                             "share of documents that may have rows quarantined before a "
                             "build fails (default: 0.05)"),
    "keep_releases": ("KEEP_RELEASES",
                      "how many releases DATASETS_DIR/releases keeps (default: 10)"),
    "max_removed_share": ("MAX_REMOVED_SHARE",
                          "share of a table's rows a release may remove before the check "
                          "published_rows_not_removed blocks it (default: 0.2)"),
    "region_aliases": ("REGION_ALIASES_FILE",
                       "CSV of extra region names (default: pipeline/data/region_aliases.csv)"),
}


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path
    datasets_dir: Path
    cache_dir: Path
    workers: int | None
    max_document_bytes: int
    max_quarantine_share: float
    region_aliases: Path | None
    keep_releases: int = DEFAULT_KEEP_RELEASES
    max_removed_share: float = DEFAULT_MAX_REMOVED_SHARE


def _positive_int(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a positive integer, got {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {raw!r}")
    return value


def _share(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number between 0 and 1, got {raw!r}") from None
    if not 0 <= value <= 1:
        raise ValueError(f"{name} must be a number between 0 and 1, got {raw!r}")
    return value


def default_cache_dir(environ: Mapping[str, str]) -> Path:
    """Caches belong to the user, not the source tree: the Dagster instance's folder when
    there is one (`make` sets DAGSTER_HOME to .dagster_home/), else the user's cache folder."""
    if environ.get("DAGSTER_HOME"):
        return Path(environ["DAGSTER_HOME"]) / "pipeline-cache"
    base = environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ru-industry-datasets"


def resolve(given: Mapping[str, object] | None = None,
            environ: Mapping[str, str] | None = None) -> Settings:
    """Each setting from `given` (e.g. the launchpad) when set, else its environment
    variable, else the default; a malformed value is an error naming the variable."""
    given = given or {}
    env = os.environ if environ is None else environ

    def raw(key: str) -> str | None:
        value = given.get(key)
        if value not in (None, ""):
            return str(value)
        return env.get(ENV[key][0]) or None

    def path(key: str, default: Path) -> Path:
        return Path(raw(key) or default).expanduser().resolve()

    workers = raw("workers")
    max_bytes = raw("max_document_bytes")
    share = raw("max_quarantine_share")
    aliases = raw("region_aliases")
    keep = raw("keep_releases")
    removed = raw("max_removed_share")
    return Settings(
        seeds_dir=path("seeds_dir", REPO_ROOT / "seeds"),
        datasets_dir=path("datasets_dir", REPO_ROOT / "datasets"),
        cache_dir=path("cache_dir", default_cache_dir(env)),
        workers=_positive_int(ENV["workers"][0], workers) if workers else None,
        max_document_bytes=(_positive_int(ENV["max_document_bytes"][0], max_bytes)
                            if max_bytes else DEFAULT_MAX_DOCUMENT_BYTES),
        max_quarantine_share=(_share(ENV["max_quarantine_share"][0], share) if share
                              else DEFAULT_MAX_QUARANTINE_SHARE),
        region_aliases=Path(aliases).expanduser().resolve() if aliases else None,
        keep_releases=(_positive_int(ENV["keep_releases"][0], keep) if keep
                       else DEFAULT_KEEP_RELEASES),
        max_removed_share=(_share(ENV["max_removed_share"][0], removed) if removed
                           else DEFAULT_MAX_REMOVED_SHARE),
    )
