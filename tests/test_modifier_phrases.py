"""COMMON_MODIFIER_RULE (`ingest/confidence.py`, `load.mark_modifier_phrases`):
one paper's letters do not make a name of a lower-case phrase whose first
word the graph's Method names put before many heads. On the real embedded
FalkorDB server, through `load_records`, in either order of the papers."""
from __future__ import annotations

import pytest

from graph.settings import MIN_CONFIDENCE
from ingest.confidence import COMMON_MODIFIER_HEADS, common_modifiers, modifier_phrase
from ingest.mentions import ExtractedDoc
from ingest.normalize import alias_key
from tests.test_load_finish import mention, run

PHRASE = "dual glarp attention"
KEY = alias_key(PHRASE)
STATE = "MATCH (e:Entity {key: $key}) RETURN e.confidence, e.modifier_phrase, e.defining_papers"


def defines(paper_id: str) -> ExtractedDoc:
    text = f"We add a {PHRASE} (DGA) block to the quox encoder."
    return ExtractedDoc(paper_id, text, [mention(text, PHRASE, KEY, ("DGA",), label="METHOD"),
                                         mention(text, "DGA", KEY, (PHRASE,), label="METHOD")])


def uses(paper_id: str) -> ExtractedDoc:
    text = f"A {PHRASE} layer fuses the two quox streams."
    return ExtractedDoc(paper_id, text, [mention(text, PHRASE, KEY, label="METHOD")])


def dual_names(count: int) -> list[ExtractedDoc]:
    """Papers naming methods "dual <head>" with `count` different heads."""
    docs = []
    for n in range(count):
        name = f"dual zorp{chr(97 + n // 26)}{chr(97 + n % 26)}"
        text = f"We train a {name} on quox data."
        docs.append(ExtractedDoc(f"mod:d{n}", text, [mention(text, name, alias_key(name), label="METHOD")]))
    return docs


def state(store) -> tuple:
    (row,) = store.read(STATE, {"key": KEY}).rows
    return row[0] >= MIN_CONFIDENCE, bool(row[1]), row[2]


def test_common_modifiers_are_first_words_before_enough_different_heads():
    names = [f"dual head{n}" for n in range(COMMON_MODIFIER_HEADS)] + ["Dual quox head1", "spherical harmonics"]
    assert common_modifiers(names) == {"dual"}
    assert common_modifiers(names[1:]) == set()  # one head fewer ("head1" twice is one head)
    aliases = [PHRASE, "DGA"]
    assert modifier_phrase("Method", aliases, False, 1, {"dual"})
    assert not modifier_phrase("Method", aliases, False, 2, {"dual"})  # two papers' definitions name it
    assert not modifier_phrase("Method", aliases, True, 1, {"dual"})  # the knowledge base knows it
    assert not modifier_phrase("Method", ["Dual Glarp Attention", "DGA"], False, 1, {"dual"})  # a name's capitals
    assert not modifier_phrase("Task", aliases, False, 1, {"dual"})


@pytest.mark.parametrize("order", ["phrase first", "modifier first"])
def test_one_papers_letters_for_a_common_modifiers_phrase_wait_for_a_second_definition(store, order):
    """A phrase one paper defines and another uses is shown; once the graph's
    Method names put its first word before COMMON_MODIFIER_HEADS heads, it
    is a candidate, whichever was loaded first; a second paper's definition
    shows it again."""
    phrase = [defines("mod:a"), uses("mod:b")]
    common = dual_names(COMMON_MODIFIER_HEADS)
    if order == "phrase first":
        run(store, phrase)
        assert state(store) == (True, False, 1)
        run(store, common)
    else:
        run(store, common + phrase)
    assert state(store) == (False, True, 1)
    run(store, [defines("mod:c")])
    assert state(store) == (True, False, 2)


def test_a_modifier_before_too_few_heads_leaves_the_definition_its_name(store):
    # the phrase's own head ("attention") is one of the modifier's heads
    run(store, [defines("mod:a"), uses("mod:b")] + dual_names(COMMON_MODIFIER_HEADS - 2))
    assert state(store) == (True, False, 1)
