"""The read queries behind the web app, returning typed dataclasses.

Every query is one parameterised string that runs unchanged on FalkorDB and
Neo4j 5; what differs (full-text search, shortest paths, node ids) comes
from `store.dialect`. User text reaches Cypher only as parameters. Views
that can be drawn or exported also carry a `Subgraph` of the store's own
nodes and edges, so a download is exactly what `paperkg export` writes.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from graph import queries
from graph.dialect import ENTITY_LABELS, fulltext_query
from graph.export.convert import collect, result_graph
from graph.export.select import Subgraph
from graph.render import plain
from graph.results import GEdge, GNode, GPath
from graph.store import GraphStore

PAPER = "Paper"
EDGES_PER_NODE = 3  # strongest entity-entity edges kept per view node: more is a hairball
PAPER_SHARE = 3  # with entity types shown too, papers take at most 1/PAPER_SHARE of a view
EDGE_CANDIDATES = 100  # entities (most papers first) whose pairwise links are looked up
NODE_TYPES = (*ENTITY_LABELS, PAPER)


# ---------------------------------------------------------------- typed values


@dataclass(frozen=True)
class Entity:
    key: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    paper_count: int = 0
    mention_count: int = 0
    first_seen: str | None = None
    last_seen: str | None = None


@dataclass(frozen=True)
class Paper:
    id: str
    title: str
    published: str | None = None
    upvotes: int = 0
    url: str | None = None
    authors: tuple[str, ...] = ()
    organization: str | None = None
    abstract: str = ""


@dataclass(frozen=True)
class NodeRef:
    """An entity (by key) or a paper (by id), as the URL and canvas name it."""

    kind: str  # "e" or "p"
    key: str

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.key}"

    @classmethod
    def parse(cls, text: str | None) -> "NodeRef | None":
        kind, sep, key = (text or "").partition(":")
        return cls(kind, key) if sep and kind in ("e", "p") and key else None

    @classmethod
    def entity(cls, key: str) -> "NodeRef":
        return cls("e", key)

    @classmethod
    def paper(cls, paper_id: str) -> "NodeRef":
        return cls("p", paper_id)


@dataclass(frozen=True)
class GraphCounts:
    papers: int
    entities: dict[str, int]  # label → count, every label present

    @property
    def total_entities(self) -> int:
        return sum(self.entities.values())


@dataclass(frozen=True)
class Suggestion:
    ref: NodeRef
    name: str
    label: str  # entity label or "Paper"
    detail: str  # "Method · 12 papers" / "Paper · 2024-05-01"


@dataclass(frozen=True)
class ViewFilters:
    types: tuple[str, ...] = ENTITY_LABELS  # which node types may join the view (NODE_TYPES)
    min_shared: int = 1  # an edge needs at least this many shared papers (entities) or entities (papers)
    since: str | None = None  # ISO dates: papers published, entities active, in the range
    until: str | None = None
    limit: int = 150


@dataclass(frozen=True)
class ViewNode:
    ref: NodeRef
    name: str
    type: str  # entity label or "Paper"
    weight: int  # paper count (entities) or upvotes (papers): drives size
    focus: bool = False


@dataclass(frozen=True)
class ViewEdge:
    source: str  # NodeRef.id
    target: str
    type: str  # CO_OCCURS | MENTIONS
    weight: int  # shared papers (CO_OCCURS) or mentions in the paper (MENTIONS)


@dataclass
class GraphView:
    """What a canvas draws, plus the store's subgraph behind it for export."""

    nodes: list[ViewNode]
    edges: list[ViewEdge]
    subgraph: Subgraph

    def shown_by_type(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for node in self.nodes:
            if not node.focus:
                counts[node.type] += 1
        return dict(counts)


@dataclass
class ExploreView(GraphView):
    focus: ViewNode | None = None
    available: dict[str, int] = field(default_factory=dict)  # neighbours by type before filters on type and cap
    truncated: bool = False  # the cap left some out: "show more" helps


@dataclass(frozen=True)
class PaperMention:
    paper: Paper
    evidence: str
    surfaces: tuple[str, ...]
    proposed: bool


@dataclass(frozen=True)
class Neighbour:
    entity: Entity
    shared: int  # papers mentioning both


@dataclass
class EntityDetails:
    entity: Entity
    papers: list[PaperMention]
    related: dict[str, list[Neighbour]]  # label → top co-occurring entities


@dataclass(frozen=True)
class EntityInPaper:
    entity: Entity
    surfaces: tuple[str, ...]
    count: int
    proposed: bool


@dataclass
class PaperDetails:
    paper: Paper
    entities: list[EntityInPaper]


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


@dataclass(frozen=True)
class Ranked:
    entity: Entity
    papers: int
    score: float


@dataclass(frozen=True)
class TimePoint:
    key: str
    name: str
    month: str  # YYYY-MM
    papers: int


@dataclass
class Matrix:
    rows: list[Entity]
    columns: list[Entity]
    values: list[list[int]]  # values[row][column]: shared papers


@dataclass
class ConsoleResult:
    columns: list[str]
    rows: list[list[Any]]  # JSON-able (graph.render.plain)
    truncated: bool
    graph: GraphView  # the nodes and relationships among the values


# ---------------------------------------------------------------- conversions


def entity_of(node: GNode) -> Entity:
    p = node.properties
    return Entity(
        key=p.get("key", ""),
        name=p.get("name") or p.get("key", ""),
        label=p.get("label") or next((lab for lab in node.labels if lab in ENTITY_LABELS), "Entity"),
        aliases=tuple(p.get("aliases") or ()),
        paper_count=p.get("paper_count") or 0,
        mention_count=p.get("mention_count") or 0,
        first_seen=p.get("first_seen"),
        last_seen=p.get("last_seen"),
    )


def paper_of(node: GNode) -> Paper:
    p = node.properties
    return Paper(
        id=p.get("id", ""),
        title=p.get("title") or "(untitled)",
        published=p.get("published"),
        upvotes=p.get("upvotes") or 0,
        url=p.get("url"),
        authors=tuple(p.get("authors") or ()),
        organization=p.get("organization"),
        abstract=p.get("abstract") or "",
    )


def _view_node(node: GNode, focus: bool = False) -> ViewNode:
    if PAPER in node.labels:
        paper = paper_of(node)
        return ViewNode(NodeRef.paper(paper.id), paper.title, PAPER, paper.upvotes, focus)
    if "Entity" in node.labels:
        entity = entity_of(node)
        return ViewNode(NodeRef.entity(entity.key), entity.name, entity.label, entity.paper_count, focus)
    # Anything else a console query returns: named by its store id, no details.
    label = node.labels[0] if node.labels else "Node"
    return ViewNode(NodeRef("n", node.id), str(node.properties.get("name", label)), label, 0, focus)


# ---------------------------------------------------------------- header, search

def graph_counts(store: GraphStore) -> GraphCounts:
    papers, entities = 0, dict.fromkeys(ENTITY_LABELS, 0)
    for row in store.read(queries.COUNTS).records():
        papers = row["papers"]
        if row["label"] in entities:
            entities[row["label"]] = row["entities"]
    return GraphCounts(papers, entities)


def search(store: GraphStore, text: str, limit: int = 12, kinds: Sequence[str] = ("e", "p")) -> list[Suggestion]:
    """Entities (names and aliases) first, then paper titles; `kinds`
    narrows to "e" (entities) or "p" (papers)."""
    q = fulltext_query(text)
    if not q:
        return []
    found = []
    if "e" in kinds:
        for row in store.read(store.dialect.entity_search, {"q": q, "limit": limit}).rows:
            e = entity_of(row[0])
            found.append(Suggestion(NodeRef.entity(e.key), e.name, e.label, f"{e.label} · {e.paper_count} paper{'s' * (e.paper_count != 1)}"))
    if "p" in kinds:
        room = max(3, limit - len(found))  # a few titles always show under the entities
        for row in store.read(store.dialect.paper_search, {"q": q, "limit": room}).rows:
            p = paper_of(row[0])
            found.append(Suggestion(NodeRef.paper(p.id), p.title, PAPER, f"Paper · {p.published or 'undated'}"))
    return found


def find_node(store: GraphStore, ref: NodeRef) -> GNode | None:
    query = FIND_ENTITY if ref.kind == "e" else FIND_PAPER
    rows = store.read(query, {"key": ref.key}).rows
    return rows[0][0] if rows else None


FIND_ENTITY = "MATCH (e:Entity {key: $key}) RETURN e"
FIND_PAPER = "MATCH (p:Paper {id: $key}) RETURN p"


# ---------------------------------------------------------------- explore

# The date range keeps papers published in it and entities active in it
# (first seen before its end, last seen after its start). Each query anchors
# on its start node and only then filters (`WITH`): otherwise FalkorDB
# plans from the `published` index and scans every paper.
# Pairs of view nodes are matched by key and tested for an edge, instead of
# expanding every CO_OCCURS of popular entities (thousands each).
_PAPER_IN_RANGE = "($since IS NULL OR p.published >= $since) AND ($until IS NULL OR p.published <= $until)"
_ENTITY_IN_RANGE = "($since IS NULL OR e.last_seen >= $since) AND ($until IS NULL OR e.first_seen <= $until)"

ENTITY_NEIGHBOURS = f"""
MATCH (f:Entity {{key: $key}}) WITH f
MATCH (f)-[c:CO_OCCURS]-(e:Entity)
WHERE e.label IN $labels AND c.papers >= $min_shared AND {_ENTITY_IN_RANGE}
RETURN e, c ORDER BY c.papers DESC, e.paper_count DESC, e.key LIMIT $limit
"""
ENTITY_NEIGHBOUR_TYPES = f"""
MATCH (f:Entity {{key: $key}}) WITH f
MATCH (f)-[c:CO_OCCURS]-(e:Entity)
WHERE c.papers >= $min_shared AND {_ENTITY_IN_RANGE}
RETURN e.label AS type, count(e) AS n
"""
ENTITY_PAPERS = f"""
MATCH (f:Entity {{key: $key}}) WITH f
MATCH (f)<-[m:MENTIONS]-(p:Paper)
WHERE {_PAPER_IN_RANGE}
RETURN p, m ORDER BY p.upvotes DESC, p.published DESC, p.id LIMIT $limit
"""
ENTITY_PAPER_COUNT = f"""
MATCH (f:Entity {{key: $key}}) WITH f
MATCH (f)<-[:MENTIONS]-(p:Paper)
WHERE {_PAPER_IN_RANGE}
RETURN count(p)
"""
PAPER_ENTITIES = f"""
MATCH (p:Paper {{id: $key}}) WITH p
MATCH (p)-[m:MENTIONS]->(e:Entity)
WHERE e.label IN $labels AND {_ENTITY_IN_RANGE}
RETURN e, m ORDER BY e.paper_count DESC, e.key LIMIT $limit
"""
RELATED_PAPER_COUNT = f"""
MATCH (src:Paper {{id: $key}})-[:MENTIONS]->(e:Entity) WITH e
MATCH (e)<-[:MENTIONS]-(p:Paper)
WHERE p.id <> $key AND {_PAPER_IN_RANGE}
WITH p, count(DISTINCT e) AS shared WHERE shared >= $min_shared
RETURN count(p)
"""
PAPER_ENTITY_TYPES = "MATCH (p:Paper {id: $key})-[:MENTIONS]->(e:Entity) RETURN e.label AS type, count(e) AS n"
RELATED_PAPERS = f"""
MATCH (src:Paper {{id: $key}})-[:MENTIONS]->(e:Entity)
WHERE e.label IN $labels WITH e
MATCH (e)<-[:MENTIONS]-(p:Paper)
WHERE p.id <> $key AND {_PAPER_IN_RANGE}
WITH p, collect(DISTINCT e) AS shared
WHERE size(shared) >= $min_shared
RETURN p, shared ORDER BY size(shared) DESC, p.upvotes DESC, p.id LIMIT $limit
"""
EDGES_AMONG_ENTITIES = """
UNWIND $keys AS key
MATCH (e:Entity {key: key})
WITH collect(e) AS view
UNWIND view AS a
UNWIND view AS b
WITH a, b WHERE a.key < b.key
MATCH (a)-[c:CO_OCCURS]->(b)
WHERE c.papers >= $min_shared
RETURN c ORDER BY c.papers DESC LIMIT $limit
"""
EDGES_PAPERS_TO_ENTITIES = """
MATCH (p:Paper)-[m:MENTIONS]->(e:Entity)
WHERE p.id IN $ids AND e.key IN $keys
RETURN m
"""


class _ViewBuilder:
    """Collects nodes (first come keeps its place) until the cap, then the
    edges among everything collected."""

    def __init__(self, store: GraphStore, filters: ViewFilters):
        self.store, self.filters = store, filters
        self.nodes: dict[str, GNode] = {}  # store id → node, in arrival order
        self.edges: dict[str, GEdge] = {}
        self.focus_ids: set[str] = set()
        self.truncated = False

    def params(self, key: str, limit: int) -> dict[str, Any]:
        f = self.filters
        return {"key": key, "labels": [t for t in f.types if t != PAPER], "min_shared": f.min_shared,
                "since": f.since or None, "until": f.until or None, "limit": limit}

    def add(self, rows: Iterable[list], room: int) -> None:
        """Rows of (node, relationship to the node being expanded, ...): the
        node joins while there is room, the relationship whenever its node
        is in the view (so an expansion links to nodes already there)."""
        added = 0
        for row in rows:
            node, edge = row[0], row[1] if isinstance(row[1], GEdge) else None
            if node.id not in self.nodes:
                if added >= room:
                    self.truncated = True
                    continue
                self.nodes[node.id] = node
                added += 1
            if edge is not None:
                self.edges[edge.id] = edge

    def neighbours(self, ref: NodeRef, limit: int) -> None:
        """Add up to `limit` neighbours of one node, of the filtered types."""
        types = set(self.filters.types)
        wants_papers = PAPER in types
        wants_entities = bool(types - {PAPER})
        paper_room = limit // PAPER_SHARE if wants_entities else limit  # papers never crowd out entities
        entity_room = limit - (paper_room if wants_papers else 0)
        entities, papers = (ENTITY_NEIGHBOURS, ENTITY_PAPERS) if ref.kind == "e" else (PAPER_ENTITIES, RELATED_PAPERS)
        if wants_entities:
            self.add(self.store.read(entities, self.params(ref.key, entity_room + 1)).rows, entity_room)
        if wants_papers:
            self.add(self.store.read(papers, self.params(ref.key, paper_room + 1)).rows, paper_room)

    def build(self) -> GraphView:
        """Adds the strongest links among the best-known entities in view
        (all pairs of a few hundred nodes would cost more than the whole
        rest) and every paper's links to entities in view."""
        entities = sorted((n for n in self.nodes.values() if PAPER not in n.labels),
                          key=lambda n: -(n.properties.get("paper_count") or 0))
        keys = [n.properties.get("key") for n in entities]
        ids = [n.properties.get("id") for n in self.nodes.values() if PAPER in n.labels]
        if len(keys) > 1:
            params = {"keys": keys[:EDGE_CANDIDATES], "min_shared": self.filters.min_shared, "limit": EDGES_PER_NODE * len(self.nodes)}
            self.edges.update((row[0].id, row[0]) for row in self.store.read(EDGES_AMONG_ENTITIES, params).rows)
        if keys and ids:
            rows = self.store.read(EDGES_PAPERS_TO_ENTITIES, {"keys": keys, "ids": ids}).rows
            self.edges.update((row[0].id, row[0]) for row in rows)
        return view_graph(dict(self.nodes), self.edges, self.focus_ids, self.truncated)


def explore(store: GraphStore, focus: NodeRef, filters: ViewFilters, expanded: Sequence[NodeRef] = (), expand_limit: int = 25) -> ExploreView | None:
    """The focus, its strongest neighbours of the chosen types (up to the
    cap), and the neighbours of each expanded node. None: no such node."""
    start = find_node(store, focus)
    if start is None:
        return None
    builder = _ViewBuilder(store, filters)
    builder.nodes[start.id] = start
    builder.focus_ids.add(start.id)
    builder.neighbours(focus, filters.limit)
    for ref in expanded:
        builder.neighbours(ref, expand_limit)
    view = builder.build()
    return ExploreView(
        nodes=view.nodes, edges=view.edges, subgraph=view.subgraph,
        focus=next(n for n in view.nodes if n.focus),
        available=neighbourhood_types(store, focus, filters),
        truncated=builder.truncated,
    )


def neighbourhood_types(store: GraphStore, ref: NodeRef, filters: ViewFilters) -> dict[str, int]:
    """How many neighbours of each type the focus has, whatever the type
    filter and cap: the "12 benchmarks, 40 papers, 3 tasks" summary."""
    params = _ViewBuilder(store, filters).params(ref.key, 0)
    if ref.kind == "e":
        counts = {row[0]: row[1] for row in store.read(ENTITY_NEIGHBOUR_TYPES, params).rows}
        counts[PAPER] = store.scalar(ENTITY_PAPER_COUNT, params) or 0
    else:
        counts = {row[0]: row[1] for row in store.read(PAPER_ENTITY_TYPES, params).rows}
        counts[PAPER] = store.scalar(RELATED_PAPER_COUNT, params) or 0
    return {t: counts[t] for t in NODE_TYPES if counts.get(t)}


# ---------------------------------------------------------------- details

# Newest papers first; PROPOSES is looked up only for the ones listed.
ENTITY_PAPER_LIST = """
MATCH (e:Entity {key: $key}) WITH e
MATCH (e)<-[m:MENTIONS]-(p:Paper)
WITH e, p, m ORDER BY p.published DESC, p.id LIMIT $limit
OPTIONAL MATCH (p)-[pr:PROPOSES]->(e)
RETURN p, m.evidence AS evidence, m.surfaces AS surfaces, pr IS NOT NULL AS proposed
"""
CO_OCCURRING = """
MATCH (e:Entity {key: $key})-[c:CO_OCCURS]-(o:Entity)
WHERE o.label = $label
RETURN o, c.papers AS shared ORDER BY shared DESC, o.paper_count DESC, o.key LIMIT $limit
"""
PAPER_ENTITY_LIST = """
MATCH (p:Paper {id: $key})-[m:MENTIONS]->(e:Entity)
OPTIONAL MATCH (p)-[pr:PROPOSES]->(e)
RETURN e, m.surfaces AS surfaces, m.count AS count, count(pr) > 0 AS proposed
ORDER BY e.label, e.name
"""


def entity_details(store: GraphStore, key: str, papers: int = 50, per_type: int = 5) -> EntityDetails | None:
    node = find_node(store, NodeRef.entity(key))
    if node is None:
        return None
    mentions = [
        PaperMention(paper_of(row["p"]), row["evidence"] or "", tuple(row["surfaces"] or ()), bool(row["proposed"]))
        for row in store.read(ENTITY_PAPER_LIST, {"key": key, "limit": papers}).records()
    ]
    mentions.sort(key=lambda m: m.paper.published or "", reverse=True)  # OPTIONAL MATCH need not keep order
    related = {}
    for label in ENTITY_LABELS:  # one small indexed query per type beats sorting thousands of neighbours
        rows = store.read(CO_OCCURRING, {"key": key, "label": label, "limit": per_type}).rows
        if rows:
            related[label] = [Neighbour(entity_of(row[0]), row[1]) for row in rows]
    return EntityDetails(entity_of(node), mentions, related)


def paper_details(store: GraphStore, paper_id: str) -> PaperDetails | None:
    node = find_node(store, NodeRef.paper(paper_id))
    if node is None:
        return None
    entities = [
        EntityInPaper(entity_of(row["e"]), tuple(row["surfaces"] or ()), row["count"] or 1, bool(row["proposed"]))
        for row in store.read(PAPER_ENTITY_LIST, {"key": paper_id}).records()
    ]
    return PaperDetails(paper_of(node), entities)


# ---------------------------------------------------------------- connect, related, compare


def connect(store: GraphStore, a: str, b: str, max_hops: int = 4, limit: int = 10) -> ConnectView:
    """Shortest paths from entity `a` to entity `b` through papers."""
    rows = store.read(store.dialect.shortest_paths(max_hops), {"a": a, "b": b, "limit": limit}).rows
    paths = [row[0] for row in rows if isinstance(row[0], GPath)]
    nodes, edges = collect(paths)
    ends = {i for i, n in nodes.items() if PAPER not in n.labels and n.properties.get("key") in (a, b)}
    view = view_graph(nodes, edges, ends)
    connections = [
        Connection(tuple(paper_of(n) if PAPER in n.labels else entity_of(n) for n in path.nodes))
        for path in paths
    ]
    return ConnectView(view.nodes, view.edges, view.subgraph, connections)


def related_papers(store: GraphStore, paper_id: str, limit: int = 10, labels: Sequence[str] = ("Method", "Dataset", "Benchmark")) -> list[RelatedPaper]:
    params = {"key": paper_id, "labels": list(labels), "min_shared": 1, "since": None, "until": None, "limit": limit}
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


# ---------------------------------------------------------------- overview

NEWEST_PAPER = "MATCH (p:Paper) RETURN max(p.published)"
TRENDING = """
MATCH (p:Paper)-[:MENTIONS]->(e:Entity)
WHERE p.published >= $since
WITH e, count(p) AS papers, sum(1 + coalesce(p.upvotes, 0)) AS score
RETURN e, papers, score ORDER BY score DESC, papers DESC, e.key LIMIT $limit
"""
TOP_ENTITIES = """
MATCH (e:Entity) WHERE e.label = $label
RETURN e ORDER BY e.paper_count DESC, e.key LIMIT $limit
"""
MONTHLY_MENTIONS = """
UNWIND $keys AS key
MATCH (e:Entity {key: key}) WITH e
MATCH (e)<-[:MENTIONS]-(p:Paper)
WHERE p.published IS NOT NULL
RETURN e.key AS key, e.name AS name, substring(p.published, 0, 7) AS month, count(p) AS papers
ORDER BY month
"""
PAIR_COUNTS = """
UNWIND $rows AS row MATCH (a:Entity {key: row}) WITH collect(a) AS rows
UNWIND $columns AS column MATCH (b:Entity {key: column}) WITH rows, collect(b) AS columns
UNWIND rows AS a UNWIND columns AS b
MATCH (a)-[c:CO_OCCURS]-(b)
RETURN a.key, b.key, c.papers
"""


def trending(store: GraphStore, days: int = 30, limit: int = 15) -> tuple[str | None, list[Ranked]]:
    """Entities of the last `days` before the newest paper, each recent
    paper counting 1 + its upvotes. Returns the window's start and the ranking."""
    import datetime as dt

    newest = store.scalar(NEWEST_PAPER)
    if not newest:
        return None, []
    since = (dt.date.fromisoformat(newest[:10]) - dt.timedelta(days=days)).isoformat()
    rows = store.read(TRENDING, {"since": since, "limit": limit}).rows
    return since, [Ranked(entity_of(row[0]), row[1], row[2]) for row in rows]


def top_entities(store: GraphStore, label: str, limit: int = 15) -> list[Entity]:
    return [entity_of(row[0]) for row in store.read(TOP_ENTITIES, {"label": label, "limit": limit}).rows]


def mentions_over_time(store: GraphStore, keys: Sequence[str]) -> list[TimePoint]:
    if not keys:
        return []
    return [TimePoint(*row) for row in store.read(MONTHLY_MENTIONS, {"keys": list(keys)}).rows]


def co_occurrence_matrix(store: GraphStore, row_label: str, column_label: str, rows: int, columns: int) -> Matrix:
    """Shared papers between the top `rows` entities of one type and the top
    `columns` of another (methods × benchmarks)."""
    row_entities = top_entities(store, row_label, rows)
    column_entities = top_entities(store, column_label, columns)
    values = [[0] * len(column_entities) for _ in row_entities]
    r_index = {e.key: i for i, e in enumerate(row_entities)}
    c_index = {e.key: i for i, e in enumerate(column_entities)}
    params = {"rows": list(r_index), "columns": list(c_index)}
    for a, b, papers in store.read(PAIR_COUNTS, params).rows:
        values[r_index[a]][c_index[b]] = papers
    return Matrix(row_entities, column_entities, values)


# ---------------------------------------------------------------- console


def run_console(store: GraphStore, query: str, params: dict[str, Any], *, limit: int, timeout: float) -> ConsoleResult:
    """A user's query, read-only, capped and timed out like `paperkg query`.
    Nodes and relationships in the result come back as a subgraph too."""
    result = store.read(query, params, limit=limit, timeout=timeout)
    nodes, edges = result_graph(result)
    view = view_graph(nodes, edges, truncated=result.truncated)
    return ConsoleResult(result.columns, [[plain(v) for v in row] for row in result.rows], result.truncated, view)


def choices(store: GraphStore, query: str, limit: int = 500) -> list[tuple[Any, str]]:
    """(value, label) options for a canned query's parameter: the query's
    first column is the value, its second (if any) the label shown."""
    rows = store.read(query, {}, limit=limit).rows
    return [(row[0], str(row[1] if len(row) > 1 else row[0])) for row in rows]


def view_graph(nodes: dict[str, GNode], edges: dict[str, GEdge], focus: set[str] = frozenset(), truncated: bool = False) -> GraphView:
    """Store nodes and edges as something a canvas draws (edges with an end
    outside `nodes` are left out)."""
    view_nodes = {i: _view_node(n, focus=i in focus) for i, n in nodes.items()}
    kept = {k: e for k, e in edges.items() if e.start in view_nodes and e.end in view_nodes}
    view_edges = [
        ViewEdge(view_nodes[e.start].ref.id, view_nodes[e.end].ref.id, e.type,
                 e.properties.get("papers") or e.properties.get("count") or 1)
        for e in kept.values()
    ]
    return GraphView(list(view_nodes.values()), view_edges, Subgraph(nodes, kept, truncated))
