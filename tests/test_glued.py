"""Words glued by page extraction ("натрех", "иАткарском", "до1800") are split for the NLP,
and the records still quote the page as it was (rules/glued.py, runtime/document.py).

Every sentence here was written for the tests, after the kinds of glue seen on a real page
(real news dev r13_018)."""

from __future__ import annotations

import json

import pytest

from pipeline.rules.glued import GluedView, split_glued
from pipeline.runtime.document import extract_document, nlp_view
from pipeline.runtime.nlp import get_analyzer
from pipeline.types import RawDocument

# a page that lost its spaces around inline markup (written for the tests)
GLUED = ("ВКурской области компания «Агросила» построит завод попроизводству сыра. "
         "Обэтом сообщил губернатор. Проект реализуют натрех площадках, атакже "
         "запустят линию вчерте города. Мощность вырастет с1200 до1500 тонн всутки.")


def _view(text: str) -> GluedView:
    return split_glued(text, get_analyzer().in_vocab)


def test_a_glued_page_is_split_after_its_short_words() -> None:
    view = _view(GLUED)
    assert view.text == (
        "В Курской области компания «Агросила» построит завод по производству сыра. "
        "Об этом сообщил губернатор. Проект реализуют на трех площадках, а также "
        "запустят линию в черте города. Мощность вырастет с 1200 до 1500 тонн в сутки.")
    assert "".join(view.text[i] for i in view.inserted) == " " * len(view.inserted)


@pytest.mark.parametrize(("text", "expected"), [
    ("Заводы в Балаковском иАткарском районах.", "Заводы в Балаковском и Аткарском районах."),
    ("Цены вРоссии растут.", "Цены в России растут."),
    # the tagger's vocabulary has "вмоскве" (learned from glued pages): camel case decides
    ("Офис наВолге и ВМоскве.", "Офис на Волге и В Москве."),
    ("ВКурской области открыли цех.", "В Курской области открыли цех."),
    ("Объём 30 тыс. тонн, пуск 18июня.", "Объём 30 тыс. тонн, пуск 18 июня."),
])
def test_camel_case_and_number_glue_is_split_alone(text: str, expected: str) -> None:
    assert _view(text).text == expected


@pytest.mark.parametrize("text", [
    # real words, brands and names (known to pymorphy3, to the tagger, or capitalised)
    "Наука и производство: пока ион движется, Интел и МегаФон молчат.",
    "АвтоВАЗ, ПетроВолга, ВКонтакте и вконтакте, ПроГород и НаСвязи, ВТБ, ВСМПО, УАЗ, КоАП.",
    "Лидер Обухова приехала. Натрошвили сказал. Вдовин ушёл. Заруба ответил.",
    # a verbal prefix, not a preposition: the rest is no noun in a governed case
    "Запустят обвалочный цех; линия должна запуститься; соинвестора нет.",
    # words cut off at an excerpt's end
    "Способ поддер",
    "Компания сообщила: сначал",
    # codes and units after a number
    "3D-печать, 10кВ, 2шт, 1990гг, COVID19, 2х.",
    # rare prefixed words on a page that kept its spaces: alone, they are never split
    "Цех ждёт донастройки и доустановки оборудования после дозагрузки.",
    "Договор о соразмещении; сорегулирования нет.",
])
def test_real_words_are_never_split(text: str) -> None:
    assert _view(text) == GluedView(text)


def test_lower_case_glue_needs_a_page_that_lost_its_spaces() -> None:
    """"натрех" alone could be a rare word; with more glue on the page it is split."""
    assert _view("Проект реализуют натрех площадках.").inserted == ()
    assert _view("Проект реализуют натрех площадках попроизводству сыра доконца года."
                 ).text == ("Проект реализуют на трех площадках по производству сыра до "
                            "конца года.")


def test_offsets_map_back_to_the_document() -> None:
    view = _view(GLUED)
    for word in ("Курской", "производству", "трех", "1500", "сутки"):
        at = view.text.index(word)
        start, end = view.original(at), view.original(at + len(word))
        assert GLUED[start:end] == word


def test_records_quote_the_page_as_it_was() -> None:
    doc = RawDocument("glued", GLUED, "glued.txt", "0" * 64)
    assert nlp_view(doc.text).inserted
    recs = extract_document(doc)
    assert recs
    for r in recs:
        assert r["text"] == GLUED[r["start"]:r["end"]]
        attrs = json.loads(r["attrs"])
        if attrs.get("evidence"):
            assert r["text"] in attrs["evidence"] and attrs["evidence"] in GLUED
    plants = [json.loads(r["attrs"]) for r in recs if r["kind"] == "plant"]
    assert any(p["name"] == "завод по производству сыра" for p in plants)
    regions = {r["normal"] for r in recs if r["kind"] == "REGION"}
    assert "Курская область" in regions


def test_a_page_without_glue_is_read_as_it_is() -> None:
    text = "В Курской области построят завод по производству сыра."
    doc = RawDocument("plain", text, "plain.txt", "0" * 64)
    assert nlp_view(text) == GluedView(text)
    assert extract_document(doc) == extract_document(doc, analyzed=get_analyzer().analyze(text))
