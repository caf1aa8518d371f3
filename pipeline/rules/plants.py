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

import csv
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from pipeline.rules import lexicon
from pipeline.rules.context import (
    DocContext,
    company_name,
    company_right_after,
    elsewhere,
    is_company,
    is_facility_name,
    sentence_companies,
    span_company,
    story_company,
)
from pipeline.rules.dates import DateMention, find_dates, find_periods
from pipeline.rules.gazetteer import (
    Region,
    RegionMention,
    find_regions,
    region_of_place_adjective,
    settle_shared_towns,
)
from pipeline.rules.memo import memo_object
from pipeline.rules.morph import (
    UD_TO_PYMORPHY_CASE,
    adjective_in_nominative,
    agree,
    concrete_lemma,
    inflect,
    keep_case,
    lemma,
    morph,
    normal_name,
)
from pipeline.rules.text import AnalyzedText, Sentence, Span, Token

# The word lists live in pipeline/data/lexicon/ (facility_heads.csv, plant_statuses.csv,
# plant_status_values.csv, plant_words.csv); load_lexicon() reads them into these names.
_COMPOUND_BASES: frozenset[str] = frozenset()
_COMPOUND_STOPS: frozenset[str] = frozenset()
FACILITY_HEADS: frozenset[str] = frozenset()
WEAK_HEADS: frozenset[str] = frozenset()  # plants only with a product ("линия по розливу")
SELF_NAMED_HEADS: frozenset[str] = frozenset()  # say what they make ("мясокомбинат", "ТЭЦ")
PO_ONLY_HEADS: frozenset[str] = frozenset()  # facilities only with "по выпуску X"
ADDED_UNITS: frozenset[str] = frozenset()  # units added to a plant, not plants of their own
STATION_ADJECTIVES: frozenset[str] = frozenset()  # "станция" is a plant only as a power station
PRODUCT_NOUNS: frozenset[str] = frozenset()
NOT_PRODUCT_LEMMAS: frozenset[str] = frozenset()
GOVERNING_NOUNS: frozenset[str] = frozenset()
_VOLUME_ADJECTIVES: frozenset[str] = frozenset()
# Nouns that may govern a facility in the genitive and still report its event
# ("строительство завода", "запуск производства"); any other noun makes the facility a
# place or an owner ("на складе завода", "работники завода", "мощность комбината").
EVENT_NOUNS: frozenset[str] = frozenset()
NON_NAME_ADJECTIVES: frozenset[str] = frozenset()
STATUS_LEMMAS: dict[str, str] = {}
PAST_EVENT_STATUSES: frozenset[str] = frozenset()
# What can happen to a plant that already has a proper name ("Брянский машиностроительный
# завод"): a plan or a project of such a plant is its owner's business, not a new plant.
NAMED_PLANT_STATUSES: frozenset[str] = frozenset()
_ONGOING: frozenset[str] = frozenset()  # statuses a future tense turns into "planned"
_BUILD_VERBS: frozenset[str] = frozenset()  # the verb of building: its tense decides
_PUT_INTO_SERVICE_ALL: frozenset[str] = frozenset()
_SERVICE_NOUNS: frozenset[str] = frozenset()
_FUTURE_LEMMAS: frozenset[str] = frozenset()
_HOSTS: frozenset[str] = frozenset()
_GENERIC: frozenset[str] = frozenset()
_ASPECT_VERBS: frozenset[str] = frozenset()  # "начать": the status noun after it decides
_ANAPHORS: frozenset[str] = frozenset()  # "данный цех": a repeat, not a new facility
_CLASS_POSSESSIVES: frozenset[str] = frozenset()  # "наши заводы": a region's plants, a class
_OUTPUT_FALLS: frozenset[str] = frozenset()  # "производство яиц упало": a volume of output
_INTENT: frozenset[str] = frozenset()  # "намерен", "может": a plan with no date is "announced"
_COMPANY_WORDS: frozenset[str] = frozenset()  # "компания": a genitive that owns, not a product
_LEGAL_FORMS: frozenset[str] = frozenset()  # "ООО", "ПАО" (orgs_words.csv)
_LEGAL_LEMMAS: set[str] = set()  # the lemmas of a legal form of words: "акционерный общество"
_THREATS: frozenset[str] = frozenset()  # "на грани закрытия": only a threat of closure
_HOST_PLACES: frozenset[str] = frozenset()  # "на базе завода": a unit at a working plant
_OUTPUT_WORDS: frozenset[str] = frozenset()  # "начался выпуск X": production without a plant noun
_LIST_LINKS: frozenset[str] = frozenset()  # ", а также": links the products of a plural head
_EFFECT_VERBS: frozenset[str] = frozenset()  # "позволит увеличить": an effect, no extension
_MONEY_NOUNS: frozenset[str] = frozenset()  # "инвестиции в проект составили": money spent
_SUM_VERBS: frozenset[str] = frozenset()  # "составили": the sum a project took
_COMPLETION_VERBS: frozenset[str] = frozenset()  # "завершили строительство": built, so launched
_DONE_BUILDING: frozenset[str] = frozenset()  # "до конца года будет построен": works going on
_FULL_CAPACITY: frozenset[str] = frozenset()  # "на полную мощность": the plant works already
_CAPACITY_VERBS: frozenset[str] = frozenset()  # "выведет на полную мощность"
_LATER_ORDINALS: frozenset[str] = frozenset()  # "третья линия": the plant works already
_AWAITING: frozenset[str] = frozenset()  # "ожидаем открытия": a launch still to come
_COMPLETION_NOUNS: frozenset[str] = frozenset()  # "завершение строительства": built, told as done
_EQUIPMENT: frozenset[str] = frozenset()  # "оборудование": delivered, the works go on
_DELIVERIES: frozenset[str] = frozenset()  # "доставлено", "приобретено"
_DISTRICT_WORDS: frozenset[str] = frozenset()  # "район", "округ" (officials_words.csv)
_PREPARATION: frozenset[str] = frozenset()  # "готовится к запуску": not launched yet
_OBLIGATIONS: frozenset[str] = frozenset()  # "должно заработать": still to come
_INDUSTRY_ADJECTIVES: frozenset[str] = frozenset()  # "газоперерабатывающее предприятие"
_VISITS: frozenset[str] = frozenset()  # "побывать на заводе": a place of a visit
_TOUR_VISITS: frozenset[str] = frozenset()  # "посетил ЗАО «X»" of a toured company
_VISIT_PLACES: frozenset[str] = frozenset()  # "посетил производственные площадки «X»"
_TOUR_WORDS: frozenset[str] = frozenset()  # "осмотрел цеха": the visit toured the works
_USE_WORDS: frozenset[str] = frozenset()  # "используется в производстве X": a use
_BARE_OPERATIONS: frozenset[str] = frozenset()  # "линия фасовки": an operation, no product
_MEASURE_UNITS: frozenset[str] = frozenset()  # "литр", "тонна": "производство 1 млн литров X"
_SCALES: frozenset[str] = frozenset()  # "млн", "тысяча" (number_words.csv)
_STAFF_CUTS: frozenset[str] = frozenset()  # "сокращение": with _STAFF_NOUNS, jobs, not the plant
_OTHER_PLANS: frozenset[str] = frozenset()  # "перейти": planned of a plant, no event of it
_STAFF_NOUNS: frozenset[str] = frozenset()  # "человек", "сотрудник"
_WORKS_ADJECTIVES: frozenset[str] = frozenset()  # "ремонтные работы": building going on
_ACTIVITY_VERBS: frozenset[str] = frozenset()  # "занимается производством": an activity
_EVENT_PLACES: frozenset[str] = frozenset()  # "на форуме в Петербурге": where a meeting was
_PLANT_UNITS: frozenset[str] = frozenset()  # "корпус", "цех": built by a named plant, it expands
_CUSTOMER_VERBS: frozenset[str] = frozenset()  # "поставляться предприятиям": a customer
_MODEL_NOUNS: frozenset[str] = frozenset()  # "производство модели Ford Transit": a model
_PLANT_PARTS: frozenset[str] = frozenset()  # "запуск линии завода «X»": news of the plant X
_COMPANY_STOPS: dict[str, str] = {}  # "приостановил" -> suspended: a company stops its works
_WORKS_OBJECTS: frozenset[str] = frozenset()  # "работу", "производство": what it stops
_PROJECT_NOUNS: frozenset[str] = frozenset()  # "проект по производству X": a production
_SPEAKER_NOUNS: frozenset[str] = frozenset()  # "владелец завода объявил о закрытии"
_PREPOSITION_NOUNS: frozenset[str] = frozenset()  # "в отношении завода": a preposition
_VAGUE_ADJECTIVES: frozenset[str] = frozenset()  # "основной продукции": no product
_MAKING_NOUNS: frozenset[str] = frozenset()  # "производству", "выпуску" after such a noun
_PURPOSE_WORDS: frozenset[str] = frozenset()  # "для производства X": the making of X
_LANDMARKS: frozenset[str] = frozenset()  # "рядом с заводом": a place of something else
_CLASS_OF: frozenset[str] = frozenset()  # "одним из крупнейших предприятий": a kind
_EVENT_WORDS: frozenset[str] = frozenset()  # event nouns and status words together
_EVENT_VERBS: frozenset[str] = frozenset()  # status words with a status and verbs of building
_RECEIVERS: frozenset[str] = frozenset()  # "управляющий" after "конкурсный": a receiver
_RESUMPTIONS: frozenset[str] = frozenset()  # "возобновить": to come, the plant is idle now
_CAPACITY: frozenset[str] = frozenset()  # "мощность": grown, news of the plant (expanded)
_GROWTH: frozenset[str] = frozenset()  # "рост", "увеличится": a capacity grows
_OUTPUT_GROWTH: frozenset[str] = frozenset()  # "увеличила производство X": output, no facility
_SEATS: frozenset[str] = frozenset()  # "суд": "Арбитражный суд Москвы" is the court's seat
_PETITIONS: frozenset[str] = frozenset()  # "заявление о банкротстве": a case, not a stop
_RECEIVERSHIP: frozenset[str] = frozenset()  # "конкурсное производство": liquidation, closed
_BANKRUPTCY: frozenset[str] = frozenset()  # "банкротство": what a case filed is of
_DEADLINE_ADJECTIVES: frozenset[str] = frozenset()  # "текущего года": a relative deadline
_AGREEMENTS: frozenset[str] = frozenset()  # "соглашение": a plan next to one is announced
_APPROVALS: frozenset[str] = frozenset()  # "приоритетный": an intention next to one is planned
_OTHER_DEALS: frozenset[str] = frozenset()  # "аренда": a contract of another kind
_ALLOCATIONS: frozenset[str] = frozenset()  # "выделить": money given for a building to come
_ACHIEVEMENTS: frozenset[str] = frozenset()  # "позволило создать": the building was done
_CESSATIONS: frozenset[str] = frozenset()  # "прекратить": an end of work, with finality closed
_FINALITY: frozenset[str] = frozenset()  # "окончательно": next to a cessation, a closure
_EXITS: frozenset[str] = frozenset()  # "уход": with a home market after it the owner leaves
_HOME_MARKETS: frozenset[str] = frozenset()  # "Россия": the country or market left
_COMPANY_LISTS: frozenset[str] = frozenset()  # "среди которых": companies listed, one plant each
_REVIEWS: frozenset[str] = frozenset()  # "рассматривать": companies listed as topics, no news
_CONTENTS: frozenset[str] = frozenset()  # "включая": a facility listed as a part of a project
_DESCRIBING: frozenset[str] = frozenset()  # "Это первое предприятие …": the plant just told
_TIME_UNITS: frozenset[str] = frozenset()  # "год", "месяц": "займёт два года" is a time frame
_TIME_TAKING: frozenset[str] = frozenset()  # "занять", "уйти", "в течение": a length of time taken
_TERM_NOUNS: frozenset[str] = frozenset()  # "срок": "срок реализации проекта — пять лет"
_PLAN_TERMS: frozenset[str] = frozenset()  # "реализация": the works a term is of
_SEASONS: frozenset[str] = frozenset()  # "осень": "осенью", "в конце лета" date a plan
_TIME_PARTS: frozenset[str] = frozenset()  # "конец": "до конца года" dates a plan
_WEEKDAYS: frozenset[str] = frozenset()  # "пятница": "состоится в пятницу" dates a plan
_DESIGN_WORDS: frozenset[str] = frozenset()  # "проектирование": designed, so planned undated
_SPEECH_VERBS: frozenset[str] = frozenset()  # "подчеркнуть": the saying is past, not the plan
_TELLING: frozenset[str] = frozenset()  # "объявлять": "объявлял о строительстве" is a plan
_PROGRESS: frozenset[str] = frozenset()  # "ход": "ход строительства" is works going on
_WORKS_VERBS: frozenset[str] = frozenset()  # "реализоваться": "реализуется проект по расширению"
_INVESTING: frozenset[str] = frozenset()  # "вкладываться": "вкладывается в расширение" is to come
_PAPERS: frozenset[str] = frozenset()  # "решение": "будет принято решение о строительстве"
_PROPOSALS: frozenset[str] = frozenset()  # "одобрить": "одобрил запуск печи" is still to come
_ADDITIONS: frozenset[str] = frozenset()  # "кроме того": the plan before goes on, in its time frame
_ATTEMPTS: frozenset[str] = frozenset()  # "пытаться": "пытался модернизировать" did not
_AGAIN: frozenset[str] = frozenset()  # "снова": "снова будут производиться" is a resumption to come
UNKNOWN = "unknown"  # the plant is the subject, but nothing happened to the facility


class _Heads(frozenset):
    """Facility nouns of the lexicon and their compounds: a known base after a stem of the
    product ("свинокомплекс", "мясохладобойня", "фармзавод", after real news dev r9_010,
    r5_013): regional news coins them freely, so no list can hold them all."""

    def __init__(self, words: frozenset[str] = frozenset()) -> None:
        # each lemma's answer: the rules ask ~400,000 times over 898 documents, ~1 % of
        # their CPU as two calls each; a new set (load_lexicon) starts empty
        self._known: dict[object, bool] = {}

    def __contains__(self, lem: object) -> bool:
        hit = self._known.get(lem)
        if hit is None:
            hit = frozenset.__contains__(self, lem) or \
                isinstance(lem, str) and _compound_base(lem) is not None
            if len(self._known) >= 65536:
                self._known.clear()
            self._known[lem] = hit
        return hit


@lru_cache(maxsize=65536)
def _compound_base(lem: str) -> str | None:
    """The facility noun a compound ends with, when its stem may name a product (plant_words
    compound_base, compound_stop): "свинокомплекс" -> "комплекс", not "спорткомплекс".
    Memoised (every membership test of a head set asks it; load_lexicon clears it)."""
    for base in _COMPOUND_BASES:
        stem = lem[:-len(base)]
        if lem.endswith(base) and len(stem) >= 3 and stem.isalpha() and \
                not any(stem.startswith(w) for w in _COMPOUND_STOPS) and \
                (base != "комплекс" or stem[-1] in "ое"):
            return base
    return None


def status_values() -> list[str]:
    """The closed vocabulary of plant statuses, in table order (plant_status_values.csv)."""
    return list(lexicon.ordered("plant_status_values", "status"))


# the plant_words roles read into _STAGES, _COMPANY_LISTS, _REVIEWS, _CONTENTS, _DESCRIBING
_LATER_ROLES = ("stage_noun", "company_list", "review", "contents_word", "describing_adjective")


def load_lexicon() -> None:
    """(Re)read the word lists of this module from pipeline/data/lexicon/; called on import,
    and by a caller that edited a file (after `lexicon.rows.cache_clear()`)."""
    global FACILITY_HEADS, WEAK_HEADS, SELF_NAMED_HEADS, PO_ONLY_HEADS, ADDED_UNITS, _HOSTS
    global STATION_ADJECTIVES, PRODUCT_NOUNS, NOT_PRODUCT_LEMMAS, GOVERNING_NOUNS, EVENT_NOUNS
    global NON_NAME_ADJECTIVES, _SERVICE_NOUNS
    global _GENERIC, _ASPECT_VERBS, _ANAPHORS, _COMPANY_WORDS, _LEGAL_FORMS, _THREATS
    global _OBLIGATIONS, _EFFECT_VERBS, _MONEY_NOUNS, _SUM_VERBS
    global _HOST_PLACES, _OUTPUT_WORDS, _LIST_LINKS, _COMPLETION_VERBS, _DISTRICT_WORDS
    global _PREPARATION, _INDUSTRY_ADJECTIVES, _MEASURE_UNITS, _SCALES, _VISITS
    global _STAFF_CUTS, _STAFF_NOUNS, _COMPOUND_BASES, _COMPOUND_STOPS, _OTHER_PLANS
    global _VOLUME_ADJECTIVES
    heads = "facility_heads"
    _compound_base.cache_clear()
    _COMPOUND_BASES = lexicon.words("plant_words", role="compound_base")
    _COMPOUND_STOPS = lexicon.words("plant_words", role="compound_stop")
    FACILITY_HEADS = _Heads(lexicon.words(heads, "lemma"))
    WEAK_HEADS = lexicon.flagged(heads, "weak", "lemma")
    SELF_NAMED_HEADS = _Heads(lexicon.flagged(heads, "self_named", "lemma"))
    PO_ONLY_HEADS = lexicon.flagged(heads, "po_only", "lemma")
    ADDED_UNITS = lexicon.flagged(heads, "added_unit", "lemma")
    _HOSTS = lexicon.flagged(heads, "host", "lemma")
    words = "plant_words"
    STATION_ADJECTIVES = lexicon.words(words, role="station_adjective")
    PRODUCT_NOUNS = lexicon.words(words, role="product_noun")
    NOT_PRODUCT_LEMMAS = lexicon.words(words, role="not_product") | FACILITY_HEADS
    GOVERNING_NOUNS = lexicon.words(words, role="governing_noun")
    _VOLUME_ADJECTIVES = lexicon.words(words, role="volume_adjective")
    EVENT_NOUNS = lexicon.words(words, role="event_noun")
    NON_NAME_ADJECTIVES = lexicon.words(words, role="non_name_adjective")
    _SERVICE_NOUNS = lexicon.words(words, role="service_noun")
    _GENERIC = lexicon.words(words, role="generic_noun")
    _ASPECT_VERBS = lexicon.words(words, role="aspect_verb")
    _ANAPHORS = lexicon.words(words, role="anaphor")
    _THREATS = lexicon.words(words, role="threat")
    _HOST_PLACES = lexicon.words(words, role="host_place")
    _OUTPUT_WORDS = lexicon.words(words, role="output_word")
    _LIST_LINKS = lexicon.words(words, role="list_link")
    _EFFECT_VERBS = lexicon.words(words, role="effect_verb")
    _MONEY_NOUNS = lexicon.words("money_words", role="money_noun")
    _SUM_VERBS = lexicon.words(words, role="sum_verb")
    _COMPLETION_VERBS = lexicon.words(words, role="completion_verb")
    _PREPARATION = lexicon.words(words, role="preparation")
    _OBLIGATIONS = lexicon.words(words, role="obligation")
    _INDUSTRY_ADJECTIVES = lexicon.words(words, role="industry_adjective")
    _VISITS = lexicon.words(words, role="visit")
    _MEASURE_UNITS = lexicon.words(words, role="measure_unit")
    _STAFF_CUTS, _STAFF_NOUNS = (lexicon.words(words, role=r) for r in ("staff_cut", "staff_noun"))
    _OTHER_PLANS = lexicon.words(words, role="other_plan") | _STAFF_CUTS
    _load_context_words()
    _SCALES = frozenset(r["word"] for r in lexicon.rows("number_words")
                        if r["kind"] in ("scale", "scale_abbr"))
    _DISTRICT_WORDS = lexicon.words("officials_words", role="district_word")
    _COMPANY_WORDS = lexicon.words("company_words", role="descriptor") - FACILITY_HEADS
    _LEGAL_FORMS = frozenset(lexicon.ordered("orgs_words", role="legal_form"))
    _LEGAL_LEMMAS.clear()
    _LEGAL_LEMMAS.update(" ".join(lemma(w) for w in f.lower().split())
                         for f in _LEGAL_FORMS if " " in f)
    _load_statuses()
    _load_change_words()


def _load_context_words() -> None:
    """Words of the context around a facility phrase: its parts, works, owners, projects
    and the phrases that describe rather than name it (plant_words.csv)."""
    global _WORKS_ADJECTIVES, _ACTIVITY_VERBS, _EVENT_PLACES, _PLANT_UNITS, _PLANT_PARTS
    global _COMPANY_STOPS, _WORKS_OBJECTS, _PROJECT_NOUNS, _MAKING_NOUNS, _SPEAKER_NOUNS
    global _PURPOSE_WORDS, _LANDMARKS, _CLASS_OF, _REMEDIED, _CUSTOMER_VERBS, _MODEL_NOUNS
    global _STAGES, _COMPANY_LISTS, _REVIEWS, _CONTENTS, _DESCRIBING
    global _TOUR_VISITS, _VISIT_PLACES, _TOUR_WORDS, _USE_WORDS, _BARE_OPERATIONS
    global _CLASS_POSSESSIVES, _OUTPUT_FALLS, _PREPOSITION_NOUNS, _VAGUE_ADJECTIVES
    words = "plant_words"
    _VAGUE_ADJECTIVES = lexicon.words(words, role="vague_adjective")
    _PREPOSITION_NOUNS = lexicon.words(words, role="preposition_noun")
    _BARE_OPERATIONS = lexicon.words(words, role="bare_operation")
    _CLASS_POSSESSIVES = lexicon.words(words, role="class_possessive")
    _OUTPUT_FALLS = lexicon.words(words, role="output_fall")
    _TOUR_VISITS, _VISIT_PLACES, _TOUR_WORDS, _USE_WORDS = (
        lexicon.words(words, role=r)
        for r in ("tour_visit", "visit_place", "tour_word", "use_word"))
    _WORKS_ADJECTIVES = lexicon.words(words, role="works_adjective")
    _ACTIVITY_VERBS = lexicon.words(words, role="activity_verb")
    _EVENT_PLACES = lexicon.words(words, role="event_place")
    _PLANT_UNITS = lexicon.words(words, role="plant_unit")
    _PLANT_PARTS = lexicon.words(words, role="plant_part")
    _COMPANY_STOPS = {w: st for st in ("suspended", "launched")
                      for w in lexicon.words(words, role=f"company_works_{st}")}
    _WORKS_OBJECTS = lexicon.words(words, role="works_object")
    _PROJECT_NOUNS = lexicon.words(words, role="project_noun")
    _MAKING_NOUNS = lexicon.words(words, role="making_noun")
    _SPEAKER_NOUNS = lexicon.words(words, role="speaker_noun")
    _PURPOSE_WORDS = lexicon.words(words, role="purpose_word")
    _LANDMARKS = lexicon.words(words, role="landmark")
    _CLASS_OF = lexicon.words(words, role="class_of")
    _CUSTOMER_VERBS = lexicon.words(words, role="customer_verb")
    _MODEL_NOUNS = lexicon.words(words, role="model_noun")
    _REMEDIED = lexicon.words(words, role="remedied_noun")
    _STAGES, _COMPANY_LISTS, _REVIEWS, _CONTENTS, _DESCRIBING = (lexicon.words(words, role=r) for r
                                                                 in _LATER_ROLES)


def _load_change_words() -> None:
    """Words of a change in a plant's output, capacity or legal state (plant_words.csv)."""
    global _RESUMPTIONS, _CAPACITY, _GROWTH, _OUTPUT_GROWTH, _SEATS, _PETITIONS, _RECEIVERSHIP
    global _BANKRUPTCY, _DEADLINE_ADJECTIVES, _AGREEMENTS, _APPROVALS, _OTHER_DEALS, _RECEIVERS
    global _ALLOCATIONS, _ACHIEVEMENTS, _TIME_UNITS, _TIME_TAKING, _TERM_NOUNS, _PLAN_TERMS
    global _SEASONS, _TIME_PARTS, _WEEKDAYS, _DESIGN_WORDS, _SPEECH_VERBS, _WORKS_VERBS, _INVESTING
    global _TELLING, _PROGRESS, _PAYMENTS, _PAPERS, _PROPOSALS, _ADDITIONS, _ATTEMPTS, _AGAIN
    global _CESSATIONS, _FINALITY, _EXITS, _HOME_MARKETS, _DONE_BUILDING, _FULL_CAPACITY
    global _CAPACITY_VERBS, _LATER_ORDINALS, _AWAITING, _COMPLETION_NOUNS, _EQUIPMENT
    global _DELIVERIES
    words = "plant_words"
    _WORKS_VERBS, _INVESTING = (lexicon.words(words, role=r) for r in ("works_verb", "investing"))
    _TIME_UNITS, _TIME_TAKING, _TERM_NOUNS, _PLAN_TERMS = (lexicon.words(words, role=r) for r in (
        "time_unit", "time_taking", "term_noun", "plan_term"))
    _SEASONS, _TIME_PARTS, _WEEKDAYS, _DESIGN_WORDS = (lexicon.words(words, role=r) for r in (
        "season", "time_part", "weekday", "design_word"))
    _SPEECH_VERBS = lexicon.words("officials_words", role="speech_verb")
    _TELLING = lexicon.words(words, role="telling_verb")
    _PROGRESS = lexicon.words(words, role="progress_noun")
    _RESUMPTIONS = lexicon.words(words, role="resumption")
    _CAPACITY = lexicon.words(words, role="capacity")
    _GROWTH = lexicon.words(words, role="growth_word")
    _OUTPUT_GROWTH = lexicon.words(words, role="output_growth")
    _SEATS = lexicon.words(words, role="seat_noun")
    _PETITIONS = lexicon.words(words, role="petition")
    _RECEIVERSHIP = lexicon.words(words, role="receivership")
    _RECEIVERS = lexicon.words(words, role="receiver_noun")
    _BANKRUPTCY = lexicon.words(words, role="bankruptcy_word")
    _PAYMENTS = lexicon.words(words, role="payment_word")
    _DEADLINE_ADJECTIVES = lexicon.words(words, role="deadline_adjective")
    _AGREEMENTS = lexicon.words(words, role="agreement_word")
    _APPROVALS = lexicon.words(words, role="approval_word")
    _OTHER_DEALS = lexicon.words(words, role="other_deal")
    _ALLOCATIONS = lexicon.words(words, role="allocation")
    _ACHIEVEMENTS = lexicon.words(words, role="achievement")
    _PAPERS = lexicon.words(words, role="paper_noun")
    _ADDITIONS = lexicon.words(words, role="addition")
    _ATTEMPTS = lexicon.words(words, role="attempt")
    _AGAIN = lexicon.words(words, role="again")
    _PROPOSALS = lexicon.words(words, role="proposal")
    _CESSATIONS = lexicon.words(words, role="cessation")
    _FINALITY = lexicon.words(words, role="finality")
    _EXITS = lexicon.words(words, role="exit_word")
    _HOME_MARKETS = lexicon.words(words, role="home_market")
    _DONE_BUILDING = lexicon.words(words, role="done_building_verb")
    _FULL_CAPACITY = lexicon.words(words, role="full_capacity")
    _CAPACITY_VERBS = lexicon.words(words, role="capacity_verb")
    _LATER_ORDINALS = lexicon.words(words, role="later_ordinal")
    _AWAITING = lexicon.words(words, role="awaiting")
    _COMPLETION_NOUNS = lexicon.words(words, role="completion_noun")
    _EQUIPMENT = lexicon.words(words, role="equipment_noun")
    _DELIVERIES = lexicon.words(words, role="delivery_verb")


def _load_statuses() -> None:
    """The status words and values (plant_statuses.csv, plant_status_values.csv)."""
    global STATUS_LEMMAS, PAST_EVENT_STATUSES, NAMED_PLANT_STATUSES, _ONGOING, _BUILD_VERBS
    global _PUT_INTO_SERVICE_ALL, _FUTURE_LEMMAS, _INTENT, _EVENT_WORDS, _EVENT_VERBS
    values = set(status_values())
    STATUS_LEMMAS = {r["lemma"]: r["status"] for r in lexicon.rows("plant_statuses")
                     if r["lemma"] and r["status"]}
    unknown = set(STATUS_LEMMAS.values()) - values
    if unknown:
        raise ValueError(f"plant_statuses.csv: statuses {sorted(unknown)} are not in "
                         "plant_status_values.csv")
    _BUILD_VERBS = lexicon.flagged("plant_statuses", "tense_decides", "lemma")
    _PUT_INTO_SERVICE_ALL = lexicon.flagged("plant_statuses", "needs_service_noun", "lemma")
    _FUTURE_LEMMAS = lexicon.flagged("plant_statuses", "future", "lemma")
    _INTENT = lexicon.flagged("plant_statuses", "intent", "lemma")
    _EVENT_WORDS = EVENT_NOUNS | frozenset(STATUS_LEMMAS)
    _EVENT_VERBS = frozenset(k for k, v in STATUS_LEMMAS.items() if v) | _BUILD_VERBS
    PAST_EVENT_STATUSES = lexicon.flagged("plant_status_values", "past_event", "status")
    NAMED_PLANT_STATUSES = lexicon.flagged("plant_status_values", "named_plant", "status")
    _ONGOING = lexicon.flagged("plant_status_values", "ongoing", "status")


load_lexicon()


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
    # the operator is the article's company, named nowhere near the phrase (_operator's
    # last guess): _plant_not_run_by_plant may take it back
    story_operator: bool = field(default=False, compare=False, repr=False)


def plant_id(name: str, operator: str | None, region_code: str | None) -> str:
    """Stable across documents: same facility phrase, operator and region -> same id."""
    key = "|".join([
        re.sub(r"\s+", " ", name.lower().replace("ё", "е")).strip(),
        normal_name((operator or "").lower()),  # «Автотора» is «Автотор»
        region_code or "",
    ])
    return "plt-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def sentence_status(sent: Sentence, dated: bool = False) -> str | None:
    """The facility status a sentence states, from its verbs and event nouns.

    An event noun ("строительство", "запуск") in a sentence about the future ("начнётся",
    "планируют") is a plan, not a fact. A plan stated only as an intention, a possibility
    or an agreement ("намерен построить", "может построить", "соглашение о строительстве")
    is "announced" unless the sentence, or one of the next few (`dated`, see plan_dated()
    and find_plants()), gives a date or a deadline (real-news annotation rules, issue 16).
    """
    status = _with_bankruptcy(sent, _stated_status(sent))
    if status in ("announced", "planned", "launched") and _equipment_arrived(sent.tokens):
        return "under_construction"  # "приобретено и доставлено оборудование" (r14_021)
    if status == "suspended" and _ceased_for_good(sent.tokens):
        return "closed"  # "решила полностью прекратить работу завода" (real news dev r19_044)
    if status == "suspended" and _all_staff_dismissed(sent.tokens):
        return "closed"  # "прекратила работу, а всех работников уволят" (real news dev r8_007)
    if _all_staff_dismissed(sent.tokens) and \
            any(_bankrupt(sent.tokens, k) for k in range(len(sent.tokens))):
        return "closed"  # "находящееся в стадии банкротства, уволило всех сотрудников": a
        # bankrupt with no one left to work is stopped (real news dev r22_020)
    if _cuts_staff(sent) and status in (None, UNKNOWN, "suspended") and \
            _work_ceased(sent.tokens):
        return "closed"  # "сообщил о прекращении работы и сокращении сотрудников" (r3_003)
    if _cuts_staff(sent) and status not in _STOP_STATUSES:
        # a stop stated with the cut stays ("приостановили деятельность птицефабрики, до
        # минимума сократив число рабочих", real news dev r3_001)
        return UNKNOWN
    if status == "planned" and not dated and not _designed(sent.tokens) \
            and not (_has_date(_after_paper(sent)) and not _signed_before(sent)) \
            and not sentence_dates_plan(sent, None):
        # session 14 status convention (1): a plan with no date or time frame, an
        # intention, agreement, allotment or approval, is announced ("построят завод")
        return "announced"
    if status == "announced" and dated and any(
            STATUS_LEMMAS.get(_lem(t)) == "announced" and _intends(t) for t in sent.tokens):
        return "planned"  # "анонсировали скорый запуск" of a plant dated later (r5_005)
    return status


def _equipment_arrived(toks: list[Token]) -> bool:
    """Equipment told delivered or bought (plant_words.csv equipment_noun, delivery_verb, in the
    past) in a sentence of a building ("Оборудование для строительства мини-завода доставлено
    в округ", "завершено строительство цеха, приобретено и доставлено технологическое
    оборудование", real news dev r15_002, r14_021: gold under_construction; public pages tell
    equipment unloaded, bought or brought to a plant being built and mounted): the works go
    on, neither a plan nor a plant at work (session 14 status convention (2))."""
    if not any(STATUS_LEMMAS.get(_lem(t)) == "under_construction" and t.pos == "NOUN" or
               _lem(t) in _COMPLETION_VERBS for t in toks):
        return False
    return any(_lem(t) in _EQUIPMENT for t in toks) and any(
        t.pos == "VERB" and _verb_lemma(t) in _DELIVERIES and t.feats.get("Tense") == "Past"
        and not _future_aux(toks, k) for k, t in enumerate(toks))


def _designed(toks: list[Token]) -> bool:
    """The plant is being designed ("находятся на стадии проектирования", written corpus
    014; plant_words.csv design_word): works on the plan, beyond an intention, so a plan
    with no date stays "planned". The design of something else is not ("проектирование новой
    теплицы", real news dev r11_016): a noun after the design word must be a facility."""
    for k, t in enumerate(toks):
        if _lem(t) in _DESIGN_WORDS:
            obj = next((x for x in toks[k + 1:] if x.pos not in ("ADJ", "DET")), None)
            if obj is None or obj.pos != "NOUN" or obj.case != "Gen" or \
                    _lem(obj) in FACILITY_HEADS:
                return True
    return False


def _bankrupt(toks: list[Token], k: int) -> bool:
    """A bankruptcy at k (plant_statuses.csv status unknown: "банкротство", "банкрот"), not
    only threatened ("о возможном банкротстве", plant_words.csv threat)."""
    return STATUS_LEMMAS.get(_lem(toks[k])) == UNKNOWN and \
        not any(_lem(x) in _THREATS for x in toks[max(0, k - 2):k])


def _ceased_for_good(toks: list[Token]) -> bool:
    """Work ended for good: a cessation word ("прекратить", plant_words.csv cessation) with a
    finality word ("полностью", "окончательно", role finality) within two words of it. Ending
    work for good is a closure; a stop, even a full one ("полностью остановлено"), is not."""
    for k, t in enumerate(toks):
        if _lem(t) in _CESSATIONS or _verb_lemma(t) in _CESSATIONS:
            near = toks[max(0, k - 2):k] + toks[k + 1:k + 3]
            if any(_lem(x) in _FINALITY for x in near):
                return True
    return False


def _work_ceased(toks: list[Token]) -> bool:
    """A cessation word ("прекратить", "прекращение", plant_words.csv cessation) with the
    works it ends right after it ("работы", "производство", role works_object): with jobs cut
    in the same sentence the plant is closed ("сообщил о прекращении работы и сокращении
    сотрудников", real news dev r3_003, gold closed), not idle: a stop ("приостановили
    деятельность, сократив число рабочих", r3_001) keeps its suspension."""
    return any((_lem(t) in _CESSATIONS or _verb_lemma(t) in _CESSATIONS) and
               any(_lem(x) in _WORKS_OBJECTS for x in toks[k + 1:k + 3]) and
               not _court_case_after(toks, k) for k, t in enumerate(toks))


def _with_bankruptcy(sent: Sentence, status: str | None) -> str | None:
    """A bankruptcy says the plant is closed only with a stop ("признан банкротом и
    остановлен"): the annotation rules' closed is "bankrupt and stopped", and a bankruptcy
    alone leaves the plant's state unknown (real news dev r7_005, r9_015, r11_020). A stop
    stated with it is a closure; any other event of the sentence stands."""
    toks = sent.tokens
    if status == "suspended" and (any(_bankrupt(toks, k) for k in range(len(toks))) or
                                  _receiver_named(toks)):
        return "closed"
    return status


def _receiver_named(toks: list[Token]) -> bool:
    """A receiver ("конкурсный управляющий", plant_words.csv receivership) acts in the
    sentence: the company is in the liquidation stage of a bankruptcy, so a stop stated with
    it is a closure ("«Омск-Полимер» уже полностью остановил производство, и на днях
    конкурсный управляющий намерен сократить более 1 тыс. рабочих", real news dev r22_032)."""
    # the tagger reads "управляющий" as a participle of "управлять": its nominative decides
    return any(_lem(t) in _RECEIVERSHIP and inflect(n.text.lower(), "nomn", "sing") in _RECEIVERS
               for t, n in zip(toks, toks[1:], strict=False))


def _intends(t: Token) -> bool:
    """An intent word (plant_statuses.csv intent) that states an intention: not a past
    participle, which says what a company did ("УГМК, инвестировавшей в строительство
    завода", real news dev r8_030: the plan is the company's, not a promise)."""
    if _lem(t) not in _INTENT:
        return False
    tag = morph().parse(t.text)[0].tag  # the tagger may read the participle as present
    return not (t.pos == "VERB" and "PRTF" in tag and "past" in tag)


def _cuts_staff(sent: Sentence) -> bool:
    """The sentence is about jobs cut at the plant ("запланировано сокращение 70 человек на
    заводе", "завод объявил о массовом увольнении сотрудников", real news dev r3_021): the
    plant is the subject, but its status words are of the cut, not of the facility."""
    toks = sent.tokens
    return any(_lem(t) in _STAFF_CUTS and any(_lem(x) in _STAFF_NOUNS for x in toks[k + 1:k + 5])
               for k, t in enumerate(toks))


def _all_staff_dismissed(toks: list[Token]) -> bool:
    """All the workers are dismissed ("всех работников уволят", "уволены все сотрудники"):
    "весь" right before a staff noun (plant_words.csv staff_noun) and a word of cutting jobs
    (staff_cut) within four words of it. With a stop, the plant is closed, not idle."""
    return any(_lem(t) in _STAFF_NOUNS and k > 0 and _lem(toks[k - 1]) == "весь" and any(
        _lem(x) in _STAFF_CUTS or _verb_lemma(x) in _STAFF_CUTS for x in toks[max(0, k - 5):k + 5])
        for k, t in enumerate(toks))


def _signed_before(sent: Sentence) -> bool:
    """An agreement reported as made ("соглашение о строительстве завода было достигнуто в
    июле", real news dev r4_003): a month or a day in its sentence dates the signing, not
    the plan; a year ahead still dates the plan (plan_dated)."""
    toks = sent.tokens
    return any(t.pos == "NOUN" and _lem(t) in _INTENT for t in toks) and \
        any(t.pos in ("VERB", "AUX") and t.feats.get("Tense") == "Past" for t in toks)


def _has_date(text: str) -> bool:
    """A date, a year or a relative deadline ("в этом году") in the text; relative
    expressions are found against a stand-in publication date, only to see they are there.
    A page's own date stamp opening the text ("date 2025-10-30 На модернизацию фабрики
    выделили …", "26.11.2025 10:15 …", real news dev r10_006, r10_004, r2_044) dates the
    page, not a plan."""
    return bool(find_dates(_DATE_STAMP.sub("", text, count=1), date(2000, 1, 1)))


# a page's date stamp before its first sentence: "date YYYY-MM-DD" as page extraction
# writes it, or a numeric date with an optional time ("26.11.2025 10:15"); a date in words
# ("13 сентября завершится строительство") is the text's own and stays
_DATE_STAMP = re.compile(r"\A\s*(?:date\s+\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}"
                         r"(?:,?\s+\d{1,2}:\d{2})?)(?![\w.])", re.IGNORECASE)


def plan_dated(text: str, published: date | None) -> bool:
    """The text dates a plan: a year, a month or a period not before the year of
    publication ("в 2028 году", "в 2025–2028 годах", "в следующем году"); a day is the date
    of a report, not of a plan. With no date of publication any year counts, and a relative
    one ("в этом году") is read against a stand-in date, only to see it is not past."""
    if published is None and (_dated_from(text, _STAND_IN, _STAND_IN.year - 1, periods=False)
                              or _dated_from(text, _STAND_IN)):
        return True  # "в октябре" read against the stand-in may fall in the year before it;
        # "в прошлом году" (a period) falls there only because it is past: it dates no plan
        # ("зарегистрированное в прошлом году предприятие намерено вложить …", r6_036)
    return _dated_from(text, published)


_STAND_IN = date(2000, 1, 1)


def _dated_from(text: str, published: date | None, first: int | None = None,
                periods: bool = True) -> bool:
    if first is None:
        first = published.year if published else 0
    years = [d.value.year for d in find_dates(text, published) if d.precision != "day"]
    if periods:
        years += [p.end_year or p.start_year or 0 for p in find_periods(text, published)]
    return any(y >= first for y in years)


@memo_object
def sentence_dates_plan(sent: Sentence, published: date | None) -> bool:
    """The sentence dates a plan (plan_dated), or names a relative deadline ("до конца
    текущего года", "во втором квартале этого года", real news dev r9_005, r5_005:
    plant_words.csv deadline_adjective). A sentence that only reports the past does not:
    its date is of what happened ("В июне мы летали в Харбин, где провели переговоры",
    "объявлял о строительстве весной этого года", real news dev r5_009, r10_004); in the
    present, a year it has gone on since does not either ("Компания работает в крае с 2018
    года", r5_010), a deadline does ("срок реализации проекта — 2017 год"). Memoised per
    document (sentence, date of publication): the plants ask it of each sentence ~1.4 times,
    ~2 % of the rules' CPU."""
    toks = sent.tokens
    text = sent.text
    if _of_jobs_only(toks):
        return False
    if (paper := _paper_to_come(toks)) is not None:
        # "в этом году будет принято решение по строительству завода": the date is of the
        # decision; only what follows the paper may date the building
        toks = toks[paper:]
        text = _after_paper(sent)
    finite = [t for k, t in enumerate(toks) if t.pos in ("VERB", "AUX")
              and t.feats.get("VerbForm") == "Fin" and not _attributes_quote(toks, k)]
    if finite and not _speaks_of_future(toks):
        if all(t.feats.get("Tense") == "Past" for t in finite):
            return False
        if all(t.feats.get("Tense") in ("Past", "Pres") for t in finite):
            for p in find_periods(text, published)[::-1]:
                if p.end_year is None and p.text.lower().startswith(("с ", "со ")):
                    text = text[:p.start] + text[p.end:]
    return plan_dated(text, published) or any(
        _lem(t) in _DEADLINE_ADJECTIVES and _lem(n) in ("год", "квартал")
        for t, n in zip(toks, toks[1:], strict=False)) or _time_frame(toks) or \
        _day_to_come(toks, text, published)


def _of_jobs_only(toks: list[Token]) -> bool:
    """The sentence dates jobs, not the plant: it names "рабочие места" and no status word or
    verb of building but those right before the jobs ("на новом предприятии в течение 10 лет
    будет организовано 487 рабочих мест", "проект предусматривает создание 300 рабочих мест
    к 2030 году", real news dev r6_036, r12_018: gold announced, the plan is undated)."""
    jobs = [k for k, (a, b) in enumerate(zip(toks, toks[1:], strict=False))
            if _lem(a) == "рабочий" and _lem(b) == "место"]
    if not jobs:
        return False
    near = {j for k in jobs for j in range(max(0, k - 4), k)}
    return not any((_lem(t) in STATUS_LEMMAS or _verb_lemma(t) in _BUILD_VERBS)
                   and k not in near for k, t in enumerate(toks))


def _day_to_come(toks: list[Token], text: str, published: date | None) -> bool:
    """A day named for what a verb in the future tense does ("Предприятие откроется 24
    февраля", "завод будет запущен 1 июля", real news dev r22_001): the date of the plan
    itself (session 14 status convention (1)), not of a report, so a day counts here as a
    month or a year does in plan_dated. Not with a verb in the past ("Как рассказали 6
    августа, строительство позволит …", r9_020: the day of the report), nor the page's own
    day or one before it ("откроют цех…01.03.2019" on a page of that day, r12_006)."""
    finite = [t for t in toks if t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin"]
    if any(t.feats.get("Tense") == "Past" for t in finite) or not any(
            t.feats.get("Tense") == "Fut" or t.pos == "AUX" and _future_form(t.text)
            for t in finite):
        return False
    days = [d.value for d in find_dates(text, published or _STAND_IN) if d.precision == "day"]
    return any(published is None or d > published for d in days)


def _paper_to_come(toks: list[Token]) -> int | None:
    """The index of a paper still to be made that the plan rests on (plant_words.csv
    paper_noun: "в этом году будет принято инвестиционное решение по строительству завода",
    "В 2013 году должны завершить разработку декларации о намерениях … инвестировать в
    строительство комплекса", real news dev r9_005, a fresh real page of session 19,
    r19_013): a paper noun before any word of building or opening, with a verb of the
    future or of obligation before it in its clause. A date before the paper dates the
    paper, not the plan (session 14 status convention (1): an undated intention or agreement
    is announced). None when the sentence has no such paper."""
    clause = 0  # where the clause of the paper begins ("Он отметил, что в этом году …")
    for k, t in enumerate(toks):
        if t.pos == "PUNCT" and t.text in (",", ";", ":"):
            clause = k + 1
            continue
        if STATUS_LEMMAS.get(_lem(t)) in _BUILT_OR_OPENED or _verb_lemma(t) in _BUILD_VERBS:
            return None
        if t.pos == "NOUN" and _lem(t) in _PAPERS:
            if any(x.pos in ("VERB", "AUX") and x.feats.get("Tense") == "Fut" or
                   x.pos == "AUX" and _future_form(x.text) or _obliged(toks, j)
                   for j, x in enumerate(toks[:k]) if j >= clause) and any(
                    STATUS_LEMMAS.get(_lem(x)) in _BUILT_OR_OPENED or
                    _verb_lemma(x) in _BUILD_VERBS for x in toks[k + 1:]):
                return k
            return None
    return None


_BUILT_OR_OPENED = frozenset({"under_construction", "launched", "expanded"})


def _after_paper(sent: Sentence) -> str:
    """The sentence's text from a paper still to be made on (_paper_to_come), or all of it."""
    paper = _paper_to_come(sent.tokens)
    return sent.text if paper is None else sent.text[sent.tokens[paper].start - sent.start:]


def _attributes_quote(toks: list[Token], k: int) -> bool:
    """The verb at k is a verb of saying after a comma or a dash that attributes the words
    before it ("Ввод в эксплуатацию – первое полугодие 2020 года, - подчеркнул X", real news
    dev r2_041), or that a plan or an event follows ("сообщило о планах ввести завод в
    эксплуатацию в конце лета", r11_028): its past is of the saying, not of the plan."""
    if _verb_lemma(toks[k]) not in _SPEECH_VERBS:
        return False
    return any(t.text in (",", "-", "–", "—") for t in toks[max(0, k - 2):k]) or \
        k + 2 < len(toks) and toks[k + 1].text.lower() in ("о", "об") and \
        (_lem(toks[k + 2]) in _INTENT or _lem(toks[k + 2]) in STATUS_LEMMAS)


def _time_frame(toks: list[Token]) -> bool:
    """A time frame for the works, which makes an undated intention a plan (session 14
    status convention (1), plant_words.csv time_unit ... weekday): a length of time taken
    ("строительство займёт два года", "уйдёт 5–7 лет", "построят в течение трёх лет",
    "срок реализации проекта составит пять лет"), a part of a year, a month or a season
    ("до конца года", "на конец текущего месяца", "в конце лета", "осенью"), or a day of
    the week ("состоится в пятницу"). "В
    ближайшее время", "в перспективе" and "срок окупаемости — пять лет" are none."""
    for k, t in enumerate(toks):
        lem = _lem(t)
        if lem in _TIME_UNITS and _length_taken(toks, k):
            return True
        j = k + 1
        while j < len(toks) and toks[j].pos in ("ADJ", "DET"):
            j += 1  # "на конец текущего месяца"
        nxt = _lem(toks[j]) if j < len(toks) else ""
        if lem in _TIME_PARTS and (nxt in _TIME_UNITS or nxt in _SEASONS) or \
                lem in _SEASONS and t.case == "Ins" or \
                lem in _WEEKDAYS and k > 0 and toks[k - 1].text.lower() in ("в", "во") \
                and not _reported_on(toks, k):
            return True
    return False


def _reported_on(toks: list[Token], k: int) -> bool:
    """The day of the week at k is when something was said or done, a verb in the past in
    its clause ("Как сообщили в понедельник в пресс-службе ФРП, средства будут направлены
    на создание производства", real news dev r12_013): the day of the report, no time frame
    of the works."""
    clause = _clause_around(toks, k, max(0, k - 6), min(len(toks), k + 6))
    return any(t.pos in ("VERB", "AUX") and t.feats.get("Tense") == "Past" and
               t.feats.get("VerbForm") == "Fin" for t in clause)


def _length_taken(toks: list[Token], k: int) -> bool:
    """The unit of time at k is a length of time a plan takes: right after "в течение",
    "за", "через" ("через два года", "за год"), or after a number ("два года", "5–7 лет",
    "год и девять месяцев") that a word of taking time (time_taking) governs within six
    words in its clause, or that a term of the works is ("срок реализации", "срок
    строительства", not "срок окупаемости")."""
    number = k > 0 and (toks[k - 1].pos == "NUM" or toks[k - 1].text[:1].isdigit())
    prep = k - 2 if number else k - 1
    if prep >= 0 and (_lem(toks[prep]) in _TIME_TAKING or toks[prep].text.lower() == "за"):
        return True
    if not (number or k + 2 < len(toks) and toks[k + 1].text.lower() == "и"
            and toks[k + 2].pos == "NUM"):
        return False
    clause = _clause_around(toks, k, max(0, k - 7), min(len(toks), k + 7))
    return any(_verb_lemma(x) in _TIME_TAKING and x.pos in ("VERB", "AUX") for x in clause) or any(
        _lem(x) in _TERM_NOUNS and (_lem(y) in _PLAN_TERMS or y.pos == "NOUN" and
                                    _lem(y) in STATUS_LEMMAS)
        for x, y in zip(toks, toks[1:], strict=False))


def _clause_around(toks: list[Token], k: int, lo: int, hi: int) -> list[Token]:
    """The tokens from lo to hi around k that no comma or semicolon parts from k."""
    a = max((j for j in range(lo, k) if toks[j].text in (",", ";")), default=lo - 1) + 1
    b = min((j for j in range(k + 1, hi) if toks[j].text in (",", ";")), default=hi)
    return toks[a:b]


def _future_aux(toks: list[Token], k: int) -> bool:
    """A future auxiliary just before token k ("будет построен", "будут открыты")."""
    return any(x.pos == "AUX" and _future_form(x.text) for x in toks[max(0, k - 2):k])


@lru_cache(maxsize=4096)
def _future_form(word: str) -> bool:
    """pymorphy's first parse of the word is in the future tense (memoised: asked for each
    auxiliary before every token of a sentence)."""
    return "futr" in morph().parse(word)[0].tag


def _completed_building(toks: list[Token], text: str) -> str | None:
    """A finished building is a launch: "завершили реализацию проекта по возведению
    консервного завода" (real news dev r2_016), "закончено строительство цеха"; a finished
    modernisation an extension, one being finished ("завершает реконструкцию", r8_015)
    works going on (session 14 status convention (2)). A building
    to be finished on a named day is going on now ("13 сентября завершится строительство
    завода", real news dev r1_053): under construction; one to be finished in a year ahead
    ("в 2027 году завершат строительство") is a plan."""
    for k, t in enumerate(toks):
        if _lem(t) not in _COMPLETION_VERBS:
            continue
        works = [STATUS_LEMMAS.get(_lem(x)) for x in toks[k + 1:k + 10] if x.pos == "NOUN"
                 and STATUS_LEMMAS.get(_lem(x)) in ("under_construction", "expanded")]
        if not works:
            return None
        if t.feats.get("Tense") == "Fut" or _future_aux(toks, k) or _planned_infinitive(toks, k):
            near = any(d.precision == "day" for d in find_dates(text, date(2000, 1, 1)))
            return "under_construction" if near else None
        if t.feats.get("Tense") == "Pres":
            return "under_construction"  # "заканчивается капремонт": not finished yet
        if _launch_to_come(toks, k):
            return "planned"  # built, not working yet (session 14 status convention (2))
        return "expanded" if works[0] == "expanded" else "launched"
    return _completion_told(toks)


def _completion_told(toks: list[Token]) -> str | None:
    """A finished building told by a noun of finishing (plant_words.csv completion_noun) with
    the works right after it ("К знаковым событиям можно отнести завершение строительства
    предприятия по выращиванию грибов", real news dev r22_006: gold launched), as the verb
    tells it ("завершено строительство"): the subject or the object of the sentence, in a
    sentence that speaks of no future. Not after a preposition or a noun ("после завершения
    строительства", "срок завершения строительства") nor with a plan ("завершение
    строительства намечено на 2025 год"): None."""
    if _speaks_of_future(toks):
        return None
    for k, t in enumerate(toks[:-1]):
        if _lem(t) not in _COMPLETION_NOUNS or t.case not in ("Nom", "Acc") or \
                k > 0 and toks[k - 1].pos in ("ADP", "NOUN"):
            continue
        works = STATUS_LEMMAS.get(_lem(toks[k + 1])) if toks[k + 1].pos == "NOUN" else None
        if works in ("under_construction", "expanded"):
            return "expanded" if works == "expanded" else "launched"
    return None


def _planned_infinitive(toks: list[Token], k: int) -> bool:
    """The verb at k is an infinitive governed by a word of the future or of an intention
    before it ("планируется завершить строительство", "намерены закончить создание"): a
    completion still to come, as the future tense is, not a building finished."""
    t = toks[k]
    if t.pos != "VERB" or t.feats.get("VerbForm") != "Inf":
        return False
    # up to five words back within the clause: "надеемся в ближайшие годы запустить"
    # (real news dev r19_003)
    for j in range(k - 1, max(-1, k - 6), -1):
        x = toks[j]
        if x.pos == "PUNCT":
            return False
        if _lem(x) in _FUTURE_LEMMAS or _lem(x) in _INTENT or _obliged(toks, j):
            return True
    return False


def _obliged(toks: list[Token], k: int) -> bool:
    """A short form of a word of obligation at k that no past "быть" follows ("с 1 сентября
    предприятие должно заработать", "заводы должны начать работать к 2028 году", "мы
    должны запустить завод", real news dev r1_028, r7_028, r9_012, a fresh real page of
    session 18; plant_words.csv obligation): the event is still to come. "должен был
    открыться" is a plan of the past, "на должном уровне" no obligation."""
    if _lem(toks[k]) not in _OBLIGATIONS or "ADJS" not in morph().parse(toks[k].text)[0].tag:
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return not (nxt is not None and _lem(nxt) == "быть" and nxt.feats.get("Tense") == "Past")


def _launch_to_come(toks: list[Token], k: int) -> bool:
    """A launch still to come after the finished works at k ("завершено строительство новых
    мощностей, запуск которого запланирован на осень 2018 года", real news dev r2_018):
    what was built does not work yet, so it is no launch or extension."""
    return any(t.pos == "NOUN" and STATUS_LEMMAS.get(_lem(t)) == "launched" and
               _speaks_of_future(toks[j:]) for j, t in enumerate(toks) if j > k)


def _speaks_of_future(toks: list[Token]) -> bool:
    """A future verb or auxiliary, or a word of the future ("планируют"), in the sentence."""
    # (every token is in the window of _future_aux(toks, k + 1) for some k, so that test
    # reads as "any future auxiliary" and is asked once per token)
    return any((t.feats.get("Tense") == "Fut" and t.pos in ("VERB", "AUX"))
               or t.lemma.replace("ё", "е") in _FUTURE_LEMMAS
               or t.pos == "AUX" and _future_form(t.text) or _obliged(toks, k)
               for k, t in enumerate(toks))


def _before_said(toks: list[Token], k: int) -> list[Token]:
    """The tokens up to the clause of what is said after the event noun at k (", что …"):
    a future there is of the plant's output, not of the event ("На церемонии открытия
    предприятия министр заявил, что на нём будут выпускать одежду", real news dev r11_030:
    the opening took place)."""
    for j in range(k + 1, len(toks) - 1):
        if toks[j].text == "," and toks[j + 1].text.lower() == "что":
            return toks[:j]
    return toks


@memo_object
def _stated_status(sent: Sentence) -> str | None:
    """The status the sentence states; its main clause decides before a clause of purpose
    ("Чтобы создать производство нити, на предприятии был реализован инвестпроект", real
    news dev r2_019: the project done made the production)."""
    main = _without_purpose_clause(sent.tokens)
    if len(main) < len(sent.tokens) and (status := _read_status(main, sent.text)) is not None:
        return status
    return _read_status(sent.tokens, sent.text)


def _without_purpose_clause(toks: list[Token]) -> list[Token]:
    """The tokens without a clause of purpose: from "чтобы" to the comma after which no
    infinitive goes on with it ("чтобы создать X, наладить выпуск Y, …"), or to the end."""
    start = next((j for j, t in enumerate(toks) if t.text.lower() == "чтобы"), None)
    if start is None:
        return toks
    end = len(toks)
    for j in range(start + 1, len(toks) - 1):
        nxt = toks[j + 1]
        if toks[j].text == "," and not (nxt.pos == "VERB" and nxt.feats.get("VerbForm") == "Inf"):
            end = j + 1
            break
    return toks[:start] + toks[end:]


def _read_status(toks: list[Token], text: str) -> str | None:
    if (done := _completed_building(toks, text)) is not None:
        return done
    if _brought_to_full_capacity(toks):
        return "launched"  # "выведет на полную мощность ЛДК в 2011 году" (r14_021)
    if any(_lem(t) in _RECEIVERSHIP and _lem(n) == "производство"
           for t, n in zip(toks, toks[1:], strict=False)):
        return "closed"  # "ввёл процедуру конкурсного производства" (real news dev r3_023)
    future = _speaks_of_future(_outside_output_clauses(toks))
    if not future and _building_now(toks):
        return "under_construction"
    if future and (any(_lem(t) in _RESUMPTIONS or _verb_lemma(t) in _RESUMPTIONS for t in toks)
                   or _works_again(toks)):
        # "новый владелец планирует возобновить производство", "возобновят работу" (real
        # news dev r7_014, r7_026): a resumption to come says the plant stands idle now
        return "suspended"
    bankrupt = False  # "признан банкротом": no event unless another word states one
    for k, t in enumerate(toks):
        lem = t.lemma.replace("ё", "е")
        if lem not in STATUS_LEMMAS and t.pos == "ADV" and t.text.lower().endswith(("ся", "сь")):
            # the tagger may read a reflexive verb as an adverb with itself as the lemma
            # ("производство приостановится", real news r7_001)
            lem = _verb_lemma(t)
        if _no_event_at(toks, k, lem):
            continue
        if _proposed(toks, k, lem):
            return "planned"  # "одобрил запуск печи", "предложил закрыть линию и открыть …"
        # asked only of the words whose branches below read it
        fut_verb = (lem in _BUILD_VERBS or lem in _ASPECT_VERBS or lem in STATUS_LEMMAS) and \
            (t.feats.get("Tense") == "Fut" or _future_aux(toks, k))
        if lem in _BUILD_VERBS and t.pos == "VERB":
            done = t.feats.get("Tense") == "Past" and not fut_verb or _achieved(toks, k)
            return "launched" if done else "planned"
        if _building_works(toks, k):
            return "planned" if future else "under_construction"
        if lem in _ASPECT_VERBS and (status := _begun_event(toks, k)) is not None:
            # "начала строительство": what begins is the building, not the plant
            return "planned" if status in _ONGOING and (future or fut_verb) else status
        if lem in _PUT_INTO_SERVICE_ALL and not any(
                x.lemma in _SERVICE_NOUNS for x in toks[k + 1:k + 4]):
            continue  # "ввёл процедуру банкротства" is no launch; "ввёл в эксплуатацию" is
        if STATUS_LEMMAS.get(lem) in _STOP_STATUSES and (
                _state_before(toks, k) or _court_case_after(toks, k) or _without(toks, k)):
            continue  # "после нескольких лет простоя возобновил производство" (r9_030)
        if STATUS_LEMMAS.get(lem) == "closed" and _ends_a_problem(toks, k):
            continue  # "ликвидация очага чумы", "ликвидировать кризис": no plant is closed
        if lem in STATUS_LEMMAS:
            status = STATUS_LEMMAS[lem]
            if t.pos != "VERB" and _project_done(toks, k):
                continue  # "Проект реализован", "Реализация проекта завершена": the verb decides
            if _bankrupt(toks, k):
                bankrupt = True  # no stop yet: another status word of the sentence decides
                continue
            if t.pos != "VERB":
                return _status_noun(toks, k, status)
            if (verb := _verb_status(toks, k, lem, status, fut_verb)) is not _NEXT_WORD:
                return verb
    return UNKNOWN if bankrupt else None


_NEXT_WORD = "next word"  # _verb_status: the verb states nothing, the next words decide


CAPACITY_VERB_GAP = 3  # words between the verb and "на полную мощность" (either side)


def _brought_to_full_capacity(toks: list[Token]) -> bool:
    """The sentence's one event is a plant brought to its full capacity ("РЛГ выведет на
    полную мощность ЛДК в 2011 году", "в 2026 году на полную мощность запустят завод", real
    news dev r14_021, r14_034: gold launched, the plant works in a test mode or has had its
    technical launch): a plant that reaches its capacity works already, the future is of its
    output. Not with another status word or verb of building in the sentence ("Запустить
    производство планируется в 2027 году, а выйти на полную мощность — в 2028 году", a public
    page of radio1.ru: the launch is still to come)."""
    for k in range(1, len(toks) - 1):
        if toks[k - 1].text.lower() != "на" or _lem(toks[k]) not in _FULL_CAPACITY:
            continue
        j = next((j for j in range(k + 1, min(len(toks), k + 3)) if toks[j].pos == "NOUN"), None)
        if j is None or _lem(toks[j]) != "мощность":
            continue
        near = [i for i in [*range(max(0, k - 1 - CAPACITY_VERB_GAP), k - 1),
                            *range(j + 1, min(len(toks), j + 1 + CAPACITY_VERB_GAP))]
                if toks[i].pos == "VERB" and _verb_lemma(toks[i]) in _CAPACITY_VERBS]
        if near and not any(
                i not in near and (STATUS_LEMMAS.get(_lem(t)) or _verb_lemma(t) in _BUILD_VERBS or
                                   STATUS_LEMMAS.get(_verb_lemma(t)))
                for i, t in enumerate(toks)):
            return True
    return False


def _outside_output_clauses(toks: list[Token]) -> list[Token]:
    """The tokens without a relative clause (", который будет выпускать …", up to the next
    comma) that states no status: a future there tells what the plant will make, not when
    its event happens ("начинается строительство кирпичного завода, который будет
    выпускать 60 млн штук кирпича", real news dev r22_007: the building has begun)."""
    out: list[Token] = []
    k = 0
    while k < len(toks):
        if toks[k].text == "," and k + 1 < len(toks) and _lem(toks[k + 1]) == "который":
            end = next((j for j in range(k + 2, len(toks)) if toks[j].text == ","), len(toks))
            if not any(_lem(t) in STATUS_LEMMAS or _verb_lemma(t) in _BUILD_VERBS
                       or _lem(t) in _INTENT for t in toks[k + 2:end]):
                k = end
                continue
        out.append(toks[k])
        k += 1
    return out


BUILDING_OBJECT_WINDOW = 3  # words from the object of a verb of carrying out to its building noun


def _works_again(toks: list[Token]) -> bool:
    """A word of "again" (plant_words.csv again) right before a verb of output or of
    starting work, up to three words on ("Прокат … Алчевского и Стахановского заводов снова
    будут производиться после запуска ТЭС", real news dev r11_008; "завод вновь
    заработает", "судостроительный завод вновь начнет работать в январе", a fresh real
    page): the caller asks it of a sentence about the future, a resumption to come,
    which says the plant stands idle now."""
    for k, t in enumerate(toks):
        if t.text.lower() not in _AGAIN:
            continue
        for x in toks[k + 1:k + 4]:
            if x.pos == "VERB" and _verb_lemma(x) not in _ASPECT_VERBS:  # "вновь начнёт работать"
                lem = _verb_lemma(x)
                return lem in _OUTPUT_WORDS or STATUS_LEMMAS.get(lem) == "launched" or \
                    lem.removesuffix("ся") in _OUTPUT_WORDS or lem == "работать"
    return False


def _building_now(toks: list[Token]) -> bool:
    """The sentence's predicate is a finite verb of building in the present imperfective
    ("компания в рамках инвестиционного проекта строит лесопильные заводы", real news dev
    r10_010), or one of carrying out (plant_statuses.csv tense_decides, "реализует") whose
    object is a building ("реализует проект по строительству комплекса", a fresh real page
    of session 19, r19_040): the works are going on now, whatever noun stands before the
    verb ("проекта" is the frame, not the plant's event). The caller asks it only of a
    sentence that speaks of no future or intention; a negated verb states nothing."""
    for k, t in enumerate(toks):
        if t.pos != "VERB" or t.feats.get("VerbForm") != "Fin" or \
                t.feats.get("Tense") != "Pres" or t.feats.get("Aspect") != "Imp" or \
                _negated(toks, k):
            continue
        lem = _verb_lemma(t)
        if STATUS_LEMMAS.get(lem) == "under_construction" or STATUS_LEMMAS.get(_lem(t)) == \
                "under_construction":
            return True
        if lem not in _BUILD_VERBS and _lem(t) not in _BUILD_VERBS:
            continue
        obj = next((j for j in range(k + 1, len(toks)) if toks[j].pos == "PUNCT" or
                    toks[j].pos == "NOUN" and toks[j].case == "Acc"), None)
        if obj is not None and toks[obj].pos == "NOUN" and any(
                x.pos == "NOUN" and STATUS_LEMMAS.get(_lem(x)) == "under_construction"
                for x in toks[obj:obj + BUILDING_OBJECT_WINDOW]):
            return True
    return False

PROJECT_DONE_WINDOW = 6  # words after a project noun where the verb that finished it may stand


def _project_done(toks: list[Token], k: int) -> bool:
    """The project noun at k (plant_words.csv project_noun) is the subject of a verb in the
    past that says it was carried out or finished ("Проект реализован Рыболовецким колхозом
    … и введен в эксплуатацию", "Грандиозный проект … реализован при господдержке",
    "Реализация крупного инвестиционного проекта завершена …, птицефабрика увеличила
    производство", real news dev r3_032, r2_017, r17_049): a project done is no plan, so the
    verb and the words after it state the status. A verb to come ("будет реализован",
    "должны быть завершены") leaves the noun's plan."""
    if _lem(toks[k]) not in _PROJECT_NOUNS:
        return False
    if k >= 2 and toks[k - 1].text.lower() == "в" and _lem(toks[k - 2]) in _MONEY_NOUNS:
        # "Инвестиции в проект составили 1,9 млрд рублей, создано 220 рабочих мест" (real
        # news dev r3_031): money spent on it, told in the past; "составят" is a plan
        # (an estimate, "инвестиции в проект оценивались в 8 млрд", r10_004, is of a plan)
        finite = [x for x in toks if x.pos in ("VERB", "AUX") and x.feats.get("VerbForm") == "Fin"]
        return any(_lem(x) in _SUM_VERBS for x in finite) and \
            all(x.feats.get("Tense") == "Past" for x in finite) and not _speaks_of_future(toks)
    for x in toks[k + 1:k + 1 + PROJECT_DONE_WINDOW]:
        if x.pos == "AUX" and _lem(x) == "быть":
            continue  # "Проект был реализован"
        if x.text in (",", ";", ":", "—", "–") or x.pos in ("VERB", "AUX") and \
                _verb_lemma(x) not in _BUILD_VERBS and _lem(x) not in _COMPLETION_VERBS:
            return False
        if x.pos == "VERB" and (_lem(x) in _COMPLETION_VERBS or _verb_lemma(x) in _BUILD_VERBS):
            return x.feats.get("Tense") == "Past" and not _speaks_of_future(toks)
    return False


def _verb_status(toks: list[Token], k: int, lem: str, status: str, fut_verb: bool
                 ) -> str | None:
    """The status the status verb at k (lemma `lem`, its lexicon status `status`) states,
    or _NEXT_WORD when it states none and the next words decide."""
    t = toks[k]
    if lem in _INTENT and status == "planned" and \
            t.feats.get("Tense") == "Past" and t.feats.get("Aspect") == "Perf":
        return _NEXT_WORD  # "вложила в завод" is money spent, not a promise ("вложит")
    if _threatened(toks, k):
        return UNKNOWN  # "прекратить существование грозится завод": only a threat
    if _negated(toks, k):
        return UNKNOWN  # "не планирует приостановку производства": nothing happens
    if lem in _INTENT and _plans_something_else(toks, k):
        return _NEXT_WORD  # "планирует перейти на трёхдневную рабочую неделю"
    if status == "launched" and _planned_infinitive(toks, k) and not _getting_ready(toks, k):
        return "planned"  # "в августе рассчитывает открыть завод": still to come
    if status == "expanded" and _an_effect(toks, k):
        return _NEXT_WORD  # "объект, который позволит увеличить объёмы переработки"
    return _announced_stop(toks, k) or _readied(toks, k) or \
        ("planned" if status in _ONGOING and fut_verb else status)


def _an_effect(toks: list[Token], k: int) -> bool:
    """The growth infinitive at k is what a verb of effect governs (plant_words.csv
    effect_verb: "стратегический объект, который позволит на Камчатке увеличить объёмы
    переработки", "Новый комплекс позволит увеличить производство свинины на Ставрополье",
    real news dev r3_031, r9_011): what the plant or project will bring, no extension of
    its own; the other words of the sentence state its event. In the past it tells a growth
    made ("позволило нарастить объемы производства на заводе", r2_019)."""
    if toks[k].feats.get("VerbForm") != "Inf":
        return False
    for x in reversed(toks[max(0, k - 4):k]):
        if x.pos == "PUNCT":
            return False
        if x.pos in ("VERB", "AUX"):  # "позволило нарастить объёмы" tells a growth made
            return (_lem(x) in _EFFECT_VERBS or _verb_lemma(x) in _EFFECT_VERBS) and \
                x.feats.get("Tense") != "Past"
    return False


def _threatened(toks: list[Token], k: int) -> bool:
    """The status infinitive at k is what a verb of threat governs, right before it or after
    its object with no comma between ("Прекратить свое существование грозится … завод",
    "рискует остановить производство", fresh real pages of session 18; plant_words.csv
    threat): a risk, no event."""
    if toks[k].feats.get("VerbForm") != "Inf":
        return False
    after = []
    for x in toks[k + 1:k + 4]:
        if x.pos == "PUNCT":
            break
        after.append(x)
    return any(x.pos == "VERB" and (_lem(x) in _THREATS or _verb_lemma(x) in _THREATS)
               for x in toks[max(0, k - 2):k] + after)


def _refused(toks: list[Token], k: int) -> bool:
    """The status word at k is what a verb of refusing, up to four words before it in its
    clause, refuses ("Арбитражный суд отказался утвердить мировое соглашение …", a fresh
    real page of session 19, r19_027; "отказались от строительства завода"), or what a verb
    of trying in the past tried ("инвестор пытался модернизировать завод", "инвесторы уже
    пытались запустить подобное предприятие, однако ни один не смог", a fresh real page of
    session 19, r19_004, real news dev r2_042; plant_words.csv attempt): no event."""
    for x in reversed(toks[max(0, k - 4):k]):
        if x.pos == "PUNCT":
            return False
        if _verb_lemma(x) in _REFUSALS or _verb_lemma(x) in _ATTEMPTS and \
                x.feats.get("Tense") == "Past":
            return True
    return False


_REFUSALS = frozenset({"отказаться", "отказываться"})


def _proposed(toks: list[Token], k: int, lem: str) -> bool:
    """The status word at k (a noun or an infinitive) is what a verb of approving or
    proposing right before it governs ("Путин одобрил запуск пятой доменной печи
    Енакиевского металлургического завода", "инвестор предложил закрыть хлебопекарную линию и
    … открыть новое производство", real news dev r11_004, a fresh real page of session 17,
    r17_041; plant_words.csv proposal): the event is still to come, a plan, which session 14
    status convention (1) reads as announced with no date."""
    t = toks[k]
    if STATUS_LEMMAS.get(lem) is None or not (
            t.pos == "NOUN" and t.case == "Acc" or t.feats.get("VerbForm") == "Inf"):
        return False
    for x in reversed(toks[max(0, k - 2):k]):
        if x.pos == "PUNCT":
            return False
        if x.pos == "VERB" and _verb_lemma(x) in _PROPOSALS:
            return True
    return False


def _negated(toks: list[Token], k: int) -> bool:
    """A status verb right after "не" says nothing happens to the plant, its object
    included ("не планируют приостановку производства", a fresh real page of session 17);
    "не только" is no negation."""
    return k > 0 and toks[k - 1].text.lower() == "не" and \
        not (k + 1 < len(toks) and toks[k + 1].text.lower() == "только")


def _plans_something_else(toks: list[Token], k: int) -> bool:
    """A plan verb whose infinitive is a plan of the plant's work, not an event of the plant
    ("завод планирует временно перейти на трёхдневную рабочую неделю", a fresh real page of
    session 17; "планирует сократить штат"): plant_words.csv other_plan and staff_cut."""
    for t in toks[k + 1:k + 4]:
        if t.pos == "VERB" and t.feats.get("VerbForm") == "Inf":
            return _verb_lemma(t) in _OTHER_PLANS
        if t.pos not in ("ADV", "PART"):
            return False  # a noun object ("планирует строительство") or no infinitive
    return False


def _status_noun(toks: list[Token], k: int, status: str) -> str:
    """The status a status noun (not a verb) at `k` states, read with the words around it."""
    if status in ("closed", UNKNOWN) and any(_lem(x) in _THREATS
                                             for x in toks[max(0, k - 2):k]):
        return "suspended"  # "на грани закрытия", "о возможном банкротстве"
    if status == "launched" and _prepared_for(toks, k):
        return "under_construction"  # "готовится к запуску": not open yet
    if status == "launched" and _awaited(toks, k):
        return "planned"  # "ожидаем открытия завода", "пригласил на открытие завода"
    if status in _ONGOING and _purpose_of(toks, k):
        return "planned"  # "получили разрешение на строительство": not begun
    if status == "under_construction" and _spoken_of(toks, k):
        return "planned"  # "объявил о строительстве завода": a plan made public
    if status == "under_construction" and _cost_estimated(toks, k):
        return "planned"  # "Инвестиции в строительство верфи оцениваются в 600 млрд рублей"
    if status == "under_construction" and _in_progress(toks, k):
        return status  # "ход строительства цеха, который планируют ввести в 2026"
    return _stage_of_works(toks, k, status)


def _cost_estimated(toks: list[Token], k: int) -> bool:
    """The building noun at k is what money is put into ("Инвестиции в строительство новой
    верфи оцениваются в 600 млрд рублей", real news dev r22_022, gold planned), and no verb
    of the sentence is in the past: an estimate of a cost, as of a project (_project_done:
    "инвестиции в проект оценивались в 8 млрд" is of a plan), no works begun. Money spent
    ("Инвестиции в строительство составили 1,9 млрд рублей") is not."""
    if k < 2 or toks[k - 1].text.lower() != "в" or _lem(toks[k - 2]) not in _MONEY_NOUNS:
        return False
    finite = [x for x in toks if x.pos in ("VERB", "AUX") and x.feats.get("VerbForm") == "Fin"]
    return bool(finite) and not any(x.feats.get("Tense") == "Past" for x in finite)


def _stage_of_works(toks: list[Token], k: int, status: str) -> str:
    """The stage the status noun at k states: an ongoing one said of the future is a plan;
    an extension, or a project of works ("проект по модернизации линии"), that a verb of a
    project carried out governs in the present ("реализуется", real news dev r1_055, r7_030)
    is works still going on, under construction (session 14 status convention (2)); not
    a project of something else ("проект по расширению склада")."""
    if status in _ONGOING and _speaks_of_future(_outside_output_clauses(_before_said(toks, k))):
        return "planned"
    project = status == "planned" and any(
        x.pos == "NOUN" and STATUS_LEMMAS.get(_lem(x)) in ("under_construction", "expanded")
        and _of_a_facility(toks, j) for j, x in enumerate(toks[k + 1:k + 4], k + 1))
    if (status == "expanded" or project) and _works_going_on(toks):
        return "under_construction"
    return status


def _works_going_on(toks: list[Token]) -> bool:
    """A verb of a project being carried out in the present ("реализуется проект по
    расширению", real news dev r1_055; plant_words.csv works_verb): an extension still under
    way is under construction, not expanded (session 14 status convention (2))."""
    return any(t.pos == "VERB" and t.feats.get("Tense") == "Pres" and
               t.feats.get("Aspect") == "Imp" and _verb_lemma(t) in _WORKS_VERBS for t in toks)


def _no_event_at(toks: list[Token], k: int, lem: str) -> bool:
    """The word at k (lemma `lem`) states no event of the plant, whatever its lexicon says."""
    # "предприятие по созданию дозаторов": what it makes, no event (r6_034); "из
    # запланированных 850 тыс. т": an output target (r8_026); "Завод, запущенный в 2010
    # году, приостановил работу": the stop decides (r8_013); "суд отказался утвердить
    # мировое соглашение", "пытался построить" (r19_027, r19_004)
    return _in_product_complement(toks, k) or _quantity_planned(toks, k, lem) or \
        _dated_description(toks, k) and _described_before(toks) or \
        (lem in STATUS_LEMMAS or lem in _BUILD_VERBS) and _refused(toks, k)


def _quantity_planned(toks: list[Token], k: int, lem: str) -> bool:
    """The plan word at k, a participle or a noun, is of a quantity right after it
    ("принял на переработку 600 тыс. т свеклы из запланированных 850 тыс. т", "выпустило 76
    тыс. т сахара из плана в 100 тыс. т", real news dev r8_026): an output target of a
    working plant, no plan of a plant."""
    t = toks[k]
    if STATUS_LEMMAS.get(lem) not in ("announced", "planned") or not (
            t.pos == "NOUN" or t.feats.get("VerbForm") == "Part"):
        return False
    j = k + 1
    if j < len(toks) and toks[j].text.lower() in ("в", "на"):
        j += 1
    return j < len(toks) and (toks[j].pos == "NUM" or toks[j].text[:1].isdigit())


def _in_product_complement(toks: list[Token], k: int) -> bool:
    """The noun at k is the action of a facility's product complement ("предприятие по
    созданию дозаторов", "комплекс по переработке", after real news dev r6_034): what the
    facility makes, not an event of it."""
    return k >= 2 and toks[k].pos == "NOUN" and toks[k - 1].text.lower() == "по" and \
        _lem(toks[k - 2]) in FACILITY_HEADS


def _readied(toks: list[Token], k: int) -> str | None:
    """A launch that a word of getting ready governs ("готовятся запустить завод", real news
    dev r11_028; plant_words.csv preparation, as "готовится к запуску"): not open yet, so
    under construction; None for anything else."""
    if STATUS_LEMMAS.get(_lem(toks[k])) != "launched":
        return None
    return "under_construction" if _getting_ready(toks, k) else None


def _getting_ready(toks: list[Token], k: int) -> bool:
    """The verb at k is an infinitive a word of getting ready governs ("готовятся запустить",
    "готовится наладить производство", real news dev r11_028, r8_014)."""
    return toks[k].feats.get("VerbForm") == "Inf" and any(
        _lem(x) in _PREPARATION or _verb_lemma(x) in _PREPARATION for x in toks[max(0, k - 2):k])


def _announced_stop(toks: list[Token], k: int) -> str | None:
    """The stop a verb of announcing at k reports ("объявили о грядущем закрытии
    предприятия", "объявил о приостановке производства", real news dev r8_010): a closure or
    a stop decided and made public is that stop, not a plan. So is a restart announced in
    the past with nothing to come ("Глава ЛНР объявил о возобновлении работы Алчевского
    меткомбината", real news dev r13_027, gold launched); None for anything else."""
    if STATUS_LEMMAS.get(_lem(toks[k])) != "announced" or k + 1 >= len(toks) or \
            toks[k + 1].text.lower() not in ("о", "об"):
        return None
    for x in toks[k + 2:k + 5]:
        if x.pos == "NOUN":
            status = STATUS_LEMMAS.get(_lem(x))
            if _lem(x) in _RESUMPTIONS and toks[k].feats.get("Tense") == "Past" and \
                    not _speaks_of_future(toks):
                return "launched"
            return status if status in _STOP_STATUSES else None
        if _lem(x) in _THREATS:
            return None
    return None


def _achieved(toks: list[Token], k: int) -> bool:
    """The infinitive at k is governed by a verb of achieving in the past right before it
    ("это позволило создать производство", "удалось построить завод", real news dev r9_022;
    plant_words.csv achievement): the action was done, not planned. "позволит создать"
    stays a plan."""
    return toks[k].feats.get("VerbForm") == "Inf" and any(
        _lem(x) in _ACHIEVEMENTS and x.feats.get("Tense") == "Past"
        for x in toks[max(0, k - 2):k] if x.pos in ("VERB", "AUX"))


def _purpose_of(toks: list[Token], k: int) -> bool:
    """The event noun at k is what money, land or a paper is for, not an event that took
    place: "для строительства завода", "под строительство завода", "в строительство
    предприятия инвестируют 2,5 млрд",
    "на модернизацию фабрики выделили 945 млн", "получили разрешение на строительство"
    (real news dev r2_046, r10_006, r1_032): the work is to come. With "на" or "в" a
    building or a modernisation is a purpose when a noun governs it ("разрешение, СПИК,
    средства на строительство"), or money is given or needed (plant_words.csv allocation)
    or said of the future: "инвестиции в строительство
    цеха составили 22 млрд" is money spent; money being put in ("вкладывается в расширение
    производства", r2_051, plant_words.csv investing) is for an extension to come (session
    14 status convention (2)); "на открытие завода приехал губернатор" is an opening that
    took place."""
    if k == 0 or toks[k].pos != "NOUN":
        return False
    j = k - 1  # "на восстановление и модернизацию", "на дальнейшую модернизацию"
    while j > 0 and (toks[j].pos == "ADJ" or j > 1 and toks[j].pos == "CCONJ"
                     and toks[j - 1].pos == "NOUN"):
        j -= 1 if toks[j].pos == "ADJ" else 2
    prep = toks[j].text.lower()
    if prep == "для" or prep == "под" and toks[k].case == "Acc":
        # "выделили участок под строительство завода" (a fresh real page of session 19,
        # r19_039): land for a building to come, session 14 status convention (1)'s allotment
        return True
    if prep not in ("на", "в", "во") or toks[k].case != "Acc" or \
            STATUS_LEMMAS.get(_lem(toks[k])) not in ("under_construction", "expanded"):
        return False
    if j > 0 and toks[j - 1].pos in ("NOUN", "PROPN") and (prep == "на" or not any(
            t.pos in ("VERB", "AUX") and t.feats.get("Tense") == "Past" for t in toks)):
        # a paper, money or a contract for it: "СПИК на создание производства", "инвестиции
        # в создание предприятия составляют 2 млрд" (r11_025); "составили" is money spent
        return True
    return any(_lem(t) in _ALLOCATIONS or _verb_lemma(t) in _INVESTING and
               t.feats.get("Tense") != "Past" for t in toks) or _speaks_of_future(toks)


def _in_progress(toks: list[Token], k: int) -> bool:
    """A noun of progress governs the building noun at k ("ознакомился с ходом строительства
    нового цеха, который планируется ввести в эксплуатацию в четвертом квартале", real news
    dev r11_011; plant_words.csv progress_noun): the works are going on, so under
    construction (session 14 status convention (2)), whatever launch the sentence dates."""
    j = k - 1
    while j >= 0 and toks[j].pos in ("ADJ", "DET"):
        j -= 1
    return toks[k].pos == "NOUN" and j >= 0 and _lem(toks[j]) in _PROGRESS


def _spoken_of(toks: list[Token], k: int) -> bool:
    """The building noun at k is what someone tells of or announces: "о"/"об" before it
    (adjectives between) and a verb of saying or announcing in its sentence ("О
    строительстве нового завода рассказал губернатор", "глава объявлял о строительстве
    нового завода", real news dev r6_030, r10_004): a plan made public, not works going on,
    so "planned", which sentence_status makes "announced" when no date or time frame is
    stated (session 14 status convention (1)). "рассказал о ходе строительства" is not: the
    noun after "о" is "ход", no building noun."""
    if toks[k].pos != "NOUN":
        return False
    j = k - 1
    while j >= 0 and toks[j].pos in ("ADJ", "DET"):
        j -= 1
    if j < 0 or toks[j].text.lower() not in ("о", "об", "обо"):
        return False
    return any(x.pos == "VERB" and (_verb_lemma(x) in _SPEECH_VERBS or _lem(x) in _SPEECH_VERBS
                                    or _verb_lemma(x) in _TELLING or _lem(x) in _TELLING
                                    or STATUS_LEMMAS.get(_lem(x)) == "announced")
               for x in toks)


def _state_before(toks: list[Token], k: int) -> bool:
    """The stop noun at k names the state before the sentence's event: "после" governs it
    within four words and no verb stands between ("после нескольких лет простоя возобновил
    производство", real news dev r9_030: the resumption is the news, not the idling). A
    modernisation after "после" is an event of its own ("выпуск вырос после модернизации")."""
    if toks[k].pos != "NOUN":
        return False
    for x in reversed(toks[max(0, k - 4):k]):
        if x.pos in ("VERB", "AUX", "PUNCT"):
            return False
        if x.text.lower() == "после":
            return True
    return False


def _without(toks: list[Token], k: int) -> bool:
    """The stop noun at k is what "без" denies, adjectives between ("завод работает без
    простоев", "работает без остановки производства", real news dev r8_026): the plant
    works, no stop."""
    j = k - 1
    while j >= 0 and toks[j].pos in ("ADJ", "DET"):
        j -= 1
    return toks[k].pos == "NOUN" and j >= 0 and toks[j].text.lower() in ("без", "безо")


def _ends_a_problem(toks: list[Token], k: int) -> bool:
    """The closing word at k puts an end to a trouble, not to a plant: a noun of trouble
    (plant_words.csv remedied_noun) is its object, within three words either side
    ("продолжается ликвидация очага африканской чумы", "ликвидации задолженности по
    заработной плате", "Кризис … будет ликвидировать …")."""
    return any(_lem(t) in _REMEDIED for t in toks[max(0, k - 3):k + 4])


def _court_case_after(toks: list[Token], k: int) -> bool:
    """What the stop word at k stops is a court case, not output: "производство по делу"
    right before it or within three words after it ("суд прекратил производство по делу о
    банкротстве завода", real news dev r10_011: a case dismissed, plant_words.csv petition
    "дело")."""
    near = toks[max(0, k - 3):k + 6]
    return any(_lem(a) == "производство" and b.text.lower() == "по" and _lem(c) in _PETITIONS
               for a, b, c in zip(near, near[1:], near[2:], strict=False))


def _building_works(toks: list[Token], k: int) -> bool:
    """Building works at k ("проводятся ремонтные работы", "начали подготовительные работы",
    real news dev r1_023, r2_032): an adjective of works (plant_words.csv role
    works_adjective) and "работа" right after it."""
    return _lem(toks[k]) in _WORKS_ADJECTIVES and k + 1 < len(toks) and \
        _lem(toks[k + 1]) == "работа"


def _prepared_for(toks: list[Token], k: int) -> bool:
    """The launch noun at k is what a facility is being prepared for ("к запуску готовится
    новый комплекс", "завершается подготовка к запуску предприятия", real news dev r2_040,
    r1_015): "к" before it and a word of preparation (plant_words.csv role preparation)
    just before "к" or right after the noun."""
    if k == 0 or toks[k - 1].text.lower() != "к" or toks[k].pos != "NOUN":
        return False
    near = toks[max(0, k - 4):k - 1] + toks[k + 1:k + 3]
    return any(_lem(x) in _PREPARATION for x in near)


AWAITING_WINDOW = 5  # words back from the launch noun (or its "на") to the verb that awaits it


def _awaited(toks: list[Token], k: int) -> bool:
    """The launch noun at k is what a verb of awaiting or inviting governs (plant_words.csv
    awaiting): "В 2026 году ожидаем открытия следующих производств", "ещё семь ожидают
    запуска", "пригласил президента на открытие завода" (real news dev r14_041, r14_020,
    r19_012: gold planned): the opening is still to come, a plan, dated or not (sentence_status
    reads an undated one as announced). The nearest verb in its clause decides; a launch told
    done after it ("ждали открытия два года, и в мае он открылся") is no plan."""
    if any(x.pos == "VERB" and x.feats.get("Tense") == "Past" and
           STATUS_LEMMAS.get(_verb_lemma(x)) == "launched" for x in toks[k + 1:]):
        return False
    j = k - 1
    if j >= 0 and toks[j].text.lower() == "на":
        j -= 1  # "пригласил … на открытие"
    for x in reversed(toks[max(0, j - AWAITING_WINDOW + 1):j + 1]):
        if x.pos == "PUNCT":
            return False
        if x.pos == "VERB":
            return _verb_lemma(x) in _AWAITING or _lem(x) in _AWAITING
    return False


def _past_places(toks: list[Token], i: int) -> list[Token]:
    """The tokens from i on without the place phrases between a verb and its object
    ("начало в Ленинском районе Крыма строительство", real news dev r2_042)."""
    out: list[Token] = []
    j = i
    while j < len(toks) and len(out) < 4:
        if toks[j].pos == "ADP" and toks[j].text.lower() in ("в", "во", "на"):
            e = j + 1
            while e < min(j + 6, len(toks)) and toks[e].pos in ("ADJ", "NOUN", "PROPN") \
                    and toks[e].case in ("Loc", "Gen"):
                e += 1
            if e > j + 1:
                j = e
                continue
        out.append(toks[j])
        j += 1
    return out


def _begun_event(toks: list[Token], k: int) -> str | None:
    """The status of the status noun a verb of beginning at k governs ("начала
    строительство", "приступили к возведению"), within three words; output begun ("начался
    выпуск", "начнут выпускать") is a launch, one a plant is getting ready to begin
    ("готовится наладить производство", real news dev r8_014) is under construction; None
    when there is none."""
    status = _begun_status(toks, k)
    return "under_construction" if status == "launched" and _getting_ready(toks, k) else status


def _begun_status(toks: list[Token], k: int) -> str | None:
    """_begun_event before the test of getting ready. A bankruptcy put before the verb is
    what begins ("процедуру самобанкротства начал … завод", a fresh real page of session 17):
    a case begun, no launch."""
    if any(_lem(x) in _BANKRUPTCY for x in toks[max(0, k - 3):k]):
        return UNKNOWN
    for x in _past_places(toks, k + 1)[:3]:
        lem = _lem(x)
        if _building_works(toks, toks.index(x)):
            return "under_construction"  # "начали подготовительные работы" (real news r2_032)
        infinitive = x.pos == "VERB" and x.feats.get("VerbForm") == "Inf"
        if (x.pos == "NOUN" or infinitive) and lem in STATUS_LEMMAS and lem not in _ASPECT_VERBS:
            if lem in _BANKRUPTCY and _lem(toks[toks.index(x) - 1]) in _PETITIONS:
                return UNKNOWN  # "подали заявление о банкротстве" (real news dev r7_004)
            return STATUS_LEMMAS[lem]  # "начали строительство", "начали возводить"
        if (x.pos == "NOUN" or infinitive) and lem in _OUTPUT_WORDS:
            return "launched"
    return None


def _np_end(tokens: list[Token], i: int, case: str | None) -> int:
    """Extend a noun phrase in `case` from token i (adjectives, nouns, coordination)."""
    j = i
    n = len(tokens)
    seen_noun = False
    while j < n:
        t = tokens[j]
        if t.text in _LEGAL_FORMS:
            break  # "пеностекла ООО «Инностек»": the owner begins
        if t.pos == "ADJ" and t.case == case:
            j += 1
            # "резиновых и пластизольных мячей": adjectives joined before their noun
            if j + 1 < n and tokens[j].text.lower() == "и" and tokens[j + 1].pos == "ADJ" \
                    and tokens[j + 1].case == case:
                j += 1
            continue
        if t.pos in ("NOUN", "PROPN") and t.case == case or \
                t.pos == "VERB" and j == i and _only_noun(t, case):
            seen_noun = True
            j += 1
            # an NP ends at its noun; only coordination continues it
            if j + 1 < n and tokens[j].text.lower() in {"и", "или"} and \
                    tokens[j + 1].pos in ("ADJ", "NOUN") and tokens[j + 1].case == case \
                    and not _next_facility(tokens[j + 1]):
                j += 1
                continue
            break
        break
    if not seen_noun and j > i and _can_be_noun(tokens[j - 1], case):
        return j  # the tagger read a noun as an adjective ("пеностекла")
    return j if seen_noun else i


def _next_facility(t: Token) -> bool:
    """A facility noun after "и" that ends a product: the next facility of a list begins
    ("открытия производства керамического кирпича и производства бетонных изделий", real
    news dev r14_041), not a second product. Not a noun that also names equipment made
    ("установка", "комплекс": facility_heads.csv po_only) nor "линия" or "станция"."""
    lem = _lem(t)
    return lem in FACILITY_HEADS and lem not in PO_ONLY_HEADS and \
        lem not in ("линия", "станция")


def _only_noun(t: Token, case: str | None) -> bool:
    """The tagger read a noun as a verb ("цеха флотации", real news dev r3_046): every
    dictionary reading of the word is a noun, one of them in `case`."""
    want = UD_TO_PYMORPHY_CASE.get(case or "")
    parses = morph().parse(t.text.lower())
    return bool(want) and all(p.tag.POS == "NOUN" for p in parses) and \
        any(want in p.tag for p in parses)


def _can_be_noun(t: Token, case: str | None) -> bool:
    want = UD_TO_PYMORPHY_CASE.get(case or "")
    return bool(want) and any(p.tag.POS == "NOUN" and want in p.tag and p.score >= 0.3
                              for p in morph().parse(t.text))


def _past_place(tokens: list[Token], i: int) -> int:
    """Past a place between a head and its "по выпуску X" ("завод в Гусеве по производству
    панировочных сухарей", real news dev r1_039): the index of "по", else i."""
    if i < len(tokens) and tokens[i].pos in ("ADJ", "NOUN") and tokens[i].case == "Gen":
        return _past_owner(tokens, i)
    if i >= len(tokens) or tokens[i].text.lower() not in ("в", "на"):
        return i
    j = i + 1
    while j < min(i + 4, len(tokens)) and tokens[j].pos in ("ADJ", "PROPN", "NOUN") \
            and tokens[j].case == "Loc":
        j += 1
    if j > i + 1 and j + 1 < len(tokens) and tokens[j].text.lower() == "по" and \
            tokens[j + 1].lemma in PRODUCT_NOUNS:
        return j
    return i


def _past_owner(tokens: list[Token], i: int) -> int:
    """Past an owner between a head and its "по выпуску X" ("новый завод компании по
    производству гидроизоляционных материалов", "завод японской корпорации по выпуску шин",
    real news dev r14_001): the index of "по", else i. The owner is a company word in the
    genitive (company_words.csv descriptor), its adjectives before it."""
    j = i
    while j < min(i + 3, len(tokens)) and tokens[j].pos == "ADJ" and tokens[j].case == "Gen":
        j += 1
    if j >= len(tokens) or tokens[j].case != "Gen" or _lem(tokens[j]) not in _COMPANY_WORDS:
        return i
    j += 1
    if j + 1 < len(tokens) and tokens[j].text.lower() == "по" and \
            tokens[j + 1].lemma in PRODUCT_NOUNS:
        return j
    return i


def _past_quantity(tokens: list[Token], i: int) -> int:
    """Past a quantity between a head and its product ("производство 1 млн литров краски",
    real news dev r1_037): a number, its scale and a unit (plant_words.csv measure_unit)."""
    j = i
    if j < len(tokens) and tokens[j].pos == "NUM":
        j += 1
        while j < len(tokens) and _lem(tokens[j]) in _SCALES:
            j += 1
        if j < len(tokens) and _lem(tokens[j]) in _MEASURE_UNITS:
            return j + 1
    return i


def _in_quantity(tok: Token) -> bool:
    """A word of a quantity (_past_quantity): a number, a scale or a unit."""
    return tok.pos == "NUM" or _lem(tok) in _SCALES | _MEASURE_UNITS


def _po_action(tokens: list[Token], i: int) -> int | None:
    """The index of the action noun of "по выпуску", "по серийному выпуску" (real news dev
    r7_023) at i, or None."""
    if i >= len(tokens) or tokens[i].text.lower() != "по":
        return None
    j = i + 1
    while j < min(i + 3, len(tokens)) and tokens[j].pos == "ADJ" and tokens[j].case == "Dat":
        j += 1
    if j >= len(tokens) or tokens[j].lemma not in PRODUCT_NOUNS:
        return None
    if j + 2 < len(tokens) and tokens[j + 1].text.lower() == "и" and \
            tokens[j + 2].lemma in PRODUCT_NOUNS:
        j += 2  # "по производству и переработке баранины" (real news dev r6_033)
    return j


def _complement(tokens: list[Token], i: int) -> tuple[int, int, int]:
    """(start, first-NP end, end) of the product complement after the head at i-1."""
    capacity = i > 0 and _lem(tokens[i - 1]) in PO_ONLY_HEADS  # "мощностью 50 тонн X"
    i = _past_place(tokens, i)
    if i + 2 < len(tokens) and tokens[i].text == ":" and tokens[i + 1].text.lower() == "по" \
            and tokens[i + 2].lemma in PRODUCT_NOUNS:
        i += 1  # "два новых завода: по производству X и по обработке Y" (real news dev r5_018)
    start = i
    action = _po_action(tokens, i)
    if action is not None:
        # "по выпуску X", "по серийному выпуску X": X is the genitive NP after the action noun
        start = action + 1
        # "по глубокой переработке"
        while start < len(tokens) and tokens[start - 1].pos == "ADJ":
            start += 1
    elif not capacity and start + 1 < len(tokens) and tokens[start].lemma in PRODUCT_NOUNS and \
            tokens[start].case == "Gen" and _np_end(tokens, start + 1, "Gen") > start + 1:
        start += 1  # "линия производства труб", "цех сборки автомобилей": X is made
    if not capacity:
        start = _past_quantity(tokens, start)
    if start >= len(tokens):
        return i, i, i
    first_end = _np_end(tokens, start, "Gen")
    if first_end == start:
        return i, i, i
    end = first_end
    # dependents: further genitives and "для + genitive"; a company ("шин компании
    # «Бриджстоун»", "пеностекла ООО «Инностек»") is the operator, not the product
    while end < len(tokens):
        t = tokens[end]
        if _lem(t) in _COMPANY_WORDS or t.text in _LEGAL_FORMS:
            break
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
        if k < first_end and t.pos == "ADJ" and (adj := _adjective_nominative(t)):
            words.append(adj)
        elif k < first_end and (t.pos in ("NOUN", "ADJ", "PROPN") or
                                t.pos == "VERB" and _only_noun(t, "Gen")):
            hint = concrete_lemma(t.text, t.lemma) if t.pos == "NOUN" else t.lemma
            words.append(inflect(t.text, "nomn", None, UD_TO_PYMORPHY_CASE.get(t.case or ""),
                                 hint))
        else:
            words.append(t.text)
    return " ".join(words).lower().replace("ё", "е")


_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}


def _adjective_nominative(t: Token) -> str | None:
    """An adjective of the product in the nominative, in the gender and number the tagger
    read ("специального тяжелого машиностроения" -> "специальное тяжелое")."""
    return adjective_in_nominative(t.text, UD_TO_PYMORPHY_CASE.get(t.case or ""),
                                   _GENDERS.get(t.feats.get("Gender", "")),
                                   t.feats.get("Number") == "Plur")


_TOPONYM_ADJ = re.compile(r"(?:с|ц)к(?:ий|ой|ая|ое|ого|ому|им|ом|ую|ие|их|ими|ей)$")


def _is_proper_adjective(tok: Token, first: bool) -> bool:
    """A capitalised place adjective ("Невьянский", "Тверской"): the plant has a name."""
    if not tok.text[:1].isupper() or _lem(tok) in NON_NAME_ADJECTIVES:
        return False  # "«Первый завод …»": an ordinal opening a quote names nothing
    if not first:
        return True
    low = tok.text.lower()
    if _TOPONYM_ADJ.search(low) and "ическ" not in low and not _common_compound(low):
        return True
    return bool(find_regions(tok.text))


def _common_compound(word: str) -> bool:
    """A compound adjective led by a describing adjective ("производственно-складской" of
    "производственный", non_name_adjective), not a place's ("Западно-Сибирский"): capitalised
    at a sentence's start it names no place ("Производственно-складской комплекс по выпуску
    напитков откроется", real news dev r7_007)."""
    first, _, rest = word.partition("-")
    return bool(rest) and first.endswith("о") and \
        any(first[:-1] + end in NON_NAME_ADJECTIVES for end in ("ый", "ий"))


def _adjective_in_name(sent: Sentence, r: RegionMention) -> bool:
    """A place adjective or a town inside a quoted name names no region of the story («ГМК
    «Норильский никель»» in "районе края", real news dev r3_015; the industrial park
    «Заволжье» of Ulyanovsk is no town Заволжье, r1_053; the park «Храброво», r1_041)."""
    before = sent.text[:r.start]
    return r.via in ("adjective", "city") and before.count("«") > before.count("»")


def _not_the_plants_place(sent: Sentence, r: RegionMention) -> bool:
    """A region that places something else: a meeting ("на форуме в Санкт-Петербурге
    решили запустить завод … на тульской земле", real news dev r6_031) or, as an adjective,
    a company ("ставропольский агропромышленный холдинг «Эко-культура» … в Усманском
    районе области ведёт строительство", r6_021): where it is from, not where it builds."""
    m = re.search(r"(\w+)\s+(?:в|во|на)\s+$", sent.text[:r.start])
    if m and lemma(m.group(1).lower()) in _EVENT_PLACES:
        return True
    m = re.search(r"(\w+)\s+$", sent.text[:r.start])
    if m and lemma(m.group(1).lower()) in _SEATS:
        return True  # "Арбитражный суд Москвы" (real news dev r3_023): the court's seat
    if elsewhere(sent.text, r):
        # "инвесторы из Оренбургской области", "челябинская компания", "Московское АО",
        # "на Петербургском форуме", "доставляют на Кубань"
        return True
    if r.via != "adjective":
        return False
    for w in re.findall(r"[а-яё]+", sent.text[r.end:].lower())[:3]:
        if lemma(w) in _COMPANY_WORDS:
            return True
        if morph().parse(w)[0].tag.POS != "ADJF":
            return False
    return False


def _other_district(sent: Sentence, r: RegionMention, ctx: DocContext) -> bool:
    """A district named like a town of another region ("в Калининском округе" of Tver, not
    Калининск of the Saratov region, real news dev r1_021): the article's region wins."""
    after = [lemma(w.strip(",.;:")) for w in sent.text[r.end:].split()[:2]]
    if after[:1] == ["муниципальный"]:  # "в Мордовском муниципальном округе"
        after = after[1:]
    if r.via == "region" or not after or after[0] not in _DISTRICT_WORDS:
        return False
    return ctx.region is not None and r.region != ctx.region or _district_of_next(sent, r)


def _district_of_next(sent: Sentence, r: RegionMention) -> bool:
    """The district is of the region named right after it, another one ("в Мордовском
    округе Тамбовской области", real news dev r15_032): a district named like a region."""
    words = sent.text[r.end:].split()
    gap = len(" ".join(words[:3])) + 2  # "округе", "муниципальном округе" + the region
    nxt = [m for m in find_regions(sent.text[r.end:r.end + gap + 40])
           if m.start <= gap and m.via == "region"]
    return bool(nxt) and nxt[0].region != r.region


def _same_name(operator: str, name: str) -> bool:
    """The operator is the plant itself, written as its company ("ООО «X завод»") or by the
    start of its name ("Туимский завод" of "Туимский завод по обработке цветных металлов")."""
    def words(s: str) -> list[str]:  # lemmas: "Белебей мясоперерабатывающего комбината"
        return [lemma(w) for w in re.findall(r"\w+", s.lower().replace("ё", "е"))]
    # "… комбинат (ВГОК)": the plant's name with its abbreviation (real news dev r7_005)
    op, nm = words(re.sub(r"\s*\([^()]*\)?$", "", operator)), words(name)
    quoted = re.findall(r"«([^«»]+)»", name)
    if quoted and op == words(quoted[-1]):
        return True  # "завод «Эгида»" is not run by «Эгида» the article names as a company
    return len(op) >= 2 and (op == nm[-len(op):] or op == nm[:len(op)] or nm == op[-len(nm):]
                             or len(nm) >= 2 and nm == op[:len(nm)]) \
        or _abbreviation_of(operator, name)


def _abbreviation_of(operator: str, name: str) -> bool:
    """The operator is the plant's name shortened to the starts of its words, in order:
    "КрасМаш" of "Красноярский машиностроительный завод", "ВГОК" of "Высокогорский
    горно-обогатительный комбинат" (real news dev r5_004). Only a name written with two
    capitals or more: "Луч" or "Альба" is a word, no abbreviation."""
    letters = re.sub(r"[\W\d_]+", "", operator)
    if len(letters) < 3 or sum(c.isupper() for c in letters) < 2:
        return False
    parts = [w for w in re.findall(r"[а-яёa-z]+", name.lower().replace("ё", "е"))
             if w not in ("по", "и", "им")]
    return _covers(letters.lower().replace("ё", "е"), parts)


def _covers(letters: str, parts: list[str]) -> bool:
    """Whether `letters` is a run of non-empty starts of some of `parts`, in order, at least
    two of them."""
    def go(i: int, k: int, used: int) -> bool:
        if i == len(letters):
            return used >= 2
        for j in range(k, len(parts)):
            n = 1
            while i + n <= len(letters) and n <= len(parts[j]) and \
                    letters[i:i + n] == parts[j][:n]:
                if go(i + n, j + 1, used + 1):
                    return True
                n += 1
        return False
    return go(0, 0, 0)


def _inside_quotes(sent: Sentence, tok: Token) -> bool:
    """Inside a quoted name («Фабрика проектного финансирования»); a quote that opens more
    than four words before the token is someone's speech, whose plants count («В 2026 году
    будет запущено производство …», real news dev r2_045)."""
    before = sent.text[:tok.start - sent.start]
    if before.count("«") <= before.count("»"):
        return False
    if len(before[before.rfind("«") + 1:].split()) > _NAME_WORDS:
        return False
    # a name closes soon: «Первый завод – «Эгида», который …» is speech (real dev r1_010)
    after, depth = sent.text[tok.end - sent.start:], 1
    for k, ch in enumerate(after):
        depth += (ch == "«") - (ch == "»")
        if depth == 0:
            return len(after[:k].split()) <= _NAME_WORDS
    return False  # still open at the end of the sentence: speech


_NAME_WORDS = 4  # a quoted name is short; a longer quote is speech


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
    covers: int = 0  # the token after its product complement: heads before it are read
    plural: bool = False  # a plural head: "три завода по производству материалов"
    split: bool = False  # one of several plants a plural head names by product
    counted: bool = False  # a number before the head: "два предприятия"
    another: bool = False  # "ещё один завод", "похожий завод": one more of the kind told
    company: str | None = None  # the company a listed plant is named by (_listed_companies)
    again: bool = False  # "Это первое предприятие, …": the plant just told (_described)
    stated: str | None = None  # the status its own verb states (_company_stops_works)
    at: int | None = None  # the offset of its own place (_plural_heads_in_places)


def _adj_nom(tok: Token, proper: bool, head: str) -> str:
    """The adjective in the nominative, agreeing with the head noun `head` (nominative)."""
    word = agree(tok.text, head, UD_TO_PYMORPHY_CASE.get(tok.case or ""))
    return word if proper else word.lower()




def _is_head(sent: Sentence, i: int, covered: set[int]) -> bool:
    """A facility noun that may head a plant phrase: not after "по" ("компания по
    производству ...": an activity) and not inside quotes («Фабрика проектного
    финансирования», «Чебоксарский ... завод»: part of another name)."""
    toks = sent.tokens
    t = toks[i]
    # an "ADJ" whose lemma is a facility noun is a noun the tagger misread ("на аглофабрике",
    # real news dev r3_054)
    if t.pos not in ("NOUN", "PROPN", "ADJ") or i in covered or _lem(t) not in FACILITY_HEADS:
        return False  # (the part of speech first: it is the cheap test)
    if (t.pos == "PROPN" or i > 0 and t.text[:1].isupper()) and _compound_base(_lem(t)) and \
            not frozenset.__contains__(FACILITY_HEADS, _lem(t)) and not _nested_name(sent, t):
        return False  # "Уралвагонзавод": a company's name, not «Свинокомплекс «Пермский»»
    if i > 0 and toks[i - 1].text.lower() == "по":
        return False
    j = i - 1
    while j > 0 and toks[j].pos == "ADJ":
        j -= 1  # "для дальнейшего производства колбасных изделий" (real news r8_013)
    if j < i - 1 and toks[j].text in ("по", "По"):  # not «ПО Алтайский моторный завод» (r3_050)
        return False  # "по общему производству скота регион занял четвёртое место" (r17_019)
    if _lem(t) in WEAK_HEADS and j >= 0 and toks[j].text.lower() in _PURPOSE_WORDS:
        return False  # "сырьё для производства матрасов": an activity, not a facility
    if _lem(t) in WEAK_HEADS and j >= 1 and toks[j].text.lower() == "в" and \
            (_lem(toks[j - 1]) in _USE_WORDS or _verb_lemma(toks[j - 1]) in _USE_WORDS):
        return False  # "используется в производстве фанеры", "сырьём в производстве": a use
    if _lem(t) in WEAK_HEADS and j >= 1 and toks[j].text.lower() == "в" and _use_listed(toks, j):
        return False  # "найдёт применение не только в строительстве …, но и в производстве"
    if _landmark(sent, i) or _customer(sent, i):
        return False
    if _lem(t) in WEAK_HEADS and _model_after(toks, i):
        return False  # "производство модели Ford Transit": a model made at a plant
    if _lem(t) in SELF_NAMED_HEADS and i > 0 and toks[i - 1].text.lower() == "для":
        return False  # "системы управления для АЭС" (real news dev r6_005): a customer
    if any(sp.type == "ORG" and sp.start < t.start < sp.end and
           sp.text.split()[0] in _LEGAL_FORMS and _after_closed_name(sent, sp, t)
           for sp in sent.spans):
        return False  # 'ООО "МПК" Пивоваренный завод Майкопский' (real news dev r4_002): a company
    if _straight_quoted_company(sent, t):
        return _plant_company(sent, i)  # 'ООО "Ухтинский завод глиняного кирпича"'
    return not _inside_quotes(sent, t) or _plant_company(sent, i)


USE_LIST_WINDOW = 14  # tokens from a word of use to the last "в" item of its list


def _use_listed(toks: list[Token], j: int) -> bool:
    """The "в" at j is a later item of the places a product is used in, listed after a word
    of use with no verb between: "продукция найдёт применение не только в строительстве
    площадок, но и в производстве гидроизоляционных материалов" (a real public page,
    dzen.ru/a/Z_yy8vTgZEbmuLdJ), "применяется в медицине и в производстве": a use, no
    facility (plant_words.csv use_word)."""
    for k in range(j - 1, max(-1, j - USE_LIST_WINDOW), -1):
        if _lem(toks[k]) in _USE_WORDS or _verb_lemma(toks[k]) in _USE_WORDS:
            return k < j - 1 and any(x.text.lower() == "в" for x in toks[k + 1:j])
        if toks[k].pos in ("VERB", "AUX") or toks[k].text in (".", ";", "!", "?"):
            return False
    return False


def _after_closed_name(sent: Sentence, span: Span, t: Token) -> bool:
    """The facility word t follows a company's closed quoted name and capitalised words
    ('ООО "МПК" Пивоваренный завод Майкопский', real news dev r4_002). A straight quote is
    the closing one only when the quotes of the span before it pair up: in 'ООО "Ухтинский
    завод глиняного кирпича"' (r10_008, r3_050) it opens the name the plant is."""
    before = sent.text[:t.start - sent.start]
    m = re.search(r"[»\"”]\s*(?:[А-ЯЁ][\w-]*\s+)*$", before)
    if m is None:
        return False
    if before[m.start()] != '"':
        return True
    return sent.text[span.start - sent.start:m.start() + 1].count('"') % 2 == 0


# a legal form, an opening quote and up to two words before a facility head: 'ООО «Ухтинский
# завод …»', 'ОАО "Алтайский завод …"' (straight quotes: real news dev r10_008, r3_050)
_COMPANY_OPENING = re.compile(
    r"(\S+)\s*[«\"]((?:[А-ЯЁ][а-яё-]+\s+(?:[а-яёА-ЯЁ][а-яё-]+\s+)?)?)$")


def _legal_form_ends(text: str) -> bool:
    """The text ends with a legal form: an abbreviation ("ООО"), or one written in words in
    any case ("признал акционерное общество «Костромская верфь» банкротом", real news dev
    r17_036; "к обществу с ограниченной ответственностью «…»" of court news)."""
    words = text.split()
    if words and words[-1] in _LEGAL_FORMS:
        return True
    return any(" ".join(lemma(w.lower()) for w in words[-n:]) in _LEGAL_LEMMAS
               for n in range(2, min(5, len(words) + 1)))


def _straight_quoted_company(sent: Sentence, t: Token) -> bool:
    """t opens or follows the opening straight quote of a company's name right after its
    legal form ('ООО "Ухтинский завод глиняного кирпича"'): the quote is an opening one when
    the straight quotes before it in the sentence are odd in number."""
    before = sent.text[:t.start - sent.start]
    m = _COMPANY_OPENING.search(before)
    return m is not None and _legal_form_ends(before[:m.end(1)]) and \
        before[:m.end(1)].count('"') % 2 == 0 and '"' in before[m.end(1):]


def _plant_company(sent: Sentence, i: int) -> bool:
    """A company named after its plant, right after its legal form ("ОАО «Селенгинский
    ЦКК»", "ОАО «Металлургический завод им. А.К. Серова»", real news dev r9_023, r8_020):
    what happens to the company happens to the plant it is."""
    t = sent.tokens[i]
    if _lem(t) in WEAK_HEADS or not frozenset.__contains__(FACILITY_HEADS, _lem(t)) and \
            not _nested_name(sent, t):
        return False  # a compound ("ООО «Липецкий полиграфкомбинат»") is a company's word
    m = _COMPANY_OPENING.search(sent.text[:t.start - sent.start])
    if m is None or not _legal_form_ends(sent.text[:t.start - sent.start][:m.end(1)]):
        # «Свинокомплекс «Пермский»» (real news dev r17_016): a plant's name nested in a
        # company's quotes is the plant with no legal form before it
        k = i - 2  # the word before the opening quote
        cases = {sent.tokens[k].case, t.case} if k >= 0 and sent.tokens[k].pos == "NOUN" else set()
        named = len(cases) == 1 or cases == {"Nom", "Acc"}  # "ресторан «Завод «Пиво»»"
        return _nested_name(sent, t) and not named
    if not m.group(2):
        return _name_in_company(sent, t) is not None  # "АО «Завод Фиолент»"
    return all(_place_adjective(x) or x.pos == "ADJ"
               for x in sent.tokens[i - len(m.group(2).split()):i])


# a short proper name closing a company's quotes right after its facility head: "АО «Завод
# Фиолент»", "ООО «Комбинат Волна»" (real news dev r10_022); not an abbreviation of what it
# does ("АО «Завод ТО ТБО»", r3_023: термической обработки твёрдых бытовых отходов)
_COMPANY_PLANT_NAME = re.compile(
    r"\s+«?([А-ЯЁA-Z][а-яёa-z][\w-]*(?:\s+[А-ЯЁA-Z0-9][\w-]*)?)»")


def _nested_name(sent: Sentence, t: Token) -> bool:
    """A facility head opening a company's quotes with the plant's own name quoted inside
    («Свинокомплекс «Пермский»», «Птицефабрика «Боровская»»)."""
    own = _name_in_company(sent, t)
    return own is not None and own.group(0).lstrip().startswith("«")


def _name_in_company(sent: Sentence, t: Token) -> re.Match | None:
    """The name of a company that is its plant: a capitalised facility head opening the
    company's quotes and a proper name closing them ("АО «Завод Фиолент»" is the plant
    "завод «Фиолент»"); not a product in the genitive ("ООО «Завод строительных
    материалов»") nor a head in lower case."""
    if not t.text[:1].isupper() or not sent.text[:t.start - sent.start].rstrip().endswith("«"):
        return None
    m = _COMPANY_PLANT_NAME.match(sent.text, t.end - sent.start)
    if m is None or m.group(0).lstrip().startswith("«"):
        return m  # a name in quotes of its own is a name («Птицефабрика «Боровская»»)
    word = m.group(1).split()[0].lower()
    # "ООО «Завод Инновационных Технологий»", "«Завод Металлоконструкций»": what it makes,
    # capitalised, not a name (a word the dictionary knows, in no nominative reading)
    known = morph().word_is_known(word)
    return None if known and not any(p.tag.case == "nomn" and p.tag.POS == "NOUN"
                                     for p in morph().parse(word)) else m


def _landmark(sent: Sentence, i: int) -> bool:
    """The facility at i only says where something else is: "рядом с действующим
    премиксным заводом" (real news dev r6_031), "недалеко от завода" (plant_words.csv
    landmark: the words before the facility and its adjectives), or what kind of thing
    another is: "завод станет одним из крупнейших предприятий в стране по переработке"
    (real news r7_022; class_of, lemmas)."""
    toks = sent.tokens
    j = i - 1
    while j >= 0 and toks[j].pos in ("ADJ", "VERB") and toks[j].case is not None:
        j -= 1  # its adjectives and participles ("действующим")
    before = " ".join(t.text.lower() for t in toks[max(0, j - 2):j + 1])
    lemmas = " ".join(_lem(t) for t in toks[max(0, j - 2):j + 1])
    if _ends_with_phrase(before, _LANDMARKS):
        return True
    # "одним из крупнейших заводов России «Тяжстанкогидропресс»" names one (r3_037); "одно
    # из ведущих отраслевых предприятий - «Эко-Золопродукт»" names a company (r11_017)
    return _ends_with_phrase(lemmas, _CLASS_OF) and \
        (not _quoted_after(sent, toks[i]) or _lem(toks[i]) in WEAK_HEADS)


def _customer(sent: Sentence, i: int) -> bool:
    """The facility at i is a customer of a product, not a plant with news: in the dative or
    instrumental right after a verb of supplying or demand and its adjectives ("продукция будет
    поставляться предприятиям металлургии", fresh pages f_013), or named after "как" as an
    example of such customers ("будет востребована такими деревообрабатывающими предприятиями
    как завод «ЛВЛ-Югра»", real news dev r2_048; plant_words.csv customer_verb)."""
    toks = sent.tokens
    j = i - 1
    while j >= 0 and toks[j].pos in ("ADJ", "DET"):
        j -= 1
    head = toks[i]
    if j > 0 and toks[j].text.lower() == "как" and _lem(toks[j - 1]) in FACILITY_HEADS:
        head, j = toks[j - 1], j - 2  # "такими предприятиями как завод «X»": an example
        while j >= 0 and toks[j].pos in ("ADJ", "DET"):
            j -= 1
    return j >= 0 and head.case in ("Dat", "Ins") and _lem(toks[j]) in _CUSTOMER_VERBS


def _model_after(toks: list[Token], i: int) -> bool:
    """One model of a product follows the head: a model noun in the singular and a designation
    after it, Latin, with a digit or capitalised ("производства модели Ford Transit", fresh
    pages f_039; "выпуска изделия АИ-222-25", real news dev r3_020; plant_words.csv
    model_noun): the making of that model at a plant, not a facility. "изделий из стекла"
    is a kind of product."""
    if i + 2 >= len(toks) or _lem(toks[i + 1]) not in _MODEL_NOUNS or \
            toks[i + 1].feats.get("Number") == "Plur":
        return False
    mark = toks[i + 2].text
    return bool(re.search(r"[A-Za-z0-9]", mark)) or mark[:1].isupper()


def _ends_with_phrase(words: str, phrases: frozenset[str]) -> bool:
    """`words` (space-separated) end with one of the phrases, whole words."""
    return any(words == w or words.endswith(" " + w) for w in phrases)


def _lem(tok: Token) -> str:
    return tok.lemma.replace("ё", "е")


def _participle(tok: Token) -> bool:
    """A participle before a head ("строящийся ГОК", "запущенный завод") tells what happens
    to the plant, not what it is: no part of its name."""
    return morph().parse(tok.text.lower())[0].tag.POS == "PRTF"


def _adjectives_before(toks: list[Token], i: int) -> tuple[list[Token], Token | None]:
    """The adjectives before the head ("Невьянский механический завод") and the word before
    them; any adjective counts, since the tagger's case of a name is unreliable."""
    j = i - 1
    # a short form is a predicate ("Открыт Суходольский завод"), not the plant's adjective
    while j >= 0 and (toks[j].pos == "ADJ" or _place_adjective(toks[j])) and \
            toks[j].feats.get("Variant") != "Short" and _can_agree(toks[j], toks[i]):
        j -= 1
    return toks[j + 1:i], (toks[j] if j >= 0 else None)


def _place_adjective(tok: Token) -> bool:
    """A town's adjective the tagger reads as a proper noun ("Алексинский и Ефремовский
    химические заводы", after real news dev r9_003): a capitalised word whose first reading
    is an adjective."""
    return tok.pos == "PROPN" and tok.text[:1].isupper() and \
        morph().parse(tok.text.lower())[0].tag.POS == "ADJF"


def _can_agree(adj: Token, head: Token) -> bool:
    """The adjective has a form in a case of the head ("под Черногорском завод", real news
    dev r3_036: a town in the locative before an accusative head is no part of its name);
    the tagger's own case is not trusted, so every parse of both words counts (every parse
    of a word the dictionary knows only as a noun, "Каменском")."""
    def cases(tok: Token, pos: str) -> set[str]:
        parses = morph().parse(tok.text.lower())
        return {str(p.tag.case) for p in parses if pos == p.tag.POS} or \
            {str(p.tag.case) for p in parses if p.tag.case}
    a, h = cases(adj, "ADJF"), cases(head, "NOUN")
    return not a or not h or bool(a & h)


def _event_across_place(toks: list[Token], k: int) -> bool:
    """The noun at k closes a place phrase put between an event noun and its facility
    ("по созданию в особой экономической зоне производства", "о строительстве в донском
    регионе завода"): a preposition, adjectives and the noun, right after the event noun."""
    j = k - 1
    while j >= 0 and toks[j].pos == "ADJ":
        j -= 1
    if j < 1 or toks[j].pos != "ADP" or toks[j].text.lower() not in {"в", "на"}:
        return False
    # … or between the plant's own adjective and it: "строительству первого в республике
    # мясоперерабатывающего комбината", "крупнейшего в регионе завода" (real news dev r10_013)
    return _lem(toks[j - 1]) in _EVENT_WORDS or toks[j - 1].pos == "ADJ" and \
        toks[j - 1].case == "Gen"


def _event_at_named_part(sent: Sentence, head: Token, prev: Token) -> bool:
    """An event of a part of a plant with a name in quotes ("запуск третьей производственной
    линии завода «Арнест Упаковочные Решения»", "возобновление производства шинного завода
    «Кордиант Ульяновск»", real news dev r5_020): news of that plant."""
    toks = sent.tokens
    k = toks.index(prev)
    # a plant named by a place adjective is named too: "запуск пятой доменной печи
    # Енакиевского металлургического завода" (after real news dev r11_004)
    named = _quoted_after(sent, head) is not None or \
        any(t.pos == "ADJ" and t.text[:1].isupper() for t in toks[k + 1:toks.index(head)])
    return _lem(prev) in _PLANT_PARTS and named and \
        any(_lem(t) in _EVENT_WORDS for t in toks[max(0, k - 4):k])


def _part_event(sent: Sentence, ph: _Phrase) -> str | None:
    """The status an event of a part states for its plant (_event_at_named_part): the
    event noun's, or "expanded" when a new unit is launched, built or planned there ("запуск
    третьей линии завода «X»"); the plant's own production resumed is launched."""
    toks = sent.tokens
    k = next((j for j, t in enumerate(toks) if t.start >= ph.start), 0) - 1
    while k >= 0 and toks[k].pos == "ADJ":
        k -= 1
    if k < 0 or not _event_at_named_part(sent, toks[ph.head], toks[k]):
        return None
    at = next((j for j in range(k - 1, max(0, k - 4) - 1, -1) if _lem(toks[j]) in STATUS_LEMMAS),
              None)
    event = STATUS_LEMMAS[_lem(toks[at])] if at is not None else None
    if event is None:
        return None  # "оценил работу линии завода «X»": an event noun that states no status
    if _proposed(toks, at, _lem(toks[at])):
        return None  # "одобрил запуск печи завода": still to come, the sentence's plan decides
    unit = _lem(toks[k]) in _PLANT_UNITS
    return "expanded" if unit and event in ("launched", "under_construction", "planned") \
        else event


def _stage_of(toks: list[Token], ph: _Phrase) -> bool:
    """The phrase is what a stage noun right before it is a stage of ("запустили вторую
    очередь завода"): a stage launched at a working plant expands it."""
    prev = _adjectives_before(toks, ph.head)[1]
    return prev is not None and _lem(prev) in _STAGES


def _capacity_grows(sent: Sentence, prev: Token | None) -> bool:
    """The facility depends on a capacity that grows ("проект по расширению мощностей
    маслоэкстракционного завода", "мощность Аткарского завода увеличится", "рост мощностей
    завода", real news dev r1_055, r6_030): the growth is news of the plant, not a measure."""
    if prev is None or _lem(prev) not in _CAPACITY:
        return False
    return any(_lem(t) in _GROWTH or _verb_lemma(t) in _GROWTH or
               STATUS_LEMMAS.get(_lem(t)) == "expanded" for t in sent.tokens)


def _governed_away(sent: Sentence, head: Token, prev: Token | None) -> bool:
    """The head depends on a noun that makes it no event of its own: a measure of output
    ("объёмы производства машин") or, in the genitive, a place or an owner ("на складе
    завода", "работники завода"); an event noun ("строительство завода") or a region
    ("области") before it does not, nor a place put after an event noun ("запуск в
    республике производства")."""
    if prev is None or _capacity_grows(sent, prev):
        return False
    if _lem(prev) in GOVERNING_NOUNS:
        return True
    if _event_at_named_part(sent, head, prev) or \
            _lem(prev) in _STAGES and (_lem(head) not in ADDED_UNITS or
                                       _stage_of_making(sent, head)):
        return False  # "вторая очередь тепличного комплекса": the plant's own stage
    k = sent.tokens.index(prev)
    if _lem(prev) in _PREPOSITION_NOUNS and k > 0 and sent.tokens[k - 1].text.lower() == "в":
        return False  # "в отношении завода": a compound preposition, no owner of the plant
    if _lem(prev) in _SPEAKER_NOUNS and (k == 0 or sent.tokens[k - 1].pos not in ("ADP", "VERB")):
        return False  # "Владелец завода Viciunai объявил об остановке работы" (r6_020)
    return head.case == "Gen" and prev.pos == "NOUN" and \
        _lem(prev) not in _EVENT_WORDS and \
        not any(sp.type == "LOC" and sp.start <= prev.start < sp.end for sp in sent.spans) \
        and not find_regions(prev.text) and \
        not _event_across_place(sent.tokens, sent.tokens.index(prev))


def _stage_of_making(sent: Sentence, head: Token) -> bool:
    """A stage of a production that says what it makes ("откроется вторая очередь
    производства по яйцу", "будет запущена первая очередь производства пустотных плит",
    real news dev r22_009, r5_019, r2_051): the production's own stage, a row of its own;
    without a product ("первая очередь производства") the word is a unit of something else."""
    if _lem(head) != "производство":
        return False
    compl = _product(sent, sent.tokens.index(head))
    return compl[2] > compl[0]


def _only_adjective(t: Token) -> bool:
    """A word the tagger calls a noun that the dictionary knows only as an adjective or a
    participle: the noun after it was cut off ("по изготовлению окутанных в плёнку плит",
    "производство рыбьего жи…", fresh real pages of session 19, r19_010, r19_029)."""
    parses = morph().parse(t.text.lower())
    return bool(parses) and parses[0].is_known and \
        all(p.tag.POS in ("ADJF", "PRTF") for p in parses)


def _only_verb(t: Token) -> bool:
    """A word the tagger calls a noun that the dictionary knows only as a finite verb: the
    head is the subject of a verb, not a making of something ("производство
    совершенствовалось", real news dev r16_014): no product follows."""
    parses = morph().parse(t.text.lower())
    return bool(parses) and parses[0].is_known and all(p.tag.POS == "VERB" for p in parses)


def _product(sent: Sentence, i: int) -> tuple[int, int, int]:
    """(start, first-NP end, end) of the product complement of the head at i, empty (all
    i + 1) when the genitive after it is a place or a company ("завод области", "завод
    «Автотора»"), not what it makes."""
    toks = sent.tokens
    cstart, first_end, cend = _complement(toks, i + 1)
    if cend > cstart and _participle_subject(toks, i, cstart):
        return i + 1, i + 1, i + 1
    if cend > cstart:
        # the first noun decides: "цех нового завода" is a part of a plant, not a product;
        # "предприятие оборонного холдинга" belongs to an owner; with no noun at all the
        # text was cut off ("производство качественного стального и чугунного ли…")
        noun = next((x for x in toks[cstart:cend] if x.pos == "PROPN"
                     or x.pos == "NOUN" and not _only_adjective(x) and not _only_verb(x)
                     or x.pos == "VERB" and _only_noun(x, "Gen")), None) or \
            (toks[cend - 1] if _can_be_noun(toks[cend - 1], toks[cend - 1].case) else None)
        # what "по выпуску" governs is made, even a facility noun ("завод по выпуску крановых
        # установок", real news dev r7_007); a genitive right after the head may be a place
        made = any(x.text.lower() == "по" for x in toks[i + 1:cstart])
        banned = NOT_PRODUCT_LEMMAS - (FACILITY_HEADS if made else frozenset())
        if noun is None or _lem(toks[cstart]) in banned or \
                _lem(noun) in (banned - _GENERIC) | _COMPANY_WORDS or \
                _vague_product(toks[cstart:cend]) or \
                any(toks[i].end <= sp.start <= toks[cstart].start < sp.end
                    for sp in sent.spans):
            # a name that starts after the head is the owner ("завод «Автотора»"); one that
            # holds the head too is the plant's own ("Алтайский завод топливных насосов")
            return i + 1, i + 1, i + 1
    return cstart, first_end, cend


def _vague_product(toks: list[Token]) -> bool:
    """A product that says nothing of what is made: a generic noun with only adjectives of
    quality or rank ("выпуску основной продукции", "производство конкурентной продукции",
    real news dev r14_003, r15_015; plant_words.csv vague_adjective): no product, where
    "молочной продукции" is one."""
    nouns = [t for t in toks if t.pos in ("NOUN", "PROPN")]
    adjs = [t for t in toks if t.pos == "ADJ"]
    return bool(nouns and adjs) and all(_lem(t) in _GENERIC for t in nouns) and \
        all(_lem(t) in _VAGUE_ADJECTIVES for t in adjs)


def _participle_subject(toks: list[Token], i: int, cstart: int) -> bool:
    """A participle before "на"/"в" and the head whose noun comes after the head
    ("Используемые на заводе технологии", "Выпускаемая на фабрике продукция"): that noun
    is what the participle tells of, not the plant's product (real news dev r22_001)."""
    if i < 2 or cstart != i + 1 or toks[i - 1].text.lower() not in ("на", "в", "во") \
            or not _participle(toks[i - 2]):
        return False
    part = morph().parse(toks[i - 2].text.lower())[0].tag
    return any(p.tag.case == part.case and p.tag.number == part.number
               and (p.tag.number == "plur" or p.tag.gender == part.gender)
               for p in morph().parse(toks[cstart].text.lower()) if p.tag.POS == "NOUN")


def _qualifies(lem: str, adjs: list[Token], i: int, cstart: int, cend: int,
               plural: bool = False) -> bool:
    """Heads that are facilities only in one construction: "мощности по выпуску X" (a bare
    "мощности" is capacity) and "атомная станция" (a bare "станция" is a stop); one with
    an adjective of a branch ("тепличный комплекс", "газохимический комплекс", real news
    dev r6_011, r6_006) is one too."""
    if lem in PO_ONLY_HEADS and not (cend > cstart and cstart > i + 1) and \
            (plural or not any(_industry_adjective(a) for a in adjs)):
        return False
    return lem != "станция" or any(a.lemma in STATION_ADJECTIVES for a in adjs)


# A plant named after a person ("завод имени Кирова", "завод им. В. И. Ленина", "авиазавод
# имени Юрия Гагарина": a first name, a patronymic and a surname, each in the genitive in -а or
# -я, a fresh real page of session 18) or by a brand in Latin letters ("завод Chery", "завод
# Bosch"): the name follows the head; a place after the surname ("имени Кирова Ленинградской
# области") is not in it.
_EPONYM = re.compile(r"\s*(?:имени|им\.)\s*(?:[А-ЯЁ]\.\s*){0,2}"
                     r"(?:[А-ЯЁ][а-яё]+[ая](?:\s+[А-ЯЁ][а-яё]+[ая]){1,2}(?![\w-])"
                     r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)")
_BRAND = re.compile(r"\s*[A-Z][A-Za-z0-9&-]+(?:\s+[A-Z][A-Za-z0-9&-]+)?(?!\w)")
# a plant named by its number ("Лесозавод № 3", "хлебозавод №3", fresh real pages f_049, r19_014)
_NUMBERED = re.compile(r"\s*№\s?\d{1,3}(?![\d\w])")


def _head_nominative(t: Token) -> str:
    """The head noun in the nominative singular; an abbreviation keeps its capitals and
    drops a case ending ("ГОКа" -> "ГОК", not "гоко")."""
    abbr = re.match(r"[А-ЯЁ]{2,}(?=[а-яё]{0,3}$)", t.text)
    if abbr:
        return abbr.group(0)
    return inflect(t.text, "nomn", "sing", UD_TO_PYMORPHY_CASE.get(t.case or "")).lower()


def _quoted_after(sent: Sentence, t: Token) -> re.Match | None:
    """The quoted name right after the head, or after a place that follows it ("один из
    крупнейших заводов России «Тяжстанкогидропресс»")."""
    after = sent.text[t.end - sent.start:]
    m = re.match(r"\s*(?:([А-ЯЁ][а-яё-]+)\s+)?«([^»]{1,60})»", after)
    if m is None:
        # "Первый завод – «Эгида», который будет производить …" (real news dev r1_010): a
        # short capitalised name after a dash
        m = re.match(r"\s*[–—-]\s*()«([А-ЯЁA-Z][^»]{0,40})»", after)
        if m and len(m.group(2).split()) > _NAME_WORDS:
            return None
    if m is None:
        # straight or English quotes: 'комбината "Сибирь"', 'завода “АМКОДОР”' (real news dev
        # r3_036, r1_032); a short capitalised name
        m = re.match(r"\s*()[\"“]([А-ЯЁA-Z][^\"“”«»]{0,40})[\"”]", after)
        if m and len(m.group(2).split()) > _NAME_WORDS:
            return None
    if m and m.group(1):
        at = t.end + m.start(1)
        if not any(sp.type == "LOC" and sp.start <= at < sp.end for sp in sent.spans):
            return None
    if m and _scare_quoted_verb(m.group(2)):
        return None  # 'завод «встал»' (real news dev r22_019): a verb in quotes, no name
    return m


def _scare_quoted_verb(text: str) -> bool:
    """A word in lower case the dictionary reads first as a verb ("встал", "заморозили"):
    the quotes mark a manner of speaking, not a name."""
    words = text.split()
    if not words or not words[0][:1].islower():
        return False
    parse = morph().parse(words[0])[0]
    return parse.tag.POS in ("VERB", "INFN", "PRTS", "GRND")


# weak heads that, named in quotes, are a plant when they stop or close ("Предприятие
# «Алтайвагон» приостановило производство", real news dev r3_002): a company that stops
# working is the plant it runs
_STOPPABLE_HEADS = frozenset({"предприятие"})
_STOP_STATUSES = frozenset({"suspended", "closed"})


def _owner_after(sent: Sentence, i: int) -> tuple[str, int] | None:
    """("компании «Дизель»", end offset) when the head at i is followed by its owner in the
    genitive: a company word or a legal form and a quoted name ("строительство нового завода
    компании «Дизель»", real news dev r1_019): the plant is named by whose it is."""
    toks = sent.tokens
    if i + 2 >= len(toks):
        return None
    word = toks[i + 1]
    if not (_lem(word) in _COMPANY_WORDS and word.case == "Gen" or word.text in _LEGAL_FORMS):
        return None
    m = re.match(r"\s*«([^«»]{1,60})»", sent.text[word.end - sent.start:])
    if m is None:
        return None
    return f"{word.text.lower() if word.text not in _LEGAL_FORMS else word.text} " \
        f"«{m.group(1)}»", word.end + m.end()


# a company named in Latin letters after its noun ("холдинга OBO Betterman")
_LATIN_OWNER = re.compile(r"\s+([A-Z][A-Za-z0-9&'-]+(?:\s+[A-Z][A-Za-z0-9&'-]+){0,2})(?![\w«])")


def _latin_owner_after(sent: Sentence, i: int) -> tuple[str, int] | None:
    """("немецкого холдинга OBO Betterman", end offset) when the head at i is followed by a
    company noun in the genitive, with at most one adjective before it, and the company's
    Latin name ("открытие завода немецкого холдинга OBO Betterman", "завод японской компании
    Yokohama", real news dev r22_039): the plant is named by whose it is, as "завод
    компании «X»" is (_owner_after)."""
    toks = sent.tokens
    k = i + 1
    if k < len(toks) and toks[k].pos == "ADJ" and toks[k].case == "Gen":
        k += 1
    if k >= len(toks) or _lem(toks[k]) not in _COMPANY_WORDS or toks[k].case != "Gen":
        return None
    m = _LATIN_OWNER.match(sent.text[toks[k].end - sent.start:])
    if m is None:
        return None
    words = " ".join(x.text.lower() for x in toks[i + 1:k + 1])
    return f"{words} {m.group(1)}", toks[k].end + m.end()


def _owner_then_product(sent: Sentence, head_nom: str, owner: tuple[str, int]
                        ) -> tuple[str, int, str | None] | None:
    """"завод компании «Профессионал» по производству дорожно-строительной техники" (real
    news dev r10_002): a product complement after the owner names the plant by what it makes
    ("завод по производству дорожно-строительной техники"), as a reader writes it."""
    toks = sent.tokens
    k = next((j for j, x in enumerate(toks) if x.start >= owner[1]), None)
    if k is None or _po_action(toks, k) is None:
        return None
    cstart, first_end, cend = _complement(toks, k)
    if cend <= cstart:
        return None
    product = _nominative(toks[cstart:cend], first_end - cstart, sent.text, sent.start)
    tail = " ".join(x.text for x in toks[k:cend] if not _in_quantity(x)).lower()
    return f"{head_nom} {tail}", toks[cend - 1].end, product


def _product_after_name(sent: Sentence, offset: int) -> str | None:
    """The product of "по выпуску X" right after a plant's quoted name ("завод «Элиста
    Энергомаш» по производству электротехнического оборудования", real news dev r11_027)."""
    toks = sent.tokens
    k = next((j for j, x in enumerate(toks) if x.start >= offset), None)
    if k is None or _po_action(toks, k) is None:
        return None
    cstart, first_end, cend = _complement(toks, k)
    if cend <= cstart:
        return None
    return _nominative(toks[cstart:cend], first_end - cstart, sent.text, sent.start)


_OWNER_IN_NAME = re.compile(r"^\S+ (?:\S+ )«([^«»]+)»$")


def _name_and_end(sent: Sentence, i: int, compl: tuple[int, int, int], weak: bool,
                  has_name: bool, industry: bool = False) -> tuple[str, int, str | None] | None:
    """(name without the adjectives, end offset, product) of the phrase headed at i: the
    head with its product complement ("завод выхлопных систем"), with a quoted name
    ("завод «Ревякино»"), or alone when adjectives or the head itself say what it is;
    None for a head that says nothing ("семь новых заводов")."""
    toks = sent.tokens
    t = toks[i]
    cstart, first_end, cend = compl
    head_nom = _head_nominative(t)
    after = sent.text[t.end - sent.start:]
    if not weak and (m := _EPONYM.match(after) or _BRAND.match(after)):
        # "завод имени Кирова", "завод им. Баранова", "завод Chery": a proper name
        return f"{head_nom} {' '.join(m.group(0).split())}", t.end + m.end(), None
    if cend > cstart:
        product = _nominative(toks[cstart:cend], first_end - cstart, sent.text, sent.start)
        begin = _past_place(toks, i + 1)
        tail = " ".join(x.text for k, x in enumerate(toks[begin:cend], begin)
                        if not (k < cstart and _in_quantity(x))).lower()
        return f"{head_nom} {tail}", toks[cend - 1].end, product
    if not weak and _lem(t) not in ADDED_UNITS and (m := _NUMBERED.match(after)):
        return f"{head_nom} {m.group(0).strip()}", t.end + m.end(), None
    if not weak and (own := _name_in_company(sent, t)):
        # the match is in the sentence's text: its end is an offset there
        return f"{head_nom} «{own.group(1)}»", sent.start + own.end() - 1, None
    quoted = _quoted_after(sent, t)
    if quoted and (not weak or _lem(t) in _STOPPABLE_HEADS and not quoted.group(1)):
        # a weak head with a name ("предприятие «Алтайвагон»") is kept only when it stops
        # (_phrase_status)
        return f"{head_nom} «{_quoted_nominative(quoted.group(2), t)}»", \
            t.end + quoted.end(), _product_after_name(sent, t.end + quoted.end())
    if not has_name and _lem(t) not in SELF_NAMED_HEADS and \
            (owner := _owner_after(sent, i) or _latin_owner_after(sent, i)) and \
            (not weak or sent.tokens[i + 1].text in _LEGAL_FORMS):
        # a weak head only with a legal form: "старт производству ЗАО «Промтех»" (real news
        # dev r1_053), not "производство компании …" (what a company makes)
        return _owner_then_product(sent, head_nom, owner) or (f"{head_nom} {owner[0]}",
                                                              owner[1], None)
    if has_name and (not weak or industry) or _lem(t) in SELF_NAMED_HEADS:
        return head_nom, t.end, None
    return None


def _quoted_nominative(quoted: str, head: Token) -> str:
    """A quoted name that declines with its head put into the nominative: "птицефабрики
    «Орловской»" -> «Орловская», "завода «Красного Октября»" -> «Красный Октябрь» (real news
    dev r16_013, gold "птицефабрика «Орловская»"). Only a name whose first word is an
    adjective in the head's case, gender and number and no nominative; others stay as
    written («Заря», «Брюховецкий»)."""
    case = UD_TO_PYMORPHY_CASE.get(head.case or "")
    words = quoted.split()
    if case in (None, "nomn") or not words:
        return quoted
    first = morph().parse(words[0].lower())
    if any("nomn" in p.tag for p in first) or not any(
            p.tag.POS == "ADJF" and case in p.tag and _agrees(p, head) for p in first):
        return quoted
    noun = next((p for w in words for p in morph().parse(w.lower())
                 if p.tag.POS == "NOUN" and case in p.tag), None)
    out = []
    for k, w in enumerate(words):
        parses = [p for p in morph().parse(w.lower())
                  if p.tag.POS in ("ADJF", "NOUN") and case in p.tag]
        if not parses:
            return " ".join(out + words[k:])
        # an adjective takes the gender of the name's noun ("Красного Октября" -> "Красный")
        agreed = [p for p in parses if p.tag.POS == "ADJF" and noun is not None
                  and (p.tag.number == "plur" or p.tag.gender == noun.tag.gender)]
        form = (agreed or parses)[0].inflect({"nomn"})
        out.append(keep_case(w, form.word) if form else w)
    return " ".join(out)


def _agrees(adj: object, head: Token) -> bool:
    """The adjective's parse has the head's number and, in the singular, its gender."""
    number = {"Sing": "sing", "Plur": "plur"}.get(head.feats.get("Number", ""))
    gender = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}.get(head.feats.get("Gender", ""))
    tag = adj.tag  # type: ignore[attr-defined]
    return (number is None or tag.number == number) and \
        (number == "plur" or gender is None or tag.gender == gender)


def _industry_adjective(tok: Token) -> bool:
    """An adjective that names a branch of processing ("газоперерабатывающее",
    "деревообрабатывающее", "лакокрасочное"; plant_words.csv role industry_adjective, matched
    as the end of the lemma): with it a weak head is a facility ("газоперерабатывающее
    предприятие", real news dev r2_046), not a company ("совместное предприятие")."""
    lem = _lem(tok)
    return any(lem.endswith(suffix) for suffix in _INDUSTRY_ADJECTIVES)


def _activity_of_company(toks: list[Token], k: int) -> bool:
    """The production starting at token k is a company's line of business, not a facility:
    it depends on a verb of activity ("занимается производством кормов", "специализирующееся
    на выпуске экранов", real news dev r5_003, r5_030, r6_024). A facility as the verb's
    subject, or one pointed back to, makes it that facility's product instead ("завод
    специализируется на выпуске шин"; "этот филиал специализируется на производстве
    спецодежды", real news dev r1_023)."""
    j = k - 1
    if j >= 0 and toks[j].text.lower() == "на":
        j -= 1
    return j >= 0 and _verb_lemma(toks[j]) in _ACTIVITY_VERBS and \
        not any(_lem(x) in FACILITY_HEADS - WEAK_HEADS | _ANAPHORS for x in toks[:j])


def _verb_lemma(tok: Token) -> str:
    """The infinitive of a verb or participle ("занимающихся" -> "заниматься")."""
    return _verb_lemma_of(tok.text.lower(), tok.lemma)


@lru_cache(maxsize=65536)
def _verb_lemma_of(word: str, lemma: str) -> str:
    """_verb_lemma of a token's lower-case text and lemma, memoised: the status rules ask it
    of every word of a sentence for every candidate."""
    for parse in morph().parse(word):
        if parse.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND"):
            return parse.normal_form.replace("ё", "е")
    return lemma.replace("ё", "е")


def _phrase_at(sent: Sentence, i: int) -> _Phrase | None:
    """The facility phrase headed by token i, or None when the head is no plant here."""
    toks = sent.tokens
    t = toks[i]
    lem = _lem(t)
    adjs, prev = _adjectives_before(toks, i)
    if _governed_away(sent, t, prev) or \
            any(_lem(x) in _ANAPHORS for x in [*adjs, *([prev] if prev else [])]):
        return None  # "данный цех", "эта площадка": a facility named before, or none
    if t.feats.get("Number") == "Plur" and \
            any(_lem(x) in _CLASS_POSSESSIVES for x in [*adjs, *([prev] if prev else [])]):
        return None  # "наши предприятия сыроделия": the speaker's region's plants, a class
    if lem in WEAK_HEADS and (_activity_of_company(toks, i - len(adjs)) or
                              prev is not None and _verb_lemma(prev) in _OUTPUT_GROWTH):
        return None  # "занимается производством кормов", "увеличила производство шпона"
    named = bool(adjs) and _is_proper_adjective(adjs[0], i - len(adjs) == 0) or \
        not adjs and _name_in_company(sent, t) is not None  # "АО «Завод Фиолент»" exists
    relational = [a for a in adjs if a.lemma not in NON_NAME_ADJECTIVES
                  and not find_regions(a.text) and not _participle(a)]
    name_adjs = [a for a in adjs if named or a in relational]
    if lem in WEAK_HEADS and adjs and _quoted_after(sent, t) and \
            all(region_of_place_adjective(a.text) for a in adjs):
        name_adjs = []  # "Кирово-Чепецкое предприятие «X»": where the company is, not its
        # kind, as "Торговое предприятие «X»" is; a reader names it "предприятие «X»" (r22_020)
    compl = _product(sent, i)
    if lem in WEAK_HEADS and t.case == "Nom" and _output_grows(toks, max(i + 1, compl[2])):
        return None  # "Производство сыра в крае увеличилось": a statistic, no facility
    counted = bool(prev and prev.pos == "NUM")  # "пять свиноводческих комплексов" (r13_002)
    if not _qualifies(lem, adjs, i, compl[0], compl[2],
                      t.feats.get("Number") == "Plur" and not counted):
        return None
    if t.feats.get("Number") == "Plur" and compl[2] <= compl[0] and \
            not _quoted_after(sent, t) and not (prev and prev.pos == "NUM") and \
            not (adjs and _joined_adjective(toks, i - len(adjs))):
        return None  # "металлургические заводы области": a class of plants, not one
    weak = lem in WEAK_HEADS
    found = _name_and_end(sent, i, compl, weak, bool(relational) or named,
                          any(_industry_adjective(a) for a in relational))
    if found is None:
        return None
    name, end, product = found
    name = name.replace(" : ", " ")  # "два завода: по производству X"
    head = name.split()[0]
    prefix = " ".join(_adj_nom(a, named and a.text[:1].isupper(), head) for a in name_adjs)
    if prefix:
        name = f"{prefix} {name}"
    return _Phrase(name_adjs[0].start if name_adjs else t.start, end, name.replace("ё", "е"),
                   product, i, named, weak, adjs[0].text if named and adjs else None, lem,
                   compl[2] if compl[2] > compl[0] else 0,
                   t.feats.get("Number") == "Plur" or bool(prev and prev.pos == "NUM"),
                   counted=bool(prev and prev.pos == "NUM"))


def _output_grows(toks: list[Token], j: int) -> bool:
    """A verb of growth or fall (plant_words.csv growth_word, output_fall) right after the
    phrase that ends at j, past a place and adverbs ("Производство молока в области выросло
    на 5%", "производство яиц упало", real news dev r22_016): the subject is a volume of
    output."""
    if j < len(toks) and toks[j].text.lower() in ("в", "на"):
        j += 1
        while j < len(toks) and toks[j].pos in ("ADJ", "PROPN", "NOUN") and toks[j].case == "Loc":
            j += 1
    while j < len(toks) and toks[j].pos == "ADV":
        j += 1
    return j < len(toks) and toks[j].pos == "VERB" and \
        _verb_lemma(toks[j]) in _GROWTH | _OUTPUT_FALLS


def _joined_adjective(toks: list[Token], k: int) -> bool:
    """An adjective and "и" before token k: "цементный и известковый заводы" names two
    plants of a plural head, not a class of plants (_coordinated_adjective)."""
    return k >= 2 and toks[k - 1].text.lower() == "и" and _adjective_like(toks[k - 2])


def _adjective_like(tok: Token) -> bool:
    """An adjective, or one the tagger read as a noun ("цементный и известковый")."""
    return tok.pos == "ADJ" or _place_adjective(tok) or tok.pos == "NOUN" and \
        morph().parse(tok.text.lower())[0].tag.POS == "ADJF"


def _dashed_kinds(sent: Sentence, i: int) -> list[_Phrase]:
    """Plants a counted or plural head lists by adjectives after a dash ("Два завода —
    цементный и известковый — построят", real news dev r7_028): "цементный завод" and
    "известковый завод"."""
    toks = sent.tokens
    t = toks[i]
    counted = i > 0 and toks[i - 1].pos == "NUM"
    if not (counted or t.feats.get("Number") == "Plur") or _lem(t) in WEAK_HEADS or \
            i + 1 >= len(toks) or toks[i + 1].text not in _DASHES:
        return []
    adjs: list[Token] = []
    j = i + 2
    while j < len(toks) and _adjective_like(toks[j]) and not _participle(toks[j]) and \
            _lem(toks[j]) not in NON_NAME_ADJECTIVES:
        adjs.append(toks[j])
        j += 1
        if j < len(toks) and toks[j].text.lower() in (",", "и"):
            j += 1
    if len(adjs) < 2 or toks[j - 1].text.lower() in (",", "и"):
        return []
    head = _head_nominative(t)
    return [_Phrase(a.start, a.end, f"{_adj_nom(a, False, head)} {head}", None, i, False,
                    False, None, _lem(t), j) for a in adjs]


_DASHES = frozenset({"—", "–", "-"})


def _coordinated_adjective(sent: Sentence, ph: _Phrase) -> _Phrase | None:
    """A second facility named by an adjective joined to the first one's ("открытие
    лакокрасочного и оптоволоконного производства", real news dev r2_044): two facilities of
    one head, "лакокрасочное производство" and "оптоволоконное производство"."""
    toks = sent.tokens
    k = next((j for j, t in enumerate(toks) if t.start == ph.start), None)
    plural = toks[ph.head].feats.get("Number") == "Plur"
    if ph.named and not plural or k is None or k < 2 or k == ph.head or \
            toks[k - 1].text.lower() != "и":
        return None
    adj = toks[k - 2]
    # the tagger may read a lone adjective before "и" as a noun ("лакокрасочное и …")
    adjective = adj.pos == "ADJ" and adj.case == toks[k].case or _place_adjective(adj) or \
        adj.pos == "NOUN" and morph().parse(adj.text.lower())[0].tag.POS == "ADJF"
    proper = plural and adj.text[:1].isupper()
    if not adjective or _lem(adj) in NON_NAME_ADJECTIVES or _participle(adj) or \
            find_regions(adj.text) and not proper:
        return None
    head = ph.name.split()[ph.head - k]  # the words before the head are its adjectives
    if plural:
        # "на Балаковском и Аткарском маслоэкстракционных заводах" (real news dev r1_055):
        # one plant of each adjective, the others shared
        ph.plural = False
        rest = " ".join(ph.name.split()[1:])
        return replace(ph, start=adj.start, end=adj.end, covers=0,
                       name=f"{_adj_nom(adj, proper, head)} {rest}", named=proper or ph.named,
                       place=adj.text if proper else ph.place)
    return replace(ph, start=adj.start, end=adj.end,
                   name=f"{_adj_nom(adj, False, head)} {head}", product=None, covers=0)


def _fold_apposition(sent: Sentence, found: list[_Phrase]) -> None:
    """"на Дмитровском заводе газобетонных изделий - предприятии по производству стеновых
    блоков" (after real news dev r8_023): a weak head after a dash right behind a facility
    phrase says again what that facility is; it gives the product it lacked, no row."""
    for ph in [p for p in found if p.weak]:
        before = next((p for p in found if p is not ph and p.end <= ph.start and
                       re.fullmatch(r"\s*[-–—]\s*",
                                    sent.text[p.end - sent.start:ph.start - sent.start])),
                      None)
        if before is None:
            continue
        found.remove(ph)
        if before.product is None:
            before.product = ph.product


_NAME_AFTER_DASH = re.compile(r"\s*[-–—]\s*(?:[А-ЯЁ][а-яё-]*\s+)?")


def _fold_into_name_after(sent: Sentence, found: list[_Phrase]) -> None:
    """"Запущено первое в России производство синтетических тканей — Первая ткацкая фабрика"
    (real news dev r8_005, a real public page telling the same plant): a capitalised facility
    name after a dash right behind a weak head names the facility the weak head told; one
    row, by that name, with the product it lacked (the reverse of _fold_apposition)."""
    for ph in [p for p in found if p.weak and p.product]:
        rel = ph.end - sent.start
        after = next((p for p in found if p is not ph and not p.weak and p.start >= ph.end and
                      _NAME_AFTER_DASH.fullmatch(sent.text, rel, p.start - sent.start)), None)
        if after is None or not sent.text[rel:].lstrip(" -–—")[:1].isupper():
            continue
        found.remove(ph)
        if after.product is None:
            after.product = ph.product


def _fold_production_into_named(found: list[_Phrase], toks: list[Token]) -> None:
    """"Брянский завод расширил производство тепловозов": the "производство" is what the
    named plant makes, not a facility of its own."""
    named_plants = [p for p in found if p.named]
    if not named_plants:
        return
    for p in [p for p in found if p.weak and toks[p.head].lemma == "производство"]:
        found.remove(p)
        if named_plants[0].product is None:
            named_plants[0].product = p.product


_ABBREVIATION = re.compile(r"[А-ЯЁ]{2,5}")  # a product named by its abbreviation ("СПГ")


def _listed_products(sent: Sentence, ph: _Phrase) -> list[_Phrase]:
    """Plants of a plural head listed by product ("предприятия по производству мебели,
    полимерных труб, а также кормового белка", "заводы бытовой химии, очистных сооружений"):
    one row per product, each with the head and its "по производству"."""
    toks = sent.tokens
    head = toks[ph.head]
    po = ph.head + 2 if ph.head + 1 < len(toks) and toks[ph.head + 1].text == ":" else \
        ph.head + 1  # "два новых завода: по производству X и по обработке Y"
    # "заводы бытовой химии, очистных сооружений и СПГ" (real news dev r15_006): the
    # genitive list right after the head, as after its "по производству"
    genitive = po == ph.head + 1 < len(toks) and toks[po].case == "Gen" and \
        toks[po].pos in ("ADJ", "NOUN")
    if head.feats.get("Number") != "Plur" and not ph.counted or not ph.covers or \
            po + 1 >= len(toks) or toks[po].text.lower() != "по" and not genitive:
        return []
    cstart = _complement(toks, ph.head + 1)[0]
    words = ph.name.split()
    prefix = " ".join(words[:len(words) - (ph.covers - cstart)])
    out: list[_Phrase] = []
    j = ph.covers
    while j < len(toks) and toks[j].text.lower() in _LIST_LINKS:
        k = j
        while k < len(toks) and toks[k].text.lower() in _LIST_LINKS:
            k += 1
        start, first_end, end = _complement(toks, k)
        if end == start and k < len(toks) and _ABBREVIATION.fullmatch(toks[k].text):
            start, first_end, end = k, k + 1, k + 1  # "заводы бытовой химии и СПГ"
        noun = next((x for x in toks[start:end] if x.pos == "NOUN" or
                     _ABBREVIATION.fullmatch(x.text)), None)
        if end == start or noun is None or _lem(noun) in NOT_PRODUCT_LEMMAS or \
                any(sp.start <= toks[start].start < sp.end for sp in sent.spans):
            break
        product = _nominative(toks[start:end], first_end - start, sent.text, sent.start)
        tail = " ".join(x.text for x in toks[start:end]).lower()
        if end == start + 1 and _ABBREVIATION.fullmatch(toks[start].text):
            product = tail = toks[start].text  # an abbreviation keeps its capitals
        name = f"{prefix} {tail}"
        if toks[k].text.lower() == "по" and " по " in prefix:
            # its own action: "… и по обработке семян" -> "завод по обработке семян"
            name = f"{prefix.split(' по ')[0]} {' '.join(x.text for x in toks[k:end]).lower()}"
        out.append(replace(ph, start=toks[start].start, end=toks[end - 1].end,
                           name=name, product=product, covers=end))
        j = end
    return out


def _named_plant_acts(sent: Sentence, found: list[_Phrase]) -> bool:
    """A plant with a name is in the sentence ("Тверской вагоностроительный завод начал
    выпуск вагонов"): what it begins to make is its product, not a plant of its own."""
    return any(p.named for p in found) or \
        any(sp.type == "ORG" and sp.normal.split() and lemma(sp.normal.split()[-1]) in _HOSTS
            for sp in sent.spans)


def _output_np(toks: list[Token], j: int) -> tuple[int, int, int, str] | None:
    """(start, first-NP end, end, genitive text) of what the output word at j makes: the
    genitive after a noun ("выпуск влажных кормов для питомцев"), the accusative after a verb
    ("выпускать фанеру", put into the genitive); None for a general word ("продукции")."""
    if toks[j].pos == "VERB":
        end = _np_end(toks, j + 1, "Acc")
        if end == j + 1:
            return None
        gen = " ".join(inflect(x.text, "gent", None, "accs") if x.pos in ("NOUN", "ADJ")
                       else x.text for x in toks[j + 1:end])
        start, first_end = j + 1, end
    else:
        start, first_end, end = _complement(toks, j + 1)
        if end == start:
            return None
        gen = " ".join(x.text for x in toks[start:end])
    noun = next((x for x in toks[start:end] if x.pos == "NOUN"), None)
    if noun is None or _lem(noun) in NOT_PRODUCT_LEMMAS | _GENERIC:
        return None
    return start, first_end, end, gen.lower()


def _output_phrase(sent: Sentence, covered: set[int]) -> _Phrase | None:
    """Production begun with no facility noun ("начался выпуск кормов", "приступил к выпуску
    шин", "начнут выпускать фанеру"): a verb of beginning, then within three words a word of
    output (output_word in plant_words.csv) and its object: "производство X"."""
    toks = sent.tokens
    for k, t in enumerate(toks):
        if _lem(t) not in _ASPECT_VERBS:
            continue
        first = _past_region(toks, k + 1)
        for j in range(first, min(first + 3, len(toks) - 1)):
            if _lem(toks[j]) not in _OUTPUT_WORDS or j in covered:
                continue
            if _model_after(toks, j):
                return None  # "запуск производства модели Ford Transit": a model at a plant
            found = _output_np(toks, j)
            if found is None or any(sp.start <= toks[found[0]].start < sp.end
                                    for sp in sent.spans):
                return None
            start, first_end, end, gen = found
            product = _nominative(toks[start:end], first_end - start, sent.text, sent.start)
            return _Phrase(toks[j].start, toks[end - 1].end, f"производство {gen}",
                           product, j, False, True, None, "производство", end)
    return None


def _past_region(toks: list[Token], i: int) -> int:
    """Past a region or town in the locative right after a verb of beginning ("наладить в
    Псковской области промышленный выпуск пищевых ингредиентов", real news dev r17_038): the
    index after it, else i."""
    if i >= len(toks) or toks[i].text.lower() not in ("в", "во"):
        return i
    j = i + 1
    while j < min(i + 4, len(toks)) and toks[j].pos in ("ADJ", "PROPN", "NOUN") and \
            toks[j].case == "Loc":
        j += 1
    if j == i + 1 or not find_regions(" ".join(x.text for x in toks[i + 1:j])):
        return i
    return j


def _object_list(toks: list[Token], j: int) -> list[tuple[int, int, int]]:
    """(start, noun-phrase end, end) of each object of the verb at j, listed with commas and
    "и" ("производить строительную известь, сухие смеси и изделия из бетона"): adjectives and
    a noun in the accusative (the tagger may say nominative), and an "из + genitive"."""
    out: list[tuple[int, int, int]] = []
    k = j + 1
    while k < len(toks):
        start = k
        while k < len(toks) and toks[k].pos == "ADJ" and toks[k].case in ("Acc", "Nom"):
            k += 1
        if k >= len(toks) or toks[k].pos != "NOUN" or toks[k].case not in ("Acc", "Nom"):
            break
        k += 1
        np_end = k
        if k + 1 < len(toks) and toks[k].text.lower() in ("из", "для"):
            k = max(k, _np_end(toks, k + 1, "Gen"))
        out.append((start, np_end, k))
        if k < len(toks) and toks[k].text in (",", "и") and k + 1 < len(toks) and \
                toks[k + 1].text.lower() not in ("а", "но"):
            k += 1
            continue
        break
    return out


def _counted_head(sent: Sentence | None) -> Token | None:
    """A facility noun counted in the sentence ("открытие сразу трех предприятий",
    "заводы"): what "они" of the next sentence may stand for."""
    if sent is None:
        return None
    toks = sent.tokens
    return next((t for k, t in enumerate(toks) if _lem(t) in FACILITY_HEADS and t.pos == "NOUN"
                 and (t.feats.get("Number") == "Plur" or k and toks[k - 1].pos == "NUM")), None)


def _plural_heads_making(sent: Sentence, covered: set[int], before: Sentence | None = None
                         ) -> list[_Phrase]:
    """Plants a plural facility noun names by the verb of output that follows it
    ("Заводы будут производить строительную известь, сухие смеси и изделия из бетона",
    real news dev r2_034), or "они" after a sentence that counts facilities ("открытие трех
    предприятий. Они будут выпускать обогреватели, светильники и черепицу", r1_014): one
    plant per object, "завод по производству извести"."""
    toks = sent.tokens
    out: list[_Phrase] = []
    counted = _counted_head(before)
    for i, t in enumerate(toks):
        if t.pos == "PRON" and _lem(t) == "они" and counted is not None and i < 2:
            t = counted  # "Они" stands for the facilities just counted
        elif i in covered or _lem(t) not in FACILITY_HEADS or _lem(t) in WEAK_HEADS or \
                t.pos != "NOUN" or t.case != "Nom" or t.feats.get("Number") != "Plur":
            continue
        j = next((j for j in range(i + 1, min(i + 3, len(toks)))
                  if toks[j].pos == "VERB" and _lem(toks[j]) in _OUTPUT_WORDS), None)
        if j is None:
            continue
        head = _head_nominative(t)
        for start, np_end, end in _object_list(toks, j):
            noun = toks[np_end - 1]
            if _lem(noun) in NOT_PRODUCT_LEMMAS | _GENERIC:
                continue
            gen = " ".join(inflect(x.text, "gent", None, UD_TO_PYMORPHY_CASE.get(x.case or ""))
                           if k < np_end else x.text
                           for k, x in enumerate(toks[start:end], start)).lower()
            product = " ".join(inflect(x.text, "nomn", None,
                                       UD_TO_PYMORPHY_CASE.get(x.case or ""))
                               if k < np_end else x.text
                               for k, x in enumerate(toks[start:end], start)).lower()
            action = "выпуску" if _lem(toks[j]) == "выпускать" else "производству"
            out.append(_Phrase(toks[start].start, toks[end - 1].end,
                               f"{head} по {action} {gen}", product, i, False, False,
                               None, _lem(t), end, True, True))
    return out


def _plural_heads_in_places(sent: Sentence, covered: set[int]) -> list[_Phrase]:
    """A plural head with a kind or an owner of its own and no product, then the places of
    its plants ("строит лесопильные заводы в Суоярви и в Пиндушах", "конвейеры заводов
    АВТОВАЗ в Тольятти и Ижевске временно приостановят работу", real news dev r10_010,
    r17_028): one plant in each place, named with it ("лесопильный завод в Суоярви", "завод
    АВТОВАЗ в Ижевске", as the annotators did). A bare plural ("двух заводов в Белгородской
    и Ульяновской областях") says too little of what the plants are to be rows."""
    toks = sent.tokens
    out: list[_Phrase] = []
    places = None
    for i, t in enumerate(toks):
        if i in covered or t.pos != "NOUN" or t.feats.get("Number") != "Plur" or \
                _lem(t) not in FACILITY_HEADS or _lem(t) in WEAK_HEADS or \
                i > 0 and toks[i - 1].text.lower() == "по":
            continue
        adjs, prev = _adjectives_before(toks, i)
        if prev is not None and prev.pos == "NOUN" and _lem(prev) not in _PLANT_PARTS and \
                _governed_away(sent, t, prev) or \
                any(_lem(x) in _ANAPHORS for x in [*adjs, *([prev] if prev else [])]):
            continue  # "продукция заводов в …", "эти заводы": no plants of their own
        kind = [a for a in adjs if a.lemma not in NON_NAME_ADJECTIVES
                and not find_regions(a.text) and not _participle(a)]
        j = i + 1
        owner = []
        while j < len(toks) and toks[j].text[:1].isupper() and toks[j].pos in ("PROPN", "NOUN"):
            owner.append(toks[j])  # "заводов АВТОВАЗ"
            j += 1
        if not kind and not owner or j + 3 >= len(toks) or toks[j].text.lower() != "в":
            continue
        if places is None:
            places = find_regions(sent.text)
        spots = _listed_places(sent, j, places)
        if len(spots) < 2:
            continue
        head = _head_nominative(t)
        words = [_adj_nom(a, False, head) for a in kind] + [head] + [x.text for x in owner]
        for start, end, at in spots:
            name = " ".join([*words, "в", sent.text[start - sent.start:end - sent.start]])
            out.append(_Phrase(t.start if not out else start, end, name.replace("ё", "е"),
                               None, i, False, False, lemma=_lem(t), covers=i + 1, at=at))
        covered.update(range(i, j))
    return out


def _listed_places(sent: Sentence, j: int, places: list[RegionMention]
                   ) -> list[tuple[int, int, int]]:
    """The places "в X и (в) Y" from token j ("в"): (start, end, offset after) of each place,
    a capitalised word, at least one of them a place the gazetteer knows ("в Суоярви и в
    Пиндушах"); [] when the list is not one of places."""
    toks = sent.tokens
    spots: list[tuple[int, int, int]] = []
    known = False
    k = j
    while k < len(toks):
        if toks[k].text.lower() == "в":
            k += 1
        if k >= len(toks) or not toks[k].text[:1].isupper() or \
                toks[k].pos not in ("PROPN", "NOUN", "ADJ"):
            return []
        place = toks[k]
        off = place.start - sent.start
        known = known or any(m.start <= off < m.end for m in places)
        spots.append((place.start, place.end, place.end))
        k += 1
        if k + 1 < len(toks) and toks[k].text.lower() in ("и", ","):
            k += 1
            continue
        break
    return spots if known else []

# a company of a list: a quoted name (one level of nested quotes), or a name of capitalised
# words with no quotes ("БС Процессинг", "АЛУ-ПРО"); a list whose names follow legal forms is
# cut at each form, as such lists leave quotes unclosed ("ПАО «Завод «Симферопольсельмаш», …")
_LISTED_QUOTED = re.compile(r"«([^«»]*(?:«[^«»]*»[^«»]*)?)»")
_BRACKETED = re.compile(r"\s*\([^()]*\)\s*")  # a town in brackets after a listed name
_LISTED_STRAIGHT = re.compile(r'"([^"«»]*)"')  # many sites type straight quotes: АО "Завод"
_LISTED_BARE = re.compile(r"[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*){0,3}(?![\w«])")
_LISTED_SEP = re.compile(r"\s*,\s*(?:а\s+также\s+)?|\s+и\s+")


@lru_cache(maxsize=2)
def _legal_re(forms: frozenset[str]) -> re.Pattern:
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:{alts})(?:\s+[А-ЯЁ]{{2,4}})?\s*[«\"]")


def _legal_item(text: str, pos: int) -> re.Match | None:
    """A legal form (and a region's letters: "ГУП РК") and the quote opening a name at pos."""
    return _legal_re(_LEGAL_FORMS).match(text, pos)


def _balanced(name: str) -> str:
    """A name cut from a list without the quotes it does not open ("Пневматика»"), a name in
    straight quotes without its closing one ('Выксунский металлургический завод"')."""
    name = name.strip()
    if name.endswith('"') and name.count('"') % 2:
        name = name[:-1].rstrip()
    while name.endswith("»") and name.count("»") > name.count("«"):
        name = name[:-1]
    return name + "»" * (name.count("«") - name.count("»"))


def _company_items(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, kind: legal, quoted or bare) of the companies a list at the start
    of `text` names, one after another with commas and "и", all of one kind."""
    items: list[tuple[int, int, str, str]] = []
    pos = 0
    while True:
        if (legal := _legal_item(text, pos)) is not None:
            nxt = next((m for m in _LISTED_SEP.finditer(text, legal.end())
                        if _legal_item(text, m.end())), None)
            last = (_LISTED_STRAIGHT if text[legal.end() - 1] == '"' else _LISTED_QUOTED
                    ).match(text, legal.end() - 1)
            stop = nxt.start() if nxt else last.end() if last else None
            if stop is None:
                break
            name = text[legal.end():stop]
            if last and last.end() <= stop and _BRACKETED.fullmatch(text, last.end(), stop):
                name = last.group(1)  # "ООО «Машиностроительный завод» (Вичуга), …": a town
            items.append((pos, stop, _balanced(name), "legal"))
            if nxt is None:
                break
            pos = nxt.end()
            continue
        m = _LISTED_QUOTED.match(text, pos) or _LISTED_BARE.match(text, pos)
        kind = "quoted" if m is not None and m.re is _LISTED_QUOTED else "bare"
        if m is None or items and kind != items[0][3]:
            break
        items.append((m.start(), m.end(), m.group(1) if kind == "quoted" else m.group(0), kind))
        # 'заводы «Авира» (выпуск оборудования) и «Упакс-Юнити»' (real news dev r12_001): a
        # note in brackets after a quoted name, as after a legal one
        end = len(text[:br.end()].rstrip()) if kind == "quoted" and \
            (br := _BRACKETED.match(text, m.end())) else m.end()
        sep = _LISTED_SEP.match(text, end)
        if sep is None:
            break
        pos = sep.end()
    return items


@lru_cache(maxsize=2)
def _list_opener(words: frozenset[str]) -> re.Pattern:
    """Up to two words in the genitive ("предприятий города"), then a word that opens a
    list ("среди которых") or a colon, before the first name; up to five such words before a
    colon or a dash ("производства нескольких резидентов особой экономической зоны: «А»")."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # a dash may be a spaced hyphen, as many sites type it ("о следующих заводах - АО …")
    dash = r"(?:[:—–]|-(?=\s))"
    return re.compile(rf"(?:(?:\s+[а-яё]+){{0,2}}?\s*,?\s*(?:({alts})\s*)?{dash}?|"
                      rf"(?:\s+[а-яё]+){{3,5}}\s*{dash})\s*(?=[«A-ZА-ЯЁ])")


def _listed_companies(sent: Sentence, found: list[_Phrase]) -> list[_Phrase]:
    """Plants a plural facility noun lists by their companies ("приостановлена работа ряда
    предприятий города, среди которых ОАО «Пневматика», ПАО «Фирма Сэлма» …", "появятся
    предприятия компаний Престорусь, РЭДАЛИТ Шлюбмерже, БС Процессинг", real news dev r10_022,
    r9_018): one plant per company, "предприятие «Пневматика»". Names without quotes count
    only three or more in a row, none a place or in an oblique case ("на предприятиях
    Татарстана, Башкирии и Удмуртии" are a region's plants). A sentence that says nothing
    happens to them lists only plants (_lists_plants), each of status unknown."""
    toks = sent.tokens
    out: list[_Phrase] = []
    if not any(_list_head(t) for t in toks):
        return out  # no plural facility noun to list (asked first: it is cheap)
    # "Рассматривали ситуацию на предприятиях: ЗАО «А», ОАО «Б»" (r11_020): no event either
    quiet = sentence_status(sent) in (None, UNKNOWN) or \
        any(_verb_lemma(x) in _REVIEWS for x in toks)
    for i, t in enumerate(toks):
        if not _list_head(t):
            continue
        rest = sent.text[t.end - sent.start:]
        opener = _list_opener(_COMPANY_LISTS).match(rest)
        items = _company_items(rest[opener.end():]) if opener else []
        if len(items) < (3 if items and items[0][3] == "bare" else 2) or \
                _lem(t) not in _HOSTS and items[0][3] == "bare":
            continue
        base = t.end + opener.end()
        read = [p for p in found if p.start <= t.start < p.end]
        if read and not (len(read) == 1 and read[0].end == base + items[0][1]):
            continue
        lead = [x for x in toks if t.end <= x.start < base and x.text[:1].isalpha() and
                not (opener.group(1) and t.end + opener.start(1) <= x.start)]
        if any(x.case != "Gen" for x in lead):
            continue  # "заводы в ОЭЗ «Алабуга»": a place, not the companies of the plants
        if items[0][3] != "legal" and any(
                _place_name(name, kind) or any(x.case not in (None, "Nom", "Acc") for x in toks
                                               if x.start == base + a)
                for a, _, name, kind in items):
            continue  # a region's or a town's plants, or companies in the genitive
        if quiet and not (items := _listed_plants(toks, i, items)):
            continue
        if read:  # "заводы - «Пластмасс», «Сигнал» …" read as one plant, the first
            found.remove(read[0])
        out.extend(_list_rows(sent, i, base, items, found, UNKNOWN if quiet else None))
    return out


def _place_name(name: str, kind: str) -> bool:
    """A listed name that is a place: a bare one naming a place ("Татарстана"), a quoted one
    that is all a place's name («Алабуга»; «СТ Алабуга» is a company's)."""
    places = find_regions(name)
    return bool(places) and (kind == "bare" or any(
        m.start == 0 and m.end == len(name) for m in places))


def _list_head(t: Token) -> bool:
    """A plural noun that may list plants by their companies: a facility noun that hosts
    works ("предприятия", "заводы"), or "производства" of companies ("откроются производства
    нескольких резидентов особой экономической зоны: «А», «Б»", a fresh real page of
    session 17), whose names it takes in quotes only (_listed_companies). The tagger reads a
    capitalised plural at a sentence's start as an adjective ("Мясокомбинаты «А» и «Б» —
    банкроты", real news dev r14_010); its lemma is still the facility noun."""
    return t.pos in ("NOUN", "ADJ") and t.feats.get("Number") == "Plur" and \
        (_lem(t) in _HOSTS or _lem(t) == "производство")


def _plant_word(name: str) -> bool:
    """A name with a plant's own head noun in it ("Арзамасский машиностроительный завод")."""
    return any(lemma(w.lower()) in FACILITY_HEADS - WEAK_HEADS
               for w in re.findall(r"[А-ЯЁа-яё]+", name))


def _listed_plants(toks: list[Token], i: int, items: list[tuple[int, int, str, str]]
                   ) -> list[tuple[int, int, str, str]]:
    """The listed names that are plants, in a list told with no event: all of them under a
    plant's noun ("крупные южноуральские заводы — «Пластмасс», «Сигнал» …", fresh real pages
    of session 17) that is no place ("на заводах «А» и «Б» прошли проверки" visits them;
    annotation rules: unknown only when the plant is the subject), else the names with a
    plant's head noun ("ситуацию на четырех предприятиях: ЗАО «Максима-Стиль», ООО
    «Машиностроительный завод» …", real news dev r11_020)."""
    k = i - 1
    while k >= 0 and toks[k].pos in ("ADJ", "DET", "NUM"):
        k -= 1
    if _lem(toks[i]) in _HOSTS - WEAK_HEADS and \
            not (k >= 0 and toks[k].text.lower() in ("на", "в", "во")):
        return items
    return [it for it in items if _plant_word(it[2])]


def _list_rows(sent: Sentence, i: int, base: int, items: list[tuple[int, int, str, str]],
               found: list[_Phrase], stated: str | None) -> list[_Phrase]:
    """One phrase per listed company the sentence has not read as a plant already; a name
    with a plant's head noun is the plant's own name ("ФКП «Завод имени Я.М. Свердлова»":
    "завод имени Я.М. Свердлова"), another one is the noun's ("завод «Сигнал»"). `stated`
    (unknown) is the status of a list told with no event, the phrases read already
    included."""
    toks = sent.tokens
    t = toks[i]
    head = _head_nominative(t)
    out: list[_Phrase] = []
    for a, b, name, kind in items:
        inside = [p for p in found if base + a <= toks[p.head].start < base + b]
        for p in inside:  # the plant is read already ("АО «Симферопольский … завод»")
            p.stated = stated or p.stated
        if inside:
            continue
        first = name.split()[0]
        row = f"{first.lower()} {name[len(first) + 1:]}" \
            if lemma(first.lower()) in FACILITY_HEADS else name if _plant_word(name) else \
            (f"{head} {name}" if kind == "bare" else f"{head} «{name}»")
        out.append(_Phrase(base + a, base + b, row, None, i, False, False,
                           lemma=_lem(t), company=name, stated=stated))
    return out


def _project_of_making(sent: Sentence, covered: set[int], found: list[_Phrase]
                       ) -> list[_Phrase]:
    """A project, a business plan or a technology "по производству X", with the company's
    name between them or not ("проекты «Димитров кабель» по производству кабельной
    продукции", "бизнес-план по производству пенополистирольных материалов", "технологию по
    производству стеклянных нитей", after real news dev r2_036, r1_037, r2_039): the
    production of X the project sets up, "производство X"; a project of building a plant
    ("проект по строительству завода") names its plant itself, and one carried out at a
    plant ("на канатном заводе реализован проект по выпуску тросов") is that plant's."""
    toks = sent.tokens
    out: list[_Phrase] = []
    for i, t in enumerate(toks):
        if _lem(t) not in _PROJECT_NOUNS or i in covered or \
                any(toks[p.head].case == "Loc" and p.end <= t.start for p in found):
            continue
        j = i + 1
        if j < len(toks) and _lem(toks[j]) in _COMPANY_WORDS:
            j += 1  # "проект компании «X» по производству"
        if j < len(toks) and toks[j].text in "«\"“":
            close = next((k for k in range(j + 1, min(j + 12, len(toks)))
                          if toks[k].text in "»\"”"), None)
            if close is None:
                continue
            j = close + 1
        action = _po_action(toks, j)
        if action is None or _lem(toks[action]) not in _MAKING_NOUNS:
            continue
        cstart = action + 1
        if cstart < len(toks) and toks[cstart].text.lower() in ("в", "на"):
            k = cstart + 1  # "по производству в Псковской области X": past the place
            while k < min(cstart + 4, len(toks)) and toks[k].pos in ("ADJ", "PROPN", "NOUN") \
                    and toks[k].case == "Loc":
                k += 1
            cstart = k if k > cstart + 1 else cstart
        first_end = _np_end(toks, cstart, "Gen")
        noun = _lem(toks[first_end - 1]) if first_end > cstart else ""
        if not noun or noun in NOT_PRODUCT_LEMMAS and \
                not (noun in _GENERIC and first_end - cstart > 1) or \
                _vague_product(toks[cstart:first_end]):
            continue  # "кабельной продукции" says what is made, a bare "продукции" does not
        cend = first_end
        while cend < len(toks) and toks[cend].pos in ("NOUN", "ADJ") and \
                toks[cend].case == "Gen" and _lem(toks[cend]) not in _COMPANY_WORDS:
            nxt = _np_end(toks, cend, "Gen")
            if nxt == cend:
                break
            cend = nxt
        product = _nominative(toks[cstart:cend], first_end - cstart, sent.text, sent.start)
        name = "производство " + " ".join(x.text for x in toks[cstart:cend]).lower()
        out.append(_Phrase(t.start, toks[cend - 1].end, name.replace("ё", "е"), product, i,
                           False, True, lemma="производство", covers=cend))
        covered.update(range(i, cend))
    return out


def _company_stops_works(sent: Sentence, found: list[_Phrase]) -> list[_Phrase]:
    """A company that is the subject of a verb stopping or resuming its works ("АО «Завод»
    приостанавливает работу", "ООО «Тулпласт» остановило производство", after real news
    dev r5_023, r3_051, r10_008): its works are a plant, named by the company, "предприятие
    «X»" (a plant's own name when the company is named as one). A company after a
    preposition is a place or a party ("на «X» приостановили работу", "с «X»"), and works
    of something else ("работу магазинов") are no plant's."""
    toks = sent.tokens
    out: list[_Phrase] = []
    if not any(_lem(t) in _COMPANY_STOPS for t in toks):
        return out  # asked first: it is cheap
    for sp in sent.spans:
        if not is_company(sp) or \
                any(p.start <= sp.start < p.end or sp.start <= p.start < sp.end for p in found):
            continue
        before = [t for t in toks if t.end <= sp.start and t.text not in "«»\"“”"]
        if before and (before[-1].pos == "ADP" or before[-1].text in _LEGAL_FORMS and
                       len(before) > 1 and before[-2].pos == "ADP"):
            continue
        if any(0 <= sp.start - p.end <= 25 for p in found):
            continue  # "завод по производству шин Pirelli": the company of the plant told
        k = next((j for j, t in enumerate(toks) if t.start >= sp.end), len(toks))
        while k < len(toks) and toks[k].text in "«»\"“”":
            k += 1
        while k < len(toks) and toks[k].pos == "ADV":
            k += 1  # "временно", "полностью", "уже полностью" (real news dev r22_032)
        if k + 1 >= len(toks) or _lem(toks[k]) not in _COMPANY_STOPS or \
                toks[k].pos != "VERB" or _lem(toks[k + 1]) not in _WORKS_OBJECTS:
            continue
        nxt = toks[k + 2] if k + 2 < len(toks) else None
        if nxt is not None and nxt.pos == "NOUN" and nxt.case == "Gen":
            continue  # "приостановила работу магазинов"
        name = span_company(sp, sent.text, sent.start)
        if not name or lemma(name.lower()) in FACILITY_HEADS:
            continue  # "Комбинат остановил работу": the plant told before, capitalised
        row = name if is_facility_name(sp) else f"предприятие «{name}»"
        head = next((j for j, t in enumerate(toks) if t.start >= sp.start), k)
        out.append(_Phrase(sp.start, sp.end, row, None, head, True, False,
                           lemma="предприятие", company=name,
                           stated=_COMPANY_STOPS[_lem(toks[k])]))
    return out

def _company_as_place(sent: Sentence, found: list[_Phrase]) -> list[_Phrase]:
    """A company named as the place of an event of its works in a sentence that names no
    facility ("На калининградском «Автоторе», где сборка автомобилей также остановлена", "За
    год на "Курганприборе" построили 3 новых корпуса", real news dev r17_029, r11_018): the
    company's plant, "предприятие «X»" (suspended or closed by a stop of its works; expanded
    by new units). The name is quoted, or spelled as a company's ("АвтоВАЗе"), so "на Урале"
    is no company. The sentence's status is read only when such a name is there."""
    if found or (place := _company_after_na(sent.tokens)) is None:
        return []
    toks = sent.tokens
    status = sentence_status(sent)
    lemmas = {_lem(t) for t in toks}
    if status in ("suspended", "closed"):
        if not lemmas & (_WORKS_OBJECTS | {"сборка"}):
            return []
    elif status in ("launched", "expanded"):
        if not lemmas & _PLANT_UNITS:
            return []
        status = "expanded"  # a new unit at a company that works
    else:
        return []
    k, j, e = place
    word = toks[j].text
    lem = _lem(toks[j])
    name = word[:len(lem)] if word.lower().replace("ё", "е").startswith(lem) else word
    if e > j:  # a name after a legal form, as written: "на ОАО «Шуйские ситцы»"
        name = sent.text[toks[j].start - sent.start:toks[e].end - sent.start]
    return [_Phrase(toks[k].start, toks[e].end, f"предприятие «{name}»", None, j, True, False,
                    lemma="предприятие", company=name, stated=status)]


def _company_after_na(toks: list[Token]) -> tuple[int, int, int] | None:
    """(the "на", the name's first and last token) of the first company named after "на" as
    a place: quoted, or spelled with inner capitals, after an optional town adjective; after
    a legal form a quoted name of two or three words ("производство на ОАО «Шуйские ситцы»
    остановлено", real news dev r19_022), not of one ("остановка производства на ООО
    "ЧТЗ-Уралтрак"", r9_004: a formal short name of a plant the page names in full)."""
    for k, t in enumerate(toks[:-1]):
        if t.text.lower() != "на":
            continue
        j = k + 1
        if toks[j].pos == "ADJ" and toks[j].text.islower() and _TOPONYM_ADJ.search(toks[j].text):
            j += 1  # "на калининградском «Автоторе»"
        if j + 2 < len(toks) and toks[j].text in _LEGAL_FORMS and toks[j + 1].text in "«\"“":
            e = next((e for e in range(j + 2, min(j + 5, len(toks)))
                      if toks[e].text in "»\"”"), None)
            if e is not None and e > j + 3 and toks[j + 2].text[:1].isupper():
                return k, j + 2, e - 1
            continue
        quoted = j < len(toks) and toks[j].text in "«\"“"
        j += quoted
        if j >= len(toks) or toks[j].pos not in ("PROPN", "NOUN") or \
                not toks[j].text[:1].isupper():
            continue
        word = toks[j].text
        if not quoted and not any(c.isupper() for c in word[1:]) or \
                quoted and not (j + 1 < len(toks) and toks[j + 1].text in "»\"”"):
            continue  # "на Урале"; a quote of several words is no short name
        return k, j, j
    return None


def _objects_named(toks: list[Token], spans: list[tuple[int, int, int]], action: str
                   ) -> tuple[str, str]:
    """(genitive after "по <action>", nominative product) of a list of objects."""
    def words(start: int, np_end: int, end: int, case: str) -> str:
        return " ".join(inflect(x.text, case, None, UD_TO_PYMORPHY_CASE.get(x.case or ""))
                        if k < np_end else x.text
                        for k, x in enumerate(toks[start:end], start)).lower()
    gen = " и ".join(words(*sp, "gent") for sp in spans)
    return f"по {action} {gen}", " и ".join(words(*sp, "nomn") for sp in spans)


def _relative_product(sent: Sentence, i: int) -> _Phrase | None:
    """A facility noun with no product of its own, then a clause that says what will be made
    in it ("строит мощности, где будут производить полиэтиленовые трубы и изделия из
    пластика", real news dev r1_020): "мощность по производству полиэтиленовых труб …"."""
    toks = sent.tokens
    t = toks[i]
    if t.pos != "NOUN" or i + 2 >= len(toks) or toks[i + 1].text != "," or \
            _lem(toks[i + 2]) not in _RELATIVE_WORDS:
        return None
    j = next((j for j in range(i + 3, min(i + 6, len(toks)))
              if toks[j].pos == "VERB" and _lem(toks[j]) in _OUTPUT_WORDS), None)
    spans = _object_list(toks, j) if j is not None else []
    spans = [sp for sp in spans if _lem(toks[sp[1] - 1]) not in NOT_PRODUCT_LEMMAS - _GENERIC]
    if not spans:
        return None
    action = "выпуску" if _lem(toks[j]) == "выпускать" else "производству"
    tail, product = _objects_named(toks, spans, action)
    return _Phrase(t.start, t.end, f"{_head_nominative(t)} {tail}", product, i, False,
                   _lem(t) in WEAK_HEADS, None, _lem(t), i + 1)


# "мощности, где будут производить …", "завод, который будет выпускать …"
_RELATIVE_WORDS = frozenset({"где", "который"})
_COMPANY_GAP = 12  # tokens from a production to the company it is told of


def _company_product(sent: Sentence, i: int) -> _Phrase | None:
    """A company's production with no product of its own, then the company and a clause that
    says what the company makes ("расширение производства компании «Литум», которая
    выпускает промышленные краски", "свое производство открыла компания Kemin Industries,
    которая специализируется на выпуске кормовых добавок", real news dev r6_006, r9_018):
    "производство промышленных красок", as a reader names it."""
    toks = sent.tokens
    t = toks[i]
    if _lem(t) != "производство" or t.pos != "NOUN" or \
            i + 1 < len(toks) and toks[i + 1].case == "Gen" and \
            _lem(toks[i + 1]) not in _COMPANY_WORDS:
        return None  # "производство кирпича": a product of its own (_phrase_at's)
    prev = _adjectives_before(toks, i)[1]
    if _governed_away(sent, t, prev) or prev is not None and _verb_lemma(prev) in _OUTPUT_GROWTH:
        return None  # "увеличить объёмы производства намерена компания, которая выпускает …"
    k = next((k for k in range(i + 1, min(i + _COMPANY_GAP, len(toks) - 2))
              if toks[k].text == "," and _lem(toks[k + 1]) == "который"), None)
    if k is None or not any(_lem(x) in _COMPANY_WORDS or x.text in _LEGAL_FORMS
                            for x in toks[i + 1:k]) or \
            any(_lem(x) in FACILITY_HEADS for x in toks[i + 1:k]):
        return None
    verb = toks[k + 2]
    if verb.pos == "VERB" and _verb_lemma(verb) in _OUTPUT_WORDS:
        spans = _object_list(toks, k + 2)
    elif _verb_lemma(verb) == "специализироваться" and k + 4 < len(toks) and \
            toks[k + 3].text.lower() == "на" and _lem(toks[k + 4]) in PRODUCT_NOUNS:
        end = _np_end(toks, k + 5, "Gen")
        spans = [(k + 5, end, end)] if end > k + 5 else []
    else:
        return None
    spans = [sp for sp in spans if _lem(toks[sp[1] - 1]) not in NOT_PRODUCT_LEMMAS - _GENERIC]
    if not spans:
        return None
    tail, product = _objects_named(toks, spans, "")
    return _Phrase(t.start, t.end, f"{_head_nominative(t)} {tail[len('по  '):]}", product, i,
                   False, True, None, _lem(t), i + 1)


def _product_from_before(sent: Sentence, before: Sentence | None,
                         covered: set[int], next_one: bool = False) -> _Phrase | None:
    """A bare facility noun ("Начато строительство завода") whose product the sentence
    before states with a verb of output and no facility noun ("На нем будут производить
    продукцию для личной гигиены и изделия из картона", real news dev r1_003): "завод по
    производству продукции для личной гигиены и изделий из картона". `next_one`: the sentence
    after says it ("Группа открыла завод в Великом Новгороде. ООО «Т-АРМ» будет изготавливать
    трубопроводную арматуру", r19_030; "Мощность завода составит … Он будет производить
    лецитин, масло …", r10_019), and a general word ("выпускает продукцию") is no product."""
    if before is None or any(_lem(t) in FACILITY_HEADS for t in before.tokens):
        return None
    btoks = before.tokens
    j = next((j for j, t in enumerate(btoks) if t.pos == "VERB" and _lem(t) in _OUTPUT_WORDS),
             None)
    spans = _object_list(btoks, j) if j is not None else []
    spans = [sp for sp in spans if _lem(btoks[sp[1] - 1]) not in
             (NOT_PRODUCT_LEMMAS | _GENERIC if next_one else NOT_PRODUCT_LEMMAS - _GENERIC)]
    if not spans:
        return None
    toks = sent.tokens
    for i, t in enumerate(toks):
        if i in covered or _lem(t) not in FACILITY_HEADS or _lem(t) in WEAK_HEADS or \
                t.pos != "NOUN" or t.feats.get("Number") == "Plur":
            continue
        action = "выпуску" if _lem(btoks[j]) == "выпускать" else "производству"
        tail, product = _objects_named(btoks, spans, action)
        return _Phrase(t.start, t.end, f"{_head_nominative(t)} {tail}", product, i, False,
                       False, None, _lem(t), i + 1)
    return None


_ONE_MORE = re.compile(r"(?:ещ[её]\s+(?:один|одна|одно|одного|одной|одну)|"
                       r"(?:ещ[её]\s+)?(?:один\s+)?(?:похож|аналогичн)\w+|так\w+\s+же)\s*$",
                       re.IGNORECASE)


def _one_more(sent: Sentence, i: int) -> _Phrase | None:
    """A bare head said to be one more of a kind ("Ещё один завод будет построен в Пыталово",
    "Еще один похожий завод … возводится", real news dev r6_035, r11_022): a plant of its
    own, of the kind of the plant told before (_find_plants gives it that one's product)."""
    toks = sent.tokens
    t = toks[i]
    if _lem(t) not in FACILITY_HEADS - WEAK_HEADS - ADDED_UNITS or \
            t.feats.get("Number") == "Plur" or \
            not _ONE_MORE.search(sent.text[:t.start - sent.start]) or _product(sent, i)[2] > i + 1:
        return None
    return _Phrase(t.start, t.end, _head_nominative(t).replace("ё", "е"), None, i, False, False,
                   lemma=_lem(t), covers=i + 1, another=True)


def _find_in_sentence(sent: Sentence, before: Sentence | None = None,
                      after: Sentence | None = None) -> list[_Phrase]:
    """Each facility phrase of a sentence that reports something about a facility."""
    toks = sent.tokens
    found: list[_Phrase] = []
    covered: set[int] = set()
    for i in range(len(toks)):
        if not _is_head(sent, i, covered):
            continue
        phrase = _one_more(sent, i) or _phrase_at(sent, i) or _relative_product(sent, i) \
            or _company_product(sent, i)
        if phrase is None:
            kinds = _dashed_kinds(sent, i)
            covered.update(range(i, kinds[0].covers if kinds else i))
            found.extend(kinds)
            continue
        phrase = _processing_and_making(sent, phrase)
        covered.update(range(i, phrase.covers))
        if (phrase.product or "").lower() in _BARE_OPERATIONS and _bare_end(toks, phrase.end):
            continue  # "линия фасовки": a part of a plant, no product made
        found.append(phrase)
        for more in _listed_products(sent, phrase):
            covered.update(range(i, more.covers))
            found.append(more)
        if (other := _coordinated_adjective(sent, phrase)) is not None:
            found.insert(len(found) - 1, other)
    found.extend(_plural_heads_making(sent, covered, before))
    found.extend(_plural_heads_in_places(sent, covered))
    found.extend(_project_of_making(sent, covered, found))
    found.extend(_listed_companies(sent, found))
    found.extend(_company_stops_works(sent, found))
    found.extend(_company_as_place(sent, found))
    if not found and ((earlier := _product_from_before(sent, before, covered)) is not None or
                      (earlier := _product_from_before(sent, after, covered, True)) is not None):
        found.append(earlier)
    if not _named_plant_acts(sent, found) and \
            (output := _output_phrase(sent, covered)) is not None:
        found.append(output)
    _fold_apposition(sent, found)
    _fold_into_name_after(sent, found)
    _fold_production_into_named(found, toks)
    if found and _described(sent):
        found[0].again = True
    return [p for p in found if not _listed_part(sent, p)]


def _bare_end(toks: list[Token], end: int) -> bool:
    """Nothing the tagger may have missed as an object follows the offset `end` ("линия
    переработки ПЭТ-бутылок", real news dev r7_030: the object is there, unread)."""
    nxt = next((t for t in toks if t.start >= end), None)
    return nxt is None or nxt.pos in ("PUNCT", "ADP", "VERB", "AUX", "CCONJ", "SCONJ")


# "по переработке X и производству Y": a processing and the making of its output (the
# making nouns are plant_words.csv making_noun)
_PROCESSING = frozenset({"переработка", "обработка"})


def _processing_and_making(sent: Sentence, ph: _Phrase) -> _Phrase:
    """One plant that processes one thing and makes another ("комплекс по переработке
    нефтяного сырья и производству полиэтилена", "завода по переработке макулатуры и
    производству эко тары", real news dev r5_025, r2_044: one row in the gold each, named
    so, its product the output): the making after "и" is the phrase's second complement,
    not a plant of its own (a dative noun, governed by the same "по")."""
    toks = sent.tokens
    k = ph.covers
    if not (0 < k + 1 < len(toks)) or toks[k].text.lower() != "и" or \
            _lem(toks[k + 1]) not in _MAKING_NOUNS or toks[k + 1].case != "Dat":
        return ph
    po = next((j for j in range(ph.head + 1, k) if toks[j].text.lower() == "по"), None)
    if po is None or po + 1 >= k or _lem(toks[po + 1]) not in _PROCESSING:
        return ph
    second = _phrase_at(sent, k + 1)
    if second is None or not second.product or second.end <= ph.end:
        return ph
    name = ph.name + sent.text[ph.end - sent.start:second.end - sent.start]
    return replace(ph, name=name, product=second.product, end=second.end,
                   covers=max(ph.covers, second.covers))


def _described(sent: Sentence) -> bool:
    """A sentence that opens "Это первое / единственное / крупнейшее …" describes the plant
    just told ("открытие кондитерской фабрики. Это первое в республике предприятие, которое
    выпускает печенье", real news dev r10_020): its facility is that plant again. "Это завод
    смесей «X», фабрика …" (written corpus 019) names the plants a count announced."""
    toks = sent.tokens
    return len(toks) > 2 and toks[0].text.lower() == "это" and _lem(toks[1]) in _DESCRIBING


def _listed_part(sent: Sentence, ph: _Phrase) -> bool:
    """A facility with no name of its own that a verb of containing lists, with nothing but
    other parts between them ("на объекте появится инфраструктура, включая убойный цех",
    "Парк будет включать в себя нефтепереработку, нефтехимическое производство …", "В проект
    также войдет тепличный комплекс", real news dev r10_006, r2_047, r7_029): a part of the
    project, not a plant with news; only a unit or a weak head ("цех", "производство",
    "комплекс"): a cluster's plants are plants ("В кластер войдут завод … компании
    «Уралкалийхим» и фабрика …", written corpus 014), and so is a plant an event noun
    governs ("включая строительство завода") or one that "вошёл в строй"."""
    toks = sent.tokens
    if ph.named or ph.company or ph.lemma not in WEAK_HEADS | ADDED_UNITS or \
            "«" in sent.text[ph.start - sent.start:ph.end - sent.start + 12]:
        return False  # "В кластер вошли завод удобрений и фабрика упаковки": its plants
    k = next((j for j, t in enumerate(toks) if t.start >= ph.start), len(toks))
    for j in range(k - 1, -1, -1):
        t = toks[j]
        if _verb_lemma(t) in _CONTENTS:
            return not any(_lem(x) in _SERVICE_NOUNS for x in toks[max(0, j - 2):k + 3])
        if t.pos in ("VERB", "AUX") or t.text in ";:" or STATUS_LEMMAS.get(_lem(t)) or \
                _lem(t) in EVENT_NOUNS:
            return False
    return False


def _built_meanwhile(si: int, statuses: list[str | None], found: list[list[_Phrase]]
                    ) -> str | None:
    """A plant whose launch is planned while the next sentences say it is being built
    ("…до конца года запустят завод… Строительство ведет компания КМД-ЭНЕРГО", real news
    dev r4_005, r2_035): under construction, unless another plant is named first or a
    sentence between states another status ("… реализуется проект по расширению … Для
    обеспечения сырьём строится комплекс": another project's building, real news dev r1_055).
    A sentence naming the same facility again does not end its story ("… будет запущена
    линия сортировки пластика … проект по модернизации линии переработки реализуется",
    r7_030: works going on, session 14 status convention (2)); beyond the next two
    sentences only such a one tells of its building."""
    for k in range(si + 1, len(statuses)):
        if found[k] and not _same_facilities(found[si], found[k]):
            return None
        if k >= si + 3 and not found[k]:
            if statuses[k] is not None and statuses[k] != "under_construction":
                return None
            continue
        if statuses[k] == "under_construction":
            return "under_construction"
        if statuses[k] is not None:
            return None
    return None


def _named_later(first: _Phrase, later: _Phrase) -> bool:
    """A plant first named by its kind and then by its proper name ("на молочном комбинате
    …" … "Пензенский молочный комбинат был введен …", real news dev r1_054)."""
    short, full = first.name.lower().split(), later.name.lower().split()
    if later.another:
        return False
    if first.lemma == later.lemma and not first.named and "«" in later.name and \
            "«" not in first.name and later.product and len(short) > 1:
        # "электротехнический завод" … "завод «Элиста Энергомаш» по производству
        # электротехнического оборудования" (real news dev r11_027): its kind is its product
        made = later.product.lower().split()
        return all(any(w[:6] == m[:6] for m in made) for w in short[:-1])
    if not (later.named and not first.named and first.lemma == later.lemma) or "«" in first.name:
        return False  # "завод «Симферопольсельмаш»" has a name of its own, not a kind
    if len(full) > len(short) and full[-len(short):] == short:
        return True
    # "новый машиностроительный завод" … "Суходольский завод специального тяжелого
    # машиностроения" (real news dev r1_001): each adjective of the kind is in the name
    kind = [w for w in short if w != short[-1]] if len(short) > 1 else []
    return bool(kind) and all(any(w[:6] == f[:6] for f in full) for w in kind)


def _compound_of(a: _Phrase, b: _Phrase) -> bool:
    """One plant named by a compound adjective and by its product: "мясоперерабатывающий
    комбинат" and "комбинат по переработке мяса" (real news dev r1_044); a weak head
    ("предприятие") names any kind: "цех по переработке мяса" … "Мясоперерабатывающее
    предприятие будет выпускать" (r22_002)."""
    if a.lemma != b.lemma and not (a.weak and a.product is None):
        return False
    # a compound ("мясоперерабатывающий") or an adjective of the product itself ("фанерный
    # завод" and "завод по выпуску фанеры", real news dev r9_026)
    adjs = [w for w in a.name.lower().split()[:-1] if len(w) > 6]
    # a quoted proper name says nothing of a product ("Симферопольский электротехнический
    # завод" is not "завод «Симферопольсельмаш»", real news dev r10_022)
    made = _row_content(re.sub(r"«[^»]*»?", " ", b.name), b.product)
    return any(w.startswith(n[:5]) and len(n) >= 4 for w in adjs for n in made)


def _compound_stem_of(a: _Phrase, b: _Phrase) -> bool:
    """One plant named by a compound noun and by its base with an adjective or a product of
    the compound's stem: "мясокомбинат" and "мясоперерабатывающий комбинат" (real news dev
    r10_013), "молокозавод" and "завод по производству молочной продукции" (r6_026)."""
    return _compound_stem_names(a.lemma, b.lemma, b.name, b.product)


def _compound_stem_names(compound: str, head: str, name: str, product: str | None) -> bool:
    """_compound_stem_of on a compound's lemma and the other's head lemma, name and product."""
    base = _compound_base(compound)
    if base is None or base != head:
        return False
    stem = compound[:-len(base)].rstrip("оеи")[:4]  # мясо- -> мяс, молоко- -> моло
    words = re.findall(r"[а-яё]+", f"{name} {product or ''}".lower())
    return len(stem) >= 3 and any(w.startswith(stem) for w in words)


def _hosts_new_unit(sent: Sentence, ph: _Phrase, phrases: list[_Phrase]) -> bool:
    """The plant is the place where a new unit opens ("на молочном комбинате открылся новый
    компрессорный цех", real news dev r1_054): the plant grows, it is not new."""
    head = sent.tokens[ph.head]
    return ph.lemma in _HOSTS and head.case == "Loc" and \
        any(p is not ph and p.lemma in ADDED_UNITS for p in phrases)


def _place_of_launch(sent: Sentence, ph: _Phrase) -> bool:
    """The plant is where something was launched ("на канатном заводе реализован первый
    этап проекта", real news dev r2_018): "на" + the plant in the locative, not a new one; it
    exists and grows."""
    toks = sent.tokens
    head = toks[ph.head]
    if ph.lemma not in _HOSTS or head.case != "Loc":
        return False
    j = ph.head - 1
    while j >= 0 and toks[j].pos == "ADJ":
        if _lem(toks[j]) == "новый":
            return False
        j -= 1
    return j >= 0 and toks[j].text.lower() == "на"


def _at_working_plant(sent: Sentence, phrases: list[_Phrase]) -> bool:
    """The sentence puts the unit at an existing plant: a named plant acts ("Ижевский завод
    запустил линию"), or a plant is the place ("на заводе", "на площадке «X»")."""
    if any(p.named for p in phrases):
        return True
    toks = sent.tokens
    if any(toks[k - 1].text.lower() == "на" and (
            _lem(toks[k]) in _HOST_PLACES and _lem(toks[k + 1]) in _HOSTS  # "на базе завода"
            or toks[k].text in _LEGAL_FORMS)  # "на ООО «Химпром»"
           for k in range(1, len(toks) - 1)):
        return True
    return any(t.lemma in _HOSTS and t.case == "Loc" for t in toks) or \
        any(sp.type == "ORG" and sp.normal.lower().split()[-1:] and
            lemma(sp.normal.split()[-1]) in _HOSTS for sp in sent.spans)


def _content(p: _Phrase) -> set[str]:
    """Lemmas of the nouns that say what a facility makes: two mentions in different
    sentences sharing one are the same facility ("завод «Кремний»" ... "предприятие по
    выпуску кремния"); shared adjectives ("автомобильных шин" / "автомобильных стёкол")
    are not enough."""
    return _row_content(p.name, p.product)


def _row_content(name: str, product: str | None) -> set[str]:
    out = set()
    for w in re.findall(r"[а-яё]{4,}", f"{name} {product or ''}".lower()):
        parse = morph().parse(w)[0]
        if parse.tag.POS == "NOUN" and parse.normal_form not in FACILITY_HEADS | _GENERIC:
            out.add(parse.normal_form.replace("ё", "е"))
    return out



def _adjectives(p: _Phrase) -> set[str]:
    out = set()
    for w in re.findall(r"[а-яё]{4,}", (p.product or "").lower()):
        parse = morph().parse(w)[0]
        if parse.tag.POS in ("ADJF", "PRTF"):
            out.add(parse.normal_form.replace("ё", "е"))
    return out


def _told_apart(a: _Phrase, b: _Phrase) -> bool:
    """Two products of one kind told apart by their adjectives ("производство технических
    нитей" and "производство полиэфирной нити", real news dev r2_019): two facilities."""
    qa, qb = _adjectives(a), _adjectives(b)
    return bool(qa) and bool(qb) and not qa & qb


def _nearest_region(regions: list, offset: int) -> Region | None:
    """The region named last before `offset` in the sentence (else the first after it):
    "завод в Туле и фабрика в Калуге" gives each plant its own region."""
    before = [m for m in regions if m.start < offset]
    if before:
        return before[-1].region
    return regions[0].region if regions else None


PLAN_DATE_WINDOW = 4  # the sentence of a plan and the three after it may date it
# the stages of a plant or a unit still to come: an extension of a working plant to come
# takes one of them, "expanded" only once it works (session 14 status convention (2))
_TO_COME = frozenset({"announced", "planned", "under_construction"})
LEAD_SENTENCES = 3  # a named plant in the first sentences is what the article is about
STORY_WINDOW = 4  # sentences after the lead plant's own that may tell what happened to it


def _named_status(sent: Sentence, ph: _Phrase, si: int, statuses: list[str | None],
                  found: list[list[_Phrase]]) -> str | None:
    """What happened to a plant with a proper name, or None when it is only mentioned.

    A named plant exists, so only what happens to it is news: its own sentence's status
    (a launch of it is "expanded"). A plan is news when the plan is its own building or
    launch ("состоится запуск Быстринского ГОКа"). The plant an article leads with takes
    the status of the next sentences that name no other plant ("…решается судьба
    Туимского завода. … Цеха простаивают, работа завода свернута": suspended; "…завод
    готовится наладить производство. Сейчас на предприятии заканчивается наладка
    оборудования", real news dev r8_014: works going on, under construction)."""
    own = statuses[si]
    lead = _leads(si, found)
    if own == UNKNOWN and not (_cuts_staff(sent) and lead):
        return own
    if own in NAMED_PLANT_STATUSES:
        # a restart done is the plant's own launch, never a unit added to it ("на Удмуртском
        # заводе возобновилось производство кирпича", real news dev r22_025, gold launched)
        return "expanded" if own == "launched" and not _launched_itself(sent, ph) and \
            not _resumed(sent.tokens) else own
    if own == "announced" and any(_lem(t) in _INTENT and t.feats.get("Tense") != "Past"
                                  for t in sent.tokens if t.start > ph.end):
        # an intention of the named plant itself, stated after it ("Уральский завод гражданской
        # авиации, который планирует собирать самолеты", real news dev r2_012) is news about
        # it; a plan to build a plant with a name ("планируют построить Тверской завод") is
        # not, nor what it once planned ("Калининградский завод «Автотор» планировал нарастить
        # объёмы", the seed)
        return own
    if own in _TO_COME and _named_to_come(sent, ph, own, found[si]):
        return own
    if own in (None, UNKNOWN) and lead and (told := _story_after(si, statuses, found)):
        # a cut of jobs says nothing of the plant: the next sentences may ("… начал увольнять
        # сотрудников. … производство закрывается навсегда", real news dev r8_009)
        return told
    if own is None and _plant_subject(sent, ph):
        return UNKNOWN
    return own if own == UNKNOWN else None


def _leads(si: int, found: list[list[_Phrase]]) -> bool:
    """The phrase, alone in its sentence, is what the article is about: it is named in the
    first sentences, or it is the first facility the article names ("«Октагон» … попытался
    понять, что происходит в отрасли. В Новосибирске … «Тяжстанкогидропресс» объявил о
    массовом сокращении", real news dev r3_037)."""
    return (si < LEAD_SENTENCES or not any(found[:si])) and len(found[si]) == 1


def _story_after(si: int, statuses: list[str | None], found: list[list[_Phrase]]
                 ) -> str | None:
    """A stop or works going on that the sentences after the lead plant's own tell, up to
    STORY_WINDOW of them and the next one naming a facility ("Новотроицкий завод хромовых
    соединений приостанавливает производство … работа будет приостановлена с 14 марта",
    "Завод … ушёл в вынужденный простой", fresh real pages of session 18, real news dev
    r3_037); works going on are under construction (session 14 convention (2)). A launch
    or an extension is not: a plant with a name exists, its own sentence states those."""
    for k in range(si + 1, min(si + 1 + STORY_WINDOW, len(statuses))):
        if found[k]:
            return None
        if statuses[k] in NAMED_PLANT_STATUSES - {"launched", "expanded"} or \
                statuses[k] == "under_construction":
            return statuses[k]
    return None


def _plant_subject(sent: Sentence, ph: _Phrase) -> bool:
    """The named plant opens its sentence as the subject of the verb right after it, a
    sentence that states no event of it ("Клинцовский автокрановый завод оставил в цехах лишь
    тех рабочих …", a fresh real page of session 17; "Тверской вагоностроительный завод
    никогда не был местом …", real news dev r6_008): annotation rules, the plant is the
    subject, nothing happened to it: unknown."""
    toks = sent.tokens
    before = [t for t in toks if t.end <= ph.start]
    if toks[ph.head].case not in (None, "Nom") or before:
        return False
    after = [t for t in toks if t.start >= ph.end]
    return bool(after) and after[0].pos in ("VERB", "AUX", "ADV", "PART") and any(
        t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin" for t in after[:3])


def _named_to_come(sent: Sentence, ph: _Phrase, own: str, found: list[_Phrase]) -> bool:
    """A plan of a named plant that is news of it: it builds a unit of its own, or a unit
    is to come there (a unit still to come takes its own stage, session 14 status
    convention (2): "Воткинский завод планирует построить пять новых корпусов", "на
    Волгоградском алюминиевом заводе завершено строительство новых мощностей, запуск
    которого запланирован на осень", real news dev r2_018; what it once planned is none:
    "«Автотор» планировал нарастить объёмы", the seed), or it is what an event noun or a verb of
    building governs ("строительства Юргинского завода", "построят Мещовский комбинат";
    an intention to build a plant with a name is not: "планируют построить Тверской завод")."""
    intends = own == "announced" and any(_intends(t) for t in sent.tokens)
    once = intends and any(_lem(t) in _INTENT and t.feats.get("Tense") == "Past"
                           for t in sent.tokens)
    alone = found == [ph]  # a unit that is a row of its own carries the stage itself
    return (_builds_a_unit(sent, ph, found) or alone and _place_of_launch(sent, ph)) and \
        not once or \
        _object_of_event(sent, ph) or _built_object(sent, ph) and not intends


def _builds_a_unit(sent: Sentence, ph: _Phrase, found: list[_Phrase]) -> bool:
    """The named plant, as the subject, builds a unit of its own that is no row ("Воткинский
    завод планирует построить пять новых корпусов в 2023 году", real news dev r5_024): a
    new shop or building at a working plant expands it (plant_words.csv plant_unit)."""
    toks = sent.tokens
    verbs = [t for t in toks if t.start >= ph.end and t.pos == "VERB"]
    if not verbs or any(t.pos in ("VERB", "ADP") for t in toks if t.end <= ph.start) or \
            toks[ph.head].case not in (None, "Nom", "Acc"):  # the tagger mixes the two
        return False  # "На Саратовском жировом комбинате планируется …": not its subject
    units = [t for t in toks if t.start > verbs[0].start and _lem(t) in _PLANT_UNITS | ADDED_UNITS]
    return bool(units) and not any(p.start <= units[0].start < p.end for p in found)


def _object_of_event(sent: Sentence, ph: _Phrase) -> bool:
    """The phrase is governed by an event noun of building or launching a few words before
    it ("запуск в эксплуатацию Быстринского ГОКа", "строительства Юргинского завода")."""
    before = [t for t in sent.tokens if t.end <= ph.start][-4:]
    return any(t.pos == "NOUN" and _lem(t) in EVENT_NOUNS
               and STATUS_LEMMAS.get(_lem(t)) in _ONGOING for t in before) or \
        _event_before_colon(sent, ph)


def _event_before_colon(sent: Sentence, ph: _Phrase) -> bool:
    """The phrase is an item of a list that a colon opens right after an event noun
    ("направлены на финансирование строительства: участка … на Тамбовском вагоноремонтном
    заводе, Кирсановского завода по производству утеплителя, …", real news dev r13_012):
    the noun governs each item as it governs one right after it."""
    toks = [t for t in sent.tokens if t.end <= ph.start]
    colon = next((j for j in range(len(toks) - 1, -1, -1) if toks[j].text in (":", ";")), None)
    if colon is None or colon == 0 or toks[colon].text != ":":
        return False
    t = toks[colon - 1]
    return t.pos == "NOUN" and _lem(t) in EVENT_NOUNS and \
        STATUS_LEMMAS.get(_lem(t)) in _ONGOING


def _launched_itself(sent: Sentence, ph: _Phrase) -> bool:
    """A launch of the named plant itself, not of something at it: it is what a verb of
    launching or building right before it starts ("открыли Ефремовский завод", "построили
    …"), or, as the subject, it starts work ("Тверской завод начал работу", "… заработал",
    real news dev r6_008, r6_018: the plant opened or restarted). "Брянский завод запустил
    производство тепловозов" stays a new production at a working plant (expanded)."""
    toks = sent.tokens
    before = _without_after_phrase([t for t in toks if t.end <= ph.start])
    if any(t.pos == "VERB" and (STATUS_LEMMAS.get(_lem(t)) == "launched" or _lem(t) in
                                _BUILD_VERBS and t.feats.get("Tense") == "Past")
           for t in before[-2:]) and not any(t.text.lower() == "на" for t in before[-3:]):
        return True
    if before and before[-1].pos == "NOUN" and STATUS_LEMMAS.get(_lem(before[-1])) == "launched":
        return True  # "состоялся запуск Ильинского комбината" (real news dev r9_023)
    if len(before) >= 2 and _lem(before[-2]) in _RESUMPTIONS and _lem(before[-1]) in _WORKS_OBJECTS:
        return True  # "объявил о возобновлении работы Алчевского меткомбината" (r13_027)
    if any(t.pos in ("VERB", "ADP") for t in before) or toks[ph.head].case not in (None, "Nom"):
        return False
    after = [t for t in toks if t.start >= ph.end and t.pos != "PUNCT"]
    k = next((j for j, t in enumerate(after) if t.pos == "VERB"), None)
    if k is None or STATUS_LEMMAS.get(_verb_lemma(after[k])) != "launched":
        return False
    if _verb_lemma(after[k]) in _RESUMPTIONS:
        return True  # "завод после простоя возобновил производство": it restarted (r9_030)
    rest = [t for t in after[k + 1:] if t.pos not in ("ADJ", "DET", "ADV")]
    if len(rest) >= 2 and rest[0].pos == "ADP" and _lem(rest[1]) in _SERVICE_NOUNS:
        rest = rest[2:]  # "ввёл в эксплуатацию новый цех": the object follows
    obj = rest[0] if rest else None
    if obj is not None and obj.text.lower() == "к":
        return False  # "приступил к выпуску модульных зданий" (real news dev r3_041)
    return obj is None or obj.pos not in ("NOUN", "PROPN") or obj.case not in (None, "Acc") \
        or _lem(obj) in _SERVICE_NOUNS


def _without_after_phrase(before: list[Token]) -> list[Token]:
    """The words before a phrase without a "после …" of up to three words right before it:
    "открыла после реконструкции Третьяковский маслосырзавод" opens the plant itself, what
    it was closed for is no unit added (real news dev r22_018, r10_014: reopened after a
    reconstruction, gold launched)."""
    for j in range(len(before) - 1, max(-1, len(before) - 5), -1):
        if before[j].text.lower() == "после":
            rest = before[j + 1:]
            if rest and all(t.pos in ("NOUN", "ADJ", "NUM") for t in rest):
                return before[:j]
            break
    return before


def _built_object(sent: Sentence, ph: _Phrase) -> bool:
    """The named plant is what a verb of building right before it builds ("построят
    Мещовский комбинат", "строят Ефремовский завод", after real news dev r9_007): a plant
    being built, though it has a name already."""
    before = [t for t in sent.tokens if t.end <= ph.start][-2:]
    return any(t.pos == "VERB" and (_lem(t) in _BUILD_VERBS or
                                    STATUS_LEMMAS.get(_lem(t)) == "under_construction")
               for t in before)


# a clause of its own after a comma: "X рассматривает строительство завода, а компания Y
# планирует строительство завода по производству металлоконструкций" (real news dev r5_009)
_NEW_CLAUSE = re.compile(r",\s+(?:а|но|тогда как|в то время как)\s|;\s")


def _clause_companies(sent: Sentence, ph: _Phrase) -> list[str]:
    """The companies named before the phrase in its own clause, when a clause of its own
    ("…, а компания Y …") starts before it; [] when none does or it names none."""
    rel = ph.start - sent.start
    breaks = [m.end() for m in _NEW_CLAUSE.finditer(sent.text, 0, rel)]
    if not breaks:
        return []
    lo = sent.start + breaks[-1]
    return sentence_companies(replace(sent, spans=[sp for sp in sent.spans
                                                   if lo <= sp.start < ph.start]))


# The plant itself said to belong to a company or a group right after its name: "ООО
# «Зауральский кузнечно-литейный завод» (ЗКЛЗ, принадлежит «Курганмашзаводу»)", "наша
# «швейка» входит в крупную текстильную компанию «Юнистайл холдинг»" (real news dev r10_011,
# r10_026): that company runs it. A company said to belong to a group ("компания «X», 75%
# акций которой будут принадлежать концерну «Y»") stays the operator (r11_027).
_OWNED_BY = re.compile(
    r"[»\"”]?\s*(?:\(\s*(?:[А-ЯЁA-Z][\w-]{1,10}\s*,\s*)?|,\s*(?:которое|который|которая)\s+|\s)"
    r"(?:принадлежит|входит\s+в|входящ\w*\s+в)(?:\s+состав)?(?:\s+[\w-]+){0,3}?\s*[«\"“]$"
    # unquoted, or in the past: "вагоностроительный завод, входящий в Объединенную вагонную
    # компанию", "завод входил в структуру АО «Спецремонт»" (real news dev r17_023, r14_040,
    # r14_026: the group or the holding is the gold operator)
    r"|[»\"”]?\s*(?:,\s*(?:которое|который|которая)?\s*|\s)"
    r"(?:входи(?:т|л|ло|ла)|входящ\w*)\s+в(?:\s+(?:состав|структуру))?\s*[«\"“]?$")


def _owner_said(sent: Sentence, ph: _Phrase) -> str | None:
    """The company a plant is said to belong to right after its name (_OWNED_BY)."""
    for sp in sent.spans:
        if sp.start <= ph.end or sp.start - ph.end > 90:
            continue
        gap = sent.text[ph.end - sent.start:sp.start - sent.start]
        if _OWNED_BY.fullmatch(gap) and is_company(sp):
            return company_name(sp, True)
    return None


def _operator(sent: Sentence, ph: _Phrase, ctx: DocContext) -> str | None:
    return _operator_read(sent, ph, ctx)[0]


def _from_story(sent: Sentence, ph: _Phrase, ctx: DocContext) -> bool:
    """Whether the phrase's operator is the article's company, its sentence naming none."""
    operator, by_story = _operator_read(sent, ph, ctx)
    return by_story and operator is not None


def _operator_read(sent: Sentence, ph: _Phrase, ctx: DocContext) -> tuple[str | None, bool]:
    """The operator of a phrase, and whether it is only the article's company (no company
    of the sentence)."""
    if (owner := _owner_said(sent, ph)) is not None:
        return owner, False
    if ph.company:
        # "предприятия, среди которых ОАО «Пневматика»": its own company
        return ph.company, False
    if not ph.named and (owner := _OWNER_IN_NAME.match(ph.name)) and \
            sent.tokens[ph.head + 1].text.lower() != "«":
        return owner.group(1), False  # "завод компании «Дизель»" is run by «Дизель»
    if (latin := _latin_owner_of(ph)) is not None:
        return latin, False  # "завод немецкого холдинга OBO Betterman" (_latin_owner_after)
    companies = _clause_companies(sent, ph) or \
        sentence_companies(sent, exclude=(ph.start, ph.end))
    if companies and (siblings := _listed_beside(sent, ph)):
        # "о [компании] «Кавдоломит», кирпичном заводе «Гиперпресс», керамзитовом заводе":
        # the companies listed beside the plant are other enterprises, not its owner, and
        # the article's company is no better guess for an item of such a list
        companies = [c for c in companies if c not in siblings]
        if not companies:
            return None, False
    if companies and _head_lemma(ph.name) not in ADDED_UNITS:
        # "завод «Бештау» по производству компьютеров, …, также завод по производству
        # баранины" (real news dev r17_001, r5_020): the name of another plant of the
        # sentence is that plant's, not this plant's owner
        others = _other_plant_names(sent, ph)
        companies = [c for c in companies
                     if not any(_same_name(c, f"завод «{q}»") for q in others)]
    local = company_right_after(sent, ph.end) or (companies[0] if companies else None)
    operator = local or story_company(ctx)
    if operator is None or _same_name(operator, ph.name):
        # "завод «Стройберг»" of an article that writes "ООО «Стройберг»": the company of
        # its name runs it; a name the article never writes as a company's is the plant's
        # own (real news dev gold: 17 of 20 such plants have the company as operator, 32
        # of 47 others none)
        own = re.findall(r"«([^«»]+)»", ph.name)
        if own and (owner := _genitive_owner(own[-1])) is not None:
            return owner, False
        company = own and (own[-1] in ctx.company_names or _company_as_plant(ph))
        return (own[-1] if company else None), False
    return operator, local is None


def _company_as_plant(ph: _Phrase) -> bool:
    """"предприятие «X»" with no product: a company told as a plant is that company's
    (real news dev gold: 11 of 15 such rows have X as operator, the others an owner said)."""
    return ph.weak and ph.product is None and re.fullmatch(r"\w+ «[^«»]+»", ph.name) is not None


_OWNER_NOUNS = lexicon.words("company_words", role="owner_noun")


def _genitive_owner(quoted: str) -> str | None:
    """The company a plant's quoted name names in the genitive, its owner, in the nominative
    ("верфь «Объединенной судостроительной корпорации»" is run by the Объединенная
    судостроительная корпорация, real news dev r22_022; "завод «Новой химической
    компании»"): adjectives and a company noun (company_words.csv descriptors) read only
    as a genitive there. A name in the nominative ("«Русская медная компания»") is the
    plant's own."""
    words = quoted.split()
    noun = words[-1] if words else ""
    parses = morph().parse(noun.lower())
    if not parses or any({"nomn", "sing"} in p.tag for p in parses) or \
            not any(p.normal_form in _OWNER_NOUNS and {"gent", "sing"} in p.tag
                    for p in parses):
        return None
    head = inflect(noun, "nomn", "sing", "gent")
    adjectives = [agree(w, head.lower(), "gent") for w in words[:-1]]
    out = " ".join([*adjectives, head])
    return out if "ё" in quoted else out.replace("ё", "е")  # as the page spells it


# what may stand between two items of one list: a comma or "и", and the words of the next
# item (no verb, no clause break; a bracketed note on an item, "заводы «Авира» (выпуск
# оборудования) и «Упакс-Юнити»", "«Кордиант Ульяновск» (бывший Bridgestone), запуск …",
# real news dev r12_001, r5_020)
_LIST_GAP = re.compile(r"(?:[^()\[\];:—–.!?]|\([^()]*\))*?(?:,|\sи\s)"
                       r"(?:[^()\[\];:—–.!?]|\([^()]*\))*")


# a facility noun and the quoted name right after it: "завод «Бештау»", "шинного завода
# «Кордиант Ульяновск»"
_PLANT_AND_NAME = re.compile(r"([а-яёА-ЯЁ-]+)\s*[«\"“]([^«»\"“”]{2,60})[»\"”]")


def _other_plant_names(sent: Sentence, ph: _Phrase) -> list[str]:
    """The quoted names of the sentence's other plants (a plant noun right before them, no
    unit's), outside the phrase."""
    lo, hi = ph.start - sent.start, ph.end - sent.start
    return [m.group(2) for m in _PLANT_AND_NAME.finditer(sent.text)
            if not lo <= m.start(2) < hi and _head_lemma(m.group(1)) in FACILITY_HEADS
            and _head_lemma(m.group(1)) not in ADDED_UNITS]


def _listed_beside(sent: Sentence, ph: _Phrase) -> set[str]:
    """The companies named as other items of the list the phrase is an item of: the words
    between the company and the phrase hold a comma or "и" and no verb ("среди которых ОАО
    «Пневматика», ПАО «Завод «Симферопольсельмаш»", real news dev r10_022)."""
    out = set()
    for sp in sent.spans:
        if ph.start <= sp.start < ph.end:
            continue
        lo, hi = (sp.end, ph.start) if sp.end <= ph.start else (ph.end, sp.start)
        if hi < lo or not _LIST_GAP.fullmatch(sent.text[lo - sent.start:hi - sent.start]):
            continue
        if any(lo <= t.start < hi and (t.pos in ("VERB", "AUX") or _participle(t))
               for t in sent.tokens):
            continue
        in_quotes = sent.text[max(0, sp.start - sent.start - 1):sp.start - sent.start] == "«"
        if (name := company_name(sp, in_quotes)) is not None:
            out.add(name)
    return out


def _phrase_region(ph: _Phrase, regions: list[RegionMention], sent: Sentence,
                   ctx: DocContext) -> Region | None:
    region = regions[0].region if regions else ctx.region
    if ph.place and not regions and (ctx.region is None or find_regions(ph.place)):
        # a town's adjective ("Волжский") does not override the article's region
        return region_of_place_adjective(ph.place) or region
    if ph.at is not None:  # one of a plural head's towns (_plural_heads_in_places)
        return _nearest_region(regions, ph.at - sent.start) or region
    # a region right after the phrase places it ("… жилья в Приморье … и фабрики
    # рыбопереработки на Камчатке", real news dev r17_021)
    after = next((m.region for m in regions
                  if _RIGHT_AFTER.fullmatch(sent.text, ph.end - sent.start, m.start)), None)
    return after or _nearest_region(regions, ph.start - sent.start) or region


_RIGHT_AFTER = re.compile(r",?\s+(?:в|во|на)\s+")


def _phrase_status(sent: Sentence, ph: _Phrase, si: int, status: str | None,
                   statuses: list[str | None], found: list[list[_Phrase]]) -> str | None:
    """The row's status, or None when the phrase only mentions the facility."""
    toks = sent.tokens
    if ph.stated == UNKNOWN:
        return UNKNOWN  # listed with no event or only discussed (_list_rows): not of the
        # sentences around, nor of a verb of reviewing ("рассматривали ситуацию на …")
    if ph.weak and "«" in ph.name and ph.product is None and ph.head + 1 < len(toks) and \
            toks[ph.head + 1].text in "«\"“":
        # "предприятие «X»" is a company unless its own sentence stops or closes it; a kind
        # before it ("Торговое предприятие «…»", real news dev r3_026) says what company
        bare = ph.name.split()[0] == _head_nominative(sent.tokens[ph.head])
        if bare and _company_opened(sent, ph):
            return status
        return statuses[si] if bare and statuses[si] in _STOP_STATUSES else None
    if (part := _part_event(sent, ph)) is not None:
        return part
    if _capacity_grows(sent, _adjectives_before(toks, ph.head)[1]):
        if _speaks_of_future(toks):  # an extension to come takes its own stage, dated or not
            return statuses[si] if statuses[si] in ("announced", "planned") else "planned"
        return "under_construction" if _works_going_on(toks) else "expanded"
    st = _named_status(sent, ph, si, statuses, found) if ph.named else \
        _governing_event(toks, ph, statuses[si]) or status
    st = _listed_after_colon(sent, ph) or st
    if not ph.named and _cuts_staff(sent) and _leads(si, found):
        # the lead plant whose own sentence only cuts jobs: its story tells its stop
        st = _story_after(si, statuses, found) or st
    if not ph.named and statuses[si] is None and si >= LEAD_SENTENCES and \
            _proper_name(ph.name):
        return UNKNOWN  # "Финалистом стал комбинат «Кама»": a plant with a name exists; a
        # status of the sentences around is of other things (real news dev r9_022, r3_020)
    if st == "planned":
        st = _built_meanwhile(si, statuses, found) or st
    if st == "launched" and not _resumed(toks) and not _bare_production(toks) and (
            ph.lemma in ADDED_UNITS and _at_working_plant(sent, found[si])
            or _stage_of(toks, ph)
            or _later_unit(toks, ph)
            or _hosts_new_unit(sent, ph, found[si])
            or statuses[si] == "launched" and _place_of_launch(sent, ph)):
        st = "expanded"  # a new line or shop at a working plant, and that plant
    return st


def _later_unit(toks: list[Token], ph: _Phrase) -> bool:
    """The phrase is a unit added to a plant (facility_heads.csv added_unit) that an ordinal
    after the first calls ("открытие третьей технологической линии по выпуску цемента АО
    ПО «Якутцемент»", real news dev r16_024: gold expanded; plant_words.csv later_ordinal):
    the first one works, so the plant it is added to exists and grows."""
    return ph.lemma in ADDED_UNITS and any(
        _lem(t) in _LATER_ORDINALS for t in _adjectives_before(toks, ph.head)[0])


def _listed_after_colon(sent: Sentence, ph: _Phrase) -> str | None:
    """The status of the item the phrase stands in, after a colon that opens a list of what
    was done ("осуществлены инвестиции в создание инфраструктуры: построен и введен в
    эксплуатацию маслоэкстракционный завод, морской терминал …", a fresh real page of
    session 19, r19_040): the item's own verb, not the introduction's noun; None when the
    phrase follows no colon or its item states nothing."""
    toks = sent.tokens
    k = next((j for j, t in enumerate(toks) if t.start >= ph.start), len(toks))
    colon = next((j for j in range(k - 1, -1, -1) if toks[j].text == ":"), None)
    if colon is None or not any(STATUS_LEMMAS.get(_lem(t)) for t in toks[:colon]):
        return None
    end = next((j for j in range(k, len(toks)) if toks[j].text in (";", ":")), len(toks))
    item = toks[colon + 1:end]
    if not item:
        return None
    return _read_status(item, sent.text[item[0].start - sent.start:item[-1].end - sent.start])


def _bare_production(toks: list[Token]) -> bool:
    """"Запустили производство на заводе" with no product: the plant's own work started
    again, not a new unit."""
    for k, t in enumerate(toks):
        if _lem(t) == "производство" and t.case == "Acc":
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            return nxt is None or not (nxt.pos in ("NOUN", "ADJ") and nxt.case == "Gen")
    return False


def _resumed(toks: list[Token]) -> bool:
    """Work resumed that has been done ("на заводе «Факел» возобновили производство", a
    fresh real page of session 17): the plant restarted, launched (real-news annotation: a
    restart done is launched, r15_003), no unit added to it; one still to come is read
    as idle before (_read_status)."""
    return any(_verb_lemma(t) in _RESUMPTIONS and t.feats.get("Tense") == "Past" for t in toks)


def _proper_name(name: str) -> bool:
    """The row's name holds a proper name of the plant: a quoted one, a Latin one or "им."
    ("комбинат «Кама»", "завод Takeda", "завод им. Баранова"); "завод компании «X»" names
    its owner, not the plant (real news dev r6_029)."""
    before = name.split("«")[0].split()
    if "«" in name and before and morph().parse(before[-1])[0].normal_form in _COMPANY_WORDS:
        return False
    return "«" in name or "им." in name or bool(re.search(r"[A-Za-z]{2}", name))


def _company_opened(sent: Sentence, ph: _Phrase) -> bool:
    """"предприятие «X»" that a verb or noun of opening or building right before it governs,
    or that is called new ("планируют открыть предприятие «Вкус Аква»", "посетил новое
    предприятие «Альянс»", real news dev r11_006, r11_029): a facility that opens, not a
    company that acts. "дочернее предприятие «X»" and "директор предприятия «X»" stay
    companies."""
    before = [t for t in sent.tokens if t.end <= ph.start]
    if before and _lem(before[-1]) == "новый":
        return True
    return bool(before) and before[-1].pos in ("VERB", "NOUN") and \
        STATUS_LEMMAS.get(_verb_lemma(before[-1])) in _NEW_PLANT


def _governing_event(toks: list[Token], ph: _Phrase, own: str | None) -> str | None:
    """The status of the event noun that governs the phrase, where its sentence states
    another event first ("необходимы строительство нового корпуса фермы, модернизация цеха
    переработки молока", real news dev r11_016: the shop is modernised, the farm built; "На
    церемонии, посвященной началу строительства комбината, губернатор заявил, что
    строительство трех заводов позволит …", r8_029: those plants are a plan). Only an
    event the sentence states as going on or done, by a word before the noun, is
    overridden ("завершили реализацию проекта по возведению завода" stays launched, r2_016);
    None when none governs."""
    if own not in _ONGOING:
        return None
    k = next((j for j, t in enumerate(toks) if t.start >= ph.start), len(toks)) - 1
    while k >= 0 and toks[k].pos in ("ADJ", "NUM", "DET", "CCONJ"):
        k -= 1
    if k < 0 or toks[k].pos != "NOUN" or STATUS_LEMMAS.get(_lem(toks[k])) not in _ONGOING or \
            not any(STATUS_LEMMAS.get(_lem(t)) in _ONGOING for t in toks[:k]) or \
            any(_lem(t) in _COMPLETION_VERBS for t in toks[:k]):
        return None
    status = STATUS_LEMMAS[_lem(toks[k])]
    return "planned" if _speaks_of_future(_clause_of(toks, k)) else status


def _clause_of(toks: list[Token], k: int) -> list[Token]:
    """The tokens of the clause of token k, cut at ", что" before and after it (_before_said)."""
    cuts = [j for j in range(len(toks) - 1)
            if toks[j].text == "," and toks[j + 1].text.lower() == "что"]
    lo = max((j for j in cuts if j < k), default=-1) + 1
    hi = min((j for j in cuts if j > k), default=len(toks))
    return toks[lo:hi]


def _same_as_kept(kept: list[tuple[int, _Phrase]], si: int, ph: _Phrase) -> int | None:
    """The row of a facility already read that this phrase names again (not one of the
    plants in other towns its own plural head placed: _plural_heads_in_places)."""
    if ph.another:
        return None
    if ph.again and kept:
        return len(kept) - 1
    return next((k for k, (ksi, kp) in enumerate(kept)
                 if not (ksi == si and kp.at is not None and ph.at is not None) and (
                 kp.name == ph.name or
                 (ksi != si and _content(kp) & _content(ph) and not _told_apart(kp, ph)) or
                 _compound_of(kp, ph) or _compound_of(ph, kp) or
                 _compound_stem_of(kp, ph) or _compound_stem_of(ph, kp) or
                 (" " not in ph.name and kp.lemma == ph.lemma))), None)


def _owner_named_twin(kept: list[tuple[int, _Phrase]], out: list[PlantMention], ph: _Phrase,
                      operator: str | None) -> int | None:
    """The row of the same plant told first by its owner alone and then by what it makes
    ("о строительстве нового завода АО «Щелково Агрохим»" … "построить завод по
    производству амилозного крахмала", after real news dev r10_004): one head, one
    operator, the later phrase with a product and no name of its own."""
    if operator is None or ph.lemma in ADDED_UNITS:
        return None  # a company's shops and lines are many

    def owner_named(p: _Phrase) -> bool:
        words = p.name.split()
        return p.product is None and _OWNER_IN_NAME.match(p.name) is not None and \
            (lemma(words[1].lower()) in _COMPANY_WORDS or words[1] in _LEGAL_FORMS)
    for n, (_, kp) in enumerate(kept):
        if kp.lemma != ph.lemma or out[n].operator != operator:
            continue
        # only in this order: "Среди них и завод компании «X»" after a plant told is one
        # more of the kind (test_a_plant_with_a_name_takes_no_other_plants_status)
        if owner_named(kp) and not owner_named(ph) and not ph.named and ph.product:
            return n
    return None


def _run_by_kept(kept: list[tuple[int, _Phrase]], out: list[PlantMention], ph: _Phrase,
                 operator: str | None, told: tuple[str, date | None, int | None] | None
                 ) -> int | None:
    """The row of a plant told first that is the company of a later phrase of its own kind
    with no name of its own: the same plant named again (fresh real pages of session 18:
    "завод «Энгельсспецтрубмаш»" … "предприятие «Энгельсспецтрубмаш» открыло завод по
    выпуску … труб"; "Верхнесалдинский металлургический завод, который … считался крупнейшим
    передельным заводом"). One with another event is a second plant of the company; a plant
    with a product of its own is not named by its company alone ("завод «Бештау» по
    производству компьютеров", "… завод по производству баранины"), nor is one of the
    plants a plural head places one in each town ("заводов АВТОВАЗ в Тольятти и Ижевске")."""
    if operator is None or ph.named or "«" in ph.name or ph.at is not None:
        return None
    status = told[0] if told is not None else None
    return next((n for n, (_, kp) in enumerate(kept)
                 if kp.lemma == ph.lemma and out[n].product is None
                 and _same_name(operator, out[n].name)
                 and status in (out[n].status, UNKNOWN, None)), None)


def _quoted_company(operator: str | None, name: str) -> str | None:
    """The company of a plant named by it ("завод «X»" run by «X», as _operator reads a
    plant's quoted name), or None."""
    quoted = re.findall(r"«([^«»]+)»", name)
    return operator if operator is not None and quoted and quoted[-1] == operator else None


def _units_of_named(out: list[PlantMention], kept: list[tuple[int, _Phrase]],
                    sentences: list[Sentence]) -> None:
    """Fold into its plant a working unit whose company is a plant the page has as a row,
    told before or after it (real news dev r11_019: "завод «Стройберг»" … "цеха автоклавного
    газобетона" of Стройберг; fresh real pages of session 18: "Архангельский ЦБК" …
    "«Реконструкция производства картона»", "дал старт производству кваса" … "на кушвинском
    заводе «Молочная благодать»"): the plant's new output, one row, expanded (r12
    convention). A line, or a unit called new, stays a row of its own ("запустила новый цех
    литья", written corpus 056, 015, 029, 067), and so does a unit not yet working, with
    its own stage (session 14 status convention (2): "на базе завода открыть новое
    производство"). In place, `out` and `kept` alike."""
    drop = set()
    for k, (si, ph) in enumerate(kept):
        row = out[k]
        if ph.lemma not in ADDED_UNITS or ph.lemma == "линия" or ph.named or "«" in ph.name \
                or row.operator is None or row.status not in ("launched", "expanded") or any(
                    _lem(t) == "новый"
                    for t in _adjectives_before(sentences[si].tokens, ph.head)[0]):
            continue
        host = next((n for n, (_, kp) in enumerate(kept)
                     if n != k and n not in drop and kp.lemma not in ADDED_UNITS
                     and out[n].product is None and _same_name(row.operator, out[n].name)),
                    None)
        if host is not None:
            out[host] = replace(out[host], product=row.product,
                                operator=out[host].operator or _quoted_company(
                                    row.operator, out[host].name))
            drop.add(k)
    out[:] = [r for k, r in enumerate(out) if k not in drop]
    kept[:] = [p for k, p in enumerate(kept) if k not in drop]


def _plan_window_dated(k: int, flags: list[int], found: list[list[_Phrase]]) -> bool:
    """A date or a time frame in the plan's sentence or in a later one of its story, up to
    the next sentence that names another facility: "… планирует запустить производство
    деталей. В 2024 году … планирует открыть предприятие …" dates the second plan, not the
    first (real news dev r2_051); "ЗАО построит цементный завод. Соглашение о строительстве
    Зейского цементного завода подписали … сроки реализации проекта ограничены 2012 годом"
    dates the one plant the story tells (r8_028; session 14 status convention (1): a stated
    date or time frame anywhere in its story makes a plan "planned"). Beyond the window of
    PLAN_DATE_WINDOW sentences only a sentence that states a status dates it: "Мы ждем
    резкого увеличения инвесторов в 2018 - 2020 годах" at the end of a page is of something
    else (r2_026)."""
    if not found[k] and k > 0 and flags[k - 1] == STATED_DATE:
        return True  # "В 2024 году планируется завершить проект … Проект реализует компания"
    for j in range(k, len(flags)):
        if j > k and found[j] and not _same_facilities(found[k], found[j]):
            return False
        if flags[j] == STATED_DATE or flags[j] and j - k < PLAN_DATE_WINDOW:
            return True
    return False


def _same_facilities(told: list[_Phrase], named: list[_Phrase]) -> bool:
    """`named` names the facilities of `told` again, all of them and no other: a noun of
    what they make in common, or the same head noun where one says no product ("цементный
    завод" … "Зейский цементный завод"); a later sentence naming only some of a list dates
    only those (_dated_again, real news dev r2_044); a line or shop with no name is a part."""
    def same(p: _Phrase, q: _Phrase) -> bool:
        if _content(p) & _content(q) or any(f(a, b) for f in (_compound_of, _compound_stem_of)
                                            for a, b in ((p, q), (q, p))):
            return True
        wp, wq = _kind_words(p), _kind_words(q)
        return p.lemma == q.lemma and (not wp or not wq or bool(wp & wq))
    others = [q for q in named if not _unnamed_unit(q)]
    return bool(told) and all(any(same(p, q) for p in told) for q in others) and \
        (not others or all(any(same(p, q) for q in others) for p in told))


def _kind_words(ph: _Phrase) -> set[str]:
    """The stems of the words that tell a facility's kind, its head noun and the nouns of
    making left out ("Зейский цементный завод" -> зейск, цемен; "завод по производству
    плитки" -> плитк): two phrases of one head are one facility when one has none or they
    share one."""
    out = set()
    for w in re.findall(r"[а-яё]{4,}", ph.name.lower()):
        lem = morph().parse(w)[0].normal_form
        if lem != ph.lemma and lem not in PRODUCT_NOUNS:
            out.add(w[:5])
    return out


def _unnamed_unit(ph: _Phrase) -> bool:
    """A line or a shop with no name of its own ("Здесь хотят открыть линии штамповки и
    сварки", real news dev r9_019): a part of the plant the story tells, not another one."""
    return ph.lemma in ADDED_UNITS and ph.lemma != "производство" and not ph.named \
        and "«" not in ph.name


def _unit_host(sent: Sentence, ph: _Phrase, si: int, kept: list[tuple[int, _Phrase]]
               ) -> int | None:
    """The row of the plant a unit belongs to: a line, a shop or a production placed "на
    заводе" / "на молочном комбинате" of a plant the article already has as a row ("на
    заводе налажено производство сетки", "на молочном комбинате открылся новый цех", real
    news dev r2_029, r1_054, r4_011): the unit is part of that plant, not a plant of its own.
    A new line stays a row of its own ("на заводе создана новая линия сборки", written
    corpus 067): what it adds is a capacity the annotation counts."""
    if ph.lemma not in ADDED_UNITS or ph.lemma == "линия":
        return None
    toks = sent.tokens
    for k, t in enumerate(toks):
        if not (t.lemma in _HOSTS and t.case == "Loc" and not ph.start <= t.start < ph.end):
            continue
        j = k - 1
        while j >= 0 and toks[j].pos == "ADJ":
            j -= 1
        if j < 0 or toks[j].text.lower() != "на":
            continue
        return next((n for n, (_, kp) in enumerate(kept) if kp.lemma == _lem(t)), None)
    return None


# a plant still to come or just opened: a unit told after it is part of the project; one at
# a working plant (expanded), or a new line at an open one, is a capacity added, a row of its
# own (written corpus 067, 033)
_NEW_PLANT = frozenset({"announced", "planned", "under_construction", "launched"})


def _unit_of_main(ph: _Phrase, si: int, kept: list[tuple[int, _Phrase]],
                  out: list[PlantMention], operator: str | None,
                  by_story: bool = True) -> int | None:
    """The row of a plant told before, for a later unit with no name of its own and the
    same operator ("Холдинг … строит комплекс по забою скота … В 2025 году запустят
    обвалочный цех", real news dev r8_012, r9_014, r7_027): a shop, line or production told
    after a plant is part of it; another company's is a project of its own (r7_010). A unit
    whose sentence names its company (`by_story` False) is not part of a plant whose
    operator was only the article's company ("Самый крупный — завод алюминиевой банки. …
    компания «Промо-Консалтинг» открыла производство противопожарного оборудования", real
    news dev r14_020): the article's company was a guess there."""
    if ph.lemma not in ADDED_UNITS or ph.named or "«" in ph.name or \
            any(lemma(w).endswith(tuple(_INDUSTRY_ADJECTIVES)) for w in ph.name.split()[:1]):
        return None  # "лакокрасочное производство": a branch of its own (r2_044)
    if any(ksi == si and kp.lemma not in ADDED_UNITS and not kp.weak for ksi, kp in kept):
        # "заработали: маслозавод …, сыроварня …, производство напитков …": an item of a
        # list of plants of its own sentence, not a unit of a plant told before
        return None
    return next((n for n, (ksi, kp) in enumerate(kept) if ksi < si and
                 kp.lemma not in ADDED_UNITS and not kp.weak and out[n].operator == operator
                 and (by_story or not out[n].story_operator)
                 and out[n].status in _NEW_PLANT
                 and not (ph.lemma == "линия" and out[n].status == "launched")), None)


def _dated_again(ph: _Phrase, k: int, flags: list[int], found: list[list[_Phrase]]) -> bool:
    """A later sentence of the window names the facility again and dates it ("… проекты по
    строительству завода по переработке макулатуры, производству стекла … В 2026 году
    планируют построить завод по переработке макулатуры", real news dev r2_044): that plan
    is dated, the others of the first sentence are not."""
    own = _content(ph)
    return any(_plan_window_dated(j, flags, found) and any(_content(p) & own for p in found[j])
               for j in range(k + 1, min(k + PLAN_DATE_WINDOW, len(flags))))


def _only_visited(sent: Sentence, si: int, statuses: list[str | None],
                  found: list[list[_Phrase]]) -> bool:
    """The sentence's facilities are places of a visit ("Он побывает на заводе …", real news
    dev r3_024): no status of its own, and the next sentence does not say what happened to
    them ("посетил стекольный завод. Предприятие после реконструкции увеличило выпуск",
    written corpus 028)."""
    if statuses[si] is not None or not any(_lem(t) in _VISITS for t in sent.tokens):
        return False
    return not (si + 1 < len(statuses) and statuses[si + 1] and not found[si + 1])


def _listed_unit(ph: _Phrase, phrases: list[_Phrase]) -> bool:
    """One of several shops or lines a sentence with no event of its own lists ("Осмотр
    охватил несколько участков фабрики, включая подготовительный цех, цех швейных автоматов
    …", real news dev r11_011): the parts of a plant described, not plants with news."""
    def unit(p: _Phrase) -> bool:
        return p.lemma in ADDED_UNITS and p.lemma != "производство" and not p.named \
            and "«" not in p.name
    return unit(ph) and sum(unit(p) for p in phrases) >= 2


def _visited_new(sent: Sentence, ph: _Phrase) -> bool:
    """A visit to a plant called new ("посетил новое предприятие «Альянс», на котором
    производят …", real news dev r11_029): a plant that opened and works, not a mere place."""
    before = [t for t in sent.tokens if t.end <= sent.tokens[ph.head].start]
    return bool(before) and _lem(before[-1]) == "новый" and \
        any(_lem(t) in _VISITS for t in before)


NO_DATE, DATE, STATED_DATE = 0, 1, 2  # _verbless_dated: how a sentence dates a plan


def _of_the_works(toks: list[Token]) -> bool:
    """The sentence speaks of the works of the story's project by an event noun with no
    other object ("Строительство завершат в 2026 году", "на его строительство планируется
    год", "сроки реализации проекта ограничены 2012 годом", real news dev r6_032, r10_016,
    r8_028): a noun of a status or of carrying out (plant_words.csv plan_term) whose
    genitive, if any, is a facility or the project; or the facility told before, named
    again by an anaphor, with a status word ("Данную линию запустят в октябре", r7_030). "В
    2027 году откроют школу" is not."""
    if any(_lem(a) in _ANAPHORS and _lem(h) in FACILITY_HEADS for a, h in zip(
            toks, toks[1:], strict=False)) and any(_verb_lemma(t) in STATUS_LEMMAS for t in toks):
        return True
    return any(t.pos == "NOUN" and (_lem(t) in STATUS_LEMMAS or _lem(t) in _PLAN_TERMS)
               and _of_a_facility(toks, k) for k, t in enumerate(toks))


def _of_a_facility(toks: list[Token], k: int) -> bool:
    """The event noun at k is of a facility or of the project: the noun in the genitive
    after it, if any, is a facility noun or a word of a plan ("строительство завода",
    "реализации проекта"; not "расширению склада")."""
    j = k + 1
    while j < len(toks) and toks[j].pos in ("ADJ", "DET"):
        j += 1
    obj = toks[j] if j < len(toks) else None
    return obj is None or obj.pos != "NOUN" or obj.case != "Gen" or \
        _lem(obj) in FACILITY_HEADS or STATUS_LEMMAS.get(_lem(obj)) == "planned"


def _verbless_dated(sentences: list[Sentence], published: date | None) -> list[int]:
    """Which sentences date a plan (plan_dated); a sentence with no verb goes on with the
    dated plan before it ("В 2026 году планируют построить завод по переработке макулатуры.
    Также завод по производству газобетона.", real news dev r2_044): it is dated too. A
    dated sentence of the works with no other object is STATED_DATE: it may date a plan
    told further back than the window (_plan_window_dated)."""
    out = [(STATED_DATE if _of_the_works(s.tokens) else DATE)
           if sentence_dates_plan(s, published) else NO_DATE for s in sentences]
    for k in range(1, len(out)):
        if out[k - 1] and (not any(t.pos in ("VERB", "AUX") for t in sentences[k].tokens)
                           or _goes_on(sentences[k].tokens)):
            out[k] = max(out[k], DATE)
    return out


def _goes_on(toks: list[Token]) -> bool:
    """The sentence opens with a word of addition ("Кроме того, будет введена вторая
    очередь …" after "до конца 2017 года появятся предприятия …", real news dev r9_018;
    plant_words.csv addition): it adds to the plan of the sentence before, in its time frame."""
    words = [t.text.lower() for t in toks[:2]]
    if not words or not (words[0] in _ADDITIONS or " ".join(words) in _ADDITIONS):
        return False
    # a new saying in the past is a plan of its own ("Также он анонсировал строительство
    # мебельной фабрики", real news dev r2_045): only a plan told on in the future goes on
    return not any(t.pos in ("VERB", "AUX") and t.feats.get("Tense") == "Past" and
                   t.feats.get("VerbForm") == "Fin" for t in toks)


def _sentence_statuses(sentences: list[Sentence], flags: list[int],
                       found: list[list[_Phrase]], published: date | None = None
                       ) -> list[str | None]:
    """The status each sentence states; a sentence with no verb goes on with the plan of
    the one before ("… договор предполагает строительство завода битума. В частности,
    строительство завода клеев.", real news dev r2_048). A sentence that tells the plant's
    past (_tells_history) states no event of the news when `published` is given."""
    statuses = [None if _tells_history(s, published) else
                sentence_status(s, _plan_window_dated(k, flags, found))
                for k, s in enumerate(sentences)]
    for k, st in enumerate(statuses):
        if st in ("announced", "planned") and not _plan_window_dated(k, flags, found):
            statuses[k] = _plan_basis(sentences, k) or st
    for k in reversed(range(len(statuses))):  # "… признан банкротом. … конкурсное производство"
        if statuses[k] == UNKNOWN and _closed_after_bankruptcy(sentences, k, statuses, found):
            statuses[k] = "closed"
    for k in range(1, len(statuses)):
        if statuses[k] in _ONGOING and statuses[k - 1] in ("announced", "planned") and \
                not any(t.pos in ("VERB", "AUX") for t in sentences[k].tokens) and \
                not _told_in_past(sentences[k - 1].tokens):
            statuses[k] = statuses[k - 1]
    for k, st in enumerate(statuses):
        if st == "launched":
            statuses[k] = _launch_awaited(sentences, k, statuses, found) or st
        elif st in ("announced", "planned") and _finished_soon(sentences[k], published):
            statuses[k] = "under_construction"
    return statuses


SOON_YEARS = 1  # a building to be finished by the end of the next year is being built now


def _finished_soon(sent: Sentence, published: date | None) -> bool:
    """A building (or a modernisation) still to be finished soon, in the year of the page or
    the next ("Строительство комбината будет завершено в конце этого года", "В этом году
    планируется завершить создание фабрики", "до конца года будет построен завод", real news
    dev r15_026, r12_027, r19_018, r8_018, r22_030; public pages: "завершить работы
    планируют до конца 2025 года", 90 % built): works going on now, under construction
    (session 14 status convention (2)). A completion years ahead, or one of no date, stays a
    plan; a verb of building alone needs a deadline of the end of the year and the passive,
    which tells of the object ("до конца года будет построен завод"): "компания до конца года
    построит завод", "в этом году построят", "появится" stay a company's plan."""
    toks = sent.tokens
    if not _soon(toks, sent.text, published):
        return False
    for k, t in enumerate(toks):
        if t.pos != "VERB" or not (t.feats.get("Tense") == "Fut" or _future_aux(toks, k) or
                                   _planned_infinitive(toks, k)):
            continue
        if _verb_lemma(t) in _COMPLETION_VERBS and _works_finished(toks, k):
            return True
        if _verb_lemma(t) in _DONE_BUILDING and t.feats.get("VerbForm") == "Part" and any(
                _lem(x) == "конец" and _lem(y) == "год"
                for x, y in zip(toks, toks[1:], strict=False)):
            return True  # "будет построен": the object's completion; "построит": a plan
    return False


def _soon(toks: list[Token], text: str, published: date | None) -> bool:
    """The sentence names this year or the next: "в этом году", "до конца текущего года",
    "в текущем квартале", "этой весной" (plant_words.csv deadline_adjective, time_unit,
    season), "до конца года", or a year no later than SOON_YEARS after the page's (none when
    the page has no date)."""
    for k, t in enumerate(toks[:-1]):
        nxt = _lem(toks[k + 1])
        if nxt == "год" and _lem(t) == "конец" or _lem(t) in _DEADLINE_ADJECTIVES and (
                nxt in _TIME_UNITS or nxt == "квартал" or nxt in _SEASONS):
            return True  # "до конца года", "в текущем квартале", "этой весной"
    if published is None:
        return False
    return any(published.year <= d.value.year <= published.year + SOON_YEARS
               for d in find_dates(text, published) if d.precision != "day")


def _works_finished(toks: list[Token], k: int) -> bool:
    """The completion verb at k finishes works (plant_statuses.csv under_construction or
    expanded): its object, the first noun after it ("завершить создание фабрики"), or a
    subject before it in its clause ("строительство комбината … будет завершено"); not a
    project's realisation with its works listed further on (real news dev r13_005)."""
    def works(x: Token) -> bool:
        return x.pos == "NOUN" and STATUS_LEMMAS.get(_lem(x)) in ("under_construction", "expanded")
    obj = next((x for x in toks[k + 1:] if x.pos not in ("ADJ", "DET", "ADV")), None)
    if obj is not None and works(obj):
        return True
    return any(works(x) and x.case == "Nom" for x in _clause_around(toks, k, 0, k + 1)[:-1])


EXIT_WINDOW = 3  # sentences before and after a stop in which an exit from the country closes it


def _leaves_country(toks: list[Token]) -> bool:
    """The owner leaves the country or its market ("заявил об уходе из России", "решил
    покинуть российский рынок"; plant_words.csv exit_word, home_market): a plant it stops
    then is closed, not suspended (real news dev r6_020; public pages on the exits of 2022:
    the company "окончательно прекращает работу в России, закрывает производство")."""
    for k, t in enumerate(toks):
        if (_lem(t) in _EXITS or _verb_lemma(t) in _EXITS) and \
                any(_lem(x) in _HOME_MARKETS for x in toks[k + 1:k + 4]) and \
                not any(x.text.lower() == "не" or _lem(x) in _THREATS
                        for x in toks[max(0, k - 3):k]):
            return True  # not "не намерена уходить из России", "о возможном уходе"
    return False


HISTORY_YEARS = 2  # an event this many years or more before publication is the plant's past


@memo_object
def _tells_history(sent: Sentence, published: date | None) -> bool:
    """The sentence tells what happened to the plant years ago, not the news: its finite
    verbs are all in the past and it dates its event HISTORY_YEARS or more before the
    publication ("Завод …, сданный в эксплуатацию в 2014 году, относился к приоритетным
    проектам" on a page of 2019, real news dev r9_029: the news is the bankruptcy), or "N
    лет назад" ("Предприятие заработало десять лет назад", a fresh real page of session
    18: the news is its idling). A sentence with a date of the last year, or one to come,
    tells the news too ("закрыт в 2010 году и вновь открыт в этом месяце"); a deadline
    ("до 2025 года") dates none. Memoised per document: asked of every sentence two or
    three times (statuses, the past read again)."""
    toks = sent.tokens
    if any(t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin"
           and t.feats.get("Tense") != "Past" for t in toks):
        return False
    ago = any(_lem(t) == "назад" and k > 0 and toks[k - 1].text.lower() in ("лет", "года")
              for k, t in enumerate(toks))
    if published is None:
        return ago
    # a deadline ("Стратегии развития … до 2025 года") dates no event of the sentence
    years = [d.value.year for d in find_dates(sent.text, published)
             if not sent.text[:d.start].rstrip().lower().endswith((" до", "\nдо"))
             and sent.text[:d.start].strip().lower() != "до"]
    if any(y > published.year - HISTORY_YEARS for y in years):
        return False
    if years and not ago and _described_before(sent.tokens):
        return False  # the old date is of a description, the finite verb tells the news
    return ago or bool(years)


def _participle_clause(toks: list[Token], k: int) -> list[Token]:
    """The participial clause of the participle at k: up to the next comma or the end."""
    end = next((j for j in range(k + 1, len(toks)) if toks[j].text == ","), len(toks))
    return toks[k:end]


def _dated_description(toks: list[Token], k: int) -> bool:
    """The token at k is a status participle whose clause holds a year ("Завод, запущенный
    в 2010 году, приостановил работу", "прекратившего свою деятельность в 2004 году", real
    news dev r8_013): it describes the plant's past, not this sentence's event."""
    t = toks[k]
    if t.pos != "VERB" or t.feats.get("VerbForm") != "Part" or not (
            _verb_lemma(t) in _EVENT_VERBS or _lem(t) in _EVENT_VERBS) or \
            "PRTF" not in morph().parse(t.text)[0].tag:
        return False  # a short participle is the predicate: "запуск намечен на 2027 год"
    clause = _participle_clause(toks, k)
    return any(x.pos == "NUM" or re.fullmatch(r"\d{4}", x.text) for x in clause) and \
        any(_lem(x) == "год" or x.text.lower().rstrip(".") == "г" for x in clause)


def _described_before(toks: list[Token]) -> bool:
    """A finite status verb of the sentence with a dated status participle describing the
    plant (_dated_description): the finite verb is the news."""
    return any(_dated_description(toks, k) for k in range(len(toks))) and any(
        t.pos == "VERB" and t.feats.get("VerbForm") == "Fin" and
        (_lem(t) in _EVENT_VERBS or _verb_lemma(t) in _EVENT_VERBS) for t in toks)


def _told_in_past(toks: list[Token]) -> bool:
    """Every finite verb of the sentence is in the past: what it calls a project is one
    carried out ("Проект обошелся в два миллиарда рублей", real news dev r19_005), no plan
    that a verbless sentence after it goes on with ("Другой пример - это строительство
    комплекса …": a building going on)."""
    finite = [t for t in toks if t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin"]
    return bool(finite) and all(t.feats.get("Tense") == "Past" for t in finite)


def _launch_awaited(sentences: list[Sentence], k: int, statuses: list[str | None],
                    found: list[list[_Phrase]]) -> str | None:
    """The stage of a building finished at k whose launch a later sentence of its story,
    naming no other facility, says is still to come ("В настоящее время завершено
    строительство убойного цеха … в апреле планируем запускать производство", real news dev
    r5_028): built is not working, so no launch (session 14 status convention (2)); None
    when the sentence tells no finished building or no launch to come follows."""
    if _completed_building(sentences[k].tokens, sentences[k].text) != "launched":
        return None
    for j in range(k + 1, len(sentences)):
        if found[j]:
            return None
        if statuses[j] in ("announced", "planned") and any(
                STATUS_LEMMAS.get(_verb_lemma(t)) == "launched" for t in sentences[j].tokens):
            return statuses[j]
    return None


def _closed_after_bankruptcy(sentences: list[Sentence], k: int, statuses: list[str | None],
                             found: list[list[_Phrase]]) -> bool:
    """A bankruptcy whose plant the next sentence, naming no other facility, stops, closes
    or puts in receivership ("… о признании несостоятельным ООО «Юргинский
    машиностроительный завод». … В отношении Юрмаша было открыто конкурсное производство",
    real news dev r3_005; "… признан банкротом. Производство остановлено ещё в прошлом
    году", written holdout h18): bankrupt and stopped, so closed."""
    toks = sentences[k].tokens
    if not any(_bankrupt(toks, j) for j in range(len(toks))):
        return False
    return k + 1 < len(statuses) and not found[k + 1] and statuses[k + 1] in _STOP_STATUSES \
        and _stop_told_done(sentences[k + 1].tokens)


def _stop_told_done(toks: list[Token]) -> bool:
    """The sentence tells a stop that has happened, not one to come ("После завершения
    процедуры банкротства … Производство на заводе остановится", a fresh real page of
    session 19, r19_004) nor a general present ("закрываются предприятия, которые не
    воспрянут", fresh f_007): closed is "bankrupt and stopped" (annotation rules), so a
    stop still to come, or said of plants at large, leaves the bankrupt plant unknown."""
    if _speaks_of_future(toks):
        return False
    return not any(t.pos == "VERB" and t.feats.get("VerbForm") == "Fin" and
                   t.feats.get("Tense") == "Pres" and
                   STATUS_LEMMAS.get(_verb_lemma(t)) in _STOP_STATUSES for t in toks)


PLAN_BASIS_WINDOW = 2  # sentences each side of a plan that may say what it rests on


def _plan_basis(sentences: list[Sentence], k: int) -> str | None:
    """What an undated plan rests on, from its sentence and the two each side: a project
    approved or put on a list of priority projects is a firm plan, "planned" ("Среди
    одобренных … проект … Компания планирует построить комбинат", real news dev r3_039;
    the written holdout h15: kept against session 14 status convention (1), which reads an
    undated approval as "announced", r7_021, while the written corpus keeps its gold); else
    an agreement signed or to be signed is "announced" ("ЗАО построит цементный завод.
    Соглашение о строительстве подписали …", r10_019, r5_018: real-news annotation rules).
    None when there is neither."""
    near = [t for s in sentences[max(0, k - PLAN_BASIS_WINDOW):k + PLAN_BASIS_WINDOW + 1]
            for t in s.tokens]
    if any(_lem(t) in _APPROVALS for t in near):
        return "planned"
    if any(_lem(t) in _AGREEMENTS and not any(_lem(x) in _OTHER_DEALS for x in near[j + 1:j + 4])
           for j, t in enumerate(near)):
        return "announced"  # not a lease or a supply contract ("договор субаренды", r8_011)
    return None


def _events(statuses: list[str | None]) -> list[str]:
    """The statuses that say something happened (a cut of jobs says nothing of the plant)."""
    return [s for s in statuses if s and s != UNKNOWN]


def find_plants(analyzed: AnalyzedText, ctx: DocContext) -> list[PlantMention]:
    """The facilities of the article's text, and those of its headline that the text does
    not name: a page often states a plant plainly only in its headline ("Власти Удмуртии
    собираются построить завод «Хмельной оружейник»" over a body that says "для
    строительства завода с названием …", real news dev r5_026)."""
    found = _find_all(analyzed, ctx)
    rows = _plant_not_run_by_plant([*found, *_visited_works(analyzed.sentences, ctx, found)])
    out = [_named_by_operator(r) for r in rows]
    drop: set[int] = set()
    for k, (n, r) in enumerate(zip(out, rows, strict=True)):
        same = next((j for j, o in enumerate(out) if j != k and j not in drop
                     and o.name.lower() == n.name.lower()), None) if n is not r else None
        if same is None:
            same = next((j for j in range(k) if j not in drop and _one_kind(out[j], n)), None)
        if same is None:
            same = next((j for j, o in enumerate(out) if j != k and j not in drop
                         and (_bare_mention_of(n, o) or _abbreviated_twin(n, o)
                              or _place_short_of(n, o))), None)
        if same is not None:  # the plant told twice: one row, with the status it was told
            drop.add(k)
            if out[same].status == UNKNOWN:
                out[same] = replace(out[same], status=n.status, event_date=n.event_date,
                                    event_year=n.event_year)
    rows = _group_of_lone_plant(_without_owner_twins(_without_company_rows(_without_lines_of_rows(
        [_closed_by_exit(_fullest_name(n, analyzed), analyzed) for k, n in enumerate(out)
         if k not in drop and not _a_volume(n) and not _abroad(n, analyzed)]))), analyzed)
    return [replace(r, name=_without_legal_form(r.name)) for r in rows]


def _without_legal_form(name: str) -> str:
    """A plant's own noun before a company's legal form names the plant by the quoted name
    alone: "Завод АО «Кавминводы»" is "завод «Кавминводы»", as the annotators write it (real
    news dev r19_034, r3_003, r6_024). A weak head or an added unit keeps the form
    ("производство ЗАО «Промтех-Ульяновск»", r1_053; "цех МП «Северные олени»", r10_023: the
    company's shop), as a company word does ("завод компании «Дизель»"). Done last: the
    passes before it read the form as the mark of a plant named by its owner."""
    head, form, rest = (name.split(" ", 2) + ["", ""])[:3]
    low = lemma(head.lower())
    if form not in _LEGAL_FORMS or not rest.startswith("«") or low in WEAK_HEADS or \
            low in ADDED_UNITS or low not in FACILITY_HEADS:
        return name
    return f"{head} {rest}"


# "Напомним, завод, входящий в Объединенную судостроительную корпорацию (ОСК), …", "завод
# входил в структуру АО «Спецремонт»" (real news dev r14_026, r14_040): the article's plant
# told again by its bare noun, and the group it belongs to, right after it
_BARE_PLANT_IN_GROUP = re.compile(
    r"(?:^|[\s,—–-])(?:завод|комбинат|фабрика|предприятие|верфь)\s*,?\s*(?:входящ\w*|"
    r"(?:которы[йе]|которая)\s+входи\w*|входи(?:т|л|ло|ла))\s+в(?:\s+(?:состав|структуру))?\s+$",
    re.IGNORECASE)


def _group_of_lone_plant(rows: list[PlantMention], analyzed: AnalyzedText
                         ) -> list[PlantMention]:
    """The article's only plant, with no operator, is run by the group a sentence says "the
    plant" belongs to (_BARE_PLANT_IN_GROUP, the company named right after it): an article
    about one plant names it by its bare noun again. With more plants, which one is meant
    is not told."""
    if len(rows) != 1 or rows[0].operator is not None:
        return rows
    for sent in analyzed.sentences:
        for sp in sent.spans:
            before = sent.text[max(0, sp.start - sent.start - 60):sp.start - sent.start]
            if _BARE_PLANT_IN_GROUP.search(before) and is_company(sp) and \
                    (name := span_company(sp, sent.text, sent.start)) is not None:
                name = re.sub(r"\s*\([^()]*\)$", "", name)  # "(ОСК)": its abbreviation
                return [replace(rows[0], operator=name, story_operator=False)]
    return rows


def _closed_by_exit(row: PlantMention, analyzed: AnalyzedText) -> PlantMention:
    """A stopped plant whose owner leaves the country, told up to EXIT_WINDOW sentences
    around the stop (the headline included), is closed: "Владелец завода … объявил об
    остановке работы в России" over "… заявил об уходе из России" (real news dev r6_020)."""
    if row.status != "suspended":
        return row
    sents = [*analyzed.headline, *analyzed.sentences]
    at = next((k for k, s in enumerate(sents) if s.text == row.evidence), None)
    if at is None or not any(_leaves_country(s.tokens)
                             for s in sents[max(0, at - EXIT_WINDOW):at + EXIT_WINDOW + 1]):
        return row
    return replace(row, status="closed")


def _latin_owner_of(ph: _Phrase) -> str | None:
    """The Latin name of the owner that names a plant ("завод немецкого холдинга OBO
    Betterman" -> OBO Betterman, real news dev r22_039 gold operator), else None."""
    m = _LATIN_OWNER.search(ph.name)
    if ph.named or ph.product or m is None or m.end() != len(ph.name):
        return None
    words = ph.name[:m.start()].split()
    return m.group(1) if len(words) >= 2 and lemma(words[-1]) in _COMPANY_WORDS else None


def _without_owner_twins(rows: list[PlantMention]) -> list[PlantMention]:
    """Without a plant named only by its owner's Latin name ("завод американской компании
    Kemin Industries Incorporated", _latin_owner_after) when another row of the same head
    names that owner ("завод по производству кормов … Kemin Industries Incorporated", real
    news dev r17_044): one plant, told by what it makes."""
    def owner(r: PlantMention) -> str | None:
        m = _LATIN_OWNER.search(r.name)
        return m.group(1) if m and r.product is None and m.end() == len(r.name) and \
            len(r.name.split()) > len(m.group(1).split()) + 2 else None
    return [r for r in rows if not ((name := owner(r)) and any(
        o is not r and _head_lemma(o.name) == _head_lemma(r.name) and
        name in f"{o.name} {o.operator or ''}" for o in rows))]


def _without_lines_of_rows(rows: list[PlantMention]) -> list[PlantMention]:
    """The rows less the production lines still to come of a plant that is a row of its
    own: a line planned "на заводе", "на комбинате" of a plant the article reports is part of
    that plant's plans, one facility (issue 16; real news dev r1_016 "на заводе планируют
    запустить 4 линии сборки", r13_018, r13_006: the gold holds the plant, not its line). The
    plant is a row of the same operator (or both none) and region, named by a plant noun, of
    known status. A line that works already stays a row (written corpus 033, 067)."""
    def host_of(line: PlantMention) -> bool:
        return any(_head_lemma(o.name) not in ADDED_UNITS and o.operator == line.operator
                   and o.status != UNKNOWN and o.region == line.region for o in rows)

    return [r for r in rows
            if _head_lemma(r.name) != "линия" or r.status not in _TO_COME or not host_of(r)]



def _company_told(row: PlantMention) -> bool:
    """A row named only by a weak head and its company ("предприятие «X»", "производство
    ЗАО «X»", "площадка ООО «X»"): the company told as a facility."""
    return row.product is None and row.operator is not None and \
        _head_lemma(row.name) in WEAK_HEADS and row.operator in row.name


def _without_company_rows(rows: list[PlantMention]) -> list[PlantMention]:
    """The rows less a company told as a facility when the article reports a plant of that
    company: "Он осмотрел площадку ООО «Роза» – будущего завода по производству моющих
    средств", "Проект расширит производство ЗАО «Сернурский сырзавод»" of a planned baby-food
    plant, "другое производство ГК «Дамате»" (real news dev r13_028, r13_025, r11_028): the
    company's site or works as a whole, not a facility besides its plant (issue 16, one
    facility one row). A company told beside a production of its own stays (r22_032), and so
    does one beside a plant of a name of its own ("ПАО «Завод «Волжанин» и ООО «X»": a
    plant listed with the company, whatever operator it was given)."""
    def plant_of(row: PlantMention) -> bool:
        return any(o is not row and o.operator == row.operator and not _company_told(o)
                   and _head_lemma(o.name) not in ADDED_UNITS
                   and ("«" not in o.name or f"«{row.operator}»" in o.name) for o in rows)

    return [r for r in rows if not (_company_told(r) and plant_of(r))]

COUNTRY_ALIASES = Path(__file__).resolve().parent.parent / "data" / \
    "positions_country_aliases.csv"
ABROAD_GAP = 25  # characters from a country in the locative to the plant's phrase after it


@lru_cache(maxsize=1)
def _country_locative() -> re.Pattern:
    """"в/во/на" + a foreign country in the locative ("в Казахстане", "на Кубе", "в
    Южной Корее"), from the country names of pipeline/data/positions_country_aliases.csv."""
    with COUNTRY_ALIASES.open(encoding="utf-8", newline="") as fh:
        names = [r["alias"] for r in csv.DictReader(fh) if r["country"] != "Россия"]
    forms = {_locative(n).replace("ё", "е") for n in names}
    alts = "|".join(sorted((re.escape(f).replace("е", "[её]") for f in forms), key=len,
                           reverse=True))
    return re.compile(rf"(?<!\w)(?:[Вв]о?|[Нн]а)\s+(?:{alts})(?!\w)")


def _locative(name: str) -> str:
    """A country's name in the locative: its words up to its first noun inflected
    ("Южная Корея" -> "Южной Корее"), the rest kept ("Соединенных Штатах Америки")."""
    out, done = [], False
    for w in name.split():
        out.append(w if done or w.isupper() else inflect(w, "loct"))
        done = done or (not w.isupper() and morph().parse(w)[0].tag.POS == "NOUN")
    return " ".join(out)


def _abroad(row: PlantMention, analyzed: AnalyzedText) -> bool:
    """A plant its sentence places in another country, by a country in the locative at the
    sentence's start or beside the plant's phrase, with no Russian region named
    ("Компания также построит завод по производству кирпича в Казахстане", "В Узбекистане
    откроют завод"): not a plant of the table (annotation rules: a facility of another
    country; pages tell Russian companies' plants in Uzbekistan, Kazakhstan, China)."""
    sent = next((s for s in [*analyzed.headline, *analyzed.sentences]
                 if s.start <= row.start < s.end), None)
    if sent is None or find_regions(sent.text):
        return False
    lo, hi, text = row.start - sent.start, row.end - sent.start, sent.text
    # at the sentence's start, right after the phrase, or shortly before it in its clause
    # ("построит в Казахстане завод"); not "Оборудование для завода закупили в Китае"
    return any(m.start() <= 3 or (m.start() >= hi and not text[hi:m.start()].strip(" ,"))
               or (m.end() <= lo and lo - m.end() <= ABROAD_GAP and "," not in text[m.end():lo])
               for m in _country_locative().finditer(text))


def _a_volume(row: PlantMention) -> bool:
    """A production told with an adjective of volume ("по общему производству скота и птицы
    регион занял четвертое место", real news dev r17_019; "по валовому производству молока"
    of ratings): a region's output, no facility (plant_words.csv volume_adjective)."""
    if _head_lemma(row.name) != "производство":
        return False
    words = re.findall(r"[а-яё]+", row.name.lower())
    return any(lemma(w) in _VOLUME_ADJECTIVES for w in words[:words.index("производство")]
               if "производство" in words)


def _abbreviated_twin(short: PlantMention, full: PlantMention) -> bool:
    """A plant named by its place words and an abbreviation of the rest of a name another
    row gives in full ("Михайловский ГОК" of "Михайловский горно-обогатительный комбинат",
    "Амурский ГПЗ" of "… газоперерабатывающий завод", pages; «Вологодский молочный АПК» of
    "Вологодский молочный агропромышленный комбинат", real news dev r6_018): one plant."""
    quoted = re.findall(r"«([^«»]+)»", short.name)
    words = (quoted[-1] if quoted else short.name).lower().replace("ё", "е").split()
    other = full.name.lower().replace("ё", "е").split()
    n = len(words) - 1
    if n == 0 and not quoted and _lone_abbreviation_of(short, full, words[0], other):
        return True
    if n < 1 or len(other) <= n or not re.fullmatch(r"[а-я]{2,5}", words[-1]):
        return False
    if any(a[:5] != b[:5] for a, b in zip(words[:-1], other[:n], strict=True)):
        return False
    if (short.region and short.region.code) != (full.region and full.region.code):
        return False
    return _spells(words[-1], [w for x in other[n:] for w in x.split("-") if w])


def _lone_abbreviation_of(short: PlantMention, full: PlantMention, letters: str,
                          other: list[str]) -> bool:
    """A plant told by a bare abbreviation ("ЦБК") that spells the words of another row's
    name after its place adjective ("Сегежский целлюлозно-бумажный комбинат", real news dev
    r14_014 "Руководство ЦБК сообщило …"), in the same region: that plant again."""
    if short.product is not None or not re.fullmatch(r"[а-я]{2,5}", letters) or \
            len(other) < 3 or not full.name[:1].isupper() or "«" in full.name:
        return False
    if (short.region and short.region.code) != (full.region and full.region.code):
        return False
    if re.search(rf"(?i)\bнов\w*\s+{letters}", short.evidence or ""):
        return False  # "планируется построить новый ЦБК": another plant of that kind
    return _spells(letters, [w for x in other[1:] for w in x.split("-") if w])


def _place_short_of(short: PlantMention, full: PlantMention) -> bool:
    """A plant told by its place adjective and its noun alone ("на сегежском комбинате",
    "на орском заводе") beside a row of the same place adjective and noun with more words of
    its kind or product ("Сегежский целлюлозно-бумажный комбинат", "Орский завод
    холодильников", real news dev r14_014, r16_003), in the same region: that plant again,
    not a second one."""
    words = short.name.lower().replace("ё", "е").split()
    other = full.name.lower().replace("ё", "е").split()
    if short.product is not None or len(words) != 2 or len(other) < 3 or \
            "«" in full.name or not full.name[:1].isupper():
        return False
    if words[0][:5] != other[0][:5] or not re.search(r"[сц]к(?:ий|ая|ое|ие)$", words[0]) or \
            _head_lemma(short.name) != _head_lemma(full.name):
        return False
    return (short.region and short.region.code) == (full.region and full.region.code)


def _spells(letters: str, parts: list[str]) -> bool:
    """Whether an abbreviation takes each part's first letter, in order, and maybe more
    letters of a compound part after it ("нпз": нефтеперерабатывающий, завод)."""
    if not parts:
        return not letters
    if not letters or letters[0] != parts[0][0]:
        return False
    rest, word = letters[1:], parts[0][1:]
    for k in range(len(rest) + 1):  # the letters this part gives beyond its first
        if _subsequence(rest[:k], word) and _spells(rest[k:], parts[1:]):
            return True
    return False


def _subsequence(letters: str, word: str) -> bool:
    it = iter(word)
    return all(c in it for c in letters)


def _bare_mention_of(bare: PlantMention, named: PlantMention) -> bool:
    """A row named by its facility noun alone, with no product ("В Петербурге еще один завод
    получил статус стратегического" over "Постановление правительства о заводе
    «Таурас-Феникс»", real news dev r19_025), beside a row of the same noun with a name of
    its own and the same event in the same region: that plant again."""
    if bare.product is not None or bare.name.lower() not in FACILITY_HEADS:
        return False
    if named.name.lower() == bare.name.lower() or _head_lemma(named.name) != bare.name.lower():
        return False
    if (bare.region and bare.region.code) != (named.region and named.region.code):
        return False
    return bare.status == named.status


def _kind_adjectives(name: str) -> frozenset[str]:
    """The lemmas of the adjectives that say what kind of plant a name without a proper name
    is ("газоперерабатывающее предприятие" -> газоперерабатывающий); none for a name with a
    quoted or Latin name or an adjective that only describes ("новый", non_name_adjective)."""
    if re.search(r"[«\"A-Za-z\d]", name):
        return frozenset()
    words = re.findall(r"[а-яё-]+", name.lower())
    out = set()
    for w in words[:-1]:
        parse = morph().parse(w)[0]
        if parse.tag.POS not in ("ADJF", "PRTF"):
            return frozenset()  # a product or a place after the head: not a bare kind
        out.add(parse.normal_form.replace("ё", "е"))
    return frozenset() if out & NON_NAME_ADJECTIVES else frozenset(out)


def _one_kind(a: PlantMention, b: PlantMention) -> bool:
    """Two rows that name one plant by the same kind adjectives on two plant nouns
    ("газоперерабатывающий завод" in the headline, "вложит деньги в газоперерабатывающее
    предприятие" in the body, real news dev r2_046; pages say "завод", "предприятие",
    "комбинат" of one plant in turn): one row, when they are told in one region with no
    two events (a plant to come and one working are two)."""
    kinds = _kind_adjectives(a.name)
    if not kinds or kinds != _kind_adjectives(b.name):
        return False
    heads = (_head_lemma(a.name), _head_lemma(b.name))
    if heads[0] == heads[1] or any(h in ADDED_UNITS or h not in FACILITY_HEADS for h in heads):
        return False
    if (a.region and a.region.code) != (b.region and b.region.code):
        return False
    return UNKNOWN in (a.status, b.status) or a.status == b.status


# "«X», которое ранее называлось «Y»", "«X» (ранее «Y»)", "«X» (бывший «Y»)": Y is X's old name
_FORMERLY = re.compile(r"«([^«»]+)»\s*(?:,\s*(?:котор\w+|он\w*)\s+)?\(?\s*"
                       r"(?:(?:ранее|прежде|раньше)\s+(?:называ\w+|именова\w+|был\w*\s+известн\w+)|"
                       r"бывш\w+)")
_QUOTED = re.compile(r"«([^«»]+)»")
_FORMER_GAP = re.compile(r"\s*(?:[А-ЯЁ]{2,5}\s*)?[«\"]?\s*")  # "ранее называлось ОАО «…"


def _fullest_name(row: PlantMention, analyzed: AnalyzedText) -> PlantMention:
    """The row of a plant named by an alias, named by the fuller title the page gives it
    (issue 16, one facility one row by its fullest mention): a former name after "которое
    ранее называлось" takes the current quoted title before it ("«Кировского
    машиностроительного предприятия», которое ранее называлось ОАО «Ракетный завод …»",
    r19_007), and a quoted abbreviation takes the quoted title it shortens ("завод «АИТ»" of
    "«Завода автономных источников тока»", r17_037). Only a title whose words hold a
    facility noun: "большое предприятие (бывший Ленинградский дизельный завод)" keeps the
    plant's own name."""
    sent = next((s for s in [*analyzed.headline, *analyzed.sentences]
                 if s.start <= row.start < s.end), None)
    if sent is not None:
        for m in _FORMERLY.finditer(sent.text):
            gap = sent.text[m.end():max(m.end(), row.start - sent.start)]
            if m.end() <= row.start - sent.start and _FORMER_GAP.fullmatch(gap) and \
                    (title := _title(m.group(1))):
                return replace(row, name=title)
    quoted = _QUOTED.findall(row.name)
    if quoted and re.fullmatch(r"[A-ZА-ЯЁ]{2,7}", quoted[-1]):
        for q in _QUOTED.findall(analyzed.text):
            if q != quoted[-1] and _abbreviation_of(quoted[-1], q) and (title := _title(q)):
                return replace(row, name=title)
    return row


def _title(words: str) -> str | None:
    """A quoted title that begins with a facility noun phrase, in the nominative
    ("Кировского машиностроительного предприятия" -> "Кировское машиностроительное
    предприятие"); None when no facility noun stands among its first words."""
    ws = words.split()
    k = next((k for k, w in enumerate(ws[:4]) if re.fullmatch(r"[А-ЯЁа-яё-]+", w)
              and morph().parse(w.lower())[0].normal_form in FACILITY_HEADS), None)
    if k is None:
        return None
    head = inflect(ws[k].lower(), "nomn", "sing", None)
    if ws[k][0].isupper():
        head = head[0].upper() + head[1:]
    adjs = [agree(w, head.lower()) for w in ws[:k]]
    return " ".join([*adjs, head, *ws[k + 1:]])


_TOLD_STOPPED = frozenset({UNKNOWN, "suspended", "closed"})


def _named_by_operator(row: PlantMention) -> PlantMention:
    """A plant told by a generic noun whose operator is itself a plant of that kind, told as
    working, stopped or idle (not to come): that plant, named by its own name, not run by
    itself ("Так в городе появилась трикотажная фабрика" of the «Лысьвенская
    чулочно-перчаточная фабрика», "консервный цех" of the «Калининградский рыбоконсервный
    комбинат» whose property is arrested, real news dev r5_014, fresh f_041; issue 16, one
    facility one row by its fullest name). Kin: the same head ("фабрика" and "… фабрика"), or
    the row's adjective inside a word of the operator ("консервный", "рыбоконсервный"). A shop
    is the plant only when nothing happens to the shop itself (a new or planned shop of a
    meat combine is a row of its own), and a plant to come is the company's new one."""
    op = row.operator
    if op is None or row.product is not None or row.status in _TO_COME or \
            re.search(r"[A-Za-zА-ЯЁ«\d]", row.name) or op.lower() == row.name.lower():
        return row
    op_head, head = _head_lemma(op), _head_lemma(row.name)
    if head == "предприятие" and op_head == op and row.status in _TOLD_STOPPED and \
            _kind_adjectives(row.name):
        # "У крупнейшего текстильного предприятия Ивановской области накопился долг" of
        # «Шуйские ситцы» (real news dev r19_022): the enterprise is the company, by its name
        return replace(row, name=op, operator=op, story_operator=False)
    if op_head == op or head == row.name:
        return row  # the operator names no facility
    unit = head in ADDED_UNITS
    if unit and row.status not in _TOLD_STOPPED:
        return row
    stems = [w[:-2] for w in re.findall(r"[а-яё]+", row.name.lower())[:-1] if len(w) > 6]
    op_words = re.findall(r"[а-яё]+", op.lower().replace("ё", "е"))
    kin = (head == op_head and not unit) or any(s in w for s in stems for w in op_words)
    return replace(row, name=op, operator=None, story_operator=False) if kin else row


def _plant_not_run_by_plant(rows: list[PlantMention]) -> list[PlantMention]:
    """A plant whose operator is only the article's company loses it when that company is
    the name of another plant of the page ("завод «Эгида»" and "завод «АСК»", "Мещовский
    комбинат точного литья" and a "тепличный комплекс", real news dev r1_010, r9_007, r3_021,
    r11_023): a plant reported in its own row is not the owner of another plant. A unit
    (a shop, a line, a production) may well be the named plant's, and keeps it."""
    def plant(name: str) -> bool:
        return _head_lemma(name) not in ADDED_UNITS

    def named_by(company: str, name: str) -> bool:
        return company in re.findall(r"«([^«»]+)»", name) or _same_name(company, name)

    return [replace(r, operator=None, story_operator=False)
            if r.story_operator and r.operator and plant(r.name) and any(
                k != n and plant(o.name) and named_by(r.operator, o.name)
                for k, o in enumerate(rows)) else r
            for n, r in enumerate(rows)]


def _find_all(analyzed: AnalyzedText, ctx: DocContext) -> list[PlantMention]:
    """find_plants before the operators are read against the other rows."""
    # the memos hold one document's sentences at a time
    _stated_status.cache_clear()
    sentence_dates_plan.cache_clear()  # type: ignore[attr-defined]
    _tells_history.cache_clear()  # type: ignore[attr-defined]
    quiet: list[tuple[Sentence, _Phrase]] = []
    if not analyzed.headline:
        return _find_plants(analyzed.sentences, ctx, quiet=quiet) or \
            _page_subject(quiet, ctx, (), analyzed.sentences) or _quiet_page_plants(quiet, (), ctx)
    out = _find_plants(analyzed.sentences, ctx, _headline_event(analyzed.headline, ctx), quiet)
    headline_quiet: list[tuple[Sentence, _Phrase]] = []
    lines = _find_plants(analyzed.headline, ctx, quiet=headline_quiet)
    out = [_headline_status(r, lines, analyzed.headline) for r in out]
    told = [_row_content(r.name, r.product) for r in out]
    heads = {_head_lemma(r.name) for r in out if r.name not in FACILITY_HEADS}  # not _one_more's
    extra = [r for r in lines
             if not any(c & _row_content(r.name, r.product) for c in told)
             and _head_lemma(r.name) not in heads and not any(
                 _compound_stem_names(lemma(r.name.lower()), _head_lemma(o.name), o.name,
                                      o.product) or _compound_stem_told(r.name, o)
                 for o in out if " " not in r.name)
             and not any(_compound_adjective_names(o, r) or _compound_adjective_names(r, o)
                         for o in out)
             and not (out and _output_told(r, analyzed.sentences))
             and not _the_bodys_one_plant(r, out)]
    return _dated_by_each_other(extra, out, analyzed, ctx.published) or \
        _page_subject(quiet, ctx, headline_quiet, [*analyzed.headline, *analyzed.sentences]) \
        or _quiet_page_plants(quiet, headline_quiet, ctx)


def _compound_stem_told(compound: str, row: PlantMention) -> bool:
    """A headline's compound whose stem names what a body row makes, whatever the body's
    head ("«Фармасинтез» построит … крупный фармзавод" over "займется строительством
    производства фармацевтических субстанций", real news dev r8_019): one plant."""
    lem = lemma(compound.lower())
    base = _compound_base(lem)
    if base is None:
        return False
    stem = lem[:-len(base)].rstrip("оеи")[:4]
    words = re.findall(r"[а-яё]+", f"{row.name} {row.product or ''}".lower())
    return len(stem) >= 3 and any(w.startswith(stem) for w in words)


def _plant_kind(row: PlantMention) -> bool:
    """The row's head is a plant noun, not a unit added to one (a shop, a line)."""
    head = _head_lemma(row.name)
    return head in FACILITY_HEADS and head not in ADDED_UNITS


def _the_bodys_one_plant(row: PlantMention, body: list[PlantMention]) -> bool:
    """A headline's plant told by its kind alone ("В Карачаево-Черкесии открылся крупный
    мясоперерабатывающий завод") over a body whose only plant has the same event in the same
    region ("Предприятие по переработке баранины «Кавказ-мясо», которое открылось …", real
    news dev r10_014): that plant, told twice (annotation rules: a fact stated in the
    headline and the body is one row). A headline plant with a name of its own (quoted, Latin
    or a town's adjective) or a product, or over a body with two plants or another event,
    stays ("асфальтобетонный завод" building over a body planning "площадки хранения", r5_029:
    a body's plan is not the headline's building)."""
    if re.search(r"[«\"A-ZА-ЯЁa-z\d]", row.name) or row.product or not _plant_kind(row):
        return False  # "Мурманский рыбокомбинат" is named by its town (r3_025)
    plants = [o for o in body if _plant_kind(o)]
    if len(plants) != 1 or plants[0].status != row.status:
        return False
    return row.region is None or plants[0].region is None or \
        row.region.code == plants[0].region.code


def _output_told(row: PlantMention, sentences: list[Sentence]) -> bool:
    """A headline's unit with no name of its own whose product the body, which has rows,
    names ("В Усть-Лабинске расширили производство консервированных грибов" over "на
    грибном комплексе «Кирпильский» … запущена вторая очередь консервного завода";
    "Инвестиционный проект модернизации производства
    фанеры запустили" over "комбинат деревообработки … Обновленное производство позволит
    выпускать фанеры"; fresh real pages of session 18): the output of a plant the body
    tells, not a plant of its own (annotation rules: a fact stated in the headline and the
    body is one row)."""
    if _head_lemma(row.name) not in ADDED_UNITS or "«" in row.name:
        return False
    stems = {n[:5] for n in _row_content(row.name, row.product) if len(n) >= 4}
    return bool(stems) and any(t.text.lower().replace("ё", "е").startswith(tuple(stems))
                               for s in sentences for t in s.tokens)


def _headline_status(row: PlantMention, lines: list[PlantMention], headline: list[Sentence]
                     ) -> PlantMention:
    """A row the text tells with no event whose plant the headline tells one of ("Тверской
    вагоностроительный завод начал работу" over "Тверской вагоностроительный завод никогда не
    был местом, куда …", real news dev r6_008): the headline's status; a row the text tells
    as a plan whose building the headline tells begun: under construction."""
    if row.status not in (UNKNOWN, "announced", "planned"):
        return row
    same = [r for r in lines if r.status != UNKNOWN and (
        r.name.lower() == row.name.lower() or
        _row_content(r.name, r.product) & _row_content(row.name, row.product))]
    if row.status != UNKNOWN:
        # a building the headline tells begun stands over the body's plan of it ("В Брянской
        # области начали строить известковый завод" over "будет построен известковый завод",
        # real news dev r16_002; public pages: "начали строить завод … Предприятие запустят
        # в июне 2024 года"): the plan is of its end or its launch (convention (2))
        begun = len(same) == 1 and same[0].status == "under_construction" and \
            _told_done(same[0], headline)
        return replace(row, status="under_construction") if begun else row
    return replace(row, status=same[0].status) if len(same) == 1 else row


def _told_done(line: PlantMention, headline: list[Sentence]) -> bool:
    """The headline's sentence of the row tells its event done, with a finite verb in the past
    and none to come ("начали строить завод"), not one being prepared or decided ("готовятся
    запустить завод", "решается вопрос о строительстве завода", real news dev r11_028,
    r22_008)."""
    sent = next((s for s in headline if s.start <= line.start < s.end), None)
    if sent is None or _speaks_of_future(sent.tokens):
        return False
    finite = [t for t in sent.tokens
              if t.pos in ("VERB", "AUX") and t.feats.get("VerbForm") == "Fin"]
    return bool(finite) and all(t.feats.get("Tense") == "Past" for t in finite)


def _dated_by_each_other(extra: list[PlantMention], out: list[PlantMention],
                         analyzed: AnalyzedText, published: date | None) -> list[PlantMention]:
    """The headline's rows and the body's, each plan dated by the other part: a date or a
    time frame in the body up to its first sentence with a row dates the headline's plan
    ("В Павловском районе построят свиноводческий комплекс" over "Ферму планируют
    построить и запустить в ближайшие два года", real news dev r9_009), and a dated headline
    dates the plans of the body's first sentence with a row ("Новые предприятия появятся к
    2029 году" over "… в ближайшие годы возведут три завода", r9_016; session 14 status
    convention (1))."""
    sentences = analyzed.sentences
    first = min((k for k, s in enumerate(sentences) for r in out
                 if s.start <= r.start < s.end), default=len(sentences))
    if any(_verbless_dated(sentences[:first + 1], published)):
        extra = [replace(r, status="planned") if r.status == "announced" else r for r in extra]
    if first < len(sentences) and any(_verbless_dated(analyzed.headline, published)):
        lead = sentences[first]
        out = [replace(r, status="planned") if r.status == "announced" and
               lead.start <= r.start < lead.end else r for r in out]
    done = ("launched", "expanded")
    if any(r.status in done for r in extra) and _built_in(analyzed.headline) and \
            (awaited := _launch_awaited_in(sentences[:first + 1], published)) is not None:
        extra = [replace(r, status=awaited) if r.status in done else r for r in extra]
    return extra + out


def _built_in(sentences: list[Sentence]) -> bool:
    """The sentences tell a building done, by a verb of building in the past ("Новый цех
    построили на птицефабрике"), not a launch: what was built may not work yet."""
    return any(_lem(t) in _BUILD_VERBS and t.pos == "VERB" and t.feats.get("Tense") == "Past"
               for s in sentences for t in s.tokens)


def _launch_awaited_in(sentences: list[Sentence], published: date | None) -> str | None:
    """The stage of a launch still to come that the sentences tell, dated by their story
    ("осмотрел планируемый к запуску новый корпус. Ввод в эксплуатацию запланирован на
    конец текущего месяца", real news dev r10_005, under "Новый цех построили на
    птицефабрике": built is not working, session 14 status convention (2)); None if none."""
    flags = _verbless_dated(sentences, published)
    found = [_find_in_sentence(s, sentences[k - 1] if k else None) for k, s in enumerate(sentences)]
    statuses = _sentence_statuses(sentences, flags, found, published)
    return next((st for s, st in zip(sentences, statuses, strict=True)
                 if st in ("announced", "planned") and
                 any(STATUS_LEMMAS.get(_verb_lemma(t)) == "launched" for t in s.tokens)), None)


def _compound_adjective_names(a: PlantMention, b: PlantMention) -> bool:
    """One plant in the headline and the body, named by a compound adjective in one and by
    its product in the other ("В Чое открылся завод по переработке молока" over "открыл
    молокоперерабатывающий цех", real news dev r11_001), or by an adjective of its product
    ("производство прицепов" over "предприятие по выпуску прицепной техники", r1_015): an
    adjective of a's name begins with the stem of a noun of b's ("обувная фабрика" and "цех
    по изготовлению обуви", r11_011: a soft sign ends no stem)."""
    adjs = [w for w in re.findall(r"[а-яё]+", a.name.lower())[:-1] if len(w) > 6]
    return any(w.startswith(n[:5].rstrip("ь")) and len(n) >= 5
               for w in adjs for n in _row_content(b.name, b.product))


def _head_lemma(name: str) -> str:
    """The facility noun of a row's name ("Воткинский завод" -> "завод", "фармзавод" ->
    "завод")."""
    for w in re.findall(r"[а-яё]+", name.lower()):
        lem = morph().parse(w)[0].normal_form
        if lem in FACILITY_HEADS:
            return _compound_base(lem) if not frozenset.__contains__(FACILITY_HEADS, lem) \
                else lem
    return name


def _headline_event(headline: list[Sentence], ctx: DocContext) -> str | None:
    """What the headline says happened ("Старт строительству завода дали в Белогорске",
    real news dev r7_022): the body's first plants, with no status word of their own ("Завод
    в Белогорске станет одним из крупнейших"), take it before the events of later sentences."""
    flags = _verbless_dated(headline, ctx.published)
    found = [_find_in_sentence(s, headline[k - 1] if k else None) for k, s in enumerate(headline)]
    return next(iter(_events(_sentence_statuses(headline, flags, found, ctx.published))), None)


def _find_plants(sentences: list[Sentence], ctx: DocContext, lead: str | None = None,
                 quiet: list[tuple[Sentence, _Phrase]] | None = None) -> list[PlantMention]:
    """The rows of the sentences; the phrases read with no event go to `quiet` when given."""
    out: list[PlantMention] = []
    kept: list[tuple[int, _Phrase]] = []  # (sentence index, phrase) of each row in `out`
    last_status: str | None = lead
    flags, found, statuses, told = _read_sentences(sentences, ctx)
    for si, sent in enumerate(sentences):
        own = statuses[si]
        # a cut of jobs is no event; a bankruptcy leaves the plants after it unknown
        last_status = own if own and (own != UNKNOWN or not _cuts_staff(sent)) else last_status
        if not found[si]:
            continue
        status = own or last_status or next(iter(_events(statuses[si + 1:])), None)
        regions = _plant_regions(sent, ctx)
        found_dates = find_dates(sent.text, ctx.published)
        for ph in found[si]:
            if ph.another:  # one more of the kind of the last row, with its product
                ph = replace(ph, product=out[-1].product if out else None)
            if (full := _bracketed_alias(sent, ph, found[si])) is not None:
                ph = replace(ph, name=full.name, place=full.place,
                             product=ph.product or full.product)
            if _part_of_a_row(out, kept, sent, ph, si, regions, ctx) or \
                    own is None and _listed_unit(ph, found[si]):
                continue
            ph_status = _visit_status(sent, ph, si, status, statuses, found)
            if ph_status is _SKIP:
                if quiet is not None:
                    quiet.append((sent, ph))
                continue
            if own == "announced" and _dated_again(ph, si, flags, found):
                ph_status = sentence_status(sent, True) or status
            st = _phrase_status(sent, ph, si, ph_status, statuses, found) or ph.stated
            if not st and told[si] != statuses[si]:
                st = _phrase_status(sent, ph, si, told[si], told, found)
            if not st:
                if quiet is not None:
                    quiet.append((sent, ph))
                continue  # no event: the facility is only mentioned
            event_date, event_year = _event_when(found_dates, st, ctx)
            if _named_in_full(ph, out, sentences) or _merged_into_kept(
                    kept, out, si, ph, _operator(sent, ph, ctx), (st, event_date, event_year)):
                continue
            if (host := _quiet_host(sentences, ph, si, found, kept)) is not None:
                ph = replace(ph, name=host.name, place=host.place)
            kept.append((si, ph))
            out.append(PlantMention(
                name=ph.name, product=ph.product, operator=_operator(sent, ph, ctx),
                region=_phrase_region(ph, regions, sent, ctx), status=st,
                event_date=event_date, event_year=event_year,
                evidence=sent.text, start=ph.start, end=ph.end,
                story_operator=_from_story(sent, ph, ctx),
            ))
    _building_begun_after(out, kept, sentences, statuses, found)
    _units_of_named(out, kept, sentences)
    return _without_collective(out, kept)


def _read_sentences(sentences: list[Sentence], ctx: DocContext
                    ) -> tuple[list[int], list[list[_Phrase]], list[str | None],
                               list[str | None]]:
    """Each sentence's dated-plan flag, facility phrases and status, and its status with the
    plant's past read too."""
    # a plan is dated by its sentence or the next ones, not by a date anywhere in the page
    flags = _verbless_dated(sentences, ctx.published)
    found = [_find_in_sentence(s, sentences[k - 1] if k else None,
                               sentences[k + 1] if k + 1 < len(sentences) else None)
             for k, s in enumerate(sentences)]
    statuses = _sentence_statuses(sentences, flags, found, ctx.published)
    # with the plant's past read too: what a phrase takes when no news is told of it
    # ("В 2009 году предприятие начало строительство цементного завода", real news dev r2_042);
    # the same statuses when no sentence tells the past, so read again only then
    told = _sentence_statuses(sentences, flags, found) \
        if any(_tells_history(s, ctx.published) for s in sentences) else list(statuses)
    return flags, found, statuses, told


def _bracketed_alias(sent: Sentence, ph: _Phrase, phrases: list[_Phrase]) -> _Phrase | None:
    """The phrase a bracketed abbreviation right after it shortens: "Омский
    нефтеперерабатывающий завод (НПЗ)" (r17_008) is one plant, named in full (issue 16);
    None when the phrase is no abbreviation in brackets after another phrase."""
    at, end = ph.start - sent.start, ph.end - sent.start
    before, after = sent.text[:at].rstrip(), sent.text[end:].lstrip()
    if not (before.endswith("(") and after.startswith(")")) or \
            not re.fullmatch(r"[А-ЯЁA-Z]{2,7}", sent.text[at:end]):
        return None
    close = len(before[:-1].rstrip())
    return next((p for p in phrases if p is not ph and p.end - sent.start == close), None)


def _quiet_host(sentences: list[Sentence], ph: _Phrase, si: int, found: list[list[_Phrase]],
                kept: list[tuple[int, _Phrase]]) -> _Phrase | None:
    """The plant, named by its own name in the unit's sentence or the one before and with no
    row, whose shop the event befalls ("реконструкцию прокатного цеха … на ОАО «Челябинский
    металлургический комбинат»", "На Магнитогорском металлургическом комбинате задута
    доменная печь. … ввод в строй агрегатов, в том числе и в доменном цехе", real news dev
    r17_013, r8_021): the row is the plant's (issue 16, one facility by its fullest name).
    Not a line, a shop called new or one with a product of its own (rows of their own,
    written corpus 056, 067), nor a shop of a plant that is a row already; the plant is the
    place ("на …"), not the owner in the genitive ("лесопильного цеха архангельского ЛДК № 3",
    fresh f_050: the gold keeps the shop)."""
    sent = sentences[si]
    if ph.lemma not in ADDED_UNITS or ph.lemma == "линия" or ph.named or "«" in ph.name or \
            ph.product or any(_lem(t) == "новый"
                              for t in _adjectives_before(sent.tokens, ph.head)[0]):
        return None
    near = [(s, p) for s, ps in ((sent, found[si]), (sentences[si - 1] if si else sent,
                                                     found[si - 1] if si else []))
            for p in ps if p is not ph and p.lemma not in ADDED_UNITS and _own_name(p)]
    if len(near) != 1 or any(kp.name == near[0][1].name for _, kp in kept):
        return None
    s, host = near[0]
    before = _HOST_OPENING.sub("", s.text[:host.start - s.start])
    return host if re.search(r"(?:^|\s)(?:на|в|во)$", before.lower()) else None


# a legal form and a quote between "на" and a plant's name ("на ОАО "Челябинский …"")
_HOST_OPENING = re.compile(r"(?:\s*\b(?:ОАО|АО|ПАО|ЗАО|ООО|ФГУП)\b)?\s*[«\"“]?\s*$")


def _part_of_a_row(out: list[PlantMention], kept: list[tuple[int, _Phrase]], sent: Sentence,
                   ph: _Phrase, si: int, regions: list[RegionMention], ctx: DocContext) -> bool:
    """Whether the phrase is a row told before, by another name, or a unit of one (the row
    takes what the phrase adds)."""
    if _renamed_first(out, kept, ph, _phrase_region(ph, regions, sent, ctx)):
        return True
    if _unit_of_main(ph, si, kept, out, _operator(sent, ph, ctx),
                     _operator_read(sent, ph, ctx)[1]) is not None:
        return True  # a shop or line of a plant told before
    if (host := _unit_host(sent, ph, si, kept)) is not None:
        # "на заводе налажено производство сетки": a unit of a plant already a row
        if out[host].product is None and ph.product:
            out[host] = replace(out[host], product=ph.product)
        return True
    return False


BEGUN_WINDOW = 2  # sentences after a plan that may tell its building begun


def _building_begun_after(out: list[PlantMention], kept: list[tuple[int, _Phrase]],
                          sentences: list[Sentence], statuses: list[str | None],
                          found: list[list[_Phrase]]) -> None:
    """A plan whose building the next sentences, naming no facility, tell begun or going on
    ("Второй деревообрабатывающее производство … появляется в Исетском районе. На
    строительной площадке будущего предприятия уже начали подготовительные работы", real
    news dev r2_032; "сообщил о строительстве … комбината" then "сообщил о начале
    строительства нового промышленного объекта", r1_044): construction started is
    under_construction (annotation rules), in place."""
    for k, (si, ph) in enumerate(kept):
        if out[k].status not in ("announced", "planned"):
            continue
        for j in range(si + 1, min(si + 1 + BEGUN_WINDOW, len(statuses))):
            if any(f.lemma != ph.lemma for f in found[j]) or any(sj == j for sj, _ in kept):
                break  # another facility: the building may be its
            if statuses[j] == "under_construction" and _building_begun(sentences[j].tokens):
                out[k] = replace(out[k], status="under_construction")
                break


def _building_begun(toks: list[Token]) -> bool:
    """The sentence tells building begun or going on in so many words: a verb or noun of
    beginning (plant_words.csv aspect_verb), not of the future, before a building noun or
    building works ("начали подготовительные работы", "о начале строительства"), or a noun
    of progress before one ("ход строительства")."""
    for k, t in enumerate(toks):
        if _in_progress(toks, k):
            return True
        if _lem(t) not in _ASPECT_VERBS or t.feats.get("Tense") == "Fut" or \
                t.feats.get("VerbForm") == "Inf" or _future_aux(toks, k):
            continue
        if _begun_status(toks, k) == "under_construction":
            return True
    return False


def _page_subject(quiet: list[tuple[Sentence, _Phrase]], ctx: DocContext,
                  headline: Sequence[tuple[Sentence, _Phrase]] = (),
                  sentences: Sequence[Sentence] = ()) -> list[PlantMention]:
    """A page that tells no event of any plant but names a company that is a plant ("выпуск
    кирпича осуществляет ООО «Ухтинский завод глиняного кирпича»", "На АО «Научно-
    производственное предприятие «Радиосвязь»» представили разработки", real news dev
    r10_008, r3_008), or plants by their own names ("включили в санкционный список …
    Новосибирский завод искусственного волокна и Новосибирский патронный завод", "предбанкротное
    состояние у Нововятского механического завода", "на базе обанкротившегося предприятия
    «Ижметмаш»", real news dev r17_011, r7_008, r17_005, r11_008; fresh f_029, f_047): those
    plants are the page's subject, status unknown (annotation rules: the plant is the subject
    but nothing happened to it); not a plant told as a taxpayer (payment_word, written corpus
    063). Of the companies after a legal form only the first; a plant
    merely mentioned by its kind ("Предыдущий завод", "на местном заводе") is no subject.
    A plant named by its own name in the headline or in two sentences is the subject in
    whatever case it stands (_told_again)."""
    out: list[PlantMention] = []
    seen: list[tuple[set[str], _Phrase]] = []
    company = False
    for sent, ph in quiet:
        m = re.search(r"(\S+)\s*[«\"„]$", sent.text[:ph.start - sent.start])
        legal = m is not None and m.group(1) in _LEGAL_FORMS
        if legal and company or not legal and (
                not (_named_subject(sent, ph) or _told_again(sent, ph, quiet, headline, sentences))
                or any(_lem(t) in _PAYMENTS for t in sent.tokens)):
            continue  # "завод … перечислил в бюджет … налогов": a taxpayer, no plant news
        content = _row_content(ph.name, ph.product)
        k = next((k for k, (c, place) in enumerate(seen) if content & c or
                  _same_place_name(place, ph) or _name_extended(place, ph)), None)
        if k is not None:
            # "Чиркатинский консервный завод" … "на Чиркатинском заводе": one plant, by its
            # fuller name
            if len(ph.name.split()) > len(out[k].name.split()) and not content & seen[k][0]:
                out[k] = replace(out[k], name=ph.name, product=out[k].product or ph.product)
            continue
        company = company or legal
        seen.append((content, ph))
        out.append(PlantMention(
            name=ph.name, product=ph.product, operator=_operator(sent, ph, ctx),
            region=_phrase_region(ph, _plant_regions(sent, ctx), sent, ctx),
            status=UNKNOWN, event_date=None, event_year=None, evidence=sent.text,
            start=ph.start, end=ph.end))
    return out


def _quiet_page_plants(quiet: list[tuple[Sentence, _Phrase]],
                       headline: Sequence[tuple[Sentence, _Phrase]],
                       ctx: DocContext) -> list[PlantMention]:
    """A page with no row at all whose only facilities are told with no event read: each
    one that is a sentence's subject and names a plant of its own kind (its own name, a
    product, a kind adjective or a compound head: "Оренбургский завод автоматизации и
    роботизации будет специализироваться на …", "приобрёл алтайский маслосырзавод", "горит
    цех по производству стеновых панелей", real news dev r7_011, r22_038, r5_002) is the
    page's subject, status unknown (annotation rules: the plant is the subject but nothing
    happened to it). Not a plural head ("на заводах «X» и «Y»"), a bare or anaphoric kind
    ("Предыдущий завод"), a weak head ("предприятие «X»" is a company unless it stops or
    opens), a place or a genitive ("Работники кирпичного завода"), a visit ("посетил
    завод": news only with what it saw), an intention ("завод планировал нарастить
    объёмы": the seed's pattern, no news), a power station (energy_head: issue 16, "АЭС"
    is no industrial production) or a taxpayer (payment_word). The tagger reads an
    inanimate subject as accusative as often as not ("Оренбургский завод … будет
    специализироваться"), so either case is a subject here."""
    out: list[PlantMention] = []
    for sent, ph in [*headline, *quiet]:
        if ph.plural or ph.weak or sent.tokens[ph.head].case not in ("Nom", "Acc") or \
                ph.lemma in lexicon.words("plant_words", role="energy_head") or \
                not _identified(ph) or any(_lem(t) in _PAYMENTS or _lem(t) in _INTENT or
                                           _lem(t) in _VISITS for t in sent.tokens):
            continue
        if any(_one_plant_named(ph, _phrase_of(r)) or r.name.lower() == ph.name.lower()
               for r in out):
            continue
        out.append(PlantMention(
            name=ph.name, product=ph.product, operator=_enterprise_name(ph),
            region=_phrase_region(ph, _plant_regions(sent, ctx), sent, ctx),
            status=UNKNOWN, event_date=None, event_year=None, evidence=sent.text,
            start=ph.start, end=ph.end))
    return out


def _enterprise_name(ph: _Phrase) -> str | None:
    """The operator of a plant told with no event: none, its sentence says nothing of who
    runs it (real news dev r13_015, r22_038 gold operator null), unless the plant is named
    by its owner ("завод Chery", "завод компании «X»")."""
    owner = re.fullmatch(r"\S+ (?:компании|холдинга|группы) «([^«»]+)»|\S+ ([A-Z][\w&-]+)",
                         ph.name)
    return next((g for g in owner.groups() if g), None) if owner else None


def _identified(ph: _Phrase) -> bool:
    """The phrase says which plant or what kind of plant it is, beyond a bare head noun."""
    return _own_name(ph) or bool(ph.product) or ph.lemma in SELF_NAMED_HEADS or \
        _compound_base(ph.lemma) is not None or bool(_kind_adjectives(ph.name))


def _phrase_of(row: PlantMention) -> _Phrase:
    """A row as a phrase, for _one_plant_named."""
    return _Phrase(row.start, row.end, row.name, row.product, 0, False, False)


def _visited_works(sentences: list[Sentence], ctx: DocContext, rows: list[PlantMention]
                   ) -> list[PlantMention]:
    """Companies a past visit tours ("Губернатор посетил ОАО «Центросвармаш». Он осмотрел
    производственные цеха", "посетил производственные площадки предприятий «Сарансккабель»
    и «Эпромет»", real news dev r6_007, r8_025, r19_049): each an enterprise that is the
    subject of the story with nothing happening to it, a plant of status unknown
    (annotation rules). A visit to come ("посетит", r3_024) or one that tours no works
    ("пообщался с рабочими") is no plant's news; a company a row names already is that
    row's."""
    out: list[PlantMention] = []
    for si, sent in enumerate(sentences):
        after = sentences[si + 1] if si + 1 < len(sentences) else None
        for ph in _visited_companies(sent, after):
            name = (ph.company or "").lower()
            if any(name in r.name.lower() or name == (r.operator or "").lower()
                   for r in [*rows, *out]):
                continue
            out.append(PlantMention(
                name=ph.name, product=None, operator=_operator(sent, ph, ctx),
                region=_phrase_region(ph, _plant_regions(sent, ctx), sent, ctx),
                status=UNKNOWN, event_date=None, event_year=None, evidence=sent.text,
                start=ph.start, end=ph.end))
    return out


_VISIT_GAP = re.compile(r"((?:\s+[а-яё-]+){0,3}?)\s*(?=[«\"A-ZА-ЯЁ])")


def _visited_companies(sent: Sentence, after: Sentence | None) -> list[_Phrase]:
    """The companies (after a legal form or in quotes) that a past visit verb of the
    sentence (plant_words.csv tour_visit) takes, right after it or after words of a plant's
    site (visit_place), when the sentence or the next tours their works (tour_word)."""
    toks = sent.tokens
    for t in toks:
        if _verb_lemma(t) not in _TOUR_VISITS or t.feats.get("Tense") != "Past":
            continue
        rest = sent.text[t.end - sent.start:]
        gap = _VISIT_GAP.match(rest)
        if gap is None or any(lemma(w) not in _VISIT_PLACES for w in gap.group(1).split()):
            continue
        items = [it for it in _company_items(rest[gap.end():]) if it[3] != "bare"]
        toured = [x for x in toks if x.start >= t.end] + (after.tokens if after else [])
        if not items or not any(_lem(x) in _TOUR_WORDS for x in toured):
            continue
        base = t.end + gap.end()
        head = next((j for j, x in enumerate(toks) if x.start >= base), len(toks) - 1)
        return [_Phrase(base + a, base + b, _company_row(name, "предприятие"), None, head,
                        True, False, lemma="предприятие", company=name, stated=UNKNOWN)
                for a, b, name, _ in items if name and not _place_name(name, "quoted")]
    return []


def _company_row(name: str, head: str) -> str:
    """The row name of a plant named by its company: the company's own name when it names
    a plant ("Ковровский механический завод"), else the head noun and the quoted name."""
    first = name.split()[0]
    if lemma(first.lower()) in FACILITY_HEADS:
        return f"{first.lower()} {name[len(first) + 1:]}"
    return name if _plant_word(name) else f"{head} «{name}»"


def _own_name(ph: _Phrase) -> bool:
    """The phrase names one plant by its own name: a quoted, Latin or eponym name, or a
    town's place adjective ("Севастопольский морской завод"), not "Предыдущий завод"."""
    return _proper_name(ph.name) or _NUMBERED.search(ph.name) is not None or \
        ph.named and ph.place is not None and \
        bool(_TOPONYM_ADJ.search(ph.place.lower())) and "ическ" not in ph.place.lower()


def _told_again(sent: Sentence, ph: _Phrase, quiet: list[tuple[Sentence, _Phrase]],
                headline: Sequence[tuple[Sentence, _Phrase]], sentences: Sequence[Sentence]
                ) -> bool:
    """A plant named by its own name that the page names again in another sentence or in
    its headline, with no event told of it ("Севастопольский морской завод – переходит в
    федеральную собственность … В советские годы Севастопольский морской завод процветал",
    headline and body "Сухонский молкомбинат набирает производственные обороты", fresh real
    pages of session 19 r19_026, f_029): the page's subject, whatever case it stands in. A
    quoted name said again with no facility word counts ("Промышленному предприятию
    «Дзержинское оргстекло» … ОАО «Дзержинское оргстекло» выпускает", r19_038)."""
    if not _own_name(ph):
        return False
    if any(other is not sent and _one_plant_named(ph, p) for other, p in [*quiet, *headline]):
        return True
    names = [n.lower() for n in re.findall(r"«([^«»]+)»", ph.name)]
    return any(other.start != sent.start and any(n in other.text.lower() for n in names)
               for other in sentences)


def _one_plant_named(a: _Phrase, b: _Phrase) -> bool:
    """Two phrases that name one plant: the same quoted name, the same place adjective on
    the same head, or a shared product noun."""
    quoted = set(re.findall(r"«([^«»]+)»", a.name))
    if quoted & set(re.findall(r"«([^«»]+)»", b.name)):
        return True
    return _name_extended(a, b) or \
        bool(_row_content(a.name, a.product) & _row_content(b.name, b.product))


def _name_extended(a: _Phrase, b: _Phrase) -> bool:
    """One plant's name and the same name with more after it ("Севастопольский морской
    завод" and "Севастопольский морской завод им. Серго Орджоникидзе")."""
    x, y = a.name.lower(), b.name.lower()
    return x == y or x.startswith(y + " ") or y.startswith(x + " ")


def _same_place_name(a: _Phrase, b: _Phrase) -> bool:
    """Two plants named by the same place adjective, one of them by it and its head alone
    ("Чиркатинский консервный завод" and "Чиркатинский завод", fresh f_047): one plant.
    "Новосибирский завод искусственного волокна" and "Новосибирский патронный завод" are
    two."""
    if a.place is None or b.place is None or a.place.lower()[:5] != b.place.lower()[:5]:
        return False
    return min(len(a.name.split()), len(b.name.split())) == 2


def _spoken_about(toks: list[Token], k: int) -> bool:
    """The phrase from token k follows "о" ("Речь идёт о X и Y"), itself or after the
    conjuncts before it, with no verb between."""
    for j in range(k - 1, max(-1, k - _NAME_SPAN), -1):
        if toks[j].text.lower() in ("о", "об", "обо"):
            return True
        if toks[j].pos in ("VERB", "AUX") or toks[j].text.lower() in ("на", "в", "во"):
            return False
    return False


_NAME_SPAN = 12  # tokens back from a listed plant to the "о" its list follows


def _named_subject(sent: Sentence, ph: _Phrase) -> bool:
    """The phrase names a plant of its own (a quoted, Latin or eponym name, _proper_name, or
    a place adjective of a town: "Новосибирский патронный завод", not "Предыдущий завод")
    told of: in the genitive or after "о" ("предбанкротное состояние у Нововятского
    механического завода", "на базе обанкротившегося предприятия «Ижметмаш»", "Речь идёт о
    Новосибирском заводе …", real news dev r7_008, r17_005, r17_011). A plant that is the
    subject or the object of a verb of no event ("завод … планировал нарастить объёмы",
    "посетил предприятие «X»") or a place ("на заводах «X» и «Y» прошли проверки") gives
    no row: settled by the tests of earlier sessions."""
    toks = sent.tokens
    head = toks[ph.head]
    k = next((k for k in range(ph.head, -1, -1) if toks[k].start <= ph.start), ph.head)
    if head.case != "Gen" and not (head.case == "Loc" and _spoken_about(toks, k)):
        return False
    return _proper_name(ph.name) or ph.named and ph.place is not None and \
        bool(_TOPONYM_ADJ.search(ph.place.lower())) and "ическ" not in ph.place.lower()


def _named_in_full(ph: _Phrase, out: list[PlantMention], sentences: list[Sentence]) -> bool:
    """A company stated as a plant that the page names in full elsewhere: "Тихвинского
    вагоностроительного завода (ТВСЗ) … ТВСЗ приостановил производство" (after real news
    dev r7_003)."""
    return bool(ph.stated and ph.company and (
        any(_same_name(ph.company, r.name) or r.operator == ph.company for r in out)
        or any(f"({ph.company})" in s.text for s in sentences)))


def _merged_into_kept(kept: list[tuple[int, _Phrase]], out: list[PlantMention], si: int,
                      ph: _Phrase, operator: str | None,
                      told: tuple[str, date | None, int | None] | None = None) -> bool:
    """Fold a phrase into a row already kept for the same facility; whether it was. A row
    of unknown status takes the event `told` (status, date, year) of the phrase: nothing
    happened to the plant where it was named first, something did where it is named again
    ("Клинцовский завод оставил в цехах … . В мае Клинцовский завод приостановил работу")."""
    if (same := _owner_named_twin(kept, out, ph, operator)) is not None:
        # the plant told by its owner first: a reader names it by what it makes
        out[same] = replace(out[same], name=ph.name, product=ph.product)
        kept[same] = (kept[same][0], ph)
        return True
    if (host := _run_by_kept(kept, out, ph, operator, told)) is not None:
        # the phrase's company is a plant already a row of its kind: that plant again
        out[host] = _merged(out[host], kept[host][1], ph)
        out[host] = replace(out[host], operator=out[host].operator or _quoted_company(
            operator, out[host].name))
        return True
    if (dup := _same_as_kept(kept, si, ph)) is not None:
        # the same facility again ("завод «Кремний»" ... "предприятие по выпуску
        # кремния"): keep the first row, take a product it lacked
        out[dup] = _merged(out[dup], kept[dup][1], ph)
        if out[dup].status == UNKNOWN and told is not None and told[0] != UNKNOWN:
            out[dup] = replace(out[dup], status=told[0], event_date=told[1],
                               event_year=told[2])
        return True
    return False


def _renamed_first(out: list[PlantMention], kept: list[tuple[int, _Phrase]], ph: _Phrase,
                   region: Region | None) -> bool:
    """Give the row of a plant told first by its kind the name told later, when `ph` is
    that ("на молочном комбинате …" … "Пензенский молочный комбинат …"); its place
    adjective places a row that had no region ("на птицефабрике" … "Буйская птицефабрика",
    real news r7_015). False when `ph` names no row told before."""
    k = next((k for k, (_, kp) in enumerate(kept) if _named_later(kp, ph)), None)
    if k is None or _placed_elsewhere(out[k], ph):
        return False
    out[k] = replace(out[k], name=ph.name, product=out[k].product or ph.product,
                     region=out[k].region or region)
    kept[k] = (kept[k][0], ph)
    return True


def _placed_elsewhere(row: PlantMention, ph: _Phrase) -> bool:
    """The row's sentence puts its plant in a town that the later name's place adjective
    is not of ("В Балакове реализуется проект по расширению мощностей маслоэкстракционного
    завода" … "Мощность Аткарского маслоэкстракционного завода увеличится", real news dev
    r1_055): two plants of one kind, not one named later."""
    if not ph.place:
        return False
    stem = ph.place.lower()[:3]  # "Туле" … "Тульского"; "Балакове" … "Аткарского"
    towns = [r.text.lower() for r in find_regions(row.evidence) if r.via == "city"]
    return bool(towns) and not any(t[:3] == stem for t in towns)


_SKIP = "skip"  # _visit_status: the phrase is only a place of a visit


def _visit_status(sent: Sentence, ph: _Phrase, si: int, status: str | None,
                  statuses: list[str | None], found: list[list[_Phrase]]) -> str | None:
    """The status to read the phrase with: `status`, or _SKIP when the sentence only visits
    it (_only_visited); a visited plant called new works ("launched", _visited_new)."""
    if not _only_visited(sent, si, statuses, found):
        return status
    return status or "launched" if _visited_new(sent, ph) else _SKIP


def _merged(row: PlantMention, first: _Phrase, again: _Phrase) -> PlantMention:
    """The row of a facility named again: the product it lacked, and the name in words
    when it was a compound ("мясокомбинат" … "мясоперерабатывающий комбинат")."""
    if row.product is None and again.product:
        row = replace(row, product=again.product)
    if _compound_stem_of(first, again) and not _own_name_kept(first, again):
        row = replace(row, name=again.name)  # a reader names it so
    return row


def _own_name_kept(first: _Phrase, again: _Phrase) -> bool:
    """A compound told with its place or proper name keeps it: "Мурманский рыбокомбинат"
    is not renamed by a later plural of its kind ("с отечественных рыболовных комбинатов",
    real news dev r3_025, which left two rows for one plant), nor by any words that drop
    its own name: only a bare compound ("мясокомбинат") is named by the words."""
    return again.plural or first.named or first.place is not None


def _plant_regions(sent: Sentence, ctx: DocContext) -> list[RegionMention]:
    """The regions of a sentence that may place its plants (not a name's adjective, another
    region's district, a meeting's place or a company's home)."""
    return settle_shared_towns(
        [r for r in find_regions(sent.text) if not _adjective_in_name(sent, r)
         and not _other_district(sent, r, ctx) and not _not_the_plants_place(sent, r)],
        ctx.region)


def _event_when(found: list[DateMention], status: str, ctx: DocContext
                ) -> tuple[date | None, int | None]:
    """The event's date (a month or a day of its sentence's dates `found`; for a reported
    past event with none, the article's date) and year (the date's, or a year there)."""
    dates = [d for d in found if d.precision != "year"]
    years = [d for d in found if d.precision == "year"]
    event_date = dates[0].value if dates else None
    if event_date is None and status in PAST_EVENT_STATUSES:
        event_date = ctx.published
    event_year = event_date.year if event_date else (years[0].value.year if years else None)
    return event_date, event_year


def _without_collective(out: list[PlantMention], kept: list[tuple[int, _Phrase]]
                        ) -> list[PlantMention]:
    """The rows without a plural head that the next sentences split by product ("три завода
    по производству строительных материалов. Заводы будут производить известь, смеси и …",
    real news dev r2_034), or that its own sentence lists ("будут построены два предприятия
    по переработке древесины: завод по производству плит и завод …", r3_010): the split or
    listed rows are the plants."""
    drop = {k for k, (si, ph) in enumerate(kept) if ph.plural and not ph.split and (
        any(sp.split and sp.lemma == ph.lemma and si <= sj <= si + 2 for sj, sp in kept) or
        ph.counted and sum(sj == si and sp.start > ph.end for sj, sp in kept) >= 2)}
    return [row for k, row in enumerate(out) if k not in drop]
