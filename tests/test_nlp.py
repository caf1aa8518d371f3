"""The natasha wrapper (pipeline/runtime/nlp.py): batched analysis must give exactly what
natasha's own per-document pipeline gives. No timings asserted (see benchmarks/)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.runtime import batch
from pipeline.runtime.nlp import AnalyzedText, _batches, analyze, get_analyzer, org_head_normal
from pipeline.types import RawDocument

FIXTURES = Path(__file__).parent / "fixtures"


def _fixture_texts(n: int = 40) -> list[str]:
    """Articles written for the tests (tests/fixtures), header line dropped."""
    out = []
    for p in sorted((FIXTURES / "corpus").glob("*.txt"))[:n]:
        text = p.read_text("utf-8")
        if text.startswith("date "):
            text = text.split("\n", 1)[1]
        out.append(text.strip())
    return out


def _natasha_reference(text: str) -> tuple[list, list]:
    """natasha's documented pipeline, one document at a time (the behaviour to keep), with
    the one planned difference: an organisation's normal form inflects only its head group
    (org_head_normal)."""
    from natasha import Doc

    a = get_analyzer()
    doc = Doc(text)
    doc.segment(a.segmenter)
    doc.tag_morph(a.morph_tagger)
    doc.tag_ner(a.ner_tagger)
    for sp in doc.spans:
        sp.normalize(a.morph_vocab)
        if sp.type == "ORG" and (head := org_head_normal(a.morph_vocab, sp.tokens)):
            sp.normal = head
    tokens = [(t.start, t.stop, t.pos or "X", dict(t.feats or {})) for t in doc.tokens]
    spans = [(sp.start, sp.stop, sp.type, sp.normal or sp.text) for sp in doc.spans]
    return tokens, spans


def _ours(analyzed: AnalyzedText) -> tuple[list, list]:
    tokens = [(t.start, t.end, t.pos, t.feats) for s in analyzed.sentences for t in s.tokens]
    spans = [(sp.start, sp.end, sp.type, sp.normal) for sp in analyzed.spans]
    return tokens, spans


def test_batched_analysis_equals_natashas_own_pipeline() -> None:
    texts = _fixture_texts()
    reference = [_natasha_reference(t) for t in texts]
    analyzed = get_analyzer().analyze_many(texts)
    assert len(analyzed) == len(texts)
    for text, ref, got in zip(texts, reference, analyzed, strict=True):
        assert got.text == text
        assert _ours(got) == ref


def test_analyze_many_equals_one_by_one() -> None:
    texts = _fixture_texts(12)
    a = get_analyzer()
    together = a.analyze_many(texts)
    alone = [a.analyze(t) for t in texts]
    assert [_ours(x) for x in together] == [_ours(x) for x in alone]


@pytest.mark.parametrize("odd", ["", "   \n\n  ", "!!!", "Завод."])
def test_empty_and_tiny_texts_inside_a_batch(odd: str) -> None:
    texts = ["Губернатор Тульской области Алексей Дюмин открыл завод.", odd,
             "В Липецке построят цех."]
    out = get_analyzer().analyze_many(texts)
    assert [o.text for o in out] == texts
    assert out[0].spans and out[2].sentences
    assert _ours(out[1]) == _natasha_reference(odd)


def test_a_document_longer_than_the_batch_budget() -> None:
    # written for the tests: ~2,600 tokens, more than one batch holds
    long = " ".join(["Министр промышленности Иван Петров открыл завод в Туле."] * 260)
    out = get_analyzer().analyze_many([long, "Завод открыт."])
    assert _ours(out[0]) == _natasha_reference(long)
    assert len(out[0].sentences) == 260


def test_batches_cover_every_index_once_and_respect_the_budget() -> None:
    lengths = [5, 300, 40, 40, 1, 2000, 0, 17, 17, 17]
    groups = list(_batches(lengths, budget=100))
    flat = sorted(i for g in groups for i in g)
    assert flat == list(range(len(lengths)))
    for g in groups:
        longest = max(lengths[i] for i in g)
        assert len(g) == 1 or len(g) * longest <= 100
    assert [5] in groups and [1] in groups  # items over the budget go alone


def test_a_batch_failure_falls_back_to_one_document_at_a_time(monkeypatch) -> None:
    docs = [RawDocument(doc_id=f"d{i}", text=t, source=f"d{i}.txt", sha256="0" * 64)
            for i, t in enumerate(_fixture_texts(3))]
    expected = batch.parse_chunk(docs)

    def boom(self, texts):
        raise RuntimeError("batch broke")

    monkeypatch.setattr(type(get_analyzer()), "analyze_many", boom)
    assert batch.parse_chunk(docs) == expected


@pytest.fixture
def counted_builds(tmp_path, monkeypatch) -> Iterator[list[int]]:
    """A fresh snapshot folder, and a count of how often the embedding is really read."""
    import natasha

    from pipeline.runtime import snapshot

    snapshot.use_folder(tmp_path)
    builds: list[int] = []
    real = natasha.NewsEmbedding

    def counting(*a, **k):
        builds.append(1)
        return real(*a, **k)

    monkeypatch.setattr(natasha, "NewsEmbedding", counting)
    yield builds
    snapshot.use_folder(None)


def test_tagger_snapshot_is_reused_and_analyses_the_same(tmp_path, counted_builds) -> None:
    from pipeline.runtime.nlp import Analyzer

    built = Analyzer()
    assert len(counted_builds) == 1
    assert len(list((tmp_path / "natasha").glob("*.pickle"))) == 1
    loaded = Analyzer()
    assert len(counted_builds) == 1  # the second process-like load read the snapshot
    texts = _fixture_texts(12)
    assert loaded.analyze_many(texts) == built.analyze_many(texts)


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\x80\x05K\x01."])
def test_a_damaged_tagger_snapshot_is_rebuilt(tmp_path, counted_builds, damage) -> None:
    from pipeline.runtime.nlp import Analyzer

    Analyzer()
    (snap,) = (tmp_path / "natasha").glob("*.pickle")
    snap.write_bytes(damage)  # empty, not a pickle, a pickle of something else
    again = Analyzer()
    assert len(counted_builds) == 2
    assert snap.stat().st_size > 1_000_000  # rewritten whole
    assert [s.type for s in again.analyze("Министр Иван Петров посетил Тулу.").spans] == \
        ["PER", "LOC"]


# Sentences written for the tests: an organisation in an oblique case, its normal form.
ORG_NORMALS = [
    # a genitive complement after the head keeps its form (natasha alone, with no syntax
    # tree, gave "Ассоциация производители молоко")
    ("Сотрудники Ассоциации производителей молока выступили.",
     "Ассоциация производителей молока"),
    ("Директор Омского завода резки металлов выступил.", "Омский завод резки металлов"),
    ("Мы обратились в Министерство промышленности и торговли.",
     "Министерство промышленности и торговли"),
    # an abbreviation after the head is no word to inflect ("им." is not "имя")
    ("Руководство СПК им. В. Петрова построит цех.", "СПК им. В. Петрова"),
    # place adjectives the tagger reads as proper nouns agree with the head (pymorphy)
    ("Датой основания Лысьвенской чулочно-перчаточной фабрики считается 1942 год.",
     "Лысьвенская чулочно-перчаточная фабрика"),
    # a one-word name in an oblique case
    ("Об этом сообщили в Уралвагонзаводе.", "Уралвагонзавод"),
]


@pytest.mark.parametrize(("text", "normal"), ORG_NORMALS)
def test_an_organisations_head_group_is_inflected_and_its_complement_kept(
        text: str, normal: str) -> None:
    orgs = [sp.normal for s in analyze(text).sentences for sp in s.spans if sp.type == "ORG"]
    assert normal in orgs
