"""Query results → a networkx MultiDiGraph keyed by domain ids."""
from __future__ import annotations

from typing import Any, Iterable

import networkx as nx

from graph.results import GEdge, GNode, GPath, QueryResult


def node_key(node: GNode) -> str:
    """A node id that means the same across stores and runs: papers by
    their id, entities by their key."""
    props = node.properties
    if "Paper" in node.labels and "id" in props:
        return f"paper:{props['id']}"
    if "Entity" in node.labels and "key" in props:
        return f"entity:{props['key']}"
    return f"node:{node.id}"


def node_type(node: GNode) -> str:
    specific = [label for label in node.labels if label != "Entity"]
    return specific[0] if specific else (node.labels[0] if node.labels else "Node")


def collect(values: Iterable[Any]) -> tuple[dict[str, GNode], dict[str, GEdge]]:
    """Every node and edge found in result values, including inside paths and lists."""
    nodes: dict[str, GNode] = {}
    edges: dict[str, GEdge] = {}
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, GNode):
            nodes[value.id] = value
        elif isinstance(value, GEdge):
            edges[value.id] = value
        elif isinstance(value, GPath):
            stack.extend(value.nodes)
            stack.extend(value.edges)
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
    return nodes, edges


def to_networkx(nodes: dict[str, GNode], edges: dict[str, GEdge]) -> nx.MultiDiGraph:
    """Edges whose end nodes are not in `nodes` are left out: callers fetch
    missing endpoints first (see `select.from_result`)."""
    graph = nx.MultiDiGraph()
    keys = {internal: node_key(node) for internal, node in nodes.items()}
    for internal, node in nodes.items():
        graph.add_node(keys[internal], type=node_type(node), labels=list(node.labels), **_clean(node.properties))
    for edge in edges.values():
        if edge.start in keys and edge.end in keys:
            graph.add_edge(keys[edge.start], keys[edge.end], key=edge.type, type=edge.type, **_clean(edge.properties))
    return graph


def result_graph(result: QueryResult) -> tuple[dict[str, GNode], dict[str, GEdge]]:
    return collect(value for row in result.rows for value in row)


# Internal bookkeeping that means nothing outside the store.
_PRIVATE = {"record_hash", "extraction_id", "search_text"}


# Names the exported graph uses itself; a property of the same name is renamed.
_RESERVED = {"id": "paper_id", "type": "property_type", "labels": "property_labels", "label": "entity_type"}


def _clean(properties: dict[str, Any]) -> dict[str, Any]:
    return {_RESERVED.get(k, k): v for k, v in properties.items() if v is not None and k not in _PRIVATE}
