"""A small hand-written graph for store and export tests: three papers and
the entities they mention, loaded through the real loader."""
from __future__ import annotations

import json

from ingest.curation import Curation
from ingest.load import load_records
from ingest.mentions import ExtractedDoc, Mention
from ingest.records import PaperRecord

PAPERS = [
    PaperRecord(id="p1", title="Sparse routers for Transformer scaling", abstract="We evaluate the Transformer on GLUE and report accuracy.", published="2024-01-10", upvotes=5),
    PaperRecord(id="p2", title="Vision Transformers at scale", abstract="A Transformer trained on ImageNet, evaluated on GLUE too.", published="2024-03-02", upvotes=12),
    PaperRecord(id="p3", title="Convolutions strike back", abstract="ResNet-50 on ImageNet reaches high accuracy.", published="2023-11-20", upvotes=1),
]

# (paper id, surface, label) — what a perfect extractor would find.
GOLD_MENTIONS = [
    ("p1", "Transformer", "METHOD"), ("p1", "GLUE", "BENCHMARK"), ("p1", "accuracy", "METRIC"),
    ("p2", "Transformer", "METHOD"), ("p2", "ImageNet", "DATASET"), ("p2", "GLUE", "BENCHMARK"),
    ("p3", "ResNet-50", "METHOD"), ("p3", "ImageNet", "DATASET"), ("p3", "accuracy", "METRIC"),
]


def fixed_extract(docs):
    """Finds exactly GOLD_MENTIONS, at their real offsets in the text."""
    for paper_id, text in docs:
        mentions = []
        for pid, surface, label in GOLD_MENTIONS:
            start = text.find(surface)
            if pid == paper_id and start >= 0:
                mentions.append(
                    Mention(start, start + len(surface), label, surface, surface.lower(), sentence_start=0, sentence_end=len(text))
                )
        yield ExtractedDoc(paper_id, text, mentions)


def load_small_graph(store) -> None:
    load_records(store, PAPERS, extract=fixed_extract, extraction="fixed", curation=Curation.empty())


def graph_contents(store) -> dict[str, list[str]]:
    """Everything in a graph but internal node ids, in a form comparable
    across graphs."""
    def rows(query):
        return sorted(json.dumps(row, sort_keys=True, default=str) for row in store.read(query).rows)
    return {
        "papers": rows("MATCH (p:Paper) RETURN properties(p)"),
        "entities": rows("MATCH (e:Entity) RETURN labels(e), properties(e)"),
        "mentions": rows("MATCH (p:Paper)-[m:MENTIONS]->(e:Entity) RETURN p.id, e.key, properties(m)"),
        "proposes": rows("MATCH (p:Paper)-[:PROPOSES]->(e:Entity) RETURN p.id, e.key"),
        "co_occurs": rows("MATCH (a:Entity)-[c:CO_OCCURS]->(b:Entity) RETURN a.key, b.key, c.papers"),
        "variants": rows("MATCH (a:Entity)-[:VARIANT_OF]->(b:Entity) RETURN a.key, b.key"),
    }


def entity_fields(store, key: str, *fields: str) -> dict:
    """The named properties of one stored entity ("paper_count", "confidence" ...)."""
    columns = ", ".join(f"e.{field} AS {field}" for field in fields)
    return dict(store.read(f"MATCH (e:Entity {{key: $key}}) RETURN {columns}", {"key": key}).records()[0])


def in_top_list(store, label: str, key: str, n: int = 50) -> bool:
    from graph import views

    return key in {e.key for e in views.top_entities(store, label, n)}

