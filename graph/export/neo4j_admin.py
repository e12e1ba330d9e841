"""The whole graph as CSV for `neo4j-admin database import full`: the fast
path for a first load of a big corpus into Neo4j 5 (an offline import
writes the store files directly, no transactions).

One file per node label group and relationship type, each with its
neo4j-admin header (`id:ID(Paper)`, `key:ID(Entity)`, `:LABEL`,
`:START_ID(Paper)`, `:END_ID(Entity)`, `:TYPE`, typed columns such as
`authors:string[]` or `paper_count:long`), bookkeeping properties included
so that paperkg ingests incrementally into the imported graph.

The graph is read in pages by key (papers by id, entities by key, their
relationships by those pages), so memory does not grow with the graph.
Column types are learned in a first pass over the same pages: the header
comes first in each file. Arrays are joined with ARRAY_DELIMITER (U+001F,
the unit separator, which no text paperkg stores contains); neo4j-admin has
no escape for it, so a value holding it is refused, naming the node.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from graph.store import GraphStore

ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "U+001F"  # how neo4j-admin's --array-delimiter names it
PAGE = 2_000

PAPERS_PAGE = """
MATCH (p:Paper) WHERE p.id > $after
RETURN p.id AS id, properties(p) AS properties ORDER BY p.id LIMIT $page
"""
ENTITIES_PAGE = """
MATCH (e:Entity) WHERE e.key > $after
RETURN e.key AS id, labels(e) AS labels, properties(e) AS properties ORDER BY e.key LIMIT $page
"""
# The same pages, ids only: the start nodes whose relationships are read next.
PAPER_IDS_PAGE = "MATCH (p:Paper) WHERE p.id > $after RETURN p.id AS id ORDER BY p.id LIMIT $page"
ENTITY_IDS_PAGE = "MATCH (e:Entity) WHERE e.key > $after RETURN e.key AS id ORDER BY e.key LIMIT $page"
PAPER_LINKS = """
UNWIND $ids AS id
MATCH (p:Paper {id: id})-[r:MENTIONS|PROPOSES]->(e:Entity)
WHERE type(r) = $type
RETURN type(r) AS type, p.id AS start, e.key AS end, properties(r) AS properties
"""
ENTITY_LINKS = """
UNWIND $ids AS id
MATCH (a:Entity {key: id})-[r:CO_OCCURS|VARIANT_OF]->(b:Entity)
WHERE type(r) = $type
RETURN type(r) AS type, a.key AS start, b.key AS end, properties(r) AS properties
"""

# Relationship type → (start id space, end id space).
RELATIONSHIPS = {
    "MENTIONS": ("Paper", "Entity"),
    "PROPOSES": ("Paper", "Entity"),
    "CO_OCCURS": ("Entity", "Entity"),
    "VARIANT_OF": ("Entity", "Entity"),
}


class ImportCsvError(ValueError):
    """A value neo4j-admin could not read back as it is stored."""


@dataclass(frozen=True)
class Row:
    id: str  # the node's id, or the relationship's start
    properties: dict[str, Any]
    labels: tuple[str, ...] = ()
    end: str = ""  # relationships only
    type: str = ""


@dataclass
class ImportFiles:
    nodes: dict[str, Path] = field(default_factory=dict)  # id space → file
    relationships: dict[str, Path] = field(default_factory=dict)  # type → file
    counts: dict[str, int] = field(default_factory=dict)  # id space or type → rows

    def command(self, database: str = "neo4j") -> str:
        """The neo4j-admin (Neo4j 5) command that imports these files."""
        parts = ["neo4j-admin database import full"]
        parts += [f"--nodes={path}" for path in self.nodes.values()]
        parts += [f"--relationships={path}" for path in self.relationships.values()]
        parts += [f"--array-delimiter={ARRAY_DELIMITER_OPTION}", "--multiline-fields=true", database]
        return " \\\n    ".join(parts)


def write_import_csv(store: GraphStore, directory: Path, progress: Callable[[int], None] | None = None) -> ImportFiles:
    """Write the graph in `store` as neo4j-admin import CSV into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    tick = progress or (lambda n: None)
    sources: dict[str, Callable[[], Iterator[Row]]] = {
        "Paper": lambda: _nodes(store, PAPERS_PAGE),
        "Entity": lambda: _nodes(store, ENTITIES_PAGE),
    }
    files = ImportFiles()
    for space, rows in sources.items():
        types = _column_types(row.properties for row in rows())
        id_key = "id" if space == "Paper" else "key"
        types.pop(id_key, None)
        header = [f"{id_key}:ID({space})", ":LABEL", *(_column(k, t) for k, t in types.items())]
        path = directory / f"{space}.csv"
        files.nodes[space], files.counts[space] = path, _write(
            path, header, ([row.id, _array(row.labels or (space,), row, ":LABEL"), *_cells(row, types)] for row in _ticking(rows(), tick))
        )
    for kind, (start, end) in RELATIONSHIPS.items():
        query, ids = (PAPER_LINKS, PAPER_IDS_PAGE) if start == "Paper" else (ENTITY_LINKS, ENTITY_IDS_PAGE)
        rows = lambda: _links(store, query, kind, _nodes(store, ids))  # noqa: E731
        types = _column_types(row.properties for row in rows())
        header = [f":START_ID({start})", f":END_ID({end})", ":TYPE", *(_column(k, t) for k, t in types.items())]
        path = directory / f"{kind}.csv"
        files.relationships[kind], files.counts[kind] = path, _write(
            path, header, ([row.id, row.end, kind, *_cells(row, types)] for row in _ticking(rows(), tick))
        )
    return files


def _nodes(store: GraphStore, query: str) -> Iterator[Row]:
    for page in store.read_pages(query, page_size=PAGE):
        for record in page.records():
            labels = tuple(sorted(record["labels"], key=lambda label: label != "Entity")) if "labels" in record else ()
            yield Row(id=record["id"], properties=record.get("properties") or {}, labels=labels)


def _links(store: GraphStore, query: str, kind: str, nodes: Iterator[Row]) -> Iterator[Row]:
    """The relationships of type `kind` from each page of start nodes."""
    for page in store.read_batches(query, "ids", (node.id for node in nodes), {"type": kind}, batch_size=PAGE):
        for record in page.records():
            yield Row(id=record["start"], end=record["end"], type=record["type"], properties=record["properties"] or {})


def _ticking(rows: Iterator[Row], tick: Callable[[int], None]) -> Iterator[Row]:
    for row in rows:
        tick(1)
        yield row


# Python value type → neo4j-admin column type.
_SCALAR = {bool: "boolean", int: "long", float: "double", str: "string"}


def _value_type(key: str, value: Any) -> str:
    if isinstance(value, list):
        items = {_value_type(key, item) for item in value}
        if not items:
            return "[]"  # an empty list says nothing of its items
        if items == {"long", "double"}:
            return "double[]"
        if len(items) != 1 or next(iter(items)).endswith("[]"):
            raise ImportCsvError(f"property {key!r} holds a list of mixed or nested values ({sorted(items)}); neo4j-admin arrays hold one type")
        return next(iter(items)) + "[]"
    kind = _SCALAR.get(type(value))
    if kind is None:
        raise ImportCsvError(f"property {key!r} holds a {type(value).__name__}, which a neo4j-admin column cannot type")
    return kind


def _column_types(rows: Iterator[dict[str, Any]]) -> dict[str, str]:
    """Each property's column type over every row, keys sorted."""
    types: dict[str, str] = {}
    for properties in rows:
        for key, value in properties.items():
            if value is None:
                continue
            kind, seen = _value_type(key, value), types.get(key)
            if seen is None or seen == "[]":
                types[key] = kind
            elif kind != seen and kind != "[]":
                if {kind, seen} in ({"long", "double"}, {"long[]", "double[]"}):
                    types[key] = "double[]" if kind.endswith("[]") else "double"
                else:
                    raise ImportCsvError(f"property {key!r} holds both {seen} and {kind} values; a neo4j-admin column has one type")
    return {key: ("string[]" if kind == "[]" else kind) for key, kind in sorted(types.items())}


def _column(key: str, kind: str) -> str:
    return key if kind == "string" else f"{key}:{kind}"


def _cells(row: Row, types: dict[str, str]) -> list[str]:
    cells = []
    for key, kind in types.items():
        value = row.properties.get(key)
        if value is None:
            cells.append("")  # an empty field: no property
        elif kind.endswith("[]"):
            cells.append(_array(value, row, key))
        elif kind == "boolean":
            cells.append("true" if value else "false")
        else:
            cells.append(str(value))
    return cells


def _array(values, row: Row, key: str) -> str:
    texts = ["true" if v is True else "false" if v is False else str(v) for v in values]
    for text in texts:
        if ARRAY_DELIMITER in text:
            raise ImportCsvError(
                f"{row.type or 'node'} {row.id!r}, property {key!r}: the value {text!r} holds the array delimiter "
                f"{ARRAY_DELIMITER_OPTION}, which neo4j-admin cannot escape; remove it from the source and re-ingest"
            )
    return ARRAY_DELIMITER.join(texts)


def _write(path: Path, header: list[str], rows: Iterator[list[str]]) -> int:
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")  # doubles quotes inside fields, as neo4j-admin reads them
        writer.writerow(header)
        for cells in rows:
            writer.writerow(cells)
            count += 1
    return count
