"""Restart-to-first-query time of the embedded store at several graph sizes.

For each size, the papers and entities of a synthetic graph
(benchmarks/synthetic_graph.py: titles, abstracts, evidence sentences of
real length) are written with plain UNWIND ... CREATE batches, which is
far quicker than the loader's MERGEs and gives the same nodes, edges and
properties on disk, indexes included. Then:

- `after_bulk_write()` is timed (what ingest calls at its end),
- the server is killed with SIGKILL (a crash or power cut: no compaction on
  the way down) and the time to the first answered query is measured,
- `paperkg db stop`, then `paperkg db start` + `paperkg query ...` as a user
  runs them, timed from the start command to the query's answer,
- the data directory's size on disk.

`--replay N` also measures, for graphs of at most N papers, the restart of a
graph whose append-only file was never compacted (what every restart cost
before), so the two can be compared.

    python -m benchmarks.bench_restart --sizes 1000 10000 50000 --replay 10000
"""
from __future__ import annotations

import argparse
import itertools
import os
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from benchmarks import synthetic_graph
from benchmarks.homes import fresh_home, load_average
from graph import GraphStore, StoreConfig, open_store
from graph.dialect import ENTITY_LABELS
from graph.embedded import EmbeddedServer

BATCH = 5_000
FIRST_QUERY = "MATCH (p:Paper) RETURN count(p)"


def build(home: Path, papers: int, compact: bool) -> tuple[float, float]:
    """Seconds to write the graph, and to run after_bulk_write()."""
    generated = synthetic_graph.generate(papers)
    started = time.perf_counter()
    with open_store(StoreConfig.from_env()) as store:
        write(store, generated)
        loaded = time.perf_counter()
        if compact:
            store.after_bulk_write()
    return loaded - started, time.perf_counter() - loaded


def write(store: GraphStore, papers: list[synthetic_graph.SyntheticPaper]) -> None:
    entities: dict[str, dict] = {}
    for paper in papers:
        for entity, _, _ in paper.mentions:
            row = entities.setdefault(entity.key, {
                "key": entity.key, "name": entity.name, "label": entity.label, "aliases": [entity.name],
                "search_text": entity.name, "paper_count": 0, "mention_count": 0,
                "first_seen": paper.published, "last_seen": paper.published,
            })
            row["paper_count"] += 1
            row["mention_count"] += 1
            row["first_seen"], row["last_seen"] = min(row["first_seen"], paper.published), max(row["last_seen"], paper.published)
    for label in ENTITY_LABELS:
        rows = [row for row in entities.values() if row["label"] == label]
        store.write_rows(f"UNWIND $rows AS row CREATE (e:Entity:{label}) SET e += row", rows, batch_size=BATCH)
    store.write_rows("UNWIND $rows AS row CREATE (p:Paper) SET p += row", [
        {"id": p.id, "title": p.title, "abstract": p.abstract, "published": p.published, "upvotes": p.upvotes,
         "authors": list(p.authors), "authors_count": len(p.authors), "url": f"https://example.org/{p.id}",
         "sources": ["synthetic"], "record_hash": p.id}
        for p in papers
    ], batch_size=BATCH)
    mentions = [
        {"paper_id": p.id, "key": e.key, "label": e.label, "surfaces": [surface], "count": 1, "evidence": evidence}
        for p in papers for e, surface, evidence in p.mentions
    ]
    store.write_rows(
        "UNWIND $rows AS row MATCH (p:Paper {id: row.paper_id}) MATCH (e:Entity {key: row.key}) "
        "CREATE (p)-[:MENTIONS {count: row.count, evidence: row.evidence, surfaces: row.surfaces, label: row.label}]->(e)",
        mentions, batch_size=BATCH,
    )
    pairs: Counter[tuple[str, str]] = Counter()
    for paper in papers:
        keys = sorted({e.key for e, _, _ in paper.mentions})
        pairs.update(itertools.combinations(keys, 2))
    store.write_rows(
        "UNWIND $rows AS row MATCH (a:Entity {key: row.a}) MATCH (b:Entity {key: row.b}) "
        "CREATE (a)-[:CO_OCCURS {papers: row.papers}]->(b)",
        [{"a": a, "b": b, "papers": n} for (a, b), n in pairs.items()], batch_size=BATCH,
    )


def crash_restart(home: Path, papers: int) -> float:
    server = EmbeddedServer(home)
    pid = server.info().pid
    os.kill(pid, signal.SIGKILL)
    while Path(f"/proc/{pid}").exists() and "Z" not in _state(pid):
        time.sleep(0.01)
    started = time.perf_counter()
    with open_store(StoreConfig.from_env(), setup=False) as store:
        assert store.scalar(FIRST_QUERY) == papers
    return time.perf_counter() - started


def cli_restart(papers: int) -> tuple[float, float]:
    """Seconds for `paperkg db stop`, and from `paperkg db start` to the first answer."""
    paperkg = shutil.which("paperkg") or "paperkg"
    started = time.perf_counter()
    subprocess.run([paperkg, "db", "stop"], check=True, capture_output=True)
    stopped = time.perf_counter()
    subprocess.run([paperkg, "db", "start"], check=True, capture_output=True)
    answer = subprocess.run([paperkg, "query", FIRST_QUERY, "--format", "csv"], check=True, capture_output=True, text=True)
    assert answer.stdout.split()[-1] == str(papers), answer.stdout
    return stopped - started, time.perf_counter() - stopped


def disk_mb(home: Path) -> float:
    return sum(p.stat().st_size for p in (home / "falkordb").rglob("*") if p.is_file()) / 2**20


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    parser.add_argument("--replay", type=int, default=0, help="also time an uncompacted restart up to this many papers")
    args = parser.parse_args()
    print(load_average())
    print("papers | load s | after_bulk_write s | restart after kill -9 s | db stop s | db start → first answer s | on disk MB")
    for papers in args.sizes:
        with fresh_home() as home:
            load_s, compact_s = build(home, papers, compact=True)
            crash_s = crash_restart(home, papers)
            stop_s, start_s = cli_restart(papers)
            print(f"{papers} | {load_s:.1f} | {compact_s:.2f} | {crash_s:.2f} | {stop_s:.2f} | {start_s:.2f} | {disk_mb(home):.1f}", flush=True)
        if papers <= args.replay:
            with fresh_home() as home:
                build(home, papers, compact=False)
                print(f"{papers} uncompacted: restart after kill -9 {crash_restart(home, papers):.2f} s "
                      f"(on disk {disk_mb(home):.1f} MB)", flush=True)
    print(load_average())


if __name__ == "__main__":
    main()
