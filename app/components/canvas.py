"""The graph canvas (dash-cytoscape): nodes coloured by type and sized by
paper count, edges as thick as the papers they share, and the legend.

The "clustered" layout is computed on the server (`canvas_layout`) and
drawn as given (cytoscape's `preset`); the others run in the browser."""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

import dash_cytoscape as cyto
from dash import html

from app.components.canvas_layout import Point, positions
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
SERVER_LAYOUT = "clustered"
BIG_VIEW = 300  # from this many nodes, only hubs are labelled at the zoom that fits the view
HUBS_PER_TYPE = 3  # the biggest nodes of each type in a big view keep a label readable when it is fitted
# Label sizes come in steps of 20 % from 9 px: the browser resolves a font
# once per size it has not seen in the page (~0.5 ms each), and a 300-node
# view had ~100 distinct sizes to measure before its first draw.
FONT_MIN, FONT_STEP = 9.0, 1.2
LATER_LINKS_MIN = 100  # fewer links than this are not worth a second draw: they come with the first

# Element data carries only what differs per element (label, size, font,
# link width); colours and shapes come from the type here, so a 1,000-node
# answer is half the bytes it was (docs/app.md).
STYLESHEET = [
    {"selector": "node", "style": {
        "label": "data(label)", "width": "data(size)", "height": "data(size)",
        "background-color": OTHER_COLOUR, "font-size": "data(font)", "color": "#222",
        "text-valign": "bottom", "text-margin-y": 2, "text-outline-color": "#fff", "text-outline-width": 1.5,
        "min-zoomed-font-size": 6,
    }},
    *[{"selector": f"node[type = '{t}']", "style": {"background-color": colour}} for t, colour in TYPE_COLOURS.items()],
    {"selector": "node[type = 'Paper']", "style": {"shape": "round-rectangle"}},
    {"selector": "node.focus", "style": {"border-width": 4, "border-color": "#222", "font-weight": "bold", "z-index": 10}},
    {"selector": "node:selected", "style": {"border-width": 4, "border-color": "#ffbf00"}},
    {"selector": "edge", "style": {"width": "data(width)", "line-color": "#c4c9d0", "opacity": 0.7, "curve-style": "haystack"}},
    {"selector": "edge.mentions", "style": {"line-style": "dashed", "line-color": "#d9d9d9"}},
    {"selector": "node:selected", "style": {"min-zoomed-font-size": 0}},
]
# A big view: faint links (the nodes carry the picture), and no labels on
# the nodes too small to be read when it is fitted (class `quiet`) until
# the user zooms in enough to read them (app/assets/canvas.js): cytoscape
# measured every label for the fit even when only the hubs' could be read.
BIG_VIEW_STYLES = [{"selector": "edge", "style": {"opacity": 0.18}}, {"selector": "node.quiet", "style": {"label": ""}},
                   {"selector": "node.quiet:selected", "style": {"label": "data(label)"}}]
# Last, so no other style hides it: the link whose papers the details show.
PICKED_STYLES = [{"selector": "edge:selected", "style": {"line-color": "#ffbf00", "opacity": 1, "z-index": 9}}]


@dataclass(frozen=True)
class _Look:
    size: float  # diameter
    font: float
    label: str
    named: bool  # a hub of a big view, labelled at the zoom that fits the view
    quiet: bool  # in a big view and not a hub: its label waits until zoomed in

    @property
    def footprint(self) -> float:
        """The room the layout keeps for it: a named hub's label too."""
        if not self.named:
            return self.size
        return max(self.size + 2 * self.font, 0.45 * self.font * len(self.label))


def _looks(view: GraphView) -> dict[str, _Look]:
    """Big nodes get big labels. In a big view the top few of each type get
    labels that stay readable when the view is fitted; the rest show once
    zoomed in (min-zoomed-font-size)."""
    big = len(view.nodes) >= BIG_VIEW
    hubs = _hubs(view) if big else set()
    zoom_out = math.sqrt(len(view.nodes) / BIG_VIEW) if big else 1.0  # how much smaller a fitted big view draws
    looks = {}
    for node in view.nodes:
        size = _size(node.weight, node.type)
        label = node.name if len(node.name) <= LABEL_CHARS else node.name[: LABEL_CHARS - 1] + "…"
        named = node.ref.id in hubs
        base = max(18.0 if named else 9.0, size * 0.2)  # a named hub with few papers is still read
        font = base * (1.3 if node.focus else 1) * (3.5 * zoom_out if named else 1)
        looks[node.ref.id] = _Look(size, _font_step(font), label, named, big and not named)
    return looks


def _font_step(font: float) -> int:
    """The nearest size on the FONT_STEP scale."""
    return round(FONT_MIN * FONT_STEP ** max(0, round(math.log(font / FONT_MIN, FONT_STEP))))


def elements(view: GraphView, placed: Mapping[str, Point] | None = None) -> list[dict]:
    """Cytoscape elements for a view, at the `placed` positions if given.
    Labels are data, rendered by cytoscape as text, never as HTML."""
    looks = _looks(view)
    out = []
    for node in view.nodes:
        look = looks[node.ref.id]
        element: dict = {"data": {"id": node.ref.id, "label": look.label, "type": node.type, "size": look.size, "font": look.font}}
        if node.focus:
            element["classes"] = "focus"
        elif look.quiet:
            element["classes"] = "quiet"
        if placed and node.ref.id in placed:
            element["position"] = {"x": round(placed[node.ref.id].x), "y": round(placed[node.ref.id].y)}
        out.append(element)
    for edge in view.edges:
        element = {"data": {"id": f"{edge.source}|{edge.target}|{edge.type}", "source": edge.source, "target": edge.target,
                            "width": round(1 + 1.5 * math.log2(edge.weight), 1)}}
        if edge.type == "MENTIONS":
            element["classes"] = "mentions"
        out.append(element)
    return out


def first_draw(view: GraphView, drawn: list[dict]) -> tuple[list[dict], list[dict]]:
    """`drawn` (the view's elements) split into the first frame and the links
    added once it is painted (app/assets/canvas.js `later`). The first frame
    has every node and any selected link; a view smaller than BIG_VIEW also
    each node's link to the node it joined through (the focus, or the node
    expanded: what the layout is built from), a big view (its links faint)
    none of the others. Links were most of cytoscape's first draw: the fit
    measures every edge's geometry for its bounding box, links added after
    it do not (docs/benchmarks.md, sessions 16 and 17)."""
    focus = next((n.ref.id for n in view.nodes if n.focus), None)
    joined = {frozenset((n.ref.id, n.via or focus)) for n in view.nodes if not n.focus and focus is not None}
    big = len(view.nodes) >= BIG_VIEW
    first, later = [], []
    for element in drawn:
        data = element["data"]
        is_later = "source" in data and not element.get("selected") and (big or frozenset((data["source"], data["target"])) not in joined)
        (later if is_later else first).append(element)
    if len(later) < LATER_LINKS_MIN:
        return drawn, []
    return first, later


def stylesheet(view: GraphView | None, extra_styles: list[dict] = ()) -> list[dict]:
    big = view is not None and len(view.nodes) >= BIG_VIEW
    return STYLESHEET + (BIG_VIEW_STYLES if big else []) + list(extra_styles) + PICKED_STYLES


def placed_elements(view: GraphView, previous: Mapping[str, Point] = {}) -> list[dict]:
    """Elements at server-computed positions, keeping `previous` ones."""
    footprints = {node_id: look.footprint for node_id, look in _looks(view).items()}
    return elements(view, positions(view, footprints, previous))


def _hubs(view: GraphView) -> set[str]:
    """The focus and the HUBS_PER_TYPE biggest of each type but papers."""
    by_type: dict[str, list] = defaultdict(list)
    for node in view.nodes:
        if node.type != "Paper" and not node.focus:
            by_type[node.type].append(node)
    hubs = {n.ref.id for n in view.nodes if n.focus}
    for nodes in by_type.values():
        hubs.update(n.ref.id for n in sorted(nodes, key=lambda n: -n.weight)[:HUBS_PER_TYPE])
    return hubs


def _size(weight: int, node_type: str) -> float:
    if node_type == "Paper":
        return 14
    return round(14 + 9 * math.log2(1 + max(0, weight)), 1)


def layout_options(name: str) -> dict:
    if name == SERVER_LAYOUT:
        return {"name": "preset", "animate": False, "fit": True, "padding": 20}
    options = {"name": name, "animate": False, "fit": True, "padding": 20}
    if name == "cose":
        # Repulsion grows with node size, so hubs get room and leaves do not pile on them.
        options.update(nodeRepulsion=12000, nodeOverlap=40, idealEdgeLength=70, numIter=600, randomize=False)
    if name == "concentric":
        options.update(minNodeSpacing=12)
    return options


def canvas(component_id: str, view_elements: list[dict], layout: str | dict, height: str = "62vh", extra_styles: list[dict] = (),
           view: GraphView | None = None, refresh_layout: bool = True) -> cyto.Cytoscape:
    """`layout` is a layout name or full cytoscape layout options; `view`
    (what the elements draw) picks the big-view styles. Without
    `refresh_layout` the layout runs only when the layout options change,
    not again after each change of elements."""
    return cyto.Cytoscape(
        id=component_id,
        autoRefreshLayout=refresh_layout,
        elements=view_elements,
        layout=layout if isinstance(layout, dict) else layout_options(layout),
        stylesheet=stylesheet(view, extra_styles),
        style={"width": "100%", "height": height},
        minZoom=0.04,  # a fitted 1,000-node view needs to zoom out that far
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
