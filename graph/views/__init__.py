"""The read queries behind the web app, returning typed dataclasses.

Every query is one parameterised string that runs unchanged on FalkorDB and
Neo4j 5; what differs (full-text search, shortest paths, node ids) comes
from `store.dialect`. User text reaches Cypher only as parameters. Views
that can be drawn or exported also carry a `Subgraph` of the store's own
nodes and edges, so a download is exactly what `paperkg export` writes.

One module per part of the app; everything public is importable from here:

- `model`: entities, papers, `NodeRef`, what a canvas draws, conversions
- `lookup`: the header's counts, search, one node by its reference
- `neighbourhood`: the Explore canvas (filters, expansion, neighbour types)
- `details`: the details panel of an entity or a paper
- `connections`: the Connect page (paths, related papers, comparison)
- `overview`: the Overview page (trending, top entities, timeline, heatmap)
- `console`: the Cypher console
"""
from __future__ import annotations

from graph.views.connections import (
    Comparison, ComparisonRow, Connection, ConnectView, RelatedPaper, compare_papers, connect, related_papers,
)
from graph.views.console import ConsoleResult, choices, run_console
from graph.views.details import (
    EntityDetails, EntityInPaper, Neighbour, PaperDetails, PaperMention, entity_details, paper_details,
)
from graph.views.lookup import GraphCounts, Suggestion, find_node, graph_counts, search
from graph.views.model import (
    NODE_TYPES, PAPER, Entity, GraphView, NodeRef, Paper, ViewEdge, ViewNode, entity_of, paper_of, view_graph,
)
from graph.views.neighbourhood import ExploreView, ViewFilters, explore, neighbourhood_types, type_caps
from graph.views.overview import (
    Matrix, Ranked, TimePoint, co_occurrence_matrix, mentions_over_time, top_entities, trending,
)

__all__ = [
    "NODE_TYPES", "PAPER", "Entity", "Paper", "NodeRef", "ViewNode", "ViewEdge", "GraphView", "entity_of", "paper_of", "view_graph",
    "GraphCounts", "Suggestion", "graph_counts", "search", "find_node",
    "ViewFilters", "ExploreView", "explore", "neighbourhood_types", "type_caps",
    "PaperMention", "Neighbour", "EntityDetails", "EntityInPaper", "PaperDetails", "entity_details", "paper_details",
    "Connection", "ConnectView", "RelatedPaper", "ComparisonRow", "Comparison", "connect", "related_papers", "compare_papers",
    "Ranked", "TimePoint", "Matrix", "trending", "top_entities", "mentions_over_time", "co_occurrence_matrix",
    "ConsoleResult", "run_console", "choices",
]
