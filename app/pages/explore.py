"""Explore: the neighbourhood of one entity or paper on the canvas.

The focus comes first as a typed summary ("12 benchmarks, 40 papers, 3
tasks"), the type checklist picks which of those join the view, and the
view is capped to the strongest neighbours with "show more" to grow it.
"""
from __future__ import annotations

import re

from dash import ClientsideFunction, Input, Output, State as DashState, dcc, html, no_update

from app import settings
from app.components import details
from app.components.canvas import SERVER_LAYOUT, canvas, elements, first_draw, layout_options, legend, placed_elements, stylesheet
from app.components.canvas_layout import Point
from app.components.export import export_controls, send_subgraph
from app.components.url_sync import bind, bind_selection, page_location, url_id
from app.components.words import count
from app.urls import LAYOUTS, State
from graph import views
from graph.store import GraphStore
from graph.views import NODE_TYPES, ExploreView, NodeRef

PAGE = "explore"
URL = url_id(PAGE)
PLURAL = {"Method": "methods", "Dataset": "datasets", "Benchmark": "benchmarks", "Task": "tasks", "Metric": "metrics", "Paper": "papers"}
START_TYPES = ("Method", "Dataset", "Benchmark", "Task")
START_PER_TYPE = 6
MAX_MIN_SHARED = 10


def build(store: GraphStore, state: State) -> ExploreView | None:
    if state.focus is None:
        return None
    return views.explore(store, state.focus, state.filters, state.expand, settings.EXPAND_LIMIT)


def drawn_key(state: State) -> str:
    """What the canvas depends on: a click that only changes the selection
    leaves it alone, so the layout does not jump."""
    return State(focus=state.focus, types=state.types, min=state.min, since=state.since, until=state.until,
                 n=state.n, expand=state.expand, layout=state.layout).query_string()


def count_phrase(counts: dict[str, int]) -> str:
    return ", ".join(count(counts[t], t.lower(), PLURAL[t]) for t in NODE_TYPES if counts.get(t)) or "no neighbours"


def type_options(view: ExploreView | None) -> list[dict]:
    available = view.available if view else {}
    return [{"label": f"{t} ({available.get(t, 0):,})" if view else t, "value": t} for t in NODE_TYPES]


def status(store: GraphStore, state: State, view: ExploreView | None) -> list:
    if state.focus is None:
        return start_here(store, state)
    if view is None:
        return [html.Div(f"Nothing in this graph is called {state.focus.key!r}. Search above for something else.", className="hint")]
    focus = view.focus
    shown = view.shown_by_type()
    if not view.hidden:
        more = "."
    elif state.n >= settings.VIEW_MAX_NODES:
        more = f" — the strongest only; not shown: {count_phrase(view.hidden)} (raise “Minimum shared papers” or pick fewer types to see others)."
    else:
        more = f" — the strongest only; not shown: {count_phrase(view.hidden)} (“Show more” adds the next ones)."
    return [
        html.Div([html.B(focus.name), f" ({focus.type}) — neighbourhood: {count_phrase(view.available)}. Tick the types to show."], className="summary", id="explore-summary"),
        html.Div(f"Showing {count_phrase(shown)} and {count(len(view.edges), 'link')}{more}", className="muted", id="explore-shown"),
    ]


def more_note(state: State, hidden: int) -> str:
    """What “Show more” can do for this view: nothing to add, or the cap reached."""
    if hidden == 0:
        return "Nothing more to show: every neighbour of the ticked types is in the view."
    if state.n >= settings.VIEW_MAX_NODES:
        return f"The view is at its {settings.VIEW_MAX_NODES:,}-node maximum; narrow it with the filters to see others."
    return ""


def canvas_elements(view: ExploreView, state: State, previous: dict[str, Point] | None = None) -> list[dict]:
    """The clustered layout is placed here, keeping the nodes already on the
    canvas where they are; the browser's layouts place everything. The edge
    of the link the details show is drawn selected (highlighted)."""
    drawn = elements(view) if state.layout != SERVER_LAYOUT else placed_elements(view, previous or {})
    ends = {NodeRef.entity(key).id for key in state.link}
    for element in drawn:
        if ends and {element["data"].get("source"), element["data"].get("target")} == ends:
            element["selected"] = True
    return drawn


def drawn_and_later(view: ExploreView, state: State, previous: dict[str, Point] | None = None) -> tuple[list[dict], dict]:
    """The first frame's elements and what app/assets/canvas.js `later` adds
    once it is painted. The focus node names the view it belongs to, so the
    clientside step can tell when the canvas shows that view (the links wait
    for it, and only it gets them)."""
    first, links = first_draw(view, canvas_elements(view, state, previous))
    key = drawn_key(state)
    focus = next(e for e in first if e.get("classes") == "focus")
    focus["data"]["view"] = key
    return first, {"view": key, "focus": focus["data"]["id"], "links": links}


def canvas_layout(state: State) -> dict:
    """The layout options for the URL's view. They name the view, so they
    change with it and the canvas runs its layout (and fits) exactly once
    per new view, right after the new elements are in: the canvas does not
    refresh its layout on every added element (autoRefreshLayout off),
    which drew each view twice."""
    return {**layout_options(state.layout), "view": drawn_key(state)}


def start_here(store: GraphStore, state: State) -> list:
    """The empty canvas offers the most-mentioned entities as starting points."""
    rows = []
    for label in START_TYPES:
        top = views.top_entities(store, label, START_PER_TYPE)
        if top:
            rows.append(html.Div([
                html.Span(PLURAL[label].capitalize(), className="start-label"),
                *[dcc.Link(e.name, href=state.href("explore", focus=NodeRef.entity(e.key), sel=NodeRef.entity(e.key)), className="chip") for e in top],
            ], className="related-row"))
    if not rows:
        return [html.Div("The graph is empty: run `paperkg ingest <files>` (or `paperkg demo`) and reload.", className="hint")]
    return [html.Div("Search above for a method, dataset, benchmark, task or paper — or start from one of these:", className="summary"), *rows]


def layout(store: GraphStore, pathname: str, search: str) -> html.Div:
    state = State.parse(search)
    view = build(store, state)
    first, later = drawn_and_later(view, state) if view else ([], None)
    return html.Div([
        page_location(PAGE, pathname, search),
        html.Aside([
            html.H4("Show"),
            dcc.Checklist(id="explore-types", options=type_options(view), value=list(state.types), className="checklist"),
            html.H4("Minimum shared papers"),
            dcc.Slider(id="explore-min", min=1, max=MAX_MIN_SHARED, step=1, value=min(state.min, MAX_MIN_SHARED),
                       marks={i: str(i) for i in (1, 2, 5, 10)}),
            html.H4("Published between"),
            dcc.DatePickerRange(id="explore-dates", start_date=state.since, end_date=state.until, clearable=True,
                                display_format="YYYY-MM-DD", start_date_placeholder_text="from", end_date_placeholder_text="to"),
            html.H4("Layout"),
            dcc.Dropdown(id="explore-layout", options=list(LAYOUTS), value=state.layout, clearable=False),
            html.Div([
                html.Button("Show more", id="explore-more", className="button"),
                html.Button("Reset", id="explore-reset", className="button secondary", title="Back to the focus with default filters"),
            ], className="buttons"),
            html.Div(id="explore-more-note", className="muted", role="status"),
            html.H4("Download this view"),
            export_controls("explore"),
        ], className="sidebar"),
        html.Section([
            html.Div(status(store, state, view), id="explore-status", className="status"),
            canvas("explore-canvas", first, canvas_layout(state), view=view, refresh_layout=False),
            legend(),
        ], className="main"),
        details.panel(PAGE, details.content(store, PAGE, state)),
        dcc.Store(id="explore-later", data=later),
        dcc.Store(id="explore-later-added"),
        dcc.Store(id="explore-drawn", data=drawn_key(state)),
        dcc.Store(id="explore-hidden", data=sum(view.hidden.values()) if view else 0),
        dcc.Store(id="explore-positions"),
        dcc.Store(id="explore-picked"),
    ], className="page page-explore")


def render(store: GraphStore, search: str, drawn: str | None, positions: dict[str, list[float]] | None = None,
           styles: list[dict] | None = None):
    """Canvas (elements, layout, stylesheet), summary, type counts, what
    "show more" could add, the links drawn after the first frame, and the
    note cleared, for the URL: one answer,
    one round trip. The canvas is left as it is when only the selection
    changed. `positions` (node id → [x, y]) are the nodes on the canvas now:
    those staying in the view stay where they are, unless the focus or the
    layout changed. `styles`, the canvas's stylesheet now, is sent again
    only if it changes: cytoscape restyles every element for a new one."""
    state = State.parse(search)
    key = drawn_key(state)
    if key == drawn:
        return (no_update,) * 8 + ("",)
    view = build(store, state)
    if view is None:
        return [], canvas_layout(state), stylesheet(None), status(store, state, view), type_options(view), 0, None, key, ""
    shown = State.parse(drawn) if drawn is not None else None
    keep = shown is not None and shown.focus == state.focus and shown.layout == state.layout
    previous = {node_id: Point(*xy) for node_id, xy in (positions or {}).items()} if keep else {}
    restyled = stylesheet(view)
    first, later = drawn_and_later(view, state, previous)
    return (first, canvas_layout(state), no_update if restyled == styles else restyled,
            status(store, state, view), type_options(view), sum(view.hidden.values()), later, key, "")


def register(app, store: GraphStore) -> None:
    # Before the server draws a new view, the browser hands over where the
    # nodes are now (app/assets/canvas.js), so they can stay there.
    app.clientside_callback(
        ClientsideFunction(namespace="paperkg_canvas", function_name="positions"),
        Output("explore-positions", "data"),
        Input(URL, "search"), DashState("explore-canvas", "id"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        ClientsideFunction(namespace="paperkg_canvas", function_name="later"),
        Output("explore-later-added", "data"),
        Input("explore-later", "data"), DashState("explore-canvas", "elements"), DashState("explore-canvas", "id"),
    )

    # A link opened by its "appears with" chip (the canvas is not redrawn for
    # it) highlights its edge here; a tapped edge is selected by the tap.
    app.clientside_callback(
        ClientsideFunction(namespace="paperkg_canvas", function_name="pick"),
        Output("explore-picked", "data"),
        Input(URL, "search"), DashState("explore-canvas", "id"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output("explore-canvas", "elements"), Output("explore-canvas", "layout"), Output("explore-canvas", "stylesheet"),
        Output("explore-status", "children"), Output("explore-types", "options"), Output("explore-hidden", "data"),
        Output("explore-later", "data"), Output("explore-drawn", "data"), Output("explore-more-note", "children", allow_duplicate=True),
        Input("explore-positions", "data"), DashState("explore-drawn", "data"), DashState("explore-canvas", "stylesheet"),
        prevent_initial_call=True,
    )
    def _render(sent, drawn, styles):
        return render(store, sent["search"], drawn, sent["positions"], styles)

    bind(
        app,
        PAGE,
        [("explore-types", "value"), ("explore-min", "value"), ("explore-dates", "start_date"),
         ("explore-dates", "end_date"), ("explore-layout", "value")],
        to_controls=lambda s: [list(s.types), min(s.min, MAX_MIN_SHARED), s.since, s.until, s.layout],
        to_state=lambda s, v: State.parse(s.with_(
            types=tuple(t for t in NODE_TYPES if t in (v[0] or ())), min=v[1] or 1,
            since=v[2], until=v[3], layout=v[4],
        ).query_string()),  # round trip: the URL's own validation applies to control values too
    )

    bind_selection(app, PAGE, "explore-canvas")

    @app.callback(Output(URL, "search", allow_duplicate=True), Output("explore-more-note", "children"),
                  Input("explore-more", "n_clicks"), DashState(URL, "search"), DashState("explore-hidden", "data"),
                  prevent_initial_call=True)
    def _more(_, search, hidden):
        state = State.parse(search)
        note = more_note(state, hidden or 0)
        if note:
            return no_update, note
        return state.with_(n=min(settings.VIEW_MAX_NODES, state.n + settings.VIEW_NODE_STEP)).query_string(), ""

    @app.callback(Output(URL, "search", allow_duplicate=True), Input("explore-reset", "n_clicks"),
                  DashState(URL, "search"), prevent_initial_call=True)
    def _reset(_, search):
        focus = State.parse(search).focus
        return State(focus=focus, sel=focus).query_string()

    @app.callback(Output("explore-export-download", "data"), Input("explore-export-button", "n_clicks"),
                  DashState("explore-export-format", "value"), DashState(URL, "search"), prevent_initial_call=True)
    def _export(_, format, search):
        state = State.parse(search)
        view = build(store, state)
        if view is None:
            return no_update
        return send_subgraph(view.subgraph, format, "paperkg-" + re.sub(r"[^\w.-]+", "-", state.focus.key)[:60])
