"""An entity's strongest co-occurring neighbours of each type, without
sorting all of a hub's links.

A hub has thousands of CO_OCCURS links (tens of thousands at 40k papers),
nearly all to entities it shares one or two papers with. Sorting and
collecting every one of them (node and link, per click) cost more than the
whole rest of a view. So a view reads the strengths first: how many
neighbours of each type share 1, 2, 3, ... papers (an aggregate of a few
hundred rows, which also gives the "12 benchmarks, 40 tasks" summary).
From it each type gets its floor, the strength its `per_type` strongest
all reach, and the neighbours are read above the floors only: a link is
never stronger than its neighbour's own `paper_count`, so most neighbours
are dropped on a node property before any link is looked up, and the sort
sees a few rows per type. The strengths walk still reads every link of the
hub once: that part grows with the hub (docs/benchmarks.md), so its answer
is kept per version of the stored data and shared by the views and details
of one focus.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from graph.dialect import DIALECTS
from graph.results import GEdge, GNode
from graph.settings import MIN_CONFIDENCE
from graph.store import GraphStore
from graph.views.cache import per_data_version
from graph.views.model import ENTITY_COLUMNS, edge_columns, edge_from, entity_columns, node_from

# Strength histograms kept per process (a few hundred numbers each, a few
# hundred focuses and scopes a session visits).
STRENGTHS_CACHED = 256

# The date range keeps entities active in it (first seen before its end,
# last seen after its start). Candidates (below MIN_CONFIDENCE) have no
# co-occurrence neighbours and are no one's.
ENTITY_IN_RANGE = "($since IS NULL OR e.last_seen >= $since) AND ($until IS NULL OR e.first_seen <= $until)"
CONFIDENT = "coalesce(e.confidence, 1.0) >= $min_confidence AND coalesce(f.confidence, 1.0) >= $min_confidence"

# How many neighbours of each type have links of each strength: one walk
# reading every link, but only a few hundred rows come out of it.
STRENGTHS = f"""
MATCH (f:Entity {{key: $key}}) WITH f
MATCH (f)-[c:CO_OCCURS]-(e:Entity)
WHERE c.papers >= $min_shared AND e.label IN $labels AND {ENTITY_IN_RANGE} AND {CONFIDENT}
RETURN e.label AS type, c.papers AS papers, count(*) AS n
"""
# Each query anchors on the focus and filters only after a WITH: otherwise
# FalkorDB may plan from another index and scan. A neighbour is first cut by
# its own paper count (a link is never stronger), a node property read on
# the walk, then its link is looked up from both ends, once per direction
# (stored from the lower key to the higher): an undirected lookup between
# two bound nodes walks all of the hub's links on FalkorDB (~100 µs a pair
# against ~1). `$floor` (the lowest of the per-type `$floors`) is a cheap
# first test before the map lookup; a type without a floor (not asked for)
# looks up null there, and a comparison with null keeps nothing. The
# neighbour comes back as the fields a view reads (model.entity_columns),
# not as a whole node, and the link as columns (model.edge_columns): one
# query per dialect, whose id functions differ.
STRONGEST = {dialect.name: f"""
MATCH (f:Entity {{key: $key}}) WITH f
MATCH (f)-[:CO_OCCURS]-(e:Entity)
WHERE e.paper_count >= $floor AND e.paper_count >= $floors[e.label] AND {ENTITY_IN_RANGE} AND {CONFIDENT}
WITH f, e
OPTIONAL MATCH (f)-[out:CO_OCCURS]->(e)
OPTIONAL MATCH (f)<-[in:CO_OCCURS]-(e)
WITH e, coalesce(out, in) AS c
WHERE c.papers >= $floors[e.label]
WITH e, c ORDER BY c.papers DESC, e.paper_count DESC, e.key
WITH e.label AS type, collect([e, c])[..$per_type] AS best
UNWIND best AS pair
WITH pair[0] AS e, pair[1] AS c
RETURN {entity_columns(dialect.node_id, "e")}, {edge_columns(dialect.node_id, "c")}
""" for dialect in DIALECTS}


@dataclass(frozen=True)
class Scope:
    """Which links count: at least `min_shared` shared papers, the neighbour
    active between `since` and `until` (ISO dates, None: open)."""

    min_shared: int = 1
    since: str | None = None
    until: str | None = None

    def params(self, key: str) -> dict:
        return {"key": key, "min_shared": self.min_shared, "since": self.since or None, "until": self.until or None,
                "min_confidence": MIN_CONFIDENCE}


@dataclass(frozen=True)
class Neighbours:
    """An entity's neighbours within a scope, by type and link strength."""

    scope: Scope
    strengths: dict[str, dict[int, int]]  # type → shared papers → how many neighbours

    @property
    def available(self) -> dict[str, int]:
        return {t: sum(by_strength.values()) for t, by_strength in self.strengths.items()}

    def floor(self, type: str, per_type: int) -> int:
        """The strength the type's `per_type` strongest neighbours all reach."""
        reached, floor = 0, self.scope.min_shared
        for papers in sorted(self.strengths.get(type, {}), reverse=True):
            reached += self.strengths[type][papers]
            floor = papers
            if reached >= per_type:
                break
        return floor


@per_data_version(maxsize=STRENGTHS_CACHED)
def neighbour_types(store: GraphStore, key: str, scope: Scope, labels: tuple[str, ...]) -> Neighbours:
    """The strengths walk, read once per version of the stored data: a
    view and its details panel and the next view of the same focus ("show
    more", "show papers", a click) share one walk of a hub's links."""
    strengths: dict[str, dict[int, int]] = {}
    for row in store.read(STRENGTHS, scope.params(key) | {"labels": list(labels)}).records():
        strengths.setdefault(row["type"], {})[row["papers"]] = row["n"]
    return Neighbours(scope, strengths)


def strongest(store: GraphStore, key: str, known: Neighbours, types: Iterable[str], per_type: int) -> list[tuple[GNode, GEdge]]:
    """The `per_type` strongest neighbours of each of `types` with their
    links, strongest first (then most papers, then key)."""
    floors = {t: known.floor(t, per_type) for t in types if known.strengths.get(t)}
    if not floors or per_type < 1:
        return []
    params = known.scope.params(key) | {"floor": min(floors.values()), "floors": floors, "per_type": per_type}
    rows = [(node_from(*row[:ENTITY_COLUMNS]), edge_from(*row[ENTITY_COLUMNS:]))
            for row in store.read(STRONGEST[store.dialect.name], params).rows]
    # The query's order, kept whatever a store does to rows after collect.
    return sorted(rows, key=lambda r: (-(r[1].properties.get("papers") or 0), -(r[0].properties.get("paper_count") or 0),
                                       r[0].properties.get("key") or ""))
