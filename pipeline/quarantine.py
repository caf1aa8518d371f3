"""Quarantine: one document's bad rows leave the table, the rest of the corpus is published.

Blocking validation keeps bad rows out of the published data; it must not let one
article's bad extraction take every other article's good rows down with it. So a row that
breaks a row-level rule (its table's pandera model: a duplicate id, a value outside its
vocabulary, start after end; or a cross-table rule: an unknown doc_id, an offset outside
its document's text, an unknown plant_id) is taken out with the other rows of its document
in that table, and recorded in `quarantined_rows`. What remains is validated again in full:
a rule that still fails is a whole-table invariant, and fails the build.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
import pandera.pandas as pa

from pipeline import validated
from pipeline.schemas import SORT_KEYS, TABLES, columns

DEFAULT_MAX_SHARE = 0.05
SAME_DOCUMENT = "same document as a quarantined row"

# A cross-table rule: (the table, the clean frames so far) -> {row index: (rule, values)}.
RowRule = Callable[[pd.DataFrame, Mapping[str, pd.DataFrame]], dict[int, tuple[str, dict]]]


class QuarantineLimitError(ValueError):
    """More documents were quarantined than the build allows: the extractor, not the news,
    is broken, and publishing the rest would hide it."""


@dataclass
class Quarantine:
    """The rows taken out so far, in the `quarantined_rows` layout."""

    rows: list[dict[str, Any]] = field(default_factory=list)

    def doc_ids(self) -> set[str]:
        return {r["doc_id"] for r in self.rows if r["doc_id"] is not None}

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows, columns=columns(TABLES["quarantined_rows"]))


def _plain(value: Any) -> Any:
    """A cell as JSON can hold it (NaN and NA become null, dates ISO strings)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _json(obj: Mapping[str, Any]) -> str:
    return json.dumps({k: _plain(v) for k, v in obj.items()}, ensure_ascii=False,
                      sort_keys=True, default=str)


def _rule_name(column: Any, check: Any) -> str:
    """`status: isin`, `unique(plant_id, doc_id)`, `start must be before end`: short enough
    to group by, without the vocabulary pandera writes into the check's name."""
    check = str(check)
    if check == "multiple_fields_uniqueness":
        return "duplicate id"
    short = re.sub(r"\(.*\)$", "", check) if len(check) > 40 else check
    return f"{column}: {short}" if column is not None and not pd.isna(column) else short


def schema_violations(table: str, df: pd.DataFrame
                      ) -> tuple[pd.DataFrame | None, dict[int, tuple[str, dict]]]:
    """The frame validated by the table's pandera model (None when it fails), and the rows
    (by position) that break one of its row-level rules, with the rule and the offending
    values. Failures not tied to a row are left to the validation that follows."""
    try:
        return validated.validate(TABLES[table], df), {}
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    out: dict[int, tuple[str, dict]] = {}
    rules: dict[int, list[str]] = {}
    for context, column, check, value, idx in zip(
            cases["schema_context"], cases["column"], cases["check"], cases["failure_case"],
            cases["index"], strict=True):
        if idx is None or pd.isna(idx):
            continue
        i = int(idx)
        # a check over the whole row reports every column: name the check, keep the values
        # of the columns its message names ("start must be before end")
        whole_row = context == "DataFrameSchema" and check != "multiple_fields_uniqueness"
        name = str(check) if whole_row else _rule_name(column, check)
        rules.setdefault(i, [])
        if name not in rules[i]:
            rules[i].append(name)
        values = out.get(i, ("", {}))[1]
        if column is not None and not pd.isna(column) and (
                not whole_row or re.search(rf"\b{re.escape(str(column))}\b", str(check))):
            values[str(column)] = value
        out[i] = ("; ".join(rules[i]), values)
    return None, out


def split(table: str, df: pd.DataFrame, quarantine: Quarantine,
          rules: tuple[RowRule, ...] = (), context: Mapping[str, pd.DataFrame] | None = None,
          validate: Callable[[str, pd.DataFrame], pd.DataFrame] | None = None
          ) -> pd.DataFrame:
    """`df` validated and sorted as published, without the documents whose rows break a
    rule (recorded in `quarantine`). Cross-table `rules` see `context`, the tables already
    split. What is left after quarantine goes through `validate` (which raises on a
    whole-table failure); a frame with nothing to quarantine is validated once."""
    df = df.reindex(columns=columns(TABLES[table]))
    keys = [k for k in SORT_KEYS[table] if k in df.columns]
    df = df.sort_values(keys, kind="stable", na_position="first").reset_index(drop=True)
    valid, bad = schema_violations(table, df)
    for rule in rules:
        for i, (name, values) in rule(df, context or {}).items():
            old_name, old_values = bad.get(i, ("", {}))
            bad[i] = ("; ".join(n for n in (old_name, name) if n), {**old_values, **values})
    if not bad:
        if valid is not None:
            return valid
        return validate(table, df) if validate else df
    docs = {df.at[i, "doc_id"] for i in bad}
    for i, row in df.iterrows():
        if row["doc_id"] not in docs:
            continue
        rule, values = bad.get(int(i), (SAME_DOCUMENT, {}))
        doc_id = row["doc_id"] if isinstance(row["doc_id"], str) else None
        quarantine.rows.append({"doc_id": doc_id, "table": table, "rule": rule,
                                "values": _json(values), "row": _json(row.to_dict())})
    rest = df[~df["doc_id"].isin(docs)].reset_index(drop=True)
    return validate(table, rest) if validate else rest


# --- cross-table rules ------------------------------------------------------------------

def known_doc_ids(df: pd.DataFrame, ctx: Mapping[str, pd.DataFrame]) -> dict:
    known = set(ctx["documents"]["doc_id"])
    return {i: ("doc_id: not in documents", {"doc_id": d})
            for i, d in enumerate(df["doc_id"]) if d not in known}


def offsets_inside_text(df: pd.DataFrame, ctx: Mapping[str, pd.DataFrame]) -> dict:
    n_chars = dict(zip(ctx["documents"]["doc_id"], ctx["documents"]["n_chars"], strict=True))
    out = {}
    for i, (d, end) in enumerate(zip(df["doc_id"], df["end"], strict=True)):
        n = n_chars.get(d)
        if n is not None and _is_number(end) and end > n:
            out[i] = ("end: outside the document's text", {"end": end, "n_chars": n})
    return out


def known_plant_ids(df: pd.DataFrame, ctx: Mapping[str, pd.DataFrame]) -> dict:
    known = set(ctx["plants"]["plant_id"])
    return {i: ("plant_id: not in plants", {"plant_id": p})
            for i, p in enumerate(df["plant_id"]) if isinstance(p, str) and p not in known}


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not (isinstance(v, float) and math.isnan(v))


FACT_RULES: tuple[RowRule, ...] = (known_doc_ids, offsets_inside_text)


def check_share(quarantine: Quarantine, n_documents: int, max_share: float) -> None:
    """Fail when more than `max_share` of the documents lost rows: at that rate the fault is
    the extractor's, and a build that publishes the rest would hide it."""
    docs = quarantine.doc_ids()
    if not docs:
        return
    share = len(docs) / max(1, n_documents)
    if share > max_share:
        examples = sorted(docs)[:10]
        rules = sorted({r["rule"] for r in quarantine.rows if r["rule"] != SAME_DOCUMENT})[:10]
        raise QuarantineLimitError(
            f"{len(docs)} of {n_documents} documents ({share:.1%}) had rows quarantined, "
            f"more than MAX_QUARANTINE_SHARE={max_share:.1%}: nothing is published. "
            f"Rules broken: {rules}; documents: {examples}")
