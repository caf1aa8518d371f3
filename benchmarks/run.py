"""Speed benchmark: bare NLP vs a full Dagster build vs an incremental build.

Usage: ``python benchmarks/run.py --n 2000`` (``make benchmark``). Prints figures; asserts
nothing (speed is never a test).

The corpus: N distinct documents made from the FactRuEval-2016 devset texts, the seed and
the test fixtures' texts (``tests/**/*.txt``). Document i takes base text ``i mod B``; its
variant ``v = i div B`` rotates the base's paragraphs by v and, for v > 0, appends the first
paragraph of another base text (``(i + v) mod B``), so texts are distinct (checked; a
collision gets one more paragraph) and of the same size as real articles. Each gets a
``date`` header spread over 2024-2025 and the id ``bench_<i>``.

Measured in one run on one machine, each stage in its own process tree (its peak RSS is
the sampled sum over the tree, so shared pages are counted twice: an upper bound):
1. bare NLP: natasha segmenter + morph tagger + NER + lemmas + span normal forms, one
   process with one BLAS thread (one core), models loaded once (the floor every build pays);
   run before the builds and again after them (`--bare-runs`), the mean reported;
2. full build: ``dagster asset materialize -m pipeline --select '*published_datasets'``
   (every asset of the build job, not the evaluation jobs) from empty storage and cache;
3. incremental build: the same command after adding 1 document and changing 1 (repeated
   `--repeat` times, each with another new and another changed document; median reported).

After each build it prints where the run's wall time went, from the run's Dagster event
log: each step, Dagster's bookkeeping between steps, and the start-up and exit outside the
run. For scale it also times the floor of any build: the same CLI materializing a one-asset
definitions file that does nothing (Python and Dagster start-up, instance, run bookkeeping),
and what importing this project's definitions adds to it: together, the least any build of
this code location costs before it does any work.
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import glob
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "factrueval-2016" / "devset"
BUILD_SELECT = "*published_datasets"


def _strip_header(text: str) -> str:
    text = text.lstrip("\ufeff").lstrip()
    if text.startswith("date "):
        text = text[len("date 2026-01-01"):]
    return text.strip()


def base_texts() -> list[str]:
    """Every usable text: devset, seeds, test fixtures (sorted, so the corpus is stable)."""
    paths = sorted(glob.glob(str(DEVSET / "*.txt")))
    paths += sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))
    paths += sorted(glob.glob(str(ROOT / "tests" / "**" / "*.txt"), recursive=True))
    out = []
    for p in paths:
        try:
            t = _strip_header(Path(p).read_text("utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if len(t) > 200:
            out.append(t)
    return out


def _paragraphs(text: str) -> list[str]:
    paras = [p.strip() for p in text.replace("\r", "").split("\n\n") if p.strip()]
    if len(paras) < 2:
        paras = [p.strip() for p in text.split("\n") if p.strip()]
    return paras or [text]


def make_text(i: int, bases: list[str], extra: int = 0) -> str:
    b = len(bases)
    paras = _paragraphs(bases[i % b])
    v = i // b
    k = v % len(paras)
    out = paras[k:] + paras[:k]
    for j in range((1 if v else 0) + extra):
        out.append(_paragraphs(bases[(i + v + j) % b])[0])
    return "\n\n".join(out)


def make_corpus(n: int, folder: Path, bases: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    texts = []
    start = date(2024, 1, 1)
    for i in range(n):
        extra = 0
        text = make_text(i, bases)
        while text in seen:
            extra += 1
            text = make_text(i, bases, extra)
        seen.add(text)
        texts.append(text)
        day = start + timedelta(days=i % 730)
        (folder / f"bench_{i:07d}.txt").write_text(f"date {day.isoformat()}\n{text}\n",
                                                   "utf-8")
    return texts


class PeakRSS:
    """Samples the summed RSS of a process and all its descendants, and of the process
    alone (the main process of a build: the in-process executor runs every step in it)."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        self.pid, self.every, self.peak, self.root_peak = pid, every, 0, 0
        self.cpu: dict[int, float] = {}  # last seen user+system seconds per process
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                root = psutil.Process(self.pid)
                procs = [root, *root.children(recursive=True)]
                total = 0
                for p in procs:
                    with contextlib.suppress(psutil.Error):
                        total += p.memory_info().rss
                        t = p.cpu_times()
                        self.cpu[p.pid] = t.user + t.system
                self.peak = max(self.peak, total)
                with contextlib.suppress(psutil.Error):
                    self.root_peak = max(self.root_peak, root.memory_info().rss)
            except psutil.Error:
                pass
            self._stop.wait(self.every)

    def stop(self) -> tuple[int, float]:
        """Peak RSS and CPU seconds of the tree (sampled: an under-estimate by < 0.1 s per
        process)."""
        self._stop.set()
        self._thread.join()
        return self.peak, sum(self.cpu.values())


def run_measured(cmd: list[str], env: dict[str, str], log: Path
                 ) -> tuple[float, int, float, int]:
    """Wall time, peak tree RSS, tree CPU seconds and the main process's peak RSS of a
    command; exits on failure."""
    t0 = time.perf_counter()
    with open(log, "wb") as fh:
        proc = subprocess.Popen(cmd, env=env, stdout=fh, stderr=subprocess.STDOUT,
                                cwd=env.get("PYTHONPATH", ROOT))
        sampler = PeakRSS(proc.pid)
        rc = proc.wait()
    elapsed = time.perf_counter() - t0
    peak, cpu = sampler.stop()
    root_peak = sampler.root_peak
    if rc != 0:
        sys.stdout.write(log.read_text("utf-8", errors="replace")[-4000:])
        sys.exit(f"command failed ({rc}): {' '.join(cmd)}")
    return elapsed, peak, cpu, root_peak


def run_breakdown(home: Path, wall: float) -> str:
    """Where the newest run's wall time went, from its Dagster event log: before the run
    started (Python, Dagster and definitions start-up), each step, and the rest."""
    from dagster import DagsterInstance

    with DagsterInstance.from_config(str(home)) as instance:
        run = instance.get_runs(limit=1)[0]
        stats = instance.get_run_stats(run.run_id)
        steps = sorted(instance.get_run_step_stats(run.run_id), key=lambda s: s.start_time or 0)
    seconds = {s.step_key: (s.end_time or 0) - (s.start_time or 0) for s in steps}
    in_run = (stats.end_time or 0) - (stats.start_time or 0)
    in_steps = sum(seconds.values())
    parts = [f"{key} {secs:.1f}" for key, secs in seconds.items()]
    return (f"{', '.join(parts)}; run bookkeeping outside steps {in_run - in_steps:.1f}; "
            f"start-up and exit outside the run {wall - in_run:.1f} (s)")


def import_seconds(py: str, module: str, env: dict[str, str], runs: int = 3) -> float:
    """Fastest of `runs` fresh interpreters importing `module` (the fastest: what the
    import costs on this machine, with as little of the VM's noise as possible)."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([py, "-c", f"import {module}"], env=env, check=True,
                       cwd=env.get("PYTHONPATH", ROOT))
        best = min(best, time.perf_counter() - t0)
    return best


def bare_nlp(folder: str) -> None:
    """Stage 1 (runs in its own process): natasha alone over every corpus text."""
    from natasha import (
        Doc,
        MorphVocab,
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        Segmenter,
    )

    segmenter, vocab, emb = Segmenter(), MorphVocab(), NewsEmbedding()
    morph, ner = NewsMorphTagger(emb), NewsNERTagger(emb)
    paths = sorted(Path(folder).glob("*.txt"))
    t0, c0 = time.perf_counter(), time.process_time()
    for p in paths:
        doc = Doc(_strip_header(p.read_text("utf-8")))
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        for tok in doc.tokens:
            tok.lemmatize(vocab)
        for span in doc.spans:
            span.normalize(vocab)
    print(f"nlp_seconds={time.perf_counter() - t0:.3f} cpu={time.process_time() - c0:.3f} "
          f"docs={len(paths)}")


TRIVIAL_DEFS = """\
import dagster as dg


@dg.asset
def nothing() -> None:
    return None


defs = dg.Definitions(assets=[nothing], executor=dg.in_process_executor)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="number of documents")
    ap.add_argument("--repeat", type=int, default=3,
                    help="incremental builds to run (the median is reported)")
    ap.add_argument("--bare-runs", type=int, default=2,
                    help="bare NLP runs (the first before the builds, the rest after)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--workdir", type=Path, default=None, help="instead of a tmp folder")
    ap.add_argument("--bare-nlp", metavar="FOLDER", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.bare_nlp:
        bare_nlp(args.bare_nlp)
        return

    work = args.workdir or Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    seeds, out, cache, home = (work / "seeds", work / "datasets", work / "cache",
                               work / "dagster_home")
    for d in (seeds, out, cache, home):
        shutil.rmtree(d, ignore_errors=True)
    home.mkdir(parents=True)
    # the instance settings `make datasets` runs with (telemetry off)
    shutil.copy(ROOT / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
    bases = base_texts()
    texts = make_corpus(args.n, seeds, bases)
    chars = sum(map(len, texts))
    print(f"corpus: {args.n} documents from {len(bases)} base texts, "
          f"{chars / args.n:.0f} chars/doc on average, in {work}")
    # A frozen copy of the code: an edit of the working tree during the run (the extractor
    # version is a digest of the extraction sources) would make the incremental build
    # re-parse everything and measure nothing.
    src = work / "src"
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(ROOT / "pipeline", src / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    # bytecode, as an installed package has it (pip compiles on install): otherwise every
    # process would compile the package again where PYTHONDONTWRITEBYTECODE is set
    compileall.compile_dir(str(src), quiet=1)
    env = {**os.environ, "SEEDS_DIR": str(seeds), "DATASETS_DIR": str(out),
           "PIPELINE_CACHE_DIR": str(cache), "DAGSTER_HOME": str(home),
           "PYTHONPATH": str(src)}
    py = sys.executable
    dagster = str(Path(py).with_name("dagster"))
    build = [dagster, "asset", "materialize", "-m", "pipeline", "--select", BUILD_SELECT]

    # 1. bare NLP (the process also loads the models: reported apart), on a copy of the
    # corpus so that a second run after the builds reads the same documents
    load0 = os.getloadavg()[0]
    bare_corpus = work / "bare_corpus"
    shutil.rmtree(bare_corpus, ignore_errors=True)
    shutil.copytree(seeds, bare_corpus)
    # one process on one core: numpy's BLAS would otherwise spread the bare run over every
    # core (the pipeline pins it to one thread per process, see pipeline/runtime/nlp.py)
    one_core = {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}

    def bare_run(k: int) -> tuple[float, float, float, int]:
        """(NLP seconds, its CPU seconds, wall seconds with start-up, peak RSS)."""
        log = work / f"bare_{k}.log"
        wall, rss, _, _ = run_measured([py, __file__, "--bare-nlp", str(bare_corpus)],
                                    {**env, **one_core}, log)
        line = [ln for ln in log.read_text().splitlines() if ln.startswith("nlp_seconds=")][-1]
        fields = dict(f.split("=") for f in line.split())
        return float(fields["nlp_seconds"]), float(fields["cpu"]), wall, rss

    bares = [bare_run(0)]

    # 2. full build from empty storage and cache
    t_full, rss_full, cpu_full, main_full = run_measured(build, env, work / "full.log")
    breakdown = {"full build": run_breakdown(home, t_full)}

    # 3. incremental: one new document, one changed; repeated (each time another new and
    # another changed document), the median reported, since one run on a shared VM varies
    incs = []
    for r in range(args.repeat):
        new_text = make_text(args.n + r, bases, extra=1)
        (seeds / f"bench_new_{r}.txt").write_text(f"date 2025-12-31\n{new_text}\n", "utf-8")
        changed = seeds / f"bench_{args.n // 2 + r:07d}.txt"
        changed.write_text(changed.read_text("utf-8").rstrip("\n") +
                           "\n\nОбновлено: в материал добавлен комментарий пресс-службы.\n",
                           "utf-8")
        incs.append(run_measured(build, env, work / f"incremental_{r}.log"))
        breakdown[f"incremental {r + 1}"] = run_breakdown(home, incs[-1][0])
    t_inc, rss_inc, cpu_inc, main_inc = sorted(incs)[len(incs) // 2]

    # the bare NLP again: a shared VM drifts by tens of percent within minutes, so the
    # builds are compared with the mean of a run before and a run after them
    bares += [bare_run(k) for k in range(1, args.bare_runs)]
    t_bare = sum(b[0] for b in bares) / len(bares)
    cpu_bare = sum(b[1] for b in bares) / len(bares)
    t_bare_wall = sum(b[2] for b in bares) / len(bares)
    rss_bare = max(b[3] for b in bares)

    # the floor: the same CLI, the same instance, a run that does nothing
    (work / "trivial_defs.py").write_text(TRIVIAL_DEFS, "utf-8")
    t_floor, _, _, _ = run_measured([dagster, "asset", "materialize", "-f",
                                  str(work / "trivial_defs.py"), "--select", "*"],
                                 env, work / "floor.log")

    # what these definitions add to any run: importing them on top of Dagster itself
    t_defs = (import_seconds(py, "pipeline.dagster_defs.definitions", env)
              - import_seconds(py, "dagster", env))

    n = args.n
    cpu = platform.processor() or platform.machine()
    try:
        model = next(ln.split(":", 1)[1].strip()
                     for ln in Path("/proc/cpuinfo").read_text().splitlines()
                     if ln.startswith("model name"))
    except (OSError, StopIteration):
        model = cpu
    gib = 1024 ** 3
    print(f"machine: {model}, {len(os.sched_getaffinity(0))} cores usable, "
          f"{psutil.virtual_memory().total / gib:.1f} GiB RAM, Python "
          f"{platform.python_version()}, PIPELINE_WORKERS="
          f"{os.environ.get('PIPELINE_WORKERS', '(all cores)')}")
    print(f"load average (1 min) at start {load0:.1f}, at end {os.getloadavg()[0]:.1f} "
          "(other processes share the cores when this is above 0)")
    print(f"{'stage':<22}{'seconds':>9}{'docs/s':>9}{'peak RSS':>11}{'CPU s':>9}"
          f"{'CPU ms/doc':>12}")
    rows = [("1 bare NLP", t_bare, n, rss_bare, cpu_bare),
            ("2 full build", t_full, n, rss_full, cpu_full),
            ("3 incremental (+1 ~1)", t_inc, n + len(incs), rss_inc, cpu_inc)]
    for name, secs, docs, rss, cpu_s in rows:
        print(f"{name:<22}{secs:>9.1f}{docs / secs:>9.1f}{rss / gib:>9.2f}GB{cpu_s:>9.1f}"
              f"{1000 * cpu_s / docs:>12.1f}")
    print(f"(bare NLP: mean of {len(bares)} runs, before and after the builds: "
          + ", ".join(f"{b[0]:.1f}" for b in bares)
          + f" s; +{t_bare_wall - t_bare:.1f} s of start-up and model load not counted)")
    print(f"full build / bare NLP throughput: {t_bare / t_full:.2f}x (target >= 1.6)")
    print(f"full build / bare NLP CPU time: {cpu_full / cpu_bare:.2f}x "
          f"(throughput on idle cores is about cores / this)")
    print(f"incremental / full build time: {t_inc / t_full:.1%} (target <= 10%); "
          f"the {len(incs)} incremental runs took "
          + ", ".join(f"{t:.1f}" for t, _, _, _ in incs) + " s")
    print(f"incremental minus the floor: {t_inc - t_floor:.1f} s (issue 20's target: <= 2 s, "
          "not growing with N)")
    print(f"main process peak RSS (the build's steps run in it; the parse pool's workers "
          f"are not counted): full build {main_full / gib:.2f} GB, incremental "
          f"{main_inc / gib:.2f} GB")
    print(f"floor: a Dagster CLI run of one asset that does nothing takes {t_floor:.1f} s "
          f"({t_floor / t_full:.1%} of the full build)")
    print(f"these definitions take {t_defs:.1f} s to import on top of Dagster: an "
          f"incremental build costs at least the floor plus that, {t_floor + t_defs:.1f} s "
          f"({(t_floor + t_defs) / t_full:.1%} of the full build), before any of its work")
    for name, line in breakdown.items():
        print(f"{name}: {line}")
    versions = sorted(p.name for p in cache.iterdir()
                      if p.name.startswith("v")) if cache.exists() else []
    if len(versions) != 1:
        print(f"WARNING: parse cache holds versions {versions}: the code changed mid-run")
    if not args.keep and args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"kept {work}")


if __name__ == "__main__":
    main()
