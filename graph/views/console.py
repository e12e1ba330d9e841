"""The Cypher console: a user's read-only query, and the options of a canned
query's parameters."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.export.convert import result_graph
from graph.render import plain
from graph.store import GraphStore
from graph.views.model import GraphView, view_graph


@dataclass
class ConsoleResult:
    columns: list[str]
    rows: list[list[Any]]  # JSON-able (graph.render.plain)
    truncated: bool
    graph: GraphView  # the nodes and relationships among the values


def run_console(store: GraphStore, query: str, params: dict[str, Any], *, limit: int, timeout: float) -> ConsoleResult:
    """A user's query, read-only, capped and timed out like `paperkg query`.
    Nodes and relationships in the result come back as a subgraph too."""
    result = store.read(query, params, limit=limit, timeout=timeout)
    nodes, edges = result_graph(result)
    view = view_graph(nodes, edges, truncated=result.truncated)
    return ConsoleResult(result.columns, [[plain(v) for v in row] for row in result.rows], result.truncated, view)


def choices(store: GraphStore, query: str, limit: int = 500) -> list[tuple[Any, str]]:
    """(value, label) options for a canned query's parameter: the query's
    first column is the value, its second (if any) the label shown."""
    rows = store.read(query, {}, limit=limit).rows
    return [(row[0], str(row[1] if len(row) > 1 else row[0])) for row in rows]
