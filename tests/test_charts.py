"""The chart without pyplot, and kept by a digest of what it shows (issue 20).

`render_chart` draws on a matplotlib `Figure` without pyplot or pandas plotting; the
reference below is the drawing it replaced (pyplot and `DataFrame.plot.barh`), and both
must give the same PNG bytes. `cached_chart` draws only when the aggregates the picture
shows changed. The frames are written for the tests (random, from a seed).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pandas as pd
import pytest

from pipeline import charts
from pipeline.charts import _investment_pivot, _status_counts, cached_chart, render_chart
from pipeline.schemas import STATUSES
from tests.probe import REPO, run_python

REGIONS = ["Татарстан", "Калининградская область", "Москва", None, "Тульская область",
           "Пермский край", "Республика Башкортостан", "Липецкая область",
           "Самарская область", "Ленинградская область", "Свердловская область",
           "Нижегородская область", "Калужская область", "Ростовская область"]


def _reference(plants: pd.DataFrame, investments: pd.DataFrame) -> bytes:
    """The chart as pipeline/charts.py drew it before issue 20: pyplot and pandas."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pivot = _investment_pivot(investments)
    status = _status_counts(plants)
    n_regions = max(len(pivot), 1)
    fig, (ax_inv, ax_pl) = plt.subplots(
        1, 2, figsize=(12, max(3.5, 1.2 + 0.45 * n_regions)),
        gridspec_kw={"width_ratios": [3, 2]}, dpi=100)
    if pivot.empty:
        ax_inv.text(0.5, 0.5, "нет инвестиций в рублях", ha="center", va="center")
        ax_inv.set_axis_off()
    else:
        pivot.plot.barh(stacked=True, ax=ax_inv, colormap="viridis", width=0.7)
        ax_inv.set_xlabel("млрд руб. (без частей «из них»)")
        ax_inv.set_ylabel("")
        ax_inv.legend(title="начало периода", fontsize=8, title_fontsize=8)
        ax_inv.grid(axis="x", alpha=0.3)
    ax_inv.set_title(f"Инвестиции по регионам и годам ({len(investments)} упоминаний)",
                     fontsize=11)
    if status.empty:
        ax_pl.text(0.5, 0.5, "нет предприятий", ha="center", va="center")
        ax_pl.set_axis_off()
    else:
        bars = ax_pl.barh(status.index[::-1], status.values[::-1], color="#3b7dd8")
        ax_pl.bar_label(bars, padding=2, fontsize=9)
        ax_pl.set_xlabel("предприятий")
        ax_pl.grid(axis="x", alpha=0.3)
    ax_pl.set_title(f"Предприятия по статусу ({len(plants)})", fontsize=11)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def tables(seed: int, n_inv: int, n_plants: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(seed)
    inv = pd.DataFrame({
        "currency": [rng.choice(["RUB", "RUB", "RUB", "USD"]) for _ in range(n_inv)],
        "amount": [rng.choice([1e8, 2.5e9, 3e10, 7.77e9, 1.234e11]) for _ in range(n_inv)],
        "region": [rng.choice(REGIONS) for _ in range(n_inv)],
        "period_start_year": pd.array([rng.choice([2019, 2024, 2025, None])
                                       for _ in range(n_inv)], dtype="Int64"),
        "part_of_investment_id": [rng.choice([None, None, None, "inv-1"])
                                  for _ in range(n_inv)],
    })
    kinds = STATUSES[:rng.randint(1, len(STATUSES))]
    plants = pd.DataFrame({"status": [rng.choice(kinds) for _ in range(n_plants)]})
    return plants, inv


@pytest.mark.parametrize(("seed", "n_inv", "n_plants"),
                         [(1, 0, 0), (2, 1, 0), (3, 3, 1), (4, 40, 25), (5, 600, 900)])
def test_the_chart_is_the_bytes_pyplot_and_pandas_drew(seed: int, n_inv: int,
                                                        n_plants: int) -> None:
    plants, inv = tables(seed, n_inv, n_plants)
    assert render_chart(plants, inv) == _reference(plants, inv)


def test_the_seed_chart_is_the_published_one() -> None:
    """datasets/ holds the seed build's release: its chart is what the code draws now."""
    out = REPO / "datasets"
    plants = pd.read_parquet(out / "plants.parquet")
    inv = pd.read_parquet(out / "investments.parquet")
    assert render_chart(plants, inv) == (out / "chart.png").read_bytes()


def _no_drawing(*args: object) -> bytes:
    raise AssertionError("drawn again")


def test_the_same_aggregates_are_not_drawn_again(tmp_path: Path, monkeypatch) -> None:
    plants, inv = tables(6, 50, 30)
    png, drawn = cached_chart(plants, inv, tmp_path)
    assert drawn and png == render_chart(plants, inv)
    monkeypatch.setattr(charts, "_draw", _no_drawing)
    # other rows, the same aggregates: a USD sum and the row order do not show
    more = pd.concat([inv.iloc[::-1], inv.head(0)])
    more.loc[more["currency"] == "USD", "amount"] *= 2
    assert cached_chart(plants, more, tmp_path) == (png, False)
    assert len(list(tmp_path.glob("*.png"))) == 1


@pytest.mark.parametrize("change", ["amount", "one_more_mention", "status", "region"])
def test_a_changed_aggregate_is_drawn(tmp_path: Path, change: str) -> None:
    plants, inv = tables(7, 50, 30)
    first, _ = cached_chart(plants, inv, tmp_path)
    if change == "amount":
        inv.loc[inv["currency"] == "RUB", "amount"] *= 3
    elif change == "one_more_mention":  # in USD: only the title's count changes
        inv = pd.concat([inv, inv[inv["currency"] == "USD"].head(1)], ignore_index=True)
    elif change == "status":
        plants.loc[0, "status"] = "closed" if plants.loc[0, "status"] != "closed" else "planned"
    else:
        inv.loc[inv["currency"] == "RUB", "region"] = "Чукотский автономный округ"
    png, drawn = cached_chart(plants, inv, tmp_path)
    assert drawn and png != first and png == render_chart(plants, inv)
    assert [p.read_bytes() for p in tmp_path.glob("*.png")] == [png]  # the last one kept


def test_a_kept_picture_that_changed_is_drawn_again(tmp_path: Path) -> None:
    plants, inv = tables(8, 20, 10)
    png, _ = cached_chart(plants, inv, tmp_path)
    (kept,) = tmp_path.glob("*.png")
    kept.write_bytes(png[:-10] + b"0123456789")
    assert cached_chart(plants, inv, tmp_path) == (png, True)


def test_an_unwritable_cache_still_gives_the_chart(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder would be")
    plants, inv = tables(9, 5, 5)
    for _ in range(2):
        assert cached_chart(plants, inv, blocker / "chart") == (render_chart(plants, inv), True)


def test_a_kept_chart_does_not_import_matplotlib(tmp_path: Path) -> None:
    """What an incremental build with unchanged aggregates pays: no matplotlib at all."""
    plants, inv = tables(10, 30, 20)
    plants.to_parquet(tmp_path / "plants.parquet")
    inv.to_parquet(tmp_path / "investments.parquet")
    code = (
        "import sys; from pathlib import Path; import pandas as pd\n"
        "from pipeline.charts import cached_chart\n"
        f"d = Path({str(tmp_path)!r})\n"
        "p, i = pd.read_parquet(d / 'plants.parquet'), pd.read_parquet(d / 'investments.parquet')\n"
        "png, drawn = cached_chart(p, i, d / 'chart')\n"
        "print(drawn, 'matplotlib' in sys.modules)\n")
    runs = [run_python("-c", code).stdout.split() for _ in range(2)]
    assert runs == [["True", "True"], ["False", "False"]]


def test_a_users_matplotlibrc_is_part_of_the_key(tmp_path: Path, monkeypatch) -> None:
    """matplotlib reads a matplotlibrc from MPLCONFIGDIR: one added or changed there is a
    reason to draw again (the style may differ)."""
    config = tmp_path / "mplconfig"
    config.mkdir()
    monkeypatch.setenv("MPLCONFIGDIR", str(config))
    env = {"MPLCONFIGDIR": str(config)}  # what the Dagster layer passes: os.environ
    plants, inv = tables(11, 10, 10)
    assert cached_chart(plants, inv, tmp_path / "chart", env)[1]
    assert not cached_chart(plants, inv, tmp_path / "chart", env)[1]
    (config / "matplotlibrc").write_text("axes.grid: True\n")
    assert cached_chart(plants, inv, tmp_path / "chart", env)[1]
