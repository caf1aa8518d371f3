"""Suite-wide collection rules."""

from __future__ import annotations

import importlib.util

# tests/cluster/ needs dask, which only the cluster environment (.venv-cluster) has;
# tests/test_scale.py runs it there.
collect_ignore = [] if importlib.util.find_spec("distributed") else ["cluster"]
