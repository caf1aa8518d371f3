"""The evaluation assets must not break `--select '*'` on a machine without their data."""

from __future__ import annotations

import dagster as dg
import pytest

from pipeline.dagster_defs.assets import NoneIOManager
from pipeline.dagster_defs.eval_corpus import corpus_evaluation
from pipeline.dagster_defs.eval_officials import officials_factrueval
from pipeline.dagster_defs.resources import PipelineSettings


@pytest.mark.parametrize(("asset", "env"), [
    (officials_factrueval, "FACTRUEVAL_DIR"), (corpus_evaluation, "CORPUS_DIR"),
])
def test_missing_folder_skips_instead_of_failing(asset, env, tmp_path, monkeypatch):
    monkeypatch.setenv(env, str(tmp_path / "does-not-exist"))
    result = dg.materialize([asset], resources={"none_io_manager": NoneIOManager(),
                                       "settings": PipelineSettings()})
    assert result.success
    [mat] = result.asset_materializations_for_node(asset.op.name)
    assert "folder not found" in mat.metadata["skipped"].value


def test_evaluation_assets_have_owner_and_code_version():
    for asset in (officials_factrueval, corpus_evaluation):
        key = asset.key
        assert asset.owners_by_key[key] == ["team:data-eng"]
        assert asset.code_versions_by_key[key]
        assert asset.group_names_by_key[key] == "evaluation"


@pytest.mark.parametrize(("asset", "env"), [
    (officials_factrueval, "FACTRUEVAL_DIR"), (corpus_evaluation, "CORPUS_DIR"),
])
def test_folder_without_gold_files_skips_with_a_warning(asset, env, tmp_path, monkeypatch):
    """A folder that exists but holds none of the evaluation's files (a user pointed the
    variable at the wrong place) skips too, instead of failing `--select '*'`."""
    (tmp_path / "notes.txt").write_text("не данные оценки", "utf-8")
    monkeypatch.setenv(env, str(tmp_path))
    instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize([asset], resources={"none_io_manager": NoneIOManager(),
                                       "settings": PipelineSettings()},
                            instance=instance)
    assert result.success
    [mat] = result.asset_materializations_for_node(asset.op.name)
    assert "no " in mat.metadata["skipped"].value and str(tmp_path) in mat.metadata["skipped"].value
    warnings = [e.message for e in instance.all_logs(result.run_id)
                if e.level == 30 and "evaluation skipped" in (e.message or "")]
    assert warnings
