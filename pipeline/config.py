"""Where the inputs and outputs live (the contract's SEEDS_DIR / DATASETS_DIR)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def seeds_dir() -> Path:
    return Path(os.environ.get("SEEDS_DIR") or REPO_ROOT / "seeds").resolve()


def datasets_dir() -> Path:
    return Path(os.environ.get("DATASETS_DIR") or REPO_ROOT / "datasets").resolve()


def cache_dir() -> Path:
    """Per-document parse cache (content hash + extractor version)."""
    return Path(os.environ.get("PIPELINE_CACHE_DIR") or REPO_ROOT / ".cache").resolve()


def max_quarantine_share() -> float:
    """MAX_QUARANTINE_SHARE: the share of documents that may lose rows to quarantine before a
    build fails instead of publishing (default 5 %)."""
    raw = os.environ.get("MAX_QUARANTINE_SHARE")
    return float(raw) if raw else 0.05
