"""The views' cache (graph/views/cache.py) of a focus's link strengths and
its details panel, on the real embedded server: one walk of a hub's links serves the view and
its details panel, even when both ask at once, and an ingest's write (from
another connection, as `paperkg ingest` beside a running app) is seen at the
next click. On real arXiv listings (the first lines of the shared corpus)."""
from __future__ import annotations

import threading
import time
import uuid

import pytest

from graph import StoreConfig, open_store, views
from graph.dialect import ENTITY_LABELS
from graph.views import NodeRef, ViewFilters, neighbourhood
from graph.views.strongest import STRENGTHS, Scope, neighbour_types
from ingest.run import IngestOptions, ingest_paths
from tests.test_reingest import listings, write

OPTIONS = IngestOptions(workers=1, batch_size=16)


@pytest.fixture
def graph_name(paperkg_home):
    name = f"cache_{uuid.uuid4().hex[:8]}"
    yield name
    with open_store(StoreConfig.from_env(graph_name=name)) as store:
        store.drop_graph()


class StrengthReads:
    """Counts the strengths walks the store runs, each held `delay` seconds
    so that callers overlap."""

    def __init__(self, store, monkeypatch, delay: float = 0.0):
        self.count, read = 0, store.read

        def counted(query, params=None, **options):
            if query == STRENGTHS:
                self.count += 1
                time.sleep(delay)
            return read(query, params, **options)

        monkeypatch.setattr(store, "read", counted)


def direct(graph_name: str, key: str) -> dict:
    """The histogram read now, past the cache, on a connection of its own."""
    with open_store(StoreConfig.from_env(graph_name=graph_name)) as store:
        return neighbour_types.__wrapped__(store, key, Scope(), ENTITY_LABELS).strengths


def test_an_ingest_from_another_connection_is_seen_at_the_next_read(graph_name, tmp_path, monkeypatch):
    items = listings(120)
    app = open_store(StoreConfig.from_env(graph_name=graph_name))
    ingest_paths(app, [write(tmp_path / "first.jsonl.gz", items[:50])], OPTIONS)
    hub = views.top_entities(app, "Method", 1)[0].key
    reads = StrengthReads(app, monkeypatch)

    before = neighbour_types(app, hub, Scope(), ENTITY_LABELS)
    assert neighbour_types(app, hub, Scope(), ENTITY_LABELS) is before  # the details panel: no second walk
    assert reads.count == 1 and before.strengths == direct(graph_name, hub)
    details = views.entity_details(app, hub)
    assert views.entity_details(app, hub) is details  # "show more" asks the details panel again
    summary = views.neighbourhood_types(app, NodeRef.entity(hub), ViewFilters())  # with the hub's paper count

    # A read-only query, or a write that changes nothing, keeps the answer.
    app.read("MATCH (p:Paper) RETURN count(p)")
    app.write("MATCH (e:Entity {key: $key}) RETURN e.key", {"key": hub})
    assert neighbour_types(app, hub, Scope(), ENTITY_LABELS) is before and reads.count == 1

    with open_store(StoreConfig.from_env(graph_name=graph_name)) as ingest:  # its own connection
        ingest_paths(ingest, [write(tmp_path / "second.jsonl.gz", items[50:])], OPTIONS)
    after = neighbour_types(app, hub, Scope(), ENTITY_LABELS)
    assert reads.count == 2
    assert after.strengths == direct(graph_name, hub) != before.strengths  # the new papers gave the hub new neighbours
    assert views.entity_details(app, hub) == views.entity_details.__wrapped__(app, hub) != details
    assert (views.neighbourhood_types(app, NodeRef.entity(hub), ViewFilters())
            == neighbourhood._survey.__wrapped__(app, NodeRef.entity(hub), Scope()).available != summary)
    app.close()


def test_concurrent_callers_share_one_walk_and_other_scopes_do_not(graph_name, tmp_path, monkeypatch):
    store = open_store(StoreConfig.from_env(graph_name=graph_name))
    ingest_paths(store, [write(tmp_path / "papers.jsonl.gz", listings(40))], OPTIONS)
    hub = views.top_entities(store, "Method", 1)[0].key
    reads = StrengthReads(store, monkeypatch, delay=0.3)
    got = []
    # The view and the details panel: two callbacks on two threads, at once.
    threads = [threading.Thread(target=lambda: got.append(neighbour_types(store, hub, Scope(), ENTITY_LABELS))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert reads.count == 1 and got[0] is got[1]
    neighbour_types(store, hub, Scope(min_shared=2), ENTITY_LABELS)
    assert reads.count == 2  # another scope is another answer
    # Another graph on the same server, at the same write count, is another answer too.
    with open_store(StoreConfig.from_env(graph_name=f"{graph_name}_other")) as other:
        other.write("CREATE (:Entity {key: $key, label: 'Method'})", {"key": hub})
        assert neighbour_types(store, hub, Scope(), ENTITY_LABELS).strengths
        assert other.data_version()[1:] == store.data_version()[1:]
        assert neighbour_types(other, hub, Scope(), ENTITY_LABELS).strengths == {}
        other.drop_graph()
    store.close()
