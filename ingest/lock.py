"""One ingest at a time per graph.

Two ingests writing one graph at once would each plan against a store the
other is changing. An ingest therefore holds an exclusive lock on a file
under `PAPERKG_HOME/locks`, named after the graph (the embedded store's
graph, or the Neo4j URI and database). The operating system releases it
when the process ends, however it ends, so a killed ingest never leaves a
stale lock.

Limit: for Neo4j the lock is local to this machine and PAPERKG_HOME; ingests
into one Neo4j database from several machines are not serialised.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.config import paperkg_home, private_dir
from graph.store import GraphStore


class IngestLocked(RuntimeError):
    """Another ingest holds the graph and we were told not to wait."""


def lock_path(store: GraphStore) -> Path:
    graph = getattr(store, "graph_name", None)
    identity = f"embedded:{graph}" if graph else store.describe()
    name = hashlib.sha1(identity.encode()).hexdigest()[:16]
    return paperkg_home() / "locks" / f"ingest-{name}.lock"


@contextmanager
def ingest_lock(store: GraphStore, *, wait: bool = True,
                on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the graph's ingest lock for the block. When another ingest holds
    it: wait (telling `on_wait` who holds it) or, with `wait=False`, raise
    IngestLocked."""
    path = lock_path(store)
    private_dir(path.parent)  # PAPERKG_HOME and all under it are the user's alone
    with os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, 0o600), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            message = f"another ingest into {store.describe()} is running ({holder})"
            if not wait:
                raise IngestLocked(f"{message}; not waiting (--no-wait)") from None
            if on_wait:
                on_wait(f"{message}; waiting for it to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, since {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
