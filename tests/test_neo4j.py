"""The same contract on Neo4j 5; runs only where NEO4J_URI is set."""
from __future__ import annotations

import pytest

from graph import ReadOnlyError, open_store
from graph.dialect import fulltext_query
from tests.conftest import neo4j_config
from tests.graphdata import load_small_graph
from tests.test_store import WRITES

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo4j_store():
    store = open_store(neo4j_config())
    store.write("MATCH (n) WHERE n:Paper OR n:Entity DETACH DELETE n")
    yield store
    store.write("MATCH (n) WHERE n:Paper OR n:Entity DETACH DELETE n")
    store.close()


def test_loader_and_reads(neo4j_store):
    load_small_graph(neo4j_store)
    load_small_graph(neo4j_store)
    assert neo4j_store.scalar("MATCH (p:Paper) RETURN count(p)") == 3
    assert neo4j_store.scalar("MATCH (e:Benchmark {key: 'glue'}) RETURN e.paper_count") == 2
    found = neo4j_store.read(neo4j_store.dialect.entity_search, {"q": fulltext_query("transf"), "limit": 5}).rows
    assert found[0][0].properties["key"] == "transformer"
    paths = neo4j_store.read(neo4j_store.dialect.shortest_paths(4), {"a": "resnet-50", "b": "glue", "limit": 10}).rows
    assert len(paths[0][0].edges) == 4


@pytest.mark.parametrize("query", WRITES[:5])
def test_writes_refused(neo4j_store, query):
    load_small_graph(neo4j_store)
    with pytest.raises(ReadOnlyError):
        neo4j_store.read(query)
    assert neo4j_store.scalar("MATCH (n:X) RETURN count(n)") == 0
