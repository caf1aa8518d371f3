"""Plants: status verbs and tenses, facility phrases, and what must give no row.

Every text here was written for the tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.rules.context import build_context
from pipeline.rules.plants import find_plants, sentence_status
from pipeline.runtime.nlp import analyze

PUBLISHED = date(2025, 6, 1)


def plants(text: str):
    analyzed = analyze(text)
    return find_plants(analyzed, build_context(analyzed, PUBLISHED))


def one(text: str):
    found = plants(text)
    assert len(found) == 1, [(p.name, p.status) for p in found]
    return found[0]


# --- status verbs and tenses --------------------------------------------------------------

@pytest.mark.parametrize("text,status", [
    ("В Тульской области открыли завод по производству цемента.", "launched"),
    ("В Тульской области открылся завод по производству цемента.", "launched"),
    ("В Тульской области запустили завод по производству цемента.", "launched"),
    ("Завод по производству цемента ввели в эксплуатацию в Туле.", "launched"),
    ("В Туле заработал завод по производству цемента.", "launched"),
    ("Завод по производству цемента в Туле начал выпуск продукции.", "launched"),
    # session 14 status convention (1): a plan with no date or time frame is announced
    ("В Тульской области построят завод по производству цемента.", "announced"),
    ("В Тульской области в 2027 году построят завод по производству цемента.", "planned"),
    # an intention or an agreement is a plan only with a date (issue 16, annotation rules)
    ("Компания планирует построить в Туле завод по производству цемента в 2027 году.",
     "planned"),
    ("Компания намерена открыть в Туле завод по производству цемента.", "announced"),
    ("Компания может построить в Туле завод по производству цемента.", "announced"),
    ("Подписано соглашение о строительстве завода по производству цемента в Туле.",
     "announced"),
    ("В Туле будет построен завод по производству цемента.", "announced"),
    ("В Туле за два года будет построен завод по производству цемента.", "planned"),
    ("В Туле строится завод по производству цемента.", "under_construction"),
    ("В Туле возводится завод по производству цемента.", "under_construction"),
    ("В Туле ведётся строительство завода по производству цемента.", "under_construction"),
    ("В Туле завершили модернизацию завода по производству цемента.", "expanded"),
    ("Началось расширение завода по производству цемента в Туле.", "expanded"),
    ("Завод по производству цемента в Туле приостановил работу.", "suspended"),
    ("Завод по производству цемента в Туле остановил производство.", "suspended"),
    ("Завод по производству цемента в Туле законсервировали.", "suspended"),
    ("В Туле закрыли завод по производству цемента.", "closed"),
    ("Завод по производству цемента в Туле ликвидирован.", "closed"),
    # a bankruptcy alone is no stop (annotation rules: closed is bankrupt and stopped)
    ("Суд ввёл процедуру банкротства завода по производству цемента в Туле.", "unknown"),
    ("Завод по производству цемента в Туле признан банкротом и закрыт.", "closed"),
])
def test_status_from_verbs_and_nouns(text, status):
    p = one(text)
    assert p.status == status
    assert p.product == "цемент"
    assert p.region is not None and p.region.code == "RU-TUL"


def test_an_event_noun_in_a_future_sentence_is_a_plan():
    s = analyze("Строительство завода начнётся в следующем году.").sentences[0]
    assert sentence_status(s) == "planned"
    s = analyze("Строительство завода идёт полным ходом.").sentences[0]
    assert sentence_status(s) == "under_construction"


def test_a_new_shop_at_a_working_plant_names_the_plant_as_expanded():
    found = plants("Челябинский трубопрокатный завод ввёл в эксплуатацию новый цех по "
                   "выпуску труб большого диаметра.")
    by_name = {p.name: p for p in found}
    assert by_name["Челябинский трубопрокатный завод"].status == "expanded"
    assert by_name["цех по выпуску труб большого диаметра"].product == \
        "трубы большого диаметра"


# --- facility phrases -----------------------------------------------------------------------

@pytest.mark.parametrize("text,name,product", [
    ("В Курске открыли завод минеральных удобрений.", "завод минеральных удобрений",
     "минеральные удобрения"),
    ("В Курске открыли фабрику картонной тары.", "фабрика картонной тары", "картонная тара"),
    ("В Курске открыли комбинат хлебобулочных изделий.", "комбинат хлебобулочных изделий",
     "хлебобулочные изделия"),
    ("В Курске открыли предприятие по выпуску стекловолокна.",
     "предприятие по выпуску стекловолокна", "стекловолокно"),
    ("В Курске запустили производство печатных плат.", "производство печатных плат",
     "печатные платы"),
    ("В Курске запустили цех по производству сыров.", "цех по производству сыров", "сыры"),
    ("В Курске запустили линию по розливу минеральной воды.",
     "линия по розливу минеральной воды", "минеральная вода"),
    ("В Курске открыли цементный завод.", "цементный завод", None),
    ("В Курске открылся мясокомбинат.", "мясокомбинат", None),
    # a "комплекс" is a plant with "по выпуску X" or an adjective of a branch (issue 16,
    # real news dev r6_011, r6_006, r5_031; plant_words.csv industry_adjective)
    ("В Курске построят тепличный комплекс.", "тепличный комплекс", None),
    ("В Курске построят газохимический комплекс.", "газохимический комплекс", None),
    ("В Курске построят животноводческий комплекс.", "животноводческий комплекс", None),
    ("В Курске модернизируют швейное производство.", "швейное производство", None),
    ("В Курске открылся мини-завод по переработке молока.",
     "мини-завод по переработке молока", "молоко"),  # real news r7_020
    ("В Курске открылся бумкомбинат.", "бумкомбинат", None),  # real news r7_004
    ("В Курске приостановили лесопильное производство.", "лесопильное производство", None),
    ("В Курске построят фармацевтическое предприятие.", "фармацевтическое предприятие",
     None),  # real news r8_016
    ("В Курске открылся хлебокомбинат.", "хлебокомбинат", None),  # real news r8_009
    ("В Курске открылось предприятие по убою свиней.", "предприятие по убою свиней",
     "свиньи"),  # real news dev r6_009, r8_012: "по убою", "по забою" (product_noun)
    # "наладить выпуск X" begins a production (real news r7_010; aspect_verb)
    ("В Курске наладили выпуск металлических конструкций.",
     "производство металлических конструкций", "металлические конструкции"),
    # an owner or a problem in the genitive is no product (real news r7_025, r7_004)
    ("В Курске открыли комбикормовый завод агрофирмы «Норов».", "комбикормовый завод", None),
])
def test_facility_phrases(text, name, product):
    p = one(text)
    assert (p.name, p.product) == (name, product)
    assert p.region.code == "RU-KRS"


def test_named_plant_in_quotes():
    p = one("Молочный завод «Ревякино» открылся в Подмосковье после реконструкции.")
    assert p.name == "молочный завод «Ревякино»"
    assert p.region.code == "RU-MOS"


def test_several_plants_in_one_sentence():
    found = plants("В Ленинградской области запустили завод строительных смесей, фабрику "
                   "картонной тары и линию по розливу минеральной воды.")
    assert {p.product for p in found} == {"строительные смеси", "картонная тара",
                                          "минеральная вода"}
    assert {p.status for p in found} == {"launched"}


def test_a_cluster_is_not_a_plant_but_its_plants_are():
    found = plants("В Пермском крае запустили химический кластер. В него вошли завод "
                   "минеральных удобрений и фабрика полимерной упаковки.")
    assert {p.product for p in found} == {"минеральные удобрения", "полимерная упаковка"}


def test_a_plant_with_a_place_name_gets_a_row_only_for_its_own_event():
    p = one("Арбитражный суд признал банкротом Невьянский механический завод в Свердловской "
            "области.")
    assert p.name == "Невьянский механический завод" and p.status == "unknown"  # no stop
    # its owner's plan of output is not news about a facility
    assert plants("Калининградский завод «Автотор» планировал нарастить объёмы "
                  "производства машин на 10%.") == []


# --- what must give no row ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "На Дону завершили строительство элеватора на 120 тысяч тонн зерна.",
    "В Батайске открылся новый распределительный склад.",
    "В Нальчике открылся торговый центр.",
    "В Санкт-Петербурге завершается строительство стадиона.",
    "В Пскове завершено создание инфраструктуры индустриального парка «Моглино».",
    "Работники Орловского сталепрокатного завода пришли на митинг.",
    "Пожар на складе завода «Амурсталь» потушили за два часа.",
    "Компания рассчитывает на поддержку по программе «Фабрика проектного финансирования».",
    "В Ярославле открылась компания по производству мебели.",
    "Мощность комбината — 50 тысяч тонн в год.",
    "В регионе запустили сразу семь новых заводов.",
])
def test_no_row(text):
    assert plants(text) == []


# --- who and where --------------------------------------------------------------------------

@pytest.mark.parametrize("place,code", [
    ("в Шахтах", "RU-ROS"), ("в Подмосковье", "RU-MOS"), ("на Дону", "RU-ROS"),
    ("в Кузбассе", "RU-KEM"), ("в Татарстане", "RU-TA"), ("в Югре", "RU-KHM"),
])
def test_region_from_city_or_district(place, code):
    p = one(f"Завод по производству стекла открыли {place}.")
    assert p.region.code == code


def test_region_from_governor_title_and_from_other_sentences():
    found = plants("Губернатор Тюменской области посетил площадку компании «Сибтехпласт». "
                   "Здесь возводится завод по производству полимерных труб.")
    assert [p.region.code for p in found] == ["RU-TYU"]
    assert found[0].operator == "Сибтехпласт"
    assert found[0].status == "under_construction"


def test_operator_is_the_quoted_company_not_its_descriptor():
    p = one("Новосибирская фармацевтическая компания «Сибфарм» планирует построить фабрику по "
            "производству таблетированных препаратов.")
    assert p.operator == "Сибфарм" and p.region.code == "RU-NVS"


def test_launched_event_takes_the_article_date():
    p = one("В Тульской области запустили цементный завод.")
    assert p.event_date == PUBLISHED and p.event_year == 2025


def test_region_from_a_special_economic_zone_name():
    p = one("В ОЭЗ «Алабуга» начнётся строительство завода по производству стекла.")
    assert p.region is not None and p.region.code == "RU-TA"


def test_the_same_plant_named_again_is_one_row_but_two_plants_sharing_an_adjective_are_two():
    found = plants("В Иркутской области на заводе «Кремний» запустили новую печь. Мощность "
                   "предприятия по выпуску металлургического кремния выросла на 25%.")
    assert len(found) == 1
    found = plants("В Тольятти открыли завод автомобильных шин. Через год там же открыли "
                   "завод автомобильных стёкол.")
    assert {p.product for p in found} == {"автомобильные шины", "автомобильные стекла"}


def test_company_named_only_later_is_the_operator():
    found = plants("В Ярославле открылась фабрика по производству лакокрасочных материалов. "
                   "Инвестором выступила компания «Ярхимкраска».")
    assert [p.operator for p in found] == ["Ярхимкраска"]


@pytest.mark.parametrize("text,status", [
    ("Фабрика по производству инсулина в Обнинске прекратила выпуск.", "suspended"),
    ("Завод по производству кирпича в Туле сдан в эксплуатацию.", "launched"),
    ("В Туле заложили первый камень завода по производству кирпича.", "under_construction"),
    # intentions with no date are announcements (issue 16, real news dev r6_031, r6_034,
    # r6_022; plant_statuses.csv intent): a decision, a hope, money promised
    ("В Туле было принято решение о запуске завода по производству кормов.", "announced"),
    ("Компания рассчитывает построить в Туле завод по производству кормов.", "announced"),
    ("Компания инвестирует 7 млрд рублей в завод по производству кормов в Туле.",
     "announced"),
    ("В Туле было принято решение о запуске завода по производству кормов в 2027 году.",
     "planned"),
    ("Стороны рассмотрели возможность строительства в Туле завода по производству кормов.",
     "announced"),
    # real news r7_025, r7_001: a start of work; a reflexive verb the tagger reads as an
    # adverb ("приостановится")
    ("Новый завод по производству кормов в Туле приступил к работе.", "launched"),
    ("В Туле приступили к строительству завода по производству кормов.",
     "under_construction"),
    ("С 11 августа производство на заводе Haval в Тульской области приостановится.",
     "suspended"),
    # staff cut: the status words are of the workers (real news r8_009)
    ("Хлебокомбинат по производству хлеба в Туле начал увольнять сотрудников.", "unknown"),
])
def test_more_status_phrases(text, status):
    assert one(text).status == status


def test_an_intention_is_a_plan_when_the_article_dates_it():
    """Issue 16: "намерена построить" with a year elsewhere in the article is planned."""
    p = one("Компания намерена построить в Туле завод по производству цемента. "
            "Работы начнутся в 2027 году.")
    assert p.status == "planned"


def test_a_town_adjective_does_not_override_the_articles_region():
    """Issue 16: "Волжский" is a town of Волгоградская область, not Марий Эл's Волжск."""
    p = one("Волгоградская область наращивает выпуск труб. "
            "Волжский трубный завод модернизировали.")
    assert p.region.code == "RU-VGG"


# --- the headline (issue 16: real pages state a plant plainly only in their headline) ------

_BODY = ("12 марта 2025\nВ Ижевске выделят участок для проекта, название которому выбрали "
         "жители города. Об этом сообщили в правительстве республики.")


def test_a_plant_named_only_in_the_headline_is_a_row():
    """Written for the tests, after real news dev r5_026: the body says "проект"."""
    p = one("Власти Удмуртии собираются построить завод «Хмельной оружейник»\n" + _BODY)
    assert p.name == "завод «Хмельной оружейник»"
    assert p.region.code == "RU-UD"
    assert plants("Новости\n" + _BODY) == []


def test_a_plant_in_headline_and_body_is_one_row_and_other_stories_headlines_none():
    text = ("В Тульской области открыли завод по производству цемента\n12 марта 2025\n"
            "В Тульской области открыли завод по производству цемента мощностью 2 млн "
            "тонн в год. Об этом сообщили в правительстве региона.")
    assert one(text).status == "launched"
    assert plants("Погода в Туле\n12 марта 2025\nВ Туле прошёл дождь, сообщили синоптики. "
                  "Температура опустится до нуля.\nЧитайте также\n"
                  "В Тульской области открыли завод по производству цемента") == []


@pytest.mark.parametrize("text", [
    "В Курске построят спортивный комплекс.",  # a complex with no branch adjective
    # a plant word inside a company's name (real news dev r4_002)
    # the making of a thing, a plant as a landmark (real news dev r6_031; plant_words.csv
    # purpose_word, landmark)
    "Склад построят в Туле недалеко от завода «Тулачермет».",
    # a purpose word before the head's adjectives (real news r8_013)
    "Туши поставляют в Курск для дальнейшего производства колбасных изделий.",
    # what a new plant will do; a kind or an owner is no product (real news r8_028,
    # r8_001, r8_008)
    "Предприятие в Туле будет ориентировано на производство цемента.",
    "В Туле откроют предприятие смежной направленности.",
    'ООО "МПК" Пивоваренный завод Майкопский инвестирует в проект около 1 млрд рублей.',
    "В Курске построят тепличные комплексы.",  # a class of plants
    "Предприятие будет заниматься производством силового электрощитового оборудования.",
    "Наши предприятия занимаются производством комплектующих для сельхозтехники.",
    "Иркутское предприятие, специализирующееся на производстве защитных экранов, "
    "получило грант.",
])
def test_a_companys_line_of_business_is_no_plant(text):
    """Issue 16, after real news dev r5_003, r5_030, r6_024 (written for the tests): a
    production governed by a verb of activity (plant_words.csv activity_verb) is what a
    company does, not a facility."""
    assert plants(text) == []


def test_a_production_launched_or_of_a_facility_subject_stays_a_plant():
    assert one("В Туле открыли производство защитных экранов.").status == "launched"
    found = plants("В Рославле открыли филиал швейной фабрики. Этот филиал "
                   "специализируется на производстве спецодежды.")
    assert any(p.product == "спецодежда" for p in found), found


def test_a_meeting_place_or_a_companys_home_region_does_not_place_the_plant():
    """Issue 16, after real news dev r6_031 and r6_021 (written for the tests): a region
    after a meeting noun (plant_words.csv event_place) or a region adjective of a company
    noun says where the meeting was or where the company comes from."""
    p = one("На форуме в Санкт-Петербурге решили построить комбикормовый завод "
            "на тульской земле.")
    assert p.region.code == "RU-TUL"
    p = one("Ставропольский агропромышленный холдинг «Эко-культура» ведёт строительство "
            "завода по переработке овощей в Усманском районе Липецкой области.")
    assert p.region.code == "RU-LIP"


def test_a_station_a_product_is_made_for_is_no_row():
    """Issue 16, after real news dev r6_005 (written for the tests)."""
    found = plants("В Курской области откроют завод по выпуску генераторов. На заводе "
                   "будут производить "
                   "системы управления дизель-генераторной установки для АЭС.")
    assert found and all("аэс" not in p.name.lower() for p in found), found


def test_plants_of_a_counted_head_listed_after_a_colon_each_with_its_own_action():
    """Issue 16, after real news dev r5_018 (written for the tests)."""
    found = plants("В Башкортостане построят два новых завода: по производству фильтров и "
                   "по обработке семян.")
    assert [(p.name, p.product) for p in found] == [
        ("завод по производству фильтров", "фильтры"),
        ("завод по обработке семян", "семена")]
    found = plants("В Курске построят заводы по производству кормов и по обработке семян.")
    assert [p.name for p in found] == ["завод по производству кормов",
                                       "завод по обработке семян"]


def test_a_branch_of_industry_is_no_product():
    """Real news dev r5_020: "предприятиям промышленности" names no product."""
    assert plants("В Ульяновской области откроют предприятие пищевой промышленности.") == []


def test_a_named_plant_that_builds_a_unit_of_its_own_takes_its_stage():
    """Issue 16, after real news dev r5_024 (written for the tests): the named plant is the
    subject and the unit (plant_words.csv plant_unit, facility_heads.csv added_unit) has no
    row of its own; the unit is still to come, so the plant takes its stage, not "expanded"
    (session 14 status convention (2)), and so does a plant named as the place of a unit to
    come, with no other row in its sentence."""
    p = one("Воткинский завод планирует построить пять новых корпусов в 2026 году.")
    assert (p.name, p.status) == ("Воткинский завод", "planned")
    found = plants("Воткинский завод построит цех по производству двигателей в 2026 году.")
    assert [p.name for p in found] == ["цех по производству двигателей"]
    p = one("На Воткинском заводе планируется построить новый корпус.")
    assert (p.name, p.status) == ("Воткинский завод", "announced")


@pytest.mark.parametrize("text,name,status", [
    ("В Туле состоялся запуск новой линии завода «Тулачермет».", "завод «Тулачермет»",
     "expanded"),
    ("Возобновление производства шинного завода «Кордиант Ульяновск» состоялось в марте.",
     "шинный завод «Кордиант Ульяновск»", "launched"),
])
def test_an_event_of_a_part_of_a_plant_named_in_quotes_is_news_of_the_plant(text, name, status):
    """Issue 16, after real news dev r5_020 (written for the tests; plant_words.csv
    plant_part): a new unit launched makes it expanded, its production resumed launched."""
    p = one(text)
    assert (p.name, p.status) == (name, status)


def test_a_part_of_a_plant_with_no_event_or_no_name_gives_no_plant_row():
    assert plants("Работники линии завода «Тулачермет» получили премию.") == []
    assert plants("В Туле состоялся запуск линии завода.") == []


def test_a_plant_next_to_which_a_new_one_is_built_is_no_row():
    """Issue 16, after real news dev r6_031 (written for the tests)."""
    p = one("В Туле решили построить комбикормовый завод рядом с действующим премиксным "
            "заводом.")
    assert p.name == "комбикормовый завод"


@pytest.mark.parametrize("text", [
    # fresh pages f_013 (written for the tests): a customer in the dative
    "Компания построит в Уфе завод по производству гранул. Продукция будет поставляться "
    "предприятиям металлургии и машиностроения.",
    # real news dev r2_048 (written for the tests): an example of the customers after "как"
    "В Уфе построят цех по выпуску фанеры. Его продукция будет востребована такими мебельными "
    "предприятиями как фабрика «Лесная» в Уфе.",
])
def test_a_customer_of_the_product_is_no_plant(text):
    """A facility that will get the product (plant_words.csv customer_verb) has no news."""
    assert len(plants(text)) == 1, [(p.name, p.status) for p in plants(text)]


@pytest.mark.parametrize("text", [
    # fresh pages f_039 (written for the tests)
    "Запуск производства модели Lada Niva на заводе в Тольятти стал главным событием недели.",
    # real news dev r3_020 (written for the tests)
    "Завод сократит рабочих из-за остановки выпуска изделия АЛ-31 и перехода на производство "
    "изделия РД-33.",
])
def test_the_making_of_one_model_is_no_plant(text):
    """A model of a product with its designation (plant_words.csv model_noun) is made at a
    plant: no production row of its own."""
    assert not [p for p in plants(text) if p.name.startswith("производство")]


def test_the_making_of_a_kind_of_items_stays_a_plant():
    """Written for the tests: "изделий из стекла" (plural, no designation) is a product."""
    assert one("В Омске запустили производство изделий из стекла.").name.startswith(
        "производство изделий")


def test_the_making_of_a_thing_after_a_purpose_word_is_no_plant():
    """Real news dev r6_031 (written for the tests): "при производстве" is the making."""
    found = plants("В Туле открыли завод по выпуску кормовых добавок. При производстве "
                   "премиксов используются инновационные технологии.")
    assert [p.name for p in found] == ["завод по выпуску кормовых добавок"]


def test_a_plant_named_later_by_its_place_adjective_takes_that_region():
    """Real news r7_015 (written for the tests): the row opened on "на птицефабрике" has no
    region until the name "Буйская птицефабрика" (Буй, Костромская область) comes."""
    found = plants("Напомним, в октябре на птицефабрике была зафиксирована вспышка гриппа, "
                   "птицефабрику закрыли. Буйская птицефабрика планирует увеличить выпуск яиц.")
    assert [(p.name, p.region and p.region.code) for p in found] == [
        ("Буйская птицефабрика", "RU-KOS")]


def test_one_of_the_largest_plants_is_a_kind_unless_a_name_follows():
    """Real news r7_022 and dev r3_037 (written for the tests; plant_words.csv class_of)."""
    p = one("В Белогорске построят маслоэкстракционный завод, который станет одним из "
            "крупнейших предприятий в стране по переработке сои.")
    assert p.name == "маслоэкстракционный завод"
    p = one("Остановился один из крупнейших заводов Новосибирска «Тяжстанкогидропресс».")
    assert "Тяжстанкогидропресс" in p.name and p.status == "suspended"


# --- one plant told twice (session 18: duplicate rows on fresh real pages) ---------------

def test_a_plant_whose_company_it_is_named_again_by_its_product_is_one_row():
    """Written for the tests, after fresh real pages of session 18 (h_032, f_007): the
    second phrase's company is the plant told first."""
    p = one("В Тульской области открылся завод «Ветлугамаш». Компания «Ветлугамаш» открыла "
            "завод по выпуску стальных труб.")
    assert p.name == "завод «Ветлугамаш»" and p.product and "труб" in p.product
    assert p.operator == "Ветлугамаш" and p.status == "launched"
    # a second plant of the company, with another event, stays a row of its own
    found = plants("В Тульской области открылся завод «Ветлугамаш». Компания «Ветлугамаш» "
                   "в 2027 году построит завод по выпуску стальных труб.")
    assert len(found) == 2, [(f.name, f.status) for f in found]


def test_a_working_unit_of_a_plant_named_by_its_company_is_the_plant_s_output():
    """Written for the tests, after real news dev r11_019 and fresh real pages of session
    18 (h_025, h_034): a unit whose company is a plant with a row is that plant's output."""
    p = one("В Курганской области завод «Ветлугамаш» расширил выпуск. Компания «Ветлугамаш» "
            "запустила производство стальных труб.")
    assert p.name == "завод «Ветлугамаш»" and p.product and "труб" in p.product
    assert p.status == "expanded"
    # told before its plant (h_025: the headline's production, then the plant)
    p = one("Компания «Ветлугамаш» запустила производство стальных труб. В Курганской "
            "области завод «Ветлугамаш» расширил выпуск.")
    assert p.name == "завод «Ветлугамаш»" and p.product and "труб" in p.product
    # a unit called new stays a row of its own (written corpus 056, 015)
    found = plants("В Курганской области завод «Ветлугамаш» расширил выпуск. Компания "
                   "«Ветлугамаш» запустила новый цех стальных труб.")
    assert len(found) == 2, [(f.name, f.status) for f in found]


def test_a_headline_s_production_whose_product_the_body_names_is_the_body_s_plant():
    """Written for the tests, after fresh real pages of session 18 (f_028, h_031): the
    headline tells the body's plant by what it makes."""
    p = one("В Кирове расширили производство картона\n12 марта 2025\nВ Кирове целлюлозный "
            "комбинат «Вятка» запустил вторую очередь. Комбинат будет выпускать больше "
            "картона для упаковки.")
    assert p.name == "целлюлозный комбинат «Вятка»"
    # a body that does not name the product leaves the headline's row
    found = plants("В Кирове расширили производство картона\n12 марта 2025\nВ Кирове "
                   "целлюлозный комбинат «Вятка» запустил вторую очередь. Об этом сообщили "
                   "в правительстве области.")
    assert len(found) == 2, [(f.name, f.status) for f in found]


# sentences written for the test: the article's company is the name of a plant reported in a
# row of its own; another plant of the page is not run by it, a unit of the page may be
def test_plant_named_by_the_story_company_runs_no_other_plant():
    found = plants("В Курской области запустили завод «Зарница» по выпуску упаковки. "
                   "Завод «Зарница» наращивает выпуск. "
                   "В следующем году в Курской области построят кирпичный завод.")
    assert [(p.name, p.operator) for p in found] == [
        ("завод «Зарница»", None), ("кирпичный завод", None)]


def test_unit_keeps_the_story_company_named_by_a_plant():
    found = plants("В Курской области запустили завод «Зарница» по выпуску упаковки. "
                   "Завод «Зарница» наращивает выпуск. "
                   "В следующем году в Курской области откроют цех по производству картона.")
    assert [p.operator for p in found] == [None, "Зарница"]


# a sentence written for the test: the quoted name of another plant of the sentence is not
# the owner of the plant listed after it
def test_other_plants_name_is_not_the_operator():
    found = plants("Губернатор напомнил, что в Ростовской области в этом году открыли завод "
                   "«Вектор» по производству компьютеров, завод «Орбита», занятый изготовлением "
                   "утеплителя, а также завод по производству кирпича.")
    assert [(p.name, p.operator) for p in found][-1] == ("завод по производству кирпича", None)
