"""The papers behind a link: what mentions both of two entities, newest or
most upvoted first, each with the sentences that name them.

A click on an edge must stay cheap when one end is a hub with thousands of
papers, so the walk starts from the end with fewer papers and the query
itself stops at the page size. The total comes from the stored
`CO_OCCURS.papers`, not from counting.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from graph.results import GNode
from graph.store import GraphStore
from graph.views.lookup import find_node
from graph.views.model import PAPER, PAPER_FIELDS, Entity, NodeRef, Paper, entity_of, paper_of
from graph.views.surfaces import sentences, surface_pattern

ORDERS = ("recent", "upvotes")
EVIDENCE_SENTENCES = 2

# Anchored on the smaller end; its papers are put in order first (cheap: one
# hop) and only a window of them is expanded into the other end, because on
# a hub every paper has a dozen other mentions to walk past. The shared ones
# of a window are put in order again and cut to the page (FalkorDB does not
# keep a WITH's order through the MATCH): at two hubs a window holds a few
# hundred shared papers, and parsing them whole, abstracts and all, to list
# 30 was most of the view. A paper comes back as the fields `paper_of`
# reads, not as a whole node (its sources, links and digests are not shown).
# Ordering cannot be a parameter, hence one string per order. The rows are
# put back in order in Python too.
_SHARED_PAPERS = """
MATCH (s:Entity {{key: $start}}) WITH s
MATCH (s)<-[ms:MENTIONS]-(p:Paper)
WITH p, ms ORDER BY {order}, p.id SKIP $skip LIMIT $window
MATCH (p)-[mo:MENTIONS]->(o:Entity {{key: $other}})
WITH p, ms, mo ORDER BY {order}, p.id LIMIT $limit
RETURN p {{{fields}}} AS p, ms.evidence AS start_evidence, ms.surfaces AS start_surfaces,
       mo.evidence AS other_evidence, mo.surfaces AS other_surfaces
"""
_PAPER_COLUMNS = ", ".join(f".{name}" for name in PAPER_FIELDS)
SHARED_PAPERS = {
    # Undated papers last: a null sorts first in descending order on both stores.
    "recent": _SHARED_PAPERS.format(order="coalesce(p.published, '') DESC, coalesce(p.upvotes, 0) DESC", fields=_PAPER_COLUMNS),
    "upvotes": _SHARED_PAPERS.format(order="coalesce(p.upvotes, 0) DESC, coalesce(p.published, '') DESC", fields=_PAPER_COLUMNS),
}
FIRST_WINDOW = 400  # papers of the smaller end looked at first; doubled while too few are shared
# In the direction the link is stored (lower key to higher): undirected, it walks a hub's links on FalkorDB.
SHARED_COUNT = "MATCH (a:Entity {key: $low}) WITH a MATCH (b:Entity {key: $high}) WITH a, b MATCH (a)-[c:CO_OCCURS]->(b) RETURN c.papers LIMIT 1"


@dataclass(frozen=True)
class LinkPaper:
    paper: Paper
    evidence: tuple[str, ...]  # sentences naming both ends first, else one per end
    surfaces_a: tuple[str, ...]  # how this paper writes each end
    surfaces_b: tuple[str, ...]


@dataclass
class LinkView:
    a: Entity
    b: Entity
    shared: int  # every paper mentioning both, not only the ones listed
    papers: list[LinkPaper]
    order: str

    @property
    def truncated(self) -> bool:
        return len(self.papers) < self.shared


def link(store: GraphStore, a: str, b: str, order: str = ORDERS[0], limit: int = 30) -> LinkView | None:
    """The papers mentioning both entity `a` and entity `b` (keys). None
    when either is not in the graph."""
    nodes = [find_node(store, NodeRef.entity(key)) for key in (a, b)]
    if None in nodes:
        return None
    ea, eb = (entity_of(n) for n in nodes)
    small_first = ea.paper_count <= eb.paper_count
    start, other = (ea, eb) if small_first else (eb, ea)
    order = order if order in ORDERS else ORDERS[0]
    papers = []
    for row in _shared_rows(store, order, start, other.key, limit):
        start_surfaces = _surfaces(row["start_surfaces"], start)
        other_surfaces = _surfaces(row["other_surfaces"], other)
        paper = row["p"]
        sa, sb = (start_surfaces, other_surfaces) if small_first else (other_surfaces, start_surfaces)
        stored = [row["start_evidence"], row["other_evidence"]]
        papers.append(LinkPaper(paper, evidence(paper.abstract, sa, sb, stored), sa, sb))
    low, high = sorted((ea.key, eb.key))  # Python orders str by code point, as both stores do
    shared = store.scalar(SHARED_COUNT, {"low": low, "high": high}) or 0
    return LinkView(ea, eb, max(shared, len(papers)), papers, order)


def _shared_rows(store: GraphStore, order: str, start: Entity, other: str, limit: int) -> list[dict]:
    """The first `limit` shared papers in order, reading the smaller end's
    papers in growing windows (a handful of queries at most)."""
    query, rows = SHARED_PAPERS[order], []
    skip, window = 0, FIRST_WINDOW
    while len(rows) < limit and skip < max(start.paper_count, 1):
        params = {"start": start.key, "other": other, "skip": skip, "window": window, "limit": limit - len(rows)}
        found = [r | {"p": _paper(r["p"])} for r in store.read(query, params).records()]
        rows += sorted(found, key=lambda r: _order_key(r["p"], order))
        skip, window = skip + window, window * 2
    return rows[:limit]


def _paper(fields: dict) -> Paper:
    """A paper read as PAPER_FIELDS (an absent one comes back null, which `paper_of` reads as absent)."""
    return paper_of(GNode("", (PAPER,), fields))


def _order_key(paper: Paper, order: str) -> tuple:
    """The query's order, in Python: newest (or most upvoted) first, undated last, then by id."""
    date = (not paper.published, tuple(-ord(ch) for ch in paper.published or ""))  # dated first, newest first
    return ((date, -paper.upvotes) if order == "recent" else (-paper.upvotes, date)) + (paper.id,)


def _surfaces(stored: Iterable[str] | None, entity: Entity) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*(stored or ()), entity.name]))


def evidence(abstract: str, surfaces_a: Iterable[str], surfaces_b: Iterable[str], stored: Iterable[str | None] = ()) -> tuple[str, ...]:
    """The abstract's sentences naming both ends (up to two); without one,
    the first naming each end. Falls back to the stored first-mention
    sentences when the abstract names neither as written."""
    found = sentences(abstract)
    pa, pb = surface_pattern(surfaces_a), surface_pattern(surfaces_b)
    names_a = [bool(pa and pa.search(s)) for s in found]
    names_b = [bool(pb and pb.search(s)) for s in found]
    both = [s for s, a, b in zip(found, names_a, names_b) if a and b]
    if both:
        return tuple(both[:EVIDENCE_SENTENCES])
    first = [next((s for s, hit in zip(found, hits) if hit), None) for hits in (names_a, names_b)]
    return tuple(dict.fromkeys([s for s in first if s] or [s for s in stored if s]))
