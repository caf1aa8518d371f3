"""Read the input folder into RawDocument records without ever failing on one bad file.

The input folder is written by people and scrapers, so every file is suspect: wrong
encodings, HTML, binaries with a .txt name, hostile JSONL ids. Each problem becomes a
Rejection (in words a user understands) and the rest of the corpus is still read; only a
missing input folder raises.

Decisions (tested in tests/test_ingest.py):

* Files: every ``*.txt`` / ``*.jsonl`` (suffix case-insensitive) under the folder,
  recursively, processed in order of their relative POSIX path. Names starting with "."
  (files and folders, e.g. ``.git``, ``.ipynb_checkpoints``) are skipped.
* ``doc_id`` of a .txt file is its relative path without the extension, with "/"
  replaced by "__" (``2026/01/a.txt`` -> ``2026__01__a``); for top-level files this is the
  file name without extension, as the contract says. A JSONL ``id`` may be a string
  (surrounding whitespace stripped) or an integer. Ids never become paths: see
  ``safe_doc_id``. A later document with an id already seen is rejected
  ("duplicate id ..."), unless its text is identical, then it is a Duplicate.
* ``sha256`` is of the file's raw bytes; for JSONL of the line's raw bytes without the
  line terminator.
* Decoding: UTF-8 (BOM stripped, encoding "utf-8-sig"); UTF-32/UTF-16 with BOM; UTF-16
  without BOM when NUL bytes sit in every other byte; mostly-valid UTF-8 with a few broken
  sequences (e.g. a truncated file) is read with U+FFFD and a warning; otherwise the
  Cyrillic code pages (cp1251, koi8-r, mac-cyrillic, cp866) are scored for Russian
  plausibility, because charset-normalizer confuses them on short texts, and
  charset-normalizer's guess is used only when no Cyrillic reading is plausible.
* NUL bytes: fine inside UTF-16/32; trailing NUL padding is stripped with a warning;
  NUL bytes anywhere else mean a binary or corrupt file and the file is rejected.
  Control characters that survive decoding (e.g. "\\u0000" escapes in JSON) are removed
  with a warning.
* Text: line endings normalised to "\\n", Unicode NFC, lone surrogates replaced,
  surrounding whitespace stripped. HTML markup is converted to text with a warning.
  Latin and Greek look-alike letters inside Russian words ("Архангельcкой" with a Latin
  "c", "завοда" with a Greek omicron) are read as Cyrillic, one letter for one, with a
  warning (pipeline.lookalikes).
* Header ``date YYYY-MM-DD``: stripped; an invalid date or one later than today is
  ignored (published None) with a warning. For JSONL the ``date`` field wins over a header.
* Size limit per document (a file, or one JSONL line): the ``max_bytes`` argument, default
  ``DEFAULT_MAX_DOCUMENT_BYTES`` (2 MB; users set MAX_DOCUMENT_BYTES, see pipeline.config).
  JSONL files are streamed, so the file itself may be larger.
* Duplicates: texts equal after whitespace normalisation -> the first in processing
  order is kept, later ones are recorded as Duplicate.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import math
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from pipeline import lookalikes
from pipeline.config import DEFAULT_MAX_DOCUMENT_BYTES
from pipeline.types import Duplicate, IngestResult, RawDocument, Rejection

STAGE = "ingest"
# A news article is tens of kilobytes; natasha needs ~1 minute per megabyte on one core, so
# a multi-megabyte "article" (a dump, a log) is rejected with a clear reason by default.
MAX_DOCUMENT_BYTES_ENV = "MAX_DOCUMENT_BYTES"
MAX_ID_LENGTH = 200
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)


class DecodeError(ValueError):
    """Raised by decode_bytes; ``reason`` is user-facing text for a Rejection."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------- limits


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _too_large(size: int, limit: int, what: str = "file") -> str:
    return (
        f"{what} too large ({_mb(size)} > {_mb(limit)} limit; "
        f"raise {MAX_DOCUMENT_BYTES_ENV} to read it)"
    )


# --------------------------------------------------------------------------- ids


def safe_doc_id(raw_id: object) -> str | None:
    """Accept only ids that are harmless as labels, because downstream code may log,
    join or even name files by them; None means the document must be rejected."""
    if isinstance(raw_id, bool):
        return None
    if isinstance(raw_id, int):
        try:
            text = str(raw_id)
        except ValueError:  # more digits than Python will convert
            return None
    elif isinstance(raw_id, str):
        text = raw_id.strip()
    else:
        return None
    if not text or len(text) > MAX_ID_LENGTH:
        return None
    if text in {".", ".."} or ".." in text or "/" in text or "\\" in text:
        return None
    for ch in text:
        if unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}:
            return None
    return text


def _show(value: object, limit: int = 60) -> str:
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return repr(text)


def _unsafe_id_reason(raw_id: object) -> str:
    if isinstance(raw_id, bool) or not isinstance(raw_id, int | str):
        return f"'id' must be a string or an integer (got {_json_type(raw_id)})"
    return f"unsafe id {_show(raw_id)}"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


# --------------------------------------------------------------------------- decoding

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"{\\rtf", "RTF document; save it as plain text"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
)
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def _binary_kind(raw: bytes) -> str | None:
    """Name well-known binary formats so the user learns what they put in the folder."""
    for magic, kind in _BINARY_SIGNATURES:
        if raw.startswith(magic):
            return kind
    if raw.startswith(_ZIP_MAGICS):
        head = raw[:4096]
        if b"word/" in head:
            return "ZIP archive: a Word .docx document; save it as plain text"
        if b"xl/" in head:
            return "ZIP archive: an Excel .xlsx workbook"
        if b"opendocument" in head:
            return "ZIP archive: an OpenDocument file; save it as plain text"
        return "ZIP archive"
    if raw.startswith(b"BZh") and raw[4:10] == b"1AY&SY":
        return "bzip2 archive"
    if raw.startswith(b"RIFF") and raw[8:12] in {b"WEBP", b"WAVE", b"AVI "}:
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[raw[8:12]]
    if raw[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    return None


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: same first two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# With the prior for each: cp1251 is by far the most common, Mac Cyrillic nearly extinct.
_CYRILLIC_CODECS = {"cp1251": 0.0, "koi8-r": -0.3, "cp866": -0.6, "mac-cyrillic": -1.0}
_SAMPLE_BYTES = 16 * 1024
_MIN_RUSSIAN_SCORE = -1.0  # below this no Cyrillic reading is believable

# The most frequent Russian letter pairs; a wrong code page turns them into rare pairs.
_RU_BIGRAM_LIST = """
ст но то на ен ов ни ра во ко ос пр ро ал не ре по ли ан ер од от ор ка ль ва ет ол ть
ес те ин ом он ат ит ле ла ло ве ев ие ел та де ри ск ак ых ки ны ам ый ой им ми ди ии
ия ем ей мо ма ме за ду да ог ег ги ий ую ах их ьн сп об бы ча че зо до ся мы ту ру ки
"""
_RU_BIGRAMS = frozenset(_RU_BIGRAM_LIST.split())
_RU_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
# Letter frequencies (%) in Russian prose; as log2 of (frequency / uniform frequency).
_RU_LETTER_FREQ = dict(
    zip(
        "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
        (
            10.97,
            8.45,
            8.01,
            7.35,
            6.70,
            6.26,
            5.47,
            4.73,
            4.54,
            4.40,
            3.49,
            3.21,
            2.98,
            2.81,
            2.62,
            2.01,
            1.90,
            1.74,
            1.70,
            1.65,
            1.59,
            1.44,
            1.21,
            0.97,
            0.94,
            0.73,
            0.64,
            0.48,
            0.36,
            0.32,
            0.26,
            0.04,
            0.04,
        ),
        strict=True,
    )
)
_RU_LETTER_LOGP = {c: math.log2(f / 100 * 33) for c, f in _RU_LETTER_FREQ.items()}
_RU_ONE_LETTER_WORDS = frozenset("авиксуяо")
# Punctuation a wrong Cyrillic code page produces but Russian text hardly uses.
_ODD_PUNCTUATION = frozenset("‚‘‹›‰†‡¤¦¶¬")
_OK_SYMBOLS = frozenset("№°±×·•€₽$%")
_OK_CATEGORIES = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Sc"})
_WORD = re.compile(r"[^\W\d_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _russian_score(text: str) -> tuple[float, int]:
    """(plausibility, Cyrillic words): positive when the text reads like Russian."""
    score = 0.0
    n_cyr = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        cyr = sum(_is_cyrillic(c) for c in word)
        if cyr == 0:
            score -= 0.5  # accented Latin / other scripts: possible, not Russian
            continue
        if cyr != len(word):
            score -= 2.0  # mixed scripts inside one word: a wrong code page
            continue
        n_cyr += 1
        lower = word.lower()
        if len(word) == 1:  # a wrong code page splits words into single letters
            j = match.start() - 1
            while j >= 0 and text[j] in " \t":
                j -= 1
            mid_sentence = j >= 0 and (text[j].isalpha() or text[j] == ",")
            plausible = lower in _RU_ONE_LETTER_WORDS and not (word.isupper() and mid_sentence)
            score += 0.2 if plausible else -0.5
            continue
        if word.islower() or (word[0].isupper() and word[1:].islower()):
            score += 1.0
        else:  # all capitals happen (abbreviations) but rarely; mixed case is a misreading
            score += 0.3 if word.isupper() else -2.0
        score += max(-2.0, sum(_RU_LETTER_LOGP.get(c, -3.0) for c in lower) / len(lower))
        if lower[0] in "ъьы":  # no Russian word starts with these
            score -= 1.0
        score -= sum(c not in _RU_LETTERS for c in lower)
        if len(lower) > 1:
            pairs = [lower[i : i + 2] for i in range(len(lower) - 1)]
            score += sum(p in _RU_BIGRAMS for p in pairs) / len(pairs)
    for i, ch in enumerate(text):
        if ord(ch) < 128 or ch.isalpha():
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalpha() and after.isalpha():
            score -= 3.0  # a symbol inside a word: a letter decoded wrongly
        elif (
            ch in _ODD_PUNCTUATION
            or unicodedata.category(ch)[0] == "S"
            and (before.isalpha() or after.isalpha())
            or ch in "»”"
            and after.isalpha()
            or ch in "«„“"
            and before.isalpha()
            or ch in "–—"
            and (before.isalpha() or after.isalpha())
        ):
            score -= 1.0  # punctuation where Russian text never has it
        elif ch not in _OK_SYMBOLS and unicodedata.category(ch) not in _OK_CATEGORIES:
            score -= 1.0  # box drawing, symbols, control chars: a wrong code page
    return score, n_cyr


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL.findall(text)) / len(text)


def _looks_like_text(text: str) -> bool:
    return _control_share(text) <= 0.01


def _utf16_without_bom(raw: bytes) -> str | None:
    """Name the UTF-16 flavour when every other byte is a "high byte" from a tiny set
    (0x00 for ASCII, 0x04 for Cyrillic) and the other bytes are not NUL."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    half = len(raw) // 2
    pairs = ((raw[1::2], raw[0::2], "utf-16-le"), (raw[0::2], raw[1::2], "utf-16-be"))
    for high, low, encoding in pairs:
        nul = high.count(0)
        others = Counter(high)
        others.pop(0, None)
        commonest = others.most_common(1)[0][1] if others else 0
        if nul >= 0.05 * half and nul + commonest >= 0.9 * half and low.count(0) <= 0.02 * half:
            return encoding
    return None


def _decode(raw: bytes) -> tuple[str, str, list[str]]:
    """decode_bytes plus the non-fatal warnings it produced."""
    warnings: list[str] = []
    kind = _binary_kind(raw)
    if kind:
        raise DecodeError(f"binary file ({kind})")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise DecodeError(
                    f"not valid text in any supported encoding (broken {encoding.upper()})"
                ) from None
            if not _looks_like_text(text):
                raise DecodeError("not valid text in any supported encoding")
            return text, encoding, warnings
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16:
            try:
                text = raw.decode(utf16)
            except UnicodeDecodeError:
                text = ""
            if text and _looks_like_text(text):
                return text, utf16, warnings
        stripped = raw.rstrip(b"\x00")
        if b"\x00" in stripped or not stripped:
            raise DecodeError("contains NUL bytes (binary or corrupt file)")
        warnings.append("trailing NUL bytes removed")
        raw = stripped
    if raw.startswith(codecs.BOM_UTF8):
        body, encoding = raw[len(codecs.BOM_UTF8) :], "utf-8-sig"
    else:
        body, encoding = raw, "utf-8"
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _control_share(text) > 0.1:
            raise DecodeError("binary file (mostly control characters)")
        return text, encoding, warnings
    lenient = body.decode("utf-8", errors="replace")
    n_bad = lenient.count("\ufffd")
    n_multibyte = len(lenient) - len(lenient.encode("ascii", "ignore")) - n_bad
    if n_multibyte >= 10 * n_bad:
        warnings.append(f"{n_bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
        return lenient, encoding, warnings
    return (*_decode_legacy(body), warnings)


def _decode_legacy(raw: bytes) -> tuple[str, str]:
    """Pick the Cyrillic code page whose reading looks most like Russian; scored on a
    sample because the score is pure Python and a file may be megabytes long."""
    sample = raw[:_SAMPLE_BYTES]
    ranked: list[tuple[float, int, str]] = []
    for rank, (encoding, prior) in enumerate(_CYRILLIC_CODECS.items()):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_like_text(text):
            continue
        score, n_cyr = _russian_score(text)
        score += prior
        if n_cyr and score > _MIN_RUSSIAN_SCORE:
            ranked.append((-score, rank, encoding))  # ties: earlier codec is more common
    for _, _, encoding in sorted(ranked):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
    from charset_normalizer import from_bytes  # imported lazily: only for odd files

    guess = from_bytes(raw).best()
    candidates = [guess.encoding] if guess is not None and guess.encoding else []
    candidates.append("cp1252")  # the usual legacy encoding of Western European text
    readings: list[tuple[int, int, str, str]] = []
    for rank, name in enumerate(candidates):
        try:
            encoding = codecs.lookup(name).name
            text = raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        if text and _looks_like_text(text):
            readings.append((_mixed_script_words(text), rank, text, encoding))
    if readings:
        _, _, text, encoding = min(readings)
        return text, encoding
    raise DecodeError("not valid text in any supported encoding")


def _script(ch: str) -> str:
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def _mixed_script_words(text: str) -> int:
    """Words mixing alphabets (``naﺅve``) betray a wrong code page in any language."""
    return sum(len({_script(c) for c in word}) > 1 for word in _WORD.findall(text))


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Turn a document's bytes into text, naming the encoding used; raises DecodeError
    with a user-facing reason when the bytes are not text."""
    text, encoding, _ = _decode(raw)
    return text, encoding


# --------------------------------------------------------------------------- header

_HEADER = re.compile(
    r"\A[\ufeff\s]*date[ \t]*:?[ \t]*(\d{4}-\d{1,2}-\d{1,2})(?![\w-])", re.IGNORECASE
)


def _check_date(token: str, today: date | None, what: str) -> tuple[date | None, list[str]]:
    try:
        year, month, day = (int(part) for part in token.split("-"))
        value = date(year, month, day)
    except ValueError:
        return None, [f"invalid date {token!r} in {what} ignored"]
    if value > (today or date.today()):
        return None, [f"date in the future ({value.isoformat()}) in {what} ignored"]
    return value, []


def split_header(text: str, today: date | None = None) -> tuple[date | None, str, list[str]]:
    """Separate the optional ``date YYYY-MM-DD`` header, because it is metadata, not
    article text, and would otherwise be read as part of the first sentence."""
    match = _HEADER.match(text)
    if not match:
        return None, text, []
    published, warnings = _check_date(match.group(1), today, "header")
    return published, text[match.end() :].lstrip(), warnings


# --------------------------------------------------------------------------- HTML

_HTML_TAG = re.compile(
    r"<\s*/?\s*(?:!doctype|html|head|body|div|p|br|span|a|b|i|u|em|strong|script|style|"
    r"table|tr|td|th|ul|ol|li|h[1-6]|article|section|header|footer|nav|main|meta|link|"
    r"title|img|blockquote|pre|code|figure|figcaption)\b[^<>]*>",
    re.IGNORECASE,
)
_BLOCK_TAG_LIST = """p div h1 h2 h3 h4 h5 h6 li ul ol tr table article section header footer
nav main blockquote pre figure figcaption dd dt dl"""
_BLOCK_TAGS = frozenset(_BLOCK_TAG_LIST.split())
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})


def looks_like_html(text: str) -> bool:
    return _HTML_TAG.search(text) is not None


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def strip_html(text: str) -> tuple[str, str | None]:
    """Keep the words of an HTML page and drop markup, scripts and styles; returns
    (text, <title> or None)."""
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    body = "".join(parser.parts).replace("\xa0", " ")
    body = re.sub(r"[ \t]*\n[ \t]*", "\n", body)
    body = re.sub(r"[ \t]{2,}", " ", body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    title = " ".join("".join(parser.title_parts).split()) or None
    return body, title


# --------------------------------------------------------------------------- text

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean_text(text: str, warnings: list[str]) -> str:
    text = _NEWLINES.sub("\n", text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append("invalid characters (lone surrogates) replaced")
    text = text.replace("\ufeff", "")
    n_control = len(_CONTROL.findall(text))
    if n_control:
        text = _CONTROL.sub("", text)
        warnings.append(f"{n_control} control character(s) removed")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text, fixed = lookalikes.fold(text)
    if fixed:
        warnings.append(f"{fixed} Latin or Greek letter(s) inside Cyrillic words read as "
                        "Cyrillic")
    return text


def _dedupe_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _build_document(
    *,
    doc_id: str,
    source: str,
    sha256: str,
    text: str,
    encoding: str,
    warnings: list[str],
    today: date | None,
    field_date: date | None = None,
    title: str | None = None,
    url: str | None = None,
) -> RawDocument | Rejection:
    """Shared tail of .txt and JSONL reading so both follow the same text rules."""
    warnings = list(warnings)
    text = _NEWLINES.sub("\n", text)
    published, body, header_warnings = split_header(text, today)
    had_header = len(body) != len(text)
    warnings.extend(header_warnings)
    if field_date is not None:
        if published is not None and published != field_date:
            warnings.append(
                f"header date {published.isoformat()} differs from the 'date' field; field used"
            )
        published = field_date
    body = _clean_text(body, warnings)
    if looks_like_html(body):
        try:
            body, html_title = strip_html(body)
        except Exception as exc:  # html.parser is lenient; never lose a document to it
            warnings.append(f"HTML could not be parsed, kept as is ({exc})")
        else:
            warnings.append("HTML markup stripped")
            title = title or html_title
    body = body.strip()
    if not body:
        reason = "only a date header, no text" if had_header else "only whitespace"
        return Rejection(source=source, reason=reason, stage=STAGE, doc_id=doc_id)
    if not any(ch.isalpha() for ch in body):
        return Rejection(source=source, reason="no text (no letters)", stage=STAGE, doc_id=doc_id)
    return RawDocument(
        doc_id=doc_id,
        text=body,
        source=source,
        sha256=sha256,
        published=published,
        title=title,
        url=url,
        encoding=encoding,
        warnings=tuple(warnings),
    )


# --------------------------------------------------------------------------- files


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()


def _display(rel: str) -> str:
    """File names that are not valid UTF-8 arrive with surrogate escapes; show them
    escaped so the report itself can always be written."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _check_path(path: Path, root: Path, limit: int) -> str | None:
    """Reason not to open the file, or None; checks before reading so a FIFO, a huge
    file or a link to /etc is never read."""
    try:
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                return "broken symlink (target missing)"
            if not target.is_relative_to(root.resolve()):
                return "symlink pointing outside the input folder (not followed)"
        info = path.stat()
    except PermissionError:
        return "permission denied"
    except FileNotFoundError:
        return "file disappeared while reading"
    except OSError as exc:
        return f"cannot read file ({exc.strerror or exc})"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > limit:
        return _too_large(info.st_size, limit)
    return None


def _read_limited(path: Path, limit: int) -> bytes | str:
    """File bytes, or a rejection reason."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except PermissionError:
        return "permission denied"
    except FileNotFoundError:
        return "file disappeared while reading"
    except OSError as exc:
        return f"cannot read file ({exc.strerror or exc})"
    if len(raw) > limit:
        return _too_large(len(raw), limit)
    return raw


def _source_of(path: Path, root: Path) -> tuple[str, str, Rejection | None]:
    """(relative path, its printable form, a rejection when the name is not UTF-8)."""
    rel = _relative(path, root)
    source = _display(rel)
    if source != rel:
        return rel, source, Rejection(source, "file name is not valid UTF-8; rename the file",
                                      STAGE)
    return rel, source, None


def read_text_file(
    path: Path, root: Path, *, max_bytes: int | None = None, today: date | None = None
) -> tuple[list[RawDocument], list[Rejection]]:
    """Read one article file; a list so both readers share one shape."""
    limit = max_bytes or DEFAULT_MAX_DOCUMENT_BYTES
    rel, source, bad_name = _source_of(path, root)
    if bad_name:
        return [], [bad_name]
    raw_id = rel[: rel.rfind(".")].replace("/", "__")
    doc_id = safe_doc_id(raw_id)
    if doc_id is None:
        return [], [Rejection(source, f"unsafe id {_show(raw_id)} (rename the file)", STAGE)]

    def reject(reason: str) -> tuple[list[RawDocument], list[Rejection]]:
        return [], [Rejection(source=source, reason=reason, stage=STAGE, doc_id=doc_id)]

    problem = _check_path(path, root, limit)
    if problem:
        return reject(problem)
    raw = _read_limited(path, limit)
    if isinstance(raw, str):
        return reject(raw)
    if not raw:
        return reject("empty file")
    try:
        text, encoding, warnings = _decode(raw)
    except DecodeError as exc:
        return reject(exc.reason)
    result = _build_document(
        doc_id=doc_id,
        source=source,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=text,
        encoding=encoding,
        warnings=warnings,
        today=today,
    )
    if isinstance(result, Rejection):
        return [], [result]
    return [result], []


def _jsonl_lines(path: Path, limit: int) -> Iterator[tuple[int, bytes | str, str | None]]:
    """Yield (line number, raw line without terminator or a reason, fixed encoding);
    streamed so a big JSONL file is not held in memory."""
    with path.open("rb") as handle:
        head = handle.read(4)
        for bom, encoding in _BOMS:
            if head.startswith(bom):
                data = head + handle.read(limit + 1 - len(head))
                if len(data) > limit:
                    yield 0, _too_large(len(data), limit), None
                    return
                try:
                    text = data[len(bom) :].decode(encoding)
                except UnicodeDecodeError:
                    yield 0, f"not valid {encoding.upper()} text", None
                    return
                for number, line in enumerate(text.split("\n"), start=1):
                    yield number, line.rstrip("\r").encode(encoding), encoding
                return
        kind = _binary_kind(head + handle.read(4092))
        if kind:
            yield 0, f"binary file ({kind})", None
            return
        handle.seek(0)
        number = 0
        while True:
            line = handle.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith(b"\n"):
                size = len(line)
                while line and not line.endswith(b"\n"):
                    line = handle.readline(1 << 20)
                    size += len(line)
                yield number, _too_large(size, limit, "line"), None
                continue
            yield number, line.rstrip(b"\r\n"), None


def _optional_str(obj: dict, key: str, warnings: list[str]) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        warnings.append(f"'{key}' is not a string; ignored")
        return None
    value = " ".join(_SURROGATE.sub("\ufffd", value).split())
    return value or None


def _parse_jsonl_line(
    line: bytes, fixed_encoding: str | None, source: str, prefix: str, today: date | None
) -> RawDocument | Rejection:
    def reject(reason: str, doc_id: str | None = None) -> Rejection:
        return Rejection(source=source, reason=prefix + reason, stage=STAGE, doc_id=doc_id)

    warnings: list[str] = []
    if fixed_encoding:
        line_text, encoding = line.decode(fixed_encoding), fixed_encoding
    else:
        try:
            line_text, encoding, warnings = _decode(line)
        except DecodeError as exc:
            return reject(exc.reason)
    try:
        obj = json.loads(line_text, strict=False)  # tolerate raw tabs
    except json.JSONDecodeError as exc:
        return reject(f"invalid JSON: {exc.msg} (column {exc.colno})")
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        return reject(f"invalid JSON: {reason}")
    if not isinstance(obj, dict):
        return reject(f"not a JSON object (got {_json_type(obj)})")
    if obj.get("id") is None:
        return reject("no 'id' field")
    doc_id = safe_doc_id(obj["id"])
    if doc_id is None:
        return reject(_unsafe_id_reason(obj["id"]))
    if "text" not in obj or obj["text"] is None:
        return reject("no 'text' field", doc_id)
    text = obj["text"]
    if not isinstance(text, str):
        return reject(f"'text' is not a string (got {_json_type(text)})", doc_id)
    if not text:
        return reject("empty text", doc_id)
    field_date = None
    raw_date = obj.get("date")
    if raw_date is not None:
        if isinstance(raw_date, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", raw_date[:10]):
            field_date, date_warnings = _check_date(raw_date[:10], today, "'date' field")
            warnings.extend(date_warnings)
        else:
            warnings.append(f"invalid date {_show(raw_date)} in 'date' field ignored")
    title = _optional_str(obj, "title", warnings)
    url = _optional_str(obj, "url", warnings)
    return _build_document(
        doc_id=doc_id,
        source=source,
        sha256=hashlib.sha256(line).hexdigest(),
        text=text,
        encoding=encoding,
        warnings=warnings,
        today=today,
        field_date=field_date,
        title=title,
        url=url,
    )


def read_jsonl_file(
    path: Path, root: Path, *, max_bytes: int | None = None, today: date | None = None
) -> tuple[list[RawDocument], list[Rejection]]:
    """Read one article per line; a bad line is rejected alone, its neighbours are kept."""
    limit = max_bytes or DEFAULT_MAX_DOCUMENT_BYTES
    _rel, source, bad_name = _source_of(path, root)
    if bad_name:
        return [], [bad_name]
    problem = _check_path(path, root, limit=1 << 62)  # the limit applies per line
    if problem:
        return [], [Rejection(source, problem, STAGE)]
    documents: list[RawDocument] = []
    rejected: list[Rejection] = []
    seen_content = False
    try:
        for number, line, fixed_encoding in _jsonl_lines(path, limit):
            if isinstance(line, str):
                where = source if number == 0 else f"{source}:{number}"
                prefix = "" if number == 0 else f"line {number}: "
                rejected.append(Rejection(where, prefix + line, STAGE))
                seen_content = True
                continue
            if number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            seen_content = True
            prefix = f"line {number}: "
            result = _parse_jsonl_line(line, fixed_encoding, f"{source}:{number}", prefix, today)
            if isinstance(result, Rejection):
                if not result.reason.startswith(prefix):
                    result = replace(result, reason=prefix + result.reason)
                rejected.append(result)
            else:
                documents.append(result)
    except PermissionError:
        rejected.append(Rejection(source, "permission denied", STAGE))
    except OSError as exc:
        rejected.append(Rejection(source, f"cannot read file ({exc.strerror or exc})", STAGE))
    if not seen_content and not rejected:
        try:
            empty = path.stat().st_size == 0
        except OSError:
            empty = True
        reason = "empty file" if empty else "no documents (only blank lines)"
        rejected.append(Rejection(source, reason, STAGE))
    return documents, rejected


# --------------------------------------------------------------------------- folder


FileResult = tuple[list[RawDocument], list[Rejection]]
# (relative path, path, kind, read) -> the file's result; `read` reads the file itself.
FileCache = Callable[[str, Path, str, Callable[[], FileResult]], FileResult]


def read_file(
    path: Path, root: Path, kind: str, *, max_bytes: int | None = None, today: date | None = None
) -> FileResult:
    """The per-file unit of read_corpus, kept separate so a cache can wrap it: its result
    depends only on this file, its path under `root`, the size limit and `today`."""
    reader = read_text_file if kind == "txt" else read_jsonl_file
    return reader(path, root, max_bytes=max_bytes, today=today)


def _walk(root: Path) -> tuple[list[tuple[str, Path, str]], list[tuple[str, Rejection]]]:
    """Candidate files as (relative path, path, kind) plus folder-level rejections."""
    files: list[tuple[str, Path, str]] = []
    problems: list[tuple[str, Rejection]] = []
    root_resolved = root.resolve()

    def on_error(exc: OSError) -> None:
        rel = _display(_relative(Path(exc.filename or root), root))
        reason = (
            "permission denied (folder not read)"
            if isinstance(exc, PermissionError)
            else f"cannot read folder ({exc.strerror or exc})"
        )
        problems.append((rel, Rejection(rel, reason, STAGE)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=False):
        base = Path(dirpath)
        kept_dirs = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            full = base / name
            if full.is_symlink():
                # Never descend into linked folders: a link inside points at files read
                # anyway (and may loop); a link outside is reported.
                try:
                    target = full.resolve(strict=True)
                except (OSError, RuntimeError):
                    continue
                if not target.is_relative_to(root_resolved):
                    rel = _display(_relative(full, root))
                    problems.append(
                        (
                            rel,
                            Rejection(
                                rel,
                                "symlink pointing outside the input folder (not followed)",
                                STAGE,
                            ),
                        )
                    )
                continue
            kept_dirs.append(name)
        dirnames[:] = kept_dirs
        for name in filenames:
            if name.startswith("."):
                continue
            lower = name.lower()
            if lower.endswith(TEXT_SUFFIXES):
                kind = "txt"
            elif lower.endswith(JSONL_SUFFIXES):
                kind = "jsonl"
            else:
                continue
            full = base / name
            files.append((_relative(full, root), full, kind))
    return files, problems


def read_corpus(
    seeds_dir: Path,
    *,
    max_bytes: int | None = None,
    today: date | None = None,
    file_cache: FileCache | None = None,
) -> IngestResult:
    """Read every document in the input folder; bad documents are reported, not fatal.

    `file_cache` (see ingest_cache.py) may answer per-file reads from an earlier build; the
    walk and the cross-file dedupe run every time because they depend on other files."""
    root = Path(seeds_dir)
    if not root.exists():
        raise FileNotFoundError(f"input folder not found: {root}")
    if not root.is_dir():
        raise NotADirectoryError(f"input folder is not a folder: {root}")
    limit = max_bytes or DEFAULT_MAX_DOCUMENT_BYTES
    files, problems = _walk(root)
    entries: list[tuple[str, Path | Rejection, str]] = [(r, p, k) for r, p, k in files]
    entries += [(rel, rejection, "problem") for rel, rejection in problems]
    entries.sort(key=lambda entry: entry[0])

    result = IngestResult()
    seen_ids: dict[str, tuple[str, str]] = {}  # doc_id -> (source, dedupe key)
    seen_texts: dict[str, str] = {}  # dedupe key -> doc_id kept
    for rel, item, kind in entries:
        if isinstance(item, Rejection):
            result.rejected.append(item)
            continue

        def read(path: Path = item, kind: str = kind) -> FileResult:
            return read_file(path, root, kind, max_bytes=limit, today=today)

        try:
            if file_cache is None:
                documents, rejected = read()
            else:  # an exception from read() passes through the cache, which stores nothing
                documents, rejected = file_cache(rel, item, kind, read)
        except Exception as exc:  # last resort: one file must never stop the corpus
            source = _display(_relative(item, root))
            documents, rejected = [], [Rejection(source, f"unexpected error: {exc!r}", STAGE)]
        result.rejected.extend(rejected)
        for doc in documents:
            key = _dedupe_key(doc.text)
            if doc.doc_id in seen_ids:
                first_source, first_key = seen_ids[doc.doc_id]
                if first_key == key:
                    result.duplicates.append(Duplicate(doc.doc_id, doc.source, doc.doc_id))
                else:
                    result.rejected.append(
                        Rejection(
                            doc.source,
                            f"duplicate id {_show(doc.doc_id)} (first seen at {first_source})",
                            STAGE,
                            doc.doc_id,
                        )
                    )
                continue
            seen_ids[doc.doc_id] = (doc.source, key)
            if key in seen_texts:
                result.duplicates.append(Duplicate(doc.doc_id, doc.source, seen_texts[key]))
                continue
            seen_texts[key] = doc.doc_id
            result.documents.append(doc)
    return result
