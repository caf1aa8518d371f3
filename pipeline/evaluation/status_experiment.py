"""Session 16 status experiment: does a learned status decision generalise better than the rules?

Why: the hand rules give a matched plant's status right ~0.87 of the time on the batches
they were tuned on (r1-r11) and ~0.64 on r12+r13. This script measures, by leave-batch-out
cross-validation over the real-news dev part (never the frozen test part, never the blind
validation batches r14/r15), a multinomial logistic regression (plain numpy, deterministic:
zero start, full-batch Adam) on features of the plant's evidence sentence, alone and stacked
on the rules' own status. The regularisation is chosen inside each training fold by an
inner leave-batch-out, so the held-out batch never picks it. Write-up:
reports/status_experiment.md.

Run from the repository root:
``python -m pipeline.evaluation.status_experiment [--config stacked-compact] [--lam 0.003]``
(configs: alone-compact, alone-bow, stacked-compact, stacked-bow; `--lam` skips the inner
search). It runs the extraction once (PIPELINE_CACHE_DIR caches it).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter

import numpy as np

from pipeline.evaluation import corpus as C
from pipeline.rules import lexicon
from pipeline.rules.morph import morph

STATUSES = ["announced", "planned", "under_construction", "launched", "expanded",
            "suspended", "closed", "unknown"]
BLIND = C.BLIND_BATCHES  # the blind batches: never tuned on
GRID = [0.001, 0.003, 0.01, 0.03]
WORD = re.compile(r"[А-Яа-яЁё]+|\d{4}")
VERBAL = ("VERB", "INFN", "PRTF", "PRTS", "GRND")


def matched_rows(workers: int | None = None) -> list[dict]:
    """Every dev plant the evaluator matches to a gold row: gold and rules' status, the
    predicted row's evidence sentence, the page date (corpus.py's own matching)."""
    gold = C.load_gold(C.REAL_DIR, "dev", (), BLIND)
    got, _, _ = C.extract_tables(C.REAL_DIR, workers, set(gold))
    pred = C._by_doc(got["plants"])
    out = []
    for doc, tabs in sorted(gold.items()):
        g, p = tabs["plants"], pred.get(doc, [])
        meta = json.loads((C.REAL_DIR / f"{doc}.meta.json").read_text("utf-8"))
        for gi, pi in C.match_document(g, p, C.plants_match):
            out.append({"doc": doc, "batch": doc.split("_")[0], "gold": g[gi]["status"],
                        "rule": p[pi].get("status") or "unknown",
                        "evidence": p[pi].get("evidence") or "", "date": meta.get("page_date")})
    return out


def status_lemmas() -> dict[str, str]:
    """plant_statuses.csv: lemma -> its status ("intent" for an intention word)."""
    return {r["lemma"]: r["status"] or ("intent" if r.get("intent") else "")
            for r in lexicon.rows("plant_statuses") if r["lemma"]}


def features(row: dict, stacked: bool, bow: bool, lex: dict[str, str]) -> list[str]:
    """Status words of the lexicon with their tense and part of speech, verb tense, aspect
    and voice, a future auxiliary, negation, years against the page's year (and, with
    `bow`, every lemma); with `stacked`, the rules' status."""
    page_year = int(row["date"][:4]) if row["date"] else None
    f = ["bias"] + (["rule:" + row["rule"]] if stacked else [])
    if page_year is None:
        f.append("nodate")
    neg = False
    for w in WORD.findall(row["evidence"]):
        if w.isdigit():
            y = int(w)
            if 1990 <= y <= 2040:
                f.append("year" if page_year is None else "year>page" if y > page_year
                         else "year=page" if y == page_year else "year<page")
            continue
        lw = w.lower().replace("ё", "е")
        if lw == "не":
            neg = True
            continue
        p = morph().parse(lw)[0]
        t, lem = p.tag, p.normal_form
        if bow:
            f.append("w:" + lem)
        if st := lex.get(lem):
            f += ["lex:" + st] + [f"lex:{st}:{x}" for x in (t.tense, t.POS) if x]
        if t.POS in VERBAL:
            f.append("vt:" + "/".join([t.POS, t.tense or "", t.aspect or "", t.voice or ""]))
            if t.tense:
                f += ["tense:" + t.tense, f"vl:{lem}:{t.tense}"]
            if t.aspect:
                f.append("asp:" + t.aspect)
            if neg:
                f.append("neg:" + lem)
            if lem == "быть" and t.tense == "futr":
                f.append("fut-aux")
        neg = False
    return f


def vectorise(train: list[list[str]], rows: list[list[str]], min_count: int) -> np.ndarray:
    """Binary features seen in at least min_count training rows (rules' status always)."""
    cnt = Counter(x for fs in train for x in set(fs))
    keep = sorted(x for x, c in cnt.items()
                  if c >= min_count or x.startswith("rule:") or x == "bias")
    vocab = {x: i for i, x in enumerate(keep)}
    X = np.zeros((len(rows), len(vocab)))
    for i, fs in enumerate(rows):
        for x in fs:
            if (j := vocab.get(x)) is not None:
                X[i, j] = 1.0
    return X


def fit(X: np.ndarray, y: np.ndarray, lam: float, iters: int = 400, lr: float = 0.05
        ) -> np.ndarray:
    """Softmax regression with an L2 penalty, full-batch Adam from zero: deterministic."""
    W = np.zeros((X.shape[1], len(STATUSES)))
    Y = np.eye(len(STATUSES))[y]
    m, v = np.zeros_like(W), np.zeros_like(W)
    for t in range(1, iters + 1):
        Z = X @ W
        P = np.exp(Z - Z.max(1, keepdims=True))
        P /= P.sum(1, keepdims=True)
        G = X.T @ (P - Y) / len(X) + lam * W
        m, v = 0.9 * m + 0.1 * G, 0.999 * v + 0.001 * G * G
        W -= lr * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return W


def held_out_right(F: list[list[str]], y: np.ndarray, batch: list[str], train: list[int],
                   test: list[int], lam: float, min_count: int) -> int:
    X = vectorise([F[i] for i in train], F, min_count)
    W = fit(X[train], y[train], lam)
    return int(((X[test] @ W).argmax(1) == y[test]).sum())


def leave_batch_out(rows: list[dict], F: list[list[str]], min_count: int,
                    lam: float | None) -> dict[str, tuple[int, int, int, float]]:
    """Per held-out batch: (rows, rules right, model right, lambda used)."""
    y = np.array([STATUSES.index(r["gold"]) for r in rows])
    batch = [r["batch"] for r in rows]
    names = sorted(set(batch), key=lambda b: int(b[1:]))
    out = {}
    for b in names:
        train = [i for i, x in enumerate(batch) if x != b]
        test = [i for i, x in enumerate(batch) if x == b]
        best = lam
        if best is None:  # inner leave-batch-out on the training batches only
            scores = []
            for cand in GRID:
                right = sum(held_out_right(
                    F, y, batch, [i for i in train if batch[i] != b2],
                    [i for i in train if batch[i] == b2], cand, min_count)
                    for b2 in names if b2 != b)
                scores.append((-right, cand))
            best = min(scores)[1]
        right = held_out_right(F, y, batch, train, test, best, min_count)
        out[b] = (len(test), sum(rows[i]["rule"] == rows[i]["gold"] for i in test), right, best)
        print(b, out[b], flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", default="stacked-compact",
                    choices=["alone-compact", "alone-bow", "stacked-compact", "stacked-bow"])
    ap.add_argument("--lam", type=float, default=None)
    ap.add_argument("--workers", type=int, default=None)
    args = ap.parse_args(argv)
    stacked, bow = args.config.startswith("stacked"), args.config.endswith("bow")
    rows = matched_rows(args.workers)
    lex = status_lemmas()
    F = [features(r, stacked, bow, lex) for r in rows]
    res = leave_batch_out(rows, F, 3 if bow else 1, args.lam)
    print(f"\n| held-out batch | rows | rules | {args.config} | lambda |\n|---|---|---|---|---|")
    for b, (n, ru, mo, lam) in res.items():
        print(f"| {b} | {n} | {ru / n:.3f} | {mo / n:.3f} | {lam} |")
    parts = {"r1-r11": [f"r{i}" for i in range(1, 12)], "r12+r13": ["r12", "r13"],
             "pooled": list(res)}
    for name, bs in parts.items():
        n = sum(res[b][0] for b in bs if b in res)
        print(f"| {name} | {n} | {sum(res[b][1] for b in bs if b in res) / n:.3f} | "
              f"{sum(res[b][2] for b in bs if b in res) / n:.3f} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
