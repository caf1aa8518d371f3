"""The table schemas: the one source of truth for every published table.

Each pandera model drives (1) blocking validation, (2) the Parquet schema with column
descriptions in its metadata, (3) `datapackage.json`, (4) the data dictionary in
`datasets/README.md` and (5) the column schema shown on the Dagster asset page. Column
metadata keys used by those generators: `unit`, `example`, `null_means`, `kind`
("date" for calendar dates, "category" for closed vocabularies).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
import pycountry
from pandera.engines import pandas_engine
from pandera.typing import Series

from pipeline.rules import lexicon
from pipeline.rules.gazetteer import all_regions

STATUSES = list(lexicon.ordered("plant_status_values", "status"))  # the closed vocabulary
QUALIFIERS = ["exact", "approx", "at_least", "at_most"]
SECTORS = ["government", "business", "public/other"]
PHASES = ["former", "acting"]
CURRENCIES = sorted(c.alpha_3 for c in pycountry.currencies)
REGION_CODES = [r.code for r in all_regions()]
STAGES = ["ingest", "parse", "duplicate"]
QUARANTINED_TABLES = ["documents", "officials", "plants", "investments"]

Date = pandas_engine.Date
NullableInt = pd.Int64Dtype


def _f(description: str, *, example: Any = None, unit: str | None = None,
       null_means: str | None = None, kind: str | None = None, **checks: Any) -> Any:
    meta = {k: v for k, v in {"example": example, "unit": unit, "null_means": null_means,
                              "kind": kind}.items() if v is not None}
    return pa.Field(description=description, metadata=meta or None,
                    nullable=null_means is not None, **checks)


def _id(prefix: str, what: str, example: str, unique: bool = False) -> Any:
    return _f(what, example=example, str_matches=rf"^{prefix}-[0-9a-f]{{12}}$", unique=unique)


def _region() -> Any:
    return _f("Federal subject, nominative.", example="Калининградская область",
              null_means="no region could be read")


def _region_code() -> Any:
    return _f("ISO 3166-2 code of the region.", example="RU-KGD", kind="category",
              isin=REGION_CODES, null_means="no region could be read")


class _Evidence(pa.DataFrameModel):
    doc_id: Series[str] = _f("Document the row was read from (see documents.doc_id).",
                             example="000_c71ce465f13af3a6", str_length={"min_value": 1})
    evidence: Series[str] = _f("The sentence of the document the row was read from.",
                               example="В торжественном открытии приняли участие ...",
                               str_length={"min_value": 1})
    start: Series[int] = _f("Character offset where the mention starts in the document text "
                            "(0-based, Python string indexing).", unit="characters",
                            example=324, ge=0)
    end: Series[int] = _f("Character offset just after the mention ends.", unit="characters",
                          example=338, gt=0)

    @pa.dataframe_check(error="start must be before end")
    def _start_before_end(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start"] < df["end"]


class Documents(pa.DataFrameModel):
    """One row per input article that was read and parsed."""

    doc_id: Series[str] = _f("Document id: the file name without extension, or the JSONL id.",
                             example="000_c71ce465f13af3a6", unique=True,
                             str_length={"min_value": 1, "max_value": 200})
    published: Series[Date] = _f("Publication date from the `date` header or JSONL field.",
                                 example="2026-01-30", kind="date",
                                 null_means="the article gives no valid publication date")
    source: Series[str] = _f("Path of the file relative to the input folder (JSONL: "
                             "`file.jsonl:LINE`).", example="000_c71ce465f13af3a6.txt")
    sha256: Series[str] = _f("SHA-256 of the raw bytes of the file (JSONL: of the line).",
                             example="3f1c...", str_matches=r"^[0-9a-f]{64}$")
    n_chars: Series[int] = _f("Length of the article text (header removed).",
                              unit="characters", example=2560, ge=0)
    title: Series[str] = _f("Title from the JSONL field.", example="Автотор запустил заводы",
                            null_means="no title given")
    url: Series[str] = _f("Source URL from the JSONL field.", example="https://example.org/a",
                          null_means="no URL given")
    encoding: Series[str] = _f("Character encoding the file was read in.", example="utf-8")

    class Config:
        strict = True
        coerce = True
        ordered = True


class Officials(_Evidence):
    """A person named with a position: one row per person, position and organization
    per document."""

    official_id: Series[str] = _id("off", "Person id, stable across documents (derived from "
                                   "the normalised full name).", "off-1a2b3c4d5e6f")
    full_name: Series[str] = _f("Full name in the nominative: «Имя Фамилия» or «Имя Отчество "
                                "Фамилия» when given.", example="Антон Алиханов",
                                str_length={"min_value": 2})
    surname: Series[str] = _f("Surname in the nominative.", example="Алиханов",
                              str_length={"min_value": 1})
    position: Series[str] = _f("Position in the nominative, lower case.", example="губернатор",
                               str_length={"min_value": 2})
    position_full: Series[str] = _f(
        "The position with its short forms written out, one spelling per post for grouping "
        "(pipeline/data/lexicon/position_abbreviations.csv).",
        example="генеральный директор", str_length={"min_value": 2})
    organization: Series[str] = _f("Organization or region of the position, nominative.",
                                   example="Минпромторг",
                                   null_means="the text names no organization for the post")
    phase: Series[str] = _f("`former` for бывший/экс- posts, `acting` for врио/и.о.",
                            example="former", kind="category", isin=PHASES,
                            null_means="a current post")
    sector: Series[str] = _f("Who the post belongs to: government, business or public/other.",
                             example="government", kind="category", isin=SECTORS)

    class Config:
        strict = True
        coerce = True
        unique = ["official_id", "doc_id", "position", "organization"]


class Plants(_Evidence):
    """An industrial facility (plant, factory, production line) and what happened to it."""

    plant_id: Series[str] = _id("plt", "Facility id, stable across documents (derived from "
                                "name, operator and region).", "plt-1a2b3c4d5e6f")
    name: Series[str] = _f("The facility phrase, nominative.", example="завод выхлопных систем",
                           str_length={"min_value": 2})
    product: Series[str] = _f("What the facility makes, nominative.",
                              example="выхлопные системы", null_means="not stated")
    operator: Series[str] = _f("Company that runs the facility.", example="Автотор",
                               null_means="not stated")
    region: Series[str] = _region()
    region_code: Series[str] = _region_code()
    status: Series[str] = _f("What happened to the facility.", example="launched",
                             kind="category", isin=STATUSES)
    event_date: Series[Date] = _f("Date of the event (day precision), or the article's date "
                                  "for a reported past event.", example="2026-01-30",
                                  kind="date", null_means="no date for the event")
    event_year: Series[NullableInt] = _f("Year of the event.", example=2026, unit="year",
                                         ge=1900, le=2100, null_means="unknown")

    class Config:
        strict = True
        coerce = True
        unique = ["plant_id", "doc_id"]


class Investments(_Evidence):
    """A sum of money put into industrial projects."""

    investment_id: Series[str] = _id("inv", "Investment row id (document and offsets).",
                                     "inv-1a2b3c4d5e6f", unique=True)
    amount: Series[float] = _f("Sum in units of `currency` (the lower end of a range).",
                               example=28000000000.0, unit="currency units", gt=0)
    amount_max: Series[float] = _f("Upper end of a range («от 2 до 3 млрд»).",
                                   example=3000000000.0, unit="currency units", gt=0,
                                   null_means="not a range")
    currency: Series[str] = _f("ISO 4217 currency code.", example="RUB", kind="category",
                               isin=CURRENCIES)
    qualifier: Series[str] = _f("How exact the sum is: exact, approx (около, порядка), "
                                "at_least (более, свыше), at_most (до, не более).",
                                example="approx", kind="category", isin=QUALIFIERS)
    investor: Series[str] = _f("Who puts the money in.", example="Автотор",
                               null_means="not stated")
    region: Series[str] = _region()
    region_code: Series[str] = _region_code()
    period_start_year: Series[NullableInt] = _f("First year of the investment period.",
                                                example=2019, unit="year", ge=1900, le=2100,
                                                null_means="not stated")
    period_end_year: Series[NullableInt] = _f("Last year of the investment period.",
                                              example=2025, unit="year", ge=1900, le=2100,
                                              null_means="not stated")
    program: Series[str] = _f("Support instrument (СПИК, ФРП, ОЭЗ, ...).", example="СПИК",
                              null_means="none named")
    part_of_investment_id: Series[str] = _f(
        "The total this sum is a part of («28 млрд …, из них 8 млрд»); add up only rows "
        "where this is null to avoid counting a part twice.", example="inv-1a2b3c4d5e6f",
        str_matches=r"^inv-[0-9a-f]{12}$", null_means="not stated as part of another sum")
    plant_id: Series[str] = _f("The facility the money goes to (see plants.plant_id).",
                               example="plt-1a2b3c4d5e6f", str_matches=r"^plt-[0-9a-f]{12}$",
                               null_means="not tied to one facility")

    class Config:
        strict = True
        coerce = True

    @pa.dataframe_check(error="period_start_year must not be after period_end_year")
    def _period_order(cls, df: pd.DataFrame) -> Series[bool]:
        s, e = df["period_start_year"], df["period_end_year"]
        return (s.isna() | e.isna() | (s <= e)).astype(bool)


class RejectedDocuments(pa.DataFrameModel):
    """Inputs that could not be used, and why."""

    source: Series[str] = _f("File (and JSONL line) relative to the input folder.",
                             example="broken.jsonl:3")
    doc_id: Series[str] = _f("Document id when it could be read.", example="a1",
                             null_means="the id could not be read")
    stage: Series[str] = _f("Where it failed: ingest (reading), parse (NLP) or duplicate.",
                            example="ingest", kind="category", isin=STAGES)
    reason: Series[str] = _f("Why, in words for a user.", example="empty file")

    class Config:
        strict = True
        coerce = True


class QuarantinedRows(pa.DataFrameModel):
    """Rows taken out of a table because they, or another row of their document in that
    table, broke a row-level rule; the rest of the corpus is published without them."""

    doc_id: Series[str] = _f("Document the row belongs to.", example="000_c71ce465f13af3a6",
                             null_means="the row had no doc_id")
    table: Series[str] = _f("Table the row was taken out of.", example="plants",
                            kind="category", isin=QUARANTINED_TABLES)
    rule: Series[str] = _f("Rule the row broke, or `same document as a quarantined row` for "
                           "the other rows of that document in that table.",
                           example="duplicate id", str_length={"min_value": 1})
    values: Series[str] = _f("The offending values, as a JSON object (column -> value).",
                             example='{"plant_id": "plt-1a2b3c4d5e6f"}')
    row: Series[str] = _f("The whole row as it would have been published, as a JSON object.",
                          example='{"doc_id": "a1", "name": "завод", ...}')

    class Config:
        strict = True
        coerce = True


def _json_ids(what: str, example: str) -> Any:
    return _f(f"JSON list of {what}, sorted.", example=example, str_matches=r"^\[.*\]$")


def _former_ids(prefix: str) -> Any:
    return _f("JSON list of the ids that parts of this row had, or would have had, in a "
              "smaller corpus (before two rows merged): each of them is replaced by this "
              "row's id.", example=f'["{prefix}-1a2b3c4d5e6f"]', str_matches=r"^\[.*\]$")


class PlantRegistry(pa.DataFrameModel):
    """One row per industrial facility, resolved across documents (see `links` for every
    merge), with its latest status."""

    facility_id: Series[str] = _id("fac", "Facility id, stable across builds and growth "
                                   "(hash of the facility's earliest plant_id).",
                                   "fac-1a2b3c4d5e6f", unique=True)
    name: Series[str] = _f("Facility phrase of its earliest mention, nominative.",
                           example="завод выхлопных систем", str_length={"min_value": 2})
    product: Series[str] = _f("What the facility makes (most frequent mention).",
                              example="выхлопные системы", null_means="not stated")
    operator: Series[str] = _f("Company that runs the facility (most frequent mention).",
                               example="Автотор", null_means="not stated")
    region: Series[str] = _region()
    region_code: Series[str] = _region_code()
    latest_status: Series[str] = _f("Status of the latest dated report.", example="launched",
                                    kind="category", isin=STATUSES)
    latest_status_date: Series[Date] = _f("Date of that report (event date, else the "
                                          "article's date).", example="2026-01-30",
                                          kind="date", null_means="no report is dated")
    first_seen: Series[Date] = _f("Earliest date of a report.", example="2026-01-30",
                                  kind="date", null_means="no report is dated")
    last_seen: Series[Date] = _f("Latest date of a report.", example="2026-01-30",
                                 kind="date", null_means="no report is dated")
    n_documents: Series[int] = _f("Number of documents that mention the facility.",
                                  example=1, unit="documents", ge=1)
    plant_ids: Series[str] = _json_ids("the plants.plant_id mentions of the facility",
                                       '["plt-1a2b3c4d5e6f"]')
    doc_ids: Series[str] = _json_ids("the documents that mention it",
                                     '["000_c71ce465f13af3a6"]')
    former_ids: Series[str] = _former_ids("fac")

    class Config:
        strict = True
        coerce = True


class PlantStatusHistory(pa.DataFrameModel):
    """One row per report of a facility's status, in date order (a status that goes
    backwards, e.g. launched after closed, is kept and counted by a warning check)."""

    facility_id: Series[str] = _id("fac", "The facility (see plant_registry.facility_id).",
                                   "fac-1a2b3c4d5e6f")
    date: Series[Date] = _f("Event date of the report, else the article's date.",
                            example="2026-01-30", kind="date", null_means="undated")
    status: Series[str] = _f("Status reported.", example="launched", kind="category",
                             isin=STATUSES)
    doc_id: Series[str] = _f("Document of the report (see documents.doc_id).",
                             example="000_c71ce465f13af3a6")
    plant_id: Series[str] = _f("The mention (see plants.plant_id with doc_id).",
                               example="plt-1a2b3c4d5e6f", str_matches=r"^plt-[0-9a-f]{12}$")
    evidence: Series[str] = _f("The sentence that reports it.",
                               example="Среди них — завод выхлопных систем ...")

    class Config:
        strict = True
        coerce = True
        unique = ["facility_id", "plant_id", "doc_id"]


class People(pa.DataFrameModel):
    """One row per person, resolved across documents (see `links`), with every post held."""

    person_id: Series[str] = _id("per", "Person id, stable across builds and growth (hash "
                                 "of the person's earliest official_id).", "per-1a2b3c4d5e6f",
                                 unique=True)
    full_name: Series[str] = _f("Canonical full name: the fullest written form.",
                                example="Антон Алиханов", str_length={"min_value": 2})
    surname: Series[str] = _f("Surname in the nominative.", example="Алиханов")
    posts: Series[str] = _f("JSON list of {position, organization, first_seen, last_seen}, "
                            "one per post named in the news (position written out, as "
                            "officials.position_full).",
                            example='[{"position": "глава", "organization": "Минпромторг", '
                                    '"first_seen": "2026-01-30", "last_seen": "2026-01-30"}]')
    official_ids: Series[str] = _json_ids("the officials.official_id spellings of the person",
                                          '["off-1a2b3c4d5e6f"]')
    doc_ids: Series[str] = _json_ids("the documents that name the person",
                                     '["000_c71ce465f13af3a6"]')
    n_documents: Series[int] = _f("Number of documents that name the person.", example=1,
                                  unit="documents", ge=1)
    former_ids: Series[str] = _former_ids("per")

    class Config:
        strict = True
        coerce = True


class Links(pa.DataFrameModel):
    """Every merge the registries made: two mention ids joined, by which rule and score
    (correct one in pipeline/data/overrides.csv)."""

    kind: Series[str] = _f("`plant` (plant_id pairs) or `person` (official_id pairs).",
                           example="plant", kind="category", isin=["plant", "person"])
    left: Series[str] = _f("The smaller of the two ids.", example="plt-1a2b3c4d5e6f")
    right: Series[str] = _f("The larger of the two ids.", example="plt-6f5e4d3c2b1a")
    score: Series[float] = _f("Name similarity (rapidfuzz, 0-100) of the two mentions.",
                              example=93.5, ge=0, le=100)
    rule: Series[str] = _f("The written rule that joined them (see pipeline/registries.py)."
                           , example="name_similar", kind="category",
                           isin=["name_similar", "same_product", "same_proper_name",
                                 "same_first_name", "initial_and_context",
                                 "surname_and_post", "override"])

    class Config:
        strict = True
        coerce = True
        unique = ["kind", "left", "right"]


# Published tables, in the order they are written and described.
TABLES: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "officials": Officials,
    "plants": Plants,
    "investments": Investments,
    "rejected_documents": RejectedDocuments,
    "quarantined_rows": QuarantinedRows,
    "plant_registry": PlantRegistry,
    "plant_status_history": PlantStatusHistory,
    "people": People,
    "links": Links,
}
# Row order of each published table (deterministic output).
SORT_KEYS: dict[str, list[str]] = {
    "documents": ["doc_id"],
    "officials": ["doc_id", "start", "official_id", "position"],
    "plants": ["doc_id", "start", "plant_id"],
    "investments": ["doc_id", "start", "investment_id"],
    "rejected_documents": ["source", "stage", "reason"],
    "quarantined_rows": ["doc_id", "table", "row", "rule"],
    "plant_registry": ["facility_id"],
    "plant_status_history": ["facility_id", "date", "doc_id", "plant_id"],
    "people": ["person_id"],
    "links": ["kind", "left", "right"],
}
REGISTRIES = ("plant_registry", "plant_status_history", "people", "links")


_EVIDENCE_TAIL = ["evidence", "start", "end"]


def columns(model: type[pa.DataFrameModel]) -> list[str]:
    """Published column order: a fact table's own id, then `doc_id`, its own columns, and
    the evidence columns last (pandera lists inherited fields first, which would open every
    CSV with a long sentence). Every writer and describer uses this order."""
    names = list(model.to_schema().columns)
    if not issubclass(model, _Evidence):
        return names
    own = [c for c in names if c not in ("doc_id", *_EVIDENCE_TAIL)]
    return [own[0], "doc_id", *own[1:], *_EVIDENCE_TAIL]


def description(model: type[pa.DataFrameModel]) -> str:
    """The model's docstring on one line, as every describer shows it."""
    return " ".join((model.__doc__ or "").split())


def empty_frame(model: type[pa.DataFrameModel]) -> pd.DataFrame:
    return model.validate(pd.DataFrame({c: [] for c in columns(model)}))
