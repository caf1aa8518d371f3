"""One pandera validation a table (pipeline/validated.py, pipeline/dagster_defs/pandera_types.py).

A frame the tables code validated passes the table asset's Dagster type without a second
validation; a copy, a frame changed after its validation or a frame never validated is
validated in full and rejected when it breaks the model. The type shows the same schema
dagster-pandera would, and loading the definitions does not import polars."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipeline import tables, validated
from pipeline.dagster_defs.pandera_types import pandera_type
from pipeline.schemas import TABLES

ROOT = Path(__file__).resolve().parent.parent
SHA = "0" * 64


def _documents(n: int = 3) -> pd.DataFrame:
    return pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(n)], "published": [None] * n,
        "source": [f"d{i}.txt" for i in range(n)], "sha256": [SHA] * n,
        "n_chars": list(range(10, 10 + n)), "title": [None] * n, "url": [None] * n,
        "encoding": ["utf-8"] * n})


@pytest.fixture
def counted(monkeypatch) -> list[int]:
    """Counts the pandera validations of the documents model."""
    model, calls = TABLES["documents"], []
    real = model.validate.__func__

    def validate(cls, *args, **kwargs):
        calls.append(1)
        return real(cls, *args, **kwargs)

    monkeypatch.setattr(model, "validate", classmethod(validate))
    return calls


def _check(table: str, value: object) -> dg.TypeCheck:
    return pandera_type(table).type_check(None, value)  # type: ignore[arg-type]


def test_a_validated_frame_is_remembered_and_a_copy_is_not() -> None:
    df = tables.validate("documents", _documents())
    model = TABLES["documents"]
    assert validated.is_validated(df, model)
    assert not validated.is_validated(df.copy(), model)
    assert not validated.is_validated(df, TABLES["officials"])
    assert not validated.is_validated(_documents(), model)


@pytest.mark.parametrize("change", [
    lambda df: df.loc.__setitem__((0, "n_chars"), 99),
    lambda df: df.__setitem__("source", ["x"] * len(df)),
    lambda df: df.__setitem__("title", ["t"] * len(df)),
    lambda df: df.drop(index=1, inplace=True),
    lambda df: df.rename(columns={"url": "link"}, inplace=True),
    lambda df: df.__setitem__("n_chars", df["n_chars"].astype("float64")),
], ids=["cell", "column", "none-to-text", "row dropped", "renamed", "dtype"])
def test_a_frame_changed_after_its_validation_is_not_taken_as_validated(change) -> None:
    df = tables.validate("documents", _documents())
    change(df)
    assert not validated.is_validated(df, TABLES["documents"])


def test_the_type_does_not_validate_a_validated_frame_again(counted) -> None:
    df = tables.validate("documents", _documents())
    assert counted == [1]
    result = _check("documents", df)
    assert result.success and "by the tables step" in (result.description or "")
    assert counted == [1]  # no second validation


def test_the_type_validates_and_rejects_a_frame_never_validated(counted) -> None:
    good = _documents()
    assert _check("documents", good).success
    assert counted == [1]
    bad = _documents()
    bad.loc[1, "sha256"] = "not a digest"
    result = _check("documents", bad)
    assert not result.success and "sha256" in (result.description or "")
    assert not _check("documents", [1, 2]).success  # not a frame at all


def test_the_type_rejects_a_validated_frame_broken_afterwards(counted) -> None:
    df = tables.validate("documents", _documents())
    df.loc[0, "n_chars"] = -5  # breaks ge=0
    result = _check("documents", df)
    assert not result.success and "n_chars" in (result.description or "")
    assert counted == [1, 1]
    # and a validated copy that is then broken: the copy was never marked
    ok = tables.validate("documents", _documents())
    broken = ok.copy()
    broken.loc[0, "doc_id"] = ""
    assert not _check("documents", broken).success


def test_quarantine_marks_what_it_validated() -> None:
    from pipeline import quarantine

    q = quarantine.Quarantine()
    out = quarantine.split("documents", _documents(), q, (), {}, tables.validate)
    assert not q.rows and validated.is_validated(out, TABLES["documents"])


@pytest.mark.parametrize("table", list(TABLES))
def test_the_type_shows_the_schema_dagster_pandera_would(table: str) -> None:
    dagster_pandera = pytest.importorskip("dagster_pandera")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = dagster_pandera.pandera_schema_to_dagster_type(TABLES[table])
    ours = pandera_type(table)
    assert ours.metadata["schema"].value == theirs.metadata["schema"].value
    assert (ours.unique_name, ours.description, ours.typing_type) == (
        theirs.unique_name, theirs.description, theirs.typing_type)


def test_loading_the_definitions_imports_no_polars() -> None:
    code = ("import sys, pipeline.dagster_defs.definitions; "
            "print(sorted(m for m in ('polars', 'dagster_pandera') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "[]"


_VALIDATE_BAD = (
    "import sys\n"
    "{preload}"
    "import pandas as pd\n"
    "from pipeline import tables\n"
    "from pipeline.quarantine import schema_violations\n"
    "df = pd.DataFrame({{'doc_id': ['a', 'b'], 'published': [None, '2026-01-02'],\n"
    "    'source': ['a.txt', 'b.txt'], 'sha256': ['0' * 64, 'bad'], 'n_chars': [1, -1],\n"
    "    'title': [None, None], 'url': [None, None], 'encoding': ['utf-8', 'utf-8']}})\n"
    "print(repr(schema_violations('documents', df)[1]))\n"
    "print(repr(tables.validate('documents', df.iloc[:1]).to_dict('records')))\n"
    "print('hypothesis' in sys.modules and sys.modules['hypothesis'] is not None)\n")


def test_validation_is_the_same_without_hypothesis_loaded() -> None:
    """A build validates without importing hypothesis (pandera's data-synthesis strategies
    need it, validation does not), and finds the same failures and the same valid rows as
    a process that has hypothesis loaded; hypothesis stays importable afterwards."""
    def run(preload: str) -> list[str]:
        code = _VALIDATE_BAD.format(preload=preload)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
        return out.stdout.splitlines()

    hidden = run("")
    loaded = run("import hypothesis\n")
    assert hidden[:2] == loaded[:2]
    assert "sha256" in hidden[0] and "n_chars" in hidden[0]
    assert hidden[2] == "False" and loaded[2] == "True"
    after = run("import pipeline.validated\nimport hypothesis.strategies\n")
    assert after[2] == "True"
