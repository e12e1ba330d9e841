"""Acronym long forms are the shortest that hold the acronym's letters
(Schwartz & Hearst): a verb or modifier the NER put in front of a
definition does not become part of the long form."""
from __future__ import annotations

import pytest

from ingest.extract import load_extractor


@pytest.fixture(scope="module")
def extractor():
    return load_extractor("fast")


def definitions(extractor, text):
    (doc,) = extractor.extract([("t", text)], workers=1)
    return {m.text: m for m in doc.mentions if m.aliases}


@pytest.mark.parametrize("text, long_form, short", [
    ("Adapting large language models (LLMs) to new domains is costly.", "large language models", "LLMs"),
    ("Towards efficient Vision Transformer (ViT) training on small data.", "Vision Transformer", "ViT"),
    ("Training Low-Rank Adaptation (LoRA) adapters is cheap.", "Low-Rank Adaptation", "LoRA"),
    ("We present the Segment Anything Model (SAM) for segmentation.", "Segment Anything Model", "SAM"),
])
def test_long_form_starts_at_the_word_of_the_first_letter(extractor, text, long_form, short):
    found = definitions(extractor, text)
    assert found[short].aliases == (long_form,)
    assert found[long_form].aliases == (short,)
    assert found[long_form].canonical == found[short].canonical
    assert not any(m.startswith(("Adapting", "Towards", "Training")) for m in found)


def test_trimmed_definition_gives_the_acronym_its_usual_sense(extractor):
    (doc,) = extractor.extract([("t", "Adapting large language models (LLMs) is costly. LLMs are large.")], workers=1)
    (plain,) = extractor.extract([("u", "Large language models (LLMs) are large. LLMs are costly.")], workers=1)
    key = {m.canonical for m in doc.mentions if m.text == "LLMs"}
    assert key == {m.canonical for m in plain.mentions if m.text == "LLMs"}
