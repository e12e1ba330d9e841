"""Queries a read-only console user types cannot stall, crash or exhaust the
store: the text is checked before any parser sees it, the row cap is kept
by the server, and the deadline holds. On the real embedded server."""
from __future__ import annotations

import os
import signal
import time

import pytest

from graph import QueryTimeout
from graph.embedded import EmbeddedServer
from graph.guard import check_query_text, nesting_depth, returned_columns
from graph.settings import QUERY_MAX_CHARS, QUERY_MAX_NESTING
from graph.store import QueryRefused


@pytest.fixture
def nodes(store):
    store.write_rows("UNWIND $rows AS row CREATE (:Paper {id: row.id})", [{"id": str(i)} for i in range(3000)])
    return store


def test_deep_nesting_is_refused_before_the_parser(store, paperkg_home):
    query = "RETURN " + "(" * 22 + "1" + ")" * 22 + " AS x"  # took 50 s in FalkorDB's parser
    started = time.monotonic()
    with pytest.raises(QueryRefused, match=f"nests brackets 22 deep; the limit is {QUERY_MAX_NESTING}"):
        store.read(query, limit=10, timeout=1)
    with pytest.raises(QueryRefused):
        store.read("RETURN " + "[" * 50_000 + "]" * 50_000)  # crashed redis-server
    assert time.monotonic() - started < 0.5
    assert store.scalar("RETURN 1") == 1
    assert EmbeddedServer(paperkg_home).info() is not None


def test_long_text_is_refused():
    with pytest.raises(QueryRefused, match="characters long"):
        check_query_text("RETURN 1 " + " " * QUERY_MAX_CHARS)


def test_brackets_in_strings_and_comments_do_not_count():
    assert nesting_depth("RETURN '((((((((((((((((' AS a, \"]]]]\" AS b // ((((((((((((((((\n") == 0
    assert nesting_depth("MATCH (a)-[:R]->(b {x: [1, (2)]}) /* {{{{{{{{{{{{{{{{{ */ RETURN a") == 4
    assert nesting_depth(r"RETURN 'it\'s ((((((((((((((' AS a") == 0


def test_legitimate_nesting_passes(store):
    query = "RETURN " + "(" * QUERY_MAX_NESTING + "1" + ")" * QUERY_MAX_NESTING + " AS x"
    assert store.read(query, limit=10, timeout=5).rows == [[1]]


def test_a_cartesian_product_stops_at_the_cap(nodes):
    started = time.monotonic()
    result = nodes.read("MATCH (a), (b) RETURN id(a), id(b)", limit=1000, timeout=10)
    assert time.monotonic() - started < 2  # was 160 s and 2.7 GB in the client for 9M rows
    assert len(result.rows) == 1000 and result.truncated


def test_queries_the_cap_wrapper_cannot_hold_still_run(nodes):
    assert nodes.read("MATCH (p:Paper) RETURN p.id // a trailing comment", limit=5).truncated
    assert ["Paper"] in nodes.read("CALL db.labels()", limit=5).rows
    result = nodes.read("MATCH (p:Paper) RETURN p.id AS id ORDER BY id LIMIT 3", limit=2)
    assert result.rows == [["0"], ["1"]] and result.truncated
    assert not nodes.read("MATCH (p:Paper) RETURN count(p)", limit=1).truncated


def test_the_deadline_holds_when_the_server_cannot_stop_itself(store, paperkg_home):
    # FalkorDB checks its timeout between records, not inside one long step
    # (sorting millions of rows, building a huge list); a stopped server is
    # the extreme case: the caller still has its answer at the deadline.
    pid = EmbeddedServer(paperkg_home).info().pid
    os.kill(pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            store.read("RETURN 1", limit=10, timeout=0.5)
        assert time.monotonic() - started < 1.5
    finally:
        os.kill(pid, signal.SIGCONT)
    assert store.scalar("RETURN 1") == 1


def test_a_timeout_is_a_timeout(nodes):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="longer than 0.5s"):
        nodes.read("MATCH (a), (b), (c) RETURN count(*)", limit=10, timeout=0.5)
    assert time.monotonic() - started < 1.5


def test_a_huge_literal_range_is_refused(store):
    with pytest.raises(QueryRefused, match="100,000,000 values"):
        store.read("UNWIND range(1, 100000000) AS x RETURN count(x)", limit=1000, timeout=1)
    assert store.read("UNWIND RANGE(1, 1000) AS x RETURN count(x)").rows == [[1000]]
    assert store.read("RETURN 'range(1, 100000000)' AS text").rows == [["range(1, 100000000)"]]


def test_a_capped_read_keeps_the_columns_in_the_order_written(nodes, store):
    # The cap wrapper (CALL { ... } RETURN *) lets the server reorder columns;
    # the console and `paperkg query` must show them as the user wrote them.
    result = store.read(
        "MATCH (n) WITH toInteger(n.id) AS i RETURN i AS zeta, 'a,b' AS `alpha beta`, i + 1, count(*) AS mid "
        "ORDER BY zeta LIMIT 3",
        limit=2,
    )
    assert result.columns == ["zeta", "alpha beta", "i + 1", "mid"]
    assert result.truncated
    assert [row[1] for row in result.rows] == ["a,b", "a,b"]
    assert all(row[2] == row[0] + 1 for row in result.rows)


def test_returned_columns_reads_the_final_projection():
    assert returned_columns("MATCH (p) CALL { WITH p RETURN p.x AS z } RETURN DISTINCT z, p.t AS t SKIP 1") == ["z", "t"]
    assert returned_columns("MATCH (n) RETURN *") is None
    assert returned_columns("RETURN 1 AS b UNION RETURN 2 AS b") == ["b"]
