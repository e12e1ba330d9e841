"""Cytoscape.js JSON (Cytoscape desktop imports it; `nx.cytoscape_graph` reads it back)."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx


def write_cytoscape(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    data = nx.cytoscape_data(graph)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return [path]
