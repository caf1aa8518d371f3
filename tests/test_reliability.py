"""Reliability, end to end through the real Dagster job `build_datasets`.

One build reads a folder holding every bad-input case of the reliability issue next to
good documents (tests/test_reliability_corpus.py, written for the tests): the run must succeed,
every good document must be published, every bad one must be in rejected_documents with a
reason a user understands and in the run's log, and nothing may be read from outside
SEEDS_DIR or written outside DATASETS_DIR and the Dagster storage. A second build of the
same folder must give byte-identical files. Further builds inject a failure into a table
or the NLP and check what is (not) published.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.types import RawDocument
from tests.test_e2e import (
    SEED,
    TABLE_NAMES,
    Build,
    assert_parquet_matches_csv,
    check_consistent,
    read_package,
    run_build,
    snapshot,
    write_seeds,
)
from tests.test_reliability_corpus import Corpus, make_bad_corpus

LIMIT_ENV = {"MAX_DOCUMENT_BYTES": str(10 * 1024 * 1024)}
REJECTED_SOURCES = [
    "empty.txt", "blank.txt", "image.txt", "archive.txt", "nul.txt", "big.txt",
    "link_out.txt", "linked_dir", "zz_dup_of_good.txt",
    *[f"batch.jsonl:{n}" for n in range(2, 10)],
]
OK_IDS = [
    "good_1", "good_2", "cp1251", "koi8r", "utf16", "utf8bom", "mixed_eol", "noperm",
    "bad_date", "future_date", "no_date", "page", "english", "no_entities", "long_sentence",
    "repeated", "injection", "j_good_1", "j_good_2",
]


def _raw(build: Build) -> pd.DataFrame:
    """What the build read (the Dagster storage of raw_documents), by doc_id."""
    path = build.home / "storage" / "parquet" / "raw_documents.parquet"
    raw = pd.read_parquet(path)
    return raw[raw["status"] == "ok"]


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> tuple[Corpus, Build, dict[str, bytes], dict[str, bytes]]:
    base = tmp_path_factory.mktemp("bad")
    corpus = make_bad_corpus(base)
    work = tmp_path_factory.mktemp("bad_work")
    before = snapshot(base)
    build = run_build(corpus.root, work / "datasets", work / "home", work / "cache",
                      env=LIMIT_ENV)
    after = snapshot(base)
    return corpus, build, before, after


def test_bad_corpus_is_what_the_tests_expect(bad):
    corpus, *_ = bad
    if "noperm" not in corpus.ok:  # not root: the unreadable file is a rejection
        assert corpus.rejected.pop("noperm.txt") == "permission denied"
    assert sorted(corpus.rejected) == sorted(REJECTED_SOURCES)
    assert sorted(corpus.ok) == sorted(OK_IDS if "noperm" in corpus.ok
                                       else [i for i in OK_IDS if i != "noperm"])


def test_run_succeeds_despite_bad_inputs(bad):
    _, build, *_ = bad
    assert build.success, build.error
    assert not build.failed_steps


def test_exactly_the_good_documents_are_published(bad):
    corpus, build, *_ = bad
    docs = read_package(build.out)["documents"]
    assert sorted(docs["doc_id"]) == sorted(corpus.ok)
    assert docs["doc_id"].is_unique


@pytest.mark.parametrize("source", REJECTED_SOURCES)
def test_bad_input_is_reported_with_reason_and_logged(bad, source):
    corpus, build, *_ = bad
    rej = read_package(build.out)["rejected_documents"]
    rows = rej[rej["source"] == source]
    assert len(rows) == 1, f"{source} not reported once: {rej['source'].tolist()}"
    row = rows.iloc[0]
    assert corpus.rejected[source] in row["reason"]
    assert row["stage"] in ("ingest", "duplicate")
    # the run's log names the file and says why
    hits = [m for m in build.logs if source.split(":")[0] in m]
    assert hits, f"{source} not in the log"
    if row["stage"] == "ingest":
        assert any(row["reason"] in m for m in build.logs)


def test_unreadable_file(bad):
    corpus, build, *_ = bad
    rej = read_package(build.out)["rejected_documents"]
    if "noperm" in corpus.ok:  # running as root: permissions do not stop reading
        assert "noperm.txt" not in set(rej["source"])
    else:
        assert rej.set_index("source").loc["noperm.txt", "reason"] == "permission denied"


@pytest.mark.parametrize("doc_id", ["cp1251", "koi8r", "utf16", "utf8bom", "mixed_eol",
                                    "good_1", "good_2", "j_good_1", "j_good_2", "bad_date",
                                    "future_date", "no_date"])
def test_readable_encodings_are_read_correctly(bad, doc_id):
    corpus, build, *_ = bad
    raw = _raw(build).set_index("doc_id")
    assert raw.loc[doc_id, "text"] == corpus.ok[doc_id]
    docs = read_package(build.out)["documents"].set_index("doc_id")
    assert docs.loc[doc_id, "n_chars"] == len(corpus.ok[doc_id])


def test_encodings_are_recorded(bad):
    _, build, *_ = bad
    docs = read_package(build.out)["documents"].set_index("doc_id")
    assert docs.loc["cp1251", "encoding"] == "cp1251"
    assert docs.loc["koi8r", "encoding"] == "koi8-r"
    assert docs.loc["utf16", "encoding"].startswith("utf-16")
    assert docs.loc["utf8bom", "encoding"] == "utf-8-sig"


@pytest.mark.parametrize("doc_id,warning", [("bad_date", "invalid date '2026-13-45'"),
                                            ("future_date", "date in the future"),
                                            ("no_date", None)])
def test_bad_or_missing_dates_are_null_with_a_warning(bad, doc_id, warning):
    _, build, *_ = bad
    docs = read_package(build.out)["documents"].set_index("doc_id")
    assert pd.isna(docs.loc[doc_id, "published"])
    warnings = _raw(build).set_index("doc_id").loc[doc_id, "warnings"]
    if warning:
        assert warning in warnings
    else:
        assert warnings is None


def test_good_dates_are_kept(bad):
    _, build, *_ = bad
    docs = read_package(build.out)["documents"].set_index("doc_id")
    assert str(docs.loc["good_1", "published"]) == "2025-10-01"
    assert str(docs.loc["j_good_1", "published"]) == "2025-05-05"


def test_html_page_is_reduced_to_its_text(bad):
    _, build, *_ = bad
    text = _raw(build).set_index("doc_id").loc["page", "text"]
    assert "В Курской области открыли завод кормов." in text
    for junk in ("<", ">", "alert", "злой код", "color: red"):
        assert junk not in text


@pytest.mark.parametrize("doc_id", ["english", "no_entities", "long_sentence", "repeated",
                                    "injection"])
def test_odd_texts_are_processed_not_rejected(bad, doc_id):
    _, build, *_ = bad
    t = read_package(build.out)
    assert doc_id in set(t["documents"]["doc_id"])
    assert doc_id not in set(t["rejected_documents"]["doc_id"].dropna())


def test_text_without_entities_gives_zero_rows(bad):
    _, build, *_ = bad
    t = read_package(build.out)
    for name in ("officials", "plants", "investments"):
        assert "no_entities" not in set(t[name]["doc_id"])


def test_repeated_paragraphs_give_unique_fact_rows(bad):
    _, build, *_ = bad
    t = read_package(build.out)
    off = t["officials"][t["officials"]["doc_id"] == "repeated"]
    assert not off.duplicated(subset=["doc_id", "start", "end"]).any()
    assert len(t["documents"]) == len(set(t["documents"]["doc_id"]))


def test_outside_file_is_never_read_or_published(bad):
    corpus, build, *_ = bad
    raw = _raw(build)
    assert not raw["text"].fillna("").str.contains(corpus.secret, regex=False).any()
    for name, data in snapshot(build.out).items():
        assert corpus.secret.encode() not in data, name
    for name, data in snapshot(build.home).items():
        assert corpus.secret.encode() not in data, name


def test_nothing_written_outside_datasets_and_storage(bad):
    corpus, build, before, after = bad
    # the input tree (and the folder beside it) is untouched: same files, same bytes
    assert after == before
    # text that looks like shell or Python did not run anywhere we can see
    for folder in (corpus.root.parent, build.out, build.home, build.out.parent):
        assert not [p for p in folder.rglob("PWNED*")]
    published = sorted(p.name for p in build.out.iterdir())
    assert all(not n.startswith(".") and "passwd" not in n for n in published)
    assert not (build.out.parent / "etc").exists()


def test_ids_never_become_paths(bad):
    _, build, *_ = bad
    t = read_package(build.out)
    for name in TABLE_NAMES:
        if "doc_id" not in t[name]:  # the registries list doc_ids of the tables checked here
            continue
        ids = t[name]["doc_id"].dropna()
        assert not ids.str.contains(r"[/\\\x00\n]|\.\.", regex=True).any(), name


def test_csv_formula_cells_are_escaped_only_in_the_excel_variant(bad):
    _, build, *_ = bad
    plain = (build.out / "documents.csv").read_text("utf-8")
    excel = (build.out / "documents.excel.csv").read_bytes()
    assert excel.startswith(b"\xef\xbb\xbf")
    excel_text = excel[3:].decode("utf-8")
    assert '=HYPERLINK(""http://evil"",""x"")' in plain  # canonical: the value as is
    assert "'=HYPERLINK" in excel_text and ",=HYPERLINK" not in excel_text
    assert ",'+cmd|" in excel_text and ",+cmd|" not in excel_text
    assert ",'@SUM(1+1)" in excel_text
    assert "+cmd|' /C calc'!A0" in plain
    pkg = json.loads((build.out / "datapackage.json").read_text("utf-8"))
    assert all("apostrophe" in r["x-excel-csv"]["note"] for r in pkg["resources"])


def test_parquet_and_csv_agree_and_package_is_valid(bad):
    from pipeline.validation import validate_package

    _, build, *_ = bad
    assert_parquet_matches_csv(build.out)
    check_consistent(build.out)
    report = validate_package(build.out / "datapackage.json")
    assert report["valid"], report["errors"]


def test_rerun_on_same_inputs_is_byte_identical(bad, tmp_path):
    corpus, first, *_ = bad
    second = run_build(corpus.root, tmp_path / "datasets", tmp_path / "home",
                       tmp_path / "cache", env=LIMIT_ENV)
    assert second.success, second.error
    a, b = snapshot(first.out), snapshot(second.out)
    # the index records when each release was made: everything else is byte-identical
    index_a, index_b = json.loads(a.pop("releases.json")), json.loads(b.pop("releases.json"))
    for entry in (*index_a["releases"], *index_b["releases"]):
        entry.pop("time")
    assert index_a == index_b
    assert sorted(a) == sorted(b)
    for name in a:
        assert a[name] == b[name], f"{name} differs between two builds of the same inputs"
    # and building again in the same folder makes no new release and changes no byte
    again = run_build(corpus.root, tmp_path / "datasets", tmp_path / "home",
                      tmp_path / "cache", env=LIMIT_ENV)
    assert again.success, again.error
    assert snapshot(second.out) == {**b, "releases.json": (second.out / "releases.json"
                                                            ).read_bytes()}
    assert len(index_b["releases"]) == len(json.loads(
        (second.out / "releases.json").read_text("utf-8"))["releases"]) == 1


# --------------------------------------------------------------------------- failures


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """A published build of the seed article alone (the "previous version")."""
    base = tmp_path_factory.mktemp("small")
    write_seeds(base / "seeds", {})
    build = run_build(base / "seeds", base / "datasets", base / "home", base / "cache")
    assert build.success, build.error
    return base, build


def _prev_copy(small_corpus, tmp_path):
    import shutil

    _, build = small_corpus
    out = tmp_path / "datasets"
    shutil.copytree(build.out, out)
    return out


def _bad_status(monkeypatch):
    """The NLP returns a plant with a status outside the closed vocabulary."""
    import pipeline.runtime.batch as batch

    real = batch.extract_document

    def broken(doc: RawDocument, *a, **k):
        recs = real(doc, *a, **k)
        for r in recs:
            if r["kind"] == "plant":
                attrs = json.loads(r["attrs"])
                attrs["status"] = "exploded"
                r["attrs"] = json.dumps(attrs, ensure_ascii=False)
                break
        return recs

    monkeypatch.setattr(batch, "extract_document", broken)


def _duplicate_officials(monkeypatch):
    """The officials table comes out with every row twice (ids no longer unique)."""
    from pipeline import tables

    real = tables.officials_frame
    monkeypatch.setattr(tables, "officials_frame",
                        lambda recs: pd.concat([real(recs), real(recs)], ignore_index=True))


def _bad_documents_row(monkeypatch):
    """The documents table gets a row whose sha256 is not a hash."""
    from pipeline import tables

    real = tables.documents_frame

    def broken(docs):
        df = real(docs)
        df.loc[0, "sha256"] = "not-a-hash"
        return df

    monkeypatch.setattr(tables, "documents_frame", broken)


@pytest.mark.parametrize("inject", [_bad_status, _duplicate_officials, _bad_documents_row])
def test_failed_validation_blocks_publishing(small_corpus, tmp_path, monkeypatch, inject):
    """In a corpus of two documents every broken row quarantines half of it, above
    MAX_QUARANTINE_SHARE: the build fails and publishes nothing (tests/test_quarantine.py
    has the corpus where one bad document is quarantined and the rest published)."""
    base, _ = small_corpus
    out = _prev_copy(small_corpus, tmp_path)
    before = snapshot(out)
    seeds = tmp_path / "seeds"
    write_seeds(seeds, {"extra": "В Тульской области открыли завод стальных труб."})
    inject(monkeypatch)
    build = run_build(seeds, out, tmp_path / "home", tmp_path / "cache")
    assert not build.success
    assert "published_datasets" not in build.checks
    assert snapshot(out) == before  # the previous datasets stay, byte for byte
    assert not [p for p in out.iterdir() if p.name.startswith(".")]
    assert build.error.strip()


def test_nlp_crash_on_one_document_rejects_only_that_one(small_corpus, tmp_path,
                                                         monkeypatch):
    import pipeline.runtime.batch as batch

    real = batch.extract_document

    def flaky(doc: RawDocument, *a, **k):
        if "СБОЙ" in doc.text:
            raise MemoryError("simulated")
        return real(doc, *a, **k)

    monkeypatch.setattr(batch, "extract_document", flaky)
    seeds = tmp_path / "seeds"
    write_seeds(seeds, {"crash": "СБОЙ на заводе в Перми.",
                        "fine": "В Тульской области открыли завод стальных труб."})
    build = run_build(seeds, tmp_path / "datasets", tmp_path / "home", tmp_path / "cache",
                      env={"PIPELINE_WORKERS": "1"})
    assert build.success, build.error
    t = read_package(build.out)
    assert sorted(t["documents"]["doc_id"]) == sorted(["crash", "fine", SEED.stem])
    rej = t["rejected_documents"].set_index("doc_id")
    assert rej.loc["crash", "stage"] == "parse"
    assert "MemoryError" in rej.loc["crash", "reason"]
    assert any("crash" in m and "MemoryError" in m for m in build.logs)
    assert len(t["plants"][t["plants"]["doc_id"] == SEED.stem]) == 7
