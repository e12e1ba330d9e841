"""nodes.csv and edges.csv in a directory, in the column names Gephi's
spreadsheet import looks for (Id, Label; Source, Target, Type)."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from graph.export.flatten import scalar_value


def write_csv(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    path.mkdir(parents=True, exist_ok=True)
    node_columns = sorted({k for _, data in graph.nodes(data=True) for k in data})
    edge_columns = sorted({k for *_, data in graph.edges(keys=True, data=True) for k in data} - {"type"})
    nodes_file, edges_file = path / "nodes.csv", path / "edges.csv"
    with open(nodes_file, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Id", "Label", *node_columns])
        for node, data in graph.nodes(data=True):
            label = data.get("name") or data.get("title") or node
            writer.writerow([node, label, *(_cell(data.get(c)) for c in node_columns)])
    with open(edges_file, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        # Gephi reads Type as Directed/Undirected, so the relationship type is `relation`.
        writer.writerow(["Source", "Target", "Type", "relation", *edge_columns])
        for source, target, key, data in graph.edges(keys=True, data=True):
            writer.writerow([source, target, "Directed", key, *(_cell(data.get(c)) for c in edge_columns)])
    return [nodes_file, edges_file]


def _cell(value) -> str:
    return "" if value is None else str(scalar_value(value))
