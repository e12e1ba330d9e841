"""The Cypher console: a user's read-only query, and the options of a canned
query's parameters."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from graph.export.convert import result_graph
from graph.render import plain
from graph.store import GraphStore
from graph.views.model import GraphView, view_graph


@dataclass
class ConsoleResult:
    columns: list[str]
    rows: list[list[Any]]  # JSON-able (graph.render.plain)
    truncated: bool
    graph: GraphView  # the nodes and relationships among the values


def run_console(store: GraphStore, query: str, params: dict[str, Any], *, limit: int, timeout: float) -> ConsoleResult:
    """A user's query, read-only, capped and timed out like `paperkg query`.
    Nodes and relationships in the result come back as a subgraph too."""
    result = store.read(query, params, limit=limit, timeout=timeout)
    nodes, edges = result_graph(result)
    view = view_graph(nodes, edges, truncated=result.truncated)
    return ConsoleResult(result.columns, [[plain(v) for v in row] for row in result.rows], result.truncated, view)


def choices(store: GraphStore, query: str, limit: int = 500) -> list[tuple[Any, str]]:
    """(value, label) options for a canned query's parameter: its `value`
    and `label` columns, else its first column and second (if any). By
    name first, since a capped read may not keep the columns' order."""
    result = store.read(query, {}, limit=limit)
    columns = result.columns
    value = columns.index("value") if "value" in columns else 0
    label = columns.index("label") if "label" in columns else min(1, len(columns) - 1) if value == 0 else 0
    return [(row[value], str(row[label])) for row in result.rows]


# ------------------------------------------------------------------ errors

@dataclass(frozen=True)
class ConsoleError:
    message: str  # one plain line
    line: int | None = None  # 1-based position in the query, when the store gave one
    column: int | None = None

    def marked(self, query: str) -> str | None:
        """The query's line at fault with a caret under the position."""
        lines = query.splitlines()
        if self.line is None or self.column is None or not 1 <= self.line <= len(lines):
            return None
        return f"{lines[self.line - 1]}\n{' ' * (self.column - 1)}^"


# FalkorDB: "errMsg: ... line: 1, column: 10, offset: 9 errCtx: ... errCtxOffset: 9";
# Neo4j: "... (line 1, column 10 (offset: 9))" followed by the query line and a caret.
_POSITION = re.compile(r"\(?\s*\bline:?\s*(\d+),\s*column:?\s*(\d+)(?:,?\s*\(?offset:?\s*\d+\)?)?\)?", re.IGNORECASE)
_NOISE = re.compile(r"^errMsg:\s*|\s*errCtx:.*$", re.DOTALL)


def plain_error(message: str) -> ConsoleError:
    """A store's syntax or runtime error as one line a reader can act on,
    with the position (if any) kept apart for marking."""
    first = _NOISE.sub("", message.strip()).splitlines()[0] if message.strip() else "The query failed."
    position = _POSITION.search(first)
    line = column = None
    if position:
        line, column = int(position.group(1)), int(position.group(2))
        first = (first[: position.start()] + first[position.end():]).strip()
    first = first.replace("Invalid input", "Unexpected input", 1).rstrip(" .:")
    where = f" (line {line}, column {column})" if line else ""
    return ConsoleError(f"{first[:1].upper()}{first[1:]}{where}.", line, column)


# ------------------------------------------------------------------ schema

@dataclass(frozen=True)
class SchemaItem:
    name: str  # a label or relationship type
    count: int | None  # how many (None: not counted)
    properties: tuple[tuple[str, str], ...]  # (property, an example value as text)


@dataclass(frozen=True)
class Catalogue:
    """Every label, relationship type and property key the graph has."""

    labels: frozenset[str]
    relationship_types: frozenset[str]
    property_keys: frozenset[str]


@dataclass
class GraphSchema:
    labels: list[SchemaItem]
    relationships: list[SchemaItem]


def catalogue(store: GraphStore) -> Catalogue:
    """Three catalogue procedures, the same on FalkorDB and Neo4j: no scan."""
    names = [frozenset(row[0] for row in store.read(f"CALL db.{proc}()").rows) for proc in ("labels", "relationshipTypes", "propertyKeys")]
    return Catalogue(*names)


SCHEMA_SAMPLE = 5  # nodes or relationships read per label or type for property examples
EXAMPLE_CHARS = 40


def graph_schema(store: GraphStore) -> GraphSchema:
    """Labels, relationship types and their properties with an example each,
    from the live graph: a procedure call per list and a few sampled
    elements per label (LIMIT), never a scan."""
    names = catalogue(store)
    # Names come from the graph's own catalogue, never from the user, and are quoted.
    node_items = [
        SchemaItem(label, store.scalar(f"MATCH (n:{_quoted(label)}) RETURN count(n)"),
                   _examples(row[0].properties for row in store.read(f"MATCH (n:{_quoted(label)}) RETURN n LIMIT {SCHEMA_SAMPLE}").rows))
        for label in sorted(names.labels, key=_label_order)
    ]
    edge_items = [
        SchemaItem(kind, None, _examples(row[0].properties for row in store.read(f"MATCH ()-[r:{_quoted(kind)}]->() RETURN r LIMIT {SCHEMA_SAMPLE}").rows))
        for kind in sorted(names.relationship_types)
    ]
    return GraphSchema(node_items, edge_items)


def _label_order(label: str) -> tuple:
    return (label not in ("Paper", "Entity"), label)


def _quoted(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _examples(samples) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for properties in samples:
        for key, value in properties.items():
            if key not in found and value not in (None, "", []):
                text = plain_value(value)
                found[key] = text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1] + "…"
    return tuple(sorted(found.items()))


def plain_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(map(plain_value, value[:3])) + (", …]" if len(value) > 3 else "]")
    return repr(value) if isinstance(value, str) else str(value)


# ------------------------------------------------------------------ warnings

_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*")
_NODE_LABELS = re.compile(r"\(\s*\w*\s*((?::\s*`?\w+`?\s*)+)")
_REL_TYPES = re.compile(r"\[\s*\w*\s*:\s*(`?\w+`?(?:\s*\|\s*:?\s*`?\w+`?)*)")
_PROPERTY = re.compile(r"\b[A-Za-z_]\w*\.([A-Za-z_]\w*)\b(?!\s*\()")
_PATTERN_MAP = re.compile(r"[(\[]\s*\w*\s*(?::\s*`?\w+`?\s*)*\{([^}]*)\}")
_MAP_KEY = re.compile(r"(?:^|,)\s*`?(\w+)`?\s*:")


def query_warnings(query: str, known: Catalogue) -> list[str]:
    """Labels, relationship types and properties the query names that
    nothing in the graph has: a misspelling returns 0 rows silently otherwise."""
    text = _STRINGS.sub("''", query)
    labels = {name.strip("` ") for chain in _NODE_LABELS.findall(text) for name in chain.split(":") if name.strip("` ")}
    types = {name.strip("`: ") for chain in _REL_TYPES.findall(text) for name in chain.split("|") if name.strip("`: ")}
    properties = set(_PROPERTY.findall(text)) | {key for body in _PATTERN_MAP.findall(text) for key in _MAP_KEY.findall(body)}
    warnings = []
    for kind, used, names in (("label", labels, known.labels), ("relationship type", types, known.relationship_types),
                              ("property", properties, known.property_keys)):
        for name in sorted(used - names):
            close = [k for k in names if k.casefold() == name.casefold()] or difflib.get_close_matches(name, names, n=1)
            hint = f" — did you mean {close[0]}?" if close else ""
            warnings.append(f"No {kind} {name} in this graph{hint}")
    return warnings
