"""A real graph made k times bigger, for timing views on hubs of 10k+
papers when no corpus that big has been ingested.

Every paper of the source graph is copied k times (ids suffixed `~r`).
Entities in at least `--shared` papers are shared by all copies, so hubs
get k times their papers and their links to other hubs k times the
strength; rarer entities get one copy per copy of the graph, so a hub also
gets k times the long tail of neighbours a bigger corpus brings. Entity
tallies and CO_OCCURS are recomputed from the copied mentions, exactly as
the loader defines them. The source is only read.

    python -m benchmarks.scaled_graph --source /work/graphs/arxiv40k --times 6 \\
        --target /tmp/kg --graph scaled
"""
from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

from graph import open_store
from graph.config import StoreConfig
from graph.dialect import ENTITY_LABELS

PAGE = 5_000
PAPERS = "MATCH (p:Paper) WHERE p.id > $after RETURN p.id AS id, properties(p) AS p ORDER BY p.id LIMIT $page"
ENTITIES = "MATCH (e:Entity) WHERE e.key > $after RETURN e.key AS id, properties(e) AS e ORDER BY e.key LIMIT $page"
LINKS = """
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[r:MENTIONS|PROPOSES]->(e:Entity)
RETURN p.id AS paper, type(r) AS type, e.key AS entity, properties(r) AS r
"""


def paged(store, query: str) -> list[dict]:
    return [record for page in store.read_pages(query, page_size=PAGE) for record in page.records()]


def copy_key(key: str, copy: int, shared: bool) -> str:
    return key if shared or copy == 0 else f"{key}~{copy}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True, help="PAPERKG_HOME of the graph to copy (read only)")
    parser.add_argument("--target", type=Path, required=True, help="PAPERKG_HOME to write into")
    parser.add_argument("--graph", default="scaled", help="graph name in the target (dropped first)")
    parser.add_argument("--times", type=int, default=6)
    parser.add_argument("--shared", type=int, default=3, help="entities in at least this many papers are shared by every copy")
    args = parser.parse_args()
    started = time.perf_counter()

    with open_store(StoreConfig("falkordb", args.source), setup=False) as source:
        papers = paged(source, PAPERS)
        entities = {row["id"]: row["e"] for row in paged(source, ENTITIES)}
        ids = [row["id"] for row in papers]
        links = source.read_batched(LINKS, "ids", ids, batch_size=PAGE).records()
    print(f"read {len(papers):,} papers, {len(entities):,} entities, {len(links):,} links in {time.perf_counter() - started:.0f}s")

    shared = {key for key, e in entities.items() if (e.get("paper_count") or 0) >= args.shared}
    new_papers, mentions, proposes = [], [], []
    by_paper: dict[str, list[str]] = defaultdict(list)
    tallies: dict[str, dict] = {}
    published = {row["id"]: row["p"].get("published") for row in papers}
    for copy in range(args.times):
        suffix = "" if copy == 0 else f"~{copy}"
        new_papers += [{**row["p"], "id": row["id"] + suffix} for row in papers]
        for link in links:
            key = copy_key(link["entity"], copy, link["entity"] in shared)
            paper = link["paper"] + suffix
            if link["type"] == "PROPOSES":
                proposes.append({"paper": paper, "entity": key})
                continue
            mentions.append({"paper": paper, "entity": key, "r": link["r"]})
            by_paper[paper].append(key)
            t = tallies.setdefault(key, {"paper_count": 0, "mention_count": 0, "first_seen": None, "last_seen": None})
            date = published[link["paper"]]
            t["paper_count"] += 1
            t["mention_count"] += link["r"].get("count") or 1
            if date:
                t["first_seen"] = min(filter(None, (t["first_seen"], date)))
                t["last_seen"] = max(filter(None, (t["last_seen"], date)))
    pairs = Counter(pair for keys in by_paper.values() for pair in combinations(sorted(set(keys)), 2))
    new_entities: dict[str, list[dict]] = defaultdict(list)
    for key, t in tallies.items():
        original = key.rsplit("~", 1)[0] if key not in entities else key
        e = entities[original]
        suffix = key[len(original):]
        new_entities[e.get("label")].append({**e, **t, "key": key, "name": (e.get("name") or key) + suffix})
    print(f"{len(new_papers):,} papers, {len(tallies):,} entities, {len(mentions):,} mentions, {len(pairs):,} CO_OCCURS to write")

    with open_store(StoreConfig("falkordb", args.target, args.graph)) as target:
        target.reset()
        target.write_rows("UNWIND $rows AS row CREATE (p:Paper) SET p = row", new_papers, batch_size=2_000)
        for label in ENTITY_LABELS:
            target.write_rows(f"UNWIND $rows AS row CREATE (e:Entity:{label}) SET e = row", new_entities.get(label, []), batch_size=2_000)
        target.write_rows("UNWIND $rows AS row MATCH (p:Paper {id: row.paper}) MATCH (e:Entity {key: row.entity}) "
                          "CREATE (p)-[m:MENTIONS]->(e) SET m = row.r", mentions, batch_size=5_000)
        target.write_rows("UNWIND $rows AS row MATCH (p:Paper {id: row.paper}) MATCH (e:Entity {key: row.entity}) "
                          "CREATE (p)-[:PROPOSES]->(e)", proposes, batch_size=5_000)
        target.write_rows("UNWIND $rows AS row MATCH (a:Entity {key: row.a}) MATCH (b:Entity {key: row.b}) "
                          "CREATE (a)-[:CO_OCCURS {papers: row.n}]->(b)",
                          [{"a": a, "b": b, "n": n} for (a, b), n in pairs.items()], batch_size=10_000)
        target.after_bulk_write()
    print(f"written in {time.perf_counter() - started:.0f}s")


if __name__ == "__main__":
    main()
