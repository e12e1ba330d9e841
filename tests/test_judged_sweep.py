"""Session 65: what the outside judges' verdicts on file say of visible
entities of the 40k graph, and versions listed with slashes."""
from __future__ import annotations

import pytest

from ingest.extract import gazetteer, load_extractor
from ingest.extract.versions import slash_versions


@pytest.fixture(scope="module")
def extractor():
    return load_extractor("fast")


@pytest.mark.parametrize("text,names", [
    ("CIFAR-10/100", ["CIFAR-10", "CIFAR-100"]), ("CIFAR-10/100-C", ["CIFAR-10-C", "CIFAR-100-C"]),
    ("AIME24/25", ["AIME24", "AIME25"]), ("AIME 2024/2025", ["AIME 2024", "AIME 2025"]),
    ("GPT-4/5", ["GPT-4", "GPT-5"]), ("Qwen2/2.5", ["Qwen2", "Qwen2.5"]), ("TREC-DL19/20", ["TREC-DL19", "TREC-DL20"]),
    ("Llama-3.1-8B/70B", ["Llama-3.1-8B", "Llama-3.1-70B"]), ("PeMS03/04/07/08", ["PeMS03", "PeMS04", "PeMS07", "PeMS08"]),
    # one name: letters before the slash, a repeated number, a norm's one letter, words after the list
    ("ViT-B/16", []), ("DiT-XL/2", []), ("ACL 60/60", []), ("L1/2", []), ("GPT-3.5/4 Turbo", []), ("AI/ML", []),
])
def test_a_slash_list_of_versions_is_each_version(text, names):
    assert slash_versions(text) == names


def test_a_slash_list_is_one_mention_of_each_version_not_a_version_its_digits_spell(extractor):
    # "GPT-4/5" had been keyed as GPT-4.5 and "LLaMA2/3" as LLaMA 2.3 (session 64's 40k graph)
    (doc,) = extractor.extract([("p", "We evaluate on AIME24/25 and compare with ViT-B/16.")], workers=1)
    found = {(m.text, m.canonical) for m in doc.mentions}
    assert {("AIME24", gazetteer.canonical("AIME24")), ("AIME25", gazetteer.canonical("AIME25"))} <= found, found
    assert "AIME24/25" not in {m.text for m in doc.mentions}
    assert "ViT-B/16" in {m.text for m in doc.mentions}
    spans = {(m.start, m.end) for m in doc.mentions if m.text.startswith("AIME")}
    assert len(spans) == 1  # both over the same characters: span F1 counts the written span once
