"""Server-side latency of the web app's interactions.

Drives the same functions the Dash callbacks call (page layouts, renders,
details, search suggestions, console runs, exports) against a real store and
prints p50/p95/max per interaction, in milliseconds, and the CPU time per
call of this process and of the embedded server together (what the
interaction costs, whatever else loads the machine). Focus entities are the
most connected ones of each type (the slowest case) plus a random sample.
Every click starts with the views' per-process caches empty, except that a
click taken on an open view (a filter, "show more", expand, a download)
first opens that view, untimed, as the user did.
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
from dataclasses import dataclass
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
from graph.views.cache import forget_all

BUDGET_MS = 300


@dataclass(frozen=True)
class Click:
    """One user action, timed, on the page it is taken on (`on`, built first
    and untimed: a filter or "show more" is clicked on an open view, and
    finds in the app's per-process cache what opening that view put there,
    as in the app). Every click starts from an empty cache otherwise."""

    act: Callable[[], object]
    on: Callable[[], object] | None = None
    about: str = ""  # its focus, paper or query: what to profile if it is the slowest


def interactions(store: GraphStore, samples: int, rng: random.Random) -> dict[str, list[Click]]:
    """name → clicks, one per sampled focus, each one user action."""
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

    def opened(k: str) -> Callable[[], object]:
        return lambda: explore.layout(store, "/explore", focus(k))

    def on_view(act: Callable[[str], object]) -> list[Click]:
        return [Click(lambda k=k: act(k), opened(k), k) for k in keys]

    return {
        "search suggestions (typing)": [Click(lambda t=n[:k]: suggest(store, "any", t, []), about=n[:k]) for n in names for k in (2, 4)],
        "open entity (Explore page)": [Click(lambda k=k: explore.layout(store, "/explore", focus(k)), about=k) for k in keys],
        "show papers too (filter)": on_view(lambda k: explore.render(store, focus(k, f"&types={all_types}"), None)),
        "date range (filter)": on_view(lambda k: explore.render(store, focus(k, "&since=2025-01-01&until=2025-06-30"), None)),
        "show more (300 nodes)": on_view(lambda k: explore.render(store, focus(k, "&n=300"), None)),
        "expand a node": on_view(lambda k: explore.render(store, focus(k, f"&expand={expand_targets[k]}"), None)),
        "click node (details)": [Click(lambda k=k: details.content(store, "explore", State.parse(focus(k))), about=k) for k in keys],
        "open paper (Explore page)": [Click(lambda p=p: explore.layout(store, "/explore", f"?focus=p:{p}&types={all_types}"), about=p) for p in paper_ids],
        "connect two entities": [Click(lambda a=a, b=b: connect.render(store, f"?a={a}&b={b}", None), about=f"{a}, {b}") for a, b in pairs],
        "related + compare papers": [
            Click(lambda p=p, q=q: connect.render(store, f"?paper={p}&compare={p}&compare={q}", [None, None]), about=f"{p}, {q}")
            for p, q in zip(paper_ids, reversed(paper_ids))
        ],
        "overview page": [Click(lambda: overview.layout(store, "/overview", ""))] * 3,
        "timeline (pick entities)": [Click(lambda k=k: overview.timeline(store, [k, keys[0]]), about=k) for k in keys],
        "cypher canned queries": [Click(lambda c=c: cypher.run(store, State(canned=c)), about=c) for c in (q.name for q in cypher.CANNED)],
        "download view (GraphML)": on_view(lambda k: send_subgraph(explore.build(store, State.parse(focus(k))).subgraph, "graphml", "x"))[:5],
        # The papers behind a link, as an edge click or a heatmap cell opens it: hubs' strongest links first.
        "link view (edge click)": [Click(lambda a=a, b=b: details.content(store, "explore", State(link=(a, b))), about=f"{a}, {b}") for a, b in links],
        "link view by upvotes": [Click(lambda a=a, b=b: details.content(store, "explore", State(link=(a, b), by="upvotes")), about=f"{a}, {b}") for a, b in links],
        "heatmap cell (Explore + link)": [
            Click(lambda i=i: explore.layout(store, *overview.cell_link({"points": [{"pointNumber": [i, 0]}]}, heatmap_keys, "")), about=heatmap_keys["rows"][i])
            for i in range(min(5, len(heatmap_keys["rows"])))
        ],
        "cypher schema panel (opened)": [Click(lambda: cypher.schema_view(cypher.graph_schema(store)))] * 3,
        "cypher error + warnings": [Click(lambda: cypher.run(store, State(query="MATCH (m:Methd RETURN m.nme")))] * 3,
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


def measure(clicks: list[Click], repeat: int, server: Callable[[], float]) -> tuple[list[float], float, str]:
    """Wall times in ms, the CPU ms per click of this process and the server
    (the page a click is taken on not counted), and what the slowest click
    was about, the first thing to profile."""
    times, cpu, slowest = [], 0.0, (0.0, "")
    for _ in range(repeat):
        for click in clicks:
            forget_all()
            if click.on is not None:
                click.on()
            cpu_started, started = time.process_time() + server(), time.perf_counter()
            click.act()
            took = (time.perf_counter() - started) * 1000
            cpu += time.process_time() + server() - cpu_started
            times.append(took)
            slowest = max(slowest, (took, click.about))
    return times, cpu * 1000 / len(times), slowest[1]


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
        plan = {name: clicks for name, clicks in plan.items() if not args.only or any(o in name for o in args.only)}
        for clicks in plan.values():  # warm connections (and the server's own caches) once
            clicks[0].act()
        server = server_cpu(store)
        print(f"{'interaction':32} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu ms':>8}  slowest call")
        slow = []
        for name, clicks in plan.items():
            times, cpu, slowest = measure(clicks, args.repeat, server)
            p50, p95 = statistics.median(times), percentile(times, 0.95)
            print(f"{name:32} {len(times):5d} {p50:8.1f} {p95:8.1f} {max(times):8.1f} {cpu:8.1f}  {slowest[:60]}")
            if p95 > BUDGET_MS:
                slow.append(name)
        print(f"over the {BUDGET_MS} ms budget at p95: {', '.join(slow) if slow else 'none'}")
        if args.export_hubs:
            export_hubs(store, args.export_hubs)


if __name__ == "__main__":
    main()
