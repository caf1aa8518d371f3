"""The published files as their readers get them: one real build (the Dagster job, on
temporary folders), then every file read back with the tools people use."""

from __future__ import annotations

import base64
import contextlib
import io
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as paw
import pyarrow.parquet as pq
import pytest

from pipeline.schema_export import column_specs
from pipeline.schemas import TABLES, columns
from tests.probe import REPO


@contextlib.contextmanager
def _env(**values: str) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, object]]:
    """Run the `build_datasets` job in process over the seed article."""
    import dagster as dg

    from pipeline.dagster_defs.definitions import defs

    tmp = tmp_path_factory.mktemp("readers")
    out = tmp / "datasets"
    with _env(SEEDS_DIR=str(REPO / "seeds"), DATASETS_DIR=str(out),
              DAGSTER_HOME=str(tmp / "home"), PIPELINE_CACHE_DIR=str(tmp / "cache")):
        (tmp / "home").mkdir()
        with dg.DagsterInstance.ephemeral() as instance:
            result = defs.resolve_job_def("build_datasets").execute_in_process(instance=instance)
            assert result.success
            yield out, result


@pytest.fixture(scope="module")
def out(build: tuple[Path, object]) -> Path:
    return build[0]


def _materialization(result: object, key: str) -> dict:
    events = [e for e in result.get_asset_materialization_events()  # type: ignore[attr-defined]
              if e.asset_key.to_user_string() == key]
    assert events, f"no materialization of {key}"
    return events[-1].materialization.metadata


@pytest.mark.parametrize("table", list(TABLES))
def test_parquet_schema_carries_descriptions_and_types(out: Path, table: str) -> None:
    schema = pq.read_schema(out / f"{table}.parquet")
    specs = {s["name"]: s for s in column_specs(TABLES[table])}
    assert schema.names == list(specs)
    for field in schema:
        spec = specs[field.name]
        meta = {k.decode(): v.decode() for k, v in (field.metadata or {}).items()}
        assert meta.get("description") == spec["description"] != ""
        if spec["type"] == "date":
            assert field.type == paw.date32(), field
        elif spec["category"]:
            assert paw.types.is_dictionary(field.type), field
            assert field.type.value_type == paw.string()
        elif field.name.endswith("_id") or field.name == "doc_id":
            assert field.type == paw.string(), field
    assert schema.metadata[b"table"] == table.encode()


def test_dates_ids_and_categories_in_pandas(out: Path) -> None:
    plants = pd.read_parquet(out / "plants.parquet")
    assert len(plants) > 0
    assert str(plants["status"].dtype) == "category"
    assert str(plants["region_code"].dtype) == "category"
    assert all(isinstance(v, date) for v in plants["event_date"].dropna())
    assert plants["plant_id"].str.match(r"^plt-[0-9a-f]{12}$").all()
    docs = pd.read_parquet(out / "documents.parquet")
    assert all(isinstance(v, date) for v in docs["published"].dropna())
    assert (docs["published"].dropna() == date(2026, 1, 30)).all()


@pytest.mark.parametrize("table", list(TABLES))
def test_every_reader_agrees(out: Path, table: str) -> None:
    path = out / f"{table}.parquet"
    df = pd.read_parquet(path)
    arrow = pq.read_table(path)
    assert arrow.num_rows == len(df) and arrow.column_names == list(df.columns)
    csv = pd.read_csv(out / f"{table}.csv", dtype=str, keep_default_na=False)
    assert len(csv) == len(df) and list(csv.columns) == list(df.columns)
    try:
        import polars as pl
    except ImportError:
        pl = None
    if pl is not None:
        frame = pl.read_parquet(path)
        assert frame.height == len(df) and frame.columns == list(df.columns)
        for spec in column_specs(TABLES[table]):
            if spec["type"] == "date":
                assert frame.schema[spec["name"]] == pl.Date
            elif spec["category"]:
                dtype = frame.schema[spec["name"]]
                assert dtype == pl.Categorical or isinstance(dtype, pl.Categorical), dtype
    try:
        import duckdb
    except ImportError:
        duckdb = None
    if duckdb is not None:
        con = duckdb.connect()
        n = con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]
        assert n == len(df)
        cols = [d[0] for d in con.execute(
            "SELECT * FROM read_parquet(?) LIMIT 0", [str(path)]).description]
        assert cols == list(df.columns)
        con.close()


def test_excel_csv_has_bom_and_cyrillic(out: Path) -> None:
    raw = (out / "plants.excel.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "Калининградская область" in text
    assert "\r\n" in text
    excel = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    plain = pd.read_csv(out / "plants.csv", dtype=str, keep_default_na=False)
    assert excel.shape == plain.shape and list(excel.columns) == list(plain.columns)
    assert not (out / "plants.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_readme_describes_every_table_and_column(out: Path) -> None:
    readme = (out / "README.md").read_text("utf-8")
    assert "CC BY 4.0" in readme and "creativecommons.org/licenses/by/4.0" in readme
    assert "## How to cite" in readme and "## Where each row comes from" in readme
    for table, model in TABLES.items():
        section = readme.split(f"### `{table}`", 1)
        assert len(section) == 2, f"no section for {table}"
        body = section[1].split("\n### ", 1)[0]
        rows = pd.read_parquet(out / f"{table}.parquet")
        assert f"Rows: {len(rows):,}." in body
        for name, col in model.to_schema().columns.items():
            line = next((ln for ln in body.splitlines() if ln.startswith(f"| `{name}` |")),
                        None)
            assert line is not None, f"{table}.{name} missing from README"
            cells = [c.strip() for c in line.strip("|").split("|")]
            assert len(cells) == 6 and cells[2] == col.description
            assert cells[4], f"{table}.{name}: what null means is not said"
            assert cells[5], f"{table}.{name}: no example"


def _code_blocks(readme: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", readme, flags=re.S)


def test_readme_examples_run_against_the_files(out: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    readme = (out / "README.md").read_text("utf-8")
    monkeypatch.chdir(out)
    sql, registry_sql = _code_blocks(readme, "sql")
    duckdb = pytest.importorskip("duckdb")
    rows = duckdb.sql(sql).fetchall()
    assert rows and rows[0][0] == "Калининградская область"
    assert rows[0][2] == 28.0  # 28 billion roubles, the seed article's largest sum
    # plants of the Kaliningrad region with their latest status: the seed's seven
    plants = duckdb.sql(registry_sql).fetchall()
    assert len(plants) == 7 and {p[3] for p in plants} == {"launched"}
    (python,) = _code_blocks(readme, "python")
    exec(compile(python, "README.md", "exec"), {})  # noqa: S102 (our own published example)
    printed = capsys.readouterr().out
    assert "завод выхлопных систем" in printed


def test_chart_is_a_png_in_files_and_metadata(build: tuple[Path, object]) -> None:
    out, result = build
    png = (out / "chart.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    meta = _materialization(result, "published_datasets")
    md = meta["chart"].value
    encoded = re.fullmatch(r"!\[[^\]]*\]\(data:image/png;base64,([A-Za-z0-9+/=]+)\)", md)
    assert encoded and base64.b64decode(encoded.group(1)) == png
    files = meta["files"].value
    for name in ["README.md", "chart.png", "datapackage.json", "plants.parquet",
                 "plants.excel.csv"]:
        size = (out / name).stat().st_size
        assert f"`{out / name}` | {size:,} |" in files


@pytest.mark.parametrize("table", ["documents", "officials", "plants", "investments",
                                   "rejected_documents"])
def test_table_materialization_metadata(build: tuple[Path, object], table: str) -> None:
    out, result = build
    meta = _materialization(result, table)
    n = len(pd.read_parquet(out / f"{table}.parquet"))
    assert meta["dagster/row_count"].value == n
    preview = meta["preview"].value
    if n:
        header = [c.strip() for c in preview.splitlines()[0].strip("|").split("|")]
        assert header == columns(TABLES[table])
        assert len(preview.splitlines()) == min(n, 5) + 2
    if table in ("officials", "plants", "investments"):
        lineage = meta["dagster/column_lineage"].value
        assert set(lineage.deps_by_column) == set(columns(TABLES[table]))
