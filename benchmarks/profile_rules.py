"""Where a document's parse spends its CPU: natasha against the project's own rules.

Usage: ``python benchmarks/profile_rules.py [--profile] [--dump FILE] [--nlp-cache FILE]``.
Prints figures; asserts nothing (speed is never a test).

The corpus is fixed real text read in one process: the dev part of
``tests/fixtures/real_news`` (the frozen test part is never read), the FactRuEval-2016
devset and the written corpus ``tests/fixtures/corpus``. Each text is analysed by natasha
as a build's worker does (`Analyzer.analyze_many` over chunks of 32 documents), then
`extract_document` runs on the analysis: the first is the NLP's time, the second the
rules'. The rules run once per process, cold, as in a worker (their memo caches start empty).

``--profile`` runs the rules under cProfile and prints the hot functions (cumulative and
own time). ``--dump`` writes every document's records (JSON lines, in corpus order): two
dumps taken before and after a change to the rules must be identical
(``benchmarks/compare_dumps.py``). ``--nlp-cache`` keeps the natasha analyses in a pickle
keyed by the texts and the NLP wrapper's sources, so repeated runs time the rules alone.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import pickle
import pstats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL_NEWS = ROOT / "tests" / "fixtures" / "real_news"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
DEVSET = ROOT.parent / "shared" / "factrueval-2016" / "devset"
CHUNK = 32  # documents per analyze_many call, as batch.parse_documents sends a worker
# what the analyses depend on besides the texts (a change here re-runs natasha)
_NLP_SOURCES = ("runtime/nlp.py", "rules/furniture.py", "rules/text.py", "rules/morph.py",
                "rules/glued.py", "runtime/document.py")


def load_docs() -> list:
    """The fixed corpus, in a stable order (real news dev, FactRuEval devset, corpus)."""
    from pipeline.evaluation.corpus import doc_part
    from pipeline.evaluation.factrueval import load_documents
    from pipeline.ingest.files import read_corpus

    docs = [d for d in read_corpus(REAL_NEWS).documents
            if doc_part(REAL_NEWS, d.doc_id) == "dev"]
    if DEVSET.is_dir():
        docs += load_documents(DEVSET)
    docs += read_corpus(CORPUS).documents
    return docs


def _nlp_key(docs: list) -> str:
    h = hashlib.sha256()
    for rel in _NLP_SOURCES:
        path = ROOT / "pipeline" / rel
        h.update(path.read_bytes() if path.is_file() else b"")
    for d in docs:
        h.update(d.doc_id.encode() + b"\0" + d.text.encode() + b"\0")
    return h.hexdigest()


def analyse(docs: list, cache: Path | None) -> tuple[list, float]:
    """natasha's analyses of `docs` and the CPU seconds they took (0 when read from
    `cache`)."""
    key = _nlp_key(docs)
    if cache and cache.is_file():
        with open(cache, "rb") as fh:
            stored_key, analyses = pickle.load(fh)
        if stored_key == key:
            return analyses, 0.0
    from pipeline.runtime.nlp import get_analyzer

    try:  # the text the NLP reads, as batch._analyze_together gives it (glued words split)
        from pipeline.runtime.document import nlp_view
    except ImportError:  # code from before rules/glued.py
        def nlp_view(text: str, analyzer: object = None) -> object:  # noqa: ARG001
            return type("View", (), {"text": text})()
    analyzer = get_analyzer()
    analyzer.analyze_many(["Прогрев моделей."] * 2)
    c0 = time.process_time()
    out = []
    for i in range(0, len(docs), CHUNK):
        out += analyzer.analyze_many([nlp_view(d.text, analyzer).text
                                      for d in docs[i:i + CHUNK]])
    cpu = time.process_time() - c0
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump((key, out), fh, protocol=pickle.HIGHEST_PROTOCOL)
    return out, cpu


def run_rules(docs: list, analyses: list, profile: bool) -> tuple[list, float, float,
                                                                   cProfile.Profile | None]:
    """Every document's records, the rules' CPU seconds, and the warm-up's (indexes loaded
    on first use: gazetteer, lexicons, pymorphy, and natasha, whose vocabulary the glued-word
    view reads: a worker has it loaded before its first document, so loading it is not
    timed as the rules')."""
    from pipeline.rules.gazetteer import get_gazetteer
    from pipeline.rules.morph import morph
    from pipeline.runtime.document import extract_document
    from pipeline.runtime.nlp import get_analyzer

    c0 = time.process_time()
    get_gazetteer()  # from its snapshot, as in a worker, when one was made before
    morph()
    get_analyzer()
    warm = time.process_time() - c0
    prof = cProfile.Profile() if profile else None
    out = []
    c0 = time.process_time()
    if prof:
        prof.enable()
    for doc, an in zip(docs, analyses, strict=True):
        out.append(extract_document(doc, analyzed=an))
    if prof:
        prof.disable()
    return out, time.process_time() - c0, warm, prof


def print_profile(prof: cProfile.Profile, top: int) -> None:
    for order in ("cumulative", "tottime"):
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf)
        stats.strip_dirs().sort_stats(order).print_stats(top)
        print(f"\n--- rules under cProfile, by {order} (top {top}) ---")
        print("\n".join(line for line in buf.getvalue().splitlines()
                        if line.strip() and not line.startswith(("   Ordered", "   List"))))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profile", action="store_true", help="cProfile the rules")
    ap.add_argument("--top", type=int, default=45, help="functions to print per ordering")
    ap.add_argument("--dump", type=Path, help="write every document's records (JSON lines)")
    ap.add_argument("--nlp-cache", type=Path, help="pickle of natasha's analyses to reuse")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--snapshots", type=Path, default=Path(tempfile.gettempdir())
                    / "profile_rules_snapshots",
                    help="where the gazetteer's snapshot is kept between runs")
    args = ap.parse_args()

    from pipeline.runtime import snapshot

    snapshot.use_folder(args.snapshots)
    docs = load_docs()
    if args.limit:
        docs = docs[:args.limit]
    analyses, nlp_cpu = analyse(docs, args.nlp_cache)
    records, rules_cpu, warm, prof = run_rules(docs, analyses, args.profile)
    n = len(docs)
    chars = sum(len(d.text) for d in docs)
    print(f"documents {n} ({chars / n:.0f} characters on average); load "
          f"{os.getloadavg()[0]:.2f}; pid {os.getpid()}")
    if nlp_cpu:
        print(f"natasha (analyze_many, chunks of {CHUNK}): {nlp_cpu:.2f} s CPU, "
              f"{1000 * nlp_cpu / n:.1f} ms/doc")
    else:
        print("natasha: read from the --nlp-cache pickle (not timed)")
    print(f"rules (extract_document){' under cProfile' if prof else ''}: {rules_cpu:.2f} s CPU, "
          f"{1000 * rules_cpu / n:.1f} ms/doc; warm-up (gazetteer, pymorphy, natasha) {warm:.2f} s")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for doc, recs in zip(docs, records, strict=True):
                fh.write(json.dumps({"doc_id": doc.doc_id, "records": recs},
                                    ensure_ascii=False, sort_keys=True) + "\n")
        print(f"records of {n} documents written to {args.dump}")
    if prof:
        print_profile(prof, args.top)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
