"""One document in, every entity and fact out: the unit of parsing and of caching.

The result is a list of flat records (one per entity mention or fact) so it can be stored
as one Parquet table (`parsed_entities`), inspected by a user, cached per document by
content hash, and turned into the published tables without running the NLP again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import Any

from pipeline.rules.context import build_context
from pipeline.rules.dates import find_dates, find_periods
from pipeline.rules.dedup import dedupe_facts
from pipeline.rules.gazetteer import find_regions
from pipeline.rules.glued import GluedView, split_glued
from pipeline.rules.investments import find_investments
from pipeline.rules.money import carry_currency, find_money
from pipeline.rules.numbers import find_numbers
from pipeline.rules.officials import find_officials
from pipeline.rules.plants import find_plants
from pipeline.rules.spellings import apposition_names, document_spelling
from pipeline.runtime.nlp import AnalyzedText, Analyzer, get_analyzer
from pipeline.types import RawDocument
from pipeline.versioning import source_version

# The manual part is bumped for changes outside these sources (e.g. a new natasha release);
# the digest follows every edit of the rules, the NLP wrapper, this module and the data, so
# cached parses of older code are never served and Dagster marks downstream assets stale.
EXTRACTOR_VERSION = source_version("rules", "runtime/nlp.py", "runtime/document.py", "types.py",
                                   "data", base="2")



def extractor_version(aliases: Path | None = None) -> str:
    """The parse cache's version: the extractor's, and the bytes of a region aliases file
    other than the package's (its regions change what is extracted)."""
    if aliases is None:
        return EXTRACTOR_VERSION
    return f"{EXTRACTOR_VERSION}.{hashlib.sha256(Path(aliases).read_bytes()).hexdigest()[:8]}"


ENTITY_KINDS = ("PER", "ORG", "LOC", "MONEY", "DATE", "PERIOD", "NUMBER", "REGION")
FACT_KINDS = ("official", "plant", "investment")

RECORD_COLUMNS = ["doc_id", "kind", "sentence", "start", "end", "text", "normal", "attrs"]


def _json_default(o: Any) -> Any:
    if isinstance(o, date):
        return o.isoformat()
    raise TypeError(type(o))


# what json.dumps(ensure_ascii=False, sort_keys=True, default=_json_default) builds for
# every call, built once (the same text: dumps encodes with a new encoder of these options)
_ATTRS_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_json_default)


def _record(doc_id: str, kind: str, sentence: int, start: int, end: int, text: str,
            normal: str | None, attrs: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "kind": kind, "sentence": sentence, "start": start, "end": end,
        "text": text, "normal": normal,
        "attrs": _ATTRS_ENCODER.encode(attrs or {}),
    }


def _sentence_index(analyzed: AnalyzedText, pos: int) -> int:
    for i, s in enumerate(analyzed.sentences):
        if s.start <= pos < s.end:
            return i
    return -1


def _one_spelling(attrs: dict[str, Any], key: str, names: set[str]) -> dict[str, Any]:
    """A company an article writes in an oblique case ("«Молкома»") takes the nominative
    the article writes after a legal form ("АО «Молком»"): spellings.document_spelling."""
    if names and attrs.get(key):
        attrs[key] = document_spelling(attrs[key], names)
    return attrs


def nlp_view(text: str, analyzer: Analyzer | None = None) -> GluedView:
    """The text the NLP and the rules read: the document with the words page extraction
    glued together split ("натрех" -> "на трех", rules/glued.py)."""
    return split_glued(text, (analyzer or get_analyzer()).in_vocab)


def extract_document(doc: RawDocument, analyzer: Analyzer | None = None,
                     analyzed: AnalyzedText | None = None) -> list[dict[str, Any]]:
    """The document's entity and fact records; `analyzed` is its NLP when the caller has
    already analysed it together with other documents (see `Analyzer.analyze_many`): of
    `nlp_view(doc.text).text`, or of `doc.text` itself to read the text unrepaired.

    The rules read the view; offsets, quoted text and evidence are mapped back to the
    document's text, so they quote the page as it was."""
    if analyzed is not None and analyzed.text == doc.text:
        view = GluedView(doc.text)
    else:
        view = nlp_view(doc.text, analyzer)
        if analyzed is None or analyzed.text != view.text:
            analyzed = (analyzer or get_analyzer()).analyze(view.text)
    if not view.inserted:
        return _extract(doc, analyzed)
    return _to_document(_extract(replace(doc, text=view.text), analyzed), view, doc.text)


def _extract(doc: RawDocument, analyzed: AnalyzedText) -> list[dict[str, Any]]:
    ctx = build_context(analyzed, doc.published)
    text = doc.text
    did = doc.doc_id
    recs: list[dict[str, Any]] = []
    for i, sent in enumerate(analyzed.sentences):
        for sp in sent.spans:
            attrs = {"first": sp.first, "middle": sp.middle, "last": sp.last} \
                if sp.type == "PER" else {}
            recs.append(_record(did, sp.type, i, sp.start, sp.end, sp.text, sp.normal, attrs))
    for m in carry_currency(find_money(text)):
        recs.append(_record(did, "MONEY", _sentence_index(analyzed, m.start), m.start, m.end,
                            m.text, None, asdict(m)))
    for d in find_dates(text, doc.published):
        recs.append(_record(did, "DATE", _sentence_index(analyzed, d.start), d.start, d.end,
                            d.text, d.value.isoformat(), {"precision": d.precision}))
    for p in find_periods(text, doc.published):
        recs.append(_record(did, "PERIOD", _sentence_index(analyzed, p.start), p.start, p.end,
                            p.text, None, {"start_year": p.start_year, "end_year": p.end_year}))
    for n in find_numbers(text):
        recs.append(_record(did, "NUMBER", _sentence_index(analyzed, n.start), n.start, n.end,
                            n.text, None, {"value": n.value}))
    for r in find_regions(text):
        recs.append(_record(did, "REGION", _sentence_index(analyzed, r.start), r.start, r.end,
                            r.text, r.region.name, {"code": r.region.code, "via": r.via}))

    names = apposition_names(text)
    region_name = ctx.region.name if ctx.region else None
    for o in find_officials(analyzed, region_name, ctx.company):
        attrs = _one_spelling({k: v for k, v in asdict(o).items() if k not in ("start", "end")},
                              "organization", names)
        recs.append(_record(did, "official", _sentence_index(analyzed, o.start), o.start, o.end,
                            text[o.start:o.end], o.full_name, attrs))
    plants = find_plants(analyzed, ctx)
    for p in plants:
        attrs = _one_spelling({k: v for k, v in asdict(p).items()
                               if k not in ("start", "end", "region", "story_operator")},
                              "operator", names)
        attrs["region"] = p.region.name if p.region else None
        attrs["region_code"] = p.region.code if p.region else None
        recs.append(_record(did, "plant", _sentence_index(analyzed, p.start), p.start, p.end,
                            text[p.start:p.end], p.name, attrs))
    for inv in find_investments(analyzed, ctx, plants=plants):
        attrs = _one_spelling({k: v for k, v in asdict(inv).items()
                               if k not in ("start", "end", "region")}, "investor", names)
        attrs["region"] = inv.region.name if inv.region else None
        attrs["region_code"] = inv.region.code if inv.region else None
        recs.append(_record(did, "investment", _sentence_index(analyzed, inv.start), inv.start,
                            inv.end, text[inv.start:inv.end], None, attrs))
    # a fact the article states twice (a repeated headline, a restated sum) is one record
    recs = dedupe_facts(recs)
    recs.sort(key=lambda r: (r["start"], r["end"], r["kind"]))
    return recs


def _to_document(recs: list[dict[str, Any]], view: GluedView, text: str
                 ) -> list[dict[str, Any]]:
    """Records read from the NLP view with offsets, quoted text and evidence in `text`."""
    for r in recs:
        vstart, vend = r["start"], r["end"]
        r["start"], r["end"] = view.original(vstart), view.original(vend)
        r["text"] = text[r["start"]:r["end"]]
        attrs = json.loads(r["attrs"])
        for key in ("start", "end"):
            if isinstance(attrs.get(key), int):
                attrs[key] = view.original(attrs[key])
        if isinstance(attrs.get("text"), str) and "start" in attrs:
            attrs["text"] = text[attrs["start"]:attrs["end"]]
        if isinstance(attrs.get("part_of"), list):
            attrs["part_of"] = [view.original(p) for p in attrs["part_of"]]
        ev = attrs.get("evidence")
        if isinstance(ev, str) and ev:
            at = view.text.find(ev, max(0, vend - len(ev)))
            if 0 <= at <= vstart:
                attrs["evidence"] = text[view.original(at):view.original(at + len(ev))]
        r["attrs"] = json.dumps(attrs, ensure_ascii=False, sort_keys=True)
    return recs
