"""Property: arbitrary bytes or Unicode text as a document never crash a build and never
lose the other documents.

Each example runs the same plain-Python path as the Dagster job (ingest ->
batch.parse_documents -> tables -> publish.render_files -> publish) on a folder holding two
good documents (written for the tests) plus the generated one; the good documents are
parsed once and then come from the parse cache, so an example costs one small parse.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import tables
from pipeline.ingest.files import read_corpus
from pipeline.publish import inputs_digest, publish, render_files
from pipeline.runtime.batch import ParseCache, parse_documents
from tests.test_e2e import check_consistent

# Written for the tests.
GOOD = {
    "good_a": "В Калужской области компания «Промтех» открыла завод по выпуску "
              "автокомпонентов. Инвестиции составили 3 млрд рублей.",
    "good_b": "Губернатор Тульской области Дмитрий Миляев открыл завод стальных труб.",
}


def build(seeds: Path, out: Path, cache: ParseCache) -> dict[str, pd.DataFrame]:
    """The job's computation without Dagster; returns the published tables read back."""
    corpus = read_corpus(seeds)
    parsed = parse_documents(corpus.documents, workers=1, cache=cache)
    records = tables.records_frame(parsed.records)
    plants = tables.plants_table(records)
    frames = {
        "documents": tables.documents_table(corpus.documents),
        "officials": tables.officials_table(records),
        "plants": plants,
        "investments": tables.investments_table(records, plants),
        "rejected_documents": tables.rejected_table([*corpus.rejected, *parsed.failures],
                                                    corpus.duplicates),
    }
    files = render_files(frames, inputs_digest([d.sha256 for d in corpus.documents]))
    publish(files, out)
    check_consistent(out)
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in frames}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("prop")
    cache = ParseCache(base / "cache")
    seeds = base / "baseline"
    seeds.mkdir()
    for name, text in GOOD.items():
        (seeds / f"{name}.txt").write_text(text, "utf-8")
    baseline = build(seeds, base / "baseline_out", cache)
    assert sorted(baseline["documents"]["doc_id"]) == sorted(GOOD)
    return cache, baseline


def _facts(t: dict[str, pd.DataFrame], doc_ids) -> dict[str, pd.DataFrame]:
    return {n: t[n][t[n]["doc_id"].isin(doc_ids)].reset_index(drop=True)
            for n in ("officials", "plants", "investments")}


def _check(world, name: str, data: bytes, doc_id: str, source_prefix: str) -> None:
    cache, baseline = world
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for good, text in GOOD.items():
            (seeds / f"{good}.txt").write_text(text, "utf-8")
        (seeds / name).write_bytes(data)
        t = build(seeds, Path(tmp) / "out", cache)
        docs = set(t["documents"]["doc_id"])
        # the good documents are all there, with exactly the facts they have alone
        assert set(GOOD) <= docs
        mine, base = _facts(t, GOOD), _facts(baseline, GOOD)
        for table in mine:
            pd.testing.assert_frame_equal(mine[table], base[table])
        # the generated one is published, rejected with a reason, or a duplicate
        rej = t["rejected_documents"]
        reported = rej[rej["source"].str.startswith(source_prefix)]
        assert doc_id in docs or not reported.empty
        assert (reported["reason"].str.len() > 0).all()
        assert len(docs) + len(rej) >= len(GOOD) + 1
        # fact rows point inside their document
        n_chars = t["documents"].set_index("doc_id")["n_chars"]
        for table in ("officials", "plants", "investments"):
            df = t[table]
            assert ((df["start"] >= 0) & (df["end"] <= df["doc_id"].map(n_chars))).all()


SETTINGS = settings(max_examples=15, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@SETTINGS
@given(data=st.binary(max_size=2000), jsonl=st.booleans())
def test_arbitrary_bytes_as_a_document(world, data, jsonl):
    """Garbage as a .txt file, or as a whole .jsonl file."""
    if jsonl:
        _check(world, "zz_generated.jsonl", data, "\x00never", "zz_generated.jsonl")
    else:
        _check(world, "zz_generated.txt", data, "zz_generated", "zz_generated.txt")


@SETTINGS
@given(text=st.text(max_size=600), jsonl=st.booleans(),
       doc_id=st.one_of(st.text(max_size=30), st.integers()))
def test_arbitrary_unicode_as_a_document(world, text, jsonl, doc_id):
    """Any text as a .txt file, or as the text of a JSONL line with an arbitrary id."""
    if not jsonl:
        _check(world, "zz_generated.txt", text.encode("utf-8", "surrogatepass"),
               "zz_generated", "zz_generated.txt")
        return
    line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False)
    shown = doc_id.strip() if isinstance(doc_id, str) else str(doc_id)
    _check(world, "zz_generated.jsonl", line.encode("utf-8", "surrogatepass") + b"\n",
           shown, "zz_generated.jsonl")
