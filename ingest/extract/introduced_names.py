"""New resources a paper introduces, named by an appositive: "we release
Quillbook, a corpus of 80k riddles", "VelQor -- a new Welsh-to-Irish
translation dataset", "Zentrix-Bench, a spatial grounding
benchmark", a title "Quillbook: A Benchmark for ...", "X is a large-scale
corpus of ...", "X, which is a loop closure dataset", or by a verb of
naming after the head: "a new benchmark, termed HAVEN", "a dataset called
SA-Eval". The name takes the label of the head noun (a benchmark word makes
it a BENCHMARK, a dataset / corpus word a DATASET), whatever the model said,
and is marked as proposed."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.doc_state import mark_proposed, place_spans, token_lowers, token_spaces, token_texts
from ingest.extract.name_runs import capitalised, name_run, strongly_named
from ingest.extract.vocab import BENCHMARK_HEADS, RESOURCE_HEADS

_APPOSITION = {",", "--", "—", "–", ":", "is", "-"}
_ARTICLES = {"a", "an", "the"}
_RELATIVE = ("which", "is")  # "X, which is a ... dataset"
# "a dataset (called|named|...) X": of 132 such phrases in the 40k arXiv
# abstracts, 40 names were typed Method or Task and 51 not read at all
# (session 58).
_JOINED = {"-", "+", "/", "&"}  # a name run stops before a joiner and a lower-case word: "Multi-target"
_INNER_WORDS = {"of", "on", "for", "in", "with", "and", "to", "from"}
_NAMING_VERBS = {"called", "named", "termed", "dubbed", "coined", "titled"}
# Words that end the noun phrase before a head noun is reached.
_PHRASE_ENDS = {"of", "for", "with", "that", "which", "to", "in", "on", "by", "from", "and", "or", "where", "we"}


@Language.factory(
    "paperkg_introduced_names",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"max_name_tokens": 4, "max_modifiers": 8},
)
def make_introduced_names(nlp: Language, name: str, max_name_tokens: int, max_modifiers: int) -> "IntroducedNames":
    return IntroducedNames(max_name_tokens, max_modifiers)


class IntroducedNames:
    def __init__(self, max_name_tokens: int, max_modifiers: int):
        self.max_name_tokens = max_name_tokens
        self.max_modifiers = max_modifiers

    def __call__(self, doc: Doc) -> Doc:
        texts, lowers = token_texts(doc), token_lowers(doc)
        by_end = {ent.end: ent for ent in doc.ents}
        spans = []
        for i, lower in enumerate(lowers):
            if lower in _NAMING_VERBS:
                spans.extend(self._named_after(doc, i))
                continue
            if lower not in _APPOSITION or i == 0:
                continue
            relative = lower == "," and tuple(lowers[i + 1 : i + 1 + len(_RELATIVE)]) == _RELATIVE
            article = i + 1 + (len(_RELATIVE) if relative else 0)
            if article + 1 >= len(doc) or lowers[article] not in _ARTICLES:
                continue
            label = self._head_label(doc, article + 1)
            if label is None:
                continue
            name = self._name_ending(doc, i, by_end, title_like=lower == ":")
            if name is not None:
                spans.append(Span(doc, name.start, name.end, label=label))
                mark_proposed(doc, name.start_char)
        place_spans(doc, spans, override=True)
        return doc

    def _named_after(self, doc: Doc, verb: int) -> list[Span]:
        """The name a naming verb at `verb` gives the resource phrase before
        it ("a new loop closure dataset, coined LoopDB"): a name run that
        looks like a proper name, not the first word of a phrase ("named
        Large-scale ...", "called Diverse scenes ...")."""
        lowers, texts, spaces = token_lowers(doc), token_texts(doc), token_spaces(doc)
        head = verb - 1 - (verb > 0 and lowers[verb - 1] == ",")
        if head < 1 or lowers[head] not in RESOURCE_HEADS | BENCHMARK_HEADS:
            return []
        article = next((i for i in range(head - 1, max(-1, head - 2 - self.max_modifiers), -1) if lowers[i] in _ARTICLES), None)
        label = None if article is None else self._head_label(doc, article + 1)
        end = name_run(doc, verb + 1, len(doc), self.max_name_tokens)
        if label is None or end == verb + 1:
            return []
        words = texts[verb + 1 : end]
        if end < len(doc) and (not spaces[end - 1] and lowers[end] in _JOINED or _continues(doc, end)):
            return []  # "T2R-bench", "Composed Image Retrieval on High-quality ...": the run is part of the name
        if len(words) == 1 and end < len(doc) and lowers[end].isalpha() and lowers[end] == texts[end] and not strongly_named(words):
            return []  # "called Diverse scenes": the first word of a phrase
        mark_proposed(doc, doc[verb + 1].idx)
        return [Span(doc, verb + 1, end, label=label)]

    def _head_label(self, doc: Doc, start: int) -> str | None:
        """DATASET / BENCHMARK when the noun phrase from `start` ends in a
        resource head noun within `max_modifiers` words (the parts of a
        hyphenated compound, "Welsh-to-Irish", count as one)."""
        lowers, spaces = token_lowers(doc), token_spaces(doc)
        words = 0
        for i in range(start, len(doc)):
            word = lowers[i]
            in_compound = word == "-" or i > 0 and lowers[i - 1] == "-" and not spaces[i - 1]
            if in_compound or word == "," and i + 1 < len(doc) and lowers[i + 1] == doc[i + 1].text:
                continue  # "STAR-1, a high-quality, just-1k-scale safety dataset": adjectives a comma parts
            if word in BENCHMARK_HEADS:
                return "BENCHMARK"
            if word in RESOURCE_HEADS:
                return "DATASET"
            words += 1
            if words > self.max_modifiers or word in _PHRASE_ENDS or not any(c.isalnum() for c in word):
                return None
        return None

    def _name_ending(self, doc: Doc, end: int, by_end: dict[int, Span], title_like: bool) -> Span | None:
        """The name right before the appositive at `end`: an entity, or a name
        run that looks like a proper name (at a sentence start only when
        strongly name-shaped, or before a colon: "Quillbook: A Benchmark")."""
        if end in by_end:
            return by_end[end]
        texts = token_texts(doc)
        for start in range(max(0, end - self.max_name_tokens), end):
            if name_run(doc, start, end, self.max_name_tokens) == end:
                words = texts[start:end]
                sentence_initial = doc[start].is_sent_start
                if strongly_named(words) or not sentence_initial or title_like:
                    return Span(doc, start, end)
        return None


def _continues(doc: Doc, end: int) -> bool:
    """A name run stopped inside a longer name: at a small word ("on
    High-quality") or a capitalised word runs leave out ("Wired Table"), or
    across a line break."""
    texts = token_texts(doc)
    while end + 1 < len(doc) and texts[end].isspace():
        end += 1
    return capitalised(texts[end]) or texts[end] in _INNER_WORDS and end + 1 < len(doc) and capitalised(texts[end + 1])
