"""Frames validated by a pandera model, remembered so that the same unchanged frame is not
validated a second time (issue 20).

Why: the tables step validates every table with its pandera model (while quarantining),
and Dagster's type of each table asset is the same model; checking the stored frame again
cost an incremental build ~0.1 s a table, most of it pandera's fixed cost per call. A
frame validated here is remembered by identity (a weak reference: a copy is another
object) with a digest of its content, columns, dtypes and index (pandas'
`hash_pandas_object`, ~30x cheaper than the validation): a frame changed in place after
its validation no longer matches, and is validated again by whoever asks.
"""

from __future__ import annotations

import hashlib
import sys
import weakref
from typing import Any

import pandas as pd

# id(frame) -> (weak reference to the frame, the model, the frame's digest)
_VALIDATED: dict[int, tuple[weakref.ref, Any, str]] = {}


def _load_pandera_checks() -> None:
    """Import pandera's pandas checks with hypothesis out of sight. Why: those modules
    import pandera's data-synthesis strategies, which import hypothesis when it is installed
    (it is: the tests use it), ~0.2-0.3 s of CPU on the first validation of every build
    for a feature no build uses; validation is the same without it (tests/test_validated.py).
    Where hypothesis is loaded already (a pytest session), nothing is hidden."""
    if "hypothesis" in sys.modules or "pandera.backends.pandas.builtin_checks" in sys.modules:
        return
    sys.modules["hypothesis"] = None  # type: ignore[assignment]  # import fails: not used
    try:
        import pandera.backends.pandas.builtin_checks  # noqa: F401
        import pandera.backends.pandas.builtin_hypotheses  # noqa: F401
    finally:
        if "hypothesis" in sys.modules and sys.modules["hypothesis"] is None:
            del sys.modules["hypothesis"]


_load_pandera_checks()


def digest(df: pd.DataFrame) -> str:
    """What a frame holds: column names, dtypes, index and every value (None and NaN
    differ, as do 1 and 1.0 in typed columns)."""
    h = hashlib.sha256()
    h.update(repr([(str(c), str(t)) for c, t in df.dtypes.items()]).encode("utf-8"))
    h.update(repr((len(df), type(df.index).__name__)).encode("utf-8"))
    if len(df.columns) and len(df):
        h.update(pd.util.hash_pandas_object(df, index=True).to_numpy().tobytes())
    else:
        h.update(pd.util.hash_pandas_object(df.index).to_numpy().tobytes())
    return h.hexdigest()


def validate(model: Any, df: pd.DataFrame) -> pd.DataFrame:
    """`model.validate(df, lazy=True)` (every failure at once), the result remembered as
    validated by `model`."""
    out = model.validate(df, lazy=True)
    mark(out, model)
    return out


def mark(df: pd.DataFrame, model: Any) -> None:
    """Remember `df`, as it is now, as validated by `model`."""
    key = id(df)
    _VALIDATED[key] = (weakref.ref(df, lambda _r, k=key: _forget(k, _r)), model, digest(df))


def _forget(key: int, ref: weakref.ref) -> None:
    entry = _VALIDATED.get(key)
    if entry is not None and entry[0] is ref:
        del _VALIDATED[key]


def is_validated(df: object, model: Any) -> bool:
    """Whether `df` is a frame `validate` (or `mark`) passed with `model`, unchanged since."""
    entry = _VALIDATED.get(id(df))
    if entry is None or entry[0]() is not df or entry[1] is not model:
        return False
    try:
        return digest(df) == entry[2]  # type: ignore[arg-type]
    except (TypeError, ValueError):  # a value pandas cannot hash: validate it
        return False
