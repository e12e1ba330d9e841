"""What a benchmark run stands on: an empty store home of its own, and the
machine's load and speed to print beside its figures (other work inflates
them)."""
from __future__ import annotations

import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from graph.embedded import EmbeddedServer


@contextmanager
def fresh_home() -> Iterator[Path]:
    """An empty PAPERKG_HOME (set in the environment) for one measurement;
    its server is stopped and the folder removed after."""
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PAPERKG_HOME"] = tmp
        home = Path(tmp)
        try:
            yield home
        finally:
            EmbeddedServer(home).stop()


def load_average() -> str:
    return "load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg())


HOST_WORK = 1_000_000


def host_speed_ms() -> float:
    """Milliseconds a fixed single-threaded Python loop takes (best of 3),
    measured between steps. The 2-core machine's speed moves by 2x over tens
    of minutes with nothing of ours running: the same 40,717-paper ingest took
    404 s of CPU at 07:50 and 821 s at 08:05 (session 19). A figure is
    comparable to another only at a similar host speed."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        sum(i * i for i in range(HOST_WORK))
        best = min(best, time.perf_counter() - started)
    return best * 1000
