"""One spelling per company in a document (pipeline/rules/spellings.py).

Every sentence here was written for the tests.
"""

from __future__ import annotations

import pytest

from pipeline.rules.spellings import apposition_names, document_spelling

TEXT = ("Совет директоров АО «Кедрон» обсудил планы. Инвестиции в модернизацию «Кедрона» "
        "выросли. Кирпичный завод \"Стройкерамика\" начал выпуск. На \"Стройкерамике\" "
        "сменился директор. Сотрудники компании «Северные росы» и ООО «Мечта» выступили. "
        "Сейчас на предприятии «Эвенской рудной компании» идут работы.")


def test_names_in_apposition_after_a_legal_form_or_a_descriptor() -> None:
    names = apposition_names(TEXT)
    assert {"Кедрон", "Стройкерамика", "Северные росы", "Мечта"} <= names
    # after "предприятии" a name in the genitive is the enterprise's owner: no apposition
    assert "Эвенской рудной компании" not in names


@pytest.mark.parametrize(("name", "spelling"), [
    ("Кедрона", "Кедрон"),  # a one-word name in the genitive
    ("Стройкерамике", "Стройкерамика"),  # the locative
    ("Стройкерамики", "Стройкерамика"),
    ("Северных рос", "Северные росы"),  # every word of a two-word name
    ("Кедрон", "Кедрон"),  # already the document's spelling
    ("Газпром", "Газпром"),  # a company the text never writes in apposition
    ("Северные", "Северные"),  # another number of words: not the same name
    (None, None),
])
def test_an_inflected_company_takes_the_documents_nominative(name: str | None,
                                                             spelling: str | None) -> None:
    assert document_spelling(name, apposition_names(TEXT)) == spelling


def test_a_text_without_appositions_changes_nothing() -> None:
    assert apposition_names("Инвестиции в «Кедрона» модернизацию выросли.") == set()
    assert document_spelling("Кедрона", set()) == "Кедрона"
