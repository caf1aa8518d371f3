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
held, and owners/founders hold a share, not a post (the founder of record, "учредитель
ООО «X»", excepted: regional news names him as the company's head). National posts written without a
country ("президент Саркози") take the country the article names most. Surname-only,
oblique and initial mentions are linked to the full name given in the same document; per
person and post head the most informative row is kept.

The words are data (pipeline/data/lexicon/positions.csv: one row per position lemma;
officials_words.csv: one row per word and role); the code keeps the structure. The
complement is read by small pieces (`_PIECES`), and the per-document state (region,
country, generic-noun memory) travels as an explicit `Article` argument.

Measured on factRuEval-2016 by pipeline/evaluation/factrueval.py (reports/factrueval.md).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pipeline.rules import lexicon
from pipeline.rules.context import is_lender
from pipeline.rules.dates import find_dates
from pipeline.rules.gazetteer import VIA_CITY, find_regions, resolve_region
from pipeline.rules.morph import (
    UD_TO_PYMORPHY_CASE,
    adjective_in_nominative,
    inflect,
    lemma,
    morph,
)
from pipeline.rules.orgs import (
    BUSINESS_WORDS,
    GOVERNMENT_WORDS,
    described_name,
    normalize_org,
    org_sector,
    quoted_nominative,
    starts_with_legal_form,
)
from pipeline.rules.text import AnalyzedText, Sentence, Span, Token

COUNTRIES_FILE = Path(__file__).resolve().parent.parent / "data" / "positions_countries.csv"
COUNTRY_ALIASES_FILE = COUNTRIES_FILE.with_name("positions_country_aliases.csv")

# The word lists are data: pipeline/data/lexicon/positions.csv (one row per position lemma,
# its columns say what the post does) and officials_words.csv (one row per word and role).
# Adding a row changes extraction; a running process re-reads them after
# `lexicon.rows.cache_clear()` and a reload of this module.
_POSITIONS = "positions"
_WORDS = "officials_words"


def _positions(flag: str) -> frozenset[str]:
    return lexicon.flagged(_POSITIONS, flag, column="lemma")


def _role(role: str) -> frozenset[str]:
    return lexicon.words(_WORDS, role=role)


# Head words of posts (lemmas). Multi-word posts are built from these plus complements.
POSITION_HEADS = _positions("head")
# Heads that must be followed by a complement to be a post ("член совета директоров").
NEEDS_COMPLEMENT = _positions("needs_complement")
# Occupations rather than posts: a row only when an organization is attached.
NEEDS_ORG = _positions("needs_org")
# Posts of a country's government: with no organization written, the article's country.
NATIONAL_POSTS = _positions("national")
# Posts of a region: with no organization written, the article's region.
REGIONAL_POSTS = _positions("regional")
# Government posts when their organization is a place ("глава Калининградской области").
PLACE_GOVERNMENT_POSTS = _positions("government_if_place")
# After these the next genitive noun phrase is the portfolio: "министр иностранных дел".
PORTFOLIO_HEADS = _positions("portfolio") | _role("portfolio_org")
GOVERNMENT_POSTS = lexicon.words(_POSITIONS, "lemma", sector="government")
# Owners and founders hold a share, not a post: "основатель Facebook", "совладелец WFC" are
# ownership facts and make no officials row (they are no heads; "учредитель" is one, see
# positions.csv).
BUSINESS_POSTS = lexicon.words(_POSITIONS, "lemma", sector="business")
PRE_MODIFIERS = _role("pre_modifier")
# Modifiers read before a head that describe the holder, not the post: "нынешний
# президент", "тогдашний вице-губернатор", "молодой заместитель гендиректора".
DESCRIPTIVE_MODIFIERS = _role("descriptive_modifier")
# "региональный министр": the article's region, as "министр области".
REGION_ADJECTIVES = _role("region_adjective")
_ACTING = _role("acting")
# "исполняющий полномочия главы": a word of the post only right after an acting word
_ACTING_OBJECTS = _role("acting_object")
ACTING_ABBREVIATIONS = _role("acting_abbreviation")
# short forms of posts written out ("гендиректор" -> "генеральный директор")
POSITION_ABBREVIATIONS = lexicon.mapping("position_abbreviations", "word", "full")
_PHASE_FORMER = _role("phase_former")
# Complement nouns that belong to the post itself rather than to the organization.
POST_COMPLEMENTS = _role("post_complement")
# "член правительства": the post is national.
NATIONAL_BODIES = _role("national_body")
# Organization nouns that say nothing by themselves: a name right after them is the org.
GENERIC_ORG_NOUNS = _role("generic_org_noun")
REGION_WORDS = _role("region_word")
DISTRICT_WORDS = _role("district_word")  # "Динской район": a district, not its region
CITY_WORDS = _role("city_word")
FEDERAL_CITIES = _role("federal_city")
# "глава государства", "президент страны": the country the article is about.
STATE_WORDS = _role("state_word")
# "X занял пост министра", "X стал премьер-министром": the post in a predicate.
POST_NOUNS = _role("post_noun")
COPULA_VERBS = _role("copula_verb")
# Nouns of a company's branch or unit ("сервисный центр"): before the company's name they
# stay in the post, as the post complements do.
BRANCH_NOUNS = _role("branch_noun")
# "руководитель проекта": a genitive noun that stays in the post when no name follows it.
BARE_COMPLEMENTS = _role("bare_complement")
# "по словам", "по мнению": a name after them is in the genitive, whatever the post's case.
GENITIVE_FRAMES = _role("genitive_frame")
# "кандидат на пост главы": a post sought is not a post held.
CANDIDATE_WORDS = _role("candidate_word")
FORMER_WORDS = _role("former_word")
# A post with an organization whose text contains one of these is business.
BUSINESS_STEMS = _role("business_stem")
# Heads whose complement is in the instrumental: "заведующий кафедрой", "управляющий компанией".
INSTRUMENTAL_HEADS = _role("instrumental_head")
# "«Молкомом» руководит X", "X возглавил компанию «Вектор»": the subject leads the object.
LEAD_VERBS = _role("lead_verb")
LEAD_POST = min(_role("lead_post") or {""})
# Surname particles: "Марин Ле Пен", "Шарль де Голль", "Урсула фон дер Ляйен".
NAME_PARTICLES = _role("name_particle")
# Family names written first (Chinese names): "Го Фэнг" is Mr Го.
FAMILY_FIRST = _role("family_name_first")
# "правительства РФ", "кабмина РФ": the cabinet of a country, one name per country.
CABINET_WORDS = _role("cabinet_word")
GOVERNMENT_NAMES = lexicon.mapping("government_names", "country", "name")
# "вице-премьер правительства Забайкалья": a member of the cabinet, the cabinet word implied.
CABINET_MEMBERS = _role("cabinet_member")
# "глава кабмина Иван Петров ... премьер-министр Петров": one post, one row.
CABINET_HEADS = _role("cabinet_head")
# "конкурсный управляющий": a manager appointed to a debtor, the company the story is about.
RECEIVER_WORDS = _role("receiver_word")
# A unit of an organization ("лидер фракции КПРФ"): it opens the organization, not the post.
ORG_UNITS = _role("org_unit")
# A member of an assembly and the assemblies ("член ... комитета", "депутат ... собрания").
MEMBER_HEADS = _role("member_head")
MEMBER_BODIES = _role("member_body")
# Short forms of heads written with a dot ("зав. кафедрой", "зам. министра").
DOTTED_HEADS = _role("dotted_head")
# Posts in a sports team ("тренер", "вратарь"): one team in an article is theirs.
TEAM_POSTS = _role("team_post")
# "Губернатор посетил район": a post one person holds in a region, said bare of the person
# named before.
SOLE_POSTS = _role("sole_post")
MISSION_NOUNS = _role("mission_noun")  # a foreign mission: its host country is in its name
# The title of the head of a region that is no republic, and the last words of the names
# of such regions (and the federal cities so governed): "глава региона" of them said again.
GOVERNOR_TITLES = _role("governor_title")
GOVERNED_REGION_WORDS = _role("governed_region_word")
# "Об этом сообщил корреспондент «Вестника»": the one who reports, never the person named
# in the sentence before.
REPORTER_WORDS = _role("reporter_word")
# "полпред президента в Сибирском федеральном округе": a federal district is the post's
# territory, written in the post, not an organization (its noun and its abbreviations).
TERRITORY_NOUNS = _role("territory_noun")
TERRITORY_ABBREVIATIONS = _role("territory_abbreviation")
# "директор предприятия" with no name for it in the article: the company the story is about.
STORY_COMPANY_NOUNS = _role("story_company_noun")
# "его руководитель Иван Петров": a pronoun that stands for the organization of the post.
POSSESSIVE_PRONOUNS = _role("possessive_pronoun")
# Verbs of saying: a speaker named after a post the sentence before wrote (`_named_next`).
SPEECH_VERBS = _role("speech_verb")
# "департамента АПК": a branch of the economy, not an organization (as written).
PORTFOLIO_ABBREVIATIONS = _role("portfolio_abbreviation")
# a body of a region's executive ("директор департамента экономического развития"): with no
# organization written, the article's region
REGIONAL_BODIES = _role("regional_body")
# "муниципального образования" with no name: the district the article last named
MUNICIPALITY_PHRASES = _role("municipality_phrase")
# "министр обороны": a portfolio only a country's government has; its post is never the region's
FEDERAL_PORTFOLIOS = _role("federal_portfolio")
# "председатель Законодательного собрания" + region: the legislature stays in its head's post
REGIONAL_LEGISLATURES = _role("regional_legislature")
LEGISLATURE_HEADS = _role("legislature_head")
# "управляющая компания": an adjective that makes a generic noun a kind kept in the name
KEPT_KIND_ADJECTIVES = _role("kept_kind_adjective")
# "лесозавод", "хлебокомбинат": compounds a later bare "завод", "комбинат" stands for
PLANT_COMPOUND_BASES = _role("plant_compound_base")
# "охраны окружающей среды", "поддержки экспорта": nouns of an action, not made with
# -ние/-тие, whose genitive object stays in the post (`_portfolio_object`)
OBJECT_NOUNS = _role("object_noun")

# Structure, not vocabulary: tags and punctuation that end or split a phrase.
_BOUNDARY_POS = {"VERB", "AUX", "SCONJ", "PRON"}
_HARD_BOUNDARY = frozenset({";", ":", "—", "–", "-", ".", "!", "?", "(", ")"}) \
    | _role("clause_conjunction")
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


def full_position(position: str, organization: str | None = None) -> str:
    """The post with its short forms written out, one spelling per post for grouping
    ("гендиректор" -> "генеральный директор", "первый замгубернатора" -> "первый заместитель
    губернатора"); `position` keeps the text's word, as factRuEval's spans do. A head of a
    district is "глава района" (or "глава округа"), not grouped with the heads of regions
    whose `position` is "глава" too."""
    full = " ".join(POSITION_ABBREVIATIONS.get(w, w) for w in position.split())
    if full in SOLE_POSTS and organization \
            and (noun := _district_noun_of(organization)) is not None:
        return f"{full} {inflect(noun, 'gent', 'sing', 'nomn')}"
    return full


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
    if _WOMAN_OBLIQUE.fullmatch(word):
        return word[:-2] + "а"  # "Е.Г. Кашиной", tagged a man's nominative after initials
    if tok is not None and tok.case == "Nom" and word.lower().endswith(_INSTRUMENTAL) \
            and (stem := _declined_lemma(word, tok)):
        return stem  # "Капланом Панешем" tagged a nominative: the ending says otherwise
    if tok is None or tok.case in (None, "Nom"):
        return word
    src = UD_TO_PYMORPHY_CASE.get(tok.case)
    if not src or not re.fullmatch(r"[А-Яа-яЁё-]+", word):
        return word
    if word[-1].lower() not in "аяуюеыиёмй":
        return word  # oblique forms of declined names end so; "Пен", "Клинтон", "Кожемяко" do not
    parses = [p for p in morph().parse(word) if p.tag.case == src]
    named = [p for p in parses if {"Surn", "Name", "Patr"} & p.tag.grammemes]
    if named:
        form = named[0].inflect({"nomn", "sing"})
        return _keep_initial(word, form.word) if form else word
    m = _SURNAME_OBLIQUE.fullmatch(word)
    if m:
        return m.group(1)  # "Мантурову" -> "Мантуров": the dictionary knows a town
    if (stem := _declined_lemma(word, tok)) is not None:
        return stem  # "Семки" -> "Семка": a name the dictionary does not know
    if word[-1].lower() == "и" or parses and all("Geox" in p.tag or p.tag.POS == "VERB"
                                                  for p in parses):
        return word  # "Нарендры Моди": a foreign name does not decline
    return inflect(word, "nomn", "sing", src)


# A woman's family name in an oblique case ("Кашиной", "Ивановой"): no nominative ends so
# (structure; "-ской" is left out: "Трубецкой", "Шаховской" are men's nominatives)
_WOMAN_OBLIQUE = re.compile(r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)ой")


# An oblique Russian surname the dictionary does not know: the suffix -ов/-ев/-ин and a
# masculine case ending (structure, not vocabulary).
_SURNAME_OBLIQUE = re.compile(r"([А-ЯЁ][а-яё-]+(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е)")


# Masculine instrumental endings: a name word so ended is no nominative, whatever the tag.
_INSTRUMENTAL = ("ом", "ем", "ём")
# Endings of a declined name word after its stem (structure, not vocabulary).
_OBLIQUE_ENDINGS = frozenset({"а", "я", "у", "ю", "е", "ы", "и", "ом", "ем", "ём", "ой", "ей",
                              "ою", "ею"})


def _declined_lemma(word: str, tok: Token) -> str | None:
    """The tagger's lemma of a name word the dictionary does not know ("Семки" -> "Семка",
    "Панешем" -> "Панеш"), when it is the word's stem with no ending or "а"/"я" and the
    word is that stem with a case ending: an indeclinable name the tagger lemmatises
    wrongly ("Моди" -> "модь", "Кожемяко" -> "кожемякий") never fits."""
    low, lem = _key(word), _key(tok.lemma or "")
    if not lem or lem == low or not re.fullmatch(r"[а-я-]+", lem):
        return None
    stem = lem[:-1] if lem.endswith(("а", "я")) else lem
    if len(stem) < 3 or not low.startswith(stem) or low[len(stem):] not in _OBLIQUE_ENDINGS:
        return None
    if stem == lem and tok.feats.get("Gender") == "Fem":
        return None  # a woman's name in a consonant does not decline ("Ким")
    return _keep_initial(word, lem)


def _person_from_span(span: Span, toks: list[Token] | None = None) -> tuple[str, str, str | None]:
    """(full name in nominative, surname, first name); a two-word name that opens with a
    family name written first ("Го Фэнг") has that word for its surname."""
    if (agreed := _name_with_patronymic(span.text)) is not None:
        return agreed
    full, surname, first = _person_parts(span, toks)
    words = full.split()
    if len(words) == 2 and words[0] in FAMILY_FIRST:
        return full, words[0], words[1]
    return full, surname, first


_NAME_GRAMMEMES = {"Name": "first", "Patr": "middle", "Surn": "last"}


def _name_with_patronymic(text: str) -> tuple[str, str, str] | None:
    """A Russian full name of three words with a patronymic, in any case and either order
    ("Босхомджиевой Гиляны Герасимовны", "Чиджиев Андрей Улюмджиевич", "Ивана Ивановича
    Петрова"), read from the dictionary: the case and gender all three words share as a
    given name, a patronymic and a family name (a family name the dictionary does not know
    is the word left), each put in the nominative. The tagger guesses the case of each word
    on its own and misreads names it does not know; the three words agree in case and
    gender, which settles it."""
    words = text.split()
    if len(words) != 3 or not all(re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?", w)
                                  for w in words):
        return None
    parses = [morph().parse(w.lower()) for w in words]
    for gender in ("masc", "femn"):
        for case in ("nomn", "gent", "datv", "accs", "ablt", "loct"):
            roles = _name_roles(parses, gender, case)
            if roles is not None:
                return roles
    # names the dictionary does not know ("Дамдинов Баир Очирович"): a patronymic in the
    # nominative by its suffix, the given name right before it, the family name the word left
    middle = [i for i, w in enumerate(words) if _NOMINATIVE_PATRONYMIC.search(w)]
    if middle not in ([1], [2]):
        return None
    first, last = (0, 2) if middle == [1] else (1, 0)
    return f"{words[first]} {words[middle[0]]} {words[last]}", words[last], words[first]


_NOMINATIVE_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|овна|евна|ична)$")


def _name_roles(parses: list, gender: str, case: str) -> tuple[str, str, str] | None:
    """(full name, surname, first name) when the words read as a given name, a patronymic
    and a family name of that gender in that case, the patronymic right after the given
    name and the family name before or after both."""
    found: dict[str, tuple[int, str]] = {}  # role -> (word index, nominative)
    for i, word_parses in enumerate(parses):
        for p in word_parses:
            role = next((r for g, r in _NAME_GRAMMEMES.items() if g in p.tag.grammemes), None)
            if role and role not in found and p.tag.case == case and p.tag.number == "sing" \
                    and gender in p.tag.grammemes and (form := p.inflect({"nomn"})):
                found[role] = (i, _cap(form.word))
                break
    # three words, each of one role: the family name is the word the other two leave
    if len(found) < 3 or found["middle"][0] != found["first"][0] + 1:
        return None
    (_, first), (_, middle), (_, last) = found["first"], found["middle"], found["last"]
    return f"{first} {middle} {last}", last, first


def _person_parts(span: Span, toks: list[Token] | None = None) -> tuple[str, str, str | None]:
    """(full name in nominative, surname, first name) from natasha's normal form and fact."""
    words = re.sub(r"\s*\(.*?\)\s*", " ", span.normal).split() or span.normal.split()
    if span.last and len(words) <= len([p for p in (span.first, span.middle, span.last) if p]):
        parts = [p for p in (span.first, span.middle, span.last) if p]
        if len(parts) == 2 and [_key(w) for w in words] == [_key(span.last), _key(span.first)]:
            # "Павелс Пушняковс" read as Пушняковс Павелс: a foreign name keeps the order it
            # is written in (a family name written first is `FAMILY_FIRST`'s)
            parts = [span.last, span.first]
        if toks:
            toks = _in_name_case(toks)
            # a part the normaliser left in its oblique form ("Йенса Лемана" -> "Лемана")
            by_text = {t.text.lower(): t for t in toks}
            parts = [_nominative_word(p, by_text.get(p.lower())) if p.lower() in by_text
                     and p == by_text[p.lower()].text else p for p in parts]
        full = " ".join(_name_word(p) for p in parts)
        return full, _cap(parts[-1]), span.first
    # more words than the name parts read ("Реджеп Тайип Эрдоган"): keep them all; a word
    # the normaliser left as written is put in the nominative ("Батталом Батталовым" ->
    # "Баттал Батталовым": its first word normalised, the family name not)
    if toks and len(toks) == len(words):
        texts = span.text.split()
        toks = _in_name_case(toks)
        words = [_nominative_word(w, toks[i]) if i < len(texts) and w == texts[i] else w
                 for i, w in enumerate(words)]
    if len(words) == 1:
        return _cap(words[0]), _cap(words[0]), None
    surname = _cap(words[-1])
    if len(words) > 2 and words[-2].lower() in NAME_PARTICLES:
        surname = f"{_cap(words[-2])} {surname}"  # "Марин Ле Пен" -> "Ле Пен"
    return " ".join(_name_word(w) for w in words), surname, _cap(words[0])


def _name_word(word: str) -> str:
    """A part of a full name as published: an initial keeps its dot ("Л. Д. Маиков"; the
    normaliser gives the bare letters "Л Д")."""
    return f"{word.upper()}." if len(word) == 1 and word.isalpha() else _cap(word)


# A surname in the instrumental ("Бутовым", "Ильиным"): no nominative ends so (structure).
_SURNAME_INSTRUMENTAL = re.compile(r"[А-ЯЁ][а-яё-]+(?:ов|ев|ёв|ин|ын)ым")


def _in_name_case(toks: list[Token]) -> list[Token]:
    """The words of one name are in one case: a word the tagger read as a nominative in a
    name whose other word is plainly oblique ("Шарунаса Матийошайтиса": a genitive given
    name; "Хайдарбеком Бутовым": instrumental endings) takes that case, when it cannot be
    a nominative ("Иванова" can: a woman's surname keeps its form)."""
    case = next((t.case for t in toks if t.case not in (None, "Nom")), None)
    if case is None and any(t.text.lower().endswith(_INSTRUMENTAL)
                            or _SURNAME_INSTRUMENTAL.fullmatch(t.text) for t in toks):
        case = "Ins"
    if case is None or len(toks) < 2:
        return toks
    # in an instrumental name a word ending so is instrumental too, whatever the dictionary
    # guesses of a name it does not know ("Батталом Батталовым": "Батталом" could be read as
    # a nominative)
    return [replace(t, feats={**t.feats, "Case": case}) if t.case == "Nom" and (
        not any(p.tag.case == "nomn" for p in morph().parse(t.text))
        or case == "Ins" and t.text.lower().endswith(_INSTRUMENTAL)) else t for t in toks]


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


def _match_person(persons: list[_Person], full: str, surname: str,
                  first: str | None) -> _Person | None:
    """The known person a mention names: the same surname (exactly, then but for an
    inflection the normaliser missed) with a compatible first name; else a first name or
    "Имя Отчество" alone that fits one known person."""
    for exact in (True, False):
        for p in persons:
            same = (_key(p.surname) == _key(surname)) if exact \
                else _same_surname(p.surname, surname)
            if same and (first is None or p.first is None
                         or p.first[:1].lower() == first[:1].lower()):
                return p
    if first is None:
        # a first name or "Имя Отчество" alone: the one known person it fits
        fits = [p for p in persons
                if {_key(w) for w in full.split()} <= {_key(w) for w in p.full_name.split()}]
        if len(fits) == 1:
            return fits[0]
    if first is not None and re.search(r"(?:вич|вна|ична|овна|евна)$", surname):
        fits = [p for p in persons if _key(surname) in _key(p.full_name).split()
                and _key(first) in _key(p.full_name).split()]
        if len(fits) == 1:
            return fits[0]
    return None


def _update_person(match: _Person, full: str, surname: str, first: str | None,
                   is_nom: bool) -> None:
    """Keep the best spelling of a person's name: the fuller form seen later ("В. Путин"
    then "Владимир Путин"), or the same name read in the nominative."""
    if first and len(first.rstrip(".")) > 1 and (
        not match.first or len(match.first.rstrip(".")) <= 1
        or len(full.split()) > len(match.full_name.split())
        and match.first[:1].lower() == first[:1].lower()
    ):
        match.full_name, match.first, match.surname = full, first, surname
        match.nominative = is_nom
    elif is_nom and not match.nominative and first and match.first \
            and len(full.split()) == len(match.full_name.split()):
        # the same name in the nominative is the safer spelling ("Ле Пена" -> "Ле Пен")
        match.full_name, match.first, match.surname = full, first, surname
        match.nominative = True


# an opening quote and one capitalised word right before a name: the name of a ship, a
# plant or a prize called after a titled person («Капитан Хлебников», «Адмирал Макаров»)
_TITLED_NAME_IN_QUOTES = re.compile(r"[«\"“„]\s*[А-ЯЁ][а-яё-]+\s+$")
_PATRONYMIC = re.compile(r"(?:вич|вна|ична|овна|евна|вича|вны|ичны|овны|евны)$")


def person_spans(sent: Sentence) -> list[Span]:
    """The PER spans of a sentence, with "Имя Отчество" and the surname right after it
    joined when the tagger cut them apart ("Александра Валентиновича" + "Новака")."""
    out: list[Span] = []
    for sp in sent.spans:
        if sp.type != "PER" and (sp := _surname_read_as_place(sent, sp)) is None:
            continue
        if _TITLED_NAME_IN_QUOTES.search(sent.text[:sp.start - sent.start]) and \
                re.match(r"\s*[»\"”]", sent.text[sp.end - sent.start:]):
            continue  # «Капитан Хлебников», «Академик Фёдоров»: a ship's or a thing's name
        prev = out[-1] if out else None
        gap = sent.text[prev.end - sent.start:sp.start - sent.start] if prev else "x"
        if prev is not None and not gap.strip() and len(prev.text.split()) == 2 \
                and _PATRONYMIC.search(prev.text.split()[-1].lower()) \
                and len(sp.text.split()) == 1:
            out[-1] = replace(prev, end=sp.end, text=sent.text[prev.start - sent.start:
                                                                 sp.end - sent.start],
                              normal=f"{prev.normal} {sp.normal}", first=prev.first,
                              middle=prev.normal.split()[-1], last=sp.normal)
            continue
        out.append(_with_surname_before(sent, sp))
    return out


def _with_surname_before(sent: Sentence, sp: Span) -> Span:
    """"Министр экономики Чиджиев Андрей Улюмджиевич": the family name written before the
    given name and the patronymic, which the tagger left out of the name, joins it when the
    three words read as one name (_name_with_patronymic)."""
    words = sp.text.split()
    if len(words) != 2 or not _PATRONYMIC.search(words[-1].lower()):
        return sp
    m = re.search(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?) $", sent.text[:sp.start - sent.start])
    if m is None or any(o.start <= sent.start + m.start(1) < o.end and (
            o.type == "PER" or o.end != sent.start + m.end(1) or " " not in o.text)
            for o in sent.spans):
        return sp  # a word of another name; the last word of a longer place or organization
        # may be the family name the tagger read into it ("Республики Калмыкия Чиджиев")
    text = f"{m.group(1)} {sp.text}"
    if (name := _name_with_patronymic(text)) is None:
        return sp
    first, middle, last = name[0].split()
    return replace(sp, start=sent.start + m.start(1), text=text, normal=name[0],
                   first=first, middle=middle, last=last)


# a family name in the nominative by its ending ("Коньков", "Полякова", "Белых")
_SURNAME_NOMINATIVE = re.compile(r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий"
                                 r"|ская|цкая|ых|их|ко|енко|ук|юк|ян)")


def _surname_read_as_place(sent: Sentence, sp: Span) -> Span | None:
    """"вице-губернатор Поляков", "губернатор Коньков": a lone family name right after a post
    head in the nominative, which the tagger read as a place or an organization (real news
    dev r11_020, r11_025), is a person when the dictionary knows no place by it first."""
    if sp.type == "PER" or " " in sp.text.strip() or not _SURNAME_NOMINATIVE.fullmatch(sp.text):
        return None
    before = [t for t in sent.tokens if t.end <= sp.start]
    if not before or not _is_head(before[-1]) or before[-1].case != "Nom" \
            or before[-1].feats.get("Number") == "Plur":
        return None
    known = [p for p in morph().parse(sp.text.lower()) if {"Surn", "Geox"} & p.tag.grammemes]
    if known and "Geox" in known[0].tag.grammemes or find_regions(sp.text):
        return None
    return replace(sp, type="PER", normal=sp.text, first=None, middle=None, last=sp.text)


def cluster_persons(analyzed: AnalyzedText) -> dict[tuple[int, int], _Person]:
    """Map each PER span to a document-level person (surname-only mentions link back)."""
    persons: list[_Person] = []
    by_span: dict[tuple[int, int], _Person] = {}
    for sent in analyzed.sentences:
        for span in person_spans(sent):
            toks = [t for t in sent.tokens if span.start <= t.start < span.end]
            full, surname, first = _person_from_span(span, toks)
            full, surname = _with_particle(sent, span, toks, full, surname)
            is_nom = bool(toks) and all(t.case == "Nom" for t in toks)
            match = _match_person(persons, full, surname, first)
            if match is None:
                match = _Person(key=f"p{len(persons)}", full_name=full, surname=surname,
                                first=first, nominative=is_nom)
                persons.append(match)
            else:
                _update_person(match, full, surname, first, is_nom)
            by_span[(span.start, span.end)] = match
    return by_span


# ---------------------------------------------------------------------------- posts

def _lem(tok: Token) -> str:
    return tok.lemma.replace("ё", "е")


def _participle_head(tok: Token) -> str | None:
    """"управляющего" -> "управляющий" when the participle is an instrumental head; a
    participle the tagger read as a noun keeps its verb lemma ("управляющим" -> управлять)."""
    verb = tok.pos == "VERB" and tok.feats.get("VerbForm") == "Part"
    if not verb and not (tok.pos == "NOUN" and _lem(tok).endswith(("ть", "ться"))):
        return None
    return _participle_head_of(tok.text.lower())


@lru_cache(maxsize=16384)
def _participle_head_of(word: str) -> str | None:
    """_participle_head of a participle's lower-case text, memoised: the posts ask it of
    every participle of a sentence for each name (~2 % of the rules' CPU)."""
    for p in morph().parse(word):
        if p.tag.POS == "PRTF":
            form = p.inflect({"nomn", "sing", "masc"})
            if form is not None and form.word in INSTRUMENTAL_HEADS:
                return form.word
    return None


def _is_head(tok: Token) -> bool:
    if tok.pos == "VERB" or tok.pos == "NOUN" and _lem(tok).endswith(("ть", "ться")):
        return _participle_head(tok) is not None
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
    if (part := _participle_head(tok)) is not None:
        return part
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
    more_orgs: tuple[str, ...] = ()  # "гендиректор «А» и «Б»": the same post in each
    vague: bool = False  # "глава агентства": a generic noun the article never named


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
        if low in ACTING_ABBREVIATIONS:
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
    words += [t.text if t.text in PORTFOLIO_ABBREVIATIONS else t.text.lower()
              for t in _agreeing_noun(head, compl) if t.text not in "«»\"“”"]
    text = " ".join(words).replace(" ,", ",")
    text = re.sub(r"\s+-\s+", "-", text)
    return text.replace("ё", "е").strip()


def _agreeing_noun(head: Token, compl: list[Token]) -> list[Token]:
    """The complement, its first noun put in the nominative when an adjective head agrees
    with it ("исполнительного директора" -> "исполнительный директор": the adjective is
    the post's head, its noun is no genitive complement of it)."""
    if head.pos != "ADJ" or not compl or compl[0].pos != "NOUN" or head.case in (None, "Nom") \
            or compl[0].case != head.case:
        return compl
    src = UD_TO_PYMORPHY_CASE.get(head.case or "", None)
    noun = compl[0]
    word = inflect(noun.text, "nomn", "sing", src)
    return [replace(noun, text=word), *compl[1:]]


_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def _adjective_nominative(word: str, src: str | None, head: Token) -> str:
    """"художественного руководителя" -> "художественный": the head's gender decides
    between the masculine and neuter readings of the genitive."""
    gender = _GENDER.get(head.feats.get("Gender", ""), "masc")
    return adjective_in_nominative(word, src, gender, head.feats.get("Number") == "Plur",
                                   _POST_ADJECTIVES) or inflect(word, "nomn", "sing", src)


# the adjectives of posts the lexicon knows: a tie between two readings goes to them
# ("временного управляющего" is "временный управляющий", not "временной", r19_041)
_POST_ADJECTIVES = frozenset(RECEIVER_WORDS)


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
    # the words as the text spaces them: "„Столыпинский", "В.И." stay whole
    s = "".join(w if i == 0 or toks[i].start <= toks[i - 1].end else " " + w
                for i, w in enumerate(out))
    return s[:1].upper() + s[1:] if s else s


def _keep_initial(src: str, dst: str) -> str:
    return dst[:1].upper() + dst[1:] if src[:1].isupper() else dst


def _quoted(sent: Sentence, tok: Token) -> tuple[str, int] | None:
    """A quoted name starting at `tok`: (name, end offset)."""
    m = re.match(r"[«\"„“]([^»\"”]{1,80})[»\"”]", sent.text[tok.start - sent.start:])
    if not m:
        return None
    # "гендиректором «Техмашсервиса»": the name in the nominative
    name = normalize_org(m.group(1))
    nominative = quoted_nominative(name)
    inside = [t for t in sent.tokens if tok.end <= t.start and t.end <= tok.start + m.end() - 1]
    if nominative == name and len(inside) > 1 and inside[0].text == name.split()[0] \
            and inside[0].pos in ("ADJ", "NOUN") and inside[0].case not in (None, "Nom") \
            and not any("nomn" in p.tag for p in morph().parse(inside[0].text)):
        # "гендиректор «Титановой долины»": the head and its adjectives in the nominative
        nominative = normalize_org(_nominative_phrase(inside))
    return nominative, tok.start + m.end()


def _org_name(span: Span, sent: Sentence | None = None) -> str:
    """The organization a named span gives, in the nominative, without an aside in
    parentheses ("Национального фронта (FN)" -> Национальный фронт): the aside repeats
    the name in another form and is no part of it; a region's own name keeps its brackets
    ("Республика Саха (Якутия)", real news dev r16_024)."""
    name = _org_name_in_span(span, sent)
    if _is_region_name(name):
        return name
    return re.sub(r"\s*\([^()]*\)", "", name).strip() or name


def _org_name_in_span(span: Span, sent: Sentence | None = None) -> str:
    if span.type == "LOC":
        country = country_of(span.normal) or country_of(span.text)
        if country:
            return country
        if _a_district(span):
            return span.normal  # "главой Динского района": the district, not its region
        region = resolve_region(span.text) or resolve_region(span.normal)
        if region is not None and _names_a_city(span, region.name):
            return _city_nominative(span)
        return region.name if region else span.normal
    if sent is not None and (named := described_name(sent.text[span.start - sent.start:])):
        return named[0]  # "ОЭЗ «Калуга»": a kind of body and its quoted name, quotes kept
    word = span.normal.lower()
    if " " not in word and (lem := lemma(word).replace("ё", "е")) in GOVERNMENT_WORDS \
            and lem != word and lem.startswith(word[:3]):
        return span.normal[:1] + lem[1:]  # "Минтруда", "Минстроя": a ministry's short name
    # span.normal inflects only the head group (pipeline/runtime/nlp.py org_head_normal)
    return _generic_last_nominative(normalize_org(span.normal))


def _generic_last_nominative(name: str) -> str:
    """"РАТМ Холдинга" -> "РАТМ Холдинг": a name that ends with a generic organization
    noun after a word that does not inflect (an abbreviation, a Latin or indeclinable
    brand) keeps that noun in an oblique case, where the tagger inflects only the first
    word; put in the nominative (real news dev r12_012: "президент РАТМ Холдинга")."""
    words = name.split()
    if len(words) != 2 or not words[1][:1].isupper() or not (
            words[0].isupper() or re.fullmatch(r"[A-Za-z-]+", words[0])
            or lemma(words[0].lower()) == words[0].lower()):
        return name
    lem = lemma(words[1].lower()).replace("ё", "е")
    if lem not in GENERIC_ORG_NOUNS or lem == words[1].lower():
        return name
    return f"{words[0]} {_cap(inflect(words[1].lower(), 'nomn'))}"


def _a_district(span: Span) -> bool:
    """A district named after a town ("Динской район", "Воткинский район"): its own place,
    not the region the town lies in; a region's own name ("Ханты-Мансийский автономный
    округ") is a region."""
    return _district_noun_of(span.normal) is not None


def _district_noun_of(name: str) -> str | None:
    """"район" for "Динской район", "округ" for "Грачевский муниципальный округ"; None for
    any other name, a region's own ("Ханты-Мансийский автономный округ") included."""
    words = name.lower().split()
    if len(words) < 2 or (noun := lemma(words[-1])) not in DISTRICT_WORDS:
        return None
    return None if any(m.via == "region" for m in find_regions(name)) else noun


def _names_a_city(span: Span, region_name: str) -> bool:
    """"глава Химок": a city that is not its region's name is the post's own place, not
    the region around it (Москва and the other federal cities are both)."""
    found = find_regions(span.text)
    return len(found) == 1 and found[0].via == VIA_CITY and _key(span.normal) != _key(
        region_name) and found[0].end - found[0].start >= len(span.text.strip()) - 1


def _city_nominative(span: Span) -> str:
    """"Химок" -> "Химки": natasha leaves some city names as written."""
    if " " in span.text.strip():
        return span.normal
    geo = [p for p in morph().parse(span.text.strip()) if "Geox" in p.tag]
    return _cap(geo[0].normal_form) if geo else span.normal


def _city_word_nominative(word: str) -> str:
    """"Коврове" -> "Ковров": a one-word city name the gazetteer found, in the nominative."""
    geo = [p for p in morph().parse(word.strip()) if "Geox" in p.tag]
    return _cap(geo[0].normal_form) if geo else word.strip()


def _place_adjective(tok: Token) -> str | None:
    if tok.pos != "ADJ" and not (tok.pos == "PROPN" and _adjective_in_case(tok, tok.case)):
        return None  # a capitalised adjective may be tagged a name ("Орловский глава")
    lem = _lem(tok)
    country = country_adjectives().get(lem)
    if country:
        return country
    if lem in PRE_MODIFIERS:
        return None
    if not lem.endswith(("ский", "цкий", "ской", "ный")):
        return None
    # the region's own adjective before a town spelt the same ("Орловский глава": Орловская
    # область, not the town Орловский of Rostov region; real news dev r10_004)
    own = [m.region for m in find_regions(lem.capitalize()) if m.via == "adjective"]
    region = own[0] if own else resolve_region(lem)
    return region.name if region else None

@dataclass(frozen=True)
class Article:
    """What the rules know about the document beyond one sentence, passed explicitly
    down the call chain (no module state, so documents analysed in threads never share
    it): the article's region, the country it names most, its generic-noun memory
    ("партии «Яблоко»" ... "глава партии" -> Яблоко) and the company the story is about."""
    region_name: str | None = None
    country: str | None = None
    generic_orgs: Mapping[str, str] = field(default_factory=dict)
    company: str | None = None
    abbreviations: Mapping[str, str] = field(default_factory=dict)


def remember_generic_orgs(analyzed: AnalyzedText) -> dict[str, str]:
    """"партии «Яблоко»" ... "глава партии": a bare generic noun means the organization
    the article last named with that noun."""
    memory: dict[str, str] = {}
    for sent in analyzed.sentences:
        for sp in sent.spans:
            if sp.type == "LOC" and _a_district(sp):
                # "в Воткинском районе" ... "глава района": the district last named
                memory[lemma(sp.normal.split()[-1].lower())] = sp.normal
        toks = sent.tokens
        for i, t in enumerate(toks[:-1]):
            lem = _lem(t)
            if lem not in GENERIC_ORG_NOUNS:
                base = _compound_base(lem)
                if base is not None and (j := _named_by_adjectives(toks, i)) is not None:
                    # "на Сортавальском лесозаводе" ... "главный инженер завода"
                    memory[base] = _adjectives_and_noun(toks[j:i + 1])
                continue
            nxt = toks[i + 1]
            if nxt.text in _OPEN_QUOTES and (q := _quoted(sent, nxt)):
                memory[lem] = q[0]
            elif (sp := _span_at(sent, nxt)) is not None and sp.type == "ORG":
                memory[lem] = _org_name(sp, sent) + _region_tail(sent, sp)
            elif (j := _named_by_adjectives(toks, i)) is not None:
                memory[lem] = _adjectives_and_noun(toks[j:i + 1])
    cities = {_city_word_nominative(m.text) for m in find_regions(analyzed.text)
              if m.via == VIA_CITY and " " not in m.text.strip()
              and _key(_city_word_nominative(m.text)) != _key(m.region.name)}
    if len(cities) == 1:
        # "В Коврове открыли завод ... глава города": the one city the article names
        memory[_CITY] = cities.pop()
    return memory


_CITY = "город"


def _region_tail(sent: Sentence, org: Span) -> str:
    """" Запорожской области" when a region in the genitive follows a named organization
    ("Фонд развития промышленности Запорожской области создан ..."): the region is part of
    the name the article later calls "фонд" (real news dev r14_006), as a post before the
    full name reads it; "" otherwise."""
    tail = next((sp for sp in sent.spans if sp.start > org.end), None)
    if tail is None or tail.type != "LOC" or sent.text[org.end - sent.start:tail.start
                                                        - sent.start].strip():
        return ""
    first = next((t for t in sent.tokens if t.start == tail.start), None)
    region = resolve_region(tail.text) or resolve_region(tail.normal)
    if first is None or first.case != "Gen" or region is None or _a_district(tail):
        return ""
    return " " + tail.text


def _compound_base(lem: str) -> str | None:
    """"лесозавод", "хлебокомбинат", "маслосырзавод": a compound whose last part is a
    generic noun of a plant (завод, комбинат, фабрика) is one of them, which the article
    later calls by that part alone; the part, else None."""
    for base in PLANT_COMPOUND_BASES:
        if lem.endswith(base) and len(lem) > len(base) + 2 and base in GENERIC_ORG_NOUNS:
            return base
    return None


def _adjectives_and_noun(toks: list[Token]) -> str:
    """"Кинешемской швейной фабрики" -> "Кинешемская швейная фабрика" (the first word
    keeps its capital)."""
    head = toks[-1]
    src = UD_TO_PYMORPHY_CASE.get(head.case or "", None)
    if src in (None, "nomn"):
        return " ".join(t.text for t in toks)
    words = [_keep_initial(t.text, _adjective_nominative(t.text.lower(), src, head))
             for t in toks[:-1]]
    return " ".join([*words, inflect(head.text, "nomn", "sing", src)])


def _adjective_in_case(tok: Token, case: str | None) -> bool:
    """An adjective in `case`; a capitalised one the tagger read as a name ("Кинешемская"
    PROPN) when the dictionary reads it as an adjective in that case."""
    if tok.pos == "ADJ":
        return tok.case == case
    want = UD_TO_PYMORPHY_CASE.get(case or "", None)
    return tok.pos == "PROPN" and want is not None and any(
        p.tag.POS == "ADJF" and want in p.tag for p in morph().parse(tok.text.lower()))


def _named_by_adjectives(toks: list[Token], i: int) -> int | None:
    """"Кинешемская швейная фабрика": a generic noun whose adjectives open with a
    capitalised relative adjective of a place (-ский, -цкий) is a name; the start of its
    adjectives, else None ("новая швейная фабрика", "российская компания" are no names)."""
    j = i
    while j > 0 and _adjective_in_case(toks[j - 1], toks[i].case):
        j -= 1
    if j == i or not toks[j].text[:1].isupper():
        return None
    lem = lemma(toks[j].text.lower()).replace("ё", "е")
    if not lem.endswith(("ский", "цкий")) or country_adjectives().get(lem) \
            or lem in REGION_ADJECTIVES or lem in PRE_MODIFIERS:
        return None
    return j


def defined_abbreviations(analyzed: AnalyzedText) -> dict[str, str]:
    """"Тихвинского вагоностроительного завода (ТВСЗ)": the article defines ТВСЗ, so a
    later "директор ТВСЗ" is of the name it stands for, in the nominative."""
    out: dict[str, str] = {}
    for sent in analyzed.sentences:
        for sp in sent.spans:
            m = re.search(r"\(([А-ЯЁA-Z]{2,6})\)$", sp.text) if sp.type == "ORG" else None
            name = _org_name(sp, sent) if m else ""
            if m and " " in name:
                out.setdefault(m.group(1), name)
    return out


def _is_gen(t: Token, comp: _Complement | None = None) -> bool:
    """Genitive (or unknown); the instrumental too where an instrumental head's complement
    starts ("заведующий кафедрой")."""
    return t.case in ("Gen", None) or comp is not None and comp.ins and t.case == "Ins"


# A piece of the complement reader says what to do after it read its phrase: read on
# (_NEXT), stop (_STOP: the complement ends here), or None (the phrase is not its kind).
Step = Literal["next", "stop"] | None
_NEXT: Step = "next"
_STOP: Step = "stop"


@dataclass
class _Complement:
    """The complement of a post read so far, left to right from the token after the head."""
    i: int  # the next token of the window to read
    last: str  # lemma of the last word kept in the post (is it a portfolio head?)
    compl: list[Token] = field(default_factory=list)  # words kept in the post
    pending: list[Token] = field(default_factory=list)  # adjectives awaiting their noun
    organization: str | None = None
    generic: bool = False  # a generic noun was read ("директор предприятия"): a complement
    ins: bool = False  # the complement's first noun phrase may be in the instrumental
    territory: bool = False  # "в Сибирском федеральном округе" was read into the post
    more_orgs: list[str] = field(default_factory=list)  # "«А» и «Б»": the post in both


def _parse_post(sent: Sentence, toks: list[Token], hi: int, doc: Article,
                one_of: bool = False) -> _Post | None:
    """Read the post whose head is toks[hi] (the window excludes the person's name): the
    modifiers before the head, the complement after it, then the article's defaults."""
    head = toks[hi]
    if head.feats.get("Number") == "Plur" and head.text.lower() not in ACTING_ABBREVIATIONS \
            and not (one_of and _one_of(toks, hi)):
        return None  # "губернаторы областей" name no one person's post
    if head.pos == "VERB" and hi + 1 < len(toks) and (
            _is_head(toks[hi + 1]) or _attributive_participle(toks, hi)):
        # "управляющий директор", "директор управляющей компании": the participle
        # modifies the next word
        return None
    pi = _pre_start(sent, toks, hi)
    pre = _joined_abbreviations(toks[pi:hi])
    place, kept_pre = _split_place(pre, doc)
    comp = _read_complement(sent, toks, hi, doc)
    phase = _phase_of(pre, head) or _shared_phase(sent.tokens, (pre or [head])[0], head)
    return _finish_post(sent, toks, head, kept_pre, phase, place, comp, doc)


def _shared_phase(toks: list[Token], first: Token, head: Token) -> str | None:
    """"бывшего владельца и директора": "бывший" before the first of two nouns joined by
    "и" in one case is said of both (`first` is the post's first word in `toks`)."""
    pi = next((k for k, t in enumerate(toks) if t.start == first.start), 0)
    if pi < 3 or toks[pi - 1].text.lower() != "и" or toks[pi - 2].pos != "NOUN" \
            or toks[pi - 2].case != head.case and {toks[pi - 2].case, head.case} != {"Acc", "Gen"}:
        return None
    return _phase_of(toks[pi - 3:pi - 2], toks[pi - 2]) if toks[pi - 3].pos == "ADJ" else None


def _is_pre_modifier(sent: Sentence, tok: Token, head: Token) -> bool:
    """A word before the head that belongs to the post: a listed modifier ("первый",
    "врио") or an adjective in the head's case ("подмосковный губернатор")."""
    return (_lem(tok) in PRE_MODIFIERS or tok.text.lower() in PRE_MODIFIERS
            or (tok.pos == "VERB" and tok.case == head.case and _is_head(tok))
            or (tok.pos == "ADJ" and tok.case == head.case
                and (_span_at(sent, tok) is None or bool(_place_adjective(tok))))
            or (tok.pos == "PROPN" and tok.case == head.case and bool(_place_adjective(tok))))


def _pre_start(sent: Sentence, toks: list[Token], hi: int) -> int:
    """Index of the first pre-modifier of the head toks[hi] (hi when there is none)."""
    pi = hi
    while pi > 0:
        if _is_pre_modifier(sent, toks[pi - 1], toks[hi]):
            pi -= 1
        elif pi < hi and pi > 1 and _adjectives_joined(toks, pi - 1) \
                and _is_pre_modifier(sent, toks[pi - 2], toks[hi]):
            pi -= 2  # "чрезвычайный и полномочный посол"
        elif pi >= 4 and _dotted_abbreviation(toks, pi - 4):
            pi -= 4  # "и.о. главы": four tokens
        elif pi >= 2 and _lem(toks[pi - 1]) in _ACTING_OBJECTS \
                and toks[pi - 2].text.lower() in _ACTING:
            pi -= 1  # "исполняющий полномочия главы"
        else:
            break
    return pi


def _dotted_head(toks: list[Token], i: int) -> bool:
    """toks[i] is the dot of a head's short form before its complement in lower case
    ("зав. кафедрой социальных коммуникаций", "зам. министра"): no end of a phrase."""
    return toks[i].text == "." and 0 < i < len(toks) - 1 \
        and toks[i - 1].text.lower() in DOTTED_HEADS and toks[i + 1].text[:1].islower()


def _short_form_dot(sent: Sentence, toks: list[Token], comp: _Complement, doc: Article) -> Step:
    """The dot right after a short-form head ("зав. кафедрой") is read past."""
    if comp.compl or comp.pending or not _dotted_head(toks, comp.i):
        return None
    comp.i += 1
    return _NEXT


def _dotted_abbreviation(toks: list[Token], i: int) -> bool:
    """toks[i:i + 4] is an acting abbreviation the tokenizer cut at its dots ("и.о.",
    "и. о." are "и", ".", "о", ".")."""
    return "".join(t.text.lower() for t in toks[i:i + 4]) in ACTING_ABBREVIATIONS \
        and len(toks[i:i + 4]) == 4 and toks[i + 1].text == toks[i + 3].text == "."


def _joined_abbreviations(pre: list[Token]) -> list[Token]:
    """The modifiers with a dotted acting abbreviation made one word again, as the post
    and its phase read it ("и.о. главы ЛНР": acting, the post "и.о. главы")."""
    out: list[Token] = []
    i = 0
    while i < len(pre):
        if _dotted_abbreviation(pre, i):
            joined = "".join(t.text for t in pre[i:i + 4])
            out.append(replace(pre[i], text=joined, end=pre[i + 3].end, lemma=joined.lower()))
            i += 4
        else:
            out.append(pre[i])
            i += 1
    return out


def _adjectives_joined(toks: list[Token], i: int) -> bool:
    """toks[i] is an "и" between two adjectives in one case ("чрезвычайный и
    полномочный"): they modify the same noun."""
    return 0 < i < len(toks) - 1 and toks[i].text.lower() == "и" \
        and toks[i - 1].pos == toks[i + 1].pos == "ADJ" \
        and toks[i - 1].case is not None and toks[i - 1].case == toks[i + 1].case


def _phase_of(pre: list[Token], head: Token) -> str | None:
    """"бывший", "экс-" make a former post; "врио", "и.о." an acting one."""
    words = [*pre, head]
    if any(_lem(t) in _PHASE_FORMER or t.text.lower().startswith("экс") for t in words):
        return "former"
    if any(w in _ACTING or w.startswith("врио") for w in (t.text.lower() for t in words)):
        return "acting"
    return None


def _split_place(pre: list[Token], doc: Article | None = None
                 ) -> tuple[str | None, list[Token]]:
    """A place adjective among the modifiers ("израильский премьер"; "региональный
    министр": the article's region) gives the place, not a word of the post; "бывший" goes
    to the phase; a word that describes the holder ("нынешний", "молодой") is no part of
    the post. Returns (place, kept modifiers)."""
    place = None
    kept: list[Token] = []
    for t in pre:
        if _lem(t) in _PHASE_FORMER or _lem(t) in DESCRIPTIVE_MODIFIERS:
            continue
        if _lem(t) in REGION_ADJECTIVES and doc is not None and doc.region_name:
            place = place or doc.region_name
            continue
        p = _place_adjective(t)
        if p and place is None:
            place = p
            continue
        kept.append(t)
    return place, kept


def _read_complement(sent: Sentence, toks: list[Token], hi: int, doc: Article) -> _Complement:
    """Read the words after the head, one phrase at a time, until a piece stops or no
    piece knows the next word."""
    comp = _Complement(i=hi + 1, last=_lem(toks[hi]),
                       ins=_head_key(toks[hi]) in INSTRUMENTAL_HEADS)
    while comp.i < len(toks):
        step = None
        for piece in _PIECES:
            step = piece(sent, toks, comp, doc)
            if step is not None:
                break
        if step != _NEXT:
            break
    _territory(sent, toks, hi, comp)
    _more_member_orgs(sent, toks, hi, comp)
    _places_of_post(sent, toks, comp)
    return comp


def _places_of_post(sent: Sentence, toks: list[Token], comp: _Complement) -> None:
    """"директора по развитию бизнеса Philips в России, на Украине, в Белоруссии и
    Казахстане Елену Иванову": a list of the places the post covers, after its named
    organization, is read past (no part of the post nor of the organization) so that the
    post still reaches the name; one place ("Philips в России") is read as before."""
    if comp.organization is None or comp.pending:
        return
    i, places = comp.i, 0
    while i < len(toks):
        j = i + 1 if places and toks[i].text.lower() in (",", "и") else i
        if j < len(toks) and _lem(toks[j]) in ("в", "во", "на"):
            j += 1
        sp = _span_at(sent, toks[j]) if j < len(toks) and (j > i or places) else None
        if sp is None or sp.type != "LOC" or toks[j].start != sp.start:
            break
        places += 1
        while j < len(toks) and toks[j].start < sp.end:
            j += 1
        i = j
    if places >= 2:
        comp.i = i


def _more_member_orgs(sent: Sentence, toks: list[Token], hi: int, comp: _Complement) -> None:
    """"члена Общественной палаты и российско-американской рабочей группы по гражданскому
    обществу": a member of two bodies joined by "и" is a member of each (one row per
    body, as for "гендиректор «А» и «Б»"); the second is named or described in words
    (adjectives and an organization noun, with its tail)."""
    i = comp.i
    if _head_key(toks[hi]) not in MEMBER_HEADS or comp.organization is None \
            or comp.more_orgs or i + 1 >= len(toks) or toks[i].text.lower() != "и":
        return
    sp = _span_at(sent, toks[i + 1])
    if sp is not None:
        if sp.type == "ORG" and toks[i + 1].start == sp.start and toks[i + 1].case in ("Gen", None):
            comp.more_orgs.append(_org_name(sp, sent))
            comp.i = i + 1
            _skip_to(toks, comp, sp.end)
        return
    k = i + 1
    while k < len(toks) and _span_at(sent, toks[k]) is None and toks[k].case in ("Gen", None) \
            and (toks[k].pos == "ADJ" or _modifies_next(toks, k)
                 or toks[k].pos == "NOUN" and k + 1 < len(toks) and toks[k + 1].pos == "NOUN"
                 and _lem(toks[k + 1]) in GENERIC_ORG_NOUNS | MEMBER_BODIES):
        k += 1
    t = toks[k] if k < len(toks) else None
    if t is None or k == i + 1 or t.pos != "NOUN" or t.case != "Gen" \
            or _span_at(sent, t) is not None or _lem(t) not in GENERIC_ORG_NOUNS | MEMBER_BODIES:
        return
    comp.i = k + 1
    tail = _read_unit_tail(sent, toks, comp, t.end).strip()
    # a compound adjective the tagger gave no case is in its noun's ("российско-американской")
    words = [x if x.case else replace(x, feats={**x.feats, "Case": "Gen"})
             for x in toks[i + 1:k + 1]]
    comp.more_orgs.append(normalize_org(f"{_nominative_phrase(words)} {tail}".strip()))


def _a_territory(sp: Span) -> bool:
    """A federal district ("Сибирском федеральном округе", "СФО"), not a region whose name
    ends in "округ" ("Ханты-Мансийский автономный округ")."""
    words = sp.normal.split()
    if len(words) == 1:
        return sp.text.strip() in TERRITORY_ABBREVIATIONS
    return lemma(words[-1].lower()) in TERRITORY_NOUNS and \
        not any(m.via == "region" for m in find_regions(sp.normal))


def _territory(sent: Sentence, toks: list[Token], hi: int, comp: _Complement) -> None:
    """"полпред президента РФ в Сибирском федеральном округе": "в" and a federal district
    after the post are its territory and stay in it, with the country written before it
    ("РФ" is the president's, and stays the organization, as factRuEval-2016 has it); a
    district is no organization, so with no country written the post has none."""
    i = comp.i
    if i + 1 >= len(toks) or _lem(toks[i]) not in ("в", "во") or comp.pending:
        return
    sp = _span_at(sent, toks[i + 1])
    if sp is None or sp.type != "LOC" or toks[i + 1].start != sp.start or not _a_territory(sp):
        return
    if comp.organization is not None and country_of(comp.organization) is None:
        return
    last = max((k for k, t in enumerate(toks) if comp.compl and t is comp.compl[-1]),
               default=hi)
    comp.compl += toks[last + 1:i + 1]
    comp.i = i + 1
    while comp.i < len(toks) and toks[comp.i].start < sp.end:
        comp.compl.append(toks[comp.i])
        comp.i += 1
    comp.territory = True


def _skip_to(toks: list[Token], comp: _Complement, end: int) -> None:
    """Move the reader past every token that starts before the offset `end`."""
    while comp.i < len(toks) and toks[comp.i].start < end:
        comp.i += 1


def _keep_in_post(toks: list[Token], comp: _Complement, words_end: int, next_i: int) -> None:
    """The words up to `words_end` (a capitalised unit or body the tagger read as a name)
    belong to the post; reading goes on at `next_i`."""
    comp.compl += [*comp.pending, *toks[comp.i:words_end]]
    comp.pending = []
    comp.last = _lem(toks[words_end - 1])
    comp.i = next_i


def _parents_after(sent: Sentence, toks: list[Token], comp: _Complement, span: Span) -> None:
    """The body or country an organization's name belongs to, written after it in the
    genitive ("Совет муфтиев России", "Институт этнологии и антропологии РАН",
    "Госдепартамента США", "Палаты представителей Конгресса США"), and a bare region word
    after it ("руководитель Агентства инвестиционного развития республики": the region's
    body; `_region_word_named` names the region, real news dev r17_018), added to it."""
    words = len([t for t in toks if span.start <= t.start < span.end])
    if _regional_ministry(sent, toks, comp, span):
        return
    for _ in range(2):
        parent = _span_at(sent, toks[comp.i]) if comp.i < len(toks) else None
        if span.type != "ORG" or parent is None or parent.type not in ("ORG", "LOC") \
                or not (words > 1 or parent.type == "LOC" and country_of(parent.text)):
            break
        comp.organization = f"{comp.organization} {parent.text}"
        words += 1
        _skip_to(toks, comp, parent.end)
    if span.type == "ORG" and comp.i < len(toks) and toks[comp.i].text.islower() \
            and _lem(toks[comp.i]) in REGION_WORDS and _is_gen(toks[comp.i]) \
            and _span_at(sent, toks[comp.i]) is None:
        comp.organization = f"{comp.organization} {toks[comp.i].text}"
        comp.i += 1
    _mission_host(sent, toks, comp)


def _mission_host(sent: Sentence, toks: list[Token], comp: _Complement) -> None:
    """"Посольства Республики Беларусь в РФ": the country a foreign mission (mission_noun)
    sits in is part of its name, as annotated (real news dev r5_031, r12_019)."""
    org = (comp.organization or "").split()
    if not org or lemma(org[0].lower()) not in MISSION_NOUNS or comp.i + 1 >= len(toks):
        return
    own = _span_at(sent, toks[comp.i])
    if len(org) == 1 and own is not None and own.type == "LOC" \
            and own.start == toks[comp.i].start and country_of(own.normal):
        comp.organization = f"{comp.organization} {own.text}"  # "Посольства Республики Беларусь"
        _skip_to(toks, comp, own.end)
    if comp.i + 1 >= len(toks) or _lem(toks[comp.i]) not in ("в", "во"):
        return
    host = _span_at(sent, toks[comp.i + 1])
    if host is None or host.type != "LOC" or host.start != toks[comp.i + 1].start \
            or not (country_of(host.text) or country_of(host.normal)):
        return
    comp.organization = f"{comp.organization} {toks[comp.i].text} {host.text}"
    comp.i += 1
    _skip_to(toks, comp, host.end)


def _regional_ministry(sent: Sentence, toks: list[Token], comp: _Complement, span: Span
                       ) -> bool:
    """"глава Минсельхоза Карачаево-Черкесии", "замглавы Минпромторга ЛНР": a ministry's
    short name (a government word of orgs_words.csv) followed by a region's name is that
    region's ministry, named with the region as `_region_word_named` names it ("Минсельхоз
    Карачаево-Черкесской Республики"), not the country's. A region's abbreviation
    ("главой Минсельхозпрода РД", "Минстроя РТ") stays as written: the tagger reads it as
    a place or an organization (real news dev r22_023: "Минсельхозпрод РД")."""
    parent = _span_at(sent, toks[comp.i]) if comp.i < len(toks) else None
    abbreviation = parent is not None and _region_abbreviation(parent.text)
    if span.type != "ORG" or parent is None or (parent.type != "LOC" and not abbreviation) \
            or toks[comp.i].start != parent.start or not comp.organization \
            or " " in comp.organization \
            or lemma(comp.organization.lower()) not in GOVERNMENT_WORDS:
        return False
    region = resolve_region(parent.normal or parent.text)
    if region is None or country_of(parent.normal or parent.text):
        return False
    comp.organization = f"{comp.organization} " \
        f"{parent.text if abbreviation else region_genitive(region.name)}"
    _skip_to(toks, comp, parent.end)
    return True


def _region_abbreviation(text: str) -> bool:
    """"РД", "КБР", "ЯНАО": a region's initials (capitals only) that the gazetteer knows."""
    return re.fullmatch(r"[А-ЯЁ]{2,5}", text) is not None and resolve_region(text) is not None


def _remembered_in_full(name: str, span: Span, doc: Article) -> str:
    """"генеральный директор Корпорации" after "Корпорация развития Калининградской
    области подписала ...": a generic noun written with a capital, alone, is the body the
    article named in full with that noun (real news dev r14_025), as its lower-case
    "корпорации" is; any other name is kept."""
    if span.type != "ORG" or " " in name:
        return name
    full = doc.generic_orgs.get(lemma(name.lower()).replace("ё", "е"), "")
    return full if _key(full).startswith(_key(name) + " ") else name


def _entity_org(sent: Sentence, toks: list[Token], comp: _Complement, doc: Article) -> Step:
    """A named organization or place right after the post is its organization
    ("глава Минпромторга", "губернатор Калининградской области")."""
    span = _span_at(sent, toks[comp.i])
    if span is None or span.type not in ("ORG", "LOC"):
        return None
    if span.text in PORTFOLIO_ABBREVIATIONS and comp.last in PORTFOLIO_HEADS:
        comp.compl.append(toks[comp.i])  # "глава департамента АПК": the portfolio
        comp.i += 1
        return _STOP
    if _body_before_place(sent, toks, comp.i, span):
        return None  # "председателя Правительства Оренбургской области": the body's noun
    if (end := _body_of_municipality(sent, toks, comp.i, span)) is not None:
        # "Глава Администрации Муниципального образования Усть-Канского района": the body
        # stays in the post, the district named after it is the organization
        _keep_in_post(toks, comp, comp.i + 1, end)
        return _NEXT
    if (end := _legislature_before_place(sent, toks, comp, span)) is not None:
        _keep_in_post(toks, comp, end, end)  # "председатель Законодательного собрания"
        return _NEXT
    if (unit_end := _unit_before_name(sent, toks, comp.i, span)) is not None:
        # "директор Сервисного центра ЗАО «Колакс-М»": the unit stays in the post
        _keep_in_post(toks, comp, unit_end, unit_end)
        return _NEXT
    comp.organization = _remembered_in_full(_org_name(span, sent), span, doc)
    if (noun := _place_noun_after(sent, toks, comp.i, span)) is not None:
        # "главой Изыхских копей": the tagger cut the place to its adjective; its noun
        # follows, in the same case ("Изыхские копи", real news dev r10_028)
        comp.organization = noun[1]
        comp.pending = []
        comp.i = noun[0] + 1
        return _STOP
    if comp.pending and span.type == "ORG" and not any(
            t.pos == "ADV" for t in toks if comp.pending[0].start < t.start < span.start) \
            and not any(_qualitative(t) for t in comp.pending):
        # "глава синодального Отдела ...", "глава японского МИДа": a relative adjective is
        # the organization's, in the nominative before its name; a qualitative one
        # ("влиятельного", "крайне правого") describes it
        head = next(t for t in toks if t.start >= span.start)
        adjs = [_adjective_nominative(t.text.lower(), UD_TO_PYMORPHY_CASE.get(t.case or ""),
                                      head) for t in comp.pending]
        comp.organization = _regional_body_name(comp.organization, comp.pending, doc) \
            or " ".join([*adjs, comp.organization])
    comp.pending = []
    _skip_to(toks, comp, span.end)
    last = [t for t in toks if span.start <= t.start < span.end][-1:]
    if span.type == "ORG" and last and _lem(last[0]) in ORG_UNITS:
        # "Калужского отделения «Деловой России»": a unit the tagger named with its place
        # adjective opens the organization with what follows it, as `_unit_org` reads it
        comp.organization = normalize_org(
            f"{comp.organization}{_read_unit_tail(sent, toks, comp, span.end)}".strip())
        return _STOP
    _parents_after(sent, toks, comp, span)
    _pri_tail(sent, toks, comp)
    _portfolio_after_name(sent, toks, comp, doc)
    return _STOP


def _portfolio_after_name(sent: Sentence, toks: list[Token], comp: _Complement,
                          doc: Article) -> None:
    """"директор НАСА по космическим полётам", "министр ЧР по национальной политике",
    "заместитель директора ООО «X» по производству": the portfolio after the name is the
    post's (real news dev r14_042), also past a closing quote the tagger's name left out."""
    if comp.i + 1 < len(toks) and toks[comp.i].text in "»\"”" \
            and _lem(toks[comp.i + 1]) == "по":
        comp.i += 1
    if comp.i < len(toks) and _lem(toks[comp.i]) == "по":
        _po_phrase(sent, toks, comp, doc)


def _place_noun_after(sent: Sentence, toks: list[Token], i: int, span: Span
                      ) -> tuple[int, str] | None:
    """The noun after a place or body named by one adjective the gazetteer does not know
    ("Изыхских" of "Изыхских копей"), when the two agree and no name follows: (its index,
    the two in the nominative). pymorphy decides the agreement (the tagger reads "копей"
    as a singular)."""
    j = i + 1
    if j >= len(toks) or toks[j].start < span.end or toks[i].start != span.start \
            or toks[i].end != span.end or toks[j].pos != "NOUN" \
            or _span_at(sent, toks[j]) is not None \
            or resolve_region(span.text) is not None or country_of(span.normal):
        return None
    for pa in morph().parse(toks[i].text.lower()):
        for pn in morph().parse(toks[j].text.lower()):
            if pa.tag.POS != "ADJF" or pn.tag.POS != "NOUN" or pa.tag.case != pn.tag.case \
                    or pa.tag.number != pn.tag.number or pa.tag.case == "nomn" \
                    or pa.tag.number == "sing" and pa.tag.gender != pn.tag.gender:
                continue
            want = {"nomn", pa.tag.number}
            fa, fn = pa.inflect(want), pn.inflect(want)
            if fa and fn:
                return j, f"{_cap(fa.word)} {fn.word}"
    return None


def _regional_body_name(name: str, adjectives: list[Token], doc: Article) -> str | None:
    """"глава подмосковного Минстройкомплекса", "областного Минприроды": a body of one word
    whose adjectives all say it is the article's region's is that body of the region,
    named with the region in the genitive ("Минстройкомплекс Московской области", as real
    news dev r8_016's gold writes it); None otherwise (a country's "японского МИДа")."""
    if doc.region_name is None or " " in name or not adjectives or not all(
            _lem(t) in REGION_ADJECTIVES or _place_adjective(t) == doc.region_name
            for t in adjectives):
        return None
    if inflect(name.lower(), "nomn", "sing", "gent") == name[:-1].lower():
        name = name[:-1]  # "Минпромторга": a masculine name's genitive (not "Минприроды")
    return f"{name} {region_genitive(doc.region_name)}"


def region_genitive(region: str) -> str:
    """"Московская область" -> "Московской области", "Республика Дагестан" -> "Республики
    Дагестан": the words up to the region's noun inflected, the rest (a name) as written;
    a second name after a dash ("— Кузбасс") left out."""
    words = region.split(" — ")[0].split()
    out = []
    for k, w in enumerate(words):
        low = w.lower()
        g = inflect(low, "gent", "sing", "nomn").split("-")
        out.append("-".join(x[:1].upper() + x[1:] if y[:1].isupper() else x
                            for x, y in zip(g, w.split("-"), strict=False)))
        if lemma(low) in REGION_WORDS:
            return " ".join([*out, *words[k + 1:]])
    return " ".join(out)  # a federal city: "Москвы"


def _body_before_place(sent: Sentence, toks: list[Token], i: int, span: Span) -> bool:
    """"заместитель председателя Правительства Оренбургской области": a capitalised body
    noun the tagger read as a name of its own, right before a region, is the post's body
    of that region, as the same noun in lower case is (before a country, "Председатель
    Правительства РФ", the body stays the organization, as factRuEval-2016 has it)."""
    return span.type == "ORG" and toks[i].start == span.start and toks[i].end >= span.end \
        and _lem(toks[i]) in POST_COMPLEMENTS and i + 1 < len(toks) \
        and (nxt := _span_at(sent, toks[i + 1])) is not None and nxt.type == "LOC" \
        and toks[i + 1].start == nxt.start and country_of(nxt.normal) is None \
        and country_of(nxt.text) is None


def _body_of_municipality(sent: Sentence, toks: list[Token], i: int, span: Span
                          ) -> int | None:
    """"Глава Администрации Муниципального образования Усть-Канского района": a capitalised
    body noun and a municipality phrase (`municipality_phrase`) the tagger read as one
    name (of an organization or a place), right before a place, are the body of that
    place, as the same words in lower case are (real news dev r13_026). The index after
    the span, else None."""
    inside = [k for k in range(i, len(toks)) if span.start <= toks[k].start < span.end]
    if len(inside) < 2 or toks[i].start != span.start \
            or _lem(toks[i]) not in POST_COMPLEMENTS \
            or " ".join(_lem(toks[k]) for k in inside[1:]) not in MUNICIPALITY_PHRASES:
        return None
    return _region_right_after(sent, toks, inside[-1] + 1)


def _region_right_after(sent: Sentence, toks: list[Token], end: int) -> int | None:
    """`end` when a place of the country (no country itself) starts right at token `end`,
    else None: the body before it is that place's."""
    nxt = _span_at(sent, toks[end]) if end < len(toks) else None
    if nxt is None or nxt.type != "LOC" or nxt.start != toks[end].start \
            or country_of(nxt.normal) or country_of(nxt.text):
        return None
    return end


def _legislature_before_place(sent: Sentence, toks: list[Token], comp: _Complement,
                              span: Span) -> int | None:
    """"председатель Законодательного собрания Пермского края": a region's legislature
    (`regional_legislature`, lemmas of its name) the tagger named on its own, right before
    the region, after the post of its head (`legislature_head`), stays in the post, as the
    gold of real news dev r12_002 and r19_005 writes it ("первый заместитель председателя
    законодательного собрания"); the region is the organization, as for "председатель
    Правительства Оренбургской области". The index after the span, else None."""
    i = comp.i
    inside = [k for k in range(i, len(toks)) if span.start <= toks[k].start < span.end]
    if span.type != "ORG" or not inside or toks[i].start != span.start \
            or comp.last not in LEGISLATURE_HEADS or comp.pending \
            or " ".join(_lem(toks[k]) for k in inside) not in REGIONAL_LEGISLATURES:
        return None
    return _region_right_after(sent, toks, inside[-1] + 1)


def _unit_before_name(sent: Sentence, toks: list[Token], i: int, span: Span) -> int | None:
    """"руководитель Горно-Алтайского филиала ОАО «РоссельхозБанк»", "директор Сервисного
    центра ЗАО «Колакс-М»": a capitalised unit (adjectives and a unit noun: a post
    complement or a `branch_noun`) the tagger read as a name of its own, right before the
    named company it belongs to (a span opening with a legal form), is a part of the post,
    as the same words in lower case are; the company is the organization (real news dev
    r13_026). The index after the unit, else None."""
    inside = [k for k in range(i, len(toks)) if span.start <= toks[k].start < span.end]
    if span.type != "ORG" or not inside or toks[i].start != span.start:
        return None
    *adjs, noun = inside
    if _lem(toks[noun]) not in POST_COMPLEMENTS | BRANCH_NOUNS \
            or any(toks[k].pos != "ADJ" for k in adjs) or noun + 1 >= len(toks):
        return None
    nxt = _span_at(sent, toks[noun + 1])
    if nxt is None or nxt.type != "ORG" or nxt.start != toks[noun + 1].start \
            or not starts_with_legal_form(nxt.text):
        return None
    return noun + 1


def _qualitative(tok: Token) -> bool:
    """A qualitative adjective ("влиятельный", "новый", "правый"): it describes, where a
    relative one ("синодальный", "японский") names."""
    return any("Qual" in p.tag for p in morph().parse(tok.text.lower()) if p.tag.POS == "ADJF")


def _pri_tail(sent: Sentence, toks: list[Token], comp: _Complement) -> None:
    """"Следственного комитета при прокуратуре": a body attached to another keeps it,
    as written, up to the end of its noun phrase."""
    i = comp.i
    if i + 1 >= len(toks) or _lem(toks[i]) != "при" or comp.organization is None:
        return
    j = i + 1
    while j < len(toks) and _span_at(sent, toks[j]) is None and toks[j].pos == "ADJ":
        j += 1
    if j >= len(toks) or toks[j].pos not in ("NOUN", "PROPN"):
        return
    end = (_span_at(sent, toks[j]) or toks[j]).end
    if _is_head(toks[j]):
        # "представитель Адыгеи при главе администрации Краснодарского края": a place's
        # envoy to a post's holder is the place's (real news dev r11_029)
        k = j + 1
        while k < len(toks) and (toks[k].case == "Gen" and toks[k].pos in ("NOUN", "ADJ",
                                                                          "PROPN")
                                 and ((sp := _span_at(sent, toks[k])) is None
                                      or sp.type != "PER")):
            end = ((sp := _span_at(sent, toks[k])) or toks[k]).end
            k = next((m for m in range(k, len(toks)) if toks[m].start >= end), len(toks))
        if not (resolve_region(comp.organization) or country_of(comp.organization)):
            return
        _skip_to(toks, comp, end)
        return
    tail = sent.text[toks[i].start - sent.start:end - sent.start]
    comp.organization = f"{comp.organization} {tail}"
    _skip_to(toks, comp, end)


def _quoted_org(sent: Sentence, toks: list[Token], comp: _Complement, doc: Article) -> Step:
    """A quoted name is the organization ("директор «Автотора»"); an opening quote that
    closes nothing ends the complement all the same."""
    if toks[comp.i].text not in _OPEN_QUOTES:
        return None
    q = _quoted(sent, toks[comp.i])
    if q:
        comp.organization = q[0]
        _skip_to(toks, comp, q[1])
        while comp.i + 1 < len(toks) and toks[comp.i].text == "и" \
                and toks[comp.i + 1].text in _OPEN_QUOTES \
                and (more := _quoted(sent, toks[comp.i + 1])):
            # "гендиректор «АВГ Газовое оборудование» и «АВГ Прицепная Техника»"
            comp.more_orgs.append(more[0])
            comp.i += 1
            _skip_to(toks, comp, more[1])
        _portfolio_after_name(sent, toks, comp, doc)  # "«X» по производству"
    return _STOP


def _preposition_org(sent: Sentence, toks: list[Token], comp: _Complement,
                     doc: Article) -> Step:
    """"в/во + place" or "от + organization": "полпред президента в Центральном
    федеральном округе", "наблюдатель от ОБСЕ"."""
    lem = _lem(toks[comp.i])
    if lem not in ("в", "во", "от") or comp.organization is not None \
            or comp.i + 1 >= len(toks):
        return None
    sp = _span_at(sent, toks[comp.i + 1])
    if sp is None or not (sp.type == "LOC" or lem == "от" and sp.type == "ORG") \
            or sp.type == "LOC" and _a_territory(sp):
        return None  # a federal district is the post's territory (`_territory`)
    comp.organization = _org_name(sp, sent)
    comp.i += 1
    _skip_to(toks, comp, sp.end)
    return _STOP


def _po_phrase(sent: Sentence, toks: list[Token], comp: _Complement, doc: Article) -> Step:
    """"по + noun phrase" stays in the post: "министр по делам разведки", "директор по
    стратегии и развитию", "вице-президент по связям с общественностью" (a "с" phrase
    inside it); a "по" that opens no noun phrase ends the complement."""
    i, n = comp.i, len(toks)
    if _lem(toks[i]) != "по" or i + 1 >= n:
        return None
    j = i + 1
    case = next((t.case for t in toks[i + 1:] if t.pos == "NOUN"), None)
    while j < n and _span_at(sent, toks[j]) is None and (
        toks[j].pos in ("NOUN", "ADJ")
        or (toks[j].text in ("и", "с", "со") and j + 1 < n
            and toks[j + 1].pos in ("NOUN", "ADJ") and (toks[j].text == "и" or j > i + 1))
        or (toks[j].text == "," and j > i + 1 and _listed_in_case(sent, toks, j + 1, case))
    ) and not (j > i + 1 and toks[j - 1].pos == "NOUN" and _place_adjective(toks[j])) \
            and not (j > i + 1 and _company_noun(toks[j])):
        # "по вопросам прав человека американского министерства": a place adjective
        # after the phrase's nouns opens the organization; so does a company's noun
        # ("директор по развитию компании": the company, named or the story's)
        j += 1
    if j == i + 1:
        return _STOP
    comp.compl += comp.pending + toks[i:j]
    comp.pending = []
    comp.i = j
    comp.last = "_portfolio"  # the post has its portfolio: a genitive after it is no other
    return _NEXT


def _company_noun(tok: Token) -> bool:
    """A genitive noun that names a company by its kind ("компании", "холдинга"): an
    organization noun (`generic_org_noun`) that is a business word of orgs_words.csv."""
    return tok.pos == "NOUN" and tok.case == "Gen" and _lem(tok) in GENERIC_ORG_NOUNS \
        and _lem(tok) in BUSINESS_WORDS


def _listed_in_case(sent: Sentence, toks: list[Token], j: int, case: str | None) -> bool:
    """After a comma in "по национальной политике, внешним связям, печати": the list goes
    on with a noun phrase in the case of its first noun (no name, no post)."""
    k = j
    while k < len(toks) and toks[k].pos == "ADJ" and toks[k].case == case:
        k += 1
    return case is not None and k < len(toks) and toks[k].pos == "NOUN" \
        and toks[k].case == case and _span_at(sent, toks[k]) is None and not _is_head(toks[k])


def _portfolio_list(sent: Sentence, toks: list[Token], comp: _Complement,
                    doc: Article) -> Step:
    """A portfolio listed with commas or with "и" before adjectives stays in the post:
    "министр сельского хозяйства, пищевой и перерабатывающей промышленности", "министр
    экономического, территориального развития и торговли", "управления внешних связей и
    приграничного взаимодействия"; a place word ("области"), a name or a post ends it."""
    i = comp.i
    sep = toks[i].text
    if not (sep == "," and (comp.last == "_portfolio" or comp.pending and comp.last
                            in PORTFOLIO_HEADS) or sep == "и" and comp.last == "_portfolio"
            and not comp.pending):
        return None
    j, end = i + 1, None
    while j < len(toks):
        t = toks[j]
        if _portfolio_word(sent, t):
            j += 1
            if t.pos == "NOUN":
                end = j
        elif t.text in (",", "и") and j > i + 1 and j + 1 < len(toks) \
                and _portfolio_word(sent, toks[j + 1]):
            j += 1
        else:
            break
    if end is None or sep == "и" and toks[i + 1].pos == "NOUN":
        return None  # "промышленности и торговли": `_genitive_chain` joins a pair of nouns
    comp.compl += [*comp.pending, *toks[i:end]]
    comp.pending = []
    comp.i = end
    comp.last = "_portfolio"
    return _NEXT


def _portfolio_word(sent: Sentence, t: Token) -> bool:
    """A genitive word of a portfolio: an adjective, a participle or a noun that names no
    place, no post and nothing the tagger read as a name."""
    if _span_at(sent, t) is not None or t.case not in ("Gen", None) or _is_head(t):
        return False
    if t.pos == "VERB":
        return t.feats.get("VerbForm") == "Part"
    return t.pos == "ADJ" or t.pos == "NOUN" and _lem(t) not in (
        REGION_WORDS | CITY_WORDS | DISTRICT_WORDS | STATE_WORDS | GENERIC_ORG_NOUNS)


def _adjectives(sent: Sentence, toks: list[Token], comp: _Complement, doc: Article) -> Step:
    """Genitive adjectives wait for their noun, which decides whether they belong to the
    post or to the organization ("крайне правого движения": a degree adverb inside)."""
    t, i = toks[comp.i], comp.i
    if (t.pos == "ADJ" and _is_gen(t, comp) or _attributive_participle(toks, i)) \
            and _span_at(sent, t) is None:
        # "директор управляющей компании": a participle before its noun is an adjective
        comp.pending.append(t)
        comp.i += 1
        return _NEXT
    if t.pos == "ADV" and comp.pending and i + 1 < len(toks) and toks[i + 1].pos == "ADJ":
        comp.i += 1
        return _NEXT
    if comp.pending and _adjectives_joined(toks, i):
        # "развития малого и среднего предпринимательства": two adjectives, one noun
        comp.pending.append(t)
        comp.i += 1
        return _NEXT
    return None


def _genitive_noun(sent: Sentence, toks: list[Token], comp: _Complement,
                   doc: Article) -> Step:
    """A genitive noun: a word for the article's place, a part of the post, or the
    organization in words, in that order."""
    t = toks[comp.i]
    if t.pos not in ("NOUN", "PROPN") or not _is_gen(t, comp):
        return None
    comp.ins = False
    return (_city_named(sent, toks, comp) or _place_noun(t, comp, doc)
            or _regional_cabinet(t, comp, doc) or _country_cabinet(t, comp)
            or _district_noun(sent, toks, comp, doc)
            or _unit_org(sent, toks, comp) or _portfolio_object(sent, toks, comp)
            or _genitive_chain(sent, toks, comp) or _org_in_words(sent, toks, comp, doc))


def _portfolio_object(sent: Sentence, toks: list[Token], comp: _Complement) -> Step:
    """"управления развития малого предпринимательства", "комитета охраны окружающей
    среды", "департамента развития новых территорий": a portfolio that is an action
    (a noun of a verb, OBJECT_NOUNS) takes what it acts on as its genitive object, and the
    object with its own genitives stays in the post; it is no organization. A name, a
    quote, a place word or a generic organization noun ("компании") is not read here."""
    t = toks[comp.i]
    if comp.last != "_object" and not (comp.last == "_portfolio" and comp.compl
                                       and _acts_on_object(comp.compl[-1])):
        return None
    if _span_at(sent, t) is not None or _lem(t) in GENERIC_ORG_NOUNS or _is_head(t) \
            or t.case is None or any(_span_at(sent, p) is not None for p in comp.pending):
        return None
    comp.compl += [*comp.pending, t]
    comp.pending = []
    comp.i += 1
    comp.last = "_object"
    i = comp.i
    if i + 1 < len(toks) and toks[i].text == "и" and toks[i + 1].pos == "NOUN" \
            and _is_gen(toks[i + 1]) and _span_at(sent, toks[i + 1]) is None \
            and _lem(toks[i + 1]) not in GENERIC_ORG_NOUNS:
        comp.compl += toks[i:i + 2]  # "развития промышленности и торговли": a pair
        comp.i += 2
    return _NEXT


def _acts_on_object(tok: Token) -> bool:
    """A noun of an action that governs a genitive object: "развитие", "привлечение"
    (made of a verb with -ние/-тие), or one of OBJECT_NOUNS ("охрана", "поддержка")."""
    lem = _lem(tok)
    return tok.pos == "NOUN" and (lem.endswith(("ние", "тие")) or lem in OBJECT_NOUNS)


def _city_named(sent: Sentence, toks: list[Token], comp: _Complement) -> Step:
    """"мэр города Пензы": the city's name after the word is the organization, read next
    (the word alone, "мэр города", is `_place_noun`'s)."""
    nxt = toks[comp.i + 1] if comp.i + 1 < len(toks) else None
    if comp.pending or _lem(toks[comp.i]) not in CITY_WORDS or nxt is None \
            or (sp := _span_at(sent, nxt)) is None or sp.type != "LOC" or sp.start != nxt.start:
        return None
    comp.i += 1
    return _NEXT


def _place_noun(t: Token, comp: _Complement, doc: Article) -> Step:
    """"губернатор области" (the article's region), "мэр города" (the region when it is
    a federal city), "глава государства" (the article's country; the word stays)."""
    if comp.pending:
        return None
    lem = _lem(t)
    if lem in REGION_WORDS and lem in DISTRICT_WORDS and not _region_is_a(lem, doc):
        return None  # "глава округа" in Ставрополье: a municipal округ (`_district_noun`)
    if lem in REGION_WORDS:
        comp.organization = doc.region_name
    elif lem in CITY_WORDS:
        comp.organization = doc.region_name if doc.region_name in FEDERAL_CITIES \
            else doc.generic_orgs.get(_CITY) if lem == _CITY else None
    elif lem in STATE_WORDS:
        if _state_word_in_post(comp):
            comp.compl.append(t)
        comp.organization = doc.country
    else:
        return None
    comp.i += 1
    return _STOP


def _state_word_in_post(comp: _Complement) -> bool:
    """"глава государства" is a post of its own (a head that needs its complement keeps
    the word); after any other post the word only names the country, which is the
    organization: "премьер-министром страны" is премьер-министр of the country (factRuEval-2016
    devset book_333), "министр финансов страны" министр финансов."""
    return comp.last in NEEDS_COMPLEMENT


def _region_is_a(noun: str, doc: Article) -> bool:
    """Whether the article's region is named with `noun`: "округа" is the region itself
    in an article about an автономный округ ("губернатор округа"), elsewhere a municipal
    округ, whose head is no head of the region (real news dev r19_032 "глава округа" in
    an article about Ставропольский край got the region)."""
    name = (doc.region_name or "").split(" — ")[0]
    return any(lemma(w.lower()) == noun for w in name.split())


def _regional_cabinet(t: Token, comp: _Complement, doc: Article) -> Step:
    """"вице-премьер местного правительства", "премьер областного правительства": a
    cabinet member of the region's cabinet is the region's (the cabinet implied); any
    other post keeps the cabinet word ("председатель регионального правительства" is the
    region's "председатель правительства", as `_country_cabinet` reads a country's)."""
    if _lem(t) not in CABINET_WORDS or comp.compl \
            or not comp.pending or doc.region_name is None \
            or not all(_lem(p) in REGION_ADJECTIVES for p in comp.pending):
        return None
    if comp.last not in CABINET_MEMBERS:
        comp.compl.append(t)
    comp.pending = []
    comp.organization = doc.region_name
    comp.i += 1
    return _STOP


def _country_cabinet(t: Token, comp: _Complement) -> Step:
    """"вице-премьера российского правительства": a country's cabinet in words is the
    government under its one name (government_names.csv), as "правительства РФ" is; a
    cabinet member's cabinet is implied, any other post keeps the word."""
    if _lem(t) not in CABINET_WORDS or comp.compl or not comp.pending:
        return None
    countries = {country_adjectives().get(_lem(p)) for p in comp.pending}
    name = GOVERNMENT_NAMES.get(next(iter(countries)) or "") if len(countries) == 1 else None
    if name is None:
        return None
    if comp.last not in CABINET_MEMBERS:
        comp.compl.append(t)
    comp.pending = []
    comp.organization = name
    comp.i += 1
    return _STOP


def _district_noun(sent: Sentence, toks: list[Token], comp: _Complement,
                   doc: Article) -> Step:
    """"глава района" alone: the district the article last named ("в Воткинском районе");
    none when it named none. A name after the word ("района Отрадное") is read as before."""
    t = toks[comp.i]
    phrase = " ".join(_lem(x) for x in [*comp.pending, t])
    if phrase in MUNICIPALITY_PHRASES and (named := doc.generic_orgs.get("район")
                                           or doc.generic_orgs.get("округ")):
        # "глава администрации муниципального образования": the district last named
        comp.pending, comp.organization, comp.generic = [], named, True
        comp.i += 1
        return _STOP
    if comp.pending or _lem(t) not in DISTRICT_WORDS:
        return None
    nxt = toks[comp.i + 1] if comp.i + 1 < len(toks) else None
    if nxt is not None and (_span_at(sent, nxt) is not None or nxt.text in _OPEN_QUOTES):
        return None
    comp.organization = doc.generic_orgs.get(_lem(t))
    comp.generic = True  # "глава района" is a post whether or not the district was named
    comp.i += 1
    return _STOP


def _unit_org(sent: Sentence, toks: list[Token], comp: _Complement) -> Step:
    """A unit of an organization opens the organization with what follows it, as
    written: "лидер фракции КПРФ" -> лидер + фракция КПРФ, "сопредседатель московского
    отделения движения «Солидарность»" -> сопредседатель + московское отделение движения
    Солидарность, "член президиума совета при главном архитекторе Москвы"."""
    t = toks[comp.i]
    if _lem(t) not in ORG_UNITS:
        return None
    unit = [*comp.pending, t]
    comp.pending = []
    comp.i += 1
    comp.organization = normalize_org(
        f"{_nominative_phrase(unit)}{_read_unit_tail(sent, toks, comp, t.end)}".strip())
    return _STOP


def _read_unit_tail(sent: Sentence, toks: list[Token], comp: _Complement, start: int) -> str:
    """What follows a unit's noun and belongs to its organization's name, read from
    toks[comp.i] on, as written and without quotes ("движения «Солидарность»")."""
    end, prep = start, False
    while comp.i < len(toks):
        nxt = _unit_tail(sent, toks, comp.i, prep)
        if nxt is None:
            break
        prep = _lem(toks[comp.i]) in ("и", "при", "по") or prep and toks[comp.i].pos == "ADJ"
        end = max(end, toks[nxt - 1].end)
        comp.i = nxt
    tail = sent.text[start - sent.start:end - sent.start]
    return re.sub(r"\s+", " ", re.sub(f"[{_OPEN_QUOTES}»”]", "", tail))


def _unit_tail(sent: Sentence, toks: list[Token], i: int, prep: bool) -> int | None:
    """The index after the piece of an organization's name that starts at toks[i]: a
    named or quoted name, a genitive word (any case right after "и", "при", "по":
    "при главном архитекторе Москвы"), or one of these three words before a word."""
    t = toks[i]
    sp = _span_at(sent, t)
    if sp is not None and sp.type in ("ORG", "LOC"):
        while i < len(toks) and toks[i].start < sp.end:
            i += 1
        return i
    if t.text in _OPEN_QUOTES and (q := _quoted(sent, t)):
        while i < len(toks) and toks[i].start < q[1]:
            i += 1
        return i
    if _org_word(sent, t) or sp is None and t.pos in ("NOUN", "PROPN") and (
            prep or _is_gen(t) and t.feats.get("Number") == "Plur") \
            or prep and sp is None and t.pos == "ADJ":
        return i + 1
    if i + 1 < len(toks) and _lem(t) in ("и", "при", "по") and (
            _span_at(sent, toks[i + 1]) is not None
            or toks[i + 1].pos in ("NOUN", "ADJ", "PROPN")):
        return i + 1
    return None


def _member_body(sent: Sentence, toks: list[Token], comp: _Complement, doc: Article) -> Step:
    """"членом бюджетно-финансового парламентского комитета", "депутат муниципального
    собрания района Отрадное": a member belongs to an assembly; described in words right
    after the head, it is his organization with the place named after it (the real-news
    gold writes депутат + "Законодательное Собрание Вологодской области"). A named body
    is `_entity_org`'s; a bare or a board's one ("член совета директоров", "член
    наблюдательного совета") stays in the post; "областной думы" is the article's region's."""
    t = toks[comp.i]
    if comp.last not in MEMBER_HEADS or comp.compl or not comp.pending \
            or _lem(t) not in MEMBER_BODIES or t.pos != "NOUN" or not _is_gen(t) \
            or _span_at(sent, t) is not None or any(
                _lem(p) in POST_COMPLEMENTS or _span_at(sent, p) is not None
                for p in comp.pending):
        return None
    body = [*comp.pending, t]
    comp.pending = []
    comp.i += 1
    name = _nominative_phrase(body)
    tail = _read_unit_tail(sent, toks, comp, t.end).strip()
    if not tail and doc.region_name and all(_lem(p) in REGION_ADJECTIVES for p in body[:-1]):
        tail = region_genitive(doc.region_name)
    comp.organization = normalize_org(f"{name} {tail}".strip())
    return _STOP


def _genitive_chain(sent: Sentence, toks: list[Token], comp: _Complement) -> Step:
    """A genitive noun that names a part of the organization or a portfolio stays in the
    post: "председатель совета директоров", "министр финансов", "промышленности и
    торговли" (a portfolio may be a pair)."""
    t = toks[comp.i]
    lem = _lem(t)
    if not (lem in POST_COMPLEMENTS or _is_head(t) or comp.last in PORTFOLIO_HEADS
            or lem in BARE_COMPLEMENTS and _unnamed(sent, toks, comp.i)):
        return None
    if lem in STORY_COMPANY_NOUNS | PLANT_COMPOUND_BASES and not (
            lem in POST_COMPLEMENTS or _is_head(t)):
        # "глава профсоюзного комитета завода": the plant the committee belongs to is the
        # organization, no portfolio of the committee (real news dev r22_034, r14_035)
        return None
    nxt = toks[comp.i + 1] if comp.i + 1 < len(toks) else None
    if any(country_adjectives().get(_lem(p)) for p in comp.pending) and (
            nxt is None or _span_at(sent, nxt) is None):
        # "американского министерства иностранных дел": a country's body is the
        # organization ("российского филиала Сбербанка" stays a part of the bank)
        return None
    if not (lem in CABINET_WORDS and comp.last in CABINET_MEMBERS and not comp.compl
            and not comp.pending):
        comp.compl += [*comp.pending, t]  # "вице-премьер правительства": the cabinet is implied
    comp.pending = []
    nxt = _span_at(sent, toks[comp.i + 1]) if comp.i + 1 < len(toks) else None
    if lem in NATIONAL_BODIES and nxt is not None and nxt.type == "LOC" \
            and country_of(nxt.normal) and toks[comp.i + 1].start == nxt.start:
        # "председатель правительства РФ": the body of the country, as written
        comp.organization = f"{_cap(lem)} {nxt.text}"
        if lem in CABINET_WORDS and (name := GOVERNMENT_NAMES.get(country_of(nxt.normal) or "")):
            comp.organization = name  # one spelling of the cabinet ("Правительство РФ")
        comp.i += 1
        _skip_to(toks, comp, nxt.end)
        return _STOP
    portfolio = comp.last in PORTFOLIO_HEADS and lem not in POST_COMPLEMENTS
    comp.last = lem
    comp.i += 1
    if portfolio:
        i = comp.i
        if i + 1 < len(toks) and toks[i].text == "и" and toks[i + 1].pos == "NOUN" \
                and _is_gen(toks[i + 1]) and _span_at(sent, toks[i + 1]) is None:
            comp.compl += toks[i:i + 2]
            comp.i += 2
        comp.last = "_portfolio"
    return _NEXT


def _unnamed(sent: Sentence, toks: list[Token], i: int) -> bool:
    """No name (a named span or a quote) follows toks[i]."""
    return i + 1 >= len(toks) or (_span_at(sent, toks[i + 1]) is None
                                  and toks[i + 1].text not in _OPEN_QUOTES
                                  and not re.match(r"[A-Z]", toks[i + 1].text))


def _org_in_words(sent: Sentence, toks: list[Token], comp: _Complement, doc: Article) -> Step:
    """Any other genitive noun phrase is the organization in words ("Русской
    винно-водочной компании", "кафе"); a generic noun ("компании") takes the quoted or
    named name after it, or alone the one the article last named with it."""
    t = toks[comp.i]
    lem = _lem(t)
    org_toks = [*comp.pending, t]
    comp.pending = []
    comp.i += 1
    while comp.i < len(toks) and _org_word(sent, toks[comp.i]):
        org_toks.append(toks[comp.i])
        comp.i += 1
    eponym = _EPONYM.match(sent.text, org_toks[-1].end - sent.start) if len(org_toks) > 1 \
        or lem not in GENERIC_ORG_NOUNS else None
    at = next((k for k, x in enumerate(org_toks) if k and _lem(x) == "имя"), None)
    if eponym is None and at is not None:
        eponym = _EPONYM.match(sent.text, org_toks[at - 1].end - sent.start)
    if eponym is not None:
        # "колхоза им. В.И. Ленина": the name it bears, as written, after "имени"
        org_toks = [x for x in org_toks if x.end - sent.start <= eponym.start()]
        _skip_to(toks, comp, sent.start + eponym.end())
        comp.organization = f"{_nominative_phrase(org_toks)} имени {eponym.group(1)}"
        return _STOP
    nxt = toks[comp.i] if comp.i < len(toks) else None
    if nxt is not None and nxt.text in _OPEN_QUOTES and (q := _quoted(sent, nxt)):
        comp.organization = q[0]
        _skip_to(toks, comp, q[1])
        _portfolio_after_name(sent, toks, comp, doc)  # "компании «X» по производству"
    elif len(org_toks) == 1 and lem not in GENERIC_ORG_NOUNS and nxt is not None \
            and (sp := _span_at(sent, nxt)) is not None and sp.type == "ORG" \
            and nxt.start == sp.start and nxt.case in ("Gen", None):
        # "художественный руководитель балета Большого театра": a bare noun before a
        # named organization is a part of it the post names, as "департамента" is
        comp.compl.append(t)
        comp.organization = _org_name(sp, sent)
        _skip_to(toks, comp, sp.end)
    elif nxt is not None and (sp := _span_at(sent, nxt)) is not None \
            and sp.type in ("ORG", "LOC") and lem in GENERIC_ORG_NOUNS:
        comp.organization = _kind_kept(org_toks, _org_name(sp, sent), written=sp.text)
        if len(org_toks) > 1 and sp.type == "LOC" and (
                country_of(comp.organization) or resolve_region(comp.organization)):
            # "внешнеполитического ведомства России", "агентства инвестиционного развития
            # Ростовской области": a described body of the country or the region
            comp.organization = f"{_nominative_phrase(org_toks)} {sp.text}"
        _skip_to(toks, comp, sp.end)
    elif len(org_toks) == 1 and lem.split("-")[0] in GENERIC_ORG_NOUNS and "-" in lem:
        # "гендиректор компании-инвестора": a description of a company it does not name
        comp.generic = True
    elif len(org_toks) > 1 or lem not in GENERIC_ORG_NOUNS:
        comp.organization = _nominative_phrase(org_toks)
    else:
        # "глава партии": the post is "глава", the party the one the article named;
        # "директор предприятия" never named so: the company the story is about
        comp.organization = doc.generic_orgs.get(lem) or _story_company(lem, doc)
        comp.generic = True
    return _STOP


def _story_company(lem: str, doc: Article) -> str | None:
    """"генерального директора предприятия X" with "предприятие" never named: the company
    the story is about; when that company is a lender (a bank the plant owes, named more
    often than the plant), the one plant the article named ("Сысертский завод ...", real
    news dev r12_008: Сбербанк the creditor), since a bank is no "предприятие"."""
    if lem not in STORY_COMPANY_NOUNS:
        return None
    if not is_lender(doc.company):
        return doc.company
    plants = {name for noun, name in doc.generic_orgs.items() if noun in PLANT_COMPOUND_BASES}
    return plants.pop() if len(plants) == 1 else None


def _kind_kept(org_toks: list[Token], name: str, written: str) -> str:
    """"директор управляющей компании ОЭЗ «Калуга»": a generic noun with an adjective that
    makes it a kind of company of its own (`kept_kind_adjective`: "управляющая компания"
    runs a zone, a park, a house) stays before the name it bears, as the gold of real news
    dev r6_034, r3_026 and r8_011 writes it ("управляющая компания ОЭЗ «Калуга»"). A name
    with its own legal form is the name alone ("управляющей организации ООО «Инновация»",
    r17_030's gold "Инновация"); a quoted name right after the noun is read as before
    ("директор управляющей компании «Альфа»": Альфа)."""
    if len(org_toks) != 2 or starts_with_legal_form(written) or not {_lem(org_toks[0]), *(
            f.word for p in morph().parse(org_toks[0].text.lower())
            if (f := p.inflect({"nomn", "sing", "masc"})))} & KEPT_KIND_ADJECTIVES:
        return name  # "управляющей" is a participle: its masculine nominative is the row
    adj, noun = org_toks
    kind = f"{_adjective_nominative(adj.text.lower(), 'gent', noun)} " \
        f"{inflect(noun.text.lower(), 'nomn', None, 'gent')}"
    return f"{kind} {name}"


# "имени В.И. Ленина", "им. Кирова": the name an organization bears (structure).
_EPONYM = re.compile(r"\s*(?:имени|им\.)\s*((?:[А-ЯЁ]\.\s*){0,2}[А-ЯЁ][а-яё]+)")


def _org_word(sent: Sentence, tok: Token) -> bool:
    """A word that continues an organization in words: an unnamed genitive noun or
    adjective that opens no quote and is no post head, or a head in the plural, which
    names no one's post ("палаты представителей")."""
    return _span_at(sent, tok) is None and tok.text not in _OPEN_QUOTES \
        and tok.pos in ("NOUN", "ADJ", "PROPN") and _is_gen(tok) \
        and (not _is_head(tok) or tok.feats.get("Number") == "Plur")


_PIECES: tuple[Callable[[Sentence, list[Token], _Complement, Article], Step], ...] = (
    _short_form_dot,
    _entity_org, _quoted_org, _preposition_org, _po_phrase, _portfolio_list, _adjectives,
    _member_body, _genitive_noun)


def _finish_post(sent: Sentence, toks: list[Token], head: Token, kept_pre: list[Token],
                 phase: str | None, place: str | None, comp: _Complement,
                 doc: Article) -> _Post | None:
    """The post with its organization: the one written, else the place adjective, else
    the article's region or country for posts that imply them; None for a head that
    needs a complement or an organization it did not get."""
    hlem = _head_key(head)
    if hlem in NEEDS_COMPLEMENT and not comp.compl and comp.organization is None \
            and not comp.generic and (place is None or hlem not in PLACE_GOVERNMENT_POSTS):
        # trailing adjectives without their noun belong to nothing we read; a place
        # adjective completes a post that heads a place ("Орловский глава", r10_004)
        return None
    organization = comp.organization if comp.organization is not None else place
    organization = _written_out(organization, doc)
    organization = _region_word_named(organization, doc)
    default_org = organization is None
    if organization is None and not comp.territory:
        organization = _default_organization(hlem, comp.compl, doc)
    if organization is None and not comp.compl and any(
            _lem(t) in RECEIVER_WORDS for t in kept_pre):
        organization = doc.company  # "конкурсным управляющим утверждена X": the debtor's
    if hlem in NEEDS_ORG and organization is None:
        return None
    position = _nominative_position(kept_pre, head, comp.compl)
    leftover = sum(1 for t in toks[comp.i:] if _span_at(sent, t) is None and t.pos != "PUNCT")
    # "X, исполняющий обязанности представителя": the participle agrees with the name
    case = next((t.case for t in kept_pre if t.text.lower() in _ACTING and t.case), head.case)
    if any(t.text.lower() in ACTING_ABBREVIATIONS for t in kept_pre):
        case = None  # "врио губернатора Иван Петров": the abbreviation does not decline
    if head.pos == "ADJ" and "-" in head.text:
        case = None  # "Экс-председатель" tagged an adjective: its case is a guess
    return _Post(position, organization, phase, hlem, comp.i, leftover, case,
                 default_org and organization is not None, tuple(comp.more_orgs),
                 comp.generic and organization is None)


def region_initials(name: str) -> str:
    """"Чеченская Республика" -> ЧР, "Кабардино-Балкарская Республика" -> КБР (a name's
    part after a dash, "— Чувашия", is a second name, not a word of the first)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name.split(" — ")[0]) if w).upper()


def _written_out(organization: str | None, doc: Article) -> str | None:
    """An abbreviation the article spells out: one it defined in parentheses after the
    full name ("директор ТВСЗ" after "Тихвинского вагоностроительного завода (ТВСЗ)"),
    or capitals made of the initials of the article's region ("министр промышленности ЧР").
    Only the article's region: ЧР is Чечня's or Чувашия's, РТ Татарстан's or Тыва's.
    "вице-премьер Республики" (capitalised, read as a name) is the article's region too
    (real news dev r11_003)."""
    if organization and doc.region_name and " " not in organization \
            and lemma(organization.lower()).replace("ё", "е") in REGION_WORDS:
        return doc.region_name
    if not organization or not re.fullmatch(r"[А-ЯЁA-Z]{2,6}", organization):
        return organization
    if organization in doc.abbreviations:
        return doc.abbreviations[organization]
    if doc.region_name and organization == region_initials(doc.region_name):
        return doc.region_name
    return organization


def _region_word_named(organization: str | None, doc: Article) -> str | None:
    """"глава минсельхоза республики", "директор Корпорации развития области": a body
    whose name ends with a bare region word (REGION_WORDS, lower case) is the article's
    region's body, named with the region in the genitive ("Минсельхоз Карачаево-Черкесской
    Республики"; real news dev r11_028, r17_018's gold "Агентство инвестиционного развития
    Республики Татарстан"). "округа" only where the region is an округ."""
    if not organization or doc.region_name is None:
        return organization
    *body, last = organization.split()
    lem = lemma(last).replace("ё", "е")
    if not body or not last.islower() or lem not in REGION_WORDS \
            or lem in DISTRICT_WORDS and not _region_is_a(lem, doc) \
            or len(body) > 1 and body[-1][:1].isupper() \
            or resolve_region(organization) is not None:
        return organization  # "Корпорация развития Приморского края", "Пермский край"
    name = " ".join(body)
    if len(body) == 1 and inflect(name.lower(), "nomn", "sing", "gent") == name[:-1].lower():
        name = name[:-1]  # "Минпромторга область": a masculine name left in the genitive
    return f"{name} {region_genitive(doc.region_name)}"


def _default_organization(hlem: str, compl: list[Token], doc: Article) -> str | None:
    """No organization written: a regional post's is the article's region ("губернатор",
    "заместитель губернатора": a regional post's deputy is of the same region), a national
    post's ("президент", "член правительства") the article's country; a company head's
    deputy ("заместитель гендиректора") the company the story is about, as "директор
    предприятия" is."""
    regional = hlem in REGIONAL_POSTS or any(_lem(t) in REGIONAL_POSTS | REGIONAL_BODIES
                                                 for t in compl)
    if regional and _federal_portfolio(compl):
        # "министр обороны": no region has one, the country has (real news dev r17_048);
        # an article about a region of Russia (regions.csv) that names no country is Russia's
        return doc.country or (country_of("Россия") if doc.region_name else None)
    organization = doc.region_name if regional else None
    if organization is None and (hlem in NATIONAL_POSTS
                                 or any(_lem(t) in NATIONAL_BODIES for t in compl)):
        organization = doc.country
    if organization is None and compl and _head_key(compl[-1]) in BUSINESS_POSTS:
        organization = doc.company
    return organization


def _federal_portfolio(compl: list[Token]) -> bool:
    """A portfolio of a country's government alone ("обороны", "иностранных дел",
    FEDERAL_PORTFOLIOS): a bare minister of it is the country's, not the article's region's."""
    said = " " + " ".join(_lem(t) for t in compl if t.pos != "PUNCT") + " "
    return any(f" {p} " in said for p in FEDERAL_PORTFOLIOS)


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
        if t.text == "." and i > 0 and re.fullmatch(r"[А-ЯЁ]|им", sent.tokens[i - 1].text) \
                or re.fullmatch(r"[А-ЯЁ]", t.text) and i + 1 < len(sent.tokens) \
                and sent.tokens[i + 1].text == ".":
            out.append(t)  # "колхоза им. В.И. Ленина": an initial and its dot end nothing
            continue
        if any(_dotted_abbreviation(sent.tokens, j) for j in range(max(0, i - 3), i + 1)):
            out.append(t)  # "и.о. главы": the abbreviation's four tokens end nothing
            continue
        if _dotted_head(sent.tokens, i):
            out.append(t)  # "зав. кафедрой": the short form's dot ends nothing
            continue
        if sp is None and (t.text.lower() in _HARD_BOUNDARY
                           or t.pos in _BOUNDARY_POS and not _is_head(t)
                           and t.text.lower() not in _ACTING
                           and not _attributive_participle(sent.tokens, i)):
            # "Разлогов - директор института, Валерий Тишков": a dash closes a name's post
            after_name = t.text in {"-", "—", "–"}
            break
        out.append(t)
        if len(out) > 30:
            break
    out.reverse()
    if out and out[-1].text.lower() == "и":
        # "Шумов, лидер «Центра», и Борзыкин": the post is the first name's; "Вице-премьер
        # и Радий Хабиров посетили" (a fresh real page of session 22): a person named before
        # the sentence holds it, the name after "и" is another one
        return []
    if out and out[-1].text == ",":
        # "директор X, Кирилл Разлогов": the post belongs to the name before it; with no
        # name before, "Бывший спикер палаты, Нэнси Пелоси, ..." is an apposition
        if after_name or any(t.text == "," for t in out[:-1]):
            return []
        out = out[:-1]
    return out


def _attributive_participle(toks: list[Token], i: int) -> bool:
    """"министр ... пищевой и перерабатывающей промышленности": a participle in the
    genitive before a noun or adjective in its case modifies it and ends no phrase."""
    t = toks[i]
    return t.pos == "VERB" and t.feats.get("VerbForm") == "Part" and t.case == "Gen" \
        and i + 1 < len(toks) and toks[i + 1].pos in ("NOUN", "ADJ") \
        and toks[i + 1].case == t.case


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
    for k, t in enumerate(toks):
        sp = _span_at(sent, t)
        if sp is not None and sp.type == "PER":
            then_name = True
            break
        if sp is None and t.text.lower() == "и" and out and _joins(sent, out[-1], toks[k + 1:]):
            out.append(t)
            continue
        if any(_dotted_abbreviation(toks, j) for j in range(max(0, k - 3), k + 1)):
            out.append(t)  # "Иван Петров, и.о. министра": the four tokens end nothing
            continue
        if _dotted_head(toks, k):
            out.append(t)  # "Иван Петров - зав. кафедрой": the short form's dot
            continue
        if sp is None and (t.text.lower() in _HARD_BOUNDARY | _SPLIT
                           or t.pos in _BOUNDARY_POS and t.text.lower() not in _ACTING
                           and not _is_head(t)):
            break  # "исполняющий обязанности" is a participle but opens a post
        out.append(t)
        if len(out) > 15:
            break
    return out, paren, then_name


def _joins(sent: Sentence, prev: Token, rest: list[Token]) -> bool:
    """Whether "и" after a name's post joins more of it: a second post ("политик и лидер
    партии") or a word in the case of the word before it ("отдела серверов и сетей",
    "по Москве и области"); "и" before a name or a clause ends the post."""
    if not rest or (sp := _span_at(sent, rest[0])) is not None and sp.type == "PER":
        return False
    if _starts_post(rest) is not None:
        return True
    nxt = rest[0]
    return prev.case is not None and nxt.case == prev.case \
        and prev.pos in ("NOUN", "PROPN", "ADJ") and nxt.pos in ("NOUN", "PROPN", "ADJ") \
        or prev.case == "Gen" and _body_in_words(sent, rest)


def _body_in_words(sent: Sentence, toks: list[Token]) -> bool:
    """toks open an organization described in words in the genitive: adjectives (a
    compound one the tagger gives no case, "российско-американской") and an organization
    noun ("рабочей группы", "городской думы")."""
    for k, t in enumerate(toks[:6]):
        if _span_at(sent, t) is not None or t.case not in ("Gen", None):
            return False
        if t.pos == "NOUN" and t.case == "Gen":
            return k > 0 and _lem(t) in GENERIC_ORG_NOUNS | MEMBER_BODIES
        if not (t.pos == "ADJ" or _modifies_next(toks, k)):
            return False
    return False


def _one_of(toks: list[Token], hi: int) -> bool:
    """"Иван Петров, один из руководителей компании": one of the holders of a post holds
    it (read in an apposition after the name; before it, "один из руководителей завода,
    глава ООО X Петров", the name's own post is the last one)."""
    return hi >= 2 and _lem(toks[hi - 1]) == "из" and _lem(toks[hi - 2]) == "один" \
        and toks[hi].feats.get("Number") == "Plur"


def _starts_post(toks: list[Token]) -> int | None:
    """Index of the head when the chunk opens with a post (modifiers, then the head), or
    with "один из" and a post in the plural."""
    if len(toks) > 2 and _lem(toks[0]) == "один" and _lem(toks[1]) == "из":
        hi = _starts_post(toks[2:])
        return hi + 2 if hi is not None and _one_of(toks, hi + 2) else None
    dotted = {j for i in range(len(toks)) if _dotted_abbreviation(toks, i)
              for j in range(i, i + 4)}  # "и.о. министра": a pre-modifier cut in four
    for i, t in enumerate(toks):
        if _is_head(t) and not (t.pos == "VERB" and i + 1 < len(toks) and _is_head(toks[i + 1])) \
                and not _modifies_next(toks, i):
            return i
        if not (i in dotted or t.pos == "VERB" and _is_head(t) or _lem(t) in PRE_MODIFIERS
                or i and _lem(t) in _ACTING_OBJECTS and toks[i - 1].text.lower() in _ACTING
                or t.text.lower() in PRE_MODIFIERS or t.pos == "ADJ"
                or t.text.lower().startswith("экс")):
            return None
    return None


def _modifies_next(toks: list[Token], i: int) -> bool:
    """A head read as an adjective before a noun in its case modifies that noun:
    "рабочей группы", "управляющей компании" open no post."""
    t = toks[i]
    return t.pos == "ADJ" and i + 1 < len(toks) and toks[i + 1].pos == "NOUN" \
        and t.case is not None and toks[i + 1].case == t.case


def _chunks(sent: Sentence, toks: list[Token]) -> list[list[Token]]:
    """Split a window at "," and "и" that stand outside names and open a new post."""
    out: list[list[Token]] = [[]]
    for j, t in enumerate(toks):
        if t.text.lower() in _SPLIT and _span_at(sent, t) is None \
                and _starts_post(toks[j + 1:]) is not None and not _adjectives_joined(toks, j):
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


def _posts_before(sent: Sentence, per: Span, doc: Article) -> list[_Post]:
    """Posts written before the name: the chunk next to the name must hold a post that
    reaches it (possibly stacked posts), and earlier chunks of a list ("депутат ...,
    сопредседатель ... Михаил Вельмакин") each a post that reaches its comma."""
    window = _window_before(sent, per)
    if not window:
        return _posts_before_clause(sent, per, doc)
    name_tok = next((t for t in sent.tokens if t.start >= per.start), None)
    chunks = _chunks(sent, window)
    # the chunk next to the name: its last readable post that reaches the name
    near = chunks[-1]
    found = None
    for hi in [i for i, t in enumerate(near) if _is_head(t)]:
        post = _parse_post(sent, near, hi, doc)
        if post is None:
            continue
        stack = _stacked_posts(sent, near, post, doc)
        if stack[-1].leftover <= 2 and _agrees(stack[-1], name_tok):
            found = stack
            break
    if found is None:
        return _posts_before_clause(sent, per, doc)
    if len(chunks) == 1 and len(found) == 1:
        found = [_dashed_post(sent, window, found[0], doc)]
    posts = list(reversed(found))
    for chunk in reversed(chunks[:-1]):
        # an earlier post of the list must reach the comma: "... лидер Меджлиса, депутат"
        post = _post_reaching_end(sent, chunk, doc)
        if post is None:
            break
        posts.append(post)
    return posts


_DASHES = frozenset({"-", "–", "—"})


def _dashed_post(sent: Sentence, window: list[Token], post: _Post, doc: Article) -> _Post:
    """"первый вице-губернатор - первый заместитель председателя правительства области
    Валерий Рогожкин", "заместитель председателя правительства – министр финансов Иван
    Петров": a post, a dash and the name's post before the name are one compound post, as
    written; the organization is the one written with the second post, else the first's.
    The first post must open its clause and reach the dash."""
    at = next((k for k, t in enumerate(sent.tokens) if t is window[0]), None)
    if at is None or at < 2 or sent.tokens[at - 1].text not in _DASHES:
        return post
    dash = sent.tokens[at - 1]
    first = _window_before(sent, Span(dash.start, dash.end, "PER", dash.text, dash.text))
    cut = max((k + 1 for k, t in enumerate(first) if t.text == ","), default=0)
    first = first[cut:]  # "Сегодня, 10 июня, первый вице-губернатор - ...": its clause
    hi = next((k for k, t in enumerate(first) if _is_head(t)), None)
    if hi is None or any(t.text.lower() == "и" for t in first[hi:]):
        return post  # a list before the dash is no one post
    one = _parse_post(sent, first, hi, doc)
    cases = {one.head_case, post.head_case} if one is not None else set()
    if one is None or one.leftover or one.consumed < len(first) \
            or None not in cases and len(cases) > 1 and cases != {"Gen", "Acc"}:
        return post  # the first post must reach the dash, in the case of the second
    last = first[-1]
    if (sp := _span_at(sent, last)) is not None and sp.start == last.start \
            and sp.end <= last.end and _lem(last) in POST_COMPLEMENTS and len(first) > hi + 1:
        # "заместитель председателя Правительства – министр ...": the body's noun the
        # tagger read as a name stays in the post; the place is the second post's
        one = replace(one, position=f"{one.position} {last.text.lower()}", organization=None,
                      default_org=False)
    organization, default = post.organization, post.default_org
    if (organization is None or default) and one.organization and (
            not one.default_org or one.head in REGIONAL_POSTS):
        # "вице-губернатор – министр ...": a regional post makes the compound the region's
        organization, default = one.organization, one.default_org
    return replace(post, position=f"{one.position} {dash.text} {post.position}",
                   organization=organization, default_org=default)


def _posts_before_clause(sent: Sentence, per: Span, doc: Article) -> list[_Post]:
    """The posts before a describing clause set off by commas before the name."""
    at = _clause_before(sent, per)
    return _posts_before(sent, replace(per, start=at), doc) if at is not None else []


def _clause_before(sent: Sentence, per: Span) -> int | None:
    """"гендиректор компании, готовой вложить деньги в производство, Иван Петров": a
    clause set off by commas between a post and the name, opened by an adjective or a
    participle in the case and gender of the noun before it, describes that noun; the
    post before it is the name's. Returns where the clause starts (its first comma)."""
    before = [t for t in sent.tokens if t.end <= per.start]
    if len(before) < 4 or before[-1].text != ",":
        return None
    for j in range(len(before) - 2, max(0, len(before) - 16), -1):
        t = before[j]
        if t.text in _HARD_BOUNDARY or (sp := _span_at(sent, t)) is not None \
                and sp.type == "PER":
            return None
        if t.text != ",":
            continue
        noun, opener = before[j - 1], before[j + 1]
        if j + 2 < len(before) - 1 and noun.pos == "NOUN" and opener.pos in ("ADJ", "VERB") \
                and opener.case is not None and opener.case == noun.case \
                and opener.feats.get("Gender") == noun.feats.get("Gender"):
            return t.start
        return None
    return None


def _stacked_posts(sent: Sentence, near: list[Token], post: _Post,
                   doc: Article) -> list[_Post]:
    """Stacked posts without a comma: "представитель вооружённых сил полковник X"; a later
    post with no organization of its own shares the one before it."""
    stack = [post]
    while stack[-1].leftover > 0 and stack[-1].consumed < len(near):
        at = _after_place_phrase(sent, near, stack[-1].consumed)
        nxt = _starts_post(near[at:])
        if nxt is None:
            break
        more = _parse_post(sent, near, at + nxt, doc)
        if more is None:
            break
        if _other_case(stack[-1], more):
            # "сообщил корреспонденту ИА REGNUM директор предприятия X": the dative post is
            # the listener's, not X's (real news dev r3_050)
            stack = [more]
            continue
        if more.organization is None or more.default_org:
            more.organization, more.default_org = stack[-1].organization, False
        stack.append(more)
    return stack


def _after_place_phrase(sent: Sentence, toks: list[Token], i: int) -> int:
    """The index after "в регионе", "в России" at toks[i] when a post follows it and a
    named organization precedes it ("Глава представительства США в регионе помощник
    заместителя госсекретаря X": where the first post is held, between two stacked
    posts); else i."""
    if not 0 < i < len(toks) - 1 or _lem(toks[i]) not in ("в", "во", "на") \
            or _span_at(sent, toks[i - 1]) is None:
        return i  # the place follows the first post's named organization
    t = toks[i + 1]
    sp = _span_at(sent, t)
    if t.case != "Loc":
        return i  # "в ходе поездки в Братск губернатор ...": a direction, no post's place
    if sp is not None and sp.type == "LOC" and t.start == sp.start:
        j = i + 1
        while j < len(toks) and toks[j].start < sp.end:
            j += 1
    elif sp is None and _lem(t) in REGION_WORDS | CITY_WORDS:
        j = i + 2
    else:
        return i
    return j if _starts_post(toks[j:]) is not None else i


def _other_case(a: _Post, b: _Post) -> bool:
    """Two stacked posts in the nominative and the dative (or instrumental) are not one
    person's: one of them is a verb's object."""
    cases = {a.head_case, b.head_case}
    return None not in cases and len(cases) == 2 and bool(cases & {"Dat", "Ins"}) and \
        "Nom" in cases


def _post_reaching_end(sent: Sentence, chunk: list[Token], doc: Article) -> _Post | None:
    """The first post of a chunk that leaves at most one word unread before its end."""
    for hi in [i for i, t in enumerate(chunk) if _is_head(t)]:
        post = _parse_post(sent, chunk, hi, doc)
        if post is not None and post.leftover <= 1:
            return post
    return None


def _posts_after(sent: Sentence, per: Span, doc: Article) -> list[_Post]:
    """A post in apposition after the name: "Сергей Собянин, мэр Москвы,", "(глава ...)",
    or a caption line; it must agree with the name in case unless in parentheses."""
    window, paren, then_name = _window_after(sent, per)
    chunks = _chunks(sent, window) or [window]
    listed = len(chunks) > 1
    if then_name and listed:
        chunks = chunks[:-1]  # "X, директор завода и председатель совета Y": Y's post
    if _starts_post(chunks[0]) is None and len(chunks) > 1 and _a_noun(chunks[0]):
        chunks = chunks[1:]  # "Гергей Ковач - политик и лидер партии": the post follows
    hi = _starts_post(chunks[0])
    if hi is None:
        # "Александра Брода, известного борца с ксенофобией, члена Общественной палаты":
        # a description that agrees with the name, then the post
        nxt = _apposition_end(sent, per, window)
        return _posts_after(sent, replace(per, end=nxt), doc) if nxt is not None else []
    name_tok = next((t for t in sent.tokens if t.start >= per.start), None)
    posts: list[_Post] = []
    for chunk in chunks:
        hi = _starts_post(chunk)
        post = _parse_post(sent, chunk, hi, doc, one_of=True) if hi is not None else None
        if post is not None and hi is not None and _one_of(chunk, hi):
            post.head_case = chunk[hi - 2].case  # "один" agrees with the name
        if post is None or then_name and post.leftover == 0 and not listed:
            # "Пономарев, координатор движения «Левый фронт» Сергей Удальцов": Удальцов's
            break
        if not paren and not _agrees(post, name_tok):
            break
        posts.append(post)
    return posts


def _a_noun(chunk: list[Token]) -> bool:
    """A bare noun before "и" and a post ("политик и лидер партии"): a description."""
    return len(chunk) == 1 and chunk[0].pos == "NOUN" and not _is_head(chunk[0])


_ANIMATE_ACC = {"Gen": {"Acc"}, "Acc": {"Gen"}}  # the animate accusative is the genitive


def _apposition_end(sent: Sentence, per: Span, window: list[Token]) -> int | None:
    """Where a description in apposition after the name ends at a comma, when it holds
    no post, no verb and a noun in the name's case; None otherwise."""
    name_tok = next((t for t in sent.tokens if t.start >= per.start), None)
    after = [t for t in sent.tokens if window and t.start >= window[-1].end]
    if name_tok is None or not after or after[0].text != "," or per.end == window[0].start:
        return None
    if name_tok.case is None or any(t.pos in ("VERB", "AUX") for t in window):
        return None
    if not any(t.pos == "NOUN" and t.case in ({name_tok.case} | _ANIMATE_ACC.get(
            name_tok.case, set())) for t in window):
        return None
    return after[0].start


def _posts_predicate(sent: Sentence, per: Span, doc: Article) -> list[_Post]:
    """"X занял пост премьер-министра", "X стал депутатом": the subject's post in the
    predicate of its own clause; "назвал X первым вратарём": an object's."""
    name_toks = [t for t in sent.tokens if per.start <= t.start < per.end]
    if not name_toks:
        return []
    toks = [t for t in sent.tokens if t.start >= per.end]
    got = _object_post(sent, name_toks[0], toks, doc)
    if got is not None:
        return got
    if name_toks[0].case not in ("Nom", None):
        return []
    return _verb_post(sent, toks, doc) or _fronted_post(sent, per, doc)


def _fronted_post(sent: Sentence, per: Span, doc: Article) -> list[_Post]:
    """"Место спикера Палаты представителей занял республиканец Джон Бенер": a post noun
    with its post opens the clause, the verb and the subject follow it."""
    before = [t for t in sent.tokens if t.end <= per.start]
    k = len(before) - 1
    while k >= 0 and len(before) - k <= 2 and before[k].pos in ("NOUN", "ADJ") \
            and before[k].case == "Nom" and not _is_head(before[k]):
        k -= 1  # "республиканец"
    if k < 1 or before[k].pos != "VERB" or before[k].feats.get("VerbForm") == "Part":
        return []
    clause = before[:k]
    for j in range(len(clause) - 2, -1, -1):
        t = clause[j]
        if t.text in _HARD_BOUNDARY or t.pos in ("SCONJ", "VERB") or (
                (sp := _span_at(sent, t)) is not None and sp.type == "PER"):
            return []
        if _lem(t) in POST_NOUNS and _is_head(clause[j + 1]) and clause[j + 1].case == "Gen":
            post = _parse_post(sent, clause, j + 1, doc)
            return [post] if post is not None else []
    return []


def _inverted_post(sent: Sentence, per: Span, doc: Article) -> list[_Post]:
    """"Капитаном стал Иван Петров", "министром станет глава партии Иван Петров": the
    post in the instrumental before a copula, its subject (in the nominative) after it,
    possibly behind a post of its own."""
    toks = sent.tokens
    first = next((k for k, t in enumerate(toks) if t.start >= per.start), None)
    if first is None or toks[first].case not in ("Nom", None):
        return []
    k = first - 1
    while k >= 0 and not (_lem(toks[k]) in COPULA_VERBS and toks[k].pos in ("VERB", "AUX")):
        t = toks[k]
        if first - k > 10 or t.text in _HARD_BOUNDARY or t.text == "," and not _in_quote(
                sent, t) or t.pos in ("VERB", "AUX", "SCONJ") \
                or (sp := _span_at(sent, t)) is not None and sp.type == "PER":
            return []
        k -= 1
    k = _since_date(sent, toks, k)
    for h in range(k - 1, max(-1, k - 9), -1):
        t = toks[h]
        if t.text in _HARD_BOUNDARY or t.pos in ("VERB", "AUX"):
            break
        if _is_head(t) and t.case == "Ins":
            post = _parse_post(sent, toks[:k], h, doc)
            if post is not None and post.organization is None and h and \
                    toks[h - 1].text.lower().replace("ё", "е") in POSSESSIVE_PRONOUNS:
                # "Компания …, ее директором является Иван Петров" (real news dev r10_025)
                post = replace(post, organization=_pronoun_org(sent, toks[:h - 1], doc))
            return [post] if post is not None and post.leftover == 0 else []
    return []


def _since_date(sent: Sentence, toks: list[Token], k: int) -> int:
    """"Директором завода с марта 2020 года является Иван Петров": where the post before
    the copula at `k` ends, a date after "с" between them left out; else `k`."""
    for s in range(k - 2, max(-1, k - 6), -1):
        if _lem(toks[s]) in ("с", "со"):
            phrase = sent.text[toks[s + 1].start - sent.start:toks[k - 1].end - sent.start]
            dates = find_dates(phrase)
            if dates and dates[0].start == 0 and dates[0].end >= len(phrase.rstrip(".")):
                return s
            return k
    return k


def _in_quote(sent: Sentence, tok: Token) -> bool:
    """Inside «...» (a comma there ends no phrase)."""
    before = sent.text[:tok.start - sent.start]
    return before.count("«") > before.count("»")


def _object_post(sent: Sentence, name_tok: Token, toks: list[Token],
                 doc: Article) -> list[_Post] | None:
    """"назвал Йенса Лемана первым вратарём": an object and its post in the instrumental
    right after it; None when the name is not followed so."""
    k = 0
    while k < len(toks) and k < 3 and not _is_head(toks[k]) and (
            toks[k].pos == "ADJ" or _lem(toks[k]) in PRE_MODIFIERS):
        k += 1
    if k < len(toks) and _is_head(toks[k]) and toks[k].case == "Ins" \
            and name_tok.case in ("Acc", "Nom", "Gen"):
        post = _parse_post(sent, toks, k, doc)
        if post is not None and post.consumed < len(toks) \
                and _lem(toks[post.consumed]) in COPULA_VERBS:
            return []  # "избрания X премьер-министром станет Y": the post is Y's
        return [post] if post is not None else []
    return None


def _verb_post(sent: Sentence, toks: list[Token], doc: Article) -> list[_Post]:
    """A verb-introduced role within the clause: a head in the genitive after "пост",
    "должность" or in the instrumental after a copula ("стал", "назначен"); a post sought
    ("кандидат на пост") is none, and leaving ("покинул пост") makes it former."""
    former = copula = post_noun = False
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
        former = former or lem in FORMER_WORDS
        if lem in COPULA_VERBS and t.pos in ("VERB", "AUX"):
            copula, since_copula = True, 0
            continue
        if copula:
            since_copula += 1
            if since_copula > 3 or t.pos == "VERB":
                copula = False
        if lem in POST_NOUNS:
            post_noun = True
            continue
        if _is_head(t) and ((post_noun and t.case == "Gen") or (copula and t.case == "Ins")):
            post = _parse_post(sent, toks, j, doc)
            if post is None:
                return []
            if former:
                post.phase = "former"
            return [post, *_next_clause_post(sent, toks[post.consumed:], doc)]
    return []


def _next_clause_post(sent: Sentence, rest: list[Token], doc: Article) -> list[_Post]:
    """"X является депутатом думы, состоит во фракции, также является членом комитета":
    a later clause of the same subject (no other subject in the nominative between) with
    a copula of its own holds a post of its own."""
    for k, t in enumerate(rest[:24]):
        if t.text in {";", ":", ".", "!", "?"} or t.pos == "SCONJ" or _lem(t) == "который":
            return []
        sp = _span_at(sent, t)
        if sp is not None and sp.type == "PER":
            return []
        if sp is None and not _in_quote(sent, t) and t.pos in ("NOUN", "PROPN", "PRON") \
                and t.case == "Nom":
            return []  # another subject
        if _lem(t) in COPULA_VERBS and t.pos in ("VERB", "AUX") \
                and any(x.text in (",", "и") for x in rest[:k]):
            return _verb_post(sent, rest[k:], doc)
    return []


def _coordinated_posts(sent: Sentence, doc: Article) -> dict[tuple[int, int], list[_Post]]:
    """"президенты Франции и США Саркози и Обама": a plural post, its places or
    organizations joined by "и" or commas, then as many names (or one place for all)."""
    toks, out = sent.tokens, {}
    for h, head in enumerate(toks):
        if head.feats.get("Number") != "Plur" or not _is_head(head):
            continue
        c = h + 1  # the portfolio: "министры иностранных дел России и Китая"
        while c < len(toks) and toks[c].pos in ("NOUN", "ADJ") and toks[c].case == "Gen" \
                and _span_at(sent, toks[c]) is None:
            c += 1
        orgs, j = _joined(sent, toks, c, ("ORG", "LOC"))
        names, _ = _joined(sent, toks, j, ("PER",))
        if len(names) < 2 or len(orgs) not in (0, 1, len(names)) or c > h + 1 and not orgs:
            continue
        position = " ".join([inflect(head.text.lower(), "nomn", "sing", UD_TO_PYMORPHY_CASE.get(
            head.case or "")).lower(), *(t.text.lower() for t in toks[h + 1:c])])
        hlem = _head_key(head)
        for k, per in enumerate(persons := [p for p in person_spans(sent) if any(
                p.start <= n.start < p.end for n in names)]):
            org = _org_name(orgs[k if len(orgs) > 1 else 0], sent) if orgs \
                else _default_organization(hlem, [], doc)
            out[(per.start, per.end)] = [_Post(position, org, None, hlem, 0, 0, None)]
        if len(persons) != len(names):
            return {}
    return out


def _plural_post_list(sent: Sentence, doc: Article) -> dict[tuple[int, int], list[_Post]]:
    """"главы администраций муниципальных районов Иван Петров, Петр Сидоров и Олег
    Смирнов", "заместители губернатора Иван Петров и Петр Сидоров": a plural head, its
    genitive complement with no name in it, then two or more names in the head's case:
    each name holds the post in the singular ("глава администрации муниципального района",
    real news dev r22_013), its organization the post's default (`_coordinated_posts`
    reads the lists with a place or organization)."""
    toks, out = sent.tokens, {}
    for h, head in enumerate(toks):
        if head.feats.get("Number") != "Plur" or not _is_head(head):
            continue
        c = h + 1
        while c < len(toks) and toks[c].pos in ("NOUN", "ADJ") and toks[c].case == "Gen" \
                and _span_at(sent, toks[c]) is None:
            c += 1
        names, _ = _joined(sent, toks, c, ("PER",))
        compl = toks[h + 1:c]
        if c == h + 1 or len(names) < 2 or toks[c].case != head.case \
                or toks[c - 1].pos != "NOUN":
            continue
        hlem = _head_key(head)
        org = _default_organization(hlem, compl, doc)
        if hlem in NEEDS_ORG and org is None:
            continue
        position = " ".join([inflect(head.text.lower(), "nomn", "sing", UD_TO_PYMORPHY_CASE.get(
            head.case or "")).lower(), _singular_genitive(compl)])
        for per in person_spans(sent):
            if any(per.start <= n.start < per.end for n in names):
                out[(per.start, per.end)] = [_Post(position, org, None, hlem, 0, 0, None)]
    return out


def _singular_genitive(toks: list[Token]) -> str:
    """"администраций муниципальных районов" -> "администрации муниципального района": a
    plural genitive phrase in the singular, each adjective in the gender of its noun."""
    out = []
    for i, t in enumerate(toks):
        word = t.text.lower()
        if t.feats.get("Number") != "Plur":
            out.append(word)
            continue
        if t.pos == "NOUN":
            out.append(inflect(word, "gent", "sing", "gent"))
            continue
        noun = next((x for x in toks[i + 1:] if x.pos == "NOUN"), None)
        gender = next((p.tag.gender for p in morph().parse(noun.text.lower())
                       if p.tag.gender and "gent" in p.tag), None) if noun else None
        form = next((f for p in morph().parse(word) if "ADJF" in p.tag and "gent" in p.tag
                     and (f := p.inflect({"gent", "sing", gender or "masc"}))), None)
        out.append(form.word if form else word)
    return " ".join(out)


def _joined(sent: Sentence, toks: list[Token], j: int,
            types: tuple[str, ...]) -> tuple[list[Span], int]:
    """The spans of these types from toks[j] on, joined by "и" or commas: (spans, next)."""
    spans: list[Span] = []
    while j < len(toks):
        sp = _span_at(sent, toks[j])
        if sp is None or sp.type not in types or toks[j].start != sp.start:
            break
        spans.append(sp)
        while j < len(toks) and toks[j].start < sp.end:
            j += 1
        if not (j + 1 < len(toks) and toks[j].text.lower() in _SPLIT
                and (nxt := _span_at(sent, toks[j + 1])) is not None and nxt.type in types):
            break
        j += 1
    return spans, j


def _lead_post(sent: Sentence, per: Span, doc: Article) -> list[_Post]:
    """"«Молкомом» руководит Роман Коржов", "Иван Петров возглавил компанию «Вектор»": a
    leading verb next to the name in the nominative, its object a named organization; or
    its participle set off by a comma after the name ("Иван Петров, возглавляющий
    компанию «Вектор»")."""
    toks = sent.tokens
    inside = [k for k, t in enumerate(toks) if per.start <= t.start < per.end]
    if not LEAD_POST or not inside:
        return []
    p = inside[-1] + 2
    if p < len(toks) and toks[p - 1].text == "," and _lem(toks[p]) in LEAD_VERBS \
            and toks[p].feats.get("VerbForm") == "Part" \
            and toks[p].case in (toks[inside[-1]].case, None) \
            and not (toks[p].feats.get("Tense") == "Past"
                     and toks[p].feats.get("Aspect") == "Imp"):  # "возглавлявший": the past
        # "Иван Петров, возглавляющий компанию «Альфа»,": a participle of a leading verb
        # set off after the name, in its case
        org = _lead_object(sent, toks, p + 1, doc)
        return [_Post(LEAD_POST, org, None, LEAD_POST, 0, 0, None)] if org else []
    if toks[inside[0]].case not in ("Nom", None):
        return []
    for v in (inside[-1] + 1, inside[0] - 1):
        if not 0 <= v < len(toks) or _lem(toks[v]) not in LEAD_VERBS \
                or toks[v].pos != "VERB":
            continue
        org = _lead_object(sent, toks, v + 1 if v > inside[-1] else inside[-1] + 1, doc) \
            or _named_before(sent, toks, v, doc)
        if org:
            return [_Post(LEAD_POST, org, None, LEAD_POST, 0, 0, None)]
    return []


def _lead_object(sent: Sentence, toks: list[Token], i: int, doc: Article) -> str | None:
    """The organization a leading verb governs: a name, a quoted name, or a generic noun
    with its name (or the one the article named with it)."""
    if i >= len(toks):
        return None
    comp = _Complement(i=i, last="", ins=True)
    t = toks[i]
    if _entity_org(sent, toks, comp, doc) or _quoted_org(sent, toks, comp, doc):
        return comp.organization
    if t.pos == "NOUN" and _lem(t) in GENERIC_ORG_NOUNS and t.case in ("Ins", "Acc"):
        comp.i += 1  # "компанией «Вектор»", "компанию" (the one the article named)
        if comp.i < len(toks) and (_entity_org(sent, toks, comp, doc)
                                   or _quoted_org(sent, toks, comp, doc)):
            return comp.organization
        return doc.generic_orgs.get(_lem(t))
    return None


def _instrumental_name(name: str) -> str:
    """"Молкомом" -> "Молком": a one-word name governed in the instrumental."""
    if " " in name or not re.fullmatch(r"[А-ЯЁ][а-яё-]+", name):
        return name
    ins = [p for p in morph().parse(name) if p.tag.case == "ablt" and p.tag.POS == "NOUN"]
    return _keep_initial(name, ins[0].normal_form) if ins else name


def _named_before(sent: Sentence, toks: list[Token], v: int, doc: Article) -> str | None:
    """The object written before the verb: "«Молкомом» руководит"; a relative pronoun
    there ("компания «Альфа», которой руководит", "Поморская лесопильная компания, которую
    возглавляет", real news dev r12_024) stands for the name right before its comma."""
    if v == 0:
        return None
    prev = toks[v - 1]
    if _lem(prev) == "который" and v >= 3 and toks[v - 2].text == ",":
        prev = toks[v - 3]
        if prev.text not in "»\"”":
            sp = _span_at(sent, prev)
            # the antecedent is read in its own case
            return _org_name(sp, sent) if sp is not None and sp.type == "ORG" \
                and sp.end == prev.end else None
    if prev.text in "»\"”":
        m = re.search(r"[«\"„“]([^«»\"”]{1,80})$", sent.text[:prev.start - sent.start])
        return _instrumental_name(normalize_org(m.group(1))) if m else None
    sp = _span_at(sent, prev)
    return _instrumental_name(_org_name(sp, sent)) if sp is not None and sp.type == "ORG" \
        else None


def _sector(post: _Post) -> str:
    """government, business or public/other: by the head, then by the organization."""
    org_kind = org_sector(post.organization)
    of_a_place = bool(post.organization) and (
        country_of(post.organization) is not None
        or resolve_region(post.organization or "") is not None)
    if post.head in GOVERNMENT_POSTS or org_kind == "government" \
            or org_sector(post.position) == "government" \
            or post.head in PLACE_GOVERNMENT_POSTS and of_a_place:
        return "government"
    if post.head in BUSINESS_POSTS or org_kind == "business":
        return "business"
    if post.organization and any(w in post.position for w in BUSINESS_STEMS):
        return "business"
    return "public/other"


def find_officials(analyzed: AnalyzedText, region_name: str | None = None,
                   company: str | None = None) -> list[OfficialMention]:
    """Every (person, post, organization) stated in the document, once per document;
    `company` is the one the story is about (context.main_company), if known."""
    analyzed = replace(analyzed, sentences=[_post_out_of_org(s) for s in analyzed.sentences],
                       headline=[_post_out_of_org(s) for s in analyzed.headline])
    doc = Article(region_name=region_name, country=document_country(analyzed),
                  generic_orgs=remember_generic_orgs(analyzed), company=company,
                  abbreviations=defined_abbreviations(analyzed))
    rows = _find(analyzed, doc)
    return _head_as_governor(rows + _headline_rows(analyzed, doc, rows), analyzed)


def _post_out_of_org(sent: Sentence) -> Sentence:
    """"под руководством Председателя Правительства Республики ...": an organization the
    tagger read from a post's own word ("Председателя Правительства") starts after it, so
    the post is read as the post of that body ("председатель правительства"), as when it is
    written in lower case."""
    spans = list(sent.spans)
    for k, sp in enumerate(spans):
        if sp.type != "ORG":
            continue
        head = next((t for t in sent.tokens if t.start == sp.start), None)
        rest = sent.text[head.end - sent.start:sp.end - sent.start].split() if head else []
        if len(rest) == 1 and rest[0][:1].isupper() and _is_head(head):
            spans[k] = replace(sp, start=sp.end - len(rest[0]), text=rest[0],
                               normal=_cap(inflect(rest[0].lower(), "nomn")))
        elif _unit_of_a_generic(sent, sp):
            spans[k] = None
    spans = [sp for sp in spans if sp is not None]
    return sent if spans == sent.spans else replace(sent, spans=spans)


def _unit_of_a_generic(sent: Sentence, sp: Span) -> bool:
    """"председателя профкома предприятия": the tagger's "Профком предприятия" names
    nothing, it is a unit (post_complement) of a company named by a generic noun; read as
    words, the unit stays in the post and the noun gives the company (real news dev r14_035)."""
    toks = [t for t in sent.tokens if sp.start <= t.start < sp.end]
    return len(toks) == 2 and _lem(toks[0]) in POST_COMPLEMENTS and toks[1].text.islower() \
        and _lem(toks[1]) in STORY_COMPANY_NOUNS | PLANT_COMPOUND_BASES


def _headline_rows(analyzed: AnalyzedText, doc: Article,
                   rows: list[OfficialMention]) -> list[OfficialMention]:
    """"Об инвестпроектах рассказал губернатор Александр Богомаз" (the headline): the
    article's own headline states its facts too; a person it names with a post whom the
    body names with none (or not at all) gets the headline's post (real news dev r1_025).
    The headline is read with the body, so its names link to the body's."""
    if not analyzed.headline:
        return []
    whole = AnalyzedText(analyzed.text, [*analyzed.headline, *analyzed.sentences])
    start, end = analyzed.headline[0].start, analyzed.headline[-1].end
    posted = {_key(r.surname) for r in rows}
    return [r for r in _find(whole, doc) if start <= r.start < end
            and not any(_same_surname(r.surname, s) for s in posted)]


@dataclass
class _Rows:
    """The rows found so far, with each post's head, whether its organization was guessed,
    and which rows hold a generic noun the article never named."""
    out: list[OfficialMention] = field(default_factory=list)
    heads: list[tuple[str, bool]] = field(default_factory=list)
    vague: set[int] = field(default_factory=set)
    referred: set[int] = field(default_factory=set)  # rows read of a sentence naming no one

    def add(self, person: _Person, post: _Post, sent: Sentence, start: int, end: int,
            referred: bool = False) -> None:
        if referred:
            self.referred.add(len(self.out))
        self.out.append(OfficialMention(
            person_key=person.key, full_name=person.full_name, surname=person.surname,
            position=post.position, organization=post.organization, phase=post.phase,
            sector=_sector(post), evidence=sent.text, start=start, end=end))
        self.heads.append((post.head, post.default_org))
        if post.vague and post.organization is None:
            self.vague.add(len(self.out) - 1)


def _find(analyzed: AnalyzedText, doc: Article) -> list[OfficialMention]:
    persons = cluster_persons(analyzed)
    rows = _Rows()
    previous: set[str] = set()
    previous_subject = False
    sentences = analyzed.sentences
    named_in = [{persons[(sp.start, sp.end)].key for sp in person_spans(s)
                 if (sp.start, sp.end) in persons} for s in sentences]
    for k, sent in enumerate(sentences):
        spans = [sp for sp in person_spans(sent) if (sp.start, sp.end) in persons]
        named = {persons[(sp.start, sp.end)].key for sp in spans}
        speaker = _speaker_post(sent, doc) if not named else []
        if speaker and len(previous) != 1 and k + 1 < len(sentences) \
                and len(named_in[k + 1]) == 1:
            # "..., сообщил вице-премьер. Иван Петров сообщил, что ...": the next one
            person = next(p for p in persons.values() if p.key in named_in[k + 1])
            for tok, post in speaker:
                rows.add(person, post, sent, tok.start, tok.end, referred=True)
        if len(previous) == 1:
            person = next(p for p in persons.values() if p.key in previous)
            found = _pronoun_posts(sent, doc)
            if not found and previous_subject:
                found = _subject_post(sent, doc)
            for tok, post in found or speaker:
                rows.add(person, post, sent, tok.start, tok.end, referred=True)
        previous = named
        previous_subject = any(_first_token(sent, sp).case == "Nom" for sp in spans)
        plural = _coordinated_posts(sent, doc) or _plural_post_list(sent, doc)
        for per in person_spans(sent):
            person = persons.get((per.start, per.end))
            if person is None or _cut_at_end(analyzed, per):
                continue
            for post in _posts_of(sent, per, person, doc, plural):
                rows.add(person, post, sent, per.start, per.end)
    _minister_among_regions(rows, doc)
    _sole_holders(sentences, persons, rows, doc)
    _named_next(analyzed, persons, rows, doc)
    _one_team(rows)
    return _no_shorter_post(_post_once(_merge(rows.out, rows.heads, persons, rows.vague,
                                              rows.referred)))


def _is_governor(r: OfficialMention) -> bool:
    """The row is a governor's post, held or acting ("врио губернатора")."""
    return lemma(r.position.split()[-1]) in GOVERNOR_TITLES \
        and (len(r.position.split()) == 1 or r.phase == "acting")


def _governed(org: str | None) -> bool:
    """A region whose head's title is governor: an oblast, a krai, an autonomous okrug,
    Petersburg or Sevastopol (not a republic, whose head is "глава")."""
    region = resolve_region(org or "")
    if region is None or region.name != org:
        return False
    return org in GOVERNED_REGION_WORDS or lemma(org.split()[-1].lower()) in GOVERNED_REGION_WORDS


def _bare_governor_word(analyzed: AnalyzedText) -> bool:
    """A "губернатор" in the text that heads its phrase ("Губернатор ознакомился", "по
    словам губернатора"), not the complement of another post ("заместитель губернатора")."""
    for sent in [*analyzed.headline, *analyzed.sentences]:
        for k, tok in enumerate(sent.tokens):
            if _lem(tok) in GOVERNOR_TITLES and not (k and _is_head(sent.tokens[k - 1])):
                return True
    return False


def _head_as_governor(rows: list[OfficialMention],
                      analyzed: AnalyzedText) -> list[OfficialMention]:
    """"Глава региона Дмитрий Демешин приехал ... губернатор Дмитрий Демешин поставил
    задачу": "глава региона" of an oblast or krai is its governor told in other words;
    with the governor's post written for the person (or acting, "врио губернатора") it is
    no row of its own, and with a bare "Губернатор ознакомился ..." in the article and no
    other governor named it is that post (real news dev r14_026, r16_007, r14_028,
    r22_006; a page saying only "глава региона" keeps "глава", as annotated in r12_010)."""
    governors = [r for r in rows if _is_governor(r)]
    out = []
    for r in rows:
        if r.position != "глава" or not _governed(r.organization) and not any(
                g.person_key == r.person_key for g in governors):
            out.append(r)
            continue
        own = [g for g in governors if g.person_key == r.person_key]
        if any(_key(g.organization or "")[:5] in _key(r.organization or "") for g in own):
            continue
        if not own and not governors and _governed(r.organization) \
                and _bare_governor_word(analyzed):
            r = replace(r, position=next(iter(sorted(GOVERNOR_TITLES))))
        out.append(r)
    return out


def _no_shorter_post(rows: list[OfficialMention]) -> list[OfficialMention]:
    """"замгубернатора Томской области по агропромышленному комплексу Иван Петров" ...
    "цитирует замгубернатора": the post said again in fewer words is the same post of the
    same person, no row of its own (real news dev r22_028, where the short mention took a
    media outlet as its organization); the annotators write one row for one post."""
    fulls = {(r.person_key, full_position(r.position)) for r in rows}
    return [r for r in rows if not any(
        k == r.person_key and f.startswith(full_position(r.position) + " ")
        for k, f in fulls)]


def _is_region_name(name: str | None) -> bool:
    region = resolve_region(name or "")
    return region is not None and region.name == name


def _minister_among_regions(rows: _Rows, doc: Article) -> None:
    """"приняли участие министр сельского хозяйства X, глава Карачаево-Черкесской
    Республики Y и губернатор Ставропольского края Z": a bare minister named in one
    sentence with officials of two regions, each written with its region, is a minister
    of neither region but of the country (real news dev r10_014). Only a post that is
    national as well as regional (positions.csv), whose region was the article's default."""
    for i, row in enumerate(rows.out):
        head, guessed = rows.heads[i]
        if not guessed or head not in NATIONAL_POSTS or row.organization != doc.region_name:
            continue
        regions = {r.organization for k, r in enumerate(rows.out)
                   if k != i and r.evidence == row.evidence and not rows.heads[k][1]
                   and _is_region_name(r.organization)}
        if len(regions) >= 2:
            rows.out[i] = replace(row, organization=doc.country or country_of("Россия"))


def _cut_at_end(analyzed: AnalyzedText, per: Span) -> bool:
    """"... губернатор Псковской области Михаил Кузне" (the end of the text): an excerpt
    cut off inside a name leaves a name that is not the person's, so a name that ends
    the text with no full stop after it makes no row (real news dev r13_023)."""
    return per.end >= len(analyzed.text.rstrip())


# How many sentences back a bare sole post looks for the person it names: a quote of
# several sentences often stands between the name and "сообщил глава региона" (real news
# dev r13_010); the nearest sentence naming anyone must still name one person only.
SOLE_POST_REACH = 8


def _sole_holders(sentences: list[Sentence], persons: dict[tuple[int, int], _Person],
                  rows: _Rows, doc: Article) -> None:
    """"Олег Мельниченко оценил мощности предприятий. Губернатор посетил район": a post
    only one person holds in the article's region (`sole_post`: "губернатор", "глава
    региона"), written bare in a sentence naming no one, is the post of the person named
    without any post in the nearest sentence before it (of three) that names someone:
    the only such person there, or the only one in the nominative when the post is the
    subject. Once per document, and only when no one has that post written with a name."""
    if doc.region_name is None:
        return
    posted = {r.person_key for r in rows.out}
    taken = {h for h, _ in rows.heads}
    for k, sent in enumerate(sentences):
        if person_spans(sent):
            continue
        for h, tok in enumerate(sent.tokens):
            if _lem(tok) not in SOLE_POSTS or _lem(tok) in taken or not _is_head(tok) \
                    or tok.feats.get("Number") == "Plur" \
                    or h and (_is_head(sent.tokens[h - 1])
                              or _lem(sent.tokens[h - 1]) in PRE_MODIFIERS):
                continue
            post = _parse_post(sent, sent.tokens, h, doc)
            if post is None or post.position != post.head or post.phase \
                    or post.organization != doc.region_name \
                    or post.head in NEEDS_COMPLEMENT and post.default_org:
                continue
            person = _antecedent(sentences[max(0, k - SOLE_POST_REACH):k], persons, posted,
                                 post.head_case == "Nom")
            if person is not None:
                rows.add(person, post, sent, tok.start, tok.end, referred=True)
                posted.add(person.key)
                taken.add(post.head)
            break


def _one_team(rows: _Rows) -> None:
    """"назвал Йенса Лемана первым вратарём сборной команды ... Йоахим Лёв (второй
    тренер)": when the team posts of an article name one team, a team post written
    without one is of that team, as a reader takes it (factRuEval-2016 devset book_398);
    with two teams named ("защитник Арсенала", "капитан клуба Тоттенхэм") none is guessed."""
    team = [i for i, (head, _) in enumerate(rows.heads) if head in TEAM_POSTS]
    named = {_key(rows.out[i].organization or "") for i in team} - {""}
    if len(named) != 1:
        return
    org = next(rows.out[i].organization for i in team if rows.out[i].organization)
    for i in team:
        if rows.out[i].organization is None:
            rows.out[i] = replace(rows.out[i], organization=org)
            rows.vague.discard(i)


def _named_next(analyzed: AnalyzedText, persons: dict[tuple[int, int], _Person],
                rows: _Rows, doc: Article) -> None:
    """"Глава Адыгеи посетил завод (headline). Мурат Кумпилов посетил …", "…, ссылаясь на
    главу департамента АПК. Виктор Югай отметил, что …": a sentence (or the headline) that
    names no one but one post with its organization, followed by a sentence opening with
    the one person it names as the subject of a verb of saying or of the post's own verb,
    gives that person the post, when the article gives the person no other post (real
    news dev r11_029, r10_023, r10_004)."""
    sents = analyzed.sentences
    pairs = list(zip(sents, sents[1:], strict=False))
    if analyzed.headline and sents:
        pairs.insert(0, (analyzed.headline[-1], sents[0]))
    posted = {r.person_key for r in rows.out}
    for src, dst in pairs:
        opening = _opening_subject(dst, persons)
        if opening is None or opening[0].key in posted:
            continue
        person, per, verb = opening
        found = _lone_post(src, doc)
        if found is None or verb not in SPEECH_VERBS and verb != found[2]:
            continue
        rows.add(person, found[1], dst, per.start, per.end, referred=True)
        posted.add(person.key)


def _opening_subject(sent: Sentence, persons: dict[tuple[int, int], _Person]
                     ) -> tuple[_Person, Span, str] | None:
    """The one person a sentence names, when the name opens it (after adverbs and
    conjunctions only: "Тогда Андрей Клычков сообщил") in the nominative and a finite verb
    follows: (person, span, the verb's lemma)."""
    spans = [sp for sp in person_spans(sent) if (sp.start, sp.end) in persons]
    if len({persons[(sp.start, sp.end)].key for sp in spans}) != 1:
        return None
    per = spans[0]
    toks = sent.tokens
    inside = [k for k, t in enumerate(toks) if per.start <= t.start < per.end]
    if not inside or any(t.pos not in ("ADV", "CCONJ") for t in toks[:inside[0]]) \
            or any(toks[k].case not in ("Nom", None) for k in inside) \
            or inside[-1] + 1 >= len(toks):
        return None
    verb = toks[inside[-1] + 1]
    if verb.pos != "VERB" or verb.feats.get("VerbForm") not in (None, "Fin"):
        return None
    return persons[(per.start, per.end)], per, _lem(verb)


def _lone_post(sent: Sentence, doc: Article) -> tuple[Token, _Post, str | None] | None:
    """The one singular post of a sentence that names no one, with its organization or
    its portfolio (not a reporter's): (head, post, the lemma of the finite verb right
    after it, if any)."""
    toks = sent.tokens
    for sp in sent.spans:
        inside = [k for k, t in enumerate(toks) if sp.start <= t.start < sp.end]
        if sp.type == "PER" and not (len(inside) == 1 and inside[0] + 1 < len(toks)
                                     and _is_head(toks[inside[0] + 1])):
            return None  # "Орловский глава": a place adjective the tagger read as a name
    heads = [h for h, t in enumerate(toks) if _is_head(t) and not _in_quote(sent, t)
             and not (h and (_is_head(toks[h - 1]) or _lem(toks[h - 1]) in PRE_MODIFIERS))]
    if len(heads) != 1 or toks[heads[0]].feats.get("Number") == "Plur":
        return None
    post = _parse_post(sent, toks, heads[0], doc)
    if post is None or post.organization is None and post.position == post.head \
            or post.default_org and not _of_regional_body(post) \
            or post.head in REPORTER_WORDS or post.phase or post.vague:
        return None  # a bare post ("губернатор", "глава компании") may be anyone's
    after = post.consumed if post.consumed > heads[0] else heads[0] + 1
    verb = toks[after] if after < len(toks) else None
    return toks[heads[0]], post, _lem(verb) if verb is not None and verb.pos == "VERB" else None


def _of_regional_body(post: _Post) -> bool:
    """"глава департамента АПК": the region given to a post of a regional body is no guess
    about who holds it; the department names the post as its portfolio would."""
    return any(lemma(w) in REGIONAL_BODIES for w in post.position.split()[1:])


def _antecedent(before: list[Sentence], persons: dict[tuple[int, int], _Person],
                posted: set[str], subject: bool) -> _Person | None:
    """The one person with no post named in the nearest of `before` that names someone
    (the one in the nominative, for a post that is the subject)."""
    for sent in reversed(before):
        spans = [sp for sp in person_spans(sent) if (sp.start, sp.end) in persons]
        if not spans:
            continue
        free = {persons[(sp.start, sp.end)].key: sp for sp in spans
                if persons[(sp.start, sp.end)].key not in posted}
        if len(free) > 1 and subject:
            free = {key: sp for key, sp in free.items()
                    if _first_token(sent, sp).case == "Nom"}
        if len(free) != 1:
            return None
        key = next(iter(free))
        return next(p for p in persons.values() if p.key == key)
    return None


def _posts_of(sent: Sentence, per: Span, person: _Person, doc: Article,
              plural: dict[tuple[int, int], list[_Post]]) -> list[_Post]:
    """The posts of one name: before it, after a possessive, after it, in the predicate,
    led by a verb, or in a plural post; one per organization of a post held in several."""
    posts = _posts_before(sent, per, doc)
    if posts and posts[0].head_case == "Nom" and not _in_genitive_frame(sent, per):
        _read_as_nominative(sent, per, person)
    posts = posts or _possessive_post(sent, per, doc) or _posts_after(sent, per, doc) or \
        _posts_predicate(sent, per, doc) or _lead_post(sent, per, doc) or \
        plural.get((per.start, per.end), [])
    _read_as_woman(sent, per, person, posts[0].head_case if posts else None)
    _reflexive_org(sent, per, posts)
    posts = _with_sentence_org(sent, per, posts) + _inverted_post(sent, per, doc)
    return [x for post in posts for x in (
        post, *(replace(post, organization=o, more_orgs=()) for o in post.more_orgs))]


def _reflexive_org(sent: Sentence, per: Span, posts: list[_Post]) -> None:
    """"Политическое бюро Национального фронта ... поддержало кандидатуру своего
    председателя Марин Ле Пен": "свой" before a post right before the name makes the
    post the subject's, an organization (a named one, or an organization noun with the
    name after it, as written); the post is left as it is when it has an organization."""
    before = [t for t in sent.tokens if t.end <= per.start]
    h = len(before) - 1
    if not posts or posts[0].organization is not None or h < 2 or not _is_head(before[h]):
        return
    p = _pre_start(sent, before, h)
    if p < 2 or _lem(before[p - 1]) != "свой":
        return
    verb = next((k for k in range(p - 2, -1, -1) if before[k].pos == "VERB"
                 and before[k].feats.get("VerbForm") not in ("Part", "Inf")), None)
    if verb is None:
        return
    # the clause opens after a hard boundary or a quote still open at the verb («... поддержало)
    start = max((k + 1 for k in range(verb) if before[k].text in _HARD_BOUNDARY
                 or before[k].text in _OPEN_QUOTES
                 and not any(t.text in "»”\"" for t in before[k + 1:verb])), default=0)
    posts[0].organization = _subject_org(sent, before[start:verb])


def _subject_org(sent: Sentence, toks: list[Token]) -> str | None:
    """The organization that is the subject at the start of `toks`: a named one in the
    nominative, or adjectives and an organization noun in the nominative with the named
    organization after it ("Политическое бюро Национального фронта"), as written."""
    k = 0
    while k < len(toks) and toks[k].pos in ("ADJ", "NOUN") and toks[k].case == "Nom" \
            and _span_at(sent, toks[k]) is None and _lem(toks[k]) not in (
                GENERIC_ORG_NOUNS | POST_COMPLEMENTS | MEMBER_BODIES | ORG_UNITS):
        k += 1
    if k >= len(toks):
        return None
    sp = _span_at(sent, toks[k])
    if sp is not None and sp.type == "ORG" and k == 0 and toks[0].case in ("Nom", None):
        # "Наблюдательный совет «Альфа-Банка»": a named body, with the name after it
        while k + 1 < len(toks) and toks[k + 1].start < sp.end:
            k += 1
        if k + 1 >= len(toks) or toks[k + 1].text not in _OPEN_QUOTES \
                and _span_at(sent, toks[k + 1]) is None:
            return _org_name(sp, sent)
    elif sp is not None or toks[k].case != "Nom" or k + 1 >= len(toks) or _lem(toks[k]) not in (
            GENERIC_ORG_NOUNS | POST_COMPLEMENTS | MEMBER_BODIES | ORG_UNITS):
        return None
    nxt = _span_at(sent, toks[k + 1])
    quote = _quoted(sent, toks[k + 1]) if toks[k + 1].text in _OPEN_QUOTES else None
    if quote is not None:
        end = quote[1]  # "Наблюдательный совет «Альфа-Банка»"
    elif nxt is not None and nxt.type == "ORG" and toks[k + 1].start == nxt.start:
        end = nxt.end
    else:
        return None
    text = sent.text[toks[0].start - sent.start:end - sent.start]
    return text[:1].upper() + text[1:]


def _possessive_post(sent: Sentence, per: Span, doc: Article) -> list[_Post]:
    """"О планах предприятия рассказал его руководитель Иван Петров": a post after a
    possessive pronoun right before the name belongs to the organization noun the pronoun
    stands for, the nearest before it in the sentence, named as the article named it (or,
    for "предприятие", the story's company); nothing when that is unknown."""
    before = [t for t in sent.tokens if t.end <= per.start]
    h = len(before) - 1
    if h < 1 or not _is_head(before[h]) or before[h].feats.get("Number") == "Plur":
        return []
    p = _pre_start(sent, before, h)
    if p == 0 or before[p - 1].text.lower().replace("ё", "е") not in POSSESSIVE_PRONOUNS:
        return []
    head = before[h]
    name_tok = next((t for t in sent.tokens if t.start >= per.start), None)
    org = _pronoun_org(sent, before[:p - 1], doc)
    if org is None:
        return []
    _, kept = _split_place(before[p:h])
    post = _Post(_nominative_position(kept, head, []), org,
                 _phase_of(before[p:h], head), _head_key(head), 0, 0, head.case)
    return [post] if _agrees(post, name_tok) else []


def _pronoun_org(sent: Sentence, before: list[Token], doc: Article) -> str | None:
    """The organization a possessive pronoun after `before` stands for: the nearest
    generic organization noun before it in the sentence, as the article named it (or, for
    "предприятие" and "компания" never named, the story's company)."""
    for t in reversed(before):
        if (sp := _span_at(sent, t)) is not None and sp.type == "PER" \
                or t.text in _HARD_BOUNDARY:
            return None
        lem = _lem(t)
        if t.pos == "NOUN" and lem in GENERIC_ORG_NOUNS:
            return doc.generic_orgs.get(lem) or _story_company(lem, doc)
    return None


def _in_genitive_frame(sent: Sentence, per: Span) -> bool:
    """"По словам президент холдинга Эдуарда Тарана": the clause of the post and the name
    opens with "по словам", "по мнению" (`genitive_frame`), which take the genitive, so a
    post written as a nominative there is a slip and the name keeps its genitive (real
    news dev r12_012)."""
    before = [t for t in sent.tokens if t.end <= per.start]
    k = len(before)
    while k > 0 and before[k - 1].text not in _HARD_BOUNDARY and before[k - 1].text != "," \
            and before[k - 1].pos not in ("VERB", "AUX"):
        k -= 1
    seg = before[k:]
    return len(seg) >= 3 and seg[0].text.lower() in ("по", "со") \
        and _lem(seg[1]) in GENITIVE_FRAMES


def _read_as_nominative(sent: Sentence, per: Span, person: _Person) -> None:
    """"сообщила начальник управления Евгения Локтионова": a name right after a post in
    the nominative is in the nominative too, so a name the tagger read as an oblique
    masculine ("Евгения" as the genitive of "Евгений") is a woman's name as written, when
    every word of it can be a nominative name."""
    toks = [t for t in sent.tokens if per.start <= t.start < per.end]
    words = [t.text for t in toks]
    if not toks or all(t.case in ("Nom", None) for t in toks) \
            or len(words) != len(person.full_name.split()) \
            or [_key(w) for w in words] == [_key(w) for w in person.full_name.split()]:
        return
    for w in words:
        if not any(p.tag.case == "nomn" and {"Name", "Surn", "Patr"} & p.tag.grammemes
                   for p in morph().parse(w)):
            return
    person.full_name = " ".join(_cap(w) for w in words)
    person.surname, person.first = _cap(words[-1]), _cap(words[0])
    person.nominative = True


# a woman's family name as written, which is also the genitive of a man's ("Кашина" of
# "Кашин"): the normaliser, reading the genitive, gives the man's (structure, not vocabulary)
_WOMAN_SURNAME = re.compile(r"[А-ЯЁ][а-яё]+(?:ова|ева|ёва|ина|ына)")
_WOMAN_NAME_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:вна|чна)")  # a patronymic


def _read_as_woman(sent: Sentence, per: Span, person: _Person, post_case: str | None) -> None:
    """"министр экономики Е.Г. Кашина рассказала": a family name written "-ина"/"-ова" that
    the normaliser read as the genitive of a man's ("Кашин") is a woman's in the nominative
    when the sentence says so: the post in apposition is a nominative (`post_case`), a verb
    right after the name agrees with a woman ("рассказала", "назначена", ", которая"), or
    the name has a woman's first name or patronymic. A post in another case ("приказ
    директора И.И. Кашина, которая ..." may be the order's) leaves the man's name."""
    toks = [t for t in sent.tokens if per.start <= t.start < per.end]
    words = [t for t in toks if t.text[:1].isalpha()]
    if len(words) < 2 or not _WOMAN_SURNAME.fullmatch(words[-1].text):
        return
    written = words[-1].text
    if _key(person.surname) != _key(written[:-1]):
        return
    if not (post_case == "Nom" or _woman_named(words[:-1])
            or post_case is None and _woman_verb_after(sent, per)):
        return
    person.full_name = " ".join(written if _key(w) == _key(person.surname) else w
                                for w in person.full_name.split())
    person.surname = written


def _woman_named(words: list[Token]) -> bool:
    """A woman's first name ("Елена") or patronymic ("Георгиевна") among the name's words."""
    for t in words:
        if _WOMAN_NAME_WORD.fullmatch(t.text):
            return True
        best = morph().parse(t.text)[0].tag if len(t.text) > 1 else None
        if best is not None and "Name" in best and best.gender == "femn" and best.case == "nomn":
            return True
    return False


def _woman_verb_after(sent: Sentence, per: Span) -> bool:
    """The name is the subject of a verb of a woman right after it ("Кашина сообщила",
    "Кашина назначена", "Кашина, которая")."""
    after = [t for t in sent.tokens if t.start >= per.end][:2]
    if not after:
        return False
    if after[0].text == "," and len(after) > 1:
        return after[1].text.lower() == "которая"
    t = after[0]
    return t.pos in ("VERB", "AUX") and t.feats.get("Gender") == "Fem" \
        and t.feats.get("Number") == "Sing"


def _first_token(sent: Sentence, span: Span) -> Token:
    return next(t for t in sent.tokens if t.start >= span.start)


def _subject_post(sent: Sentence, doc: Article) -> list[tuple[Token, _Post]]:
    """"Сенатор Иван Петров прибыл в Пакистан. Председатель Комитета по обороне стал
    первым ...": a sentence naming no one whose subject is a post with its organization
    written out speaks of the one person the sentence before named as its subject."""
    toks = sent.tokens
    h = 0
    while h < len(toks) and not _is_head(toks[h]) and (
            toks[h].pos == "ADJ" or _lem(toks[h]) in PRE_MODIFIERS):
        h += 1
    if h >= len(toks) or not _is_head(toks[h]) or toks[h].case != "Nom":
        return []
    end = next((k for k in range(h + 1, len(toks)) if toks[k].pos in ("VERB", "AUX")
                or toks[k].text in _HARD_BOUNDARY or toks[k].text == ","), len(toks))
    if end >= len(toks) or toks[end].pos not in ("VERB", "AUX") \
            or toks[end].feats.get("VerbForm") not in (None, "Fin"):
        return []
    if any((sp := _span_at(sent, t)) is not None and sp.type == "PER" for t in toks[:end]):
        return []  # the post is a name's own
    post = _parse_post(sent, toks[:end], h, doc)
    if post is None or post.leftover or post.organization is None or post.default_org:
        return []
    named = any(t.text in _OPEN_QUOTES or (sp := _span_at(sent, t)) is not None
                and sp.type == "ORG" for t in toks[h:post.consumed])
    return [(toks[h], post)] if named else []  # "губернатор области" may be anyone


def _speaker_post(sent: Sentence, doc: Article) -> list[tuple[Token, _Post]]:
    """"«...», — сообщил глава республики.", "Ситуацию прокомментировал глава Бурятии":
    a post with its organization as the subject right after a finite verb, in a sentence
    that names no one, is said of the one person a neighbouring sentence names (the one
    before, else the one after; `_find` decides)."""
    toks = sent.tokens
    for h in range(1, len(toks)):
        v = toks[h - 1]
        if v.pos != "VERB" or v.feats.get("VerbForm") not in (None, "Fin"):
            continue
        if not _is_head(toks[h]) or toks[h].case != "Nom" \
                or toks[h].feats.get("Number") == "Plur":
            continue
        post = _parse_post(sent, toks, h, doc)
        if post is None or post.organization is None or post.default_org \
                or post.head in REPORTER_WORDS:
            return []
        return [(toks[h], post)]
    return []


def _pronoun_posts(sent: Sentence, doc: Article) -> list[tuple[Token, _Post]]:
    """"Иван Петров выдвинут в мэры. Сейчас он является депутатом думы": a personal
    pronoun subject that opens a sentence naming no one before it stands for the one
    person the sentence before named; its posts are read as a named subject's."""
    for k, t in enumerate(sent.tokens):
        if (sp := _span_at(sent, t)) is not None and sp.type == "PER":
            return []
        if t.text.lower() in ("он", "она") and t.case == "Nom":
            return [(t, post) for post in _verb_post(sent, sent.tokens[k + 1:], doc)]
        if t.text in _HARD_BOUNDARY or t.text == "," or t.pos in ("VERB", "AUX"):
            return []
    return []


def _with_sentence_org(sent: Sentence, per: Span, posts: list[_Post]) -> list[_Post]:
    """A post written with no organization and no complement ("спикер Гарри Рид",
    "астронавт X") takes the one organization the same sentence names after a preposition
    or a verb ("В Сенате, где ..., спикер Гарри Рид"; "работает в НАСА"), when the sentence
    names exactly one such and no post of it is national or regional."""
    if not posts or any(p.organization is not None or p.vague or p.head in NATIONAL_POSTS
                        or p.head in REGIONAL_POSTS
                        or lemma(p.position.split()[-1]).replace("ё", "е") != p.head
                        for p in posts):
        return posts
    orgs = {_org_name(sp, sent) for sp in sent.spans
            if sp.type == "ORG" and (sp.end <= per.start or sp.start >= per.end)
            and not _governed_by_noun(sent, sp)}
    if len(orgs) != 1:
        return posts
    org = orgs.pop()
    return [replace(p, organization=org) for p in posts]


def _governed_by_noun(sent: Sentence, sp: Span) -> bool:
    """"в компетенции Думы", "заявлении Нацфронта": the name is another noun's complement."""
    before = [t for t in sent.tokens if t.end <= sp.start]
    return bool(before) and before[-1].pos in ("NOUN", "PROPN")


def _merge(rows: list[OfficialMention], heads: list[tuple[str, bool]],
           persons: dict[tuple[int, int], _Person],
           vague: set[int] | None = None,
           referred: set[int] | None = None) -> list[OfficialMention]:
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
    # "гендиректор агентства X Игорь Бураков ... глава агентства Игорь Бураков": a post of
    # a generic noun the article never named says again a post the person has with one
    placed = {r.person_key for r in rows if r.organization}
    vague = vague or set()
    # "сообщил губернатор области Иван Петров ... Как отметил глава региона, ...": a post
    # read of a sentence naming no one, for a person with a post of the same organization
    # written with the name, is that post said again in other words
    referred = referred or set()
    named_orgs = {(r.person_key, _key(r.organization)) for k, r in enumerate(rows)
                  if k not in referred and r.organization}
    seen: set[tuple[str, str, str | None]] = set()
    out = []
    for k, (r, h) in enumerate(zip(rows, heads, strict=True)):
        if k in vague and r.person_key in placed:
            continue
        if k in referred and r.organization \
                and (r.person_key, _key(r.organization)) in named_orgs:
            continue
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


def _org_variant(a: str, b: str) -> bool:
    """One organization written twice: a short form of the other ("Минэк" /
    "Минэкономразвития") or a misprint of one letter ("Минэкономразвитя")."""
    a, b = sorted((_key(a), _key(b)), key=len)
    if a == b or len(a) >= 4 and b.startswith(a):
        return True
    if len(a) < 6 or len(b) - len(a) > 1:
        return False
    cut = [b[:i] + b[i + 1:] for i in range(len(b))]
    return a in cut if len(a) < len(b) else \
        any(c == a[:i] + a[i + 1:] for i, c in enumerate(cut))


def _post_once(rows: list[OfficialMention]) -> list[OfficialMention]:
    """A post said again without its organization ("Ольга Петрова, директор «...»" with the
    name cut off) or with another spelling of it ("глава Минэка ... глава
    Минэкономразвитя") is the same post: one row, the first with an organization."""
    placed: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        if r.organization:
            orgs = placed.setdefault(_post_key(r), [])
            if not any(_org_variant(o, r.organization) for o in orgs):
                orgs.append(r.organization)
    out = []
    said: set[tuple[tuple[str, str], str | None]] = set()
    current = {(r.person_key, r.start) for r in rows if r.phase != "former"}
    for r in rows:
        if r.phase == "former" and (r.person_key, r.start) in current:
            # "министр природных ресурсов, экс-губернатор ЯНАО Иван Петров": a former post
            # listed with a post held, at the same mention of the name, is the holder's
            # past, no row of its own (real news dev r13_030, r3_005: the annotators'
            # convention); a former post said elsewhere is a fact of its own (factRuEval)
            continue
        key = _post_key(r)
        orgs = placed.get(key, [])
        if r.organization is None and orgs or r.organization and r.organization not in orgs \
                or (key, r.organization) in said:
            continue
        said.add((key, r.organization))
        out.append(r)
    return out


def _post_key(r: OfficialMention) -> tuple[str, str]:
    """The person and the post, the spellings of the head of a cabinet ("глава кабмина",
    "премьер-министр", cabinet_head in officials_words.csv) taken as one post."""
    return r.person_key, "cabinet_head" if full_position(r.position) in CABINET_HEADS \
        else r.position

