"""The few places where FalkorDB's and Neo4j 5's Cypher differ.

Every other query in paperkg is one string that runs on both stores. What
differs is index and constraint DDL, the full-text procedures (and their
query syntax), shortest paths and the internal node id function. Read-only
execution is a driver call, not Cypher, and lives with each backend.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ENTITY_LABELS = ("Method", "Dataset", "Benchmark", "Task", "Metric")


@dataclass(frozen=True)
class Dialect:
    name: str
    schema: tuple[str, ...]
    entity_search: str  # params: $q (full-text query), $limit; yields node, score
    entity_search_by_papers: str  # the same matches, most papers first (short prefixes match thousands)
    paper_search: str
    node_id: str  # function name returning a node's id
    numeric_ids: bool  # FalkorDB ids are integers; Neo4j element ids are strings
    variants_of_bases: str  # params: $keys; the keys of entities whose `base_keys` list holds any of them
    # params: $keys, $rules; (key, alias_keys, papers, label, definitions) of the entities whose `alias_keys` hold any of
    # them, derived under the current rules (`confidence_rules`: see `ingest.fingerprint.confidence_rules_id`)
    alias_claims: str

    def id_param(self, node_id: str) -> int | str:
        """A GNode.id as the value `node_id(n) IN $ids` compares with."""
        return int(node_id) if self.numeric_ids else node_id

    def shortest_paths(self, max_hops: int) -> str:
        """All shortest paths between two entities (params $a, $b keys).

        The hop bound is an int we validate, never user text."""
        hops = int(max_hops)
        if not 1 <= hops <= 10:
            raise ValueError("max_hops must be between 1 and 10")
        return (
            "MATCH (a:Entity {key: $a}), (b:Entity {key: $b}) WITH a, b "
            f"MATCH p = allShortestPaths((a)-[:MENTIONS*..{hops}]-(b)) "
            "RETURN p LIMIT $limit"
        )


def fulltext_query(text: str) -> str:
    """A prefix query from the user's words that neither Lucene nor
    RediSearch can misparse: only word characters survive, each term
    gets a trailing wildcard so suggestions work while typing."""
    terms = re.findall(r"\w+", text.casefold())[:8]
    return " ".join(f"{term}*" for term in terms)


FALKORDB = Dialect(
    name="falkordb",
    schema=(
        "CREATE INDEX FOR (p:Paper) ON (p.id)",
        "CREATE INDEX FOR (p:Paper) ON (p.published)",
        "CREATE INDEX FOR (p:Paper) ON (p.title_key)",
        "CREATE INDEX FOR (e:Entity) ON (e.key)",
        "CREATE INDEX FOR (e:Entity) ON (e.label)",
        "CREATE INDEX FOR (e:Entity) ON (e.paper_count)",
        "CREATE INDEX FOR (e:Entity) ON (e.name_fold)",
        "CREATE INDEX FOR (e:Entity) ON (e.name_clash)",
        "CREATE INDEX FOR (e:Entity) ON (e.base_keys)",  # FalkorDB indexes a list's elements
        "CREATE INDEX FOR (e:Entity) ON (e.alias_keys)",
        "CREATE INDEX FOR ()-[r:VARIANT_OF]-() ON (r.curated)",
        "CALL db.idx.fulltext.createNodeIndex('Entity', 'search_text')",
        "CALL db.idx.fulltext.createNodeIndex('Paper', 'title')",
    ),
    entity_search=(
        "CALL db.idx.fulltext.queryNodes('Entity', $q) YIELD node, score "
        "RETURN node, score ORDER BY score DESC LIMIT $limit"
    ),
    entity_search_by_papers=(
        "CALL db.idx.fulltext.queryNodes('Entity', $q) YIELD node "
        "RETURN node ORDER BY node.paper_count DESC LIMIT $limit"
    ),
    paper_search=(
        "CALL db.idx.fulltext.queryNodes('Paper', $q) YIELD node, score "
        "RETURN node, score ORDER BY score DESC LIMIT $limit"
    ),
    node_id="id",
    numeric_ids=True,
    # An index seek per key on the list index above.
    variants_of_bases="UNWIND $keys AS key MATCH (e:Entity) WHERE key IN e.base_keys RETURN DISTINCT e.key AS key",
    alias_claims=("UNWIND $keys AS key MATCH (e:Entity) WHERE key IN e.alias_keys AND e.confidence_rules = $rules "
                  "RETURN DISTINCT e.key AS key, e.alias_keys AS alias_keys, e.paper_count AS papers, e.label AS label, "
                  "e.alias_key_definitions AS definitions, e.acronyms AS acronyms"),
)

NEO4J = Dialect(
    name="neo4j",
    schema=(
        "CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE",
        "CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (e:Entity) REQUIRE e.key IS UNIQUE",
        "CREATE INDEX paper_published IF NOT EXISTS FOR (p:Paper) ON (p.published)",
        "CREATE INDEX paper_title_key IF NOT EXISTS FOR (p:Paper) ON (p.title_key)",
        "CREATE INDEX entity_label IF NOT EXISTS FOR (e:Entity) ON (e.label)",
        "CREATE INDEX entity_paper_count IF NOT EXISTS FOR (e:Entity) ON (e.paper_count)",
        "CREATE INDEX entity_name_fold IF NOT EXISTS FOR (e:Entity) ON (e.name_fold)",
        "CREATE INDEX entity_name_clash IF NOT EXISTS FOR (e:Entity) ON (e.name_clash)",
        "CREATE INDEX variant_of_curated IF NOT EXISTS FOR ()-[r:VARIANT_OF]-() ON (r.curated)",
        "CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.search_text]",
        "CREATE FULLTEXT INDEX paper_search IF NOT EXISTS FOR (p:Paper) ON EACH [p.title]",
    ),
    entity_search=(
        "CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node, score "
        "RETURN node, score ORDER BY score DESC LIMIT $limit"
    ),
    entity_search_by_papers=(
        "CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node "
        "RETURN node ORDER BY node.paper_count DESC LIMIT $limit"
    ),
    paper_search=(
        "CALL db.index.fulltext.queryNodes('paper_search', $q) YIELD node, score "
        "RETURN node, score ORDER BY score DESC LIMIT $limit"
    ),
    node_id="elementId",
    numeric_ids=False,
    # Neo4j 5 indexes no list elements: one pass over the entities that have
    # base keys (most have none), not one per key.
    variants_of_bases=("MATCH (e:Entity) WHERE e.base_keys IS NOT NULL AND any(key IN e.base_keys WHERE key IN $keys) "
                       "RETURN e.key AS key"),
    # The same one pass for the entities claiming any of a batch's names.
    alias_claims=("MATCH (e:Entity) WHERE e.alias_keys IS NOT NULL AND any(key IN e.alias_keys WHERE key IN $keys) "
                  "AND e.confidence_rules = $rules "
                  "RETURN e.key AS key, e.alias_keys AS alias_keys, e.paper_count AS papers, e.label AS label, "
                  "e.alias_key_definitions AS definitions, e.acronyms AS acronyms"),
)

# Every dialect, for a query written once per dialect (as the id function differs).
DIALECTS = (FALKORDB, NEO4J)
