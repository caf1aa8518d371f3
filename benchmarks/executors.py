"""In-process vs multiprocess Dagster executor on a small build (the seed by default).

Usage: ``python benchmarks/executors.py [--seeds DIR] [--repeat 2]``. Each run starts from
empty storage and an empty parse cache, through the ``dagster job execute`` CLI, so it pays
what a user's build pays: CLI start-up, one process per step (multiprocess), model load.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dagster as dg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.dagster_defs.assets import ASSETS, NoneIOManager  # noqa: E402
from pipeline.dagster_defs.definitions import BUILD_SELECTION  # noqa: E402
from pipeline.dagster_defs.io import ParquetIOManager  # noqa: E402

defs = dg.Definitions(
    assets=ASSETS,
    jobs=[dg.define_asset_job("build_in_process", selection=BUILD_SELECTION,
                              executor_def=dg.in_process_executor),
          dg.define_asset_job("build_multiprocess", selection=BUILD_SELECTION,
                              executor_def=dg.multiprocess_executor)],
    resources={"io_manager": ParquetIOManager(), "none_io_manager": NoneIOManager()},
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    dagster = str(Path(sys.executable).with_name("dagster"))
    print(f"seeds: {args.seeds} ({len(list(args.seeds.glob('*')))} files), "
          f"load average {os.getloadavg()[0]:.1f}")
    for job in ("build_in_process", "build_multiprocess"):
        times = []
        for _ in range(args.repeat):
            work = Path(tempfile.mkdtemp(prefix="pipeline-exec-"))
            (work / "home").mkdir()
            env = {**os.environ, "SEEDS_DIR": str(args.seeds),
                   "DATASETS_DIR": str(work / "out"), "PIPELINE_CACHE_DIR": str(work / "c"),
                   "DAGSTER_HOME": str(work / "home"), "PYTHONPATH": str(ROOT)}
            t0 = time.perf_counter()
            proc = subprocess.run([dagster, "job", "execute", "-f", __file__, "-j", job],
                                  env=env, cwd=ROOT, capture_output=True, text=True)
            times.append(time.perf_counter() - t0)
            if proc.returncode != 0:
                sys.exit(proc.stdout[-3000:] + proc.stderr[-3000:])
            shutil.rmtree(work, ignore_errors=True)
        print(f"{job:<20} " + "  ".join(f"{t:.1f} s" for t in times))


if __name__ == "__main__":
    main()
