"""Store-neutral query results, so views and exports never see driver types."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping


@dataclass(frozen=True)
class GNode:
    id: str  # element id as a string (store-specific, stable within a result)
    labels: tuple[str, ...]
    properties: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class GEdge:
    id: str
    type: str
    start: str  # GNode.id
    end: str
    properties: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class GPath:
    nodes: tuple[GNode, ...]
    edges: tuple[GEdge, ...]


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]  # values: plain JSON-able scalars, lists, dicts, GNode, GEdge, GPath
    truncated: bool = False  # more rows existed than the cap allowed

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


# Values no driver represents with a type of its own: most of a result (a
# re-ingest reads 40k papers' properties), so they skip the driver's checks.
_PLAIN = frozenset({str, int, float, bool, type(None)})


def convert(value: Any, driver_value: Callable[[Any], Any]) -> Any:
    """Walk a driver's result value, turning its own types into ours with
    `driver_value` (which returns NotImplemented for values it leaves alone)."""
    if type(value) in _PLAIN:
        return value
    converted = driver_value(value)
    if converted is not NotImplemented:
        return converted
    if isinstance(value, Mapping):
        return {str(k): convert(v, driver_value) for k, v in value.items()}
    if isinstance(value, list):
        return [convert(v, driver_value) for v in value]
    return value
