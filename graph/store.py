"""The one interface every layer above `graph/` talks to."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Hashable, Iterable, Iterator, Mapping, Sequence

from graph.batches import batched
from graph.dialect import Dialect
from graph.results import QueryResult

WRITE_BATCH_ROWS = 500
READ_BATCH_VALUES = 500
READ_PAGE_ROWS = 2_000


class StoreError(RuntimeError):
    """The store could not be reached or refused the request."""


class QueryError(StoreError):
    """The query itself failed (syntax, types, unknown procedure...)."""


class ReadOnlyError(QueryError):
    """A write was attempted where only reads are allowed."""

    def __init__(self, detail: str = ""):
        super().__init__(
            "This query would modify the graph, and queries here run read-only "
            "(CREATE, MERGE, SET, DELETE, REMOVE and writing procedures are refused). "
            "Nothing was changed." + (f" [{detail}]" if detail else "")
        )


class QueryRefused(QueryError):
    """The query text was refused before reaching the database (too long, too deeply nested)."""


class QueryTimeout(QueryError):
    def __init__(self, seconds: float):
        super().__init__(f"The query ran longer than {seconds:g}s and was stopped; narrow it or raise --timeout.")


class GraphStore(ABC):
    dialect: Dialect

    @abstractmethod
    def read(
        self,
        query: str,
        params: Mapping[str, Any] | None = None,
        *,
        limit: int | None = None,
        timeout: float | None = None,
    ) -> QueryResult:
        """Run a query read-only. At most `limit` rows come back
        (`truncated` says whether there were more)."""

    @abstractmethod
    def write(self, query: str, params: Mapping[str, Any] | None = None) -> QueryResult:
        """Run one query that may write, in its own transaction."""

    @abstractmethod
    def describe(self) -> str:
        """Which store this is and where, for headers and `db status`."""

    @abstractmethod
    def close(self) -> None: ...

    def write_rows(self, query: str, rows: Sequence[Mapping[str, Any]], *, batch_size: int = WRITE_BATCH_ROWS) -> None:
        """Run an `UNWIND $rows AS row ...` query over rows, one transaction
        per batch: hundreds of records per round trip, never one each."""
        for batch in batched(rows, batch_size):
            self.write(query, {"rows": batch})

    def read_batches(self, query: str, param: str, values: Iterable[Any], params: Mapping[str, Any] | None = None,
                     *, batch_size: int = READ_BATCH_VALUES) -> Iterator[QueryResult]:
        """Run a read that unwinds the list `$<param>` over `values`, a batch
        of them per round trip (with `params` beside): each batch's result,
        read as it is drawn, so a stream of values is never held whole."""
        for batch in batched(values, batch_size):
            yield self.read(query, {**(params or {}), param: batch})

    def read_batched(self, query: str, param: str, values: Iterable[Any], params: Mapping[str, Any] | None = None,
                     *, batch_size: int = READ_BATCH_VALUES) -> QueryResult:
        """`read_batches` as one result, the rows of every batch in order:
        the rows `read` would give for all `values` at once, without one
        huge parameter or reply. No values, no query: an empty result."""
        results = list(self.read_batches(query, param, values, params, batch_size=batch_size))
        return QueryResult(results[0].columns if results else [], [row for result in results for row in result.rows])

    def read_pages(self, query: str, params: Mapping[str, Any] | None = None, *,
                   page_size: int = READ_PAGE_ROWS) -> Iterator[QueryResult]:
        """Every row of `query` a page at a time, by key: the query takes the
        last key read as `$after` ("" at first) and the page size as `$page`
        (with `params` beside), and returns its rows ordered by their first
        column, the key, so each page is an index seek instead of a SKIP over
        the rows before it. Each non-empty page's result, read as it is drawn."""
        after = ""
        while True:
            page = self.read(query, {**(params or {}), "after": after, "page": page_size})
            if page.rows:
                yield page
            if len(page.rows) < page_size:
                return
            after = page.rows[-1][0]

    def data_version(self) -> Hashable | None:
        """What the stored data is at: equal values mean no write has changed
        it in between, whichever process wrote. A cache of query answers keys
        on it (graph.views.strongest). None: the store cannot tell, so nothing
        may be cached (Neo4j)."""
        return None

    def after_bulk_write(self) -> None:
        """Called once at the end of a large load; a store that keeps a log to
        compact does it here. Nothing to do by default (Neo4j)."""

    def setup_schema(self) -> None:
        """Create indexes, constraints and full-text indexes; idempotent."""
        for statement in self.dialect.schema:
            try:
                self.write(statement)
            except QueryError as error:
                if not _already_exists(error):
                    raise

    def scalar(self, query: str, params: Mapping[str, Any] | None = None) -> Any:
        result = self.read(query, params)
        return result.rows[0][0] if result.rows else None

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _already_exists(error: Exception) -> bool:
    text = str(error).lower()
    return "already" in text or "equivalent" in text

