"""The values every view shares: entities, papers, references to either,
and what a canvas draws (`GraphView`), with the conversions from store
nodes and edges."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

from graph.dialect import ENTITY_LABELS
from graph.export.select import Subgraph
from graph.results import GEdge, GNode

PAPER = "Paper"
NODE_TYPES = (*ENTITY_LABELS, PAPER)


@dataclass(frozen=True)
class Entity:
    key: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()
    paper_count: int = 0
    mention_count: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    kb_id: str | None = None  # knowledge-base entry it is linked to
    confidence: float | None = None  # below graph.settings.MIN_CONFIDENCE: a candidate
    umbrella: bool = False  # its kinds are named in more papers (ingest/confidence.py): kept out of top lists
    coined_papers: int = 0  # works by different authors its papers name so, by title or abstract (ingest/confidence.py)
    coined_elsewhere: int = 0  # other entities' papers whose titles spell its name out (ingest/confidence.py)
    used_apart: bool = False  # other authors meant something else by the name (ingest/confidence.py)
    modifier_phrase: bool = False  # one paper's letters for a phrase of a common modifier (ingest/confidence.py)
    task_named_papers: int = 0  # papers that name it as a task, in a title or as "the X task" (ingest/confidence.py)
    measure_used_papers: int = 0  # papers that use it as a measure: a value, "in terms of X" (ingest/confidence.py)
    defining_papers: int = 0  # papers that define it, "Long Form (LF)" (ingest/confidence.py)
    label_votes: tuple[int, ...] = ()  # its papers' readings, one count per ENTITY_LABELS entry
    kept: bool = False  # the curation file keeps it: shown whatever its evidence (ingest/confidence.py)
    label_forced: bool = False  # the curation file or its name decides its type, not its papers' readings

    def readings(self) -> dict[str, int]:
        """Papers per reading of its type, the label read most first."""
        votes = {label: n for label, n in zip(ENTITY_LABELS, self.label_votes) if n}
        return dict(sorted(votes.items(), key=lambda kv: -kv[1]))


@dataclass(frozen=True)
class Paper:
    id: str
    title: str
    published: str | None = None
    upvotes: int = 0
    url: str | None = None
    authors: tuple[str, ...] = ()
    organization: str | None = None
    abstract: str = ""


@dataclass(frozen=True)
class NodeRef:
    """An entity (by key) or a paper (by id), as the URL and canvas name it."""

    kind: str  # "e" or "p"
    key: str

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.key}"

    @classmethod
    def parse(cls, text: str | None) -> "NodeRef | None":
        kind, sep, key = (text or "").partition(":")
        return cls(kind, key) if sep and kind in ("e", "p") and key else None

    @classmethod
    def entity(cls, key: str) -> "NodeRef":
        return cls("e", key)

    @classmethod
    def paper(cls, paper_id: str) -> "NodeRef":
        return cls("p", paper_id)


@dataclass(frozen=True)
class ViewNode:
    ref: NodeRef
    name: str
    type: str  # entity label or "Paper"
    weight: int  # paper count (entities) or upvotes (papers): drives size
    focus: bool = False
    via: str | None = None  # NodeRef.id of the expanded node it joined through; None: the focus's own


@dataclass(frozen=True)
class ViewEdge:
    source: str  # NodeRef.id
    target: str
    type: str  # CO_OCCURS | MENTIONS
    weight: int  # shared papers (CO_OCCURS) or mentions in the paper (MENTIONS)


@dataclass
class GraphView:
    """What a canvas draws, plus the store's subgraph behind it for export."""

    nodes: list[ViewNode]
    edges: list[ViewEdge]
    subgraph: Subgraph

    def shown_by_type(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for node in self.nodes:
            if not node.focus:
                counts[node.type] += 1
        return dict(counts)


def entity_of(node: GNode) -> Entity:
    p = node.properties
    return Entity(
        key=p.get("key", ""),
        name=p.get("name") or p.get("key", ""),
        label=p.get("label") or next((lab for lab in node.labels if lab in ENTITY_LABELS), "Entity"),
        aliases=tuple(p.get("aliases") or ()),
        paper_count=p.get("paper_count") or 0,
        mention_count=p.get("mention_count") or 0,
        first_seen=p.get("first_seen"),
        last_seen=p.get("last_seen"),
        kb_id=p.get("kb_id"),
        confidence=p.get("confidence"),
        umbrella=bool(p.get("umbrella")),
        coined_papers=p.get("coined_papers") or 0,
        coined_elsewhere=p.get("coined_elsewhere") or 0,
        used_apart=bool(p.get("used_apart")),
        modifier_phrase=bool(p.get("modifier_phrase")),
        task_named_papers=p.get("task_named_papers") or 0,
        measure_used_papers=p.get("measure_used_papers") or 0,
        defining_papers=p.get("defining_papers") or 0,
        label_votes=tuple(p.get("label_votes") or ()),
        kept=bool(p.get("kept")),
        label_forced=bool(p.get("label_forced")),
    )


# What a view reads of an entity (what `entity_of` uses). A whole node also
# carries its search text, alias keys and alias weights: parsing those took
# the client longer than the server took to find a hub's 300 strongest
# neighbours (client 50 -> 15 ms for them on the 40k graph). The label votes,
# five counts, are read for the details panel's split readings: the LLM hub's
# 307-node view took 32.3 ms with them and 32.9 without (interleaved runs,
# 40k graph, session 30).
ENTITY_FIELDS = ("key", "name", "label", "aliases", "paper_count", "mention_count", "first_seen", "last_seen", "kb_id", "confidence",
                 "umbrella", "coined_papers", "coined_elsewhere", "used_apart", "modifier_phrase", "task_named_papers", "measure_used_papers",
                 "defining_papers", "label_votes", "kept", "label_forced")


def entity_columns(node_id: str, variable: str) -> str:
    """The columns a query returns for an entity so that `node_from` makes
    a node of them: its store id (`node_id`: the dialect's id function),
    its labels and the ENTITY_FIELDS, one column each (the FalkorDB client
    parses a map value per key, a third slower for a hub's 300 neighbours)."""
    fields = ", ".join(f"{variable}.{name}" for name in ENTITY_FIELDS)
    return f"{node_id}({variable}), labels({variable}), {fields}"


ENTITY_COLUMNS = 2 + len(ENTITY_FIELDS)  # how many columns `entity_columns` returns


def node_from(node_id: int | str, labels: list[str], *fields) -> GNode:
    """A node read as `entity_columns`: absent properties come back null, and are left out as a whole node leaves them."""
    return GNode(str(node_id), tuple(labels), {k: v for k, v in zip(ENTITY_FIELDS, fields) if v is not None})


def edge_columns(node_id: str, variable: str) -> str:
    """The columns a query returns for a relationship so that `edge_from`
    makes the relationship a whole one reads as: id, type, ends, properties."""
    return (f"{node_id}({variable}), type({variable}), {node_id}(startNode({variable})), {node_id}(endNode({variable})), "
            f"properties({variable})")


def edge_from(edge_id: int | str, type: str, start: int | str, end: int | str, properties: dict) -> GEdge:
    return GEdge(str(edge_id), type, str(start), str(end), dict(properties))


# What `paper_of` reads of a paper: a query listing papers returns these
# rather than whole nodes (sources, links, categories and digests are not shown).
PAPER_FIELDS = ("id", "title", "published", "upvotes", "url", "authors", "organization", "abstract")


def paper_of(node: GNode) -> Paper:
    p = node.properties
    return Paper(
        id=p.get("id", ""),
        title=p.get("title") or "(untitled)",
        published=p.get("published"),
        upvotes=p.get("upvotes") or 0,
        url=p.get("url"),
        authors=tuple(p.get("authors") or ()),
        organization=p.get("organization"),
        abstract=p.get("abstract") or "",
    )


def _view_node(node: GNode, focus: bool = False, via: str | None = None) -> ViewNode:
    if PAPER in node.labels:
        paper = paper_of(node)
        return ViewNode(NodeRef.paper(paper.id), paper.title, PAPER, paper.upvotes, focus, via)
    if "Entity" in node.labels:
        entity = entity_of(node)
        return ViewNode(NodeRef.entity(entity.key), entity.name, entity.label, entity.paper_count, focus, via)
    # Anything else a console query returns: named by its store id, no details.
    label = node.labels[0] if node.labels else "Node"
    return ViewNode(NodeRef("n", node.id), str(node.properties.get("name", label)), label, 0, focus, via)


def view_graph(nodes: dict[str, GNode], edges: dict[str, GEdge], focus: set[str] = frozenset(), truncated: bool = False,
               via: Mapping[str, str] = {}) -> GraphView:
    """Store nodes and edges as something a canvas draws (edges with an end
    outside `nodes` are left out). `via`: store id → the NodeRef.id a node
    joined the view through."""
    view_nodes = {i: _view_node(n, focus=i in focus, via=via.get(i)) for i, n in nodes.items()}
    kept = {k: e for k, e in edges.items() if e.start in view_nodes and e.end in view_nodes}
    view_edges = [
        ViewEdge(view_nodes[e.start].ref.id, view_nodes[e.end].ref.id, e.type,
                 e.properties.get("papers") or e.properties.get("count") or 1)
        for e in kept.values()
    ]
    return GraphView(list(view_nodes.values()), view_edges, Subgraph(nodes, kept, truncated))
