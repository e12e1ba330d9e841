"""The header and the search box: counts, text search, and one node by its
reference."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from graph import queries
from graph.dialect import ENTITY_LABELS, fulltext_query
from graph.results import GNode
from graph.store import GraphStore
from graph.views.model import PAPER, NodeRef, entity_of, paper_of


@dataclass(frozen=True)
class GraphCounts:
    papers: int
    entities: dict[str, int]  # label → count, every label present

    @property
    def total_entities(self) -> int:
        return sum(self.entities.values())


@dataclass(frozen=True)
class Suggestion:
    ref: NodeRef
    name: str
    label: str  # entity label or "Paper"
    detail: str  # "Method · 12 papers" / "Paper · 2024-05-01"


def graph_counts(store: GraphStore) -> GraphCounts:
    papers, entities = 0, dict.fromkeys(ENTITY_LABELS, 0)
    for row in store.read(queries.COUNTS).records():
        papers = row["papers"]
        if row["label"] in entities:
            entities[row["label"]] = row["entities"]
    return GraphCounts(papers, entities)


def search(store: GraphStore, text: str, limit: int = 12, kinds: Sequence[str] = ("e", "p")) -> list[Suggestion]:
    """Entities (names and aliases) first, then paper titles; `kinds`
    narrows to "e" (entities) or "p" (papers)."""
    q = fulltext_query(text)
    if not q:
        return []
    found = []
    if "e" in kinds:
        for row in store.read(store.dialect.entity_search, {"q": q, "limit": limit}).rows:
            e = entity_of(row[0])
            found.append(Suggestion(NodeRef.entity(e.key), e.name, e.label, f"{e.label} · {e.paper_count} paper{'s' * (e.paper_count != 1)}"))
    if "p" in kinds:
        room = max(3, limit - len(found))  # a few titles always show under the entities
        for row in store.read(store.dialect.paper_search, {"q": q, "limit": room}).rows:
            p = paper_of(row[0])
            found.append(Suggestion(NodeRef.paper(p.id), p.title, PAPER, f"Paper · {p.published or 'undated'}"))
    return found


def find_node(store: GraphStore, ref: NodeRef) -> GNode | None:
    query = FIND_ENTITY if ref.kind == "e" else FIND_PAPER
    rows = store.read(query, {"key": ref.key}).rows
    return rows[0][0] if rows else None


FIND_ENTITY = "MATCH (e:Entity {key: $key}) RETURN e"
FIND_PAPER = "MATCH (p:Paper {id: $key}) RETURN p"
