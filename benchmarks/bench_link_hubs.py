"""The link view on hubs: two entities of 12,000 and 10,000 papers sharing
2,000, and a small one (20 papers) linked to the first; every paper also
mentions ten other entities. Built directly in a
scratch graph (a real hub needs a 40k corpus ingested), timed, dropped.

    PAPERKG_HOME=/tmp/kg python -m benchmarks.bench_link_hubs
"""
from __future__ import annotations

import statistics
import time

from graph import open_store
from graph.config import StoreConfig
from graph.views.link import link

cfg = StoreConfig.from_env(graph_name="bench_link_hubs")
with open_store(cfg) as store:
    store.drop_graph(); store.reset()
    N = 10000
    papers = [{"id": f"p{i}", "title": f"Paper {i}", "published": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", "upvotes": i % 50,
               "abstract": f"We test HubA and HubB on task {i}. HubA is great."} for i in range(2 * N)]
    store.write_rows("UNWIND $rows AS row CREATE (p:Paper {id: row.id, title: row.title, published: row.published, upvotes: row.upvotes, abstract: row.abstract})", papers, batch_size=2000)
    store.write("CREATE (:Entity:Method {key: 'huba', name: 'HubA', label: 'Method', paper_count: 12000}), (:Entity:Benchmark {key: 'hubb', name: 'HubB', label: 'Benchmark', paper_count: 10000}), (:Entity:Dataset {key: 'small', name: 'Small', label: 'Dataset', paper_count: 20})")
    a = [{"id": f"p{i}"} for i in range(0, 12000)]
    b = [{"id": f"p{i}"} for i in range(10000, 20000)]
    s = [{"id": f"p{i}"} for i in range(0, 20)]
    for key, rows in (("huba", a), ("hubb", b), ("small", s)):
        store.write_rows(f"UNWIND $rows AS row MATCH (p:Paper {{id: row.id}}), (e:Entity {{key: '{key}'}}) CREATE (p)-[:MENTIONS {{count: 1, evidence: 'x', surfaces: [e.name]}}]->(e)", rows, batch_size=2000)
    # Every paper mentions ten more entities, as real abstracts do: the walk must step past them.
    store.write("UNWIND range(0, 9) AS i CREATE (:Entity:Method {key: 'filler' + toString(i), name: 'F', label: 'Method', paper_count: 20000})")
    for i in range(10):
        store.write_rows(f"UNWIND $rows AS row MATCH (p:Paper {{id: row.id}}), (e:Entity {{key: 'filler{i}'}}) CREATE (p)-[:MENTIONS {{count: 1}}]->(e)",
                         [{"id": f"p{j}"} for j in range(2 * N)], batch_size=5000)
    store.write("MATCH (a:Entity {key: 'huba'}), (b:Entity {key: 'hubb'}) CREATE (a)-[:CO_OCCURS {papers: 2000}]->(b)")
    store.write("MATCH (a:Entity {key: 'huba'}), (b:Entity {key: 'small'}) CREATE (a)-[:CO_OCCURS {papers: 20}]->(b)")
    for a_, b_ in (("huba", "hubb"), ("huba", "small"), ("small", "huba")):
        for order in ("recent", "upvotes"):
            times = []
            for _ in range(5):
                t = time.perf_counter(); v = link(store, a_, b_, order); times.append((time.perf_counter() - t) * 1000)
            print(a_, b_, order, f"shared {v.shared} listed {len(v.papers)} median {statistics.median(times):.1f} ms max {max(times):.1f}")
    store.drop_graph()
