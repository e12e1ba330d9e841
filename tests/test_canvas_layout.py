"""The Explore canvas's server-side layout on views built by hand: types in
their own wedges, nothing overlapping, and the nodes already placed kept."""
from __future__ import annotations

import math

from app.components.canvas_layout import Point, positions
from graph.export.select import Subgraph
from graph.views import GraphView, NodeRef, ViewNode

TYPES = ("Method", "Dataset", "Benchmark", "Task", "Metric", "Paper")


def star(n: int, expanded: str | None = None, extra: int = 0) -> GraphView:
    nodes = [ViewNode(NodeRef.entity("focus"), "focus", "Method", 500, focus=True)]
    nodes += [ViewNode(NodeRef.entity(f"n{i}"), f"n{i}", TYPES[i % len(TYPES)], 100 - i % 100) for i in range(n)]
    nodes += [ViewNode(NodeRef.entity(f"x{i}"), f"x{i}", "Task", 5, via=expanded) for i in range(extra)]
    return GraphView(nodes, [], Subgraph({}, {}, False))


def sizes(view: GraphView) -> dict[str, float]:
    return {n.ref.id: 60.0 if n.focus else 14 + (n.weight % 30) for n in view.nodes}


def overlaps(placed: dict[str, Point], size: dict[str, float]) -> int:
    items = list(placed.items())
    return sum(math.hypot(a.x - b.x, a.y - b.y) < (size[i] + size[j]) / 2
               for k, (i, a) in enumerate(items) for j, b in items[k + 1:])


def test_focus_at_the_centre_types_in_wedges_nothing_overlaps():
    view = star(300)
    size = sizes(view)
    placed = positions(view, size)
    assert set(placed) == {n.ref.id for n in view.nodes} and placed["e:focus"] == Point(0.0, 0.0)
    assert overlaps(placed, size) == 0
    # Each type's nodes sit within one wedge: their directions from the focus span well under a full turn.
    for node_type in TYPES:
        angles = sorted(math.atan2(placed[n.ref.id].y, placed[n.ref.id].x) % (2 * math.pi) for n in view.nodes if n.type == node_type and not n.focus)
        widest_gap = max([b - a for a, b in zip(angles, angles[1:])] + [angles[0] + 2 * math.pi - angles[-1]])
        assert widest_gap > math.pi  # the rest of the circle is free of this type


def test_growing_a_view_keeps_every_placed_node_and_places_the_new_ones_beyond_the_expanded():
    small = star(150)
    first = positions(small, sizes(small))
    grown = star(300, expanded="e:n7", extra=20)
    size = sizes(grown)
    second = positions(grown, size, first)
    assert all(second[i] == p for i, p in first.items())
    assert overlaps(second, size) == 0
    anchor = second["e:n7"]
    new = [second[f"e:x{i}"] for i in range(20)]
    # On the expanded node's side of the focus, and beyond it.
    assert sum(p.x * anchor.x + p.y * anchor.y > 0 for p in new) >= 18
    assert sum(math.hypot(p.x, p.y) > math.hypot(anchor.x, anchor.y) for p in new) >= 18


def test_first_draw_holds_every_node_and_the_links_each_joined_by():
    from app.components import canvas
    from graph.views import ViewEdge

    view = star(150, expanded="e:n0", extra=20)
    joining = [ViewEdge("e:focus", f"e:n{i}", "CO_OCCURS", 3) for i in range(150)] + [ViewEdge("e:n0", f"e:x{i}", "CO_OCCURS", 2) for i in range(20)]
    among = [ViewEdge(f"e:n{i}", f"e:n{i + 1}", "CO_OCCURS", 2) for i in range(1, 149)]
    view = GraphView(view.nodes, joining + among, view.subgraph)
    drawn = canvas.elements(view)
    drawn[-1]["selected"] = True  # the link the details show comes first whatever it joins
    first, later = canvas.first_draw(view, drawn)
    assert sorted(e["data"]["id"] for e in first + later) == sorted(e["data"]["id"] for e in drawn)
    assert {e["data"]["id"] for e in first if "source" not in e["data"]} == {n.ref.id for n in view.nodes}
    assert {(e["data"]["source"], e["data"]["target"]) for e in first if "source" in e["data"]} == (
        {(e.source, e.target) for e in joining} | {("e:n148", "e:n149")})
    assert len(later) == len(among) - 1 and all("source" in e["data"] for e in later)
    # Too few links among neighbours to be worth a second draw: all come first.
    small = GraphView(view.nodes, joining + among[:canvas.LATER_LINKS_MIN - 1], view.subgraph)
    assert canvas.first_draw(small, canvas.elements(small)) == (canvas.elements(small), [])


def test_a_big_views_first_frame_holds_its_nodes_and_the_selected_link_only():
    from app.components import canvas
    from graph.views import ViewEdge

    nodes = star(canvas.BIG_VIEW).nodes
    view = GraphView(nodes, [ViewEdge("e:focus", f"e:n{i}", "CO_OCCURS", 3) for i in range(canvas.BIG_VIEW)], Subgraph({}, {}, False))
    drawn = canvas.elements(view)
    drawn[-1]["selected"] = True
    first, later = canvas.first_draw(view, drawn)
    assert [e for e in first if "source" in e["data"]] == [drawn[-1]]
    assert {e["data"]["id"] for e in first if "source" not in e["data"]} == {n.ref.id for n in view.nodes}
    assert len(later) == len(view.edges) - 1
