"""GraphML and GEXF hold only scalars: lists become JSON text there."""
from __future__ import annotations

import json
from typing import Any

import networkx as nx


def scalar_attributes(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: scalar_value(v) for k, v in data.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key, **{k: scalar_value(v) for k, v in data.items()})
    return flat


def scalar_value(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value
