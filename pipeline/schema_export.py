"""Everything derived from the pandera models: Arrow schema, Frictionless fields, docs.

Nothing here states a column a second time; it reads `pipeline.schemas`.
"""

from __future__ import annotations

import json
from typing import Any

import pandera.pandas as pa
import pyarrow as paw

from pipeline.schemas import TABLES, columns, description

_CHECK_TO_FRICTIONLESS = {
    "greater_than_or_equal_to": ("minimum", "min_value"),
    "less_than_or_equal_to": ("maximum", "max_value"),
    "greater_than": ("exclusiveMinimum", "min_value"),
    "less_than": ("exclusiveMaximum", "max_value"),
}


def column_specs(model: type[pa.DataFrameModel]) -> list[dict[str, Any]]:
    """Plain description of each column: name, logical type, nullability, constraints."""
    schema = model.to_schema()
    specs = []
    for name in columns(model):
        col = schema.columns[name]
        meta = dict(col.metadata or {})
        dtype = str(col.dtype).lower()
        if meta.get("kind") == "date" or dtype == "date":
            logical = "date"
        elif dtype.startswith("int"):
            logical = "integer"
        elif dtype.startswith("float"):
            logical = "number"
        elif dtype.startswith("bool"):
            logical = "boolean"
        else:
            logical = "string"
        constraints: dict[str, Any] = {}
        for check in col.checks:
            stats = check.statistics or {}
            if check.name == "isin":
                constraints["enum"] = list(stats["allowed_values"])
            elif check.name == "str_matches":
                constraints["pattern"] = stats["pattern"].lstrip("^").rstrip("$")
            elif check.name == "str_length":
                if stats.get("min_value") is not None:
                    constraints["minLength"] = stats["min_value"]
                if stats.get("max_value") is not None:
                    constraints["maxLength"] = stats["max_value"]
            elif check.name in _CHECK_TO_FRICTIONLESS:
                key, stat = _CHECK_TO_FRICTIONLESS[check.name]
                constraints[key] = stats[stat]
        if not col.nullable:
            constraints["required"] = True
        if col.unique:
            constraints["unique"] = True
        specs.append({
            "name": name, "type": logical, "description": col.description or "",
            "nullable": bool(col.nullable), "constraints": constraints,
            "category": meta.get("kind") == "category", **{
                k: meta[k] for k in ("unit", "example", "null_means") if k in meta},
        })
    return specs


def _arrow_type(spec: dict[str, Any]) -> paw.DataType:
    if spec["type"] == "date":
        return paw.date32()
    if spec["type"] == "integer":
        return paw.int64()
    if spec["type"] == "number":
        return paw.float64()
    if spec["type"] == "boolean":
        return paw.bool_()
    if spec["category"]:
        return paw.dictionary(paw.int32(), paw.string())
    return paw.string()


def arrow_schema(table: str) -> paw.Schema:
    """Arrow schema with each column's description (and unit) in its field metadata."""
    model = TABLES[table]
    fields = []
    for spec in column_specs(model):
        meta = {"description": spec["description"]}
        if "unit" in spec:
            meta["unit"] = str(spec["unit"])
        fields.append(paw.field(spec["name"], _arrow_type(spec), nullable=spec["nullable"],
                                metadata=meta))
    return paw.schema(fields, metadata={"table": table,
                                        "description": description(model)})


def frictionless_fields(table: str) -> list[dict[str, Any]]:
    out = []
    for spec in column_specs(TABLES[table]):
        field: dict[str, Any] = {"name": spec["name"], "type": spec["type"],
                                 "description": spec["description"]}
        if spec["constraints"]:
            field["constraints"] = spec["constraints"]
        if "example" in spec:
            field["example"] = spec["example"]
        out.append(field)
    return out


def primary_key(table: str) -> list[str] | None:
    model = TABLES[table]
    cfg_unique = getattr(model.Config, "unique", None)
    if cfg_unique:
        return list(cfg_unique)
    for spec in column_specs(model):
        if spec["constraints"].get("unique"):
            return [spec["name"]]
    return None


def describe_markdown(table: str) -> str:
    """One data-dictionary section for `datasets/README.md`."""
    model = TABLES[table]
    lines = [f"### `{table}`", "", description(model), "",
             "| column | type | meaning | unit | null means | example |",
             "| --- | --- | --- | --- | --- | --- |"]
    for spec in column_specs(model):
        typ = spec["type"]
        if "enum" in spec["constraints"] and len(spec["constraints"]["enum"]) <= 10:
            typ += " (" + ", ".join(f"`{v}`" for v in spec["constraints"]["enum"]) + ")"
        elif spec["category"]:
            typ += " (closed list)"
        null = spec.get("null_means", "never null")
        example = json.dumps(spec.get("example"), ensure_ascii=False) \
            if "example" in spec else ""
        lines.append(f"| `{spec['name']}` | {typ} | {spec['description']} | "
                     f"{spec.get('unit', '')} | {null} | {example} |")
    return "\n".join(lines) + "\n"
