""""the X dataset / benchmark / corpus / suite": X is a dataset (or a
benchmark when called one), whatever the model said, also when the model's
span took the head noun in and read it as something else ("LSOTB-TIR
benchmarks" read as a method)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.doc_state import DATASET_GROUP, place_spans, span_text, title_cased, token_lowers
from ingest.extract.name_runs import strongly_named
from ingest.extract.span_filter import DIMENSION, has_name_token
from ingest.extract.vocab import (
    BENCHMARK_HEADS, DATA_NOUNS, DETERMINERS, LABEL_BY_HEAD, MEDIA_WORDS, MODALITY_HEADS, RESOURCE_HEADS,
)
from ingest.normalize import abbreviates

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


def whole_name_before(doc: Doc, head_index: int, ends: dict[int, Span]) -> Span | None:
    """`name_before`, or the entity ending at the head when the name is longer
    than MAX_NAME_TOKENS: "RWTH-PHOENIX-Weather-2014T dataset" is six tokens,
    and a name cut inside would leave the model's reading of the whole."""
    name = name_before(doc, head_index)
    ent = ends.get(head_index)
    if name is not None and ent is not None and ent.start < name.start and all(_name_token(t) for t in ent):
        return Span(doc, ent.start, head_index)
    return name


_NAMING_DETERMINERS = {"the", "our", "this"}


def _bracketed_before(doc: Doc, head_index: int, ents: set[tuple[int, int]]) -> list[Span]:
    """The bracketed short form just before a singular head, and the name
    before it where the short form abbreviates it or the model read it as
    one name: "the Hyperspectral City V2 (H-City) dataset"; not the "Science"
    of "the Web of Science (WoS-46985) dataset". Before a plural head they
    are what the resources are for ("Facial Expression Recognition (FER)
    datasets", "Chart Question Answering (CQA) benchmarks"), and so is a
    task's name unless a determiner makes it this one resource's ("the
    Aerial Traffic Atomic Activity Recognition and Segmentation (ATARS)
    dataset", not "a Knowledge Graph Question Answering (KGQA) dataset")."""
    head = doc[head_index].lower_
    if head_index < 4 or doc[head_index - 1].text != ")" or head.endswith("s") and head != "corpus" or head == "corpora":
        return []
    opening = next((j for j in range(head_index - 2, max(0, head_index - 2 - MAX_NAME_TOKENS), -1) if doc[j].text == "("), None)
    if opening is None or opening + 1 == head_index - 1:
        return []
    short = Span(doc, opening + 1, head_index - 1)
    name = name_before(doc, opening)
    if name is None or not all(_name_token(t) for t in short) or not any(t.is_alpha or t.text[:1].isalpha() for t in short):
        return []
    if LABEL_BY_HEAD.get(doc[opening - 1].lower_) == "TASK" and (name.start == 0 or doc[name.start - 1].lower_ not in _NAMING_DETERMINERS):
        return []
    named = (name.start, name.end) in ents or abbreviates(span_text(short), span_text(name))
    return [name, short] if named else [short]


_KINDS_OF_DATA = MODALITY_HEADS | DATA_NOUNS | MEDIA_WORDS


def _name_before_its_kind(doc: Doc, head_index: int) -> Span | None:
    """A coined name before a lower-case word for what the data is and the
    head: "the CytoImageNet microscopy dataset", "the FooBar speech corpus"
    (CytoImageNet a Method of 2 papers of the 40k graph; both judges of
    session 62's seed 112: a data set)."""
    kind = head_index - 1
    if kind < 1 or doc[kind].lower_ not in _KINDS_OF_DATA or not doc[kind].text.islower() or not doc[kind - 1].whitespace_:
        return None  # not a compound's part: "the NeRF-language dataset", "a 3D-text dataset"
    name = name_before(doc, kind)
    if name is None or DIMENSION.match(name[0].text):
        return None  # "a 4D mmWave radar dataset" says what kind of data, not which
    return name if strongly_named([t.text for t in name]) else None


@Language.component("paperkg_resource_phrases")
def resource_phrases(doc: Doc) -> Doc:
    spans, containers = [], set()
    ends = {ent.end: ent for ent in doc.ents}
    spans_at = {(ent.start, ent.end) for ent in doc.ents}
    for i, lower in enumerate(token_lowers(doc)):
        if lower not in RESOURCE_HEADS and lower not in BENCHMARK_HEADS:
            continue
        token = doc[i]
        label = "BENCHMARK" if lower in BENCHMARK_HEADS else "DATASET"
        bracketed = _bracketed_before(doc, i, spans_at)
        if bracketed and not title_cased(token.sent):
            spans += [Span(doc, part.start, part.end, label=label) for part in bracketed]
            continue
        name = whole_name_before(doc, i, ends) or _name_before_its_kind(doc, i)
        if name is None or title_cased(token.sent) and not has_name_token(name):
            continue
        spans.append(Span(doc, name.start, name.end, label=label))
        if token.text.islower():  # "Penn Treebank", "Chatbot Arena", "NTIRE 2025 Challenge": the head is the name's
            containers.add((name.start, i + 1))
    if containers:
        # a span of exactly the name and its head read as something else would outlive the name
        # (merge_spans keeps a longer span); one read as data keeps its words
        doc.ents = [ent for ent in doc.ents if (ent.start, ent.end) not in containers or ent.label_ in DATASET_GROUP]
    place_spans(doc, spans, override=True)
    return doc
