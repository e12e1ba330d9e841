"""Crash safety and one-writer-at-a-time, on the real `paperkg ingest`
process and the real embedded server: an ingest killed (SIGKILL) at stage
boundaries, or whose server is killed under it, then run again, leaves the
graph exactly as an uninterrupted ingest does; two ingests started together
leave what two in a row leave."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid

import pytest

from tests.conftest import SEEDS
from tests.graphdata import graph_contents

PAPERS = 30
BATCH = 6


@pytest.fixture(scope="module")
def listings(tmp_path_factory):
    """Real seed papers as two JSON Lines files: the second repeats some of
    the first with a longer abstract (their links change), a shorter one
    (nothing may change) and a later date, so batches both add and take back."""
    from ingest.sources import read_path

    records = [r for path in sorted(SEEDS.glob("*.txt")) for r in read_path(path).records if r.abstract]
    records = list({r.id: r for r in records}.values())[:PAPERS]
    folder = tmp_path_factory.mktemp("listings")

    def row(record, **changes):
        fields = {"title": record.title, "abstract": record.abstract, "published": record.published,
                  "upvotes": record.upvotes, **changes}
        return json.dumps(fields) + "\n"

    (folder / "a.jsonl").write_text("".join(row(r) for r in records))
    (folder / "b.jsonl").write_text(
        "".join(row(r, abstract=r.abstract + " We also evaluate on ImageNet with BERT.") for r in records[:PAPERS:4])
        + "".join(row(r, abstract=r.abstract[:40], published="2020-01-01") for r in records[1:PAPERS:5]))
    return folder


def ingest(listings, graph, home, *, kill_at=None, kill_server_at=None, extra=()):
    env = {**os.environ, "PAPERKG_HOME": str(home), "PAPERKG_GRAPH": graph}
    env.pop("PAPERKG_TEST_KILL_AT", None)
    if kill_at:
        env["PAPERKG_TEST_KILL_AT"] = kill_at
    if kill_server_at:
        env["PAPERKG_TEST_KILL_SERVER_AT"] = kill_server_at
    return subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", "ingest", str(listings), "--workers", "1", "--batch-size", str(BATCH), *extra],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(process) -> subprocess.CompletedProcess:
    out, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def dump(graph, home) -> dict:
    """Everything in the graph, node ids left out, in a comparable form."""
    from graph import StoreConfig, open_store

    os.environ["PAPERKG_HOME"], saved = str(home), os.environ["PAPERKG_HOME"]
    try:
        with open_store(StoreConfig.from_env(graph_name=graph), setup=False) as store:
            return graph_contents(store)
    finally:
        os.environ["PAPERKG_HOME"] = saved


@pytest.fixture(scope="module")
def reference(listings, paperkg_home):
    graph = f"ref_{uuid.uuid4().hex[:8]}"
    result = finished(ingest(listings, graph, paperkg_home))
    assert result.returncode == 0, result.stderr
    state = dump(graph, paperkg_home)
    assert state["co_occurs"] and any("ImageNet" in e for e in state["entities"])
    return state


def test_killed_at_every_stage_then_rerun_converges_to_the_uninterrupted_graph(listings, paperkg_home, reference):
    graph = f"crash_{uuid.uuid4().hex[:8]}"
    # Each run is killed at the next point; the reruns pick up where the last left off.
    for point in ("read:1", "planned:2", "extracted:2", "before_write:2", "after_write:1", "after_write:3",
                  "refreshed:1", "end:1"):
        result = finished(ingest(listings, graph, paperkg_home, kill_at=point))
        assert result.returncode == -signal.SIGKILL, (point, result.stderr[-2000:])
    result = finished(ingest(listings, graph, paperkg_home))
    assert result.returncode == 0, result.stderr
    assert dump(graph, paperkg_home) == reference
    again = finished(ingest(listings, graph, paperkg_home))
    assert "new 0, updated 0" in again.stdout and "extracted 0" in again.stdout
    assert dump(graph, paperkg_home) == reference


def test_server_killed_mid_ingest_then_rerun_converges(listings, tmp_path, reference):
    from graph.embedded import EmbeddedServer

    graph = f"server_{uuid.uuid4().hex[:8]}"
    try:
        # The server dies just before a batch is written: the ingest either
        # follows it to its restart and goes on, or fails; a rerun finishes.
        finished(ingest(listings, graph, tmp_path, kill_server_at="before_write:2"))
        assert finished(ingest(listings, graph, tmp_path)).returncode == 0
        assert dump(graph, tmp_path) == reference
    finally:
        EmbeddedServer(tmp_path).stop()


def test_concurrent_ingests_are_serialised_and_end_as_sequential_ones(listings, paperkg_home, reference):
    graph = f"race_{uuid.uuid4().hex[:8]}"
    first, second = ingest(listings, graph, paperkg_home), ingest(listings, graph, paperkg_home)
    results = [finished(first), finished(second)]
    assert [r.returncode for r in results] == [0, 0], [r.stderr[-2000:] for r in results]
    assert any("waiting for it to finish" in r.stderr for r in results)
    assert dump(graph, paperkg_home) == reference


def test_no_wait_refuses_while_another_ingest_holds_the_graph(listings, paperkg_home):
    from graph import StoreConfig, open_store
    from ingest.lock import ingest_lock

    graph = f"busy_{uuid.uuid4().hex[:8]}"
    with open_store(StoreConfig.from_env(graph_name=graph)) as store, ingest_lock(store):
        result = finished(ingest(listings, graph, paperkg_home, extra=("--no-wait",)))
    assert result.returncode != 0
    assert "another ingest" in result.stderr and "--no-wait" in result.stderr
