"""Organization names: normalisation and a rough kind (government, business, other).

One place decides what "the same company" means (quotes, legal forms and "группа компаний"
removed), so officials, plants and investments agree on `operator` / `investor` /
`organization` spellings.
"""

from __future__ import annotations

import re

from pipeline.rules import lexicon
from pipeline.rules.morph import inflect, morph

_QUOTES = "«»\"“”„'‘’"
# The word lists are data: pipeline/data/lexicon/orgs_words.csv, one row per word and role.
_WORDS = "orgs_words"
# Legal forms removed from the start of a name ("ПАО «КАМАЗ»" -> "КАМАЗ"), longest first.
_LEGAL_FORMS = lexicon.ordered(_WORDS, role="legal_form")
_LEGAL_RE = re.compile(
    r"^(?:" + "|".join(re.escape(f) for f in sorted(_LEGAL_FORMS, key=len, reverse=True))
    + r")(?:\s+|(?=[«\"“„]))", re.IGNORECASE,  # 'ООО" Вологодское мороженое"' too
)

# Lemmas (lower case) that mark a public authority. Used for the `sector` column and to tell
# an investor company from the government body that announces a project.
GOVERNMENT_WORDS = lexicon.words(_WORDS, role="government")
# the phrases among them, found anywhere in a name ("Государственный Совет Чувашской Республики")
_GOVERNMENT_PHRASES = tuple(w for w in GOVERNMENT_WORDS if " " in w)
# Words of company names (sector = business when no government word is present).
BUSINESS_WORDS = lexicon.words(_WORDS, role="business")


def starts_with_legal_form(text: str) -> bool:
    """Whether a name opens with a legal form of orgs_words.csv ("ООО «Колакс-М»"): one
    list decides what a company's legal form is, for every rule that asks."""
    return _LEGAL_RE.match(text) is not None


def strip_quotes(name: str) -> str:
    return name.strip().strip(_QUOTES).strip()


def normalize_org(name: str) -> str:
    """'ГК «Автотор»' -> 'Автотор'; 'ПАО «КАМАЗ»' -> 'КАМАЗ'; keeps abbreviations as written."""
    s = re.sub(r"\s+", " ", name).strip()
    prev = None
    while prev != s:
        prev = s
        s = _LEGAL_RE.sub("", s).strip()
    if s and s[0] in _QUOTES:
        # «Автотор Холдинг» or «Автотор» ... : keep the quoted part
        m = re.match(r"^[«\"“„']([^»\"”']+)[»\"”']?(.*)$", s)
        if m:
            rest = m.group(2).strip()
            s = m.group(1).strip() + ((" " + rest) if rest else "")
    s = s.replace("«", "").replace("»", "").replace("\u201c", "").replace("\u201d", "")
    if s.count("(") > s.count(")"):
        # the name span cut inside its bracket: "Уральская горно-металлургическая кампания
        # (УГМК" (real news r8_030) is the name before it
        s = s[:s.rfind("(")]
    if s.count('"') == 1:
        s = s.replace('"', " ")  # 'комбинат" (ВГОК)': a stray quote (real news r7_005)
    return re.sub(r"\s+", " ", s).strip(' "\'').strip()


# "ООО «Управляющая компания „Парк“»", "ОЭЗ «Калуга»": a kind of body, then its own name in
# quotes (the outer quotes and the legal form before them are not part of it)
_DESCRIBED = re.compile(
    r"(?P<outer>[«\"“„])?(?P<kind>[А-ЯЁA-Z][\w.-]*(?: [\w.-]+){0,4}) "
    r"(?P<open>[«\"„“])(?P<name>[^\s«»\"„“”][^«»\"„“”]{0,79})[»\"“”]")


def described_name(text: str) -> tuple[str, int] | None:
    """The name a text starts with, when it is a kind of body and its own quoted name
    ("Торговый дом «Брянский картон»", "ОЭЗ «Калуга»"): the inner quotes stay, since the
    quoted part is the name and the words before it say what it is (README of real news:
    the organization as named); (name, characters read), else None. Without outer quotes
    only an abbreviation is such a kind ("ОЭЗ", "ГМК"): "Компания «Х»" is the company Х."""
    m = _LEGAL_RE.match(text)
    start = m.end() if m else 0
    m = _DESCRIBED.match(text, start)
    if not m or not (m.group("outer") or re.fullmatch(r"[А-ЯЁA-Z]{2,6}", m.group("kind"))):
        return None
    opening, closing = ("„", "“") if m.group("open") == "„" else ("«", "»")
    end = m.end()
    if m.group("outer") and end < len(text) and text[end] in "»\"”":
        end += 1
    return f"{m.group('kind')} {opening}{m.group('name').strip()}{closing}", end


def org_key(name: str) -> str:
    """Comparison key: 'Автотор', 'автотора', '«Автотор»' all give 'автотор'."""
    s = normalize_org(name).lower().replace("ё", "е")
    return re.sub(r"[^\w]+", " ", s).strip()


def org_sector(name: str | None) -> str | None:
    """'government', 'business' or None when the name gives no clue."""
    if not name:
        return None
    low = name.lower().replace("ё", "е")
    words = set(re.findall(r"[\w-]+", low))
    if low.startswith("мин") and len(low) > 5 and " " not in low:
        return "government"
    if words & GOVERNMENT_WORDS or low in GOVERNMENT_WORDS or \
            any(re.search(rf"\b{p}\b", low) for p in _GOVERNMENT_PHRASES):
        return "government"
    if words & BUSINESS_WORDS:
        return "business"
    return None


def quoted_nominative(name: str, normal: str = "") -> str:
    """A quoted name in an oblique case ("с «Металлоинвестом»", "«Эвенской горнорудной
    компании»") in the nominative; a name whose first word can be a nominative
    («Вертолёты России», «Альба») is kept as written."""
    words = name.split()
    if len(words) > 1 and _brand_first(words[0]):
        return _brand_rest_nominative(words)
    if not words or not re.fullmatch(r"[А-ЯЁа-яё-]+", words[0]) or \
            any("nomn" in p.tag for p in morph().parse(words[0])):
        return name
    if len(words) == 1:
        return _one_word_nominative(words[0])
    first = normal.split()[:1]
    return normal if len(normal.split()) == len(words) and \
        any("nomn" in p.tag for p in morph().parse(first[0])) else name


# the genitive and instrumental endings a one-word name takes ("«Северстали»", "с «Акроном»")
_OBLIQUE_ENDINGS = frozenset({"", "а", "я", "ы", "и", "ом", "ем", "ой", "ей", "ью"})


def _one_word_nominative(word: str) -> str:
    """«Металлоинвестом», «Северстали», «Южуралзолота», «Уралкалия»: the one-word name in
    the nominative, its ending swapped for the dictionary form's (a soft sign, "-о", "-й"
    or "-а" as well as no ending); the letters before the ending keep their case
    ("«КАМАЗа»": КАМАЗ). Kept as written when the word is no singular noun or its ending is
    not the only difference; a dative or locative "-е", "-у" is no such ending, since a
    foreign name that does not decline ends so («Нестле»)."""
    parse = morph().parse(word)[0]
    base = parse.normal_form
    low = word.lower().replace("ё", "е")
    common = 0
    while common < min(len(low), len(base)) and low[common] == base[common].replace("ё", "е"):
        common += 1
    if common == len(base):
        return word[:common]  # "«Металлоинвестом»", "«Электроприбору»": the base and an ending
    if parse.tag.POS != "NOUN" or "sing" not in parse.tag or common < len(base) - 1 or \
            low[common:] not in _OBLIQUE_ENDINGS:
        return word
    return word[:common] + base[common:]


def _brand_first(word: str) -> bool:
    """A company's own name ("Газпром", "Лукойл", pymorphy's Orgn) that opens a longer
    name and never declines in it: the case shows on the words after it."""
    return any("Orgn" in p.tag and "nomn" in p.tag for p in morph().parse(word))


def _brand_rest_nominative(words: list[str]) -> str:
    """«Газпром нефти», «Газпром добыче Ноябрьск»: the brand stays, each common word after
    it (lower case, in no nominative singular form) is put in it ("нефть", "добыча");
    a capitalised word is a name of its own ("Сбербанк России", "... Ноябрьск") and stays."""
    out = [words[0]]
    for w in words[1:]:
        common = [p for p in morph().parse(w) if not _PROPER & p.tag.grammemes]
        if w.islower() and re.fullmatch(r"[а-яё-]+", w) and common:
            if common[0].tag.POS != "NOUN":
                return " ".join(words)  # "газомоторного топлива": agreement not attempted
            if not any({"nomn", "sing"} <= p.tag.grammemes for p in common):
                w = inflect(w, "nomn", "sing", lemma_hint=common[0].normal_form)
        out.append(w)
    return " ".join(out)


_PROPER = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn"})


def without_person_tail(name: str) -> str:
    """An unquoted name without the person the NER read into it: "Сергеихинский текстиль
    Ли Байчуня" of "генерального директора АО Сергеихинский текстиль Ли Байчуня" (real news
    dev r10_015) is "Сергеихинский текстиль": two or three capitalised words after a word in
    lower case, the first of them a first name. "Завод им. В.П. Отрохова", "Корпорация
    развития Забайкалья" and "Банк Ивана Петрова" (no word in lower case before) stay."""
    words = name.split()
    for k in range(max(1, len(words) - 3), len(words) - 1):
        tail = words[k:]
        before = words[k - 1]
        if not before.islower() or before.rstrip(".") in ("им", "имени"):
            continue
        if all(re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)?", w) for w in tail) and \
                any("Name" in p.tag for p in morph().parse(tail[0])):
            return " ".join(words[:k])
    return name


# A company written as its kind and its own quoted name inside the quotes of its legal form
# (real news dev r3_015 "ПАО «ГМК «Норильский никель»",
# r6_033 "ООО «Ростовская зерновая компания «Ресурс»", r14_028 "«Молочным комбинатом
# «Пензенский»", r5_023 'АО "РКЦ "Прогресс"'): the gold keeps the kind, the organization as
# named. The NER often cuts the span before the closing quotes.
_KIND_AND_NAME = re.compile(
    r"[«\"“„](?P<kind>[А-ЯЁA-Z][\w-]*(?: [\w-]+){0,3}) [«\"“„]"
    r"(?P<name>[^«»\"“”„\s][^«»\"“”„]{1,59})[»\"“”]?[»\"“”]?")
# kinds that are only a company's word: "ООО «Компания “СОКО”»" is СОКО, "ООО «Управляющая
# компания «Экспресс Групп»" is Экспресс Групп, 'ООО "Торговое предприятие "Томский
# инструмент"' is Томский инструмент (real news dev r2_006, r17_026, r3_026)
_BARE_KIND = re.compile(r"(?:(?:управляющ|торгов)\w+\s+)?(?:компани|предприяти)\w*"
                        r"|групп\w*\s+компаний", re.IGNORECASE)
# a company noun alone ("ООО «Группа “Бета”»") is no kind either: company_words.csv descriptors
_DESCRIPTOR_KINDS = lexicon.words("company_words", role="descriptor")


def kind_and_name(text: str, normal: str, outer: bool = False) -> str | None:
    """"ГМК «Норильский никель»" of "ПАО «ГМК «Норильский никель»", "Молочный комбинат
    «Пензенский»" of "«Молочным комбинатом «Пензенский»": the kind in the nominative (from `normal`,
    the NER's normal form, or pymorphy for one word); None unless the kind stands in the
    quotes of a legal form or of the text (`outer`: an opening quote right before `text`)."""
    m = _LEGAL_RE.match(text)
    rest = text[m.end():] if m else text
    if not (m or outer) or not rest or rest[0] not in "«\"“„":
        if not outer:
            return None
        rest = "«" + rest
    k = _KIND_AND_NAME.fullmatch(rest)
    if not k or _BARE_KIND.fullmatch(k.group("kind")) or \
            morph().parse(k.group("kind").lower())[0].normal_form in _DESCRIPTOR_KINDS:
        return None
    kind = k.group("kind")
    n = _KIND_AND_NAME.search(normal if normal[:1] in "«\"“„" else "«" + normal)
    if n and n.group("name") == k.group("name") and \
            len(n.group("kind").split()) == len(kind.split()):
        kind = n.group("kind")
    if len(kind.split()) == 1 and not kind.isupper():
        kind = inflect(kind, "nomn")
        kind = kind[:1].upper() + kind[1:]
    return f"{kind} «{k.group('name').strip()}»"
