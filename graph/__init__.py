"""The graph store: backends, schema, queries and exports.

`open_store()` is how everything else gets a store: Neo4j when `NEO4J_URI`
is set, otherwise the embedded FalkorDB server (started on demand).
"""
from __future__ import annotations

from graph.config import StoreConfig
from graph.store import GraphStore, QueryError, QueryTimeout, ReadOnlyError, StoreError


def open_store(config: StoreConfig | None = None, *, setup: bool = True, progress=None) -> GraphStore:
    """The configured store. `progress` (a `graph.embedded.StartProgress`
    callback) hears from an embedded server that is still loading its data."""
    config = config or StoreConfig.from_env()
    if config.backend == "neo4j":
        from graph.neo4j_store import Neo4jStore

        store: GraphStore = Neo4jStore(
            config.neo4j_uri, config.neo4j_username, config.neo4j_password, config.neo4j_database
        )
    else:
        from graph.embedded import EmbeddedServer
        from graph.falkor import FalkorStore

        store = FalkorStore(EmbeddedServer(config.home), config.graph_name, progress)
    if setup:
        store.setup_schema()
    return store


__all__ = ["open_store", "StoreConfig", "GraphStore", "StoreError", "QueryError", "ReadOnlyError", "QueryTimeout"]
