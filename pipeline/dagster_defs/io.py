"""Asset storage: every DataFrame asset is kept as a Parquet file a user can open.

Dagster's default IO manager pickles outputs; Parquet keeps `parsed_entities` and the
intermediate tables inspectable from pandas or DuckDB, which is what users asked for.
"""


import os
from pathlib import Path

import dagster as dg
import pandas as pd


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
        if not isinstance(obj, pd.DataFrame):
            raise TypeError(f"ParquetIOManager stores DataFrames, got {type(obj).__name__}")
        path = self._path(context.asset_key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".parquet.tmp")
        obj.to_parquet(tmp, index=False)
        os.replace(tmp, path)
        context.add_output_metadata({"storage_path": dg.MetadataValue.path(str(path))})

    def load_input(self, context: dg.InputContext) -> pd.DataFrame:
        """The stored frame; only the `columns` the input's metadata names, when it does
        (the tables step does not load the texts of raw_documents)."""
        cols = (context.definition_metadata or {}).get("columns")
        return pd.read_parquet(self._path(context.asset_key), columns=cols)
