"""natasha wrapped once per process.

Loading the embeddings and taggers is slow and large (benchmarks/README.md), so every
worker process keeps one `Analyzer`; documents are analysed into light
records (`Token`, `Sentence`, `Span`) that carry no reference to natasha objects, so they
can be pickled between processes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache

from threadpoolctl import threadpool_limits

from pipeline.rules.furniture import body_and_headline
from pipeline.rules.text import AnalyzedText, Sentence, Span, Token
from pipeline.runtime.snapshot import load_or_build, snapshot_key

# every input of the tagger snapshot: the models ship inside these packages
_MODEL_PACKAGES = ("natasha", "slovnet", "navec", "numpy")
_MEMO_SIZE = 200_000  # entries per memo (a few tens of MB at most)
_TOKEN_BUDGET = 1024  # tokens per morphology batch, see _batches
_NER_TOKEN_BUDGET = 2048  # NER decodes (CRF) step by step: wider batches pay off longer


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

        def build() -> tuple[NewsMorphTagger, NewsNERTagger]:
            emb = NewsEmbedding()
            return NewsMorphTagger(emb), NewsNERTagger(emb)

        def valid(obj: object) -> bool:
            return (isinstance(obj, tuple) and len(obj) == 2
                    and isinstance(obj[0], NewsMorphTagger)
                    and isinstance(obj[1], NewsNERTagger))

        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        # reading the taggers (and the embedding they share) from the packages' archives in
        # every process that parses is slow; their snapshot is a fraction of it
        self.morph_tagger, self.ner_tagger = load_or_build(
            "natasha", snapshot_key(packages=_MODEL_PACKAGES), build, valid)
        self.names = NamesExtractor(self.morph_vocab)
        # Lemmas and name parts are pure functions of (word, pos, feats) and of the span's
        # normal form; news repeats both (names, officials' posts), so memoising them cuts
        # ~15 % of the analysis time at no cost in output. Bounded, per process.
        self._lemmas: dict[tuple, str] = {}
        self._names: dict[str, tuple[str | None, str | None, str | None]] = {}
        # word -> (vocabulary id, shape id) per tagger, and morphology tag -> (pos, feats)
        self._morph_ids: dict[str, tuple[int, int]] = {}
        self._ner_ids: dict[str, tuple[int, int]] = {}
        self._tags: dict[str, tuple[str, dict[str, str]]] = {}

    def in_vocab(self, word: str) -> bool:
        """Whether the taggers' vocabulary (navec's 250,000 words of news, lower case) has
        `word`: a word news writes is no glued pair ("соинвестора", rules/glued.py)."""
        return word in self.morph_tagger.infer.encoder.words_vocab.item_ids

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
        return self._analyze([text])[0]

    def analyze_many(self, texts: Sequence[str]) -> list[AnalyzedText]:
        """Analyse several texts at once: the taggers see length-sorted batches of about
        `_TOKEN_BUDGET` tokens across all of them instead of natasha's 8 sentences of one
        document (morphology) and one whole document (NER), which costs ~35 % less CPU for
        the same tags (the models mask padding, so batching does not change them)."""
        return self._analyze(texts)

    def _analyze(self, texts: Sequence[str]) -> list[AnalyzedText]:
        from natasha import Doc

        docs = [Doc(t) for t in texts]
        for doc in docs:
            doc.segment(self.segmenter)
        self._tag_morph(docs)
        self._tag_ner(docs)
        return [self._analyzed(doc) for doc in docs]

    def _tag_morph(self, docs: list) -> None:
        from slovnet.conll import parse_conll_tag

        sents = [s for doc in docs for s in doc.sents]
        words = [[t.text for t in s.tokens] for s in sents]
        infer = self.morph_tagger.infer
        for batch in _batches([len(w) for w in words]):
            inputs = self._encode(infer.encoder, self._morph_ids, [words[i] for i in batch])
            for i, tags in zip(batch, infer.decoder(infer.process([inputs])), strict=True):
                for token, tag in zip(sents[i].tokens, tags, strict=True):
                    parsed = self._tags.get(tag)
                    if parsed is None:
                        parsed = self._tags[tag] = parse_conll_tag(tag)
                    token.pos, token.feats = parsed[0], dict(parsed[1])

    @staticmethod
    def _encode(encoder, memo: dict[str, tuple[int, int]], batch: list[list[str]]):  # noqa: ANN001, ANN205 (slovnet objects)
        """slovnet's input for one batch, with each word's (vocabulary id, shape id)
        memoised: news repeats its words, and the shape is computed in Python."""
        from slovnet.shape import word_shape

        words_vocab, shapes_vocab = encoder.words_vocab, encoder.shapes_vocab
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        items = []
        for words in batch:
            word_ids, shape_ids = [], []
            for w in words:
                ids = memo.get(w)
                if ids is None:
                    ids = memo[w] = (words_vocab.encode(w.lower()),
                                     shapes_vocab.encode(word_shape(w)))
                word_ids.append(ids[0])
                shape_ids.append(ids[1])
            items.append((word_ids, shape_ids))
        return encoder.input(items)

    def _tag_ner(self, docs: list) -> None:
        """natasha's NER on the segmenter's tokens (natasha would tokenise each text a
        second time), whole documents per sequence as natasha does."""
        from natasha.doc import DocSpan
        from slovnet.bio import bio_spans

        words = [[t.text for t in doc.tokens] if doc.text.strip() else [] for doc in docs]
        for doc in docs:
            doc.spans = []
        infer = self.ner_tagger.infer
        todo = [i for i, w in enumerate(words) if w]
        for batch in _batches([len(words[i]) for i in todo], _NER_TOKEN_BUDGET):
            idx = [todo[j] for j in batch]
            inputs = self._encode(infer.encoder, self._ner_ids, [words[i] for i in idx])
            preds = infer.decoder(infer.process([inputs]))
            for i, tags in zip(idx, preds, strict=True):
                doc = docs[i]
                doc.spans = [DocSpan(s.start, s.stop, s.type, doc.text[s.start:s.stop])
                             for s in bio_spans(doc.tokens, tags)]
        for doc in docs:
            doc.envelop_span_tokens()
            doc.envelop_sent_spans()

    def _analyzed(self, doc) -> AnalyzedText:  # noqa: ANN001 (a natasha Doc)
        for tok in doc.tokens:
            tok.lemma = self._lemma(tok.text, tok.pos, tok.feats)
        spans: list[Span] = []
        for sp in doc.spans:
            if sp.type == "ORG" and (head := org_head_normal(self.morph_vocab, sp.tokens)):
                sp.normal = head
            else:
                sp.normalize(self.morph_vocab)
            if sp.type == "PER" and sp.normal:
                sp.normal = surname_nominative(sp.text, sp.normal)
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
        return AnalyzedText(doc.text, *body_and_headline(doc.text, sentences))


def _head_group(tokens: Sequence) -> int | None:
    """How many tokens an organisation name's head group spans: the adjectives before its
    first noun and that noun ("Новосибирского завода" of "Новосибирского завода резки
    металлов"); None when the span has no noun. pymorphy decides what is an adjective: the
    tagger reads a place adjective as a proper noun ("Лысьвенской чулочно-перчаточной
    фабрики", real news dev r5_014)."""
    from pipeline.rules.morph import morph

    for k, tok in enumerate(tokens):
        if tok.pos == "PUNCT":
            continue
        best = morph().parse(tok.text)[0].tag.POS
        if best not in ("ADJF", "PRTF"):
            return k + 1 if tok.pos in ("NOUN", "PROPN") or best == "NOUN" else None
    return None


# a surname in -ов/-ев/-ин in the instrumental, and the adjective the tagger makes of it
# ("Игорем Щёголевым" -> "Щеголевый", a fresh real page of session 19, r19_021)
_SURNAME_INSTRUMENTAL = ("овым", "евым", "ёвым", "иным", "ыным")
_ADJECTIVE_NORMAL = ("овый", "евый", "овой", "евой", "иный", "ыный")  # е for ё


def surname_nominative(text: str, normal: str) -> str:
    """A person's normal form with each word the tagger turned into an adjective put back as
    the surname it is: "Щёголевым" is Щёголев, not "Щеголевый". Adjectival surnames
    (Толстой, Островский) have other endings and are left as they are."""
    words, said = normal.split(), text.split()
    if len(words) != len(said):
        return normal
    out = [w[:-2] if w.lower().endswith(_SURNAME_INSTRUMENTAL)
           and n.lower().replace("ё", "е").endswith(_ADJECTIVE_NORMAL) else n
           for w, n in zip(said, words, strict=True)]
    return " ".join(out)


def org_head_normal(vocab, tokens: Sequence) -> str | None:  # noqa: ANN001 (MorphVocab)
    """The nominative of an organisation's name with only its head group inflected.

    natasha inflects every word of a span when no syntax tree is given (the project runs no
    syntax parser: it is slow and the head is the first noun of a Russian organisation name):
    "Ассоциации производителей молока" became "Ассоциация производители молоко",
    "Новосибирского завода резки металлов" "Новосибирский завод резка металлы", "СПК им.
    У. Буйнакского" "СПК имя. У. Буйнакский" (real news dev r3_041, r7_020). The words after
    the head (a genitive complement, a name in quotes after a descriptor) keep their form.
    None when the span has no noun (natasha's own normal form is used)."""
    from natasha.norm import inflect_word, recover_shapes, recover_spaces

    n = _head_group(tokens)
    if n is None:
        return None
    from pipeline.rules.morph import agree

    head = inflect_word(vocab, tokens[n - 1])
    # a word the tagger reads as nominative stays ("«Гусевской хрусталь»", a brand)
    words = [t.text if k >= n or t.pos == "PUNCT" or (t.feats or {}).get("Case") == "Nom"
             else head if k == n - 1 else agree(t.text.lower(), head)
             for k, t in enumerate(tokens)]
    return recover_spaces(list(recover_shapes(words, tokens)), tokens)


def _batches(lengths: list[int], budget: int | None = None) -> Iterator[list[int]]:
    """Indexes grouped by similar length, each group padded to at most `budget` tokens (a
    longer item forms a group of its own). Measured on news: ~1000 tokens is the fastest for
    morphology, ~2000 for NER (smaller batches pay numpy's per-call overhead, larger ones
    fall out of the CPU cache)."""
    budget = budget or _TOKEN_BUDGET
    batch: list[int] = []
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        if batch and (len(batch) + 1) * lengths[i] > budget:
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


_lock = threading.Lock()


@lru_cache(maxsize=1)
def _analyzer() -> Analyzer:
    # natasha's numpy code is fastest with one BLAS thread per process: with the default
    # thread count it slows down several-fold as soon as another process competes for the
    # cores (benchmarks/README.md). threadpoolctl sets it in the loaded BLAS library, so it
    # holds whatever imported numpy first and whatever the environment says (numpy, and so
    # its BLAS, is loaded with the models).
    analyzer = Analyzer()
    threadpool_limits(limits=1, user_api="blas")
    return analyzer


def get_analyzer() -> Analyzer:
    """The process-wide analyzer, created on first use."""
    with _lock:
        return _analyzer()


def analyze(text: str) -> AnalyzedText:
    return get_analyzer().analyze(text)

