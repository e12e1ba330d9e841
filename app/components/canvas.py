"""The graph canvas (dash-cytoscape): nodes coloured by type and sized by
paper count, edges as thick as the papers they share, and the legend."""
from __future__ import annotations

import math

import dash_cytoscape as cyto
from dash import html

from graph.views import GraphView, NODE_TYPES

TYPE_COLOURS = {
    "Method": "#4e79a7",
    "Dataset": "#f28e2b",
    "Benchmark": "#e15759",
    "Task": "#59a14f",
    "Metric": "#b07aa1",
    "Paper": "#9c9c9c",
}
OTHER_COLOUR = "#cccccc"
LABEL_CHARS = 28  # longer names (paper titles) are cut on the canvas; details show them whole

STYLESHEET = [
    {"selector": "node", "style": {
        "label": "data(label)", "width": "data(size)", "height": "data(size)",
        "background-color": "data(colour)", "font-size": "data(font)", "color": "#222",
        "text-valign": "bottom", "text-margin-y": 2, "text-outline-color": "#fff", "text-outline-width": 1.5,
        "min-zoomed-font-size": 6,
    }},
    {"selector": "node[type = 'Paper']", "style": {"shape": "round-rectangle"}},
    {"selector": "node.focus", "style": {"border-width": 4, "border-color": "#222", "font-weight": "bold", "z-index": 10}},
    {"selector": "node:selected", "style": {"border-width": 4, "border-color": "#ffbf00"}},
    {"selector": "edge", "style": {"width": "data(width)", "line-color": "#c4c9d0", "opacity": 0.7, "curve-style": "haystack"}},
    {"selector": "edge[type = 'MENTIONS']", "style": {"line-style": "dashed", "line-color": "#d9d9d9"}},
]


def elements(view: GraphView) -> list[dict]:
    """Cytoscape elements for a view. Labels are data, rendered by
    cytoscape as text, never as HTML."""
    out = []
    for node in view.nodes:
        size = _size(node.weight, node.type)
        label = node.name if len(node.name) <= LABEL_CHARS else node.name[: LABEL_CHARS - 1] + "…"
        out.append({
            "data": {
                "id": node.ref.id, "label": label, "name": node.name, "type": node.type,
                "weight": node.weight, "size": size,
                # Big nodes get big labels: zoomed out to fit a large view, hubs stay named.
                "font": round(max(9.0, size * 0.2) * (1.3 if node.focus else 1), 1),
                "colour": TYPE_COLOURS.get(node.type, OTHER_COLOUR),
            },
            "classes": "focus" if node.focus else "",
        })
    for edge in view.edges:
        out.append({"data": {
            "id": f"{edge.source}|{edge.target}|{edge.type}", "source": edge.source, "target": edge.target,
            "type": edge.type, "weight": edge.weight, "width": round(1 + 1.5 * math.log2(edge.weight), 1),
        }})
    return out


def _size(weight: int, node_type: str) -> float:
    if node_type == "Paper":
        return 14
    return round(14 + 9 * math.log2(1 + max(0, weight)), 1)


def layout_options(name: str) -> dict:
    options = {"name": name, "animate": False, "fit": True, "padding": 20}
    if name == "cose":
        # Repulsion grows with node size, so hubs get room and leaves do not pile on them.
        options.update(nodeRepulsion=12000, nodeOverlap=40, idealEdgeLength=70, numIter=600, randomize=False)
    if name == "concentric":
        options.update(minNodeSpacing=12)
    return options


def canvas(component_id: str, view_elements: list[dict], layout: str | dict, height: str = "62vh", extra_styles: list[dict] = ()) -> cyto.Cytoscape:
    """`layout` is a layout name or full cytoscape layout options."""
    return cyto.Cytoscape(
        id=component_id,
        elements=view_elements,
        layout=layout if isinstance(layout, dict) else layout_options(layout),
        stylesheet=STYLESHEET + list(extra_styles),
        style={"width": "100%", "height": height},
        minZoom=0.15,
        maxZoom=1.5,  # a three-node view should not fill the screen with one label
        boxSelectionEnabled=False,
        className="canvas",
    )


def legend(types: tuple[str, ...] = NODE_TYPES) -> html.Div:
    return html.Div(
        [html.Span([html.Span(className="swatch", style={"background": TYPE_COLOURS[t]}), t], className="legend-item") for t in types]
        + [html.Span("size = papers · edge width = shared papers · click a node for its details", className="legend-note")],
        className="legend",
    )
