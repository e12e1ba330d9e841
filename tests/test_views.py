"""graph/views/ on a synthetic graph whose contents we know exactly."""
from __future__ import annotations

import datetime as dt
import math
import uuid
from collections import Counter, defaultdict

import pytest

from benchmarks.synthetic_graph import generate, load
from graph import ReadOnlyError
from graph import views
from graph.dialect import ENTITY_LABELS
from graph.views import NODE_TYPES, NodeRef, ViewFilters
from graph.views.model import ENTITY_FIELDS
from tests.conftest import neo4j_config

PAPERS = 200


WIPE = "MATCH (n) WHERE n:Paper OR n:Entity DETACH DELETE n"


@pytest.fixture(scope="module", params=["falkordb", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def synthetic(request, paperkg_home):
    """The same views, the same answers, on both stores (Neo4j only where
    NEO4J_URI is set)."""
    from graph import StoreConfig, open_store

    if request.param == "neo4j":
        store = open_store(neo4j_config())
        store.write(WIPE)
    else:
        store = open_store(StoreConfig.from_env(graph_name=f"views_{uuid.uuid4().hex[:8]}"))
    papers = generate(PAPERS, seed=3)
    load(store, papers)
    yield store, papers
    if request.param == "neo4j":
        store.write(WIPE)
    else:
        store.drop_graph()
    store.close()


def mentions(papers):
    """entity key → ids of the papers mentioning it."""
    found = defaultdict(set)
    for p in papers:
        for entity, _, _ in p.mentions:
            found[entity.key].add(p.id)
    return found


def top_method(store):
    return views.top_entities(store, "Method", 1)[0]


def test_counts_match_what_was_loaded(synthetic):
    store, papers = synthetic
    counts = views.graph_counts(store)
    labels = Counter({e.key: e.label for p in papers for e, _, _ in p.mentions}.values())
    assert counts.papers == PAPERS
    assert counts.entities == {label: labels.get(label, 0) for label in counts.entities}


def test_search_finds_names_aliases_and_titles(synthetic):
    store, papers = synthetic
    task = next(e for p in papers for e, _, _ in p.mentions if e.acronym)
    by_alias = views.search(store, task.acronym)
    assert NodeRef.entity(task.key) in [s.ref for s in by_alias]
    title_word = papers[0].title.split(":")[0].split()[-1]
    assert any(s.ref.kind == "p" for s in views.search(store, title_word))
    assert all(s.ref.kind == "p" for s in views.search(store, title_word, kinds=("p",)))
    # Query syntax in user text is just text.
    assert views.search(store, "') RETURN 1 // \" OR *:* ~ AND") is not None
    assert views.search(store, "   ") == []


def test_explore_shows_the_strongest_neighbours_of_each_type_up_to_its_cap(synthetic):
    store, papers = synthetic
    focus = top_method(store)
    view = views.explore(store, NodeRef.entity(focus.key), ViewFilters(limit=20))
    shared = mentions(papers)
    neighbours = [n for n in view.nodes if not n.focus]
    assert len(neighbours) == 20 and view.truncated
    assert view.focus.ref == NodeRef.entity(focus.key)
    label = {e.key: e.label for p in papers for e, _, _ in p.mentions}
    by_type = defaultdict(list)
    for key, ids in shared.items():
        if key != focus.key and ids & shared[focus.key]:
            by_type[label[key]].append(len(shared[focus.key] & ids))
    shown = Counter(n.type for n in neighbours)
    # The cap is shared: a type with fewer neighbours than an equal share shows them all,
    # no type gets more than one over another that still has some hidden.
    assert set(shown) == set(by_type)
    for t, strengths in by_type.items():
        assert shown[t] == len(strengths) or all(shown[t] >= shown[o] - 1 for o in shown if o != t)
        assert view.hidden.get(t, 0) == len(strengths) - shown[t]
        # ... and within a type, the strongest, strongest first.
        mine = [len(shared[focus.key] & shared[n.ref.key]) for n in neighbours if n.type == t]
        assert mine == sorted(strengths, reverse=True)[: shown[t]]
    ids = {n.ref.id for n in view.nodes}
    assert all(e.source in ids and e.target in ids for e in view.edges)
    assert sum(view.available.values()) - view.available.get("Paper", 0) == sum(len(s) for s in by_type.values())


def test_type_caps_share_the_limit_without_crowding_out():
    assert views.type_caps({"Method": 500, "Dataset": 7, "Paper": 40}, ("Method", "Dataset", "Paper"), 150) == {
        "Dataset": 7, "Paper": 40, "Method": 103}
    assert views.type_caps({"Method": 500, "Task": 300}, ("Method", "Task", "Dataset"), 151) == {"Method": 76, "Task": 75}
    assert views.type_caps({"Method": 5}, ("Method", "Task"), 150) == {"Method": 5}
    assert views.type_caps({"Method": 5, "Task": 9}, ("Task",), 150) == {"Task": 9}


def test_explore_filters_by_type_weight_and_date(synthetic):
    store, _ = synthetic
    focus = NodeRef.entity(top_method(store).key)
    only = views.explore(store, focus, ViewFilters(types=("Benchmark", "Paper"), min_shared=2))
    assert {n.type for n in only.nodes if not n.focus} <= {"Benchmark", "Paper"}
    assert all(e.weight >= 2 for e in only.edges if e.type == "CO_OCCURS")
    recent = views.explore(store, focus, ViewFilters(types=NODE_TYPES, since="2025-06-01", until="2025-12-31"))
    for node in recent.nodes:
        if node.type == "Paper":
            assert "2025-06-01" <= views.paper_details(store, node.ref.key).paper.published <= "2025-12-31"
        elif not node.focus:
            entity = views.entity_details(store, node.ref.key).entity
            assert entity.last_seen >= "2025-06-01" and entity.first_seen <= "2025-12-31"


def test_expanding_a_node_brings_its_neighbours(synthetic):
    store, papers = synthetic
    focus = NodeRef.entity(top_method(store).key)
    base = views.explore(store, focus, ViewFilters(limit=10))
    leaf = min((n for n in base.nodes if not n.focus), key=lambda n: n.weight)
    grown = views.explore(store, focus, ViewFilters(limit=10), expanded=[leaf.ref], expand_limit=5)
    added = {n.ref for n in grown.nodes} - {n.ref for n in base.nodes}
    shared = mentions(papers)
    assert added and all(shared[ref.key] & shared[leaf.ref.key] for ref in added)


def test_paper_focus_shows_its_entities_and_related_papers(synthetic):
    store, papers = synthetic
    paper = papers[0]
    view = views.explore(store, NodeRef.paper(paper.id), ViewFilters(types=NODE_TYPES))
    entity_keys = {n.ref.key for n in view.nodes if n.type != "Paper"}
    assert entity_keys == {e.key for e, _, _ in paper.mentions}
    assert any(n.type == "Paper" and not n.focus for n in view.nodes)
    assert views.explore(store, NodeRef.paper("no-such-paper"), ViewFilters()) is None


def test_entity_details(synthetic):
    store, papers = synthetic
    entity = top_method(store)
    found = views.entity_details(store, entity.key, papers=5, per_type=3)
    assert found.entity == entity and len(found.papers) == 5
    assert [m.paper.published for m in found.papers] == sorted((m.paper.published for m in found.papers), reverse=True)
    assert all(entity.name in m.evidence for m in found.papers)
    for label, neighbours in found.related.items():
        assert all(n.entity.label == label for n in neighbours) and len(neighbours) <= 3
        assert [n.shared for n in neighbours] == sorted((n.shared for n in neighbours), reverse=True)
    proposed = {k for p in papers for k in p.proposes}
    key = next(iter(proposed))
    assert any(m.proposed for m in views.entity_details(store, key).papers)


def test_paper_details(synthetic):
    store, papers = synthetic
    paper = papers[1]
    found = views.paper_details(store, paper.id)
    assert found.paper.title == paper.title and found.paper.abstract == paper.abstract
    assert {e.entity.key for e in found.entities} == {e.key for e, _, _ in paper.mentions}
    assert views.paper_details(store, "missing") is None


def test_connect_goes_through_a_shared_paper(synthetic):
    store, papers = synthetic
    a, b = papers[0].mentions[0][0], papers[0].mentions[1][0]
    result = views.connect(store, a.key, b.key)
    assert result.connections
    for connection in result.connections:
        first, paper, last = connection.steps
        assert (first.key, last.key) == (a.key, b.key)
        assert {a.key, b.key} <= {e.key for e, _, _ in next(p for p in papers if p.id == paper.id).mentions}
    assert {n.ref.id for n in result.nodes if n.focus} == {f"e:{a.key}", f"e:{b.key}"}


def test_related_papers_share_the_most(synthetic):
    store, papers = synthetic
    paper = papers[2]
    related = views.related_papers(store, paper.id, limit=5)
    mine = {e.key for e, _, _ in paper.mentions if e.label in ("Method", "Dataset", "Benchmark")}
    counts = [len(r.shared) for r in related]
    assert counts == sorted(counts, reverse=True) and paper.id not in [r.paper.id for r in related]
    for r in related:
        theirs = {e.key for e, _, _ in next(p for p in papers if p.id == r.paper.id).mentions}
        assert {e.key for e in r.shared} == mine & theirs


def test_compare_papers(synthetic):
    store, papers = synthetic
    chosen = [papers[3], papers[4], papers[5]]
    comparison = views.compare_papers(store, [p.id for p in chosen])
    assert [p.id for p in comparison.papers] == [p.id for p in chosen]
    for row in comparison.rows:
        expected = tuple(row.entity.key in {e.key for e, _, _ in p.mentions} for p in chosen)
        assert row.present == expected and row.entity.label != "Task"
    shared_first = [row.shared for row in comparison.rows]
    assert shared_first == sorted(shared_first, reverse=True)


def recent_mentions(papers, since):
    """entity key → (recent papers mentioning it, the score trending gives it)."""
    found = defaultdict(lambda: (0, 0.0))
    for p in papers:
        if p.published >= since:
            for entity, _, _ in p.mentions:
                n, score = found[entity.key]
                found[entity.key] = (n + 1, score + 1 + math.log2(1 + p.upvotes))
    return found


@pytest.mark.parametrize("days", [30, 7])
def test_trending_needs_several_recent_papers(synthetic, days):
    """Entities of one upvoted paper no longer crowd the list: only entities
    in 2+ recent papers, by 1 + log2(1 + upvotes) summed over those papers."""
    store, papers = synthetic
    since, ranked = views.trending(store, days=days, limit=15)
    recent = recent_mentions(papers, since)
    several = sorted((score for n, score in recent.values() if n >= 2), reverse=True)
    assert 3 <= len(several)  # enough: no fallback on this window
    assert all(r.papers >= 2 for r in ranked)
    assert [r.score for r in ranked] == pytest.approx(several[:15])
    assert all((r.papers, r.score) == (recent[r.entity.key][0], pytest.approx(recent[r.entity.key][1])) for r in ranked)
    # The upvoted paper's own entities would outscore some of those listed.
    assert max(score for n, score in recent.values() if n == 1) > ranked[-1].score


def test_trending_falls_back_on_a_quiet_window(synthetic):
    """The newest day alone: too few entities recur, so single-paper ones
    fill the list, after those that recur."""
    store, papers = synthetic
    since, ranked = views.trending(store, days=0, limit=5)
    recent = recent_mentions(papers, since)
    assert since == max(p.published for p in papers)
    assert 0 < sum(1 for n, _ in recent.values() if n >= 2) < 3
    assert len(ranked) == 5 and ranked[0].papers >= 2 and ranked[-1].papers == 1
    assert [r.papers >= 2 for r in ranked] == sorted((r.papers >= 2 for r in ranked), reverse=True)


def test_overview_views(synthetic):
    store, papers = synthetic
    newest = max(p.published for p in papers)
    since, ranked = views.trending(store, days=30, limit=5)
    assert since == (dt.date.fromisoformat(newest) - dt.timedelta(days=30)).isoformat()
    assert [r.score for r in ranked] == sorted((r.score for r in ranked), reverse=True)
    top = views.top_entities(store, "Dataset", 3)
    assert [e.paper_count for e in top] == sorted((e.paper_count for e in top), reverse=True)
    points = views.mentions_over_time(store, [top[0].key])
    assert sum(p.papers for p in points) == top[0].paper_count
    matrix = views.co_occurrence_matrix(store, "Method", "Benchmark", 4, 3)
    shared = mentions(papers)
    for i, m in enumerate(matrix.rows):
        for j, b in enumerate(matrix.columns):
            assert matrix.values[i][j] == len(shared[m.key] & shared[b.key])


def test_console_reads_and_refuses_writes(synthetic):
    store, _ = synthetic
    result = views.run_console(store, "MATCH (p:Paper)-[r:MENTIONS]->(e:Entity) RETURN p, r, e LIMIT 7", {}, limit=5, timeout=5)
    assert result.columns == ["p", "r", "e"] and len(result.rows) == 5 and result.truncated
    assert result.graph.nodes and all(e.type == "MENTIONS" for e in result.graph.edges)
    with pytest.raises(ReadOnlyError):
        views.run_console(store, "MATCH (p:Paper) SET p.title = 'owned' RETURN p", {}, limit=5, timeout=5)
    assert views.graph_counts(store).papers == PAPERS
    assert not store.read("MATCH (p:Paper {title: 'owned'}) RETURN p").rows


# ---------------------------------------------------------------- capped reads, on the real seed graph
#
# The views read a hub's neighbours above per-type floors and find related
# papers through non-hub entities only. These compare them with the full,
# uncapped reads on the real seeds and check that no read returns more than
# its page.

FULL_NEIGHBOURS = """
MATCH (f:Entity {key: $key})-[c:CO_OCCURS]-(e:Entity)
WHERE c.papers >= $min_shared AND coalesce(e.confidence, 1.0) >= $min_confidence AND coalesce(f.confidence, 1.0) >= $min_confidence
RETURN e.label AS type, e.key AS key, e.paper_count AS size, c.papers AS papers
"""


@pytest.fixture(scope="module")
def seeds(seed_graph):
    from graph import open_store

    with open_store() as store:
        yield store


def test_strongest_neighbours_read_only_their_page_and_equal_a_full_sort(seeds):
    from graph.settings import MIN_CONFIDENCE
    from graph.views import strongest as strong

    returned = []
    read = seeds.read

    def counting(query, params=None, **kw):
        result = read(query, params, **kw)
        if query == strong.STRONGEST[seeds.dialect.name]:
            returned.append(Counter(row[2 + ENTITY_FIELDS.index("label")] for row in result.rows))
        return result

    keys = [e.key for label in ("Method", "Benchmark", "Task") for e in views.top_entities(seeds, label, 3)]
    longest = 0
    seeds.read = counting
    try:
        for key in keys:
            for min_shared, per_type in ((1, 3), (1, 40), (2, 5)):
                scope = strong.Scope(min_shared=min_shared)
                known = strong.neighbour_types(seeds, key, scope, views.NODE_TYPES[:-1])
                returned.clear()
                found = strong.strongest(seeds, key, known, views.NODE_TYPES[:-1], per_type)
                full = defaultdict(list)
                for row in read(FULL_NEIGHBOURS, {"key": key, "min_shared": min_shared, "min_confidence": MIN_CONFIDENCE}).records():
                    full[row["type"]].append((-row["papers"], -row["size"], row["key"]))
                assert known.available == {t: len(rows) for t, rows in full.items()}
                longest = max(longest, *known.available.values())
                expected = sorted(row for rows in full.values() for row in sorted(rows)[:per_type])
                got = sorted((-edge.properties["papers"], -node.properties["paper_count"], node.properties["key"]) for node, edge in found)
                assert got == expected
                # Each neighbour is the stored node as a view reads it: its store id, labels and ENTITY_FIELDS.
                whole = {n.id: n for (n,) in read("UNWIND $keys AS k MATCH (e:Entity {key: k}) RETURN e",
                                                  {"keys": [node.properties["key"] for node, _ in found]}).rows}
                for node, edge in found:
                    stored = whole[node.id]
                    assert set(node.labels) == set(stored.labels) and node.id in (edge.start, edge.end)
                    assert node.properties == {k: v for k, v in stored.properties.items() if k in ENTITY_FIELDS}
                    assert views.entity_of(node) == views.entity_of(stored)
                # The store sent no more than a page per type.
                assert all(n <= per_type for counts in returned for n in counts.values())
    finally:
        seeds.read = read
    assert longest > 40  # some type had more neighbours than the biggest page: the floors did cut


def test_related_papers_are_found_through_entities_below_the_hub_size(seeds, monkeypatch):
    from graph.views import connections, neighbourhood

    # A paper with one big entity (the hub here) and others of 2+ papers that lead elsewhere.
    paper, hub = next((r[0], r[1] - 1) for r in seeds.read(
        "MATCH (p:Paper)-[:MENTIONS]->(e:Entity) WHERE e.label IN ['Method', 'Dataset', 'Benchmark'] "
        "WITH p, collect(e.paper_count) AS sizes, max(e.paper_count) AS biggest "
        "WHERE biggest >= 10 AND size([n IN sizes WHERE 2 <= n AND n < biggest]) >= 2 RETURN p.id, biggest ORDER BY p.id LIMIT 1").rows)
    mine = {r[0]: r[1] for r in seeds.read(
        "MATCH (:Paper {id: $id})-[:MENTIONS]->(e:Entity) WHERE e.label IN ['Method', 'Dataset', 'Benchmark'] RETURN e.key, e.paper_count",
        {"id": paper}).rows}
    monkeypatch.setattr(connections, "RELATED_HUB", hub)
    related = views.related_papers(seeds, paper, limit=1000)
    assert related
    for r in related:
        theirs = {row[0] for row in seeds.read("MATCH (:Paper {id: $id})-[:MENTIONS]->(e:Entity) RETURN e.key", {"id": r.paper.id}).rows}
        # Found through an entity below the hub size, and every shared entity counted, hubs too.
        assert any(mine[k] <= hub for k in theirs & set(mine))
        assert {e.key for e in r.shared} == theirs & set(mine)
    monkeypatch.setattr(neighbourhood, "RELATED_HUB", 0)
    assert views.neighbourhood_types(seeds, NodeRef.paper(paper), ViewFilters(types=NODE_TYPES)).get("Paper", 0) == 0


def test_top_entities_and_counts_equal_a_full_read(seeds):
    from graph.settings import MIN_CONFIDENCE

    for label in ("Method", "Dataset", "Metric"):
        full = [r[0] for r in seeds.read(
            "MATCH (e:Entity) WHERE e.label = $label AND coalesce(e.confidence, 1.0) >= $min RETURN e.key ORDER BY e.paper_count DESC, e.key LIMIT 15",
            {"label": label, "min": MIN_CONFIDENCE}).rows]
        assert [e.key for e in views.top_entities(seeds, label, 15)] == full
    counts = views.graph_counts(seeds)
    assert counts.papers == seeds.scalar("MATCH (p:Paper) RETURN count(p)") == 307
    assert counts.entities == {r[0]: r[1] for r in seeds.read("MATCH (e:Entity) RETURN e.label, count(e)").rows}


def _route(steps) -> tuple[str, ...]:
    return tuple(getattr(s, "key", None) or s.id for s in steps)


def test_connect_finds_every_shortest_path_the_store_finds(seeds):
    """The search through middle entities, from the smaller end, gives
    exactly the paths of the store's own allShortestPaths (uncapped), in
    the asked direction, for hubs, one-paper entities and pairs between."""
    hub = seeds.scalar("MATCH (e:Entity) RETURN e.key ORDER BY e.paper_count DESC, e.key LIMIT 1")
    # One-paper entities two papers away from the hub (no paper mentions both), and one a paper away.
    far = [row[0] for row in seeds.read(
        "MATCH (h:Entity {key: $hub})<-[:MENTIONS]-(:Paper)-[:MENTIONS]->(:Entity)<-[:MENTIONS]-(p:Paper)-[:MENTIONS]->(e:Entity) "
        "WHERE e.paper_count = 1 AND NOT (p)-[:MENTIONS]->(h) RETURN DISTINCT e.key ORDER BY e.key LIMIT 3", {"hub": hub}).rows]
    near = seeds.scalar("MATCH (h:Entity {key: $hub})<-[:MENTIONS]-(:Paper)-[:MENTIONS]->(e:Entity {paper_count: 1}) "
                        "RETURN e.key ORDER BY e.key LIMIT 1", {"hub": hub})
    middling = [row[0] for row in seeds.read(
        "MATCH (e:Entity) WHERE e.paper_count >= 3 AND e.paper_count <= 6 RETURN e.key ORDER BY e.key LIMIT 4").rows]
    pairs = [(hub, k) for k in far] + [(far[0], hub), (near, hub), (hub, near), (far[0], far[1]),
                                       (middling[0], middling[1]), (middling[2], far[2]), (middling[3], hub)]
    found_some = 0
    for a, b in pairs:
        mine = [_route(c.steps) for c in views.connect(seeds, a, b, limit=100_000).connections]
        theirs = {_route(views.entity_of(n) if "Entity" in n.labels else views.paper_of(n) for n in row[0].nodes)
                  for row in seeds.read(seeds.dialect.shortest_paths(4), {"a": a, "b": b, "limit": 100_000}).rows}
        assert len(mine) == len(set(mine)) and set(mine) == theirs, (a, b)
        assert all(route[0] == a and route[-1] == b for route in mine)
        found_some += bool(mine)
        capped = views.connect(seeds, a, b).connections
        assert len(capped) == min(10, len(mine)) and {_route(c.steps) for c in capped} <= set(mine)
    assert found_some >= len(pairs) - 2


def test_connect_searches_from_the_smaller_end(seeds, monkeypatch):
    hub = seeds.scalar("MATCH (e:Entity) RETURN e.key ORDER BY e.paper_count DESC, e.key LIMIT 1")
    small = seeds.scalar("MATCH (e:Entity {paper_count: 1})-[:MENTIONS|CO_OCCURS]-() RETURN e.key ORDER BY e.key LIMIT 1")
    started, read = [], seeds.read
    monkeypatch.setattr(seeds, "read", lambda query, params=None, **kw: (
        started.append(params["start"]) if "start" in (params or {}) else None) or read(query, params, **kw))
    for a, b in ((hub, small), (small, hub)):
        views.connect(seeds, a, b)
        assert set(started) == {small}  # a walk out from the hub reads all its papers
        started.clear()


def test_a_papers_view_draws_the_related_papers_in_the_order_of_the_full_read(seeds):
    """The view reads the related papers without their shared entities
    (RELATED_PAPER_NODES): the same papers, in the same order, as the read
    that returns them (RELATED_PAPERS)."""
    from graph.views import neighbourhood

    papers = [r[0] for r in seeds.read("MATCH (p:Paper) RETURN p.id ORDER BY p.id LIMIT 30").rows]
    params = {"labels": list(ENTITY_LABELS), "min_shared": 1, "since": None, "until": None, "limit": 20,
              "hub": neighbourhood.RELATED_HUB}
    compared = 0
    for paper in papers:
        full = [row[0].properties["id"] for row in seeds.read(neighbourhood.RELATED_PAPERS, params | {"key": paper}).rows]
        assert [row[0].properties["id"] for row in seeds.read(neighbourhood.RELATED_PAPER_NODES, params | {"key": paper}).rows] == full
        compared += len(full)
        view = views.explore(seeds, NodeRef.paper(paper), ViewFilters(types=NODE_TYPES, limit=20))
        drawn = {n.ref.key for n in view.nodes if n.type == "Paper" and not n.focus}
        assert drawn == set(full[:len(drawn)])  # the view's share of papers, strongest first
    assert compared > 100


def test_entity_details_list_the_newest_papers_with_their_links_as_a_full_read(seeds):
    for key in [r[0] for r in seeds.read("MATCH (e:Entity) RETURN e.key ORDER BY e.paper_count DESC, e.key LIMIT 3").rows]:
        full = seeds.read(
            "MATCH (e:Entity {key: $key})<-[m:MENTIONS]-(p:Paper) OPTIONAL MATCH (p)-[pr:PROPOSES]->(e) "
            "RETURN p.id, p.published, m.evidence, m.surfaces, pr IS NOT NULL ORDER BY p.published DESC, p.id LIMIT 12", {"key": key}).rows
        listed = views.entity_details(seeds, key, papers=12).papers
        assert len(full) == 12
        assert sorted((m.paper.id, m.evidence, m.surfaces, m.proposed) for m in listed) == sorted(
            (i, evidence or "", tuple(surfaces or ()), proposed) for i, _, evidence, surfaces, proposed in full)


def test_an_entitys_view_draws_its_most_upvoted_papers_with_their_links(seeds):
    for key in [r[0] for r in seeds.read("MATCH (e:Entity) RETURN e.key ORDER BY e.paper_count DESC, e.key LIMIT 3").rows]:
        full = [r[0] for r in seeds.read(
            "MATCH (:Entity {key: $key})<-[:MENTIONS]-(p:Paper) RETURN p.id ORDER BY p.upvotes DESC, p.published DESC, p.id",
            {"key": key}).rows]
        view = views.explore(seeds, NodeRef.entity(key), ViewFilters(types=NODE_TYPES, limit=40))
        drawn = [n.ref.key for n in view.nodes if n.type == "Paper"]
        assert drawn and len(drawn) < len(full) and set(drawn) == set(full[:len(drawn)])
        linked = {(e.source, e.target) for e in view.edges if e.type == "MENTIONS"}
        assert all((f"p:{paper}", f"e:{key}") in linked for paper in drawn)


def test_related_paper_count_without_shared_threshold_equals_the_full_count(seeds):
    from graph.views import neighbourhood
    from graph.views.model import ENTITY_LABELS

    papers = [r[0] for r in seeds.read("MATCH (p:Paper) RETURN p.id ORDER BY p.id LIMIT 40").rows]
    params = {"labels": list(ENTITY_LABELS), "min_shared": 1, "since": None, "until": None, "hub": neighbourhood.RELATED_HUB}
    counted = [(seeds.scalar(neighbourhood.RELATED_PAPER_COUNT_ANY, params | {"key": p}),
                seeds.scalar(neighbourhood.RELATED_PAPER_COUNT, params | {"key": p})) for p in papers]
    assert all(fast == full for fast, full in counted)
    assert sum(full for _, full in counted) > 100  # papers with related papers were compared, not only empty ones
