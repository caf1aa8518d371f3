"""Plants: industrial facilities and what happened to them.

A facility phrase is a head noun (завод, фабрика, комбинат, предприятие, производство, цех,
линия, ...) that names what it makes: a genitive complement ("завод выхлопных систем"),
"по выпуску/производству + genitive" ("предприятие по выпуску автомобильных сидений"), a
relational adjective ("цементный завод") or a quoted proper name ("завод «Ревякино»").
A head with none of these ("семь новых заводов", "предприятие заключило") refers to a
company or counts plants and gives no row. The status is read from verbs and nouns of the
sentence, or of the nearest earlier sentence that has one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from pipeline.extract.context import DocContext, is_company
from pipeline.extract.dates import find_dates
from pipeline.extract.gazetteer import Region, find_regions
from pipeline.extract.morph import UD_TO_PYMORPHY_CASE, concrete_lemma, inflect
from pipeline.extract.nlp import AnalyzedText, Sentence, Token
from pipeline.extract.orgs import normalize_org

FACILITY_HEADS = {
    "завод", "фабрика", "комбинат", "предприятие", "производство", "цех", "линия",
    "площадка", "верфь", "электростанция", "тэц", "гэс", "аэс", "рудник", "шахта",
    "мощность", "маслозавод", "мясокомбинат", "птицефабрика", "техноцентр",
}
# Heads that are plants only with an explicit product ("линия по розливу", "цех сборки").
WEAK_HEADS = {"производство", "линия", "площадка", "мощность", "предприятие", "цех"}
PRODUCT_NOUNS = {"выпуск", "производство", "изготовление", "переработка", "сборка",
                 "розлив", "выпуске", "производству", "выращивание", "глубокий"}
NOT_PRODUCT_LEMMAS = {
    "регион", "область", "край", "республика", "город", "район", "страна", "компания",
    "группа", "холдинг", "отрасль", "кластер", "год", "месяц", "территория", "работник",
    "сотрудник", "рабочий", "директор", "руководство", "владелец", "очередь", "мощность",
    "база", "продукция", "объем", "доля", "число", "количество", "сумма", "стоимость",
}
GOVERNING_NOUNS = {
    "объем", "рост", "увеличение", "снижение", "доля", "уровень", "темп", "сокращение",
    "наращивание", "себестоимость", "цикл", "локализация", "показатель", "загрузка",
    "объемы", "стоимость", "эффективность", "структура", "технология", "автоматизация",
}
NON_NAME_ADJECTIVES = {
    "новый", "крупный", "современный", "первый", "собственный", "действующий", "будущий",
    "крупнейший", "уникальный", "весь", "этот", "такой", "второй", "третий", "свой", "наш",
    "другой", "несколько", "который", "один", "российский", "отечественный", "местный",
    "региональный", "бывший", "старый", "известный", "градообразующий", "флагманский",
}

STATUS_LEMMAS: dict[str, str] = {
    # launched
    "запустить": "launched", "открыть": "launched", "заработать": "launched",
    "запуск": "launched", "открытие": "launched", "ввести": "launched",
    "начать": "launched", "стартовать": "launched", "открыться": "launched",
    "запуститься": "launched",
    # planned
    "планировать": "planned", "намереваться": "planned", "намерен": "planned",
    "собираться": "planned", "план": "planned", "планироваться": "planned",
    "соглашение": "planned", "проект": "planned",
    # announced
    "объявить": "announced", "анонсировать": "announced", "презентовать": "announced",
    # under construction
    "строиться": "under_construction", "возводиться": "under_construction",
    "строительство": "under_construction", "возведение": "under_construction",
    # expanded
    "расширение": "expanded", "модернизация": "expanded", "расширить": "expanded",
    "модернизировать": "expanded", "нарастить": "expanded",
    # suspended / closed
    "приостановить": "suspended", "остановить": "suspended", "законсервировать": "suspended",
    "простой": "suspended", "закрыть": "closed", "ликвидировать": "closed",
    "банкротство": "closed", "закрытие": "closed", "ликвидация": "closed",
}
# The verb of building: its tense decides between "planned" and "launched".
_BUILD_VERBS = {"построить", "возвести", "создать"}
PAST_EVENT_STATUSES = {"launched", "expanded", "suspended", "closed"}


@dataclass(frozen=True)
class PlantMention:
    name: str
    product: str | None
    operator: str | None
    region: Region | None
    status: str
    event_date: date | None
    event_year: int | None
    evidence: str
    start: int
    end: int


def plant_id(name: str, operator: str | None, region_code: str | None) -> str:
    """Stable across documents: same facility phrase, operator and region -> same id."""
    key = "|".join([
        re.sub(r"\s+", " ", name.lower().replace("ё", "е")).strip(),
        (operator or "").lower().replace("ё", "е"),
        region_code or "",
    ])
    return "plt-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def sentence_status(sent: Sentence) -> str | None:
    """The facility status a sentence states, from its verbs and event nouns."""
    for t in sent.tokens:
        lem = t.lemma.replace("ё", "е")
        if lem in _BUILD_VERBS and t.pos == "VERB":
            tense = t.feats.get("Tense")
            if tense == "Past":
                return "launched"
            return "planned"
        if lem in STATUS_LEMMAS:
            status = STATUS_LEMMAS[lem]
            if status == "launched" and t.pos == "VERB" and t.feats.get("Tense") == "Fut":
                return "planned"
            return status
    return None


def _np_end(tokens: list[Token], i: int, case: str | None) -> int:
    """Extend a noun phrase in `case` from token i (adjectives, nouns, coordination)."""
    j = i
    n = len(tokens)
    seen_noun = False
    while j < n:
        t = tokens[j]
        if t.pos == "ADJ" and t.case == case:
            j += 1
            continue
        if t.pos in ("NOUN", "PROPN") and t.case == case:
            seen_noun = True
            j += 1
            # an NP ends at its noun; only coordination continues it
            if j + 1 < n and tokens[j].text.lower() in {"и", "или"} and \
                    tokens[j + 1].pos in ("ADJ", "NOUN") and tokens[j + 1].case == case:
                j += 1
                continue
            break
        break
    return j if seen_noun else i


def _complement(tokens: list[Token], i: int) -> tuple[int, int, int]:
    """(start, first-NP end, end) of the product complement after the head at i-1."""
    start = i
    if i < len(tokens) and tokens[i].text.lower() == "по" and i + 1 < len(tokens) and \
            tokens[i + 1].lemma in PRODUCT_NOUNS:
        # "по выпуску X": X is the genitive NP after the action noun
        start = i + 2
        # "по глубокой переработке"
        while start < len(tokens) and tokens[start - 1].pos == "ADJ":
            start += 1
    if start >= len(tokens):
        return i, i, i
    first_end = _np_end(tokens, start, "Gen")
    if first_end == start:
        return i, i, i
    end = first_end
    # dependents: further genitives and "для + genitive"
    while end < len(tokens):
        t = tokens[end]
        if t.text.lower() == "для":
            e2 = _np_end(tokens, end + 1, "Gen")
            if e2 == end + 1:
                break
            end = e2
            continue
        if t.pos in ("NOUN", "ADJ") and t.case == "Gen":
            e2 = _np_end(tokens, end, "Gen")
            if e2 == end:
                break
            end = e2
            continue
        break
    return start, first_end, end


def _nominative(tokens: list[Token], first_end: int, text: str, base: int) -> str:
    words = []
    for k, t in enumerate(tokens):
        if k < first_end and t.pos in ("NOUN", "ADJ", "PROPN"):
            hint = concrete_lemma(t.text, t.lemma) if t.pos == "NOUN" else t.lemma
            words.append(inflect(t.text, "nomn", None, UD_TO_PYMORPHY_CASE.get(t.case or ""),
                                 hint))
        else:
            words.append(t.text)
    return " ".join(words).lower().replace("ё", "е")


def _find_in_sentence(sent: Sentence) -> list[tuple[int, int, str, str | None, int]]:
    """(start, end, name, product, head index) for each facility phrase in a sentence."""
    toks = sent.tokens
    found = []
    for i, t in enumerate(toks):
        lem = t.lemma.replace("ё", "е")
        if lem not in FACILITY_HEADS or t.pos not in ("NOUN", "PROPN"):
            continue
        # "объёмы производства машин": a measure of output, not a facility
        if i > 0 and toks[i - 1].lemma.replace("ё", "е") in GOVERNING_NOUNS:
            continue
        # inside an ORG entity ("Калининградский завод «Автотор»") it names the company
        if any(sp.type == "ORG" and sp.start <= t.start < sp.end for sp in sent.spans):
            continue
        cstart, first_end, cend = _complement(toks, i + 1)
        product = None
        head_nom = inflect(t.text, "nomn", "sing", UD_TO_PYMORPHY_CASE.get(t.case or "")).lower()
        if cend > cstart:
            compl = toks[cstart:cend]
            if compl[0].lemma.replace("ё", "е") in NOT_PRODUCT_LEMMAS:
                continue
            if any(sp.start <= compl[0].start < sp.end for sp in sent.spans):
                continue  # a place or company, not a product
            product = _nominative(compl, first_end - cstart, sent.text, sent.start)
            name_tail = " ".join(x.text for x in toks[i + 1:cend]).lower()
            name = f"{head_nom} {name_tail}"
            end = toks[cend - 1].end
        else:
            # relational adjective before the head ("цементный завод") or a quoted name
            adj = i - 1
            while adj >= 0 and toks[adj].pos == "ADJ" and \
                    toks[adj].lemma in NON_NAME_ADJECTIVES:
                adj -= 1
            quoted = re.match(r"\s*«([^»]{1,60})»", sent.text[t.end - sent.start:])
            if quoted:
                name = f"{head_nom} «{quoted.group(1)}»"
                end = t.end + quoted.end()
            elif adj >= 0 and toks[adj].pos == "ADJ" and toks[adj].case == t.case and \
                    lem not in WEAK_HEADS and not find_regions(toks[adj].text):
                name = f"{inflect(toks[adj].text, 'nomn', 'sing').lower()} {head_nom}"
                found.append((toks[adj].start, t.end, name, None, i))
                continue
            else:
                continue
        found.append((t.start, end, name.replace("ё", "е"), product, i))
    return found


def find_plants(analyzed: AnalyzedText, ctx: DocContext) -> list[PlantMention]:
    out: list[PlantMention] = []
    seen: set[str] = set()
    last_status: str | None = None
    statuses = [sentence_status(s) for s in analyzed.sentences]
    for si, sent in enumerate(analyzed.sentences):
        phrases = _find_in_sentence(sent)
        own = statuses[si]
        if own:
            last_status = own
        if not phrases:
            continue
        status = own or last_status or next((s for s in statuses[si + 1:] if s), None)
        regions = find_regions(sent.text)
        region = regions[0].region if regions else ctx.region
        companies = [normalize_org(sp.normal) for sp in sent.spans if is_company(sp)]
        operator = companies[0] if companies else ctx.company
        dates = [d for d in find_dates(sent.text, ctx.published) if d.precision != "year"]
        years = [d for d in find_dates(sent.text, ctx.published) if d.precision == "year"]
        event_date = dates[0].value if dates else None
        if event_date is None and status in PAST_EVENT_STATUSES and own is None:
            # a list of plants under an earlier "запустили": the article's date
            event_date = ctx.published
        if event_date is None and status in PAST_EVENT_STATUSES:
            event_date = ctx.published
        event_year = event_date.year if event_date else (years[0].value.year if years else None)
        for start, end, name, product, _ in phrases:
            key = name
            if key in seen:
                continue
            seen.add(key)
            out.append(PlantMention(
                name=name, product=product, operator=operator, region=region,
                status=status or "unknown", event_date=event_date, event_year=event_year,
                evidence=sent.text, start=sent.start + (start - sent.start),
                end=sent.start + (end - sent.start),
            ))
    return out
