"""One spelling per company in a document: the nominative the article itself writes.

A name in quotes without a descriptor is inflected ("инвестиции в модернизацию «Молкома»",
"на \"Ленстройкерамике\"", real news dev r1_054, r8_015), and pymorphy cannot tell the
nominative of a name it does not know. The same article usually writes the name once after
a legal form or a descriptor ("АО «Молком»", "Кирпичный завод \"Ленстройкерамика\""), where
the name stands in apposition and so in the nominative: that spelling is the company's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.rules import lexicon
from pipeline.rules.morph import morph


def _stem(lemma: str) -> str:
    """A lemma without its ending, so that the pattern finds every case of the word."""
    return lemma[:-1] if len(lemma) > 4 and lemma[-1] in "аяоеьй" else lemma


# A name in quotes after a word that puts it in apposition: a legal form (orgs_words.csv
# legal_form, "АО «Молком»"), a company word (company_words.csv descriptor, "компании
# «Альба»") or a facility word (facility_heads.csv org_word, "завод \"Ленстройкерамика\"").
_LEGAL = sorted(lexicon.ordered("orgs_words", role="legal_form"), key=len, reverse=True)
_WORDS = sorted({_stem(w) for w in (*lexicon.words("company_words", role="descriptor"),
                                    *lexicon.flagged("facility_heads", "org_word", "lemma"))},
                key=len, reverse=True)
_APPOSITION = re.compile(
    r"(?:^|[^\w-])(?:(?:" + "|".join(re.escape(w) for w in _LEGAL) + r")|(?:"
    + "|".join(re.escape(w) for w in _WORDS) + r")\w{0,4})\s*"
    r"[«\"“„]([^«»\"“”„]{2,60})[»\"”“]", re.IGNORECASE)


def apposition_names(text: str) -> set[str]:
    """The quoted names a text writes right after a legal form or a descriptor, whose first
    word can be a nominative: "на предприятии «Эвенской горнорудной компании»" is a
    company's enterprise in the genitive (real news dev r3_043), no apposition."""
    names = {m.group(1).strip() for m in _APPOSITION.finditer(text)}
    return {n for n in names if _can_be_nominative(n.split()[0])}


@lru_cache(maxsize=65536)
def _can_be_nominative(word: str) -> bool:
    return not re.fullmatch(r"[А-ЯЁа-яё-]+", word) or \
        any("nomn" in p.tag for p in morph().parse(word))


@lru_cache(maxsize=65536)
def _forms(word: str) -> frozenset[str]:
    """Every form of every paradigm pymorphy gives a word (guessed for unknown names)."""
    out = {word.lower().replace("ё", "е")}
    for p in morph().parse(word)[:3]:
        out |= {f.word.replace("ё", "е") for f in p.lexeme}
    return frozenset(out)


def _inflected_form_of(name: str, nominative: str) -> bool:
    a, b = name.split(), nominative.split()
    return name != nominative and len(a) == len(b) and all(
        x.lower().replace("ё", "е") in _forms(y) for x, y in zip(a, b, strict=True))


def document_spelling(name: str | None, nominatives: set[str]) -> str | None:
    """`name` as the document writes it in apposition, when `name` is one of its forms."""
    if not name or name in nominatives:
        return name
    found = sorted(n for n in nominatives if _inflected_form_of(name, n))
    return found[0] if len(found) == 1 else name
