"""Extraction speed and peak memory: the tokenizer alone, extraction in one
process, extraction in N worker processes (spaCy's nlp.pipe(n_process)),
and (with --corpus) the end-to-end ingest of the same papers into a fresh
embedded store, side by side in one run on the same abstracts.

    python benchmarks/bench_extract.py [--model fast] [--repeat 2] [--workers 2]
                                       [--seeds DIR | --corpus FILE.jsonl.gz --limit 2000]

Prints abstracts/s for each (best of --repeat, after a warm-up), the CPU
seconds spent (this process and its workers; for the ingest also the
FalkorDB server) and CPU milliseconds per paper, the ratios
parallel/serial, extraction/tokenizer and ingest/extraction, the load
average before and after (other work on the machine takes cores from the
workers), whether the parallel output equals the serial one, and the peak
resident memory of this process. The ingest runs in this process as
`paperkg ingest` does (`ingest_paths`, --workers N, the model loaded
again); its CPU includes that load.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_scale import server_usage  # noqa: E402
from graph import StoreConfig, open_store  # noqa: E402
from graph.embedded import EmbeddedServer  # noqa: E402
from ingest.extract import load_extractor  # noqa: E402
from ingest.records import PaperRecord  # noqa: E402
from ingest.run import IngestOptions, ingest_paths  # noqa: E402
from ingest.sources.hf_daily import read_hf_daily  # noqa: E402
from ingest.text import paper_text  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


def seed_abstracts(seeds: Path) -> list[tuple[str, str]]:
    docs = []
    for path in sorted(seeds.glob("*.txt")):
        for record in read_hf_daily(path).records:
            docs.append((record.id, paper_text(record)))
    return docs


def corpus_abstracts(path: Path, limit: int) -> tuple[list[tuple[str, str]], list[str]]:
    """The first `limit` distinct papers of an arXiv listing JSONL (.gz),
    and their listing lines."""
    docs, listings, seen = [], [], set()
    with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] not in seen:
                seen.add(row["id"])
                docs.append((row["id"], paper_text(PaperRecord(id=row["id"], title=row["title"], abstract=row["summary"]))))
                listings.append(line)
            if len(docs) >= limit:
                break
    return docs, listings


def cpu_seconds(*who: int) -> float:
    """CPU seconds of this process and its waited-for children (the workers), or of `who`."""
    usages = [resource.getrusage(w) for w in who or (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(u.ru_utime + u.ru_stime for u in usages)


def timed(run, repeat: int) -> tuple[float, float, object]:
    """Best wall seconds, CPU seconds of that run, and its result."""
    best = (float("inf"), 0.0, None)
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), cpu_seconds()
        result = run()
        wall = time.perf_counter() - started
        if wall < best[0]:
            best = (wall, cpu_seconds() - started_cpu, result)
    return best


def timed_ingest(listings: list[str], workers: int, model: str) -> tuple[float, dict[str, float], int]:
    """Wall seconds, CPU seconds of this process (the ingest's parent: model
    load, reading, planning, resolving, writing), of its extraction workers
    and of the FalkorDB server, and papers, of one `paperkg ingest` of
    `listings` into a fresh store."""
    with tempfile.TemporaryDirectory() as home:
        path = Path(home) / "listings.jsonl"
        path.write_text("".join(listings), encoding="utf-8")
        config = StoreConfig(backend="falkordb", home=Path(home), graph_name="bench")
        try:
            with open_store(config) as store:
                _, server_before, _ = server_usage(Path(home))
                started, own, children = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
                report = ingest_paths(store, [str(path)], IngestOptions(model=model, workers=workers))
                wall = time.perf_counter() - started
                cpu = {"parent": cpu_seconds(resource.RUSAGE_SELF) - own,
                       "workers": cpu_seconds(resource.RUSAGE_CHILDREN) - children}
                cpu["server"] = server_usage(Path(home))[1] - server_before
        finally:
            EmbeddedServer(Path(home)).stop()
    return wall, cpu, report.total_papers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="fast")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--corpus", type=Path, help="an arXiv listing JSONL(.gz) instead of the seeds")
    parser.add_argument("--limit", type=int, default=2000, help="papers read from --corpus")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    docs, listings = corpus_abstracts(args.corpus, args.limit) if args.corpus else (seed_abstracts(args.seeds), [])
    texts = [text for _, text in docs]
    extractor = load_extractor(args.model)
    words = sum(len(text.split()) for text in texts)
    list(extractor.extract(docs[:100], workers=1))  # warm-up
    load_before = os.getloadavg()

    tokenizer = extractor.nlp.tokenizer
    rows = [("tokenizer alone", *timed(lambda: sum(len(d) for d in tokenizer.pipe(texts)), args.repeat))]
    rows.append(("extraction, 1 process", *timed(
        lambda: list(extractor.extract(docs, batch_size=args.batch_size, workers=1)), args.repeat)))
    rows.append((f"extraction, {args.workers} workers", *timed(
        lambda: list(extractor.extract(docs, batch_size=args.batch_size, workers=args.workers)), args.repeat)))
    if listings:
        wall, ingest_cpu, papers = timed_ingest(listings, args.workers, args.model)
        assert papers == len(docs), (papers, len(docs))
        rows.append((f"ingest, {args.workers} workers", wall, sum(ingest_cpu.values()), None))
    load_after = os.getloadavg()

    serial, parallel = rows[1][3], rows[2][3]
    mentions = sum(len(d.mentions) for d in serial)
    print(f"model={args.model} abstracts={len(docs)} words={words} mentions={mentions} "
          f"({'arXiv corpus' if args.corpus else 'seeds'}), best of {args.repeat}")
    for name, wall, cpu, _ in rows:
        print(f"{name:<24} {len(docs) / wall:8.1f} abstracts/s  {wall:6.1f} s wall  {cpu:6.1f} s CPU"
              f"  {1000 * cpu / len(docs):5.1f} ms CPU/paper")
    print(f"parallel / serial: {rows[1][1] / rows[2][1]:.2f}x wall, {rows[2][2] / rows[1][2]:.2f}x CPU   "
          f"serial / tokenizer: {rows[1][1] / rows[0][1]:.1f}x wall, {rows[1][2] / rows[0][2]:.1f}x CPU")
    if listings:
        print(f"ingest / parallel extraction: {rows[3][1] / rows[2][1]:.2f}x wall, {rows[3][2] / rows[2][2]:.2f}x CPU; "
              "ingest CPU ms/paper: " + ", ".join(f"{k} {1000 * v / len(docs):.1f}" for k, v in ingest_cpu.items()))
    print(f"parallel output identical to serial: {parallel == serial}")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} ({os.cpu_count()} cores)")
    print(f"peak memory (this process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
