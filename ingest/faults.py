"""Named points where the crash-safety tests interrupt a real ingest.

`PAPERKG_TEST_KILL_AT=<stage>[:<n>]` makes the ingest SIGKILL itself the
n-th time (default: first) it reaches `stage`; `PAPERKG_TEST_KILL_SERVER_AT`
does the same to the embedded FalkorDB server instead, and the ingest goes
on; `PAPERKG_TEST_FAIL_AT` raises the `StoreError` a store that stopped
answering raises, in whichever thread reached the stage (a write fails in
the graph writer thread). Unset (always, outside the tests) they cost one
dict lookup.
Stages: read, planned, extracted, before_write, after_write, refreshed, end.
"""
from __future__ import annotations

import os
import signal
from collections import Counter

_reached: Counter = Counter()


def kill_point(stage: str) -> None:
    _reached[stage] += 1
    if _due("PAPERKG_TEST_KILL_AT", stage):
        os.kill(os.getpid(), signal.SIGKILL)
    if _due("PAPERKG_TEST_KILL_SERVER_AT", stage):
        from graph.config import paperkg_home
        from graph.embedded import EmbeddedServer

        info = EmbeddedServer(paperkg_home()).info()
        if info:
            os.kill(info.pid, signal.SIGKILL)
    if _due("PAPERKG_TEST_FAIL_AT", stage):
        from graph.store import StoreError

        raise StoreError(f"The graph store failed at {stage} (PAPERKG_TEST_FAIL_AT).")


def _due(variable: str, stage: str) -> bool:
    wanted = os.environ.get(variable)
    if not wanted:
        return False
    name, _, nth = wanted.partition(":")
    return name == stage and _reached[stage] == int(nth or 1)
