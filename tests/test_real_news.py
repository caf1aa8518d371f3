"""The real-news development corpus (tests/fixtures/real_news/): quoted excerpts of public
pages with their URL, a gold per article, and a frozen test part chosen by a rule on the URL
alone. These tests check the corpus is what its README says; the scores are the
evaluation's (`python -m pipeline.evaluation.corpus --all`)."""

from __future__ import annotations

import csv
import hashlib
import json
from urllib.parse import parse_qsl, urlsplit

import pytest

from pipeline.evaluation import corpus
from pipeline.schemas import CURRENCIES, QUALIFIERS, STATUSES
from tests.probe import REPO

FOLDER = REPO / "tests" / "fixtures" / "real_news"
DOCS = sorted(p.stem for p in FOLDER.glob("*.txt"))
REGIONS = {r["code"]: r["name"] for r in csv.DictReader(
    (REPO / "pipeline" / "data" / "regions.csv").open(encoding="utf-8"))}


def _meta(doc_id: str) -> dict:
    return json.loads((FOLDER / f"{doc_id}.meta.json").read_text("utf-8"))


def test_the_corpus_is_large_and_wide_enough() -> None:
    subjects = {s for d in DOCS for s in _meta(d)["subjects"]}
    statuses = {p["status"] for d in DOCS for p in corpus.load_gold(FOLDER)[d]["plants"]}
    assert len(DOCS) >= 150
    assert len(subjects) >= 40
    assert set(STATUSES) - {"unknown"} <= statuses


def test_no_page_is_in_the_corpus_twice() -> None:
    """The same page under two URLs (r15_030 was r2_041 with '?page=1'): the ingest keeps
    one of the two texts, so the other document's gold would score nothing, and a batch
    left out would change another batch's figures."""
    seen: dict[str, str] = {}
    for d in DOCS:
        sha = _meta(d)["sha256"]
        assert sha not in seen, f"{d} is the same text as {seen[sha]}"
        seen[sha] = d
    bases: dict[tuple[str, ...], str] = {}
    for d in DOCS:
        # the same page: the URL without its fragment, a trailing slash, and the paging and
        # tracking parameters (an id parameter names another page and stays)
        u = urlsplit(_meta(d)["url"])
        query = tuple(sorted((k, v) for k, v in parse_qsl(u.query)
                             if k != "page" and not k.startswith("utm_")))
        base = (u.netloc.lower().removeprefix("www."), u.path.rstrip("/"), *map("=".join, query))
        assert base not in bases, f"{d} is the page of {bases[base]}"
        bases[base] = d


@pytest.mark.parametrize("doc_id", DOCS)
def test_each_excerpt_is_quoted_with_its_source(doc_id: str) -> None:
    meta = _meta(doc_id)
    assert meta["quoted_excerpt"] is True and meta["url"].startswith("http")
    assert meta["found_by"]
    text = (FOLDER / f"{doc_id}.txt").read_text("utf-8")
    first, _, rest = text.partition("\n")
    body = rest if first.strip().startswith("date ") else text
    assert hashlib.sha256(body.encode("utf-8")).hexdigest() == meta["sha256"]
    assert set(meta["subjects"]) <= set(REGIONS)


@pytest.mark.parametrize("doc_id", DOCS)
def test_each_gold_uses_the_contract_vocabularies(doc_id: str) -> None:
    gold = json.loads((FOLDER / f"{doc_id}.gold.json").read_text("utf-8"))
    assert gold["quoted_excerpt"] is True
    optional = gold.get("optional", {})
    # the optional rows (rows either reading accepts) are held to the same vocabularies
    assert set(optional) <= {"plants", "investments", "officials"}
    for p in gold["plants"] + optional.get("plants", []):
        assert p["status"] in STATUSES and p["name"]
        assert p.get("region_code") is None or REGIONS[p["region_code"]] == p["region"]
    for i in gold["investments"] + optional.get("investments", []):
        assert i["amount"] > 0 and i["currency"] in CURRENCIES
        assert i["qualifier"] in QUALIFIERS
    for o in gold["officials"] + optional.get("officials", []):
        # nominative, opening in lower case; names inside it keep their capitals
        # ("посол Швеции в России")
        assert o["surname"] and o["position"][:1].islower()


def test_the_frozen_test_part_follows_the_url_rule_and_is_large_enough() -> None:
    parts = {d: corpus.doc_part(FOLDER, d) for d in DOCS}
    for d, part in parts.items():
        url = _meta(d)["url"]
        expected = "test" if int(hashlib.sha256(url.encode()).hexdigest()[:8], 16) % 3 == 0 \
            else "dev"
        assert part == expected
    assert sum(p == "test" for p in parts.values()) >= 50
    assert set(corpus.load_gold(FOLDER, "test")) | set(corpus.load_gold(FOLDER, "dev")) == \
        set(DOCS)


def test_quoted_pages_never_reach_the_published_data() -> None:
    """Excerpts of real pages are for evaluation: not in seeds/, not in datasets/."""
    import pandas as pd

    seeds = {p.read_text("utf-8", errors="replace") for p in (REPO / "seeds").glob("*")}
    for d in DOCS:
        assert (FOLDER / f"{d}.txt").read_text("utf-8") not in seeds
    published = set(pd.read_parquet(REPO / "datasets" / "documents.parquet")["doc_id"])
    assert not published & set(DOCS)
    assert "QUOTED" in (FOLDER / "README.md").read_text("utf-8").upper()
