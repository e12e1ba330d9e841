"""Extraction speed and peak memory on the seed abstracts, in one process.

    python benchmarks/bench_extract.py [--model fast] [--repeat 3] [--seeds DIR]

Prints abstracts/s (after one warm-up pass) by wall clock and by the
process's CPU time, the load average, and the process's peak resident memory
(ru_maxrss), which includes loading the model.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ingest.extract import load_extractor  # noqa: E402
from ingest.sources.hf_daily import read_hf_daily  # noqa: E402

DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def seed_abstracts(seeds: Path) -> list[tuple[str, str]]:
    docs = []
    for path in sorted(seeds.glob("*.txt")):
        for record in read_hf_daily(path).records:
            docs.append((record.id, f"{record.title}\n\n{record.abstract}"))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="fast")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    docs = seed_abstracts(args.seeds)
    extractor = load_extractor(args.model)
    words = sum(len(text.split()) for _, text in docs)
    list(extractor.extract(docs[:200], batch_size=args.batch_size))  # warm-up
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        mentions = sum(len(d.mentions) for d in extractor.extract(docs, batch_size=args.batch_size))
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model={args.model} abstracts={len(docs)} words={words} mentions={mentions}")
    print(f"speed: {len(docs) / best:.1f} abstracts/s ({words / best:.0f} words/s), best of {args.repeat}")
    # CPU time of this process: what the speed would be with a core to itself
    # (on a shared machine the wall-clock figure depends on the others' load).
    print(f"cpu-time speed: {len(docs) / best_cpu:.1f} abstracts/s, load average {os.getloadavg()[0]:.2f}")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
