"""The rules' memos (issue 20, speed) answer what the uncached code answers, and forget what
an edited word list changed: a memo may make a parse faster, never different.

Every sentence and word here was written for the tests.
"""

from __future__ import annotations

import pymorphy3
import pytest

from pipeline.rules.morph import MemoAnalyzer, morph

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
