"""Load (not timed): 5,000 small documents, 5 % of them bad in ten different ways, through
the real Dagster job. Exactly the good ones must be published and exactly the bad ones
reported. The documents are written for the tests and kept tiny, because the NLP is the
cost of a build.
"""

from __future__ import annotations

import json

import pytest

from tests.test_e2e import check_consistent, read_package, run_build
from tests.test_reliability_corpus import PNG

N_DOCS = 5000
N_BAD = N_DOCS // 20
PLACES = ["Калужской области", "Туле", "Татарстане", "Перми", "Омске", "Липецкой области",
          "Самаре", "Челябинске"]
THINGS = ["завод труб", "цех станков", "линию шин", "завод кормов", "склад", "фабрику"]


def good_text(i: int) -> str:
    return f"В {PLACES[i % len(PLACES)]} открыли {THINGS[i % len(THINGS)]} номер {i}."


@pytest.fixture(scope="module")
def load(tmp_path_factory):
    base = tmp_path_factory.mktemp("load")
    seeds = base / "seeds"
    (seeds / "txt").mkdir(parents=True)
    good: set[str] = set()
    bad: dict[str, str] = {}  # source -> stage
    jsonl_lines: dict[int, list[str]] = {0: [], 1: [], 2: []}

    def add_line(k: int, line: str) -> str:
        jsonl_lines[k].append(line)
        return f"load_{k}.jsonl:{len(jsonl_lines[k])}"

    bad_kinds = ["empty", "blank", "binary", "nul", "dup_text", "broken_json", "no_text",
                 "nonstring_text", "unsafe_id", "dup_id"]
    bad_at = {int(j * N_DOCS / N_BAD): bad_kinds[j % len(bad_kinds)] for j in range(N_BAD)}
    assert len(bad_at) == N_BAD
    for i in range(N_DOCS):
        kind = bad_at.get(i)
        k = i % 3
        if kind is None:
            if i % 2:
                (seeds / "txt" / f"g{i:05d}.txt").write_text(good_text(i), "utf-8")
                good.add(f"txt__g{i:05d}")
            else:
                add_line(k, json.dumps({"id": f"j{i:05d}", "text": good_text(i)},
                                       ensure_ascii=False))
                good.add(f"j{i:05d}")
            continue
        path = seeds / "txt" / f"b{i:05d}.txt"
        if kind == "empty":
            path.write_bytes(b"")
        elif kind == "blank":
            path.write_bytes(b" \r\n\t ")
        elif kind == "binary":
            path.write_bytes(PNG)
        elif kind == "nul":
            path.write_bytes(good_text(i).encode() + b"\x00\x01" + b"x" * 10)
        elif kind == "dup_text":
            path.write_text(good_text(i - 1) if (i - 1) not in bad_at else good_text(i - 2))
        if kind in ("empty", "blank", "binary", "nul", "dup_text"):
            bad[f"txt/b{i:05d}.txt"] = "duplicate" if kind == "dup_text" else "ingest"
            continue
        line = {
            "broken_json": f'{{"id": "x{i}", "text": "оборвано',
            "no_text": json.dumps({"id": f"nt{i}"}),
            "nonstring_text": json.dumps({"id": f"ns{i}", "text": ["список"]}),
            "unsafe_id": json.dumps({"id": f"../../x{i}", "text": good_text(i) + " !"},
                                    ensure_ascii=False),
            # j00006 is a good document read earlier (load_0.jsonl, line 3)
            "dup_id": json.dumps({"id": "j00006", "text": good_text(i) + " ?"},
                                 ensure_ascii=False),
        }[kind]
        bad[add_line(k, line)] = "ingest"
    for k, lines in jsonl_lines.items():
        (seeds / f"load_{k}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    assert len(good) + len(bad) == N_DOCS
    assert "j00006" in good and 6 not in bad_at
    build = run_build(seeds, base / "datasets", base / "home", base / "cache",
                      env={"PIPELINE_WORKERS": "2"})
    return good, bad, build


@pytest.mark.slow
def test_load_run_succeeds(load):
    _, _, build = load
    assert build.success, build.error
    check_consistent(build.out)


@pytest.mark.slow
def test_load_publishes_exactly_the_good_documents(load):
    good, bad, build = load
    t = read_package(build.out)
    published = set(t["documents"]["doc_id"])
    dup = {s for s, stage in bad.items() if stage == "duplicate"}
    # a copied text: whichever of the pair is read first is published, the other reported
    rej = t["rejected_documents"]
    dup_rows = rej[rej["stage"] == "duplicate"]
    assert len(dup_rows) == len(dup)
    swapped = {f"txt__{s.split('/')[1][:-4]}" for s in dup} & published
    assert len(published) == len(good)
    assert published == (good - set(dup_rows["doc_id"])) | swapped
    assert len(t["documents"]) == N_DOCS - N_BAD


@pytest.mark.slow
def test_load_reports_exactly_the_bad_documents(load):
    _, bad, build = load
    rej = read_package(build.out)["rejected_documents"]
    assert len(rej) == N_BAD
    ingest = rej[rej["stage"] == "ingest"]
    assert set(ingest["source"]) == {s for s, st in bad.items() if st == "ingest"}
    assert (ingest["reason"].str.len() > 5).all()
    assert (rej["stage"] != "parse").all()
    # one run-log event lists them (its first 20), with the whole count
    warned = [m for m in build.logs if "rejected files or lines: " in m]
    assert len(warned) == 1 and warned[0].startswith(f"{len(ingest)} rejected files")
    assert sum(f"{s}: " in warned[0] for s in ingest["source"]) == min(len(ingest), 20)


@pytest.mark.slow
def test_load_facts_come_from_published_documents(load):
    _, _, build = load
    t = read_package(build.out)
    ids = set(t["documents"]["doc_id"])
    for name in ("officials", "plants", "investments"):
        assert set(t[name]["doc_id"]) <= ids
    assert len(t["plants"]) > 0
