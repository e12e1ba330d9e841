"""Whether loading one mentions file gives one graph whatever the process's
hash seed: `paperkg load` of the same file into fresh homes, each in a
process with its own PYTHONHASHSEED, then every entity's label, name and
papers compared. A set's order leaking into a decision shows here and in no
test of a few papers (session 57 found two-letter links that followed
"deep research" or not by the seed).

    paperkg extract --papers ../shared/corpora/arxiv-cs-2025.jsonl.gz -o /tmp/40k.jsonl
    python benchmarks/bench_determinism.py /tmp/40k.jsonl --seeds 1 2

About six minutes a load of the 40k file on this 2-core machine.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.homes import load_average
from graph.config import GRAPH_NAME

ENTITIES = "MATCH (e:Entity) RETURN e.key AS key, e.label AS label, e.name AS name, e.confidence AS confidence"
LINKS = "MATCH (p:Paper)-[:MENTIONS]->(e:Entity) RETURN e.key AS key, p.id AS paper"


def load(mentions: Path, home: Path, seed: str) -> float:
    # the embedded store's default graph, always
    env = {key: value for key, value in os.environ.items() if key not in ("NEO4J_URI", "PAPERKG_GRAPH")}
    env.update(PAPERKG_HOME=str(home), PYTHONHASHSEED=seed)
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", "from app.cli import main; main()", "load", str(mentions)],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def snapshot(home: Path) -> dict[str, tuple]:
    from graph import StoreConfig, open_store
    from graph.embedded import EmbeddedServer

    config = dataclasses.replace(StoreConfig.from_env(), backend="falkordb", home=home, graph_name=GRAPH_NAME)
    with open_store(config, setup=False) as store:
        papers: dict[str, set[str]] = {}
        for row in store.read(LINKS).records():
            papers.setdefault(row["key"], set()).add(row["paper"])
        entities = {row["key"]: (row["label"], row["name"], row["confidence"], frozenset(papers.get(row["key"], ())))
                    for row in store.read(ENTITIES).records()}
    EmbeddedServer(home).stop()
    return entities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mentions", type=Path, help="a mentions file written by paperkg extract --papers")
    parser.add_argument("--seeds", nargs="+", default=["1", "2"], help="PYTHONHASHSEED of each load")
    parser.add_argument("--show", type=int, default=20, help="differing entities to print")
    args = parser.parse_args()
    print(load_average(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        graphs = []
        for seed in args.seeds:
            home = Path(tmp) / f"seed-{seed}"
            took = load(args.mentions, home, seed)
            graphs.append(snapshot(home))
            print(f"PYTHONHASHSEED={seed}: {len(graphs[-1]):,} entities, load {took:.1f} s", flush=True)
    first = graphs[0]
    for seed, other in zip(args.seeds[1:], graphs[1:]):
        differ = sorted(key for key in first.keys() | other.keys() if first.get(key) != other.get(key))
        print(f"seed {args.seeds[0]} against seed {seed}: {len(differ)} entities differ")
        for key in differ[: args.show]:
            a, b = first.get(key), other.get(key)
            print(f"  {key}: {a and (a[0], a[1], len(a[3]))} | {b and (b[0], b[1], len(b[3]))}")


if __name__ == "__main__":
    main()
