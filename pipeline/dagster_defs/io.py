"""Asset storage: every DataFrame asset is kept as a Parquet file a user can open.

Dagster's default IO manager pickles outputs; Parquet keeps `parsed_entities` and the
intermediate tables inspectable from pandas or DuckDB, which is what users asked for. A
table the tables step stored as a file (`pipeline.table_store.StoredTable`) is linked into
place, not read; a step that takes it as input gets the stored table back, which it reads
a few columns or a block at a time (issue 20).
"""


import os
import shutil
from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline.table_store import StoredTable, is_stored_file, stored


def storage_dir() -> Path:
    home = os.environ.get("DAGSTER_HOME")
    base = Path(home) if home else Path(__file__).resolve().parents[2] / ".dagster_home"
    return base / "storage" / "parquet"


class ParquetIOManager(dg.ConfigurableIOManager):
    """Stores DataFrame outputs as `<base_dir>/<asset key>.parquet` (written atomically)."""

    base_dir: str = ""

    def _path(self, key: dg.AssetKey) -> Path:
        base = Path(self.base_dir) if self.base_dir else storage_dir()
        return base / ("__".join(key.path) + ".parquet")

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        if obj is None:
            return
        if isinstance(obj, StoredTable):
            path = self._path(context.asset_key)
            _place(obj.path, path)
            context.add_output_metadata({"storage_path": dg.MetadataValue.path(str(path))})
            return
        if not isinstance(obj, pd.DataFrame):
            raise TypeError(f"ParquetIOManager stores DataFrames, got {type(obj).__name__}")
        path = self._path(context.asset_key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".parquet.tmp")
        obj.to_parquet(tmp, index=False)
        os.replace(tmp, path)
        context.add_output_metadata({"storage_path": dg.MetadataValue.path(str(path))})

    def load_input(self, context: dg.InputContext) -> pd.DataFrame | StoredTable:
        """The stored frame; only the `columns` the input's metadata names, when it does
        (the tables step does not load the texts of raw_documents)."""
        path = self._path(context.asset_key)
        table = is_stored_file(path)
        if table is not None:
            return stored(path, table)
        cols = (context.definition_metadata or {}).get("columns")
        return pd.read_parquet(path, columns=cols)


def _place(source: Path, path: Path) -> None:
    """`source` at `path`, atomically: a hard link (the same file: no copy, and its
    validation is remembered), or a copy where links cannot be made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".parquet.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, path)
