"""`publish.to_arrow` takes pyarrow's vectorised path where it can (issue 20); the
published Parquet must stay what the per-cell rule makes: every missing value null, ints
as ints, text as text. Frames written for the tests, with every kind of missing value
pandas has (None, NaN, pd.NA, NaT) and odd cells (a number in a text column)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as paw
import pytest

from pipeline import publish
from pipeline.schema_export import arrow_schema
from pipeline.schemas import TABLES, columns


def _per_cell(table: str, df: pd.DataFrame) -> paw.Table:
    """The definition: every cell through `publish._cell`."""
    schema = arrow_schema(table)
    arrays = []
    for field in schema:
        col = df[field.name]
        if paw.types.is_dictionary(field.type):
            arr = paw.array(col.astype(object).where(col.notna(), None),
                            type=paw.string()).dictionary_encode()
        else:
            arr = paw.array([publish._cell(v, field.type) for v in col], type=field.type)
        arrays.append(arr)
    return paw.Table.from_arrays(arrays, schema=schema)


def _column(kind: paw.DataType, variant: int, n: int = 7) -> pd.Series:
    """A column of `kind` in one of the shapes a table frame can have."""
    if paw.types.is_integer(kind):
        return [pd.Series(np.arange(n, dtype="int64")),
                pd.Series([1, None, 3, pd.NA, 5, 6, 7], dtype="Int64"),
                pd.Series([1.0, np.nan, 3.0, 4.0, 5.0, 6.0, 7.0]),
                pd.Series([1, None, 3, 4, np.nan, 6, 7], dtype=object)][variant % 4]
    if paw.types.is_floating(kind):
        return [pd.Series(np.linspace(0, 1, n)),
                pd.Series([1.5, np.nan, None, 2.0, 3.0, 4.0, 5.0]),
                pd.Series([1.5, None, 2, pd.NA, 3.0, 4.0, 5.0], dtype=object),
                pd.Series([1.5, 2.5, None, 3.5, 4.5, 5.5, 6.5], dtype="Float64")][variant % 4]
    if paw.types.is_date(kind):
        return pd.Series([dt.date(2024, 1, 1), None, dt.date(2025, 5, 6), pd.NaT,
                          np.nan, dt.date(2020, 2, 29), None], dtype=object)
    if paw.types.is_boolean(kind):
        return pd.Series([True, False, None, True, False, True, None], dtype=object)
    return [pd.Series(["а", None, "b", np.nan, pd.NA, "завод «Х»", ""], dtype=object),
            pd.Series(["x"] * n, dtype=object),
            pd.Series([None] * n, dtype=object),
            pd.Series(["a", 5, None, 2.5, "b", "c", "d"], dtype=object),
            pd.Series(["a", None, "b", "c", "d", "e", "f"], dtype="string")][variant % 5]


@pytest.mark.parametrize("variant", range(5))
@pytest.mark.parametrize("table", sorted(TABLES))
def test_vectorised_columns_equal_the_per_cell_rule(table: str, variant: int) -> None:
    schema = arrow_schema(table)
    # a dictionary column (a closed vocabulary: status, currency) holds only text
    df = pd.DataFrame({f.name: _column(f.type, (variant + i) % 3)
                       if paw.types.is_dictionary(f.type) else _column(f.type, variant + i)
                       for i, f in enumerate(schema)})
    df = df[columns(TABLES[table])]
    got, want = publish.to_arrow(table, df), _per_cell(table, df)
    assert got.schema.equals(want.schema, check_metadata=True)
    for name in got.column_names:
        assert got[name].to_pylist() == want[name].to_pylist(), name
    assert got.equals(want)


def test_the_common_shapes_take_the_vectorised_path() -> None:
    """Text with missing values, numpy and nullable ints, floats with NaN: the shapes the
    tables have (a fallback here would be correct but slow)."""
    fast = publish._fast_array
    assert fast(pd.Series(["a", None, np.nan], dtype=object), paw.string()) is not None
    assert fast(pd.Series([None, None], dtype=object), paw.string()) is not None
    assert fast(pd.Series([1, 2], dtype="int64"), paw.int64()) is not None
    assert fast(pd.Series([1, None], dtype="Int64"), paw.int64()) is not None
    assert fast(pd.Series([1.5, np.nan]), paw.float64()) is not None
    assert fast(pd.Series(["a", 5], dtype=object), paw.string()) is None  # per cell
