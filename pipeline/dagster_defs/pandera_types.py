"""The Dagster type of each table asset: its pandera model, validated once per build.

dagster-pandera's `pandera_schema_to_dagster_type` gives a type that validates every frame
a step stores against the model, and that the asset page shows with the model's columns.
The tables step has validated each of its frames with the same model already, so here a
frame that `pipeline.validated` remembers as validated by the model, unchanged since,
passes without a second validation (one pandera call a table, not two: ~0.1 s a table of
an incremental build); any other frame (a copy, a frame changed after its validation, a
frame from elsewhere) is validated in full, lazily, as dagster-pandera does.

Why not dagster-pandera itself: importing it imports polars and pandera's polars API
(~0.8 s of CPU on every Dagster process that loads these definitions, and no step uses
polars). The column schema it would build from the model is built here the same way
(tests/test_validated.py holds the two equal).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import dagster as dg
import pandas as pd
import pandera.pandas as pa

from pipeline import validated
from pipeline.schema_export import arrow_schema
from pipeline.schemas import TABLES
from pipeline.table_store import StoredTable, is_validated, validation_errors

# how dagster-pandera writes a comparison check's constraint ("> 0", "<= 2100")
_OPERATORS = {"equal_to": "==", "not_equal_to": "!=", "less_than": "<",
              "less_than_or_equal_to": "<=", "greater_than": ">",
              "greater_than_or_equal_to": ">="}


def _check_name(check: Any) -> str:
    return check.description or check.error or check.name or str(check)


def _column_check(check: Any) -> str:
    if check.description:
        return check.description
    if check.name in _OPERATORS and isinstance(check.error, str):
        m = re.search(r"(?<=\().+(?=\))", check.error)
        return f"{_OPERATORS[check.name]} {m.group(0) if m else ''}"
    return _check_name(check)


def table_schema(schema: pa.DataFrameSchema) -> dg.TableSchema:
    """The pandera schema as a Dagster table schema: every column's type, description,
    nullability, uniqueness and checks, and the frame-wide checks."""
    cols = []
    for col in schema.columns.values():
        name = col.name if isinstance(col.name, str) else "/".join(col.name)
        cols.append(dg.TableColumn(
            name=name, type=str(col.dtype), description=col.description,
            constraints=dg.TableColumnConstraints(
                nullable=col.nullable, unique=col.unique,
                other=[_column_check(c) for c in (col.checks or [])])))
    return dg.TableSchema(columns=cols, constraints=dg.TableConstraints(
        other=[_check_name(c) for c in schema.checks]))


@cache
def pandera_type(table: str) -> dg.DagsterType:
    """The table's Dagster type: named after its pandera model, showing its schema, and
    passing a frame only when the model validates it (see the module docstring)."""
    model = TABLES[table]
    schema = model.to_schema()
    name = str(getattr(model.Config, "title", None) or getattr(model.Config, "name", None)
               or model.__name__)

    def type_check(_context: dg.TypeCheckContext, value: object) -> dg.TypeCheck:
        if isinstance(value, StoredTable):
            return _stored_check(value, table, name)
        if not isinstance(value, pd.DataFrame):
            return dg.TypeCheck(success=False, description=(
                f"Must be a pandas DataFrame, not {type(value).__name__}."))
        if validated.is_validated(value, model):
            return dg.TypeCheck(success=True, description=(
                f"Validated against the {name} pandera model by the tables step, "
                "unchanged since."))
        try:
            model.validate(value, lazy=True)
        except pa.errors.SchemaErrors as exc:
            return dg.TypeCheck(success=False, description=str(exc))
        except Exception as exc:  # noqa: BLE001 - any failure to validate is a failed type
            return dg.TypeCheck(success=False,
                                description=f"Unexpected error during validation: {exc}")
        return dg.TypeCheck(success=True, description=f"Validated against the {name} "
                                                      "pandera model.")

    return dg.DagsterType(type_check_fn=type_check, name=name,
                          description=schema.description,
                          metadata={"schema": dg.MetadataValue.table_schema(
                              table_schema(schema))},
                          typing_type=pd.DataFrame)


def _stored_check(value: StoredTable, table: str, name: str) -> dg.TypeCheck:
    """A stored table passes when it is this table's, its file has the table's published
    Arrow schema, and its rows were validated when it was written (remembered) or pass
    the model now, a block of rows at a time."""
    import pyarrow.parquet as pq

    if value.table != table:
        return dg.TypeCheck(success=False, description=f"A stored {value.table!r} table, "
                                                       f"not {table!r}.")
    try:
        schema = pq.read_schema(value.path)
    except (OSError, ValueError) as exc:
        return dg.TypeCheck(success=False, description=f"Unreadable table file: {exc}")
    want = arrow_schema(table)
    if [(f.name, f.type) for f in schema] != [(f.name, f.type) for f in want]:
        return dg.TypeCheck(success=False, description=(
            f"The file's columns are not the {name} model's: {schema.names}"))
    if is_validated(value):
        return dg.TypeCheck(success=True, description=(
            f"Every row validated against the {name} pandera model when it was stored "
            "(a block or a month at a time), unchanged since."))
    errors = validation_errors(value)
    if errors:
        return dg.TypeCheck(success=False, description="\n".join(errors[:5]))
    return dg.TypeCheck(success=True, description=f"Validated against the {name} pandera "
                                                  "model, a block of rows at a time.")
