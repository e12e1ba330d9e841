"""Drop what is not an entity name: generic heads alone ("our approach", "a
novel framework", "method"), pronouns, numbers, over-long spans; trim
leading determiners and stray punctuation so spans are clean names."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.vocab import DETERMINERS, GENERIC_HEADS, GENERIC_MODIFIERS

MAX_TOKENS = 10
MAX_CHARS = 90
_EDGE_PUNCT = set(",.;:!?\"'`()[]{}-–—/|*•·")


def clean_span(span: Span) -> Span | None:
    """The trimmed span, or None when nothing name-like is left."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].text in _EDGE_PUNCT or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].is_space or doc[end - 1].text == "'s"):
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1]):
            break
        end -= 1
    if start >= end:
        return None
    trimmed = Span(doc, start, end, label=span.label_)
    return trimmed if is_name(trimmed) else None


def is_name(span: Span) -> bool:
    text = span.text
    if len(span) > MAX_TOKENS or len(text) > MAX_CHARS or len(text) < 2:
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    if "\n" in text or text.count("(") != text.count(")"):
        return False
    words = [t.lower_ for t in span if not t.is_punct]
    if not words:
        return False
    if all(w in GENERIC_HEADS or w in GENERIC_MODIFIERS or w in DETERMINERS or w.isdigit() for w in words):
        return False
    return not all(t.like_num or t.is_punct or t.pos_ == "PRON" for t in span)


TITLE_CASE_SHARE = 0.6


def title_cased(sentence: Span) -> bool:
    """A title ("Fast Distributed Optimization with Error Control"): in it,
    capitals say nothing about names and the NER over-fires."""
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= TITLE_CASE_SHARE * len(words)


def has_name_token(span: Span) -> bool:
    """Inner capitals, digits or all caps: EControl, GPT-4, SAM."""
    return any(any(c.isupper() or c.isdigit() for c in t.text[1:]) or t.text.isupper() and len(t) > 1 for t in span)


@Language.component("paperkg_span_filter")
def span_filter(doc: Doc) -> Doc:
    kept = (clean_span(ent) for ent in doc.ents)
    doc.ents = [
        span for span in kept
        if span is not None and (has_name_token(span) or not title_cased(span.sent))
    ]
    return doc
