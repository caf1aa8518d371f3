"""The two CSV variants rendered from one CSV text where no cell needs the spreadsheet's
apostrophe (issue 20): the files must stay what the separate definitions make. Frames
written for the tests: text with and without formula-like cells, pandas' string dtype,
missing values of every kind, numbers, dates, a CR inside a cell."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import publish


def _csv_definition(df: pd.DataFrame) -> bytes:
    text = publish._csv_frame(df).to_csv(index=False, lineterminator="\r\n")
    parts = text.split('"')
    parts[0::2] = [p.replace("\r\n", "\n") for p in parts[0::2]]
    return '"'.join(parts).encode("utf-8")


def _excel_definition(df: pd.DataFrame) -> bytes:
    out = publish._csv_frame(df)
    for c in out.columns:
        if out[c].dtype == object or isinstance(out[c].dtype, pd.StringDtype):
            out[c] = pd.Series(
                [("'" + v) if isinstance(v, str) and v.startswith(publish._FORMULA_START)
                 else v for v in out[c]], index=out.index, dtype=object)
    return b"\xef\xbb\xbf" + out.to_csv(index=False, lineterminator="\r\n").encode("utf-8")


_text = st.one_of(st.sampled_from(["завод", "=SUM(A1)", "+7", "-5", "@x", "\tx", "a\rb",
                                   "a,b", 'a"b', "", "ok"]), st.none())


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(_text, min_size=0, max_size=6), as_string=st.booleans(),
       nums=st.lists(st.one_of(st.integers(-5, 5), st.none()), min_size=6, max_size=6))
def test_both_variants_equal_their_definitions(texts, as_string, nums) -> None:
    n = len(texts)
    df = pd.DataFrame({
        "t": pd.Series(texts, dtype="string" if as_string else object),
        "i": pd.Series(nums[:n], dtype="Int64"),
        "f": pd.Series([None if v is None else v / 2 for v in nums[:n]], dtype=float),
        "d": pd.Series([dt.date(2024, 1, 1 + k) if k % 2 else None for k in range(n)],
                       dtype=object),
    })
    csv, excel = publish.csv_pair(df)
    assert csv == _csv_definition(df) == publish.csv_bytes(df)
    assert excel == _excel_definition(df) == publish.excel_csv_bytes(df)


@pytest.mark.parametrize("cell", ["=1+1", "ok", np.nan, None, pd.NA])
def test_one_formula_cell_among_many(cell) -> None:
    df = pd.DataFrame({"a": ["x"] * 50 + [cell], "b": range(51)})
    csv, excel = publish.csv_pair(df)
    assert csv == _csv_definition(df)
    assert excel == _excel_definition(df)
    assert (b"'=1+1" in excel) == (isinstance(cell, str) and cell == "=1+1")
