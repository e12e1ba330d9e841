"""Query results as a terminal table, JSON or CSV."""
from __future__ import annotations

import csv
import json
import re
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from graph.results import GEdge, GNode, GPath, QueryResult

# C0 controls but newline and tab, DEL, C1 controls, and the bidi overrides
# that reorder what a terminal shows.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_text(value: Any, style: str = "") -> Text:
    """Text from the data (titles, names, messages quoting input) made safe to
    print: rich markup stays literal (a title with `[/x]` prints as is) and
    escape sequences show as `\\x1b`, so data can never restyle, move or
    clear the user's terminal."""
    return Text(_UNPRINTABLE.sub(_visible_escape, value if isinstance(value, str) else str(value)), style=style)


def _visible_escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
    table = Table()
    for column in result.columns:
        table.add_column(terminal_text(column))
    for row in result.rows:
        table.add_row(*(terminal_text(cell(v)) for v in row))
    console.print(table)
    console.print(f"{len(result.rows)} row(s)")


def render_json(result: QueryResult, console: Console) -> None:
    sys.stdout.write(json.dumps([{k: plain(v) for k, v in zip(result.columns, row)} for row in result.rows], ensure_ascii=False, indent=1) + "\n")


def render_csv(result: QueryResult, console: Console) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([cell(v) for v in row])
