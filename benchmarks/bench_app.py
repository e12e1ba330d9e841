"""Server-side latency of the web app's interactions.

Drives the same functions the Dash callbacks call (page layouts, renders,
details, search suggestions, console runs, exports) against a real store and
prints p50/p95/max per interaction, in milliseconds, and the CPU time per
call of this process and of the embedded server together (what the
interaction costs, whatever else loads the machine). Focus entities are the
most connected ones of each type (the slowest case) plus a random sample.
The store is only read (no schema set-up), so a shared graph can be timed.
Then the neighbourhood of the biggest hubs (`paperkg export --entity X
--hops 1`) is exported in every format: seconds to read it, to write it,
and the file size.

    PAPERKG_HOME=/tmp/kg python -m benchmarks.bench_app                  # the graph ingested there
    PAPERKG_HOME=/tmp/kg python -m benchmarks.bench_app --synthetic 10000
    PAPERKG_HOME=/tmp/kg python -m benchmarks.bench_app --graph scaled   # benchmarks/scaled_graph.py
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from app.components import details
from app.components.export import send_subgraph
from app.components.pickers import suggest
from app.pages import connect, cypher, explore, overview
from app.urls import State
from graph import views
from graph.dialect import ENTITY_LABELS
from graph.export import FORMATS, write
from graph.export.select import find_entity, neighbourhood
from graph.store import GraphStore
from graph.views import NODE_TYPES

BUDGET_MS = 300


def interactions(store: GraphStore, samples: int, rng: random.Random) -> dict[str, list[Callable[[], object]]]:
    """name → calls, one per sampled focus, each one user action."""
    top = [e for label in ENTITY_LABELS for e in views.top_entities(store, label, 2)]
    every = [r[0] for r in store.read("MATCH (e:Entity) RETURN e.key").rows]
    keys = [e.key for e in top] + rng.sample(every, min(samples, len(every)))
    paper_ids = rng.sample([r[0] for r in store.read("MATCH (p:Paper) RETURN p.id").rows], samples)
    names = [e.name for e in top]
    all_types = ",".join(NODE_TYPES)

    def focus(key: str, extra: str = "") -> str:
        return f"?focus=e:{key}&sel=e:{key}{extra}"

    def neighbour(key: str) -> str:
        view = explore.build(store, State.parse(focus(key)))
        others = [n for n in view.nodes if not n.focus] if view else []
        return others[0].ref.id if others else f"e:{key}"

    expand_targets = {k: neighbour(k) for k in keys}
    links = [tuple(r) for r in store.read(
        "MATCH (a:Entity) WITH a ORDER BY a.paper_count DESC LIMIT 10 "
        "MATCH (a)-[c:CO_OCCURS]->(b:Entity) RETURN a.key, b.key ORDER BY c.papers DESC LIMIT 10").rows]
    matrix = overview.heatmap_matrix(store)
    heatmap_keys = {"rows": [e.key for e in matrix.rows], "columns": [e.key for e in matrix.columns]}
    pairs = list(zip(keys, reversed(keys)))
    return {
        "search suggestions (typing)": [lambda t=n[:k]: suggest(store, "any", t, []) for n in names for k in (2, 4)],
        "open entity (Explore page)": [lambda k=k: explore.layout(store, "/explore", focus(k)) for k in keys],
        "show papers too (filter)": [lambda k=k: explore.render(store, focus(k, f"&types={all_types}"), None) for k in keys],
        "date range (filter)": [lambda k=k: explore.render(store, focus(k, "&since=2025-01-01&until=2025-06-30"), None) for k in keys],
        "show more (300 nodes)": [lambda k=k: explore.render(store, focus(k, "&n=300"), None) for k in keys],
        "expand a node": [lambda k=k: explore.render(store, focus(k, f"&expand={expand_targets[k]}"), None) for k in keys],
        "click node (details)": [lambda k=k: details.content(store, "explore", State.parse(focus(k))) for k in keys],
        "open paper (Explore page)": [lambda p=p: explore.layout(store, "/explore", f"?focus=p:{p}&types={all_types}") for p in paper_ids],
        "connect two entities": [lambda a=a, b=b: connect.render(store, f"?a={a}&b={b}", None) for a, b in pairs],
        "related + compare papers": [
            lambda p=p, q=q: connect.render(store, f"?paper={p}&compare={p}&compare={q}", [None, None]) for p, q in zip(paper_ids, reversed(paper_ids))
        ],
        "overview page": [lambda: overview.layout(store, "/overview", "")] * 3,
        "timeline (pick entities)": [lambda k=k: overview.timeline(store, [k, keys[0]]) for k in keys],
        "cypher canned queries": [lambda c=c: cypher.run(store, State(canned=c)) for c in (q.name for q in cypher.CANNED)],
        "download view (GraphML)": [lambda k=k: send_subgraph(explore.build(store, State.parse(focus(k))).subgraph, "graphml", "x") for k in keys[:5]],
        # The papers behind a link, as an edge click or a heatmap cell opens it: hubs' strongest links first.
        "link view (edge click)": [lambda a=a, b=b: details.content(store, "explore", State(link=(a, b))) for a, b in links],
        "link view by upvotes": [lambda a=a, b=b: details.content(store, "explore", State(link=(a, b), by="upvotes")) for a, b in links],
        "heatmap cell (Explore + link)": [lambda i=i: explore.layout(store, *overview.cell_link({"points": [{"pointNumber": [i, 0]}]}, heatmap_keys, "")) for i in range(min(5, len(heatmap_keys["rows"])))],
        "cypher schema panel (opened)": [lambda: cypher.schema_view(cypher.graph_schema(store))] * 3,
        "cypher error + warnings": [lambda: cypher.run(store, State(query="MATCH (m:Methd RETURN m.nme"))] * 3,
    }


def server_cpu(store: GraphStore) -> Callable[[], float]:
    """CPU seconds the embedded server has used so far (0 for Neo4j)."""
    info = getattr(store, "_info", None)
    stat = Path(f"/proc/{info.pid}/stat") if info else None

    def seconds() -> float:
        if stat is None or not stat.exists():
            return 0.0
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    return seconds


def measure(calls: list[Callable[[], object]], repeat: int, server: Callable[[], float]) -> tuple[list[float], float, str]:
    """Wall times in ms, the CPU ms per call of this process and the server,
    and what the slowest call was about (its focus, paper or query: the
    arguments bound as the call's defaults), the first thing to profile."""
    times, slowest = [], (0.0, "")
    cpu_started = time.process_time() + server()
    for _ in range(repeat):
        for call in calls:
            started = time.perf_counter()
            call()
            took = (time.perf_counter() - started) * 1000
            times.append(took)
            slowest = max(slowest, (took, ", ".join(map(str, getattr(call, "__defaults__", None) or ()))))
    return times, (time.process_time() + server() - cpu_started) * 1000 / len(times), slowest[1]


def export_hubs(store: GraphStore, hubs: int) -> None:
    """The 1-hop neighbourhood of the biggest hubs in every format."""
    keys = [r[0] for r in store.read("MATCH (e:Entity) WHERE e.paper_count >= 0 RETURN e.key ORDER BY e.paper_count DESC LIMIT $n", {"n": hubs}).rows]
    print(f"\n{'hub neighbourhood export':32} {'format':>9} {'nodes':>7} {'read s':>7} {'write s':>8} {'total s':>8} {'MB':>6}")
    for key in keys:
        for format in FORMATS:
            started = time.perf_counter()
            subgraph = neighbourhood(store, find_entity(store, key), hops=1)
            read = time.perf_counter() - started
            with tempfile.TemporaryDirectory() as tmp:
                files = write(subgraph.to_networkx(), format, Path(tmp) / "out")
                total = time.perf_counter() - started
                size = sum(f.stat().st_size for f in files) / 1e6
            print(f"{key[:32]:32} {format:>9} {len(subgraph.nodes):7d} {read:7.2f} {total - read:8.2f} {total:8.2f} {size:6.1f}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", default="paperkg", help="graph name (FalkorDB)")
    parser.add_argument("--synthetic", type=int, default=0, metavar="PAPERS", help="first (re)build the graph with this many synthetic papers")
    parser.add_argument("--samples", type=int, default=10, help="random entities/papers besides the top ones")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", nargs="*", default=[], help="time only the interactions whose name contains one of these")
    parser.add_argument("--export-hubs", type=int, default=2, help="export the neighbourhood of this many biggest hubs (0: none)")
    args = parser.parse_args()

    from graph import open_store
    from graph.config import StoreConfig

    with open_store(StoreConfig.from_env(graph_name=args.graph), setup=bool(args.synthetic)) as store:  # read only unless it builds
        if args.synthetic:
            from benchmarks.synthetic_graph import generate, load

            store.drop_graph()
            started = time.perf_counter()
            load(store, generate(args.synthetic, args.seed))
            print(f"built {args.synthetic} synthetic papers in {time.perf_counter() - started:.1f}s")
        counts = views.graph_counts(store)
        print(f"{store.describe()}: {counts.papers:,} papers, {counts.total_entities:,} entities")
        plan = interactions(store, args.samples, random.Random(args.seed))
        plan = {name: calls for name, calls in plan.items() if not args.only or any(o in name for o in args.only)}
        for calls in plan.values():  # warm caches and connections once
            calls[0]()
        server = server_cpu(store)
        print(f"{'interaction':32} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu ms':>8}  slowest call")
        slow = []
        for name, calls in plan.items():
            times, cpu, slowest = measure(calls, args.repeat, server)
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            print(f"{name:32} {len(times):5d} {p50:8.1f} {p95:8.1f} {max(times):8.1f} {cpu:8.1f}  {slowest[:60]}")
            if p95 > BUDGET_MS:
                slow.append(name)
        print(f"over the {BUDGET_MS} ms budget at p95: {', '.join(slow) if slow else 'none'}")
        if args.export_hubs:
            export_hubs(store, args.export_hubs)


if __name__ == "__main__":
    main()
