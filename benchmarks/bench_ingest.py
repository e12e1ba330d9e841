"""Seconds and peak memory for ingesting the seeds into a fresh embedded
graph, then again (nothing changes), on the real store.

    python benchmarks/bench_ingest.py [--seeds ../shared/seeds] [--repeat 3]
"""
from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from graph import StoreConfig, open_store
from graph.embedded import EmbeddedServer
from ingest.run import IngestOptions, ingest_paths

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    first, again = [], []
    with tempfile.TemporaryDirectory() as home:
        config = StoreConfig(backend="falkordb", home=Path(home), graph_name="bench")
        try:
            for _ in range(args.repeat):
                with open_store(config) as store:
                    store.reset()
                    started = time.perf_counter()
                    report = ingest_paths(store, [args.seeds], IngestOptions())
                    first.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    ingest_paths(store, [args.seeds], IngestOptions())
                    again.append(time.perf_counter() - started)
        finally:
            EmbeddedServer(Path(home)).stop()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"papers {report.total_papers}, entities {sum(report.entities_by_label.values())} {dict(sorted(report.entities_by_label.items()))}, mentions {report.mentions}")
    print(f"fresh ingest: median {statistics.median(first):.2f}s (runs: {', '.join(f'{t:.2f}' for t in first)}), {report.total_papers / statistics.median(first):.0f} papers/s")
    print(f"re-ingest (unchanged): median {statistics.median(again):.2f}s")
    print(f"peak RSS of the ingesting process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
