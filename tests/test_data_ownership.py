"""Tests and the demo never write into data they do not own. The Neo4j
guard's logic runs here on the embedded store (its Cypher is the same on
both); on Neo4j it runs before every Neo4j test (tests/conftest.py)."""
from __future__ import annotations

import pytest

from tests.conftest import TEST_DATA_MARKER, WIPE_OPT_IN, claim_for_tests


def test_an_empty_database_is_claimed_and_then_reused(store):
    claim_for_tests(store, "scratch")
    assert store.scalar(f"MATCH (m:{TEST_DATA_MARKER}) RETURN count(m)") == 1
    store.write("CREATE (:Paper {id: 'made by a test'})")
    claim_for_tests(store, "scratch")  # its own data does not stop it
    assert store.scalar(f"MATCH (m:{TEST_DATA_MARKER}) RETURN count(m)") == 1


def test_a_database_with_someone_elses_data_is_refused(store, monkeypatch):
    monkeypatch.delenv(WIPE_OPT_IN, raising=False)
    store.write("CREATE (:Paper {id: 'arxiv:1'}), (:Entity:Method {key: 'bert'})")
    with pytest.raises(pytest.fail.Exception, match=rf"refusing .* 2 nodes .*{WIPE_OPT_IN}=1"):
        claim_for_tests(store, "someone's database")
    assert store.scalar(f"MATCH (m:{TEST_DATA_MARKER}) RETURN count(m)") == 0
    assert store.scalar("MATCH (n) RETURN count(n)") == 2  # untouched

    monkeypatch.setenv(WIPE_OPT_IN, "1")
    claim_for_tests(store, "someone's database")
    assert store.scalar(f"MATCH (m:{TEST_DATA_MARKER}) RETURN count(m)") == 1
