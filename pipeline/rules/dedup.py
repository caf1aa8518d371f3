"""One record per fact, however often a document states it (issue 14).

News pages repeat themselves: a scraped page may carry its headline twice, the body
restates the headline, a sum is said again in the quote of an official. Each statement is
read as a fact of its own, so without this step a plant gets two rows with one
`plant_id` (the plants table is unique by plant and document: nothing is published), an
investment is counted twice, and an official gets a second row for a post spelled with
other capitals ("«ЭкоСтекло»" / "«Экостекло»").

The rule is the same for every fact kind: mentions of one fact form a group, and ONE
mention of the group is kept whole, the most informative one (ties: the earliest). A
kept record's attributes, evidence and offsets all come from that one mention, never
spliced from two, so `text[start:end]` always lies inside the record's own evidence.
Entity records (PER, ORG, MONEY, ...) are left as they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

Fact = tuple[dict[str, Any], dict[str, Any]]  # (record, its parsed attrs)
Offsets = tuple[int, int]

# attributes whose two non-null values, when they differ, make two mentions two facts
_PLANT_OPTIONAL = ("operator", "region_code")
_INVESTMENT_ATTRS = ("investor", "program", "period_start_year", "period_end_year",
                     "region_code", "part_of")
# qualifiers that may be one sum said loosely and exactly ("около 2 млрд" / "2 млрд");
# "более 2 млрд" and "до 2 млрд" are other facts
_LOOSE_QUALIFIERS = ("exact", "approx")
# attributes counted to pick the most informative mention
_PLANT_INFO = ("product", "operator", "region_code", "event_date", "event_year")
_INVESTMENT_INFO = ("investor", "program", "period_start_year", "period_end_year",
                    "region_code", "part_of")
_OFFICIAL_INFO = ("organization", "phase")


def norm(value: Any) -> Any:
    """A value as ids compare it: strings lower case, ё as е, any whitespace (a scraped
    page's no-break space too) as one space; other values unchanged."""
    if not isinstance(value, str):
        return value
    return re.sub(r"\s+", " ", value.casefold().replace("ё", "е")).strip()


def compatible(a: dict[str, Any], b: dict[str, Any], fields: tuple[str, ...]) -> bool:
    """No field has two different non-null values: a mention that leaves the operator
    or the year out can be the same fact as one that names it."""
    return all(a.get(f) is None or b.get(f) is None or norm(a.get(f)) == norm(b.get(f))
               for f in fields)


def informativeness(record: dict[str, Any], attrs: dict[str, Any],
                    fields: tuple[str, ...]) -> tuple[int, int]:
    """Sort key of the mention to keep: most non-null attributes (a known status counts
    as one), then the earliest in the text."""
    known = sum(attrs.get(f) is not None for f in fields)
    known += attrs.get("status") not in (None, "unknown")
    return known, -int(record["start"])


def group(facts: list[Fact], key: Callable[[dict[str, Any]], Any],
          fields: tuple[str, ...]) -> list[list[Fact]]:
    """Mentions with the same key, split so that every mention of a group is compatible
    with every other one (in text order, each joins the first group that takes it); a
    mention that leaves an attribute out never bridges two that disagree on it."""
    groups: list[list[Fact]] = []
    for fact in facts:
        target = next((g for g in groups if key(g[0][1]) == key(fact[1])
                       and all(compatible(fact[1], o[1], fields) for o in g)), None)
        if target is None:
            groups.append([fact])
        else:
            target.append(fact)
    return groups


def best(members: list[Fact], fields: tuple[str, ...]) -> Fact:
    """The one mention of a group that becomes the fact's record."""
    return max(members, key=lambda f: informativeness(f[0], f[1], fields))


def _parse(recs: list[dict[str, Any]], kind: str) -> list[Fact]:
    facts = [(r, json.loads(r["attrs"])) for r in recs if r["kind"] == kind]
    return sorted(facts, key=lambda f: (int(f[0]["start"]), int(f[0]["end"])))


def _offsets(record: dict[str, Any]) -> Offsets:
    return int(record["start"]), int(record["end"])


def dedupe_plants(facts: list[Fact]) -> list[Fact]:
    """One mention per facility: the same name (as `plant_id` normalises it), and an
    operator and region that agree or are missing from one of the mentions."""
    return [best(g, _PLANT_INFO)
            for g in group(facts, lambda a: norm(a.get("name")), _PLANT_OPTIONAL)]


def dedupe_officials(facts: list[Fact]) -> list[Fact]:
    """One mention per person, position and organization (the officials table's key)."""
    def key(a: dict[str, Any]) -> tuple[Any, ...]:
        return norm(a.get("full_name")), norm(a.get("position")), norm(a.get("organization"))
    return [best(g, _OFFICIAL_INFO) for g in group(facts, key, ())]


def dedupe_investments(facts: list[Fact]) -> list[Fact]:
    """One mention per sum: the same amount and currency, and no two different investors,
    programmes, periods, regions or totals, nor qualifiers other than exact and approx
    ("около 2 млрд" / "2 млрд" are one sum). A kept part whose total was said twice names
    the kept mention of the total (its attrs are rewritten, not its offsets).

    A part names its total by offsets (`part_of`). A total is larger than its parts, so
    sums are grouped largest first: by the time parts are compared, the totals they name
    already point to their kept mention, and two parts of one total said twice are one."""
    moved: dict[Offsets, Offsets] = {}

    def resolved(attrs: dict[str, Any]) -> dict[str, Any]:
        part = attrs.get("part_of")
        if part is None:
            return attrs
        return {**attrs, "part_of": list(moved.get((int(part[0]), int(part[1])),
                                                  (int(part[0]), int(part[1]))))}

    def amount(f: Fact) -> tuple[Any, ...]:
        return f[1].get("amount"), f[1].get("amount_max"), f[1].get("currency")

    kept: list[Fact] = []
    for value in sorted({amount(f) for f in facts}, key=lambda v: -(v[0] or 0)):
        same = [(r, resolved(a)) for r, a in facts if amount((r, a)) == value]
        for g in group(same, _qualifier_class, _INVESTMENT_ATTRS):
            winner = max(g, key=_investment_info)
            kept.append(winner)
            for r, _ in g:
                if r is not winner[0]:
                    moved[_offsets(r)] = _offsets(winner[0])
    return kept


def _qualifier_class(attrs: dict[str, Any]) -> Any:
    """Mentions of one sum: an exact and an approximate one are the same fact."""
    q = attrs.get("qualifier")
    return "exact" if q in _LOOSE_QUALIFIERS else q


def _investment_info(fact: Fact) -> tuple[int, int]:
    """The most informative mention of a sum; the one that says how exact it is ("почти
    1,5 млрд") counts that as one more attribute."""
    known, order = informativeness(fact[0], fact[1], _INVESTMENT_INFO)
    return known + (fact[1].get("qualifier") not in (None, "exact")), order


def _dump(attrs: dict[str, Any]) -> str:
    return json.dumps(attrs, ensure_ascii=False, sort_keys=True)


def dedupe_facts(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The document's records with each official, plant and investment stated more than
    once reduced to one record; entity records and the order of records are unchanged."""
    keep: set[int] = set()
    for kind, dedupe in (("official", dedupe_officials), ("plant", dedupe_plants)):
        keep.update(id(r) for r, _ in dedupe(_parse(recs, kind)))
    investments = dedupe_investments(_parse(recs, "investment"))
    rewritten: dict[int, dict[str, Any]] = {}
    for r, attrs in investments:
        keep.add(id(r))
        part = attrs.get("part_of")
        if part != json.loads(r["attrs"]).get("part_of"):  # its total was said twice
            rewritten[id(r)] = {**r, "attrs": _dump(attrs)}
    facts = {"official", "plant", "investment"}
    return [rewritten.get(id(r), r) for r in recs
            if r["kind"] not in facts or id(r) in keep]
