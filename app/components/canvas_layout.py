"""Where the Explore canvas puts each node, computed on the server so the
browser only draws (cytoscape's `preset` layout).

A neighbourhood view is a star: every node joined through the focus or
through a node the user expanded. So the focus sits at the centre and its
neighbours fill one sector per type (methods together, datasets together,
...), strongest nearest the centre; an expanded node's neighbours gather
beyond it, on the side facing away from the focus. Slots come from a
sunflower spiral (even density without iterating) and a slot is taken only
if the node fits there without touching one already placed, so nothing,
the focus included, hides a neighbour.

Positions already on the canvas are kept as they are: expanding a node or
showing more places only the new nodes. Force-directed layouts (networkx
spring and ForceAtlas2, cytoscape's cose) were measured slower by 10-100x
and move every node on each change: see docs/app.md.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator, Mapping

from graph.views import NODE_TYPES, GraphView, ViewNode

GAP = 8.0  # px between the rims of neighbouring nodes
SLOT = 34.0  # spiral spacing: roughly one average node and its label
GOLDEN = math.pi * (3 - math.sqrt(5))  # the sunflower's turn between seeds
CELL = 64.0  # collision grid, px
MIN_SECTOR_SHARE = 0.06  # a type with few nodes still gets a readable wedge


@dataclass(frozen=True)
class Point:
    x: float
    y: float


def positions(view: GraphView, footprints: Mapping[str, float], previous: Mapping[str, Point] = {}) -> dict[str, Point]:
    """Node id → position. `footprints` are the diameters to keep clear
    (the node, and a label that must stay readable); `previous` the
    positions on the canvas now (those of nodes still in the view are kept)."""
    placer = _Placer(footprints)
    ids = {n.ref.id for n in view.nodes}
    for node_id, point in previous.items():
        if node_id in ids:
            placer.put(node_id, point)
    focus = next((n for n in view.nodes if n.focus), None)
    if focus is None:
        return placer.placed()
    if focus.ref.id not in placer.points:
        placer.put(focus.ref.id, Point(0.0, 0.0))
    centre = placer.points[focus.ref.id]
    groups: dict[str, list[ViewNode]] = defaultdict(list)  # anchor id → nodes that joined through it
    for node in view.nodes:
        if not node.focus:
            groups[node.via or focus.ref.id].append(node)
    for anchor, members in groups.items():
        if anchor == focus.ref.id or anchor not in placer.points:
            placer.sectors(centre, focus.ref.id, members)
        else:
            placer.beyond(placer.points[anchor], anchor, centre, members)
    return placer.placed()


class _Placer:
    def __init__(self, sizes: Mapping[str, float]):
        self.sizes = sizes
        self.points: dict[str, Point] = {}
        # A grid of CELL-sized squares → the placed discs (x, y, radius) touching each:
        # a candidate is checked against the few discs near it, not all of them.
        self._grid: dict[tuple[int, int], list[tuple[float, float, float]]] = defaultdict(list)

    def put(self, node_id: str, point: Point) -> None:
        disc = (point.x, point.y, self.sizes.get(node_id, SLOT) / 2)
        for cell in _cells(point, disc[2] + GAP / 2):
            self._grid[cell].append(disc)
        self.points[node_id] = point

    def fits(self, point: Point, radius: float) -> bool:
        for cell in _cells(point, radius + GAP / 2):
            for x, y, r in self._grid.get(cell, ()):
                if (x - point.x) ** 2 + (y - point.y) ** 2 < (r + radius + GAP) ** 2:
                    return False
        return True

    def placed(self) -> dict[str, Point]:
        return dict(self.points)

    def fill(self, nodes: list[ViewNode], slots: Iterator[Point]) -> None:
        """Each node in order takes the next slot it fits in."""
        for node in nodes:
            if node.ref.id in self.points:
                continue
            radius = self.sizes.get(node.ref.id, SLOT) / 2
            for point in slots:
                if self.fits(point, radius):
                    self.put(node.ref.id, point)
                    break

    def sectors(self, centre: Point, anchor: str, members: list[ViewNode]) -> None:
        """One wedge per type around the anchor, as wide as the type's share
        of the group; in each, the strongest (first arrived) innermost."""
        by_type: dict[str, list[ViewNode]] = defaultdict(list)
        for node in members:
            by_type[node.type].append(node)
        order = sorted(by_type, key=lambda t: NODE_TYPES.index(t) if t in NODE_TYPES else len(NODE_TYPES))
        weights = [max(len(by_type[t]), MIN_SECTOR_SHARE * len(members)) for t in order]
        start = -math.pi / 2  # the first type (methods) from the top, clockwise
        inner = self.sizes.get(anchor, SLOT) / 2 + GAP
        for node_type, weight in zip(order, weights):
            width = 2 * math.pi * weight / sum(weights)
            self.fill(by_type[node_type], _spiral(centre, inner, start, width))
            start += width

    def beyond(self, anchor_point: Point, anchor: str, centre: Point, members: list[ViewNode]) -> None:
        """A half-disc around the anchor, facing away from the centre."""
        away = math.atan2(anchor_point.y - centre.y, anchor_point.x - centre.x) if anchor_point != centre else 0.0
        inner = self.sizes.get(anchor, SLOT) / 2 + GAP
        self.fill(members, _spiral(anchor_point, inner, away - math.pi / 2, math.pi))


def _cells(point: Point, radius: float) -> Iterator[tuple[int, int]]:
    """The grid cells a disc's bounding square touches: two discs that
    overlap (with half the gap each) share at least one."""
    for i in range(math.floor((point.x - radius) / CELL), math.floor((point.x + radius) / CELL) + 1):
        for j in range(math.floor((point.y - radius) / CELL), math.floor((point.y + radius) / CELL) + 1):
            yield i, j


def _spiral(centre: Point, inner: float, start: float, width: float) -> Iterator[Point]:
    """Sunflower seeds restricted to a wedge: the k-th at a radius growing
    with sqrt(k) (even density), its angle spread over the wedge by the
    golden ratio. Endless: the caller stops when a node fits."""
    density = 2 * math.pi / width  # a narrow wedge fills outward faster
    k = 0
    while True:
        radius = inner + SLOT * 0.5 + SLOT * math.sqrt(k * density / math.pi)
        angle = start + width * ((k * GOLDEN / (2 * math.pi)) % 1.0)
        yield Point(centre.x + radius * math.cos(angle), centre.y + radius * math.sin(angle))
        k += 1
