"""The rules' memos (issue 20, speed) answer what the uncached code answers, and forget what
an edited word list changed: a memo may make a parse faster, never different.

Every sentence and word here was written for the tests.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pymorphy3
import pytest

from pipeline.rules import dates, lexicon, plants
from pipeline.rules.memo import memo_object
from pipeline.rules.morph import MemoAnalyzer, morph
from pipeline.rules.text import Span, Token

WORDS = ["заводов", "стали", "построят", "будет", "Калуге", "занимающихся", "свинокомплекс",
         "ООО", "2025", "Abc", "приостановится", "сидений", "ё", ""]


@pytest.fixture(scope="module")
def plain() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


def _plain(parses: list) -> list:
    """Parses comparable across analyzers (each has its own unit objects)."""
    return [(*p[:4], repr(p.methods_stack)) for p in parses]


def test_memoised_parses_are_pymorphys(plain):
    m = morph()
    assert isinstance(m, MemoAnalyzer)
    for word in WORDS * 2:  # the second round is answered from the memo
        assert _plain(m.parse(word)) == _plain(plain.parse(word)), word


def test_a_caller_editing_its_parses_does_not_edit_the_memo():
    m = morph()
    first = m.parse("заводов")
    first.clear()
    assert m.parse("заводов") and m.parse("заводов") is not m.parse("заводов")


def test_memoised_parses_inflect_as_pymorphys(plain):
    got = morph().parse("заводов")[0].inflect({"nomn"})
    assert got is not None and got.word == plain.parse("заводов")[0].inflect({"nomn"}).word


def _verb_lemma_uncached(tok: Token, analyzer: pymorphy3.MorphAnalyzer) -> str:
    for parse in analyzer.parse(tok.text.lower()):
        if parse.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND"):
            return parse.normal_form.replace("ё", "е")
    return tok.lemma.replace("ё", "е")


@pytest.mark.parametrize("text,lemma", [
    ("занимающихся", "заниматься"), ("Возобновят", "возобновить"), ("завод", "завод"),
    ("приостановится", "приостановится"), ("Берёзовский", "берёзовский"), ("ёлка", "ёлка"),
])
def test_verb_lemma_is_the_uncached_one(plain, text, lemma):
    tok = Token(0, len(text), text, "VERB", lemma)
    assert plants._verb_lemma(tok) == _verb_lemma_uncached(tok, plain)
    assert plants._verb_lemma(tok) == _verb_lemma_uncached(tok, plain)  # from the memo


def test_future_form_is_pymorphys_first_parse(plain):
    for word in ("будет", "будут", "был", "есть"):
        assert plants._future_form(word) == ("futr" in plain.parse(word)[0].tag)


def test_an_edited_compound_stop_is_read_through_the_memo(tmp_path: Path):
    """_compound_base is memoised: re-reading the lexicon must forget its answers."""
    assert plants._compound_base("свинокомплекс") == "комплекс"
    original = lexicon.LEXICON_DIR
    copy = tmp_path / "lexicon"
    shutil.copytree(original, copy)
    with (copy / "plant_words.csv").open("a", encoding="utf-8") as fh:
        fh.write("свино,compound_stop,written for the tests\n")
    try:
        lexicon.LEXICON_DIR = copy
        lexicon.rows.cache_clear()
        plants.load_lexicon()
        assert plants._compound_base("свинокомплекс") is None
    finally:
        lexicon.LEXICON_DIR = original
        lexicon.rows.cache_clear()
        plants.load_lexicon()
    assert plants._compound_base("свинокомплекс") == "комплекс"


DATED = [
    "Завод построят в 2026 году.", "С 2019 по 2024 год выпуск вырос.", "В 2025–2027 годах.",
    "Открытие 15 марта.", "Запуск в марте, сегодня подписан договор.", "Вчера завод встал.",
    "За последние пять лет вложено 3 млрд рублей.", "В ближайшие 3 года завод расширят.",
    "В этом году цех откроют.", "Срок: 01.02.2026, затем 2026-03-04.", "Без дат и цифр.",
    "Цех №5 и линия 12 запущены 1-го апреля.", "до 2030 г. и к 2031 году", "",
    "ЗА ПОСЛЕДНИЙ ГОД и за прошлые пять ЛЕТ", "в следующем году, на ближайшие два года",
]


@pytest.mark.parametrize("published", [None, date(2025, 6, 1)])
def test_date_patterns_skipped_for_want_of_digits_find_nothing(monkeypatch, published):
    """find_dates and find_periods skip their patterns with a year or a day number on a
    text without one, and the relative periods on a text without "год" or "лет": with no
    skipping they find the same."""
    def scanned() -> list:
        for fn in (dates._date_matches, dates._period_matches,
                   dates._relative_period_matches):
            fn.cache_clear()  # the patterns' matches are memoised per text
        return [(dates.find_dates.uncached(t, published),
                 dates.find_periods.uncached(t, published)) for t in DATED]

    fast = scanned()
    monkeypatch.setattr(dates, "_FOUR_DIGITS", re.compile(""))
    monkeypatch.setattr(dates, "_DIGIT", re.compile(""))
    monkeypatch.setattr(dates, "_YEAR_WORD", re.compile(""))
    slow = scanned()
    assert fast == slow
    assert any(d for d, _ in fast) and any(p for _, p in fast)


def test_memo_object_answers_by_identity_not_by_equality():
    calls: list[object] = []

    @memo_object
    def size(obj: list, extra: int = 0) -> int:
        calls.append(obj)
        return len(obj) + extra

    a, b = [1, 2], [1, 2]
    assert size(a) == size(a) == 2 and len(calls) == 1  # the second from the memo
    assert size(b) == 2 and len(calls) == 2  # an equal object is asked again
    a.append(3)  # (rules never change a sentence; the memo would not see it)
    assert size(a, 1) == 4 and len(calls) == 3  # other arguments, another entry
    size.cache_clear()
    assert size(a) == 3 and len(calls) == 4


def test_a_sentence_status_is_the_uncached_one():
    """_stated_status is memoised per sentence: every sentence of a text gets its own."""
    from pipeline.runtime.nlp import analyze

    analyzed = analyze("В Туле построят завод. Вчера в Калуге открыли цех. Завод закрыт. "
                       "Рассматривали ситуацию на предприятиях: ЗАО «Альфа», ОАО «Бета».")
    got = [plants.sentence_status(s) for s in analyzed.sentences]
    plants._stated_status.cache_clear()
    want = [plants.sentence_status(s) for s in analyzed.sentences]  # from a cold memo
    assert [plants._stated_status(s) for s in analyzed.sentences] == \
        [plants._stated_status.uncached(s) for s in analyzed.sentences]
    # an undated plan is announced (the session-14 status convention)
    assert got[:3] == ["announced", "launched", "closed"] and got == want


@pytest.mark.parametrize("word,grams", [
    ("заводов", {"nomn"}), ("управляющим", {"nomn", "sing", "masc"}), ("стали", {"sing"}),
    ("консервных", {"nomn", "plur"}), ("Калуге", {"nomn"}), ("сидений", {"nomn", "plur"}),
])
def test_memoised_inflections_are_pymorphys(plain, word, grams):
    for _ in range(2):  # the second from the memo
        got = [p.inflect(grams) for p in morph().parse(word)]
        want = [p.inflect(grams) for p in plain.parse(word)]
        assert [g and g.word for g in got] == [w and w.word for w in want]
        assert [g and str(g.tag) for g in got] == [w and str(w.tag) for w in want]



def _org(text: str, normal: str | None = None) -> Span:
    return Span(0, len(text), "ORG", text, normal or text)


def test_is_company_is_the_uncached_answer():
    from pipeline.rules import context
    from pipeline.rules.gazetteer import get_gazetteer

    spans = [_org("АО «Молком»", "АО «Молком»"), _org("ТАСС"), _org("ОЭЗ «Липецк»"),
             _org("СВЕРДЛОВСКАЯ ОБЛАСТЬ"), _org("Минпромторг"), _org("Фонд развития Ч"),
             Span(0, 4, "PER", "Иван", "Иван")]
    want = [s.type == "ORG" and context._is_company.__wrapped__(s, get_gazetteer())
            for s in spans]
    assert [context.is_company(s) for s in spans] == want == \
        [context.is_company(s) for s in spans]  # the second round from the memo
    assert want[0] and not any(want[1:])


def test_is_company_asks_the_region_index_of_the_aliases_in_use(tmp_path):
    """A town in capitals is a dateline, no company: an alias file that makes a name a town
    changes the memoised answer."""
    import csv

    from pipeline.rules import context
    from pipeline.rules import gazetteer as gz

    span = _org("БОБРУЙСК")
    assert context.is_company(span)
    aliases = tmp_path / "aliases.csv"
    shutil.copy(gz.ALIASES_FILE, aliases)
    with aliases.open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow(["Бобруйск", "RU-KEM", "city: written for the tests"])
    gz.use_aliases(aliases)
    try:
        assert not context.is_company(span)
    finally:
        gz.use_aliases(None)
        gz.clear_cache()
    assert context.is_company(span)


@pytest.mark.parametrize("text", [
    "Завод будет построен в 2026 году.", "Планируют открыть цех.", "Цех открыли вчера.",
    "Компания построит завод.", "Будут открыты две линии.", "Завод был и есть.",
])
def test_speaks_of_future_as_the_window_test_read_it(text):
    from pipeline.runtime.nlp import analyze

    toks = analyze(text).sentences[0].tokens
    old = any((t.feats.get("Tense") == "Fut" and t.pos in ("VERB", "AUX"))
              or t.lemma.replace("ё", "е") in plants._FUTURE_LEMMAS
              or plants._future_aux(toks, k + 1) for k, t in enumerate(toks))
    assert plants._speaks_of_future(toks) == old


@pytest.mark.parametrize("text", [
    "Завод в Тoмске (Latin o) и ОOO «Вектор»", "завοд (Greek omicron)",
    "Инвестиции составят 5 млрд рублей.",
    "Bridgestone вложил", "Дело № 12", "", "ЁЛКА и ёлка", "СТРОИТЕЛЬСТВО ЗАВОДА ABC",
])
def test_cue_text_is_the_substitution(text):
    """cue_text returns a text without look-alike letters as it is: the same as the
    substitution it skips."""
    from pipeline import lookalikes
    from pipeline.rules import investments

    assert investments.cue_text(text) == lookalikes.substitute(text)[0]


def test_the_gazetteers_word_key_is_memoised_and_the_same():
    from pipeline.rules import gazetteer

    for word in ("Санкт-Петербург", "КАЛУГА", "Ростов‑на‑Дону", "ёлки"):
        assert gazetteer._norm(word) == gazetteer._norm.__wrapped__(word) == \
            word.lower().translate(gazetteer._HYPHENS)


def test_a_records_attrs_are_json_dumps_text():
    import json

    from pipeline.runtime import document

    for attrs in ({"b": 1, "a": "Ёлка «X»", "d": date(2025, 6, 1), "n": None, "f": 1.5,
                   "l": [1, {"z": 2, "y": float("nan")}]}, {}, None):
        rec = document._record("d", "plant", 0, 0, 1, "x", None, attrs)
        assert rec["attrs"] == json.dumps(attrs or {}, ensure_ascii=False, sort_keys=True,
                                          default=document._json_default)


def test_one_scan_of_a_text_serves_every_date_of_publication():
    """find_dates and find_periods share the patterns' matches of a text between dates of
    publication: each answer is the one of a fresh scan."""
    pubs = [None, date(2000, 1, 1), date(2025, 6, 1), date(2026, 1, 5)]
    shared = [(dates.find_dates.uncached(t, p), dates.find_periods.uncached(t, p))
              for t in DATED for p in pubs]
    fresh = []
    for t in DATED:
        for p in pubs:
            for fn in (dates._date_matches, dates._relative_date_matches,
                       dates._period_matches, dates._relative_period_matches):
                fn.cache_clear()
            fresh.append((dates.find_dates.uncached(t, p), dates.find_periods.uncached(t, p)))
    assert shared == fresh
    assert any(d for d, _ in shared[2::4]) and any(p for _, p in shared[2::4])


# Written for the tests: outlets, supply verbs and programmes around a place name.
OUTLET_TEXTS = [
    "Об этом пишет «РБК Краснодар». В Краснодаре открыли завод.",
    "передает РИА Крым, в Крыму построят цех", "ИА REGNUM, с 16 марта в Республике Коми",
    "Телеканал «Кубань 24» сообщил: на Кубани запустили линию.",
    "ее доставляют и на Кубань, а поставки в Москву растут", "Интерфакс-Урал: в Перми",
    "Волжский.ру сообщает, что в Волжском\nоткрыт цех", "Татар-информ: в Казани завод",
    "ФРП «Проекты развития» и ТОР «Столица Арктики», ТОСЭР «Кировск», СПИК", "",
]


def _words_as_regions(text: str) -> list:
    from pipeline.rules.gazetteer import RegionMention, get_gazetteer

    region = get_gazetteer().all_regions()[0]
    return [RegionMention(m.start(), m.end(), m.group(), region, via, frozenset())
            for m in re.finditer(r"\w+", text) for via in ("city", "adjective")]


def test_outlet_and_destination_shortcuts_answer_as_the_full_scans():
    """_in_outlet tries an outlet's name only where one may start, _destination scans only
    a window ending in "в"/"на": each word taken as a region, the full scans agree."""
    from pipeline.rules import context

    def outlet_scan(text: str, m) -> bool:  # _in_outlet without _outlet_may_hold
        if context._MEDIA_BEFORE.search(text, max(0, m.start - 40), m.start):
            return True
        line = text.rfind("\n", 0, m.start) + 1
        return any(o.start() <= m.start and m.end <= o.end()
                   and context._NAME_START.fullmatch(text, o.start(), m.start)
                   and "\n" not in o.group(0)
                   for o in context._MEDIA_NAME.finditer(text, max(line, m.start - 40),
                                                         m.end + 40)
                   if o.start() == 0 or not text[o.start() - 1].isalnum())

    seen = set()
    for text in OUTLET_TEXTS:
        for m in _words_as_regions(text):
            got = context._in_outlet(text, m)
            assert got == outlet_scan(text, m), (text, m.text)
            seen.add(got)
            before = context._SUPPLY_BEFORE.search(text[max(0, m.start - 80):m.start].lower())
            if before is None:
                assert not context._destination(text, m), (text, m.text)
    assert seen == {True, False}


def test_programmes_are_the_uncached_ones_in_a_fresh_set():
    from pipeline.rules import context

    for text in OUTLET_TEXTS:
        got = context.find_programs(text)
        assert got == set(context._programs_named.uncached(text))
        got.add("edited by a caller")
        assert "edited by a caller" not in context.find_programs(text)
    assert len(context.find_programs(OUTLET_TEXTS[-2])) >= 2


def test_a_text_normalised_at_once_is_its_words_normalised():
    from pipeline.rules import gazetteer as gz

    for text in [*OUTLET_TEXTS, "Ёлка‐Пал‑ки, İstanbul и Усть‑Илимск"]:
        assert gz._norm_text(text) == text.lower().translate(gz._HYPHENS)


def test_sentence_memos_are_the_uncached_answers():
    """sentence_dates_plan and _tells_history are memoised per sentence (and date)."""
    from pipeline.runtime.nlp import analyze

    analyzed = analyze("В 2026 году построят завод. Завод запущен в 2010 году. "
                       "Цех откроют до конца года. Предприятие заработало десять лет назад.")
    for published in (None, date(2025, 6, 1)):
        for s in analyzed.sentences:
            for fn in (plants.sentence_dates_plan, plants._tells_history):
                assert fn(s, published) == fn.uncached(s, published) == fn(s, published)


@pytest.mark.parametrize("text", [
    "две тысячи сто двадцать с половиной рублей", "ПЯТЬ миллионов и три с половиной",
    "три, четыре  и пять-шесть 8 800 555-35-35 десяти тыс. рублей", "İstanbul: 5 тыс. и два",
    "Ёмкость — сорок две тонны, 1 500 000 рублей", "с половиной", "",
])
def test_numbers_read_from_the_text_normalised_once_are_the_words_own(text):
    """numbers._tokens slices each word from the text normalised once, unless a letter
    ("İ") or "Σ" would lower differently alone: both ways read the same numbers (a "Σ"
    added after the text turns the slicing off)."""
    from pipeline.rules import numbers

    def read(t: str) -> list:
        return [(n.start, n.end, n.text, n.value) for n in numbers.find_numbers.uncached(t)]

    assert read(text) == read(text + " Σ")
