"""Download controls: any subgraph on screen, in any `paperkg export`
format, written by the same `graph.export` code as the CLI."""
from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from dash import dcc, html

from graph.export import FORMATS, write
from graph.export.select import Subgraph

FORMAT_NAMES = {
    "graphml": "GraphML",
    "gexf": "GEXF (Gephi)",
    "json": "JSON (networkx)",
    "cytoscape": "Cytoscape JSON",
    "csv": "CSV (nodes + edges, zip)",
}
SUFFIX = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json", "cytoscape": ".cyjs", "csv": ""}


def export_controls(prefix: str) -> html.Div:
    """Format picker, button and download target, ids `<prefix>-export-*`."""
    return html.Div(
        [
            dcc.Dropdown(
                id=f"{prefix}-export-format",
                options=[{"label": FORMAT_NAMES[f], "value": f} for f in FORMATS],
                value="graphml",
                clearable=False,
                className="export-format",
            ),
            html.Button("Download", id=f"{prefix}-export-button", className="button"),
            dcc.Download(id=f"{prefix}-export-download"),
        ],
        className="export",
    )


def send_subgraph(subgraph: Subgraph, format: str, basename: str) -> dict:
    """The `dcc.Download` payload for `subgraph` in `format`. CSV writes two
    files, so it comes as a zip of nodes.csv and edges.csv."""
    graph = subgraph.to_networkx()
    with tempfile.TemporaryDirectory() as tmp:
        files = write(graph, format, Path(tmp) / f"{basename}{SUFFIX[format]}")
        if format == "csv":
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for file in files:
                    archive.write(file, arcname=file.name)
            return dcc.send_bytes(buffer.getvalue(), f"{basename}.zip")
        return dcc.send_bytes(files[0].read_bytes(), files[0].name)
