"""Subgraph export through networkx's own writers.

Like networkx's `readwrite/`: one module per format with a plain
`write_<format>(G, path)`; `to_networkx` turns query results into the graph
they write, and `select` chooses the subgraph (an entity's neighbourhood, a
paper, or what a Cypher query returns).
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.export.csv import write_csv
from graph.export.cytoscape import write_cytoscape
from graph.export.gexf import write_gexf
from graph.export.graphml import write_graphml
from graph.export.json import write_json
from graph.export.convert import to_networkx

WRITERS = {
    "graphml": write_graphml,
    "gexf": write_gexf,
    "json": write_json,
    "cytoscape": write_cytoscape,
    "csv": write_csv,
}
FORMATS = tuple(WRITERS)


def write(graph: nx.MultiDiGraph, format: str, path: str | Path) -> list[Path]:
    """Write `graph` in `format`; returns the files written."""
    try:
        writer = WRITERS[format]
    except KeyError:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(graph, Path(path))


__all__ = ["FORMATS", "WRITERS", "to_networkx", "write"]
