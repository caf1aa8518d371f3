"""Registries: one row per facility and per person across all documents, with the evidence
for every merge.

The fact tables hold one row per mention. Here mentions are resolved into entities with
explicit blocking and written rules (nothing merges outside its block):

Plants (unit: a `plant_id`, i.e. one phrase + operator + region):
  * block P1: same region_code and same operator key (lemmatised operator);
    block P2: same region_code, no operator on either side, same product stem;
    block P3: same region_code and the same proper name («Тяжстанкогидропресс»,
    «им. Баранова») in the facility phrase.
  * rule `name_similar`: token-sort similarity of the lemmatised facility phrases >= 90
    (rapidfuzz), in either block;
    rule `same_product`: same product stem (first two lemmas of the product), in block P1
    only (without an operator, two plants of one product in one region may be two), when
    the phrases are still alike (similarity >= 60) and no document names both (an article
    that names two phrases of one operator names two facilities: a plant and its line);
    rule `same_proper_name`: block P3 (a named plant is one plant in its region).
    Two plants of one operator in one region with different products stay apart.
People (unit: an `official_id`, i.e. one written full name):
  * block: surname (lower case, ё -> е) + first initial.
  * rule `same_first_name`: equal first names and compatible patronymics (equal or one
    missing) -> same person;
    rule `initial_and_context`: one side gives only an initial, and the two share an
    organization, a position or a region -> same person. Namesakes without such evidence
    stay apart: over-merging is worse than a missing merge;
    rule `surname_and_post`: a surname alone («Путин») joins a mention of that surname
    holding the same post (position and organization).
Overrides (`pipeline/data/overrides.csv`: kind, left, right, same, comment) win over the
rules: `same=1` joins, `same=0` keeps apart (no merge ever joins two clusters holding a
forbidden pair).

Ids are stable under growth: a cluster's id is a hash of its earliest member (by the date
it was first seen, then by its member id). An article that mentions a known entity later
adds a member that sorts after it, so no id changes. When clusters merge, the ids the
smaller clusters had are hashes of some of their members: each registry row lists them in
`former_ids`, so a reader can follow an id that disappeared (its `replaced_by` is the row's
id).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from pipeline.rules import morph
from pipeline.rules.morph import normal_name
from pipeline.runtime import snapshot

OVERRIDES_FILE = Path(__file__).parent / "data" / "overrides.csv"
NAME_THRESHOLD = 90.0
PRODUCT_NAME_THRESHOLD = 60.0  # same product: the phrases must still look alike
# life-cycle order: a later report with a lower rank goes "backwards" (closed -> launched)
STATUS_RANK = {"announced": 0, "planned": 0, "under_construction": 1, "launched": 2,
               "expanded": 2, "suspended": 3, "closed": 4}
_FAR = date(9999, 12, 31)
HISTORY_COLUMNS = ["facility_id", "date", "status", "doc_id", "plant_id", "evidence"]
# the columns of the fact tables the registries read (the rest is not read back from a
# stored table: pipeline.table_store)
PLANT_COLUMNS = ["plant_id", "doc_id", "name", "product", "operator", "region",
                 "region_code", "status", "event_date", "start"]
OFFICIAL_COLUMNS = ["official_id", "doc_id", "full_name", "surname", "position",
                    "position_full", "organization"]


# --- union-find with cannot-links --------------------------------------------------------


def _records(df: pd.DataFrame) -> list[dict]:
    """`df.to_dict("records")` without pandas boxing every cell on its own (the same
    Python values: column `tolist` converts numpy scalars as to_dict does), ~3x faster on
    the 10^5-row fact tables the registries read."""
    return list(_iter_records(df))


def _iter_records(df: pd.DataFrame) -> Iterator[dict]:
    """`_records(df)` one row at a time: a caller that keeps a group at a time never holds
    a dict for every row of a fact table (issue 20: ~0.5 GB at 10^6 rows)."""
    cols = list(df.columns)
    if len(df):
        for row in zip(*(df[c].tolist() for c in cols), strict=True):
            yield dict(zip(cols, row, strict=True))

@dataclass
class Clusters:
    """Union-find over member ids that refuses a union joining a forbidden pair. Each
    root keeps its member list, so a union costs the smaller cluster, not every member
    (sorting every member on each union made resolution quadratic: benchmarks/scale.py)."""

    parent: dict[str, str] = field(default_factory=dict)
    forbidden: set[frozenset[str]] = field(default_factory=set)
    _groups: dict[str, list[str]] = field(default_factory=dict)

    def add(self, x: str) -> None:
        if x not in self.parent:
            self.parent[x] = x
            self._groups[x] = [x]

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def members(self) -> dict[str, list[str]]:
        """Root -> sorted members, roots in the order of their first member."""
        groups = sorted((sorted(m) for m in self._groups.values()), key=lambda m: m[0])
        return {self.find(m[0]): m for m in groups}

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        left, right = self._groups[ra], self._groups[rb]
        if self.forbidden and any(frozenset((x, y)) in self.forbidden
                                  for x in left for y in right):
            return False
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        small, big = sorted((self._groups.pop(keep), self._groups.pop(drop)), key=len)
        big.extend(small)  # the smaller list moves: O(n log n) over all unions
        self._groups[keep] = big
        return True


def read_overrides(path: Path = OVERRIDES_FILE) -> pd.DataFrame:
    """The user's corrections; an absent file means none."""
    cols = ["kind", "left", "right", "same", "comment"]
    if not path.is_file():
        return pd.DataFrame(columns=cols)
    lines = [ln for ln in path.read_text("utf-8").splitlines() if not ln.startswith("#")]
    df = pd.read_csv(io.StringIO("\n".join(lines)), dtype=str, keep_default_na=False)
    return df.reindex(columns=cols)


def _resolve(kind: str, units: list[str], candidates: Iterable[tuple[str, str, float, str]],
             overrides: pd.DataFrame) -> tuple[Clusters, list[dict[str, object]]]:
    """Clusters of `units` from the rule `candidates` (left, right, score, rule) and the
    overrides of this `kind`; returns the merges made, as links rows."""
    c = Clusters()
    for u in units:
        c.add(u)
    known = set(units)
    ov = overrides[overrides["kind"] == kind] if not overrides.empty else overrides
    links: list[dict[str, object]] = []
    for r in ov.itertuples():
        if r.left in known and r.right in known and str(r.same).strip() == "0":
            c.forbidden.add(frozenset((r.left, r.right)))
    for r in ov.itertuples():
        if r.left in known and r.right in known and str(r.same).strip() == "1" \
                and c.union(r.left, r.right):
            links.append(_link(kind, r.left, r.right, 100.0, "override"))
    for left, right, score, rule in sorted(candidates):
        if c.union(left, right):
            links.append(_link(kind, left, right, score, rule))
    return c, links


def _link(kind: str, left: str, right: str, score: float, rule: str) -> dict[str, object]:
    a, b = sorted((left, right))
    return {"kind": kind, "left": a, "right": b, "score": round(float(score), 1),
            "rule": rule}


def stable_id(prefix: str, members: list[str], first_seen: dict[str, date]) -> str:
    """Hash of the earliest member (first seen, then id): later mentions never renumber."""
    return prefix + "-" + hashlib.sha1(_earliest(members, first_seen).encode()).hexdigest()[:12]


def _earliest(members: list[str], first_seen: dict[str, date]) -> str:
    return min(members, key=lambda m: (first_seen.get(m) or _FAR, m))


def _former(prefix: str, members: list[str], own: str) -> str:
    ids = sorted({stable_id(prefix, [m], {}) for m in members} - {own})
    return json.dumps(ids, ensure_ascii=False)


def _as_date(v: object) -> date | None:
    if v is None or (isinstance(v, float) and v != v) or v is pd.NaT:
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    return v if isinstance(v, date) else None


def _dates(df: pd.DataFrame, documents: pd.DataFrame, own: str | None = None) -> list:
    """Each row's date: its own event date when given, else the document's published date
    (None when neither is known)."""
    pub = {} if documents.empty else {
        d: _as_date(p) for d, p in zip(documents["doc_id"], documents["published"],
                                       strict=True)}
    mine = [None] * len(df) if own is None else [_as_date(v) for v in df[own]]
    return [m or pub.get(d) for m, d in zip(mine, df["doc_id"], strict=True)]


def _first_seen(df: pd.DataFrame, unit: str) -> dict[str, date]:
    out: dict[str, date] = {}
    for u, d in zip(df[unit], df["date"], strict=True):
        if d is not None and (u not in out or d < out[u]):
            out[u] = d
    return out


def _json_list(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)), ensure_ascii=False)


# --- plants ------------------------------------------------------------------------------

# text -> `_key(text)`: the lemmatised forms the rules compare, kept between builds as a
# snapshot in the parse cache (`_remembered_keys`): a build lemmatises only the names,
# operators, products and organizations it has not seen (pymorphy3: ~0.15 s of an
# incremental build at 2,000 documents, and every unit of the corpus again on every build)
_KEYS: dict[str, str] = {}
_KEYS_SNAPSHOT = "registry_keys"
_keys_state: dict[str, object] = {"version": None, "saved": -1}


def _key(text: object) -> str:
    if not isinstance(text, str) or not text.strip():
        return ""
    key = _KEYS.get(text)
    if key is None:
        key = _KEYS[text] = normal_name(text.lower())
    return key


def _keys_version() -> str | None:
    """What `_key` is a function of: this module and pipeline/rules/morph.py, pymorphy3
    and its dictionaries (and Python's version)."""
    return snapshot.snapshot_key([Path(__file__), Path(morph.__file__)],
                                 ["pymorphy3", "pymorphy3-dicts-ru"])


@contextmanager
def _remembered_keys() -> Iterator[None]:
    """The keys of earlier builds loaded (once a process) before resolving, and the keys
    this build added written back after; without a snapshot folder (`snapshot.use_folder`,
    the tables step's parse cache) every key is computed, as before."""
    version = _keys_version()
    if version is not None and _keys_state["version"] != version:
        stored = snapshot.load_or_build(_KEYS_SNAPSHOT, version, dict,
                                        lambda obj: isinstance(obj, dict))
        _KEYS.update(stored)
        _keys_state.update(version=version, saved=len(_KEYS))
    yield
    if version is not None and len(_KEYS) != _keys_state["saved"]:
        snapshot.save(_KEYS_SNAPSHOT, version, dict(_KEYS))
        _keys_state["saved"] = len(_KEYS)


def _stem(product: object) -> str:
    return " ".join(_key(product).split()[:2])


_PROPER = re.compile(r"«([^»]{2,})»|\bим(?:ени|\.)\s*([А-ЯЁ][\w.\s]{1,40}?)(?:$|[,;»])")


def proper_name(name: object) -> str:
    """The facility's own name: «Тяжстанкогидропресс», «им. Баранова» (lower case), or ""."""
    if not isinstance(name, str):
        return ""
    m = _PROPER.search(name)
    if not m:
        return ""
    return re.sub(r"\s+", " ", (m.group(1) or m.group(2)).lower().replace("ё", "е")).strip()


def plant_candidates(units: pd.DataFrame) -> list[tuple[str, str, float, str]]:
    """Rule matches inside the blocks (see the module docstring)."""
    out = []
    rows = _records(units)
    named: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        if r["region_code"] and r["proper"]:
            named.setdefault((r["region_code"], r["proper"]), []).append(r)
    for _, members in sorted(named.items()):
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                out.append((a["plant_id"], b["plant_id"],
                            fuzz.token_sort_ratio(a["nkey"], b["nkey"]), "same_proper_name"))
    blocks: dict[tuple[str, ...], list[dict]] = {}
    for r in rows:
        if not r["region_code"]:
            continue  # no region: never merged by a rule
        key = ("P1", r["region_code"], r["op"]) if r["op"] else \
            ("P2", r["region_code"], r["stem"])
        if key[2]:
            blocks.setdefault(key, []).append(r)
    for key, members in sorted(blocks.items()):
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                score = fuzz.token_sort_ratio(a["nkey"], b["nkey"])
                if score >= NAME_THRESHOLD:
                    out.append((a["plant_id"], b["plant_id"], score, "name_similar"))
                elif key[0] == "P1" and a["stem"] and a["stem"] == b["stem"] \
                        and score >= PRODUCT_NAME_THRESHOLD and not a["docs"] & b["docs"]:
                    out.append((a["plant_id"], b["plant_id"], score, "same_product"))
    return out


def plant_units(plants: pd.DataFrame) -> pd.DataFrame:
    """One row per plant_id with the keys the rules compare."""
    first = plants.drop_duplicates("plant_id").copy()
    first["region_code"] = first["region_code"].fillna("")
    first["op"] = [_key(o) for o in first["operator"]]
    first["stem"] = [_stem(p) for p in first["product"]]
    first["nkey"] = [_key(n) for n in first["name"]]
    first["proper"] = [proper_name(n) for n in first["name"]]
    # the documents of each plant_id, in one pass (a pandas group per plant_id cost ~50 us)
    docs: dict[str, set[str]] = {}
    for p, d in zip(plants["plant_id"], plants["doc_id"], strict=True):
        docs.setdefault(p, set()).add(d)
    first["docs"] = [frozenset(docs[p]) for p in first["plant_id"]]
    return first.reset_index(drop=True)


def resolve_plants(plants: pd.DataFrame, documents: pd.DataFrame,
                   overrides: pd.DataFrame | None = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame, list[dict[str, object]]]:
    """(plant_registry, plant_status_history, links) from the plants fact table."""
    overrides = read_overrides() if overrides is None else overrides
    if plants.empty:
        return pd.DataFrame(), pd.DataFrame(), []
    df = plants.copy()
    df["date"] = pd.Series(_dates(df, documents, "event_date"), index=df.index, dtype=object)
    units = plant_units(df)
    clusters, links = _resolve("plant", list(units["plant_id"]), plant_candidates(units),
                               overrides)
    first_seen = _first_seen(df, "plant_id")
    fid: dict[str, str] = {}
    former: dict[str, str] = {}
    for members in clusters.members().values():
        i = stable_id("fac", members, first_seen)
        former[i] = _former("fac", members, i)
        for m in members:
            fid[m] = i
    df["facility_id"] = df["plant_id"].map(fid)
    hist = df.assign(_d=[d or _FAR for d in df["date"]]).sort_values(
        ["facility_id", "_d", "doc_id", "start"], kind="stable")
    # without the evidence when the caller read the plants without it (a stored build joins
    # it from the plants file: pipeline.table_parts.build_stored_tables)
    history = hist[[c for c in HISTORY_COLUMNS if c in hist.columns]]
    # one pass over plain rows: a pandas group per facility cost ~1 ms each
    # (benchmarks/scale.py); hist is sorted by facility, so each group is a run
    rows = [_facility_row(f, g, first_seen, former[f])
            for f, g in _runs(_iter_records(hist), "facility_id")]
    return pd.DataFrame(rows), history.reset_index(drop=True), links


def _runs(records: Iterable[dict], key: str) -> Iterator[tuple[object, list[dict]]]:
    """(key, rows) of each run of equal `key` in rows sorted by it."""
    for k, g in groupby(records, key=lambda r: r[key]):
        yield k, list(g)


def _known(v: object) -> bool:
    return v is not None and v is not pd.NaT and not (isinstance(v, float) and v != v)


def _facility_row(f: object, g: list[dict], first_seen: dict[str, date], former: str
                  ) -> dict[str, object]:
    """The registry row of one facility from its history rows (sorted by date)."""
    dated = [r for r in g if _known(r["date"])]
    last = (dated or g)[-1]
    earliest = _earliest(list(dict.fromkeys(r["plant_id"] for r in g)), first_seen)
    canon = next(r for r in g if r["plant_id"] == earliest)

    def col(name: str) -> list[object]:
        return [r[name] for r in g]

    return {
        "facility_id": f, "name": canon["name"],
        "product": _mode(col("product")), "operator": _mode(col("operator")),
        "region": _mode(col("region")), "region_code": _mode(col("region_code")),
        "latest_status": last["status"], "latest_status_date": last["date"],
        "first_seen": min(r["date"] for r in dated) if dated else None,
        "last_seen": max(r["date"] for r in dated) if dated else None,
        "n_documents": len(set(col("doc_id"))),
        "plant_ids": _json_list(col("plant_id")), "doc_ids": _json_list(col("doc_id")),
        "former_ids": former,
    }


def _mode(values: Iterable[object]) -> object:
    """The most frequent known value (ties: the first in sorted order)."""
    counts = Counter(v for v in values if _known(v))
    if not counts:
        return None
    top = max(counts.values())
    return sorted(v for v, c in counts.items() if c == top)[0]


def backwards_statuses(history: pd.DataFrame) -> pd.DataFrame:
    """Reports whose status is earlier in the life cycle than a previous report's
    (e.g. launched after closed): kept in the history, counted by a WARN check. Rows are
    compared in the history's order within each facility, facilities in sorted order; a
    status outside the life cycle is skipped. Vectorised: the loop over each facility's
    rows cost ~0.3 s of every build at 2,000 documents."""
    if history.empty:
        return history.iloc[0:0]
    rank = history["status"].map(STATUS_RANK).astype("float64")
    facility = history["facility_id"]
    # the highest rank reported before each row of its facility (-1: none yet)
    seen = rank.fillna(-1).groupby(facility, sort=False).cummax()
    before = seen.groupby(facility, sort=False).shift(1).fillna(-1)
    bad = history[(rank < before).to_numpy() & facility.notna().to_numpy()]
    return bad.sort_values("facility_id", kind="stable") if len(bad) > 1 else bad


# --- people ------------------------------------------------------------------------------

_PATRONYMIC = re.compile(r"(вич|вна|ична|оглы|кызы)$")


@dataclass(frozen=True)
class Name:
    surname: str
    first: str  # full first name, or "" when only an initial is given
    initial: str
    patronymic: str


def parse_name(full_name: str, surname: str) -> Name:
    """«А. Алиханов», «Антон Алиханов», «Алиханов Антон Андреевич» -> their parts."""
    sur = surname.lower().replace("ё", "е")
    words = [w for w in re.split(r"[\s.]+", full_name.lower().replace("ё", "е")) if w]
    words = [w for w in words if w != sur]
    first, initial, patronymic = "", "", ""
    for w in words:
        if len(w) == 1:
            if not initial:
                initial = w
            elif not patronymic:
                patronymic = w
        elif _PATRONYMIC.search(w) and (first or initial):
            patronymic = w
        elif not first:
            first, initial = w, w[0]
        else:
            patronymic = w
    return Name(sur, first, initial, patronymic)


def _compatible(a: str, b: str) -> bool:
    return not a or not b or a == b or (len(a) == 1 and b.startswith(a)) or \
        (len(b) == 1 and a.startswith(b))


def people_candidates(units: list[dict]) -> list[tuple[str, str, float, str]]:
    """Rule matches inside the surname + first-initial blocks (see the module docstring)."""
    blocks: dict[tuple[str, str], list[dict]] = {}
    bare: dict[str, list[dict]] = {}  # surname only («Путин»)
    for u in units:
        if u["name"].initial:
            blocks.setdefault((u["name"].surname, u["name"].initial), []).append(u)
        else:
            bare.setdefault(u["name"].surname, []).append(u)
    out = []
    for u in units:
        for b in bare.get(u["name"].surname, []):
            both_bare = not u["name"].initial
            if b is u or (both_bare and b["official_id"] > u["official_id"]):
                continue  # each bare pair once
            if u["posts"] & b["posts"]:
                out.append((b["official_id"], u["official_id"], 50.0, "surname_and_post"))
    for _, members in sorted(blocks.items()):
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                na, nb = a["name"], b["name"]
                if not _compatible(na.patronymic, nb.patronymic):
                    continue
                shared = (a["orgs"] & b["orgs"]) | (a["positions"] & b["positions"])
                if na.first and nb.first:
                    if na.first == nb.first:
                        out.append((a["official_id"], b["official_id"], 100.0,
                                    "same_first_name"))
                elif shared:
                    out.append((a["official_id"], b["official_id"],
                                float(fuzz.ratio(a["full_name"], b["full_name"])),
                                "initial_and_context"))
    return out


def _post_column(officials: pd.DataFrame) -> str:
    """Posts are compared and listed written out ("гендиректор" is "генеральный директор")."""
    return "position_full" if "position_full" in officials.columns else "position"


def people_units(officials: pd.DataFrame) -> list[dict]:
    """One unit per official_id with the keys the rules compare (plain rows, one pass)."""
    post = _post_column(officials)
    units = []
    # a run of rows a person at a time (sorted, each person's rows in their order): never a
    # dict for every row at once
    ordered = officials.sort_values("official_id", kind="stable")
    for oid, g in _runs(_iter_records(ordered), "official_id"):
        orgs = [r["organization"] for r in g]
        units.append({
            "official_id": oid, "full_name": g[0]["full_name"],
            "name": parse_name(g[0]["full_name"], g[0]["surname"]),
            "orgs": {_key(o) for o in orgs if _known(o)},
            "positions": {r[post] for r in g if _known(r[post])},
            "posts": {(r[post], _key(o)) for r, o in zip(g, orgs, strict=True)
                      if isinstance(o, str)},
        })
    return units


def resolve_people(officials: pd.DataFrame, documents: pd.DataFrame,
                   overrides: pd.DataFrame | None = None
                   ) -> tuple[pd.DataFrame, list[dict[str, object]]]:
    """(people, links) from the officials fact table."""
    overrides = read_overrides() if overrides is None else overrides
    if officials.empty:
        return pd.DataFrame(), []
    df = officials.copy()
    df["date"] = pd.Series(_dates(df, documents), index=df.index, dtype=object)
    units = people_units(df)
    clusters, links = _resolve("person", [u["official_id"] for u in units],
                               people_candidates(units), overrides)
    first_seen = _first_seen(df, "official_id")
    rows = []
    clustered = clusters.members()
    root = {m: r for r, members in clustered.items() for m in members}
    # one pass over plain rows, a person's run at a time (a filter, then a pandas group, per
    # person was quadratic, then ~1 ms a person: benchmarks/scale.py); the people table is
    # sorted by person_id when validated, so the order of the runs does not matter
    post = _post_column(df)
    df["_person"] = df["official_id"].map(root)
    for r, g in _runs(_iter_records(df.sort_values("_person", kind="stable")), "_person"):
        members = clustered[r]
        rows.append(_person_row(stable_id("per", members, first_seen), members, g, post))
    return pd.DataFrame(rows), links


def _person_row(pid: str, members: list[str], g: list[dict], post: str) -> dict[str, object]:
    """The people row of one person from the officials rows of its members."""
    # canonical name: the longest written form (most parts)
    canon = max({r["full_name"] for r in g}, key=lambda n: (len(n.split()), -len(n), n))
    posts: dict[tuple[str, str], list[date]] = {}
    for r in g:
        org = r["organization"] if _known(r["organization"]) else ""
        posts.setdefault((r[post], org), []).extend([r["date"]] if _known(r["date"]) else [])
    held = [{"position": pos, "organization": org or None,
             "first_seen": min(ds).isoformat() if ds else None,
             "last_seen": max(ds).isoformat() if ds else None}
            for (pos, org), ds in sorted(posts.items())]
    docs = [r["doc_id"] for r in g]
    return {
        "person_id": pid, "full_name": canon, "surname": _mode(r["surname"] for r in g),
        "posts": json.dumps(held, ensure_ascii=False),
        "official_ids": _json_list(members), "doc_ids": _json_list(docs),
        "n_documents": len(set(docs)),
        "former_ids": _former("per", members, pid),
    }


def registry_frames(frames: dict[str, pd.DataFrame], overrides: pd.DataFrame | None = None
                    ) -> dict[str, pd.DataFrame]:
    """The four registry tables from the validated fact tables (unvalidated frames)."""
    overrides = read_overrides() if overrides is None else overrides
    with _remembered_keys():
        registry, history, plant_links = resolve_plants(frames["plants"], frames["documents"],
                                                        overrides)
        people, person_links = resolve_people(frames["officials"], frames["documents"],
                                              overrides)
    return {"plant_registry": registry, "plant_status_history": history, "people": people,
            "links": pd.DataFrame(plant_links + person_links)}
