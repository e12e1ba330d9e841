"""FalkorDB over its native protocol (the `falkordb` client)."""
from __future__ import annotations

import datetime as dt
from typing import Any

import redis
from falkordb import Edge, FalkorDB, Node, Path

from graph.dialect import FALKORDB
from graph.embedded import EmbeddedServer, ServerInfo
from graph.results import GEdge, GNode, GPath, QueryResult, convert
from graph.store import GraphStore, QueryError, QueryTimeout, ReadOnlyError, StoreError


class FalkorStore(GraphStore):
    dialect = FALKORDB

    def __init__(self, server: EmbeddedServer, graph_name: str):
        self._server = server
        self.graph_name = graph_name
        self._connect(server.ensure_running())

    def _connect(self, info: ServerInfo) -> None:
        self._info = info
        self._db = FalkorDB(host=info.host, port=info.port, password=info.password)
        self._graph = self._db.select_graph(self.graph_name)

    def read(self, query, params=None, *, limit=None, timeout=None) -> QueryResult:
        return _result(self._run("ro_query", query, params, timeout), limit)

    def write(self, query, params=None) -> QueryResult:
        return _result(self._run("query", query, params, None), None)

    def _run(self, method: str, query: str, params, timeout: float | None):
        for attempt in (1, 2):
            try:
                return getattr(self._graph, method)(query, dict(params or {}), timeout=_ms(timeout))
            except redis.exceptions.ResponseError as error:
                raise _translate(error, timeout) from None
            except redis.exceptions.ConnectionError as error:
                # A long-lived process (the web app) outlives `db stop` or a
                # crash: follow the server to wherever it runs now, once.
                restarted = self._server.ensure_running() if attempt == 1 else self._info
                if restarted == self._info:
                    raise StoreError(f"The FalkorDB server at {self._location} is not answering: {error}") from None
                self._connect(restarted)

    @property
    def _location(self) -> str:
        return f"{self._server.dir}, 127.0.0.1:{self._info.port}"

    def describe(self) -> str:
        return f"embedded FalkorDB ({self._location}, graph '{self.graph_name}')"

    def drop_graph(self) -> None:
        """Delete the whole graph, indexes included (tests and `demo` start afresh)."""
        try:
            self._graph.delete()
        except redis.exceptions.ResponseError:
            pass  # no such graph yet

    def reset(self) -> None:
        """An empty graph with its schema: FalkorDB refuses reads on a graph
        that does not exist, so the schema is what brings it into being."""
        self.drop_graph()
        self.setup_schema()

    def close(self) -> None:
        self._db.connection.close()


def _ms(timeout: float | None) -> int | None:
    return None if timeout is None else max(1, int(timeout * 1000))


def _translate(error: Exception, timeout: float | None) -> Exception:
    text = str(error)
    if "read-only" in text or "RO_QUERY" in text:
        return ReadOnlyError()
    if "timed out" in text.lower() or "timeout" in text.lower():
        return QueryTimeout(timeout or 0)
    return QueryError(text)


def _result(result, limit: int | None) -> QueryResult:
    columns = [column[1] if isinstance(column, (list, tuple)) else str(column) for column in result.header]
    rows = result.result_set or []
    truncated = limit is not None and len(rows) > limit
    if truncated:
        rows = rows[:limit]
    return QueryResult(columns=columns, rows=[[convert(v, _driver_value) for v in row] for row in rows], truncated=truncated)


def _driver_value(value: Any) -> Any:
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Edge):
        return _edge(value)
    if isinstance(value, Path):
        return GPath(nodes=tuple(_node(n) for n in value.nodes()), edges=tuple(_edge(e) for e in value.edges()))
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return NotImplemented


def _node(node: Node) -> GNode:
    return GNode(id=str(node.id), labels=tuple(node.labels or ()), properties=dict(node.properties))


def _edge(edge: Edge) -> GEdge:
    source = edge.src_node.id if isinstance(edge.src_node, Node) else edge.src_node
    target = edge.dest_node.id if isinstance(edge.dest_node, Node) else edge.dest_node
    return GEdge(id=str(edge.id), type=edge.relation, start=str(source), end=str(target), properties=dict(edge.properties))
