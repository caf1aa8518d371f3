"""`datasets/README.md`: the reader's guide, generated from the pandera models.

Published with the data (via `render_files(extra=...)`) so the guide always describes the
files next to it: same build, same columns, same row counts.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pipeline.schema_export import describe_markdown, primary_key
from pipeline.schemas import TABLES

TITLE = "Russian industry news: plants, investments and officials"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

DUCKDB_EXAMPLE = """\
-- the three largest rouble investments named in each region
SELECT region, investor, round(amount / 1e9, 2) AS rub_bn, qualifier, program, doc_id
FROM 'investments.parquet'
WHERE currency = 'RUB'
QUALIFY row_number() OVER (PARTITION BY region ORDER BY amount DESC) <= 3
ORDER BY region, amount DESC;
"""

REGISTRY_EXAMPLE = """\
-- plants of the Kaliningrad region with their latest status
SELECT facility_id, name, operator, latest_status, latest_status_date, n_documents
FROM 'plant_registry.parquet'
WHERE region_code = 'RU-KGD'
ORDER BY latest_status_date DESC, name;
"""

PANDAS_EXAMPLE = """\
import pandas as pd

plants = pd.read_parquet("plants.parquet")
documents = pd.read_parquet("documents.parquet")
autotor = plants[plants["operator"] == "Автотор"].merge(
    documents[["doc_id", "published", "url"]], on="doc_id", how="left")
print(autotor[["name", "status", "event_date", "region", "published"]].to_string(index=False))
"""


def _version(inputs_digest: str, release: str | None = None) -> str:
    return release or f"1.0.0+{inputs_digest[:12]}"


def _files_section(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    lines = ["## Files", "",
             "| table | rows | files |", "| --- | --- | --- |"]
    for name, df in tables.items():
        lines.append(f"| [`{name}`](#{name}) | {len(df):,} | `{name}.parquet`, `{name}.csv`, "
                     f"`{name}.excel.csv` |")
    lines += [
        "",
        "* **`<table>.parquet`**: the typed version. Dates are `date32`, ids are strings, "
        "closed vocabularies (status, currency, region code, ...) are dictionary-encoded "
        "(pandas reads them as `category`), and every column carries its description "
        "(and unit) in the Parquet field metadata. Reads as-is in pandas, pyarrow, polars "
        "and DuckDB.",
        "* **`<table>.csv`**: UTF-8 without BOM, comma separated, `\\n` line ends, ISO "
        "dates, an empty cell means null. This is the file `datapackage.json` describes.",
        "* **`<table>.excel.csv`**: the same rows for spreadsheets: UTF-8 *with* BOM and "
        "CRLF, so Excel shows Cyrillic correctly on double click; a text cell that starts "
        "with `=`, `+`, `-`, `@` is prefixed with `'` so it is shown, not run.",
        "* **`datapackage.json`**: [Frictionless Data Package](https://datapackage.org) "
        "with every column's type, constraints, primary and foreign keys.",
        "* **`chart.png`**: investments by region and year, plants by status.",
        "",
    ]
    return lines


def _evidence_section() -> list[str]:
    return [
        "## Where each row comes from", "",
        "Every row of `officials`, `plants` and `investments` was read by rules and an NLP "
        "model ([natasha](https://github.com/natasha/natasha)) from one news article, and "
        "carries its evidence:", "",
        "* `doc_id`: the article (see `documents`: its source file, SHA-256 of the raw "
        "bytes, publication date, title and URL when known);",
        "* `evidence`: the sentence the fact was read from;",
        "* `start`, `end`: character offsets of the mention in the article text (0-based, "
        "Python string indexing, `end` exclusive), so `text[start:end]` is the words the "
        "row stands on.", "",
        "Rows are machine-extracted, not reviewed by hand: check the evidence before relying "
        "on a single row. Amounts are as stated in the text (a sum announced twice in "
        "two articles is two rows, a sum repeated within one article is one; a part named "
        "next to its total is its own row). Inputs that could not be read or parsed are "
        "listed, with the reason, in `rejected_documents`. Rows that broke a rule of their "
        "table (a duplicate id, a value outside its vocabulary, offsets outside the text) "
        "are not in the table: they are in `quarantined_rows` with the rule, the offending "
        "values and the whole row as JSON, together with the other rows of that article in "
        "that table.", "",
    ]


def _licence_section(inputs_digest: str, release: str | None = None) -> list[str]:
    version = _version(inputs_digest, release)
    return [
        "## Licence", "",
        f"The data (every table, the chart and this guide) is published under "
        f"[Creative Commons Attribution 4.0 International (CC BY 4.0)]({LICENSE_URL}): use, "
        "share and adapt it for any purpose, including commercially, with attribution.", "",
        "The `evidence` column quotes single sentences of the source articles, as short "
        "quotations that let a reader verify each fact, with the source named in "
        "`documents`; the articles themselves are not redistributed and remain their "
        "publishers' work.", "",
        "## How to cite", "",
        f"> {TITLE}, version {version}. Open dataset extracted from Russian industry news. "
        f"Licensed under CC BY 4.0.", "",
        "```bibtex",
        "@misc{ru_industry_news,",
        f"  title   = {{{{{TITLE}}}}},",
        f"  version = {{{version}}},",
        "  note    = {Open dataset extracted from Russian industry news, CC BY 4.0},",
        "}",
        "```", "",
        "The version is the release (`r<number>-<digest of the published files>`, "
        "`version` in `datapackage.json`); the same inputs and code give the same files "
        "and make no new release.", "",
    ]


def _releases_section() -> list[str]:
    return [
        "## Releases", "",
        "Every build that changes something is a release in `releases/<version>/`, "
        "complete (every table in every format, `datapackage.json`, this guide, the chart) "
        "and never changed afterwards, so a reader can pin one. The files next to this guide "
        "point to the current one through `latest`, switched in one step: all of them "
        "always belong to the same release. `releases.json` lists the releases (version, "
        "time, input digest, code version, rows per table, changes); each release's "
        "`changes/<table>.csv` holds the rows added, removed and changed since the "
        "previous release (column `change`, then the row; a changed row also names its "
        "`changed_columns` and their `previous_values`), summed up in its `CHANGELOG.md`. "
        "The last releases are kept (10 by default).", "",
    ]


def _examples_section() -> list[str]:
    return [
        "## Examples", "",
        "Run from this folder.", "",
        "Top investments by region, in [DuckDB](https://duckdb.org) SQL over the Parquet "
        "files (`duckdb -c \"...\"` or `duckdb.sql(...)` in Python):", "",
        "```sql", DUCKDB_EXAMPLE.rstrip(), "```", "",
        "Plants of one region with their latest status, from the registry (one row per "
        "facility across all articles):", "",
        "```sql", REGISTRY_EXAMPLE.rstrip(), "```", "",
        "All plants of one operator, in pandas:", "",
        "```python", PANDAS_EXAMPLE.rstrip(), "```", "",
    ]


def _tables_section(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    lines = ["## Tables", "",
             "Types are the logical types of `datapackage.json`; *null means* says what an "
             "empty cell stands for (\"never null\" columns are always filled).", ""]
    for name, df in tables.items():
        section = describe_markdown(name).rstrip("\n").split("\n")
        # an HTML anchor keeps the file list's links working whatever the renderer
        lines.append(f'<a id="{name}"></a>')
        lines.append(section[0])
        key = primary_key(name)
        lines += section[1:3]
        lines += ["", f"Rows: {len(df):,}." + (f" One row per `{', '.join(key)}`."
                                               if key else "")]
        lines += [*section[3:], ""]
    return lines


def datasets_readme(tables: Mapping[str, pd.DataFrame], inputs_digest: str,
                    release: str | None = None) -> str:
    """The guide for `datasets/README.md` (deterministic: no build time in it; `release`
    names the release it is published in)."""
    unknown = set(tables) - set(TABLES)
    if unknown:
        raise ValueError(f"no schema for {sorted(unknown)}")
    lines = [
        f"# {TITLE}", "",
        "Facts about Russian industry read from news articles: industrial facilities and "
        "what happened to them (`plants`), sums of money put into industrial projects "
        "(`investments`) and people named with their posts (`officials`), one row per "
        "mention; the registries (`plant_registry` with `plant_status_history`, `people`) "
        "hold one row per facility and per person across all articles, and `links` shows "
        "the evidence of every merge. Generated by "
        "the pipeline from its table schemas; do not edit by hand.", "",
        "![Investments by region and year; plants by status](chart.png)", "",
        *_files_section(tables),
        *_evidence_section(),
        *_examples_section(),
        *_tables_section(tables),
        *_releases_section(),
        *_licence_section(inputs_digest, release),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
