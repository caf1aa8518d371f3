"""How far two annotators agree on WHICH plant rows a document has: the ceiling a plant
detection score is read against.

Why: the extraction scores plants F1 ~0.63 on pages it was not tuned on, and
pipeline/evaluation/agreement.py measured only the status of plants both annotators had.
Here a second annotator wrote the plant rows of a sample of dev documents from the excerpts
alone, without their gold (`tests/fixtures/real_news/plants_second_annotation.json`), and
the rows are scored against the gold with the project's own matcher
(`corpus.plants_match`: same region and a shared content word, one to one): precision,
recall and F1 of the second annotation against the gold, status agreement (and Cohen's
kappa) on the matched rows, by batch, and every unmatched row on either side, with the
class of disagreement the file's `disagreements` list gives it (rows not yet classified are
listed as such). A looser figure (content word only, region ignored) says how much of the
gap is the region.

CLI: ``python -m pipeline.evaluation.plants_agreement [--out reports/plants_agreement.md]``.
Dev part only, and never the blind batches: a document of the frozen test part or of a
blind batch (`BLIND_BATCHES`) is refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.evaluation.agreement import Agreement, agreement, batch_of, emit
from pipeline.evaluation.corpus import (
    BLIND_BATCHES,
    REAL_DIR,
    TableScore,
    _share_word,
    content_words,
    doc_part,
    match_document,
    plants_match,
    score_table,
)

SECOND_FILE = "plants_second_annotation.json"
# written after the scoring: the class of each disagreement, the text span and the README
# rule that was open or read differently (the annotation file itself is left as it was made)
CLASSES_FILE = "plants_agreement_classes.json"


def words_match(gold: dict, pred: dict) -> bool:
    """`plants_match` without the region: a shared content word of name + product."""
    return _share_word(content_words(gold.get("name"), gold.get("product")),
                       content_words(pred.get("name"), pred.get("product")))


@dataclass
class PlantsAgreement:
    """The second annotation scored against the gold."""

    documents: list[str]
    score: TableScore
    loose: TableScore
    status: Agreement
    pairs: list[dict] = field(default_factory=list)
    by_batch: dict[str, TableScore] = field(default_factory=dict)


def load(folder: Path = REAL_DIR, second_file: str = SECOND_FILE
         ) -> tuple[list[str], dict[str, list[dict]], dict[str, list[dict]], dict]:
    """(documents, gold plants by document, second plants by document, the classes file's
    content or {}); raises on a document outside the dev part or in a refused batch, or a
    row naming a document the file does not list."""
    data = json.loads((Path(folder) / second_file).read_text("utf-8"))
    docs = list(data["documents"])
    for doc in docs:
        if batch_of(doc) in BLIND_BATCHES:  # kept blind: never read
            raise ValueError(f"{doc}: a blind or newer batch; the second annotation never reads it")
        if doc_part(folder, doc) != "dev":
            raise ValueError(f"{doc}: not a dev-part document; the second annotation is dev only")
    second: dict[str, list[dict]] = {d: [] for d in docs}
    for row in data["plants"]:
        if row["doc"] not in second:
            raise ValueError(f"{row['doc']}: a row for a document the file does not list")
        second[row["doc"]].append(row)
    gold = {d: json.loads((Path(folder) / f"{d}.gold.json").read_text("utf-8"))["plants"]
            for d in docs}
    classes_path = Path(folder) / CLASSES_FILE
    classes = json.loads(classes_path.read_text("utf-8")) if classes_path.is_file() else {}
    return docs, gold, second, classes


def measure(docs: list[str], gold: dict[str, list[dict]],
            second: dict[str, list[dict]]) -> PlantsAgreement:
    """P/R/F1 (the gold as reference), the region-free figure, status on matched rows."""
    pairs = []
    for d in docs:
        for gi, si in match_document(gold[d], second[d], plants_match):
            pairs.append({"doc": d, "gold": gold[d][gi], "second": second[d][si]})
    status = agreement([p["gold"]["status"] for p in pairs],
                       [p["second"]["status"] for p in pairs])
    by_batch_docs: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        by_batch_docs[batch_of(d)].append(d)
    by_batch = {b: score_table("plants", {d: gold[d] for d in ds}, {d: second[d] for d in ds})
                for b, ds in by_batch_docs.items()}
    loose = TableScore("plants (region ignored)")
    for d in docs:
        n = len(match_document(gold[d], second[d], words_match))
        loose.tp += n
        loose.fn += len(gold[d]) - n
        loose.fp += len(second[d]) - n
    return PlantsAgreement(docs, score_table("plants", gold, second), loose, status, pairs,
                           by_batch)


def _row(row: dict) -> str:
    region = row.get("region_code") or "no region"
    prod = f", {row['product']}" if row.get("product") else ""
    return f"«{row['name']}»{prod} ({region}, {row.get('status')})"


def _figures(res: PlantsAgreement) -> list[str]:
    s, lo, st = res.score, res.loose, res.status
    acc = s.attribute_accuracy()
    out = ["| figure | P | R | F1 | matched | second only | gold only |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
           f"| plants_match | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | "
           f"{s.fp} | {s.fn} |",
           f"| region ignored | {lo.precision:.3f} | {lo.recall:.3f} | {lo.f1:.3f} | {lo.tp} | "
           f"{lo.fp} | {lo.fn} |", "",
           f"Status on the {st.n} matched rows: agreement {st.observed:.2f}, Cohen's kappa "
           f"{st.kappa:.2f}. Operator (as written, case-insensitive) on the matched rows: "
           f"{acc.get('operator', 0.0):.2f}.", "",
           "| batch | docs | gold rows | second rows | P | R | F1 |",
           "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for b in sorted(res.by_batch, key=lambda b: (len(b), b)):
        t = res.by_batch[b]
        n_docs = sum(batch_of(d) == b for d in res.documents)
        out.append(f"| {b} | {n_docs} | {t.tp + t.fn} | {t.tp + t.fp} | {t.precision:.2f} | "
                   f"{t.recall:.2f} | {t.f1:.2f} |")
    return out


def disagreements(res: PlantsAgreement) -> list[tuple[str, str, dict, str]]:
    """(side, doc, gold-or-second row, what differs): the rows of one side only, then the
    matched rows whose status differs (side `status`, the gold's row)."""
    out = [("gold", m["doc_id"], m, "gold only") for m in res.score.misses]
    out += [("second", m["doc_id"], m, "second only") for m in res.score.false_positives]
    out += [("status", p["doc"], p["gold"], f"status: gold {p['gold']['status']}, second "
             f"{p['second']['status']}")
            for p in res.pairs if p["gold"]["status"] != p["second"]["status"]]
    return out


def render(res: PlantsAgreement, classes: dict) -> str:
    """Markdown: the figures, by batch, then every disagreement (rows of one side only,
    status of matched rows) grouped by the class the classes file gives it (`unclassified`
    when it gives none), each with its text span and the README rule open or read
    differently; the classes file's notes last."""
    out = ["# Agreement on plant rows: two annotators", "",
           f"Second annotation: `tests/fixtures/real_news/{SECOND_FILE}` ({len(res.documents)} "
           "dev documents, annotated from the excerpts without their gold). Reference: the "
           "gold. Matcher: `corpus.plants_match` (same region_code and a shared content "
           "word), one to one. Classes: "
           f"`tests/fixtures/real_news/{CLASSES_FILE}`. CLI: `python -m "
           "pipeline.evaluation.plants_agreement --out reports/plants_agreement.md`.", "",
           *_figures(res)]
    by_key = {(c["side"], c["doc"], c["name"]): c for c in classes.get("disagreements", [])}
    grouped: dict[str, list[str]] = defaultdict(list)
    items = disagreements(res)
    for side, doc, row, what in items:
        c = by_key.get((side, doc, row["name"]), {})
        text = f"- `{doc}` {what}: {_row(row)}"
        if c.get("span"):
            text += f" — text: «{c['span']}»"
        if c.get("rule"):
            text += f" — README: {c['rule']}"
        grouped[c.get("class", "unclassified")].append(text)
    out += ["", f"## Disagreements by class ({len(items)})", "",
            "| class | disagreements |", "| --- | ---: |"]
    order = sorted(grouped, key=lambda k: (-len(grouped[k]), k))
    out += [f"| {k} | {len(grouped[k])} |" for k in order]
    for k in order:
        out += ["", f"### {k} ({len(grouped[k])})", ""]
        if classes.get("classes", {}).get(k):
            out += [classes["classes"][k], ""]
        out += grouped[k]
    if classes.get("notes"):
        out += ["", "## Notes", "", *[f"- {n}" for n in classes["notes"]]]
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(REAL_DIR))
    ap.add_argument("--out", help="write the Markdown report here")
    args = ap.parse_args(argv)
    docs, gold, second, classes = load(Path(args.folder))
    emit(render(measure(docs, gold, second), classes), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
