"""Score the registries' resolution against labelled mention pairs.

Why: a merge rule that is too loose joins two plants or two namesakes, and a published
registry row then mixes two things; a rule that is too strict leaves one plant as two
rows. Both show only when measured on pairs a reader labelled. The gold pairs
(`tests/fixtures/registry_pairs.csv`, its header says how they were labelled) name gold
mentions `<doc>#<index>` of the corpora's `*.gold.json`; the resolvers of
`pipeline.registries` run on those gold mentions (so the score is the resolution's own,
not the extraction's), and the result is scored pairwise (precision, recall) and by
B-cubed over the mentions in the pairs.

CLI: ``python -m pipeline.evaluation.registries`` (prints the figures per kind).
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.registries import resolve_people, resolve_plants
from pipeline.rules.officials import official_id
from pipeline.rules.plants import plant_id

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
PAIRS = FIXTURES / "registry_pairs.csv"
CORPORA = (FIXTURES / "corpus", FIXTURES / "real_news")
NO_OVERRIDES = pd.DataFrame(columns=["kind", "left", "right", "same", "comment"])


def _published(txt: Path) -> date | None:
    first = txt.read_text("utf-8", errors="replace").split("\n", 1)[0].strip() \
        if txt.is_file() else ""
    if first.startswith("date "):
        try:
            return date.fromisoformat(first[5:15])
        except ValueError:
            return None
    return None


def gold_frames(corpora: Iterable[Path] = CORPORA) -> dict[str, pd.DataFrame]:
    """Gold mentions as fact-table frames (plants, officials, documents), keyed `doc#i`."""
    plants, officials, docs = [], [], []
    for folder in corpora:
        for f in sorted(folder.glob("*.gold.json")):
            doc = f.name.removesuffix(".gold.json")
            gold = json.loads(f.read_text("utf-8"))
            docs.append({"doc_id": doc, "published": _published(folder / f"{doc}.txt")})
            for i, p in enumerate(gold.get("plants", [])):
                plants.append({
                    "mention": f"{doc}#{i}", "doc_id": doc, "start": i,
                    "plant_id": plant_id(p["name"], p.get("operator"), p.get("region_code")),
                    "name": p["name"], "product": p.get("product"),
                    "operator": p.get("operator"), "region": p.get("region"),
                    "region_code": p.get("region_code"), "status": p.get("status"),
                    "event_date": None, "evidence": p["name"]})
            for i, o in enumerate(gold.get("officials", [])):
                officials.append({
                    "mention": f"{doc}#{i}", "doc_id": doc,
                    "official_id": official_id(o["full_name"]), "full_name": o["full_name"],
                    "surname": o["surname"], "position": o["position"],
                    "organization": o.get("organization")})
    return {"plants": pd.DataFrame(plants), "officials": pd.DataFrame(officials),
            "documents": pd.DataFrame(docs)}


def predicted_clusters(frames: dict[str, pd.DataFrame]) -> dict[str, dict[str, str]]:
    """kind -> mention -> entity id, as the registries resolve the gold mentions."""
    registry, _, _ = resolve_plants(frames["plants"], frames["documents"], NO_OVERRIDES)
    people, _ = resolve_people(frames["officials"], frames["documents"], NO_OVERRIDES)
    fac = {p: r.facility_id for r in registry.itertuples() for p in json.loads(r.plant_ids)}
    per = {o: r.person_id for r in people.itertuples() for o in json.loads(r.official_ids)}
    return {
        "plant": dict(zip(frames["plants"]["mention"],
                          frames["plants"]["plant_id"].map(fac), strict=True)),
        "person": dict(zip(frames["officials"]["mention"],
                           frames["officials"]["official_id"].map(per), strict=True)),
    }


def read_pairs(path: Path = PAIRS) -> pd.DataFrame:
    """The labelled pairs (lines starting with `#` are the header note; ids contain `#`)."""
    lines = [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")]
    return pd.read_csv(io.StringIO("\n".join(lines)), dtype={"same": int})


def _components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, str]:
    parent = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {n: find(n) for n in parent}


def b_cubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of `pred` against `gold` (mention -> cluster)."""
    def groups(m: dict[str, str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for k, v in m.items():
            out.setdefault(v, set()).add(k)
        return out

    g, p = groups(gold), groups(pred)
    prec = rec = 0.0
    for m in gold:
        inter = len(g[gold[m]] & p[pred[m]])
        prec += inter / len(p[pred[m]])
        rec += inter / len(g[gold[m]])
    n = len(gold) or 1
    prec, rec = prec / n, rec / n
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def evaluate(pairs: pd.DataFrame | None = None,
             frames: dict[str, pd.DataFrame] | None = None) -> dict[str, dict[str, float]]:
    """Per kind (plant, person, all): pairs, pairwise precision/recall/F1, B-cubed P/R/F1,
    and the false merges and missed merges as lists."""
    pairs = read_pairs() if pairs is None else pairs
    pred = predicted_clusters(gold_frames() if frames is None else frames)
    out: dict[str, dict] = {}
    tp_all = fp_all = fn_all = 0
    for kind in ("plant", "person"):
        sub = pairs[pairs["kind"] == kind]
        ids = pred[kind]
        merged = [ids[a] == ids[b] for a, b in zip(sub["left"], sub["right"], strict=True)]
        same = sub["same"].astype(bool).tolist()
        tp = sum(m and s for m, s in zip(merged, same, strict=True))
        fp = sum(m and not s for m, s in zip(merged, same, strict=True))
        fn = sum(s and not m for m, s in zip(merged, same, strict=True))
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        nodes = sorted(set(sub["left"]) | set(sub["right"]))
        gold = _components(nodes, [(a, b) for a, b, s in
                                   zip(sub["left"], sub["right"], same, strict=True) if s])
        bp, br, bf = b_cubed(gold, {n: ids[n] for n in nodes})
        rows = list(zip(sub["left"], sub["right"], merged, same, strict=True))
        out[kind] = {
            "pairs": len(sub), "same": int(sum(same)), **_prf(tp, fp, fn),
            "b3_precision": bp, "b3_recall": br, "b3_f1": bf,
            "false_merges": [f"{a} ~ {b}" for a, b, m, s in rows if m and not s],
            "missed_merges": [f"{a} ~ {b}" for a, b, m, s in rows if s and not m]}
    out["all"] = {"pairs": len(pairs), "same": int(pairs["same"].sum()),
                  **_prf(tp_all, fp_all, fn_all)}
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> int:
    result = evaluate()
    for kind, m in result.items():
        line = (f"{kind}: {m['pairs']} pairs ({m['same']} same): pairwise precision "
                f"{m['precision']:.3f}, recall {m['recall']:.3f}, F1 {m['f1']:.3f}")
        if "b3_f1" in m:
            line += (f"; B-cubed precision {m['b3_precision']:.3f}, recall "
                     f"{m['b3_recall']:.3f}, F1 {m['b3_f1']:.3f}")
        print(line)
        for what in ("false_merges", "missed_merges"):
            if m.get(what):
                print(f"  {what.replace('_', ' ')}: {', '.join(m[what])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
