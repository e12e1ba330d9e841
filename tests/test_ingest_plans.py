"""What an ingest runs per batch starts from an index (a paper's id, an
entity's key), never from a scan of every Paper or Entity, so a batch costs
the same into an empty graph as into a big one. Checked on the plans the
real FalkorDB server makes (GRAPH.EXPLAIN): a pattern written in one piece
(`(a)<-(:Paper {id: id})->(b)`) was planned as a scan of every paper per id,
and 1k new papers into a 7.5k graph spent 390 s of their 430 s there."""
from __future__ import annotations

import pytest

from graph import queries

PER_BATCH = ("STORED_PAPER_DIGESTS", "STORED_PAPERS", "STORED_PAPERS_BY_TITLE_KEY", "STORED_LINKS", "ENTITY_TALLIES", "ENTITY_MENTIONS",
             "WRITE_BATCH")
SCANS = ("Label Scan", "All Node Scan")


def plan(store, query: str) -> str:
    return str(store._graph.explain(query))


@pytest.mark.parametrize("name", [name for name in PER_BATCH if hasattr(queries, name)])
def test_per_batch_statements_start_from_an_index(store, name):
    operations = plan(store, getattr(queries, name))
    assert "Index Scan" in operations
    assert not [line for line in operations.splitlines() if any(scan in line for scan in SCANS)], operations


def test_the_check_sees_a_scan(store):
    """The unanchored form of the co-occurrence step is planned as a scan."""
    operations = plan(store, "UNWIND $relink AS id MATCH (a:Entity)<-[:MENTIONS]-(:Paper {id: id})-[:MENTIONS]->(b:Entity) "
                             "WHERE a.key < b.key RETURN a, b, count(*) AS n")
    assert any(scan in operations for scan in SCANS), operations
