"""pymorphy3 helpers for putting phrases into the nominative.

natasha lemmatises single tokens; the datasets need whole phrases in the nominative
("завод выхлопных систем", "выхлопные системы"), which needs inflection, so pymorphy3
(the maintained fork of pymorphy2) is used directly.
"""

from __future__ import annotations

from functools import lru_cache

import pymorphy3

_PARSE_MEMO_SIZE = 65536  # words; a few tens of MB at most


class MemoAnalyzer(pymorphy3.MorphAnalyzer):
    """pymorphy3 with each word's parses memoised.

    The rules ask for the parses of the same words again and again (every candidate of every
    sentence, and news repeats its words): without the memo pymorphy's `parse` was a third
    of the rules' CPU (benchmarks/profile_rules.py). A parse is a pure function of the word,
    and its `Parse` tuples are immutable, so they are shared; each call gets a new list."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[str, tuple[pymorphy3.analyzer.Parse, ...]] = {}
        self._inflections: dict[tuple, tuple[pymorphy3.analyzer.Parse, ...]] = {}

    def parse(self, word: str) -> list[pymorphy3.analyzer.Parse]:
        hit = self._memo.get(word)
        if hit is None:
            if len(self._memo) >= _PARSE_MEMO_SIZE:
                self._memo.clear()
            hit = self._memo[word] = tuple(super().parse(word))
        return list(hit)

    def _inflect(self, form: pymorphy3.analyzer.Parse, required_grammemes: set[str]
                 ) -> list[pymorphy3.analyzer.Parse]:
        """`Parse.inflect` asks this; it reads the word's whole lexeme each time, and the
        rules inflect the same parses again and again (a post, a company word)."""
        try:
            key = (form, frozenset(required_grammemes))
            hit = self._inflections.get(key)
        except TypeError:  # a parse holding something unhashable: not memoised
            return super()._inflect(form, required_grammemes)
        if hit is None:
            if len(self._inflections) >= _PARSE_MEMO_SIZE:
                self._inflections.clear()
            hit = self._inflections[key] = tuple(super()._inflect(form, required_grammemes))
        return list(hit)


_morph: MemoAnalyzer | None = None


def morph() -> MemoAnalyzer:
    """The process-wide analyzer (its dictionaries are loaded once per process)."""
    global _morph
    if _morph is None:
        _morph = MemoAnalyzer()
    return _morph


def _keep_case(src: str, dst: str) -> str:
    if src.isupper() and len(src) > 1:
        return dst.upper()
    if src[:1].isupper():
        src_parts, dst_parts = src.split("-"), dst.split("-")
        if len(src_parts) == len(dst_parts):
            # "Усть-Илимского" -> "Усть-Илимский", "Улан-Удэнского" -> "Улан-Удэнский"
            return "-".join(d[:1].upper() + d[1:] if s[:1].isupper() else d
                            for s, d in zip(src_parts, dst_parts, strict=True))
        return dst[:1].upper() + dst[1:]
    return dst


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Most probable normal form, lower case."""
    return morph().parse(word)[0].normal_form.replace("ё", "е")


def keep_case(src: str, dst: str) -> str:
    """`dst` written with the capitals of `src` (a form pymorphy3 returns in lower case)."""
    return _keep_case(src, dst)


@lru_cache(maxsize=65536)
def inflect(word: str, case: str = "nomn", number: str | None = None,
            from_case: str | None = None, lemma_hint: str | None = None) -> str:
    """`word` put into `case` (pymorphy3 grammeme), keeping its number unless one is given.

    `from_case` picks the parse whose case matches what the tagger saw, which matters for
    homonyms such as "систем" (gen. plural of "система"); `lemma_hint` (the tagger's lemma)
    picks "сиденье" over "сидение" for "сидений".
    """
    parses = morph().parse(word)
    if lemma_hint:
        hinted = [p for p in parses if p.normal_form.replace("ё", "е") == lemma_hint]
        if hinted:
            parses = hinted
    if from_case:
        matching = [p for p in parses if from_case in p.tag]
        if matching:
            parses = matching
    for p in parses:
        if p.tag.POS not in ("NOUN", "ADJF", "PRTF", "NUMR", "ADJS"):
            continue
        grams = {case}
        if number:
            grams.add(number)
        elif p.tag.number:
            grams.add(p.tag.number)
        form = p.inflect(grams)
        if form is not None:
            return _keep_case(word, form.word)
    return word


@lru_cache(maxsize=65536)
def agree(adjective: str, noun: str, from_case: str | None = None) -> str:
    """`adjective` in the nominative, in the number and gender of `noun` (itself in the
    nominative): a phrase is put into its normal form as a whole ("консервных заводов" ->
    "консервный завод", not "консервные завод")."""
    nparse = next((p for p in morph().parse(noun) if p.tag.POS == "NOUN" and "nomn" in p.tag),
                  None)
    if nparse is None and not _abbreviation(noun):
        return inflect(adjective, "nomn", None, from_case)
    # an abbreviation the dictionary lacks ("НПЗ", "ЛПК", "ЦБК") stands for a masculine noun
    # (завод, комплекс, комбинат): "Омского НПЗ" is "Омский НПЗ", not "Омское" (a fresh real
    # page of session 22); the feminine ones (ГЭС, ТЭЦ) are in the dictionary
    grams = {"nomn", nparse.tag.number or "sing"} if nparse else {"nomn", "sing", "masc"}
    if nparse and grams & {"sing"} and nparse.tag.gender:
        grams.add(nparse.tag.gender)
    parses = morph().parse(adjective)
    if from_case:
        parses = [p for p in parses if from_case in p.tag] or parses
    for p in parses:
        if p.tag.POS in ("ADJF", "PRTF"):
            form = p.inflect(grams)
            if form is not None:
                return _keep_case(adjective, form.word)
    return inflect(adjective, "nomn", None, from_case)


def _abbreviation(noun: str) -> bool:
    """A short word the dictionary does not know, as an abbreviation is ("нпз")."""
    return len(noun) <= 5 and all(p.tag.POS is None for p in morph().parse(noun))


@lru_cache(maxsize=65536)
def normal_name(name: str) -> str:
    """A name with every word in its normal form, for comparing two spellings of one name
    in different cases («Автотор» / «Автотора»); memoised."""
    return " ".join(lemma(w) for w in name.replace("ё", "е").split())


UD_TO_PYMORPHY_CASE = {
    "Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct",
}


@lru_cache(maxsize=65536)
def concrete_lemma(word: str, tagger_lemma: str) -> str:
    """Among equally likely nouns, the concrete one: products are things, not actions.

    "сидений" is both "сидение" (sitting) and "сиденье" (a seat); after "выпуск" only the
    second makes sense. Deverbal action nouns end in -ние/-тие, so another candidate wins.
    """
    if not tagger_lemma.endswith(("ние", "тие")):
        return tagger_lemma
    for p in morph().parse(word):
        nf = p.normal_form.replace("ё", "е")
        if p.tag.POS == "NOUN" and nf != tagger_lemma and nf[:3] == tagger_lemma[:3] \
                and not nf.endswith(("ние", "тие")):
            return nf
    return tagger_lemma


def adjective_in_nominative(word: str, from_case: str | None, gender: str | None,
                            plural: bool, prefer: frozenset[str] = frozenset()) -> str | None:
    """An adjective in the nominative in a given gender and number ("тяжелого", neut ->
    "тяжелое": pymorphy's first parse of a genitive adjective is masculine); None when no
    adjective parse of `word` in `from_case` inflects so. Parses whose normal form is in
    `prefer` come first: "временного" is both "временной" and "временный", equally likely."""
    want = {"nomn", "plur"} if plural else ({"nomn", "sing", gender} if gender else None)
    if want is None:
        return None
    parses = morph().parse(word)
    if prefer:
        parses = sorted(parses, key=lambda p: p.normal_form.replace("ё", "е") not in prefer)
    for p in parses:
        if p.tag.POS in ("ADJF", "PRTF") and (from_case is None or p.tag.case == from_case):
            form = p.inflect(want)
            if form is not None:
                return form.word
    return None
