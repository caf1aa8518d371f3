"""natasha wrapped once per process.

Loading the embeddings and taggers costs ~2 s and ~200 MB, so every worker process keeps one
`Analyzer`; documents are analysed into light records (`Token`, `Sentence`, `Span`) that
carry no reference to natasha objects, so they can be pickled between processes.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from functools import lru_cache

# natasha's numpy code is fastest with a single BLAS thread per process; with the default
# thread count it slows down several-fold as soon as another process competes for the cores.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

_MEMO_SIZE = 200_000  # entries per memo (a few tens of MB at most)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    pos: str
    lemma: str
    feats: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")


@dataclass(frozen=True)
class Span:
    """A named entity: PER, ORG or LOC, with its nominative normal form."""

    start: int
    end: int
    type: str
    text: str
    normal: str
    first: str | None = None  # person name parts from natasha's NamesExtractor
    middle: str | None = None
    last: str | None = None


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token]
    spans: list[Span]


@dataclass
class AnalyzedText:
    text: str
    sentences: list[Sentence]

    @property
    def spans(self) -> list[Span]:
        return [s for sent in self.sentences for s in sent.spans]


class Analyzer:
    """Segmenter + morphology + NER + normalisation, all models from the pip packages."""

    def __init__(self) -> None:
        from natasha import (
            MorphVocab,
            NamesExtractor,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            Segmenter,
        )

        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        emb = NewsEmbedding()
        self.morph_tagger = NewsMorphTagger(emb)
        self.ner_tagger = NewsNERTagger(emb)
        self.names = NamesExtractor(self.morph_vocab)
        # Lemmas and name parts are pure functions of (word, pos, feats) and of the span's
        # normal form; news repeats both (names, officials' posts), so memoising them cuts
        # ~15 % of the analysis time at no cost in output. Bounded, per process.
        self._lemmas: dict[tuple, str] = {}
        self._names: dict[str, tuple[str | None, str | None, str | None]] = {}

    def _lemma(self, word: str, pos: str | None, feats: dict[str, str] | None) -> str:
        key = (word, pos, tuple(sorted(feats.items())) if feats else ())
        lemma = self._lemmas.get(key)
        if lemma is None:
            lemma = self.morph_vocab.lemmatize(word, pos, feats or {})
            if len(self._lemmas) >= _MEMO_SIZE:
                self._lemmas.clear()
            self._lemmas[key] = lemma
        return lemma

    def _name_parts(self, normal: str) -> tuple[str | None, str | None, str | None]:
        parts = self._names.get(normal)
        if parts is None:
            match = self.names.find(normal)
            d = {k: v for k, v in match.fact.slots} if match else {}
            parts = (d.get("first"), d.get("middle"), d.get("last"))
            if len(self._names) >= _MEMO_SIZE:
                self._names.clear()
            self._names[normal] = parts
        return parts

    def analyze(self, text: str) -> AnalyzedText:
        from natasha import Doc

        doc = Doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        doc.tag_ner(self.ner_tagger)
        for tok in doc.tokens:
            tok.lemma = self._lemma(tok.text, tok.pos, tok.feats)
        spans: list[Span] = []
        for sp in doc.spans:
            sp.normalize(self.morph_vocab)
            first = middle = last = None
            if sp.type == "PER" and sp.normal:
                first, middle, last = self._name_parts(sp.normal)
            spans.append(
                Span(sp.start, sp.stop, sp.type, sp.text, sp.normal or sp.text, first, middle, last)
            )
        sentences: list[Sentence] = []
        k = 0
        for s in doc.sents:
            toks = [
                Token(t.start, t.stop, t.text, t.pos or "X", (t.lemma or t.text).lower(),
                      dict(t.feats or {}))
                for t in s.tokens
            ]
            sent_spans = []
            while k < len(spans) and spans[k].start < s.stop:
                if spans[k].start >= s.start:
                    sent_spans.append(spans[k])
                k += 1
            sentences.append(Sentence(s.start, s.stop, s.text, toks, sent_spans))
        return AnalyzedText(text, sentences)


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _analyzer() -> Analyzer:
    return Analyzer()


def get_analyzer() -> Analyzer:
    """The process-wide analyzer, created on first use."""
    with _lock:
        return _analyzer()


def analyze(text: str) -> AnalyzedText:
    return get_analyzer().analyze(text)
