"""The header and the search box: counts, text search, and one node by its
reference."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from graph import queries
from graph.dialect import fulltext_query
from graph.results import GNode
from graph.store import GraphStore
from graph.views.cache import per_data_version
from graph.views.model import PAPER, Entity, NodeRef, entity_of, paper_of


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


# Kept per data version: every page's header shows them, and the Overview
# asked for the paper count once per list it ranks (six round trips a page).
@per_data_version(maxsize=8)
def graph_counts(store: GraphStore) -> GraphCounts:
    """One count per label (`queries.PAPER_COUNT`, `queries.ENTITY_COUNTS`,
    which the ingest summary reads too): both stores answer them from their
    label statistics without touching a node, where grouping entities by
    their `label` property reads all of them (300k at 40k papers, on every
    page the header shows)."""
    counts = {label: store.scalar(query) or 0 for label, query in queries.ENTITY_COUNTS.items()}
    return GraphCounts(store.scalar(queries.PAPER_COUNT) or 0, counts)


def search(store: GraphStore, text: str, limit: int = 12, kinds: Sequence[str] = ("e", "p")) -> list[Suggestion]:
    """Entities first, then paper titles; `kinds` narrows to "e" (entities)
    or "p" (papers). Entities rank by how well they match — the name or an
    alias as typed (up to case, hyphens, plural), then one starting with it,
    then a word starting with it — and within that by paper count."""
    q = fulltext_query(text)
    if not q:
        return []
    found = []
    if "e" in kinds:
        found += [_entity_suggestion(e) for e in ranked_entities(store, text, q, limit)]
    if "p" in kinds:
        room = max(3, limit - len(found))  # a few titles always show under the entities
        for row in store.read(store.dialect.paper_search, {"q": q, "limit": room}).rows:
            p = paper_of(row[0])
            found.append(Suggestion(NodeRef.paper(p.id), p.title, PAPER, f"Paper · {p.published or 'undated'}"))
    return found


def ranked_entities(store: GraphStore, text: str, q: str, limit: int) -> list[Entity]:
    typed = search_key(text)
    # Full-text scores favour short one-paper names, so the best-scored and
    # the most-mentioned matches are pooled and re-ranked here; exact keys are looked up directly, because "gpt4" is
    # one token to the full-text index and "gpt-4" two.
    pool = {}
    for query in (store.dialect.entity_search, store.dialect.entity_search_by_papers):
        pool.update((e.key, e) for e in (entity_of(row[0]) for row in store.read(query, {"q": q, "limit": SEARCH_POOL}).rows))
    exact = {typed, text.strip().casefold()} - {""}
    pool.update((e.key, e) for e in (entity_of(row[0]) for row in store.read(ENTITIES_BY_KEY, {"keys": sorted(exact)}).rows))

    def rank(e: Entity) -> tuple:
        keys = {e.key, *(search_key(n) for n in (e.name, *e.aliases))}
        tier = 0 if typed in keys else 1 if any(k.startswith(typed) for k in keys) else 2
        return tier, -e.paper_count, len(e.name), e.key

    return sorted(pool.values(), key=rank)[:limit]


def _entity_suggestion(e: Entity) -> Suggestion:
    return Suggestion(NodeRef.entity(e.key), e.name, e.label, f"{e.label} · {e.paper_count} paper{'s' * (e.paper_count != 1)}")


_PARTS = re.compile(r"[^\W_]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")


def search_key(text: str) -> str:
    """What a typed name is compared by: case, accents, spaces, hyphens and
    a plural -s folded, digits fenced off ("GPT4" and "gpt-4" → "gpt-4",
    "Transformers" → "transformer"). It follows the shape of the loader's
    entity keys, so an exact key lookup finds what was typed; it need not
    equal them in every case, because ranking only compares it with itself."""
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    parts = [p.casefold() for p in _PARTS.findall(text)]
    if parts and len(parts[-1]) > 3 and parts[-1].isalpha() and parts[-1].endswith("s") and not parts[-1].endswith(("ss", "us", "is", "os", "as")):
        parts[-1] = parts[-1][:-3] + "y" if parts[-1].endswith("ies") else parts[-1][:-1]
    joined = ""
    for part in parts:
        joined += (" " if joined[-1:].isdigit() and part[:1].isdigit() else "") + part
    return "-".join(_LETTER_DIGIT.sub(" ", joined).split())


def published_range(store: GraphStore) -> tuple[str | None, str | None]:
    """The first and last publication dates in the graph."""
    rows = store.read(PUBLISHED_RANGE).rows
    return (rows[0][0], rows[0][1]) if rows else (None, None)


def find_node(store: GraphStore, ref: NodeRef) -> GNode | None:
    query = FIND_ENTITY if ref.kind == "e" else FIND_PAPER
    rows = store.read(query, {"key": ref.key}).rows
    return rows[0][0] if rows else None


SEARCH_POOL = 40  # full-text matches of each ranking pooled per keystroke
ENTITIES_BY_KEY = "MATCH (e:Entity) WHERE e.key IN $keys RETURN e"
PUBLISHED_RANGE = "MATCH (p:Paper) WHERE p.published IS NOT NULL RETURN min(p.published), max(p.published)"
FIND_ENTITY = "MATCH (e:Entity {key: $key}) RETURN e"
FIND_PAPER = "MATCH (p:Paper {id: $key}) RETURN p"
