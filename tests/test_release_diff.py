"""`releases.diff_table` against its definition, row by row (issue 20 made it vectorised).

The reference below is the definition written as a loop over every matched row: added
(key only in the new CSV), removed (only in the old), changed (same key, other values,
with the columns and their previous values); both put the rows in the changes file's
order with `releases.ordered_changes`, whose order the last test checks. Random small
tables, written for the tests, with repeated keys, missing values, and columns added or
dropped between releases.
"""

from __future__ import annotations

import io
import json

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import releases
from pipeline.releases import diff_table


def _reference(table: str, old: bytes | None, new: bytes) -> tuple[pd.DataFrame, dict]:
    read = releases._read_csv
    new_df = read(new)
    old_df = read(old) if old is not None else new_df.head(0)
    cols = list(new_df.columns) + [c for c in old_df.columns if c not in new_df.columns]
    new_df = new_df.reindex(columns=cols, fill_value="")
    old_df = old_df.reindex(columns=cols, fill_value="")
    key = [c for c in (releases.primary_key(table) or cols) if c in cols] or cols
    for df in (new_df, old_df):
        df["_n"] = df.groupby(key, sort=False).cumcount().astype(str) if len(df) else ""
    both = old_df.merge(new_df, on=[*key, "_n"], how="outer", suffixes=("_old", ""),
                        indicator=True)
    values = [c for c in cols if c not in key]
    out = []
    for r in both.to_dict("records"):
        if r["_merge"] == "right_only":
            out.append({"change": "added", **{c: r[c] for c in cols}})
        elif r["_merge"] == "left_only":
            out.append({"change": "removed", **{c: r[c] if c in key else r[c + "_old"]
                                                for c in cols}})
        else:
            diff = [c for c in values if r[c] != r[c + "_old"]]
            if diff:
                out.append({"change": "changed", **{c: r[c] for c in cols},
                            "changed_columns": ";".join(diff),
                            "previous_values": json.dumps({c: r[c + "_old"] for c in diff},
                                                          ensure_ascii=False)})
    # the order of the changes file is shared: the reference checks which rows and values
    rows = pd.DataFrame(out, columns=["change", *cols, "changed_columns", "previous_values"])
    return releases.ordered_changes(rows, cols, key)


def _csv(rows: list[dict], cols: list[str]) -> bytes:
    buf = io.StringIO()
    pd.DataFrame(rows, columns=cols).to_csv(buf, index=False)
    return buf.getvalue().encode("utf-8")


_value = st.sampled_from(["", "a", "b", "завод", "1.5", "NA"])
_row = st.fixed_dictionaries({"plant_id": st.sampled_from(["p1", "p2", "p3", "p4"]),
                              "status": _value, "region": _value, "extra": _value})


@settings(max_examples=200, deadline=None)
@given(old=st.lists(_row, max_size=8), new=st.lists(_row, max_size=8),
       old_extra=st.booleans(), new_extra=st.booleans(),
       table=st.sampled_from(["plants", "rejected_documents"]), first=st.booleans())
def test_diff_equals_the_row_by_row_definition(old, new, old_extra, new_extra, table,
                                               first) -> None:
    """`plants` is keyed by plant_id (repeated here on purpose); rejected_documents, which
    has no key, by the whole row. `first`: no previous release."""
    base = ["plant_id", "status", "region"]
    old_csv = None if first else _csv(old, base + (["extra"] if old_extra else []))
    new_csv = _csv(new, base + (["extra"] if new_extra else []))
    got, got_counts = diff_table(table, old_csv, new_csv)
    want, want_counts = _reference(table, old_csv, new_csv)
    assert got_counts == want_counts
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want, check_dtype=False)


def test_a_changed_row_names_its_columns_and_old_values() -> None:
    cols = ["plant_id", "status", "region"]
    old = _csv([{"plant_id": "p1", "status": "planned", "region": "RU-TUL"},
                {"plant_id": "p2", "status": "launched", "region": "RU-KLU"}], cols)
    new = _csv([{"plant_id": "p1", "status": "launched", "region": "RU-TUL"},
                {"plant_id": "p3", "status": "planned", "region": "RU-MOS"}], cols)
    frame, counts = diff_table("plants", old, new)
    assert counts == {"added": 1, "removed": 1, "changed": 1}
    changed = frame[frame["change"] == "changed"].iloc[0]
    assert changed["changed_columns"] == "status"
    assert json.loads(changed["previous_values"]) == {"status": "planned"}
    assert list(frame["change"]) == ["added", "changed", "removed"]


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(_row, max_size=8), extra=st.booleans(),
       table=st.sampled_from(["plants", "rejected_documents"]))
def test_an_unchanged_table_gives_the_changes_file_of_the_full_diff(rows, extra, table
                                                                    ) -> None:
    """`table_changes` does not diff a CSV against the same bytes (issue 20), and writes
    what the row-by-row diff would: the same changes file, counts and row counts."""
    from pipeline.publish import csv_bytes

    data = _csv(rows, ["plant_id", "status", "region"] + (["extra"] if extra else []))
    frame, counts, n_new, n_old = releases.table_changes(table, data, data)
    want, want_counts = diff_table(table, data, data)
    assert csv_bytes(frame) == csv_bytes(want)
    assert releases._examples(table, frame) == releases._examples(table, want) == []
    assert counts == want_counts == {"added": 0, "removed": 0, "changed": 0}
    assert n_new == n_old == len(releases._read_csv(data))


def test_an_unchanged_table_is_not_compared_row_by_row(monkeypatch) -> None:
    seen = []
    real = releases.diff_frames

    def spy(table, old_df, new_df):
        seen.append((len(old_df), len(new_df)))
        return real(table, old_df, new_df)

    monkeypatch.setattr(releases, "diff_frames", spy)
    cols = ["plant_id", "status", "region"]
    same = _csv([{"plant_id": "p1", "status": "planned", "region": "RU-TUL"},
                 {"plant_id": "p2", "status": "строка\nперевод", "region": ""}], cols)
    assert releases.table_changes("plants", same, same)[1:] == (
        {"added": 0, "removed": 0, "changed": 0}, 2, 2)
    other = same + b"p3,launched,RU-MOS\n"
    assert releases.table_changes("plants", same, other)[1:] == (
        {"added": 1, "removed": 0, "changed": 0}, 3, 2)
    assert seen == [(2, 3)]  # only the changed table


def test_the_seed_tables_unchanged_give_the_full_diffs_changes_files() -> None:
    from pipeline.publish import csv_bytes
    from pipeline.schemas import TABLES
    from tests.probe import REPO

    for table in TABLES:
        data = (REPO / "datasets" / f"{table}.csv").read_bytes()
        frame, counts, n_new, n_old = releases.table_changes(table, data, data)
        want, want_counts = diff_table(table, data, data)
        assert csv_bytes(frame) == csv_bytes(want), table
        assert counts == want_counts and n_new == n_old == len(releases._read_csv(data))
