"""The papers behind a link, on the real seed graph."""
from __future__ import annotations

import pytest

from app.components import link as link_component
from app.urls import State
from graph import open_store, views
from graph.views.link import evidence, link
from tests.test_app import text_of


@pytest.fixture(scope="module")
def seeds(seed_graph):
    with open_store() as store:
        yield store


@pytest.fixture(scope="module")
def pair(seeds):
    """The two entities sharing most papers, and that number."""
    return seeds.read("MATCH (a:Entity)-[c:CO_OCCURS]->(b:Entity) RETURN a.key, b.key, c.papers ORDER BY c.papers DESC, a.key LIMIT 1").rows[0]


def papers_mentioning_both(store, a, b) -> set[str]:
    rows = store.read("MATCH (:Entity {key: $a})<-[:MENTIONS]-(p:Paper)-[:MENTIONS]->(:Entity {key: $b}) RETURN p.id", {"a": a, "b": b}).rows
    return {r[0] for r in rows}


def test_every_paper_mentioning_both_newest_first(seeds, pair):
    a, b, shared = pair
    view = link(seeds, a, b)
    assert (view.a.key, view.b.key) == (a, b)
    assert view.shared == shared == len(papers_mentioning_both(seeds, a, b))
    assert {p.paper.id for p in view.papers} == papers_mentioning_both(seeds, a, b)
    dates = [p.paper.published or "" for p in view.papers]
    assert dates == sorted(dates, reverse=True)
    assert link(seeds, b, a).shared == shared  # either direction


def test_the_list_stops_at_the_limit_and_says_so(seeds, pair):
    a, b, shared = pair
    view = link(seeds, a, b, "upvotes", limit=3)
    assert len(view.papers) == 3 and view.shared == shared and view.truncated
    votes = [p.paper.upvotes for p in view.papers]
    assert votes == sorted(votes, reverse=True)


def test_evidence_names_both_ends(seeds, pair):
    a, b, _ = pair
    view = link(seeds, a, b)
    for item in view.papers:
        assert item.evidence, item.paper.title
        text = " ".join(item.evidence).casefold()
        assert any(s.casefold() in text for s in item.surfaces_a) or any(s.casefold() in text for s in item.surfaces_b)


def test_evidence_prefers_a_sentence_naming_both():
    abstract = "We study GPT-4. It is evaluated on MMLU. GPT-4 beats others on MMLU by 5 points. Done."
    assert evidence(abstract, ["GPT-4"], ["MMLU"]) == ("GPT-4 beats others on MMLU by 5 points.",)
    assert evidence("We study GPT-4. It is evaluated on MMLU.", ["gpt-4"], ["mmlu"]) == ("We study GPT-4.", "It is evaluated on MMLU.")
    assert evidence("", ["x"], ["y"], ["stored sentence", None]) == ("stored sentence",)


def test_unknown_entity_is_none(seeds, pair):
    assert link(seeds, pair[0], "no such entity, surely") is None


def test_the_panel_shows_count_papers_and_marks_both_ends(seeds, pair):
    a, b, shared = pair
    state = State(link=(a, b))
    panel = link_component.panel(seeds, state, "explore")
    text = text_of(panel)
    assert f"{shared} papers mention both" in text
    view = link(seeds, a, b)
    assert view.papers[0].paper.title in text
    # evidence marks are links to their entity, titled with its type (app/components/highlight.py)
    source = "".join(c.children for c in _walk(panel) if type(c).__name__ == "Markdown")
    assert f'"{view.a.label}")' in source and f'"{view.b.label}")' in source
    assert State.parse(state.query_string()).link == (a, b)  # bookmarkable


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, (list, tuple)) else [children] if children is not None else []:
        if hasattr(child, "children") or isinstance(child, (list, tuple)):
            yield from _walk(child)


@pytest.mark.parametrize("order", ["recent", "upvotes"])
def test_reading_in_windows_gives_the_same_papers_in_the_same_order(seeds, pair, monkeypatch, order):
    import graph.views.link as link_module

    a, b, _ = pair
    whole = [p.paper.id for p in link(seeds, a, b, order, limit=8).papers]
    monkeypatch.setattr(link_module, "FIRST_WINDOW", 2)  # many small windows over the smaller end's papers
    assert [p.paper.id for p in link(seeds, a, b, order, limit=8).papers] == whole


@pytest.mark.parametrize("order", ["recent", "upvotes"])
def test_the_store_sends_no_more_shared_papers_than_the_page(seeds, pair, order):
    # At two hubs a window holds hundreds of shared papers; only the page's are sent and parsed.
    import graph.views.link as link_module

    a, b, shared = pair
    sent = []
    read = seeds.read

    def counting(query, params=None, **kw):
        result = read(query, params, **kw)
        if query == link_module.SHARED_PAPERS[order]:
            sent.append(len(result.rows))
        return result

    seeds.read = counting
    try:
        view = link(seeds, a, b, order, limit=3)
    finally:
        seeds.read = read
    assert shared > 3 and len(view.papers) == 3
    assert sent and all(n <= 3 for n in sent) and sum(sent) == 3
