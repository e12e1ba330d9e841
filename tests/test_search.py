"""Search finds what people mean, on the real seed graph: the name or an
alias as typed (up to case, hyphens and plural) first, then names starting
with it, each tier by paper count."""
from __future__ import annotations

import pytest

from graph import open_store, views
from graph.views.lookup import search_key


@pytest.fixture(scope="module")
def seeds(seed_graph):
    with open_store() as store:
        yield store


def entity_by_key(store, key):
    node = views.find_node(store, views.NodeRef.entity(key))
    assert node is not None, f"the seed graph has no entity {key!r}"
    return views.entity_of(node)


def test_search_keys_fold_case_hyphens_and_plurals():
    assert search_key("GPT4") == search_key("gpt-4") == search_key("GPT 4") == "gpt-4"
    assert search_key("Transformers") == search_key("transformer") == "transformer"
    assert search_key("LLMs") == "llm" and search_key("queries") == "query"
    assert search_key("ResNet-50") != search_key("ResNet-101")  # versions stay apart
    assert search_key("class") == "class"  # not a plural


@pytest.mark.parametrize("typed, key", [("Transformer", "transformer"), ("transformers", "transformer"), ("GPT4", "gpt-4"), ("gpt-4", "gpt-4"), ("ImageNet", "imagenet")])
def test_the_entity_named_as_typed_comes_first(seeds, typed, key):
    wanted = entity_by_key(seeds, key)
    found = views.search(seeds, typed, kinds=("e",))
    assert found[0].ref == views.NodeRef.entity(key), [s.name for s in found]
    assert found[0].detail == f"{wanted.label} · {wanted.paper_count} papers"


def test_prefix_matches_rank_by_paper_count(seeds):
    found = [views.entity_of(views.find_node(seeds, s.ref)) for s in views.search(seeds, "imagenet", kinds=("e",))]
    starting = [e for e in found[1:] if search_key(e.name).startswith("imagenet")]
    assert starting, "ImageNet-1K and friends start with the typed text"
    assert [e.paper_count for e in starting] == sorted((e.paper_count for e in starting), reverse=True)
    # Every name starting with the text comes before names that only contain it as a later word.
    tiers = [0 if search_key(e.name).startswith("imagenet") or any(search_key(a).startswith("imagenet") for a in e.aliases) else 1 for e in found]
    assert tiers == sorted(tiers)


def test_a_short_prefix_reaches_the_most_mentioned_match(seeds):
    found = views.search(seeds, "Tr", kinds=("e",))
    top = max((views.entity_of(views.find_node(seeds, s.ref)) for s in found), key=lambda e: e.paper_count)
    assert found[0].ref.key == top.key
    assert entity_by_key(seeds, "transformer").key in [s.ref.key for s in found]


def test_papers_still_follow_entities(seeds):
    found = views.search(seeds, "transformer")
    kinds = [s.ref.kind for s in found]
    assert "p" in kinds and kinds == sorted(kinds)  # "e" before "p"


def test_date_pickers_open_on_the_graphs_dates(seeds):
    from app.components.date_range import bounds

    dates = sorted(r[0] for r in seeds.read("MATCH (p:Paper) WHERE p.published IS NOT NULL RETURN p.published").rows)
    assert bounds(seeds, "") == (dates[-1], dates[0], dates[-1])
    assert bounds(seeds, "?since=2025-01-01")[0] == "2025-01-01"
