from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.export.flatten import scalar_attributes


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    nx.write_graphml(scalar_attributes(graph), path, named_key_ids=True)
    return [path]
