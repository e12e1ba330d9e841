"""Tests run against the real embedded FalkorDB server in a temporary
PAPERKG_HOME (one server per test session, one graph per test), and against
Neo4j only where NEO4J_URI is set."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpora" / "arxiv-cs-2025.jsonl.gz"


def corpus_records(*ids: str) -> dict:
    """The real papers `ids` of the arXiv corpus, as ingest reads them (id → PaperRecord)."""
    import gzip
    import json

    from ingest.sources.rows import record_from_row

    records = {}
    with gzip.open(CORPUS, "rt") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] in ids:  # a paper listed again: its last listing
                records[row["id"]] = record_from_row(row, path=str(CORPUS), line=None, field_map={})[0]
    return records
GOLD = SHARED / "gold"
# Read before the session fixture hides it from the code under test.
NEO4J_URI = os.environ.get("NEO4J_URI")


@pytest.fixture(scope="session", autouse=True)
def paperkg_home(tmp_path_factory):
    """Every test sees a private PAPERKG_HOME; the embedded server started in
    it is stopped when the session ends."""
    home = tmp_path_factory.mktemp("paperkg_home")
    saved = {k: os.environ.get(k) for k in ("PAPERKG_HOME", "NEO4J_URI")}
    os.environ["PAPERKG_HOME"] = str(home)
    neo4j_uri = os.environ.pop("NEO4J_URI", None)  # the default store under test is the embedded one
    yield home
    from graph.embedded import EmbeddedServer

    EmbeddedServer(home).stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    if neo4j_uri:
        os.environ["NEO4J_URI"] = neo4j_uri


@pytest.fixture
def store(paperkg_home):
    """A fresh, empty graph on the embedded server."""
    from graph import StoreConfig, open_store

    config = StoreConfig.from_env(graph_name=f"test_{uuid.uuid4().hex[:10]}")
    store = open_store(config)
    yield store
    store.drop_graph()
    store.close()


@pytest.fixture(scope="session")
def seed_graph(paperkg_home):
    """The five seed files ingested once into the default graph, shared by
    the tests that only read it."""
    from graph import open_store
    from ingest.run import IngestOptions, ingest_paths

    with open_store() as store:
        report = ingest_paths(store, [str(SEEDS)], IngestOptions())
    return report


def neo4j_config():
    """The Neo4j server under test; only a database these tests may wipe
    (see `claim_for_tests`)."""
    uri = NEO4J_URI
    if not uri:
        pytest.skip("no Neo4j server: set NEO4J_URI to run the Neo4j tests")
    from graph import StoreConfig, open_store

    config = StoreConfig(
        backend="neo4j",
        home=Path(os.environ["PAPERKG_HOME"]),
        neo4j_uri=uri,
        neo4j_username=os.environ.get("NEO4J_USERNAME", "neo4j"),
        neo4j_password=os.environ.get("NEO4J_PASSWORD"),
        neo4j_database=os.environ.get("NEO4J_DATABASE"),
    )
    if config not in _CLAIMED:
        with open_store(config, setup=False) as store:  # no indexes written before the check
            claim_for_tests(store, f"{uri} (database {config.neo4j_database or 'default'})")
        _CLAIMED.add(config)
    return config


# The Neo4j tests delete every Paper and Entity. They run on a database that
# is empty or that they marked as theirs, never on someone's data unless this
# is set to 1.
WIPE_OPT_IN = "PAPERKG_TEST_NEO4J_WIPE"
TEST_DATA_MARKER = "PaperkgTestDatabase"
_CLAIMED: set = set()


def claim_for_tests(store, where: str) -> None:
    if store.scalar(f"MATCH (m:{TEST_DATA_MARKER}) RETURN count(m)"):
        return
    nodes = store.scalar("MATCH (n) RETURN count(n)")
    if nodes and os.environ.get(WIPE_OPT_IN) != "1":
        pytest.fail(
            f"refusing to run the Neo4j tests on {where}: it holds {nodes} nodes they did not create, and they "
            f"delete every Paper and Entity. Point NEO4J_URI / NEO4J_DATABASE at an empty database, or set {WIPE_OPT_IN}=1 "
            "to let them wipe this one.",
            pytrace=False,
        )
    store.write(f"MERGE (:{TEST_DATA_MARKER} {{note: 'paperkg tests may wipe this database'}})")
