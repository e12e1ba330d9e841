"""FalkorDB over its native protocol (the `falkordb` client)."""
from __future__ import annotations

import datetime as dt
import time
from typing import Any

import redis
from falkordb import Edge, FalkorDB, Node, Path
from falkordb.helpers import stringify_param_value
from falkordb.query_result import QueryResult as DriverResult

from graph.dialect import FALKORDB
from graph.embedded import NO_RETRY, QUERY_MEM_CAPACITY_BYTES, RESULTSET_SIZE, EmbeddedServer, ProgressCallback, ServerInfo
from graph.guard import check_query_text, returned_columns
from graph.results import GEdge, GNode, GPath, QueryResult, convert
from graph.settings import STORE_READ_TIMEOUT_S
from graph.store import GraphStore, QueryError, QueryTimeout, ReadOnlyError, StoreError

# The client stops waiting this long after the server's own timeout: the
# server checks its timeout between records, not inside one long step
# (sorting millions of rows, building a huge list), so the deadline that a
# caller sees is held here.
DEADLINE_GRACE_S = 0.5
# How long opening a store waits for indexes it just created to be usable.
INDEX_BUILD_WAIT_S = 60.0
INDEXES_NOT_READY = "CALL db.indexes() YIELD status WHERE status <> 'OPERATIONAL' RETURN count(*)"


class FalkorStore(GraphStore):
    dialect = FALKORDB

    def __init__(self, server: EmbeddedServer, graph_name: str, progress: ProgressCallback | None = None):
        self._server = server
        self._progress = progress
        self.graph_name = graph_name
        self._connect(server.ensure_running(progress))

    def _connect(self, info: ServerInfo) -> None:
        try:  # the client asks the server about itself on connecting
            db = FalkorDB(host=info.host, port=info.port, password=info.password, retry=NO_RETRY)
        except redis.exceptions.ConnectionError as error:
            # Not connected: the next call finds the server again instead of trusting this one.
            raise self._not_answering(error, info) from None
        self._info, self._db, self._graph = info, db, db.select_graph(self.graph_name)

    def read(self, query, params=None, *, limit=None, timeout=None) -> QueryResult:
        check_query_text(query)
        seconds = STORE_READ_TIMEOUT_S if timeout is None else timeout
        deadline = time.monotonic() + seconds
        if limit is not None:
            # The cap goes into the query, so the server stops producing rows
            # there instead of building (and sending) everything.
            try:
                return _in_written_order(self._query("GRAPH.RO_QUERY", _capped(query, limit), params, seconds, limit), query)
            except (ReadOnlyError, QueryTimeout):
                raise
            except QueryError:
                pass  # a query the wrapper cannot hold (e.g. no RETURN): run it as written
            seconds = deadline - time.monotonic()
            if seconds <= 0:
                raise QueryTimeout(timeout or STORE_READ_TIMEOUT_S)
        return self._query("GRAPH.RO_QUERY", query, params, seconds, limit)

    def write(self, query, params=None) -> QueryResult:
        return self._query("GRAPH.QUERY", query, params, None, None)

    def _query(self, command: str, query: str, params, timeout: float | None, limit: int | None) -> QueryResult:
        text = _params_header(params or {}) + query
        arguments = [command, self.graph_name, text, "--compact"]
        if timeout is not None:
            arguments += ["timeout", _ms(timeout)]
        response = self._execute(arguments, timeout)
        if limit is not None and len(response) == 3:
            response[1] = response[1][: limit + 1]  # parse no more than the caller keeps
        try:
            return _result(DriverResult(self._graph, response), limit)
        except redis.exceptions.ResponseError as error:  # a runtime error ends the reply
            raise _translate(error, timeout) from None
        except redis.exceptions.ConnectionError as error:
            # Reading a reply may query the server again (the client fetches
            # label and property names it has not seen yet): it can be gone by then.
            raise self._not_answering(error) from None

    def _execute(self, arguments: list, timeout: float | None) -> list:
        for attempt in (1, 2):
            pool = self._db.connection.connection_pool
            connection = None
            try:
                connection = pool.get_connection()
                connection.send_command(*arguments)
                wait = None if timeout is None else timeout + DEADLINE_GRACE_S
                return connection.read_response(timeout=wait)
            except redis.exceptions.TimeoutError:
                # read_response closed the connection: the late reply is dropped with it.
                raise QueryTimeout(timeout or 0) from None
            except redis.exceptions.ResponseError as error:
                raise _translate(error, timeout) from None
            except redis.exceptions.ConnectionError as error:
                # A long-lived process (the web app) outlives `db stop` or a
                # crash: follow the server to wherever it runs now, once.
                restarted = self._server.ensure_running(self._progress) if attempt == 1 else self._info
                if restarted == self._info:
                    raise self._not_answering(error) from None
                self._connect(restarted)
            finally:
                if connection is not None:
                    pool.release(connection)
        raise AssertionError("unreachable")

    @property
    def _location(self) -> str:
        return _location(self._server, self._info)

    def _not_answering(self, error: Exception, info: ServerInfo | None = None) -> StoreError:
        return StoreError(
            f"The FalkorDB server at {_location(self._server, info or self._info)} is not answering ({_one_line(error)}); "
            "run `paperkg db stop` and retry."
        )

    def describe(self) -> str:
        return f"embedded FalkorDB ({self._location}, graph '{self.graph_name}')"

    def setup_schema(self) -> None:
        super().setup_schema()
        # FalkorDB builds a new index in the background, and until it is
        # operational the planner scans every node instead: a batch planned
        # then looks each id up by a scan of every paper.
        deadline = time.monotonic() + INDEX_BUILD_WAIT_S
        while self.scalar(INDEXES_NOT_READY) and time.monotonic() < deadline:
            time.sleep(0.05)

    def data_version(self) -> tuple[str, str, int]:
        """The server process (its run id: a restart may load other data) and
        its count of writes: with the append-only file on (embedded.py), Redis
        advances its replication offset by each write command it propagates,
        a graph query that changed something included, a read or a write that
        changed nothing not. A read begun after a count was seen sees every
        write counted in it: a write is counted either after its changes are
        visible or while it still holds the graph's lock, which the read waits for."""
        reply = self._execute(["INFO", "server", "replication"], STORE_READ_TIMEOUT_S)
        info = dict(line.split(":", 1) for line in _text(reply).splitlines() if ":" in line)
        return self.graph_name, info["run_id"], int(info["master_repl_offset"])

    def after_bulk_write(self) -> None:
        """Fold the append-only tail into a snapshot when it has grown, so
        the next start loads in seconds instead of replaying every query.
        Not waited for: the rewrite copies the whole graph (3 s of a 1k-paper
        ingest into 40k papers, the one step of it that grew with the graph),
        the server finishes it alone, and a stop waits for it."""
        self._server.compact_if_needed(wait=False)

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


def _location(server: EmbeddedServer, info: ServerInfo) -> str:
    return f"{server.dir}, 127.0.0.1:{info.port}"


def _capped(query: str, limit: int) -> str:
    # Newlines keep a trailing `//` comment from swallowing the brace; one
    # row beyond the cap says whether there were more.
    return f"CALL {{\n{query}\n}} RETURN * LIMIT {int(limit) + 1}"


def _in_written_order(result: QueryResult, query: str) -> QueryResult:
    """`RETURN *` around the query hands columns back in the server's order;
    put them back in the order the query wrote them."""
    written = returned_columns(query)
    if written is None or sorted(written) != sorted(result.columns):
        return result
    picks = [result.columns.index(name) for name in written]
    return QueryResult(
        columns=written, rows=[[row[i] for i in picks] for row in result.rows], truncated=result.truncated
    )


def _text(reply: bytes | str) -> str:
    return reply.decode() if isinstance(reply, bytes) else reply


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def _ms(timeout: float | None) -> int | None:
    return None if timeout is None else max(1, int(timeout * 1000))


def _translate(error: Exception, timeout: float | None) -> Exception:
    text = _one_line(error)
    if "read-only" in text or "RO_QUERY" in text:
        return ReadOnlyError()
    if "timed out" in text.lower() or "timeout" in text.lower():
        return QueryTimeout(timeout or 0)
    if "mem consumption exceeded" in text:
        return QueryError(
            f"The query needed more than {QUERY_MEM_CAPACITY_BYTES // 2**20} MB of server memory and was stopped; "
            "narrow it (fewer rows, smaller lists, LIMIT earlier)."
        )
    if "Max pending queries" in text:
        return StoreError("The FalkorDB server is busy (too many queries queued); retry in a moment.")
    return QueryError(text)


def _params_header(params: dict[str, Any]) -> str:
    """The `CYPHER name=value ...` header that sends `params`: the same text
    the falkordb client builds (`Graph._build_params_header`), whose
    recursive `stringify_param_value` took ~20 % of the batch writer's CPU
    in an ingest (py-spy, 3k arXiv papers). Plain values are written here
    by exact type, anything else by the client's own function."""
    return "CYPHER " + "".join(f"{_name(name)}={_value(value)} " for name, value in params.items())


def _name(name: Any) -> str:
    if type(name) is not str or not name or "`" in name:  # the client refuses the last two too
        raise ValueError(f"a query parameter or map key must be a non-empty name without backticks, not {name!r}")
    return f"`{name}`"


def _value(value: Any) -> str:
    kind = type(value)
    if kind is str:
        if "\\" in value or '"' in value:
            value = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{value}"'
    if value is None:
        return "null"
    if kind is list or kind is tuple:
        return f"[{','.join([_value(item) for item in value])}]"
    if kind is dict:
        return f"{{{','.join([f'{_name(key)}:{_value(item)}' for key, item in value.items()])}}}"
    if kind is int or kind is float or kind is bool:
        return str(value)
    return stringify_param_value(value)


def _result(result, limit: int | None) -> QueryResult:
    columns = [column[1] if isinstance(column, (list, tuple)) else str(column) for column in result.header]
    rows = result.result_set or []
    if limit is None and len(rows) >= RESULTSET_SIZE:
        # The server stopped at its row cap: partial data must not pass for whole.
        raise QueryError(f"The query produced more than {RESULTSET_SIZE - 1:,} rows, the server's cap; page it with SKIP/LIMIT.")
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
