"""The dataset at a glance: one PNG a reader looks at before opening any table.

Plain matplotlib (Agg canvas, no display needed). The picture is a pure function of the
tables, so a rebuild from the same inputs writes the same bytes.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from pipeline.runtime.atomic import write_atomically
from pipeline.schemas import STATUSES
from pipeline.versioning import source_version

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
    return _draw(_investment_pivot(investments), _status_counts(plants), len(plants),
                 len(investments))


def cached_chart(plants: pd.DataFrame, investments: pd.DataFrame, cache: Path,
                 env: Mapping[str, str] | None = None) -> tuple[bytes, bool]:
    """(`render_chart(plants, investments)`, whether it was drawn now). The picture is a
    function of a few aggregates, so it is kept in `cache` under a digest of them (and of
    the code and libraries drawing it): a build whose aggregates did not change reads the
    PNG back and does not import matplotlib (issue 20: ~1-2 s of an incremental build).
    A kept file is used only with the digest of its bytes in its name. `env`: the
    environment matplotlib reads its matplotlibrc by (the Dagster layer passes it)."""
    pivot, status = _investment_pivot(investments), _status_counts(plants)
    key = _chart_key(pivot, status, len(plants), len(investments), env or {})
    with contextlib.suppress(OSError):
        for path in cache.glob(f"{key}-*.png"):
            png = path.read_bytes()
            if path.stem == f"{key}-{hashlib.sha256(png).hexdigest()[:16]}":
                return png, False
    png = _draw(pivot, status, len(plants), len(investments))
    name = f"{key}-{hashlib.sha256(png).hexdigest()[:16]}.png"
    if write_atomically(cache / name, lambda fh: fh.write(png)):
        for path in cache.glob("*.png"):  # one picture kept: the last one drawn
            if path.name != name:
                path.unlink(missing_ok=True)
    return png, True


def _chart_key(pivot: pd.DataFrame, status: pd.Series, n_plants: int, n_investments: int,
               env: Mapping[str, str]) -> str:
    """A digest of everything `_draw` reads, of its code, of the libraries that draw
    (their versions, read without importing them) and of any matplotlibrc a user set.
    Not in it: the fonts installed on the machine (the default, DejaVu Sans, comes with
    matplotlib)."""
    h = hashlib.sha256()
    libs = [f"{d}={_version(d)}" for d in ("matplotlib", "pillow", "numpy", "pandas")]
    parts = [source_version("charts.py"), *libs, *_rc_files(env), str(n_plants),
             str(n_investments),
             json.dumps([[str(v) for v in pivot.index], [str(v) for v in pivot.columns],
                         [str(v) for v in status.index], [int(v) for v in status.values]],
                        ensure_ascii=False)]
    for part in parts:
        h.update(part.encode("utf-8") + b"\0")
    h.update(np.ascontiguousarray(pivot.to_numpy(dtype="float64")).tobytes())
    return h.hexdigest()


def _rc_files(env: Mapping[str, str]) -> list[str]:
    """The places matplotlib reads a matplotlibrc from before its own (see
    `matplotlib.matplotlib_fname`), with the content of those that exist."""
    places = []
    with contextlib.suppress(OSError):  # the working folder was removed
        places.append(Path.cwd() / "matplotlibrc")
    with contextlib.suppress(RuntimeError):  # no home folder: matplotlib has none either
        config = env.get("MPLCONFIGDIR") or str(
            Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "matplotlib")
        places.append(Path(config) / "matplotlibrc")
    if env.get("MATPLOTLIBRC"):
        places += [Path(env["MATPLOTLIBRC"]), Path(env["MATPLOTLIBRC"]) / "matplotlibrc"]
    out = []
    for place in places:
        with contextlib.suppress(OSError):
            if place.is_file():
                out.append(f"{place}\0{place.read_text('utf-8', errors='replace')}")
    return out


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "none"


def _draw(pivot: pd.DataFrame, status: pd.Series, n_plants: int, n_investments: int
          ) -> bytes:
    """The PNG of the aggregates: drawn on a `Figure` with the Agg canvas, no pyplot (its
    global figure registry) and no pandas plotting (`_stacked_barh` draws what
    `DataFrame.plot.barh(stacked=True)` did, the same bytes, tested), so only matplotlib's
    figure code is imported."""
    # imported here: matplotlib is slow to import, a cost every process that loads the
    # Dagster definitions would pay, and only the publish step draws
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.layout_engine import TightLayoutEngine

    n_regions = max(len(pivot), 1)
    fig = Figure(figsize=(12, max(3.5, 1.2 + 0.45 * n_regions)), dpi=100)
    FigureCanvasAgg(fig)
    ax_inv, ax_pl = fig.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
    if pivot.empty:
        ax_inv.text(0.5, 0.5, "нет инвестиций в рублях", ha="center", va="center")
        ax_inv.set_axis_off()
    else:
        _stacked_barh(ax_inv, pivot, matplotlib.colormaps["viridis"], width=0.7)
        ax_inv.set_xlabel("млрд руб. (без частей «из них»)")
        ax_inv.set_ylabel("")
        ax_inv.legend(title="начало периода", fontsize=8, title_fontsize=8)
        ax_inv.grid(axis="x", alpha=0.3)
    ax_inv.set_title(f"Инвестиции по регионам и годам ({n_investments} упоминаний)",
                     fontsize=11)
    if status.empty:
        ax_pl.text(0.5, 0.5, "нет предприятий", ha="center", va="center")
        ax_pl.set_axis_off()
    else:
        bars = ax_pl.barh(status.index[::-1], status.values[::-1], color="#3b7dd8")
        ax_pl.bar_label(bars, padding=2, fontsize=9)
        ax_pl.set_xlabel("предприятий")
        ax_pl.grid(axis="x", alpha=0.3)
    ax_pl.set_title(f"Предприятия по статусу ({n_plants})", fontsize=11)
    # what `fig.tight_layout()` does, without leaving the figure a placeholder layout
    # engine: with one, savefig lays the figure out once more before drawing it (a third
    # pass over every text; the same pixels, tested)
    TightLayoutEngine().execute(fig)
    buf = io.BytesIO()
    # no Software/date chunks: the bytes depend on the data only
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def _stacked_barh(ax: Any, pivot: pd.DataFrame, cmap: Any, width: float) -> None:
    """What pandas' `pivot.plot.barh(stacked=True, ax=ax, colormap=cmap, width=width)`
    draws, step for step (pandas.plotting._matplotlib.core.BarPlot): one bar series per
    column, positives stacked right and negatives left, colours evenly along the colormap,
    the rows' labels as y ticks, and pandas' margins (its arithmetic kept, so the floats
    and the pixels are the same)."""
    tick_pos = np.arange(len(pivot))
    ax_pos = tick_pos - width * 0.5  # pandas: tick_pos - tickoffset
    colors = [cmap(v) for v in np.linspace(0, 1, num=len(pivot.columns))]
    pos_prior = neg_prior = np.zeros(len(pivot))
    for i, (label, column) in enumerate(pivot.fillna(0).items()):
        y = np.asarray(column.values)
        mask = y > 0
        start = np.where(mask, pos_prior, neg_prior) + 0
        ax.barh(ax_pos + width / 2, y, width, left=start, log=False, color=colors[i],
                label=str(label), align="center")
        pos_prior = pos_prior + np.where(mask, y, 0)
        neg_prior = neg_prior + np.where(mask, 0, y)
    ax.set_ylim((ax_pos[0] - 0.25, ax_pos[-1] + 0.25 + width))
    ax.set_yticks(tick_pos)
    ax.set_yticklabels([str(k) for k in pivot.index])


def markdown_image(png: bytes, alt: str = "chart") -> str:
    """The PNG inlined as a markdown image (a data URI), as Dagster's metadata shows it."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode('ascii')})"
