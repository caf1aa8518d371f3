"""Published tables assembled from parsed records, with ids, and validated.

No NLP runs here: the tables are a pure function of `parsed_entities` (and the ingest
result), so they can be rebuilt cheaply and tested on hand-made records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

import pandas as pd
import pandera.pandas as pa

from pipeline import quarantine, validated
from pipeline.registries import registry_frames
from pipeline.rules.investments import investment_id
from pipeline.rules.officials import full_position, official_id
from pipeline.rules.plants import plant_id
from pipeline.runtime.partitions import records_frame as records_frame  # re-exported
from pipeline.schemas import SORT_KEYS, TABLES, columns
from pipeline.types import Duplicate, RawDocument, Rejection

# the records the tables are built from, and their columns: a reader of the parse output
# loads these only (pipeline.runtime.partitions.read_records), not every entity mention
FACT_KINDS = ("investment", "official", "plant")
FACT_RECORD_COLUMNS = ["doc_id", "kind", "sentence", "start", "end", "attrs"]


class TableValidationError(ValueError):
    """A table broke its schema; the message names the rule and the offending rows."""


def validate(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """Sort deterministically and validate against the table's pandera model (lazy: all
    failures at once). The result is remembered as validated (`pipeline.validated`): the
    table asset's Dagster type does not validate it again."""
    model = TABLES[table]
    df = df.reindex(columns=columns(model))
    keys = [k for k in SORT_KEYS[table] if k in df.columns]
    df = df.sort_values(keys, kind="stable", na_position="first").reset_index(drop=True)
    try:
        out = validated.validate(model, df)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
        lines = []
        for _, row in cases.head(20).iterrows():
            idx = row.get("index")
            where = ""
            if idx is not None and not pd.isna(idx) and int(idx) < len(df):
                r = df.iloc[int(idx)]
                where = f" (row {int(idx)}, doc_id={r.get('doc_id', '?')!s})"
            lines.append(f"- column {row['column']!s}: {row['check']!s} failed for value "
                         f"{row['failure_case']!r}{where}")
        more = f"\n... and {len(cases) - 20} more" if len(cases) > 20 else ""
        raise TableValidationError(
            f"table {table!r} failed validation ({len(cases)} failures):\n"
            + "\n".join(lines) + more) from None
    return out


def _facts(records: pd.DataFrame, kind: str) -> pd.DataFrame:
    sub = records[records["kind"] == kind]
    if sub.empty:
        return pd.DataFrame()
    attrs = pd.DataFrame([json.loads(a) for a in sub["attrs"]], index=sub.index)
    base = sub[["doc_id", "sentence", "start", "end"]]
    return pd.concat([base, attrs], axis=1).reset_index(drop=True)


def documents_frame(docs: Iterable[RawDocument] | pd.DataFrame) -> pd.DataFrame:
    """The documents table of the documents, or of a frame that has its columns already
    (a build's, read without the texts)."""
    if isinstance(docs, pd.DataFrame):
        return docs.reindex(columns=columns(TABLES["documents"])).reset_index(drop=True)
    rows = [{
        "doc_id": d.doc_id, "published": d.published, "source": d.source, "sha256": d.sha256,
        "n_chars": d.n_chars, "title": d.title, "url": d.url, "encoding": d.encoding,
    } for d in docs]
    return pd.DataFrame(rows, columns=columns(TABLES["documents"]))


def officials_frame(records: pd.DataFrame) -> pd.DataFrame:
    df = _facts(records, "official")
    if not df.empty:
        df["official_id"] = [official_id(n) for n in df["full_name"]]
        orgs = df["organization"] if "organization" in df else [None] * len(df)
        df["position_full"] = [
            full_position(p, o if isinstance(o, str) else None) if isinstance(p, str) else p
            for p, o in zip(df["position"], orgs, strict=True)]
    return df


def plants_frame(records: pd.DataFrame) -> pd.DataFrame:
    df = _facts(records, "plant")
    if df.empty:
        return df
    df["plant_id"] = [plant_id(n, o, r) for n, o, r in
                      zip(df["name"], df["operator"], df["region_code"], strict=True)]
    df["event_date"] = [date.fromisoformat(d) if isinstance(d, str) else None
                        for d in df["event_date"]]
    return df


def investments_frame(records: pd.DataFrame, plants: pd.DataFrame) -> pd.DataFrame:
    df = _facts(records, "investment")
    if df.empty:
        return df
    df["investment_id"] = [investment_id(d, s, e) for d, s, e in
                           zip(df["doc_id"], df["start"], df["end"], strict=True)]
    df["plant_id"] = _link_plants(df, records, plants)
    parts = df["part_of"] if "part_of" in df else pd.Series([None] * len(df))
    df["part_of_investment_id"] = [
        investment_id(d, int(p[0]), int(p[1])) if isinstance(p, list | tuple) else None
        for d, p in zip(df["doc_id"], parts, strict=True)]
    # a total that is not itself an investment row (e.g. a turnover) is no reference
    known = set(df["investment_id"])
    df["part_of_investment_id"] = [p if p in known else None
                                   for p in df["part_of_investment_id"]]
    return df


def documents_table(docs: Iterable[RawDocument]) -> pd.DataFrame:
    return validate("documents", documents_frame(docs))


def officials_table(records: pd.DataFrame) -> pd.DataFrame:
    return validate("officials", officials_frame(records))


def plants_table(records: pd.DataFrame) -> pd.DataFrame:
    return validate("plants", plants_frame(records))


def investments_table(records: pd.DataFrame, plants: pd.DataFrame) -> pd.DataFrame:
    return validate("investments", investments_frame(records, plants))


def build_tables(docs: Sequence[RawDocument] | pd.DataFrame, records: pd.DataFrame,
                 rejections: Iterable[Rejection] = (), duplicates: Iterable[Duplicate] = (),
                 *, max_quarantine_share: float = quarantine.DEFAULT_MAX_SHARE
                 ) -> dict[str, pd.DataFrame]:
    """Every published table, validated, with the rows of a document that broke a row-level
    rule quarantined (see `pipeline.quarantine`). Raises `TableValidationError` when a
    whole-table rule breaks and `QuarantineLimitError` when too many documents lost rows.
    `docs`: the documents, or their `documents` table frame (a build passes the frame, so
    it never holds the texts here)."""
    q = quarantine.Quarantine()
    documents = documents_table_split(docs, q)
    frames = {"documents": documents, **fact_tables(documents, records, q)}
    return finish_tables(frames, q.frame(), rejections, duplicates, len(docs),
                         max_quarantine_share=max_quarantine_share)


def documents_table_split(docs: Iterable[RawDocument] | pd.DataFrame,
                          q: quarantine.Quarantine) -> pd.DataFrame:
    """The documents table, its rows that break a rule quarantined."""
    return quarantine.split("documents", documents_frame(docs), q, (), {}, validate)


def fact_tables(documents: pd.DataFrame, records: pd.DataFrame, q: quarantine.Quarantine
                ) -> dict[str, pd.DataFrame]:
    """The fact tables of `records`, validated, their bad documents' rows put in `q`. Every
    rule is about one document, so the records of one month with that month's documents
    give that month's rows of the whole corpus's tables (pipeline.table_parts)."""
    frames: dict[str, pd.DataFrame] = {"documents": documents}

    def add(table: str, df: pd.DataFrame, rules: tuple = ()) -> None:
        frames[table] = quarantine.split(table, df, q, rules, frames, validate)

    add("officials", officials_frame(records), quarantine.FACT_RULES)
    add("plants", plants_frame(records), quarantine.FACT_RULES)
    add("investments", investments_frame(records, frames["plants"]),
        (*quarantine.FACT_RULES, quarantine.known_plant_ids))
    del frames["documents"]
    return frames


def finish_tables(frames: dict[str, pd.DataFrame], quarantined: pd.DataFrame,
                  rejections: Iterable[Rejection], duplicates: Iterable[Duplicate],
                  n_documents: int, *, max_quarantine_share: float,
                  validate_history: bool = True) -> dict[str, pd.DataFrame]:
    """The documents and fact tables completed: rejections, the quarantine (checked against
    its limit) and the registries resolved from the facts. `validate_history=False`: the
    plant status history is returned as resolved, without its evidence when the plants
    came without it (a stored build validates it as it writes it)."""
    frames["rejected_documents"] = rejected_table(rejections, duplicates)
    quarantine.check_share(quarantine.Quarantine(quarantined.to_dict("records")),
                           n_documents, max_quarantine_share)
    frames["quarantined_rows"] = validate("quarantined_rows", quarantined)
    frames.update(registry_tables(frames, validate_history=validate_history))
    return frames


def registry_tables(frames: dict[str, pd.DataFrame], *, validate_history: bool = True
                    ) -> dict[str, pd.DataFrame]:
    """The registries (pipeline.registries), resolved from the published fact tables only
    (quarantined rows are not evidence), validated."""
    return {name: df if name == "plant_status_history" and not validate_history
            else validate(name, df.reindex(columns=columns(TABLES[name])))
            for name, df in registry_frames(frames).items()}


def _link_plants(inv: pd.DataFrame, records: pd.DataFrame, plants: pd.DataFrame) -> list:
    """An investment belongs to a facility when its sentence names exactly one facility."""
    plant_recs = records[records["kind"] == "plant"]
    starts_by_sentence: dict[tuple[str, int], list[int]] = {}
    for doc_id, sentence, start in zip(plant_recs["doc_id"], plant_recs["sentence"],
                                       plant_recs["start"], strict=True):
        starts_by_sentence.setdefault((doc_id, int(sentence)), []).append(int(start))
    by_start = {(r.doc_id, r.start): r.plant_id for r in plants.itertuples()} \
        if not plants.empty else {}
    out = []
    for doc_id, sentence in zip(inv["doc_id"], inv["sentence"], strict=True):
        starts = starts_by_sentence.get((doc_id, int(sentence)), [])
        out.append(by_start.get((doc_id, starts[0])) if len(starts) == 1 else None)
    return out


def rejected_table(rejections: Iterable[Rejection],
                   duplicates: Iterable[Duplicate] = ()) -> pd.DataFrame:
    rows = [{"source": r.source, "doc_id": r.doc_id, "stage": r.stage, "reason": r.reason}
            for r in rejections]
    rows += [{"source": d.source, "doc_id": d.doc_id, "stage": "duplicate",
              "reason": f"same text as document {d.duplicate_of!r}; processed once"}
             for d in duplicates]
    return validate("rejected_documents",
                    pd.DataFrame(rows, columns=columns(TABLES["rejected_documents"])))
