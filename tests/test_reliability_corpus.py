"""A folder of bad and good input documents, written for the tests (no tests here: shared
by the reliability, load and property tests).

`make_bad_corpus` writes every bad-input case of the reliability issue next to good
neighbours and returns what each case must become: a published document (with the text
it must be read as) or a rejection (with words the reason must contain).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# Written for the tests.
RU = ("В Калужской области компания «Промтех» открыла завод по выпуску автокомпонентов. "
      "Губернатор Владислав Шапша сообщил, что инвестиции составили 3 млрд рублей.")
RU_SHORT = "Завод металлоконструкций в Туле начал работу."
# 1x1 PNG
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", RU)
    return buf.getvalue()


@dataclass
class Corpus:
    root: Path
    ok: dict[str, str] = field(default_factory=dict)  # doc_id -> expected text (or "")
    rejected: dict[str, str] = field(default_factory=dict)  # source -> reason fragment
    outside: Path | None = None  # a file outside the input folder that must not be read
    secret: str = ""


def make_bad_corpus(base: Path, *, big_mb: int = 20) -> Corpus:
    """Write the corpus under base/seeds (and a secret under base/outside)."""
    root = base / "seeds"
    root.mkdir(parents=True)
    c = Corpus(root=root)

    def put(name: str, data: bytes | str) -> Path:
        p = root / name
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    # good neighbours
    put("good_1.txt", "date 2025-10-01\n" + RU)
    c.ok["good_1"] = RU
    put("good_2.txt", RU_SHORT)
    c.ok["good_2"] = RU_SHORT

    # files
    put("empty.txt", b"")
    c.rejected["empty.txt"] = "empty"
    put("blank.txt", b"  \n\t \r\n   ")
    c.rejected["blank.txt"] = "whitespace"
    put("image.txt", PNG)
    c.rejected["image.txt"] = "PNG image"
    put("archive.txt", zip_bytes())
    c.rejected["archive.txt"] = "ZIP archive"
    put("nul.txt", RU.encode("utf-8")[:60] + b"\x00\x00\x01\x00" + RU.encode("utf-8")[60:])
    c.rejected["nul.txt"] = "NUL bytes"
    put("big.txt", ("Очень длинный текст. " * (big_mb * 1024 * 1024 // 38 + 1)).encode())
    c.rejected["big.txt"] = "too large"
    text_cp = "Губернатор Тульской области открыл новый завод стальных труб в Алексине."
    put("cp1251.txt", text_cp.encode("cp1251"))
    c.ok["cp1251"] = text_cp
    text_koi = "В Липецкой области запустили производство бытовой техники."
    put("koi8r.txt", text_koi.encode("koi8-r"))
    c.ok["koi8r"] = text_koi
    text_u16 = "В Челябинской области построят завод по выпуску алюминиевых профилей."
    put("utf16.txt", text_u16.encode("utf-16"))  # with BOM
    c.ok["utf16"] = text_u16
    text_bom = "В Самарской области открылся завод автомобильных шин."
    put("utf8bom.txt", b"\xef\xbb\xbf" + text_bom.encode("utf-8"))
    c.ok["utf8bom"] = text_bom
    put("mixed_eol.txt", "Первая строка про завод.\r\nВторая строка.\rТретья строка.\n"
                         "Четвёртая.")
    c.ok["mixed_eol"] = "Первая строка про завод.\nВторая строка.\nТретья строка.\nЧетвёртая."

    outside = base / "outside"
    outside.mkdir()
    c.secret = "СЕКРЕТНЫЙ ТЕКСТ ВНЕ ПАПКИ ВХОДНЫХ ДАННЫХ"
    (outside / "secret.txt").write_text(c.secret, "utf-8")
    c.outside = outside / "secret.txt"
    os.symlink(c.outside, root / "link_out.txt")
    c.rejected["link_out.txt"] = "symlink pointing outside"
    os.symlink(outside, root / "linked_dir")
    c.rejected["linked_dir"] = "symlink pointing outside"

    noperm = put("noperm.txt", RU_SHORT + " Права доступа.")
    os.chmod(noperm, 0)
    if os.geteuid() == 0:  # root reads anything: then the file must simply be read
        c.ok["noperm"] = RU_SHORT + " Права доступа."
    else:
        c.rejected["noperm.txt"] = "permission denied"

    # headers
    put("bad_date.txt", "date 2026-13-45\nНа заводе в Перми обновили линию.")
    c.ok["bad_date"] = "На заводе в Перми обновили линию."
    put("future_date.txt", "date 2999-01-01\nНа заводе в Омске обновили цех.")
    c.ok["future_date"] = "На заводе в Омске обновили цех."
    put("no_date.txt", "На заводе в Томске обновили склад.")
    c.ok["no_date"] = "На заводе в Томске обновили склад."

    # text
    put("page.txt", "<!DOCTYPE html><html><head><title>Новости</title>"
                    "<script>alert('x'); document.write('злой код')</script>"
                    "<style>p {color: red}</style></head><body><p>В Курской области "
                    "открыли <b>завод</b> кормов.</p></body></html>")
    c.ok["page"] = ""  # text checked separately: tags and script gone
    put("english.txt", "A new car plant opened in Kaluga region on Monday, the governor said.")
    c.ok["english"] = ""
    put("no_entities.txt", "Сегодня была хорошая погода, и все гуляли в парке до вечера.")
    c.ok["no_entities"] = ""
    put("long_sentence.txt", "Завод " + " ".join(["работает"] * 3000) + ".")
    c.ok["long_sentence"] = ""
    put("repeated.txt", "\n\n".join([RU] * 40))
    c.ok["repeated"] = ""
    # text that looks like code or a path must stay text
    put("injection.txt", "Завод открыт. $(touch PWNED_SHELL) `touch PWNED_TICK` "
                         "{{7*7}} __import__('os').system('touch PWNED_PY') ../../etc/passwd")
    c.ok["injection"] = ""
    put("zz_dup_of_good.txt", RU_SHORT + "\n")
    c.rejected["zz_dup_of_good.txt"] = "same text as document 'good_2'"

    # JSONL
    lines = [
        json.dumps({"id": "j_good_1", "text": RU_SHORT + " Первый.", "date": "2025-05-05",
                    "title": "=HYPERLINK(\"http://evil\",\"x\")", "url": "@SUM(1+1)"},
                   ensure_ascii=False),
        '{"id": "j_broken", "text": "не закрыт',
        json.dumps({"id": "j_notext"}),
        json.dumps({"id": "j_nonstring", "text": 42}),
        json.dumps({"id": "j_good_1", "text": "Другой текст с тем же id."}, ensure_ascii=False),
        json.dumps({"id": "../../etc/passwd", "text": "Текст с опасным id."},
                   ensure_ascii=False),
        json.dumps({"id": "a/b", "text": "Текст со слешем в id."}, ensure_ascii=False),
        json.dumps({"id": "a\u0000b", "text": "Текст с NUL в id."}, ensure_ascii=False),
        json.dumps({"id": "a\nb", "text": "Текст с переводом строки в id."},
                   ensure_ascii=False),
        json.dumps({"id": "j_good_2", "text": "-2+3 Завод в Вологде начал выпуск станков.",
                    "title": "+cmd|' /C calc'!A0"}, ensure_ascii=False),
    ]
    put("batch.jsonl", "\n".join(lines) + "\n")
    c.ok["j_good_1"] = RU_SHORT + " Первый."
    c.ok["j_good_2"] = "-2+3 Завод в Вологде начал выпуск станков."
    c.rejected["batch.jsonl:2"] = "invalid JSON"
    c.rejected["batch.jsonl:3"] = "no 'text' field"
    c.rejected["batch.jsonl:4"] = "'text' is not a string"
    c.rejected["batch.jsonl:5"] = "duplicate id"
    c.rejected["batch.jsonl:6"] = "unsafe id"
    c.rejected["batch.jsonl:7"] = "unsafe id"
    c.rejected["batch.jsonl:8"] = "unsafe id"
    c.rejected["batch.jsonl:9"] = "unsafe id"
    return c
