"""networkx node-link JSON (`nx.node_link_graph` reads it back)."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx


def write_json(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    data = nx.node_link_data(graph, edges="edges")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]
