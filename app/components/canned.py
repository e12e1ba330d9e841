"""Canned Cypher for the console: named queries with typed parameters,
whose choices can come from the graph itself. They double as examples of
the schema, so each is short and runs unchanged on FalkorDB and Neo4j.

They are also examples of queries that stay fast on a big graph (40k
papers, hubs of 10k): an entity is found by key as `(:Entity:Method {key:
...})`, since the key index is on `Entity` (`(:Method {key: ...})` alone
scans every method on both stores), and each query says in its own LIMIT
how much it reads or returns."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Param:
    name: str  # the $name in the query
    label: str
    type: str = "text"  # "text" | "int" | "choice"
    default: Any = None
    choices: str | None = None  # for "choice": a query returning value, label rows
    entity_type: str | None = None  # for a choice of entities: their label, whose top entity is the default

    def coerce(self, text: Any) -> Any:
        """The parameter's value from what a form or URL gives."""
        if text in (None, ""):
            return self.default
        if self.type == "int":
            try:
                return int(text)
            except (TypeError, ValueError):
                return self.default
        return str(text)


@dataclass(frozen=True)
class Canned:
    name: str
    description: str
    query: str
    params: tuple[Param, ...] = ()


def _entity(name: str, label: str) -> Param:
    """A choice among the entities of a type, most papers first."""
    query = f"MATCH (e:{label}) RETURN e.key AS value, e.name AS label ORDER BY e.paper_count DESC, e.key"
    return Param(name, label, "choice", choices=query, entity_type=label)


CANNED = (
    Canned(
        "Papers using a dataset",
        "The newest papers that mention a dataset, with the sentence that mentions it.",
        "MATCH (p:Paper)-[m:MENTIONS]->(d:Entity:Dataset {key: $dataset})\n"
        "RETURN p.title AS title, p.published AS published, m.evidence AS evidence\n"
        "ORDER BY coalesce(published, '') DESC, title LIMIT 100",
        (_entity("dataset", "Dataset"),),
    ),
    Canned(
        "Methods evaluated on a benchmark",
        "Methods mentioned in the same papers as a benchmark, by number of papers.",
        "MATCH (b:Entity:Benchmark {key: $benchmark})<-[:MENTIONS]-(p:Paper)-[:MENTIONS]->(m:Method)\n"
        "RETURN m.name AS method, count(DISTINCT p) AS papers\n"
        "ORDER BY papers DESC, method LIMIT 25",
        (_entity("benchmark", "Benchmark"),),
    ),
    Canned(
        "A method and its papers (graph)",
        "The method, the papers mentioning it and the relationships: drawn as a graph.",
        "MATCH (m:Entity:Method {key: $method})<-[r:MENTIONS]-(p:Paper)\n"
        "RETURN m, r, p LIMIT $limit",
        (_entity("method", "Method"), Param("limit", "Papers", "int", 25)),
    ),
    Canned(
        "Newly proposed entities",
        "Methods, datasets and benchmarks that the newest papers since a date say they introduce.",
        "MATCH (p:Paper) WHERE p.published >= $since\n"
        "WITH p ORDER BY p.published DESC, p.id LIMIT $papers\n"
        "MATCH (p)-[:PROPOSES]->(e:Entity)\n"
        "RETURN e.name AS name, e.label AS type, p.title AS paper, p.published AS published\n"
        "ORDER BY published DESC, paper, name",
        (Param("since", "Since (YYYY-MM-DD)", "text", "2024-01-01"), Param("papers", "Newest papers read", "int", 100)),
    ),
    Canned(
        "Most upvoted papers",
        "The papers the community upvoted most.",
        "MATCH (p:Paper)\nRETURN p.title AS title, p.published AS published, p.upvotes AS upvotes\n"
        "ORDER BY upvotes DESC LIMIT $n",
        (Param("n", "How many", "int", 20),),
    ),
    Canned(
        "Strongest co-occurrences",
        "Entity pairs that share the most papers. Only pairs among the entities in most papers are "
        "looked up, each link in the direction it is stored (lower key to higher): a pair shares no more "
        "papers than either entity has, so stronger pairs elsewhere are rare. Fast on big graphs.",
        "MATCH (a:Entity) WHERE a.paper_count >= $min\n"
        "WITH a ORDER BY a.paper_count DESC LIMIT $top\n"
        "WITH collect(a) AS top\n"
        "UNWIND top AS a UNWIND top AS b\n"
        "MATCH (a)-[c:CO_OCCURS]->(b) WHERE c.papers >= $min\n"
        "RETURN a.name AS a, a.label AS a_type, b.name AS b, b.label AS b_type, c.papers AS papers\n"
        "ORDER BY papers DESC, a, b LIMIT 25",
        (Param("min", "At least this many shared papers", "int", 3), Param("top", "Among the entities in most papers", "int", 200)),
    ),
)
BY_NAME = {c.name: c for c in CANNED}
