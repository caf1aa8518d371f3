"""Page furniture around real-style articles: the facts come from the article only.

The documents in tests/fixtures/furniture/ were written for the tests (see the README
there). Each wraps a short article in menus, breadcrumbs, the headline (once or twice),
dates in several forms, counters, "Источник:", share buttons, tags, comment / e-mail
forms, cookie notices and lists of OTHER articles' headlines ("Читайте также"). Those
headlines name plants, sums and officials; they are not facts of this document.

The article body of each file is the text from BODY[name][0] (its first words) to the end
of BODY[name][1] (its last words); everything else is furniture.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from pipeline.ingest.files import read_text_file
from pipeline.rules.furniture import content_ranges, furniture_ranges, headline_range
from pipeline.runtime.document import extract_document

ROOT = Path(__file__).parent / "fixtures" / "furniture"
FACTS = ("official", "plant", "investment")

# file -> (first words of the body, last words of the body)
BODY = {
    "01_lipetsk_brick": ("В Липецкой области запустили завод по производству керамического "
                         "кирпича. Предприятие", "до 60 млн штук кирпича в год."),
    "02_kaluga_cables": ("В индустриальном парке «Ворсино»", "создано 180 рабочих мест."),
    "03_tver_official": ("В Торжке Тверской области", "губернатор Тверской области Игорь Руденя."),
    "04_ural_spik": ("Компания «Уралпрофиль» построит", "Строительство начнётся в 2026 году."),
    "05_kuban_fish": ("Краснодарский край, 20 августа 2025.",
                      "вице-губернатор Краснодарского края Александр Руппель."),
    "06_tia_sakhalin": ("Сообщение Тихоокеанского", "составил около 420 млн рублей."),
    "07_dzen_digest": ("В Серпухове Московской области", "открыли завод по выпуску лифтов."),
    "08_volgograd_suspended": ("Волжский завод синтетического волокна в Волгоградской",
                               "переведены на режим простоя."),
    "09_tatarstan_minister": ("В Татарстане компания «Полипласт»",
                              "завод заменит импортную продукцию."),
    "10_nsk_cookies": ("В Новосибирской области компания «Сибхимпром»",
                       "новый цех составили 1,2 млрд рублей."),
    "11_orel_hardwrapped": ("Компания «Орелагрокорм» построит",
                            "на заседании инвестиционного совета."),
}

# The date header ("date YYYY-MM-DD") where the file has one; dates written on the page
# ("12 марта 2025, 14:05", "вчера в 18:30") are furniture, not the publication date.
PUBLISHED = {
    "01_lipetsk_brick": date(2025, 3, 12), "03_tver_official": date(2024, 11, 5),
    "05_kuban_fish": date(2025, 8, 20), "08_volgograd_suspended": date(2024, 2, 14),
    "10_nsk_cookies": date(2025, 10, 3), "11_orel_hardwrapped": date(2025, 4, 18),
}

# Expected facts. plants: (name, status, region_code, operator or None = not checked);
# investments: (amount, currency, investor); officials: (surname, position, organization).
EXPECTED = {
    "01_lipetsk_brick": dict(
        plants={("завод по производству керамического кирпича", "launched", "RU-LIP",
                 "Керамика Черноземья")},
        investments={(3.4e9, "RUB", "Керамика Черноземья")}, officials=set()),
    "02_kaluga_cables": dict(
        plants={("завод кабельной продукции", "launched", "RU-KLU", "Калугакабель")},
        investments={(2.1e9, "RUB", "Калугакабель")}, officials=set()),
    "03_tver_official": dict(
        plants={("фабрика гофрокартона", "launched", "RU-TVE", "Тверьупак")},
        investments={(1.6e9, "RUB", "Тверьупак")},
        officials={("Руденя", "губернатор", "Тверская область")}),
    "04_ural_spik": dict(
        plants={("завод по выпуску алюминиевого профиля", "planned", "RU-SVE", "Уралпрофиль")},
        investments={(7.5e9, "RUB", "Уралпрофиль")}, officials=set()),
    # the dateline names the TV channel («Кубань 24»): a news outlet, not the operator
    "05_kuban_fish": dict(
        plants={("рыбоперерабатывающий завод", "launched", "RU-KDA", "Азоврыбпром")},
        investments={(8.5e8, "RUB", "Азоврыбпром")},
        officials={("Руппель", "вице-губернатор", "Краснодарский край")}),
    # "Сообщение ... агентства «Острова»." is article text, but «Острова» is the outlet
    "06_tia_sakhalin": dict(
        plants={("завод по производству топливных пеллет", "launched", "RU-SAK",
                 "Сахалинлес")},
        investments={(4.2e8, "RUB", "Сахалинлес")}, officials=set()),
    # "Ранее сообщалось, что ..." is the editor's sentence inside the article: a fact; the
    # same news as a link under "Свежие комментарии" (with a sum) is furniture
    "07_dzen_digest": dict(
        plants={("фабрика по производству бумажной упаковки", "launched", "RU-MOS", "Эко Пак"),
                ("завод по выпуску лифтов", "launched", "RU-MOS", None)},
        investments={(6.4e8, "RUB", "Эко Пак")}, officials=set()),
    "08_volgograd_suspended": dict(
        plants={("Волжский завод синтетического волокна", "suspended", "RU-VGG", None)},
        investments=set(), officials=set()),
    "09_tatarstan_minister": dict(
        plants={("завод полимерных труб", "launched", "RU-TA", "Полипласт")},
        investments={(2.8e9, "RUB", "Полипласт")},
        officials={("Коробченко", "министр промышленности и торговли",
                    "Республика Татарстан")}),
    "10_nsk_cookies": dict(
        plants={("цех по производству литиевых компонентов", "launched", "RU-NVS",
                 "Сибхимпром")},
        investments={(1.2e9, "RUB", "Сибхимпром")}, officials=set()),
    # the body is hard-wrapped (lines end mid-sentence) and split by blank lines
    "11_orel_hardwrapped": dict(
        plants={("завод по выпуску комбикормов", "planned", "RU-ORL", "Орелагрокорм")},
        investments={(1.9e9, "RUB", "Орелагрокорм")},
        officials={("Клычков", "губернатор", "Орловская область")}),
}


def _read(name: str):
    docs, rejected = read_text_file(ROOT / f"{name}.txt", ROOT)
    assert not rejected and len(docs) == 1
    return docs[0]


def _body(text: str, name: str) -> tuple[int, int]:
    first, last = BODY[name]
    assert text.count(first) == 1, first
    assert text.count(last) == 1, last
    return text.index(first), text.index(last) + len(last)


def _facts(doc) -> list[dict]:
    out = []
    for r in extract_document(doc):
        if r["kind"] in FACTS:
            out.append({**r, **json.loads(r["attrs"])})
    return out


@pytest.fixture(scope="module")
def parsed():
    out = {}
    for name in EXPECTED:
        doc = _read(name)
        out[name] = (doc, _facts(doc))
    return out


def test_every_fixture_is_listed():
    assert {p.stem for p in ROOT.glob("*.txt")} == set(EXPECTED) == set(BODY)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_header_date_and_text(name):
    doc = _read(name)
    assert doc.published == PUBLISHED.get(name)
    assert not doc.text.startswith("date")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expected_facts_and_nothing_from_the_furniture(parsed, name):
    doc, facts = parsed[name]
    start, end = _body(doc.text, name)
    outside = [(f["kind"], f["text"]) for f in facts if not start <= f["start"] < end]
    assert not outside, outside
    exp = EXPECTED[name]
    plants = [f for f in facts if f["kind"] == "plant"]
    got_plants = {(f["normal"], f["status"], f["region_code"],
                   f["operator"]) for f in plants}
    want_plants = set()
    for pname, status, code, operator in exp["plants"]:
        if operator is None:  # not checked: take the operator found
            operator = next((f["operator"] for f in plants if f["normal"] == pname), None)
        want_plants.add((pname, status, code, operator))
    assert got_plants == want_plants
    got_inv = {(f["amount"], f["currency"], f["investor"])
               for f in facts if f["kind"] == "investment"}
    assert got_inv == exp["investments"]
    got_off = {(f["surname"], f["position"], f["organization"])
               for f in facts if f["kind"] == "official"}
    assert got_off == exp["officials"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_evidence_sentences_lie_in_the_body(parsed, name):
    doc, facts = parsed[name]
    start, end = _body(doc.text, name)
    for f in facts:
        ev = f.get("evidence")
        assert ev, f
        pos = doc.text.find(ev, start)
        assert start <= pos and pos + len(ev) <= end, (f["kind"], ev)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_furniture_alone_gives_no_fact(name):
    doc = _read(name)
    start, end = _body(doc.text, name)
    furniture = doc.text[:start] + doc.text[end:]
    facts = _facts(replace(doc, text=furniture))
    assert facts == [], [(f["kind"], f["text"]) for f in facts]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_body_is_content_and_the_rest_furniture(name):
    doc = _read(name)
    start, end = _body(doc.text, name)
    content = content_ranges(doc.text)
    assert content and content[0][0] == start and content[-1][1] == end
    # what lies between the body's blocks is whitespace only
    inside = [doc.text[a:b] for a, b in furniture_ranges(doc.text) if start < a < end]
    assert all(not gap.strip() for gap in inside), inside


# --- the rule on small texts ---------------------------------------------------------------

def _content(text: str) -> list[str]:
    return [text[a:b] for a, b in content_ranges(text)]


def test_a_single_line_is_always_article():
    assert _content("В Туле открыли завод по производству цемента") == [
        "В Туле открыли завод по производству цемента"]
    assert _content("") == []


def test_hard_wrapped_prose_is_joined_and_kept():
    text = ("Меню\nКомпания «Альфа» построит в Туле\nзавод по производству цемента,\n"
            "Инвестиции составят 2 млрд рублей.\nПоделиться")
    assert _content(text) == ["Компания «Альфа» построит в Туле\nзавод по производству "
                              "цемента,\nИнвестиции составят 2 млрд рублей."]


def test_headlines_menus_dates_and_buttons_are_furniture():
    text = ("Главная / Новости / Экономика\nЭкономика Промышленность Общество\n"
            "Сегодня, 10:15\nвчера в 18:30\n12.03.2024\n1 245 просмотров\n"
            "В Туле открыли завод\nВ Туле открыли завод по производству цемента.\n"
            "Источник: пресс-служба.\nФото: © ТАСС.\nТеги: завод, Тула\n"
            "Мы используем файлы cookie. Оставаясь на сайте, вы соглашаетесь.\n"
            "ВКонтакте\nTelegram\nОставить комментарий\nE-mail\n© 2025 Новости.")
    assert _content(text) == ["В Туле открыли завод по производству цемента."]


def test_related_headlines_end_at_a_blank_line_or_a_long_paragraph():
    body = "Предприятие построила компания «Альфа» на окраине города, " * 3 + "сообщили власти."
    text = ("В Туле открыли завод по производству цемента.\nЧитайте также:\n"
            "В Калуге построят завод за 5 млрд рублей.\nГубернатор открыл школу.\n\n"
            "Инвестиции составили 2 млрд рублей.\nЧитайте также\nКороткий заголовок.\n"
            + body)
    assert _content(text) == ["В Туле открыли завод по производству цемента.",
                              "Инвестиции составили 2 млрд рублей.", body]
    assert _content("Текст.\nЧитайте также: В Калуге построят завод за 5 млрд рублей.\n"
                    "Ещё текст.") == ["Текст.", "Ещё текст."]


def test_the_first_related_headline_may_follow_a_blank_line():
    """"Похожие статьи:", a blank line, then the headlines and their cut snippets (written
    for the tests, after a fresh real page of session 17, whose teaser of another article
    gave a sum its programme): the list is furniture; a blank line after a headline still
    ends it."""
    text = ("В Калуге построят завод по производству мебели.\n\nПохожие статьи:\n\n"
            "В Татарстане возведут птицекомплекс за 6,1 млрд рублей\n"
            "В Тукаевском районе инвестор построит новый птицекомплекс...\n"
            "20-07-2017, 21:57\n\nИнвестиции составят 2 млрд рублей.")
    assert _content(text) == ["В Калуге построят завод по производству мебели.",
                              "Инвестиции составят 2 млрд рублей."]


def test_list_items_of_a_digest_are_article():
    text = ("Новые заводы России\nЗа месяц открылись:\n1. В Томске завод плит\n"
            "2. В Башкирии завод железобетонных конструкций\n• цех упаковки в Калуге\n"
            "- на главную страницу")
    assert _content(text) == ["За месяц открылись:", "1. В Томске завод плит",
                              "2. В Башкирии завод железобетонных конструкций",
                              "• цех упаковки в Калуге"]


def test_a_news_outlet_is_not_the_company_of_the_story():
    from pipeline.rules.context import build_context
    from pipeline.runtime.nlp import analyze

    text = ("Краснодарский край, 20 августа 2025. Телеканал «Кубань 24». Компания «Азоврыбпром» "
            "открыла рыбоперерабатывающий завод.")
    assert build_context(analyze(text), None).company == "Азоврыбпром"


# Written for the tests, in the shape of two factRuEval-2016 devset texts that end with a
# signature line without a full stop (book_193: "— Татьяна Скригонюк, заместитель
# начальника пресс-службы ..."; book_409: "Кирсан Илюмжинов Президент ФИДЕ").
SIGNED = [
    ("Новости | Экономика | Общество\n\nСпасатели напоминают о мерах безопасности на льду. "
     "Выход на лёд водоёмов запрещён.\n\n— Ольга Смирнова, заместитель начальника "
     "пресс-службы ГУ МЧС по Тверской области", "Смирнова"),
    ("Шахматы\n\nМатч за звание чемпиона мира пройдёт в Казани осенью. Организаторы "
     "подтвердили даты.\n\nАндрей Волков Президент Российской шахматной федерации",
     "Волков"),
]


@pytest.mark.parametrize(("text", "surname"), SIGNED)
def test_a_signature_line_naming_a_person_is_read(text, surname):
    """A line without a full stop that opens with a person's name signs the article: it
    states who holds which post, so it is not dropped with the furniture around it."""
    from pipeline.types import RawDocument

    doc = RawDocument(doc_id="signed", text=text, source="signed.txt", sha256="0" * 64)
    officials = [json.loads(r["attrs"]) for r in extract_document(doc)
                 if r["kind"] == "official"]
    assert [o["surname"] for o in officials] == [surname]
    assert officials[0]["position"].startswith(("заместитель начальника", "президент"))


def test_a_menu_line_is_still_furniture_when_it_names_no_person():
    text = ("Главная / Новости / Экономика\n\nВ Тверской области открыли завод по выпуску "
            "кирпича. Губернатор Игорь Руденя посетил предприятие.")
    from pipeline.types import RawDocument

    doc = RawDocument(doc_id="menu", text=text, source="menu.txt", sha256="0" * 64)
    recs = extract_document(doc)
    assert all(r["start"] >= text.index("В Тверской") for r in recs
               if r["kind"] in FACTS)


def test_a_bulleted_related_list_ends_at_the_first_line_without_a_bullet():
    """Seen on a real page (tests/fixtures/real_news, dev part): the lead runs on right after
    a bulleted "Читайте также" list, with no blank line. Written for the tests."""
    text = ("Новый завод могут построить в Невинномысске\n\nЧитайте также:\n"
            "- Неизвестный повредил оборудование на АЗС (24.01.2018 08:00)\n"
            "- Продавщицы поверг жителей в шок (18.01.2018 07:04)\n"
            "Новый завод по выпуску картона планируют построить в Невинномысске.\n"
            "Инвестиции в проект составят 12 млрд рублей.")
    assert _content(text) == [
        "Новый завод по выпуску картона планируют построить в Невинномысске.",
        "Инвестиции в проект составят 12 млрд рублей."]


def test_an_excerpt_cut_off_mid_sentence_keeps_its_last_paragraph():
    """A page excerpt ends mid-sentence: its last paragraph has no full stop but is prose
    (long, mostly lower-case words); a menu line of the same length is not."""
    cut = ("Предприятие «Сургутгазстрой» построит в городе завод по выпуску бетона, а также "
           "склад и несколько цехов для выпуска железобетонных изделий для")
    menu = ("Главная Новости Экономика Политика Общество Культура Спорт Происшествия "
            "Здоровье Образование Туризм Авто Недвижимость Погода Фото Видео")
    text = f"Первый абзац статьи о заводе.\n\n{cut}"
    assert _content(text) == ["Первый абзац статьи о заводе.", cut]
    assert _content(f"Первый абзац статьи о заводе.\n\n{menu}") == [
        "Первый абзац статьи о заводе."]


def test_a_line_opening_the_article_with_a_colon_is_article():
    """"… заявил:" right before the first paragraph says who speaks; a headline there, a
    colon line with no verb, or one that does not open the body stay furniture (written
    for the tests)."""
    body = "Мы получили разрешение на строительство завода в Тосненском районе."
    assert _content("Главная / Новости\nГубернатор области Иван Петров сегодня заявил:\n"
                    + body) == ["Губернатор области Иван Петров сегодня заявил:", body]
    assert _content("В Туле открыли завод\n" + body) == [body]
    assert _content("Новости региона:\n" + body) == [body]
    assert _content(body + "\nГубернатор области Иван Петров сегодня заявил:\nМеню") == [body]


def _headline(text: str) -> str | None:
    span = headline_range(text)
    return text[span[0]:span[1]] if span else None


def test_the_headline_is_the_last_stating_line_before_the_body():
    """Issue 16: the page's own headline, read apart from the body (written for the tests):
    the one-line block with a verb right before the first paragraph, past menus and a date
    line; none when the page opens with prose, and never a line after the body ("Читайте
    также" lists) or a colon line."""
    body = "В Ижевске выделят участок для проекта, название которому выбрали жители города."
    title = "Власти Удмуртии собираются построить завод «Хмельной оружейник»"
    assert _headline(f"Новости\nЭкономика\n{title}\n12 марта 2025\n{body}") == title
    assert _headline(f"{body}\nЧитайте также\n{title}") is None
    assert _headline(f"Новости\nЭкономика\n{body}") is None
    assert _headline(f"Губернатор области Иван Петров сегодня заявил:\n{body}") is None
    # a headline that ends with a unit's abbreviation and its stop (real news dev r19_040,
    # r17_044), a slash of an abbreviation in it; a one-sentence lead ending so is no headline
    # when a sentence ends inside it
    money = "В Туле введут завод с/х техники стоимостью 8 млрд руб."
    assert _headline(f"{money}\n{body}") == money
    assert _headline(f"Завод построен. В Туле введут его стоимостью 8 млрд руб.\n{body}") is None
    assert _headline(f"Новости / Экономика / Промышленность\n{body}") is None


@pytest.mark.parametrize("prefix", [
    "26.11.2025 10:15 ", "12 марта 2025, 14:05 | ", "12 марта 2025 г. — ",
])
def test_a_headline_after_its_date_on_the_same_line(prefix):
    """Pages print the date before the headline on one line (real news dev r8_024): the
    headline is what follows the date (written for the tests); a date line alone stays no
    headline."""
    body = "В Ижевске выделят участок для проекта, название которому выбрали жители города."
    title = "Власти Удмуртии собираются построить завод «Хмельной оружейник»"
    assert _headline(f"Новости\n{prefix}{title}\n{body}") == title
    assert _headline(f"Новости\n{prefix.strip()}\n{body}") is None
    # the page text as stored by the page search opens with " date YYYY-MM-DD"
    assert _headline(f" date 2025-11-26 {title}\n{body}") == title


def test_a_headline_may_open_with_a_quoted_name():
    """Written for the tests (session 23, _states_something), after real news dev r16_028
    ("«Сургутнефтегаз» построит в Сургуте новую швейную фабрику" was no headline, its plant
    lost): the capital that opens a clause may follow an opening quote."""
    body = "В Сургуте состоялась рабочая встреча губернатора и руководства компании."
    title = "«Сургутнефтегаз» построит в Сургуте новую швейную фабрику"
    assert _headline(f"Новости\n{title}\n{body}") == title
    assert _headline(f'Новости\n"Мечел" подпишет контракт на установку стана\n{body}') == \
        '"Мечел" подпишет контракт на установку стана'
    assert _headline(f"Новости\n«меню» и другие разделы сайта\n{body}") is None
