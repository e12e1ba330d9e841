"""What a benchmark run stands on: an empty store home of its own, and the
machine's load to print beside its figures (other work inflates them)."""
from __future__ import annotations

import os
import tempfile
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
