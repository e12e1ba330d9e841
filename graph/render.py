"""Query results as a terminal table, JSON or CSV."""
from __future__ import annotations

import csv
import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from graph.results import GEdge, GNode, GPath, QueryResult


def plain(value: Any) -> Any:
    """A JSON-able form of a result value: nodes and edges keep their
    labels or type next to their properties."""
    if isinstance(value, GNode):
        return {"_id": value.id, "_labels": list(value.labels), **value.properties}
    if isinstance(value, GEdge):
        return {"_id": value.id, "_type": value.type, "_start": value.start, "_end": value.end, **value.properties}
    if isinstance(value, GPath):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(e) for e in value.edges]}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(plain(value), ensure_ascii=False)


def render_table(result: QueryResult, console: Console) -> None:
    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*(Text(cell(v)) for v in row))  # Text: user data is never rich markup
    console.print(table)
    console.print(f"{len(result.rows)} row(s)")


def render_json(result: QueryResult, console: Console) -> None:
    sys.stdout.write(json.dumps([{k: plain(v) for k, v in zip(result.columns, row)} for row in result.rows], ensure_ascii=False, indent=1) + "\n")


def render_csv(result: QueryResult, console: Console) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([cell(v) for v in row])
