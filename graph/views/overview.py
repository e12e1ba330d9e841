"""The Overview page: trending entities, the most mentioned ones, mentions
per month and co-occurrence between two types."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from graph.settings import MIN_CONFIDENCE
from graph.store import GraphStore
from graph.views.lookup import graph_counts
from graph.views.model import Entity, entity_of


@dataclass(frozen=True)
class Ranked:
    entity: Entity
    papers: int
    score: float


@dataclass(frozen=True)
class TimePoint:
    key: str
    name: str
    month: str  # YYYY-MM
    papers: int


@dataclass
class Matrix:
    rows: list[Entity]
    columns: list[Entity]
    values: list[list[int]]  # values[row][column]: shared papers


NEWEST_PAPER = "MATCH (p:Paper) RETURN max(p.published)"
# Each recent paper counts 1, plus 1 per doubling of its upvotes: one
# much-upvoted paper no longer outweighs several papers. Entities in at
# least $min_papers recent papers rank first, whatever their score. Only
# the newest $window papers of the period are read: with arXiv listings
# dated by month, "the last 30 days" of a 50k-paper graph is 25k papers and
# 225k mentions (3.8 s a page); 2,000 papers are a sample big enough to rank.
TRENDING = """
MATCH (p:Paper) WHERE p.published >= $since
WITH p ORDER BY p.published DESC, p.id DESC LIMIT $window
MATCH (p)-[:MENTIONS]->(e:Entity)
WHERE coalesce(e.confidence, 1.0) >= $min_confidence
WITH e, count(p) AS papers, sum(1 + log(1 + coalesce(p.upvotes, 0)) / log(2)) AS score
RETURN e, papers, score, CASE WHEN papers >= $min_papers THEN 1 ELSE 0 END AS recurring
ORDER BY recurring DESC, score DESC, papers DESC, e.key LIMIT $limit
"""
TRENDING_WINDOW = 2_000  # newest papers of the period read for trending
TRENDING_ENOUGH = 3  # fewer entities than this in min_papers recent papers: single-paper ones fill in
# Through the index on paper_count, from a floor down: reading every entity
# of a type (200k methods at 40k papers) to keep 15 cost ~100 ms a list.
# The WITH keeps the planner on that index rather than the label's.
TOP_ENTITIES = """
MATCH (e:Entity) WHERE e.paper_count >= $floor
WITH e WHERE e.label = $label AND coalesce(e.confidence, 1.0) >= $min_confidence
RETURN e ORDER BY e.paper_count DESC, e.key LIMIT $limit
"""
TOP_FLOOR_SHARE = 200  # the first floor: a 200th of the graph's papers, lowered 8-fold while too few reach it
MONTHLY_MENTIONS = """
UNWIND $keys AS key
MATCH (e:Entity {key: key}) WITH e
MATCH (e)<-[:MENTIONS]-(p:Paper)
WHERE p.published IS NOT NULL
RETURN e.key AS key, e.name AS name, substring(p.published, 0, 7) AS month, count(p) AS papers
ORDER BY month
"""
# Each pair's link in the direction it is stored (lower key to higher): an
# undirected lookup between two bound hubs walks their links on FalkorDB.
PAIR_COUNTS = """
UNWIND $rows AS row MATCH (a:Entity {key: row}) WITH collect(a) AS rows
UNWIND $columns AS column MATCH (b:Entity {key: column}) WITH rows, collect(b) AS columns
UNWIND rows AS a UNWIND columns AS b
WITH a, b, CASE WHEN a.key < b.key THEN [a, b] ELSE [b, a] END AS ends
WITH a, b, ends[0] AS low, ends[1] AS high
MATCH (low)-[c:CO_OCCURS]->(high)
RETURN a.key, b.key, c.papers
"""


def trending(store: GraphStore, days: int = 30, limit: int = 15, min_papers: int = 2) -> tuple[str | None, list[Ranked]]:
    """Entities in at least `min_papers` papers of the last `days` before the
    newest paper, by score: each of those papers counts 1 + log2(1 + its
    upvotes), among the newest TRENDING_WINDOW papers of that period. A
    graph with fewer than TRENDING_ENOUGH such entities (a tiny or quiet
    one) gets entities of fewer papers too, after them. Returns the
    window's start and the ranking."""
    import datetime as dt

    newest = store.scalar(NEWEST_PAPER)
    if not newest:
        return None, []
    since = (dt.date.fromisoformat(newest[:10]) - dt.timedelta(days=days)).isoformat()
    rows = store.read(TRENDING, {"since": since, "min_papers": min_papers, "limit": limit, "min_confidence": MIN_CONFIDENCE,
                                "window": TRENDING_WINDOW}).rows
    ranked = [Ranked(entity_of(row[0]), row[1], row[2]) for row in rows]
    recurring = [r for r in ranked if r.papers >= min_papers]
    return since, recurring if len(recurring) >= min(TRENDING_ENOUGH, limit) else ranked


def top_entities(store: GraphStore, label: str, limit: int = 15) -> list[Entity]:
    """The `limit` entities of a type in most papers (candidates left out)."""
    floor = graph_counts(store).papers // TOP_FLOOR_SHARE
    while True:
        params = {"label": label, "limit": limit, "floor": floor, "min_confidence": MIN_CONFIDENCE}
        found = [entity_of(row[0]) for row in store.read(TOP_ENTITIES, params).rows]
        if len(found) >= limit or floor == 0:
            return found
        floor //= 8


def mentions_over_time(store: GraphStore, keys: Sequence[str]) -> list[TimePoint]:
    if not keys:
        return []
    return [TimePoint(*row) for row in store.read(MONTHLY_MENTIONS, {"keys": list(keys)}).rows]


def co_occurrence_matrix(store: GraphStore, row_label: str, column_label: str, rows: int, columns: int) -> Matrix:
    """Shared papers between the top `rows` entities of one type and the top
    `columns` of another (methods × benchmarks)."""
    row_entities = top_entities(store, row_label, rows)
    column_entities = top_entities(store, column_label, columns)
    values = [[0] * len(column_entities) for _ in row_entities]
    r_index = {e.key: i for i, e in enumerate(row_entities)}
    c_index = {e.key: i for i, e in enumerate(column_entities)}
    params = {"rows": list(r_index), "columns": list(c_index)}
    for a, b, papers in store.read(PAIR_COUNTS, params).rows:
        values[r_index[a]][c_index[b]] = papers
    return Matrix(row_entities, column_entities, values)
