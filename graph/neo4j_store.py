"""Neo4j 5 through the official driver."""
from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from typing import Any, Iterator

import neo4j
from neo4j import GraphDatabase, Query
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from graph.config import StoreConfig
from graph.dialect import NEO4J
from graph.guard import check_query_text
from graph.results import GEdge, GNode, GPath, QueryResult, convert
from graph.settings import STORE_READ_TIMEOUT_S
from graph.store import GraphStore, QueryError, QueryTimeout, ReadOnlyError, StoreError


FETCH_SIZE = 1_000  # records per round trip (the driver's default)


class Neo4jStore(GraphStore):
    dialect = NEO4J

    def __init__(self, uri: str, username: str, password: str | None, database: str | None):
        auth = (username, password) if password is not None else None
        # The server attaches notifications (unknown labels or properties in a
        # graph that lacks them yet, planner hints) to queries the app runs on
        # purpose; the driver would log each one. Only warnings a user must act
        # on (deprecations, security) are kept.
        self._driver = GraphDatabase.driver(
            uri, auth=auth,
            notifications_min_severity=neo4j.NotificationMinimumSeverity.WARNING,
            notifications_disabled_classifications=[
                neo4j.NotificationDisabledClassification.HINT, neo4j.NotificationDisabledClassification.UNRECOGNIZED,
                neo4j.NotificationDisabledClassification.PERFORMANCE, neo4j.NotificationDisabledClassification.GENERIC,
            ],
        )
        self._uri = uri
        self._database = database
        try:
            self._driver.verify_connectivity()
        except (ServiceUnavailable, Neo4jError, OSError) as error:
            self._driver.close()
            raise _unreachable(uri, error) from None

    def read(self, query, params=None, *, limit=None, timeout=None) -> QueryResult:
        check_query_text(query)
        timeout = STORE_READ_TIMEOUT_S if timeout is None else timeout

        # Records come in batches of fetch_size and are converted one by one,
        # so a capped read stops pulling at the cap (the rest is discarded on
        # the server when the transaction ends); the transaction timeout is
        # the server's deadline.
        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            result = tx.run(query, dict(params or {}))
            columns = list(result.keys())
            rows: list[list[Any]] = []
            truncated = False
            for record in result:
                if limit is not None and len(rows) >= limit:
                    truncated = True
                    break
                rows.append([convert(v, _driver_value) for v in record.values()])
            return QueryResult(columns=columns, rows=rows, truncated=truncated)

        fetch_size = min(limit + 1, FETCH_SIZE) if limit is not None else FETCH_SIZE
        with self._session(neo4j.READ_ACCESS, timeout, fetch_size=fetch_size) as session:
            return session.execute_read(neo4j.unit_of_work(timeout=timeout)(work))

    def write(self, query, params=None) -> QueryResult:
        """A managed write transaction: routed to the cluster's leader through
        a neo4j:// URI, and retried by the driver on transient errors (leader
        switch, deadlock, lost connection). Safe because every write paperkg
        sends is idempotent (see graph.queries.WRITE_BATCH)."""

        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            return _collect(tx.run(query, dict(params or {})))

        with self._session(neo4j.WRITE_ACCESS) as session:
            return session.execute_write(work)

    def administer(self, command: str) -> QueryResult:
        """An auto-commit statement, for the one kind that must not run inside
        a transaction function: a database command with WAIT commits the
        transaction itself, so the driver's own commit would follow a closed one."""
        with self._session(neo4j.WRITE_ACCESS) as session:
            return _collect(session.run(Query(command)))

    @contextmanager
    def _session(self, mode: str, timeout: float | None = None, **config: Any) -> Iterator[neo4j.Session]:
        """A session whose failures come out as the store's errors: the
        query's own (refused, timed out after `timeout`), or the server out of reach."""
        try:
            with self._driver.session(database=self._database, default_access_mode=mode, **config) as session:
                yield session
        except Neo4jError as error:
            raise _translate(error, timeout) from None
        except (ServiceUnavailable, OSError) as error:
            raise _unreachable(self._uri, error) from None

    def describe(self) -> str:
        return f"Neo4j ({self._uri}, database '{self._database or 'default'}')"

    def close(self) -> None:
        self._driver.close()


def create_database(config: StoreConfig, name: str) -> StoreConfig:
    """`config` pointed at database `name`, created if absent, so what is
    written there cannot touch the user's own database. `name` is a constant
    of paperkg's, never user text (database names cannot be parameters)."""
    store = Neo4jStore(config.neo4j_uri, config.neo4j_username, config.neo4j_password, "system")
    try:
        store.administer(f"CREATE DATABASE `{name}` IF NOT EXISTS WAIT")
    except StoreError as error:
        raise StoreError(
            f"Neo4j at {config.neo4j_uri} cannot create a database '{name}' of its own ({error}); "
            "a server without multi-database support (Community edition, Aura Free) has only your database, "
            "and paperkg will not write into it: unset NEO4J_URI to use the embedded store, or use a server that can"
        ) from None
    finally:
        store.close()
    return dataclasses.replace(config, neo4j_database=name)


def _collect(result: neo4j.Result) -> QueryResult:
    columns = list(result.keys())
    return QueryResult(columns=columns, rows=[[convert(v, _driver_value) for v in record.values()] for record in result])


def _unreachable(uri: str, error: Exception) -> StoreError:
    reason = " ".join(str(error).split()) or type(error).__name__
    return StoreError(
        f"Cannot reach Neo4j at {uri} ({reason}); check that the server runs and NEO4J_URI, "
        "NEO4J_USERNAME and NEO4J_PASSWORD are right, or unset NEO4J_URI to use the embedded store."
    )


def _translate(error: Neo4jError, timeout: float | None) -> Exception:
    code = error.code or ""
    if "WriteOnReadOnlyAccess" in code or "AccessMode" in code or "ForbiddenOnReadOnlyDatabase" in code:
        return ReadOnlyError()
    if "TransactionTimedOut" in code or "Terminated" in code:
        return QueryTimeout(timeout or 0)
    if isinstance(error, ClientError):
        return QueryError(error.message or str(error))
    return StoreError(" ".join(str(error).split()))


def _driver_value(value: Any) -> Any:
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Relationship):
        return _edge(value)
    if isinstance(value, Path):
        return GPath(nodes=tuple(_node(n) for n in value.nodes), edges=tuple(_edge(r) for r in value.relationships))
    if hasattr(value, "iso_format"):  # neo4j.time Date, DateTime, Duration
        return value.iso_format()
    return NotImplemented


def _node(node: Node) -> GNode:
    return GNode(id=node.element_id, labels=tuple(sorted(node.labels)), properties=dict(node))


def _edge(rel: Relationship) -> GEdge:
    return GEdge(id=rel.element_id, type=rel.type, start=rel.start_node.element_id, end=rel.end_node.element_id, properties=dict(rel))
