"""Graph-level quality figures, measured on the graph the explorer reads:
the seeds and the first N unique papers of the arXiv corpus are each
ingested into a fresh embedded store, then read back with Cypher.

    python benchmarks/bench_graph_quality.py                 # seeds + 10k arXiv + dev span F1
    python benchmarks/bench_graph_quality.py --papers 2000 --no-f1 --top 40

Figures per graph: entities and the share that occur in one paper, per
type; entities per paper (all, and visible = not candidates); share of
visible entities in two or more papers; papers with a dataset or benchmark;
how many of the top-40 per type (by papers) the knowledge base confirms;
display names shared by two or more entities (as a reader tells names apart:
`variants.display_fold`); VARIANT_OF links. Then micro
exact span F1 on every gold dev / held-out slice (`ingest/evaluate.py`).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

from graph import StoreConfig, open_store
from graph.embedded import EmbeddedServer
from ingest.dedupe import dedupe
from ingest.extract.corpora import GOLD_DIR
from ingest.run import IngestOptions, ingest_paths
from ingest.sources.rows import record_from_row
from ingest.variants import display_fold

SHARED = GOLD_DIR.parent  # PAPERKG_GOLD_DIR moves it with the gold corpora
TYPES = ("Method", "Dataset", "Benchmark", "Task", "Metric")

ENTITIES = """
MATCH (e:Entity)
RETURN e.key AS key, e.name AS name, e.label AS label, e.paper_count AS papers,
       e.kb_id AS kb_id, e.confidence AS confidence
"""
PAPERS = "MATCH (p:Paper) RETURN count(p)"
PAPERS_WITH_RESOURCE = "MATCH (p:Paper)-[:MENTIONS]->(e:Entity) WHERE e.label IN ['Dataset', 'Benchmark'] RETURN count(DISTINCT p)"
VARIANTS = "MATCH (a:Entity)-[:VARIANT_OF]->(b:Entity) RETURN a.name AS variant, b.name AS base"


def arxiv_jsonl(papers: int, directory: Path) -> Path:
    """The listings of the first `papers` unique papers of the gzipped arXiv
    corpus, as the corpus writes them (a plain JSONL file the ingest readers
    take). Whole rows: until session 67 only the id, title and abstract were
    written, and the rules that read a paper's authors and date (two coiners
    of one group, a name other authors used apart) never fired on the 10k
    graph as they do on an ingest of the corpus."""
    source = SHARED / "corpora" / "arxiv-cs-2025.jsonl.gz"
    records, rows = [], {}
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, 1):
            record, _ = record_from_row(json.loads(line), path=str(source), line=line_no, field_map={})
            if record:
                records.append(record)
                rows[f"{source}:{line_no}"] = line
            if len(records) >= papers * 2:
                break
    listed = {source for r in dedupe(records)[:papers] for source in r.sources}
    out = directory / f"arxiv-{papers}.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        handle.writelines(line for source, line in rows.items() if source in listed)  # in the corpus's order
    return out


def kb_confirms(key: str, name: str) -> bool:
    try:
        from ingest import kb
    except ImportError:  # a checkout from before the knowledge base
        return False
    return kb.lookup(name) is not None or kb.lookup_key(key) is not None


def measure(store, top: int, show: int) -> dict:
    from graph import settings

    threshold = getattr(settings, "MIN_CONFIDENCE", 0.0)  # absent in a checkout from before confidence
    rows = store.read(ENTITIES).records()
    papers = store.scalar(PAPERS) or 1
    figures: dict = {"papers": papers, "entities": len(rows), "by_type": {}}
    for label in TYPES:
        found = [r for r in rows if r["label"] == label]
        ranked = sorted(found, key=lambda r: (-(r["papers"] or 0), r["key"]))
        visible_ranked = [r for r in ranked if _visible(r, threshold)][:top]
        figures["by_type"][label] = {
            "entities": len(found),
            "single_paper": round(100 * sum((r["papers"] or 0) <= 1 for r in found) / max(len(found), 1), 1),
            f"top{top}_kb_confirmed": sum(kb_confirms(r["key"], r["name"]) for r in visible_ranked),
            f"top{show}": [f"{r['name']} ({r['papers']})" for r in visible_ranked[:show]],
        }
    visible = [r for r in rows if _visible(r, threshold)]
    names = Counter(display_fold(r["name"] or "") for r in rows)  # names a reader does not tell apart
    figures.update(
        entities_per_paper=round(len(rows) / papers, 2),
        visible_entities=len(visible),
        visible_per_paper=round(len(visible) / papers, 2),
        visible_in_2plus_papers=round(100 * sum((r["papers"] or 0) >= 2 for r in visible) / max(len(visible), 1), 1),
        papers_with_dataset_or_benchmark=round(100 * (store.scalar(PAPERS_WITH_RESOURCE) or 0) / papers, 1),
        duplicate_display_names=sum(n for n in names.values() if n > 1),
        duplicate_examples=[name for name, n in names.most_common(8) if n > 1],
        variant_links=len(store.read(VARIANTS).rows),
        variant_examples=[f"{v} -> {b}" for v, b in store.read(VARIANTS).rows[:10]],
    )
    return figures


def _visible(row: dict, threshold: float) -> bool:
    return row["confidence"] is None or row["confidence"] >= threshold


def graph_figures(name: str, paths: list[str], top: int, show: int, keep: Path | None = None, reset: bool = True) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        home = str(keep / name) if keep else scratch  # a kept home can be served and queried afterwards
        os.environ["PAPERKG_HOME"] = home  # the ingest lock lives there too: runs side by side never wait
        config = StoreConfig(backend="falkordb", home=Path(home), graph_name="quality")
        try:
            with open_store(config) as store:
                if reset:
                    store.reset()
                started = time.perf_counter()
                ingest_paths(store, paths, IngestOptions())
                seconds = time.perf_counter() - started
                figures = measure(store, top, show)
        finally:
            EmbeddedServer(Path(home)).stop()
    figures["ingest_seconds"] = round(seconds, 1)
    return {"graph": name, **figures}


def span_f1() -> dict[str, float]:
    from ingest.evaluate import evaluate_corpus
    from ingest.extract.corpora import FILES

    return {corpus: round(100 * evaluate_corpus(corpus).micro("exact").f1, 1) for corpus in FILES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", default=str(SHARED / "seeds"))
    parser.add_argument("--papers", type=int, default=10_000, help="unique arXiv papers (0: seeds only)")
    parser.add_argument("--top", type=int, default=40, help="top-N per type checked against the knowledge base")
    parser.add_argument("--show", type=int, default=40, help="top names per type printed, for people to judge")
    parser.add_argument("--no-f1", action="store_true", help="skip span F1 on the gold dev splits")
    parser.add_argument("--keep", type=Path, help="build the graphs in DIR/<graph> and keep them (for `paperkg` queries)")
    parser.add_argument("--no-reset", action="store_true",
                        help="with --keep: ingest into the kept graphs as they are, a re-ingest (papers extracted by "
                             "the same extraction code are not extracted again; entities scored under other "
                             "confidence rules are scored again): measures a confidence-only change in minutes")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    if args.no_reset and not args.keep:
        parser.error("--no-reset needs --keep DIR")
    reset = not args.no_reset
    results = [graph_figures("seeds", [args.seeds], args.top, args.show, args.keep, reset)]
    if args.papers:
        with tempfile.TemporaryDirectory() as work:
            corpus = arxiv_jsonl(args.papers, Path(work))
            results.append(graph_figures(f"arxiv-{args.papers}", [str(corpus)], args.top, args.show, args.keep, reset))
    if not args.no_f1:
        results.append({"span_f1_exact": span_f1()})
    for result in results:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
