"""Officials: a person named together with a position (and the organization of the post).

The grammar is token-level and general: a position phrase is a head word from a lexicon
(губернатор, глава, председатель, ...) with its pre-modifiers (первый, генеральный, врио,
бывший) and its genitive complement; the complement is split into the part that belongs to
the post ("совета директоров") and the organization (an ORG/LOC entity, a quoted name, or
"региона" meaning the article's region). The phrase may stand before the name
("губернатор региона Алексей Беспрозванных") or after it, set off by a comma, a dash or a
parenthesis ("Сергей Собянин, мэр Москвы,"). Surname-only and initial mentions are linked
to the full name given earlier in the same document.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from pipeline.extract.gazetteer import resolve_region
from pipeline.extract.morph import UD_TO_PYMORPHY_CASE, inflect
from pipeline.extract.nlp import AnalyzedText, Sentence, Span, Token
from pipeline.extract.orgs import normalize_org, org_sector

# Head words of posts (lemmas). Multi-word posts are built from these plus complements.
POSITION_HEADS = {
    "губернатор", "глава", "министр", "замминистр", "замминистра", "заместитель", "замглава",
    "председатель", "зампред", "зампредседатель", "директор", "гендиректор", "президент",
    "вице-президент", "вице-премьер", "премьер", "премьер-министр", "мэр", "вице-мэр",
    "сенатор", "депутат", "полпред", "руководитель", "начальник", "управляющий",
    "основатель", "сооснователь", "совладелец", "владелец", "советник", "помощник",
    "секретарь", "пресс-секретарь", "спикер", "посол", "прокурор", "судья", "ректор",
    "уполномоченный", "член", "партнер", "представитель", "омбудсмен", "вице-губернатор",
    "замгубернатора", "аналитик", "экономист", "эксперт", "лидер", "генсек", "командующий",
    "главнокомандующий", "канцлер", "король", "шеф", "топ-менеджер", "менеджер", "главред",
    "редактор", "тренер", "исполнительный", "бизнесмен", "предприниматель", "сопредседатель",
    "зампредправления", "комиссар", "атташе", "инженер", "академик",
    "профессор", "декан", "зав", "заведующий", "госсекретарь", "министр-председатель",
}
# Heads that must be followed by a complement to be a post ("член совета директоров").
NEEDS_COMPLEMENT = {"член", "представитель", "заместитель", "руководитель", "начальник",
                    "глава", "исполнительный", "партнер"}
PRE_MODIFIERS = {
    "первый", "генеральный", "исполнительный", "главный", "старший", "бывший", "временно",
    "исполняющий", "обязанность", "врио", "и.о.", "и.о", "экс", "вице", "действующий",
    "новый", "независимый", "полномочный", "чрезвычайный", "постоянный", "федеральный",
    "региональный", "технический", "финансовый", "коммерческий", "операционный",
}
# Complement nouns that belong to the post itself rather than to the organization.
POST_COMPLEMENTS = {
    "совет", "директор", "правление", "правительство", "администрация", "комитет",
    "наблюдательный", "дума", "собрание", "департамент", "управление", "отдел", "служба",
    "министерство", "министр", "председатель", "президент", "губернатор", "мэр",
    "пресс-служба", "аппарат", "фракция", "комиссия", "банк", "компания",
}
REGION_WORDS = {"регион", "область", "край", "республика", "субъект", "округ"}
GOVERNMENT_POSTS = {
    "губернатор", "министр", "замминистр", "замминистра", "мэр", "сенатор", "депутат",
    "полпред", "премьер", "премьер-министр", "вице-премьер", "президент", "посол",
    "прокурор", "судья", "вице-губернатор", "замгубернатора", "спикер", "уполномоченный",
    "омбудсмен", "вице-мэр", "канцлер", "госсекретарь",
}
BUSINESS_POSTS = {"гендиректор", "директор", "совладелец", "владелец", "основатель",
                  "управляющий", "топ-менеджер", "менеджер", "бизнесмен", "предприниматель",
                  "акционер", "сооснователь"}
_PHASE_FORMER = {"бывший", "экс"}
_BOUNDARY_POS = {"VERB", "AUX", "SCONJ", "PRON"}
_BOUNDARY_TEXT = {",", ";", ":", "—", "–", ".", "!", "?", "(", ")", "и", "а", "но", "или"}


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


@dataclass
class _Person:
    key: str
    full_name: str
    surname: str
    first: str | None


def _cap(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _person_from_span(span: Span) -> tuple[str, str, str | None]:
    """(full name in nominative, surname, first name) from natasha's normal form and fact."""
    if span.last:
        parts = [p for p in (span.first, span.middle, span.last) if p]
        full = " ".join(_cap(p) for p in parts)
        return full, _cap(span.last), span.first
    words = span.normal.split()
    if len(words) == 1:
        return _cap(words[0]), _cap(words[0]), None
    return " ".join(_cap(w) for w in words), _cap(words[-1]), _cap(words[0])


def cluster_persons(analyzed: AnalyzedText) -> dict[tuple[int, int], _Person]:
    """Map each PER span to a document-level person (surname-only mentions link back)."""
    persons: list[_Person] = []
    by_span: dict[tuple[int, int], _Person] = {}
    for span in analyzed.spans:
        if span.type != "PER":
            continue
        full, surname, first = _person_from_span(span)
        sk = surname.lower().replace("ё", "е")
        match = None
        for p in persons:
            if p.surname.lower().replace("ё", "е") == sk and (
                first is None or p.first is None
                or p.first[:1].lower() == first[:1].lower()
            ):
                match = p
                break
        if match is None:
            match = _Person(key=f"p{len(persons)}", full_name=full, surname=surname, first=first)
            persons.append(match)
        elif first and len(full.split()) > len(match.full_name.split()) and (
            not match.first or len(match.first) <= 2
        ):
            # a fuller form seen later ("В. Путин" then "Владимир Путин")
            match.full_name, match.first = full, first
        by_span[(span.start, span.end)] = match
    return by_span


def _is_boundary(tok: Token) -> bool:
    return tok.text.lower() in _BOUNDARY_TEXT or tok.pos in _BOUNDARY_POS


def _head_lemma(tok: Token) -> str:
    return tok.lemma.replace("ё", "е")


def _is_head(tok: Token) -> bool:
    lem = _head_lemma(tok)
    return lem in POSITION_HEADS or tok.text.lower().replace("ё", "е") in POSITION_HEADS


@dataclass
class _Post:
    position: str
    organization: str | None
    phase: str | None
    head: str


def _span_at(sent: Sentence, tok: Token) -> Span | None:
    for sp in sent.spans:
        if sp.start <= tok.start < sp.end:
            return sp
    return None


def _nominative_position(pre: list[Token], head: Token, compl: list[Token]) -> str:
    words: list[str] = []
    number = "sing"
    for t in [*pre, head]:
        w = t.text
        if w.lower() in {"и.о.", "и.о", "врио", "экс"} or "-" in w and w.lower().startswith("экс"):
            words.append(w.lower())
            continue
        src = UD_TO_PYMORPHY_CASE.get(t.case or "", None)
        if t.pos in ("NOUN", "ADJ", "PROPN", "VERB") and src != "nomn":
            w = inflect(w, "nomn", number, src)
        words.append(w.lower())
    words += [t.text.lower() for t in compl if t.text not in "«»\"“”"]
    text = " ".join(words)
    text = re.sub(r"\s+-\s+", "-", text)
    return text.replace("ё", "е").strip()


def _parse_post(sent: Sentence, toks: list[Token], region_name: str | None) -> _Post | None:
    """Read a post out of a token window (the window excludes the person's name)."""
    heads = [i for i, t in enumerate(toks) if _is_head(t)]
    if not heads:
        return None
    hi = heads[0]
    head = toks[hi]
    # pre-modifiers directly before the head
    pi = hi
    while pi > 0 and (
        _head_lemma(toks[pi - 1]) in PRE_MODIFIERS
        or toks[pi - 1].text.lower() in PRE_MODIFIERS
        or (toks[pi - 1].pos == "ADJ" and toks[pi - 1].case == head.case)
    ):
        pi -= 1
    pre = toks[pi:hi]
    phase = "former" if any(_head_lemma(t) in _PHASE_FORMER or t.text.lower().startswith("экс")
                            for t in pre + [head]) else None
    pre = [t for t in pre if _head_lemma(t) not in _PHASE_FORMER]
    rest = toks[hi + 1:]
    compl: list[Token] = []
    organization: str | None = None
    i = 0
    while i < len(rest):
        t = rest[i]
        span = _span_at(sent, t)
        if span is not None and span.type in ("ORG", "LOC"):
            organization = _org_name(span, region_name)
            break
        if t.text in "«\"„“":
            m = re.match(r"[«\"„“]([^»\"”]{1,80})[»\"”]", sent.text[t.start - sent.start:])
            if m:
                organization = normalize_org(m.group(1))
            break
        lem = _head_lemma(t)
        if lem in REGION_WORDS and t.case == "Gen":
            organization = region_name
            break
        if t.pos in ("NOUN", "ADJ", "PROPN") and t.case in ("Gen", None) or _is_head(t):
            if lem in POST_COMPLEMENTS or _is_head(t) or t.pos == "ADJ":
                compl.append(t)
                i += 1
                continue
            # an unknown genitive noun: the organization in words ("компании", "завода")
            break
        if t.text.lower() in {"по", "при", "в"} and compl:
            break
        break
    # trailing adjectives without their noun belong to the organization, not the post
    while compl and compl[-1].pos == "ADJ":
        compl.pop()
    if _head_lemma(head) in NEEDS_COMPLEMENT and not compl and organization is None:
        return None
    position = _nominative_position(pre, head, compl)
    lem = _head_lemma(head)
    if organization is None and lem in {"губернатор", "вице-губернатор", "врио"}:
        organization = region_name
    return _Post(position, organization, phase, lem)


def _org_name(span: Span, region_name: str | None) -> str:
    if span.type == "LOC":
        region = resolve_region(span.text) or resolve_region(span.normal)
        return region.name if region else span.normal
    return normalize_org(span.normal)


def _window_before(sent: Sentence, per: Span) -> list[Token]:
    idx = [i for i, t in enumerate(sent.tokens) if t.end <= per.start]
    out: list[Token] = []
    for i in reversed(idx):
        t = sent.tokens[i]
        sp = _span_at(sent, t)
        if sp is not None and sp.type == "PER":
            break
        if _is_boundary(t) and not (sp is not None and sp.type in ("ORG", "LOC")):
            break
        out.append(t)
        if len(out) > 12:
            break
    return list(reversed(out))


def _window_after(sent: Sentence, per: Span) -> list[Token]:
    toks = [t for t in sent.tokens if t.start >= per.end]
    if not toks or toks[0].text not in {",", "(", "—", "–"}:
        return []
    out: list[Token] = []
    for t in toks[1:]:
        sp = _span_at(sent, t)
        if sp is not None and sp.type == "PER":
            break
        if _is_boundary(t) and not (sp is not None and sp.type in ("ORG", "LOC")):
            break
        out.append(t)
        if len(out) > 12:
            break
    return out


def _sector(post: _Post) -> str:
    org_kind = org_sector(post.organization)
    if post.head in GOVERNMENT_POSTS or org_kind == "government":
        return "government"
    if post.head in BUSINESS_POSTS or org_kind == "business":
        return "business"
    if post.organization and post.organization == post.organization.strip() and any(
        w in post.position for w in ("директор", "правлени")
    ):
        return "business"
    return "public/other"


def find_officials(analyzed: AnalyzedText, region_name: str | None = None) -> list[OfficialMention]:
    """Every (person, post, organization) stated in the document, once per document."""
    persons = cluster_persons(analyzed)
    out: list[OfficialMention] = []
    seen: set[tuple[str, str, str | None]] = set()
    for sent in analyzed.sentences:
        for per in sent.spans:
            if per.type != "PER":
                continue
            person = persons.get((per.start, per.end))
            if person is None:
                continue
            post = _parse_post(sent, _window_before(sent, per), region_name)
            if post is None:
                post = _parse_post(sent, _window_after(sent, per), region_name)
            if post is None:
                continue
            key = (person.key, post.position, post.organization)
            if key in seen:
                continue
            seen.add(key)
            out.append(OfficialMention(
                person_key=person.key, full_name=person.full_name, surname=person.surname,
                position=post.position, organization=post.organization, phase=post.phase,
                sector=_sector(post), evidence=sent.text, start=per.start, end=per.end,
            ))
    # a fuller name may only be known after the first row was made
    return [
        OfficialMention(**{**m.__dict__, "full_name": _final_name(persons, m.person_key)})
        for m in out
    ]


def _final_name(persons: dict[tuple[int, int], _Person], key: str) -> str:
    for p in persons.values():
        if p.key == key:
            return p.full_name
    raise KeyError(key)
