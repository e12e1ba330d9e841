"""Stopping a real multi-worker `paperkg ingest`: Ctrl-C (SIGINT to the
whole process group, as a terminal sends it, or to the parent alone) ends it
within seconds with one line and exit code 130, and no extraction worker is
left behind; a parent killed outright takes its workers with it."""
from __future__ import annotations

import gzip
import itertools
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest

from tests.conftest import CORPUS


def arxiv_listings(path, count: int):
    """The first `count` real arXiv listings, written to `path` as JSON Lines."""
    with gzip.open(CORPUS, "rt") as corpus:
        path.write_text("".join(itertools.islice(corpus, count)))
    return path


@pytest.fixture(scope="module")
def listings(tmp_path_factory):
    """Enough real arXiv listings that extraction is still running when stopped."""
    return arxiv_listings(tmp_path_factory.mktemp("interrupt") / "listings.jsonl", 3000)


def workers_of(pid: int) -> list[int]:
    """The parent's child processes that are Python (extraction workers), not its redis-server."""
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(child) for child in children if b"redis-server" not in _cmdline(int(child))]


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def left_behind(workers: list[int]) -> list[bytes]:
    """The command lines of the workers still running 10 s after their parent ended."""
    deadline = time.monotonic() + 10
    while [pid for pid in workers if alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    return [_cmdline(pid) for pid in workers if alive(pid)]


def start_ingest(listings, paperkg_home):
    env = {**os.environ, "PAPERKG_HOME": str(paperkg_home), "PAPERKG_GRAPH": f"interrupt_{uuid.uuid4().hex[:8]}"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from app.cli import main; main()", "ingest", str(listings), "--workers", "2"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(workers_of(process.pid)) < 2:
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()[1][-2000:]
        time.sleep(0.1)
    time.sleep(1.0)  # extracting, with texts queued for both workers
    return process, workers_of(process.pid)


@pytest.mark.parametrize("to_the_group", [True, False], ids=["ctrl-c to the group", "sigint to the parent"])
def test_ctrl_c_stops_a_multi_worker_ingest_at_once(listings, paperkg_home, to_the_group):
    process, workers = start_ingest(listings, paperkg_home)
    if to_the_group:
        os.killpg(process.pid, signal.SIGINT)
    else:
        os.kill(process.pid, signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("the interrupted ingest did not exit within 30 s")
    assert process.returncode == 130, stderr[-2000:]
    assert "interrupted: every batch written so far is kept" in stderr
    assert "Traceback" not in stderr and "W127" not in stderr, stderr[-2000:]
    assert not left_behind(workers)


def test_workers_die_with_a_killed_parent(listings, paperkg_home):
    process, workers = start_ingest(listings, paperkg_home)
    process.kill()
    process.communicate(timeout=30)
    assert not left_behind(workers)
