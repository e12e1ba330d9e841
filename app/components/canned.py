"""Canned Cypher for the console: named queries with typed parameters,
whose choices can come from the graph itself. They double as examples of
the schema, so each is short and runs unchanged on FalkorDB and Neo4j."""
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


def _choices(label: str) -> str:
    return f"MATCH (e:{label}) RETURN e.key AS value, e.name AS label ORDER BY e.paper_count DESC, e.key"


CANNED = (
    Canned(
        "Papers using a dataset",
        "Papers that mention a dataset, newest first, with the sentence that mentions it.",
        "MATCH (p:Paper)-[m:MENTIONS]->(d:Dataset {key: $dataset})\n"
        "RETURN p.title AS title, p.published AS published, m.evidence AS evidence\n"
        "ORDER BY p.published DESC",
        (Param("dataset", "Dataset", "choice", choices=_choices("Dataset")),),
    ),
    Canned(
        "Methods evaluated on a benchmark",
        "Methods mentioned in the same papers as a benchmark, by number of papers.",
        "MATCH (b:Benchmark {key: $benchmark})<-[:MENTIONS]-(p:Paper)-[:MENTIONS]->(m:Method)\n"
        "RETURN m.name AS method, count(DISTINCT p) AS papers\n"
        "ORDER BY papers DESC, method LIMIT 25",
        (Param("benchmark", "Benchmark", "choice", choices=_choices("Benchmark")),),
    ),
    Canned(
        "A method and its papers (graph)",
        "The method, the papers mentioning it and the relationships: drawn as a graph.",
        "MATCH (m:Method {key: $method})<-[r:MENTIONS]-(p:Paper)\n"
        "RETURN m, r, p LIMIT $limit",
        (Param("method", "Method", "choice", choices=_choices("Method")), Param("limit", "Papers", "int", 25)),
    ),
    Canned(
        "Newly proposed entities",
        "Methods, datasets and benchmarks that papers say they introduce, since a date.",
        "MATCH (p:Paper)-[:PROPOSES]->(e:Entity)\n"
        "WHERE p.published >= $since\n"
        "RETURN e.name AS name, e.label AS type, p.title AS paper, p.published AS published\n"
        "ORDER BY published DESC",
        (Param("since", "Since (YYYY-MM-DD)", "text", "2024-01-01"),),
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
        "Entity pairs that share the most papers. A pair can share no more papers than either "
        "entity has, so only entities with enough papers are expanded: fast on big graphs.",
        "MATCH (a:Entity) WHERE a.paper_count >= $min\n"
        "MATCH (a)-[c:CO_OCCURS]->(b:Entity) WHERE c.papers >= $min\n"
        "RETURN a.name AS a, a.label AS a_type, b.name AS b, b.label AS b_type, c.papers AS papers\n"
        "ORDER BY papers DESC, a, b LIMIT 25",
        (Param("min", "At least this many shared papers", "int", 3),),
    ),
)
BY_NAME = {c.name: c for c in CANNED}
