"""How long the corpus-level refresh (display-name qualifiers and VARIANT_OF
links, `ingest.variants.refresh`) takes on a real graph: over every entity,
and incrementally over the entities of the N most recent papers (what a load
of N papers hands it).

    PAPERKG_HOME=<a copy of a graph> python -m benchmarks.bench_refresh [--papers 200 1000]

Works on a COPY (copy only `falkordb/appendonlydir` of a graph's home into a
fresh one): a graph written before entities stored `name_fold` gets its
first refresh over every entity, which writes it to all of them. On an
up-to-date graph the refreshes change nothing and write nothing. Print
`uptime` beside the figures: the machine is shared.
"""
from __future__ import annotations

import argparse
import os
import time

RECENT_ENTITIES = """
MATCH (p:Paper) WITH p ORDER BY p.id DESC LIMIT $papers
MATCH (p)-[:MENTIONS]->(e:Entity)
RETURN DISTINCT e.key
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, nargs="+", default=[200, 1000],
                        help="incremental refreshes over the entities of this many recent papers")
    parser.add_argument("--no-full", action="store_true", help="skip the refresh over every entity")
    args = parser.parse_args()

    from graph import open_store
    from ingest import variants

    with open_store() as store:
        entities = store.scalar("MATCH (e:Entity) RETURN count(e)")
        print(f"{os.environ.get('PAPERKG_HOME')}: {entities:,} entities · load {os.getloadavg()[0]:.1f}", flush=True)
        runs = [("every entity", None)] if not args.no_full else []
        runs += [(f"{n:,} papers' entities", [key for (key,) in store.read(RECENT_ENTITIES, {"papers": n}).rows])
                 for n in args.papers]
        for name, touched in runs:
            wall, cpu = time.perf_counter(), time.process_time()
            done = variants.refresh(store, touched)
            print(f"  {name:<24} {time.perf_counter() - wall:6.1f} s wall {time.process_time() - cpu:5.1f} s CPU (client)  "
                  f"{done.summary()}  load {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
