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
from dataclasses import dataclass, replace
from datetime import date

from pipeline.rules.context import DocContext, sentence_companies
from pipeline.rules.dates import find_dates
from pipeline.rules.gazetteer import Region, find_regions, resolve_region
from pipeline.rules.morph import UD_TO_PYMORPHY_CASE, concrete_lemma, inflect, lemma, morph
from pipeline.rules.text import AnalyzedText, Sentence, Token

FACILITY_HEADS = {
    "завод", "фабрика", "комбинат", "предприятие", "производство", "цех", "линия",
    "площадка", "верфь", "электростанция", "тэц", "гэс", "аэс", "рудник", "шахта",
    "мощность", "маслозавод", "мясокомбинат", "птицефабрика", "техноцентр", "комплекс",
    "установка", "агрегат", "станция", "льнокомбинат", "сахзавод", "нпз", "гок",
    "лесокомбинат", "хлебозавод", "молокозавод", "судоверфь", "металлокомбинат",
}
# Heads that are plants only with an explicit product ("линия по розливу", "цех сборки").
WEAK_HEADS = {"производство", "линия", "площадка", "мощность", "предприятие", "комплекс",
              "установка", "агрегат"}
# Heads that say what they make by themselves ("мясокомбинат", "ТЭЦ").
SELF_NAMED_HEADS = {"электростанция", "тэц", "гэс", "аэс", "маслозавод", "мясокомбинат",
                    "птицефабрика", "льнокомбинат", "сахзавод", "нпз", "гок", "лесокомбинат",
                    "хлебозавод", "молокозавод", "металлокомбинат"}
# Heads that are facilities only with a "по выпуску X" complement ("мощности по выпуску").
PO_ONLY_HEADS = {"мощность", "комплекс", "установка", "агрегат"}
# "станция" is a plant only as a power station.
STATION_ADJECTIVES = {"атомный", "тепловой", "солнечный", "ветровой", "газотурбинный",
                      "гидроаккумулирующий", "газопоршневой", "приливный", "геотермальный"}
PRODUCT_NOUNS = {"выпуск", "производство", "изготовление", "переработка", "сборка",
                 "розлив", "выпуске", "производству", "выращивание", "глубокий", "обработка",
                 "утилизация", "разделка", "выплавка", "синтез", "получение"}
NOT_PRODUCT_LEMMAS = {
    "регион", "область", "край", "республика", "город", "район", "страна", "компания",
    "группа", "холдинг", "отрасль", "кластер", "год", "месяц", "территория", "работник",
    "сотрудник", "рабочий", "директор", "руководство", "владелец", "очередь", "мощность",
    "база", "продукция", "объем", "доля", "число", "количество", "сумма", "стоимость",
    "корпорация", "концерн", "агрохолдинг", "госкорпорация", "правительство", "администрация",
    "тонна", "неделя", "день", "время", "собственник", "резидент", "участник", "площадь",
    "финансирование", "проект", "программа", "фонд",
} | FACILITY_HEADS
GOVERNING_NOUNS = {
    "объем", "рост", "увеличение", "снижение", "доля", "уровень", "темп", "сокращение",
    "наращивание", "себестоимость", "цикл", "локализация", "показатель", "загрузка",
    "объемы", "стоимость", "эффективность", "структура", "технология", "автоматизация",
}
# Nouns that may govern a facility in the genitive and still report its event
# ("строительство завода", "запуск производства"); any other noun makes the facility a
# place or an owner ("на складе завода", "работники завода", "мощность комбината").
EVENT_NOUNS = {
    "строительство", "возведение", "создание", "запуск", "открытие", "модернизация",
    "расширение", "реконструкция", "закрытие", "ликвидация", "остановка", "консервация",
    "проектирование", "ввод", "организация", "стройка", "пуск", "банкротство",
    "приостановка", "техперевооружение", "перевооружение", "обновление", "реализация",
    "работа", "деятельность", "восстановление", "камень",
}
NON_NAME_ADJECTIVES = {
    "новый", "крупный", "современный", "первый", "собственный", "действующий", "будущий",
    "крупнейший", "уникальный", "весь", "этот", "такой", "второй", "третий", "свой", "наш",
    "другой", "несколько", "который", "один", "российский", "отечественный", "местный",
    "региональный", "бывший", "старый", "известный", "градообразующий", "флагманский",
    "производственный", "промышленный", "высокотехнологичный", "инновационный", "единый",
    "четвертый", "пятый", "модернизированный", "построенный", "аналогичный", "подобный",
}

STATUS_LEMMAS: dict[str, str] = {
    # launched
    "запустить": "launched", "открыть": "launched", "заработать": "launched",
    "запуск": "launched", "открытие": "launched", "ввести": "launched",
    "начать": "launched", "стартовать": "launched", "открыться": "launched",
    "запуститься": "launched", "возобновить": "launched", "пуск": "launched",
    "ввод": "launched",
    # planned
    "планировать": "planned", "намереваться": "planned", "намерен": "planned",
    "намеренный": "planned",
    "собираться": "planned", "план": "planned", "планироваться": "planned",
    "соглашение": "planned", "проект": "planned", "проектирование": "planned",
    "рассматривать": "planned", "запланировать": "planned",
    # announced
    "объявить": "announced", "анонсировать": "announced", "презентовать": "announced",
    # under construction
    "строиться": "under_construction", "возводиться": "under_construction",
    "строительство": "under_construction", "возведение": "under_construction",
    "возводить": "under_construction", "стройка": "under_construction",
    "строить": "under_construction", "заложить": "under_construction",
    # expanded
    "расширение": "expanded", "модернизация": "expanded", "расширить": "expanded",
    "модернизировать": "expanded", "нарастить": "expanded", "реконструкция": "expanded",
    "модернизироваться": "expanded", "увеличить": "expanded",
    # suspended / closed
    "приостановить": "suspended", "остановить": "suspended", "законсервировать": "suspended",
    "простой": "suspended", "закрыть": "closed", "ликвидировать": "closed",
    "банкротство": "closed", "закрытие": "closed", "ликвидация": "closed",
    "закрыться": "closed", "банкрот": "closed", "остановиться": "suspended",
    "приостановиться": "suspended", "консервация": "suspended", "прекратить": "suspended",
    "свернуть": "suspended", "обанкротиться": "closed", "реконструировать": "expanded",
    "перезапустить": "launched", "сдать": "launched",
}
# The verb of building: its tense decides between "planned" and "launched".
_BUILD_VERBS = {"построить", "возвести", "создать"}
_PUT_INTO_SERVICE = {"ввести", "ввод"}
_SERVICE_NOUNS = {"эксплуатация", "строй", "работа", "действие", "оборот"}
_PUT_INTO_SERVICE_ALL = _PUT_INTO_SERVICE | {"сдать"}
PAST_EVENT_STATUSES = {"launched", "expanded", "suspended", "closed"}
# What can happen to a plant that already has a proper name ("Брянский машиностроительный
# завод"): a plan or a project of such a plant is its owner's business, not a new plant.
NAMED_PLANT_STATUSES = {"launched", "expanded", "suspended", "closed"}
_FUTURE_LEMMAS = {"планировать", "намереваться", "намерен", "намеренный", "собираться",
                  "планироваться", "рассчитывать", "предстоять", "запланировать"}


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
    """The facility status a sentence states, from its verbs and event nouns.

    An event noun ("строительство", "запуск") in a sentence about the future ("начнётся",
    "планируют") is a plan, not a fact.
    """
    future = any((t.feats.get("Tense") == "Fut" and t.pos in ("VERB", "AUX"))
                 or t.lemma.replace("ё", "е") in _FUTURE_LEMMAS for t in sent.tokens)
    toks = sent.tokens
    for k, t in enumerate(toks):
        lem = t.lemma.replace("ё", "е")
        if lem in _PUT_INTO_SERVICE_ALL and not any(
                x.lemma in _SERVICE_NOUNS for x in toks[k + 1:k + 4]):
            continue  # "ввёл процедуру банкротства" is no launch; "ввёл в эксплуатацию" is
        if lem in _BUILD_VERBS and t.pos == "VERB":
            return "launched" if t.feats.get("Tense") == "Past" else "planned"
        if lem in STATUS_LEMMAS:
            status = STATUS_LEMMAS[lem]
            ongoing = status in ("launched", "under_construction", "expanded")
            if t.pos == "VERB":
                return "planned" if ongoing and t.feats.get("Tense") == "Fut" else status
            return "planned" if ongoing and future else status
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


_TOPONYM_ADJ = re.compile(r"(?:с|ц)к(?:ий|ой|ая|ое|ого|ому|им|ом|ую|ие|их|ими|ей)$")


def _is_proper_adjective(tok: Token, first: bool) -> bool:
    """A capitalised place adjective ("Невьянский", "Тверской"): the plant has a name."""
    if not tok.text[:1].isupper():
        return False
    if not first:
        return True
    low = tok.text.lower()
    if _TOPONYM_ADJ.search(low) and "ическ" not in low:
        return True
    return bool(find_regions(tok.text))


def _inside_quotes(sent: Sentence, tok: Token) -> bool:
    before = sent.text[:tok.start - sent.start]
    return before.count("«") > before.count("»")


@dataclass
class _Phrase:
    start: int
    end: int
    name: str
    product: str | None
    head: int
    named: bool
    weak: bool
    place: str | None = None  # the place adjective of a named plant ("Ковровский")
    lemma: str = ""


def _adj_nom(tok: Token, proper: bool) -> str:
    word = inflect(tok.text, "nomn", None, UD_TO_PYMORPHY_CASE.get(tok.case or ""))
    return word if proper else word.lower()


def _find_in_sentence(sent: Sentence) -> list[_Phrase]:
    """Each facility phrase of a sentence that reports something about a facility."""
    toks = sent.tokens
    found: list[_Phrase] = []
    covered: set[int] = set()
    for i, t in enumerate(toks):
        lem = t.lemma.replace("ё", "е")
        if lem not in FACILITY_HEADS or t.pos not in ("NOUN", "PROPN") or i in covered:
            continue
        if i > 0 and toks[i - 1].text.lower() == "по":
            continue  # "компания по производству ...": an activity, not a facility
        if _inside_quotes(sent, t):
            continue  # «Фабрика проектного финансирования», «Чебоксарский ... завод»
        # adjectives before the head ("Невьянский механический завод")
        j = i - 1
        while j >= 0 and toks[j].pos == "ADJ":  # the tagger's case of a name is unreliable
            j -= 1
        adjs = toks[j + 1:i]
        prev = toks[j] if j >= 0 else None
        if prev is not None and prev.lemma.replace("ё", "е") in GOVERNING_NOUNS:
            continue  # "объёмы производства машин": a measure of output
        if t.case == "Gen" and prev is not None and prev.pos == "NOUN" and \
                prev.lemma.replace("ё", "е") not in EVENT_NOUNS | set(STATUS_LEMMAS) and \
                not any(sp.type == "LOC" and sp.start <= prev.start < sp.end
                        for sp in sent.spans) and not find_regions(prev.text):
            continue  # "на складе завода", "работники завода": a place or an owner
        named = bool(adjs) and _is_proper_adjective(adjs[0], j + 1 == 0)
        relational = [a for a in adjs if a.lemma not in NON_NAME_ADJECTIVES
                      and not find_regions(a.text)]
        name_adjs = [a for a in adjs if named or a in relational]
        weak = lem in WEAK_HEADS
        cstart, first_end, cend = _complement(toks, i + 1)
        if cend > cstart:
            first = toks[cstart]
            if first.lemma.replace("ё", "е") in NOT_PRODUCT_LEMMAS or \
                    any(sp.start <= first.start < sp.end for sp in sent.spans):
                cstart = first_end = cend = i + 1  # a place or a company, not a product
        if lem in PO_ONLY_HEADS and not (cend > cstart and cstart > i + 1):
            continue
        if lem == "станция" and not any(a.lemma in STATION_ADJECTIVES for a in adjs):
            continue
        head_nom = inflect(t.text, "nomn", "sing", UD_TO_PYMORPHY_CASE.get(t.case or "")).lower()
        prefix = " ".join(_adj_nom(a, named and a.text[:1].isupper()) for a in name_adjs)
        phrase_start = name_adjs[0].start if name_adjs else t.start
        product = None
        quoted = re.match(r"\s*«([^»]{1,60})»", sent.text[t.end - sent.start:])
        if cend > cstart:
            compl = toks[cstart:cend]
            product = _nominative(compl, first_end - cstart, sent.text, sent.start)
            tail = " ".join(x.text for x in toks[i + 1:cend]).lower()
            name = f"{head_nom} {tail}"
            end = toks[cend - 1].end
            covered.update(range(i, cend))
        elif quoted and not weak:
            name = f"{head_nom} «{quoted.group(1)}»"
            end = t.end + quoted.end()
        elif (relational or named) and not weak or lem in SELF_NAMED_HEADS:
            name = head_nom
            end = t.end
        else:
            continue
        if prefix:
            name = f"{prefix} {name}"
        found.append(_Phrase(phrase_start, end, name.replace("ё", "е"), product, i, named,
                             weak, adjs[0].text if named else None, lem))
    named_plants = [p for p in found if p.named]
    if named_plants:
        # "Брянский завод расширил производство тепловозов": what the named plant makes
        for p in [p for p in found if p.weak and toks[p.head].lemma == "производство"]:
            found.remove(p)
            if named_plants[0].product is None:
                named_plants[0].product = p.product
    return found


def region_of_place_adjective(word: str) -> Region | None:
    """The region of the town a plant is named after: "Ковровский" -> Ковров ->
    Владимирская область; "Брянский" -> Брянск; "Тверской" -> Тверь."""
    low = word.lower().replace("ё", "е")
    m = re.match(r"(.+?)(с|ц)к(?:ий|ой|ая|ое|ого|ому|им|ом|ую|ие|их|ими|ей)$", low)
    if not m:
        return None
    stem, cons = m.group(1), m.group(2)
    for cand in (stem, stem + cons + "к", stem + "а", stem + "ь", stem + "о", stem + "и",
                 stem + "ы", stem + "е"):
        if len(cand) < 3:
            continue
        region = resolve_region(cand[:1].upper() + cand[1:])
        if region is not None:
            return region
    return None


# Units added to a plant rather than plants of their own.
ADDED_UNITS = {"линия", "цех", "установка", "агрегат", "мощность", "производство"}
_HOSTS = {"завод", "фабрика", "комбинат", "площадка", "предприятие", "верфь"}


def _at_working_plant(sent: Sentence, phrases: list[_Phrase]) -> bool:
    """The sentence puts the unit at an existing plant: a named plant acts ("Ижевский завод
    запустил линию"), or a plant is the place ("на заводе", "на площадке «X»")."""
    if any(p.named for p in phrases):
        return True
    return any(t.lemma in _HOSTS and t.case == "Loc" for t in sent.tokens) or \
        any(sp.type == "ORG" and sp.normal.lower().split()[-1:] and
            lemma(sp.normal.split()[-1]) in _HOSTS for sp in sent.spans)


def _content(p: _Phrase) -> set[str]:
    """Lemmas of the nouns that say what a facility makes: two mentions in different
    sentences sharing one are the same facility ("завод «Кремний»" ... "предприятие по
    выпуску кремния"); shared adjectives ("автомобильных шин" / "автомобильных стёкол")
    are not enough."""
    out = set()
    for w in re.findall(r"[а-яё]{4,}", f"{p.name} {p.product or ''}".lower()):
        parse = morph().parse(w)[0]
        if parse.tag.POS == "NOUN" and parse.normal_form not in FACILITY_HEADS | _GENERIC:
            out.add(parse.normal_form.replace("ё", "е"))
    return out


_GENERIC = {"выпуск", "переработка", "изготовление", "сборка", "продукция", "мощность",
            "розлив", "обработка"}


def find_plants(analyzed: AnalyzedText, ctx: DocContext) -> list[PlantMention]:
    out: list[PlantMention] = []
    kept: list[tuple[int, _Phrase]] = []  # (sentence index, phrase) of each row in `out`
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
        dates = [d for d in find_dates(sent.text, ctx.published) if d.precision != "year"]
        years = [d for d in find_dates(sent.text, ctx.published) if d.precision == "year"]
        for ph in phrases:
            companies = sentence_companies(sent, exclude=(ph.start, ph.end))
            operator = companies[0] if companies else ctx.company
            ph_region = region
            if ph.place and not regions:
                ph_region = region_of_place_adjective(ph.place) or region
            st = status
            if ph.named:
                # a plant with a proper name exists: only what happens to it is news
                if own not in NAMED_PLANT_STATUSES:
                    continue
                st = "expanded" if own == "launched" else own
            if not st:
                continue  # no event: the facility is only mentioned
            if st == "launched" and ph.lemma in ADDED_UNITS and _at_working_plant(sent, phrases):
                st = "expanded"  # a new line or shop at a working plant
            event_date = dates[0].value if dates else None
            if event_date is None and st in PAST_EVENT_STATUSES:
                event_date = ctx.published  # a reported past event: the article's date
            event_year = event_date.year if event_date else \
                (years[0].value.year if years else None)
            dup = next((k for k, (ksi, kp) in enumerate(kept)
                        if kp.name == ph.name or
                        (ksi != si and _content(kp) & _content(ph))), None)
            if dup is not None:
                # the same facility again ("завод «Кремний»" ... "предприятие по выпуску
                # кремния"): keep the first row, take a product it lacked
                if out[dup].product is None and ph.product:
                    out[dup] = replace(out[dup], product=ph.product)
                continue
            kept.append((si, ph))
            out.append(PlantMention(
                name=ph.name, product=ph.product, operator=operator, region=ph_region,
                status=st, event_date=event_date, event_year=event_year,
                evidence=sent.text, start=ph.start, end=ph.end,
            ))
    return out
