"""How long a review action takes, and the review list, on a real graph.

    python benchmarks/bench_review.py --home /tmp/copy-of-a-graph [--per-kind 2]

Works on a COPY: it writes to the graph under --home (copy only
`falkordb/appendonlydir` of a graph's PAPERKG_HOME into a fresh one, never
`cp -a` a home whose server runs) and to a fresh curation file. Each action
ends with the incremental corpus-level refresh of the entities it rewrote. Times
`paperkg entities --review` (`ingest.review.uncertain`), then applies the
list's first suggestions of each kind (merge, relabel, drop, variant) one
by one, as the app's buttons do, and prints each action's time, the papers
it re-extracted and the papers whose extraction id it moved. The first
action includes loading the extraction model. Print `uptime` beside the
figures: the machine is shared.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", required=True, help="PAPERKG_HOME of a graph copy this may change")
    parser.add_argument("--per-kind", type=int, default=2, help="actions applied per kind")
    args = parser.parse_args()
    os.environ["PAPERKG_HOME"] = args.home

    from graph import open_store
    from ingest.review import apply, uncertain

    curation = Path(tempfile.mkdtemp()) / "curation.toml"
    with open_store() as store:
        papers = store.scalar("MATCH (p:Paper) RETURN count(p)")
        entities = store.scalar("MATCH (e:Entity) RETURN count(e)")
        print(f"graph: {papers:,} papers, {entities:,} entities")
        started = time.monotonic()
        items = uncertain(store, limit=10_000)
        print(f"review list: {len(items):,} items in {time.monotonic() - started:.1f} s")
        chosen, per_kind = [], {}
        for item in items:
            if per_kind.get(item.action.kind, 0) < args.per_kind:
                per_kind[item.action.kind] = per_kind.get(item.action.kind, 0) + 1
                chosen.append(item)
        for item in chosen:
            started = time.monotonic()
            done = apply(store, curation, item.action)
            print(f"{item.action.kind:8} {item.name[:40]:40} {time.monotonic() - started:6.2f} s  "
                  f"re-extracted {done.papers_reextracted}, restamped {done.papers_restamped}")
    print(f"curation file written: {curation}")


if __name__ == "__main__":
    main()
