"""Ingest at scale on the real arXiv corpus, into a fresh embedded store per
size: the real `paperkg ingest` command on gzip-compressed JSON Lines.

For each size N (unique papers): the listings of the first N - k papers are
ingested (k = min(1000, N/10)); then, `--pairs` times, those of the next k
papers into a copy of that graph (incremental; the first pair uses the graph
itself) and the same k papers into an empty graph (the reference for the
incremental cost), the ratio being the pairs' median; finally every listing
of the N papers again into the graph (nothing new: the re-ingest, of the
same two files). Per step: wall time, papers/s, CPU per core
(ingest and server), peak RSS of the ingest and of the server, load average,
the host's speed before and after (`benchmarks.homes.host_speed_ms`: this
machine's speed moves by 2x with nothing of ours running), and the
corpus-level refresh's phases (entities touched and read, seconds
for display names and for variant links); per size: counts and on-disk size.

    python benchmarks/bench_scale.py [--sizes 1000 10000 0] [--workers 2] [--pairs 3]

A size of 0 means the whole corpus (40,717 papers from 56,714 listings).
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.homes import host_speed_ms
from graph import StoreConfig, open_store
from graph.embedded import EmbeddedServer
from ingest.identity import arxiv_id

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "arxiv-cs-2025.jsonl.gz"
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Step:
    name: str
    papers: int
    wall: float
    ingest_cpu: float
    server_cpu: float
    ingest_peak_mb: float
    server_peak_mb: float
    load: tuple[float, float]
    host_ms: tuple[float, float]  # benchmarks.homes.host_speed_ms before and after

    def line(self) -> str:
        rate = self.papers / self.wall if self.wall else 0
        per_core = (self.ingest_cpu + self.server_cpu) / self.wall / (os.cpu_count() or 1)
        return (f"  {self.name:<26} {self.papers:>7,} papers {self.wall:8.1f} s {rate:7.1f} papers/s  "
                f"CPU ingest {self.ingest_cpu:7.1f} s server {self.server_cpu:6.1f} s ({per_core:.0%} of {os.cpu_count()} cores)  "
                f"peak RSS ingest {self.ingest_peak_mb:5.0f} MB server {self.server_peak_mb:5.0f} MB  "
                f"load {self.load[0]:.1f}->{self.load[1]:.1f}  host {self.host_ms[0]:.0f}->{self.host_ms[1]:.0f} ms")


def corpus_lines(corpus: Path) -> list[tuple[str, str]]:
    """(paper key, line) for every listing, in file order."""
    with gzip.open(corpus, "rt", encoding="utf-8") as stream:
        return [(arxiv_id(json.loads(line)["id"]) or line, line) for line in stream if line.strip()]


def write_subset(lines: list[tuple[str, str]], keys: set[str], path: Path) -> int:
    chosen = [line for key, line in lines if key in keys]
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(chosen)
    return len(chosen)


def server_usage(home: Path) -> tuple[int | None, float, float]:
    """(pid, CPU seconds so far, peak RSS MB) of the embedded server."""
    info = EmbeddedServer(home).info()
    if info is None:
        return None, 0.0, 0.0
    stat = Path(f"/proc/{info.pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) / TICKS
    peak = next(int(line.split()[1]) for line in Path(f"/proc/{info.pid}/status").read_text().splitlines()
                if line.startswith("VmHWM:")) / 1024
    return info.pid, cpu, peak


def ingest(name: str, paths: list[Path], papers: int, home: Path, workers: int | None) -> Step:
    env = {**os.environ, "PAPERKG_HOME": str(home), "PAPERKG_GRAPH": "bench"}
    pid_before, server_before, _ = server_usage(home)
    load_before, host_before = os.getloadavg()[0], host_speed_ms()
    started = time.perf_counter()
    command = [sys.executable, "-c", "from app.cli import main; main()", "ingest", *map(str, paths)]
    if workers:
        command += ["--workers", str(workers)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{name}: ingest failed ({status}): {output}")
    pid_after, server_after, server_peak = server_usage(home)
    server_cpu = server_after - (server_before if pid_before == pid_after else 0.0)
    lines = output.strip().splitlines()
    # the summary, and where the corpus-level refresh after the writes spent its time
    for line in lines[:1] + [line for line in lines if line.startswith("corpus refresh")]:
        print(f"    {line}", flush=True)
    return Step(name, papers, wall, usage.ru_utime + usage.ru_stime, server_cpu, usage.ru_maxrss / 1024,
                server_peak, (load_before, os.getloadavg()[0]), (host_before, host_speed_ms()))


def counts(home: Path) -> str:
    config = StoreConfig(backend="falkordb", home=home, graph_name="bench")
    with open_store(config, setup=False) as store:
        papers = store.scalar("MATCH (p:Paper) RETURN count(p)")
        entities = store.scalar("MATCH (e:Entity) RETURN count(e)")
        mentions = store.scalar("MATCH ()-[m:MENTIONS]->() RETURN count(m)")
        co_occurs = store.scalar("MATCH ()-[c:CO_OCCURS]->() RETURN count(c)")
    return f"papers {papers:,} · entities {entities:,} · MENTIONS {mentions:,} · CO_OCCURS {co_occurs:,}"


def on_disk_mb(home: Path) -> float:
    return sum(f.stat().st_size for f in (home / "falkordb").rglob("*") if f.is_file()) / 2**20


def run_size(size: int, lines: list[tuple[str, str]], workers: int | None, scratch: Path, pairs: int) -> None:
    order = list(dict.fromkeys(key for key, _ in lines))
    size = size or len(order)
    new = min(1000, size // 10)
    base_keys, new_keys = set(order[: size - new]), set(order[size - new : size])
    base, extra = scratch / f"base-{size}.jsonl.gz", scratch / f"new-{size}.jsonl.gz"
    base_lines = write_subset(lines, base_keys, base)
    all_lines = base_lines + write_subset(lines, new_keys, extra)
    print(f"size {size:,} papers ({all_lines:,} listings; base {size - new:,} papers in {base_lines:,} listings, then {new:,} new)", flush=True)
    home = scratch / f"home-{size}"
    # Each pair adds the new papers to its own copy of the base graph, then
    # to an empty store: one pair's ratio moves with the host's speed during
    # its two steps (session 24: 1.38x in one pair, 0.98-1.17x in three more).
    bases = [home] + [scratch / f"home-{size}-copy{n}" for n in range(2, pairs + 1)]
    empties = [scratch / f"empty-{size}-{n}" for n in range(1, pairs + 1)]
    try:
        steps = [ingest("base (fresh store)", [base], size - new, home, workers)]
        EmbeddedServer(home).stop()
        for copy in bases[1:]:
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(home, copy)
        ratios = []
        for n, (target, empty) in enumerate(zip(bases, empties), 1):
            EmbeddedServer(target).ensure_running()  # a running graph, as after the base; its start is not timed
            incremental = ingest(f"+{new} new (incremental) {n}", [extra], new, target, workers)
            reference = ingest(f"same {new} into empty store {n}", [extra], new, empty, workers)
            steps += [incremental, reference]
            ratios.append(incremental.wall / reference.wall)
        # The same files again: a listing read from another file (the corpus
        # itself) is news, its paper gains that source and is written.
        steps.append(ingest(f"re-ingest, nothing new", [base, extra], size, home, workers))
        for step in steps:
            print(step.line())
        print(f"  incremental / empty: {statistics.median(ratios):.2f}x median of {pairs} pairs "
              f"({', '.join(f'{ratio:.2f}' for ratio in ratios)}) · {counts(home)} · on disk {on_disk_mb(home):.0f} MB",
              flush=True)
    finally:
        for path in bases + empties:
            EmbeddedServer(path).stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (default: the ingest's default)")
    parser.add_argument("--pairs", type=int, default=3,
                        help="incremental / empty-store pairs, each on its own copy of the base graph (the ratio is their median)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="build in this directory and keep the graphs (PAPERKG_HOME=DIR/home-SIZE, PAPERKG_GRAPH=bench), "
                             "e.g. to time the app on the 40k graph afterwards")
    args = parser.parse_args()
    lines = corpus_lines(args.corpus)
    print(f"{args.corpus.name}: {len(lines):,} listings · {os.cpu_count()} cores · load {os.getloadavg()[0]:.1f} · "
          f"host speed {host_speed_ms():.0f} ms (benchmarks.homes.host_speed_ms: lower is faster)", flush=True)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    with contextlib.nullcontext(str(args.keep)) if args.keep else tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            run_size(size, lines, args.workers, Path(scratch), args.pairs)


if __name__ == "__main__":
    main()
