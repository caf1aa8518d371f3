"""pipeline.publish on hand-made tables: atomic replace, recovery, safe names, CSV safety,
determinism and Parquet/CSV agreement (documents written for the tests)."""

from __future__ import annotations

import hashlib
import io
import json
import threading
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline import tables
from pipeline.publish import (
    MARKER,
    STAGING_PREFIX,
    check_file_name,
    csv_bytes,
    excel_csv_bytes,
    publish,
    recover,
    render_files,
)
from pipeline.types import RawDocument, Rejection

FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR",
            "=HYPERLINK(\"http://x\",\"y\")"]


def _doc(i: int, title: str | None = None, text: str = "Завод открыт.") -> RawDocument:
    return RawDocument(doc_id=f"d{i:03d}", text=text, source=f"d{i:03d}.txt",
                       sha256=hashlib.sha256(f"{i}{text}".encode()).hexdigest(),
                       published=date(2025, 1, 1 + i % 28) if i % 3 else None, title=title,
                       url=None)


def frames(n: int = 5, titles: list[str | None] | None = None) -> dict[str, pd.DataFrame]:
    titles = titles or [None] * n
    docs = [_doc(i, titles[i % len(titles)]) for i in range(n)]
    empty = tables.records_frame([])
    plants = tables.plants_table(empty)
    return {
        "documents": tables.documents_table(docs),
        "officials": tables.officials_table(empty),
        "plants": plants,
        "investments": tables.investments_table(empty, plants),
        "rejected_documents": tables.rejected_table(
            [Rejection(source="=bad.txt", reason="-empty file", stage="ingest")]),
    }


def files_of(version: int) -> dict[str, bytes]:
    titles = [f"версия {version} «кавычки», запятая", None, "строка\nперевод"]
    return render_files(frames(3 + version, titles), f"{version:064x}")


def on_disk(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


def consistent(out: Path) -> bool:
    pkg = json.loads((out / "datapackage.json").read_text("utf-8"))
    for res in pkg["resources"]:
        for info in (res, res["x-parquet"], res["x-excel-csv"]):
            digest = hashlib.sha256((out / info["path"]).read_bytes()).hexdigest()
            if info["hash"] != "sha256:" + digest:
                return False
    return True


# --------------------------------------------------------------------------- atomicity


def test_publish_replaces_everything_and_leaves_no_staging(tmp_path):
    old, new = files_of(1), files_of(2)
    publish(old, tmp_path)
    assert on_disk(tmp_path) == old and consistent(tmp_path)
    publish(new, tmp_path)
    assert on_disk(tmp_path) == new and consistent(tmp_path)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("k", [0, 1, 7, 15])
def test_crash_while_moving_is_rolled_forward(tmp_path, k):
    old, new = files_of(1), files_of(2)
    assert set(old) == set(new)
    publish(old, tmp_path)
    if k >= len(new):
        pytest.skip("fewer files")
    with pytest.raises(RuntimeError, match="simulated crash"):
        publish(new, tmp_path, _crash_after=k)
    disk = on_disk(tmp_path)
    for name, data in disk.items():  # every file is whole: the old one or the new one
        assert data in (old[name], new[name]), name
    assert sum(disk[n] == new[n] for n in disk if old[n] != new[n]) <= k
    assert "rolled forward" in recover(tmp_path)
    assert on_disk(tmp_path) == new and consistent(tmp_path)
    assert recover(tmp_path) is None or not list(tmp_path.glob(STAGING_PREFIX + "*"))


def test_crash_before_commit_keeps_the_old_files(tmp_path):
    old, new = files_of(1), files_of(2)
    publish(old, tmp_path)
    staging = tmp_path / f"{STAGING_PREFIX}99999"
    staging.mkdir()
    for name, data in list(new.items())[:4]:
        (staging / name).write_bytes(data[: len(data) // 2])  # half-written files
    assert "discarded" in recover(tmp_path)
    assert on_disk(tmp_path) == old
    assert not staging.exists()


def test_next_publish_finishes_an_interrupted_one_first(tmp_path):
    v1, v2, v3 = files_of(1), files_of(2), files_of(3)
    publish(v1, tmp_path)
    with pytest.raises(RuntimeError):
        publish(v2, tmp_path, _crash_after=5)
    publish(v3, tmp_path)
    assert on_disk(tmp_path) == v3 and consistent(tmp_path)


def test_tampered_marker_cannot_move_files_out(tmp_path):
    out = tmp_path / "datasets"
    publish(files_of(1), out)
    staging = out / f"{STAGING_PREFIX}1"
    staging.mkdir()
    (staging / "x.csv").write_text("x")
    (staging / MARKER).write_text(json.dumps(["../evil.csv", "x.csv", ".hidden", 5]))
    recover(out)
    assert not (tmp_path / "evil.csv").exists()
    assert (out / "x.csv").read_text() == "x"
    assert not staging.exists()
    (out / f"{STAGING_PREFIX}2").mkdir()
    (out / f"{STAGING_PREFIX}2" / MARKER).write_text("{not json")
    assert "discarded" in recover(out)


def test_concurrent_publishers_never_mix_sets(tmp_path):
    versions = [files_of(v) for v in range(1, 5)]
    errors = []

    def worker(files):
        try:
            for _ in range(3):
                publish(files, tmp_path)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(v,)) for v in versions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert on_disk(tmp_path) in versions
    assert consistent(tmp_path)


@pytest.mark.parametrize("name", ["", "../x.csv", "a/b.csv", "a\\b.csv", ".hidden", MARKER,
                                  "COMMIT.tmp", "a\x00b", "a\nb.csv", "/etc/passwd", ".."])
def test_unsafe_names_are_refused_before_anything_is_written(tmp_path, name):
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="unsafe file name"):
        publish({"ok.csv": b"x", name: b"y"}, out)
    assert not out.exists() or list(out.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"] or not out.exists()


def test_check_file_name_accepts_plain_names():
    for name in ("plants.csv", "datapackage.json", "README.md", "chart.png"):
        check_file_name(name)


# --------------------------------------------------------------------------- CSV safety


def test_excel_variant_escapes_formula_cells_and_canonical_keeps_them():
    df = frames(len(FORMULAS), FORMULAS)["documents"]
    plain = pd.read_csv(io.BytesIO(csv_bytes(df)), dtype=str, keep_default_na=False)
    raw = excel_csv_bytes(df)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    excel = pd.read_csv(io.BytesIO(raw[3:]), dtype=str, keep_default_na=False)
    assert sorted(plain["title"]) == sorted(FORMULAS)  # canonical: the data as is
    for value in excel["title"]:
        assert value.startswith("'"), value
        assert value[1:] in FORMULAS
    # numbers and dates are not text: never prefixed
    assert not excel["n_chars"].str.startswith("'").any()


def test_excel_variant_leaves_ordinary_text_alone():
    titles = ["Завод-гигант", "x=1", "Cost -5", "email@x.ru", "«Автотор»"]
    df = frames(len(titles), titles)["documents"]
    excel = pd.read_csv(io.BytesIO(excel_csv_bytes(df)[3:]), dtype=str,
                        keep_default_na=False)
    assert sorted(excel["title"]) == sorted(titles)


def test_rejected_sources_and_reasons_are_escaped_too():
    df = frames()["rejected_documents"]
    text = excel_csv_bytes(df)[3:].decode("utf-8")
    assert "'=bad.txt" in text and "'-empty file" in text
    assert "=bad.txt" in csv_bytes(df).decode("utf-8")


def test_canonical_csv_is_utf8_without_bom_and_lf():
    raw = render_files(frames(3, ["Калининград"]), "0" * 64)["documents.csv"]
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" not in raw
    assert "Калининград" in raw.decode("utf-8")


# --------------------------------------------------------------------------- determinism


def test_render_is_byte_identical_for_equal_tables():
    a = render_files(frames(7, ["x", None, "=y"]), "a" * 64)
    b = render_files(frames(7, ["x", None, "=y"]), "a" * 64)
    assert a == b
    pkg = json.loads(a["datapackage.json"])
    assert "a" * 12 in pkg["version"]
    # no build time inside the package: only values derived from the inputs
    assert not {"created", "x-built", "x-build-time"} & set(pkg)


def test_cell_with_a_lone_carriage_return_stays_in_its_row():
    titles = ["до\rпосле", "a\r\nb", "обычный"]
    raw = csv_bytes(frames(3, titles)["documents"])
    back = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    assert len(back) == 3
    assert sorted(back["title"]) == sorted(titles)
    import csv as csvmod

    rows = list(csvmod.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert len(rows) == 4 and sorted(r[5] for r in rows[1:]) == sorted(titles)


def test_parquet_and_csv_round_trip_hand_made_values():
    titles = ["кавычки \" и запятые, ", "строка\nперевод", None, "  пробелы  ", "=формула",
              "эмодзи 🏭", ""]
    files = render_files(frames(len(titles), titles), "0" * 64)
    for name in ("documents", "rejected_documents", "plants"):
        pq_df = pq.read_table(io.BytesIO(files[f"{name}.parquet"])).to_pandas()
        csv_df = pd.read_csv(io.BytesIO(files[f"{name}.csv"]), dtype=str,
                             keep_default_na=False, na_values=[""])
        assert list(pq_df.columns) == list(csv_df.columns)
        assert len(pq_df) == len(csv_df)
        for col in pq_df.columns:
            a = [None if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)
                 for v in pq_df[col]]
            b = [None if pd.isna(v) else v for v in csv_df[col]]
            # the empty title is written as an empty cell, which reads back as null
            a = [None if v == "" else v for v in a]
            assert a == b, (name, col)


def test_excel_variant_escapes_pandas_string_columns_too():
    df = pd.DataFrame({"a": pd.Series(["=1", "ok", None], dtype="string"), "n": [1, -2, 3]})
    text = excel_csv_bytes(df)[3:].decode("utf-8")
    assert "'=1" in text and "\r\n-2" not in text and ",-2" in text
    assert "'-2" not in text


def test_verify_spots_a_mixed_or_pending_set(tmp_path):
    from pipeline.publish import verify

    old, new = files_of(1), files_of(2)
    publish(old, tmp_path)
    assert verify(tmp_path) == []
    with pytest.raises(RuntimeError):
        publish(new, tmp_path, _crash_after=3)
    problems = verify(tmp_path)
    assert any("interrupted publish pending" in p for p in problems)
    assert any("does not match" in p for p in problems)
    recover(tmp_path)
    assert verify(tmp_path) == []
    (tmp_path / "plants.csv").write_bytes(b"tampered")
    assert verify(tmp_path) == ["plants.csv: content does not match datapackage.json"]


def test_spooled_files_are_the_same_bytes_read_back_one_at_a_time(tmp_path):
    """The publish step keeps the rendered tables on disk (issue 20): every file, the
    datapackage that hashes them and the order are those of the in-memory rendering."""
    from pipeline.publish import SpooledFiles, table_files

    t = frames(4, ["=формула", None, "строка\nперевод"])
    memory = render_files(t, "c" * 64, rendered=table_files(t))
    spooled_tables = table_files(t, spool=tmp_path / "spool")
    assert isinstance(spooled_tables, SpooledFiles)
    assert sorted(p.name for p in (tmp_path / "spool").iterdir()) == sorted(spooled_tables)
    spooled = render_files(t, "c" * 64, rendered=spooled_tables)
    assert isinstance(spooled, SpooledFiles) and list(spooled) == list(memory)
    assert {n: spooled[n] for n in spooled} == memory
    # setting a file on a copy keeps it in memory and leaves the spool and the original alone
    spooled["CHANGELOG.md"] = b"x"
    assert "CHANGELOG.md" not in spooled_tables and len(spooled) == len(memory) + 1
    del spooled["CHANGELOG.md"]
    assert list(spooled) == list(memory)


def test_a_spooled_name_is_checked_like_a_published_one(tmp_path):
    from pipeline.publish import SpooledFiles

    with pytest.raises(ValueError, match="unsafe"):
        SpooledFiles(tmp_path).spool("../outside.csv", b"x")
    assert not (tmp_path.parent / "outside.csv").exists()


@pytest.mark.parametrize("chunk_rows", [1, 2, 3, 1000])
def test_csv_written_by_blocks_of_rows_is_the_csv_of_the_whole_table(tmp_path, chunk_rows):
    """`write_csv_pair` renders a block of rows at a time; the files must be `csv_pair`'s
    bytes whatever the block: quotes, a lone CR, line breaks, formula-like cells in one
    block only, nullable integers, dates and nulls (values written for the tests)."""
    from pipeline.publish import csv_pair, write_csv_pair

    df = pd.DataFrame({
        "text": ["обычный", "=1+1", "с \"кавычками\", запятой", "строка\nперевод", "\rCR",
                 None, "@cmd"],
        "n": pd.array([1, None, 3, 4, None, 6, 7], dtype="Int64"),
        "x": [1.5, float("nan"), 2.0, 1e12, 0.1, 3.0, -2.25],
        "day": [date(2025, 1, 2), None, date(2024, 2, 29), None, date(2020, 1, 1),
                date(2021, 5, 6), None],
    })
    for frame in (df, df.iloc[0:0], *frames(4, ["=формула", None]).values()):
        write_csv_pair(frame, tmp_path / "t.csv", tmp_path / "t.excel.csv", chunk_rows)
        csv, excel = csv_pair(frame)
        assert (tmp_path / "t.csv").read_bytes() == csv
        assert (tmp_path / "t.excel.csv").read_bytes() == excel
