"""Organization names: legal forms and the sector words read from
pipeline/data/lexicon/orgs_words.csv. The names were written for the tests."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest

from pipeline.rules import lexicon, orgs


@pytest.mark.parametrize("name, expected", [
    ("ПАО «КАМАЗ»", "КАМАЗ"),
    ("ГК «Автотор»", "Автотор"),
    ("общество с ограниченной ответственностью «Вектор»", "Вектор"),
    ("АО ООО «Вектор»", "Вектор"),
    ("группа компаний «Вектор Холдинг»", "Вектор Холдинг"),
    ("Вектор", "Вектор"),
    # a quote glued to the legal form, as a real page writes it (real news r6_017)
    ('ООО" Вологодское мороженое"', "Вологодское мороженое"),
    ('ООО"Вектор"', "Вектор"),
    ("ОООшка", "ОООшка"),  # not a legal form
    # a span cut inside its bracket, a stray quote (real news r8_030, r7_005)
    ("Уральская горно-металлургическая кампания (УГМК",
     "Уральская горно-металлургическая кампания"),
    ('Высокогорский комбинат" (ВГОК)', "Высокогорский комбинат (ВГОК)"),
])
def test_legal_forms_are_removed(name, expected):
    assert orgs.normalize_org(name) == expected


@pytest.mark.parametrize("text, expected", [
    # written for the tests, after real news dev r7_011, r3_026, r8_011: a kind of body and
    # its quoted name keep the inner quotes; the legal form and the outer quotes go
    ("ОЭЗ «Заречье» Иван", ("ОЭЗ «Заречье»", 13)),
    ('ООО "Торговый дом "Северный металл"" Иван', ("Торговый дом «Северный металл»", 36)),
    ("ООО «Управляющая компания „Северный парк“» Иван",
     ("Управляющая компания „Северный парк“", 42)),
    # a name that is all in quotes, a company noun, two names: no kind and name
    ("«Северный металл»", None),
    ("Компания «Вектор» и", None),
    ("ГК «Автотор»", None),
    ('"Вектор" и "Альфа"', None),
    ("ООО «Вектор» и «Альфа»", None),
])
def test_a_kind_and_its_quoted_name(text, expected):
    assert orgs.described_name(text) == expected


@pytest.mark.parametrize("name, sector", [
    ("Минпромторг", "government"),
    ("Правительство Калининградской области", "government"),
    ("Совет Федерации", "government"),
    # a phrase of the list anywhere in a name (a name written for the tests' style)
    ("Государственный Совет Чувашской Республики", "government"),
    ("Законодательное собрание Тульской области", "government"),
    ("Рослесхоз", "government"),  # a federal agency (real news r7_021)
    ("Компания Вектор", "business"),
    ("Сбербанк", "business"),
    ("Музей", None),
    (None, None),
])
def test_org_sector(name, sector):
    assert orgs.org_sector(name) == sector


def test_a_new_business_word_changes_the_sector(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch):
    assert orgs.org_sector("Артель Вектор") is None
    for f in lexicon.LEXICON_DIR.glob("*.csv"):
        shutil.copy(f, tmp_path / f.name)
    with (tmp_path / "orgs_words.csv").open("a", encoding="utf-8") as fh:
        fh.write("артель,business,added by a test\n")
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    lexicon.rows.cache_clear()
    try:
        importlib.reload(orgs)
        assert orgs.org_sector("Артель Вектор") == "business"
    finally:
        monkeypatch.undo()
        lexicon.rows.cache_clear()
        importlib.reload(orgs)
    assert orgs.org_sector("Артель Вектор") is None
