"""Synthetic scale run of the tables and publish code, with no NLP (issue 20).

Usage: ``python benchmarks/scale.py [--sizes 1000 10000 30000] [--workdir DIR] [--max-gb 6]``.
Prints figures; asserts nothing (speed is never a test).

Why: a real parse of 10^5-10^6 documents takes hours, but the tables and publish stages
only read the parse's records. So real records are made once from a few hundred real
texts (the FactRuEval-2016 devset and ``tests/fixtures/real_news``, parsed with the
project's own ``parse_documents``, cached under the workdir), and a corpus of N documents
is made by copying them: document i is base document ``i mod B`` with the id ``syn_<i>``,
a unique last line (so texts and sha256 differ), a publication date spread over
2015-01..2026-11 (every 20th undated), and the base's records under the new doc_id. The
records frame is built by tiling column arrays, and its strings are fresh objects per
row (as read from the parse pack), so memory is that of a real parse of that size.

Caveat: the corpus repeats B texts, so the number of distinct plants and people is that of
the base texts whatever N is; registry resolution, whose cost grows with distinct
entities, is flattered. ``--distinct-entities`` gives every copy its own plants and people
(a tag in their names, operators, products and surnames) to measure that side. Records
are the base's, not a re-parse under the new date.

The stages are the build's: the tables stored as files (``table_parts.build_stored_tables``),
the rendered files spooled to disk, and a first release (``releases.publish_release``: the
changes of every row of every table, staged, fsynced, switched to). ``--keep-layout`` keeps a
generated N for the next run.

Each N runs in a fresh subprocess (peak RSS per N, from ``ru_maxrss``), with an address
space limit (``--rlimit-gb``) so a runaway child dies instead of the machine swapping. An N
whose peak, extrapolated from the smaller runs, exceeds ``--max-gb`` is skipped.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "factrueval-2016" / "devset"
REAL_NEWS = ROOT / "tests" / "fixtures" / "real_news"
BASE_FILE = "scale_base.pkl"
RESULT_TAG = "RESULT "
TARGET_N, TARGET_GB, TARGET_S = 1_000_000, 2.0, 600.0


# --- base records: real texts parsed once -------------------------------------------------

def base_documents() -> list[Any]:
    """Real texts as RawDocuments: the devset (undated) and the real news fixtures (with
    their optional date header), sorted so the base is stable across runs."""
    from pipeline.ingest.files import split_header
    from pipeline.types import RawDocument

    docs = []
    paths = sorted(glob.glob(str(DEVSET / "*.txt"))) + sorted(glob.glob(str(REAL_NEWS / "*.txt")))
    for path in paths:
        p = Path(path)
        try:
            raw = p.read_bytes()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        published, body, warnings = (None, text, []) if p.parent == DEVSET \
            else split_header(text)
        body = body.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        if not body.strip():
            continue
        docs.append(RawDocument(doc_id=f"base_{len(docs):04d}", text=body,
                                source=f"{p.parent.name}/{p.name}",
                                sha256=hashlib.sha256(raw).hexdigest(), published=published,
                                warnings=tuple(warnings)))
    return docs


def parse_base(workdir: Path, workers: int) -> None:
    """Parse the base texts with the project's NLP and keep documents + records in a pickle
    (the only NLP of the benchmark; reruns read the pickle)."""
    from pipeline.runtime.batch import ParseCache, parse_documents
    from pipeline.runtime.document import EXTRACTOR_VERSION
    from pipeline.runtime.partitions import records_frame

    docs = base_documents()
    t0 = time.perf_counter()
    res = parse_documents(docs, workers=workers, cache=ParseCache(workdir / "parse_cache"),
                          progress=lambda m: print("  " + m, flush=True))
    failed = {f.doc_id for f in res.failures}
    kept = [d for d in docs if d.doc_id not in failed]
    frame = records_frame(res.records)
    print(f"base parse: {len(kept)} documents ({len(failed)} failed), {len(frame)} records, "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    with open(workdir / BASE_FILE, "wb") as fh:
        pickle.dump({"version": EXTRACTOR_VERSION, "docs": kept, "records": frame}, fh,
                    protocol=pickle.HIGHEST_PROTOCOL)


# --- the synthetic corpus -----------------------------------------------------------------

def published_date(i: int) -> date | None:
    """Spread over the 143 months 2015-01..2026-11 (no date in the future), every 20th
    document undated, so the registries see first/last-seen dates as in real news."""
    if i % 20 == 19:
        return None
    month = (i * 37) % 143
    return date(2015 + month // 12, month % 12 + 1, i % 28 + 1)


_LETTERS = "абвгдежзиклмнопрстуфхцчшэюя"


def _tag(v: int) -> str:
    """A short word unique to copy v of the base (letters, so it reads like a name part)."""
    out = ""
    while True:
        v, r = divmod(v, len(_LETTERS))
        out = _LETTERS[r] + out
        if v == 0:
            return out


def distinct_entity(kind: str, attrs: str, v: int) -> tuple[str, str]:
    """(attrs, normal) of a plant or official record with its identity made copy v's own:
    a new plant_id / official_id in registry blocks of its own (operator, product stem,
    proper name and surname all carry the tag), so distinct entities grow with N while
    block sizes stay those of the base texts."""
    a = json.loads(attrs)
    tag = _tag(v)
    if kind == "plant":
        name = a["name"]
        a["name"] = name.replace("»", f" {tag}»", 1) if "»" in name else f"{name} {tag}"
        if a.get("operator"):
            a["operator"] = f"{a['operator']} {tag}"
        if a.get("product"):
            a["product"] = f"{tag} {a['product']}"
        normal = a["name"]
    else:
        sur = a.get("surname") or ""
        new = f"{sur}-{tag}" if sur else tag
        full = a["full_name"]
        a["full_name"] = full.replace(sur, new, 1) if sur and sur in full else f"{full} {new}"
        a["surname"] = new
        normal = a["full_name"]
    return json.dumps(a, ensure_ascii=False, sort_keys=True), normal


def synthetic_corpus(base: dict[str, Any], lo: int, hi: int, distinct: bool = False
                     ) -> tuple[Any, Any]:
    """Documents lo..hi-1 as a `documents` table frame (no texts: the build's tables step
    does not read them) and their records frame, made by tiling the base (no per-record
    Python loop, so generation stays cheap next to what it feeds). `distinct`: every copy
    of a base text names its own plants and officials (see `distinct_entity`)."""
    import numpy as np
    import pandas as pd
    import pyarrow as paw

    from pipeline.runtime.document import RECORD_COLUMNS

    bdocs, brec = base["docs"], base["records"]
    b = len(bdocs)
    pos = {d.doc_id: k for k, d in enumerate(bdocs)}
    brec = brec.assign(_b=brec["doc_id"].map(pos)).sort_values("_b", kind="stable")
    counts = np.bincount(brec["_b"].to_numpy(), minlength=b)
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])

    index = np.arange(lo, hi)
    which = index % b  # base of each synthetic document
    per_doc = counts[which]
    total = int(per_doc.sum())
    first = np.repeat(offsets[which], per_doc)
    within = np.arange(total) - np.repeat(np.cumsum(per_doc) - per_doc, per_doc)
    rows = first + within

    ids = np.array([f"syn_{i:07d}" for i in index], dtype=object)
    cols = {c: brec[c].to_numpy()[rows] for c in RECORD_COLUMNS if c != "doc_id"}
    cols["doc_id"] = np.repeat(ids, per_doc)
    if distinct:
        copy = np.repeat(index // b, per_doc)
        kinds = cols["kind"]
        hit = np.flatnonzero(((kinds == "plant") | (kinds == "official")) & (copy > 0))
        attrs, normal = cols["attrs"].copy(), cols["normal"].copy()
        for k in hit:
            attrs[k], normal[k] = distinct_entity(kinds[k], attrs[k], int(copy[k]))
        cols["attrs"], cols["normal"] = attrs, normal
    # fresh string objects per cell (a partition file read back holds distinct strings;
    # tiled references would share them and understate memory); `kind` stays shared, as
    # pyarrow's string deduplication does on a real read
    table = paw.table({c: cols[c] for c in RECORD_COLUMNS if c not in ("kind",)})
    frame = table.to_pandas(deduplicate_objects=False)
    frame.insert(1, "kind", cols["kind"])
    frame = frame[RECORD_COLUMNS].astype({"start": "int64", "end": "int64", "sentence": "int64"})

    rows_out = []
    for i, w in zip(index, which, strict=True):
        d = bdocs[w]
        text = f"{d.text}\n\n[синтетический документ {i}]"  # after every offset: valid
        rows_out.append({"doc_id": f"syn_{i:07d}", "published": published_date(int(i)),
                         "source": f"synthetic/syn_{i:07d}.txt",
                         "sha256": hashlib.sha256(text.encode()).hexdigest(),
                         "n_chars": len(text), "title": None, "url": None,
                         "encoding": "utf-8"})
    return pd.DataFrame(rows_out), pd.DataFrame(frame)


CHUNK = 50_000  # documents generated at once


def write_layout(base: dict[str, Any], n: int, root: Path, distinct: bool) -> dict[str, Any]:
    """The build's storage for N documents, chunk by chunk: `parsed_entities` as one
    Parquet file per month (pipeline.runtime.partitions' layout and schema, with its
    manifest) and the documents without their texts, as the tables step reads them."""
    import pyarrow as paw
    import pyarrow.parquet as pq

    from pipeline.runtime import partitions

    records_dir = root / "parsed_entities"
    shutil.rmtree(root, ignore_errors=True)
    records_dir.mkdir(parents=True)
    schema = partitions._schema()
    # each month file names its documents' keys (here their ids: no cache is read), as
    # the build's partition files do; the table parts are keyed by them
    keys: dict[str, list[str]] = {}
    for i in range(n):
        keys.setdefault(partitions.partition_key(published_date(i)), []).append(
            f"syn_{i:07d}")
    writers: dict[str, Any] = {}
    doc_writer = None
    stats = {"records": 0, "record_bytes": 0}
    for lo in range(0, n, CHUNK):
        docs, records = synthetic_corpus(base, lo, min(n, lo + CHUNK), distinct)
        stats["records"] += len(records)
        stats["record_bytes"] += int(records.memory_usage(deep=True).sum())
        month = {d: partitions.partition_key(p)
                 for d, p in zip(docs["doc_id"], docs["published"], strict=True)}
        records[partitions.KEY_COLUMN] = records["doc_id"]  # no cache is read here
        for pk, part in records.groupby(records["doc_id"].map(month), sort=True):
            if pk not in writers:
                meta = {"version": "synthetic", "keys": keys[pk], "counts": {}}
                with_meta = schema.with_metadata(
                    {partitions._META: json.dumps(meta).encode("utf-8")})
                writers[pk] = pq.ParquetWriter(records_dir / f"{pk}.parquet", with_meta,
                                               compression="zstd")
            writers[pk].write_table(paw.Table.from_pandas(part, schema=schema,
                                                          preserve_index=False)
                                    .replace_schema_metadata(writers[pk].schema.metadata))
        table = paw.Table.from_pandas(docs, preserve_index=False)
        if doc_writer is None:
            doc_writer = pq.ParquetWriter(root / "documents.parquet", table.schema)
        doc_writer.write_table(table)
    for w in writers.values():
        w.close()
    if doc_writer is not None:
        doc_writer.close()
    (records_dir / partitions.MANIFEST).write_text(json.dumps(
        {"version": "synthetic", "partitions": sorted(writers), "failures": []}), "utf-8")
    stats["partitions"] = len(writers)
    stats["disk_bytes"] = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    return stats


# --- one N, in a child process ------------------------------------------------------------

def _peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2  # KB on Linux


def _now_gb() -> float:
    """Resident set now (what the stage left behind, next to the peak it reached)."""
    import os

    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 ** 3


def run_generate(n: int, workdir: Path, rlimit_gb: float, distinct: bool = False) -> None:
    """Child 1: write the N documents' storage (timed, but not the build's cost)."""
    _limit(rlimit_gb)
    with open(workdir / BASE_FILE, "rb") as fh:
        base = pickle.load(fh)
    t = time.perf_counter()
    stats = write_layout(base, n, workdir / f"layout_{n}", distinct)
    b = len(base["docs"])
    out = {"generate_s": time.perf_counter() - t, "generate_gb": _peak_gb(), **stats,
           "base_docs": b, "base_records": len(base["records"])}
    print(f"  N={n:>9,} generate   {out['generate_s']:8.2f} s   peak RSS "
          f"{out['generate_gb']:.2f} GB  ({stats['records']:,} records, "
          f"{stats['records'] / n:.1f} and {stats['record_bytes'] / n / 1024:.1f} KB a "
          f"document as a pandas frame; {stats['partitions']} month files, "
          f"{stats['disk_bytes'] / 1024 ** 2:,.0f} MB on disk)", flush=True)
    print(RESULT_TAG + json.dumps(out), flush=True)


def _limit(rlimit_gb: float) -> None:
    limit = int(rlimit_gb * 1024 ** 3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_size(n: int, workdir: Path, rlimit_gb: float, distinct: bool = False
             ) -> dict[str, Any]:
    """Child 2, what the build's tables and publish steps do for N documents: read the fact
    records from the month files and the documents without texts, build the tables, render
    and write the files, each timed, with the process's peak RSS after each; the result is
    printed as one JSON line for the parent."""
    _limit(rlimit_gb)
    out: dict[str, Any] = {"n": n, "distinct": distinct}

    def stage(name: str, seconds: float, extra: str = "") -> None:
        out[f"{name}_s"] = seconds
        out[f"{name}_gb"] = _peak_gb()
        print(f"  N={n:>9,} {name:<10} {seconds:8.2f} s   peak RSS {out[f'{name}_gb']:.2f} GB"
              f"  now {_now_gb():.2f} GB{extra}", flush=True)

    t = time.perf_counter()
    import pandas as pd

    import pipeline.tables as tables_module
    from pipeline import publish, releases
    from pipeline.table_parts import build_stored_tables

    # time the registries inside the tables step (a wrapper: behaviour unchanged)
    registries = tables_module.registry_tables
    spent = {"registries": 0.0}

    def timed_registries(frames: dict[str, Any], **kw: Any) -> dict[str, Any]:
        t0 = time.perf_counter()
        try:
            return registries(frames, **kw)
        finally:
            spent["registries"] += time.perf_counter() - t0

    tables_module.registry_tables = timed_registries
    root = workdir / f"layout_{n}"
    parts = root / "fact_parts"
    shutil.rmtree(parts, ignore_errors=True)
    # the region index (officials' position_full reads it) from its snapshot, as a build
    # has it from the parse: not a cost of the tables
    from pipeline.rules.gazetteer import get_gazetteer
    from pipeline.runtime import snapshot

    snapshot.use_folder(workdir / "snapshots")
    get_gazetteer()
    stage("start", time.perf_counter() - t, " (imports, the region index)")

    t = time.perf_counter()
    docs = pd.read_parquet(root / "documents.parquet")
    stage("read", time.perf_counter() - t, f" ({len(docs):,} documents, without texts)")

    # the build's tables step: the fact tables a month at a time (pipeline.table_parts),
    # stored as files (pipeline.table_store), first with every month built, then again
    # with every month read from its part
    for name in ("tables", "tables_again"):
        spent["registries"] = 0.0
        t = time.perf_counter()
        frames, result = build_stored_tables(docs, root / "parsed_entities", parts,
                                             root / f"stored_{name}")
        rows = {k: len(v) for k, v in frames.items()}
        out["rows"] = rows
        out[f"{name}_registries_s"] = spent["registries"]
        stage(name, time.perf_counter() - t,
              f" ({len(result.built)} months built, {len(result.kept)} read; "
              f"of which registries {spent['registries']:.2f} s)")
        if name == "tables":
            out["registries_s"] = spent["registries"]
            del frames, result
    out["fact_records"] = sum(rows[k] for k in ("officials", "plants", "investments"))
    digest = publish.inputs_digest(list(docs["sha256"]))
    del docs
    print("    rows: " + ", ".join(f"{k} {v:,}" for k, v in rows.items()), flush=True)

    # as the publish step does: the rendered tables spooled to disk, read back one at a time
    spool = root / "publish-spool"
    shutil.rmtree(spool, ignore_errors=True)
    t = time.perf_counter()
    rendered = publish.table_files(frames, spool=spool)
    files = publish.render_files(frames, digest, rendered=rendered)
    size = sum(publish.item_size(files, n) for n in files)
    out["files_bytes"] = size
    stage("render", time.perf_counter() - t, f" ({len(files)} files, {size / 1024 ** 2:.0f} MB)")

    # as the publish step does: a release (pipeline.releases), the first one, so every row
    # of every table is in its changes files (the dearest diff), staged, fsynced, switched to
    target = Path(tempfile.mkdtemp(prefix="publish-", dir=workdir))
    try:
        t = time.perf_counter()
        outcome = releases.publish_release(
            list(frames), lambda release: publish.render_files(
                frames, digest, release=release, rendered=rendered),
            target, inputs_digest=digest, code_version="scale")
        stage("write", time.perf_counter() - t,
              f" (release {outcome.version}: the changes of every table, staging, fsync, "
              "switch)")
    finally:
        shutil.rmtree(target, ignore_errors=True)
    out["peak_gb"] = _peak_gb()
    print(RESULT_TAG + json.dumps(out), flush=True)
    return out


# --- the parent: sizes, guard, summary ----------------------------------------------------

def marginal(results: list[dict[str, Any]], key: str, n: float) -> float:
    """Straight line through the two largest runs, extended to n (slope clipped at 0: a
    smaller value at the larger N is noise). Fixed costs of the small runs do not bend it.
    With one run: proportional to N (an over-estimate, used only by the guard)."""
    last = results[-1]
    if len(results) == 1:
        return last[key] * n / last["n"]
    prev = results[-2]
    slope = max(0.0, (last[key] - prev[key]) / (last["n"] - prev["n"]))
    return last[key] + slope * (n - last["n"])


def log_slope(results: list[dict[str, Any]], key: str) -> float | None:
    """Growth exponent between the two largest runs (1 = linear, 2 = quadratic)."""
    import math

    if len(results) < 2:
        return None
    a, b = results[-2], results[-1]
    if a[key] <= 0 or b[key] <= 0:
        return None
    return math.log(b[key] / a[key]) / math.log(b["n"] / a["n"])


def child(n: int, workdir: Path, rlimit_gb: float, distinct: bool = False,
          mode: str = "--child") -> dict[str, Any] | None:
    """Run one N in a fresh interpreter; its result, or None when it failed."""
    cmd = [sys.executable, str(Path(__file__).resolve()), mode, str(n),
           "--workdir", str(workdir), "--rlimit-gb", str(rlimit_gb)]
    cmd += ["--distinct-entities"] if distinct else []
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    result = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(RESULT_TAG):
            result = json.loads(line[len(RESULT_TAG):])
        else:
            print(line, end="", flush=True)
    if proc.wait() != 0:
        print(f"  N={n:,}: the child failed (exit {proc.returncode}); see above", flush=True)
        return None
    return result


STAGES = ("generate", "read", "tables", "render", "write")
# a second tables step with every month unchanged (what an incremental build pays at most)
AGAIN = "tables_again"
# the project's code; generation stands in for ingest and parse (its own process)
MEASURED = ("read", "tables", "render", "write")


def summary(results: list[dict[str, Any]]) -> None:
    """The measured table, then the extrapolation to 10^5 and 10^6 documents."""
    for r in results:
        r["total_s"] = sum(r[f"{s}_s"] for s in MEASURED)
    print("\nmeasured (each N in a fresh process; peak RSS = ru_maxrss of that process):")
    print(f"{'N':>9} | {'records':>10} | " + " | ".join(f"{s + ' s':>10}" for s in STAGES)
          + f" | {'(regs s)':>8} | {'again s':>8} | {'total s':>8} | {'peak GB':>7}")
    for r in results:
        print(f"{r['n']:>9,} | {r['records']:>10,} | "
              + " | ".join(f"{r[f'{s}_s']:>10.2f}" for s in STAGES)
              + f" | {r['registries_s']:>8.2f} | {r[f'{AGAIN}_s']:>8.2f} | "
              f"{r['total_s']:>8.1f} | {r['peak_gb']:>7.2f}")
    print("(regs s: the registries, part of tables s; again s: the tables step once more "
          "with every month read from its part, not in the total; total s: read + tables + "
          "render + write; peak GB: the process that read the files and built and wrote the "
          "tables, not the generator)")
    if len(results) < 2:
        print("(fewer than two sizes ran: no extrapolation)")
        return
    keys = (*STAGES, "registries", "total")
    exps = {k: log_slope(results, f"{k}_s" if k != "peak" else "peak_gb")
            for k in (*keys, "peak")}
    print("\ngrowth exponent between the two largest runs (1 = linear; below 1: fixed costs "
          "still weigh):")
    print("  " + ", ".join(f"{k} {e:.2f}" for k, e in exps.items() if e is not None))
    print("\nEXTRAPOLATED, not measured (line through the two largest runs, per stage):")
    for n in (100_000, TARGET_N):
        parts = [f"{k} {marginal(results, f'{k}_s', n):,.0f} s" for k in keys[:-1]]
        secs = sum(marginal(results, f"{k}_s", n) for k in MEASURED)
        rss = marginal(results, "peak_gb", n)
        print(f"  N={n:>9,}: " + ", ".join(parts) + f"; total {secs:,.0f} s "
              f"({secs / 60:,.1f} min, tables + render + write); peak RSS {rss:,.1f} GB")
    # secs and rss are those of the loop's last size, 10^6
    print(f"  issue 20 targets at 10^6 (extrapolated, not measured): peak RSS <= "
          f"{TARGET_GB:.0f} GB: the line gives {rss:,.1f} GB "
          f"({'under' if rss <= TARGET_GB else 'OVER'}); time < {TARGET_S / 60:.0f} min: "
          f"the line gives {secs / 60:,.1f} min ({'under' if secs < TARGET_S else 'OVER'})")
    fast = [k for k in keys if k != "total" and (exps[k] or 0) > 1.05]
    if fast:
        last = results[-1]
        print("  stages growing faster than linear (the line is a lower bound for them); as a "
              "power law N^e from the largest run:")
        for n in (100_000, TARGET_N):
            print(f"  N={n:>9,}: " + ", ".join(
                f"{k} {last[f'{k}_s'] * (n / last['n']) ** exps[k]:,.0f} s "
                f"(e={exps[k]:.2f})" for k in fast))


def main(argv: list[str] | None = None) -> None:
    """Parse the base once, run every size in its own process, print the summary."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 30_000])
    ap.add_argument("--workdir", type=Path, default=None,
                    help="keeps the base parse between runs (default: a temp folder)")
    ap.add_argument("--max-gb", type=float, default=6.0,
                    help="skip a size whose extrapolated peak RSS is above this")
    ap.add_argument("--rlimit-gb", type=float, default=8.0,
                    help="address-space limit of each child process")
    ap.add_argument("--workers", type=int, default=2, help="processes for the base parse")
    ap.add_argument("--distinct-entities", action="store_true",
                    help="every copy of a base text names its own plants and officials "
                         "(distinct entities grow with N; default: they stay the base's)")
    ap.add_argument("--reparse", action="store_true", help="parse the base texts again")
    ap.add_argument("--keep-layout", action="store_true",
                    help="keep each N's generated storage in the workdir and reuse it on the "
                         "next run (generating 10^6 documents takes ~7 minutes)")
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--generate", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    workdir = args.workdir or Path(tempfile.gettempdir()) / "ru-industry-scale"
    workdir.mkdir(parents=True, exist_ok=True)
    if args.generate is not None:
        run_generate(args.generate, workdir, args.rlimit_gb, args.distinct_entities)
        return
    if args.child is not None:
        run_size(args.child, workdir, args.rlimit_gb, args.distinct_entities)
        return

    if args.reparse or not (workdir / BASE_FILE).is_file():
        print(f"parsing the base texts (NLP, {args.workers} workers) into {workdir} ...",
              flush=True)
        # in its own process, so the models' memory is gone before the sizes run
        subprocess.run([sys.executable, "-c",
                        "import sys; sys.path.insert(0, sys.argv[1]); import scale; "
                        "scale.parse_base(__import__('pathlib').Path(sys.argv[2]), "
                        "int(sys.argv[3]))",
                        str(Path(__file__).resolve().parent), str(workdir), str(args.workers)],
                       check=True, cwd=ROOT)
    else:
        print(f"base parse: reusing {workdir / BASE_FILE} (--reparse to redo it)", flush=True)
    from pipeline.runtime.document import EXTRACTOR_VERSION

    with open(workdir / BASE_FILE, "rb") as fh:
        version = pickle.load(fh)["version"]
    if version != EXTRACTOR_VERSION:
        print(f"  note: parsed by extractor {version}, the code is now {EXTRACTOR_VERSION} "
              "(records may differ slightly from a fresh parse)", flush=True)

    results: list[dict[str, Any]] = []
    for n in sorted(args.sizes):
        if results:
            est = marginal(results, "peak_gb", n)
            if est > args.max_gb:
                print(f"N={n:,}: skipped, extrapolated peak RSS {est:.1f} GB > "
                      f"--max-gb {args.max_gb}", flush=True)
                continue
            print(f"N={n:,}: extrapolated peak RSS {est:.2f} GB, running", flush=True)
        else:
            print(f"N={n:,}: running", flush=True)
        layout = workdir / f"layout_{n}"
        kept = layout / "generated.json"
        if args.keep_layout and kept.is_file() and not args.distinct_entities:
            g = json.loads(kept.read_text("utf-8"))
            print(f"  N={n:>9,} generate   reusing {layout} (--keep-layout)", flush=True)
        else:
            g = child(n, workdir, args.rlimit_gb, args.distinct_entities, mode="--generate")
            if g and args.keep_layout and not args.distinct_entities:
                kept.write_text(json.dumps(g), "utf-8")
        r = child(n, workdir, args.rlimit_gb, args.distinct_entities) if g else None
        if not args.keep_layout:
            shutil.rmtree(layout, ignore_errors=True)
        if r is None or g is None:
            break
        results.append({**g, **r})
    summary(results)


if __name__ == "__main__":
    main()
