"""The app's state lives in the URL: the page is the path, everything else
(selection, filters, connect endpoints, the console query) the query string.

So a view is bookmarkable, the back button undoes a click, and links inside
the app are plain hrefs built by `State.href`. Only values that differ from
the defaults are written, so URLs stay short.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any
from urllib.parse import parse_qs, urlencode

from app import settings
from graph.dialect import ENTITY_LABELS
from graph.views import NODE_TYPES, NodeRef, ViewFilters
from graph.views.link import ORDERS as LINK_ORDERS

PAGES = ("explore", "connect", "overview", "cypher")
# "clustered" is placed on the server (app/components/canvas_layout.py); the others run in the browser.
LAYOUTS = ("clustered", "cose", "concentric", "breadthfirst", "circle", "grid")


@dataclass(frozen=True)
class State:
    focus: NodeRef | None = None  # the Explore view's centre
    sel: NodeRef | None = None  # the node whose details show
    types: tuple[str, ...] = ENTITY_LABELS  # node types the view may show
    min: int = 1  # minimum shared papers on an edge
    since: str | None = None
    until: str | None = None
    n: int = settings.VIEW_NODE_LIMIT
    expand: tuple[NodeRef, ...] = ()
    layout: str = LAYOUTS[0]
    a: str | None = None  # Connect: entity keys
    b: str | None = None
    paper: str | None = None  # Related papers of this paper id
    compare: tuple[str, ...] = ()  # paper ids
    track: tuple[str, ...] = ()  # Overview timeline: entity keys
    canned: str | None = None  # Cypher: canned query name
    query: str | None = None  # Cypher: the query text as edited
    args: tuple[str, ...] = ()  # Cypher: "name=value" parameter values
    link: tuple[str, ...] = ()  # two entity keys: the papers behind their link show in details
    by: str = LINK_ORDERS[0]  # the link's papers: "recent" or "upvotes" first

    # ------------------------------------------------------------ parsing

    @classmethod
    def parse(cls, search: str | None) -> "State":
        """Whatever the query string says, a valid state: unknown or broken
        values fall back to defaults instead of failing the page."""
        # Blank values are kept: "types=" means "no types ticked", not "default".
        raw = parse_qs((search or "").lstrip("?"), keep_blank_values=True)

        def one(name: str) -> str | None:
            values = raw.get(name)
            return values[-1] or None if values else None

        types = tuple(t for t in (one("types") or "").split(",") if t in NODE_TYPES)
        return cls(
            focus=NodeRef.parse(one("focus")),
            sel=NodeRef.parse(one("sel")),
            types=types if "types" in raw else ENTITY_LABELS,
            min=_int(one("min"), 1, 1, 1000),
            since=_date(one("since")),
            until=_date(one("until")),
            n=_int(one("n"), settings.VIEW_NODE_LIMIT, 1, settings.VIEW_MAX_NODES),
            expand=tuple(ref for ref in map(NodeRef.parse, raw.get("expand", ())) if ref),
            layout=one("layout") if one("layout") in LAYOUTS else LAYOUTS[0],
            a=one("a"),
            b=one("b"),
            paper=one("paper"),
            compare=tuple(dict.fromkeys(filter(None, raw.get("compare", ()))))[: settings.COMPARE_MAX_PAPERS],
            track=tuple(dict.fromkeys(filter(None, raw.get("track", ())))),
            canned=one("canned"),
            query=one("query"),
            args=tuple(a for a in raw.get("args", ()) if "=" in a),
            link=_pair(raw.get("link", ())),
            by=one("by") if one("by") in LINK_ORDERS else LINK_ORDERS[0],
        )

    def query_string(self) -> str:
        defaults = State()
        pairs: list[tuple[str, str]] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if value == getattr(defaults, f.name) or value is None:
                continue
            if f.name == "types":
                pairs.append(("types", ",".join(value)))
            elif isinstance(value, tuple):
                pairs.extend((f.name, _text(v)) for v in value)
            else:
                pairs.append((f.name, _text(value)))
        return "?" + urlencode(pairs) if pairs else ""

    def href(self, page: str, **changes: Any) -> str:
        return f"/{page}{replace(self, **changes).query_string()}"

    def with_(self, **changes: Any) -> "State":
        return replace(self, **changes)

    def for_page(self, page: str) -> "State":
        """Only what `page` reads: each tab keeps its own state, and one
        page's parameters never ride along into another's URL."""
        return State(**{name: getattr(self, name) for name in PAGE_FIELDS[page]})

    @property
    def filters(self) -> ViewFilters:
        return ViewFilters(types=self.types, min_shared=self.min, since=self.since, until=self.until, limit=self.n)


PAGE_FIELDS = {
    "explore": ("focus", "sel", "types", "min", "since", "until", "n", "expand", "layout", "link", "by"),
    "connect": ("a", "b", "paper", "compare", "sel", "link", "by"),
    "overview": ("track",),
    "cypher": ("canned", "query", "args"),
}


def page_of(pathname: str | None) -> str:
    name = (pathname or "/").strip("/").split("/")[0]
    return name if name in PAGES else PAGES[0]


def _pair(keys) -> tuple[str, ...]:
    keys = tuple(dict.fromkeys(k for k in keys if k))
    return keys if len(keys) == 2 else ()


def _text(value: Any) -> str:
    return value.id if isinstance(value, NodeRef) else str(value)


def _int(text: str | None, default: int, low: int, high: int) -> int:
    try:
        return min(high, max(low, int(text))) if text is not None else default
    except ValueError:
        return default


def _date(text: str | None) -> str | None:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text[:10]).isoformat() if text else None
    except ValueError:
        return None
