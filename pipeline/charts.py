"""The dataset at a glance: one PNG a reader looks at before opening any table.

Plain matplotlib (Agg backend, no display needed). The picture is a pure function of the
tables, so a rebuild from the same inputs writes the same bytes.
"""

from __future__ import annotations

import base64
import io

import pandas as pd

from pipeline.schemas import STATUSES

_MAX_REGIONS = 12
_NO_YEAR = "год не указан"


def _investment_pivot(investments: pd.DataFrame) -> pd.DataFrame:
    """RUB sums (billions) by region (rows) and first year of the period (columns).

    Parts of a stated total ("из них") are left out so nothing is counted twice. Only
    roubles: summing currencies would need exchange rates the data does not carry.
    """
    if investments.empty:
        return pd.DataFrame()
    rub = investments[investments["currency"].astype(str) == "RUB"].copy()
    if "part_of_investment_id" in rub:  # a part of a total is already in the total
        rub = rub[rub["part_of_investment_id"].isna()]
    if rub.empty:
        return pd.DataFrame()
    rub["region"] = rub["region"].where(rub["region"].notna(), "регион не указан")
    year = pd.to_numeric(rub["period_start_year"], errors="coerce")
    rub["year"] = [str(int(y)) if pd.notna(y) else _NO_YEAR for y in year]
    pivot = rub.pivot_table(index="region", columns="year", values="amount", aggfunc="sum",
                            fill_value=0.0) / 1e9
    pivot = pivot.loc[pivot.sum(axis=1).sort_values(ascending=False).index[:_MAX_REGIONS]]
    cols = sorted(c for c in pivot.columns if c != _NO_YEAR)
    if _NO_YEAR in pivot.columns:
        cols.append(_NO_YEAR)
    return pivot[cols].iloc[::-1]  # largest region on top of a horizontal bar chart


def _status_counts(plants: pd.DataFrame) -> pd.Series:
    if plants.empty:
        return pd.Series(dtype=int)
    counts = plants["status"].astype(str).value_counts()
    order = [s for s in STATUSES if s in counts.index]
    return counts[order]


def render_chart(plants: pd.DataFrame, investments: pd.DataFrame) -> bytes:
    """PNG: investments (RUB bn) by region and year, and plants by status."""
    # imported here: matplotlib is slow to import, a cost every process that loads the
    # Dagster definitions would pay, and only the publish step draws
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
    # no Software/date chunks: the bytes depend on the data only
    fig.savefig(buf, format="png", metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def markdown_image(png: bytes, alt: str = "chart") -> str:
    """The PNG inlined as a markdown image (a data URI), as Dagster's metadata shows it."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode('ascii')})"
