"""Choosing the subgraph to export or draw."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph import settings
from graph.export.convert import result_graph, to_networkx
from graph.results import GEdge, GNode
from graph.store import GraphStore

FIND_ENTITY = """
MATCH (e:Entity)
WHERE e.key = $key OR toLower(e.name) = $lower OR $name IN e.aliases
RETURN e ORDER BY e.paper_count DESC LIMIT 1
"""

FIND_PAPER = "MATCH (p:Paper {id: $id}) RETURN p"


class NotFound(LookupError):
    pass


@dataclass
class Subgraph:
    nodes: dict[str, GNode]
    edges: dict[str, GEdge]
    truncated: bool = False

    def to_networkx(self) -> nx.MultiDiGraph:
        return to_networkx(self.nodes, self.edges)


def find_entity(store: GraphStore, name: str) -> GNode:
    lower = " ".join(name.split()).casefold()
    result = store.read(FIND_ENTITY, {"key": lower, "lower": lower, "name": name.strip()})
    if not result.rows:
        raise NotFound(f"no entity named {name!r}; `paperkg entities` lists them, `paperkg query` searches")
    return result.rows[0][0]


def neighbourhood(store: GraphStore, start: GNode, hops: int, max_nodes: int = settings.EXPORT_MAX_NODES) -> Subgraph:
    """Breadth-first over MENTIONS and PROPOSES: hop 1 from an entity reaches
    its papers, hop 2 the other entities of those papers, and so on."""
    if not 1 <= hops <= settings.EXPORT_MAX_HOPS:
        raise ValueError(f"hops must be between 1 and {settings.EXPORT_MAX_HOPS}")
    # One id seek per frontier node (`id(n) IN $ids` scanned every node on
    # FalkorDB). The frontier nodes are known already: returning them again
    # per row sent a hub (its aliases and all) once for each of its papers.
    expand = (
        f"UNWIND $ids AS i MATCH (n) WHERE {store.dialect.node_id}(n) = i WITH n "
        "MATCH (n)-[r:MENTIONS|PROPOSES]-(m) RETURN r, m LIMIT $limit"
    )
    nodes = {start.id: start}
    edges: dict[str, GEdge] = {}
    frontier = [start.id]
    truncated = False
    for _ in range(hops):
        if not frontier:
            break
        params = {"ids": [store.dialect.id_param(i) for i in frontier], "limit": max_nodes * 20}
        found_nodes, found_edges = result_graph(store.read(expand, params))
        fresh = [i for i in found_nodes if i not in nodes]
        room = max_nodes - len(nodes)
        if len(fresh) > room:
            fresh, truncated = fresh[:room], True
        nodes.update({i: found_nodes[i] for i in fresh})
        edges.update({k: e for k, e in found_edges.items() if e.start in nodes and e.end in nodes})
        frontier = fresh
    return Subgraph(nodes, edges, truncated)


def paper_subgraph(store: GraphStore, paper_id: str) -> Subgraph:
    result = store.read(FIND_PAPER, {"id": paper_id})
    if not result.rows:
        raise NotFound(f"no paper with id {paper_id!r}")
    return neighbourhood(store, result.rows[0][0], hops=1)


def from_query(store: GraphStore, query: str, params: dict | None = None, *, limit: int = settings.QUERY_ROW_LIMIT, timeout: float = settings.QUERY_TIMEOUT_S) -> Subgraph:
    """The nodes, relationships and paths a read-only query returns, with the
    end nodes of returned relationships fetched so no edge dangles."""
    result = store.read(query, params or {}, limit=limit, timeout=timeout)
    nodes, edges = result_graph(result)
    missing = sorted({end for e in edges.values() for end in (e.start, e.end)} - set(nodes))
    if missing:
        fetch = f"MATCH (n) WHERE {store.dialect.node_id}(n) IN $ids RETURN n"
        extra, _ = result_graph(store.read(fetch, {"ids": [store.dialect.id_param(i) for i in missing]}))
        nodes.update(extra)
    return Subgraph(nodes, edges, result.truncated)

