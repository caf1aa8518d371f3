"""Latin and Greek letters that look like Cyrillic ones, read as Cyrillic inside Russian words.

Real pages mix them into Russian words: a Latin "c" in "Архангельcкой" (real news r7_026), or
Greek omicron and kappa in "завοда", "οκолο" (a fresh real page of session 18, oedar.ru).
Such a word matches no dictionary entry, region or name, so a page loses its plants, sums and
people. One letter for one letter, so offsets hold. A word keeps its letters when it has no
Cyrillic letter ("Lada") or a foreign letter with no Cyrillic twin ("СоюзAgro").
One table for the ingest step and for the rules that read text which did not come through it.
"""

from __future__ import annotations

import re

_FOREIGN = "aceopxyACEHKMOPTXB" + "αεκορτυχΑΒΕΗΚΜΟΡΤΥΧ"
_CYRILLIC = "асеорхуАСЕНКМОРТХВ" + "аекортухАВЕНКМОРТУХ"
TABLE = str.maketrans(_FOREIGN, _CYRILLIC)
_LETTER = re.compile("[" + re.escape(_FOREIGN) + "]")
_MIXED_WORD = re.compile(r"[A-Za-zΑ-Ωα-ωА-Яа-яЁё]*[А-Яа-яЁё][A-Za-zΑ-Ωα-ωА-Яа-яЁё]*")


def fold(text: str) -> tuple[str, int]:
    """`text` with the look-alike letters of its Cyrillic words read as Cyrillic, and how
    many letters were read so. A text with none of those letters is returned as it is (asked
    first: the substitution calls Python for every Cyrillic word)."""
    if _LETTER.search(text) is None:
        return text, 0
    return substitute(text)


def substitute(text: str) -> tuple[str, int]:
    """fold() without its shortcut."""
    count = [0]

    def word(m: re.Match) -> str:
        w = m.group(0)
        foreign = [ch for ch in w if not ("А" <= ch <= "я" or ch in "Ёё")]
        if not foreign or any(ch not in _FOREIGN for ch in foreign):
            return w
        count[0] += len(foreign)
        return w.translate(TABLE)

    return _MIXED_WORD.sub(word, text), count[0]
