"""Two record dumps of `benchmarks/profile_rules.py --dump` compared exactly.

Usage: ``python benchmarks/compare_dumps.py BEFORE AFTER``. Exit 0 when every document's
records are identical (same records, same order, same attrs JSON); else prints the first
differences per document and exits 1. A speed change to the rules must leave them identical.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _load(path: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        out[row["doc_id"]] = row["records"]
    return out


def compare(before: Path, after: Path, show: int = 10) -> int:
    """How many documents differ (printing the first `show` of them)."""
    a, b = _load(before), _load(after)
    differ = 0
    if list(a) != list(b):
        print(f"document lists differ: {len(a)} against {len(b)}")
        differ += 1
    for doc_id in a.keys() & b.keys():
        if a[doc_id] == b[doc_id]:
            continue
        differ += 1
        if differ <= show:
            only_a = [r for r in a[doc_id] if r not in b[doc_id]]
            only_b = [r for r in b[doc_id] if r not in a[doc_id]]
            print(f"{doc_id}: {len(a[doc_id])} records against {len(b[doc_id])}")
            for r in only_a[:3]:
                print(f"  - {json.dumps(r, ensure_ascii=False)}")
            for r in only_b[:3]:
                print(f"  + {json.dumps(r, ensure_ascii=False)}")
            if not only_a and not only_b:
                print("  (same records, another order)")
    n = sum(len(r) for r in a.values())
    print(f"{len(a)} documents, {n} records: "
          f"{'identical' if not differ else f'{differ} documents differ'}")
    return differ


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(1 if compare(Path(sys.argv[1]), Path(sys.argv[2])) else 0)
