"""A graph store that fails under a real multi-worker `paperkg ingest`: the
ingest ends within seconds with the store's one-line error and exit code 1,
no extraction worker is left behind, and a rerun completes the graph.

The failure is raised where the ingest meets the store while spaCy's
workers extract: planning a batch (a read) runs inside spaCy's pull of the
next texts, where spaCy's own clean-up used to join workers blocked on a
full pipe and hang; a failed write is raised on the writer thread and met
by the loop that takes the docs."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest

from tests.test_ingest_interrupt import arxiv_listings, left_behind, workers_of

BATCH = 100


@pytest.fixture(scope="module")
def listings(tmp_path_factory):
    return arxiv_listings(tmp_path_factory.mktemp("store_failure") / "listings.jsonl", 800)


def ingest(listings, home, graph, fail_at=None):
    env = {**os.environ, "PAPERKG_HOME": str(home), "PAPERKG_GRAPH": graph}
    if fail_at:
        env["PAPERKG_TEST_FAIL_AT"] = fail_at
    return subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", "ingest", str(listings),
         "--workers", "2", "--batch-size", str(BATCH)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def ended(process, timeout: float) -> tuple[str, str]:
    try:
        return process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail(f"the ingest did not exit within {timeout:.0f} s")


def counts(home, graph) -> tuple[int, int, int]:
    """Papers, papers without their extraction done-marker, MENTIONS links."""
    from graph import StoreConfig, open_store

    os.environ["PAPERKG_HOME"], saved = str(home), os.environ["PAPERKG_HOME"]
    try:
        with open_store(StoreConfig.from_env(graph_name=graph), setup=False) as store:
            return (store.scalar("MATCH (p:Paper) RETURN count(p)"),
                    store.scalar("MATCH (p:Paper) WHERE p.extraction_id IS NULL RETURN count(p)"),
                    store.scalar("MATCH (:Paper)-[m:MENTIONS]->() RETURN count(m)"))
    finally:
        os.environ["PAPERKG_HOME"] = saved


@pytest.mark.parametrize("fail_at", ["planned:7", "before_write:2"], ids=["read while planning", "write"])
def test_a_store_failure_ends_a_multi_worker_ingest_with_one_line(listings, paperkg_home, fail_at):
    # planned:7 is after spaCy has started its workers and queued texts for them (its first 256).
    graph = f"storefail_{uuid.uuid4().hex[:8]}"
    process = ingest(listings, paperkg_home, graph, fail_at)
    workers: list[int] = []
    while process.poll() is None and len(workers) < 2:  # recorded as soon as spaCy forks them
        workers = workers_of(process.pid)
        time.sleep(0.05)
    _, stderr = ended(process, timeout=60)
    stage = fail_at.partition(":")[0]
    assert process.returncode == 1, stderr[-2000:]
    assert stderr.strip().splitlines()[-1] == f"error: The graph store failed at {stage} (PAPERKG_TEST_FAIL_AT).", stderr[-2000:]
    assert "Traceback" not in stderr and "W127" not in stderr, stderr[-2000:]
    assert len(workers) == 2 and not left_behind(workers)
    if fail_at.startswith("planned"):
        a_rerun_completes_the_graph(listings, paperkg_home, graph)


def a_rerun_completes_the_graph(listings, paperkg_home, graph):
    stdout, stderr = ended(ingest(listings, paperkg_home, graph), timeout=600)
    assert "unchanged 0" not in stdout, stdout  # the batches written before the failure are kept
    papers, unmarked, links = counts(paperkg_home, graph)
    assert f"unique {papers} " in stdout and unmarked == 0 and links > papers, (stdout, stderr[-2000:])
