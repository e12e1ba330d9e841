"""Per-document state the rule components share beyond `doc.ents`, and the
one helper they all use to put spans into `doc.ents` without overlaps.

The state is kept in plain lists of strings and ints: `nlp.pipe(n_process=N)`
sends each doc back from its worker with `Doc.to_bytes`, which msgpacks the
extension values and `user_data` (a set, for one, cannot be sent)."""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span

from ingest.mentions import DATASET_GROUP  # noqa: F401 - re-exported: the rule components import it from here

# [long form text, acronym text] pairs defined in the document (tuples come
# back from a worker as lists: read them by unpacking).
if not Doc.has_extension("paperkg_aliases"):
    Doc.set_extension("paperkg_aliases", default=None)
# start_char of each span the text introduces ("we propose X").
if not Doc.has_extension("paperkg_proposed"):
    Doc.set_extension("paperkg_proposed", default=None)
# [start_char, label] of each span whose label the knowledge base replaced:
# the label the text gave it (see Mention.reading).
if not Doc.has_extension("paperkg_readings"):
    Doc.set_extension("paperkg_readings", default=None)
# Acronyms of known data sets the document defines as a method ("Grouped
# Query Attention (GQA)" read as a method by the model): another sense here.
if not Doc.has_extension("paperkg_other_senses"):
    Doc.set_extension("paperkg_other_senses", default=None)
# [acronym text, key] of a name the title gives the paper's own work, keyed by
# the title rather than by a long form ("SETR: A Two-Stage ...", `acronyms`).
if not Doc.has_extension("paperkg_work_keys"):
    Doc.set_extension("paperkg_work_keys", default=None)


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, computed once per doc. Rule components scan these
    plain strings instead of iterating `doc`, which builds a Token object per
    token per pass (the rules' main cost before)."""
    texts = doc.user_data.get("paperkg_texts")
    if texts is None or len(texts) != len(doc):
        strings = doc.vocab.strings
        texts = [strings[orth] for orth in doc.to_array("ORTH").tolist()]
        doc.user_data["paperkg_texts"] = texts
    return texts


def span_text(span: Span) -> str:
    """span.text without building a Token per token."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def doc_title(doc: Doc) -> str:
    """The text's first line: a paper's title (`ingest.text.paper_text`)."""
    return doc_text(doc).partition("\n")[0]


def doc_text(doc: Doc) -> str:
    """doc.text, kept once per doc: spaCy rebuilds it from a Token object
    per token on every access (~0.2 ms per abstract); a token's whitespace
    is one space or none, so the cached texts and spaces give it for a
    quarter of that."""
    text = doc.user_data.get("paperkg_text")
    if text is None:
        text = doc.user_data["paperkg_text"] = "".join(
            [t + " " if space else t for t, space in zip(token_texts(doc), token_spaces(doc))]
        )
    return text


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds of the sentence holding token `i`, i.e. of `doc[i].sent`
    and of `span.sent` for a span starting at `i` (spaCy's first sentence
    of a span), from per-doc lists instead of spaCy's scan over the tokens
    on every call."""
    bounds = doc.user_data.get("paperkg_sentences")
    if bounds is None or len(bounds[0]) != len(doc):
        starts = doc.to_array("SENT_START").tolist()
        first, current = [], 0
        for n, flag in enumerate(starts):
            current = n if flag == 1 else current
            first.append(current)
        following = [len(starts)] * (len(starts) + 1)
        for n in range(len(starts) - 1, -1, -1):
            following[n] = n if starts[n] == 1 else following[n + 1]
        bounds = doc.user_data["paperkg_sentences"] = (first, following)
    first, following = bounds
    return first[i], following[i + 1]


TITLE_CASE_SHARE = 0.6


def title_cased(sentence: Span) -> bool:
    """A title ("Fast Distributed Optimization with Error Control"): in it,
    capitals say nothing about names and the NER over-fires."""
    words = [t for t in token_texts(sentence.doc)[sentence.start : sentence.end] if t.isalpha() and len(t) > 3]
    return len(words) >= 3 and sum(t[0].isupper() for t in words) >= TITLE_CASE_SHARE * len(words)


def sentence_start(doc: Doc, i: int) -> int:
    """doc[i].sent.start."""
    return sentence_bounds(doc, i)[0]


def is_sentence_start(doc: Doc, i: int) -> bool:
    """bool(doc[i].is_sent_start)."""
    return sentence_start(doc, i) == i


def token_spaces(doc: Doc) -> list[int]:
    """1 where a token is followed by whitespace."""
    spaces = doc.user_data.get("paperkg_spaces")
    if spaces is None or len(spaces) != len(doc):
        spaces = doc.to_array("SPACY").tolist()
        doc.user_data["paperkg_spaces"] = spaces
    return spaces


def token_lowers(doc: Doc) -> list[str]:
    lowers = doc.user_data.get("paperkg_lowers")
    if lowers is None or len(lowers) != len(doc):
        lowers = [t.lower() for t in token_texts(doc)]
        doc.user_data["paperkg_lowers"] = lowers
    return lowers


def held_tokens(doc: Doc) -> list[bool]:
    """Per token, whether an entity of `doc.ents` holds it (as they are now:
    not cached, the components change them)."""
    held = [False] * len(doc)
    for ent in doc.ents:
        held[ent.start : ent.end] = [True] * len(ent)
    return held


def alias_pairs(doc: Doc) -> list[tuple[str, str]]:
    if doc._.paperkg_aliases is None:
        doc._.paperkg_aliases = []
    return doc._.paperkg_aliases


def other_senses(doc: Doc) -> list[str]:
    if doc._.paperkg_other_senses is None:
        doc._.paperkg_other_senses = []
    return doc._.paperkg_other_senses


def work_keys(doc: Doc) -> list[list[str]]:
    if doc._.paperkg_work_keys is None:
        doc._.paperkg_work_keys = []
    return doc._.paperkg_work_keys


def proposed_starts(doc: Doc) -> list[int]:
    if doc._.paperkg_proposed is None:
        doc._.paperkg_proposed = []
    return doc._.paperkg_proposed


def mark_proposed(doc: Doc, start_char: int) -> None:
    """Record that the text introduces the entity starting at `start_char`."""
    starts = proposed_starts(doc)
    if start_char not in starts:
        starts.append(start_char)


def place_spans(doc: Doc, spans: Iterable[Span], override: bool) -> None:
    """Add `spans` to doc.ents (see `merge_spans`)."""
    spans = list(spans)
    if spans:  # reading and writing doc.ents is not free
        doc.ents = merge_spans(list(doc.ents), spans, override)


def merge_spans(ents: list[Span], spans: Iterable[Span], override: bool) -> list[Span]:
    """`ents` plus `spans`, without overlaps, sorted. With `override`, a new
    span replaces every existing entity it overlaps unless one of those
    strictly contains it (a longer model span like "ImageNet classification"
    survives a gazetteer hit on "ImageNet"); without, a new span only fills
    free tokens."""
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        clashing = [e for e in ents if e.start < span.end and span.start < e.end]
        if not clashing:
            ents.append(span)
            continue
        if not override:
            continue
        if any(e.start <= span.start and span.end <= e.end and len(e) > len(span) for e in clashing):
            continue
        ents = [e for e in ents if e not in clashing] + [span]
    return sorted(ents, key=lambda s: s.start)
