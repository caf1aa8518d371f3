"""Page furniture: the lines a scraped news page wraps around the article.

Pages from regional news sites carry menus and breadcrumbs ("Главная / Новости /
Экономика"), the headline once or twice, dates and view counters ("12 марта 2025, 14:05",
"1 245 просмотров"), "Источник: ...", share buttons, tags, comment and e-mail forms, cookie
notices and "Читайте также" lists with the headlines of OTHER articles. None of it is a
statement of the article, and natasha joins lines without a full stop into the next
sentence, so a menu becomes the "company" of the first sentence and a related headline
("В Тамбовской области построят завод за 12 млрд рублей") becomes a fact.

The rule, on lines (tested in tests/test_furniture.py):

* Lines are grouped into blocks: a line continues into the next when the next one starts
  with a lower-case letter or the line ends with "," ";" "(" "«" or a dash (hard-wrapped
  prose); a blank line always ends a block.
* A text of one block is all article (a one-line text without a full stop is still news).
* A block is article prose when it ends like a sentence (".", "!", "?", "…", optionally
  followed by closing quotes or brackets), or when it is a numbered / bulleted list item
  (digest articles list their news without full stops), or when it ends with ":" and a
  list item follows.
* Everything else is furniture: headlines, menus, dates, counters, buttons, form fields.
* Also furniture whatever their punctuation: attribution and service lines ("Источник:",
  "Фото:", "Автор:", "Теги:", "©", "Читайте также: ...", cookie notices), and the short
  lines (< 150 characters) after a heading of related links ("Читайте также", "Другие
  публикации по теме", "Последние новости", ...) up to a blank line or a longer paragraph.

The text itself is never changed (offsets stay valid); nlp.py drops the furniture from the
sentences the fact finders read.
"""

from __future__ import annotations

import re

from pipeline.rules import lexicon
from pipeline.rules.morph import morph
from pipeline.rules.text import Sentence

_LINE = re.compile(r"^.*$", re.MULTILINE)
_TERMINAL = re.compile(r"[.!?…][\s»\"”’')\]]*$")
_CONTINUES = re.compile(r"[,;(«\-–—]$")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]\s+\S|[•▪●◦]\s*\S)")
def _service_regex() -> str:
    """The service lines of furniture_headings.csv: consecutive labels are one alternative,
    each followed by ":", a dash, "|" or the end of the line."""
    alts: list[str] = []
    labels: list[str] = []
    for r in lexicon.rows("furniture_headings"):
        if r["kind"] == "label":
            labels.append(r["pattern"])
            continue
        if labels:
            alts.append("(?:" + "|".join(labels) + r")\s*(?:[:\-–—|]|$)")
            labels = []
        if r["kind"] == "service":
            alts.append(r["pattern"])
    if labels:
        alts.append("(?:" + "|".join(labels) + r")\s*(?:[:\-–—|]|$)")
    return "^(?:" + "|".join(alts) + ")"


# a heading of links to other articles; the lines below it are their headlines
# (pipeline/data/lexicon/furniture_headings.csv, read on import)
_RELATED = re.compile(
    r"^(?:" + "|".join(lexicon.ordered("furniture_headings", "pattern", kind="related"))
    + r")\s*[:.»]*$", re.IGNORECASE)
# service lines that are furniture even when they end with a full stop
_SERVICE = re.compile(_service_regex(), re.IGNORECASE)
_RELATED_MAX = 150  # a related headline is short; a longer paragraph ends the list
# a bulleted line of a related-links list: when the list is bulleted, the first line
# without a bullet (the article's lead, run on with no blank line) ends it
_LINK_ITEM = re.compile(r"^\s*[-–—•▪●◦*]\s")
_PROSE_WORDS = 15  # a headline or a menu line is shorter than this
_VERB_TAGS = {"VERB", "PRTS"}  # a finite verb or a short participle ("открыт", "запущен")


def _blocks(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, after a blank line) of each block of non-blank lines, hard-wrapped
    lines joined."""
    blocks: list[tuple[int, int, bool]] = []
    open_block: tuple[int, int, bool] | None = None
    blank = False
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            if open_block:
                blocks.append(open_block)
                open_block = None
            blank = True
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        end = m.start() + len(line.rstrip())
        if open_block:
            prev = text[open_block[0]:open_block[1]]
            if stripped[0].islower() or _CONTINUES.search(prev):
                open_block = (open_block[0], end, open_block[2])
                continue
            blocks.append(open_block)
        open_block = (start, end, blank)
        blank = False
    if open_block:
        blocks.append(open_block)
    return blocks


# a unit's abbreviation that ends a headline with a full stop of its own ("… стоимостью 8
# млрд руб.", "… за 2,5 млрд руб.", real news dev r19_040, r17_044)
_ABBREVIATION_END = re.compile(r"\b(?:руб|долл|млн|млрд|тыс|евро)\.$")
# a sentence ending inside the line: the line is a paragraph, not a headline
_INNER_SENTENCE_END = re.compile(r"[.!?…]\s+[А-ЯЁA-Z«\"]")


def _abbreviated_headline(block: str) -> bool:
    """The page's first line is its headline although it ends with a full stop: the stop is
    a unit's abbreviation, and the line holds one sentence (so a sum said in the headline and
    again in the body is one figure, not two)."""
    return "\n" not in block and len(block) < 200 and bool(_ABBREVIATION_END.search(block)) \
        and not _INNER_SENTENCE_END.search(block)


def classify(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every block: `prose` (the article), `service` (attribution and
    service lines, related-links lists and their headings) or `other` (headlines, menus,
    dates, counters, buttons, signatures: furniture unless the caller knows better)."""
    blocks = _blocks(text)
    if len(blocks) <= 1:
        return [(a, b, "prose") for a, b, _ in blocks]
    out = []
    related = first = False
    bulleted: bool | None = None  # whether the related links are bulleted lines
    for k, (a, b, after_blank) in enumerate(blocks):
        block = text[a:b]
        if _RELATED.match(block):
            related, bulleted, first = True, None, True
            out.append((a, b, "service"))
            continue
        # the first link may stand after a blank line below its heading ("Похожие статьи:",
        # a blank line, then the headlines: a fresh real page of session 17)
        if related and len(block) < _RELATED_MAX and (first or not after_blank) \
                and not (bulleted and not _LINK_ITEM.match(block)):
            bulleted = bool(_LINK_ITEM.match(block)) if bulleted is None else bulleted
            first = False
            out.append((a, b, "service"))
            continue
        related = False
        if _SERVICE.match(block):
            out.append((a, b, "service"))
            continue
        nxt = text[blocks[k + 1][0]:blocks[k + 1][1]] if k + 1 < len(blocks) else ""
        if k == 0 and nxt and _abbreviated_headline(block):
            out.append((a, b, "other"))
            continue
        prose = (_TERMINAL.search(block) or _LIST_ITEM.match(block)
                 or (block.endswith(":") and _LIST_ITEM.match(nxt)) or _reads_like_prose(block)
                 or k == len(blocks) - 1 and _cut_paragraph(block))
        out.append((a, b, "prose" if prose else "other"))
    return _lead_in(text, out)


def _lead_in(text: str, out: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The line just before the article's first paragraph is part of the article when it
    opens it with a statement ending in a colon ("Губернатор Ленинградской области Александр
    Дрозденко сегодня заявил:", real news dev r1_032): it says who speaks. A headline stays
    furniture: read as text it restates the body's facts under other names (measured on the
    real dev corpus: officials +2, plants and investments -4)."""
    first = next((k for k, (_, _, kind) in enumerate(out) if kind == "prose"), None)
    if not first:
        return out
    a, b, kind = out[first - 1]
    line = text[a:b]
    if kind == "other" and "\n" not in line and line.endswith(":") and _states_something(line):
        out[first - 1] = (a, b, "prose")
    return out


# a slash of a menu path ("Новости / Экономика", "Главная/Новости"), not of an abbreviation
# ("с/х культур", real news dev r19_040)
_MENU_SLASH = re.compile(r"\s/|/\s|[А-ЯЁA-Z]\w*/[А-ЯЁA-Z]")


def _states_something(line: str) -> bool:
    """A clause: four words or more, upper-case start (after an opening quote: "«Сургутнефтегаз»
    построит в Сургуте новую швейную фабрику", real news dev r16_028), and a verb or a short
    participle."""
    words = re.findall(r"[А-Яа-яЁё]+", line)
    if len(words) < 4 or not line.lstrip("«\"„“")[:1].isupper() or "|" in line or \
            _MENU_SLASH.search(line):
        return False
    return any(morph().parse(w.lower())[0].tag.POS in _VERB_TAGS for w in words)


def _reads_like_prose(block: str) -> bool:
    """A long block of mostly lower-case words is prose even without a full stop at its end:
    an excerpt cut off mid-sentence, a paragraph that lost its stop. Menus, headlines and
    counters are short or Title Case."""
    words = [w for w in block.split() if w[:1].isalpha()]
    return len(words) >= _PROSE_WORDS and sum(w[0].islower() for w in words) >= len(words) / 2


_FULL_SENTENCES = re.compile(r"^.*[а-яё0-9»)][.!?…](?=\s+[А-ЯЁ])", re.S)
_CUT_WORDS = 8  # the full sentences of a cut paragraph: a menu or a masthead line is shorter


def _cut_paragraph(block: str) -> bool:
    """The page's last block, cut off by the excerpt after one or more full sentences that
    read like prose ("В Калужской области построят Мещовский комбинат точного литья. Бюджет
    проекта превышает 50 млрд", real news dev r9_007, r9_013, r1_022): prose. A menu or a
    masthead ("Вступайте в нашу группу «ВКонтакте», …. Под", "Сетевое издание … Учредитель:")
    is short or Title Case."""
    m = _FULL_SENTENCES.match(block)
    if m is None or ":" in m.group():
        return False
    words = [w for w in m.group().split() if w[:1].isalpha()]
    return len(words) >= _CUT_WORDS and sum(w[0].islower() for w in words) >= len(words) / 2


def content_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of the article's prose blocks, in order; the rest is furniture."""
    return [(a, b) for a, b, kind in classify(text) if kind == "prose"]


def furniture_ranges(text: str) -> list[tuple[int, int]]:
    """The complement of `content_ranges` (whitespace included): what the page adds."""
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in content_ranges(text):
        if a > pos:
            out.append((pos, a))
        pos = b
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def without_furniture(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences cut to the article's prose blocks (see furniture.py): natasha runs a
    headline, a menu or a date line into the next sentence, and a list of other articles'
    headlines reads like news; the furniture is dropped, the offsets stay the text's."""
    return _body(text, sentences, classify(text))


def body_and_headline(text: str, sentences: list[Sentence]
                      ) -> tuple[list[Sentence], list[Sentence]]:
    """The sentences of the article (without_furniture) and those of its headline
    (headline_range; none without one), the text's blocks classified once."""
    blocks = classify(text)
    span = _headline(text, blocks)
    return _body(text, sentences, blocks), _cut(text, sentences, [span]) if span else []


def _body(text: str, sentences: list[Sentence], blocks: list[tuple[int, int, str]]
          ) -> list[Sentence]:
    if len(blocks) == 1 and blocks[0][2] == "prose" and not text[:blocks[0][0]].strip() \
            and not text[blocks[0][1]:].strip():
        return sentences  # one block of prose: nothing to cut
    people = [sp.start for s in sentences for sp in s.spans if sp.type == "PER"]
    ranges = [(a, b) for a, b, kind in blocks
              if kind == "prose" or (kind == "other" and _signed(text, a, b, people))]
    return _cut(text, sentences, ranges)


def headline_range(text: str) -> tuple[int, int] | None:
    """The article's own headline: the last one-line block before its first paragraph that
    states something (four words or more with a verb: "Власти Удмуртии собираются построить
    завод «Хмельной оружейник»", real news dev r5_026); a date line, a menu or a counter
    does not. Furniture for every fact finder, it is read apart where the body names a fact
    less plainly than its headline (pipeline/rules/plants.py)."""
    return _headline(text, classify(text))


# a date and time a page prints before its headline on the same line ("26.11.2025 10:15 В
# Москве открылся завод …", "12 марта 2025, 14:05 | …", " date 2025-11-26 …", real news
# dev r8_024, r3_048)
_DATE_PREFIX = re.compile(
    r"\s*(?:date\s+)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|\d{1,2}\s+[а-яё]+\s+\d{4}(?:\s*г(?:ода|\.)?)?)"
    r"(?:[,\s]+(?:в\s+)?\d{1,2}:\d{2})?[\s|•,—–-]+", re.IGNORECASE)


def _headline(text: str, blocks: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The headline before the first paragraph that ends a sentence: a long masthead read as
    prose ("Министерство экономического развития … Чувашской Республики Чăваш …", real
    news dev r9_027) may stand above the headline."""
    prose = [k for k, (a, b, kind) in enumerate(blocks) if kind == "prose"]
    first = next((k for k in prose if _TERMINAL.search(text[blocks[k][0]:blocks[k][1]])),
                 prose[0] if prose else None)
    for a, b, kind in reversed(blocks[:first or 0]):
        if (m := _DATE_PREFIX.match(text, a, b)) and m.end() < b:
            a = m.end()  # the headline after its date
        line = text[a:b]
        if kind == "other" and "\n" not in line and not line.endswith(":") \
                and _states_something(line):
            return a, b
    return None


def _cut(text: str, sentences: list[Sentence], ranges: list[tuple[int, int]]
         ) -> list[Sentence]:
    """The sentences cut to `ranges` (sorted, disjoint), the offsets the text's."""
    out: list[Sentence] = []
    j = 0
    for s in sentences:
        while j < len(ranges) and ranges[j][1] <= s.start:
            j += 1
        i = j
        while i < len(ranges) and ranges[i][0] < s.end:
            a, b = max(s.start, ranges[i][0]), min(s.end, ranges[i][1])
            toks = [t for t in s.tokens if a <= t.start and t.end <= b]
            if toks:
                a, b = toks[0].start, toks[-1].end
                sps = [sp for sp in s.spans if a <= sp.start and sp.end <= b]
                out.append(Sentence(a, b, text[a:b], toks, sps))
            i += 1
    return out


def _signed(text: str, start: int, end: int, people: list[int]) -> bool:
    """A line that opens with a person's name ("— Татьяна Скригонюк, заместитель начальника
    пресс-службы ...", "Кирсан Илюмжинов Президент ФИДЕ") signs a quote or captions a
    photo: it names who holds which post, so it is read although it has no full stop."""
    lead = start + len(text[start:end]) - len(text[start:end].lstrip("—–-«\"' "))
    return any(lead <= p <= lead + 1 for p in people)
