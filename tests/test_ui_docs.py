"""The chart and the datasets README without a build: edge cases a real corpus can hit
(empty tables, foreign currencies, unknown years and regions). Frames written for the tests."""

from __future__ import annotations

import io

import matplotlib.image as mpimg
import pandas as pd
import pytest

from pipeline.charts import _investment_pivot, markdown_image, render_chart
from pipeline.docs import datasets_readme
from pipeline.schemas import TABLES, empty_frame


def _png_size(png: bytes) -> tuple[int, int]:
    img = mpimg.imread(io.BytesIO(png), format="png")
    return img.shape[1], img.shape[0]


def test_chart_of_empty_tables_is_still_a_png() -> None:
    png = render_chart(empty_frame(TABLES["plants"]), empty_frame(TABLES["investments"]))
    assert png.startswith(b"\x89PNG")
    w, h = _png_size(png)
    assert w >= 600 and h >= 200


def test_chart_is_deterministic_and_embeds_as_data_uri() -> None:
    plants = pd.DataFrame({"status": ["launched", "planned", "launched"]})
    inv = pd.DataFrame({"currency": ["RUB", "USD"], "amount": [1e9, 5e6],
                        "region": ["Татарстан", None], "period_start_year": [2024, None]})
    a, b = render_chart(plants, inv), render_chart(plants, inv)
    assert a == b
    assert markdown_image(a, "x").startswith("![x](data:image/png;base64,iVBOR")


def test_investment_pivot_sums_roubles_only_by_region_and_year() -> None:
    inv = pd.DataFrame({
        "currency": ["RUB", "RUB", "RUB", "USD"],
        "amount": [2e9, 3e9, 1e9, 9e9],
        "region": ["Татарстан", "Татарстан", None, "Татарстан"],
        "period_start_year": pd.array([2024, 2024, None, 2024], dtype="Int64"),
    })
    pivot = _investment_pivot(inv)
    assert pivot.loc["Татарстан", "2024"] == pytest.approx(5.0)  # billions, USD left out
    assert pivot.loc["регион не указан", "год не указан"] == pytest.approx(1.0)
    assert list(pivot.columns) == ["2024", "год не указан"]


def test_readme_of_empty_tables_has_every_section() -> None:
    frames = {t: empty_frame(m) for t, m in TABLES.items()}
    text = datasets_readme(frames, "0" * 64)
    for t in TABLES:
        assert f"### `{t}`" in text and f'<a id="{t}"></a>' in text
    assert "Rows: 0." in text and "version 1.0.0+000000000000" in text
    assert text == datasets_readme(frames, "0" * 64)


def test_readme_refuses_a_table_without_schema() -> None:
    with pytest.raises(ValueError, match="no schema"):
        datasets_readme({"mystery": pd.DataFrame()}, "0" * 64)


def test_investment_pivot_leaves_out_parts_of_a_total() -> None:
    inv = pd.DataFrame({
        "currency": ["RUB", "RUB"], "region": ["Калининградская область"] * 2,
        "amount": [28e9, 8e9], "period_start_year": [2019, 2025],
        "investment_id": ["inv-000000000001", "inv-000000000002"],
        "part_of_investment_id": [None, "inv-000000000001"],
    })
    pivot = _investment_pivot(inv)
    assert pivot.to_numpy().sum() == pytest.approx(28.0)
    assert list(pivot.columns) == ["2019"]
