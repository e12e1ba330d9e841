""""the X dataset / benchmark / corpus / suite": X is a dataset (or a
benchmark when called one), whatever the model said, also when the model's
span took the head noun in and read it as something else ("LSOTB-TIR
benchmarks" read as a method)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.doc_state import DATASET_GROUP, place_spans, token_lowers
from ingest.extract.span_filter import has_name_token, title_cased
from ingest.extract.vocab import BENCHMARK_HEADS, DETERMINERS, RESOURCE_HEADS

MAX_NAME_TOKENS = 5


def _name_token(token) -> bool:
    text = token.text
    if token.lower_ in DETERMINERS or token.is_space:
        return False
    if text in ("-", "_", ".", "+", "&"):
        return True
    return any(ch.isupper() or ch.isdigit() for ch in text)


def name_before(doc: Doc, head_index: int) -> Span | None:
    """The name-like tokens just before doc[head_index], if any."""
    start = head_index
    while start > 0 and head_index - start < MAX_NAME_TOKENS and _name_token(doc[start - 1]):
        start -= 1
    while start < head_index and not doc[start].is_alpha and not any(c.isdigit() for c in doc[start].text):
        start += 1
    if start == head_index or doc[start].is_sent_start and doc[start].text.istitle() and head_index - start == 1 and doc[start].is_stop:
        return None
    return Span(doc, start, head_index)


@Language.component("paperkg_resource_phrases")
def resource_phrases(doc: Doc) -> Doc:
    spans, containers = [], set()
    for i, lower in enumerate(token_lowers(doc)):
        if lower not in RESOURCE_HEADS and lower not in BENCHMARK_HEADS:
            continue
        token = doc[i]
        name = name_before(doc, token.i)
        if name is None or title_cased(token.sent) and not has_name_token(name):
            continue
        label = "BENCHMARK" if lower in BENCHMARK_HEADS else "DATASET"
        spans.append(Span(doc, name.start, name.end, label=label))
        if token.text.islower():  # "Penn Treebank", "Chatbot Arena", "NTIRE 2025 Challenge": the head is the name's
            containers.add((name.start, i + 1))
    if containers:
        # a span of exactly the name and its head read as something else would outlive the name
        # (merge_spans keeps a longer span); one read as data keeps its words
        doc.ents = [ent for ent in doc.ents if (ent.start, ent.end) not in containers or ent.label_ in DATASET_GROUP]
    place_spans(doc, spans, override=True)
    return doc
