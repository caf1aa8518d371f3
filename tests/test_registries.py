"""Registries: seed figures, stable ids under growth, overrides, namesakes, gold-set scores."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pipeline import tables
from pipeline.ingest.files import read_corpus
from pipeline.registries import (
    backwards_statuses,
    parse_name,
    registry_frames,
    resolve_people,
    resolve_plants,
)
from pipeline.rules.officials import official_id
from pipeline.rules.plants import plant_id
from pipeline.runtime.batch import parse_documents

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NO_OVERRIDES = pd.DataFrame(columns=["kind", "left", "right", "same", "comment"])


@pytest.fixture(scope="module")
def seed_registries() -> dict[str, pd.DataFrame]:
    docs = [d for d in read_corpus(SEEDS).documents if d.doc_id.startswith("000_")]
    result = parse_documents(docs, workers=1)
    frames = tables.build_tables(docs, tables.records_frame(result.records))
    return frames


def test_seed_gives_seven_facilities_and_three_people(seed_registries):
    reg = seed_registries["plant_registry"]
    assert len(reg) == 7
    assert set(reg["latest_status"]) == {"launched"}
    assert set(reg["latest_status_date"]) == {date(2026, 1, 30)}
    assert set(reg["region_code"]) == {"RU-KGD"}
    assert len(seed_registries["people"]) == 3
    assert len(seed_registries["plant_status_history"]) == 7
    assert seed_registries["links"].empty


def _plant(doc: str, name: str, product: str | None, operator: str | None, region: str | None,
           status: str = "launched", day: str | None = None) -> dict:
    return {"plant_id": plant_id(name, operator, region), "doc_id": doc, "name": name,
            "product": product, "operator": operator, "region": "R" if region else None,
            "region_code": region, "status": status,
            "event_date": date.fromisoformat(day) if day else None, "evidence": name,
            "start": 0}


def _docs(*pairs: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": d, "published": date.fromisoformat(p)} for d, p in pairs])


def test_ids_survive_growth_in_three_steps():
    step1 = [_plant("a", "завод выхлопных систем", "выхлопные системы", "Автотор", "RU-KGD"),
             _plant("a", "завод сидений", "автомобильные сиденья", "Автотор", "RU-KGD")]
    docs = [("a", "2026-01-30")]
    reg1, _, _ = resolve_plants(pd.DataFrame(step1), _docs(*docs), NO_OVERRIDES)
    ids1 = set(reg1["facility_id"])
    assert len(ids1) == 2
    # step 2: a later article names a known plant another way, and a new plant
    step2 = step1 + [
        _plant("b", "завод выхлопных систем автомобилей", "выхлопные системы", "Автотора",
               "RU-KGD", status="expanded"),
        _plant("b", "цементный завод", "цемент", "Центрцемент", "RU-TUL")]
    docs.append(("b", "2026-03-01"))
    reg2, hist2, links2 = resolve_plants(pd.DataFrame(step2), _docs(*docs), NO_OVERRIDES)
    assert ids1 <= set(reg2["facility_id"]) and len(reg2) == 3
    assert len(links2) == 1
    exhaust = reg2[reg2["n_documents"] == 2].iloc[0]
    assert exhaust["latest_status"] == "expanded"
    # step 3: an override joins two known facilities: the later one's id is replaced
    step3 = step2 + [_plant("c", "цементный завод", "цемент", "Центрцемент", "RU-TUL",
                            status="closed")]
    docs.append(("c", "2026-04-01"))
    a, b = step1[0]["plant_id"], step1[1]["plant_id"]
    ov = pd.DataFrame([{"kind": "plant", "left": a, "right": b, "same": "1", "comment": ""}])
    reg3, _, links3 = resolve_plants(pd.DataFrame(step3), _docs(*docs), ov)
    assert len(reg3) == 2
    gone = ids1 - set(reg3["facility_id"])
    assert len(gone) == 1
    merged = reg3[reg3["plant_ids"].str.contains(a)].iloc[0]
    assert merged["facility_id"] in ids1
    assert gone <= set(json.loads(merged["former_ids"]))
    assert "override" in {r["rule"] for r in links3}


def test_override_keeps_apart():
    rows = [_plant("a", "завод выхлопных систем", "выхлопные системы", "Автотор", "RU-KGD"),
            _plant("b", "завод выхлопных систем автомобилей", "выхлопные системы",
                   "Автотор", "RU-KGD")]
    ov = pd.DataFrame([{"kind": "plant", "left": rows[0]["plant_id"],
                        "right": rows[1]["plant_id"], "same": "0", "comment": "two plants"}])
    reg, _, links = resolve_plants(pd.DataFrame(rows), _docs(("a", "2026-01-01"),
                                                             ("b", "2026-02-01")), ov)
    assert len(reg) == 2 and not links


def test_two_plants_of_one_operator_in_one_region_stay_apart():
    rows = [_plant("a", "завод выхлопных систем", "выхлопные системы", "Автотор", "RU-KGD"),
            _plant("b", "завод электронных систем управления", "электронные системы",
                   "Автотор", "RU-KGD")]
    reg, _, _ = resolve_plants(pd.DataFrame(rows), _docs(("a", "2026-01-01"),
                                                         ("b", "2026-02-01")), NO_OVERRIDES)
    assert len(reg) == 2


def test_history_follows_dates_and_flags_backwards():
    rows = [_plant("b", "цементный завод", "цемент", "Центрцемент", "RU-TUL", "launched"),
            _plant("a", "цементный завод", "цемент", "Центрцемент", "RU-TUL", "closed")]
    rows[1]["plant_id"] = rows[0]["plant_id"]
    _, hist, _ = resolve_plants(pd.DataFrame(rows), _docs(("a", "2026-01-01"),
                                                          ("b", "2026-05-01")), NO_OVERRIDES)
    assert list(hist["status"]) == ["closed", "launched"]
    assert len(backwards_statuses(hist)) == 1


def _backwards_by_loop(history: pd.DataFrame) -> pd.DataFrame:
    """The check as it was first written: each facility's rows in order, one at a time."""
    from pipeline.registries import STATUS_RANK

    bad = []
    for _, g in history.groupby("facility_id", sort=True):
        top = -1
        for r in g.itertuples():
            rank = STATUS_RANK.get(r.status)
            if rank is None:
                continue
            if rank < top:
                bad.append(r.Index)
            top = max(top, rank)
    return history.loc[bad]


def test_backwards_statuses_are_those_of_the_row_by_row_rule() -> None:
    import random

    from pipeline.registries import STATUS_RANK

    statuses = [*STATUS_RANK, "unknown to the life cycle"]
    for seed in range(300):
        rnd = random.Random(seed)
        n = rnd.randint(0, 25)
        history = pd.DataFrame({"facility_id": [rnd.choice("fedcba") for _ in range(n)],
                                "status": [rnd.choice(statuses) for _ in range(n)],
                                "doc_id": [f"d{i}" for i in range(n)]})
        want, got = _backwards_by_loop(history), backwards_statuses(history)
        assert list(got.index) == list(want.index), seed
        pd.testing.assert_frame_equal(got, want, check_index_type=False)


def _official(doc: str, full: str, surname: str, position: str, org: str | None) -> dict:
    return {"official_id": official_id(full), "doc_id": doc, "full_name": full,
            "surname": surname, "position": position, "organization": org}


def test_name_forms_are_one_person_and_namesakes_stay_apart():
    rows = [_official("a", "Антон Алиханов", "Алиханов", "губернатор",
                      "Калининградская область"),
            _official("b", "А. Алиханов", "Алиханов", "губернатор", "Калининградская область"),
            _official("c", "Алиханов Антон Андреевич", "Алиханов", "министр",
                      "Минпромторг"),
            _official("d", "Иван Петров", "Петров", "губернатор", "Тульская область"),
            _official("e", "И. Петров", "Петров", "директор", "Северсталь")]
    docs = _docs(*[(d, "2026-01-0" + str(i + 1)) for i, d in enumerate("abcde")])
    people, links = resolve_people(pd.DataFrame(rows), docs, NO_OVERRIDES)
    assert len(people) == 3
    ali = people[people["surname"] == "Алиханов"].iloc[0]
    assert ali["full_name"] == "Алиханов Антон Андреевич"
    assert len(json.loads(ali["posts"])) == 2
    assert {r["rule"] for r in links} == {"same_first_name", "initial_and_context"}


def test_parse_name():
    assert parse_name("Алиханов Антон Андреевич", "Алиханов").patronymic == "андреевич"
    assert parse_name("А. Алиханов", "Алиханов").initial == "а"
    assert parse_name("А. Алиханов", "Алиханов").first == ""


def test_registry_frames_empty():
    empty = {t: pd.DataFrame() for t in ("plants", "officials", "documents")}
    out = registry_frames(empty, NO_OVERRIDES)
    assert set(out) == {"plant_registry", "plant_status_history", "people", "links"}


def test_gold_pairs_meet_the_targets():
    from pipeline.evaluation.registries import evaluate, read_pairs

    pairs = read_pairs()
    assert len(pairs) >= 200
    assert {"plant", "person"} == set(pairs["kind"])
    assert pairs["note"].str.startswith("hard negative").sum() >= 20
    result = evaluate(pairs)
    assert result["all"]["precision"] >= 0.95
    assert result["all"]["recall"] >= 0.85
    assert result["person"]["b3_f1"] >= 0.95 and result["plant"]["b3_f1"] >= 0.95


def test_undated_documents_do_not_break_resolution():
    rows = [_plant("a", "цементный завод", "цемент", "Центрцемент", "RU-TUL")]
    docs = pd.DataFrame([{"doc_id": "a", "published": None}])
    reg, hist, _ = resolve_plants(pd.DataFrame(rows), docs, NO_OVERRIDES)
    assert reg["first_seen"].isna().all() and len(hist) == 1


def test_a_short_form_and_its_written_out_post_are_one_post_and_join_an_initial():
    """"И. Петров, гендиректор" and "Иван Петров, генеральный директор" of one company: the
    same post (position_full), which joins the initial to the name (rows made up)."""
    rows = [{**_official("a", "Иван Петров", "Петров", "генеральный директор", "Север"),
             "position_full": "генеральный директор"},
            {**_official("b", "И. Петров", "Петров", "гендиректор", None),
             "position_full": "генеральный директор"}]
    people, links = resolve_people(pd.DataFrame(rows), _docs(("a", "2026-01-01"),
                                                             ("b", "2026-02-01")),
                                   NO_OVERRIDES)
    assert len(people) == 1
    assert [r["rule"] for r in links] == ["initial_and_context"]
    posts = json.loads(people.iloc[0]["posts"])
    assert {p["position"] for p in posts} == {"генеральный директор"}


def test_lemmatised_keys_are_remembered_between_builds(seed_registries, tmp_path,
                                                      monkeypatch) -> None:
    """A build lemmatises only the texts no earlier build did: the keys are kept as a
    snapshot in the cache folder, and a build with them gives the same registries; another
    version of the key code starts afresh."""
    from pipeline import registries
    from pipeline.runtime import snapshot

    facts = {t: seed_registries[t] for t in ("documents", "officials", "plants")}

    def fresh_process() -> None:
        registries._KEYS.clear()
        registries._keys_state.update(version=None, saved=-1)

    monkeypatch.setattr(snapshot, "_folder", tmp_path)
    fresh_process()
    first = registry_frames(facts, NO_OVERRIDES)
    assert list((tmp_path / "registry_keys").glob("*.pickle"))
    fresh_process()
    calls: list[str] = []
    real = registries.normal_name
    monkeypatch.setattr(registries, "normal_name", lambda s: calls.append(s) or real(s))
    again = registry_frames(facts, NO_OVERRIDES)
    assert calls == []  # every key came from the snapshot
    for name in first:
        pd.testing.assert_frame_equal(again[name], first[name], obj=name)
    fresh_process()
    monkeypatch.setattr(registries, "_keys_version", lambda: "another key code")
    registry_frames(facts, NO_OVERRIDES)
    assert calls  # computed again under the other version
    fresh_process()
