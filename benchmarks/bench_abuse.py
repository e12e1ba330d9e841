"""Normal readers' latency with and without abusive console users, on loopback.

A synthetic graph (bench_restart's fast writer) is built in a private
PAPERKG_HOME. Normal clients run a fixed number of view-like reads (an
entity, its latest papers, a top list, a full-text search); abusive clients
meanwhile loop over the queries that used to stall or exhaust the store (a
cartesian product, a triple product until its timeout, a sort of millions
of rows, deep nesting, a huge list). Each client is its own process with its
own connection, as separate app users are. Everything is bounded: the normal
clients stop after their count, the abusive ones when the normal ones are
done.

    python -m benchmarks.bench_abuse --papers 5000 --normal 3 --abusive 2 --queries 150
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import statistics
import time
from pathlib import Path

from benchmarks import synthetic_graph
from benchmarks.bench_restart import write
from benchmarks.homes import fresh_home, load_average
from graph import StoreConfig, open_store
from graph import embedded
from graph.embedded import EmbeddedServer
from graph.store import QueryError

NORMAL = (
    ("MATCH (e:Entity {key: $key}) RETURN e", True),
    ("MATCH (e:Entity {key: $key})<-[:MENTIONS]-(p:Paper) RETURN p.id, p.title ORDER BY p.published DESC LIMIT 20", True),
    ("MATCH (e:Entity) WHERE e.label = 'Method' RETURN e.name, e.paper_count ORDER BY e.paper_count DESC LIMIT 10", False),
    ("CALL db.idx.fulltext.queryNodes('Entity', $q) YIELD node RETURN node.name LIMIT 10", False),
)
ABUSIVE = (
    ("cartesian product, 1,000-row cap", "MATCH (a), (b) RETURN a, b", {}, 10.0),
    ("triple product until timeout", "MATCH (a), (b), (c) RETURN count(*)", {}, 2.0),
    ("sort of millions of rows", "MATCH (a), (b) RETURN id(a) AS x ORDER BY x DESC", {}, 2.0),
    ("22-deep parentheses", "RETURN " + "(" * 22 + "1" + ")" * 22 + " AS x", {}, 10.0),
    ("range(1, $n), n = 20,000,000", "UNWIND range(1, $n) AS x RETURN count(x)", {"n": 20_000_000}, 2.0),
)


def normal_client(keys: list[str], count: int, seed: int, out: mp.Queue) -> None:
    rng = random.Random(seed)
    latencies, failed = [], 0
    with open_store(StoreConfig.from_env(), setup=False) as store:
        for _ in range(count):
            query, by_key = rng.choice(NORMAL)
            key = rng.choice(keys)
            params = {"key": key} if by_key else {"q": key[:3] + "*"}
            started = time.perf_counter()
            try:
                store.read(query, params, limit=1000, timeout=10)
            except QueryError:
                failed += 1  # counted, and its time is in the latencies
            latencies.append(time.perf_counter() - started)
    out.put(("normal", (latencies, failed)))


def abusive_client(stop: mp.Event, out: mp.Queue) -> None:
    seen: dict[str, list[float]] = {}
    with open_store(StoreConfig.from_env(), setup=False) as store:
        while not stop.is_set():
            for name, query, params, timeout in ABUSIVE:
                started = time.perf_counter()
                try:
                    store.read(query, params, limit=1000, timeout=timeout)
                    outcome = "rows"
                except QueryError as error:
                    outcome = type(error).__name__
                seen.setdefault(f"{name} (timeout {timeout:g}s) → {outcome}", []).append(time.perf_counter() - started)
                if stop.is_set():
                    break
    out.put(("abusive", seen))


def run_phase(keys: list[str], args, abusive: int) -> tuple[list[float], int, dict[str, list[float]]]:
    out: mp.Queue = mp.Queue()
    stop = mp.Event()
    abusers = [mp.Process(target=abusive_client, args=(stop, out)) for _ in range(abusive)]
    for process in abusers:
        process.start()
    if abusers:
        time.sleep(2)  # the abuse is under way before the first normal read
    normals = [mp.Process(target=normal_client, args=(keys, args.queries, seed, out)) for seed in range(args.normal)]
    for process in normals:
        process.start()
    latencies: list[float] = []
    failed = 0
    for _ in normals:
        kind, values = out.get()
        while kind != "normal":  # an abuser may report first
            kind, values = out.get()
        latencies += values[0]
        failed += values[1]
    stop.set()
    abuse: dict[str, list[float]] = {}
    for _ in abusers:
        kind, values = out.get()
        for name, times in values.items():
            abuse.setdefault(name, []).extend(times)
    for process in normals + abusers:
        process.join(timeout=60)
    return latencies, failed, abuse


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def server_memory(home: Path) -> tuple[float, float]:
    info = EmbeddedServer(home).info()
    pid = info.pid
    rss = int(Path(f"/proc/{pid}/status").read_text().split("VmRSS:")[1].split()[0]) / 1024
    hwm = int(Path(f"/proc/{pid}/status").read_text().split("VmHWM:")[1].split()[0]) / 1024
    return rss, hwm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=5_000)
    parser.add_argument("--normal", type=int, default=3, help="normal clients")
    parser.add_argument("--abusive", type=int, default=2, help="abusive clients")
    parser.add_argument("--queries", type=int, default=150, help="reads per normal client")
    parser.add_argument("--threads", type=int, default=embedded.THREAD_COUNT, help="FalkorDB worker threads")
    args = parser.parse_args()
    embedded.THREAD_COUNT = args.threads
    print(load_average())
    with fresh_home() as home:
        with open_store(StoreConfig.from_env()) as store:
            write(store, synthetic_graph.generate(args.papers))
            nodes = store.scalar("MATCH (n) RETURN count(n)")
            keys = [row[0] for row in store.read("MATCH (e:Entity) RETURN e.key").rows]
        print(f"graph: {args.papers} papers, {nodes} nodes; FalkorDB threads: {args.threads}")
        quiet, quiet_failed, _ = run_phase(keys, args, 0)
        loud, loud_failed, abuse = run_phase(keys, args, args.abusive)
        rss, peak = server_memory(home)
        print(f"normal reads, {args.normal} clients x {args.queries}:")
        print(f"  alone:                  p50 {statistics.median(quiet) * 1000:.1f} ms  p95 {p95(quiet) * 1000:.1f} ms"
              f"  failed {quiet_failed}")
        print(f"  with {args.abusive} abusive clients: p50 {statistics.median(loud) * 1000:.1f} ms  p95 {p95(loud) * 1000:.1f} ms"
              f"  failed {loud_failed}  (p95 ratio {p95(loud) / p95(quiet):.2f})")
        print("abusive queries (seconds to return: max, median, count):")
        for name, times in sorted(abuse.items()):
            print(f"  {name}: max {max(times):.2f}  median {statistics.median(times):.2f}  n={len(times)}")
        print(f"server memory: RSS now {rss:.0f} MB, peak {peak:.0f} MB")
    print(load_average())


if __name__ == "__main__":
    main()
