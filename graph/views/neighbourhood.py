"""Explore: a node's neighbourhood under the view filters, grown by
expanding nodes, as a canvas draws it."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from graph.dialect import ENTITY_LABELS
from graph.results import GEdge, GNode
from graph.settings import MIN_CONFIDENCE
from graph.store import GraphStore
from graph.views.lookup import find_node
from graph.views.model import NODE_TYPES, PAPER, GraphView, NodeRef, ViewNode, view_graph
from graph.views.cache import per_data_version
from graph.views.strongest import ENTITY_IN_RANGE, STRENGTHS_CACHED, Neighbours, Scope, neighbour_types, strongest

EDGE_CANDIDATES = 100  # entities (most papers first) whose pairwise links are looked up
# Strongest links kept among those candidates, per candidate: more is a
# hairball. Counted per candidate, not per view node: 3 per node put 906
# links among the 100 candidates of a 300-node view (a fifth of all their
# pairs), and a view's links were ~2/3 of cytoscape's time to draw it.
EDGES_PER_CANDIDATE = 3


@dataclass(frozen=True)
class ViewFilters:
    types: tuple[str, ...] = ENTITY_LABELS  # which node types may join the view (NODE_TYPES)
    min_shared: int = 1  # an edge needs at least this many shared papers (entities) or entities (papers)
    since: str | None = None  # ISO dates: papers published, entities active, in the range
    until: str | None = None
    limit: int = 150

    def scope(self) -> Scope:
        return Scope(self.min_shared, self.since, self.until)


@dataclass
class ExploreView(GraphView):
    focus: ViewNode | None = None
    available: dict[str, int] = field(default_factory=dict)  # neighbours by type before filters on type and cap
    truncated: bool = False  # the cap left some out: "show more" helps
    hidden: dict[str, int] = field(default_factory=dict)  # the focus's neighbours of ticked types left out by the cap


def type_caps(available: dict[str, int], types: Sequence[str], limit: int) -> dict[str, int]:
    """Share `limit` among the ticked types so none crowds out another: a
    type with fewer neighbours than an equal share shows them all, the
    rest is split evenly among the bigger types (water-filling)."""
    pending = sorted((t for t in types if available.get(t)), key=lambda t: available[t])
    caps, left = {}, limit
    while pending:
        share, extra = divmod(left, len(pending))
        smallest = pending[0]
        if available[smallest] <= share:
            caps[smallest] = available[smallest]
            left -= available[smallest]
            pending.pop(0)
            continue
        # The biggest types get the remainder: they have the most to show.
        for i, t in enumerate(pending):
            caps[t] = share + (1 if i >= len(pending) - extra else 0)
        break
    return caps


# The date range keeps papers published in it and entities active in it
# (graph.views.strongest.ENTITY_IN_RANGE). Each query anchors on its start
# node and only then filters (`WITH`): otherwise FalkorDB plans from the
# `published` index and scans every paper.
_PAPER_IN_RANGE = "($since IS NULL OR p.published >= $since) AND ($until IS NULL OR p.published <= $until)"

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
WHERE e.label IN $labels AND {ENTITY_IN_RANGE}
WITH e, m ORDER BY e.paper_count DESC, e.key
WITH e.label AS type, collect([e, m])[..$per_type] AS best
UNWIND best AS pair
RETURN pair[0], pair[1]
"""
# Related papers are found through the paper's entities of at most
# RELATED_HUB papers: walking a hub's papers (10k+ for "LLMs") on every
# click is what made a paper's view slow, and a paper that shares only
# "LLMs" and "accuracy" with this one is hardly related. Once found, a
# paper's shared entities are all counted, hubs included: its own mentions
# (a dozen) are tested against the source's entities, rather than each
# source entity's MENTIONS looked up from the paper (an Expand Into per
# pair into hubs: 32k pairs, ~150 ms, for a paper next to hubs at 40k).
RELATED_HUB = 1_000
_RELATED = """
MATCH (src:Paper {{id: $key}}) WITH src
MATCH (src)-[:MENTIONS]->(e:Entity)
WHERE e.label IN $labels
WITH collect(e) AS mine, collect(CASE WHEN e.paper_count <= $hub THEN e END) AS seeds
UNWIND seeds AS e
MATCH (e)<-[:MENTIONS]-(p:Paper)
WHERE p.id <> $key AND {in_range}
WITH DISTINCT mine, p
MATCH (p)-[:MENTIONS]->(e:Entity)
WHERE e IN mine
WITH p, collect(e) AS shared
WHERE size(shared) >= $min_shared
RETURN {returned}
"""
RELATED_PAPER_COUNT = _RELATED.format(in_range=_PAPER_IN_RANGE, returned="count(p)")
# With min_shared 1 every paper found through a seed qualifies: counting them
# needs no shared-entity test (52 -> 4 ms for a paper next to hubs at 40k).
RELATED_PAPER_COUNT_ANY = f"""
MATCH (src:Paper {{id: $key}}) WITH src
MATCH (src)-[:MENTIONS]->(e:Entity)
WHERE e.label IN $labels AND e.paper_count <= $hub
MATCH (e)<-[:MENTIONS]-(p:Paper)
WHERE p.id <> $key AND {_PAPER_IN_RANGE}
RETURN count(DISTINCT p)
"""
PAPER_ENTITY_TYPES = f"""
MATCH (p:Paper {{id: $key}}) WITH p
MATCH (p)-[:MENTIONS]->(e:Entity)
WHERE {ENTITY_IN_RANGE}
RETURN e.label AS type, count(e) AS n
"""
_BY_SHARED = "ORDER BY size(shared) DESC, p.upvotes DESC, p.id LIMIT $limit"
RELATED_PAPERS = _RELATED.format(in_range=_PAPER_IN_RANGE, returned=f"p, shared {_BY_SHARED}")
# A view draws the papers only: the shared entities (hubs with all their
# aliases, once per paper) were most of what the client parsed for a paper's view.
RELATED_PAPER_NODES = _RELATED.format(in_range=_PAPER_IN_RANGE, returned=f"p {_BY_SHARED}")
# Pairs by position in the key-ordered list, so each pair is formed once
# and in the direction CO_OCCURS is stored (lower key to higher) without
# comparing keys per pair; candidates are dropped per node, not per pair.
EDGES_AMONG_ENTITIES = """
UNWIND $keys AS key
MATCH (e:Entity {key: key})
WHERE coalesce(e.confidence, 1.0) >= $min_confidence
WITH e ORDER BY e.key
WITH collect(e) AS view
UNWIND range(0, size(view) - 2) AS i
UNWIND range(i + 1, size(view) - 1) AS j
WITH view[i] AS a, view[j] AS b
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
        self.via: dict[str, str] = {}  # store id → NodeRef.id of the expanded node it joined through
        self.truncated = False

    def params(self, key: str, limit: int) -> dict[str, Any]:
        f = self.filters
        return {"key": key, "labels": [t for t in f.types if t != PAPER], "min_shared": f.min_shared,
                "since": f.since or None, "until": f.until or None, "limit": limit, "per_type": limit,
                "min_confidence": MIN_CONFIDENCE, "hub": RELATED_HUB}

    def add(self, rows: Iterable[list], caps: dict[str, int], via: str | None) -> None:
        """Rows of (node, relationship to the node being expanded) or (node,): the
        node joins while its type has room, the relationship whenever its
        node is in the view (so an expansion links to nodes already there)."""
        added: dict[str, int] = defaultdict(int)
        for row in rows:
            node, edge = row[0], row[1] if len(row) > 1 else None
            if node.id not in self.nodes:
                node_type = PAPER if PAPER in node.labels else node.properties.get("label")
                if added[node_type] >= caps.get(node_type, 0):
                    self.truncated = True
                    continue
                self.nodes[node.id] = node
                if via:
                    self.via[node.id] = via
                added[node_type] += 1
            if edge is not None:
                self.edges[edge.id] = edge

    def neighbours(self, ref: NodeRef, survey: "_Survey", caps: dict[str, int], via: str | None = None) -> None:
        """Add the strongest neighbours of one node, up to each type's cap."""
        entity_caps = {t: n for t, n in caps.items() if t != PAPER and n}
        papers = ENTITY_PAPERS if ref.kind == "e" else RELATED_PAPER_NODES
        if entity_caps:
            # One more than the biggest cap, so a full type is known to have left some out.
            per_type = max(entity_caps.values()) + 1
            if survey.neighbours is not None:
                rows = strongest(self.store, ref.key, survey.neighbours, entity_caps, per_type)
            else:
                params = self.params(ref.key, per_type) | {"labels": list(entity_caps)}
                rows = self.store.read(PAPER_ENTITIES, params).rows
            self.add(rows, entity_caps, via)
        if caps.get(PAPER):
            self.add(self.store.read(papers, self.params(ref.key, caps[PAPER] + 1)).rows, {PAPER: caps[PAPER]}, via)

    def build(self) -> GraphView:
        """Adds the strongest links among the best-known entities in view
        (all pairs of a few hundred nodes would cost more than the whole
        rest) and every paper's links to entities in view."""
        entities = sorted((n for n in self.nodes.values() if PAPER not in n.labels),
                          key=lambda n: -(n.properties.get("paper_count") or 0))
        keys = [n.properties.get("key") for n in entities]
        ids = [n.properties.get("id") for n in self.nodes.values() if PAPER in n.labels]
        if len(keys) > 1:
            candidates = keys[:EDGE_CANDIDATES]
            params = {"keys": candidates, "min_shared": self.filters.min_shared, "limit": EDGES_PER_CANDIDATE * len(candidates),
                      "min_confidence": MIN_CONFIDENCE}
            self.edges.update((row[0].id, row[0]) for row in self.store.read(EDGES_AMONG_ENTITIES, params).rows)
        if keys and ids:
            rows = self.store.read(EDGES_PAPERS_TO_ENTITIES, {"keys": keys, "ids": ids}).rows
            self.edges.update((row[0].id, row[0]) for row in rows)
        return view_graph(dict(self.nodes), self.edges, self.focus_ids, self.truncated, self.via)


def explore(store: GraphStore, focus: NodeRef, filters: ViewFilters, expanded: Sequence[NodeRef] = (), expand_limit: int = 25) -> ExploreView | None:
    """The focus, its strongest neighbours of the chosen types (up to the
    cap, shared among the types), and the neighbours of each expanded node.
    None: no such node."""
    start = find_node(store, focus)
    if start is None:
        return None
    builder = _ViewBuilder(store, filters)
    builder.nodes[start.id] = start
    builder.focus_ids.add(start.id)
    survey = _survey(store, focus, filters.scope())
    available = survey.available
    builder.neighbours(focus, survey, type_caps(available, filters.types, filters.limit))
    for ref in expanded:
        # An expanded node not in the view yet (a paper picked in the details)
        # joins it, so its neighbours have it to gather around.
        node = find_node(store, ref) if ref != focus else None
        if node is not None:
            builder.nodes.setdefault(node.id, node)
            theirs = _survey(store, ref, filters.scope())
            builder.neighbours(ref, theirs, type_caps(theirs.available, filters.types, expand_limit), via=ref.id)
    view = builder.build()
    own = Counter(n.type for n in view.nodes if not n.focus and n.via is None)
    hidden = {t: available[t] - own[t] for t in filters.types if available.get(t, 0) > own[t]}
    return ExploreView(
        nodes=view.nodes, edges=view.edges, subgraph=view.subgraph,
        focus=next(n for n in view.nodes if n.focus),
        available=dict(available), truncated=bool(hidden), hidden=hidden,
    )


@dataclass
class _Survey:
    available: dict[str, int]  # neighbours by type, whatever the type filter and cap
    neighbours: Neighbours | None  # an entity's co-occurrence neighbours; None for a paper


# Kept per data version (graph/views/cache.py), like the strengths walk it
# includes: "show more", a type ticked or an expansion keep the focus and
# scope, so they count its papers (a hub's 10k+, or a paper's related ones) again otherwise.
@per_data_version(maxsize=STRENGTHS_CACHED)
def _survey(store: GraphStore, ref: NodeRef, scope: Scope) -> _Survey:
    params = scope.params(ref.key) | {"hub": RELATED_HUB, "labels": list(ENTITY_LABELS)}
    if ref.kind == "e":
        known = neighbour_types(store, ref.key, scope, ENTITY_LABELS)
        counts = dict(known.available)
        counts[PAPER] = store.scalar(ENTITY_PAPER_COUNT, params) or 0
    else:
        known = None
        counts = {row[0]: row[1] for row in store.read(PAPER_ENTITY_TYPES, params).rows}
        count = RELATED_PAPER_COUNT_ANY if scope.min_shared <= 1 else RELATED_PAPER_COUNT
        counts[PAPER] = store.scalar(count, params) or 0
    return _Survey({t: counts[t] for t in NODE_TYPES if counts.get(t)}, known)


def neighbourhood_types(store: GraphStore, ref: NodeRef, filters: ViewFilters) -> dict[str, int]:
    """How many neighbours of each type the focus has, whatever the type
    filter and cap: the "12 benchmarks, 40 papers, 3 tasks" summary."""
    return dict(_survey(store, ref, filters.scope()).available)
