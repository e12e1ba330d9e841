"""The shell around every page: header (search, store, counts), page tabs,
and the page itself, chosen by the URL path."""
from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from dash import Input, Output, State as DashState, dcc, html, no_update
from flask import Response, has_request_context, request

from app.components import date_range, link
from app.components.pickers import ROLE, picker
from app.errors import USER_ERRORS
from app.pages import connect, cypher, explore, overview
from app.urls import PAGES, State, page_of
from graph import views
from graph.store import GraphStore
from graph.views import NodeRef

PAGE_MODULES = {"explore": explore, "connect": connect, "overview": overview, "cypher": cypher}
PAGE_TITLES = {"explore": "Explore", "connect": "Connect", "overview": "Overview", "cypher": "Cypher"}
SEARCH_ID = {"role": ROLE, "name": "search", "kind": "any"}
SERVED_ID = "page-served"  # [pathname, search] of the page that came with the layout, until the page callback has seen it


@dataclass(frozen=True)
class FirstPage:
    """The page for the address the browser opened, sent with the layout."""
    pathname: str
    search: str
    page: html.Div


def shell(store: GraphStore, first: FirstPage | None = None) -> html.Div:
    """Built per page load, so the counts are current. With the `first`
    page (the one the address asks for) the browser draws it from this
    answer, with no page callback round trip after the scripts load."""
    counts = views.graph_counts(store)
    summary = f"{counts.papers:,} papers · {counts.total_entities:,} entities"
    return html.Div([
        dcc.Location(id="url", refresh="callback-nav", **({"pathname": first.pathname, "search": first.search} if first else {})),
        html.Header([
            dcc.Link("paperkg", href="/explore", className="brand"),
            html.Div(picker("search", "any", placeholder="Search methods, datasets, benchmarks, tasks, metrics or paper titles…"), className="search"),
            html.Div([
                html.Div(summary, className="counts", id="header-counts"),
                html.Div(store.describe(), className="store", id="header-store", title="the graph store in use"),
            ], className="header-info"),
        ], className="header"),
        # Each tab's last query string, so switching tabs returns to where that tab was.
        dcc.Store(id="tab-searches", data={}),
        html.Nav([dcc.Link(PAGE_TITLES[p], href=f"/{p}", id=f"nav-{p}", className="tab") for p in PAGES], className="tabs"),
        html.Main(first.page if first else None, id="page"),
        dcc.Store(id=SERVED_ID, data=[first.pathname, first.search] if first else None),
    ], className="app")


def carried(state: State, page: str) -> State:
    """The state a tab opens with the first time: Connect starts from the
    Explore focus (an entity as one end, a paper for its related papers)."""
    if page == "connect" and state.focus and not (state.a or state.paper):
        state = state.with_(a=state.focus.key) if state.focus.kind == "e" else state.with_(paper=state.focus.key)
    return state.for_page(page)


def tab_searches(saved: dict | None, page: str, search: str | None) -> dict:
    """Remember the current page's own part of the URL."""
    return {**(saved or {}), page: State.parse(search).for_page(page).query_string()}


def tab_href(page: str, saved: dict, search: str | None) -> str:
    """Back to where the tab was; the first time, what it carries over."""
    if page in saved:
        return f"/{page}{saved[page]}"
    return carried(State.parse(search), page).href(page)


class PagesAhead:
    """A page load asks for its page after its document: once the browser
    has run the app's scripts (~0.3 s), with the app's layout (FirstPage),
    or through the `page` callback when the layout could not tell the
    address. The page is started when its document is served, so building
    it (the view's queries, the layout, the details) overlaps the scripts. Each page started is handed out once, only while FRESH_S
    old, and only if the store still answers (`check`): a page built just
    before the store failed is dropped, and the failure is what the user
    sees. Anything else is built when asked."""

    FRESH_S = 20.0
    MAX_PENDING = 16  # a burst of document requests that never ask for their page builds no more

    def __init__(self, build: Callable[[str, str], html.Div], check: Callable[[], object]):
        self._build = build
        self._check = check
        self._started: dict[tuple[str, str], tuple[float, Future]] = {}
        self._lock = threading.Lock()

    def start(self, pathname: str, search: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._started = {key: s for key, s in self._started.items() if now - s[0] < self.FRESH_S}
            if (pathname, search) in self._started or len(self._started) >= self.MAX_PENDING:
                return
            future: Future = Future()
            self._started[(pathname, search)] = (now, future)

        def build() -> None:
            try:
                future.set_result(self._build(pathname, search))
            except BaseException as error:  # the page callback raises it, as if it had built the page itself
                future.set_exception(error)

        threading.Thread(target=build, name="page-ahead", daemon=True).start()

    def page(self, pathname: str, search: str) -> html.Div:
        with self._lock:
            started = self._started.pop((pathname, search), None)
        if started is not None and time.monotonic() - started[0] < self.FRESH_S:
            page = started[1].result()
            self._check()
            return page
        return self._build(pathname, search)


def is_page_path(path: str) -> bool:
    return path == "/" or path.strip("/") in PAGES


def opened_address() -> tuple[str, str] | None:
    """(pathname, search) of the document asking for the app's layout: the
    browser fetches it from that document, whose whole address (same
    origin) is the request's Referer. None when there is none to trust."""
    if not has_request_context() or not request.referrer:
        return None
    address = urlsplit(request.referrer)
    if address.netloc != request.host or not is_page_path(address.path):
        return None
    return address.path, f"?{address.query}" if address.query else ""


def register(app, store: GraphStore) -> Callable[[], FirstPage | None]:
    """The shell's callbacks; returns what gives the layout its first page."""
    ahead = PagesAhead(lambda pathname, search: PAGE_MODULES[page_of(pathname)].layout(store, pathname, search),
                       check=lambda: store.scalar("RETURN 1"))

    def first_page() -> FirstPage | None:
        address = opened_address()
        if address is None:
            return None
        try:
            return FirstPage(*address, ahead.page(*address))
        except USER_ERRORS:
            return None  # the page callback asks again, and its failure shows the store alert

    @app.server.after_request
    def _start_page(response: Response) -> Response:
        # After the request's own checks (basic auth): only a document served is started.
        if request.method == "GET" and response.status_code == 200 and is_page_path(request.path):
            query = request.query_string.decode()
            ahead.start(request.path, f"?{query}" if query else "")
        return response

    @app.callback(Output("page", "children"), Output(SERVED_ID, "data"),
                  Input("url", "pathname"), DashState("url", "search"), DashState(SERVED_ID, "data"))
    def _page(pathname, search, served):
        address = [pathname or "/", search or ""]
        if served == address:  # the layout brought this page: nothing to send
            return no_update, None
        return ahead.page(*address), None if served else no_update

    @app.callback(
        [Output(f"nav-{p}", "href") for p in PAGES] + [Output(f"nav-{p}", "className") for p in PAGES] + [Output("tab-searches", "data")],
        Input("url", "search"), Input("url", "pathname"), DashState("tab-searches", "data"),
    )
    def _tabs(search, pathname, saved):
        current = page_of(pathname)
        saved = tab_searches(saved, current, search)
        return [tab_href(p, saved, search) for p in PAGES] + ["tab active" if p == current else "tab" for p in PAGES] + [saved]

    link.register(app)
    date_range.register(app, store)

    @app.callback(
        Output("url", "pathname", allow_duplicate=True),
        Output("url", "search", allow_duplicate=True),
        Output(SEARCH_ID, "value"),
        Input(SEARCH_ID, "value"),
        prevent_initial_call=True,
    )
    def _open(value):
        ref = NodeRef.parse(value)
        if ref is None:
            return no_update, no_update, no_update
        return "/explore", State(focus=ref, sel=ref).query_string(), None

    return first_page
