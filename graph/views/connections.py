"""The Connect page: shortest paths between two entities, related papers,
and papers compared side by side."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from graph.export.convert import collect
from graph.results import GPath
from graph.store import GraphStore
from graph.views.model import PAPER, Entity, GraphView, Paper, entity_of, paper_of, view_graph
from graph.views.neighbourhood import RELATED_HUB, RELATED_PAPERS


@dataclass(frozen=True)
class Connection:
    """One shortest path, alternating entity, paper, entity, ..."""

    steps: tuple[Entity | Paper, ...]

    @property
    def papers(self) -> list[Paper]:
        return [s for s in self.steps if isinstance(s, Paper)]


@dataclass
class ConnectView(GraphView):
    connections: list[Connection] = field(default_factory=list)


@dataclass(frozen=True)
class RelatedPaper:
    paper: Paper
    shared: tuple[Entity, ...]


@dataclass(frozen=True)
class ComparisonRow:
    entity: Entity
    present: tuple[bool, ...]  # one per compared paper

    @property
    def shared(self) -> bool:
        return all(self.present)


@dataclass
class Comparison:
    papers: list[Paper]
    rows: list[ComparisonRow]


PAPER_COUNTS = "MATCH (e:Entity) WHERE e.key IN $keys RETURN e.key, e.paper_count"
# A path between two entities alternates entity and paper, so the shortest
# has two hops (a paper mentions both) or four (through a middle entity).
# The store's allShortestPaths walked out from one end through every paper
# of every entity on the way: from a one-paper entity whose paper mentions
# "accuracy", all 8.6k papers of accuracy and their entities (0.2-0.6 s on
# the 40k graph). Here the search starts at the end with fewer papers (s),
# the middles are the entities of its papers, and each middle's second
# paper is walked from whichever of the middle and the far end (t) has
# fewer papers; middles with fewest papers come first (the most telling
# links, hubs last), so the LIMIT stops the walk early. Each query is
# written in the order FalkorDB walks it.
DIRECT_PATHS = """
MATCH (s:Entity {key: $start}) WITH s
MATCH (t:Entity {key: $end}) WITH s, t
MATCH (s)<-[r1:MENTIONS]-(p1:Paper)-[r2:MENTIONS]->(t)
RETURN [s, p1, t] AS nodes, [r1, r2] AS edges LIMIT $limit
"""
MIDDLES = """
MATCH (s:Entity {key: $start})<-[:MENTIONS]-(:Paper)-[:MENTIONS]->(m:Entity)
WHERE m.key <> $start
RETURN DISTINCT m.key AS key, m.paper_count AS papers
"""
_THROUGH = """
MATCH (s:Entity {{key: $start}}) WITH s
MATCH (t:Entity {{key: $end}}) WITH s, t
UNWIND $middles AS middle
MATCH (m:Entity {{key: middle}}) WITH s, t, m
MATCH (s)<-[r1:MENTIONS]-(p1:Paper)-[r2:MENTIONS]->(m) WITH s, t, m, p1, r1, r2
MATCH {second}
RETURN [s, p1, m, p2, t] AS nodes, [r1, r2, r3, r4] AS edges LIMIT $limit
"""
THROUGH_SMALL_MIDDLES = _THROUGH.format(second="(m)<-[r3:MENTIONS]-(p2:Paper)-[r4:MENTIONS]->(t)")
THROUGH_BIG_MIDDLES = _THROUGH.format(second="(t)<-[r4:MENTIONS]-(p2:Paper)-[r3:MENTIONS]->(m)")


def connect(store: GraphStore, a: str, b: str, max_hops: int = 4, limit: int = 10) -> ConnectView:
    """Shortest paths from entity `a` to entity `b` through papers (up to
    `limit`), searched from the end with fewer papers."""
    counts = {key: count or 0 for key, count in store.read(PAPER_COUNTS, {"keys": [a, b]}).rows}
    start, end = (b, a) if counts.get(a, 0) > counts.get(b, 0) else (a, b)
    paths = _shortest_paths(store, start, end, counts.get(end, 0), max_hops, limit)
    nodes, edges = collect(paths)
    ends = {i for i, n in nodes.items() if PAPER not in n.labels and n.properties.get("key") in (a, b)}
    view = view_graph(nodes, edges, ends)
    connections = [
        Connection(tuple(paper_of(n) if PAPER in n.labels else entity_of(n) for n in (path.nodes if start == a else path.nodes[::-1])))
        for path in paths
    ]
    return ConnectView(view.nodes, view.edges, view.subgraph, connections)


def _shortest_paths(store: GraphStore, start: str, end: str, end_papers: int, max_hops: int, limit: int) -> list[GPath]:
    params = {"start": start, "end": end, "limit": limit}
    if max_hops < 2 or start == end:
        return []
    paths = _paths(store, DIRECT_PATHS, params)
    if paths or max_hops < 4:
        return paths
    middles = sorted(store.read(MIDDLES, {"start": start}).rows, key=lambda row: (row[1] or 0, row[0]))
    for query, chosen in ((THROUGH_SMALL_MIDDLES, [k for k, n in middles if (n or 0) <= end_papers]),
                          (THROUGH_BIG_MIDDLES, [k for k, n in middles if (n or 0) > end_papers])):
        if chosen and len(paths) < limit:
            paths += _paths(store, query, params | {"middles": chosen, "limit": limit - len(paths)})
    if paths or max_hops < 6:
        return paths
    rows = store.read(store.dialect.shortest_paths(max_hops), {"a": start, "b": end, "limit": limit}).rows
    return [row[0] for row in rows if isinstance(row[0], GPath)]


def _paths(store: GraphStore, query: str, params: dict) -> list[GPath]:
    return [GPath(tuple(row[0]), tuple(row[1])) for row in store.read(query, params).rows]


def related_papers(store: GraphStore, paper_id: str, limit: int = 10, labels: Sequence[str] = ("Method", "Dataset", "Benchmark")) -> list[RelatedPaper]:
    params = {"key": paper_id, "labels": list(labels), "min_shared": 1, "since": None, "until": None, "limit": limit, "hub": RELATED_HUB}
    return [
        RelatedPaper(paper_of(row[0]), tuple(sorted((entity_of(n) for n in row[1]), key=lambda e: (e.label, e.name))))
        for row in store.read(RELATED_PAPERS, params).rows
    ]


COMPARED_ENTITIES = """
MATCH (p:Paper)-[:MENTIONS]->(e:Entity)
WHERE p.id IN $ids AND e.label IN $labels
RETURN p.id AS paper, e
"""
PAPERS_BY_ID = "MATCH (p:Paper) WHERE p.id IN $ids RETURN p"

COMPARED_LABELS = ("Method", "Dataset", "Benchmark", "Metric")


def compare_papers(store: GraphStore, paper_ids: Sequence[str]) -> Comparison:
    """Which methods, datasets, benchmarks and metrics each paper mentions:
    shared ones first, then by type and name."""
    found = {paper_of(row[0]).id: paper_of(row[0]) for row in store.read(PAPERS_BY_ID, {"ids": list(paper_ids)}).rows}
    papers = [found[i] for i in paper_ids if i in found]
    order = {p.id: i for i, p in enumerate(papers)}
    present: dict[str, list[bool]] = {}
    entities: dict[str, Entity] = {}
    for row in store.read(COMPARED_ENTITIES, {"ids": list(order), "labels": list(COMPARED_LABELS)}).rows:
        entity = entity_of(row[1])
        entities[entity.key] = entity
        present.setdefault(entity.key, [False] * len(papers))[order[row[0]]] = True
    rows = [ComparisonRow(entities[k], tuple(v)) for k, v in present.items()]
    rows.sort(key=lambda r: (-sum(r.present), COMPARED_LABELS.index(r.entity.label), r.entity.name.casefold()))
    return Comparison(papers, rows)
