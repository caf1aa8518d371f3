"""Officials: a person named together with a position (and the organization of the post).

The grammar is token-level and general. A post is a head word from a lexicon (губернатор,
глава, председатель, ...) with its pre-modifiers (первый, генеральный, врио, бывший) and its
complement. The complement is read left to right: genitive nouns that name a part of an
organization or a portfolio ("совета директоров", "министр финансов", "по делам
разведки") stay in the post; the first named entity, quoted name or other genitive noun
phrase is the organization ("Минпромторга" -> Минпромторг, "Русской винно-водочной
компании" -> Русская винно-водочная компания); "региона" means the article's region and a
place adjective ("подмосковный губернатор", "израильский премьер") gives the place.

A post stands before the name ("губернатор региона Алексей Беспрозванных"), possibly as a
list of posts ("депутат ..., сопредседатель ... Михаил Вельмакин"), or after it, set off
by a comma, a dash or a parenthesis ("Сергей Собянин, мэр Москвы,"). The post and the name
must agree in case when both cases are known. A post can also stand in the predicate
("X занял пост министра", "X стал депутатом"); a post sought ("кандидат на пост") is not
held, and owners/founders hold a share, not a post. National posts written without a
country ("президент Саркози") take the country the article names most. Surname-only,
oblique and initial mentions are linked to the full name given in the same document; per
person and post head the most informative row is kept.

Measured on factRuEval-2016 by pipeline/evaluation/factrueval.py (reports/factrueval.md).
"""

from __future__ import annotations

import csv
import hashlib
import re
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pipeline.rules.gazetteer import resolve_region
from pipeline.rules.morph import UD_TO_PYMORPHY_CASE, inflect, lemma, morph
from pipeline.rules.orgs import normalize_org, org_sector
from pipeline.rules.text import AnalyzedText, Sentence, Span, Token

COUNTRIES_FILE = Path(__file__).resolve().parent.parent / "data" / "positions_countries.csv"
COUNTRY_ALIASES_FILE = COUNTRIES_FILE.with_name("positions_country_aliases.csv")

# Head words of posts (lemmas). Multi-word posts are built from these plus complements.
POSITION_HEADS = {
    "губернатор", "глава", "министр", "замминистр", "замминистра", "заместитель", "замглава",
    "замглавы", "председатель", "зампред", "зампредседатель", "директор", "гендиректор",
    "президент", "вице-президент", "вице-премьер", "премьер", "премьер-министр", "мэр",
    "вице-мэр", "сенатор", "депутат", "полпред", "руководитель", "начальник", "управляющий",
    "советник", "помощник",
    "секретарь", "пресс-секретарь", "спикер", "вице-спикер", "посол", "прокурор", "судья",
    "ректор", "проректор", "уполномоченный", "член", "партнер", "представитель", "омбудсмен",
    "вице-губернатор", "замгубернатора", "аналитик", "экономист", "эксперт", "лидер",
    "генсек", "командующий", "главнокомандующий", "канцлер", "король", "царь", "шеф",
    "топ-менеджер", "менеджер", "главред", "редактор", "тренер", "бундестренер",
    "исполнительный", "сопредседатель", "зампредправления", "комиссар", "атташе", "инженер",
    "академик", "профессор", "декан", "зав", "заведующий", "госсекретарь",
    "министр-председатель", "координатор", "худрук", "хореограф", "солист",
    "фотограф", "оператор", "корреспондент", "обозреватель", "журналист", "астронавт",
    "космонавт", "вратарь", "защитник", "полузащитник", "нападающий", "капитан", "игрок",
    "наблюдатель", "парламентарий", "докладчик", "архиепископ", "митрополит", "патриарх",
    "епископ", "генерал", "генерал-майор", "генерал-лейтенант", "генерал-полковник",
    "полковник", "подполковник", "майор", "адмирал", "маршал", "градоначальник",
    "префект", "казначей", "аудитор", "ревизор", "консул", "генконсул", "постпред",
    "вице-консул", "сотрудник", "рабочий", "пилот", "главврач", "врач", "преподаватель",
}
# Heads that must be followed by a complement to be a post ("член совета директоров").
NEEDS_COMPLEMENT = {"член", "представитель", "заместитель", "руководитель", "начальник",
                    "глава", "исполнительный", "партнер", "сотрудник", "игрок", "рабочий",
                    "помощник", "советник"}
# Occupations rather than posts: a row only when an organization is attached.
NEEDS_ORG = {"аналитик", "экономист", "эксперт", "бизнесмен", "предприниматель", "академик",
             "профессор", "инженер", "журналист", "фотограф", "оператор", "корреспондент",
             "обозреватель", "защитник", "полузащитник", "нападающий", "наблюдатель",
             "менеджер", "врач", "преподаватель", "пилот", "король", "шеф", "партнер",
             "лидер"}
# Owners and founders hold a share, not a post: "основатель Facebook", "совладелец WFC" are
# ownership facts and make no officials row.
PRE_MODIFIERS = {
    "первый", "генеральный", "исполнительный", "главный", "старший", "бывший", "временно",
    "исполняющий", "обязанность", "врио", "и.о.", "и.о", "экс", "вице", "действующий",
    "новый", "независимый", "полномочный", "чрезвычайный", "постоянный", "федеральный",
    "региональный", "технический", "финансовый", "коммерческий", "операционный",
    "народный", "государственный", "художественный", "официальный",
    "заместитель", "нынешний", "почетный", "запасной", "исполнять",
}
_ACTING = {"врио", "и.о.", "и.о", "временно", "исполняющий"}
# Complement nouns that belong to the post itself rather than to the organization.
POST_COMPLEMENTS = {
    "совет", "директор", "правление", "правительство", "администрация", "комитет",
    "наблюдательный", "дума", "собрание", "департамент", "управление", "отдел", "служба",
    "министерство", "министр", "председатель", "президент", "губернатор", "мэр",
    "пресс-служба", "аппарат", "фракция", "комиссия", "президиум", "кафедра", "лаборатория",
    "бюро", "директорат", "секретариат", "дирекция", "штаб", "глава", "руководитель",
    "отделение", "филиал", "представительство",
}
# After these the next genitive noun phrase is the portfolio: "министр иностранных дел".
PORTFOLIO_HEADS = {"министр", "замминистр", "замминистра", "министерство", "нарком",
                   "госсекретарь", "секретарь", "комитет", "комиссия", "департамент",
                   "управление", "отдел", "кафедра", "служба"}
# Organization nouns that say nothing by themselves: a name right after them is the org.
GENERIC_ORG_NOUNS = {"компания", "концерн", "холдинг", "группа", "корпорация", "банк",
                     "завод", "фирма", "партия", "движение", "газета", "журнал", "телеканал",
                     "агентство", "организация", "фонд", "клуб", "команда", "кафе",
                     "ресторан", "магазин", "фабрика", "комбинат", "предприятие", "институт",
                     "университет", "театр", "издание", "сайт", "портал", "проект",
                     "ассоциация", "союз", "объединение", "центр", "общество", "сеть",
                     "оппозиция", "сборная", "государство", "страна", "город", "ведомство"}
REGION_WORDS = {"регион", "область", "край", "республика", "субъект", "округ"}
# "глава государства", "президент страны": the country the article is about.
STATE_WORDS = {"государство", "страна"}
FEDERAL_CITIES = {"Москва", "Санкт-Петербург", "Севастополь"}
# Posts of a country's government: with no organization written, the article's country.
NATIONAL_POSTS = {"президент", "премьер", "премьер-министр", "вице-премьер", "министр",
                  "канцлер", "госсекретарь"}
# "X занял пост министра", "X стал премьер-министром": the post in a predicate.
POST_NOUNS = {"пост", "должность"}
COPULA_VERBS = {"стать", "являться", "быть", "назначить", "избрать", "работать", "служить",
                "остаться", "становиться", "назначать", "избираться", "переизбрать"}
# "кандидат на пост главы": a post sought is not a post held.
CANDIDATE_WORDS = {"кандидат", "кандидатура", "претендент", "претендовать", "баллотироваться",
                   "выдвинуть", "выдвигаться"}
FORMER_WORDS = {"уход", "уйти", "покинуть", "оставить", "отставка", "освободить", "снять",
                "уволить", "уходить", "покидать"}
GOVERNMENT_POSTS = {
    "губернатор", "министр", "замминистр", "замминистра", "мэр", "сенатор", "депутат",
    "полпред", "премьер", "премьер-министр", "вице-премьер", "президент", "посол",
    "прокурор", "судья", "вице-губернатор", "замгубернатора", "спикер", "уполномоченный",
    "омбудсмен", "вице-мэр", "канцлер", "госсекретарь", "вице-спикер", "консул", "генконсул",
    "постпред", "парламентарий", "префект", "градоначальник",
}
BUSINESS_POSTS = {"гендиректор", "директор", "совладелец", "владелец", "основатель",
                  "управляющий", "топ-менеджер", "менеджер", "бизнесмен", "предприниматель",
                  "акционер", "сооснователь", "учредитель"}
_PHASE_FORMER = {"бывший", "экс"}
_BOUNDARY_POS = {"VERB", "AUX", "SCONJ", "PRON"}
_HARD_BOUNDARY = {";", ":", "—", "–", "-", ".", "!", "?", "(", ")", "а", "но", "или"}
_SPLIT = {",", "и"}
_OPEN_QUOTES = "«\"„“"


@dataclass(frozen=True)
class OfficialMention:
    person_key: str  # within-document person cluster key
    full_name: str
    surname: str
    position: str
    organization: str | None
    phase: str | None
    sector: str
    evidence: str
    start: int
    end: int


def official_id(full_name: str) -> str:
    """Stable across documents: derived from the normalised full name only."""
    key = re.sub(r"\s+", " ", full_name.lower().replace("ё", "е")).strip()
    return "off-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=1)
def country_adjectives() -> dict[str, str]:
    """Adjective lemma -> country ("израильский" -> Израиль), for "израильский премьер"."""
    with COUNTRIES_FILE.open(encoding="utf-8") as f:
        return {r["adjective"]: r["country"] for r in csv.DictReader(f)}


@lru_cache(maxsize=1)
def _country_aliases() -> dict[str, str]:
    with COUNTRY_ALIASES_FILE.open(encoding="utf-8") as f:
        return {r["alias"].lower().replace("ё", "е"): r["country"] for r in csv.DictReader(f)}


def country_of(name: str | None) -> str | None:
    """"РФ", "Российская Федерация", "Россия" -> Россия: one spelling per country."""
    if not name:
        return None
    return _country_aliases().get(re.sub(r"\s+", " ", name).strip().lower().replace("ё", "е"))


def document_country(analyzed: AnalyzedText) -> str | None:
    """The country named most often (first on a tie): whose president "президент" is."""
    counts: dict[str, int] = {}
    for sp in analyzed.spans:
        if sp.type == "LOC":
            c = country_of(sp.normal) or country_of(sp.text)
            if c:
                counts[c] = counts.get(c, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


# ---------------------------------------------------------------------------- persons

@dataclass
class _Person:
    key: str
    full_name: str
    surname: str
    first: str | None
    nominative: bool = False  # the name was read from a mention in the nominative


def _cap(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _nominative_word(word: str, tok: Token | None) -> str:
    """An oblique name word the normaliser left as written ("Обамой") to the nominative."""
    if tok is None or tok.case in (None, "Nom"):
        return word
    src = UD_TO_PYMORPHY_CASE.get(tok.case)
    if not src or not re.fullmatch(r"[А-Яа-яЁё-]+", word):
        return word
    if word[-1].lower() not in "аяуюоеыиёмй":
        return word  # oblique forms of declined names end so; "Пен", "Клинтон" do not
    return inflect(word, "nomn", "sing", src)


def _person_from_span(span: Span, toks: list[Token] | None = None) -> tuple[str, str, str | None]:
    """(full name in nominative, surname, first name) from natasha's normal form and fact."""
    words = re.sub(r"\s*\(.*?\)\s*", " ", span.normal).split() or span.normal.split()
    if span.last and len(words) <= len([p for p in (span.first, span.middle, span.last) if p]):
        parts = [p for p in (span.first, span.middle, span.last) if p]
        if toks:
            # a part the normaliser left in its oblique form ("Йенса Лемана" -> "Лемана")
            by_text = {t.text.lower(): t for t in toks}
            parts = [_nominative_word(p, by_text.get(p.lower())) if p.lower() in by_text
                     and p == by_text[p.lower()].text else p for p in parts]
        full = " ".join(_cap(p) for p in parts)
        return full, _cap(parts[-1]), span.first
    # more words than the name parts read ("Реджеп Тайип Эрдоган"): keep them all
    if toks and span.normal == span.text:
        words = [_nominative_word(w, toks[i] if i < len(toks) else None)
                 for i, w in enumerate(words)]
    if len(words) == 1:
        return _cap(words[0]), _cap(words[0]), None
    surname = _cap(words[-1])
    if len(words) > 2 and words[-2].lower() in NAME_PARTICLES:
        surname = f"{_cap(words[-2])} {surname}"  # "Марин Ле Пен" -> "Ле Пен"
    return " ".join(_cap(w) for w in words), surname, _cap(words[0])


def _key(s: str) -> str:
    return s.lower().replace("ё", "е")


def _same_surname(a: str, b: str) -> bool:
    """Equal, or equal but for an inflection the normaliser missed ("Обамой" / "Обама")."""
    a, b = _key(a), _key(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= max(len(a), len(b)) - 2 and n >= min(len(a), len(b)) - 1


# Surname particles: "Марин Ле Пен", "Шарль де Голль", "Урсула фон дер Ляйен".
NAME_PARTICLES = {"ле", "де", "ди", "дю", "да", "ла", "фон", "дер", "ван", "бин", "ибн",
                  "аль", "эль", "ден", "ас", "ат"}


def _with_particle(sent: Sentence, span: Span, toks: list[Token], full: str,
                   surname: str) -> tuple[str, str]:
    """A name the tagger cut after a particle ("Марин Ле" + "Пен") gets its surname back."""
    if not toks or toks[-1].text.lower() not in NAME_PARTICLES:
        return full, surname
    nxt = next((t for t in sent.tokens if t.start >= span.end), None)
    if nxt is None or nxt.start > span.end + 1 or not nxt.text[:1].isupper() \
            or _span_at(sent, nxt) is not None:
        return full, surname
    words = full.split()
    last = _cap(nxt.text)
    if words and words[-1].lower() == toks[-1].text.lower():
        words[-1] = words[-1][:1].upper() + words[-1][1:].lower()
        return " ".join([*words, last]), f"{words[-1]} {last}"
    return full, surname


def cluster_persons(analyzed: AnalyzedText) -> dict[tuple[int, int], _Person]:
    """Map each PER span to a document-level person (surname-only mentions link back)."""
    persons: list[_Person] = []
    by_span: dict[tuple[int, int], _Person] = {}
    for sent in analyzed.sentences:
        for span in sent.spans:
            if span.type != "PER":
                continue
            toks = [t for t in sent.tokens if span.start <= t.start < span.end]
            full, surname, first = _person_from_span(span, toks)
            full, surname = _with_particle(sent, span, toks, full, surname)
            is_nom = bool(toks) and all(t.case == "Nom" for t in toks)
            match = None
            for exact in (True, False):
                for p in persons:
                    same = (_key(p.surname) == _key(surname)) if exact \
                        else _same_surname(p.surname, surname)
                    if same and (first is None or p.first is None
                                 or p.first[:1].lower() == first[:1].lower()):
                        match = p
                        break
                if match is not None:
                    break
            if match is None and first is None:
                # a first name or "Имя Отчество" alone: the one known person it fits
                fits = [p for p in persons
                        if {_key(w) for w in full.split()} <= {_key(w) for w in
                                                              p.full_name.split()}]
                if len(fits) == 1:
                    match = fits[0]
            if match is None and first is not None and re.search(
                    r"(?:вич|вна|ична|овна|евна)$", surname):
                fits = [p for p in persons if _key(surname) in _key(p.full_name).split()
                        and _key(first) in _key(p.full_name).split()]
                if len(fits) == 1:
                    match = fits[0]
            if match is None:
                match = _Person(key=f"p{len(persons)}", full_name=full, surname=surname,
                                first=first, nominative=is_nom)
                persons.append(match)
            elif first and len(first.rstrip(".")) > 1 and (
                not match.first or len(match.first.rstrip(".")) <= 1
                or len(full.split()) > len(match.full_name.split())
                and match.first[:1].lower() == first[:1].lower()
            ):
                # a fuller form seen later ("В. Путин" then "Владимир Путин")
                match.full_name, match.first, match.surname = full, first, surname
                match.nominative = is_nom
            elif is_nom and not match.nominative and first and match.first \
                    and len(full.split()) == len(match.full_name.split()):
                # the same name in the nominative is the safer spelling ("Ле Пена" -> "Ле Пен")
                match.full_name, match.first, match.surname = full, first, surname
                match.nominative = True
            by_span[(span.start, span.end)] = match
    return by_span


# ---------------------------------------------------------------------------- posts

def _lem(tok: Token) -> str:
    return tok.lemma.replace("ё", "е")


def _is_head(tok: Token) -> bool:
    if tok.pos not in ("NOUN", "PROPN", "ADJ", "X"):
        return False
    lem, low = _lem(tok), tok.text.lower().replace("ё", "е")
    if lem.startswith("экс-"):
        return True if _strip_ex(lem) in POSITION_HEADS else _strip_ex(low) in POSITION_HEADS \
            or lemma(_strip_ex(low)) in POSITION_HEADS
    return lem in POSITION_HEADS or low in POSITION_HEADS


def _strip_ex(word: str) -> str:
    return word[4:] if word.startswith("экс-") else word


def _head_key(tok: Token) -> str:
    lem = _strip_ex(_lem(tok))
    if lem in POSITION_HEADS:
        return lem
    low = _strip_ex(tok.text.lower().replace("ё", "е"))
    return low if low in POSITION_HEADS else lemma(low)


@dataclass
class _Post:
    position: str
    organization: str | None
    phase: str | None
    head: str
    consumed: int  # tokens of the window used, from its start
    leftover: int  # words between the post and the name that are not part of it
    head_case: str | None
    default_org: bool = False  # the organization was not written with the post


def _span_at(sent: Sentence, tok: Token) -> Span | None:
    for sp in sent.spans:
        if sp.start <= tok.start < sp.end:
            return sp
    return None


def _nominative_position(pre: list[Token], head: Token, compl: list[Token]) -> str:
    """The post in the nominative; "врио губернатора", "исполняющий обязанности мэра" keep
    the genitive they have in any case; "экс-" goes to the `phase` column."""
    words: list[str] = []
    frozen = False
    for t in [*pre, head]:
        w = t.text
        low = w.lower()
        if frozen:
            words.append(low)
            continue
        if low == "экс":
            continue
        if low in {"и.о.", "и.о", "врио"}:
            words.append(low)
            frozen = True
            continue
        if low.startswith("экс-"):
            src = UD_TO_PYMORPHY_CASE.get(t.case or "", None)
            words.append(inflect(low[4:], "nomn", "sing", src).lower())
            continue
        if _lem(t) == "исполнять" or _lem(t) == "исполняющий":
            words.append("исполняющий")
            frozen = True
            continue
        src = UD_TO_PYMORPHY_CASE.get(t.case or "", None)
        if t.pos == "ADJ" and src != "nomn" and t is not head:
            w = _adjective_nominative(w, src, head)
        elif t.pos in ("NOUN", "ADJ", "PROPN", "VERB") and src != "nomn":
            w = inflect(w, "nomn", "sing", src)
        words.append(w.lower())
    words += [t.text.lower() for t in compl if t.text not in "«»\"“”"]
    text = " ".join(words)
    text = re.sub(r"\s+-\s+", "-", text)
    return text.replace("ё", "е").strip()


_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def _adjective_nominative(word: str, src: str | None, head: Token) -> str:
    """"художественного руководителя" -> "художественный": the head's gender decides
    between the masculine and neuter readings of the genitive."""
    gender = _GENDER.get(head.feats.get("Gender", ""), "masc")
    want = {"nomn", "plur"} if head.feats.get("Number") == "Plur" else {"nomn", "sing", gender}
    for p in morph().parse(word):
        if p.tag.POS in ("ADJF", "PRTF") and (src is None or p.tag.case == src):
            form = p.inflect(want)
            if form is not None:
                return form.word
    return inflect(word, "nomn", "sing", src)


def _nominative_phrase(toks: list[Token]) -> str:
    """"Русской винно-водочной компании" -> "Русская винно-водочная компания": the head noun
    and its adjectives to the nominative, the genitive tail as written."""
    out: list[str] = []
    hi = next((i for i, t in enumerate(toks) if t.pos in ("NOUN", "PROPN")), None)
    for i, t in enumerate(toks):
        w = t.text
        src = UD_TO_PYMORPHY_CASE.get(t.case or "", None)
        if hi is not None and i <= hi and src and src != "nomn":
            if t.pos == "ADJ" and i < hi:
                w = _keep_initial(w, _adjective_nominative(w, src, toks[hi]))
            elif i == hi:
                w = inflect(w, "nomn", None, src)
        out.append(w)
    s = " ".join(out)
    return s[:1].upper() + s[1:] if s else s


def _keep_initial(src: str, dst: str) -> str:
    return dst[:1].upper() + dst[1:] if src[:1].isupper() else dst


def _quoted(sent: Sentence, tok: Token) -> tuple[str, int] | None:
    """A quoted name starting at `tok`: (name, end offset)."""
    m = re.match(r"[«\"„“]([^»\"”]{1,80})[»\"”]", sent.text[tok.start - sent.start:])
    if not m:
        return None
    return normalize_org(m.group(1)), tok.start + m.end()


def _org_name(span: Span, sent: Sentence | None = None) -> str:
    if span.type == "LOC":
        country = country_of(span.normal) or country_of(span.text)
        if country:
            return country
        region = resolve_region(span.text) or resolve_region(span.normal)
        return region.name if region else span.normal
    if sent is not None:
        # natasha's normal form inflects every word ("Института физики" -> "Институт
        # физика"); only the head and its adjectives go to the nominative
        toks = [t for t in sent.tokens if span.start <= t.start < span.end]
        if len(toks) > 1 and toks[0].pos in ("NOUN", "PROPN", "ADJ") and toks[0].case not in (
                None, "Nom") and toks[0].text[:1] not in _OPEN_QUOTES:
            return normalize_org(_nominative_phrase(toks))
    return normalize_org(span.normal)


def _place_adjective(tok: Token) -> str | None:
    if tok.pos != "ADJ":
        return None
    lem = _lem(tok)
    country = country_adjectives().get(lem)
    if country:
        return country
    if lem in PRE_MODIFIERS:
        return None
    region = resolve_region(lem) if lem.endswith(("ский", "цкий", "ный")) else None
    return region.name if region else None


# The article's "generic noun -> name" memory, per call of find_officials (a context
# variable, so threads analysing different documents do not share it).
_GENERIC_MEMORY: ContextVar[dict[str, str] | None] = ContextVar("officials_generic_memory",
                                                                 default=None)


def remember_generic_orgs(analyzed: AnalyzedText) -> dict[str, str]:
    """"партии «Яблоко»" ... "глава партии": a bare generic noun means the organization
    the article last named with that noun."""
    memory: dict[str, str] = {}
    for sent in analyzed.sentences:
        toks = sent.tokens
        for i, t in enumerate(toks[:-1]):
            lem = _lem(t)
            if lem not in GENERIC_ORG_NOUNS:
                continue
            nxt = toks[i + 1]
            if nxt.text in _OPEN_QUOTES and (q := _quoted(sent, nxt)):
                memory[lem] = q[0]
            elif (sp := _span_at(sent, nxt)) is not None and sp.type == "ORG":
                memory[lem] = _org_name(sp, sent)
    return memory


def _is_gen(t: Token) -> bool:
    return t.case in ("Gen", None)


def _parse_post(sent: Sentence, toks: list[Token], region_name: str | None,
                hi: int, country: str | None = None) -> _Post | None:
    """Read the post whose head is toks[hi] (the window excludes the person's name)."""
    head = toks[hi]
    if head.feats.get("Number") == "Plur" and head.text.lower() not in ("и.о.", "врио"):
        return None
    pi = hi
    while pi > 0 and (
        _lem(toks[pi - 1]) in PRE_MODIFIERS
        or toks[pi - 1].text.lower() in PRE_MODIFIERS
        or (toks[pi - 1].pos == "ADJ" and toks[pi - 1].case == head.case
            and (_span_at(sent, toks[pi - 1]) is None or _place_adjective(toks[pi - 1])))
    ):
        pi -= 1
    pre = toks[pi:hi]
    low_pre = [t.text.lower() for t in pre + [head]]
    phase = None
    if any(_lem(t) in _PHASE_FORMER or t.text.lower().startswith("экс") for t in pre + [head]):
        phase = "former"
    elif any(w in _ACTING or w.startswith("врио") for w in low_pre):
        phase = "acting"
    place = None
    kept_pre = []
    for t in pre:
        if _lem(t) in _PHASE_FORMER:
            continue
        p = _place_adjective(t)
        if p and place is None:
            place = p
            continue
        kept_pre.append(t)
    n = len(toks)
    i = hi + 1
    compl: list[Token] = []
    organization: str | None = None
    last = _lem(head)
    pending: list[Token] = []
    while i < n:
        t = toks[i]
        span = _span_at(sent, t)
        if span is not None and span.type in ("ORG", "LOC"):
            pending = []  # "глава государственной Комиссии": the adjective is the org's
            organization = _org_name(span, sent)
            while i < n and toks[i].start < span.end:
                i += 1
            break
        if t.text in _OPEN_QUOTES:
            q = _quoted(sent, t)
            if q:
                organization = q[0]
                while i < n and toks[i].start < q[1]:
                    i += 1
            break
        lem = _lem(t)
        if lem in ("в", "во", "от") and organization is None and i + 1 < n \
                and (sp := _span_at(sent, toks[i + 1])) is not None \
                and (sp.type == "LOC" or lem == "от" and sp.type == "ORG"):
            # "полпред президента в Центральном федеральном округе", "наблюдатель от ОБСЕ"
            organization = _org_name(sp, sent)
            i += 1
            while i < n and toks[i].start < sp.end:
                i += 1
            break
        if lem == "по" and i + 1 < n:
            # "министр по делам разведки", "директор по стратегии и развитию"
            j = i + 1
            while j < n and _span_at(sent, toks[j]) is None and (
                toks[j].pos in ("NOUN", "ADJ")
                or (toks[j].text == "и" and j + 1 < n and toks[j + 1].pos in ("NOUN", "ADJ"))
            ):
                j += 1
            if j > i + 1:
                compl += pending + toks[i:j]
                pending = []
                i = j
                continue
            break
        if t.pos == "ADJ" and _is_gen(t) and span is None:
            pending.append(t)
            i += 1
            continue
        if t.pos == "ADV" and pending and i + 1 < n and toks[i + 1].pos == "ADJ":
            i += 1  # "крайне правого": a degree adverb inside the adjectives
            continue
        if t.pos in ("NOUN", "PROPN") and _is_gen(t):
            if lem in REGION_WORDS and not pending:
                organization = region_name
                i += 1
                break
            if lem == "город" and not pending:
                organization = region_name if region_name in FEDERAL_CITIES else None
                i += 1
                break
            if lem in STATE_WORDS and not pending:
                compl.append(t)
                organization = country
                i += 1
                break
            if lem in POST_COMPLEMENTS or _is_head(t) or last in PORTFOLIO_HEADS:
                compl += pending + [t]
                pending = []
                portfolio = last in PORTFOLIO_HEADS and lem not in POST_COMPLEMENTS
                last = lem
                i += 1
                if portfolio:
                    # "промышленности и торговли": the portfolio may be a pair
                    if i + 1 < n and toks[i].text == "и" and toks[i + 1].pos == "NOUN" \
                            and _is_gen(toks[i + 1]) and _span_at(sent, toks[i + 1]) is None:
                        compl += toks[i:i + 2]
                        i += 2
                    last = "_portfolio"
                continue
            # the organization in words: "Русской винно-водочной компании", "кафе"
            org_toks = pending + [t]
            pending = []
            i += 1
            while i < n and _span_at(sent, toks[i]) is None and toks[i].text not in \
                    _OPEN_QUOTES and toks[i].pos in ("NOUN", "ADJ", "PROPN") \
                    and _is_gen(toks[i]) and not _is_head(toks[i]):
                org_toks.append(toks[i])
                i += 1
            if i < n and toks[i].text in _OPEN_QUOTES and (q := _quoted(sent, toks[i])):
                organization = q[0]
                while i < n and toks[i].start < q[1]:
                    i += 1
            elif i < n and (sp := _span_at(sent, toks[i])) is not None \
                    and sp.type in ("ORG", "LOC") and lem in GENERIC_ORG_NOUNS:
                organization = _org_name(sp, sent)
                while i < n and toks[i].start < sp.end:
                    i += 1
            elif len(org_toks) > 1 or lem not in GENERIC_ORG_NOUNS:
                organization = _nominative_phrase(org_toks)
            else:
                organization = (_GENERIC_MEMORY.get() or {}).get(lem)
                compl.append(t)  # "глава партии": the post is read, the name may be known
            break
        break
    # trailing adjectives without their noun belong to nothing we read
    hlem = _head_key(head)
    if hlem in NEEDS_COMPLEMENT and not compl and organization is None:
        return None
    if organization is None and place is not None:
        organization = place
    default_org = organization is None
    if organization is None and hlem in {"губернатор", "вице-губернатор", "врио"}:
        organization = region_name
    if organization is None and (hlem in NATIONAL_POSTS
                                 or any(_lem(t) == "правительство" for t in compl)):
        organization = country
    if hlem in NEEDS_ORG and organization is None:
        return None
    position = _nominative_position(kept_pre, head, compl)
    leftover = sum(1 for t in toks[i:] if _span_at(sent, t) is None and t.pos != "PUNCT")
    return _Post(position, organization, phase, hlem, i, leftover, head.case,
                 default_org and organization is not None)


def _window_before(sent: Sentence, per: Span) -> list[Token]:
    idx = [i for i, t in enumerate(sent.tokens) if t.end <= per.start]
    out: list[Token] = []
    after_name = False
    skip_to: int | None = None
    for i in reversed(idx):
        t = sent.tokens[i]
        if skip_to is not None:
            if t.text == "(":
                skip_to = None
            continue
        if t.text == ")" and not out and any(x.text == "(" for x in
                                               sent.tokens[max(0, i - 5):i]):
            # "лидер Национального фронта (FN) Марин Ле Пен": an aside between post and name
            skip_to = i
            continue
        sp = _span_at(sent, t)
        if sp is not None and sp.type == "PER":
            after_name = True
            break
        if sp is None and (t.text.lower() in _HARD_BOUNDARY or t.pos in _BOUNDARY_POS):
            # "Разлогов - директор института, Валерий Тишков": a dash closes a name's post
            after_name = t.text in {"-", "—", "–"}
            break
        out.append(t)
        if len(out) > 30:
            break
    out.reverse()
    if out and out[-1].text.lower() == "и" and after_name:
        return []  # "Шумов, лидер «Центра», и Борзыкин": the post is the first name's
    if out and out[-1].text == ",":
        # "директор X, Кирилл Разлогов": the post belongs to the name before it; with no
        # name before, "Бывший спикер палаты, Нэнси Пелоси, ..." is an apposition
        if after_name or any(t.text == "," for t in out[:-1]):
            return []
        out = out[:-1]
    return out


def _window_after(sent: Sentence, per: Span) -> tuple[list[Token], bool, bool]:
    """Tokens after the name that may hold its post; whether they open with "(", and
    whether they run straight into another name (then the post is that name's)."""
    toks = [t for t in sent.tokens if t.start >= per.end]
    if not toks:
        return [], False, False
    paren = toks[0].text == "("
    if toks[0].text in {",", "(", "—", "–", "-"}:
        toks = toks[1:]
    elif toks[0].text[:1].isupper() and _is_head(toks[0]):
        pass  # "Кирсан Илюмжинов Президент ФИДЕ": a caption
    elif "\n" not in sent.text[per.end - sent.start:toks[0].start - sent.start]:
        # "Кирсан Илюмжинов\nПрезидент ФИДЕ": a signature line needs no comma
        return [], False, False
    out: list[Token] = []
    then_name = False
    for t in toks:
        sp = _span_at(sent, t)
        if sp is not None and sp.type == "PER":
            then_name = True
            break
        if sp is None and (t.text.lower() in _HARD_BOUNDARY | _SPLIT
                           or t.pos in _BOUNDARY_POS):
            break
        out.append(t)
        if len(out) > 15:
            break
    return out, paren, then_name


def _starts_post(toks: list[Token]) -> int | None:
    """Index of the head when the chunk opens with a post (modifiers, then the head)."""
    for i, t in enumerate(toks):
        if _is_head(t):
            return i
        if not (_lem(t) in PRE_MODIFIERS or t.text.lower() in PRE_MODIFIERS
                or t.pos == "ADJ" or t.text.lower().startswith("экс")):
            return None
    return None


def _chunks(sent: Sentence, toks: list[Token]) -> list[list[Token]]:
    """Split a window at "," and "и" that stand outside names and open a new post."""
    out: list[list[Token]] = [[]]
    for j, t in enumerate(toks):
        if t.text.lower() in _SPLIT and _span_at(sent, t) is None \
                and _starts_post(toks[j + 1:]) is not None:
            out.append([])
            continue
        out[-1].append(t)
    return [c for c in out if c]


def _agrees(post: _Post, name_tok: Token | None) -> bool:
    """Apposition agrees in case; foreign names the tagger cannot read get the benefit of
    any case the morphology allows them."""
    if name_tok is None or not post.head_case or not name_tok.case:
        return True
    if post.head_case == name_tok.case or {post.head_case, name_tok.case} == {"Gen", "Acc"}:
        return True  # the animate accusative is the genitive
    want = UD_TO_PYMORPHY_CASE.get(post.head_case)
    if not want:
        return True
    return any(p.tag.case == want and ("Surn" in p.tag or "Name" in p.tag
                                       or "Fixd" in p.tag or p.score < 0.5)
               for p in morph().parse(name_tok.text))


def _posts_before(sent: Sentence, per: Span, region_name: str | None,
                  country: str | None = None) -> list[_Post]:
    window = _window_before(sent, per)
    if not window:
        return []
    name_tok = next((t for t in sent.tokens if t.start >= per.start), None)
    chunks = _chunks(sent, window)
    posts: list[_Post] = []
    # the chunk next to the name: its last readable post that reaches the name
    near = chunks[-1]
    found = None
    for hi in [i for i, t in enumerate(near) if _is_head(t)]:
        post = _parse_post(sent, near, region_name, hi, country)
        if post is None:
            continue
        # stacked posts without a comma: "представитель вооружённых сил полковник X"
        stack = [post]
        while stack[-1].leftover > 0 and stack[-1].consumed < len(near):
            nxt = _starts_post(near[stack[-1].consumed:])
            if nxt is None:
                break
            more = _parse_post(sent, near, region_name, stack[-1].consumed + nxt, country)
            if more is None:
                break
            if more.organization is None or more.default_org:
                # "представитель вооружённых сил полковник X": one organization for both
                more.organization, more.default_org = stack[-1].organization, False
            stack.append(more)
        if stack[-1].leftover <= 2 and _agrees(stack[-1], name_tok):
            found = stack
            break
    if found is None:
        return []
    posts.extend(reversed(found))
    for chunk in reversed(chunks[:-1]):
        # an earlier post of the list must reach the comma: "... лидер Меджлиса, депутат"
        post = None
        for hi in [i for i, t in enumerate(chunk) if _is_head(t)]:
            post = _parse_post(sent, chunk, region_name, hi, country)
            if post is not None and post.leftover <= 1:
                break
            post = None
        if post is None:
            break
        posts.append(post)
    return posts


def _posts_after(sent: Sentence, per: Span, region_name: str | None,
                 country: str | None = None) -> list[_Post]:
    window, paren, then_name = _window_after(sent, per)
    hi = _starts_post(window)
    if hi is None:
        return []
    post = _parse_post(sent, window, region_name, hi, country)
    if post is None or then_name and post.leftover == 0:
        # "Пономарев, координатор движения «Левый фронт» Сергей Удальцов": Удальцов's post
        return []
    name_tok = next((t for t in sent.tokens if t.start >= per.start), None)
    if not paren and not _agrees(post, name_tok):
        return []
    return [post]


def _posts_predicate(sent: Sentence, per: Span, region_name: str | None,
                     country: str | None = None) -> list[_Post]:
    """"X занял пост премьер-министра", "X стал депутатом": the subject's post in the
    predicate of its own clause."""
    name_toks = [t for t in sent.tokens if per.start <= t.start < per.end]
    if not name_toks:
        return []
    toks = [t for t in sent.tokens if t.start >= per.end]
    # "назвал Йенса Лемана первым вратарём": an object and its post in the instrumental
    k = 0
    while k < len(toks) and k < 3 and not _is_head(toks[k]) and (
            toks[k].pos == "ADJ" or _lem(toks[k]) in PRE_MODIFIERS):
        k += 1
    if k < len(toks) and _is_head(toks[k]) and toks[k].case == "Ins" \
            and name_toks[0].case in ("Acc", "Nom", "Gen"):
        post = _parse_post(sent, toks, region_name, k, country)
        return [post] if post is not None else []
    if name_toks[0].case not in ("Nom", None):
        return []
    former = False
    copula = post_noun = False
    since_copula = 0
    for j, t in enumerate(toks[:12]):
        sp = _span_at(sent, t)
        if sp is not None and sp.type == "PER":
            break
        if t.text in {";", ":", ".", "(", ")", "—", "–", "!", "?"} or t.pos == "SCONJ" \
                or _lem(t) == "который":
            break
        lem = _lem(t)
        if lem in CANDIDATE_WORDS:
            return []
        if lem in FORMER_WORDS:
            former = True
        if lem in COPULA_VERBS and t.pos in ("VERB", "AUX"):
            copula = True
            since_copula = 0
            continue
        if copula:
            since_copula += 1
            if since_copula > 3 or t.pos == "VERB":
                copula = False
        if lem in POST_NOUNS:
            post_noun = True
            continue
        if _is_head(t) and ((post_noun and t.case == "Gen") or (copula and t.case == "Ins")):
            post = _parse_post(sent, toks, region_name, j, country)
            if post is None:
                return []
            if former:
                post.phase = "former"
            return [post]
    return []


def _sector(post: _Post) -> str:
    org_kind = org_sector(post.organization)
    of_a_place = bool(post.organization) and (
        country_of(post.organization) is not None
        or resolve_region(post.organization or "") is not None)
    if post.head in GOVERNMENT_POSTS or org_kind == "government" \
            or org_sector(post.position) == "government" \
            or post.head in ("глава", "руководитель", "заместитель") and of_a_place:
        return "government"
    if post.head in BUSINESS_POSTS or org_kind == "business":
        return "business"
    if post.organization and any(w in post.position for w in ("директор", "правлени")):
        return "business"
    return "public/other"


def find_officials(analyzed: AnalyzedText, region_name: str | None = None) -> list[OfficialMention]:
    """Every (person, post, organization) stated in the document, once per document."""
    country = document_country(analyzed)
    token = _GENERIC_MEMORY.set(remember_generic_orgs(analyzed))
    try:
        return _find(analyzed, region_name, country)
    finally:
        _GENERIC_MEMORY.reset(token)


def _find(analyzed: AnalyzedText, region_name: str | None,
          country: str | None) -> list[OfficialMention]:
    persons = cluster_persons(analyzed)
    out: list[OfficialMention] = []
    heads: list[tuple[str, bool]] = []
    for sent in analyzed.sentences:
        for per in sent.spans:
            if per.type != "PER":
                continue
            person = persons.get((per.start, per.end))
            if person is None:
                continue
            posts = _posts_before(sent, per, region_name, country) or \
                _posts_after(sent, per, region_name, country) or \
                _posts_predicate(sent, per, region_name, country)
            for post in posts:
                out.append(OfficialMention(
                    person_key=person.key, full_name=person.full_name,
                    surname=person.surname, position=post.position,
                    organization=post.organization, phase=post.phase, sector=_sector(post),
                    evidence=sent.text, start=per.start, end=per.end,
                ))
                heads.append((post.head, post.default_org))
    return _merge(out, heads, persons)


def _merge(rows: list[OfficialMention], heads: list[tuple[str, bool]],
           persons: dict[tuple[int, int], _Person]) -> list[OfficialMention]:
    """One row per person, post and organization; a post said again without its
    organization ("президент Саркози" after "президент Франции Николя Саркози") adds none,
    nor does one whose organization was only guessed from the article."""
    with_org = {(r.person_key, h) for r, (h, guessed) in zip(rows, heads, strict=True)
                if r.organization and not guessed}
    explicit = {(r.person_key, h, r.organization)
                for r, (h, guessed) in zip(rows, heads, strict=True) if not guessed}
    guessed_keys = {(r.person_key, h) for r, (h, guessed) in zip(rows, heads, strict=True)
                    if guessed}
    heads = [h for h, guessed in heads]
    names = {p.key: p for p in persons.values()}
    seen: set[tuple[str, str, str | None]] = set()
    out = []
    for r, h in zip(rows, heads, strict=True):
        if (r.organization is None or (r.person_key, h) in guessed_keys) \
                and (r.person_key, h) in with_org and (r.person_key, h, r.organization) \
                not in explicit:
            continue
        p = names[r.person_key]
        # the table is unique on (official_id <- full name, position, organization)
        key = (_key(p.full_name), r.position, r.organization)
        if key in seen or len(p.full_name) < 2 or len(r.position) < 2:
            continue
        seen.add(key)
        out.append(replace(r, full_name=p.full_name, surname=p.surname))
    return out
