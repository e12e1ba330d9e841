"""The Cypher that loads and maintains the graph. One string per job, run
unchanged on FalkorDB and Neo4j; values always travel as parameters."""
from __future__ import annotations

from graph.dialect import ENTITY_LABELS

EXISTING_PAPERS = """
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p.id AS id, p.record_hash AS record_hash, p.extraction_id AS extraction_id
"""

# Fields a later listing lacks must not erase what an earlier one gave.
UPSERT_PAPERS = """
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p.title = row.title,
    p.abstract = CASE WHEN size(row.abstract) >= size(coalesce(p.abstract, '')) THEN row.abstract ELSE p.abstract END,
    p.published = coalesce(row.published, p.published),
    p.upvotes = coalesce(row.upvotes, p.upvotes),
    p.authors = CASE WHEN size(row.authors) > 0 THEN row.authors ELSE coalesce(p.authors, []) END,
    p.authors_count = coalesce(row.authors_count, p.authors_count),
    p.organization = coalesce(row.organization, p.organization),
    p.url = coalesce(row.url, p.url),
    p.sources = [s IN coalesce(p.sources, []) WHERE NOT s IN row.sources] + row.sources,
    p.record_hash = row.record_hash
"""

LINKED_ENTITY_KEYS = """
UNWIND $ids AS id
MATCH (:Paper {id: id})-[:MENTIONS]->(e:Entity)
RETURN DISTINCT e.key AS key
"""

CLEAR_PAPER_LINKS = """
UNWIND $ids AS id
MATCH (:Paper {id: id})-[r:MENTIONS|PROPOSES]->(:Entity)
DELETE r
"""

WRITE_MENTIONS = """
UNWIND $rows AS row
MATCH (p:Paper {id: row.paper_id})
MERGE (e:Entity {key: row.key})
ON CREATE SET e.label = row.label, e.name = row.surfaces[0]
MERGE (p)-[m:MENTIONS]->(e)
SET m.count = row.count, m.evidence = row.evidence, m.surfaces = row.surfaces, m.label = row.label
"""

WRITE_PROPOSES = """
UNWIND $rows AS row
MATCH (p:Paper {id: row.paper_id}), (e:Entity {key: row.key})
MERGE (p)-[:PROPOSES]->(e)
"""

MARK_EXTRACTED = """
UNWIND $ids AS id
MATCH (p:Paper {id: id})
SET p.extraction_id = $extraction_id
"""

ENTITY_MENTIONS = """
UNWIND $keys AS key
MATCH (e:Entity {key: key})<-[m:MENTIONS]-(p:Paper)
RETURN e.key AS key, m.label AS label, m.surfaces AS surfaces, m.count AS count, p.published AS published
"""

DELETE_ORPHAN_ENTITIES = """
UNWIND $keys AS key
MATCH (e:Entity {key: key})
WHERE NOT (e)<-[:MENTIONS]-(:Paper)
DETACH DELETE e
"""

KNOWN_ALIASES = """
MATCH (e:Entity)
RETURN e.key AS key, e.aliases AS aliases
"""

CLEAR_CO_OCCURRENCE = """
UNWIND $keys AS key
MATCH (:Entity {key: key})-[c:CO_OCCURS]-(:Entity)
DELETE c
"""

WRITE_CO_OCCURRENCE = """
UNWIND $keys AS key
MATCH (a:Entity {key: key})<-[:MENTIONS]-(p:Paper)-[:MENTIONS]->(b:Entity)
WHERE a <> b  // FalkorDB does not enforce Neo4j's one-use-per-relationship rule here
WITH a, b, count(DISTINCT p) AS papers
WITH CASE WHEN a.key < b.key THEN a ELSE b END AS low,
     CASE WHEN a.key < b.key THEN b ELSE a END AS high, papers
MERGE (low)-[c:CO_OCCURS]->(high)
SET c.papers = papers
"""

COUNTS = """
MATCH (p:Paper) WITH count(p) AS papers
OPTIONAL MATCH (e:Entity) WITH papers, e.label AS label, count(e) AS entities
RETURN papers, label, entities
"""

MENTION_COUNT = "MATCH (:Paper)-[m:MENTIONS]->(:Entity) RETURN count(m)"


def _update_entities(label: str) -> str:
    others = "".join(f":{other}" for other in ENTITY_LABELS if other != label)
    return f"""
UNWIND $rows AS row
MATCH (e:Entity {{key: row.key}})
REMOVE e{others}
SET e:{label}, e.label = '{label}', e.name = row.name, e.aliases = row.aliases,
    e.paper_count = row.paper_count, e.mention_count = row.mention_count,
    e.first_seen = row.first_seen, e.last_seen = row.last_seen, e.search_text = row.search_text
"""


# One statement per node label: labels cannot be parameters in Cypher, so
# they come from this fixed whitelist, never from input.
UPDATE_ENTITIES = {label: _update_entities(label) for label in ENTITY_LABELS}
