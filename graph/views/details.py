"""The details panel: an entity's papers and co-occurring entities, a
paper's entities."""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.dialect import ENTITY_LABELS
from graph.settings import MIN_CONFIDENCE
from graph.store import GraphStore
from graph.views.cache import per_data_version
from graph.views.lookup import find_node
from graph.views.model import Entity, NodeRef, Paper, entity_of, paper_of
from graph.views.strongest import Scope, neighbour_types, strongest


@dataclass(frozen=True)
class PaperMention:
    paper: Paper
    evidence: str
    surfaces: tuple[str, ...]
    proposed: bool


@dataclass(frozen=True)
class Neighbour:
    entity: Entity
    shared: int  # papers mentioning both


@dataclass
class EntityDetails:
    entity: Entity
    papers: list[PaperMention]
    related: dict[str, list[Neighbour]]  # label → top co-occurring entities
    variant_of: list[Entity] = field(default_factory=list)  # its base (VARIANT_OF), if any
    variants: list[Entity] = field(default_factory=list)  # versions and variants of it, most papers first
    kinds: list[Entity] = field(default_factory=list)  # an umbrella term's kinds, most papers first


@dataclass(frozen=True)
class EntityInPaper:
    entity: Entity
    surfaces: tuple[str, ...]
    count: int
    proposed: bool


@dataclass
class PaperDetails:
    paper: Paper
    entities: list[EntityInPaper]


# Newest papers first; their links (evidence) and PROPOSES are looked up
# only for the ones listed: carrying each link through the sort of a hub's
# 8k papers cost a third more server time.
ENTITY_PAPER_LIST = """
MATCH (e:Entity {key: $key}) WITH e
MATCH (e)<-[:MENTIONS]-(p:Paper)
WITH e, p ORDER BY p.published DESC, p.id LIMIT $limit
MATCH (p)-[m:MENTIONS]->(e)
OPTIONAL MATCH (p)-[pr:PROPOSES]->(e)
RETURN p, m.evidence AS evidence, m.surfaces AS surfaces, pr IS NOT NULL AS proposed
"""
VARIANT_BASE = "MATCH (:Entity {key: $key})-[:VARIANT_OF]->(b:Entity) RETURN b"
VARIANTS = "MATCH (v:Entity)-[:VARIANT_OF]->(:Entity {key: $key}) RETURN v ORDER BY v.paper_count DESC, v.key LIMIT $limit"
# An umbrella term's kinds: visible entities of its label named by its words
# after more ("object detection" for "detection"), singular, plural or hyphened.
KINDS = """
MATCH (k:Entity) WHERE k.label = $label AND k.confidence >= $min_confidence AND k.key <> $key
  AND (k.name_fold ENDS WITH $spaced OR k.name_fold ENDS WITH $plural OR k.name_fold ENDS WITH $hyphened)
RETURN k ORDER BY k.paper_count DESC, k.key LIMIT $limit
"""
KINDS_SHOWN = 10
PAPER_ENTITY_LIST = """
MATCH (p:Paper {id: $key})-[m:MENTIONS]->(e:Entity)
OPTIONAL MATCH (p)-[pr:PROPOSES]->(e)
RETURN e, m.surfaces AS surfaces, m.count AS count, count(pr) > 0 AS proposed
ORDER BY e.label, e.name
"""


# Each answer holds its papers' abstracts (~100 KB): a few dozen entities.
DETAILS_CACHED = 64


# Kept per data version: the details callback answers every change of the
# page's URL ("show more", a filter), most of which leave the panel as it was.
@per_data_version(maxsize=DETAILS_CACHED)
def entity_details(store: GraphStore, key: str, papers: int = 50, per_type: int = 5) -> EntityDetails | None:
    node = find_node(store, NodeRef.entity(key))
    if node is None:
        return None
    mentions = [
        PaperMention(paper_of(row["p"]), row["evidence"] or "", tuple(row["surfaces"] or ()), bool(row["proposed"]))
        for row in store.read(ENTITY_PAPER_LIST, {"key": key, "limit": papers}).records()
    ]
    mentions.sort(key=lambda m: m.paper.published or "", reverse=True)  # OPTIONAL MATCH need not keep order
    found = [Neighbour(entity_of(node), link.properties.get("papers") or 0)
             for node, link in strongest(store, key, neighbour_types(store, key, Scope(), ENTITY_LABELS), ENTITY_LABELS, per_type)]
    related = {label: mine for label in ENTITY_LABELS if (mine := [n for n in found if n.entity.label == label])}
    base = [entity_of(row[0]) for row in store.read(VARIANT_BASE, {"key": key}).rows]
    variants = [entity_of(row[0]) for row in store.read(VARIANTS, {"key": key, "limit": papers}).rows]
    entity = entity_of(node)
    return EntityDetails(entity, mentions, related, base, variants, kinds_of(store, entity) if entity.umbrella else [])


def kinds_of(store: GraphStore, entity: Entity, limit: int = KINDS_SHOWN) -> list[Entity]:
    """The visible kinds of an umbrella term, which stand for it in the lists (ingest/confidence.py)."""
    fold = entity.name.casefold()
    singular = fold[:-1] if fold.endswith("s") and not fold.endswith("ss") and len(fold) > 3 else fold
    params = {"label": entity.label, "min_confidence": MIN_CONFIDENCE, "key": entity.key, "limit": limit,
              "spaced": f" {singular}", "plural": f" {singular}s", "hyphened": f"-{singular}"}
    return [entity_of(row[0]) for row in store.read(KINDS, params).rows]


def paper_details(store: GraphStore, paper_id: str) -> PaperDetails | None:
    node = find_node(store, NodeRef.paper(paper_id))
    if node is None:
        return None
    entities = [
        EntityInPaper(entity_of(row["e"]), tuple(row["surfaces"] or ()), row["count"] or 1, bool(row["proposed"]))
        for row in store.read(PAPER_ENTITY_LIST, {"key": paper_id}).records()
    ]
    return PaperDetails(paper_of(node), entities)
