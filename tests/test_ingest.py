"""Tests for pipeline.ingest.files: every bad input becomes a Rejection, never a crash.

All article texts below, except the seed file, are written for the tests.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import io
import json
import os
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest import files as ingest
from pipeline.ingest.files import (
    DEFAULT_MAX_DOCUMENT_BYTES,
    DecodeError,
    decode_bytes,
    read_corpus,
    read_jsonl_file,
    read_text_file,
    safe_doc_id,
    split_header,
)
from pipeline.types import Duplicate, RawDocument
from tests.probe import REPO

SEED = REPO / "seeds" / "000_c71ce465f13af3a6.txt"

# Written for the tests.
RU = "Губернатор открыл в области новый завод по выпуску автомобильных компонентов."
RU_2 = "Инвестиции в строительство второй очереди составят десять миллиардов рублей."
SHORT_RU = [
    "Мама мыла раму",
    "Завод построен",
    "Инвестиции составят 28 млрд рублей",
    "Губернатор открыл цех",
    "Новый цех, первая очередь",
    "в пятницу",
]


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def jsonl(*objects: object) -> str:
    return "".join(
        (obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False)) + "\n"
        for obj in objects
    )


def by_id(result) -> dict[str, RawDocument]:
    return {doc.doc_id: doc for doc in result.documents}


def reasons(result) -> dict[str, str]:
    return {rej.source: rej.reason for rej in result.rejected}


# --------------------------------------------------------------------------- seed


def test_seed_file_read_exactly():
    result = read_corpus(SEED.parent)
    assert result.rejected == [] and result.duplicates == []
    (doc,) = result.documents
    assert doc.doc_id == "000_c71ce465f13af3a6"
    assert doc.published == date(2026, 1, 30)
    assert doc.text.startswith("В Калининградской")
    assert "date" not in doc.text[:20]
    assert doc.source == "000_c71ce465f13af3a6.txt"
    assert doc.sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert doc.encoding == "utf-8"
    assert doc.warnings == ()
    assert doc.text.endswith("10-12%.")


def test_missing_folder_raises_with_path(tmp_path):
    missing = tmp_path / "nope"
    with pytest.raises(FileNotFoundError, match="nope"):
        read_corpus(missing)


def test_folder_that_is_a_file_raises(tmp_path):
    with pytest.raises(NotADirectoryError):
        read_corpus(write(tmp_path, "a.txt", RU))


def test_empty_folder_gives_empty_result(tmp_path):
    result = read_corpus(tmp_path)
    assert (result.documents, result.rejected, result.duplicates) == ([], [], [])


# --------------------------------------------------------------------------- header


@pytest.mark.parametrize(
    "text",
    [
        f"date 2026-01-30\n{RU}",
        f" date 2026-01-30 {RU}",
        f"\ufeff  date 2026-01-30\r\n\r\n{RU}",
        f"DATE: 2026-01-30\n{RU}",
        f"\n\ndate 2026-1-30\n{RU}",
    ],
)
def test_header_variants_are_stripped(text):
    published, body, warnings = split_header(text)
    assert published == date(2026, 1, 30)
    assert body == RU
    assert warnings == []


def test_no_header_leaves_text_alone():
    assert split_header(RU) == (None, RU, [])


def test_word_date_in_text_is_not_a_header():
    text = "date night: a text that starts with the word date"  # written for the tests
    assert split_header(text) == (None, text, [])
    assert split_header("date 2026-01-301 x")[0] is None


def test_invalid_date_is_dropped_with_warning_and_document_kept(tmp_path):
    write(tmp_path, "a.txt", f"date 2026-13-45 {RU}")
    (doc,) = read_corpus(tmp_path).documents
    assert doc.published is None
    assert doc.text == RU
    assert any("invalid date '2026-13-45'" in w for w in doc.warnings)


def test_future_date_is_dropped_with_warning():
    published, body, warnings = split_header(f"date 2026-02-01 {RU}", today=date(2026, 1, 31))
    assert published is None and body == RU
    assert warnings == ["date in the future (2026-02-01) in header ignored"]
    # the same date is fine once it is not in the future
    assert split_header(f"date 2026-02-01 {RU}", today=date(2026, 2, 1))[0] == date(2026, 2, 1)


def test_future_date_uses_real_today_by_default(tmp_path):
    write(tmp_path, "a.txt", f"date 2999-01-01\n{RU}")
    (doc,) = read_corpus(tmp_path).documents
    assert doc.published is None
    assert "date in the future" in doc.warnings[0]


def test_header_only_file_is_rejected(tmp_path):
    write(tmp_path, "a.txt", "date 2026-01-30\n\n")
    assert reasons(read_corpus(tmp_path)) == {"a.txt": "only a date header, no text"}


# --------------------------------------------------------------------------- decoding


def test_utf8_is_not_sent_to_charset_detection(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("charset detection ran on plain UTF-8")

    monkeypatch.setattr(ingest, "_decode_legacy", boom)
    assert decode_bytes(RU.encode("utf-8")) == (RU, "utf-8")


def test_utf8_bom_is_stripped():
    assert decode_bytes(codecs.BOM_UTF8 + RU.encode()) == (RU, "utf-8-sig")


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r"])
def test_legacy_cyrillic_long_text(tmp_path, encoding):
    seed_text = SEED.read_text(encoding="utf-8")
    raw = seed_text.encode(encoding, errors="replace")
    write(tmp_path, "a.txt", raw)
    (doc,) = read_corpus(tmp_path).documents
    assert doc.encoding == encoding
    assert doc.published == date(2026, 1, 30)
    assert doc.text.startswith("В Калининградской")
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "cp866"])
@pytest.mark.parametrize("text", SHORT_RU)
def test_legacy_cyrillic_short_texts(encoding, text):
    assert decode_bytes(text.encode(encoding)) == (text, encoding)


def test_mac_cyrillic_needs_a_sentence():
    # Mac Cyrillic differs from cp1251 only in capitals, so two words can be ambiguous
    # (ties go to the far more common cp1251); a sentence is enough.
    text = "Завод построен в Калининградской области, инвестиции составят 28 млрд рублей."
    assert decode_bytes(text.encode("mac-cyrillic")) == (text, "mac-cyrillic")


def test_legacy_cyrillic_short_uppercase_and_quotes():
    for text in ["ООО «Автотор» ДА", "Щука", "Съезд"]:  # written for the tests
        assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")
    assert decode_bytes("Цех".encode("koi8-r")) == ("Цех", "koi8-r")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_unicode_with_bom(encoding):
    raw = RU.encode(encoding)
    if encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    text, name = decode_bytes(raw)
    assert text == RU
    assert name.startswith("utf-")


def test_utf16_without_bom_is_detected():
    assert decode_bytes(RU.encode("utf-16-le")) == (RU, "utf-16-le")
    assert decode_bytes(RU.encode("utf-16-be")) == (RU, "utf-16-be")


def test_truncated_utf8_is_read_with_a_warning(tmp_path):
    raw = (RU + " Цех").encode("utf-8")[:-1]  # cut inside the last letter
    write(tmp_path, "a.txt", raw)
    (doc,) = read_corpus(tmp_path).documents
    assert doc.encoding == "utf-8"
    assert doc.text.startswith(RU) and doc.text.endswith("Це\ufffd")
    assert any("invalid UTF-8" in w for w in doc.warnings)


def test_western_legacy_text_is_not_read_as_cyrillic():
    text, encoding = decode_bytes("naïve façade".encode("cp1252"))  # written for the tests
    assert text == "naïve façade"
    assert encoding not in ingest._CYRILLIC_CODECS


def test_mixed_line_endings_are_normalised(tmp_path):
    write(tmp_path, "a.txt", "Первая строка.\r\nВторая строка.\rТретья строка.\nЧетвёртая.")
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text == "Первая строка.\nВторая строка.\nТретья строка.\nЧетвёртая."


def test_text_is_nfc_normalised(tmp_path):
    write(tmp_path, "a.txt", "Новый цех и\u0306 склад")  # "й" written decomposed
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text == "Новый цех й склад"


# --------------------------------------------------------------------------- bad files


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", "only whitespace"),
        (b"12345 --- 678 %%% 2026", "no text (no letters)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document)"),
        (gzip.compress(RU.encode()), "binary file (gzip archive)"),
        (
            RU.encode() + b"\x00\x00\x01" + RU_2.encode(),
            "contains NUL bytes (binary or corrupt file)",
        ),
        (bytes(range(1, 32)) * 10, "binary file (mostly control characters)"),
        (
            b"\xff\xfe\x00\xd8\x00\xd8",
            "not valid text in any supported encoding (broken UTF-16-LE)",
        ),
    ],
    ids=["empty", "whitespace", "no-letters", "png", "pdf", "gzip", "nul", "controls", "utf16"],
)
def test_bad_text_files_are_rejected_with_reason(tmp_path, data, reason):
    write(tmp_path, "bad.txt", data)
    write(tmp_path, "good.txt", RU)
    result = read_corpus(tmp_path)
    assert [d.doc_id for d in result.documents] == ["good"]
    (rejection,) = result.rejected
    assert (rejection.source, rejection.reason, rejection.stage) == ("bad.txt", reason, "ingest")
    assert rejection.doc_id == "bad"


def test_zip_and_docx_are_named(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", RU)
    write(tmp_path, "a.txt", buffer.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    write(tmp_path, "b.txt", buffer.getvalue())
    found = reasons(read_corpus(tmp_path))
    assert found["a.txt"] == "binary file (ZIP archive)"
    assert found["b.txt"].startswith("binary file (ZIP archive: a Word .docx document")


def test_decode_bytes_raises_decode_error_with_reason():
    with pytest.raises(DecodeError) as info:
        decode_bytes(b"\x89PNG\r\n\x1a\nrest")
    assert info.value.reason == "binary file (PNG image)"


def test_trailing_nul_padding_is_stripped(tmp_path):
    write(tmp_path, "a.txt", RU.encode() + b"\x00" * 16)
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text == RU
    assert "trailing NUL bytes removed" in doc.warnings


def test_nul_bytes_inside_utf16_are_fine():
    # ASCII characters in UTF-16 are half NUL bytes; that is text, not binary
    text = "Plant 42 opened. " + RU
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))[0] == text


def test_other_language_text_is_kept(tmp_path):
    write(tmp_path, "en.txt", "A new plant opened in Kaliningrad on Friday.")  # for the tests
    write(tmp_path, "zh.txt", "新工厂今天开业。")
    assert sorted(by_id(read_corpus(tmp_path))) == ["en", "zh"]


def test_control_characters_are_removed_with_warning(tmp_path):
    write(tmp_path, "a.txt", f"Новый\x07 цех\x1b открыт. {RU}")
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text == f"Новый цех открыт. {RU}"
    assert "2 control character(s) removed" in doc.warnings


def test_latin_lookalikes_inside_russian_words_are_read_as_cyrillic(tmp_path):
    """Real news r7_026 writes "Архангельcкой" with a Latin "c": the word then matches no
    region. One letter for one letter (offsets stay); Latin words, and a word with any
    Latin letter that has no Cyrillic twin ("СоюзAgro"), are left as written."""
    write(tmp_path, "a.txt", f"В Архангельcкой облаcти открыли цех ТВC. СоюзAgro, Lada. {RU}")
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text == f"В Архангельской области открыли цех ТВС. СоюзAgro, Lada. {RU}"
    assert "3 Latin or Greek letter(s) inside Cyrillic words read as Cyrillic" in doc.warnings


def test_greek_lookalikes_inside_russian_words_are_read_as_cyrillic(tmp_path):
    """A fresh real page of session 18 writes "завοда" and "οκолο" with Greek omicron and
    kappa: no word of it matched a dictionary, so the page lost its plants, its sum and its
    official. A Greek word ("Ελλάδα", no Cyrillic letter) stays Greek. Written for the test."""
    write(tmp_path, "a.txt", f"Рядοм с Οмском запущен завοд стοимοстью οκолο 1 млрд. Ελλάδα. {RU}")
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text == f"Рядом с Омском запущен завод стоимостью около 1 млрд. Ελλάδα. {RU}"
    assert "8 Latin or Greek letter(s) inside Cyrillic words read as Cyrillic" in doc.warnings


# --------------------------------------------------------------------------- HTML


def test_html_is_stripped_with_warning(tmp_path):
    html = (
        "<!DOCTYPE html><html><head><title>Новости  завода</title>"
        "<style>p {color: red}</style><script>var x = '<p>нет</p>';</script></head>"
        "<body><h1>Завод&nbsp;открыт</h1><p>Губернатор &laquo;открыл&raquo;\n  цех.</p>"
        "<div>Инвестиции &mdash; 5&nbsp;млрд.<br>Вторая строка.</div></body></html>"
    )
    write(tmp_path, "a.txt", html)
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text == (
        "Завод открыт\n\nГубернатор «открыл» цех.\n\nИнвестиции — 5 млрд.\nВторая строка."
    )
    assert doc.title == "Новости завода"
    assert "HTML markup stripped" in doc.warnings
    assert "color" not in doc.text and "var x" not in doc.text


def test_html_fragment_with_br_only(tmp_path):
    write(tmp_path, "a.txt", "Первая строка<br>Вторая &amp; третья")
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text == "Первая строка\nВторая & третья"


def test_comparison_signs_are_not_html(tmp_path):
    text = "Доля импорта < 5% и > 3%, а <не тег> остаётся; &amp; тоже."  # for the tests
    write(tmp_path, "a.txt", text)
    (doc,) = read_corpus(tmp_path).documents
    assert doc.text == text
    assert doc.warnings == ()


# --------------------------------------------------------------------------- ids and names


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("abc-1_2.x", "abc-1_2.x"),
        (42, "42"),
        (-7, "-7"),
        ("  padded ", "padded"),
        ("Новость 1", "Новость 1"),
        ("x" * 200, "x" * 200),
        ("x" * 201, None),
        ("../../etc/passwd", None),
        ("a/b", None),
        ("a\\b", None),
        ("a..b", None),
        ("..", None),
        (".", None),
        ("a\x00b", None),
        ("a\nb", None),
        ("a\u2028b", None),
        ("a\u202eb", None),
        ("", None),
        ("   ", None),
        (True, None),
        (1.5, None),
        (None, None),
        (["a"], None),
        pytest.param(10**5000, None, id="int-with-5001-digits"),
    ],
)
def test_safe_doc_id(raw, expected):
    assert safe_doc_id(raw) == expected


def test_subfolder_doc_id_and_source(tmp_path):
    write(tmp_path, "2026/01/a.txt", RU)
    (doc,) = read_corpus(tmp_path).documents
    assert (doc.doc_id, doc.source) == ("2026__01__a", "2026/01/a.txt")


def test_subfolder_id_collision_keeps_first_in_sorted_order(tmp_path):
    write(tmp_path, "sub/a.txt", RU)
    write(tmp_path, "sub__a.txt", RU_2)
    result = read_corpus(tmp_path)
    assert [d.source for d in result.documents] == ["sub/a.txt"]
    assert reasons(result) == {"sub__a.txt": "duplicate id 'sub__a' (first seen at sub/a.txt)"}


def test_unsafe_file_name_is_rejected(tmp_path):
    write(tmp_path, "a..b.txt", RU)
    assert reasons(read_corpus(tmp_path)) == {"a..b.txt": "unsafe id 'a..b' (rename the file)"}


def test_non_utf8_file_name_is_rejected(tmp_path):
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xff.txt"), "wb") as handle:
        handle.write(RU.encode())
    write(tmp_path, "good.txt", RU_2)
    result = read_corpus(tmp_path)
    assert list(by_id(result)) == ["good"]
    assert reasons(result) == {"bad\\xff.txt": "file name is not valid UTF-8; rename the file"}


def test_uppercase_suffix_and_other_files(tmp_path):
    write(tmp_path, "A.TXT", RU)
    write(tmp_path, "notes.md", RU_2)
    write(tmp_path, "data.csv", "a,b\n")
    result = read_corpus(tmp_path)
    assert list(by_id(result)) == ["A"]
    assert result.rejected == []


def test_hidden_files_and_folders_are_skipped(tmp_path):
    write(tmp_path, ".hidden.txt", RU)
    write(tmp_path, ".git/x.txt", RU_2)
    write(tmp_path, "._a.txt", b"\x00\x05\x16\x07")  # macOS resource fork
    write(tmp_path, "a.txt", "Обычный текст статьи.")
    result = read_corpus(tmp_path)
    assert list(by_id(result)) == ["a"]
    assert result.rejected == []


def test_order_is_sorted_by_relative_path_and_deterministic(tmp_path):
    for name in ["b.txt", "a/z.txt", "c.jsonl", "a.txt"]:
        if name.endswith(".jsonl"):
            write(tmp_path, name, jsonl({"id": "c1", "text": f"Текст {name}"}))
        else:
            write(tmp_path, name, f"Текст {name}")
    first = read_corpus(tmp_path)
    assert [d.source for d in first.documents] == ["a.txt", "a/z.txt", "b.txt", "c.jsonl:1"]
    assert read_corpus(tmp_path) == first


# --------------------------------------------------------------------------- JSONL


def test_jsonl_reads_good_lines_and_rejects_bad_ones(tmp_path):
    lines = [
        {"id": "a", "text": RU, "date": "2026-01-30", "url": "https://x.ru/1", "title": "Завод"},
        {"id": 7, "text": RU_2},
        '{"id": "broken", "text": ',
        {"id": "nt"},
        {"id": "ns", "text": ["список"]},
        {"id": "../../etc/passwd", "text": "Текст"},
        "",
        "[1, 2]",
        {"text": "Без идентификатора"},
        {"id": True, "text": "Логический id"},
        {"id": "e", "text": ""},
        {"id": "w", "text": "   \n "},
        {"id": "last", "text": "Последний документ в файле."},
    ]
    write(tmp_path, "news.jsonl", jsonl(*lines))
    result = read_corpus(tmp_path)
    docs = by_id(result)
    assert list(docs) == ["a", "7", "last"]
    assert docs["a"].source == "news.jsonl:1"
    assert docs["a"].published == date(2026, 1, 30)
    assert (docs["a"].url, docs["a"].title) == ("https://x.ru/1", "Завод")
    assert docs["7"].source == "news.jsonl:2"
    assert docs["last"].source == "news.jsonl:13"
    assert reasons(result) == {
        "news.jsonl:3": "line 3: invalid JSON: Expecting value (column 26)",
        "news.jsonl:4": "line 4: no 'text' field",
        "news.jsonl:5": "line 5: 'text' is not a string (got array)",
        "news.jsonl:6": "line 6: unsafe id '../../etc/passwd'",
        "news.jsonl:8": "line 8: not a JSON object (got array)",
        "news.jsonl:9": "line 9: no 'id' field",
        "news.jsonl:10": "line 10: 'id' must be a string or an integer (got boolean)",
        "news.jsonl:11": "line 11: empty text",
        "news.jsonl:12": "line 12: only whitespace",
    }
    by_source = {r.source: r for r in result.rejected}
    assert by_source["news.jsonl:4"].doc_id == "nt"
    assert by_source["news.jsonl:6"].doc_id is None


def test_jsonl_sha256_is_of_the_line_bytes(tmp_path):
    line = json.dumps({"id": "a", "text": RU}, ensure_ascii=False).encode()
    write(tmp_path, "n.jsonl", b"\n" + line + b"\r\n")
    (doc,) = read_corpus(tmp_path).documents
    assert doc.source == "n.jsonl:2"
    assert doc.sha256 == hashlib.sha256(line).hexdigest()


def test_jsonl_date_field_wins_and_header_is_stripped(tmp_path):
    write(
        tmp_path,
        "n.jsonl",
        jsonl(
            {"id": "a", "text": f"date 2026-01-01 {RU}", "date": "2026-01-30T10:00:00+03:00"},
            {"id": "b", "text": RU_2, "date": "вчера"},
            {"id": "c", "text": "Третий текст.", "date": "2999-01-01"},
        ),
    )
    docs = by_id(read_corpus(tmp_path))
    assert docs["a"].published == date(2026, 1, 30)
    assert docs["a"].text == RU
    assert any("differs" in w for w in docs["a"].warnings)
    assert docs["b"].published is None
    assert docs["b"].warnings == ("invalid date 'вчера' in 'date' field ignored",)
    assert docs["c"].published is None
    assert "date in the future" in docs["c"].warnings[0]


def test_jsonl_odd_strings_are_cleaned(tmp_path):
    write(
        tmp_path,
        "n.jsonl",
        '{"id": "nul", "text": "Новый\\u0000 цех"}\n'
        '{"id": "sur", "text": "Цех \\ud800 открыт"}\n'
        '{"id": "tab", "text": "Цех\topen"}\n'  # a raw tab inside a JSON string
        '{"id": "title", "text": "Цех", "title": 5, "url": null}\n',
    )
    docs = by_id(read_corpus(tmp_path))
    assert docs["nul"].text == "Новый цех"
    assert "1 control character(s) removed" in docs["nul"].warnings
    assert docs["sur"].text == "Цех \ufffd открыт"
    docs["sur"].text.encode("utf-8")  # must be writable to Parquet/CSV
    assert docs["tab"].text == "Цех\topen"
    assert docs["title"].title is None
    assert "'title' is not a string; ignored" in docs["title"].warnings


def test_jsonl_bom_crlf_and_cp1251(tmp_path):
    good = json.dumps({"id": "a", "text": RU}, ensure_ascii=False)
    legacy = json.dumps({"id": "b", "text": RU_2}, ensure_ascii=False).encode("cp1251")
    write(tmp_path, "n.jsonl", codecs.BOM_UTF8 + good.encode() + b"\r\n" + legacy + b"\r\n")
    docs = by_id(read_corpus(tmp_path))
    assert docs["a"].text == RU
    assert (docs["b"].text, docs["b"].encoding) == (RU_2, "cp1251")


def test_jsonl_utf16_file(tmp_path):
    text = jsonl({"id": "a", "text": RU}, {"id": "b", "text": RU_2})
    write(tmp_path, "n.jsonl", text.encode("utf-16"))
    docs = by_id(read_corpus(tmp_path))
    assert [d.text for d in docs.values()] == [RU, RU_2]
    assert docs["b"].source == "n.jsonl:2"


def test_jsonl_deep_nesting_and_huge_numbers(tmp_path):
    write(
        tmp_path,
        "n.jsonl",
        "[" * 100_000
        + "\n"
        + '{"id": '
        + "9" * 5000
        + ', "text": "x"}\n'
        + jsonl({"id": "ok", "text": RU}),
    )
    result = read_corpus(tmp_path)
    assert list(by_id(result)) == ["ok"]
    found = reasons(result)
    assert found["n.jsonl:1"].startswith("line 1: invalid JSON")
    assert found["n.jsonl:2"].startswith("line 2: invalid JSON")


def test_jsonl_empty_and_blank_files(tmp_path):
    write(tmp_path, "empty.jsonl", b"")
    write(tmp_path, "blank.jsonl", "\n  \n\n")
    assert reasons(read_corpus(tmp_path)) == {
        "blank.jsonl": "no documents (only blank lines)",
        "empty.jsonl": "empty file",
    }


def test_jsonl_that_is_binary_gives_one_rejection(tmp_path):
    write(tmp_path, "x.jsonl", b"\x89PNG\r\n\x1a\n" + b"\n".join([b"\x00\x01"] * 50))
    result = read_corpus(tmp_path)
    assert [(r.source, r.reason) for r in result.rejected] == [
        ("x.jsonl", "binary file (PNG image)")
    ]


def test_readers_can_be_called_directly(tmp_path):
    path = write(tmp_path, "n.jsonl", jsonl({"id": "a", "text": RU}))
    docs, rejected = read_jsonl_file(path, tmp_path)
    assert [d.doc_id for d in docs] == ["a"] and rejected == []
    path = write(tmp_path, "t.txt", RU)
    docs, rejected = read_text_file(path, tmp_path)
    assert [d.doc_id for d in docs] == ["t"] and rejected == []


# --------------------------------------------------------------------------- duplicates


def test_identical_texts_are_deduplicated(tmp_path):
    write(tmp_path, "a.txt", f"date 2026-01-30 {RU}")
    write(tmp_path, "b.txt", f"  {RU.replace(' ', '   ', 3)}\n\n")
    write(tmp_path, "c.jsonl", jsonl({"id": "c", "text": RU}, {"id": "d", "text": RU_2}))
    result = read_corpus(tmp_path)
    assert list(by_id(result)) == ["a", "d"]
    assert result.duplicates == [
        Duplicate(doc_id="b", source="b.txt", duplicate_of="a"),
        Duplicate(doc_id="c", source="c.jsonl:1", duplicate_of="a"),
    ]


def test_duplicate_id_with_other_text_is_rejected(tmp_path):
    write(tmp_path, "a.jsonl", jsonl({"id": "z", "text": "Первый."}, {"id": "x", "text": RU}))
    write(tmp_path, "b.jsonl", jsonl({"id": "x", "text": RU_2}))
    write(tmp_path, "x.txt", "Третий вариант текста.")
    result = read_corpus(tmp_path)
    assert by_id(result)["x"].text == RU
    assert reasons(result) == {
        "b.jsonl:1": "duplicate id 'x' (first seen at a.jsonl:2)",
        "x.txt": "duplicate id 'x' (first seen at a.jsonl:2)",
    }
    assert {r.doc_id for r in result.rejected} == {"x"}


def test_same_id_and_same_text_is_a_duplicate_not_an_error(tmp_path):
    write(tmp_path, "a.jsonl", jsonl({"id": "x", "text": RU}))
    write(tmp_path, "b.jsonl", jsonl({"id": "x", "text": RU}))
    result = read_corpus(tmp_path)
    assert result.rejected == []
    assert result.duplicates == [Duplicate("x", "b.jsonl:1", "x")]


# --------------------------------------------------------------------------- file system


def test_symlink_inside_folder_is_followed(tmp_path):
    write(tmp_path, "real/a.txt", RU)
    (tmp_path / "link.txt").symlink_to(tmp_path / "real" / "a.txt")
    (tmp_path / "loop").symlink_to(tmp_path)  # a folder link inside: not descended
    result = read_corpus(tmp_path)
    assert [d.source for d in result.documents] == ["link.txt"]
    assert result.duplicates == [Duplicate("real__a", "real/a.txt", "link")]
    assert result.rejected == []


def test_symlink_outside_folder_is_rejected(tmp_path):
    outside = tmp_path / "outside"
    seeds = tmp_path / "seeds"
    write(outside, "secret.txt", RU)
    write(seeds, "good.txt", RU_2)
    (seeds / "evil.txt").symlink_to(outside / "secret.txt")
    (seeds / "evil_dir").symlink_to(outside)
    (seeds / "broken.txt").symlink_to(tmp_path / "missing.txt")
    result = read_corpus(seeds)
    assert list(by_id(result)) == ["good"]
    assert reasons(result) == {
        "broken.txt": "broken symlink (target missing)",
        "evil.txt": "symlink pointing outside the input folder (not followed)",
        "evil_dir": "symlink pointing outside the input folder (not followed)",
    }


def test_permission_denied_is_a_rejection(tmp_path, monkeypatch):
    # tests run as root, which ignores file modes: simulate the error instead
    write(tmp_path, "locked.txt", RU)
    write(tmp_path, "locked.jsonl", jsonl({"id": "l", "text": RU}))
    write(tmp_path, "open.txt", RU_2)
    real_open = Path.open

    def fake_open(self, *args, **kwargs):
        if self.name.startswith("locked"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", fake_open)
    result = read_corpus(tmp_path)
    assert list(by_id(result)) == ["open"]
    assert reasons(result) == {
        "locked.txt": "permission denied",
        "locked.jsonl": "permission denied",
    }


def test_unreadable_subfolder_is_a_rejection(tmp_path, monkeypatch):
    write(tmp_path, "closed/a.txt", RU)
    write(tmp_path, "b.txt", RU_2)
    real_scandir = os.scandir

    def fake_scandir(path="."):
        if os.fspath(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    result = read_corpus(tmp_path)
    assert list(by_id(result)) == ["b"]
    assert reasons(result) == {"closed": "permission denied (folder not read)"}


def test_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    write(tmp_path, "a.txt", RU)
    result = read_corpus(tmp_path)
    assert list(by_id(result)) == ["a"]
    assert reasons(result) == {"pipe.txt": "not a regular file"}


def test_file_too_large_for_the_limit(tmp_path):
    write(tmp_path, "big.txt", "Большой текст. " * 200)
    write(tmp_path, "small.txt", RU)
    long_line = json.dumps({"id": "big", "text": "Строка. " * 200}, ensure_ascii=False)
    write(
        tmp_path, "n.jsonl", jsonl({"id": "x", "text": RU_2}, long_line, {"id": "y", "text": "Ок."})
    )
    result = read_corpus(tmp_path, max_bytes=1000)
    assert list(by_id(result)) == ["x", "y", "small"]
    found = reasons(result)
    assert found["big.txt"].startswith("file too large (0.0 MB > 0.0 MB limit")
    assert "MAX_DOCUMENT_BYTES" in found["big.txt"]
    assert found["n.jsonl:2"].startswith("line 2: line too large")


def test_max_bytes_argument_and_invalid_setting(tmp_path):
    from pipeline import config

    write(tmp_path, "a.txt", RU)
    assert read_corpus(tmp_path, max_bytes=10).rejected[0].reason.startswith("file too large")
    with pytest.raises(ValueError, match="MAX_DOCUMENT_BYTES"):
        config.resolve(environ={"MAX_DOCUMENT_BYTES": "lots"})
    with pytest.raises(ValueError, match="MAX_DOCUMENT_BYTES"):
        config.resolve(environ={"MAX_DOCUMENT_BYTES": "-3"})
    assert config.resolve(environ={"MAX_DOCUMENT_BYTES": "1000"}).max_document_bytes == 1000
    # a value given by the launchpad wins over the environment
    assert config.resolve({"max_document_bytes": 5},
                          environ={"MAX_DOCUMENT_BYTES": "1000"}).max_document_bytes == 5


def test_default_limit_rejects_a_20_mb_text_clearly_and_keeps_the_rest(tmp_path):
    assert DEFAULT_MAX_DOCUMENT_BYTES == 2 * 1024 * 1024
    paragraph = (RU + " " + RU_2 + "\n").encode()
    raw = paragraph * (20 * 1024 * 1024 // len(paragraph) + 1)
    assert len(raw) > 20 * 1024 * 1024
    write(tmp_path, "big.txt", raw)
    write(tmp_path, "small.txt", RU)
    result = read_corpus(tmp_path)
    assert [d.doc_id for d in result.documents] == ["small"]
    [rej] = result.rejected
    assert rej.source == "big.txt"
    assert "too large" in rej.reason and "MAX_DOCUMENT_BYTES" in rej.reason


def test_a_20_mb_text_is_read_when_the_limit_is_raised(tmp_path):
    paragraph = (RU + " " + RU_2 + "\n").encode()
    raw = paragraph * (20 * 1024 * 1024 // len(paragraph) + 1)
    write(tmp_path, "big.txt", raw)
    (doc,) = read_corpus(tmp_path, max_bytes=50 * 1024 * 1024).documents
    assert doc.n_chars == len(raw.decode().strip())


def test_5000_small_files_all_read(tmp_path):
    # not timed: reading speed is measured by benchmarks/, not asserted here
    for i in range(5000):
        (tmp_path / f"{i:05d}.txt").write_text(f"date 2026-01-30\nДокумент номер {i}. {RU}")
    result = read_corpus(tmp_path)
    assert len(result.documents) == 5000
    assert not result.rejected


def test_one_unexpected_crash_does_not_stop_the_corpus(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", RU)
    write(tmp_path, "b.txt", RU_2)
    real = ingest._build_document

    def flaky(**kwargs):
        if kwargs["doc_id"] == "a":
            raise RuntimeError("bug")
        return real(**kwargs)

    monkeypatch.setattr(ingest, "_build_document", flaky)
    result = read_corpus(tmp_path)
    assert list(by_id(result)) == ["b"]
    assert reasons(result) == {"a.txt": "unexpected error: RuntimeError('bug')"}


# --------------------------------------------------------------------------- properties

GOOD_TXT = "Хороший соседний документ о новом заводе."  # written for the tests
GOOD_LINE = {"id": "good-before", "text": "Первый хороший документ."}
GOOD_AFTER = {"id": "good-after", "text": "Второй хороший документ."}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=600))
def test_arbitrary_bytes_never_raise_nor_lose_a_neighbour(data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root, "aa_good.txt", GOOD_TXT)
        write(root, "zz_bad.txt", data)
        result = read_corpus(root)
        assert by_id(result)["aa_good"].text == GOOD_TXT
        assert len(result.documents) + len(result.rejected) + len(result.duplicates) == 2
        for doc in result.documents:
            doc.text.encode("utf-8")
            doc.source.encode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw_line=st.text(max_size=300), text_value=st.text(max_size=300))
def test_arbitrary_jsonl_lines_never_raise_nor_lose_neighbours(raw_line, text_value):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = jsonl(GOOD_LINE) + raw_line.replace("\n", " ") + "\n"
        content += json.dumps({"id": "odd", "text": text_value}) + "\n" + jsonl(GOOD_AFTER)
        write(root, "n.jsonl", content.encode("utf-8", "surrogatepass"))
        result = read_corpus(root)
        docs = by_id(result)
        if "good-after" not in raw_line:
            assert docs["good-after"].text == GOOD_AFTER["text"]
        assert docs["good-before"].text == GOOD_LINE["text"]
        for doc in result.documents:
            doc.text.encode("utf-8")
