from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph.export.flatten import scalar_attributes


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    flat = scalar_attributes(graph)
    # Gephi shows `label`; GEXF has its own label field, so ours goes there.
    for node, data in flat.nodes(data=True):
        data["label"] = str(data.get("name") or data.get("title") or node)
    nx.write_gexf(flat, path)
    return [path]
