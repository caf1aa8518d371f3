"""What the NLP gives the rules: tokens, sentences and named entities with offsets.

Light records with no reference to natasha objects (`pipeline.runtime.nlp` makes them), so
they can be pickled between processes and built by hand in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    # the page's headline, which `sentences` leave out as furniture (rules/furniture.py)
    headline: list[Sentence] = field(default_factory=list)

    @property
    def spans(self) -> list[Span]:
        return [s for sent in self.sentences for s in sent.spans]
