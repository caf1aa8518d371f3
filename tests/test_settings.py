"""One settings resource (pipeline/config.py, pipeline/dagster_defs/resources.py): what a
user sets reaches the code, and nothing below the Dagster layer reads the environment.
The article of the last test is written for the tests."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from pipeline import config
from pipeline.dagster_defs.resources import PipelineSettings
from tests.probe import REPO


def test_a_launchpad_value_wins_over_the_environment_which_wins_over_the_default() -> None:
    env = {"SEEDS_DIR": "/data/news", "PIPELINE_WORKERS": "3"}
    s = config.resolve(environ=env)
    assert s.seeds_dir == Path("/data/news") and s.workers == 3
    assert s.datasets_dir == REPO / "datasets"  # unset: the default
    assert s.max_quarantine_share == config.DEFAULT_MAX_QUARANTINE_SHARE
    assert (s.keep_releases, s.max_removed_share) == (10, 0.2)
    assert config.resolve(environ={"KEEP_RELEASES": "3", "MAX_REMOVED_SHARE": "0.5"}
                          ).keep_releases == 3
    given = config.resolve({"seeds_dir": "/elsewhere", "workers": 1}, environ=env)
    assert given.seeds_dir == Path("/elsewhere") and given.workers == 1


@pytest.mark.parametrize(("var", "value"), [
    ("PIPELINE_WORKERS", "many"), ("PIPELINE_WORKERS", "0"),
    ("MAX_QUARANTINE_SHARE", "7"), ("MAX_QUARANTINE_SHARE", "five"),
    ("MAX_DOCUMENT_BYTES", "-1"), ("KEEP_RELEASES", "0"), ("KEEP_RELEASES", "all"),
    ("MAX_REMOVED_SHARE", "1.5"),
])
def test_a_malformed_setting_names_its_variable(var: str, value: str) -> None:
    with pytest.raises(ValueError, match=var):
        config.resolve(environ={var: value})


def test_the_resource_shows_every_setting_with_its_variable() -> None:
    from pipeline import defs

    resource = defs.resources["settings"]
    assert isinstance(resource, PipelineSettings)
    fields = PipelineSettings.model_fields
    assert set(fields) == set(config.ENV)
    for key, (var, _what) in config.ENV.items():
        assert f"${var}" in fields[key].description


def test_nothing_below_the_dagster_layer_reads_the_environment() -> None:
    pipeline = REPO / "pipeline"
    allowed = {pipeline / "config.py", pipeline / "build.py"}
    readers = sorted(str(p.relative_to(pipeline)) for p in pipeline.rglob("*.py")
                     if p not in allowed and "dagster_defs" not in p.parts
                     and re.search(r"os\.environ|getenv\(", p.read_text("utf-8")))
    assert not readers


@pytest.mark.slow
def test_the_region_aliases_setting_reaches_the_pool_workers(tmp_path: Path) -> None:
    """REGION_ALIASES_FILE, read by the Dagster layer, is handed to every parsing process:
    a region known only from that file is found in a build that parses in a pool."""
    from benchmarks.run import base_texts, make_corpus
    from tests.test_e2e import run_build

    seeds = tmp_path / "seeds"
    make_corpus(70, seeds, base_texts()[:40])
    (seeds / "amber.txt").write_text(
        "date 2025-05-05\nВ Янтарном крае открыли завод по производству стеклотары. "
        "Губернатор Янтарного края перерезал ленточку.\n", "utf-8")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text((REPO / "pipeline/data/region_aliases.csv").read_text("utf-8")
                       + "Янтарный край,RU-KGD,written for the tests\n", "utf-8")
    build = run_build(seeds, tmp_path / "out", tmp_path / "home", tmp_path / "cache",
                      env={"REGION_ALIASES_FILE": str(aliases), "PIPELINE_WORKERS": "2"})
    assert build.success, build.error
    plants = pd.read_parquet(tmp_path / "out" / "plants.parquet")
    amber = plants[plants["doc_id"] == "amber"]
    assert list(amber["region_code"]) == ["RU-KGD"]
