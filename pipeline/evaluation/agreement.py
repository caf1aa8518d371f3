"""How far two annotators agree on a plant's status: the ceiling any status score is read
against.

Why: three sessions of status rules raised the tuned figures and left new pages where they
were. Before more rules, the question is what the gold itself supports: a second annotator
was given the dev part's plants without their status (and the quoted excerpts) and labelled
them by the written definitions, naming the open convention behind each hard call
(`tests/fixtures/real_news/status_second_annotation.json`). This module scores that second
annotation against the first (the gold when it was made) and against the gold now: observed
agreement, Cohen's kappa, by batch and by convention, and the confusions.

CLI: ``python -m pipeline.evaluation.agreement [--out reports/status_agreement.md]``.
Dev part only: a row of a frozen-test document is refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluation.corpus import REAL_DIR, doc_part

SECOND_FILE = "status_second_annotation.json"


@dataclass(frozen=True)
class Agreement:
    """Two label sequences compared: how many, the share equal, Cohen's kappa."""

    n: int
    observed: float
    kappa: float


def agreement(first: Sequence[str], second: Sequence[str]) -> Agreement:
    """Observed agreement and Cohen's kappa (chance from each annotator's own label
    shares); kappa is 1.0 when both always give one and the same label."""
    if len(first) != len(second):
        raise ValueError("the two annotations label different numbers of items")
    n = len(first)
    if n == 0:
        return Agreement(0, 0.0, 0.0)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    fa, fb = Counter(first), Counter(second)
    chance = sum(fa[k] * fb[k] for k in fa) / (n * n)
    kappa = 1.0 if chance == 1.0 else (observed - chance) / (1.0 - chance)
    return Agreement(n, observed, kappa)


def load_pairs(folder: Path = REAL_DIR, second_file: str = SECOND_FILE) -> list[dict]:
    """The second annotation's rows with the gold's current status (`gold`) beside the
    first (`first`); raises when a row names a test-part document or no longer matches
    its gold plant (a gold edit that reorders or renames plants must update the file)."""
    data = json.loads((folder / second_file).read_text("utf-8"))
    golds: dict[str, list[dict]] = {}
    rows = []
    for row in data["plants"]:
        doc = row["doc"]
        if doc_part(folder, doc) != "dev":
            raise ValueError(f"{doc}: not a dev-part document; the second annotation is dev only")
        if doc not in golds:
            golds[doc] = json.loads((folder / f"{doc}.gold.json").read_text("utf-8"))["plants"]
        plants = golds[doc]
        if row["index"] >= len(plants) or plants[row["index"]]["name"] != row["name"]:
            raise ValueError(f"{doc}: plant {row['index']} is not {row['name']!r} any more")
        rows.append({**row, "gold": plants[row["index"]]["status"]})
    return rows


def batch_of(doc: str) -> str:
    return doc.split("_", 1)[0]


def render(rows: list[dict]) -> str:
    """Markdown: agreement of the second annotation with the first and with the gold now,
    by batch and by convention, and the confusions of the first against the second."""
    def line(name: str, sub: list[dict]) -> str:
        a = agreement([r["first"] for r in sub], [r["second"] for r in sub])
        b = agreement([r["gold"] for r in sub], [r["second"] for r in sub])
        return (f"| {name} | {a.n} | {a.observed:.2f} | {a.kappa:.2f} | {b.observed:.2f} | "
                f"{b.kappa:.2f} |")

    head = ("| {} | plants | first = second | kappa | gold now = second | kappa |\n"
            "| --- | ---: | ---: | ---: | ---: | ---: |")
    by_batch: dict[str, list[dict]] = defaultdict(list)
    by_conv: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_batch[batch_of(r["doc"])].append(r)
        by_conv[r.get("convention") or "clear case"].append(r)
    out = ["# Agreement on plant status: two annotators", "",
           "Second annotation: `tests/fixtures/real_news/status_second_annotation.json` "
           "(dev part only). `first`: the gold when the second annotation was made.", "",
           head.format("batch")]
    out += [line(b, by_batch[b]) for b in sorted(by_batch, key=lambda b: (len(b), b))]
    out += [line("**all**", rows), "",
            "By the convention the second annotator named (kappa is left out: within one "
            "convention the second annotator mostly gives one label, and kappa is then 0 "
            "whatever the agreement):", "",
            "| convention named | plants | first = second | gold now = second |",
            "| --- | ---: | ---: | ---: |"]
    for c in sorted(by_conv, key=lambda c: -len(by_conv[c])):
        sub = by_conv[c]
        a = agreement([r["first"] for r in sub], [r["second"] for r in sub])
        b = agreement([r["gold"] for r in sub], [r["second"] for r in sub])
        out.append(f"| {c} | {a.n} | {a.observed:.2f} | {b.observed:.2f} |")
    confusions = Counter((r["first"], r["second"]) for r in rows if r["first"] != r["second"])
    out += ["", "| first | second | plants |", "| --- | --- | ---: |"]
    out += [f"| {a} | {b} | {n} |" for (a, b), n in confusions.most_common()]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(REAL_DIR))
    ap.add_argument("--out", help="write the Markdown report here")
    args = ap.parse_args(argv)
    emit(render(load_pairs(Path(args.folder))), args.out)
    return 0


def emit(text: str, out: str | None) -> None:
    """A report printed, and written to `out` when given (both agreement CLIs)."""
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    sys.exit(main())
