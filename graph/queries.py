"""The Cypher that loads and maintains the graph. One string per job, run
unchanged on FalkorDB and Neo4j; values always travel as parameters."""
from __future__ import annotations

from graph.dialect import ENTITY_LABELS

STORED_PAPERS = """
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN properties(p) AS paper
"""

# What tells a stored paper that a copy read again leaves unchanged, without
# reading the paper whole (ingest.load.Loader._unchanged).
STORED_PAPER_DIGESTS = """
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p.id AS id, p.record_hash AS record_hash, p.sources AS sources,
       p.extraction_id AS extraction_id, p.title_key AS title_key
"""

# Papers with an arXiv id or DOI whose title has one of these keys: the
# paper a title-keyed record (the key is its id) joins.
STORED_PAPERS_BY_TITLE_KEY = """
UNWIND $keys AS key
MATCH (p:Paper {title_key: key})
WHERE p.id <> key
RETURN properties(p) AS paper
"""

# Papers stored before Paper.title_key existed; the key is computed in Python
# (ingest.identity.title_hash) and set once.
PAPERS_WITHOUT_TITLE_KEY = """
MATCH (p:Paper)
WHERE p.title_key IS NULL
RETURN p.id AS id, p.title AS title
"""

SET_TITLE_KEYS = """
UNWIND $rows AS row
MATCH (p:Paper {id: row.id})
SET p.title_key = row.title_key
"""

# What a batch's papers contributed before it is replaced: their links as stored.
STORED_LINKS = """
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[m:MENTIONS]->(e:Entity)
RETURN e.key AS key, m.label AS label, m.surfaces AS surfaces, m.count AS count, p.published AS published,
       p.title AS title, m.evidence AS evidence, p.authors AS authors
"""

ENTITY_TALLIES = """
UNWIND $keys AS key
MATCH (e:Entity {key: key})
RETURN e.key AS key, e.paper_count AS paper_count, e.mention_count AS mention_count,
       e.first_seen AS first_seen, e.last_seen AS last_seen, e.label_votes AS label_votes,
       e.aliases AS aliases, e.alias_weights AS alias_weights, e.alias_definitions AS alias_definitions,
       e.coined_papers AS coined_papers, e.coining_authors AS coining_authors, e.task_named_papers AS task_named_papers,
       e.measure_used_papers AS measure_used_papers, e.confidence AS confidence,
       e.confidence_rules AS confidence_rules, e.umbrella AS umbrella, e.coined_elsewhere AS coined_elsewhere,
       e.used_apart AS used_apart, e.modifier_phrase AS modifier_phrase
"""

# Only for an entity that lost its first or last paper (or was written before
# entities kept their tallies): the one read whose cost is the entity's size.
ENTITY_MENTIONS = """
UNWIND $keys AS key
MATCH (e:Entity {key: key}) WITH e
MATCH (e)<-[m:MENTIONS]-(p:Paper)
WHERE NOT p.id IN $except
RETURN e.key AS key, m.label AS label, m.surfaces AS surfaces, m.count AS count, p.published AS published,
       p.title AS title, m.evidence AS evidence, p.authors AS authors
"""

# Entities whose aliases include a name that normalises to another key
# (an acronym and its long form): what earlier runs teach this one. Every
# one, for a graph-wide look (a batch reads the claims of its own names:
# `Dialect.alias_claims`). Only claims derived under the current rules
# ($rules): see `ingest.fingerprint.confidence_rules_id`.
DEFINED_ALIASES = """
MATCH (e:Entity)
WHERE e.alias_keys IS NOT NULL AND e.confidence_rules = $rules
RETURN e.key AS key, e.alias_keys AS alias_keys, e.paper_count AS papers, e.label AS label,
       e.alias_key_definitions AS definitions, e.acronyms AS acronyms
"""

# The paper counts of the entities keyed by names a batch writes: a name's
# own entity competes with the entities that claim it (`load.AliasIndex`).
PAPERS_OF = """
UNWIND $keys AS key
MATCH (e:Entity {key: key})
RETURN e.key AS key, e.paper_count AS papers
"""

# The names the entities `keys` claim.
ALIAS_KEYS_OF = """
UNWIND $keys AS key
MATCH (e:Entity {key: key})
WHERE e.alias_keys IS NOT NULL
RETURN e.key AS key, e.alias_keys AS alias_keys, e.paper_count AS papers
"""


def _write_batch() -> str:
    """Everything one batch of papers changes, as ONE statement: atomic on
    both stores, so an interrupted ingest leaves each batch entirely written
    or not at all. It is also idempotent (run twice, it leaves what it left
    once): the papers' co-occurrences are taken back from the links stored
    when it runs, their links replaced, and entity properties set to values
    computed beforehand, so a retry after a lost reply does no harm.

    CO_OCCURS links confirmed entities only (a candidate, below
    MIN_CONFIDENCE, is left out of co-occurrence until a later paper confirms
    it): most entities are one-paper candidates, so this is most of the pairs.
    The loader passes the entities a batch confirms ($promoted) and the ones
    it demotes ($demoted), whose edges are then built or removed whole.

    Each `WITH count(*)` closes a step with exactly one row, so a step with
    nothing to do does not stop the ones after it. A step that starts from a
    paper finds it by id first (`WITH p`): written as one pattern, FalkorDB
    scanned every Paper per id, so a batch's cost grew with the graph
    (tests/test_ingest_plans.py). The co-occurrence take-back filters on
    `remaining`, not `c.papers`: FalkorDB dropped the SET when the
    WHERE right after it read the property it set (a re-extraction doubled
    every CO_OCCURS count; tests/test_review.py compares them)."""
    steps = [
        """UNWIND $relink AS id
MATCH (p:Paper {id: id}) WITH p
MATCH (a:Entity)<-[:MENTIONS]-(p)-[:MENTIONS]->(b:Entity)
WHERE a.key < b.key
WITH a, b, count(*) AS n
MATCH (a)-[c:CO_OCCURS]->(b)
SET c.papers = c.papers - n
WITH c, c.papers AS remaining WHERE remaining <= 0
DELETE c""",
        """UNWIND $relink AS id
MATCH (:Paper {id: id})-[r:MENTIONS|PROPOSES]->(:Entity)
DELETE r""",
        # Title-keyed papers merged into a paper with an arXiv id or DOI in
        # this batch (their ids are in $relink too, so their links are gone).
        """UNWIND $retire AS id
MATCH (p:Paper {id: id})
DETACH DELETE p""",
        """UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p += row.properties""",
    ]
    for label in ENTITY_LABELS:
        others = "".join(f":{other}" for other in ENTITY_LABELS if other != label)
        # Labels cannot be parameters in Cypher: one step per label, from this fixed list.
        steps.append(f"""UNWIND $entities.{label} AS row
MERGE (e:Entity {{key: row.key}})
REMOVE e{others}
SET e:{label}, e += row.properties, e.label = '{label}'""")
    steps += [
        """UNWIND $mentions AS row
MATCH (p:Paper {id: row.paper_id}), (e:Entity {key: row.key})
CREATE (p)-[:MENTIONS {count: row.count, evidence: row.evidence, surfaces: row.surfaces, label: row.label}]->(e)""",
        """UNWIND $proposes AS row
MATCH (p:Paper {id: row.paper_id}), (e:Entity {key: row.key})
CREATE (p)-[:PROPOSES]->(e)""",
        """UNWIND $relink AS id
MATCH (p:Paper {id: id}) WITH p
MATCH (a:Entity)<-[:MENTIONS]-(p)-[:MENTIONS]->(b:Entity)
WHERE a.key < b.key AND coalesce(a.confidence, 1.0) >= $min_confidence AND coalesce(b.confidence, 1.0) >= $min_confidence
  AND NOT a.key IN $promoted AND NOT b.key IN $promoted
WITH a, b, count(*) AS n
MERGE (a)-[c:CO_OCCURS]->(b)
SET c.papers = coalesce(c.papers, 0) + n""",
        # A candidate this batch confirms gets the edges of all its papers, with
        # exact counts, so an edge a retry finds is harmless (left out of the
        # step above: FalkorDB's MERGE did not see an edge created earlier in
        # the same statement and made a second one). count(p), not count(*):
        # FalkorDB folds a path through an unused node into one hop, and
        # counted each pair once ...
        """UNWIND $promoted AS key
MATCH (e:Entity {key: key}) WITH e
MATCH (e)<-[:MENTIONS]-(p:Paper)-[:MENTIONS]->(o:Entity)
WHERE o <> e AND coalesce(o.confidence, 1.0) >= $min_confidence
WITH e, o, count(p) AS n
WITH DISTINCT CASE WHEN e.key < o.key THEN e ELSE o END AS a, CASE WHEN e.key < o.key THEN o ELSE e END AS b, n
MERGE (a)-[c:CO_OCCURS]->(b)
SET c.papers = n""",
        # ... and an entity that falls below the line loses them.
        """UNWIND $demoted AS key
MATCH (:Entity {key: key})-[c:CO_OCCURS]-(:Entity)
DELETE c""",
        """UNWIND $orphans AS key
MATCH (e:Entity {key: key})
DETACH DELETE e""",
    ]
    return "\nWITH count(*) AS done\n".join(steps) + "\nRETURN count(*) AS done\n"


WRITE_BATCH = _write_batch()

# The summary counts after an ingest, each a count the stores keep per label
# or relationship type (a pattern with end-node labels, or grouping by a
# property, scanned all of them: 2.5 s for MENTIONS on the 40k graph).
PAPER_COUNT = "MATCH (p:Paper) RETURN count(p)"
ENTITY_TOTAL = "MATCH (e:Entity) RETURN count(e)"  # a count the stores keep: no scan
ENTITY_COUNTS = {label: f"MATCH (e:{label}) RETURN count(e)" for label in ENTITY_LABELS}  # an entity's label is its node label
MENTION_COUNT = "MATCH ()-[m:MENTIONS]->() RETURN count(m)"  # MENTIONS only ever runs from a Paper to an Entity


# Corpus-level structure (ingest/variants.py): variant links and display names.
ENTITY_NAMES = """
MATCH (e:Entity)
RETURN e.key AS key, e.name AS name, e.label AS label, e.paper_count AS papers, e.aliases AS aliases
"""

VARIANT_LINKS = "MATCH (a:Entity)-[:VARIANT_OF]->(b:Entity) RETURN a.key AS variant, b.key AS base"

WRITE_VARIANT_OF = """
UNWIND $rows AS row
MATCH (a:Entity {key: row.variant}), (b:Entity {key: row.base})
MERGE (a)-[:VARIANT_OF]->(b)
"""

DELETE_VARIANT_OF = """
UNWIND $rows AS row
MATCH (:Entity {key: row.variant})-[r:VARIANT_OF]->(:Entity {key: row.base})
DELETE r
"""
