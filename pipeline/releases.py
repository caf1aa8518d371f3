"""Releases: every publish is a complete folder that never changes, made current in one step.

    DATASETS_DIR/
      releases/r0002-<digest>/   every table in every format, datapackage.json, README.md,
                                 chart.png, CHANGELOG.md, changes/<table>.csv, release.json
      latest -> releases/r0002-<digest>    the one switch: a symlink replaced with rename(2)
      plants.csv -> latest/plants.csv      the contract's paths, every one through `latest`
      releases.json                        the index: each release with its time and counts

A reader who opens the contract's paths therefore always sees one release, whatever a
build is doing; one who wants to stay on a release reads `releases/<version>/`. The
version is `r<sequence>-<digest of the published files>`: it sorts in release order and
depends on the inputs and the code, not the clock, and a build that would publish the
same files as the current release publishes nothing.

Where symlinks cannot be made, the release folder and the index are still written and the
contract's paths are copied in place with `pipeline.publish`'s COMMIT marker (a killed
build is rolled forward by the next one, as before releases).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.publish import (
    SpooledFiles,
    _fsync_dir,
    _recover,
    check_file_name,
    csv_bytes,
    item_sha256,
    locked,
    publish_locked,
    write_item,
)
from pipeline.schema_export import primary_key

RELEASES = "releases"
LATEST = "latest"
INDEX = "releases.json"
SUMMARY = "release.json"
CHANGELOG = "CHANGELOG.md"
CHANGES = "changes"
STAGING = ".staging-"
PLACEHOLDER = "r0000-000000000000"  # the id the content digest is computed with
DEFAULT_KEEP = 10
_VERSION = re.compile(r"^r(\d{4,})-[0-9a-f]{12}$")

Render = Callable[[str], MutableMapping[str, bytes]]
Approve = Callable[[Mapping[str, Mapping[str, int]], Mapping[str, int]], bool]


def _hook(stage: str) -> None:
    """Does nothing; the kill tests replace it to stop a build at a chosen point."""


@dataclass
class Outcome:
    """What a publish did, for the asset's metadata and the log."""

    version: str | None  # the current release afterwards
    published: bool
    reason: str  # "published", "unchanged" or "blocked"
    mode: str  # "symlink" or "copy"
    previous: str | None = None
    folder: Path | None = None
    changes: dict[str, dict[str, int]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    previous_rows: dict[str, int] = field(default_factory=dict)
    changelog: str = ""
    deleted: list[str] = field(default_factory=list)


def sequence(version: str) -> int:
    """The release number of a version id (-1 for a name that is not one)."""
    m = _VERSION.match(version)
    return int(m.group(1)) if m else -1


def _digest(files: Mapping[str, bytes]) -> str:
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode() + b"\0" + bytes.fromhex(item_sha256(files, name)))
    return h.hexdigest()


def _write_file(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _write_json_atomically(path: Path, value: object) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _write_file(tmp, (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode())
    os.replace(tmp, path)


def symlinks_work(folder: Path) -> bool:
    """Whether symlinks can be made in `folder` (not on some filesystems, nor on Windows
    without the right)."""
    probe = folder / f".symlink-probe-{os.getpid()}"
    try:
        with contextlib.suppress(FileNotFoundError):
            probe.unlink()
        os.symlink(LATEST, probe)
    except (OSError, NotImplementedError, AttributeError):
        return False
    probe.unlink()
    return True


# --------------------------------------------------------------------------- reading


def load_index(out: Path) -> dict[str, Any]:
    """releases.json as a dict ({'latest': None, 'releases': []} when there is none)."""
    try:
        index = json.loads((out / INDEX).read_text("utf-8"))
        if isinstance(index, dict) and isinstance(index.get("releases"), list):
            return index
    except (OSError, ValueError):
        pass
    return {"latest": None, "releases": []}


def current(out: Path) -> str | None:
    """The release the contract's paths show now: `latest`'s target, else (copy-in-place
    layout) the version in the published datapackage.json when it is a release folder."""
    link = out / LATEST
    if link.is_symlink():
        name = Path(os.readlink(link)).name
        return name if (out / RELEASES / name).is_dir() else None
    try:
        version = json.loads((out / "datapackage.json").read_text("utf-8")).get("version")
    except (OSError, ValueError, AttributeError):
        return None
    if isinstance(version, str) and sequence(version) >= 0 \
            and (out / RELEASES / version).is_dir():
        return version
    return None


def _released(out: Path) -> list[str]:
    folder = out / RELEASES
    if not folder.is_dir():
        return []
    return sorted((p.name for p in folder.iterdir() if p.is_dir() and sequence(p.name) >= 0),
                  key=sequence)


# --------------------------------------------------------------------------- changes


def _read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


def diff_table(table: str, old: bytes | None, new: bytes) -> tuple[pd.DataFrame, dict[str, int]]:
    """Rows added, removed and changed between two CSVs of `table`, matched by its primary
    key (by the whole row when it has none): the rows with a `change` column, and counts."""
    new_df = _read_csv(new)
    old_df = _read_csv(old) if old is not None else new_df.head(0)
    return diff_frames(table, old_df, new_df)


def diff_frames(table: str, old_df: pd.DataFrame, new_df: pd.DataFrame
                ) -> tuple[pd.DataFrame, dict[str, int]]:
    """`diff_table` of two CSVs already read (all columns as strings, no NA)."""
    cols = list(new_df.columns) + [c for c in old_df.columns if c not in new_df.columns]
    new_df, old_df = new_df.reindex(columns=cols, fill_value=""), \
        old_df.reindex(columns=cols, fill_value="")
    key = [c for c in (primary_key(table) or cols) if c in cols] or cols
    for df in (new_df, old_df):  # a repeated key is matched occurrence by occurrence
        df["_n"] = df.groupby(key, sort=False).cumcount().astype(str) if len(df) else ""
    both = old_df.merge(new_df, on=[*key, "_n"], how="outer", suffixes=("_old", ""),
                        indicator=True)
    values = [c for c in cols if c not in key]
    # vectorised, and only the rows that differ become Python rows: an incremental build
    # of a large corpus compares every row but changes a handful (issue 20)
    side = both["_merge"].to_numpy()
    common = both[side == "both"]
    differs = pd.DataFrame({c: common[c].to_numpy() != common[c + "_old"].to_numpy()
                            for c in values}, index=common.index)
    hit = differs[differs.any(axis=1)] if values else differs.iloc[0:0]
    changed = common.loc[hit.index, cols].copy()
    diffs = [[c for c, d in zip(values, row, strict=True) if d]
             for row in hit.itertuples(index=False)]
    changed.insert(0, "change", "changed")
    changed["changed_columns"] = [";".join(d) for d in diffs]
    changed["previous_values"] = [
        json.dumps({c: common.at[i, c + "_old"] for c in d}, ensure_ascii=False)
        for i, d in zip(hit.index, diffs, strict=True)]
    added = both.loc[side == "right_only", cols]
    removed = both.loc[side == "left_only", key + [c + "_old" for c in values]]
    removed = removed.set_axis(key + values, axis=1)[cols]
    parts = [added.assign(change="added"), changed, removed.assign(change="removed")]
    # in the merge's row order, as the stable sort below expects
    out = pd.concat(parts).sort_index(kind="stable")
    return ordered_changes(out, cols, key)


def table_changes(table: str, old: bytes | None, new: bytes
                  ) -> tuple[pd.DataFrame, dict[str, int], int, int]:
    """`diff_table`, and the rows of the new and the old CSV (each CSV read once). The same
    bytes twice are not compared: no row added, removed or changed, so the changes file is
    its header alone (issue 20: most tables of an incremental build are unchanged, and the
    diff is the dear part of a release)."""
    new_df = _read_csv(new)
    if old == new:
        cols = list(new_df.columns)
        frame = pd.DataFrame(columns=["change", *cols, "changed_columns", "previous_values"])
        return frame, {"added": 0, "removed": 0, "changed": 0}, len(new_df), len(new_df)
    old_df = _read_csv(old) if old is not None else new_df.head(0)
    frame, counts = diff_frames(table, old_df, new_df)
    return frame, counts, len(new_df), len(old_df)


def ordered_changes(rows: pd.DataFrame, cols: list[str], key: list[str]
                    ) -> tuple[pd.DataFrame, dict[str, int]]:
    """The changes file's columns and order (added, changed, removed; by key within each,
    the rows' own order among equal keys), and the counts."""
    frame = rows.reindex(columns=["change", *cols, "changed_columns", "previous_values"])
    order = {"added": 0, "changed": 1, "removed": 2}
    frame = frame.fillna("").sort_values(
        by=["change", *key], key=lambda s: s.map(order) if s.name == "change" else s,
        kind="stable").reset_index(drop=True)
    counts = {k: int((frame["change"] == k).sum()) for k in ("added", "removed", "changed")}
    return frame, counts


def _changes(table: str, old: Path | None, files: MutableMapping[str, bytes]
             ) -> tuple[dict[str, int], int, int, list[str]]:
    """The table's changes since the release with the CSV `old`, added to `files` as
    `changes/<table>.csv`: (counts, rows, previous rows, the changelog's examples). A
    spooled CSV is compared on disk (`diff_files`), never read whole (issue 20)."""
    new = files.path_of(f"{table}.csv") if isinstance(files, SpooledFiles) else None
    if new is not None:
        from pipeline.diff_files import file_changes

        out = files.folder / CHANGES / f"{table}.csv"
        out.parent.mkdir(parents=True, exist_ok=True)
        c = file_changes(table, old, new, out, files.folder / ".diff-spill")
        files.add_file(f"{CHANGES}/{table}.csv", out)
        return c.counts, c.rows, c.previous_rows, c.examples
    frame, counts, rows, previous = table_changes(
        table, old.read_bytes() if old is not None else None, files[f"{table}.csv"])
    files[f"{CHANGES}/{table}.csv"] = csv_bytes(frame)
    return counts, rows, previous, _examples(table, frame)


def _examples(table: str, frame: pd.DataFrame, limit: int = 3) -> list[str]:
    """A few lines a reader understands: '+3 plants in RU-TUL', 'status of plt-… a -> b'
    (`diff_files.Examples` over the whole changes frame at once)."""
    from pipeline.diff_files import Examples

    cols = [c for c in frame.columns if c not in ("change", "changed_columns",
                                                  "previous_values")]
    examples = Examples(table, cols, limit)
    examples.add(frame)
    return examples.lines()


def changelog(version: str, previous: str | None, counts: Mapping[str, Mapping[str, int]],
              rows: Mapping[str, int], examples: Mapping[str, list[str]]) -> str:
    """CHANGELOG.md of a release, from the change counts and a few examples per table."""
    lines = [f"# Release {version}", "",
             f"Changes since {previous}." if previous else "The first release: every row "
             "is new.", "", "| table | rows | added | removed | changed |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for table, c in counts.items():
        lines.append(f"| {table} | {rows[table]:,} | {c['added']:,} | {c['removed']:,} | "
                     f"{c['changed']:,} |")
    lines.append("")
    for table, found in examples.items():
        if found:
            lines += [f"## {table}", "", *[f"* {e}" for e in found], ""]
    lines.append("Every changed row: `changes/<table>.csv`.")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- recovery


def recover_releases(out: Path) -> str | None:
    """Finish or discard what a killed build left (the caller holds `locked(out)`):
    staging folders and temporary links go, a release that was switched to but not yet
    indexed is indexed, a release folder never switched to is removed, and the contract's
    paths left as plain files by a migration become links."""
    notes = []
    releases = out / RELEASES
    if releases.is_dir():
        for p in releases.glob(STAGING + "*"):
            shutil.rmtree(p, ignore_errors=True)
            notes.append(f"discarded unfinished release {p.name}")
    for p in out.glob(".latest-*"):
        p.unlink(missing_ok=True)
    now = current(out)
    index = load_index(out)
    known = {e["version"] for e in index["releases"]}
    if now and now not in known:
        _add_entry(index, out, now)
        notes.append(f"indexed release {now}, switched to by a build killed before")
    for name in _released(out):
        if name not in known and name != now:
            shutil.rmtree(releases / name, ignore_errors=True)
            notes.append(f"removed release {name}, never switched to")
    changed = _mark_available(index, out)
    if (now and index.get("latest") != now) or changed or notes:
        index["latest"] = now
        _write_json_atomically(out / INDEX, index)
    if now and (out / LATEST).is_symlink():
        _link_contract(out, now)
    return "; ".join(notes) or None


def _add_entry(index: dict[str, Any], out: Path, version: str) -> None:
    try:
        summary = json.loads((out / RELEASES / version / SUMMARY).read_text("utf-8"))
    except (OSError, ValueError):
        summary = {"version": version}
    index["releases"] = sorted(
        [e for e in index["releases"] if e.get("version") != version]
        + [{**summary, "time": _now(), "available": True}], key=lambda e: sequence(e["version"]))


def _mark_available(index: dict[str, Any], out: Path) -> bool:
    changed = False
    for e in index["releases"]:
        there = (out / RELEASES / e["version"]).is_dir()
        if e.get("available") != there:
            e["available"], changed = there, True
    return changed


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _link_contract(out: Path, version: str) -> None:
    """Every published name at the top resolves through `latest` (a relative link); a
    link to a name the release no longer has is removed."""
    folder = out / RELEASES / version
    names = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name != SUMMARY)
    for name in names:
        path = out / name
        target = f"{LATEST}/{name}"
        if path.is_symlink() and os.readlink(path) == target:
            continue
        tmp = out / f".link-{os.getpid()}"
        tmp.unlink(missing_ok=True)
        os.symlink(target, tmp)
        os.replace(tmp, path)  # a plain file of the same release becomes its link
    for p in out.iterdir():
        if p.is_symlink() and os.readlink(p).startswith(LATEST + "/") and p.name not in names:
            p.unlink()
    _fsync_dir(out)


def _adopt_flat_files(out: Path) -> str | None:
    """The contract's paths as plain files (published before releases, or copied in place
    where symlinks were not available) become a release `latest` points to, so that the
    switch to links never shows two versions at once."""
    package = out / "datapackage.json"
    if (out / LATEST).is_symlink() or not package.is_file() or package.is_symlink():
        return None
    version = current(out)
    note = None
    if version is None:
        names = [p.name for p in out.iterdir() if p.is_file() and not p.is_symlink()
                 and not p.name.startswith(".") and p.name != INDEX]
        files = {n: (out / n).read_bytes() for n in names}
        n = max([0, *map(sequence, _released(out))]) + 1
        version = f"r{n:04d}-{_digest(files)[:12]}"
        summary = {"version": version, "previous": None, "imported": True,
                   "rows": _rows_of_package(files.get("datapackage.json"))}
        _stage_and_rename(out, version, {**files, SUMMARY: _json_bytes(summary)})
        index = load_index(out)
        _add_entry(index, out, version)
        index["latest"] = version
        _write_json_atomically(out / INDEX, index)
        note = f"imported the files published before releases as release {version}"
    _switch(out, version)
    _link_contract(out, version)
    return note


def _rows_of_package(data: bytes | None) -> dict[str, int]:
    try:
        return {r["name"]: int(r["x-rows"]) for r in json.loads(data or b"")["resources"]}
    except (ValueError, KeyError, TypeError):
        return {}


def _json_bytes(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode()


# --------------------------------------------------------------------------- publishing


def _stage_and_rename(out: Path, version: str, files: Mapping[str, bytes]) -> Path:
    """Write the release into a staging folder, fsync it, then rename it into place: a
    release folder is complete or absent."""
    releases = out / RELEASES
    releases.mkdir(exist_ok=True)
    staging = releases / f"{STAGING}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    for name in sorted(files):
        path = staging / name
        path.parent.mkdir(exist_ok=True)
        write_item(files, name, path)
        _hook("staged-file")
    for folder in {(staging / n).parent for n in files}:
        _fsync_dir(folder)
    _hook("staged")
    final = releases / version
    if final.exists():  # left by a killed build, never switched to: made again
        shutil.rmtree(final)
    os.rename(staging, final)
    _fsync_dir(releases)
    _hook("renamed")
    return final


def _switch(out: Path, version: str) -> None:
    """The one step that changes what readers see: `latest` is replaced with rename(2)."""
    tmp = out / f".latest-{os.getpid()}"
    tmp.unlink(missing_ok=True)
    os.symlink(f"{RELEASES}/{version}", tmp)
    _hook("switching")
    link = out / LATEST
    if link.is_dir() and not link.is_symlink():  # a copy of the folder, not the link
        shutil.rmtree(link)
    os.replace(tmp, link)
    _fsync_dir(out)
    _hook("switched")


def _retain(out: Path, index: dict[str, Any], keep: int, now: str) -> list[str]:
    """Delete all but the last `keep` releases, never the current one. A reader with a file
    of a deleted release open keeps reading it (the data stays until it is closed)."""
    names = _released(out)
    drop = [n for n in names[:-keep] if n != now] if keep > 0 else []
    for name in drop:
        shutil.rmtree(out / RELEASES / name, ignore_errors=True)
    _mark_available(index, out)
    return drop


def publish_release(tables: Iterable[str], render: Render, out: Path, *,
                    inputs_digest: str, code_version: str, keep: int = DEFAULT_KEEP,
                    approve: Approve | None = None) -> Outcome:
    """Publish the files `render(version)` returns as a new release and switch to it.

    `tables` names the tables among the files (their CSVs are compared with the current
    release's); `approve(changes, previous_rows)` may refuse the release (nothing visible
    changes then). A build whose files equal the current release's publishes nothing.
    """
    tables = list(tables)
    out.mkdir(parents=True, exist_ok=True)
    with locked(out):
        _recover(out)  # a copy-in-place publish left half done is finished first
        recover_releases(out)
        links = symlinks_work(out)
        if links:
            _adopt_flat_files(out)
        previous = current(out)
        index = load_index(out)
        entry = next((e for e in index["releases"] if e["version"] == previous), {})
        content = _digest(render(PLACEHOLDER))
        mode = "symlink" if links else "copy"
        if previous and entry.get("content_sha256") == content:
            return Outcome(version=previous, published=False, reason="unchanged", mode=mode,
                           previous=previous, folder=out / RELEASES / previous,
                           rows=dict(entry.get("rows", {})))
        n = max([0, *map(sequence, _released(out)),
                 *(sequence(e["version"]) for e in index["releases"])]) + 1
        version = f"r{n:04d}-{content[:12]}"
        files = render(version)
        for name in files:
            check_file_name(name)
        old_folder = out / RELEASES / previous if previous else None
        counts, rows, previous_rows, examples = {}, {}, {}, {}
        for t in tables:
            old = old_folder / f"{t}.csv" if old_folder else None
            old = old if old is not None and old.is_file() else None
            counts[t], rows[t], previous_rows[t], examples[t] = _changes(t, old, files)
        outcome = Outcome(version=previous, published=False, reason="blocked", mode=mode,
                          previous=previous, changes=counts, rows=rows,
                          previous_rows=previous_rows)
        if approve is not None and not approve(counts, previous_rows):
            return outcome
        text = changelog(version, previous, counts, rows, examples)
        files[CHANGELOG] = text.encode("utf-8")
        summary = {"version": version, "previous": previous, "inputs_sha256": inputs_digest,
                   "code_version": code_version, "content_sha256": content, "rows": rows,
                   "changes": counts}
        files[SUMMARY] = _json_bytes(summary)
        folder = _stage_and_rename(out, version, files)
        if links:
            _switch(out, version)
            _link_contract(out, version)
        else:
            publish_locked({n: files[n] for n in files if "/" not in n and n != SUMMARY}, out)
            with contextlib.suppress(FileNotFoundError):
                if (out / LATEST).is_symlink():
                    (out / LATEST).unlink()
        _add_entry(index, out, version)
        index["latest"] = version
        deleted = _retain(out, index, keep, version)
        _write_json_atomically(out / INDEX, index)
        _hook("indexed")
        outcome.version, outcome.published, outcome.reason = version, True, "published"
        outcome.folder, outcome.changelog, outcome.deleted = folder, text, deleted
        return outcome


def recover(out: Path) -> str | None:
    """`pipeline.publish.recover` and `recover_releases`, under the lock (the first step of
    every build runs it)."""
    if not out.exists():
        return None
    with locked(out):
        notes = [n for n in (_recover(out), recover_releases(out)) if n]
    return "; ".join(notes) or None
