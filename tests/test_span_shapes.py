"""Span shapes that are never an entity, whatever the model says, and span
forms that belong to another entity's key. Invented minimal examples."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from ingest.extract import gazetteer, load_extractor
from ingest.extract.sanity import _adjective_base
from ingest.extract.span_filter import is_name


@pytest.fixture(scope="module")
def nlp():
    return load_extractor("fast").nlp


def test_a_span_cut_inside_quotes_is_not_a_name(nlp):
    doc = nlp.make_doc('We report "few-shot" evaluation and "few-shot evaluation" here.')
    assert not is_name(doc[3:7])  # few-shot " evaluation
    assert is_name(doc[10:13])  # few-shot evaluation


@pytest.mark.parametrize("text,start,end,kept", [
    ("Transformer-based encoders", 0, 3, "Transformer"),  # a known name
    ("QuoxNet-driven agents", 0, 3, "QuoxNet"),  # a name-shaped one
    ("data-driven control", 0, 3, None),  # nothing name-like before the hyphen
    ("FooBench-guided", 0, 3, "FooBench"),
    ("self-attention", 0, 3, "self-attention"),  # not a participle: untouched
    ("Hybrid Net", 0, 2, "Hybrid Net"),
])
def test_a_name_turned_adjective_is_its_name_or_nothing(nlp, text, start, end, kept):
    doc = nlp.make_doc(text)
    found = _adjective_base(doc, Span(doc, start, end, label="METHOD"))
    assert (found.text if found is not None else None) == kept


def test_a_definition_kept_as_one_span_is_the_long_forms_entity():
    assert gazetteer.canonical("natural language processing (NLP)") == gazetteer.canonical("natural language processing")
    assert gazetteer.canonical("Quox Retrieval Engine (QRE)") == gazetteer.canonical("Quox Retrieval Engine")
    # a parenthesis that does not abbreviate the name stays part of it
    assert gazetteer.canonical("ResNet (ours)") != gazetteer.canonical("ResNet")


def test_a_field_with_a_generic_head_is_the_field():
    # "deep learning models (DLMs)" held 155 papers of the 10k arXiv graph beside "deep learning"
    assert gazetteer.canonical("deep learning models") == gazetteer.canonical("deep learning")
    assert gazetteer.canonical("Machine Learning model") == gazetteer.canonical("machine learning")
    assert gazetteer.canonical("deep learning theory") != gazetteer.canonical("deep learning")


def _entities(nlp, text):
    doc = nlp.make_doc(text)
    for name, pipe in nlp.pipeline:
        if name != "paperkg_lighten":  # keep the Doc's tokens to read the spans
            doc = pipe(doc)
    return {(e.text, e.label_) for e in doc.ents}


def test_a_quality_is_a_metric_only_with_a_value_reported_for_it(nlp):
    found = _entities(nlp, "Our model improves robustness and reduces complexity. "
                           "It reaches a sensitivity of 92.1% and a specificity of 88%.")
    assert {("sensitivity", "METRIC"), ("specificity", "METRIC")} <= found
    assert not {t for t, label in found if t in ("robustness", "complexity")}
