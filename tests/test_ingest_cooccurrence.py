"""CO_OCCURS, kept up to date batch by batch, always equals a recount over
the stored links between confirmed entities: candidates (below
MIN_CONFIDENCE) have no co-occurrence edges until a later paper confirms
them, and an entity that falls back below the line loses them."""
from __future__ import annotations

import json

from graph.settings import MIN_CONFIDENCE
from ingest.curation import Curation
from ingest.load import load_records
from ingest.mentions import ExtractedDoc, Mention
from ingest.records import PaperRecord
from ingest.run import IngestOptions, ingest_paths
from ingest.sources import read_path
from tests.conftest import SEEDS

RECOUNT = """
MATCH (a:Entity)<-[:MENTIONS]-(p:Paper)-[:MENTIONS]->(b:Entity)
WHERE a.key < b.key AND coalesce(a.confidence, 1.0) >= $min AND coalesce(b.confidence, 1.0) >= $min
RETURN a.key, b.key, count(p)
"""
STORED = "MATCH (a:Entity)-[c:CO_OCCURS]->(b:Entity) RETURN a.key, b.key, c.papers"
CONFIRMED = "MATCH (e:Entity) WHERE e.confidence >= $min RETURN e.key"


def rows(store, query):
    return sorted(tuple(row) for row in store.read(query, {"min": MIN_CONFIDENCE}).rows)


def write(path, records):
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return str(path)


def test_co_occurrence_links_confirmed_entities_only_and_follows_confirmation(store, tmp_path):
    papers = [{"title": r.title, "abstract": r.abstract, "published": r.published}
              for path in sorted(SEEDS.glob("*.txt")) for r in read_path(path).records if r.abstract][:80]
    first = write(tmp_path / "a.jsonl", papers[:40])
    second = write(tmp_path / "b.jsonl", papers[40:] + [{**p, "abstract": p["abstract"] + " We also evaluate on ImageNet with BERT."}
                                                       for p in papers[:40:4]])
    options = IngestOptions(workers=1, batch_size=10)

    ingest_paths(store, [first], options)
    assert rows(store, STORED) == rows(store, RECOUNT)
    confirmed_before = {key for (key,) in rows(store, CONFIRMED)}

    ingest_paths(store, [second], options)
    after = rows(store, STORED)
    assert after == rows(store, RECOUNT)
    confirmed_after = {key for (key,) in rows(store, CONFIRMED)}
    linked = {key for a, b, _ in after for key in (a, b)}
    promoted = confirmed_after - confirmed_before
    assert promoted & linked  # confirmed by a second run's paper: edges to the first run's papers too
    assert linked <= confirmed_after

    ingest_paths(store, [first, second], options)  # nothing new: nothing changes
    assert rows(store, STORED) == after


def test_an_entity_loses_its_edges_below_the_line_and_gets_them_back_above_it(store):
    """FooNet (not in the knowledge base) is confirmed by its two papers; a
    re-extraction that no longer finds it in one demotes it, one that finds
    it again promotes it, one batch per paper."""
    papers = [PaperRecord(id=f"p{n}", title=f"FooNet on GLUE, part {n}", abstract="") for n in (1, 2)]

    def extractor(foonet_in):
        def extract(docs):
            for paper_id, text in docs:
                found = [("GLUE", "BENCHMARK")] + ([("FooNet", "METHOD")] if paper_id in foonet_in else [])
                yield ExtractedDoc(paper_id, text, [
                    Mention(text.find(surface), text.find(surface) + len(surface), label, surface, surface.lower(),
                            sentence_end=len(text)) for surface, label in found])
        return extract

    def load(version, foonet_in):
        load_records(store, papers, extract=extractor(foonet_in), extraction=version, curation=Curation.empty(), batch_size=1)
        assert rows(store, STORED) == rows(store, RECOUNT)
        return store.scalar("MATCH (e:Entity {key: 'foonet'}) RETURN e.confidence"), rows(store, STORED)

    confidence, edges = load("v1", {"p1", "p2"})
    assert confidence >= MIN_CONFIDENCE and edges == [("foonet", "glue", 2)]
    confidence, edges = load("v2", {"p1"})
    assert confidence < MIN_CONFIDENCE and edges == []
    confidence, edges = load("v3", {"p1", "p2"})
    assert confidence >= MIN_CONFIDENCE and edges == [("foonet", "glue", 2)]
